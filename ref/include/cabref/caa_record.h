/* cabref: CAA records and their property values, the proven core. Requirements: spec/caa.md
 * (CAA-RDATA-*, CAA-VALUE-*, CAA-IODEF-*); ACSL vocabulary: spec/caa_value_logic.h.
 *
 * Everything here works on bytes the caller owns: the RDATA of one CAA resource record, or the
 * value part of it. Results are spans (offset, length) relative to the start of the bytes passed
 * in; nothing is copied, allocated or modified. The decision that uses these is cabref/caa.h.
 */
#ifndef CABREF_CAA_RECORD_H
#define CABREF_CAA_RECORD_H

#include <stddef.h>
#include <stdint.h>

/* RFC 8659 §4.1: bit 0 of the flags octet (value 128) is the Issuer Critical Flag; every other
 * bit is reserved and ignored by a CA (the flag-1 option of cabref/caa.h aside). */
#define CABREF_CAA_FLAG_CRITICAL 0x80u
/* Bit 7 (value 1): reserved; read as critical by some CAs (spec/caa.md CAA-FLAGS). */
#define CABREF_CAA_FLAG_ONE 0x01u

/* RDATA limit: a resource record's RDATA has at most 65535 octets (RFC 1035 §3.2.1 RDLENGTH). */
#define CABREF_CAA_MAX_RDATA 65535u

/* The property tags RFC 8659 defines (matched ASCII case-insensitively, RFC 8659 §4.1). */
typedef enum {
  CABREF_CAA_TAG_OTHER = 0, /* any other tag; the decision asks the CA's configuration */
  CABREF_CAA_TAG_ISSUE = 1,
  CABREF_CAA_TAG_ISSUEWILD = 2,
  CABREF_CAA_TAG_IODEF = 3
} cabref_caa_tag_kind;

/* CAA-RDATA-*: why RDATA was refused. Stable values (JSON codes in spec/caa.md). */
typedef enum {
  CABREF_CAA_RDATA_OK = 0,
  CABREF_CAA_RDATA_TRUNCATED = 1,    /* fewer than 2 octets: no flags or no tag length */
  CABREF_CAA_RDATA_TAG_EMPTY = 2,    /* tag length 0 (RFC 8659 §4.1: at least 1) */
  CABREF_CAA_RDATA_TAG_PAST_END = 3, /* 2 + tag length > RDATA length */
  CABREF_CAA_RDATA_TAG_NUL = 4,      /* a NUL octet in the tag */
  CABREF_CAA_RDATA_TAG_BAD_CHAR = 5, /* a tag octet that is not an ASCII letter or digit */
  CABREF_CAA_RDATA_TOO_LONG = 6      /* more than 65535 octets */
} cabref_caa_rdata_error;

/* One parsed CAA record. Offsets are relative to the RDATA's first octet. Filled on
 * CABREF_CAA_RDATA_OK and also on CABREF_CAA_RDATA_TAG_NUL / _TAG_BAD_CHAR (the layout is sound,
 * only the tag's characters are not), so that the decision can treat the record as an unknown
 * property (spec/caa.md CAA-RDATA-TAG-CHARS). */
typedef struct {
  uint8_t flags;    /* the raw flags octet */
  uint8_t critical; /* 1 iff flags & CABREF_CAA_FLAG_CRITICAL */
  uint8_t tag_kind; /* cabref_caa_tag_kind; CABREF_CAA_TAG_OTHER when the tag is not valid */
  uint8_t tag_len;  /* 1..255 */
  uint32_t tag_off; /* always 2 */
  uint32_t value_off;
  uint32_t value_len; /* the rest of the RDATA, 0..65533 - tag_len */
} cabref_caa_record;

/* Which text governs issue/issuewild values. */
typedef enum {
  CABREF_CAA_PROFILE_RFC8659 = 0,      /* RFC 8659 §4.2 grammar (BR since 1.7.3, 2020-10-19) */
  CABREF_CAA_PROFILE_RFC6844_E5065 = 1 /* RFC 6844 §5.2 grammar, erratum 5065 (BR Appendix A) */
} cabref_caa_profile;

