/* Unit tests of the PSL loader and matcher (spec/psl.md PSL-*). Expected values are derived by
 * hand from the formal algorithm; besides, every answer on the pinned snapshot is compared with a
 * naive all-rules reading of the formal algorithm (the C twin of PslPrevails, spec/psl_logic.h).
 * One line per failed check; the last line is "N passed, N failed".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/psl_load.h"

static unsigned long passed, failed;

static void check(int ok, const char *what, const char *detail) {
  if (ok) {
    passed++;
    return;
  }
  failed++;
  printf("FAIL %s: %s\n", what, detail);
}

/* Naive PslPrevails: scan every node (PSL-MATCH-RULE, -PREVAILING, -DEFAULT, -SUFFIX). */
static int node_matches(const cabref_psl_table *t, uint32_t r, const char *text,
                        const cabref_name *nm, uint32_t k) {
  const cabref_psl_node *n = &t->nodes[r];
  uint32_t i, x;
  if (n->depth > k)
    return 0;
  for (i = 0; i < n->depth; i++) {
    const cabref_psl_span *s = &t->spans[n->labels + i];
    const cabref_label *lb = &nm->labels[nm->n_labels - 1 - i];
    if (s->len != lb->len)
      return 0;
    for (x = 0; x < s->len; x++) {
      char c = text[lb->off + x];
      if (c >= 'A' && c <= 'Z')
        c = (char)(c + 32);
      if (t->pool[s->off + x] != c)
        return 0;
    }
  }
  return 1;
}

static void naive(const cabref_psl_table *t, const char *text, const cabref_name *nm, uint32_t opts,
                  int *kind, int *suffix) {
  uint32_t k = nm->n_labels - (nm->wildcard ? 1u : 0u), r;
  int priv = (opts & CABREF_PSL_PRIVATE) != 0, best = 0, exc = -1;
  for (r = 0; r < t->n_nodes; r++) {
    const cabref_psl_node *n = &t->nodes[r];
    if (!node_matches(t, r, text, nm, k))
      continue;
    if ((n->exc_icann || (priv && n->exc_private)) && (exc < 0 || n->depth > exc))
      exc = n->depth;
    if ((n->normal_icann || (priv && n->normal_private)) && n->depth > best)
      best = n->depth;
    if (n->wild_icann || (priv && n->wild_private)) {
      if (n->depth < k && n->depth + 1 > best)
        best = n->depth + 1;
      else if (n->depth == k && (opts & CABREF_PSL_WILDCARD_PARENT) && n->depth > best)
        best = n->depth;
    }
  }
  if (exc >= 0) {
    *kind = CABREF_PSL_RULE_EXCEPTION;
    *suffix = exc - 1;
  } else if (best > 0) {
    *kind = -1; /* normal or wildcard */
    *suffix = best;
  } else if (opts & CABREF_PSL_NO_STAR_RULE) {
    *kind = CABREF_PSL_RULE_NONE;
    *suffix = 0;
  } else {
    *kind = CABREF_PSL_RULE_DEFAULT;
    *suffix = 1;
  }
}

static void lookup(const cabref_psl_table *t, const char *name, uint32_t opts,
                   const char *want_rule, int want_suffix, int want_reg) {
  cabref_psl_match m;
  cabref_name nm;
  char buf[256], rule[300], what[400];
  size_t pos;
  int e = cabref_psl_lookup_text(t, name, strlen(name), opts, &m, &nm, buf, &pos), nk, ns;
  snprintf(what, sizeof what, "%s opts %u", name, opts);
  if (e != 0) {
    check(0, what, cabref_psl_name_error_code(e));
    return;
  }
  cabref_psl_rule_text(t, &m, rule, sizeof rule);
  check(strcmp(rule, want_rule) == 0, what, rule);
  check(m.suffix_labels == want_suffix, what, "suffix labels");
  check((int)cabref_psl_registrable_labels(&m) == want_reg, what, "registrable labels");
  naive(t, buf, &nm, opts, &nk, &ns);
  check(ns == m.suffix_labels &&
            (nk == -1 ? (m.kind == CABREF_PSL_RULE_NORMAL || m.kind == CABREF_PSL_RULE_WILDCARD)
                      : nk == m.kind),
        what, "differs from the naive formal algorithm");
}

