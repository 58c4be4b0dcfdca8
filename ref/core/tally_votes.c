/* cabref: which messages count (spec/tally.md TALLY-VOTE-*) and the counts they give
 * (TALLY-QUORUM-PART). */
#include <stddef.h>

#include "cabref/tally.h"

/* The first condition of TALLY-VOTE-ELIGIBLE that *msg fails, in the order of
 * cabref_message_fate, or CABREF_MSG_COUNTED when it fails none. */
/*@
  requires valid_msg: \valid_read(msgs + i);
  requires member_in_roll: \valid_read(roll + msgs[i].member);
  requires valid_period: \valid_read(period);
  assigns \nothing;
  ensures ineligibility: \result == Ineligibility(msgs, roll, period, i);
  ensures eligible: \result == CABREF_MSG_COUNTED <==> Eligible(msgs, roll, period, i);
*/
static uint8_t ineligibility(const cabref_message *msgs, uint32_t i, const cabref_member *roll,
                             const cabref_voting_period *period) {
  const cabref_message *msg = &msgs[i];
  /* TALLY-VOTE-UNCLEAR: only a clear yes, no or abstain is a vote. */
  if (msg->vote != CABREF_VOTE_YES && msg->vote != CABREF_VOTE_NO &&
      msg->vote != CABREF_VOTE_ABSTAIN) {
    return CABREF_MSG_UNCLEAR;
  }
  /* Bylaws 2.5 §2.3(1)-(2), §3: only Issuer and Consumer members vote. */
  if (roll[msg->member].category != CABREF_CAT_ISSUER &&
      roll[msg->member].category != CABREF_CAT_CONSUMER) {
    return CABREF_MSG_NOT_VOTING;
  }
  /* TALLY-VOTE-STATUS: a vote counts only from a voting member at its instant: not before the
   * member joins, not once it is suspended or has left (Bylaws 1.7+: votes cast before a
   * suspension is announced stand, so an earlier vote still counts). */
  if (msg->at < roll[msg->member].voting_from || msg->at >= roll[msg->member].voting_until) {
    return CABREF_MSG_NOT_MEMBER_THEN;
  }
  /* Bylaws 2.3+ §2.3(2): only a designated Voting Representative may vote. */
  if (period->rep_only != 0u && msg->from_rep == 0u) {
    return CABREF_MSG_NOT_REP;
  }
  /* Bylaws 1.5+ §2.2(d): votes not sent to the ballot's list are invalid for any purpose (the
   * rule set says whether this applies: period->list_only). */
  if (period->list_only != 0u && msg->on_list == 0u) {
    return CABREF_MSG_WRONG_LIST;
  }
  /* TALLY-VOTE-PERIOD: the period starts at `start`, inclusive. */
  if (msg->at < period->start) {
    return CABREF_MSG_EARLY;
  }
  /* TALLY-VOTE-PERIOD: "before the close" (Ballots 169, 187) excludes `end`; the option
   * `inclusive` reads "by the end of the voting period" (Bylaws 1.9+) as including it. */
  if (period->end_inclusive != 0u ? msg->at > period->end : msg->at >= period->end) {
    return CABREF_MSG_LATE;
  }
  return CABREF_MSG_COUNTED;
}

cabref_status cabref_select_votes(const cabref_message *msgs, uint32_t n_msgs,
                                  const cabref_member *roll, uint32_t n_members,
                                  const cabref_voting_period *period, int32_t *chosen,
                                  uint8_t *fate) {
  if (msgs == NULL || roll == NULL || period == NULL || chosen == NULL || fate == NULL) {
    return CABREF_E_NULL;
  }
  /* Check the whole log before writing anything, so that an error leaves the outputs as they
   * were. */
  /*@
    loop invariant bounds: 0 <= i <= n_msgs;
    loop invariant in_roll: MembersInRoll(msgs, i, n_members);
    loop assigns i;
    loop variant n_msgs - i;
  */
  for (uint32_t i = 0u; i < n_msgs; i++) {
    if (msgs[i].member >= n_members) {
      return CABREF_E_RANGE;
    }
  }
  /*@
    loop invariant bounds: 0 <= m <= n_members;
    loop invariant none_yet: \forall integer k; 0 <= k < m ==> chosen[k] == -1;
    loop assigns m, chosen[0 .. n_members - 1];
    loop variant n_members - m;
  */
  for (uint32_t m = 0u; m < n_members; m++) {
    chosen[m] = -1;
  }
  /* TALLY-VOTE-LATEST: one pass in log order. A later eligible message replaces the current
   * choice when its instant is not earlier, so of equal instants the later one in the log
   * wins. Unclear and other ineligible messages never touch the choice (TALLY-VOTE-UNCLEAR). */
  /*@
    loop invariant bounds: 0 <= i <= n_msgs;
    loop invariant range: \forall integer m; 0 <= m < n_members ==>
      chosen[m] == -1 || 0 <= chosen[m] < i;
    loop invariant chosen_eligible: \forall integer m; 0 <= m < n_members ==>
      chosen[m] != -1 ==> EligibleOf(msgs, roll, period, chosen[m], m);
    loop invariant found: \forall integer m, j; 0 <= m < n_members ==> 0 <= j < i ==>
      EligibleOf(msgs, roll, period, j, m) ==> chosen[m] != -1;
    loop invariant latest: \forall integer m, j; 0 <= m < n_members ==> 0 <= j < i ==>
      EligibleOf(msgs, roll, period, j, m) ==> NotAfter(msgs, j, chosen[m]);
    loop assigns i, chosen[0 .. n_members - 1];
    loop variant n_msgs - i;
  */
  for (uint32_t i = 0u; i < n_msgs; i++) {
    if (ineligibility(msgs, i, roll, period) == CABREF_MSG_COUNTED) {
      uint32_t m = msgs[i].member;
      int32_t c = chosen[m];
      /*@ assert eligible: EligibleOf(msgs, roll, period, i, m); */
      if (c == -1 || msgs[i].at >= msgs[c].at) {
        /*@ assert not_after: c != -1 ==> NotAfter(msgs, c, i); */
        chosen[m] = (int32_t)i;
      } else {
        /*@ assert before: NotAfter(msgs, i, c); */
      }
    }
  }
  /*@ assert latest: \forall integer m; 0 <= m < n_members ==>
        \let c = chosen[m]; \at(LatestEligible(msgs, roll, period, n_msgs, m, c), Pre); */
  /*@
    loop invariant bounds: 0 <= i <= n_msgs;
    loop invariant fates: \forall integer j; 0 <= j < i ==>
      \let c = chosen[\at(msgs[j].member, Pre)];
      fate[j] == \at(FateOf(msgs, roll, period, c, j), Pre);
    loop assigns i, fate[0 .. n_msgs - 1];
    loop variant n_msgs - i;
  */
  for (uint32_t i = 0u; i < n_msgs; i++) {
    /* fate[] is separate from the inputs: what the loop has written so far left them alone. */
    /*@ assert unchanged: \let k = i; msgs[k].member == \at(msgs[k].member, Pre) &&
          Ineligibility(msgs, roll, period, k) == \at(Ineligibility(msgs, roll, period, k), Pre); */
    if (chosen[msgs[i].member] == (int32_t)i) {
      fate[i] = CABREF_MSG_COUNTED;
    } else {
      uint8_t why = ineligibility(msgs, i, roll, period);
      fate[i] = why != CABREF_MSG_COUNTED ? why : (uint8_t)CABREF_MSG_SUPERSEDED;
    }
  }
  return CABREF_OK;
}

