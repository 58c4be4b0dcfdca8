/* libFuzzer target: the name shell (ref/shell/name_idn.c) against libidn2 called directly.
 *
 * Requirements: NAME-IDN, NAME-ALABEL (and, on what they accept, NAME-VALID).
 *
 * The first byte chooses the policy (its low three bits); the rest is the text, copied into an
 * exactly sized heap buffer so that ASan reports any read past its end. Oracles, computed here
 * without the shell's code:
 *  - NAME-IDN: label by label (split on '.'), an ASCII label is lower-cased; a label holding a
 *    byte >= 0x80 is what idn2_to_ascii_8z gives with the shell's flags (IDN2_NFC_INPUT |
 *    IDN2_NONTRANSITIONAL), and that output may hold only LDH bytes and dots (of ASCII,
 *    IDNA2008 allows only LDH, RFC 5892 §2.5 and §3: a U-label cannot yield '_', '*', ' ');
 *    labels are taken in order, a NUL is refused where it is, and the output with its NUL must
 *    fit the buffer. cabref_name_to_ascii must give the same code, position and bytes.
 *  - NAME-ALABEL: a label is an A-label iff it has 5 to 63 ASCII bytes beginning "xn--" (any
 *    case), idn2_to_unicode_8z8z decodes its lower-cased form, the U-label holds a code point
 *    >= 0x80 and no ASCII other than [a-z0-9-], and idn2_to_ascii_8z (IDN2_NONTRANSITIONAL, no
 *    normalisation) encodes it back to the same label. cabref_name_check_alabel must agree on
 *    every label of the text.
 *  - cabref_name_from_text = the conversion, then the core (cabref_name_parse), then the first
 *    XN-label that is not an A-label. With a NUL (NAME-ERROR, first offending byte): the text
 *    before it converted as above (its refused label first), then the core on that conversion
 *    followed by the NUL byte; the NUL is reported at its offset in the text. What it accepts is
 * lower-case LDH ('*', '_' where the policy allows), parses to the same spans, and survives
 * libidn2's IDNA2008 round trip: the whole name converted to Unicode and back is the name again,
 * and libidn2 converts the original text to it too (ASCII case aside).
 */
#include <idn2.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/name.h"
#include "cabref/name_idn.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

#define IDN_FLAGS (IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL)
#define MAX_INPUT 1024u

static char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? (char)(c + ('a' - 'A')) : c;
}

