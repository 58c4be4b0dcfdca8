/* cabref: the words of a line of `cabref caa check --stdin` (spec/caa.md CAA-DNS-BULK). */
#include "cabref/caa_live.h"

static int blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

int cabref_caa_bulk_next(const char *line, size_t len, size_t *pos, size_t *start,
                         size_t *tok_len) {
  size_t i = *pos, j;
  while (i < len && blank(line[i]))
    i++;
  if (i >= len) {
    *pos = len;
    return 0;
  }
  for (j = i; j < len && !blank(line[j]); j++)
    ;
  *start = i;
  *tok_len = j - i;
  *pos = j;
  return 1;
}
