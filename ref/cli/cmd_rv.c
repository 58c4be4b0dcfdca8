/* cabref CLI: `cabref rv new|check|window|cutoff` (spec/random-value.md, formats in
 * spec/random-value-formats.md).
 *
 *   new     draw Random Values from OpenSSL through the health tests (RV-GEN, RV-HEALTH-STOP)
 *   check   what presented values can show: capacity, encoding, channel (RV-CAPACITY, ...)
 *   window  how long a method's value may be used, and whether a use is inside (RV-WINDOW-*)
 *   cutoff  the SP 800-90B health-test cutoffs (RV-HEALTH-*-CUTOFF)
 *
 * Exit status: 0 success (new: values written; check: no value shown too weak; window: the use
 * is valid); 1 check: some value is too weak, window: the use is outside the window; 2 usage;
 * 3 malformed input (an alphabet, a value, a date); 4 the random source or a file failed;
 * 11 a health test failed (nothing written). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "../shell/shell.h"
#include "cabref/adn_shell.h"
#include "cabref/rv_shell.h"
#include "cabref/rv_token.h"

int cabref_cmd_rv(int argc, char **argv);

#define RV_COUNT_MAX 100000u

static int usage(void) {
  fprintf(stderr,
          "usage: cabref rv new [--alphabet A] [--bits N] [--count K] [--json]\n"
          "                     [--health-h H] [--health-alpha A] [--no-health]\n"
          "                     [--octets-from FILE] [--ledger FILE --method M [--at DATE]\n"
          "                     [--applicant-submitted]]\n"
          "       cabref rv consume VALUE... --ledger FILE [--at DATE] [--json]\n"
          "       cabref rv acme --token T [--key FILE] [--key-authorization KA] [--dns01 TXT]\n"
          "                     (also: cabref rv check --acme --token T ...)\n"
          "                     [--json]\n"
          "       cabref rv check VALUE... --alphabet A [--channel exact|caseless|dns-label]\n"
          "                     [--bits N] [--json]\n"
          "       cabref rv window --method M --created DATE [--at DATE] [--issued DATE]\n"
          "                     [--applicant-submitted] [--dns-shorter] [--cps-days N] [--json]\n"
          "       cabref rv cutoff [--health-h H[/D]] [--health-alpha A] [--json]\n"
          "A is a name (hex, base32, base32hex, base64url, decimal, lower, lowernum, base36,\n"
          "alnum, base58, printable) or the symbols themselves (\"chars:\" forces that).\n"
          "N is a number of bits (default 112; new refuses less). M is 3.2.2.4.N, 3.2.2.5.N or\n"
          "N (3.2.2.4). DATE is YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC; --at defaults to now,\n"
          "--issued to --at). H is the claimed min-entropy per octet in bits (default 8), A the\n"
          "false-alarm exponent (alpha = 2^-A, default 40). --octets-from reads the octets\n"
          "from FILE instead of OpenSSL's RAND_bytes (for testing the health tests).\n");
  return CABREF_EXIT_USAGE;
}

static int parse_u32(const char *s, uint32_t lo, uint32_t hi, uint32_t *out) {
  char *end;
  unsigned long long v;
  if (s == NULL || s[0] < '0' || s[0] > '9')
    return -1;
  errno = 0;
  v = strtoull(s, &end, 10);
  if (errno != 0 || *end != '\0' || v < lo || v > hi)
    return -1;
  *out = (uint32_t)v;
  return 0;
}

static void print_err(const char *what, const cabref_error *e) {
  if (e->column != 0)
    fprintf(stderr, "cabref rv: %s: column %lu: %s\n", what, e->column, e->message);
  else
    fprintf(stderr, "cabref rv: %s: %s\n", what, e->message);
}

static int exit_of(cabref_status st) {
  if (st == CABREF_E_IO)
    return CABREF_EXIT_IO;
  if (st == CABREF_E_INCONSISTENT)
    return CABREF_EXIT_HEALTH;
  return CABREF_EXIT_INPUT;
}

/* ---- new ---------------------------------------------------------------------------------- */

typedef struct {
  FILE *f;
} file_source;

static int source_file(void *ctx, uint8_t *buf, size_t n) {
  file_source *fs = (file_source *)ctx;
  return fread(buf, 1, n, fs->f) == n;
}

static int parse_method(const char *s, uint32_t *section, uint32_t *method);

/* RV-LEDGER-ISSUE: values go to the ledger in batches, each committed before any of its values
 * is printed: a value shown was recorded, whatever happens to the process after. */
