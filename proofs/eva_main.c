/* cabref: Eva entry point for the proven core (proofs/README.md, `make eva`).
 *
 * Calls every entry of ref/core with inputs that Eva treats as unknown within their documented
 * ranges (Frama_C_*_interval, Frama_C_make_unknown), so that the value analysis covers all of
 * them at once. Frama-C only: a C compiler sees an empty file.
 */
#ifdef __FRAMAC__
#include <stddef.h>
#include <stdint.h>

#include "__fc_builtin.h"
#include "cabref/caa_dns.h"
#include "cabref/rv.h"
#include "cabref/tally.h"

#define EVA_MSGS 5u
#define EVA_MEMBERS 4u
/* ValidInstant: |t| < 2^38. */
#define EVA_INSTANT_MAX 274877906943LL

static cabref_instant any_instant(void) {
  return Frama_C_long_long_interval(-EVA_INSTANT_MAX, EVA_INSTANT_MAX);
}

static uint32_t any_u32(void) { return Frama_C_unsigned_int_interval(0u, UINT32_MAX); }

static uint8_t any_u8(void) { return (uint8_t)Frama_C_interval(0, 255); }

static void eva_thresholds(void) {
  uint32_t y = any_u32();
  uint32_t n = any_u32();
  cabref_consumer_rule rule = (cabref_consumer_rule)Frama_C_unsigned_int_interval(0u, 3u);
  (void)cabref_issuer_threshold_met(y, n);
  (void)cabref_consumer_threshold_met(y, n, rule);
  (void)cabref_quorum_from_attendance(any_u32(), any_u32(), any_u32());
  (void)cabref_quorum_met(any_u32(), any_u32());
}

static void eva_votes(void) {
  cabref_message msgs[EVA_MSGS];
  cabref_member roll[EVA_MEMBERS];
  cabref_voting_period period;
  int32_t chosen[EVA_MEMBERS];
  uint8_t fate[EVA_MSGS];
  cabref_counts counts;
  /* Every message names a member of the roll (the range check is exercised below). */
  for (uint32_t i = 0u; i < EVA_MSGS; i++) {
    msgs[i].at = any_instant();
    msgs[i].member = Frama_C_unsigned_int_interval(0u, EVA_MEMBERS - 1u);
    msgs[i].vote = any_u8();
    msgs[i].on_list = any_u8();
    msgs[i].from_rep = any_u8();
  }
  for (uint32_t m = 0u; m < EVA_MEMBERS; m++) {
    roll[m].category = any_u8();
    roll[m].voting_from = Frama_C_nondet(0, 1) ? CABREF_INSTANT_MIN : any_instant();
    roll[m].voting_until = Frama_C_nondet(0, 1) ? CABREF_INSTANT_MAX : any_instant();
  }
  Frama_C_make_unknown((char *)&period, sizeof period);
  if (cabref_select_votes(msgs, EVA_MSGS, roll, EVA_MEMBERS, &period, chosen, fate) ==
      CABREF_OK) {
    cabref_count_votes(msgs, EVA_MSGS, roll, EVA_MEMBERS, chosen, &counts);
  }
  /* Fewer messages and members than the arrays hold. */
  if (cabref_select_votes(msgs, 2u, roll, EVA_MEMBERS, &period, chosen, fate) == CABREF_OK) {
    cabref_count_votes(msgs, 2u, roll, EVA_MEMBERS, chosen, &counts);
  }
  (void)cabref_select_votes(msgs, 0u, roll, 0u, &period, chosen, fate);
  /* A member outside the roll, and NULL pointers. */
  msgs[EVA_MSGS - 1u].member = Frama_C_unsigned_int_interval(EVA_MEMBERS, UINT32_MAX);
  (void)cabref_select_votes(msgs, EVA_MSGS, roll, EVA_MEMBERS, &period, chosen, fate);
  (void)cabref_select_votes(NULL, EVA_MSGS, roll, EVA_MEMBERS, &period, chosen, fate);
}

