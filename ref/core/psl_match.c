/* cabref: the Public Suffix List matcher, the proven core (spec/psl.md PSL-MATCH-*).
 *
 * Walks the compiled table from the top-level label down, one label per step (PSL-TABLE-PREFIX
 * guarantees that every prefix of a rule is a node, so the walk stops only when no rule can match
 * deeper), and keeps the longest matching normal or wildcard rule and the longest matching
 * exception rule. No allocation, no I/O, no globals, no library calls.
 */
#include "cabref/psl.h"

/* Lemmas for the prevailing-rule theorem (PSL-MATCH-PREVAILING), proved by WP in this module.
 * Each one is a single step: the matcher's loop applies them one label, one depth at a time. */
/*@
  // PSL-CANON, one label: equal labels of the table are equal to the same label of the name.
  lemma label_span{L}:
    \forall cabref_psl_table *t, integer s1, integer s2, char *text, cabref_name *nm, integer i;
      PslLabelEq(t, s1, text, nm, i) && PslSpanEq(t, s1, s2) ==> PslLabelEq(t, s2, text, nm, i);
  lemma label_span_rev{L}:
    \forall cabref_psl_table *t, integer s1, integer s2, char *text, cabref_name *nm, integer i;
      PslLabelEq(t, s2, text, nm, i) && PslSpanEq(t, s1, s2) ==> PslLabelEq(t, s1, text, nm, i);
  lemma label_both{L}:
    \forall cabref_psl_table *t, integer s1, integer s2, char *text, cabref_name *nm, integer i;
      PslLabelEq(t, s1, text, nm, i) && PslLabelEq(t, s2, text, nm, i) ==> PslSpanEq(t, s1, s2);

  // PSL-TABLE-KEY: the last label of a node of depth j + 1 whose label j equals the name's has
  // the name label's length, first, middle and last byte (in lower case), the parts of its key.
  lemma last_label{L}:
    \forall cabref_psl_table *t, integer m, integer j, char *text, cabref_name *nm;
      0 <= j && PslDepth(t, m) == j + 1 && 1 <= PslNameLen(nm, j) &&
      PslLabelEq(t, PslSpan(t, m, j), text, nm, j) ==>
      t->spans[PslLastSpan(t, m)].len == PslNameLen(nm, j) &&
      PslByteAt(t->pool, t->spans[PslLastSpan(t, m)].off, 0) ==
        PslLower(PslByteAt(text, PslNameOff(nm, j), 0)) &&
      PslByteAt(t->pool, t->spans[PslLastSpan(t, m)].off, t->spans[PslLastSpan(t, m)].len / 2) ==
        PslLower(PslByteAt(text, PslNameOff(nm, j), PslNameLen(nm, j) / 2)) &&
      PslByteAt(t->pool, t->spans[PslLastSpan(t, m)].off, t->spans[PslLastSpan(t, m)].len - 1) ==
        PslLower(PslByteAt(text, PslNameOff(nm, j), PslNameLen(nm, j) - 1));

  // PSL-TABLE-KEY: the key of the child of cur for label j of the name is computed from cur and
  // the name's label (its length, first, middle and last byte in lower case), as find_child does.
  lemma child_key{L}:
    \forall cabref_psl_table *t, integer m, integer cur, integer j, char *text, cabref_name *nm;
      PslChild(t, m, cur, j, text, nm) && 0 <= j && 1 <= PslNameLen(nm, j) ==>
      PslNodeKey(t, m) ==
        PslKey(cur, PslNameLen(nm, j),
               PslLower(PslByteAt(text, PslNameOff(nm, j), 0)),
               PslLower(PslByteAt(text, PslNameOff(nm, j), PslNameLen(nm, j) / 2)),
               PslLower(PslByteAt(text, PslNameOff(nm, j), PslNameLen(nm, j) - 1)),
               t->n_buckets);

  // No label: every node matches the name on its first 0 labels.
  lemma top_match_zero{L}:
    \forall cabref_psl_table *t, integer c, char *text, cabref_name *nm;
      PslTopMatch(t, c, 0, text, nm);

  // PSL-MATCH-RULE, one label more: j matching labels and an equal label j make j + 1.
  lemma top_match_next{L}:
    \forall cabref_psl_table *t, integer c, integer j, char *text, cabref_name *nm;
      0 <= j && PslTopMatch(t, c, j, text, nm) &&
      PslLabelEq(t, PslSpan(t, c, j), text, nm, j) ==> PslTopMatch(t, c, j + 1, text, nm);

  // Fewer labels of a matching node match.
  lemma top_match_fewer{L}:
    \forall cabref_psl_table *t, integer c, integer d, integer e, char *text, cabref_name *nm;
      PslTopMatch(t, c, e, text, nm) && d <= e ==> PslTopMatch(t, c, d, text, nm);

  // Label i of a node whose first d labels match is equal to the name's label i.
  lemma top_match_label{L}:
    \forall cabref_psl_table *t, integer r, integer d, integer i, char *text, cabref_name *nm;
      PslTopMatch(t, r, d, text, nm) && 0 <= i < d ==>
      PslLabelEq(t, PslSpan(t, r, i), text, nm, i);

  // Nodes with the same first d labels: one matches them as the other does (either way).
  lemma top_match_same{L}:
    \forall cabref_psl_table *t, integer p, integer c, integer d, integer e, char *text,
            cabref_name *nm;
      PslTopMatch(t, p, e, text, nm) && PslSameLabels(t, p, c, d) && 0 <= d <= e ==>
      PslTopMatch(t, c, d, text, nm);
  lemma top_match_same_rev{L}:
    \forall cabref_psl_table *t, integer p, integer c, integer d, integer e, char *text,
            cabref_name *nm;
      PslTopMatch(t, c, e, text, nm) && PslSameLabels(t, p, c, d) && 0 <= d <= e ==>
      PslTopMatch(t, p, d, text, nm);

  // Two nodes matching the same d labels of the name have the same first d labels.
  lemma top_match_both{L}:
    \forall cabref_psl_table *t, integer a, integer b, integer d, char *text, cabref_name *nm;
      PslTopMatch(t, a, d, text, nm) && PslTopMatch(t, b, d, text, nm) ==>
      PslSameLabels(t, a, b, d);

  // PSL-TABLE-UNIQUE: at most one node of each depth matches the name.
  lemma unique_match{L}:
    \forall cabref_psl_table *t, integer a, integer b, integer d, char *text, cabref_name *nm;
      PslTableUnique(t) && 0 <= a < t->n_nodes && 0 <= b < t->n_nodes &&
      PslDepth(t, a) == d && PslDepth(t, b) == d &&
      PslTopMatch(t, a, d, text, nm) && PslTopMatch(t, b, d, text, nm) ==> a == b;

  // PSL-TABLE-PARENT: the parent of a matching node matches one label less.
  lemma parent_match{L}:
    \forall cabref_psl_table *t, integer p, integer d, char *text, cabref_name *nm;
      PslTableParent(t) && 0 <= p < t->n_nodes && PslDepth(t, p) == d && d > 1 &&
      PslTopMatch(t, p, d, text, nm) ==>
      0 <= t->nodes[p].parent < t->n_nodes && PslDepth(t, t->nodes[p].parent) == d - 1 &&
      PslTopMatch(t, t->nodes[p].parent, d - 1, text, nm);

  // PSL-TABLE-PREFIX, instantiated: the node of the first d labels of q.
  lemma prefix_node{L}:
    \forall cabref_psl_table *t, integer q, integer d;
      PslTablePrefix(t) && 0 <= q < t->n_nodes && 1 <= d < PslDepth(t, q) ==>
      PslPrefixNode(t, q, d);
  // ... matches the name when q does.
  lemma prefix_match{L}:
    \forall cabref_psl_table *t, integer q, integer d, char *text, cabref_name *nm;
      PslPrefixNode(t, q, d) && 0 <= d <= PslDepth(t, q) &&
      PslTopMatch(t, q, PslDepth(t, q), text, nm) ==>
      \exists integer p; 0 <= p < t->n_nodes && PslDepth(t, p) == d &&
        PslTopMatch(t, p, d, text, nm);

  // The walk: a matching node of depth j + 1 is a child of the matching node of depth j
  // (cur), or of the root (-1) when j = 0.
  lemma child_of_root{L}:
    \forall cabref_psl_table *t, integer p;
      PslTableParent(t) && 0 <= p < t->n_nodes && PslDepth(t, p) == 1 ==>
      t->nodes[p].parent == -1;
  lemma child_of_cur{L}:
    \forall cabref_psl_table *t, integer p, integer cur, integer j, char *text, cabref_name *nm;
      PslTableParent(t) && PslTableUnique(t) && 0 < j &&
      0 <= p < t->n_nodes && PslDepth(t, p) == j + 1 && PslTopMatch(t, p, j + 1, text, nm) &&
      0 <= cur < t->n_nodes && PslDepth(t, cur) == j && PslTopMatch(t, cur, j, text, nm) ==>
      t->nodes[p].parent == cur;
*/

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

