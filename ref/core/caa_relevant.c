/* cabref: the relevant record set of RFC 8659 §3 from the outcomes of the lookups at a name and
 * its ancestors (spec/caa.md CAA-RELEVANT). The shell does the lookups; the core only decides
 * which outcome counts. */
#include <stddef.h>

#include "cabref/caa.h"

/* RFC 8659 §3: climb from the name towards the TLD and stop at the first non-empty CAA RRset;
 * an empty answer (NODATA or NXDOMAIN) continues the climb. A failure met before any records
 * ends the search: the relevant set cannot be known. Failures above the found set are never
 * looked at. An outcome value outside the enumeration is read as a failure (it cannot be
 * shown to be empty). */
cabref_caa_relevant_result cabref_caa_relevant(const uint8_t *outcome, size_t n, size_t *index) {
  size_t i;
  /*@
    loop invariant bound: 0 <= i <= n;
    loop invariant empty: CaaAllEmpty(outcome, i);
    loop assigns i;
    loop variant n - i;
  */
  for (i = 0; i < n; i++) {
    if (outcome[i] == (uint8_t)CABREF_CAA_LOOKUP_RECORDS) {
      *index = i;
      return CABREF_CAA_RELEVANT_FOUND;
    }
    if (outcome[i] != (uint8_t)CABREF_CAA_LOOKUP_EMPTY) {
      *index = i;
      return CABREF_CAA_RELEVANT_FAILURE;
    }
  }
  *index = n;
  return CABREF_CAA_RELEVANT_NONE;
}
