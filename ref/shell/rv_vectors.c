/* cabref shell: cabref's own answers to the Random Value vectors (vectors/random-value.json,
 * types Rv*Test), through the same functions the CLI uses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cabref/adn_shell.h"
#include "cabref/rv_shell.h"
#include "cabref/rv_token.h"
#include "shell.h"

json_t *cabref_rv_answer(const char *type, json_t *input, json_int_t tc);

static json_t *answer(json_int_t tc, const char *result) {
  return json_pack("{s:I, s:s, s:[]}", "tcId", tc, "result", result, "reason");
}

static json_t *invalid(json_int_t tc, const char *reason) {
  return json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", "invalid", "reason", reason);
}

static json_t *unsupported(json_int_t tc, const char *why) {
  return json_pack("{s:I, s:s, s:s}", "tcId", tc, "result", "unsupported", "detail", why);
}

/* A JSON integer as uint32_t; a value outside 0 .. 2^32-1 becomes UINT32_MAX (out of range for
 * every core function that takes it). */
static uint32_t u32(json_t *o, const char *key) {
  json_int_t v = json_integer_value(json_object_get(o, key));
  return v < 0 || v > (json_int_t)UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

static json_t *entropy(json_t *in, json_int_t tc) {
  uint32_t b = 0;
  int m = 0;
  json_t *r;
  json_int_t len = json_integer_value(json_object_get(in, "length"));
  uint32_t l = len < 0 || len > (json_int_t)UINT32_MAX ? UINT32_MAX : (uint32_t)len;
  if (cabref_rv_entropy_bits(u32(in, "alphabetSize"), l, &b) != CABREF_OK ||
      cabref_rv_entropy_meets(u32(in, "alphabetSize"), l, u32(in, "threshold"), &m) != CABREF_OK)
    return invalid(tc, "out-of-range");
  r = answer(tc, "valid");
  json_object_set_new(r, "bits", json_integer(b));
  json_object_set_new(r, "meets", json_boolean(m));
  return r;
}

static json_t *min_length(json_t *in, json_int_t tc) {
  uint32_t l = 0;
  json_t *r;
  if (cabref_rv_min_length(u32(in, "alphabetSize"), u32(in, "threshold"), &l) != CABREF_OK)
    return invalid(tc, "out-of-range");
  r = answer(tc, "valid");
  json_object_set_new(r, "length", json_integer(l));
  return r;
}

static json_t *value(json_t *in, json_int_t tc) {
  cabref_rv_alphabet a;
  cabref_rv_facts f;
  cabref_error err;
  uint32_t channel = CABREF_RV_CHANNEL_EXACT;
  const char *alpha = json_string_value(json_object_get(in, "alphabet"));
  const char *ch = json_string_value(json_object_get(in, "channel"));
  json_t *v = json_object_get(in, "value");
  json_t *r;
  if (alpha == NULL || !json_is_string(v) ||
      (ch != NULL && cabref_rv_channel_parse(ch, &channel) != 0))
    return unsupported(tc, "input needs value, alphabet and a known channel");
  if (cabref_rv_alphabet_parse(alpha, &a, &err) != CABREF_OK)
    return invalid(tc, a.fault ? a.fault : "bad-alphabet");
  if (cabref_rv_value_check(json_string_value(v), json_string_length(v), &a, channel,
                            u32(in, "threshold"), &f, &err) != CABREF_OK) {
    r = invalid(tc, f.fault ? f.fault : "invalid");
    json_object_set_new(r, "column", json_integer((json_int_t)err.column));
    return r;
  }
  r = answer(tc, "valid");
  json_object_set_new(r, "length", json_integer(f.length));
  json_object_set_new(r, "capacityBits", json_integer(f.capacity_bits));
  json_object_set_new(r, "canonical", json_boolean(f.canonical));
  json_object_set_new(r, "channelBits", json_integer(f.channel_bits));
  json_object_set_new(r, "verdict",
                      json_string(f.channel_meets ? "capacity-sufficient" : "too-weak"));
  if (channel == CABREF_RV_CHANNEL_DNS_LABEL)
    json_object_set_new(r, "fitsLabel", json_boolean(f.channel_fits));
  return r;
}

static json_t *alphabet(json_t *in, json_int_t tc) {
  cabref_rv_alphabet a;
  cabref_error err;
  const char *spec = json_string_value(json_object_get(in, "alphabet"));
  json_t *r;
  if (spec == NULL)
    return unsupported(tc, "input needs alphabet");
  if (cabref_rv_alphabet_parse(spec, &a, &err) != CABREF_OK) {
    r = invalid(tc, a.fault ? a.fault : "bad-alphabet");
    json_object_set_new(r, "column", json_integer((json_int_t)err.column));
    return r;
  }
  r = answer(tc, "valid");
  json_object_set_new(r, "size", json_integer(a.size));
  json_object_set_new(r, "symbols", json_string(a.symbols));
  return r;
}

static json_t *rejection(json_t *in, json_int_t tc) {
  cabref_rv_alphabet a;
  cabref_error err;
  uint8_t octets[1024];
  char out[1024 + 1];
  size_t consumed = 0, emitted = 0;
  const char *hex = json_string_value(json_object_get(in, "octets"));
  const char *spec = json_string_value(json_object_get(in, "alphabet"));
  uint32_t want = u32(in, "want");
  size_t n;
  json_t *r;
  if (hex == NULL || spec == NULL || strlen(hex) > 2 * sizeof octets || want > 1024 ||
      cabref_hex_decode(hex, strlen(hex), octets) != 0 ||
      cabref_rv_alphabet_parse(spec, &a, &err) != CABREF_OK)
    return unsupported(tc, "input needs octets (hex), a valid alphabet and want <= 1024");
  n = strlen(hex) / 2;
  if (cabref_rv_map_octets(octets, n, a.symbols, a.size, out, want, &consumed, &emitted) !=
      CABREF_OK)
    return invalid(tc, "out-of-range");
  out[emitted] = '\0';
  r = answer(tc, "valid");
  json_object_set_new(r, "limit", json_integer(cabref_rv_reject_limit(a.size)));
  json_object_set_new(r, "symbols", json_string(out));
  json_object_set_new(r, "consumed", json_integer((json_int_t)consumed));
  return r;
}

static json_t *generated_length(json_t *in, json_int_t tc) {
  cabref_rv_alphabet a;
  cabref_error err;
  uint32_t len = 0;
  uint32_t bits = u32(in, "bits");
  const char *spec = json_string_value(json_object_get(in, "alphabet"));
  json_t *r;
  if (spec == NULL || cabref_rv_alphabet_parse(spec, &a, &err) != CABREF_OK)
    return unsupported(tc, "input needs a valid alphabet");
  if (bits < 112)
    return invalid(tc, "below-112");
  if (cabref_rv_generated_length(&a, bits, &len) != CABREF_OK)
    return invalid(tc, "out-of-range");
  r = answer(tc, "valid");
  json_object_set_new(r, "length", json_integer(len));
  return r;
}

/* "N" or "N/D" */
static int parse_h(const char *s, uint32_t *num, uint32_t *den) {
  unsigned n = 0, d = 1;
  int used = 0;
  if (s == NULL)
    return -1;
  if (strchr(s, '/') != NULL) {
    if (sscanf(s, "%u/%u%n", &n, &d, &used) != 2 || (size_t)used != strlen(s))
      return -1;
  } else if (sscanf(s, "%u%n", &n, &used) != 1 || (size_t)used != strlen(s)) {
    return -1;
  }
  *num = n;
  *den = d;
  return 0;
}

static json_t *health_cutoff(json_t *in, json_int_t tc) {
  const char *test = json_string_value(json_object_get(in, "test"));
  uint32_t n = 0, d = 1, c = 0;
  uint32_t a = u32(in, "alphaLog2");
  cabref_status st;
  json_t *r;
  if (test == NULL || parse_h(json_string_value(json_object_get(in, "h")), &n, &d) != 0)
    return unsupported(tc, "input needs test and h");
  if (strcmp(test, "rct") == 0)
    st = cabref_rv_rct_cutoff(a, n, d, &c);
  else if (d != 1)
    st = CABREF_E_RANGE; /* RV-HEALTH-APT-CUTOFF: whole bits only */
  else
    st = cabref_rv_apt_cutoff(CABREF_RV_APT_WINDOW, n, a, strcmp(test, "apt-corrected") == 0, &c);
  if (st != CABREF_OK)
    return invalid(tc, "out-of-range");
  r = answer(tc, "valid");
  json_object_set_new(r, "cutoff", json_integer(c));
  return r;
}

static json_t *health_run(json_t *in, json_int_t tc) {
  cabref_rv_health hs;
  cabref_error err;
  const char *hex = json_string_value(json_object_get(in, "octets"));
  uint8_t octets[8192];
  size_t n, i;
  const char *failed = "none";
  json_int_t at = 0;
  json_t *r;
  if (hex == NULL || strlen(hex) > 2 * sizeof octets ||
      cabref_hex_decode(hex, strlen(hex), octets) != 0)
    return unsupported(tc, "input needs octets (hex, at most 8192)");
  if (cabref_rv_health_start(&hs, 1, u32(in, "h"), u32(in, "alphaLog2"), &err) != CABREF_OK)
    return invalid(tc, "out-of-range");
  n = strlen(hex) / 2;
  for (i = 0; i < n; i++) {
    int rc = cabref_rv_rct_feed(&hs.rct, octets[i]);
    int ap = cabref_rv_apt_feed(&hs.apt, octets[i]);
    if (rc || ap) {
      failed = rc ? "rct" : "apt";
      at = (json_int_t)(i + 1);
      break;
    }
  }
  r = answer(tc, "valid");
  json_object_set_new(r, "failed", json_string(failed));
  json_object_set_new(r, "at", json_integer(at));
  return r;
}

static json_t *window(json_t *in, json_int_t tc) {
  cabref_rv_use use;
  cabref_rv_window w;
  cabref_instant at = 0;
  const char *m = json_string_value(json_object_get(in, "method"));
  const char *created = json_string_value(json_object_get(in, "created"));
  const char *at_s = json_string_value(json_object_get(in, "at"));
  const char *issued = json_string_value(json_object_get(in, "issued"));
  unsigned sec = 4, num = 0;
  int used = 0;
  char buf[40];
  cabref_rv_use_verdict v;
  json_t *r;
  memset(&use, 0, sizeof use);
  if (m == NULL || created == NULL || at_s == NULL)
    return unsupported(tc, "input needs method, created and at");
  if (sscanf(m, "3.2.2.%u.%u%n", &sec, &num, &used) != 2 || (size_t)used != strlen(m))
    return unsupported(tc, "method is 3.2.2.4.N or 3.2.2.5.N");
  use.section = sec;
  use.method = num;
  if (cabref_adn_parse_date(created, &use.created) != 0 || cabref_adn_parse_date(at_s, &at) != 0 ||
      (issued != NULL && cabref_adn_parse_date(issued, &use.issuance) != 0))
    return invalid(tc, "bad-time");
  if (issued == NULL)
    use.issuance = at;
  use.applicant_submitted = json_is_true(json_object_get(in, "applicantSubmitted"));
  use.dns_shorter = json_is_true(json_object_get(in, "dnsShorter"));
  use.cps_days = u32(in, "cpsDays");
  if (cabref_rv_window_of(&use, &w) != CABREF_OK) {
    uint32_t rule = (uint32_t)cabref_rv_rule_of(use.section, use.method);
    if (rule == CABREF_RV_RULE_NONE)
      return invalid(tc, "no-random-value");
    if (rule == CABREF_RV_RULE_UNSTATED && use.cps_days == 0)
      return invalid(tc, "unstated-period");
    return invalid(tc, "out-of-range");
  }
  v = cabref_rv_use_check(use.created, w.deadline, at);
  r = answer(tc, "valid");
  json_object_set_new(r, "rule", json_string(cabref_rv_rule_name(w.rule)));
  cabref_adn_format_instant(w.deadline, buf, sizeof buf);
  json_object_set_new(r, "deadline", json_string(buf));
  json_object_set_new(r, "use", json_string(cabref_rv_use_name(v)));
  return r;
}

/* ---- Request Tokens and ACME (vectors/request-token.json) ---- */

static uint32_t alg_by_name(const char *name) {
  uint32_t a;
  for (a = 0; name != NULL && a <= CABREF_RV_ALG_MAX; a++)
    if (strcmp(cabref_rv_alg_name(a), name) == 0)
      return a;
  return CABREF_RV_ALG_UNKNOWN;
}

static json_t *rt_strength(json_t *in, json_int_t tc) {
  uint32_t b = alg_by_name(json_string_value(json_object_get(in, "binding")));
  uint32_t s = alg_by_name(json_string_value(json_object_get(in, "signature")));
  json_t *r;
  if (cabref_rv_binding_ok(b, s))
    r = answer(tc, "valid");
  else
    r = invalid(tc, cabref_rv_alg_strength(b) == 0 || cabref_rv_alg_strength(s) == 0
                        ? "unknown-algorithm"
                        : "weaker-binding");
  json_object_set_new(r, "bindingStrength", json_integer(cabref_rv_alg_strength(b)));
  json_object_set_new(r, "signatureStrength", json_integer(cabref_rv_alg_strength(s)));
  return r;
}

static json_t *rt_timestamp(json_t *in, json_int_t tc) {
  json_t *v = json_object_get(in, "timestamp");
  cabref_instant t = 0;
  int32_t y, mo, d, h, mi, se;
  char buf[32];
  cabref_status st;
  json_t *r;
  if (!json_is_string(v))
    return unsupported(tc, "input needs timestamp");
  st = cabref_rv_token_timestamp(json_string_value(v), json_string_length(v), &t);
  if (st == CABREF_E_SYNTAX)
    return invalid(tc, "malformed");
  if (st != CABREF_OK || cabref_utc_from_instant(t, &y, &mo, &d, &h, &mi, &se) != CABREF_OK)
    return invalid(tc, "bad-time");
  snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", (int)y, (int)mo, (int)d, (int)h,
           (int)mi, (int)se);
  r = answer(tc, "valid");
  json_object_set_new(r, "instant", json_string(buf));
  return r;
}

