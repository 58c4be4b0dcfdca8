/* cabref: unit tests of the CAA decision core (ref/core/caa_decide.c, caa_relevant.c,
 * caa_rules.c, caa_names.c). Records are built by hand as RDATA (flags, tag length, tag,
 * value); expected results come from spec/caa.md and the RFC text. Prints failures and
 * "N passed, N failed". */
#include <stdio.h>
#include <string.h>

#include "cabref/caa.h"
#include "cabref/caa_dns.h"

static unsigned long passed, failed;

#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (cond) {                                                                                    \
      passed++;                                                                                    \
    } else {                                                                                       \
      failed++;                                                                                    \
      printf("%s:%d: FAIL: %s\n", __FILE__, __LINE__, #cond);                                      \
    }                                                                                              \
  } while (0)

/* A relevant set: RDATA back to back in one buffer, one span per record. */
typedef struct {
  uint8_t buf[16384];
  size_t len;
  cabref_caa_rr rr[80];
  size_t n;
} set_t;

static void raw(set_t *s, const uint8_t *bytes, size_t len) {
  memcpy(s->buf + s->len, bytes, len);
  s->rr[s->n].off = (uint32_t)s->len;
  s->rr[s->n].len = (uint32_t)len;
  s->len += len;
  s->n++;
}

static void rec(set_t *s, uint8_t flags, const char *tag, const char *value) {
  uint8_t b[600];
  size_t tl = strlen(tag), vl = strlen(value);
  b[0] = flags;
  b[1] = (uint8_t)tl;
  memcpy(b + 2, tag, tl);
  memcpy(b + 2 + tl, value, vl);
  raw(s, b, 2 + tl + vl);
}

static cabref_caa_config ca(const char *issuer) {
  cabref_caa_config c;
  memset(&c, 0, sizeof c);
  c.profile = (uint8_t)CABREF_CAA_PROFILE_RFC8659;
  c.n_issuers = 1;
  c.issuer_len[0] = (uint8_t)strlen(issuer);
  memcpy(c.issuer[0], issuer, strlen(issuer));
  return c;
}

static void add_tag(cabref_caa_config *c, const char *tag) {
  c->tag_len[c->n_tags] = (uint8_t)strlen(tag);
  memcpy(c->tag[c->n_tags], tag, strlen(tag));
  c->n_tags++;
}

static cabref_caa_decision d;

static void decide(const set_t *s, int wild, const cabref_caa_config *c) {
  memset(&d, 0xEE, sizeof d);
  cabref_caa_decide(s->buf, s->len, s->rr, s->n, wild, c, &d);
}

static int is(unsigned permit, cabref_caa_reason r) {
  return d.permit == permit && d.reason == (uint8_t)r;
}

static void one(set_t *s, uint8_t flags, const char *tag, const char *value) {
  memset(s, 0, sizeof *s);
  rec(s, flags, tag, value);
}

static void test_basic(void) {
  set_t s;
  cabref_caa_config c = ca("ca.example");
  memset(&s, 0, sizeof s);
  /* CAA-EMPTY-SET */
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_NO_RECORDS) && d.n == 0);
  /* CAA-PERMIT, CAA-ISSUER-MATCH */
  one(&s, 0, "issue", "ca.example");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER) && d.permit_index == 0 && d.n == 1);
  CHECK(d.verdict[0] == CABREF_CAA_RR_PERMITS);
  one(&s, 0, "issue", "other.example");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED) && d.verdict[0] == CABREF_CAA_RR_ISSUER_MISMATCH);
  /* case-insensitive, whole name only: never prefix, suffix or substring */
  one(&s, 0, "issue", "CA.Example");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER));
  one(&s, 0, "issue", "sub.ca.example");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED) && d.verdict[0] == CABREF_CAA_RR_ISSUER_MISMATCH);
  one(&s, 0, "issue", "ca.example.evil");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED));
  one(&s, 0, "issue", "ca.exampl");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED));
  one(&s, 0, "issue", "xca.example");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED));
  /* blanks and parameters around the issuer (RFC 8659 §4.2) */
  one(&s, 0, "issue", " \tca.example ; policy=ev");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER));
  one(&s, 0, "issue", "ca.example;");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER));
  /* a second Issuer Domain Name of the CA */
  c.n_issuers = 2;
  c.issuer_len[1] = 11;
  memcpy(c.issuer[1], "ca2.example", 11);
  one(&s, 0, "issue", "ca2.example");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER));
  /* CAA-VALUE-MALFORMED: trailing dot, "%%%%%", ";;" are empty issuers */
  c = ca("ca.example");
  one(&s, 0, "issue", "ca.example.");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED) && d.verdict[0] == CABREF_CAA_RR_MALFORMED_VALUE);
  one(&s, 0, "issue", "%%%%%");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED) && d.verdict[0] == CABREF_CAA_RR_MALFORMED_VALUE &&
        d.detail[0] == CABREF_CAA_VALUE_BAD_ISSUER);
  one(&s, 0, "issue", "ca.example; a=1;");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED) && d.verdict[0] == CABREF_CAA_RR_MALFORMED_VALUE &&
        d.detail[0] == CABREF_CAA_VALUE_TRAILING_SEMICOLON);
  one(&s, 0, "issue", "ca.example\x80");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED) && d.detail[0] == CABREF_CAA_VALUE_NON_ASCII);
  /* the canonical deny-all: an empty issuer */
  one(&s, 0, "issue", ";");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED) && d.verdict[0] == CABREF_CAA_RR_EMPTY_ISSUER);
  one(&s, 0, "issue", "");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED) && d.verdict[0] == CABREF_CAA_RR_EMPTY_ISSUER);
  /* CAA-TAG-CASE */
  one(&s, 0, "ISSUE", "ca.example");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER));
  one(&s, 0, "IssueWild", "other.example");
  decide(&s, 1, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED));
}

