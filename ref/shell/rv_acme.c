/* cabref shell: ACME's token, key authorization and dns-01 value (RFC 8555 §8.1, §8.3, §8.4;
 * RFC 7638 thumbprints; spec/random-value.md RV-ACME-*). jansson writes the canonical JWK,
 * OpenSSL reads keys and hashes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "cabref/rv_shell.h"
#include "cabref/rv_token.h"
#include "shell.h"

/* RFC 4648 §5 without padding (RFC 8555 §6.1, RFC 7515 §2). */
static int b64url(const unsigned char *in, size_t n, char *out, size_t cap) {
  unsigned char tmp[1024];
  int len, i, o = 0;
  if (n > 700 || cap < (n * 4) / 3 + 4)
    return -1;
  len = EVP_EncodeBlock(tmp, in, (int)n);
  for (i = 0; i < len; i++) {
    if (tmp[i] == '=')
      break;
    out[o++] = tmp[i] == '+' ? '-' : tmp[i] == '/' ? '_' : (char)tmp[i];
  }
  out[o] = '\0';
  return o;
}

static int bn_b64(const BIGNUM *bn, char *out, size_t cap) {
  unsigned char buf[700];
  int n = BN_num_bytes(bn);
  if (n <= 0 || n > (int)sizeof buf)
    return -1;
  BN_bn2bin(bn, buf);
  return b64url(buf, (size_t)n, out, cap);
}

/* The JWK members RFC 7638 §3.2 requires, from an OpenSSL key. */
static json_t *jwk_of_key(EVP_PKEY *k, cabref_error *err) {
  char a[1024], b[1024];
  json_t *j = json_object();
  int id = EVP_PKEY_get_base_id(k);
  if (id == EVP_PKEY_RSA) {
    BIGNUM *n = NULL, *e = NULL;
    if (!EVP_PKEY_get_bn_param(k, OSSL_PKEY_PARAM_RSA_N, &n) ||
        !EVP_PKEY_get_bn_param(k, OSSL_PKEY_PARAM_RSA_E, &e) || bn_b64(n, a, sizeof a) < 0 ||
        bn_b64(e, b, sizeof b) < 0) {
      BN_free(n);
      BN_free(e);
      json_decref(j);
      cabref_fail(err, CABREF_E_SYNTAX, 0, "an RSA key whose modulus OpenSSL cannot read");
      return NULL;
    }
    BN_free(n);
    BN_free(e);
    json_object_set_new(j, "kty", json_string("RSA"));
    json_object_set_new(j, "n", json_string(a));
    json_object_set_new(j, "e", json_string(b));
    return j;
  }
  if (id == EVP_PKEY_EC) {
    char group[64];
    unsigned char pt[256];
    size_t plen = 0, half;
    const char *crv = NULL;
    if (!EVP_PKEY_get_utf8_string_param(k, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, NULL) ||
        !EVP_PKEY_get_octet_string_param(k, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, pt, sizeof pt,
                                         &plen)) {
      json_decref(j);
      cabref_fail(err, CABREF_E_SYNTAX, 0, "an EC key OpenSSL cannot read");
      return NULL;
    }
    crv = strcmp(group, "prime256v1") == 0  ? "P-256"
          : strcmp(group, "secp384r1") == 0 ? "P-384"
          : strcmp(group, "secp521r1") == 0 ? "P-521"
                                            : NULL;
    if (crv == NULL || plen < 3 || pt[0] != 0x04 || (plen - 1) % 2 != 0) {
      json_decref(j);
      cabref_fail(err, CABREF_E_SYNTAX, 0,
                  "EC curve %s has no JWK name (RFC 7518 §6.2.1.1: P-256, P-384, P-521)", group);
      return NULL;
    }
    half = (plen - 1) / 2;
    b64url(pt + 1, half, a, sizeof a);
    b64url(pt + 1 + half, half, b, sizeof b);
    json_object_set_new(j, "kty", json_string("EC"));
    json_object_set_new(j, "crv", json_string(crv));
    json_object_set_new(j, "x", json_string(a));
    json_object_set_new(j, "y", json_string(b));
    return j;
  }
  if (id == EVP_PKEY_ED25519 || id == EVP_PKEY_ED448) {
    unsigned char raw[64];
    size_t rlen = sizeof raw;
    if (!EVP_PKEY_get_raw_public_key(k, raw, &rlen)) {
      json_decref(j);
      cabref_fail(err, CABREF_E_SYNTAX, 0, "an EdDSA key OpenSSL cannot read");
      return NULL;
    }
    b64url(raw, rlen, a, sizeof a);
    json_object_set_new(j, "kty", json_string("OKP"));
    json_object_set_new(j, "crv", json_string(id == EVP_PKEY_ED25519 ? "Ed25519" : "Ed448"));
    json_object_set_new(j, "x", json_string(a));
    return j;
  }
  json_decref(j);
  cabref_fail(err, CABREF_E_SYNTAX, 0,
              "a key type without an RFC 7638 thumbprint here (RSA, EC, OKP)");
  return NULL;
}