/* PSL-CANON: the len bytes at a + ao (the table's pool) equal the len bytes at b + bo (the name's
 * text), ASCII case-insensitively. Only the two byte ranges it reads are in its context; the
 * caller checks the lengths (PslLabelEq). */
/*@
  requires len_range: 1 <= len <= 63;
  requires offsets: ao <= CABREF_PSL_MAX_POOL && bo <= 65535;
  requires a_valid: \valid_read(a + (ao .. ao + len - 1));
  requires b_valid: \valid_read(b + (bo .. bo + len - 1));
  assigns \nothing;
  ensures eq: \result != 0 <==> PslBytesEq(a, ao, b, bo, len);
*/
static int label_eq(const char *a, uint32_t ao, const char *b, uint32_t bo, uint32_t len) {
  const char *pa = a + ao, *pb = b + bo;
  uint32_t x;
  /*@
    loop invariant x_range: 0 <= x <= len;
    loop invariant same: PslBytesEq(a, ao, b, bo, x);
    loop assigns x;
    loop variant len - x;
  */
  for (x = 0; x < len; x++) {
    if (pa[x] != lower(pb[x])) {
      /*@ assert differs: PslByteAt(a, ao, x) != PslLower(PslByteAt(b, bo, x)); */
      return 0;
    }
    /*@ assert byte: PslByteAt(a, ao, x) == PslLower(PslByteAt(b, bo, x)); */
  }
  return 1;
}

