/* cabref: CAA lookups over real DNS (cabref/caa_live.h). libunbound resolves (asynchronously,
 * every name at once; it follows aliases, falls back to TCP on truncation and validates DNSSEC
 * against the trust anchor), ldns reads the answers; we write what came back into a zone and a
 * query log. No decision is taken here: the failure kinds and DNSSEC statuses are facts of the
 * answers (spec/caa.md CAA-DNS-FAILURE, CAA-DNS-LIVE), the core picks the set and decides. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <event2/event.h>
#include <ldns/ldns.h>
#include <unbound-event.h>
#include <unbound.h>

#include "cabref/caa_live.h"
#include "shell.h"

#define ROOT_ANCHOR "/usr/share/dns/root.key" /* Debian's dns-root-data */
#define TYPE_CAA 257
#define TYPE_DNAME 39
#define TYPE_DS 43

/* One query of a round and what came back (copied out of libunbound's buffers). */
typedef struct pending pending;

/* What a query's callback reaches: the query, or nothing once the round gave up on it (the
 * ticket then outlives the round, so that a late callback finds no dangling pointer). */
typedef struct ticket {
  pending *p;
  struct ticket *next_orphan;
} ticket;

/* A round: how many of its queries are still out, and the loop to stop when none is. */
typedef struct {
  struct event_base *base;
  size_t left;
} round_state;

struct pending {
  ticket *t;
  round_state *round;
  int done, timed_out, async_id, rcode, sec, send_err;
  uint8_t *pkt; /* the answer packet (NOERROR and NXDOMAIN only), or NULL */
  size_t pkt_len;
  char *why_bogus;
  long t0, ms;
};

static long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long)ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void pending_clear(pending *p) {
  free(p->pkt);
  free(p->why_bogus);
  memset(p, 0, sizeof *p);
}

/* libunbound's event callback: sec is 0 insecure (or not validated), 1 bogus, 2 secure. */
static void on_answer(void *data, int rcode, void *packet, int packet_len, int sec, char *why_bogus,
                      int was_ratelimited) {
  ticket *t = data;
  pending *p = t->p;
  (void)was_ratelimited;
  if (p == NULL) /* the round gave up on this query (timeout): its ticket is an orphan */
    return;
  /* rcode here is libunbound's (nonzero: it could not answer); an answer's own rcode (NXDOMAIN,
   * or SERVFAIL passed on from upstream) is in the packet's header. */
  if (rcode == 0)
    rcode = packet != NULL && packet_len >= 4 ? ((const uint8_t *)packet)[3] & 0x0f
                                              : LDNS_RCODE_SERVFAIL;
  p->rcode = rcode;
  p->sec = sec;
  if (packet != NULL && packet_len > 0 &&
      (rcode == LDNS_RCODE_NOERROR || rcode == LDNS_RCODE_NXDOMAIN)) {
    p->pkt = malloc((size_t)packet_len);
    if (p->pkt != NULL) {
      memcpy(p->pkt, packet, (size_t)packet_len);
      p->pkt_len = (size_t)packet_len;
    }
  }
  if (why_bogus != NULL)
    p->why_bogus = strdup(why_bogus);
  p->done = 1;
  p->ms = now_ms() - p->t0;
  free(t);
  p->t = NULL;
  if (p->round != NULL && --p->round->left == 0)
    event_base_loopbreak(p->round->base);
}

static void on_deadline(evutil_socket_t fd, short what, void *arg) {
  (void)fd;
  (void)what;
  event_base_loopbreak(arg);
}

void cabref_caa_query_log_free(cabref_caa_query_log *log) {
  size_t i;
  for (i = 0; i < log->n; i++) {
    free(log->q[i].name);
    free(log->q[i].why_bogus);
    free(log->q[i].final_owner);
  }
  free(log->q);
  free(log->slots);
  memset(log, 0, sizeof *log);
}

const char *cabref_caa_query_type_name(int type, char *buf, size_t cap) {
  if (type == TYPE_CAA)
    return "CAA";
  if (type == TYPE_DNAME)
    return "DNAME";
  if (type == TYPE_DS)
    return "DS";
  snprintf(buf, cap, "TYPE%d", type);
  return buf;
}

