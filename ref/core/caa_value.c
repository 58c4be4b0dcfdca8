/* cabref: issue/issuewild values, validationmethods lists and iodef URLs (spec/caa.md
 * CAA-VALUE-*, CAA-PARAM-*, CAA-IODEF), the proven core.
 *
 * An issue value is read by the position automaton of spec/caa_value_logic.h (CaaStep): one
 * step per octet, the state after v[0 .. i-1] being CaaState(v, p, i). The first pass runs the
 * automaton over the whole value (the dead state absorbs, so the loop never needs to stop early)
 * and remembers where it died; the second pass, for a value in the grammar, runs it again and
 * records the spans the transitions delimit. Contracts: ref/include/cabref/caa_record.h.
 */
#include "cabref/caa_record.h"

#include "caa_value_logic.h" /* the automaton's state numbers (also ACSL under Frama-C) */

/*@
  assigns \nothing;
  ensures alnum: \result == 1 <==> CaaAlnum(c);
  ensures flag: \result == 0 || \result == 1;
*/
static int is_alnum(unsigned c) {
  return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ? 1 : 0;
}

/* RFC 5234 Appendix B.1: WSP = SP / HTAB. */
/*@
  assigns \nothing;
  ensures wsp: \result == 1 <==> CaaWsp(c);
  ensures flag: \result == 0 || \result == 1;
*/
static int is_wsp(unsigned c) {
  return (c == 0x20u || c == 0x09u) ? 1 : 0;
}