static int issue_and_print(const char *ledger, const char *values, size_t stride, uint32_t count,
                           const cabref_rv_use *use, const cabref_rv_window *win, int json) {
  cabref_rv_ledger *l = NULL;
  cabref_error err;
  const char **batch;
  char method[32];
  uint32_t k, b;
  cabref_status st = cabref_rv_ledger_open(ledger, &l, &err);
  if (st != CABREF_OK) {
    print_err("--ledger", &err);
    return st == CABREF_E_SYNTAX ? CABREF_EXIT_INPUT : CABREF_EXIT_IO;
  }
  snprintf(method, sizeof method, "3.2.2.%u.%u", use->section, use->method);
  batch = calloc(1000, sizeof *batch);
  if (batch == NULL) {
    cabref_rv_ledger_close(l);
    return CABREF_EXIT_IO;
  }
  for (k = 0; k < count; k += b) {
    uint32_t j;
    b = count - k < 1000u ? count - k : 1000u;
    for (j = 0; j < b; j++)
      batch[j] = values + (size_t)(k + j) * stride;
    st = cabref_rv_ledger_issue(l, batch, b, "random-value", method, use->created, win->deadline,
                                &err);
    if (st != CABREF_OK) {
      print_err("--ledger", &err);
      free(batch);
      cabref_rv_ledger_close(l);
      return st == CABREF_E_DUPLICATE ? CABREF_EXIT_FAILED : CABREF_EXIT_IO;
    }
    if (!json) {
      for (j = 0; j < b; j++)
        printf("%s\n", batch[j]);
      fflush(stdout);
    }
  }
  free(batch);
  cabref_rv_ledger_close(l);
  return CABREF_EXIT_OK;
}

