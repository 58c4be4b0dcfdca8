/* cabref shell: the JSON form of a ballot (spec/tally-formats.md §2; TALLY-INPUT-FORMAT), via
 * jansson. Errors name the file, jansson's line and column for syntax errors, and the JSON path of
 * the offending value otherwise. Unknown keys are errors so that a typo is never ignored. */
#include "cabref/ballot.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

static cabref_status jfail(cabref_error *err, const char *file, cabref_status st, const char *path,
                           const char *what) {
  if (err != NULL) {
    err->status = st;
    snprintf(err->file, sizeof err->file, "%s", file);
    err->line = 0;
    err->column = 0;
    snprintf(err->message, sizeof err->message, "%.200s: %.300s", path, what);
  }
  return st;
}

static cabref_status check_keys(json_t *obj, const char *const *allowed, const char *file,
                                const char *path, cabref_error *err) {
  const char *key;
  json_t *v;
  json_object_foreach(obj, key, v) {
    const char *const *a;
    int ok = 0;
    (void)v;
    for (a = allowed; *a != NULL; a++) {
      if (strcmp(*a, key) == 0)
        ok = 1;
    }
    if (!ok) {
      char p[300];
      snprintf(p, sizeof p, "%s.%.200s", path, key);
      return jfail(err, file, CABREF_E_SYNTAX, p, "unknown key");
    }
  }
  return CABREF_OK;
}

static cabref_status get_instant(json_t *obj, const char *key, int required, cabref_instant *out,
                                 int *present, const char *file, const char *path,
                                 cabref_error *err) {
  json_t *v = json_object_get(obj, key);
  char p[300];
  snprintf(p, sizeof p, "%s.%s", path, key);
  if (present != NULL)
    *present = 0;
  if (v == NULL) {
    if (required)
      return jfail(err, file, CABREF_E_SYNTAX, p, "required instant missing");
    return CABREF_OK;
  }
  if (!json_is_string(v))
    return jfail(err, file, CABREF_E_TIME, p, "an instant must be a string YYYY-MM-DDTHH:MM:SSZ");
  if (cabref_parse_instant(json_string_value(v), json_string_length(v), out) != CABREF_OK)
    return jfail(err, file, CABREF_E_TIME, p,
                 "invalid instant: expected YYYY-MM-DDTHH:MM:SSZ, a real UTC date and time");
  if (present != NULL)
    *present = 1;
  return CABREF_OK;
}

static cabref_status get_count(json_t *v, uint32_t *out, const char *file, const char *path,
                               cabref_error *err) {
  json_int_t i;
  if (!json_is_integer(v))
    return jfail(err, file, CABREF_E_SYNTAX, path, "expected an integer");
  i = json_integer_value(v);
  if (i < 0 || i > (json_int_t)CABREF_MAX_COUNT)
    return jfail(err, file, CABREF_E_RANGE, path, "count outside 0..2147483648");
  *out = (uint32_t)i;
  return CABREF_OK;
}

static cabref_status get_word(json_t *obj, const char *key, const char **s, size_t *len,
                              const char *file, const char *path, cabref_error *err) {
  json_t *v = json_object_get(obj, key);
  char p[300];
  *s = NULL;
  *len = 0;
  if (v == NULL)
    return CABREF_OK;
  snprintf(p, sizeof p, "%s.%s", path, key);
  if (!json_is_string(v))
    return jfail(err, file, CABREF_E_SYNTAX, p, "expected a string");
  *s = json_string_value(v);
  *len = json_string_length(v);
  if (strlen(*s) != *len)
    return jfail(err, file, CABREF_E_NUL, p, "NUL byte in string");
  return CABREF_OK;
}