static json_t *rt_time(json_t *in, json_int_t tc) {
  cabref_instant ts = 0, at = 0;
  const char *a = json_string_value(json_object_get(in, "timestamp"));
  const char *b = json_string_value(json_object_get(in, "at"));
  cabref_rv_token_time_verdict v;
  if (a == NULL || b == NULL || cabref_adn_parse_date(a, &ts) != 0 ||
      cabref_adn_parse_date(b, &at) != 0)
    return unsupported(tc, "input needs timestamp and at as UTC instants");
  v = cabref_rv_token_time(ts, at);
  if (v == CABREF_RV_TOKEN_FUTURE)
    return invalid(tc, "future-timestamp");
  if (v == CABREF_RV_TOKEN_EXPIRED)
    return invalid(tc, "expired");
  return answer(tc, "valid");
}

static json_t *rt_token(json_t *in, json_int_t tc) {
  const char *token = json_string_value(json_object_get(in, "token"));
  json_t *csr = json_object_get(in, "csr");
  const char *bind = json_string_value(json_object_get(in, "bind"));
  const char *at_s = json_string_value(json_object_get(in, "at"));
  cabref_instant at = 0;
  cabref_rv_request req;
  cabref_rv_token_result r;
  cabref_error err;
  if (token == NULL || !json_is_string(csr) || at_s == NULL ||
      cabref_adn_parse_date(at_s, &at) != 0)
    return unsupported(tc, "input needs token, csr, bind and at");
  if (cabref_rv_request_read((const uint8_t *)json_string_value(csr), json_string_length(csr), &req,
                             &err) != CABREF_OK)
    return invalid(tc, "bad-request");
  cabref_rv_token_check(
      token, &req,
      bind != NULL && strcmp(bind, "spki") == 0 ? CABREF_RV_BIND_SPKI : CABREF_RV_BIND_CSR, at, &r);
  cabref_rv_request_free(&req);
  if (strcmp(r.verdict, "valid") != 0)
    return invalid(tc, r.verdict);
  /* RV-TOKEN-SINGLE-USE: without a ledger a token without timestamp does not pass. */
  if (r.ts_kind == CABREF_RV_TS_NONE)
    return invalid(tc, "single-use-unverified");
  return answer(tc, "valid");
}

