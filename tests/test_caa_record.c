/* cabref: unit tests of the CAA record layer (spec/caa.md CAA-RDATA-*, CAA-FLAGS, CAA-TAG-CASE,
 * CAA-VALUE-*, CAA-PARAM-*, CAA-IODEF): ref/core/caa_rdata.c and ref/core/caa_value.c. Expected
 * values are derived by hand from the RFC text cited beside each case (RFC 8659 §4.1-§4.4,
 * RFC 6844 §5.2, RFC 8657 §3-§4) and from the error table in caa_record.h. One line per failed
 * check; the last line is "N passed, N failed"; the exit status is nonzero on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/caa_record.h"

static unsigned long passed, failed;

static void check(int ok, const char *what, const char *text) {
  if (ok) {
    passed++;
  } else {
    failed++;
    printf("FAIL: %s: \"%s\"\n", what, text);
  }
}

#define P8659 CABREF_CAA_PROFILE_RFC8659
#define P6844 CABREF_CAA_PROFILE_RFC6844_E5065

/* ---- RDATA ---------------------------------------------------------------------------------- */

static void rdata_err(const uint8_t *r, size_t len, cabref_caa_rdata_error want, size_t want_pos,
                      const char *name) {
  cabref_caa_record rec;
  size_t pos = 99999;
  char what[160];
  cabref_caa_rdata_error got = cabref_caa_rdata_parse(r, len, &rec, &pos);
  snprintf(what, sizeof what, "rdata: want %d at %zu, got %d at %zu", (int)want, want_pos, (int)got,
           pos);
  check(got == want && pos == want_pos, what, name);
}

/* Build flags, tag, value; parse; expect OK with the given kind and critical bit. */
static void rdata_ok(uint8_t flags, const char *tag, const char *value, int kind, int critical) {
  uint8_t buf[600];
  size_t tl = strlen(tag), vl = strlen(value);
  cabref_caa_record rec;
  size_t pos = 0;
  char what[160];
  cabref_caa_rdata_error got;
  buf[0] = flags;
  buf[1] = (uint8_t)tl;
  memcpy(buf + 2, tag, tl);
  memcpy(buf + 2 + tl, value, vl);
  memset(&rec, 0xAA, sizeof rec);
  got = cabref_caa_rdata_parse(buf, 2 + tl + vl, &rec, &pos);
  snprintf(what, sizeof what, "rdata ok: flags %u kind %d critical %d, got status %d kind %d",
           flags, kind, critical, (int)got, (int)rec.tag_kind);
  check(got == CABREF_CAA_RDATA_OK && rec.flags == flags && rec.critical == critical &&
            rec.tag_kind == kind && rec.tag_off == 2 && rec.tag_len == tl &&
            rec.value_off == 2 + tl && rec.value_len == vl,
        what, tag);
}

