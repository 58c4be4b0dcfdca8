/* cabref: the grammars of spec/caa.md (CAA-RDATA-*, CAA-VALUE-*, CAA-PARAM-METHODS, CAA-IODEF)
 * in ACSL, for the contracts of ref/include/cabref/caa_record.h.
 *
 * ACSL only, apart from the state numbers below (plain macros, shared with ref/core/caa_value.c).
 * caa_record.h includes this file after its type definitions when __FRAMAC__ is defined.
 * Everything is a definition: no axiomatic block, no lemma.
 *
 * The issue/issuewild value grammars (RFC 8659 §4.2, RFC 6844 §5.2) and the validationmethods
 * list (RFC 8657 §4) are regular languages. Each is stated here as a position automaton over the
 * octets of the value: CaaState*(v, i) is the state after reading v[0 .. i-1] and a value is in
 * the grammar iff the state after its last octet is accepting. Every state names the place in the
 * ABNF it stands for, and every transition says which ABNF element the octet extends; the comment
 * above each step function gives the ABNF in our notation. No transition leaves the dead state.
 */
#ifndef CABREF_CAA_VALUE_LOGIC_H
#define CABREF_CAA_VALUE_LOGIC_H

/* States of the issue-value automata (both profiles use the same numbers; some states occur in
 * only one profile). */
#define CABREF_CAA_ST_DEAD 0u    /* no continuation can be in the grammar */
#define CABREF_CAA_ST_LEAD 1u    /* leading blanks: nothing else read yet */
#define CABREF_CAA_ST_ISS_LD 2u  /* in an issuer label, after a letter or digit */
#define CABREF_CAA_ST_ISS_HY 3u  /* in an issuer label, after a hyphen */
#define CABREF_CAA_ST_ISS_DOT 4u /* after a dot of the issuer: a label must follow */
#define CABREF_CAA_ST_ISS_WSP 5u /* blanks after the issuer */
#define CABREF_CAA_ST_SEMI 6u    /* after the first ';' (and, RFC 6844, between parameters) */
#define CABREF_CAA_ST_TAG_LD 7u  /* in a parameter tag, after a letter or digit */
#define CABREF_CAA_ST_TAG_HY 8u  /* in a parameter tag, after a hyphen (RFC 8659 only) */
#define CABREF_CAA_ST_TAG_WSP 9u /* blanks between a tag and '=' (RFC 8659 only) */
#define CABREF_CAA_ST_VAL0 10u   /* after '=' (and RFC 8659 blanks): the value is empty so far */
#define CABREF_CAA_ST_VAL 11u    /* in a non-empty parameter value */
#define CABREF_CAA_ST_VAL_WSP 12u /* blanks after a non-empty value (RFC 8659 only) */
#define CABREF_CAA_ST_PSEMI 13u  /* after a ';' that follows a parameter (RFC 8659 only) */

/* States of the validationmethods automaton. */
#define CABREF_CAA_MST_DEAD 0u
#define CABREF_CAA_MST_START 1u /* nothing read: the empty list */
#define CABREF_CAA_MST_LABEL 2u /* in a label */
#define CABREF_CAA_MST_COMMA 3u /* after a ',': a label must follow */

