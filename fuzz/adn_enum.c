/* cabref fuzz target: ADN candidate enumeration (spec/adn.md ADN-CAND-SET, ADN-CAND-ORDER,
 * ADN-CAND-LIMIT, ADN-WILDCARD, ADN-BDN, ADN-SPEC13, ADN-COVERS, ADN-DNS-PREFIX), the CNAME
 * target's enumeration (ADN-CNAME) and the method table's invariants (ADN-METHOD-STATUS,
 * ADN-METHOD-INTRO, ADN-METHOD-SUNSET, ADN-METHOD-DISCOURAGED, ADN-METHOD-EXACT, ADN-METHOD-CNAME,
 * ADN-EMAIL, ADN-PORTS). Input: byte 0 = public-suffix
 * label count (taken modulo n_labels + 2, so that out-of-range counts are tried), byte 1 = flags
 * (bit 0 spec13, bit 1 exact, bits 2-6 a method), bytes 2-9 = an instant, the rest = the name.
 * Checks the C twins of the contracts: every candidate is a label-suffix of the stripped FQDN,
 * longer than the suffix unless it is the Spec 13 gTLD; strictly increasing (each once, longest
 * first); every such suffix is listed; the count matches; the BDN is the last candidate; every
 * candidate covers the name and nothing else does; a "_x." prefix of a candidate is a DNS Change
 * location.
 * A name holding '|' is "NAME|TARGET" instead: the shell's whole answer (cabref_adn_json, on the
 * pinned PSL snapshot vectors/psl/public_suffix_list.dat or $CABREF_PSL_FILE, BR default options)
 * for NAME with the CNAME target TARGET and the method of byte 1 is checked against the ADN
 * definition (see check_cname): the target's own candidates down to its own BDN, a wildcard or
 * refused target reported as an error, and a method's ADNs = the name's, then the target's
 * (marked "cname") only when the method may use CNAME-derived ADNs; a requested name the BR keeps
 * out of certificates is refused instead, as a twin says (ADN-TRAILING-DOT: the converted text
 * ends in the root label's dot; ADN-INTERNAL-NAME: a special-use TLD, a TLD no ICANN node of the
 * table starts with, home.arpa; ADN-REVERSE-ZONE: in-addr.arpa / ip6.arpa from 2026-03-15). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cabref/adn.h"
#include "cabref/adn_shell.h"
#include "cabref/name_idn.h"

#define CHECK(c)                                                                                   \
  do {                                                                                             \
    if (!(c))                                                                                      \
      abort();                                                                                     \
  } while (0)

static int is_candidate(unsigned n, unsigned st, unsigned s, int spec13, unsigned k) {
  return s >= 1 && st <= k && k < n && (n - k > s || (spec13 && k == n - 1));
}

static cabref_instant input_instant(const uint8_t *data, size_t size) {
  uint64_t u = 0;
  size_t i;
  for (i = 2; i < 10 && i < size; i++)
    u = (u << 8) | data[i];
  return (cabref_instant)(u % 400000000u) + 1400000000; /* 2014 .. 2026 mostly */
}

static void check_methods(const uint8_t *data, size_t size) {
  cabref_adn_rules r;
  cabref_instant t = input_instant(data, size);
  uint32_t m = size > 1 ? (uint32_t)((data[1] >> 2) & 0x1f) : 0;
  if (cabref_adn_method_rules(m, t, &r) != CABREF_OK) {
    CHECK(m < 1 || m > CABREF_ADN_METHOD_MAX);
    return;
  }
  CHECK(r.method == m);
  CHECK(r.status == (t < r.introduced     ? CABREF_ADN_NOT_DEFINED
                     : t >= r.sunset      ? CABREF_ADN_RETIRED
                     : t >= r.discouraged ? CABREF_ADN_DISCOURAGED
                                          : CABREF_ADN_ALLOWED));
  if (r.status == CABREF_ADN_NOT_DEFINED || r.status == CABREF_ADN_RETIRED)
    CHECK(!r.wildcard && !r.prune && !r.cname && !r.prefix && !r.constructed_email &&
          !r.authorized_ports);
  CHECK(r.wildcard == r.prune);
  CHECK(!r.cname || r.prune);
  CHECK(!r.constructed_email || m == 4);
  if (m == 22)
    CHECK(!r.cname);
  CHECK(cabref_adn_authorized_port(115, t) ==
        (t >= CABREF_ADN_T_BALLOT_169 && t < CABREF_ADN_T_BALLOT_190));
}

