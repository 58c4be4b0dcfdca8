/* cabref: the CAA shell, zone input. A master file is read by ldns; we keep its CAA records as
 * owner text and RDATA wire bytes (one buffer, spans), and the other records' owners and alias
 * targets; for a request name we answer every lookup of its climb from the file as a resolver
 * would (one cabref_caa_node per name looked up, cabref/caa_dns.h) and hand the core the nodes
 * (it picks the relevant set) and then the set (it decides). No decision is taken here.
 * spec/caa.md, spec/caa-formats.md.
 *
 * ldns 1.8.3 (Debian 12) needs some conversions first, done on the text by a small tokenizer that
 * keeps every newline (so ldns's line numbers stay ours):
 * - an unquoted CAA value (`0 issue ca.example`, allowed by RFC 8659 §4.1.1) is refused by ldns
 *   before 1.8.4 (NLnetLabs/ldns#254): we quote it;
 * - a CAA record in the RFC 3597 generic form is converted by ldns into flags/tag/value fields,
 *   which fails for RDATA without that layout (truncated, tag length 0, tag past the end), RDATA
 *   the core must see and judge: we give ldns the type NULL instead (opaque bytes; NULL records
 *   are not allowed in master files, RFC 1035 §3.3.10) and remember which records we changed.
 * - RFC 1035 §5.1 allows the class before the TTL; ldns 1.8.3 only after it: we swap them.
 * ldns also truncates a value token beyond 65525 octets, reads flags 256 as 0, takes the length
 * of the generic form modulo 65536, and ends a value at a NUL, without an error: we refuse these.
 * Its file reader ends a line at a raw FF or VT, even inside quotes (`"ca.example<FF>;
 * accounturi=..."` was read as "ca.example", the rest a comment), turns a raw CR inside quotes
 * into a blank, ends a record at a raw LF inside quotes and drops an escaped LF, all with status
 * OK: a first pass (escape_controls) writes every raw control octet inside a token (but HTAB) as
 * its \DDD escape, so ldns keeps the octets as written and the core judges them (a control octet
 * is outside the value grammar: the record authorizes no one); an LF inside quotes or after a
 * backslash is refused with FILE:LINE:COLUMN. RFC 3597's "\#" is accepted only as the first RDATA
 * token (ldns also reads it before a later field, as that field alone). ldns reads a TTL without
 * a check ("1x" is 1, 99999999999 wraps): TTLs are checked (ttl_ok).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <ldns/ldns.h>

#include "cabref/caa_shell.h"
#include "shell.h"

#define LDNS_VALUE_LIMIT 65000u /* longest value token we pass to ldns (it truncates at 65525) */

/* Room for one more element in the array p of n elements of size bytes (capacity *cap, doubling
 * from first): the array to use from now on, or NULL when out of memory (p and *cap unchanged). */
static void *grow(void *p, size_t n, size_t *cap, size_t first, size_t size) {
  size_t ncap;
  void *q;
  if (n < *cap)
    return p;
  ncap = *cap ? 2 * *cap : first;
  q = realloc(p, ncap * size);
  if (q != NULL)
    *cap = ncap;
  return q;
}

static void set_err(cabref_error *err, cabref_status st, const char *file, unsigned long line,
                    const char *msg) {
  if (err == NULL)
    return;
  memset(err, 0, sizeof *err);
  err->status = st;
  err->line = line;
  snprintf(err->file, sizeof err->file, "%s", file);
  snprintf(err->message, sizeof err->message, "%s", msg);
}

void cabref_caa_zone_init(cabref_caa_zone *z) {
  memset(z, 0, sizeof *z);
}

void cabref_caa_zone_free(cabref_caa_zone *z) {
  size_t i;
  for (i = 0; i < z->n; i++)
    free(z->rrs[i].owner);
  for (i = 0; i < z->n_nodes; i++) {
    free(z->nodes[i].owner);
    free(z->nodes[i].target);
  }
  for (i = 0; i < z->n_status; i++)
    free(z->status[i].owner);
  free(z->status);
  free(z->nodes);
  free(z->rrs);
  free(z->buf);
  memset(z, 0, sizeof *z);
}

/* An owner as the zone keeps it: lower-case, without the root's trailing dot (an escaped final
 * dot, "\\.", is part of the last label and stays). NULL when out of memory. */
static char *owner_copy(const char *owner) {
  size_t olen = strlen(owner), i;
  char *o;
  if (olen > 0 && owner[olen - 1] == '.' && !(olen >= 2 && owner[olen - 2] == '\\'))
    olen--;
  o = malloc(olen + 1);
  if (o == NULL)
    return NULL;
  for (i = 0; i < olen; i++)
    o[i] = (char)tolower((unsigned char)owner[i]);
  o[olen] = '\0';
  return o;
}

cabref_status cabref_caa_zone_add_node(cabref_caa_zone *z, const char *owner, unsigned long line,
                                       int kind, const char *target) {
  cabref_caa_zone_node *nd;
  char *o, *t = NULL;
  nd = grow(z->nodes, z->n_nodes, &z->cap_nodes, 16, sizeof *z->nodes);
  if (nd == NULL)
    return CABREF_E_CAPACITY;
  z->nodes = nd;
  o = owner_copy(owner);
  if (o != NULL && target != NULL && (t = owner_copy(target)) == NULL) {
    free(o);
    o = NULL;
  }
  if (o == NULL)
    return CABREF_E_CAPACITY;
  nd = &z->nodes[z->n_nodes++];
  nd->owner = o;
  nd->target = t;
  nd->line = line;
  nd->kind = (uint8_t)kind;
  return CABREF_OK;
}

cabref_status cabref_caa_zone_set_status(cabref_caa_zone *z, const char *owner, int dnssec,
                                         int failure) {
  cabref_caa_zone_status *s = grow(z->status, z->n_status, &z->cap_status, 16, sizeof *s);
  char *o;
  if (s == NULL)
    return CABREF_E_CAPACITY;
  z->status = s;
  if ((o = owner_copy(owner)) == NULL)
    return CABREF_E_CAPACITY;
  s = &z->status[z->n_status++];
  s->owner = o;
  s->dnssec = (uint8_t)dnssec;
  s->failure = (uint8_t)failure;
  return CABREF_OK;
}

cabref_status cabref_caa_zone_add(cabref_caa_zone *z, const char *owner, uint32_t ttl,
                                  unsigned long line, int failure, const uint8_t *rdata,
                                  size_t len) {
  char *o;
  cabref_caa_zone_rr *r;
  if (failure)
    len = 0;
  if (len > CABREF_CAA_MAX_RDATA)
    return CABREF_E_TOO_LONG;
  r = grow(z->rrs, z->n, &z->cap_rrs, 16, sizeof *z->rrs);
  if (r == NULL)
    return CABREF_E_CAPACITY;
  z->rrs = r;
  if (z->len + len > z->cap || z->buf == NULL) { /* never NULL: the core adds offsets to it */
    size_t ncap = z->cap ? z->cap : 4096;
    uint8_t *nb;
    while (ncap < z->len + len)
      ncap *= 2;
    if (ncap > UINT32_MAX || (nb = realloc(z->buf, ncap)) == NULL)
      return CABREF_E_CAPACITY;
    z->buf = nb;
    z->cap = ncap;
  }
  o = owner_copy(owner);
  if (o == NULL)
    return CABREF_E_CAPACITY;
  r = &z->rrs[z->n++];
  r->owner = o;
  r->ttl = ttl;
  r->line = line;
  r->failure = (uint8_t)(failure != 0);
  r->rr.off = (uint32_t)z->len;
  r->rr.len = (uint32_t)len;
  if (len > 0)
    memcpy(z->buf + z->len, rdata, len);
  z->len += len;
  return CABREF_OK;
}

/* ---- the conversion pass ------------------------------------------------------------------- */

typedef struct {
  size_t start, end; /* [start, end) in the input text */
  int quoted;
} token;

typedef struct {
  unsigned long first, last; /* lines of the record's first and last token */
  int generic;               /* a CAA record in the generic form, given to ldns as NULL */
} rec_info;

typedef struct {
  char *out;
  size_t len, cap;
  rec_info *recs;
  size_t n_recs, cap_recs;
} conv;

