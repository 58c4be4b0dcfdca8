/* cabref: Random Values (Ballot 169, BR 1.6.1 "Random Value"); the proven core.
 *
 * Requirements: spec/random-value.md (IDs RV-*). Logic used by the contracts: spec/rv_logic.h.
 * Everything here is pure: no allocation, no I/O, no globals. The shell draws the random octets
 * (OpenSSL), parses alphabets and values and stores what was issued; the core computes bounds,
 * maps octets to symbols, runs the health tests and decides validity windows.
 */
#ifndef CABREF_RV_H
#define CABREF_RV_H

#include <stddef.h>
#include <stdint.h>

#include "cabref/status.h"
#include "cabref/tally.h" /* cabref_instant, civil time */

/* The longest value, in symbols, whose entropy the core computes exactly (RV-ENTROPY-BITS). A
 * Random Value is tens of symbols; 1024 leaves room for any encoding of any sane value while
 * keeping the exact computation (a^l in 1025 32-bit limbs, 4 KiB of stack) cheap. */
#define CABREF_RV_MAX_SYMBOLS 1024u
/* The largest entropy threshold min_length accepts: a value of CABREF_RV_MAX_SYMBOLS binary
 * symbols carries exactly this many bits. */
#define CABREF_RV_MAX_THRESHOLD 1024u

/* NIST SP 800-90B §4.4 continuous health tests over octet samples (RV-HEALTH-*). The claimed
 * min-entropy per sample is the fraction h_num / h_den bits (at most 8: a sample is an octet);
 * the false-alarm probability is 2^-alpha_bits. */
#define CABREF_RV_ALPHA_MIN 1u
#define CABREF_RV_ALPHA_MAX 64u
#define CABREF_RV_H_DEN_MAX 65536u
/* SP 800-90B §4.4.2: the Adaptive Proportion Test window for non-binary samples. */
#define CABREF_RV_APT_WINDOW 512u

/* Instants at which BR 4.2.1's reuse period for domain and IP validation data changed (spec/
 * random-value.md RV-REUSE). Each is the first instant of issuance the new period applies to. */
#define CABREF_RV_T_BALLOT_193                                                                     \
  ((cabref_instant)1519862400)                            /* 2018-03-01: 39 months -> 825 days     \
                                                           */
#define CABREF_RV_T_SC42 ((cabref_instant)1633046400)     /* 2021-10-01: 825 -> 398 days */
#define CABREF_RV_T_SC81_200 ((cabref_instant)1773532800) /* 2026-03-15: 398 -> 200 days */
#define CABREF_RV_T_SC81_100 ((cabref_instant)1805068800) /* 2027-03-15: 200 -> 100 days */
#define CABREF_RV_T_SC81_10 ((cabref_instant)1868227200)  /* 2029-03-15: 100 -> 10 days */
/* The instants the window rules accept (1970-01-01 .. 9990-12-31): room for 39 months. */
#define CABREF_RV_T_FIRST ((cabref_instant)0)
#define CABREF_RV_T_LAST ((cabref_instant)253118217600)
/* "30 days from its creation" (Ballot 169): 30 * 86400 seconds, the last one included. */
#define CABREF_RV_30_DAYS ((cabref_instant)2592000)

/* How the BR bounds the use of a method's Random Value (RV-WINDOW-RULE). Stable values. */
typedef enum {
  CABREF_RV_RULE_NONE = 0,      /* the method uses no Random Value */
  CABREF_RV_RULE_30_DAYS = 1,   /* at most 30 days from creation */
  CABREF_RV_RULE_LONGER_OF = 2, /* the longer of 30 days and, for a request the Applicant
                                   submitted, the reuse period (3.2.2.4.6, 3.2.2.5.1) */
  CABREF_RV_RULE_DNS_OR = 3,    /* 3.2.2.4.7 "30 days; or ... the reuse period", read as the
                                   longer (default) or the shorter by the caller's choice */
  CABREF_RV_RULE_UNSTATED = 4   /* a Random Value, but no period stated (3.2.2.4.10): the CPS's */
} cabref_rv_rule;

/* What the window depends on. */
typedef struct {
  uint32_t section;            /* 4: BR 3.2.2.4 (domains), 5: BR 3.2.2.5 (IP addresses) */
  uint32_t method;             /* N of 3.2.2.<section>.N */
  cabref_instant created;      /* when the CA created the value */
  cabref_instant issuance;     /* when the certificate is issued (selects the reuse period) */
  uint32_t cps_days;           /* the CPS's shorter period in days, 0 for none */
  uint8_t applicant_submitted; /* the Applicant submitted the certificate request */
  uint8_t dns_shorter;         /* read 3.2.2.4.7 as the shorter of its two periods */
} cabref_rv_use;