/* PSL-TABLE-KEY, PSL-TABLE-BUCKETS: the child of node `cur` (-1: the root) of depth j + 1 whose
 * last label is label j (from the right) of the name; -1 when the table has none. */
/*@
  requires table: PslTableMemory(t) && PslTableSpans(t) && PslTableNodes(t) && PslTableBuckets(t);
  requires name: PslValidName(text, text_len, nm);
  requires j_range: 0 <= j < nm->n_labels;
  requires cur_range: -1 <= cur < (integer)t->n_nodes;
  assigns \nothing;
  ensures found: \result != -1 ==>
    0 <= \result < t->n_nodes && t->nodes[\result].parent == cur &&
    PslDepth(t, \result) == j + 1 && PslLabelEq(t, PslSpan(t, \result, j), text, nm, j);
  ensures none: \result == -1 ==> \forall integer m; !PslChild(t, m, cur, j, text, nm);
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
  /*@ assert c0: c0 == PslLower(PslByteAt(text, lab->off, 0)); */
  /*@ assert cm: cm == PslLower(PslByteAt(text, lab->off, len / 2)); */
  /*@ assert cl: cl == PslLower(PslByteAt(text, lab->off, len - 1)); */
  /*@ assert key_name: key == PslKey(cur, PslNameLen(nm, j),
        PslLower(PslByteAt(text, PslNameOff(nm, j), 0)),
        PslLower(PslByteAt(text, PslNameOff(nm, j), PslNameLen(nm, j) / 2)),
        PslLower(PslByteAt(text, PslNameOff(nm, j), PslNameLen(nm, j) - 1)), t->n_buckets); */
  /*@ assert bounds:
        lo == t->buckets[key] && hi == t->buckets[key + 1] && 1 <= PslNameLen(nm, j); */
  /*@ assert lab_is: lab->off == PslNameOff(nm, j) && len == PslNameLen(nm, j); */
  /*@
    loop invariant x_range: lo <= x && (x <= hi || lo > hi);
    loop invariant skipped: \forall integer y; lo <= y < x ==>
      !PslChild(t, t->order[y], cur, j, text, nm);
    loop assigns x;
    loop variant hi - x;
  */
  for (x = lo; x < hi; x++) {
    uint32_t m = t->order[x];
    const cabref_psl_node *n = &t->nodes[m];
    if (n->parent == cur && n->depth == j + 1u) {
      const cabref_psl_span *sp = &t->spans[n->labels + j];
      if (sp->len == len && label_eq(t->pool, sp->off, text, lab->off, len))
        return (int32_t)m;
    }
    /*@ assert not_child: !PslChild(t, m, cur, j, text, nm); */
  }
  /*@ assert listed: \forall integer m; 0 <= m < t->n_nodes && PslNodeKey(t, m) == key ==>
        PslListed(t, m, key); */
  /*@ assert none: \forall integer m; !PslChild(t, m, cur, j, text, nm); */
  return -1;
}