static int out_put(conv *c, const char *p, size_t n) {
  if (c->len + n + 1 > c->cap) {
    size_t ncap = c->cap ? c->cap : 4096;
    char *nb;
    while (ncap < c->len + n + 1)
      ncap *= 2;
    if ((nb = realloc(c->out, ncap)) == NULL)
      return -1;
    c->out = nb;
    c->cap = ncap;
  }
  memcpy(c->out + c->len, p, n);
  c->len += n;
  c->out[c->len] = '\0';
  return 0;
}

static int word_is(const char *t, const token *k, const char *w) {
  size_t n = strlen(w);
  return !k->quoted && k->end - k->start == n && strncasecmp(t + k->start, w, n) == 0;
}

/* The value ldns 1.8.3 gives a token as an RR class (which 1) or type (which 0): its own
 * functions, so that the shell finds the class and the CAA type where ldns does ("TYPE0257" and
 * "TYPE257x" are CAA to ldns, "CLASS1x" is IN: atoi). -1 when out of memory. */
static long ldns_value(const char *t, const token *k, int which) {
  char *s;
  long v;
  if (k->quoted)
    return 0;
  if ((s = malloc(k->end - k->start + 1)) == NULL)
    return -1;
  memcpy(s, t + k->start, k->end - k->start);
  s[k->end - k->start] = '\0';
  v = which ? (long)ldns_get_rr_class_by_name(s) : (long)ldns_get_rr_type_by_name(s);
  free(s);
  return v;
}

static int is_class(const char *t, const token *k) {
  return ldns_value(t, k, 1) != 0; /* out of memory: a class, so the type is looked for on */
}

/* 1 when ldns reads the token as the CAA type; out of memory counts as CAA (checked, not let
 * through unchecked). */
static int is_caa_type(const char *t, const token *k) {
  long v = ldns_value(t, k, 0);
  return v == LDNS_RR_TYPE_CAA || v < 0;
}

/* ldns reads flags with no range check (256 becomes 0): 1 to 3 digits, at most 255. */
static int flags_ok(const char *t, const token *k) {
  size_t n = k->end - k->start, i;
  unsigned v = 0;
  if (k->quoted || n == 0 || n > 3)
    return 0;
  for (i = k->start; i < k->end; i++) {
    if (!isdigit((unsigned char)t[i]))
      return 0;
    v = v * 10 + (unsigned)(t[i] - '0');
  }
  return v <= 255;
}

/* A TTL as ldns 1.8.3 reads it without a check (ldns_str2period: "1x" is 1, "99999999999" wraps
 * modulo 2^32): digits, each group optionally followed by a unit s, m, h, d or w (BIND's "1h30m"),
 * at most 2^32 - 1 seconds in all (RFC 2181 §8: a 32-bit field). */
#define TTL_WHY                                                                                    \
  "a TTL is a number of seconds, or units like 1h30m, at most 4294967295 (ldns would misread it)"
static int ttl_ok(const char *t, const token *k) {
  static const char units[] = "smhdwSMHDW";
  uint64_t sum = 0, v = 0;
  size_t i;
  int digits = 0;
  if (k->quoted || k->end == k->start)
    return 0;
  for (i = k->start; i < k->end; i++) {
    const char *u = strchr(units, t[i]);
    if (isdigit((unsigned char)t[i])) {
      v = v * 10 + (uint64_t)(t[i] - '0');
      digits = 1;
    } else if (u != NULL && t[i] != '\0' && digits) {
      static const uint64_t mult[5] = {1, 60, 3600, 86400, 604800};
      sum += v * mult[(size_t)(u - units) % 5];
      v = 0;
      digits = 0;
    } else {
      return 0;
    }
    if (v > UINT32_MAX || sum > UINT32_MAX)
      return 0;
  }
  return sum + v <= UINT32_MAX;
}

/* RFC 3597 §5: `\# N` then 2N hex digits in any number of words. ldns truncates N to 16 bits and
 * does not check the count, so we do. NULL when sound, else why not. */
static const char *generic_check(const char *t, const token *k, size_t n) {
  size_t i, j, digits = 0, len = 0;
  if (n == 0 || k[0].quoted || k[0].end == k[0].start || k[0].end - k[0].start > 5)
    return "the generic form needs its RDATA length: \\# N hex (RFC 3597 §5)";
  for (j = k[0].start; j < k[0].end; j++) {
    if (!isdigit((unsigned char)t[j]))
      return "the generic form's length is a decimal number (RFC 3597 §5)";
    len = len * 10 + (size_t)(t[j] - '0');
  }
  if (len > CABREF_CAA_MAX_RDATA)
    return "the generic form's length is more than 65535";
  for (i = 1; i < n; i++) {
    if (k[i].quoted)
      return "the generic form's data is hex digits (RFC 3597 §5)";
    for (j = k[i].start; j < k[i].end; j++) {
      if (!isxdigit((unsigned char)t[j]))
        return "the generic form's data is hex digits (RFC 3597 §5)";
      digits++;
    }
  }
  if (digits != 2 * len)
    return "the generic form's hex digits do not give the length it states (RFC 3597 §5)";
  return NULL;
}

/* A raw octet ldns 1.8.3's file reader does not keep as written: every control octet but HTAB
 * and LF (LF is judged by the caller), and DEL. Its line reader ends a line at FF and VT even
 * inside quotes, turns CR into a blank, and an escaped CR into an escaped blank. */
static int raw_control(unsigned char ch) {
  return (ch < 0x20 && ch != '\t' && ch != '\n') || ch == 0x7f;
}

/* First pass (file comment): t, NUL-free, into o->out with the same lines, tokens read as
 * convert_tokens reads them. In a token, quoted or not, a raw control octet (raw_control) and a
 * backslash followed by one become the octet's \DDD escape (RFC 1035 §5.1), so that ldns keeps
 * every octet as written and the core judges it; a CR between tokens stays a blank (CRLF
 * files), comments are copied. A line feed inside quotes, or after a backslash, is refused: ldns
 * ends the record there, or joins the lines, or drops the octet, and \010 would shift its line
 * numbers. Token boundaries are made ldns's too: a '"' inside an unquoted token is escaped (ldns
 * would open a quote there, and read ';' and parentheses after it otherwise), and text right
 * after a closing quote is refused (`"a".` is one token to ldns, two to us: the record would
 * escape the CAA checks below). */
static cabref_status escape_controls(const char *t, size_t len, const char *file, conv *o,
                                     cabref_error *err) {
  size_t pos = 0, bol = 0, depth = 0, qstart = 0;
  unsigned long line = 1;
  while (pos < len) {
    unsigned char ch = (unsigned char)t[pos];
    int quoted = ch == '"';
    if (ch == ')' && depth == 0) {
      /* A ')' without its '(': ldns_rr_new_frm_str drops it, the file reader ends the record
       * there and loses the line's count (later records got the line before their own). Read
       * as ldns_rr_new_frm_str reads it, and as convert_tokens does: a blank. */
      if (out_put(o, " ", 1) != 0)
        goto oom;
      pos++;
      continue;
    }
    if (ch == '(' || ch == ')')
      depth = ch == '(' ? depth + 1 : depth - 1;
    if (ch == ';') { /* a comment, to the end of its line */
      const char *nl = memchr(t + pos, '\n', len - pos);
      size_t end = nl != NULL ? (size_t)(nl - t) : len;
      if (out_put(o, t + pos, end - pos) != 0)
        goto oom;
      pos = end;
      continue;
    }
    if (ch == '\n' || ch == ' ' || ch == '\t' || ch == '\r' || ch == '(' || ch == ')') {
      if (out_put(o, t + pos, 1) != 0)
        goto oom;
      if (ch == '\n') {
        line++;
        bol = pos + 1;
      }
      pos++;
      continue;
    }
    qstart = pos;
    if (quoted) {
      if (out_put(o, "\"", 1) != 0)
        goto oom;
      pos++;
    }
    while (pos < len && (quoted ? t[pos] != '"' : strchr(" \t\r\n;()", t[pos]) == NULL)) {
      size_t at = (t[pos] == '\\' && pos + 1 < len) ? pos + 1 : pos; /* the octet written */
      unsigned char x = (unsigned char)t[at];
      if (x == '\n') {
        size_t q = at + 1, col = at - bol + 1;
        const char *why = at > pos ? "a backslash before a line feed (0x0A): ldns would drop "
                                     "both; write the octet as \\010"
                                   : "a line feed (0x0A) inside a quoted string: a quoted string "
                                     "ends on its line (RFC 1035 §5.1); write the octet as \\010";
        while (quoted && q < len && t[q] != '"')
          q += (t[q] == '\\' && q + 1 < len) ? 2 : 1;
        if (quoted && q >= len) { /* no quote closes it: say so, at the opening quote */
          why = "a quoted string without its closing quote";
          col = qstart - bol + 1;
        }
        set_err(err, CABREF_E_SYNTAX, file, line, why);
        if (err != NULL)
          err->column = col;
        return CABREF_E_SYNTAX;
      }
      if (x == '"' && at == pos) { /* inside an unquoted token: ldns would open a quote */
        if (out_put(o, "\\\"", 2) != 0)
          goto oom;
      } else if (raw_control(x)) {
        char ddd[8];
        snprintf(ddd, sizeof ddd, "\\%03u", (unsigned)x);
        if (out_put(o, ddd, 4) != 0)
          goto oom;
      } else if (out_put(o, t + pos, at - pos + 1) != 0) {
        goto oom;
      }
      pos = at + 1;
    }
    if (quoted && pos < len) {
      if (out_put(o, "\"", 1) != 0)
        goto oom;
      pos++;
      if (pos < len && strchr(" \t\r\n;()", t[pos]) == NULL) {
        set_err(err, CABREF_E_SYNTAX, file, line,
                "text right after a closing quote: a quoted string is a token of its own (ldns "
                "would read one token, the shell two); put a blank after it");
        if (err != NULL)
          err->column = pos - bol + 1;
        return CABREF_E_SYNTAX;
      }
    }
  }
  if (out_put(o, "", 0) != 0) /* never NULL, even for an empty text */
    goto oom;
  return CABREF_OK;
oom:
  set_err(err, CABREF_E_CAPACITY, file, line, "out of memory");
  return CABREF_E_CAPACITY;
}

