/* cabref: the Public Suffix List's text format, compiled into the matcher's table (the shell).
 *
 * Requirements: spec/psl.md PSL-FORMAT-*, PSL-CANON, PSL-TABLE-*. The compiler establishes
 * ValidPslTable (spec/psl_logic.h); cabref_psl_table_check() is its C twin.
 */
#include <ctype.h>
#include <errno.h>
#include <idn2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/name_idn.h"
#include "cabref/psl_load.h"

enum { SEC_NONE = 0, SEC_ICANN = 1, SEC_PRIVATE = 2 };

static cabref_status fail(cabref_error *err, cabref_status st, const char *file, unsigned long line,
                          unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static cabref_status fail(cabref_error *err, cabref_status st, const char *file, unsigned long line,
                          unsigned long col, const char *fmt, ...) {
  va_list ap;
  char msg[400];
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (err != NULL) {
    err->status = st;
    snprintf(err->file, sizeof err->file, "%s", file);
    err->line = line;
    err->column = col;
    if (line > 0)
      snprintf(err->message, sizeof err->message, "%s:%lu:%lu: %s", file, line, col, msg);
    else
      snprintf(err->message, sizeof err->message, "%s: %s", file, msg);
  }
  return st;
}

/* ---- The compiler's working state -------------------------------------------------------- */

typedef struct {
  char *names; /* full A-label suffix of every node, NUL-separated ("kobe.jp") */
  size_t names_len, names_cap;
  size_t *name_off; /* per node */
  size_t name_off_cap;
  uint32_t *map; /* open addressing: node index + 1, 0 empty */
  size_t map_cap;
  cabref_psl_node *nodes;
  size_t n_nodes, nodes_cap;
  cabref_psl_span *spans;
  size_t n_spans, spans_cap;
  char *pool;
  size_t pool_len, pool_cap;
} builder;

static int grow(void **p, size_t *cap, size_t need, size_t elem) {
  size_t c = *cap ? *cap : 64;
  void *q;
  if (need <= *cap)
    return 0;
  while (c < need)
    c *= 2;
  q = realloc(*p, c * elem);
  if (q == NULL)
    return -1;
  *p = q;
  *cap = c;
  return 0;
}

static uint64_t fnv(const char *s, size_t n) {
  uint64_t h = 1469598103934665603u;
  size_t i;
  for (i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211u;
  }
  return h;
}

static int map_rehash(builder *b) {
  size_t cap = b->map_cap ? b->map_cap * 2 : 1024, i;
  uint32_t *m = calloc(cap, sizeof *m);
  if (m == NULL)
    return -1;
  for (i = 0; i < b->n_nodes; i++) {
    const char *nm = b->names + b->name_off[i];
    size_t h = (size_t)fnv(nm, strlen(nm)) & (cap - 1);
    while (m[h] != 0)
      h = (h + 1) & (cap - 1);
    m[h] = (uint32_t)i + 1;
  }
  free(b->map);
  b->map = m;
  b->map_cap = cap;
  return 0;
}

/* The node for the suffix s[0..n) (whose first label is s[0..lab_len)), created with all its
 * prefixes (PSL-TABLE-PREFIX, PSL-TABLE-PARENT). Returns the node index or -1 (out of memory). */
static long node_for(builder *b, const char *s, size_t n, size_t lab_len, long parent) {
  size_t h, i;
  uint8_t depth;
  cabref_psl_node *nd;
  if (b->map_cap == 0 || (b->n_nodes + 1) * 2 > b->map_cap) {
    if (map_rehash(b) < 0)
      return -1;
  }
  h = (size_t)fnv(s, n) & (b->map_cap - 1);
  while (b->map[h] != 0) {
    const char *nm = b->names + b->name_off[b->map[h] - 1];
    if (strlen(nm) == n && memcmp(nm, s, n) == 0)
      return (long)b->map[h] - 1;
    h = (h + 1) & (b->map_cap - 1);
  }
  if (b->n_nodes >= CABREF_PSL_MAX_NODES)
    return -1;
  depth = parent < 0 ? 1 : (uint8_t)(b->nodes[parent].depth + 1);
  if (grow((void **)&b->nodes, &b->nodes_cap, b->n_nodes + 1, sizeof *b->nodes) < 0 ||
      grow((void **)&b->name_off, &b->name_off_cap, b->n_nodes + 1, sizeof *b->name_off) < 0)
    return -1;
  if (grow((void **)&b->names, &b->names_cap, b->names_len + n + 1, 1) < 0 ||
      grow((void **)&b->spans, &b->spans_cap, b->n_spans + depth, sizeof *b->spans) < 0 ||
      grow((void **)&b->pool, &b->pool_cap, b->pool_len + lab_len, 1) < 0)
    return -1;
  b->name_off[b->n_nodes] = b->names_len;
  memcpy(b->names + b->names_len, s, n);
  b->names[b->names_len + n] = '\0';
  b->names_len += n + 1;
  nd = &b->nodes[b->n_nodes];
  memset(nd, 0, sizeof *nd);
  nd->labels = (uint32_t)b->n_spans;
  nd->parent = (int32_t)parent;
  nd->depth = depth;
  if (parent >= 0) {
    for (i = 0; i + 1 < depth; i++)
      b->spans[b->n_spans + i] = b->spans[b->nodes[parent].labels + i];
  }
  b->spans[b->n_spans + depth - 1].off = (uint32_t)b->pool_len;
  b->spans[b->n_spans + depth - 1].len = (uint8_t)lab_len;
  b->n_spans += depth;
  memcpy(b->pool + b->pool_len, s, lab_len);
  b->pool_len += lab_len;
  b->map[h] = (uint32_t)b->n_nodes + 1;
  return (long)b->n_nodes++;
}

/* The node of the whole domain a[0..n) (lower-case A-labels, dots between), creating prefixes. */
static long add_domain(builder *b, const char *a, size_t n) {
  long parent = -1;
  size_t end = n;
  for (;;) {
    size_t start = end;
    while (start > 0 && a[start - 1] != '.')
      start--;
    parent = node_for(b, a + start, n - start, end - start, parent);
    if (parent < 0 || start == 0)
      return parent;
    end = start - 1;
  }
}

/* ---- Reading the text (PSL-FORMAT-*) ------------------------------------------------------ */

/* Length of the valid UTF-8 sequence at s[0..n), 0 if invalid (RFC 3629: no overlongs, no
 * surrogates, at most U+10FFFF). */
static size_t utf8_len(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
      return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F))
      return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
      return 0;
    if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
      return 0;
    return 4;
  }
  return 0;
}

