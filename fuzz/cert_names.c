/* libFuzzer target: the certificate / CSR reader of cabref caa check --cert / --csr and of the
 * "@FILE" tokens of --stdin (cabref_cert_names_parse, ref/shell/cert_names.c), on any octets.
 *
 * Requirements: CAA-MULTI-NAME (the names checked are the subjectAltName dNSNames). Never a crash
 * or a leak; the status is one of those documented; on success at least one name, each a
 * NUL-terminated string of printable ASCII (0x21..0x7e); on failure no name is left and the error
 * names the input and says why.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cabref/cert_names.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cabref_cert_names c;
  cabref_error err;
  size_t i, j;
  cabref_status st = cabref_cert_names_parse(data, size, "fuzz.pem", &c, &err);
  CHECK(st == CABREF_OK || st == CABREF_E_SYNTAX || st == CABREF_E_TOO_LONG ||
        st == CABREF_E_CAPACITY);
  if (st == CABREF_OK) {
    CHECK(c.n >= 1 && c.names != NULL);
    for (i = 0; i < c.n; i++) {
      CHECK(c.names[i] != NULL && c.names[i][0] != '\0');
      for (j = 0; c.names[i][j] != '\0'; j++)
        CHECK(c.names[i][j] >= 0x21 && c.names[i][j] <= 0x7e);
    }
  } else {
    CHECK(c.n == 0 && c.names == NULL);
    CHECK(strcmp(err.file, "fuzz.pem") == 0 && err.message[0] != '\0' && err.status == st);
  }
  cabref_cert_names_free(&c);
  return 0;
}
