/* cabref shell: Request Tokens (Ballot 169, BR 1.6.1), ACME key authorizations (RFC 8555 §8.1,
 * RFC 7638) and the single-use ledger (SQLite) of Random Values and tokens
 * (spec/random-value.md RV-TOKEN-*, RV-ACME-*, RV-LEDGER-*). OpenSSL reads requests and keys and
 * hashes; the strength comparison and the timestamp rules are the proven core's (rv.h). */
#ifndef CABREF_RV_TOKEN_H
#define CABREF_RV_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "cabref/ballot.h" /* cabref_error */
#include "cabref/rv.h"

#define CABREF_RV_REQUEST_MAX (1024u * 1024u)

/* What a Request Token can be bound to. */
typedef enum { CABREF_RV_BIND_CSR = 0, CABREF_RV_BIND_SPKI = 1 } cabref_rv_bind;

/* A certificate request, read and checked once. */
typedef struct {
  uint8_t *csr_der; /* the whole CSR, DER */
  size_t csr_len;
  uint8_t *spki_der; /* its SubjectPublicKeyInfo, DER */
  size_t spki_len;
  uint32_t sig_alg;  /* cabref_rv_alg of its signature (CABREF_RV_ALG_UNKNOWN if none known) */
  char sig_name[64]; /* the signature algorithm as OpenSSL names it */
} cabref_rv_request;

/* Reads a CSR (PEM or DER) from data; its self-signature must verify. CABREF_E_SYNTAX when it is
 * not a CSR or its signature does not verify (err says which), CABREF_E_TOO_LONG above
 * CABREF_RV_REQUEST_MAX, CABREF_E_CAPACITY when out of memory. */
cabref_status cabref_rv_request_read(const uint8_t *data, size_t len, cabref_rv_request *req,
                                     cabref_error *err);
void cabref_rv_request_free(cabref_rv_request *req);

/* Timestamps a token may carry (RV-TOKEN-TIMESTAMP). */
typedef enum {
  CABREF_RV_TS_NONE = 0,   /* single use (RV-TOKEN-SINGLE-USE) */
  CABREF_RV_TS_MINUTE = 1, /* YYYYMMDDHHMM, the BR's example */
  CABREF_RV_TS_SECOND = 2  /* YYYYMMDDHHMMSS */
} cabref_rv_ts_kind;

/* RV-TOKEN-FORM: [timestamp] followed by the lower-case hex hash of the CSR or SPKI DER. A binding
 * hash of CABREF_RV_ALG_UNKNOWN picks the weakest of SHA-256, -384, -512 at least as strong as
 * the request's signature. CABREF_E_INCONSISTENT when the binding would be weaker
 * (RV-TOKEN-STRENGTH). out holds at least 14 + 128 + 1 octets. */
cabref_status cabref_rv_token_make(const cabref_rv_request *req, uint32_t bind, uint32_t hash,
                                   uint32_t ts_kind, cabref_instant at, char *out, size_t cap,
                                   uint32_t *hash_used, cabref_error *err);

/* The checks of a presented token, each with a stable code (RV-TOKEN-CHECK). */
typedef struct {
  uint32_t hash; /* binding hash read off the token's length */
  uint32_t ts_kind;
  cabref_instant ts;   /* when ts_kind != NONE */
  const char *verdict; /* "valid" or the first failing check: malformed, weaker-binding,
                          wrong-key, future-timestamp, expired */
  char canonical[160]; /* the token in canonical form (lower-case hex), for the ledger */
} cabref_rv_token_result;

/* RV-TOKEN-CHECK: reads the token, recomputes its hash over the request, compares in constant
 * time, applies RV-TOKEN-STRENGTH and, with a timestamp, RV-TOKEN-TIME at `at`. Always
 * CABREF_OK unless an argument is NULL; the verdict says what failed. */
cabref_status cabref_rv_token_check(const char *token, const cabref_rv_request *req, uint32_t bind,
                                    cabref_instant at, cabref_rv_token_result *r);

const char *cabref_rv_alg_name(uint32_t alg);

/* ---- ACME (RFC 8555 §8.1, §8.4; RFC 7638) ---- */

/* RV-ACME-THUMBPRINT: base64url(SHA-256(canonical JWK)) of a public key given as a JWK (JSON
 * object text) or a PEM/DER public key or CSR; out holds 44 octets. CABREF_E_SYNTAX with a
 * message for a JWK without its required members or a key type RFC 7638 does not define here. */
cabref_status cabref_rv_acme_thumbprint(const uint8_t *data, size_t len, char *out, size_t cap,
                                        cabref_error *err);
/* RV-ACME-TOKEN: a token is base64url without padding, canonical, of at least 128 bits. Returns
 * NULL when it is, else the reason code (malformed, padded, non-canonical, too-weak). */
const char *cabref_rv_acme_token_problem(const char *token, uint32_t *bits);
/* RV-ACME-KEYAUTHZ, RV-ACME-DNS01: the key authorization token.thumbprint and the dns-01 TXT
 * value base64url(SHA-256(key authorization)). */
cabref_status cabref_rv_acme_key_authorization(const char *token, const char *thumbprint, char *out,
                                               size_t cap);
cabref_status cabref_rv_acme_dns01(const char *key_authorization, char *out, size_t cap);

/* ---- the ledger (RV-LEDGER-*) ---- */

typedef struct cabref_rv_ledger cabref_rv_ledger;

/* Opens (creating on first use) an SQLite ledger in WAL mode. CABREF_E_IO with the reason when
 * the file cannot be opened or written, CABREF_E_SYNTAX when it exists and is not an SQLite
 * database or not a cabref ledger. */
cabref_status cabref_rv_ledger_open(const char *path, cabref_rv_ledger **out, cabref_error *err);
void cabref_rv_ledger_close(cabref_rv_ledger *l);

/* Records issued values in one transaction (all or none). CABREF_E_DUPLICATE when one was issued
 * before; CABREF_E_IO on a write failure (full disk, read-only file), nothing recorded. */
cabref_status cabref_rv_ledger_issue(cabref_rv_ledger *l, const char *const *values, size_t n,
                                     const char *kind, const char *method, cabref_instant created,
                                     cabref_instant deadline, cabref_error *err);

/* RV-LEDGER-CONSUME: marks a value used at `at`, once: exactly one caller ever gets "consumed";
 * every other gets "replayed" (used before), "unknown" (never issued), "expired" or
 * "before-creation". CABREF_E_IO on a database failure (the value is then not consumed). */
cabref_status cabref_rv_ledger_consume(cabref_rv_ledger *l, const char *value, cabref_instant at,
                                       const char **verdict, cabref_error *err);

#endif
