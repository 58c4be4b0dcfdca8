/* cabref bench: the registrable domain of 1,000,000 names with cabref and with libpsl, loaded from
 * the same text file (the pinned snapshot), same input, same run. Requirements: spec/psl.md
 * PSL-MATCH-*, PSL-OPT-SECTIONS, PSL-OPT-WILDCARD-PARENT.
 *
 * Names are generated deterministically (xorshift) from the snapshot's own rules (with 0-3 random
 * prefix labels; "*" replaced by a random label), plus unknown top-level labels and deep names (10
 * labels). cabref runs with ICANN+PRIVATE and the wildcard-parent reading, the configuration in
 * which it must agree with libpsl's psl_registrable_domain(); both answers are compared. cabref's
 * time includes the name parse (validation), which libpsl does not do. The table is compiled
 * once; compile time is reported separately. Each side's loop over all names is run REPS times,
 * alternating the two, and the fastest pass of each is reported (the machine may be shared).
 *
 * Usage: psl_bench [LIST] [N]   (default vectors/psl/public_suffix_list.dat, 1000000)
 */
#include <libpsl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cabref/psl_load.h"

#define REPS 7

#define BENCH_SEED 0x9E3779B97F4A7C15u
#include "bench_util.h"

static size_t rand_label(char *p) {
  static const char al[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  size_t n = 1 + next() % 10, i;
  for (i = 0; i < n; i++)
    p[i] = al[next() % 26 + (i > 0 ? next() % 2 * 10 : 0)];
  return n;
}

/* Node r's labels as a name, right to left. */
static size_t node_text(const cabref_psl_table *t, uint32_t r, char *p) {
  const cabref_psl_node *n = &t->nodes[r];
  size_t o = 0;
  int i;
  for (i = n->depth - 1; i >= 0; i--) {
    const cabref_psl_span *s = &t->spans[n->labels + (uint32_t)i];
    memcpy(p + o, t->pool + s->off, s->len);
    o += s->len;
    if (i > 0)
      p[o++] = '.';
  }
  return o;
}

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : "vectors/psl/public_suffix_list.dat";
  size_t n = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 1000000u;
  cabref_psl_list *l;
  cabref_error err;
  psl_ctx_t *psl;
  char *names;
  size_t *off, i, total = 0;
  double t0, t1, t_compile, t_cab = 0, t_psl = 0;
  size_t agree = 0, differ = 0, refused = 0;
  int rep;
  unsigned char *cab_none;
  uint8_t *cab_len;
  const uint32_t opts = CABREF_PSL_PRIVATE | CABREF_PSL_WILDCARD_PARENT;
  volatile size_t sink = 0;

  t0 = now();
  if (cabref_psl_load_file(path, &l, &err) != CABREF_OK) {
    fprintf(stderr, "psl_bench: %s\n", err.message);
    return 1;
  }
  t_compile = now() - t0;
  t0 = now();
  psl = psl_load_file(path);
  t1 = now() - t0;
  if (psl == NULL) {
    fprintf(stderr, "psl_bench: libpsl cannot load %s\n", path);
    return 1;
  }
  names = malloc(n * 128);
  off = malloc((n + 1) * sizeof *off);
  cab_none = malloc(n);
  cab_len = malloc(n);
  if (!names || !off || !cab_none || !cab_len)
    return 1;
  for (i = 0; i < n; i++) {
    char *p = names + total;
    size_t o = 0, k, pre;
    uint64_t kind = next() % 10;
    if (kind < 8) { /* a rule with prefixes */
      uint32_t r = (uint32_t)(next() % l->table.n_nodes);
      pre = next() % 4;
      if (l->table.nodes[r].wild_icann || l->table.nodes[r].wild_private)
        pre++;
      for (k = 0; k < pre; k++) {
        o += rand_label(p + o);
        p[o++] = '.';
      }
      o += node_text(&l->table, r, p + o);
    } else if (kind == 8) { /* unknown top-level label */
      pre = 1 + next() % 3;
      for (k = 0; k < pre; k++) {
        o += rand_label(p + o);
        p[o++] = '.';
      }
      memcpy(p + o, "zz", 2);
      o += 2;
      o += rand_label(p + o);
    } else { /* deep name under a random rule */
      uint32_t r = (uint32_t)(next() % l->table.n_nodes);
      for (k = 0; k < 10; k++) {
        o += rand_label(p + o);
        p[o++] = '.';
      }
      o += node_text(&l->table, r, p + o);
    }
    p[o] = '\0';
    off[i] = total;
    total += o + 1;
  }
  off[n] = total;

  for (rep = 0; rep < REPS; rep++) {
    double tc, tp;
    /* cabref: parse + match + registrable labels. */
    t0 = now();
    for (i = 0; i < n; i++) {
      const char *s = names + off[i];
      size_t len = off[i + 1] - off[i] - 1, pos;
      cabref_name nm;
      cabref_psl_match m;
      if (cabref_name_parse(s, len, CABREF_NAME_ALLOW_WILDCARD, &nm, &pos) != CABREF_NAME_OK ||
          cabref_psl_match_name(&l->table, s, len, &nm, opts, &m) != 0) {
        cab_none[i] = 2;
        continue;
      }
      cab_len[i] = (uint8_t)cabref_psl_registrable_labels(&m);
      cab_none[i] = cab_len[i] == 0;
      sink += cab_len[i];
    }
    tc = now() - t0;

    /* libpsl: psl_registrable_domain (both sections, wildcard parents, "*" rule). */
    t0 = now();
    for (i = 0; i < n; i++) {
      const char *r = psl_registrable_domain(psl, names + off[i]);
      sink += r != NULL ? (size_t)(r - names) : 0;
    }
    tp = now() - t0;
    if (rep == 0 || tc < t_cab)
      t_cab = tc;
    if (rep == 0 || tp < t_psl)
      t_psl = tp;
  }

  /* Compare (outside the timed loops). */
  for (i = 0; i < n; i++) {
    const char *s = names + off[i];
    const char *r = psl_registrable_domain(psl, s);
    size_t labels = 0;
    const char *c;
    if (cab_none[i] == 2) {
      refused++; /* cabref refuses the name (e.g. an all-numeric label as TLD); libpsl answers */
      continue;
    }
    if (r != NULL)
      for (labels = 1, c = r; *c; c++)
        labels += *c == '.';
    if ((r == NULL && cab_none[i]) || (r != NULL && !cab_none[i] && labels == cab_len[i]))
      agree++;
    else {
      if (differ < 5)
        fprintf(stderr, "differ: %s: libpsl %s, cabref %u labels\n", s, r ? r : "(none)",
                cab_len[i]);
      differ++;
    }
  }
  printf("names: %zu (%zu bytes); list: %s (%u rules, %u nodes)\n", n, total, path, l->n_rules,
         l->table.n_nodes);
  printf("compile: cabref %.1f ms, libpsl psl_load_file %.1f ms\n", t_compile * 1e3, t1 * 1e3);
  printf("timing: fastest of %d alternating passes per side\n", REPS);
  printf("cabref (parse + match): %.1f ms (%.0f ns/name)\n", t_cab * 1e3, t_cab * 1e9 / (double)n);
  printf("libpsl psl_registrable_domain: %.1f ms (%.0f ns/name)\n", t_psl * 1e3,
         t_psl * 1e9 / (double)n);
  printf("ratio libpsl/cabref: %.2f\n", t_psl / t_cab);
  printf("agree: %zu, differ: %zu, refused by cabref's name parser: %zu\n", agree, differ, refused);
  psl_free(psl);
  cabref_psl_list_free(l);
  free(names);
  free(off);
  free(cab_none);
  free(cab_len);
  (void)sink;
  return differ != 0;
}