static void test_critical(void) {
  set_t s;
  cabref_caa_config c = ca("ca.example");
  /* CAA-CRITICAL: an unknown critical property denies whatever else the set holds */
  memset(&s, 0, sizeof s);
  rec(&s, 0, "issue", "ca.example");
  rec(&s, 128, "tbs", "x");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_UNKNOWN_CRITICAL));
  CHECK(d.verdict[0] == CABREF_CAA_RR_PERMITS && d.verdict[1] == CABREF_CAA_RR_UNKNOWN_CRITICAL);
  /* not critical: ignored; alone it does not restrict (CAA-NO-ISSUE) */
  one(&s, 0, "tbs", "x");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY) && d.verdict[0] == CABREF_CAA_RR_UNKNOWN_TAG);
  /* a long tag is just an unknown tag */
  one(&s, 0, "averyveryverylongpropertytagname", "x");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY));
  /* CAA-FLAGS: flag value 1 is reserved and ignored, unless the CA opts in */
  one(&s, 1, "tbs", "x");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY));
  c.flag1_critical = 1;
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_UNKNOWN_CRITICAL));
  c.flag1_critical = 0;
  /* other reserved bits never make a record critical */
  one(&s, 0x7E, "tbs", "x");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY));
  /* critical on a recognised tag has no further effect */
  one(&s, 128, "iodef", "mailto:security@example.com");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY) && d.verdict[0] == CABREF_CAA_RR_NEUTRAL);
  one(&s, 128, "issue", "ca.example");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER));
  one(&s, 128, "IODEF", "https://example.com/");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY));
  /* a tag the CA recognises from its configuration, matched ignoring case */
  one(&s, 128, "ContactEmail", "a@example.com");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_UNKNOWN_CRITICAL));
  add_tag(&c, "contactemail");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY) && d.verdict[0] == CABREF_CAA_RR_NEUTRAL);
  one(&s, 128, "contactemai", "a@example.com");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_UNKNOWN_CRITICAL));
  /* CAA-RDATA-TAG-CHARS: a tag with another character is unknown, never issue */
  c = ca("ca.example");
  one(&s, 128, "is-sue", "ca.example");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_UNKNOWN_CRITICAL) && d.detail[0] == CABREF_CAA_RDATA_TAG_BAD_CHAR);
  one(&s, 0, "issue_", "ca.example");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY) && d.verdict[0] == CABREF_CAA_RR_UNKNOWN_TAG);
  {
    static const uint8_t nul_tag[] = {0x80, 5, 'i', 's', 0, 'u', 'e', 'c', 'a'};
    memset(&s, 0, sizeof s);
    raw(&s, nul_tag, sizeof nul_tag);
    decide(&s, 0, &c);
    CHECK(is(0, CABREF_CAA_DENY_UNKNOWN_CRITICAL) && d.detail[0] == CABREF_CAA_RDATA_TAG_NUL);
  }
}

static void test_rdata(void) {
  set_t s;
  cabref_caa_config c = ca("ca.example");
  static const uint8_t trunc[] = {0};
  static const uint8_t empty_tag[] = {0, 0, 'x'};
  static const uint8_t past_end[] = {0, 9, 'i', 's', 's', 'u', 'e'};
  /* CAA-RDATA-DENY: an unreadable record denies, even beside a permitting one */
  memset(&s, 0, sizeof s);
  rec(&s, 0, "issue", "ca.example");
  raw(&s, trunc, sizeof trunc);
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_RDATA_MALFORMED) && d.verdict[1] == CABREF_CAA_RR_RDATA_MALFORMED &&
        d.detail[1] == CABREF_CAA_RDATA_TRUNCATED);
  CHECK(d.verdict[0] == CABREF_CAA_RR_PERMITS && d.permit_index == 0); /* no index on a deny */
  memset(&s, 0, sizeof s);
  rec(&s, 0, "issue", "other.example");
  rec(&s, 0, "issue", "ca.example");
  rec(&s, 128, "tbs", "x");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_UNKNOWN_CRITICAL) && d.verdict[1] == CABREF_CAA_RR_PERMITS &&
        d.permit_index == 0);
  memset(&s, 0, sizeof s);
  raw(&s, empty_tag, sizeof empty_tag);
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_RDATA_MALFORMED) && d.detail[0] == CABREF_CAA_RDATA_TAG_EMPTY);
  memset(&s, 0, sizeof s);
  raw(&s, past_end, sizeof past_end);
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_RDATA_MALFORMED) && d.detail[0] == CABREF_CAA_RDATA_TAG_PAST_END);
  memset(&s, 0, sizeof s);
  raw(&s, trunc, 0);
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_RDATA_MALFORMED));
  /* CAA-REASONS: rdata-malformed ranks above unknown-critical */
  memset(&s, 0, sizeof s);
  rec(&s, 128, "tbs", "x");
  raw(&s, trunc, sizeof trunc);
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_RDATA_MALFORMED));
  /* and unknown-critical above not-authorized */
  memset(&s, 0, sizeof s);
  rec(&s, 0, "issue", "other.example");
  rec(&s, 128, "tbs", "x");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_UNKNOWN_CRITICAL));
  /* a span outside the buffer is unreadable */
  memset(&s, 0, sizeof s);
  rec(&s, 0, "issue", "ca.example");
  s.rr[0].len = (uint32_t)s.len + 1;
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_RDATA_MALFORMED));
  s.rr[0].off = 0xFFFFFFFFu;
  s.rr[0].len = 2;
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_RDATA_MALFORMED));
  /* CAA-CAPACITY: 64 records are decided, 65 refused */
  {
    size_t i;
    memset(&s, 0, sizeof s);
    for (i = 0; i < 64; i++) {
      rec(&s, 0, "issue", i == 63 ? "ca.example" : "other.example");
    }
    decide(&s, 0, &c);
    CHECK(is(1, CABREF_CAA_PERMIT_ISSUER) && d.permit_index == 63 && d.n == 64);
    rec(&s, 0, "issue", "ca.example");
    decide(&s, 0, &c);
    CHECK(is(0, CABREF_CAA_DENY_CAPACITY) && d.n == 0);
  }
}