static cabref_status parse_vote(cabref_ballot *b, json_t *v, size_t index, const char *file,
                                cabref_error *err) {
  static const char *const keys[] = {"member", "category",       "time", "vote",
                                     "list",   "representative", NULL};
  char path[64];
  const char *s;
  size_t len;
  cabref_status st;
  cabref_category cat;
  cabref_vote vote;
  cabref_instant at;
  const char *member, *list;
  size_t member_len, list_len;
  int rep = 1;
  snprintf(path, sizeof path, "$.votes[%zu]", index);
  if (!json_is_object(v))
    return jfail(err, file, CABREF_E_SYNTAX, path, "a vote must be an object");
  if ((st = check_keys(v, keys, file, path, err)) != CABREF_OK)
    return st;
  if ((st = get_word(v, "member", &member, &member_len, file, path, err)) != CABREF_OK)
    return st;
  if (member == NULL)
    return jfail(err, file, CABREF_E_SYNTAX, path, "member missing");
  if ((st = get_word(v, "category", &s, &len, file, path, err)) != CABREF_OK)
    return st;
  if (s == NULL || cabref_parse_category(s, len, &cat) != CABREF_OK)
    return jfail(err, file, CABREF_E_CATEGORY, path,
                 "unknown member category (expected issuer, consumer, associate, probationary, "
                 "interested-party, affiliate or non-member)");
  if ((st = get_instant(v, "time", 1, &at, NULL, file, path, err)) != CABREF_OK)
    return st;
  if ((st = get_word(v, "vote", &s, &len, file, path, err)) != CABREF_OK)
    return st;
  if (s == NULL || cabref_parse_vote(s, len, &vote) != CABREF_OK)
    return jfail(err, file, CABREF_E_SYNTAX, path, "vote must be yes, no, abstain or unclear");
  if ((st = get_word(v, "list", &list, &list_len, file, path, err)) != CABREF_OK)
    return st;
  if (list == NULL) {
    list = b->list;
    list_len = strlen(b->list);
  }
  json_t *r = json_object_get(v, "representative");
  if (r != NULL) {
    if (!json_is_boolean(r))
      return jfail(err, file, CABREF_E_SYNTAX, path, "representative must be true or false");
    rep = json_is_true(r);
  }
  st = cabref_ballot_add_vote(b, member, member_len, cat, at, vote, list, list_len, rep,
                              (unsigned long)index + 1, err);
  if (st != CABREF_OK && err != NULL) {
    char msg[512];
    snprintf(msg, sizeof msg, "%s", err->message);
    jfail(err, file, st, path, msg);
  }
  return st;
}

/* TALLY-VOTE-STATUS: {"member": ..., "time": ..., "status": "joins|suspended|leaves"}. */
static cabref_status parse_status(cabref_ballot *b, json_t *v, size_t index, const char *file,
                                  cabref_error *err) {
  static const char *const keys[] = {"member", "time", "status", NULL};
  char path[64];
  const char *member, *s;
  size_t member_len, len;
  cabref_instant at;
  cabref_member_change change;
  cabref_status st;
  snprintf(path, sizeof path, "$.memberStatus[%zu]", index);
  if (!json_is_object(v))
    return jfail(err, file, CABREF_E_SYNTAX, path, "a status change must be an object");
  if ((st = check_keys(v, keys, file, path, err)) != CABREF_OK ||
      (st = get_word(v, "member", &member, &member_len, file, path, err)) != CABREF_OK)
    return st;
  if (member == NULL)
    return jfail(err, file, CABREF_E_SYNTAX, path, "member missing");
  if ((st = get_instant(v, "time", 1, &at, NULL, file, path, err)) != CABREF_OK ||
      (st = get_word(v, "status", &s, &len, file, path, err)) != CABREF_OK)
    return st;
  if (s == NULL || cabref_parse_member_change(s, len, &change) != CABREF_OK)
    return jfail(err, file, CABREF_E_SYNTAX, path, "status must be joins, suspended or leaves");
  st = cabref_ballot_add_status(b, member, member_len, change, at, (unsigned long)index + 1, err);
  if (st != CABREF_OK && err != NULL) {
    snprintf(err->file, sizeof err->file, "%s", file);
    err->line = 0;
    snprintf(err->message + strlen(err->message), sizeof err->message - strlen(err->message),
             " (%s)", path);
  }
  return st;
}

