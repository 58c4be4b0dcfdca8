/* cabref: what a CA records and sends when CAA prevents an issuance (ref/shell/caa_report.c;
 * spec/caa.md CAA-PREVENTED).
 * BR 3.2.2.8 (Ballot 187): CAs document potential issuances prevented by a CAA record, and
 * should send reports to the contacts of the set's iodef records; only mailto: and https: are
 * expected. RFC 8659 §4.4: the report is an IODEF document (RFC 7970); by mailto: a MIME e-mail
 * with the document attached and a brief text; by https: the document submitted to the web service
 * (RFC 6546). cabref builds them and writes them to files; it never sends anything. Shell code: the
 * decision was the core's; this only formats what it decided.
 */
#ifndef CABREF_CAA_REPORT_H
#define CABREF_CAA_REPORT_H

#include <stddef.h>

#include "cabref/caa_shell.h"

/* One iodef record of the set and what was made for it. */
typedef struct {
  char *url;           /* the record's value, as text (printable ASCII; else NULL and skipped) */
  int scheme;          /* cabref_caa_iodef_scheme */
  char *report;        /* the RFC 5322 message (mailto:) or the IODEF document (https:), or NULL */
  const char *skipped; /* why nothing was made (NULL when a report was) */
} cabref_caa_iodef_report;

typedef struct {
  char incident[33]; /* the IncidentID: SHA-256 of the instant, name, owner and records, in hex */
  char *iodef_xml;   /* the IODEF document (RFC 7970) describing the prevented issuance */
  cabref_caa_iodef_report *targets;
  size_t n_targets;
} cabref_caa_prevented;

/* 1 iff s[0 .. len-1] is an address a mail header carries as written: a non-empty local part of
 * letters, digits and !#$&'*+-/=^_`{|}~. , one '@', a non-empty host of letters, digits, '-' and
 * '.', at most 254 octets (no '%': RFC 6068's escapes are not decoded). */
int cabref_caa_report_address_ok(const char *s, size_t len);

/* Builds the report of a denied name e (evaluated over z) at instant at, by the CA whose first
 * Issuer Domain Name is ca (the reporter) and whose reports come from the address from (NULL:
 * "caa-reports@" + ca). CABREF_OK; CABREF_E_SYNTAX when from is not an address
 * cabref_caa_report_address_ok accepts (it goes into the From header); CABREF_E_CAPACITY when
 * out of memory. */
cabref_status cabref_caa_prevented_build(const cabref_caa_zone *z, const cabref_caa_name_eval *e,
                                         const char *name, cabref_caa_instant at, const char *ca,
                                         const char *from, cabref_caa_prevented *out);
void cabref_caa_prevented_free(cabref_caa_prevented *p);

#endif
