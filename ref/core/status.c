/* cabref: descriptions and machine-readable codes of the status values (status.h).
 * A switch returning string literals: no table, no globals, total over every int value. */
#include "cabref/status.h"

const char *cabref_strerror(cabref_status s) {
  switch (s) {
  case CABREF_OK:
    return "success";
  case CABREF_E_NULL:
    return "a required pointer was null";
  case CABREF_E_RANGE:
    return "a number outside its documented range";
  case CABREF_E_SYNTAX:
    return "input does not follow the documented grammar";
  case CABREF_E_TIME:
    return "malformed or impossible utc instant";
  case CABREF_E_CATEGORY:
    return "unknown member category";
  case CABREF_E_INCONSISTENT:
    return "a member appears with two categories";
  case CABREF_E_BYLAWS:
    return "unknown bylaws version";
  case CABREF_E_MISSING_QUORUM:
    return "the rule set needs a quorum or attendance and none was given";
  case CABREF_E_CAPACITY:
    return "more members or messages than the fixed capacity";
  case CABREF_E_IO:
    return "a file could not be read";
  case CABREF_E_TOO_LONG:
    return "a line or field longer than its limit";
  case CABREF_E_NUL:
    return "a nul byte inside text input";
  case CABREF_E_ENCODING:
    return "text that is not valid utf-8";
  case CABREF_E_DUPLICATE:
    return "a directive given twice";
  case CABREF_E_PERIOD:
    return "a period whose end is not after its start";
  case CABREF_E_TRUNCATED:
    return "the input ends before it is complete";
  default:
    return "unknown status";
  }
}

const char *cabref_status_code(cabref_status s) {
  switch (s) {
  case CABREF_OK:
    return "ok";
  case CABREF_E_NULL:
    return "null";
  case CABREF_E_RANGE:
    return "range";
  case CABREF_E_SYNTAX:
    return "syntax";
  case CABREF_E_TIME:
    return "bad-time";
  case CABREF_E_CATEGORY:
    return "unknown-category";
  case CABREF_E_INCONSISTENT:
    return "inconsistent-category";
  case CABREF_E_BYLAWS:
    return "unknown-bylaws";
  case CABREF_E_MISSING_QUORUM:
    return "missing-quorum";
  case CABREF_E_CAPACITY:
    return "capacity";
  case CABREF_E_IO:
    return "io";
  case CABREF_E_TOO_LONG:
    return "too-long";
  case CABREF_E_NUL:
    return "nul-byte";
  case CABREF_E_ENCODING:
    return "encoding";
  case CABREF_E_DUPLICATE:
    return "duplicate";
  case CABREF_E_PERIOD:
    return "bad-period";
  case CABREF_E_TRUNCATED:
    return "truncated";
  default:
    return "unknown";
  }
}
