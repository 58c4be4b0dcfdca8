/* What the C adapters under examples/impls share: the `cabref vectors --impl` loop (one JSON
 * request per line in, one JSON response per line out; spec/tally-formats.md §5) and a hex reader.
 * Header-only, so that each adapter stays one compile command; nothing of cabref is included,
 * since an adapter must answer with its library alone. Needs POSIX 2008 (getline). */
#ifndef CABREF_IMPLS_CPROTO_H
#define CABREF_IMPLS_CPROTO_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* Like the shell's hex reader (ref/shell/hex.c), written again on purpose: adapters link nothing
 * of cabref. */
static inline int cproto_hexval(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Decodes HEX into OUT (room for CAP octets) and gives the octet count in *N; 0 when HEX is not
 * an even run of hexadecimal digits or does not fit. */
static inline int cproto_hex(const char *hex, unsigned char *out, size_t cap, size_t *n) {
  size_t len = strlen(hex), i;
  if (len % 2 != 0 || len / 2 > cap)
    return 0;
  for (i = 0; i < len / 2; i++) {
    int hi = cproto_hexval(hex[2 * i]), lo = cproto_hexval(hex[2 * i + 1]);
    if (hi < 0 || lo < 0)
      return 0;
    out[i] = (unsigned char)(hi * 16 + lo);
  }
  *n = len / 2;
  return 1;
}

/* Answers every request line of standard input with ANSWER(request, CTX) until it ends; a line
 * that is not JSON is answered "unsupported". Lines may be of any length. */
static inline void cproto_serve(json_t *(*answer)(json_t *req, void *ctx), void *ctx) {
  char *line = NULL;
  size_t cap = 0;
  while (getline(&line, &cap, stdin) != -1) {
    json_error_t je;
    json_t *req = json_loads(line, JSON_ALLOW_NUL, &je);
    json_t *resp = req ? answer(req, ctx)
                       : json_pack("{s:s, s:s}", "result", "unsupported", "detail", je.text);
    char *out = json_dumps(resp, JSON_COMPACT);
    printf("%s\n", out != NULL ? out : "{\"result\": \"unsupported\"}");
    fflush(stdout);
    free(out);
    json_decref(resp);
    json_decref(req);
  }
  free(line);
}

#endif