static void eva_rules_periods_outcome(void) {
  cabref_rules rules;
  cabref_timeline tl;
  cabref_review_input in;
  cabref_review_result rv;
  cabref_instant ex[3];
  cabref_counts counts;
  cabref_tally_result result;
  uint32_t period_reasons;
  cabref_rules unknown;
  cabref_rules_version v =
      (cabref_rules_version)Frama_C_unsigned_int_interval(0u, CABREF_RULES_COUNT - 1u);
  (void)cabref_rules_for(v, NULL);
  (void)cabref_rules_for(
      (cabref_rules_version)Frama_C_unsigned_int_interval(CABREF_RULES_COUNT, UINT32_MAX),
      &unknown);
  (void)cabref_rules_in_force(Frama_C_long_long_interval(INT64_MIN, INT64_MAX));
  (void)cabref_rules_for(v, &rules);
  tl.has_discussion = any_u8();
  tl.discussion_start = any_instant();
  tl.discussion_end = any_instant();
  tl.last_version = any_instant();
  tl.voting_start = any_instant();
  tl.voting_end = any_instant();
  period_reasons = cabref_check_periods(&rules, &tl);

  for (uint32_t i = 0u; i < 3u; i++) {
    ex[i] = any_instant();
  }
  in.has_review = any_u8();
  in.review_start = any_instant();
  in.n_exclusions = Frama_C_unsigned_int_interval(0u, 3u);
  in.exclusions = Frama_C_nondet(0, 1) ? ex : NULL;
  (void)cabref_review((cabref_ballot_kind)Frama_C_unsigned_int_interval(0u, 3u), &in, &rv);
  (void)cabref_review(CABREF_BALLOT_NEW_GUIDELINE, NULL, &rv);

  counts.issuer.yes = any_u32();
  counts.issuer.no = any_u32();
  counts.issuer.abstain = any_u32();
  counts.consumer.yes = any_u32();
  counts.consumer.no = any_u32();
  counts.consumer.abstain = any_u32();
  counts.participants = any_u32();
  cabref_tally_decide(&counts, any_u32(), &rules,
                      (cabref_consumer_rule)Frama_C_unsigned_int_interval(0u, 3u),
                      period_reasons | any_u32(), &result);
  rv.rescinded = any_u8();
  cabref_apply_review(&result, &rv);
  {
    cabref_voting_period period;
    period.start = tl.voting_start;
    period.end = tl.voting_end;
    period.end_inclusive = any_u8();
    period.rep_only = any_u8();
    period.list_only = any_u8();
    cabref_apply_withdrawal(&result, cabref_withdrawal_effect(&rules, &period, any_instant()));
    (void)cabref_second_vote_check(&rules,
                                   (cabref_ballot_kind)Frama_C_unsigned_int_interval(0u, 3u));
  }
}

static void eva_civil_time(void) {
  cabref_instant t = 0;
  int32_t y, mo, d, h, mi, s;
  (void)cabref_instant_from_utc(Frama_C_interval(INT32_MIN, INT32_MAX),
                                Frama_C_interval(INT32_MIN, INT32_MAX),
                                Frama_C_interval(INT32_MIN, INT32_MAX),
                                Frama_C_interval(INT32_MIN, INT32_MAX),
                                Frama_C_interval(INT32_MIN, INT32_MAX),
                                Frama_C_interval(INT32_MIN, INT32_MAX), &t);
  (void)cabref_instant_from_utc(2025, 2, 5, 1, 0, 0, NULL);
  (void)cabref_utc_from_instant(Frama_C_long_long_interval(INT64_MIN, INT64_MAX), &y, &mo, &d,
                                &h, &mi, &s);
  (void)cabref_utc_from_instant(0, NULL, &mo, &d, &h, &mi, &s);
}

static void eva_status(void) {
  cabref_status s = (cabref_status)Frama_C_unsigned_int_interval(0u, 20u);
  (void)cabref_strerror(s);
  (void)cabref_status_code(s);
}

/* CAA-RELEVANT, CAA-ALIAS-*: any nodes (outcomes, aliases and targets anywhere in 0..255, so
 * targets outside the array too) under every rule set, climbs of every length. */
