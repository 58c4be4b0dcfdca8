/* cabref CLI: `cabref caa eval`, `cabref caa check` and `cabref caa parse` (spec/caa-formats.md).
 * The shell reads the zone (ldns) or asks the DNS (libunbound), reads the names (libidn2) and
 * answers the climb's lookups from what it gathered; the core picks the relevant set and decides;
 * we print.
 * Exit statuses (README, man cabref): eval, check: 0 every name permitted (or exempt), 1 some name
 * denied, 9 no name denied but some name's lookup failed, 3 a malformed zone or a name that is not
 * a domain name, 4 the zone cannot be read or the resolver cannot be set up (with --stdin, the
 * worst over the lines: 3, 4, 1, 9, 0 in that order); parse: 0 every record read, 3 some record is
 * not in presentation form; 2 usage.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "../shell/shell.h"
#include "cabref/caa_live.h"
#include "cabref/caa_report.h"
#include "cabref/caa_shell.h"
#include "cabref/cert_names.h"

/* A record line for `caa parse`: 65535 octets of RDATA and some escapes. */
#define MAX_LINE 70000u

int cabref_cmd_caa(int argc, char **argv);

static int usage(void) {
  fprintf(
      stderr,
      "usage: cabref caa eval --zone FILE --ca DOMAIN [--ca DOMAIN ...] [--account URI]\n"
      "                       [--method M] [--profile rfc8659|rfc6844-e5065] [--tag TAG ...]\n"
      "                       [--rfc8657] [--flag1-critical] [--json] NAME...\n"
      "       cabref caa check --ca DOMAIN [--ca DOMAIN ...] [--resolver ADDR[@PORT]]\n"
      "                       [--trust-anchor FILE] [--no-dnssec] [--timeout MS] [--at DATE]\n"
      "                       [--outside-ca] [--reports DIR] [--report-from ADDRESS]\n"
      "                       [eval's options] [--json]\n"
      "                       (NAME... | --cert FILE | --csr FILE | --stdin [--parallel N])\n"
      "       cabref caa parse [--profile rfc8659|rfc6844-e5065] [--json] [RECORD...]\n"
      "eval: is the CA (its Issuer Domain Names, --ca) permitted to issue for each NAME by the\n"
      "CAA records of the master file FILE (the relevant set is found by climbing from each\n"
      "name, every lookup answered from the file as a resolver would: CNAMEs, DNAMEs and\n"
      "wildcards; no DNS query). --tag: a property tag the CA recognises beyond issue,\n"
      "issuewild, iodef; --rfc8657: process accounturi (--account) and validationmethods\n"
      "(--method); --flag1-critical: read flag value 1 as critical too.\n"
      "check: the same over real DNS (libunbound: every ancestor at once, one retry of a\n"
      "failed lookup, DNSSEC validated against the trust anchor, by default the root's);\n"
      "--at: the rules of that date (default now); --outside-ca: the resolver is outside\n"
      "the CA's infrastructure (a condition of treating a lookup failure as permission);\n"
      "--cert, --csr: the subjectAltName dNSNames of a certificate or CSR (PEM or DER).\n"
      "--reports DIR: write the IODEF document and the iodef reports of each denied name\n"
      "(never sent); --report-from: their sender (default caa-reports@ the CA).\n"
      "--stdin: one certificate's names per line of standard input (@FILE: a certificate's\n"
      "or CSR's names), N lines at a time\n"
      "(default 64) with all their queries in flight, results in input order (--json: one\n"
      "object per line).\n"
      "parse: read CAA RDATA in presentation form (`0 issue \"ca.example\"`, one per line on\n"
      "stdin when no RECORD is given) and print the canonical form and what it holds.\n");
  return CABREF_EXIT_USAGE;
}

/* The error code name of a verdict's detail (rdata or value parser status), or NULL. */
static const char *detail_code(uint8_t verdict, uint8_t detail) {
  if (detail == 0)
    return NULL;
  if (verdict == CABREF_CAA_RR_MALFORMED_VALUE)
    return cabref_caa_value_error_code((cabref_caa_value_error)detail);
  if (verdict == CABREF_CAA_RR_RDATA_MALFORMED || verdict == CABREF_CAA_RR_UNKNOWN_CRITICAL ||
      verdict == CABREF_CAA_RR_UNKNOWN_TAG)
    return cabref_caa_rdata_error_code((cabref_caa_rdata_error)detail);
  return NULL;
}

/* CAA-DNS-FAILURE: why the lookup at a name of the climb failed, in words. */
static const char *failure_words(int f) {
  switch (f) {
  case CABREF_CAA_FAIL_ALIAS_CHAIN:
    return "the alias chain is longer than 16 aliases or loops (CAA-ALIAS-CHAIN)";
  case CABREF_CAA_FAIL_RFC6844_CLIMB:
    return "RFC 6844 s4 would climb from the alias target, which is not modelled";
  case CABREF_CAA_FAIL_UNMODELED:
    return "a DNAME at a wildcard owner (RFC 4592 s4.4), which zone mode does not model";
  case CABREF_CAA_FAIL_RCODE:
    return "the DNAME substitution makes a name too long (YXDOMAIN, RFC 6672 s2.2)";
  case CABREF_CAA_FAIL_UNSPECIFIED:
    return "the lookup is marked as failed";
  case CABREF_CAA_FAIL_SERVFAIL:
    return "the resolver answered SERVFAIL";
  case CABREF_CAA_FAIL_REFUSED:
    return "the query was refused";
  case CABREF_CAA_FAIL_TIMEOUT:
    return "no answer in time";
  case CABREF_CAA_FAIL_MALFORMED:
    return "the answer could not be read";
  case CABREF_CAA_FAIL_BOGUS:
    return "DNSSEC validation failed";
  }
  return "the lookup failed";
}

/* The names along the aliases followed, when there are any. */
static json_t *chain_json(const cabref_caa_name_eval *e) {
  json_t *a = json_array();
  size_t i;
  for (i = 0; i < e->n_chain; i++)
    json_array_append_new(a, json_string(e->chain[i]));
  return a;
}

static json_t *failure_json(const cabref_caa_name_eval *e) {
  return json_pack("{s:s, s:s?, s:s?, s:I, s:s}", "kind",
                   cabref_caa_failure_kind_code((unsigned)e->failure), "at",
                   e->has_owner ? e->text + e->owner_off : NULL, "owner", e->failure_owner, "line",
                   (json_int_t)e->failure_line, "why", failure_words(e->failure));
}

