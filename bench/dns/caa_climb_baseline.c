/* Baseline for bench/caa_dns_bench.sh: the relevant-set search as a CA without concurrency would
 * write it (RFC 8659 §3 read literally): for each name, one synchronous CAA query at a time,
 * label by label from the name up, stopping at the first name with CAA records. Same library
 * (libunbound), same resolver, same names as cabref's run, so the ratio measures the way the
 * lookups are scheduled, not a different DNS stack (libunbound's event API in our loop, as cabref
 * uses it; its synchronous ub_resolve sets up a worker per call and would understate the
 * baseline).
 *
 *   caa_climb_baseline RESOLVER_ADDR@PORT < names   (one name per line)
 *
 * Prints "names N queries Q found F seconds S". Exit 1 when a query fails to be sent. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <event2/event.h>
#include <unbound-event.h>
#include <unbound.h>

/* One query at a time: sent, then the loop runs until its answer is in. */
typedef struct {
  struct event_base *base;
  int done, have;
} one;

static void on_answer(void *data, int rcode, void *packet, int len, int sec, char *why, int rl) {
  one *o = data;
  (void)sec;
  (void)why;
  (void)rl;
  /* the answer's rcode is in the packet; ANCOUNT > 0 with NOERROR: records (no CNAMEs here) */
  o->have = rcode == 0 && packet != NULL && len >= 12 && (((unsigned char *)packet)[3] & 15) == 0 &&
            (((unsigned char *)packet)[6] | ((unsigned char *)packet)[7]) != 0;
  o->done = 1;
  event_base_loopbreak(o->base);
}

static int ask(struct ub_ctx *ctx, struct event_base *base, const char *name, int *have) {
  one o = {base, 0, 0};
  if (ub_resolve_event(ctx, name, 257, 1, &o, on_answer, NULL) != 0)
    return -1;
  while (!o.done)
    event_base_dispatch(base);
  *have = o.have;
  return 0;
}

int main(int argc, char **argv) {
  struct ub_ctx *ctx;
  struct event_base *base = event_base_new();
  char line[512];
  unsigned long names = 0, queries = 0, found = 0;
  struct timespec t0, t1;
  if (argc != 2) {
    fprintf(stderr, "usage: caa_climb_baseline ADDR@PORT < names\n");
    return 2;
  }
  ctx = base != NULL ? ub_ctx_create_event(base) : NULL;
  if (ctx == NULL || ub_ctx_set_fwd(ctx, argv[1]) != 0 ||
      ub_ctx_set_option(ctx, "do-not-query-localhost:", "no") != 0) {
    fprintf(stderr, "caa_climb_baseline: cannot set up the resolver %s\n", argv[1]);
    return 1;
  }
  clock_gettime(CLOCK_MONOTONIC, &t0);
  while (fgets(line, sizeof line, stdin) != NULL) {
    char *name = line;
    size_t n = strcspn(line, "\r\n");
    line[n] = '\0';
    if (n == 0)
      continue;
    names++;
    while (name != NULL && *name != '\0') {
      int have;
      if (ask(ctx, base, name, &have) != 0) {
        fprintf(stderr, "caa_climb_baseline: query for %s failed\n", name);
        return 1;
      }
      queries++;
      if (have) {
        found++;
        break;
      }
      name = strchr(name, '.');
      if (name != NULL)
        name++;
      if (name != NULL && strchr(name, '.') == NULL) { /* the TLD: the last name asked */
        if (ask(ctx, base, name, &have) != 0)
          return 1;
        queries++;
        found += have != 0;
        break;
      }
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  printf("names %lu queries %lu found %lu seconds %.3f\n", names, queries, found,
         (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
  ub_ctx_delete(ctx);
  event_base_free(base);
  return 0;
}
