/* cabref: the relevant record set of RFC 8659 §3 from the outcomes of the lookups at a name and
 * its ancestors (spec/caa.md CAA-RELEVANT). The shell does the lookups; the core only decides
 * which outcome counts. */
#include <stddef.h>

#include "cabref/caa.h"

/* The named properties of spec/caa.md (CAA-CRITICAL, CAA-RDATA-DENY, CAA-EMPTY-SET, CAA-NO-ISSUE,
 * CAA-ISSUEWILD-*, CAA-VALUE-MALFORMED, CAA-ADDITIVE) as lemmas over CaaPermits of
 * spec/caa_logic.h. They are statements about the logic alone, proved in this module's WP run;
 * the decision (caa_decide.c) is proved equal to CaaPermits, so they hold of it. They live here,
 * not in caa_decide.c, so that the decision's many goals do not carry them. */
/*@
  lemma has_kind_grow{L}: \forall uint8_t *b, integer blen, cabref_caa_rr *rr, integer n,
      cabref_caa_config *cfg, integer k; 0 <= n ==>
    (CaaHasKind(b, blen, rr, n + 1, cfg, k) <==>
     (CaaHasKind(b, blen, rr, n, cfg, k) || CaaRecKind(b, blen, rr, n, cfg, k)));

  // CAA-CRITICAL: an unknown critical property always denies.
  lemma unknown_critical_denies{L}: \forall uint8_t *b, integer blen, cabref_caa_rr *rr,
      integer n, integer w, cabref_caa_config *cfg, integer i;
    0 <= i < n && CaaRecKind(b, blen, rr, i, cfg, CABREF_CAA_KIND_UNKNOWN_CRITICAL) ==>
      !CaaPermits(b, blen, rr, n, w, cfg);

  // CAA-RDATA-DENY: so does an unreadable record.
  lemma rdata_malformed_denies{L}: \forall uint8_t *b, integer blen, cabref_caa_rr *rr,
      integer n, integer w, cabref_caa_config *cfg, integer i;
    0 <= i < n && CaaRecKind(b, blen, rr, i, cfg, CABREF_CAA_KIND_MALFORMED) ==>
      !CaaPermits(b, blen, rr, n, w, cfg);

  // CAA-EMPTY-SET: the empty set permits.
  lemma empty_set_permits{L}: \forall uint8_t *b, integer blen, cabref_caa_rr *rr, integer w,
      cabref_caa_config *cfg;
    CaaPermits(b, blen, rr, 0, w, cfg);

  // CAA-NO-ISSUE: a set with no issue property (and, for a wildcard request, no issuewild
  // property), no unreadable record and no unknown critical property permits.
  lemma no_issue_permits{L}: \forall uint8_t *b, integer blen, cabref_caa_rr *rr, integer n,
      integer w, cabref_caa_config *cfg;
    !CaaHasKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_MALFORMED) &&
    !CaaHasKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_UNKNOWN_CRITICAL) &&
    !CaaHasKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_ISSUE) &&
    (w == 0 || !CaaHasKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_ISSUEWILD)) ==>
      CaaPermits(b, blen, rr, n, w, cfg);

  // CAA-ISSUEWILD-IGNORED: for a request that is not a wildcard, no issuewild record applies and
  // every issue record does.
  lemma issuewild_ignored{L}: \forall uint8_t *b, integer blen, cabref_caa_rr *rr, integer n,
      cabref_caa_config *cfg, integer i;
    (CaaRecKind(b, blen, rr, i, cfg, CABREF_CAA_KIND_ISSUEWILD) ==>
       !CaaRecApplies(b, blen, rr, n, i, 0, cfg)) &&
    (CaaRecKind(b, blen, rr, i, cfg, CABREF_CAA_KIND_ISSUE) ==>
       CaaRecApplies(b, blen, rr, n, i, 0, cfg));

  // CAA-ISSUEWILD-SHADOWS: for a wildcard request, an issuewild record in the set makes every
  // issue record not apply; without one, every issue record applies.
  lemma issuewild_shadows{L}: \forall uint8_t *b, integer blen, cabref_caa_rr *rr, integer n,
      integer w, cabref_caa_config *cfg, integer i;
    w != 0 && CaaRecKind(b, blen, rr, i, cfg, CABREF_CAA_KIND_ISSUE) ==>
      (CaaRecApplies(b, blen, rr, n, i, w, cfg) <==>
       !CaaHasKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_ISSUEWILD));

  // CAA-VALUE-MALFORMED: a malformed value never authorizes ...
  lemma malformed_never_authorizes{L}: \forall uint8_t *b, cabref_caa_rr *rr, integer i,
      cabref_caa_config *cfg;
    !CaaRecValueOk(b, rr, i, cfg) ==> !CaaRecAuth(b, rr, i, cfg);

  // ... so a set whose applying records all have malformed values denies.
  lemma malformed_never_permits{L}: \forall uint8_t *b, integer blen, cabref_caa_rr *rr,
      integer n, integer w, cabref_caa_config *cfg;
    CaaAnyApplies(b, blen, rr, n, w, cfg) &&
    (\forall integer i; 0 <= i < n && CaaRecApplies(b, blen, rr, n, i, w, cfg) ==>
       !CaaRecValueOk(b, rr, i, cfg)) ==>
      !CaaPermits(b, blen, rr, n, w, cfg);

  // Helpers for CAA-ADDITIVE: unless record n is the first issuewild record of a wildcard
  // request, appending it changes no other record's applying, ...
  lemma applies_stable{L}: \forall uint8_t *b, integer blen, cabref_caa_rr *rr, integer n,
      integer w, cabref_caa_config *cfg, integer i;
    0 <= n &&
    !(w != 0 && CaaRecKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_ISSUEWILD) &&
      !CaaHasKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_ISSUEWILD)) ==>
      (CaaRecApplies(b, blen, rr, n + 1, i, w, cfg) <==> CaaRecApplies(b, blen, rr, n, i, w, cfg));

  // ... so a record applying among the first m = n+1, other than record n, applies among the
  // first n ...
  lemma applies_grow{L}: \forall uint8_t *b, integer blen, cabref_caa_rr *rr, integer n, integer m,
      integer w, cabref_caa_config *cfg, integer i;
    0 <= n && m == n + 1 &&
    !(w != 0 && CaaRecKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_ISSUEWILD) &&
      !CaaHasKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_ISSUEWILD)) &&
    0 <= i < m && CaaRecApplies(b, blen, rr, m, i, w, cfg) &&
    !CaaRecApplies(b, blen, rr, m, n, w, cfg) ==>
      i < n && CaaRecApplies(b, blen, rr, n, i, w, cfg);

  // ... so appending a record that does not apply to a set where none applies leaves none
  // applying ...
  lemma none_applies_grow{L}: \forall uint8_t *b, integer blen, cabref_caa_rr *rr, integer n,
      integer m, integer w, cabref_caa_config *cfg;
    0 <= n && m == n + 1 &&
    !(w != 0 && CaaRecKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_ISSUEWILD) &&
      !CaaHasKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_ISSUEWILD)) &&
    !CaaAnyApplies(b, blen, rr, n, w, cfg) && !CaaRecApplies(b, blen, rr, m, n, w, cfg) ==>
      !CaaAnyApplies(b, blen, rr, m, w, cfg);

  // ... and an authorization already given stays.
  lemma some_authorizes_grow{L}: \forall uint8_t *b, integer blen, cabref_caa_rr *rr, integer n,
      integer w, cabref_caa_config *cfg;
    0 <= n &&
    !(w != 0 && CaaRecKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_ISSUEWILD) &&
      !CaaHasKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_ISSUEWILD)) &&
    CaaSomeAuthorizes(b, blen, rr, n, w, cfg) ==> CaaSomeAuthorizes(b, blen, rr, n + 1, w, cfg);

  // CAA-ADDITIVE (RFC 8659 §4.2): appending record n to a permitting set keeps it permitting,
  // unless the record is unreadable, an unknown critical property, the first record that applies
  // (the set becomes restrictive), or the first issuewild record of a wildcard request (it
  // shadows issue).
  lemma additive{L}: \forall uint8_t *b, integer blen, cabref_caa_rr *rr, integer n, integer w,
      cabref_caa_config *cfg;
    0 <= n && CaaPermits(b, blen, rr, n, w, cfg) &&
    !CaaRecKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_MALFORMED) &&
    !CaaRecKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_UNKNOWN_CRITICAL) &&
    !(w != 0 && CaaRecKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_ISSUEWILD) &&
      !CaaHasKind(b, blen, rr, n, cfg, CABREF_CAA_KIND_ISSUEWILD)) &&
    !(CaaRecApplies(b, blen, rr, n + 1, n, w, cfg) && !CaaAnyApplies(b, blen, rr, n, w, cfg)) ==>
      CaaPermits(b, blen, rr, n + 1, w, cfg);

  // CAA-ADDITIVE: and an appended record that applies and authorizes the CA permits, whatever
  // the set held, as long as nothing is unreadable or unknown and critical.
  lemma additive_grant{L}: \forall uint8_t *b, integer blen, cabref_caa_rr *rr, integer n,
      integer w, cabref_caa_config *cfg;
    0 <= n && !CaaHasKind(b, blen, rr, n + 1, cfg, CABREF_CAA_KIND_MALFORMED) &&
    !CaaHasKind(b, blen, rr, n + 1, cfg, CABREF_CAA_KIND_UNKNOWN_CRITICAL) &&
    CaaRecApplies(b, blen, rr, n + 1, n, w, cfg) && CaaRecAuth(b, rr, n, cfg) ==>
      CaaPermits(b, blen, rr, n + 1, w, cfg);
*/

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
