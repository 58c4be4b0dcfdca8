/* libFuzzer target: the audit of a published results post (the NS-007 format), which parses
 * the post and recomputes it with the core.
 *
 * Requirements: TALLY-AUDIT-COUNT, TALLY-AUDIT-PERCENT, TALLY-AUDIT-RULES, TALLY-AUDIT-OUTCOME,
 * TALLY-AUDIT-PERIODS, TALLY-AUDIT-QUORUM, TALLY-OUTCOME, TALLY-THR-ISSUER, TALLY-THR-CONSUMER,
 * TALLY-THR-EMPTY, TALLY-THR-ABSTAIN, TALLY-YES-EACH, TALLY-QUORUM-FIXED, TALLY-PERIOD-VOTING,
 * TALLY-REVIEW.
 *
 * The input is copied into an exactly sized heap buffer so that ASan reports any read past its
 * end. On error the error must carry a status and a message; on success the findings must fit
 * and the recomputed outcome must agree with its reasons, else the target aborts.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/audit.h"
#include "shell.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* The vector runner's answer to an AuditTest (ref/shell/results_audit.c, no header). */
json_t *cabref_audit_answer(json_t *input, json_int_t tc);

#include "fuzz_check.h"

static int has_code(const cabref_audit *a, const char *code) {
  size_t i;
  for (i = 0; i < a->n_findings; i++) {
    if (strcmp(a->findings[i].severity, "inconsistency") == 0 &&
        strcmp(a->findings[i].code, code) == 0)
      return 1;
  }
  return 0;
}

/* TALLY-AUDIT-COUNT: a stated total that is not yes + no + abstain (in 64 bits), or a count
 * that is not the number of names listed, is an inconsistency. Only checked while the findings
 * list is not full. */
static void check_counts(const cabref_audit *a, const cabref_audit_category *c) {
  int k;
  if (!c->present || a->n_findings >= CABREF_AUDIT_MAX_FINDINGS)
    return;
  if (c->has_count[0] && c->has_count[1] && c->has_count[2] &&
      (uint64_t)c->count[0] + c->count[1] + c->count[2] != (uint64_t)c->total)
    CHECK(has_code(a, "total-mismatch"));
  for (k = 0; k < 3; k++) {
    if (c->has_count[k] && c->named[k] != c->count[k])
      CHECK(has_code(a, "names-count-mismatch"));
  }
}