static cabref_status convert_tokens(const char *t, size_t len, const char *file, conv *c,
                                    cabref_error *err);

/* Converts text into c->out (see the file comment); records every record's lines. */
static cabref_status convert(const char *t, size_t len, const char *file, conv *c,
                             cabref_error *err) {
  conv e;
  cabref_status st;
  const char *nul = memchr(t, '\0', len);
  if (nul != NULL) { /* ldns reads C strings: a NUL would end a value silently */
    size_t i, bol = 0;
    unsigned long line = 1;
    for (i = 0; i < (size_t)(nul - t); i++)
      if (t[i] == '\n') {
        line++;
        bol = i + 1;
      }
    set_err(err, CABREF_E_NUL, file, line, "a NUL byte (write it as \\000)");
    if (err != NULL)
      err->column = (size_t)(nul - t) - bol + 1;
    return CABREF_E_NUL;
  }
  memset(&e, 0, sizeof e);
  st = escape_controls(t, len, file, &e, err);
  if (st == CABREF_OK)
    st = convert_tokens(e.out, e.len, file, c, err);
  free(e.out);
  return st;
}

/* Second pass (file comment), on text without raw control octets but HTAB, LF and CR blanks. */
static cabref_status convert_tokens(const char *t, size_t len, const char *file, conv *c,
                                    cabref_error *err) {
  size_t pos = 0, copied = 0;
  unsigned long line = 1;
  token *tok = NULL;
  size_t cap_tok = 0;
  cabref_status st = CABREF_OK;
  while (pos < len && st == CABREF_OK) {
    size_t n_tok = 0, k;
    int depth = 0, directive = t[pos] == '$', owner = t[pos] != ' ' && t[pos] != '\t';
    unsigned long first = 0, last = 0;
    /* One record: up to a newline outside parentheses. */
    while (pos < len) {
      char ch = t[pos];
      size_t start = pos;
      int quoted = 0;
      if (ch == '\n') {
        pos++;
        line++;
        if (depth == 0)
          break;
        continue;
      }
      if (ch == ' ' || ch == '\t' || ch == '\r') {
        pos++;
        continue;
      }
      if (ch == ';') {
        while (pos < len && t[pos] != '\n')
          pos++;
        continue;
      }
      if (ch == '(' || ch == ')') {
        depth += ch == '(' ? 1 : (depth > 0 ? -1 : 0);
        pos++;
        continue;
      }
      if (first == 0)
        first = line;
      last = line;
      if (ch == '"') {
        quoted = 1;
        pos++;
        while (pos < len && t[pos] != '"') {
          if (t[pos] == '\n' || (t[pos] == '\\' && pos + 1 < len && t[pos + 1] == '\n'))
            line++;
          pos += (t[pos] == '\\' && pos + 1 < len) ? 2 : 1;
        }
        if (pos >= len) {
          set_err(err, CABREF_E_SYNTAX, file, first, "a quoted string without its closing quote");
          st = CABREF_E_SYNTAX;
          break;
        }
        pos++;
      } else {
        while (pos < len && strchr(" \t\r\n;()", t[pos]) == NULL) {
          if (t[pos] == '\\' && pos + 1 < len && t[pos + 1] == '\n')
            line++;
          pos += (t[pos] == '\\' && pos + 1 < len) ? 2 : 1;
        }
      }
      if (n_tok == cap_tok) {
        size_t ncap = cap_tok ? 2 * cap_tok : 16;
        token *nt = realloc(tok, ncap * sizeof *nt);
        if (nt == NULL) {
          set_err(err, CABREF_E_CAPACITY, file, line, "out of memory");
          st = CABREF_E_CAPACITY;
          break;
        }
        tok = nt;
        cap_tok = ncap;
      }
      tok[n_tok].start = start;
      tok[n_tok].end = pos;
      tok[n_tok].quoted = quoted;
      n_tok++;
    }
    if (st != CABREF_OK || n_tok == 0)
      continue;
    if (c->n_recs == c->cap_recs) {
      size_t ncap = c->cap_recs ? 2 * c->cap_recs : 64;
      rec_info *nr = realloc(c->recs, ncap * sizeof *nr);
      if (nr == NULL) {
        set_err(err, CABREF_E_CAPACITY, file, line, "out of memory");
        st = CABREF_E_CAPACITY;
        break;
      }
      c->recs = nr;
      c->cap_recs = ncap;
    }
    c->recs[c->n_recs].first = first;
    c->recs[c->n_recs].last = last;
    c->recs[c->n_recs].generic = 0;
    c->n_recs++;
    if (directive) {
      if (n_tok >= 2 && word_is(t, &tok[0], "$TTL") && !ttl_ok(t, &tok[1])) {
        set_err(err, CABREF_E_SYNTAX, file, first, TTL_WHY);
        st = CABREF_E_SYNTAX;
        break;
      }
      continue;
    }
    /* [owner] [TTL] [class] type, TTL and class in either order. */
    k = owner ? 1 : 0;
    while (k < n_tok && k < (owner ? 3u : 2u) &&
           (isdigit((unsigned char)t[tok[k].start]) || is_class(t, &tok[k]))) {
      if (isdigit((unsigned char)t[tok[k].start]) && !ttl_ok(t, &tok[k]))
        break;
      k++;
    }
    if (k < n_tok && k < (owner ? 3u : 2u) && isdigit((unsigned char)t[tok[k].start])) {
      set_err(err, CABREF_E_SYNTAX, file, first, TTL_WHY);
      st = CABREF_E_SYNTAX;
      break;
    }
    if (k == (owner ? 3u : 2u) && is_class(t, &tok[k - 2]) &&
        isdigit((unsigned char)t[tok[k - 1].start])) {
      /* RFC 1035 §5.1 allows <class> <TTL>; ldns 1.8.3 reads only <TTL> <class>: swap them. */
      const token *cl = &tok[k - 2], *ttl = &tok[k - 1];
      if (out_put(c, t + copied, cl->start - copied) != 0 ||
          out_put(c, t + ttl->start, ttl->end - ttl->start) != 0 ||
          out_put(c, t + cl->end, ttl->start - cl->end) != 0 ||
          out_put(c, t + cl->start, cl->end - cl->start) != 0) {
        set_err(err, CABREF_E_CAPACITY, file, line, "out of memory");
        st = CABREF_E_CAPACITY;
        break;
      }
      copied = ttl->end;
    }
    if (k >= n_tok || !is_caa_type(t, &tok[k]))
      continue;
    if (k + 1 < n_tok && word_is(t, &tok[k + 1], "\\#")) {
      const char *why = generic_check(t, tok + k + 2, n_tok - k - 2);
      if (why != NULL) {
        set_err(err, CABREF_E_SYNTAX, file, first, why);
        st = CABREF_E_SYNTAX;
        break;
      }
      if (out_put(c, t + copied, tok[k].start - copied) != 0 || out_put(c, "NULL", 4) != 0)
        st = CABREF_E_CAPACITY;
      copied = tok[k].end;
      c->recs[c->n_recs - 1].generic = 1;
      continue;
    }
    {
      /* RFC 3597 §5: "\#" marks the whole RDATA as generic; ldns 1.8.3 also reads it before any
       * later field, as that field's octets alone (`0 \# ue "x"` is 00 78): refused. */
      size_t j;
      for (j = k + 2; j < n_tok && !word_is(t, &tok[j], "\\#"); j++)
        ;
      if (j < n_tok) {
        set_err(err, CABREF_E_SYNTAX, file, first,
                "\\# (the RFC 3597 generic form) stands for the whole RDATA: it can only be the "
                "first RDATA token, not a later one (write a '#' value as \"#\")");
        st = CABREF_E_SYNTAX;
        break;
      }
    }
    if (k + 1 < n_tok && !flags_ok(t, &tok[k + 1])) {
      set_err(err, CABREF_E_SYNTAX, file, first,
              "CAA flags are a decimal number from 0 to 255 (RFC 8659 §4.1.1)");
      st = CABREF_E_SYNTAX;
      break;
    } else if (k + 3 < n_tok) {
      const token *v = &tok[k + 3];
      size_t i;
      if (v->end - v->start > LDNS_VALUE_LIMIT) {
        set_err(err, CABREF_E_TOO_LONG, file, first,
                "a CAA value longer than 65000 characters as ldns is given it (a control octet "
                "as its \\DDD escape, an unquoted '\"' as \\\"): ldns would truncate it");
        st = CABREF_E_TOO_LONG;
        break;
      }
      if (v->quoted)
        continue;
      if (out_put(c, t + copied, v->start - copied) != 0 || out_put(c, "\"", 1) != 0)
        st = CABREF_E_CAPACITY;
      for (i = v->start; i < v->end && st == CABREF_OK; i++) {
        if (t[i] == '\\' && i + 1 < v->end) {
          if (out_put(c, t + i, 2) != 0)
            st = CABREF_E_CAPACITY;
          i++;
        } else if (t[i] == '"') {
          if (out_put(c, "\\\"", 2) != 0)
            st = CABREF_E_CAPACITY;
        } else if (out_put(c, t + i, 1) != 0) {
          st = CABREF_E_CAPACITY;
        }
      }
      if (st == CABREF_OK && out_put(c, "\"", 1) != 0)
        st = CABREF_E_CAPACITY;
      copied = v->end;
    }
    if (st == CABREF_E_CAPACITY)
      set_err(err, CABREF_E_CAPACITY, file, line, "out of memory");
  }
  free(tok);
  if (st == CABREF_OK && (out_put(c, t + copied, len - copied) != 0 ||
                          ((c->len == 0 || c->out[c->len - 1] != '\n') && out_put(c, "\n", 1)))) {
    set_err(err, CABREF_E_CAPACITY, file, line, "out of memory");
    st = CABREF_E_CAPACITY;
  }
  return st;
}

