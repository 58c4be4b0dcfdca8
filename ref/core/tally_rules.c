/* cabref: the rule sets (spec/tally.md TALLY-VERSION, the rule-set table). Switches, no
 * tables: each value is stated once, next to the version that introduced it. */
#include <stddef.h>

#include "cabref/tally.h"

/* EffectiveOf (spec/tally_logic.h) states each rule set's first instant as a number, and the
 * code's EFFECTIVE_* macros are proved equal to it; here each number is tied to its calendar
 * date and time (InstantOf), so a date moved by a day fails its lemma. */
/*@
  lemma eff_ballot_4: EffectiveOf(CABREF_RULES_BALLOT_4) == InstantOf(2007, 12, 15, 22, 0, 0);
  lemma eff_ballot_5: EffectiveOf(CABREF_RULES_BALLOT_5) == InstantOf(2008, 1, 18, 22, 0, 0);
  lemma eff_1_0: EffectiveOf(CABREF_BYLAWS_1_0) == InstantOf(2012, 11, 30, 0, 0, 0);
  lemma eff_1_1: EffectiveOf(CABREF_BYLAWS_1_1) == InstantOf(2014, 3, 25, 0, 0, 0);
  lemma eff_1_2: EffectiveOf(CABREF_BYLAWS_1_2) == InstantOf(2014, 10, 16, 0, 0, 0);
  lemma eff_1_3: EffectiveOf(CABREF_BYLAWS_1_3) == InstantOf(2015, 7, 10, 0, 0, 0);
  lemma eff_1_4: EffectiveOf(CABREF_BYLAWS_1_4) == InstantOf(2016, 4, 4, 0, 0, 0);
  lemma eff_1_5: EffectiveOf(CABREF_BYLAWS_1_5) == InstantOf(2017, 1, 31, 0, 0, 0);
  lemma eff_1_6: EffectiveOf(CABREF_BYLAWS_1_6) == InstantOf(2017, 5, 30, 0, 0, 0);
  lemma eff_1_7: EffectiveOf(CABREF_BYLAWS_1_7) == InstantOf(2017, 7, 6, 0, 0, 0);
  lemma eff_1_8: EffectiveOf(CABREF_BYLAWS_1_8) == InstantOf(2017, 12, 21, 0, 0, 0);
  lemma eff_1_9: EffectiveOf(CABREF_BYLAWS_1_9) == InstantOf(2018, 7, 3, 0, 0, 0);
  lemma eff_2_0: EffectiveOf(CABREF_BYLAWS_2_0) == InstantOf(2018, 9, 28, 0, 0, 0);
  lemma eff_2_1: EffectiveOf(CABREF_BYLAWS_2_1) == InstantOf(2018, 10, 1, 0, 0, 0);
  lemma eff_2_2: EffectiveOf(CABREF_BYLAWS_2_2) == InstantOf(2019, 5, 21, 0, 0, 0);
  lemma eff_2_3: EffectiveOf(CABREF_BYLAWS_2_3) == InstantOf(2020, 5, 26, 0, 0, 0);
  lemma eff_2_4: EffectiveOf(CABREF_BYLAWS_2_4) == InstantOf(2022, 8, 3, 0, 0, 0);
  lemma eff_2_5: EffectiveOf(CABREF_BYLAWS_2_5) == InstantOf(2023, 7, 20, 0, 0, 0);
*/

/* First instants of each rule set (UTC seconds). Ballots 4 and 5 closed at 17:00 EST = 22:00
 * UTC; the Bylaws versions at 00:00 UTC of their effective date (bylaws-history of
 * cabforum.org). */
