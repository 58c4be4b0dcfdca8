/* cabref: an independent C twin of the CAA grammars, for the fuzz harnesses (spec/caa.md
 * CAA-RDATA-*, CAA-TAG-CASE, CAA-VALUE-8659, CAA-VALUE-6844, CAA-VALUE-BYTES, CAA-PARAM-CASE,
 * CAA-PARAM-METHODS; RFC 8659 §4.1, §4.2; RFC 6844 §5.2; RFC 8657 §4).
 *
 * Written from the ABNF, deliberately unlike a left-to-right scanner: each grammar is judged by
 * first cutting the value at the octets no inner production can hold, then judging every piece
 * as a whole string.
 *
 *  - RFC 8659 §4.2: no production below `issue-value` holds ';' (a parameter value is
 *    %x21-3A / %x3C-7E), so every ';' separates. Piece 0 is *WSP [issuer-domain-name *WSP]; with
 *    one ';', piece 1 is *WSP [parameter *WSP]; with k >= 2, every piece 1..k is
 *    *WSP parameter *WSP (so "a=1;" and ";;" fail). A parameter is cut at its first '=' (a tag
 *    holds none): tag *WSP | *WSP value.
 *  - RFC 6844 §5.2: `space [domain] space [";" *(space parameter) space]`. Only the first ';'
 *    separates (a value is *VCHAR and may hold ';'); after it, parameters are the blank-separated
 *    words, each tag "=" value with tag = 1*(ALPHA / DIGIT). The ABNF is ambiguous for
 *    "a=bc=d" (zero blanks between parameters); a value is taken as the longest run (the words),
 *    which accepts exactly the same values as any other reading.
 *
 * Octets outside HTAB and 0x20-0x7E belong to no production of either grammar (CAA-VALUE-BYTES).
 * Header-only, no allocation. Spans are offsets into the value, like cabref_caa_issue_value's.
 */
#ifndef CABREF_CAA_TWIN_H
#define CABREF_CAA_TWIN_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/caa.h"

#define CAA_TWIN_MAX_PARAMS 16u

typedef struct {
  size_t tag_off, tag_len, value_off, value_len;
} caa_twin_param;

typedef struct {
  size_t issuer_off, issuer_len;
  size_t n_params; /* all of them; the first CAA_TWIN_MAX_PARAMS are kept */
  caa_twin_param params[CAA_TWIN_MAX_PARAMS];
  size_t n_accounturi, n_validationmethods;
  caa_twin_param accounturi, validationmethods; /* the first of each */
} caa_twin_value;

static inline int caa_twin_wsp(uint8_t c) {
  return c == ' ' || c == '\t';
}

static inline int caa_twin_alnum(uint8_t c) {
  return (c >= '0' && c <= '9') || ((c | 0x20u) >= 'a' && (c | 0x20u) <= 'z');
}

static inline uint8_t caa_twin_lower(uint8_t c) {
  return (uint8_t)(c >= 'A' && c <= 'Z' ? c + 32u : c);
}

/* ASCII case-insensitive equality of s[0 .. n-1] with the lower-case NUL-terminated word w. */
static inline int caa_twin_is_word(const uint8_t *s, size_t n, const char *w) {
  size_t k;
  if (strlen(w) != n)
    return 0;
  for (k = 0; k < n; k++)
    if (caa_twin_lower(s[k]) != (uint8_t)w[k])
      return 0;
  return 1;
}

/* (ALPHA / DIGIT) *( *("-") (ALPHA / DIGIT)): letters, digits and hyphens, not empty, a letter or
 * digit at both ends. The label of issuer-domain-name and the RFC 8659 parameter tag. */
static inline int caa_twin_ldh_word(const uint8_t *s, size_t n) {
  size_t k;
  if (n == 0 || !caa_twin_alnum(s[0]) || !caa_twin_alnum(s[n - 1]))
    return 0;
  for (k = 0; k < n; k++)
    if (!caa_twin_alnum(s[k]) && s[k] != '-')
      return 0;
  return 1;
}

/* issuer-domain-name / domain = label *("." label). */
static inline int caa_twin_domain(const uint8_t *s, size_t n) {
  size_t b = 0, k;
  for (k = 0; k <= n; k++) {
    if (k == n || s[k] == '.') {
      if (!caa_twin_ldh_word(s + b, k - b))
        return 0;
      b = k + 1;
    }
  }
  return 1;
}

