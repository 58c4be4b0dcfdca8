/* libFuzzer target: the rules of BR 3.2.2.8 by date (ref/core/caa_rules.c), the relevant-set
 * climb (ref/core/caa_relevant.c) and the decision for the names of one certificate
 * (ref/core/caa_names.c), against a restatement of spec/caa.md written here from its text.
 *
 * Requirements: CAA-MANDATE, CAA-PROFILE-DATE, CAA-REUSE, CAA-EXC-CT, CAA-EXC-TCSCA,
 * CAA-EXC-DNS-OPERATOR, CAA-LOOKUP-FAILURE, CAA-DETAIL-DATES (cabref_caa_rules_at,
 * cabref_caa_reuse_ok, cabref_caa_exception_applies, cabref_caa_failure_permits); CAA-RELEVANT
 * (cabref_caa_relevant on the outcomes of a climb); CAA-MULTI-NAME, CAA-EMPTY-SET,
 * CAA-DETAIL-NAMES, CAA-DECIDE (cabref_caa_names: an Onion Domain Name by its last label, a
 * certificate of only onion names permitted, a failure at the TLD with nothing below it a lookup
 * failure, an empty relevant set permitting with no-records, a found set decided as the twin of
 * fuzz/caa_twin.h decides it, the certificate permitted iff every name is). Not checked here:
 * what the shell prints for a lookup failure or an onion name (no reason, no relevant owner), and
 * the zone reading that builds the nodes (fuzz/caa_zone.c).
 *
 * CAA-RELEVANT, CAA-ALIAS-CNAME, CAA-ALIAS-DNAME, CAA-ALIAS-CHAIN, CAA-ALIAS-6844,
 * CAA-DNS-FAILURE (cabref_caa_relevant_rrset on any nodes: outcomes, aliases and targets
 * anywhere, inside the array or not, under every rule set): the result of a restatement that
 * walks each chain keeping the path it took; with no alias anywhere, the same answer as
 * cabref_caa_relevant on the nodes' outcomes; under RFC 8659 a DNAME owned by a name changes
 * nothing; RFC 6844 as published answers as erratum 5065 except where it fails with
 * rfc6844-climb.
 *
 * The restatement does not reuse the core's constants: the instants are computed here from the
 * calendar dates spec/caa.md gives, and the reuse window is compared without the core's overflow
 * guard (the difference of two instants as an unsigned 64-bit number). The input is read as a
 * stream of small choices: an instant is a date of spec/caa.md plus an offset (a few seconds, a
 * few hours, anything), or any 64-bit value; facts are octets (0 false, anything else true, as
 * the header's uint8_t fields say); names are built from a few labels, each with the outcomes of
 * its climb.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "caa_twin.h"
#include "cabref/caa.h"
#include "cabref/caa_dns.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

/* ---- the input as a stream of choices ----------------------------------------------------- */

typedef struct {
  const uint8_t *p;
  size_t n;
} stream;

static uint8_t take8(stream *s) {
  uint8_t c;
  if (s->n == 0)
    return 0;
  c = s->p[0];
  s->p++;
  s->n--;
  return c;
}

static uint64_t take_bytes(stream *s, unsigned k) {
  uint64_t v = 0;
  unsigned i;
  for (i = 0; i < k; i++)
    v = (v << 8) | take8(s);
  return v;
}

/* Seconds since 1970-01-01T00:00:00Z of y-m-d at midnight UTC (proleptic Gregorian calendar). */
static int64_t utc(int64_t y, int64_t m, int64_t d) {
  int64_t era, yoe, doy, doe;
  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (era * 146097 + doe - 719468) * 86400;
}

/* The dates of spec/caa.md. */
static int64_t t_mandate, t_e5065, t_rfc8659, t_dnsop_end, t_insecure, t_dnssec;

static void init_dates(void) {
  t_mandate = utc(2017, 9, 8);    /* CAA-MANDATE: Ballot 187 */
  t_e5065 = utc(2017, 10, 27);    /* CAA-PROFILE-DATE: erratum 5065, Ballot 214 */
  t_rfc8659 = utc(2020, 10, 19);  /* CAA-PROFILE-DATE: RFC 8659, Ballot SC35 */
  t_dnsop_end = utc(2021, 7, 1);  /* CAA-EXC-DNS-OPERATOR: SC46 */
  t_insecure = utc(2025, 7, 21);  /* CAA-LOOKUP-FAILURE: SC085, "Insecure" */
  t_dnssec = utc(2026, 3, 15);    /* CAA-LOOKUP-FAILURE: SC085, DNSSEC failure */
  CHECK(t_mandate == 1504828800); /* the calendar computation itself, on a known date */
}

