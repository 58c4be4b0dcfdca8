/* cabref: the CAA issuance decision, the proven core. Requirements: spec/caa.md (CAA-*); ACSL
 * vocabulary: spec/caa_logic.h (CaaPermits and the named properties).
 *
 * Data flows one way: the shell finds the relevant record set (DNS or a zone file) and hands the
 * core its records as RDATA spans into one buffer; the core decides, with a reason per record and
 * one for the whole set; the shell prints. Nothing is allocated, nothing is copied.
 */
#ifndef CABREF_CAA_H
#define CABREF_CAA_H

#include <stddef.h>
#include <stdint.h>

#include "cabref/caa_record.h"
#include "cabref/name.h"

typedef int64_t cabref_caa_instant; /* seconds since 1970-01-01T00:00:00Z, as cabref_instant */

/* Instants (UTC seconds) at which the CAA rules changed, one per ballot (spec/caa.md,
 * CAA-MANDATE, CAA-PROFILE-DATE, CAA-EXC-*, CAA-LOOKUP-FAILURE). */
/* Ballot 187 "Make CAA Checking Mandatory": new BR 3.2.2.8, "effective as of 8 September
 * 2017"; RFC 6844 as published. */
#define CABREF_CAA_T_BALLOT_187 ((cabref_caa_instant)1504828800) /* 2017-09-08T00:00:00Z */
/* Ballot 214 "CAA Discovery CNAME Errata": RFC 6844 with erratum 5065 (BR Appendix A),
 * effective 2017-10-27. */
#define CABREF_CAA_T_BALLOT_214 ((cabref_caa_instant)1509062400) /* 2017-10-27T00:00:00Z */
/* Ballot SC35 (BR 1.7.3): RFC 8659 replaces RFC 6844 and Appendix A, effective 2020-10-19. */
#define CABREF_CAA_T_SC35 ((cabref_caa_instant)1603065600) /* 2020-10-19T00:00:00Z */
/* Ballot SC46: the DNS-Operator exception only for certificates issued before 2021-07-01. */
#define CABREF_CAA_T_SC46 ((cabref_caa_instant)1625097600) /* 2021-07-01T00:00:00Z */
/* Ballot SC085: from 2025-07-21 a lookup failure is permission only for a domain confirmed
 * "Insecure" (RFC 4035 §4.3); from 2026-03-15 (BR 3.2.2.8.1) a DNSSEC validation failure at
 * the Primary Network Perspective is never permission. */
#define CABREF_CAA_T_SC085 ((cabref_caa_instant)1753056000)        /* 2025-07-21T00:00:00Z */
#define CABREF_CAA_T_SC085_DNSSEC ((cabref_caa_instant)1773532800) /* 2026-03-15T00:00:00Z */

/* CAA-REUSE: BR 3.2.2.8 "within the TTL of the CAA record, or 8 hours, whichever is greater". */
#define CABREF_CAA_REUSE_MIN 28800u /* 8 hours, in seconds */
/* RFC 2181 §8: a TTL with its most significant bit set is read as 0. */
#define CABREF_CAA_TTL_TOP_BIT 0x80000000u

#define CABREF_CAA_MAX_RECORDS 64u /* records in one relevant set; more: CAA-CAPACITY */
#define CABREF_CAA_MAX_ISSUERS 8u  /* Issuer Domain Names of one CA (BR 4.2 / CPS) */
#define CABREF_CAA_MAX_TAGS 8u     /* property tags recognised beyond issue/issuewild/iodef */
#define CABREF_CAA_MAX_TAG_TEXT 32u
#define CABREF_CAA_MAX_URI 512u
#define CABREF_CAA_MAX_METHOD 64u

/* One record of a set: its RDATA is buf[off .. off + len - 1] of the buffer passed beside it. */
typedef struct {
  uint32_t off;
  uint32_t len;
} cabref_caa_rr;

