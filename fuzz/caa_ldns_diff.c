/* libFuzzer target: differential against ldns 1.8.3 (the DNS library the shell reads zones with)
 * on CAA RDATA, in wire and in presentation form.
 *
 * Requirements: CAA-RDATA-FORMAT, CAA-RDATA-TAG-LEN, CAA-RDATA-TOTAL (the layout, against ldns's
 * rdfs); the tag's characters and the flags' meaning are not ldns's business (caa_rdata).
 *
 * The first octet chooses the mode (its low bit); the rest is copied into an exactly sized heap
 * buffer.
 *
 * Wire mode (the rest is one RDATA):
 *  1. ldns_wire2rr on a resource record carrying that RDATA: wherever the core finds the CAA
 *     layout (OK, tag-nul, tag-bad-char), ldns must accept it and its rdfs (int8 flags, tag with
 *     its length octet, long_str value) must hold the same octets (ldns makes no value rdf for an
 * empty value from wire, an empty one from `""`). Legitimate differences, each asserted as what it
 * is, never skipped:
 *     - fewer than 2 octets (`truncated`): ldns accepts, with as many rdfs as there are octets;
 *     - tag length 0 (`tag-empty`): ldns accepts an empty tag rdf;
 *     - tag past the end (`tag-past-end`): ldns refuses (packet overflow), as it should.
 *     ldns does not look at the tag's characters in wire form (cabref: tag-bad-char, tag-nul).
 *  2. Round trip through our text: cabref_caa_print (caa_print.c) gives the canonical form;
 *     "x. 0 IN CAA <text>" read by ldns_rr_new_frm_str must give back the same RDATA octets,
 *     and so must the shell's own cabref_caa_rdata_from_text. The printer falls back to the
 *     RFC 3597 generic form "\# N hex" for RDATA without the CAA layout or with a tag outside
 *     letters and digits; ldns parses generic CAA RDATA with its CAA rdf types, so it accepts it
 *     exactly when it accepts the wire (1.), and it gives back the same octets; the shell keeps
 *     generic RDATA opaque, so it always gives them back.
 *
 * Text mode (the rest is presentation text after "x. 0 IN CAA "):
 *  3. If ldns accepts the text, the core parses ldns's RDATA with the layout intact and the
 *     flags, tag and value equal ldns's rdfs. Legitimate differences, asserted:
 *     - text with a NUL octet cannot be given to ldns (C strings): the part before it is used;
 *     - ldns reads a flags token outside 0..255 modulo 256 (256 -> 0, -1 -> 255): the core only
 *       sees the resulting octet, so the comparison holds on octets;
 *     - ldns's generic form "\# N hex" carries any RDATA, including tag length 0 (`tag-empty`)
 *       or fewer than 2 octets (`truncated`): the core must report exactly that;
 *     - ldns reads "\#" in a later field as generic data for that field alone
 *       (`0 \# 1 41 "x"` gives an int8 where the tag should be, `0 \# ue "x"` no tag rdf): its
 *       rdfs then are not flags/tag/value and only the octets are given to the core;
 *     - ldns refuses tags outside letters and digits in presentation form (the core would report
 *       tag-bad-char), and unquoted values (RFC 8659 §4.1.1 allows them; the shell quotes them
 *       first): refusals by ldns are not compared with the core, only counted.
 *  4. The shell's cabref_caa_rdata_from_text on the same text must give ldns's octets whenever
 *     ldns accepts it and the text is one line (the shell reads zone lines: a newline ends the
 *     record there, and a ';' outside quotes starts a comment in a zone file but not in
 *     ldns_rr_new_frm_str; ldns_rr_new_frm_str also accepts a quote left open at the end,
 *     `0 issue "a`, which the shell refuses as a syntax error: texts with a newline, an
 *     unquoted ';' or an open quote are not compared). "\#" after the first token is read by
 *     ldns_rr_new_frm_str as generic data of one field, while ldns's file reader (the shell's)
 *     refuses "\#" anywhere but as the first RDATA token (RFC 3597 §5): not compared either; nor is
 * a parenthesis inside a token (`IS(SUE`: ldns_rr_new_frm_str drops it and joins the token, the
 * shell splits there, as a zone file's parentheses do). The shell also checks what ldns reads
 * without a check (flags 0..255 in decimal, the generic form's length and digit count) and refuses
 * the rest: those texts are not compared either (shell_checks_pass).
 */
#include <ldns/ldns.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/caa_record.h"
#include "cabref/caa_shell.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

static const char prefix[] = "x. 0 IN CAA ";

