/* `make bench`: Random Value generation (cabref_rv_generate, spec/random-value.md RV-GEN) with
 * the SP 800-90B health tests on every octet, against the same generation with the tests off and
 * against OpenSSL's RAND_bytes alone drawing the same octets (the limit: cabref cannot be faster
 * than its source). Values per second, medians of 5 runs of 200,000 values each; the figures
 * printed are the ratios of the same run. Also the exact entropy bound (cabref_rv_entropy_bits)
 * per call at the largest size it accepts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/rand.h>

#include "cabref/rv_shell.h"

#define BENCH_SEED 1u
#include "bench_util.h"

#define VALUES 200000u
#define RUNS 5

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double median(double *v) {
  qsort(v, RUNS, sizeof *v, cmp_double);
  return v[RUNS / 2];
}

/* Values per second of cabref_rv_generate over the alphabet, health tests on or off. */
static double gen_rate(const cabref_rv_alphabet *a, int health) {
  cabref_rv_health hs;
  cabref_error err;
  char out[256];
  double t0, t1;
  uint32_t k;
  if (cabref_rv_health_start(&hs, health, 8, 40, &err) != CABREF_OK)
    exit(1);
  t0 = now();
  for (k = 0; k < VALUES; k++) {
    if (cabref_rv_generate(a, 112, cabref_rv_source_openssl, NULL, &hs, out, sizeof out, &err) !=
        CABREF_OK) {
      fprintf(stderr, "rv_bench: %s\n", err.message);
      exit(1);
    }
  }
  t1 = now();
  return VALUES / (t1 - t0);
}

/* RAND_bytes alone, the octets one value draws, one call per value. */
static double rand_rate(size_t octets) {
  unsigned char buf[64];
  double t0, t1;
  uint32_t k;
  t0 = now();
  for (k = 0; k < VALUES; k++) {
    if (RAND_bytes(buf, (int)octets) != 1)
      exit(1);
  }
  t1 = now();
  return VALUES / (t1 - t0);
}

static void row(const char *name, size_t octets) {
  cabref_rv_alphabet a;
  cabref_error err;
  double on[RUNS], off[RUNS], raw[RUNS];
  int r;
  if (cabref_rv_alphabet_parse(name, &a, &err) != CABREF_OK)
    exit(1);
  for (r = 0; r < RUNS; r++) {
    raw[r] = rand_rate(octets);
    off[r] = gen_rate(&a, 0);
    on[r] = gen_rate(&a, 1);
  }
  printf("%-10s 112 bits: health tests on %9.0f values/s, off %9.0f, RAND_bytes alone %9.0f; "
         "tests cost %.2fx, on = %.2f of RAND_bytes\n",
         name, median(on), median(off), median(raw), median(off) / median(on),
         median(on) / median(raw));
}

int main(void) {
  uint32_t bits = 0;
  double t0, t1;
  int k;
  (void)next;
  row("hex", 14);
  row("base64url", 14);
  row("alnum", 19); /* 19 symbols; rejection draws a few more octets, counted in the value */
  t0 = now();
  for (k = 0; k < 20; k++)
    if (cabref_rv_entropy_bits(4294967295u, CABREF_RV_MAX_SYMBOLS, &bits) != CABREF_OK)
      return 1;
  t1 = now();
  printf("exact entropy bound at its limit (A = 2^32-1, L = 1024): %.1f ms per call\n",
         (t1 - t0) * 1000.0 / 20);
  return 0;
}
