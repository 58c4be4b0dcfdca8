/* cabref CLI: `cabref tally LOG [options]` and `cabref tally audit FILE`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../shell/shell.h"

static int usage(void) {
  fprintf(stderr, "usage: cabref tally LOG [--bylaws VERSION] [--quorum N | --attendance A,B,C]\n"
                  "                        [--boundary exclusive|inclusive] [--consumer-rule RULE] "
                  "[--json]\n"
                  "       cabref tally audit FILE [--json]\n"
                  "LOG is a line log or a JSON ballot (spec/tally-formats.md); '-' reads stdin.\n");
  return CABREF_EXIT_USAGE;
}

static int parse_count(const char *s, uint32_t *out) {
  char *end;
  unsigned long long v;
  if (*s < '0' || *s > '9')
    return 0;
  v = strtoull(s, &end, 10);
  if (*end != '\0' || v > CABREF_MAX_COUNT)
    return 0;
  *out = (uint32_t)v;
  return 1;
}

int cabref_cmd_tally(int argc, char **argv) {
  const char *path = NULL, *bylaws = NULL, *quorum = NULL, *attendance = NULL;
  const char *boundary = NULL, *consumer = NULL;
  int json = 0, i, rc;
  char *text;
  size_t len;
  cabref_error err;
  cabref_ballot *b;
  cabref_tally_run run;

  if (argc >= 2 && strcmp(argv[1], "audit") == 0)
    return cabref_cmd_audit(argc - 1, argv + 1);
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--json") == 0)
      json = 1;
    else if (strcmp(a, "--bylaws") == 0 && i + 1 < argc)
      bylaws = argv[++i];
    else if (strcmp(a, "--quorum") == 0 && i + 1 < argc)
      quorum = argv[++i];
    else if (strcmp(a, "--attendance") == 0 && i + 1 < argc)
      attendance = argv[++i];
    else if (strcmp(a, "--boundary") == 0 && i + 1 < argc)
      boundary = argv[++i];
    else if (strcmp(a, "--consumer-rule") == 0 && i + 1 < argc)
      consumer = argv[++i];
    else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      usage();
      return CABREF_EXIT_OK;
    } else if (a[0] == '-' && a[1] != '\0')
      return usage();
    else if (path == NULL)
      path = a;
    else
      return usage();
  }
  if (path == NULL || (quorum != NULL && attendance != NULL))
    return usage();
  if (cabref_read_file(path, &text, &len, &err) != CABREF_OK) {
    if (json)
      cabref_print_error_json(stdout, &err);
    cabref_print_error(stderr, &err);
    return err.status == CABREF_E_IO ? CABREF_EXIT_IO : CABREF_EXIT_INPUT;
  }
  b = malloc(sizeof *b);
  if (b == NULL) {
    free(text);
    return CABREF_EXIT_IO;
  }
  cabref_ballot_init(b);
  rc = CABREF_EXIT_INPUT;
  if (cabref_ballot_parse(text, len, path, b, &err) != CABREF_OK)
    goto input_error;
  /* Command-line options override the file. */
  snprintf(err.file, sizeof err.file, "%s", "command line");
  err.line = err.column = 0;
  if (bylaws != NULL &&
      cabref_parse_bylaws(bylaws, strlen(bylaws), &b->version, &b->version_auto) != CABREF_OK) {
    err.status = CABREF_E_BYLAWS;
    snprintf(err.message, sizeof err.message, "--bylaws: unknown version \"%.100s\"", bylaws);
    goto input_error;
  }
  if (quorum != NULL) {
    if (!parse_count(quorum, &b->quorum)) {
      err.status = CABREF_E_RANGE;
      snprintf(err.message, sizeof err.message, "--quorum: expected a count 0..2147483648");
      goto input_error;
    }
    b->has_quorum = 1;
    b->has_attendance = 0;
  }
  if (attendance != NULL) {
    /* Exactly three counts separated by single commas: "1,,2,3" or a trailing comma is an error,
     * as in a line log. */
    const char *p = attendance;
    int k;
    for (k = 0; k < 3; k++) {
      char buf[16];
      size_t n = strcspn(p, ",");
      if (n == 0 || n >= sizeof buf)
        break;
      memcpy(buf, p, n);
      buf[n] = '\0';
      if (!parse_count(buf, &b->attendance[k]))
        break;
      p += n;
      if (k < 2) {
        if (*p != ',')
          break;
        p++;
      }
    }
    if (k != 3 || *p != '\0') {
      err.status = CABREF_E_SYNTAX;
      snprintf(err.message, sizeof err.message,
               "--attendance: expected three counts A,B,C (the previous three meetings)");
      goto input_error;
    }
    b->has_attendance = 1;
    b->has_quorum = 0;
  }
  if (boundary != NULL) {
    if (strcmp(boundary, "inclusive") == 0)
      b->end_inclusive = 1;
    else if (strcmp(boundary, "exclusive") == 0)
      b->end_inclusive = 0;
    else {
      err.status = CABREF_E_SYNTAX;
      snprintf(err.message, sizeof err.message, "--boundary: exclusive or inclusive");
      goto input_error;
    }
  }
  if (consumer != NULL) {
    if (cabref_parse_consumer_rule(consumer, strlen(consumer), &b->consumer_rule) != CABREF_OK) {
      err.status = CABREF_E_SYNTAX;
      snprintf(err.message, sizeof err.message,
               "--consumer-rule: strict-majority, literal or half-or-more");
      goto input_error;
    }
    b->has_consumer_rule = 1;
  }
  snprintf(err.file, sizeof err.file, "%s", path);
  if (cabref_tally_ballot(b, &run, &err) != CABREF_OK)
    goto input_error;
  if (json) {
    json_t *o = cabref_tally_json(b, &run);
    json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', stdout);
    json_decref(o);
  } else {
    cabref_tally_print(stdout, b, &run);
  }
  rc = cabref_tally_exit(&run);
  cabref_tally_run_free(&run);
  cabref_ballot_free(b);
  free(b);
  free(text);
  return rc;

input_error:
  if (json)
    cabref_print_error_json(stdout, &err);
  cabref_print_error(stderr, &err);
  cabref_ballot_free(b);
  free(b);
  free(text);
  return CABREF_EXIT_INPUT;
}
