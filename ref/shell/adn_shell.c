/* cabref: the ADN shell. Converts and gathers (name text -> A-labels -> parsed name -> PSL match
 * -> Spec 13 list membership) and lets the proven core (ref/core/adn.c) decide. spec/adn.md. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cabref/adn_shell.h"
#include "cabref/name_idn.h"

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void set_err(cabref_error *err, cabref_status st, const char *file, unsigned long line,
                    const char *msg) {
  if (err == NULL)
    return;
  memset(err, 0, sizeof *err);
  err->status = st;
  err->line = line;
  snprintf(err->file, sizeof err->file, "%s", file);
  snprintf(err->message, sizeof err->message, "%s:%lu: %s", file, line, msg);
}

/* ADN-SPEC13: the shipped list. */
cabref_status cabref_spec13_load(const char *path, cabref_spec13_list **out, cabref_error *err) {
  FILE *f;
  char line[512];
  unsigned long ln = 0;
  cabref_spec13_list *l;
  *out = NULL;
  f = fopen(path, "r");
  if (f == NULL) {
    set_err(err, CABREF_E_IO, path, 0, strerror(errno));
    return CABREF_E_IO;
  }
  l = calloc(1, sizeof *l);
  if (l == NULL) {
    fclose(f);
    set_err(err, CABREF_E_CAPACITY, path, 0, "out of memory");
    return CABREF_E_CAPACITY;
  }
  while (fgets(line, sizeof line, f) != NULL) {
    size_t n = strlen(line), i;
    char **grown;
    ln++;
    if (n > 0 && line[n - 1] != '\n' && !feof(f)) {
      set_err(err, CABREF_E_TOO_LONG, path, ln, "line too long");
      fclose(f);
      cabref_spec13_free(l);
      return CABREF_E_TOO_LONG;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ' ||
                     line[n - 1] == '\t'))
      line[--n] = '\0';
    if (n == 0 || line[0] == '#')
      continue;
    for (i = 0; i < n; i++) {
      unsigned char c = (unsigned char)line[i];
      if (!(isalnum(c) || c == '-') || c >= 0x80)
        break;
      line[i] = (char)tolower(c);
    }
    if (i != n || n > CABREF_NAME_MAX_LABEL || line[0] == '-' || line[n - 1] == '-') {
      set_err(err, CABREF_E_SYNTAX, path, ln, "not one LDH label (A-label, lower case)");
      fclose(f);
      cabref_spec13_free(l);
      return CABREF_E_SYNTAX;
    }
    grown = realloc(l->tlds, (l->n + 1) * sizeof *grown);
    if (grown == NULL || (grown[l->n] = strdup(line)) == NULL) {
      if (grown != NULL)
        l->tlds = grown;
      set_err(err, CABREF_E_CAPACITY, path, ln, "out of memory");
      fclose(f);
      cabref_spec13_free(l);
      return CABREF_E_CAPACITY;
    }
    l->tlds = grown;
    l->n++;
  }
  fclose(f);
  if (l->n > 1)
    qsort(l->tlds, l->n, sizeof *l->tlds, cmp_str);
  *out = l;
  return CABREF_OK;
}

int cabref_spec13_contains(const cabref_spec13_list *l, const char *label, size_t len) {
  char key[CABREF_NAME_MAX_LABEL + 1];
  char *k = key;
  size_t i;
  if (l == NULL || len == 0 || len > CABREF_NAME_MAX_LABEL)
    return 0;
  for (i = 0; i < len; i++)
    key[i] = (char)tolower((unsigned char)label[i]);
  key[len] = '\0';
  return l->n > 0 && bsearch(&k, l->tlds, l->n, sizeof *l->tlds, cmp_str) != NULL;
}

void cabref_spec13_free(cabref_spec13_list *l) {
  size_t i;
  if (l == NULL)
    return;
  for (i = 0; i < l->n; i++)
    free(l->tlds[i]);
  free(l->tlds);
  free(l);
}

