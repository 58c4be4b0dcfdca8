/* cabref shell: alphabets, the checker of presented values, generation through OpenSSL and the
 * exact Adaptive Proportion Test cutoff (spec/random-value.md). The shell parses and gathers;
 * the bounds, the mapping, the health tests and the windows are the proven core's (rv.h). */
#ifndef CABREF_RV_SHELL_H
#define CABREF_RV_SHELL_H

#include <stddef.h>
#include <stdint.h>

#include "cabref/ballot.h" /* cabref_error */
#include "cabref/rv.h"

/* The most symbols an alphabet can have: the printable ASCII octets 0x21 .. 0x7E. */
#define CABREF_RV_ALPHABET_MAX 94u
/* The longest value the checker reads (RV-ENTROPY-BITS computes up to 1024 symbols). */
#define CABREF_RV_VALUE_MAX CABREF_RV_MAX_SYMBOLS

typedef enum {
  CABREF_RV_KIND_SYMBOLS = 0, /* each symbol stands alone (decimal, alphanumeric, custom) */
  CABREF_RV_KIND_OCTETS = 1   /* the symbols encode octets (hex, base32, base32hex, base64url) */
} cabref_rv_kind;

typedef struct {
  char name[16];                            /* "hex", ..., or "custom" */
  char symbols[CABREF_RV_ALPHABET_MAX + 1]; /* NUL-terminated, in symbol-value order */
  uint32_t size;
  uint32_t kind;            /* cabref_rv_kind */
  uint32_t bits_per_symbol; /* octet encodings: 4, 5 or 6 */
  uint8_t padding;          /* octet encodings that define '=' padding (base32, base64url) */
  const char *fault;        /* when parsing fails: empty-alphabet, one-symbol, repeated-symbol,
                               not-printable, too-many-symbols */
} cabref_rv_alphabet;

/* RV-ENCODING: a named alphabet (hex, decimal, base32, base32hex, base64url, alnum, lower,
 * lowernum, base36, base58, printable) or, for anything else (or after "chars:"), the symbols
 * themselves: 2 to 94 distinct printable ASCII octets. CABREF_E_SYNTAX names the offending
 * symbol and its 1-based position. */
cabref_status cabref_rv_alphabet_parse(const char *spec, cabref_rv_alphabet *out,
                                       cabref_error *err);

/* The channels a value travels over (RV-CHANNEL). */
typedef enum {
  CABREF_RV_CHANNEL_EXACT = 0,
  CABREF_RV_CHANNEL_CASELESS = 1,
  CABREF_RV_CHANNEL_DNS_LABEL = 2
} cabref_rv_channel;

typedef struct {
  uint32_t length;        /* symbols, padding excluded */
  uint32_t padding;       /* '=' octets at the end */
  uint32_t octets;        /* octet encodings: octets encoded */
  uint32_t capacity_bits; /* RV-CAPACITY */
  uint8_t canonical;
  char noncanonical[96]; /* why not, when not */
  uint32_t channel;      /* cabref_rv_channel */
  uint32_t channel_bits; /* bits kept over the channel */
  uint32_t fold_classes; /* symbols after case folding */
  uint32_t fold_largest; /* most symbols folded into one */
  uint8_t channel_fits;  /* dns-label: the value is a label */
  char channel_problem[96];
  uint32_t threshold;
  uint8_t capacity_meets; /* capacity_bits >= threshold, exactly (RV-ENTROPY-MEETS) */
  uint8_t channel_meets;
  const char *fault; /* when the check fails: bad-symbol, bad-length, bad-padding, empty,
                        too-long (a stable code for the error's message) */
} cabref_rv_facts;

/* RV-CAPACITY, RV-ENCODING, RV-CHANNEL: what the string v[0 .. len-1] can show over the channel.
 * A symbol outside the alphabet, bad padding or a length no octet string encodes to is
 * CABREF_E_SYNTAX with the 1-based column; a value longer than CABREF_RV_VALUE_MAX symbols is
 * CABREF_E_TOO_LONG; an empty value CABREF_E_SYNTAX. */
cabref_status cabref_rv_value_check(const char *v, size_t len, const cabref_rv_alphabet *a,
                                    uint32_t channel, uint32_t threshold, cabref_rv_facts *f,
                                    cabref_error *err);
const char *cabref_rv_channel_name(uint32_t channel);
int cabref_rv_channel_parse(const char *s, uint32_t *channel);

/* RV-HEALTH-APT-CUTOFF: 1 + CRITBINOM(window, 2^-h, 1 - 2^-alpha_bits), exactly (OpenSSL
 * BIGNUM), for integer h in 1..8, alpha_bits in 1..64 and window in 2..4096. With corrected
 * != 0, the variant 2 + CRITBINOM(window - 1, ...) (spec/random-value.md, decision 5). */
cabref_status cabref_rv_apt_cutoff(uint32_t window, uint32_t h, uint32_t alpha_bits, int corrected,
                                   uint32_t *cutoff);

/* A source of random octets: returns 1 when n octets were written to buf, else 0. */
typedef int (*cabref_rv_source)(void *ctx, uint8_t *buf, size_t n);
/* RV-GEN: OpenSSL RAND_bytes, accepted only when it returns exactly 1. ctx is unused. */
int cabref_rv_source_openssl(void *ctx, uint8_t *buf, size_t n);

/* The health tests of a run (RV-HEALTH-STOP), fed with every octet drawn. */
typedef struct {
  uint32_t h;          /* claimed min-entropy per octet, bits (integer 1..8) */
  uint32_t alpha_bits; /* false-alarm probability 2^-alpha_bits */
  uint8_t enabled;
  cabref_rv_rct rct;
  cabref_rv_apt apt;
  uint64_t samples;   /* octets tested */
  uint8_t failed;     /* 1: RCT, 2: APT */
  uint64_t failed_at; /* 1-based octet index of the failure */
  /* The run's last sizing (RV-MIN-LENGTH is exact but not free: computed once per alphabet
   * and number of bits, not once per value). */
  uint32_t sized_alphabet, sized_bits, sized_length;
} cabref_rv_health;

cabref_status cabref_rv_health_start(cabref_rv_health *hs, int enabled, uint32_t h,
                                     uint32_t alpha_bits, cabref_error *err);

/* RV-GEN: one value of at least `bits` bits over the alphabet into out (NUL-terminated, at most
 * cap - 1 symbols). Every octet drawn goes through the health tests first; a failing test or a
 * failing source is an error and out holds nothing. */
cabref_status cabref_rv_generate(const cabref_rv_alphabet *a, uint32_t bits, cabref_rv_source src,
                                 void *ctx, cabref_rv_health *hs, char *out, size_t cap,
                                 cabref_error *err);

/* The stable names of a window's rule (cabref_rv_rule) and of a use's verdict
 * (cabref_rv_use_verdict), as the CLI's JSON and the vectors write them. */
const char *cabref_rv_rule_name(uint32_t rule);
const char *cabref_rv_use_name(uint32_t verdict);

/* RV-MIN-LENGTH / RV-GEN: the length of a generated value. */
cabref_status cabref_rv_generated_length(const cabref_rv_alphabet *a, uint32_t bits,
                                         uint32_t *length);

#endif
