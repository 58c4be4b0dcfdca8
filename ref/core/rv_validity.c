/* cabref: how long a Random Value may be used, by method and date (spec/random-value.md
 * RV-WINDOW-RULE, RV-REUSE, RV-WINDOW, RV-WINDOW-CPS, RV-WINDOW-USE).
 *
 * Ballot 169 gave each method that sends a Random Value its own period: 30 days for the e-mail,
 * fax, SMS and postal methods; for the website method (3.2.2.4.6) "the longer of" 30 days and,
 * when the Applicant submitted the request, the period for which validated data may be reused;
 * for DNS Change (3.2.2.4.7) the same two periods without "the longer of". Later ballots added
 * methods with plain 30-day periods (3.2.2.4.13-.21, 3.2.2.5.2 and .5) and 3.2.2.5.1 with "the
 * longer of". The reuse period is BR 4.2.1's for domain and IP data at issuance. */
#include "cabref/rv.h"

cabref_rv_rule cabref_rv_rule_of(uint32_t section, uint32_t method) {
  if (section == 4u) {
    switch (method) {
    case 2u:  /* e-mail, fax, SMS or postal mail to a Domain Contact (Ballot 169) */
    case 4u:  /* constructed e-mail (Ballot 169, restored by 190) */
    case 13u: /* e-mail to a DNS CAA contact (SC13) */
    case 14u: /* e-mail to a DNS TXT contact (SC13) */
    case 16u: /* phone to a DNS TXT phone contact (SC14) */
    case 17u: /* phone to a DNS CAA phone contact (SC19) */
    case 18u: /* agreed-upon change to website v2 (SC25): no reuse extension */
    case 19u: /* ACME http-01 token (SC25) */
    case 20u: /* ACME tls-alpn-01 token (SC33) */
    case 21u: /* ACME dns-account-01 token (SC84) */
      return CABREF_RV_RULE_30_DAYS;
    case 6u: /* agreed-upon change to website (Ballot 169): "the longer of" */
      return CABREF_RV_RULE_LONGER_OF;
    case 7u: /* DNS Change (Ballot 169): "(i) 30 days or (ii) ...", no "longer of" */
      return CABREF_RV_RULE_DNS_OR;
    case 10u: /* TLS using a Random Number (Ballot 169): no period stated */
      return CABREF_RV_RULE_UNSTATED;
    default:
      return CABREF_RV_RULE_NONE;
    }
  }
  if (section == 5u) {
    if (method == 1u) {
      return CABREF_RV_RULE_LONGER_OF; /* IP: agreed-upon change to website (SC7) */
    }
    if (method == 2u || method == 5u) {
      return CABREF_RV_RULE_30_DAYS; /* IP: e-mail, fax, SMS, postal; phone (SC7) */
    }
  }
  return CABREF_RV_RULE_NONE;
}

void cabref_rv_reuse_period(cabref_instant issuance, uint32_t *days, uint32_t *months) {
  *months = 0;
  /* BR 4.2.1: 39 months until Ballot 193/197's 825 days for issuance from 2018-03-01; SC42's
   * 398 days from 2021-10-01; SC-081's 200, 100 and 10 days from 2026-03-15, 2027-03-15 and
   * 2029-03-15. */
  if (issuance < CABREF_RV_T_BALLOT_193) {
    *days = 0;
    *months = 39;
  } else if (issuance < CABREF_RV_T_SC42) {
    *days = 825;
  } else if (issuance < CABREF_RV_T_SC81_200) {
    *days = 398;
  } else if (issuance < CABREF_RV_T_SC81_100) {
    *days = 200;
  } else if (issuance < CABREF_RV_T_SC81_10) {
    *days = 100;
  } else {
    *days = 10;
  }
}