/* CAA-TAG-CASE, CAA-PARAM-CASE: ASCII case folding, letters only. */
/*@
  assigns \nothing;
  ensures lower: \result == CaaLower(c);
*/
static int lower(int c) {
  return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* The issuer-domain-name states, shared by both profiles (RFC 8659 §4.2 issuer-domain-name and
 * label; RFC 6844 §5.2 domain and label: CAA-VALUE-8659, CAA-VALUE-6844). No state counts the
 * octets of a label: neither grammar limits its length (CAA-DETAIL-LABELS). */
/*@
  requires issuer: CaaIssuerState(s);
  assigns \nothing;
  ensures step: \result == CaaStepIssuer(s, c);
*/
static inline unsigned step_issuer(unsigned s, unsigned c) {
  if (s == CABREF_CAA_ST_ISS_LD) {
    if (is_alnum(c)) {
      return CABREF_CAA_ST_ISS_LD;
    }
    if (c == '-') {
      return CABREF_CAA_ST_ISS_HY; /* hyphens only inside a label */
    }
    if (c == '.') {
      return CABREF_CAA_ST_ISS_DOT;
    }
    if (is_wsp(c)) {
      return CABREF_CAA_ST_ISS_WSP;
    }
    return c == ';' ? CABREF_CAA_ST_SEMI : CABREF_CAA_ST_DEAD;
  }
  if (s == CABREF_CAA_ST_ISS_HY) {
    if (is_alnum(c)) {
      return CABREF_CAA_ST_ISS_LD;
    }
    return c == '-' ? CABREF_CAA_ST_ISS_HY : CABREF_CAA_ST_DEAD;
  }
  if (s == CABREF_CAA_ST_ISS_DOT) {
    /* a label starts with a letter or digit: no empty label, no trailing dot */
    return is_alnum(c) ? CABREF_CAA_ST_ISS_LD : CABREF_CAA_ST_DEAD;
  }
  if (is_wsp(c)) {
    return CABREF_CAA_ST_ISS_WSP;
  }
  return c == ';' ? CABREF_CAA_ST_SEMI : CABREF_CAA_ST_DEAD;
}

/* CAA-VALUE-8659 (RFC 8659 §4.2 issue-value): the parameter part. */
/*@
  requires not_issuer: !CaaIssuerState(s) && s != CABREF_CAA_ST_LEAD;
  assigns \nothing;
  ensures step: \result == CaaStep8659(s, c);
*/
static inline unsigned step_params8659(unsigned s, unsigned c) {
  if (s == CABREF_CAA_ST_SEMI || s == CABREF_CAA_ST_PSEMI) {
    if (is_wsp(c)) {
      return s;
    }
    return is_alnum(c) ? CABREF_CAA_ST_TAG_LD : CABREF_CAA_ST_DEAD;
  }
  if (s == CABREF_CAA_ST_TAG_LD || s == CABREF_CAA_ST_TAG_HY) {
    /* tag = (ALPHA / DIGIT) *( *("-") (ALPHA / DIGIT)) */
    if (is_alnum(c)) {
      return CABREF_CAA_ST_TAG_LD;
    }
    if (c == '-') {
      return CABREF_CAA_ST_TAG_HY;
    }
    if (s == CABREF_CAA_ST_TAG_HY) {
      return CABREF_CAA_ST_DEAD;
    }
    if (is_wsp(c)) {
      return CABREF_CAA_ST_TAG_WSP;
    }
    return c == '=' ? CABREF_CAA_ST_VAL0 : CABREF_CAA_ST_DEAD;
  }
  if (s == CABREF_CAA_ST_TAG_WSP) {
    if (is_wsp(c)) {
      return CABREF_CAA_ST_TAG_WSP;
    }
    return c == '=' ? CABREF_CAA_ST_VAL0 : CABREF_CAA_ST_DEAD;
  }
  if (s == CABREF_CAA_ST_VAL0 || s == CABREF_CAA_ST_VAL || s == CABREF_CAA_ST_VAL_WSP) {
    if (is_wsp(c)) {
      return s == CABREF_CAA_ST_VAL0 ? CABREF_CAA_ST_VAL0 : CABREF_CAA_ST_VAL_WSP;
    }
    if (c == ';') {
      return CABREF_CAA_ST_PSEMI; /* another parameter must follow */
    }
    /* value = *(%x21-3A / %x3C-7E); after a value and blanks only ';' may follow */
    if (s != CABREF_CAA_ST_VAL_WSP && ((c >= 0x21u && c <= 0x3Au) || (c >= 0x3Cu && c <= 0x7Eu))) {
      return CABREF_CAA_ST_VAL;
    }
    return CABREF_CAA_ST_DEAD;
  }
  return CABREF_CAA_ST_DEAD;
}

/* CAA-VALUE-6844 (RFC 6844 §5.2 issuevalue): the parameter part; a parameter value runs to
 * the next blank, so "a=b;c=d" is one parameter (CAA-DETAIL-6844). */
/*@
  requires not_issuer: !CaaIssuerState(s) && s != CABREF_CAA_ST_LEAD;
  assigns \nothing;
  ensures step: \result == CaaStep6844(s, c);
*/
static inline unsigned step_params6844(unsigned s, unsigned c) {
  if (s == CABREF_CAA_ST_SEMI) {
    if (is_wsp(c)) {
      return CABREF_CAA_ST_SEMI;
    }
    return is_alnum(c) ? CABREF_CAA_ST_TAG_LD : CABREF_CAA_ST_DEAD;
  }
  if (s == CABREF_CAA_ST_TAG_LD) {
    /* tag = 1*(ALPHA / DIGIT), then "=" with no blank */
    if (is_alnum(c)) {
      return CABREF_CAA_ST_TAG_LD;
    }
    return c == '=' ? CABREF_CAA_ST_VAL0 : CABREF_CAA_ST_DEAD;
  }
  if (s == CABREF_CAA_ST_VAL0 || s == CABREF_CAA_ST_VAL) {
    /* value = *VCHAR; a blank ends it */
    if (c >= 0x21u && c <= 0x7Eu) {
      return CABREF_CAA_ST_VAL;
    }
    return is_wsp(c) ? CABREF_CAA_ST_SEMI : CABREF_CAA_ST_DEAD;
  }
  return CABREF_CAA_ST_DEAD;
}

/* One step of the automaton of profile p. */
/*@
  assigns \nothing;
  ensures step: \result == CaaStep(p, s, c);
*/
/* Inlined into both passes (the compiler would otherwise call it for every octet: half the
 * parser's time in the bench; the proof is the same). */
static inline __attribute__((always_inline)) unsigned step(cabref_caa_profile p, unsigned s,
                                                           unsigned c) {
  if (p != CABREF_CAA_PROFILE_RFC8659 && p != CABREF_CAA_PROFILE_RFC6844_E5065) {
    return CABREF_CAA_ST_DEAD;
  }
  if (s == CABREF_CAA_ST_LEAD) {
    /* leading blanks, then the issuer, or ';', or the end */
    if (is_wsp(c)) {
      return CABREF_CAA_ST_LEAD;
    }
    if (is_alnum(c)) {
      return CABREF_CAA_ST_ISS_LD;
    }
    return c == ';' ? CABREF_CAA_ST_SEMI : CABREF_CAA_ST_DEAD;
  }
  if (s == CABREF_CAA_ST_ISS_LD || s == CABREF_CAA_ST_ISS_HY || s == CABREF_CAA_ST_ISS_DOT ||
      s == CABREF_CAA_ST_ISS_WSP) {
    return step_issuer(s, c);
  }
  if (p == CABREF_CAA_PROFILE_RFC8659) {
    return step_params8659(s, c);
  }
  return step_params6844(s, c);
}

/* CAA-VALUE-8659, CAA-VALUE-6844: the states in which a value of profile p may end. */
/*@
  assigns \nothing;
  ensures accept: \result == 1 <==> CaaAccept(p, s);
  ensures flag: \result == 0 || \result == 1;
*/
static int accepting(cabref_caa_profile p, unsigned s) {
  if (s == CABREF_CAA_ST_LEAD || s == CABREF_CAA_ST_ISS_LD || s == CABREF_CAA_ST_ISS_WSP ||
      s == CABREF_CAA_ST_SEMI || s == CABREF_CAA_ST_VAL0 || s == CABREF_CAA_ST_VAL) {
    return (p == CABREF_CAA_PROFILE_RFC8659 || p == CABREF_CAA_PROFILE_RFC6844_E5065) ? 1 : 0;
  }
  return (s == CABREF_CAA_ST_VAL_WSP && p == CABREF_CAA_PROFILE_RFC8659) ? 1 : 0;
}

/* CAA-DETAIL-CODES: the error when octet c, read in the live state s, kills the automaton (the
 * table in caa_record.h); ";;" and a ';' after a parameter and blanks are trailing-semicolon
 * under both profiles (CAA-DETAIL-6844). */
/*@
  assigns \nothing;
  ensures codes: CABREF_CAA_VALUE_BAD_ISSUER <= \result <= CABREF_CAA_VALUE_UNEXPECTED;
  ensures not_semi: \result != CABREF_CAA_VALUE_TRAILING_SEMICOLON || c == ';';
  ensures non_ascii: \result == CABREF_CAA_VALUE_NON_ASCII ==> c >= 0x80;
  ensures control: \result == CABREF_CAA_VALUE_CONTROL ==> CaaControl(c);
*/
static cabref_caa_value_error error_at(unsigned s, unsigned c) {
  /* CAA-VALUE-BYTES: octets outside printable ASCII are in neither grammar. */
  if (c >= 0x80u) {
    return CABREF_CAA_VALUE_NON_ASCII;
  }
  if ((c < 0x20u && c != 0x09u) || c == 0x7Fu) {
    return CABREF_CAA_VALUE_CONTROL;
  }
  if (s == CABREF_CAA_ST_LEAD || s == CABREF_CAA_ST_ISS_LD || s == CABREF_CAA_ST_ISS_HY ||
      s == CABREF_CAA_ST_ISS_DOT) {
    return CABREF_CAA_VALUE_BAD_ISSUER;
  }
  if (s == CABREF_CAA_ST_SEMI || s == CABREF_CAA_ST_PSEMI) {
    return c == ';' ? CABREF_CAA_VALUE_TRAILING_SEMICOLON : CABREF_CAA_VALUE_BAD_PARAM_TAG;
  }
  if (s == CABREF_CAA_ST_TAG_LD) {
    return (c == ';' || is_wsp(c)) ? CABREF_CAA_VALUE_PARAM_NO_EQUALS
                                   : CABREF_CAA_VALUE_BAD_PARAM_TAG;
  }
  if (s == CABREF_CAA_ST_TAG_HY) {
    return CABREF_CAA_VALUE_BAD_PARAM_TAG;
  }
  if (s == CABREF_CAA_ST_TAG_WSP) {
    return CABREF_CAA_VALUE_PARAM_NO_EQUALS;
  }
  if (s == CABREF_CAA_ST_VAL_WSP) {
    return CABREF_CAA_VALUE_BAD_PARAM_VALUE; /* "a=1 2": a blank inside a value */
  }
  return CABREF_CAA_VALUE_UNEXPECTED;
}

/* CAA-DETAIL-CODES: the error when the value ends in the live, non-accepting state s. */
/*@
  assigns \nothing;
  ensures codes: CABREF_CAA_VALUE_BAD_ISSUER <= \result <= CABREF_CAA_VALUE_UNEXPECTED;
  ensures not_bytes: \result != CABREF_CAA_VALUE_NON_ASCII && \result != CABREF_CAA_VALUE_CONTROL;
  ensures semi: \result == CABREF_CAA_VALUE_TRAILING_SEMICOLON <==> s == CABREF_CAA_ST_PSEMI;
*/
static cabref_caa_value_error error_at_end(unsigned s) {
  if (s == CABREF_CAA_ST_ISS_HY || s == CABREF_CAA_ST_ISS_DOT) {
    return CABREF_CAA_VALUE_BAD_ISSUER; /* "ca-", "ca.example." */
  }
  if (s == CABREF_CAA_ST_TAG_HY) {
    return CABREF_CAA_VALUE_BAD_PARAM_TAG; /* "; x-" */
  }
  if (s == CABREF_CAA_ST_TAG_LD || s == CABREF_CAA_ST_TAG_WSP) {
    return CABREF_CAA_VALUE_PARAM_NO_EQUALS; /* "; x" */
  }
  if (s == CABREF_CAA_ST_PSEMI) {
    return CABREF_CAA_VALUE_TRAILING_SEMICOLON; /* "ca; a=1;" (RFC 8659) */
  }
  return CABREF_CAA_VALUE_UNEXPECTED;
}

/* CAA-PARAM-CASE: the octet c is the lowercase letter lc up to ASCII case. */
/*@
  requires letter: 'a' <= lc <= 'z';
  assigns \nothing;
  ensures same: \result == 1 <==> CaaLower(c) == lc;
  ensures flag: \result == 0 || \result == 1;
*/
static int ieq(unsigned c, unsigned lc) {
  return (c == lc || c == lc - 32u) ? 1 : 0;
}

/* CAA-PARAM-CASE: the tag v[o .. o+9] is "accounturi" up to ASCII case. */
/*@
  requires valid_tag: \valid_read(v + (o .. o + 9));
  requires bound: o <= CABREF_CAA_MAX_RDATA;
  assigns \nothing;
  ensures account: \result == 1 <==> CaaIsAccountUri(v, o, 10);
  ensures flag: \result == 0 || \result == 1;
*/
static int is_accounturi(const uint8_t *v, size_t o) {
  return ieq(v[o + 0u], 'a') && ieq(v[o + 1u], 'c') && ieq(v[o + 2u], 'c') && ieq(v[o + 3u], 'o') &&
         ieq(v[o + 4u], 'u') && ieq(v[o + 5u], 'n') && ieq(v[o + 6u], 't') && ieq(v[o + 7u], 'u') &&
         ieq(v[o + 8u], 'r') && ieq(v[o + 9u], 'i');
}

/* CAA-PARAM-CASE: the tag v[o .. o+16] is "validationmethods" up to ASCII case. */
/*@
  requires valid_tag: \valid_read(v + (o .. o + 16));
  requires bound: o <= CABREF_CAA_MAX_RDATA;
  assigns \nothing;
  ensures methods: \result == 1 <==> CaaIsValidationMethods(v, o, 17);
  ensures flag: \result == 0 || \result == 1;
*/
static int is_validationmethods(const uint8_t *v, size_t o) {
  return ieq(v[o + 0u], 'v') && ieq(v[o + 1u], 'a') && ieq(v[o + 2u], 'l') && ieq(v[o + 3u], 'i') &&
         ieq(v[o + 4u], 'd') && ieq(v[o + 5u], 'a') && ieq(v[o + 6u], 't') && ieq(v[o + 7u], 'i') &&
         ieq(v[o + 8u], 'o') && ieq(v[o + 9u], 'n') && ieq(v[o + 10u], 'm') &&
         ieq(v[o + 11u], 'e') && ieq(v[o + 12u], 't') && ieq(v[o + 13u], 'h') &&
         ieq(v[o + 14u], 'o') && ieq(v[o + 15u], 'd') && ieq(v[o + 16u], 's');
}

/* Keeps the complete parameter cur as parameter number out->n_params if there is room, and
 * counts it (every parameter is counted, CAA-PARAM-*). Its tag is kept as written, as a span
 * (CAA-DETAIL-PARAMS). */
/*@
  requires valid_out: \valid(out);
  requires bound: end <= CABREF_CAA_MAX_RDATA + 1;
  requires within: CaaValueWithin(out, end);
  requires cur: CaaParamWithin(cur, end);
  requires count: out->n_params <= end;
  assigns out->params[0 .. CABREF_CAA_MAX_PARAMS - 1], out->n_params;
  ensures within: CaaValueWithin(out, end);
  ensures count: out->n_params == \old(out->n_params) + 1;
*/
static void keep(cabref_caa_issue_value *out, cabref_caa_param cur, size_t end) {
  uint32_t k = out->n_params;
  (void)end; /* the contract's bound */
  if (k < CABREF_CAA_MAX_PARAMS) {
    out->params[k].tag_off = cur.tag_off;
    out->params[k].tag_len = cur.tag_len;
    out->params[k].value_off = cur.value_off;
    out->params[k].value_len = cur.value_len;
  }
  /*@ assert kept: \forall integer j; 0 <= j < k + 1 && j < CABREF_CAA_MAX_PARAMS ==>
        CaaParamWithin(out->params[j], end); */
  out->n_params = k + 1u;
}

/* RFC 8657 §3, §4: counts cur as accounturi (which == 1) or validationmethods (which == 2) and
 * keeps the first of each. */
/*@
  requires valid_out: \valid(out);
  requires within: CaaValueWithin(out, end);
  requires cur: CaaParamWithin(cur, end);
  requires room: out->n_accounturi < out->n_params && out->n_validationmethods < out->n_params;
  assigns out->n_accounturi, out->accounturi, out->n_validationmethods, out->validationmethods;
  ensures within: CaaValueWithin(out, end);
  ensures acct: out->n_accounturi == \old(out->n_accounturi) + (which == 1 ? 1 : 0);
  ensures meth: out->n_validationmethods == \old(out->n_validationmethods) + (which == 2 ? 1 : 0);
  ensures acct_first: which == 1 && \old(out->n_accounturi) == 0 ==>
    out->accounturi.value_off == cur.value_off && out->accounturi.value_len == cur.value_len;
  ensures acct_kept: !(which == 1 && \old(out->n_accounturi) == 0) ==>
    out->accounturi.value_off == \old(out->accounturi.value_off) &&
    out->accounturi.value_len == \old(out->accounturi.value_len);
  ensures meth_first: which == 2 && \old(out->n_validationmethods) == 0 ==>
    out->validationmethods.value_off == cur.value_off &&
    out->validationmethods.value_len == cur.value_len;
  ensures meth_kept: !(which == 2 && \old(out->n_validationmethods) == 0) ==>
    out->validationmethods.value_off == \old(out->validationmethods.value_off) &&
    out->validationmethods.value_len == \old(out->validationmethods.value_len);
*/
static void count_rfc8657(cabref_caa_issue_value *out, cabref_caa_param cur, size_t end,
                          int which) {
  (void)end; /* the contract's bound */
  if (which == 1) {
    if (out->n_accounturi == 0u) {
      out->accounturi.tag_off = cur.tag_off;
      out->accounturi.tag_len = cur.tag_len;
      out->accounturi.value_off = cur.value_off;
      out->accounturi.value_len = cur.value_len;
    }
    out->n_accounturi++;
  } else if (which == 2) {
    if (out->n_validationmethods == 0u) {
      out->validationmethods.tag_off = cur.tag_off;
      out->validationmethods.tag_len = cur.tag_len;
      out->validationmethods.value_off = cur.value_off;
      out->validationmethods.value_len = cur.value_len;
    }
    out->n_validationmethods++;
  }
  /*@ assert frame: \forall integer j; 0 <= j < CABREF_CAA_MAX_PARAMS ==>
        out->params[j].tag_off == \at(out->params[j].tag_off, Pre) &&
        out->params[j].tag_len == \at(out->params[j].tag_len, Pre) &&
        out->params[j].value_off == \at(out->params[j].value_off, Pre) &&
        out->params[j].value_len == \at(out->params[j].value_len, Pre); */
  /*@ assert frame_fields: out->n_params == \at(out->n_params, Pre) &&
        out->issuer_off == \at(out->issuer_off, Pre) &&
        out->issuer_len == \at(out->issuer_len, Pre); */
}

/* Adds the complete parameter cur (its spans inside v[0 .. end-1]) to *out: kept if there is
 * room, always counted, and counted as accounturi / validationmethods by its tag, whatever its
 * case (CAA-DETAIL-PARAMS: the RFC 8657 counts ignore case). */
/*@
  requires valid_out: \valid(out);
  requires valid_v: \valid_read(v + (0 .. end - 1));
  requires separated: \separated(v + (0 .. end - 1), out);
  requires bound: end <= CABREF_CAA_MAX_RDATA + 1;
  requires within: CaaValueWithin(out, end);
  requires cur: CaaParamWithin(cur, end);
  requires count: out->n_params <= end;
  assigns out->params[0 .. CABREF_CAA_MAX_PARAMS - 1], out->n_params, out->n_accounturi,
    out->accounturi, out->n_validationmethods, out->validationmethods;
  ensures within: CaaValueWithin(out, end);
  ensures count: out->n_params == \old(out->n_params) + 1;
  ensures issuer: out->issuer_off == \old(out->issuer_off) &&
    out->issuer_len == \old(out->issuer_len);
  ensures acct: out->n_accounturi ==
    \old(out->n_accounturi) + (CaaTagKindIs(v, cur.tag_off, cur.tag_len, 1) ? 1 : 0);
  ensures meth: out->n_validationmethods ==
    \old(out->n_validationmethods) + (CaaTagKindIs(v, cur.tag_off, cur.tag_len, 2) ? 1 : 0);
  ensures acct_first: \old(out->n_accounturi) == 0 &&
    CaaTagKindIs(v, cur.tag_off, cur.tag_len, 1) ==>
    out->accounturi.value_off == cur.value_off && out->accounturi.value_len == cur.value_len;
  ensures acct_kept: !(\old(out->n_accounturi) == 0 &&
                       CaaTagKindIs(v, cur.tag_off, cur.tag_len, 1)) ==>
    out->accounturi.value_off == \old(out->accounturi.value_off) &&
    out->accounturi.value_len == \old(out->accounturi.value_len);
  ensures meth_first: \old(out->n_validationmethods) == 0 &&
    CaaTagKindIs(v, cur.tag_off, cur.tag_len, 2) ==>
    out->validationmethods.value_off == cur.value_off &&
    out->validationmethods.value_len == cur.value_len;
  ensures meth_kept: !(\old(out->n_validationmethods) == 0 &&
                       CaaTagKindIs(v, cur.tag_off, cur.tag_len, 2)) ==>
    out->validationmethods.value_off == \old(out->validationmethods.value_off) &&
    out->validationmethods.value_len == \old(out->validationmethods.value_len);
*/
static void commit(const uint8_t *v, size_t end, cabref_caa_issue_value *out,
                   cabref_caa_param cur) {
  /* RFC 8657 §3, §4 (spec/caa.md CAA-PARAM-CASE: tags matched ASCII case-insensitively). */
  int which = cur.tag_len == 10u && is_accounturi(v, cur.tag_off)          ? 1
              : cur.tag_len == 17u && is_validationmethods(v, cur.tag_off) ? 2
                                                                           : 0;
  keep(out, cur, end);
  count_rfc8657(out, cur, end, which);
}

/* The issuer-domain-name: from its first octet to the last letter or digit read (the octet at
 * offset at took the automaton from st to nst). */
/*@
  requires valid_out: \valid(out);
  requires bound: at < CABREF_CAA_MAX_RDATA;
  requires within: CaaValueWithin(out, at);
  assigns out->issuer_off, out->issuer_len;
  ensures within: CaaValueWithin(out, at + 1);
  ensures same: out->n_params == \old(out->n_params);
*/
static void note_issuer(cabref_caa_issue_value *out, unsigned st, unsigned nst, uint32_t at) {
  if (nst == CABREF_CAA_ST_ISS_LD) {
    if (st == CABREF_CAA_ST_LEAD) {
      out->issuer_off = at;
    }
    out->issuer_len = at + 1u - out->issuer_off;
  }
  /*@ assert frame: \forall integer j; 0 <= j < CABREF_CAA_MAX_PARAMS ==>
        out->params[j].tag_off == \at(out->params[j].tag_off, Pre) &&
        out->params[j].tag_len == \at(out->params[j].tag_len, Pre) &&
        out->params[j].value_off == \at(out->params[j].value_off, Pre) &&
        out->params[j].value_len == \at(out->params[j].value_len, Pre); */
  /*@ assert frame_fields: out->n_params == \at(out->n_params, Pre) &&
        out->n_accounturi == \at(out->n_accounturi, Pre) &&
        out->n_validationmethods == \at(out->n_validationmethods, Pre) &&
        out->accounturi == \at(out->accounturi, Pre) &&
        out->validationmethods == \at(out->validationmethods, Pre); */
}

/* The second pass over a value of profile p: the issuer span and the parameters. */
/*@
  requires valid_v: \valid_read(v + (0 .. len - 1));
  requires valid_out: \valid(out);
  requires separated: \separated(v + (0 .. len - 1), out);
  requires bound: len <= CABREF_CAA_MAX_RDATA;
  requires empty: out->issuer_off == 0 && out->issuer_len == 0 && out->n_params == 0 &&
    out->n_accounturi == 0 && out->n_validationmethods == 0;
  assigns *out;
  ensures within: CaaValueWithin(out, len);
  ensures acct: out->n_accounturi == CaaParamCount(v, p, 1, len);
  ensures meth: out->n_validationmethods == CaaParamCount(v, p, 2, len);
  ensures acct_first: out->n_accounturi >= 1 ==>
    out->accounturi.value_off == CaaParamValueOff(v, p, 1, len) &&
    out->accounturi.value_len == CaaParamValueLen(v, p, 1, len);
  ensures meth_first: out->n_validationmethods >= 1 ==>
    out->validationmethods.value_off == CaaParamValueOff(v, p, 2, len) &&
    out->validationmethods.value_len == CaaParamValueLen(v, p, 2, len);
*/
static void record(const uint8_t *v, size_t len, cabref_caa_profile p,
                   cabref_caa_issue_value *out) {
  cabref_caa_param cur = {0u, 0u, 0u, 0u};
  unsigned st = CABREF_CAA_ST_LEAD;
  size_t i;
  /*@
    loop invariant range: 0 <= i <= len;
    loop invariant within: CaaValueWithin(out, i);
    loop invariant cur: CaaParamWithin(cur, i);
    loop invariant count: out->n_params <= i;
    loop invariant state: st == CaaState(v, p, i);
    loop invariant tag: cur.tag_off == CaaTagOff(v, p, i) && cur.tag_len == CaaTagLen(v, p, i);
    loop invariant val: cur.value_off == CaaValOff(v, p, i) && cur.value_len == CaaValLen(v, p, i);
    loop invariant acct: out->n_accounturi == CaaNParam(v, p, 1, i);
    loop invariant meth: out->n_validationmethods == CaaNParam(v, p, 2, i);
    loop invariant acct_first: out->n_accounturi >= 1 ==>
      out->accounturi.value_off == CaaFirstOff(v, p, 1, i) &&
      out->accounturi.value_len == CaaFirstLen(v, p, 1, i);
    loop invariant meth_first: out->n_validationmethods >= 1 ==>
      out->validationmethods.value_off == CaaFirstOff(v, p, 2, i) &&
      out->validationmethods.value_len == CaaFirstLen(v, p, 2, i);
    loop assigns i, st, cur, *out;
    loop variant len - i;
  */
  for (i = 0; i < len; i++) {
    unsigned nst = step(p, st, v[i]);
    uint32_t at = (uint32_t)i;
    note_issuer(out, st, nst, at);
    /* a parameter tag starts after ';' and blanks, or (RFC 6844) after a blank */
    if (nst == CABREF_CAA_ST_TAG_LD) {
      if (st == CABREF_CAA_ST_SEMI || st == CABREF_CAA_ST_PSEMI) {
        cur.tag_off = at;
        cur.value_off = at;
        cur.value_len = 0u;
      }
      cur.tag_len = at + 1u - cur.tag_off;
    }
    /* '=' read: the value is empty so far and would start after it */
    if (nst == CABREF_CAA_ST_VAL0 && st != CABREF_CAA_ST_VAL0) {
      cur.value_off = at + 1u;
      cur.value_len = 0u;
    }
    if (nst == CABREF_CAA_ST_VAL) {
      if (st == CABREF_CAA_ST_VAL0) {
        cur.value_off = at;
      }
      cur.value_len = at + 1u - cur.value_off;
    }
    /* The current parameter is now the one of CaaTagOff .. CaaValLen after v[0 .. i]. */
    /*@ assert next: nst == CaaState(v, p, i + 1); */
    /*@ assert cur_tag: cur.tag_off == CaaTagOff(v, p, i + 1) &&
          cur.tag_len == CaaTagLen(v, p, i + 1); */
    /*@ assert cur_val: cur.value_off == CaaValOff(v, p, i + 1) &&
          cur.value_len == CaaValLen(v, p, i + 1); */
    /*@ assert ends_acct: CaaParamEnds(v, p, 1, i + 1) <==>
          (CaaInValue(st) && (nst == CABREF_CAA_ST_PSEMI || nst == CABREF_CAA_ST_SEMI) &&
           CaaTagKindIs(v, cur.tag_off, cur.tag_len, 1)); */
    /*@ assert ends_meth: CaaParamEnds(v, p, 2, i + 1) <==>
          (CaaInValue(st) && (nst == CABREF_CAA_ST_PSEMI || nst == CABREF_CAA_ST_SEMI) &&
           CaaTagKindIs(v, cur.tag_off, cur.tag_len, 2)); */
    /*@ assert count_acct: CaaNParam(v, p, 1, i + 1) ==
          CaaNParam(v, p, 1, i) + (CaaParamEnds(v, p, 1, i + 1) ? 1 : 0); */
    /*@ assert count_meth: CaaNParam(v, p, 2, i + 1) ==
          CaaNParam(v, p, 2, i) + (CaaParamEnds(v, p, 2, i + 1) ? 1 : 0); */
    /*@ assert first_acct:
          CaaFirstOff(v, p, 1, i + 1) == (CaaNParam(v, p, 1, i) == 0 &&
            CaaParamEnds(v, p, 1, i + 1) ? cur.value_off : CaaFirstOff(v, p, 1, i)) &&
          CaaFirstLen(v, p, 1, i + 1) == (CaaNParam(v, p, 1, i) == 0 &&
            CaaParamEnds(v, p, 1, i + 1) ? cur.value_len : CaaFirstLen(v, p, 1, i)); */
    /*@ assert first_meth:
          CaaFirstOff(v, p, 2, i + 1) == (CaaNParam(v, p, 2, i) == 0 &&
            CaaParamEnds(v, p, 2, i + 1) ? cur.value_off : CaaFirstOff(v, p, 2, i)) &&
          CaaFirstLen(v, p, 2, i + 1) == (CaaNParam(v, p, 2, i) == 0 &&
            CaaParamEnds(v, p, 2, i + 1) ? cur.value_len : CaaFirstLen(v, p, 2, i)); */
    /* the parameter ends at ';' (RFC 8659) or at a blank (RFC 6844) */
    if ((st == CABREF_CAA_ST_VAL0 || st == CABREF_CAA_ST_VAL || st == CABREF_CAA_ST_VAL_WSP) &&
        (nst == CABREF_CAA_ST_PSEMI || nst == CABREF_CAA_ST_SEMI)) {
      /*@ assert ends_here_acct:
            CaaParamEnds(v, p, 1, i + 1) <==> CaaTagKindIs(v, cur.tag_off, cur.tag_len, 1); */
      /*@ assert ends_here_meth:
            CaaParamEnds(v, p, 2, i + 1) <==> CaaTagKindIs(v, cur.tag_off, cur.tag_len, 2); */
      /*@ assert pre_acct: out->n_accounturi == CaaNParam(v, p, 1, i); */
      commit(v, i + 1u, out, cur);
      /*@ assert post_acct: out->n_accounturi ==
            CaaNParam(v, p, 1, i) + (CaaTagKindIs(v, cur.tag_off, cur.tag_len, 1) ? 1 : 0); */
    } else {
      /*@ assert no_end: !CaaParamEnds(v, p, 1, i + 1) && !CaaParamEnds(v, p, 2, i + 1); */
    }
    /*@ assert acct_next: out->n_accounturi == CaaNParam(v, p, 1, i + 1); */
    /*@ assert meth_next: out->n_validationmethods == CaaNParam(v, p, 2, i + 1); */
    st = nst;
  }
  /*@ assert last_acct:
        CaaLastIs(v, p, 1, len) <==>
          (CaaInValue(st) && CaaTagKindIs(v, cur.tag_off, cur.tag_len, 1)); */
  /*@ assert last_meth:
        CaaLastIs(v, p, 2, len) <==>
          (CaaInValue(st) && CaaTagKindIs(v, cur.tag_off, cur.tag_len, 2)); */
  if (st == CABREF_CAA_ST_VAL0 || st == CABREF_CAA_ST_VAL || st == CABREF_CAA_ST_VAL_WSP) {
    commit(v, len, out, cur);
  }
}

/* Sets *out to an empty issuer with no parameter (CAA-VALUE-MALFORMED). */
/*@
  requires valid_out: \valid(out);
  assigns out->issuer_off, out->issuer_len, out->n_params, out->n_accounturi,
    out->n_validationmethods;
  ensures empty: out->issuer_off == 0 && out->issuer_len == 0 && out->n_params == 0 &&
    out->n_accounturi == 0 && out->n_validationmethods == 0;
*/
static void clear(cabref_caa_issue_value *out) {
  out->issuer_off = 0u;
  out->issuer_len = 0u;
  out->n_params = 0u;
  out->n_accounturi = 0u;
  out->n_validationmethods = 0u;
}

/* CAA-VALUE-8659, CAA-VALUE-6844: OK iff the automaton of the profile accepts v. Otherwise
 * CAA-DETAIL-OFFSET: the error is at the octet that killed it (bad: the longest viable prefix),
 * at len when the value stops early, or at the last ';' for a trailing one (semi); and
 * CAA-DETAIL-CODES: the first failure wins, its code from the state it was read in. */
cabref_caa_value_error cabref_caa_issue_value_parse(const uint8_t *v, size_t len,
                                                    cabref_caa_profile profile,
                                                    cabref_caa_issue_value *out, size_t *err_pos) {
  unsigned st = CABREF_CAA_ST_LEAD, bad_st = CABREF_CAA_ST_LEAD, bad_c = 0u;
  size_t i, bad = len, semi = 0u;
  if (len > CABREF_CAA_MAX_RDATA) {
    clear(out);
    *err_pos = CABREF_CAA_MAX_RDATA;
    return CABREF_CAA_VALUE_UNEXPECTED;
  }
  if (profile != CABREF_CAA_PROFILE_RFC8659 && profile != CABREF_CAA_PROFILE_RFC6844_E5065) {
    /*@ assert start: CaaState(v, profile, 0) == CABREF_CAA_ST_LEAD; */
    /*@ assert dead: len > 0 ==> CaaState(v, profile, 1) == CABREF_CAA_ST_DEAD; */
    clear(out);
    *err_pos = 0u;
    return CABREF_CAA_VALUE_UNEXPECTED;
  }
  /*@
    loop invariant range: 0 <= i <= len;
    loop invariant state: st == CaaState(v, profile, i);
    loop invariant alive: st != CABREF_CAA_ST_DEAD ==> bad == len;
    loop invariant died: st == CABREF_CAA_ST_DEAD ==>
      0 <= bad < i && bad_st == CaaState(v, profile, bad) && bad_st != CABREF_CAA_ST_DEAD &&
      bad_c == v[bad] && CaaState(v, profile, bad + 1) == CABREF_CAA_ST_DEAD;
    loop invariant semi: 0 <= semi <= i && CaaState(v, profile, semi) != CABREF_CAA_ST_DEAD;
    loop assigns i, st, bad, bad_st, bad_c, semi;
    loop variant len - i;
  */
  for (i = 0; i < len; i++) {
    unsigned c = v[i];
    unsigned nst = step(profile, st, c);
    /*@ assert next: nst == CaaState(v, profile, i + 1); */
    if (nst == CABREF_CAA_ST_DEAD && st != CABREF_CAA_ST_DEAD) {
      bad = i;
      bad_st = st;
      bad_c = c;
    }
    if (c == ';' && st != CABREF_CAA_ST_DEAD) {
      semi = i;
    }
    st = nst;
  }
  clear(out);
  if (accepting(profile, st)) {
    record(v, len, profile, out);
    return CABREF_CAA_VALUE_OK;
  }
  if (st == CABREF_CAA_ST_DEAD) {
    *err_pos = bad;
    return error_at(bad_st, bad_c);
  }
  {
    cabref_caa_value_error e = error_at_end(st);
    *err_pos = e == CABREF_CAA_VALUE_TRAILING_SEMICOLON ? semi : len;
    return e;
  }
}

/* ---- validationmethods (RFC 8657 §4) -------------------------------------------------------- */

/* label = 1*(ALPHA / DIGIT / "-"), labels separated by ','. */
/*@
  assigns \nothing;
  ensures step: \result == CaaMethodsStep(s, c);
*/
static unsigned methods_step(unsigned s, unsigned c) {
  int label_char = is_alnum(c) || c == '-';
  if (s == CABREF_CAA_MST_START || s == CABREF_CAA_MST_COMMA) {
    return label_char ? CABREF_CAA_MST_LABEL : CABREF_CAA_MST_DEAD;
  }
  if (s == CABREF_CAA_MST_LABEL) {
    if (label_char) {
      return CABREF_CAA_MST_LABEL;
    }
    return c == ',' ? CABREF_CAA_MST_COMMA : CABREF_CAA_MST_DEAD;
  }
  return CABREF_CAA_MST_DEAD;
}

/* v[o .. o+n-1] equals m[0 .. n-1] up to ASCII case (spec/caa.md CAA-PARAM-METHODS). */
/*@
  requires valid_v: \valid_read(v + (o .. o + n - 1));
  requires valid_m: \valid_read(m + (0 .. n - 1));
  requires bound: o + n <= SIZE_MAX;
  assigns \nothing;
  ensures same: \result == 1 <==>
    \forall integer k; 0 <= k < n ==> CaaLower(v[o + k]) == CaaLower(m[k]);
  ensures flag: \result == 0 || \result == 1;
*/
static int same_label(const uint8_t *v, size_t o, const char *m, size_t n) {
  size_t k;
  /*@
    loop invariant range: 0 <= k <= n;
    loop invariant same: \forall integer j; 0 <= j < k ==> CaaLower(v[o + j]) == CaaLower(m[j]);
    loop assigns k;
    loop variant n - k;
  */
  for (k = 0; k < n; k++) {
    if (lower(v[o + k]) != lower(m[k])) {
      return 0;
    }
  }
  return 1;
}

/* CAA-DETAIL-PARAMS: the whole list is read, so a malformed list is malformed even if it holds
 * the method; a label of hyphens only is a label; a repeated label is fine. */
cabref_caa_methods_result cabref_caa_methods_contains(const uint8_t *v, size_t len,
                                                      const char *method, size_t mlen) {
  unsigned st = CABREF_CAA_MST_START;
  size_t i, ls = 0u;
  int found = 0;
  /*@
    loop invariant range: 0 <= ls <= i <= len;
    loop invariant state: st == CaaMethodsState(v, i);
    loop invariant start: ls == 0 || v[ls - 1] == ',';
    loop invariant no_comma: \forall integer k; ls <= k < i ==> v[k] != ',';
    loop invariant found: found == 1 ==> CaaMethodsHas(v, len, method, mlen);
    loop invariant not_found: found == 0 ==>
      \forall integer s; 0 <= s && s + mlen < i ==> !CaaMethodAt(v, len, s, method, mlen);
    loop invariant flag: found == 0 || found == 1;
    loop assigns i, ls, st, found;
    loop variant len - i;
  */
  for (i = 0; i < len; i++) {
    unsigned c = v[i];
    if (c == ',') {
      /* the label v[ls .. i-1] ends here */
      /*@ assert unique: \forall integer s; 0 <= s && s + mlen == i &&
            CaaMethodAt(v, len, s, method, mlen) ==> s == ls; */
      if (found == 0 && mlen >= 1u && i - ls == mlen && same_label(v, ls, method, mlen)) {
        /*@ assert witness: CaaMethodAt(v, len, ls, method, mlen); */
        found = 1;
      }
      ls = i + 1u;
    }
    st = methods_step(st, c);
  }
  /* the last label ends at the end of the value */
  /*@ assert unique: \forall integer s; 0 <= s && s + mlen == len &&
        CaaMethodAt(v, len, s, method, mlen) ==> s == ls; */
  if (found == 0 && mlen >= 1u && len - ls == mlen && same_label(v, ls, method, mlen)) {
    /*@ assert witness: CaaMethodAt(v, len, ls, method, mlen); */
    found = 1;
  }
  /*@ assert last: found == 0 ==>
        \forall integer s; 0 <= s && s + mlen == len ==> !CaaMethodAt(v, len, s, method, mlen); */
  /*@ assert none: found == 0 ==>
        \forall integer s; !CaaMethodAt(v, len, s, method, mlen); */
  /*@ assert has: found == 1 <==> CaaMethodsHas(v, len, method, mlen); */
  if (st != CABREF_CAA_MST_START && st != CABREF_CAA_MST_LABEL) {
    return CABREF_CAA_METHODS_MALFORMED;
  }
  return found ? CABREF_CAA_METHODS_MATCH : CABREF_CAA_METHODS_NO_MATCH;
}

/* ---- iodef (RFC 8659 §4.4; RFC 3986 §3.1) --------------------------------------------------- */

/* CAA-DETAIL-IODEF: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 §3.1). */
/*@
  assigns \nothing;
  ensures scheme: \result == 1 <==> CaaSchemeChar(c);
  ensures flag: \result == 0 || \result == 1;
*/
static int is_scheme_char(unsigned c) {
  return (is_alnum(c) || c == '+' || c == '-' || c == '.') ? 1 : 0;
}

/* "mailto" up to ASCII case (RFC 3986 §3.1: schemes are case-insensitive). */
/*@
  requires valid_v: \valid_read(v + (0 .. 5));
  assigns \nothing;
  ensures mailto: \result == 1 <==> CaaIodefMailto(v);
  ensures flag: \result == 0 || \result == 1;
*/
static int is_mailto(const uint8_t *v) {
  return ((v[0] == 'm' || v[0] == 'M') && (v[1] == 'a' || v[1] == 'A') &&
          (v[2] == 'i' || v[2] == 'I') && (v[3] == 'l' || v[3] == 'L') &&
          (v[4] == 't' || v[4] == 'T') && (v[5] == 'o' || v[5] == 'O'))
             ? 1
             : 0;
}

/* "http" (s == 0) or "https" (s == 1) up to ASCII case. */
/*@
  requires valid_v: \valid_read(v + (0 .. 3 + s));
  requires s == 0 || s == 1;
  assigns \nothing;
  ensures http: s == 0 ==> (\result == 1 <==> CaaIodefHttp(v));
  ensures https: s == 1 ==> (\result == 1 <==> CaaIodefHttps(v));
  ensures flag: \result == 0 || \result == 1;
*/
static int is_http(const uint8_t *v, int s) {
  return ((v[0] == 'h' || v[0] == 'H') && (v[1] == 't' || v[1] == 'T') &&
          (v[2] == 't' || v[2] == 'T') && (v[3] == 'p' || v[3] == 'P') &&
          (s == 0 || v[4] == 's' || v[4] == 'S'))
             ? 1
             : 0;
}

/* CAA-DETAIL-IODEF: URL text is octets 0x21-0x7E (a blank, NUL or non-ASCII octet makes the
 * value malformed); the scheme is RFC 3986's, so "httpsx:" is other. */
cabref_caa_iodef_scheme cabref_caa_iodef_parse(const uint8_t *v, size_t len) {
  size_t i, k;
  /*@
    loop invariant range: 0 <= i <= len;
    loop invariant text: \forall integer j; 0 <= j < i ==> CaaVchar(v[j]);
    loop assigns i;
    loop variant len - i;
  */
  for (i = 0; i < len; i++) {
    /* a URL holds no blank, control or non-ASCII octet */
    if (v[i] < 0x21u || v[i] > 0x7Eu) {
      return CABREF_CAA_IODEF_MALFORMED;
    }
  }
  if (len == 0u || !((v[0] >= 'a' && v[0] <= 'z') || (v[0] >= 'A' && v[0] <= 'Z'))) {
    /*@ assert none: \forall integer k2; !CaaIodefScheme(v, len, k2); */
    return CABREF_CAA_IODEF_MALFORMED;
  }
  /*@
    loop invariant range: 1 <= k <= len;
    loop invariant scheme: \forall integer j; 1 <= j < k ==> CaaSchemeChar(v[j]);
    loop assigns k;
    loop variant len - k;
  */
  for (k = 1; k < len && is_scheme_char(v[k]); k++) {
  }
  if (k == len || v[k] != ':') {
    /*@ assert none: \forall integer k2; !CaaIodefScheme(v, len, k2); */
    return CABREF_CAA_IODEF_MALFORMED;
  }
  /*@ assert scheme: CaaIodefScheme(v, len, k); */
  /*@ assert unique: \forall integer k2; CaaIodefScheme(v, len, k2) ==> k2 == k; */
  /* RFC 8659 §4.4: mailto, http and https are the schemes it names; scheme names are
   * case-insensitive (RFC 3986 §3.1). */
  if (k == 6u && is_mailto(v)) {
    return CABREF_CAA_IODEF_MAILTO;
  }
  if (k == 4u && is_http(v, 0)) {
    return CABREF_CAA_IODEF_HTTP;
  }
  if (k == 5u && is_http(v, 1)) {
    return CABREF_CAA_IODEF_HTTPS;
  }
  return CABREF_CAA_IODEF_OTHER;
}
