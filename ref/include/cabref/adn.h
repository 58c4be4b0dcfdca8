/* cabref: Base Domain Names, Authorization Domain Names, the domain validation methods of
 * BR 3.2.2.4 by date and the Authorized Ports; the proven core.
 *
 * Requirements: spec/adn.md (IDs ADN-*). Logic used by the contracts: spec/adn_logic.h.
 * Everything here is pure: no allocation, no I/O, no globals. The caller parses the name
 * (cabref/name.h) and computes the number of public-suffix labels of the wildcard-stripped
 * name with the PSL (cabref/psl.h, suffix_labels); the core never looks a name up.
 *
 * A candidate ADN is returned as a start label index k: candidate k is labels[k .. n-1] of
 * the parsed name, so it is a span of the caller's buffer from labels[k].off to the end of
 * the name.
 */
#ifndef CABREF_ADN_H
#define CABREF_ADN_H

#include <stddef.h>
#include <stdint.h>

#include "cabref/name.h"
#include "cabref/status.h"
#include "cabref/tally.h" /* cabref_instant */

/* "No Base Domain Name" in cabref_adn_bdn's *start. */
#define CABREF_ADN_NONE 0xFFu

/* Instants (UTC seconds) at which the rules changed, one per ballot (spec/adn.md, "Dates").
 * Effective dates are those of the BR revision table unless the ballot text sets its own. */
/* Ballot 169 "Revised Validation Requirements", adopted 2016-08-05; its motion: "Effective
 * 1 March 2017, CAs may use only the domain validation methods ... as specified in this
 * ballot". In force as amended by Ballot 181 (methods .1-.4 and .7-.9 left out). */
#define CABREF_ADN_T_BALLOT_169 ((cabref_instant)1488326400) /* 2017-03-01 */
/* Ballot 190 "Add Validation Methods with Minor Corrections", effective 2017-10-19: restores
 * .1-.4 and .7-.9, adds .12, retires .11, removes port 115. */
#define CABREF_ADN_T_BALLOT_190 ((cabref_instant)1508371200) /* 2017-10-19 */
/* Ballot 218: .1 and .5 not for certificates issued on or after 2018-08-01. */
#define CABREF_ADN_T_BALLOT_218_SUNSET ((cabref_instant)1533081600) /* 2018-08-01 */
/* SC13 (adopted 2018-12-25), effective 2019-02-01: .13 and .14. */
#define CABREF_ADN_T_SC13 ((cabref_instant)1548979200) /* 2019-02-01 */
/* SC14 (adopted 2019-01-31), effective 2019-03-16: .15 and .16; .3 not after 2019-05-31. */
#define CABREF_ADN_T_SC14 ((cabref_instant)1552694400)        /* 2019-03-16 */
#define CABREF_ADN_T_SC14_SUNSET ((cabref_instant)1559347200) /* 2019-06-01 */
/* SC15 (adopted 2019-02-05), effective 2019-03-16: .9 retired. */
#define CABREF_ADN_T_SC15 ((cabref_instant)1552694400) /* 2019-03-16 */
/* SC19 (adopted 2019-05-20), effective 2019-09-09: .17. */
#define CABREF_ADN_T_SC19 ((cabref_instant)1567987200) /* 2019-09-09 */
/* SC25 (adopted 2020-01-31), effective 2020-03-03: .18 and .19; .6 not after 2020-06-03. */
#define CABREF_ADN_T_SC25 ((cabref_instant)1583193600)        /* 2020-03-03 */
#define CABREF_ADN_T_SC25_SUNSET ((cabref_instant)1591228800) /* 2020-06-04 */
/* SC33 (adopted 2020-08-14), effective 2020-09-22: .10 retired, .20 added. */
#define CABREF_ADN_T_SC33 ((cabref_instant)1600732800) /* 2020-09-22 */
/* SC45 (adopted 2021-06-02, effective 2021-07-13): from 2021-12-01 .6, .18 and .19 neither for
 * Wildcard Domain Names nor with an ADN other than the FQDN. */
#define CABREF_ADN_T_SC45_COMPLIANCE ((cabref_instant)1638316800) /* 2021-12-01 */
/* SC80 (adopted 2024-11-07, effective 2024-12-16): .2 and .15 MUST NOT from 2025-07-15. */
#define CABREF_ADN_T_SC80_SUNSET ((cabref_instant)1752537600) /* 2025-07-15 */
/* SC84 (adopted 2025-01-28), effective 2025-03-01: .21. */
#define CABREF_ADN_T_SC84 ((cabref_instant)1740787200) /* 2025-03-01 */
/* SC88 (adopted 2025-10-09), effective 2025-11-10: .22 (no CNAME-derived ADN). */
#define CABREF_ADN_T_SC88 ((cabref_instant)1762732800) /* 2025-11-10 */
/* SC90 (adopted 2025-11-20, effective 2026-01-12): .4/.13/.14/.16/.17 SHOULD NOT and .8
 * MUST NOT from 2026-03-15; .16/.17 MUST NOT from 2027-03-15; .4/.13/.14 from 2028-03-15. */
