/* cabref CLI: `cabref adn NAME... [options]` (spec/adn.md). Names from the arguments, or from
 * stdin one per line (streamed: a line longer than the name limit is an error for that line, the
 * rest of the line is skipped; memory stays bounded). Every name gets an answer or an error with
 * its line number; the run continues. Exit 0 when every name was answered, 3 when some name was
 * refused, 2 on a bad command line, 4 when a list could not be read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "../shell/shell.h"
#include "cabref/adn_shell.h"

#define DEFAULT_PSL "/usr/share/publicsuffix/public_suffix_list.dat"
#define MAX_LINE 1024u /* a name line beyond this is refused (names are at most 253 bytes) */

int cabref_cmd_adn(int argc, char **argv);

static int usage(void) {
  fprintf(stderr,
          "usage: cabref adn NAME... [--method M] [--at DATE] [--cname TARGET] [--covers ADN]\n"
          "                  [--record NAME] [--spec13] [--spec13-list FILE] [--list FILE]\n"
          "                  [--private] [--no-star] [--wildcard-parent] [--json] [--] NAME...\n"
          "       cabref adn --rules --method M [--at DATE] [--json]  (the rules of a method)\n"
          "       cabref adn --ports [--at DATE] [--json]        (the Authorized Ports)\n"
          "Without NAME, names are read from stdin, one per line. M is 3.2.2.4.N or N (1..22);\n"
          "DATE is YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC; default now). --list is the Public\n"
          "Suffix List (default " DEFAULT_PSL "); --private also uses its PRIVATE section\n"
          "(BR 3.2.2.6: ICANN only); --no-star and --wildcard-parent as for cabref psl.\n"
          "--spec13 lets a Specification 13 gTLD be its own Base Domain Name "
          "(list:\n" CABREF_SPEC13_DEFAULT
          "). \"--\" ends the options. Positions are 1-based byte columns.\n");
  return CABREF_EXIT_USAGE;
}

typedef struct {
  const cabref_psl_list *l;
  uint32_t psl_options;
  const cabref_spec13_list *s13;
  const cabref_adn_request *rq;
  int json;
} adn_ctx;

static const char *yes(json_t *o, const char *key) {
  return json_is_true(json_object_get(o, key)) ? "yes" : "no";
}

static const char *str_or(json_t *o, const char *key, const char *dflt) {
  const char *s = json_string_value(json_object_get(o, key));
  return s ? s : dflt;
}

static void print_list(const char *label, json_t *arr, const char *key) {
  size_t i;
  printf("  %s:", label);
  if (json_array_size(arr) == 0)
    printf(" (none)");
  for (i = 0; i < json_array_size(arr); i++) {
    json_t *e = json_array_get(arr, i);
    if (key != NULL)
      printf(" %s%s", str_or(e, key, "?"),
             strcmp(str_or(e, "via", ""), "cname") == 0 ? " (via CNAME)" : "");
    else
      printf(" %s", json_string_value(e) ? json_string_value(e) : "?");
  }
  printf("\n");
}

static void print_method(json_t *m) {
  printf("  method %s at %s: %s (introduced %s", str_or(m, "id", "?"), str_or(m, "at", "?"),
         str_or(m, "status", "?"), str_or(m, "introduced", "never"));
  if (json_string_value(json_object_get(m, "discouraged")))
    printf(", SHOULD NOT from %s", str_or(m, "discouraged", "?"));
  if (json_string_value(json_object_get(m, "sunset")))
    printf(", MUST NOT from %s", str_or(m, "sunset", "?"));
  printf(")\n    wildcard: %s, pruning: %s, CNAME: %s, record prefix: %s, Authorized Ports: %s, "
         "constructed e-mail: %s\n",
         yes(m, "wildcard"), yes(m, "prune"), yes(m, "cname"), str_or(m, "recordPrefix", "none"),
         yes(m, "authorizedPorts"), yes(m, "constructedEmail"));
}