static int64_t take_instant(stream *s) {
  const int64_t dates[6] = {t_mandate, t_e5065, t_rfc8659, t_dnsop_end, t_insecure, t_dnssec};
  uint8_t sel = take8(s);
  int64_t base = dates[sel % 6u], off;
  switch ((sel / 6u) % 5u) {
  case 0: /* a few seconds either side */
    off = (int64_t)(int8_t)take8(s);
    break;
  case 1: /* a few hours either side */
    off = (int64_t)(int16_t)take_bytes(s, 2) * 60;
    break;
  case 2: /* years either side */
    off = (int64_t)(int32_t)take_bytes(s, 4);
    break;
  case 3: /* any instant at all */
    return (int64_t)take_bytes(s, 8);
  default:
    off = 0;
  }
  return base + off;
}

/* ---- the rules by date, restated from spec/caa.md ------------------------------------------ */

/* CAA-MANDATE, CAA-PROFILE-DATE. */
static cabref_caa_rules want_rules(int64_t at) {
  if (at >= t_rfc8659)
    return CABREF_CAA_RULES_RFC8659;
  if (at >= t_e5065)
    return CABREF_CAA_RULES_RFC6844_E5065;
  if (at >= t_mandate)
    return CABREF_CAA_RULES_RFC6844;
  return CABREF_CAA_RULES_NONE;
}

/* CAA-REUSE, CAA-DETAIL-DATES: c <= t <= c + max(TTL, 28800 s); no TTL (empty set): 8 hours; a
 * TTL from 2^31 to 2^32-1 is read as 0. */
static int want_reuse(int64_t checked, int64_t issued, uint32_t ttl, int has_ttl) {
  uint64_t window = 8u * 3600u, diff;
  if (has_ttl && ttl <= 0x7fffffffu && ttl > window)
    window = ttl;
  if (issued < checked)
    return 0;                                  /* before-check */
  diff = (uint64_t)issued - (uint64_t)checked; /* exact: 0 <= issued - checked < 2^64 */
  return diff <= window;
}

/* CAA-EXC-CT, CAA-EXC-TCSCA, CAA-EXC-DNS-OPERATOR, CAA-DETAIL-DATES: is the exception in force on
 * that date (not-in-force wins over unmet conditions), and are its conditions met? */
static cabref_caa_exception_result want_exception(int kind, int64_t issued,
                                                  const cabref_caa_exception_facts *f) {
  int in_force, met;
  switch (kind) {
  case CABREF_CAA_EXC_CT_PRECERT:
    in_force = issued >= t_mandate;
    met = f != NULL && f->ct_logs >= 2 && f->caa_checked;
    break;
  case CABREF_CAA_EXC_TCSCA:
    in_force = issued >= t_mandate;
    met = f != NULL && f->tcsca && f->contract_clause;
    break;
  case CABREF_CAA_EXC_DNS_OPERATOR:
    in_force = issued >= t_mandate && issued < t_dnsop_end;
    met = f != NULL && f->ca_is_dns_operator;
    break;
  default: /* no such exception in the BR */
    in_force = 0;
    met = 0;
  }
  if (!in_force)
    return CABREF_CAA_EXC_NOT_IN_FORCE;
  return met ? CABREF_CAA_EXC_APPLIES : CABREF_CAA_EXC_CONDITIONS;
}

/* CAA-LOOKUP-FAILURE, CAA-DETAIL-DATES; before CAA-MANDATE nothing is required, so a failure is
 * no obstacle; no facts at all are never permission (cabref/caa.h). */
static int want_failure(int64_t at, const cabref_caa_failure_facts *f) {
  int dnssec_ok;
  if (f == NULL)
    return 0;
  if (at < t_mandate)
    return 1;
  if (at < t_insecure)
    dnssec_ok = f->no_dnssec_chain != 0; /* no DNSSEC validation chain to the ICANN root */
  else
    dnssec_ok = f->insecure != 0 && !(at >= t_dnssec && f->dnssec_failure != 0);
  return f->outside_ca != 0 && f->retries >= 1 && dnssec_ok;
}

