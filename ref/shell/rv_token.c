/* cabref shell: Request Tokens through OpenSSL (spec/random-value.md RV-TOKEN-*). OpenSSL reads
 * the request, verifies its self-signature, names its signature algorithm and hashes; the core
 * decides strength (cabref_rv_binding_ok) and time (cabref_rv_token_timestamp,
 * cabref_rv_token_time). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "cabref/rv_token.h"
#include "shell.h"

const char *cabref_rv_alg_name(uint32_t alg) {
  static const char *const names[] = {"unknown",    "md5",      "sha1",     "sha224",
                                      "sha256",     "sha384",   "sha512",   "sha512-224",
                                      "sha512-256", "sha3-224", "sha3-256", "sha3-384",
                                      "sha3-512",   "ed25519",  "ed448"};
  return alg <= CABREF_RV_ALG_MAX ? names[alg] : "unknown";
}

static uint32_t alg_of_md(int nid) {
  switch (nid) {
  case NID_md5:
    return CABREF_RV_ALG_MD5;
  case NID_sha1:
    return CABREF_RV_ALG_SHA1;
  case NID_sha224:
    return CABREF_RV_ALG_SHA224;
  case NID_sha256:
    return CABREF_RV_ALG_SHA256;
  case NID_sha384:
    return CABREF_RV_ALG_SHA384;
  case NID_sha512:
    return CABREF_RV_ALG_SHA512;
  case NID_sha512_224:
    return CABREF_RV_ALG_SHA512_224;
  case NID_sha512_256:
    return CABREF_RV_ALG_SHA512_256;
  case NID_sha3_224:
    return CABREF_RV_ALG_SHA3_224;
  case NID_sha3_256:
    return CABREF_RV_ALG_SHA3_256;
  case NID_sha3_384:
    return CABREF_RV_ALG_SHA3_384;
  case NID_sha3_512:
    return CABREF_RV_ALG_SHA3_512;
  default:
    return CABREF_RV_ALG_UNKNOWN;
  }
}

static const EVP_MD *md_of_alg(uint32_t alg) {
  switch (alg) {
  case CABREF_RV_ALG_SHA256:
    return EVP_sha256();
  case CABREF_RV_ALG_SHA384:
    return EVP_sha384();
  case CABREF_RV_ALG_SHA512:
    return EVP_sha512();
  default:
    return NULL;
  }
}

/* The hash a signature algorithm uses, or the curve for EdDSA; RSA-PSS reads its parameters
 * (RFC 4055 §3.1: SHA-1 when absent). */
static uint32_t signature_alg(const X509_REQ *req) {
  const ASN1_BIT_STRING *sig = NULL;
  const X509_ALGOR *alg = NULL;
  int nid = X509_REQ_get_signature_nid(req);
  int md = NID_undef, pk = NID_undef;
  if (nid == NID_ED25519)
    return CABREF_RV_ALG_ED25519;
  if (nid == NID_ED448)
    return CABREF_RV_ALG_ED448;
  if (nid == NID_rsassaPss) {
    const ASN1_OBJECT *obj = NULL;
    int ptype = 0;
    const void *pval = NULL;
    RSA_PSS_PARAMS *pss;
    const unsigned char *p;
    uint32_t out = CABREF_RV_ALG_SHA1;
    X509_REQ_get0_signature(req, &sig, &alg);
    X509_ALGOR_get0(&obj, &ptype, &pval, alg);
    if (ptype != V_ASN1_SEQUENCE || pval == NULL)
      return CABREF_RV_ALG_SHA1;
    p = ((const ASN1_STRING *)pval)->data;
    pss = d2i_RSA_PSS_PARAMS(NULL, &p, ((const ASN1_STRING *)pval)->length);
    if (pss == NULL)
      return CABREF_RV_ALG_UNKNOWN;
    if (pss->hashAlgorithm != NULL)
      out = alg_of_md(OBJ_obj2nid(pss->hashAlgorithm->algorithm));
    RSA_PSS_PARAMS_free(pss);
    return out;
  }
  if (OBJ_find_sigid_algs(nid, &md, &pk) == 0)
    return CABREF_RV_ALG_UNKNOWN;
  return alg_of_md(md);
}