static void print_view(json_t *o, const char *indent) {
  json_t *ps = json_object_get(o, "publicSuffix"), *bdn = json_object_get(o, "bdn");
  printf("%spublic suffix: %s\n", indent, json_is_string(ps) ? json_string_value(ps) : "(none)");
  printf("%sbase domain name: %s%s\n", indent,
         json_is_string(bdn) ? json_string_value(bdn) : "(none: the name is a public suffix)",
         json_is_true(json_object_get(o, "spec13")) ? " (Specification 13 gTLD)" : "");
}

/* One name: print the answer or the error. Returns 0 when answered, 1 when refused. */
static int one_name(const adn_ctx *c, const char *name, size_t len, const char *src,
                    unsigned long line) {
  json_t *o = cabref_adn_json(c->l, c->psl_options, c->s13, name, len, c->rq);
  int refused;
  if (o == NULL) {
    fprintf(stderr, "cabref adn: out of memory\n");
    return 1;
  }
  refused = json_object_get(o, "error") != NULL;
  /* Positions are 1-based byte columns everywhere in the CLI (README, Positions); the library's
   * "position" (a 0-based offset, as in the vectors) becomes "column". */
  if (refused && json_object_get(o, "position") != NULL) {
    json_int_t p = json_integer_value(json_object_get(o, "position"));
    json_object_del(o, "position");
    json_object_set_new(o, "column", json_integer(p + 1));
  }
  if (c->json) {
    char *s;
    if (line > 0)
      json_object_set_new(o, "line", json_integer((json_int_t)line));
    s = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
    if (s != NULL)
      printf("%s\n", s);
    free(s);
  } else if (refused) {
    fprintf(stderr, "%s:%lu:%lld: error: %s (%s)\n", src, line,
            (long long)json_integer_value(json_object_get(o, "column")), str_or(o, "message", "?"),
            str_or(o, "error", "?"));
  } else {
    json_t *cn = json_object_get(o, "cname"), *m = json_object_get(o, "method");
    json_t *cov = json_object_get(o, "covers"), *rec = json_object_get(o, "record");
    printf("%s\n", str_or(o, "fqdn", "?"));
    if (json_is_true(json_object_get(o, "wildcard")))
      printf("  wildcard: the FQDN is the name without \"*.\"\n");
    print_view(o, "  ");
    print_list("candidates", json_object_get(o, "candidates"), NULL);
    if (cn != NULL) {
      if (json_object_get(cn, "error") != NULL) {
        printf("  cname %s: error: %s\n", str_or(cn, "name", "?"), str_or(cn, "message", "?"));
      } else {
        printf("  cname target %s\n", str_or(cn, "fqdn", "?"));
        print_view(cn, "    ");
        print_list("  candidates", json_object_get(cn, "candidates"), NULL);
      }
    }
    if (m != NULL) {
      print_method(m);
      printf("  usable for this name: %s\n", yes(o, "usable"));
      print_list("ADNs the method may use", json_object_get(o, "adns"), "adn");
      if (json_object_get(o, "emails") != NULL)
        print_list("constructed e-mail", json_object_get(o, "emails"), NULL);
      if (json_object_get(o, "authorizedPorts") != NULL) {
        json_t *p = json_object_get(o, "authorizedPorts");
        size_t i;
        printf("  Authorized Ports:");
        for (i = 0; i < json_array_size(p); i++)
          printf(" %lld", (long long)json_integer_value(json_array_get(p, i)));
        printf("\n");
      }
    }
    if (cov != NULL)
      printf("  covered by %s: %s\n", str_or(cov, "adn", "?"), yes(cov, "result"));
    if (rec != NULL)
      print_list("DNS Change record location for", json_object_get(rec, "adns"), NULL);
  }
  json_decref(o);
  return refused;
}

