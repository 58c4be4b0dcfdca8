/* A `cabref vectors --impl` adapter for ldns 1.8 (Debian 12's libldns3): it answers the
 * CaaRdataTest requests of vectors/caa.json by giving the record to ldns and reporting the fields
 * ldns reads: the flags octet, the tag and the value (spec/tally-formats.md §5 for the protocol).
 *
 *   caa_adapter [--form wire|zone|print]
 *
 * wire (the default): the test's RDATA (input.rdataHex) is the RDATA of a CAA record in wire form
 * (ldns_wire2rr). zone: the test's presentation form (input.zone) is the RDATA of a zone-file line
 * (ldns_rr_new_frm_str). print: the wire form is read, printed by ldns (ldns_rr2str) and the
 * printed line read again (ldns_rr_new_frm_str): the fields reported are those of the record read
 * back, so a printer that loses or changes an octet shows. ldns's own presentation of the record
 * it read (ldns_rr2str) is returned as "printed".
 *
 * ldns is a DNS library, not a CAA implementation: it has no notion of a critical flag or of the
 * property a tag names, so "critical" and "tagKind" are declared unanswered, and it has no error
 * codes of RFC 8659's kind: a record it refuses is answered {"result": "error", "reason":
 * ["ldns-refused"]} with ldns's own status text as detail (the allow-list says, per test, how that
 * compares with the vector's reason). Other test types are "unsupported". Nothing of cabref is
 * linked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <ldns/ldns.h>

#include "../cproto.h"

static json_t *hex_of(const uint8_t *p, size_t n) {
  char *s = malloc(2 * n + 1);
  size_t i;
  json_t *j;
  for (i = 0; i < n; i++)
    snprintf(s + 2 * i, 3, "%02x", p[i]);
  s[2 * n] = '\0';
  j = json_string(s);
  free(s);
  return j;
}

/* The record of a zone-file line whose RDATA is the test's presentation form. */
static ldns_status from_zone(ldns_rr **rr, const char *zone) {
  size_t n = strlen(zone) + 16;
  char *text = malloc(n);
  ldns_status st;
  if (text == NULL)
    return LDNS_STATUS_MEM_ERR;
  snprintf(text, n, ". 0 IN CAA %s", zone);
  st = ldns_rr_new_frm_str(rr, text, 0, NULL, NULL);
  free(text);
  return st;
}

enum form { FORM_WIRE, FORM_ZONE, FORM_PRINT };