/* Narrow [*b, *e) by the blanks at both ends. */
static inline void caa_twin_trim(const uint8_t *v, size_t *b, size_t *e) {
  while (*b < *e && caa_twin_wsp(v[*b]))
    (*b)++;
  while (*e > *b && caa_twin_wsp(v[*e - 1]))
    (*e)--;
}

static inline void caa_twin_add_param(const uint8_t *v, caa_twin_value *out, caa_twin_param p) {
  if (out->n_params < CAA_TWIN_MAX_PARAMS)
    out->params[out->n_params] = p;
  out->n_params++;
  if (caa_twin_is_word(v + p.tag_off, p.tag_len, "accounturi")) {
    if (out->n_accounturi++ == 0)
      out->accounturi = p;
  }
  if (caa_twin_is_word(v + p.tag_off, p.tag_len, "validationmethods")) {
    if (out->n_validationmethods++ == 0)
      out->validationmethods = p;
  }
}

/* RFC 8659 parameter = tag *WSP "=" *WSP value, in v[b .. e-1] already trimmed of blanks. */
static inline int caa_twin_param_8659(const uint8_t *v, size_t b, size_t e, caa_twin_value *out) {
  const uint8_t *eq = memchr(v + b, '=', e - b);
  caa_twin_param p;
  size_t k, te, vb;
  if (eq == NULL)
    return 0;
  te = (size_t)(eq - v);
  vb = te + 1;
  {
    size_t tb = b;
    caa_twin_trim(v, &tb, &te);
  }
  while (vb < e && caa_twin_wsp(v[vb]))
    vb++;
  if (!caa_twin_ldh_word(v + b, te - b))
    return 0;
  for (k = vb; k < e; k++) /* %x21-3A / %x3C-7E: printable, no ';', no blank */
    if (v[k] < 0x21 || v[k] > 0x7e || v[k] == ';')
      return 0;
  p.tag_off = b;
  p.tag_len = te - b;
  p.value_off = vb;
  p.value_len = e - vb;
  caa_twin_add_param(v, out, p);
  return 1;
}

static inline int caa_twin_bytes_ok(const uint8_t *v, size_t len) {
  size_t k;
  for (k = 0; k < len; k++)
    if (!(v[k] == '\t' || (v[k] >= 0x20 && v[k] <= 0x7e)))
      return 0;
  return 1;
}

/* CAA-VALUE-8659: 1 iff v[0 .. len-1] is an issue-value; *out gets the spans. */
static inline int caa_twin_value_8659(const uint8_t *v, size_t len, caa_twin_value *out) {
  size_t semis = 0, k, b, e, piece;
  memset(out, 0, sizeof *out);
  if (!caa_twin_bytes_ok(v, len))
    return 0;
  for (k = 0; k < len; k++)
    semis += v[k] == ';';
  /* Piece 0: the issuer. */
  b = 0;
  e = len;
  {
    const uint8_t *s = memchr(v, ';', len);
    if (s != NULL)
      e = (size_t)(s - v);
  }
  {
    size_t ib = b, ie = e;
    caa_twin_trim(v, &ib, &ie);
    if (ie > ib && !caa_twin_domain(v + ib, ie - ib))
      return 0;
    out->issuer_off = ie > ib ? ib : 0;
    out->issuer_len = ie - ib;
  }
  /* Pieces 1 .. semis: the parameters. */
  for (piece = 1; piece <= semis; piece++) {
    size_t pb = e + 1, pe = pb;
    while (pe < len && v[pe] != ';')
      pe++;
    e = pe;
    caa_twin_trim(v, &pb, &pe);
    if (pe == pb) {
      if (semis == 1)
        continue; /* ";" *WSP with no parameters */
      return 0;
    }
    if (!caa_twin_param_8659(v, pb, pe, out))
      return 0;
  }
  return 1;
}

