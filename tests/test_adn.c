/* cabref: unit tests of the ADN core (ref/core/adn.c, adn_methods.c) and shell
 * (ref/shell/adn_shell.c). Plain C; prints failures and "N passed, N failed". Run from the source
 * tree (it reads vectors/psl/public_suffix_list.dat and vectors/adn/spec13-gtlds.txt). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/adn.h"
#include "cabref/adn_shell.h"

static int passed, failed;

#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (cond) {                                                                                    \
      passed++;                                                                                    \
    } else {                                                                                       \
      failed++;                                                                                    \
      printf("%s:%d: FAIL: %s\n", __FILE__, __LINE__, #cond);                                      \
    }                                                                                              \
  } while (0)

static cabref_name parse(const char *s, uint32_t policy) {
  cabref_name n;
  size_t pos;
  memset(&n, 0, sizeof n);
  if (cabref_name_parse(s, strlen(s), policy, &n, &pos) != CABREF_NAME_OK) {
    printf("cannot parse %s\n", s);
    n.n_labels = 0;
  }
  return n;
}

/* The candidates as one space-separated string. */
static void cands(const char *text, uint8_t s, int spec13, char *out, size_t n) {
  cabref_name nm = parse(text, CABREF_NAME_ALLOW_WILDCARD);
  uint8_t st[CABREF_NAME_MAX_LABELS];
  size_t count = 0, i;
  out[0] = '\0';
  if (cabref_adn_candidates(&nm, s, spec13, st, sizeof st, &count) != CABREF_OK) {
    snprintf(out, n, "error");
    return;
  }
  for (i = 0; i < count; i++) {
    size_t len = strlen(out);
    snprintf(out + len, n - len, "%s%s", i ? " " : "", text + nm.labels[st[i]].off);
  }
}

static void test_candidates(void) {
  char buf[1024];
  cabref_name nm;
  uint8_t start, st[4];
  size_t count;

  /* ADN-CAND-SET, ADN-CAND-ORDER */
  cands("www.example.com", 1, 0, buf, sizeof buf);
  CHECK(strcmp(buf, "www.example.com example.com") == 0);
  cands("a.b.example.co.uk", 2, 0, buf, sizeof buf);
  CHECK(strcmp(buf, "a.b.example.co.uk b.example.co.uk example.co.uk") == 0);
  cands("*.www.example.com", 1, 0, buf, sizeof buf);
  CHECK(strcmp(buf, "www.example.com example.com") == 0);
  cands("co.uk", 2, 0, buf, sizeof buf); /* a public suffix */
  CHECK(strcmp(buf, "") == 0);
  cands("*.co.uk", 2, 0, buf, sizeof buf);
  CHECK(strcmp(buf, "") == 0);
  cands("www.example.example", 0, 0, buf, sizeof buf); /* no suffix known */
  CHECK(strcmp(buf, "") == 0);
  /* ADN-SPEC13 */
  cands("www.brand", 1, 1, buf, sizeof buf);
  CHECK(strcmp(buf, "www.brand brand") == 0);
  cands("brand", 1, 1, buf, sizeof buf);
  CHECK(strcmp(buf, "brand") == 0);
  cands("a.b.co.brand", 2, 1, buf, sizeof buf); /* the suffix co.brand is skipped */
  CHECK(strcmp(buf, "a.b.co.brand b.co.brand brand") == 0);
  cands("co.brand", 2, 1, buf, sizeof buf);
  CHECK(strcmp(buf, "brand") == 0);
  cands("brand", 0, 1, buf, sizeof buf); /* spec13 needs a suffix */
  CHECK(strcmp(buf, "") == 0);

  /* ADN-BDN */
  nm = parse("www.example.co.uk", 0);
  CHECK(cabref_adn_bdn(&nm, 2, 0, &start) == CABREF_OK && start == 1);
  CHECK(cabref_adn_bdn(&nm, 2, 1, &start) == CABREF_OK && start == 3);
  CHECK(cabref_adn_bdn(&nm, 4, 0, &start) == CABREF_OK && start == CABREF_ADN_NONE);
  CHECK(cabref_adn_bdn(&nm, 0, 0, &start) == CABREF_OK && start == CABREF_ADN_NONE);
  CHECK(cabref_adn_bdn(&nm, 5, 0, &start) == CABREF_E_RANGE);
  CHECK(cabref_adn_bdn(NULL, 1, 0, &start) == CABREF_E_NULL);
  CHECK(cabref_adn_bdn(&nm, 1, 0, NULL) == CABREF_E_NULL);

  /* ADN-CAND-LIMIT */
  nm = parse("a.b.c.d.e.example.com", 0);
  CHECK(cabref_adn_candidates(&nm, 1, 0, st, sizeof st, &count) == CABREF_E_CAPACITY && count == 6);
  CHECK(cabref_adn_candidates(&nm, 1, 0, NULL, 0, &count) == CABREF_E_CAPACITY && count == 6);
  CHECK(cabref_adn_candidates(&nm, 1, 0, NULL, 4, &count) == CABREF_E_NULL);
  CHECK(cabref_adn_candidates(&nm, 8, 0, st, sizeof st, &count) == CABREF_E_RANGE);
  CHECK(cabref_adn_candidates(NULL, 1, 0, st, sizeof st, &count) == CABREF_E_NULL);
  /* a lone '*' (the parser refuses it; built by hand): no label after the wildcard */
  memset(&nm, 0, sizeof nm);
  nm.n_labels = 1;
  nm.wildcard = 1;
  nm.labels[0].len = 1;
  CHECK(cabref_adn_candidates(&nm, 0, 0, st, sizeof st, &count) == CABREF_E_RANGE);
  memset(&nm, 0, sizeof nm);
  CHECK(cabref_adn_candidates(&nm, 0, 0, st, sizeof st, &count) == CABREF_E_RANGE);
  nm = parse("example.com", 0);
  CHECK(cabref_adn_candidates(&nm, 1, 0, st, 1, &count) == CABREF_OK && count == 1 && st[0] == 0);
}