/* ---- The walk (PSL-MATCH-RULE, PSL-MATCH-PREVAILING) --------------------------------------------
 *
 * cabref_psl_match_name walks the table from the top-level label down: at step j it looks up the
 * child of depth j + 1 (find_child), and records the rules of that node (walk_node). The walk's
 * state after depth j is described by three predicates, so that the loop only chains the
 * contracts of the helpers below and every proof step stays in a small function:
 *   PslWalkCur:  cur is the one node of depth j matching the name (PSL-TABLE-UNIQUE), -1 at j = 0;
 *   PslWalkExc:  exc is the longest matching exception rule of depth <= j (-1: none);
 *   PslWalkBest: best is the longest matching normal or wildcard rule of depth <= j (-1: none),
 *                best_len its length as matched (PslRuleLen), best_kind its kind.
 * PslWalkDone says that no matching rule is deeper than j (the walk has seen them all). */
/*@
  predicate PslWalkCur{L}(cabref_psl_table *t, char *text, cabref_name *nm, integer j,
                          integer cur) =
    (cur == -1 <==> j == 0) &&
    (cur != -1 ==> 0 <= cur < t->n_nodes && PslDepth(t, cur) == j &&
                   PslTopMatch(t, cur, j, text, nm)) &&
    (\forall integer q; 0 <= q < t->n_nodes && PslDepth(t, q) == j &&
       PslTopMatch(t, q, j, text, nm) ==> q == cur);

  predicate PslWalkExc{L}(cabref_psl_table *t, char *text, cabref_name *nm, integer opts,
                          integer j, integer exc) =
    (exc != -1 ==> 0 <= exc < t->n_nodes && PslDepth(t, exc) <= j &&
                   PslRuleMatches(t, exc, CABREF_PSL_RULE_EXCEPTION, text, nm, opts)) &&
    (\forall integer q; 0 <= q < t->n_nodes && PslDepth(t, q) <= j &&
       PslRuleMatches(t, q, CABREF_PSL_RULE_EXCEPTION, text, nm, opts) ==>
       exc != -1 && PslDepth(t, q) <= PslDepth(t, exc));

  predicate PslWalkBest{L}(cabref_psl_table *t, char *text, cabref_name *nm, integer opts,
                           integer k, integer j, integer best, integer best_len,
                           integer best_kind) =
    (best_kind == CABREF_PSL_RULE_NONE || best_kind == CABREF_PSL_RULE_NORMAL ||
     best_kind == CABREF_PSL_RULE_WILDCARD) &&
    (best_kind == CABREF_PSL_RULE_NONE <==> best == -1) &&
    (best == -1 ==> best_len == 0) && 0 <= best_len <= j + 1 &&
    (best != -1 ==> 0 <= best < t->n_nodes && PslDepth(t, best) <= j &&
                    best_len == PslRuleLen(t, best, best_kind, k) && 1 <= best_len <= k &&
                    PslRuleMatches(t, best, best_kind, text, nm, opts)) &&
    (\forall integer q, integer kq; 0 <= q < t->n_nodes && PslDepth(t, q) <= j &&
       (kq == CABREF_PSL_RULE_NORMAL || kq == CABREF_PSL_RULE_WILDCARD) &&
       PslRuleMatches(t, q, kq, text, nm, opts) ==> PslRuleLen(t, q, kq, k) <= best_len);

  predicate PslWalkDone{L}(cabref_psl_table *t, char *text, cabref_name *nm, integer opts,
                           integer j) =
    \forall integer q, integer kq; PslRuleMatches(t, q, kq, text, nm, opts) ==>
      PslDepth(t, q) <= j;
*/

/* The rules recorded so far (PslWalkExc, PslWalkBest). Passed and returned by value: the helpers
 * write no memory, so the table is read in one state throughout (no frame to prove). */
typedef struct {
  int32_t best;      /* node of the longest normal or wildcard rule so far, -1 for none */
  uint32_t best_len; /* its length as matched (PslRuleLen) */
  uint8_t best_kind; /* CABREF_PSL_RULE_NORMAL, _WILDCARD, or _NONE */
  int32_t exc;       /* node of the longest exception rule so far, -1 for none */
} psl_walk;

/* PSL-TABLE-PARENT, -UNIQUE (proof only): the child found at step j is the one node of depth j + 1
 * matching the name. */
/*@ ghost
  /@
    requires table: PslTableParent(t) && PslTableUnique(t);
    requires j_range: 0 <= j;
    requires cur: PslWalkCur(t, text, nm, j, cur);
    requires found: 0 <= child < t->n_nodes && t->nodes[child].parent == cur &&
      PslDepth(t, child) == j + 1 && PslLabelEq(t, PslSpan(t, child, j), text, nm, j);
    assigns \nothing;
    ensures child: PslWalkCur(t, text, nm, j + 1, child);
  @/
static void walk_descend(const cabref_psl_table *t, const char *text, const cabref_name *nm,
                         uint32_t j, int32_t cur, int32_t child) {
    /@ assert cur_node: cur != -1 ==> 0 <= cur < t->n_nodes && PslDepth(t, cur) == j &&
         PslTopMatch(t, cur, j, text, nm); @/
    /@ assert child_parent: j > 0 ==> PslSameLabels(t, cur, child, j); @/
    /@ assert child_top: PslTopMatch(t, child, j, text, nm); @/
    /@ assert child_match: PslTopMatch(t, child, j + 1, text, nm); @/
    /@ assert child_only: \forall integer q; 0 <= q < t->n_nodes && PslDepth(t, q) == j + 1 &&
         PslTopMatch(t, q, j + 1, text, nm) ==> q == child; @/
  }
*/