static uint64_t query_hash(const char *name, int type) {
  uint64_t h = 1469598103934665603ull ^ (uint64_t)(unsigned)type; /* FNV-1a */
  for (; *name != '\0'; name++)
    h = (h ^ (uint8_t)*name) * 1099511628211ull;
  return h;
}

/* Places query i in the log's hash index (open addressing, at most half full). */
static void index_put(cabref_caa_query_log *log, size_t i) {
  size_t m = log->n_slots - 1, h = (size_t)query_hash(log->q[i].name, log->q[i].type) & m;
  while (log->slots[h] != 0)
    h = (h + 1) & m;
  log->slots[h] = i + 1;
}

long cabref_caa_query_log_find(const cabref_caa_query_log *log, const char *name, int type) {
  size_t h, m;
  if (log->n_slots == 0)
    return -1;
  m = log->n_slots - 1;
  for (h = (size_t)query_hash(name, type) & m; log->slots[h] != 0; h = (h + 1) & m) {
    const cabref_caa_query *o = &log->q[log->slots[h] - 1];
    if (o->type == type && strcmp(o->name, name) == 0)
      return (long)(log->slots[h] - 1);
  }
  return -1;
}

/* Adds the query (name, type) unless it is there (found through a hash index, so that a request
 * of many names costs time linear in its queries). -1 when out of memory. */
static int log_add(cabref_caa_query_log *log, const char *name, int type) {
  size_t h, m;
  cabref_caa_query *q;
  if (2 * (log->n + 1) > log->n_slots) {
    size_t ns = log->n_slots ? log->n_slots * 2 : 64, i;
    size_t *sl = calloc(ns, sizeof *sl);
    if (sl == NULL)
      return -1;
    free(log->slots);
    log->slots = sl;
    log->n_slots = ns;
    for (i = 0; i < log->n; i++)
      index_put(log, i);
  }
  m = log->n_slots - 1;
  for (h = (size_t)query_hash(name, type) & m; log->slots[h] != 0; h = (h + 1) & m) {
    const cabref_caa_query *o = &log->q[log->slots[h] - 1];
    if (o->type == type && strcmp(o->name, name) == 0)
      return 0;
  }
  if (log->n == log->cap) {
    size_t nc = log->cap ? log->cap * 2 : 32;
    q = realloc(log->q, nc * sizeof *q);
    if (q == NULL)
      return -1;
    log->q = q;
    log->cap = nc;
  }
  q = &log->q[log->n];
  memset(q, 0, sizeof *q);
  if ((q->name = strdup(name)) == NULL)
    return -1;
  q->type = type;
  q->rcode = -1;
  log->slots[h] = log->n + 1;
  log->n++;
  return 0;
}

/* One round: every query with want[i] is sent; answers are gathered (libunbound works inside our
 * event loop, no thread) until all are in or the round's time is up; the rest are cancelled
 * (timeout) and their tickets kept as orphans in *orphans. */
