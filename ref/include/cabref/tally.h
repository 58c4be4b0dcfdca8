/* cabref: CA/Browser Forum ballot tally, the proven core.
 *
 * Requirements: spec/tally.md (IDs TALLY-*). Logic used by the contracts: spec/tally_logic.h.
 * Everything here is pure: no allocation, no I/O, no globals. Arrays are caller-owned with
 * explicit lengths. Instants are UTC seconds since 1970-01-01T00:00:00Z (no leap seconds).
 */
#ifndef CABREF_TALLY_H
#define CABREF_TALLY_H

#include <stdint.h>

#include "cabref/status.h"

typedef int64_t cabref_instant;

#define CABREF_DAY ((cabref_instant)86400)
#define CABREF_WEEK ((cabref_instant)604800)
/* Counts are bounded so that every sum and product below fits in 64 bits with room to spare. */
#define CABREF_MAX_COUNT 2147483648u /* 2^31 */

/* Voting categories (TALLY-VOTE-ELIGIBLE). The non-voting classes are kept so that a log can
 * record a reply from them and the tally can say why it was ignored. */
typedef enum {
  CABREF_CAT_ISSUER = 0,
  CABREF_CAT_CONSUMER = 1,
  CABREF_CAT_ASSOCIATE = 2,
  CABREF_CAT_PROBATIONARY = 3,
  CABREF_CAT_INTERESTED_PARTY = 4,
  CABREF_CAT_AFFILIATE = 5,
  CABREF_CAT_NON_MEMBER = 6
} cabref_category;

typedef enum {
  CABREF_VOTE_YES = 0,
  CABREF_VOTE_NO = 1,
  CABREF_VOTE_ABSTAIN = 2,
  CABREF_VOTE_UNCLEAR = 3
} cabref_vote;

/* TALLY-THR-CONSUMER readings of "50% plus one" (and the pre-Ballot-4 "half or more"). */
typedef enum {
  CABREF_CONSUMER_STRICT_MAJORITY = 0, /* 2Y > Y+N: the Forum's practice (default) */
  CABREF_CONSUMER_LITERAL = 1,         /* Y >= (Y+N)/2 + 1 over the rationals */
  CABREF_CONSUMER_HALF_OR_MORE = 2     /* 2Y >= Y+N: before Ballot 4 */
} cabref_consumer_rule;

/* TALLY-VERSION: rule sets, in chronological order. */
typedef enum {
  CABREF_RULES_PRE_BALLOT_4 = 0,
  CABREF_RULES_BALLOT_4,
  CABREF_RULES_BALLOT_5,
  CABREF_BYLAWS_1_0,
  CABREF_BYLAWS_1_1,
  CABREF_BYLAWS_1_2,
  CABREF_BYLAWS_1_3,
  CABREF_BYLAWS_1_4,
  CABREF_BYLAWS_1_5,
  CABREF_BYLAWS_1_6,
  CABREF_BYLAWS_1_7,
  CABREF_BYLAWS_1_8,
  CABREF_BYLAWS_1_9,
  CABREF_BYLAWS_2_0,
  CABREF_BYLAWS_2_1,
  CABREF_BYLAWS_2_2,
  CABREF_BYLAWS_2_3,
  CABREF_BYLAWS_2_4,
  CABREF_BYLAWS_2_5,
  CABREF_RULES_COUNT
} cabref_rules_version;

/* What a rule set requires; filled by cabref_rules_for(). Day counts are 0 where the rule set
 * has no such rule. */