static int cmd_new(int argc, char **argv) {
  const char *alphabet = "hex";
  const char *octets_from = NULL;
  const char *ledger = NULL;
  uint32_t bits = 112, count = 1, h = 8, alpha = 40;
  int json = 0, health = 1, i, have_method = 0;
  cabref_rv_use use;
  cabref_rv_window win;
  cabref_rv_alphabet a;
  cabref_rv_health hs;
  cabref_error err;
  cabref_status st;
  file_source fs = {NULL};
  char *values = NULL;
  size_t stride;
  uint32_t length = 0, k;
  memset(&use, 0, sizeof use);
  memset(&win, 0, sizeof win);
  use.created = (cabref_instant)time(NULL);
  for (i = 1; i < argc; i++) {
    const char *o = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(o, "--json") == 0) {
      json = 1;
    } else if (strcmp(o, "--no-health") == 0) {
      health = 0;
    } else if (strcmp(o, "--alphabet") == 0 && v) {
      alphabet = v;
      i++;
    } else if (strcmp(o, "--octets-from") == 0 && v) {
      octets_from = v;
      i++;
    } else if (strcmp(o, "--ledger") == 0 && v) {
      ledger = v;
      i++;
    } else if (strcmp(o, "--applicant-submitted") == 0) {
      use.applicant_submitted = 1;
    } else if (strcmp(o, "--method") == 0 && v) {
      if (parse_method(v, &use.section, &use.method) != 0) {
        fprintf(stderr, "cabref rv new: --method takes 3.2.2.4.N, 3.2.2.5.N or N, not \"%s\"\n", v);
        return CABREF_EXIT_USAGE;
      }
      have_method = 1;
      i++;
    } else if (strcmp(o, "--at") == 0 && v) {
      if (cabref_adn_parse_date(v, &use.created) != 0) {
        fprintf(stderr,
                "cabref rv new: --at takes YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, not \"%s\"\n", v);
        return CABREF_EXIT_INPUT;
      }
      i++;
    } else if (strcmp(o, "--bits") == 0 && v) {
      if (parse_u32(v, 0, CABREF_RV_MAX_THRESHOLD, &bits) != 0) {
        fprintf(stderr, "cabref rv new: --bits takes a number of bits (112..1024), not \"%s\"\n",
                v);
        return CABREF_EXIT_USAGE;
      }
      i++;
    } else if (strcmp(o, "--count") == 0 && v) {
      if (parse_u32(v, 1, RV_COUNT_MAX, &count) != 0) {
        fprintf(stderr, "cabref rv new: --count takes 1..%u, not \"%s\"\n", RV_COUNT_MAX, v);
        return CABREF_EXIT_USAGE;
      }
      i++;
    } else if (strcmp(o, "--health-h") == 0 && v) {
      if (parse_u32(v, 1, 8, &h) != 0) {
        fprintf(stderr, "cabref rv new: --health-h takes whole bits per octet (1..8), not \"%s\"\n",
                v);
        return CABREF_EXIT_USAGE;
      }
      i++;
    } else if (strcmp(o, "--health-alpha") == 0 && v) {
      if (parse_u32(v, CABREF_RV_ALPHA_MIN, CABREF_RV_ALPHA_MAX, &alpha) != 0) {
        fprintf(stderr, "cabref rv new: --health-alpha takes 1..64 (alpha = 2^-A), not \"%s\"\n",
                v);
        return CABREF_EXIT_USAGE;
      }
      i++;
    } else {
      fprintf(stderr, "cabref rv new: unknown option or missing value: %s\n", o);
      return usage();
    }
  }
  st = cabref_rv_alphabet_parse(alphabet, &a, &err);
  if (st != CABREF_OK) {
    print_err("--alphabet", &err);
    return CABREF_EXIT_INPUT;
  }
  if (ledger != NULL) {
    /* RV-LEDGER-ISSUE: the ledger keeps each value with its method's window (RV-WINDOW). */
    if (!have_method) {
      fprintf(stderr, "cabref rv new: --ledger needs --method (the window is the method's)\n");
      return CABREF_EXIT_USAGE;
    }
    use.issuance = use.created;
    if (cabref_rv_window_of(&use, &win) != CABREF_OK) {
      fprintf(stderr,
              "cabref rv new: method 3.2.2.%u.%u has no Random Value window (or the "
              "date is out of range)\n",
              use.section, use.method);
      return CABREF_EXIT_INPUT;
    }
  }
  if (bits < 112) {
    fprintf(stderr,
            "cabref rv new: %u bits asked: a Random Value needs at least 112 (BR 1.6.1 "
            "\"Random Value\")\n",
            bits);
    return CABREF_EXIT_INPUT;
  }
  st = cabref_rv_generated_length(&a, bits, &length);
  if (st != CABREF_OK) {
    fprintf(stderr, "cabref rv new: cannot size a value of %u bits\n", bits);
    return CABREF_EXIT_INPUT;
  }
  st = cabref_rv_health_start(&hs, health, h, alpha, &err);
  if (st != CABREF_OK) {
    print_err("health tests", &err);
    return CABREF_EXIT_INPUT;
  }
  if (octets_from != NULL) {
    fs.f = fopen(octets_from, "rb");
    if (fs.f == NULL) {
      fprintf(stderr, "cabref rv new: --octets-from %s: %s\n", octets_from, strerror(errno));
      return CABREF_EXIT_IO;
    }
  }
  stride = (size_t)length + 1u;
  values = calloc(count, stride);
  if (values == NULL) {
    fprintf(stderr, "cabref rv new: out of memory for %u values\n", count);
    if (fs.f)
      fclose(fs.f);
    return CABREF_EXIT_IO;
  }
  /* RV-HEALTH-STOP: every value of the run is kept back until the whole run has passed. */
  for (k = 0; k < count; k++) {
    st = cabref_rv_generate(&a, bits, fs.f ? source_file : cabref_rv_source_openssl,
                            fs.f ? (void *)&fs : NULL, &hs, values + (size_t)k * stride, stride,
                            &err);
    if (st != CABREF_OK) {
      if (st == CABREF_E_IO && fs.f)
        snprintf(err.message, sizeof err.message, "--octets-from %s ran out of octets",
                 octets_from);
      print_err("new", &err);
      free(values);
      if (fs.f)
        fclose(fs.f);
      return exit_of(st);
    }
  }
  if (fs.f)
    fclose(fs.f);
  if (ledger != NULL) {
    int rc = issue_and_print(ledger, values, stride, count, &use, &win, json);
    if (rc != CABREF_EXIT_OK || !json) {
      free(values);
      return rc;
    }
  }
  if (json) {
    json_t *o = json_object();
    json_t *arr = json_array();
    uint32_t cap = 0;
    if (a.kind == CABREF_RV_KIND_OCTETS)
      cap = ((bits + 7u) / 8u) * 8u;
    else
      (void)cabref_rv_entropy_bits(a.size, length, &cap);
    for (k = 0; k < count; k++)
      json_array_append_new(arr, json_string(values + (size_t)k * stride));
    json_object_set_new(o, "alphabet", json_string(a.name));
    json_object_set_new(o, "alphabetSize", json_integer(a.size));
    json_object_set_new(o, "length", json_integer(length));
    json_object_set_new(o, "bitsAsked", json_integer(bits));
    json_object_set_new(o, "bits", json_integer(cap));
    json_object_set_new(o, "source", json_string(octets_from ? "file" : "openssl-rand-bytes"));
    if (hs.enabled) {
      json_t *t = json_object();
      json_object_set_new(t, "h", json_integer(hs.h));
      json_object_set_new(t, "alphaLog2", json_integer(-(json_int_t)hs.alpha_bits));
      json_object_set_new(t, "rctCutoff", json_integer(hs.rct.cutoff));
      json_object_set_new(t, "aptCutoff", json_integer(hs.apt.cutoff));
      json_object_set_new(t, "aptWindow", json_integer(CABREF_RV_APT_WINDOW));
      json_object_set_new(t, "octetsTested", json_integer((json_int_t)hs.samples));
      json_object_set_new(o, "healthTests", t);
    } else {
      json_object_set_new(o, "healthTests", json_null());
    }
    json_object_set_new(o, "values", arr);
    json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    printf("\n");
    json_decref(o);
  } else {
    for (k = 0; k < count; k++)
      printf("%s\n", values + (size_t)k * stride);
  }
  free(values);
  return CABREF_EXIT_OK;
}