/* RFC 8659 §4.3, the examples of the issuewild section. */
static void test_issuewild(void) {
  set_t s;
  cabref_caa_config ca1 = ca("ca1.example"), ca2 = ca("ca2.example"), ca3 = ca("ca3.example");
  /* wild: issue ca1, issuewild ca2 */
  memset(&s, 0, sizeof s);
  rec(&s, 0, "issue", "ca1.example");
  rec(&s, 0, "issuewild", "ca2.example");
  decide(&s, 0, &ca1);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER) && d.permit_index == 0 &&
        d.verdict[1] == CABREF_CAA_RR_ISSUEWILD_IGNORED);
  decide(&s, 0, &ca2);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED)); /* CAA-ISSUEWILD-IGNORED */
  decide(&s, 1, &ca2);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER) && d.permit_index == 1 &&
        d.verdict[0] == CABREF_CAA_RR_ISSUE_SHADOWED);
  decide(&s, 1, &ca1);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED)); /* CAA-ISSUEWILD-SHADOWS */
  /* wild2: issue ca1 only: ca1 for plain and wildcard names */
  one(&s, 0, "issue", "ca1.example");
  decide(&s, 1, &ca1);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER));
  decide(&s, 1, &ca2);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED));
  /* wild3: issuewild ca2 and issue ";": ca2 for wildcards only, nobody otherwise */
  memset(&s, 0, sizeof s);
  rec(&s, 0, "issuewild", "ca2.example");
  rec(&s, 0, "issue", ";");
  decide(&s, 1, &ca2);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER) && d.permit_index == 0);
  decide(&s, 0, &ca2);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED));
  decide(&s, 0, &ca3);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED));
  /* issuewild ca2 alone: ca2 only for wildcards, anyone for other names */
  one(&s, 0, "issuewild", "ca2.example");
  decide(&s, 0, &ca3);
  CHECK(is(1, CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY));
  decide(&s, 1, &ca3);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED));
  decide(&s, 1, &ca2);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER));
  /* a malformed issuewild still shadows issue */
  memset(&s, 0, sizeof s);
  rec(&s, 0, "issue", "ca1.example");
  rec(&s, 0, "issuewild", "%%");
  decide(&s, 1, &ca1);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED) && d.verdict[0] == CABREF_CAA_RR_ISSUE_SHADOWED &&
        d.verdict[1] == CABREF_CAA_RR_MALFORMED_VALUE);
  decide(&s, 0, &ca1);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER));
}

/* The named properties of spec/caa_logic.h on concrete sets. */
static void test_properties(void) {
  set_t s;
  cabref_caa_config c = ca("ca.example");
  /* records are additive: a malformed or foreign issue beside a permitting one changes nothing */
  memset(&s, 0, sizeof s);
  rec(&s, 0, "issue", "%%%");
  rec(&s, 0, "issue", "other.example");
  rec(&s, 0, "issue", "ca.example");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER) && d.permit_index == 2);
  rec(&s, 0, "issue", ";");
  rec(&s, 0, "tbs", "x");
  rec(&s, 0, "iodef", "mailto:a@example.com");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER) && d.permit_index == 2 && d.n == 6);
  /* ... but the first applying record makes a set restrictive */
  one(&s, 0, "iodef", "mailto:a@example.com");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY));
  rec(&s, 0, "issue", "other.example");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED));
  /* ... and an unknown critical record denies */
  one(&s, 0, "issue", "ca.example");
  rec(&s, 128, "future", "");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_UNKNOWN_CRITICAL));
  /* a set with no issue (and for a wildcard no issuewild) permits */
  memset(&s, 0, sizeof s);
  rec(&s, 0, "iodef", "mailto:a@example.com");
  rec(&s, 0, "tbs", "x");
  decide(&s, 1, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY));
  /* a malformed value never permits, whatever issuer it seems to name */
  one(&s, 0, "issue", "ca.example x");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED) && d.verdict[0] == CABREF_CAA_RR_MALFORMED_VALUE);
  one(&s, 0, "issue", "ca.example; a=1 2");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED));
  /* the same value under RFC 6844 (blank-separated parameters) is well-formed */
  c.profile = (uint8_t)CABREF_CAA_PROFILE_RFC6844_E5065;
  one(&s, 0, "issue", "ca.example; a=1 b=2");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER));
}