/* The CA's side of the decision. Texts are ASCII, not NUL-terminated, lengths explicit. */
typedef struct {
  uint8_t profile;   /* cabref_caa_profile */
  uint8_t n_issuers; /* 0..CABREF_CAA_MAX_ISSUERS */
  uint8_t issuer_len[CABREF_CAA_MAX_ISSUERS];
  char issuer[CABREF_CAA_MAX_ISSUERS][CABREF_NAME_MAX_TEXT]; /* LDH, no trailing dot */
  uint8_t n_tags; /* extra recognised property tags (e.g. issuemail, contactemail) */
  uint8_t tag_len[CABREF_CAA_MAX_TAGS];
  char tag[CABREF_CAA_MAX_TAGS][CABREF_CAA_MAX_TAG_TEXT];
  uint8_t rfc8657; /* 1: the CA processes accounturi and validationmethods (RFC 8657) */
  /* 0: the request comes with no account URI. uint32_t, not uint16_t: the decision keeps its
   * per-record verdicts in uint16_t cells, and the proof relies on the logic of the input never
   * reading a uint16_t (WP's typed memory model keeps one memory per integer type). */
  uint32_t account_uri_len;
  char account_uri[CABREF_CAA_MAX_URI];
  uint8_t method_len; /* 0: no validation method named (never satisfies validationmethods) */
  char method[CABREF_CAA_MAX_METHOD];
  uint8_t flag1_critical; /* 1: also read flag bit value 1 as critical (off by default) */
} cabref_caa_config;

/* Per record: what the decision made of it (CAA-*). Stable values; codes in spec/caa.md. */
typedef enum {
  CABREF_CAA_RR_PERMITS = 0,              /* issuer matches, every recognised parameter holds */
  CABREF_CAA_RR_RDATA_MALFORMED = 1,      /* RDATA layout broken: the set cannot be read */
  CABREF_CAA_RR_UNKNOWN_CRITICAL = 2,     /* critical, tag not recognised: forbids issuance */
  CABREF_CAA_RR_UNKNOWN_TAG = 3,          /* not critical, tag not recognised: ignored */
  CABREF_CAA_RR_NEUTRAL = 4,              /* iodef or a recognised extra tag: no effect */
  CABREF_CAA_RR_ISSUEWILD_IGNORED = 5,    /* issuewild on a non-wildcard request */
  CABREF_CAA_RR_ISSUE_SHADOWED = 6,       /* issue on a wildcard request with issuewild present */
  CABREF_CAA_RR_MALFORMED_VALUE = 7,      /* value outside the grammar: empty issuer */
  CABREF_CAA_RR_EMPTY_ISSUER = 8,         /* well-formed, no issuer-domain-name */
  CABREF_CAA_RR_ISSUER_MISMATCH = 9,      /* an issuer that is not one of the CA's */
  CABREF_CAA_RR_ACCOUNTURI_MISMATCH = 10, /* RFC 8657 §3 */
  CABREF_CAA_RR_ACCOUNTURI_DUPLICATE = 11,
  CABREF_CAA_RR_METHODS_MISMATCH = 12, /* RFC 8657 §4 */
  CABREF_CAA_RR_METHODS_MALFORMED = 13,
  CABREF_CAA_RR_METHODS_DUPLICATE = 14
} cabref_caa_rr_verdict;

/* For the whole set. Stable values; codes in spec/caa.md. */
typedef enum {
  CABREF_CAA_PERMIT_NO_RECORDS = 0,        /* empty relevant set (RFC 8659 §3) */
  CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY = 1, /* nothing restricts (RFC 8659 §3; Ballot 219) */
  CABREF_CAA_PERMIT_ISSUER = 2,            /* record permit_index authorizes this CA */
  CABREF_CAA_DENY_RDATA_MALFORMED = 3,
  CABREF_CAA_DENY_UNKNOWN_CRITICAL = 4, /* RFC 8659 §4.1, BR 3.2.2.8 */
  CABREF_CAA_DENY_NOT_AUTHORIZED = 5,   /* issue/issuewild present, none authorizes */
  CABREF_CAA_DENY_CAPACITY = 6          /* more than CABREF_CAA_MAX_RECORDS records */
} cabref_caa_reason;

