/* cabref fuzz target: ADN candidate enumeration (spec/adn.md ADN-CAND-SET, ADN-CAND-ORDER,
 * ADN-CAND-LIMIT, ADN-WILDCARD, ADN-BDN, ADN-SPEC13, ADN-COVERS, ADN-DNS-PREFIX) and the method
 * table's invariants (ADN-METHOD-STATUS, ADN-METHOD-INTRO, ADN-METHOD-SUNSET,
 * ADN-METHOD-DISCOURAGED, ADN-METHOD-EXACT, ADN-METHOD-CNAME,
 * ADN-EMAIL, ADN-PORTS). Input: byte 0 = public-suffix
 * label count (taken modulo n_labels + 2, so that out-of-range counts are tried), byte 1 = flags
 * (bit 0 spec13, bit 1 exact, bits 2-6 a method), bytes 2-9 = an instant, the rest = the name.
 * Checks the C twins of the contracts: every candidate is a label-suffix of the stripped FQDN,
 * longer than the suffix unless it is the Spec 13 gTLD; strictly increasing (each once, longest
 * first); every such suffix is listed; the count matches; the BDN is the last candidate; every
 * candidate covers the name and nothing else does; a "_x." prefix of a candidate is a DNS Change
 * location. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/adn.h"

#define CHECK(c)                                                                                   \
  do {                                                                                             \
    if (!(c))                                                                                      \
      abort();                                                                                     \
  } while (0)

static int is_candidate(unsigned n, unsigned st, unsigned s, int spec13, unsigned k) {
  return s >= 1 && st <= k && k < n && (n - k > s || (spec13 && k == n - 1));
}

static void check_methods(const uint8_t *data, size_t size) {
  cabref_adn_rules r;
  uint64_t u = 0;
  cabref_instant t;
  size_t i;
  uint32_t m = size > 1 ? (uint32_t)((data[1] >> 2) & 0x1f) : 0;
  for (i = 2; i < 10 && i < size; i++)
    u = (u << 8) | data[i];
  t = (cabref_instant)(u % 400000000u) + 1400000000; /* 2014 .. 2026 mostly */
  if (cabref_adn_method_rules(m, t, &r) != CABREF_OK) {
    CHECK(m < 1 || m > CABREF_ADN_METHOD_MAX);
    return;
  }
  CHECK(r.method == m);
  CHECK(r.status == (t < r.introduced     ? CABREF_ADN_NOT_DEFINED
                     : t >= r.sunset      ? CABREF_ADN_RETIRED
                     : t >= r.discouraged ? CABREF_ADN_DISCOURAGED
                                          : CABREF_ADN_ALLOWED));
  if (r.status == CABREF_ADN_NOT_DEFINED || r.status == CABREF_ADN_RETIRED)
    CHECK(!r.wildcard && !r.prune && !r.cname && !r.prefix && !r.constructed_email &&
          !r.authorized_ports);
  CHECK(r.wildcard == r.prune);
  CHECK(!r.cname || r.prune);
  CHECK(!r.constructed_email || m == 4);
  if (m == 22)
    CHECK(!r.cname);
  CHECK(cabref_adn_authorized_port(115, t) ==
        (t >= CABREF_ADN_T_BALLOT_169 && t < CABREF_ADN_T_BALLOT_190));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cabref_name nm, cn;
  uint8_t starts[CABREF_NAME_MAX_LABELS], seen[CABREF_NAME_MAX_LABELS], bdn;
  size_t count = 0, pos, i, len;
  unsigned n, st, s, k, want = 0;
  int spec13, exact;
  char *text, *q;
  cabref_status rc;

  check_methods(data, size);
  if (size < 10)
    return 0;
  spec13 = data[1] & 1;
  exact = (data[1] >> 1) & 1;
  len = size - 10;
  text = malloc(len ? len : 1); /* an exactly sized copy */
  if (text == NULL)
    return 0;
  memcpy(text, data + 10, len);
  if (cabref_name_parse(text, len, CABREF_NAME_ALLOW_WILDCARD | CABREF_NAME_ALLOW_TRAILING_DOT, &nm,
                        &pos) != CABREF_NAME_OK) {
    free(text);
    return 0;
  }
  n = nm.n_labels;
  st = nm.wildcard ? 1u : 0u;
  s = data[0] % (n + 2u);
  rc = cabref_adn_candidates(&nm, (uint8_t)s, spec13, starts, sizeof starts, &count);
  if (n - st < 1 || s > n - st) {
    CHECK(rc == CABREF_E_RANGE);
    CHECK(cabref_adn_bdn(&nm, (uint8_t)s, spec13, &bdn) == CABREF_E_RANGE);
    free(text);
    return 0;
  }
  CHECK(rc == CABREF_OK);
  memset(seen, 0, sizeof seen);
  for (k = 0; k < n; k++)
    want += (unsigned)is_candidate(n, st, s, spec13, k);
  CHECK(count == want);
  for (i = 0; i < count; i++) {
    CHECK(is_candidate(n, st, s, spec13, starts[i]));
    CHECK(n - starts[i] >= (spec13 ? 1u : s + 1u));
    if (i > 0)
      CHECK(starts[i - 1] < starts[i]);
    seen[starts[i]] = 1;
  }
  for (k = 0; k < n; k++)
    CHECK(seen[k] == is_candidate(n, st, s, spec13, k));
  CHECK(cabref_adn_bdn(&nm, (uint8_t)s, spec13, &bdn) == CABREF_OK);
  CHECK(count == 0 ? bdn == CABREF_ADN_NONE : bdn == starts[count - 1]);
  /* ADN-COVERS: the label-suffix starting at k covers the name iff k is a candidate (and, with
   * exact, the stripped FQDN). */
  for (k = st; k < n; k++) {
    size_t off = nm.labels[k].off, alen = nm.text_len - off;
    char *a = malloc(alen + 2);
    int c;
    if (a == NULL)
      break;
    memcpy(a, text + off, alen);
    if (cabref_name_parse(a, alen, 0, &cn, &pos) == CABREF_NAME_OK) {
      c = cabref_adn_covers(text, &nm, (uint8_t)s, spec13, a, &cn, exact);
      CHECK(c == (is_candidate(n, st, s, spec13, k) && (!exact || k == st)));
      /* ADN-DNS-PREFIX: "_x." + candidate */
      q = malloc(alen + 3);
      if (q != NULL) {
        cabref_name qn;
        q[0] = '_';
        q[1] = 'x';
        q[2] = '.';
        memcpy(q + 3, a, alen);
        if (cabref_name_parse(q, alen + 3, CABREF_NAME_ALLOW_UNDERSCORE, &qn, &pos) ==
            CABREF_NAME_OK)
          CHECK(cabref_adn_dns_change_name(q, &qn, a, &cn) == 1);
        CHECK(cabref_adn_dns_change_name(a, &cn, a, &cn) == 1);
        free(q);
      }
    }
    free(a);
  }
  free(text);
  return 0;
}