static void test_rfc8657(void) {
  set_t s;
  cabref_caa_config c = ca("ca.example");
  const char *acct = "https://ca.example/acct/1";
  c.account_uri_len = (uint32_t)strlen(acct);
  memcpy(c.account_uri, acct, strlen(acct));
  c.method_len = 6;
  memcpy(c.method, "dns-01", 6);
  /* CAA-PARAM-UNKNOWN: without the option, the parameters are ignored */
  one(&s, 0, "issue", "ca.example; accounturi=https://ca.example/acct/2");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER));
  c.rfc8657 = 1;
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED) && d.verdict[0] == CABREF_CAA_RR_ACCOUNTURI_MISMATCH);
  one(&s, 0, "issue", "ca.example; accounturi=https://ca.example/acct/1");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER));
  /* CAA-PARAM-CASE */
  one(&s, 0, "issue", "ca.example; AccountURI=https://ca.example/acct/2");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED));
  one(&s, 0, "issue", "ca.example; accounturi=https://ca.example/acct/1; accounturi=x");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED) &&
        d.verdict[0] == CABREF_CAA_RR_ACCOUNTURI_DUPLICATE);
  /* octet for octet: no case folding of the URI */
  one(&s, 0, "issue", "ca.example; accounturi=https://CA.example/acct/1");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED));
  /* a request without an account URI never matches one */
  {
    cabref_caa_config c2 = c;
    c2.account_uri_len = 0;
    one(&s, 0, "issue", "ca.example; accounturi=https://ca.example/acct/1");
    decide(&s, 0, &c2);
    CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED));
  }
  /* two records, two accounts: additive */
  memset(&s, 0, sizeof s);
  rec(&s, 0, "issue", "ca.example; accounturi=https://ca.example/acct/2");
  rec(&s, 0, "issue", "ca.example; accounturi=https://ca.example/acct/1");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER) && d.permit_index == 1);
  /* CAA-PARAM-METHODS */
  one(&s, 0, "issue", "ca.example; validationmethods=http-01,DNS-01");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER));
  one(&s, 0, "issue", "ca.example; validationmethods=http-01");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED) && d.verdict[0] == CABREF_CAA_RR_METHODS_MISMATCH);
  one(&s, 0, "issue", "ca.example; validationmethods=");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED) && d.verdict[0] == CABREF_CAA_RR_METHODS_MISMATCH);
  one(&s, 0, "issue", "ca.example; validationmethods=dns-01,,http-01");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED) && d.verdict[0] == CABREF_CAA_RR_METHODS_MALFORMED);
  one(&s, 0, "issue", "ca.example; validationmethods=dns-01; validationmethods=dns-01");
  decide(&s, 0, &c);
  CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED) && d.verdict[0] == CABREF_CAA_RR_METHODS_DUPLICATE);
  {
    cabref_caa_config c2 = c;
    c2.method_len = 0;
    one(&s, 0, "issue", "ca.example; validationmethods=dns-01");
    decide(&s, 0, &c2);
    CHECK(is(0, CABREF_CAA_DENY_NOT_AUTHORIZED) && d.verdict[0] == CABREF_CAA_RR_METHODS_MISMATCH);
  }
  one(&s, 0, "issue", "ca.example; accounturi=https://ca.example/acct/1; validationmethods=dns-01");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER));
  /* other parameters are ignored */
  one(&s, 0, "issue", "ca.example; policy=ev");
  decide(&s, 0, &c);
  CHECK(is(1, CABREF_CAA_PERMIT_ISSUER));
}

static void test_codes(void) {
  CHECK(strcmp(cabref_caa_reason_code(CABREF_CAA_PERMIT_NO_RECORDS), "no-records") == 0);
  CHECK(strcmp(cabref_caa_reason_code(CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY), "no-issue-property") ==
        0);
  CHECK(strcmp(cabref_caa_reason_code(CABREF_CAA_PERMIT_ISSUER), "issuer-permits") == 0);
  CHECK(strcmp(cabref_caa_reason_code(CABREF_CAA_DENY_RDATA_MALFORMED), "rdata-malformed") == 0);
  CHECK(strcmp(cabref_caa_reason_code(CABREF_CAA_DENY_UNKNOWN_CRITICAL), "unknown-critical") == 0);
  CHECK(strcmp(cabref_caa_reason_code(CABREF_CAA_DENY_NOT_AUTHORIZED), "not-authorized") == 0);
  CHECK(strcmp(cabref_caa_reason_code(CABREF_CAA_DENY_CAPACITY), "too-many-records") == 0);
  CHECK(strcmp(cabref_caa_reason_code((cabref_caa_reason)99), "unknown") == 0);
  {
    static const char *const v[] = {
        "permits",          "rdata-malformed",   "unknown-critical",    "unknown-tag",
        "neutral",          "issuewild-ignored", "issue-shadowed",      "malformed-value",
        "empty-issuer",     "issuer-mismatch",   "accounturi-mismatch", "accounturi-duplicate",
        "methods-mismatch", "methods-malformed", "methods-duplicate"};
    unsigned i;
    for (i = 0; i < sizeof v / sizeof v[0]; i++) {
      CHECK(strcmp(cabref_caa_verdict_code((cabref_caa_rr_verdict)i), v[i]) == 0);
    }
    CHECK(strcmp(cabref_caa_verdict_code((cabref_caa_rr_verdict)15), "unknown") == 0);
  }
}

static void test_layers(void) {
  cabref_caa_config c = ca("ca.example");
  uint8_t detail = 0xEE;
  static const uint8_t issuewild[] = {0, 9, 'i', 's', 's', 'u', 'e', 'w', 'i', 'l', 'd', ';'};
  static const uint8_t crit[] = {0x81, 1, 'x'};
  CHECK(cabref_caa_record_kind(issuewild, sizeof issuewild, &c, &detail) ==
            CABREF_CAA_KIND_ISSUEWILD &&
        detail == CABREF_CAA_RDATA_OK);
  CHECK(cabref_caa_record_kind(crit, sizeof crit, &c, &detail) == CABREF_CAA_KIND_UNKNOWN_CRITICAL);
  CHECK(cabref_caa_record_kind(crit, 1, &c, &detail) == CABREF_CAA_KIND_MALFORMED &&
        detail == CABREF_CAA_RDATA_TRUNCATED);
  CHECK(cabref_caa_value_verdict((const uint8_t *)"ca.example", 10, &c, &detail) ==
        CABREF_CAA_RR_PERMITS);
  CHECK(cabref_caa_value_verdict((const uint8_t *)"ca.example..", 12, &c, &detail) ==
            CABREF_CAA_RR_MALFORMED_VALUE &&
        detail == CABREF_CAA_VALUE_BAD_ISSUER);
}