static void refused(const cabref_psl_table *t, const char *name, size_t len, int want) {
  cabref_psl_match m;
  cabref_name nm;
  char buf[256];
  size_t pos;
  int e = cabref_psl_lookup_text(t, name, len, 0, &m, &nm, buf, &pos);
  check(e == want, "refused name", cabref_psl_name_error_code(e));
}

/* NAME-IDN through the lookup: the code and the byte offset in the given text. */
static void refused_at(const cabref_psl_table *t, const char *name, int want, size_t want_pos) {
  cabref_psl_match m;
  cabref_name nm;
  char buf[256];
  size_t pos = 99;
  int e = cabref_psl_lookup_text(t, name, strlen(name), 0, &m, &nm, buf, &pos);
  check(e == want && pos == want_pos, name, cabref_psl_name_error_code(e));
}

static void load_err(const char *text, cabref_status want, unsigned long line, unsigned long col) {
  cabref_psl_list *l = NULL;
  cabref_error err;
  char what[200];
  cabref_status st = cabref_psl_load_text(text, strlen(text), "t.dat", &l, &err);
  snprintf(what, sizeof what, "load error %d at %lu:%lu", (int)want, line, col);
  check(st == want && l == NULL, what, st == CABREF_OK ? "accepted" : err.message);
  if (st != CABREF_OK)
    check(err.line == line && err.column == col, what, err.message);
  cabref_psl_list_free(l);
}