/* The record (of the conversion pass) ldns has just read, having read through line `last`: the
 * one ending on that line, else the latest one starting on or before it (ldns may stop early on
 * a broken record). Searched from *cursor on; records before it are done. */
static const rec_info *record_ending(const conv *c, unsigned long last, size_t *cursor) {
  size_t i, best = c->n_recs;
  for (i = *cursor; i < c->n_recs && c->recs[i].first <= last; i++) {
    best = i;
    if (c->recs[i].last == last)
      break;
  }
  if (best == c->n_recs)
    return NULL;
  *cursor = best + 1;
  return &c->recs[best];
}

static cabref_status add_ldns_rr(cabref_caa_zone *z, ldns_rr *rr, unsigned long line) {
  ldns_buffer *b = ldns_buffer_new(512);
  char *owner = ldns_rdf2str(ldns_rr_owner(rr));
  cabref_status st = CABREF_E_CAPACITY;
  if (b != NULL && owner != NULL && ldns_rr_rdata2buffer_wire(b, rr) == LDNS_STATUS_OK) {
    st = ldns_buffer_position(b) > CABREF_CAA_MAX_RDATA
             ? CABREF_E_TOO_LONG
             : cabref_caa_zone_add(z, owner, ldns_rr_ttl(rr), line, 0, ldns_buffer_begin(b),
                                   ldns_buffer_position(b));
  }
  free(owner);
  ldns_buffer_free(b);
  return st;
}

cabref_status cabref_caa_zone_parse(const char *text, size_t len, const char *file,
                                    cabref_caa_zone *z, cabref_error *err) {
  conv c;
  FILE *f;
  uint32_t ttl = 0;
  ldns_rdf *origin, *prev = NULL;
  int line_nr = 1;
  size_t cursor = 0;
  cabref_status st;
  memset(&c, 0, sizeof c);
  st = convert(text, len, file, &c, err);
  if (st != CABREF_OK) {
    free(c.out);
    free(c.recs);
    return st;
  }
  origin = ldns_dname_new_frm_str(".");
  f = fmemopen(c.out, c.len, "r");
  if (f == NULL || origin == NULL) {
    set_err(err, CABREF_E_CAPACITY, file, 0, "out of memory");
    st = CABREF_E_CAPACITY;
  }
  while (st == CABREF_OK && !feof(f)) {
    ldns_rr *rr = NULL;
    ldns_status s = ldns_rr_new_frm_fp_l(&rr, f, &ttl, &origin, &prev, &line_nr);
    /* The text ends with a newline, so ldns has read through the record's last line. */
    unsigned long last = line_nr > 1 ? (unsigned long)line_nr - 1 : 1;
    const rec_info *ri = NULL;
    unsigned long first;
    if (s == LDNS_STATUS_SYNTAX_EMPTY || s == LDNS_STATUS_SYNTAX_TTL ||
        s == LDNS_STATUS_SYNTAX_ORIGIN) {
      record_ending(&c, last, &cursor);
      continue;
    }
    if (s != LDNS_STATUS_OK && feof(f) && cursor >= c.n_recs)
      break; /* nothing left but comments and blank lines */
    ri = record_ending(&c, last, &cursor);
    first = ri != NULL ? ri->first : last;
    if (s == LDNS_STATUS_SYNTAX_INCLUDE) {
      set_err(err, CABREF_E_SYNTAX, file, first, "$INCLUDE is not supported");
      st = CABREF_E_SYNTAX;
    } else if (s != LDNS_STATUS_OK) {
      char msg[256];
      snprintf(msg, sizeof msg, "ldns: %s", ldns_get_errorstr_by_id(s));
      set_err(err, CABREF_E_SYNTAX, file, first, msg);
      st = CABREF_E_SYNTAX;
    } else {
      ldns_rr_type type = ldns_rr_get_type(rr);
      z->all_rrs++;
      if (type == LDNS_RR_TYPE_CNAME || type == LDNS_RR_TYPE_DNAME)
        z->aliases++;
      if (ldns_rr_get_class(rr) == LDNS_RR_CLASS_IN &&
          (type == LDNS_RR_TYPE_CAA || (type == LDNS_RR_TYPE_NULL && ri != NULL && ri->generic))) {
        st = add_ldns_rr(z, rr, first);
        if (st == CABREF_E_TOO_LONG)
          set_err(err, st, file, first, "RDATA longer than 65535 octets");
        else if (st != CABREF_OK)
          set_err(err, st, file, first, "out of memory");
      } else if (ldns_rr_get_class(rr) == LDNS_RR_CLASS_IN) {
        /* CAA-ZONE-ALIAS: the other records say where a resolver would go next (CNAME, DNAME
         * and their targets) and which names exist (wildcard synthesis, RFC 4592). */
        char *owner = ldns_rdf2str(ldns_rr_owner(rr)), *target = NULL;
        int kind = type == LDNS_RR_TYPE_CNAME   ? CABREF_CAA_NODE_CNAME
                   : type == LDNS_RR_TYPE_DNAME ? CABREF_CAA_NODE_DNAME
                                                : CABREF_CAA_NODE_OTHER;
        if (kind != CABREF_CAA_NODE_OTHER && ldns_rr_rd_count(rr) >= 1)
          target = ldns_rdf2str(ldns_rr_rdf(rr, 0));
        st = owner != NULL && (kind == CABREF_CAA_NODE_OTHER || target != NULL)
                 ? cabref_caa_zone_add_node(z, owner, first, kind, target)
                 : CABREF_E_CAPACITY;
        free(owner);
        free(target);
        if (st != CABREF_OK)
          set_err(err, st, file, first, "out of memory");
      }
    }
    ldns_rr_free(rr);
  }
  if (f != NULL)
    fclose(f);
  ldns_rdf_deep_free(origin);
  ldns_rdf_deep_free(prev);
  free(c.out);
  free(c.recs);
  return st;
}

