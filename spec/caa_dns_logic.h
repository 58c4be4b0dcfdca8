/* cabref: the logic of the relevant-set search with aliases (spec/caa.md CAA-RELEVANT,
 * CAA-ALIAS-*), in ACSL, for the contracts of ref/include/cabref/caa_dns.h.
 *
 * ACSL only: a C compiler sees nothing but comments. caa_dns.h includes this file after its
 * type definitions when __FRAMAC__ is defined. Everything is a definition (no axiomatic block).
 *
 * The nodes nd[0 .. n-1] are what the DNS said; the climb is nd[0 .. n_climb-1]. A lookup at a
 * name of the climb is answered by the node at the end of the alias chain the rules follow
 * (CaaAnswer); its outcome (CaaLookAt) is records, empty or failure; the relevant set is that of
 * the first lookup that is not empty (CaaClimbEmpty before it).
 */
#ifndef CABREF_CAA_DNS_LOGIC_H
#define CABREF_CAA_DNS_LOGIC_H

/*@
  // The rules follow a DNAME owned by the name itself (erratum 5065's A(X), and RFC 6844 §4 as
  // published, both "CNAME or DNAME"); RFC 8659 leaves aliases to the resolver, which answers a
  // name from its own data when the DNAME is at the name (RFC 6672 §2.3).
  logic boolean CaaFollowsDname(integer rules) =
    rules == CABREF_CAA_RULES_RFC6844 || rules == CABREF_CAA_RULES_RFC6844_E5065;

  // The lookup at node x is answered from its alias target: always for a CNAME (a CNAME has no
  // other data, RFC 1034 §3.6.2); for a DNAME at x, only under the RFC 6844 rules and only when
  // x's own set is empty (A(X) is consulted after CAA(X)).
  logic boolean CaaHops{L}(cabref_caa_node *nd, integer x, integer rules) =
    nd[x].alias == CABREF_CAA_ALIAS_CNAME ||
    (CaaFollowsDname(rules) && nd[x].alias == CABREF_CAA_ALIAS_DNAME &&
     nd[x].outcome == CABREF_CAA_LOOKUP_EMPTY);

  // The node that answers a lookup at x within `fuel` hops; -1 when the chain is longer (a loop
  // never ends) or a hop leaves the array.
  logic integer CaaEnd{L}(cabref_caa_node *nd, integer n, integer x, integer rules,
                          integer fuel) =
    !(0 <= x < n) ? -1 :
    !CaaHops(nd, x, rules) ? x :
    fuel <= 0 ? -1 : CaaEnd(nd, n, nd[x].target, rules, fuel - 1);

  // The node at the end of the chain from the climb's name i (CAA-ALIAS-CHAIN: at most
  // CABREF_CAA_MAX_ALIAS_HOPS hops).
  logic integer CaaAnswer{L}(cabref_caa_node *nd, integer n, integer i, integer rules) =
    CaaEnd(nd, n, i, rules, CABREF_CAA_MAX_ALIAS_HOPS);

  // The node h hops along the chain from x.
  logic integer CaaWalk{L}(cabref_caa_node *nd, integer x, integer h) =
    h <= 0 ? x : nd[CaaWalk(nd, x, h - 1)].target;

  // The outcome of the lookup at the climb's name i under the rules: the answering node's own
  // outcome; a failure when the chain does not end, or (RFC 6844 as published) when it ends
  // empty after at least one hop, where RFC 6844 §4 would climb from the target.
  logic integer CaaLookAt{L}(cabref_caa_node *nd, integer n, integer i, integer rules) =
    \let y = CaaAnswer(nd, n, i, rules);
    y < 0 ? CABREF_CAA_LOOKUP_FAILURE :
    nd[y].outcome == CABREF_CAA_LOOKUP_RECORDS ? CABREF_CAA_LOOKUP_RECORDS :
    nd[y].outcome == CABREF_CAA_LOOKUP_EMPTY ?
      (rules == CABREF_CAA_RULES_RFC6844 && y != i ? CABREF_CAA_LOOKUP_FAILURE
                                                   : CABREF_CAA_LOOKUP_EMPTY) :
    CABREF_CAA_LOOKUP_FAILURE;

  // Why the lookup at i failed (when CaaLookAt says it did).
  logic integer CaaFailureKind{L}(cabref_caa_node *nd, integer n, integer i, integer rules) =
    \let y = CaaAnswer(nd, n, i, rules);
    y < 0 ? CABREF_CAA_FAIL_ALIAS_CHAIN :
    nd[y].outcome == CABREF_CAA_LOOKUP_EMPTY ? CABREF_CAA_FAIL_RFC6844_CLIMB : nd[y].failure;

  // The lookups at the climb's names 0 .. k-1 all found nothing.
  predicate CaaClimbEmpty{L}(cabref_caa_node *nd, integer n, integer k, integer rules) =
    \forall integer j; 0 <= j < k ==> CaaLookAt(nd, n, j, rules) == CABREF_CAA_LOOKUP_EMPTY;
*/

#endif
