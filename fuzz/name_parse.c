/* libFuzzer target: the name parser (ref/core/name_parse.c) against its C twin.
 *
 * Requirements: NAME-VALID, NAME-SPANS, NAME-ERROR, NAME-ASCII, NAME-LDH, NAME-HYPHEN, NAME-RLDH,
 * NAME-LABEL-LEN, NAME-EMPTY-LABEL, NAME-TEXT-LEN, NAME-EMPTY, NAME-TRAILING-DOT,
 * NAME-UNDERSCORE, NAME-WILDCARD, NAME-NUMERIC-TLD, NAME-EQUAL, NAME-SUFFIX.
 *
 * The first byte chooses the policy (its low three bits); the rest is the name, copied into an
 * exactly sized heap buffer so that ASan reports any read past its end. The parser must agree
 * with fuzz/name_twin.h (accept/reject and, on accept, the spans), every span property of
 * NAME-SPANS must hold, an error must name a position inside the text, and every accepted name
 * is a label-suffix of itself and equal to itself label by label.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/name.h"
#include "name_twin.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint32_t policy;
  size_t len;
  char *text;
  cabref_name nm;
  size_t pos = (size_t)-1;
  cabref_name_error e;
  uint16_t offs[CABREF_NAME_MAX_LABELS];
  uint8_t lens[CABREF_NAME_MAX_LABELS];
  size_t count = 0;
  int twin;

  if (size == 0)
    return 0;
  policy = data[0] & 7u;
  len = size - 1;
  text = malloc(len > 0 ? len : 1);
  CHECK(text != NULL);
  if (len > 0)
    memcpy(text, data + 1, len);

  e = cabref_name_parse(text, len, policy, &nm, &pos);
  twin = cabref_name_valid_twin_spans(text, len, policy, offs, lens, &count);
  /* NAME-VALID: the parser accepts exactly what the twin of ValidName accepts. */
  CHECK((e == CABREF_NAME_OK) == (twin == 1));
  if (e != CABREF_NAME_OK) {
    /* NAME-ERROR: a code of the core and a position inside the text. */
    CHECK(e >= CABREF_NAME_EMPTY && e <= CABREF_NAME_ALL_NUMERIC_TLD);
    CHECK(pos <= len && (len == 0 || pos < len));
    if (e == CABREF_NAME_NUL)
      CHECK(text[pos] == '\0');
    if (e == CABREF_NAME_NON_ASCII)
      CHECK((unsigned char)text[pos] >= 0x80u);
    if (e == CABREF_NAME_HYPHEN_EDGE || e == CABREF_NAME_RESERVED_LDH)
      CHECK(text[pos] == '-');
    if (e == CABREF_NAME_BAD_WILDCARD)
      CHECK(text[pos] == '*');
    if (e == CABREF_NAME_UNDERSCORE)
      CHECK(text[pos] == '_' && (policy & CABREF_NAME_ALLOW_UNDERSCORE) == 0);
    if (e == CABREF_NAME_TOO_LONG)
      CHECK(pos == CABREF_NAME_MAX_TEXT);
  } else {
    /* NAME-SPANS. */
    size_t n = len;
    if (len > 0 && text[len - 1] == '.' && (policy & CABREF_NAME_ALLOW_TRAILING_DOT))
      n = len - 1;
    CHECK(nm.text_len == n && n >= 1 && n <= CABREF_NAME_MAX_TEXT);
    CHECK(nm.n_labels >= 1 && nm.n_labels <= CABREF_NAME_MAX_LABELS && nm.n_labels == count);
    CHECK(nm.labels[0].off == 0);
    CHECK((size_t)nm.labels[nm.n_labels - 1].off + nm.labels[nm.n_labels - 1].len == n);
    for (size_t j = 0; j < nm.n_labels; j++) {
      CHECK(nm.labels[j].off == offs[j] && nm.labels[j].len == lens[j]);
      CHECK(nm.labels[j].len >= 1 && nm.labels[j].len <= CABREF_NAME_MAX_LABEL);
      CHECK(memchr(text + nm.labels[j].off, '.', nm.labels[j].len) == NULL);
      if (j + 1 < nm.n_labels) {
        CHECK(text[nm.labels[j].off + nm.labels[j].len] == '.');
        CHECK(nm.labels[j + 1].off == nm.labels[j].off + nm.labels[j].len + 1);
      }
      /* NAME-EQUAL: every label equals itself. */
      CHECK(cabref_label_equal(text, nm.labels[j], text, nm.labels[j]) == 1);
    }
    CHECK(nm.wildcard == (nm.labels[0].len == 1 && text[0] == '*'));
    CHECK(nm.underscore == 0 || (policy & CABREF_NAME_ALLOW_UNDERSCORE));
    CHECK(nm.underscore == (memchr(text, '_', n) != NULL));
    CHECK(nm.xn_labels <= nm.n_labels);
    /* NAME-SUFFIX: a name is a suffix of itself; its parent (if any) is a suffix of it. */
    CHECK(cabref_name_is_suffix(text, &nm, text, &nm) == 1);
    if (nm.n_labels > 1) {
      cabref_name parent = nm;
      parent.n_labels = (uint8_t)(nm.n_labels - 1);
      memmove(parent.labels, nm.labels + 1, parent.n_labels * sizeof parent.labels[0]);
      CHECK(cabref_name_is_suffix(text, &nm, text, &parent) == 1);
      CHECK(cabref_name_is_suffix(text, &parent, text, &nm) == 0);
    }
  }
  free(text);
  return 0;
}
