/* cabref: the dNSNames of a certificate or a CSR (cabref caa check --cert / --csr), through
 * OpenSSL (ref/shell/cert_names.c). BR 3.2.2.8: CAA is checked for each dNSName in the
 * subjectAltName extension; nothing else of the certificate is read (the subject's CN is not a
 * name to check: BR 7.1.4.3 requires it to repeat a SAN entry). Shell code: it reads, it does not
 * decide.
 */
#ifndef CABREF_CERT_NAMES_H
#define CABREF_CERT_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "cabref/ballot.h" /* cabref_error */

/* The largest file read (a certificate or CSR is a few kilobytes). */
#define CABREF_CERT_MAX_FILE (1024u * 1024u)

typedef struct {
  char **names; /* the dNSName entries, in order, as written (wildcards included) */
  size_t n;
  int is_csr; /* 1: read as a CSR (its extension request), 0: as a certificate */
} cabref_cert_names;

/* Reads path ("-": standard input) as a certificate or a CSR, PEM or DER (tried in that order:
 * PEM certificate, PEM CSR, DER certificate, DER CSR), and collects the dNSNames of its
 * subjectAltName. CABREF_OK; CABREF_E_IO when the file cannot be read (err names it);
 * CABREF_E_SYNTAX when it is none of the four, when it has no subjectAltName dNSName, or when a
 * dNSName is not a string of printable ASCII without NUL (err says which entry);
 * CABREF_E_TOO_LONG when the file exceeds CABREF_CERT_MAX_FILE; CABREF_E_CAPACITY when out of
 * memory. */
cabref_status cabref_cert_names_read(const char *path, cabref_cert_names *out, cabref_error *err);

/* The same over data[0 .. len-1] (a fuzz target); path only names it in messages. */
cabref_status cabref_cert_names_parse(const uint8_t *data, size_t len, const char *path,
                                      cabref_cert_names *out, cabref_error *err);

void cabref_cert_names_free(cabref_cert_names *c);

#endif
