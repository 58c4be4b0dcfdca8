/* cabref: random octets to the symbols of an alphabet, without modulo bias
 * (spec/random-value.md RV-REJECTION).
 *
 * octet mod a favours the first 256 mod a symbols when a does not divide 256 (62 symbols: the
 * first 8 come from 5 octet values, the others from 4), which lowers the min-entropy per symbol
 * below log2(a). Rejecting the octets at or above the largest multiple of a leaves each symbol
 * exactly 256 div a octet values, so a uniform octet gives a uniform symbol. */
#include "cabref/rv.h"

uint32_t cabref_rv_reject_limit(uint32_t a) {
  return 256u - 256u % a;
}

cabref_status cabref_rv_map_octets(const uint8_t *src, size_t n, const char *alphabet, uint32_t a,
                                   char *out, size_t cap, size_t *consumed, size_t *emitted) {
  uint32_t lim;
  size_t i = 0;
  size_t e = 0;
  if (alphabet == NULL) {
    return CABREF_E_NULL;
  }
  if (a < 2 || a > 256) {
    return CABREF_E_RANGE;
  }
  lim = cabref_rv_reject_limit(a);
  /*@
    loop invariant i_range: 0 <= i <= n;
    loop invariant e_range: 0 <= e <= cap;
    loop invariant count: e == Accepted(src, i, lim);
    loop invariant earlier: \forall integer j; 0 <= j < i && src[j] < lim ==>
      Accepted(src, j, lim) < e;
    loop invariant mapping: \forall integer j; 0 <= j < i && src[j] < lim ==>
      out[Accepted(src, j, lim)] == alphabet[src[j] % a];
    loop invariant symbols: \forall integer k; 0 <= k < e ==> IsSymbol(alphabet, a, out[k]);
    loop assigns i, e, out[0 .. cap - 1];
    loop variant n - i;
  */
  while (i < n && e < cap) {
    uint32_t b = src[i];
    /*@ assert next: Accepted(src, i + 1, lim) == Accepted(src, i, lim) + (src[i] < lim ? 1 : 0); */
    if (b < lim) {
      /* BR 1.6.1 "Random Value": only an octet below the limit keeps every symbol equally likely.
       */
      out[e] = alphabet[b % a];
      /*@ assert witness: 0 <= b % a < a && out[e] == alphabet[b % a]; */
      /*@ assert new_symbol: IsSymbol(alphabet, a, out[e]); */
      e++;
    }
    i++;
  }
  *consumed = i;
  *emitted = e;
  return CABREF_OK;
}
