/* cabref psl [--private] [--no-star] [--wildcard-parent] [--list FILE] [--json] [--] NAME...
 *
 * The public suffix, registrable domain and prevailing rule of each name (spec/psl.md PSL-MATCH-*,
 * PSL-OPT-*). Without NAME, names are read from stdin, one per line, streamed with bounded memory
 * (a line is read in chunks; a line longer than 1024 bytes is refused without being kept). A
 * refused name prints an error with its line number and the run continues. With --json, one
 * object per name; the name is echoed as given, each byte outside a well-formed UTF-8 sequence
 * written as U+FFFD (so the output is always UTF-8 JSON). Exit status: 0 if
 * every name was answered, 3 if some name was refused (or the list is malformed), 2 on usage
 * errors, 4 if the list cannot be read. argv[0] is "psl".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../shell/shell.h"
#include "cabref/name_idn.h"
#include "cabref/psl_load.h"

int cabref_cmd_psl(int argc, char **argv);

#define PSL_LINE_MAX 1024

static const char *kind_str(int k) {
  static const char *const s[] = {"default", "normal", "wildcard", "exception", "none"};
  return k >= 0 && k <= 4 ? s[k] : "none";
}

static void put_labels(const char *text, const cabref_name *nm, unsigned labels) {
  unsigned i;
  for (i = nm->n_labels - labels; i < nm->n_labels; i++) {
    size_t c;
    if (i > nm->n_labels - labels)
      putchar('.');
    for (c = 0; c < nm->labels[i].len; c++) {
      char ch = text[nm->labels[i].off + c];
      putchar(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
  }
}

/* s[0 .. n-1] as a JSON string. JSON text is UTF-8 (RFC 8259 §8.1): well-formed UTF-8 is written
 * as it is, '"', '\\' and control bytes escaped, and each byte outside a well-formed sequence as
 * \ufffd (U+FFFD), as cabref adn does. */
static void put_json_str(const char *s, size_t n) {
  size_t i = 0;
  putchar('"');
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    size_t k = cabref_utf8_seq((const unsigned char *)s + i, n - i);
    if (k == 0) {
      fputs("\\ufffd", stdout);
      i++;
      continue;
    }
    if (c == '"' || c == '\\')
      printf("\\%c", c);
    else if (c < 0x20)
      printf("\\u%04x", c);
    else
      fwrite(s + i, 1, k, stdout);
    i += k;
  }
  putchar('"');
}

/* One name; returns 0 if answered, 1 if refused. */
static int one(const cabref_psl_table *t, const char *s, size_t len, uint32_t opts, int json,
               unsigned long line) {
  cabref_psl_match m;
  cabref_name nm;
  char buf[256], rule[300];
  size_t pos = 0;
  int e = cabref_psl_lookup_text(t, s, len, opts, &m, &nm, buf, &pos);
  if (e != CABREF_NAME_OK) {
    /* Positions are 1-based byte columns everywhere in the CLI (README, Positions). */
    if (json) {
      printf("{\"line\":%lu,\"name\":", line);
      put_json_str(s, len);
      printf(",\"error\":\"%s\",\"column\":%zu}\n", cabref_psl_name_error_code(e), pos + 1);
    } else {
      fprintf(stderr, "cabref psl: %s%lu: column %zu: %s (%s)\n", line ? "line " : "name ", line,
              pos + 1, cabref_psl_name_error_message(e), cabref_psl_name_error_code(e));
    }
    return 1;
  }
  cabref_psl_rule_text(t, &m, rule, sizeof rule);
  if (json) {
    printf("{\"line\":%lu,\"name\":", line);
    put_json_str(s, len);
    printf(",\"publicSuffix\":");
    if (m.suffix_labels) {
      putchar('"');
      put_labels(buf, &nm, m.suffix_labels);
      putchar('"');
    } else
      printf("null");
    printf(",\"registrableDomain\":");
    if (cabref_psl_registrable_labels(&m)) {
      putchar('"');
      put_labels(buf, &nm, cabref_psl_registrable_labels(&m));
      putchar('"');
    } else
      printf("null");
    printf(",\"rule\":");
    if (m.kind == CABREF_PSL_RULE_NONE)
      printf("null");
    else
      put_json_str(rule, strlen(rule));
    printf(",\"kind\":\"%s\",\"section\":\"%s\"}\n", kind_str(m.kind),
           m.kind == CABREF_PSL_RULE_DEFAULT || m.kind == CABREF_PSL_RULE_NONE ? "none"
           : m.private_section                                                 ? "private"
                                                                               : "icann");
  } else {
    fwrite(s, 1, len, stdout);
    printf("\tsuffix=");
    if (m.suffix_labels)
      put_labels(buf, &nm, m.suffix_labels);
    else
      printf("-");
    printf("\tregistrable=");
    if (cabref_psl_registrable_labels(&m))
      put_labels(buf, &nm, cabref_psl_registrable_labels(&m));
    else
      printf("-");
    printf("\trule=%s\tkind=%s\n", m.kind == CABREF_PSL_RULE_NONE ? "-" : rule, kind_str(m.kind));
  }
  return 0;
}

