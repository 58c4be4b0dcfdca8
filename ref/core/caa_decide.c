/* cabref: the CAA decision for one request against one relevant record set (spec/caa.md
 * CAA-EMPTY-SET .. CAA-CAPACITY). Three layers, each with its own contract: the kind of a record
 * (its layout, tag and critical flag), whether an issue/issuewild value authorizes this CA, and
 * the combination of the records into the decision, which is CaaPermits of spec/caa_logic.h.
 *
 * Every fact about the input is established before anything is written to the caller's
 * (one-octet) output, and the contracts speak of the input as it was on entry (\old). */
#include <stddef.h>

#include "cabref/caa.h"

/* Facts about the logic the decision's proof uses (the named properties of spec/caa.md are
 * lemmas of caa_relevant.c). */
/*@
  // A record has exactly one kind.
  lemma kind_unique{L}: \forall uint8_t *r, integer len, cabref_caa_config *cfg, integer k1, k2;
    CaaKindIs(r, len, cfg, k1) && CaaKindIs(r, len, cfg, k2) ==> k1 == k2;
  lemma rec_kind_unique{L}: \forall uint8_t *b, integer blen, cabref_caa_rr *rr, integer i,
      cabref_caa_config *cfg, integer k1, k2;
    CaaRecKind(b, blen, rr, i, cfg, k1) && CaaRecKind(b, blen, rr, i, cfg, k2) ==> k1 == k2;

  // Helpers: the kinds present in a set grow by one record at a time.
  lemma has_kind_step{L}: \forall uint8_t *b, integer blen, cabref_caa_rr *rr, integer n,
      cabref_caa_config *cfg, integer k; 0 <= n ==>
    (CaaHasKind(b, blen, rr, n + 1, cfg, k) <==>
     (CaaHasKind(b, blen, rr, n, cfg, k) || CaaRecKind(b, blen, rr, n, cfg, k)));

  // The tags RFC 8659 defines are letters only (classify).
  lemma lower_letter_alnum: \forall integer c; 'a' <= CaaLower(c) <= 'z' ==> CaaAlnum(c);
  lemma issue_tag_chars{L}: \forall uint8_t *r, integer n;
    CaaIsIssue(r, 2, n) ==> CaaTagChars(r, n);
  lemma issuewild_tag_chars{L}: \forall uint8_t *r, integer n;
    CaaIsIssuewild(r, 2, n) ==> CaaTagChars(r, n);
  lemma iodef_tag_chars{L}: \forall uint8_t *r, integer n;
    CaaIsIodef(r, 2, n) ==> CaaTagChars(r, n);

  // The leading blanks and the issuer-domain-name span are unique (CaaValueAuthorizes).
  lemma lead_end_unique{L}: \forall uint8_t *v, integer len, integer s1, s2;
    CaaLeadEnd(v, len, s1) && CaaLeadEnd(v, len, s2) ==> s1 == s2;
  lemma name_end_unique{L}: \forall uint8_t *v, integer len, integer s, e1, e2;
    CaaNameEnd(v, len, s, e1) && CaaNameEnd(v, len, s, e2) ==> e1 == e2;

  // CaaParamsAdmit speaks of the parameters as recorded; any record of them will do, since
  // CaaParamsOf fixes the counts and, where a parameter exists, its value span.
  lemma params_admit_of{L}: \forall uint8_t *v, integer len, cabref_caa_config *cfg,
      cabref_caa_issue_value pv;
    CaaParamsOf(v, len, cfg->profile, pv) ==>
    (CaaParamsAdmit(v, len, cfg) <==>
     CaaParamsAdmitAt(v, cfg, cfg->account_uri_len, pv.n_accounturi, pv.accounturi.value_off,
                      pv.accounturi.value_len, pv.n_validationmethods,
                      pv.validationmethods.value_off, pv.validationmethods.value_len));
*/

/* RFC 8659 §4.1 (tags) and RFC 4343 §3 (names): ASCII case folding only. */
/*@
  assigns \nothing;
  ensures lower: \result == CaaLower(c);
*/
static int lower_ascii(int c) {
  return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* a[0 .. alen-1] equals the configuration text b[0 .. blen-1], ASCII case-insensitively, over
 * the whole length: never a prefix, suffix or substring (CAA-ISSUER-MATCH). */
/*@
  requires valid_a: \valid_read(a + (0 .. alen - 1));
  requires valid_b: \valid_read(b + (0 .. blen - 1));
  assigns \nothing;
  ensures equal: \result == 1 <==> CaaTextIeq(a, alen, b, blen);
  ensures boolean: \result == 0 || \result == 1;
*/
static int text_ieq(const uint8_t *a, size_t alen, const char *b, size_t blen) {
  size_t k;
  if (alen != blen) {
    return 0;
  }
  /*@
    loop invariant bound: 0 <= k <= alen;
    loop invariant same: \forall integer x; 0 <= x < k ==> CaaLower(a[x]) == CaaLower(b[x]);
    loop assigns k;
    loop variant alen - k;
  */
  for (k = 0; k < alen; k++) {
    /* equal octets need no folding (the common case when the name matches) */
    if (a[k] != b[k] && lower_ascii(a[k]) != lower_ascii(b[k])) {
      return 0;
    }
  }
  return 1;
}

/* CAA-CRITICAL: a tag of the CA's configuration, beyond issue, issuewild and iodef. */
/*@
  requires valid_tag: \valid_read(tag + (0 .. tl - 1));
  requires valid_cfg: \valid_read(cfg);
  assigns \nothing;
  ensures known: \result == 1 <==> CaaKnownTag(tag, tl, cfg);
  ensures boolean: \result == 0 || \result == 1;
*/
static int extra_tag(const uint8_t *tag, size_t tl, const cabref_caa_config *cfg) {
  size_t j;
  size_t n = cfg->n_tags <= CABREF_CAA_MAX_TAGS ? cfg->n_tags : CABREF_CAA_MAX_TAGS;
  /*@
    loop invariant bound: 0 <= j <= n;
    loop invariant none: \forall integer x; 0 <= x < j ==> !CaaCfgTag(tag, tl, cfg, x);
    loop assigns j;
    loop variant n - j;
  */
  for (j = 0; j < n; j++) {
    if (cfg->tag_len[j] <= CABREF_CAA_MAX_TAG_TEXT &&
        text_ieq(tag, tl, cfg->tag[j], cfg->tag_len[j])) {
      return 1;
    }
  }
  return 0;
}

/* CAA-TAG-CASE (RFC 8659 §4.1): which of issue (§4.2), issuewild (§4.3) and iodef (§4.4) the
 * tag r[2 .. 2+n-1] is, up to ASCII case (CaaTagKindOf of spec/caa_value_logic.h). */
/*@
  requires valid_tag: \valid_read(r + (2 .. 2 + n - 1));
  assigns \nothing;
  ensures kind: \result == CaaTagKindOf(r, 2, n);
*/
static cabref_caa_tag_kind tag_kind(const uint8_t *r, size_t n) {
  if (n == 5u && lower_ascii(r[2]) == 'i' && lower_ascii(r[3]) == 's' && lower_ascii(r[4]) == 's' &&
      lower_ascii(r[5]) == 'u' && lower_ascii(r[6]) == 'e') {
    return CABREF_CAA_TAG_ISSUE;
  }
  if (n == 9u && lower_ascii(r[2]) == 'i' && lower_ascii(r[3]) == 's' && lower_ascii(r[4]) == 's' &&
      lower_ascii(r[5]) == 'u' && lower_ascii(r[6]) == 'e' && lower_ascii(r[7]) == 'w' &&
      lower_ascii(r[8]) == 'i' && lower_ascii(r[9]) == 'l' && lower_ascii(r[10]) == 'd') {
    return CABREF_CAA_TAG_ISSUEWILD;
  }
  if (n == 5u && lower_ascii(r[2]) == 'i' && lower_ascii(r[3]) == 'o' && lower_ascii(r[4]) == 'd' &&
      lower_ascii(r[5]) == 'e' && lower_ascii(r[6]) == 'f') {
    return CABREF_CAA_TAG_IODEF;
  }
  return CABREF_CAA_TAG_OTHER;
}

/* CAA-RDATA-TAG-CHARS (RFC 8659 §4.1): the tag r[2 .. 2+n-1] holds only letters and digits. */
/*@
  requires valid_tag: \valid_read(r + (2 .. 2 + n - 1));
  requires octet: n <= 255;
  assigns \nothing;
  ensures chars: \result == 1 <==> CaaTagChars(r, n);
  ensures boolean: \result == 0 || \result == 1;
*/
static int tag_alnum(const uint8_t *r, size_t n) {
  size_t k;
  /*@
    loop invariant bound: 0 <= k <= n;
    loop invariant good: \forall integer j; 2 <= j < 2 + k ==> CaaAlnum(r[j]);
    loop assigns k;
    loop variant n - k;
  */
  for (k = 0; k < n; k++) {
    uint8_t c = r[2u + k];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      return 0;
    }
  }
  return 1;
}