int cabref_adn_view_text(const cabref_psl_table *t, uint32_t psl_options,
                         const cabref_spec13_list *s13, const char *text, size_t len,
                         cabref_adn_view *out) {
  int e;
  unsigned st, n;
  const cabref_label *tld;
  memset(out, 0, sizeof *out);
  out->bdn = (uint8_t)CABREF_ADN_NONE;
  e = cabref_psl_lookup_text(t, text, len, psl_options, &out->match, &out->name, out->text,
                             &out->err_pos);
  if (e != CABREF_NAME_OK) {
    out->error = e;
    return e;
  }
  /* The conversion keeps the root label's dot after the name: ADN-TRAILING-DOT reads it here. */
  out->trailing_dot = (uint8_t)(out->text[out->name.text_len] == '.');
  out->text[out->name.text_len] = '\0';
  /* RFC 4343: names are shown in lower case (the core compares ignoring ASCII case). */
  for (size_t i = 0; i < out->name.text_len; i++)
    out->text[i] = (char)tolower((unsigned char)out->text[i]);
  n = out->name.n_labels;
  st = out->name.wildcard ? 1u : 0u;
  if (n <= st) {
    out->error = CABREF_ADN_ERR_SHAPE;
    out->err_pos = 0;
    return out->error;
  }
  /* ADN-SPEC13: the option applies when the TLD is on the list. */
  tld = &out->name.labels[n - 1];
  out->spec13 =
      (uint8_t)(s13 != NULL && cabref_spec13_contains(s13, out->text + tld->off, tld->len));
  if (cabref_adn_bdn(&out->name, out->match.suffix_labels, out->spec13, &out->bdn) != CABREF_OK ||
      cabref_adn_candidates(&out->name, out->match.suffix_labels, out->spec13, out->cand,
                            sizeof out->cand, &out->n_cand) != CABREF_OK) {
    out->error = CABREF_ADN_ERR_SHAPE;
    return out->error;
  }
  return 0;
}

const char *cabref_adn_view_candidate(const cabref_adn_view *v, uint8_t k) {
  if (k >= v->name.n_labels)
    return "";
  return v->text + v->name.labels[k].off;
}

/* The codes and messages of the CABREF_ADN_ERR_* refusals, in their order from 200. */
static const char *const adn_errors[][2] = {
    {"no-fqdn", "no label after the wildcard"},
    {"underscore", "underscore in a requested name"},
    {"trailing-dot", "a trailing dot (the root label) in a requested name (BR 7.1.2.7.12)"},
    {"internal-name",
     "an Internal Name: its top-level label is not a delegated TLD (no ICANN rule of the PSL "
     "ends in it) or is reserved for special use (BR 4.2.2; RFC 6761, 6762, 8375)"},
    {"reverse-zone", "ends in an IP Reverse Zone Suffix (in-addr.arpa, ip6.arpa): refused from "
                     "2026-03-15 (BR 4.2.2, SC86)"}};

const char *cabref_adn_error_code(int e) {
  if (e >= CABREF_ADN_ERR_SHAPE && e <= CABREF_ADN_ERR_REVERSE_ZONE)
    return adn_errors[e - CABREF_ADN_ERR_SHAPE][0];
  return cabref_psl_name_error_code(e);
}

const char *cabref_adn_error_message(int e) {
  if (e >= CABREF_ADN_ERR_SHAPE && e <= CABREF_ADN_ERR_REVERSE_ZONE)
    return adn_errors[e - CABREF_ADN_ERR_SHAPE][1];
  return cabref_psl_name_error_message(e);
}

int cabref_adn_parse_method(const char *s, uint32_t *method) {
  char *end;
  unsigned long v;
  if (strncmp(s, "3.2.2.4.", 8) == 0)
    s += 8;
  if (!isdigit((unsigned char)s[0]))
    return -1;
  errno = 0;
  v = strtoul(s, &end, 10);
  if (errno != 0 || *end != '\0' || v < 1 || v > CABREF_ADN_METHOD_MAX)
    return -1;
  *method = (uint32_t)v;
  return 0;
}

