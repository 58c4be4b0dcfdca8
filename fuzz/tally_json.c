/* libFuzzer target: the JSON form of a ballot (spec/tally-formats.md §2), then the full tally.
 *
 * Requirements: TALLY-VOTE-ELIGIBLE, TALLY-VOTE-PERIOD, TALLY-VOTE-LATEST, TALLY-VOTE-UNCLEAR,
 * TALLY-VOTE-ONE, TALLY-VOTE-STATUS, TALLY-WITHDRAWN, TALLY-SECOND-VOTE, TALLY-QUORUM-PART,
 * TALLY-QUORUM-FIXED, TALLY-QUORUM-ATT, TALLY-QUORUM-REQ,
 * TALLY-THR-ISSUER, TALLY-THR-CONSUMER, TALLY-THR-EMPTY, TALLY-THR-ABSTAIN, TALLY-YES-EACH,
 * TALLY-OUTCOME, TALLY-REVIEW, TALLY-VERSION-1, TALLY-VERSION-2, TALLY-PERIOD-OPTIONAL,
 * TALLY-INPUT-TIME, TALLY-INPUT-FORMAT. Exercised on every ballot the parser accepts, without a
 * twin of their day arithmetic (WP proves it; vectors pin it): TALLY-PERIOD-VOTING,
 * TALLY-PERIOD-DISC, TALLY-PERIOD-QUIET, TALLY-PERIOD-AUTOFAIL; only their reasons' effect on the
 * outcome (TALLY-OUTCOME) is checked.
 *
 * The input is copied into an exactly sized heap buffer so that ASan reports any read past its
 * end. On a parse or tally error the error must carry a status and a message; on success the
 * tally must satisfy the invariants of tally_fuzz.h, else the target aborts.
 */
#include "tally_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  return tally_fuzz_input(data, size, cabref_ballot_parse_json);
}
