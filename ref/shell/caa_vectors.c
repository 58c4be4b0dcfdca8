/* cabref: answers to the CAA vectors (vectors/caa.json, spec/caa-formats.md), in the response
 * shape of the vectors runner (ref/shell/vectors.c). The shell converts the JSON (hex, text,
 * record objects, the zone of a certificate test) into what the core takes and the core's answer
 * back into JSON; the core decides.
 *
 * Every record object that has a `zone` text is also read by ldns (cabref_caa_rdata_from_text)
 * and its RDATA compared with the structured form: a difference, or a zone text ldns refuses,
 * fails the test with result "zone-mismatch" and a detail naming the record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cabref/caa_report.h"
#include "cabref/caa_shell.h"
#include "shell.h"

json_t *cabref_caa_answer(const char *type, json_t *input, json_int_t tc);

typedef struct {
  uint8_t *p;
  size_t len, cap;
} bytes;

static int bytes_put(bytes *b, const uint8_t *p, size_t n) {
  if (b->len + n > b->cap || b->p == NULL) { /* never NULL once used: offsets are added */
    size_t ncap = b->cap ? b->cap : 256;
    uint8_t *nb;
    while (ncap < b->len + n)
      ncap *= 2;
    if ((nb = realloc(b->p, ncap)) == NULL)
      return -1;
    b->p = nb;
    b->cap = ncap;
  }
  if (n > 0)
    memcpy(b->p + b->len, p, n);
  b->len += n;
  return 0;
}

/* Appends the octets of hex text (even length, no separators). */
static int hex_put(bytes *b, const char *h) {
  size_t n = strlen(h), i;
  uint8_t o;
  if (n % 2 != 0)
    return -1;
  for (i = 0; i < n; i += 2) {
    if (cabref_hex_decode(h + i, 2, &o) != 0 || bytes_put(b, &o, 1) != 0)
      return -1;
  }
  return 0;
}

/* An octet string given as `key` (JSON text, NULs allowed) or `keyHex`. */
static int octets_of(json_t *o, const char *key, bytes *b, int *present) {
  char hk[32];
  json_t *t = json_object_get(o, key), *h;
  snprintf(hk, sizeof hk, "%sHex", key);
  h = json_object_get(o, hk);
  *present = t != NULL || h != NULL;
  if (json_is_string(t))
    return bytes_put(b, (const uint8_t *)json_string_value(t), json_string_length(t));
  if (json_is_string(h))
    return hex_put(b, json_string_value(h));
  return *present ? -1 : 0;
}

static json_t *answer(json_int_t tc, const char *result, const char *reason) {
  return reason ? json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", result, "reason", reason)
                : json_pack("{s:I, s:s, s:[]}", "tcId", tc, "result", result, "reason");
}

static json_t *bad_input(json_int_t tc, const char *why) {
  json_t *r = answer(tc, "error", "bad-input");
  json_object_set_new(r, "detail", json_string(why));
  return r;
}

static json_t *hex_json(const uint8_t *p, size_t len) {
  char *h = cabref_caa_hex(p, len);
  json_t *j = json_string(h ? h : "");
  free(h);
  return j;
}

/* The RDATA of a record object (spec/caa-formats.md) appended to b. Returns 0, or -1 when the
 * object is not one; *mismatch (a message) when its `zone` text does not give the same RDATA. */
static int record_rdata(json_t *rec, bytes *b, char *mismatch, size_t mlen, const char *where) {
  size_t start = b->len;
  json_t *zone = json_object_get(rec, "zone");
  int present;
  if (!json_is_object(rec) || bytes_put(b, (const uint8_t *)"", 0) != 0)
    return -1;
  if (json_object_get(rec, "rdataHex") != NULL) {
    if (!json_is_string(json_object_get(rec, "rdataHex")) ||
        hex_put(b, json_string_value(json_object_get(rec, "rdataHex"))) != 0)
      return -1;
  } else {
    json_t *fl = json_object_get(rec, "flags");
    bytes tag = {0}, val = {0};
    uint8_t hdr[2];
    int ok = json_is_integer(fl) && json_integer_value(fl) >= 0 && json_integer_value(fl) <= 255;
    ok = ok && octets_of(rec, "tag", &tag, &present) == 0 && present && tag.len <= 255;
    ok = ok && octets_of(rec, "value", &val, &present) == 0 && present;
    if (ok) {
      hdr[0] = (uint8_t)json_integer_value(fl);
      hdr[1] = (uint8_t)tag.len;
      ok = bytes_put(b, hdr, 2) == 0 && bytes_put(b, tag.p, tag.len) == 0 &&
           bytes_put(b, val.p, val.len) == 0;
    }
    free(tag.p);
    free(val.p);
    if (!ok)
      return -1;
  }
  if (b->len - start > CABREF_CAA_MAX_RDATA)
    return -1;
  if (json_is_string(zone) && mismatch[0] == '\0') {
    uint8_t *w = malloc(CABREF_CAA_MAX_RDATA);
    size_t wl = 0;
    cabref_error err;
    if (w == NULL)
      return -1;
    if (cabref_caa_rdata_from_text(json_string_value(zone), json_string_length(zone), w,
                                   CABREF_CAA_MAX_RDATA, &wl, &err) != CABREF_OK) {
      snprintf(mismatch, mlen, "%s: ldns refuses the zone text: %.300s", where, err.message);
    } else if (wl != b->len - start || memcmp(w, b->p + start, wl) != 0) {
      char *zh = cabref_caa_hex(w, wl), *sh = cabref_caa_hex(b->p + start, b->len - start);
      snprintf(mismatch, mlen, "%s: the zone text gives %.200s, the structured form %.200s", where,
               zh ? zh : "?", sh ? sh : "?");
      free(zh);
      free(sh);
    }
    free(w);
  }
  return 0;
}