static json_t *name_json(const cabref_caa_zone *z, const cabref_caa_name_eval *e,
                         const char *given) {
  json_t *o, *recs;
  size_t i;
  if (e->error) {
    return json_pack("{s:s, s:s, s:s, s:I}", "name", given, "result", "error", "reason",
                     cabref_name_error_name((cabref_name_error)e->error), "column",
                     (json_int_t)e->err_pos + 1);
  }
  o = json_pack("{s:s, s:s, s:b, s:s}", "name", e->text, "fqdn", e->text + e->fqdn_off, "wildcard",
                e->res.wildcard, "result", cabref_caa_name_result_code(e));
  if (e->res.result == CABREF_CAA_NAME_PERMIT || e->res.result == CABREF_CAA_NAME_DENY)
    json_object_set_new(o, "reason",
                        json_string(cabref_caa_reason_code((cabref_caa_reason)e->res.reason)));
  if (e->res.result == CABREF_CAA_NAME_LOOKUP_FAILURE)
    json_object_set_new(o, "lookupFailure", failure_json(e));
  /* spec/caa.md CAA-DETAIL-NAMES: an onion name or a lookup failure has no relevant owner. */
  json_object_set_new(o, "relevantOwner",
                      e->has_verdicts && e->relevant_owner != NULL ? json_string(e->relevant_owner)
                                                                   : json_null());
  /* CAA-ZONE-ALIAS: the climb's name whose lookup decided and the aliases followed from it. */
  if (e->has_owner && e->res.result != CABREF_CAA_NAME_ONION_EXEMPT) {
    json_object_set_new(o, "lookupAt", json_string(e->text + e->owner_off));
    json_object_set_new(o, "aliasChain", chain_json(e));
    json_object_set_new(o, "synthesizedBy",
                        e->synthesized ? json_string(e->synthesized) : json_null());
  }
  if (e->res.result == CABREF_CAA_NAME_PERMIT && e->res.reason == CABREF_CAA_PERMIT_ISSUER)
    json_object_set_new(o, "permitIndex", json_integer(e->res.permit_index));
  recs = json_array();
  for (i = 0; e->has_verdicts && i < e->n_set; i++) {
    const cabref_caa_zone_rr *r = &z->rrs[e->idx[i]];
    char *text = cabref_caa_print_alloc(z->buf + r->rr.off, r->rr.len);
    json_t *ro = json_pack("{s:s, s:I, s:I, s:s?}", "owner", r->owner, "ttl", (json_int_t)r->ttl,
                           "line", (json_int_t)r->line, "record", text);
    free(text);
    if (e->has_verdicts && i < e->d.n) {
      const char *dc = detail_code(e->d.verdict[i], e->d.detail[i]);
      json_object_set_new(
          ro, "verdict",
          json_string(cabref_caa_verdict_code((cabref_caa_rr_verdict)e->d.verdict[i])));
      if (dc != NULL)
        json_object_set_new(ro, "detail", json_string(dc));
    }
    json_array_append_new(recs, ro);
  }
  json_object_set_new(o, "records", recs);
  return o;
}

static void name_print(const cabref_caa_zone *z, const cabref_caa_name_eval *e, const char *given,
                       const char *zone_file) {
  size_t i;
  if (e->error) {
    printf("%s: error: not a domain name: %s at column %zu\n", given,
           cabref_name_error_name((cabref_name_error)e->error), e->err_pos + 1);
    return;
  }
  printf("%s: %s", e->text, cabref_caa_name_result_code(e));
  if (e->res.result == CABREF_CAA_NAME_ONION_EXEMPT) {
    printf(" (an Onion Domain Name: CAA is not checked, BR 3.2.2.8)\n");
    return;
  }
  if (e->res.result == CABREF_CAA_NAME_PERMIT || e->res.result == CABREF_CAA_NAME_DENY)
    printf(" %s", cabref_caa_reason_code((cabref_caa_reason)e->res.reason));
  if (e->res.result == CABREF_CAA_NAME_LOOKUP_FAILURE) {
    printf(" %s (the lookup at %s failed)\n", cabref_caa_failure_kind_code((unsigned)e->failure),
           e->has_owner ? e->text + e->owner_off : "?");
    for (i = 1; i < e->n_chain; i++)
      printf("  alias: %s -> %s\n", e->chain[i - 1], e->chain[i]);
    if (e->failure_owner != NULL && zone_file != NULL)
      printf("  %s:%lu: %s: %s\n", zone_file, e->failure_line,
             e->failure_owner[0] ? e->failure_owner : ".", failure_words(e->failure));
    else if (e->failure_owner != NULL)
      printf("  dns: %s: %s\n", e->failure_owner[0] ? e->failure_owner : ".",
             failure_words(e->failure));
    return;
  }
  printf(" (owner %s)\n", e->relevant_owner != NULL ? e->relevant_owner : "none");
  for (i = 1; i < e->n_chain; i++)
    printf("  alias: %s -> %s\n", e->chain[i - 1], e->chain[i]);
  if (e->synthesized != NULL)
    printf("  synthesized from %s\n", e->synthesized);
  for (i = 0; e->has_verdicts && i < e->n_set; i++) {
    const cabref_caa_zone_rr *r = &z->rrs[e->idx[i]];
    char *text = cabref_caa_print_alloc(z->buf + r->rr.off, r->rr.len);
    if (zone_file != NULL)
      printf("  %s:%lu: %s %lu IN CAA %s", zone_file, r->line, r->owner[0] ? r->owner : ".",
             (unsigned long)r->ttl, text ? text : "?");
    else
      printf("  dns: %s %lu IN CAA %s", r->owner[0] ? r->owner : ".", (unsigned long)r->ttl,
             text ? text : "?");
    free(text);
    if (e->has_verdicts && i < e->d.n) {
      const char *dc = detail_code(e->d.verdict[i], e->d.detail[i]);
      printf(" -> %s", cabref_caa_verdict_code((cabref_caa_rr_verdict)e->d.verdict[i]));
      if (dc != NULL)
        printf(" (%s)", dc);
    }
    printf("\n");
  }
  if (e->has_verdicts && e->n_set > e->d.n)
    printf("  (%zu records: more than the %u a set may hold)\n", e->n_set, CABREF_CAA_MAX_RECORDS);
}

/* What an option's value must be, for the message when it is not. */
static void bad_value(const char *cmd, const char *opt, const char *value) {
  fprintf(stderr, "cabref caa %s: bad value for %s: %s (", cmd, opt, value);
  if (strcmp(opt, "--profile") == 0)
    fprintf(stderr, "rfc8659 or rfc6844-e5065");
  else if (strcmp(opt, "--ca") == 0)
    fprintf(stderr, "a domain name of 1 to %u characters; at most %u of them",
            (unsigned)CABREF_NAME_MAX_TEXT, (unsigned)CABREF_CAA_MAX_ISSUERS);
  else if (strcmp(opt, "--tag") == 0)
    fprintf(stderr, "1 to %u characters; at most %u of them", (unsigned)CABREF_CAA_MAX_TAG_TEXT,
            (unsigned)CABREF_CAA_MAX_TAGS);
  else if (strcmp(opt, "--account") == 0)
    fprintf(stderr, "a URI of at most %u characters", (unsigned)CABREF_CAA_MAX_URI);
  else if (strcmp(opt, "--method") == 0)
    fprintf(stderr, "a method name of at most %u characters", (unsigned)CABREF_CAA_MAX_METHOD);
  else if (strcmp(opt, "--timeout") == 0)
    fprintf(stderr, "milliseconds per round, 1 to 600000");
  else if (strcmp(opt, "--at") == 0)
    fprintf(stderr, "a UTC instant YYYY-MM-DDTHH:MM:SSZ");
  else if (strcmp(opt, "--parallel") == 0)
    fprintf(stderr, "lines at a time, 1 to 10000");
  else if (strcmp(opt, "--report-from") == 0)
    fprintf(stderr, "a plain e-mail address: letters, digits and !#$&'*+-/=^_`{|}~. before one "
                    "'@', letters, digits, '-' and '.' after it");
  fprintf(stderr, ")\n");
}

/* Live mode (cabref caa check): what the core says of a failed lookup under the BR exception
 * (CAA-LOOKUP-FAILURE), from the facts the answer established and the caller's. */
