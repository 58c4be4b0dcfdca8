/* cabref: the logic of spec/tally.md, in ACSL, for the contracts of ref/include/cabref/tally.h.
 *
 * ACSL only: a C compiler sees nothing but comments. tally.h includes this file after its type
 * definitions when __FRAMAC__ is defined. Everything is a definition (no axiomatic blocks), so
 * nothing here can make the contracts inconsistent. Conditions used inside terms are
 * `logic boolean` functions; the others are predicates. Enumeration constants and macros of
 * tally.h are used by name.
 */
#ifndef CABREF_TALLY_LOGIC_H
#define CABREF_TALLY_LOGIC_H

/*@
  // ---- Instants ---------------------------------------------------------------------------

  // The calendar of spec/tally-formats.md §1 spans years 1..9999, i.e. instants
  // -62135596800 .. 253402300799. Every instant the core handles lies strictly within 2^38 s of
  // the epoch, so a difference of two instants, or an instant plus a day count of at most
  // 2^32 days, fits in 64 bits.
  logic integer InstantBound = 274877906944; // 2^38
  predicate ValidInstant(integer t) = -InstantBound < t < InstantBound;

  // ---- TALLY-THR-* ------------------------------------------------------------------------

  // TALLY-THR-ISSUER with TALLY-THR-EMPTY: two-thirds or more of yes plus no, and a ratio exists.
  logic boolean IssuerThresholdMet(integer y, integer n) = y + n >= 1 && 3 * y >= 2 * (y + n);

  // TALLY-THR-CONSUMER with TALLY-THR-EMPTY, per reading (cabref_consumer_rule); an unknown
  // reading meets nothing.
  logic boolean ConsumerThresholdMet(integer y, integer n, integer rule) =
    y + n >= 1 &&
    ((rule == CABREF_CONSUMER_STRICT_MAJORITY && 2 * y > y + n) ||
     (rule == CABREF_CONSUMER_LITERAL && 2 * y >= y + n + 2) ||
     (rule == CABREF_CONSUMER_HALF_OR_MORE && 2 * y >= y + n));

  // ---- TALLY-QUORUM-ATT -------------------------------------------------------------------

  // A participant count p is valid for attendance sum s when p > (s/3)/2 over the rationals,
  // i.e. 6p > s. The quorum is the least such p.
  predicate QuorumSatisfies(integer p, integer s) = 6 * p > s;
  predicate LeastQuorum(integer p, integer s) = QuorumSatisfies(p, s) && !QuorumSatisfies(p - 1, s);
  logic integer QuorumOf(integer a1, integer a2, integer a3) = (a1 + a2 + a3) / 6 + 1;

  // ---- TALLY-VOTE-* -----------------------------------------------------------------------

  logic boolean ClearVote(integer v) =
    v == CABREF_VOTE_YES || v == CABREF_VOTE_NO || v == CABREF_VOTE_ABSTAIN;
  logic boolean VotingCategory(integer c) = c == CABREF_CAT_ISSUER || c == CABREF_CAT_CONSUMER;

  // TALLY-VOTE-PERIOD: [start, end) by default, [start, end] when end_inclusive.
  logic boolean NotEarly{L}(cabref_voting_period *p, integer at) = p->start <= at;
  logic boolean NotLate{L}(cabref_voting_period *p, integer at) =
    (p->end_inclusive != 0 && at <= p->end) || (p->end_inclusive == 0 && at < p->end);
  logic boolean RepOk{L}(cabref_voting_period *p, cabref_message *msgs, integer i) =
    p->rep_only == 0 || msgs[i].from_rep != 0;
  // Bylaws 1.5+ §2.2(d): a vote not sent to the ballot's list is invalid, when the rules say so.
  logic boolean ListOk{L}(cabref_voting_period *p, cabref_message *msgs, integer i) =
    p->list_only == 0 || msgs[i].on_list != 0;

  // TALLY-VOTE-STATUS: the member of message i was a voting member at the message's instant.
  logic boolean MemberThen{L}(cabref_message *msgs, cabref_member *roll, integer i) =
    roll[msgs[i].member].voting_from <= msgs[i].at &&
    msgs[i].at < roll[msgs[i].member].voting_until;

  // TALLY-VOTE-ELIGIBLE: message i counts if all of these hold.
  logic boolean Eligible{L}(cabref_message *msgs, cabref_member *roll,
                            cabref_voting_period *p, integer i) =
    ClearVote(msgs[i].vote) && VotingCategory(roll[msgs[i].member].category) &&
    MemberThen(msgs, roll, i) && RepOk(p, msgs, i) && ListOk(p, msgs, i) && NotEarly(p, msgs[i].at) &&
    NotLate(p, msgs[i].at);

  predicate EligibleOf{L}(cabref_message *msgs, cabref_member *roll, cabref_voting_period *p,
                          integer i, integer m) =
    msgs[i].member == m && Eligible(msgs, roll, p, i);

  // TALLY-VOTE-LATEST: message i does not come after message j (greater instant, or same
  // instant and later in the log).
  predicate NotAfter{L}(cabref_message *msgs, integer i, integer j) =
    msgs[i].at < msgs[j].at || (msgs[i].at == msgs[j].at && i <= j);

  // c is the counted message of member m among msgs[0 .. n-1]: -1 iff m has no eligible
  // message there, else an eligible message of m that no eligible message of m comes after.
  predicate LatestEligible{L}(cabref_message *msgs, cabref_member *roll,
                              cabref_voting_period *p, integer n, integer m, integer c) =
    (c == -1 || 0 <= c < n) &&
    (c == -1 <==> (\forall integer i; 0 <= i < n ==> !EligibleOf(msgs, roll, p, i, m))) &&
    (c != -1 ==>
       EligibleOf(msgs, roll, p, c, m) &&
       (\forall integer i; 0 <= i < n && EligibleOf(msgs, roll, p, i, m) ==>
          NotAfter(msgs, i, c)));

  // The first condition of TALLY-VOTE-ELIGIBLE that message i fails, in the order of
  // cabref_message_fate, or CABREF_MSG_COUNTED (0) when it fails none.
  logic integer Ineligibility{L}(cabref_message *msgs, cabref_member *roll,
                                 cabref_voting_period *p, integer i) =
    !ClearVote(msgs[i].vote) ? CABREF_MSG_UNCLEAR :
    !VotingCategory(roll[msgs[i].member].category) ? CABREF_MSG_NOT_VOTING :
    !MemberThen(msgs, roll, i) ? CABREF_MSG_NOT_MEMBER_THEN :
    !RepOk(p, msgs, i) ? CABREF_MSG_NOT_REP :
    !ListOk(p, msgs, i) ? CABREF_MSG_WRONG_LIST :
    !NotEarly(p, msgs[i].at) ? CABREF_MSG_EARLY :
    !NotLate(p, msgs[i].at) ? CABREF_MSG_LATE :
    CABREF_MSG_COUNTED;

  // The fate of message i when c is the counted message of its member: COUNTED, else the
  // first failing condition of TALLY-VOTE-ELIGIBLE, else SUPERSEDED (eligible, not the latest).
  logic integer FateOf{L}(cabref_message *msgs, cabref_member *roll, cabref_voting_period *p,
                          integer c, integer i) =
    c == i ? CABREF_MSG_COUNTED :
    Ineligibility(msgs, roll, p, i) != CABREF_MSG_COUNTED ? Ineligibility(msgs, roll, p, i) :
    CABREF_MSG_SUPERSEDED;

  // Every message names a member of the roll.
  predicate MembersInRoll{L}(cabref_message *msgs, integer n, integer n_members) =
    \forall integer i; 0 <= i < n ==> msgs[i].member < n_members;

  // ---- Counting (TALLY-QUORUM-PART) -------------------------------------------------------

  // chosen is a selection: each member has -1 or the index of a message.
  predicate ValidChoice{L}(int32_t *chosen, integer n_members, integer n_msgs) =
    \forall integer m; 0 <= m < n_members ==> -1 <= chosen[m] < n_msgs;

  // The number of members m' < m whose counted message has vote `vote` and whose category is
  // `cat`.
  logic integer CountChosen{L}(cabref_message *msgs, cabref_member *roll, int32_t *chosen,
                               integer m, integer cat, integer vote) =
    m <= 0 ? 0 :
    CountChosen(msgs, roll, chosen, m - 1, cat, vote) +
      ((chosen[m - 1] >= 0 && roll[m - 1].category == cat &&
        msgs[chosen[m - 1]].vote == vote) ? 1 : 0);

  // ---- TALLY-VERSION: the rule-set table of spec/tally.md ---------------------------------

  predicate KnownVersion(integer v) = 0 <= v < CABREF_RULES_COUNT;

  logic integer EffectiveOf(integer v) =
    v == CABREF_RULES_PRE_BALLOT_4 ? -9223372036854775808 :
    v == CABREF_RULES_BALLOT_4 ? 1197756000 :  // 2007-12-15T22:00:00Z
    v == CABREF_RULES_BALLOT_5 ? 1200693600 :  // 2008-01-18T22:00:00Z
    v == CABREF_BYLAWS_1_0 ? 1354233600 :      // 2012-11-30
    v == CABREF_BYLAWS_1_1 ? 1395705600 :      // 2014-03-25
    v == CABREF_BYLAWS_1_2 ? 1413417600 :      // 2014-10-16
    v == CABREF_BYLAWS_1_3 ? 1436486400 :      // 2015-07-10
    v == CABREF_BYLAWS_1_4 ? 1459728000 :      // 2016-04-04
    v == CABREF_BYLAWS_1_5 ? 1485820800 :      // 2017-01-31
    v == CABREF_BYLAWS_1_6 ? 1496102400 :      // 2017-05-30
    v == CABREF_BYLAWS_1_7 ? 1499299200 :      // 2017-07-06
    v == CABREF_BYLAWS_1_8 ? 1513814400 :      // 2017-12-21
    v == CABREF_BYLAWS_1_9 ? 1530576000 :      // 2018-07-03
    v == CABREF_BYLAWS_2_0 ? 1538092800 :      // 2018-09-28
    v == CABREF_BYLAWS_2_1 ? 1538352000 :      // 2018-10-01
    v == CABREF_BYLAWS_2_2 ? 1558396800 :      // 2019-05-21
    v == CABREF_BYLAWS_2_3 ? 1590451200 :      // 2020-05-26
    v == CABREF_BYLAWS_2_4 ? 1659484800 :      // 2022-08-03
    1689811200;                                // 2.5: 2023-07-20

  logic integer ConsumerRuleOf(integer v) =
    v == CABREF_RULES_PRE_BALLOT_4 ? CABREF_CONSUMER_HALF_OR_MORE : CABREF_CONSUMER_STRICT_MAJORITY;
  logic boolean YesEachOf(integer v) = v >= CABREF_BYLAWS_1_0;
  logic boolean QuorumByAttendanceOf(integer v) = v >= CABREF_RULES_BALLOT_5;
  logic boolean VotingExactly7DaysOf(integer v) = v >= CABREF_BYLAWS_1_0;
  logic boolean VotingRepOnlyOf(integer v) = v >= CABREF_BYLAWS_2_3;
  logic boolean VotesOnListOnlyOf(integer v) = v >= CABREF_BYLAWS_1_5;
  logic integer DiscussionMinDaysOf(integer v) = v >= CABREF_BYLAWS_1_0 ? 7 : 0;
  logic integer DiscussionMaxDaysOf(integer v) =
    CABREF_BYLAWS_1_5 <= v <= CABREF_BYLAWS_1_7 ? 14 : 0;
  logic integer QuietDaysOf(integer v) = v >= CABREF_BYLAWS_1_8 ? 7 : 0;
  logic integer AutofailDaysOf(integer v) =
    v == CABREF_BYLAWS_2_5 ? 90 : v >= CABREF_BYLAWS_1_8 ? 21 : 0;

  logic integer Flag(boolean b) = b ? 1 : 0;

  // *r is exactly the row of rule set v.
  predicate RulesOf{L}(cabref_rules *r, integer v) =
    r->version == v && r->effective == EffectiveOf(v) && r->consumer == ConsumerRuleOf(v) &&
    r->yes_each == Flag(YesEachOf(v)) && r->quorum_by_attendance == Flag(QuorumByAttendanceOf(v)) &&
    r->voting_exactly_7_days == Flag(VotingExactly7DaysOf(v)) &&
    r->voting_rep_only == Flag(VotingRepOnlyOf(v)) &&
    r->votes_on_list_only == Flag(VotesOnListOnlyOf(v)) &&
    r->discussion_min_days == DiscussionMinDaysOf(v) &&
    r->discussion_max_days == DiscussionMaxDaysOf(v) && r->quiet_days == QuietDaysOf(v) &&
    r->autofail_days == AutofailDaysOf(v);

  // ---- TALLY-PERIOD-* ---------------------------------------------------------------------

  predicate ValidTimeline{L}(cabref_timeline *tl) =
    ValidInstant(tl->voting_start) && ValidInstant(tl->voting_end) &&
    (tl->has_discussion != 0 ==>
       ValidInstant(tl->discussion_start) && ValidInstant(tl->discussion_end) &&
       ValidInstant(tl->last_version));

  logic boolean VotingLengthBroken{L}(cabref_rules *r, cabref_timeline *tl) =
    r->voting_exactly_7_days != 0 && tl->voting_end - tl->voting_start != CABREF_WEEK;
  logic boolean DiscussionTooShort{L}(cabref_rules *r, cabref_timeline *tl) =
    tl->has_discussion != 0 && r->discussion_min_days != 0 &&
    tl->voting_start - tl->discussion_start < r->discussion_min_days * CABREF_DAY;
  logic boolean DiscussionTooLong{L}(cabref_rules *r, cabref_timeline *tl) =
    tl->has_discussion != 0 && r->discussion_max_days != 0 &&
    tl->discussion_end - tl->discussion_start > r->discussion_max_days * CABREF_DAY;
  logic boolean VotingBeforeDiscussionEnd{L}(cabref_rules *r, cabref_timeline *tl) =
    tl->has_discussion != 0 && r->discussion_max_days != 0 &&
    tl->voting_start < tl->discussion_end;
  logic boolean QuietPeriodBroken{L}(cabref_rules *r, cabref_timeline *tl) =
    tl->has_discussion != 0 && r->quiet_days != 0 &&
    tl->voting_start - tl->last_version < r->quiet_days * CABREF_DAY;
  logic boolean AutoFailed{L}(cabref_rules *r, cabref_timeline *tl) =
    tl->has_discussion != 0 && r->autofail_days != 0 &&
    tl->voting_start - tl->last_version > r->autofail_days * CABREF_DAY;

  logic integer Bit(boolean b, integer bit) = b ? bit : 0;

  // The CABREF_R_* bits of the period rules the timeline breaks.
  logic integer PeriodReasons{L}(cabref_rules *r, cabref_timeline *tl) =
    Bit(VotingLengthBroken(r, tl), CABREF_R_VOTING_PERIOD_LENGTH) |
    Bit(DiscussionTooShort(r, tl), CABREF_R_DISCUSSION_TOO_SHORT) |
    Bit(DiscussionTooLong(r, tl), CABREF_R_DISCUSSION_TOO_LONG) |
    Bit(VotingBeforeDiscussionEnd(r, tl), CABREF_R_VOTING_BEFORE_DISCUSSION_END) |
    Bit(QuietPeriodBroken(r, tl), CABREF_R_QUIET_PERIOD) |
    Bit(AutoFailed(r, tl), CABREF_R_AUTO_FAILED);

  // ---- TALLY-REVIEW -----------------------------------------------------------------------

  logic integer ReviewDays(integer kind) =
    kind == CABREF_BALLOT_MAINTENANCE_GUIDELINE ? 30 :
    kind == CABREF_BALLOT_NEW_GUIDELINE ? 60 : 0;
  predicate GuidelineKind(integer kind) = ReviewDays(kind) != 0;

  predicate ExclusionWithin{L}(cabref_instant *ex, integer n, integer start, integer end) =
    \exists integer i; 0 <= i < n && start <= ex[i] < end;

  // ---- TALLY-WITHDRAWN, TALLY-SECOND-VOTE ------------------------------------------------------

  // Bylaws 2.5 §2.3(4): the proposer may withdraw a ballot during voting; before 2.5 a ballot
  // could be withdrawn only before its voting period (Ballot 169's procedure text).
  logic boolean WithdrawDuringVotingOf(integer v) = v >= CABREF_BYLAWS_2_5;
  logic integer WithdrawalOf{L}(cabref_rules *r, cabref_voting_period *p, integer at) =
    at < p->start ? CABREF_WITHDRAWAL_BEFORE_VOTING :
    NotLate(p, at) ?
      (WithdrawDuringVotingOf(r->version) ? CABREF_WITHDRAWAL_DURING_VOTING :
                                            CABREF_WITHDRAWAL_NOT_ALLOWED) :
    CABREF_WITHDRAWAL_AFTER_CLOSE;
  predicate WithdrawalTakesEffect(integer w) =
    w == CABREF_WITHDRAWAL_BEFORE_VOTING || w == CABREF_WITHDRAWAL_DURING_VOTING;

  // Bylaws 1.5+ §2.3 (2.5 §2.4): after an Exclusion Notice, a Patent Advisory Group, then an
  // unchanged Draft Guideline Ballot goes to a Second Vote.
  logic integer SecondVoteOf(integer v, integer kind) =
    ReviewDays(kind) == 0 ? CABREF_SECOND_VOTE_NOT_GUIDELINE :
    v < CABREF_BYLAWS_1_5 ? CABREF_SECOND_VOTE_NO_PAG_RULE : CABREF_SECOND_VOTE_OK;

  // ---- TALLY-OUTCOME ----------------------------------------------------------------------

  logic integer Participants(cabref_counts c) =
    c.issuer.yes + c.issuer.no + c.issuer.abstain +
    c.consumer.yes + c.consumer.no + c.consumer.abstain;

  // quorum 0 means the rule set has no quorum (TALLY-QUORUM-FIXED).
  logic boolean QuorumMetOf{L}(cabref_counts *c, integer quorum) =
    quorum == 0 || c->participants >= quorum;

  // The reason bits of a tally, in the order of the reason-code table.
  logic integer DecideReasons{L}(cabref_counts *c, integer quorum, cabref_rules *r,
                                 integer consumer, integer period) =
    period |
    Bit(!QuorumMetOf(c, quorum), CABREF_R_NO_QUORUM) |
    Bit(!IssuerThresholdMet(c->issuer.yes, c->issuer.no), CABREF_R_ISSUER_THRESHOLD) |
    Bit(!ConsumerThresholdMet(c->consumer.yes, c->consumer.no, consumer),
        CABREF_R_CONSUMER_THRESHOLD) |
    Bit(r->yes_each != 0 && c->issuer.yes == 0, CABREF_R_ISSUER_NO_YES) |
    Bit(r->yes_each != 0 && c->consumer.yes == 0, CABREF_R_CONSUMER_NO_YES);

  // TALLY-OUTCOME: invalid when the quorum is not met or a procedural period rule (a period
  // bit under CABREF_R_INVALID_MASK) is broken; failed when, otherwise, a threshold, the
  // one-yes rule, or a period bit under CABREF_R_FAILED_MASK (auto-failed) fails. These are
  // exactly the reasons DecideReasons lists under the two masks.
  predicate DecideInvalid{L}(cabref_counts *c, integer quorum, integer period) =
    (period & CABREF_R_INVALID_MASK) != 0 || !QuorumMetOf(c, quorum);
  predicate DecideFailed{L}(cabref_counts *c, cabref_rules *r, integer consumer,
                            integer period) =
    (period & CABREF_R_FAILED_MASK) != 0 ||
    !IssuerThresholdMet(c->issuer.yes, c->issuer.no) ||
    !ConsumerThresholdMet(c->consumer.yes, c->consumer.no, consumer) ||
    (r->yes_each != 0 && (c->issuer.yes == 0 || c->consumer.yes == 0));

  // ---- Civil time (proleptic Gregorian, years 1..9999) ------------------------------------

  logic boolean IsLeap(integer y) = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  logic integer DaysInMonth(integer y, integer m) =
    m == 2 ? (IsLeap(y) ? 29 : 28) :
    (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31;
  predicate ValidDate(integer y, integer m, integer d) =
    1 <= y <= 9999 && 1 <= m <= 12 && 1 <= d <= DaysInMonth(y, m);
  predicate ValidClock(integer h, integer mi, integer s) =
    0 <= h <= 23 && 0 <= mi <= 59 && 0 <= s <= 59;

  // Days from 1970-01-01 to y-m-d: years are counted from 1 March so that the leap day is the
  // last day of the counted year; for y >= 1 the shifted year yy is >= 0.
  logic integer DaysFromCivil(integer y, integer m, integer d) =
    \let yy = (m <= 2 ? y - 1 : y);
    \let mp = (m > 2 ? m - 3 : m + 9);
    365 * yy + yy / 4 - yy / 100 + yy / 400 + (153 * mp + 2) / 5 + (d - 1) - 719468;

  logic integer InstantOf(integer y, integer m, integer d, integer h, integer mi, integer s) =
    DaysFromCivil(y, m, d) * 86400 + h * 3600 + mi * 60 + s;

  // 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
  logic integer FirstInstant = -62135596800;
  logic integer LastInstant = 253402300799;
*/

#endif