static void round_of(struct ub_ctx *ctx, struct event_base *base, ticket **orphans,
                     const cabref_caa_query_log *log, pending *pd, const int *want,
                     unsigned timeout_ms) {
  size_t i;
  round_state rs;
  struct event *timer;
  struct timeval tv;
  rs.base = base;
  rs.left = 0;
  for (i = 0; i < log->n; i++)
    if (want[i])
      rs.left++;
  for (i = 0; i < log->n; i++) {
    ticket *t;
    if (!want[i])
      continue;
    pending_clear(&pd[i]);
    pd[i].round = &rs;
    pd[i].t0 = now_ms();
    t = calloc(1, sizeof *t);
    if (t == NULL) {
      pd[i].send_err = 1;
    } else {
      t->p = &pd[i];
      pd[i].t = t;
      if (ub_resolve_event(ctx, log->q[i].name, log->q[i].type, 1, t, on_answer, &pd[i].async_id) !=
          0) {
        free(t);
        pd[i].t = NULL;
        pd[i].send_err = 1;
      }
    }
    if (pd[i].send_err) {
      pd[i].done = 1;
      rs.left--;
    }
  }
  timer = evtimer_new(base, on_deadline, base);
  tv.tv_sec = (time_t)(timeout_ms / 1000u);
  tv.tv_usec = (suseconds_t)(timeout_ms % 1000u) * 1000;
  if (rs.left > 0 && timer != NULL && evtimer_add(timer, &tv) == 0)
    event_base_dispatch(base);
  if (timer != NULL)
    event_free(timer);
  for (i = 0; i < log->n; i++) {
    pd[i].round = NULL;
    if (want[i] && !pd[i].done) {
      ub_cancel(ctx, pd[i].async_id);
      if (pd[i].t != NULL) {
        pd[i].t->p = NULL;
        pd[i].t->next_orphan = *orphans;
        *orphans = pd[i].t;
        pd[i].t = NULL;
      }
      pd[i].done = 1;
      pd[i].timed_out = 1;
      pd[i].ms = now_ms() - pd[i].t0;
    }
  }
}

/* The answer's facts (CAA-DNS-FAILURE), before its records are read. */
static void classify(const pending *p, int validating, cabref_caa_query *q) {
  q->elapsed_ms = p->ms;
  q->dnssec = CABREF_CAA_DNSSEC_INDETERMINATE;
  q->outcome = CABREF_CAA_LOOKUP_FAILURE;
  q->rcode = -1;
  if (p->timed_out) {
    q->failure = CABREF_CAA_FAIL_TIMEOUT;
    return;
  }
  if (p->send_err) { /* the query could not be handed to the resolver */
    q->failure = CABREF_CAA_FAIL_SERVFAIL;
    return;
  }
  q->rcode = p->rcode;
  /* RFC 4035 §4.3 through the validator: secure, bogus, or (with a trust anchor loaded, which
   * for the root anchor covers every name) insecure; without one nothing is established. Only
   * an answer was validated: libunbound reports an error (SERVFAIL passed on, no answer) as "not
   * secure" too, which proves nothing; its status is found another way (dnssec_of_failures). */
  q->dnssec = p->sec == 1   ? CABREF_CAA_DNSSEC_BOGUS
              : p->sec == 2 ? CABREF_CAA_DNSSEC_SECURE
              : validating && (p->rcode == LDNS_RCODE_NOERROR || p->rcode == LDNS_RCODE_NXDOMAIN)
                  ? CABREF_CAA_DNSSEC_INSECURE
                  : CABREF_CAA_DNSSEC_INDETERMINATE;
  if (p->sec == 1) {
    q->failure = CABREF_CAA_FAIL_BOGUS;
    if (p->why_bogus != NULL)
      q->why_bogus = strdup(p->why_bogus);
    return;
  }
  switch (p->rcode) {
  case LDNS_RCODE_NOERROR:
  case LDNS_RCODE_NXDOMAIN: /* RFC 8659 §3: NXDOMAIN is an empty answer, as NODATA */
    q->outcome = CABREF_CAA_LOOKUP_EMPTY;
    q->failure = CABREF_CAA_FAIL_UNSPECIFIED;
    return;
  case LDNS_RCODE_SERVFAIL:
    q->failure = CABREF_CAA_FAIL_SERVFAIL;
    return;
  case LDNS_RCODE_REFUSED:
    q->failure = CABREF_CAA_FAIL_REFUSED;
    return;
  default:
    q->failure = CABREF_CAA_FAIL_RCODE;
    return;
  }
}

/* A name the climb can look up: not the root, and no octet that its text form must escape (a
 * CNAME to such a name is answered, but cabref cannot follow it: unmodeled, never a permit). */
static int representable(const char *t) {
  return t[0] != '\0' && strchr(t, '\\') == NULL;
}

