/* cabref: the CAA decision for every dNSName of a certificate (spec/caa.md CAA-MULTI-NAME). The
 * shell finds each name's relevant set; the core decides each name on its set and combines. */
#include <stddef.h>

#include "cabref/caa.h"

/* RFC 8659 §2.2, BR 1.6.1: a Wildcard Domain Name is "*." followed by an FQDN. */
static int is_wildcard(const char *s, size_t len) {
  return len >= 2u && s[0] == '*' && s[1] == '.';
}

static int lower_ascii(int c) {
  return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* BR 1.6.1 Onion Domain Name: a name whose last label is "onion" (RFC 7686), ASCII case
 * ignored; "onion" alone is the special-use name itself, not an Onion Domain Name. */
static int is_onion(const char *s, size_t len) {
  const char *t;
  if (len < 7u) {
    return 0;
  }
  t = s + (len - 6u);
  return t[0] == '.' && lower_ascii(t[1]) == 'o' && lower_ascii(t[2]) == 'n' &&
         lower_ascii(t[3]) == 'i' && lower_ascii(t[4]) == 'o' && lower_ascii(t[5]) == 'n';
}

/* One name: BR 3.2.2.8 "for each dNSName ... that does not contain an Onion Domain Name". */
static void decide_one(const char *text, size_t text_len, const cabref_caa_san *nm,
                       const uint8_t *buf, size_t buf_len, const cabref_caa_rr *rr, size_t n_rr,
                       const cabref_caa_config *cfg, cabref_caa_name_outcome *o) {
  cabref_caa_decision d;
  o->permit_index = 0u;
  o->wildcard = 0u;
  o->reason = (uint8_t)CABREF_CAA_DENY_RDATA_MALFORMED;
  o->result = (uint8_t)CABREF_CAA_NAME_DENY;
  if (nm->off > text_len || nm->len > text_len - nm->off) {
    return; /* the name cannot be read */
  }
  o->wildcard = is_wildcard(text + nm->off, nm->len) ? 1u : 0u;
  if (is_onion(text + nm->off, nm->len)) {
    o->reason = (uint8_t)CABREF_CAA_PERMIT_NO_RECORDS;
    o->result = (uint8_t)CABREF_CAA_NAME_ONION_EXEMPT;
    return;
  }
  if (nm->lookup == (uint8_t)CABREF_CAA_RELEVANT_NONE) {
    cabref_caa_decide(buf, buf_len, rr, 0u, o->wildcard, cfg, &d); /* CAA-EMPTY-SET */
  } else if (nm->lookup == (uint8_t)CABREF_CAA_RELEVANT_FOUND) {
    if (nm->set_off > n_rr || nm->set_n > n_rr - nm->set_off) {
      return; /* the set cannot be read */
    }
    cabref_caa_decide(buf, buf_len, rr + nm->set_off, nm->set_n, o->wildcard, cfg, &d);
  } else {
    o->reason = (uint8_t)CABREF_CAA_DENY_NOT_AUTHORIZED;
    o->result = (uint8_t)CABREF_CAA_NAME_LOOKUP_FAILURE; /* CAA-RELEVANT: set unknown */
    return;
  }
  o->reason = d.reason;
  o->permit_index = d.permit_index;
  o->result = (uint8_t)(d.permit != 0u ? CABREF_CAA_NAME_PERMIT : CABREF_CAA_NAME_DENY);
}

int cabref_caa_names(const char *text, size_t text_len, const cabref_caa_san *names, size_t n_names,
                     const uint8_t *buf, size_t buf_len, const cabref_caa_rr *rr, size_t n_rr,
                     const cabref_caa_config *cfg, cabref_caa_name_outcome *res) {
  size_t k;
  int all = 1;
  for (k = 0; k < n_names; k++) {
    decide_one(text, text_len, &names[k], buf, buf_len, rr, n_rr, cfg, &res[k]);
    if (res[k].result != (uint8_t)CABREF_CAA_NAME_PERMIT &&
        res[k].result != (uint8_t)CABREF_CAA_NAME_ONION_EXEMPT) {
      all = 0;
    }
  }
  return all;
}
