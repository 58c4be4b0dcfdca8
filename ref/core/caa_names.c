/* cabref: the CAA decision for every dNSName of a certificate (spec/caa.md CAA-MULTI-NAME). The
 * shell finds each name's relevant set; the core decides each name on its set and combines. */
#include <stddef.h>

#include "cabref/caa.h"

/* RFC 8659 §2.2, BR 1.6.1: a Wildcard Domain Name is "*." followed by an FQDN. */
/*@
  requires valid_s: \valid_read(s + (0 .. len - 1));
  assigns \nothing;
  ensures wildcard: \result == 1 <==> CaaWildcardName(s, len);
  ensures boolean: \result == 0 || \result == 1;
*/
static int is_wildcard(const char *s, size_t len) {
  return (len >= 2u && s[0] == '*' && s[1] == '.') ? 1 : 0;
}

/*@
  assigns \nothing;
  ensures lower: \result == CaaLower(c);
*/
static int lower_ascii(int c) {
  return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* BR 1.6.1 Onion Domain Name: a name whose last label is "onion" (RFC 7686), ASCII case
 * ignored; "onion" alone is the special-use name itself, not an Onion Domain Name
 * (CAA-DETAIL-NAMES). */
/*@
  requires valid_s: \valid_read(s + (0 .. len - 1));
  assigns \nothing;
  ensures onion: \result == 1 <==> CaaOnionName(s, len);
  ensures boolean: \result == 0 || \result == 1;
*/
static int is_onion(const char *s, size_t len) {
  if (len < 7u) {
    return 0;
  }
  return (s[len - 6u] == '.' && lower_ascii(s[len - 5u]) == 'o' &&
          lower_ascii(s[len - 4u]) == 'n' && lower_ascii(s[len - 3u]) == 'i' &&
          lower_ascii(s[len - 2u]) == 'o' && lower_ascii(s[len - 1u]) == 'n')
             ? 1
             : 0;
}

/* One name: BR 3.2.2.8 "for each dNSName ... that does not contain an Onion Domain Name". */
/*@
  requires valid_text: \valid_read(text + (0 .. text_len - 1));
  requires valid_nm: \valid_read(nm);
  requires valid_buf: \valid_read(buf + (0 .. buf_len - 1));
  requires valid_rr: \valid_read(rr + (0 .. n_rr - 1));
  requires valid_cfg: \valid_read(cfg);
  requires valid_o: \valid(o);
  requires separated: \separated(o, text + (0 .. text_len - 1), nm, buf + (0 .. buf_len - 1),
    rr + (0 .. n_rr - 1), cfg);
  assigns *o;
  ensures outcome: \let r = o->result; \let why = o->reason; \let w = o->wildcard;
    \old(CaaNameOk(text, text_len, nm, buf, buf_len, rr, n_rr, cfg, r, why, w));
*/
static void decide_one(const char *text, size_t text_len, const cabref_caa_san *nm,
                       const uint8_t *buf, size_t buf_len, const cabref_caa_rr *rr, size_t n_rr,
                       const cabref_caa_config *cfg, cabref_caa_name_outcome *o) {
  cabref_caa_reason r;
  int wild;
  o->permit_index = 0u;
  o->wildcard = 0u;
  o->reason = (uint16_t)CABREF_CAA_DENY_RDATA_MALFORMED;
  o->result = (uint16_t)CABREF_CAA_NAME_DENY;
  if (nm->off > text_len || nm->len > text_len - nm->off) {
    return; /* the name cannot be read */
  }
  wild = is_wildcard(text + nm->off, nm->len);
  o->wildcard = (uint16_t)wild;
  if (is_onion(text + nm->off, nm->len)) {
    o->reason = (uint16_t)CABREF_CAA_PERMIT_NO_RECORDS;
    o->result = (uint16_t)CABREF_CAA_NAME_ONION_EXEMPT;
    return;
  }
  if (nm->lookup == (uint8_t)CABREF_CAA_RELEVANT_NONE) {
    r = cabref_caa_decide_reason(buf, buf_len, rr, 0u, wild, cfg, &o->permit_index);
  } else if (nm->lookup == (uint8_t)CABREF_CAA_RELEVANT_FOUND) {
    if (nm->set_off > n_rr || nm->set_n > n_rr - nm->set_off) {
      return; /* the set cannot be read */
    }
    r = cabref_caa_decide_reason(buf, buf_len, rr + nm->set_off, nm->set_n, wild, cfg,
                                 &o->permit_index);
  } else {
    o->reason = (uint16_t)CABREF_CAA_DENY_NOT_AUTHORIZED;
    o->result = (uint16_t)CABREF_CAA_NAME_LOOKUP_FAILURE; /* CAA-RELEVANT: set unknown */
    return;
  }
  o->reason = (uint16_t)r;
  o->result = (uint16_t)((r == CABREF_CAA_PERMIT_NO_RECORDS ||
                          r == CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY || r == CABREF_CAA_PERMIT_ISSUER)
                             ? CABREF_CAA_NAME_PERMIT
                             : CABREF_CAA_NAME_DENY);
}

int cabref_caa_names(const char *text, size_t text_len, const cabref_caa_san *names, size_t n_names,
                     const uint8_t *buf, size_t buf_len, const cabref_caa_rr *rr, size_t n_rr,
                     const cabref_caa_config *cfg, cabref_caa_name_outcome *res) {
  size_t k;
  int all = 1;
  /*@
    loop invariant bound: 0 <= k <= n_names;
    loop invariant outcomes: \forall integer j; 0 <= j < k ==>
      \let r = res[j].result; \let why = res[j].reason; \let w = res[j].wildcard;
      \at(CaaNameOk(text, text_len, names + j, buf, buf_len, rr, n_rr, cfg, r, why, w), Pre);
    loop assigns k, res[0 .. n_names - 1];
    loop variant n_names - k;
  */
  for (k = 0; k < n_names; k++) {
    cabref_caa_name_outcome o;
    decide_one(text, text_len, &names[k], buf, buf_len, rr, n_rr, cfg, &o);
    res[k].result = o.result;
    res[k].reason = o.reason;
    res[k].wildcard = o.wildcard;
    res[k].permit_index = o.permit_index;
  }
  /* CAA-MULTI-NAME: the certificate is permitted iff every name is (an onion name counts as
   * permitted, so a certificate of only onion names is: CAA-DETAIL-NAMES). */
  /*@
    loop invariant bound: 0 <= k <= n_names;
    loop invariant all: all == 1 <==> \forall integer j; 0 <= j < k ==>
      res[j].result == CABREF_CAA_NAME_PERMIT || res[j].result == CABREF_CAA_NAME_ONION_EXEMPT;
    loop invariant boolean: all == 0 || all == 1;
    loop assigns k, all;
    loop variant n_names - k;
  */
  for (k = 0; k < n_names; k++) {
    if (res[k].result != (uint16_t)CABREF_CAA_NAME_PERMIT &&
        res[k].result != (uint16_t)CABREF_CAA_NAME_ONION_EXEMPT) {
      all = 0;
    }
  }
  return all;
}
