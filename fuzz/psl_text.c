/* libFuzzer target: the PSL text format and its compiler, then the matcher on what it compiled
 * (spec/psl.md).
 *
 * The input is a list text, copied into an exactly sized buffer. On an error, no list is returned
 * and the error carries its status and a non-empty message (its line and column are not checked).
 * On success the compiled table passes cabref_psl_table_check, and each of the first 256 nodes
 * that is a valid name is looked up with CABREF_PSL_PRIVATE and must be answered with a suffix
 * within the name and, for a listed rule, a rule index within the table. Requirements checked:
 *  - PSL-MATCH-RULE, PSL-MATCH-PREVAILING: a node carrying a normal rule (either section) is
 *    matched by it, so the prevailing rule is an exception or has at least the node's labels; a
 *    node carrying an exception rule, or below a node that carries one, gets an exception (an
 *    exception prevails over longer normal and wildcard rules: "*.ck", "!www.ck", "foo.www.ck");
 *  - PSL-OPT-SECTIONS on its PRIVATE side: with CABREF_PSL_PRIVATE the PRIVATE rules count too.
 *  - PSL-OPT-DEFAULT, each node looked up again under CABREF_PSL_BR_DEFAULT: the answer comes
 *    from an ICANN rule of its kind and is not marked PRIVATE (ICANN section only, PSL-OPT-SECTIONS
 *    on its ICANN side), there always is one (the "*" rule on), a wildcard rule prevails only for
 *    a name with more labels than its node (strict wildcards), and the node's own ICANN normal
 *    rule still bounds the answer as above;
 *  - PSL-OPT-NO-STAR, each node under CABREF_PSL_NO_STAR_RULE: the answer is never the "*" rule,
 *    and "none" comes with an empty suffix.
 *  - PSL-TABLE-VALID, i.e. PSL-TABLE-SPANS, PSL-TABLE-NODES, PSL-TABLE-PARENT, PSL-TABLE-PREFIX,
 *    PSL-TABLE-UNIQUE and PSL-TABLE-BUCKETS (each node listed in the bucket of its PSL-TABLE-KEY
 *    key): the loader never builds a table that breaks them. It runs cabref_psl_table_check (the
 *    C twin of ValidPslTable) after compiling and refuses a broken table with
 *    CABREF_E_INCONSISTENT; this target fails on that status for any input, and checks the table
 *    again on success. This is only as strong as the twin, which is not independent of the
 *    compiler's notion of a key and is not itself tested on broken tables.
 *  - the text format, by three rewrites of the input whose effect the format fixes (metamorphic
 *    checks; they compare the loader with itself, not with another reading of the format):
 *    PSL-FORMAT-COMMENT: with "// c" and a blank line put in front, the load gives the same status,
 *    the same rule, warning and node counts, and an error two lines further down (same column);
 *    PSL-FORMAT-TEXT: a text without CR, with every LF turned into CR LF, gives the same status,
 *    line, column and counts (the CR before an LF is dropped, and not counted in the 4096 bytes);
 *    PSL-FORMAT-DUPLICATE and PSL-FORMAT-RULE: when the list loads, a copy of its first rule
 *    (the first line neither a comment nor starting with whitespace, necessarily a rule of a
 *    section) put on the next line with " x" after it still loads, with the same rules and nodes
 *    and one warning more (the rule is the text up to the first whitespace; a rule listed twice
 *    in a section is kept once).
 * Exercised for crashes and well-formed errors only, by arbitrary list text: PSL-FORMAT-TEXT's
 * refusals (NUL, invalid UTF-8, long lines), PSL-FORMAT-SECTIONS (markers, nesting, repetition,
 * rules outside sections), PSL-FORMAT-RULE's refusals; what the other rules compile to is not
 * checked here (vectors/psl.json's custom-list tests and tests/test_psl.c check some).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/psl_load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

/* The same load twice must agree: status, counts, and an error's place (line shifted by `dl`). */
static void same_load(const char *t2, size_t n2, cabref_status st, const cabref_psl_list *l,
                      const cabref_error *err, unsigned long dl) {
  cabref_psl_list *l2 = NULL;
  cabref_error err2;
  cabref_status st2 = cabref_psl_load_text(t2, n2, "fuzz", &l2, &err2);
  CHECK(st2 == st);
  if (st != CABREF_OK) {
    CHECK(err2.line == (err->line ? err->line + dl : 0));
    CHECK(err2.column == err->column);
    return;
  }
  CHECK(l2->n_rules == l->n_rules && l2->n_warnings == l->n_warnings);
  CHECK(l2->table.n_nodes == l->table.n_nodes);
  cabref_psl_list_free(l2);
}

