/* cabref: unit tests of the proven core (the files of ref/core).
 *
 * Plain C, no framework: one line per failed check, then "N passed, N failed"; the exit status
 * is nonzero when a check failed. Every expected value is worked out by hand from spec/tally.md
 * (the arithmetic is in the comments), or is a well-known calendar constant; none was printed
 * from the code under test.
 *
 * Build: cc -std=c11 -I ref/include tests/test_core.c ref/core/[a-z]*.c -o test_core
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cabref/tally.h"

static unsigned passed;
static unsigned failed;

static void check(int ok, const char *what, int line) {
  if (ok) {
    passed++;
  } else {
    failed++;
    printf("FAIL line %d: %s\n", line, what);
  }
}
#define CHECK(expr) check((expr) ? 1 : 0, #expr, __LINE__)

/* ---- TALLY-THR-* ----------------------------------------------------------------------- */
static void test_thresholds(void) {
  /* Issuer: 3Y >= 2(Y+N), i.e. Y >= 2N, with Y+N >= 1. */
  CHECK(cabref_issuer_threshold_met(2, 1) == 1);     /* exactly two-thirds passes */
  CHECK(cabref_issuer_threshold_met(199, 100) == 0); /* 597 < 598: just under */
  CHECK(cabref_issuer_threshold_met(200, 100) == 1);
  CHECK(cabref_issuer_threshold_met(1, 1) == 0);
  CHECK(cabref_issuer_threshold_met(1, 0) == 1);
  CHECK(cabref_issuer_threshold_met(0, 1) == 0);
  CHECK(cabref_issuer_threshold_met(0, 0) == 0); /* TALLY-THR-EMPTY */
  CHECK(cabref_issuer_threshold_met(UINT32_MAX, 0) == 1);
  CHECK(cabref_issuer_threshold_met(UINT32_MAX, UINT32_MAX) == 0);
  /* 2N = 4294967294 <= Y = 4294967295: passes; 2N = 4294967296 > 4294967294: fails. */
  CHECK(cabref_issuer_threshold_met(4294967295u, 2147483647u) == 1);
  CHECK(cabref_issuer_threshold_met(4294967294u, 2147483648u) == 0);

  /* Consumer, strict majority 2Y > Y+N (the Forum's practice). */
  CHECK(cabref_consumer_threshold_met(2, 1, CABREF_CONSUMER_STRICT_MAJORITY) == 1);
  CHECK(cabref_consumer_threshold_met(1, 0, CABREF_CONSUMER_STRICT_MAJORITY) == 1); /* 1 of 1 */
  CHECK(cabref_consumer_threshold_met(2, 2, CABREF_CONSUMER_STRICT_MAJORITY) == 0); /* 2 of 4 */
  CHECK(cabref_consumer_threshold_met(1, 1, CABREF_CONSUMER_STRICT_MAJORITY) == 0);
  CHECK(cabref_consumer_threshold_met(0, 0, CABREF_CONSUMER_STRICT_MAJORITY) == 0);
  CHECK(cabref_consumer_threshold_met(UINT32_MAX, UINT32_MAX - 1u,
                                      CABREF_CONSUMER_STRICT_MAJORITY) == 1);
  CHECK(cabref_consumer_threshold_met(UINT32_MAX, UINT32_MAX, CABREF_CONSUMER_STRICT_MAJORITY) ==
        0);
  /* Literal 2Y >= Y+N+2: 1 of 1 gives 2 >= 3, fails; 2 of 3 gives 4 >= 5, fails; 3 of 4 gives
   * 6 >= 6, passes. */
  CHECK(cabref_consumer_threshold_met(1, 0, CABREF_CONSUMER_LITERAL) == 0);
  CHECK(cabref_consumer_threshold_met(2, 1, CABREF_CONSUMER_LITERAL) == 0);
  CHECK(cabref_consumer_threshold_met(3, 1, CABREF_CONSUMER_LITERAL) == 1);
  CHECK(cabref_consumer_threshold_met(2, 0, CABREF_CONSUMER_LITERAL) == 1);
  CHECK(cabref_consumer_threshold_met(0, 0, CABREF_CONSUMER_LITERAL) == 0);
  /* Half or more 2Y >= Y+N (before Ballot 4): a 50/50 split carries. */
  CHECK(cabref_consumer_threshold_met(1, 1, CABREF_CONSUMER_HALF_OR_MORE) == 1);
  CHECK(cabref_consumer_threshold_met(2, 2, CABREF_CONSUMER_HALF_OR_MORE) == 1);
  CHECK(cabref_consumer_threshold_met(1, 2, CABREF_CONSUMER_HALF_OR_MORE) == 0);
  CHECK(cabref_consumer_threshold_met(0, 0, CABREF_CONSUMER_HALF_OR_MORE) == 0);
  /* Not a reading: nothing is met. */
  CHECK(cabref_consumer_threshold_met(5, 0, (cabref_consumer_rule)7) == 0);
}

/* ---- TALLY-QUORUM-* -------------------------------------------------------------------- */
static void test_quorum(void) {
  /* 35/6 = 5.83: least P with 6P > 35 is 6 (rounding the average 11.67 first would give 7). */
  CHECK(cabref_quorum_from_attendance(12, 12, 11) == 6);
  CHECK(cabref_quorum_from_attendance(0, 0, 0) == 1);    /* 6P > 0 */
  CHECK(cabref_quorum_from_attendance(6, 0, 0) == 2);    /* 6P > 6: P = 2 */
  CHECK(cabref_quorum_from_attendance(5, 0, 0) == 1);    /* 6 > 5 */
  CHECK(cabref_quorum_from_attendance(12, 12, 12) == 7); /* 6P > 36: P = 7 */
  /* 3(2^32-1) = 12884901885; /6 = 2147483647.5, floor 2147483647, + 1 = 2^31. */
  CHECK(cabref_quorum_from_attendance(UINT32_MAX, UINT32_MAX, UINT32_MAX) == 2147483648u);
  CHECK(cabref_quorum_met(6, 6) == 1);
  CHECK(cabref_quorum_met(5, 6) == 0);
  CHECK(cabref_quorum_met(0, 0) == 1);
  CHECK(cabref_quorum_met(UINT32_MAX, UINT32_MAX) == 1);
}

/* ---- TALLY-VOTE-* ---------------------------------------------------------------------- */
static cabref_message msg(uint32_t member, cabref_instant at, cabref_vote vote, uint8_t on_list,
                          uint8_t from_rep) {
  cabref_message m;
  m.at = at;
  m.member = member;
  m.vote = (uint8_t)vote;
  m.on_list = on_list;
  m.from_rep = from_rep;
  return m;
}

