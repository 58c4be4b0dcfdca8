/* cabref: the CAA decision for one request against one relevant record set (spec/caa.md
 * CAA-EMPTY-SET .. CAA-CAPACITY). Three layers, each with its own contract: the kind of a
 * record (its tag, its critical flag, its layout), whether an issue/issuewild value authorizes
 * this CA, and the combination of the records' kinds and authorizations into the decision, which
 * is CaaPermits of spec/caa_logic.h. */
#include <stddef.h>

#include "cabref/caa.h"

/* RFC 8659 §4.1 (tags) and RFC 4343 §3 (names): ASCII case folding only. */
static int lower_ascii(int c) {
  return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* a[0 .. alen-1] equals the configuration text b[0 .. blen-1], ASCII case-insensitively, over
 * the whole length: never a prefix, suffix or substring (CAA-ISSUER-MATCH). */
static int text_ieq(const uint8_t *a, size_t alen, const char *b, size_t blen) {
  size_t k;
  if (alen != blen) {
    return 0;
  }
  for (k = 0; k < alen; k++) {
    if (lower_ascii(a[k]) != lower_ascii(b[k])) {
      return 0;
    }
  }
  return 1;
}

/* CAA-CRITICAL: a tag of the CA's configuration, beyond issue, issuewild and iodef. */
static int extra_tag(const uint8_t *tag, size_t tl, const cabref_caa_config *cfg) {
  size_t j;
  size_t n = cfg->n_tags <= CABREF_CAA_MAX_TAGS ? cfg->n_tags : CABREF_CAA_MAX_TAGS;
  for (j = 0; j < n; j++) {
    if (cfg->tag_len[j] <= CABREF_CAA_MAX_TAG_TEXT &&
        text_ieq(tag, tl, cfg->tag[j], cfg->tag_len[j])) {
      return 1;
    }
  }
  return 0;
}

/* The kind of one record, its detail code, and its value's span (for issue/issuewild). */
static cabref_caa_kind classify(const uint8_t *rdata, size_t len, const cabref_caa_config *cfg,
                                uint8_t *detail, size_t *voff, size_t *vlen) {
  cabref_caa_record rec;
  size_t pos = 0;
  cabref_caa_rdata_error e = cabref_caa_rdata_parse(rdata, len, &rec, &pos);
  int critical;
  *detail = (uint8_t)e;
  *voff = 0;
  *vlen = 0;
  /* CAA-RDATA-DENY: a record whose layout is broken cannot be read at all. */
  if (e != CABREF_CAA_RDATA_OK && e != CABREF_CAA_RDATA_TAG_NUL &&
      e != CABREF_CAA_RDATA_TAG_BAD_CHAR) {
    return CABREF_CAA_KIND_MALFORMED;
  }
  /* CAA-RDATA-TAG-CHARS: a tag with a character outside [A-Za-z0-9] is no tag the CA
   * recognises; CAA-TAG-CASE: the parser matched issue/issuewild/iodef case-insensitively. */
  if (e == CABREF_CAA_RDATA_OK) {
    if (rec.tag_kind == (uint8_t)CABREF_CAA_TAG_ISSUE ||
        rec.tag_kind == (uint8_t)CABREF_CAA_TAG_ISSUEWILD) {
      *voff = rec.value_off;
      *vlen = rec.value_len;
      return rec.tag_kind == (uint8_t)CABREF_CAA_TAG_ISSUE ? CABREF_CAA_KIND_ISSUE
                                                           : CABREF_CAA_KIND_ISSUEWILD;
    }
    if (rec.tag_kind == (uint8_t)CABREF_CAA_TAG_IODEF ||
        extra_tag(rdata + rec.tag_off, rec.tag_len, cfg)) {
      return CABREF_CAA_KIND_NEUTRAL; /* CAA-IODEF: recognised, never changes the decision */
    }
  }
  /* CAA-CRITICAL, CAA-FLAGS: RFC 8659 §4.1, flag value 128; value 1 only by option. */
  critical = (rec.flags & CABREF_CAA_FLAG_CRITICAL) != 0u ||
             (cfg->flag1_critical != 0u && (rec.flags & CABREF_CAA_FLAG_ONE) != 0u);
  return critical ? CABREF_CAA_KIND_UNKNOWN_CRITICAL : CABREF_CAA_KIND_UNKNOWN;
}

cabref_caa_kind cabref_caa_record_kind(const uint8_t *rdata, size_t len,
                                       const cabref_caa_config *cfg, uint8_t *detail) {
  size_t voff, vlen;
  return classify(rdata, len, cfg, detail, &voff, &vlen);
}

/* RFC 8659 §4.2 and RFC 6844 §5.2: WSP is a space or a tab. */
static int is_wsp(uint8_t c) {
  return c == ' ' || c == '\t';
}

/* RFC 8659 §4.2: the issuer-domain-name of a value in the grammar follows the leading blanks
 * and runs up to the next blank or ';' (or the end). Both grammars give the same span. */
static size_t wsp_end(const uint8_t *v, size_t len) {
  size_t i = 0;
  while (i < len && is_wsp(v[i])) {
    i++;
  }
  return i;
}

static size_t issuer_end(const uint8_t *v, size_t len, size_t s) {
  size_t i = s;
  while (i < len && !is_wsp(v[i]) && v[i] != ';') {
    i++;
  }
  return i;
}

/* CAA-ISSUER-MATCH: one of the CA's Issuer Domain Names, whole name, ignoring ASCII case. */
static int issuer_known(const uint8_t *name, size_t nlen, const cabref_caa_config *cfg) {
  size_t j;
  size_t n = cfg->n_issuers <= CABREF_CAA_MAX_ISSUERS ? cfg->n_issuers : CABREF_CAA_MAX_ISSUERS;
  for (j = 0; j < n; j++) {
    if (cfg->issuer_len[j] <= CABREF_NAME_MAX_TEXT &&
        text_ieq(name, nlen, cfg->issuer[j], cfg->issuer_len[j])) {
      return 1;
    }
  }
  return 0;
}

/* CAA-PARAM-ACCOUNTURI: RFC 8657 §3, octet for octet. */
static int uri_equal(const uint8_t *a, size_t alen, const cabref_caa_config *cfg) {
  size_t k;
  if (cfg->account_uri_len == 0u || cfg->account_uri_len > CABREF_CAA_MAX_URI ||
      alen != cfg->account_uri_len) {
    return 0; /* a request without an account URI never matches */
  }
  for (k = 0; k < alen; k++) {
    if (a[k] != (uint8_t)(cfg->account_uri[k] & 0xFF)) {
      return 0;
    }
  }
  return 1;
}

/* CAA-PARAM-*: the RFC 8657 parameters, when the CA processes them; others are ignored
 * (CAA-PARAM-UNKNOWN). */
static cabref_caa_rr_verdict params_verdict(const uint8_t *v, size_t len,
                                            const cabref_caa_issue_value *pv,
                                            const cabref_caa_config *cfg) {
  cabref_caa_methods_result m;
  size_t mlen;
  if (pv->n_accounturi > 1u) {
    return CABREF_CAA_RR_ACCOUNTURI_DUPLICATE; /* RFC 8657 §3: unsatisfiable */
  }
  if (pv->n_accounturi == 1u &&
      (pv->accounturi.value_off > len ||
       pv->accounturi.value_len > len - pv->accounturi.value_off ||
       !uri_equal(v + pv->accounturi.value_off, pv->accounturi.value_len, cfg))) {
    return CABREF_CAA_RR_ACCOUNTURI_MISMATCH;
  }
  if (pv->n_validationmethods > 1u) {
    return CABREF_CAA_RR_METHODS_DUPLICATE; /* spec/caa.md decision, as for accounturi */
  }
  if (pv->n_validationmethods == 1u) {
    if (pv->validationmethods.value_off > len ||
        pv->validationmethods.value_len > len - pv->validationmethods.value_off) {
      return CABREF_CAA_RR_METHODS_MALFORMED;
    }
    mlen = cfg->method_len <= CABREF_CAA_MAX_METHOD ? cfg->method_len : 0u;
    m = cabref_caa_methods_contains(v + pv->validationmethods.value_off,
                                    pv->validationmethods.value_len, cfg->method, mlen);
    if (m == CABREF_CAA_METHODS_MALFORMED) {
      return CABREF_CAA_RR_METHODS_MALFORMED; /* RFC 8657 §4 grammar */
    }
    if (m != CABREF_CAA_METHODS_MATCH || mlen == 0u) {
      return CABREF_CAA_RR_METHODS_MISMATCH; /* no method named never matches */
    }
  }
  return CABREF_CAA_RR_PERMITS;
}

cabref_caa_rr_verdict cabref_caa_value_verdict(const uint8_t *v, size_t len,
                                               const cabref_caa_config *cfg, uint8_t *detail) {
  cabref_caa_issue_value pv;
  size_t pos = 0, s, e;
  cabref_caa_value_error err =
      cabref_caa_issue_value_parse(v, len, (cabref_caa_profile)cfg->profile, &pv, &pos);
  *detail = (uint8_t)err;
  /* CAA-VALUE-MALFORMED: RFC 8659 §4.2, treated as an empty issuer-domain-name. */
  if (err != CABREF_CAA_VALUE_OK) {
    return CABREF_CAA_RR_MALFORMED_VALUE;
  }
  s = wsp_end(v, len);
  e = issuer_end(v, len, s);
  if (e == s) {
    return CABREF_CAA_RR_EMPTY_ISSUER; /* e.g. ";": nobody is authorized */
  }
  if (!issuer_known(v + s, e - s, cfg)) {
    return CABREF_CAA_RR_ISSUER_MISMATCH;
  }
  if (cfg->rfc8657 == 0u) {
    return CABREF_CAA_RR_PERMITS; /* CAA-PARAM-UNKNOWN: parameters not processed */
  }
  return params_verdict(v, len, &pv, cfg);
}

/* CAA-ISSUEWILD-IGNORED, CAA-ISSUEWILD-SHADOWS: does a record of this kind apply? */
static int applies(cabref_caa_kind k, int wildcard, int has_issuewild) {
  if (k == CABREF_CAA_KIND_ISSUEWILD) {
    return wildcard;
  }
  if (k == CABREF_CAA_KIND_ISSUE) {
    return !wildcard || !has_issuewild;
  }
  return 0;
}

void cabref_caa_decide(const uint8_t *buf, size_t buf_len, const cabref_caa_rr *rr, size_t n_rr,
                       int wildcard, const cabref_caa_config *cfg, cabref_caa_decision *out) {
  uint8_t kind[CABREF_CAA_MAX_RECORDS];
  size_t voff[CABREF_CAA_MAX_RECORDS], vlen[CABREF_CAA_MAX_RECORDS];
  size_t i;
  int w = wildcard != 0;
  int has_issuewild = 0, any_malformed = 0, any_critical = 0, any_applies = 0, found = 0;
  size_t first = 0;
  out->permit = 0u;
  out->permit_index = 0u;
  /* CAA-CAPACITY: refusing can never be a wrong permit. */
  if (n_rr > CABREF_CAA_MAX_RECORDS) {
    out->reason = (uint8_t)CABREF_CAA_DENY_CAPACITY;
    out->n = 0u;
    return;
  }
  out->n = (uint32_t)n_rr;
  /* Pass 1: the kind of every record (it does not depend on the request). */
  for (i = 0; i < n_rr; i++) {
    cabref_caa_kind k;
    voff[i] = 0;
    vlen[i] = 0;
    if (rr[i].off > buf_len || rr[i].len > buf_len - rr[i].off) {
      out->detail[i] = (uint8_t)CABREF_CAA_RDATA_TRUNCATED; /* RDATA outside the buffer */
      k = CABREF_CAA_KIND_MALFORMED;
    } else {
      k = classify(buf + rr[i].off, rr[i].len, cfg, &out->detail[i], &voff[i], &vlen[i]);
    }
    kind[i] = (uint8_t)k;
    if (k == CABREF_CAA_KIND_ISSUEWILD) {
      has_issuewild = 1;
    }
  }
  /* Pass 2: what each record says about this request. */
  for (i = 0; i < n_rr; i++) {
    cabref_caa_kind k = (cabref_caa_kind)kind[i];
    uint8_t v;
    if (k == CABREF_CAA_KIND_MALFORMED) {
      v = (uint8_t)CABREF_CAA_RR_RDATA_MALFORMED;
      any_malformed = 1;
    } else if (k == CABREF_CAA_KIND_UNKNOWN_CRITICAL) {
      v = (uint8_t)CABREF_CAA_RR_UNKNOWN_CRITICAL;
      any_critical = 1;
    } else if (k == CABREF_CAA_KIND_UNKNOWN) {
      v = (uint8_t)CABREF_CAA_RR_UNKNOWN_TAG;
    } else if (k == CABREF_CAA_KIND_NEUTRAL) {
      v = (uint8_t)CABREF_CAA_RR_NEUTRAL;
    } else if (!applies(k, w, has_issuewild)) {
      v = (uint8_t)(k == CABREF_CAA_KIND_ISSUEWILD ? CABREF_CAA_RR_ISSUEWILD_IGNORED
                                                   : CABREF_CAA_RR_ISSUE_SHADOWED);
    } else {
      any_applies = 1;
      v = (uint8_t)cabref_caa_value_verdict(buf + rr[i].off + voff[i], vlen[i], cfg,
                                            &out->detail[i]);
      if (v == (uint8_t)CABREF_CAA_RR_PERMITS && !found) {
        found = 1;
        first = i;
      }
    }
    out->verdict[i] = v;
  }
  /* CAA-REASONS: deny reasons first, in their rank; then the permit reasons. */
  if (any_malformed) {
    out->reason = (uint8_t)CABREF_CAA_DENY_RDATA_MALFORMED; /* CAA-RDATA-DENY */
  } else if (any_critical) {
    out->reason = (uint8_t)CABREF_CAA_DENY_UNKNOWN_CRITICAL; /* CAA-CRITICAL */
  } else if (n_rr == 0) {
    out->permit = 1u;
    out->reason = (uint8_t)CABREF_CAA_PERMIT_NO_RECORDS; /* CAA-EMPTY-SET */
  } else if (!any_applies) {
    out->permit = 1u;
    out->reason = (uint8_t)CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY; /* CAA-NO-ISSUE */
  } else if (found) {
    out->permit = 1u;
    out->reason = (uint8_t)CABREF_CAA_PERMIT_ISSUER; /* CAA-PERMIT */
    out->permit_index = (uint16_t)first;
  } else {
    out->reason = (uint8_t)CABREF_CAA_DENY_NOT_AUTHORIZED;
  }
}

const char *cabref_caa_reason_code(cabref_caa_reason r) {
  switch (r) {
  case CABREF_CAA_PERMIT_NO_RECORDS:
    return "no-records";
  case CABREF_CAA_PERMIT_NO_ISSUE_PROPERTY:
    return "no-issue-property";
  case CABREF_CAA_PERMIT_ISSUER:
    return "issuer-permits";
  case CABREF_CAA_DENY_RDATA_MALFORMED:
    return "rdata-malformed";
  case CABREF_CAA_DENY_UNKNOWN_CRITICAL:
    return "unknown-critical";
  case CABREF_CAA_DENY_NOT_AUTHORIZED:
    return "not-authorized";
  case CABREF_CAA_DENY_CAPACITY:
    return "too-many-records";
  default:
    return "unknown";
  }
}

const char *cabref_caa_verdict_code(cabref_caa_rr_verdict v) {
  switch (v) {
  case CABREF_CAA_RR_PERMITS:
    return "permits";
  case CABREF_CAA_RR_RDATA_MALFORMED:
    return "rdata-malformed";
  case CABREF_CAA_RR_UNKNOWN_CRITICAL:
    return "unknown-critical";
  case CABREF_CAA_RR_UNKNOWN_TAG:
    return "unknown-tag";
  case CABREF_CAA_RR_NEUTRAL:
    return "neutral";
  case CABREF_CAA_RR_ISSUEWILD_IGNORED:
    return "issuewild-ignored";
  case CABREF_CAA_RR_ISSUE_SHADOWED:
    return "issue-shadowed";
  case CABREF_CAA_RR_MALFORMED_VALUE:
    return "malformed-value";
  case CABREF_CAA_RR_EMPTY_ISSUER:
    return "empty-issuer";
  case CABREF_CAA_RR_ISSUER_MISMATCH:
    return "issuer-mismatch";
  case CABREF_CAA_RR_ACCOUNTURI_MISMATCH:
    return "accounturi-mismatch";
  case CABREF_CAA_RR_ACCOUNTURI_DUPLICATE:
    return "accounturi-duplicate";
  case CABREF_CAA_RR_METHODS_MISMATCH:
    return "methods-mismatch";
  case CABREF_CAA_RR_METHODS_MALFORMED:
    return "methods-malformed";
  case CABREF_CAA_RR_METHODS_DUPLICATE:
    return "methods-duplicate";
  default:
    return "unknown";
  }
}
