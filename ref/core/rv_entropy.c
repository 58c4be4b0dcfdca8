/* cabref: the exact whole-bit entropy of a Random Value of uniform independent symbols
 * (spec/random-value.md RV-ENTROPY-BITS, RV-ENTROPY-MEETS, RV-MIN-LENGTH).
 *
 * Ballot 169 (BR 1.6.1) asks for "at least 112 bits of entropy". For l symbols drawn uniformly
 * and independently from a symbols the entropy is l * log2(a) bits; its whole-bit part is the b
 * with 2^b <= a^l < 2^(b+1). The core computes a^l exactly as a number of 32-bit limbs (least
 * significant first) and reads b off its most significant bit: no floating point, no rounding,
 * and no table of logarithms that could be a few units off. */
#include "cabref/rv.h"

/* Limbs of a^l: each multiplication by a (< 2^32) adds at most one limb to the one of a^0. */
#define LIMBS (CABREF_RV_MAX_SYMBOLS + 1u)
#define LIMB_BASE ((uint64_t)4294967296u)

/*@
  // Proof vocabulary (not part of the spec): the limbs a[0 .. n-1] read as a number.
  logic integer Weight(integer i) = i <= 0 ? 1 : 4294967296 * Weight(i - 1);
  logic integer LimbCell{L}(uint32_t *a, integer k) = a[k];
  logic integer Value{L}(uint32_t *a, integer n) =
    n <= 0 ? 0 : Value(a, n - 1) + a[n - 1] * Weight(n - 1);
*/

/* ---- Inductive facts, proven by ghost loops (no lemma left to a prover's induction) ---- */

/*@ ghost
  /@
    requires valid: \valid_read(a + (0 .. n - 1));
    requires n_range: n <= LIMBS;
    assigns \nothing;
    ensures bound: 0 <= Value(a, n) < Weight(n);
    ensures weight: Weight(n) >= 1;
  @/
  static void value_bound(uint32_t *a, uint32_t n) {
    uint32_t j = 0;
    /@ loop invariant j_range: 0 <= j <= n;
       loop invariant bound: 0 <= Value(a, j) < Weight(j);
       loop invariant weight: Weight(j) >= 1;
       loop assigns j;
       loop variant n - j; @/
    while (j < n) {
      /@ assert next: Value(a, j + 1) == Value(a, j) + a[j] * Weight(j); @/
      /@ assert next_weight: Weight(j + 1) == 4294967296 * Weight(j); @/
      /@ assert cell: a[j] * Weight(j) <= 4294967295 * Weight(j); @/
      j++;
    }
  }
*/

/*@ ghost
  /@
    requires x_range: x <= 100000;
    assigns \nothing;
    ensures shift: Pow(2, x + 32) == 4294967296 * Pow(2, x);
  @/
  static void pow2_add32(uint32_t x) {
    uint32_t k = 0;
    uint64_t v = 1;
    /@ loop invariant k_range: 0 <= k <= 32;
       loop invariant v_value: v == Pow(2, k);
       loop invariant v_range: 1 <= v <= 4294967296;
       loop invariant split: Pow(2, x + k) == v * Pow(2, x);
       loop assigns k, v;
       loop variant 32 - k; @/
    while (k < 32) {
      /@ assert unfold: Pow(2, x + k + 1) == 2 * Pow(2, x + k); @/
      /@ assert unfold_k: Pow(2, k + 1) == 2 * Pow(2, k); @/
      /@ assert v_small: v <= 2147483648; @/
      v = 2 * v;
      k++;
    }
  }
*/

/*@ ghost
  /@
    requires top_range: top <= LIMBS;
    requires h_range: h <= 33;
    assigns \nothing;
    ensures split: Pow(2, 32 * top + h) == Weight(top) * Pow(2, h);
  @/
  static void pow2_weight(uint32_t top, uint32_t h) {
    uint32_t j = 0;
    /@ loop invariant j_range: 0 <= j <= top;
       loop invariant split: Pow(2, 32 * j + h) == Weight(j) * Pow(2, h);
       loop assigns j;
       loop variant top - j; @/
    while (j < top) {
      pow2_add32(32 * j + h);
      /@ assert next_weight: Weight(j + 1) == 4294967296 * Weight(j); @/
      /@ assert same: 32 * (j + 1) + h == (32 * j + h) + 32; @/
      j++;
    }
  }
*/

