/* `make bench`: the tally core's vote selection and count (one pass, O(messages + members))
 * against a named baseline on the same input in the same run: "sort-then-scan", the usual
 * straightforward implementation (filter eligible messages, qsort by member, time and arrival,
 * keep each member's last). Figures are printed as a ratio; times are medians of 7 runs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cabref/tally.h"

#define N_MSGS 1000000u
#define N_MEMBERS 5000u
#define RUNS 7

/* now() from bench_util.h; this bench draws its input from its own xorshift* generator below. */
#define BENCH_SEED 0u
#include "bench_util.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static uint32_t rnd(void) { /* xorshift64*, fixed seed: the same input every run */
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return (uint32_t)((rng_state * 0x2545F4914F6CDD1Du) >> 32);
}

typedef struct {
  uint32_t member;
  cabref_instant at;
  uint32_t index;
} keyed;

static int by_member_time_index(const void *a, const void *b) {
  const keyed *x = a, *y = b;
  if (x->member != y->member)
    return x->member < y->member ? -1 : 1;
  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

static int eligible(const cabref_message *m, const cabref_member *roll,
                    const cabref_voting_period *p) {
  return m->vote != CABREF_VOTE_UNCLEAR && roll[m->member].category <= CABREF_CAT_CONSUMER &&
         (!p->list_only || m->on_list) && (!p->rep_only || m->from_rep) && m->at >= p->start &&
         (p->end_inclusive ? m->at <= p->end : m->at < p->end);
}

static void baseline(const cabref_message *msgs, uint32_t n, const cabref_member *roll,
                     uint32_t n_members, const cabref_voting_period *p, int32_t *chosen,
                     keyed *scratch, cabref_counts *out) {
  uint32_t i, k = 0;
  for (i = 0; i < n; i++) {
    if (eligible(&msgs[i], roll, p)) {
      scratch[k].member = msgs[i].member;
      scratch[k].at = msgs[i].at;
      scratch[k].index = i;
      k++;
    }
  }
  qsort(scratch, k, sizeof *scratch, by_member_time_index);
  for (i = 0; i < n_members; i++)
    chosen[i] = -1;
  for (i = 0; i < k; i++)
    chosen[scratch[i].member] = (int32_t)scratch[i].index;
  memset(out, 0, sizeof *out);
  for (i = 0; i < n_members; i++) {
    if (chosen[i] >= 0) {
      const cabref_message *m = &msgs[chosen[i]];
      cabref_category_count *c =
          roll[i].category == CABREF_CAT_ISSUER ? &out->issuer : &out->consumer;
      if (m->vote == CABREF_VOTE_YES)
        c->yes++;
      else if (m->vote == CABREF_VOTE_NO)
        c->no++;
      else
        c->abstain++;
      out->participants++;
    }
  }
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(void) {
  cabref_message *msgs = malloc(N_MSGS * sizeof *msgs);
  cabref_member *roll = malloc(N_MEMBERS * sizeof *roll);
  int32_t *chosen = malloc(N_MEMBERS * sizeof *chosen);
  int32_t *chosen_b = malloc(N_MEMBERS * sizeof *chosen_b);
  uint8_t *fate = malloc(N_MSGS);
  keyed *scratch = malloc(N_MSGS * sizeof *scratch);
  cabref_voting_period p = {1700000000, 1700000000 + CABREF_WEEK, 0, 1, 1};
  cabref_counts c1, c2;
  double t_core[RUNS], t_base[RUNS];
  uint32_t i;
  int r;
  if (!msgs || !roll || !chosen || !chosen_b || !fate || !scratch)
    return 1;
  for (i = 0; i < N_MEMBERS; i++)
    roll[i].category = (uint8_t)(i % 10 == 9 ? CABREF_CAT_ASSOCIATE : i % 4 == 0 ? 1 : 0);
  for (i = 0; i < N_MSGS; i++) {
    msgs[i].member = rnd() % N_MEMBERS;
    msgs[i].at = p.start - 86400 + (cabref_instant)(rnd() % (9 * 86400));
    msgs[i].vote = (uint8_t)(rnd() % 4);
    msgs[i].on_list = (uint8_t)(rnd() % 50 != 0);
    msgs[i].from_rep = (uint8_t)(rnd() % 50 != 0);
  }
  for (r = 0; r < RUNS; r++) {
    double t0 = now();
    if (cabref_select_votes(msgs, N_MSGS, roll, N_MEMBERS, &p, chosen, fate) != CABREF_OK)
      return 1;
    cabref_count_votes(msgs, N_MSGS, roll, N_MEMBERS, chosen, &c1);
    double t1 = now();
    baseline(msgs, N_MSGS, roll, N_MEMBERS, &p, chosen_b, scratch, &c2);
    double t2 = now();
    t_core[r] = t1 - t0;
    t_base[r] = t2 - t1;
  }
  /* The two must agree, or the comparison means nothing. */
  if (memcmp(chosen, chosen_b, N_MEMBERS * sizeof *chosen) != 0 ||
      c1.participants != c2.participants || c1.issuer.yes != c2.issuer.yes ||
      c1.consumer.no != c2.consumer.no) {
    fprintf(stderr, "bench: cabref and the baseline disagree\n");
    return 1;
  }
  qsort(t_core, RUNS, sizeof(double), cmp_double);
  qsort(t_base, RUNS, sizeof(double), cmp_double);
  printf("tally vote selection + count, %u messages, %u members, median of %d runs\n", N_MSGS,
         N_MEMBERS, RUNS);
  printf("  cabref core (one pass, per-fate):      %8.2f ms  %6.1f M messages/s\n",
         t_core[RUNS / 2] * 1e3, N_MSGS / t_core[RUNS / 2] / 1e6);
  printf("  baseline sort-then-scan (qsort):       %8.2f ms  %6.1f M messages/s\n",
         t_base[RUNS / 2] * 1e3, N_MSGS / t_base[RUNS / 2] / 1e6);
  printf("  ratio: cabref is %.2fx the baseline's speed (%u participants, both agree)\n",
         t_base[RUNS / 2] / t_core[RUNS / 2], c1.participants);
  free(msgs);
  free(roll);
  free(chosen);
  free(chosen_b);
  free(fate);
  free(scratch);
  return 0;
}