typedef struct {
  uint8_t permit;        /* 1 permit, 0 deny */
  uint8_t reason;        /* cabref_caa_reason */
  uint16_t permit_index; /* with CABREF_CAA_PERMIT_ISSUER: the first record that permits */
  uint32_t n;            /* records examined (= n_rr unless capacity) */
  uint8_t verdict[CABREF_CAA_MAX_RECORDS]; /* cabref_caa_rr_verdict per record */
  uint8_t detail[CABREF_CAA_MAX_RECORDS];  /* rdata or value error code behind the verdict */
} cabref_caa_decision;

/* What a record is, whatever the request (the first layer of the decision). Stable values. */
typedef enum {
  CABREF_CAA_KIND_MALFORMED = 0,        /* RDATA layout broken (or outside the buffer) */
  CABREF_CAA_KIND_UNKNOWN_CRITICAL = 1, /* tag not recognised, critical flag set */
  CABREF_CAA_KIND_UNKNOWN = 2,          /* tag not recognised, not critical: ignored */
  CABREF_CAA_KIND_NEUTRAL = 3,          /* iodef or a recognised extra tag: no effect */
  CABREF_CAA_KIND_ISSUE = 4,
  CABREF_CAA_KIND_ISSUEWILD = 5
} cabref_caa_kind;

/* CAA-MULTI-NAME: one dNSName of a certificate, as a span of the caller's names text, with the
 * outcome of the RFC 8659 §3 climb for it (from X for *.X) and, when that found records, where
 * its relevant set lies in the record array. */
typedef struct {
  uint32_t off, len; /* the name: text[off .. off+len-1], ASCII (A-labels), no trailing dot */
  uint8_t lookup;    /* cabref_caa_relevant_result of the climb */
  uint32_t set_off;  /* with CABREF_CAA_RELEVANT_FOUND: the set is rr[set_off .. set_off+set_n-1] */
  uint32_t set_n;
} cabref_caa_san;

typedef enum {
  CABREF_CAA_NAME_PERMIT = 0,
  CABREF_CAA_NAME_DENY = 1,
  CABREF_CAA_NAME_LOOKUP_FAILURE = 2, /* the relevant set is unknown (CAA-LOOKUP-FAILURE) */
  CABREF_CAA_NAME_ONION_EXEMPT = 3    /* an Onion Domain Name: not checked (BR 3.2.2.8, SC54) */
} cabref_caa_name_result;

typedef struct {
  /* Two-octet cells: cabref_caa_names writes them between decisions, and the decisions' logic
   * reads no two-octet cell of the input (spec/caa_logic.h). */
  uint16_t result;       /* cabref_caa_name_result */
  uint16_t reason;       /* cabref_caa_reason, with PERMIT and DENY */
  uint16_t wildcard;     /* the name is a Wildcard Domain Name (evaluated with issuewild) */
  uint16_t permit_index; /* with CABREF_CAA_PERMIT_ISSUER: index inside the name's set */
} cabref_caa_name_outcome;

/* CAA-RELEVANT: the outcome of looking up CAA at each name from the request's name up to its TLD
 * (index 0 = the name itself), as the shell found them. */
typedef enum {
  CABREF_CAA_LOOKUP_EMPTY = 0,   /* NOERROR/NODATA or NXDOMAIN: no CAA record */
  CABREF_CAA_LOOKUP_RECORDS = 1, /* a non-empty CAA RRset */
  CABREF_CAA_LOOKUP_FAILURE = 2  /* SERVFAIL, timeout, REFUSED, bogus, truncated, ... */
} cabref_caa_lookup;

