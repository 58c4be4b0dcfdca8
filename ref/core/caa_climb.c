/* cabref: the relevant record set of a request's name from what the DNS said at each name of the
 * climb, aliases followed as the rules of the date follow them (spec/caa.md CAA-RELEVANT,
 * CAA-ALIAS-*). The shell looks the names up (zone file or resolver) and describes them as
 * nodes; the core only decides which node's set counts. */
#include <stddef.h>

#include "cabref/caa_dns.h"

/* One step of the walk (CaaWalk) lands on the target of the step before. */
/*@
  lemma walk_step{L}: \forall cabref_caa_node *nd, integer x, integer h;
    h >= 0 ==> CaaWalk(nd, x, h + 1) == nd[CaaWalk(nd, x, h)].target;
*/

/* CAA-ALIAS-CNAME, CAA-ALIAS-DNAME: the lookup at x is answered from its alias target: a CNAME
 * always (RFC 1034 §3.6.2); a DNAME owned by x only under the RFC 6844 rules (erratum 5065's "CNAME
 * or DNAME alias record chain", RFC 6844 §4's A(X)) and only when x's own set is empty. */
/*@
  requires valid_x: \valid_read(nd + x);
  assigns \nothing;
  ensures hops: \result == 1 <==> CaaHops(nd, x, rules);
  ensures boolean: \result == 0 || \result == 1;
*/
static int answered_by_target(const cabref_caa_node *nd, size_t x, cabref_caa_rules rules) {
  if (nd[x].alias == (uint8_t)CABREF_CAA_ALIAS_CNAME) {
    return 1;
  }
  return (rules == CABREF_CAA_RULES_RFC6844 || rules == CABREF_CAA_RULES_RFC6844_E5065) &&
                 nd[x].alias == (uint8_t)CABREF_CAA_ALIAS_DNAME &&
                 nd[x].outcome == (uint8_t)CABREF_CAA_LOOKUP_EMPTY
             ? 1
             : 0;
}

/* CAA-ALIAS-CHAIN: the node at the end of the chain from x, at most CABREF_CAA_MAX_ALIAS_HOPS
 * hops (erratum 5065 asks for 8). Returns 1 and the node in *end, the hops in *hops; 0 when the
 * chain is longer (a loop never ends) or a target lies outside the array. */
/*@
  requires x_in: x < n;
  requires valid_nodes: \valid_read(nd + (0 .. n - 1));
  requires valid_out: \valid(end) && \valid(hops);
  requires separated: \separated(end, hops, nd + (0 .. n - 1));
  assigns *end, *hops;
  ensures ends: \result == 1 <==> CaaAnswer(nd, n, x, rules) >= 0;
  ensures end: \result == 1 ==> *end == CaaAnswer(nd, n, x, rules) && *end < n &&
    *end == CaaWalk(nd, x, *hops) && *hops <= CABREF_CAA_MAX_ALIAS_HOPS;
  ensures boolean: \result == 0 || \result == 1;
*/
static int chain_end(const cabref_caa_node *nd, size_t n, size_t x, cabref_caa_rules rules,
                     size_t *end, size_t *hops) {
  size_t y = x, h = 0u;
  /*@
    loop invariant bound: h <= CABREF_CAA_MAX_ALIAS_HOPS;
    loop invariant in: y < n;
    loop invariant walk: y == CaaWalk(nd, x, h);
    loop invariant same: CaaAnswer(nd, n, x, rules) ==
      CaaEnd(nd, n, y, rules, CABREF_CAA_MAX_ALIAS_HOPS - h);
    loop assigns y, h;
    loop variant CABREF_CAA_MAX_ALIAS_HOPS - h;
  */
  while (answered_by_target(nd, y, rules)) {
    if (h == CABREF_CAA_MAX_ALIAS_HOPS || nd[y].target >= n) {
      return 0;
    }
    y = nd[y].target;
    h++;
  }
  *end = y;
  *hops = h;
  return 1;
}

/* CAA-RELEVANT, CAA-ALIAS-6844, CAA-DNS-FAILURE. RFC 8659 §3, BR Appendix A, RFC 6844 §4:
 * climb from the request's name towards the TLD; the
 * first lookup that is not empty decides (records: the relevant set; anything else: the set
 * cannot be known); failures above it are never looked at. */
cabref_caa_relevant_result cabref_caa_relevant_rrset(const cabref_caa_node *nd, size_t n,
                                                     size_t n_climb, cabref_caa_rules rules,
                                                     cabref_caa_relevant_at *at) {
  size_t i;
  /*@
    loop invariant bound: 0 <= i <= n_climb;
    loop invariant empty: CaaClimbEmpty(nd, n, i, rules);
    loop assigns i, *at;
    loop variant n_climb - i;
  */
  for (i = 0u; i < n_climb; i++) {
    size_t y = 0u, h = 0u;
    uint8_t o;
    if (!chain_end(nd, n, i, rules, &y, &h)) {
      at->climb = i;
      at->node = i;
      at->hops = 0u;
      at->failure = (size_t)CABREF_CAA_FAIL_ALIAS_CHAIN;
      return CABREF_CAA_RELEVANT_FAILURE;
    }
    o = nd[y].outcome;
    if (o == (uint8_t)CABREF_CAA_LOOKUP_EMPTY && !(rules == CABREF_CAA_RULES_RFC6844 && y != i)) {
      continue;
    }
    at->climb = i;
    at->node = y;
    at->hops = h;
    if (o == (uint8_t)CABREF_CAA_LOOKUP_RECORDS) {
      at->failure = (size_t)CABREF_CAA_FAIL_UNSPECIFIED;
      return CABREF_CAA_RELEVANT_FOUND;
    }
    /* RFC 6844 §4 as published: R(A(X)) would climb from the target; not modelled. */
    at->failure = o == (uint8_t)CABREF_CAA_LOOKUP_EMPTY ? (size_t)CABREF_CAA_FAIL_RFC6844_CLIMB
                                                        : (size_t)nd[y].failure;
    return CABREF_CAA_RELEVANT_FAILURE;
  }
  at->climb = n_climb;
  at->node = n_climb;
  at->hops = 0u;
  at->failure = (size_t)CABREF_CAA_FAIL_UNSPECIFIED;
  return CABREF_CAA_RELEVANT_NONE;
}

/* CAA-LOOKUP-FAILURE: BR 3.2.2.8 asks that the domain be "Insecure" per RFC 4035 §4.3 (SC085;
 * before it, no DNSSEC validation chain to the root): only a validator's proof of insecurity
 * establishes either. BR 3.2.2.8.1: a DNSSEC validation failure is never permission from
 * 2026-03-15; a bogus answer or a failure of kind bogus is one. */
void cabref_caa_failure_facts_of(const cabref_caa_node *node, cabref_caa_failure_facts *f) {
  uint8_t insecure = node->dnssec == (uint8_t)CABREF_CAA_DNSSEC_INSECURE ? 1u : 0u;
  uint8_t bogus = (node->dnssec == (uint8_t)CABREF_CAA_DNSSEC_BOGUS ||
                   (node->outcome == (uint8_t)CABREF_CAA_LOOKUP_FAILURE &&
                    node->failure == (uint8_t)CABREF_CAA_FAIL_BOGUS))
                      ? 1u
                      : 0u;
  f->insecure = insecure;
  f->no_dnssec_chain = insecure;
  f->dnssec_failure = bogus;
}