int cabref_adn_parse_date(const char *s, cabref_instant *t) {
  int y, mo, d, h = 0, mi = 0, se = 0, used = 0;
  size_t n = strlen(s);
  if (n == 10) {
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &used) != 3 || used != 10)
      return -1;
  } else if (n == 20 && s[10] == 'T' && s[19] == 'Z') {
    if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &se, &used) != 6 ||
        used != 20)
      return -1;
  } else {
    return -1;
  }
  if (s[4] != '-' || s[7] != '-')
    return -1;
  return cabref_instant_from_utc(y, mo, d, h, mi, se, t) == CABREF_OK ? 0 : -1;
}

const char *cabref_adn_status_name(uint8_t status) {
  switch (status) {
  case CABREF_ADN_NOT_DEFINED:
    return "not-defined";
  case CABREF_ADN_ALLOWED:
    return "allowed";
  case CABREF_ADN_DISCOURAGED:
    return "discouraged";
  case CABREF_ADN_RETIRED:
    return "retired";
  default:
    return "unknown";
  }
}

const char *cabref_adn_prefix_name(uint8_t prefix) {
  switch (prefix) {
  case CABREF_ADN_PREFIX_NONE:
    return "none";
  case CABREF_ADN_PREFIX_UNDERSCORE:
    return "_<label>.";
  case CABREF_ADN_PREFIX_CONTACT_EMAIL:
    return "_validation-contactemail.";
  case CABREF_ADN_PREFIX_CONTACT_PHONE:
    return "_validation-contactphone.";
  case CABREF_ADN_PREFIX_ACME_ACCOUNT:
    return "_<account-label>._acme-challenge.";
  case CABREF_ADN_PREFIX_PERSIST:
    return "_validation-persist.";
  default:
    return "unknown";
  }
}

void cabref_adn_format_instant(cabref_instant t, char *buf, size_t n) {
  int32_t y, mo, d, h, mi, se;
  if (cabref_utc_from_instant(t, &y, &mo, &d, &h, &mi, &se) != CABREF_OK) {
    snprintf(buf, n, "%lld", (long long)t);
  } else if (h == 0 && mi == 0 && se == 0) {
    snprintf(buf, n, "%04d-%02d-%02d", (int)y, (int)mo, (int)d);
  } else {
    snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02dZ", (int)y, (int)mo, (int)d, (int)h, (int)mi,
             (int)se);
  }
}

static json_t *instant_json(cabref_instant t) {
  char buf[40];
  if (t == INT64_MAX)
    return json_null();
  cabref_adn_format_instant(t, buf, sizeof buf);
  return json_string(buf);
}

json_t *cabref_adn_method_json(uint32_t method, cabref_instant at) {
  cabref_adn_rules r;
  char id[32];
  if (cabref_adn_method_rules(method, at, &r) != CABREF_OK)
    return json_null();
  snprintf(id, sizeof id, "3.2.2.4.%u", (unsigned)method);
  return json_pack("{s:s, s:o, s:s, s:o, s:o, s:o, s:b, s:b, s:b, s:s, s:b, s:b}", "id", id, "at",
                   instant_json(at), "status", cabref_adn_status_name(r.status), "introduced",
                   instant_json(r.introduced), "discouraged", instant_json(r.discouraged), "sunset",
                   instant_json(r.sunset), "wildcard", r.wildcard, "prune", r.prune, "cname",
                   r.cname, "recordPrefix", cabref_adn_prefix_name(r.prefix), "constructedEmail",
                   r.constructed_email, "authorizedPorts", r.authorized_ports);
}

json_t *cabref_adn_ports_json(cabref_instant at) {
  static const uint32_t ports[] = {80, 443, 115, 25, 22};
  json_t *a = json_array();
  size_t i;
  for (i = 0; i < sizeof ports / sizeof ports[0]; i++) {
    if (cabref_adn_authorized_port(ports[i], at))
      json_array_append_new(a, json_integer(ports[i]));
  }
  return a;
}

static json_t *suffix_text(const cabref_adn_view *v) {
  unsigned n = v->name.n_labels, s = v->match.suffix_labels;
  if (s == 0 || s > n)
    return json_null();
  return json_string(cabref_adn_view_candidate(v, (uint8_t)(n - s)));
}