/* The text of a domain name rdf as the zone keeps owners: lower case, without the root's dot. */
static char *name_text(const ldns_rdf *d) {
  char *s = ldns_rdf2str(d);
  size_t n, i;
  if (s == NULL)
    return NULL;
  n = strlen(s);
  if (n > 0 && s[n - 1] == '.' && !(n >= 2 && s[n - 2] == '\\'))
    s[--n] = '\0';
  for (i = 0; i < n; i++)
    if (s[i] >= 'A' && s[i] <= 'Z')
      s[i] = (char)(s[i] - 'A' + 'a');
  return s;
}

int cabref_caa_answer_read(const uint8_t *wire, size_t len, cabref_caa_query *q,
                           cabref_caa_zone *z) {
  ldns_pkt *pkt = NULL;
  ldns_rdf *cur = NULL;
  ldns_rr_list *an;
  size_t i, hops;
  int rc = 0;
  char *owner = NULL;
  q->n_records = 0;
  q->ttl = 0;
  if (wire == NULL || ldns_wire2pkt(&pkt, wire, len) != LDNS_STATUS_OK)
    return 1;
  if (ldns_pkt_get_rcode(pkt) != LDNS_RCODE_NOERROR &&
      ldns_pkt_get_rcode(pkt) != LDNS_RCODE_NXDOMAIN) { /* never "no records" from an error */
    ldns_pkt_free(pkt);
    return 1;
  }
  {
    char abs[CABREF_NAME_TEXT_BUF + 2];
    snprintf(abs, sizeof abs, "%s.", q->name); /* absolute, as the packet's owners are */
    if (ldns_str2rdf_dname(&cur, abs) != LDNS_STATUS_OK) {
      ldns_pkt_free(pkt);
      return 1;
    }
  }
  an = ldns_pkt_answer(pkt);
  /* RFC 1034 §3.6.2: the chain the resolver followed, owner by owner (at most 32 steps). */
  for (hops = 0; hops < 32; hops++) {
    ldns_rdf *next = NULL;
    for (i = 0; an != NULL && i < ldns_rr_list_rr_count(an); i++) {
      ldns_rr *rr = ldns_rr_list_rr(an, i);
      if (ldns_rr_get_type(rr) == LDNS_RR_TYPE_CNAME &&
          ldns_dname_compare(ldns_rr_owner(rr), cur) == 0 && ldns_rr_rd_count(rr) >= 1) {
        next = ldns_rr_rdf(rr, 0);
        break;
      }
    }
    if (next == NULL || q->type != TYPE_CAA)
      break;
    {
      char *o = name_text(cur), *t = name_text(next);
      if (o == NULL || t == NULL)
        rc = -1;
      else if (!representable(t))
        rc = 2;
      else if (cabref_caa_zone_add_node(z, o, 0, CABREF_CAA_NODE_CNAME, t) != CABREF_OK)
        rc = -1;
      free(o);
      free(t);
    }
    ldns_rdf_deep_free(cur);
    cur = ldns_rdf_clone(next);
    if (rc != 0 || cur == NULL)
      break;
  }
  owner = cur != NULL ? name_text(cur) : NULL;
  if (rc == 0 && owner == NULL)
    rc = -1;
  if (rc == 0) {
    int first = 1, fail = 0;
    size_t have = cabref_caa_zone_owner_set(z, owner, strlen(owner), NULL, 0, &fail);
    for (i = 0; an != NULL && i < ldns_rr_list_rr_count(an) && rc == 0; i++) {
      ldns_rr *rr = ldns_rr_list_rr(an, i);
      if (ldns_dname_compare(ldns_rr_owner(rr), cur) != 0) {
        /* A CAA record owned by a name off the chain answers another question: the answer is
         * not read as "no records at the name" (never a permit from it), but as malformed. */
        if (q->type == TYPE_CAA && ldns_rr_get_type(rr) == LDNS_RR_TYPE_CAA)
          rc = 1;
        continue;
      }
      if (q->type == TYPE_DNAME && ldns_rr_get_type(rr) == LDNS_RR_TYPE_DNAME &&
          ldns_rr_rd_count(rr) >= 1) { /* CAA-ALIAS-DNAME: a DNAME owned by the name */
        char *t = name_text(ldns_rr_rdf(rr, 0));
        if (t == NULL || cabref_caa_zone_add_node(z, owner, 0, CABREF_CAA_NODE_DNAME, t) != 0)
          rc = -1;
        free(t);
        break;
      }
      if (q->type == TYPE_CAA && ldns_rr_get_type(rr) == LDNS_RR_TYPE_CAA) {
        ldns_buffer *b = ldns_buffer_new(512);
        uint32_t ttl = ldns_rr_ttl(rr);
        q->n_records++;
        q->ttl = first || ttl < q->ttl ? ttl : q->ttl;
        first = 0;
        if (b == NULL || ldns_rr_rdata2buffer_wire(b, rr) != LDNS_STATUS_OK)
          rc = -1;
        else if (have == 0 && cabref_caa_zone_add(z, owner, ttl, 0, 0, ldns_buffer_begin(b),
                                                  ldns_buffer_position(b)) != CABREF_OK)
          rc = -1; /* records of an owner already read are not added twice */
        ldns_buffer_free(b);
      }
    }
    q->outcome = q->n_records > 0 ? CABREF_CAA_LOOKUP_RECORDS : CABREF_CAA_LOOKUP_EMPTY;
    if ((q->final_owner = strdup(owner)) == NULL)
      rc = -1;
  }
  free(owner);
  ldns_rdf_deep_free(cur);
  ldns_pkt_free(pkt);
  return rc;
}

