/* cabref shell: alphabets and what a presented value can show (spec/random-value.md
 * RV-ENCODING, RV-CAPACITY, RV-CHANNEL). The arithmetic is the proven core's
 * (cabref_rv_entropy_bits, cabref_rv_entropy_meets); this file reads the string. */
#include <stdio.h>
#include <string.h>

#include <openssl/bn.h>

#include "cabref/rv_shell.h"
#include "shell.h"

typedef struct {
  const char *name;
  const char *symbols;
  uint32_t kind;
  uint32_t bits_per_symbol;
  uint8_t padding;
} named_alphabet;

/* RFC 4648 §8 (base16, written in lower case), §6 (base32), §7 (base32hex), §5 (base64url);
 * the others are the plain symbol sets CAs and ACME servers use (notes §2, §3.3). */
static const named_alphabet NAMED[] = {
    {"hex", "0123456789abcdef", CABREF_RV_KIND_OCTETS, 4, 0},
    {"base32", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", CABREF_RV_KIND_OCTETS, 5, 1},
    {"base32hex", "0123456789ABCDEFGHIJKLMNOPQRSTUV", CABREF_RV_KIND_OCTETS, 5, 1},
    {"base64url", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
     CABREF_RV_KIND_OCTETS, 6, 1},
    {"decimal", "0123456789", CABREF_RV_KIND_SYMBOLS, 0, 0},
    {"lower", "abcdefghijklmnopqrstuvwxyz", CABREF_RV_KIND_SYMBOLS, 0, 0},
    {"lowernum", "abcdefghijklmnopqrstuvwxyz0123456789", CABREF_RV_KIND_SYMBOLS, 0, 0},
    {"base36", "0123456789abcdefghijklmnopqrstuvwxyz", CABREF_RV_KIND_SYMBOLS, 0, 0},
    {"alnum", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
     CABREF_RV_KIND_SYMBOLS, 0, 0},
    {"base58", "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", CABREF_RV_KIND_SYMBOLS,
     0, 0},
    {"printable", NULL, CABREF_RV_KIND_SYMBOLS, 0, 0}, /* 0x21 .. 0x7E */
};

static int printable(unsigned char c) {
  return c >= 0x21 && c <= 0x7E;
}

cabref_status cabref_rv_alphabet_parse(const char *spec, cabref_rv_alphabet *out,
                                       cabref_error *err) {
  size_t i;
  size_t n;
  uint8_t seen[256];
  if (spec == NULL || out == NULL)
    return CABREF_E_NULL;
  memset(out, 0, sizeof *out);
  if (strncmp(spec, "chars:", 6) != 0) {
    for (i = 0; i < sizeof NAMED / sizeof NAMED[0]; i++) {
      if (strcmp(spec, NAMED[i].name) != 0)
        continue;
      snprintf(out->name, sizeof out->name, "%s", NAMED[i].name);
      if (NAMED[i].symbols == NULL) {
        for (n = 0; n < CABREF_RV_ALPHABET_MAX; n++)
          out->symbols[n] = (char)(0x21 + n);
        out->symbols[n] = '\0';
      } else {
        snprintf(out->symbols, sizeof out->symbols, "%s", NAMED[i].symbols);
      }
      out->size = (uint32_t)strlen(out->symbols);
      out->kind = NAMED[i].kind;
      out->bits_per_symbol = NAMED[i].bits_per_symbol;
      out->padding = NAMED[i].padding;
      return CABREF_OK;
    }
  } else {
    spec += 6;
  }
  /* A custom alphabet: its symbols, in the order their values take. */
  n = strlen(spec);
  if (n == 0) {
    out->fault = "empty-alphabet";
    return cabref_fail(err, CABREF_E_SYNTAX, 0, "empty alphabet");
  }
  if (n > CABREF_RV_ALPHABET_MAX) {
    out->fault = "too-many-symbols";
    return cabref_fail(err, CABREF_E_SYNTAX, CABREF_RV_ALPHABET_MAX + 1,
                       "alphabet of more than 94 symbols (a symbol repeats or is not printable)");
  }
  memset(seen, 0, sizeof seen);
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)spec[i];
    char sym[8];
    if (!printable(c)) {
      out->fault = "not-printable";
      snprintf(sym, sizeof sym, "0x%02X", (unsigned)c);
      return cabref_fail(err, CABREF_E_SYNTAX, (unsigned long)(i + 1),
                         "alphabet symbol %s is not printable ASCII (0x21-0x7E)", sym);
    }
    if (seen[c]) {
      out->fault = "repeated-symbol";
      snprintf(sym, sizeof sym, "%c", c);
      return cabref_fail(err, CABREF_E_SYNTAX, (unsigned long)(i + 1),
                         "alphabet symbol '%s' is repeated (symbols must be distinct)", sym);
    }
    seen[c] = 1;
  }
  if (n < 2) {
    out->fault = "one-symbol";
    return cabref_fail(err, CABREF_E_SYNTAX, 1,
                       "alphabet of one symbol carries no entropy (at least 2 needed)");
  }
  snprintf(out->name, sizeof out->name, "custom");
  memcpy(out->symbols, spec, n);
  out->symbols[n] = '\0';
  out->size = (uint32_t)n;
  out->kind = CABREF_RV_KIND_SYMBOLS;
  return CABREF_OK;
}