/* ldns's reading of one RDATA in wire form, inside a resource record (root owner, CAA, IN). */
static ldns_status ldns_from_wire(const uint8_t *rd, size_t n, ldns_rr **rr) {
  uint8_t *w = malloc(n + 11);
  size_t pos = 0;
  ldns_status st;
  CHECK(w != NULL);
  w[0] = 0;    /* owner: the root */
  w[1] = 0x01; /* type 257, CAA */
  w[2] = 0x01;
  w[3] = 0x00; /* class IN */
  w[4] = 0x01;
  memset(w + 5, 0, 4); /* TTL */
  w[9] = (uint8_t)(n >> 8);
  w[10] = (uint8_t)(n & 0xffu);
  if (n > 0)
    memcpy(w + 11, rd, n);
  *rr = NULL;
  st = ldns_wire2rr(rr, w, n + 11, &pos, LDNS_SECTION_ANSWER);
  free(w);
  return st;
}

/* ldns's RDATA octets of rr. */
static uint8_t *ldns_rdata(const ldns_rr *rr, size_t *n) {
  ldns_buffer *b = ldns_buffer_new(CABREF_CAA_MAX_RDATA + 16u);
  uint8_t *out;
  CHECK(b != NULL);
  CHECK(ldns_rr_rdata2buffer_wire(b, rr) == LDNS_STATUS_OK);
  *n = ldns_buffer_position(b);
  out = malloc(*n > 0 ? *n : 1);
  CHECK(out != NULL);
  if (*n > 0)
    memcpy(out, ldns_buffer_begin(b), *n);
  ldns_buffer_free(b);
  return out;
}

/* 1 iff ldns's rdfs have the CAA types: int8, tag, long_str (fewer when the RDATA is short). */
static int caa_typed(const ldns_rr *rr) {
  static const ldns_rdf_type want[3] = {LDNS_RDF_TYPE_INT8, LDNS_RDF_TYPE_TAG,
                                        LDNS_RDF_TYPE_LONG_STR};
  size_t k, cnt = ldns_rr_rd_count(rr);
  if (cnt > 3)
    return 0;
  for (k = 0; k < cnt; k++)
    if (ldns_rdf_get_type(ldns_rr_rdf(rr, k)) != want[k])
      return 0;
  return 1;
}

/* The core's reading of rd[0 .. n-1] against ldns's rdfs of the same octets. */
static void compare_rdfs(const uint8_t *rd, size_t n, const ldns_rr *rr) {
  cabref_caa_record rec;
  size_t pos = (size_t)-1, cnt = ldns_rr_rd_count(rr);
  cabref_caa_rdata_error e = cabref_caa_rdata_parse(rd, n, &rec, &pos);
  CHECK(caa_typed(rr));
  if (e == CABREF_CAA_RDATA_TRUNCATED) {
    CHECK(n < 2 && cnt == n); /* ldns: an rdf per octet present */
    return;
  }
  CHECK(cnt >= 2);
  CHECK(ldns_rdf_size(ldns_rr_rdf(rr, 0)) == 1 && ldns_rdf_data(ldns_rr_rdf(rr, 0))[0] == rd[0]);
  CHECK(ldns_rdf_get_type(ldns_rr_rdf(rr, 1)) == LDNS_RDF_TYPE_TAG);
  CHECK(ldns_rdf_size(ldns_rr_rdf(rr, 1)) == 1u + rd[1]);
  CHECK(memcmp(ldns_rdf_data(ldns_rr_rdf(rr, 1)), rd + 1, 1u + rd[1]) == 0);
  if (e == CABREF_CAA_RDATA_TAG_EMPTY) {
    CHECK(rd[1] == 0); /* ldns accepts an empty tag; RFC 8659 §4.1 says at least 1 */
  } else {
    CHECK(e == CABREF_CAA_RDATA_OK || e == CABREF_CAA_RDATA_TAG_NUL ||
          e == CABREF_CAA_RDATA_TAG_BAD_CHAR);
    CHECK(rec.flags == rd[0] && rec.tag_len == rd[1]);
  }
  {
    size_t voff = 2u + rd[1], vlen = n - voff;
    if (vlen == 0) {
      /* from wire ldns makes no value rdf; from text (`""`) an empty one */
      CHECK(cnt == 2 || (cnt == 3 && ldns_rdf_size(ldns_rr_rdf(rr, 2)) == 0));
    } else {
      ldns_rdf *v = ldns_rr_rdf(rr, 2);
      CHECK(cnt == 3);
      CHECK(ldns_rdf_get_type(v) == LDNS_RDF_TYPE_LONG_STR);
      CHECK(ldns_rdf_size(v) == vlen && memcmp(ldns_rdf_data(v), rd + voff, vlen) == 0);
      if (e != CABREF_CAA_RDATA_TAG_EMPTY)
        CHECK(rec.value_off == voff && rec.value_len == vlen);
    }
  }
}