/*@ ghost
  /@
    requires order: x <= y;
    assigns \nothing;
    ensures positive: Pow(2, x) >= 1;
    ensures monotone: Pow(2, x) <= Pow(2, y);
  @/
  static void pow2_mono(uint32_t x, uint32_t y) {
    uint32_t k = 0;
    /@ loop invariant k_range: 0 <= k <= y;
       loop invariant positive: Pow(2, k) >= 1;
       loop invariant above: x <= k ==> 1 <= Pow(2, x) <= Pow(2, k);
       loop assigns k;
       loop variant y - k; @/
    while (k < y) {
      /@ assert unfold: Pow(2, k + 1) == 2 * Pow(2, k); @/
      k++;
    }
  }
*/

/*@ ghost
  /@
    requires base: a >= 2;
    assigns \nothing;
    ensures dominates: Pow(a, t) >= Pow(2, t) >= 1;
  @/
  static void pow_base_ge(uint32_t a, uint32_t t) {
    uint32_t k = 0;
    /@ loop invariant k_range: 0 <= k <= t;
       loop invariant dominates: Pow(a, k) >= Pow(2, k) >= 1;
       loop assigns k;
       loop variant t - k; @/
    while (k < t) {
      /@ assert unfold_a: Pow(a, k + 1) == a * Pow(a, k); @/
      /@ assert unfold_2: Pow(2, k + 1) == 2 * Pow(2, k); @/
      /@ assert step: a * Pow(a, k) >= 2 * Pow(a, k); @/
      k++;
    }
  }
*/

/* The two sides of floor_log2's bound, each scaled by the weight of the top limb. */
/*@ ghost
  /@
    requires le: Pow(2, h) <= x;
    requires lt: x < Pow(2, h + 1);
    requires w: Weight(top) >= 1;
    assigns \nothing;
    ensures low_side: Weight(top) * Pow(2, h) <= Weight(top) * x;
    ensures high_side: Weight(top) * (x + 1) <= Weight(top) * Pow(2, h + 1);
  @/
  static void scale_bounds(uint32_t top, uint32_t h, uint32_t x) {
  }
*/

/* ---- Multiplication of the limbs by a small factor ------------------------------------- */

/* Write one limb; the number read from the limbs below it is unchanged. */
/*@
  requires valid: \valid(a + i);
  requires i_range: i < LIMBS;
  assigns a[i];
  ensures cell: a[i] == v;
  ensures frame: Value(a, i) == \old(Value(a, i));
*/
static void set_limb(uint32_t *a, uint32_t i, uint32_t v) {
  a[i] = v;
  /*@ ghost
    uint32_t j = 0;
    /@ loop invariant j_range: 0 <= j <= i;
       loop invariant same: Value(a, j) == Value{Pre}(a, j);
       loop assigns j;
       loop variant i - j; @/
    while (j < i) {
      /@ assert cell_j: a[j] == LimbCell{Pre}(a, j); @/
      /@ assert next_now: Value(a, j + 1) == Value(a, j) + a[j] * Weight(j); @/
      /@ assert next_pre: Value{Pre}(a, j + 1) == Value{Pre}(a, j) + LimbCell{Pre}(a, j) *
    Weight(j); @/ j++;
    }
  */
}

/* a[0 .. n-1] := a[0 .. n-1] * f, returning the limb that does not fit. */
/*@
  requires valid: \valid(a + (0 .. n - 1));
  requires n_range: 1 <= n <= LIMBS;
  assigns a[0 .. n - 1];
  ensures product: Value(a, n) + \result * Weight(n) == f * \old(Value(a, n));
*/
static uint32_t mul_small(uint32_t *a, uint32_t n, uint32_t f) {
  uint32_t carry = 0;
  uint32_t i;
  /*@
    loop invariant range: 0 <= i <= n;
    loop invariant rest: \forall integer k; i <= k < n ==> a[k] == \at(a[k], LoopEntry);
    loop invariant partial: Value(a, i) + carry * Weight(i) == f * Value{LoopEntry}(a, i);
    loop assigns i, carry, a[0 .. n - 1];
    loop variant n - i;
  */
  for (i = 0; i < n; i++) {
    uint32_t x = a[i];
    /* (2^32-1) * (2^32-1) + (2^32-1) < 2^64: the product and the carry fit in 64 bits. */
    uint64_t t = (uint64_t)x * f + carry;
    uint32_t lo = (uint32_t)(t % LIMB_BASE);
    uint32_t hi = (uint32_t)(t / LIMB_BASE);
    /*@ assert old_cell: \forall integer k; k == i ==> x == \at(a[k], LoopEntry); */
    /*@ assert old_next: Value{LoopEntry}(a, i + 1) == Value{LoopEntry}(a, i) + x * Weight(i); */
    set_limb(a, i, lo);
    /*@ assert new_next: Value(a, i + 1) == Value(a, i) + lo * Weight(i); */
    /*@ assert w_next: Weight(i + 1) == 4294967296 * Weight(i); */
    /*@ assert split: lo + hi * 4294967296 == t; */
    /*@ assert e1: Value(a, i + 1) + hi * Weight(i + 1) ==
                   Value(a, i) + (lo + hi * 4294967296) * Weight(i); */
    /*@ assert e2: Value(a, i + 1) + hi * Weight(i + 1) == Value(a, i) + t * Weight(i); */
    /*@ assert t_exact: t == x * f + carry; */
    /*@ assert e3: t * Weight(i) == x * f * Weight(i) + carry * Weight(i); */
    /*@ assert e4: f * Value{LoopEntry}(a, i + 1) == f * Value{LoopEntry}(a, i) + x * f * Weight(i); */
    carry = hi;
  }
  return carry;
}

