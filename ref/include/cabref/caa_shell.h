/* cabref: the CAA shell (ref/shell/caa_zone.c, caa_print.c). Converts, never decides: zone text
 * -> ldns -> RDATA wire bytes and owner names; request names -> A-labels -> the lookups of the
 * climb, answered from the zone as a resolver would (cabref/caa_dns.h nodes); RDATA -> canonical
 * presentation text. Every decision is the core's (cabref/caa.h, cabref/caa_record.h).
 * Requirements: spec/caa.md; formats: spec/caa-formats.md.
 */
#ifndef CABREF_CAA_SHELL_H
#define CABREF_CAA_SHELL_H

#include <stddef.h>
#include <stdint.h>

#include "cabref/ballot.h" /* cabref_error */
#include "cabref/caa.h"
#include "cabref/caa_dns.h"
#include "cabref/name.h"
#include "cabref/name_idn.h"

/* One CAA resource record of a zone (or a failure marker, for the vectors' simulated lookups). */
typedef struct {
  char *owner;        /* lower-case text, no trailing dot ("" is the root); RFC 1035 escapes kept */
  uint32_t ttl;       /* as written (or from $TTL / ldns's default 3600) */
  unsigned long line; /* first line of the record in the file (0 when not from a file) */
  uint8_t failure;    /* 1: no record; a lookup of CAA at this owner fails (vectors only) */
  cabref_caa_rr rr;   /* RDATA: buf[rr.off .. rr.off + rr.len - 1] of the zone */
} cabref_caa_zone_rr;

/* What a master file holds at one owner name beyond its CAA records, for zone mode to answer a
 * lookup as a resolver would (CAA-ZONE-ALIAS): one entry per resource record that is not CAA,
 * in file order. */
enum {
  CABREF_CAA_NODE_CNAME = 1, /* a CNAME record at the owner (RFC 1034 §3.6.2) */
  CABREF_CAA_NODE_DNAME = 2, /* a DNAME record at the owner (RFC 6672): redirects its descendants */
  CABREF_CAA_NODE_OTHER = 4  /* a record of any other type (the name exists, RFC 4592 §2.2.2) */
};
typedef struct {
  char *owner;        /* as cabref_caa_zone_rr's owner */
  char *target;       /* CNAME or DNAME: the target, as an owner is kept; NULL otherwise */
  unsigned long line; /* the record's first line */
  uint8_t kind;       /* one CABREF_CAA_NODE_* */
} cabref_caa_zone_node;

/* What a resolver said of one name beyond its records (live mode, cabref caa check): the DNSSEC
 * status of the answer and, for a failed lookup (a failure marker at the owner), its kind. */
typedef struct {
  char *owner;     /* as cabref_caa_zone_rr's owner */
  uint8_t dnssec;  /* cabref_caa_dnssec */
  uint8_t failure; /* cabref_caa_failure_kind of the owner's failure marker */
} cabref_caa_zone_status;

/* The CAA records of a master file, in file order; every RDATA in one buffer. */
typedef struct {
  uint8_t *buf;
  size_t len, cap;
  cabref_caa_zone_rr *rrs;
  size_t n, cap_rrs;
  cabref_caa_zone_node *nodes; /* the records of other types (class IN), file order */
  size_t n_nodes, cap_nodes;
  unsigned long all_rrs;          /* resource records of any type read */
  unsigned long aliases;          /* CNAME and DNAME records among them */
  cabref_caa_zone_status *status; /* live mode: per owner, what the resolver said */
  size_t n_status, cap_status;
} cabref_caa_zone;

void cabref_caa_zone_init(cabref_caa_zone *z);
void cabref_caa_zone_free(cabref_caa_zone *z);

/* Appends one record (owner text of any case, with or without the trailing dot) to z; failure
 * 1 adds a failure marker and ignores rdata. CABREF_E_CAPACITY when out of memory,
 * CABREF_E_TOO_LONG for RDATA over 65535 octets. */