static void check_dates(stream *s) {
  int64_t at = take_instant(s), checked, issued;
  uint32_t ttl;
  int has_ttl, kind;
  uint8_t how;
  cabref_caa_exception_facts ef;
  cabref_caa_failure_facts ff;

  CHECK(cabref_caa_rules_at(at) == want_rules(at));

  /* CAA-REUSE: the check, then the issuance near it, near 8 hours or the TTL after it, or
   * anywhere. */
  checked = take_instant(s);
  how = take8(s);
  has_ttl = how & 1u;
  switch ((how >> 1) % 4u) {
  case 0:
    ttl = (uint32_t)take_bytes(s, 4);
    break;
  case 1:
    ttl = 28800u + (uint32_t)(int8_t)take8(s);
    break;
  case 2:
    ttl = 0x80000000u + (uint32_t)(int8_t)take8(s);
    break;
  default:
    ttl = (uint32_t)take_bytes(s, 2);
  }
  {
    int64_t delta;
    switch ((how >> 3) % 4u) {
    case 0:
      delta = (int64_t)(int8_t)take8(s);
      break;
    case 1:
      delta = 28800 + (int64_t)(int8_t)take8(s);
      break;
    case 2:
      delta = (int64_t)ttl + (int64_t)(int8_t)take8(s);
      break;
    default:
      delta = (int64_t)take_bytes(s, 8);
    }
    if (__builtin_add_overflow(checked, delta, &issued))
      issued = delta;
  }
  CHECK(cabref_caa_reuse_ok(checked, issued, ttl, has_ttl) ==
        want_reuse(checked, issued, ttl, has_ttl));

  /* CAA-EXC-*: every kind (and one the BR does not know), with and without facts. */
  issued = take_instant(s);
  ef.ct_logs = take8(s);
  ef.caa_checked = take8(s);
  ef.tcsca = take8(s);
  ef.contract_clause = take8(s);
  ef.ca_is_dns_operator = take8(s);
  for (kind = 0; kind <= 3; kind++) {
    CHECK(cabref_caa_exception_applies((cabref_caa_exception)kind, issued, &ef) ==
          want_exception(kind, issued, &ef));
    CHECK(cabref_caa_exception_applies((cabref_caa_exception)kind, issued, NULL) ==
          want_exception(kind, issued, NULL));
  }

  /* CAA-LOOKUP-FAILURE. */
  at = take_instant(s);
  ff.outside_ca = take8(s);
  ff.retries = take8(s);
  ff.no_dnssec_chain = take8(s);
  ff.insecure = take8(s);
  ff.dnssec_failure = take8(s);
  CHECK(cabref_caa_failure_permits(at, &ff) == want_failure(at, &ff));
  CHECK(cabref_caa_failure_permits(at, NULL) == want_failure(at, NULL));
}

/* ---- the climb and the names of a certificate ---------------------------------------------- */

/* CAA-RELEVANT: the set of the first name with records, unless a lookup failed before it (an
 * outcome that is neither empty nor records is a failure); all empty: none. */
static cabref_caa_relevant_result want_relevant(const uint8_t *out, size_t n, size_t *at) {
  size_t first_rec = n, first_fail = n, k;
  for (k = n; k-- > 0;) {
    if (out[k] == CABREF_CAA_LOOKUP_RECORDS)
      first_rec = k;
    else if (out[k] != CABREF_CAA_LOOKUP_EMPTY)
      first_fail = k;
  }
  if (first_rec == n && first_fail == n) {
    *at = n;
    return CABREF_CAA_RELEVANT_NONE;
  }
  *at = first_rec < first_fail ? first_rec : first_fail;
  return first_rec < first_fail ? CABREF_CAA_RELEVANT_FOUND : CABREF_CAA_RELEVANT_FAILURE;
}

/* The relevant sets the climb can find: records of a fixed pool, one buffer. */
static uint8_t pool[256];
static size_t pool_len;
static cabref_caa_rr pool_rr[8];
static size_t pool_n;
static cabref_caa_config cfg[2];

