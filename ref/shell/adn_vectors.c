/* cabref: answers to the ADN vectors (vectors/adn.json; test types AdnTest, MethodTest,
 * PortTest), in the response shape of the vectors runner (ref/shell/vectors.c). The PSL is the
 * pinned snapshot vectors/psl/public_suffix_list.dat and the Spec 13 list
 * vectors/adn/spec13-gtlds.txt, both relative to the working directory (the source tree). */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cabref/adn_shell.h"

#define ADN_VECTORS_PSL "vectors/psl/public_suffix_list.dat"

json_t *cabref_adn_answer(json_t *input, json_int_t tc);

static json_t *err_answer(json_int_t tc, const char *code) {
  return json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", "error", "reason", code);
}

static int psl_options_of(json_t *arr, uint32_t *opts) {
  size_t i;
  *opts = CABREF_PSL_BR_DEFAULT;
  if (arr == NULL)
    return 0;
  if (!json_is_array(arr))
    return -1;
  for (i = 0; i < json_array_size(arr); i++) {
    const char *o = json_string_value(json_array_get(arr, i));
    if (o == NULL)
      return -1;
    if (strcmp(o, "private") == 0)
      *opts |= CABREF_PSL_PRIVATE;
    else if (strcmp(o, "no-star-rule") == 0)
      *opts |= CABREF_PSL_NO_STAR_RULE;
    else if (strcmp(o, "wildcard-parent") == 0)
      *opts |= CABREF_PSL_WILDCARD_PARENT;
    else
      return -1;
  }
  return 0;
}

static json_t *name_answer(json_t *input, json_int_t tc) {
  cabref_psl_list *psl = NULL;
  cabref_spec13_list *s13 = NULL;
  cabref_error err;
  cabref_adn_request rq;
  uint32_t opts;
  json_t *name = json_object_get(input, "name"), *o, *resp;
  const char *method = json_string_value(json_object_get(input, "method"));
  const char *at = json_string_value(json_object_get(input, "at"));
  const char *key;
  json_t *v;

  memset(&rq, 0, sizeof rq);
  if (!json_is_string(name) || psl_options_of(json_object_get(input, "pslOptions"), &opts) != 0)
    return err_answer(tc, "bad-input");
  /* Without "at" the rules are those in force now and later (ADN-REVERSE-ZONE applies). */
  rq.at = INT64_MAX;
  if (at != NULL && cabref_adn_parse_date(at, &rq.at) != 0)
    return err_answer(tc, "bad-input");
  if (method != NULL) {
    if (cabref_adn_parse_method(method, &rq.method) != 0 || at == NULL)
      return err_answer(tc, "bad-input");
    rq.has_method = 1;
  }
  rq.cname = json_string_value(json_object_get(input, "cname"));
  rq.covers = json_string_value(json_object_get(input, "covers"));
  rq.record = json_string_value(json_object_get(input, "record"));
  /* Loaded per test: the runner gives no teardown hook, and the shell keeps no globals. */
  if (cabref_psl_load_file(ADN_VECTORS_PSL, &psl, &err) != CABREF_OK)
    return err_answer(tc, "no-psl");
  if (json_is_true(json_object_get(input, "spec13")) &&
      cabref_spec13_load(CABREF_SPEC13_DEFAULT, &s13, &err) != CABREF_OK) {
    cabref_psl_list_free(psl);
    return err_answer(tc, "no-spec13-list");
  }
  o = cabref_adn_json(psl, opts, s13, json_string_value(name), json_string_length(name), &rq);
  cabref_spec13_free(s13);
  cabref_psl_list_free(psl);
  if (o == NULL)
    return NULL;
  if (json_object_get(o, "error") != NULL) {
    resp = err_answer(tc, json_string_value(json_object_get(o, "error")));
    json_object_set(resp, "position", json_object_get(o, "position"));
  } else {
    resp = json_pack("{s:I, s:s, s:[]}", "tcId", tc, "result", "valid", "reason");
    json_object_foreach(o, key, v) {
      if (strcmp(key, "name") != 0)
        json_object_set(resp, key, v);
    }
  }
  json_decref(o);
  return resp;
}

static json_t *method_answer(json_t *input, json_int_t tc) {
  uint32_t m;
  cabref_instant t;
  const char *method = json_string_value(json_object_get(input, "method"));
  const char *at = json_string_value(json_object_get(input, "at"));
  json_t *mj, *resp;
  if (method == NULL || at == NULL || cabref_adn_parse_method(method, &m) != 0 ||
      cabref_adn_parse_date(at, &t) != 0)
    return err_answer(tc, "bad-input");
  mj = cabref_adn_method_json(m, t);
  resp =
      json_pack("{s:I, s:O, s:[]}", "tcId", tc, "result", json_object_get(mj, "status"), "reason");
  json_object_update(resp, mj);
  json_object_set(resp, "result", json_object_get(mj, "status"));
  json_object_del(resp, "status");
  json_decref(mj);
  return resp;
}

static json_t *port_answer(json_t *input, json_int_t tc) {
  cabref_instant t;
  json_t *p = json_object_get(input, "port");
  const char *at = json_string_value(json_object_get(input, "at"));
  json_int_t port = json_integer_value(p);
  if (!json_is_integer(p) || port < 0 || port > 65535 || at == NULL ||
      cabref_adn_parse_date(at, &t) != 0)
    return err_answer(tc, "bad-input");
  return json_pack("{s:I, s:s, s:[], s:o}", "tcId", tc, "result",
                   cabref_adn_authorized_port((uint32_t)port, t) ? "authorized" : "not-authorized",
                   "reason", "authorizedPorts", cabref_adn_ports_json(t));
}

/* One entry for the three test types: the input's keys say which. */
json_t *cabref_adn_answer(json_t *input, json_int_t tc) {
  if (!json_is_object(input))
    return err_answer(tc, "bad-input");
  if (json_object_get(input, "name") != NULL)
    return name_answer(input, tc);
  if (json_object_get(input, "port") != NULL)
    return port_answer(input, tc);
  if (json_object_get(input, "method") != NULL)
    return method_answer(input, tc);
  return err_answer(tc, "bad-input");
}
