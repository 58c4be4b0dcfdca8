/* cabref: the outcome of a tally (spec/tally.md TALLY-OUTCOME) and of its review
 * (TALLY-REVIEW). */
#include "cabref/tally.h"

void cabref_tally_decide(const cabref_counts *counts, uint32_t quorum, const cabref_rules *rules,
                         cabref_consumer_rule consumer, uint32_t period_reasons,
                         cabref_tally_result *out) {
  /* TALLY-QUORUM-FIXED: quorum 0 means the rule set has none. */
  uint8_t quorum_met = (quorum == 0u || cabref_quorum_met(counts->participants, quorum) != 0) ? 1u : 0u;
  /* TALLY-THR-ISSUER, TALLY-THR-CONSUMER (with TALLY-THR-EMPTY inside both). */
  uint8_t issuer_met = cabref_issuer_threshold_met(counts->issuer.yes, counts->issuer.no) != 0 ? 1u : 0u;
  uint8_t consumer_met =
      cabref_consumer_threshold_met(counts->consumer.yes, counts->consumer.no, consumer) != 0 ? 1u : 0u;
  /* TALLY-YES-EACH (Bylaws 1.0+): at least one yes in each category. */
  uint8_t issuer_has_yes = counts->issuer.yes >= 1u ? 1u : 0u;
  uint8_t consumer_has_yes = counts->consumer.yes >= 1u ? 1u : 0u;
  /* TALLY-OUTCOME: every reason that applies is listed, not only the first. */
  uint32_t no_quorum = quorum_met == 0u ? CABREF_R_NO_QUORUM : 0u;
  uint32_t issuer_threshold = issuer_met == 0u ? CABREF_R_ISSUER_THRESHOLD : 0u;
  uint32_t consumer_threshold = consumer_met == 0u ? CABREF_R_CONSUMER_THRESHOLD : 0u;
  uint32_t issuer_no_yes =
      (rules->yes_each != 0u && issuer_has_yes == 0u) ? CABREF_R_ISSUER_NO_YES : 0u;
  uint32_t consumer_no_yes =
      (rules->yes_each != 0u && consumer_has_yes == 0u) ? CABREF_R_CONSUMER_NO_YES : 0u;
  /* TALLY-OUTCOME: invalid = quorum not met or a procedural (period) rule broken; failed = a
   * threshold, the one-yes rule or the automatic-failure rule fails. These are the reasons
   * under CABREF_R_INVALID_MASK and CABREF_R_FAILED_MASK. */
  int invalid = (period_reasons & CABREF_R_INVALID_MASK) != 0u || no_quorum != 0u;
  /* A met threshold implies a yes vote (TALLY-THR-EMPTY), so the one-yes reasons are tested
   * first: in the other order their test would be unreachable code. */
  int failed = (period_reasons & CABREF_R_FAILED_MASK) != 0u || issuer_no_yes != 0u ||
               consumer_no_yes != 0u || issuer_threshold != 0u || consumer_threshold != 0u;
  uint32_t reasons = period_reasons | no_quorum | issuer_threshold | consumer_threshold |
                     issuer_no_yes | consumer_no_yes;
  /*@ assert no_quorum: no_quorum == Bit(!QuorumMetOf(counts, quorum), CABREF_R_NO_QUORUM); */
  /*@ assert issuer_threshold: issuer_threshold == Bit(!IssuerThresholdMet(counts->issuer.yes,
        counts->issuer.no), CABREF_R_ISSUER_THRESHOLD); */
  /*@ assert consumer_threshold: consumer_threshold == Bit(!ConsumerThresholdMet(
        counts->consumer.yes, counts->consumer.no, consumer), CABREF_R_CONSUMER_THRESHOLD); */
  /*@ assert issuer_no_yes: issuer_no_yes ==
        Bit(rules->yes_each != 0 && counts->issuer.yes == 0, CABREF_R_ISSUER_NO_YES); */
  /*@ assert consumer_no_yes: consumer_no_yes ==
        Bit(rules->yes_each != 0 && counts->consumer.yes == 0, CABREF_R_CONSUMER_NO_YES); */
  out->counts = *counts;
  out->quorum = quorum;
  out->quorum_met = quorum_met;
  out->issuer_threshold_met = issuer_met;
  out->consumer_threshold_met = consumer_met;
  out->issuer_has_yes = issuer_has_yes;
  out->consumer_has_yes = consumer_has_yes;
  out->reasons = reasons;
  /* TALLY-OUTCOME: a broken procedure or a missing quorum makes the result invalid, whatever
   * the votes; otherwise any failed rule makes it fail. */
  if (invalid) {
    out->outcome = CABREF_OUTCOME_INVALID;
  } else if (failed) {
    out->outcome = CABREF_OUTCOME_FAILED;
  } else {
    out->outcome = CABREF_OUTCOME_PASSED;
  }
}

void cabref_apply_review(cabref_tally_result *r, const cabref_review_result *rv) {
  /* TALLY-REVIEW (Bylaws 1.5+ §2.3, 2.5 §2.4): an Exclusion Notice during the Review Period
   * rescinds a passed Initial Vote. A vote that did not pass has nothing to rescind. */
  if (r->outcome == CABREF_OUTCOME_PASSED && rv->rescinded != 0u) {
    r->outcome = CABREF_OUTCOME_RESCINDED;
    r->reasons |= CABREF_R_EXCLUSION_NOTICE;
  }
}
