/* cabref CLI: `cabref token new|check` (spec/random-value.md RV-TOKEN-*, formats in
 * spec/random-value-formats.md §7).
 *
 *   new    a Request Token bound to a CSR (or its SubjectPublicKeyInfo), optionally timestamped;
 *          --ledger records a token without timestamp for its single use
 *   check  recompute and compare; the timestamp's window; with --ledger, the single use
 *
 * Exit status: 0 the token was made / is valid (and, with a ledger, now used); 1 the token is
 * refused (the reason is printed); 2 usage; 3 a request, token option or date is malformed;
 * 4 a file or the ledger could not be read or written. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "../shell/shell.h"
#include "cabref/adn_shell.h"
#include "cabref/rv_token.h"

int cabref_cmd_token(int argc, char **argv);

static int usage(void) {
  fprintf(stderr,
          "usage: cabref token new --csr FILE [--bind csr|spki] [--hash sha256|sha384|sha512]\n"
          "                        [--timestamp minute|second|none] [--at DATE]\n"
          "                        [--ledger FILE] [--json]\n"
          "       cabref token check TOKEN --csr FILE [--bind csr|spki] [--at DATE]\n"
          "                        [--ledger FILE] [--json]\n"
          "FILE is a PKCS#10 request, PEM or DER. DATE is YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ\n"
          "(UTC; default now). The token is the timestamp (YYYYMMDDHHMM, or ...SS) followed by\n"
          "the lower-case hex hash of the request's DER (or of its SubjectPublicKeyInfo); the\n"
          "hash defaults to the weakest of SHA-256/384/512 at least as strong as the request's\n"
          "signature. A token without timestamp is single use: check it with --ledger.\n");
  return CABREF_EXIT_USAGE;
}

static int read_request(const char *path, cabref_rv_request *req) {
  char *data = NULL;
  size_t len = 0;
  cabref_error err;
  cabref_status st;
  if (cabref_read_file(path, &data, &len, &err) != CABREF_OK) {
    fprintf(stderr, "cabref token: --csr %s: %s\n", path, err.message);
    return CABREF_EXIT_IO;
  }
  st = cabref_rv_request_read((const uint8_t *)data, len, req, &err);
  free(data);
  if (st != CABREF_OK) {
    fprintf(stderr, "cabref token: --csr %s: %s\n", path, err.message);
    return st == CABREF_E_CAPACITY ? CABREF_EXIT_IO : CABREF_EXIT_INPUT;
  }
  return CABREF_EXIT_OK;
}

int cabref_cmd_token(int argc, char **argv) {
  const char *csr = NULL, *ledger = NULL, *token = NULL, *sub;
  uint32_t bind = CABREF_RV_BIND_CSR, hash = CABREF_RV_ALG_UNKNOWN, ts = CABREF_RV_TS_MINUTE;
  cabref_instant at = (cabref_instant)time(NULL);
  int json = 0, i, rc, check;
  cabref_rv_request req;
  cabref_error err;
  char at_text[40];
  if (argc < 2)
    return usage();
  sub = argv[1];
  check = strcmp(sub, "check") == 0;
  if (!check && strcmp(sub, "new") != 0)
    return usage();
  for (i = 2; i < argc; i++) {
    const char *o = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(o, "--json") == 0) {
      json = 1;
    } else if (strcmp(o, "--csr") == 0 && v) {
      csr = v;
      i++;
    } else if (strcmp(o, "--ledger") == 0 && v) {
      ledger = v;
      i++;
    } else if (strcmp(o, "--bind") == 0 && v) {
      if (strcmp(v, "csr") == 0)
        bind = CABREF_RV_BIND_CSR;
      else if (strcmp(v, "spki") == 0)
        bind = CABREF_RV_BIND_SPKI;
      else {
        fprintf(stderr, "cabref token %s: --bind takes csr or spki, not \"%s\"\n", sub, v);
        return CABREF_EXIT_USAGE;
      }
      i++;
    } else if (!check && strcmp(o, "--hash") == 0 && v) {
      hash = strcmp(v, "sha256") == 0   ? CABREF_RV_ALG_SHA256
             : strcmp(v, "sha384") == 0 ? CABREF_RV_ALG_SHA384
             : strcmp(v, "sha512") == 0 ? CABREF_RV_ALG_SHA512
                                        : CABREF_RV_ALG_MAX + 1u;
      if (hash > CABREF_RV_ALG_MAX) {
        fprintf(stderr, "cabref token new: --hash takes sha256, sha384 or sha512, not \"%s\"\n", v);
        return CABREF_EXIT_USAGE;
      }
      i++;
    } else if (!check && strcmp(o, "--timestamp") == 0 && v) {
      if (strcmp(v, "minute") == 0)
        ts = CABREF_RV_TS_MINUTE;
      else if (strcmp(v, "second") == 0)
        ts = CABREF_RV_TS_SECOND;
      else if (strcmp(v, "none") == 0)
        ts = CABREF_RV_TS_NONE;
      else {
        fprintf(stderr, "cabref token new: --timestamp takes minute, second or none, not \"%s\"\n",
                v);
        return CABREF_EXIT_USAGE;
      }
      i++;
    } else if (strcmp(o, "--at") == 0 && v) {
      if (cabref_adn_parse_date(v, &at) != 0) {
        fprintf(
            stderr,
            "cabref token %s: --at takes YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC), not \"%s\"\n",
            sub, v);
        return CABREF_EXIT_INPUT;
      }
      i++;
    } else if (check && token == NULL && o[0] != '-') {
      token = o;
    } else {
      fprintf(stderr, "cabref token %s: unknown option or missing value: %s\n", sub, o);
      return usage();
    }
  }
  if (csr == NULL || (check && token == NULL)) {
    fprintf(stderr, "cabref token %s: --csr%s required\n", sub, check ? " and TOKEN are" : " is");
    return usage();
  }
  rc = read_request(csr, &req);
  if (rc != CABREF_EXIT_OK)
    return rc;
  cabref_adn_format_instant(at, at_text, sizeof at_text);
  if (!check) {
    char out[160];
    uint32_t used = 0;
    cabref_status st = cabref_rv_token_make(&req, bind, hash, ts, at, out, sizeof out, &used, &err);
    if (st != CABREF_OK) {
      fprintf(stderr, "cabref token new: %s\n", err.message);
      cabref_rv_request_free(&req);
      return st == CABREF_E_INCONSISTENT ? CABREF_EXIT_FAILED : CABREF_EXIT_INPUT;
    }
    if (ledger != NULL) {
      /* RV-LEDGER-ISSUE: recorded before it is shown, so a token shown is never lost. A token
       * without timestamp has no window of its own: the ledger keeps it usable until used. */
      cabref_rv_ledger *l = NULL;
      const char *v[1];
      v[0] = out;
      st = cabref_rv_ledger_open(ledger, &l, &err);
      if (st == CABREF_OK)
        st = cabref_rv_ledger_issue(
            l, v, 1, "request-token", "-", at,
            ts == CABREF_RV_TS_NONE ? CABREF_INSTANT_MAX : at + CABREF_RV_30_DAYS, &err);
      cabref_rv_ledger_close(l);
      if (st != CABREF_OK) {
        fprintf(stderr, "cabref token new: %s\n", err.message);
        cabref_rv_request_free(&req);
        return st == CABREF_E_SYNTAX      ? CABREF_EXIT_INPUT
               : st == CABREF_E_DUPLICATE ? CABREF_EXIT_FAILED
                                          : CABREF_EXIT_IO;
      }
    }
    if (json) {
      json_t *o = json_pack(
          "{s:s, s:s, s:s, s:s, s:s, s:i, s:s}", "token", out, "bind",
          bind == CABREF_RV_BIND_SPKI ? "spki" : "csr", "hash", cabref_rv_alg_name(used),
          "requestSignature", req.sig_name, "requestSignatureAlg", cabref_rv_alg_name(req.sig_alg),
          "requestSignatureStrength", (int)cabref_rv_alg_strength(req.sig_alg), "timestamp",
          ts == CABREF_RV_TS_NONE     ? "none"
          : ts == CABREF_RV_TS_MINUTE ? "minute"
                                      : "second");
      json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
      printf("\n");
      json_decref(o);
    } else {
      printf("%s\n", out);
    }
    cabref_rv_request_free(&req);
    return CABREF_EXIT_OK;
  } else {
    cabref_rv_token_result r;
    const char *verdict;
    const char *ledger_verdict = NULL;
    cabref_rv_token_check(token, &req, bind, at, &r);
    verdict = r.verdict;
    if (strcmp(verdict, "valid") == 0 && r.ts_kind == CABREF_RV_TS_NONE) {
      /* RV-TOKEN-SINGLE-USE: without a timestamp a token is valid once. */
      if (ledger == NULL) {
        verdict = "single-use-unverified";
      } else {
        cabref_rv_ledger *l = NULL;
        cabref_status st = cabref_rv_ledger_open(ledger, &l, &err);
        if (st == CABREF_OK)
          st = cabref_rv_ledger_consume(l, r.canonical, at, &ledger_verdict, &err);
        cabref_rv_ledger_close(l);
        if (st != CABREF_OK) {
          fprintf(stderr, "cabref token check: %s\n", err.message);
          cabref_rv_request_free(&req);
          return st == CABREF_E_SYNTAX ? CABREF_EXIT_INPUT : CABREF_EXIT_IO;
        }
        if (strcmp(ledger_verdict, "consumed") != 0)
          verdict = strcmp(ledger_verdict, "replayed") == 0 ? "replayed" : "not-issued";
      }
    }
    if (json) {
      json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "token", token, "verdict", verdict,
                            "hash", cabref_rv_alg_name(r.hash), "requestSignature", req.sig_name,
                            "at", at_text, "timestamp",
                            r.ts_kind == CABREF_RV_TS_NONE     ? "none"
                            : r.ts_kind == CABREF_RV_TS_MINUTE ? "minute"
                                                               : "second");
      if (ledger_verdict != NULL)
        json_object_set_new(o, "ledger", json_string(ledger_verdict));
      json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
      printf("\n");
      json_decref(o);
    } else {
      static const struct {
        const char *code, *why;
      } why[] = {
          {"valid", "the token binds this request and is usable now"},
          {"malformed",
           "not a timestamp (12 or 14 digits, a real UTC instant) and a SHA-256/384/512 hex hash"},
          {"weaker-binding", "its hash is weaker than the request's signature (BR 1.6.1)"},
          {"wrong-key", "its hash is not that of this request: another key or request"},
          {"future-timestamp", "its timestamp is after the evaluation instant (BR 1.6.1)"},
          {"expired", "its timestamp is more than 30 days old (BR 1.6.1)"},
          {"single-use-unverified",
           "no timestamp: single use, and without --ledger its use cannot be checked"},
          {"replayed", "no timestamp, and it was used before (BR 1.6.1: single use)"},
          {"not-issued", "no timestamp, and the ledger never issued it"},
      };
      size_t k;
      const char *text = "";
      for (k = 0; k < sizeof why / sizeof why[0]; k++)
        if (strcmp(why[k].code, verdict) == 0)
          text = why[k].why;
      printf("%s: %s: %s\n", token, verdict, text);
    }
    cabref_rv_request_free(&req);
    return strcmp(verdict, "valid") == 0 ? CABREF_EXIT_OK : CABREF_EXIT_FAILED;
  }
}
