/* Shared body of the tally fuzz targets (tally_lines.c, tally_json.c): the parse, the full tally,
 * the printers, and the invariants every tally must satisfy; each target supplies its parser.
 * Twins: the thresholds and the quorum in 64-bit arithmetic (TALLY-THR-*, TALLY-QUORUM-*), the
 * period rules by version in seconds (TALLY-PERIOD-VOTING, -DISC, -QUIET, -AUTOFAIL, -OPTIONAL),
 * the review calendar (TALLY-REVIEW). */
#ifndef CABREF_FUZZ_TALLY_H
#define CABREF_FUZZ_TALLY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/ballot.h"
#include "shell.h"

typedef cabref_status (*tally_parser)(const char *text, size_t len, const char *file,
                                      cabref_ballot *b, cabref_error *err);

#include "fuzz_check.h"

static void check_error(const cabref_error *err) {
  CHECK(err->status != CABREF_OK);
  CHECK(memchr(err->message, '\0', sizeof err->message) != NULL);
  CHECK(err->message[0] != '\0');
}

static int consumer_met(uint64_t y, uint64_t n, cabref_consumer_rule rule) {
  if (y + n == 0)
    return 0;
  switch (rule) {
  case CABREF_CONSUMER_STRICT_MAJORITY:
    return 2 * y > y + n;
  case CABREF_CONSUMER_LITERAL:
    return 2 * y >= y + n + 2;
  case CABREF_CONSUMER_HALF_OR_MORE:
    return 2 * y >= y + n;
  }
  return 0;
}

