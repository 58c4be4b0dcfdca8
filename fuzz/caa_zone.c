/* libFuzzer target: the shell's zone reader (ref/shell/caa_zone.c, through ldns), the printer
 * (ref/shell/caa_print.c) and the evaluation of names against the zone read.
 *
 * Requirements: CAA-RDATA-TOTAL, CAA-RELEVANT, CAA-MULTI-NAME, CAA-CAPACITY, CAA-ZONE-ALIAS,
 * CAA-ALIAS-CNAME, CAA-ALIAS-CHAIN. The
 * records' octets are not compared with what the zone text says (caa_ldns_diff compares the shell
 * with ldns).
 *
 * The input is a master file, copied into an exactly sized heap buffer so that ASan reports any
 * read past its end. The reader must never crash; on error the status is one the header names
 * and the error carries a line inside the text and a message. Every CAA record collected (also
 * those before an error) must have its RDATA inside the zone's buffer, at most 65535 octets, a
 * line inside the text, a lower-case owner without a trailing dot; the core's RDATA parser gives
 * it a status (the generic form "\# N hex" may carry any octets, which the core then judges);
 * the canonical text of it read back by the shell gives the same octets. Then every owner (and
 * "*." before it, and a child "x." of it) is evaluated under a fixed configuration, the three as
 * one certificate (the owners of other records too): a name the shell accepts must find the
 * set a climb done here finds (from X for X and *.X, up to the TLD, each lookup answered as a
 * resolver would from the file: CNAMEs followed, DNAME substitution, RFC 4592 wildcard synthesis,
 * at most 16 aliases; CAA-ZONE-ALIAS, CAA-ALIAS-CNAME, CAA-ALIAS-CHAIN) with all its records, or
 * none when the climb finds none, or the lookup failure with its kind, never a permit then,
 * the decision must cover every record of that set, and the certificate is permitted iff every
 * name is.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/caa_shell.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

static cabref_caa_config cfg;

static void init(void) {
  memset(&cfg, 0, sizeof cfg);
  cfg.profile = CABREF_CAA_PROFILE_RFC8659;
  CHECK(cabref_caa_config_add_issuer(&cfg, "ca.example") == 0);
  CHECK(cabref_caa_config_add_tag(&cfg, "issuemail") == 0);
  CHECK(cabref_caa_config_set_account(&cfg, "https://ca.example/acct/1") == 0);
  CHECK(cabref_caa_config_set_method(&cfg, "dns-01") == 0);
  cfg.rfc8657 = 1;
}

/* Records of the zone owned by o. */
static size_t owned(const cabref_caa_zone *z, const char *o) {
  size_t k, c = 0;
  for (k = 0; k < z->n; k++)
    c += strcmp(z->rrs[k].owner, o) == 0;
  return c;
}

/* The owner string of the zone equal to o (records exist). */
static const char *owned_name(const cabref_caa_zone *z, const char *o) {
  size_t k;
  for (k = 0; k < z->n; k++)
    if (strcmp(z->rrs[k].owner, o) == 0)
      return z->rrs[k].owner;
  return NULL;
}

/* owner is d or a descendant of d (d follows an unescaped dot of owner). */
static int at_or_below(const char *owner, const char *d) {
  const char *p;
  if (strcmp(owner, d) == 0)
    return 1;
  for (p = owner; *p != '\0'; p++) {
    if (*p == '\\' && p[1] != '\0')
      p++;
    else if (*p == '.' && strcmp(p + 1, d) == 0)
      return 1;
  }
  return 0;
}

/* The name exists in the file's tree (an owner at or below it, RFC 4592 §2.2.2). */
static int exists(const cabref_caa_zone *z, const char *d) {
  size_t k;
  for (k = 0; k < z->n; k++)
    if (at_or_below(z->rrs[k].owner, d))
      return 1;
  for (k = 0; k < z->n_nodes; k++)
    if (at_or_below(z->nodes[k].owner, d))
      return 1;
  return 0;
}