typedef enum {
  CABREF_CAA_RELEVANT_FOUND = 0,  /* *index: the first name with records */
  CABREF_CAA_RELEVANT_NONE = 1,   /* every name empty: the relevant set is empty */
  CABREF_CAA_RELEVANT_FAILURE = 2 /* *index: a failure before any records */
} cabref_caa_relevant_result;

/* CAA-MANDATE, CAA-PROFILE-DATE, CAA-EXC-*, CAA-LOOKUP-FAILURE. */
typedef enum {
  CABREF_CAA_RULES_NONE = 0,          /* before 2017-09-08: CAA checking not required */
  CABREF_CAA_RULES_RFC6844 = 1,       /* 2017-09-08 .. 2017-10-26: RFC 6844 as published */
  CABREF_CAA_RULES_RFC6844_E5065 = 2, /* 2017-10-27 .. 2020-10-18: with erratum 5065 */
  CABREF_CAA_RULES_RFC8659 = 3        /* from 2020-10-19 */
} cabref_caa_rules;

typedef enum {
  CABREF_CAA_EXC_CT_PRECERT = 0,  /* precertificate in >= 2 public logs, CAA checked */
  CABREF_CAA_EXC_TCSCA = 1,       /* technically constrained sub-CA, contractual clause */
  CABREF_CAA_EXC_DNS_OPERATOR = 2 /* the CA or an Affiliate operates the domain's DNS */
} cabref_caa_exception;

typedef struct {
  uint8_t ct_logs;            /* public logs the precertificate was logged in */
  uint8_t caa_checked;        /* CAA was checked (at precertificate issuance) */
  uint8_t tcsca;              /* issued by a Technically Constrained Subordinate CA */
  uint8_t contract_clause;    /* the contract with the Applicant says no CAA checking */
  uint8_t ca_is_dns_operator; /* the CA or an Affiliate is the domain's DNS Operator */
} cabref_caa_exception_facts;

typedef enum {
  CABREF_CAA_EXC_APPLIES = 0,
  CABREF_CAA_EXC_NOT_IN_FORCE = 1, /* the exception does not exist on that date */
  CABREF_CAA_EXC_CONDITIONS = 2    /* in force, but a condition is not met */
} cabref_caa_exception_result;

typedef struct {
  uint8_t outside_ca;      /* the failure is outside the CA's infrastructure */
  uint8_t retries;         /* retries after the first lookup */
  uint8_t no_dnssec_chain; /* the zone has no DNSSEC validation chain to the ICANN root */
  uint8_t insecure;        /* confirmed "Insecure" (RFC 4035 §4.3) */
  uint8_t dnssec_failure;  /* the failure is a DNSSEC validation failure (primary perspective) */
} cabref_caa_failure_facts;

#ifdef __FRAMAC__
#include "caa_logic.h"
#endif

/* ---- caa_decide.c --------------------------------------------------------------------------
 * CAA-DECIDE: decide one request (wildcard or not) against one relevant record set. */
/* The verdicts are CaaVerdictOk of spec/caa_logic.h; the reason is the first that applies of
 * rdata-malformed, unknown-critical, no-records, no-issue-property, issuer-permits (the first
 * record whose verdict is permits) and not-authorized. The decision permits only where CaaPermits
 * does, and, without RFC 8657 processing, exactly where it does: the named properties of
 * CaaPermits (lemmas of caa_relevant.c) then hold of the decision, CAA-ADDITIVE among them (the
 * lemmas additive and additive_grant, through `exact`; with RFC 8657 processing it is not proved
 * of the decision). */