static int space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* PSL-FORMAT-COMMENT and PSL-FORMAT-TEXT (CR LF), see the header. */
static void rewrites(const char *text, size_t size, cabref_status st, const cabref_psl_list *l,
                     const cabref_error *err) {
  static const char pre[] = "// c\n\n";
  char *t2 = malloc(2 * size + sizeof pre);
  size_t i, n = 0;
  if (t2 == NULL)
    return;
  memcpy(t2, pre, sizeof pre - 1);
  memcpy(t2 + sizeof pre - 1, text, size);
  same_load(t2, size + sizeof pre - 1, st, l, err, 2);
  if (memchr(text, '\r', size) == NULL) {
    for (i = 0; i < size; i++) {
      if (text[i] == '\n')
        t2[n++] = '\r';
      t2[n++] = text[i];
    }
    same_load(t2, n, st, l, err, 0);
  }
  free(t2);
}

/* PSL-FORMAT-DUPLICATE and PSL-FORMAT-RULE on a list that loaded, see the header. */
static void duplicate_first_rule(const char *text, size_t size, const cabref_psl_list *l) {
  size_t pos = 0, n, tok, at;
  char *t2;
  cabref_psl_list *l2 = NULL;
  cabref_error err2;
  while (pos < size) {
    const char *nl = memchr(text + pos, '\n', size - pos);
    n = nl ? (size_t)(nl - (text + pos)) : size - pos;
    if (n > 0 && !space_byte(text[pos]) && !(n >= 2 && text[pos] == '/' && text[pos + 1] == '/'))
      break;
    pos += n + (nl ? 1 : 0);
  }
  if (pos >= size)
    return; /* no rule */
  for (tok = 0; tok < n && !space_byte(text[pos + tok]); tok++)
    ;
  if (tok + 2 > CABREF_PSL_MAX_LINE)
    return;
  t2 = malloc(size + tok + 4);
  if (t2 == NULL)
    return;
  at = pos + n; /* the end of the rule's line, before its LF (if any) */
  memcpy(t2, text, at);
  t2[at] = '\n';
  memcpy(t2 + at + 1, text + pos, tok);
  memcpy(t2 + at + 1 + tok, " x", 2);
  memcpy(t2 + at + 3 + tok, text + at, size - at);
  CHECK(cabref_psl_load_text(t2, size + tok + 3, "fuzz", &l2, &err2) == CABREF_OK);
  CHECK(l2->n_rules == l->n_rules && l2->n_warnings == l->n_warnings + 1);
  CHECK(l2->table.n_nodes == l->table.n_nodes);
  cabref_psl_list_free(l2);
  free(t2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = malloc(size ? size : 1);
  cabref_psl_list *l = NULL;
  cabref_error err;
  cabref_status st;
  uint32_t r;
  if (text == NULL)
    return 0;
  memcpy(text, data, size);
  st = cabref_psl_load_text(text, size, "fuzz", &l, &err);
  /* PSL-TABLE-VALID: a broken table is a compiler bug, whatever the input. */
  CHECK(st != CABREF_E_INCONSISTENT);
  rewrites(text, size, st, l, &err);
  if (st != CABREF_OK) {
    CHECK(l == NULL);
    CHECK(err.status == st);
    CHECK(memchr(err.message, '\0', sizeof err.message) != NULL && err.message[0] != '\0');
    free(text);
    return 0;
  }
  CHECK(cabref_psl_table_check(&l->table) == NULL);
  duplicate_first_rule(text, size, l);
  for (r = 0; r < l->table.n_nodes && r < 256; r++) {
    const cabref_psl_table *t = &l->table;
    const cabref_psl_node *n = &t->nodes[r];
    char name[300];
    size_t o = 0, pos;
    int i;
    cabref_name nm;
    cabref_psl_match m;
    int below_exception_icann = 0;
    for (i = n->depth - 1; i >= 0; i--) {
      const cabref_psl_span *s = &t->spans[n->labels + (uint32_t)i];
      memcpy(name + o, t->pool + s->off, s->len);
      o += s->len;
      if (i)
        name[o++] = '.';
    }
    if (cabref_name_parse(name, o, 0, &nm, &pos) != CABREF_NAME_OK)
      continue; /* e.g. an all-numeric top-level label: the list allows it, names do not */
    CHECK(cabref_psl_match_name(t, name, o, &nm, CABREF_PSL_PRIVATE, &m) == 0);
    CHECK(m.suffix_labels <= nm.n_labels);
    if (m.kind == CABREF_PSL_RULE_NORMAL || m.kind == CABREF_PSL_RULE_WILDCARD ||
        m.kind == CABREF_PSL_RULE_EXCEPTION)
      CHECK(m.rule >= 0 && (uint32_t)m.rule < t->n_nodes);
    /* The node's own normal rule matches the name: the prevailing one is an exception or has at
     * least as many labels. */
    if ((n->normal_icann || n->normal_private) && m.kind != CABREF_PSL_RULE_EXCEPTION)
      CHECK(m.suffix_labels >= n->depth);
    if (n->exc_icann || n->exc_private)
      CHECK(m.kind == CABREF_PSL_RULE_EXCEPTION);
    /* PSL-MATCH-PREVAILING, rules below an exception: an exception rule at the node or at any
     * ancestor matches the name, so an exception prevails, however long the normal or wildcard
     * rules that also match ("*.ck", "!www.ck", "foo.www.ck" for foo.www.ck); with the PRIVATE
     * section, of either section; under the BR default, an ICANN one. */
    {
      int exc_any = 0, exc_icann = 0;
      int32_t a;
      for (a = (int32_t)r; a >= 0; a = t->nodes[a].parent) {
        exc_any |= t->nodes[a].exc_icann || t->nodes[a].exc_private;
        exc_icann |= t->nodes[a].exc_icann;
      }
      if (exc_any)
        CHECK(m.kind == CABREF_PSL_RULE_EXCEPTION);
      below_exception_icann = exc_icann;
    }
    /* PSL-OPT-DEFAULT: ICANN only, the "*" rule on, strict wildcards. */
    CHECK(cabref_psl_match_name(t, name, o, &nm, CABREF_PSL_BR_DEFAULT, &m) == 0);
    CHECK(m.kind != CABREF_PSL_RULE_NONE && !m.private_section);
    CHECK(m.suffix_labels <= nm.n_labels);
    if (m.kind != CABREF_PSL_RULE_DEFAULT) {
      const cabref_psl_node *p;
      CHECK(m.rule >= 0 && (uint32_t)m.rule < t->n_nodes);
      p = &t->nodes[m.rule];
      if (m.kind == CABREF_PSL_RULE_NORMAL)
        CHECK(p->normal_icann);
      else if (m.kind == CABREF_PSL_RULE_WILDCARD)
        CHECK(p->wild_icann && p->depth < nm.n_labels);
      else
        CHECK(m.kind == CABREF_PSL_RULE_EXCEPTION && p->exc_icann);
    }
    if (n->normal_icann && m.kind != CABREF_PSL_RULE_EXCEPTION)
      CHECK(m.suffix_labels >= n->depth);
    if (n->exc_icann || below_exception_icann)
      CHECK(m.kind == CABREF_PSL_RULE_EXCEPTION);
    /* PSL-OPT-NO-STAR: no "*" rule. */
    CHECK(cabref_psl_match_name(t, name, o, &nm, CABREF_PSL_NO_STAR_RULE, &m) == 0);
    CHECK(m.kind != CABREF_PSL_RULE_DEFAULT);
    if (m.kind == CABREF_PSL_RULE_NONE)
      CHECK(m.suffix_labels == 0);
  }
  cabref_psl_list_free(l);
  free(text);
  return 0;
}
