/* libFuzzer target: the Request Token and ACME readers (ref/shell/rv_token.c, rv_acme.c) on any
 * octets: the CSR reader, the token checker against a fixed request, the RFC 7638 thumbprint of a
 * JWK or key, and the ACME token rule; and the token timestamp of the core.
 *
 * Requirements: RV-TOKEN-FORM, RV-TOKEN-BINDS, RV-TOKEN-CHECK, RV-TOKEN-STRENGTH,
 * RV-TOKEN-TIMESTAMP, RV-TOKEN-TIME, RV-TOKEN-SINGLE-USE, RV-ACME-TOKEN, RV-ACME-THUMBPRINT,
 * RV-ACME-KEYAUTHZ, RV-ACME-DNS01, RV-LEDGER-FILE, RV-LEDGER-ISSUE, RV-LEDGER-CONSUME (the ledger
 * opened over arbitrary file contents: refused or usable, never a crash; a value issued into a
 * usable one is consumed once and then replayed). Input: the first octet picks the reader.
 * Never a crash or a leak; a token the checker calls valid is the exact token cabref makes for
 * the request and instant; a refused request or key leaves an error message; a thumbprint is 43
 * base64url symbols; a timestamp the core accepts is 12 or 14 digits and prints back the same.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cabref/rv_shell.h"
#include "cabref/rv_token.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

/* A fixed Ed25519 CSR (made with openssl req -newkey ed25519, CN=fuzz.example). */
static const char CSR[] = "-----BEGIN CERTIFICATE REQUEST-----\n"
                          "MIGWMEoCAQAwFzEVMBMGA1UEAwwMZnV6ei5leGFtcGxlMCowBQYDK2VwAyEAblco\n"
                          "StlkPLtfILtGJePF3/K9EE/O1S+4uK5+Cm+Oj+OgADAFBgMrZXADQQB3kSAkbT4j\n"
                          "LYODv1DhA/2tsgJR5xjfk93dHSXiYIQFky65HEr/NNAydw/EiAstyTIKojbrQAK2\n"
                          "ccPikKWzU3QI\n"
                          "-----END CERTIFICATE REQUEST-----\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cabref_error err;
  if (size < 1)
    return 0;
  switch (data[0] % 6u) {
  case 0: {
    cabref_rv_request req;
    cabref_status st = cabref_rv_request_read(data + 1, size - 1, &req, &err);
    CHECK(st == CABREF_OK || st == CABREF_E_SYNTAX || st == CABREF_E_TOO_LONG ||
          st == CABREF_E_CAPACITY);
    if (st == CABREF_OK) {
      CHECK(req.csr_len > 0 && req.spki_len > 0 && req.sig_alg <= CABREF_RV_ALG_MAX);
      cabref_rv_request_free(&req);
    } else {
      CHECK(err.message[0] != '\0' && req.csr_der == NULL && req.spki_der == NULL);
    }
    break;
  }
  case 1: {
    static cabref_rv_request req;
    static int have = 0;
    char token[256];
    cabref_rv_token_result r;
    size_t n = size - 1 < sizeof token - 1 ? size - 1 : sizeof token - 1;
    if (!have) {
      CHECK(cabref_rv_request_read((const uint8_t *)CSR, sizeof CSR - 1, &req, &err) == CABREF_OK);
      have = 1;
    }
    memcpy(token, data + 1, n);
    token[n] = '\0';
    CHECK(cabref_rv_token_check(token, &req, CABREF_RV_BIND_CSR, 1800000000, &r) == CABREF_OK);
    CHECK(r.verdict != NULL);
    if (strcmp(r.verdict, "valid") == 0) {
      char made[160];
      uint32_t used = 0;
      CHECK(r.ts_kind == CABREF_RV_TS_NONE || r.ts <= 1800000000);
      CHECK(cabref_rv_token_make(&req, CABREF_RV_BIND_CSR, r.hash, r.ts_kind, r.ts, made,
                                 sizeof made, &used, &err) == CABREF_OK);
      CHECK(strcmp(made, r.canonical) == 0);
    }
    break;
  }
  case 2: {
    char out[64];
    cabref_status st = cabref_rv_acme_thumbprint(data + 1, size - 1, out, sizeof out, &err);
    if (st == CABREF_OK) {
      size_t i;
      char ka[128], dns[64];
      CHECK(strlen(out) == 43);
      for (i = 0; i < 43; i++)
        CHECK(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", out[i]));
      CHECK(cabref_rv_acme_key_authorization("tok", out, ka, sizeof ka) == CABREF_OK);
      CHECK(strncmp(ka, "tok.", 4) == 0 && strcmp(ka + 4, out) == 0);
      CHECK(cabref_rv_acme_dns01(ka, dns, sizeof dns) == CABREF_OK && strlen(dns) == 43);
    } else {
      CHECK(err.message[0] != '\0');
    }
    break;
  }
  case 3: {
    char token[512];
    uint32_t bits = 0;
    const char *p;
    size_t n = size - 1 < sizeof token - 1 ? size - 1 : sizeof token - 1;
    memcpy(token, data + 1, n);
    token[n] = '\0';
    p = cabref_rv_acme_token_problem(token, &bits);
    if (p == NULL)
      CHECK(bits >= 128 && strchr(token, '=') == NULL);
    break;
  }
  case 5: {
    /* The ledger over a file holding the input. */
    char path[64];
    FILE *f;
    cabref_rv_ledger *l = NULL;
    cabref_status st;
    snprintf(path, sizeof path, "/tmp/cabref-fuzz-ledger-%d.db", (int)getpid());
    f = fopen(path, "wb");
    if (f == NULL)
      break;
    fwrite(data + 1, 1, size - 1, f);
    fclose(f);
    st = cabref_rv_ledger_open(path, &l, &err);
    if (st == CABREF_OK) {
      const char *v[1] = {"fuzz-value"};
      const char *verdict = NULL;
      st = cabref_rv_ledger_issue(l, v, 1, "random-value", "3.2.2.4.19", 0, 100, &err);
      if (st == CABREF_OK) {
        CHECK(cabref_rv_ledger_consume(l, v[0], 50, &verdict, &err) == CABREF_OK);
        CHECK(strcmp(verdict, "consumed") == 0);
        CHECK(cabref_rv_ledger_consume(l, v[0], 50, &verdict, &err) == CABREF_OK);
        CHECK(strcmp(verdict, "replayed") == 0);
      } else {
        CHECK(st == CABREF_E_DUPLICATE || st == CABREF_E_IO || st == CABREF_E_SYNTAX);
      }
      cabref_rv_ledger_close(l);
    } else {
      CHECK((st == CABREF_E_SYNTAX || st == CABREF_E_IO) && err.message[0] != '\0');
    }
    unlink(path);
    {
      char side[80];
      snprintf(side, sizeof side, "%s-wal", path);
      unlink(side);
      snprintf(side, sizeof side, "%s-shm", path);
      unlink(side);
    }
    break;
  }
  default: {
    cabref_instant t = 0;
    size_t n = size - 1 < 20 ? size - 1 : 20;
    cabref_status st = cabref_rv_token_timestamp((const char *)data + 1, n, &t);
    if (st == CABREF_OK) {
      int32_t y, mo, d, h, mi, s;
      char back[24];
      CHECK(n == 12 || n == 14);
      CHECK(cabref_utc_from_instant(t, &y, &mo, &d, &h, &mi, &s) == CABREF_OK);
      snprintf(back, sizeof back, "%04d%02d%02d%02d%02d%02d", (int)y, (int)mo, (int)d, (int)h,
               (int)mi, (int)s);
      CHECK(memcmp(back, data + 1, n) == 0);
    } else {
      CHECK(st == CABREF_E_SYNTAX || st == CABREF_E_TIME);
    }
    break;
  }
  }
  return 0;
}