/* ---- check -------------------------------------------------------------------------------- */

static json_t *facts_json(const char *value, const cabref_rv_alphabet *a,
                          const cabref_rv_facts *f) {
  json_t *o = json_object();
  json_object_set_new(o, "value", json_string(value));
  json_object_set_new(o, "alphabet", json_string(a->name));
  json_object_set_new(o, "alphabetSize", json_integer(a->size));
  json_object_set_new(o, "length", json_integer(f->length));
  if (a->kind == CABREF_RV_KIND_OCTETS)
    json_object_set_new(o, "octets", json_integer(f->octets));
  json_object_set_new(o, "canonical", json_boolean(f->canonical));
  if (!f->canonical)
    json_object_set_new(o, "nonCanonical", json_string(f->noncanonical));
  json_object_set_new(o, "capacityBits", json_integer(f->capacity_bits));
  json_object_set_new(o, "channel", json_string(cabref_rv_channel_name(f->channel)));
  json_object_set_new(o, "channelBits", json_integer(f->channel_bits));
  if (f->channel == CABREF_RV_CHANNEL_DNS_LABEL) {
    json_object_set_new(o, "fitsLabel", json_boolean(f->channel_fits));
    if (!f->channel_fits)
      json_object_set_new(o, "labelProblem", json_string(f->channel_problem));
  }
  json_object_set_new(o, "threshold", json_integer(f->threshold));
  json_object_set_new(o, "verdict",
                      json_string(f->channel_meets ? "capacity-sufficient" : "too-weak"));
  json_object_set_new(
      o, "note",
      json_string(f->channel_meets
                      ? "the string could carry the threshold; only the generator can show it "
                        "does (spec/random-value.md RV-CAPACITY)"
                      : "the string cannot carry the threshold over this channel: too weak"));
  return o;
}

static int cmd_acme(int argc, char **argv);

static int cmd_check(int argc, char **argv) {
  const char *alphabet = NULL;
  uint32_t bits = 112, channel = CABREF_RV_CHANNEL_EXACT;
  int json = 0, i, n_values = 0, weak = 0, bad = 0;
  const char **values = calloc((size_t)argc, sizeof *values);
  cabref_rv_alphabet a;
  cabref_error err;
  json_t *arr;
  if (values == NULL)
    return CABREF_EXIT_IO;
  if (argc >= 2 && strcmp(argv[1], "--acme") == 0) {
    /* `rv check --acme --token T ...` is `rv acme --token T ...` (RV-ACME-*). */
    free(values);
    return cmd_acme(argc - 1, argv + 1);
  }
  for (i = 1; i < argc; i++) {
    const char *o = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(o, "--") == 0) {
      for (i++; i < argc; i++)
        values[n_values++] = argv[i];
      break;
    } else if (strcmp(o, "--json") == 0) {
      json = 1;
    } else if (strcmp(o, "--alphabet") == 0 && v) {
      alphabet = v;
      i++;
    } else if (strcmp(o, "--channel") == 0 && v) {
      if (cabref_rv_channel_parse(v, &channel) != 0) {
        fprintf(stderr,
                "cabref rv check: --channel takes exact, caseless or dns-label, not \"%s\"\n", v);
        free(values);
        return CABREF_EXIT_USAGE;
      }
      i++;
    } else if (strcmp(o, "--bits") == 0 && v) {
      if (parse_u32(v, 1, 65535, &bits) != 0) {
        fprintf(stderr, "cabref rv check: --bits takes a number of bits (1..65535), not \"%s\"\n",
                v);
        free(values);
        return CABREF_EXIT_USAGE;
      }
      i++;
    } else if (o[0] == '-' && o[1] == '-') {
      fprintf(stderr, "cabref rv check: unknown option or missing value: %s\n", o);
      free(values);
      return usage();
    } else {
      values[n_values++] = o;
    }
  }
  if (alphabet == NULL || n_values == 0) {
    fprintf(stderr, "cabref rv check: --alphabet and at least one VALUE are required\n");
    free(values);
    return usage();
  }
  if (cabref_rv_alphabet_parse(alphabet, &a, &err) != CABREF_OK) {
    print_err("--alphabet", &err);
    free(values);
    return CABREF_EXIT_INPUT;
  }
  arr = json_array();
  for (i = 0; i < n_values; i++) {
    cabref_rv_facts f;
    cabref_status st =
        cabref_rv_value_check(values[i], strlen(values[i]), &a, channel, bits, &f, &err);
    if (st != CABREF_OK) {
      char what[64];
      snprintf(what, sizeof what, "value %d", i + 1);
      print_err(what, &err);
      if (json) {
        json_t *e = json_object();
        json_object_set_new(e, "value", json_string(values[i]));
        json_object_set_new(e, "error", json_string(cabref_status_code(st)));
        json_object_set_new(e, "column", json_integer((json_int_t)err.column));
        json_object_set_new(e, "message", json_string(err.message));
        json_array_append_new(arr, e);
      }
      bad = 1;
      continue;
    }
    if (!f.channel_meets)
      weak = 1;
    if (json) {
      json_array_append_new(arr, facts_json(values[i], &a, &f));
    } else {
      printf("%s: %s, %u symbols of %s (%u), capacity %u bits, over %s %u bits; threshold %u\n",
             values[i], f.channel_meets ? "capacity-sufficient" : "TOO WEAK", f.length, a.name,
             a.size, f.capacity_bits, cabref_rv_channel_name(f.channel), f.channel_bits,
             f.threshold);
      if (!f.canonical)
        printf("  not canonical: %s\n", f.noncanonical);
      if (f.channel == CABREF_RV_CHANNEL_DNS_LABEL && !f.channel_fits)
        printf("  not a DNS label: %s\n", f.channel_problem);
      if (f.channel_meets)
        printf("  (a string can show a value too weak, never strong enough: only the "
               "generator can)\n");
    }
  }
  if (json) {
    json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    printf("\n");
  }
  json_decref(arr);
  free(values);
  if (bad)
    return CABREF_EXIT_INPUT;
  return weak ? CABREF_EXIT_FAILED : CABREF_EXIT_OK;
}