void cabref_count_votes(const cabref_message *msgs, uint32_t n_msgs, const cabref_member *roll,
                        uint32_t n_members, const int32_t *chosen, cabref_counts *out) {
  uint32_t issuer_yes = 0u;
  uint32_t issuer_no = 0u;
  uint32_t issuer_abstain = 0u;
  uint32_t consumer_yes = 0u;
  uint32_t consumer_no = 0u;
  uint32_t consumer_abstain = 0u;
  (void)n_msgs; /* bounds chosen[] in the contract only */
  /* Each member adds at most one to one of the six counts, so their sum stays <= m. */
  /*@
    loop invariant bounds: 0 <= m <= n_members;
    loop invariant issuer_yes: issuer_yes ==
      CountChosen(msgs, roll, chosen, m, CABREF_CAT_ISSUER, CABREF_VOTE_YES);
    loop invariant issuer_no: issuer_no ==
      CountChosen(msgs, roll, chosen, m, CABREF_CAT_ISSUER, CABREF_VOTE_NO);
    loop invariant issuer_abstain: issuer_abstain ==
      CountChosen(msgs, roll, chosen, m, CABREF_CAT_ISSUER, CABREF_VOTE_ABSTAIN);
    loop invariant consumer_yes: consumer_yes ==
      CountChosen(msgs, roll, chosen, m, CABREF_CAT_CONSUMER, CABREF_VOTE_YES);
    loop invariant consumer_no: consumer_no ==
      CountChosen(msgs, roll, chosen, m, CABREF_CAT_CONSUMER, CABREF_VOTE_NO);
    loop invariant consumer_abstain: consumer_abstain ==
      CountChosen(msgs, roll, chosen, m, CABREF_CAT_CONSUMER, CABREF_VOTE_ABSTAIN);
    loop invariant at_most_one_each: issuer_yes + issuer_no + issuer_abstain +
      consumer_yes + consumer_no + consumer_abstain <= m;
    loop assigns m, issuer_yes, issuer_no, issuer_abstain, consumer_yes, consumer_no,
      consumer_abstain;
    loop variant n_members - m;
  */
  for (uint32_t m = 0u; m < n_members; m++) {
    int32_t c = chosen[m];
    if (c >= 0) {
      uint8_t category = roll[m].category;
      uint8_t vote = msgs[c].vote;
      if (category == CABREF_CAT_ISSUER) {
        if (vote == CABREF_VOTE_YES) {
          issuer_yes++;
        } else if (vote == CABREF_VOTE_NO) {
          issuer_no++;
        } else if (vote == CABREF_VOTE_ABSTAIN) {
          issuer_abstain++;
        }
      } else if (category == CABREF_CAT_CONSUMER) {
        if (vote == CABREF_VOTE_YES) {
          consumer_yes++;
        } else if (vote == CABREF_VOTE_NO) {
          consumer_no++;
        } else if (vote == CABREF_VOTE_ABSTAIN) {
          consumer_abstain++;
        }
      }
    }
  }
  out->issuer.yes = issuer_yes;
  out->issuer.no = issuer_no;
  out->issuer.abstain = issuer_abstain;
  out->consumer.yes = consumer_yes;
  out->consumer.no = consumer_no;
  out->consumer.abstain = consumer_abstain;
  /* TALLY-QUORUM-PART: participants are the members whose counted vote is yes, no or abstain,
   * both categories together. */
  out->participants =
      issuer_yes + issuer_no + issuer_abstain + consumer_yes + consumer_no + consumer_abstain;
}