typedef struct {
  cabref_rules_version version;
  cabref_instant effective;      /* first instant the rule set is in force */
  cabref_consumer_rule consumer; /* default reading of the consumer threshold */
  uint8_t yes_each;              /* TALLY-YES-EACH applies */
  uint8_t quorum_by_attendance;  /* TALLY-QUORUM-ATT applies (else only a fixed number) */
  uint8_t voting_exactly_7_days; /* TALLY-PERIOD-VOTING applies */
  uint8_t voting_rep_only;       /* only designated Voting Representatives may vote (2.3+) */
  uint8_t votes_on_list_only;    /* a vote not sent to the ballot's list is invalid (1.5+) */
  uint32_t discussion_min_days;  /* TALLY-PERIOD-DISC */
  uint32_t discussion_max_days;  /* 14 for 1.5..1.7 */
  uint32_t quiet_days;           /* TALLY-PERIOD-QUIET (1.8+) */
  uint32_t autofail_days;        /* TALLY-PERIOD-AUTOFAIL: 21 or 90 (1.8+) */
} cabref_rules;

/* One reply to a ballot, as the shell parsed it. `member` indexes the caller's roll. */
typedef struct {
  cabref_instant at;
  uint32_t member;
  uint8_t vote;     /* cabref_vote */
  uint8_t on_list;  /* 1 if sent to the ballot's list */
  uint8_t from_rep; /* 1 if sent by a designated Voting Representative */
} cabref_message;

/* A member of the roll: its category (the same in all its messages) and when it is a voting
 * member (TALLY-VOTE-STATUS): at every instant t with voting_from <= t < voting_until. A member
 * whose status does not change has voting_from = CABREF_INSTANT_MIN and voting_until =
 * CABREF_INSTANT_MAX, which every instant of a vote lies between. */
typedef struct {
  uint8_t category;            /* cabref_category */
  cabref_instant voting_from;  /* joined (or reinstated) at this instant */
  cabref_instant voting_until; /* suspended or left at this instant */
} cabref_member;
/* Bounds of every valid instant (spec/tally_logic.h ValidInstant: |t| < 2^38). */
#define CABREF_INSTANT_MIN ((cabref_instant)-274877906944)
#define CABREF_INSTANT_MAX ((cabref_instant)274877906944)

typedef struct {
  cabref_instant start;
  cabref_instant end;
  uint8_t end_inclusive; /* TALLY-VOTE-PERIOD: 0 = [start,end) (default), 1 = [start,end] */
  uint8_t rep_only;      /* 1: a message with from_rep == 0 is ignored */
  uint8_t list_only;     /* 1: a message with on_list == 0 is ignored (Bylaws 1.5+) */
} cabref_voting_period;

/* Why a message did not count (TALLY-VOTE-ELIGIBLE, -LATEST, -UNCLEAR). */
typedef enum {
  CABREF_MSG_COUNTED = 0,
  CABREF_MSG_SUPERSEDED = 1, /* eligible, but a later eligible message of the member counts */
  CABREF_MSG_UNCLEAR = 2,
  CABREF_MSG_NOT_VOTING = 3, /* member's category cannot vote */
  CABREF_MSG_NOT_REP = 4,
  CABREF_MSG_WRONG_LIST = 5,
  CABREF_MSG_EARLY = 6,          /* before the voting period */
  CABREF_MSG_LATE = 7,           /* at or after the close (or after, if inclusive) */
  CABREF_MSG_NOT_MEMBER_THEN = 8 /* the member was not a voting member at that instant */
} cabref_message_fate;

typedef struct {
  uint32_t yes;
  uint32_t no;
  uint32_t abstain;
} cabref_category_count;

typedef struct {
  cabref_category_count issuer;
  cabref_category_count consumer;
  uint32_t participants; /* TALLY-QUORUM-PART: members whose counted vote is yes, no or abstain */
} cabref_counts;

/* Outcome of the vote itself (TALLY-OUTCOME) and of the review (TALLY-REVIEW). */
typedef enum {
  CABREF_OUTCOME_PASSED = 0,
  CABREF_OUTCOME_FAILED = 1,
  CABREF_OUTCOME_INVALID = 2,
  CABREF_OUTCOME_RESCINDED = 3,
  CABREF_OUTCOME_WITHDRAWN = 4 /* TALLY-WITHDRAWN: the proposer withdrew the ballot in time */
} cabref_outcome;

