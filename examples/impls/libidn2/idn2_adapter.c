/* A `cabref vectors --impl` adapter for libidn2 2.3 (Debian 12's libidn2-0): it answers the
 * NameTest requests of vectors/names.json with idn2_lookup_u8 (IDNA2008 lookup with the UTS #46
 * non-transitional mapping) and the A-label round-trip check (spec/tally-formats.md §5).
 *
 *   idn2_adapter
 *
 * A name libidn2 converts is "valid" and its labels are those of the converted name (a trailing
 * dot, kept as the root, adds no label). libidn2 has no notion of the vectors' policy (wildcard,
 * underscore and trailing-dot permissions) and does not say where an error is ("position" is
 * unanswered). Its return code is mapped to the vectors' reason where the code names the same
 * thing (IDN2_TOO_BIG_DOMAIN too-long, IDN2_TOO_BIG_LABEL label-too-long, IDN2_HYPHEN_STARTEND
 * hyphen-edge, IDN2_2HYPHEN reserved-ldh, IDN2_PUNYCODE_* / IDN2_INVALID_ALABEL /
 * IDN2_ALABEL_ROUNDTRIP_FAILED bad-alabel); any other refusal (a code point not allowed, a
 * context or bidi rule, NFC) is "bad-alabel" when the name has an xn-- label, "bad-ulabel" when it
 * has a non-ASCII octet, and "bad-char" otherwise. Nothing of cabref is linked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <idn2.h>
#include <jansson.h>

#include "../cproto.h"

static int has_xn_label(const char *s) {
  const char *p = s;
  for (;;) {
    if (strncasecmp(p, "xn--", 4) == 0)
      return 1;
    p = strchr(p, '.');
    if (p == NULL)
      return 0;
    p++;
  }
}

static int has_non_ascii(const char *s) {
  for (; *s != '\0'; s++)
    if ((unsigned char)*s >= 0x80)
      return 1;
  return 0;
}

static const char *reason_of(const char *name, int rc) {
  switch (rc) {
  case IDN2_TOO_BIG_DOMAIN:
    return "too-long";
  case IDN2_TOO_BIG_LABEL:
    return "label-too-long";
  case IDN2_HYPHEN_STARTEND:
    return "hyphen-edge";
  case IDN2_2HYPHEN:
    return "reserved-ldh";
  case IDN2_PUNYCODE_BAD_INPUT:
  case IDN2_PUNYCODE_BIG_OUTPUT:
  case IDN2_PUNYCODE_OVERFLOW:
  case IDN2_INVALID_ALABEL:
  case IDN2_ALABEL_ROUNDTRIP_FAILED:
    return "bad-alabel";
  default:
    break;
  }
  if (has_xn_label(name))
    return "bad-alabel";
  return has_non_ascii(name) ? "bad-ulabel" : "bad-char";
}

static json_t *answer(json_t *req, void *ctx) {
  json_int_t tc = json_integer_value(json_object_get(req, "tcId"));
  const char *type = json_string_value(json_object_get(req, "type"));
  json_t *jname = json_object_get(json_object_get(req, "input"), "name");
  const char *name = json_string_value(jname);
  char *out = NULL, *p, *dot;
  json_t *labels, *r;
  int rc;
  (void)ctx;
  if (type == NULL || strcmp(type, "NameTest") != 0 || name == NULL)
    return json_pack("{s:I, s:s}", "tcId", tc, "result", "unsupported");
  if (strlen(name) != json_string_length(jname)) /* a NUL inside: libidn2 takes C strings */
    return json_pack("{s:I, s:s, s:[s], s:[s], s:s}", "tcId", tc, "result", "invalid", "reason",
                     "bad-char", "unanswered", "position", "detail",
                     "a NUL octet: the name cannot be given to libidn2 (C strings) whole");
  rc = idn2_lookup_u8((const uint8_t *)name, (uint8_t **)&out,
                      IDN2_NONTRANSITIONAL | IDN2_ALABEL_ROUNDTRIP);
  if (rc != IDN2_OK)
    return json_pack("{s:I, s:s, s:[s], s:[s], s:s}", "tcId", tc, "result", "invalid", "reason",
                     reason_of(name, rc), "unanswered", "position", "detail",
                     idn2_strerror_name(rc));
  labels = json_array();
  for (p = out; *p != '\0'; p = dot + 1) {
    dot = strchr(p, '.');
    if (dot == NULL) {
      json_array_append_new(labels, json_string(p));
      break;
    }
    json_array_append_new(labels, json_stringn(p, (size_t)(dot - p)));
  }
  r = json_pack("{s:I, s:s, s:[], s:[s], s:o}", "tcId", tc, "result", "valid", "reason",
                "unanswered", "position", "labels", labels);
  idn2_free(out);
  return r;
}

int main(void) {
  cproto_serve(answer, NULL);
  return 0;
}
