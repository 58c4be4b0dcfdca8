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

#define CABREF_NAME_MAX_TEXT 253u   /* RFC 1035 §2.3.4 / RFC 2181 §11: 255 octets on the wire */
#define CABREF_NAME_MAX_LABEL 63u
#define CABREF_NAME_MAX_LABELS 127u /* 127 one-octet labels + dots = 253 */

/* What a caller allows beyond a plain LDH host name. */
#define CABREF_NAME_ALLOW_WILDCARD 0x1u   /* a leftmost label that is exactly "*" */
#define CABREF_NAME_ALLOW_UNDERSCORE 0x2u /* '_' in labels (DNS Change prefixes, SRV-like names) */
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
  CABREF_NAME_ALL_NUMERIC_TLD = 13  /* the rightmost label is all digits (RFC 3696 §2): an IP? */
} cabref_name_error;

#endif