cabref_status cabref_caa_zone_add(cabref_caa_zone *z, const char *owner, uint32_t ttl,
                                  unsigned long line, int failure, const uint8_t *rdata,
                                  size_t len);

/* Appends a record of another type (kind one CABREF_CAA_NODE_*) at owner (any case, with or
 * without the trailing dot) to z; target is the CNAME's or DNAME's target (NULL for other
 * kinds). CABREF_E_CAPACITY when out of memory. */
cabref_status cabref_caa_zone_add_node(cabref_caa_zone *z, const char *owner, unsigned long line,
                                       int kind, const char *target);

/* Records what a resolver said of owner (live mode): the DNSSEC status of its answer and the kind
 * of its failure. CABREF_E_CAPACITY when out of memory. */
cabref_status cabref_caa_zone_set_status(cabref_caa_zone *z, const char *owner, int dnssec,
                                         int failure);

/* Reads a master file (RFC 1035 §5: $ORIGIN, $TTL, relative names, parentheses, comments; the
 * RFC 3597 generic form `\# N hex`) through ldns and appends its CAA records of class IN to z.
 * Names relative to no $ORIGIN are relative to the root. Converted for ldns 1.8.3 first: an
 * unquoted CAA value is quoted (RFC 8659 §4.1.1 allows it; ldns < 1.8.4 refuses it), and a CAA
 * record in the generic form is read as opaque bytes (ldns would refuse RDATA without the CAA
 * layout, which the core must see and judge); a class written before the TTL is moved after it.
 * Raw control octets (ldns 1.8.3's file reader ends a line at FF or VT even inside quotes, makes
 * a CR inside quotes a blank, and drops the rest or the octet silently): every control octet
 * 0x01-0x1F but HTAB and LF, and DEL, inside a token, quoted or not, also after a backslash, is
 * converted to its \DDD escape (RFC 1035 §5.1) before ldns reads it, so the RDATA holds exactly
 * the octets written and the core judges them (a control octet in a value is outside the RFC 8659
 * grammar: malformed, authorizes no one). Decision: converting, not refusing, since it keeps the
 * record's octets; outside quotes such an octet is part of its token (blanks are space, HTAB and
 * CR, for CRLF files), comments are not read. A line feed inside quotes or after a backslash
 * cannot be kept with the lines intact: refused, CABREF_E_SYNTAX with err->column (1-based byte
 * column of the LF), as is a NUL (CABREF_E_NUL, with its column). "\#" is the generic form only
 * as the first RDATA token (RFC 3597 §5): a later "\#" token is refused (ldns would read it as
 * one field's generic data). Tokens are ldns's: text right after a closing quote (`"a".`, one
 * token to ldns) is refused with its column, a '"' inside an unquoted token is a literal octet,
 * a ')' without its '(' is a blank. A TTL (also $TTL) is digits, each group optionally with a
 * unit s/m/h/d/w, at most 4294967295 in all: anything else is refused (ldns reads "1x" as 1 and
 * wraps larger numbers). $INCLUDE is refused. A value is one string of any
 * length (RFC 8659 §4.1.1: no 255 limit); several character-strings, as TXT has, are not CAA
 * syntax and ldns refuses them ("superfluous text"), it does not join them. On error err names
 * file:line (the record's first line) and ldns's status text; status CABREF_E_SYNTAX (a record
 * ldns refuses), CABREF_E_NUL, CABREF_E_TOO_LONG, CABREF_E_CAPACITY. z keeps the records read
 * before the error. */
cabref_status cabref_caa_zone_parse(const char *text, size_t len, const char *file,
                                    cabref_caa_zone *z, cabref_error *err);
/* The same from a file ("-" = stdin); CABREF_E_IO when it cannot be read. */
cabref_status cabref_caa_zone_read(const char *path, cabref_caa_zone *z, cabref_error *err);