/* The first layer: the kind of one record. Its layout is checked here (RFC 8659 §4.1). The
 * tags RFC 8659 defines are spelled in letters only, so a tag that is one of them passes
 * CAA-RDATA-TAG-CHARS without another look (lemmas issue_tag_chars, issuewild_tag_chars,
 * iodef_tag_chars); only a tag of the CA's own configuration is checked octet by octet. */
/*@
  requires valid_r: \valid_read(rdata + (0 .. len - 1));
  requires valid_cfg: \valid_read(cfg);
  assigns \nothing;
  ensures kind: \let k = \result; \old(CaaKindIs(rdata, len, cfg, k));
  ensures range: CABREF_CAA_KIND_MALFORMED <= \result <= CABREF_CAA_KIND_ISSUEWILD;
*/
static cabref_caa_kind classify(const uint8_t *rdata, size_t len, const cabref_caa_config *cfg) {
  size_t tl;
  int critical;
  cabref_caa_tag_kind tk;
  /* CAA-RDATA-DENY: a record whose layout is broken cannot be read at all (CAA-RDATA-FORMAT,
   * CAA-RDATA-TAG-LEN, RFC 8659 §4.1: flags, a tag length of at least 1, the tag inside the
   * RDATA; RFC 1035 §3.2.1: at most 65535 octets). */
  if (len > CABREF_CAA_MAX_RDATA || len < 2u || rdata[1] == 0u || rdata[1] > len - 2u) {
    return CABREF_CAA_KIND_MALFORMED;
  }
  tl = rdata[1];
  /* CAA-TAG-CASE: issue, issuewild and iodef up to ASCII case. */
  tk = tag_kind(rdata, tl);
  if (tk == CABREF_CAA_TAG_ISSUE) {
    /*@ assert chars: CaaTagChars(rdata, tl); */
    return CABREF_CAA_KIND_ISSUE;
  }
  if (tk == CABREF_CAA_TAG_ISSUEWILD) {
    /*@ assert chars: CaaTagChars(rdata, tl); */
    return CABREF_CAA_KIND_ISSUEWILD;
  }
  if (tk == CABREF_CAA_TAG_IODEF) {
    /*@ assert chars: CaaTagChars(rdata, tl); */
    return CABREF_CAA_KIND_NEUTRAL; /* CAA-IODEF: recognised, never changes the decision */
  }
  /* CAA-RDATA-TAG-CHARS: a tag with a character outside [A-Za-z0-9] is no tag the CA
   * recognises, even one of its configuration. */
  if (extra_tag(rdata + 2, tl, cfg) && tag_alnum(rdata, tl)) {
    return CABREF_CAA_KIND_NEUTRAL;
  }
  /* CAA-CRITICAL, CAA-FLAGS: RFC 8659 §4.1, flag value 128; value 1 only by option. */
  critical =
      rdata[0] >= CABREF_CAA_FLAG_CRITICAL || (cfg->flag1_critical != 0u && rdata[0] % 2u == 1u);
  return critical ? CABREF_CAA_KIND_UNKNOWN_CRITICAL : CABREF_CAA_KIND_UNKNOWN;
}

/* The RDATA parser's status, reported beside the verdict. */
/*@
  requires valid_r: \valid_read(rdata + (0 .. len - 1));
  assigns \nothing;
  ensures range: 0 <= \result <= CABREF_CAA_RDATA_TOO_LONG;
*/
static uint16_t rdata_status(const uint8_t *rdata, size_t len) {
  cabref_caa_record rec;
  size_t pos;
  switch (cabref_caa_rdata_parse(rdata, len, &rec, &pos)) {
  case CABREF_CAA_RDATA_TRUNCATED:
    return (uint16_t)CABREF_CAA_RDATA_TRUNCATED;
  case CABREF_CAA_RDATA_TAG_EMPTY:
    return (uint16_t)CABREF_CAA_RDATA_TAG_EMPTY;
  case CABREF_CAA_RDATA_TAG_PAST_END:
    return (uint16_t)CABREF_CAA_RDATA_TAG_PAST_END;
  case CABREF_CAA_RDATA_TAG_NUL:
    return (uint16_t)CABREF_CAA_RDATA_TAG_NUL;
  case CABREF_CAA_RDATA_TAG_BAD_CHAR:
    return (uint16_t)CABREF_CAA_RDATA_TAG_BAD_CHAR;
  case CABREF_CAA_RDATA_TOO_LONG:
    return (uint16_t)CABREF_CAA_RDATA_TOO_LONG;
  default:
    return (uint16_t)CABREF_CAA_RDATA_OK;
  }
}

cabref_caa_kind cabref_caa_record_kind(const uint8_t *rdata, size_t len,
                                       const cabref_caa_config *cfg, uint8_t *detail) {
  cabref_caa_kind k = classify(rdata, len, cfg);
  *detail = (uint8_t)rdata_status(rdata, len);
  return k;
}

/* RFC 8659 §4.2 and RFC 6844 §5.2: WSP is a space or a tab. */
/*@
  assigns \nothing;
  ensures wsp: \result == 1 <==> CaaWsp(c);
  ensures boolean: \result == 0 || \result == 1;
*/
static int is_wsp(uint8_t c) {
  return (c == ' ' || c == '\t') ? 1 : 0;
}

/* RFC 8659 §4.2: the issuer-domain-name of a value in the grammar follows the leading blanks
 * and runs up to the next blank or ';' (or the end). Both grammars give the same span. */
/*@
  requires valid_v: \valid_read(v + (0 .. len - 1));
  assigns \nothing;
  ensures lead: CaaLeadEnd(v, len, \result);
*/
static size_t lead_end(const uint8_t *v, size_t len) {
  size_t i = 0;
  /*@
    loop invariant bound: 0 <= i <= len;
    loop invariant blanks: \forall integer k; 0 <= k < i ==> CaaWsp(v[k]);
    loop assigns i;
    loop variant len - i;
  */
  while (i < len && is_wsp(v[i])) {
    i++;
  }
  return i;
}

/*@
  requires valid_v: \valid_read(v + (0 .. len - 1));
  requires start: s <= len;
  assigns \nothing;
  ensures name: CaaNameEnd(v, len, s, \result);
*/
static size_t name_end(const uint8_t *v, size_t len, size_t s) {
  size_t i = s;
  /*@
    loop invariant bound: s <= i <= len;
    loop invariant name: \forall integer k; s <= k < i ==> !CaaWsp(v[k]) && v[k] != ';';
    loop assigns i;
    loop variant len - i;
  */
  while (i < len && !is_wsp(v[i]) && v[i] != ';') {
    i++;
  }
  return i;
}