static void test_votes(void) {
  /* Roll: 0 Issuer, 1 Consumer, 2 Associate, 3 Issuer, 4 Consumer, 5 Issuer (never votes). */
  cabref_member roll[6];
  cabref_message msgs[12];
  cabref_voting_period period;
  int32_t chosen[6];
  uint8_t fate[12];
  cabref_counts counts;
  roll[0].category = CABREF_CAT_ISSUER;
  roll[1].category = CABREF_CAT_CONSUMER;
  roll[2].category = CABREF_CAT_ASSOCIATE;
  roll[3].category = CABREF_CAT_ISSUER;
  roll[4].category = CABREF_CAT_CONSUMER;
  roll[5].category = CABREF_CAT_ISSUER;
  for (unsigned k = 0; k < 6; k++) {
    roll[k].voting_from = CABREF_INSTANT_MIN; /* no status change */
    roll[k].voting_until = CABREF_INSTANT_MAX;
  }
  period.start = 1000;
  period.end = 2000;
  period.end_inclusive = 0;
  period.rep_only = 1;
  period.list_only = 1;
  msgs[0] = msg(0, 1000, CABREF_VOTE_YES, 1, 1);     /* at the start: in the period */
  msgs[1] = msg(0, 1500, CABREF_VOTE_NO, 1, 1);      /* later: m0's counted vote */
  msgs[2] = msg(0, 1600, CABREF_VOTE_UNCLEAR, 1, 1); /* unclear: does not erase the no */
  msgs[3] = msg(1, 1999, CABREF_VOTE_YES, 1, 1);     /* last second of [start, end) */
  msgs[4] = msg(1, 2000, CABREF_VOTE_NO, 1, 1);      /* at end: late when exclusive */
  msgs[5] = msg(2, 1200, CABREF_VOTE_YES, 1, 1);     /* Associate: not voting */
  msgs[6] = msg(3, 999, CABREF_VOTE_YES, 1, 1);      /* one second early */
  msgs[7] = msg(3, 1300, CABREF_VOTE_NO, 1, 0);      /* not a Voting Representative */
  msgs[8] = msg(3, 1300, CABREF_VOTE_ABSTAIN, 0, 1); /* not on the ballot's list */
  msgs[9] = msg(4, 1400, CABREF_VOTE_YES, 1, 1);     /* tie with 10 ... */
  msgs[10] = msg(4, 1400, CABREF_VOTE_NO, 1, 1);     /* ... the later in the log wins */
  msgs[11] = msg(4, 1300, CABREF_VOTE_YES, 1, 1);    /* later in the log, earlier instant */

  memset(chosen, 0x55, sizeof chosen);
  memset(fate, 0xAA, sizeof fate);
  CHECK(cabref_select_votes(msgs, 12, roll, 6, &period, chosen, fate) == CABREF_OK);
  CHECK(chosen[0] == 1);
  CHECK(chosen[1] == 3);
  CHECK(chosen[2] == -1);
  CHECK(chosen[3] == -1);
  CHECK(chosen[4] == 10);
  CHECK(chosen[5] == -1);
  CHECK(fate[0] == CABREF_MSG_SUPERSEDED);
  CHECK(fate[1] == CABREF_MSG_COUNTED);
  CHECK(fate[2] == CABREF_MSG_UNCLEAR);
  CHECK(fate[3] == CABREF_MSG_COUNTED);
  CHECK(fate[4] == CABREF_MSG_LATE);
  CHECK(fate[5] == CABREF_MSG_NOT_VOTING);
  CHECK(fate[6] == CABREF_MSG_EARLY);
  CHECK(fate[7] == CABREF_MSG_NOT_REP);
  CHECK(fate[8] == CABREF_MSG_WRONG_LIST);
  CHECK(fate[9] == CABREF_MSG_SUPERSEDED);
  CHECK(fate[10] == CABREF_MSG_COUNTED);
  CHECK(fate[11] == CABREF_MSG_SUPERSEDED);
  /* Counted: m0 no (Issuer), m1 yes (Consumer), m4 no (Consumer). */
  cabref_count_votes(msgs, 12, roll, 6, chosen, &counts);
  CHECK(counts.issuer.yes == 0 && counts.issuer.no == 1 && counts.issuer.abstain == 0);
  CHECK(counts.consumer.yes == 1 && counts.consumer.no == 1 && counts.consumer.abstain == 0);
  CHECK(counts.participants == 3);

  /* Inclusive end: message 4 (at end) now counts and supersedes message 3. */
  period.end_inclusive = 1;
  CHECK(cabref_select_votes(msgs, 12, roll, 6, &period, chosen, fate) == CABREF_OK);
  CHECK(chosen[1] == 4);
  CHECK(fate[3] == CABREF_MSG_SUPERSEDED);
  CHECK(fate[4] == CABREF_MSG_COUNTED);
  /* One second after an inclusive end is late. */
  msgs[4].at = 2001;
  CHECK(cabref_select_votes(msgs, 12, roll, 6, &period, chosen, fate) == CABREF_OK);
  CHECK(chosen[1] == 3);
  CHECK(fate[4] == CABREF_MSG_LATE);
  msgs[4].at = 2000;
  period.end_inclusive = 0;

  /* Without rep_only, message 7 (non-representative, no) counts for m3. */
  period.rep_only = 0;
  CHECK(cabref_select_votes(msgs, 12, roll, 6, &period, chosen, fate) == CABREF_OK);
  CHECK(chosen[3] == 7);
  CHECK(fate[7] == CABREF_MSG_COUNTED);
  CHECK(fate[8] == CABREF_MSG_WRONG_LIST);
  cabref_count_votes(msgs, 12, roll, 6, chosen, &counts);
  CHECK(counts.issuer.yes == 0 && counts.issuer.no == 2 && counts.issuer.abstain == 0);
  CHECK(counts.participants == 4);
  period.rep_only = 1;

  /* Without list_only (the rules before Bylaws 1.5), message 8 (m3's abstain on another list,
   * at message 7's instant and later in the log) counts for m3. */
  period.list_only = 0;
  period.rep_only = 0;
  CHECK(cabref_select_votes(msgs, 12, roll, 6, &period, chosen, fate) == CABREF_OK);
  CHECK(chosen[3] == 8);
  CHECK(fate[8] == CABREF_MSG_COUNTED);
  CHECK(fate[7] == CABREF_MSG_SUPERSEDED);
  period.rep_only = 1;
  CHECK(cabref_select_votes(msgs, 12, roll, 6, &period, chosen, fate) == CABREF_OK);
  CHECK(chosen[3] == 8 && fate[8] == CABREF_MSG_COUNTED && fate[7] == CABREF_MSG_NOT_REP);
  period.list_only = 1;
  /* The rule sets: the list rule from Bylaws 1.5 (Ballot 183) on, not in 1.4. */
  {
    cabref_rules r14, r15;
    CHECK(cabref_rules_for(CABREF_BYLAWS_1_4, &r14) == CABREF_OK && r14.votes_on_list_only == 0);
    CHECK(cabref_rules_for(CABREF_BYLAWS_1_5, &r15) == CABREF_OK && r15.votes_on_list_only == 1);
  }

  /* The first failing reason wins, in the order UNCLEAR, NOT_VOTING, NOT_REP, WRONG_LIST,
   * EARLY, LATE. */
  {
    cabref_message m2[6];
    int32_t ch[6];
    uint8_t fa[6];
    m2[0] = msg(2, 5000, CABREF_VOTE_UNCLEAR, 0, 0); /* unclear, not voting, ..., late */
    m2[1] = msg(2, 5000, CABREF_VOTE_YES, 0, 0);     /* not voting, not rep, list, late */
    m2[2] = msg(0, 5000, CABREF_VOTE_YES, 0, 0);     /* not rep, wrong list, late */
    m2[3] = msg(0, 5, CABREF_VOTE_YES, 0, 1);        /* wrong list, early */
    m2[4] = msg(0, 5, CABREF_VOTE_ABSTAIN, 1, 1);    /* early */
    m2[5] = msg(0, 2000, CABREF_VOTE_NO, 1, 1);      /* late */
    CHECK(cabref_select_votes(m2, 6, roll, 6, &period, ch, fa) == CABREF_OK);
    CHECK(fa[0] == CABREF_MSG_UNCLEAR);
    CHECK(fa[1] == CABREF_MSG_NOT_VOTING);
    CHECK(fa[2] == CABREF_MSG_NOT_REP);
    CHECK(fa[3] == CABREF_MSG_WRONG_LIST);
    CHECK(fa[4] == CABREF_MSG_EARLY);
    CHECK(fa[5] == CABREF_MSG_LATE);
    CHECK(ch[0] == -1 && ch[1] == -1 && ch[2] == -1 && ch[3] == -1 && ch[4] == -1);
    /* A vote value outside the enumeration is unclear. */
    m2[0] = msg(0, 1500, (cabref_vote)9, 1, 1);
    CHECK(cabref_select_votes(m2, 1, roll, 6, &period, ch, fa) == CABREF_OK);
    CHECK(fa[0] == CABREF_MSG_UNCLEAR && ch[0] == -1);
    /* Abstentions count as participants (TALLY-QUORUM-PART). */
    m2[0] = msg(0, 1500, CABREF_VOTE_ABSTAIN, 1, 1);
    m2[1] = msg(1, 1500, CABREF_VOTE_ABSTAIN, 1, 1);
    CHECK(cabref_select_votes(m2, 2, roll, 6, &period, ch, fa) == CABREF_OK);
    cabref_count_votes(m2, 2, roll, 6, ch, &counts);
    CHECK(counts.issuer.abstain == 1 && counts.consumer.abstain == 1);
    CHECK(counts.issuer.yes == 0 && counts.consumer.yes == 0);
    CHECK(counts.participants == 2);
  }

  /* Empty log: nobody has a vote. */
  memset(chosen, 0x55, sizeof chosen);
  CHECK(cabref_select_votes(msgs, 0, roll, 6, &period, chosen, fate) == CABREF_OK);
  CHECK(chosen[0] == -1 && chosen[5] == -1);
  cabref_count_votes(msgs, 0, roll, 6, chosen, &counts);
  CHECK(counts.participants == 0 && counts.issuer.yes == 0 && counts.consumer.no == 0);

  /* A member outside the roll: CABREF_E_RANGE, outputs untouched. */
  msgs[11].member = 6;
  memset(chosen, 0x55, sizeof chosen);
  CHECK(cabref_select_votes(msgs, 12, roll, 6, &period, chosen, fate) == CABREF_E_RANGE);
  CHECK(chosen[0] == 0x55555555);
  msgs[11].member = 4;
  /* NULL pointers. */
  CHECK(cabref_select_votes(NULL, 0, roll, 6, &period, chosen, fate) == CABREF_E_NULL);
  CHECK(cabref_select_votes(msgs, 12, NULL, 6, &period, chosen, fate) == CABREF_E_NULL);
  CHECK(cabref_select_votes(msgs, 12, roll, 6, NULL, chosen, fate) == CABREF_E_NULL);
  CHECK(cabref_select_votes(msgs, 12, roll, 6, &period, NULL, fate) == CABREF_E_NULL);
  CHECK(cabref_select_votes(msgs, 12, roll, 6, &period, chosen, NULL) == CABREF_E_NULL);
}

