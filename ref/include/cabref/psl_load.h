/* cabref: loading and compiling the Public Suffix List (the shell). Requirements: spec/psl.md
 * (PSL-FORMAT-*, PSL-CANON, PSL-TABLE-*).
 *
 * The list's text format is read, rules in U-labels are converted to A-labels with libidn2, and
 * the rules are compiled into a cabref_psl_table (cabref/psl.h) whose invariants (ValidPslTable)
 * are established here and checked by cabref_psl_table_check(), the C twin of the predicate.
 */
#ifndef CABREF_PSL_LOAD_H
#define CABREF_PSL_LOAD_H

#include <stddef.h>
#include <stdint.h>

#include "cabref/ballot.h"
#include "cabref/name.h"
#include "cabref/psl.h"
#include "cabref/status.h"

#define CABREF_PSL_MAX_LINE 4096u /* bytes per line of the list, the newline not counted */

/* The compiled list with its storage and some statistics. */
typedef struct cabref_psl_list {
  cabref_psl_table table;
  uint32_t n_rules; /* rules read (after deduplication) */
  uint32_t n_icann, n_private, n_wildcards, n_exceptions;
  uint32_t n_warnings; /* duplicate rules */
  char *pool;          /* owned storage behind table */
  cabref_psl_span *spans;
  cabref_psl_node *nodes;
  uint32_t *order;
  uint32_t *buckets;
  /* The top-level labels in which some rule of the ICANN section ends (the delegated TLDs as the
   * list knows them: ADN-INTERNAL-NAME), as spans into pool, sorted by length then bytes. */
  cabref_psl_span *icann_tlds;
  uint32_t n_icann_tlds;
} cabref_psl_list;

/* Parses and compiles text[0 .. len-1] (`file` names it in errors). On success *out is a new list
 * (free with cabref_psl_list_free) and the result is CABREF_OK; otherwise *out is NULL and *err
 * says what and where (FILE:LINE:COLUMN, 1-based). */
cabref_status cabref_psl_load_text(const char *text, size_t len, const char *file,
                                   cabref_psl_list **out, cabref_error *err);
cabref_status cabref_psl_load_file(const char *path, cabref_psl_list **out, cabref_error *err);
void cabref_psl_list_free(cabref_psl_list *l);

/* ADN-INTERNAL-NAME: 1 when some rule of the list's ICANN section ends in the top-level label
 * label[0 .. len-1] (lower-case A-label; "za" has "co.za", "ck" has "*.ck"), else 0. */
int cabref_psl_icann_tld(const cabref_psl_list *l, const char *label, size_t len);

/* PSL-TABLE-VALID: the C twin of ValidPslTable (spec/psl_logic.h). Returns NULL when the table
 * satisfies every invariant, else a static string naming the first one broken. */
const char *cabref_psl_table_check(const cabref_psl_table *t);

/* The rule of a match as the list writes it, in A-labels ("*.kobe.jp", "!city.kobe.jp", "com",
 * "*" for the default rule, "" for none); writes at most n bytes including the NUL. */
void cabref_psl_rule_text(const cabref_psl_table *t, const cabref_psl_match *m, char *buf,
                          size_t n);

/* Parses the name text (policy: wildcard and trailing dot allowed; U-labels converted to A-labels
 * first by cabref_name_from_text, into name_buf of at least 256 bytes, which then holds the text
 * the spans point into) and matches it. Returns CABREF_NAME_OK and fills *out and *name_out, or
 * the name error: a cabref_name_error value, or CABREF_PSL_NAME_BAD_IDN (below) for a U-label
 * the shell refuses (libidn2 cannot convert it, or it converts to ASCII other than LDH: '＊', '_ü')
 * and for an XN-label that is not an A-label. *err_pos is the error's byte offset in the given
 * text: for an ASCII name, and for a refused U-label (the offset of its first byte); any other
 * error in a name holding non-ASCII reports 0. In a name holding a NUL byte, the text before the
 * NUL is converted and judged first; if it is fine, the result is CABREF_NAME_NUL at the NUL's
 * offset in the given text (NAME-ERROR: the first offending byte wins). */
int cabref_psl_lookup_text(const cabref_psl_table *t, const char *name_text, size_t len,
                           uint32_t options, cabref_psl_match *out, cabref_name *name_out,
                           char *name_buf, size_t *err_pos);

/* Returned by cabref_psl_lookup_text (beside the cabref_name_error values) for an "xn--" label that
 * is not a valid A-label (NAME-ALABEL: Punycode does not decode, the result is not IDNA2008, or
 * it does not convert back to the label), and for a U-label the shell refuses (NAME-IDN). */
#define CABREF_PSL_NAME_BAD_IDN 100
/* Returned by cabref_psl_lookup_text when the text (before any NUL) is not well-formed UTF-8
 * (RFC 3629 §4); *err_pos is the offset of the first byte outside a well-formed sequence. This is
 * checked before every name rule. */
#define CABREF_PSL_NAME_BAD_UTF8 101

/* The machine-readable code of a cabref_psl_lookup_text error ("empty-label", "bad-idn", ...) and
 * a short English message. Never NULL. */
const char *cabref_psl_name_error_code(int e);
const char *cabref_psl_name_error_message(int e);

#endif