cabref_status cabref_rv_request_read(const uint8_t *data, size_t len, cabref_rv_request *req,
                                     cabref_error *err) {
  BIO *bio;
  X509_REQ *x = NULL;
  EVP_PKEY *key;
  unsigned char *p;
  int n;
  if (data == NULL || req == NULL)
    return CABREF_E_NULL;
  memset(req, 0, sizeof *req);
  if (len > CABREF_RV_REQUEST_MAX)
    return cabref_fail(err, CABREF_E_TOO_LONG, 0, "a certificate request of more than %u octets",
                       CABREF_RV_REQUEST_MAX);
  if ((bio = BIO_new_mem_buf(data, (int)len)) != NULL) {
    x = PEM_read_bio_X509_REQ(bio, NULL, NULL, NULL);
    BIO_free(bio);
  }
  if (x == NULL) {
    const unsigned char *q = data;
    x = d2i_X509_REQ(NULL, &q, (long)len);
    if (x != NULL && q != data + len) {
      X509_REQ_free(x);
      x = NULL;
    }
  }
  if (x == NULL)
    return cabref_fail(err, CABREF_E_SYNTAX, 0,
                       "not a certificate request (PKCS#10, PEM or DER: OpenSSL reads neither)");
  key = X509_REQ_get0_pubkey(x);
  if (key == NULL || X509_REQ_verify(x, key) != 1) {
    X509_REQ_free(x);
    return cabref_fail(err, CABREF_E_SYNTAX, 0,
                       "the certificate request's signature does not verify with its own key");
  }
  n = i2d_X509_REQ(x, NULL);
  req->csr_der = n > 0 ? malloc((size_t)n) : NULL;
  if (req->csr_der == NULL) {
    X509_REQ_free(x);
    return cabref_fail(err, CABREF_E_CAPACITY, 0, "out of memory");
  }
  p = req->csr_der;
  req->csr_len = (size_t)i2d_X509_REQ(x, &p);
  n = i2d_PUBKEY(key, NULL);
  req->spki_der = n > 0 ? malloc((size_t)n) : NULL;
  if (req->spki_der == NULL) {
    X509_REQ_free(x);
    cabref_rv_request_free(req);
    return cabref_fail(err, CABREF_E_CAPACITY, 0, "out of memory");
  }
  p = req->spki_der;
  req->spki_len = (size_t)i2d_PUBKEY(key, &p);
  req->sig_alg = signature_alg(x);
  snprintf(req->sig_name, sizeof req->sig_name, "%s",
           OBJ_nid2ln(X509_REQ_get_signature_nid(x)) ? OBJ_nid2ln(X509_REQ_get_signature_nid(x))
                                                     : "unknown");
  X509_REQ_free(x);
  return CABREF_OK;
}

void cabref_rv_request_free(cabref_rv_request *req) {
  if (req == NULL)
    return;
  free(req->csr_der);
  free(req->spki_der);
  req->csr_der = req->spki_der = NULL;
}

static int digest(uint32_t alg, const cabref_rv_request *req, uint32_t bind, unsigned char *md,
                  unsigned int *mdlen) {
  const EVP_MD *m = md_of_alg(alg);
  const uint8_t *d = bind == CABREF_RV_BIND_SPKI ? req->spki_der : req->csr_der;
  size_t n = bind == CABREF_RV_BIND_SPKI ? req->spki_len : req->csr_len;
  return m != NULL && EVP_Digest(d, n, md, mdlen, m, NULL) == 1;
}