static void add_rr(uint8_t flags, const char *tag, const char *value) {
  size_t tl = strlen(tag), vl = strlen(value);
  pool_rr[pool_n].off = (uint32_t)pool_len;
  pool_rr[pool_n].len = (uint32_t)(2 + tl + vl);
  pool[pool_len++] = flags;
  pool[pool_len++] = (uint8_t)tl;
  memcpy(pool + pool_len, tag, tl);
  pool_len += tl;
  memcpy(pool + pool_len, value, vl);
  pool_len += vl;
  pool_n++;
}

static void init_pool(void) {
  add_rr(0, "issue", "ca.example");
  add_rr(0, "issue", ";");
  add_rr(0, "issuewild", "ca.example");
  add_rr(128, "tbs", "x");
  add_rr(0, "iodef", "mailto:caa@example.com");
  add_rr(0, "issue", "other.example; accounturi=https://ca.example/acct/1");
  add_rr(0, "issuewild", ";");
  pool_rr[pool_n].off = (uint32_t)pool_len; /* structurally unreadable: one octet */
  pool_rr[pool_n].len = 1;
  pool[pool_len++] = 0;
  pool_n++;
  memset(cfg, 0, sizeof cfg);
  cfg[0].profile = CABREF_CAA_PROFILE_RFC8659;
  cfg[0].n_issuers = 1;
  cfg[0].issuer_len[0] = 10;
  memcpy(cfg[0].issuer[0], "ca.example", 10);
  cfg[1] = cfg[0];
  cfg[1].profile = CABREF_CAA_PROFILE_RFC6844_E5065;
}

/* CAA-DETAIL-NAMES: an Onion Domain Name is a name of at least two labels whose last label is
 * "onion", ASCII case ignored ("onion" alone is the special-use name, not such a name). The names
 * built here have no empty label. */
static int want_onion(const char *s, size_t len) {
  static const char onion[] = "onion";
  size_t dot = len, k;
  while (dot > 0 && s[dot - 1] != '.')
    dot--;
  if (dot == 0 || len - dot != 5)
    return 0; /* one label only, or a last label of another length */
  for (k = 0; k < 5; k++) {
    char c = s[dot + k];
    if (c >= 'A' && c <= 'Z')
      c = (char)(c - 'A' + 'a');
    if (c != onion[k])
      return 0;
  }
  return 1;
}

#define MAX_NAMES 4u
#define MAX_LABELS 5u