/* ---- ADN-TRAILING-DOT, ADN-INTERNAL-NAME, ADN-REVERSE-ZONE, as a twin ----------------------- */

/* Some node of the table with an ICANN rule has the top-level label tld (a scan, not the
 * shell's index). */
static int twin_delegated(const cabref_psl_table *t, const char *tld, size_t len) {
  uint32_t r;
  for (r = 0; r < t->n_nodes; r++) {
    const cabref_psl_node *nd = &t->nodes[r];
    const cabref_psl_span *sp = &t->spans[nd->labels];
    if ((nd->normal_icann || nd->wild_icann || nd->exc_icann) && sp->len == len &&
        memcmp(t->pool + sp->off, tld, len) == 0)
      return 1;
  }
  return 0;
}

/* The name text (lower-case A-labels) is suffix or ends in "." suffix. */
static int twin_under(const char *name, size_t n, const char *suffix) {
  size_t sl = strlen(suffix);
  return n >= sl && memcmp(name + n - sl, suffix, sl) == 0 && (n == sl || name[n - sl - 1] == '.');
}

static const char *twin_refusal(const cabref_psl_list *l, const char *text, size_t len,
                                const cabref_adn_view *v, cabref_instant at) {
  static const char *const special[] = {"test",  "localhost", "invalid", "example",
                                        "local", "alt",       "internal"};
  const cabref_label *tld = &v->name.labels[v->name.n_labels - 1];
  size_t k, n = v->name.text_len;
  /* The root label's dot as the shell's one conversion (NAME-IDN) leaves it: a '.', a full stop
   * the IDNA mapping turns into one, or a dot followed by what the mapping deletes (U+FE0A). The
   * conversion itself is checked against libidn2 by fuzz/name_idn; here, the rule on its output. */
  {
    char conv[CABREF_NAME_TEXT_BUF];
    size_t cl = 0, cpos = 0;
    if (cabref_name_to_ascii(text, len, conv, sizeof conv, &cl, &cpos) == CABREF_NAME_OK &&
        cl > 0 && conv[cl - 1] == '.')
      return "trailing-dot";
  }
  for (k = 0; k < sizeof special / sizeof special[0]; k++)
    if (strlen(special[k]) == tld->len && memcmp(special[k], v->text + tld->off, tld->len) == 0)
      return "internal-name";
  if (!twin_delegated(&l->table, v->text + tld->off, tld->len) ||
      twin_under(v->text, n, "home.arpa"))
    return "internal-name";
  /* 2026-03-15T00:00:00Z = 1773532800 (20527 days). */
  if (at >= (cabref_instant)1773532800 &&
      (twin_under(v->text, n, "in-addr.arpa") || twin_under(v->text, n, "ip6.arpa")))
    return "reverse-zone";
  return NULL;
}

/* ---- ADN-CNAME, through the shell (cabref_adn_json) on the pinned PSL snapshot -------------- */

static cabref_psl_list *snapshot;

static int same(json_t *j, const char *want) {
  const char *got = json_string_value(j);
  return got != NULL && strcmp(got, want) == 0;
}

/* Input "NAME|TARGET" after the 10 header bytes: the name with TARGET as its CNAME target, the
 * method of byte 1 (none when not 1..22) at the instant of bytes 2-9, the BR default PSL options,
 * no Spec 13 list. The answer must be, by the ADN definition (spec/adn.md ADN-CNAME, with
 * ADN-CAND-SET and ADN-METHOD-CNAME): the target's candidates are exactly its label-suffixes with
 * more labels than its own public suffix, longest first, its BDN the last of them; a refused
 * target or a wildcard target is an error beside the answered name; and a method's ADNs are the
 * name's (all candidates when the method prunes, else the FQDN) followed, only when the method
 * may use CNAME-derived ADNs, by the target's, marked "cname". */
