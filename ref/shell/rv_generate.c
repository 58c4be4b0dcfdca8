/* cabref shell: Random Values drawn from OpenSSL, with the SP 800-90B health tests on every
 * octet (spec/random-value.md RV-GEN, RV-HEALTH-APT-CUTOFF, RV-HEALTH-STOP). The mapping of
 * octets to symbols, the lengths, the Repetition Count cutoff and both tests are the proven
 * core's; this file draws, feeds and encodes. */
#include <stdio.h>
#include <string.h>

#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "cabref/rv_shell.h"
#include "shell.h"

cabref_status cabref_rv_apt_cutoff(uint32_t window, uint32_t h, uint32_t alpha_bits, int corrected,
                                   uint32_t *cutoff) {
  /* P[Binomial(w, 2^-h) <= k] >= 1 - 2^-a  <=>
   *   2^a * sum_{j<=k} C(w, j) * (2^h - 1)^(w - j)  >=  (2^a - 1) * 2^(h w):
   * every probability times 2^(h w) is an integer, so the comparison is exact. */
  BN_CTX *ctx = NULL;
  BIGNUM *term = NULL, *sum = NULL, *lhs = NULL, *rhs = NULL, *q = NULL, *tmp = NULL;
  uint32_t w;
  uint32_t k;
  cabref_status st = CABREF_E_RANGE;
  if (cutoff == NULL)
    return CABREF_E_NULL;
  if (window < 2 || window > 4096 || h < 1 || h > 8 || alpha_bits < CABREF_RV_ALPHA_MIN ||
      alpha_bits > CABREF_RV_ALPHA_MAX)
    return CABREF_E_RANGE;
  w = corrected ? window - 1 : window;
  ctx = BN_CTX_new();
  term = BN_new();
  sum = BN_new();
  lhs = BN_new();
  rhs = BN_new();
  q = BN_new();
  tmp = BN_new();
  if (ctx == NULL || term == NULL || sum == NULL || lhs == NULL || rhs == NULL || q == NULL ||
      tmp == NULL)
    goto out;
  /* q = 2^h - 1; term_0 = q^w; rhs = (2^a - 1) * 2^(h w). */
  BN_zero(sum);
  if (!BN_set_word(q, (1u << h) - 1u) || !BN_set_word(tmp, w) || !BN_exp(term, q, tmp, ctx) ||
      !BN_one(rhs) || !BN_lshift(rhs, rhs, (int)alpha_bits) || !BN_sub_word(rhs, 1) ||
      !BN_lshift(rhs, rhs, (int)(h * w)))
    goto out;
  for (k = 0; k <= w; k++) {
    if (!BN_add(sum, sum, term) || !BN_lshift(lhs, sum, (int)alpha_bits))
      goto out;
    if (BN_cmp(lhs, rhs) >= 0) {
      /* SP 800-90B §4.4.2: C = 1 + CRITBINOM(W, 2^-H, 1 - alpha); the correction counts the
       * window's first sample apart: C = 2 + CRITBINOM(W - 1, ...). */
      *cutoff = (corrected ? 2u : 1u) + k;
      st = CABREF_OK;
      goto out;
    }
    if (k == w)
      break;
    /* term_{k+1} = term_k * (w - k) / ((k + 1) * q) = C(w, k+1) * q^(w-k-1): exact. */
    if (!BN_mul_word(term, w - k) || BN_div_word(term, (k + 1) * ((1u << h) - 1u)) != 0)
      goto out;
  }
  /* The whole distribution is reached at k = w, so this is not reached. */
  st = CABREF_E_RANGE;
out:
  BN_free(term);
  BN_free(sum);
  BN_free(lhs);
  BN_free(rhs);
  BN_free(q);
  BN_free(tmp);
  BN_CTX_free(ctx);
  return st;
}