/* PSL-TABLE-PREFIX, -PARENT, -UNIQUE (proof only): when cur (the matching node of depth j) has no
 * child for label j of the name, no rule deeper than j matches: a matching node of depth j + 1
 * would be that child, and every deeper matching node has a matching prefix of depth j + 1. */
/*@ ghost
  /@
    requires table: PslTableParent(t) && PslTablePrefix(t) && PslTableUnique(t);
    requires j_range: 0 <= j;
    requires cur: PslWalkCur(t, text, nm, j, cur);
    requires none: \forall integer m; !PslChild(t, m, cur, j, text, nm);
    assigns \nothing;
    ensures done: PslWalkDone(t, text, nm, opts, j);
  @/
static void walk_stop(const cabref_psl_table *t, const char *text, const cabref_name *nm,
                      uint32_t opts, uint32_t j, int32_t cur) {
    /@ assert cur_node: cur != -1 ==> 0 <= cur < t->n_nodes && PslDepth(t, cur) == j &&
         PslTopMatch(t, cur, j, text, nm); @/
    /@ assert cur_only: \forall integer q; 0 <= q < t->n_nodes && PslDepth(t, q) == j &&
         PslTopMatch(t, q, j, text, nm) ==> q == cur; @/
    /@ assert next_parent: \forall integer p; 0 <= p < t->n_nodes && PslDepth(t, p) == j + 1 &&
         j > 0 ==> 0 <= t->nodes[p].parent < t->n_nodes &&
         PslDepth(t, t->nodes[p].parent) == j && PslSameLabels(t, t->nodes[p].parent, p, j); @/
    /@ assert next_parent_top: \forall integer p; 0 <= p < t->n_nodes &&
         PslDepth(t, p) == j + 1 && j > 0 && PslTopMatch(t, p, j + 1, text, nm) ==>
         PslTopMatch(t, t->nodes[p].parent, j, text, nm); @/
    /@ assert next_parent_cur: \forall integer p; 0 <= p < t->n_nodes &&
         PslDepth(t, p) == j + 1 && PslTopMatch(t, p, j + 1, text, nm) ==>
         t->nodes[p].parent == cur; @/
    /@ assert next_label: \forall integer p; 0 <= p < t->n_nodes &&
         PslDepth(t, p) == j + 1 && PslTopMatch(t, p, j + 1, text, nm) ==>
         PslLabelEq(t, PslSpan(t, p, j), text, nm, j); @/
    /@ assert next_child: \forall integer p; 0 <= p < t->n_nodes && PslDepth(t, p) == j + 1 &&
         PslTopMatch(t, p, j + 1, text, nm) ==> PslChild(t, p, cur, j, text, nm); @/
    /@ assert none_next: \forall integer p; 0 <= p < t->n_nodes && PslDepth(t, p) == j + 1 ==>
         !PslTopMatch(t, p, j + 1, text, nm); @/
    /@ assert prefixes: \forall integer q; 0 <= q < t->n_nodes && j + 1 < PslDepth(t, q) ==>
         PslPrefixNode(t, q, j + 1); @/
    /@ assert none_deeper: \forall integer q; 0 <= q < t->n_nodes && j < PslDepth(t, q) ==>
         !PslTopMatch(t, q, PslDepth(t, q), text, nm); @/
  }
*/

/* PSL-MATCH-RULE, PSL-MATCH-PREVAILING, PSL-OPT-SECTIONS, PSL-OPT-WILDCARD-PARENT: record the rules
 * of node cur, the one node of depth j + 1 matching the name; the recorded rules then are the
 * longest of depth <= j + 1. */
