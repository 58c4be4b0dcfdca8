/* cabref: an independent C twin of the ACSL predicate ValidName (spec/name_logic.h,
 * spec/names.md NAME-VALID), for the fuzz harness. Written differently from the parser on
 * purpose: it first finds every dot, then judges each label as a whole string.
 * Header-only, no allocation; returns 1 iff valid, and fills spans (off, len) when not NULL.
 */
#ifndef CABREF_NAME_TWIN_H
#define CABREF_NAME_TWIN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cabref/name.h"

static inline int twin_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* One label s[0 .. n-1]; first says it is the leftmost label; more says labels follow it. */
static inline int twin_label_ok(const unsigned char *s, size_t n, uint32_t policy, int first,
                                int more) {
  if (n < 1 || n > 63)
    return 0;
  if (n == 1 && s[0] == '*') /* BR Wildcard Domain Name: "*." then an FQDN */
    return (policy & CABREF_NAME_ALLOW_WILDCARD) && first && more;
  if (s[0] == '-' || s[n - 1] == '-')
    return 0;
  if (n >= 4 && s[2] == '-' && s[3] == '-' &&
      !((s[0] == 'x' || s[0] == 'X') && (s[1] == 'n' || s[1] == 'N')))
    return 0;
  for (size_t k = 0; k < n; k++) {
    unsigned char c = s[k];
    if (twin_alnum(c) || c == '-')
      continue;
    if (c == '_' && (policy & CABREF_NAME_ALLOW_UNDERSCORE))
      continue;
    return 0;
  }
  return 1;
}

static inline int twin_all_digits(const unsigned char *s, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (s[k] < '0' || s[k] > '9')
      return 0;
  return 1;
}

/* NAME-VALID. offs/lens (127 entries each) receive the spans when not NULL; *count their number. */
static inline int cabref_name_valid_twin_spans(const char *text, size_t len, uint32_t policy,
                                               uint16_t *offs, uint8_t *lens, size_t *count) {
  const unsigned char *t = (const unsigned char *)text;
  size_t dots[260];
  size_t nd = 0;
  size_t n = len;
  if (n > 0 && t[n - 1] == '.' && (policy & CABREF_NAME_ALLOW_TRAILING_DOT))
    n--;
  if (n == 0 || n > 253)
    return 0;
  for (size_t k = 0; k < n; k++)
    if (t[k] == '.')
      dots[nd++] = k;
  dots[nd] = n; /* a virtual dot at the end */
  {
    size_t b = 0;
    for (size_t j = 0; j <= nd; j++) {
      size_t e = dots[j];
      if (e < b || !twin_label_ok(t + b, e - b, policy, j == 0, j < nd))
        return 0;
      if (offs != NULL) {
        offs[j] = (uint16_t)b;
        lens[j] = (uint8_t)(e - b);
      }
      if (j == nd && twin_all_digits(t + b, e - b)) /* RFC 3696 §2 */
        return 0;
      b = e + 1;
    }
  }
  if (count != NULL)
    *count = nd + 1;
  return 1;
}

static inline int cabref_name_valid_twin(const char *text, size_t len, uint32_t policy) {
  return cabref_name_valid_twin_spans(text, len, policy, NULL, NULL, NULL);
}

#endif
