/* cabref: the dNSNames of a certificate or a CSR (cabref/cert_names.h), read by OpenSSL. We
 * only walk the subjectAltName OpenSSL parsed; every decision about the names is the core's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "cabref/cert_names.h"
#include "shell.h"

static void set_err(cabref_error *err, cabref_status st, const char *path, const char *msg) {
  memset(err, 0, sizeof *err);
  err->status = st;
  snprintf(err->file, sizeof err->file, "%s", path);
  snprintf(err->message, sizeof err->message, "%s", msg);
}

void cabref_cert_names_free(cabref_cert_names *c) {
  size_t i;
  for (i = 0; i < c->n; i++)
    free(c->names[i]);
  free(c->names);
  memset(c, 0, sizeof *c);
}

/* BR 3.2.2.8: "each dNSName in the subjectAltName extension". An IA5String holding a NUL or a
 * non-printable octet is not a name a CA could check: refused with its position. */
static cabref_status take_dns_names(GENERAL_NAMES *gens, const char *path, cabref_cert_names *out,
                                    cabref_error *err) {
  int i, count = sk_GENERAL_NAME_num(gens);
  for (i = 0; i < count; i++) {
    const GENERAL_NAME *g = sk_GENERAL_NAME_value(gens, i);
    const ASN1_IA5STRING *s;
    const unsigned char *d;
    size_t len, j;
    char **grown;
    if (g->type != GEN_DNS)
      continue; /* iPAddress, rfc822Name, ...: not dNSNames, not CAA's business */
    s = g->d.dNSName;
    d = ASN1_STRING_get0_data(s);
    len = (size_t)ASN1_STRING_length(s);
    for (j = 0; j < len; j++) {
      if (d[j] < 0x21 || d[j] > 0x7e) {
        char msg[160];
        snprintf(msg, sizeof msg,
                 "subjectAltName entry %d: dNSName octet %zu is 0x%02x, not printable ASCII", i + 1,
                 j + 1, d[j]);
        set_err(err, CABREF_E_SYNTAX, path, msg);
        return CABREF_E_SYNTAX;
      }
    }
    grown = realloc(out->names, (out->n + 1) * sizeof *grown);
    if (grown == NULL)
      return CABREF_E_CAPACITY;
    out->names = grown;
    if ((out->names[out->n] = malloc(len + 1)) == NULL)
      return CABREF_E_CAPACITY;
    memcpy(out->names[out->n], d, len);
    out->names[out->n][len] = '\0';
    out->n++;
  }
  return CABREF_OK;
}

cabref_status cabref_cert_names_read(const char *path, cabref_cert_names *out, cabref_error *err) {
  char *text = NULL;
  size_t len = 0;
  cabref_status st;
  memset(out, 0, sizeof *out);
  st = cabref_read_file(path, &text, &len, err);
  if (st != CABREF_OK)
    return st;
  st = cabref_cert_names_parse((const uint8_t *)text, len, path, out, err);
  free(text);
  return st;
}

cabref_status cabref_cert_names_parse(const uint8_t *data, size_t len, const char *path,
                                      cabref_cert_names *out, cabref_error *err) {
  const char *text = (const char *)data;
  BIO *bio;
  X509 *cert = NULL;
  X509_REQ *req = NULL;
  GENERAL_NAMES *gens = NULL;
  cabref_status st;
  memset(out, 0, sizeof *out);
  if (len > CABREF_CERT_MAX_FILE) {
    set_err(err, CABREF_E_TOO_LONG, path, "larger than 1 MiB: not a certificate or CSR");
    return CABREF_E_TOO_LONG;
  }
  /* PEM certificate, PEM CSR, DER certificate, DER CSR: the first that parses. */
  if ((bio = BIO_new_mem_buf(text, (int)len)) != NULL) {
    cert = PEM_read_bio_X509(bio, NULL, NULL, NULL);
    BIO_free(bio);
  }
  if (cert == NULL && (bio = BIO_new_mem_buf(text, (int)len)) != NULL) {
    req = PEM_read_bio_X509_REQ(bio, NULL, NULL, NULL);
    BIO_free(bio);
  }
  if (cert == NULL && req == NULL) {
    const unsigned char *p = (const unsigned char *)text;
    cert = d2i_X509(NULL, &p, (long)len);
    if (cert != NULL && p != (const unsigned char *)text + len) { /* trailing octets */
      X509_free(cert);
      cert = NULL;
    }
  }
  if (cert == NULL && req == NULL) {
    const unsigned char *p = (const unsigned char *)text;
    req = d2i_X509_REQ(NULL, &p, (long)len);
    if (req != NULL && p != (const unsigned char *)text + len) {
      X509_REQ_free(req);
      req = NULL;
    }
  }
  if (cert == NULL && req == NULL) {
    set_err(err, CABREF_E_SYNTAX, path,
            "neither a certificate nor a CSR (PEM or DER) that OpenSSL can read");
    return CABREF_E_SYNTAX;
  }
  if (cert != NULL) {
    gens = X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
  } else {
    /* RFC 2986 §4.1 / PKCS #9: the extensions the CSR asks for. */
    STACK_OF(X509_EXTENSION) *exts = X509_REQ_get_extensions(req);
    if (exts != NULL) {
      gens = X509V3_get_d2i(exts, NID_subject_alt_name, NULL, NULL);
      sk_X509_EXTENSION_pop_free(exts, X509_EXTENSION_free);
    }
    out->is_csr = 1;
  }
  st = gens != NULL ? take_dns_names(gens, path, out, err) : CABREF_OK;
  if (st == CABREF_OK && out->n == 0) {
    set_err(err, CABREF_E_SYNTAX, path, "no dNSName in its subjectAltName: no name to check");
    st = CABREF_E_SYNTAX;
  }
  if (st == CABREF_E_CAPACITY)
    set_err(err, st, path, "out of memory");
  GENERAL_NAMES_free(gens);
  X509_free(cert);
  X509_REQ_free(req);
  if (st != CABREF_OK)
    cabref_cert_names_free(out);
  return st;
}