/* The window: the value may be used from `created` to `deadline`, both included. */
typedef struct {
  cabref_instant deadline;       /* the last instant of use */
  cabref_instant reuse_deadline; /* the end of BR 4.2.1's reuse period counted from creation
                                    (whether or not the rule lets it count) */
  uint32_t rule;                 /* cabref_rv_rule */
  uint32_t reuse_days;           /* the reuse period at issuance in days (0 when in months) */
  uint32_t reuse_months;         /* 39 when the period at issuance is 39 months, else 0 */
  uint8_t by_cps;                /* the CPS's period gave the deadline */
} cabref_rv_window;

/* Whether a use at an instant falls in the window (RV-WINDOW-USE). Stable values. */
typedef enum {
  CABREF_RV_USE_VALID = 0,
  CABREF_RV_USE_BEFORE_CREATION = 1, /* the use precedes the value: a clock error */
  CABREF_RV_USE_EXPIRED = 2          /* after the deadline */
} cabref_rv_use_verdict;

/* Hash and signature algorithms a Request Token's binding is compared by (RV-TOKEN-STRENGTH).
 * Stable values. */
typedef enum {
  CABREF_RV_ALG_UNKNOWN = 0,
  CABREF_RV_ALG_MD5 = 1,
  CABREF_RV_ALG_SHA1 = 2,
  CABREF_RV_ALG_SHA224 = 3,
  CABREF_RV_ALG_SHA256 = 4,
  CABREF_RV_ALG_SHA384 = 5,
  CABREF_RV_ALG_SHA512 = 6,
  CABREF_RV_ALG_SHA512_224 = 7,
  CABREF_RV_ALG_SHA512_256 = 8,
  CABREF_RV_ALG_SHA3_224 = 9,
  CABREF_RV_ALG_SHA3_256 = 10,
  CABREF_RV_ALG_SHA3_384 = 11,
  CABREF_RV_ALG_SHA3_512 = 12,
  CABREF_RV_ALG_ED25519 = 13,
  CABREF_RV_ALG_ED448 = 14
} cabref_rv_alg;
#define CABREF_RV_ALG_MAX 14u

/* Whether a Request Token's timestamp allows its use at an instant (RV-TOKEN-TIME). */
typedef enum {
  CABREF_RV_TOKEN_VALID = 0,
  CABREF_RV_TOKEN_FUTURE = 1, /* the timestamp is after the evaluation instant */
  CABREF_RV_TOKEN_EXPIRED = 2 /* more than 30 days old */
} cabref_rv_token_time_verdict;

#ifdef __FRAMAC__
#include "rv_logic.h"
#endif

/* ---- rv_entropy.c ----------------------------------------------------------------------- */

/* RV-ENTROPY-BITS: the whole-bit entropy of `length` symbols drawn uniformly and independently
 * from an alphabet of `alphabet` symbols: the b with 2^b <= alphabet^length < 2^(b+1), that is
 * floor(length * log2 alphabet), computed exactly in integer arithmetic (no floating point).
 * CABREF_E_RANGE for an empty alphabet or a length above CABREF_RV_MAX_SYMBOLS. */
/*@
  requires valid_out: bits == \null || \valid(bits);
  behavior null:
    assumes bits == \null;
    assigns \nothing;
    ensures status: \result == CABREF_E_NULL;
  behavior range:
    assumes bits != \null;
    assumes alphabet == 0 || length > CABREF_RV_MAX_SYMBOLS;
    assigns \nothing;
    ensures status: \result == CABREF_E_RANGE;
  behavior ok:
    assumes bits != \null;
    assumes alphabet >= 1 && length <= CABREF_RV_MAX_SYMBOLS;
    assigns *bits;
    ensures status: \result == CABREF_OK;
    ensures exact: EntropyBits(alphabet, length, *bits);
    ensures bounded: *bits < 32 * (length + 1);
  complete behaviors;
  disjoint behaviors;
*/
cabref_status cabref_rv_entropy_bits(uint32_t alphabet, uint32_t length, uint32_t *bits);