/* One CAA RDATA in presentation form ("0 issue \"ca.example\"", "0 issue ca.example",
 * "\\# 3 000100"), without owner, TTL, class or type, into wire bytes out[0 .. *out_len - 1]
 * (cap at least CABREF_CAA_MAX_RDATA). Parsed by ldns exactly as a zone line would be (control
 * octets as above: converted to \DDD; a line feed or NUL is refused: a record is one line);
 * err->column, when set, is 1-based in text. */
cabref_status cabref_caa_rdata_from_text(const char *text, size_t len, uint8_t *out, size_t cap,
                                         size_t *out_len, cabref_error *err);

/* The indices (into z->rrs, file order) of the records owned by owner (lower-case, no trailing
 * dot): at most cap of them are written; returns how many there are. *failure is set to 1 when
 * a failure marker has that owner. */
size_t cabref_caa_zone_owner_set(const cabref_caa_zone *z, const char *owner, size_t owner_len,
                                 size_t *idx, size_t cap, int *failure);

/* Canonical presentation form (RFC 8659 §4.1.1) of one RDATA, NUL-terminated, into out[0 .. cap
 * - 1] (truncated when too small): flags in decimal, the tag as is, the value always quoted with
 * '"' and '\\' escaped by a backslash and every octet outside 0x20..0x7E as \DDD. RDATA the core
 * does not read as flags/tag/value with a letter-and-digit tag is printed in the RFC 3597
 * generic form "\\# N hex" (lower-case hex). Returns the length of the whole text (like
 * snprintf); CABREF_CAA_PRINT_MAX bytes always suffice. */
#define CABREF_CAA_PRINT_MAX (4u * CABREF_CAA_MAX_RDATA + 32u)
size_t cabref_caa_print(const uint8_t *rdata, size_t len, char *out, size_t cap);
/* The same into a fresh buffer (free it); NULL when out of memory. */
char *cabref_caa_print_alloc(const uint8_t *rdata, size_t len);
/* Lower-case hex of bytes into a fresh buffer (free it); NULL when out of memory. */
char *cabref_caa_hex(const uint8_t *p, size_t len);

/* A request name evaluated against a zone: the shell's part (name text -> A-labels, the lookups
 * at the climb's names answered from the file as a resolver would, one cabref_caa_node each) and
 * the core's answers (cabref_caa_relevant_rrset for the relevant set, cabref_caa_names for the
 * name's result, cabref_caa_decide for the per-record verdicts). */
typedef struct {
  int error;      /* 0, or a cabref_name_error for a refused name (the core is not asked) */
  size_t err_pos; /* byte offset of the error in the converted text */
  char text[CABREF_NAME_TEXT_BUF]; /* A-labels, lower-case, "*." kept, no trailing dot */
  size_t text_len;
  size_t fqdn_off; /* the FQDN (without "*.") is text + fqdn_off */
  int lookup;      /* cabref_caa_relevant_result of the climb */
  int has_owner;   /* the climb stopped at a name of the climb: text + owner_off */
  size_t owner_off;
  char *relevant_owner; /* with FOUND: the owner of the records that apply (the climb's name, an
                           alias target, or the wildcard "*.E" that synthesized them) */
  char **chain;         /* the names from the climb's name to the answering one, along the
                           aliases followed (n_chain >= 1 when has_owner) */
  size_t n_chain;
  char *synthesized; /* the wildcard or DNAME owner that synthesized the first answer, or NULL */
  /* With lookup CABREF_CAA_RELEVANT_FAILURE: why (a cabref_caa_failure_kind), the name whose
   * lookup failed (the end of the chain; the climb's name for alias-chain) and the line of the
   * record behind it (0: none). */
  int failure;
  const char *failure_owner;
  unsigned long failure_line;
  size_t n_set;                /* records in the relevant set */
  size_t *idx;                 /* their indices in z->rrs (free with cabref_caa_name_eval_free) */
  cabref_caa_name_outcome res; /* the core's outcome for the name */
  int has_verdicts;            /* d holds the decision on the set (not for onion or failure) */
  cabref_caa_decision d;
} cabref_caa_name_eval;

