/* cabref: the rules of BR 3.2.2.8 by date (spec/caa.md CAA-MANDATE, CAA-PROFILE-DATE,
 * CAA-REUSE, CAA-EXC-*, CAA-LOOKUP-FAILURE). Pure functions of an instant and a few facts; the
 * instants are the named constants of cabref/caa.h, one per ballot. */
#include <stddef.h>

#include "cabref/caa.h"
#include "cabref/tally.h" /* InstantOf: the calendar of spec/tally_logic.h */

/* The instants and the window the contracts use are the code's own macros: each is tied here to
 * its calendar date (InstantOf, the proleptic Gregorian calendar civil_time is proved against)
 * or to its definition, so a macro moved by a day, or a window of 7 hours, fails these lemmas. */
/*@
  lemma caa_t_ballot_187: CABREF_CAA_T_BALLOT_187 == InstantOf(2017, 9, 8, 0, 0, 0);
  lemma caa_t_ballot_214: CABREF_CAA_T_BALLOT_214 == InstantOf(2017, 10, 27, 0, 0, 0);
  lemma caa_t_sc35: CABREF_CAA_T_SC35 == InstantOf(2020, 10, 19, 0, 0, 0);
  lemma caa_t_sc46: CABREF_CAA_T_SC46 == InstantOf(2021, 7, 1, 0, 0, 0);
  lemma caa_t_sc085: CABREF_CAA_T_SC085 == InstantOf(2025, 7, 21, 0, 0, 0);
  lemma caa_t_sc085_dnssec: CABREF_CAA_T_SC085_DNSSEC == InstantOf(2026, 3, 15, 0, 0, 0);
  lemma caa_reuse_min: CABREF_CAA_REUSE_MIN == 8 * 3600;
  lemma caa_ttl_top_bit: CABREF_CAA_TTL_TOP_BIT == 2147483648;
*/

/* CAA-MANDATE, CAA-PROFILE-DATE: Ballot 187 (RFC 6844, from 2017-09-08), Ballot 214 (erratum
 * 5065, BR Appendix A, from 2017-10-27), Ballot SC35 (RFC 8659, BR 1.7.3, from 2020-10-19). */
cabref_caa_rules cabref_caa_rules_at(cabref_caa_instant at) {
  if (at < CABREF_CAA_T_BALLOT_187) {
    return CABREF_CAA_RULES_NONE;
  }
  if (at < CABREF_CAA_T_BALLOT_214) {
    return CABREF_CAA_RULES_RFC6844;
  }
  if (at < CABREF_CAA_T_SC35) {
    return CABREF_CAA_RULES_RFC6844_E5065;
  }
  return CABREF_CAA_RULES_RFC8659;
}

/* CAA-REUSE: BR 3.2.2.8 (Ballot 187): issue "within the TTL of the CAA record, or 8 hours,
 * whichever is greater". An empty set has no TTL: 8 hours. RFC 2181 §8: a TTL with its top bit
 * set is read as 0. No subtraction or addition can overflow: the window is added only where
 * the sum stays below INT64_MAX. CAA-DETAIL-DATES: issuing before the check is not covered
 * (before-check); TTLs from 2^31 to 2^32-1 are read as 0. */
int cabref_caa_reuse_ok(cabref_caa_instant checked, cabref_caa_instant issued, uint32_t ttl,
                        int has_ttl) {
  int64_t window = (int64_t)CABREF_CAA_REUSE_MIN;
  if (has_ttl != 0 && ttl < CABREF_CAA_TTL_TOP_BIT && (int64_t)ttl > window) {
    window = (int64_t)ttl;
  }
  if (issued < checked) {
    return 0; /* issued before the check: the check does not cover it */
  }
  if (checked > INT64_MAX - window) {
    return 1; /* checked + window is beyond every instant, so beyond issued */
  }
  return issued <= checked + window ? 1 : 0;
}

/* CAA-EXC-CT, CAA-EXC-TCSCA, CAA-EXC-DNS-OPERATOR: the three exceptions of Ballot 187, in force
 * from its effective date; the DNS-Operator one only for certificates issued before 2021-07-01
 * (Ballot SC46). CAA-DETAIL-DATES: an exception out of force is not-in-force whether or not its
 * conditions hold; the DNS-Operator one covers 2017-09-08T00:00:00Z up to, not including,
 * 2021-07-01T00:00:00Z. */
cabref_caa_exception_result cabref_caa_exception_applies(cabref_caa_exception kind,
                                                         cabref_caa_instant issued,
                                                         const cabref_caa_exception_facts *f) {
  if (issued < CABREF_CAA_T_BALLOT_187) {
    return CABREF_CAA_EXC_NOT_IN_FORCE; /* no CAA rule, so no exception to it */
  }
  switch (kind) {
  case CABREF_CAA_EXC_CT_PRECERT:
    /* "a Certificate Transparency pre-certificate was created and logged in at least two public
     * logs, and for which CAA was checked" */
    return (f != NULL && f->ct_logs >= 2u && f->caa_checked != 0u) ? CABREF_CAA_EXC_APPLIES
                                                                   : CABREF_CAA_EXC_CONDITIONS;
  case CABREF_CAA_EXC_TCSCA:
    /* "issued by a Technically Constrained Subordinate CA ... where the lack of CAA checking is
     * an explicit contractual provision in the contract with the Applicant" */
    return (f != NULL && f->tcsca != 0u && f->contract_clause != 0u) ? CABREF_CAA_EXC_APPLIES
                                                                     : CABREF_CAA_EXC_CONDITIONS;
  case CABREF_CAA_EXC_DNS_OPERATOR:
    if (issued >= CABREF_CAA_T_SC46) {
      return CABREF_CAA_EXC_NOT_IN_FORCE;
    }
    /* "the domain's DNS is operated by the CA or an Affiliate of the CA" */
    return (f != NULL && f->ca_is_dns_operator != 0u) ? CABREF_CAA_EXC_APPLIES
                                                      : CABREF_CAA_EXC_CONDITIONS;
  default:
    return CABREF_CAA_EXC_NOT_IN_FORCE; /* not an exception the BR knows */
  }
}

/* CAA-LOOKUP-FAILURE: Ballot 187 (failure outside the CA's infrastructure, retried at least
 * once, no DNSSEC validation chain to the ICANN root); SC085 (from 2025-07-21 the domain
 * confirmed "Insecure", RFC 4035 §4.3; from 2026-03-15 a DNSSEC validation failure is never
 * permission, BR 3.2.2.8.1). Before the mandate CAA is not required, so a failure does not stop
 * issuance: 1. CAA-DETAIL-DATES: before 2025-07-21 only "no DNSSEC chain" counts, from then on
 * only "Insecure"; a DNSSEC validation failure matters from 2026-03-15. */
int cabref_caa_failure_permits(cabref_caa_instant at, const cabref_caa_failure_facts *f) {
  if (f == NULL) {
    return 0;
  }
  if (at < CABREF_CAA_T_BALLOT_187) {
    return 1;
  }
  if (f->outside_ca == 0u || f->retries < 1u) {
    return 0;
  }
  if (at < CABREF_CAA_T_SC085) {
    return f->no_dnssec_chain != 0u ? 1 : 0;
  }
  if (f->insecure == 0u) {
    return 0;
  }
  if (at >= CABREF_CAA_T_SC085_DNSSEC && f->dnssec_failure != 0u) {
    return 0;
  }
  return 1;
}
