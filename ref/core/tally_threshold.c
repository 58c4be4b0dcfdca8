/* cabref: the per-category thresholds (spec/tally.md TALLY-THR-*).
 * All arithmetic is in uint64_t: with 32-bit counts, 3*Y and 2*(Y+N) are below 2^35. */
#include "cabref/tally.h"

int cabref_issuer_threshold_met(uint32_t yes, uint32_t no) {
  uint64_t y = yes;
  uint64_t cast = (uint64_t)yes + (uint64_t)no;
  /* TALLY-THR-EMPTY: with no yes and no no votes there is no ratio to meet. */
  if (cast == 0u) {
    return 0;
  }
  /* TALLY-THR-ISSUER (Bylaws 2.5 §2.3(6)): "two-thirds or more": 3Y >= 2(Y+N), exactly 2/3
   * passes. */
  return 3u * y >= 2u * cast ? 1 : 0;
}

int cabref_consumer_threshold_met(uint32_t yes, uint32_t no, cabref_consumer_rule rule) {
  uint64_t y = yes;
  uint64_t cast = (uint64_t)yes + (uint64_t)no;
  /* TALLY-THR-EMPTY: every reading needs at least one yes or no vote. */
  if (cast == 0u) {
    return 0;
  }
  switch (rule) {
  case CABREF_CONSUMER_STRICT_MAJORITY:
    /* Bylaws 2.5 §2.3(6) "at least 50% plus one", as the Forum applies it: 2Y > Y+N. */
    return 2u * y > cast ? 1 : 0;
  case CABREF_CONSUMER_LITERAL:
    /* The same words read over the rationals: Y >= (Y+N)/2 + 1, i.e. 2Y >= Y+N+2. */
    return 2u * y >= cast + 2u ? 1 : 0;
  case CABREF_CONSUMER_HALF_OR_MORE:
    /* Voting rules before Ballot 4: "half or more of the votes cast": 2Y >= Y+N. */
    return 2u * y >= cast ? 1 : 0;
  default:
    /* Not a reading of the rule: nothing is met (the function is total). */
    return 0;
  }
}
