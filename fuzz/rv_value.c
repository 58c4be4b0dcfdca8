/* libFuzzer target: the alphabet parser and the presented-value checker of cabref rv check
 * (cabref_rv_alphabet_parse, cabref_rv_value_check, ref/shell/rv_alphabet.c), on any octets, and
 * the exact entropy bound of the core against an independent computation with OpenSSL BIGNUM.
 *
 * Requirements: RV-DEF, RV-ENCODING, RV-CAPACITY, RV-CHANNEL, RV-ENTROPY-BITS, RV-ENTROPY-MEETS,
 * RV-MIN-LENGTH. Input: one octet selects the channel and the threshold, then the alphabet
 * argument up to the first NUL, then the value. Never a crash or a leak; a status is one of those
 * documented; a refusal names a fault and a column inside the text; an accepted value's capacity
 * is the core's exact bound (symbol alphabets) or 8 bits per encoded octet (octet encodings), the
 * channel never keeps more than the capacity, a canonical octet value has no padding, and the
 * verdict is exactly "channel bits >= threshold" (and a label that fits, for dns-label). The
 * first four octets also drive A and L of the exact bound, compared with a^l's bit length. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <openssl/bn.h>

#include "cabref/rv_shell.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

/* floor(l log2 a) by BIGNUM: the bit length of a^l, minus one. */
static uint32_t twin_bits(uint32_t a, uint32_t l) {
  BN_CTX *ctx = BN_CTX_new();
  BIGNUM *x = BN_new(), *e = BN_new();
  int nb;
  CHECK(ctx && x && e && BN_set_word(x, a) && BN_set_word(e, l) && BN_exp(x, x, e, ctx));
  nb = BN_num_bits(x);
  BN_free(x);
  BN_free(e);
  BN_CTX_free(ctx);
  return (uint32_t)(nb - 1);
}

static void entropy_twin(const uint8_t *data, size_t size) {
  uint32_t a, l, b = 0, len = 0;
  int m = 0;
  if (size < 4)
    return;
  a = (uint32_t)data[0] | (uint32_t)data[1] << 8; /* 0 .. 65535 */
  if (data[3] & 0x80)
    a = a | (uint32_t)data[2] << 16 | (uint32_t)(data[3] & 0x7f) << 24;
  l = (uint32_t)data[2] | (uint32_t)(data[3] & 0x07) << 8; /* 0 .. 2047 */
  if (a == 0 || l > CABREF_RV_MAX_SYMBOLS) {
    CHECK(cabref_rv_entropy_bits(a, l, &b) == CABREF_E_RANGE);
    return;
  }
  CHECK(cabref_rv_entropy_bits(a, l, &b) == CABREF_OK);
  CHECK(b == twin_bits(a, l));
  CHECK(cabref_rv_entropy_meets(a, l, b, &m) == CABREF_OK && m == 1);
  CHECK(cabref_rv_entropy_meets(a, l, b + 1, &m) == CABREF_OK && m == 0);
  if (a >= 2 && b <= CABREF_RV_MAX_THRESHOLD && b >= 1) {
    /* The fewest symbols for b bits is at most l, and one fewer does not carry them. */
    CHECK(cabref_rv_min_length(a, b, &len) == CABREF_OK && len <= l && len >= 1);
    CHECK(twin_bits(a, len) >= b && twin_bits(a, len - 1) < b);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char spec[128];
  size_t n = 0, i;
  const uint8_t *nul;
  const char *value;
  size_t vlen;
  uint32_t channel, threshold;
  cabref_rv_alphabet a;
  cabref_rv_facts f;
  cabref_error err;
  cabref_status st;
  entropy_twin(data, size);
  if (size < 1)
    return 0;
  channel = data[0] % 3u;
  threshold = 1u + (uint32_t)(data[0] >> 2) * 8u; /* 1 .. 505 */
  data++;
  size--;
  nul = memchr(data, 0, size);
  if (nul == NULL)
    return 0;
  n = (size_t)(nul - data);
  if (n >= sizeof spec)
    return 0;
  memcpy(spec, data, n);
  spec[n] = '\0';
  value = (const char *)nul + 1;
  vlen = size - n - 1;
  st = cabref_rv_alphabet_parse(spec, &a, &err);
  if (st != CABREF_OK) {
    CHECK(st == CABREF_E_SYNTAX && a.fault != NULL && err.message[0] != '\0');
    CHECK(err.column <= n + 1);
    return 0;
  }
  CHECK(a.size >= 2 && a.size <= CABREF_RV_ALPHABET_MAX && strlen(a.symbols) == a.size);
  for (i = 0; i < a.size; i++)
    CHECK(a.symbols[i] >= 0x21 && a.symbols[i] <= 0x7e &&
          strchr(a.symbols + i + 1, a.symbols[i]) == NULL);
  st = cabref_rv_value_check(value, vlen, &a, channel, threshold, &f, &err);
  if (st != CABREF_OK) {
    CHECK(st == CABREF_E_SYNTAX || st == CABREF_E_TOO_LONG);
    CHECK(f.fault != NULL && err.message[0] != '\0' && err.column <= vlen + 1);
    return 0;
  }
  CHECK(f.length >= 1 && f.length + f.padding == vlen);
  if (a.kind == CABREF_RV_KIND_OCTETS) {
    CHECK(f.capacity_bits == 8u * f.octets && f.octets >= 1);
    CHECK(f.length * a.bits_per_symbol - 8u * f.octets < a.bits_per_symbol);
    if (f.canonical)
      CHECK(f.padding == 0);
  } else {
    CHECK(f.capacity_bits == twin_bits(a.size, f.length));
    CHECK(f.canonical);
  }
  CHECK(f.channel_bits <= f.capacity_bits);
  if (channel == CABREF_RV_CHANNEL_EXACT)
    CHECK(f.channel_bits == f.capacity_bits);
  CHECK(f.capacity_meets == (f.capacity_bits >= threshold));
  CHECK(f.channel_meets == (f.channel_bits >= threshold &&
                            (channel != CABREF_RV_CHANNEL_DNS_LABEL || f.channel_fits)));
  return 0;
}