static int failure_permission(const cabref_caa_name_eval *e, const cabref_caa_query_log *log,
                              cabref_caa_instant at, int outside_ca) {
  long x = e->failure_owner != NULL ? cabref_caa_query_log_find(log, e->failure_owner, 257) : -1;
  return cabref_caa_failure_may_permit(e, x >= 0 ? log->q[x].dnssec : 0,
                                       x >= 0 ? log->q[x].tries : 0, at, outside_ca);
}

/* The queries of live mode, for the report. */
static json_t *queries_json(const cabref_caa_query_log *log, const size_t *qi, size_t nq) {
  json_t *a = json_array();
  size_t i;
  char tb[16];
  for (i = 0; i < nq; i++) {
    const cabref_caa_query *q = &log->q[qi[i]];
    json_t *o =
        json_pack("{s:s, s:s, s:i, s:s, s:s, s:i, s:I, s:I}", "name", q->name, "type",
                  cabref_caa_query_type_name(q->type, tb, sizeof tb), "tries", q->tries, "outcome",
                  q->outcome == CABREF_CAA_LOOKUP_RECORDS ? "records"
                  : q->outcome == CABREF_CAA_LOOKUP_EMPTY ? "empty"
                                                          : "failure",
                  "dnssec", cabref_caa_dnssec_code((unsigned)q->dnssec), "records", q->n_records,
                  "ttl", (json_int_t)q->ttl, "ms", (json_int_t)q->elapsed_ms);
    json_object_set_new(o, "rcode", q->rcode >= 0 ? json_integer(q->rcode) : json_null());
    json_object_set_new(o, "failure",
                        q->outcome == CABREF_CAA_LOOKUP_FAILURE
                            ? json_string(cabref_caa_failure_kind_code((unsigned)q->failure))
                            : json_null());
    json_object_set_new(o, "whyBogus", q->why_bogus ? json_string(q->why_bogus) : json_null());
    json_object_set_new(o, "finalOwner",
                        q->final_owner ? json_string(q->final_owner) : json_null());
    json_array_append_new(a, o);
  }
  return a;
}

static void queries_print(const cabref_caa_query_log *log, const size_t *qi, size_t nq) {
  size_t i;
  char tb[16];
  printf("queries (%s):\n", log->validating ? "DNSSEC validated" : "not validated");
  for (i = 0; i < nq; i++) {
    const cabref_caa_query *q = &log->q[qi[i]];
    printf("  %s %s: %s", q->name, cabref_caa_query_type_name(q->type, tb, sizeof tb),
           q->outcome == CABREF_CAA_LOOKUP_RECORDS ? "records"
           : q->outcome == CABREF_CAA_LOOKUP_EMPTY
               ? "empty"
               : cabref_caa_failure_kind_code((unsigned)q->failure));
    if (q->n_records > 0)
      printf(" (%d, ttl %lu)", q->n_records, (unsigned long)q->ttl);
    if (q->final_owner != NULL && strcmp(q->final_owner, q->name) != 0)
      printf(" via %s", q->final_owner);
    printf(", %s, %d %s, %ld ms", cabref_caa_dnssec_code((unsigned)q->dnssec), q->tries,
           q->tries == 1 ? "try" : "tries", q->elapsed_ms);
    if (q->why_bogus != NULL)
      printf(" (%s)", q->why_bogus);
    printf("\n");
  }
}

/* CAA-REUSE: until when a certificate may be issued on this check. */
static cabref_caa_instant reuse_until(const cabref_caa_zone *z, const cabref_caa_name_eval *e,
                                      cabref_caa_instant checked) {
  return checked + (cabref_caa_instant)cabref_caa_reuse_seconds(z, e);
}

/* What one run of eval / check applies to every request. */
typedef struct {
  cabref_caa_config cfg;
  cabref_caa_rules rules;
  cabref_caa_instant at;
  const char *zone_file;
  const char *reports;     /* --reports DIR: where the prevented-issuance files go, or NULL */
  const char *report_from; /* --report-from ADDRESS, or NULL */
  const char *ca;          /* the first Issuer Domain Name: the reporter */
  char ca_buf[CABREF_NAME_MAX_TEXT + 1];
  int live, json, outside_ca, bulk;
} eval_ctx;

/* Adds the queries (CAA, DNAME, DS) of one name to out[0 .. *m - 1] unless there. */
static void add_queries(const cabref_caa_query_log *log, const char *name, size_t *out, size_t *m) {
  static const int types[3] = {257, 39, 43}; /* CAA, DNAME, DS */
  int type;
  for (type = 0; type < 3; type++) {
    long x = cabref_caa_query_log_find(log, name, types[type]);
    size_t j;
    int seen = 0;
    for (j = 0; x >= 0 && j < *m; j++)
      seen |= out[j] == (size_t)x;
    if (x >= 0 && !seen)
      out[(*m)++] = (size_t)x;
  }
}

/* The queries of the log that belong to a request: the climb's names of its names, and the
 * targets of DNAMEs owned by names asked (CAA-ALIAS-DNAME), transitively. */
static size_t request_queries(const cabref_caa_zone *z, const cabref_caa_query_log *log,
                              const char *const *names, const size_t *lens, size_t n, size_t *out) {
  size_t k, m = 0, l, j;
  for (k = 0; k < n; k++) {
    char text[CABREF_NAME_TEXT_BUF];
    cabref_name nm;
    size_t pos;
    if (cabref_name_from_text(names[k], lens[k],
                              CABREF_NAME_ALLOW_WILDCARD | CABREF_NAME_ALLOW_TRAILING_DOT, text,
                              sizeof text, &nm, &pos) != CABREF_NAME_OK)
      continue;
    text[nm.text_len] = '\0';
    for (l = nm.wildcard ? 1u : 0u; l < nm.n_labels; l++)
      add_queries(log, text + nm.labels[l].off, out, &m);
  }
  for (j = 0; j < m; j++) /* out grows as targets are met */
    for (k = 0; log->q[out[j]].type == 39 && k < z->n_nodes; k++)
      if (z->nodes[k].kind == CABREF_CAA_NODE_DNAME && z->nodes[k].target != NULL &&
          strcmp(z->nodes[k].owner, log->q[out[j]].name) == 0)
        add_queries(log, z->nodes[k].target, out, &m);
  return m;
}

/* Writes text to DIR/NAME; the path written, or NULL (with a message) when it cannot be. */
static char *write_report(const char *dir, const char *file, const char *text) {
  size_t n = strlen(dir) + strlen(file) + 2;
  char *path = malloc(n);
  FILE *f;
  if (path == NULL)
    return NULL;
  snprintf(path, n, "%s/%s", dir, file);
  f = fopen(path, "wb");
  if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
    fprintf(stderr, "cabref caa: %s: cannot write: %s\n", path, strerror(errno));
    free(path);
    return NULL;
  }
  return path;
}

/* CAA-PREVENTED: for a denied name, the record of the prevented issuance (BR 3.2.2.8) and the
 * reports for the set's iodef contacts (RFC 8659 §4.4); written under --reports DIR, never sent.
 * Returns the JSON object (or NULL when out of memory); *failed is set when a file could not be
 * written. */