/* The voting rules of 2007 are the beginning of the record: in force since always. */
#define EFFECTIVE_PRE_BALLOT_4 INT64_MIN
#define EFFECTIVE_BALLOT_4 ((cabref_instant)1197756000) /* Ballot 4, 2007-12-15T22:00:00Z */
#define EFFECTIVE_BALLOT_5 ((cabref_instant)1200693600) /* Ballot 5, 2008-01-18T22:00:00Z */
/* Bylaws 1.0: Ballot 94, November 2012; the day is approximate (spec/tally.md). */
#define EFFECTIVE_1_0 ((cabref_instant)1354233600) /* 2012-11-30 */
#define EFFECTIVE_1_1 ((cabref_instant)1395705600) /* 2014-03-25 */
#define EFFECTIVE_1_2 ((cabref_instant)1413417600) /* 2014-10-16 */
#define EFFECTIVE_1_3 ((cabref_instant)1436486400) /* Ballot 149, 2015-07-10 */
#define EFFECTIVE_1_4 ((cabref_instant)1459728000) /* Ballot 166, 2016-04-04 */
#define EFFECTIVE_1_5 ((cabref_instant)1485820800) /* Ballot 183, 2017-01-31 */
#define EFFECTIVE_1_6 ((cabref_instant)1496102400) /* Ballot 200, 2017-05-30 */
#define EFFECTIVE_1_7 ((cabref_instant)1499299200) /* Ballot 205, 2017-07-06 */
#define EFFECTIVE_1_8 ((cabref_instant)1513814400) /* Ballot 216, 2017-12-21 */
#define EFFECTIVE_1_9 ((cabref_instant)1530576000) /* Ballot 206, 2018-07-03 */
#define EFFECTIVE_2_0 ((cabref_instant)1538092800) /* FORUM-4, 2018-09-28 */
#define EFFECTIVE_2_1 ((cabref_instant)1538352000) /* FORUM-6, 2018-10-01 */
#define EFFECTIVE_2_2 ((cabref_instant)1558396800) /* FORUM-9, 2019-05-21 */
#define EFFECTIVE_2_3 ((cabref_instant)1590451200) /* FORUM-12, 2020-05-26 */
#define EFFECTIVE_2_4 ((cabref_instant)1659484800) /* 2022-08-03 (website: "Forum-18") */
#define EFFECTIVE_2_5 ((cabref_instant)1689811200) /* FORUM-18 v3, 2023-07-20 */

/*@
  requires known: KnownVersion(v);
  assigns \nothing;
  ensures effective: \result == EffectiveOf(v);
*/
static cabref_instant effective_of(cabref_rules_version v) {
  switch (v) {
  case CABREF_RULES_PRE_BALLOT_4:
    return EFFECTIVE_PRE_BALLOT_4;
  case CABREF_RULES_BALLOT_4:
    return EFFECTIVE_BALLOT_4;
  case CABREF_RULES_BALLOT_5:
    return EFFECTIVE_BALLOT_5;
  case CABREF_BYLAWS_1_0:
    return EFFECTIVE_1_0;
  case CABREF_BYLAWS_1_1:
    return EFFECTIVE_1_1;
  case CABREF_BYLAWS_1_2:
    return EFFECTIVE_1_2;
  case CABREF_BYLAWS_1_3:
    return EFFECTIVE_1_3;
  case CABREF_BYLAWS_1_4:
    return EFFECTIVE_1_4;
  case CABREF_BYLAWS_1_5:
    return EFFECTIVE_1_5;
  case CABREF_BYLAWS_1_6:
    return EFFECTIVE_1_6;
  case CABREF_BYLAWS_1_7:
    return EFFECTIVE_1_7;
  case CABREF_BYLAWS_1_8:
    return EFFECTIVE_1_8;
  case CABREF_BYLAWS_1_9:
    return EFFECTIVE_1_9;
  case CABREF_BYLAWS_2_0:
    return EFFECTIVE_2_0;
  case CABREF_BYLAWS_2_1:
    return EFFECTIVE_2_1;
  case CABREF_BYLAWS_2_2:
    return EFFECTIVE_2_2;
  case CABREF_BYLAWS_2_3:
    return EFFECTIVE_2_3;
  case CABREF_BYLAWS_2_4:
    return EFFECTIVE_2_4;
  case CABREF_BYLAWS_2_5:
  default:
    return EFFECTIVE_2_5;
  }
}