static void test_rdata(void) {
  static const uint8_t one[] = {0};
  static const uint8_t empty_tag[] = {0, 0, 'a'};
  static const uint8_t past[] = {0, 5, 'i', 's', 's'};
  static const uint8_t past1[] = {0, 1};
  static const uint8_t nul[] = {0, 5, 'i', 's', 0, 'u', 'e', 'x'};
  static const uint8_t bad[] = {128, 5, 'i', 's', 's', '-', 'e'};
  static const uint8_t sp[] = {0, 5, ' ', 's', 's', 'u', 'e'};
  static const uint8_t hi[] = {0, 2, 'a', 0xC3};
  /* CAA-RDATA-FORMAT (RFC 8659 §4.1): flags and tag length first. */
  rdata_err(one, 0, CABREF_CAA_RDATA_TRUNCATED, 0, "empty");
  rdata_err(one, 1, CABREF_CAA_RDATA_TRUNCATED, 1, "flags only");
  /* CAA-RDATA-TAG-LEN: at least 1, inside the RDATA. */
  rdata_err(empty_tag, sizeof empty_tag, CABREF_CAA_RDATA_TAG_EMPTY, 1, "tag length 0");
  rdata_err(past, sizeof past, CABREF_CAA_RDATA_TAG_PAST_END, 1, "tag past end");
  rdata_err(past1, sizeof past1, CABREF_CAA_RDATA_TAG_PAST_END, 1, "tag length 1, no tag");
  /* CAA-RDATA-TAG-CHARS: letters and digits only; the layout is still reported. */
  {
    cabref_caa_record rec;
    size_t pos = 0;
    cabref_caa_rdata_error e = cabref_caa_rdata_parse(nul, sizeof nul, &rec, &pos);
    check(e == CABREF_CAA_RDATA_TAG_NUL && pos == 4 && rec.tag_kind == CABREF_CAA_TAG_OTHER &&
              rec.tag_len == 5 && rec.value_off == 7 && rec.value_len == 1 && rec.critical == 0,
          "tag-nul at 4, record filled", "is\\0ue");
    e = cabref_caa_rdata_parse(bad, sizeof bad, &rec, &pos);
    check(e == CABREF_CAA_RDATA_TAG_BAD_CHAR && pos == 5 && rec.tag_kind == CABREF_CAA_TAG_OTHER &&
              rec.critical == 1 && rec.flags == 128 && rec.value_len == 0,
          "tag-bad-char at 5, record filled", "iss-e");
  }
  rdata_err(sp, sizeof sp, CABREF_CAA_RDATA_TAG_BAD_CHAR, 2, " ssue");
  rdata_err(hi, sizeof hi, CABREF_CAA_RDATA_TAG_BAD_CHAR, 3, "a\\xc3");
  /* CAA-TAG-CASE and the three tags of RFC 8659 §4.2-§4.4. */
  rdata_ok(0, "issue", "ca.example", CABREF_CAA_TAG_ISSUE, 0);
  rdata_ok(0, "ISSUE", "ca.example", CABREF_CAA_TAG_ISSUE, 0);
  rdata_ok(0, "IsSuE", "", CABREF_CAA_TAG_ISSUE, 0);
  rdata_ok(0, "issuewild", ";", CABREF_CAA_TAG_ISSUEWILD, 0);
  rdata_ok(0, "IssueWild", ";", CABREF_CAA_TAG_ISSUEWILD, 0);
  rdata_ok(0, "iodef", "mailto:a@example.com", CABREF_CAA_TAG_IODEF, 0);
  rdata_ok(0, "IODEF", "x", CABREF_CAA_TAG_IODEF, 0);
  rdata_ok(0, "issuer", "x", CABREF_CAA_TAG_OTHER, 0);
  rdata_ok(0, "issu", "x", CABREF_CAA_TAG_OTHER, 0);
  rdata_ok(0, "tbs", "x", CABREF_CAA_TAG_OTHER, 0);
  rdata_ok(0, "issuewil", "x", CABREF_CAA_TAG_OTHER, 0);
  rdata_ok(0, "iodefs", "x", CABREF_CAA_TAG_OTHER, 0);
  /* CAA-FLAGS: 128 is critical; 1 and the other reserved bits are not. */
  rdata_ok(128, "issue", "", CABREF_CAA_TAG_ISSUE, 1);
  rdata_ok(0x81, "tbs", "", CABREF_CAA_TAG_OTHER, 1);
  rdata_ok(1, "tbs", "", CABREF_CAA_TAG_OTHER, 0);
  rdata_ok(0x7F, "issue", "", CABREF_CAA_TAG_ISSUE, 0);
  rdata_ok(0xFF, "issue", "", CABREF_CAA_TAG_ISSUE, 1);
  /* CAA-RDATA-TAG-LEN: no upper limit but the octet (RFC 6844's 15 was a SHOULD). */
  {
    char tag[256];
    char value[301];
    memset(tag, 'a', 255);
    tag[255] = 0;
    memset(value, 'v', 300);
    value[300] = 0;
    rdata_ok(0, tag, "", CABREF_CAA_TAG_OTHER, 0);
    rdata_ok(0, tag + 239, "ca.example", CABREF_CAA_TAG_OTHER, 0); /* 16 octets */
    rdata_ok(0, "issue", value, CABREF_CAA_TAG_ISSUE, 0);          /* a value > 255 octets */
  }
  /* The largest RDATA (RFC 1035 §3.2.1): 65535 octets, value 65532; one more is too long. */
  {
    uint8_t *big = malloc(65536);
    cabref_caa_record rec;
    size_t pos = 0;
    cabref_caa_rdata_error e;
    if (big == NULL) {
      check(0, "malloc", "65536");
      return;
    }
    memset(big, 'x', 65536);
    big[0] = 0;
    big[1] = 1;
    e = cabref_caa_rdata_parse(big, 65535, &rec, &pos);
    check(e == CABREF_CAA_RDATA_OK && rec.value_off == 3 && rec.value_len == 65532,
          "rdata 65535 octets", "x");
    big[1] = 5;
    memcpy(big + 2, "issue", 5);
    e = cabref_caa_rdata_parse(big, 65535, &rec, &pos);
    check(e == CABREF_CAA_RDATA_OK && rec.tag_kind == CABREF_CAA_TAG_ISSUE && rec.value_off == 7 &&
              rec.value_len == 65528,
          "rdata 65535 octets, issue", "issue");
    rdata_err(big, 65536, CABREF_CAA_RDATA_TOO_LONG, 65535, "65536 octets");
    free(big);
  }
}