static void check_audit(const cabref_audit *a) {
  const cabref_tally_result *r = &a->result;
  const cabref_counts *c = &r->counts;
  size_t i, inconsistencies = 0;
  uint64_t six = (uint64_t)c->issuer.yes + c->issuer.no + c->issuer.abstain + c->consumer.yes +
                 c->consumer.no + c->consumer.abstain;

  CHECK(a->n_findings <= CABREF_AUDIT_MAX_FINDINGS);
  for (i = 0; i < a->n_findings; i++) {
    const cabref_audit_finding *f = &a->findings[i];
    int inc = strcmp(f->severity, "inconsistency") == 0;
    CHECK(inc || strcmp(f->severity, "warning") == 0);
    CHECK(f->code[0] != '\0' && memchr(f->code, '\0', sizeof f->code) != NULL);
    CHECK(memchr(f->message, '\0', sizeof f->message) != NULL && f->message[0] != '\0');
    inconsistencies += (size_t)inc;
  }
  CHECK(cabref_audit_inconsistencies(a) == inconsistencies);
  CHECK(a->has_version && (unsigned)a->version < CABREF_RULES_COUNT);
  CHECK(a->issuer.present || a->consumer.present);
  CHECK(memchr(a->ballot, '\0', sizeof a->ballot) != NULL);

  /* Participants: the six published counts, saturated at 2^31. */
  CHECK((uint64_t)c->participants == (six > CABREF_MAX_COUNT ? CABREF_MAX_COUNT : six));

  /* TALLY-OUTCOME: the recomputed outcome agrees with its reasons. */
  CHECK((r->reasons & ~((1u << CABREF_R_COUNT) - 1u)) == 0);
  CHECK(r->outcome <= CABREF_OUTCOME_INVALID);
  CHECK((r->reasons & CABREF_R_EXCLUSION_NOTICE) == 0);
  if (r->outcome == CABREF_OUTCOME_PASSED)
    CHECK(r->reasons == 0);
  if (r->reasons & CABREF_R_INVALID_MASK)
    CHECK(r->outcome == CABREF_OUTCOME_INVALID);
  else if (r->reasons & CABREF_R_FAILED_MASK)
    CHECK(r->outcome == CABREF_OUTCOME_FAILED);
  else
    CHECK(r->outcome == CABREF_OUTCOME_PASSED);
  CHECK((r->reasons & CABREF_R_INVALID_MASK & ~CABREF_R_NO_QUORUM) ==
        (a->period_reasons & CABREF_R_INVALID_MASK & ~CABREF_R_NO_QUORUM));

  /* TALLY-QUORUM-FIXED, TALLY-THR-ISSUER, TALLY-THR-CONSUMER, TALLY-YES-EACH on the counts;
   * TALLY-THR-ABSTAIN: the thresholds from yes and no only, whatever the abstentions. */
  CHECK(r->quorum == (a->has_quorum ? a->quorum : 0));
  CHECK(r->quorum_met == ((r->quorum == 0 || c->participants >= r->quorum) ? 1 : 0));
  {
    uint64_t y = c->issuer.yes, n = c->issuer.no;
    uint64_t cy = c->consumer.yes, cn = c->consumer.no;
    cabref_rules rules;
    CHECK(r->issuer_threshold_met == ((y + n >= 1 && y >= 2 * n) ? 1 : 0));
    CHECK(cabref_rules_for(a->version, &rules) == CABREF_OK);
    if (rules.consumer == CABREF_CONSUMER_STRICT_MAJORITY)
      CHECK(r->consumer_threshold_met == ((cy + cn >= 1 && 2 * cy > cy + cn) ? 1 : 0));
    else if (rules.consumer == CABREF_CONSUMER_HALF_OR_MORE)
      CHECK(r->consumer_threshold_met == ((cy + cn >= 1 && 2 * cy >= cy + cn) ? 1 : 0));
    CHECK(r->issuer_has_yes == (c->issuer.yes >= 1));
    CHECK(r->consumer_has_yes == (c->consumer.yes >= 1));
  }
  CHECK(a->period_reasons == 0 || a->has_voting == 3);
  check_counts(a, &a->issuer);
  check_counts(a, &a->consumer);
  /* TALLY-AUDIT-QUORUM: the validity is left open exactly when the Bylaws have a quorum rule,
   * no figure was read and no period rule already makes the ballot invalid. */
  {
    cabref_rules rules;
    CHECK(cabref_rules_for(a->version, &rules) == CABREF_OK);
    CHECK(a->validity_unchecked ==
          (!a->has_quorum && rules.quorum_by_attendance && r->outcome != CABREF_OUTCOME_INVALID));
  }
  /* TALLY-AUDIT-OUTCOME (with the validity open, a declared invalid is possible) */
  if (a->has_declared && a->declared != r->outcome &&
      !(a->validity_unchecked && a->declared == CABREF_OUTCOME_INVALID) &&
      a->n_findings < CABREF_AUDIT_MAX_FINDINGS)
    CHECK(has_code(a, "outcome-mismatch"));
}

/* TALLY-AUDIT-QUORUM: a post with no quorum figure, given one more line stating it in prose,
 * has that figure (wherever it stands, without a claim). */
static void check_quorum_line(const char *text, size_t size) {
  static const char line[] = "\nThe quorum for this ballot was 7 Voting Members.\n";
  char *t = malloc(size + sizeof line);
  cabref_audit *b = malloc(sizeof *b);
  cabref_error err;
  CHECK(t != NULL && b != NULL);
  memcpy(t, text, size);
  memcpy(t + size, line, sizeof line - 1);
  if (cabref_audit_text(t, size + sizeof line - 1, "fuzz", b, &err) == CABREF_OK)
    CHECK(b->has_quorum && b->quorum == 7 && !b->validity_unchecked);
  free(b);
  free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* The exact-size copy: the parser gets text[0 .. size-1] and nothing more. */
  char *text = malloc(size ? size : 1);
  cabref_audit *a = malloc(sizeof *a);
  cabref_error err;
  CHECK(text != NULL && a != NULL);
  if (size)
    memcpy(text, data, size);
  if (cabref_audit_text(text, size, "fuzz", a, &err) != CABREF_OK) {
    CHECK(err.status != CABREF_OK);
    CHECK(memchr(err.message, '\0', sizeof err.message) != NULL && err.message[0] != '\0');
  } else {
    check_audit(a);
    if (!a->has_quorum && memchr(text, '\0', size) == NULL)
      check_quorum_line(text, size);
  }
  /* The vector runner's path over the same text (a JSON string may not hold a NUL byte). */
  if (memchr(text, '\0', size) == NULL) {
    json_t *input = json_object();
    json_t *resp;
    CHECK(input != NULL);
    json_object_set_new(input, "text", json_stringn_nocheck(text, size));
    resp = cabref_audit_answer(input, 1);
    CHECK(resp != NULL && json_is_string(json_object_get(resp, "result")));
    json_decref(resp);
    json_decref(input);
  }
  free(a);
  free(text);
  return 0;
}
