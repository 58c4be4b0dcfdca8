/* cabref bench: the CAA decision over 1,000,000 relevant record sets, with cabref and with a
 * named baseline, same input, same run. Requirements: spec/caa.md CAA-RDATA-*, CAA-CRITICAL,
 * CAA-ISSUEWILD-*, CAA-NO-ISSUE, CAA-PERMIT, CAA-VALUE-8659, CAA-ISSUER-MATCH,
 * CAA-PARAM-ACCOUNTURI, CAA-PARAM-METHODS.
 *
 * Input: sets of 1 to 8 records in wire form (RDATA), generated deterministically (xorshift,
 * fixed seed): issue (with and without parameters, with blanks, the CA's name in other cases,
 * other CAs, empty issuers), issuewild, iodef, unknown tags (some critical), critical issue,
 * tags in upper case, malformed values (";;", a trailing ';' or '.', "%%%%", a blank inside a
 * value, an underscore, a non-ASCII octet) and structurally malformed RDATA (tag length 0, tag
 * past the end), a tag with a hyphen; one request in four is a wildcard. The CA: issuer
 * "ca.example", RFC 8657 on, account "https://ca.example/acct/1", method "dns-01", rfc8659.
 *
 * cabref, two ways, on the set's spans into the one buffer: the outcome
 * (cabref_caa_decide_reason: the reason and the permitting record, what an issuance check needs;
 * the measured ratio) and the explained decision (cabref_caa_decide: also every record's verdict
 * and detail code, what `cabref caa eval` prints). Both must give the same reason and permitting
 * record on every set.
 * Baseline, "ldns parse + same rules, straightforward C": each record is read by ldns
 * (ldns_wire2rdf into a CAA ldns_rr: int8 flags, tag and long_str rdfs), the tag is copied
 * out and lower-cased into a C string and compared with strcmp, the value is copied into a
 * fresh C string and split on ';' with strchr, each piece trimmed, the issuer checked as LDH
 * labels and compared with strcasecmp, parameters split at '=' and checked by loops; then the
 * same rules (malformed RDATA denies, an unknown critical tag denies, issuewild shadows issue
 * for a wildcard, no issue property permits, else some record must name the CA and satisfy
 * accounturi and validationmethods).
 *
 * Both answers (permit/deny) are compared on every set. The generator never puts a NUL octet in
 * a tag or a value: the baseline's C strings would cut it there (a difference of the baseline's
 * representation, not of the rules), so such sets would be counted apart; there are none. Each
 * side's loop is run REPS times, alternating, and the fastest pass of each is reported.
 *
 * Usage: caa_bench [N]   (default 1000000)
 */
#include <ldns/ldns.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cabref/caa.h"

#define REPS 7

#define BENCH_SEED 0x2545F4914F6CDD1Du
#include "bench_util.h"

static const char *const issue_values[] = {
    "ca.example",
    "CA.Example",
    "other.example",
    "letsencrypt.org",
    "pki.goog",
    "",
    ";",
    "ca.example; accounturi=https://ca.example/acct/1",
    "ca.example; accounturi=https://ca.example/acct/2",
    "ca.example; validationmethods=dns-01,http-01",
    "ca.example; validationmethods=http-01",
    "ca.example; policy=ev; x-y=1",
    " ca.example ; accounturi = https://ca.example/acct/1 ",
    "ca.example\t;\tvalidationmethods=DNS-01",
    "ca.example; accounturi=https://ca.example/acct/1; validationmethods=dns-01",
    "other.example; accounturi=https://other.example/acct/77",
    "ca.example; AccountURI=https://ca.example/acct/1; accounturi=https://ca.example/acct/1",
    "ca.example; validationmethods=",
};
static const char *const malformed_values[] = {
    "ca.example;;",
    "ca.example; a=b;",
    "ca.example.",
    "ca..example",
    "%%%%",
    "ca.example; a=b c",
    "ca.example; accounturi",
    "ca_example",
    "ca.example\x80",
    "ca.example; validationmethods=dns_01",
};
static const char *const iodef_values[] = {"mailto:security@example.com",
                                           "https://iodef.example/report", "http://x.example/"};
static const char *const other_tags[] = {"issuemail", "contactemail", "tbs",
                                         "issuevmc",  "contactphone", "policy"};

/* Appends one RDATA to buf at *len. */
static void put(uint8_t *buf, size_t *len, uint8_t flags, const char *tag, const char *value) {
  size_t tl = strlen(tag), vl = strlen(value);
  buf[(*len)++] = flags;
  buf[(*len)++] = (uint8_t)tl;
  memcpy(buf + *len, tag, tl);
  *len += tl;
  memcpy(buf + *len, value, vl);
  *len += vl;
}

