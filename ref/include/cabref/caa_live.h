/* cabref: CAA lookups over real DNS (cabref caa check), the shell's part (ref/shell/caa_live.c).
 * libunbound sends the queries (asynchronously, all ancestors of all names at once), follows
 * aliases, falls back to TCP and validates DNSSEC against a trust anchor; ldns reads the answer
 * packets. What the resolver said becomes a zone (cabref_caa_zone): the CAA records it returned
 * with their owners and TTLs, the CNAMEs of the chains it followed, a failure marker where a
 * lookup failed, and per name the DNSSEC status and the failure's kind. Zone mode's evaluation
 * then turns that into one cabref_caa_node per name looked up, and the core decides (spec/caa.md
 * CAA-DNS-FAILURE, CAA-ALIAS-*). Nothing here decides.
 */
#ifndef CABREF_CAA_LIVE_H
#define CABREF_CAA_LIVE_H

#include <stddef.h>
#include <stdint.h>

#include "cabref/caa_shell.h"

/* How to reach the DNS. */
typedef struct {
  const char *resolver;     /* "ADDR" or "ADDR@PORT" of a recursive resolver; NULL: recurse */
  const char *trust_anchor; /* a trust anchor file (DS or DNSKEY records); NULL: the root anchor
                               of dns-root-data when installed, else no validation */
  int no_dnssec;            /* 1: do not validate (every status indeterminate) */
  unsigned timeout_ms;      /* per round of queries (0: 5000) */
  int dname_queries;        /* 1: also ask DNAME at each name (the RFC 6844 rules follow a DNAME
                               owned by the name, CAA-ALIAS-DNAME) */
} cabref_caa_live_opts;

/* One query sent and what came back, for the report. */
typedef struct {
  char *name;        /* the name asked */
  int type;          /* 257 CAA, 39 DNAME */
  int tries;         /* 1, or 2 when the first answer was a failure (BR 3.2.2.8: retried) */
  int rcode;         /* DNS rcode of the last answer (-1: none, timed out or resolver error) */
  int outcome;       /* cabref_caa_lookup */
  int failure;       /* cabref_caa_failure_kind with CABREF_CAA_LOOKUP_FAILURE */
  int dnssec;        /* cabref_caa_dnssec */
  char *why_bogus;   /* the validator's reason, or NULL */
  int n_records;     /* CAA records in the answer */
  uint32_t ttl;      /* the least TTL of those records (0 when none) */
  char *final_owner; /* the owner at the end of the alias chain (the name when none) */
  long elapsed_ms;   /* time to the last answer */
} cabref_caa_query;

typedef struct {
  cabref_caa_query *q;
  size_t n, cap;
  size_t *slots, n_slots; /* hash index of (name, type): slot holds index + 1, 0 when free */
  int validating;         /* a trust anchor was loaded */
} cabref_caa_query_log;

void cabref_caa_query_log_free(cabref_caa_query_log *log);

/* The index of the query (name, type) in the log, or -1. */
long cabref_caa_query_log_find(const cabref_caa_query_log *log, const char *name, int type);

/* A resolver context (libunbound's, with its cache), kept across requests so that a run of
 * many requests is answered from a warm cache. */
typedef struct cabref_caa_live cabref_caa_live;

/* Sets up the resolver: CABREF_OK, CABREF_E_IO with a message in err when it cannot be set up
 * (an address libunbound refuses, an unreadable trust anchor), CABREF_E_CAPACITY when out of
 * memory. */
cabref_status cabref_caa_live_open(const cabref_caa_live_opts *o, cabref_caa_live **out,
                                   cabref_error *err);
void cabref_caa_live_close(cabref_caa_live *s);

/* Looks up CAA at every name of the climb of each request name (the name, X for *.X, and each
 * parent up to the TLD; names that are not domain names are skipped: the evaluation reports
 * them), all at once, retrying each failed lookup once; writes what came back into z (which
 * must be initialised) and the queries into log. CABREF_OK, or CABREF_E_CAPACITY when out of
 * memory. */
cabref_status cabref_caa_live_gather(cabref_caa_live *s, const char *const *names,
                                     const size_t *lens, size_t n, cabref_caa_zone *z,
                                     cabref_caa_query_log *log);

/* CAA-DNS-LIVE: reads the answer packet wire[0 .. len-1] of query q (q->name, q->type; an
 * answer with rcode NOERROR or NXDOMAIN) into z: the CNAME chain from the name (at most 32
 * steps), the CAA records at its end (added once per owner), or for a DNAME query the DNAME owned
 * by the name. Sets q->outcome (records or empty), n_records, ttl (the least), final_owner
 * (freed by the caller, or by cabref_caa_query_log_free). 0, 1 when the packet cannot be read
 * or its rcode is neither NOERROR nor NXDOMAIN (the lookup is then a failure of kind malformed), 2
 * when its CNAME chain leads to a name the climb cannot look up (the root, or a label with octets
 * its text must escape: a failure of kind unmodeled), -1 when out of memory. A fuzz target. */
int cabref_caa_answer_read(const uint8_t *wire, size_t len, cabref_caa_query *q,
                           cabref_caa_zone *z);

/* CAA-DNS-BULK: the next word of a bulk line line[0 .. len-1] from *pos: blanks (space, tab,
 * CR) separate words; every other octet belongs to one. 1 with the word at line[*start ..
 * *start + *tok_len - 1] and *pos after it, or 0 at the end of the line. A fuzz target. */
int cabref_caa_bulk_next(const char *line, size_t len, size_t *pos, size_t *start, size_t *tok_len);

/* "CAA", "DNAME", or "TYPEn". */
const char *cabref_caa_query_type_name(int type, char *buf, size_t cap);

#endif