static int covers(const char *f, uint8_t s, int spec13, const char *a, int exact) {
  cabref_name fn = parse(f, CABREF_NAME_ALLOW_WILDCARD);
  cabref_name an = parse(a, CABREF_NAME_ALLOW_WILDCARD);
  return cabref_adn_covers(f, &fn, s, spec13, a, &an, exact);
}

static int dns_change(const char *q, const char *a) {
  cabref_name qn = parse(q, CABREF_NAME_ALLOW_UNDERSCORE);
  cabref_name an = parse(a, 0);
  return cabref_adn_dns_change_name(q, &qn, a, &an);
}

static void test_covers(void) {
  /* ADN-COVERS */
  CHECK(covers("www.example.com", 1, 0, "example.com", 0) == 1);
  CHECK(covers("www.example.com", 1, 0, "EXAMPLE.com", 0) == 1);
  CHECK(covers("www.example.com", 1, 0, "www.example.com", 0) == 1);
  CHECK(covers("www.example.com", 1, 0, "com", 0) == 0);
  CHECK(covers("www.example.com", 1, 0, "example.org", 0) == 0);
  CHECK(covers("www.example.com", 1, 0, "xample.com", 0) == 0);
  CHECK(covers("www.example.com", 1, 0, "a.www.example.com", 0) == 0);
  CHECK(covers("www.example.com", 1, 0, "example.com", 1) == 0);
  CHECK(covers("www.example.com", 1, 0, "www.example.com", 1) == 1);
  CHECK(covers("*.example.com", 1, 0, "example.com", 1) == 1);
  CHECK(covers("*.example.com", 1, 0, "*.example.com", 0) == 0);
  CHECK(covers("www.brand", 1, 1, "brand", 0) == 1);
  CHECK(covers("www.brand", 1, 0, "brand", 0) == 0);
  CHECK(cabref_adn_covers(NULL, NULL, 1, 0, NULL, NULL, 0) == 0);
  /* ADN-DNS-PREFIX */
  CHECK(dns_change("_acme-challenge.www.example.com", "www.example.com") == 1);
  CHECK(dns_change("www.example.com", "www.example.com") == 1);
  CHECK(dns_change("_a._b.example.com", "example.com") == 0);
  CHECK(dns_change("a.example.com", "example.com") == 0);
  CHECK(dns_change("_X.Example.COM", "example.com") == 1);
  CHECK(dns_change("_x.example.org", "example.com") == 0);
}

