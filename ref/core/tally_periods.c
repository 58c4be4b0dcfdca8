/* cabref: the period rules (spec/tally.md TALLY-PERIOD-*) and the review (TALLY-REVIEW).
 * Instants are bounded by ValidInstant (|t| < 2^38), so every difference below, and every day
 * count (< 2^32) times 86400, fits in int64_t. */
#include <stddef.h>

#include "cabref/tally.h"

uint32_t cabref_check_periods(const cabref_rules *rules, const cabref_timeline *tl) {
  cabref_instant voting = tl->voting_end - tl->voting_start;
  uint32_t length = 0u;
  uint32_t too_short = 0u;
  uint32_t too_long = 0u;
  uint32_t before_end = 0u;
  uint32_t quiet = 0u;
  uint32_t autofail = 0u;
  /* TALLY-PERIOD-VOTING (Bylaws 1.0+ §2.2(d), 2.5 §2.3(4)): exactly seven calendar days. */
  if (rules->voting_exactly_7_days != 0u && voting != CABREF_WEEK) {
    length = CABREF_R_VOTING_PERIOD_LENGTH;
  }
  /* TALLY-PERIOD-OPTIONAL: the discussion rules need the discussion start. */
  if (tl->has_discussion != 0u) {
    cabref_instant discussion = tl->voting_start - tl->discussion_start;
    cabref_instant stated = tl->discussion_end - tl->discussion_start;
    cabref_instant since_version = tl->voting_start - tl->last_version;
    /* TALLY-PERIOD-DISC (Bylaws 1.0+): at least 7 days, from its start to the start of voting. */
    if (rules->discussion_min_days != 0u &&
        discussion < (cabref_instant)rules->discussion_min_days * CABREF_DAY) {
      too_short = CABREF_R_DISCUSSION_TOO_SHORT;
    }
    /* TALLY-PERIOD-DISC (Bylaws 1.5..1.7 §2.2/§2.3): at most 14 days, and voting starts no
     * earlier than the stated end. */
    if (rules->discussion_max_days != 0u &&
        stated > (cabref_instant)rules->discussion_max_days * CABREF_DAY) {
      too_long = CABREF_R_DISCUSSION_TOO_LONG;
    }
    if (rules->discussion_max_days != 0u && tl->voting_start < tl->discussion_end) {
      before_end = CABREF_R_VOTING_BEFORE_DISCUSSION_END;
    }
    /* TALLY-PERIOD-QUIET (Bylaws 1.8+ §2.3): no new version for 7 days before voting. */
    if (rules->quiet_days != 0u && since_version < (cabref_instant)rules->quiet_days * CABREF_DAY) {
      quiet = CABREF_R_QUIET_PERIOD;
    }
    /* TALLY-PERIOD-AUTOFAIL (Bylaws 1.8+ §2.3, 2.5 §2.3(3)): fails when MORE than 21 (90) days
     * pass; starting exactly at the limit is in time. */
    if (rules->autofail_days != 0u &&
        since_version > (cabref_instant)rules->autofail_days * CABREF_DAY) {
      autofail = CABREF_R_AUTO_FAILED;
    }
  }
  /* Each part is the bit of its rule: the result is their union, PeriodReasons. */
  /*@ assert length: length == Bit(VotingLengthBroken(rules, tl), CABREF_R_VOTING_PERIOD_LENGTH); */
  /*@ assert too_short:
        too_short == Bit(DiscussionTooShort(rules, tl), CABREF_R_DISCUSSION_TOO_SHORT); */
  /*@ assert too_long:
        too_long == Bit(DiscussionTooLong(rules, tl), CABREF_R_DISCUSSION_TOO_LONG); */
  /*@ assert before_end: before_end ==
        Bit(VotingBeforeDiscussionEnd(rules, tl), CABREF_R_VOTING_BEFORE_DISCUSSION_END); */
  /*@ assert quiet: quiet == Bit(QuietPeriodBroken(rules, tl), CABREF_R_QUIET_PERIOD); */
  /*@ assert autofail: autofail == Bit(AutoFailed(rules, tl), CABREF_R_AUTO_FAILED); */
  return length | too_short | too_long | before_end | quiet | autofail;
}

cabref_status cabref_review(cabref_ballot_kind kind, const cabref_review_input *in,
                            cabref_review_result *out) {
  cabref_instant days;
  cabref_instant end;
  uint8_t rescinded = 0u;
  if (in == NULL || out == NULL || (in->exclusions == NULL && in->n_exclusions != 0u)) {
    return CABREF_E_NULL;
  }
  /* IPR Policy v1.3 §4.1: 30 days for a Final Maintenance Guideline, 60 for a Final
   * Guideline; other ballots have no Review Period. */
  if (kind == CABREF_BALLOT_MAINTENANCE_GUIDELINE) {
    days = 30;
  } else if (kind == CABREF_BALLOT_NEW_GUIDELINE) {
    days = 60;
  } else {
    return CABREF_E_RANGE;
  }
  /* Without its start there is no Review Period to compute. */
  if (in->has_review == 0u) {
    return CABREF_E_RANGE;
  }
  end = in->review_start + days * CABREF_DAY;
  /* Bylaws 1.5+ §2.3 (2.5 §2.4): any Exclusion Notice during the Review Period rescinds the
   * Initial Vote; the period is [start, end). */
  /*@
    loop invariant bounds: 0 <= i <= in->n_exclusions;
    loop invariant none_yet: rescinded == 0 &&
      !ExclusionWithin(in->exclusions, i, in->review_start, end);
    loop assigns i;
    loop variant in->n_exclusions - i;
  */
  for (uint32_t i = 0u; i < in->n_exclusions; i++) {
    if (in->exclusions[i] >= in->review_start && in->exclusions[i] < end) {
      rescinded = 1u;
      break;
    }
  }
  out->review_end = end;
  /* Bylaws 2.5 §2.4: effective at the end of the Review Period (the same instant before 2.5). */
  out->effective = end;
  out->rescinded = rescinded;
  return CABREF_OK;
}
