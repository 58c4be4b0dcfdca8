/* cabref shell: filling a cabref_error with a formatted message, for every shell reader. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "shell.h"

cabref_status cabref_fail(cabref_error *err, cabref_status st, unsigned long column,
                          const char *fmt, ...) {
  va_list ap;
  if (err != NULL) {
    memset(err, 0, sizeof *err);
    err->status = st;
    err->column = column;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
  }
  return st;
}
