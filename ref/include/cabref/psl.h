/* cabref: the Public Suffix List. Requirements: spec/psl.md (PSL-*).
 *
 * The shell loads the list's text format and compiles it into a table owned by the caller; the
 * proven core matches a parsed name (cabref/name.h) against that table by the list's formal
 * algorithm. The points where implementations differ are options, with the BR default below.
 */
#ifndef CABREF_PSL_H
#define CABREF_PSL_H

#include <stddef.h>
#include <stdint.h>

#include "cabref/name.h"

/* Options (bits). Default for BR work: CABREF_PSL_BR_DEFAULT. */
#define CABREF_PSL_PRIVATE 0x1u         /* also use the PRIVATE DOMAINS section (BR 3.2.2.6: not) */
#define CABREF_PSL_NO_STAR_RULE 0x2u    /* drop the implicit "*" rule: unknown TLDs match nothing */
#define CABREF_PSL_WILDCARD_PARENT 0x4u /* "*.foo.bar" also makes "foo.bar" a suffix (libpsl) */
#define CABREF_PSL_BR_DEFAULT 0x0u      /* ICANN only, "*" rule on, strict wildcards */

/* Kind of the prevailing rule. */
typedef enum {
  CABREF_PSL_RULE_DEFAULT = 0, /* the implicit "*" rule */
  CABREF_PSL_RULE_NORMAL = 1,
  CABREF_PSL_RULE_WILDCARD = 2,
  CABREF_PSL_RULE_EXCEPTION = 3,
  CABREF_PSL_RULE_NONE = 4 /* no rule matched and the "*" rule is off */
} cabref_psl_rule_kind;

typedef struct {
  uint8_t suffix_labels;   /* labels of the public suffix, counted from the right; 0 if none */
  uint8_t registrable;     /* 1 when the name has a label left of the suffix */
  uint8_t kind;            /* cabref_psl_rule_kind of the prevailing rule */
  uint8_t private_section; /* the prevailing rule is in PRIVATE DOMAINS */
  int32_t rule;            /* index of the prevailing rule in the table, -1 for default/none */
} cabref_psl_match;

/* ---- The compiled table (spec/psl.md PSL-TABLE-*) -------------------------------------------
 *
 * Owned by the caller (the shell compiles it from the list's text: cabref/psl_load.h). Node r
 * stands for the label sequence spans[nodes[r].labels + 0 .. depth-1], top-level label first;
 * its rule fields say which rules the list has for that sequence, per section: the normal rule,
 * the wildcard rule "*.<labels>" and the exception rule "!<labels>". Nodes without any rule exist
 * for every proper prefix of a node (PSL-TABLE-PREFIX). Lookup: order[] lists the nodes grouped in
 * buckets by cabref_psl_key() of their parent and their own (last) label. */
#define CABREF_PSL_MAX_NODES 16777215u   /* 2^24 - 1 */
#define CABREF_PSL_MAX_SPANS 268435455u  /* 2^28 - 1 */
#define CABREF_PSL_MAX_POOL 1073741823u  /* 2^30 - 1 */
#define CABREF_PSL_MAX_BUCKETS 67108864u /* 2^26 */

typedef struct {
  uint32_t off; /* into pool */
  uint8_t len;  /* 1..63 */
} cabref_psl_span;

typedef struct {
  uint32_t labels; /* index in spans of the node's first (top-level) label */
  int32_t parent;  /* node of the labels but the last; -1 for a top-level label */
  uint8_t depth;   /* number of labels, 1..127 */
  uint8_t normal_icann, normal_private;
  uint8_t wild_icann, wild_private;
  uint8_t exc_icann, exc_private;
} cabref_psl_node;

typedef struct {
  const char *pool; /* label bytes, lower case A-labels, no dots */
  uint32_t pool_len;
  const cabref_psl_span *spans;
  uint32_t n_spans;
  const cabref_psl_node *nodes;
  uint32_t n_nodes;
  const uint32_t *order; /* n_nodes entries: the node indices, grouped by bucket */
  const uint32_t
      *buckets; /* n_buckets + 1 entries: bucket b is order[buckets[b] .. buckets[b+1]) */
  uint32_t n_buckets;
} cabref_psl_table;

/* The logic (PslKey, ValidPslTable, PslPrevails, ...) is spec/psl_logic.h, read by Frama-C. */
#ifdef __FRAMAC__
#include "psl_logic.h"
#endif

/* PSL-TABLE-KEY: the bucket of a node whose parent is `parent` (-1 for none) and whose own label
 * has `len` bytes, the first c0, the middle (index len/2) cm and the last cl. Used by the compiler
 * and by the matcher, so that both agree. */
