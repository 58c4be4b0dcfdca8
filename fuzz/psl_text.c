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
 *    node carrying an exception rule gets an exception (an exception prevails);
 *  - PSL-OPT-SECTIONS on its PRIVATE side: with CABREF_PSL_PRIVATE the PRIVATE rules count too.
 *  - PSL-TABLE-VALID, i.e. PSL-TABLE-SPANS, PSL-TABLE-NODES, PSL-TABLE-PARENT, PSL-TABLE-PREFIX,
 *    PSL-TABLE-UNIQUE and PSL-TABLE-BUCKETS (each node listed in the bucket of its PSL-TABLE-KEY
 *    key): the loader never builds a table that breaks them. It runs cabref_psl_table_check (the
 *    C twin of ValidPslTable) after compiling and refuses a broken table with
 *    CABREF_E_INCONSISTENT; this target fails on that status for any input, and checks the table
 *    again on success. This is only as strong as the twin, which is not independent of the
 *    compiler's notion of a key and is not itself tested on broken tables.
 * Not checked: what each format rule compiles to (comments, sections, rule syntax, duplicates are
 * exercised for crashes and well-formed errors only; tests/test_psl.c checks some of them).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/psl_load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

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
  if (st != CABREF_OK) {
    CHECK(l == NULL);
    CHECK(err.status == st);
    CHECK(memchr(err.message, '\0', sizeof err.message) != NULL && err.message[0] != '\0');
    free(text);
    return 0;
  }
  CHECK(cabref_psl_table_check(&l->table) == NULL);
  for (r = 0; r < l->table.n_nodes && r < 256; r++) {
    const cabref_psl_table *t = &l->table;
    const cabref_psl_node *n = &t->nodes[r];
    char name[300];
    size_t o = 0, pos;
    int i;
    cabref_name nm;
    cabref_psl_match m;
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
  }
  cabref_psl_list_free(l);
  free(text);
  return 0;
}