static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* PSL-FORMAT-SECTIONS: the four marker comments. */
static int marker(const char *l, size_t n, const char *m) {
  size_t k = strlen(m);
  while (n > 0 && is_space(l[n - 1]))
    n--;
  return n == k && memcmp(l, m, k) == 0;
}

typedef struct {
  const char *file;
  unsigned long line;
} where;

/* PSL-FORMAT-RULE, PSL-CANON: one rule token; adds it to the builder. */
static cabref_status add_rule(builder *b, const char *tok, size_t n, int section, where w,
                              cabref_psl_list *l, cabref_error *err) {
  int exc = 0, wild = 0;
  size_t i, start, ascii = 1;
  char buf[CABREF_PSL_MAX_LINE + 1];
  char *conv = NULL;
  const char *dom;
  size_t dn;
  long node;
  uint8_t *flag;
  cabref_status st = CABREF_OK;
  unsigned long col = 1;
  if (tok[0] == '!') {
    exc = 1;
    tok++;
    n--;
    col++;
  }
  if (n >= 1 && tok[0] == '*') {
    if (exc)
      return fail(err, CABREF_E_SYNTAX, w.file, w.line, col,
                  "an exception rule cannot be a wildcard rule (\"!*\")");
    if (n == 1)
      return fail(err, CABREF_E_SYNTAX, w.file, w.line, col,
                  "the \"*\" rule is implicit (PSL-MATCH-DEFAULT) and cannot be listed");
    if (tok[1] != '.')
      return fail(err, CABREF_E_SYNTAX, w.file, w.line, col, "'*' must be a whole label");
    wild = 1;
    tok += 2;
    n -= 2;
    col += 2;
  }
  if (n == 0)
    return fail(err, CABREF_E_SYNTAX, w.file, w.line, col, "empty rule");
  /* Labels: non-empty, no '*' left, LDH or non-ASCII. */
  start = 0;
  for (i = 0; i <= n; i++) {
    if (i == n || tok[i] == '.') {
      if (i == start)
        return fail(err, CABREF_E_SYNTAX, w.file, w.line, col + i, "empty label");
      start = i + 1;
      continue;
    }
    if (tok[i] == '*')
      return fail(err, CABREF_E_SYNTAX, w.file, w.line, col + i,
                  "'*' is allowed only as the leftmost label");
    if ((unsigned char)tok[i] >= 0x80) {
      ascii = 0;
      continue;
    }
    if (!(isalnum((unsigned char)tok[i]) || tok[i] == '-'))
      return fail(err, CABREF_E_SYNTAX, w.file, w.line, col + i,
                  "a rule holds only letters, digits, '-' and non-ASCII characters");
  }
  if (ascii) {
    for (i = 0; i < n; i++)
      buf[i] = (char)tolower((unsigned char)tok[i]);
    buf[n] = '\0';
    dom = buf;
    dn = n;
  } else {
    /* PSL-CANON: U-labels to A-labels (IDNA2008, non-transitional, NFC input). */
    int rc;
    memcpy(buf, tok, n);
    buf[n] = '\0';
    rc = idn2_to_ascii_8z(buf, &conv, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
    if (rc != IDN2_OK)
      rc = idn2_to_ascii_8z(buf, &conv, IDN2_NFC_INPUT | IDN2_TRANSITIONAL);
    if (rc != IDN2_OK)
      return fail(err, CABREF_E_ENCODING, w.file, w.line, col,
                  "libidn2 cannot convert the rule to A-labels: %s", idn2_strerror(rc));
    dom = conv;
    dn = strlen(conv);
    for (i = 0; i < dn; i++)
      conv[i] = (char)tolower((unsigned char)conv[i]);
    /* RFC 5892 §2.5, §3, the names' rule (NAME-IDN): a U-label converts to no ASCII but LDH, so
     * libidn2 mapping U+FF0A, U+FE61 or U+FF3F to '*' or '_' refuses the rule. */
    if (cabref_name_ldh_prefix(conv, dn) != dn) {
      st = fail(err, CABREF_E_ENCODING, w.file, w.line, col,
                "the rule converts to '%c', not a letter, digit, '-' or '.' (RFC 5892 §2.5, §3)",
                conv[cabref_name_ldh_prefix(conv, dn)]);
      goto out;
    }
  }
  /* Limits of the name syntax: labels 1..63 bytes, at most 253 bytes (the wildcard label
   * included), hence at most 127 labels. */
  start = 0;
  for (i = 0; i <= dn; i++) {
    if (i == dn || dom[i] == '.') {
      if (i == start || i - start > 63) {
        st = fail(err, CABREF_E_TOO_LONG, w.file, w.line, col,
                  i == start ? "empty label after conversion" : "a label longer than 63 bytes");
        goto out;
      }
      start = i + 1;
    }
  }
  if (dn + (wild ? 2 : 0) > 253) {
    st = fail(err, CABREF_E_TOO_LONG, w.file, w.line, col, "a rule longer than 253 bytes");
    goto out;
  }
  if (exc && memchr(dom, '.', dn) == NULL) {
    st = fail(err, CABREF_E_SYNTAX, w.file, w.line, col,
              "an exception rule needs at least two labels");
    goto out;
  }
  node = add_domain(b, dom, dn);
  if (node < 0) {
    st = fail(err, CABREF_E_CAPACITY, w.file, w.line, col, "out of memory or too many rules");
    goto out;
  }
  {
    cabref_psl_node *nd = &b->nodes[node];
    if (exc)
      flag = section == SEC_ICANN ? &nd->exc_icann : &nd->exc_private;
    else if (wild)
      flag = section == SEC_ICANN ? &nd->wild_icann : &nd->wild_private;
    else
      flag = section == SEC_ICANN ? &nd->normal_icann : &nd->normal_private;
  }
  if (*flag) {
    l->n_warnings++; /* PSL-FORMAT-DUPLICATE: kept once */
  } else {
    *flag = 1;
    l->n_rules++;
    if (section == SEC_ICANN)
      l->n_icann++;
    else
      l->n_private++;
    l->n_wildcards += (uint32_t)wild;
    l->n_exceptions += (uint32_t)exc;
  }
out:
  free(conv);
  return st;
}

static void builder_free(builder *b) {
  free(b->names);
  free(b->name_off);
  free(b->map);
  free(b->nodes);
  free(b->spans);
  free(b->pool);
}

/* PSL-TABLE-KEY, PSL-TABLE-BUCKETS: group the nodes by key (a counting sort into order[]). */
static uint32_t node_key(const cabref_psl_table *t, uint32_t r) {
  const cabref_psl_span *s = &t->spans[t->nodes[r].labels + t->nodes[r].depth - 1u];
  return cabref_psl_key(t->nodes[r].parent, s->len, t->pool[s->off], t->pool[s->off + s->len / 2u],
                        t->pool[s->off + s->len - 1u], t->n_buckets);
}

static cabref_status finish(builder *b, cabref_psl_list *l, const char *file, cabref_error *err) {
  cabref_psl_table *t = &l->table;
  uint32_t n = (uint32_t)b->n_nodes, r, nb, i;
  uint32_t *keys;
  const char *bad;
  nb = n < 8 ? 16 : 2 * n;
  if (nb > CABREF_PSL_MAX_BUCKETS)
    nb = CABREF_PSL_MAX_BUCKETS;
  l->pool = b->pool ? b->pool : malloc(1);
  l->spans = b->spans ? b->spans : malloc(sizeof *l->spans);
  l->nodes = b->nodes ? b->nodes : malloc(sizeof *l->nodes);
  b->pool = NULL;
  b->spans = NULL;
  b->nodes = NULL;
  l->order = malloc((n ? n : 1) * sizeof *l->order);
  l->buckets = calloc((size_t)nb + 1, sizeof *l->buckets);
  keys = malloc((n ? n : 1) * sizeof *keys);
  if (!l->pool || !l->spans || !l->nodes || !l->order || !l->buckets || !keys) {
    free(keys);
    return fail(err, CABREF_E_CAPACITY, file, 0, 0, "out of memory");
  }
  t->pool = l->pool;
  t->pool_len = (uint32_t)b->pool_len;
  t->spans = l->spans;
  t->n_spans = (uint32_t)b->n_spans;
  t->nodes = l->nodes;
  t->n_nodes = n;
  t->order = l->order;
  t->buckets = l->buckets;
  t->n_buckets = nb;
  for (r = 0; r < n; r++) {
    keys[r] = node_key(t, r);
    l->buckets[keys[r] + 1]++;
  }
  for (i = 0; i < nb; i++)
    l->buckets[i + 1] += l->buckets[i];
  {
    uint32_t *fill = malloc((size_t)nb * sizeof *fill);
    if (fill == NULL) {
      free(keys);
      return fail(err, CABREF_E_CAPACITY, file, 0, 0, "out of memory");
    }
    memcpy(fill, l->buckets, (size_t)nb * sizeof *fill);
    for (r = 0; r < n; r++)
      l->order[fill[keys[r]]++] = r;
    free(fill);
  }
  free(keys);
  bad = cabref_psl_table_check(t);
  if (bad != NULL)
    return fail(err, CABREF_E_INCONSISTENT, file, 0, 0, "compiled table breaks %s", bad);
  return CABREF_OK;
}

/* ---- ADN-INTERNAL-NAME: the TLDs of the ICANN section --------------------------------------- */

static int label_cmp(const char *pa, size_t la, const char *pb, size_t lb) {
  if (la != lb)
    return la < lb ? -1 : 1;
  return memcmp(pa, pb, la);
}

/* qsort over spans needs the pool: sorted with an insertion-free merge of a copy instead. */
static void sort_spans(const char *pool, cabref_psl_span *a, cabref_psl_span *tmp, size_t n) {
  size_t mid = n / 2, i = 0, j = mid, k = 0;
  if (n < 2)
    return;
  sort_spans(pool, a, tmp, mid);
  sort_spans(pool, a + mid, tmp, n - mid);
  while (i < mid && j < n) {
    if (label_cmp(pool + a[i].off, a[i].len, pool + a[j].off, a[j].len) <= 0)
      tmp[k++] = a[i++];
    else
      tmp[k++] = a[j++];
  }
  while (i < mid)
    tmp[k++] = a[i++];
  while (j < n)
    tmp[k++] = a[j++];
  memcpy(a, tmp, n * sizeof *a);
}

/* Every node with a rule of the ICANN section gives its top-level label (PSL-TABLE-PREFIX: the
 * node's first span is the TLD). Sorted, duplicates removed. 0, or -1 when out of memory. */
static int index_icann_tlds(cabref_psl_list *l) {
  const cabref_psl_table *t = &l->table;
  cabref_psl_span *a, *tmp;
  uint32_t r, n = 0, m = 0, i;
  a = malloc(((size_t)t->n_nodes + 1) * sizeof *a);
  tmp = malloc(((size_t)t->n_nodes + 1) * sizeof *tmp);
  if (a == NULL || tmp == NULL) {
    free(a);
    free(tmp);
    return -1;
  }
  for (r = 0; r < t->n_nodes; r++) {
    const cabref_psl_node *nd = &t->nodes[r];
    if (nd->normal_icann || nd->wild_icann || nd->exc_icann)
      a[n++] = t->spans[nd->labels];
  }
  sort_spans(t->pool, a, tmp, n);
  for (i = 0; i < n; i++) {
    if (m > 0 && label_cmp(t->pool + a[m - 1].off, a[m - 1].len, t->pool + a[i].off, a[i].len) == 0)
      continue;
    a[m++] = a[i];
  }
  free(tmp);
  l->icann_tlds = a;
  l->n_icann_tlds = m;
  return 0;
}

int cabref_psl_icann_tld(const cabref_psl_list *l, const char *label, size_t len) {
  size_t lo = 0, hi = l->n_icann_tlds;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const cabref_psl_span *sp = &l->icann_tlds[mid];
    int c = label_cmp(l->table.pool + sp->off, sp->len, label, len);
    if (c == 0)
      return 1;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return 0;
}

cabref_status cabref_psl_load_text(const char *text, size_t len, const char *file,
                                   cabref_psl_list **out, cabref_error *err) {
  builder b;
  cabref_psl_list *l;
  size_t pos = 0;
  unsigned long line = 0;
  int section = SEC_NONE, seen_icann = 0, seen_private = 0;
  cabref_status st = CABREF_OK;
  if (out == NULL)
    return CABREF_E_NULL;
  *out = NULL;
  if (file == NULL)
    file = "(list)";
  if (text == NULL)
    return fail(err, CABREF_E_NULL, file, 0, 0, "no text");
  memset(&b, 0, sizeof b);
  l = calloc(1, sizeof *l);
  if (l == NULL)
    return fail(err, CABREF_E_CAPACITY, file, 0, 0, "out of memory");
  while (pos < len) {
    const char *ln = text + pos;
    const char *nl = memchr(ln, '\n', len - pos);
    size_t n = nl ? (size_t)(nl - ln) : len - pos, i;
    where w;
    pos += n + (nl ? 1 : 0);
    line++;
    w.file = file;
    w.line = line;
    if (n > 0 && ln[n - 1] == '\r')
      n--;
    /* PSL-FORMAT-TEXT: bounded lines, no NUL, UTF-8. */
    if (n > CABREF_PSL_MAX_LINE) {
      st = fail(err, CABREF_E_TOO_LONG, file, line, CABREF_PSL_MAX_LINE + 1,
                "line longer than %u bytes", CABREF_PSL_MAX_LINE);
      goto done;
    }
    for (i = 0; i < n;) {
      size_t k;
      if (ln[i] == '\0') {
        st = fail(err, CABREF_E_NUL, file, line, i + 1, "NUL byte");
        goto done;
      }
      k = utf8_len((const unsigned char *)ln + i, n - i);
      if (k == 0) {
        st = fail(err, CABREF_E_ENCODING, file, line, i + 1, "invalid UTF-8");
        goto done;
      }
      i += k;
    }
    if (n >= 2 && ln[0] == '/' && ln[1] == '/') {
      /* PSL-FORMAT-COMMENT, PSL-FORMAT-SECTIONS */
      int begin_i = marker(ln, n, "// ===BEGIN ICANN DOMAINS===");
      int end_i = marker(ln, n, "// ===END ICANN DOMAINS===");
      int begin_p = marker(ln, n, "// ===BEGIN PRIVATE DOMAINS===");
      int end_p = marker(ln, n, "// ===END PRIVATE DOMAINS===");
      if (begin_i || begin_p) {
        if (section != SEC_NONE) {
          st = fail(err, CABREF_E_SYNTAX, file, line, 1, "a section begins inside another one");
          goto done;
        }
        if ((begin_i && seen_icann) || (begin_p && seen_private)) {
          st = fail(err, CABREF_E_DUPLICATE, file, line, 1, "a second %s section",
                    begin_i ? "ICANN" : "PRIVATE");
          goto done;
        }
        section = begin_i ? SEC_ICANN : SEC_PRIVATE;
        seen_icann |= begin_i;
        seen_private |= begin_p;
      } else if (end_i || end_p) {
        if (section != (end_i ? SEC_ICANN : SEC_PRIVATE)) {
          st = fail(err, CABREF_E_SYNTAX, file, line, 1, "END marker without its BEGIN");
          goto done;
        }
        section = SEC_NONE;
      }
      continue;
    }
    /* PSL-FORMAT-RULE: the rule is the line up to its first whitespace. */
    for (i = 0; i < n && !is_space(ln[i]); i++)
      ;
    if (i == 0)
      continue; /* blank, or starts with whitespace */
    if (section == SEC_NONE) {
      st = fail(err, CABREF_E_SYNTAX, file, line, 1,
                "a rule outside the ICANN and PRIVATE sections");
      goto done;
    }
    st = add_rule(&b, ln, i, section, w, l, err);
    if (st != CABREF_OK)
      goto done;
  }
  if (section != SEC_NONE) {
    st = fail(err, CABREF_E_SYNTAX, file, line, 1, "the %s section is not closed",
              section == SEC_ICANN ? "ICANN" : "PRIVATE");
    goto done;
  }
  st = finish(&b, l, file, err);
  if (st == CABREF_OK && index_icann_tlds(l) != 0)
    st = fail(err, CABREF_E_CAPACITY, file, line, 0, "out of memory");
done:
  builder_free(&b);
  if (st != CABREF_OK) {
    cabref_psl_list_free(l);
    return st;
  }
  *out = l;
  return CABREF_OK;
}

cabref_status cabref_psl_load_file(const char *path, cabref_psl_list **out, cabref_error *err) {
  FILE *f;
  char *buf = NULL;
  size_t len = 0, cap = 0;
  cabref_status st;
  if (out == NULL)
    return CABREF_E_NULL;
  *out = NULL;
  if (path == NULL)
    return fail(err, CABREF_E_NULL, "(list)", 0, 0, "no file name");
  f = fopen(path, "rb");
  if (f == NULL)
    return fail(err, CABREF_E_IO, path, 0, 0, "cannot open: %s", strerror(errno));
  for (;;) {
    size_t r;
    if (len == cap) {
      char *q;
      if (cap >= (size_t)256 << 20) {
        fclose(f);
        free(buf);
        return fail(err, CABREF_E_TOO_LONG, path, 0, 0, "list larger than 256 MiB");
      }
      cap = cap ? cap * 2 : 1 << 18;
      q = realloc(buf, cap);
      if (q == NULL) {
        fclose(f);
        free(buf);
        return fail(err, CABREF_E_CAPACITY, path, 0, 0, "out of memory");
      }
      buf = q;
    }
    r = fread(buf + len, 1, cap - len, f);
    len += r;
    if (r == 0)
      break;
  }
  if (ferror(f)) {
    fclose(f);
    free(buf);
    return fail(err, CABREF_E_IO, path, 0, 0, "read error");
  }
  fclose(f);
  st = cabref_psl_load_text(buf, len, path, out, err);
  free(buf);
  return st;
}

void cabref_psl_list_free(cabref_psl_list *l) {
  if (l == NULL)
    return;
  free(l->icann_tlds);
  free(l->pool);
  free(l->spans);
  free(l->nodes);
  free(l->order);
  free(l->buckets);
  free(l);
}

/* ---- PSL-TABLE-VALID: the C twin of ValidPslTable ------------------------------------------ */

static int span_eq(const cabref_psl_table *t, uint32_t s1, uint32_t s2) {
  return t->spans[s1].len == t->spans[s2].len &&
         memcmp(t->pool + t->spans[s1].off, t->pool + t->spans[s2].off, t->spans[s1].len) == 0;
}

static int same_labels(const cabref_psl_table *t, uint32_t a, uint32_t b, uint32_t j) {
  uint32_t i;
  for (i = 0; i < j; i++) {
    if (!span_eq(t, t->nodes[a].labels + i, t->nodes[b].labels + i))
      return 0;
  }
  return 1;
}

static const cabref_psl_table *cmp_table;

static int cmp_nodes(const void *x, const void *y) {
  const cabref_psl_table *t = cmp_table;
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y, i;
  if (t->nodes[a].depth != t->nodes[b].depth)
    return t->nodes[a].depth < t->nodes[b].depth ? -1 : 1;
  for (i = 0; i < t->nodes[a].depth; i++) {
    const cabref_psl_span *sa = &t->spans[t->nodes[a].labels + i];
    const cabref_psl_span *sb = &t->spans[t->nodes[b].labels + i];
    int c;
    if (sa->len != sb->len)
      return sa->len < sb->len ? -1 : 1;
    c = memcmp(t->pool + sa->off, t->pool + sb->off, sa->len);
    if (c != 0)
      return c;
  }
  return 0;
}

const char *cabref_psl_table_check(const cabref_psl_table *t) {
  uint32_t s, r, b, x;
  uint32_t *idx;
  unsigned char *listed;
  if (t == NULL)
    return "non-null table";
  if (t->n_buckets < 1 || t->n_buckets > CABREF_PSL_MAX_BUCKETS ||
      t->n_nodes > CABREF_PSL_MAX_NODES || t->n_spans > CABREF_PSL_MAX_SPANS ||
      t->pool_len > CABREF_PSL_MAX_POOL)
    return "the size limits";
  for (s = 0; s < t->n_spans; s++) {
    if (t->spans[s].len < 1 || t->spans[s].len > 63 ||
        (uint64_t)t->spans[s].off + t->spans[s].len > t->pool_len)
      return "PSL-TABLE-SPANS";
  }
  for (r = 0; r < t->n_nodes; r++) {
    const cabref_psl_node *n = &t->nodes[r];
    if (n->depth < 1 || n->depth > 127 || (uint64_t)n->labels + n->depth > t->n_spans)
      return "PSL-TABLE-NODES";
  }
  for (r = 0; r < t->n_nodes; r++) {
    const cabref_psl_node *n = &t->nodes[r];
    if (n->depth == 1) {
      if (n->parent != -1)
        return "PSL-TABLE-PARENT";
    } else if (n->parent < 0 || (uint32_t)n->parent >= t->n_nodes ||
               t->nodes[n->parent].depth != n->depth - 1 ||
               !same_labels(t, (uint32_t)n->parent, r, n->depth - 1u)) {
      return "PSL-TABLE-PARENT";
    }
  }
  /* PSL-TABLE-PREFIX follows from PSL-TABLE-PARENT along the parent chain; check it that way. */
  for (r = 0; r < t->n_nodes; r++) {
    int32_t p = t->nodes[r].parent;
    while (p >= 0) {
      if (!same_labels(t, (uint32_t)p, r, t->nodes[p].depth))
        return "PSL-TABLE-PREFIX";
      p = t->nodes[p].parent;
    }
  }
  /* PSL-TABLE-UNIQUE: sort by label sequence, neighbours differ. */
  idx = malloc((t->n_nodes ? t->n_nodes : 1) * sizeof *idx);
  if (idx == NULL)
    return "memory for the check";
  for (r = 0; r < t->n_nodes; r++)
    idx[r] = r;
  cmp_table = t;
  qsort(idx, t->n_nodes, sizeof *idx, cmp_nodes);
  for (r = 1; r < t->n_nodes; r++) {
    if (cmp_nodes(&idx[r - 1], &idx[r]) == 0) {
      free(idx);
      return "PSL-TABLE-UNIQUE";
    }
  }
  free(idx);
  /* PSL-TABLE-BUCKETS */
  for (b = 0; b <= t->n_buckets; b++) {
    if (t->buckets[b] > t->n_nodes || (b > 0 && t->buckets[b] < t->buckets[b - 1]))
      return "PSL-TABLE-BUCKETS";
  }
  for (x = 0; x < t->n_nodes; x++) {
    if (t->order[x] >= t->n_nodes)
      return "PSL-TABLE-BUCKETS";
  }
  listed = calloc(t->n_nodes ? t->n_nodes : 1, 1);
  if (listed == NULL)
    return "memory for the check";
  for (r = 0; r < t->n_nodes; r++) {
    uint32_t k = node_key(t, r);
    for (x = t->buckets[k]; x < t->buckets[k + 1]; x++) {
      if (t->order[x] == r)
        listed[r] = 1;
    }
  }
  for (r = 0; r < t->n_nodes; r++) {
    if (!listed[r]) {
      free(listed);
      return "PSL-TABLE-BUCKETS";
    }
  }
  free(listed);
  return NULL;
}

/* ---- Rule text and name lookup ------------------------------------------------------------ */

void cabref_psl_rule_text(const cabref_psl_table *t, const cabref_psl_match *m, char *buf,
                          size_t n) {
  size_t o = 0;
  int i;
  const cabref_psl_node *nd;
  if (n == 0)
    return;
  buf[0] = '\0';
  if (m->kind == CABREF_PSL_RULE_DEFAULT) {
    snprintf(buf, n, "*");
    return;
  }
  if (m->rule < 0 || (uint32_t)m->rule >= t->n_nodes)
    return;
  nd = &t->nodes[m->rule];
  if (m->kind == CABREF_PSL_RULE_EXCEPTION)
    o += (size_t)snprintf(buf + o, n - o, "!");
  else if (m->kind == CABREF_PSL_RULE_WILDCARD)
    o += (size_t)snprintf(buf + o, n - o, "*.");
  for (i = nd->depth - 1; i >= 0 && o < n; i--) {
    const cabref_psl_span *s = &t->spans[nd->labels + (uint32_t)i];
    o += (size_t)snprintf(buf + o, n - o, "%.*s%s", (int)s->len, t->pool + s->off, i ? "." : "");
  }
}

const char *cabref_psl_name_error_code(int e) {
  static const char *const codes[] = {
      "ok",           "empty",      "too-long",     "label-too-long", "empty-label",
      "bad-char",     "nul",        "non-ascii",    "hyphen-edge",    "reserved-ldh",
      "bad-wildcard", "underscore", "trailing-dot", "all-numeric-tld"};
  if (e == CABREF_PSL_NAME_BAD_IDN)
    return "bad-idn";
  if (e == CABREF_PSL_NAME_BAD_UTF8)
    return "invalid-utf8";
  if (e >= 0 && (size_t)e < sizeof codes / sizeof codes[0])
    return codes[e];
  return "unknown";
}

const char *cabref_psl_name_error_message(int e) {
  static const char *const msgs[] = {
      "ok",
      "empty name",
      "name longer than 253 bytes",
      "label longer than 63 bytes",
      "empty label",
      "a byte that is not a letter, digit, '-' or '.'",
      "NUL byte",
      "non-ASCII byte",
      "label starts or ends with '-'",
      "label with '--' in positions 3-4 that is not an A-label (\"xn--\")",
      "'*' other than as the whole leftmost label",
      "underscore",
      "trailing dot",
      "all-numeric top-level label"};
  if (e == CABREF_PSL_NAME_BAD_IDN)
    return "not a valid IDN (invalid Punycode or not IDNA2008)";
  if (e == CABREF_PSL_NAME_BAD_UTF8)
    return "invalid UTF-8 (RFC 3629): not text";
  if (e >= 0 && (size_t)e < sizeof msgs / sizeof msgs[0])
    return msgs[e];
  return "unknown error";
}

/* PSL-MATCH-NAME, PSL-CANON: the name goes through the one conversion of the shell
 * (cabref_name_from_text: NAME-IDN, NAME-VALID, NAME-ALABEL), so every rule it applies (RFC 5892
 * §2.5/§3: no ASCII but LDH in a U-label) holds here too; the core matches the A-label text. */
int cabref_psl_lookup_text(const cabref_psl_table *t, const char *name_text, size_t len,
                           uint32_t options, cabref_psl_match *out, cabref_name *name_out,
                           char *name_buf, size_t *err_pos) {
  const uint32_t policy = CABREF_NAME_ALLOW_WILDCARD | CABREF_NAME_ALLOW_TRAILING_DOT;
  size_t i, pos = 0;
  int non_ascii = 0;
  cabref_name_error e;
  *err_pos = 0;
  for (i = 0; i < len && name_text[i] != '\0';) { /* nothing after a NUL is converted */
    size_t k = 1;
    if ((unsigned char)name_text[i] >= 0x80) {
      non_ascii = 1;
      /* Bytes that are not UTF-8 (RFC 3629 §4) are not text at all: said as such, at the first
       * byte that is not part of a well-formed sequence, before any name rule. */
      k = cabref_utf8_seq((const unsigned char *)name_text + i, len - i);
      if (k == 0) {
        *err_pos = i;
        return CABREF_PSL_NAME_BAD_UTF8;
      }
    }
    i += k;
  }
  /* A NUL byte too: cabref_name_from_text reports the first offending byte (NAME-ERROR), the NUL
   * at its offset in the given text. */
  e = cabref_name_from_text(name_text, len, policy, name_buf, CABREF_NAME_TEXT_BUF, name_out, &pos);
  if (e != CABREF_NAME_OK) {
    /* Offsets into the converted text are offsets into the given text only for ASCII; a refused
     * U-label's and a NUL's offset is the given text's. Otherwise a non-ASCII name reports
     * offset 0. */
    *err_pos = !non_ascii || e == CABREF_NAME_BAD_ULABEL || e == CABREF_NAME_NUL ? pos : 0;
    if (e == CABREF_NAME_BAD_ULABEL || e == CABREF_NAME_BAD_ALABEL)
      return CABREF_PSL_NAME_BAD_IDN;
    return (int)e;
  }
  if (cabref_psl_match_name(t, name_buf, strlen(name_buf), name_out, options, out) != 0) {
    *err_pos = 0;
    return CABREF_NAME_BAD_WILDCARD; /* only "*" */
  }
  return CABREF_NAME_OK;
}