/* ---- TALLY-VERSION --------------------------------------------------------------------- */
static void test_rules(void) {
  cabref_rules r;
  /* Instants from the table of spec/tally.md, converted by hand: days since 1970-01-01 times
   * 86400 (e.g. 2023-07-20 is day 19558: 19558 * 86400 = 1689811200). */
  CHECK(cabref_rules_for(CABREF_RULES_PRE_BALLOT_4, &r) == CABREF_OK);
  CHECK(r.version == CABREF_RULES_PRE_BALLOT_4 && r.effective == INT64_MIN);
  CHECK(r.consumer == CABREF_CONSUMER_HALF_OR_MORE && r.yes_each == 0 &&
        r.quorum_by_attendance == 0 && r.voting_exactly_7_days == 0 && r.voting_rep_only == 0);
  CHECK(r.discussion_min_days == 0 && r.discussion_max_days == 0 && r.quiet_days == 0 &&
        r.autofail_days == 0);
  CHECK(cabref_rules_for(CABREF_RULES_BALLOT_4, &r) == CABREF_OK);
  CHECK(r.effective == 1197756000 && r.consumer == CABREF_CONSUMER_STRICT_MAJORITY);
  CHECK(r.quorum_by_attendance == 0 && r.yes_each == 0 && r.discussion_min_days == 0);
  CHECK(cabref_rules_for(CABREF_RULES_BALLOT_5, &r) == CABREF_OK);
  CHECK(r.effective == 1200693600 && r.quorum_by_attendance == 1 && r.yes_each == 0 &&
        r.voting_exactly_7_days == 0);
  CHECK(cabref_rules_for(CABREF_BYLAWS_1_0, &r) == CABREF_OK);
  CHECK(r.effective == 1354233600 && r.yes_each == 1 && r.voting_exactly_7_days == 1 &&
        r.discussion_min_days == 7 && r.discussion_max_days == 0 && r.quiet_days == 0 &&
        r.voting_rep_only == 0);
  CHECK(cabref_rules_for(CABREF_BYLAWS_1_4, &r) == CABREF_OK);
  CHECK(r.effective == 1459728000 && r.discussion_max_days == 0);
  CHECK(cabref_rules_for(CABREF_BYLAWS_1_5, &r) == CABREF_OK);
  CHECK(r.effective == 1485820800 && r.discussion_max_days == 14 && r.quiet_days == 0);
  CHECK(cabref_rules_for(CABREF_BYLAWS_1_7, &r) == CABREF_OK);
  CHECK(r.effective == 1499299200 && r.discussion_max_days == 14 && r.autofail_days == 0);
  CHECK(cabref_rules_for(CABREF_BYLAWS_1_8, &r) == CABREF_OK);
  CHECK(r.effective == 1513814400 && r.discussion_max_days == 0 && r.quiet_days == 7 &&
        r.autofail_days == 21 && r.discussion_min_days == 7);
  CHECK(cabref_rules_for(CABREF_BYLAWS_2_2, &r) == CABREF_OK);
  CHECK(r.effective == 1558396800 && r.voting_rep_only == 0);
  CHECK(cabref_rules_for(CABREF_BYLAWS_2_3, &r) == CABREF_OK);
  CHECK(r.effective == 1590451200 && r.voting_rep_only == 1 && r.autofail_days == 21);
  CHECK(cabref_rules_for(CABREF_BYLAWS_2_4, &r) == CABREF_OK);
  CHECK(r.effective == 1659484800 && r.autofail_days == 21);
  CHECK(cabref_rules_for(CABREF_BYLAWS_2_5, &r) == CABREF_OK);
  CHECK(r.version == CABREF_BYLAWS_2_5 && r.effective == 1689811200 && r.autofail_days == 90 &&
        r.quiet_days == 7 && r.voting_rep_only == 1 && r.yes_each == 1 &&
        r.quorum_by_attendance == 1 && r.consumer == CABREF_CONSUMER_STRICT_MAJORITY);
  CHECK(cabref_rules_for(CABREF_RULES_COUNT, &r) == CABREF_E_BYLAWS);
  CHECK(cabref_rules_for(CABREF_BYLAWS_2_5, NULL) == CABREF_E_NULL);
  /* Every version's effective instant is after the previous one's. */
  {
    cabref_instant prev = INT64_MIN;
    for (int v = 1; v < (int)CABREF_RULES_COUNT; v++) {
      CHECK(cabref_rules_for((cabref_rules_version)v, &r) == CABREF_OK);
      CHECK(r.effective > prev);
      CHECK(cabref_rules_in_force(r.effective) == (cabref_rules_version)v);
      CHECK(cabref_rules_in_force(r.effective - 1) == (cabref_rules_version)(v - 1));
      prev = r.effective;
    }
  }
  CHECK(cabref_rules_in_force(INT64_MIN) == CABREF_RULES_PRE_BALLOT_4);
  CHECK(cabref_rules_in_force(0) == CABREF_RULES_PRE_BALLOT_4);
  CHECK(cabref_rules_in_force(1197755999) == CABREF_RULES_PRE_BALLOT_4);
  CHECK(cabref_rules_in_force(1197756000) == CABREF_RULES_BALLOT_4);
  CHECK(cabref_rules_in_force(1689811199) == CABREF_BYLAWS_2_4);
  CHECK(cabref_rules_in_force(1689811200) == CABREF_BYLAWS_2_5);
  CHECK(cabref_rules_in_force(INT64_MAX) == CABREF_BYLAWS_2_5);
  /* 2025-01-23T17:00:00Z (NS-007's voting start) is under 2.5. */
  CHECK(cabref_rules_in_force(1737651600) == CABREF_BYLAWS_2_5);
}