/* CAA-VALUE-*: why an issue/issuewild value does not follow its grammar. Any of these makes the
 * property one "specifying an empty issuer-domain-name" (RFC 8659 §4.2). Stable values. */
typedef enum {
  CABREF_CAA_VALUE_OK = 0,
  CABREF_CAA_VALUE_BAD_ISSUER = 1,         /* issuer-domain-name not dot-separated LDH labels */
  CABREF_CAA_VALUE_BAD_PARAM_TAG = 2,      /* parameter tag not (ALPHA / DIGIT) with interior '-' */
  CABREF_CAA_VALUE_PARAM_NO_EQUALS = 3,    /* a parameter without '=' */
  CABREF_CAA_VALUE_BAD_PARAM_VALUE = 4,    /* a parameter value octet outside its set */
  CABREF_CAA_VALUE_TRAILING_SEMICOLON = 5, /* ';' after the last parameter, or ";;" (RFC 8659) */
  CABREF_CAA_VALUE_NON_ASCII = 6,          /* an octet >= 0x80 (UTF-8 or not: never in grammar) */
  CABREF_CAA_VALUE_CONTROL = 7,            /* NUL, another control octet, or DEL */
  CABREF_CAA_VALUE_UNEXPECTED = 8          /* anything else out of place, e.g. "ca.example x" */
} cabref_caa_value_error;

/* A parameter of an issue/issuewild value: offsets relative to the value's first octet. */
typedef struct {
  uint32_t tag_off, tag_len;
  uint32_t value_off, value_len;
} cabref_caa_param;

#define CABREF_CAA_MAX_PARAMS 16u /* parameters kept for display; all are checked and counted */

/* A parsed issue/issuewild value. */
typedef struct {
  uint32_t issuer_off, issuer_len;                /* issuer_len 0: empty issuer-domain-name */
  uint32_t n_params;                              /* every parameter of the value */
  cabref_caa_param params[CABREF_CAA_MAX_PARAMS]; /* the first min(n_params, MAX) of them */
  /* RFC 8657 parameters, tags matched ASCII case-insensitively (spec/caa.md CAA-PARAM-CASE): */
  uint32_t n_accounturi;              /* how many "accounturi" parameters */
  cabref_caa_param accounturi;        /* the first one, when n_accounturi >= 1 */
  uint32_t n_validationmethods;       /* how many "validationmethods" parameters */
  cabref_caa_param validationmethods; /* the first one, when n_validationmethods >= 1 */
} cabref_caa_issue_value;

/* RFC 8657 §4 validationmethods list membership. */
typedef enum {
  CABREF_CAA_METHODS_MATCH = 0,    /* the method is one of the labels */
  CABREF_CAA_METHODS_NO_MATCH = 1, /* well-formed, method not listed (or the list is empty) */
  CABREF_CAA_METHODS_MALFORMED = 2 /* not [*(label ",") label], label = 1*(ALPHA / DIGIT / "-") */
} cabref_caa_methods_result;

/* RFC 8659 §4.4 iodef URL schemes. */
typedef enum {
  CABREF_CAA_IODEF_MAILTO = 0,
  CABREF_CAA_IODEF_HTTP = 1,
  CABREF_CAA_IODEF_HTTPS = 2,
  CABREF_CAA_IODEF_OTHER = 3,    /* a scheme RFC 8659 does not name: reported, never used */
  CABREF_CAA_IODEF_MALFORMED = 4 /* no "scheme:" at the start, or octets outside URL text */
} cabref_caa_iodef_scheme;

#ifdef __FRAMAC__
#include "caa_value_logic.h"
#endif