static cabref_status parse_root(cabref_ballot *b, json_t *root, const char *file,
                                cabref_error *err) {
  static const char *const keys[] = {"ballot",     "bylaws",     "kind",         "list",
                                     "discussion", "voting",     "boundary",     "consumerRule",
                                     "quorum",     "attendance", "review",       "votes",
                                     "withdrawn",  "round",      "memberStatus", NULL};
  const char *s;
  size_t len;
  cabref_status st;
  json_t *v;
  if (!json_is_object(root))
    return jfail(err, file, CABREF_E_SYNTAX, "$", "a ballot must be a JSON object");
  if ((st = check_keys(root, keys, file, "$", err)) != CABREF_OK)
    return st;
  if ((st = get_word(root, "ballot", &s, &len, file, "$", err)) != CABREF_OK)
    return st;
  if (s != NULL) {
    if (len >= sizeof b->ballot)
      return jfail(err, file, CABREF_E_TOO_LONG, "$.ballot", "longer than 127 bytes");
    memcpy(b->ballot, s, len);
    b->ballot[len] = '\0';
  }
  if ((st = get_word(root, "bylaws", &s, &len, file, "$", err)) != CABREF_OK)
    return st;
  if (s == NULL)
    return jfail(err, file, CABREF_E_SYNTAX, "$.bylaws", "required");
  if (cabref_parse_bylaws(s, len, &b->version, &b->version_auto) != CABREF_OK)
    return jfail(err, file, CABREF_E_BYLAWS, "$.bylaws",
                 "unknown Bylaws version (expected pre-ballot-4, ballot-4, ballot-5, 1.0 to 2.5, "
                 "or auto)");
  b->has_version = 1;
  if ((st = get_word(root, "kind", &s, &len, file, "$", err)) != CABREF_OK)
    return st;
  if (s != NULL && cabref_parse_kind(s, len, &b->kind) != CABREF_OK)
    return jfail(err, file, CABREF_E_SYNTAX, "$.kind",
                 "expected other, maintenance-guideline or new-guideline");
  if ((st = get_word(root, "list", &s, &len, file, "$", err)) != CABREF_OK)
    return st;
  if (s != NULL) {
    if (len == 0 || len >= sizeof b->list)
      return jfail(err, file, CABREF_E_SYNTAX, "$.list", "1 to 127 bytes");
    memcpy(b->list, s, len);
    b->list[len] = '\0';
  }
  v = json_object_get(root, "discussion");
  if (v != NULL) {
    static const char *const dkeys[] = {"start", "end", "lastVersion", NULL};
    if (!json_is_object(v))
      return jfail(err, file, CABREF_E_SYNTAX, "$.discussion", "expected an object");
    if ((st = check_keys(v, dkeys, file, "$.discussion", err)) != CABREF_OK ||
        (st = get_instant(v, "start", 1, &b->timeline.discussion_start, NULL, file, "$.discussion",
                          err)) != CABREF_OK ||
        (st = get_instant(v, "end", 0, &b->timeline.discussion_end, &b->has_discussion_end, file,
                          "$.discussion", err)) != CABREF_OK ||
        (st = get_instant(v, "lastVersion", 0, &b->timeline.last_version, &b->has_last_version,
                          file, "$.discussion", err)) != CABREF_OK)
      return st;
    b->timeline.has_discussion = 1;
    if (b->has_discussion_end && b->timeline.discussion_end <= b->timeline.discussion_start)
      return jfail(err, file, CABREF_E_PERIOD, "$.discussion.end", "not after the start");
    if (!b->has_last_version)
      b->timeline.last_version = b->timeline.discussion_start;
  }
  v = json_object_get(root, "voting");
  if (v == NULL || !json_is_object(v))
    return jfail(err, file, CABREF_E_SYNTAX, "$.voting", "required object with start and end");
  {
    static const char *const vkeys[] = {"start", "end", NULL};
    if ((st = check_keys(v, vkeys, file, "$.voting", err)) != CABREF_OK ||
        (st = get_instant(v, "start", 1, &b->timeline.voting_start, NULL, file, "$.voting", err)) !=
            CABREF_OK ||
        (st = get_instant(v, "end", 1, &b->timeline.voting_end, NULL, file, "$.voting", err)) !=
            CABREF_OK)
      return st;
    if (b->timeline.voting_end <= b->timeline.voting_start)
      return jfail(err, file, CABREF_E_PERIOD, "$.voting.end", "not after the start");
    b->has_voting = 1;
  }
  if ((st = get_word(root, "boundary", &s, &len, file, "$", err)) != CABREF_OK)
    return st;
  if (s != NULL) {
    if (len == 9 && memcmp(s, "exclusive", 9) == 0)
      b->end_inclusive = 0;
    else if (len == 9 && memcmp(s, "inclusive", 9) == 0)
      b->end_inclusive = 1;
    else
      return jfail(err, file, CABREF_E_SYNTAX, "$.boundary", "expected exclusive or inclusive");
  }
  if ((st = get_word(root, "consumerRule", &s, &len, file, "$", err)) != CABREF_OK)
    return st;
  if (s != NULL) {
    if (cabref_parse_consumer_rule(s, len, &b->consumer_rule) != CABREF_OK)
      return jfail(err, file, CABREF_E_SYNTAX, "$.consumerRule",
                   "expected strict-majority, literal or half-or-more");
    b->has_consumer_rule = 1;
  }
  v = json_object_get(root, "quorum");
  if (v != NULL) {
    if ((st = get_count(v, &b->quorum, file, "$.quorum", err)) != CABREF_OK)
      return st;
    b->has_quorum = 1;
  }
  v = json_object_get(root, "attendance");
  if (v != NULL) {
    size_t i;
    if (!json_is_array(v) || json_array_size(v) != 3)
      return jfail(err, file, CABREF_E_SYNTAX, "$.attendance", "expected exactly 3 counts");
    for (i = 0; i < 3; i++) {
      char p[32];
      snprintf(p, sizeof p, "$.attendance[%zu]", i);
      if ((st = get_count(json_array_get(v, i), &b->attendance[i], file, p, err)) != CABREF_OK)
        return st;
    }
    b->has_attendance = 1;
  }
  v = json_object_get(root, "review");
  if (v != NULL) {
    static const char *const rkeys[] = {"start", "exclusionNotices", NULL};
    json_t *ex;
    if (!json_is_object(v))
      return jfail(err, file, CABREF_E_SYNTAX, "$.review", "expected an object");
    /* Without a start the Review Notice has not been sent: there is no review to evaluate. */
    if ((st = check_keys(v, rkeys, file, "$.review", err)) != CABREF_OK ||
        (st = get_instant(v, "start", 0, &b->review_start, &b->has_review, file, "$.review",
                          err)) != CABREF_OK)
      return st;
    ex = json_object_get(v, "exclusionNotices");
    if (ex != NULL) {
      size_t i;
      if (!json_is_array(ex))
        return jfail(err, file, CABREF_E_SYNTAX, "$.review.exclusionNotices",
                     "expected an array of instants");
      if (json_array_size(ex) > CABREF_MAX_EXCLUSIONS)
        return jfail(err, file, CABREF_E_CAPACITY, "$.review.exclusionNotices",
                     "more than 1000 notices");
      for (i = 0; i < json_array_size(ex); i++) {
        json_t *t = json_array_get(ex, i);
        char p[64];
        snprintf(p, sizeof p, "$.review.exclusionNotices[%zu]", i);
        if (!json_is_string(t) || cabref_parse_instant(json_string_value(t), json_string_length(t),
                                                       &b->exclusions[i]) != CABREF_OK)
          return jfail(err, file, CABREF_E_TIME, p,
                       "invalid instant: expected YYYY-MM-DDTHH:MM:SSZ");
      }
      b->n_exclusions = json_array_size(ex);
    }
  }
  /* TALLY-WITHDRAWN */
  if ((st = get_instant(root, "withdrawn", 0, &b->withdrawn_at, &b->has_withdrawal, file, "$",
                        err)) != CABREF_OK)
    return st;
  /* TALLY-SECOND-VOTE */
  if ((st = get_word(root, "round", &s, &len, file, "$", err)) != CABREF_OK)
    return st;
  if (s != NULL) {
    if (len == 7 && memcmp(s, "initial", 7) == 0)
      b->second_vote = 0;
    else if (len == 6 && memcmp(s, "second", 6) == 0)
      b->second_vote = 1;
    else
      return jfail(err, file, CABREF_E_SYNTAX, "$.round", "round is initial or second");
    b->has_round = 1;
  }
  v = json_object_get(root, "memberStatus");
  if (v != NULL) {
    size_t i;
    if (!json_is_array(v))
      return jfail(err, file, CABREF_E_SYNTAX, "$.memberStatus", "expected an array");
    for (i = 0; i < json_array_size(v); i++) {
      if ((st = parse_status(b, json_array_get(v, i), i, file, err)) != CABREF_OK)
        return st;
    }
  }
  v = json_object_get(root, "votes");
  if (v == NULL || !json_is_array(v))
    return jfail(err, file, CABREF_E_SYNTAX, "$.votes", "required array (may be empty)");
  {
    size_t i;
    for (i = 0; i < json_array_size(v); i++) {
      if ((st = parse_vote(b, json_array_get(v, i), i, file, err)) != CABREF_OK)
        return st;
    }
  }
  return CABREF_OK;
}