/* CAA-ISSUER-MATCH: one of the CA's Issuer Domain Names, whole name, ignoring ASCII case. */
/*@
  requires valid_name: \valid_read(name + (0 .. nlen - 1));
  requires valid_cfg: \valid_read(cfg);
  assigns \nothing;
  ensures known: \result == 1 <==> CaaKnownIssuer(name, nlen, cfg);
  ensures boolean: \result == 0 || \result == 1;
*/
static int issuer_known(const uint8_t *name, size_t nlen, const cabref_caa_config *cfg) {
  size_t j;
  size_t n = cfg->n_issuers <= CABREF_CAA_MAX_ISSUERS ? cfg->n_issuers : CABREF_CAA_MAX_ISSUERS;
  /*@
    loop invariant bound: 0 <= j <= n;
    loop invariant none: \forall integer x; 0 <= x < j ==> !CaaCfgIssuer(name, nlen, cfg, x);
    loop assigns j;
    loop variant n - j;
  */
  for (j = 0; j < n; j++) {
    if (cfg->issuer_len[j] <= CABREF_NAME_MAX_TEXT &&
        text_ieq(name, nlen, cfg->issuer[j], cfg->issuer_len[j])) {
      return 1;
    }
  }
  return 0;
}

/* CAA-PARAM-ACCOUNTURI: RFC 8657 §3, octet for octet. */
/*@
  requires valid_a: \valid_read(a + (0 .. alen - 1));
  requires valid_cfg: \valid_read(cfg);
  assigns \nothing;
  ensures equal: \result == 1 <==> CaaUriIs(a, alen, cfg, cfg->account_uri_len);
  ensures boolean: \result == 0 || \result == 1;
*/
static int uri_equal(const uint8_t *a, size_t alen, const cabref_caa_config *cfg) {
  size_t k;
  if (cfg->account_uri_len == 0u || cfg->account_uri_len > CABREF_CAA_MAX_URI ||
      alen != cfg->account_uri_len) {
    return 0; /* a request without an account URI never matches */
  }
  /*@
    loop invariant bound: 0 <= k <= alen;
    loop invariant same: \forall integer x; 0 <= x < k ==> a[x] == CaaOctet(cfg->account_uri[x]);
    loop assigns k;
    loop variant alen - k;
  */
  for (k = 0; k < alen; k++) {
    int c = cfg->account_uri[k];
    if (c < 0) {
      c += 256; /* the octet of a char stored as a negative value */
    }
    if (a[k] != c) {
      return 0;
    }
  }
  return 1;
}

/* CAA-PARAM-*: the RFC 8657 parameters, when the CA processes them; others are ignored
 * (CAA-PARAM-UNKNOWN). They can only take an authorization away. CAA-DETAIL-PARAMS: accounturi
 * (duplicate before mismatch; an empty value is a mismatch), then validationmethods (duplicate,
 * malformed, mismatch); the first that fails is the verdict. */
/*@
  requires valid_v: \valid_read(v + (0 .. len - 1));
  requires valid_pv: \valid_read(pv);
  requires valid_cfg: \valid_read(cfg);
  requires parsed: CaaParamsParsed(v, len, cfg->profile, pv);
  requires within: CaaValueWithin(pv, len);
  assigns \nothing;
  ensures verdict: \result == CABREF_CAA_RR_PERMITS ||
    (CABREF_CAA_RR_ACCOUNTURI_MISMATCH <= \result <= CABREF_CAA_RR_METHODS_DUPLICATE);
  ensures admit_at: \result == CABREF_CAA_RR_PERMITS <==>
    CaaParamsAdmitAt(v, cfg, cfg->account_uri_len, pv->n_accounturi, pv->accounturi.value_off,
                     pv->accounturi.value_len, pv->n_validationmethods,
                     pv->validationmethods.value_off, pv->validationmethods.value_len);
*/
static cabref_caa_rr_verdict params_verdict(const uint8_t *v, size_t len,
                                            const cabref_caa_issue_value *pv,
                                            const cabref_caa_config *cfg) {
  cabref_caa_methods_result m;
  size_t mlen;
  (void)len; /* the contract's bound (the spans lie inside the value) */
  if (pv->n_accounturi > 1u) {
    return CABREF_CAA_RR_ACCOUNTURI_DUPLICATE; /* RFC 8657 §3: unsatisfiable */
  }
  /* The spans lie inside the value (the parser's contract, precondition within). */
  if (pv->n_accounturi == 1u &&
      !uri_equal(v + pv->accounturi.value_off, pv->accounturi.value_len, cfg)) {
    return CABREF_CAA_RR_ACCOUNTURI_MISMATCH;
  }
  if (pv->n_validationmethods > 1u) {
    return CABREF_CAA_RR_METHODS_DUPLICATE; /* spec/caa.md decision, as for accounturi */
  }
  if (pv->n_validationmethods == 1u) {
    mlen = cfg->method_len <= CABREF_CAA_MAX_METHOD ? cfg->method_len : 0u;
    m = cabref_caa_methods_contains(v + pv->validationmethods.value_off,
                                    pv->validationmethods.value_len, cfg->method, mlen);
    if (m == CABREF_CAA_METHODS_MALFORMED) {
      return CABREF_CAA_RR_METHODS_MALFORMED; /* RFC 8657 §4 grammar */
    }
    if (m != CABREF_CAA_METHODS_MATCH || mlen == 0u) {
      return CABREF_CAA_RR_METHODS_MISMATCH; /* no method named never matches */
    }
  }
  return CABREF_CAA_RR_PERMITS;
}

/* The second layer: what an issue/issuewild value says about this CA. Its checks run issuer
 * first, then the parameters (CAA-DETAIL-PARAMS). */
/*@
  requires valid_v: \valid_read(v + (0 .. len - 1));
  requires valid_cfg: \valid_read(cfg);
  assigns \nothing;
  ensures verdict: \result == CABREF_CAA_RR_PERMITS ||
    (CABREF_CAA_RR_MALFORMED_VALUE <= \result <= CABREF_CAA_RR_METHODS_DUPLICATE);
  ensures malformed: !\old(CaaIssueValueOk(v, len, cfg->profile)) ==>
    \result == CABREF_CAA_RR_MALFORMED_VALUE;
  ensures exact: \result == CABREF_CAA_RR_PERMITS <==> \old(CaaValueAuthorizes(v, len, cfg));
*/
static cabref_caa_rr_verdict value_verdict(const uint8_t *v, size_t len,
                                           const cabref_caa_config *cfg) {
  cabref_caa_issue_value pv;
  size_t pos;
  /* The issuer span and its match are read before the parser writes anything. */
  size_t s = lead_end(v, len);
  size_t e = name_end(v, len, s);
  int known = e > s && issuer_known(v + s, e - s, cfg);
  uint8_t rfc8657 = cfg->rfc8657;
  cabref_caa_value_error err =
      cabref_caa_issue_value_parse(v, len, (cabref_caa_profile)cfg->profile, &pv, &pos);
  /* CAA-VALUE-MALFORMED: RFC 8659 §4.2, treated as an empty issuer-domain-name. */
  if (err != CABREF_CAA_VALUE_OK) {
    /*@ assert no: !\at(CaaValueAuthorizes(v, len, cfg), Pre); */
    return CABREF_CAA_RR_MALFORMED_VALUE;
  }
  if (e == s) {
    /*@ assert no: !\at(CaaValueAuthorizes(v, len, cfg), Pre); */
    return CABREF_CAA_RR_EMPTY_ISSUER; /* e.g. ";": nobody is authorized */
  }
  if (!known) {
    /*@ assert no: !\at(CaaValueAuthorizes(v, len, cfg), Pre); */
    return CABREF_CAA_RR_ISSUER_MISMATCH;
  }
  if (rfc8657 == 0u) {
    /*@ assert yes: \at(CaaValueAuthorizes(v, len, cfg), Pre); */
    return CABREF_CAA_RR_PERMITS; /* CAA-PARAM-UNKNOWN: parameters not processed */
  }
  /*@ assert parsed: CaaParamsOf(v, len, cfg->profile, pv); */
  /*@ assert admit: CaaParamsAdmit(v, len, cfg) <==>
        CaaParamsAdmitAt(v, cfg, cfg->account_uri_len, pv.n_accounturi, pv.accounturi.value_off,
                         pv.accounturi.value_len, pv.n_validationmethods,
                         pv.validationmethods.value_off, pv.validationmethods.value_len); */
  {
    cabref_caa_rr_verdict r = params_verdict(v, len, &pv, cfg);
    /*@ assert now: r == CABREF_CAA_RR_PERMITS <==> CaaParamsAdmit(v, len, cfg); */
    /*@ assert pre: r == CABREF_CAA_RR_PERMITS <==> \at(CaaParamsAdmit(v, len, cfg), Pre); */
    /*@ assert fin: r == CABREF_CAA_RR_PERMITS <==> \at(CaaValueAuthorizes(v, len, cfg), Pre); */
    return r;
  }
}