static json_t *mismatch_answer(json_int_t tc, const char *why) {
  json_t *r = answer(tc, "zone-mismatch", "zone-mismatch");
  json_object_set_new(r, "detail", json_string(why));
  return r;
}

/* ---- CaaRdataTest --------------------------------------------------------------------------- */

static json_t *rdata_answer(json_t *in, json_int_t tc) {
  bytes b = {0};
  char mm[512] = "";
  cabref_caa_record r;
  size_t pos = 0;
  cabref_caa_rdata_error e;
  json_t *resp;
  if (record_rdata(in, &b, mm, sizeof mm, "rdata") != 0) {
    free(b.p);
    return bad_input(tc, "not a record object");
  }
  if (mm[0] != '\0') {
    free(b.p);
    return mismatch_answer(tc, mm);
  }
  memset(&r, 0, sizeof r);
  e = cabref_caa_rdata_parse(b.p ? b.p : (const uint8_t *)"", b.len, &r, &pos);
  if (e == CABREF_CAA_RDATA_OK) {
    resp = answer(tc, "ok", NULL);
  } else {
    resp = answer(tc, "error", cabref_caa_rdata_error_code(e));
    json_object_set_new(resp, "errorOffset", json_integer((json_int_t)pos));
  }
  if (e == CABREF_CAA_RDATA_OK || e == CABREF_CAA_RDATA_TAG_NUL ||
      e == CABREF_CAA_RDATA_TAG_BAD_CHAR) {
    json_object_set_new(resp, "flags", json_integer(r.flags));
    json_object_set_new(resp, "critical", json_boolean(r.critical));
    json_object_set_new(resp, "tagKind", json_string(cabref_caa_tag_kind_code(r.tag_kind)));
    json_object_set_new(resp, "tagHex", hex_json(b.p + r.tag_off, r.tag_len));
    json_object_set_new(resp, "valueHex", hex_json(b.p + r.value_off, r.value_len));
  }
  free(b.p);
  return resp;
}

/* ---- CaaValueTest, CaaMethodsTest, CaaIodefTest --------------------------------------------- */

static json_t *span_json(const uint8_t *p, size_t len) {
  json_t *s = json_stringn((const char *)p, len);
  return s ? s : hex_json(p, len);
}

static int profile_of(json_t *in, uint8_t *profile) {
  json_t *p = json_object_get(in, "profile");
  *profile = CABREF_CAA_PROFILE_RFC8659;
  if (p == NULL)
    return 0;
  return json_is_string(p) ? cabref_caa_parse_profile(json_string_value(p), profile) : -1;
}

static json_t *value_answer(json_t *in, json_int_t tc) {
  bytes v = {0};
  int present;
  uint8_t profile;
  cabref_caa_issue_value iv;
  size_t pos = 0;
  cabref_caa_value_error e;
  json_t *resp;
  if (profile_of(in, &profile) != 0 || octets_of(in, "value", &v, &present) != 0 || !present) {
    free(v.p);
    return bad_input(tc, "needs profile and value or valueHex");
  }
  e = cabref_caa_issue_value_parse(v.p ? v.p : (const uint8_t *)"", v.len,
                                   (cabref_caa_profile)profile, &iv, &pos);
  if (e != CABREF_CAA_VALUE_OK) {
    resp = answer(tc, "invalid", cabref_caa_value_error_code(e));
    json_object_set_new(resp, "errorOffset", json_integer((json_int_t)pos));
  } else {
    json_t *params = json_array();
    uint32_t i;
    resp = answer(tc, "valid", NULL);
    json_object_set_new(resp, "issuer", span_json(v.p + iv.issuer_off, iv.issuer_len));
    for (i = 0; i < iv.n_params && i < CABREF_CAA_MAX_PARAMS; i++)
      json_array_append_new(
          params, json_pack("[o, o]", span_json(v.p + iv.params[i].tag_off, iv.params[i].tag_len),
                            span_json(v.p + iv.params[i].value_off, iv.params[i].value_len)));
    json_object_set_new(resp, "params", params);
    json_object_set_new(resp, "paramCount", json_integer(iv.n_params));
    json_object_set_new(resp, "accounturiCount", json_integer(iv.n_accounturi));
    json_object_set_new(resp, "validationmethodsCount", json_integer(iv.n_validationmethods));
  }
  free(v.p);
  return resp;
}