/*@
  // ---- Octet classes (RFC 5234 Appendix B.1 core rules) ---------------------------------------
  // (boolean functions, so that the automata below can branch on them)
  logic boolean CaaAlpha(integer c) = ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z');
  logic boolean CaaDigit(integer c) = '0' <= c && c <= '9';
  logic boolean CaaAlnum(integer c) = CaaAlpha(c) || CaaDigit(c);
  // WSP = SP / HTAB
  logic boolean CaaWsp(integer c) = c == 0x20 || c == 0x09;
  // VCHAR = %x21-7E
  logic boolean CaaVchar(integer c) = 0x21 <= c && c <= 0x7E;
  // RFC 8659 §4.2 value octet: %x21-3A / %x3C-7E (printable, not ';')
  logic boolean CaaValChar8659(integer c) = (0x21 <= c && c <= 0x3A) || (0x3C <= c && c <= 0x7E);
  // CAA-VALUE-BYTES: control octets (NUL, other C0 controls but HTAB, and DEL)
  predicate CaaControl(integer c) = (0 <= c < 0x20 && c != 0x09) || c == 0x7F;

  // ASCII case folding, letters only (RFC 8659 §4.1 tags; spec/caa.md CAA-TAG-CASE,
  // CAA-PARAM-CASE).
  logic integer CaaLower(integer c) = ('A' <= c <= 'Z') ? c + 32 : c;

  // ---- RDATA (CAA-RDATA-*; RFC 8659 §4.1) ------------------------------------------------------

  // The tag rdata[2 .. 2+n-1] holds only ASCII letters and digits.
  predicate CaaTagChars{L}(uint8_t *r, integer n) =
    \forall integer k; 2 <= k < 2 + n ==> CaaAlnum(r[k]);

  // The offset of the first octet of r[k .. e-1] that is not a letter or digit, e if none.
  logic integer CaaTagFirstBad{L}(uint8_t *r, integer k, integer e) =
    k >= e ? e : (!CaaAlnum(r[k]) ? k : CaaTagFirstBad(r, k + 1, e));

  // The layout: at most 65535 octets, flags and tag length present, tag length at least 1,
  // the tag inside the RDATA.
  predicate CaaRdataLayout{L}(uint8_t *r, integer len) =
    len <= CABREF_CAA_MAX_RDATA && len >= 2 && r[1] >= 1 && 2 + r[1] <= len;

  // CAA-RDATA-FORMAT, -TAG-LEN, -TAG-CHARS: the record is well-formed.
  predicate CaaRdataOk{L}(uint8_t *r, integer len) =
    CaaRdataLayout(r, len) && CaaTagChars(r, r[1]);

  // CAA-TAG-CASE: the n octets at r + o spell a lowercase word, up to ASCII case.
  logic boolean CaaIsIssue{L}(uint8_t *r, integer o, integer n) =
    n == 5 && CaaLower(r[o]) == 'i' && CaaLower(r[o + 1]) == 's' && CaaLower(r[o + 2]) == 's' &&
    CaaLower(r[o + 3]) == 'u' && CaaLower(r[o + 4]) == 'e';
  logic boolean CaaIsIssuewild{L}(uint8_t *r, integer o, integer n) =
    n == 9 && CaaLower(r[o]) == 'i' && CaaLower(r[o + 1]) == 's' && CaaLower(r[o + 2]) == 's' &&
    CaaLower(r[o + 3]) == 'u' && CaaLower(r[o + 4]) == 'e' && CaaLower(r[o + 5]) == 'w' &&
    CaaLower(r[o + 6]) == 'i' && CaaLower(r[o + 7]) == 'l' && CaaLower(r[o + 8]) == 'd';
  logic boolean CaaIsIodef{L}(uint8_t *r, integer o, integer n) =
    n == 5 && CaaLower(r[o]) == 'i' && CaaLower(r[o + 1]) == 'o' && CaaLower(r[o + 2]) == 'd' &&
    CaaLower(r[o + 3]) == 'e' && CaaLower(r[o + 4]) == 'f';

  // The tag kind of the tag of n octets at r + o (CABREF_CAA_TAG_*).
  logic integer CaaTagKindOf{L}(uint8_t *r, integer o, integer n) =
    CaaIsIssue(r, o, n) ? CABREF_CAA_TAG_ISSUE :
    CaaIsIssuewild(r, o, n) ? CABREF_CAA_TAG_ISSUEWILD :
    CaaIsIodef(r, o, n) ? CABREF_CAA_TAG_IODEF : CABREF_CAA_TAG_OTHER;

  // ---- issue / issuewild values (CAA-VALUE-8659, CAA-VALUE-6844) -------------------------------

  // Both profiles share the issuer-domain-name (RFC 8659 §4.2; "domain", RFC 6844 §5.2):
  //   name  = label *("." label)
  //   label = (ALPHA / DIGIT) *( *("-") (ALPHA / DIGIT))
  // so a label starts and ends with a letter or digit and has hyphens only inside; there is no
  // empty label and no trailing dot. The issuer is read from the first letter or digit in LEAD
  // (ISS_LD); it may end only in ISS_LD.
  logic integer CaaStepIssuer(integer s, integer c) =
    s == CABREF_CAA_ST_ISS_LD ?
      (CaaAlnum(c) ? CABREF_CAA_ST_ISS_LD :
       c == '-' ? CABREF_CAA_ST_ISS_HY :
       c == '.' ? CABREF_CAA_ST_ISS_DOT :
       CaaWsp(c) ? CABREF_CAA_ST_ISS_WSP :
       c == ';' ? CABREF_CAA_ST_SEMI : CABREF_CAA_ST_DEAD) :
    s == CABREF_CAA_ST_ISS_HY ?
      (CaaAlnum(c) ? CABREF_CAA_ST_ISS_LD :
       c == '-' ? CABREF_CAA_ST_ISS_HY : CABREF_CAA_ST_DEAD) :
    s == CABREF_CAA_ST_ISS_DOT ?
      (CaaAlnum(c) ? CABREF_CAA_ST_ISS_LD : CABREF_CAA_ST_DEAD) :
    // s == ISS_WSP: the blanks after the issuer, then only ';' (or the end)
      (CaaWsp(c) ? CABREF_CAA_ST_ISS_WSP :
       c == ';' ? CABREF_CAA_ST_SEMI : CABREF_CAA_ST_DEAD);

  logic boolean CaaIssuerState(integer s) =
    s == CABREF_CAA_ST_ISS_LD || s == CABREF_CAA_ST_ISS_HY || s == CABREF_CAA_ST_ISS_DOT ||
    s == CABREF_CAA_ST_ISS_WSP;

  // RFC 8659 §4.2:
  //   issue-value = *WSP [issuer-domain-name *WSP] [";" *WSP [parameters *WSP]]
  //   parameters  = (parameter *WSP ";" *WSP parameters) / parameter
  //   parameter   = tag *WSP "=" *WSP value
  //   tag         = (ALPHA / DIGIT) *( *("-") (ALPHA / DIGIT))
  //   value       = *(%x21-3A / %x3C-7E)
  // A ';' after a parameter (PSEMI) must be followed by another parameter, so a trailing ';'
  // after parameters and ";;" are outside; a ';' with no parameter at all (SEMI) may end the
  // value. A value octet is never a blank, so after a value and blanks only ';' or the end can
  // follow (VAL_WSP).
  logic integer CaaStep8659(integer s, integer c) =
    s == CABREF_CAA_ST_LEAD ?
      (CaaWsp(c) ? CABREF_CAA_ST_LEAD :
       CaaAlnum(c) ? CABREF_CAA_ST_ISS_LD :
       c == ';' ? CABREF_CAA_ST_SEMI : CABREF_CAA_ST_DEAD) :
    CaaIssuerState(s) ? CaaStepIssuer(s, c) :
    s == CABREF_CAA_ST_SEMI || s == CABREF_CAA_ST_PSEMI ?
      (CaaWsp(c) ? s :
       CaaAlnum(c) ? CABREF_CAA_ST_TAG_LD : CABREF_CAA_ST_DEAD) :
    s == CABREF_CAA_ST_TAG_LD ?
      (CaaAlnum(c) ? CABREF_CAA_ST_TAG_LD :
       c == '-' ? CABREF_CAA_ST_TAG_HY :
       CaaWsp(c) ? CABREF_CAA_ST_TAG_WSP :
       c == '=' ? CABREF_CAA_ST_VAL0 : CABREF_CAA_ST_DEAD) :
    s == CABREF_CAA_ST_TAG_HY ?
      (CaaAlnum(c) ? CABREF_CAA_ST_TAG_LD :
       c == '-' ? CABREF_CAA_ST_TAG_HY : CABREF_CAA_ST_DEAD) :
    s == CABREF_CAA_ST_TAG_WSP ?
      (CaaWsp(c) ? CABREF_CAA_ST_TAG_WSP :
       c == '=' ? CABREF_CAA_ST_VAL0 : CABREF_CAA_ST_DEAD) :
    s == CABREF_CAA_ST_VAL0 ?
      (CaaWsp(c) ? CABREF_CAA_ST_VAL0 :
       c == ';' ? CABREF_CAA_ST_PSEMI :
       CaaValChar8659(c) ? CABREF_CAA_ST_VAL : CABREF_CAA_ST_DEAD) :
    s == CABREF_CAA_ST_VAL ?
      (CaaValChar8659(c) ? CABREF_CAA_ST_VAL :
       CaaWsp(c) ? CABREF_CAA_ST_VAL_WSP :
       c == ';' ? CABREF_CAA_ST_PSEMI : CABREF_CAA_ST_DEAD) :
    s == CABREF_CAA_ST_VAL_WSP ?
      (CaaWsp(c) ? CABREF_CAA_ST_VAL_WSP :
       c == ';' ? CABREF_CAA_ST_PSEMI : CABREF_CAA_ST_DEAD) :
    CABREF_CAA_ST_DEAD;

  // Where an RFC 8659 value may end: after nothing but blanks, after a complete issuer (and
  // blanks), after the first ';' (and blanks), or after a complete parameter (and blanks).
  predicate CaaAccept8659(integer s) =
    s == CABREF_CAA_ST_LEAD || s == CABREF_CAA_ST_ISS_LD || s == CABREF_CAA_ST_ISS_WSP ||
    s == CABREF_CAA_ST_SEMI || s == CABREF_CAA_ST_VAL0 || s == CABREF_CAA_ST_VAL ||
    s == CABREF_CAA_ST_VAL_WSP;

  // RFC 6844 §5.2 (unchanged by erratum 5065):
  //   issuevalue = space [domain] space [";" *(space parameter) space]
  //   space      = *(SP / HTAB)
  //   parameter  = tag "=" value
  //   tag        = 1*(ALPHA / DIGIT)
  //   value      = *VCHAR
  // A value runs over every VCHAR, ';' and '=' included, so parameters written without a blank
  // between them read as one parameter; the language is the same either way (a run of VCHARs
  // that is a concatenation of parameters is itself one parameter). Hence: after the ';',
  // blank-separated runs, each a tag, '=' and a value.
  logic integer CaaStep6844(integer s, integer c) =
    s == CABREF_CAA_ST_LEAD ?
      (CaaWsp(c) ? CABREF_CAA_ST_LEAD :
       CaaAlnum(c) ? CABREF_CAA_ST_ISS_LD :
       c == ';' ? CABREF_CAA_ST_SEMI : CABREF_CAA_ST_DEAD) :
    CaaIssuerState(s) ? CaaStepIssuer(s, c) :
    s == CABREF_CAA_ST_SEMI ?
      (CaaWsp(c) ? CABREF_CAA_ST_SEMI :
       CaaAlnum(c) ? CABREF_CAA_ST_TAG_LD : CABREF_CAA_ST_DEAD) :
    s == CABREF_CAA_ST_TAG_LD ?
      (CaaAlnum(c) ? CABREF_CAA_ST_TAG_LD :
       c == '=' ? CABREF_CAA_ST_VAL0 : CABREF_CAA_ST_DEAD) :
    s == CABREF_CAA_ST_VAL0 || s == CABREF_CAA_ST_VAL ?
      (CaaVchar(c) ? CABREF_CAA_ST_VAL :
       CaaWsp(c) ? CABREF_CAA_ST_SEMI : CABREF_CAA_ST_DEAD) :
    CABREF_CAA_ST_DEAD;

  predicate CaaAccept6844(integer s) =
    s == CABREF_CAA_ST_LEAD || s == CABREF_CAA_ST_ISS_LD || s == CABREF_CAA_ST_ISS_WSP ||
    s == CABREF_CAA_ST_SEMI || s == CABREF_CAA_ST_VAL0 || s == CABREF_CAA_ST_VAL;

  // One step under a profile (CABREF_CAA_PROFILE_*); any other profile number is dead.
  logic integer CaaStep(integer p, integer s, integer c) =
    p == CABREF_CAA_PROFILE_RFC8659 ? CaaStep8659(s, c) :
    p == CABREF_CAA_PROFILE_RFC6844_E5065 ? CaaStep6844(s, c) : CABREF_CAA_ST_DEAD;

  predicate CaaAccept(integer p, integer s) =
    (p == CABREF_CAA_PROFILE_RFC8659 && CaaAccept8659(s)) ||
    (p == CABREF_CAA_PROFILE_RFC6844_E5065 && CaaAccept6844(s));

  // The state after v[0 .. i-1].
  logic integer CaaState{L}(uint8_t *v, integer p, integer i) =
    i <= 0 ? CABREF_CAA_ST_LEAD : CaaStep(p, CaaState(v, p, i - 1), v[i - 1]);

  // CAA-VALUE-8659, CAA-VALUE-6844: v[0 .. len-1] is in the grammar of its profile (a value of
  // more than 65535 octets cannot occur in a record and is refused).
  predicate CaaIssueValue8659{L}(uint8_t *v, integer len) =
    len <= CABREF_CAA_MAX_RDATA && CaaAccept8659(CaaState(v, CABREF_CAA_PROFILE_RFC8659, len));
  predicate CaaIssueValue6844{L}(uint8_t *v, integer len) =
    len <= CABREF_CAA_MAX_RDATA &&
    CaaAccept6844(CaaState(v, CABREF_CAA_PROFILE_RFC6844_E5065, len));
  predicate CaaIssueValueOk{L}(uint8_t *v, integer len, integer p) =
    (p == CABREF_CAA_PROFILE_RFC8659 && CaaIssueValue8659(v, len)) ||
    (p == CABREF_CAA_PROFILE_RFC6844_E5065 && CaaIssueValue6844(v, len));

  // ---- Parsed values (spans inside the value) ----------------------------------------------------

  predicate CaaParamWithin(cabref_caa_param p, integer n) =
    p.tag_off + p.tag_len <= n && p.value_off + p.value_len <= n;

  // The issuer and every recorded parameter lie inside v[0 .. n-1].
  predicate CaaValueWithin{L}(cabref_caa_issue_value *o, integer n) =
    o->issuer_off + o->issuer_len <= n &&
    (\forall integer j; 0 <= j < o->n_params && j < CABREF_CAA_MAX_PARAMS ==>
       CaaParamWithin(o->params[j], n)) &&
    (o->n_accounturi >= 1 ==> CaaParamWithin(o->accounturi, n)) &&
    (o->n_validationmethods >= 1 ==> CaaParamWithin(o->validationmethods, n)) &&
    o->n_accounturi <= o->n_params && o->n_validationmethods <= o->n_params;

  // CAA-PARAM-CASE: the n octets at v + o are "accounturi" / "validationmethods" up to case.
  logic boolean CaaIsAccountUri{L}(uint8_t *v, integer o, integer n) =
    n == 10 && CaaLower(v[o]) == 'a' && CaaLower(v[o + 1]) == 'c' && CaaLower(v[o + 2]) == 'c' &&
    CaaLower(v[o + 3]) == 'o' && CaaLower(v[o + 4]) == 'u' && CaaLower(v[o + 5]) == 'n' &&
    CaaLower(v[o + 6]) == 't' && CaaLower(v[o + 7]) == 'u' && CaaLower(v[o + 8]) == 'r' &&
    CaaLower(v[o + 9]) == 'i';
  logic boolean CaaIsValidationMethods{L}(uint8_t *v, integer o, integer n) =
    n == 17 && CaaLower(v[o]) == 'v' && CaaLower(v[o + 1]) == 'a' &&
    CaaLower(v[o + 2]) == 'l' && CaaLower(v[o + 3]) == 'i' && CaaLower(v[o + 4]) == 'd' &&
    CaaLower(v[o + 5]) == 'a' && CaaLower(v[o + 6]) == 't' && CaaLower(v[o + 7]) == 'i' &&
    CaaLower(v[o + 8]) == 'o' && CaaLower(v[o + 9]) == 'n' && CaaLower(v[o + 10]) == 'm' &&
    CaaLower(v[o + 11]) == 'e' && CaaLower(v[o + 12]) == 't' && CaaLower(v[o + 13]) == 'h' &&
    CaaLower(v[o + 14]) == 'o' && CaaLower(v[o + 15]) == 'd' && CaaLower(v[o + 16]) == 's';

  // ---- The RFC 8657 parameters of a value (CAA-PARAM-*, CAA-DETAIL-PARAMS) --------------------
  // Where each parameter's tag and value lie, read off the automaton's states after v[0 .. i-1]:
  // a tag starts with the octet that leaves the separator state (after ';', or RFC 6844's blank)
  // for a tag; a value starts after '=' (RFC 8659: after the blanks that follow it) and ends at
  // its last non-blank octet; a parameter ends with the ';' (RFC 6844: the blank) after its
  // value, or with the value.
  logic boolean CaaTagStarts{L}(uint8_t *v, integer p, integer i) =
    CaaState(v, p, i) == CABREF_CAA_ST_TAG_LD &&
    (CaaState(v, p, i - 1) == CABREF_CAA_ST_SEMI || CaaState(v, p, i - 1) == CABREF_CAA_ST_PSEMI);
  logic boolean CaaInValue(integer s) =
    s == CABREF_CAA_ST_VAL0 || s == CABREF_CAA_ST_VAL || s == CABREF_CAA_ST_VAL_WSP;

  // The current parameter's tag and value spans after v[0 .. i-1].
  logic integer CaaTagOff{L}(uint8_t *v, integer p, integer i) =
    i <= 0 ? 0 : CaaTagStarts(v, p, i) ? i - 1 : CaaTagOff(v, p, i - 1);
  logic integer CaaTagLen{L}(uint8_t *v, integer p, integer i) =
    i <= 0 ? 0 :
    CaaState(v, p, i) == CABREF_CAA_ST_TAG_LD ? i - CaaTagOff(v, p, i) : CaaTagLen(v, p, i - 1);
  logic integer CaaValOff{L}(uint8_t *v, integer p, integer i) =
    i <= 0 ? 0 :
    CaaTagStarts(v, p, i) ? i - 1 :
    (CaaState(v, p, i) == CABREF_CAA_ST_VAL0 && CaaState(v, p, i - 1) != CABREF_CAA_ST_VAL0) ? i :
    (CaaState(v, p, i) == CABREF_CAA_ST_VAL && CaaState(v, p, i - 1) == CABREF_CAA_ST_VAL0) ?
      i - 1 :
    CaaValOff(v, p, i - 1);
  logic integer CaaValLen{L}(uint8_t *v, integer p, integer i) =
    i <= 0 ? 0 :
    CaaTagStarts(v, p, i) ? 0 :
    (CaaState(v, p, i) == CABREF_CAA_ST_VAL0 && CaaState(v, p, i - 1) != CABREF_CAA_ST_VAL0) ? 0 :
    CaaState(v, p, i) == CABREF_CAA_ST_VAL ? i - CaaValOff(v, p, i) :
    CaaValLen(v, p, i - 1);

  // The parameter of kind w (1: accounturi, 2: validationmethods; tags up to ASCII case) whose
  // tag is the current one.
  logic boolean CaaTagKindIs{L}(uint8_t *v, integer o, integer n, integer w) =
    (w == 1 && CaaIsAccountUri(v, o, n)) || (w == 2 && CaaIsValidationMethods(v, o, n));
  logic boolean CaaTagIs{L}(uint8_t *v, integer p, integer w, integer i) =
    CaaTagKindIs(v, CaaTagOff(v, p, i), CaaTagLen(v, p, i), w);
  // A parameter of kind w ends with the octet v[i-1] (its ';' or, RFC 6844, its blank).
  logic boolean CaaParamEnds{L}(uint8_t *v, integer p, integer w, integer i) =
    CaaInValue(CaaState(v, p, i - 1)) &&
    (CaaState(v, p, i) == CABREF_CAA_ST_PSEMI || CaaState(v, p, i) == CABREF_CAA_ST_SEMI) &&
    CaaTagIs(v, p, w, i);

  // How many parameters of kind w ended within v[0 .. i-1], and the value span of the first.
  logic integer CaaNParam{L}(uint8_t *v, integer p, integer w, integer i) =
    i <= 0 ? 0 : CaaNParam(v, p, w, i - 1) + (CaaParamEnds(v, p, w, i) ? 1 : 0);
  logic integer CaaFirstOff{L}(uint8_t *v, integer p, integer w, integer i) =
    i <= 0 ? 0 :
    (CaaNParam(v, p, w, i - 1) == 0 && CaaParamEnds(v, p, w, i)) ? CaaValOff(v, p, i) :
    CaaFirstOff(v, p, w, i - 1);
  logic integer CaaFirstLen{L}(uint8_t *v, integer p, integer w, integer i) =
    i <= 0 ? 0 :
    (CaaNParam(v, p, w, i - 1) == 0 && CaaParamEnds(v, p, w, i)) ? CaaValLen(v, p, i) :
    CaaFirstLen(v, p, w, i - 1);

  // Over the whole value v[0 .. len-1]: the last parameter also ends with the value.
  logic boolean CaaLastIs{L}(uint8_t *v, integer p, integer w, integer len) =
    CaaInValue(CaaState(v, p, len)) && CaaTagIs(v, p, w, len);
  logic integer CaaParamCount{L}(uint8_t *v, integer p, integer w, integer len) =
    CaaNParam(v, p, w, len) + (CaaLastIs(v, p, w, len) ? 1 : 0);
  logic integer CaaParamValueOff{L}(uint8_t *v, integer p, integer w, integer len) =
    CaaNParam(v, p, w, len) == 0 ? CaaValOff(v, p, len) : CaaFirstOff(v, p, w, len);
  logic integer CaaParamValueLen{L}(uint8_t *v, integer p, integer w, integer len) =
    CaaNParam(v, p, w, len) == 0 ? CaaValLen(v, p, len) : CaaFirstLen(v, p, w, len);

  // ---- validationmethods (CAA-PARAM-METHODS; RFC 8657 §4) -------------------------------------
  //   value = [*(label ",") label]
  //   label = 1*(ALPHA / DIGIT / "-")
  logic boolean CaaMethodChar(integer c) = CaaAlnum(c) || c == '-';

  logic integer CaaMethodsStep(integer s, integer c) =
    (s == CABREF_CAA_MST_START || s == CABREF_CAA_MST_COMMA) ?
      (CaaMethodChar(c) ? CABREF_CAA_MST_LABEL : CABREF_CAA_MST_DEAD) :
    s == CABREF_CAA_MST_LABEL ?
      (CaaMethodChar(c) ? CABREF_CAA_MST_LABEL :
       c == ',' ? CABREF_CAA_MST_COMMA : CABREF_CAA_MST_DEAD) :
    CABREF_CAA_MST_DEAD;

  logic integer CaaMethodsState{L}(uint8_t *v, integer i) =
    i <= 0 ? CABREF_CAA_MST_START : CaaMethodsStep(CaaMethodsState(v, i - 1), v[i - 1]);

  // The list is well-formed: empty, or labels separated by single commas.
  predicate CaaMethodsList{L}(uint8_t *v, integer len) =
    CaaMethodsState(v, len) == CABREF_CAA_MST_START ||
    CaaMethodsState(v, len) == CABREF_CAA_MST_LABEL;

  // The label v[s .. s+n-1] of the list (it starts the value or follows a ',', ends the value
  // or precedes a ',', and holds no ',') equals m[0 .. n-1] up to ASCII case.
  predicate CaaMethodAt{L}(uint8_t *v, integer len, integer s, char *m, integer n) =
    n >= 1 && 0 <= s && s + n <= len &&
    (s == 0 || v[s - 1] == ',') && (s + n == len || v[s + n] == ',') &&
    (\forall integer k; s <= k < s + n ==> v[k] != ',') &&
    (\forall integer k; 0 <= k < n ==> CaaLower(v[s + k]) == CaaLower(m[k]));

  predicate CaaMethodsHas{L}(uint8_t *v, integer len, char *m, integer n) =
    \exists integer s; CaaMethodAt(v, len, s, m, n);

  // ---- iodef (CAA-IODEF; RFC 8659 §4.4, RFC 3986 §3.1) -----------------------------------------

  // URL text: every octet printable, no blank.
  predicate CaaIodefText{L}(uint8_t *v, integer len) =
    \forall integer k; 0 <= k < len ==> CaaVchar(v[k]);

  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ':' at offset k.
  logic boolean CaaSchemeChar(integer c) = CaaAlnum(c) || c == '+' || c == '-' || c == '.';
  predicate CaaIodefScheme{L}(uint8_t *v, integer len, integer k) =
    1 <= k < len && CaaAlpha(v[0]) && v[k] == ':' &&
    \forall integer j; 1 <= j < k ==> CaaSchemeChar(v[j]);

  predicate CaaIodefMailto{L}(uint8_t *v) =
    CaaLower(v[0]) == 'm' && CaaLower(v[1]) == 'a' && CaaLower(v[2]) == 'i' &&
    CaaLower(v[3]) == 'l' && CaaLower(v[4]) == 't' && CaaLower(v[5]) == 'o';
  predicate CaaIodefHttp{L}(uint8_t *v) =
    CaaLower(v[0]) == 'h' && CaaLower(v[1]) == 't' && CaaLower(v[2]) == 't' &&
    CaaLower(v[3]) == 'p';
  predicate CaaIodefHttps{L}(uint8_t *v) = CaaIodefHttp(v) && CaaLower(v[4]) == 's';

*/

#endif