struct cabref_caa_live {
  struct event_base *base;
  struct ub_ctx *ctx;
  ticket *orphans; /* tickets of queries given up on, freed with the context */
  unsigned timeout_ms;
  int dname_queries, validating;
};

cabref_status cabref_caa_live_open(const cabref_caa_live_opts *o, cabref_caa_live **out,
                                   cabref_error *err) {
  cabref_caa_live *s = calloc(1, sizeof *s);
  int rc;
  *out = NULL;
  if (s == NULL || (s->base = event_base_new()) == NULL ||
      (s->ctx = ub_ctx_create_event(s->base)) == NULL) {
    if (s != NULL && s->base != NULL)
      event_base_free(s->base);
    free(s);
    return CABREF_E_CAPACITY;
  }
  s->timeout_ms = o->timeout_ms ? o->timeout_ms : 5000u;
  s->dname_queries = o->dname_queries;
  rc = 0;
  if (o->resolver != NULL) {
    rc = ub_ctx_set_fwd(s->ctx, o->resolver);
    if (rc == 0) /* a resolver on a loopback address is allowed */
      rc = ub_ctx_set_option(s->ctx, "do-not-query-localhost:", "no");
  }
  if (rc == 0 && !o->no_dnssec) {
    const char *ta = o->trust_anchor;
    if (ta == NULL && access(ROOT_ANCHOR, R_OK) == 0)
      ta = ROOT_ANCHOR;
    if (ta != NULL) {
      rc = ub_ctx_add_ta_file(s->ctx, ta);
      s->validating = rc == 0;
    }
  }
  if (rc != 0) {
    memset(err, 0, sizeof *err);
    err->status = CABREF_E_IO;
    snprintf(err->file, sizeof err->file, "%s",
             o->resolver != NULL ? o->resolver : (o->trust_anchor ? o->trust_anchor : "unbound"));
    snprintf(err->message, sizeof err->message, "the resolver cannot be set up: %s",
             ub_strerror(rc));
    cabref_caa_live_close(s);
    return CABREF_E_IO;
  }
  *out = s;
  return CABREF_OK;
}

void cabref_caa_live_close(cabref_caa_live *s) {
  if (s == NULL)
    return;
  ub_ctx_delete(s->ctx);
  event_base_free(s->base);
  while (s->orphans != NULL) {
    ticket *t = s->orphans;
    s->orphans = t->next_orphan;
    free(t);
  }
  free(s);
}

/* Asks the queries log->q[from ..] (a round, then a second for those that failed) and writes
 * what came back into z. */
