/* libFuzzer target: the words of a line of `cabref caa check --stdin` (cabref_caa_bulk_next,
 * ref/shell/caa_bulk.c; spec/caa.md CAA-DNS-BULK).
 *
 * On any octets: the words come in order, do not overlap, are never empty, hold no blank (space,
 * tab, CR), and together with the blanks between them cover the line exactly: no octet is lost
 * or counted twice; the walk ends, at the line's end.
 */
#include <stddef.h>
#include <stdint.h>

#include "cabref/caa_live.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#include "fuzz_check.h"

static int blank(uint8_t c) {
  return c == ' ' || c == '\t' || c == '\r';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *line = (const char *)data;
  size_t pos = 0, start = 0, len = 0, prev_end = 0, covered = 0, words = 0, i;
  while (cabref_caa_bulk_next(line, size, &pos, &start, &len)) {
    CHECK(len > 0 && start >= prev_end && start + len <= size && pos == start + len);
    for (i = prev_end; i < start; i++)
      CHECK(blank(data[i]));
    for (i = start; i < start + len; i++)
      CHECK(!blank(data[i]));
    CHECK(start + len == size || blank(data[start + len]));
    covered += len;
    prev_end = start + len;
    CHECK(++words <= size);
  }
  CHECK(pos == size);
  for (i = prev_end; i < size; i++)
    CHECK(blank(data[i]));
  for (i = 0; i < size; i++)
    covered -= !blank(data[i]);
  CHECK(covered == 0);
  return 0;
}
