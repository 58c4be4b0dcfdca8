/* cabref: one binary, subcommands. */
#include <stdio.h>
#include <string.h>

#include "../shell/shell.h"

int cabref_cmd_caa(int argc, char **argv);   /* cmd_caa.c */
int cabref_cmd_rv(int argc, char **argv);    /* cmd_rv.c */
int cabref_cmd_token(int argc, char **argv); /* cmd_token.c */

#ifndef CABREF_VERSION
#define CABREF_VERSION "0.1.0"
#endif

static int usage(FILE *f) {
  fprintf(f, "usage: cabref COMMAND [ARGS]\n"
             "commands:\n"
             "  tally LOG [options]     tally a CA/Browser Forum ballot from a vote log\n"
             "  tally audit FILE        recompute a published results post and check it\n"
             "  psl NAME...             public suffix and registrable domain (stdin if no NAME)\n"
             "  adn NAME... [options]   Base Domain Name and Authorization Domain Names\n"
             "  caa eval --zone FILE --ca DOMAIN NAME...  CAA: may the CA issue for the names\n"
             "  caa parse [RECORD...]   CAA: read records in presentation form, print them\n"
             "  rv new|check|window|cutoff|consume|acme  Random Values and ACME tokens\n"
             "  token new|check         Request Tokens bound to a CSR\n"
             "  vectors [options] FILE  run test vectors (against cabref or --impl CMD)\n"
             "  version                 print the version\n"
             "Run 'cabref COMMAND --help' for a command's options; see man cabref.\n");
  return f == stderr ? CABREF_EXIT_USAGE : CABREF_EXIT_OK;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return usage(stderr);
  if (strcmp(argv[1], "tally") == 0)
    return cabref_cmd_tally(argc - 1, argv + 1);
  if (strcmp(argv[1], "vectors") == 0)
    return cabref_cmd_vectors(argc - 1, argv + 1);
  if (strcmp(argv[1], "psl") == 0)
    return cabref_cmd_psl(argc - 1, argv + 1);
  if (strcmp(argv[1], "adn") == 0)
    return cabref_cmd_adn(argc - 1, argv + 1);
  if (strcmp(argv[1], "caa") == 0)
    return cabref_cmd_caa(argc - 1, argv + 1);
  if (strcmp(argv[1], "rv") == 0)
    return cabref_cmd_rv(argc - 1, argv + 1);
  if (strcmp(argv[1], "token") == 0)
    return cabref_cmd_token(argc - 1, argv + 1);
  if (strcmp(argv[1], "version") == 0 || strcmp(argv[1], "--version") == 0) {
    printf("cabref %s\n", CABREF_VERSION);
    return CABREF_EXIT_OK;
  }
  if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0)
    return usage(stdout);
  fprintf(stderr, "cabref: unknown command \"%s\"\n", argv[1]);
  return usage(stderr);
}
