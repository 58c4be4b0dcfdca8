/* cabref shell: the ballot model shared by the line and JSON parsers, and the names of things.
 * Conversions only; the rules live in ref/core. */
#include "cabref/ballot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cabref_ballot_init(cabref_ballot *b) {
  memset(b, 0, sizeof *b);
  b->kind = CABREF_BALLOT_OTHER;
  strcpy(b->list, "public");
  b->consumer_rule = CABREF_CONSUMER_STRICT_MAJORITY;
}

void cabref_ballot_free(cabref_ballot *b) {
  free(b->member_slots);
  b->member_slots = NULL;
  b->n_slots = 0;
  free(b->roll_names);
  free(b->roll);
  free(b->msgs);
  free(b->msg_lines);
  b->roll_names = NULL;
  b->roll = NULL;
  b->msgs = NULL;
  b->msg_lines = NULL;
  b->n_members = b->cap_members = b->n_msgs = b->cap_msgs = 0;
}

static int ascii_lower(int c) {
  return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

static int name_equal(const char *a, const char *b, size_t blen) {
  size_t i;
  for (i = 0; i < blen; i++) {
    if (a[i] == '\0' || ascii_lower((unsigned char)a[i]) != ascii_lower((unsigned char)b[i]))
      return 0;
  }
  return a[blen] == '\0';
}

/* FNV-1a over the ASCII lower-cased name: equal names (name_equal) hash alike. */
static size_t name_hash(const char *s, size_t len) {
  uint32_t h = 2166136261u;
  size_t i;
  for (i = 0; i < len; i++) {
    h ^= (uint32_t)ascii_lower((unsigned char)s[i]);
    h *= 16777619u;
  }
  return (size_t)h;
}

/* The slot of member name s (found, or the empty slot where it would go). */
static size_t member_slot(const cabref_ballot *b, const char *s, size_t len) {
  size_t mask = b->n_slots - 1, i = name_hash(s, len) & mask;
  while (b->member_slots[i] != 0 && !name_equal(b->roll_names[b->member_slots[i] - 1].name, s, len))
    i = (i + 1) & mask;
  return i;
}

/* Grows the table to keep it at most half full once one more member is added; 0 or -1. */
static int member_slots_reserve(cabref_ballot *b) {
  size_t n = b->n_slots ? b->n_slots : 64, m;
  uint32_t *old = b->member_slots;
  size_t old_n = b->n_slots;
  if (b->n_slots != 0 && 2 * (b->n_members + 1) <= b->n_slots)
    return 0;
  while (2 * (b->n_members + 1) > n)
    n *= 2;
  b->member_slots = calloc(n, sizeof *b->member_slots);
  if (b->member_slots == NULL) {
    b->member_slots = old;
    return -1;
  }
  b->n_slots = n;
  for (m = 0; m < old_n; m++) {
    if (old[m] != 0) {
      const char *nm = b->roll_names[old[m] - 1].name;
      b->member_slots[member_slot(b, nm, strlen(nm))] = old[m];
    }
  }
  free(old);
  return 0;
}

/* TALLY-VOTE-ONE: names are compared after trimming blanks, ASCII case-insensitively. */
static void trim(const char **s, size_t *len) {
  while (*len > 0 && (**s == ' ' || **s == '\t')) {
    (*s)++;
    (*len)--;
  }
  while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
    (*len)--;
}

static void set_error(cabref_error *err, cabref_status st, unsigned long line, unsigned long col,
                      const char *msg) {
  if (err == NULL)
    return;
  err->status = st;
  err->line = line;
  err->column = col;
  snprintf(err->message, sizeof err->message, "%s", msg);
}

/* TALLY-VOTE-ONE: a member name, trimmed of surrounding blanks: not empty, at most 200 bytes,
 * no control character. */
static cabref_status member_name(const char **member, size_t *member_len, unsigned long line,
                                 cabref_error *err) {
  size_t k;
  trim(member, member_len);
  if (*member_len == 0) {
    set_error(err, CABREF_E_SYNTAX, line, 0, "empty member name");
    return CABREF_E_SYNTAX;
  }
  if (*member_len > CABREF_MAX_NAME) {
    set_error(err, CABREF_E_TOO_LONG, line, 0, "member name longer than 200 bytes");
    return CABREF_E_TOO_LONG;
  }
  for (k = 0; k < *member_len; k++) {
    unsigned char c = (unsigned char)(*member)[k];
    if (c < 0x20 || c == 0x7f) {
      set_error(err, c == 0 ? CABREF_E_NUL : CABREF_E_SYNTAX, line, 0,
                "control character in member name");
      return c == 0 ? CABREF_E_NUL : CABREF_E_SYNTAX;
    }
  }
  return CABREF_OK;
}

cabref_status cabref_ballot_add_vote(cabref_ballot *b, const char *member, size_t member_len,
                                     cabref_category cat, cabref_instant at, cabref_vote vote,
                                     const char *list, size_t list_len, int from_rep,
                                     unsigned long line, cabref_error *err) {
  size_t m, slot;
  cabref_status st = member_name(&member, &member_len, line, err);
  if (st != CABREF_OK)
    return st;
  if (member_slots_reserve(b) != 0) {
    set_error(err, CABREF_E_CAPACITY, line, 0, "out of memory for the member roll");
    return CABREF_E_CAPACITY;
  }
  slot = member_slot(b, member, member_len);
  m = b->member_slots[slot] != 0 ? b->member_slots[slot] - 1u : b->n_members;
  if (m == b->n_members) {
    if (b->n_members >= CABREF_MAX_MEMBERS) {
      set_error(err, CABREF_E_CAPACITY, line, 0, "more than 100000 members");
      return CABREF_E_CAPACITY;
    }
    if (b->n_members == b->cap_members) {
      size_t cap = b->cap_members ? b->cap_members * 2 : 16;
      cabref_roll_entry *names = realloc(b->roll_names, cap * sizeof *names);
      if (names == NULL) {
        set_error(err, CABREF_E_CAPACITY, line, 0, "out of memory for the member roll");
        return CABREF_E_CAPACITY;
      }
      b->roll_names = names;
      cabref_member *roll = realloc(b->roll, cap * sizeof *roll);
      if (roll == NULL) {
        set_error(err, CABREF_E_CAPACITY, line, 0, "out of memory for the member roll");
        return CABREF_E_CAPACITY;
      }
      b->roll = roll;
      b->cap_members = cap;
    }
    memcpy(b->roll_names[m].name, member, member_len);
    b->roll_names[m].name[member_len] = '\0';
    b->roll_names[m].category = (uint8_t)cat;
    b->roll[m].category = (uint8_t)cat;
    b->roll[m].voting_from = CABREF_INSTANT_MIN;
    b->roll[m].voting_until = CABREF_INSTANT_MAX;
    b->member_slots[slot] = (uint32_t)(m + 1);
    b->n_members++;
  } else if (b->roll[m].category != (uint8_t)cat) {
    char msg[512];
    snprintf(msg, sizeof msg, "member \"%s\" was %s earlier and is %s here", b->roll_names[m].name,
             cabref_category_name((cabref_category)b->roll[m].category), cabref_category_name(cat));
    set_error(err, CABREF_E_INCONSISTENT, line, 0, msg);
    return CABREF_E_INCONSISTENT;
  }
  if (b->n_msgs >= CABREF_MAX_MESSAGES) {
    set_error(err, CABREF_E_CAPACITY, line, 0, "more than 1000000 votes");
    return CABREF_E_CAPACITY;
  }
  if (b->n_msgs == b->cap_msgs) {
    size_t cap = b->cap_msgs ? b->cap_msgs * 2 : 32;
    cabref_message *msgs = realloc(b->msgs, cap * sizeof *msgs);
    if (msgs == NULL) {
      set_error(err, CABREF_E_CAPACITY, line, 0, "out of memory for the votes");
      return CABREF_E_CAPACITY;
    }
    b->msgs = msgs;
    unsigned long *lines = realloc(b->msg_lines, cap * sizeof *lines);
    if (lines == NULL) {
      set_error(err, CABREF_E_CAPACITY, line, 0, "out of memory for the votes");
      return CABREF_E_CAPACITY;
    }
    b->msg_lines = lines;
    b->cap_msgs = cap;
  }
  cabref_message *msg = &b->msgs[b->n_msgs];
  msg->at = at;
  msg->member = (uint32_t)m;
  msg->vote = (uint8_t)vote;
  /* Bylaws 1.5 §2.2(d), 2.2+ §2.3(4): only votes on the ballot's own list count. */
  msg->on_list = (uint8_t)(strlen(b->list) == list_len && memcmp(b->list, list, list_len) == 0);
  msg->from_rep = (uint8_t)(from_rep ? 1 : 0);
  b->msg_lines[b->n_msgs] = line;
  b->n_msgs++;
  return CABREF_OK;
}

static int digits(const char *s, size_t n, int32_t *out) {
  int32_t v = 0;
  size_t i;
  for (i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return 0;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return 1;
}

/* TALLY-INPUT-TIME, spec/tally-formats.md §1: exactly YYYY-MM-DDTHH:MM:SSZ, a UTC instant in whole
 * seconds. */
cabref_status cabref_parse_instant(const char *s, size_t len, cabref_instant *out) {
  int32_t y, mo, d, h, mi, sec;
  if (len != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
      s[19] != 'Z')
    return CABREF_E_TIME;
  if (!digits(s, 4, &y) || !digits(s + 5, 2, &mo) || !digits(s + 8, 2, &d) ||
      !digits(s + 11, 2, &h) || !digits(s + 14, 2, &mi) || !digits(s + 17, 2, &sec))
    return CABREF_E_TIME;
  return cabref_instant_from_utc(y, mo, d, h, mi, sec, out);
}

void cabref_format_instant(cabref_instant t, char out[21]) {
  int32_t y, mo, d, h, mi, s;
  if (cabref_utc_from_instant(t, &y, &mo, &d, &h, &mi, &s) != CABREF_OK) {
    snprintf(out, 21, "(out of range)");
    return;
  }
  snprintf(out, 21, "%04d-%02d-%02dT%02d:%02d:%02dZ", (int)y, (int)mo, (int)d, (int)h, (int)mi,
           (int)s);
}

static int word_is(const char *s, size_t len, const char *w) {
  return strlen(w) == len && memcmp(s, w, len) == 0;
}

static const char *const bylaws_names[CABREF_RULES_COUNT] = {
    "pre-ballot-4", "ballot-4", "ballot-5", "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6",
    "1.7",          "1.8",      "1.9",      "2.0", "2.1", "2.2", "2.3", "2.4", "2.5"};

cabref_status cabref_parse_bylaws(const char *s, size_t len, cabref_rules_version *v,
                                  int *is_auto) {
  int i;
  *is_auto = 0;
  if (word_is(s, len, "auto")) {
    *is_auto = 1;
    *v = CABREF_BYLAWS_2_5;
    return CABREF_OK;
  }
  for (i = 0; i < (int)CABREF_RULES_COUNT; i++) {
    if (word_is(s, len, bylaws_names[i])) {
      *v = (cabref_rules_version)i;
      return CABREF_OK;
    }
  }
  return CABREF_E_BYLAWS;
}

/* TALLY-VERSION-2: every version keeps its own name, so a result cites the version it used. */
const char *cabref_bylaws_name(cabref_rules_version v) {
  return ((unsigned)v < CABREF_RULES_COUNT) ? bylaws_names[v] : "?";
}

static const char *const category_names[] = {"issuer",       "consumer",         "associate",
                                             "probationary", "interested-party", "affiliate",
                                             "non-member"};

cabref_status cabref_parse_category(const char *s, size_t len, cabref_category *c) {
  int i;
  for (i = 0; i < 7; i++) {
    if (word_is(s, len, category_names[i])) {
      *c = (cabref_category)i;
      return CABREF_OK;
    }
  }
  return CABREF_E_CATEGORY;
}

const char *cabref_category_name(cabref_category c) {
  return ((unsigned)c < 7u) ? category_names[c] : "?";
}

static const char *const vote_names[] = {"yes", "no", "abstain", "unclear"};

cabref_status cabref_parse_vote(const char *s, size_t len, cabref_vote *v) {
  int i;
  for (i = 0; i < 4; i++) {
    if (word_is(s, len, vote_names[i])) {
      *v = (cabref_vote)i;
      return CABREF_OK;
    }
  }
  return CABREF_E_SYNTAX;
}

const char *cabref_vote_name(cabref_vote v) {
  return ((unsigned)v < 4u) ? vote_names[v] : "?";
}

static const char *const kind_names[] = {"other", "maintenance-guideline", "new-guideline"};

cabref_status cabref_parse_kind(const char *s, size_t len, cabref_ballot_kind *k) {
  int i;
  for (i = 0; i < 3; i++) {
    if (word_is(s, len, kind_names[i])) {
      *k = (cabref_ballot_kind)i;
      return CABREF_OK;
    }
  }
  return CABREF_E_SYNTAX;
}

const char *cabref_kind_name(cabref_ballot_kind k) {
  return ((unsigned)k < 3u) ? kind_names[k] : "?";
}

static const char *const consumer_rule_names[] = {"strict-majority", "literal", "half-or-more"};

cabref_status cabref_parse_consumer_rule(const char *s, size_t len, cabref_consumer_rule *r) {
  int i;
  for (i = 0; i < 3; i++) {
    if (word_is(s, len, consumer_rule_names[i])) {
      *r = (cabref_consumer_rule)i;
      return CABREF_OK;
    }
  }
  return CABREF_E_SYNTAX;
}

const char *cabref_consumer_rule_name(cabref_consumer_rule r) {
  return ((unsigned)r < 3u) ? consumer_rule_names[r] : "?";
}

/* The order of spec/tally.md's reason-code table; bit i is CABREF_R_* (1 << i). */
static const char *const reason_codes[CABREF_R_COUNT] = {"no-quorum",
                                                         "voting-period-length",
                                                         "discussion-too-short",
                                                         "discussion-too-long",
                                                         "voting-before-discussion-end",
                                                         "quiet-period",
                                                         "auto-failed",
                                                         "issuer-threshold",
                                                         "consumer-threshold",
                                                         "issuer-no-yes",
                                                         "consumer-no-yes",
                                                         "exclusion-notice",
                                                         "withdrawn"};

const char *cabref_reason_code(uint32_t bit) {
  unsigned i;
  for (i = 0; i < CABREF_R_COUNT; i++) {
    if (bit == (1u << i))
      return reason_codes[i];
  }
  return "?";
}

const char *cabref_outcome_name(cabref_outcome o) {
  switch (o) {
  case CABREF_OUTCOME_PASSED:
    return "passed";
  case CABREF_OUTCOME_FAILED:
    return "failed";
  case CABREF_OUTCOME_INVALID:
    return "invalid";
  case CABREF_OUTCOME_RESCINDED:
    return "rescinded";
  case CABREF_OUTCOME_WITHDRAWN:
    return "withdrawn";
  }
  return "?";
}

const char *cabref_fate_name(cabref_message_fate f) {
  static const char *const names[] = {
      "counted",    "superseded", "unclear", "not-voting-member", "not-representative",
      "wrong-list", "early",      "late",    "not-member-then"};
  return ((unsigned)f < 9u) ? names[f] : "?";
}

static const char *const change_names[] = {"joins", "suspended", "leaves"};

cabref_status cabref_parse_member_change(const char *s, size_t len, cabref_member_change *c) {
  unsigned i;
  for (i = 0; i < 3u; i++) {
    if (word_is(s, len, change_names[i])) {
      *c = (cabref_member_change)i;
      return CABREF_OK;
    }
  }
  return CABREF_E_SYNTAX;
}

const char *cabref_member_change_name(cabref_member_change c) {
  return (unsigned)c < 3u ? change_names[c] : "?";
}

const char *cabref_withdrawal_name(cabref_withdrawal w) {
  static const char *const names[] = {"before-voting", "during-voting", "not-allowed",
                                      "after-close"};
  return (unsigned)w < 4u ? names[w] : "?";
}

cabref_status cabref_ballot_add_status(cabref_ballot *b, const char *member, size_t member_len,
                                       cabref_member_change change, cabref_instant at,
                                       unsigned long line, cabref_error *err) {
  cabref_status_change *c;
  cabref_status st = member_name(&member, &member_len, line, err);
  if (st != CABREF_OK)
    return st;
  if (b->n_status >= CABREF_MAX_STATUS_CHANGES) {
    set_error(err, CABREF_E_CAPACITY, line, 0, "more than 256 member status changes");
    return CABREF_E_CAPACITY;
  }
  c = &b->status[b->n_status++];
  memcpy(c->name, member, member_len);
  c->name[member_len] = '\0';
  c->name_len = member_len;
  c->at = at;
  c->change = change;
  c->line = line;
  return CABREF_OK;
}

/* The roll index of a member named name[0 .. len-1], or n_members when it cast no vote. */
size_t cabref_ballot_find_member(const cabref_ballot *b, const char *name, size_t len) {
  size_t slot;
  if (b->n_slots == 0)
    return b->n_members;
  slot = member_slot(b, name, len);
  return b->member_slots[slot] != 0 ? b->member_slots[slot] - 1u : b->n_members;
}

cabref_status cabref_ballot_parse(const char *text, size_t len, const char *file, cabref_ballot *b,
                                  cabref_error *err) {
  /* A UTF-8 byte order mark (some editors write one) is skipped: it is no part of the ballot,
   * and JSON is recognised after it. The line log skips it itself (so its columns stay those of
   * the file); a JSON error on the first line has its column moved past it. */
  size_t i = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0, bom = i;
  while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
    i++;
  if (i < len && text[i] == '{') {
    cabref_status st = cabref_ballot_parse_json(text + bom, len - bom, file, b, err);
    if (st != CABREF_OK && err != NULL && err->line == 1 && err->column > 0)
      err->column += bom;
    return st;
  }
  return cabref_ballot_parse_lines(text, len, file, b, err);
}

const char *cabref_input_error_code(cabref_status s) {
  switch (s) {
  case CABREF_E_TIME:
    return "bad-time";
  case CABREF_E_CATEGORY:
    return "unknown-category";
  case CABREF_E_INCONSISTENT:
    return "inconsistent-category";
  case CABREF_E_BYLAWS:
    return "unknown-bylaws";
  case CABREF_E_MISSING_QUORUM:
    return "missing-quorum";
  case CABREF_E_PERIOD:
    return "bad-period";
  case CABREF_E_IO:
    return "io-error";
  case CABREF_E_TRUNCATED:
    return "truncated";
  default:
    return "bad-input";
  }
}
