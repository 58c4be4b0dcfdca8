/* cabref: Base Domain Names and Authorization Domain Names (spec/adn.md ADN-BDN, ADN-CAND-*,
 * ADN-COVERS, ADN-DNS-PREFIX). Pure: the name is parsed and its public suffix counted by the
 * caller; candidates are start label indices into the caller's parsed name. */
#include <stddef.h>

#include "cabref/adn.h"

/* ADN-WILDCARD: BR 1.6.1 "Authorization Domain Name" (SC48 wording): remove "*." from the
 * left-most portion of a Wildcard Domain Name. The parser admits "*" only as the leftmost
 * label, so stripping is starting at label 1. */
/*@
  requires \valid_read(name);
  assigns \nothing;
  ensures \result == StripStart(name->wildcard);
*/
static unsigned strip_start(const cabref_name *name) {
  return name->wildcard != 0 ? 1u : 0u;
}

/* ADN-BDN: BR 1.6.1 "Base Domain Name": the public suffix plus one label; the Specification 13
 * gTLD itself when the option applies. */
cabref_status cabref_adn_bdn(const cabref_name *name, uint8_t suffix_labels, int spec13,
                             uint8_t *start) {
  unsigned n, st, s;
  if (name == NULL || start == NULL) {
    return CABREF_E_NULL;
  }
  n = name->n_labels;
  st = strip_start(name);
  s = suffix_labels;
  if (n < 1 || n > CABREF_NAME_MAX_LABELS || n - st < 1 || s > n - st) {
    return CABREF_E_RANGE;
  }
  if (s == 0) {
    *start = (uint8_t)CABREF_ADN_NONE; /* no public suffix known: no BDN */
  } else if (spec13 != 0) {
    *start = (uint8_t)(n - 1); /* ADN-SPEC13: the gTLD itself */
  } else if (n - st > s) {
    *start = (uint8_t)(n - s - 1);
  } else {
    *start = (uint8_t)CABREF_ADN_NONE; /* the name is itself a public suffix */
  }
  return CABREF_OK;
}

/* ADN-CAND-SET, ADN-CAND-ORDER, ADN-CAND-LIMIT: BR 1.6.1 "Authorization Domain Name": prune zero or
 * more labels from the left until the Base Domain Name, any of the values yielded (the BDN
 * included, SC48). Longest first; the Spec 13 gTLD, if any, last. */
cabref_status cabref_adn_candidates(const cabref_name *name, uint8_t suffix_labels, int spec13,
                                    uint8_t *starts, size_t cap, size_t *count) {
  unsigned n, st, s, normal, extra, i;
  if (name == NULL || count == NULL || (starts == NULL && cap > 0)) {
    return CABREF_E_NULL;
  }
  n = name->n_labels;
  st = strip_start(name);
  s = suffix_labels;
  if (n < 1 || n > CABREF_NAME_MAX_LABELS || n - st < 1 || s > n - st) {
    return CABREF_E_RANGE;
  }
  normal = (s >= 1 && n - st > s) ? n - st - s : 0u;
  extra = (spec13 != 0 && s >= 1) ? 1u : 0u;
  *count = (size_t)(normal + extra);
  if ((size_t)(normal + extra) > cap) {
    return CABREF_E_CAPACITY;
  }
  /*@
    loop invariant bound: 0 <= i <= normal;
    loop invariant filled: \forall integer j; 0 <= j < i ==> starts[j] == st + j;
    loop assigns i, starts[0 .. normal - 1];
    loop variant normal - i;
  */
  for (i = 0; i < normal; i++) {
    starts[i] = (uint8_t)(st + i);
  }
  if (extra != 0) {
    starts[normal] = (uint8_t)(n - 1); /* ADN-SPEC13 */
  }
  return CABREF_OK;
}

