/* libFuzzer target: the prevented-issuance report (cabref_caa_prevented_build,
 * ref/shell/caa_report.c) over a set whose records come from the DNS, so from anyone: the input is
 * split into iodef values and one issue value, the name is denied, and the report is built.
 *
 * Requirements: CAA-PREVENTED. Never a crash; the IODEF document is well-formed XML (libxml2 reads
 * it back) naming the incident; an e-mail is made only for a mailto: value and only when its
 * address is plain: the header block has exactly the seven headers we write, every line ends in
 * CRLF, no octet outside printable ASCII and no bare CR or LF (no header injection from a record).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "cabref/caa_record.h"
#include "cabref/caa_report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

static void add_record(cabref_caa_zone *z, const char *tag, const uint8_t *v, size_t n) {
  uint8_t rd[600];
  size_t t = strlen(tag);
  if (n > 500)
    n = 500;
  rd[0] = 0;
  rd[1] = (uint8_t)t;
  memcpy(rd + 2, tag, t);
  memcpy(rd + 2 + t, v, n);
  CHECK(cabref_caa_zone_add(z, "example.com", 300, 0, 0, rd, 2 + t + n) == CABREF_OK);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const uint8_t issue[] = "other.example";
  cabref_caa_zone z;
  cabref_caa_config cfg;
  cabref_caa_name_eval e;
  cabref_caa_prevented p;
  const char *name = "www.example.com";
  size_t len = strlen(name), start = 0, i, k;
  memset(&cfg, 0, sizeof cfg);
  CHECK(cabref_caa_config_add_issuer(&cfg, "ca.example") == 0);
  cabref_caa_zone_init(&z);
  add_record(&z, "issue", issue, sizeof issue - 1);
  for (i = 0; i <= size; i++) /* values separated by NUL octets */
    if (i == size || data[i] == 0) {
      add_record(&z, "iodef", data + start, i - start);
      start = i + 1;
      if (z.n > 8)
        break;
    }
  memset(&e, 0, sizeof e);
  CHECK(cabref_caa_zone_eval(&z, &name, &len, 1, &cfg, &e) >= 0);
  CHECK(e.error == 0 && e.res.result == CABREF_CAA_NAME_DENY);
  CHECK(cabref_caa_prevented_build(&z, &e, name, 1780000000, "ca.example", NULL, &p) == CABREF_OK);
  {
    xmlDocPtr d = xmlReadMemory(p.iodef_xml, (int)strlen(p.iodef_xml), "iodef.xml", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    CHECK(d != NULL);
    xmlFreeDoc(d);
    CHECK(strstr(p.iodef_xml, p.incident) != NULL);
  }
  CHECK(p.n_targets == z.n - 1);
  for (k = 0; k < p.n_targets; k++) {
    const cabref_caa_iodef_report *t = &p.targets[k];
    CHECK((t->report == NULL) == (t->skipped != NULL));
    if (t->report != NULL && t->scheme == CABREF_CAA_IODEF_MAILTO) {
      const char *m = t->report, *end = strstr(m, "\r\n\r\n");
      int headers = 1;
      CHECK(end != NULL);
      for (i = 0; m + i < end; i++) {
        CHECK(m[i] >= 0x20 || m[i] == '\r' || m[i] == '\n');
        CHECK(m[i] < 0x7f);
        if (m[i] == '\r')
          CHECK(m[i + 1] == '\n');
        if (m[i] == '\n') {
          CHECK(i > 0 && m[i - 1] == '\r');
          headers++;
        }
      }
      CHECK(headers == 7); /* From To Subject Date Message-ID MIME-Version Content-Type */
      CHECK(strncmp(m, "From: ", 6) == 0 && strstr(m, "\r\nTo: ") != NULL);
    } else if (t->report != NULL) {
      CHECK(t->scheme == CABREF_CAA_IODEF_HTTPS && strcmp(t->report, p.iodef_xml) == 0);
    }
  }
  cabref_caa_prevented_free(&p);
  cabref_caa_name_eval_free(&e);
  cabref_caa_zone_free(&z);
  return 0;
}