static json_t *prevented_json(const eval_ctx *c, const cabref_caa_zone *z,
                              const cabref_caa_name_eval *e, const char *name, int *failed) {
  cabref_caa_prevented p;
  json_t *o, *targets;
  char when[21], file[128], *path;
  size_t i;
  if (cabref_caa_prevented_build(z, e, name, c->at, c->ca, c->report_from, &p) != CABREF_OK) {
    cabref_caa_prevented_free(&p);
    return NULL;
  }
  cabref_format_instant(c->at, when);
  o = json_pack("{s:s, s:s, s:s, s:s?, s:s, s:s}", "incident", p.incident, "at", when, "name", name,
                "relevantOwner", e->relevant_owner, "reason",
                cabref_caa_reason_code((cabref_caa_reason)e->res.reason), "ca", c->ca);
  path = NULL;
  if (c->reports != NULL) {
    snprintf(file, sizeof file, "prevented-%s.xml", p.incident);
    if ((path = write_report(c->reports, file, p.iodef_xml)) == NULL)
      *failed = 1;
  }
  json_object_set_new(o, "iodefDocument", path ? json_string(path) : json_null());
  free(path);
  targets = json_array();
  for (i = 0; i < p.n_targets; i++) {
    const cabref_caa_iodef_report *t = &p.targets[i];
    json_t *to = json_pack("{s:s?, s:s}", "url", t->url, "scheme",
                           cabref_caa_iodef_code((cabref_caa_iodef_scheme)t->scheme));
    path = NULL;
    if (t->report != NULL && c->reports != NULL) {
      snprintf(file, sizeof file, "prevented-%s-%zu.%s", p.incident, i + 1,
               t->scheme == CABREF_CAA_IODEF_MAILTO ? "eml" : "https.xml");
      if ((path = write_report(c->reports, file, t->report)) == NULL)
        *failed = 1;
    }
    json_object_set_new(to, "report", path ? json_string(path) : json_null());
    json_object_set_new(to, "skipped", t->skipped ? json_string(t->skipped) : json_null());
    free(path);
    json_array_append_new(targets, to);
  }
  json_object_set_new(o, "iodef", targets);
  cabref_caa_prevented_free(&p);
  return o;
}

/* Decides one request (the names of one certificate) over the zone z (read from the file, or
 * gathered from the DNS with the queries in log) and prints it; line > 0 in bulk mode (one JSON
 * object per line). Returns the request's exit status. */
static int report_request(const eval_ctx *c, const cabref_caa_zone *z,
                          const cabref_caa_query_log *log, const char *const *names,
                          const size_t *lens, size_t n, unsigned long line,
                          const cabref_caa_name_eval *ev) {
  size_t *qi = NULL, nq = 0, k;
  int rc = 1, any_bad = 0, any_deny = 0, any_failure = 0, report_failed = 0;
  /* CAA-MULTI-NAME: the certificate is permitted iff every name is (or is exempt). */
  for (k = 0; k < n; k++)
    if (ev[k].error != 0 || (ev[k].res.result != CABREF_CAA_NAME_PERMIT &&
                             ev[k].res.result != CABREF_CAA_NAME_ONION_EXEMPT))
      rc = 0;
  if (c->live) {
    qi = malloc((log->n + 1) * sizeof *qi);
    if (qi == NULL)
      rc = -1;
    else
      nq = request_queries(z, log, names, lens, n, qi);
  }
  if (rc < 0) {
    fprintf(stderr, "cabref caa: out of memory\n");
  } else {
    json_t *arr = c->json ? json_array() : NULL;
    for (k = 0; k < n; k++) {
      any_bad |= ev[k].error != 0;
      any_deny |= !ev[k].error && ev[k].res.result == CABREF_CAA_NAME_DENY;
      any_failure |= !ev[k].error && ev[k].res.result == CABREF_CAA_NAME_LOOKUP_FAILURE;
      if (c->json) {
        json_t *o = name_json(z, &ev[k], names[k]);
        if (c->live && !ev[k].error && ev[k].res.result != CABREF_CAA_NAME_ONION_EXEMPT) {
          char until[21];
          cabref_format_instant(reuse_until(z, &ev[k], c->at), until);
          if (ev[k].res.result == CABREF_CAA_NAME_LOOKUP_FAILURE)
            json_object_set_new(
                o, "failureMayPermit",
                json_boolean(failure_permission(&ev[k], log, c->at, c->outside_ca)));
          else
            json_object_set_new(o, "reuseUntil", json_string(until));
        }
        if (!ev[k].error && ev[k].res.result == CABREF_CAA_NAME_DENY) {
          json_t *pr = prevented_json(c, z, &ev[k], names[k], &report_failed);
          json_object_set_new(o, "preventedIssuance", pr != NULL ? pr : json_null());
        }
        json_array_append_new(arr, o);
      } else {
        name_print(z, &ev[k], names[k], c->zone_file);
        if (c->live && !ev[k].error && ev[k].res.result == CABREF_CAA_NAME_LOOKUP_FAILURE)
          printf("  the failure %s be treated as permission (BR 3.2.2.8: outside the CA, "
                 "retried, domain Insecure; never a DNSSEC failure from 2026-03-15)\n",
                 failure_permission(&ev[k], log, c->at, c->outside_ca) ? "may" : "may not");
        else if (c->live && !ev[k].error && ev[k].res.result != CABREF_CAA_NAME_ONION_EXEMPT) {
          char until[21];
          cabref_format_instant(reuse_until(z, &ev[k], c->at), until);
          printf("  issue by %s (BR 3.2.2.8: the TTL or 8 hours, whichever is greater)\n", until);
        }
        if (!ev[k].error && ev[k].res.result == CABREF_CAA_NAME_DENY) {
          json_t *pr = prevented_json(c, z, &ev[k], names[k], &report_failed);
          size_t t;
          if (pr != NULL) {
            json_t *doc = json_object_get(pr, "iodefDocument");
            printf(
                "  prevented issuance %s%s%s\n", json_string_value(json_object_get(pr, "incident")),
                json_is_string(doc) ? ": " : "", json_is_string(doc) ? json_string_value(doc) : "");
            for (t = 0; t < json_array_size(json_object_get(pr, "iodef")); t++) {
              json_t *tg = json_array_get(json_object_get(pr, "iodef"), t);
              const char *rp = json_string_value(json_object_get(tg, "report"));
              const char *sk = json_string_value(json_object_get(tg, "skipped"));
              printf("  iodef %s: %s\n",
                     json_string_value(json_object_get(tg, "url")) != NULL
                         ? json_string_value(json_object_get(tg, "url"))
                         : "(unprintable)",
                     sk != NULL   ? sk
                     : rp != NULL ? rp
                                  : "report made (--reports DIR writes it)");
            }
            json_decref(pr);
          }
        }
      }
    }
    /* The certificate: permitted only when every name is; a denial is final, a lookup failure
     * (with no denial) is not an answer (CAA-LOOKUP-FAILURE: the caller may apply its rule). */
    const char *cert = rc == 1 ? "permit" : (any_deny || !any_failure ? "deny" : "lookup-failure");
    if (c->json) {
      json_t *o = json_object();
      if (line > 0)
        json_object_set_new(o, "line", json_integer((json_int_t)line));
      json_object_set_new(o, "names", arr);
      json_object_set_new(o, "result", json_string(cert));
      if (c->live) {
        char when[21];
        static const char *const rn[] = {"none", "rfc6844", "rfc6844-e5065", "rfc8659"};
        cabref_format_instant(c->at, when);
        json_object_set_new(o, "at", json_string(when));
        json_object_set_new(o, "rules", json_string(rn[c->rules]));
        json_object_set_new(o, "dnssecValidated", json_boolean(log->validating));
        json_object_set_new(o, "queries", queries_json(log, qi, nq));
      }
      char *t = json_dumps(o, (line > 0 ? JSON_COMPACT : JSON_INDENT(2)) | JSON_PRESERVE_ORDER |
                                  JSON_ENSURE_ASCII);
      printf("%s\n", t ? t : "null");
      free(t);
      json_decref(o);
    } else {
      if (line > 0)
        printf("certificate (line %lu): %s\n", line, cert);
      else
        printf("certificate: %s\n", cert);
      if (c->live)
        queries_print(log, qi, nq);
    }
  }
  free(qi);
  if (rc < 0 || report_failed)
    return CABREF_EXIT_IO;
  if (any_bad)
    return CABREF_EXIT_INPUT;
  if (rc == 1)
    return CABREF_EXIT_OK;
  return any_deny || !any_failure ? CABREF_EXIT_FAILED : CABREF_EXIT_LOOKUP;
}