/* RV-ENTROPY-MEETS: whether `length` such symbols carry at least `threshold` bits
 * (alphabet^length >= 2^threshold), exactly. *meets is 1 or 0. Same ranges as above. */
/*@
  requires valid_out: meets == \null || \valid(meets);
  behavior null:
    assumes meets == \null;
    assigns \nothing;
    ensures status: \result == CABREF_E_NULL;
  behavior range:
    assumes meets != \null;
    assumes alphabet == 0 || length > CABREF_RV_MAX_SYMBOLS;
    assigns \nothing;
    ensures status: \result == CABREF_E_RANGE;
  behavior ok:
    assumes meets != \null;
    assumes alphabet >= 1 && length <= CABREF_RV_MAX_SYMBOLS;
    assigns *meets;
    ensures status: \result == CABREF_OK;
    ensures yes: *meets == 1 <==> EntropyMeets(alphabet, length, threshold);
    ensures no: *meets == 0 <==> !EntropyMeets(alphabet, length, threshold);
  complete behaviors;
  disjoint behaviors;
*/
cabref_status cabref_rv_entropy_meets(uint32_t alphabet, uint32_t length, uint32_t threshold,
                                      int *meets);

/* RV-MIN-LENGTH: the fewest symbols of an alphabet of `alphabet` symbols that carry at least
 * `threshold` bits. CABREF_E_RANGE for an alphabet of fewer than 2 symbols (no length would do)
 * or a threshold above CABREF_RV_MAX_THRESHOLD. */
/*@
  requires valid_out: length == \null || \valid(length);
  behavior null:
    assumes length == \null;
    assigns \nothing;
    ensures status: \result == CABREF_E_NULL;
  behavior range:
    assumes length != \null;
    assumes alphabet < 2 || threshold > CABREF_RV_MAX_THRESHOLD;
    assigns \nothing;
    ensures status: \result == CABREF_E_RANGE;
  behavior ok:
    assumes length != \null;
    assumes alphabet >= 2 && threshold <= CABREF_RV_MAX_THRESHOLD;
    assigns *length;
    ensures status: \result == CABREF_OK;
    ensures fewest: MinLength(alphabet, threshold, *length);
    ensures bounded: *length <= threshold;
  complete behaviors;
  disjoint behaviors;
*/
cabref_status cabref_rv_min_length(uint32_t alphabet, uint32_t threshold, uint32_t *length);

/* ---- rv_sample.c ------------------------------------------------------------------------ */

/* RV-REJECTION: random octets to symbols without modulo bias. Octets are read from src in
 * order; an octet below RejectLimit(a) (the largest multiple of a not above 256) emits symbol
 * alphabet[octet mod a], one at or above it is rejected (skipped), so that every symbol is
 * emitted by exactly 256 div a octet values. Stops when `cap` symbols are written or the octets
 * run out; *consumed octets were read, *emitted symbols written (not NUL-terminated). The
 * caller draws more octets while *emitted < the length it wants. CABREF_E_RANGE for an alphabet
 * of fewer than 2 or more than 256 symbols. */
/*@
  requires valid_src: n == 0 || \valid_read(src + (0 .. n - 1));
  requires valid_alphabet: alphabet == \null || \valid_read(alphabet + (0 .. a - 1));
  requires valid_out: cap == 0 || \valid(out + (0 .. cap - 1));
  requires valid_counts: \valid(consumed) && \valid(emitted);
  requires separated: \separated(out + (0 .. cap - 1), alphabet + (0 .. a - 1), consumed, emitted);
  requires separated_counts: \separated(consumed, emitted);
  requires sizes: n <= SIZE_MAX && cap <= SIZE_MAX;
  behavior null:
    assumes alphabet == \null;
    assigns \nothing;
    ensures status: \result == CABREF_E_NULL;
  behavior range:
    assumes alphabet != \null && (a < 2 || a > 256);
    assigns \nothing;
    ensures status: \result == CABREF_E_RANGE;
  behavior ok:
    assumes alphabet != \null && 2 <= a <= 256;
    assigns out[0 .. cap - 1], *consumed, *emitted;
    ensures status: \result == CABREF_OK;
    ensures consumed: *consumed <= n;
    ensures emitted: *emitted <= cap;
    ensures count: *emitted == Accepted(src, *consumed, RejectLimit(a));
    ensures stops_full: *consumed < n ==> *emitted == cap;
    ensures mapping: \forall integer i; 0 <= i < *consumed && src[i] < RejectLimit(a) ==>
      out[Accepted(src, i, RejectLimit(a))] == alphabet[src[i] % a];
    ensures symbols: \forall integer k; 0 <= k < *emitted ==> IsSymbol(alphabet, a, out[k]);
  complete behaviors;
  disjoint behaviors;
*/
cabref_status cabref_rv_map_octets(const uint8_t *src, size_t n, const char *alphabet, uint32_t a,
                                   char *out, size_t cap, size_t *consumed, size_t *emitted);