/* ---- issue values --------------------------------------------------------------------------- */

static const char *profile_name(cabref_caa_profile p) {
  return p == P8659 ? "rfc8659" : "rfc6844";
}

static void value_err(cabref_caa_profile p, const char *v, cabref_caa_value_error want,
                      size_t want_pos) {
  cabref_caa_issue_value out;
  size_t pos = 99999;
  char what[160];
  cabref_caa_value_error got;
  memset(&out, 0xAA, sizeof out);
  got = cabref_caa_issue_value_parse((const uint8_t *)v, strlen(v), p, &out, &pos);
  snprintf(what, sizeof what, "%s: want error %d at %zu, got %d at %zu", profile_name(p), (int)want,
           want_pos, (int)got, pos);
  check(got == want && pos == want_pos && out.issuer_len == 0 && out.n_params == 0 &&
            out.n_accounturi == 0 && out.n_validationmethods == 0,
        what, v);
}

/* Expect a value in the grammar with this issuer and these parameters ("tag=value|..."). */
static void value_ok(cabref_caa_profile p, const char *v, const char *issuer, const char *params) {
  cabref_caa_issue_value out;
  size_t pos = 0;
  char what[900];
  char joined[600];
  size_t o = 0, j;
  cabref_caa_value_error got =
      cabref_caa_issue_value_parse((const uint8_t *)v, strlen(v), p, &out, &pos);
  if (got != CABREF_CAA_VALUE_OK) {
    snprintf(what, sizeof what, "%s: want ok, got %d at %zu", profile_name(p), (int)got, pos);
    check(0, what, v);
    return;
  }
  for (j = 0; j < out.n_params && j < CABREF_CAA_MAX_PARAMS; j++) {
    const cabref_caa_param *q = &out.params[j];
    if (j > 0) {
      joined[o++] = '|';
    }
    memcpy(joined + o, v + q->tag_off, q->tag_len);
    o += q->tag_len;
    joined[o++] = '=';
    memcpy(joined + o, v + q->value_off, q->value_len);
    o += q->value_len;
  }
  joined[o] = 0;
  snprintf(what, sizeof what, "%s: issuer \"%.*s\" params \"%.600s\"", profile_name(p),
           (int)(out.issuer_len > 100 ? 100 : out.issuer_len), v + out.issuer_off, joined);
  check(out.issuer_len == strlen(issuer) &&
            memcmp(v + out.issuer_off, issuer, out.issuer_len) == 0 && strcmp(joined, params) == 0,
        what, v);
}

