/* libFuzzer target: the issue/issuewild value parser, the validationmethods list and the iodef
 * scheme (ref/core/caa_value.c) against the grammar twins of fuzz/caa_twin.h.
 *
 * Requirements: CAA-VALUE-8659, CAA-VALUE-6844, CAA-VALUE-BYTES, CAA-PARAM-CASE,
 * CAA-PARAM-METHODS, CAA-IODEF, CAA-DETAIL-OFFSET, CAA-DETAIL-CODES, CAA-DETAIL-6844,
 * CAA-DETAIL-LABELS, CAA-DETAIL-IODEF. What a malformed value or a parameter means for the
 * decision (CAA-VALUE-MALFORMED, CAA-PARAM-ACCOUNTURI) is checked by caa_rdata.
 *
 * The whole input is the value, copied into an exactly sized heap buffer so that ASan reports any
 * read past its end. Under both profiles the parser must accept exactly what the twin accepts,
 * and on acceptance give the twin's issuer span, parameter count, parameter spans (the offset of
 * an empty parameter value is not compared: the ABNF puts it anywhere in the blanks after '=')
 * and RFC 8657 parameter counts and first spans. On refusal the code is one of the value errors,
 * the position lies inside the value (or at its end), and a non-ascii / control code names such
 * an octet. The methods list is checked against the twin with fixed methods, with the value's own
 * first label (so matches happen), and with the value of every validationmethods parameter found.
 * iodef: the scheme reported must be the twin's (scheme before the first ':', printable text).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caa_twin.h"
#include "cabref/caa_record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

static void check_methods(const uint8_t *v, size_t len, const char *m, size_t mlen) {
  cabref_caa_methods_result r = cabref_caa_methods_contains(v, len, m, mlen);
  CHECK((int)r == caa_twin_methods(v, len, m, mlen));
}

static void all_methods(const uint8_t *v, size_t len) {
  static const char *fixed[] = {"dns-01", "http-01", "tls-alpn-01", "DNS-01", ""};
  char own[CABREF_CAA_MAX_METHOD];
  size_t k, n = 0;
  for (k = 0; k < sizeof fixed / sizeof fixed[0]; k++)
    check_methods(v, len, fixed[k], strlen(fixed[k]));
  while (n < len && n < sizeof own && v[n] != ',') {
    own[n] = (char)v[n];
    n++;
  }
  check_methods(v, len, own, n);
}

static void check_profile(const uint8_t *v, size_t len, cabref_caa_profile profile) {
  cabref_caa_issue_value out;
  caa_twin_value tw;
  size_t pos = (size_t)-1, k;
  cabref_caa_value_error e;
  int twin;

  memset(&out, 0xa5, sizeof out);
  e = cabref_caa_issue_value_parse(v, len, profile, &out, &pos);
  twin = profile == CABREF_CAA_PROFILE_RFC8659 ? caa_twin_value_8659(v, len, &tw)
                                               : caa_twin_value_6844(v, len, &tw);
  if ((e == CABREF_CAA_VALUE_OK) != (twin == 1)) {
    fprintf(stderr, "profile %d: core %d (at %zu), twin %d\n", (int)profile, (int)e, pos, twin);
    CHECK((e == CABREF_CAA_VALUE_OK) == (twin == 1));
  }
  if (e != CABREF_CAA_VALUE_OK) {
    CHECK(e >= CABREF_CAA_VALUE_BAD_ISSUER && e <= CABREF_CAA_VALUE_UNEXPECTED);
    CHECK(pos <= len);
    if (e == CABREF_CAA_VALUE_NON_ASCII)
      CHECK(pos < len && v[pos] >= 0x80u);
    if (e == CABREF_CAA_VALUE_CONTROL)
      CHECK(pos < len && (v[pos] < 0x20u || v[pos] == 0x7fu));
    /* CAA-DETAIL-OFFSET: the longest viable prefix; CAA-DETAIL-CODES: what was expected. */
    {
      uint8_t *scratch = malloc(len + 2);
      size_t want;
      int code;
      CHECK(scratch != NULL);
      want = caa_twin_error_pos(v, len, (int)profile, scratch);
      free(scratch);
      code = caa_twin_error_code(v, len, want, (int)profile);
      want = caa_twin_report_pos(v, len, (int)profile, want, code);
      if (pos != want || (code >= 0 && (int)e != code))
        fprintf(stderr, "profile %d: core %d at %zu, twin %d at %zu\n", (int)profile, (int)e, pos,
                code, want);
      CHECK(pos == want);
      CHECK(code < 0 || (int)e == code);
    }
    return;
  }
  CHECK(out.issuer_len == tw.issuer_len);
  CHECK((size_t)out.issuer_off + out.issuer_len <= len);
  if (tw.issuer_len > 0)
    CHECK(out.issuer_off == tw.issuer_off);
  CHECK(out.n_params == tw.n_params);
  for (k = 0; k < tw.n_params && k < CABREF_CAA_MAX_PARAMS; k++) {
    const cabref_caa_param *p = &out.params[k];
    CHECK((size_t)p->tag_off + p->tag_len <= len && (size_t)p->value_off + p->value_len <= len);
    CHECK(p->tag_off == tw.params[k].tag_off && p->tag_len == tw.params[k].tag_len);
    CHECK(p->value_len == tw.params[k].value_len);
    if (p->value_len > 0)
      CHECK(p->value_off == tw.params[k].value_off);
  }
  CHECK(out.n_accounturi == tw.n_accounturi);
  CHECK(out.n_validationmethods == tw.n_validationmethods);
  if (tw.n_accounturi > 0) {
    CHECK(out.accounturi.tag_off == tw.accounturi.tag_off);
    CHECK(out.accounturi.value_len == tw.accounturi.value_len);
    if (tw.accounturi.value_len > 0)
      CHECK(out.accounturi.value_off == tw.accounturi.value_off);
  }
  if (tw.n_validationmethods > 0) {
    CHECK(out.validationmethods.tag_off == tw.validationmethods.tag_off);
    CHECK(out.validationmethods.value_len == tw.validationmethods.value_len);
    if (tw.validationmethods.value_len > 0)
      CHECK(out.validationmethods.value_off == tw.validationmethods.value_off);
    all_methods(v + tw.validationmethods.value_off, tw.validationmethods.value_len);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint8_t *v;
  cabref_caa_iodef_scheme s;

  if (size > CABREF_CAA_MAX_RDATA)
    return 0;
  v = malloc(size > 0 ? size : 1);
  CHECK(v != NULL);
  if (size > 0)
    memcpy(v, data, size);

  check_profile(v, size, CABREF_CAA_PROFILE_RFC8659);
  check_profile(v, size, CABREF_CAA_PROFILE_RFC6844_E5065);
  all_methods(v, size);

  /* CAA-IODEF: the scheme, against the twin. */
  s = cabref_caa_iodef_parse(v, size);
  if ((int)s != caa_twin_iodef(v, size))
    fprintf(stderr, "iodef: core %d, twin %d\n", (int)s, caa_twin_iodef(v, size));
  CHECK((int)s == caa_twin_iodef(v, size));
  free(v);
  return 0;
}
