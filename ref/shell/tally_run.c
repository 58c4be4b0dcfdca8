/* cabref shell: runs the proven core over a parsed ballot. It only gathers the inputs the core
 * needs and hands them over; every rule is applied in ref/core (spec/tally.md). */
#include <stdio.h>
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

/* TALLY-VOTE-STATUS: a copy of the roll with each member's voting interval set from its status
 * changes (one join, one suspension or departure at most: a member that stops and starts again
 * would need two intervals, which the format does not express, so it is refused, never
 * guessed). A change naming a member that cast no vote changes nothing. */
static cabref_status roll_with_status(const cabref_ballot *b, cabref_member *roll,
                                      cabref_error *err) {
  size_t k;
  memcpy(roll, b->roll, b->n_members * sizeof *roll);
  for (k = 0; k < b->n_status; k++) {
    const cabref_status_change *c = &b->status[k];
    size_t m = cabref_ballot_find_member(b, c->name, c->name_len);
    char msg[512];
    if (m >= b->n_members)
      continue;
    if (c->change == CABREF_MEMBER_JOINS) {
      if (roll[m].voting_from != CABREF_INSTANT_MIN) {
        snprintf(msg, sizeof msg, "member \"%s\" joins twice", c->name);
        goto fail;
      }
      roll[m].voting_from = c->at;
    } else {
      if (roll[m].voting_until != CABREF_INSTANT_MAX) {
        snprintf(msg, sizeof msg, "member \"%s\" is suspended or leaves twice", c->name);
        goto fail;
      }
      roll[m].voting_until = c->at;
    }
    if (roll[m].voting_from >= roll[m].voting_until) {
      snprintf(msg, sizeof msg,
               "member \"%s\" stops being a voting member before (or when) it joins: two voting "
               "intervals are not supported",
               c->name);
      goto fail;
    }
    continue;
  fail:
    run_fail(err, CABREF_E_SYNTAX, msg);
    if (err != NULL)
      err->line = c->line;
    return CABREF_E_SYNTAX;
  }
  return CABREF_OK;
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
  /* TALLY-SECOND-VOTE: only where the rules have one; its Review Period was the Initial Vote's. */
  if (b->second_vote) {
    switch (cabref_second_vote_check(&run->rules, b->kind)) {
    case CABREF_SECOND_VOTE_OK:
      break;
    case CABREF_SECOND_VOTE_NOT_GUIDELINE:
      return run_fail(err, CABREF_E_SYNTAX,
                      "a Second Vote follows a Patent Advisory Group, which only a Draft "
                      "Guideline Ballot (kind maintenance-guideline or new-guideline) has");
    case CABREF_SECOND_VOTE_NO_PAG_RULE:
      return run_fail(
          err, CABREF_E_SYNTAX,
          "the rules before Bylaws 1.5 have no Patent Advisory Group and no Second Vote");
    }
    if (b->has_review)
      return run_fail(err, CABREF_E_SYNTAX,
                      "a Second Vote has no Review Period of its own (TALLY-SECOND-VOTE): give the "
                      "review with the Initial Vote's tally");
  }

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
  if (b->n_status > 0 && b->n_members > 0) {
    run->roll = malloc(b->n_members * sizeof *run->roll);
    if (run->roll == NULL) {
      cabref_tally_run_free(run);
      return run_fail(err, CABREF_E_CAPACITY, "out of memory");
    }
    if ((st = roll_with_status(b, run->roll, err)) != CABREF_OK) {
      cabref_tally_run_free(run);
      return st;
    }
    roll = run->roll;
  }
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
  /* TALLY-WITHDRAWN: a withdrawal in time leaves no outcome of the vote. */
  if (b->has_withdrawal) {
    run->has_withdrawal = 1;
    run->withdrawal = cabref_withdrawal_effect(&run->rules, &period, b->withdrawn_at);
    cabref_apply_withdrawal(&run->result, run->withdrawal);
  }
  return CABREF_OK;
}

void cabref_tally_run_free(cabref_tally_run *run) {
  free(run->chosen);
  free(run->fate);
  free(run->roll);
  run->chosen = NULL;
  run->fate = NULL;
  run->roll = NULL;
}