/* ---- window ------------------------------------------------------------------------------- */

static int parse_method(const char *s, uint32_t *section, uint32_t *method) {
  *section = 4;
  if (strncmp(s, "3.2.2.4.", 8) == 0) {
    s += 8;
  } else if (strncmp(s, "3.2.2.5.", 8) == 0) {
    *section = 5;
    s += 8;
  }
  return parse_u32(s, 1, 99, method);
}

static int cmd_window(int argc, char **argv) {
  cabref_rv_use use;
  cabref_rv_window w;
  cabref_instant at = (cabref_instant)time(NULL);
  int have_method = 0, have_created = 0, have_issued = 0, json = 0, i, in_force = 1;
  char method_text[32];
  cabref_status st;
  cabref_rv_use_verdict verdict;
  char buf[3][40];
  memset(&use, 0, sizeof use);
  for (i = 1; i < argc; i++) {
    const char *o = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(o, "--json") == 0) {
      json = 1;
    } else if (strcmp(o, "--applicant-submitted") == 0) {
      use.applicant_submitted = 1;
    } else if (strcmp(o, "--dns-shorter") == 0) {
      use.dns_shorter = 1;
    } else if (strcmp(o, "--method") == 0 && v) {
      if (parse_method(v, &use.section, &use.method) != 0) {
        fprintf(stderr, "cabref rv window: --method takes 3.2.2.4.N, 3.2.2.5.N or N, not \"%s\"\n",
                v);
        return CABREF_EXIT_USAGE;
      }
      have_method = 1;
      i++;
    } else if ((strcmp(o, "--created") == 0 || strcmp(o, "--at") == 0 ||
                strcmp(o, "--issued") == 0) &&
               v) {
      cabref_instant t;
      if (cabref_adn_parse_date(v, &t) != 0) {
        fprintf(stderr,
                "cabref rv window: %s takes YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC), not \"%s\"\n",
                o, v);
        return CABREF_EXIT_INPUT;
      }
      if (strcmp(o, "--created") == 0) {
        use.created = t;
        have_created = 1;
      } else if (strcmp(o, "--at") == 0) {
        at = t;
      } else {
        use.issuance = t;
        have_issued = 1;
      }
      i++;
    } else if (strcmp(o, "--cps-days") == 0 && v) {
      if (parse_u32(v, 1, 100000, &use.cps_days) != 0) {
        fprintf(stderr, "cabref rv window: --cps-days takes 1..100000, not \"%s\"\n", v);
        return CABREF_EXIT_USAGE;
      }
      i++;
    } else {
      fprintf(stderr, "cabref rv window: unknown option or missing value: %s\n", o);
      return usage();
    }
  }
  if (!have_method || !have_created) {
    fprintf(stderr, "cabref rv window: --method and --created are required\n");
    return usage();
  }
  if (!have_issued)
    use.issuance = at;
  snprintf(method_text, sizeof method_text, "3.2.2.%u.%u", use.section, use.method);
  st = cabref_rv_window_of(&use, &w);
  if (st != CABREF_OK) {
    uint32_t rule = (uint32_t)cabref_rv_rule_of(use.section, use.method);
    if (rule == CABREF_RV_RULE_NONE)
      fprintf(stderr,
              "cabref rv window: method %s uses no Random Value (spec/random-value.md "
              "RV-WINDOW-RULE)\n",
              method_text);
    else if (rule == CABREF_RV_RULE_UNSTATED && use.cps_days == 0)
      fprintf(stderr,
              "cabref rv window: method %s states no period for its Random Value: give "
              "the CPS's with --cps-days\n",
              method_text);
    else
      fprintf(stderr, "cabref rv window: a date outside 1970-01-01 .. 9990-12-31\n");
    return CABREF_EXIT_INPUT;
  }
  verdict = cabref_rv_use_check(use.created, w.deadline, at);
  if (use.section == 4) {
    /* ADN-METHOD-STATUS: a value of a method not in force at issuance validates nothing. */
    json_t *m = cabref_adn_method_json(use.method, use.issuance);
    const char *status = json_string_value(json_object_get(m, "status"));
    in_force =
        status != NULL && (strcmp(status, "allowed") == 0 || strcmp(status, "discouraged") == 0);
    json_decref(m);
  }
  cabref_adn_format_instant(use.created, buf[0], sizeof buf[0]);
  cabref_adn_format_instant(w.deadline, buf[1], sizeof buf[1]);
  cabref_adn_format_instant(at, buf[2], sizeof buf[2]);
  if (json) {
    json_t *o = json_object();
    char ib[40];
    cabref_adn_format_instant(use.issuance, ib, sizeof ib);
    json_object_set_new(o, "method", json_string(method_text));
    json_object_set_new(o, "rule", json_string(cabref_rv_rule_name(w.rule)));
    json_object_set_new(o, "created", json_string(buf[0]));
    json_object_set_new(o, "issued", json_string(ib));
    json_object_set_new(o, "applicantSubmitted", json_boolean(use.applicant_submitted));
    if (w.rule == CABREF_RV_RULE_DNS_OR)
      json_object_set_new(o, "dnsReading", json_string(use.dns_shorter ? "shorter" : "longer"));
    if (w.reuse_months != 0)
      json_object_set_new(o, "reuseMonths", json_integer(w.reuse_months));
    else
      json_object_set_new(o, "reuseDays", json_integer(w.reuse_days));
    json_object_set_new(o, "cpsDays", use.cps_days ? json_integer(use.cps_days) : json_null());
    json_object_set_new(o, "byCps", json_boolean(w.by_cps));
    json_object_set_new(o, "deadline", json_string(buf[1]));
    json_object_set_new(o, "at", json_string(buf[2]));
    json_object_set_new(o, "use", json_string(cabref_rv_use_name(verdict)));
    json_object_set_new(o, "methodInForce",
                        use.section == 4 ? json_boolean(in_force) : json_null());
    if (use.section == 4)
      json_object_set_new(o, "methodAtIssuance", cabref_adn_method_json(use.method, use.issuance));
    json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    printf("\n");
    json_decref(o);
  } else {
    printf("method %s: rule %s; created %s, usable until %s%s\n", method_text,
           cabref_rv_rule_name(w.rule), buf[0], buf[1], w.by_cps ? " (the CPS's period)" : "");
    printf("  use at %s: %s\n", buf[2], cabref_rv_use_name(verdict));
    if (!in_force)
      printf("  but method %s is not in force at issuance (spec/adn.md ADN-METHOD-STATUS)\n",
             method_text);
    else if (use.section == 5)
      printf("  (the status of IP address methods by date is not tracked by cabref)\n");
  }
  return verdict == CABREF_RV_USE_VALID && in_force ? CABREF_EXIT_OK : CABREF_EXIT_FAILED;
}