/* CAA-PERMIT for the outcome alone: does the issue/issuewild value v authorize this CA (the
 * verdict PERMITS)? The issuer-domain-name is read first: a value whose issuer is none of the
 * CA's cannot authorize it, whatever the rest holds (RFC 8659 §4.2), so only a value naming the
 * CA is parsed, and a value outside the grammar never authorizes (CAA-VALUE-MALFORMED). */
/*@
  requires valid_v: \valid_read(v + (0 .. len - 1));
  requires valid_cfg: \valid_read(cfg);
  assigns \nothing;
  ensures boolean: \result == 0 || \result == 1;
  ensures exact: \result == 1 <==> CaaValueAuthorizes(v, len, cfg);
*/
static int value_permits(const uint8_t *v, size_t len, const cabref_caa_config *cfg) {
  cabref_caa_issue_value pv;
  size_t pos;
  size_t s = lead_end(v, len);
  size_t e = name_end(v, len, s);
  if (e == s || !issuer_known(v + s, e - s, cfg)) {
    /*@ assert no: !CaaValueAuthorizes(v, len, cfg); */
    return 0; /* CAA-ISSUER-MATCH: empty, or not one of the CA's names */
  }
  if (cabref_caa_issue_value_parse(v, len, (cabref_caa_profile)cfg->profile, &pv, &pos) !=
      CABREF_CAA_VALUE_OK) {
    /*@ assert no: !\at(CaaValueAuthorizes(v, len, cfg), Pre); */
    return 0;
  }
  if (cfg->rfc8657 == 0u) {
    /*@ assert yes: \at(CaaValueAuthorizes(v, len, cfg), Pre); */
    return 1; /* CAA-PARAM-UNKNOWN: parameters not processed */
  }
  /*@ assert parsed: CaaParamsOf(v, len, cfg->profile, pv); */
  /*@ assert admit: CaaParamsAdmit(v, len, cfg) <==>
        CaaParamsAdmitAt(v, cfg, cfg->account_uri_len, pv.n_accounturi, pv.accounturi.value_off,
                         pv.accounturi.value_len, pv.n_validationmethods,
                         pv.validationmethods.value_off, pv.validationmethods.value_len); */
  {
    cabref_caa_rr_verdict r = params_verdict(v, len, &pv, cfg);
    /*@ assert now: r == CABREF_CAA_RR_PERMITS <==> CaaParamsAdmit(v, len, cfg); */
    /*@ assert pre: r == CABREF_CAA_RR_PERMITS <==> \at(CaaParamsAdmit(v, len, cfg), Pre); */
    /*@ assert fin: r == CABREF_CAA_RR_PERMITS <==> \at(CaaValueAuthorizes(v, len, cfg), Pre); */
    return r == CABREF_CAA_RR_PERMITS ? 1 : 0;
  }
}

/* The value parser's status, reported beside a malformed-value verdict. */
/*@
  requires valid_v: \valid_read(v + (0 .. len - 1));
  assigns \nothing;
  ensures range: 0 <= \result <= CABREF_CAA_VALUE_UNEXPECTED;
*/
static uint16_t value_status(const uint8_t *v, size_t len, uint8_t profile) {
  cabref_caa_issue_value pv;
  size_t pos;
  return (uint16_t)cabref_caa_issue_value_parse(v, len, (cabref_caa_profile)profile, &pv, &pos);
}

cabref_caa_rr_verdict cabref_caa_value_verdict(const uint8_t *v, size_t len,
                                               const cabref_caa_config *cfg, uint8_t *detail) {
  cabref_caa_rr_verdict r = value_verdict(v, len, cfg);
  *detail = (uint8_t)value_status(v, len, cfg->profile);
  return r;
}

/* Record i of the set: its kind (an RDATA span outside the buffer is unreadable). */
/*@
  requires valid_buf: \valid_read(buf + (0 .. buf_len - 1));
  requires valid_rr: \valid_read(rr + i);
  requires valid_cfg: \valid_read(cfg);
  assigns \nothing;
  ensures kind: \let k = \result; \old(CaaRecKind(buf, buf_len, rr, i, cfg, k));
  ensures range: CABREF_CAA_KIND_MALFORMED <= \result <= CABREF_CAA_KIND_ISSUEWILD;
*/
static cabref_caa_kind record_kind(const uint8_t *buf, size_t buf_len, const cabref_caa_rr *rr,
                                   size_t i, const cabref_caa_config *cfg) {
  if (rr[i].off > buf_len || rr[i].len > buf_len - rr[i].off) {
    return CABREF_CAA_KIND_MALFORMED;
  }
  return classify(buf + rr[i].off, rr[i].len, cfg);
}

/* Record i, an issue or issuewild record: the verdict on its value. */
/*@
  requires valid_buf: \valid_read(buf + (0 .. buf_len - 1));
  requires valid_rr: \valid_read(rr + i);
  requires valid_cfg: \valid_read(cfg);
  requires issue: CaaRecKind(buf, buf_len, rr, i, cfg, CABREF_CAA_KIND_ISSUE) ||
    CaaRecKind(buf, buf_len, rr, i, cfg, CABREF_CAA_KIND_ISSUEWILD);
  assigns \nothing;
  ensures verdict: \result == CABREF_CAA_RR_PERMITS ||
    (CABREF_CAA_RR_MALFORMED_VALUE <= \result <= CABREF_CAA_RR_METHODS_DUPLICATE);
  ensures malformed: !\old(CaaRecValueOk(buf, rr, i, cfg)) ==>
    \result == CABREF_CAA_RR_MALFORMED_VALUE;
  ensures permits: \result == CABREF_CAA_RR_PERMITS ==> \old(CaaRecAuth(buf, rr, i, cfg));
  ensures exact: (\result == CABREF_CAA_RR_PERMITS <==> \old(CaaRecAuth(buf, rr, i, cfg)));
*/
static cabref_caa_rr_verdict record_value_verdict(const uint8_t *buf, size_t buf_len,
                                                  const cabref_caa_rr *rr, size_t i,
                                                  const cabref_caa_config *cfg) {
  size_t off = rr[i].off;
  size_t tl;
  /*@ assert layout: CaaInBuf(rr, i, buf_len) && CaaRdataLayout(buf + rr[i].off, rr[i].len); */
  tl = buf[off + 1u];
  (void)buf_len; /* the contract's: the record lies inside the buffer */
  return value_verdict(buf + off + 2u + tl, rr[i].len - 2u - tl, cfg);
}

