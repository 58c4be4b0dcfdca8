/* cabref shell: audit of a published ballot results post (the Forum's results format, as in the
 * NS-007 post). The text is parsed into counts, claims and periods; the core recomputes every
 * rule; each disagreement is an inconsistency with its line. Requirements: TALLY-AUDIT-*. */
#ifndef CABREF_AUDIT_H
#define CABREF_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "cabref/ballot.h"

#define CABREF_AUDIT_MAX_FINDINGS 64

typedef enum {
  CABREF_CLAIM_UNSTATED = 0,
  CABREF_CLAIM_MET = 1,
  CABREF_CLAIM_NOT_MET = 2
} cabref_claim;

typedef struct {
  int present;
  unsigned long line; /* line of the "### N votes by ..." heading */
  uint32_t total;     /* stated N */
  uint32_t count[3];  /* stated yes, no, abstain counts */
  uint32_t named[3];  /* number of names listed for each */
  int has_count[3];
  unsigned long count_line[3];
  int has_percent;
  uint32_t percent; /* "X% of voting ... voted in favor" */
  unsigned long percent_line;
} cabref_audit_category;

typedef struct {
  char severity[16]; /* "inconsistency" or "warning" */
  char code[48];
  unsigned long line;
  char message[400];
} cabref_audit_finding;

typedef struct {
  char ballot[128];
  int has_version;
  cabref_rules_version version;
  cabref_outcome declared;
  int has_declared;
  unsigned long declared_line;
  cabref_audit_category issuer, consumer;
  cabref_claim claim_issuer, claim_consumer, claim_yes_each, claim_quorum;
  unsigned long claim_line[4];
  int has_quorum;
  uint32_t quorum;
  unsigned long quorum_line; /* where the figure was read */
  /* TALLY-AUDIT-QUORUM: the Bylaws have a quorum rule and the post states no figure, so the
   * ballot's validity cannot be recomputed: the outcome is the one below if the quorum was met,
   * else invalid (never computed with a quorum of zero). */
  int validity_unchecked;
  int has_voting, has_discussion, has_review;
  cabref_instant voting_start, voting_end, disc_start, disc_end, review_start, review_end;
  int has_disc_label;
  uint32_t disc_label_days; /* "(14+ days)" */
  int disc_label_plus;
  unsigned long disc_label_line;
  int has_review_days;
  uint32_t review_days; /* "Review Period of 30 days" */
  unsigned long review_days_line;
  cabref_ballot_kind kind;
  /* recomputed */
  cabref_tally_result result;
  uint32_t period_reasons;
  size_t n_findings;
  cabref_audit_finding findings[CABREF_AUDIT_MAX_FINDINGS];
} cabref_audit;

/* Parses the post and recomputes. CABREF_E_SYNTAX (with err's line) when the text has no
 * recognisable results (no category counts or no Bylaws version). */
cabref_status cabref_audit_text(const char *text, size_t len, const char *file, cabref_audit *a,
                                cabref_error *err);
size_t cabref_audit_inconsistencies(const cabref_audit *a);

#endif