/*@
  requires parent_range: -1 <= parent < CABREF_PSL_MAX_NODES;
  requires len_range: 1 <= len <= 63;
  requires bytes: -128 <= c0 <= 127 && -128 <= cm <= 127 && -128 <= cl <= 127;
  requires buckets: 1 <= nb <= CABREF_PSL_MAX_BUCKETS;
  assigns \nothing;
  ensures key: \result == PslKey(parent, len, c0, cm, cl, nb);
  ensures range: 0 <= \result < nb;
*/
uint32_t cabref_psl_key(int32_t parent, uint8_t len, int c0, int cm, int cl, uint32_t nb);

/* PSL-MATCH: the prevailing rule of the formal algorithm for the name `nm` (parsed from `text`,
 * A-labels, any ASCII case), looked up without its wildcard label, under `options` (CABREF_PSL_*).
 * Returns 0 and fills *out; returns -1 and leaves *out untouched when a pointer is NULL or the name
 * has no label besides its wildcard label. */
/*@
  requires table: t != \null ==> ValidPslTable(t);
  requires name: nm != \null && text != \null ==> PslValidName(text, text_len, nm);
  requires out_valid: out != \null ==> \valid(out);
  requires text_len_range: text_len <= 65535;
  assigns *out;
  behavior refused:
    assumes t == \null || text == \null || nm == \null || out == \null ||
            PslLookupLabels(nm) < 1;
    assigns \nothing;
    ensures result: \result == -1;
  behavior matched:
    assumes t != \null && text != \null && nm != \null && out != \null &&
            PslLookupLabels(nm) >= 1;
    assigns *out;
    ensures result: \result == 0;
    ensures kind_range: CABREF_PSL_RULE_DEFAULT <= out->kind <= CABREF_PSL_RULE_NONE;
    // The table and the name are read as passed (Pre): *out may be written over them.
    ensures rule_found:
      (out->kind == CABREF_PSL_RULE_NORMAL || out->kind == CABREF_PSL_RULE_WILDCARD ||
       out->kind == CABREF_PSL_RULE_EXCEPTION) ==>
      0 <= out->rule < \old(t->n_nodes) &&
      PslDepth{Pre}(t, out->rule) <= PslLookupLabels{Pre}(nm);
    ensures rule_active:
      (out->kind == CABREF_PSL_RULE_NORMAL || out->kind == CABREF_PSL_RULE_WILDCARD ||
       out->kind == CABREF_PSL_RULE_EXCEPTION) ==>
      PslActive{Pre}(t, out->rule, out->kind, options);
    ensures default_rule:
      out->kind == CABREF_PSL_RULE_DEFAULT ==> !PslNoStar(options);
    ensures no_rule:
      out->kind == CABREF_PSL_RULE_NONE ==> PslNoStar(options);
    ensures no_index:
      (out->kind == CABREF_PSL_RULE_DEFAULT || out->kind == CABREF_PSL_RULE_NONE) ==>
      out->rule == -1;
    ensures suffix:
      out->suffix_labels ==
      PslSuffixLabels{Pre}(t, out->rule, out->kind, PslLookupLabels{Pre}(nm));
    ensures registrable:
      out->registrable ==
      ((out->kind != CABREF_PSL_RULE_NONE && PslLookupLabels{Pre}(nm) > out->suffix_labels)
         ? 1 : 0);
    // PSL-MATCH-PREVAILING: the returned rule is the prevailing rule of the formal algorithm
    // over every rule of the table the options allow: it matches, an exception beats every
    // rule, and no matching rule of its class is longer (PslPrevails).
    ensures prevails:
      (out->kind == CABREF_PSL_RULE_NORMAL || out->kind == CABREF_PSL_RULE_WILDCARD ||
       out->kind == CABREF_PSL_RULE_EXCEPTION) ==>
      PslPrevails{Pre}(t, out->rule, out->kind, text, nm, options);
    // PSL-MATCH-DEFAULT, PSL-OPT-NO-STAR: the default rule or none exactly when no rule matches.
    ensures default_iff_no_match:
      (out->kind == CABREF_PSL_RULE_DEFAULT || out->kind == CABREF_PSL_RULE_NONE) <==>
      !PslAnyMatch{Pre}(t, text, nm, options);
    ensures section:
      out->private_section == PslSection{Pre}(t, out->rule, out->kind);
  complete behaviors;
  disjoint behaviors;
*/
int cabref_psl_match_name(const cabref_psl_table *t, const char *text, size_t text_len,
                          const cabref_name *nm, uint32_t options, cabref_psl_match *out);

/* PSL-MATCH-REGISTRABLE: the number of labels (from the right, the wildcard label not counted) of
 * the registrable domain, the public suffix plus one label; 0 when there is none. */
/*@
  requires valid: \valid_read(m);
  requires sane: m->suffix_labels <= 127;
  assigns \nothing;
  ensures none: m->registrable == 0 ==> \result == 0;
  ensures some: m->registrable != 0 ==> \result == m->suffix_labels + 1;
*/
unsigned cabref_psl_registrable_labels(const cabref_psl_match *m);

#endif