/*@
  requires table: PslTableMemory(t) && PslTableNodes(t);
  requires k_is: k == PslLookupLabels(nm) && 1 <= k <= CABREF_NAME_MAX_LABELS;
  requires j_range: 0 <= j < k;
  requires cur: PslWalkCur(t, text, nm, j + 1, cur);
  requires exc: PslWalkExc(t, text, nm, options, j, w.exc);
  requires best: PslWalkBest(t, text, nm, options, k, j, w.best, w.best_len, w.best_kind);
  assigns \nothing;
  ensures exc: PslWalkExc(t, text, nm, options, j + 1, \result.exc);
  ensures best: PslWalkBest(t, text, nm, options, k, j + 1, \result.best, \result.best_len,
                            \result.best_kind);
*/
static psl_walk walk_node(const cabref_psl_table *t, const char *text, const cabref_name *nm,
                          uint32_t options, uint32_t k, uint32_t j, int32_t cur, psl_walk w) {
  const cabref_psl_node *n = &t->nodes[cur];
  int priv = (options & CABREF_PSL_PRIVATE) != 0u;
  int wparent = (options & CABREF_PSL_WILDCARD_PARENT) != 0u;
  (void)text; /* in the contract only */
  (void)nm;
  /*@ assert cur_node: 0 <= cur < t->n_nodes && PslDepth(t, cur) == j + 1 &&
        PslTopMatch(t, cur, j + 1, text, nm); */
  /*@ assert cur_only: \forall integer q; 0 <= q < t->n_nodes && PslDepth(t, q) == j + 1 &&
        PslTopMatch(t, q, j + 1, text, nm) ==> q == cur; */
  /*@ assert cur_rules: \forall integer kq; PslActive(t, cur, kq, options) ==>
        PslDepth(t, cur) <= PslLookupLabels(nm) && PslTopMatch(t, cur, PslDepth(t, cur), text, nm);
   */
  /*@ assert next_depth: \forall integer q, integer kq; 0 <= q < t->n_nodes &&
        PslDepth(t, q) == j + 1 && PslRuleMatches(t, q, kq, text, nm, options) ==> q == cur; */
  if (n->exc_icann != 0 || (priv && n->exc_private != 0))
    w.exc = cur;
  /*@ assert exc_cur: PslRuleMatches(t, cur, CABREF_PSL_RULE_EXCEPTION, text, nm, options) ==>
        w.exc == cur; */
  /*@ assert exc_next: PslWalkExc(t, text, nm, options, j + 1, w.exc); */
  if (n->normal_icann != 0 || (priv && n->normal_private != 0)) {
    w.best = cur;
    w.best_len = j + 1u;
    w.best_kind = CABREF_PSL_RULE_NORMAL;
  }
  /*@ assert normal_cur: PslRuleMatches(t, cur, CABREF_PSL_RULE_NORMAL, text, nm, options) ==>
        j + 1 <= w.best_len; */
  /*@ assert normal_next: \forall integer q, integer kq; 0 <= q < t->n_nodes &&
        (PslDepth(t, q) <= j &&
           (kq == CABREF_PSL_RULE_NORMAL || kq == CABREF_PSL_RULE_WILDCARD) ||
         q == cur && kq == CABREF_PSL_RULE_NORMAL) &&
        PslRuleMatches(t, q, kq, text, nm, options) ==>
        PslRuleLen(t, q, kq, k) <= w.best_len; */
  /*@ assert normal_state: (w.best_kind == CABREF_PSL_RULE_NONE ||
        w.best_kind == CABREF_PSL_RULE_NORMAL || w.best_kind == CABREF_PSL_RULE_WILDCARD) &&
        (w.best_kind == CABREF_PSL_RULE_NONE <==> w.best == -1) &&
        (w.best == -1 ==> w.best_len == 0) && 0 <= w.best_len <= j + 1 &&
        (w.best != -1 ==> 0 <= w.best < t->n_nodes && PslDepth(t, w.best) <= j + 1 &&
           w.best_len == PslRuleLen(t, w.best, w.best_kind, k) && 1 <= w.best_len <= k &&
           PslRuleMatches(t, w.best, w.best_kind, text, nm, options)); */
  if (n->wild_icann != 0 || (priv && n->wild_private != 0)) {
    /* PSL-MATCH-RULE: "*" matches the next label; PSL-OPT-WILDCARD-PARENT: or the node. */
    if (j + 1u < k) {
      w.best = cur;
      w.best_len = j + 2u;
      w.best_kind = CABREF_PSL_RULE_WILDCARD;
    } else if (wparent && w.best_len < j + 1u) {
      w.best = cur;
      w.best_len = j + 1u;
      w.best_kind = CABREF_PSL_RULE_WILDCARD;
    }
  }
  /*@ assert wild_cur: PslRuleMatches(t, cur, CABREF_PSL_RULE_WILDCARD, text, nm, options) ==>
        PslRuleLen(t, cur, CABREF_PSL_RULE_WILDCARD, k) <= w.best_len; */
  return w;
}

