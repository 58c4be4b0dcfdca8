/* `make bench`: a whole line log through the shell and the core (cabref_ballot_parse, then
 * cabref_tally_ballot), at the documented limits (100,000 members, 1,000,000 votes) and at two
 * smaller sizes with the same members-to-votes ratio. The time per vote must stay flat as the log
 * grows (the member roll is a hash table, issue 15: it was a scan of every member per vote, about
 * 20 minutes at the limits). Baseline, in the same run: "roll scan", the straightforward member
 * lookup the shell used before (compare the vote's name with every member so far, ASCII
 * case-insensitively), on the same names; it is run only at the smallest size and projected
 * (its cost grows with members x votes). Peak memory is the process's maximum resident set
 * (getrusage), read after the largest case. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "cabref/ballot.h"

#define BENCH_SEED 0x6A09E667F3BCC908u
#include "bench_util.h"

#define REPS 3

/* A line log of n_votes votes by n_members members, drawn from the fixed generator. */
static char *make_log(uint32_t n_members, uint32_t n_votes, size_t *len) {
  size_t cap = (size_t)n_votes * 80u + 512u, k = 0;
  char *t = malloc(cap);
  uint32_t i;
  static const char *const votes[] = {"yes", "no", "abstain"};
  if (t == NULL)
    return NULL;
  k += (size_t)snprintf(t + k, cap - k,
                        "ballot BENCH\nbylaws 2.5\nkind maintenance-guideline\nlist public\n"
                        "voting 2025-01-10T00:00:00Z 2025-01-17T00:00:00Z\nquorum 6\n");
  for (i = 0; i < n_votes; i++) {
    uint32_t m = (uint32_t)(next() % n_members), s = (uint32_t)(i % 600000u);
    k += (size_t)snprintf(
        t + k, cap - k, "vote 2025-01-1%uT%02u:%02u:%02uZ %s %s public Member %s %u\n", s / 86400u,
        s % 86400u / 3600u, s % 3600u / 60u, s % 60u, m % 5u ? "issuer" : "consumer",
        votes[next() % 3u], next() % 2u ? "Example CA" : "EXAMPLE ca", m);
  }
  *len = k;
  return t;
}

static int ieq(const char *a, const char *b) {
  for (;; a++, b++) {
    int x = (unsigned char)*a, y = (unsigned char)*b;
    x = x >= 'A' && x <= 'Z' ? x + 32 : x;
    y = y >= 'A' && y <= 'Z' ? y + 32 : y;
    if (x != y)
      return 0;
    if (x == 0)
      return 1;
  }
}

/* The baseline's member lookup over the names of a parsed ballot's votes, in vote order. */
static double roll_scan(const cabref_ballot *b, size_t *found) {
  const char **roll = malloc(b->n_members * sizeof *roll);
  size_t n = 0, i, m;
  double t0 = now();
  *found = 0;
  for (i = 0; roll != NULL && i < b->n_msgs; i++) {
    const char *name = b->roll_names[b->msgs[i].member].name;
    for (m = 0; m < n; m++)
      if (ieq(roll[m], name))
        break;
    if (m == n)
      roll[n++] = name;
    *found += m;
  }
  t0 = now() - t0;
  free(roll);
  return t0;
}

static int run_case(uint32_t n_members, uint32_t n_votes, double *ns_per_vote,
                    const cabref_ballot **keep, cabref_ballot *store) {
  size_t len;
  char *log = make_log(n_members, n_votes, &len);
  double best = 0;
  int rep;
  if (log == NULL)
    return -1;
  for (rep = 0; rep < REPS; rep++) {
    cabref_ballot b;
    cabref_tally_run run;
    cabref_error err;
    double t0 = now();
    cabref_ballot_init(&b);
    memset(&run, 0, sizeof run);
    if (cabref_ballot_parse(log, len, "bench.log", &b, &err) != CABREF_OK ||
        cabref_tally_ballot(&b, &run, &err) != CABREF_OK) {
      fprintf(stderr, "bench log refused: line %lu: %s\n", err.line, err.message);
      free(log);
      return -1;
    }
    t0 = now() - t0;
    if (rep == 0 || t0 < best)
      best = t0;
    if (b.n_msgs != n_votes) {
      fprintf(stderr, "bench log: %zu votes read, %u written\n", b.n_msgs, n_votes);
      free(log);
      return -1;
    }
    cabref_tally_run_free(&run);
    if (keep != NULL && rep == REPS - 1) {
      *store = b;
      *keep = store;
    } else {
      cabref_ballot_free(&b);
    }
  }
  free(log);
  *ns_per_vote = best * 1e9 / n_votes;
  return 0;
}

int main(void) {
  static const uint32_t members[] = {1000u, 10000u, 100000u};
  static const uint32_t votes[] = {10000u, 100000u, 1000000u};
  double ns[3], scan;
  const cabref_ballot *small = NULL;
  cabref_ballot store;
  struct rusage ru;
  size_t found, k;
  for (k = 0; k < 3; k++) {
    if (run_case(members[k], votes[k], &ns[k], k == 0 ? &small : NULL, &store) != 0)
      return 1;
    printf("cabref tally of a line log: %6u members, %7u votes: %.0f ns/vote (parse and tally, "
           "fastest of %d)\n",
           members[k], votes[k], ns[k], REPS);
  }
  getrusage(RUSAGE_SELF, &ru);
  printf("peak resident memory: %.1f MiB (after %u votes by %u members)\n",
         (double)ru.ru_maxrss / 1024.0, votes[2], members[2]);
  printf("growth of ns/vote from %u to %u votes: %.2fx (1.00x is linear)\n", votes[0], votes[2],
         ns[2] / ns[0]);
  scan = roll_scan(small, &found);
  /* The scan's cost grows with members x votes: 100x members and 100x votes at the limits. */
  printf("baseline roll scan (lookup only), %u members, %u votes: %.0f ns/vote; projected to "
         "%u members and %u votes: %.0f s\n",
         members[0], votes[0], scan * 1e9 / votes[0], members[2], votes[2], scan * 1e4);
  printf("ratio baseline (lookup alone) / cabref (whole tally), %u votes: %.2f\n", votes[0],
         scan * 1e9 / votes[0] / ns[0]);
  cabref_ballot_free(&store);
  (void)found;
  return 0;
}