static char *with_prefix(const char *text, size_t len) {
  char *s = malloc(sizeof prefix + len);
  CHECK(s != NULL);
  memcpy(s, prefix, sizeof prefix - 1);
  memcpy(s + sizeof prefix - 1, text, len);
  s[sizeof prefix - 1 + len] = '\0';
  return s;
}

static void wire_mode(const uint8_t *rd, size_t n) {
  ldns_rr *rr = NULL;
  ldns_status st;
  cabref_caa_record rec;
  size_t pos;
  cabref_caa_rdata_error e = cabref_caa_rdata_parse(rd, n, &rec, &pos);
  char *text, *line;
  size_t tl;

  /* 1. ldns_wire2rr against the core. */
  st = ldns_from_wire(rd, n, &rr);
  if (e == CABREF_CAA_RDATA_TAG_PAST_END) {
    CHECK(st != LDNS_STATUS_OK);
  } else {
    if (st != LDNS_STATUS_OK)
      fprintf(stderr, "ldns refuses wire the core reads (%d): %s\n", (int)e,
              ldns_get_errorstr_by_id(st));
    CHECK(st == LDNS_STATUS_OK);
    compare_rdfs(rd, n, rr);
  }
  ldns_rr_free(rr);

  /* 2. Our canonical text, back through ldns and through the shell. */
  text = cabref_caa_print_alloc(rd, n);
  CHECK(text != NULL);
  tl = strlen(text);
  {
    char one[1];
    CHECK(tl == cabref_caa_print(rd, n, one, sizeof one) && one[0] == '\0');
  }
  line = with_prefix(text, tl);
  rr = NULL;
  st = ldns_rr_new_frm_str(&rr, line, 0, NULL, NULL);
  if (e == CABREF_CAA_RDATA_TAG_PAST_END) {
    CHECK(st != LDNS_STATUS_OK); /* generic form, refused by ldns as in 1. */
  } else {
    uint8_t *back;
    size_t bn;
    if (st != LDNS_STATUS_OK)
      fprintf(stderr, "ldns refuses our text (%s): %s\n", ldns_get_errorstr_by_id(st), text);
    CHECK(st == LDNS_STATUS_OK);
    back = ldns_rdata(rr, &bn);
    if (bn != n || (n > 0 && memcmp(back, rd, n) != 0))
      fprintf(stderr, "round trip through ldns differs: %s\n", text);
    CHECK(bn == n && (n == 0 || memcmp(back, rd, n) == 0));
    free(back);
  }
  ldns_rr_free(rr);
  {
    uint8_t *out = malloc(CABREF_CAA_MAX_RDATA);
    size_t on = 0;
    cabref_error err;
    cabref_status s;
    CHECK(out != NULL);
    s = cabref_caa_rdata_from_text(text, tl, out, CABREF_CAA_MAX_RDATA, &on, &err);
    if (s != CABREF_OK || on != n || (n > 0 && memcmp(out, rd, n) != 0))
      fprintf(stderr, "round trip through the shell differs (status %d): %s\n", (int)s, text);
    CHECK(s == CABREF_OK && on == n && (n == 0 || memcmp(out, rd, n) == 0));
    free(out);
  }
  free(line);
  free(text);
}

/* 1 iff the text has a ';' outside quotes, leaves a quote open, has "\#" after its first
 * token, or a parenthesis touching a token. */
static int zone_line_differs(const char *t, size_t n) {
  int q = 0;
  size_t k, b = 0;
  while (b < n && (t[b] == ' ' || t[b] == '\t' || t[b] == '(' || t[b] == ')'))
    b++;
  for (k = b + 1; k + 1 < n; k++)
    if (t[k] == '\\' && t[k + 1] == '#')
      return 1;
  for (k = 0; k < n; k++) {
    if (t[k] == '\\' && k + 1 < n)
      k++;
    else if (t[k] == '"')
      q = !q;
    else if (t[k] == ';' && !q)
      return 1;
    else if ((t[k] == '(' || t[k] == ')') && !q &&
             ((k > 0 && !strchr(" \t()", t[k - 1])) || (k + 1 < n && !strchr(" \t()", t[k + 1]))))
      return 1;
  }
  return q;
}

/* The shell's own checks of a CAA text before ldns sees it (ref/shell/caa_zone.c): flags are 1
 * to 3 decimal digits up to 255 (ldns reads "-1" as 255, "256" as 0, "0x1" as 0 and "0001" as
 * 1); the generic form "\# N hex" has N <= 65535 written in at most 5 digits and exactly 2N hex
 * digits (ldns takes N modulo 65536 and does not count the digits). 1 iff the text passes them. The
 * first token is read after blanks and parentheses, up to a blank, a parenthesis, a quote or ';'.
 */