/* Record i, an issue or issuewild record: does its value authorize this CA? */
/*@
  requires valid_buf: \valid_read(buf + (0 .. buf_len - 1));
  requires valid_rr: \valid_read(rr + i);
  requires valid_cfg: \valid_read(cfg);
  requires issue: CaaRecKind(buf, buf_len, rr, i, cfg, CABREF_CAA_KIND_ISSUE) ||
    CaaRecKind(buf, buf_len, rr, i, cfg, CABREF_CAA_KIND_ISSUEWILD);
  assigns \nothing;
  ensures boolean: \result == 0 || \result == 1;
  ensures permits: \result == 1 ==> CaaRecAuth(buf, rr, i, cfg);
  ensures exact: (\result == 1 <==> CaaRecAuth(buf, rr, i, cfg));
*/
static int record_permits(const uint8_t *buf, size_t buf_len, const cabref_caa_rr *rr, size_t i,
                          const cabref_caa_config *cfg) {
  size_t off = rr[i].off;
  size_t tl;
  /*@ assert layout: CaaInBuf(rr, i, buf_len) && CaaRdataLayout(buf + rr[i].off, rr[i].len); */
  tl = buf[off + 1u];
  (void)buf_len; /* the contract's: the record lies inside the buffer */
  return value_permits(buf + off + 2u + tl, rr[i].len - 2u - tl, cfg);
}

/* The value detail of record i (an issue or issuewild record). */
/*@
  requires valid_buf: \valid_read(buf + (0 .. buf_len - 1));
  requires valid_rr: \valid_read(rr + i);
  requires issue: CaaInBuf(rr, i, buf_len) && CaaRdataLayout(buf + rr[i].off, rr[i].len);
  assigns \nothing;
  ensures range: 0 <= \result <= CABREF_CAA_VALUE_UNEXPECTED;
*/
static uint16_t record_value_status(const uint8_t *buf, size_t buf_len, const cabref_caa_rr *rr,
                                    size_t i, uint8_t profile) {
  size_t off = rr[i].off;
  size_t tl = buf[off + 1u];
  (void)buf_len; /* the contract's: the record lies inside the buffer */
  return value_status(buf + off + 2u + tl, rr[i].len - 2u - tl, profile);
}

/* CAA-ISSUEWILD-IGNORED, CAA-ISSUEWILD-SHADOWS: record i, of kind k, applies to the request
 * (CaaRecApplies), given whether the set holds an issuewild record. */
/*@
  requires kind: CaaRecKind(buf, buf_len, rr, i, cfg, k);
  requires issuewild: has_issuewild == 1 <==>
    CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_ISSUEWILD);
  requires flag: has_issuewild == 0 || has_issuewild == 1;
  assigns \nothing;
  ensures applies: \result == 1 <==> CaaRecApplies(buf, buf_len, rr, n_rr, i, wildcard, cfg);
  ensures boolean: \result == 0 || \result == 1;
*/
static int record_applies(const uint8_t *buf, size_t buf_len, const cabref_caa_rr *rr, size_t n_rr,
                          size_t i, int wildcard, const cabref_caa_config *cfg, uint8_t k,
                          int has_issuewild) {
  (void)buf; /* the contract's logic reads them */
  (void)buf_len;
  (void)rr;
  (void)n_rr;
  (void)i;
  (void)cfg;
  if (k == (uint8_t)CABREF_CAA_KIND_ISSUEWILD) {
    /*@ assert wild_kind: CaaRecKind(buf, buf_len, rr, i, cfg, CABREF_CAA_KIND_ISSUEWILD) &&
          !CaaRecKind(buf, buf_len, rr, i, cfg, CABREF_CAA_KIND_ISSUE); */
    return wildcard != 0 ? 1 : 0;
  }
  if (k == (uint8_t)CABREF_CAA_KIND_ISSUE) {
    /*@ assert issue_kind: CaaRecKind(buf, buf_len, rr, i, cfg, CABREF_CAA_KIND_ISSUE) &&
          !CaaRecKind(buf, buf_len, rr, i, cfg, CABREF_CAA_KIND_ISSUEWILD); */
    if (wildcard == 0) {
      return 1;
    }
    return has_issuewild == 0 ? 1 : 0; /* issuewild, when present, shadows issue */
  }
  /*@ assert other_kind: !CaaRecKind(buf, buf_len, rr, i, cfg, CABREF_CAA_KIND_ISSUE) &&
        !CaaRecKind(buf, buf_len, rr, i, cfg, CABREF_CAA_KIND_ISSUEWILD); */
  return 0;
}

/* CAA-REASONS: the verdict on record i, of kind k, for this request (CaaVerdictOk). */
/*@
  requires valid_buf: \valid_read(buf + (0 .. buf_len - 1));
  requires valid_rr: \valid_read(rr + i);
  requires valid_cfg: \valid_read(cfg);
  requires kind: CaaRecKind(buf, buf_len, rr, i, cfg, k);
  requires kind_range: k <= CABREF_CAA_KIND_ISSUEWILD;
  requires issuewild: has_issuewild == 1 <==>
    CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_ISSUEWILD);
  requires flag: has_issuewild == 0 || has_issuewild == 1;
  assigns \nothing;
  ensures verdict: CaaVerdictOk(buf, buf_len, rr, n_rr, i, wildcard, cfg, \result);
  ensures value: \result == CABREF_CAA_RR_MALFORMED_VALUE ==>
    k == CABREF_CAA_KIND_ISSUE || k == CABREF_CAA_KIND_ISSUEWILD;
*/
static uint16_t record_verdict(const uint8_t *buf, size_t buf_len, const cabref_caa_rr *rr,
                               size_t n_rr, size_t i, int wildcard, const cabref_caa_config *cfg,
                               uint8_t k, int has_issuewild) {
  /*@ assert kinds: \forall integer k2; CaaRecKind(buf, buf_len, rr, i, cfg, k2) <==> k2 == k; */
  if (k == (uint8_t)CABREF_CAA_KIND_MALFORMED) {
    return (uint16_t)CABREF_CAA_RR_RDATA_MALFORMED; /* CAA-RDATA-DENY */
  }
  if (k == (uint8_t)CABREF_CAA_KIND_UNKNOWN_CRITICAL) {
    return (uint16_t)CABREF_CAA_RR_UNKNOWN_CRITICAL; /* CAA-CRITICAL */
  }
  if (k == (uint8_t)CABREF_CAA_KIND_UNKNOWN) {
    return (uint16_t)CABREF_CAA_RR_UNKNOWN_TAG;
  }
  if (k == (uint8_t)CABREF_CAA_KIND_NEUTRAL) {
    return (uint16_t)CABREF_CAA_RR_NEUTRAL;
  }
  if (record_applies(buf, buf_len, rr, n_rr, i, wildcard, cfg, k, has_issuewild) == 0) {
    /*@ assert not_applies: !CaaRecApplies(buf, buf_len, rr, n_rr, i, wildcard, cfg); */
    return (uint16_t)(k == (uint8_t)CABREF_CAA_KIND_ISSUEWILD ? CABREF_CAA_RR_ISSUEWILD_IGNORED
                                                              : CABREF_CAA_RR_ISSUE_SHADOWED);
  }
  /*@ assert applies: CaaRecApplies(buf, buf_len, rr, n_rr, i, wildcard, cfg); */
  return (uint16_t)record_value_verdict(buf, buf_len, rr, i, cfg);
}

/* The detail of record i's verdict v: the RDATA status of an unreadable or unknown record, the
 * value status of a malformed value, 0 otherwise. */