#define CABREF_ADN_T_SC90_SHOULD_NOT ((cabref_instant)1773532800)   /* 2026-03-15 */
#define CABREF_ADN_T_SC90_PHONE_SUNSET ((cabref_instant)1805068800) /* 2027-03-15 */
#define CABREF_ADN_T_SC90_EMAIL_SUNSET ((cabref_instant)1836691200) /* 2028-03-15 */

#define CABREF_ADN_METHOD_MAX 22u
#define CABREF_ADN_EMAIL_LOCALS 5u

/* Status of a method at an instant (ADN-METHOD-STATUS). Stable values. */
typedef enum {
  CABREF_ADN_NOT_DEFINED = 0, /* not (yet) in the BR in force, or reserved */
  CABREF_ADN_ALLOWED = 1,
  CABREF_ADN_DISCOURAGED = 2, /* allowed, but the BR says SHOULD NOT */
  CABREF_ADN_RETIRED = 3      /* MUST NOT be used for new validations */
} cabref_adn_method_status;

/* Where the method's DNS record is placed relative to the ADN (ADN-DNS-PREFIX). */
typedef enum {
  CABREF_ADN_PREFIX_NONE = 0,
  CABREF_ADN_PREFIX_UNDERSCORE = 1,    /* .7: the ADN, or the ADN under one label starting "_" */
  CABREF_ADN_PREFIX_CONTACT_EMAIL = 2, /* .14: "_validation-contactemail." ADN */
  CABREF_ADN_PREFIX_CONTACT_PHONE = 3, /* .16: "_validation-contactphone." ADN */
  CABREF_ADN_PREFIX_ACME_ACCOUNT = 4,  /* .21: "_" account label "._acme-challenge." ADN */
  CABREF_ADN_PREFIX_PERSIST = 5        /* .22: "_validation-persist." ADN */
} cabref_adn_prefix;

/* The rules of one method at one instant. The capability flags are 0 unless the method is
 * ALLOWED or DISCOURAGED at that instant. */
typedef struct {
  uint8_t method;             /* 1..22: BR 3.2.2.4.<method> */
  uint8_t status;             /* cabref_adn_method_status */
  uint8_t wildcard;           /* suitable for Wildcard Domain Names */
  uint8_t prune;              /* may use ADNs pruned from the FQDN (down to the BDN) */
  uint8_t cname;              /* may use ADNs derived from a CNAME target */
  uint8_t prefix;             /* cabref_adn_prefix */
  uint8_t constructed_email;  /* uses the five constructed local parts @ ADN */
  uint8_t authorized_ports;   /* the check runs over an Authorized Port */
  cabref_instant introduced;  /* first instant in force (INT64_MAX: never) */
  cabref_instant discouraged; /* first instant of SHOULD NOT (INT64_MAX: none) */
  cabref_instant sunset;      /* first instant of MUST NOT (INT64_MAX: none scheduled) */
} cabref_adn_rules;

#ifdef __FRAMAC__
#include "adn_logic.h"
#endif

/* ---- adn.c ------------------------------------------------------------------------------ */

/* ADN-BDN: the start label index of the Base Domain Name of the wildcard-stripped name, given
 * the number of public-suffix labels s of that name and whether the Specification 13 option
 * applies to its TLD (spec13 != 0: the caller found the TLD in the shipped list and the option
 * is on). *start is CABREF_ADN_NONE when there is none (the name is itself a public suffix, or
 * s is 0: no suffix known). CABREF_E_RANGE when the name has no label after the wildcard, more
 * than 127 labels, or fewer labels than s. */