/* The run's exit status from a request's: input errors first, then a failure of the machinery,
 * then deny, then lookup failure; 0 only when every request is permitted. */
static int worse_exit(int a, int b) {
  static const int rank[] = {CABREF_EXIT_OK, CABREF_EXIT_LOOKUP, CABREF_EXIT_FAILED, CABREF_EXIT_IO,
                             CABREF_EXIT_INPUT};
  int ra = 0, rb = 0, i;
  for (i = 0; i < 5; i++) {
    if (rank[i] == a)
      ra = i;
    if (rank[i] == b)
      rb = i;
  }
  return rb > ra ? b : a;
}

/* One line of bulk input: its names (separated by blanks), in place; a token "@FILE" stands for
 * the dNSNames of the certificate or CSR in FILE. */
typedef struct {
  char *text;
  const char **names;
  size_t *lens, n;
  unsigned long line;
  cabref_cert_names *files;
  size_t n_files;
  int bad; /* a file could not be read: err says why */
  cabref_error err;
} bulk_request;

static void bulk_request_free(bulk_request *r) {
  size_t i;
  for (i = 0; i < r->n_files; i++)
    cabref_cert_names_free(&r->files[i]);
  free(r->files);
  free(r->text);
  free(r->names);
  free(r->lens);
  memset(r, 0, sizeof *r);
}

/* Appends a name to the request; -1 when out of memory. */
static int request_add(bulk_request *r, size_t *cap, const char *name, size_t len) {
  if (r->n == *cap) {
    size_t nc = *cap ? *cap * 2 : 4;
    const char **nn = realloc(r->names, nc * sizeof *nn);
    size_t *nl;
    if (nn == NULL)
      return -1;
    r->names = nn;
    if ((nl = realloc(r->lens, nc * sizeof *nl)) == NULL)
      return -1;
    r->lens = nl;
    *cap = nc;
  }
  r->names[r->n] = name;
  r->lens[r->n] = len;
  r->n++;
  return 0;
}

static int split_request(bulk_request *r) {
  size_t cap = 0, pos = 0, i, tl, len = strlen(r->text);
  r->n = 0;
  while (cabref_caa_bulk_next(r->text, len, &pos, &i, &tl)) {
    size_t j = i + tl;
    if (r->text[i] == '@' && j > i + 1) { /* a certificate or CSR: its dNSNames */
      cabref_cert_names *f = realloc(r->files, (r->n_files + 1) * sizeof *f);
      size_t k;
      char save = r->text[j];
      cabref_status st;
      if (f == NULL)
        return -1;
      r->files = f;
      r->text[j] = '\0';
      st = cabref_cert_names_read(r->text + i + 1, &r->files[r->n_files], &r->err);
      r->text[j] = save;
      if (st == CABREF_E_CAPACITY)
        return -1;
      if (st != CABREF_OK) {
        r->bad = 1;
        r->n = 0;
        return 0;
      }
      for (k = 0; k < r->files[r->n_files].n; k++)
        if (request_add(r, &cap, r->files[r->n_files].names[k],
                        strlen(r->files[r->n_files].names[k])) != 0)
          return -1;
      r->n_files++;
    } else if (request_add(r, &cap, r->text + i, j - i) != 0) {
      return -1;
    }
  }
  return 0;
}

/* A line whose certificate or CSR could not be read: reported in its place. */
static void report_bad_line(const eval_ctx *c, const bulk_request *r) {
  if (c->json) {
    json_t *o = json_pack("{s:I, s:s, s:o}", "line", (json_int_t)r->line, "result", "error",
                          "error", cabref_error_json(&r->err));
    char *t =
        o != NULL ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII) : NULL;
    printf("%s\n", t ? t : "{\"result\": \"error\"}");
    free(t);
    json_decref(o);
  } else {
    printf("certificate (line %lu): error: %s: %s\n", r->line, r->err.file, r->err.message);
  }
}

/* Bulk mode (CAA-DNS-BULK): requests from stdin, one per line, looked up `parallel` lines at a
 * time (every query of those lines in flight at once, no more), reported in input order. The
 * resolver's cache is kept from batch to batch; memory is bounded by the batch. */
static int run_bulk(const eval_ctx *c, cabref_caa_live *s, size_t parallel) {
  bulk_request *batch = calloc(parallel, sizeof *batch);
  char *buf = NULL;
  size_t cap = 0, nb = 0, k, total = 0;
  unsigned long line = 0;
  int worst = CABREF_EXIT_OK, eof = 0, tty = isatty(2);
  if (batch == NULL) {
    fprintf(stderr, "cabref caa: out of memory\n");
    return CABREF_EXIT_IO;
  }
  while (!eof) {
    ssize_t got = getline(&buf, &cap, stdin);
    if (got < 0) {
      eof = 1;
    } else {
      line++;
      if (got > 0 && buf[got - 1] == '\n')
        buf[--got] = '\0';
      batch[nb].line = line;
      if (strlen(buf) != (size_t)got) { /* a NUL octet: the line is refused, never cut */
        bulk_request *b = &batch[nb];
        b->bad = 1;
        b->err.status = CABREF_E_NUL;
        snprintf(b->err.file, sizeof b->err.file, "<stdin>");
        b->err.line = line;
        b->err.column = strlen(buf) + 1;
        snprintf(b->err.message, sizeof b->err.message, "a NUL octet in the line");
      } else if ((batch[nb].text = strdup(buf)) == NULL || split_request(&batch[nb]) != 0) {
        worst = CABREF_EXIT_IO;
        fprintf(stderr, "cabref caa: out of memory\n");
        nb++;
        break;
      }
      if (batch[nb].n == 0 && !batch[nb].bad) { /* a blank line is not a request */
        bulk_request_free(&batch[nb]);
        continue;
      }
      nb++;
    }
    if (nb == parallel || (eof && nb > 0)) {
      cabref_caa_zone z;
      cabref_caa_query_log log;
      const char **all;
      size_t *alen, na = 0, j;
      for (k = 0; k < nb; k++)
        na += batch[k].n;
      all = malloc((na ? na : 1) * sizeof *all);
      alen = malloc((na ? na : 1) * sizeof *alen);
      cabref_caa_zone_init(&z);
      memset(&log, 0, sizeof log);
      if (all == NULL || alen == NULL) {
        worst = CABREF_EXIT_IO;
      } else {
        for (na = 0, k = 0; k < nb; k++)
          for (j = 0; j < batch[k].n; j++, na++) {
            all[na] = batch[k].names[j];
            alen[na] = batch[k].lens[j];
          }
        /* One evaluation for the batch (the zone indexed once), reported line by line. */
        cabref_caa_name_eval *ev = calloc(na ? na : 1, sizeof *ev);
        if (ev == NULL || cabref_caa_live_gather(s, all, alen, na, &z, &log) != CABREF_OK ||
            cabref_caa_zone_eval_rules(&z, all, alen, na, &c->cfg, c->rules, ev) < 0)
          worst = CABREF_EXIT_IO;
        else
          for (j = 0, k = 0; k < nb; j += batch[k].n, k++) {
            if (batch[k].bad) {
              report_bad_line(c, &batch[k]);
              worst = worse_exit(worst, batch[k].err.status == CABREF_E_IO ? CABREF_EXIT_IO
                                                                           : CABREF_EXIT_INPUT);
            } else {
              worst = worse_exit(worst, report_request(c, &z, &log, batch[k].names, batch[k].lens,
                                                       batch[k].n, batch[k].line, ev + j));
            }
          }
        for (j = 0; ev != NULL && j < na; j++)
          cabref_caa_name_eval_free(&ev[j]);
        free(ev);
      }
      if (worst == CABREF_EXIT_IO)
        fprintf(stderr, "cabref caa: out of memory\n");
      fflush(stdout);
      total += nb;
      if (tty)
        fprintf(stderr, "\rcabref caa check: %zu requests checked (line %lu)", total, line);
      free(all);
      free(alen);
      cabref_caa_zone_free(&z);
      cabref_caa_query_log_free(&log);
      for (k = 0; k < nb; k++)
        bulk_request_free(&batch[k]);
      nb = 0;
      if (worst == CABREF_EXIT_IO)
        break;
    }
  }
  for (k = 0; k < nb; k++)
    bulk_request_free(&batch[k]);
  if (tty && total > 0)
    fprintf(stderr, "\n");
  if (ferror(stdin)) {
    fprintf(stderr, "cabref caa check: standard input: %s\n", strerror(errno));
    worst = CABREF_EXIT_IO;
  }
  free(batch);
  free(buf);
  return worst;
}

