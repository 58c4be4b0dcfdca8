/* cabref: domain names as text, the proven core. Requirements: spec/names.md (NAME-*).
 *
 * A parsed name is a list of label spans into the caller's buffer (no copy, no allocation). The
 * core accepts ASCII only: U-labels are converted to A-labels by the shell (libidn2) before the
 * core sees them. Comparison is ASCII case-insensitive; the buffer is never modified.
 */
#ifndef CABREF_NAME_H
#define CABREF_NAME_H

#include <stddef.h>
#include <stdint.h>

#define CABREF_NAME_MAX_TEXT 253u /* RFC 1035 §2.3.4 / RFC 2181 §11: 255 octets on the wire */
#define CABREF_NAME_MAX_LABEL 63u
#define CABREF_NAME_MAX_LABELS 127u /* 127 one-octet labels + dots = 253 */

/* What a caller allows beyond a plain LDH host name. */
#define CABREF_NAME_ALLOW_WILDCARD 0x1u /* a leftmost label that is exactly "*" */
#define CABREF_NAME_ALLOW_UNDERSCORE                                                               \
  0x2u /* '_' in labels (DNS Change prefixes, SRV-like names)                                      \
        */
#define CABREF_NAME_ALLOW_TRAILING_DOT 0x4u

typedef struct {
  uint16_t off; /* offset of the label's first byte in the caller's buffer */
  uint8_t len;  /* 1..63 */
} cabref_label;

typedef struct {
  uint16_t text_len;  /* length of the name without the optional trailing dot */
  uint8_t n_labels;   /* 1..127, the wildcard label included */
  uint8_t wildcard;   /* labels[0] is "*" */
  uint8_t underscore; /* some label holds '_' */
  uint8_t xn_labels;  /* number of labels starting "xn--" (structure checked; Punycode by shell) */
  cabref_label labels[CABREF_NAME_MAX_LABELS]; /* left to right */
} cabref_name;

/* Why a name was refused; the position is returned beside it. Stable values. */
typedef enum {
  CABREF_NAME_OK = 0,
  CABREF_NAME_EMPTY = 1,            /* no bytes, or only a dot */
  CABREF_NAME_TOO_LONG = 2,         /* more than 253 bytes without the trailing dot */
  CABREF_NAME_LABEL_TOO_LONG = 3,   /* a label of more than 63 bytes */
  CABREF_NAME_EMPTY_LABEL = 4,      /* "a..b", a leading dot */
  CABREF_NAME_BAD_CHAR = 5,         /* a byte outside LDH (and '_' / '*' where allowed) */
  CABREF_NAME_NUL = 6,              /* a NUL byte */
  CABREF_NAME_NON_ASCII = 7,        /* a byte >= 0x80: give the A-label form */
  CABREF_NAME_HYPHEN_EDGE = 8,      /* a label starting or ending with '-' */
  CABREF_NAME_RESERVED_LDH = 9,     /* "??--" in positions 3-4 and not "xn--" (RFC 5890 §2.3.1) */
  CABREF_NAME_BAD_WILDCARD = 10,    /* '*' not alone in the leftmost label, or not allowed */
  CABREF_NAME_UNDERSCORE = 11,      /* '_' where the policy refuses it */
  CABREF_NAME_TRAILING_DOT = 12,    /* a trailing dot where the policy refuses it */
  CABREF_NAME_ALL_NUMERIC_TLD = 13, /* the rightmost label is all digits (RFC 3696 §2): an IP? */
  /* Shell only (cabref/name_idn.h): */
  CABREF_NAME_BAD_ALABEL = 14, /* an XN-label that is not a valid A-label (RFC 5891 §5.4) */
  CABREF_NAME_BAD_ULABEL = 15  /* Unicode text IDNA2008 refuses (or not UTF-8) */
} cabref_name_error;

/* The contracts below are ACSL, proved with Frama-C/WP (proofs/wp.sh name_parse update); their
 * vocabulary is spec/name_logic.h, which only Frama-C reads. */
#ifdef __FRAMAC__
#include "name_logic.h"
#endif

/* ---- name_parse.c --------------------------------------------------------------------------
 * NAME-VALID, NAME-SPANS, NAME-ERROR: validate text[0 .. len-1] under `policy` (CABREF_NAME_ALLOW_*
 * bits) and split it into label spans. The text is ASCII; it is never modified and need not be
 * NUL-terminated. Returns CABREF_NAME_OK iff the text is a valid name (spec/names.md), and then
 * fills *out. Otherwise returns the error of the first offending byte, scanning left to right, and
 * sets *err_pos to that byte's 0-based offset (0 for an empty text); *out is then unspecified
 * (partly written). The contract states: OK iff ValidName; on OK, ParsedBody (body length, label
 * spans in order, separated by single dots, covering the body, each a ValidLabel; the wildcard,
 * underscore and XN-label fields); on an error, NameErrorAt (a core code, a position inside the
 * text, and the byte-level condition of that code). That the code is the one of the *first*
 * offending byte is checked by tests and vectors, not stated. */
/*@
  requires valid_text: \valid_read(text + (0 .. len - 1));
  requires valid_out: \valid(out) && \valid(err_pos);
  requires separated: \separated(text + (0 .. len - 1), out, err_pos);
  requires separated_out: \separated(out, err_pos);
  assigns *out, *err_pos;

  ensures iff_valid: \result == CABREF_NAME_OK <==> ValidName(text, len, policy);
  ensures parsed: \result == CABREF_NAME_OK ==>
    ParsedBody(text, NameLen(text, len, policy), policy, out);
  ensures error: \result != CABREF_NAME_OK ==>
    NameErrorAt(text, len, policy, \result, *err_pos);
*/
cabref_name_error cabref_name_parse(const char *text, size_t len, uint32_t policy, cabref_name *out,
                                    size_t *err_pos);

/* NAME-EQUAL: 1 iff the two label spans hold the same bytes up to ASCII case (RFC 4343). */
/*@
  requires valid_a: \valid_read(a_text + (a.off .. a.off + a.len - 1));
  requires valid_b: \valid_read(b_text + (b.off .. b.off + b.len - 1));
  assigns \nothing;
  ensures equal: \result == 1 <==> LabelEq(a_text, a.off, a.len, b_text, b.off, b.len);
  ensures flag: \result == 0 || \result == 1;
*/
int cabref_label_equal(const char *a_text, cabref_label a, const char *b_text, cabref_label b);

/* NAME-SUFFIX: 1 iff the labels of *b are the rightmost labels of *a, compared with
 * cabref_label_equal (a name is a suffix of itself). Both are names as cabref_name_parse leaves
 * them (or any well-formed label lists over readable texts). */
/*@
  requires valid_names: \valid_read(a) && \valid_read(b);
  requires well_formed: WellFormedName(a_text, a) && WellFormedName(b_text, b);
  assigns \nothing;
  ensures suffix: \result == 1 <==> LabelSuffix(a_text, a, b_text, b);
  ensures flag: \result == 0 || \result == 1;
*/
int cabref_name_is_suffix(const char *a_text, const cabref_name *a, const char *b_text,
                          const cabref_name *b);

#endif
