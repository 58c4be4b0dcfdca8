/* libFuzzer target: the line form of a vote log (spec/tally-formats.md §3), then the full tally.
 *
 * Requirements: TALLY-VOTE-ELIGIBLE, TALLY-VOTE-PERIOD, TALLY-VOTE-LATEST, TALLY-VOTE-UNCLEAR,
 * TALLY-VOTE-ONE, TALLY-VOTE-STATUS, TALLY-WITHDRAWN, TALLY-SECOND-VOTE, TALLY-QUORUM-PART,
 * TALLY-QUORUM-FIXED, TALLY-QUORUM-ATT, TALLY-QUORUM-REQ,
 * TALLY-THR-ISSUER, TALLY-THR-CONSUMER, TALLY-THR-EMPTY, TALLY-THR-ABSTAIN, TALLY-YES-EACH,
 * TALLY-OUTCOME, TALLY-REVIEW, TALLY-VERSION-1, TALLY-VERSION-2, TALLY-PERIOD-OPTIONAL,
 * TALLY-INPUT-TIME, TALLY-INPUT-FORMAT, TALLY-INPUT-COMPLETE. Exercised on every ballot the parser
 * accepts, without a twin of their day arithmetic (WP proves it; vectors pin it):
 * TALLY-PERIOD-VOTING, TALLY-PERIOD-DISC, TALLY-PERIOD-QUIET, TALLY-PERIOD-AUTOFAIL; only their
 * reasons' effect on the outcome (TALLY-OUTCOME) is checked.
 *
 * The input is copied into an exactly sized heap buffer so that ASan reports any read past its
 * end. On a parse or tally error the error must carry a status and a message; on success the
 * tally must satisfy the invariants of tally_fuzz.h, else the target aborts.
 */
#include "tally_fuzz.h"

/* TALLY-INPUT-COMPLETE: a log the parser accepts ends with a line feed (or is empty, and then
 * refused for lacking its directives); the same log behind a UTF-8 byte order mark is read alike
 * (same status, same votes, an error on the same line); an unfinished last line is also tried
 * with its line feed, so the rest of the log is still reached. */
static void check_complete(const uint8_t *data, size_t size) {
  char *text = malloc(size + 4), *bom = malloc(size + 4);
  cabref_ballot *b1 = malloc(sizeof *b1), *b2 = malloc(sizeof *b2);
  cabref_error e1, e2;
  cabref_status s1, s2;
  CHECK(text != NULL && bom != NULL && b1 != NULL && b2 != NULL);
  if (size)
    memcpy(text, data, size);
  memcpy(bom, "\xEF\xBB\xBF", 3);
  if (size)
    memcpy(bom + 3, data, size);
  cabref_ballot_init(b1);
  cabref_ballot_init(b2);
  s1 = cabref_ballot_parse_lines(text, size, "fuzz", b1, &e1);
  s2 = cabref_ballot_parse_lines(bom, size + 3, "fuzz", b2, &e2);
  if (s1 == CABREF_OK)
    CHECK(size > 0 && text[size - 1] == '\n');
  if (size > 0 && text[size - 1] != '\n') {
    /* Only the line feed is missing: then the refusal is "truncated", naming the last line. */
    cabref_ballot *b3 = malloc(sizeof *b3);
    cabref_error e3;
    CHECK(b3 != NULL);
    text[size] = '\n';
    cabref_ballot_init(b3);
    if (cabref_ballot_parse_lines(text, size + 1, "fuzz", b3, &e3) == CABREF_OK)
      CHECK(s1 == CABREF_E_TRUNCATED && e1.line >= 1);
    cabref_ballot_free(b3);
    free(b3);
  }
  if (!(size >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)) {
    CHECK(s1 == s2);
    CHECK(s1 != CABREF_OK || b1->n_msgs == b2->n_msgs);
    CHECK(s1 == CABREF_OK || e1.line == e2.line);
  }
  cabref_ballot_free(b1);
  cabref_ballot_free(b2);
  free(b1);
  free(b2);
  free(bom);
  free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  check_complete(data, size);
  if (size > 0 && data[size - 1] != '\n' && size < (1u << 20)) {
    uint8_t *withlf = malloc(size + 1);
    CHECK(withlf != NULL);
    memcpy(withlf, data, size);
    withlf[size] = '\n';
    tally_fuzz_input(withlf, size + 1, cabref_ballot_parse_lines);
    free(withlf);
  }
  return tally_fuzz_input(data, size, cabref_ballot_parse_lines);
}