cabref_status cabref_caa_zone_read(const char *path, cabref_caa_zone *z, cabref_error *err) {
  char *text;
  size_t len;
  cabref_status st = cabref_read_file(path, &text, &len, err);
  if (st != CABREF_OK)
    return st;
  st = cabref_caa_zone_parse(text, len, strcmp(path, "-") == 0 ? "<stdin>" : path, z, err);
  free(text);
  return st;
}

cabref_status cabref_caa_rdata_from_text(const char *text, size_t len, uint8_t *out, size_t cap,
                                         size_t *out_len, cabref_error *err) {
  static const char prefix[] = "x. 0 IN CAA ";
  cabref_caa_zone z;
  char *line;
  cabref_status st;
  size_t i;
  *out_len = 0;
  for (i = 0; i < len; i++) {
    if (text[i] == '\n' || text[i] == '\0') {
      set_err(err, CABREF_E_SYNTAX, "<record>", 1,
              text[i] == '\n'
                  ? "a line feed (0x0A): a record is one line (write the octet as \\010)"
                  : "a NUL byte: a record is one line of text (write it as \\000)");
      if (err != NULL)
        err->column = i + 1;
      return CABREF_E_SYNTAX;
    }
  }
  line = malloc(sizeof prefix + len + 1);
  if (line == NULL) {
    set_err(err, CABREF_E_CAPACITY, "<record>", 1, "out of memory");
    return CABREF_E_CAPACITY;
  }
  memcpy(line, prefix, sizeof prefix - 1);
  memcpy(line + sizeof prefix - 1, text, len);
  line[sizeof prefix - 1 + len] = '\n';
  cabref_caa_zone_init(&z);
  st = cabref_caa_zone_parse(line, sizeof prefix + len, "<record>", &z, err);
  free(line);
  if (st != CABREF_OK && err != NULL && err->column > 0) /* a column in text, not in line */
    err->column = err->column > sizeof prefix - 1 ? err->column - (sizeof prefix - 1) : 0;
  if (st == CABREF_OK && z.n != 1) {
    set_err(err, CABREF_E_SYNTAX, "<record>", 1, "not one CAA record");
    st = CABREF_E_SYNTAX;
  }
  if (st == CABREF_OK && z.rrs[0].rr.len > cap) {
    set_err(err, CABREF_E_TOO_LONG, "<record>", 1, "RDATA longer than the buffer");
    st = CABREF_E_TOO_LONG;
  }
  if (st == CABREF_OK) {
    memcpy(out, z.buf + z.rrs[0].rr.off, z.rrs[0].rr.len);
    *out_len = z.rrs[0].rr.len;
  }
  cabref_caa_zone_free(&z);
  return st;
}

size_t cabref_caa_zone_owner_set(const cabref_caa_zone *z, const char *owner, size_t owner_len,
                                 size_t *idx, size_t cap, int *failure) {
  size_t i, n = 0;
  *failure = 0;
  for (i = 0; i < z->n; i++) {
    const cabref_caa_zone_rr *r = &z->rrs[i];
    if (strlen(r->owner) != owner_len || strncasecmp(r->owner, owner, owner_len) != 0)
      continue;
    if (r->failure) {
      *failure = 1;
      continue;
    }
    if (n < cap)
      idx[n] = i;
    n++;
  }
  return n;
}

/* ---- request names ------------------------------------------------------------------------- */

/* ---- the zone's tree, indexed once per evaluation ------------------------------------------ */

/* What the file holds at one name of its tree: every owner, and every ancestor of an owner (an
 * empty non-terminal exists too, RFC 4592 §2.2.2). name points into an owner string of z. */
enum { IX_CAA = 8, IX_MARKER = 16 };
typedef struct {
  const char *name;
  uint8_t kinds;            /* CABREF_CAA_NODE_* | IX_CAA | IX_MARKER; 0: exists, nothing more */
  unsigned long line_alias; /* first CNAME or DNAME record's line (0: none) */
  unsigned long line_any;   /* first CAA record's or marker's line (0: none) */
  const char *cname;        /* the first CNAME's target, or NULL */
  const char *dname;        /* the first DNAME's target, or NULL */
  size_t seq;               /* position before sorting */
} ix_entry;

static int ix_cmp(const void *a, const void *b) {
  const ix_entry *x = a, *y = b;
  int c = strcmp(x->name, y->name);
  return c != 0 ? c : (x->seq < y->seq ? -1 : x->seq > y->seq);
}

/* bsearch by name only. */
static int ix_cmp_name(const void *a, const void *b) {
  return strcmp(((const ix_entry *)a)->name, ((const ix_entry *)b)->name);
}

static int ix_put(ix_entry **ix, size_t *n, size_t *cap, const char *name, int kinds,
                  unsigned long line, const char *target) {
  ix_entry *e = grow(*ix, *n, cap, 64, sizeof **ix);
  if (e == NULL)
    return -1;
  *ix = e;
  e = &(*ix)[(*n)++];
  e->name = name;
  e->kinds = (uint8_t)kinds;
  e->line_alias = (kinds & (CABREF_CAA_NODE_CNAME | CABREF_CAA_NODE_DNAME)) ? line : 0;
  e->line_any = (kinds & (IX_CAA | IX_MARKER)) ? line : 0;
  e->cname = (kinds & CABREF_CAA_NODE_CNAME) ? target : NULL;
  e->dname = (kinds & CABREF_CAA_NODE_DNAME) ? target : NULL;
  return 0;
}

/* The owner and each of its ancestors (the suffixes after an unescaped dot; "\." and "\DDD" are
 * inside a label). The root ("") is not entered: the climb stops at the TLD. */
static int ix_put_owner(ix_entry **ix, size_t *n, size_t *cap, const char *owner, int kinds,
                        unsigned long line, const char *target) {
  const char *p;
  if (owner[0] == '\0')
    return 0;
  if (ix_put(ix, n, cap, owner, kinds, line, target) != 0)
    return -1;
  for (p = owner; *p != '\0'; p++) {
    if (*p == '\\' && p[1] != '\0') {
      p++;
    } else if (*p == '.' && p[1] != '\0') {
      if (ix_put(ix, n, cap, p + 1, 0, 0, NULL) != 0)
        return -1;
    }
  }
  return 0;
}

static unsigned long min_line(unsigned long a, unsigned long b) {
  return a == 0 ? b : (b == 0 ? a : (a < b ? a : b));
}