/* ---- cutoff ------------------------------------------------------------------------------- */

static int cmd_cutoff(int argc, char **argv) {
  uint32_t h_num = 8, h_den = 1, alpha = 40, rct = 0, apt = 0, apt_c = 0;
  int json = 0, i, have_apt;
  for (i = 1; i < argc; i++) {
    const char *o = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(o, "--json") == 0) {
      json = 1;
    } else if (strcmp(o, "--health-h") == 0 && v) {
      char num[24];
      const char *slash = strchr(v, '/');
      size_t n = slash ? (size_t)(slash - v) : strlen(v);
      if (n >= sizeof num)
        n = sizeof num - 1;
      memcpy(num, v, n);
      num[n] = '\0';
      if (parse_u32(num, 1, 8u * CABREF_RV_H_DEN_MAX, &h_num) != 0 ||
          (slash && parse_u32(slash + 1, 1, CABREF_RV_H_DEN_MAX, &h_den) != 0) ||
          h_num > 8u * h_den) {
        fprintf(stderr, "cabref rv cutoff: --health-h takes H or N/D, 0 < H <= 8, not \"%s\"\n", v);
        return CABREF_EXIT_USAGE;
      }
      i++;
    } else if (strcmp(o, "--health-alpha") == 0 && v) {
      if (parse_u32(v, CABREF_RV_ALPHA_MIN, CABREF_RV_ALPHA_MAX, &alpha) != 0) {
        fprintf(stderr, "cabref rv cutoff: --health-alpha takes 1..64, not \"%s\"\n", v);
        return CABREF_EXIT_USAGE;
      }
      i++;
    } else {
      fprintf(stderr, "cabref rv cutoff: unknown option or missing value: %s\n", o);
      return usage();
    }
  }
  if (cabref_rv_rct_cutoff(alpha, h_num, h_den, &rct) != CABREF_OK)
    return CABREF_EXIT_INPUT;
  have_apt = h_den == 1 || h_num % h_den == 0;
  if (have_apt) {
    uint32_t h = h_num / h_den;
    if (cabref_rv_apt_cutoff(CABREF_RV_APT_WINDOW, h, alpha, 0, &apt) != CABREF_OK ||
        cabref_rv_apt_cutoff(CABREF_RV_APT_WINDOW, h, alpha, 1, &apt_c) != CABREF_OK)
      return CABREF_EXIT_INPUT;
  }
  if (json) {
    json_t *o = json_object();
    char hb[32];
    snprintf(hb, sizeof hb, h_den == 1 ? "%u" : "%u/%u", h_num, h_den);
    json_object_set_new(o, "h", json_string(hb));
    json_object_set_new(o, "alphaLog2", json_integer(-(json_int_t)alpha));
    json_object_set_new(o, "rctCutoff", json_integer(rct));
    json_object_set_new(o, "aptWindow", json_integer(CABREF_RV_APT_WINDOW));
    json_object_set_new(o, "aptCutoff", have_apt ? json_integer(apt) : json_null());
    json_object_set_new(o, "aptCutoffCorrected", have_apt ? json_integer(apt_c) : json_null());
    json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    printf("\n");
    json_decref(o);
  } else {
    printf("repetition count cutoff: %u\n", rct);
    if (have_apt)
      printf("adaptive proportion cutoff (W = %u): %u (corrected formula: %u)\n",
             CABREF_RV_APT_WINDOW, apt, apt_c);
    else
      printf("adaptive proportion cutoff: needs a whole number of bits per sample\n");
  }
  return CABREF_EXIT_OK;
}

