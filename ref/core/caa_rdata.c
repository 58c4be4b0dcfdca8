/* cabref: the RDATA of a CAA resource record (spec/caa.md CAA-RDATA-*, CAA-FLAGS, CAA-TAG-CASE),
 * the proven core. Contracts: ref/include/cabref/caa_record.h; logic: spec/caa_value_logic.h.
 */
#include "cabref/caa_record.h"

/* RFC 8659 §4.1: a tag octet is an ASCII letter or digit. */
/*@
  assigns \nothing;
  ensures alnum: \result == 1 <==> CaaAlnum(c);
  ensures flag: \result == 0 || \result == 1;
*/
static int is_alnum(unsigned c) {
  return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ? 1 : 0;
}

/* CAA-TAG-CASE (RFC 8659 §4.1): ASCII case folding, letters only. */
/*@
  assigns \nothing;
  ensures lower: \result == CaaLower(c);
*/
static unsigned lower(unsigned c) {
  return (c >= 'A' && c <= 'Z') ? c + 32u : c;
}

/* CAA-TAG-CASE: which of the tags RFC 8659 defines (§4.2 issue, §4.3 issuewild, §4.4 iodef) the
 * n octets at t are, up to ASCII case. */
/*@
  requires valid_tag: \valid_read(r + (o .. o + n - 1));
  assigns \nothing;
  ensures kind: \result == CaaTagKindOf(r, o, n);
*/
static uint8_t tag_kind(const uint8_t *r, size_t o, size_t n) {
  const uint8_t *t = r + o;
  if (n == 5u && lower(t[0]) == 'i' && lower(t[1]) == 's' && lower(t[2]) == 's' &&
      lower(t[3]) == 'u' && lower(t[4]) == 'e') {
    return (uint8_t)CABREF_CAA_TAG_ISSUE;
  }
  if (n == 9u && lower(t[0]) == 'i' && lower(t[1]) == 's' && lower(t[2]) == 's' &&
      lower(t[3]) == 'u' && lower(t[4]) == 'e' && lower(t[5]) == 'w' && lower(t[6]) == 'i' &&
      lower(t[7]) == 'l' && lower(t[8]) == 'd') {
    return (uint8_t)CABREF_CAA_TAG_ISSUEWILD;
  }
  if (n == 5u && lower(t[0]) == 'i' && lower(t[1]) == 'o' && lower(t[2]) == 'd' &&
      lower(t[3]) == 'e' && lower(t[4]) == 'f') {
    return (uint8_t)CABREF_CAA_TAG_IODEF;
  }
  return (uint8_t)CABREF_CAA_TAG_OTHER;
}

/* CAA-RDATA-TAG-CHARS: the offset of the first octet of r[2 .. e-1] that is not a letter or
 * digit, e if there is none. */
/*@
  requires valid_r: \valid_read(r + (0 .. e - 1));
  requires range: 2 <= e;
  assigns \nothing;
  ensures first_bad: \result == CaaTagFirstBad(r, 2, e);
  ensures range: 2 <= \result <= e;
  ensures all: \result == e ==> \forall integer k; 2 <= k < e ==> CaaAlnum(r[k]);
  ensures bad: \result < e ==> !CaaAlnum(r[\result]);
*/
static size_t tag_first_bad(const uint8_t *r, size_t e) {
  size_t k;
  /*@
    loop invariant range: 2 <= k <= e;
    loop invariant same: CaaTagFirstBad(r, 2, e) == CaaTagFirstBad(r, k, e);
    loop invariant good: \forall integer j; 2 <= j < k ==> CaaAlnum(r[j]);
    loop assigns k;
    loop variant e - k;
  */
  for (k = 2; k < e; k++) {
    if (!is_alnum(r[k])) {
      /*@ assert here: CaaTagFirstBad(r, k, e) == k; */
      return k;
    }
    /*@ assert next: CaaTagFirstBad(r, k, e) == CaaTagFirstBad(r, k + 1, e); */
  }
  /*@ assert end: CaaTagFirstBad(r, k, e) == e; */
  return e;
}

/* CAA-RDATA-FORMAT, CAA-RDATA-TAG-LEN, CAA-RDATA-TOTAL (spec/caa.md): flags, tag length, tag,
 * and the value as every remaining octet, whatever the octets and the length; the layout is
 * checked before the tag's characters (CAA-DETAIL-CODES), each error at the position
 * CAA-DETAIL-OFFSET names (the length when truncated, the tag-length octet for tag-empty and
 * tag-past-end, the bad tag octet itself). */
cabref_caa_rdata_error cabref_caa_rdata_parse(const uint8_t *rdata, size_t len,
                                              cabref_caa_record *out, size_t *err_pos) {
  size_t n, bad;
  uint8_t kind;
  cabref_caa_rdata_error status;
  /* RFC 1035 §3.2.1: RDLENGTH is 16 bits. */
  if (len > CABREF_CAA_MAX_RDATA) {
    *err_pos = CABREF_CAA_MAX_RDATA;
    return CABREF_CAA_RDATA_TOO_LONG;
  }
  /* RFC 8659 §4.1: one flags octet and one tag length octet come first. */
  if (len < 2u) {
    *err_pos = len;
    return CABREF_CAA_RDATA_TRUNCATED;
  }
  n = rdata[1];
  /* RFC 8659 §4.1: the tag length is at least 1 ... */
  if (n == 0u) {
    *err_pos = 1;
    return CABREF_CAA_RDATA_TAG_EMPTY;
  }
  /* ... and the tag lies inside the RDATA; the value is every octet after it. */
  if (n > len - 2u) {
    *err_pos = 1;
    return CABREF_CAA_RDATA_TAG_PAST_END;
  }
  /* RFC 8659 §4.1: tags hold ASCII letters and digits only (no upper length limit: a long tag
   * is an unknown tag). */
  bad = tag_first_bad(rdata, 2u + n);
  if (bad < 2u + n) {
    kind = (uint8_t)CABREF_CAA_TAG_OTHER;
    status = rdata[bad] == 0u ? CABREF_CAA_RDATA_TAG_NUL : CABREF_CAA_RDATA_TAG_BAD_CHAR;
    *err_pos = bad;
  } else {
    kind = tag_kind(rdata, 2u, n);
    status = CABREF_CAA_RDATA_OK;
  }
  out->flags = rdata[0];
  /* RFC 8659 §4.1: the flag of value 128 is the Issuer Critical Flag; other bits are ignored. */
  out->critical = rdata[0] >= CABREF_CAA_FLAG_CRITICAL ? 1u : 0u; /* the top bit of an octet */
  out->tag_kind = kind;
  out->tag_len = (uint8_t)n;
  out->tag_off = 2u;
  out->value_off = (uint32_t)(2u + n);
  out->value_len = (uint32_t)(len - 2u - n);
  return status;
}