static cabref_status ask_range(cabref_caa_live *s, cabref_caa_query_log *log, size_t from,
                               cabref_caa_zone *z) {
  pending *pd = NULL;
  int *want = NULL;
  size_t i;
  cabref_status st = CABREF_OK;
  pd = calloc(log->n, sizeof *pd);
  want = calloc(log->n, sizeof *want);
  if (pd == NULL || want == NULL) {
    st = CABREF_E_CAPACITY;
    goto done;
  }
  for (i = from; i < log->n; i++)
    want[i] = 1;
  round_of(s->ctx, s->base, &s->orphans, log, pd, want, s->timeout_ms);
  /* BR 3.2.2.8: a failure counts only after at least one retry. */
  for (i = from; i < log->n; i++) {
    cabref_caa_query probe;
    memset(&probe, 0, sizeof probe);
    classify(&pd[i], log->validating, &probe);
    free(probe.why_bogus);
    probe.why_bogus = NULL;
    log->q[i].tries = 1;
    want[i] = probe.outcome == CABREF_CAA_LOOKUP_FAILURE;
  }
  round_of(s->ctx, s->base, &s->orphans, log, pd, want, s->timeout_ms);
  for (i = from; i < log->n && st == CABREF_OK; i++) {
    cabref_caa_query *q = &log->q[i];
    int r = 0;
    q->tries += want[i];
    classify(&pd[i], log->validating, q);
    if (q->outcome == CABREF_CAA_LOOKUP_EMPTY) {
      r = pd[i].pkt != NULL ? cabref_caa_answer_read(pd[i].pkt, pd[i].pkt_len, q, z) : 1;
      if (r == 1 || r == 2) {
        q->outcome = CABREF_CAA_LOOKUP_FAILURE;
        q->failure = r == 1 ? CABREF_CAA_FAIL_MALFORMED : CABREF_CAA_FAIL_UNMODELED;
        r = 0;
      }
    }
    if (r < 0) {
      st = CABREF_E_CAPACITY;
      break;
    }
    if (q->type != TYPE_CAA)
      continue;
    if (q->outcome == CABREF_CAA_LOOKUP_FAILURE &&
        cabref_caa_zone_add(z, q->name, 0, 0, 1, NULL, 0) != CABREF_OK)
      st = CABREF_E_CAPACITY;
    else if (cabref_caa_zone_set_status(z, q->name, q->dnssec, q->failure) != CABREF_OK)
      st = CABREF_E_CAPACITY;
    else if (q->final_owner != NULL && strcmp(q->final_owner, q->name) != 0 &&
             cabref_caa_zone_set_status(z, q->final_owner, q->dnssec, 0) != CABREF_OK)
      st = CABREF_E_CAPACITY; /* the chain's end was validated with the same answer */
  }
done:
  for (i = 0; pd != NULL && i < log->n; i++)
    pending_clear(&pd[i]);
  free(pd);
  free(want);
  return st;
}

/* CAA-DNS-FAILURE: the DNSSEC status of a name whose CAA lookup failed. The failed answer proves
 * nothing, so the validator is asked for the DS records of the name and of each of its ancestors,
 * all at once; the nearest of them that was answered (NOERROR or NXDOMAIN) gives the status:
 * insecure there means the name lies at or below a delegation the validator found provably
 * unsigned (RFC 4035 §4.3, "Insecure"); secure or bogus there, or no answer at all, leaves the
 * name indeterminate (never read as Insecure). The DS queries are in the log, for the report. */
