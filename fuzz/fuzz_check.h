/* The fuzz targets' invariant check: a violated invariant is a crash libFuzzer records, with the
 * condition and its place. */
#ifndef CABREF_FUZZ_CHECK_H
#define CABREF_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      fprintf(stderr, "invariant violated: %s (%s:%d)\n", #cond, __FILE__, __LINE__);              \
      abort();                                                                                     \
    }                                                                                              \
  } while (0)

#endif
