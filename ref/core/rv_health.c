/* cabref: the continuous health tests of NIST SP 800-90B §4.4 over octet samples
 * (spec/random-value.md RV-HEALTH-RCT-CUTOFF, RV-HEALTH-RCT, RV-HEALTH-APT).
 *
 * They catch a generator that has failed grossly (stuck, or returning one value far too often)
 * before anything it produced is emitted; they cannot show that output is random. The Adaptive
 * Proportion Test's cutoff is a binomial quantile, computed exactly by the shell
 * (ref/shell/rv_health_cutoff.c); the Repetition Count Test's is the closed form below. */
#include "cabref/rv.h"

cabref_status cabref_rv_rct_cutoff(uint32_t alpha_bits, uint32_t h_num, uint32_t h_den,
                                   uint32_t *cutoff) {
  uint64_t q;
  if (cutoff == NULL) {
    return CABREF_E_NULL;
  }
  if (alpha_bits < CABREF_RV_ALPHA_MIN || alpha_bits > CABREF_RV_ALPHA_MAX || h_num < 1 ||
      h_den < 1 || h_den > CABREF_RV_H_DEN_MAX || h_num > 8u * h_den) {
    return CABREF_E_RANGE;
  }
  /* SP 800-90B §4.4.1: C = 1 + ceil(-log2(alpha) / H), with H = h_num / h_den:
   * ceil(alpha_bits * h_den / h_num) in integers. At most 64 * 65536 + 1: fits. */
  q = ((uint64_t)alpha_bits * h_den + h_num - 1u) / h_num;
  /*@ assert q_small: q <= 64 * 65536; */
  *cutoff = (uint32_t)(1u + q);
  return CABREF_OK;
}

void cabref_rv_rct_start(cabref_rv_rct *t, uint32_t cutoff) {
  t->cutoff = cutoff;
  t->run = 0;
  t->last = 0;
}

int cabref_rv_rct_feed(cabref_rv_rct *t, uint8_t sample) {
  if (t->run >= 1 && t->last == sample) {
    /* SP 800-90B §4.4.1: the same value again lengthens the run; the count stops at the cutoff,
     * where the test has failed and keeps failing while the run goes on. */
    if (t->run < t->cutoff) {
      t->run++;
    }
  } else {
    t->last = sample;
    t->run = 1;
  }
  return t->run >= t->cutoff ? 1 : 0;
}

void cabref_rv_apt_start(cabref_rv_apt *t, uint32_t cutoff) {
  t->cutoff = cutoff;
  t->seen = 0;
  t->count = 0;
  t->first = 0;
}

int cabref_rv_apt_feed(cabref_rv_apt *t, uint8_t sample) {
  uint32_t count;
  int failed;
  if (t->seen == 0) {
    /* SP 800-90B §4.4.2: the first sample of a window is the value counted through it. */
    t->first = sample;
    count = 1;
  } else {
    count = t->count + (sample == t->first ? 1u : 0u);
  }
  failed = count >= t->cutoff ? 1 : 0;
  if (t->seen + 1u == CABREF_RV_APT_WINDOW) {
    t->seen = 0;
    t->count = 0;
  } else {
    t->seen = t->seen + 1u;
    t->count = count;
  }
  return failed;
}