static void gen_record(uint8_t *buf, size_t *len) {
  uint64_t r = next() % 100;
  uint8_t crit = (next() % 10 == 0) ? 128 : 0;
  if (r < 42) {
    put(buf, len, crit, "issue",
        issue_values[next() % (sizeof issue_values / sizeof issue_values[0])]);
  } else if (r < 56) {
    put(buf, len, crit, "issuewild",
        issue_values[next() % (sizeof issue_values / sizeof issue_values[0])]);
  } else if (r < 68) {
    put(buf, len, next() % 4 == 0 ? 128 : 0, "iodef",
        iodef_values[next() % (sizeof iodef_values / sizeof iodef_values[0])]);
  } else if (r < 80) {
    put(buf, len, 0, other_tags[next() % (sizeof other_tags / sizeof other_tags[0])],
        "whatever; x=1");
  } else if (r < 83) {
    put(buf, len, 128, other_tags[next() % (sizeof other_tags / sizeof other_tags[0])], "critical");
  } else if (r < 84) {
    char tag[16];
    size_t n = 3 + next() % 10, k;
    for (k = 0; k < n; k++)
      tag[k] = "abcdefghijklmnopqrstuvwxyz0123456789"[next() % 36];
    tag[n] = '\0';
    put(buf, len, (uint8_t)(next() % 2 ? 128 : 0), tag, "v");
  } else if (r < 90) {
    static const char *const cased[] = {"ISSUE", "Issue", "IssueWild", "IODEF"};
    put(buf, len, crit, cased[next() % 4],
        issue_values[next() % (sizeof issue_values / sizeof issue_values[0])]);
  } else if (r < 97) {
    put(buf, len, crit, next() % 4 == 0 ? "issuewild" : "issue",
        malformed_values[next() % (sizeof malformed_values / sizeof malformed_values[0])]);
  } else if (r < 98) {
    if (next() % 2) { /* tag length 0 */
      buf[(*len)++] = 0;
      buf[(*len)++] = 0;
      memcpy(buf + *len, "ca.example", 10);
      *len += 10;
    } else { /* tag past the end */
      buf[(*len)++] = 0;
      buf[(*len)++] = 40;
      memcpy(buf + *len, "issue", 5);
      *len += 5;
    }
  } else {
    put(buf, len, (uint8_t)(next() % 2 ? 128 : 0), "is-sue", "ca.example");
  }
}

/* ---- the baseline: ldns parse + same rules, straightforward C ------------------------------ */

static const char *const CA = "ca.example";
static const char *const ACCOUNT = "https://ca.example/acct/1";
static const char *const METHOD = "dns-01";

static char *trim(char *s) {
  char *e;
  while (*s == ' ' || *s == '\t')
    s++;
  e = s + strlen(s);
  while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
    *--e = '\0';
  return s;
}

static int ldh_word(const char *s, size_t n) {
  size_t i;
  if (n == 0 || s[0] == '-' || s[n - 1] == '-')
    return 0;
  for (i = 0; i < n; i++) {
    char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
      return 0;
  }
  return 1;
}

static int domain_ok(const char *s) {
  const char *dot;
  while ((dot = strchr(s, '.')) != NULL) {
    if (!ldh_word(s, (size_t)(dot - s)))
      return 0;
    s = dot + 1;
  }
  return ldh_word(s, strlen(s));
}