/* The invariants of a tally run over a parsed ballot (shared in spirit with tally_json.c). */
static void check_tally(const cabref_ballot *b, const cabref_tally_run *run) {
  const cabref_tally_result *r = &run->result;
  const cabref_counts *c = &r->counts;
  uint64_t six = (uint64_t)c->issuer.yes + c->issuer.no + c->issuer.abstain + c->consumer.yes +
                 c->consumer.no + c->consumer.abstain;
  uint32_t recount[2][3] = {{0, 0, 0}, {0, 0, 0}};
  size_t m, i;

  /* TALLY-QUORUM-PART: participants are the sum of the six counts. */
  CHECK((uint64_t)c->participants == six);
  CHECK(c->participants <= b->n_members);

  /* TALLY-VOTE-LATEST: chosen is -1 or a COUNTED message of that member. */
  for (m = 0; m < b->n_members; m++) {
    int32_t ch = run->chosen[m];
    CHECK(ch >= -1);
    if (ch >= 0) {
      const cabref_message *msg;
      CHECK((size_t)ch < b->n_msgs);
      msg = &b->msgs[ch];
      CHECK(msg->member == m);
      CHECK(run->fate[ch] == CABREF_MSG_COUNTED);
      /* Only a clear vote of a voting member, on the list, in the period, is counted. */
      CHECK(msg->vote <= CABREF_VOTE_ABSTAIN);
      CHECK(b->roll[m].category == CABREF_CAT_ISSUER || b->roll[m].category == CABREF_CAT_CONSUMER);
      CHECK(!run->rules.votes_on_list_only || msg->on_list == 1); /* Bylaws 1.5+ */
      CHECK(msg->at >= b->timeline.voting_start);
      CHECK(b->end_inclusive ? msg->at <= b->timeline.voting_end
                             : msg->at < b->timeline.voting_end);
      CHECK(!run->rules.voting_rep_only || msg->from_rep == 1);
      /* TALLY-VOTE-STATUS: from a voting member at that instant (the roll the core saw). */
      if (run->roll != NULL)
        CHECK(run->roll[m].voting_from <= msg->at && msg->at < run->roll[m].voting_until);
      recount[b->roll[m].category][msg->vote]++;
    }
  }
  CHECK(recount[0][0] == c->issuer.yes && recount[0][1] == c->issuer.no &&
        recount[0][2] == c->issuer.abstain);
  CHECK(recount[1][0] == c->consumer.yes && recount[1][1] == c->consumer.no &&
        recount[1][2] == c->consumer.abstain);

  /* Exactly one COUNTED message per member with chosen != -1, none for the others. */
  {
    size_t *per = calloc(b->n_members ? b->n_members : 1, sizeof *per);
    CHECK(per != NULL);
    for (i = 0; i < b->n_msgs; i++) {
      CHECK(b->msgs[i].member < b->n_members);
      CHECK(run->fate[i] <= CABREF_MSG_NOT_MEMBER_THEN);
      /* TALLY-VOTE-STATUS: said exactly when the member was not a voting member then (and the
       * earlier conditions hold: a clear vote of a voting category). */
      if (b->msgs[i].vote <= CABREF_VOTE_ABSTAIN &&
          (b->roll[b->msgs[i].member].category == CABREF_CAT_ISSUER ||
           b->roll[b->msgs[i].member].category == CABREF_CAT_CONSUMER)) {
        const cabref_member *mm =
            run->roll != NULL ? &run->roll[b->msgs[i].member] : &b->roll[b->msgs[i].member];
        int then = mm->voting_from <= b->msgs[i].at && b->msgs[i].at < mm->voting_until;
        CHECK((run->fate[i] == CABREF_MSG_NOT_MEMBER_THEN) == !then);
      }
      if (run->fate[i] == CABREF_MSG_COUNTED) {
        per[b->msgs[i].member]++;
        CHECK(run->chosen[b->msgs[i].member] == (int32_t)i);
      } else if (run->fate[i] == CABREF_MSG_SUPERSEDED) {
        /* A superseded message is eligible and its member has a counted one not before it. */
        int32_t ch = run->chosen[b->msgs[i].member];
        CHECK(ch >= 0);
        CHECK(b->msgs[ch].at >= b->msgs[i].at);
        CHECK(b->msgs[ch].at > b->msgs[i].at || (size_t)ch > i);
      }
    }
    for (m = 0; m < b->n_members; m++)
      CHECK(per[m] == (run->chosen[m] != -1 ? 1u : 0u));
    free(per);
  }

  /* TALLY-OUTCOME */
  CHECK((r->reasons & ~((1u << CABREF_R_COUNT) - 1u)) == 0);
  CHECK(r->outcome <= CABREF_OUTCOME_WITHDRAWN);
  /* TALLY-WITHDRAWN: withdrawn iff a withdrawal was given before voting, or during voting
   * (end as the boundary says) under Bylaws 2.5; then its only reason. */
  {
    cabref_instant w = b->withdrawn_at, vs = b->timeline.voting_start, ve = b->timeline.voting_end;
    int during = w >= vs && (b->end_inclusive ? w <= ve : w < ve);
    int takes = b->has_withdrawal &&
                (w < vs || (during && run->rules.version >= CABREF_BYLAWS_2_5));
    CHECK((r->outcome == CABREF_OUTCOME_WITHDRAWN) == takes);
    if (takes)
      CHECK(r->reasons == CABREF_R_WITHDRAWN);
    else
      CHECK((r->reasons & CABREF_R_WITHDRAWN) == 0);
  }
  if (r->outcome == CABREF_OUTCOME_WITHDRAWN)
    return;
  if (r->outcome == CABREF_OUTCOME_PASSED)
    CHECK(r->reasons == 0);
  if (r->reasons & CABREF_R_INVALID_MASK)
    CHECK(r->outcome == CABREF_OUTCOME_INVALID);
  if (r->outcome == CABREF_OUTCOME_FAILED)
    CHECK((r->reasons & CABREF_R_INVALID_MASK) == 0 && (r->reasons & CABREF_R_FAILED_MASK) != 0);
  if (r->outcome == CABREF_OUTCOME_RESCINDED)
    CHECK(r->reasons == CABREF_R_EXCLUSION_NOTICE && run->has_review_result &&
          run->review.rescinded);
  if (r->reasons & CABREF_R_EXCLUSION_NOTICE)
    CHECK(r->outcome == CABREF_OUTCOME_RESCINDED);

  /* TALLY-QUORUM-PART, TALLY-QUORUM-FIXED, TALLY-QUORUM-ATT: quorum_met == (quorum == 0 ||
   * participants >= quorum). */
  CHECK(r->quorum_met == ((r->quorum == 0 || c->participants >= r->quorum) ? 1 : 0));
  CHECK(((r->reasons & CABREF_R_NO_QUORUM) != 0) == (r->quorum_met == 0));
  if (b->has_quorum)
    CHECK(r->quorum == b->quorum);
  else if (b->has_attendance && run->rules.quorum_by_attendance)
    CHECK((uint64_t)r->quorum ==
          ((uint64_t)b->attendance[0] + b->attendance[1] + b->attendance[2]) / 6 + 1);
  else /* before Ballot 5 only a published number is a quorum (TALLY-QUORUM-FIXED) */
    CHECK(r->quorum == 0 && !run->rules.quorum_by_attendance);

  /* TALLY-THR-ISSUER, TALLY-THR-CONSUMER, TALLY-THR-EMPTY: in 64-bit arithmetic;
   * TALLY-THR-ABSTAIN: from yes and no only, whatever the abstentions. */
  {
    uint64_t y = c->issuer.yes, n = c->issuer.no;
    CHECK(r->issuer_threshold_met == ((y + n >= 1 && y >= 2 * n) ? 1 : 0));
    CHECK(r->consumer_threshold_met ==
          consumer_met(c->consumer.yes, c->consumer.no, run->consumer_rule));
    CHECK(((r->reasons & CABREF_R_ISSUER_THRESHOLD) != 0) == (r->issuer_threshold_met == 0));
    CHECK(((r->reasons & CABREF_R_CONSUMER_THRESHOLD) != 0) == (r->consumer_threshold_met == 0));
  }
  /* TALLY-YES-EACH */
  CHECK(r->issuer_has_yes == (c->issuer.yes >= 1));
  CHECK(r->consumer_has_yes == (c->consumer.yes >= 1));
  CHECK(((r->reasons & CABREF_R_ISSUER_NO_YES) != 0) ==
        (run->rules.yes_each && c->issuer.yes == 0));
  CHECK(((r->reasons & CABREF_R_CONSUMER_NO_YES) != 0) ==
        (run->rules.yes_each && c->consumer.yes == 0));

  /* TALLY-PERIOD-VOTING, -DISC, -QUIET, -AUTOFAIL, -OPTIONAL: a twin written from spec/tally.md
   * by version rank and seconds, not from the rules struct: each reason bit is set exactly when
   * its rule is in force and broken. */
  {
    int v = (int)run->rules.version;
    const int64_t day = 86400;
    const cabref_timeline *tl = &b->timeline;
    int64_t vs = tl->voting_start, ve = tl->voting_end;
    int length = v >= CABREF_BYLAWS_1_0 && ve - vs != 7 * day;
    int too_short = 0, too_long = 0, before_end = 0, quiet = 0, autofail = 0;
    if (tl->has_discussion) {
      int64_t ds = tl->discussion_start, lv = tl->last_version;
      int64_t de = b->has_discussion_end ? tl->discussion_end : vs; /* TALLY-PERIOD-OPTIONAL */
      int64_t limit = v == CABREF_BYLAWS_2_5 ? 90 : 21;
      too_short = v >= CABREF_BYLAWS_1_0 && vs - ds < 7 * day;
      too_long = v >= CABREF_BYLAWS_1_5 && v <= CABREF_BYLAWS_1_7 && de - ds > 14 * day;
      before_end = v >= CABREF_BYLAWS_1_5 && v <= CABREF_BYLAWS_1_7 && vs < de;
      quiet = v >= CABREF_BYLAWS_1_8 && vs - lv < 7 * day;
      autofail = v >= CABREF_BYLAWS_1_8 && vs - lv > limit * day;
    }
    CHECK(((r->reasons & CABREF_R_VOTING_PERIOD_LENGTH) != 0) == length);
    CHECK(((r->reasons & CABREF_R_DISCUSSION_TOO_SHORT) != 0) == too_short);
    CHECK(((r->reasons & CABREF_R_DISCUSSION_TOO_LONG) != 0) == too_long);
    CHECK(((r->reasons & CABREF_R_VOTING_BEFORE_DISCUSSION_END) != 0) == before_end);
    CHECK(((r->reasons & CABREF_R_QUIET_PERIOD) != 0) == quiet);
    CHECK(((r->reasons & CABREF_R_AUTO_FAILED) != 0) == autofail);
  }

  /* TALLY-VERSION-1: auto resolves to the rule set in force at the voting start.
   * TALLY-VERSION-2: a named version stays that version, even if its rules equal another's. */
  if (b->version_auto)
    CHECK(run->rules.version == cabref_rules_in_force(b->timeline.voting_start));
  else
    CHECK(run->rules.version == b->version);

  /* TALLY-REVIEW: only guideline ballots with a review start have a review. */
  CHECK(run->has_review_result == (b->has_review && b->kind != CABREF_BALLOT_OTHER));
  if (run->has_review_result) {
    CHECK(run->review.review_end ==
          b->review_start + (b->kind == CABREF_BALLOT_NEW_GUIDELINE ? 60 : 30) * CABREF_DAY);
    CHECK(run->review.effective == run->review.review_end);
  }
}