/* RV-REJECTION: the rejection limit itself, for the shell's reports and the vectors. */
/*@
  requires range: 1 <= a <= 256;
  assigns \nothing;
  ensures limit: \result == RejectLimit(a);
  ensures multiple: \result % a == 0;
  ensures largest: \result <= 256 < \result + a;
*/
uint32_t cabref_rv_reject_limit(uint32_t a);

/* ---- rv_health.c ------------------------------------------------------------------------ */

/* RV-HEALTH-RCT-CUTOFF: the Repetition Count Test cutoff C = 1 + ceil(alpha_bits / H). */
/*@
  requires valid_out: cutoff == \null || \valid(cutoff);
  behavior null:
    assumes cutoff == \null;
    assigns \nothing;
    ensures status: \result == CABREF_E_NULL;
  behavior range:
    assumes cutoff != \null;
    assumes !(CABREF_RV_ALPHA_MIN <= alpha_bits <= CABREF_RV_ALPHA_MAX && 1 <= h_num &&
              1 <= h_den <= CABREF_RV_H_DEN_MAX && h_num <= 8 * h_den);
    assigns \nothing;
    ensures status: \result == CABREF_E_RANGE;
  behavior ok:
    assumes cutoff != \null;
    assumes CABREF_RV_ALPHA_MIN <= alpha_bits <= CABREF_RV_ALPHA_MAX && 1 <= h_num &&
            1 <= h_den <= CABREF_RV_H_DEN_MAX && h_num <= 8 * h_den;
    assigns *cutoff;
    ensures status: \result == CABREF_OK;
    ensures ceiling: (*cutoff - 1) * h_num >= alpha_bits * h_den;
    ensures smallest: (*cutoff - 2) * h_num < alpha_bits * h_den;
    ensures at_least_two: *cutoff >= 2;
  complete behaviors;
  disjoint behaviors;
*/
cabref_status cabref_rv_rct_cutoff(uint32_t alpha_bits, uint32_t h_num, uint32_t h_den,
                                   uint32_t *cutoff);

/* The state of a Repetition Count Test: the last sample and the length of the run of equal
 * samples that ends with it (capped at the cutoff). */
typedef struct {
  uint32_t cutoff; /* C, at least 2 */
  uint32_t run;    /* 0 before the first sample, then 1 .. C */
  uint8_t last;    /* the last sample seen (meaningless while run is 0) */
} cabref_rv_rct;

/* Start a Repetition Count Test with a cutoff from cabref_rv_rct_cutoff. */
/*@
  requires valid: \valid(t);
  requires cutoff: cutoff >= 2;
  assigns *t;
  ensures fresh: t->cutoff == cutoff && t->run == 0;
*/
void cabref_rv_rct_start(cabref_rv_rct *t, uint32_t cutoff);

/* RV-HEALTH-RCT: feed one sample; 1 when the run of equal samples ending with it has reached
 * the cutoff (the test fails), else 0. */
/*@
  requires valid: \valid(t);
  requires state: t->cutoff >= 2 && t->run <= t->cutoff;
  assigns t->run, t->last;
  ensures last: t->last == sample;
  ensures same: \old(t->run) >= 1 && \old(t->last) == sample ==>
    t->run == (\old(t->run) < t->cutoff ? \old(t->run) + 1 : t->cutoff);
  ensures other: !(\old(t->run) >= 1 && \old(t->last) == sample) ==> t->run == 1;
  ensures verdict: \result == (t->run >= t->cutoff ? 1 : 0);
  ensures state: 1 <= t->run <= t->cutoff;
*/
int cabref_rv_rct_feed(cabref_rv_rct *t, uint8_t sample);

/* The state of an Adaptive Proportion Test: the window's first sample and how often it has
 * been seen so far in the window. */