static json_t *methods_answer(json_t *in, json_int_t tc) {
  bytes v = {0};
  int present;
  const char *m = json_string_value(json_object_get(in, "method"));
  cabref_caa_methods_result r;
  static const char *const codes[] = {"match", "no-match", "malformed"};
  if (m == NULL || octets_of(in, "value", &v, &present) != 0 || !present) {
    free(v.p);
    return bad_input(tc, "needs value and method");
  }
  r = cabref_caa_methods_contains(v.p ? v.p : (const uint8_t *)"", v.len, m,
                                  json_string_length(json_object_get(in, "method")));
  free(v.p);
  return answer(tc, (unsigned)r < 3 ? codes[r] : "unknown", NULL);
}

static json_t *iodef_answer(json_t *in, json_int_t tc) {
  bytes v = {0};
  int present;
  cabref_caa_iodef_scheme s;
  if (octets_of(in, "value", &v, &present) != 0 || !present) {
    free(v.p);
    return bad_input(tc, "needs value or valueHex");
  }
  s = cabref_caa_iodef_parse(v.p ? v.p : (const uint8_t *)"", v.len);
  free(v.p);
  return answer(tc, cabref_caa_iodef_code(s), NULL);
}

/* ---- the CA's configuration ----------------------------------------------------------------- */

static int config_of(json_t *in, cabref_caa_config *cfg) {
  json_t *ca = json_object_get(in, "ca"), *a, *v;
  size_t i;
  memset(cfg, 0, sizeof *cfg);
  if (profile_of(in, &cfg->profile) != 0 || !json_is_object(ca))
    return -1;
  a = json_object_get(ca, "issuerDomainNames");
  if (!json_is_array(a))
    return -1;
  for (i = 0; i < json_array_size(a); i++) {
    const char *s = json_string_value(json_array_get(a, i));
    if (s == NULL || cabref_caa_config_add_issuer(cfg, s) != 0)
      return -1;
  }
  a = json_object_get(ca, "recognizedTags");
  for (i = 0; json_is_array(a) && i < json_array_size(a); i++) {
    const char *s = json_string_value(json_array_get(a, i));
    if (s == NULL || cabref_caa_config_add_tag(cfg, s) != 0)
      return -1;
  }
  cfg->rfc8657 = json_is_true(json_object_get(ca, "rfc8657"));
  cfg->flag1_critical = json_is_true(json_object_get(ca, "flag1Critical"));
  if ((v = json_object_get(ca, "accountUri")) != NULL &&
      (!json_is_string(v) || cabref_caa_config_set_account(cfg, json_string_value(v)) != 0))
    return -1;
  if ((v = json_object_get(ca, "validationMethod")) != NULL &&
      (!json_is_string(v) || cabref_caa_config_set_method(cfg, json_string_value(v)) != 0))
    return -1;
  return 0;
}

/* ---- CaaDecisionTest ------------------------------------------------------------------------ */

static json_t *decision_answer(json_t *in, json_int_t tc) {
  cabref_caa_config cfg;
  json_t *recs = json_object_get(in, "records"), *resp, *verdicts;
  bytes b = {0};
  cabref_caa_rr *rr;
  cabref_caa_decision d;
  char mm[512] = "";
  size_t i, n = json_array_size(recs);
  if (config_of(in, &cfg) != 0 || !json_is_array(recs))
    return bad_input(tc, "needs ca and records");
  rr = malloc((n ? n : 1) * sizeof *rr);
  if (rr == NULL)
    return NULL;
  for (i = 0; i < n; i++) {
    char where[32];
    size_t start = b.len;
    snprintf(where, sizeof where, "records[%zu]", i);
    if (record_rdata(json_array_get(recs, i), &b, mm, sizeof mm, where) != 0) {
      free(rr);
      free(b.p);
      return bad_input(tc, "a record is not a record object");
    }
    rr[i].off = (uint32_t)start;
    rr[i].len = (uint32_t)(b.len - start);
  }
  if (mm[0] != '\0') {
    free(rr);
    free(b.p);
    return mismatch_answer(tc, mm);
  }
  cabref_caa_decide(b.p ? b.p : (const uint8_t *)"", b.len, rr, n,
                    json_is_true(json_object_get(in, "wildcard")), &cfg, &d);
  resp =
      answer(tc, d.permit ? "permit" : "deny", cabref_caa_reason_code((cabref_caa_reason)d.reason));
  if (d.permit && d.reason == CABREF_CAA_PERMIT_ISSUER)
    json_object_set_new(resp, "permitIndex", json_integer(d.permit_index));
  verdicts = json_array();
  for (i = 0; i < d.n && i < CABREF_CAA_MAX_RECORDS; i++)
    json_array_append_new(
        verdicts, json_string(cabref_caa_verdict_code((cabref_caa_rr_verdict)d.verdict[i])));
  json_object_set_new(resp, "verdicts", verdicts);
  free(rr);
  free(b.p);
  return resp;
}