/* Expect OK and the RFC 8657 counts; the first accounturi / validationmethods value. */
static void value_counts(cabref_caa_profile p, const char *v, unsigned n_params, unsigned n_acct,
                         const char *acct, unsigned n_meth, const char *meth) {
  cabref_caa_issue_value out;
  size_t pos = 0;
  char what[200];
  cabref_caa_value_error got =
      cabref_caa_issue_value_parse((const uint8_t *)v, strlen(v), p, &out, &pos);
  int ok = got == CABREF_CAA_VALUE_OK && out.n_params == n_params && out.n_accounturi == n_acct &&
           out.n_validationmethods == n_meth;
  if (ok && n_acct > 0) {
    ok = out.accounturi.value_len == strlen(acct) &&
         memcmp(v + out.accounturi.value_off, acct, strlen(acct)) == 0 &&
         out.accounturi.tag_len == 10;
  }
  if (ok && n_meth > 0) {
    ok = out.validationmethods.value_len == strlen(meth) &&
         memcmp(v + out.validationmethods.value_off, meth, strlen(meth)) == 0 &&
         out.validationmethods.tag_len == 17;
  }
  snprintf(what, sizeof what, "%s: want %u params, %u accounturi, %u methods; got %d %u %u %u",
           profile_name(p), n_params, n_acct, n_meth, (int)got, out.n_params, out.n_accounturi,
           out.n_validationmethods);
  check(ok, what, v);
}