static int cmd_eval(int argc, char **argv, int live) {
  cabref_caa_live_opts lo;
  cabref_caa_query_log qlog;
  cabref_caa_live *session = NULL;
  eval_ctx c;
  int profile_given = 0, bulk = 0, i, status = CABREF_EXIT_OK;
  size_t n = 0, parallel = 64, k, n_certs = 0;
  cabref_cert_names *certs;
  cabref_caa_zone z;
  cabref_error err;
  const char **names;
  size_t *lens;

  memset(&c, 0, sizeof c);
  memset(&lo, 0, sizeof lo);
  memset(&qlog, 0, sizeof qlog);
  c.live = live;
  c.at = (cabref_caa_instant)time(NULL);
  names = calloc((size_t)argc, sizeof *names);
  lens = calloc((size_t)argc, sizeof *lens);
  certs = calloc((size_t)argc, sizeof *certs);
  memset(&err, 0, sizeof err);
  if (names == NULL || lens == NULL || certs == NULL) {
    free(names);
    free(lens);
    free(certs);
    fprintf(stderr, "cabref caa: out of memory\n");
    return CABREF_EXIT_IO;
  }
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    int has_arg = i + 1 < argc, bad = 0;
    if (strcmp(a, "--json") == 0) {
      c.json = 1;
    } else if (strcmp(a, "--rfc8657") == 0) {
      c.cfg.rfc8657 = 1;
    } else if (strcmp(a, "--flag1-critical") == 0) {
      c.cfg.flag1_critical = 1;
    } else if (strcmp(a, "--zone") == 0 && has_arg && !live) {
      c.zone_file = argv[++i];
    } else if (strcmp(a, "--resolver") == 0 && has_arg && live) {
      lo.resolver = argv[++i];
    } else if (strcmp(a, "--trust-anchor") == 0 && has_arg && live) {
      lo.trust_anchor = argv[++i];
    } else if (strcmp(a, "--no-dnssec") == 0 && live) {
      lo.no_dnssec = 1;
    } else if (strcmp(a, "--outside-ca") == 0 && live) {
      c.outside_ca = 1;
    } else if (strcmp(a, "--reports") == 0 && has_arg) {
      c.reports = argv[++i];
    } else if (strcmp(a, "--report-from") == 0 && has_arg) {
      c.report_from = argv[++i]; /* it goes into a header: the report's own check */
      bad = !cabref_caa_report_address_ok(c.report_from, strlen(c.report_from));
    } else if (strcmp(a, "--stdin") == 0 && live) {
      bulk = 1;
    } else if (strcmp(a, "--parallel") == 0 && has_arg && live) {
      char *end;
      unsigned long m = strtoul(argv[++i], &end, 10);
      bad = *end != '\0' || m == 0 || m > 10000ul;
      parallel = (size_t)m;
    } else if (strcmp(a, "--timeout") == 0 && has_arg && live) {
      char *end;
      unsigned long ms = strtoul(argv[++i], &end, 10);
      bad = *end != '\0' || ms == 0 || ms > 600000ul;
      lo.timeout_ms = (unsigned)ms;
    } else if (strcmp(a, "--at") == 0 && has_arg && live) {
      cabref_instant t;
      bad = cabref_parse_instant(argv[i + 1], strlen(argv[i + 1]), &t) != CABREF_OK;
      i++;
      c.at = t;
    } else if (strcmp(a, "--ca") == 0 && has_arg) {
      char dn[CABREF_NAME_MAX_TEXT + 2];
      size_t l = strlen(argv[++i]);
      if (l > 0 && argv[i][l - 1] == '.')
        l--; /* an Issuer Domain Name is compared without the root's dot */
      bad = l == 0 || l > CABREF_NAME_MAX_TEXT;
      if (!bad) {
        memcpy(dn, argv[i], l);
        dn[l] = '\0';
        bad = cabref_caa_config_add_issuer(&c.cfg, dn) != 0;
      }
    } else if ((strcmp(a, "--cert") == 0 || strcmp(a, "--csr") == 0) && has_arg && live) {
      cabref_cert_names *cn = &certs[n_certs];
      cabref_status st = cabref_cert_names_read(argv[++i], cn, &err);
      if (st == CABREF_OK && cn->is_csr != (a[3] == 's')) {
        cabref_cert_names_free(cn);
        memset(&err, 0, sizeof err);
        err.status = st = CABREF_E_SYNTAX;
        snprintf(err.file, sizeof err.file, "%s", argv[i]);
        snprintf(err.message, sizeof err.message, "a %s, not a %s (use %s)",
                 a[3] == 's' ? "certificate" : "CSR", a[3] == 's' ? "CSR" : "certificate",
                 a[3] == 's' ? "--cert" : "--csr");
      }
      if (st != CABREF_OK) {
        if (c.json)
          cabref_print_error_json(stdout, &err);
        cabref_print_error(stderr, &err);
        status = st == CABREF_E_IO ? CABREF_EXIT_IO : CABREF_EXIT_INPUT;
        goto out;
      }
      n_certs++;
    } else if (strcmp(a, "--tag") == 0 && has_arg) {
      bad = cabref_caa_config_add_tag(&c.cfg, argv[++i]) != 0;
    } else if (strcmp(a, "--account") == 0 && has_arg) {
      bad = cabref_caa_config_set_account(&c.cfg, argv[++i]) != 0;
    } else if (strcmp(a, "--method") == 0 && has_arg) {
      bad = cabref_caa_config_set_method(&c.cfg, argv[++i]) != 0;
    } else if (strcmp(a, "--profile") == 0 && has_arg) {
      bad = cabref_caa_parse_profile(argv[++i], &c.cfg.profile) != 0;
      profile_given = 1;
    } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      usage();
      goto out;
    } else if (a[0] == '-' && a[1] == '-') {
      fprintf(stderr, "cabref caa %s: unknown option or missing argument: %s\n",
              live ? "check" : "eval", a);
      bad = 2;
    } else {
      names[n] = a;
      lens[n] = strlen(a);
      n++;
    }
    if (bad) {
      if (bad == 1)
        bad_value(live ? "check" : "eval", a, argv[i]);
      status = usage();
      goto out;
    }
  }
  /* The names of the certificates and CSRs given, after those given as arguments. */
  for (k = 0; k < n_certs; k++) {
    size_t j;
    const char **nn = realloc(names, (n + certs[k].n) * sizeof *nn);
    size_t *nl = nn != NULL ? realloc(lens, (n + certs[k].n) * sizeof *nl) : NULL;
    if (nn != NULL)
      names = nn;
    if (nl == NULL) {
      fprintf(stderr, "cabref caa: out of memory\n");
      status = CABREF_EXIT_IO;
      goto out;
    }
    lens = nl;
    for (j = 0; j < certs[k].n; j++, n++) {
      names[n] = certs[k].names[j];
      lens[n] = strlen(certs[k].names[j]);
    }
  }
  if ((!live && c.zone_file == NULL) || c.cfg.n_issuers == 0 || (n == 0) == !bulk) {
    fprintf(stderr, live ? "cabref caa check: needs at least one --ca DOMAIN, and NAMEs (or "
                           "--cert / --csr) or --stdin (not both)\n"
                         : "cabref caa eval: needs --zone FILE, at least one --ca DOMAIN and a "
                           "NAME\n");
    status = usage();
    goto out;
  }
  memcpy(c.ca_buf, c.cfg.issuer[0], c.cfg.issuer_len[0]);
  c.ca_buf[c.cfg.issuer_len[0]] = '\0';
  c.ca = c.ca_buf;
  /* CAA-PROFILE-DATE: live mode applies the rules of the date (the value grammar too, unless
   * --profile says otherwise). */
  c.rules = live ? cabref_caa_rules_at(c.at) : cabref_caa_rules_of_profile(c.cfg.profile);
  if (live && !profile_given)
    c.cfg.profile = cabref_caa_profile_of_rules(c.rules);
  /* CAA-ALIAS-DNAME: the RFC 6844 rules follow a DNAME owned by a name of the climb. */
  lo.dname_queries =
      c.rules == CABREF_CAA_RULES_RFC6844 || c.rules == CABREF_CAA_RULES_RFC6844_E5065;
  memset(&err, 0, sizeof err);
  if (live) {
    cabref_status st = cabref_caa_live_open(&lo, &session, &err);
    if (st != CABREF_OK) {
      if (st != CABREF_E_IO) {
        memset(&err, 0, sizeof err);
        err.status = CABREF_E_CAPACITY;
        snprintf(err.message, sizeof err.message, "out of memory");
      }
      if (c.json)
        cabref_print_error_json(stdout, &err);
      cabref_print_error(stderr, &err);
      status = CABREF_EXIT_IO;
      goto out;
    }
  }
  if (bulk) {
    c.bulk = 1;
    status = run_bulk(&c, session, parallel);
    goto out;
  }
  cabref_caa_zone_init(&z);
  if (live && cabref_caa_live_gather(session, names, lens, n, &z, &qlog) != CABREF_OK) {
    fprintf(stderr, "cabref caa: out of memory\n");
    status = CABREF_EXIT_IO;
  } else if (!live && cabref_caa_zone_read(c.zone_file, &z, &err) != CABREF_OK) {
    if (c.json) /* every failure is one JSON object on stdout too */
      cabref_print_error_json(stdout, &err);
    cabref_print_error(stderr, &err);
    status = err.status == CABREF_E_IO ? CABREF_EXIT_IO : CABREF_EXIT_INPUT;
  } else {
    cabref_caa_name_eval *ev = calloc(n, sizeof *ev);
    if (ev == NULL || cabref_caa_zone_eval_rules(&z, names, lens, n, &c.cfg, c.rules, ev) < 0) {
      fprintf(stderr, "cabref caa: out of memory\n");
      status = CABREF_EXIT_IO;
    } else {
      status = report_request(&c, &z, &qlog, names, lens, n, 0, ev);
    }
    for (k = 0; ev != NULL && k < n; k++)
      cabref_caa_name_eval_free(&ev[k]);
    free(ev);
  }
  cabref_caa_zone_free(&z);
  cabref_caa_query_log_free(&qlog);