/* Only the required members, each a string (RFC 7638 §3.2, §3.3). */
static json_t *jwk_required(json_t *in, cabref_error *err) {
  static const char *const rsa[] = {"e", "kty", "n", NULL};
  static const char *const ec[] = {"crv", "kty", "x", "y", NULL};
  static const char *const okp[] = {"crv", "kty", "x", NULL};
  const char *kty = json_string_value(json_object_get(in, "kty"));
  const char *const *keys;
  json_t *out;
  size_t i;
  if (kty == NULL) {
    cabref_fail(err, CABREF_E_SYNTAX, 0, "the JWK has no \"kty\" string (RFC 7517 §4.1)");
    return NULL;
  }
  keys = strcmp(kty, "RSA") == 0   ? rsa
         : strcmp(kty, "EC") == 0  ? ec
         : strcmp(kty, "OKP") == 0 ? okp
                                   : NULL;
  if (keys == NULL) {
    cabref_fail(err, CABREF_E_SYNTAX, 0,
                "JWK key type \"%s\" has no required members here (RSA, EC, OKP)", kty);
    return NULL;
  }
  out = json_object();
  for (i = 0; keys[i] != NULL; i++) {
    json_t *v = json_object_get(in, keys[i]);
    if (!json_is_string(v) || json_string_length(v) == 0) {
      json_decref(out);
      cabref_fail(err, CABREF_E_SYNTAX, 0,
                  "the %s JWK lacks its required member \"%s\" (RFC 7638 §3.2)", kty, keys[i]);
      return NULL;
    }
    json_object_set(out, keys[i], v);
  }
  return out;
}

cabref_status cabref_rv_acme_thumbprint(const uint8_t *data, size_t len, char *out, size_t cap,
                                        cabref_error *err) {
  json_t *jwk = NULL;
  json_error_t je;
  char *canon;
  unsigned char md[32];
  unsigned int mdlen = 0;
  size_t i = 0;
  if (data == NULL || out == NULL || cap < 44)
    return CABREF_E_NULL;
  while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
    i++;
  if (i < len && data[i] == '{') {
    json_t *in = json_loadb((const char *)data, len, JSON_REJECT_DUPLICATES, &je);
    if (in == NULL)
      return cabref_fail(err, CABREF_E_SYNTAX, 0, "the JWK is not JSON: line %d: %s", je.line,
                         je.text);
    jwk = jwk_required(in, err);
    json_decref(in);
  } else {
    BIO *bio = BIO_new_mem_buf(data, (int)len);
    EVP_PKEY *k = bio ? PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL) : NULL;
    if (k == NULL && bio != NULL) {
      X509_REQ *req;
      (void)BIO_reset(bio);
      req = PEM_read_bio_X509_REQ(bio, NULL, NULL, NULL);
      if (req != NULL) {
        k = X509_REQ_get_pubkey(req);
        X509_REQ_free(req);
      }
    }
    if (k == NULL) {
      const unsigned char *p = data;
      k = d2i_PUBKEY(NULL, &p, (long)len);
    }
    BIO_free(bio);
    if (k == NULL)
      return cabref_fail(err, CABREF_E_SYNTAX, 0,
                         "not a JWK, nor a public key or CSR in PEM, nor a DER public key");
    jwk = jwk_of_key(k, err);
    EVP_PKEY_free(k);
  }
  if (jwk == NULL)
    return CABREF_E_SYNTAX;
  /* RFC 7638 §3.3: members in lexicographic order, no whitespace, UTF-8. */
  canon = json_dumps(jwk, JSON_COMPACT | JSON_SORT_KEYS);
  json_decref(jwk);
  if (canon == NULL)
    return cabref_fail(err, CABREF_E_CAPACITY, 0, "out of memory");
  if (EVP_Digest(canon, strlen(canon), md, &mdlen, EVP_sha256(), NULL) != 1) {
    free(canon);
    return cabref_fail(err, CABREF_E_CAPACITY, 0, "OpenSSL could not hash the JWK");
  }
  free(canon);
  b64url(md, mdlen, out, cap);
  return CABREF_OK;
}

const char *cabref_rv_acme_token_problem(const char *token, uint32_t *bits) {
  cabref_rv_alphabet a;
  cabref_rv_facts f;
  cabref_error err;
  if (bits != NULL)
    *bits = 0;
  if (token == NULL || cabref_rv_alphabet_parse("base64url", &a, &err) != CABREF_OK)
    return "malformed";
  /* RFC 8555 §8.3: "MUST NOT include any characters other than those in the base64url
   * alphabet", "trailing '=' padding characters MUST be stripped". */
  if (strchr(token, '=') != NULL)
    return "padded";
  if (cabref_rv_value_check(token, strlen(token), &a, CABREF_RV_CHANNEL_EXACT, 128, &f, &err) !=
      CABREF_OK)
    return "malformed";
  if (bits != NULL)
    *bits = f.capacity_bits;
  if (!f.canonical)
    return "non-canonical";
  /* "at least 128 bits of entropy": a shorter token cannot carry them. */
  if (!f.capacity_meets)
    return "too-weak";
  return NULL;
}

cabref_status cabref_rv_acme_key_authorization(const char *token, const char *thumbprint, char *out,
                                               size_t cap) {
  if (token == NULL || thumbprint == NULL || out == NULL)
    return CABREF_E_NULL;
  if ((size_t)snprintf(out, cap, "%s.%s", token, thumbprint) >= cap)
    return CABREF_E_TOO_LONG;
  return CABREF_OK;
}

cabref_status cabref_rv_acme_dns01(const char *key_authorization, char *out, size_t cap) {
  unsigned char md[32];
  unsigned int mdlen = 0;
  if (key_authorization == NULL || out == NULL || cap < 44)
    return CABREF_E_NULL;
  /* RFC 8555 §8.4: the TXT value is base64url(SHA-256(key authorization)), 43 characters. */
  if (EVP_Digest(key_authorization, strlen(key_authorization), md, &mdlen, EVP_sha256(), NULL) != 1)
    return CABREF_E_CAPACITY;
  b64url(md, mdlen, out, cap);
  return CABREF_OK;
}