/* ---- TALLY-PERIOD-* -------------------------------------------------------------------- */
static void test_periods(void) {
  cabref_rules r;
  cabref_timeline tl;
  const cabref_instant day = 86400;
  const cabref_instant vs = 1737651600; /* 2025-01-23T17:00:00Z */
  CHECK(cabref_rules_for(CABREF_BYLAWS_2_5, &r) == CABREF_OK);
  tl.has_discussion = 1;
  tl.discussion_start = vs - 7 * day;
  tl.discussion_end = vs;
  tl.last_version = vs - 7 * day;
  tl.voting_start = vs;
  tl.voting_end = vs + 7 * day;
  CHECK(cabref_check_periods(&r, &tl) == 0u);
  tl.voting_end = vs + 7 * day + 1;
  CHECK(cabref_check_periods(&r, &tl) == CABREF_R_VOTING_PERIOD_LENGTH);
  tl.voting_end = vs + 7 * day - 1;
  CHECK(cabref_check_periods(&r, &tl) == CABREF_R_VOTING_PERIOD_LENGTH);
  tl.voting_end = vs + 7 * day;
  /* One second short of 7 days of discussion, last version at its start: too short and quiet. */
  tl.discussion_start = vs - 7 * day + 1;
  tl.last_version = tl.discussion_start;
  CHECK(cabref_check_periods(&r, &tl) == (CABREF_R_DISCUSSION_TOO_SHORT | CABREF_R_QUIET_PERIOD));
  /* Long discussion, last version exactly 7 days before voting: fine. */
  tl.discussion_start = vs - 60 * day;
  tl.last_version = vs - 7 * day;
  CHECK(cabref_check_periods(&r, &tl) == 0u);
  tl.last_version = vs - 7 * day + 1;
  CHECK(cabref_check_periods(&r, &tl) == CABREF_R_QUIET_PERIOD);
  /* 2.5: auto-fail after MORE than 90 days; exactly 90 is in time. */
  tl.discussion_start = vs - 100 * day;
  tl.last_version = vs - 90 * day;
  CHECK(cabref_check_periods(&r, &tl) == 0u);
  tl.last_version = vs - 90 * day - 1;
  CHECK(cabref_check_periods(&r, &tl) == CABREF_R_AUTO_FAILED);
  /* 2.4: 21 days. */
  CHECK(cabref_rules_for(CABREF_BYLAWS_2_4, &r) == CABREF_OK);
  tl.last_version = vs - 21 * day;
  CHECK(cabref_check_periods(&r, &tl) == 0u);
  tl.last_version = vs - 21 * day - 1;
  CHECK(cabref_check_periods(&r, &tl) == CABREF_R_AUTO_FAILED);
  /* 1.6: 7 to 14 days, voting no earlier than the stated end; no quiet/auto-fail rule. */
  CHECK(cabref_rules_for(CABREF_BYLAWS_1_6, &r) == CABREF_OK);
  tl.discussion_start = vs - 14 * day;
  tl.discussion_end = vs;
  tl.last_version = vs - 1;
  CHECK(cabref_check_periods(&r, &tl) == 0u);
  tl.discussion_end = vs + 1; /* 14 days + 1 s stated, and voting starts before its end */
  CHECK(cabref_check_periods(&r, &tl) ==
        (CABREF_R_DISCUSSION_TOO_LONG | CABREF_R_VOTING_BEFORE_DISCUSSION_END));
  tl.discussion_end = vs;
  /* 1.4: no upper bound. */
  CHECK(cabref_rules_for(CABREF_BYLAWS_1_4, &r) == CABREF_OK);
  tl.discussion_start = vs - 30 * day;
  tl.discussion_end = vs + 5;
  CHECK(cabref_check_periods(&r, &tl) == 0u);
  /* No discussion given: only the voting length is checked. */
  CHECK(cabref_rules_for(CABREF_BYLAWS_2_5, &r) == CABREF_OK);
  tl.has_discussion = 0;
  tl.discussion_start = vs - 1;
  tl.last_version = vs - 1;
  CHECK(cabref_check_periods(&r, &tl) == 0u);
  tl.voting_end = vs + 3 * day;
  CHECK(cabref_check_periods(&r, &tl) == CABREF_R_VOTING_PERIOD_LENGTH);
  /* Before the Bylaws nothing is checked. */
  CHECK(cabref_rules_for(CABREF_RULES_BALLOT_5, &r) == CABREF_OK);
  tl.has_discussion = 1;
  CHECK(cabref_check_periods(&r, &tl) == 0u);
}