#define EVA_NODES 8u
static void eva_caa_climb(void) {
  cabref_caa_node nd[EVA_NODES];
  cabref_caa_relevant_at at;
  cabref_caa_failure_facts f = {0, 0, 0, 0, 0};
  size_t i, n = (size_t)Frama_C_unsigned_int_interval(0u, EVA_NODES);
  for (i = 0; i < EVA_NODES; i++) {
    nd[i].outcome = any_u8();
    nd[i].failure = any_u8();
    nd[i].dnssec = any_u8();
    nd[i].alias = any_u8();
    nd[i].target = (uint32_t)Frama_C_unsigned_int_interval(0u, 255u);
  }
  (void)cabref_caa_relevant_rrset(nd, n, (size_t)Frama_C_unsigned_int_interval(0u, (unsigned)n),
                                  (cabref_caa_rules)Frama_C_unsigned_int_interval(0u, 3u), &at);
  cabref_caa_failure_facts_of(&nd[0], &f);
}

/* The Random Value core: entropy bounds, rejection sampling, health tests and windows. */
static void eva_rv(void) {
  uint32_t bits = 0, len = 0, cutoff = 0;
  int meets = 0;
  uint8_t src[16];
  char out[8];
  size_t consumed = 0, emitted = 0, i;
  static const char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  cabref_rv_rct rct;
  cabref_rv_apt apt;
  cabref_rv_use use;
  cabref_rv_window w;
  uint32_t days = 0, months = 0;
  (void)cabref_rv_entropy_bits(any_u32(), any_u32(), &bits);
  (void)cabref_rv_entropy_meets(any_u32(), any_u32(), any_u32(), &meets);
  (void)cabref_rv_min_length(any_u32(), any_u32(), &len);
  for (i = 0; i < sizeof src; i++)
    src[i] = any_u8();
  (void)cabref_rv_map_octets(src, sizeof src, alphabet,
                             Frama_C_unsigned_int_interval(0u, sizeof alphabet - 1u), out,
                             (size_t)Frama_C_unsigned_int_interval(0u, sizeof out), &consumed,
                             &emitted);
  (void)cabref_rv_rct_cutoff(any_u32(), any_u32(), any_u32(), &cutoff);
  cabref_rv_rct_start(&rct, Frama_C_unsigned_int_interval(2u, UINT32_MAX));
  cabref_rv_apt_start(&apt, Frama_C_unsigned_int_interval(2u, CABREF_RV_APT_WINDOW));
  for (i = 0; i < 2048; i++) {
    (void)cabref_rv_rct_feed(&rct, any_u8());
    (void)cabref_rv_apt_feed(&apt, any_u8());
  }
  use.section = any_u32();
  use.method = any_u32();
  use.created = any_instant();
  use.issuance = any_instant();
  use.cps_days = any_u32();
  use.applicant_submitted = any_u8();
  use.dns_shorter = any_u8();
  (void)cabref_rv_window_of(&use, &w);
  cabref_rv_reuse_period(any_instant(), &days, &months);
  (void)cabref_rv_use_check(any_instant(), any_instant(), any_instant());
}

/* Request Tokens: strengths, timestamps, the 30-day rule. */
static void eva_rv_token(void) {
  char ts[14];
  cabref_instant t = 0;
  size_t i;
  for (i = 0; i < sizeof ts; i++)
    ts[i] = (char)Frama_C_interval(-128, 127);
  (void)cabref_rv_alg_strength(any_u32());
  (void)cabref_rv_binding_ok(any_u32(), any_u32());
  (void)cabref_rv_token_timestamp(ts, (size_t)Frama_C_unsigned_int_interval(0u, sizeof ts), &t);
  (void)cabref_rv_token_time(any_instant(), any_instant());
}

void cabref_eva_main(void);

void cabref_eva_main(void) {
  eva_thresholds();
  eva_votes();
  eva_rules_periods_outcome();
  eva_civil_time();
  eva_status();
  eva_caa_climb();
  eva_rv();
  eva_rv_token();
}
#endif
