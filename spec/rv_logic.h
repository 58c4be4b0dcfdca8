/* cabref: the logic of spec/random-value.md, in ACSL, for the contracts of
 * ref/include/cabref/rv.h.
 *
 * ACSL only: a C compiler sees nothing but comments. rv.h includes this file when __FRAMAC__ is
 * defined. Everything is a definition (no axiomatic blocks, no axioms, no lemmas that a prover
 * would have to prove by induction: the inductive facts the proofs need are ghost functions with
 * loops in the modules that use them).
 */
#ifndef CABREF_RV_LOGIC_H
#define CABREF_RV_LOGIC_H

/*@
  // a to the power n (n >= 0); Pow(a, n) == 1 for n <= 0.
  logic integer Pow(integer a, integer n) = n <= 0 ? 1 : a * Pow(a, n - 1);

  // RV-ENTROPY-BITS: b is the whole-bit entropy of l symbols drawn uniformly and independently
  // from an alphabet of a symbols: 2^b <= a^l < 2^(b+1), i.e. b = floor(l * log2 a). The first
  // half says the bound never overstates; the second that it is the largest such b.
  predicate EntropyBits(integer a, integer l, integer b) =
    Pow(2, b) <= Pow(a, l) && Pow(a, l) < Pow(2, b + 1);

  // RV-ENTROPY-MEETS: l such symbols carry at least t bits: a^l >= 2^t.
  predicate EntropyMeets(integer a, integer l, integer t) = Pow(a, l) >= Pow(2, t);

  // RV-MIN-LENGTH: l is the fewest symbols that carry t bits (a >= 2).
  predicate MinLength(integer a, integer t, integer l) =
    EntropyMeets(a, l, t) && (l == 0 || !EntropyMeets(a, l - 1, t));

  // RV-REJECTION: the largest multiple of a that is at most 256: an octet below it maps to
  // symbol (octet mod a) with every symbol equally likely; an octet at or above it is rejected.
  logic integer RejectLimit(integer a) = 256 - 256 % a;

  // c is one of the a symbols of the alphabet.
  predicate IsSymbol{L}(char *alphabet, integer a, integer c) =
    \exists integer j; 0 <= j < a && alphabet[j] == c;

  // The number of octets of src[0 .. n-1] that are below lim (accepted).
  logic integer Accepted{L}(uint8_t *src, integer n, integer lim) =
    n <= 0 ? 0 : Accepted(src, n - 1, lim) + (src[n - 1] < lim ? 1 : 0);

  // RV-HEALTH-APT: the occurrences of the window's first sample after sample s, given how many
  // samples of the window were seen before it and how often the first had occurred.
  logic integer AptCount(integer seen, integer count, integer first, integer s) =
    seen == 0 ? 1 : (s == first ? count + 1 : count);

  // ---- Validity windows (RV-WINDOW-*, RV-REUSE) -----------------------------------------------

  logic integer RvMin(integer x, integer y) = x <= y ? x : y;
  logic integer RvMax(integer x, integer y) = x >= y ? x : y;

  // RV-WINDOW-RULE: the rule of method 3.2.2.<section>.<method> (spec/random-value.md table).
  logic integer RvRuleOf(integer section, integer method) =
    section == 4 ?
      ((method == 2 || method == 4 || method == 13 || method == 14 || method == 16 ||
        method == 17 || method == 18 || method == 19 || method == 20 || method == 21) ?
         CABREF_RV_RULE_30_DAYS :
       method == 6 ? CABREF_RV_RULE_LONGER_OF :
       method == 7 ? CABREF_RV_RULE_DNS_OR :
       method == 10 ? CABREF_RV_RULE_UNSTATED : CABREF_RV_RULE_NONE) :
    section == 5 ?
      (method == 1 ? CABREF_RV_RULE_LONGER_OF :
       (method == 2 || method == 5) ? CABREF_RV_RULE_30_DAYS : CABREF_RV_RULE_NONE) :
    CABREF_RV_RULE_NONE;

  // RV-REUSE: BR 4.2.1's reuse period for domain and IP validation data at an issuance instant.
  logic integer ReuseMonths(integer t) = t < CABREF_RV_T_BALLOT_193 ? 39 : 0;
  logic integer ReuseDays(integer t) =
    t < CABREF_RV_T_BALLOT_193 ? 0 :
    t < CABREF_RV_T_SC42 ? 825 :
    t < CABREF_RV_T_SC81_200 ? 398 :
    t < CABREF_RV_T_SC81_100 ? 200 :
    t < CABREF_RV_T_SC81_10 ? 100 : 10;

  // r is k calendar months after instant t: same day and time of day, k months on; a day the
  // later month does not have becomes its last day (31 January + 1 month = 28 or 29 February).
  logic integer MonthsYear(integer y, integer m, integer k) = y + (m - 1 + k) / 12;
  logic integer MonthsMonth(integer m, integer k) = (m - 1 + k) % 12 + 1;
  predicate MonthsLaterFrom(integer y, integer m, integer d, integer h, integer mi, integer s,
                            integer k, integer r) =
    r == InstantOf(MonthsYear(y, m, k), MonthsMonth(m, k),
                   RvMin(d, DaysInMonth(MonthsYear(y, m, k), MonthsMonth(m, k))), h, mi, s);
  predicate CivilOf(integer t, integer y, integer m, integer d, integer h, integer mi,
                    integer s) =
    ValidDate(y, m, d) && ValidClock(h, mi, s) && InstantOf(y, m, d, h, mi, s) == t;
  predicate MonthsLater(integer t, integer k, integer r) =
    \exists integer y, m, d, h, mi, s;
      CivilOf(t, y, m, d, h, mi, s) && MonthsLaterFrom(y, m, d, h, mi, s, k, r);

  // The end of the reuse period counted from the value's creation.
  predicate ReuseDeadline(integer created, integer issuance, integer r) =
    ReuseMonths(issuance) == 39 ? MonthsLater(created, 39, r) :
    r == created + ReuseDays(issuance) * 86400;

  // RV-WINDOW: the last instant of use by the method's rule, given the end r of the reuse period.
  logic integer RvRuleDeadline(integer rule, integer created, integer r, integer applicant,
                               integer shorter) =
    \let thirty = created + CABREF_RV_30_DAYS;
    rule == CABREF_RV_RULE_LONGER_OF ? (applicant != 0 ? RvMax(thirty, r) : thirty) :
    rule == CABREF_RV_RULE_DNS_OR ?
      (applicant != 0 ? (shorter != 0 ? RvMin(thirty, r) : RvMax(thirty, r)) : thirty) :
    thirty;

  // RV-WINDOW-CPS: the CPS may only shorten; for an unstated period it is the period.
  logic integer RvDeadline(integer rule, integer created, integer r, integer applicant,
                           integer shorter, integer cps) =
    rule == CABREF_RV_RULE_UNSTATED ? created + cps * 86400 :
    cps == 0 ? RvRuleDeadline(rule, created, r, applicant, shorter) :
    RvMin(RvRuleDeadline(rule, created, r, applicant, shorter), created + cps * 86400);

  predicate RvWindowDefined(integer section, integer method, integer created, integer issuance,
                            integer cps) =
    RvRuleOf(section, method) != CABREF_RV_RULE_NONE &&
    (RvRuleOf(section, method) != CABREF_RV_RULE_UNSTATED || cps >= 1) &&
    CABREF_RV_T_FIRST <= created <= CABREF_RV_T_LAST &&
    CABREF_RV_T_FIRST <= issuance <= CABREF_RV_T_LAST && cps <= 100000;

  // ---- Request Tokens (RV-TOKEN-*) -----------------------------------------------------------

  // RV-TOKEN-STRENGTH: NIST SP 800-57 Part 1 Rev. 5 Table 3 (collision resistance), EdDSA by
  // curve (Ed25519 128, Ed448 224); MD5 and unknown algorithms 0.
  logic integer AlgStrength(integer alg) =
    alg == CABREF_RV_ALG_SHA1 ? 80 :
    (alg == CABREF_RV_ALG_SHA224 || alg == CABREF_RV_ALG_SHA512_224 ||
     alg == CABREF_RV_ALG_SHA3_224) ? 112 :
    (alg == CABREF_RV_ALG_SHA256 || alg == CABREF_RV_ALG_SHA512_256 ||
     alg == CABREF_RV_ALG_SHA3_256 || alg == CABREF_RV_ALG_ED25519) ? 128 :
    (alg == CABREF_RV_ALG_SHA384 || alg == CABREF_RV_ALG_SHA3_384) ? 192 :
    alg == CABREF_RV_ALG_ED448 ? 224 :
    (alg == CABREF_RV_ALG_SHA512 || alg == CABREF_RV_ALG_SHA3_512) ? 256 : 0;

  predicate BindingStrongEnough(integer binding, integer signature) =
    AlgStrength(binding) > 0 && AlgStrength(signature) > 0 &&
    AlgStrength(binding) >= AlgStrength(signature);

  // RV-TOKEN-TIMESTAMP: decimal digits.
  predicate TokenDigit(integer c) = '0' <= c <= '9';
  predicate TokenDigits{L}(char *s, integer n) = \forall integer i; 0 <= i < n ==> TokenDigit(s[i]);
  logic integer Digit{L}(char *s, integer i) = s[i] - '0';
  logic integer Num2{L}(char *s, integer i) = 10 * Digit(s, i) + Digit(s, i + 1);
  logic integer Num4{L}(char *s, integer i) = 100 * Num2(s, i) + Num2(s, i + 2);
  logic integer TokenSecond{L}(char *s, integer n) = n == 14 ? Num2(s, 12) : 0;
  predicate TokenTimeValid{L}(char *s, integer n) =
    ValidDate(Num4(s, 0), Num2(s, 4), Num2(s, 6)) &&
    ValidClock(Num2(s, 8), Num2(s, 10), TokenSecond(s, n));
  logic integer TokenInstant{L}(char *s, integer n) =
    InstantOf(Num4(s, 0), Num2(s, 4), Num2(s, 6), Num2(s, 8), Num2(s, 10), TokenSecond(s, n));

  // The states an Adaptive Proportion Test can be in between samples.
  predicate AptState(integer cutoff, integer seen, integer count) =
    2 <= cutoff <= CABREF_RV_APT_WINDOW && 0 <= seen < CABREF_RV_APT_WINDOW &&
    0 <= count <= seen && (seen == 0 <==> count == 0);
*/

#endif