const char *cabref_rv_channel_name(uint32_t channel) {
  switch (channel) {
  case CABREF_RV_CHANNEL_EXACT:
    return "exact";
  case CABREF_RV_CHANNEL_CASELESS:
    return "caseless";
  case CABREF_RV_CHANNEL_DNS_LABEL:
    return "dns-label";
  default:
    return "unknown";
  }
}

int cabref_rv_channel_parse(const char *s, uint32_t *channel) {
  uint32_t c;
  for (c = CABREF_RV_CHANNEL_EXACT; c <= CABREF_RV_CHANNEL_DNS_LABEL; c++) {
    if (strcmp(s, cabref_rv_channel_name(c)) == 0) {
      *channel = c;
      return 0;
    }
  }
  return -1;
}

/* floor(l * log2(a / m)) for a > m >= 1: the largest b with a^l >= m^l * 2^b. 0 on success. */
static int ratio_bits(uint32_t a, uint32_t m, uint32_t l, uint32_t *bits) {
  BN_CTX *ctx = BN_CTX_new();
  BIGNUM *x = BN_new(), *y = BN_new(), *e = BN_new(), *t = BN_new();
  int rc = -1;
  int b;
  if (ctx == NULL || x == NULL || y == NULL || e == NULL || t == NULL)
    goto out;
  if (!BN_set_word(x, a) || !BN_set_word(y, m) || !BN_set_word(e, l) || !BN_exp(x, x, e, ctx) ||
      !BN_exp(y, y, e, ctx))
    goto out;
  /* 2^(bits(x) - bits(y) - 1) <= x / y < 2^(bits(x) - bits(y) + 1): try the larger first. */
  for (b = BN_num_bits(x) - BN_num_bits(y) + 1; b >= 0; b--) {
    if (!BN_lshift(t, y, b))
      goto out;
    if (BN_cmp(x, t) >= 0) {
      *bits = (uint32_t)b;
      rc = 0;
      goto out;
    }
  }
  *bits = 0;
  rc = 0;
out:
  BN_free(x);
  BN_free(y);
  BN_free(e);
  BN_free(t);
  BN_CTX_free(ctx);
  return rc;
}

