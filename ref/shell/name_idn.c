/* cabref: names from user text (spec/names.md NAME-IDN, NAME-ALABEL). The shell converts with
 * libidn2; the core (ref/core/name_parse.c) decides validity. */
#include "cabref/name_idn.h"

#include <idn2.h>
#include <stdlib.h>
#include <string.h>

static char lower_ascii(char c) {
  return (c >= 'A' && c <= 'Z') ? (char)(c + ('a' - 'A')) : c;
}

static int is_ldh(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

/* NAME-ALABEL (RFC 5891 §5.4): decode the Punycode, require a valid IDNA2008 U-label, re-encode
 * and compare with the input, ASCII case-insensitively. */
cabref_name_error cabref_name_check_alabel(const char *label, size_t len, int *idn2_rc) {
  char tmp[CABREF_NAME_MAX_LABEL + 1u];
  char *ulabel = NULL;
  uint8_t *alabel = NULL;
  int rc;
  size_t k;
  cabref_name_error result = CABREF_NAME_BAD_ALABEL;

  if (idn2_rc != NULL)
    *idn2_rc = IDN2_OK;
  if (label == NULL || len < 5u || len > CABREF_NAME_MAX_LABEL)
    return CABREF_NAME_BAD_ALABEL;
  for (k = 0; k < len; k++) {
    if (label[k] == '\0' || (unsigned char)label[k] >= 0x80u)
      return CABREF_NAME_BAD_ALABEL;
    tmp[k] = lower_ascii(label[k]);
  }
  tmp[len] = '\0';
  if (memcmp(tmp, "xn--", 4) != 0)
    return CABREF_NAME_BAD_ALABEL;

  /* RFC 3492 §6.2 decoding, then the IDNA2008 U-label checks libidn2 applies on output. */
  rc = idn2_to_unicode_8z8z(tmp, &ulabel, 0);
  if (rc != IDN2_OK) {
    if (idn2_rc != NULL)
      *idn2_rc = rc;
    goto out;
  }
  /* RFC 5892 §2.5 and §3: of ASCII, IDNA2008 allows only LDH. libidn2 2.3.3 does not
   * check ASCII beside non-ASCII ("xn--_-eha" decodes to "_\u00fc" and re-encodes unchanged). */
  for (k = 0; ulabel[k] != '\0'; k++)
    if ((unsigned char)ulabel[k] < 0x80u && !is_ldh(ulabel[k]))
      goto out;
  /* RFC 5891 §5.4: the U-label must itself be valid (NFC, IDNA2008 code points, context and
   * bidi rules) and convert back to exactly this A-label. Without normalisation flags libidn2
   * refuses a non-NFC U-label instead of silently normalising it. */
  rc = idn2_lookup_u8((const uint8_t *)ulabel, &alabel, IDN2_NONTRANSITIONAL);
  if (rc != IDN2_OK) {
    if (idn2_rc != NULL)
      *idn2_rc = rc;
    goto out;
  }
  if (strlen((const char *)alabel) == len) {
    for (k = 0; k < len; k++)
      if (lower_ascii((char)alabel[k]) != tmp[k])
        break;
    if (k == len)
      result = CABREF_NAME_OK;
  }
out:
  idn2_free(ulabel);
  idn2_free(alabel);
  return result;
}

/* NAME-IDN (RFC 5892 §2.5, §3): what a U-label may convert to. */
size_t cabref_name_ldh_prefix(const char *a, size_t n) {
  size_t k = 0;
  while (k < n && (is_ldh(lower_ascii(a[k])) || a[k] == '.'))
    k++;
  return k;
}

/* NAME-IDN: label by label, so that '*', '_' and the dots reach the core untouched. */
cabref_name_error cabref_name_to_ascii(const char *text, size_t len, char *buf, size_t cap,
                                       size_t *out_len, size_t *err_pos) {
  size_t i = 0;
  size_t o = 0;
  *out_len = 0;
  *err_pos = 0;
  if (buf == NULL || cap < CABREF_NAME_TEXT_BUF)
    return CABREF_NAME_TOO_LONG;
  buf[0] = '\0';
  if (text == NULL && len > 0u)
    return CABREF_NAME_EMPTY;
  while (i < len) {
    size_t s = i;
    size_t e;
    int ascii = 1;
    while (i < len && text[i] != '.') {
      if (text[i] == '\0') {
        *err_pos = i;
        return CABREF_NAME_NUL;
      }
      if ((unsigned char)text[i] >= 0x80u)
        ascii = 0;
      i++;
    }
    e = i;
    if (ascii) {
      if (e - s >= cap - o) {
        *err_pos = cap - 1u;
        return CABREF_NAME_TOO_LONG;
      }
      for (size_t k = s; k < e; k++)
        buf[o++] = lower_ascii(text[k]);
    } else {
      char *u = malloc(e - s + 1u);
      uint8_t *a = NULL;
      int rc;
      size_t alen;
      if (u == NULL) {
        *err_pos = s;
        return CABREF_NAME_BAD_ULABEL;
      }
      memcpy(u, text + s, e - s);
      u[e - s] = '\0';
      rc = idn2_lookup_u8((const uint8_t *)u, &a, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
      free(u);
      if (rc != IDN2_OK) {
        idn2_free(a);
        *err_pos = s;
        return CABREF_NAME_BAD_ULABEL;
      }
      /* A U-label holds no ASCII but LDH (RFC 5892 §2.5, §3), so its A-labels are LDH; dots come
       * from the full stops UTS #46 maps (U+3002). libidn2 without STD3 rules would let a
       * fullwidth '*' or '_' (U+FF0A, U+FF3F) or an ASCII '_' beside a U-label through as
       * '*' and '_' for the core to take as a wildcard or an underscore label. */
      alen = strlen((const char *)a);
      if (cabref_name_ldh_prefix((const char *)a, alen) != alen) {
        idn2_free(a);
        *err_pos = s;
        return CABREF_NAME_BAD_ULABEL;
      }
      if (alen >= cap - o) {
        idn2_free(a);
        *err_pos = cap - 1u;
        return CABREF_NAME_TOO_LONG;
      }
      for (size_t k = 0; k < alen; k++)
        buf[o++] = lower_ascii((char)a[k]);
      idn2_free(a);
    }
    if (i < len) {
      if (o + 1u >= cap) {
        *err_pos = cap - 1u;
        return CABREF_NAME_TOO_LONG;
      }
      buf[o++] = '.';
      i++;
    }
  }
  buf[o] = '\0';
  *out_len = o;
  return CABREF_NAME_OK;
}

cabref_name_error cabref_name_from_text(const char *text, size_t len, uint32_t policy, char *buf,
                                        size_t cap, cabref_name *out, size_t *err_pos) {
  size_t blen = 0;
  cabref_name_error e = cabref_name_to_ascii(text, len, buf, cap, &blen, err_pos);
  if (e == CABREF_NAME_NUL) {
    /* NAME-ERROR: the first offending byte wins. The text before the NUL is converted as if it
     * ended there; a label libidn2 refuses, or a byte the core refuses in the converted text, comes
     * before the NUL. Then the core judges the converted text followed by the NUL itself (the
     * conversion leaves buf[blen] = NUL), so that its check order at that byte holds too. */
    size_t nul = *err_pos;
    e = cabref_name_to_ascii(text, nul, buf, cap, &blen, err_pos);
    if (e == CABREF_NAME_OK) {
      e = cabref_name_parse(buf, blen + 1u, policy, out, err_pos);
      if (e == CABREF_NAME_NUL || e == CABREF_NAME_OK) {
        *err_pos = nul; /* a NUL is reported at its offset in the given text */
        return CABREF_NAME_NUL;
      }
      return e;
    }
  }
  if (e == CABREF_NAME_TOO_LONG && text != NULL) {
    /* Too long for the buffer. An ASCII text needs no conversion, so the core judges the text
     * itself (case does not change validity) and reports its first offending byte (a 300-byte
     * label is label-too-long at offset 63, not too-long); a NUL is ASCII too, and the bytes after
     * the first one are never judged. */
    size_t k = 0;
    while (k < len && text[k] != '\0' && (unsigned char)text[k] < 0x80u)
      k++;
    if (k == len || text[k] == '\0') {
      size_t pos = 0;
      cabref_name_error core = cabref_name_parse(text, len, policy, out, &pos);
      if (core != CABREF_NAME_OK) {
        *err_pos = pos;
        return core;
      }
    }
    return e;
  }
  if (e != CABREF_NAME_OK)
    return e;
  /* The core decides (NAME-VALID). */
  e = cabref_name_parse(buf, blen, policy, out, err_pos);
  if (e != CABREF_NAME_OK)
    return e;
  /* NAME-ALABEL: every XN-label must be a real A-label. */
  for (size_t j = 0; j < out->n_labels; j++) {
    const char *l = buf + out->labels[j].off;
    if (out->labels[j].len >= 4u && l[0] == 'x' && l[1] == 'n' && l[2] == '-' && l[3] == '-' &&
        cabref_name_check_alabel(l, out->labels[j].len, NULL) != CABREF_NAME_OK) {
      *err_pos = out->labels[j].off;
      return CABREF_NAME_BAD_ALABEL;
    }
  }
  return CABREF_NAME_OK;
}

const char *cabref_name_error_name(cabref_name_error e) {
  switch (e) {
  case CABREF_NAME_OK:
    return "ok";
  case CABREF_NAME_EMPTY:
    return "empty";
  case CABREF_NAME_TOO_LONG:
    return "too-long";
  case CABREF_NAME_LABEL_TOO_LONG:
    return "label-too-long";
  case CABREF_NAME_EMPTY_LABEL:
    return "empty-label";
  case CABREF_NAME_BAD_CHAR:
    return "bad-char";
  case CABREF_NAME_NUL:
    return "nul";
  case CABREF_NAME_NON_ASCII:
    return "non-ascii";
  case CABREF_NAME_HYPHEN_EDGE:
    return "hyphen-edge";
  case CABREF_NAME_RESERVED_LDH:
    return "reserved-ldh";
  case CABREF_NAME_BAD_WILDCARD:
    return "bad-wildcard";
  case CABREF_NAME_UNDERSCORE:
    return "underscore";
  case CABREF_NAME_TRAILING_DOT:
    return "trailing-dot";
  case CABREF_NAME_ALL_NUMERIC_TLD:
    return "all-numeric-tld";
  case CABREF_NAME_BAD_ALABEL:
    return "bad-alabel";
  case CABREF_NAME_BAD_ULABEL:
    return "bad-ulabel";
  }
  return "unknown";
}

uint32_t cabref_name_policy_bit(const char *word) {
  if (word == NULL)
    return 0;
  if (strcmp(word, "wildcard") == 0)
    return CABREF_NAME_ALLOW_WILDCARD;
  if (strcmp(word, "underscore") == 0)
    return CABREF_NAME_ALLOW_UNDERSCORE;
  if (strcmp(word, "trailing-dot") == 0)
    return CABREF_NAME_ALLOW_TRAILING_DOT;
  return 0;
}

size_t cabref_utf8_seq(const unsigned char *s, size_t n) {
  uint32_t cp;
  size_t len, k;
  if (n == 0)
    return 0;
  if (s[0] < 0x80u)
    return 1;
  if (s[0] >= 0xc2u && s[0] <= 0xdfu) {
    len = 2;
    cp = s[0] & 0x1fu;
  } else if (s[0] >= 0xe0u && s[0] <= 0xefu) {
    len = 3;
    cp = s[0] & 0x0fu;
  } else if (s[0] >= 0xf0u && s[0] <= 0xf4u) {
    len = 4;
    cp = s[0] & 0x07u;
  } else {
    return 0;
  }
  if (n < len)
    return 0;
  for (k = 1; k < len; k++) {
    if ((s[k] & 0xc0u) != 0x80u)
      return 0;
    cp = (cp << 6) | (s[k] & 0x3fu);
  }
  if ((len == 3 && cp < 0x800u) || (len == 4 && (cp < 0x10000u || cp > 0x10ffffu)) ||
      (cp >= 0xd800u && cp <= 0xdfffu))
    return 0;
  return len;
}