/* Exercises the printers too (they index the roll with every message). */
static void print_tally(const cabref_ballot *b, const cabref_tally_run *run) {
  json_t *o = cabref_tally_json(b, run);
  FILE *f;
  CHECK(o != NULL);
  CHECK(json_is_string(json_object_get(o, "result")));
  json_decref(o);
  f = fopen("/dev/null", "w");
  if (f != NULL) {
    cabref_tally_print(f, b, run);
    fclose(f);
  }
}

static int tally_fuzz_input(const uint8_t *data, size_t size, tally_parser parse) {
  /* The exact-size copy: the parser gets text[0 .. size-1] and nothing more. */
  char *text = malloc(size ? size : 1);
  cabref_ballot *b = malloc(sizeof *b);
  cabref_error err;
  cabref_tally_run run;
  CHECK(text != NULL && b != NULL);
  if (size)
    memcpy(text, data, size);
  cabref_ballot_init(b);
  if (parse(text, size, "fuzz", b, &err) != CABREF_OK) {
    check_error(&err);
  } else {
    CHECK(b->has_version && b->has_voting);
    CHECK(b->timeline.voting_end > b->timeline.voting_start);
    for (size_t m = 0; m < b->n_members; m++) {
      size_t len = strlen(b->roll_names[m].name);
      CHECK(len >= 1 && len <= CABREF_MAX_NAME);
      CHECK(b->roll_names[m].name[0] != ' ' && b->roll_names[m].name[len - 1] != ' ');
      CHECK(b->roll_names[m].category == b->roll[m].category);
    }
    for (size_t i = 1; i < b->n_msgs; i++)
      CHECK(b->msg_lines[i] > b->msg_lines[i - 1]);
    if (cabref_tally_ballot(b, &run, &err) != CABREF_OK) {
      check_error(&err);
    } else {
      check_tally(b, &run);
      print_tally(b, &run);
      cabref_tally_run_free(&run);
    }
  }
  cabref_ballot_free(b);
  free(b);
  free(text);
  return 0;
}

#endif