/* The sorted index of z's tree, one entry per name (kinds merged). -1 when out of memory. */
static int ix_build(const cabref_caa_zone *z, ix_entry **out, size_t *n_out) {
  ix_entry *ix = NULL;
  size_t n = 0, cap = 0, i, m;
  for (i = 0; i < z->n; i++)
    if (ix_put_owner(&ix, &n, &cap, z->rrs[i].owner, z->rrs[i].failure ? IX_MARKER : IX_CAA,
                     z->rrs[i].line, NULL) != 0)
      goto oom;
  for (i = 0; i < z->n_nodes; i++)
    if (ix_put_owner(&ix, &n, &cap, z->nodes[i].owner, z->nodes[i].kind, z->nodes[i].line,
                     z->nodes[i].target) != 0)
      goto oom;
  /* A stable order (the file's order among equal names: qsort is not stable, so ties are broken
   * by the entry's position) so that the first CNAME or DNAME of a name is the one kept. */
  for (i = 0; i < n; i++)
    ix[i].seq = i;
  if (n > 0)
    qsort(ix, n, sizeof *ix, ix_cmp);
  for (i = 0, m = 0; i < n; i++) {
    if (m > 0 && strcmp(ix[m - 1].name, ix[i].name) == 0) {
      if (ix[m - 1].cname == NULL)
        ix[m - 1].cname = ix[i].cname;
      if (ix[m - 1].dname == NULL)
        ix[m - 1].dname = ix[i].dname;
      ix[m - 1].kinds |= ix[i].kinds;
      ix[m - 1].line_alias = min_line(ix[m - 1].line_alias, ix[i].line_alias);
      ix[m - 1].line_any = min_line(ix[m - 1].line_any, ix[i].line_any);
    } else {
      ix[m++] = ix[i];
    }
  }
  *out = ix;
  *n_out = m;
  return 0;
oom:
  free(ix);
  return -1;
}

static const ix_entry *ix_find(const ix_entry *ix, size_t n, const char *name) {
  ix_entry key;
  key.name = name;
  return n > 0 ? bsearch(&key, ix, n, sizeof *ix, ix_cmp_name) : NULL;
}

/* ---- request names ------------------------------------------------------------------------- */

/* CAA-ZONE-ALIAS: zone mode answers the lookup at a name as a recursive resolver would answer it
 * from the file, the file being the whole of the DNS (a name it does not hold does not exist): a
 * name below a DNAME through the CNAME a resolver synthesizes (RFC 6672 §2.3), a name with a
 * CNAME from its target (RFC 1034 §3.6.2), a name that does not exist from the wildcard at its
 * closest encloser (RFC 4592 §3.3.1). Every name looked up becomes a node (cabref/caa_dns.h),
 * with its alias; the core follows the aliases the rules follow and picks the set. */

typedef struct {
  char *name;            /* the name looked up (owned) */
  const char *set_owner; /* with records: the owner of the CAA records (the name or "*.E") */
  const char *synth;     /* the wildcard or DNAME owner that synthesized the answer, or NULL */
  unsigned long line;    /* the line of the record behind the answer (alias, wildcard, marker) */
  unsigned depth;        /* aliases from the climb (breadth first: the fewest) */
} zlook;

typedef struct {
  cabref_caa_node *nd;
  zlook *lk;
  size_t n, cap;
} zgraph;

static void zg_free(zgraph *g) {
  size_t i;
  for (i = 0; i < g->n; i++)
    free(g->lk[i].name);
  free(g->nd);
  free(g->lk);
}

/* The node of the name name[0 .. len-1], added (not yet answered) when new. -1 when out of
 * memory. */
static long zg_node(zgraph *g, const char *name, size_t len, unsigned depth) {
  size_t i;
  char *copy;
  for (i = 0; i < g->n; i++)
    if (strlen(g->lk[i].name) == len && memcmp(g->lk[i].name, name, len) == 0)
      return (long)i;
  if (g->n == g->cap) {
    size_t nc = g->cap ? g->cap * 2 : 32;
    cabref_caa_node *nn = realloc(g->nd, nc * sizeof *nn);
    zlook *nl;
    if (nn == NULL)
      return -1;
    g->nd = nn;
    if ((nl = realloc(g->lk, nc * sizeof *nl)) == NULL)
      return -1;
    g->lk = nl;
    g->cap = nc;
  }
  if ((copy = malloc(len + 1)) == NULL)
    return -1;
  memcpy(copy, name, len);
  copy[len] = '\0';
  memset(&g->nd[g->n], 0, sizeof g->nd[g->n]);
  memset(&g->lk[g->n], 0, sizeof g->lk[g->n]);
  g->lk[g->n].name = copy;
  g->lk[g->n].depth = depth;
  return (long)g->n++;
}

/* Node k's lookup is answered through an alias to target. CAA-ALIAS-CHAIN: past 16 aliases
 * from the climb the target is not looked up (the core fails the chain there anyway). */
static int zg_alias(zgraph *g, size_t k, int alias, const char *target) {
  unsigned d = g->lk[k].depth;
  long x;
  g->nd[k].alias = (uint8_t)alias;
  g->nd[k].target = UINT32_MAX;
  if (d >= CABREF_CAA_MAX_ALIAS_HOPS)
    return 0;
  if ((x = zg_node(g, target, strlen(target), d + 1)) < 0)
    return -1;
  g->nd[k].target = (uint32_t)x;
  return 0;
}

static void zg_fail(zgraph *g, size_t k, cabref_caa_failure_kind why, unsigned long line) {
  g->nd[k].outcome = (uint8_t)CABREF_CAA_LOOKUP_FAILURE;
  g->nd[k].failure = (uint8_t)why;
  g->lk[k].line = line;
}

/* The suffixes of a name after each unescaped dot ("\." and "\DDD" stay inside a label), from the
 * parent up to the TLD: *p is advanced to the next one; 0 when there is none. */
static int next_suffix(const char **p) {
  const char *q;
  for (q = *p; *q != '\0'; q++) {
    if (*q == '\\' && q[1] != '\0') {
      q++;
    } else if (*q == '.' && q[1] != '\0') {
      *p = q + 1;
      return 1;
    }
  }
  return 0;
}

/* What a resolver would answer for CAA at node k's name, from the file. -1 when out of memory. */
static int zg_answer_file(zgraph *g, size_t k, const ix_entry *ix, size_t n_ix) {
  const char *nm = g->lk[k].name, *a = nm, *ce = "";
  const ix_entry *e, *dn = NULL, *w = NULL;
  const char *dn_at = NULL;
  char key[CABREF_NAME_TEXT_BUF + 8];
  /* RFC 6672 §2.3: a DNAME at an ancestor (the highest one: one below it is occluded). */
  while (next_suffix(&a)) {
    e = ix_find(ix, n_ix, a);
    if (e != NULL && e->dname != NULL) {
      dn = e;
      dn_at = a;
    }
  }
  if (dn != NULL) {
    size_t pre = (size_t)(dn_at - nm) - 1, tl = strlen(dn->dname);
    char *t = malloc(pre + 1 + tl + 1);
    int rc;
    if (t == NULL)
      return -1;
    memcpy(t, nm, pre);
    t[pre] = '.';
    memcpy(t + pre + 1, dn->dname, tl + 1);
    if (tl == 0)
      t[pre] = '\0'; /* a DNAME to the root */
    g->lk[k].synth = dn->name;
    g->lk[k].line = dn->line_alias;
    /* RFC 6672 §2.2: a substituted name longer than a domain name may be is YXDOMAIN. */
    if (strlen(t) > CABREF_NAME_MAX_TEXT) {
      free(t);
      zg_fail(g, k, CABREF_CAA_FAIL_RCODE, dn->line_alias);
      return 0;
    }
    rc = zg_alias(g, k, CABREF_CAA_ALIAS_CNAME, t);
    free(t);
    return rc;
  }
  e = ix_find(ix, n_ix, nm);
  if (e == NULL) {
    /* RFC 4592 §3.3.1: the name does not exist; the wildcard at its closest encloser (the
     * nearest ancestor that exists, else the root) answers if there is one. */
    for (a = nm; next_suffix(&a);) {
      if (ix_find(ix, n_ix, a) != NULL) {
        ce = a;
        break;
      }
    }
    if (strlen(ce) + 3 > sizeof key)
      return 0;
    snprintf(key, sizeof key, "*%s%s", ce[0] ? "." : "", ce);
    if ((w = ix_find(ix, n_ix, key)) == NULL)
      return 0; /* NXDOMAIN: empty */
    g->lk[k].synth = w->name;
    if (w->dname != NULL) { /* RFC 4592 §4.4: a DNAME at a wildcard owner is not modelled */
      zg_fail(g, k, CABREF_CAA_FAIL_UNMODELED, w->line_alias);
      return 0;
    }
    e = w;
  }
  if (e->kinds & IX_MARKER) { /* the vectors' simulated failure */
    zg_fail(g, k, CABREF_CAA_FAIL_UNSPECIFIED, e->line_any);
    return 0;
  }
  if (e->cname != NULL) { /* RFC 1034 §3.6.2 */
    g->lk[k].line = e->line_alias;
    return zg_alias(g, k, CABREF_CAA_ALIAS_CNAME, e->cname);
  }
  g->nd[k].outcome =
      (uint8_t)((e->kinds & IX_CAA) ? CABREF_CAA_LOOKUP_RECORDS : CABREF_CAA_LOOKUP_EMPTY);
  g->lk[k].set_owner = e->name;
  g->lk[k].line = e->line_any;
  /* CAA-ALIAS-DNAME: a DNAME owned by the name itself; only the RFC 6844 rules follow it. */
  if (e->dname != NULL && w == NULL)
    return zg_alias(g, k, CABREF_CAA_ALIAS_DNAME, e->dname);
  return 0;
}