/* ---- TALLY-REVIEW ---------------------------------------------------------------------- */
static void test_review(void) {
  cabref_review_input in;
  cabref_review_result out;
  cabref_instant ex[3];
  /* 2025-02-05T01:00:00Z = day 20124 * 86400 + 3600 = 1738717200; + 30 days = 1741309200
   * (2025-03-07T01:00:00Z); + 60 days = 1743901200 (2025-04-06T01:00:00Z). */
  in.has_review = 1;
  in.review_start = 1738717200;
  in.n_exclusions = 0;
  in.exclusions = NULL;
  CHECK(cabref_review(CABREF_BALLOT_MAINTENANCE_GUIDELINE, &in, &out) == CABREF_OK);
  CHECK(out.review_end == 1741309200 && out.effective == 1741309200 && out.rescinded == 0);
  CHECK(cabref_review(CABREF_BALLOT_NEW_GUIDELINE, &in, &out) == CABREF_OK);
  CHECK(out.review_end == 1743901200 && out.rescinded == 0);
  /* Exclusion notices: before the start and at the end do not count; at the start does. */
  ex[0] = 1738717199;
  ex[1] = 1741309200;
  in.exclusions = ex;
  in.n_exclusions = 2;
  CHECK(cabref_review(CABREF_BALLOT_MAINTENANCE_GUIDELINE, &in, &out) == CABREF_OK);
  CHECK(out.rescinded == 0);
  ex[2] = 1738717200;
  in.n_exclusions = 3;
  CHECK(cabref_review(CABREF_BALLOT_MAINTENANCE_GUIDELINE, &in, &out) == CABREF_OK);
  CHECK(out.rescinded == 1 && out.review_end == 1741309200);
  ex[2] = 1741309199; /* last second of the review period */
  CHECK(cabref_review(CABREF_BALLOT_MAINTENANCE_GUIDELINE, &in, &out) == CABREF_OK);
  CHECK(out.rescinded == 1);
  /* The end of a 30-day period lies inside a 60-day one. */
  in.n_exclusions = 2;
  CHECK(cabref_review(CABREF_BALLOT_NEW_GUIDELINE, &in, &out) == CABREF_OK);
  CHECK(out.rescinded == 1);
  /* Errors. */
  CHECK(cabref_review(CABREF_BALLOT_OTHER, &in, &out) == CABREF_E_RANGE);
  CHECK(cabref_review((cabref_ballot_kind)3, &in, &out) == CABREF_E_RANGE);
  in.has_review = 0;
  CHECK(cabref_review(CABREF_BALLOT_NEW_GUIDELINE, &in, &out) == CABREF_E_RANGE);
  in.has_review = 1;
  CHECK(cabref_review(CABREF_BALLOT_NEW_GUIDELINE, NULL, &out) == CABREF_E_NULL);
  CHECK(cabref_review(CABREF_BALLOT_NEW_GUIDELINE, &in, NULL) == CABREF_E_NULL);
  in.exclusions = NULL;
  CHECK(cabref_review(CABREF_BALLOT_NEW_GUIDELINE, &in, &out) == CABREF_E_NULL);
}

/* ---- TALLY-OUTCOME --------------------------------------------------------------------- */
static cabref_counts make_counts(uint32_t iy, uint32_t in, uint32_t ia, uint32_t cy, uint32_t cn,
                                 uint32_t ca) {
  cabref_counts c;
  c.issuer.yes = iy;
  c.issuer.no = in;
  c.issuer.abstain = ia;
  c.consumer.yes = cy;
  c.consumer.no = cn;
  c.consumer.abstain = ca;
  c.participants = iy + in + ia + cy + cn + ca;
  return c;
}