static cabref_caa_instant at(int y, int mo, int da, int h, int mi, int se) {
  /* days from civil (proleptic Gregorian), for the test's own dates */
  long yy = mo <= 2 ? y - 1 : y;
  long era = (yy >= 0 ? yy : yy - 399) / 400;
  long yoe = yy - era * 400;
  long mp = mo > 2 ? mo - 3 : mo + 9;
  long doy = (153 * mp + 2) / 5 + da - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  long days = era * 146097 + doe - 719468;
  return (cabref_caa_instant)days * 86400 + h * 3600 + mi * 60 + se;
}

static void test_rules(void) {
  cabref_caa_instant t0 = at(2024, 1, 1, 0, 0, 0);
  /* the named instants are the ballots' dates */
  CHECK(CABREF_CAA_T_BALLOT_187 == at(2017, 9, 8, 0, 0, 0));
  CHECK(CABREF_CAA_T_BALLOT_214 == at(2017, 10, 27, 0, 0, 0));
  CHECK(CABREF_CAA_T_SC35 == at(2020, 10, 19, 0, 0, 0));
  CHECK(CABREF_CAA_T_SC46 == at(2021, 7, 1, 0, 0, 0));
  CHECK(CABREF_CAA_T_SC085 == at(2025, 7, 21, 0, 0, 0));
  CHECK(CABREF_CAA_T_SC085_DNSSEC == at(2026, 3, 15, 0, 0, 0));
  /* CAA-MANDATE, CAA-PROFILE-DATE */
  CHECK(cabref_caa_rules_at(CABREF_CAA_T_BALLOT_187 - 1) == CABREF_CAA_RULES_NONE);
  CHECK(cabref_caa_rules_at(CABREF_CAA_T_BALLOT_187) == CABREF_CAA_RULES_RFC6844);
  CHECK(cabref_caa_rules_at(CABREF_CAA_T_BALLOT_214 - 1) == CABREF_CAA_RULES_RFC6844);
  CHECK(cabref_caa_rules_at(CABREF_CAA_T_BALLOT_214) == CABREF_CAA_RULES_RFC6844_E5065);
  CHECK(cabref_caa_rules_at(CABREF_CAA_T_SC35 - 1) == CABREF_CAA_RULES_RFC6844_E5065);
  CHECK(cabref_caa_rules_at(CABREF_CAA_T_SC35) == CABREF_CAA_RULES_RFC8659);
  CHECK(cabref_caa_rules_at(INT64_MIN) == CABREF_CAA_RULES_NONE);
  CHECK(cabref_caa_rules_at(INT64_MAX) == CABREF_CAA_RULES_RFC8659);
  /* CAA-REUSE: exactly 8 hours is in time, one second more is not */
  CHECK(cabref_caa_reuse_ok(t0, t0, 0, 1) == 1);
  CHECK(cabref_caa_reuse_ok(t0, t0 + 28800, 300, 1) == 1);
  CHECK(cabref_caa_reuse_ok(t0, t0 + 28801, 300, 1) == 0);
  CHECK(cabref_caa_reuse_ok(t0, t0 + 28800, 0, 0) == 1);
  CHECK(cabref_caa_reuse_ok(t0, t0 + 28801, 86400, 0) == 0); /* empty set: no TTL */
  /* a TTL larger than 8 hours */
  CHECK(cabref_caa_reuse_ok(t0, t0 + 86400, 86400, 1) == 1);
  CHECK(cabref_caa_reuse_ok(t0, t0 + 86401, 86400, 1) == 0);
  CHECK(cabref_caa_reuse_ok(t0, t0 + 0x7FFFFFFF, 0x7FFFFFFFu, 1) == 1);
  /* RFC 2181 §8: top bit set reads as 0, so 8 hours */
  CHECK(cabref_caa_reuse_ok(t0, t0 + 28800, 0x80000000u, 1) == 1);
  CHECK(cabref_caa_reuse_ok(t0, t0 + 28801, 0x80000000u, 1) == 0);
  CHECK(cabref_caa_reuse_ok(t0, t0 + 28801, 0xFFFFFFFFu, 1) == 0);
  /* before the check */
  CHECK(cabref_caa_reuse_ok(t0, t0 - 1, 86400, 1) == 0);
  /* no overflow at the ends of the range */
  CHECK(cabref_caa_reuse_ok(INT64_MAX - 10, INT64_MAX, 0, 0) == 1);
  CHECK(cabref_caa_reuse_ok(INT64_MIN, INT64_MAX, 0, 0) == 0);
  CHECK(cabref_caa_reuse_ok(INT64_MIN, INT64_MIN + 28800, 0, 0) == 1);
  CHECK(cabref_caa_reuse_ok(INT64_MAX, INT64_MIN, 0, 0) == 0);
}