/* CAA-VALUE-6844: 1 iff v[0 .. len-1] is an RFC 6844 issuevalue; *out gets the spans. */
static inline int caa_twin_value_6844(const uint8_t *v, size_t len, caa_twin_value *out) {
  const uint8_t *s;
  size_t head, k;
  memset(out, 0, sizeof *out);
  if (!caa_twin_bytes_ok(v, len))
    return 0;
  s = memchr(v, ';', len);
  head = s != NULL ? (size_t)(s - v) : len;
  {
    size_t ib = 0, ie = head;
    caa_twin_trim(v, &ib, &ie);
    if (ie > ib && !caa_twin_domain(v + ib, ie - ib))
      return 0;
    out->issuer_off = ie > ib ? ib : 0;
    out->issuer_len = ie - ib;
  }
  if (s == NULL)
    return 1;
  k = head + 1;
  while (k < len) {
    size_t wb, we, eq;
    caa_twin_param p;
    if (caa_twin_wsp(v[k])) {
      k++;
      continue;
    }
    wb = k;
    while (k < len && !caa_twin_wsp(v[k]))
      k++;
    we = k;
    for (eq = wb; eq < we && v[eq] != '='; eq++)
      if (!caa_twin_alnum(v[eq]))
        return 0; /* tag = 1*(ALPHA / DIGIT) */
    if (eq == we || eq == wb)
      return 0; /* no '=', or an empty tag */
    p.tag_off = wb;
    p.tag_len = eq - wb;
    p.value_off = eq + 1;
    p.value_len = we - eq - 1; /* *VCHAR: the word's octets are all 0x21-0x7E */
    caa_twin_add_param(v, out, p);
  }
  return 1;
}

static inline int caa_twin_value_ok(const uint8_t *v, size_t len, int profile,
                                    caa_twin_value *out) {
  return profile == 0 ? caa_twin_value_8659(v, len, out) : caa_twin_value_6844(v, len, out);
}

/* CAA-DETAIL-OFFSET: the length of the longest prefix of v that some valid value begins with.
 * A prefix is judged by appending each of "", "a", "=", "a=" and asking the twin: every state
 * of either grammar that can still reach the end is finished by one of them (a label or tag
 * after '.' or '-' needs "a", a tag needs "=", a parameter after a ';' needs "a="). Prefixes of
 * viable prefixes are viable, so a binary search finds the longest. scratch: len + 2 octets. */
static inline int caa_twin_viable(const uint8_t *v, size_t i, int profile, uint8_t *scratch) {
  static const char *const tails[] = {"", "a", "=", "a="};
  caa_twin_value tw;
  size_t t;
  if (i > 0)
    memcpy(scratch, v, i);
  for (t = 0; t < 4; t++) {
    size_t n = strlen(tails[t]);
    memcpy(scratch + i, tails[t], n);
    if (caa_twin_value_ok(scratch, i + n, profile, &tw))
      return 1;
  }
  return 0;
}

static inline size_t caa_twin_error_pos(const uint8_t *v, size_t len, int profile,
                                        uint8_t *scratch) {
  size_t lo = 0, hi = len; /* the empty prefix is viable; find the largest viable i */
  while (lo < hi) {
    size_t mid = lo + (hi - lo + 1) / 2;
    if (caa_twin_viable(v, mid, profile, scratch))
      lo = mid;
    else
      hi = mid - 1;
  }
  return lo;
}

/* CAA-DETAIL-OFFSET, its one exception for values: under rfc8659, a value that stops right after
 * a ';' that must be followed by a parameter (code trailing-semicolon at the end) is reported at
 * that ';'. Otherwise the longest viable prefix L. */
static inline size_t caa_twin_report_pos(const uint8_t *v, size_t len, int profile, size_t L,
                                         int code) {
  size_t k;
  if (profile == 0 && code == 5 && L >= len) {
    for (k = len; k > 0; k--)
      if (v[k - 1] == ';')
        return k - 1;
  }
  return L;
}

/* CAA-DETAIL-CODES: the code (cabref_caa_value_error numbering) for a value that fails at L
 * (v[L], or the end when L == len), from what the prefix v[0 .. L-1] holds; -1 where the spec
 * names no code (an octet other than those listed inside a tag). */