static void test_outcome(void) {
  cabref_rules r25;
  cabref_rules pre;
  cabref_tally_result res;
  cabref_review_result rv;
  cabref_counts c;
  CHECK(cabref_rules_for(CABREF_BYLAWS_2_5, &r25) == CABREF_OK);
  CHECK(cabref_rules_for(CABREF_RULES_PRE_BALLOT_4, &pre) == CABREF_OK);

  /* Issuers 2-1 (exactly 2/3), Consumers 2-1, 6 participants, quorum 6: passed. */
  c = make_counts(2, 1, 1, 2, 1, 0);
  cabref_tally_decide(&c, 6, &r25, CABREF_CONSUMER_STRICT_MAJORITY, 0u, &res);
  CHECK(res.outcome == CABREF_OUTCOME_PASSED && res.reasons == 0u);
  CHECK(res.quorum == 6 && res.quorum_met == 1 && res.issuer_threshold_met == 1 &&
        res.consumer_threshold_met == 1 && res.issuer_has_yes == 1 && res.consumer_has_yes == 1);
  CHECK(res.counts.participants == 7 && res.counts.issuer.abstain == 1);
  /* Quorum 8: invalid for want of quorum, even though the votes pass. */
  cabref_tally_decide(&c, 8, &r25, CABREF_CONSUMER_STRICT_MAJORITY, 0u, &res);
  CHECK(res.outcome == CABREF_OUTCOME_INVALID && res.reasons == CABREF_R_NO_QUORUM &&
        res.quorum_met == 0);
  /* Exactly the quorum is enough. */
  cabref_tally_decide(&c, 7, &r25, CABREF_CONSUMER_STRICT_MAJORITY, 0u, &res);
  CHECK(res.outcome == CABREF_OUTCOME_PASSED && res.quorum_met == 1);
  /* Consumers 2-2 (2 of 4): fails strict majority, passes half-or-more. */
  c = make_counts(2, 1, 0, 2, 2, 0);
  cabref_tally_decide(&c, 6, &r25, CABREF_CONSUMER_STRICT_MAJORITY, 0u, &res);
  CHECK(res.outcome == CABREF_OUTCOME_FAILED && res.reasons == CABREF_R_CONSUMER_THRESHOLD &&
        res.consumer_threshold_met == 0);
  cabref_tally_decide(&c, 6, &r25, CABREF_CONSUMER_HALF_OR_MORE, 0u, &res);
  CHECK(res.outcome == CABREF_OUTCOME_PASSED);
  /* Consumers 1-0 under the literal reading: fails. */
  c = make_counts(2, 1, 0, 1, 0, 0);
  cabref_tally_decide(&c, 0, &r25, CABREF_CONSUMER_LITERAL, 0u, &res);
  CHECK(res.outcome == CABREF_OUTCOME_FAILED && res.reasons == CABREF_R_CONSUMER_THRESHOLD);
  /* Nobody voted, no quorum rule (0): both thresholds and both one-yes rules fail. */
  c = make_counts(0, 0, 0, 0, 0, 0);
  cabref_tally_decide(&c, 0, &r25, CABREF_CONSUMER_STRICT_MAJORITY, 0u, &res);
  CHECK(res.quorum_met == 1 && res.outcome == CABREF_OUTCOME_FAILED);
  CHECK(res.reasons == (CABREF_R_ISSUER_THRESHOLD | CABREF_R_CONSUMER_THRESHOLD |
                        CABREF_R_ISSUER_NO_YES | CABREF_R_CONSUMER_NO_YES));
  /* Only abstentions: the same reasons (TALLY-THR-EMPTY), quorum 2 met by abstainers. */
  c = make_counts(0, 0, 1, 0, 0, 1);
  cabref_tally_decide(&c, 2, &r25, CABREF_CONSUMER_STRICT_MAJORITY, 0u, &res);
  CHECK(res.quorum_met == 1 && res.outcome == CABREF_OUTCOME_FAILED);
  CHECK(res.reasons == 0x780u);
  /* Before the Bylaws there is no one-yes rule. */
  cabref_tally_decide(&c, 0, &pre, CABREF_CONSUMER_HALF_OR_MORE, 0u, &res);
  CHECK(res.reasons == (CABREF_R_ISSUER_THRESHOLD | CABREF_R_CONSUMER_THRESHOLD));
  /* Period reasons: auto-failed makes it fail, a procedural one makes it invalid, and every
   * reason is kept. */
  c = make_counts(2, 1, 0, 2, 1, 0);
  cabref_tally_decide(&c, 6, &r25, CABREF_CONSUMER_STRICT_MAJORITY, CABREF_R_AUTO_FAILED, &res);
  CHECK(res.outcome == CABREF_OUTCOME_FAILED && res.reasons == CABREF_R_AUTO_FAILED);
  cabref_tally_decide(&c, 6, &r25, CABREF_CONSUMER_STRICT_MAJORITY,
                      CABREF_R_DISCUSSION_TOO_SHORT | CABREF_R_AUTO_FAILED, &res);
  CHECK(res.outcome == CABREF_OUTCOME_INVALID &&
        res.reasons == (CABREF_R_DISCUSSION_TOO_SHORT | CABREF_R_AUTO_FAILED));
  c = make_counts(1, 1, 0, 2, 1, 0);
  cabref_tally_decide(&c, 9, &r25, CABREF_CONSUMER_STRICT_MAJORITY, CABREF_R_QUIET_PERIOD, &res);
  CHECK(res.outcome == CABREF_OUTCOME_INVALID &&
        res.reasons == (CABREF_R_NO_QUORUM | CABREF_R_QUIET_PERIOD | CABREF_R_ISSUER_THRESHOLD));

  /* TALLY-REVIEW: a passed vote with an exclusion notice is rescinded. */
  c = make_counts(2, 1, 0, 2, 1, 0);
  cabref_tally_decide(&c, 6, &r25, CABREF_CONSUMER_STRICT_MAJORITY, 0u, &res);
  rv.review_end = 0;
  rv.effective = 0;
  rv.rescinded = 0;
  cabref_apply_review(&res, &rv);
  CHECK(res.outcome == CABREF_OUTCOME_PASSED && res.reasons == 0u);
  rv.rescinded = 1;
  cabref_apply_review(&res, &rv);
  CHECK(res.outcome == CABREF_OUTCOME_RESCINDED && res.reasons == CABREF_R_EXCLUSION_NOTICE);
  cabref_tally_decide(&c, 6, &r25, CABREF_CONSUMER_STRICT_MAJORITY, CABREF_R_AUTO_FAILED, &res);
  cabref_apply_review(&res, &rv);
  CHECK(res.outcome == CABREF_OUTCOME_FAILED && res.reasons == CABREF_R_AUTO_FAILED);
}

/* ---- TALLY-VOTE-STATUS, TALLY-WITHDRAWN, TALLY-SECOND-VOTE --------------------------------- */
static void test_lifecycle(void) {
  cabref_member roll[2];
  cabref_message msgs[5];
  cabref_voting_period period;
  int32_t chosen[2];
  uint8_t fate[5];
  cabref_rules r24, r25, r14, r15;
  cabref_tally_result res;
  cabref_counts c;
  /* Member 0 is suspended at 1500: its yes at 1200 stands, its no at 1500 and 1700 do not. */
  roll[0].category = CABREF_CAT_ISSUER;
  roll[0].voting_from = CABREF_INSTANT_MIN;
  roll[0].voting_until = 1500;
  /* Member 1 joins at 1400: its no at 1399 does not count, its yes at 1400 does. */
  roll[1].category = CABREF_CAT_CONSUMER;
  roll[1].voting_from = 1400;
  roll[1].voting_until = CABREF_INSTANT_MAX;
  period.start = 1000;
  period.end = 2000;
  period.end_inclusive = 0;
  period.rep_only = 0;
  period.list_only = 0;
  msgs[0] = msg(0, 1200, CABREF_VOTE_YES, 1, 1);
  msgs[1] = msg(0, 1500, CABREF_VOTE_NO, 1, 1); /* at the suspension instant: excluded */
  msgs[2] = msg(0, 1700, CABREF_VOTE_NO, 1, 1);
  msgs[3] = msg(1, 1399, CABREF_VOTE_NO, 1, 1);
  msgs[4] = msg(1, 1400, CABREF_VOTE_YES, 1, 1); /* at the join instant: included */
  CHECK(cabref_select_votes(msgs, 5, roll, 2, &period, chosen, fate) == CABREF_OK);
  CHECK(chosen[0] == 0 && chosen[1] == 4);
  CHECK(fate[0] == CABREF_MSG_COUNTED && fate[4] == CABREF_MSG_COUNTED);
  CHECK(fate[1] == CABREF_MSG_NOT_MEMBER_THEN && fate[2] == CABREF_MSG_NOT_MEMBER_THEN);
  CHECK(fate[3] == CABREF_MSG_NOT_MEMBER_THEN);
  /* Early and before joining: the first failing condition in fate order is the status. */
  msgs[3] = msg(1, 999, CABREF_VOTE_NO, 1, 1);
  CHECK(cabref_select_votes(msgs, 5, roll, 2, &period, chosen, fate) == CABREF_OK);
  CHECK(fate[3] == CABREF_MSG_NOT_MEMBER_THEN);

  /* TALLY-WITHDRAWN by date and rule set. */
  CHECK(cabref_rules_for(CABREF_BYLAWS_2_4, &r24) == CABREF_OK);
  CHECK(cabref_rules_for(CABREF_BYLAWS_2_5, &r25) == CABREF_OK);
  CHECK(cabref_withdrawal_effect(&r24, &period, 999) == CABREF_WITHDRAWAL_BEFORE_VOTING);
  CHECK(cabref_withdrawal_effect(&r25, &period, 999) == CABREF_WITHDRAWAL_BEFORE_VOTING);
  CHECK(cabref_withdrawal_effect(&r25, &period, 1000) == CABREF_WITHDRAWAL_DURING_VOTING);
  CHECK(cabref_withdrawal_effect(&r24, &period, 1000) == CABREF_WITHDRAWAL_NOT_ALLOWED);
  CHECK(cabref_withdrawal_effect(&r25, &period, 1999) == CABREF_WITHDRAWAL_DURING_VOTING);
  CHECK(cabref_withdrawal_effect(&r25, &period, 2000) == CABREF_WITHDRAWAL_AFTER_CLOSE);
  period.end_inclusive = 1;
  CHECK(cabref_withdrawal_effect(&r25, &period, 2000) == CABREF_WITHDRAWAL_DURING_VOTING);
  CHECK(cabref_withdrawal_effect(&r25, &period, 2001) == CABREF_WITHDRAWAL_AFTER_CLOSE);
  memset(&c, 0, sizeof c);
  c.issuer.yes = 2;
  c.consumer.yes = 1;
  c.participants = 3;
  cabref_tally_decide(&c, 10, &r25, CABREF_CONSUMER_STRICT_MAJORITY, 0u, &res);
  CHECK(res.outcome == CABREF_OUTCOME_INVALID);
  cabref_apply_withdrawal(&res, CABREF_WITHDRAWAL_NOT_ALLOWED);
  CHECK(res.outcome == CABREF_OUTCOME_INVALID && res.reasons == CABREF_R_NO_QUORUM);
  cabref_apply_withdrawal(&res, CABREF_WITHDRAWAL_AFTER_CLOSE);
  CHECK(res.outcome == CABREF_OUTCOME_INVALID);
  cabref_apply_withdrawal(&res, CABREF_WITHDRAWAL_DURING_VOTING);
  CHECK(res.outcome == CABREF_OUTCOME_WITHDRAWN && res.reasons == CABREF_R_WITHDRAWN);
  CHECK(res.counts.participants == 3); /* the counts stay, for the record */

  /* TALLY-SECOND-VOTE */
  CHECK(cabref_rules_for(CABREF_BYLAWS_1_4, &r14) == CABREF_OK);
  CHECK(cabref_rules_for(CABREF_BYLAWS_1_5, &r15) == CABREF_OK);
  CHECK(cabref_second_vote_check(&r15, CABREF_BALLOT_MAINTENANCE_GUIDELINE) ==
        CABREF_SECOND_VOTE_OK);
  CHECK(cabref_second_vote_check(&r25, CABREF_BALLOT_NEW_GUIDELINE) == CABREF_SECOND_VOTE_OK);
  CHECK(cabref_second_vote_check(&r14, CABREF_BALLOT_NEW_GUIDELINE) ==
        CABREF_SECOND_VOTE_NO_PAG_RULE);
  CHECK(cabref_second_vote_check(&r25, CABREF_BALLOT_OTHER) == CABREF_SECOND_VOTE_NOT_GUIDELINE);
}

