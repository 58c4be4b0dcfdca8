/* cabref: stable status codes shared by the core, the shell and the CLI. */
#ifndef CABREF_STATUS_H
#define CABREF_STATUS_H

/* Values are stable: they are part of the API and of the JSON output. Never renumber. */
typedef enum {
  CABREF_OK = 0,
  CABREF_E_NULL = 1,           /* a required pointer was NULL */
  CABREF_E_RANGE = 2,          /* a number outside its documented range */
  CABREF_E_SYNTAX = 3,         /* input text does not follow the documented grammar */
  CABREF_E_TIME = 4,           /* a malformed or impossible UTC instant, or one without a zone */
  CABREF_E_CATEGORY = 5,       /* unknown member category */
  CABREF_E_INCONSISTENT = 6,   /* a member appears with two categories */
  CABREF_E_BYLAWS = 7,         /* unknown Bylaws version name */
  CABREF_E_MISSING_QUORUM = 8, /* the rule set needs a quorum basis and none was given */
  CABREF_E_CAPACITY = 9,       /* more members or messages than the fixed capacity */
  CABREF_E_IO = 10,            /* a file could not be read */
  CABREF_E_TOO_LONG = 11,      /* a line or field longer than its limit */
  CABREF_E_NUL = 12,           /* a NUL byte inside text input */
  CABREF_E_ENCODING = 13,      /* text that is not valid UTF-8 */
  CABREF_E_DUPLICATE = 14,     /* a directive given twice */
  CABREF_E_PERIOD = 15,        /* a period whose end is not after its start */
  CABREF_E_TRUNCATED = 16      /* the input ends before it is complete (a cut file) */
} cabref_status;

/* A short, stable, lower-case English description of a status. Never NULL; a value outside
 * the enumeration gives "unknown status". */
/*@
  assigns \nothing;
  ensures non_null: \result != \null;
  ensures readable: \valid_read(\result);
*/
const char *cabref_strerror(cabref_status s);
/* The machine-readable code of a status, as used in JSON output ("bad-time", ...). Never NULL;
 * a value outside the enumeration gives "unknown". */
/*@
  assigns \nothing;
  ensures non_null: \result != \null;
  ensures readable: \valid_read(\result);
*/
const char *cabref_status_code(cabref_status s);

#endif