/* ---- caa_rdata.c ---------------------------------------------------------------------------
 * CAA-RDATA-*: split rdata[0 .. len-1] into flags, tag and value (RFC 8659 §4.1). Total: any
 * bytes and any len give a status; never reads outside rdata[0 .. len-1]. On error *err_pos is
 * the offset of the offending octet: len for a truncation, 1 (the tag length) for tag-empty and
 * tag-past-end, the first octet of the tag that is not a letter or digit for tag-nul and
 * tag-bad-char, 65535 for too-long. *out is written on OK, tag-nul and tag-bad-char only. */
/*@
  requires valid_rdata: \valid_read(rdata + (0 .. len - 1));
  requires valid_out: \valid(out) && \valid(err_pos);
  requires separated: \separated(rdata + (0 .. len - 1), out, err_pos);
  requires separated_out: \separated(out, err_pos);
  assigns *out, *err_pos;
  ensures iff_ok: \result == CABREF_CAA_RDATA_OK <==> \old(CaaRdataOk(rdata, len));
  ensures layout: \result == CABREF_CAA_RDATA_OK || \result == CABREF_CAA_RDATA_TAG_NUL ||
    \result == CABREF_CAA_RDATA_TAG_BAD_CHAR ==>
      out->flags == \old(rdata[0]) && out->tag_off == 2 && out->tag_len == \old(rdata[1]) &&
      out->tag_len >= 1 && out->value_off == 2 + out->tag_len &&
      out->value_off + out->value_len == len;
  ensures critical: \result == CABREF_CAA_RDATA_OK || \result == CABREF_CAA_RDATA_TAG_NUL ||
    \result == CABREF_CAA_RDATA_TAG_BAD_CHAR ==>
      (out->critical == 1 <==> \old(rdata[0]) >= 128) && (out->critical == 0 || out->critical == 1);
  ensures err_pos: \result != CABREF_CAA_RDATA_OK ==> *err_pos <= len;
  behavior too_long:
    assumes len > CABREF_CAA_MAX_RDATA;
    assigns *err_pos;
    ensures status: \result == CABREF_CAA_RDATA_TOO_LONG;
    ensures pos: *err_pos == CABREF_CAA_MAX_RDATA;
  behavior truncated:
    assumes len <= CABREF_CAA_MAX_RDATA && len < 2;
    assigns *err_pos;
    ensures status: \result == CABREF_CAA_RDATA_TRUNCATED;
    ensures pos: *err_pos == len;
  behavior tag_empty:
    assumes 2 <= len <= CABREF_CAA_MAX_RDATA && rdata[1] == 0;
    assigns *err_pos;
    ensures status: \result == CABREF_CAA_RDATA_TAG_EMPTY;
    ensures pos: *err_pos == 1;
  behavior tag_past_end:
    assumes 2 <= len <= CABREF_CAA_MAX_RDATA && rdata[1] >= 1 && 2 + rdata[1] > len;
    assigns *err_pos;
    ensures status: \result == CABREF_CAA_RDATA_TAG_PAST_END;
    ensures pos: *err_pos == 1;
  behavior tag_nul:
    assumes CaaRdataLayout(rdata, len) && CaaTagFirstBad(rdata, 2, 2 + rdata[1]) != 2 + rdata[1] &&
      rdata[CaaTagFirstBad(rdata, 2, 2 + rdata[1])] == 0;
    ensures status: \result == CABREF_CAA_RDATA_TAG_NUL;
    ensures pos: *err_pos == \old(CaaTagFirstBad(rdata, 2, 2 + rdata[1]));
    ensures kind: out->tag_kind == CABREF_CAA_TAG_OTHER;
  behavior tag_bad_char:
    assumes CaaRdataLayout(rdata, len) && CaaTagFirstBad(rdata, 2, 2 + rdata[1]) != 2 + rdata[1] &&
      rdata[CaaTagFirstBad(rdata, 2, 2 + rdata[1])] != 0;
    ensures status: \result == CABREF_CAA_RDATA_TAG_BAD_CHAR;
    ensures pos: *err_pos == \old(CaaTagFirstBad(rdata, 2, 2 + rdata[1]));
    ensures kind: out->tag_kind == CABREF_CAA_TAG_OTHER;
  behavior ok:
    assumes CaaRdataLayout(rdata, len) && CaaTagFirstBad(rdata, 2, 2 + rdata[1]) == 2 + rdata[1];
    assigns *out;
    ensures status: \result == CABREF_CAA_RDATA_OK;
    ensures tag_chars: \old(CaaTagChars(rdata, rdata[1]));
    ensures kind: out->tag_kind == \old(CaaTagKindOf(rdata, 2, rdata[1]));
  complete behaviors;
  disjoint behaviors;
*/
cabref_caa_rdata_error cabref_caa_rdata_parse(const uint8_t *rdata, size_t len,
                                              cabref_caa_record *out, size_t *err_pos);