/*@
  requires valid_name: name == \null || \valid_read(name);
  requires valid_out: start == \null || \valid(start);
  requires separated: name == \null || start == \null || \separated(name, start);
  behavior null:
    assumes name == \null || start == \null;
    assigns \nothing;
    ensures status: \result == CABREF_E_NULL;
  behavior range:
    assumes name != \null && start != \null;
    assumes !AdnShape(name->n_labels, StripStart(name->wildcard), suffix_labels);
    assigns \nothing;
    ensures status: \result == CABREF_E_RANGE;
  behavior ok:
    assumes name != \null && start != \null;
    assumes AdnShape(name->n_labels, StripStart(name->wildcard), suffix_labels);
    assigns *start;
    ensures status: \result == CABREF_OK;
    ensures bdn: HasBdn(name->n_labels, StripStart(name->wildcard), suffix_labels, spec13) ==>
      *start == BdnStart(name->n_labels, StripStart(name->wildcard), suffix_labels, spec13);
    ensures bdn_is_candidate:
      HasBdn(name->n_labels, StripStart(name->wildcard), suffix_labels, spec13) ==>
      IsCandidate(name->n_labels, StripStart(name->wildcard), suffix_labels, spec13, *start);
    ensures bdn_shortest: HasBdn(name->n_labels, StripStart(name->wildcard), suffix_labels, spec13)
  ==> \forall integer k; IsCandidate(name->n_labels, StripStart(name->wildcard), suffix_labels,
                                     spec13, k) ==> k <= *start;
    ensures no_bdn: !HasBdn(name->n_labels, StripStart(name->wildcard), suffix_labels, spec13) ==>
      *start == CABREF_ADN_NONE;
  complete behaviors;
  disjoint behaviors;
*/
cabref_status cabref_adn_bdn(const cabref_name *name, uint8_t suffix_labels, int spec13,
                             uint8_t *start);

/* ADN-CAND-*: the candidate ADNs of the name, longest first: every label-suffix of the
 * wildcard-stripped FQDN from the FQDN down to the Base Domain Name, each once, and with the
 * Specification 13 option the gTLD last. *count is set to the number of candidates (also when
 * cap is too small: CABREF_E_CAPACITY, nothing written). starts may be NULL when cap is 0. */
/*@
  requires valid_name: name == \null || \valid_read(name);
  requires valid_count: count == \null || \valid(count);
  requires valid_starts: cap == 0 || starts == \null || \valid(starts + (0 .. cap - 1));
  requires separated: \separated(count, starts + (0 .. cap - 1));
  requires separated_name: name == \null ||
    \separated(name, count, starts + (0 .. cap - 1));
  behavior null:
    assumes name == \null || count == \null || (starts == \null && cap > 0);
    assigns \nothing;
    ensures status: \result == CABREF_E_NULL;
  behavior range:
    assumes name != \null && count != \null && (starts != \null || cap == 0);
    assumes !AdnShape(name->n_labels, StripStart(name->wildcard), suffix_labels);
    assigns \nothing;
    ensures status: \result == CABREF_E_RANGE;
  behavior capacity:
    assumes name != \null && count != \null && (starts != \null || cap == 0);
    assumes AdnShape(name->n_labels, StripStart(name->wildcard), suffix_labels);
    assumes CandidateCount(name->n_labels, StripStart(name->wildcard), suffix_labels, spec13) > cap;
    assigns *count;
    ensures status: \result == CABREF_E_CAPACITY;
    ensures count: *count ==
      CandidateCount(name->n_labels, StripStart(name->wildcard), suffix_labels, spec13);
  behavior ok:
    assumes name != \null && count != \null && (starts != \null || cap == 0);
    assumes AdnShape(name->n_labels, StripStart(name->wildcard), suffix_labels);
    assumes CandidateCount(name->n_labels, StripStart(name->wildcard), suffix_labels, spec13) <=
      cap;
    assigns *count, starts[0 .. cap - 1];
    ensures status: \result == CABREF_OK;
    ensures count:
      *count == CandidateCount(name->n_labels, StripStart(name->wildcard), suffix_labels, spec13);
    ensures label_suffix: \forall integer j; 0 <= j < *count ==> IsLabelSuffix(name, starts[j]);
    ensures candidate: \forall integer j; 0 <= j < *count ==>
      IsCandidate(name->n_labels, StripStart(name->wildcard), suffix_labels, spec13, starts[j]);
    ensures at_least_bdn: \forall integer j; 0 <= j < *count ==>
      name->n_labels - starts[j] >= BdnLength(suffix_labels, spec13);
    ensures not_public_suffix: \forall integer j; 0 <= j < *count ==>
      name->n_labels - starts[j] > suffix_labels ||
      Spec13Tld(name->n_labels, suffix_labels, spec13, starts[j]);
    ensures ordered: \forall integer i, j; 0 <= i < j < *count ==> starts[i] < starts[j];
    ensures complete: \forall integer k;
      IsCandidate(name->n_labels, StripStart(name->wildcard), suffix_labels, spec13, k) ==>
      0 <= CandidatePos(name->n_labels, StripStart(name->wildcard), suffix_labels, k) < *count &&
      starts[CandidatePos(name->n_labels, StripStart(name->wildcard), suffix_labels, k)] == k;
  complete behaviors;
  disjoint behaviors;
*/
cabref_status cabref_adn_candidates(const cabref_name *name, uint8_t suffix_labels, int spec13,
                                    uint8_t *starts, size_t cap, size_t *count);

