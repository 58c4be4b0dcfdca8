/* libFuzzer target: the reader of a resolver's answer in live mode (cabref_caa_answer_read,
 * ref/shell/caa_live.c), on any octets as the answer packet (ldns parses them; we walk the
 * CNAME chain and keep the CAA records at its end).
 *
 * Requirements: CAA-DNS-LIVE, CAA-ALIAS-CNAME, CAA-RELEVANT. The first octet picks the query
 * (www.example.com or example.com, type CAA or DNAME); the rest is the packet. Never a crash; the
 * status is 0, 1 (unreadable, or an rcode other than NOERROR and NXDOMAIN: never an answer), 2 (a
 * chain to a name the climb cannot look up) or -1 (out of memory); on 0 the outcome is records or
 * empty, every record kept is owned by the chain's end (lower case, no trailing dot) with its RDATA
 * inside the zone's buffer, a CAA answer with n records keeps n records, and the chain is at most
 * 32 CNAMEs. Then the zone made of that answer is evaluated for the name: when the chain has no
 * repeated name and at most 16 CNAMEs, records at its end are the relevant set of the name, found
 * at the name itself, and an empty end never yields a set at the name.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/caa_live.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

static cabref_caa_config cfg;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const names[2] = {"www.example.com", "example.com"};
  cabref_caa_query q;
  cabref_caa_zone z;
  uint8_t *wire;
  size_t k, j;
  int rc, repeated = 0;
  if (size < 1)
    return 0;
  if (cfg.n_issuers == 0)
    CHECK(cabref_caa_config_add_issuer(&cfg, "ca.example") == 0);
  memset(&q, 0, sizeof q);
  q.name = (char *)names[data[0] & 1u];
  q.type = (data[0] & 2u) ? 39 : 257;
  wire = malloc(size - 1 ? size - 1 : 1); /* exactly sized: ASan sees any read past the end */
  CHECK(wire != NULL);
  memcpy(wire, data + 1, size - 1);
  cabref_caa_zone_init(&z);
  rc = cabref_caa_answer_read(wire, size - 1, &q, &z);
  CHECK(rc == 0 || rc == 1 || rc == 2 || rc == -1);
  /* An error rcode in the packet is never read as an answer (never "no records"). */
  if (size - 1 >= 4 && (data[4] & 0x0f) != 0 && (data[4] & 0x0f) != 3)
    CHECK(rc != 0);
  if (rc == 0) {
    CHECK(q.outcome == CABREF_CAA_LOOKUP_RECORDS || q.outcome == CABREF_CAA_LOOKUP_EMPTY);
    CHECK(q.final_owner != NULL);
    CHECK((q.outcome == CABREF_CAA_LOOKUP_RECORDS) == (q.n_records > 0));
    for (k = 0; q.final_owner[k] != '\0'; k++)
      CHECK(!(q.final_owner[k] >= 'A' && q.final_owner[k] <= 'Z'));
    if (q.type == 257)
      CHECK(z.n == (size_t)q.n_records && z.n_nodes <= 32u);
    else
      CHECK(z.n == 0 && z.n_nodes <= 1u);
    for (k = 0; k < z.n; k++) {
      CHECK(strcmp(z.rrs[k].owner, q.final_owner) == 0);
      CHECK(z.rrs[k].rr.len <= CABREF_CAA_MAX_RDATA);
      CHECK((size_t)z.rrs[k].rr.off + z.rrs[k].rr.len <= z.len);
      CHECK(z.rrs[k].ttl >= q.ttl);
    }
    for (k = 0; k < z.n_nodes; k++) {
      CHECK(z.nodes[k].target != NULL);
      for (j = 0; j < k; j++)
        repeated |= strcmp(z.nodes[j].owner, z.nodes[k].owner) == 0;
      repeated |= strcmp(z.nodes[k].target, q.name) == 0;
    }
    if (q.type == 257 && !repeated && z.n_nodes <= CABREF_CAA_MAX_ALIAS_HOPS) {
      cabref_caa_name_eval e;
      size_t len = strlen(q.name);
      const char *nm = q.name;
      memset(&e, 0, sizeof e);
      if (cabref_caa_zone_eval_rules(&z, &nm, &len, 1, &cfg, CABREF_CAA_RULES_RFC8659, &e) >= 0 &&
          e.error == 0) {
        if (q.outcome == CABREF_CAA_LOOKUP_RECORDS)
          CHECK(e.lookup == CABREF_CAA_RELEVANT_FOUND && e.owner_off == 0 &&
                e.relevant_owner != NULL && strcmp(e.relevant_owner, q.final_owner) == 0);
        else
          CHECK(!(e.lookup == CABREF_CAA_RELEVANT_FOUND && e.owner_off == 0));
      }
      cabref_caa_name_eval_free(&e);
    }
  }
  free(q.final_owner);
  free(q.why_bogus);
  cabref_caa_zone_free(&z);
  free(wire);
  return 0;
}