out:
  cabref_caa_live_close(session);
  for (k = 0; k < n_certs; k++)
    cabref_cert_names_free(&certs[k]);
  free(certs);
  free(names);
  free(lens);
  return status;
}

/* ---- caa parse ------------------------------------------------------------------------------ */

static json_t *span_text(const uint8_t *p, size_t len) {
  json_t *s = json_stringn((const char *)p, len);
  if (s == NULL) { /* not UTF-8: hex instead */
    char *h = cabref_caa_hex(p, len);
    s = json_pack("{s:s}", "hex", h ? h : "");
    free(h);
  }
  return s;
}

/* What the core reads in one RDATA, as JSON. */
static json_t *rdata_json(const uint8_t *rd, size_t len, uint8_t profile) {
  cabref_caa_record r;
  size_t pos = 0;
  cabref_caa_rdata_error e = cabref_caa_rdata_parse(rd, len, &r, &pos);
  char *canon = cabref_caa_print_alloc(rd, len), *hex = cabref_caa_hex(rd, len);
  json_t *o = json_pack("{s:s?, s:s?, s:s}", "canonical", canon, "rdataHex", hex, "rdata",
                        cabref_caa_rdata_error_code(e));
  free(canon);
  free(hex);
  if (e != CABREF_CAA_RDATA_OK && e != CABREF_CAA_RDATA_TAG_NUL &&
      e != CABREF_CAA_RDATA_TAG_BAD_CHAR) {
    json_object_set_new(o, "errorOffset", json_integer((json_int_t)pos));
    return o;
  }
  if (e != CABREF_CAA_RDATA_OK)
    json_object_set_new(o, "errorOffset", json_integer((json_int_t)pos));
  json_object_set_new(o, "flags", json_integer(r.flags));
  json_object_set_new(o, "critical", json_boolean(r.critical));
  json_object_set_new(o, "tag", span_text(rd + r.tag_off, r.tag_len));
  json_object_set_new(o, "tagKind", json_string(cabref_caa_tag_kind_code(r.tag_kind)));
  json_object_set_new(o, "value", span_text(rd + r.value_off, r.value_len));
  if (e == CABREF_CAA_RDATA_OK &&
      (r.tag_kind == CABREF_CAA_TAG_ISSUE || r.tag_kind == CABREF_CAA_TAG_ISSUEWILD)) {
    cabref_caa_issue_value iv;
    const uint8_t *v = rd + r.value_off;
    cabref_caa_value_error ve =
        cabref_caa_issue_value_parse(v, r.value_len, (cabref_caa_profile)profile, &iv, &pos);
    json_t *vo = json_pack("{s:s}", "status", cabref_caa_value_error_code(ve));
    if (ve != CABREF_CAA_VALUE_OK) {
      json_object_set_new(vo, "errorOffset", json_integer((json_int_t)pos));
    } else {
      json_t *params = json_array();
      uint32_t i;
      json_object_set_new(vo, "issuer", span_text(v + iv.issuer_off, iv.issuer_len));
      for (i = 0; i < iv.n_params && i < CABREF_CAA_MAX_PARAMS; i++)
        json_array_append_new(
            params, json_pack("[o, o]", span_text(v + iv.params[i].tag_off, iv.params[i].tag_len),
                              span_text(v + iv.params[i].value_off, iv.params[i].value_len)));
      json_object_set_new(vo, "params", params);
      json_object_set_new(vo, "paramCount", json_integer(iv.n_params));
    }
    json_object_set_new(o, "issueValue", vo);
  } else if (e == CABREF_CAA_RDATA_OK && r.tag_kind == CABREF_CAA_TAG_IODEF) {
    json_object_set_new(
        o, "iodef",
        json_string(cabref_caa_iodef_code(cabref_caa_iodef_parse(rd + r.value_off, r.value_len))));
  }
  return o;
}