/* ---- consume ------------------------------------------------------------------------------ */

static int cmd_consume(int argc, char **argv) {
  const char *ledger = NULL;
  cabref_instant at = (cabref_instant)time(NULL);
  int json = 0, i, all = 1, n = 0;
  cabref_rv_ledger *l = NULL;
  cabref_error err;
  cabref_status st;
  json_t *arr = json_array();
  for (i = 1; i < argc; i++) {
    const char *o = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(o, "--json") == 0) {
      json = 1;
    } else if (strcmp(o, "--ledger") == 0 && v) {
      ledger = v;
      i++;
    } else if (strcmp(o, "--at") == 0 && v) {
      if (cabref_adn_parse_date(v, &at) != 0) {
        fprintf(stderr,
                "cabref rv consume: --at takes YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, not \"%s\"\n",
                v);
        json_decref(arr);
        return CABREF_EXIT_INPUT;
      }
      i++;
    } else if (o[0] == '-') {
      fprintf(stderr, "cabref rv consume: unknown option or missing value: %s\n", o);
      json_decref(arr);
      return usage();
    }
  }
  if (ledger == NULL) {
    fprintf(stderr, "cabref rv consume: --ledger is required\n");
    json_decref(arr);
    return usage();
  }
  st = cabref_rv_ledger_open(ledger, &l, &err);
  if (st != CABREF_OK) {
    print_err("--ledger", &err);
    json_decref(arr);
    return st == CABREF_E_SYNTAX ? CABREF_EXIT_INPUT : CABREF_EXIT_IO;
  }
  for (i = 1; i < argc; i++) {
    const char *verdict = NULL;
    if (strcmp(argv[i], "--ledger") == 0 || strcmp(argv[i], "--at") == 0) {
      i++;
      continue;
    }
    if (argv[i][0] == '-')
      continue;
    n++;
    st = cabref_rv_ledger_consume(l, argv[i], at, &verdict, &err);
    if (st != CABREF_OK) {
      print_err("--ledger", &err);
      cabref_rv_ledger_close(l);
      json_decref(arr);
      return CABREF_EXIT_IO;
    }
    if (strcmp(verdict, "consumed") != 0)
      all = 0;
    if (json)
      json_array_append_new(arr, json_pack("{s:s, s:s}", "value", argv[i], "verdict", verdict));
    else
      printf("%s: %s\n", argv[i], verdict);
  }
  cabref_rv_ledger_close(l);
  if (json) {
    json_dumpf(arr, stdout, JSON_INDENT(2));
    printf("\n");
  }
  json_decref(arr);
  if (n == 0) {
    fprintf(stderr, "cabref rv consume: no VALUE given\n");
    return usage();
  }
  return all ? CABREF_EXIT_OK : CABREF_EXIT_FAILED;
}

/* ---- acme --------------------------------------------------------------------------------- */