cabref_status cabref_rv_token_make(const cabref_rv_request *req, uint32_t bind, uint32_t hash,
                                   uint32_t ts_kind, cabref_instant at, char *out, size_t cap,
                                   uint32_t *hash_used, cabref_error *err) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int mdlen = 0, i;
  size_t o = 0;
  int32_t y, mo, d, h, mi, s;
  if (req == NULL || out == NULL || cap < 14 + 128 + 1)
    return CABREF_E_NULL;
  if (hash == CABREF_RV_ALG_UNKNOWN) {
    static const uint32_t choices[] = {CABREF_RV_ALG_SHA256, CABREF_RV_ALG_SHA384,
                                       CABREF_RV_ALG_SHA512};
    for (i = 0; i < 3 && hash == CABREF_RV_ALG_UNKNOWN; i++)
      if (cabref_rv_binding_ok(choices[i], req->sig_alg))
        hash = choices[i];
    if (hash == CABREF_RV_ALG_UNKNOWN)
      return cabref_fail(
          err, CABREF_E_INCONSISTENT, 0,
          "no binding hash is known to be at least as strong as the request's signature "
          "(%s) (BR 1.6.1 Request Token)",
          req->sig_name);
  }
  if (md_of_alg(hash) == NULL)
    return cabref_fail(err, CABREF_E_RANGE, 0,
                       "binding hash %s is not offered (sha256, sha384, sha512)",
                       cabref_rv_alg_name(hash));
  if (!cabref_rv_binding_ok(hash, req->sig_alg))
    return cabref_fail(
        err, CABREF_E_INCONSISTENT, 0,
        "a %s binding (%u bits) is weaker than the request's signature %s (%u bits): BR "
        "1.6.1 asks for at least as strong",
        cabref_rv_alg_name(hash), cabref_rv_alg_strength(hash), req->sig_name,
        cabref_rv_alg_strength(req->sig_alg));
  if (ts_kind != CABREF_RV_TS_NONE) {
    if (cabref_utc_from_instant(at, &y, &mo, &d, &h, &mi, &s) != CABREF_OK)
      return cabref_fail(err, CABREF_E_TIME, 0, "the instant is outside years 1..9999");
    o = (size_t)snprintf(out, cap, "%04d%02d%02d%02d%02d", (int)y, (int)mo, (int)d, (int)h,
                         (int)mi);
    if (ts_kind == CABREF_RV_TS_SECOND)
      o += (size_t)snprintf(out + o, cap - o, "%02d", (int)s);
  }
  if (!digest(hash, req, bind, md, &mdlen))
    return cabref_fail(err, CABREF_E_CAPACITY, 0, "OpenSSL could not hash the request");
  for (i = 0; i < mdlen; i++)
    o += (size_t)snprintf(out + o, cap - o, "%02x", md[i]);
  if (hash_used != NULL)
    *hash_used = hash;
  return CABREF_OK;
}

/* RV-TOKEN-CHECK, RV-TOKEN-BINDS: the hash over this request, compared in constant time. */
cabref_status cabref_rv_token_check(const char *token, const cabref_rv_request *req, uint32_t bind,
                                    cabref_instant at, cabref_rv_token_result *r) {
  size_t n, tslen = 0, hexlen = 0, i;
  unsigned char want[EVP_MAX_MD_SIZE], got[64];
  unsigned int wlen = 0;
  if (token == NULL || req == NULL || r == NULL)
    return CABREF_E_NULL;
  memset(r, 0, sizeof *r);
  r->verdict = "malformed";
  n = strlen(token);
  /* RV-TOKEN-FORM: the hex length names the hash; what precedes it is the timestamp. */
  if (n == 64 || n == 76 || n == 78) {
    r->hash = CABREF_RV_ALG_SHA256;
    hexlen = 64;
  } else if (n == 96 || n == 108 || n == 110) {
    r->hash = CABREF_RV_ALG_SHA384;
    hexlen = 96;
  } else if (n == 128 || n == 140 || n == 142) {
    r->hash = CABREF_RV_ALG_SHA512;
    hexlen = 128;
  } else {
    return CABREF_OK;
  }
  tslen = n - hexlen;
  r->ts_kind = tslen == 0    ? CABREF_RV_TS_NONE
               : tslen == 12 ? CABREF_RV_TS_MINUTE
                             : CABREF_RV_TS_SECOND;
  if (cabref_hex_decode(token + tslen, hexlen, got) != 0)
    return CABREF_OK;
  if (tslen != 0 && cabref_rv_token_timestamp(token, tslen, &r->ts) != CABREF_OK)
    return CABREF_OK;
  memcpy(r->canonical, token, tslen);
  for (i = 0; i < hexlen / 2; i++)
    snprintf(r->canonical + tslen + 2 * i, 3, "%02x", got[i]);
  if (!cabref_rv_binding_ok(r->hash, req->sig_alg)) {
    r->verdict = "weaker-binding";
    return CABREF_OK;
  }
  if (!digest(r->hash, req, bind, want, &wlen) || wlen != hexlen / 2 ||
      CRYPTO_memcmp(want, got, wlen) != 0) {
    r->verdict = "wrong-key";
    return CABREF_OK;
  }
  if (tslen != 0) {
    cabref_rv_token_time_verdict v = cabref_rv_token_time(r->ts, at);
    if (v == CABREF_RV_TOKEN_FUTURE) {
      r->verdict = "future-timestamp";
      return CABREF_OK;
    }
    if (v == CABREF_RV_TOKEN_EXPIRED) {
      r->verdict = "expired";
      return CABREF_OK;
    }
  }
  r->verdict = "valid";
  return CABREF_OK;
}