static void test_exceptions(void) {
  cabref_caa_exception_facts f;
  cabref_caa_instant m = CABREF_CAA_T_BALLOT_187, sc46 = CABREF_CAA_T_SC46;
  memset(&f, 0, sizeof f);
  f.ct_logs = 2;
  f.caa_checked = 1;
  f.tcsca = 1;
  f.contract_clause = 1;
  f.ca_is_dns_operator = 1;
  /* CAA-EXC-*: none before the mandate */
  CHECK(cabref_caa_exception_applies(CABREF_CAA_EXC_CT_PRECERT, m - 1, &f) ==
        CABREF_CAA_EXC_NOT_IN_FORCE);
  CHECK(cabref_caa_exception_applies(CABREF_CAA_EXC_CT_PRECERT, m, &f) == CABREF_CAA_EXC_APPLIES);
  CHECK(cabref_caa_exception_applies(CABREF_CAA_EXC_TCSCA, m, &f) == CABREF_CAA_EXC_APPLIES);
  CHECK(cabref_caa_exception_applies(CABREF_CAA_EXC_DNS_OPERATOR, m, &f) == CABREF_CAA_EXC_APPLIES);
  /* SC46: DNS operator only before 2021-07-01 */
  CHECK(cabref_caa_exception_applies(CABREF_CAA_EXC_DNS_OPERATOR, sc46 - 1, &f) ==
        CABREF_CAA_EXC_APPLIES);
  CHECK(cabref_caa_exception_applies(CABREF_CAA_EXC_DNS_OPERATOR, sc46, &f) ==
        CABREF_CAA_EXC_NOT_IN_FORCE);
  CHECK(cabref_caa_exception_applies(CABREF_CAA_EXC_CT_PRECERT, sc46, &f) ==
        CABREF_CAA_EXC_APPLIES);
  CHECK(cabref_caa_exception_applies(CABREF_CAA_EXC_TCSCA, INT64_MAX, &f) ==
        CABREF_CAA_EXC_APPLIES);
  /* conditions */
  f.ct_logs = 1;
  CHECK(cabref_caa_exception_applies(CABREF_CAA_EXC_CT_PRECERT, sc46, &f) ==
        CABREF_CAA_EXC_CONDITIONS);
  f.ct_logs = 3;
  f.caa_checked = 0;
  CHECK(cabref_caa_exception_applies(CABREF_CAA_EXC_CT_PRECERT, sc46, &f) ==
        CABREF_CAA_EXC_CONDITIONS);
  f.contract_clause = 0;
  CHECK(cabref_caa_exception_applies(CABREF_CAA_EXC_TCSCA, sc46, &f) == CABREF_CAA_EXC_CONDITIONS);
  f.ca_is_dns_operator = 0;
  CHECK(cabref_caa_exception_applies(CABREF_CAA_EXC_DNS_OPERATOR, m, &f) ==
        CABREF_CAA_EXC_CONDITIONS);
  CHECK(cabref_caa_exception_applies(CABREF_CAA_EXC_TCSCA, m, NULL) == CABREF_CAA_EXC_CONDITIONS);
  CHECK(cabref_caa_exception_applies((cabref_caa_exception)7, m, &f) ==
        CABREF_CAA_EXC_NOT_IN_FORCE);
}

static void test_failures(void) {
  cabref_caa_failure_facts f;
  cabref_caa_instant m = CABREF_CAA_T_BALLOT_187, s1 = CABREF_CAA_T_SC085,
                     s2 = CABREF_CAA_T_SC085_DNSSEC;
  memset(&f, 0, sizeof f);
  /* before the mandate a failure does not matter: permission */
  CHECK(cabref_caa_failure_permits(m - 1, &f) == 1);
  CHECK(cabref_caa_failure_permits(m, &f) == 0);
  f.outside_ca = 1;
  f.retries = 1;
  f.no_dnssec_chain = 1;
  CHECK(cabref_caa_failure_permits(m, &f) == 1);
  CHECK(cabref_caa_failure_permits(s1 - 1, &f) == 1);
  /* SC085: from 2025-07-21 "Insecure" is the condition, no longer the chain */
  CHECK(cabref_caa_failure_permits(s1, &f) == 0);
  f.insecure = 1;
  CHECK(cabref_caa_failure_permits(s1, &f) == 1);
  f.no_dnssec_chain = 0;
  CHECK(cabref_caa_failure_permits(s1, &f) == 1);
  CHECK(cabref_caa_failure_permits(s1 - 1, &f) == 0);
  /* from 2026-03-15 a DNSSEC validation failure is never permission */
  f.dnssec_failure = 1;
  CHECK(cabref_caa_failure_permits(s2 - 1, &f) == 1);
  CHECK(cabref_caa_failure_permits(s2, &f) == 0);
  f.dnssec_failure = 0;
  CHECK(cabref_caa_failure_permits(s2, &f) == 1);
  /* always: outside the CA, retried */
  f.retries = 0;
  CHECK(cabref_caa_failure_permits(s2, &f) == 0);
  f.retries = 5;
  f.outside_ca = 0;
  CHECK(cabref_caa_failure_permits(s2, &f) == 0);
  CHECK(cabref_caa_failure_permits(s2, NULL) == 0);
}

static void test_relevant(void) {
  uint8_t o[5];
  size_t idx = 99;
  /* RFC 8659 §3: the first name with records */
  o[0] = CABREF_CAA_LOOKUP_EMPTY;
  o[1] = CABREF_CAA_LOOKUP_RECORDS;
  o[2] = CABREF_CAA_LOOKUP_RECORDS;
  CHECK(cabref_caa_relevant(o, 3, &idx) == CABREF_CAA_RELEVANT_FOUND && idx == 1);
  /* a failure above the found set is ignored */
  o[2] = CABREF_CAA_LOOKUP_FAILURE;
  CHECK(cabref_caa_relevant(o, 3, &idx) == CABREF_CAA_RELEVANT_FOUND && idx == 1);
  /* a failure before any records */
  o[0] = CABREF_CAA_LOOKUP_FAILURE;
  CHECK(cabref_caa_relevant(o, 3, &idx) == CABREF_CAA_RELEVANT_FAILURE && idx == 0);
  o[0] = CABREF_CAA_LOOKUP_EMPTY;
  o[1] = CABREF_CAA_LOOKUP_EMPTY;
  CHECK(cabref_caa_relevant(o, 3, &idx) == CABREF_CAA_RELEVANT_FAILURE && idx == 2);
  /* all empty: the relevant set is empty */
  o[2] = CABREF_CAA_LOOKUP_EMPTY;
  CHECK(cabref_caa_relevant(o, 3, &idx) == CABREF_CAA_RELEVANT_NONE && idx == 3);
  CHECK(cabref_caa_relevant(o, 0, &idx) == CABREF_CAA_RELEVANT_NONE && idx == 0);
  /* an outcome outside the enumeration is a failure */
  o[0] = 7;
  CHECK(cabref_caa_relevant(o, 1, &idx) == CABREF_CAA_RELEVANT_FAILURE && idx == 0);
}

