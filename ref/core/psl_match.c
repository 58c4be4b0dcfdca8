/* cabref: the Public Suffix List matcher, the proven core (spec/psl.md PSL-MATCH-*).
 *
 * Walks the compiled table from the top-level label down, one label per step (PSL-TABLE-PREFIX
 * guarantees that every prefix of a rule is a node, so the walk stops only when no rule can match
 * deeper), and keeps the longest matching normal or wildcard rule and the longest matching
 * exception rule. No allocation, no I/O, no globals, no library calls.
 */
#include "cabref/psl.h"

uint32_t cabref_psl_key(int32_t parent, uint8_t len, int c0, int cm, int cl, uint32_t nb) {
  /* PSL-TABLE-KEY. Every term is non-negative and the sum stays below 2^57. */
  uint64_t h = (uint64_t)((int64_t)parent + 1) * 2654435761u + (uint64_t)len * 97u +
               (uint64_t)(c0 + 128) * 7919u + (uint64_t)(cm + 128) * 131u +
               (uint64_t)(cl + 128) * 1000003u;
  return (uint32_t)(h % nb);
}

/* PSL-CANON: ASCII lower case. */
/*@
  assigns \nothing;
  ensures lower: \result == PslLower(c);
*/
static int lower(char c) {
  return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* PSL-CANON: the len bytes at a (the table's pool) equal the len bytes at b (the name's text),
 * ASCII case-insensitively. Only the two byte ranges it reads are in its context; the caller
 * checks the lengths (PslLabelEq). */
/*@
  requires len_range: 1 <= len <= 63;
  requires a_valid: \valid_read(a + (0 .. len - 1));
  requires b_valid: \valid_read(b + (0 .. len - 1));
  assigns \nothing;
  ensures eq: \result != 0 <==> PslBytesEq(a, b, len);
*/
static int label_eq(const char *a, const char *b, uint32_t len) {
  uint32_t x;
  /*@
    loop invariant x_range: 0 <= x <= len;
    loop invariant same: PslBytesEq(a, b, x);
    loop assigns x;
    loop variant len - x;
  */
  for (x = 0; x < len; x++) {
    if (a[x] != lower(b[x]))
      return 0;
  }
  return 1;
}

/* PSL-TABLE-KEY, PSL-TABLE-BUCKETS: the child of node `cur` (-1: the root) of depth j + 1 whose
 * last label is label j (from the right) of the name; -1 when the table has none. */
/*@
  requires table: ValidPslTable(t);
  requires name: PslValidName(text, text_len, nm);
  requires j_range: 0 <= j < nm->n_labels;
  requires cur_range: -1 <= cur < (integer)t->n_nodes;
  assigns \nothing;
  ensures found: \result != -1 ==>
    0 <= \result < t->n_nodes && t->nodes[\result].parent == cur &&
    PslDepth(t, \result) == j + 1 && PslLabelEq(t, PslSpan(t, \result, j), text, nm, j);
*/
static int32_t find_child(const cabref_psl_table *t, int32_t cur, const char *text, size_t text_len,
                          const cabref_name *nm, uint32_t j) {
  const cabref_label *lab = &nm->labels[nm->n_labels - 1u - j];
  uint8_t len = lab->len;
  int c0 = lower(text[lab->off]);
  int cm = lower(text[(size_t)lab->off + len / 2u]);
  int cl = lower(text[(size_t)lab->off + len - 1u]);
  uint32_t key = cabref_psl_key(cur, len, c0, cm, cl, t->n_buckets);
  uint32_t lo = t->buckets[key];
  uint32_t hi = t->buckets[key + 1u];
  uint32_t x;
  (void)text_len; /* in the contract only */
  /*@
    loop invariant x_range: lo <= x && (x <= hi || lo > hi);
    loop assigns x;
    loop variant hi - x;
  */
  for (x = lo; x < hi; x++) {
    uint32_t m = t->order[x];
    const cabref_psl_node *n = &t->nodes[m];
    if (n->parent == cur && n->depth == j + 1u) {
      const cabref_psl_span *sp = &t->spans[n->labels + j];
      if (sp->len == len && label_eq(t->pool + sp->off, text + lab->off, len))
        return (int32_t)m;
    }
  }
  return -1;
}

int cabref_psl_match_name(const cabref_psl_table *t, const char *text, size_t text_len,
                          const cabref_name *nm, uint32_t options, cabref_psl_match *out) {
  uint32_t k, j;
  int32_t cur = -1;
  int32_t best = -1, exc = -1;
  uint32_t best_len = 0;
  uint8_t best_kind = CABREF_PSL_RULE_NONE;
  uint8_t kind, suffix, reg, psec;
  int32_t rule;
  int priv = (options & CABREF_PSL_PRIVATE) != 0u;
  int wparent = (options & CABREF_PSL_WILDCARD_PARENT) != 0u;
  if (t == NULL || text == NULL || nm == NULL || out == NULL)
    return -1;
  /* PSL-MATCH-WILDCARD-NAME: the wildcard label is not looked up. */
  k = (uint32_t)nm->n_labels - (nm->wildcard != 0 ? 1u : 0u);
  if (k < 1u)
    return -1;
  /* PSL-MATCH-RULE, PSL-MATCH-PREVAILING: one node per depth can match (PSL-TABLE-UNIQUE). */
  /*@
    loop invariant j_range: 0 <= j <= k;
    loop invariant cur_root: cur == -1 <==> j == 0;
    loop invariant cur_node: cur != -1 ==> 0 <= cur < t->n_nodes && PslDepth(t, cur) == j;
    loop invariant best_kind: best_kind == CABREF_PSL_RULE_NONE ||
      best_kind == CABREF_PSL_RULE_NORMAL || best_kind == CABREF_PSL_RULE_WILDCARD;
    loop invariant best_none: best_kind == CABREF_PSL_RULE_NONE <==> best == -1;
    loop invariant best_len0: best == -1 ==> best_len == 0;
    loop invariant best_ok: best != -1 ==> 0 <= best < t->n_nodes &&
      PslActive(t, best, best_kind, options) && PslDepth(t, best) <= j &&
      best_len == PslRuleLen(t, best, best_kind, k) && 1 <= best_len <= k;
    loop invariant exc_ok: exc != -1 ==> 0 <= exc < t->n_nodes &&
      PslActive(t, exc, CABREF_PSL_RULE_EXCEPTION, options) && PslDepth(t, exc) <= j;
    loop assigns j, cur, best, best_len, best_kind, exc;
    loop variant k - j;
  */
  for (j = 0; j < k; j++) {
    int32_t child = find_child(t, cur, text, text_len, nm, j);
    const cabref_psl_node *n;
    if (child < 0) {
      /* PSL-TABLE-PREFIX: no node of depth j + 1 matches, so no deeper rule can (not proved here:
       * spec/psl.md, "Proof"). */
      break;
    }
    cur = child;
    n = &t->nodes[cur];
    if (n->exc_icann != 0 || (priv && n->exc_private != 0))
      exc = cur;
    if (n->normal_icann != 0 || (priv && n->normal_private != 0)) {
      best = cur;
      best_len = j + 1u;
      best_kind = CABREF_PSL_RULE_NORMAL;
    }
    if (n->wild_icann != 0 || (priv && n->wild_private != 0)) {
      /* PSL-MATCH-RULE: "*" matches the next label; PSL-OPT-WILDCARD-PARENT: or the node. */
      if (j + 1u < k) {
        best = cur;
        best_len = j + 2u;
        best_kind = CABREF_PSL_RULE_WILDCARD;
      } else if (wparent && best_len < j + 1u) {
        best = cur;
        best_len = j + 1u;
        best_kind = CABREF_PSL_RULE_WILDCARD;
      }
    }
  }
  /* The answer in locals first (the table is read only before *out is written). */
  if (exc >= 0) {
    /* PSL-MATCH-PREVAILING: an exception beats every rule; PSL-MATCH-SUFFIX: drop its
     * leftmost label. */
    kind = CABREF_PSL_RULE_EXCEPTION;
    rule = exc;
    suffix = (uint8_t)(t->nodes[exc].depth - 1u);
    psec = t->nodes[exc].exc_icann != 0 ? 0 : 1;
  } else if (best >= 0) {
    kind = best_kind;
    rule = best;
    suffix = (uint8_t)best_len;
    psec = best_kind == CABREF_PSL_RULE_NORMAL ? (t->nodes[best].normal_icann != 0 ? 0 : 1)
                                               : (t->nodes[best].wild_icann != 0 ? 0 : 1);
  } else if ((options & CABREF_PSL_NO_STAR_RULE) == 0u) {
    /* PSL-MATCH-DEFAULT: no rule matches, the prevailing rule is "*". */
    kind = CABREF_PSL_RULE_DEFAULT;
    rule = -1;
    suffix = 1;
    psec = 0;
  } else {
    /* PSL-OPT-NO-STAR: no rule at all. */
    kind = CABREF_PSL_RULE_NONE;
    rule = -1;
    suffix = 0;
    psec = 0;
  }
  /* PSL-MATCH-REGISTRABLE: a label left of the public suffix; none without a suffix. */
  reg = (kind != CABREF_PSL_RULE_NONE && k > suffix) ? 1 : 0;
  /*@ assert k_labels: k == PslLookupLabels(nm); */
  /*@ assert found: (kind == CABREF_PSL_RULE_NORMAL || kind == CABREF_PSL_RULE_WILDCARD ||
                     kind == CABREF_PSL_RULE_EXCEPTION) ==>
      0 <= rule < t->n_nodes && PslActive(t, rule, kind, options) && PslDepth(t, rule) <= k; */
  /*@ assert suffix: suffix == PslSuffixLabels(t, rule, kind, k); */
  out->kind = kind;
  out->rule = rule;
  out->suffix_labels = suffix;
  out->registrable = reg;
  out->private_section = psec;
  return 0;
}

unsigned cabref_psl_registrable_labels(const cabref_psl_match *m) {
  /* PSL-MATCH-REGISTRABLE: the public suffix plus one label, if the name has it. */
  return m->registrable != 0 ? (unsigned)m->suffix_labels + 1u : 0u;
}