static void test_value_8659(void) {
  /* RFC 8659 §4.2: everything is optional; these name an empty issuer. */
  value_ok(P8659, "", "", "");
  value_ok(P8659, ";", "", "");
  value_ok(P8659, " ; ", "", "");
  value_ok(P8659, " \t ", "", "");
  value_ok(P8659, "; a=1", "", "a=1");
  value_ok(P8659, "ca.example", "ca.example", "");
  value_ok(P8659, "  ca.example \t", "ca.example", "");
  value_ok(P8659, "ca.example;", "ca.example", "");
  value_ok(P8659, "ca.example ; ", "ca.example", "");
  value_ok(P8659, "ca.example; a=1; b=2", "ca.example", "a=1|b=2");
  value_ok(P8659, "ca.example;a=1;b=2", "ca.example", "a=1|b=2");
  value_ok(P8659, "\tca.example\t;\ta\t=\t1\t;\tb=2\t", "ca.example", "a=1|b=2");
  value_ok(P8659, "ca.example; a = 1", "ca.example", "a=1");
  value_ok(P8659, "ca.example; x-y=1", "ca.example", "x-y=1");
  value_ok(P8659, "ca.example; x--y=1", "ca.example", "x--y=1");
  value_ok(P8659, "ca.example; a=b=c", "ca.example", "a=b=c");
  value_ok(P8659, "ca.example; a=", "ca.example", "a=");
  value_ok(P8659, "ca.example; a= ", "ca.example", "a=");
  value_ok(P8659, "ca.example; a= ; b=2", "ca.example", "a=|b=2");
  value_ok(P8659, "ca.example; a=;b=", "ca.example", "a=|b=");
  value_ok(P8659, "ca.example; 1=x", "ca.example", "1=x");
  value_ok(P8659, "xn--bcher-kva.example", "xn--bcher-kva.example", "");
  value_ok(P8659, "a", "a", "");
  value_ok(P8659, "1.2", "1.2", "");
  value_ok(P8659, "c-a.e--x", "c-a.e--x", "");
  value_ok(P8659, "ca; accounturi=https://ca.example/acct/1", "ca",
           "accounturi=https://ca.example/acct/1");
  /* Errors: the issuer. */
  value_err(P8659, "%%%%%", CABREF_CAA_VALUE_BAD_ISSUER, 0);
  value_err(P8659, "ca.example.", CABREF_CAA_VALUE_BAD_ISSUER, 11);
  value_err(P8659, "ca..example", CABREF_CAA_VALUE_BAD_ISSUER, 3);
  value_err(P8659, "-ca.example", CABREF_CAA_VALUE_BAD_ISSUER, 0);
  value_err(P8659, ".ca.example", CABREF_CAA_VALUE_BAD_ISSUER, 0);
  value_err(P8659, "ca-.example", CABREF_CAA_VALUE_BAD_ISSUER, 3);
  value_err(P8659, "ca-", CABREF_CAA_VALUE_BAD_ISSUER, 3);
  value_err(P8659, "ca_x.example", CABREF_CAA_VALUE_BAD_ISSUER, 2);
  value_err(P8659, "ca.example/", CABREF_CAA_VALUE_BAD_ISSUER, 10);
  value_err(P8659, "a=1 2", CABREF_CAA_VALUE_BAD_ISSUER, 1);
  value_err(P8659, "ca.example x", CABREF_CAA_VALUE_UNEXPECTED, 11);
  value_err(P8659, "ca.example a=1", CABREF_CAA_VALUE_UNEXPECTED, 11);
  /* Errors: separators. */
  value_err(P8659, ";;", CABREF_CAA_VALUE_TRAILING_SEMICOLON, 1);
  value_err(P8659, "ca.example;;", CABREF_CAA_VALUE_TRAILING_SEMICOLON, 11);
  value_err(P8659, "ca.example; a=1;", CABREF_CAA_VALUE_TRAILING_SEMICOLON, 15);
  value_err(P8659, "ca.example; a=1 ; ", CABREF_CAA_VALUE_TRAILING_SEMICOLON, 16);
  value_err(P8659, "ca.example; a=1;; b=2", CABREF_CAA_VALUE_TRAILING_SEMICOLON, 16);
  /* Errors: parameters. */
  value_err(P8659, "ca.example; a=1 2", CABREF_CAA_VALUE_BAD_PARAM_VALUE, 16);
  value_err(P8659, "; a=1 2", CABREF_CAA_VALUE_BAD_PARAM_VALUE, 6);
  value_err(P8659, "ca.example; -x=1", CABREF_CAA_VALUE_BAD_PARAM_TAG, 12);
  value_err(P8659, "ca.example; x-=1", CABREF_CAA_VALUE_BAD_PARAM_TAG, 14);
  value_err(P8659, "ca.example; x-", CABREF_CAA_VALUE_BAD_PARAM_TAG, 14);
  value_err(P8659, "ca.example; a_b=1", CABREF_CAA_VALUE_BAD_PARAM_TAG, 13);
  value_err(P8659, "ca.example; =1", CABREF_CAA_VALUE_BAD_PARAM_TAG, 12);
  value_err(P8659, "ca.example; a", CABREF_CAA_VALUE_PARAM_NO_EQUALS, 13);
  value_err(P8659, "ca.example; a ", CABREF_CAA_VALUE_PARAM_NO_EQUALS, 14);
  value_err(P8659, "ca.example; a;", CABREF_CAA_VALUE_PARAM_NO_EQUALS, 13);
  value_err(P8659, "ca.example; a b=1", CABREF_CAA_VALUE_PARAM_NO_EQUALS, 14);
  /* CAA-VALUE-BYTES. */
  value_err(P8659, "ca.example\x80", CABREF_CAA_VALUE_NON_ASCII, 10);
  value_err(P8659,
            "b\xc3\xbc"
            "cher.example",
            CABREF_CAA_VALUE_NON_ASCII, 1);
  value_err(P8659, "ca; a=\xff", CABREF_CAA_VALUE_NON_ASCII, 6);
  value_err(P8659, "ca\x7f", CABREF_CAA_VALUE_CONTROL, 2);
  value_err(P8659, "ca\r\n", CABREF_CAA_VALUE_CONTROL, 2);
  value_err(P8659, "ca; a=1\x01", CABREF_CAA_VALUE_CONTROL, 7);
  {
    static const uint8_t nul[] = {'c', 'a', 0, ';'};
    cabref_caa_issue_value out;
    size_t pos = 0;
    check(cabref_caa_issue_value_parse(nul, sizeof nul, P8659, &out, &pos) ==
                  CABREF_CAA_VALUE_CONTROL &&
              pos == 2,
          "rfc8659: NUL is control at 2", "ca\\0;");
  }
}