/* CAA-ALIAS-*, CAA-DNS-FAILURE on hand-built nodes (vectors/caa.json CaaRelevantTest has more). */
static void test_relevant_rrset(void) {
  cabref_caa_node nd[4];
  cabref_caa_relevant_at at;
  cabref_caa_failure_facts f;
  memset(nd, 0, sizeof nd);
  /* www.example.com CNAME t.example.net (node 3), which has records; example.com has records */
  nd[0].alias = CABREF_CAA_ALIAS_CNAME;
  nd[0].target = 3;
  nd[1].outcome = CABREF_CAA_LOOKUP_RECORDS;
  nd[3].outcome = CABREF_CAA_LOOKUP_RECORDS;
  CHECK(cabref_caa_relevant_rrset(nd, 4, 3, CABREF_CAA_RULES_RFC8659, &at) ==
            CABREF_CAA_RELEVANT_FOUND &&
        at.climb == 0 && at.node == 3 && at.hops == 1);
  /* the target empty: on to example.com, never to the target's parent */
  nd[3].outcome = CABREF_CAA_LOOKUP_EMPTY;
  CHECK(cabref_caa_relevant_rrset(nd, 4, 3, CABREF_CAA_RULES_RFC8659, &at) ==
            CABREF_CAA_RELEVANT_FOUND &&
        at.climb == 1 && at.node == 1 && at.hops == 0);
  /* RFC 6844 as published would climb from the target: a failure, never empty */
  CHECK(cabref_caa_relevant_rrset(nd, 4, 3, CABREF_CAA_RULES_RFC6844, &at) ==
            CABREF_CAA_RELEVANT_FAILURE &&
        at.climb == 0 && at.failure == CABREF_CAA_FAIL_RFC6844_CLIMB);
  /* a target outside the array, and a self-loop: alias-chain */
  nd[0].target = 9;
  CHECK(cabref_caa_relevant_rrset(nd, 4, 3, CABREF_CAA_RULES_RFC8659, &at) ==
            CABREF_CAA_RELEVANT_FAILURE &&
        at.failure == CABREF_CAA_FAIL_ALIAS_CHAIN);
  nd[0].target = 0;
  CHECK(cabref_caa_relevant_rrset(nd, 4, 3, CABREF_CAA_RULES_RFC8659, &at) ==
            CABREF_CAA_RELEVANT_FAILURE &&
        at.failure == CABREF_CAA_FAIL_ALIAS_CHAIN);
  /* a DNAME at the name: followed only under the RFC 6844 rules */
  nd[0].alias = CABREF_CAA_ALIAS_DNAME;
  nd[0].target = 3;
  nd[3].outcome = CABREF_CAA_LOOKUP_RECORDS;
  CHECK(cabref_caa_relevant_rrset(nd, 4, 3, CABREF_CAA_RULES_RFC8659, &at) ==
            CABREF_CAA_RELEVANT_FOUND &&
        at.node == 1);
  CHECK(cabref_caa_relevant_rrset(nd, 4, 3, CABREF_CAA_RULES_RFC6844_E5065, &at) ==
            CABREF_CAA_RELEVANT_FOUND &&
        at.node == 3 && at.hops == 1);
  /* nothing anywhere */
  memset(nd, 0, sizeof nd);
  CHECK(cabref_caa_relevant_rrset(nd, 4, 3, CABREF_CAA_RULES_RFC8659, &at) ==
            CABREF_CAA_RELEVANT_NONE &&
        at.climb == 3);
  CHECK(cabref_caa_relevant_rrset(nd, 0, 0, CABREF_CAA_RULES_RFC8659, &at) ==
        CABREF_CAA_RELEVANT_NONE);
  /* the facts a node establishes for the failure rule */
  memset(&f, 0, sizeof f);
  nd[0].outcome = CABREF_CAA_LOOKUP_FAILURE;
  nd[0].failure = CABREF_CAA_FAIL_SERVFAIL;
  nd[0].dnssec = CABREF_CAA_DNSSEC_INSECURE;
  cabref_caa_failure_facts_of(&nd[0], &f);
  CHECK(f.insecure == 1 && f.no_dnssec_chain == 1 && f.dnssec_failure == 0);
  nd[0].dnssec = CABREF_CAA_DNSSEC_INDETERMINATE;
  cabref_caa_failure_facts_of(&nd[0], &f);
  CHECK(f.insecure == 0 && f.no_dnssec_chain == 0 && f.dnssec_failure == 0);
  nd[0].failure = CABREF_CAA_FAIL_BOGUS;
  cabref_caa_failure_facts_of(&nd[0], &f);
  CHECK(f.insecure == 0 && f.dnssec_failure == 1);
  nd[0].failure = CABREF_CAA_FAIL_TIMEOUT;
  nd[0].dnssec = CABREF_CAA_DNSSEC_BOGUS;
  cabref_caa_failure_facts_of(&nd[0], &f);
  CHECK(f.dnssec_failure == 1);
}