/* Reason bits, in the order of the reason-code table of spec/tally.md. */
#define CABREF_R_NO_QUORUM (1u << 0)
#define CABREF_R_VOTING_PERIOD_LENGTH (1u << 1)
#define CABREF_R_DISCUSSION_TOO_SHORT (1u << 2)
#define CABREF_R_DISCUSSION_TOO_LONG (1u << 3)
#define CABREF_R_VOTING_BEFORE_DISCUSSION_END (1u << 4)
#define CABREF_R_QUIET_PERIOD (1u << 5)
#define CABREF_R_AUTO_FAILED (1u << 6)
#define CABREF_R_ISSUER_THRESHOLD (1u << 7)
#define CABREF_R_CONSUMER_THRESHOLD (1u << 8)
#define CABREF_R_ISSUER_NO_YES (1u << 9)
#define CABREF_R_CONSUMER_NO_YES (1u << 10)
#define CABREF_R_EXCLUSION_NOTICE (1u << 11)
#define CABREF_R_WITHDRAWN (1u << 12)
#define CABREF_R_COUNT 13u
/* Reasons that make a result invalid (procedure or quorum); the rest make it fail. */
#define CABREF_R_INVALID_MASK 0x3Fu
#define CABREF_R_FAILED_MASK 0x7C0u

/* The ballot's timeline, for the period rules. `has_discussion` = 0 skips the discussion rules
 * (TALLY-PERIOD-OPTIONAL). `last_version` defaults to discussion_start in the shell. */
typedef struct {
  uint8_t has_discussion;
  cabref_instant discussion_start;
  cabref_instant discussion_end; /* stated end; used for 1.5..1.7 */
  cabref_instant last_version;
  cabref_instant voting_start;
  cabref_instant voting_end;
} cabref_timeline;

/* TALLY-REVIEW input. kind: 0 = not a guideline ballot (no review), 1 = maintenance guideline
 * (30 days), 2 = new guideline (60 days). */
typedef enum {
  CABREF_BALLOT_OTHER = 0,
  CABREF_BALLOT_MAINTENANCE_GUIDELINE = 1,
  CABREF_BALLOT_NEW_GUIDELINE = 2
} cabref_ballot_kind;

typedef struct {
  uint8_t has_review; /* 1 when the review start is known */
  cabref_instant review_start;
  uint32_t n_exclusions;
  const cabref_instant *exclusions; /* instants of Exclusion Notices, n_exclusions of them */
} cabref_review_input;

typedef struct {
  cabref_instant review_end; /* review_start + 30 or 60 days */
  cabref_instant effective;  /* == review_end when approved */
  uint8_t rescinded;         /* an Exclusion Notice fell in [review_start, review_end) */
} cabref_review_result;

/* TALLY-WITHDRAWN: what a withdrawal by the ballot's proposer does, by when it was made. */
typedef enum {
  CABREF_WITHDRAWAL_BEFORE_VOTING = 0, /* before voting started: the ballot is withdrawn */
  CABREF_WITHDRAWAL_DURING_VOTING = 1, /* during voting, where the rules allow it (2.5+) */
  CABREF_WITHDRAWAL_NOT_ALLOWED = 2,   /* during voting, rules without that right: vote stands */
  CABREF_WITHDRAWAL_AFTER_CLOSE = 3    /* after the voting period: nothing left to withdraw */
} cabref_withdrawal;

/* TALLY-SECOND-VOTE: whether a ballot of this kind can have a Second Vote under these rules. */
typedef enum {
  CABREF_SECOND_VOTE_OK = 0,
  CABREF_SECOND_VOTE_NOT_GUIDELINE = 1, /* only Draft Guideline Ballots go through a PAG */
  CABREF_SECOND_VOTE_NO_PAG_RULE = 2    /* rules before Bylaws 1.5 have no PAG / Second Vote */
} cabref_second_vote;

