/* cabref: answers to PslTest vectors (vectors/psl.json), in the vectors protocol's response shape.
 *
 * Requirements: spec/psl.md PSL-MATCH-*, PSL-OPT-*, PSL-CANON. The list is the pinned snapshot
 * vectors/psl/public_suffix_list.dat (or $CABREF_PSL_FILE), loaded once per process, unless the
 * test carries a list of its own (input.list, its text, or input.listHex, its bytes in
 * hexadecimal), which is loaded for that test alone (PSL-FORMAT-*, PSL-TABLE-*): a list refused
 * is answered {"result": "list-error", "reason": [status code], "line", "column"}, and a list that
 * loads adds "listRules" and "listWarnings" (distinct rules kept, duplicates dropped) to the
 * answer.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/psl_load.h"
#include "shell.h"

json_t *cabref_psl_answer(json_t *input, json_int_t tc);

static cabref_psl_list *psl_list;
static int psl_tried;

static const char *kind_name(int k) {
  switch (k) {
  case CABREF_PSL_RULE_DEFAULT:
    return "default";
  case CABREF_PSL_RULE_NORMAL:
    return "normal";
  case CABREF_PSL_RULE_WILDCARD:
    return "wildcard";
  case CABREF_PSL_RULE_EXCEPTION:
    return "exception";
  default:
    return "none";
  }
}

/* The rightmost `labels` labels of the parsed name (lower case, no trailing dot), or NULL. */
static json_t *suffix_json(const char *text, const cabref_name *nm, unsigned labels) {
  char buf[256];
  size_t o = 0;
  unsigned i;
  if (labels == 0 || labels > nm->n_labels)
    return json_null();
  for (i = nm->n_labels - labels; i < nm->n_labels; i++) {
    const cabref_label *lb = &nm->labels[i];
    size_t c;
    if (o > 0)
      buf[o++] = '.';
    for (c = 0; c < lb->len; c++) {
      char ch = text[lb->off + c];
      buf[o++] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
    }
  }
  buf[o] = '\0';
  return json_string(buf);
}

/* Options from the vector's names (spec/psl.md PSL-OPT-*); -1 for an unknown name. */
static long options_of(json_t *arr) {
  /* PSL-OPT-DEFAULT: no option name (or no "options" key) means the BR default. */
  long o = CABREF_PSL_BR_DEFAULT;
  size_t i;
  json_t *v;
  if (arr == NULL)
    return o;
  if (!json_is_array(arr))
    return -1;
  json_array_foreach(arr, i, v) {
    const char *s = json_string_value(v);
    if (s == NULL)
      return -1;
    if (strcmp(s, "private") == 0)
      o |= CABREF_PSL_PRIVATE; /* PSL-OPT-SECTIONS: PRIVATE rules only when named */
    else if (strcmp(s, "no-star") == 0)
      o |= CABREF_PSL_NO_STAR_RULE;
    else if (strcmp(s, "wildcard-parent") == 0)
      o |= CABREF_PSL_WILDCARD_PARENT;
    else
      return -1;
  }
  return o;
}

/* The bytes of input.listHex in a new buffer (*n of them); NULL if it is not hexadecimal. */
static char *hex_bytes(const char *h, size_t len, size_t *n) {
  char *b;
  if (len % 2u != 0)
    return NULL;
  b = malloc(len / 2u + 1u);
  if (b == NULL)
    return NULL;
  if (cabref_hex_decode(h, len, (uint8_t *)b) != 0) {
    free(b);
    return NULL;
  }
  *n = len / 2u;
  return b;
}

static json_t *answer_with(const cabref_psl_list *list, json_t *input, json_int_t tc);

/* A test with its own list: load it (a refusal is the answer), answer, free it. */
static json_t *answer_own_list(json_t *jlist, json_t *jhex, json_t *input, json_int_t tc) {
  cabref_psl_list *own = NULL;
  cabref_error err;
  cabref_status st;
  json_t *resp;
  if (jlist != NULL && jhex != NULL)
    return json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", "error", "reason", "bad-input");
  if (jlist != NULL) {
    if (!json_is_string(jlist))
      return json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", "error", "reason", "bad-input");
    /* json_string_length keeps an embedded NUL, which the loader must see (and refuse). */
    st = cabref_psl_load_text(json_string_value(jlist), json_string_length(jlist), "list", &own,
                              &err);
  } else {
    size_t n = 0;
    char *bytes = json_is_string(jhex)
                      ? hex_bytes(json_string_value(jhex), json_string_length(jhex), &n)
                      : NULL;
    if (bytes == NULL)
      return json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", "error", "reason", "bad-input");
    st = cabref_psl_load_text(bytes, n, "list", &own, &err);
    free(bytes);
  }
  if (st != CABREF_OK)
    return json_pack("{s:I, s:s, s:[s], s:I, s:I, s:s}", "tcId", tc, "result", "list-error",
                     "reason", cabref_status_code(st), "line", (json_int_t)err.line, "column",
                     (json_int_t)err.column, "detail", err.message);
  resp = answer_with(own, input, tc);
  if (resp != NULL && strcmp(json_string_value(json_object_get(resp, "result")), "valid") == 0) {
    json_object_set_new(resp, "listRules", json_integer(own->n_rules));
    json_object_set_new(resp, "listWarnings", json_integer(own->n_warnings));
  }
  cabref_psl_list_free(own);
  return resp;
}

json_t *cabref_psl_answer(json_t *input, json_int_t tc) {
  json_t *jlist = json_object_get(input, "list");
  json_t *jhex = json_object_get(input, "listHex");
  if (jlist != NULL || jhex != NULL)
    return answer_own_list(jlist, jhex, input, tc);
  if (!psl_tried) {
    const char *path = getenv("CABREF_PSL_FILE");
    cabref_error err;
    psl_tried = 1;
    if (path == NULL || path[0] == '\0')
      path = "vectors/psl/public_suffix_list.dat";
    if (cabref_psl_load_file(path, &psl_list, &err) != CABREF_OK) {
      fprintf(stderr, "cabref: %s\n", err.message);
      psl_list = NULL;
    }
  }
  if (psl_list == NULL)
    return json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", "error", "reason", "no-list");
  return answer_with(psl_list, input, tc);
}

/* The answer to input.name under input.options, with the given list. */
static json_t *answer_with(const cabref_psl_list *list, json_t *input, json_int_t tc) {
  json_t *jname = json_object_get(input, "name");
  long opts = options_of(json_object_get(input, "options"));
  cabref_psl_match m;
  cabref_name nm;
  char buf[256];
  size_t pos;
  int e;
  if (!json_is_string(jname) || opts < 0)
    return json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", "error", "reason", "bad-input");
  e = cabref_psl_lookup_text(&list->table, json_string_value(jname), json_string_length(jname),
                             (uint32_t)opts, &m, &nm, buf, &pos);
  if (e != CABREF_NAME_OK)
    return json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", "invalid", "reason",
                     cabref_psl_name_error_code(e));
  {
    char rule[300];
    json_t *resp;
    cabref_psl_rule_text(&list->table, &m, rule, sizeof rule);
    resp = json_pack("{s:I, s:s, s:[], s:o, s:o, s:s, s:s}", "tcId", tc, "result", "valid",
                     "reason", "publicSuffix", suffix_json(buf, &nm, m.suffix_labels),
                     "registrableDomain", suffix_json(buf, &nm, cabref_psl_registrable_labels(&m)),
                     "kind", kind_name(m.kind), "rule", rule);
    if (m.kind == CABREF_PSL_RULE_NONE)
      json_object_set_new(resp, "rule", json_null());
    return resp;
  }
}