/* Every limb gets a value before any is read: Eva checks initialisation; the proofs need only
 * the limbs below `used`, which power() writes. */
/*@
  requires valid: \valid(limb + (0 .. LIMBS - 1));
  assigns limb[0 .. LIMBS - 1];
*/
static void clear_limbs(uint32_t *limb) {
  uint32_t k;
  /*@
    loop unroll LIMBS;
    loop invariant k_range: 0 <= k <= LIMBS;
    loop assigns k, limb[0 .. LIMBS - 1];
    loop variant LIMBS - k;
  */
  for (k = 0; k < LIMBS; k++) {
    limb[k] = 0;
  }
}

/* limb[0 .. used-1] := a^len; returns used. */
/*@
  requires valid: \valid(limb + (0 .. LIMBS - 1));
  requires alphabet: 1 <= a;
  requires length: len <= CABREF_RV_MAX_SYMBOLS;
  assigns limb[0 .. LIMBS - 1];
  ensures used: 1 <= \result <= len + 1;
  ensures value: Value(limb, \result) == Pow(a, len);
  ensures positive: Pow(a, len) >= 1;
*/
static uint32_t power(uint32_t *limb, uint32_t a, uint32_t len) {
  uint32_t used = 1;
  uint32_t i;
  set_limb(limb, 0, 1);
  /*@ assert one: Value(limb, 1) == 1; */
  /*@
    loop invariant range: 0 <= i <= len;
    loop invariant used: 1 <= used <= i + 1;
    loop invariant value: Value(limb, used) == Pow(a, i);
    loop invariant positive: Pow(a, i) >= 1;
    loop assigns i, used, limb[0 .. LIMBS - 1];
    loop variant len - i;
  */
  for (i = 0; i < len; i++) {
    uint32_t carry = mul_small(limb, used, a);
    /*@ assert next: Pow(a, i + 1) == a * Pow(a, i); */
    /*@ assert product: Value(limb, used) + carry * Weight(used) == Pow(a, i + 1); */
    /*@ assert still_positive: a * Pow(a, i) >= 1; */
    if (carry != 0) {
      set_limb(limb, used, carry);
      /*@ assert grown: Value(limb, used + 1) == Value(limb, used) + carry * Weight(used); */
      used++;
    }
  }
  return used;
}

/* The b with 2^b <= (the number in limb[0 .. used-1]) < 2^(b+1), for a positive number. */
/*@
  requires valid: \valid(limb + (0 .. used - 1));
  requires used_range: 1 <= used <= LIMBS;
  requires positive: Value(limb, used) >= 1;
  assigns \nothing;
  ensures lower: Pow(2, \result) <= Value(limb, used);
  ensures upper: Value(limb, used) < Pow(2, \result + 1);
  ensures bounded: \result < 32 * used;
*/
static uint32_t floor_log2(uint32_t *limb, uint32_t used) {
  uint32_t top = used - 1;
  uint32_t x;
  uint32_t h = 0;
  uint64_t p = 1;
  /* The most significant non-zero limb: the limbs above it add nothing. */
  /*@
    loop invariant top_range: 0 <= top <= used - 1;
    loop invariant same: Value(limb, used) == Value(limb, top + 1);
    loop assigns top;
    loop variant top;
  */
  while (top > 0 && limb[top] == 0) {
    /*@ assert drop: Value(limb, top + 1) == Value(limb, top) + LimbCell(limb, top) * Weight(top); */
    /*@ assert zero: LimbCell(limb, top) == 0; */
    top--;
  }
  x = limb[top];
  /*@ assert top_value: Value(limb, top + 1) == Value(limb, top) + x * Weight(top); */
  /*@ assert nonzero: top == 0 ==> Value(limb, top) == 0; */
  /*@ ghost value_bound(limb, top); */
  /*@ assert x_positive: x >= 1; */
  /*@ ghost pow2_add32(0); */
  /*@ assert pow32: Pow(2, 32) == 4294967296; */
  /* The most significant bit of that limb. */
  /*@
    loop invariant h_range: 0 <= h <= 31;
    loop invariant p_value: p == Pow(2, h);
    loop invariant p_range: 1 <= p <= x;
    loop assigns h, p;
    loop variant x - p;
  */
  while (2 * p <= x) {
    /*@ assert unfold: Pow(2, h + 1) == 2 * Pow(2, h); */
    /*@ assert not_32: h + 1 <= 31 || Pow(2, h + 1) > x; */
    p = 2 * p;
    h++;
  }
  /*@ assert top_bit: Pow(2, h) <= x < Pow(2, h + 1); */
  /*@ ghost pow2_weight(top, h); */
  /*@ ghost pow2_weight(top, h + 1); */
  /*@ ghost scale_bounds(top, h, x); */
  /*@ assert same_bits: 32 * top + h + 1 == 32 * top + (h + 1); */
  return 32 * top + h;
}