static void check_names(stream *s) {
  static const char *const words[8] = {"example", "onion", "ONION", "onion2",
                                       "x-y",     "com",   "Onion", "a"};
  char text[MAX_NAMES * (MAX_LABELS * 8u + 2u)];
  size_t text_len = 0, n_names, k;
  cabref_caa_san san[MAX_NAMES];
  cabref_caa_name_outcome res[MAX_NAMES];
  int want_all = 1, got;
  const cabref_caa_config *c = &cfg[take8(s) & 1u];

  n_names = take8(s) % (MAX_NAMES + 1u);
  for (k = 0; k < n_names; k++) {
    uint8_t shape = take8(s);
    size_t labels = 1u + shape % MAX_LABELS, l, idx = 0, start = text_len;
    int wild = (shape & 0x80u) != 0;
    uint8_t outcome[MAX_LABELS];
    cabref_caa_relevant_result rel, want_rel;
    size_t at = (size_t)-1, want_at;
    if (wild) {
      memcpy(text + text_len, "*.", 2);
      text_len += 2;
    }
    for (l = 0; l < labels; l++) {
      const char *w = words[take8(s) % 8u];
      size_t wl = strlen(w);
      if (l > 0)
        text[text_len++] = '.';
      memcpy(text + text_len, w, wl);
      text_len += wl;
    }
    /* CAA-RELEVANT: the climb from the name (from X for *.X) up to its TLD, one outcome per
     * name on the way; an octet outside the enumeration now and then. */
    for (l = 0; l < labels; l++) {
      uint8_t o = take8(s);
      outcome[l] = o >= 0xf0u ? o : (uint8_t)(o % 3u);
    }
    rel = cabref_caa_relevant(outcome, labels, &at);
    want_rel = want_relevant(outcome, labels, &want_at);
    CHECK(rel == want_rel && at == want_at);
    /* CAA-DETAIL-NAMES: a failure at the TLD with nothing found below is a lookup failure. */
    if (outcome[labels - 1] == CABREF_CAA_LOOKUP_FAILURE) {
      int below_empty = 1;
      for (l = 0; l + 1 < labels; l++)
        below_empty &= outcome[l] == CABREF_CAA_LOOKUP_EMPTY;
      if (below_empty)
        CHECK(rel == CABREF_CAA_RELEVANT_FAILURE && at == labels - 1);
    }
    san[k].off = (uint32_t)start;
    san[k].len = (uint32_t)(text_len - start);
    san[k].lookup = (uint8_t)rel;
    san[k].set_off = 0;
    san[k].set_n = 0;
    if (rel == CABREF_CAA_RELEVANT_FOUND) {
      /* the set found at that name: a slice of the pool (possibly empty, possibly all of it) */
      idx = take8(s) % pool_n;
      san[k].set_off = (uint32_t)idx;
      san[k].set_n = (uint32_t)(take8(s) % (pool_n - idx + 1u));
    }
  }

  memset(res, 0xa5, sizeof res);
  got = cabref_caa_names(text, text_len, san, n_names, pool, pool_len, pool_rr, pool_n, c, res);
  for (k = 0; k < n_names; k++) {
    const char *nm = text + san[k].off;
    size_t len = san[k].len;
    int wild = len >= 2 && nm[0] == '*' && nm[1] == '.';
    CHECK(res[k].wildcard == wild);
    if (want_onion(nm, len)) {
      CHECK(res[k].result == CABREF_CAA_NAME_ONION_EXEMPT); /* CAA-DETAIL-NAMES */
      continue;
    }
    if (san[k].lookup == CABREF_CAA_RELEVANT_FAILURE) {
      CHECK(res[k].result == CABREF_CAA_NAME_LOOKUP_FAILURE);
      want_all = 0;
      continue;
    }
    if (san[k].lookup == CABREF_CAA_RELEVANT_NONE) {
      /* CAA-EMPTY-SET: nothing found up to the TLD permits, with no-records. */
      CHECK(res[k].result == CABREF_CAA_NAME_PERMIT);
      CHECK(res[k].reason == CABREF_CAA_PERMIT_NO_RECORDS);
      continue;
    }
    {
      /* CAA-DECIDE: the set found, decided as the twin decides it, wildcard for *.X. */
      caa_twin_decision t;
      caa_twin_decide(pool, pool_rr + san[k].set_off, san[k].set_n, wild, c, &t);
      if (res[k].reason != t.reason)
        fprintf(stderr, "name %zu: core reason %d, twin %d\n", k, res[k].reason, t.reason);
      CHECK(res[k].reason == t.reason);
      CHECK(res[k].result == (t.permit ? CABREF_CAA_NAME_PERMIT : CABREF_CAA_NAME_DENY));
      if (t.reason == CABREF_CAA_PERMIT_ISSUER)
        CHECK(res[k].permit_index == t.permit_index);
      want_all &= t.permit;
    }
  }
  /* CAA-MULTI-NAME: permitted iff every name is (onion names are not checked; a certificate of
   * only onion names, or of no names, is permitted). */
  CHECK(got == want_all);
}

/* ---- CAA-ALIAS-*: the relevant set over nodes ---------------------------------------------- */

#define MAX_NODES 12u

/* spec/caa.md restated: the path from climb name i along the aliases the rules follow (a CNAME
 * always; a DNAME owned by a name whose own set is empty, only under the RFC 6844 rules), at
 * most 16 aliases; the answer is the path's last node if it follows nothing further. Returns the
 * path length (nodes), 0 when the chain does not end within 16 aliases or leaves the array. */
static size_t twin_path(const cabref_caa_node *nd, size_t n, size_t i, int rules, size_t path[17]) {
  size_t len = 0, x = i;
  while (len < 17u) {
    int follows = nd[x].alias == CABREF_CAA_ALIAS_CNAME ||
                  ((rules == 1 || rules == 2) && nd[x].alias == CABREF_CAA_ALIAS_DNAME &&
                   nd[x].outcome == CABREF_CAA_LOOKUP_EMPTY);
    path[len++] = x;
    if (!follows)
      return len;
    if (nd[x].target >= n)
      return 0;
    x = nd[x].target;
  }
  return 0;
}

