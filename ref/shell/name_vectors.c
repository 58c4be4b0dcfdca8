/* cabref: answers to NameTest vectors (vectors/names.json), in the vectors protocol's response
 * shape: {"tcId", "result": "valid"|"invalid"|"error", "reason": [code], "labels": [...]} for a
 * valid name, {"tcId", "result", "reason", "position"} for an invalid one.
 *
 * Requirements: spec/names.md NAME-IDN, NAME-VALID, NAME-SPANS, NAME-ERROR, NAME-ALABEL.
 *
 * NameSuffixTest (NAME-SUFFIX, NAME-EQUAL): input.name and input.suffix are parsed by the core
 * parser as given (no conversion, case kept) under input.policy, and the answer is
 * {"tcId", "result": "valid", "reason": [], "isSuffix": true|false} from cabref_name_is_suffix;
 * a name the parser refuses gives {"result": "invalid", "reason": [code], "which":
 * "name"|"suffix"}.
 */
#include <jansson.h>
#include <stddef.h>
#include <string.h>

#include "cabref/name_idn.h"

json_t *cabref_name_answer(json_t *input, json_int_t tc);
json_t *cabref_name_suffix_answer(json_t *input, json_int_t tc);

/* The policy bits of input.policy; 0 with *bad set for an unknown word or a non-array. */
static uint32_t policy_of(json_t *jpol, int *bad) {
  uint32_t policy = 0;
  size_t i;
  json_t *w;
  *bad = jpol != NULL && !json_is_array(jpol);
  json_array_foreach(jpol, i, w) {
    uint32_t bit = json_is_string(w) ? cabref_name_policy_bit(json_string_value(w)) : 0u;
    if (bit == 0u)
      *bad = 1;
    policy |= bit;
  }
  return policy;
}

json_t *cabref_name_suffix_answer(json_t *input, json_int_t tc) {
  json_t *ja = json_object_get(input, "name");
  json_t *jb = json_object_get(input, "suffix");
  int bad = 0;
  uint32_t policy = policy_of(json_object_get(input, "policy"), &bad);
  cabref_name a, b;
  size_t pos = 0;
  cabref_name_error e;
  if (!json_is_string(ja) || !json_is_string(jb) || bad)
    return json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", "error", "reason", "bad-input");
  e = cabref_name_parse(json_string_value(ja), json_string_length(ja), policy, &a, &pos);
  if (e != CABREF_NAME_OK)
    return json_pack("{s:I, s:s, s:[s], s:s}", "tcId", tc, "result", "invalid", "reason",
                     cabref_name_error_name(e), "which", "name");
  e = cabref_name_parse(json_string_value(jb), json_string_length(jb), policy, &b, &pos);
  if (e != CABREF_NAME_OK)
    return json_pack("{s:I, s:s, s:[s], s:s}", "tcId", tc, "result", "invalid", "reason",
                     cabref_name_error_name(e), "which", "suffix");
  return json_pack("{s:I, s:s, s:[], s:b}", "tcId", tc, "result", "valid", "reason", "isSuffix",
                   cabref_name_is_suffix(json_string_value(ja), &a, json_string_value(jb), &b));
}

json_t *cabref_name_answer(json_t *input, json_int_t tc) {
  json_t *jname = json_object_get(input, "name");
  json_t *jpol = json_object_get(input, "policy");
  uint32_t policy = 0;
  char buf[CABREF_NAME_TEXT_BUF];
  cabref_name nm;
  size_t pos = 0;
  size_t i;
  json_t *w;
  cabref_name_error e;

  if (!json_is_string(jname) || (jpol != NULL && !json_is_array(jpol)))
    return json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", "error", "reason", "bad-input");
  json_array_foreach(jpol, i, w) {
    uint32_t bit = json_is_string(w) ? cabref_name_policy_bit(json_string_value(w)) : 0u;
    if (bit == 0u)
      return json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", "error", "reason", "bad-input");
    policy |= bit;
  }
  /* json_string_length keeps an embedded NUL, which the core reports (NAME-ASCII). */
  e = cabref_name_from_text(json_string_value(jname), json_string_length(jname), policy, buf,
                            sizeof buf, &nm, &pos);
  if (e != CABREF_NAME_OK)
    return json_pack("{s:I, s:s, s:[s], s:I}", "tcId", tc, "result", "invalid", "reason",
                     cabref_name_error_name(e), "position", (json_int_t)pos);
  {
    json_t *labels = json_array();
    for (size_t j = 0; j < nm.n_labels; j++)
      json_array_append_new(labels, json_stringn(buf + nm.labels[j].off, nm.labels[j].len));
    return json_pack("{s:I, s:s, s:[], s:o}", "tcId", tc, "result", "valid", "reason", "labels",
                     labels);
  }
}