/*@
  requires valid_buf: \valid_read(buf + (0 .. buf_len - 1));
  requires valid_rr: \valid_read(rr + i);
  requires valid_cfg: \valid_read(cfg);
  requires kind: CaaRecKind(buf, buf_len, rr, i, cfg, k);
  requires verdict: v == CABREF_CAA_RR_MALFORMED_VALUE ==>
    k == CABREF_CAA_KIND_ISSUE || k == CABREF_CAA_KIND_ISSUEWILD;
  assigns \nothing;
  ensures range: \result <= CABREF_CAA_VALUE_UNEXPECTED;
*/
static uint16_t record_detail(const uint8_t *buf, size_t buf_len, const cabref_caa_rr *rr, size_t i,
                              const cabref_caa_config *cfg, uint8_t k, uint16_t v) {
  if (k == (uint8_t)CABREF_CAA_KIND_MALFORMED) {
    if (rr[i].off <= buf_len && rr[i].len <= buf_len - rr[i].off) {
      return rdata_status(buf + rr[i].off, rr[i].len);
    }
    return (uint16_t)CABREF_CAA_RDATA_TRUNCATED; /* RDATA outside the buffer */
  }
  if (k == (uint8_t)CABREF_CAA_KIND_UNKNOWN_CRITICAL || k == (uint8_t)CABREF_CAA_KIND_UNKNOWN) {
    /*@ assert inbuf: CaaInBuf(rr, i, buf_len); */
    return rdata_status(buf + rr[i].off, rr[i].len);
  }
  if (v == (uint16_t)CABREF_CAA_RR_MALFORMED_VALUE) {
    /*@ assert layout: CaaInBuf(rr, i, buf_len) && CaaRdataLayout(buf + rr[i].off, rr[i].len); */
    return record_value_status(buf, buf_len, rr, i, cfg->profile);
  }
  return 0;
}

/* The third layer: every record's verdict (into verdict[] and detail[], two-octet cells that
 * the logic of the input never reads), then the reason for the set (CAA-REASONS). */
/*@
  requires valid_buf: \valid_read(buf + (0 .. buf_len - 1));
  requires valid_rr: \valid_read(rr + (0 .. n_rr - 1));
  requires valid_cfg: \valid_read(cfg);
  requires capacity: n_rr <= CABREF_CAA_MAX_RECORDS;
  requires valid_out: \valid(verdict + (0 .. CABREF_CAA_MAX_RECORDS - 1)) &&
    \valid(detail + (0 .. CABREF_CAA_MAX_RECORDS - 1)) && \valid(permit_index);
  requires separated: \separated(verdict + (0 .. CABREF_CAA_MAX_RECORDS - 1),
    detail + (0 .. CABREF_CAA_MAX_RECORDS - 1), permit_index);
  assigns verdict[0 .. CABREF_CAA_MAX_RECORDS - 1], detail[0 .. CABREF_CAA_MAX_RECORDS - 1],
    *permit_index;
  ensures verdicts: \forall integer i; 0 <= i < n_rr ==>
    \let vd = verdict[i]; \old(CaaVerdictOk(buf, buf_len, rr, n_rr, i, wildcard, cfg, vd));
  ensures details: \forall integer i; 0 <= i < n_rr ==> detail[i] <= CABREF_CAA_VALUE_UNEXPECTED;
  ensures malformed: \result == CABREF_CAA_DENY_RDATA_MALFORMED <==>
    \old(CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_MALFORMED));
  ensures critical: \result == CABREF_CAA_DENY_UNKNOWN_CRITICAL <==>
    \old(!CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_MALFORMED) &&
         CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_UNKNOWN_CRITICAL));
  ensures no_records: \result == CABREF_CAA_PERMIT_NO_RECORDS <==> n_rr == 0;
  ensures no_issue: \result == CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY <==> n_rr >= 1 &&
    \old(!CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_MALFORMED) &&
         !CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_UNKNOWN_CRITICAL) &&
         !CaaAnyApplies(buf, buf_len, rr, n_rr, wildcard, cfg));
  ensures issuer: \result == CABREF_CAA_PERMIT_ISSUER ==> *permit_index < n_rr &&
    verdict[*permit_index] == CABREF_CAA_RR_PERMITS &&
    \forall integer j; 0 <= j < *permit_index ==> verdict[j] != CABREF_CAA_RR_PERMITS;
  ensures first_auth: \result == CABREF_CAA_PERMIT_ISSUER ==>
    \let k = *permit_index; \forall integer j; 0 <= j < k ==>
      \old(!(CaaRecApplies(buf, buf_len, rr, n_rr, j, wildcard, cfg) &&
              CaaRecAuth(buf, rr, j, cfg)));
  ensures index: \result != CABREF_CAA_PERMIT_ISSUER ==> *permit_index == 0;
  ensures reasons: \result == CABREF_CAA_PERMIT_NO_RECORDS ||
    \result == CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY || \result == CABREF_CAA_PERMIT_ISSUER ||
    \result == CABREF_CAA_DENY_RDATA_MALFORMED || \result == CABREF_CAA_DENY_UNKNOWN_CRITICAL ||
    \result == CABREF_CAA_DENY_NOT_AUTHORIZED;
  ensures sound:
    CaaPermitReason(\result) ==> \old(CaaPermits(buf, buf_len, rr, n_rr, wildcard, cfg));
  ensures exact:
    CaaPermitReason(\result) <==> \old(CaaPermits(buf, buf_len, rr, n_rr, wildcard, cfg));
*/
static cabref_caa_reason decide_core(const uint8_t *buf, size_t buf_len, const cabref_caa_rr *rr,
                                     size_t n_rr, int wildcard, const cabref_caa_config *cfg,
                                     uint16_t *verdict, uint16_t *detail, uint16_t *permit_index) {
  uint8_t kind[CABREF_CAA_MAX_RECORDS];
  size_t i, first = 0;
  int has_issuewild = 0, any_malformed = 0, any_critical = 0, any_applies = 0, found = 0;
  /* Pass 1: the kind of every record (it does not depend on the request). */
  /*@
    loop invariant bound: 0 <= i <= n_rr;
    loop invariant kinds: \forall integer j; 0 <= j < i ==>
      CaaRecKind(buf, buf_len, rr, j, cfg, kind[j]);
    loop invariant kind_range: \forall integer j; 0 <= j < i ==>
      kind[j] <= CABREF_CAA_KIND_ISSUEWILD;
    loop invariant issuewild: has_issuewild == 1 <==>
      CaaHasKind(buf, buf_len, rr, i, cfg, CABREF_CAA_KIND_ISSUEWILD);
    loop invariant malformed: any_malformed == 1 <==>
      CaaHasKind(buf, buf_len, rr, i, cfg, CABREF_CAA_KIND_MALFORMED);
    loop invariant critical: any_critical == 1 <==>
      CaaHasKind(buf, buf_len, rr, i, cfg, CABREF_CAA_KIND_UNKNOWN_CRITICAL);
    loop invariant flags: (has_issuewild == 0 || has_issuewild == 1) &&
      (any_malformed == 0 || any_malformed == 1) && (any_critical == 0 || any_critical == 1);
    loop assigns i, kind[0 .. CABREF_CAA_MAX_RECORDS - 1], has_issuewild, any_malformed,
      any_critical;
    loop variant n_rr - i;
  */
  for (i = 0; i < n_rr; i++) {
    cabref_caa_kind k = record_kind(buf, buf_len, rr, i, cfg);
    kind[i] = (uint8_t)k;
    if (k == CABREF_CAA_KIND_ISSUEWILD) {
      has_issuewild = 1;
    } else if (k == CABREF_CAA_KIND_MALFORMED) {
      any_malformed = 1;
    } else if (k == CABREF_CAA_KIND_UNKNOWN_CRITICAL) {
      any_critical = 1;
    }
  }
  /* Pass 2: what each record says about this request. */
  /*@
    loop invariant bound: 0 <= i <= n_rr;
    loop invariant verdicts: \forall integer j; 0 <= j < i ==>
      CaaVerdictOk(buf, buf_len, rr, n_rr, j, wildcard, cfg, verdict[j]);
    loop invariant details: \forall integer j; 0 <= j < i ==>
      detail[j] <= CABREF_CAA_VALUE_UNEXPECTED;
    loop invariant applies: any_applies == 1 <==>
      \exists integer j; 0 <= j < i && CaaRecApplies(buf, buf_len, rr, n_rr, j, wildcard, cfg);
    loop invariant found: found == 1 <==>
      \exists integer j; 0 <= j < i && verdict[j] == CABREF_CAA_RR_PERMITS;
    loop invariant first_bound: found == 1 ==> first < i;
    loop invariant first_permits: found == 1 ==> verdict[first] == CABREF_CAA_RR_PERMITS;
    loop invariant first_least: found == 1 ==>
      \forall integer j; 0 <= j < first ==> verdict[j] != CABREF_CAA_RR_PERMITS;
    loop invariant not_found: found == 0 ==> first == 0;
    loop invariant first_auth: \forall integer j;
      0 <= j < i && (found == 0 || j < first) ==>
        !(CaaRecApplies(buf, buf_len, rr, n_rr, j, wildcard, cfg) && CaaRecAuth(buf, rr, j, cfg));
    loop invariant flags: (any_applies == 0 || any_applies == 1) && (found == 0 || found == 1);
    loop assigns i, verdict[0 .. CABREF_CAA_MAX_RECORDS - 1],
      detail[0 .. CABREF_CAA_MAX_RECORDS - 1], any_applies, found, first;
    loop variant n_rr - i;
  */
  for (i = 0; i < n_rr; i++) {
    uint8_t k = kind[i];
    uint16_t v = record_verdict(buf, buf_len, rr, n_rr, i, wildcard, cfg, k, has_issuewild);
    if (record_applies(buf, buf_len, rr, n_rr, i, wildcard, cfg, k, has_issuewild) != 0) {
      any_applies = 1;
    }
    if (v == (uint16_t)CABREF_CAA_RR_PERMITS && !found) {
      found = 1;
      first = i;
    }
    verdict[i] = v;
    detail[i] = record_detail(buf, buf_len, rr, i, cfg, k, v);
  }
  /* What the two passes established, in the terms of CaaPermits (the verdicts are uint16_t
   * cells, which the logic of the input never reads). */
  /*@ assert applies_iff: any_applies == 1 <==>
        CaaAnyApplies(buf, buf_len, rr, n_rr, wildcard, cfg); */
  /*@ assert first_ok: found == 1 ==>
        CaaVerdictOk(buf, buf_len, rr, n_rr, first, wildcard, cfg, verdict[first]); */
  /*@ assert found_sound: found == 1 ==> CaaSomeAuthorizes(buf, buf_len, rr, n_rr, wildcard, cfg); */
  /*@ assert found_exact: CaaSomeAuthorizes(buf, buf_len, rr, n_rr, wildcard, cfg) ==> found == 1; */
  *permit_index = 0u;
  /* CAA-REASONS: deny reasons first, in their rank; then the permit reasons. */
  if (any_malformed) {
    return CABREF_CAA_DENY_RDATA_MALFORMED; /* CAA-RDATA-DENY */
  }
  if (any_critical) {
    return CABREF_CAA_DENY_UNKNOWN_CRITICAL; /* CAA-CRITICAL */
  }
  if (n_rr == 0u) {
    return CABREF_CAA_PERMIT_NO_RECORDS; /* CAA-EMPTY-SET */
  }
  if (!any_applies) {
    return CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY; /* CAA-NO-ISSUE */
  }
  if (found) {
    *permit_index = (uint16_t)first;
    return CABREF_CAA_PERMIT_ISSUER; /* CAA-PERMIT */
  }
  return CABREF_CAA_DENY_NOT_AUTHORIZED;
}