static void check_aliases(stream *s) {
  cabref_caa_node nd[MAX_NODES], nd2[MAX_NODES];
  uint8_t plain[MAX_NODES];
  size_t n = take8(s) % (MAX_NODES + 1u), n_climb = n ? take8(s) % (n + 1u) : 0, i, path[17];
  int rules = take8(s) % 4u, any_alias = 0;
  cabref_caa_relevant_at at, at2;
  cabref_caa_relevant_result r, r2;
  for (i = 0; i < n; i++) {
    uint8_t o = take8(s), a = take8(s);
    nd[i].outcome = o >= 0xf0u ? o : (uint8_t)(o % 3u);
    nd[i].failure = take8(s);
    nd[i].dnssec = (uint8_t)(take8(s) % 4u);
    nd[i].alias = a >= 0xf0u ? a : (uint8_t)(a % 3u);
    nd[i].target = take8(s) % (n + 1u); /* n: outside the array */
    any_alias |= nd[i].alias == CABREF_CAA_ALIAS_CNAME || nd[i].alias == CABREF_CAA_ALIAS_DNAME;
    plain[i] = nd[i].outcome;
  }
  memset(&at, 0xa5, sizeof at);
  r = cabref_caa_relevant_rrset(nd, n, n_climb, (cabref_caa_rules)rules, &at);
  /* the twin: the first climb name whose lookup is not empty */
  for (i = 0; i < n_climb; i++) {
    size_t len = twin_path(nd, n, i, rules, path), end;
    uint8_t o;
    if (len == 0) {
      CHECK(r == CABREF_CAA_RELEVANT_FAILURE && at.climb == i &&
            at.failure == CABREF_CAA_FAIL_ALIAS_CHAIN);
      break;
    }
    end = path[len - 1];
    o = nd[end].outcome;
    if (o == CABREF_CAA_LOOKUP_EMPTY && !(rules == 1 && len > 1))
      continue;
    CHECK(at.climb == i && at.node == end && at.hops == len - 1);
    if (o == CABREF_CAA_LOOKUP_RECORDS)
      CHECK(r == CABREF_CAA_RELEVANT_FOUND);
    else
      CHECK(r == CABREF_CAA_RELEVANT_FAILURE &&
            at.failure == (o == CABREF_CAA_LOOKUP_EMPTY ? (size_t)CABREF_CAA_FAIL_RFC6844_CLIMB
                                                        : (size_t)nd[end].failure));
    break;
  }
  if (i == n_climb)
    CHECK(r == CABREF_CAA_RELEVANT_NONE && at.climb == n_climb);
  /* with no alias anywhere, the search is the plain climb */
  if (!any_alias) {
    size_t idx = (size_t)-1;
    CHECK(cabref_caa_relevant(plain, n_climb, &idx) == r && idx == at.climb);
  }
  /* RFC 8659: a DNAME owned by a name never changes the answer */
  if (rules == 3 || rules == 0) {
    memcpy(nd2, nd, sizeof nd);
    for (i = 0; i < n; i++)
      if (nd2[i].alias == CABREF_CAA_ALIAS_DNAME)
        nd2[i].alias = CABREF_CAA_ALIAS_NONE;
    r2 = cabref_caa_relevant_rrset(nd2, n, n_climb, (cabref_caa_rules)rules, &at2);
    CHECK(r2 == r && at2.climb == at.climb &&
          (r == CABREF_CAA_RELEVANT_NONE || at2.node == at.node));
  }
  /* RFC 6844 as published: the erratum's answer, or rfc6844-climb */
  if (rules == 1) {
    r2 = cabref_caa_relevant_rrset(nd, n, n_climb, CABREF_CAA_RULES_RFC6844_E5065, &at2);
    if (!(r == CABREF_CAA_RELEVANT_FAILURE && at.failure == CABREF_CAA_FAIL_RFC6844_CLIMB))
      CHECK(r2 == r && at2.climb == at.climb);
    else
      CHECK(at2.climb >= at.climb);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  stream s;
  if (pool_n == 0) {
    init_dates();
    init_pool();
  }
  s.p = data;
  s.n = size;
  check_dates(&s);
  check_names(&s);
  check_aliases(&s);
  return 0;
}