int cabref_rv_source_openssl(void *ctx, uint8_t *buf, size_t n) {
  (void)ctx;
  if (n > (size_t)0x7FFFFFFF)
    return 0;
  /* RAND_bytes returns 1 on success, 0 on failure and -1 when the method does not support the
   * operation: only 1 is success (notes §3.4 item 6). */
  return RAND_bytes(buf, (int)n) == 1;
}

cabref_status cabref_rv_health_start(cabref_rv_health *hs, int enabled, uint32_t h,
                                     uint32_t alpha_bits, cabref_error *err) {
  uint32_t rct = 0;
  uint32_t apt = 0;
  cabref_status st;
  memset(hs, 0, sizeof *hs);
  hs->enabled = enabled ? 1 : 0;
  hs->h = h;
  hs->alpha_bits = alpha_bits;
  if (!enabled)
    return CABREF_OK;
  st = cabref_rv_rct_cutoff(alpha_bits, h, 1, &rct);
  if (st != CABREF_OK)
    return cabref_fail(err, st, 0, "health test parameters out of range (H %u bits, alpha 2^-%u)",
                       h, alpha_bits);
  st = cabref_rv_apt_cutoff(CABREF_RV_APT_WINDOW, h, alpha_bits, 0, &apt);
  if (st != CABREF_OK)
    return cabref_fail(err, st, 0, "health test parameters out of range (H %u bits, alpha 2^-%u)",
                       h, alpha_bits);
  if (apt < 2 || apt > CABREF_RV_APT_WINDOW) {
    /* H = 1 .. 8 with alpha >= 2^-64 stays far inside the window; refuse rather than run a
     * test that could never fail. */
    return cabref_fail(err, CABREF_E_RANGE, 0, "APT cutoff %u outside 2..%u", apt,
                       CABREF_RV_APT_WINDOW);
  }
  cabref_rv_rct_start(&hs->rct, rct);
  cabref_rv_apt_start(&hs->apt, apt);
  return CABREF_OK;
}

/* Draw n octets and run the health tests over each. */
static cabref_status draw(cabref_rv_source src, void *ctx, cabref_rv_health *hs, uint8_t *buf,
                          size_t n, cabref_error *err) {
  size_t i;
  if (!src(ctx, buf, n))
    return cabref_fail(err, CABREF_E_IO, 0, "the random source failed (%zu octets asked)", n);
  if (!hs->enabled)
    return CABREF_OK;
  for (i = 0; i < n; i++) {
    int r = cabref_rv_rct_feed(&hs->rct, buf[i]);
    int p = cabref_rv_apt_feed(&hs->apt, buf[i]);
    hs->samples++;
    if (r || p) {
      hs->failed = r ? 1 : 2;
      hs->failed_at = hs->samples;
      OPENSSL_cleanse(buf, n);
      if (r)
        return cabref_fail(err, CABREF_E_INCONSISTENT, 0,
                           "health test failed: repetition count reached %u at octet %llu "
                           "(SP 800-90B 4.4.1); nothing emitted",
                           hs->rct.cutoff, (unsigned long long)hs->samples);
      return cabref_fail(err, CABREF_E_INCONSISTENT, 0,
                         "health test failed: adaptive proportion reached %u at octet %llu "
                         "(SP 800-90B 4.4.2); nothing emitted",
                         hs->apt.cutoff, (unsigned long long)hs->samples);
    }
  }
  return CABREF_OK;
}

cabref_status cabref_rv_generated_length(const cabref_rv_alphabet *a, uint32_t bits,
                                         uint32_t *length) {
  if (a == NULL || length == NULL)
    return CABREF_E_NULL;
  if (bits < 112 || bits > CABREF_RV_MAX_THRESHOLD)
    return CABREF_E_RANGE;
  if (a->kind == CABREF_RV_KIND_OCTETS) {
    uint32_t octets = (bits + 7u) / 8u;
    *length = (octets * 8u + a->bits_per_symbol - 1u) / a->bits_per_symbol;
    return CABREF_OK;
  }
  return cabref_rv_min_length(a->size, bits, length);
}