typedef struct {
  uint32_t cutoff; /* C, 2 .. CABREF_RV_APT_WINDOW */
  uint32_t seen;   /* samples of the current window seen, 0 .. W-1 (0: a new window starts) */
  uint32_t count;  /* occurrences of `first` in the window so far */
  uint8_t first;   /* the window's first sample */
} cabref_rv_apt;

/*@
  requires valid: \valid(t);
  requires cutoff: 2 <= cutoff <= CABREF_RV_APT_WINDOW;
  assigns *t;
  ensures fresh: t->cutoff == cutoff && t->seen == 0 && t->count == 0;
*/
void cabref_rv_apt_start(cabref_rv_apt *t, uint32_t cutoff);

/* RV-HEALTH-APT: feed one sample; 1 when the window's first sample has now been seen `cutoff`
 * times within the window (the test fails), else 0. A window is CABREF_RV_APT_WINDOW samples,
 * its first included; the sample after its last starts a new window. */
/*@
  requires valid: \valid(t);
  requires state: AptState(t->cutoff, t->seen, t->count);
  assigns t->seen, t->count, t->first;
  ensures verdict: \result == (AptCount(\old(t->seen), \old(t->count), \old(t->first), sample) >=
    t->cutoff ? 1 : 0);
  ensures within: \old(t->seen) + 1 < CABREF_RV_APT_WINDOW ==> t->seen == \old(t->seen) + 1 &&
    t->count == AptCount(\old(t->seen), \old(t->count), \old(t->first), sample) &&
    t->first == (\old(t->seen) == 0 ? sample : \old(t->first));
  ensures next_window: \old(t->seen) + 1 == CABREF_RV_APT_WINDOW ==> t->seen == 0 && t->count == 0;
  ensures state: AptState(t->cutoff, t->seen, t->count);
*/
int cabref_rv_apt_feed(cabref_rv_apt *t, uint8_t sample);

/* ---- rv_validity.c ---------------------------------------------------------------------- */

/* RV-WINDOW-RULE: the rule bounding the use of method 3.2.2.<section>.<method>'s Random Value. */
/*@
  assigns \nothing;
  ensures rule: \result == RvRuleOf(section, method);
*/
cabref_rv_rule cabref_rv_rule_of(uint32_t section, uint32_t method);

/* RV-REUSE: BR 4.2.1's reuse period for domain and IP validation data, by the issuance instant:
 * *days (0 when the period is in months) and *months (39 before 2018-03-01, else 0). */
/*@
  requires valid: \valid(days) && \valid(months) && \separated(days, months);
  assigns *days, *months;
  ensures days: *days == ReuseDays(issuance);
  ensures months: *months == ReuseMonths(issuance);
*/
void cabref_rv_reuse_period(cabref_instant issuance, uint32_t *days, uint32_t *months);

/* RV-WINDOW: the last instant at which the method's Random Value may be used, by the rule of
 * the method (RvRuleOf), the reuse period at issuance (RV-REUSE) and the CPS (RV-WINDOW-CPS).
 * CABREF_E_RANGE for a method without a Random Value (RvRuleOf NONE), a method whose period is
 * unstated and no CPS period given, an instant outside CABREF_RV_T_FIRST .. CABREF_RV_T_LAST or a
 * CPS period above 100000 days. */
/*@
  requires valid: use == \null || \valid_read(use);
  requires valid_out: out == \null || \valid(out);
  requires separated: use == \null || out == \null || \separated(use, out);
  behavior null:
    assumes use == \null || out == \null;
    assigns \nothing;
    ensures status: \result == CABREF_E_NULL;
  behavior range:
    assumes use != \null && out != \null;
    assumes !RvWindowDefined(use->section, use->method, use->created, use->issuance, use->cps_days);
    assigns \nothing;
    ensures status: \result == CABREF_E_RANGE;
  behavior ok:
    assumes use != \null && out != \null;
    assumes RvWindowDefined(use->section, use->method, use->created, use->issuance, use->cps_days);
    assigns *out;
    ensures status: \result == CABREF_OK;
    ensures rule: out->rule == RvRuleOf(use->section, use->method);
    ensures reuse: ReuseDeadline(use->created, use->issuance, out->reuse_deadline);
    ensures reuse_period: out->reuse_days == ReuseDays(use->issuance) &&
      out->reuse_months == ReuseMonths(use->issuance);
    ensures deadline: out->deadline == RvDeadline(out->rule, use->created, out->reuse_deadline,
      use->applicant_submitted, use->dns_shorter, use->cps_days);
    ensures by_cps: out->by_cps == 1 <==> (out->rule == CABREF_RV_RULE_UNSTATED ||
      (use->cps_days != 0 && use->created + use->cps_days * 86400 <
         RvRuleDeadline(out->rule, use->created, out->reuse_deadline, use->applicant_submitted,
                        use->dns_shorter)));
  complete behaviors;
  disjoint behaviors;
*/
cabref_status cabref_rv_window_of(const cabref_rv_use *use, cabref_rv_window *out);

