/* cabref: answers to PslTest vectors (vectors/psl.json), in the vectors protocol's response shape.
 *
 * Requirements: spec/psl.md PSL-MATCH-*, PSL-OPT-*, PSL-CANON. The list is the pinned snapshot
 * vectors/psl/public_suffix_list.dat (or $CABREF_PSL_FILE), loaded once per process.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/psl_load.h"

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

json_t *cabref_psl_answer(json_t *input, json_int_t tc) {
  json_t *jname = json_object_get(input, "name");
  long opts = options_of(json_object_get(input, "options"));
  cabref_psl_match m;
  cabref_name nm;
  char buf[256];
  size_t pos;
  int e;
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
  if (!json_is_string(jname) || opts < 0)
    return json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", "error", "reason", "bad-input");
  e = cabref_psl_lookup_text(&psl_list->table, json_string_value(jname), json_string_length(jname),
                             (uint32_t)opts, &m, &nm, buf, &pos);
  if (e != CABREF_NAME_OK)
    return json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", "invalid", "reason",
                     cabref_psl_name_error_code(e));
  {
    char rule[300];
    json_t *resp;
    cabref_psl_rule_text(&psl_list->table, &m, rule, sizeof rule);
    resp = json_pack("{s:I, s:s, s:[], s:o, s:o, s:s, s:s}", "tcId", tc, "result", "valid",
                     "reason", "publicSuffix", suffix_json(buf, &nm, m.suffix_labels),
                     "registrableDomain", suffix_json(buf, &nm, cabref_psl_registrable_labels(&m)),
                     "kind", kind_name(m.kind), "rule", rule);
    if (m.kind == CABREF_PSL_RULE_NONE)
      json_object_set_new(resp, "rule", json_null());
    return resp;
  }
}