static json_t *rt_acme(json_t *in, json_int_t tc) {
  const char *token = json_string_value(json_object_get(in, "token"));
  json_t *jwk = json_object_get(in, "jwk");
  const char *problem;
  char *text;
  char thumb[64], ka[512], dns[64];
  cabref_error err;
  cabref_status st;
  json_t *r;
  if (token == NULL || !json_is_object(jwk))
    return unsupported(tc, "input needs token and jwk");
  problem = cabref_rv_acme_token_problem(token, NULL);
  text = json_dumps(jwk, JSON_COMPACT);
  st = cabref_rv_acme_thumbprint((const uint8_t *)text, strlen(text), thumb, sizeof thumb, &err);
  free(text);
  if (st != CABREF_OK)
    return invalid(tc, "bad-key");
  if (problem != NULL)
    return invalid(tc, problem);
  if (cabref_rv_acme_key_authorization(token, thumb, ka, sizeof ka) != CABREF_OK ||
      cabref_rv_acme_dns01(ka, dns, sizeof dns) != CABREF_OK)
    return invalid(tc, "malformed");
  r = answer(tc, "valid");
  json_object_set_new(r, "thumbprint", json_string(thumb));
  json_object_set_new(r, "keyAuthorization", json_string(ka));
  json_object_set_new(r, "dns01", json_string(dns));
  return r;
}