/* The request names of a test (input.names) evaluated over a zone by the given rules. */
typedef struct {
  const char **nm;
  size_t *lens, n;
  cabref_caa_name_eval *ev;
} names_eval;

static void names_eval_free(names_eval *x) {
  size_t i;
  for (i = 0; x->ev != NULL && i < x->n; i++)
    cabref_caa_name_eval_free(&x->ev[i]);
  free(x->ev);
  free(x->nm);
  free(x->lens);
}

/* The zone evaluation's status (1 all permitted, 0 not, -1 out of memory). */
static int names_eval_run(json_t *names, const cabref_caa_zone *z, const cabref_caa_config *cfg,
                          cabref_caa_rules rules, names_eval *x) {
  size_t i;
  x->n = json_array_size(names);
  x->nm = calloc(x->n ? x->n : 1, sizeof *x->nm);
  x->lens = calloc(x->n ? x->n : 1, sizeof *x->lens);
  x->ev = calloc(x->n ? x->n : 1, sizeof *x->ev);
  if (x->nm == NULL || x->lens == NULL || x->ev == NULL)
    return -1;
  for (i = 0; i < x->n; i++) {
    json_t *s = json_array_get(names, i);
    x->nm[i] = json_is_string(s) ? json_string_value(s) : "";
    x->lens[i] = json_is_string(s) ? json_string_length(s) : 0;
  }
  return cabref_caa_zone_eval_rules(z, x->nm, x->lens, x->n, cfg, rules, x->ev);
}

/* ---- CaaCertificateTest --------------------------------------------------------------------- */

static json_t *certificate_answer(json_t *in, json_int_t tc) {
  cabref_caa_config cfg;
  cabref_caa_zone z;
  json_t *zone = json_object_get(in, "zone"), *names = json_object_get(in, "names"), *resp, *arr;
  size_t i, j, n = json_array_size(names);
  char mm[512] = "";
  names_eval x = {0};
  const char **nm;
  cabref_caa_name_eval *ev;
  int all, bad = 0;
  if (config_of(in, &cfg) != 0 || !json_is_array(zone) || !json_is_array(names))
    return bad_input(tc, "needs ca, zone and names");
  cabref_caa_zone_init(&z);
  for (i = 0; i < json_array_size(zone) && !bad; i++) {
    json_t *e = json_array_get(zone, i), *recs = json_object_get(e, "records");
    const char *owner = json_string_value(json_object_get(e, "owner"));
    if (owner == NULL) {
      bad = 1;
    } else if (json_is_true(json_object_get(e, "failure"))) {
      bad = cabref_caa_zone_add(&z, owner, 0, 0, 1, NULL, 0) != CABREF_OK;
    } else if (json_is_string(json_object_get(e, "cname")) ||
               json_is_string(json_object_get(e, "dname"))) {
      /* CAA-ZONE-ALIAS: an alias record at the owner */
      int cn = json_is_string(json_object_get(e, "cname"));
      bad = cabref_caa_zone_add_node(
                &z, owner, 0, cn ? CABREF_CAA_NODE_CNAME : CABREF_CAA_NODE_DNAME,
                json_string_value(json_object_get(e, cn ? "cname" : "dname"))) != CABREF_OK;
    } else if (json_is_true(json_object_get(e, "exists"))) {
      /* a record of another type: the name exists (RFC 4592 §2.2.2) */
      bad = cabref_caa_zone_add_node(&z, owner, 0, CABREF_CAA_NODE_OTHER, NULL) != CABREF_OK;
    } else {
      for (j = 0; j < json_array_size(recs) && !bad; j++) {
        bytes b = {0};
        char where[300];
        snprintf(where, sizeof where, "zone[%zu] (%.200s) records[%zu]", i, owner, j);
        bad = record_rdata(json_array_get(recs, j), &b, mm, sizeof mm, where) != 0 ||
              cabref_caa_zone_add(&z, owner, 0, 0, 0, b.p, b.len) != CABREF_OK;
        free(b.p);
      }
    }
  }
  if (bad || mm[0] != '\0') {
    cabref_caa_zone_free(&z);
    return bad ? bad_input(tc, "a zone entry is not {owner, records|failure|cname|dname|exists}")
               : mismatch_answer(tc, mm);
  }
  all = names_eval_run(names, &z, &cfg, cabref_caa_rules_of_profile(cfg.profile), &x);
  nm = x.nm;
  ev = x.ev;
  if (all < 0) {
    resp = NULL;
  } else {
    arr = json_array();
    for (i = 0; i < n; i++) {
      const cabref_caa_name_eval *e = &ev[i];
      json_t *o;
      if (e->error) {
        o = json_pack("{s:s, s:s, s:s, s:n}", "name", nm[i], "result", "error", "reason",
                      cabref_name_error_name((cabref_name_error)e->error), "relevantOwner");
      } else {
        /* A reason only where the core decided on a set (permit, deny). */
        int decided =
            e->res.result == CABREF_CAA_NAME_PERMIT || e->res.result == CABREF_CAA_NAME_DENY;
        o = json_pack(
            "{s:s, s:s, s:s?, s:o}", "name", nm[i], "result", cabref_caa_name_result_code(e),
            "reason", decided ? cabref_caa_reason_code((cabref_caa_reason)e->res.reason) : NULL,
            "relevantOwner",
            e->lookup == CABREF_CAA_RELEVANT_FOUND &&
                    e->res.result != CABREF_CAA_NAME_ONION_EXEMPT && e->relevant_owner != NULL
                ? json_string(e->relevant_owner)
                : json_null());
      }
      json_array_append_new(arr, o);
    }
    resp = answer(tc, all == 1 ? "permit" : "deny", NULL);
    json_object_set_new(resp, "names", arr);
  }
  names_eval_free(&x);
  cabref_caa_zone_free(&z);
  return resp;
}