static inline int caa_twin_error_code(const uint8_t *v, size_t len, size_t L, int profile) {
  int end = L >= len;
  uint8_t c = end ? 0 : v[L];
  const uint8_t *semi;
  size_t b, k;
  if (!end && c >= 0x80)
    return 6; /* non-ascii */
  if (!end && ((c < 0x20 && c != '\t') || c == 0x7f))
    return 7; /* control */
  semi = L > 0 ? memchr(v, ';', L) : NULL;
  if (semi == NULL) { /* the issuer part */
    for (b = 0; b < L && caa_twin_wsp(v[b]); b++)
      ;
    if (b < L && caa_twin_wsp(v[L - 1]))
      return 8; /* after the issuer and blanks: unexpected */
    return 1;   /* inside the issuer, or where a label must start: bad-issuer */
  }
  if (profile == 0) {
    size_t last = L;
    while (last > 0 && v[last - 1] != ';')
      last--;
    for (b = last; b < L && caa_twin_wsp(v[b]); b++)
      ;
    if (b == L) /* where a parameter tag must start */
      return end || c == ';' ? 5 : 2;
    if (memchr(v + b, '=', L - b) == NULL) { /* in a tag, or blanks after it */
      if (caa_twin_wsp(v[L - 1]))
        return 3; /* a tag followed by blanks and no '=' */
      if (v[L - 1] == '-')
        return 2; /* a tag ending in '-' */
      return end || c == ';' ? 3 : -1;
    }
    return 4; /* a value followed by blanks and anything but ';' */
  }
  /* RFC 6844: the current word after the first ';'. */
  b = L;
  while (b > 0 && v[b - 1] != ';' && !caa_twin_wsp(v[b - 1]))
    b--;
  if (b == L)
    return c == ';' ? 5 : 2; /* where a parameter tag must start */
  for (k = b; k < L; k++)
    if (v[k] == '=')
      return -1; /* in a value: only control or non-ASCII octets fail there */
  return end || c == ';' || caa_twin_wsp(c) ? 3 : -1;
}

/* CAA-PARAM-METHODS (RFC 8657 §4): value = [*(label ",") label], label = 1*(ALPHA / DIGIT / "-").
 * 0 match, 1 no match, 2 malformed (the cabref_caa_methods_result numbering). */
static inline int caa_twin_methods(const uint8_t *v, size_t len, const char *method, size_t mlen) {
  size_t b = 0, k, j;
  int found = 0;
  if (len == 0)
    return 1; /* the empty list: well-formed, matches nothing */
  for (k = 0; k <= len; k++) {
    if (k < len && v[k] != ',')
      continue;
    if (k == b)
      return 2; /* an empty label */
    for (j = b; j < k; j++)
      if (!caa_twin_alnum(v[j]) && v[j] != '-')
        return 2;
    if (mlen == k - b && mlen > 0) {
      for (j = 0; j < mlen; j++)
        if (caa_twin_lower(v[b + j]) != caa_twin_lower((uint8_t)method[j]))
          break;
      if (j == mlen)
        found = 1;
    }
    b = k + 1;
  }
  return found ? 0 : 1;
}

/* CAA-RDATA-TAG-CHARS, CAA-TAG-CASE: the tag's kind (cabref_caa_tag_kind numbering), OTHER (0)
 * whenever an octet is not a letter or digit. */
static inline int caa_twin_tag_kind(const uint8_t *t, size_t n) {
  size_t k;
  for (k = 0; k < n; k++)
    if (!caa_twin_alnum(t[k]))
      return 0;
  if (caa_twin_is_word(t, n, "issue"))
    return 1;
  if (caa_twin_is_word(t, n, "issuewild"))
    return 2;
  if (caa_twin_is_word(t, n, "iodef"))
    return 3;
  return 0;
}

/* CAA-IODEF (RFC 8659 §4.4, RFC 3986 §3.1): the scheme of an iodef URL, in the
 * cabref_caa_iodef_scheme numbering (0 mailto, 1 http, 2 https, 3 other, 4 malformed). The text
 * must be printable without blanks (VCHAR) and start with scheme ":", scheme = ALPHA
 * *(ALPHA / DIGIT / "+" / "-" / "."); the scheme is what precedes the first ':'. */