static void rdata_print(json_t *o) {
  json_t *iv = json_object_get(o, "issueValue");
  const char *rd = json_string_value(json_object_get(o, "rdata"));
  printf("%s\n", json_string_value(json_object_get(o, "canonical")));
  printf("  wire: %s\n", json_string_value(json_object_get(o, "rdataHex")));
  if (rd != NULL && strcmp(rd, "ok") != 0)
    printf("  rdata: %s at octet %lld\n", rd,
           (long long)json_integer_value(json_object_get(o, "errorOffset")));
  if (json_object_get(o, "flags") != NULL)
    printf("  flags %lld%s, tag kind %s\n",
           (long long)json_integer_value(json_object_get(o, "flags")),
           json_is_true(json_object_get(o, "critical")) ? " (critical)" : "",
           json_string_value(json_object_get(o, "tagKind")));
  if (iv != NULL) {
    const char *st = json_string_value(json_object_get(iv, "status"));
    if (st != NULL && strcmp(st, "ok") != 0) {
      printf("  value: outside the grammar: %s at octet %lld (read as an empty issuer)\n", st,
             (long long)json_integer_value(json_object_get(iv, "errorOffset")));
    } else {
      json_t *p = json_object_get(iv, "params"), *is = json_object_get(iv, "issuer");
      size_t i;
      printf("  issuer: %s\n", json_is_string(is) && json_string_length(is) > 0
                                   ? json_string_value(is)
                                   : "(empty: nobody is authorized)");
      for (i = 0; i < json_array_size(p); i++) {
        json_t *kv = json_array_get(p, i);
        const char *pk = json_string_value(json_array_get(kv, 0));
        const char *pv = json_string_value(json_array_get(kv, 1));
        printf("  parameter: %s = %s\n", pk ? pk : "?", pv ? pv : "?");
      }
    }
  }
  if (json_object_get(o, "iodef") != NULL)
    printf("  iodef scheme: %s\n", json_string_value(json_object_get(o, "iodef")));
}

/* One record text: returns 0 when read, 1 when not presentation form. */
static int parse_one(const char *text, size_t len, const char *src, unsigned long line,
                     uint8_t profile, int json, uint8_t *buf) {
  size_t n = 0;
  cabref_error err;
  json_t *o;
  if (cabref_caa_rdata_from_text(text, len, buf, CABREF_CAA_MAX_RDATA, &n, &err) != CABREF_OK) {
    if (json) {
      o = json_pack("{s:s%, s:I, s:I, s:s, s:s}", "input", text, len, "line", (json_int_t)line,
                    "column", (json_int_t)err.column, "error", cabref_status_code(err.status),
                    "message", err.message);
      char *s = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
      printf("%s\n", s ? s : "null");
      free(s);
      json_decref(o);
    } else {
      /* FILE:LINE[:COLUMN]: the column (1-based) when the reader knows it. */
      if (err.column > 0)
        fprintf(stderr, "%s:%lu:%lu: error: %s [%s]\n", src, line, (unsigned long)err.column,
                err.message, cabref_status_code(err.status));
      else
        fprintf(stderr, "%s:%lu: error: %s [%s]\n", src, line, err.message,
                cabref_status_code(err.status));
    }
    return 1;
  }
  o = rdata_json(buf, n, profile);
  if (json) {
    char *s;
    json_object_set_new(o, "line", json_integer((json_int_t)line));
    s = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
    printf("%s\n", s ? s : "null");
    free(s);
  } else {
    rdata_print(o);
  }
  json_decref(o);
  return 0;
}

static int cmd_parse(int argc, char **argv) {
  uint8_t profile = CABREF_CAA_PROFILE_RFC8659;
  int json = 0, i, n_rec = 0, bad = 0;
  uint8_t *buf;
  for (i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--json") == 0) {
      json = 1;
    } else if (strcmp(argv[i], "--profile") == 0 && i + 1 < argc) {
      if (cabref_caa_parse_profile(argv[++i], &profile) != 0)
        return usage();
    } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      usage();
      return CABREF_EXIT_OK;
    } else if (argv[i][0] == '-' && argv[i][1] == '-') {
      fprintf(stderr, "cabref caa parse: unknown option or missing argument: %s\n", argv[i]);
      return usage();
    } else {
      n_rec++;
    }
  }
  buf = malloc(CABREF_CAA_MAX_RDATA);
  if (buf == NULL)
    return CABREF_EXIT_IO;
  if (n_rec > 0) {
    unsigned long k = 0;
    for (i = 1; i < argc; i++) {
      if (strcmp(argv[i], "--json") == 0)
        continue;
      if (strcmp(argv[i], "--profile") == 0) {
        i++;
        continue;
      }
      k++;
      bad |= parse_one(argv[i], strlen(argv[i]), "<argv>", k, profile, json, buf);
    }
  } else {
    char *line = malloc(MAX_LINE + 2);
    unsigned long ln = 0;
    if (line == NULL) {
      free(buf);
      return CABREF_EXIT_IO;
    }
    while (fgets(line, (int)MAX_LINE + 2, stdin) != NULL) {
      size_t l = strlen(line);
      ln++;
      if (l > 0 && line[l - 1] != '\n' && !feof(stdin)) {
        int ch;
        fprintf(stderr, "<stdin>:%lu: error: line longer than %u bytes [too-long]\n", ln, MAX_LINE);
        while ((ch = getchar()) != EOF && ch != '\n')
          ;
        bad = 1;
        continue;
      }
      while (l > 0 && (line[l - 1] == '\n' || line[l - 1] == '\r'))
        line[--l] = '\0';
      if (l == 0)
        continue;
      bad |= parse_one(line, l, "<stdin>", ln, profile, json, buf);
    }
    free(line);
  }
  free(buf);
  return bad ? CABREF_EXIT_INPUT : CABREF_EXIT_OK;
}

int cabref_cmd_caa(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "eval") == 0)
    return cmd_eval(argc - 1, argv + 1, 0);
  if (argc >= 2 && strcmp(argv[1], "check") == 0)
    return cmd_eval(argc - 1, argv + 1, 1);
  if (argc >= 2 && strcmp(argv[1], "parse") == 0)
    return cmd_parse(argc - 1, argv + 1);
  if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
    usage();
    return CABREF_EXIT_OK;
  }
  return usage();
}
