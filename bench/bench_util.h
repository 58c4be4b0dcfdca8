/* cabref benches: the pieces every bench shares. A bench defines BENCH_SEED (its own fixed seed,
 * so that its input is the same on every run) and includes this file; it gets next(), a
 * xorshift64 generator (Marsaglia 2003, shifts 13/7/17), and now(), the monotonic clock in
 * seconds. */
#ifndef CABREF_BENCH_UTIL_H
#define CABREF_BENCH_UTIL_H

#include <stdint.h>
#include <time.h>

#ifndef BENCH_SEED
#error "define BENCH_SEED before including bench_util.h"
#endif

static uint64_t rng = BENCH_SEED;

static inline uint64_t next(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static inline double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#endif