static void test_names(void) {
  set_t s;
  cabref_caa_config ca1 = ca("ca1.example"), ca2 = ca("ca2.example");
  const char *text = "*.example.com example.com www.Example.com abc.ONION x.example.net bad";
  cabref_caa_san nm[6];
  cabref_caa_name_outcome res[6];
  memset(nm, 0, sizeof nm);
  memset(&s, 0, sizeof s);
  /* example.com: issue ca1, issuewild ca2; example.net: failure; set 1: issue ";" */
  rec(&s, 0, "issue", "ca1.example");
  rec(&s, 0, "issuewild", "ca2.example");
  rec(&s, 0, "issue", ";");
  nm[0].off = 0;
  nm[0].len = 13;
  nm[0].lookup = CABREF_CAA_RELEVANT_FOUND;
  nm[0].set_off = 0;
  nm[0].set_n = 2;
  nm[1].off = 14;
  nm[1].len = 11;
  nm[1].lookup = CABREF_CAA_RELEVANT_FOUND;
  nm[1].set_off = 0;
  nm[1].set_n = 2;
  nm[2].off = 26;
  nm[2].len = 15;
  nm[2].lookup = CABREF_CAA_RELEVANT_FOUND;
  nm[2].set_off = 0;
  nm[2].set_n = 2;
  nm[3].off = 42;
  nm[3].len = 9;
  nm[3].lookup = CABREF_CAA_RELEVANT_FOUND;
  nm[3].set_off = 2;
  nm[3].set_n = 1;
  nm[4].off = 52;
  nm[4].len = 13;
  nm[4].lookup = CABREF_CAA_RELEVANT_FAILURE;
  nm[5].off = 66;
  nm[5].len = 3;
  nm[5].lookup = CABREF_CAA_RELEVANT_NONE;
  /* CAA-MULTI-NAME: ca2 may issue *.example.com but not example.com */
  CHECK(cabref_caa_names(text, strlen(text), nm, 2, s.buf, s.len, s.rr, s.n, &ca2, res) == 0);
  CHECK(res[0].result == CABREF_CAA_NAME_PERMIT && res[0].wildcard == 1 &&
        res[0].reason == CABREF_CAA_PERMIT_ISSUER && res[0].permit_index == 1);
  CHECK(res[1].result == CABREF_CAA_NAME_DENY && res[1].wildcard == 0 &&
        res[1].reason == CABREF_CAA_DENY_NOT_AUTHORIZED);
  /* ca1 may issue example.com and www.example.com, but not the wildcard */
  CHECK(cabref_caa_names(text, strlen(text), nm + 1, 2, s.buf, s.len, s.rr, s.n, &ca1, res) == 1);
  CHECK(res[0].result == CABREF_CAA_NAME_PERMIT && res[1].result == CABREF_CAA_NAME_PERMIT);
  CHECK(cabref_caa_names(text, strlen(text), nm, 1, s.buf, s.len, s.rr, s.n, &ca1, res) == 0);
  /* an Onion Domain Name is not checked, whatever its set says */
  CHECK(cabref_caa_names(text, strlen(text), nm + 3, 1, s.buf, s.len, s.rr, s.n, &ca1, res) == 1);
  CHECK(res[0].result == CABREF_CAA_NAME_ONION_EXEMPT);
  /* a lookup failure is never permission here */
  CHECK(cabref_caa_names(text, strlen(text), nm + 4, 1, s.buf, s.len, s.rr, s.n, &ca1, res) == 0);
  CHECK(res[0].result == CABREF_CAA_NAME_LOOKUP_FAILURE);
  /* an empty relevant set permits */
  CHECK(cabref_caa_names(text, strlen(text), nm + 5, 1, s.buf, s.len, s.rr, s.n, &ca1, res) == 1);
  CHECK(res[0].result == CABREF_CAA_NAME_PERMIT && res[0].reason == CABREF_CAA_PERMIT_NO_RECORDS);
  /* all six together */
  CHECK(cabref_caa_names(text, strlen(text), nm, 6, s.buf, s.len, s.rr, s.n, &ca1, res) == 0);
  CHECK(res[0].result == CABREF_CAA_NAME_DENY && res[1].result == CABREF_CAA_NAME_PERMIT &&
        res[2].result == CABREF_CAA_NAME_PERMIT && res[3].result == CABREF_CAA_NAME_ONION_EXEMPT &&
        res[4].result == CABREF_CAA_NAME_LOOKUP_FAILURE && res[5].result == CABREF_CAA_NAME_PERMIT);
  /* no names: nothing to forbid */
  CHECK(cabref_caa_names(text, strlen(text), nm, 0, s.buf, s.len, s.rr, s.n, &ca1, res) == 1);
  /* a span or a set range outside its array denies the name */
  nm[5].off = 70;
  CHECK(cabref_caa_names(text, strlen(text), nm + 5, 1, s.buf, s.len, s.rr, s.n, &ca1, res) == 0);
  CHECK(res[0].result == CABREF_CAA_NAME_DENY);
  nm[1].set_off = 2;
  CHECK(cabref_caa_names(text, strlen(text), nm + 1, 1, s.buf, s.len, s.rr, s.n, &ca1, res) == 0);
  CHECK(res[0].result == CABREF_CAA_NAME_DENY);
  /* "onion" alone is not an Onion Domain Name */
  {
    const char *t2 = "onion";
    cabref_caa_san one_name;
    memset(&one_name, 0, sizeof one_name);
    one_name.len = 5;
    one_name.lookup = CABREF_CAA_RELEVANT_FOUND;
    one_name.set_off = 2;
    one_name.set_n = 1;
    CHECK(cabref_caa_names(t2, 5, &one_name, 1, s.buf, s.len, s.rr, s.n, &ca1, res) == 0);
    CHECK(res[0].result == CABREF_CAA_NAME_DENY);
  }
}

int main(void) {
  test_basic();
  test_critical();
  test_rdata();
  test_issuewild();
  test_properties();
  test_rfc8657();
  test_codes();
  test_layers();
  test_rules();
  test_exceptions();
  test_failures();
  test_relevant();
  test_relevant_rrset();
  test_names();
  printf("%lu passed, %lu failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