/* Exported for the vector runner, which already holds a parsed object. */
cabref_status cabref_ballot_from_json_value(void *root, const char *file, cabref_ballot *b,
                                            cabref_error *err);
cabref_status cabref_ballot_from_json_value(void *root, const char *file, cabref_ballot *b,
                                            cabref_error *err) {
  if (err != NULL)
    memset(err, 0, sizeof *err);
  return parse_root(b, (json_t *)root, file, err);
}

/* TALLY-INPUT-FORMAT: syntax errors carry jansson's line and column, others the JSON path. */
cabref_status cabref_ballot_parse_json(const char *text, size_t len, const char *file,
                                       cabref_ballot *b, cabref_error *err) {
  json_error_t jerr;
  json_t *root;
  cabref_status st;
  if (err != NULL)
    memset(err, 0, sizeof *err);
  if (memchr(text, '\0', len) != NULL) {
    size_t at = (size_t)((const char *)memchr(text, '\0', len) - text);
    if (err != NULL) {
      err->status = CABREF_E_NUL;
      snprintf(err->file, sizeof err->file, "%s", file);
      snprintf(err->message, sizeof err->message, "NUL byte at byte offset %zu", at);
    }
    return CABREF_E_NUL;
  }
  root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
  if (root == NULL) {
    if (err != NULL) {
      err->status = CABREF_E_SYNTAX;
      snprintf(err->file, sizeof err->file, "%s", file);
      err->line = jerr.line > 0 ? (unsigned long)jerr.line : 0;
      err->column = jerr.column > 0 ? (unsigned long)jerr.column : 0;
      snprintf(err->message, sizeof err->message, "JSON: %s", jerr.text);
    }
    return CABREF_E_SYNTAX;
  }
  st = parse_root(b, root, file, err);
  json_decref(root);
  return st;
}