/* The outcome alone (CAA-REASONS without the per-record verdicts): the same reason and permit
 * index as decide_core, with no more work than they need. The kinds are read first (an
 * unreadable or unknown critical record denies whatever the others say); then the applying
 * records in order, up to the first that authorizes the CA. */
/*@
  requires valid_buf: \valid_read(buf + (0 .. buf_len - 1));
  requires valid_rr: \valid_read(rr + (0 .. n_rr - 1));
  requires valid_cfg: \valid_read(cfg);
  requires capacity: n_rr <= CABREF_CAA_MAX_RECORDS;
  requires valid_index: \valid(permit_index);
  requires separated: \separated(permit_index, buf + (0 .. buf_len - 1), rr + (0 .. n_rr - 1), cfg);
  assigns *permit_index;
  ensures malformed: \result == CABREF_CAA_DENY_RDATA_MALFORMED <==>
    \old(CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_MALFORMED));
  ensures critical: \result == CABREF_CAA_DENY_UNKNOWN_CRITICAL <==>
    \old(!CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_MALFORMED) &&
         CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_UNKNOWN_CRITICAL));
  ensures no_records: \result == CABREF_CAA_PERMIT_NO_RECORDS <==> n_rr == 0;
  ensures no_issue: \result == CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY <==> n_rr >= 1 &&
    \old(!CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_MALFORMED) &&
         !CaaHasKind(buf, buf_len, rr, n_rr, cfg, CABREF_CAA_KIND_UNKNOWN_CRITICAL) &&
         !CaaAnyApplies(buf, buf_len, rr, n_rr, wildcard, cfg));
  ensures reasons: \result == CABREF_CAA_PERMIT_NO_RECORDS ||
    \result == CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY || \result == CABREF_CAA_PERMIT_ISSUER ||
    \result == CABREF_CAA_DENY_RDATA_MALFORMED || \result == CABREF_CAA_DENY_UNKNOWN_CRITICAL ||
    \result == CABREF_CAA_DENY_NOT_AUTHORIZED;
  ensures issuer: \result == CABREF_CAA_PERMIT_ISSUER ==> *permit_index < n_rr &&
    \let k = *permit_index;
    \old(CaaRecApplies(buf, buf_len, rr, n_rr, k, wildcard, cfg) && CaaRecAuth(buf, rr, k, cfg));
  ensures first: \result == CABREF_CAA_PERMIT_ISSUER ==>
    \let k = *permit_index; \forall integer j; 0 <= j < k ==>
      \old(!(CaaRecApplies(buf, buf_len, rr, n_rr, j, wildcard, cfg) &&
              CaaRecAuth(buf, rr, j, cfg)));
  ensures index: \result != CABREF_CAA_PERMIT_ISSUER ==> *permit_index == 0;
  ensures sound:
    CaaPermitReason(\result) ==> \old(CaaPermits(buf, buf_len, rr, n_rr, wildcard, cfg));
  ensures exact:
    CaaPermitReason(\result) <==> \old(CaaPermits(buf, buf_len, rr, n_rr, wildcard, cfg));
*/
static cabref_caa_reason decide_outcome(const uint8_t *buf, size_t buf_len, const cabref_caa_rr *rr,
                                        size_t n_rr, int wildcard, const cabref_caa_config *cfg,
                                        uint16_t *permit_index) {
  uint8_t kind[CABREF_CAA_MAX_RECORDS];
  size_t i;
  int has_issuewild = 0, any_malformed = 0, any_critical = 0, any_applies = 0;
  /* The kind of every record (it does not depend on the request). */
  /*@
    loop invariant bound: 0 <= i <= n_rr;
    loop invariant kinds: \forall integer j; 0 <= j < i ==>
      CaaRecKind(buf, buf_len, rr, j, cfg, kind[j]);
    loop invariant kind_range: \forall integer j; 0 <= j < i ==>
      kind[j] <= CABREF_CAA_KIND_ISSUEWILD;
    loop invariant issuewild: has_issuewild == 1 <==>
      CaaHasKind(buf, buf_len, rr, i, cfg, CABREF_CAA_KIND_ISSUEWILD);
    loop invariant malformed: any_malformed == 1 <==>
      CaaHasKind(buf, buf_len, rr, i, cfg, CABREF_CAA_KIND_MALFORMED);
    loop invariant critical: any_critical == 1 <==>
      CaaHasKind(buf, buf_len, rr, i, cfg, CABREF_CAA_KIND_UNKNOWN_CRITICAL);
    loop invariant flags: (has_issuewild == 0 || has_issuewild == 1) &&
      (any_malformed == 0 || any_malformed == 1) && (any_critical == 0 || any_critical == 1);
    loop assigns i, kind[0 .. CABREF_CAA_MAX_RECORDS - 1], has_issuewild, any_malformed,
      any_critical;
    loop variant n_rr - i;
  */
  for (i = 0; i < n_rr; i++) {
    cabref_caa_kind k = record_kind(buf, buf_len, rr, i, cfg);
    kind[i] = (uint8_t)k;
    if (k == CABREF_CAA_KIND_ISSUEWILD) {
      has_issuewild = 1;
    } else if (k == CABREF_CAA_KIND_MALFORMED) {
      any_malformed = 1;
    } else if (k == CABREF_CAA_KIND_UNKNOWN_CRITICAL) {
      any_critical = 1;
    }
  }
  /* CAA-REASONS: the deny reasons first, in their rank. */
  if (any_malformed) {
    *permit_index = 0u;
    return CABREF_CAA_DENY_RDATA_MALFORMED; /* CAA-RDATA-DENY */
  }
  if (any_critical) {
    *permit_index = 0u;
    return CABREF_CAA_DENY_UNKNOWN_CRITICAL; /* CAA-CRITICAL */
  }
  /* The applying records in order, up to the first that authorizes the CA (CAA-PERMIT). */
  /*@
    loop invariant bound: 0 <= i <= n_rr;
    loop invariant applies: any_applies == 1 <==>
      \exists integer j; 0 <= j < i && CaaRecApplies(buf, buf_len, rr, n_rr, j, wildcard, cfg);
    loop invariant none: \forall integer j; 0 <= j < i ==>
      !(CaaRecApplies(buf, buf_len, rr, n_rr, j, wildcard, cfg) && CaaRecAuth(buf, rr, j, cfg));
    loop invariant flag: any_applies == 0 || any_applies == 1;
    loop assigns i, any_applies;
    loop variant n_rr - i;
  */
  for (i = 0; i < n_rr; i++) {
    if (record_applies(buf, buf_len, rr, n_rr, i, wildcard, cfg, kind[i], has_issuewild) != 0) {
      any_applies = 1;
      if (record_permits(buf, buf_len, rr, i, cfg) != 0) {
        *permit_index = (uint16_t)i;
        return CABREF_CAA_PERMIT_ISSUER; /* CAA-PERMIT */
      }
    }
  }
  *permit_index = 0u;
  if (n_rr == 0u) {
    return CABREF_CAA_PERMIT_NO_RECORDS; /* CAA-EMPTY-SET */
  }
  if (!any_applies) {
    return CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY; /* CAA-NO-ISSUE */
  }
  return CABREF_CAA_DENY_NOT_AUTHORIZED;
}