/* ---- caa_value.c ---------------------------------------------------------------------------
 * CAA-VALUE-*: parse an issue or issuewild value v[0 .. len-1] under a profile's grammar.
 * CABREF_CAA_VALUE_OK iff the value is in the grammar (CaaIssueValueOk, spec/caa_value_logic.h);
 * then *out holds the issuer span (possibly empty) and the parameters. On error *out is an empty
 * issuer with no parameter (CAA-VALUE-MALFORMED) and *err_pos is the offset of the first octet
 * where the grammar fails: the octet that no continuation of the value before it can hold, or
 * len when the value stops too early; for a trailing ';' (RFC 8659), the offset of that ';'.
 * The error code says what the grammar expected there (spec/caa.md):
 *   an octet >= 0x80: non-ascii; a control octet or DEL: control (CAA-VALUE-BYTES);
 *   in or before the issuer (e.g. "%%%%%", "-ca", "ca..example", "ca.example."): bad-issuer;
 *   where a parameter tag should start, a ';' (";;", "a=1;;"): trailing-semicolon, another octet:
 *   bad-param-tag; inside a tag, a hyphen at its end or another octet: bad-param-tag; a tag
 *   followed by a blank (RFC 6844), ';' or the end, or by blanks and not '=' (RFC 8659):
 *   param-no-equals; a value octet after a value and blanks ("a=1 2", RFC 8659): bad-param-value;
 *   anything after the issuer and blanks but ';': unexpected; an unknown profile or a value of
 *   more than 65535 octets: unexpected at offset 0 (at 65535). */
/*@
  requires valid_v: \valid_read(v + (0 .. len - 1));
  requires valid_out: \valid(out) && \valid(err_pos);
  requires separated: \separated(v + (0 .. len - 1), out, err_pos);
  requires separated_out: \separated(out, err_pos);
  assigns *out, *err_pos;
  ensures grammar: \result == CABREF_CAA_VALUE_OK <==> \old(CaaIssueValueOk(v, len, profile));
  ensures codes: CABREF_CAA_VALUE_OK <= \result <= CABREF_CAA_VALUE_UNEXPECTED;
  ensures within: \result == CABREF_CAA_VALUE_OK ==> CaaValueWithin(out, len);
  ensures accounturi: \result == CABREF_CAA_VALUE_OK ==>
    out->n_accounturi == \old(CaaParamCount(v, profile, 1, len)) &&
    (out->n_accounturi >= 1 ==>
       out->accounturi.value_off == \old(CaaParamValueOff(v, profile, 1, len)) &&
       out->accounturi.value_len == \old(CaaParamValueLen(v, profile, 1, len)));
  ensures methods: \result == CABREF_CAA_VALUE_OK ==>
    out->n_validationmethods == \old(CaaParamCount(v, profile, 2, len)) &&
    (out->n_validationmethods >= 1 ==>
       out->validationmethods.value_off == \old(CaaParamValueOff(v, profile, 2, len)) &&
       out->validationmethods.value_len == \old(CaaParamValueLen(v, profile, 2, len)));
  ensures empty: \result != CABREF_CAA_VALUE_OK ==> out->issuer_off == 0 &&
    out->issuer_len == 0 && out->n_params == 0 && out->n_accounturi == 0 &&
    out->n_validationmethods == 0;
  ensures err_pos: \result != CABREF_CAA_VALUE_OK ==> *err_pos <= len;
  ensures viable: \result != CABREF_CAA_VALUE_OK && len <= CABREF_CAA_MAX_RDATA ==>
    \let e = *err_pos; \at(CaaState(v, profile, e), Pre) != CABREF_CAA_ST_DEAD;
  ensures fails_at: \result != CABREF_CAA_VALUE_OK && len <= CABREF_CAA_MAX_RDATA &&
    \result != CABREF_CAA_VALUE_TRAILING_SEMICOLON && *err_pos < len ==>
      \let e = *err_pos; \at(CaaState(v, profile, e + 1), Pre) == CABREF_CAA_ST_DEAD;
  ensures non_ascii: \result == CABREF_CAA_VALUE_NON_ASCII ==>
    *err_pos < len && \let e = *err_pos; \at(v[e], Pre) >= 0x80;
  ensures control: \result == CABREF_CAA_VALUE_CONTROL ==>
    *err_pos < len && \let e = *err_pos; CaaControl(\at(v[e], Pre));
*/
cabref_caa_value_error cabref_caa_issue_value_parse(const uint8_t *v, size_t len,
                                                    cabref_caa_profile profile,
                                                    cabref_caa_issue_value *out, size_t *err_pos);