/* The full result, every sub-result kept (TALLY-OUTCOME). */
typedef struct {
  cabref_counts counts;
  uint32_t quorum; /* participants needed; 0 = no quorum rule */
  uint8_t quorum_met;
  uint8_t issuer_threshold_met;
  uint8_t consumer_threshold_met;
  uint8_t issuer_has_yes;
  uint8_t consumer_has_yes;
  uint32_t reasons; /* CABREF_R_* bits */
  cabref_outcome outcome;
} cabref_tally_result;

/* The contracts below are ACSL, proved with Frama-C/WP (proofs/README.md); their vocabulary is
 * spec/tally_logic.h, which only Frama-C reads. */
#ifdef __FRAMAC__
#include "tally_logic.h"
#endif

/* ---- tally_threshold.c ---------------------------------------------------------------- */
/* TALLY-THR-ISSUER, TALLY-THR-EMPTY: 1 iff Y+N >= 1 and 3Y >= 2(Y+N). */
/*@
  assigns \nothing;
  ensures issuer_threshold: \result == Flag(IssuerThresholdMet(yes, no));
*/
int cabref_issuer_threshold_met(uint32_t yes, uint32_t no);
/* TALLY-THR-CONSUMER, TALLY-THR-EMPTY, per reading. An unknown reading meets nothing. */
/*@
  assigns \nothing;
  ensures consumer_threshold: \result == Flag(ConsumerThresholdMet(yes, no, rule));
*/
int cabref_consumer_threshold_met(uint32_t yes, uint32_t no, cabref_consumer_rule rule);

/* ---- tally_quorum.c ------------------------------------------------------------------- */
/* TALLY-QUORUM-ATT: the least P with 6P > a1+a2+a3, i.e. floor((a1+a2+a3)/6) + 1. */
/*@
  assigns \nothing;
  ensures quorum: \result == QuorumOf(a1, a2, a3);
  ensures least: LeastQuorum(\result, a1 + a2 + a3);
*/
uint32_t cabref_quorum_from_attendance(uint32_t a1, uint32_t a2, uint32_t a3);
/* TALLY-QUORUM-PART: 1 iff participants >= quorum. */
/*@
  assigns \nothing;
  ensures met: \result == Flag(participants >= quorum);
*/
int cabref_quorum_met(uint32_t participants, uint32_t quorum);

/* ---- tally_votes.c -------------------------------------------------------------------- */
/* TALLY-VOTE-ELIGIBLE, -PERIOD, -LATEST, -UNCLEAR. For each member m < n_members, chosen[m] is
 * the index of its counted message, or -1 when it has none; fate[i] says what became of message
 * i. Returns CABREF_E_NULL if any pointer is NULL (even for an empty array) and CABREF_E_RANGE
 * if a message names a member outside the roll; on an error nothing is written. */
/*@
  requires msgs_count: n_msgs <= INT32_MAX;
  requires members_count: n_members <= CABREF_MAX_COUNT;
  requires valid_msgs: msgs == \null || \valid_read(msgs + (0 .. n_msgs - 1));
  requires valid_roll: roll == \null || \valid_read(roll + (0 .. n_members - 1));
  requires valid_period: period == \null || \valid_read(period);
  requires valid_chosen: chosen == \null || \valid(chosen + (0 .. n_members - 1));
  requires valid_fate: fate == \null || \valid(fate + (0 .. n_msgs - 1));
  requires separated_outputs: \separated(chosen + (0 .. n_members - 1), fate + (0 .. n_msgs - 1),
    msgs + (0 .. n_msgs - 1), roll + (0 .. n_members - 1), period);

  behavior null:
    assumes msgs == \null || roll == \null || period == \null || chosen == \null ||
      fate == \null;
    assigns \nothing;
    ensures status: \result == CABREF_E_NULL;
  behavior range:
    assumes msgs != \null && roll != \null && period != \null && chosen != \null &&
      fate != \null;
    assumes !MembersInRoll(msgs, n_msgs, n_members);
    assigns \nothing;
    ensures status: \result == CABREF_E_RANGE;
  behavior selected:
    assumes msgs != \null && roll != \null && period != \null && chosen != \null &&
      fate != \null;
    assumes MembersInRoll(msgs, n_msgs, n_members);
    assigns chosen[0 .. n_members - 1], fate[0 .. n_msgs - 1];
    ensures status: \result == CABREF_OK;
    // The inputs are read as they were on entry (\old), the outputs as they are on exit.
    ensures latest: \forall integer m; 0 <= m < n_members ==>
      \let c = chosen[m]; \old(LatestEligible(msgs, roll, period, n_msgs, m, c));
    ensures fates: \forall integer i; 0 <= i < n_msgs ==>
      \let c = chosen[\old(msgs[i].member)]; fate[i] == \old(FateOf(msgs, roll, period, c, i));
  complete behaviors;
  disjoint behaviors;
*/
cabref_status cabref_select_votes(const cabref_message *msgs, uint32_t n_msgs,
                                  const cabref_member *roll, uint32_t n_members,
                                  const cabref_voting_period *period, int32_t *chosen,
                                  uint8_t *fate);