static int is_ldh(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

static int ascii_ieq(const char *a, const char *b, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (lower(a[k]) != lower(b[k]))
      return 0;
  return 1;
}

/* NAME-ALABEL, from libidn2 directly: 1 if label[0 .. len-1] is an A-label. */
static int oracle_alabel(const char *label, size_t len) {
  char tmp[CABREF_NAME_MAX_LABEL + 1u];
  char *u = NULL;
  char *a = NULL;
  int ok = 0;
  int non_ascii = 0;
  if (len < 5u || len > CABREF_NAME_MAX_LABEL)
    return 0;
  for (size_t k = 0; k < len; k++) {
    if (label[k] == '\0' || (unsigned char)label[k] >= 0x80u)
      return 0;
    tmp[k] = lower(label[k]);
  }
  tmp[len] = '\0';
  if (memcmp(tmp, "xn--", 4) != 0)
    return 0;
  if (idn2_to_unicode_8z8z(tmp, &u, 0) != IDN2_OK || u == NULL)
    goto out;
  for (const char *p = u; *p != '\0'; p++) {
    if ((unsigned char)*p >= 0x80u)
      non_ascii = 1;
    else if (!is_ldh(*p))
      goto out;
  }
  if (!non_ascii)
    goto out;
  if (idn2_to_ascii_8z(u, &a, IDN2_NONTRANSITIONAL) != IDN2_OK || a == NULL)
    goto out;
  ok = strlen(a) == len && ascii_ieq(a, tmp, len);
out:
  idn2_free(u);
  idn2_free(a);
  return ok;
}

/* NAME-IDN, from libidn2 directly: the expected code of cabref_name_to_ascii, its position, and
 * (on success) the expected output in out[0 .. *out_len - 1]. out holds at least cap bytes. */
static cabref_name_error oracle_to_ascii(const char *text, size_t len, char *out, size_t cap,
                                         size_t *out_len, size_t *pos) {
  size_t o = 0;
  size_t i = 0;
  *out_len = 0;
  *pos = 0;
  while (i < len) {
    size_t s = i;
    size_t e = i;
    int ascii = 1;
    const char *nul;
    while (e < len && text[e] != '.')
      e++;
    nul = memchr(text + s, '\0', e - s);
    if (nul != NULL) {
      *pos = (size_t)(nul - text);
      return CABREF_NAME_NUL;
    }
    for (size_t k = s; k < e; k++)
      if ((unsigned char)text[k] >= 0x80u)
        ascii = 0;
    if (ascii) {
      if (o + (e - s) > cap - 1u) {
        *pos = cap - 1u;
        return CABREF_NAME_TOO_LONG;
      }
      for (size_t k = s; k < e; k++)
        out[o++] = lower(text[k]);
    } else {
      char *u = malloc(e - s + 1u);
      char *a = NULL;
      size_t alen;
      int rc;
      CHECK(u != NULL);
      memcpy(u, text + s, e - s);
      u[e - s] = '\0';
      rc = idn2_to_ascii_8z(u, &a, IDN_FLAGS);
      free(u);
      if (rc == IDN2_OK && a != NULL)
        for (const char *p = a; *p != '\0'; p++)
          if (!is_ldh(lower(*p)) && *p != '.')
            rc = IDN2_DISALLOWED;
      if (rc != IDN2_OK || a == NULL) {
        idn2_free(a);
        *pos = s;
        return CABREF_NAME_BAD_ULABEL;
      }
      alen = strlen(a);
      if (o + alen > cap - 1u) {
        idn2_free(a);
        *pos = cap - 1u;
        return CABREF_NAME_TOO_LONG;
      }
      for (size_t k = 0; k < alen; k++)
        out[o++] = lower(a[k]);
      idn2_free(a);
    }
    i = e;
    if (i < len) {
      if (o + 1u > cap - 1u) {
        *pos = cap - 1u;
        return CABREF_NAME_TOO_LONG;
      }
      out[o++] = '.';
      i++;
    }
  }
  *out_len = o;
  return CABREF_NAME_OK;
}

/* NAME-ALABEL on every label of the raw text (the direct path, with any case). */
static void check_labels(const char *text, size_t len) {
  size_t s = 0;
  while (s <= len) {
    size_t e = s;
    int rc = 1;
    cabref_name_error got;
    while (e < len && text[e] != '.')
      e++;
    got = cabref_name_check_alabel(text + s, e - s, &rc);
    CHECK((got == CABREF_NAME_OK) == oracle_alabel(text + s, e - s));
    CHECK(got == CABREF_NAME_OK || got == CABREF_NAME_BAD_ALABEL);
    CHECK(rc <= 0 && (got != CABREF_NAME_OK || rc == IDN2_OK));
    s = e + 1;
  }
}

/* What from_text accepted: lower-case LDH, the same spans, and libidn2's IDNA2008 round trip. */
static void check_accepted(const char *text, size_t len, uint32_t policy, const char *buf,
                           const cabref_name *nm) {
  cabref_name again;
  size_t pos = 0;
  size_t blen = strlen(buf);
  char *u = NULL;
  char *a = NULL;
  char *direct = NULL;
  char *t;
  int rc;

  CHECK(cabref_name_parse(buf, blen, policy, &again, &pos) == CABREF_NAME_OK);
  CHECK(again.n_labels == nm->n_labels && again.text_len == nm->text_len);
  for (size_t j = 0; j < nm->n_labels; j++) {
    const char *l = buf + nm->labels[j].off;
    CHECK(again.labels[j].off == nm->labels[j].off && again.labels[j].len == nm->labels[j].len);
    if (nm->labels[j].len >= 4u && memcmp(l, "xn--", 4) == 0)
      CHECK(oracle_alabel(l, nm->labels[j].len));
  }
  for (size_t k = 0; k < nm->text_len; k++)
    CHECK(is_ldh(buf[k]) || buf[k] == '.' || buf[k] == '*' || buf[k] == '_');

  /* IDNA2008 round trip of the whole name. */
  rc = idn2_to_unicode_8z8z(buf, &u, 0);
  CHECK(rc == IDN2_OK && u != NULL);
  rc = idn2_to_ascii_8z(u, &a, IDN2_NONTRANSITIONAL);
  CHECK(rc == IDN2_OK && a != NULL);
  CHECK(strlen(a) == blen && ascii_ieq(a, buf, blen));

  /* libidn2 converts the original text to the same name. */
  t = malloc(len + 1u);
  CHECK(t != NULL);
  memcpy(t, text, len);
  t[len] = '\0';
  rc = idn2_to_ascii_8z(t, &direct, IDN_FLAGS);
  CHECK(rc == IDN2_OK && direct != NULL);
  CHECK(strlen(direct) == blen && ascii_ieq(direct, buf, blen));
  free(t);
  idn2_free(u);
  idn2_free(a);
  idn2_free(direct);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint32_t policy;
  size_t len;
  char *text;
  char buf[CABREF_NAME_TEXT_BUF + 1u];
  char want[CABREF_NAME_TEXT_BUF + 1u];
  char buf2[CABREF_NAME_TEXT_BUF];
  size_t out_len = (size_t)-1, want_len = 0, pos = (size_t)-1, want_pos = 0, pos2 = (size_t)-1;
  cabref_name_error e, w, f;
  cabref_name nm;

  if (size == 0 || size > MAX_INPUT + 1u)
    return 0;
  policy = data[0] & 7u;
  len = size - 1;
  text = malloc(len > 0 ? len : 1);
  CHECK(text != NULL);
  if (len > 0)
    memcpy(text, data + 1, len);

  /* NAME-IDN: the conversion, byte for byte. */
  buf[CABREF_NAME_TEXT_BUF] = 'Z'; /* a canary past cap */
  e = cabref_name_to_ascii(text, len, buf, CABREF_NAME_TEXT_BUF, &out_len, &pos);
  w = oracle_to_ascii(text, len, want, CABREF_NAME_TEXT_BUF, &want_len, &want_pos);
  CHECK(buf[CABREF_NAME_TEXT_BUF] == 'Z');
  CHECK(e == w);
  if (e == CABREF_NAME_OK) {
    CHECK(out_len == want_len && out_len < CABREF_NAME_TEXT_BUF);
    CHECK(memcmp(buf, want, out_len) == 0 && buf[out_len] == '\0');
    for (size_t k = 0; k < out_len; k++)
      CHECK((unsigned char)buf[k] < 0x80u && !(buf[k] >= 'A' && buf[k] <= 'Z'));
  } else {
    CHECK(out_len == 0 && pos == want_pos);
  }

  /* NAME-ALABEL, directly. */
  check_labels(text, len);

  /* The whole shell: conversion, core, A-labels. */
  f = cabref_name_from_text(text, len, policy, buf2, sizeof buf2, &nm, &pos2);
  if (e == CABREF_NAME_OK) {
    size_t core_pos = 0;
    cabref_name core;
    cabref_name_error c = cabref_name_parse(buf, out_len, policy, &core, &core_pos);
    CHECK(strcmp(buf2, buf) == 0);
    if (c != CABREF_NAME_OK) {
      CHECK(f == c && pos2 == core_pos);
    } else {
      size_t j;
      for (j = 0; j < core.n_labels; j++) {
        const char *l = buf + core.labels[j].off;
        if (core.labels[j].len >= 4u && memcmp(l, "xn--", 4) == 0 &&
            !oracle_alabel(l, core.labels[j].len))
          break;
      }
      if (j < core.n_labels) {
        CHECK(f == CABREF_NAME_BAD_ALABEL && pos2 == core.labels[j].off);
      } else {
        CHECK(f == CABREF_NAME_OK);
        check_accepted(text, len, policy, buf2, &nm);
      }
    }
  } else if (e == CABREF_NAME_TOO_LONG) {
    /* An ASCII text (up to its first NUL: nothing after it is judged) is judged by the core as
     * it stands; otherwise too-long. */
    size_t k = 0;
    while (k < len && text[k] != '\0' && (unsigned char)text[k] < 0x80u)
      k++;
    if (k < len && text[k] != '\0') {
      CHECK(f == CABREF_NAME_TOO_LONG && pos2 == pos);
    } else {
      cabref_name core;
      size_t core_pos = 0;
      cabref_name_error c = cabref_name_parse(text, len, policy, &core, &core_pos);
      CHECK(c != CABREF_NAME_OK && f == c && pos2 == core_pos);
    }
  } else if (e == CABREF_NAME_NUL) {
    size_t nul = pos, pre_len = 0, pre_pos = 0;
    cabref_name_error p =
        oracle_to_ascii(text, nul, want, CABREF_NAME_TEXT_BUF, &pre_len, &pre_pos);
    if (p == CABREF_NAME_OK) {
      cabref_name core;
      size_t core_pos = 0;
      cabref_name_error c;
      want[pre_len] = '\0';
      c = cabref_name_parse(want, pre_len + 1u, policy, &core, &core_pos);
      CHECK(c != CABREF_NAME_OK);
      if (c == CABREF_NAME_NUL)
        CHECK(f == CABREF_NAME_NUL && pos2 == nul);
      else
        CHECK(f == c && pos2 == core_pos);
    } else if (p == CABREF_NAME_TOO_LONG) {
      size_t k = 0;
      while (k < nul && (unsigned char)text[k] < 0x80u)
        k++;
      if (k < nul) {
        CHECK(f == CABREF_NAME_TOO_LONG && pos2 == pre_pos);
      } else {
        cabref_name core;
        size_t core_pos = 0;
        cabref_name_error c = cabref_name_parse(text, len, policy, &core, &core_pos);
        CHECK(c != CABREF_NAME_OK && f == c && pos2 == core_pos && core_pos <= nul);
      }
    } else {
      CHECK(p == CABREF_NAME_BAD_ULABEL && f == p && pos2 == pre_pos && pre_pos < nul);
    }
  } else {
    CHECK(f == e && pos2 == pos);
  }
  free(text);
  return 0;
}
