/* cabref: the logic of spec/psl.md, in ACSL, for the contracts of ref/include/cabref/psl.h.
 *
 * ACSL only: a C compiler sees nothing but comments. psl.h includes this file after its type
 * definitions when __FRAMAC__ is defined. Everything is a definition (no axiomatic block); the
 * lemmas are proved by WP in the psl_match run.
 *
 * Model (spec/psl.md PSL-TABLE-*). A compiled table is a set of nodes; node r stands for the
 * label sequence spans[nodes[r].labels + 0 .. depth-1], counted from the right (index 0 is the
 * top-level label). Each node carries up to six rules: a normal rule, a wildcard rule ("*." in
 * front of the node's labels) and an exception rule ("!" in front), each in the ICANN and/or the
 * PRIVATE section. The name is looked up without its wildcard label (PSL-MATCH-WILDCARD-NAME):
 * its k = PslLookupLabels(nm) rightmost labels, counted from the right in the same way.
 */
#ifndef CABREF_PSL_LOGIC_H
#define CABREF_PSL_LOGIC_H

/*@
  // ---- Canonical form (PSL-CANON) ------------------------------------------------------------
  logic integer PslLower(integer c) = (65 <= c && c <= 90) ? c + 32 : c;

  // ---- The bucket key of the compiled table (PSL-TABLE-KEY) -----------------------------------
  logic integer PslKey(integer parent, integer len, integer c0, integer cm, integer cl,
                       integer nb) =
    ((parent + 1) * 2654435761 + len * 97 + (c0 + 128) * 7919 + (cm + 128) * 131 +
     (cl + 128) * 1000003) % nb;

  logic integer PslDepth{L}(cabref_psl_table *t, integer r) = t->nodes[r].depth;
  // Index in spans of label i of node r.
  logic integer PslSpan{L}(cabref_psl_table *t, integer r, integer i) = t->nodes[r].labels + i;

  // Byte x of the string at a + ao. Every statement about bytes goes through this function, so
  // that the provers match bytes by (string, offset, index), never by pointer arithmetic.
  logic integer PslByteAt{L}(char *a, integer ao, integer x) = a[ao + x];

  // The span of the last label of node r (its own label, under its parent).
  logic integer PslLastSpan{L}(cabref_psl_table *t, integer r) = PslSpan(t, r, PslDepth(t, r) - 1);

  // The key of node r: its parent and the length, first, middle and last byte of its own label.
  logic integer PslNodeKey{L}(cabref_psl_table *t, integer r) =
    PslKey(t->nodes[r].parent, t->spans[PslLastSpan(t, r)].len,
           PslByteAt(t->pool, t->spans[PslLastSpan(t, r)].off, 0),
           PslByteAt(t->pool, t->spans[PslLastSpan(t, r)].off, t->spans[PslLastSpan(t, r)].len / 2),
           PslByteAt(t->pool, t->spans[PslLastSpan(t, r)].off, t->spans[PslLastSpan(t, r)].len - 1),
           t->n_buckets);

  // Spans s1 and s2 hold the same label (length, then bytes).
  predicate PslSpanEq{L}(cabref_psl_table *t, integer s1, integer s2) =
    t->spans[s1].len == t->spans[s2].len &&
    \forall integer x; 0 <= x < t->spans[s1].len ==>
      PslByteAt(t->pool, t->spans[s1].off, x) == PslByteAt(t->pool, t->spans[s2].off, x);

  // Nodes a and b agree on their first j labels. Label by label (one quantifier over labels, the
  // bytes inside PslSpanEq), so that the proofs chain whole labels.
  predicate PslSameLabels{L}(cabref_psl_table *t, integer a, integer b, integer j) =
    \forall integer i; 0 <= i < j ==> PslSpanEq(t, PslSpan(t, a, i), PslSpan(t, b, i));

  // ---- PSL-TABLE-VALID: the invariants the shell's compiler establishes ------------------------
  // One predicate per requirement, so that a lemma or a goal opens only the part it needs.
  predicate PslTableMemory{L}(cabref_psl_table *t) =
    \valid_read(t) &&
    1 <= t->n_buckets <= CABREF_PSL_MAX_BUCKETS && t->n_nodes <= CABREF_PSL_MAX_NODES &&
    t->n_spans <= CABREF_PSL_MAX_SPANS && t->pool_len <= CABREF_PSL_MAX_POOL &&
    \valid_read(t->pool + (0 .. t->pool_len - 1)) &&
    \valid_read(t->spans + (0 .. t->n_spans - 1)) &&
    \valid_read(t->nodes + (0 .. t->n_nodes - 1)) &&
    \valid_read(t->buckets + (0 .. t->n_buckets)) &&
    \valid_read(t->order + (0 .. t->n_nodes - 1));

  // PSL-TABLE-SPANS: every label is 1..63 bytes inside the pool
  predicate PslTableSpans{L}(cabref_psl_table *t) =
    \forall integer s; 0 <= s < t->n_spans ==>
      1 <= t->spans[s].len <= 63 && t->spans[s].off + t->spans[s].len <= t->pool_len;

  // PSL-TABLE-NODES: depth 1..127, labels inside spans
  predicate PslTableNodes{L}(cabref_psl_table *t) =
    \forall integer r; 0 <= r < t->n_nodes ==>
      1 <= PslDepth(t, r) <= 127 && t->nodes[r].labels + PslDepth(t, r) <= t->n_spans;

  // PSL-TABLE-PARENT: the parent is the node of the labels but the last one
  predicate PslTableParent{L}(cabref_psl_table *t) =
    (\forall integer r; 0 <= r < t->n_nodes && PslDepth(t, r) == 1 ==> t->nodes[r].parent == -1) &&
    (\forall integer r; 0 <= r < t->n_nodes && PslDepth(t, r) > 1 ==>
       0 <= t->nodes[r].parent < t->n_nodes &&
       PslDepth(t, t->nodes[r].parent) == PslDepth(t, r) - 1 &&
       PslSameLabels(t, t->nodes[r].parent, r, PslDepth(t, r) - 1));

  // PSL-TABLE-PREFIX: every proper prefix of a node is a node (the node of the first j labels of
  // r: PslPrefixNode, named so that the provers can instantiate the rule on r and j)
  predicate PslPrefixNode{L}(cabref_psl_table *t, integer r, integer j) =
    \exists integer p; 0 <= p < t->n_nodes && PslDepth(t, p) == j && PslSameLabels(t, p, r, j);
  predicate PslTablePrefix{L}(cabref_psl_table *t) =
    \forall integer r, integer j; 0 <= r < t->n_nodes && 1 <= j < PslDepth(t, r) ==>
      PslPrefixNode(t, r, j);

  // PSL-TABLE-UNIQUE: no two nodes for one label sequence
  predicate PslTableUnique{L}(cabref_psl_table *t) =
    \forall integer a, integer b; 0 <= a < t->n_nodes && 0 <= b < t->n_nodes &&
      PslDepth(t, a) == PslDepth(t, b) && PslSameLabels(t, a, b, PslDepth(t, a)) ==> a == b;

  // PSL-TABLE-BUCKETS: order[] lists the nodes by key; every node is listed in its key's bucket
  // (PslListed: node r is listed in bucket b)
  predicate PslListed{L}(cabref_psl_table *t, integer r, integer b) =
    \exists integer x; t->buckets[b] <= x < t->buckets[b + 1] && t->order[x] == r;
  predicate PslTableBuckets{L}(cabref_psl_table *t) =
    (\forall integer b; 0 <= b <= t->n_buckets ==> t->buckets[b] <= t->n_nodes) &&
    (\forall integer x; 0 <= x < t->n_nodes ==> t->order[x] < t->n_nodes) &&
    (\forall integer r; 0 <= r < t->n_nodes ==> PslListed(t, r, PslNodeKey(t, r)));

  predicate ValidPslTable{L}(cabref_psl_table *t) =
    PslTableMemory(t) && PslTableSpans(t) && PslTableNodes(t) && PslTableParent(t) &&
    PslTablePrefix(t) && PslTableUnique(t) && PslTableBuckets(t);

  // ---- The name side ----------------------------------------------------------------------
  // The labels looked up: all but the wildcard label (PSL-MATCH-WILDCARD-NAME).
  logic integer PslLookupLabels{L}(cabref_name *nm) =
    nm->n_labels - (nm->wildcard != 0 ? 1 : 0);
  logic integer PslNameOff{L}(cabref_name *nm, integer i) = nm->labels[nm->n_labels - 1 - i].off;
  logic integer PslNameLen{L}(cabref_name *nm, integer i) = nm->labels[nm->n_labels - 1 - i].len;

  predicate PslValidName{L}(char *text, integer len, cabref_name *nm) =
    \valid_read(nm) && \valid_read(text + (0 .. len - 1)) &&
    1 <= nm->n_labels <= CABREF_NAME_MAX_LABELS &&
    (\forall integer i; 0 <= i < nm->n_labels ==>
       1 <= nm->labels[i].len <= 63 && nm->labels[i].off + nm->labels[i].len <= len);

  // The n bytes at a + ao equal the n bytes at b + bo, the latter in lower case (PSL-CANON).
  predicate PslBytesEq{L}(char *a, integer ao, char *b, integer bo, integer n) =
    \forall integer x; 0 <= x < n ==> PslByteAt(a, ao, x) == PslLower(PslByteAt(b, bo, x));

  // Span s equals label i (from the right) of the name, ASCII case-insensitively (PSL-CANON).
  predicate PslLabelEq{L}(cabref_psl_table *t, integer s, char *text, cabref_name *nm,
                          integer i) =
    t->spans[s].len == PslNameLen(nm, i) &&
    PslBytesEq(t->pool, t->spans[s].off, text, PslNameOff(nm, i), t->spans[s].len);

  // Node r's first j labels are the name's rightmost j labels, label by label.
  predicate PslTopMatch{L}(cabref_psl_table *t, integer r, integer j, char *text,
                           cabref_name *nm) =
    \forall integer i; 0 <= i < j ==> PslLabelEq(t, PslSpan(t, r, i), text, nm, i);

  // Node m is the child of node cur (-1: the root) whose last label is label j of the name: the
  // node the walk looks up at step j (PSL-TABLE-PARENT, PSL-MATCH-RULE).
  predicate PslChild{L}(cabref_psl_table *t, integer m, integer cur, integer j, char *text,
                        cabref_name *nm) =
    0 <= m < t->n_nodes && t->nodes[m].parent == cur && PslDepth(t, m) == j + 1 &&
    PslLabelEq(t, PslSpan(t, m, j), text, nm, j);

  // ---- PSL-MATCH: the rules and when they match -------------------------------------------
  predicate PslPrivate(integer opts) = (opts & CABREF_PSL_PRIVATE) != 0;
  predicate PslWildParent(integer opts) = (opts & CABREF_PSL_WILDCARD_PARENT) != 0;
  predicate PslNoStar(integer opts) = (opts & CABREF_PSL_NO_STAR_RULE) != 0;

  // PSL-OPT-SECTIONS: rule `kind` of node r exists in a section the options use.
  predicate PslActive{L}(cabref_psl_table *t, integer r, integer kind, integer opts) =
    (kind == CABREF_PSL_RULE_NORMAL &&
       (t->nodes[r].normal_icann != 0 || (PslPrivate(opts) && t->nodes[r].normal_private != 0))) ||
    (kind == CABREF_PSL_RULE_WILDCARD &&
       (t->nodes[r].wild_icann != 0 || (PslPrivate(opts) && t->nodes[r].wild_private != 0))) ||
    (kind == CABREF_PSL_RULE_EXCEPTION &&
       (t->nodes[r].exc_icann != 0 || (PslPrivate(opts) && t->nodes[r].exc_private != 0)));

  // PSL-MATCH-RULE: the rule has no more labels than the name and its labels equal the name's
  // from the right, "*" equal to any label. A wildcard rule has one label more than its node;
  // with PSL-OPT-WILDCARD-PARENT it also matches its node's own labels.
  predicate PslRuleMatches{L}(cabref_psl_table *t, integer r, integer kind, char *text,
                              cabref_name *nm, integer opts) =
    0 <= r < t->n_nodes && PslActive(t, r, kind, opts) &&
    PslDepth(t, r) <= PslLookupLabels(nm) &&
    PslTopMatch(t, r, PslDepth(t, r), text, nm) &&
    (kind != CABREF_PSL_RULE_WILDCARD || PslDepth(t, r) < PslLookupLabels(nm) ||
     PslWildParent(opts));

  // The number of labels of the rule as matched against a name of k labels.
  logic integer PslRuleLen{L}(cabref_psl_table *t, integer r, integer kind, integer k) =
    (kind == CABREF_PSL_RULE_WILDCARD && PslDepth(t, r) < k) ? PslDepth(t, r) + 1
                                                              : PslDepth(t, r);

  predicate PslSomeMatch{L}(cabref_psl_table *t, integer kind, char *text, cabref_name *nm,
                            integer opts) =
    \exists integer r; 0 <= r < t->n_nodes && PslRuleMatches(t, r, kind, text, nm, opts);

  predicate PslAnyMatch{L}(cabref_psl_table *t, char *text, cabref_name *nm, integer opts) =
    PslSomeMatch(t, CABREF_PSL_RULE_NORMAL, text, nm, opts) ||
    PslSomeMatch(t, CABREF_PSL_RULE_WILDCARD, text, nm, opts) ||
    PslSomeMatch(t, CABREF_PSL_RULE_EXCEPTION, text, nm, opts);

  // PSL-MATCH-PREVAILING (the formal algorithm, steps 1-4): rule (r, kind) prevails when it
  // matches and (an exception beats every rule) it is an exception, or no exception matches and
  // no matching normal or wildcard rule is longer; among exceptions, none is longer.
  predicate PslPrevails{L}(cabref_psl_table *t, integer r, integer kind, char *text,
                           cabref_name *nm, integer opts) =
    PslRuleMatches(t, r, kind, text, nm, opts) &&
    (kind == CABREF_PSL_RULE_EXCEPTION ==>
       \forall integer q; 0 <= q < t->n_nodes &&
         PslRuleMatches(t, q, CABREF_PSL_RULE_EXCEPTION, text, nm, opts) ==>
         PslDepth(t, q) <= PslDepth(t, r)) &&
    (kind != CABREF_PSL_RULE_EXCEPTION ==>
       !PslSomeMatch(t, CABREF_PSL_RULE_EXCEPTION, text, nm, opts) &&
       \forall integer q, integer kq; 0 <= q < t->n_nodes &&
         (kq == CABREF_PSL_RULE_NORMAL || kq == CABREF_PSL_RULE_WILDCARD) &&
         PslRuleMatches(t, q, kq, text, nm, opts) ==>
         PslRuleLen(t, q, kq, PslLookupLabels(nm)) <=
           PslRuleLen(t, r, kind, PslLookupLabels(nm)));

  // PSL-MATCH-SUFFIX (steps 5-6): the labels of the public suffix.
  logic integer PslSuffixLabels{L}(cabref_psl_table *t, integer r, integer kind, integer k) =
    kind == CABREF_PSL_RULE_EXCEPTION ? PslDepth(t, r) - 1 :
    (kind == CABREF_PSL_RULE_NORMAL || kind == CABREF_PSL_RULE_WILDCARD) ?
      PslRuleLen(t, r, kind, k) :
    kind == CABREF_PSL_RULE_DEFAULT ? 1 : 0;

  // The section of the returned rule (cabref_psl_match.private_section): 0 for ICANN, also when
  // the rule is listed in both sections; 1 for PRIVATE; 0 for the default rule and none.
  logic integer PslSection{L}(cabref_psl_table *t, integer r, integer kind) =
    kind == CABREF_PSL_RULE_EXCEPTION ? (t->nodes[r].exc_icann != 0 ? 0 : 1) :
    kind == CABREF_PSL_RULE_NORMAL ? (t->nodes[r].normal_icann != 0 ? 0 : 1) :
    kind == CABREF_PSL_RULE_WILDCARD ? (t->nodes[r].wild_icann != 0 ? 0 : 1) : 0;

*/

#endif
