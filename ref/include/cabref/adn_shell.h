/* cabref: the ADN shell (ref/shell/adn_shell.c). Glue only: text name -> name parse and PSL
 * match (cabref/psl_load.h) -> the proven core (cabref/adn.h). Requirements: spec/adn.md. */
#ifndef CABREF_ADN_SHELL_H
#define CABREF_ADN_SHELL_H

#include <stddef.h>
#include <stdint.h>

#include "cabref/adn.h"
#include "cabref/ballot.h" /* cabref_error */
#include "cabref/name.h"
#include "cabref/psl.h"
#include "cabref/psl_load.h"

/* The shipped Specification 13 list (ADN-SPEC13), relative to the source tree. */
#define CABREF_SPEC13_DEFAULT "vectors/adn/spec13-gtlds.txt"

/* Errors of cabref_adn_view_text beside the name errors (cabref_name_error values and
 * CABREF_PSL_NAME_BAD_IDN). */
#define CABREF_ADN_ERR_SHAPE 200        /* a name with no label after the wildcard */
#define CABREF_ADN_ERR_UNDERSCORE 201   /* '_' in a requested name (refused in certificates) */
#define CABREF_ADN_ERR_TRAILING_DOT 202 /* ADN-TRAILING-DOT: the root label in a requested name */
#define CABREF_ADN_ERR_INTERNAL 203     /* ADN-INTERNAL-NAME: not under a delegated TLD */
#define CABREF_ADN_ERR_REVERSE_ZONE 204 /* ADN-REVERSE-ZONE: under in-addr.arpa or ip6.arpa */

/* BR 4.2.2 (SC86): from this instant (2026-03-15T00:00:00Z) no certificate may contain a Domain
 * Name ending in an IP Reverse Zone Suffix. Days since 1970-01-01: 20527. */
#define CABREF_ADN_REVERSE_ZONE_FROM ((cabref_instant)20527 * 86400)

typedef struct cabref_spec13_list {
  char **tlds; /* lower-case A-labels, sorted */
  size_t n;
} cabref_spec13_list;

/* Reads the list (one A-label per line, '#' comments). CABREF_E_IO, CABREF_E_SYNTAX (a line that
 * is not one LDH label), CABREF_E_TOO_LONG; err says where. */
cabref_status cabref_spec13_load(const char *path, cabref_spec13_list **out, cabref_error *err);
int cabref_spec13_contains(const cabref_spec13_list *l, const char *label, size_t len);
void cabref_spec13_free(cabref_spec13_list *l);

/* One name seen through the core: parsed, matched, BDN and candidates. */
typedef struct {
  int error;      /* 0, or a cabref_name_error / CABREF_PSL_NAME_BAD_IDN / CABREF_ADN_ERR_* */
  size_t err_pos; /* byte offset of the error in the given text */
  char text[256]; /* the A-label text the spans point into (text_len bytes, NUL-terminated) */
  cabref_name name;
  cabref_psl_match match;
  uint8_t spec13; /* the option is on and the TLD is on the list */
  /* the given text ended in the root label's dot, as the shell's conversion read it (a '.', or a
   * full stop the IDNA mapping turns into one, U+3002 ...) */
  uint8_t trailing_dot;
  uint8_t bdn; /* start index of the BDN, or CABREF_ADN_NONE */
  size_t n_cand;
  uint8_t cand[CABREF_NAME_MAX_LABELS];
} cabref_adn_view;

/* Parses text[0 .. len-1] (U-labels converted to A-labels; wildcard allowed; underscores refused),
 * matches it against t under psl_options, applies the Spec 13 option when s13 is not NULL and
 * holds the name's TLD, and computes the BDN and candidates with the core. Returns out->error. */
int cabref_adn_view_text(const cabref_psl_table *t, uint32_t psl_options,
                         const cabref_spec13_list *s13, const char *text, size_t len,
                         cabref_adn_view *out);

/* Candidate k of v as text (a pointer into v->text, NUL-terminated at the name's end). */
const char *cabref_adn_view_candidate(const cabref_adn_view *v, uint8_t k);

/* Machine-readable code and English message for cabref_adn_view_text's errors. Never NULL. */
const char *cabref_adn_error_code(int e);
const char *cabref_adn_error_message(int e);

/* Parses "3.2.2.4.N" or "N" (1..22). Returns 0 on success. */
int cabref_adn_parse_method(const char *s, uint32_t *method);
/* Parses "YYYY-MM-DD" or "YYYY-MM-DDThh:mm:ssZ" as a UTC instant. Returns 0 on success. */
int cabref_adn_parse_date(const char *s, cabref_instant *t);

const char *cabref_adn_status_name(uint8_t status);
/* "YYYY-MM-DD" (or the full instant when not midnight) into buf of at least 32 bytes; "null"
 * callers test INT64_MAX themselves. */
void cabref_adn_format_instant(cabref_instant t, char *buf, size_t n);

/* What to ask about a name besides its BDN and candidates. */
typedef struct {
  int has_method;     /* method/at given */
  uint32_t method;    /* 1..22 */
  cabref_instant at;  /* the instant the rules are taken at */
  const char *cname;  /* a CNAME target of the name (ADN-CNAME), or NULL */
  const char *covers; /* an ADN: does it cover the name (ADN-COVERS), or NULL */
  const char *record; /* a DNS record name: a DNS Change location of which ADN (ADN-DNS-PREFIX) */
} cabref_adn_request;

/* ADN-TRAILING-DOT, ADN-INTERNAL-NAME, ADN-REVERSE-ZONE: 0 when the requested name v (read
 * from text[0 .. len-1] by cabref_adn_view_text) may be asked for, else the refusal
 * (CABREF_ADN_ERR_TRAILING_DOT, _INTERNAL, _REVERSE_ZONE) and *err_pos, its byte offset in the
 * given text (0 for a name holding non-ASCII, as for cabref_psl_lookup_text). The reverse-zone
 * rule holds from CABREF_ADN_REVERSE_ZONE_FROM on (at). Not applied to CNAME targets: they are
 * DNS names, not names of the certificate. */
int cabref_adn_requested_refusal(const cabref_psl_list *l, const cabref_adn_view *v,
                                 const char *text, size_t len, cabref_instant at, size_t *err_pos);

/* The whole answer for one name as a JSON object (spec/adn.md; the shape of `cabref adn --json`
 * and of the AdnTest vectors): the requested name is refused by cabref_adn_requested_refusal at
 * rq->at (without rq: the reverse-zone rule is taken as in force). NULL only when out of memory. */
struct json_t;
struct json_t *cabref_adn_json(const cabref_psl_list *l, uint32_t psl_options,
                               const cabref_spec13_list *s13, const char *name, size_t len,
                               const cabref_adn_request *rq);
/* The rules of a method at an instant as a JSON object (ADN-METHOD-*). */
struct json_t *cabref_adn_method_json(uint32_t method, cabref_instant at);
/* The Authorized Ports at an instant as a JSON array (ADN-PORTS). */
struct json_t *cabref_adn_ports_json(cabref_instant at);
const char *cabref_adn_prefix_name(uint8_t prefix);

#endif