/* CAA-PARAM-METHODS: is method[0 .. mlen-1] one of the labels of the validationmethods value
 * v[0 .. len-1]? Labels are compared ASCII case-insensitively (spec/caa.md). The whole list is
 * checked: a malformed list is MALFORMED even after a matching label. */
/*@
  requires valid_v: \valid_read(v + (0 .. len - 1));
  requires valid_method: \valid_read(method + (0 .. mlen - 1));
  assigns \nothing;
  ensures malformed: \result == CABREF_CAA_METHODS_MALFORMED <==> !CaaMethodsList(v, len);
  ensures match: \result == CABREF_CAA_METHODS_MATCH <==>
    CaaMethodsList(v, len) && CaaMethodsHas(v, len, method, mlen);
  ensures codes: \result == CABREF_CAA_METHODS_MATCH || \result == CABREF_CAA_METHODS_NO_MATCH ||
    \result == CABREF_CAA_METHODS_MALFORMED;
*/
cabref_caa_methods_result cabref_caa_methods_contains(const uint8_t *v, size_t len,
                                                      const char *method, size_t mlen);

/* CAA-IODEF: the URL scheme of an iodef value: "mailto:", "http:", "https:" (ASCII
 * case-insensitive), another RFC 3986 scheme and ':' (other), else malformed; malformed too if
 * any octet is outside 0x21-0x7E. */
/*@
  requires valid_v: \valid_read(v + (0 .. len - 1));
  assigns \nothing;
  ensures malformed: \result == CABREF_CAA_IODEF_MALFORMED <==>
    !CaaIodefText(v, len) || !(\exists integer k; CaaIodefScheme(v, len, k));
  ensures mailto: \result == CABREF_CAA_IODEF_MAILTO <==>
    CaaIodefText(v, len) && CaaIodefScheme(v, len, 6) && CaaIodefMailto(v);
  ensures http: \result == CABREF_CAA_IODEF_HTTP <==>
    CaaIodefText(v, len) && CaaIodefScheme(v, len, 4) && CaaIodefHttp(v);
  ensures https: \result == CABREF_CAA_IODEF_HTTPS <==>
    CaaIodefText(v, len) && CaaIodefScheme(v, len, 5) && CaaIodefHttps(v);
  ensures codes: CABREF_CAA_IODEF_MAILTO <= \result <= CABREF_CAA_IODEF_MALFORMED;
*/
cabref_caa_iodef_scheme cabref_caa_iodef_parse(const uint8_t *v, size_t len);

#endif