/* ADN-COVERS: 1 iff the name adn (parsed from adn_buf, no wildcard) is an ADN of the FQDN or
 * Wildcard Domain Name fqdn (parsed from fqdn_buf, suffix_labels and spec13 as for
 * cabref_adn_candidates): one of its candidates, compared label by label ignoring ASCII case;
 * with exact != 0 (a method restricted to the FQDN) only the wildcard-stripped FQDN itself.
 * 0 otherwise, also for NULL pointers or a malformed shape. One ADN covers a set of FQDNs when
 * it covers each of them. */
/*@
  requires valid_f: fqdn == \null || (\valid_read(fqdn) && AdnLabelsReadable(fqdn_buf, fqdn));
  requires valid_a: adn == \null || (\valid_read(adn) && AdnLabelsReadable(adn_buf, adn));
  assigns \nothing;
  ensures covers: \result == 1 <==> fqdn != \null && adn != \null &&
    AdnShape(fqdn->n_labels, StripStart(fqdn->wildcard), suffix_labels) &&
    AdnCovers(fqdn_buf, fqdn, suffix_labels, spec13, adn_buf, adn, exact);
  ensures boolean: \result == 0 || \result == 1;
*/
int cabref_adn_covers(const char *fqdn_buf, const cabref_name *fqdn, uint8_t suffix_labels,
                      int spec13, const char *adn_buf, const cabref_name *adn, int exact);

/* ADN-DNS-PREFIX: 1 iff a DNS Change record (BR 3.2.2.4.7) at the name q may demonstrate
 * control of the ADN adn: q is adn, or adn prefixed with one label that begins with '_'. */
/*@
  requires valid_q: q == \null || (\valid_read(q) && AdnLabelsReadable(q_buf, q));
  requires valid_a: adn == \null || (\valid_read(adn) && AdnLabelsReadable(adn_buf, adn));
  assigns \nothing;
  ensures dns_change: \result == 1 <==> q != \null && adn != \null &&
    DnsChangeName(q_buf, q, adn_buf, adn);
  ensures boolean: \result == 0 || \result == 1;
*/
int cabref_adn_dns_change_name(const char *q_buf, const cabref_name *q, const char *adn_buf,
                               const cabref_name *adn);

/* ---- adn_methods.c ---------------------------------------------------------------------- */

/* ADN-METHOD-*: the rules of BR 3.2.2.4.<method> in force at instant t (the table of
 * spec/adn.md). CABREF_E_RANGE for a method outside 1..22, CABREF_E_NULL for a NULL out. */
/*@
  requires valid_out: out == \null || \valid(out);
  behavior null:
    assumes out == \null;
    assigns \nothing;
    ensures status: \result == CABREF_E_NULL;
  behavior range:
    assumes out != \null && !(1 <= method <= CABREF_ADN_METHOD_MAX);
    assigns \nothing;
    ensures status: \result == CABREF_E_RANGE;
  behavior ok:
    assumes out != \null && 1 <= method <= CABREF_ADN_METHOD_MAX;
    assigns *out;
    ensures status: \result == CABREF_OK;
    ensures method: out->method == method;
    ensures introduced: out->introduced == MethodIntroduced(method);
    ensures discouraged: out->discouraged == MethodDiscouraged(method);
    ensures sunset: out->sunset == MethodSunset(method);
    ensures method_status: out->status == MethodStatus(method, t);
    ensures wildcard: out->wildcard == MethodWildcard(method, t);
    ensures prune: out->prune == MethodPrune(method, t);
    ensures cname: out->cname == MethodCname(method, t);
    ensures prefix: out->prefix == MethodPrefix(method, t);
    ensures email: out->constructed_email == MethodEmail(method, t);
    ensures ports: out->authorized_ports == MethodPorts(method, t);
  complete behaviors;
  disjoint behaviors;
*/
cabref_status cabref_adn_method_rules(uint32_t method, cabref_instant t, cabref_adn_rules *out);

/* ADN-PORTS: 1 iff port is an Authorized Port at instant t (80, 443, 115, 25, 22 from Ballot
 * 169's effective date; 115 no longer from Ballot 190's). */
/*@
  assigns \nothing;
  ensures port: \result == 1 <==> AuthorizedPort(port, t);
  ensures boolean: \result == 0 || \result == 1;
*/
int cabref_adn_authorized_port(uint32_t port, cabref_instant t);

/* ADN-EMAIL: the i-th constructed local part (0 admin, 1 administrator, 2 webmaster,
 * 3 hostmaster, 4 postmaster); NULL for i >= 5. */
/*@
  assigns \nothing;
  ensures in_range: i < CABREF_ADN_EMAIL_LOCALS ==> \result != \null && \valid_read(\result);
  ensures out_of_range: i >= CABREF_ADN_EMAIL_LOCALS ==> \result == \null;
*/
const char *cabref_adn_email_local(uint32_t i);

#endif
