/* A `cabref vectors --impl` adapter for libpsl (the C library Debian ships as libpsl5): it answers
 * the PslTest requests of vectors/psl.json with libpsl's own answers, so that cabref's vectors
 * are run against an established implementation (spec/tally-formats.md §5, the protocol).
 *
 *   psl_adapter LIST     LIST: the pinned list, vectors/psl/public_suffix_list.dat
 *
 * The public suffix is the longest suffix of the name (lower-cased by libpsl's
 * psl_str_to_utf8lower) for which psl_is_public_suffix2 holds with the test's options (ICANN only
 * unless "private"; PSL_TYPE_NO_STAR_RULE for "no-star"), and the registrable domain is it plus
 * one label. libpsl does not report which rule matched, so "rule" and "kind" are listed as
 * unanswered; it neither validates names nor reports list errors, so it answers "valid" for those
 * tests (the allow-list says why). A test with its own list (input.list, input.listHex) is
 * answered by loading that list from a temporary file with psl_load_file. Other test types are
 * "unsupported". Nothing of cabref is linked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <idn2.h>
#include <jansson.h>
#include <libpsl.h>

#include "../cproto.h"

static int has_option(json_t *opts, const char *o) {
  size_t i;
  for (i = 0; i < json_array_size(opts); i++)
    if (json_is_string(json_array_get(opts, i)) &&
        strcmp(json_string_value(json_array_get(opts, i)), o) == 0)
      return 1;
  return 0;
}

/* A list of the test's own, in a temporary file libpsl can load. NULL with *why set when the
 * adapter could not give libpsl the list (no temporary file, listHex not hexadecimal); NULL with
 * *why NULL when libpsl refused it. */
static psl_ctx_t *own_list(json_t *input, const char **why) {
  json_t *text = json_object_get(input, "list");
  const char *hex = json_string_value(json_object_get(input, "listHex"));
  char path[] = "/tmp/psl-adapter-XXXXXX";
  int fd = mkstemp(path);
  FILE *f;
  psl_ctx_t *ctx;
  *why = "cannot write a temporary file for the list";
  if (fd < 0)
    return NULL;
  f = fdopen(fd, "wb");
  if (f == NULL) {
    close(fd);
    unlink(path);
    return NULL;
  }
  *why = NULL;
  if (json_is_string(text)) {
    fwrite(json_string_value(text), 1, json_string_length(text), f);
  } else if (hex != NULL) {
    size_t cap = strlen(hex) / 2 + 1, n = 0;
    unsigned char *bytes = malloc(cap);
    int ok = bytes != NULL && cproto_hex(hex, bytes, cap, &n);
    if (ok)
      fwrite(bytes, 1, n, f);
    free(bytes);
    if (!ok) { /* not hexadecimal: no list to give libpsl */
      *why = "input.listHex is not an even run of hexadecimal digits";
      fclose(f);
      unlink(path);
      return NULL;
    }
  }
  fclose(f);
  ctx = psl_load_file(path);
  unlink(path);
  return ctx;
}

/* The vectors write names in A-labels; libpsl answers in the form it was given (UTF-8). The
 * conversion is presentation only (libidn2, IDNA2008 lookup), done after libpsl has answered. */
static json_t *alabels(const char *s) {
  char *a = NULL;
  json_t *j;
  if (s == NULL)
    return json_null();
  if (idn2_to_ascii_8z(s, &a, IDN2_NONTRANSITIONAL) != IDN2_OK || a == NULL)
    return json_string(s);
  j = json_string(a);
  idn2_free(a);
  return j;
}

static json_t *answer(json_t *req, void *ctx) {
  const psl_ctx_t *pinned = ctx;
  json_int_t tc = json_integer_value(json_object_get(req, "tcId"));
  const char *type = json_string_value(json_object_get(req, "type"));
  json_t *input = json_object_get(req, "input");
  json_t *opts = json_object_get(input, "options");
  const char *name = json_string_value(json_object_get(input, "name"));
  psl_ctx_t *own = NULL;
  const psl_ctx_t *psl = pinned;
  char *lower = NULL;
  const char *p, *suffix = NULL, *registrable = NULL, *prev = NULL;
  int flags;
  json_t *r;
  if (type == NULL || strcmp(type, "PslTest") != 0 || name == NULL)
    return json_pack("{s:I, s:s}", "tcId", tc, "result", "unsupported");
  if (json_object_get(input, "list") != NULL || json_object_get(input, "listHex") != NULL) {
    const char *why = NULL;
    own = own_list(input, &why);
    if (own == NULL && why != NULL) /* the adapter could not ask libpsl */
      return json_pack("{s:I, s:s, s:s}", "tcId", tc, "result", "unsupported", "detail", why);
    if (own == NULL) /* libpsl refused the list: the one list error it can report */
      return json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", "list-error", "reason", "syntax");
    psl = own;
  }
  flags = has_option(opts, "private") ? PSL_TYPE_ANY : PSL_TYPE_ICANN;
  if (has_option(opts, "no-star"))
    flags |= PSL_TYPE_NO_STAR_RULE;
  if (psl_str_to_utf8lower(name, "utf-8", NULL, &lower) != PSL_SUCCESS || lower == NULL) {
    psl_free(own);
    return json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", "invalid", "reason", "encoding");
  }
  /* The longest suffix libpsl calls public: try the whole name, then drop a label at a time. */
  for (p = lower; p != NULL && *p != '\0';) {
    if (psl_is_public_suffix2(psl, p, flags)) {
      suffix = p;
      registrable = prev;
      break;
    }
    prev = p;
    p = strchr(p, '.');
    if (p != NULL)
      p++;
  }
  r = json_pack("{s:I, s:s, s:[], s:[s, s, s, s, s, s]}", "tcId", tc, "result", "valid", "reason",
                "unanswered", "rule", "kind", "listRules", "listWarnings", "line", "column");
  json_object_set_new(r, "publicSuffix", alabels(suffix));
  json_object_set_new(r, "registrableDomain", alabels(registrable));
  psl_free_string(lower);
  psl_free(own);
  return r;
}

int main(int argc, char **argv) {
  psl_ctx_t *pinned;
  if (argc != 2) {
    fprintf(stderr, "usage: psl_adapter PUBLIC_SUFFIX_LIST\n");
    return 2;
  }
  pinned = psl_load_file(argv[1]);
  if (pinned == NULL) {
    fprintf(stderr, "psl_adapter: libpsl cannot load %s\n", argv[1]);
    return 2;
  }
  cproto_serve(answer, pinned);
  psl_free(pinned);
  return 0;
}