json_t *cabref_rv_answer(const char *type, json_t *input, json_int_t tc) {
  if (strcmp(type, "RtStrengthTest") == 0)
    return rt_strength(input, tc);
  if (strcmp(type, "RtTimestampTest") == 0)
    return rt_timestamp(input, tc);
  if (strcmp(type, "RtTimeTest") == 0)
    return rt_time(input, tc);
  if (strcmp(type, "RtTokenTest") == 0)
    return rt_token(input, tc);
  if (strcmp(type, "RtAcmeTest") == 0)
    return rt_acme(input, tc);
  if (strcmp(type, "RvEntropyTest") == 0)
    return entropy(input, tc);
  if (strcmp(type, "RvMinLengthTest") == 0)
    return min_length(input, tc);
  if (strcmp(type, "RvValueTest") == 0)
    return value(input, tc);
  if (strcmp(type, "RvAlphabetTest") == 0)
    return alphabet(input, tc);
  if (strcmp(type, "RvRejectionTest") == 0)
    return rejection(input, tc);
  if (strcmp(type, "RvGeneratedLengthTest") == 0)
    return generated_length(input, tc);
  if (strcmp(type, "RvHealthCutoffTest") == 0)
    return health_cutoff(input, tc);
  if (strcmp(type, "RvHealthRunTest") == 0)
    return health_run(input, tc);
  if (strcmp(type, "RvWindowTest") == 0)
    return window(input, tc);
  return unsupported(tc, "unknown Rv test type");
}