/* 1 iff the record with this value authorizes the CA (RFC 8659 §4.2, RFC 8657). */
static int baseline_value_permits(char *v) {
  char *piece[64];
  size_t n = 0, i;
  char *p = v, *semi;
  int n_acct = 0, n_meth = 0, acct_ok = 0, meth_ok = 0;
  char *issuer;
  for (i = 0; v[i]; i++) {
    unsigned char c = (unsigned char)v[i];
    if (c != '\t' && (c < 0x20 || c > 0x7e))
      return 0;
  }
  while ((semi = strchr(p, ';')) != NULL && n < 63) {
    *semi = '\0';
    piece[n++] = p;
    p = semi + 1;
  }
  piece[n++] = p;
  issuer = trim(piece[0]);
  if (*issuer == '\0' || !domain_ok(issuer) || strcasecmp(issuer, CA) != 0)
    return 0;
  if (n == 2 && *trim(piece[1]) == '\0')
    return 1;
  for (i = 1; i < n; i++) {
    char *t = trim(piece[i]), *eq = strchr(t, '='), *val, *tag;
    if (eq == NULL)
      return 0;
    *eq = '\0';
    tag = trim(t);
    val = trim(eq + 1);
    if (!ldh_word(tag, strlen(tag)) || strpbrk(val, " \t") != NULL)
      return 0;
    if (strcasecmp(tag, "accounturi") == 0) {
      n_acct++;
      acct_ok = strcmp(val, ACCOUNT) == 0;
    } else if (strcasecmp(tag, "validationmethods") == 0) {
      char *m = val, *comma;
      n_meth++;
      meth_ok = 0;
      if (*val == '\0')
        continue; /* the empty list: matches nothing */
      for (;;) {
        comma = strchr(m, ',');
        if (comma != NULL)
          *comma = '\0';
        if (!*m || strspn(m, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") !=
                       strlen(m))
          return 0; /* malformed list */
        if (strcasecmp(m, METHOD) == 0)
          meth_ok = 1;
        if (comma == NULL)
          break;
        m = comma + 1;
      }
    }
  }
  if (n_acct > 1 || n_meth > 1)
    return 0;
  return (n_acct == 0 || acct_ok) && (n_meth == 0 || meth_ok);
}

enum { B_BAD, B_ISSUE, B_WILD, B_IODEF, B_OTHER };

static int baseline_set(const uint8_t *buf, const cabref_caa_rr *rr, size_t n, int wildcard) {
  int kind[8], crit[8], any_wild = 0, applying = 0, i;
  char *value[8];
  uint8_t wire[2 + 65535];
  int permit = 0;
  for (i = 0; i < (int)n; i++) {
    ldns_rr *r = ldns_rr_new();
    size_t pos = 0, len = rr[i].len;
    value[i] = NULL;
    kind[i] = B_BAD;
    crit[i] = 0;
    ldns_rr_set_type(r, LDNS_RR_TYPE_CAA);
    wire[0] = (uint8_t)(len >> 8);
    wire[1] = (uint8_t)len;
    memcpy(wire + 2, buf + rr[i].off, len);
    if (ldns_wire2rdf(r, wire, len + 2, &pos) == LDNS_STATUS_OK && ldns_rr_rd_count(r) >= 2 &&
        ldns_rdf_size(ldns_rr_rdf(r, 1)) >= 2) {
      ldns_rdf *t = ldns_rr_rdf(r, 1);
      char tag[256];
      size_t tl = ldns_rdf_size(t) - 1, k;
      for (k = 0; k < tl; k++) {
        char c = (char)ldns_rdf_data(t)[1 + k];
        tag[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      }
      tag[tl] = '\0';
      crit[i] = (ldns_rdf_data(ldns_rr_rdf(r, 0))[0] & 128) != 0;
      if (strcmp(tag, "issue") == 0)
        kind[i] = B_ISSUE;
      else if (strcmp(tag, "issuewild") == 0)
        kind[i] = B_WILD;
      else if (strcmp(tag, "iodef") == 0)
        kind[i] = B_IODEF;
      else
        kind[i] = B_OTHER;
      if (kind[i] == B_ISSUE || kind[i] == B_WILD) {
        ldns_rdf *v = ldns_rr_rd_count(r) > 2 ? ldns_rr_rdf(r, 2) : NULL;
        size_t vl = v ? ldns_rdf_size(v) : 0;
        value[i] = malloc(vl + 1);
        if (vl)
          memcpy(value[i], ldns_rdf_data(v), vl);
        value[i][vl] = '\0';
      }
    }
    ldns_rr_free(r);
  }
  for (i = 0; i < (int)n; i++)
    if (kind[i] == B_BAD)
      goto out;
  for (i = 0; i < (int)n; i++)
    if (crit[i] && kind[i] == B_OTHER)
      goto out;
  for (i = 0; i < (int)n; i++)
    any_wild |= kind[i] == B_WILD;
  applying = wildcard && any_wild ? B_WILD : B_ISSUE;
  permit = 1;
  for (i = 0; i < (int)n; i++) {
    if (kind[i] != applying)
      continue;
    permit = 0; /* the set restricts */
    break;
  }
  for (; i < (int)n && !permit; i++)
    if (kind[i] == applying && baseline_value_permits(value[i]))
      permit = 1;
out:
  for (i = 0; i < (int)n; i++)
    free(value[i]);
  return permit;
}

/* The reasons that permit (spec/caa.md CAA-REASONS). */
static int permit_reason(int r) {
  return r == CABREF_CAA_PERMIT_NO_RECORDS || r == CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY ||
         r == CABREF_CAA_PERMIT_ISSUER;
}

int main(int argc, char **argv) {
  size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 1000000u;
  size_t cap = n * 8 * 100, len = 0, i, n_rr = 0, agree = 0, differ = 0, permits = 0;
  size_t same_full = 0, differ_full = 0;
  uint8_t *buf = malloc(cap);
  cabref_caa_rr *rr = malloc(n * 8 * sizeof *rr);
  size_t *set_off = malloc((n + 1) * sizeof *set_off);
  uint8_t *wild = malloc(n), *cab = malloc(n), *full = malloc(n), *base = malloc(n);
  uint16_t *cab_index = malloc(n * sizeof *cab_index), *full_index = malloc(n * sizeof *full_index);
  cabref_caa_config cfg;
  double t0, t_cab = 0, t_full = 0, t_base = 0;
  int rep;
  volatile unsigned sink = 0;

  if (!buf || !rr || !set_off || !wild || !cab || !full || !base || !cab_index || !full_index)
    return 1;
  memset(&cfg, 0, sizeof cfg);
  cfg.profile = CABREF_CAA_PROFILE_RFC8659;
  cfg.n_issuers = 1;
  cfg.issuer_len[0] = (uint8_t)strlen(CA);
  memcpy(cfg.issuer[0], CA, strlen(CA));
  cfg.rfc8657 = 1;
  cfg.account_uri_len = (uint32_t)strlen(ACCOUNT);
  memcpy(cfg.account_uri, ACCOUNT, strlen(ACCOUNT));
  cfg.method_len = (uint8_t)strlen(METHOD);
  memcpy(cfg.method, METHOD, strlen(METHOD));

  for (i = 0; i < n; i++) {
    size_t k, m = 1 + next() % 8;
    set_off[i] = n_rr;
    wild[i] = next() % 4 == 0;
    for (k = 0; k < m; k++) {
      size_t start = len;
      gen_record(buf, &len);
      rr[n_rr].off = (uint32_t)start;
      rr[n_rr].len = (uint32_t)(len - start);
      n_rr++;
    }
  }
  set_off[n] = n_rr;

  for (rep = 0; rep < REPS; rep++) {
    double tc, tf, tb;
    t0 = now();
    for (i = 0; i < n; i++)
      cab[i] = (uint8_t)cabref_caa_decide_reason(
          buf, len, rr + set_off[i], set_off[i + 1] - set_off[i], wild[i], &cfg, &cab_index[i]);
    tc = now() - t0;
    t0 = now();
    for (i = 0; i < n; i++) {
      cabref_caa_decision d;
      cabref_caa_decide(buf, len, rr + set_off[i], set_off[i + 1] - set_off[i], wild[i], &cfg, &d);
      full[i] = d.reason;
      full_index[i] = d.permit_index;
      sink += d.verdict[0];
    }
    tf = now() - t0;
    t0 = now();
    for (i = 0; i < n; i++)
      base[i] = (uint8_t)baseline_set(buf, rr + set_off[i], set_off[i + 1] - set_off[i], wild[i]);
    tb = now() - t0;
    if (rep == 0 || tc < t_cab)
      t_cab = tc;
    if (rep == 0 || tf < t_full)
      t_full = tf;
    if (rep == 0 || tb < t_base)
      t_base = tb;
  }

  for (i = 0; i < n; i++) {
    int p = permit_reason(cab[i]);
    permits += (size_t)p;
    if (p == base[i]) {
      agree++;
    } else {
      if (differ < 5)
        fprintf(stderr, "differ: set %zu: cabref %s, baseline %s\n", i, p ? "permit" : "deny",
                base[i] ? "permit" : "deny");
      differ++;
    }
    /* The outcome alone and the full decision give one reason and one permitting record. */
    if (cab[i] == full[i] && cab_index[i] == full_index[i]) {
      same_full++;
    } else {
      if (differ_full < 5)
        fprintf(stderr, "differ: set %zu: decide_reason %d/%u, decide %d/%u\n", i, cab[i],
                cab_index[i], full[i], full_index[i]);
      differ_full++;
    }
  }
  printf("sets: %zu (%zu records, %zu RDATA bytes; %zu permitted by both sides' rules)\n", n, n_rr,
         len, permits);
  printf("timing: fastest of %d alternating passes per side\n", REPS);
  printf("cabref outcome (cabref_caa_decide_reason: reason, permitting record): %.1f ms "
         "(%.0f ns/set)\n",
         t_cab * 1e3, t_cab * 1e9 / (double)n);
  printf("cabref explained (cabref_caa_decide: also every record's verdict and detail): %.1f ms "
         "(%.0f ns/set)\n",
         t_full * 1e3, t_full * 1e9 / (double)n);
  printf("baseline (ldns parse + same rules, straightforward C; permit/deny only): %.1f ms "
         "(%.0f ns/set)\n",
         t_base * 1e3, t_base * 1e9 / (double)n);
  printf("ratio baseline/cabref outcome: %.2f\n", t_base / t_cab);
  printf("ratio baseline/cabref explained: %.2f\n", t_base / t_full);
  printf("agree: %zu, differ: %zu, set apart (NUL in a tag or value, baseline C strings): 0\n",
         agree, differ);
  printf("outcome = explained (reason and permitting record): %zu, differ: %zu\n", same_full,
         differ_full);
  free(buf);
  free(rr);
  free(set_off);
  free(wild);
  free(cab);
  free(full);
  free(base);
  free(cab_index);
  free(full_index);
  (void)sink;
  return differ != 0 || differ_full != 0;
}