static json_t *view_json(const cabref_adn_view *v) {
  json_t *o = json_object(), *c = json_array();
  size_t i;
  json_object_set_new(o, "fqdn",
                      json_string(cabref_adn_view_candidate(v, v->name.wildcard ? 1 : 0)));
  json_object_set_new(o, "wildcard", json_boolean(v->name.wildcard));
  json_object_set_new(o, "publicSuffix", suffix_text(v));
  json_object_set_new(o, "spec13", json_boolean(v->spec13));
  json_object_set_new(
      o, "bdn",
      v->bdn == CABREF_ADN_NONE ? json_null() : json_string(cabref_adn_view_candidate(v, v->bdn)));
  for (i = 0; i < v->n_cand; i++)
    json_array_append_new(c, json_string(cabref_adn_view_candidate(v, v->cand[i])));
  json_object_set_new(o, "candidates", c);
  return o;
}

/* The user's text echoed as a JSON string. JSON strings are Unicode, so a byte outside a
 * well-formed UTF-8 sequence is echoed as U+FFFD; valid text is echoed unchanged. */
static json_t *text_json(const char *text, size_t n) {
  json_t *j = json_stringn(text, n);
  char *b;
  size_t i = 0, o = 0;
  if (j != NULL || text == NULL || (b = malloc(3 * n + 1)) == NULL)
    return j;
  while (i < n) {
    size_t k = cabref_utf8_seq((const unsigned char *)text + i, n - i);
    if (k == 0) {
      memcpy(b + o, "\xef\xbf\xbd", 3);
      o += 3;
      i++;
    } else {
      memcpy(b + o, text + i, k);
      o += k;
      i += k;
    }
  }
  j = json_stringn(b, o);
  free(b);
  return j;
}

static json_t *error_json(const char *name, size_t len, int e, size_t pos) {
  return json_pack("{s:o, s:s, s:s, s:I}", "name", text_json(name, len), "error",
                   cabref_adn_error_code(e), "message", cabref_adn_error_message(e), "position",
                   (json_int_t)pos);
}

/* ADN-DNS-PREFIX: is `record` a DNS Change location for candidate k of v? */
static int record_for(const cabref_adn_view *v, uint8_t k, const char *qb, const cabref_name *q) {
  cabref_name adn;
  size_t pos;
  const char *a = cabref_adn_view_candidate(v, k);
  if (cabref_name_parse(a, strlen(a), 0, &adn, &pos) != CABREF_NAME_OK)
    return 0;
  return cabref_adn_dns_change_name(qb, q, a, &adn);
}

/* RFC 6761 §6.2-§6.5 (test, localhost, invalid, example), RFC 6762 (local), RFC 9476 (alt) and
 * ICANN's 2024 reservation (internal): top-level labels that are never delegated, refused by
 * name even if a list in use had a rule for them. */
static int special_use_tld(const char *label, size_t len) {
  static const char *const names[] = {"test",  "localhost", "invalid", "example",
                                      "local", "alt",       "internal"};
  size_t k;
  for (k = 0; k < sizeof names / sizeof names[0]; k++)
    if (strlen(names[k]) == len && memcmp(names[k], label, len) == 0)
      return 1;
  return 0;
}

/* NAME-SUFFIX: the name v is suffix or ends in it, label by label (the core's
 * cabref_name_is_suffix); *off is where the suffix starts in v->text. */
static int ends_in(const cabref_adn_view *v, const char *suffix, size_t *off) {
  cabref_name sn;
  size_t sl = strlen(suffix), pos;
  if (cabref_name_parse(suffix, sl, 0, &sn, &pos) != CABREF_NAME_OK ||
      !cabref_name_is_suffix(v->text, &v->name, suffix, &sn))
    return 0;
  *off = v->name.text_len - sl;
  return 1;
}