/* Reads stdin line by line with a fixed buffer (bounded memory). */
static int names_from_stdin(const adn_ctx *c, int *refused) {
  char buf[MAX_LINE + 1];
  size_t n = 0;
  unsigned long line = 0;
  int ch, too_long = 0, any = 0;
  for (;;) {
    ch = getchar();
    if (ch == EOF && n == 0 && !too_long)
      break;
    if (ch == '\n' || ch == EOF) {
      line++;
      if (n > 0 && buf[n - 1] == '\r')
        n--;
      if (too_long) {
        if (c->json)
          printf("{\"line\":%lu,\"error\":\"too-long\",\"message\":\"line longer than %u bytes\","
                 "\"column\":%u}\n",
                 line, MAX_LINE, MAX_LINE + 1);
        else
          fprintf(stderr, "<stdin>:%lu:%u: error: line longer than %u bytes (too-long)\n", line,
                  MAX_LINE + 1, MAX_LINE);
        *refused = 1;
      } else if (n == 0) {
        if (c->json)
          printf("{\"line\":%lu,\"error\":\"empty\",\"message\":\"empty line\",\"column\":1}\n",
                 line);
        else
          fprintf(stderr, "<stdin>:%lu:1: error: empty line (empty)\n", line);
        *refused = 1;
      } else {
        *refused |= one_name(c, buf, n, "<stdin>", line);
      }
      any = 1;
      n = 0;
      too_long = 0;
      if (ch == EOF)
        break;
      continue;
    }
    if (n < MAX_LINE)
      buf[n++] = (char)ch;
    else
      too_long = 1;
  }
  fflush(stdout);
  return any;
}