static void check_cname(const uint8_t *data, size_t size, const char *text, size_t len,
                        size_t bar) {
  cabref_adn_request rq;
  cabref_adn_view *v, *cv;
  cabref_adn_rules r;
  json_t *o, *c;
  char *target;
  unsigned n, nt, st, s, st_t = 0, k;
  size_t idx = 0;
  int ce, target_ok = 0;
  uint32_t m = (uint32_t)((data[1] >> 2) & 0x1f);
  if (snapshot == NULL) {
    const char *path = getenv("CABREF_PSL_FILE");
    cabref_error err;
    if (path == NULL || path[0] == '\0')
      path = "vectors/psl/public_suffix_list.dat";
    if (cabref_psl_load_file(path, &snapshot, &err) != CABREF_OK)
      abort();
  }
  target = malloc(len - bar);
  v = malloc(sizeof *v);
  cv = malloc(sizeof *cv);
  if (target == NULL || v == NULL || cv == NULL) {
    free(target);
    free(v);
    free(cv);
    return;
  }
  memcpy(target, text + bar + 1, len - bar - 1);
  target[len - bar - 1] = '\0'; /* the shell takes the target as a C string */
  memset(&rq, 0, sizeof rq);
  rq.cname = target;
  rq.has_method = m >= 1 && m <= CABREF_ADN_METHOD_MAX;
  rq.method = m;
  rq.at = input_instant(data, size);
  o = cabref_adn_json(snapshot, 0, NULL, text, bar, &rq);
  CHECK(o != NULL);
  if (cabref_adn_view_text(&snapshot->table, 0, NULL, text, bar, v) != 0) {
    CHECK(json_object_get(o, "error") != NULL && json_object_get(o, "cname") == NULL);
    goto done;
  }
  {
    /* ADN-TRAILING-DOT, ADN-INTERNAL-NAME, ADN-REVERSE-ZONE: the refusal a twin expects. */
    const char *want = twin_refusal(snapshot, text, bar, v, rq.at);
    if (want != NULL) {
      CHECK(same(json_object_get(o, "error"), want) && json_object_get(o, "cname") == NULL);
      goto done;
    }
    CHECK(json_object_get(o, "error") == NULL);
  }
  c = json_object_get(o, "cname");
  CHECK(c != NULL);
  ce = cabref_adn_view_text(&snapshot->table, 0, NULL, target, strlen(target), cv);
  if (ce != 0) {
    CHECK(same(json_object_get(c, "error"), cabref_adn_error_code(ce)));
  } else if (cv->name.wildcard) {
    CHECK(same(json_object_get(c, "error"), "bad-wildcard")); /* a CNAME target is an FQDN */
  } else {
    json_t *ca = json_object_get(c, "candidates"), *bdn = json_object_get(c, "bdn");
    nt = cv->name.n_labels;
    st_t = cv->match.suffix_labels;
    CHECK(json_object_get(c, "error") == NULL);
    for (k = 0; k < nt; k++) {
      if (!is_candidate(nt, 0, st_t, 0, k))
        continue;
      CHECK(same(json_array_get(ca, idx), cabref_adn_view_candidate(cv, (uint8_t)k)));
      idx++;
    }
    CHECK(json_array_size(ca) == idx);
    if (st_t >= 1 && nt > st_t)
      CHECK(same(bdn, cabref_adn_view_candidate(cv, (uint8_t)(nt - st_t - 1))));
    else
      CHECK(json_is_null(bdn));
    target_ok = 1;
  }
  if (rq.has_method && cabref_adn_method_rules(m, rq.at, &r) == CABREF_OK) {
    json_t *adns = json_object_get(o, "adns");
    int fits = (r.status == CABREF_ADN_ALLOWED || r.status == CABREF_ADN_DISCOURAGED) &&
               (!v->name.wildcard || r.wildcard);
    n = v->name.n_labels;
    st = v->name.wildcard ? 1u : 0u;
    s = v->match.suffix_labels;
    idx = 0;
    for (k = 0; fits && k < n; k++) {
      json_t *e;
      if (!is_candidate(n, st, s, 0, k) || (!r.prune && k != st))
        continue;
      e = json_array_get(adns, idx++);
      CHECK(same(json_object_get(e, "adn"), cabref_adn_view_candidate(v, (uint8_t)k)) &&
            same(json_object_get(e, "via"), "fqdn"));
    }
    for (k = 0; fits && target_ok && r.cname && k < cv->name.n_labels; k++) {
      json_t *e;
      if (!is_candidate(cv->name.n_labels, 0, st_t, 0, k) || (!r.prune && k != 0))
        continue;
      e = json_array_get(adns, idx++);
      CHECK(same(json_object_get(e, "adn"), cabref_adn_view_candidate(cv, (uint8_t)k)) &&
            same(json_object_get(e, "via"), "cname"));
    }
    CHECK(json_array_size(adns) == idx);
  }
done:
  json_decref(o);
  free(target);
  free(v);
  free(cv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cabref_name nm, cn;
  uint8_t starts[CABREF_NAME_MAX_LABELS], seen[CABREF_NAME_MAX_LABELS], bdn;
  size_t count = 0, pos, i, len;
  unsigned n, st, s, k, want = 0;
  int spec13, exact;
  char *text, *q;
  cabref_status rc;

  check_methods(data, size);
  if (size < 10)
    return 0;
  spec13 = data[1] & 1;
  exact = (data[1] >> 1) & 1;
  len = size - 10;
  text = malloc(len ? len : 1); /* an exactly sized copy */
  if (text == NULL)
    return 0;
  memcpy(text, data + 10, len);
  if (len > 0 && memchr(text, '|', len) != NULL) {
    check_cname(data, size, text, len, (size_t)((char *)memchr(text, '|', len) - text));
    free(text);
    return 0;
  }
  if (cabref_name_parse(text, len, CABREF_NAME_ALLOW_WILDCARD | CABREF_NAME_ALLOW_TRAILING_DOT, &nm,
                        &pos) != CABREF_NAME_OK) {
    free(text);
    return 0;
  }
  n = nm.n_labels;
  st = nm.wildcard ? 1u : 0u;
  s = data[0] % (n + 2u);
  rc = cabref_adn_candidates(&nm, (uint8_t)s, spec13, starts, sizeof starts, &count);
  if (n - st < 1 || s > n - st) {
    CHECK(rc == CABREF_E_RANGE);
    CHECK(cabref_adn_bdn(&nm, (uint8_t)s, spec13, &bdn) == CABREF_E_RANGE);
    free(text);
    return 0;
  }
  CHECK(rc == CABREF_OK);
  memset(seen, 0, sizeof seen);
  for (k = 0; k < n; k++)
    want += (unsigned)is_candidate(n, st, s, spec13, k);
  CHECK(count == want);
  for (i = 0; i < count; i++) {
    CHECK(is_candidate(n, st, s, spec13, starts[i]));
    CHECK(n - starts[i] >= (spec13 ? 1u : s + 1u));
    if (i > 0)
      CHECK(starts[i - 1] < starts[i]);
    seen[starts[i]] = 1;
  }
  for (k = 0; k < n; k++)
    CHECK(seen[k] == is_candidate(n, st, s, spec13, k));
  CHECK(cabref_adn_bdn(&nm, (uint8_t)s, spec13, &bdn) == CABREF_OK);
  CHECK(count == 0 ? bdn == CABREF_ADN_NONE : bdn == starts[count - 1]);
  /* ADN-COVERS: the label-suffix starting at k covers the name iff k is a candidate (and, with
   * exact, the stripped FQDN). */
  for (k = st; k < n; k++) {
    size_t off = nm.labels[k].off, alen = nm.text_len - off;
    char *a = malloc(alen + 2);
    int c;
    if (a == NULL)
      break;
    memcpy(a, text + off, alen);
    if (cabref_name_parse(a, alen, 0, &cn, &pos) == CABREF_NAME_OK) {
      c = cabref_adn_covers(text, &nm, (uint8_t)s, spec13, a, &cn, exact);
      CHECK(c == (is_candidate(n, st, s, spec13, k) && (!exact || k == st)));
      /* ADN-DNS-PREFIX: "_x." + candidate */
      q = malloc(alen + 3);
      if (q != NULL) {
        cabref_name qn;
        q[0] = '_';
        q[1] = 'x';
        q[2] = '.';
        memcpy(q + 3, a, alen);
        if (cabref_name_parse(q, alen + 3, CABREF_NAME_ALLOW_UNDERSCORE, &qn, &pos) ==
            CABREF_NAME_OK)
          CHECK(cabref_adn_dns_change_name(q, &qn, a, &cn) == 1);
        CHECK(cabref_adn_dns_change_name(a, &cn, a, &cn) == 1);
        free(q);
      }
    }
    free(a);
  }
  free(text);
  return 0;
}