/* The target of the first alias record of this kind at exactly o (file order), or NULL. */
static const char *alias_at(const cabref_caa_zone *z, const char *o, int kind) {
  size_t k;
  for (k = 0; k < z->n_nodes; k++)
    if (z->nodes[k].kind == kind && strcmp(z->nodes[k].owner, o) == 0)
      return z->nodes[k].target;
  return NULL;
}

/* CAA-ZONE-ALIAS, CAA-ALIAS-CNAME, CAA-ALIAS-CHAIN, as a twin under the RFC 8659 rules: what a
 * resolver answers for CAA at `name` from the file, after `hops` aliases. Returns 1 (records,
 * *owner the owner holding them), 0 (empty) or 2 (failure, kind in *why). The name is a copy the
 * twin may keep no pointer to. */
static int twin_lookup(const cabref_caa_zone *z, const char *name, unsigned hops,
                       const char **owner, int *why) {
  char key[600], ce[300] = "";
  const char *p, *dn = NULL, *t;
  size_t at = 0;
  /* RFC 6672 §2.3: the highest DNAME above the name redirects it. */
  for (p = name; *p != '\0'; p++) {
    if (*p == '\\' && p[1] != '\0') {
      p++;
    } else if (*p == '.' && p[1] != '\0' && (t = alias_at(z, p + 1, CABREF_CAA_NODE_DNAME))) {
      dn = t;
      at = (size_t)(p - name);
    }
  }
  if (dn != NULL) {
    snprintf(key, sizeof key, "%.*s%s%s", (int)at, name, dn[0] ? "." : "", dn);
    if (strlen(key) > 253) {
      *why = CABREF_CAA_FAIL_RCODE;
      return 2;
    }
    if (hops == CABREF_CAA_MAX_ALIAS_HOPS) {
      *why = CABREF_CAA_FAIL_ALIAS_CHAIN;
      return 2;
    }
    return twin_lookup(z, key, hops + 1, owner, why);
  }
  snprintf(key, sizeof key, "%s", name);
  if (!exists(z, name)) {
    /* RFC 4592 §3.3.1: the wildcard at the closest encloser */
    for (p = name; *p != '\0'; p++) {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '.' && p[1] != '\0' && exists(z, p + 1)) {
        snprintf(ce, sizeof ce, "%s", p + 1);
        break;
      }
    }
    snprintf(key, sizeof key, ce[0] ? "*.%s" : "*", ce);
    if (!exists(z, key))
      return 0;
    if (alias_at(z, key, CABREF_CAA_NODE_DNAME) != NULL) {
      *why = CABREF_CAA_FAIL_UNMODELED;
      return 2;
    }
  }
  if ((t = alias_at(z, key, CABREF_CAA_NODE_CNAME)) != NULL) {
    char next[300];
    if (hops == CABREF_CAA_MAX_ALIAS_HOPS) {
      *why = CABREF_CAA_FAIL_ALIAS_CHAIN;
      return 2;
    }
    snprintf(next, sizeof next, "%s", t);
    return twin_lookup(z, next, hops + 1, owner, why);
  }
  if (owned(z, key) == 0)
    return 0;
  *owner = owned_name(z, key);
  return 1;
}

/* CAA-RELEVANT over those lookups: for "*.X" start at X; the first of the name and its parents
 * (up to the TLD) whose lookup is not empty. Returns that name of the climb (NULL when all are
 * empty); *fail is 1 when its lookup failed (kind in *why), else *owner holds the set. */
static const char *climb(const cabref_caa_zone *z, const char *name, int *fail, int *why,
                         const char **owner) {
  const char *d = name;
  if (d[0] == '*' && d[1] == '.')
    d += 2;
  *fail = 0;
  for (;;) {
    const char *dot;
    int o = twin_lookup(z, d, 0, owner, why);
    if (o != 0) {
      *fail = o == 2;
      return d;
    }
    dot = strchr(d, '.');
    if (dot == NULL)
      return NULL;
    d = dot + 1;
  }
}

