/* cabref: the CAA shell, output. Our own canonical printer of CAA RDATA (RFC 8659 §4.1.1, RFC
 * 1035 §5.1 escapes), independent of ldns's (which tests compare against: our text read back by
 * ldns gives the same wire bytes), and the stable codes of the record-level enums. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/caa_shell.h"

typedef struct {
  char *out;
  size_t cap, n; /* n counts every byte, written or not */
} sink;

static void put(sink *s, const char *p, size_t len) {
  size_t i;
  for (i = 0; i < len; i++, s->n++) {
    if (s->n + 1 < s->cap)
      s->out[s->n] = p[i];
  }
}

static void put_dec(sink *s, unsigned v) {
  char b[8];
  int k = snprintf(b, sizeof b, "%u", v);
  put(s, b, k > 0 ? (size_t)k : 0);
}

static void put_generic(sink *s, const uint8_t *rdata, size_t len) {
  static const char hex[] = "0123456789abcdef";
  size_t i;
  put(s, "\\# ", 3);
  put_dec(s, (unsigned)len);
  if (len > 0)
    put(s, " ", 1);
  for (i = 0; i < len; i++) {
    char h[2] = {hex[rdata[i] >> 4], hex[rdata[i] & 15]};
    put(s, h, 2);
  }
}

size_t cabref_caa_print(const uint8_t *rdata, size_t len, char *out, size_t cap) {
  sink s = {out, cap, 0};
  cabref_caa_record r;
  size_t pos, i;
  if (len > CABREF_CAA_MAX_RDATA ||
      cabref_caa_rdata_parse(rdata, len, &r, &pos) != CABREF_CAA_RDATA_OK) {
    /* No flags/tag/value layout, or a tag presentation form cannot carry: RFC 3597. */
    put_generic(&s, rdata, len);
  } else {
    put_dec(&s, r.flags);
    put(&s, " ", 1);
    put(&s, (const char *)rdata + r.tag_off, r.tag_len);
    put(&s, " \"", 2);
    for (i = 0; i < r.value_len; i++) {
      uint8_t c = rdata[r.value_off + i];
      if (c == '"' || c == '\\') {
        char e[2] = {'\\', (char)c};
        put(&s, e, 2);
      } else if (c < 0x20 || c > 0x7e) {
        char e[5];
        snprintf(e, sizeof e, "\\%03u", (unsigned)c);
        put(&s, e, 4);
      } else {
        put(&s, (const char *)&c, 1);
      }
    }
    put(&s, "\"", 1);
  }
  if (cap > 0)
    out[s.n < cap ? s.n : cap - 1] = '\0';
  return s.n;
}

char *cabref_caa_print_alloc(const uint8_t *rdata, size_t len) {
  size_t n = cabref_caa_print(rdata, len, NULL, 0);
  char *p = malloc(n + 1);
  if (p != NULL)
    cabref_caa_print(rdata, len, p, n + 1);
  return p;
}

char *cabref_caa_hex(const uint8_t *p, size_t len) {
  static const char hex[] = "0123456789abcdef";
  char *h = malloc(2 * len + 1);
  size_t i;
  if (h == NULL)
    return NULL;
  for (i = 0; i < len; i++) {
    h[2 * i] = hex[p[i] >> 4];
    h[2 * i + 1] = hex[p[i] & 15];
  }
  h[2 * len] = '\0';
  return h;
}

const char *cabref_caa_tag_kind_code(cabref_caa_tag_kind k) {
  switch (k) {
  case CABREF_CAA_TAG_ISSUE:
    return "issue";
  case CABREF_CAA_TAG_ISSUEWILD:
    return "issuewild";
  case CABREF_CAA_TAG_IODEF:
    return "iodef";
  case CABREF_CAA_TAG_OTHER:
    return "other";
  }
  return "unknown";
}

const char *cabref_caa_rdata_error_code(cabref_caa_rdata_error e) {
  switch (e) {
  case CABREF_CAA_RDATA_OK:
    return "ok";
  case CABREF_CAA_RDATA_TRUNCATED:
    return "truncated";
  case CABREF_CAA_RDATA_TAG_EMPTY:
    return "tag-empty";
  case CABREF_CAA_RDATA_TAG_PAST_END:
    return "tag-past-end";
  case CABREF_CAA_RDATA_TAG_NUL:
    return "tag-nul";
  case CABREF_CAA_RDATA_TAG_BAD_CHAR:
    return "tag-bad-char";
  case CABREF_CAA_RDATA_TOO_LONG:
    return "too-long";
  }
  return "unknown";
}

const char *cabref_caa_value_error_code(cabref_caa_value_error e) {
  switch (e) {
  case CABREF_CAA_VALUE_OK:
    return "ok";
  case CABREF_CAA_VALUE_BAD_ISSUER:
    return "bad-issuer";
  case CABREF_CAA_VALUE_BAD_PARAM_TAG:
    return "bad-param-tag";
  case CABREF_CAA_VALUE_PARAM_NO_EQUALS:
    return "param-no-equals";
  case CABREF_CAA_VALUE_BAD_PARAM_VALUE:
    return "bad-param-value";
  case CABREF_CAA_VALUE_TRAILING_SEMICOLON:
    return "trailing-semicolon";
  case CABREF_CAA_VALUE_NON_ASCII:
    return "non-ascii";
  case CABREF_CAA_VALUE_CONTROL:
    return "control";
  case CABREF_CAA_VALUE_UNEXPECTED:
    return "unexpected";
  }
  return "unknown";
}

const char *cabref_caa_iodef_code(cabref_caa_iodef_scheme s) {
  switch (s) {
  case CABREF_CAA_IODEF_MAILTO:
    return "mailto";
  case CABREF_CAA_IODEF_HTTP:
    return "http";
  case CABREF_CAA_IODEF_HTTPS:
    return "https";
  case CABREF_CAA_IODEF_OTHER:
    return "other";
  case CABREF_CAA_IODEF_MALFORMED:
    return "malformed";
  }
  return "unknown";
}

static const char *const failure_codes[] = {"unspecified", "servfail",      "refused",  "timeout",
                                            "truncated",   "malformed",     "bogus",    "rcode",
                                            "alias-chain", "rfc6844-climb", "unmodeled"};
static const char *const dnssec_codes[] = {"indeterminate", "secure", "insecure", "bogus"};

const char *cabref_caa_failure_kind_code(unsigned k) {
  return k < sizeof failure_codes / sizeof *failure_codes ? failure_codes[k] : "unknown";
}

int cabref_caa_failure_kind_parse(const char *s) {
  size_t i;
  for (i = 0; i < sizeof failure_codes / sizeof *failure_codes; i++)
    if (strcmp(s, failure_codes[i]) == 0)
      return (int)i;
  return -1;
}

const char *cabref_caa_dnssec_code(unsigned d) {
  return d < sizeof dnssec_codes / sizeof *dnssec_codes ? dnssec_codes[d] : "unknown";
}

int cabref_caa_dnssec_parse(const char *s) {
  size_t i;
  for (i = 0; i < sizeof dnssec_codes / sizeof *dnssec_codes; i++)
    if (strcmp(s, dnssec_codes[i]) == 0)
      return (int)i;
  return -1;
}