/* PSL-MATCH-PREVAILING, -DEFAULT, -SUFFIX, -REGISTRABLE, PSL-OPT-NO-STAR: the answer from the
 * rules the walk recorded, once it has seen every matching rule (PslWalkDone). Writes no memory:
 * the caller stores the answer, after the table has been read. */
/*@
  requires table: PslTableMemory(t) && PslTableNodes(t);
  requires k_is: k == PslLookupLabels(nm) && 1 <= k <= CABREF_NAME_MAX_LABELS;
  requires j_range: j <= k;
  requires exc: PslWalkExc(t, text, nm, options, j, w.exc);
  requires best: PslWalkBest(t, text, nm, options, k, j, w.best, w.best_len, w.best_kind);
  requires done: PslWalkDone(t, text, nm, options, j);
  assigns \nothing;
  ensures kind_range: CABREF_PSL_RULE_DEFAULT <= \result.kind <= CABREF_PSL_RULE_NONE;
  ensures rule_found:
    (\result.kind == CABREF_PSL_RULE_NORMAL || \result.kind == CABREF_PSL_RULE_WILDCARD ||
     \result.kind == CABREF_PSL_RULE_EXCEPTION) ==>
    0 <= \result.rule < t->n_nodes && PslDepth(t, \result.rule) <= k;
  ensures rule_active:
    (\result.kind == CABREF_PSL_RULE_NORMAL || \result.kind == CABREF_PSL_RULE_WILDCARD ||
     \result.kind == CABREF_PSL_RULE_EXCEPTION) ==>
    PslActive(t, \result.rule, \result.kind, options);
  ensures default_rule: \result.kind == CABREF_PSL_RULE_DEFAULT ==> !PslNoStar(options);
  ensures no_rule: \result.kind == CABREF_PSL_RULE_NONE ==> PslNoStar(options);
  ensures no_index:
    (\result.kind == CABREF_PSL_RULE_DEFAULT || \result.kind == CABREF_PSL_RULE_NONE) ==>
    \result.rule == -1;
  ensures suffix: \result.suffix_labels == PslSuffixLabels(t, \result.rule, \result.kind, k);
  ensures registrable:
    \result.registrable ==
    ((\result.kind != CABREF_PSL_RULE_NONE && k > \result.suffix_labels) ? 1 : 0);
  ensures prevails:
    (\result.kind == CABREF_PSL_RULE_NORMAL || \result.kind == CABREF_PSL_RULE_WILDCARD ||
     \result.kind == CABREF_PSL_RULE_EXCEPTION) ==>
    PslPrevails(t, \result.rule, \result.kind, text, nm, options);
  ensures default_iff_no_match:
    (\result.kind == CABREF_PSL_RULE_DEFAULT || \result.kind == CABREF_PSL_RULE_NONE) <==>
    !PslAnyMatch(t, text, nm, options);
  ensures section: \result.private_section == PslSection(t, \result.rule, \result.kind);
*/
static cabref_psl_match walk_answer(const cabref_psl_table *t, const char *text,
                                    const cabref_name *nm, uint32_t options, uint32_t k, uint32_t j,
                                    psl_walk w) {
  cabref_psl_match r;
  (void)text; /* in the contract only */
  (void)nm;
  (void)j;
  /*@ assert exc_max: \forall integer q; 0 <= q < t->n_nodes &&
        PslRuleMatches(t, q, CABREF_PSL_RULE_EXCEPTION, text, nm, options) ==>
        w.exc != -1 && PslDepth(t, q) <= PslDepth(t, w.exc); */
  /*@ assert best_max: \forall integer q, integer kq; 0 <= q < t->n_nodes &&
        (kq == CABREF_PSL_RULE_NORMAL || kq == CABREF_PSL_RULE_WILDCARD) &&
        PslRuleMatches(t, q, kq, text, nm, options) ==> PslRuleLen(t, q, kq, k) <= w.best_len; */
  if (w.exc >= 0) {
    /* PSL-MATCH-PREVAILING: an exception beats every rule; PSL-MATCH-SUFFIX: drop its
     * leftmost label. */
    r.kind = CABREF_PSL_RULE_EXCEPTION;
    r.rule = w.exc;
    r.suffix_labels = (uint8_t)(t->nodes[w.exc].depth - 1u);
    r.private_section = t->nodes[w.exc].exc_icann != 0 ? 0 : 1;
    /*@ assert prevails_exc: PslPrevails(t, r.rule, r.kind, text, nm, options); */
  } else if (w.best >= 0) {
    r.kind = w.best_kind;
    r.rule = w.best;
    r.suffix_labels = (uint8_t)w.best_len;
    r.private_section = w.best_kind == CABREF_PSL_RULE_NORMAL
                            ? (t->nodes[w.best].normal_icann != 0 ? 0 : 1)
                            : (t->nodes[w.best].wild_icann != 0 ? 0 : 1);
    /*@ assert no_exc: !PslSomeMatch(t, CABREF_PSL_RULE_EXCEPTION, text, nm, options); */
    /*@ assert prevails_best: PslPrevails(t, r.rule, r.kind, text, nm, options); */
  } else {
    /*@ assert no_exc_rule: !PslSomeMatch(t, CABREF_PSL_RULE_EXCEPTION, text, nm, options); */
    /*@ assert len_pos: \forall integer q, integer kq; 0 <= q < t->n_nodes ==>
          1 <= PslRuleLen(t, q, kq, k); */
    /*@ assert no_normal_rule: !PslSomeMatch(t, CABREF_PSL_RULE_NORMAL, text, nm, options); */
    /*@ assert no_wild_rule: !PslSomeMatch(t, CABREF_PSL_RULE_WILDCARD, text, nm, options); */
    /*@ assert no_match: !PslAnyMatch(t, text, nm, options); */
    r.rule = -1;
    r.private_section = 0;
    if ((options & CABREF_PSL_NO_STAR_RULE) == 0u) {
      /* PSL-MATCH-DEFAULT: no rule matches, the prevailing rule is "*". */
      r.kind = CABREF_PSL_RULE_DEFAULT;
      r.suffix_labels = 1;
    } else {
      /* PSL-OPT-NO-STAR: no rule at all. */
      r.kind = CABREF_PSL_RULE_NONE;
      r.suffix_labels = 0;
    }
  }
  /* PSL-MATCH-REGISTRABLE: a label left of the public suffix; none without a suffix. */
  r.registrable = (r.kind != CABREF_PSL_RULE_NONE && k > r.suffix_labels) ? 1 : 0;
  return r;
}