#define I "// ===BEGIN ICANN DOMAINS===\n"
#define IE "// ===END ICANN DOMAINS===\n"

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : "vectors/psl/public_suffix_list.dat";
  cabref_psl_list *l;
  cabref_error err;
  const cabref_psl_table *t;
  const uint32_t P = CABREF_PSL_PRIVATE, W = CABREF_PSL_WILDCARD_PARENT,
                 N = CABREF_PSL_NO_STAR_RULE;
  if (cabref_psl_load_file(path, &l, &err) != CABREF_OK) {
    printf("FAIL load: %s\n0 passed, 1 failed\n", err.message);
    return 1;
  }
  t = &l->table;
  check(cabref_psl_table_check(t) == NULL, "snapshot table", "invariant broken");
  /* PSL-MATCH-*, by hand from the formal algorithm. */
  lookup(t, "www.example.com", 0, "com", 1, 2);
  lookup(t, "com", 0, "com", 1, 0);
  lookup(t, "kobe.jp", 0, "jp", 1, 2);
  lookup(t, "kobe.jp", W, "*.kobe.jp", 2, 0);
  lookup(t, "c.kobe.jp", 0, "*.kobe.jp", 3, 0);
  lookup(t, "b.c.kobe.jp", 0, "*.kobe.jp", 3, 4);
  lookup(t, "www.city.kobe.jp", 0, "!city.kobe.jp", 2, 3);
  lookup(t, "www.ck", 0, "!www.ck", 1, 2);
  lookup(t, "example.example", 0, "*", 1, 2);
  lookup(t, "example.example", N, "", 0, 0);
  lookup(t, "example.uk.com", 0, "com", 1, 2);
  lookup(t, "example.uk.com", P, "uk.com", 2, 3);
  lookup(t, "*.example.com", 0, "com", 1, 2);
  lookup(t, "*.com", 0, "com", 1, 0);
  lookup(t, "Www.Example.COM.", 0, "com", 1, 2);
  lookup(t, "xn--85x722f.xn--55qx5d.cn", 0, "xn--55qx5d.cn", 2, 3);
  lookup(t, "\xe9\xa3\x9f\xe7\x8b\xae.\xe4\xb8\xad\xe5\x9b\xbd", 0, "xn--fiqs8s", 1, 2);
  lookup(t, "nom.br", W | P, "*.nom.br", 2, 0);
  lookup(t, "a.sch.uk", 0, "*.sch.uk", 3, 0);
  /* Bad names (PSL-MATCH-NAME). */
  refused(t, "a..b", 4, CABREF_NAME_EMPTY_LABEL);
  refused(t, "a\0b.com", 7, CABREF_NAME_NUL);
  refused(t, "", 0, CABREF_NAME_EMPTY);
  refused(t, "xn--zz.com", 10, CABREF_PSL_NAME_BAD_IDN);
  refused(t, "*", 1, CABREF_NAME_BAD_WILDCARD);
  /* NAME-IDN (RFC 5892 §2.5, §3): the lookup converts with the shell's one conversion, so a
   * U-label holding ASCII other than LDH, or a character libidn2 maps to '*' or '_' (fullwidth
   * asterisk U+FF0A, small asterisk U+FE61, fullwidth low line U+FF3F), is refused (bad-idn) at
   * the offset of its label in the given text, never read as a wildcard or an underscore label. */
  refused_at(t, "\xef\xbc\x8a.example.com", CABREF_PSL_NAME_BAD_IDN, 0);
  refused_at(t, "\xef\xb9\xa1.example.com", CABREF_PSL_NAME_BAD_IDN, 0);
  refused_at(t, "_\xc3\xbc.example", CABREF_PSL_NAME_BAD_IDN, 0);
  refused_at(t, "www._\xc3\xbc.example", CABREF_PSL_NAME_BAD_IDN, 4);
  refused_at(t, "a\xef\xbc\xbf\xc3\xbc.example", CABREF_PSL_NAME_BAD_IDN, 0);
  /* An XN-label decoding to "_\u00fc": the core refuses the underscore first (PSL-MATCH-NAME). */
  refused_at(t, "xn--_-eha.example", CABREF_NAME_UNDERSCORE, 4);
  /* ASCII labels of a non-ASCII name are judged by the core (offset 0: not an offset in the
   * given text); a bad XN-label beside a U-label is bad-idn. */
  refused_at(t, "\xc3\xbc.-a.example", CABREF_NAME_HYPHEN_EDGE, 0);
  refused_at(t, "\xc3\xbc.xn--zz.example", CABREF_PSL_NAME_BAD_IDN, 0);
  refused_at(t, "a.xn--zz.com", CABREF_PSL_NAME_BAD_IDN, 2);
  lookup(t, "*.b\303\274cher.example", 0, "*", 1, 2);
  {
    char big[400];
    memset(big, 'a', 300);
    memcpy(big + 300, ".com", 4);
    refused(t, big, 304, CABREF_NAME_LABEL_TOO_LONG);
  }
  /* The naive twin on many names: every rule, its parent, and a child of it, under each option. */
  {
    uint32_t r, o;
    unsigned long agree = 0, total = 0;
    for (r = 0; r < t->n_nodes; r++) {
      char name[300];
      size_t n = 0;
      int i;
      const cabref_psl_node *nd = &t->nodes[r];
      memcpy(name, "x.y.", 4);
      n = 4;
      for (i = nd->depth - 1; i >= 0; i--) {
        const cabref_psl_span *s = &t->spans[nd->labels + (uint32_t)i];
        memcpy(name + n, t->pool + s->off, s->len);
        n += s->len;
        if (i)
          name[n++] = '.';
      }
      for (i = 0; i < 3; i++) {
        const char *s = name + (i == 0 ? 0 : i == 1 ? 2 : 4);
        size_t len = n - (size_t)(s - name);
        for (o = 0; o < 8; o++) {
          cabref_psl_match m;
          cabref_name nm;
          size_t pos;
          int nk, ns;
          if (cabref_name_parse(s, len, 0, &nm, &pos) != CABREF_NAME_OK)
            continue;
          total++;
          if (cabref_psl_match_name(t, s, len, &nm, o, &m) != 0)
            continue;
          naive(t, s, &nm, o, &nk, &ns);
          if (ns == m.suffix_labels && (nk == -1 ? (m.kind == 1 || m.kind == 2) : nk == m.kind))
            agree++;
          else if (total - agree < 5)
            printf("FAIL twin: %.*s opts %u\n", (int)len, s, o);
        }
      }
    }
    check(agree == total, "naive formal algorithm on every rule, parent and child", "differs");
  }
  /* PSL-FORMAT-*: errors with line and column. */
  load_err("com\n", CABREF_E_SYNTAX, 1, 1);
  load_err(I "a..b\n" IE, CABREF_E_SYNTAX, 2, 3);
  load_err(I "foo.*.bar\n" IE, CABREF_E_SYNTAX, 2, 5);
  load_err(I "!*.bar\n" IE, CABREF_E_SYNTAX, 2, 2);
  load_err(I "*\n" IE, CABREF_E_SYNTAX, 2, 1);
  load_err(I "a\xff.com\n" IE, CABREF_E_ENCODING, 2, 2);
  load_err(I "!com\n" IE, CABREF_E_SYNTAX, 2, 2);
  load_err(I "com\n", CABREF_E_SYNTAX, 2, 1);
  load_err(I I, CABREF_E_SYNTAX, 2, 1);
  {
    cabref_psl_list *l2;
    const char *txt =
        I "com\n*.kobe.jp\n!city.kobe.jp\ncom\n\xe5\x85\xac\xe5\x8f\xb8.cn  // x\n" IE;
    check(cabref_psl_load_text(txt, strlen(txt), "t", &l2, &err) == CABREF_OK, "small list",
          err.message);
    if (l2) {
      check(l2->n_rules == 4 && l2->n_warnings == 1, "small list counts", "rules/duplicates");
      check(cabref_psl_table_check(&l2->table) == NULL, "small list table", "invariant");
      cabref_psl_list_free(l2);
    }
  }
  /* PSL-FORMAT-RULE, PSL-CANON (RFC 5892 §2.5, §3, as NAME-IDN for names): a rule's U-labels
   * may convert to no ASCII but LDH. libidn2 maps the fullwidth asterisk (U+FF0A), the small
   * asterisk (U+FE61) and the fullwidth low line (U+FF3F) to '*' and '_' without an error; such a
   * rule is refused at its column, never a literal '*' label nor a wildcard rule. */
  load_err(I "\xef\xbc\x8a.example\n" IE, CABREF_E_ENCODING, 2, 1);
  load_err(I "\xef\xb9\xa1.example\n" IE, CABREF_E_ENCODING, 2, 1);
  load_err(I "!\xef\xbc\x8a.example\n" IE, CABREF_E_ENCODING, 2, 2);
  load_err(I "*.\xef\xbc\x8a.example\n" IE, CABREF_E_ENCODING, 2, 3);
  load_err(I "a\xef\xbc\xbf"
             "b.example\n" IE,
           CABREF_E_ENCODING, 2, 1);
  {
    /* ... while a U-label rule and the ideographic full stop (U+3002) still convert. */
    cabref_psl_list *l3 = NULL;
    const char *txt = I "b\xc3\xbc"
                        "cher\xe3\x80\x82"
                        "example\n" IE;
    check(cabref_psl_load_text(txt, strlen(txt), "t", &l3, &err) == CABREF_OK, "U-label rule",
          err.message);
    if (l3) {
      check(l3->n_rules == 1 && l3->table.n_nodes == 2, "U-label rule nodes", "xn--bcher-kva");
      cabref_psl_list_free(l3);
    }
  }
  cabref_psl_list_free(l);
  printf("%lu passed, %lu failed\n", passed, failed);
  return failed != 0;
}