static cabref_status dnssec_of_failures(cabref_caa_live *s, cabref_caa_query_log *log,
                                        cabref_caa_zone *z) {
  size_t n0 = log->n, i, from = log->n;
  cabref_status st;
  for (i = 0; i < n0; i++) {
    const char *nm = log->q[i].name;
    if (log->q[i].type != TYPE_CAA || log->q[i].outcome != CABREF_CAA_LOOKUP_FAILURE ||
        log->q[i].dnssec != CABREF_CAA_DNSSEC_INDETERMINATE)
      continue;
    for (; nm != NULL && *nm != '\0'; nm = strchr(nm, '.') ? strchr(nm, '.') + 1 : NULL)
      if (log_add(log, nm, TYPE_DS) != 0)
        return CABREF_E_CAPACITY;
  }
  if (log->n == from)
    return CABREF_OK;
  if ((st = ask_range(s, log, from, z)) != CABREF_OK)
    return st;
  for (i = 0; i < n0; i++) {
    cabref_caa_query *q = &log->q[i];
    const char *nm = q->name;
    size_t k;
    if (q->type != TYPE_CAA || q->outcome != CABREF_CAA_LOOKUP_FAILURE ||
        q->dnssec != CABREF_CAA_DNSSEC_INDETERMINATE)
      continue;
    for (; nm != NULL && *nm != '\0'; nm = strchr(nm, '.') ? strchr(nm, '.') + 1 : NULL) {
      long x = cabref_caa_query_log_find(log, nm, TYPE_DS);
      if (x < 0 || log->q[x].outcome == CABREF_CAA_LOOKUP_FAILURE)
        continue; /* not answered: the next ancestor up */
      if (log->q[x].dnssec == CABREF_CAA_DNSSEC_INSECURE)
        q->dnssec = CABREF_CAA_DNSSEC_INSECURE;
      break;
    }
    for (k = 0; k < z->n_status; k++) /* what the zone says of the name follows */
      if (strcmp(z->status[k].owner, q->name) == 0)
        z->status[k].dnssec = (uint8_t)q->dnssec;
  }
  return CABREF_OK;
}

cabref_status cabref_caa_live_gather(cabref_caa_live *s, const char *const *names,
                                     const size_t *lens, size_t n, cabref_caa_zone *z,
                                     cabref_caa_query_log *log) {
  size_t k, from = 0;
  unsigned phase;
  cabref_status st = CABREF_OK;
  memset(log, 0, sizeof *log);
  log->validating = s->validating;
  /* RFC 8659 §3: the name (X for *.X) and every parent up to the TLD, each asked once. */
  for (k = 0; k < n; k++) {
    char text[CABREF_NAME_TEXT_BUF];
    cabref_name nm;
    size_t pos, l;
    if (cabref_name_from_text(names[k], lens[k],
                              CABREF_NAME_ALLOW_WILDCARD | CABREF_NAME_ALLOW_TRAILING_DOT, text,
                              sizeof text, &nm, &pos) != CABREF_NAME_OK)
      continue; /* the evaluation reports it */
    text[nm.text_len] = '\0';
    for (l = nm.wildcard ? 1u : 0u; l < nm.n_labels; l++) {
      if (log_add(log, text + nm.labels[l].off, TYPE_CAA) != 0 ||
          (s->dname_queries && log_add(log, text + nm.labels[l].off, TYPE_DNAME) != 0))
        return CABREF_E_CAPACITY;
    }
  }
  /* CAA-ALIAS-DNAME: the RFC 6844 rules use the set of a DNAME's target when the DNAME is owned
   * by a name of the climb; the resolver does not follow such a DNAME for a CAA query at its
   * owner, so its target is asked next, and so on along the chain (at most 16 steps). */
  for (phase = 0; st == CABREF_OK && from < log->n && phase <= CABREF_CAA_MAX_ALIAS_HOPS; phase++) {
    size_t to = log->n, j;
    st = ask_range(s, log, from, z);
    for (j = 0; st == CABREF_OK && j < z->n_nodes; j++) {
      const cabref_caa_zone_node *nd = &z->nodes[j];
      if (nd->kind != CABREF_CAA_NODE_DNAME || nd->target == NULL ||
          cabref_caa_query_log_find(log, nd->target, TYPE_CAA) >= 0)
        continue;
      if (log_add(log, nd->target, TYPE_CAA) != 0 ||
          (s->dname_queries && log_add(log, nd->target, TYPE_DNAME) != 0))
        st = CABREF_E_CAPACITY;
    }
    from = to;
  }
  if (st == CABREF_OK && s->validating)
    st = dnssec_of_failures(s, log, z);
  return st;
}