cabref_caa_reason cabref_caa_decide_reason(const uint8_t *buf, size_t buf_len,
                                           const cabref_caa_rr *rr, size_t n_rr, int wildcard,
                                           const cabref_caa_config *cfg, uint16_t *permit_index) {
  /* CAA-CAPACITY: refusing can never be a wrong permit. */
  if (n_rr > CABREF_CAA_MAX_RECORDS) {
    *permit_index = 0u;
    return CABREF_CAA_DENY_CAPACITY;
  }
  return decide_outcome(buf, buf_len, rr, n_rr, wildcard, cfg, permit_index);
}

void cabref_caa_decide(const uint8_t *buf, size_t buf_len, const cabref_caa_rr *rr, size_t n_rr,
                       int wildcard, const cabref_caa_config *cfg, cabref_caa_decision *out) {
  uint16_t verdict[CABREF_CAA_MAX_RECORDS], detail[CABREF_CAA_MAX_RECORDS];
  uint16_t index = 0;
  cabref_caa_reason r;
  size_t i;
  /* CAA-CAPACITY: refusing can never be a wrong permit. */
  if (n_rr > CABREF_CAA_MAX_RECORDS) {
    out->permit = 0u;
    out->reason = (uint8_t)CABREF_CAA_DENY_CAPACITY;
    out->permit_index = 0u;
    out->n = 0u;
    return;
  }
  r = decide_core(buf, buf_len, rr, n_rr, wildcard, cfg, verdict, detail, &index);
  /* The caller's one-octet cells are written only now, after every fact about the input. */
  /*@
    loop invariant bound: 0 <= i <= n_rr;
    loop invariant copied: \forall integer j; 0 <= j < i ==>
      out->verdict[j] == verdict[j] && out->detail[j] == detail[j];
    loop assigns i, out->verdict[0 .. CABREF_CAA_MAX_RECORDS - 1],
      out->detail[0 .. CABREF_CAA_MAX_RECORDS - 1];
    loop variant n_rr - i;
  */
  for (i = 0; i < n_rr; i++) {
    out->verdict[i] = (uint8_t)verdict[i];
    out->detail[i] = (uint8_t)detail[i];
  }
  out->n = (uint32_t)n_rr;
  out->permit_index = index;
  out->reason = (uint8_t)r;
  out->permit = (r == CABREF_CAA_PERMIT_NO_RECORDS || r == CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY ||
                 r == CABREF_CAA_PERMIT_ISSUER)
                    ? 1u
                    : 0u;
}

const char *cabref_caa_reason_code(cabref_caa_reason r) {
  switch (r) {
  case CABREF_CAA_PERMIT_NO_RECORDS:
    return "no-records";
  case CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY:
    return "no-issue-property";
  case CABREF_CAA_PERMIT_ISSUER:
    return "issuer-permits";
  case CABREF_CAA_DENY_RDATA_MALFORMED:
    return "rdata-malformed";
  case CABREF_CAA_DENY_UNKNOWN_CRITICAL:
    return "unknown-critical";
  case CABREF_CAA_DENY_NOT_AUTHORIZED:
    return "not-authorized";
  case CABREF_CAA_DENY_CAPACITY:
    return "too-many-records";
  default:
    return "unknown";
  }
}

const char *cabref_caa_verdict_code(cabref_caa_rr_verdict v) {
  switch (v) {
  case CABREF_CAA_RR_PERMITS:
    return "permits";
  case CABREF_CAA_RR_RDATA_MALFORMED:
    return "rdata-malformed";
  case CABREF_CAA_RR_UNKNOWN_CRITICAL:
    return "unknown-critical";
  case CABREF_CAA_RR_UNKNOWN_TAG:
    return "unknown-tag";
  case CABREF_CAA_RR_NEUTRAL:
    return "neutral";
  case CABREF_CAA_RR_ISSUEWILD_IGNORED:
    return "issuewild-ignored";
  case CABREF_CAA_RR_ISSUE_SHADOWED:
    return "issue-shadowed";
  case CABREF_CAA_RR_MALFORMED_VALUE:
    return "malformed-value";
  case CABREF_CAA_RR_EMPTY_ISSUER:
    return "empty-issuer";
  case CABREF_CAA_RR_ISSUER_MISMATCH:
    return "issuer-mismatch";
  case CABREF_CAA_RR_ACCOUNTURI_MISMATCH:
    return "accounturi-mismatch";
  case CABREF_CAA_RR_ACCOUNTURI_DUPLICATE:
    return "accounturi-duplicate";
  case CABREF_CAA_RR_METHODS_MISMATCH:
    return "methods-mismatch";
  case CABREF_CAA_RR_METHODS_MALFORMED:
    return "methods-malformed";
  case CABREF_CAA_RR_METHODS_DUPLICATE:
    return "methods-duplicate";
  default:
    return "unknown";
  }
}
