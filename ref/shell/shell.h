/* cabref shell internals shared by the CLI, the vector runner and the audit. Not installed. */
#ifndef CABREF_SHELL_H
#define CABREF_SHELL_H

#include <jansson.h>
#include <stdio.h>

#include "cabref/ballot.h"

/* Exit statuses of the cabref CLI (documented in README.md and man/cabref.1). */
enum {
  CABREF_EXIT_OK = 0,         /* tally: passed; audit: consistent; vectors: all passed */
  CABREF_EXIT_FAILED = 1,     /* tally: the ballot failed; audit: inconsistencies found */
  CABREF_EXIT_USAGE = 2,      /* bad command line */
  CABREF_EXIT_INPUT = 3,      /* malformed input: names file, line and column */
  CABREF_EXIT_IO = 4,         /* a file could not be read or written */
  CABREF_EXIT_INVALID = 5,    /* tally: the ballot is invalid (quorum or procedure) */
  CABREF_EXIT_RESCINDED = 6,  /* tally: passed, then rescinded by an Exclusion Notice */
  CABREF_EXIT_VECTORS = 7,    /* vectors: at least one test failed */
  CABREF_EXIT_IMPL = 8,       /* vectors --impl: the external implementation misbehaved */
  CABREF_EXIT_LOOKUP = 9,     /* caa eval: no name denied, but the CAA lookup of some name failed */
  CABREF_EXIT_WITHDRAWN = 10, /* tally: the proposer withdrew the ballot in time */
  CABREF_EXIT_HEALTH = 11     /* rv new: a health test failed; nothing was written */
};

#define CABREF_MAX_FILE (256u * 1024u * 1024u)

/* Reads a whole file ("-" = stdin) into a NUL-terminated buffer; CABREF_E_IO or _TOO_LONG. */
cabref_status cabref_read_file(const char *path, char **out, size_t *len, cabref_error *err);
void cabref_print_error(FILE *f, const cabref_error *err);
/* Sets *err (when not NULL) to st, column (1-based, 0 for none) and the formatted message, and
 * returns st. */
cabref_status cabref_fail(cabref_error *err, cabref_status st, unsigned long column,
                          const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Decodes len hexadecimal digits (even, no separators, either case) into len / 2 octets at out;
 * -1 (out partly written) if len is odd or a character is not a hex digit. */
int cabref_hex_decode(const char *h, size_t len, uint8_t *out);
json_t *cabref_error_json(const cabref_error *err);
/* The error as one JSON object (cabref_error_json), indented, and a newline. */
void cabref_print_error_json(FILE *f, const cabref_error *err);

json_t *cabref_tally_json(const cabref_ballot *b, const cabref_tally_run *run);
void cabref_tally_print(FILE *f, const cabref_ballot *b, const cabref_tally_run *run);
json_t *cabref_reasons_json(uint32_t reasons);
int cabref_tally_exit(const cabref_tally_run *run);

cabref_status cabref_ballot_from_json_value(void *root, const char *file, cabref_ballot *b,
                                            cabref_error *err);

/* Subcommands. argv[0] is the subcommand's own name. */
int cabref_cmd_tally(int argc, char **argv);
int cabref_cmd_audit(int argc, char **argv);
int cabref_cmd_vectors(int argc, char **argv);
int cabref_cmd_psl(int argc, char **argv);
int cabref_cmd_adn(int argc, char **argv);

#endif