/* Counts the chosen votes per category (TALLY-QUORUM-PART). chosen is as cabref_select_votes
 * leaves it. Only members of a voting category with a clear vote are counted. */
/*@
  requires msgs_count: n_msgs <= INT32_MAX;
  requires members_count: n_members <= CABREF_MAX_COUNT;
  requires valid_msgs: \valid_read(msgs + (0 .. n_msgs - 1));
  requires valid_roll: \valid_read(roll + (0 .. n_members - 1));
  requires valid_chosen: \valid_read(chosen + (0 .. n_members - 1));
  requires valid_choice: ValidChoice(chosen, n_members, n_msgs);
  requires valid_out: \valid(out);
  requires separated_out: \separated(out, msgs + (0 .. n_msgs - 1), roll + (0 .. n_members - 1),
    chosen + (0 .. n_members - 1));
  assigns *out;
  ensures issuer_yes: out->issuer.yes ==
    CountChosen(msgs, roll, chosen, n_members, CABREF_CAT_ISSUER, CABREF_VOTE_YES);
  ensures issuer_no: out->issuer.no ==
    CountChosen(msgs, roll, chosen, n_members, CABREF_CAT_ISSUER, CABREF_VOTE_NO);
  ensures issuer_abstain: out->issuer.abstain ==
    CountChosen(msgs, roll, chosen, n_members, CABREF_CAT_ISSUER, CABREF_VOTE_ABSTAIN);
  ensures consumer_yes: out->consumer.yes ==
    CountChosen(msgs, roll, chosen, n_members, CABREF_CAT_CONSUMER, CABREF_VOTE_YES);
  ensures consumer_no: out->consumer.no ==
    CountChosen(msgs, roll, chosen, n_members, CABREF_CAT_CONSUMER, CABREF_VOTE_NO);
  ensures consumer_abstain: out->consumer.abstain ==
    CountChosen(msgs, roll, chosen, n_members, CABREF_CAT_CONSUMER, CABREF_VOTE_ABSTAIN);
  ensures participants: out->participants == Participants(*out);
  ensures one_per_member: Participants(*out) <= n_members;
*/
void cabref_count_votes(const cabref_message *msgs, uint32_t n_msgs, const cabref_member *roll,
                        uint32_t n_members, const int32_t *chosen, cabref_counts *out);

/* ---- tally_rules.c -------------------------------------------------------------------- */
/* TALLY-VERSION: the parameters of a rule set. CABREF_E_BYLAWS for a value outside the
 * enumeration, CABREF_E_NULL for a NULL out; *out is written only on success. The
 * pre-Ballot-4 rules are in force from the beginning (effective = INT64_MIN). */
