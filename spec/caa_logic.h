/* cabref: the logic of the CAA decision (spec/caa.md CAA-DECIDE .. CAA-LOOKUP-FAILURE), in ACSL,
 * for the contracts of ref/include/cabref/caa.h.
 *
 * ACSL only: a C compiler sees nothing but comments. caa.h includes this file after its type
 * definitions when __FRAMAC__ is defined; the grammars it builds on (RDATA layout, tag kinds,
 * value grammars) are those of spec/caa_value_logic.h. Everything is a definition (no axiomatic
 * block); the named properties are lemmas proved in ref/core/caa_decide.c.
 *
 * The decision is stated in three steps, as RFC 8659 gives it:
 *   1. each record has a kind (CaaKindIs): unreadable, unknown and critical, unknown, neutral
 *      (iodef or a tag the CA recognises), issue or issuewild (RFC 8659 §4.1, §4.5);
 *   2. an issue/issuewild record authorizes the CA (CaaValueAuthorizes) when its value is in the
 *      grammar, its issuer-domain-name is one of the CA's Issuer Domain Names (§4.2) and, for a
 *      CA that processes RFC 8657 parameters, its accounturi and validationmethods parameters
 *      admit the request (CaaParamsAdmit: RFC 8657 §3, §4);
 *   3. CaaPermits: no unreadable record, no unknown critical record, and either no record applies
 *      to the request (§3: the set does not restrict) or an applying record authorizes the CA,
 *      where issuewild applies only to Wildcard Domain Names and, when present, shadows issue
 *      for them (§4.3).
 * The RFC 8657 parameters can only take an authorization away; the decision is proved exact
 * with and without them (the parameters' spans are read off the value grammar's automaton, in
 * spec/caa_value_logic.h).
 */
#ifndef CABREF_CAA_LOGIC_H
#define CABREF_CAA_LOGIC_H