/* CAA-PROFILE-DATE: the value grammar (profile) of a set of rules, and the rules a profile
 * stands for in zone mode (the erratum's profile follows a DNAME at the name itself,
 * CAA-ALIAS-DNAME). */
uint8_t cabref_caa_profile_of_rules(cabref_caa_rules rules);
cabref_caa_rules cabref_caa_rules_of_profile(uint8_t profile);

/* Evaluates n request names (UTF-8 or A-labels, "*." allowed, a trailing dot allowed) against
 * the zone under cfg, as the names of one certificate: out[k] for names[k]. Returns 1 iff every
 * name was read and is permitted or onion-exempt (CAA-MULTI-NAME), 0 otherwise, -1 when out of
 * memory. Free each out[k] with cabref_caa_name_eval_free. */
int cabref_caa_zone_eval(const cabref_caa_zone *z, const char *const *names, const size_t *lens,
                         size_t n, const cabref_caa_config *cfg, cabref_caa_name_eval *out);
/* The same under the given rules (CAA-ALIAS-*: which aliases the search follows); the one above
 * takes them from cfg->profile (rfc8659, or erratum 5065 for rfc6844-e5065). */
int cabref_caa_zone_eval_rules(const cabref_caa_zone *z, const char *const *names,
                               const size_t *lens, size_t n, const cabref_caa_config *cfg,
                               cabref_caa_rules rules, cabref_caa_name_eval *out);
/* CAA-LOOKUP-FAILURE for a name whose lookup failed (e->res.result lookup-failure): whether the
 * failure rule in force at `at` lets the CA treat it as permission, from the facts of the failed
 * answer (its DNSSEC status, through cabref_caa_failure_facts_of), the number of times it was
 * asked (tries: a retry is tries >= 2) and whether the resolver is outside the CA's
 * infrastructure (the caller's knowledge). 0 or 1; the core decides (cabref_caa_failure_permits).
 */
int cabref_caa_failure_may_permit(const cabref_caa_name_eval *e, int dnssec, int tries,
                                  cabref_caa_instant at, int outside_ca);

/* CAA-REUSE: the seconds a check of this name may be relied on (the relevant set's least TTL or
 * 8 hours, whichever is greater; 8 hours for an empty set), computed by the core's window. */
uint64_t cabref_caa_reuse_seconds(const cabref_caa_zone *z, const cabref_caa_name_eval *e);

void cabref_caa_name_eval_free(cabref_caa_name_eval *e);

/* "permit", "deny", "lookup-failure", "onion-exempt", or "error" for a refused name. */
const char *cabref_caa_name_result_code(const cabref_caa_name_eval *e);

/* Configuration helpers shared by the CLI and the vectors. Return 0, or -1 when the text does
 * not fit (too many issuers or tags, too long). */
int cabref_caa_config_add_issuer(cabref_caa_config *cfg, const char *dn);
int cabref_caa_config_add_tag(cabref_caa_config *cfg, const char *tag);
int cabref_caa_config_set_account(cabref_caa_config *cfg, const char *uri);
int cabref_caa_config_set_method(cabref_caa_config *cfg, const char *method);
/* "rfc8659" or "rfc6844-e5065" -> *profile; -1 for anything else. */
int cabref_caa_parse_profile(const char *s, uint8_t *profile);

/* Stable codes for the core's record-level enums. */
const char *cabref_caa_tag_kind_code(cabref_caa_tag_kind k);
const char *cabref_caa_rdata_error_code(cabref_caa_rdata_error e);
const char *cabref_caa_value_error_code(cabref_caa_value_error e);
const char *cabref_caa_iodef_code(cabref_caa_iodef_scheme s);
/* CAA-DNS-FAILURE codes ("servfail", ..., "unmodeled"; "unknown" outside the enumeration) and
 * back (-1 for a text that is none of them); the same for the DNSSEC status. */
const char *cabref_caa_failure_kind_code(unsigned k);
int cabref_caa_failure_kind_parse(const char *s);
const char *cabref_caa_dnssec_code(unsigned d);
int cabref_caa_dnssec_parse(const char *s);

#endif