/* ---- CaaReuseTest, CaaExceptionTest, CaaFailureTest, CaaRulesTest --------------------------- */

static int instant_of(json_t *in, const char *key, cabref_caa_instant *t) {
  json_t *s = json_object_get(in, key);
  cabref_instant v;
  if (!json_is_string(s) ||
      cabref_parse_instant(json_string_value(s), json_string_length(s), &v) != CABREF_OK)
    return -1;
  *t = v;
  return 0;
}

static uint8_t fact(json_t *facts, const char *key) {
  json_t *v = json_object_get(facts, key);
  if (json_is_integer(v))
    return (uint8_t)(json_integer_value(v) < 0     ? 0
                     : json_integer_value(v) > 255 ? 255
                                                   : json_integer_value(v));
  return json_is_true(v) ? 1 : 0;
}

static json_t *reuse_answer(json_t *in, json_int_t tc) {
  cabref_caa_instant checked, issued;
  json_t *ttl = json_object_get(in, "ttl");
  json_int_t t = json_integer_value(ttl);
  if (instant_of(in, "checked", &checked) != 0 || instant_of(in, "issued", &issued) != 0 ||
      !(json_is_null(ttl) || (json_is_integer(ttl) && t >= 0 && t <= (json_int_t)UINT32_MAX)))
    return bad_input(tc, "needs checked, issued and ttl");
  if (cabref_caa_reuse_ok(checked, issued, (uint32_t)(json_is_integer(ttl) ? t : 0),
                          json_is_integer(ttl)))
    return answer(tc, "ok", NULL);
  /* The core said no; the name of the case is the order of the two instants. */
  return answer(tc, issued < checked ? "before-check" : "expired", NULL);
}

static json_t *exception_answer(json_t *in, json_int_t tc) {
  const char *k = json_string_value(json_object_get(in, "exception"));
  json_t *facts = json_object_get(in, "facts");
  cabref_caa_exception kind;
  cabref_caa_exception_facts f;
  cabref_caa_instant issued;
  static const char *const codes[] = {"applies", "not-in-force", "conditions-not-met"};
  cabref_caa_exception_result r;
  if (k == NULL || instant_of(in, "issued", &issued) != 0)
    return bad_input(tc, "needs exception and issued");
  if (strcmp(k, "ct-precertificate") == 0)
    kind = CABREF_CAA_EXC_CT_PRECERT;
  else if (strcmp(k, "tcsca") == 0)
    kind = CABREF_CAA_EXC_TCSCA;
  else if (strcmp(k, "dns-operator") == 0)
    kind = CABREF_CAA_EXC_DNS_OPERATOR;
  else
    return bad_input(tc, "unknown exception");
  f.ct_logs = fact(facts, "ctLogs");
  f.caa_checked = fact(facts, "caaChecked");
  f.tcsca = fact(facts, "tcsca");
  f.contract_clause = fact(facts, "contractClause");
  f.ca_is_dns_operator = fact(facts, "caIsDnsOperator");
  r = cabref_caa_exception_applies(kind, issued, &f);
  return answer(tc, (unsigned)r < 3 ? codes[r] : "unknown", NULL);
}

static json_t *failure_answer(json_t *in, json_int_t tc) {
  json_t *facts = json_object_get(in, "facts");
  cabref_caa_failure_facts f;
  cabref_caa_instant at;
  if (instant_of(in, "at", &at) != 0)
    return bad_input(tc, "needs at");
  f.outside_ca = fact(facts, "outsideCa");
  f.retries = fact(facts, "retries");
  f.no_dnssec_chain = fact(facts, "noDnssecChain");
  f.insecure = fact(facts, "insecure");
  f.dnssec_failure = fact(facts, "dnssecFailure");
  return answer(tc, cabref_caa_failure_permits(at, &f) ? "permission" : "no-permission", NULL);
}

static json_t *rules_answer(json_t *in, json_int_t tc) {
  cabref_caa_instant at;
  static const char *const codes[] = {"none", "rfc6844", "rfc6844-e5065", "rfc8659"};
  cabref_caa_rules r;
  if (instant_of(in, "at", &at) != 0)
    return bad_input(tc, "needs at");
  r = cabref_caa_rules_at(at);
  return answer(tc, (unsigned)r < 4 ? codes[r] : "unknown", NULL);
}

