/* cabref: quorum (spec/tally.md TALLY-QUORUM-*). */
#include "cabref/tally.h"

uint32_t cabref_quorum_from_attendance(uint32_t a1, uint32_t a2, uint32_t a3) {
  /* Ballot 5; Bylaws 2.5 §2.3(7): valid when P > ((a1+a2+a3)/3)/2 over the rationals, that is
   * 6P > a1+a2+a3; the least such P is floor((a1+a2+a3)/6) + 1. The average is never rounded
   * first. The sum is below 3*2^32, so the quotient plus one is below 2^31 and fits. */
  uint64_t sum = (uint64_t)a1 + (uint64_t)a2 + (uint64_t)a3;
  return (uint32_t)(sum / 6u + 1u);
}

int cabref_quorum_met(uint32_t participants, uint32_t quorum) {
  /* TALLY-QUORUM-PART: the participants reach the quorum. */
  return participants >= quorum ? 1 : 0;
}