static void test_methods(void) {
  cabref_adn_rules r;
  cabref_instant t;
  uint32_t m;
  /* ADN-METHOD-* */
  CHECK(cabref_adn_parse_date("2019-06-01", &t) == 0);
  CHECK(cabref_adn_method_rules(7, t, &r) == CABREF_OK && r.status == CABREF_ADN_ALLOWED &&
        r.wildcard && r.prune && r.cname && r.prefix == CABREF_ADN_PREFIX_UNDERSCORE);
  CHECK(cabref_adn_method_rules(3, t, &r) == CABREF_OK && r.status == CABREF_ADN_RETIRED &&
        !r.wildcard);
  CHECK(cabref_adn_method_rules(0, t, &r) == CABREF_E_RANGE);
  CHECK(cabref_adn_method_rules(23, t, &r) == CABREF_E_RANGE);
  CHECK(cabref_adn_method_rules(7, t, NULL) == CABREF_E_NULL);
  CHECK(cabref_adn_method_rules(18, CABREF_ADN_T_SC45_COMPLIANCE - 1, &r) == CABREF_OK &&
        r.prune == 1);
  CHECK(cabref_adn_method_rules(18, CABREF_ADN_T_SC45_COMPLIANCE, &r) == CABREF_OK &&
        r.prune == 0 && r.wildcard == 0 && r.cname == 0 && r.authorized_ports == 1);
  CHECK(cabref_adn_method_rules(22, CABREF_ADN_T_SC88, &r) == CABREF_OK && r.cname == 0 &&
        r.prune == 1 && r.prefix == CABREF_ADN_PREFIX_PERSIST);
  CHECK(cabref_adn_method_rules(4, CABREF_ADN_T_SC90_SHOULD_NOT, &r) == CABREF_OK &&
        r.status == CABREF_ADN_DISCOURAGED && r.constructed_email == 1);
  CHECK(cabref_adn_method_rules(11, CABREF_ADN_T_BALLOT_190 - 1, &r) == CABREF_OK &&
        r.status == CABREF_ADN_ALLOWED);
  CHECK(cabref_adn_method_rules(1, INT64_MIN, &r) == CABREF_OK &&
        r.status == CABREF_ADN_NOT_DEFINED);
  /* the last instant of the calendar (year 9999); INT64_MAX itself means "never" */
  CHECK(cabref_adn_method_rules(12, 253402300799, &r) == CABREF_OK &&
        r.status == CABREF_ADN_ALLOWED);
  /* every method is defined at some point and the dates are ordered */
  for (m = 1; m <= CABREF_ADN_METHOD_MAX; m++) {
    CHECK(cabref_adn_method_rules(m, 0, &r) == CABREF_OK && r.introduced < INT64_MAX &&
          r.introduced < r.sunset && (r.discouraged == INT64_MAX || r.discouraged < r.sunset));
  }
  /* ADN-PORTS */
  CHECK(cabref_adn_authorized_port(80, CABREF_ADN_T_BALLOT_169 - 1) == 0);
  CHECK(cabref_adn_authorized_port(80, CABREF_ADN_T_BALLOT_169) == 1);
  CHECK(cabref_adn_authorized_port(115, CABREF_ADN_T_BALLOT_190 - 1) == 1);
  CHECK(cabref_adn_authorized_port(115, CABREF_ADN_T_BALLOT_190) == 0);
  CHECK(cabref_adn_authorized_port(8443, CABREF_ADN_T_BALLOT_190) == 0);
  /* ADN-EMAIL */
  CHECK(strcmp(cabref_adn_email_local(0), "admin") == 0);
  CHECK(strcmp(cabref_adn_email_local(4), "postmaster") == 0);
  CHECK(cabref_adn_email_local(5) == NULL);
  /* shell parsers */
  CHECK(cabref_adn_parse_method("3.2.2.4.22", &m) == 0 && m == 22);
  CHECK(cabref_adn_parse_method("7", &m) == 0 && m == 7);
  CHECK(cabref_adn_parse_method("3.2.2.4.23", &m) != 0);
  CHECK(cabref_adn_parse_method("3.2.2.4.", &m) != 0);
  CHECK(cabref_adn_parse_method("x", &m) != 0);
  CHECK(cabref_adn_parse_date("2019-02-29", &t) != 0);
  CHECK(cabref_adn_parse_date("2019-06-01T12:00:00Z", &t) == 0);
  CHECK(cabref_adn_parse_date("2019-06-01T12:00:00", &t) != 0);
  CHECK(cabref_adn_parse_date("2019-6-1", &t) != 0);
}

