/* cabref shell: the vector runner (spec/tally-formats.md §4-6). It replays every test of a
 * vector file against cabref itself, or against an external implementation over the
 * line-delimited JSON protocol, and compares result, reason set and every `expect` key. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shell.h"

#define IMPL_TIMEOUT_MS 30000

typedef struct {
  pid_t pid;
  int to_impl;   /* write end */
  int from_impl; /* read end */
  char *buf;
  size_t len, cap;
  int dead;
} impl_proc;

static int impl_start(impl_proc *p, const char *cmd) {
  int in[2], out[2];
  memset(p, 0, sizeof *p);
  if (pipe(in) != 0 || pipe(out) != 0)
    return -1;
  p->pid = fork();
  if (p->pid < 0)
    return -1;
  if (p->pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    close(in[0]);
    close(in[1]);
    close(out[0]);
    close(out[1]);
    execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  p->to_impl = in[1];
  p->from_impl = out[0];
  return 0;
}

/* Sends one line; reads one line back (NULL on EOF, timeout or error). */
static char *impl_exchange(impl_proc *p, const char *line) {
  size_t n = strlen(line), off = 0;
  if (p->dead)
    return NULL;
  while (off < n) {
    ssize_t w = write(p->to_impl, line + off, n - off);
    if (w < 0) {
      if (errno == EINTR)
        continue;
      p->dead = 1;
      return NULL;
    }
    off += (size_t)w;
  }
  for (;;) {
    char *nl = p->len ? memchr(p->buf, '\n', p->len) : NULL;
    if (nl != NULL) {
      size_t k = (size_t)(nl - p->buf);
      char *r = malloc(k + 1);
      if (r == NULL)
        return NULL;
      memcpy(r, p->buf, k);
      r[k] = '\0';
      memmove(p->buf, nl + 1, p->len - k - 1);
      p->len -= k + 1;
      return r;
    }
    struct pollfd pfd = {p->from_impl, POLLIN, 0};
    int pr = poll(&pfd, 1, IMPL_TIMEOUT_MS);
    if (pr <= 0) {
      p->dead = 1;
      return NULL;
    }
    if (p->len + 4096 > p->cap) {
      size_t cap = p->cap ? p->cap * 2 : 65536;
      char *nb = realloc(p->buf, cap);
      if (nb == NULL)
        return NULL;
      p->buf = nb;
      p->cap = cap;
    }
    ssize_t r = read(p->from_impl, p->buf + p->len, p->cap - p->len);
    if (r <= 0) {
      if (r < 0 && errno == EINTR)
        continue;
      p->dead = 1;
      return NULL;
    }
    p->len += (size_t)r;
  }
}

static int impl_finish(impl_proc *p) {
  int status = 0;
  close(p->to_impl);
  close(p->from_impl);
  free(p->buf);
  if (waitpid(p->pid, &status, 0) < 0)
    return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* cabref's own answer to a TallyTest request, in the protocol's response shape. */
static json_t *tally_answer(json_t *input, json_int_t tc) {
  cabref_ballot *b = malloc(sizeof *b);
  cabref_error err;
  cabref_tally_run run;
  json_t *resp;
  if (b == NULL)
    return NULL;
  cabref_ballot_init(b);
  if (cabref_ballot_from_json_value(input, "input", b, &err) != CABREF_OK ||
      cabref_tally_ballot(b, &run, &err) != CABREF_OK) {
    resp = json_pack("{s:I, s:s, s:[s], s:s}", "tcId", tc, "result", "error", "reason",
                     cabref_input_error_code(err.status), "detail", err.message);
  } else {
    json_t *full = cabref_tally_json(b, &run);
    json_t *v;
    const char *keys[] = {"result", "reason", "quorum", "participants", "reviewEnd", "effective"};
    size_t i;
    resp = json_pack("{s:I}", "tcId", tc);
    for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
      if ((v = json_object_get(full, keys[i])) != NULL)
        json_object_set(resp, keys[i], v);
    }
    for (i = 0; i < 2; i++) {
      const char *cat = i ? "consumer" : "issuer";
      json_t *c = json_object_get(full, cat);
      json_object_set_new(resp, cat,
                          json_pack("{s:O, s:O, s:O}", "yes", json_object_get(c, "yes"), "no",
                                    json_object_get(c, "no"), "abstain",
                                    json_object_get(c, "abstain")));
    }
    json_decref(full);
    cabref_tally_run_free(&run);
  }
  cabref_ballot_free(b);
  free(b);
  return resp;
}

/* Each area answers its own test types: results_audit.c, name_vectors.c, psl_vectors.c,
 * adn_vectors.c. */
json_t *cabref_audit_answer(json_t *input, json_int_t tc);
json_t *cabref_psl_answer(json_t *input, json_int_t tc);
json_t *cabref_adn_answer(json_t *input, json_int_t tc);
json_t *cabref_name_answer(json_t *input, json_int_t tc);
json_t *cabref_name_suffix_answer(json_t *input, json_int_t tc);
json_t *cabref_caa_answer(const char *type, json_t *input, json_int_t tc); /* caa_vectors.c */
json_t *cabref_rv_answer(const char *type, json_t *input, json_int_t tc);  /* rv_vectors.c */

static json_t *own_answer(const char *type, json_t *input, json_int_t tc) {
  if (strcmp(type, "TallyTest") == 0)
    return tally_answer(input, tc);
  if (strcmp(type, "AuditTest") == 0)
    return cabref_audit_answer(input, tc);
  if (strcmp(type, "NameTest") == 0)
    return cabref_name_answer(input, tc);
  if (strcmp(type, "NameSuffixTest") == 0)
    return cabref_name_suffix_answer(input, tc);
  if (strcmp(type, "PslTest") == 0)
    return cabref_psl_answer(input, tc);
  if (strcmp(type, "AdnTest") == 0 || strcmp(type, "MethodTest") == 0 ||
      strcmp(type, "PortTest") == 0)
    return cabref_adn_answer(input, tc);
  if (strncmp(type, "Caa", 3) == 0)
    return cabref_caa_answer(type, input, tc);
  if (strncmp(type, "Rv", 2) == 0 || strncmp(type, "Rt", 2) == 0)
    return cabref_rv_answer(type, input, tc);
  return json_pack("{s:I, s:s}", "tcId", tc, "result", "unsupported");
}

static int same_string_set(json_t *a, json_t *b) {
  size_t i, j;
  if (!json_is_array(a) || !json_is_array(b) || json_array_size(a) != json_array_size(b))
    return 0;
  for (i = 0; i < json_array_size(a); i++) {
    int found = 0;
    for (j = 0; j < json_array_size(b); j++) {
      if (json_equal(json_array_get(a, i), json_array_get(b, j)))
        found = 1;
    }
    if (!found)
      return 0;
  }
  return 1;
}

/* Every key of `expect` must match; nested objects are compared key by key of the expectation. */
/* Whether the response lists key among the expect keys it cannot produce ("unanswered", §5). */
static int unanswered(json_t *resp, const char *key) {
  json_t *u = json_object_get(resp, "unanswered");
  size_t i;
  for (i = 0; i < json_array_size(u); i++)
    if (json_is_string(json_array_get(u, i)) &&
        strcmp(json_string_value(json_array_get(u, i)), key) == 0)
      return 1;
  return 0;
}

static int expect_matches(json_t *expect, json_t *resp, char *why, size_t n) {
  const char *key;
  json_t *want;
  json_object_foreach(expect, key, want) {
    json_t *got = json_object_get(resp, key);
    if (got == NULL && unanswered(resp, key))
      continue;
    if (json_is_object(want)) {
      if (got == NULL || !json_is_object(got) || !expect_matches(want, got, why, n)) {
        if (why[0] == '\0')
          snprintf(why, n, "%s differs", key);
        return 0;
      }
    } else if (got == NULL || !json_equal(want, got)) {
      char *w = json_dumps(want, JSON_ENCODE_ANY | JSON_COMPACT);
      char *g = got ? json_dumps(got, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
      snprintf(why, n, "%s: expected %s, got %s", key, w ? w : "?", g ? g : "(missing)");
      free(w);
      free(g);
      return 0;
    }
  }
  return 1;
}

static int judge(json_t *test, json_t *resp, json_int_t tc, char *why, size_t n) {
  json_t *want_result = json_object_get(test, "result");
  json_t *want_reason = json_object_get(test, "reason");
  json_t *expect = json_object_get(test, "expect");
  json_t *got_reason;
  why[0] = '\0';
  if (resp == NULL || !json_is_object(resp)) {
    snprintf(why, n, "no JSON object in response");
    return 0;
  }
  if (!json_is_integer(json_object_get(resp, "tcId")) ||
      json_integer_value(json_object_get(resp, "tcId")) != tc) {
    snprintf(why, n, "response tcId does not match");
    return 0;
  }
  if (!json_equal(want_result, json_object_get(resp, "result"))) {
    const char *g = json_string_value(json_object_get(resp, "result"));
    const char *d = json_string_value(json_object_get(resp, "detail"));
    snprintf(why, n, "result: expected %s, got %s%s%s", json_string_value(want_result),
             g ? g : "(missing)", d ? ": " : "", d ? d : "");
    return 0;
  }
  got_reason = json_object_get(resp, "reason");
  if (got_reason == NULL)
    got_reason = json_array();
  else
    json_incref(got_reason);
  if (!same_string_set(want_reason ? want_reason : json_array(), got_reason)) {
    char *w = json_dumps(want_reason, JSON_ENCODE_ANY | JSON_COMPACT);
    char *g = json_dumps(got_reason, JSON_ENCODE_ANY | JSON_COMPACT);
    snprintf(why, n, "reason: expected %s, got %s", w ? w : "[]", g ? g : "?");
    free(w);
    free(g);
    json_decref(got_reason);
    return 0;
  }
  json_decref(got_reason);
  if (expect != NULL && !expect_matches(expect, resp, why, n))
    return 0;
  return 1;
}

static json_t *load_json(const char *path, char *why, size_t n) {
  json_error_t e;
  json_t *j = json_load_file(path, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &e); /* NUL tests */
  if (j == NULL)
    snprintf(why, n, "%s:%d:%d: %s", path, e.line, e.column, e.text);
  return j;
}

static const char *allowance(json_t *allow, json_int_t tc) {
  size_t i;
  json_t *d = allow ? json_object_get(allow, "divergences") : NULL;
  for (i = 0; d != NULL && i < json_array_size(d); i++) {
    json_t *e = json_array_get(d, i);
    if (json_integer_value(json_object_get(e, "tcId")) == tc)
      return json_string_value(json_object_get(e, "reason"));
  }
  return NULL;
}

static int usage(void) {
  fprintf(stderr, "usage: cabref vectors [--impl 'CMD'] [--allow FILE] [--results OUT.json] "
                  "[--type TYPE]... [--verbose] FILE...\n");
  return CABREF_EXIT_USAGE;
}

int cabref_cmd_vectors(int argc, char **argv) {
  const char *impl = NULL, *allow_path = NULL, *results_path = NULL;
  const char *only[16];
  size_t n_only = 0;
  json_t *allow = NULL, *results = NULL;
  unsigned long total_pass = 0, total_fail = 0, total_allowed = 0;
  int i, verbose = 0, impl_broken = 0, nfiles = 0;
  char why[1024];
  signal(SIGPIPE, SIG_IGN);
  for (i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--impl") == 0 && i + 1 < argc)
      impl = argv[++i];
    else if (strcmp(argv[i], "--allow") == 0 && i + 1 < argc)
      allow_path = argv[++i];
    else if (strcmp(argv[i], "--results") == 0 && i + 1 < argc)
      results_path = argv[++i];
    else if (strcmp(argv[i], "--type") == 0 && i + 1 < argc && n_only < 16)
      only[n_only++] = argv[++i];
    else if (strcmp(argv[i], "--verbose") == 0)
      verbose = 1;
    else if (argv[i][0] == '-')
      return usage();
    else
      nfiles++;
  }
  if (nfiles == 0)
    return usage();
  if (allow_path != NULL) {
    size_t k;
    json_t *d;
    allow = load_json(allow_path, why, sizeof why);
    d = allow ? json_object_get(allow, "divergences") : NULL;
    if (d == NULL || !json_is_array(d)) {
      fprintf(stderr,
              "%s: error: expected {\"divergences\": [{\"tcId\": N, \"reason\": "
              "\"...\"}]} %s\n",
              allow_path, allow ? "" : why);
      json_decref(allow);
      return CABREF_EXIT_INPUT;
    }
    for (k = 0; k < json_array_size(d); k++) {
      json_t *e = json_array_get(d, k);
      const char *r = json_string_value(json_object_get(e, "reason"));
      if (!json_is_integer(json_object_get(e, "tcId")) || r == NULL || r[0] == '\0') {
        fprintf(stderr,
                "%s: error: divergence %zu needs an integer tcId and a non-empty "
                "reason\n",
                allow_path, k);
        json_decref(allow);
        return CABREF_EXIT_INPUT;
      }
    }
  }
  results = json_object();
  for (i = 1; i < argc; i++) {
    const char *path = argv[i];
    json_t *file, *groups, *file_results;
    unsigned long pass = 0, fail = 0, allowed = 0, stale = 0;
    impl_proc proc;
    size_t g;
    if (strcmp(path, "--impl") == 0 || strcmp(path, "--allow") == 0 ||
        strcmp(path, "--results") == 0 || strcmp(path, "--type") == 0) {
      i++;
      continue;
    }
    if (path[0] == '-')
      continue;
    file = load_json(path, why, sizeof why);
    if (file == NULL) {
      fprintf(stderr, "%s: error: %s\n", path, why);
      total_fail++;
      continue;
    }
    groups = json_object_get(file, "testGroups");
    const char *schema = json_string_value(json_object_get(file, "schema"));
    if (!json_is_array(groups) || schema == NULL) {
      fprintf(stderr, "%s: error: not a vector file (needs schema and testGroups)\n", path);
      json_decref(file);
      total_fail++;
      continue;
    }
    if (impl != NULL && impl_start(&proc, impl) != 0) {
      fprintf(stderr, "%s: error: cannot start implementation: %s\n", path, strerror(errno));
      json_decref(file);
      json_decref(results);
      json_decref(allow);
      return CABREF_EXIT_IMPL;
    }
    file_results = json_object();
    for (g = 0; g < json_array_size(groups); g++) {
      json_t *group = json_array_get(groups, g);
      const char *type = json_string_value(json_object_get(group, "type"));
      json_t *tests = json_object_get(group, "tests");
      size_t t, k;
      int wanted = n_only == 0;
      /* --type: only the groups of the named types (an implementation that covers only part of a
       * file, e.g. ldns and the RDATA of vectors/caa.json). */
      for (k = 0; k < n_only && type != NULL; k++)
        if (strcmp(only[k], type) == 0)
          wanted = 1;
      if (!wanted)
        continue;
      for (t = 0; type != NULL && t < json_array_size(tests); t++) {
        json_t *test = json_array_get(tests, t);
        json_int_t tc = json_integer_value(json_object_get(test, "tcId"));
        json_t *input = json_object_get(test, "input");
        json_t *resp;
        const char *allowed_why = allowance(allow, tc);
        const char *status;
        int ok;
        char key[32];
        if (impl != NULL) {
          json_t *req = json_pack("{s:s, s:s, s:I, s:O}", "schema", schema, "type", type, "tcId",
                                  tc, "input", input);
          char *line = json_dumps(req, JSON_COMPACT | JSON_ENSURE_ASCII);
          size_t ll = strlen(line);
          char *framed = malloc(ll + 2);
          json_error_t je;
          memcpy(framed, line, ll);
          framed[ll] = '\n';
          framed[ll + 1] = '\0';
          char *answer = impl_exchange(&proc, framed);
          resp = answer ? json_loads(answer, JSON_ALLOW_NUL, &je) : NULL;
          if (answer == NULL)
            impl_broken = 1;
          free(answer);
          free(framed);
          free(line);
          json_decref(req);
        } else {
          resp = own_answer(type, input, tc);
        }
        ok = judge(test, resp, tc, why, sizeof why);
        if (ok && allowed_why != NULL) {
          /* The allowance no longer describes a divergence: a failure, so the list cannot rot. */
          stale++;
          status = "stale";
          printf("%s: tcId %lld: FAIL: stale allowance (the test passes): %s\n", path,
                 (long long)tc, allowed_why);
        } else if (ok) {
          status = "pass";
          pass++;
        } else if (allowed_why != NULL) {
          status = "allowed";
          allowed++;
          if (verbose)
            printf("%s: tcId %lld: allowed divergence (%s): %s\n", path, (long long)tc, allowed_why,
                   why);
        } else {
          status = "fail";
          fail++;
          printf("%s: tcId %lld: FAIL: %s\n", path, (long long)tc, why);
        }
        snprintf(key, sizeof key, "%lld", (long long)tc);
        json_object_set_new(file_results, key,
                            json_pack("{s:s, s:O?, s:O?, s:s}", "status", status, "result",
                                      resp ? json_object_get(resp, "result") : NULL, "reason",
                                      resp ? json_object_get(resp, "reason") : NULL, "detail",
                                      ok ? "" : why));
        /* An implementation's whole answer and the allowance's reason, so that a published
         * result shows both answers and why they may differ (spec/tally-formats.md §6). */
        if (impl != NULL && resp != NULL)
          json_object_set(json_object_get(file_results, key), "response", resp);
        if (allowed_why != NULL)
          json_object_set_new(json_object_get(file_results, key), "allowance",
                              json_string(allowed_why));
        json_decref(resp);
      }
    }
    if (impl != NULL) {
      int rc = impl_finish(&proc);
      if (rc != 0) {
        fprintf(stderr, "%s: error: implementation exited with status %d\n", path, rc);
        impl_broken = 1;
      }
    }
    if (allowed > 0 || stale > 0)
      printf("%s: %lu passed, %lu failed, %lu allowed (%lu stale allowances among the failed)\n",
             path, pass, fail + stale, allowed, stale);
    else
      printf("%s: %lu passed, %lu failed\n", path, pass, fail);
    json_object_set_new(results, path, file_results);
    total_pass += pass;
    total_fail += fail + stale;
    total_allowed += allowed;
    json_decref(file);
  }
  if (results_path != NULL && json_dump_file(results, results_path, JSON_INDENT(1)) != 0) {
    fprintf(stderr, "%s: error: cannot write results\n", results_path);
    json_decref(results);
    json_decref(allow);
    return CABREF_EXIT_IO;
  }
  json_decref(results);
  json_decref(allow);
  if (total_allowed > 0)
    printf("total: %lu passed, %lu failed, %lu allowed\n", total_pass, total_fail, total_allowed);
  printf("%lu passed, %lu failed\n", total_pass, total_fail);
  if (impl_broken)
    return CABREF_EXIT_IMPL;
  return total_fail ? CABREF_EXIT_VECTORS : CABREF_EXIT_OK;
}