/* RFC 4648 encoding of octets (no padding: the value is a token, RV-ENCODING). */
static size_t encode_octets(const cabref_rv_alphabet *a, const uint8_t *in, size_t n, char *out) {
  size_t i;
  size_t o = 0;
  uint32_t acc = 0;
  uint32_t have = 0;
  uint32_t bps = a->bits_per_symbol;
  for (i = 0; i < n; i++) {
    acc = (acc << 8) | in[i];
    have += 8;
    while (have >= bps) {
      have -= bps;
      out[o++] = a->symbols[(acc >> have) & ((1u << bps) - 1u)];
    }
    acc &= (1u << have) - 1u;
  }
  if (have > 0)
    out[o++] = a->symbols[(acc << (bps - have)) & ((1u << bps) - 1u)];
  return o;
}

/* RV-DEF, RV-GEN: at least 112 bits, drawn through the health tests. */
cabref_status cabref_rv_generate(const cabref_rv_alphabet *a, uint32_t bits, cabref_rv_source src,
                                 void *ctx, cabref_rv_health *hs, char *out, size_t cap,
                                 cabref_error *err) {
  uint32_t length = 0;
  uint8_t buf[CABREF_RV_MAX_SYMBOLS];
  cabref_status st;
  if (a == NULL || src == NULL || hs == NULL || out == NULL)
    return CABREF_E_NULL;
  if (bits < 112)
    return cabref_fail(err, CABREF_E_RANGE, 0,
                       "%u bits asked: a Random Value needs at least 112 (BR 1.6.1)", bits);
  if (hs->sized_alphabet == a->size && hs->sized_bits == bits &&
      a->kind == CABREF_RV_KIND_SYMBOLS) {
    length = hs->sized_length;
  } else {
    st = cabref_rv_generated_length(a, bits, &length);
    if (st != CABREF_OK)
      return cabref_fail(err, st, 0, "cannot size a value of %u bits (at most %u)", bits,
                         CABREF_RV_MAX_THRESHOLD);
    hs->sized_alphabet = a->kind == CABREF_RV_KIND_SYMBOLS ? a->size : 0u;
    hs->sized_bits = bits;
    hs->sized_length = length;
  }
  if ((size_t)length + 1u > cap)
    return cabref_fail(err, CABREF_E_TOO_LONG, 0, "a value of %u symbols does not fit (%zu)",
                       length, cap);
  if (a->kind == CABREF_RV_KIND_OCTETS) {
    size_t octets = (bits + 7u) / 8u;
    st = draw(src, ctx, hs, buf, octets, err);
    if (st != CABREF_OK)
      return st;
    out[encode_octets(a, buf, octets, out)] = '\0';
  } else {
    size_t have = 0;
    while (have < length) {
      /* Draw what is still missing and a margin for the octets rejection drops (at most
       * 255/256 of them for A = 129; about 3% for 62 symbols), so that one draw usually
       * suffices; a shortfall is made up by the next draw, octets left over are discarded. */
      size_t want = (length - have) + (length - have) / 4u + 8u;
      if (want > sizeof buf)
        want = sizeof buf;
      size_t consumed = 0;
      size_t emitted = 0;
      st = draw(src, ctx, hs, buf, want, err);
      if (st != CABREF_OK) {
        OPENSSL_cleanse(out, cap);
        return st;
      }
      st = cabref_rv_map_octets(buf, want, a->symbols, a->size, out + have, length - have,
                                &consumed, &emitted);
      if (st != CABREF_OK)
        return cabref_fail(err, st, 0, "alphabet of %u symbols cannot be mapped", a->size);
      have += emitted;
    }
    out[length] = '\0';
  }
  OPENSSL_cleanse(buf, sizeof buf);
  return CABREF_OK;
}