/* ---- CaaRelevantTest ------------------------------------------------------------------------ */

/* The node of `name` among names[0 .. *n-1], appended (empty, no alias) when absent. -1 when the
 * array is full. */
static long node_of(const char **names, cabref_caa_node *nd, size_t *n, size_t cap,
                    const char *name) {
  size_t i;
  for (i = 0; i < *n; i++)
    if (strcmp(names[i], name) == 0)
      return (long)i;
  if (*n == cap)
    return -1;
  names[*n] = name;
  memset(&nd[*n], 0, sizeof nd[*n]);
  return (long)(*n)++;
}

static json_t *relevant_answer(json_t *in, json_int_t tc) {
  enum { CAP = 256 };
  static const char *const rules_codes[] = {"none", "rfc6844", "rfc6844-e5065", "rfc8659"};
  static const char *const results[] = {"found", "none", "failure"};
  const char *names[CAP], *rs = json_string_value(json_object_get(in, "rules"));
  const char *name = json_string_value(json_object_get(in, "name"));
  json_t *lk = json_object_get(in, "lookups"), *resp, *exp;
  cabref_caa_node nd[CAP];
  cabref_caa_relevant_at at;
  cabref_caa_relevant_result r;
  size_t n = 0, n_climb, i;
  long rules = -1;
  for (i = 0; rs != NULL && i < 4; i++)
    if (strcmp(rs, rules_codes[i]) == 0)
      rules = (long)i;
  if (rules < 0 || name == NULL || !json_is_array(lk))
    return bad_input(tc, "needs rules, name and lookups");
  if (strncmp(name, "*.", 2) == 0)
    name += 2;
  /* RFC 8659 §3: the climb is the name and each parent up to the TLD, nodes 0 .. n_climb-1. */
  for (;;) {
    const char *dot = strchr(name, '.');
    if (node_of(names, nd, &n, CAP, name) < 0)
      return bad_input(tc, "too many names");
    if (dot == NULL)
      break;
    name = dot + 1;
  }
  n_climb = n;
  for (i = 0; i < json_array_size(lk); i++) {
    json_t *o = json_array_get(lk, i);
    const char *nm = json_string_value(json_object_get(o, "name"));
    const char *out = json_string_value(json_object_get(o, "outcome"));
    const char *fk = json_string_value(json_object_get(o, "failure"));
    const char *ds = json_string_value(json_object_get(o, "dnssec"));
    const char *al = json_string_value(json_object_get(o, "alias"));
    const char *tg = json_string_value(json_object_get(o, "target"));
    long k = nm != NULL ? node_of(names, nd, &n, CAP, nm) : -1, t = 0;
    int fkv = fk != NULL ? cabref_caa_failure_kind_parse(fk) : 0;
    int dsv = ds != NULL ? cabref_caa_dnssec_parse(ds) : 0;
    if (k < 0 || out == NULL || fkv < 0 || dsv < 0 || (al != NULL) != (tg != NULL) ||
        (tg != NULL && (t = node_of(names, nd, &n, CAP, tg)) < 0))
      return bad_input(tc, "a lookup is not {name, outcome, failure?, dnssec?, alias?, target?}");
    if (strcmp(out, "records") == 0)
      nd[k].outcome = (uint8_t)CABREF_CAA_LOOKUP_RECORDS;
    else if (strcmp(out, "empty") == 0)
      nd[k].outcome = (uint8_t)CABREF_CAA_LOOKUP_EMPTY;
    else if (strcmp(out, "failure") == 0)
      nd[k].outcome = (uint8_t)CABREF_CAA_LOOKUP_FAILURE;
    else
      return bad_input(tc, "outcome is records, empty or failure");
    nd[k].failure = (uint8_t)fkv;
    nd[k].dnssec = (uint8_t)dsv;
    if (al != NULL) {
      if (strcmp(al, "cname") == 0)
        nd[k].alias = (uint8_t)CABREF_CAA_ALIAS_CNAME;
      else if (strcmp(al, "dname") == 0)
        nd[k].alias = (uint8_t)CABREF_CAA_ALIAS_DNAME;
      else
        return bad_input(tc, "alias is cname or dname");
      nd[k].target = (uint32_t)t;
    }
  }
  r = cabref_caa_relevant_rrset(nd, n, n_climb, (cabref_caa_rules)rules, &at);
  resp = answer(tc, (unsigned)r < 3 ? results[r] : "unknown", NULL);
  exp = json_pack(
      "{s:s?, s:s?, s:I, s:s?}", "climb", r == CABREF_CAA_RELEVANT_NONE ? NULL : names[at.climb],
      "answer",
      r == CABREF_CAA_RELEVANT_NONE ||
              (r == CABREF_CAA_RELEVANT_FAILURE && at.failure == CABREF_CAA_FAIL_ALIAS_CHAIN)
          ? NULL
          : names[at.node],
      "hops", (json_int_t)at.hops, "failure",
      r == CABREF_CAA_RELEVANT_FAILURE ? cabref_caa_failure_kind_code((unsigned)at.failure) : NULL);
  json_object_update(resp, exp);
  json_decref(exp);
  return resp;
}