static int cmd_acme(int argc, char **argv) {
  const char *token = NULL, *key = NULL, *ka_given = NULL, *dns_given = NULL, *problem;
  int json = 0, i, ok = 1;
  uint32_t bits = 0;
  char thumb[64], ka[512], dns[64];
  cabref_error err;
  for (i = 1; i < argc; i++) {
    const char *o = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(o, "--json") == 0) {
      json = 1;
    } else if (strcmp(o, "--token") == 0 && v) {
      token = v;
      i++;
    } else if (strcmp(o, "--key") == 0 && v) {
      key = v;
      i++;
    } else if (strcmp(o, "--key-authorization") == 0 && v) {
      ka_given = v;
      i++;
    } else if (strcmp(o, "--dns01") == 0 && v) {
      dns_given = v;
      i++;
    } else {
      fprintf(stderr, "cabref rv acme: unknown option or missing value: %s\n", o);
      return usage();
    }
  }
  if (token == NULL || (key == NULL && (ka_given != NULL || dns_given != NULL))) {
    fprintf(stderr, "cabref rv acme: --token is required, and --key to check a key authorization "
                    "or a dns-01 value\n");
    return usage();
  }
  problem = cabref_rv_acme_token_problem(token, &bits);
  if (problem != NULL)
    ok = 0;
  thumb[0] = ka[0] = dns[0] = '\0';
  if (key != NULL) {
    char *data = NULL;
    size_t len = 0;
    if (cabref_read_file(key, &data, &len, &err) != CABREF_OK) {
      fprintf(stderr, "cabref rv acme: --key %s: %s\n", key, err.message);
      return CABREF_EXIT_IO;
    }
    if (cabref_rv_acme_thumbprint((const uint8_t *)data, len, thumb, sizeof thumb, &err) !=
        CABREF_OK) {
      fprintf(stderr, "cabref rv acme: --key %s: %s\n", key, err.message);
      free(data);
      return CABREF_EXIT_INPUT;
    }
    free(data);
    if (cabref_rv_acme_key_authorization(token, thumb, ka, sizeof ka) != CABREF_OK ||
        cabref_rv_acme_dns01(ka, dns, sizeof dns) != CABREF_OK) {
      fprintf(stderr, "cabref rv acme: the token is too long\n");
      return CABREF_EXIT_INPUT;
    }
    /* RFC 8555 §8.3, §8.4: the server compares exactly (Boulder trims trailing whitespace of an
     * http-01 body; cabref compares what it is given). */
    if (ka_given != NULL && strcmp(ka_given, ka) != 0)
      ok = 0;
    if (dns_given != NULL && strcmp(dns_given, dns) != 0)
      ok = 0;
  }
  if (json) {
    json_t *o = json_object();
    json_object_set_new(o, "token", json_string(token));
    json_object_set_new(o, "tokenBits", json_integer(bits));
    json_object_set_new(o, "tokenProblem", problem ? json_string(problem) : json_null());
    if (key != NULL) {
      json_object_set_new(o, "thumbprint", json_string(thumb));
      json_object_set_new(o, "keyAuthorization", json_string(ka));
      json_object_set_new(o, "dns01", json_string(dns));
      if (ka_given != NULL)
        json_object_set_new(o, "keyAuthorizationMatches", json_boolean(strcmp(ka_given, ka) == 0));
      if (dns_given != NULL)
        json_object_set_new(o, "dns01Matches", json_boolean(strcmp(dns_given, dns) == 0));
    }
    json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    printf("\n");
    json_decref(o);
  } else {
    printf("token: %s (%u bits%s%s)\n", problem ? problem : "ok", bits,
           problem ? ": RFC 8555 8.3 wants base64url, unpadded, at least 128 bits" : "", "");
    if (key != NULL) {
      printf("thumbprint: %s\nkey authorization: %s\ndns-01 TXT: %s\n", thumb, ka, dns);
      if (ka_given != NULL)
        printf("given key authorization: %s\n", strcmp(ka_given, ka) == 0 ? "matches" : "DIFFERS");
      if (dns_given != NULL)
        printf("given dns-01 value: %s\n", strcmp(dns_given, dns) == 0 ? "matches" : "DIFFERS");
    }
  }
  return ok ? CABREF_EXIT_OK : CABREF_EXIT_FAILED;
}

int cabref_cmd_rv(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "consume") == 0)
    return cmd_consume(argc - 1, argv + 1);
  if (argc >= 2 && strcmp(argv[1], "acme") == 0)
    return cmd_acme(argc - 1, argv + 1);
  if (argc >= 2 && strcmp(argv[1], "new") == 0)
    return cmd_new(argc - 1, argv + 1);
  if (argc >= 2 && strcmp(argv[1], "check") == 0)
    return cmd_check(argc - 1, argv + 1);
  if (argc >= 2 && strcmp(argv[1], "window") == 0)
    return cmd_window(argc - 1, argv + 1);
  if (argc >= 2 && strcmp(argv[1], "cutoff") == 0)
    return cmd_cutoff(argc - 1, argv + 1);
  return usage();
}