/* The names of one certificate, evaluated together (CAA-MULTI-NAME). */
static void eval_names(const cabref_caa_zone *z, const char *const *names, size_t n) {
  cabref_caa_name_eval e[3];
  size_t lens[3], k, j;
  int all, r;
  for (k = 0; k < n; k++)
    lens[k] = strlen(names[k]);
  memset(e, 0, sizeof e);
  r = cabref_caa_zone_eval(z, names, lens, n, &cfg, e);
  if (r < 0) {
    for (k = 0; k < n; k++)
      cabref_caa_name_eval_free(&e[k]);
    return; /* out of memory */
  }
  all = 1;
  for (k = 0; k < n; k++) {
    const cabref_caa_name_eval *x = &e[k];
    CHECK(cabref_caa_name_result_code(x) != NULL);
    if (x->error != 0) {
      all = 0;
      continue;
    }
    CHECK(x->res.result <= CABREF_CAA_NAME_ONION_EXEMPT);
    all &= x->res.result == CABREF_CAA_NAME_PERMIT || x->res.result == CABREF_CAA_NAME_ONION_EXEMPT;
    if (x->has_owner)
      CHECK(x->owner_off <= x->text_len);
    if (x->res.result != CABREF_CAA_NAME_ONION_EXEMPT) {
      int fail = 0, why = 0;
      const char *own = NULL;
      const char *w = climb(z, x->text, &fail, &why, &own);
      size_t wl = w != NULL ? strlen(w) : 0;
      int same_at = w != NULL && x->has_owner && x->text_len - x->owner_off == wl &&
                    memcmp(x->text + x->owner_off, w, wl) == 0;
      if (w == NULL   ? x->lookup != CABREF_CAA_RELEVANT_NONE || x->n_set != 0
          : fail != 0 ? !(x->lookup == CABREF_CAA_RELEVANT_FAILURE && same_at &&
                          x->failure == why && x->failure_owner != NULL && x->n_set == 0)
                      : !(x->lookup == CABREF_CAA_RELEVANT_FOUND && same_at &&
                          x->relevant_owner != NULL && strcmp(x->relevant_owner, own) == 0 &&
                          x->n_set == owned(z, own) && x->n_chain >= 1)) {
        fprintf(stderr,
                "%s: lookup at %s, relevant owner %s (lookup %d, failure %d), want %s, %s (failure "
                "%d)\n",
                names[k], x->has_owner ? x->text + x->owner_off : "(none)",
                x->relevant_owner ? x->relevant_owner : "(none)", x->lookup, x->failure,
                w != NULL ? w : "(none)", own ? own : "(none)", fail ? why : 0);
        abort();
      }
      /* a lookup failure is never a permit */
      if (fail)
        CHECK(x->res.result == CABREF_CAA_NAME_LOOKUP_FAILURE);
    }
    if (x->lookup == CABREF_CAA_RELEVANT_FOUND && x->has_verdicts) {
      const char *owner = x->relevant_owner;
      size_t olen = owner != NULL ? strlen(owner) : 0;
      CHECK(x->has_owner && x->n_set >= 1);
      for (j = 0; j < x->n_set; j++) {
        const cabref_caa_zone_rr *rr;
        CHECK(x->idx[j] < z->n);
        rr = &z->rrs[x->idx[j]];
        CHECK(rr->failure == 0 && strlen(rr->owner) == olen && memcmp(rr->owner, owner, olen) == 0);
      }
      if (x->n_set > CABREF_CAA_MAX_RECORDS)
        CHECK(x->d.permit == 0 && x->d.reason == CABREF_CAA_DENY_CAPACITY);
      else
        CHECK(x->d.n == x->n_set);
      CHECK(x->d.permit == (x->res.result == CABREF_CAA_NAME_PERMIT));
    }
  }
  CHECK(r == all);
  for (k = 0; k < n; k++)
    cabref_caa_name_eval_free(&e[k]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text;
  cabref_caa_zone z;
  cabref_error err;
  cabref_status st;
  unsigned long lines = 1;
  size_t k;

  if (cfg.n_issuers == 0)
    init();
  text = malloc(size > 0 ? size : 1);
  CHECK(text != NULL);
  if (size > 0)
    memcpy(text, data, size);
  for (k = 0; k < size; k++)
    lines += text[k] == '\n';

  cabref_caa_zone_init(&z);
  memset(&err, 0, sizeof err);
  st = cabref_caa_zone_parse(text, size, "fuzz.zone", &z, &err);
  if (st != CABREF_OK) {
    CHECK(st == CABREF_E_SYNTAX || st == CABREF_E_NUL || st == CABREF_E_TOO_LONG ||
          st == CABREF_E_CAPACITY);
    CHECK(err.status == st);
    if (st != CABREF_E_CAPACITY)
      CHECK(err.line >= 1 && err.line <= lines);
    CHECK(memchr(err.message, '\0', sizeof err.message) != NULL && err.message[0] != '\0');
  }
  CHECK(z.n <= z.all_rrs);
  for (k = 0; k < z.n; k++) {
    const cabref_caa_zone_rr *r = &z.rrs[k];
    cabref_caa_record rec;
    size_t pos, j, on = 0;
    cabref_caa_rdata_error e;
    char *t;
    uint8_t *back;
    cabref_error perr;
    CHECK(r->failure == 0);
    CHECK(r->owner != NULL);
    for (j = 0; r->owner[j] != '\0'; j++)
      CHECK(!(r->owner[j] >= 'A' && r->owner[j] <= 'Z'));
    CHECK(j == 0 || r->owner[j - 1] != '.' || (j >= 2 && r->owner[j - 2] == '\\'));
    CHECK(r->line >= 1 && r->line <= lines);
    CHECK(r->rr.len <= CABREF_CAA_MAX_RDATA);
    CHECK((size_t)r->rr.off + r->rr.len <= z.len);
    e = cabref_caa_rdata_parse(z.buf + r->rr.off, r->rr.len, &rec, &pos);
    CHECK(e <= CABREF_CAA_RDATA_TOO_LONG);
    /* The canonical text, read back by the shell. */
    t = cabref_caa_print_alloc(z.buf + r->rr.off, r->rr.len);
    if (t == NULL)
      continue; /* out of memory */
    back = malloc(CABREF_CAA_MAX_RDATA);
    CHECK(back != NULL);
    if (cabref_caa_rdata_from_text(t, strlen(t), back, CABREF_CAA_MAX_RDATA, &on, &perr) !=
            CABREF_OK ||
        on != r->rr.len || (on > 0 && memcmp(back, z.buf + r->rr.off, on) != 0)) {
      fprintf(stderr, "printed record does not read back: %s\n", t);
      abort();
    }
    free(back);
    free(t);
  }
  /* Every owner (at most 8 CAA owners and 8 others, to bound the time), as is, as a wildcard
   * and a child, as the three names of one certificate. */
  for (k = 0; k < 16; k++) {
    const char *o = k < 8 && k < z.n              ? z.rrs[k].owner
                    : k >= 8 && k - 8 < z.n_nodes ? z.nodes[k - 8].owner
                                                  : NULL;
    if (o == NULL)
      continue;
    size_t ol = strlen(o);
    char *wild = malloc(ol + 3), *child = malloc(ol + 3);
    const char *names[3];
    CHECK(wild != NULL && child != NULL);
    if (ol == 0) {
      free(wild);
      free(child);
      continue; /* the root owns no relevant set: the climb stops at the TLD */
    }
    memcpy(wild, "*.", 2);
    memcpy(wild + 2, o, ol + 1);
    memcpy(child, "x.", 2);
    memcpy(child + 2, o, ol + 1);
    names[0] = o;
    names[1] = wild;
    names[2] = child;
    eval_names(&z, names, 3);
    free(wild);
    free(child);
  }
  cabref_caa_zone_free(&z);
  free(text);
  return 0;
}