/* Live mode's statuses sorted by owner, then by the order they were set (the first set wins), so
 * that each lookup finds its own in logarithmic time. */
static int status_cmp(const void *a, const void *b) {
  const cabref_caa_zone_status *x = *(const cabref_caa_zone_status *const *)a,
                               *y = *(const cabref_caa_zone_status *const *)b;
  int c = strcmp(x->owner, y->owner);
  return c != 0 ? c : (x < y ? -1 : x > y);
}

static const cabref_caa_zone_status **status_index(const cabref_caa_zone *z) {
  const cabref_caa_zone_status **st = malloc((z->n_status ? z->n_status : 1) * sizeof *st);
  size_t i;
  if (st == NULL)
    return NULL;
  for (i = 0; i < z->n_status; i++)
    st[i] = &z->status[i];
  qsort(st, z->n_status, sizeof *st, status_cmp);
  return st;
}

static const cabref_caa_zone_status *status_find(const cabref_caa_zone_status *const *st, size_t n,
                                                 const char *owner) {
  size_t lo = 0, hi = n;
  while (lo < hi) { /* the first entry whose owner is not below owner */
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(st[mid]->owner, owner) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < n && strcmp(st[lo]->owner, owner) == 0 ? st[lo] : NULL;
}

/* The answer, with what the resolver said of the name in live mode (its DNSSEC status, the kind
 * of its failure). */
static int zg_answer(zgraph *g, size_t k, const ix_entry *ix, size_t n_ix,
                     const cabref_caa_zone_status *const *st, size_t n_st) {
  int rc = zg_answer_file(g, k, ix, n_ix);
  const cabref_caa_zone_status *s = status_find(st, n_st, g->lk[k].name);
  if (s != NULL) {
    g->nd[k].dnssec = s->dnssec;
    if (g->nd[k].outcome == CABREF_CAA_LOOKUP_FAILURE &&
        g->nd[k].failure == CABREF_CAA_FAIL_UNSPECIFIED)
      g->nd[k].failure = s->failure;
  }
  return rc;
}

/* The shell's part for one name: convert; look up the climb's names (RFC 8659 §3: from X for
 * *.X, up to the TLD) and every alias target, answered from the file; let the core pick the
 * relevant set under the rules; gather its records. */
static int climb(const cabref_caa_zone *z, const ix_entry *ix, size_t n_ix,
                 const cabref_caa_zone_status *const *st, const char *name, size_t len,
                 cabref_caa_rules rules, cabref_caa_name_eval *e) {
  cabref_name nm;
  zgraph g = {NULL, NULL, 0, 0};
  cabref_caa_relevant_at at;
  size_t n_climb, k, steps, x;
  int fail, rc = 0;
  e->error = (int)cabref_name_from_text(name, len,
                                        CABREF_NAME_ALLOW_WILDCARD | CABREF_NAME_ALLOW_TRAILING_DOT,
                                        e->text, sizeof e->text, &nm, &e->err_pos);
  if (e->error != CABREF_NAME_OK)
    return 0;
  k = nm.wildcard ? 1 : 0;
  if (k >= nm.n_labels) { /* "*" alone: not "*." followed by an FQDN */
    e->error = CABREF_NAME_BAD_WILDCARD;
    e->err_pos = 0;
    return 0;
  }
  e->text_len = nm.text_len;
  e->text[nm.text_len] = '\0'; /* drop the trailing dot */
  e->fqdn_off = nm.labels[k].off;
  n_climb = nm.n_labels - k;
  for (k = 0; k < n_climb; k++) {
    const char *s = e->text + nm.labels[nm.n_labels - n_climb + k].off;
    if (zg_node(&g, s, strlen(s), 0) < 0)
      goto oom;
  }
  for (k = 0; k < g.n; k++) /* breadth first: g.n grows as targets are met */
    if (zg_answer(&g, k, ix, n_ix, st, z->n_status) != 0)
      goto oom;
  e->lookup = (int)cabref_caa_relevant_rrset(g.nd, g.n, n_climb, rules, &at);
  if (e->lookup == CABREF_CAA_RELEVANT_NONE) {
    zg_free(&g);
    return 0;
  }
  e->has_owner = 1;
  e->owner_off = nm.labels[nm.n_labels - n_climb + at.climb].off;
  /* The names along the aliases followed; for alias-chain, as far as the chain goes (the loop
   * or the long chain shows). */
  steps = at.hops;
  if (e->lookup == CABREF_CAA_RELEVANT_FAILURE && at.failure == CABREF_CAA_FAIL_ALIAS_CHAIN) {
    size_t seen[CABREF_CAA_MAX_ALIAS_HOPS + 2], j;
    int again = 0;
    seen[0] = at.climb;
    for (steps = 0, x = at.climb; !again && steps <= CABREF_CAA_MAX_ALIAS_HOPS &&
                                  g.nd[x].alias != CABREF_CAA_ALIAS_NONE && g.nd[x].target < g.n;
         steps++) {
      x = g.nd[x].target;
      for (j = 0; j <= steps; j++) /* a loop: shown once round, ending where it started */
        again |= seen[j] == x;
      seen[steps + 1] = x;
    }
  }
  e->chain = calloc(steps + 1, sizeof *e->chain);
  if (e->chain == NULL)
    goto oom;
  for (k = 0, x = at.climb; k <= steps; k++) {
    if ((e->chain[k] = strdup(g.lk[x].name)) == NULL)
      goto oom;
    e->n_chain = k + 1;
    if (e->synthesized == NULL && g.lk[x].synth != NULL &&
        (e->synthesized = strdup(g.lk[x].synth)) == NULL)
      goto oom;
    if (k < steps)
      x = g.nd[x].target;
  }
  if (e->lookup != CABREF_CAA_RELEVANT_FOUND) {
    e->failure = (int)at.failure;
    e->failure_owner = e->chain[at.failure == CABREF_CAA_FAIL_ALIAS_CHAIN ? 0 : e->n_chain - 1];
    e->failure_line = g.lk[at.node < g.n ? at.node : at.climb].line;
    zg_free(&g);
    return 0;
  }
  if ((e->relevant_owner = strdup(g.lk[at.node].set_owner)) == NULL)
    goto oom;
  zg_free(&g);
  e->n_set =
      cabref_caa_zone_owner_set(z, e->relevant_owner, strlen(e->relevant_owner), NULL, 0, &fail);
  e->idx = malloc((e->n_set ? e->n_set : 1) * sizeof *e->idx);
  if (e->idx == NULL)
    return -1;
  cabref_caa_zone_owner_set(z, e->relevant_owner, strlen(e->relevant_owner), e->idx, e->n_set,
                            &fail);
  return rc;
oom:
  zg_free(&g);
  return -1;
}

uint8_t cabref_caa_profile_of_rules(cabref_caa_rules rules) {
  return (uint8_t)(rules == CABREF_CAA_RULES_RFC6844 || rules == CABREF_CAA_RULES_RFC6844_E5065
                       ? CABREF_CAA_PROFILE_RFC6844_E5065
                       : CABREF_CAA_PROFILE_RFC8659);
}

cabref_caa_rules cabref_caa_rules_of_profile(uint8_t profile) {
  return profile == CABREF_CAA_PROFILE_RFC6844_E5065 ? CABREF_CAA_RULES_RFC6844_E5065
                                                     : CABREF_CAA_RULES_RFC8659;
}

int cabref_caa_zone_eval(const cabref_caa_zone *z, const char *const *names, const size_t *lens,
                         size_t n, const cabref_caa_config *cfg, cabref_caa_name_eval *out) {
  return cabref_caa_zone_eval_rules(z, names, lens, n, cfg,
                                    cabref_caa_rules_of_profile(cfg->profile), out);
}

int cabref_caa_zone_eval_rules(const cabref_caa_zone *z, const char *const *names,
                               const size_t *lens, size_t n, const cabref_caa_config *cfg,
                               cabref_caa_rules rules, cabref_caa_name_eval *out) {
  size_t k, n_ok = 0, n_rr = 0, text_len = 0;
  char *text = NULL;
  cabref_caa_san *san = NULL;
  cabref_caa_rr *spans = NULL;
  cabref_caa_name_outcome *res = NULL;
  int all = 1, rc = 0;
  ix_entry *ix = NULL;
  size_t n_ix = 0;
  const cabref_caa_zone_status **st;
  for (k = 0; k < n; k++)
    memset(&out[k], 0, sizeof out[k]);
  if (ix_build(z, &ix, &n_ix) != 0)
    return -1;
  if ((st = status_index(z)) == NULL) {
    free(ix);
    return -1;
  }
  for (k = 0; k < n; k++) {
    if (climb(z, ix, n_ix, st, names[k], lens[k], rules, &out[k]) != 0)
      rc = -1;
    if (out[k].error) {
      all = 0;
      continue;
    }
    n_ok++;
    n_rr += out[k].n_set;
    text_len += out[k].text_len;
  }
  free(ix);
  free(st);
  if (rc != 0)
    return -1;
  /* The core's view of the certificate: the names side by side in one text, every relevant set
   * side by side in one span array. */
  text = malloc(text_len + 1);
  san = malloc((n_ok ? n_ok : 1) * sizeof *san);
  spans = malloc((n_rr ? n_rr : 1) * sizeof *spans);
  res = malloc((n_ok ? n_ok : 1) * sizeof *res);
  if (text == NULL || san == NULL || spans == NULL || res == NULL || text_len > UINT32_MAX ||
      n_rr > UINT32_MAX) {
    rc = -1;
  } else {
    size_t j = 0, t = 0, r = 0, i;
    for (k = 0; k < n; k++) {
      cabref_caa_name_eval *e = &out[k];
      if (e->error)
        continue;
      memcpy(text + t, e->text, e->text_len);
      san[j].off = (uint32_t)t;
      san[j].len = (uint32_t)e->text_len;
      san[j].lookup = (uint8_t)e->lookup;
      san[j].set_off = (uint32_t)r;
      san[j].set_n = (uint32_t)e->n_set;
      for (i = 0; i < e->n_set; i++)
        spans[r + i] = z->rrs[e->idx[i]].rr;
      /* The per-record verdicts, for display: the same decision on the same set. */
      if (e->lookup != CABREF_CAA_RELEVANT_FAILURE) {
        cabref_caa_decide(z->buf, z->len, spans + r, e->n_set, e->fqdn_off > 0, cfg, &e->d);
        e->has_verdicts = 1;
      }
      t += e->text_len;
      r += e->n_set;
      j++;
    }
    if (!cabref_caa_names(text, text_len, san, n_ok, z->buf, z->len, spans, n_rr, cfg, res))
      all = 0;
    for (k = 0, j = 0; k < n; k++) {
      if (out[k].error)
        continue;
      out[k].res = res[j++];
      if (out[k].res.result == CABREF_CAA_NAME_ONION_EXEMPT)
        out[k].has_verdicts = 0;
    }
  }
  free(text);
  free(san);
  free(spans);
  free(res);
  return rc != 0 ? -1 : all;
}

void cabref_caa_name_eval_free(cabref_caa_name_eval *e) {
  size_t i;
  free(e->idx);
  e->idx = NULL;
  for (i = 0; i < e->n_chain; i++)
    free(e->chain[i]);
  free(e->chain);
  e->chain = NULL;
  e->n_chain = 0;
  free(e->relevant_owner);
  e->relevant_owner = NULL;
  free(e->synthesized);
  e->synthesized = NULL;
  e->failure_owner = NULL;
}

const char *cabref_caa_name_result_code(const cabref_caa_name_eval *e) {
  if (e->error)
    return "error";
  switch (e->res.result) {
  case CABREF_CAA_NAME_PERMIT:
    return "permit";
  case CABREF_CAA_NAME_DENY:
    return "deny";
  case CABREF_CAA_NAME_LOOKUP_FAILURE:
    return "lookup-failure";
  case CABREF_CAA_NAME_ONION_EXEMPT:
    return "onion-exempt";
  }
  return "unknown";
}

/* ---- configuration ------------------------------------------------------------------------- */

int cabref_caa_config_add_issuer(cabref_caa_config *cfg, const char *dn) {
  size_t n = strlen(dn);
  if (cfg->n_issuers >= CABREF_CAA_MAX_ISSUERS || n > CABREF_NAME_MAX_TEXT)
    return -1;
  memcpy(cfg->issuer[cfg->n_issuers], dn, n);
  cfg->issuer_len[cfg->n_issuers] = (uint8_t)n;
  cfg->n_issuers++;
  return 0;
}

int cabref_caa_config_add_tag(cabref_caa_config *cfg, const char *tag) {
  size_t n = strlen(tag);
  if (cfg->n_tags >= CABREF_CAA_MAX_TAGS || n == 0 || n > CABREF_CAA_MAX_TAG_TEXT)
    return -1;
  memcpy(cfg->tag[cfg->n_tags], tag, n);
  cfg->tag_len[cfg->n_tags] = (uint8_t)n;
  cfg->n_tags++;
  return 0;
}

int cabref_caa_config_set_account(cabref_caa_config *cfg, const char *uri) {
  size_t n = strlen(uri);
  if (n > CABREF_CAA_MAX_URI)
    return -1;
  memcpy(cfg->account_uri, uri, n);
  cfg->account_uri_len = (uint32_t)n;
  return 0;
}

int cabref_caa_config_set_method(cabref_caa_config *cfg, const char *method) {
  size_t n = strlen(method);
  if (n > CABREF_CAA_MAX_METHOD)
    return -1;
  memcpy(cfg->method, method, n);
  cfg->method_len = (uint8_t)n;
  return 0;
}

int cabref_caa_parse_profile(const char *s, uint8_t *profile) {
  if (strcmp(s, "rfc8659") == 0)
    *profile = CABREF_CAA_PROFILE_RFC8659;
  else if (strcmp(s, "rfc6844-e5065") == 0)
    *profile = CABREF_CAA_PROFILE_RFC6844_E5065;
  else
    return -1;
  return 0;
}

int cabref_caa_failure_may_permit(const cabref_caa_name_eval *e, int dnssec, int tries,
                                  cabref_caa_instant at, int outside_ca) {
  cabref_caa_node node;
  cabref_caa_failure_facts f;
  memset(&node, 0, sizeof node);
  node.outcome = CABREF_CAA_LOOKUP_FAILURE;
  node.failure = (uint8_t)e->failure;
  node.dnssec = (uint8_t)dnssec;
  memset(&f, 0, sizeof f);
  cabref_caa_failure_facts_of(&node, &f);
  f.outside_ca = (uint8_t)(outside_ca != 0);
  f.retries = (uint8_t)(tries > 1 ? (tries - 1 > 255 ? 255 : tries - 1) : 0);
  return cabref_caa_failure_permits(at, &f);
}

uint64_t cabref_caa_reuse_seconds(const cabref_caa_zone *z, const cabref_caa_name_eval *e) {
  uint32_t ttl = 0;
  size_t i;
  int has = e->lookup == CABREF_CAA_RELEVANT_FOUND && e->n_set > 0;
  uint64_t lo = 0, hi = UINT32_MAX;
  for (i = 0; has && i < e->n_set; i++)
    if (i == 0 || z->rrs[e->idx[i]].ttl < ttl)
      ttl = z->rrs[e->idx[i]].ttl;
  while (lo < hi) { /* the greatest d with reuse_ok(0 + offset, offset + d): asked of the core */
    uint64_t mid = lo + (hi - lo + 1) / 2;
    if (cabref_caa_reuse_ok(1000000000, 1000000000 + (cabref_caa_instant)mid, ttl, has))
      lo = mid;
    else
      hi = mid - 1;
  }
  return lo;
}