/*@
  requires valid_buf: \valid_read(buf + (0 .. buf_len - 1));
  requires valid_rr: \valid_read(rr + (0 .. n_rr - 1));
  requires valid_cfg: \valid_read(cfg);
  requires valid_out: \valid(out);
  requires separated: \separated(out, buf + (0 .. buf_len - 1), rr + (0 .. n_rr - 1), cfg);
  assigns *out;
  ensures n: out->n == (n_rr > CABREF_CAA_MAX_RECORDS ? 0 : n_rr);
  ensures permit: out->permit == 1 <==> CaaPermitReason(out->reason);
  ensures boolean: out->permit == 0 || out->permit == 1;
  ensures capacity: out->reason == CABREF_CAA_DENY_CAPACITY <==> n_rr > CABREF_CAA_MAX_RECORDS;
  ensures malformed: out->reason == CABREF_CAA_DENY_RDATA_MALFORMED <==>
    n_rr <= CABREF_CAA_MAX_RECORDS &&
    \old(CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_MALFORMED));
  ensures critical: out->reason == CABREF_CAA_DENY_UNKNOWN_CRITICAL <==>
    n_rr <= CABREF_CAA_MAX_RECORDS &&
    \old(!CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_MALFORMED) &&
         CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_UNKNOWN_CRITICAL));
  ensures no_records: out->reason == CABREF_CAA_PERMIT_NO_RECORDS <==> n_rr == 0;
  ensures no_issue: out->reason == CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY <==>
    1 <= n_rr <= CABREF_CAA_MAX_RECORDS &&
    \old(!CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_MALFORMED) &&
         !CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_UNKNOWN_CRITICAL) &&
         !CaaAnyApplies(buf, buf_len, rr, n_rr, wildcard, cfg));
  ensures sound: CaaPermitReason(out->reason) ==>
    n_rr <= CABREF_CAA_MAX_RECORDS && \old(CaaPermits(buf, buf_len, rr, n_rr, wildcard, cfg));
  ensures exact: (CaaPermitReason(out->reason) <==>
    n_rr <= CABREF_CAA_MAX_RECORDS && \old(CaaPermits(buf, buf_len, rr, n_rr, wildcard, cfg)));
  ensures verdicts: \forall integer i; 0 <= i < out->n ==>
    \let vd = out->verdict[i]; \old(CaaVerdictOk(buf, buf_len, rr, n_rr, i, wildcard, cfg, vd));
  ensures issuer: out->reason == CABREF_CAA_PERMIT_ISSUER ==> out->permit_index < out->n &&
    out->verdict[out->permit_index] == CABREF_CAA_RR_PERMITS &&
    \forall integer j; 0 <= j < out->permit_index ==> out->verdict[j] != CABREF_CAA_RR_PERMITS;
  ensures index: out->reason != CABREF_CAA_PERMIT_ISSUER ==> out->permit_index == 0;
*/
void cabref_caa_decide(const uint8_t *buf, size_t buf_len, const cabref_caa_rr *rr, size_t n_rr,
                       int wildcard, const cabref_caa_config *cfg, cabref_caa_decision *out);

/* The first layer: the kind of the record rdata[0 .. len-1] for this CA (its tag and critical
 * flag, CAA-RDATA-*, CAA-TAG-CASE, CAA-CRITICAL, CAA-FLAGS); *detail is the RDATA parser's status
 * (cabref_caa_rdata_error). */
/*@
  requires valid_r: \valid_read(rdata + (0 .. len - 1));
  requires valid_cfg: \valid_read(cfg);
  requires valid_detail: \valid(detail);
  requires separated: \separated(detail, rdata + (0 .. len - 1), cfg);
  assigns *detail;
  ensures kind: \let k = \result; \old(CaaKindIs(rdata, len, cfg, k));
  ensures detail: *detail <= CABREF_CAA_RDATA_TOO_LONG;
*/
cabref_caa_kind cabref_caa_record_kind(const uint8_t *rdata, size_t len,
                                       const cabref_caa_config *cfg, uint8_t *detail);