/*@
  requires valid_out: out == \null || \valid(out);
  behavior null:
    assumes out == \null;
    assigns \nothing;
    ensures status: \result == CABREF_E_NULL;
  behavior unknown:
    assumes out != \null && !KnownVersion(v);
    assigns \nothing;
    ensures status: \result == CABREF_E_BYLAWS;
  behavior known:
    assumes out != \null && KnownVersion(v);
    assigns *out;
    ensures status: \result == CABREF_OK;
    ensures row: RulesOf(out, v);
  complete behaviors;
  disjoint behaviors;
*/
cabref_status cabref_rules_for(cabref_rules_version v, cabref_rules *out);
/* TALLY-VERSION-1: the rule set in force at instant t: the latest one whose effective instant
 * is not after t. Total: every t is at or after the pre-Ballot-4 start (INT64_MIN). */
/*@
  assigns \nothing;
  ensures known: KnownVersion(\result);
  ensures in_force: EffectiveOf(\result) <= t;
  ensures latest: \forall integer w; \result < w < CABREF_RULES_COUNT ==> t < EffectiveOf(w);
*/
cabref_rules_version cabref_rules_in_force(cabref_instant t);

/* ---- tally_periods.c ------------------------------------------------------------------ */
/* TALLY-PERIOD-*: CABREF_R_* bits for the period rules the timeline breaks. The instants the
 * rules use must be within years 1..9999 (ValidInstant). */
/*@
  requires valid_rules: \valid_read(rules);
  requires valid_timeline: \valid_read(tl);
  requires instants: ValidTimeline(tl);
  assigns \nothing;
  ensures reasons: \result == PeriodReasons(rules, tl);
*/
uint32_t cabref_check_periods(const cabref_rules *rules, const cabref_timeline *tl);
/* TALLY-REVIEW. kind must be a guideline kind (else CABREF_E_RANGE) and the review start known
 * (has_review, else CABREF_E_RANGE). exclusions may be NULL only when n_exclusions is 0.
 * *out is written only on success. */
/*@
  requires valid_in: in == \null || \valid_read(in);
  requires valid_exclusions: in != \null && in->exclusions != \null ==>
    \valid_read(in->exclusions + (0 .. in->n_exclusions - 1));
  requires valid_out: out == \null || \valid(out);
  requires start: in != \null && in->has_review != 0 ==> ValidInstant(in->review_start);
  requires separated: in != \null && out != \null ==>
    \separated(out, in, in->exclusions + (0 .. in->n_exclusions - 1));
  behavior null:
    assumes in == \null || out == \null || (in->exclusions == \null && in->n_exclusions != 0);
    assigns \nothing;
    ensures status: \result == CABREF_E_NULL;
  behavior no_review:
    assumes in != \null && out != \null && (in->exclusions != \null || in->n_exclusions == 0);
    assumes !GuidelineKind(kind) || in->has_review == 0;
    assigns \nothing;
    ensures status: \result == CABREF_E_RANGE;
  behavior review:
    assumes in != \null && out != \null && (in->exclusions != \null || in->n_exclusions == 0);
    assumes GuidelineKind(kind) && in->has_review != 0;
    assigns *out;
    ensures status: \result == CABREF_OK;
    ensures review_end: out->review_end == in->review_start + ReviewDays(kind) * CABREF_DAY;
    ensures effective: out->effective == out->review_end;
    ensures flag: out->rescinded == 0 || out->rescinded == 1;
    ensures rescinded: out->rescinded == 1 <==>
      ExclusionWithin(in->exclusions, in->n_exclusions, in->review_start, out->review_end);
  complete behaviors;
  disjoint behaviors;
*/
cabref_status cabref_review(cabref_ballot_kind kind, const cabref_review_input *in,
                            cabref_review_result *out);

/* ---- tally_outcome.c ------------------------------------------------------------------ */
/* TALLY-OUTCOME: combines counts, quorum (0 = none), the consumer reading and the period bits
 * into the full result. */