static void test_value_6844(void) {
  /* RFC 6844 §5.2: parameters separated by blanks; ';' allowed in values; tags alphanumeric. */
  value_ok(P6844, "", "", "");
  value_ok(P6844, ";", "", "");
  value_ok(P6844, " ; ", "", "");
  value_ok(P6844, "ca.example", "ca.example", "");
  value_ok(P6844, "ca.example;", "ca.example", "");
  value_ok(P6844, "ca.example;a=1", "ca.example", "a=1");
  value_ok(P6844, "ca.example; a=1 b=2", "ca.example", "a=1|b=2");
  value_ok(P6844, "ca.example; a=1\t\tb=2 ", "ca.example", "a=1|b=2");
  value_ok(P6844, "ca.example; a=1;b=2", "ca.example", "a=1;b=2");
  value_ok(P6844, "ca.example; a=1;", "ca.example", "a=1;");
  value_ok(P6844, "ca.example; a=x;y=z w=v", "ca.example", "a=x;y=z|w=v");
  value_ok(P6844, "ca.example; a=", "ca.example", "a=");
  value_ok(P6844, "ca.example; a= b=2", "ca.example", "a=|b=2");
  value_ok(P6844, "ca.example; a=b=c", "ca.example", "a=b=c");
  value_ok(P6844, "xn--bcher-kva.example", "xn--bcher-kva.example", "");
  value_err(P6844, ";;", CABREF_CAA_VALUE_TRAILING_SEMICOLON, 1);
  value_err(P6844, "ca.example; x-y=1", CABREF_CAA_VALUE_BAD_PARAM_TAG, 13);
  value_err(P6844, "ca.example; a =1", CABREF_CAA_VALUE_PARAM_NO_EQUALS, 13);
  value_err(P6844, "ca.example; a= =1", CABREF_CAA_VALUE_BAD_PARAM_TAG, 15);
  value_err(P6844, "ca.example; a", CABREF_CAA_VALUE_PARAM_NO_EQUALS, 13);
  value_err(P6844, "ca.example.", CABREF_CAA_VALUE_BAD_ISSUER, 11);
  value_err(P6844, "ca..example", CABREF_CAA_VALUE_BAD_ISSUER, 3);
  value_err(P6844, "%%%%%", CABREF_CAA_VALUE_BAD_ISSUER, 0);
  value_err(P6844, "ca.example a=1", CABREF_CAA_VALUE_UNEXPECTED, 11);
  value_err(P6844, "ca; a=1\x80", CABREF_CAA_VALUE_NON_ASCII, 7);
  value_err(P6844, "ca; a=1\x7f", CABREF_CAA_VALUE_CONTROL, 7);
  /* An unknown profile accepts nothing. */
  value_err((cabref_caa_profile)2, "", CABREF_CAA_VALUE_UNEXPECTED, 0);
  value_err((cabref_caa_profile)2, "ca.example", CABREF_CAA_VALUE_UNEXPECTED, 0);
}