/* RFC 4343: ASCII case folding only. */
/*@
  assigns \nothing;
  ensures \result == AdnLower(c);
*/
static int lower_ascii(int c) {
  return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/*@
  requires \valid_read(a + (la.off .. la.off + la.len - 1));
  requires \valid_read(b + (lb.off .. lb.off + lb.len - 1));
  assigns \nothing;
  ensures equal: \result == 1 ==> AdnLabelEq(a, la.off, la.len, b, lb.off, lb.len);
  ensures differ: \result == 0 ==> !AdnLabelEq(a, la.off, la.len, b, lb.off, lb.len);
  ensures boolean: \result == 0 || \result == 1;
*/
static int label_equal(const char *a, cabref_label la, const char *b, cabref_label lb) {
  const char *pa = a + la.off;
  const char *pb = b + lb.off;
  unsigned x;
  if (la.len != lb.len) {
    return 0;
  }
  /*@
    loop invariant bound: 0 <= x <= la.len;
    loop invariant same: \forall integer y; 0 <= y < x ==>
      AdnLower(a[la.off + y]) == AdnLower(b[lb.off + y]);
    loop assigns x;
    loop variant la.len - x;
  */
  for (x = 0; x < la.len; x++) {
    int ca = lower_ascii(pa[x]);
    int cb = lower_ascii(pb[x]);
    /*@ assert same_bytes: pa[x] == a[la.off + x] && pb[x] == b[lb.off + x]; */
    if (ca != cb) {
      /*@ assert mismatch: AdnLower(a[la.off + x]) != AdnLower(b[lb.off + x]); */
      return 0;
    }
  }
  /*@ assert all_same: \forall integer y; 0 <= y < la.len ==>
        AdnLower(a[la.off + y]) == AdnLower(b[lb.off + y]); */
  /*@ assert same_len: la.len == lb.len; */
  return 1;
}

/* labels[k .. n-1] of na equal nb. */
/*@
  requires \valid_read(na) && AdnLabelsReadable(a, na);
  requires \valid_read(nb) && AdnLabelsReadable(b, nb);
  requires 0 <= k;
  assigns \nothing;
  ensures \result == 1 <==> AdnTailEq(a, na, k, b, nb);
  ensures \result == 0 || \result == 1;
*/
static int tail_equal(const char *a, const cabref_name *na, unsigned k, const char *b,
                      const cabref_name *nb) {
  unsigned i;
  if (k > na->n_labels || na->n_labels - k != nb->n_labels) {
    return 0;
  }
  /*@
    loop invariant bound: 0 <= i <= nb->n_labels;
    loop invariant same: \forall integer j; 0 <= j < i ==>
      AdnLabelEq(a, na->labels[k + j].off, na->labels[k + j].len, b, nb->labels[j].off,
                 nb->labels[j].len);
    loop assigns i;
    loop variant nb->n_labels - i;
  */
  for (i = 0; i < nb->n_labels; i++) {
    if (!label_equal(a, na->labels[k + i], b, nb->labels[i])) {
      return 0;
    }
  }
  return 1;
}

/* ADN-COVERS: BR 3.2.2.4.4 "Each email MAY confirm control of multiple FQDNs, provided the
 * Authorization Domain Name used in the email is an Authorization Domain Name for each FQDN
 * being confirmed" (Ballot 169); the same test serves every method. */
int cabref_adn_covers(const char *fqdn_buf, const cabref_name *fqdn, uint8_t suffix_labels,
                      int spec13, const char *adn_buf, const cabref_name *adn, int exact) {
  unsigned n, st, s, k;
  if (fqdn == NULL || adn == NULL) {
    return 0;
  }
  n = fqdn->n_labels;
  st = strip_start(fqdn);
  s = suffix_labels;
  if (n < 1 || n > CABREF_NAME_MAX_LABELS || n - st < 1 || s > n - st) {
    return 0;
  }
  if (adn->wildcard != 0 || adn->n_labels > n) {
    return 0;
  }
  k = n - adn->n_labels;
  /* IsCandidate: s >= 1, st <= k < n, longer than the suffix or the Spec 13 gTLD. */
  if (s < 1 || k < st || k >= n || !(n - k > s || (spec13 != 0 && k == n - 1))) {
    return 0;
  }
  if (exact != 0 && k != st) {
    return 0; /* ADN-METHOD-EXACT */
  }
  return tail_equal(fqdn_buf, fqdn, k, adn_buf, adn);
}

/* ADN-DNS-PREFIX: BR 3.2.2.4.7 (Ballot 169): "... in a DNS TXT or CAA record for an
 * Authorization Domain Name or an Authorization Domain Name that is prefixed with a label that
 * begins with an underscore character". */
int cabref_adn_dns_change_name(const char *q_buf, const cabref_name *q, const char *adn_buf,
                               const cabref_name *adn) {
  if (q == NULL || adn == NULL || q->wildcard != 0 || adn->wildcard != 0) {
    return 0;
  }
  if (tail_equal(q_buf, q, 0, adn_buf, adn)) {
    return 1;
  }
  if (q->n_labels == (unsigned)adn->n_labels + 1u && q_buf[q->labels[0].off] == '_') {
    return tail_equal(q_buf, q, 1, adn_buf, adn);
  }
  return 0;
}