/* *r := t plus k calendar months; a day the later month lacks becomes its last day. */
/*@
  requires range: CABREF_RV_T_FIRST <= t <= CABREF_RV_T_LAST;
  requires months: 0 <= k <= 48;
  requires valid: \valid(r);
  assigns *r;
  ensures later: MonthsLater(t, k, *r);
*/
static void months_later(cabref_instant t, int32_t k, cabref_instant *r) {
  int32_t y = 1;
  int32_t m = 1;
  int32_t d = 1;
  int32_t h = 0;
  int32_t mi = 0;
  int32_t s = 0;
  int32_t ny;
  int32_t nm;
  int32_t nd;
  cabref_instant out = 0;
  (void)cabref_utc_from_instant(t, &y, &m, &d, &h, &mi, &s);
  ny = y + (m - 1 + k) / 12;
  nm = (m - 1 + k) % 12 + 1;
  nd = d;
  /* Try the same day, then one day earlier, until the month has it (at most 3 steps: every
   * month has 28 days). */
  /*@
    loop invariant day: 28 <= nd || nd == d;
    loop invariant day_range: 1 <= nd <= d;
    loop invariant above: RvMin(d, DaysInMonth(ny, nm)) <= nd;
    loop assigns nd, out;
    loop variant nd;
  */
  while (cabref_instant_from_utc(ny, nm, nd, h, mi, s, &out) != CABREF_OK) {
    nd--;
  }
  /*@ assert found: nd == RvMin(d, DaysInMonth(ny, nm)); */
  /*@ assert civil: CivilOf(t, y, m, d, h, mi, s); */
  /*@ assert target: ny == MonthsYear(y, m, k) && nm == MonthsMonth(m, k); */
  /*@ assert instant: out == InstantOf(ny, nm, nd, h, mi, s); */
  /*@ assert from: MonthsLaterFrom(y, m, d, h, mi, s, k, out); */
  *r = out;
}

cabref_status cabref_rv_window_of(const cabref_rv_use *use, cabref_rv_window *out) {
  cabref_rv_rule rule;
  uint32_t days = 0;
  uint32_t months = 0;
  cabref_instant reuse = 0;
  cabref_instant thirty;
  cabref_instant base;
  if (use == NULL || out == NULL) {
    return CABREF_E_NULL;
  }
  rule = cabref_rv_rule_of(use->section, use->method);
  if (rule == CABREF_RV_RULE_NONE || (rule == CABREF_RV_RULE_UNSTATED && use->cps_days == 0) ||
      use->created < CABREF_RV_T_FIRST || use->created > CABREF_RV_T_LAST ||
      use->issuance < CABREF_RV_T_FIRST || use->issuance > CABREF_RV_T_LAST ||
      use->cps_days > 100000u) {
    return CABREF_E_RANGE;
  }
  cabref_rv_reuse_period(use->issuance, &days, &months);
  if (months != 0) {
    months_later(use->created, 39, &reuse);
  } else {
    reuse = use->created + (cabref_instant)days * CABREF_DAY;
  }
  /* "no more than 30 days from its creation": the 2,592,000th second is still inside. */
  thirty = use->created + CABREF_RV_30_DAYS;
  base = thirty;
  if (rule == CABREF_RV_RULE_LONGER_OF && use->applicant_submitted != 0) {
    base = reuse > thirty ? reuse : thirty;
  } else if (rule == CABREF_RV_RULE_DNS_OR && use->applicant_submitted != 0) {
    /* RV-WINDOW-DNS: BR 3.2.2.4.7 never says which of its two periods wins; the longer is the
     * reading of its sibling methods (spec/random-value.md, decisions), the shorter is on request.
     */
    if (use->dns_shorter != 0) {
      base = reuse < thirty ? reuse : thirty;
    } else {
      base = reuse > thirty ? reuse : thirty;
    }
  }
  out->rule = (uint32_t)rule;
  out->reuse_deadline = reuse;
  out->reuse_days = days;
  out->reuse_months = months;
  if (rule == CABREF_RV_RULE_UNSTATED) {
    out->deadline = use->created + (cabref_instant)use->cps_days * CABREF_DAY;
    out->by_cps = 1;
  } else if (use->cps_days != 0 &&
             use->created + (cabref_instant)use->cps_days * CABREF_DAY < base) {
    /* "The CPS MAY specify a shorter validity period ..., in which case the CA MUST follow
     * its CPS" (Ballot 169, 3.2.2.4.2 and .4): a CPS can shorten a period, never lengthen it. */
    out->deadline = use->created + (cabref_instant)use->cps_days * CABREF_DAY;
    out->by_cps = 1;
  } else {
    out->deadline = base;
    out->by_cps = 0;
  }
  return CABREF_OK;
}

cabref_rv_use_verdict cabref_rv_use_check(cabref_instant created, cabref_instant deadline,
                                          cabref_instant at) {
  if (at < created) {
    return CABREF_RV_USE_BEFORE_CREATION;
  }
  if (at > deadline) {
    return CABREF_RV_USE_EXPIRED;
  }
  return CABREF_RV_USE_VALID;
}