static void test_params(void) {
  /* CAA-PARAM-CASE: tags matched ASCII case-insensitively; every occurrence counted. */
  value_counts(P8659, "ca; accounturi=https://ca/1", 1, 1, "https://ca/1", 0, "");
  value_counts(P8659, "ca; AccountURI=https://ca/1", 1, 1, "https://ca/1", 0, "");
  value_counts(P8659, "ca; ACCOUNTURI=a; accounturi=b", 2, 2, "a", 0, "");
  value_counts(P8659, "ca; validationmethods=dns-01", 1, 0, "", 1, "dns-01");
  value_counts(P8659, "ca; ValidationMethods=dns-01,http-01; validationMethods=x", 2, 0, "", 2,
               "dns-01,http-01");
  value_counts(P8659, "ca; account-uri=x; validation-methods=y", 2, 0, "", 0, "");
  value_counts(P8659, "ca; accounturix=x; accounturi=", 2, 1, "", 0, "");
  value_counts(P6844, "ca; accounturi=https://ca/1 AccountUri=x;y", 2, 2, "https://ca/1", 0, "");
  value_counts(P6844, "ca; validationmethods=dns-01;accounturi=x", 1, 0, "", 1,
               "dns-01;accounturi=x");
  /* More parameters than are kept: all are counted and checked. */
  {
    char v[400];
    size_t o = 0;
    int k;
    o += (size_t)snprintf(v + o, sizeof v - o, "ca");
    for (k = 0; k < 18; k++) {
      o += (size_t)snprintf(v + o, sizeof v - o, "; p%d=%d", k, k);
    }
    o += (size_t)snprintf(v + o, sizeof v - o, "; accounturi=u");
    value_counts(P8659, v, 19, 1, "u", 0, "");
    snprintf(v + o, sizeof v - o, ";");
    value_err(P8659, v, CABREF_CAA_VALUE_TRAILING_SEMICOLON, o);
  }
  /* A long value: 65533 octets of one issuer label, and one more octet than any RDATA holds. */
  {
    uint8_t *big = malloc(65536);
    cabref_caa_issue_value out;
    size_t pos = 0;
    if (big == NULL) {
      check(0, "malloc", "65536");
      return;
    }
    memset(big, 'a', 65536);
    check(cabref_caa_issue_value_parse(big, 65533, P8659, &out, &pos) == CABREF_CAA_VALUE_OK &&
              out.issuer_off == 0 && out.issuer_len == 65533,
          "rfc8659: 65533-octet issuer", "aaa...");
    big[65532] = ';';
    big[65531] = ' ';
    check(cabref_caa_issue_value_parse(big, 65533, P8659, &out, &pos) == CABREF_CAA_VALUE_OK &&
              out.issuer_len == 65531,
          "rfc8659: 65533 octets with ';'", "aaa... ;");
    check(cabref_caa_issue_value_parse(big, 65536, P8659, &out, &pos) ==
                  CABREF_CAA_VALUE_UNEXPECTED &&
              pos == 65535,
          "rfc8659: 65536 octets", "aaa...");
    free(big);
  }
}

/* ---- validationmethods (RFC 8657 §4) --------------------------------------------------------- */

static void methods(const char *v, const char *m, cabref_caa_methods_result want) {
  char what[160];
  cabref_caa_methods_result got =
      cabref_caa_methods_contains((const uint8_t *)v, strlen(v), m, strlen(m));
  snprintf(what, sizeof what, "methods, method \"%s\": want %d, got %d", m, (int)want, (int)got);
  check(got == want, what, v);
}