static unsigned char fold(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Index of c in the alphabet, or -1; hex also reads upper-case digits (non-canonical). */
static int symbol_index(const cabref_rv_alphabet *a, unsigned char c, int *upper_hex) {
  const char *p;
  if (c == '\0')
    return -1;
  p = strchr(a->symbols, (int)c);
  if (p != NULL)
    return (int)(p - a->symbols);
  if (strcmp(a->name, "hex") == 0 && c >= 'A' && c <= 'F') {
    *upper_hex = 1;
    return (int)(c - 'A' + 10);
  }
  return -1;
}

/* RV-CHANNEL: the case-folded classes of the alphabet. */
static void fold_classes(const cabref_rv_alphabet *a, uint32_t *classes, uint32_t *largest) {
  uint32_t count[256];
  uint32_t i;
  memset(count, 0, sizeof count);
  *classes = 0;
  *largest = 0;
  for (i = 0; i < a->size; i++) {
    unsigned char f = fold((unsigned char)a->symbols[i]);
    if (count[f] == 0)
      (*classes)++;
    count[f]++;
    if (count[f] > *largest)
      *largest = count[f];
  }
}

cabref_status cabref_rv_value_check(const char *v, size_t len, const cabref_rv_alphabet *a,
                                    uint32_t channel, uint32_t threshold, cabref_rv_facts *f,
                                    cabref_error *err) {
  size_t n = len;
  size_t i;
  int upper_hex = 0;
  uint32_t last = 0;
  int meets = 0;
  cabref_status st;
  if (v == NULL || a == NULL || f == NULL)
    return CABREF_E_NULL;
  memset(f, 0, sizeof *f);
  f->channel = channel;
  f->threshold = threshold;
  f->canonical = 1;
  f->channel_fits = 1;
  if (len == 0) {
    f->fault = "empty";
    return cabref_fail(err, CABREF_E_SYNTAX, 0, "empty value");
  }
  /* Padding: '=' octets at the end, for the encodings that define it (RFC 4648 §3.2). */
  while (a->padding && n > 0 && v[n - 1] == '=')
    n--;
  f->padding = (uint32_t)(len - n);
  if (n > CABREF_RV_VALUE_MAX) {
    f->fault = "too-long";
    return cabref_fail(err, CABREF_E_TOO_LONG, CABREF_RV_VALUE_MAX + 1,
                       "value longer than 1024 symbols");
  }
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)v[i];
    int k = symbol_index(a, c, &upper_hex);
    char sym[8];
    if (k < 0) {
      if (printable(c))
        snprintf(sym, sizeof sym, "'%c'", c);
      else
        snprintf(sym, sizeof sym, "0x%02X", (unsigned)c);
      f->fault = "bad-symbol";
      return cabref_fail(err, CABREF_E_SYNTAX, (unsigned long)(i + 1),
                         "symbol %s is not in the value's alphabet", sym);
    }
    last = (uint32_t)k;
  }
  if (n == 0) {
    f->fault = "empty";
    return cabref_fail(err, CABREF_E_SYNTAX, 1, "value of padding only");
  }
  f->length = (uint32_t)n;
  if (a->kind == CABREF_RV_KIND_OCTETS) {
    uint32_t total = f->length * a->bits_per_symbol;
    uint32_t spare;
    f->octets = total / 8u;
    spare = total - f->octets * 8u;
    /* RFC 4648: a final quantum carries 1, 2, ... octets; a symbol count that leaves a whole
     * symbol of spare bits (base64: 1 mod 4; base32: 1, 3 or 6 mod 8) encodes no octet string. */
    if (spare >= a->bits_per_symbol || f->octets == 0) {
      f->fault = "bad-length";
      return cabref_fail(err, CABREF_E_SYNTAX, (unsigned long)n,
                         "no octet string encodes to this many symbols (%s)", a->name);
    }
    if (f->padding != 0) {
      uint32_t group = a->bits_per_symbol == 6 ? 4u : a->bits_per_symbol == 5 ? 8u : 1u;
      if ((n + f->padding) % group != 0 || f->padding >= group) {
        f->fault = "bad-padding";
        return cabref_fail(err, CABREF_E_SYNTAX, (unsigned long)(n + 1),
                           "wrong amount of '=' padding (%s)", a->name);
      }
      f->canonical = 0;
      snprintf(f->noncanonical, sizeof f->noncanonical, "padded with '='");
    }
    if (spare != 0 && (last & ((1u << spare) - 1u)) != 0) {
      f->canonical = 0;
      snprintf(f->noncanonical, sizeof f->noncanonical,
               "the last symbol's %u unused bits are not zero", (unsigned)spare);
    }
    if (upper_hex) {
      f->canonical = 0;
      snprintf(f->noncanonical, sizeof f->noncanonical, "hex digits in upper case");
    }
    f->capacity_bits = f->octets * 8u;
  } else {
    st = cabref_rv_entropy_bits(a->size, f->length, &f->capacity_bits);
    if (st != CABREF_OK)
      return cabref_fail(err, st, 0, "entropy bound out of range");
  }
  st = a->kind == CABREF_RV_KIND_OCTETS
           ? CABREF_OK
           : cabref_rv_entropy_meets(a->size, f->length, threshold, &meets);
  if (st != CABREF_OK)
    return cabref_fail(err, st, 0, "entropy bound out of range");
  f->capacity_meets =
      a->kind == CABREF_RV_KIND_OCTETS ? (f->capacity_bits >= threshold) : (uint8_t)meets;
  /* RV-CHANNEL */
  f->channel_bits = f->capacity_bits;
  f->channel_meets = f->capacity_meets;
  fold_classes(a, &f->fold_classes, &f->fold_largest);
  if (channel != CABREF_RV_CHANNEL_EXACT && f->fold_largest > 1) {
    /* Each symbol keeps log2(A / m) bits of min-entropy; floor(L * log2(A / m)) is the largest b
     * with A^L >= m^L * 2^b. The core's bound takes a whole alphabet size, so the ratio is
     * computed here with exact integers (OpenSSL BIGNUM). */
    uint32_t bits = 0;
    if (ratio_bits(a->size, f->fold_largest, f->length, &bits) != 0)
      return cabref_fail(err, CABREF_E_RANGE, 0, "out of memory computing the channel's bound");
    if (bits < f->channel_bits)
      f->channel_bits = bits;
    f->channel_meets = f->channel_bits >= threshold;
  }
  if (channel == CABREF_RV_CHANNEL_DNS_LABEL) {
    if (len > 63) {
      f->channel_fits = 0;
      snprintf(f->channel_problem, sizeof f->channel_problem,
               "%zu octets: a DNS label holds at most 63 (RFC 1035 2.3.4)", len);
    }
    for (i = 0; i < len && f->channel_fits; i++) {
      unsigned char c = (unsigned char)v[i];
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_')) {
        f->channel_fits = 0;
        snprintf(f->channel_problem, sizeof f->channel_problem,
                 "octet %zu ('%c') is not a letter, digit, '-' or '_'", i + 1, c);
      }
    }
    if (!f->channel_fits)
      f->channel_meets = 0;
  }
  return CABREF_OK;
}