static int shell_checks_pass(const char *t, size_t n) {
  size_t b = 0, e, k, len = 0, digits = 0;
  while (b < n && (t[b] == ' ' || t[b] == '\t' || t[b] == '(' || t[b] == ')'))
    b++;
  for (e = b; e < n && !strchr(" \t()\";", t[e]); e++)
    ;
  if (e - b == 2 && t[b] == '\\' && t[b + 1] == '#') {
    for (b = e; b < n && (t[b] == ' ' || t[b] == '\t' || t[b] == '(' || t[b] == ')'); b++)
      ;
    for (e = b; e < n && t[e] >= '0' && t[e] <= '9'; e++)
      len = e - b < 6 ? len * 10 + (size_t)(t[e] - '0') : 999999;
    if (e == b || e - b > 5 || len > CABREF_CAA_MAX_RDATA)
      return 0;
    for (k = e; k < n; k++) {
      if ((t[k] >= '0' && t[k] <= '9') || ((t[k] | 0x20) >= 'a' && (t[k] | 0x20) <= 'f'))
        digits++;
      else if (!strchr(" \t()", t[k]))
        return 0;
    }
    return digits == 2 * len;
  }
  if (e == b || e - b > 3)
    return 0;
  for (k = b; k < e; k++) {
    if (t[k] < '0' || t[k] > '9')
      return 0;
    len = len * 10 + (size_t)(t[k] - '0');
  }
  return len <= 255;
}

static void text_mode(const char *text, size_t len) {
  ldns_rr *rr = NULL;
  ldns_status st;
  char *line;
  size_t n = strnlen(text, len); /* ldns reads C strings: up to the first NUL */
  uint8_t *rd;
  size_t rn;

  line = with_prefix(text, n);
  st = ldns_rr_new_frm_str(&rr, line, 0, NULL, NULL);
  free(line);
  if (st != LDNS_STATUS_OK) {
    ldns_rr_free(rr);
    return; /* ldns refuses: bad tags, unquoted values, ...: nothing of ldns's to compare */
  }
  if (ldns_rr_get_type(rr) != LDNS_RR_TYPE_CAA) {
    ldns_rr_free(rr);
    return; /* cannot happen with our prefix; said aloud rather than assumed */
  }
  /* 3. The core on ldns's octets. */
  rd = ldns_rdata(rr, &rn);
  if (caa_typed(rr)) {
    compare_rdfs(rd, rn, rr);
  } else {
    /* "\#" as a later field ("0 \# 1 41 ..."): ldns reads it as generic data of that field
     * (an int8 tag, or no rdf at all), so its rdfs are not flags/tag/value; the core still
     * reads the octets, totally (reported: the shell accepts such text, see the file comment). */
    cabref_caa_record rec;
    size_t pos;
    CHECK(cabref_caa_rdata_parse(rd, rn, &rec, &pos) <= CABREF_CAA_RDATA_TOO_LONG);
  }
  /* 4. The shell on the same text. */
  if (memchr(text, '\n', n) == NULL && memchr(text, '\r', n) == NULL &&
      !zone_line_differs(text, n) && shell_checks_pass(text, n)) {
    uint8_t *out = malloc(CABREF_CAA_MAX_RDATA);
    size_t on = 0;
    cabref_error err;
    cabref_status s;
    CHECK(out != NULL);
    s = cabref_caa_rdata_from_text(text, n, out, CABREF_CAA_MAX_RDATA, &on, &err);
    if (s != CABREF_OK || on != rn || (rn > 0 && memcmp(out, rd, rn) != 0))
      fprintf(stderr, "shell and ldns differ on [%.*s]: status %d, %zu vs %zu octets\n", (int)n,
              text, (int)s, on, rn);
    CHECK(s == CABREF_OK && on == rn && (rn == 0 || memcmp(out, rd, rn) == 0));
    free(out);
  }
  free(rd);
  ldns_rr_free(rr);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint8_t *rest;
  size_t n;
  if (size == 0 || size - 1 > CABREF_CAA_MAX_RDATA)
    return 0; /* RDLENGTH is 16 bits: longer RDATA has no wire form */
  n = size - 1;
  rest = malloc(n > 0 ? n : 1);
  CHECK(rest != NULL);
  if (n > 0)
    memcpy(rest, data + 1, n);
  if ((data[0] & 1u) == 0)
    wire_mode(rest, n);
  else
    text_mode((const char *)rest, n);
  free(rest);
  return 0;
}
