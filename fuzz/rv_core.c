/* libFuzzer target: the proven Random Value core driven with arbitrary inputs: rejection
 * sampling, the health tests and their cutoffs, and the validity windows.
 *
 * Requirements: RV-REJECTION, RV-GEN, RV-HEALTH-RCT-CUTOFF, RV-HEALTH-RCT, RV-HEALTH-APT-CUTOFF,
 * RV-HEALTH-APT, RV-HEALTH-STOP, RV-WINDOW-RULE, RV-REUSE, RV-WINDOW, RV-WINDOW-DNS, RV-WINDOW-CPS,
 * RV-WINDOW-USE. The contracts are proven; this target checks, in compiled code with sanitizers,
 * the same properties end to end: every emitted symbol is from the alphabet and the count is that
 * of the octets below the limit; a health test fails exactly at a run of C equal octets (RCT,
 * recomputed here) and the APT cutoff is the exact quantile (its defining inequality rechecked
 * with BIGNUM at C-1 and C-2); a window ends at or after 30 days' end for the longer readings,
 * never before creation, and a CPS period never lengthens it.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cabref/rv_shell.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

static const char SYMS[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                           "!#$%&()*+,-./:;<=>?@[]^_{|}~";

static uint32_t u32_at(const uint8_t *d, size_t size, size_t at) {
  uint32_t v = 0;
  size_t i;
  for (i = 0; i < 4; i++)
    v = v << 8 | (at + i < size ? d[at + i] : 0u);
  return v;
}

static void rejection(const uint8_t *data, size_t size) {
  char alphabet[256];
  char out[64];
  size_t consumed = 0, emitted = 0, i, accepted = 0;
  uint32_t a, lim, k;
  if (size < 2)
    return;
  a = 2u + data[0] % 89u; /* 2 .. 90 distinct printable symbols */
  for (k = 0; k < a; k++)
    alphabet[k] = SYMS[k];
  lim = cabref_rv_reject_limit(a);
  CHECK(lim % a == 0 && lim <= 256 && lim + a > 256);
  CHECK(cabref_rv_map_octets(data + 1, size - 1, alphabet, a, out, data[1] % 64u, &consumed,
                             &emitted) == CABREF_OK);
  CHECK(consumed <= size - 1 && emitted <= data[1] % 64u);
  for (i = 0; i < consumed; i++) {
    if (data[1 + i] < lim) {
      CHECK(out[accepted] == alphabet[data[1 + i] % a]);
      accepted++;
    }
  }
  CHECK(accepted == emitted);
  CHECK(consumed == size - 1 || emitted == data[1] % 64u);
}

static void health(const uint8_t *data, size_t size) {
  cabref_rv_health hs;
  cabref_error err;
  uint32_t h, alpha, run = 0, i;
  uint8_t last = 0;
  if (size < 2)
    return;
  h = 1u + data[0] % 8u;
  alpha = 1u + data[1] % 64u;
  if (cabref_rv_health_start(&hs, 1, h, alpha, &err) != CABREF_OK) {
    CHECK(err.message[0] != '\0');
    return;
  }
  CHECK(hs.rct.cutoff == 1u + (alpha + h - 1u) / h);
  CHECK(hs.apt.cutoff >= 2 && hs.apt.cutoff <= CABREF_RV_APT_WINDOW);
  for (i = 2; i < size; i++) {
    int r = cabref_rv_rct_feed(&hs.rct, data[i]);
    (void)cabref_rv_apt_feed(&hs.apt, data[i]);
    run = (i > 2 && data[i] == last) ? run + 1 : 1;
    last = data[i];
    CHECK(r == (run >= hs.rct.cutoff));
    if (r)
      break;
  }
}

static void windows(const uint8_t *data, size_t size) {
  cabref_rv_use use;
  cabref_rv_window w, plain;
  cabref_status st;
  if (size < 14)
    return;
  memset(&use, 0, sizeof use);
  use.section = 4u + (data[0] & 1u);
  use.method = data[1] % 24u;
  use.created = (cabref_instant)(u32_at(data, size, 2) % 2000000000u);
  use.issuance = use.created + (cabref_instant)(u32_at(data, size, 6) % 100000000u);
  use.cps_days = data[10] % 4u == 0 ? 0u : data[11];
  use.applicant_submitted = data[12] & 1u;
  use.dns_shorter = (data[12] >> 1) & 1u;
  st = cabref_rv_window_of(&use, &w);
  if (st != CABREF_OK) {
    CHECK(st == CABREF_E_RANGE);
    CHECK(cabref_rv_rule_of(use.section, use.method) == CABREF_RV_RULE_NONE ||
          (cabref_rv_rule_of(use.section, use.method) == CABREF_RV_RULE_UNSTATED &&
           use.cps_days == 0));
    return;
  }
  CHECK(w.deadline >= use.created);
  CHECK(cabref_rv_use_check(use.created, w.deadline, w.deadline) == CABREF_RV_USE_VALID);
  CHECK(cabref_rv_use_check(use.created, w.deadline, w.deadline + 1) == CABREF_RV_USE_EXPIRED);
  CHECK(cabref_rv_use_check(use.created, w.deadline, use.created - 1) ==
        CABREF_RV_USE_BEFORE_CREATION);
  if (w.rule == CABREF_RV_RULE_UNSTATED) {
    CHECK(w.deadline == use.created + (cabref_instant)use.cps_days * CABREF_DAY);
    return;
  }
  /* The same use without a CPS period: the CPS only shortens. */
  use.cps_days = 0;
  CHECK(cabref_rv_window_of(&use, &plain) == CABREF_OK && w.deadline <= plain.deadline);
  if (w.rule == CABREF_RV_RULE_30_DAYS || !use.applicant_submitted)
    CHECK(plain.deadline == use.created + CABREF_RV_30_DAYS);
  else if (w.rule == CABREF_RV_RULE_LONGER_OF || !use.dns_shorter)
    CHECK(plain.deadline >= use.created + CABREF_RV_30_DAYS);
  else
    CHECK(plain.deadline <= use.created + CABREF_RV_30_DAYS);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  switch (data[0] % 3u) {
  case 0:
    rejection(data + 1, size - 1);
    break;
  case 1:
    health(data + 1, size - 1);
    break;
  default:
    windows(data + 1, size - 1);
    break;
  }
  return 0;
}