/* The second layer: what an issue/issuewild value v[0 .. len-1] says about this CA: PERMITS,
 * MALFORMED_VALUE (*detail is the value parser's status), EMPTY_ISSUER, ISSUER_MISMATCH, or with
 * cfg->rfc8657 one of the parameter verdicts (CAA-VALUE-MALFORMED, CAA-ISSUER-MATCH, CAA-PARAM-*).
 */
/*@
  requires valid_v: \valid_read(v + (0 .. len - 1));
  requires valid_cfg: \valid_read(cfg);
  requires valid_detail: \valid(detail);
  requires separated: \separated(detail, v + (0 .. len - 1), cfg);
  assigns *detail;
  ensures verdict: \result == CABREF_CAA_RR_PERMITS ||
    (CABREF_CAA_RR_MALFORMED_VALUE <= \result <= CABREF_CAA_RR_METHODS_DUPLICATE);
  ensures malformed: !\old(CaaIssueValueOk(v, len, cfg->profile)) ==>
    \result == CABREF_CAA_RR_MALFORMED_VALUE;
  ensures permits: \result == CABREF_CAA_RR_PERMITS ==> \old(CaaValueAuthorizes(v, len, cfg));
  ensures exact: (\result == CABREF_CAA_RR_PERMITS <==> \old(CaaValueAuthorizes(v, len, cfg)));
  ensures detail: *detail <= CABREF_CAA_VALUE_UNEXPECTED;
*/
cabref_caa_rr_verdict cabref_caa_value_verdict(const uint8_t *v, size_t len,
                                               const cabref_caa_config *cfg, uint8_t *detail);

/* The decision without the per-record verdicts (CAA-REASONS): the reason for the set, and
 * *permit_index as in cabref_caa_decide. Writes nothing but *permit_index (for callers, such as
 * cabref_caa_names, that need only the outcome). */
/*@
  requires valid_buf: \valid_read(buf + (0 .. buf_len - 1));
  requires valid_rr: \valid_read(rr + (0 .. n_rr - 1));
  requires valid_cfg: \valid_read(cfg);
  requires valid_index: \valid(permit_index);
  requires separated: \separated(permit_index, buf + (0 .. buf_len - 1), rr + (0 .. n_rr - 1), cfg);
  assigns *permit_index;
  ensures capacity: \result == CABREF_CAA_DENY_CAPACITY <==> n_rr > CABREF_CAA_MAX_RECORDS;
  ensures malformed: \result == CABREF_CAA_DENY_RDATA_MALFORMED <==>
    n_rr <= CABREF_CAA_MAX_RECORDS &&
    \old(CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_MALFORMED));
  ensures critical: \result == CABREF_CAA_DENY_UNKNOWN_CRITICAL <==>
    n_rr <= CABREF_CAA_MAX_RECORDS &&
    \old(!CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_MALFORMED) &&
         CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_UNKNOWN_CRITICAL));
  ensures no_records: \result == CABREF_CAA_PERMIT_NO_RECORDS <==> n_rr == 0;
  ensures no_issue: \result == CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY <==>
    1 <= n_rr <= CABREF_CAA_MAX_RECORDS &&
    \old(!CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_MALFORMED) &&
         !CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_UNKNOWN_CRITICAL) &&
         !CaaAnyApplies(buf, buf_len, rr, n_rr, wildcard, cfg));
  ensures sound: CaaPermitReason(\result) ==>
    n_rr <= CABREF_CAA_MAX_RECORDS && \old(CaaPermits(buf, buf_len, rr, n_rr, wildcard, cfg));
  ensures exact: (CaaPermitReason(\result) <==>
    n_rr <= CABREF_CAA_MAX_RECORDS && \old(CaaPermits(buf, buf_len, rr, n_rr, wildcard, cfg)));
  ensures issuer: \result == CABREF_CAA_PERMIT_ISSUER ==> *permit_index < n_rr &&
    \let k = *permit_index;
    \old(CaaRecApplies(buf, buf_len, rr, n_rr, k, wildcard, cfg) && CaaRecAuth(buf, rr, k, cfg));
  ensures first: \result == CABREF_CAA_PERMIT_ISSUER ==>
    \let k = *permit_index; \forall integer j; 0 <= j < k ==>
      \old(!(CaaRecApplies(buf, buf_len, rr, n_rr, j, wildcard, cfg) &&
              CaaRecAuth(buf, rr, j, cfg)));
  ensures index: \result != CABREF_CAA_PERMIT_ISSUER ==> *permit_index == 0;
*/
cabref_caa_reason cabref_caa_decide_reason(const uint8_t *buf, size_t buf_len,
                                           const cabref_caa_rr *rr, size_t n_rr, int wildcard,
                                           const cabref_caa_config *cfg, uint16_t *permit_index);