/* RV-WINDOW-USE: whether a use at `at` of a value created at `created` with the given deadline
 * is inside its window. */
/*@
  assigns \nothing;
  ensures before: at < created ==> \result == CABREF_RV_USE_BEFORE_CREATION;
  ensures expired: created <= at && at > deadline ==> \result == CABREF_RV_USE_EXPIRED;
  ensures valid: created <= at <= deadline <==> \result == CABREF_RV_USE_VALID;
*/
cabref_rv_use_verdict cabref_rv_use_check(cabref_instant created, cabref_instant deadline,
                                          cabref_instant at);

/* ---- rv_token.c ------------------------------------------------------------------------- */

/* RV-TOKEN-STRENGTH: the security strength in bits of an algorithm for a binding (NIST SP 800-57
 * Part 1 Rev. 5 Table 3, collision resistance of hash functions; EdDSA by its curve, SP 800-186).
 * 0 for an unknown algorithm and for MD5; 80 for SHA-1 (the table's "at most 80"). */
/*@
  assigns \nothing;
  ensures strength: \result == AlgStrength(alg);
*/
uint32_t cabref_rv_alg_strength(uint32_t alg);

/* RV-TOKEN-STRENGTH: a binding made with hash `binding` is at least as strong as the signature
 * algorithm `signature` of the certificate request: 1 when both strengths are known (non-zero)
 * and the binding's is at least the signature's, else 0 (an unknown algorithm never passes). */
/*@
  assigns \nothing;
  ensures verdict: \result == 1 <==> BindingStrongEnough(binding, signature);
  ensures boolean: \result == 0 || \result == 1;
*/
int cabref_rv_binding_ok(uint32_t binding, uint32_t signature);

/* RV-TOKEN-TIMESTAMP: a token timestamp of 12 digits (the BR's YYYYMMDDHHMM, the start of that
 * minute) or 14 digits (YYYYMMDDHHMMSS), UTC. CABREF_E_SYNTAX for another length or a non-digit,
 * CABREF_E_TIME for an impossible date or time. */
/*@
  requires valid: n == 0 || \valid_read(s + (0 .. n - 1));
  requires valid_out: \valid(t);
  requires separated: \separated(s + (0 .. n - 1), t);
  behavior syntax:
    assumes !((n == 12 || n == 14) && TokenDigits(s, n));
    assigns \nothing;
    ensures status: \result == CABREF_E_SYNTAX;
  behavior time:
    assumes (n == 12 || n == 14) && TokenDigits(s, n);
    assumes !TokenTimeValid(s, n);
    assigns \nothing;
    ensures status: \result == CABREF_E_TIME;
  behavior ok:
    assumes (n == 12 || n == 14) && TokenDigits(s, n) && TokenTimeValid(s, n);
    assigns *t;
    ensures status: \result == CABREF_OK;
    ensures instant: *t == TokenInstant(s, n);
  complete behaviors;
  disjoint behaviors;
*/
cabref_status cabref_rv_token_timestamp(const char *s, size_t n, cabref_instant *t);

/* RV-TOKEN-TIME: a token with timestamp ts used at `at`: invalid if ts is in the future (no
 * clock-skew allowance), expired if more than 30 days old (the 2,592,000th second included). */
/*@
  requires range: CABREF_INSTANT_MIN <= ts <= CABREF_INSTANT_MAX &&
    CABREF_INSTANT_MIN <= at <= CABREF_INSTANT_MAX;
  assigns \nothing;
  ensures future: ts > at <==> \result == CABREF_RV_TOKEN_FUTURE;
  ensures expired: ts <= at && at - ts > CABREF_RV_30_DAYS <==> \result == CABREF_RV_TOKEN_EXPIRED;
  ensures valid: ts <= at && at - ts <= CABREF_RV_30_DAYS <==> \result == CABREF_RV_TOKEN_VALID;
*/
cabref_rv_token_time_verdict cabref_rv_token_time(cabref_instant ts, cabref_instant at);

#endif