/* ---- Civil time ------------------------------------------------------------------------ */
static void test_civil_time(void) {
  cabref_instant t = 0;
  int32_t y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  CHECK(cabref_instant_from_utc(1970, 1, 1, 0, 0, 0, &t) == CABREF_OK && t == 0);
  CHECK(cabref_instant_from_utc(1970, 1, 2, 0, 0, 1, &t) == CABREF_OK && t == 86401);
  /* 2000-01-01 = 946684800 (10957 days); + 31 + 29 days = 2000-03-01 = 951868800. */
  CHECK(cabref_instant_from_utc(2000, 1, 1, 0, 0, 0, &t) == CABREF_OK && t == 946684800);
  CHECK(cabref_instant_from_utc(2000, 3, 1, 0, 0, 0, &t) == CABREF_OK && t == 951868800);
  CHECK(cabref_instant_from_utc(2000, 2, 29, 0, 0, 0, &t) == CABREF_OK && t == 951782400);
  /* Leap years: 2000 (by 400) and 2024 (by 4) have 29 February; 1900, 2100 (by 100) and 2023
   * do not. */
  CHECK(cabref_instant_from_utc(1900, 2, 29, 0, 0, 0, &t) == CABREF_E_TIME);
  CHECK(cabref_instant_from_utc(2100, 2, 29, 0, 0, 0, &t) == CABREF_E_TIME);
  CHECK(cabref_instant_from_utc(2023, 2, 29, 0, 0, 0, &t) == CABREF_E_TIME);
  CHECK(cabref_instant_from_utc(2024, 2, 29, 12, 0, 0, &t) == CABREF_OK && t == 1709208000);
  CHECK(cabref_instant_from_utc(1900, 2, 28, 0, 0, 0, &t) == CABREF_OK && t == -2203977600);
  CHECK(cabref_instant_from_utc(1900, 3, 1, 0, 0, 0, &t) == CABREF_OK && t == -2203891200);
  /* Impossible fields. */
  CHECK(cabref_instant_from_utc(2025, 4, 31, 0, 0, 0, &t) == CABREF_E_TIME);
  CHECK(cabref_instant_from_utc(2025, 13, 1, 0, 0, 0, &t) == CABREF_E_TIME);
  CHECK(cabref_instant_from_utc(2025, 0, 1, 0, 0, 0, &t) == CABREF_E_TIME);
  CHECK(cabref_instant_from_utc(2025, 1, 0, 0, 0, 0, &t) == CABREF_E_TIME);
  CHECK(cabref_instant_from_utc(2025, 1, 32, 0, 0, 0, &t) == CABREF_E_TIME);
  CHECK(cabref_instant_from_utc(2025, 1, 1, 24, 0, 0, &t) == CABREF_E_TIME);
  CHECK(cabref_instant_from_utc(2025, 1, 1, 0, 60, 0, &t) == CABREF_E_TIME);
  CHECK(cabref_instant_from_utc(2025, 1, 1, 0, 0, 60, &t) == CABREF_E_TIME);
  CHECK(cabref_instant_from_utc(2025, 1, 1, -1, 0, 0, &t) == CABREF_E_TIME);
  CHECK(cabref_instant_from_utc(0, 1, 1, 0, 0, 0, &t) == CABREF_E_TIME);
  CHECK(cabref_instant_from_utc(10000, 1, 1, 0, 0, 0, &t) == CABREF_E_TIME);
  CHECK(cabref_instant_from_utc(INT32_MIN, INT32_MIN, INT32_MIN, 0, 0, 0, &t) == CABREF_E_TIME);
  CHECK(cabref_instant_from_utc(2025, 1, 1, 0, 0, 0, NULL) == CABREF_E_NULL);
  /* The ends of the range (well-known constants). */
  CHECK(cabref_instant_from_utc(1, 1, 1, 0, 0, 0, &t) == CABREF_OK && t == -62135596800);
  CHECK(cabref_instant_from_utc(9999, 12, 31, 23, 59, 59, &t) == CABREF_OK && t == 253402300799);
  /* The effective instants of spec/tally.md. */
  CHECK(cabref_instant_from_utc(2007, 12, 15, 22, 0, 0, &t) == CABREF_OK && t == 1197756000);
  CHECK(cabref_instant_from_utc(2023, 7, 20, 0, 0, 0, &t) == CABREF_OK && t == 1689811200);
  /* 2025-02-05T01:00 + 30 days = 2025-03-07T01:00 (February 2025 has 28 days). */
  {
    cabref_instant a = 0;
    cabref_instant b = 0;
    CHECK(cabref_instant_from_utc(2025, 2, 5, 1, 0, 0, &a) == CABREF_OK);
    CHECK(cabref_instant_from_utc(2025, 3, 7, 1, 0, 0, &b) == CABREF_OK);
    CHECK(b - a == 30 * CABREF_DAY);
    CHECK(a == 1738717200);
    CHECK(cabref_utc_from_instant(a + 30 * CABREF_DAY, &y, &mo, &d, &h, &mi, &s) == CABREF_OK);
    CHECK(y == 2025 && mo == 3 && d == 7 && h == 1 && mi == 0 && s == 0);
  }
  /* 2024 has 29 February: 2024-02-05 + 30 days = 2024-03-06. */
  CHECK(cabref_instant_from_utc(2024, 2, 5, 1, 0, 0, &t) == CABREF_OK);
  CHECK(cabref_utc_from_instant(t + 30 * CABREF_DAY, &y, &mo, &d, &h, &mi, &s) == CABREF_OK);
  CHECK(y == 2024 && mo == 3 && d == 6 && h == 1);
  /* Inverse. */
  CHECK(cabref_utc_from_instant(-1, &y, &mo, &d, &h, &mi, &s) == CABREF_OK);
  CHECK(y == 1969 && mo == 12 && d == 31 && h == 23 && mi == 59 && s == 59);
  CHECK(cabref_utc_from_instant(951782400 + 86399, &y, &mo, &d, &h, &mi, &s) == CABREF_OK);
  CHECK(y == 2000 && mo == 2 && d == 29 && h == 23 && mi == 59 && s == 59);
  CHECK(cabref_utc_from_instant(-62135596800, &y, &mo, &d, &h, &mi, &s) == CABREF_OK);
  CHECK(y == 1 && mo == 1 && d == 1 && h == 0 && mi == 0 && s == 0);
  CHECK(cabref_utc_from_instant(253402300799, &y, &mo, &d, &h, &mi, &s) == CABREF_OK);
  CHECK(y == 9999 && mo == 12 && d == 31 && h == 23 && mi == 59 && s == 59);
  CHECK(cabref_utc_from_instant(-62135596801, &y, &mo, &d, &h, &mi, &s) == CABREF_E_RANGE);
  CHECK(cabref_utc_from_instant(253402300800, &y, &mo, &d, &h, &mi, &s) == CABREF_E_RANGE);
  CHECK(cabref_utc_from_instant(0, NULL, &mo, &d, &h, &mi, &s) == CABREF_E_NULL);
  /* Round trips: every day of years 1..9999 at a varying time of day, and back. */
  {
    unsigned bad = 0;
    cabref_instant prev = INT64_MIN;
    for (int32_t yy = 1; yy <= 9999; yy++) {
      for (int32_t mm = 1; mm <= 12; mm++) {
        static const int32_t len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int leap = (yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0;
        int32_t n = len[mm - 1] + (mm == 2 && leap ? 1 : 0);
        for (int32_t dd = 1; dd <= n; dd++) {
          int32_t hh = (yy + dd) % 24;
          int32_t mn = (mm * 7 + dd) % 60;
          int32_t ss = (yy * 13 + dd) % 60;
          cabref_instant u = 0;
          if (cabref_instant_from_utc(yy, mm, dd, 0, 0, 0, &u) != CABREF_OK || u <= prev ||
              (prev != INT64_MIN && u - prev != CABREF_DAY)) {
            bad++;
          }
          prev = u;
          if (cabref_instant_from_utc(yy, mm, dd, hh, mn, ss, &u) != CABREF_OK ||
              cabref_utc_from_instant(u, &y, &mo, &d, &h, &mi, &s) != CABREF_OK || y != yy ||
              mo != mm || d != dd || h != hh || mi != mn || s != ss) {
            bad++;
          }
        }
        /* The day after the last one is invalid. */
        {
          cabref_instant u = 0;
          if (cabref_instant_from_utc(yy, mm, n + 1, 0, 0, 0, &u) != CABREF_E_TIME) {
            bad++;
          }
        }
      }
    }
    CHECK(bad == 0);
  }
}

/* ---- status.h -------------------------------------------------------------------------- */
static void test_status(void) {
  CHECK(strcmp(cabref_status_code(CABREF_OK), "ok") == 0);
  CHECK(strcmp(cabref_status_code(CABREF_E_NULL), "null") == 0);
  CHECK(strcmp(cabref_status_code(CABREF_E_RANGE), "range") == 0);
  CHECK(strcmp(cabref_status_code(CABREF_E_SYNTAX), "syntax") == 0);
  CHECK(strcmp(cabref_status_code(CABREF_E_TIME), "bad-time") == 0);
  CHECK(strcmp(cabref_status_code(CABREF_E_CATEGORY), "unknown-category") == 0);
  CHECK(strcmp(cabref_status_code(CABREF_E_INCONSISTENT), "inconsistent-category") == 0);
  CHECK(strcmp(cabref_status_code(CABREF_E_BYLAWS), "unknown-bylaws") == 0);
  CHECK(strcmp(cabref_status_code(CABREF_E_MISSING_QUORUM), "missing-quorum") == 0);
  CHECK(strcmp(cabref_status_code(CABREF_E_CAPACITY), "capacity") == 0);
  CHECK(strcmp(cabref_status_code(CABREF_E_IO), "io") == 0);
  CHECK(strcmp(cabref_status_code(CABREF_E_TOO_LONG), "too-long") == 0);
  CHECK(strcmp(cabref_status_code(CABREF_E_NUL), "nul-byte") == 0);
  CHECK(strcmp(cabref_status_code(CABREF_E_ENCODING), "encoding") == 0);
  CHECK(strcmp(cabref_status_code(CABREF_E_DUPLICATE), "duplicate") == 0);
  CHECK(strcmp(cabref_status_code(CABREF_E_PERIOD), "bad-period") == 0);
  CHECK(strcmp(cabref_status_code((cabref_status)99), "unknown") == 0);
  for (int v = 0; v <= 16; v++) {
    const char *e = cabref_strerror((cabref_status)v);
    CHECK(e != NULL && e[0] != '\0');
  }
  CHECK(strcmp(cabref_strerror((cabref_status)99), "unknown status") == 0);
}

int main(void) {
  test_thresholds();
  test_quorum();
  test_votes();
  test_rules();
  test_periods();
  test_review();
  test_outcome();
  test_lifecycle();
  test_civil_time();
  test_status();
  printf("%u passed, %u failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
