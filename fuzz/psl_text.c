/* libFuzzer target: the PSL text format and its compiler (spec/psl.md PSL-FORMAT-*, PSL-TABLE-*).
 *
 * The input is a list text, copied into an exactly sized buffer. On an error, the error must carry
 * a status, a message and a position; on success the compiled table must pass the C twin of
 * ValidPslTable, and every node looked up as a name must match a rule no shorter than what the
 * node's own flags give (PSL-MATCH-PREVAILING), with a suffix within the name.
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