int cabref_psl_match_name(const cabref_psl_table *t, const char *text, size_t text_len,
                          const cabref_name *nm, uint32_t options, cabref_psl_match *out) {
  uint32_t k, j;
  int32_t cur = -1;
  psl_walk w = {-1, 0, CABREF_PSL_RULE_NONE, -1};
  if (t == NULL || text == NULL || nm == NULL || out == NULL)
    return -1;
  /* PSL-MATCH-WILDCARD-NAME: the wildcard label is not looked up. */
  k = (uint32_t)nm->n_labels - (nm->wildcard != 0 ? 1u : 0u);
  if (k < 1u)
    return -1;
  /*@ assert table_parts: PslTableMemory(t) && PslTableSpans(t) && PslTableNodes(t) &&
        PslTableParent(t) && PslTablePrefix(t) && PslTableUnique(t) && PslTableBuckets(t); */
  /*@ assert k_labels: k == PslLookupLabels(nm) && 1 <= k <= CABREF_NAME_MAX_LABELS; */
  /*@ assert no_depth0: \forall integer q; 0 <= q < t->n_nodes ==> 1 <= PslDepth(t, q); */
  /* PSL-MATCH-RULE, PSL-MATCH-PREVAILING: one node per depth can match (PSL-TABLE-UNIQUE); the
   * walk visits it, depth j + 1 at step j, and records the longest matching rules so far. */
  /*@
    loop invariant j_range: 0 <= j <= k;
    loop invariant cur: PslWalkCur(t, text, nm, j, cur);
    loop invariant exc: PslWalkExc(t, text, nm, options, j, w.exc);
    loop invariant best: PslWalkBest(t, text, nm, options, k, j, w.best, w.best_len, w.best_kind);
    loop assigns j, cur, w;
    loop variant k - j;
  */
  for (j = 0; j < k; j++) {
    int32_t child = find_child(t, cur, text, text_len, nm, j);
    if (child < 0) {
      /*@ ghost walk_stop(t, text, nm, options, j, cur); */
      break;
    }
    /*@ ghost walk_descend(t, text, nm, j, cur, child); */
    cur = child;
    w = walk_node(t, text, nm, options, k, j, cur, w);
  }
  /* Every matching rule has been seen: the walk ended at the name's length (no rule has more
   * labels than the name) or below the deepest matching node (walk_stop). */
  /*@ assert done: PslWalkDone(t, text, nm, options, j); */
  /* The table is read only before *out is written (the contract reads it in Pre). */
  *out = walk_answer(t, text, nm, options, k, j, w);
  return 0;
}

unsigned cabref_psl_registrable_labels(const cabref_psl_match *m) {
  /* PSL-MATCH-REGISTRABLE: the public suffix plus one label, if the name has it. */
  return m->registrable != 0 ? (unsigned)m->suffix_labels + 1u : 0u;
}