static int adn_main(int argc, char **argv, const char **names) {
  const char *list = DEFAULT_PSL, *s13_path = NULL, *method = NULL, *at = NULL;
  int json = 0, spec13 = 0, ports = 0, rules = 0, n_names = 0, refused = 0, i, end_of_options = 0;
  uint32_t psl_options = CABREF_PSL_BR_DEFAULT;
  cabref_adn_request rq;
  cabref_psl_list *psl = NULL;
  cabref_spec13_list *s13 = NULL;
  cabref_error err;
  adn_ctx ctx;

  memset(&rq, 0, sizeof rq);
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    int has_arg = i + 1 < argc;
    if (strcmp(a, "--json") == 0) {
      json = 1;
    } else if (strcmp(a, "--spec13") == 0) {
      spec13 = 1;
    } else if (end_of_options || a[0] != '-' || a[1] == '\0') {
      names[n_names++] = a;
    } else if (strcmp(a, "--") == 0) {
      end_of_options = 1;
    } else if (strcmp(a, "--private") == 0) {
      psl_options |= CABREF_PSL_PRIVATE; /* PSL-OPT-SECTIONS */
    } else if (strcmp(a, "--no-star") == 0) {
      psl_options |= CABREF_PSL_NO_STAR_RULE; /* PSL-OPT-DEFAULT: no "*" rule */
    } else if (strcmp(a, "--wildcard-parent") == 0) {
      psl_options |= CABREF_PSL_WILDCARD_PARENT;
    } else if (strcmp(a, "--ports") == 0) {
      ports = 1;
    } else if (strcmp(a, "--rules") == 0) {
      rules = 1;
    } else if (strcmp(a, "--method") == 0 && has_arg) {
      method = argv[++i];
    } else if (strcmp(a, "--at") == 0 && has_arg) {
      at = argv[++i];
    } else if (strcmp(a, "--cname") == 0 && has_arg) {
      rq.cname = argv[++i];
    } else if (strcmp(a, "--covers") == 0 && has_arg) {
      rq.covers = argv[++i];
    } else if (strcmp(a, "--record") == 0 && has_arg) {
      rq.record = argv[++i];
    } else if (strcmp(a, "--list") == 0 && has_arg) {
      list = argv[++i];
    } else if (strcmp(a, "--spec13-list") == 0 && has_arg) {
      s13_path = argv[++i];
      spec13 = 1;
    } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      usage();
      return CABREF_EXIT_OK;
    } else {
      fprintf(stderr, "cabref adn: unknown option or missing argument: %s\n", a);
      return usage();
    }
  }
  rq.at = (cabref_instant)time(NULL);
  if (at != NULL && cabref_adn_parse_date(at, &rq.at) != 0) {
    fprintf(stderr, "cabref adn: --at: not a date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ): %s\n", at);
    return CABREF_EXIT_USAGE;
  }
  if (method != NULL) {
    if (cabref_adn_parse_method(method, &rq.method) != 0) {
      fprintf(stderr,
              "cabref adn: --method: not a method of BR 3.2.2.4 (3.2.2.4.1 .. 3.2.2.4.22): %s\n",
              method);
      return CABREF_EXIT_USAGE;
    }
    rq.has_method = 1;
  }
  if (ports || rules) {
    /* Questions about dates only. */
    json_t *o = json_object();
    char when[40];
    cabref_adn_format_instant(rq.at, when, sizeof when);
    json_object_set_new(o, "at", json_string(when));
    if (rules && !rq.has_method) {
      json_decref(o);
      fprintf(stderr, "cabref adn: --rules needs --method\n");
      return CABREF_EXIT_USAGE;
    }
    if (rq.has_method)
      json_object_set_new(o, "method", cabref_adn_method_json(rq.method, rq.at));
    if (ports)
      json_object_set_new(o, "authorizedPorts", cabref_adn_ports_json(rq.at));
    if (json) {
      char *s = json_dumps(o, JSON_COMPACT);
      printf("%s\n", s ? s : "null");
      free(s);
    } else {
      if (rq.has_method)
        print_method(json_object_get(o, "method"));
      if (ports) {
        json_t *p = json_object_get(o, "authorizedPorts");
        size_t k;
        printf("Authorized Ports at %s:", when);
        for (k = 0; k < json_array_size(p); k++)
          printf(" %lld", (long long)json_integer_value(json_array_get(p, k)));
        printf("%s\n", json_array_size(p) == 0 ? " (none: before Ballot 169 took effect)" : "");
      }
    }
    json_decref(o);
    if (n_names == 0)
      return CABREF_EXIT_OK;
  }
  if (cabref_psl_load_file(list, &psl, &err) != CABREF_OK) {
    if (json) /* every failure is one JSON object on stdout too */
      cabref_print_error_json(stdout, &err);
    fprintf(stderr, "cabref adn: %s\n", err.message);
    return CABREF_EXIT_IO;
  }
  if (spec13 &&
      cabref_spec13_load(s13_path ? s13_path : CABREF_SPEC13_DEFAULT, &s13, &err) != CABREF_OK) {
    if (json)
      cabref_print_error_json(stdout, &err);
    fprintf(stderr, "cabref adn: %s\n", err.message);
    cabref_psl_list_free(psl);
    return CABREF_EXIT_IO;
  }
  ctx.l = psl;
  ctx.psl_options = psl_options;
  ctx.s13 = s13;
  ctx.rq = &rq;
  ctx.json = json;
  if (n_names > 0) {
    for (i = 0; i < n_names; i++)
      refused |= one_name(&ctx, names[i], strlen(names[i]), "<argv>", (unsigned long)i + 1u);
  } else {
    names_from_stdin(&ctx, &refused);
  }
  cabref_spec13_free(s13);
  cabref_psl_list_free(psl);
  return refused ? CABREF_EXIT_INPUT : CABREF_EXIT_OK;
}

int cabref_cmd_adn(int argc, char **argv) {
  /* The names, in order (after "--" every argument is a name, even one starting with '-'). */
  const char **names = calloc((size_t)argc + 1u, sizeof *names);
  int rc;
  if (names == NULL) {
    fprintf(stderr, "cabref adn: out of memory\n");
    return CABREF_EXIT_IO;
  }
  rc = adn_main(argc, argv, names);
  free(names);
  return rc;
}
