/* cabref: the Public Suffix List. Requirements: spec/psl.md (PSL-*).
 *
 * The shell loads the list's text format and compiles it into a table owned by the caller; the
 * proven core matches a parsed name (cabref/name.h) against that table by the list's formal
 * algorithm. The points where implementations differ are options, with the BR default below.
 */
#ifndef CABREF_PSL_H
#define CABREF_PSL_H

#include <stdint.h>

#include "cabref/name.h"

/* Options (bits). Default for BR work: CABREF_PSL_BR_DEFAULT. */
#define CABREF_PSL_PRIVATE 0x1u          /* also use the PRIVATE DOMAINS section (BR 3.2.2.6: not) */
#define CABREF_PSL_NO_STAR_RULE 0x2u     /* drop the implicit "*" rule: unknown TLDs match nothing */
#define CABREF_PSL_WILDCARD_PARENT 0x4u  /* "*.foo.bar" also makes "foo.bar" a suffix (libpsl) */
#define CABREF_PSL_BR_DEFAULT 0x0u       /* ICANN only, "*" rule on, strict wildcards */

/* Kind of the prevailing rule. */
typedef enum {
  CABREF_PSL_RULE_DEFAULT = 0,   /* the implicit "*" rule */
  CABREF_PSL_RULE_NORMAL = 1,
  CABREF_PSL_RULE_WILDCARD = 2,
  CABREF_PSL_RULE_EXCEPTION = 3,
  CABREF_PSL_RULE_NONE = 4       /* no rule matched and the "*" rule is off */
} cabref_psl_rule_kind;

typedef struct {
  uint8_t suffix_labels;   /* labels of the public suffix, counted from the right; 0 if none */
  uint8_t registrable;     /* 1 when the name has a label left of the suffix */
  uint8_t kind;            /* cabref_psl_rule_kind of the prevailing rule */
  uint8_t private_section; /* the prevailing rule is in PRIVATE DOMAINS */
  int32_t rule;            /* index of the prevailing rule in the table, -1 for default/none */
} cabref_psl_match;

#endif