cabref_status cabref_rules_for(cabref_rules_version v, cabref_rules *out) {
  if (out == NULL) {
    return CABREF_E_NULL;
  }
  if (v >= CABREF_RULES_COUNT) { /* the enumeration is unsigned: no value is below 0 */
    return CABREF_E_BYLAWS;
  }
  out->version = v;
  out->effective = effective_of(v);
  /* TALLY-THR-CONSUMER: "half or more" until Ballot 4 made it "at least 50% plus one". */
  out->consumer = v == CABREF_RULES_PRE_BALLOT_4 ? CABREF_CONSUMER_HALF_OR_MORE
                                                 : CABREF_CONSUMER_STRICT_MAJORITY;
  /* TALLY-YES-EACH: Bylaws §2.2(f) from 1.0 on. */
  out->yes_each = v >= CABREF_BYLAWS_1_0 ? 1u : 0u;
  /* TALLY-QUORUM-ATT: Ballot 5 replaced clause 7 of the voting rules. */
  out->quorum_by_attendance = v >= CABREF_RULES_BALLOT_5 ? 1u : 0u;
  /* TALLY-PERIOD-VOTING: Bylaws §2.2(d) "seven calendar days for voting", from 1.0. */
  out->voting_exactly_7_days = v >= CABREF_BYLAWS_1_0 ? 1u : 0u;
  /* Bylaws 2.3 (FORUM-12): only votes of designated Voting Representatives are accepted. */
  out->voting_rep_only = v >= CABREF_BYLAWS_2_3 ? 1u : 0u;
  /* TALLY-VOTE-ELIGIBLE: Bylaws 1.5 §2.2(d) (Ballot 183): votes not on the Public Mail List are
   * invalid for any purpose; the earlier texts only say that voting takes place on the list. */
  out->votes_on_list_only = v >= CABREF_BYLAWS_1_5 ? 1u : 0u;
  /* TALLY-PERIOD-DISC: at least 7 days from 1.0 (§2.2(c)); at most 14 for 1.5..1.7, replaced
   * by the quiet-period rule in 1.8 (Ballot 216). */
  out->discussion_min_days = v >= CABREF_BYLAWS_1_0 ? 7u : 0u;
  out->discussion_max_days = v >= CABREF_BYLAWS_1_5 && v <= CABREF_BYLAWS_1_7 ? 14u : 0u;
  /* TALLY-PERIOD-QUIET, TALLY-PERIOD-AUTOFAIL: 1.8 §2.3; 21 days until 2.4, 90 in 2.5. */
  out->quiet_days = v >= CABREF_BYLAWS_1_8 ? 7u : 0u;
  out->autofail_days = v == CABREF_BYLAWS_2_5 ? 90u : v >= CABREF_BYLAWS_1_8 ? 21u : 0u;
  return CABREF_OK;
}

cabref_rules_version cabref_rules_in_force(cabref_instant t) {
  /* TALLY-VERSION-1: the latest rule set whose first instant is not after t. */
  if (t >= EFFECTIVE_2_5)
    return CABREF_BYLAWS_2_5;
  if (t >= EFFECTIVE_2_4)
    return CABREF_BYLAWS_2_4;
  if (t >= EFFECTIVE_2_3)
    return CABREF_BYLAWS_2_3;
  if (t >= EFFECTIVE_2_2)
    return CABREF_BYLAWS_2_2;
  if (t >= EFFECTIVE_2_1)
    return CABREF_BYLAWS_2_1;
  if (t >= EFFECTIVE_2_0)
    return CABREF_BYLAWS_2_0;
  if (t >= EFFECTIVE_1_9)
    return CABREF_BYLAWS_1_9;
  if (t >= EFFECTIVE_1_8)
    return CABREF_BYLAWS_1_8;
  if (t >= EFFECTIVE_1_7)
    return CABREF_BYLAWS_1_7;
  if (t >= EFFECTIVE_1_6)
    return CABREF_BYLAWS_1_6;
  if (t >= EFFECTIVE_1_5)
    return CABREF_BYLAWS_1_5;
  if (t >= EFFECTIVE_1_4)
    return CABREF_BYLAWS_1_4;
  if (t >= EFFECTIVE_1_3)
    return CABREF_BYLAWS_1_3;
  if (t >= EFFECTIVE_1_2)
    return CABREF_BYLAWS_1_2;
  if (t >= EFFECTIVE_1_1)
    return CABREF_BYLAWS_1_1;
  if (t >= EFFECTIVE_1_0)
    return CABREF_BYLAWS_1_0;
  if (t >= EFFECTIVE_BALLOT_5)
    return CABREF_RULES_BALLOT_5;
  if (t >= EFFECTIVE_BALLOT_4)
    return CABREF_RULES_BALLOT_4;
  return CABREF_RULES_PRE_BALLOT_4;
}