/*@
  requires valid_counts: \valid_read(counts);
  requires valid_rules: \valid_read(rules);
  requires valid_out: \valid(out);
  requires separated: \separated(out, counts, rules);
  assigns *out;
  ensures counts: out->counts.issuer.yes == \old(counts->issuer.yes) &&
    out->counts.issuer.no == \old(counts->issuer.no) &&
    out->counts.issuer.abstain == \old(counts->issuer.abstain) &&
    out->counts.consumer.yes == \old(counts->consumer.yes) &&
    out->counts.consumer.no == \old(counts->consumer.no) &&
    out->counts.consumer.abstain == \old(counts->consumer.abstain) &&
    out->counts.participants == \old(counts->participants);
  ensures quorum: out->quorum == quorum;
  ensures quorum_met: out->quorum_met == \old(Flag(QuorumMetOf(counts, quorum)));
  ensures issuer_threshold: out->issuer_threshold_met ==
    \old(Flag(IssuerThresholdMet(counts->issuer.yes, counts->issuer.no)));
  ensures consumer_threshold: out->consumer_threshold_met ==
    \old(Flag(ConsumerThresholdMet(counts->consumer.yes, counts->consumer.no, consumer)));
  ensures issuer_has_yes: out->issuer_has_yes == \old(Flag(counts->issuer.yes >= 1));
  ensures consumer_has_yes: out->consumer_has_yes == \old(Flag(counts->consumer.yes >= 1));
  ensures reasons:
    out->reasons == \old(DecideReasons(counts, quorum, rules, consumer, period_reasons));
  behavior invalid:
    assumes DecideInvalid(counts, quorum, period_reasons);
    ensures outcome: out->outcome == CABREF_OUTCOME_INVALID;
  behavior failed:
    assumes !DecideInvalid(counts, quorum, period_reasons);
    assumes DecideFailed(counts, rules, consumer, period_reasons);
    ensures outcome: out->outcome == CABREF_OUTCOME_FAILED;
  behavior passed:
    assumes !DecideInvalid(counts, quorum, period_reasons);
    assumes !DecideFailed(counts, rules, consumer, period_reasons);
    ensures outcome: out->outcome == CABREF_OUTCOME_PASSED;
  complete behaviors;
  disjoint behaviors;
*/
void cabref_tally_decide(const cabref_counts *counts, uint32_t quorum, const cabref_rules *rules,
                         cabref_consumer_rule consumer, uint32_t period_reasons,
                         cabref_tally_result *out);
/* TALLY-REVIEW: a passed Initial Vote whose review found an Exclusion Notice is rescinded
 * (outcome RESCINDED, reason EXCLUSION_NOTICE added); any other result is left as it is. */
/*@
  requires valid_result: \valid(r);
  requires valid_review: \valid_read(rv);
  requires separated: \separated(r, rv);
  behavior rescinded:
    assumes r->outcome == CABREF_OUTCOME_PASSED && rv->rescinded != 0;
    assigns r->outcome, r->reasons;
    ensures outcome: r->outcome == CABREF_OUTCOME_RESCINDED;
    ensures reasons: r->reasons == (\old(r->reasons) | CABREF_R_EXCLUSION_NOTICE);
  behavior unchanged:
    assumes r->outcome != CABREF_OUTCOME_PASSED || rv->rescinded == 0;
    assigns \nothing;
  complete behaviors;
  disjoint behaviors;
*/
void cabref_apply_review(cabref_tally_result *r, const cabref_review_result *rv);

/* ---- tally_lifecycle.c ---------------------------------------------------------------- */
/* TALLY-WITHDRAWN: the effect of a withdrawal at instant `at` on a ballot whose voting period is
 * *period, under the rule set *rules. */
/*@
  requires valid_rules: \valid_read(rules);
  requires valid_period: \valid_read(period);
  assigns \nothing;
  ensures effect: \result == WithdrawalOf(rules, period, at);
  ensures range: CABREF_WITHDRAWAL_BEFORE_VOTING <= \result <= CABREF_WITHDRAWAL_AFTER_CLOSE;
*/
cabref_withdrawal cabref_withdrawal_effect(const cabref_rules *rules,
                                           const cabref_voting_period *period, cabref_instant at);