static json_t *answer(json_t *req, void *ctx) {
  enum form form = *(enum form *)ctx;
  json_int_t tc = json_integer_value(json_object_get(req, "tcId"));
  const char *type = json_string_value(json_object_get(req, "type"));
  const char *hex = json_string_value(json_object_get(json_object_get(req, "input"), "rdataHex"));
  const char *zone = json_string_value(json_object_get(json_object_get(req, "input"), "zone"));
  static uint8_t wire[11 + 65535];
  size_t n = 0, pos = 0;
  ldns_rr *rr = NULL;
  ldns_status st;
  ldns_rdf *flags, *tag, *value;
  char *printed;
  json_t *r;
  if (type == NULL || strcmp(type, "CaaRdataTest") != 0)
    return json_pack("{s:I, s:s}", "tcId", tc, "result", "unsupported");
  if (form == FORM_ZONE) {
    if (zone == NULL)
      return json_pack("{s:I, s:s}", "tcId", tc, "result", "unsupported");
    st = from_zone(&rr, zone);
    goto read;
  }
  if (hex == NULL || !cproto_hex(hex, wire + 11, 65535, &n))
    return json_pack("{s:I, s:s, s:s}", "tcId", tc, "result", "unsupported", "detail",
                     "input.rdataHex is missing, not hexadecimal or over 65535 octets");
  /* An answer-section RR: root owner, type CAA (257), class IN, TTL 0, RDLENGTH, RDATA. */
  wire[0] = 0;
  wire[1] = 0x01;
  wire[2] = 0x01;
  wire[3] = 0x00;
  wire[4] = 0x01;
  wire[5] = wire[6] = wire[7] = wire[8] = 0;
  wire[9] = (uint8_t)(n >> 8);
  wire[10] = (uint8_t)n;
  st = ldns_wire2rr(&rr, wire, 11 + n, &pos, LDNS_SECTION_ANSWER);
  if (st == LDNS_STATUS_OK && pos != 11 + n)
    st = LDNS_STATUS_PACKET_OVERFLOW; /* not every octet read: never the case, checked anyway */
  if (st == LDNS_STATUS_OK && form == FORM_PRINT) {
    /* Read back what ldns printed. */
    char *text = ldns_rr2str(rr);
    size_t len = text != NULL ? strlen(text) : 0;
    if (len > 0 && text[len - 1] == '\n') /* ldns ends the line; its reader wants none */
      text[len - 1] = '\0';
    ldns_rr_free(rr);
    rr = NULL;
    if (text == NULL) /* ldns read the record but cannot print it */
      return json_pack("{s:I, s:s, s:[s], s:s}", "tcId", tc, "result", "error", "reason",
                       "ldns-refused", "detail",
                       "ldns_rr2str prints nothing for the record it read");
    st = ldns_rr_new_frm_str(&rr, text, 0, NULL, NULL);
    if (st != LDNS_STATUS_OK) {
      json_t *e = json_pack("{s:I, s:s, s:[s], s:s, s:s}", "tcId", tc, "result", "error", "reason",
                            "ldns-refused", "detail", ldns_get_errorstr_by_id(st), "printed", text);
      free(text);
      return e;
    }
    free(text);
  }
read:
  /* An empty value leaves ldns with two fields. */
  if (st != LDNS_STATUS_OK || rr == NULL || ldns_rr_rd_count(rr) < 2 || ldns_rr_rd_count(rr) > 3) {
    r = json_pack("{s:I, s:s, s:[s], s:s}", "tcId", tc, "result", "error", "reason", "ldns-refused",
                  "detail",
                  st != LDNS_STATUS_OK ? ldns_get_errorstr_by_id(st) : "not two or three fields");
    ldns_rr_free(rr);
    return r;
  }
  flags = ldns_rr_rdf(rr, 0);
  tag = ldns_rr_rdf(rr, 1);
  value = ldns_rr_rd_count(rr) == 3 ? ldns_rr_rdf(rr, 2) : NULL;
  r = json_pack("{s:I, s:s, s:[], s:[s, s, s]}", "tcId", tc, "result", "ok", "reason", "unanswered",
                "critical", "tagKind", "errorOffset");
  json_object_set_new(r, "flags", json_integer(ldns_rdf_data(flags)[0]));
  /* ldns keeps a tag with its length octet in front. */
  json_object_set_new(r, "tagHex", hex_of(ldns_rdf_data(tag) + 1, ldns_rdf_size(tag) - 1));
  json_object_set_new(r, "valueHex",
                      value ? hex_of(ldns_rdf_data(value), ldns_rdf_size(value)) : json_string(""));
  printed = ldns_rr2str(rr);
  if (printed != NULL) {
    json_object_set_new(r, "printed", json_string(printed));
    free(printed);
  }
  ldns_rr_free(rr);
  return r;
}

int main(int argc, char **argv) {
  enum form form = FORM_WIRE;
  if (argc == 3 && strcmp(argv[1], "--form") == 0 && strcmp(argv[2], "zone") == 0)
    form = FORM_ZONE;
  else if (argc == 3 && strcmp(argv[1], "--form") == 0 && strcmp(argv[2], "print") == 0)
    form = FORM_PRINT;
  else if (!(argc == 1 ||
             (argc == 3 && strcmp(argv[1], "--form") == 0 && strcmp(argv[2], "wire") == 0))) {
    fprintf(stderr, "usage: caa_adapter [--form wire|zone|print]\n");
    return 2;
  }
  cproto_serve(answer, &form);
  return 0;
}