static void test_methods(void) {
  methods("dns-01,http-01", "dns-01", CABREF_CAA_METHODS_MATCH);
  methods("dns-01,http-01", "http-01", CABREF_CAA_METHODS_MATCH);
  methods("dns-01,http-01", "tls-alpn-01", CABREF_CAA_METHODS_NO_MATCH);
  methods("dns-01,http-01", "dns-0", CABREF_CAA_METHODS_NO_MATCH);
  methods("dns-01,http-01", "dns-01,", CABREF_CAA_METHODS_NO_MATCH);
  methods("dns-01,http-01", "dns-01,http-01", CABREF_CAA_METHODS_NO_MATCH);
  methods("dns-01,http-01", "", CABREF_CAA_METHODS_NO_MATCH);
  methods("dns-01", "dns-01", CABREF_CAA_METHODS_MATCH);
  methods("DNS-01", "dns-01", CABREF_CAA_METHODS_MATCH);
  methods("dns-01", "DNS-01", CABREF_CAA_METHODS_MATCH);
  methods("ca-tbr-7", "CA-TBR-7", CABREF_CAA_METHODS_MATCH);
  methods("-", "-", CABREF_CAA_METHODS_MATCH);
  methods("", "dns-01", CABREF_CAA_METHODS_NO_MATCH); /* zero labels: matches nothing */
  methods("", "", CABREF_CAA_METHODS_NO_MATCH);
  methods(",", "dns-01", CABREF_CAA_METHODS_MALFORMED);
  methods("a,,b", "a", CABREF_CAA_METHODS_MALFORMED);
  methods("dns-01,", "dns-01", CABREF_CAA_METHODS_MALFORMED);
  methods(",dns-01", "dns-01", CABREF_CAA_METHODS_MALFORMED);
  methods("dns-01, http-01", "dns-01", CABREF_CAA_METHODS_MALFORMED);
  methods("dns_01", "dns_01", CABREF_CAA_METHODS_MALFORMED);
  methods("dns-01;http-01", "dns-01", CABREF_CAA_METHODS_MALFORMED);
  methods("dns-01,a,,b", "dns-01", CABREF_CAA_METHODS_MALFORMED);
  methods("dns-01,http-01\x80", "dns-01", CABREF_CAA_METHODS_MALFORMED);
}

/* ---- iodef (RFC 8659 §4.4) ------------------------------------------------------------------ */

static void iodef(const char *v, cabref_caa_iodef_scheme want) {
  char what[120];
  cabref_caa_iodef_scheme got = cabref_caa_iodef_parse((const uint8_t *)v, strlen(v));
  snprintf(what, sizeof what, "iodef: want %d, got %d", (int)want, (int)got);
  check(got == want, what, v);
}

static void test_iodef(void) {
  iodef("mailto:security@example.com", CABREF_CAA_IODEF_MAILTO);
  iodef("MailTo:security@example.com", CABREF_CAA_IODEF_MAILTO);
  iodef("http://iodef.example.com/", CABREF_CAA_IODEF_HTTP);
  iodef("HTTP://iodef.example.com/", CABREF_CAA_IODEF_HTTP);
  iodef("https://iodef.example.com/", CABREF_CAA_IODEF_HTTPS);
  iodef("hTtPs:", CABREF_CAA_IODEF_HTTPS);
  iodef("ftp://iodef.example.com/", CABREF_CAA_IODEF_OTHER);
  iodef("httpx://a", CABREF_CAA_IODEF_OTHER);
  iodef("mailtox:a", CABREF_CAA_IODEF_OTHER);
  iodef("a+b-c.d9:x", CABREF_CAA_IODEF_OTHER);
  iodef("x:", CABREF_CAA_IODEF_OTHER);
  iodef("", CABREF_CAA_IODEF_MALFORMED);
  iodef(":x", CABREF_CAA_IODEF_MALFORMED);
  iodef("1http://x", CABREF_CAA_IODEF_MALFORMED);
  iodef("+x:y", CABREF_CAA_IODEF_MALFORMED);
  iodef("mailto", CABREF_CAA_IODEF_MALFORMED);
  iodef("security@example.com", CABREF_CAA_IODEF_MALFORMED);
  iodef("ht_tp://x", CABREF_CAA_IODEF_MALFORMED);
  iodef("https ://x", CABREF_CAA_IODEF_MALFORMED);
  iodef("mailto:a b@example.com", CABREF_CAA_IODEF_MALFORMED);
  iodef("https://x/\x80", CABREF_CAA_IODEF_MALFORMED);
  iodef("https://x/\x7f", CABREF_CAA_IODEF_MALFORMED);
  iodef("https://x/\t", CABREF_CAA_IODEF_MALFORMED);
}

int main(void) {
  test_rdata();
  test_value_8659();
  test_value_6844();
  test_params();
  test_methods();
  test_iodef();
  printf("%lu passed, %lu failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