/* TALLY-WITHDRAWN: a withdrawal that takes effect makes the outcome WITHDRAWN with the single
 * reason WITHDRAWN (the counts and sub-results stay, for the record); any other leaves the
 * result as it is. */
/*@
  requires valid_result: \valid(r);
  behavior withdrawn:
    assumes WithdrawalTakesEffect(w);
    assigns r->outcome, r->reasons;
    ensures outcome: r->outcome == CABREF_OUTCOME_WITHDRAWN;
    ensures reasons: r->reasons == CABREF_R_WITHDRAWN;
  behavior stands:
    assumes !WithdrawalTakesEffect(w);
    assigns \nothing;
  complete behaviors;
  disjoint behaviors;
*/
void cabref_apply_withdrawal(cabref_tally_result *r, cabref_withdrawal w);
/* TALLY-SECOND-VOTE: a Second Vote (after a Patent Advisory Group) exists for Draft Guideline
 * Ballots from Bylaws 1.5. */
/*@
  requires valid_rules: \valid_read(rules);
  assigns \nothing;
  ensures check: \result == SecondVoteOf(rules->version, kind);
*/
cabref_second_vote cabref_second_vote_check(const cabref_rules *rules, cabref_ballot_kind kind);

/* ---- civil_time.c --------------------------------------------------------------------- */
/* Proleptic Gregorian calendar, years 1..9999. Returns CABREF_E_TIME for an impossible date
 * or time (month 13, 31 April, 29 February of a common year, hour 24, second 60). */
/*@
  requires valid_out: out == \null || \valid(out);
  behavior null:
    assumes out == \null;
    assigns \nothing;
    ensures status: \result == CABREF_E_NULL;
  behavior valid:
    assumes out != \null;
    assumes ValidDate(year, month, day) && ValidClock(hour, minute, second);
    assigns *out;
    ensures status: \result == CABREF_OK;
    ensures instant: *out == InstantOf(year, month, day, hour, minute, second);
    ensures in_range: FirstInstant <= *out <= LastInstant;
  behavior invalid:
    assumes out != \null;
    assumes !(ValidDate(year, month, day) && ValidClock(hour, minute, second));
    assigns \nothing;
    ensures status: \result == CABREF_E_TIME;
  complete behaviors;
  disjoint behaviors;
*/
cabref_status cabref_instant_from_utc(int32_t year, int32_t month, int32_t day, int32_t hour,
                                      int32_t minute, int32_t second, cabref_instant *out);
/* The inverse, for printing. CABREF_E_RANGE unless t is within years 1..9999. */
/*@
  requires valid_outs: (year == \null || \valid(year)) && (month == \null || \valid(month)) &&
    (day == \null || \valid(day)) && (hour == \null || \valid(hour)) &&
    (minute == \null || \valid(minute)) && (second == \null || \valid(second));
  requires separated: \separated(year, month, day, hour, minute, second);
  behavior null:
    assumes year == \null || month == \null || day == \null || hour == \null ||
      minute == \null || second == \null;
    assigns \nothing;
    ensures status: \result == CABREF_E_NULL;
  behavior out_of_range:
    assumes year != \null && month != \null && day != \null && hour != \null &&
      minute != \null && second != \null;
    assumes t < FirstInstant || t > LastInstant;
    assigns \nothing;
    ensures status: \result == CABREF_E_RANGE;
  behavior in_range:
    assumes year != \null && month != \null && day != \null && hour != \null &&
      minute != \null && second != \null;
    assumes FirstInstant <= t <= LastInstant;
    assigns *year, *month, *day, *hour, *minute, *second;
    ensures status: \result == CABREF_OK;
    ensures valid: ValidDate(*year, *month, *day) && ValidClock(*hour, *minute, *second);
    ensures inverse: InstantOf(*year, *month, *day, *hour, *minute, *second) == t;
  complete behaviors;
  disjoint behaviors;
*/
cabref_status cabref_utc_from_instant(cabref_instant t, int32_t *year, int32_t *month, int32_t *day,
                                      int32_t *hour, int32_t *minute, int32_t *second);

#endif