static inline int caa_twin_iodef(const uint8_t *v, size_t len) {
  const uint8_t *colon = memchr(v, ':', len);
  size_t k, n;
  for (k = 0; k < len; k++)
    if (v[k] < 0x21 || v[k] > 0x7e)
      return 4;
  if (colon == NULL)
    return 4;
  n = (size_t)(colon - v);
  if (n == 0 || !(caa_twin_alnum(v[0]) && !(v[0] >= '0' && v[0] <= '9')))
    return 4;
  for (k = 1; k < n; k++)
    if (!caa_twin_alnum(v[k]) && v[k] != '+' && v[k] != '-' && v[k] != '.')
      return 4;
  if (caa_twin_is_word(v, n, "mailto"))
    return 0;
  if (caa_twin_is_word(v, n, "http"))
    return 1;
  if (caa_twin_is_word(v, n, "https"))
    return 2;
  return 3;
}

/* CAA-RDATA-FORMAT, CAA-RDATA-TAG-LEN: 0 when the layout is sound (flags, tag length >= 1, the
 * tag inside, at most 65535 octets), else the cabref_caa_rdata_error numbering of the structural
 * error. The tag's characters are not judged here. */
static inline int caa_twin_rdata_layout(const uint8_t *r, size_t len) {
  if (len > 65535u)
    return 6;
  if (len < 2)
    return 1;
  if (r[1] == 0)
    return 2;
  if (2u + (size_t)r[1] > len)
    return 3;
  return 0;
}

/* CAA-ISSUER-MATCH: s[0 .. n-1] equals one of the CA's Issuer Domain Names, ASCII
 * case-insensitively, over the whole name. */
static inline int caa_twin_issuer_is_ours(const uint8_t *s, size_t n, const cabref_caa_config *c) {
  size_t i, k;
  for (i = 0; i < c->n_issuers; i++) {
    if (c->issuer_len[i] != n)
      continue;
    for (k = 0; k < n; k++)
      if (caa_twin_lower(s[k]) != caa_twin_lower((uint8_t)c->issuer[i][k]))
        break;
    if (k == n)
      return 1;
  }
  return 0;
}

/* The decision's twin, written from the CAA-* requirements of "The decision" in spec/caa.md, in a
 * different order from a single pass: classify every record, then apply the ranked rules one by
 * one. Fills *permit, *reason, *permit_index (cabref_caa_reason numbering) and, per record, the
 * verdict (cabref_caa_rr_verdict numbering; a record's checks run issuer, accounturi, then
 * validationmethods, the first failure is its verdict: CAA-DETAIL-PARAMS) and the detail: the
 * RDATA code behind rdata-malformed, unknown-critical and unknown-tag, the value code behind
 * malformed-value (-1 where spec/caa.md CAA-DETAIL-CODES names none), else 0. */
typedef struct {
  int permit, reason;
  size_t permit_index;
  int verdict[CABREF_CAA_MAX_RECORDS];
  int detail[CABREF_CAA_MAX_RECORDS];
} caa_twin_decision;