int cabref_adn_requested_refusal(const cabref_psl_list *l, const cabref_adn_view *v,
                                 const char *text, size_t len, cabref_instant at, size_t *err_pos) {
  const cabref_label *tld = &v->name.labels[v->name.n_labels - 1];
  size_t i, off = 0;
  int ascii = 1;
  for (i = 0; i < len; i++)
    ascii &= (unsigned char)text[i] < 0x80;
  /* ADN-TRAILING-DOT (BR 7.1.2.7.12: the root label is not part of a certificate's name), as the
   * conversion read it; the position is the first byte of the text's last character. */
  if (v->trailing_dot) {
    size_t p = len > 0 ? len - 1 : 0;
    while (p > 0 && ((unsigned char)text[p] & 0xC0u) == 0x80u)
      p--;
    *err_pos = p;
    return CABREF_ADN_ERR_TRAILING_DOT;
  }
  /* ADN-INTERNAL-NAME (BR 1.6.1 "Internal Name", 4.2.2): a TLD in which no ICANN rule of the
   * list ends, a special-use TLD, or RFC 8375's home.arpa cannot be validated. */
  if (special_use_tld(v->text + tld->off, tld->len) ||
      !cabref_psl_icann_tld(l, v->text + tld->off, tld->len)) {
    *err_pos = ascii ? tld->off : 0;
    return CABREF_ADN_ERR_INTERNAL;
  }
  if (ends_in(v, "home.arpa", &off)) {
    *err_pos = ascii ? off : 0;
    return CABREF_ADN_ERR_INTERNAL;
  }
  /* ADN-REVERSE-ZONE (BR 4.2.2, SC86; "IP Reverse Zone Suffix", BR 1.6.1): from 2026-03-15. */
  if (at >= CABREF_ADN_REVERSE_ZONE_FROM &&
      (ends_in(v, "in-addr.arpa", &off) || ends_in(v, "ip6.arpa", &off))) {
    *err_pos = ascii ? off : 0;
    return CABREF_ADN_ERR_REVERSE_ZONE;
  }
  return 0;
}

