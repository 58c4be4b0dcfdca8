/* cabref: the logic of spec/adn.md, in ACSL, for the contracts of ref/include/cabref/adn.h.
 *
 * ACSL only: a C compiler sees nothing but comments. adn.h includes this file after its type
 * definitions when __FRAMAC__ is defined. Everything is a definition (no axiomatic blocks).
 * The dates are the named constants of adn.h (one per ballot, each citing it).
 *
 * Vocabulary. n is the number of labels of a parsed name (the wildcard label included), st is
 * 1 when the leftmost label is the wildcard "*" and 0 otherwise, so that labels[st .. n-1] is
 * the wildcard-stripped FQDN (ADN-WILDCARD). A candidate is named by its start label index k:
 * candidate k is the name labels[k .. n-1]; it has n - k labels. s is the number of labels of
 * the public suffix, counted from the right on the stripped FQDN (0: no suffix known).
 */
#ifndef CABREF_ADN_LOGIC_H
#define CABREF_ADN_LOGIC_H

/*@
  // ---- ADN-WILDCARD, ADN-BDN, ADN-CAND ------------------------------------------------------

  logic integer StripStart(integer wildcard) = wildcard != 0 ? 1 : 0;

  // Candidate k of nm is a label-suffix of the wildcard-stripped FQDN.
  predicate IsLabelSuffix{L}(cabref_name *nm, integer k) =
    StripStart(nm->wildcard) <= k < nm->n_labels;

  // The shape the enumeration accepts: 1..127 labels, at least one after the wildcard, and a
  // suffix no longer than the stripped FQDN.
  predicate AdnShape(integer n, integer st, integer s) =
    1 <= n <= CABREF_NAME_MAX_LABELS && n - st >= 1 && 0 <= s <= n - st;

  // ADN-SPEC13: the one-label gTLD itself, when the caller says the Specification 13 option
  // applies to this name's TLD.
  predicate Spec13Tld(integer n, integer s, integer spec13, integer k) =
    spec13 != 0 && s >= 1 && k == n - 1;

  // ADN-CAND-SET: k is a candidate: a label-suffix of the stripped FQDN that is strictly longer
  // than the public suffix (so at least as long as the Base Domain Name), or the Spec 13 gTLD.
  predicate IsCandidate(integer n, integer st, integer s, integer spec13, integer k) =
    s >= 1 && st <= k < n && (n - k > s || Spec13Tld(n, s, spec13, k));

  // ADN-BDN: the Base Domain Name has s + 1 labels; with the Spec 13 option it is the gTLD.
  logic integer BdnLength(integer s, integer spec13) = spec13 != 0 ? 1 : s + 1;

  // Number of candidates longer than the suffix, and whether the Spec 13 gTLD is added.
  logic integer NormalCount(integer n, integer st, integer s) =
    (s >= 1 && n - st > s) ? n - st - s : 0;
  logic integer ExtraCount(integer n, integer st, integer s, integer spec13) =
    (spec13 != 0 && s >= 1 && n - st >= 1) ? 1 : 0;
  logic integer CandidateCount(integer n, integer st, integer s, integer spec13) =
    NormalCount(n, st, s) + ExtraCount(n, st, s, spec13);

  // ADN-CAND-ORDER: where candidate k sits in the list (longest first).
  logic integer CandidatePos(integer n, integer st, integer s, integer k) =
    n - k > s ? k - st : NormalCount(n, st, s);

  // ADN-BDN: the Base Domain Name is the last (shortest) candidate; none when there is none.
  predicate HasBdn(integer n, integer st, integer s, integer spec13) =
    CandidateCount(n, st, s, spec13) >= 1;
  logic integer BdnStart(integer n, integer st, integer s, integer spec13) =
    ExtraCount(n, st, s, spec13) == 1 ? n - 1 : n - s - 1;

  // ---- Label text (ADN-COVERS, ADN-DNS-PREFIX) ---------------------------------------------

  // RFC 4343: ASCII case-insensitive comparison; bytes outside 'A'..'Z' compare as they are.
  logic integer AdnLower(integer c) = 65 <= c <= 90 ? c + 32 : c;

  // Every label of nm is non-empty and readable in buf.
  predicate AdnLabelsReadable{L}(char *buf, cabref_name *nm) =
    nm->n_labels <= CABREF_NAME_MAX_LABELS &&
    \forall integer i; 0 <= i < nm->n_labels ==>
      nm->labels[i].len >= 1 &&
      \valid_read(buf + (nm->labels[i].off .. nm->labels[i].off + nm->labels[i].len - 1));

  predicate AdnLabelEq{L}(char *a, integer aoff, integer alen, char *b, integer boff,
                          integer blen) =
    alen == blen &&
    \forall integer x; 0 <= x < alen ==> AdnLower(a[aoff + x]) == AdnLower(b[boff + x]);

  // labels[k .. n-1] of na, as text, equal the whole of nb (label by label, ignoring ASCII case).
  predicate AdnTailEq{L}(char *a, cabref_name *na, integer k, char *b, cabref_name *nb) =
    0 <= k && na->n_labels - k == nb->n_labels &&
    \forall integer i; 0 <= i < nb->n_labels ==> AdnLabelEq(a, na->labels[k + i].off, na->labels[k + i].len,
                                                   b, nb->labels[i].off, nb->labels[i].len);

  // ADN-COVERS: adn (an FQDN, no wildcard) is an ADN of fqdn; with exact, only the stripped
  // FQDN itself (methods restricted to the FQDN, ADN-METHOD-EXACT).
  predicate AdnCovers{L}(char *fb, cabref_name *f, integer s, integer spec13, char *ab,
                      cabref_name *a, integer exact) =
    a->wildcard == 0 &&
    IsCandidate(f->n_labels, StripStart(f->wildcard), s, spec13, f->n_labels - a->n_labels) &&
    (exact == 0 || f->n_labels - a->n_labels == StripStart(f->wildcard)) &&
    AdnTailEq(fb, f, f->n_labels - a->n_labels, ab, a);

  // ADN-DNS-PREFIX: q is where a DNS Change record for ADN a may be placed: a itself, or a
  // prefixed with exactly one label that begins with an underscore.
  predicate DnsChangeName{L}(char *qb, cabref_name *q, char *ab, cabref_name *a) =
    q->wildcard == 0 && a->wildcard == 0 &&
    (AdnTailEq(qb, q, 0, ab, a) ||
     (q->n_labels == a->n_labels + 1 && qb[q->labels[0].off] == 95 && AdnTailEq(qb, q, 1, ab, a)));

  // ---- ADN-METHOD-*: BR 3.2.2.4.1 .. .22 by date ------------------------------------------

  logic integer Forever = 9223372036854775807; // INT64_MAX: "not (yet) scheduled"

  // ADN-METHOD-INTRO: first instant at which the method is in the BR in force.
  logic integer MethodIntroduced(integer m) =
    (m == 5 || m == 6 || m == 10 || m == 11) ? CABREF_ADN_T_BALLOT_169 :
    ((1 <= m <= 4) || (7 <= m <= 9) || m == 12) ? CABREF_ADN_T_BALLOT_190 :
    (m == 13 || m == 14) ? CABREF_ADN_T_SC13 :
    (m == 15 || m == 16) ? CABREF_ADN_T_SC14 :
    m == 17 ? CABREF_ADN_T_SC19 :
    (m == 18 || m == 19) ? CABREF_ADN_T_SC25 :
    m == 20 ? CABREF_ADN_T_SC33 :
    m == 21 ? CABREF_ADN_T_SC84 :
    m == 22 ? CABREF_ADN_T_SC88 : Forever;

  // ADN-METHOD-SUNSET: first instant at which a CA MUST NOT use it for a new validation.
  logic integer MethodSunset(integer m) =
    (m == 1 || m == 5) ? CABREF_ADN_T_BALLOT_218_SUNSET :
    m == 3 ? CABREF_ADN_T_SC14_SUNSET :
    m == 9 ? CABREF_ADN_T_SC15 :
    m == 6 ? CABREF_ADN_T_SC25_SUNSET :
    m == 10 ? CABREF_ADN_T_SC33 :
    m == 11 ? CABREF_ADN_T_BALLOT_190 :
    (m == 2 || m == 15) ? CABREF_ADN_T_SC80_SUNSET :
    m == 8 ? CABREF_ADN_T_SC90_SHOULD_NOT :
    (m == 16 || m == 17) ? CABREF_ADN_T_SC90_PHONE_SUNSET :
    (m == 4 || m == 13 || m == 14) ? CABREF_ADN_T_SC90_EMAIL_SUNSET : Forever;

  // ADN-METHOD-DISCOURAGED: first instant of a SHOULD NOT (SC90), before the sunset.
  logic integer MethodDiscouraged(integer m) =
    (m == 4 || m == 13 || m == 14 || m == 16 || m == 17) ? CABREF_ADN_T_SC90_SHOULD_NOT : Forever;

  logic integer MethodStatus(integer m, integer t) =
    t < MethodIntroduced(m) ? CABREF_ADN_NOT_DEFINED :
    t >= MethodSunset(m) ? CABREF_ADN_RETIRED :
    t >= MethodDiscouraged(m) ? CABREF_ADN_DISCOURAGED : CABREF_ADN_ALLOWED;

  // 1 when the method may be used at t (allowed, or discouraged but not yet retired).
  logic integer UsableFlag(integer m, integer t) =
    (MethodStatus(m, t) == CABREF_ADN_ALLOWED || MethodStatus(m, t) == CABREF_ADN_DISCOURAGED)
      ? 1 : 0;
  predicate MethodUsable(integer m, integer t) = UsableFlag(m, t) == 1;

  // ADN-METHOD-EXACT: the ADN must be the FQDN itself (no wildcard, no pruning, no CNAME).
  logic integer ExactFlag(integer m, integer t) =
    (m == 8 || m == 20 ||
     ((m == 6 || m == 18 || m == 19) && t >= CABREF_ADN_T_SC45_COMPLIANCE)) ? 1 : 0;
  predicate MethodExact(integer m, integer t) = ExactFlag(m, t) == 1;

  logic integer MethodWildcard(integer m, integer t) =
    (UsableFlag(m, t) == 1 && ExactFlag(m, t) == 0) ? 1 : 0;
  logic integer MethodPrune(integer m, integer t) = MethodWildcard(m, t);
  // ADN-METHOD-CNAME: SC88 forbids CNAME-derived ADNs for .22.
  logic integer MethodCname(integer m, integer t) =
    (UsableFlag(m, t) == 1 && ExactFlag(m, t) == 0 && m != 22) ? 1 : 0;
  // ADN-DNS-PREFIX: where the method's DNS record sits relative to the ADN.
  logic integer MethodPrefix(integer m, integer t) =
    UsableFlag(m, t) == 0 ? CABREF_ADN_PREFIX_NONE :
    m == 7 ? CABREF_ADN_PREFIX_UNDERSCORE :
    m == 14 ? CABREF_ADN_PREFIX_CONTACT_EMAIL :
    m == 16 ? CABREF_ADN_PREFIX_CONTACT_PHONE :
    m == 21 ? CABREF_ADN_PREFIX_ACME_ACCOUNT :
    m == 22 ? CABREF_ADN_PREFIX_PERSIST : CABREF_ADN_PREFIX_NONE;
  // ADN-EMAIL: the constructed local parts belong to .4 only.
  logic integer MethodEmail(integer m, integer t) = (UsableFlag(m, t) == 1 && m == 4) ? 1 : 0;
  // ADN-PORTS: methods whose check runs over an Authorized Port.
  logic integer MethodPorts(integer m, integer t) =
    (UsableFlag(m, t) == 1 && (m == 6 || m == 9 || m == 10 || m == 18 || m == 19)) ? 1 : 0;

  // ---- ADN-PORTS --------------------------------------------------------------------------

  predicate AuthorizedPort(integer p, integer t) =
    t >= CABREF_ADN_T_BALLOT_169 &&
    (p == 80 || p == 443 || p == 25 || p == 22 || (p == 115 && t < CABREF_ADN_T_BALLOT_190));
*/

#endif