/* Stable machine codes for JSON output ("issuer-permits", "unknown-critical", ...). */
/*@
  assigns \nothing;
  ensures non_null: \result != \null;
  ensures readable: \valid_read(\result);
*/
const char *cabref_caa_reason_code(cabref_caa_reason r);
/*@
  assigns \nothing;
  ensures non_null: \result != \null;
  ensures readable: \valid_read(\result);
*/
const char *cabref_caa_verdict_code(cabref_caa_rr_verdict v);

/* ---- caa_relevant.c ------------------------------------------------------------------------
 * CAA-RELEVANT: the outcome of looking up CAA at each name from the request's name up to its
 * TLD (index 0 = the name itself), as the shell found them. */

/* The first outcome that is not empty decides: records (FOUND, *index its position), anything
 * else a failure (FAILURE, *index its position; an outcome outside the enumeration is a
 * failure); every outcome empty: NONE, *index = n. */
/*@
  requires valid_outcome: \valid_read(outcome + (0 .. n - 1));
  requires valid_index: \valid(index);
  requires separated: \separated(index, outcome + (0 .. n - 1));
  assigns *index;
  ensures result: \result == CABREF_CAA_RELEVANT_FOUND || \result == CABREF_CAA_RELEVANT_NONE ||
    \result == CABREF_CAA_RELEVANT_FAILURE;
  ensures found: \result == CABREF_CAA_RELEVANT_FOUND ==>
    0 <= *index < n && CaaAllEmpty(outcome, *index) &&
    outcome[*index] == CABREF_CAA_LOOKUP_RECORDS;
  ensures failure: \result == CABREF_CAA_RELEVANT_FAILURE ==>
    0 <= *index < n && CaaAllEmpty(outcome, *index) &&
    outcome[*index] != CABREF_CAA_LOOKUP_RECORDS && outcome[*index] != CABREF_CAA_LOOKUP_EMPTY;
  ensures none: \result == CABREF_CAA_RELEVANT_NONE ==> *index == n && CaaAllEmpty(outcome, n);
*/
cabref_caa_relevant_result cabref_caa_relevant(const uint8_t *outcome, size_t n, size_t *index);

/* ---- caa_names.c ---------------------------------------------------------------------------
 * CAA-MULTI-NAME: decide every dNSName of a certificate. names[k] is a span of text[0 ..
 * text_len-1]; a name starting "*." is a Wildcard Domain Name and is decided with wildcard set on
 * the set the caller found for X (RFC 8659 §3), so that "*.X" and "X" are two evaluations of the
 * same set. A name whose last label is "onion" (with a label before it) is not checked. A span or
 * set range outside its array denies the name (reason rdata-malformed: it cannot be read). res[k]
 * is the outcome of names[k]. Returns 1 iff every name is permitted or onion-exempt: the
 * certificate may be issued as far as CAA is concerned (a lookup failure is never permission
 * here: the caller may apply cabref_caa_failure_permits). */