static int usage(FILE *f) {
  fprintf(f,
          "usage: cabref psl [--private] [--no-star] [--wildcard-parent] [--list FILE] [--json]\n"
          "                  [--] [NAME...]\n"
          "The public suffix, registrable domain and prevailing rule of each NAME (or of each\n"
          "line of stdin). --private: also the PRIVATE section; --no-star: no default \"*\"\n"
          "rule; --wildcard-parent: \"*.X\" also makes X a suffix; --list: the list file\n"
          "(default /usr/share/publicsuffix/public_suffix_list.dat, or $CABREF_PSL_FILE).\n"
          "\"--\" ends the options: every later argument is a name, even one starting '-'.\n"
          "Positions are 1-based byte columns.\n");
  return f == stdout ? 0 : 2;
}

int cabref_cmd_psl(int argc, char **argv) {
  const char *list = "/usr/share/publicsuffix/public_suffix_list.dat";
  /* PSL-OPT-DEFAULT: without an option flag the BR default holds (ICANN section only, the "*"
   * rule on, strict wildcards); each flag below departs from it in one point. */
  uint32_t opts = CABREF_PSL_BR_DEFAULT;
  int json = 0, i, bad = 0, names = 0, end_of_options = 0;
  char **name = calloc((size_t)argc + 1u, sizeof *name);
  cabref_psl_list *l;
  cabref_error err;
  const char *env = getenv("CABREF_PSL_FILE");
  if (name == NULL) {
    fprintf(stderr, "cabref psl: out of memory\n");
    return 4;
  }
  if (env != NULL && env[0] != '\0')
    list = env;
  for (i = 1; i < argc; i++) {
    if (end_of_options || argv[i][0] != '-' || argv[i][1] == '\0')
      name[names++] = argv[i];
    else if (strcmp(argv[i], "--") == 0)
      end_of_options = 1;
    else if (strcmp(argv[i], "--private") == 0)
      opts |= CABREF_PSL_PRIVATE; /* PSL-OPT-SECTIONS: the PRIVATE rules count only if asked */
    else if (strcmp(argv[i], "--no-star") == 0)
      opts |= CABREF_PSL_NO_STAR_RULE;
    else if (strcmp(argv[i], "--wildcard-parent") == 0)
      opts |= CABREF_PSL_WILDCARD_PARENT;
    else if (strcmp(argv[i], "--json") == 0)
      json = 1;
    else if (strcmp(argv[i], "--list") == 0 && i + 1 < argc)
      list = argv[++i];
    else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      free(name);
      return usage(stdout);
    } else {
      fprintf(stderr, "cabref psl: unknown option or missing argument: %s\n", argv[i]);
      free(name);
      return usage(stderr);
    }
  }
  if (cabref_psl_load_file(list, &l, &err) != CABREF_OK) {
    if (json) /* every failure is one JSON object on stdout too, as for every command */
      cabref_print_error_json(stdout, &err);
    fprintf(stderr, "cabref psl: %s\n", err.message);
    free(name);
    return err.status == CABREF_E_IO ? 4 : 3;
  }
  if (names > 0) {
    for (i = 0; i < names; i++)
      bad |= one(&l->table, name[i], strlen(name[i]), opts, json, 0);
  } else {
    /* Streamed byte by byte into a fixed buffer: a line over PSL_LINE_MAX is skipped to its end
     * and refused, so memory stays bounded whatever the input. NUL bytes are kept (and refused
     * by the name parser). Every line gets exactly one answer (JSON: one line). */
    char buf[PSL_LINE_MAX];
    unsigned long line = 0;
    int c = 0;
    while (c != EOF) {
      size_t n = 0;
      int too_long = 0;
      c = getc_unlocked(stdin);
      if (c == EOF)
        break;
      line++;
      while (c != EOF && c != '\n') {
        if (n < sizeof buf)
          buf[n++] = (char)c;
        else
          too_long = 1;
        c = getc_unlocked(stdin);
      }
      if (too_long) {
        if (json)
          printf("{\"line\":%lu,\"name\":null,\"error\":\"too-long\",\"column\":%d}\n", line,
                 PSL_LINE_MAX + 1);
        else
          fprintf(stderr, "cabref psl: line %lu: column %d: longer than %d bytes (too-long)\n",
                  line, PSL_LINE_MAX + 1, PSL_LINE_MAX);
        bad = 1;
        continue;
      }
      if (n > 0 && buf[n - 1] == '\r')
        n--;
      bad |= one(&l->table, buf, n, opts, json, line);
    }
  }
  cabref_psl_list_free(l);
  free(name);
  fflush(stdout);
  return bad ? 3 : 0;
}
