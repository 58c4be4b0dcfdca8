/* cabref shell: runs the proven core over a parsed ballot. It only gathers the inputs the core
 * needs and hands them over; every rule is applied in ref/core (spec/tally.md). */
#include <stdlib.h>
#include <string.h>

#include "cabref/ballot.h"

static cabref_status run_fail(cabref_error *err, cabref_status st, const char *msg) {
  if (err != NULL) {
    err->status = st;
    err->line = 0;
    err->column = 0;
    strncpy(err->message, msg, sizeof err->message - 1);
    err->message[sizeof err->message - 1] = '\0';
  }
  return st;
}

cabref_status cabref_tally_ballot(const cabref_ballot *b, cabref_tally_run *run,
                                  cabref_error *err) {
  cabref_rules_version version = b->version;
  cabref_voting_period period;
  cabref_timeline tl = b->timeline;
  cabref_message no_msg; /* the core takes non-NULL arrays, even empty ones */
  cabref_member no_member;
  cabref_counts counts;
  uint32_t quorum = 0;
  uint32_t period_reasons;
  cabref_status st;

  memset(run, 0, sizeof *run);
  if (!b->has_voting)
    return run_fail(err, CABREF_E_SYNTAX, "no voting period");
  /* TALLY-VERSION-1: "auto" is the rule set in force when voting starts. */
  if (b->version_auto)
    version = cabref_rules_in_force(b->timeline.voting_start);
  if ((st = cabref_rules_for(version, &run->rules)) != CABREF_OK)
    return run_fail(err, st, "unknown rule set");
  run->consumer_rule = b->has_consumer_rule ? b->consumer_rule : run->rules.consumer;

  /* TALLY-QUORUM-FIXED wins over TALLY-QUORUM-ATT, which exists only from Ballot 5 on;
   * TALLY-QUORUM-REQ: no guessing. */
  if (b->has_quorum) {
    quorum = b->quorum;
    /* TALLY-QUORUM-FIXED: said aloud when the attendance given beside it disagrees. */
    if (b->has_attendance && run->rules.quorum_by_attendance) {
      run->quorum_from_attendance =
          cabref_quorum_from_attendance(b->attendance[0], b->attendance[1], b->attendance[2]);
      run->quorum_disagrees = run->quorum_from_attendance != quorum;
    }
  } else if (b->has_attendance && run->rules.quorum_by_attendance)
    quorum = cabref_quorum_from_attendance(b->attendance[0], b->attendance[1], b->attendance[2]);
  else if (run->rules.quorum_by_attendance)
    return run_fail(err, CABREF_E_MISSING_QUORUM,
                    "this rule set needs a quorum: give quorum N or attendance A,B,C");

  run->chosen = malloc((b->n_members ? b->n_members : 1) * sizeof *run->chosen);
  run->fate = malloc((b->n_msgs ? b->n_msgs : 1) * sizeof *run->fate);
  if (run->chosen == NULL || run->fate == NULL) {
    cabref_tally_run_free(run);
    return run_fail(err, CABREF_E_CAPACITY, "out of memory");
  }
  period.start = b->timeline.voting_start;
  period.end = b->timeline.voting_end;
  period.end_inclusive = (uint8_t)(b->end_inclusive ? 1 : 0);
  period.rep_only = run->rules.voting_rep_only;
  period.list_only = run->rules.votes_on_list_only;
  memset(&no_msg, 0, sizeof no_msg);
  memset(&no_member, 0, sizeof no_member);
  const cabref_message *msgs = b->n_msgs ? b->msgs : &no_msg;
  const cabref_member *roll = b->n_members ? b->roll : &no_member;
  st = cabref_select_votes(msgs, (uint32_t)b->n_msgs, roll, (uint32_t)b->n_members, &period,
                           run->chosen, run->fate);
  if (st != CABREF_OK) {
    cabref_tally_run_free(run);
    return run_fail(err, st, "vote selection rejected its input");
  }
  cabref_count_votes(msgs, (uint32_t)b->n_msgs, roll, (uint32_t)b->n_members, run->chosen, &counts);
  /* TALLY-PERIOD-OPTIONAL: without a stated end, the discussion lasts until voting starts. */
  if (tl.has_discussion && !b->has_discussion_end)
    tl.discussion_end = tl.voting_start;
  period_reasons = cabref_check_periods(&run->rules, &tl);
  cabref_tally_decide(&counts, quorum, &run->rules, run->consumer_rule, period_reasons,
                      &run->result);
  /* TALLY-REVIEW: only guideline ballots have a Review Period. */
  if (b->has_review && b->kind != CABREF_BALLOT_OTHER) {
    cabref_review_input in;
    in.has_review = 1;
    in.review_start = b->review_start;
    in.n_exclusions = (uint32_t)b->n_exclusions;
    in.exclusions = b->exclusions;
    if ((st = cabref_review(b->kind, &in, &run->review)) != CABREF_OK) {
      cabref_tally_run_free(run);
      return run_fail(err, st, "review period rejected");
    }
    run->has_review_result = 1;
    cabref_apply_review(&run->result, &run->review);
  }
  return CABREF_OK;
}

void cabref_tally_run_free(cabref_tally_run *run) {
  free(run->chosen);
  free(run->fate);
  run->chosen = NULL;
  run->fate = NULL;
}