static inline void caa_twin_decide(const uint8_t *buf, const cabref_caa_rr *rr, size_t n,
                                   int wildcard, const cabref_caa_config *c, caa_twin_decision *d) {
  int kind[CABREF_CAA_MAX_RECORDS];  /* tag kind, -1: structurally unreadable */
  int known[CABREF_CAA_MAX_RECORDS]; /* the CA recognises the tag */
  int critical[CABREF_CAA_MAX_RECORDS];
  size_t j, t, k;
  int any_bad = 0, any_crit = 0, any_wild = 0, any_applying = 0;
  memset(d, 0, sizeof *d);
  d->permit_index = 0;
  if (n == 0) {
    d->permit = 1;
    d->reason = 0; /* no-records */
    return;
  }
  if (n > CABREF_CAA_MAX_RECORDS) {
    d->permit = 0;
    d->reason = 6; /* too-many-records */
    return;
  }
  for (j = 0; j < n; j++) {
    const uint8_t *r = buf + rr[j].off;
    size_t len = rr[j].len;
    if (caa_twin_rdata_layout(r, len) != 0) {
      kind[j] = -1;
      known[j] = 0;
      critical[j] = 0;
      any_bad = 1;
      continue;
    }
    {
      size_t tl = r[1];
      int valid_tag = 1;
      for (k = 0; k < tl; k++)
        valid_tag &= caa_twin_alnum(r[2 + k]);
      kind[j] = caa_twin_tag_kind(r + 2, tl);
      known[j] = valid_tag && kind[j] != 0;
      for (t = 0; valid_tag && t < c->n_tags; t++) {
        if (c->tag_len[t] != tl)
          continue;
        for (k = 0; k < tl; k++)
          if (caa_twin_lower(r[2 + k]) != caa_twin_lower((uint8_t)c->tag[t][k]))
            break;
        if (k == tl)
          known[j] = 1;
      }
      critical[j] = (r[0] & 0x80u) != 0 || (c->flag1_critical && (r[0] & 0x01u) != 0);
    }
    if (critical[j] && !known[j])
      any_crit = 1;
    if (kind[j] == 2)
      any_wild = 1;
  }
  /* Verdicts. */
  for (j = 0; j < n; j++) {
    const uint8_t *r = buf + rr[j].off;
    d->detail[j] = 0;
    if (kind[j] < 0) {
      d->verdict[j] = 1; /* rdata-malformed */
      d->detail[j] = caa_twin_rdata_layout(r, rr[j].len);
      continue;
    }
    if (!known[j]) {
      size_t b = 0;
      d->verdict[j] = critical[j] ? 2 : 3; /* unknown-critical / unknown-tag */
      while (b < r[1] && caa_twin_alnum(r[2 + b]))
        b++;
      d->detail[j] = b == r[1] ? 0 : r[2 + b] == 0 ? 4 : 5; /* ok, tag-nul, tag-bad-char */
      continue;
    }
    if (kind[j] == 0 || kind[j] == 3) {
      d->verdict[j] = 4; /* neutral */
      continue;
    }
    if (kind[j] == 2 && !wildcard) {
      d->verdict[j] = 5; /* issuewild-ignored */
      continue;
    }
    if (kind[j] == 1 && wildcard && any_wild) {
      d->verdict[j] = 6; /* issue-shadowed */
      continue;
    }
    any_applying = 1;
    {
      const uint8_t *v = r + 2 + r[1];
      size_t vl = rr[j].len - 2u - r[1];
      caa_twin_value tv;
      int ok = c->profile == 0 ? caa_twin_value_8659(v, vl, &tv) : caa_twin_value_6844(v, vl, &tv);
      int acct = 0, meth = 0; /* verdicts of the two parameters, 0: holds */
      if (!ok) {
        uint8_t *scratch = malloc(vl + 2);
        d->verdict[j] = 7; /* malformed-value */
        d->detail[j] = -1;
        if (scratch != NULL) {
          size_t at = caa_twin_error_pos(v, vl, c->profile, scratch);
          d->detail[j] = caa_twin_error_code(v, vl, at, c->profile);
          free(scratch);
        }
        continue;
      }
      if (tv.issuer_len == 0) {
        d->verdict[j] = 8; /* empty-issuer */
        continue;
      }
      if (!caa_twin_issuer_is_ours(v + tv.issuer_off, tv.issuer_len, c)) {
        d->verdict[j] = 9; /* issuer-mismatch */
        continue;
      }
      if (c->rfc8657) {
        if (tv.n_accounturi > 1)
          acct = 11;
        else if (tv.n_accounturi == 1 &&
                 (c->account_uri_len == 0 || tv.accounturi.value_len != c->account_uri_len ||
                  memcmp(v + tv.accounturi.value_off, c->account_uri, c->account_uri_len) != 0))
          acct = 10;
        if (tv.n_validationmethods > 1)
          meth = 14;
        else if (tv.n_validationmethods == 1) {
          int m = caa_twin_methods(v + tv.validationmethods.value_off,
                                   tv.validationmethods.value_len, c->method, c->method_len);
          meth = m == 0 ? 0 : m == 1 ? 12 : 13;
        }
      }
      d->verdict[j] = acct ? acct : meth ? meth : 0;
    }
  }
  if (any_bad) {
    d->reason = 3; /* rdata-malformed */
    return;
  }
  if (any_crit) {
    d->reason = 4; /* unknown-critical */
    return;
  }
  if (!any_applying) {
    d->permit = 1;
    d->reason = 1; /* no-issue-property */
    return;
  }
  for (j = 0; j < n; j++) {
    if (d->verdict[j] == 0) {
      d->permit = 1;
      d->reason = 2; /* issuer-permits */
      d->permit_index = j;
      return;
    }
  }
  d->reason = 5; /* not-authorized */
}

#endif
