/* cabref: what the DNS said at each name of a CAA search, and the relevant record set picked
 * from it, aliases included (spec/caa.md CAA-RELEVANT, CAA-ALIAS-*, CAA-DNS-*). ACSL vocabulary:
 * spec/caa_dns_logic.h.
 *
 * One shape of data whatever the source: zone mode (ref/shell/caa_zone.c reads it off a master
 * file) and live mode (libunbound) both describe every name they looked up as a node: the
 * outcome of the name's own CAA RRset, the DNSSEC status of the answer, and the alias at the
 * name if any, pointing at the node of its target. The climb of RFC 8659 §3 is nodes 0 ..
 * n_climb-1: the request's name (X for *.X), then each parent up to the TLD. Alias targets are
 * further nodes. The core follows the aliases the rules of the date follow and picks the set.
 */
#ifndef CABREF_CAA_DNS_H
#define CABREF_CAA_DNS_H

#include <stddef.h>
#include <stdint.h>

#include "cabref/caa.h"

/* CAA-ALIAS-CHAIN: erratum 5065 (BR Appendix A): a CA MUST process alias chains of 8 or fewer
 * CNAMEs; we follow up to 16 hops. A longer chain, a loop (which never ends) or a target outside
 * the node array is a lookup failure (alias-chain), never an empty set. */
#define CABREF_CAA_MAX_ALIAS_HOPS 16u

/* The alias at a name. */
typedef enum {
  CABREF_CAA_ALIAS_NONE = 0,
  /* A CNAME at the name (RFC 1034 §3.6.2), or the CNAME a resolver synthesizes for a name below
   * a DNAME owner (RFC 6672 §2.3): the lookup at the name is answered from the target. */
  CABREF_CAA_ALIAS_CNAME = 1,
  /* A DNAME owned by the name itself: it does not redirect the name (RFC 6672 §2.3), but the
   * erratum 5065 text (BR Appendix A) counts it in A(X), used when the name's own set is empty. */
  CABREF_CAA_ALIAS_DNAME = 2
} cabref_caa_alias;

/* The DNSSEC status of an answer (RFC 4035 §4.3). */
typedef enum {
  CABREF_CAA_DNSSEC_INDETERMINATE = 0, /* not validated, or no trust anchor to decide */
  CABREF_CAA_DNSSEC_SECURE = 1,
  CABREF_CAA_DNSSEC_INSECURE = 2, /* proven: no chain of trust covers the name */
  CABREF_CAA_DNSSEC_BOGUS = 3     /* validation failed */
} cabref_caa_dnssec;

/* Why a lookup failed (CAA-DNS-FAILURE). Stable values; codes in spec/caa.md. */
typedef enum {
  CABREF_CAA_FAIL_UNSPECIFIED = 0,
  CABREF_CAA_FAIL_SERVFAIL = 1,
  CABREF_CAA_FAIL_REFUSED = 2,
  CABREF_CAA_FAIL_TIMEOUT = 3,
  CABREF_CAA_FAIL_TRUNCATED = 4,     /* truncated, and no answer over TCP */
  CABREF_CAA_FAIL_MALFORMED = 5,     /* an answer that cannot be read */
  CABREF_CAA_FAIL_BOGUS = 6,         /* DNSSEC validation failed */
  CABREF_CAA_FAIL_RCODE = 7,         /* another error rcode (FORMERR, NOTIMP, ...) */
  CABREF_CAA_FAIL_ALIAS_CHAIN = 8,   /* CAA-ALIAS-CHAIN: too long, a loop, or no target node */
  CABREF_CAA_FAIL_RFC6844_CLIMB = 9, /* CAA-ALIAS-6844: RFC 6844 as published climbs from the
                                        target; not modelled, never a permit */
  CABREF_CAA_FAIL_UNMODELED = 10     /* zone mode: a construct it does not model (a DNAME at a
                                        wildcard owner, RFC 4592 §4.4) */
} cabref_caa_failure_kind;

/* One name looked up. */
typedef struct {
  uint8_t outcome; /* cabref_caa_lookup of the name's own CAA RRset (not through its alias) */
  uint8_t failure; /* with CABREF_CAA_LOOKUP_FAILURE: cabref_caa_failure_kind */
  uint8_t dnssec;  /* cabref_caa_dnssec of the answer */
  uint8_t alias;   /* cabref_caa_alias */
  uint32_t target; /* with an alias: the index of the node of its target */
} cabref_caa_node;

/* Where the search ended. Every field is a size_t: the nodes' fields are not (WP's typed model
 * keeps one memory per integer type, so writing these cannot touch what the contract reads). */