json_t *cabref_adn_json(const cabref_psl_list *l, uint32_t psl_options,
                        const cabref_spec13_list *s13, const char *name, size_t len,
                        const cabref_adn_request *rq) {
  const cabref_psl_table *t = &l->table;
  cabref_adn_view *v = malloc(sizeof *v), *cv = NULL;
  json_t *o;
  cabref_adn_rules r;
  size_t i, refused_at = 0;
  int refusal;
  if (v == NULL)
    return NULL;
  if (cabref_adn_view_text(t, psl_options, s13, name, len, v) != 0) {
    o = error_json(name, len, v->error, v->err_pos);
    free(v);
    return o;
  }
  refusal =
      cabref_adn_requested_refusal(l, v, name, len, rq != NULL ? rq->at : INT64_MAX, &refused_at);
  if (refusal != 0) {
    o = error_json(name, len, refusal, refused_at);
    free(v);
    return o;
  }
  o = view_json(v);
  json_object_set_new(o, "name", text_json(name, len));
  if (rq != NULL && rq->cname != NULL) {
    cv = malloc(sizeof *cv);
    if (cv == NULL) {
      free(v);
      json_decref(o);
      return NULL;
    }
    /* ADN-CNAME: the target is a second FQDN, pruned to its own BDN; never a wildcard. */
    if (cabref_adn_view_text(t, psl_options, s13, rq->cname, strlen(rq->cname), cv) != 0) {
      json_object_set_new(o, "cname",
                          error_json(rq->cname, strlen(rq->cname), cv->error, cv->err_pos));
      free(cv);
      cv = NULL;
    } else if (cv->name.wildcard) {
      json_object_set_new(o, "cname",
                          error_json(rq->cname, strlen(rq->cname), CABREF_NAME_BAD_WILDCARD, 0));
      free(cv);
      cv = NULL;
    } else {
      json_t *c = view_json(cv);
      json_object_set_new(c, "name", text_json(rq->cname, strlen(rq->cname)));
      json_object_set_new(o, "cname", c);
    }
  }
  if (rq != NULL && rq->has_method &&
      cabref_adn_method_rules(rq->method, rq->at, &r) == CABREF_OK) {
    json_t *adns = json_array(), *emails = json_array();
    int usable = r.status == CABREF_ADN_ALLOWED || r.status == CABREF_ADN_DISCOURAGED;
    int fits = usable && (!v->name.wildcard || r.wildcard);
    json_object_set_new(o, "method", cabref_adn_method_json(rq->method, rq->at));
    json_object_set_new(o, "usable", json_boolean(fits));
    /* The ADNs the method may use that day: the FQDN only for exact methods; the pruned ones
     * with prune; the CNAME target's with cname. */
    for (i = 0; fits && i < v->n_cand; i++) {
      if (!r.prune && v->cand[i] != (v->name.wildcard ? 1 : 0))
        continue;
      json_array_append_new(
          adns,
          json_pack("{s:s, s:s}", "adn", cabref_adn_view_candidate(v, v->cand[i]), "via", "fqdn"));
    }
    for (i = 0; fits && cv != NULL && r.cname && i < cv->n_cand; i++) {
      if (!r.prune && i > 0)
        continue;
      json_array_append_new(adns,
                            json_pack("{s:s, s:s}", "adn",
                                      cabref_adn_view_candidate(cv, cv->cand[i]), "via", "cname"));
    }
    /* ADN-EMAIL */
    for (i = 0; r.constructed_email && i < json_array_size(adns); i++) {
      const char *adn = json_string_value(json_object_get(json_array_get(adns, i), "adn"));
      uint32_t j;
      for (j = 0; j < CABREF_ADN_EMAIL_LOCALS; j++) {
        char buf[320];
        snprintf(buf, sizeof buf, "%s@%s", cabref_adn_email_local(j), adn);
        json_array_append_new(emails, json_string(buf));
      }
    }
    json_object_set_new(o, "adns", adns);
    if (r.constructed_email)
      json_object_set_new(o, "emails", emails);
    else
      json_decref(emails);
    if (r.authorized_ports)
      json_object_set_new(o, "authorizedPorts", cabref_adn_ports_json(rq->at));
  }
  if (rq != NULL && rq->covers != NULL) {
    /* ADN-COVERS, under the method's rules when one is given. The ADN goes through the shell's
     * one conversion (NAME-IDN, NAME-ALABEL), like the names it is compared with. */
    cabref_name an;
    char ab[CABREF_NAME_TEXT_BUF];
    size_t pos;
    int exact = 0, ok;
    if (rq->has_method && cabref_adn_method_rules(rq->method, rq->at, &r) == CABREF_OK)
      exact = !r.prune;
    if (cabref_name_from_text(rq->covers, strlen(rq->covers), CABREF_NAME_ALLOW_TRAILING_DOT, ab,
                              sizeof ab, &an, &pos) != CABREF_NAME_OK) {
      ok = 0;
    } else {
      ok = cabref_adn_covers(v->text, &v->name, v->match.suffix_labels, v->spec13, ab, &an, exact);
      if (!ok && cv != NULL && (!rq->has_method || r.cname))
        ok = cabref_adn_covers(cv->text, &cv->name, cv->match.suffix_labels, cv->spec13, ab, &an,
                               exact);
      if (rq->has_method && (r.status != CABREF_ADN_ALLOWED && r.status != CABREF_ADN_DISCOURAGED))
        ok = 0;
      if (rq->has_method && v->name.wildcard && !r.wildcard)
        ok = 0;
    }
    json_object_set_new(
        o, "covers",
        json_pack("{s:o, s:b}", "adn", text_json(rq->covers, strlen(rq->covers)), "result", ok));
  }
  if (rq != NULL && rq->record != NULL) {
    /* ADN-DNS-PREFIX: which candidate(s) the record name may demonstrate (DNS Change). The
     * record name goes through the shell's one conversion (NAME-IDN, NAME-ALABEL). */
    cabref_name q;
    char qb[CABREF_NAME_TEXT_BUF];
    size_t pos;
    json_t *for_adns = json_array();
    if (cabref_name_from_text(rq->record, strlen(rq->record),
                              CABREF_NAME_ALLOW_UNDERSCORE | CABREF_NAME_ALLOW_TRAILING_DOT, qb,
                              sizeof qb, &q, &pos) == CABREF_NAME_OK) {
      for (i = 0; i < v->n_cand; i++) {
        if (record_for(v, v->cand[i], qb, &q))
          json_array_append_new(for_adns, json_string(cabref_adn_view_candidate(v, v->cand[i])));
      }
    }
    json_object_set_new(o, "record",
                        json_pack("{s:o, s:o}", "name", text_json(rq->record, strlen(rq->record)),
                                  "adns", for_adns));
  }
  free(cv);
  free(v);
  return o;
}