/*@
  requires alphabet: a >= 1;
  requires length: len <= CABREF_RV_MAX_SYMBOLS;
  assigns \nothing;
  ensures exact: EntropyBits(a, len, \result);
  ensures bounded: \result < 32 * (len + 1);
*/
static uint32_t entropy_bits(uint32_t a, uint32_t len) {
  uint32_t limb[LIMBS];
  uint32_t used;
  clear_limbs(limb);
  used = power(limb, a, len);
  return floor_log2(limb, used);
}

/*@
  requires alphabet: a >= 1;
  requires length: len <= CABREF_RV_MAX_SYMBOLS;
  assigns \nothing;
  ensures yes: \result == 1 <==> EntropyMeets(a, len, t);
  ensures no: \result == 0 <==> !EntropyMeets(a, len, t);
*/
static int entropy_meets(uint32_t a, uint32_t len, uint32_t t) {
  uint32_t b = entropy_bits(a, len);
  if (b >= t) {
    /*@ ghost pow2_mono(t, b); */
    return 1;
  }
  /*@ ghost pow2_mono(b + 1, t); */
  return 0;
}

cabref_status cabref_rv_entropy_bits(uint32_t alphabet, uint32_t length, uint32_t *bits) {
  if (bits == NULL) {
    return CABREF_E_NULL;
  }
  if (alphabet == 0 || length > CABREF_RV_MAX_SYMBOLS) {
    return CABREF_E_RANGE;
  }
  *bits = entropy_bits(alphabet, length);
  return CABREF_OK;
}

cabref_status cabref_rv_entropy_meets(uint32_t alphabet, uint32_t length, uint32_t threshold,
                                      int *meets) {
  if (meets == NULL) {
    return CABREF_E_NULL;
  }
  if (alphabet == 0 || length > CABREF_RV_MAX_SYMBOLS) {
    return CABREF_E_RANGE;
  }
  *meets = entropy_meets(alphabet, length, threshold);
  return CABREF_OK;
}

cabref_status cabref_rv_min_length(uint32_t alphabet, uint32_t threshold, uint32_t *length) {
  uint32_t lo = 0;
  uint32_t hi;
  if (length == NULL) {
    return CABREF_E_NULL;
  }
  if (alphabet < 2 || threshold > CABREF_RV_MAX_THRESHOLD) {
    return CABREF_E_RANGE;
  }
  if (threshold == 0) {
    /* a^0 = 1 = 2^0: no symbol is needed for no bit. */
    *length = 0;
    return CABREF_OK;
  }
  /* a >= 2: threshold symbols carry at least threshold bits; no symbol carries none. */
  hi = threshold;
  /*@ ghost pow_base_ge(alphabet, threshold); */
  /*@ ghost pow2_mono(1, threshold); */
  /*@ assert two: Pow(2, 1) == 2; */
  /*@
    loop invariant order: 0 <= lo < hi <= threshold;
    loop invariant lo_short: !EntropyMeets(alphabet, lo, threshold);
    loop invariant hi_enough: EntropyMeets(alphabet, hi, threshold);
    loop assigns lo, hi;
    loop variant hi - lo;
  */
  while (hi > lo + 1u) {
    uint32_t mid = (lo + hi) / 2u;
    if (entropy_meets(alphabet, mid, threshold) == 1) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  *length = hi;
  return CABREF_OK;
}
