/* libFuzzer target: the CAA RDATA parser (ref/core/caa_rdata.c), then the value parser and the
 * decision on what it found.
 *
 * Requirements: CAA-RDATA-FORMAT, CAA-RDATA-TAG-LEN, CAA-RDATA-TAG-CHARS, CAA-RDATA-TOTAL,
 * CAA-FLAGS, CAA-TAG-CASE, CAA-DETAIL-OFFSET (RDATA); through the decision: CAA-DECIDE (the
 * decision, a function of the records, the wildcard flag and the configuration, is the twin's),
 * CAA-EMPTY-SET, CAA-RDATA-DENY, CAA-CRITICAL, CAA-NO-ISSUE, CAA-PERMIT, CAA-ISSUEWILD-IGNORED,
 * CAA-ISSUEWILD-SHADOWS, CAA-VALUE-MALFORMED, CAA-ISSUER-MATCH, CAA-PARAM-CASE,
 * CAA-PARAM-ACCOUNTURI, CAA-PARAM-METHODS, CAA-PARAM-UNKNOWN, CAA-IODEF, CAA-REASONS,
 * CAA-DETAIL-PARAMS, CAA-DETAIL-CODES. Not checked here: CAA-ADDITIVE as a property (only through
 * the twin on sets of one and three records).
 *
 * The whole input is the RDATA of one record, copied into an exactly sized heap buffer so that
 * ASan reports any read past its end. The parser's status must follow from the octets (checked
 * against fuzz/caa_twin.h), the spans must lie inside the input and tile it (flags, length, tag,
 * value), and tag_kind must agree with a case-insensitive compare done here. The value goes to
 * the value parser under both profiles (never crashes; spans inside the value). Then the record
 * is decided alone and beside two fixed records (one that authorizes the CA, one that authorizes
 * no one), and the empty set is decided too, for wildcard and non-wildcard requests, under two CA
 * configurations (rfc8659 with RFC 8657 on, a recognised extra tag and flag 1 read as critical;
 * rfc6844-e5065 with neither), and the decision must equal the twin's: permit, reason, permit
 * index, every verdict and every detail code (CAA-DETAIL-PARAMS, CAA-DETAIL-CODES); the outcome
 * alone (cabref_caa_decide_reason) must give the same reason and permit index.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caa_twin.h"
#include "cabref/caa.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

static cabref_caa_config cfg[2];

static void set_text(char *dst, uint8_t *len, const char *s) {
  *len = (uint8_t)strlen(s);
  memcpy(dst, s, *len);
}

static void init(void) {
  static const char acct[] = "https://ca.example/acct/1";
  memset(cfg, 0, sizeof cfg);
  cfg[0].profile = CABREF_CAA_PROFILE_RFC8659;
  cfg[0].n_issuers = 2;
  set_text(cfg[0].issuer[0], &cfg[0].issuer_len[0], "ca.example");
  set_text(cfg[0].issuer[1], &cfg[0].issuer_len[1], "Other-CA.example.NET");
  cfg[0].n_tags = 1;
  set_text(cfg[0].tag[0], &cfg[0].tag_len[0], "issuemail");
  cfg[0].rfc8657 = 1;
  cfg[0].account_uri_len = (uint32_t)strlen(acct);
  memcpy(cfg[0].account_uri, acct, strlen(acct));
  set_text(cfg[0].method, &cfg[0].method_len, "dns-01");
  cfg[0].flag1_critical = 1;
  cfg[1].profile = CABREF_CAA_PROFILE_RFC6844_E5065;
  cfg[1].n_issuers = 1;
  set_text(cfg[1].issuer[0], &cfg[1].issuer_len[0], "CA.EXAMPLE");
}

static void check_decision(const uint8_t *buf, size_t buf_len, const cabref_caa_rr *rr, size_t n,
                           int wildcard, const cabref_caa_config *c) {
  cabref_caa_decision d;
  caa_twin_decision t;
  size_t j;
  memset(&d, 0xa5, sizeof d);
  cabref_caa_decide(buf, buf_len, rr, n, wildcard, c, &d);
  caa_twin_decide(buf, rr, n, wildcard, c, &t);
  if (d.permit != t.permit || d.reason != t.reason) {
    fprintf(stderr, "decision: core %d/%s, twin %d/%s (wildcard %d, profile %d)\n", d.permit,
            cabref_caa_reason_code((cabref_caa_reason)d.reason), t.permit,
            cabref_caa_reason_code((cabref_caa_reason)t.reason), wildcard, c->profile);
    CHECK(d.permit == t.permit && d.reason == t.reason);
  }
  CHECK(cabref_caa_reason_code((cabref_caa_reason)d.reason) != NULL);
  CHECK(d.n == n);
  if (d.reason == CABREF_CAA_PERMIT_ISSUER)
    CHECK(d.permit_index == t.permit_index);
  /* The outcome alone (cabref_caa_decide_reason, its own code path) gives the same reason and
   * permitting record as the full decision. */
  {
    uint16_t index = 0xa5a5u;
    cabref_caa_reason r = cabref_caa_decide_reason(buf, buf_len, rr, n, wildcard, c, &index);
    if ((int)r != (int)d.reason || index != d.permit_index) {
      fprintf(stderr, "outcome: %s/%u, decision %s/%u\n", cabref_caa_reason_code(r), index,
              cabref_caa_reason_code((cabref_caa_reason)d.reason), d.permit_index);
      CHECK((int)r == (int)d.reason && index == d.permit_index);
    }
  }
  for (j = 0; j < n; j++) {
    if (d.verdict[j] != t.verdict[j] || (t.detail[j] >= 0 && d.detail[j] != t.detail[j])) {
      fprintf(stderr, "record %zu: core verdict %s detail %d, twin %s detail %d\n", j,
              cabref_caa_verdict_code((cabref_caa_rr_verdict)d.verdict[j]), d.detail[j],
              cabref_caa_verdict_code((cabref_caa_rr_verdict)t.verdict[j]), t.detail[j]);
      CHECK(d.verdict[j] == t.verdict[j]);
      CHECK(t.detail[j] < 0 || d.detail[j] == t.detail[j]);
    }
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* Two fixed records: 0 issue "ca.example", 0 issue ";" (authorizes no one). */
  static const uint8_t yes[] = {0,   5,   'i', 's', 's', 'u', 'e', 'c', 'a',
                                '.', 'e', 'x', 'a', 'm', 'p', 'l', 'e'};
  static const uint8_t no[] = {0, 5, 'i', 's', 's', 'u', 'e', ';'};
  uint8_t *r, *buf;
  cabref_caa_record rec;
  size_t pos = (size_t)-1, k;
  cabref_caa_rdata_error e;
  int layout, w, ci;

  if (cfg[0].n_issuers == 0)
    init();
  r = malloc(size > 0 ? size : 1);
  CHECK(r != NULL);
  if (size > 0)
    memcpy(r, data, size);

  memset(&rec, 0xa5, sizeof rec);
  e = cabref_caa_rdata_parse(r, size, &rec, &pos);
  layout = caa_twin_rdata_layout(r, size);
  /* CAA-RDATA-TOTAL, CAA-RDATA-FORMAT, CAA-RDATA-TAG-LEN: structural status from the octets. */
  if (layout != 0) {
    if (e != (cabref_caa_rdata_error)layout)
      fprintf(stderr, "rdata: core %d, twin layout %d\n", (int)e, layout);
    CHECK(e == (cabref_caa_rdata_error)layout);
    /* CAA-DETAIL-OFFSET: truncated RDATA at its length; a tag length that is 0 or runs past the
     * end at the tag-length octet (1), the octet at fault. */
    if (e == CABREF_CAA_RDATA_TOO_LONG)
      CHECK(pos == CABREF_CAA_MAX_RDATA);
    else if (e == CABREF_CAA_RDATA_TAG_EMPTY || e == CABREF_CAA_RDATA_TAG_PAST_END)
      CHECK(pos == 1);
    else
      CHECK(pos == size);
  } else {
    size_t bad = 0;
    /* CAA-RDATA-TAG-CHARS: the first octet outside [A-Za-z0-9] is reported; NUL or bad char. */
    while (bad < r[1] && caa_twin_alnum(r[2 + bad]))
      bad++;
    if (bad == r[1]) {
      CHECK(e == CABREF_CAA_RDATA_OK);
    } else {
      CHECK(e == CABREF_CAA_RDATA_TAG_NUL || e == CABREF_CAA_RDATA_TAG_BAD_CHAR);
      CHECK(pos == 2u + bad);
      CHECK((e == CABREF_CAA_RDATA_TAG_NUL) == (r[pos] == 0));
    }
    /* The layout is filled on OK, TAG_NUL and TAG_BAD_CHAR. */
    CHECK(rec.flags == r[0]);
    CHECK(rec.critical == ((r[0] & CABREF_CAA_FLAG_CRITICAL) != 0));
    CHECK(rec.tag_off == 2 && rec.tag_len == r[1]);
    CHECK(rec.value_off == 2u + rec.tag_len);
    CHECK((size_t)rec.value_off + rec.value_len == size);
    /* CAA-TAG-CASE, CAA-RDATA-TAG-CHARS: the kind, by a compare done here. */
    {
      int kind = 0;
      if (e == CABREF_CAA_RDATA_OK) {
        static const char *names[] = {"issue", "issuewild", "iodef"};
        int i;
        for (i = 0; i < 3; i++) {
          size_t nl = strlen(names[i]);
          if (rec.tag_len != nl)
            continue;
          for (k = 0; k < nl; k++)
            if ((r[2 + k] | 0x20u) != (uint8_t)names[i][k])
              break;
          if (k == nl)
            kind = i + 1;
        }
      }
      CHECK(rec.tag_kind == kind);
    }
    /* The value to the value parser, both profiles: total, spans inside. */
    {
      cabref_caa_profile prof;
      for (prof = CABREF_CAA_PROFILE_RFC8659; prof <= CABREF_CAA_PROFILE_RFC6844_E5065;
           prof = (cabref_caa_profile)(prof + 1)) {
        cabref_caa_issue_value iv;
        size_t vpos = (size_t)-1;
        cabref_caa_value_error ve =
            cabref_caa_issue_value_parse(r + rec.value_off, rec.value_len, prof, &iv, &vpos);
        if (ve == CABREF_CAA_VALUE_OK)
          CHECK((size_t)iv.issuer_off + iv.issuer_len <= rec.value_len);
        else
          CHECK(vpos <= rec.value_len);
      }
      (void)cabref_caa_iodef_parse(r + rec.value_off, rec.value_len);
    }
  }
  if (e == CABREF_CAA_RDATA_OK)
    CHECK(layout == 0);

  /* The decision: the empty set, the record alone, then first and last beside the two fixed
   * records. */
  if (size <= CABREF_CAA_MAX_RDATA) {
    size_t ny = sizeof yes, nn = sizeof no;
    cabref_caa_rr set[3];
    buf = malloc(size + ny + nn);
    CHECK(buf != NULL);
    if (size > 0)
      memcpy(buf, r, size);
    memcpy(buf + size, yes, ny);
    memcpy(buf + size + ny, no, nn);
    for (ci = 0; ci < 2; ci++) {
      for (w = 0; w < 2; w++) {
        check_decision(buf, size + ny + nn, set, 0, w, &cfg[ci]); /* CAA-EMPTY-SET */
        set[0].off = 0;
        set[0].len = (uint32_t)size;
        check_decision(buf, size + ny + nn, set, 1, w, &cfg[ci]);
        set[1].off = (uint32_t)size;
        set[1].len = (uint32_t)ny;
        set[2].off = (uint32_t)(size + ny);
        set[2].len = (uint32_t)nn;
        check_decision(buf, size + ny + nn, set, 3, w, &cfg[ci]);
        set[0] = set[2];
        set[2].off = 0;
        set[2].len = (uint32_t)size;
        check_decision(buf, size + ny + nn, set, 3, w, &cfg[ci]);
      }
    }
    free(buf);
  }
  free(r);
  return 0;
}