/* ---- CaaDnsTest (vectors/caa-dns.json) ------------------------------------------------------ */

/* One DNS scenario: what the DNS said at each name looked up (records with their TTL, empty, or a
 * failure of a kind; the DNSSEC status; how many times it was asked; a CNAME the resolver
 * followed or a DNAME owned by the name), the evaluation instant and whether the resolver is
 * outside the CA. The rules of the instant pick the set and decide (CAA-PROFILE-DATE); a failed
 * name's failureMayPermit is CAA-LOOKUP-FAILURE on the facts of its answer; a decided name's
 * reuseSeconds is CAA-REUSE. The same zone shape live mode builds (CAA-DNS-LIVE). */
static int dns_entry(cabref_caa_zone *z, json_t *e, char *mm, size_t mlen, size_t i) {
  const char *name = json_string_value(json_object_get(e, "name"));
  const char *outcome = json_string_value(json_object_get(e, "outcome"));
  json_t *ds = json_object_get(e, "dnssec"), *recs = json_object_get(e, "records");
  json_int_t ttl = json_integer_value(json_object_get(e, "ttl"));
  int dnssec = ds == NULL
                   ? CABREF_CAA_DNSSEC_INDETERMINATE
                   : cabref_caa_dnssec_parse(json_string_value(ds) ? json_string_value(ds) : "");
  int failure = 0;
  size_t j;
  if (name == NULL || outcome == NULL || dnssec < 0 || ttl < 0 || ttl > (json_int_t)UINT32_MAX)
    return -1;
  if (strcmp(outcome, "failure") == 0) {
    const char *k = json_string_value(json_object_get(e, "failure"));
    if (k == NULL || (failure = cabref_caa_failure_kind_parse(k)) < 0 ||
        cabref_caa_zone_add(z, name, 0, 0, 1, NULL, 0) != CABREF_OK)
      return -1;
  } else if (strcmp(outcome, "records") == 0) {
    if (!json_is_array(recs) || json_array_size(recs) == 0)
      return -1;
    for (j = 0; j < json_array_size(recs); j++) {
      bytes b = {0};
      char where[300];
      int bad;
      snprintf(where, sizeof where, "dns[%zu] (%.200s) records[%zu]", i, name, j);
      bad = record_rdata(json_array_get(recs, j), &b, mm, mlen, where) != 0 ||
            cabref_caa_zone_add(z, name, (uint32_t)ttl, 0, 0, b.p, b.len) != CABREF_OK;
      free(b.p);
      if (bad)
        return -1;
    }
  } else if (strcmp(outcome, "empty") != 0) {
    return -1;
  }
  if (json_is_string(json_object_get(e, "cname")) &&
      cabref_caa_zone_add_node(z, name, 0, CABREF_CAA_NODE_CNAME,
                               json_string_value(json_object_get(e, "cname"))) != CABREF_OK)
    return -1;
  if (json_is_string(json_object_get(e, "dname")) &&
      cabref_caa_zone_add_node(z, name, 0, CABREF_CAA_NODE_DNAME,
                               json_string_value(json_object_get(e, "dname"))) != CABREF_OK)
    return -1;
  return cabref_caa_zone_set_status(z, name, dnssec, failure) == CABREF_OK ? 0 : -1;
}

/* The DNSSEC status and tries of the answer at name (what the scenario lists; 0 when absent). */
static void dns_facts(json_t *dns, const char *name, int *dnssec, int *tries) {
  size_t i;
  *dnssec = CABREF_CAA_DNSSEC_INDETERMINATE;
  *tries = 0;
  for (i = 0; name != NULL && i < json_array_size(dns); i++) {
    json_t *e = json_array_get(dns, i), *ds = json_object_get(e, "dnssec");
    const char *n = json_string_value(json_object_get(e, "name"));
    if (n == NULL || strcmp(n, name) != 0)
      continue;
    if (json_is_string(ds))
      *dnssec = cabref_caa_dnssec_parse(json_string_value(ds));
    *tries = (int)json_integer_value(json_object_get(e, "tries"));
    return;
  }
}

