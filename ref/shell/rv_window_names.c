/* cabref shell: the names of the validity-window rules and verdicts (spec/random-value.md
 * RV-WINDOW-RULE, RV-WINDOW-USE), one list for the CLI and the vector runner. */
#include "cabref/rv_shell.h"

const char *cabref_rv_rule_name(uint32_t rule) {
  switch (rule) {
  case CABREF_RV_RULE_30_DAYS:
    return "30-days";
  case CABREF_RV_RULE_LONGER_OF:
    return "longer-of-30-days-and-reuse";
  case CABREF_RV_RULE_DNS_OR:
    return "30-days-or-reuse";
  case CABREF_RV_RULE_UNSTATED:
    return "unstated";
  default:
    return "none";
  }
}

const char *cabref_rv_use_name(uint32_t verdict) {
  switch (verdict) {
  case CABREF_RV_USE_VALID:
    return "valid";
  case CABREF_RV_USE_BEFORE_CREATION:
    return "before-creation";
  default:
    return "expired";
  }
}
