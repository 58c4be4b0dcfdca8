/* cabref: names from user text, the shell around the name core (spec/names.md NAME-IDN,
 * NAME-ALABEL). libidn2 converts U-labels to A-labels and checks XN-labels; the core
 * (cabref/name.h) decides validity. Positions refer to the converted, lower-cased text in the
 * caller's buffer, except those of CABREF_NAME_NUL and CABREF_NAME_BAD_ULABEL, which are offsets
 * in the given text (for an ASCII text before the error, the two are the same).
 */
#ifndef CABREF_NAME_IDN_H
#define CABREF_NAME_IDN_H

#include <stddef.h>
#include <stdint.h>

#include "cabref/name.h"

/* The smallest buffer cabref_name_from_text accepts: 253 bytes, a trailing dot and a NUL, with
 * one byte to spare so that a 255-byte text is still seen (and refused) whole. */
#define CABREF_NAME_TEXT_BUF 256u

/* NAME-ALABEL: label[0 .. len-1] begins "xn--" (any case). CABREF_NAME_OK iff it is an A-label:
 * its Punycode decodes, the U-label is valid IDNA2008 and re-encodes to the same label
 * (ASCII case-insensitively). Otherwise CABREF_NAME_BAD_ALABEL; *idn2_rc (if not NULL) receives
 * the libidn2 status of the step that failed (IDN2_OK when the round trip differs). */
cabref_name_error cabref_name_check_alabel(const char *label, size_t len, int *idn2_rc);

/* NAME-IDN (RFC 5892 §2.5, §3): the length of the longest prefix of a[0 .. n-1] made of LDH
 * bytes (ASCII letters in either case, digits, '-') and dots: n iff libidn2's conversion a of a
 * label holding non-ASCII is acceptable (a U-label holds no ASCII but LDH, so '*', '_' and the
 * like that libidn2 maps fullwidth forms to are not). Used for names here and for the list's
 * rules by the PSL loader (PSL-CANON). */
size_t cabref_name_ldh_prefix(const char *a, size_t n);

/* NAME-IDN: text[0 .. len-1] (UTF-8, any case) into buf: ASCII letters lower-cased, every label
 * holding a byte >= 0x80 converted to its A-label (idn2_lookup_u8, IDN2_NFC_INPUT |
 * IDN2_NONTRANSITIONAL). Dots, '*' and '_' are left for the core to judge. buf is NUL-terminated;
 * *out_len is the converted length. Errors: CABREF_NAME_NUL (a NUL byte in the label being
 * converted; *err_pos its offset in text), CABREF_NAME_BAD_ULABEL (*err_pos the offset in text of
 * the label libidn2 refused, or whose conversion holds ASCII other than LDH),
 * CABREF_NAME_TOO_LONG (the result does not fit: *err_pos = cap - 1); labels are converted left
 * to right and the first failure is returned, with *out_len 0. This is the conversion only: it
 * does not know the policy, so a NUL after a byte the core would refuse is still CABREF_NAME_NUL
 * here; cabref_name_from_text gives the first offending byte. cap must be at least
 * CABREF_NAME_TEXT_BUF. */
cabref_name_error cabref_name_to_ascii(const char *text, size_t len, char *buf, size_t cap,
                                       size_t *out_len, size_t *err_pos);

/* NAME-IDN, NAME-VALID, NAME-ALABEL: what the CLI and the vectors call. Converts text into buf
 * (cabref_name_to_ascii), parses buf with cabref_name_parse under policy into *out (spans into
 * buf), then checks every XN-label (cabref_name_check_alabel; CABREF_NAME_BAD_ALABEL with
 * *err_pos the label's offset in buf). NAME-ERROR: with a NUL byte, the text before it is
 * converted and judged as above, followed by the NUL; the first offending byte wins
 * ("-a.b\0c" is CABREF_NAME_HYPHEN_EDGE at 0, "ab\0-" CABREF_NAME_NUL at 2), and nothing after
 * the NUL is judged. */
cabref_name_error cabref_name_from_text(const char *text, size_t len, uint32_t policy, char *buf,
                                        size_t cap, cabref_name *out, size_t *err_pos);

/* The stable name of an error code, as in vectors/names.json ("label-too-long"); "unknown" for a
 * value that is not a code. */
const char *cabref_name_error_name(cabref_name_error e);

/* The policy bit of a vector policy word ("wildcard", "underscore", "trailing-dot"), 0 if none. */
uint32_t cabref_name_policy_bit(const char *word);

/* The length of the well-formed UTF-8 sequence at s[0 .. n-1] (RFC 3629 §4: no overlong form, no
 * surrogate, nothing above U+10FFFF), 0 if there is none or n is 0. The one UTF-8 check of the
 * shell and the CLI (vote logs, JSON echo of names). */
size_t cabref_utf8_seq(const unsigned char *s, size_t n);

#endif
