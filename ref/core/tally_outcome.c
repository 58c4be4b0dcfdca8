/* cabref: the outcome of a tally (spec/tally.md TALLY-OUTCOME) and of its review
 * (TALLY-REVIEW). Each reason is computed by its own small function, whose contract names the
 * rule; the decision then only combines them. */
#include "cabref/tally.h"

/* TALLY-QUORUM-FIXED, TALLY-QUORUM-PART: quorum 0 means the rule set has none. */
/*@
  requires valid_counts: \valid_read(counts);
  assigns \nothing;
  ensures bit: \result == Bit(!QuorumMetOf(counts, quorum), CABREF_R_NO_QUORUM);
*/
static uint32_t no_quorum_bit(const cabref_counts *counts, uint32_t quorum) {
  if (quorum == 0u || cabref_quorum_met(counts->participants, quorum) != 0) {
    return 0u;
  }
  return CABREF_R_NO_QUORUM;
}

/* TALLY-THR-ISSUER with TALLY-THR-EMPTY; TALLY-THR-ABSTAIN: only yes and no enter the ratio. */
/*@
  requires valid_counts: \valid_read(counts);
  assigns \nothing;
  ensures bit: \result ==
    Bit(!IssuerThresholdMet(counts->issuer.yes, counts->issuer.no), CABREF_R_ISSUER_THRESHOLD);
*/
static uint32_t issuer_threshold_bit(const cabref_counts *counts) {
  return cabref_issuer_threshold_met(counts->issuer.yes, counts->issuer.no) != 0
             ? 0u
             : CABREF_R_ISSUER_THRESHOLD;
}

/* TALLY-THR-CONSUMER with TALLY-THR-EMPTY and TALLY-THR-ABSTAIN, in the reading chosen. */
/*@
  requires valid_counts: \valid_read(counts);
  assigns \nothing;
  ensures bit: \result == Bit(!ConsumerThresholdMet(counts->consumer.yes, counts->consumer.no,
    consumer), CABREF_R_CONSUMER_THRESHOLD);
*/
static uint32_t consumer_threshold_bit(const cabref_counts *counts, cabref_consumer_rule consumer) {
  return cabref_consumer_threshold_met(counts->consumer.yes, counts->consumer.no, consumer) != 0
             ? 0u
             : CABREF_R_CONSUMER_THRESHOLD;
}

/* TALLY-YES-EACH (Bylaws 2.5 §2.3(6), from 1.0): at least one yes in the category. */
/*@
  requires valid_rules: \valid_read(rules);
  assigns \nothing;
  ensures bit: \result == Bit(rules->yes_each != 0 && yes == 0, bit);
*/
static uint32_t no_yes_bit(const cabref_rules *rules, uint32_t yes, uint32_t bit) {
  return (rules->yes_each != 0u && yes == 0u) ? bit : 0u;
}

void cabref_tally_decide(const cabref_counts *counts, uint32_t quorum, const cabref_rules *rules,
                         cabref_consumer_rule consumer, uint32_t period_reasons,
                         cabref_tally_result *out) {
  uint32_t no_quorum = no_quorum_bit(counts, quorum);
  uint32_t issuer_threshold = issuer_threshold_bit(counts);
  uint32_t consumer_threshold = consumer_threshold_bit(counts, consumer);
  uint32_t issuer_no_yes = no_yes_bit(rules, counts->issuer.yes, CABREF_R_ISSUER_NO_YES);
  uint32_t consumer_no_yes = no_yes_bit(rules, counts->consumer.yes, CABREF_R_CONSUMER_NO_YES);
  /* TALLY-OUTCOME: invalid = quorum not met or a procedural (period) rule broken; failed = a
   * threshold, the one-yes rule or the automatic-failure rule fails. These are the reasons
   * under CABREF_R_INVALID_MASK and CABREF_R_FAILED_MASK. A met threshold implies a yes vote
   * (TALLY-THR-EMPTY), so the one-yes reasons are tested first: in the other order their test
   * would be unreachable code. */
  int invalid = (period_reasons & CABREF_R_INVALID_MASK) != 0u || no_quorum != 0u;
  int failed = (period_reasons & CABREF_R_FAILED_MASK) != 0u || issuer_no_yes != 0u ||
               consumer_no_yes != 0u || issuer_threshold != 0u || consumer_threshold != 0u;
  out->counts.issuer.yes = counts->issuer.yes;
  out->counts.issuer.no = counts->issuer.no;
  out->counts.issuer.abstain = counts->issuer.abstain;
  out->counts.consumer.yes = counts->consumer.yes;
  out->counts.consumer.no = counts->consumer.no;
  out->counts.consumer.abstain = counts->consumer.abstain;
  out->counts.participants = counts->participants;
  out->quorum = quorum;
  out->quorum_met = no_quorum == 0u ? 1u : 0u;
  out->issuer_threshold_met = issuer_threshold == 0u ? 1u : 0u;
  out->consumer_threshold_met = consumer_threshold == 0u ? 1u : 0u;
  out->issuer_has_yes = counts->issuer.yes >= 1u ? 1u : 0u;
  out->consumer_has_yes = counts->consumer.yes >= 1u ? 1u : 0u;
  /* TALLY-OUTCOME: every reason that applies is listed, not only the first. */
  out->reasons = period_reasons | no_quorum | issuer_threshold | consumer_threshold |
                 issuer_no_yes | consumer_no_yes;
  /* A broken procedure or a missing quorum makes the result invalid whatever the votes;
   * otherwise any failed rule makes it fail. */
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