/*@
  // ---- CAA-MANDATE, CAA-PROFILE-DATE ---------------------------------------------------------

  logic integer CaaRulesAt(integer t) =
    t < CABREF_CAA_T_BALLOT_187 ? CABREF_CAA_RULES_NONE :
    t < CABREF_CAA_T_BALLOT_214 ? CABREF_CAA_RULES_RFC6844 :
    t < CABREF_CAA_T_SC35 ? CABREF_CAA_RULES_RFC6844_E5065 : CABREF_CAA_RULES_RFC8659;

  // ---- CAA-REUSE -------------------------------------------------------------------------------

  // The TTL that counts: none for an empty set, 0 for a TTL with its top bit set (RFC 2181 §8).
  logic integer CaaTtl(integer ttl, integer has_ttl) =
    (has_ttl != 0 && ttl < CABREF_CAA_TTL_TOP_BIT) ? ttl : 0;
  // BR 3.2.2.8: "the TTL of the CAA record, or 8 hours, whichever is greater".
  logic integer CaaWindow(integer ttl, integer has_ttl) =
    CaaTtl(ttl, has_ttl) > CABREF_CAA_REUSE_MIN ? CaaTtl(ttl, has_ttl) : CABREF_CAA_REUSE_MIN;
  predicate CaaReuseOk(integer checked, integer issued, integer ttl, integer has_ttl) =
    checked <= issued && issued <= checked + CaaWindow(ttl, has_ttl);

  // ---- CAA-EXC-* -------------------------------------------------------------------------------

  predicate CaaExcInForce(integer kind, integer t) =
    t >= CABREF_CAA_T_BALLOT_187 &&
    (kind == CABREF_CAA_EXC_CT_PRECERT || kind == CABREF_CAA_EXC_TCSCA ||
     (kind == CABREF_CAA_EXC_DNS_OPERATOR && t < CABREF_CAA_T_SC46));

  predicate CaaExcConditions{L}(integer kind, cabref_caa_exception_facts *f) =
    f != \null &&
    (kind == CABREF_CAA_EXC_CT_PRECERT ? f->ct_logs >= 2 && f->caa_checked != 0 :
     kind == CABREF_CAA_EXC_TCSCA ? f->tcsca != 0 && f->contract_clause != 0 :
     f->ca_is_dns_operator != 0);

  // ---- CAA-LOOKUP-FAILURE ----------------------------------------------------------------------

  // Before the mandate nothing is required, so a failure does not stop issuance. From it: outside
  // the CA, retried, and no DNSSEC chain (Ballot 187) / confirmed Insecure (SC085, 2025-07-21);
  // from 2026-03-15 never for a DNSSEC validation failure (BR 3.2.2.8.1).
  predicate CaaFailurePermits{L}(integer t, cabref_caa_failure_facts *f) =
    t < CABREF_CAA_T_BALLOT_187 ||
    (f->outside_ca != 0 && f->retries >= 1 &&
     (t < CABREF_CAA_T_SC085 ? f->no_dnssec_chain != 0 : f->insecure != 0) &&
     (t < CABREF_CAA_T_SC085_DNSSEC || f->dnssec_failure == 0));

  // ---- CAA-RELEVANT ----------------------------------------------------------------------------

  // The lookups at o[0 .. k-1] (the name and its first ancestors) all found nothing.
  predicate CaaAllEmpty{L}(uint8_t *o, integer k) =
    \forall integer j; 0 <= j < k ==> o[j] == CABREF_CAA_LOOKUP_EMPTY;
  // ---- CAA-DECIDE, step 1: the kind of a record ------------------------------------------------

  // The text a[0 .. alen-1] equals b[0 .. blen-1] ignoring ASCII case, over the whole length
  // (CAA-TAG-CASE, CAA-ISSUER-MATCH: never a prefix, suffix or substring).
  predicate CaaTextIeq{L}(uint8_t *a, integer alen, char *b, integer blen) =
    alen == blen && \forall integer k; 0 <= k < alen ==> CaaLower(a[k]) == CaaLower(b[k]);

  // CAA-CRITICAL: the tag t[0 .. tl-1] is one of the extra tags of the CA's configuration.
  predicate CaaCfgTag{L}(uint8_t *t, integer tl, cabref_caa_config *cfg, integer j) =
    cfg->tag_len[j] <= CABREF_CAA_MAX_TAG_TEXT &&
    CaaTextIeq(t, tl, &cfg->tag[j][0], cfg->tag_len[j]);
  predicate CaaKnownTag{L}(uint8_t *t, integer tl, cabref_caa_config *cfg) =
    \exists integer j; 0 <= j < cfg->n_tags && j < CABREF_CAA_MAX_TAGS && CaaCfgTag(t, tl, cfg, j);

  // CAA-FLAGS: the Issuer Critical Flag is the flag of value 128 (RFC 8659 §4.1); the flag of
  // value 1 counts only with the flag1_critical option.
  predicate CaaCritical{L}(uint8_t *r, cabref_caa_config *cfg) =
    r[0] >= 128 || (cfg->flag1_critical != 0 && r[0] % 2 == 1);

  // A record whose tag the CA does not recognise: critical or not.
  predicate CaaUnknownKindIs{L}(uint8_t *r, cabref_caa_config *cfg, integer k) =
    CaaCritical(r, cfg) ? k == CABREF_CAA_KIND_UNKNOWN_CRITICAL : k == CABREF_CAA_KIND_UNKNOWN;

  // CAA-RDATA-DENY, CAA-RDATA-TAG-CHARS, CAA-TAG-CASE, CAA-CRITICAL, CAA-IODEF: k is the kind of
  // the record r[0 .. len-1] (exactly one k is). A tag with a character other than a letter or
  // digit is never recognised; the critical flag matters only on a tag the CA does not
  // recognise.
  predicate CaaKindIs{L}(uint8_t *r, integer len, cabref_caa_config *cfg, integer k) =
    !CaaRdataLayout(r, len) ? k == CABREF_CAA_KIND_MALFORMED :
    !CaaRdataOk(r, len) ? CaaUnknownKindIs(r, cfg, k) :
    CaaTagKindOf(r, 2, r[1]) == CABREF_CAA_TAG_ISSUE ? k == CABREF_CAA_KIND_ISSUE :
    CaaTagKindOf(r, 2, r[1]) == CABREF_CAA_TAG_ISSUEWILD ? k == CABREF_CAA_KIND_ISSUEWILD :
    (CaaTagKindOf(r, 2, r[1]) == CABREF_CAA_TAG_IODEF || CaaKnownTag(r + 2, r[1], cfg)) ?
      k == CABREF_CAA_KIND_NEUTRAL :
    CaaUnknownKindIs(r, cfg, k);

  // ---- CAA-DECIDE, step 2: does an issue/issuewild value authorize the CA? --------------------

  // RFC 8659 §4.2: the issuer-domain-name of a value in the grammar follows the leading blanks
  // (v[0 .. s-1]) and runs up to the next blank or ';' (v[s .. e-1]); both grammars agree on it.
  predicate CaaLeadEnd{L}(uint8_t *v, integer len, integer s) =
    0 <= s <= len && (\forall integer k; 0 <= k < s ==> CaaWsp(v[k])) &&
    (s < len ==> !CaaWsp(v[s]));
  predicate CaaNameEnd{L}(uint8_t *v, integer len, integer s, integer e) =
    s <= e <= len && (\forall integer k; s <= k < e ==> !CaaWsp(v[k]) && v[k] != ';') &&
    (e < len ==> CaaWsp(v[e]) || v[e] == ';');

  // CAA-ISSUER-MATCH: a[0 .. alen-1] is one of the CA's Issuer Domain Names.
  predicate CaaCfgIssuer{L}(uint8_t *a, integer alen, cabref_caa_config *cfg, integer j) =
    cfg->issuer_len[j] <= CABREF_NAME_MAX_TEXT &&
    CaaTextIeq(a, alen, &cfg->issuer[j][0], cfg->issuer_len[j]);
  predicate CaaKnownIssuer{L}(uint8_t *a, integer alen, cabref_caa_config *cfg) =
    \exists integer j; 0 <= j < cfg->n_issuers && j < CABREF_CAA_MAX_ISSUERS &&
      CaaCfgIssuer(a, alen, cfg, j);

  // ---- RFC 8657 parameters (CAA-PARAM-*), for a CA that processes them ------------------------

  // The octet a char of the configuration stands for (a char may be signed).
  logic integer CaaOctet(integer c) = c < 0 ? c + 256 : c;

  // CAA-PARAM-ACCOUNTURI (RFC 8657 §3): a[0 .. alen-1] is the request's account URI, octet for
  // octet, as configured; a request without an account URI matches no accounturi value.
  // (ulen is cfg->account_uri_len, passed in so that it is read outside any quantifier.)
  predicate CaaUriIs{L}(uint8_t *a, integer alen, cabref_caa_config *cfg, integer ulen) =
    1 <= ulen <= CABREF_CAA_MAX_URI && alen == ulen &&
    \forall integer k; 0 <= k < alen ==> a[k] == CaaOctet(cfg->account_uri[k]);

  // CAA-PARAM-METHODS (RFC 8657 §4): m[0 .. mlen-1] is a well-formed validationmethods list
  // that names the request's method (a request naming none matches no list).
  predicate CaaMethodIn{L}(uint8_t *m, integer mlen, cabref_caa_config *cfg) =
    1 <= cfg->method_len <= CABREF_CAA_MAX_METHOD && CaaMethodsList(m, mlen) &&
    CaaMethodsHas(m, mlen, &cfg->method[0], cfg->method_len);

  // CAA-PARAM-ACCOUNTURI, CAA-PARAM-METHODS, CAA-DETAIL-PARAMS: the parameters of the value
  // v[0 .. len-1] admit this request: at most one accounturi and it names the request's account;
  // at most one validationmethods and it names the request's method. (A repeated parameter
  // admits no request.) Parameters of other tags never matter (CAA-PARAM-UNKNOWN).
  // (na accounturi parameters, the first's value at v[ao .. ao+al-1]; nm validationmethods
  // parameters, the first's value at v[mo .. mo+ml-1].)
  predicate CaaParamsAdmitAt{L}(uint8_t *v, cabref_caa_config *cfg, integer ulen, integer na,
                                integer ao, integer al, integer nm, integer mo, integer ml) =
    na <= 1 && (na == 1 ==> CaaUriIs(v + ao, al, cfg, ulen)) &&
    nm <= 1 && (nm == 1 ==> CaaMethodIn(v + mo, ml, cfg));
  // The RFC 8657 parameters of v[0 .. len-1] under profile p, as the value parser records them
  // (its contract in caa_record.h): the counts and the first value spans.
  predicate CaaParamsOf{L}(uint8_t *v, integer len, integer p, cabref_caa_issue_value pv) =
    pv.n_accounturi == CaaParamCount(v, p, 1, len) &&
    (pv.n_accounturi >= 1 ==> pv.accounturi.value_off == CaaParamValueOff(v, p, 1, len) &&
                              pv.accounturi.value_len == CaaParamValueLen(v, p, 1, len)) &&
    pv.n_validationmethods == CaaParamCount(v, p, 2, len) &&
    (pv.n_validationmethods >= 1 ==>
       pv.validationmethods.value_off == CaaParamValueOff(v, p, 2, len) &&
       pv.validationmethods.value_len == CaaParamValueLen(v, p, 2, len));
  predicate CaaParamsParsed{L}(uint8_t *v, integer len, integer p, cabref_caa_issue_value *pv) =
    CaaParamsOf(v, len, p, *pv);

  // (Stated over the parameters as recorded, which CaaParamsOf determines: this keeps the
  // recursive definitions of spec/caa_value_logic.h out of the reasoning about record sets.)
  predicate CaaParamsAdmit{L}(uint8_t *v, integer len, cabref_caa_config *cfg) =
    \let ulen = cfg->account_uri_len; \let p = cfg->profile;
    \forall cabref_caa_issue_value pv; CaaParamsOf(v, len, p, pv) ==>
      CaaParamsAdmitAt(v, cfg, ulen, pv.n_accounturi, pv.accounturi.value_off, pv.accounturi.value_len,
                       pv.n_validationmethods, pv.validationmethods.value_off,
                       pv.validationmethods.value_len);

  // CAA-VALUE-MALFORMED, CAA-ISSUER-MATCH (RFC 8659 §4.2), CAA-PARAM-* (RFC 8657): the value
  // v[0 .. len-1] is in its profile's grammar, names one of the CA's Issuer Domain Names and,
  // when the CA processes RFC 8657 parameters, its parameters admit the request. A value outside
  // the grammar names the empty issuer, which authorizes no one.
  predicate CaaValueAuthorizes{L}(uint8_t *v, integer len, cabref_caa_config *cfg) =
    CaaIssueValueOk(v, len, cfg->profile) &&
    (\exists integer s, e; CaaLeadEnd(v, len, s) && CaaNameEnd(v, len, s, e) && s < e &&
       CaaKnownIssuer(v + s, e - s, cfg)) &&
    (cfg->rfc8657 != 0 ==> CaaParamsAdmit(v, len, cfg));

  // ---- CAA-DECIDE, step 3: the set --------------------------------------------------------------

  // Record i of the set: its RDATA is b[rr[i].off .. rr[i].off + rr[i].len - 1]; a span outside
  // the buffer is an unreadable record.
  predicate CaaInBuf{L}(cabref_caa_rr *rr, integer i, integer blen) =
    rr[i].off <= blen && rr[i].len <= blen - rr[i].off;
  predicate CaaRecKind{L}(uint8_t *b, integer blen, cabref_caa_rr *rr, integer i,
                          cabref_caa_config *cfg, integer k) =
    CaaInBuf(rr, i, blen) ? CaaKindIs(b + rr[i].off, rr[i].len, cfg, k) :
                            k == CABREF_CAA_KIND_MALFORMED;
  // Its value (for an issue/issuewild record): what follows the tag.
  predicate CaaRecValueOk{L}(uint8_t *b, cabref_caa_rr *rr, integer i, cabref_caa_config *cfg) =
    CaaIssueValueOk(b + rr[i].off + 2 + b[rr[i].off + 1], rr[i].len - 2 - b[rr[i].off + 1],
                    cfg->profile);
  predicate CaaRecAuth{L}(uint8_t *b, cabref_caa_rr *rr, integer i, cabref_caa_config *cfg) =
    CaaValueAuthorizes(b + rr[i].off + 2 + b[rr[i].off + 1], rr[i].len - 2 - b[rr[i].off + 1],
                       cfg);

  // Some record among the first n has kind k.
  predicate CaaHasKind{L}(uint8_t *b, integer blen, cabref_caa_rr *rr, integer n,
                          cabref_caa_config *cfg, integer k) =
    \exists integer i; 0 <= i < n && CaaRecKind(b, blen, rr, i, cfg, k);

  // CAA-ISSUEWILD-IGNORED, CAA-ISSUEWILD-SHADOWS (RFC 8659 §4.3): record i of a set of n applies
  // to the request: issuewild for a Wildcard Domain Name; issue for any other name, and for a
  // Wildcard Domain Name when the set holds no issuewild record.
  predicate CaaRecApplies{L}(uint8_t *b, integer blen, cabref_caa_rr *rr, integer n, integer i,
                             integer wildcard, cabref_caa_config *cfg) =
    (CaaRecKind(b, blen, rr, i, cfg, CABREF_CAA_KIND_ISSUEWILD) && wildcard != 0) ||
    (CaaRecKind(b, blen, rr, i, cfg, CABREF_CAA_KIND_ISSUE) &&
     (wildcard == 0 || !CaaHasKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_ISSUEWILD)));

  predicate CaaAnyApplies{L}(uint8_t *b, integer blen, cabref_caa_rr *rr, integer n,
                             integer wildcard, cabref_caa_config *cfg) =
    \exists integer i; 0 <= i < n && CaaRecApplies(b, blen, rr, n, i, wildcard, cfg);

  predicate CaaSomeAuthorizes{L}(uint8_t *b, integer blen, cabref_caa_rr *rr, integer n,
                                 integer wildcard, cabref_caa_config *cfg) =
    \exists integer i; 0 <= i < n && CaaRecApplies(b, blen, rr, n, i, wildcard, cfg) &&
      CaaRecAuth(b, rr, i, cfg);

  // CAA-EMPTY-SET, CAA-RDATA-DENY, CAA-CRITICAL, CAA-NO-ISSUE, CAA-PERMIT (RFC 8659 §3, §4):
  // the set of n records permits the request iff no record is unreadable, no record is an
  // unknown critical property, and either no record applies or an applying record authorizes
  // the CA.
  predicate CaaPermits{L}(uint8_t *b, integer blen, cabref_caa_rr *rr, integer n, integer wildcard,
                          cabref_caa_config *cfg) =
    !CaaHasKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_MALFORMED) &&
    !CaaHasKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_UNKNOWN_CRITICAL) &&
    (!CaaAnyApplies(b, blen, rr, n, wildcard, cfg) ||
     CaaSomeAuthorizes(b, blen, rr, n, wildcard, cfg));

  // The reasons that permit (CAA-REASONS).
  predicate CaaPermitReason(integer r) =
    r == CABREF_CAA_PERMIT_NO_RECORDS || r == CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY ||
    r == CABREF_CAA_PERMIT_ISSUER;

  // CAA-REASONS: the verdict vd of record i says what the record is for this request: its kind,
  // ignored or shadowed when it does not apply, and for an applying record permits only when it
  // authorizes the CA, and exactly then; a malformed value is reported as such.
  predicate CaaVerdictOk{L}(uint8_t *b, integer blen, cabref_caa_rr *rr, integer n, integer i,
                            integer wildcard, cabref_caa_config *cfg, integer vd) =
    0 <= vd <= CABREF_CAA_RR_METHODS_DUPLICATE &&
    (vd == CABREF_CAA_RR_RDATA_MALFORMED <==>
       CaaRecKind(b, blen, rr, i, cfg, CABREF_CAA_KIND_MALFORMED)) &&
    (vd == CABREF_CAA_RR_UNKNOWN_CRITICAL <==>
       CaaRecKind(b, blen, rr, i, cfg, CABREF_CAA_KIND_UNKNOWN_CRITICAL)) &&
    (vd == CABREF_CAA_RR_UNKNOWN_TAG <==>
       CaaRecKind(b, blen, rr, i, cfg, CABREF_CAA_KIND_UNKNOWN)) &&
    (vd == CABREF_CAA_RR_NEUTRAL <==> CaaRecKind(b, blen, rr, i, cfg, CABREF_CAA_KIND_NEUTRAL)) &&
    (vd == CABREF_CAA_RR_ISSUEWILD_IGNORED <==>
       CaaRecKind(b, blen, rr, i, cfg, CABREF_CAA_KIND_ISSUEWILD) && wildcard == 0) &&
    (vd == CABREF_CAA_RR_ISSUE_SHADOWED <==>
       CaaRecKind(b, blen, rr, i, cfg, CABREF_CAA_KIND_ISSUE) && wildcard != 0 &&
       CaaHasKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_ISSUEWILD)) &&
    (vd == CABREF_CAA_RR_PERMITS ==>
       CaaRecApplies(b, blen, rr, n, i, wildcard, cfg) && CaaRecAuth(b, rr, i, cfg)) &&
    (CaaRecApplies(b, blen, rr, n, i, wildcard, cfg) ==>
       (vd == CABREF_CAA_RR_PERMITS <==> CaaRecAuth(b, rr, i, cfg))) &&
    (CaaRecApplies(b, blen, rr, n, i, wildcard, cfg) && !CaaRecValueOk(b, rr, i, cfg) ==>
       vd == CABREF_CAA_RR_MALFORMED_VALUE);
  // ---- CAA-MULTI-NAME --------------------------------------------------------------------------

  // RFC 8659 §2.2, BR 1.6.1: a Wildcard Domain Name is "*." followed by an FQDN.
  predicate CaaWildcardName{L}(char *s, integer len) = len >= 2 && s[0] == '*' && s[1] == '.';
  // BR 1.6.1 Onion Domain Name: the last label is "onion" (ASCII case ignored), with a label
  // before it.
  predicate CaaOnionName{L}(char *s, integer len) =
    len >= 7 && s[len - 6] == '.' && CaaLower(s[len - 5]) == 'o' && CaaLower(s[len - 4]) == 'n' &&
    CaaLower(s[len - 3]) == 'i' && CaaLower(s[len - 2]) == 'o' && CaaLower(s[len - 1]) == 'n';

  // The outcome (result, reason, wildcard) of the name nm: a span or set outside its array is
  // denied; an Onion Domain Name is exempt; a lookup failure is reported as such; otherwise the
  // name is decided on its set (empty for NONE) with the wildcard flag of its text, permitted
  // exactly where CaaPermits holds.
  predicate CaaNameOk{L}(char *text, integer text_len, cabref_caa_san *nm, uint8_t *buf,
                         integer buf_len, cabref_caa_rr *rr, integer n_rr, cabref_caa_config *cfg,
                         integer result, integer reason, integer wild) =
    !(nm->off <= text_len && nm->len <= text_len - nm->off) ?
      result == CABREF_CAA_NAME_DENY && reason == CABREF_CAA_DENY_RDATA_MALFORMED :
    (wild == 0 || wild == 1) && (wild == 1 <==> CaaWildcardName(text + nm->off, nm->len)) &&
    (CaaOnionName(text + nm->off, nm->len) ? result == CABREF_CAA_NAME_ONION_EXEMPT :
     nm->lookup == CABREF_CAA_RELEVANT_NONE ?
       result == CABREF_CAA_NAME_PERMIT && reason == CABREF_CAA_PERMIT_NO_RECORDS :
     nm->lookup != CABREF_CAA_RELEVANT_FOUND ? result == CABREF_CAA_NAME_LOOKUP_FAILURE :
     !(nm->set_off <= n_rr && nm->set_n <= n_rr - nm->set_off) ?
       result == CABREF_CAA_NAME_DENY && reason == CABREF_CAA_DENY_RDATA_MALFORMED :
     (result == CABREF_CAA_NAME_PERMIT || result == CABREF_CAA_NAME_DENY) &&
     (result == CABREF_CAA_NAME_PERMIT <==> CaaPermitReason(reason)) &&
     (result == CABREF_CAA_NAME_PERMIT <==>
        nm->set_n <= CABREF_CAA_MAX_RECORDS &&
        CaaPermits(buf, buf_len, rr + nm->set_off, nm->set_n, wild, cfg)));
*/

#endif