typedef struct {
  size_t climb;   /* the climb's index whose lookup decided (n_climb with NONE) */
  size_t node;    /* the node that answered it (its records, its failure); = climb with NONE */
  size_t hops;    /* aliases followed from the climb's name to that node */
  size_t failure; /* with FAILURE: cabref_caa_failure_kind */
} cabref_caa_relevant_at;

#ifdef __FRAMAC__
#include "caa_dns_logic.h"
#endif

/* ---- caa_climb.c ---------------------------------------------------------------------------
 * CAA-RELEVANT, CAA-ALIAS-*: the relevant record set of the request's name from the nodes, by
 * the rules in force (cabref_caa_rules_at of the evaluation date):
 *   RFC 8659 (and before the mandate): the lookup at each name of the climb follows CNAMEs (a
 *     resolver does) and nothing else; the climb goes on from the parent of the request's name,
 *     never from the parent of a target (RFC 8659 §3);
 *   RFC 6844 with erratum 5065: the name's own set first; when empty, the set at the end of the
 *     CNAME/DNAME chain at the name, A(X), with no climb from the target (BR Appendix A);
 *   RFC 6844 as published: as erratum 5065 when the chain's end has records or fails; when it is
 *     empty, RFC 6844 §4 would climb from the target, which is not modelled: a lookup failure
 *     (rfc6844-climb), never an empty set.
 * Returns FOUND (at->node holds the relevant set), NONE (every lookup of the climb empty: the
 * relevant set is empty) or FAILURE (at->node and at->failure say which lookup and why). */
/*@
  requires climb: n_climb <= n;
  requires valid_nodes: \valid_read(nd + (0 .. n - 1));
  requires valid_at: \valid(at);
  requires separated: \separated(at, nd + (0 .. n - 1));
  assigns *at;
  ensures result: \result == CABREF_CAA_RELEVANT_FOUND || \result == CABREF_CAA_RELEVANT_NONE ||
    \result == CABREF_CAA_RELEVANT_FAILURE;
  ensures found: \result == CABREF_CAA_RELEVANT_FOUND ==>
    at->climb < n_climb && CaaClimbEmpty(nd, n, at->climb, rules) &&
    CaaLookAt(nd, n, at->climb, rules) == CABREF_CAA_LOOKUP_RECORDS &&
    at->node == CaaAnswer(nd, n, at->climb, rules) &&
    nd[at->node].outcome == CABREF_CAA_LOOKUP_RECORDS;
  ensures failure: \result == CABREF_CAA_RELEVANT_FAILURE ==>
    at->climb < n_climb && CaaClimbEmpty(nd, n, at->climb, rules) &&
    CaaLookAt(nd, n, at->climb, rules) == CABREF_CAA_LOOKUP_FAILURE &&
    at->failure == CaaFailureKind(nd, n, at->climb, rules);
  ensures none: \result == CABREF_CAA_RELEVANT_NONE ==>
    at->climb == n_climb && CaaClimbEmpty(nd, n, n_climb, rules);
  ensures node: \result != CABREF_CAA_RELEVANT_NONE && CaaAnswer(nd, n, at->climb, rules) >= 0 ==>
    at->node == CaaAnswer(nd, n, at->climb, rules) &&
    at->node == CaaWalk(nd, at->climb, at->hops) && at->hops <= CABREF_CAA_MAX_ALIAS_HOPS;
*/
cabref_caa_relevant_result cabref_caa_relevant_rrset(const cabref_caa_node *nd, size_t n,
                                                     size_t n_climb, cabref_caa_rules rules,
                                                     cabref_caa_relevant_at *at);

/* CAA-LOOKUP-FAILURE from a node: the facts of cabref_caa_failure_permits that the DNS answer
 * establishes. Insecure (and, before SC085, "no DNSSEC validation chain to the ICANN root") only
 * from a validator's proof (CABREF_CAA_DNSSEC_INSECURE); a DNSSEC validation failure when the
 * answer was bogus or the failure is bogus. outside_ca and retries are the caller's. */
/*@
  requires valid_node: \valid_read(node);
  requires valid_f: \valid(f);
  requires separated: \separated(f, node);
  assigns f->no_dnssec_chain, f->insecure, f->dnssec_failure;
  ensures insecure: f->insecure == (node->dnssec == CABREF_CAA_DNSSEC_INSECURE ? 1 : 0);
  ensures chain: f->no_dnssec_chain == f->insecure;
  ensures bogus: f->dnssec_failure == ((node->dnssec == CABREF_CAA_DNSSEC_BOGUS ||
    (node->outcome == CABREF_CAA_LOOKUP_FAILURE && node->failure == CABREF_CAA_FAIL_BOGUS)) ? 1 :
  0);
*/
void cabref_caa_failure_facts_of(const cabref_caa_node *node, cabref_caa_failure_facts *f);

#endif
