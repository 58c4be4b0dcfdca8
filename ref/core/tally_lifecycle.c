/* cabref: what happens to a ballot outside the count (spec/tally.md TALLY-WITHDRAWN,
 * TALLY-SECOND-VOTE): a withdrawal by its proposer, and whether it can have a Second Vote. */
#include <stddef.h>

#include "cabref/tally.h"

cabref_withdrawal cabref_withdrawal_effect(const cabref_rules *rules,
                                           const cabref_voting_period *period, cabref_instant at) {
  /* Before its voting period a ballot can always be withdrawn ("unless the motion is withdrawn
   * during the review period, the voting period will start", Ballot 169). */
  if (at < period->start) {
    return CABREF_WITHDRAWAL_BEFORE_VOTING;
  }
  /* TALLY-VOTE-PERIOD: the same end instant as for votes. */
  if (period->end_inclusive != 0u ? at <= period->end : at < period->end) {
    /* Bylaws 2.5 §2.3(4): the proposer may withdraw a ballot with defective language at any
     * point during voting. Before 2.5 no text gives that right, and the Chair's advice on CSC-6
     * (2022) was that a ballot could not be withdrawn once voting had begun: the vote stands. */
    return rules->version >= CABREF_BYLAWS_2_5 ? CABREF_WITHDRAWAL_DURING_VOTING
                                               : CABREF_WITHDRAWAL_NOT_ALLOWED;
  }
  return CABREF_WITHDRAWAL_AFTER_CLOSE;
}

void cabref_apply_withdrawal(cabref_tally_result *r, cabref_withdrawal w) {
  /* A withdrawn ballot has no outcome of its vote: its only reason is the withdrawal. */
  if (w == CABREF_WITHDRAWAL_BEFORE_VOTING || w == CABREF_WITHDRAWAL_DURING_VOTING) {
    r->outcome = CABREF_OUTCOME_WITHDRAWN;
    r->reasons = CABREF_R_WITHDRAWN;
  }
}

cabref_second_vote cabref_second_vote_check(const cabref_rules *rules, cabref_ballot_kind kind) {
  /* Only a Draft Guideline Ballot has a Review Period, hence Exclusion Notices and a PAG. */
  if (kind != CABREF_BALLOT_MAINTENANCE_GUIDELINE && kind != CABREF_BALLOT_NEW_GUIDELINE) {
    return CABREF_SECOND_VOTE_NOT_GUIDELINE;
  }
  /* Bylaws 1.5 introduced the Review Period, the PAG and the Second Vote. */
  if (rules->version < CABREF_BYLAWS_1_5) {
    return CABREF_SECOND_VOTE_NO_PAG_RULE;
  }
  return CABREF_SECOND_VOTE_OK;
}