/*@
  requires valid_text: \valid_read(text + (0 .. text_len - 1));
  requires valid_names: \valid_read(names + (0 .. n_names - 1));
  requires valid_buf: \valid_read(buf + (0 .. buf_len - 1));
  requires valid_rr: \valid_read(rr + (0 .. n_rr - 1));
  requires valid_cfg: \valid_read(cfg);
  requires valid_res: \valid(res + (0 .. n_names - 1));
  requires separated: \separated(res + (0 .. n_names - 1), text + (0 .. text_len - 1),
    names + (0 .. n_names - 1), buf + (0 .. buf_len - 1), rr + (0 .. n_rr - 1), cfg);
  assigns res[0 .. n_names - 1];
  ensures outcomes: \forall integer k; 0 <= k < n_names ==>
    \let r = res[k].result; \let why = res[k].reason; \let w = res[k].wildcard;
    \old(CaaNameOk(text, text_len, names + k, buf, buf_len, rr, n_rr, cfg, r, why, w));
  ensures all: \result == 1 <==> \forall integer k; 0 <= k < n_names ==>
    res[k].result == CABREF_CAA_NAME_PERMIT || res[k].result == CABREF_CAA_NAME_ONION_EXEMPT;
  ensures boolean: \result == 0 || \result == 1;
*/
int cabref_caa_names(const char *text, size_t text_len, const cabref_caa_san *names, size_t n_names,
                     const uint8_t *buf, size_t buf_len, const cabref_caa_rr *rr, size_t n_rr,
                     const cabref_caa_config *cfg, cabref_caa_name_outcome *res);

/* ---- caa_rules.c ---------------------------------------------------------------------------
 * CAA-MANDATE, CAA-PROFILE-DATE, CAA-REUSE, CAA-EXC-*, CAA-LOOKUP-FAILURE: the rules of BR
 * 3.2.2.8 by date. */

/*@
  assigns \nothing;
  ensures rules: \result == CaaRulesAt(at);
*/
cabref_caa_rules cabref_caa_rules_at(cabref_caa_instant at);

/* CAA-REUSE: may a certificate be issued at `issued` on a CAA check made at `checked`? Within
 * the greater of the record's TTL and 8 hours; has_ttl 0 (empty set) means 8 hours. */
/*@
  assigns \nothing;
  ensures reuse: \result == 1 <==> CaaReuseOk(checked, issued, ttl, has_ttl);
  ensures boolean: \result == 0 || \result == 1;
*/
int cabref_caa_reuse_ok(cabref_caa_instant checked, cabref_caa_instant issued, uint32_t ttl,
                        int has_ttl);

/* The exception is not in force before the mandate (nothing to except from), nor for the DNS
 * operator from 2021-07-01, nor for a kind outside the enumeration; a NULL f meets no condition. */
/*@
  requires valid_f: f == \null || \valid_read(f);
  assigns \nothing;
  ensures not_in_force: !CaaExcInForce(kind, issued) ==> \result == CABREF_CAA_EXC_NOT_IN_FORCE;
  ensures applies: CaaExcInForce(kind, issued) ==>
    (\result == CABREF_CAA_EXC_APPLIES <==> CaaExcConditions(kind, f));
  ensures conditions: CaaExcInForce(kind, issued) && !CaaExcConditions(kind, f) ==>
    \result == CABREF_CAA_EXC_CONDITIONS;
*/
cabref_caa_exception_result cabref_caa_exception_applies(cabref_caa_exception kind,
                                                         cabref_caa_instant issued,
                                                         const cabref_caa_exception_facts *f);

/* CAA-LOOKUP-FAILURE: may this lookup failure be treated as permission on `at`? */
/* A NULL f (no facts) is never permission. */
/*@
  requires valid_f: f == \null || \valid_read(f);
  assigns \nothing;
  ensures permits: \result == 1 <==> f != \null && CaaFailurePermits(at, f);
  ensures boolean: \result == 0 || \result == 1;
*/
int cabref_caa_failure_permits(cabref_caa_instant at, const cabref_caa_failure_facts *f);

#endif