static void test_shell(void) {
  cabref_psl_list *psl = NULL;
  cabref_spec13_list *s13 = NULL;
  cabref_error err;
  cabref_adn_view *v = malloc(sizeof *v);
  FILE *f;
  if (v == NULL)
    return;
  CHECK(cabref_psl_load_file("vectors/psl/public_suffix_list.dat", &psl, &err) == CABREF_OK);
  CHECK(cabref_spec13_load(CABREF_SPEC13_DEFAULT, &s13, &err) == CABREF_OK && s13->n >= 2);
  CHECK(cabref_spec13_contains(s13, "AAA", 3) == 1);
  CHECK(cabref_spec13_contains(s13, "google", 6) == 0);
  {
    cabref_spec13_list *none = NULL;
    CHECK(cabref_spec13_load("/nonexistent/spec13.txt", &none, &err) == CABREF_E_IO &&
          none == NULL);
  }
  f = fopen("/tmp/cabref-test-spec13.txt", "w");
  if (f != NULL) {
    cabref_spec13_list *bad = NULL;
    fputs("# comment\nok\nnot ok\n", f);
    fclose(f);
    CHECK(cabref_spec13_load("/tmp/cabref-test-spec13.txt", &bad, &err) == CABREF_E_SYNTAX &&
          err.line == 3 && bad == NULL);
    remove("/tmp/cabref-test-spec13.txt");
  }
  if (psl != NULL) {
    CHECK(cabref_adn_view_text(&psl->table, 0, NULL, "www.example.co.uk", 17, v) == 0 &&
          v->n_cand == 2 && strcmp(cabref_adn_view_candidate(v, v->bdn), "example.co.uk") == 0);
    CHECK(cabref_adn_view_text(&psl->table, 0, s13, "www.aaa", 7, v) == 0 && v->spec13 == 1 &&
          v->n_cand == 2);
    CHECK(cabref_adn_view_text(&psl->table, 0, NULL, "a..b", 4, v) == CABREF_NAME_EMPTY_LABEL &&
          v->err_pos == 2);
    CHECK(cabref_adn_view_text(&psl->table, 0, NULL, "a\0b.com", 7, v) == CABREF_NAME_NUL);
    CHECK(cabref_adn_view_text(&psl->table, 0, NULL, "_x.example.com", 14, v) ==
          CABREF_NAME_UNDERSCORE);
    CHECK(strcmp(cabref_adn_error_code(CABREF_ADN_ERR_SHAPE), "no-fqdn") == 0);
    /* NAME-IDN (RFC 5892 §2.5, §3) through the view: '＊' (U+FF0A), '﹡' (U+FE61) and "_ü" are
     * not a wildcard or an underscore label but a refused U-label (bad-idn, its offset). */
    CHECK(cabref_adn_view_text(&psl->table, 0, NULL, "\xef\xbc\x8a.example.com", 15, v) ==
              CABREF_PSL_NAME_BAD_IDN &&
          v->err_pos == 0 && strcmp(cabref_adn_error_code(v->error), "bad-idn") == 0);
    CHECK(cabref_adn_view_text(&psl->table, 0, NULL, "\xef\xb9\xa1.example.com", 15, v) ==
              CABREF_PSL_NAME_BAD_IDN &&
          v->err_pos == 0);
    CHECK(cabref_adn_view_text(&psl->table, 0, NULL, "_\xc3\xbc.example", 11, v) ==
              CABREF_PSL_NAME_BAD_IDN &&
          v->err_pos == 0);
    CHECK(cabref_adn_view_text(&psl->table, 0, NULL, "*.www._\xc3\xbc.example", 17, v) ==
              CABREF_PSL_NAME_BAD_IDN &&
          v->err_pos == 6);
    CHECK(cabref_adn_view_text(&psl->table, 0, NULL, "*.b\303\274cher.de", 12, v) == 0 &&
          v->name.wildcard && v->n_cand == 1 &&
          strcmp(cabref_adn_view_candidate(v, v->bdn), "xn--bcher-kva.de") == 0);
  }
  cabref_spec13_free(s13);
  cabref_psl_list_free(psl);
  free(v);
}

int main(void) {
  test_candidates();
  test_covers();
  test_methods();
  test_shell();
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