static json_t *dns_answer(json_t *in, json_int_t tc) {
  cabref_caa_config cfg;
  cabref_caa_zone z;
  cabref_caa_instant at;
  cabref_caa_rules rules;
  json_t *dns = json_object_get(in, "dns"), *names = json_object_get(in, "names"), *resp, *arr;
  size_t i, n = json_array_size(names);
  char mm[512] = "";
  names_eval x = {0};
  int all, bad = 0, outside = json_is_true(json_object_get(in, "outsideCa"));
  if (config_of(in, &cfg) != 0 || instant_of(in, "at", &at) != 0 || !json_is_array(dns) ||
      !json_is_array(names))
    return bad_input(tc, "needs at, ca, dns and names");
  rules = cabref_caa_rules_at(at);
  cfg.profile = cabref_caa_profile_of_rules(rules);
  cabref_caa_zone_init(&z);
  for (i = 0; i < json_array_size(dns) && !bad; i++)
    bad = dns_entry(&z, json_array_get(dns, i), mm, sizeof mm, i) != 0;
  if (bad || mm[0] != '\0') {
    cabref_caa_zone_free(&z);
    return mm[0] != '\0' ? mismatch_answer(tc, mm)
                         : bad_input(tc, "a dns entry is not {name, outcome, ...}");
  }
  all = names_eval_run(names, &z, &cfg, rules, &x);
  if (all < 0) {
    resp = NULL;
  } else {
    int any_deny = 0, any_failure = 0;
    arr = json_array();
    for (i = 0; i < n; i++) {
      const cabref_caa_name_eval *e = &x.ev[i];
      int decided = !e->error && (e->res.result == CABREF_CAA_NAME_PERMIT ||
                                  e->res.result == CABREF_CAA_NAME_DENY);
      int failed = !e->error && e->res.result == CABREF_CAA_NAME_LOOKUP_FAILURE;
      json_t *o;
      any_deny |= e->error || (!e->error && e->res.result == CABREF_CAA_NAME_DENY);
      any_failure |= failed;
      o = json_pack("{s:s, s:s, s:s?}", "name", x.nm[i], "result",
                    e->error ? "error" : cabref_caa_name_result_code(e), "reason",
                    decided ? cabref_caa_reason_code((cabref_caa_reason)e->res.reason) : NULL);
      json_object_set_new(o, "relevantOwner",
                          decided && e->lookup == CABREF_CAA_RELEVANT_FOUND &&
                                  e->relevant_owner != NULL
                              ? json_string(e->relevant_owner)
                              : json_null());
      json_object_set_new(o, "failure",
                          failed ? json_string(cabref_caa_failure_kind_code((unsigned)e->failure))
                                 : json_null());
      if (failed) {
        int ds, tries;
        dns_facts(dns, e->failure_owner, &ds, &tries);
        json_object_set_new(
            o, "failureMayPermit",
            json_boolean(cabref_caa_failure_may_permit(e, ds < 0 ? 0 : ds, tries, at, outside)));
      } else {
        json_object_set_new(o, "failureMayPermit", json_null());
      }
      json_object_set_new(o, "reuseSeconds",
                          decided ? json_integer((json_int_t)cabref_caa_reuse_seconds(&z, e))
                                  : json_null());
      json_object_set_new(o, "iodef", json_null());
      if (!e->error && e->res.result == CABREF_CAA_NAME_DENY) { /* CAA-PREVENTED */
        cabref_caa_prevented p;
        json_t *io = json_array();
        size_t t;
        if (cabref_caa_prevented_build(&z, e, x.nm[i], at, "ca.example", NULL, &p) == CABREF_OK)
          for (t = 0; t < p.n_targets; t++)
            json_array_append_new(io, json_pack("{s:s?, s:s?}", "url", p.targets[t].url, "report",
                                                p.targets[t].report == NULL ? NULL
                                                : p.targets[t].scheme == CABREF_CAA_IODEF_MAILTO
                                                    ? "mail"
                                                    : "document"));
        cabref_caa_prevented_free(&p);
        json_object_set_new(o, "iodef", io);
      }
      json_array_append_new(arr, o);
    }
    resp = answer(tc, all == 1 ? "permit" : (any_deny || !any_failure ? "deny" : "lookup-failure"),
                  NULL);
    json_object_set_new(resp, "names", arr);
  }
  names_eval_free(&x);
  cabref_caa_zone_free(&z);
  return resp;
}

json_t *cabref_caa_answer(const char *type, json_t *input, json_int_t tc) {
  if (!json_is_object(input))
    return bad_input(tc, "no input object");
  if (strcmp(type, "CaaRdataTest") == 0)
    return rdata_answer(input, tc);
  if (strcmp(type, "CaaValueTest") == 0)
    return value_answer(input, tc);
  if (strcmp(type, "CaaMethodsTest") == 0)
    return methods_answer(input, tc);
  if (strcmp(type, "CaaIodefTest") == 0)
    return iodef_answer(input, tc);
  if (strcmp(type, "CaaDecisionTest") == 0)
    return decision_answer(input, tc);
  if (strcmp(type, "CaaCertificateTest") == 0)
    return certificate_answer(input, tc);
  if (strcmp(type, "CaaReuseTest") == 0)
    return reuse_answer(input, tc);
  if (strcmp(type, "CaaExceptionTest") == 0)
    return exception_answer(input, tc);
  if (strcmp(type, "CaaFailureTest") == 0)
    return failure_answer(input, tc);
  if (strcmp(type, "CaaRulesTest") == 0)
    return rules_answer(input, tc);
  if (strcmp(type, "CaaRelevantTest") == 0)
    return relevant_answer(input, tc);
  if (strcmp(type, "CaaDnsTest") == 0)
    return dns_answer(input, tc);
  return json_pack("{s:I, s:s}", "tcId", tc, "result", "unsupported");
}
