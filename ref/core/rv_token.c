/* cabref: the parts of a Request Token's check that are rules (spec/random-value.md
 * RV-TOKEN-STRENGTH, RV-TOKEN-TIMESTAMP, RV-TOKEN-TIME).
 *
 * Ballot 169 (BR 1.6.1 "Request Token"): the token incorporates the request's key; its binding
 * uses "a signature algorithm and key size or hash algorithm at least as strong as" the one that
 * signed the request; a token with a timestamp is valid for no more than 30 days from its
 * creation and invalid if its timestamp is in the future. The shell hashes and compares; the
 * core compares strengths and instants. */
#include "cabref/rv.h"

uint32_t cabref_rv_alg_strength(uint32_t alg) {
  /* NIST SP 800-57 Part 1 Rev. 5, Table 3: the security strength of a hash function for
   * collision resistance (what a binding needs), and the curve's strength for EdDSA. */
  switch (alg) {
  case CABREF_RV_ALG_SHA1:
    return 80u; /* "<= 80": collisions have been found; the table's bound is used */
  case CABREF_RV_ALG_SHA224:
  case CABREF_RV_ALG_SHA512_224:
  case CABREF_RV_ALG_SHA3_224:
    return 112u;
  case CABREF_RV_ALG_SHA256:
  case CABREF_RV_ALG_SHA512_256:
  case CABREF_RV_ALG_SHA3_256:
  case CABREF_RV_ALG_ED25519:
    return 128u;
  case CABREF_RV_ALG_SHA384:
  case CABREF_RV_ALG_SHA3_384:
    return 192u;
  case CABREF_RV_ALG_ED448:
    return 224u;
  case CABREF_RV_ALG_SHA512:
  case CABREF_RV_ALG_SHA3_512:
    return 256u;
  default:
    return 0u; /* MD5 (broken) and anything unknown */
  }
}

int cabref_rv_binding_ok(uint32_t binding, uint32_t signature) {
  uint32_t b = cabref_rv_alg_strength(binding);
  uint32_t s = cabref_rv_alg_strength(signature);
  /* An unknown strength on either side cannot show "at least as strong": refuse. */
  return (b > 0u && s > 0u && b >= s) ? 1 : 0;
}

/* The decimal value of s[i] s[i+1]. */
/*@
  requires valid: \valid_read(s + (i .. i + 1));
  requires index: i <= 64;
  requires digits: TokenDigit(s[i]) && TokenDigit(s[i + 1]);
  assigns \nothing;
  ensures value: \result == Num2(s, i);
  ensures range: 0 <= \result <= 99;
*/
static int32_t two_digits(const char *s, size_t i) {
  return (int32_t)(s[i] - '0') * 10 + (int32_t)(s[i + 1] - '0');
}

cabref_status cabref_rv_token_timestamp(const char *s, size_t n, cabref_instant *t) {
  size_t i;
  int32_t year;
  int32_t month;
  int32_t day;
  int32_t hour;
  int32_t minute;
  int32_t second = 0;
  cabref_instant at = 0;
  cabref_status st;
  if (n != 12 && n != 14) {
    return CABREF_E_SYNTAX;
  }
  /*@
    loop invariant i_range: 0 <= i <= n;
    loop invariant digits: TokenDigits(s, i);
    loop assigns i;
    loop variant n - i;
  */
  for (i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') {
      return CABREF_E_SYNTAX;
    }
  }
  if (n == 14) {
    second = two_digits(s, 12);
  }
  /* The BR's example is `date -u +%Y%m%d%H%M`: UTC, to the minute. */
  year = two_digits(s, 0) * 100 + two_digits(s, 2);
  month = two_digits(s, 4);
  day = two_digits(s, 6);
  hour = two_digits(s, 8);
  minute = two_digits(s, 10);
  /*@ assert fields: year == Num4(s, 0) && month == Num2(s, 4) && day == Num2(s, 6) &&
        hour == Num2(s, 8) && minute == Num2(s, 10) && second == TokenSecond(s, n); */
  /*@ assert valid: TokenTimeValid(s, n) <==>
        ValidDate(year, month, day) && ValidClock(hour, minute, second); */
  /*@ assert instant: TokenInstant(s, n) == InstantOf(year, month, day, hour, minute, second); */
  st = cabref_instant_from_utc(year, month, day, hour, minute, second, &at);
  if (st == CABREF_OK) {
    *t = at;
  }
  return st;
}

cabref_rv_token_time_verdict cabref_rv_token_time(cabref_instant ts, cabref_instant at) {
  /* "SHALL be treated as invalid if its timestamp is in the future": no skew allowance. */
  if (ts > at) {
    return CABREF_RV_TOKEN_FUTURE;
  }
  /* "valid for no more than 30 days from the time of creation". */
  if (at - ts > CABREF_RV_30_DAYS) {
    return CABREF_RV_TOKEN_EXPIRED;
  }
  return CABREF_RV_TOKEN_VALID;
}
