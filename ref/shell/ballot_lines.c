/* cabref shell: the line form of a vote log (spec/tally-formats.md §3; TALLY-INPUT-FORMAT).
 * Converts text to a cabref_ballot; every error names FILE:LINE:COLUMN. No rule is decided here. */
#include "cabref/ballot.h"
#include "cabref/name_idn.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const char *s; /* the field */
  size_t len;
  size_t col; /* 1-based column of its first byte */
} field;

typedef struct {
  const char *file;
  unsigned long line;
  cabref_error *err;
} where;

static cabref_status fail(const where *w, cabref_status st, size_t col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static cabref_status fail(const where *w, cabref_status st, size_t col, const char *fmt, ...) {
  if (w->err != NULL) {
    va_list ap;
    w->err->status = st;
    snprintf(w->err->file, sizeof w->err->file, "%s", w->file);
    w->err->line = w->line;
    w->err->column = col;
    va_start(ap, fmt);
    vsnprintf(w->err->message, sizeof w->err->message, fmt, ap);
    va_end(ap);
  }
  return st;
}

/* Splits a line into at most max fields; the last one takes the rest of the line. */
static size_t split(const char *s, size_t len, field *f, size_t max) {
  size_t n = 0, i = 0;
  while (i < len && n < max) {
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
      i++;
    if (i >= len)
      break;
    size_t start = i;
    if (n == max - 1) {
      size_t end = len;
      while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
        end--;
      f[n].s = s + start;
      f[n].len = end - start;
      f[n].col = start + 1;
      n++;
      break;
    }
    while (i < len && s[i] != ' ' && s[i] != '\t')
      i++;
    f[n].s = s + start;
    f[n].len = i - start;
    f[n].col = start + 1;
    n++;
  }
  return n;
}

static int is(const field *f, const char *w) {
  return strlen(w) == f->len && memcmp(f->s, w, f->len) == 0;
}

static cabref_status instant(const where *w, const field *f, cabref_instant *out) {
  if (cabref_parse_instant(f->s, f->len, out) != CABREF_OK)
    return fail(w, CABREF_E_TIME, f->col,
                "invalid instant: expected YYYY-MM-DDTHH:MM:SSZ, a real UTC date and time%s", "");
  return CABREF_OK;
}

static cabref_status count(const where *w, const field *f, uint32_t *out) {
  uint64_t v = 0;
  size_t i;
  if (f->len == 0 || f->len > 10)
    return fail(w, CABREF_E_RANGE, f->col, "expected a count from 0 to 2147483648%s", "");
  for (i = 0; i < f->len; i++) {
    if (f->s[i] < '0' || f->s[i] > '9')
      return fail(w, CABREF_E_SYNTAX, f->col + i, "expected a decimal count%s", "");
    v = v * 10 + (uint64_t)(f->s[i] - '0');
  }
  if (v > CABREF_MAX_COUNT)
    return fail(w, CABREF_E_RANGE, f->col, "count above 2147483648%s", "");
  *out = (uint32_t)v;
  return CABREF_OK;
}

static cabref_status once(const where *w, int *seen, const field *f) {
  if (*seen)
    return fail(w, CABREF_E_DUPLICATE, f->col, "directive \"%.*s\" given twice", (int)f->len, f->s);
  *seen = 1;
  return CABREF_OK;
}

static cabref_status arity(const where *w, size_t got, size_t want, const field *f) {
  if (got != want) {
    char d[64];
    snprintf(d, sizeof d, "%.*s", (int)(f->len < 40 ? f->len : 40), f->s);
    return fail(w, CABREF_E_SYNTAX, f->col, "wrong number of fields for \"%s\"", d);
  }
  return CABREF_OK;
}

typedef struct {
  int ballot, bylaws, kind, list, discussion, last_version, voting, boundary, consumer, quorum,
      attendance, review, withdrawn, round;
  int end;                /* the closing line "end N" was read */
  unsigned long end_line; /* its line */
  unsigned long votes;    /* vote lines read */
} seen_set;

static cabref_status directive(cabref_ballot *b, const where *w, const char *s, size_t len,
                               seen_set *seen) {
  field f[6];
  size_t n = split(s, len, f, 6);
  cabref_status st;
  if (n == 0)
    return CABREF_OK;
  /* spec/tally-formats.md §3: nothing but comments and blank lines after the closing line. */
  if (seen->end)
    return fail(w, CABREF_E_SYNTAX, f[0].col,
                "a directive after the closing \"end\" line (line %lu): the log ends there",
                seen->end_line);
  if (is(&f[0], "end")) {
    /* The closing line: the number of vote lines the writer wrote, so that a log cut at a line
     * boundary (a truncated download) is caught. */
    unsigned long want = 0;
    size_t k;
    if ((st = arity(w, n, 2, &f[0])) != CABREF_OK)
      return st;
    for (k = 0; k < f[1].len; k++) {
      if (f[1].s[k] < '0' || f[1].s[k] > '9' || want > 100000000ul)
        return fail(w, CABREF_E_SYNTAX, f[1].col + k,
                    "\"end\" takes the number of vote lines, a decimal count%s", "");
      want = want * 10u + (unsigned long)(f[1].s[k] - '0');
    }
    if (want != seen->votes)
      return fail(w, CABREF_E_TRUNCATED, f[1].col,
                  "the closing line says %lu votes, the log holds %lu: votes are missing or the "
                  "log was joined from several files",
                  want, seen->votes);
    seen->end = 1;
    seen->end_line = w->line;
    return CABREF_OK;
  }
  if (is(&f[0], "vote")) {
    seen->votes++;
    cabref_instant at;
    cabref_category cat;
    cabref_vote vote;
    if (n != 6)
      return fail(w, CABREF_E_SYNTAX, f[0].col, "vote needs TIME CATEGORY VOTE LIST MEMBER%s", "");
    if ((st = instant(w, &f[1], &at)) != CABREF_OK)
      return st;
    if (cabref_parse_category(f[2].s, f[2].len, &cat) != CABREF_OK)
      return fail(w, CABREF_E_CATEGORY, f[2].col,
                  "unknown member category (expected issuer, consumer, associate, probationary, "
                  "interested-party, affiliate or non-member)%s",
                  "");
    if (cabref_parse_vote(f[3].s, f[3].len, &vote) != CABREF_OK)
      return fail(w, CABREF_E_SYNTAX, f[3].col,
                  "unknown vote (expected yes, no, abstain or unclear)%s", "");
    size_t list_len = f[4].len;
    int rep = 1;
    if (list_len > 7 && memcmp(f[4].s + list_len - 7, "+nonrep", 7) == 0) {
      rep = 0;
      list_len -= 7;
    }
    seen->list = 1; /* the list can no longer change: votes were matched against it */
    st = cabref_ballot_add_vote(b, f[5].s, f[5].len, cat, at, vote, f[4].s, list_len, rep, w->line,
                                w->err);
    if (st != CABREF_OK && w->err != NULL) {
      snprintf(w->err->file, sizeof w->err->file, "%s", w->file);
      w->err->column = f[5].col;
    }
    return st;
  }
  if (is(&f[0], "member-status")) {
    /* TALLY-VOTE-STATUS: member-status TIME joins|suspended|leaves MEMBER... */
    cabref_instant at;
    cabref_member_change change;
    n = split(s, len, f, 4);
    if (n != 4)
      return fail(w, CABREF_E_SYNTAX, f[0].col,
                  "member-status needs TIME joins|suspended|leaves MEMBER%s", "");
    if ((st = instant(w, &f[1], &at)) != CABREF_OK)
      return st;
    if (cabref_parse_member_change(f[2].s, f[2].len, &change) != CABREF_OK)
      return fail(w, CABREF_E_SYNTAX, f[2].col,
                  "unknown member status change (expected joins, suspended or leaves)%s", "");
    st = cabref_ballot_add_status(b, f[3].s, f[3].len, change, at, w->line, w->err);
    if (st != CABREF_OK && w->err != NULL) {
      snprintf(w->err->file, sizeof w->err->file, "%s", w->file);
      w->err->column = f[3].col;
    }
    return st;
  }
  if (is(&f[0], "withdrawn")) {
    /* TALLY-WITHDRAWN: the instant the proposer withdrew the ballot. */
    if ((st = once(w, &seen->withdrawn, &f[0])) != CABREF_OK ||
        (st = arity(w, n, 2, &f[0])) != CABREF_OK)
      return st;
    b->has_withdrawal = 1;
    return instant(w, &f[1], &b->withdrawn_at);
  }
  if (is(&f[0], "round")) {
    /* TALLY-SECOND-VOTE: round initial (default) or second. */
    if ((st = once(w, &seen->round, &f[0])) != CABREF_OK ||
        (st = arity(w, n, 2, &f[0])) != CABREF_OK)
      return st;
    if (is(&f[1], "initial"))
      b->second_vote = 0;
    else if (is(&f[1], "second"))
      b->second_vote = 1;
    else
      return fail(w, CABREF_E_SYNTAX, f[1].col, "round is initial or second%s", "");
    b->has_round = 1;
    return CABREF_OK;
  }
  if (is(&f[0], "exclusion")) {
    if ((st = arity(w, n, 2, &f[0])) != CABREF_OK)
      return st;
    if (b->n_exclusions >= CABREF_MAX_EXCLUSIONS)
      return fail(w, CABREF_E_CAPACITY, f[0].col, "more than 1000 exclusion notices%s", "");
    return instant(w, &f[1], &b->exclusions[b->n_exclusions++]);
  }
  if (is(&f[0], "ballot")) {
    n = split(s, len, f, 2);
    if ((st = once(w, &seen->ballot, &f[0])) != CABREF_OK ||
        (st = arity(w, n, 2, &f[0])) != CABREF_OK)
      return st;
    if (f[1].len >= sizeof b->ballot)
      return fail(w, CABREF_E_TOO_LONG, f[1].col, "ballot name longer than 127 bytes%s", "");
    memcpy(b->ballot, f[1].s, f[1].len);
    b->ballot[f[1].len] = '\0';
    return CABREF_OK;
  }
  if (is(&f[0], "bylaws")) {
    if ((st = once(w, &seen->bylaws, &f[0])) != CABREF_OK ||
        (st = arity(w, n, 2, &f[0])) != CABREF_OK)
      return st;
    if (cabref_parse_bylaws(f[1].s, f[1].len, &b->version, &b->version_auto) != CABREF_OK)
      return fail(w, CABREF_E_BYLAWS, f[1].col,
                  "unknown Bylaws version (expected pre-ballot-4, ballot-4, ballot-5, 1.0 to "
                  "2.5, or auto)%s",
                  "");
    b->has_version = 1;
    return CABREF_OK;
  }
  if (is(&f[0], "kind")) {
    if ((st = once(w, &seen->kind, &f[0])) != CABREF_OK ||
        (st = arity(w, n, 2, &f[0])) != CABREF_OK)
      return st;
    if (cabref_parse_kind(f[1].s, f[1].len, &b->kind) != CABREF_OK)
      return fail(w, CABREF_E_SYNTAX, f[1].col,
                  "unknown ballot kind (expected other, maintenance-guideline, new-guideline)%s",
                  "");
    return CABREF_OK;
  }
  if (is(&f[0], "list")) {
    if ((st = once(w, &seen->list, &f[0])) != CABREF_OK ||
        (st = arity(w, n, 2, &f[0])) != CABREF_OK)
      return fail(w, w->err ? w->err->status : CABREF_E_SYNTAX, f[0].col,
                  "list must be given once, before the first vote%s", "");
    if (f[1].len >= sizeof b->list)
      return fail(w, CABREF_E_TOO_LONG, f[1].col, "list name longer than 127 bytes%s", "");
    memcpy(b->list, f[1].s, f[1].len);
    b->list[f[1].len] = '\0';
    return CABREF_OK;
  }
  if (is(&f[0], "discussion")) {
    if ((st = once(w, &seen->discussion, &f[0])) != CABREF_OK)
      return st;
    if (n != 2 && n != 3)
      return fail(w, CABREF_E_SYNTAX, f[0].col, "discussion needs START [END]%s", "");
    if ((st = instant(w, &f[1], &b->timeline.discussion_start)) != CABREF_OK)
      return st;
    b->timeline.has_discussion = 1;
    if (n == 3) {
      if ((st = instant(w, &f[2], &b->timeline.discussion_end)) != CABREF_OK)
        return st;
      if (b->timeline.discussion_end <= b->timeline.discussion_start)
        return fail(w, CABREF_E_PERIOD, f[2].col, "discussion ends before it starts%s", "");
      b->has_discussion_end = 1;
    }
    return CABREF_OK;
  }
  if (is(&f[0], "last-version")) {
    if ((st = once(w, &seen->last_version, &f[0])) != CABREF_OK ||
        (st = arity(w, n, 2, &f[0])) != CABREF_OK)
      return st;
    b->has_last_version = 1;
    return instant(w, &f[1], &b->timeline.last_version);
  }
  if (is(&f[0], "voting")) {
    if ((st = once(w, &seen->voting, &f[0])) != CABREF_OK ||
        (st = arity(w, n, 3, &f[0])) != CABREF_OK)
      return st;
    if ((st = instant(w, &f[1], &b->timeline.voting_start)) != CABREF_OK ||
        (st = instant(w, &f[2], &b->timeline.voting_end)) != CABREF_OK)
      return st;
    if (b->timeline.voting_end <= b->timeline.voting_start)
      return fail(w, CABREF_E_PERIOD, f[2].col, "voting period ends before it starts%s", "");
    b->has_voting = 1;
    return CABREF_OK;
  }
  if (is(&f[0], "boundary")) {
    if ((st = once(w, &seen->boundary, &f[0])) != CABREF_OK ||
        (st = arity(w, n, 2, &f[0])) != CABREF_OK)
      return st;
    if (is(&f[1], "exclusive"))
      b->end_inclusive = 0;
    else if (is(&f[1], "inclusive"))
      b->end_inclusive = 1;
    else
      return fail(w, CABREF_E_SYNTAX, f[1].col, "boundary is exclusive or inclusive%s", "");
    return CABREF_OK;
  }
  if (is(&f[0], "consumer-rule")) {
    if ((st = once(w, &seen->consumer, &f[0])) != CABREF_OK ||
        (st = arity(w, n, 2, &f[0])) != CABREF_OK)
      return st;
    if (cabref_parse_consumer_rule(f[1].s, f[1].len, &b->consumer_rule) != CABREF_OK)
      return fail(w, CABREF_E_SYNTAX, f[1].col,
                  "consumer-rule is strict-majority, literal or half-or-more%s", "");
    b->has_consumer_rule = 1;
    return CABREF_OK;
  }
  if (is(&f[0], "quorum")) {
    if ((st = once(w, &seen->quorum, &f[0])) != CABREF_OK ||
        (st = arity(w, n, 2, &f[0])) != CABREF_OK)
      return st;
    b->has_quorum = 1;
    return count(w, &f[1], &b->quorum);
  }
  if (is(&f[0], "attendance")) {
    field a[3];
    size_t i, k = 0, start = 0;
    if ((st = once(w, &seen->attendance, &f[0])) != CABREF_OK ||
        (st = arity(w, n, 2, &f[0])) != CABREF_OK)
      return st;
    for (i = 0; i <= f[1].len; i++) {
      if (i == f[1].len || f[1].s[i] == ',') {
        if (k == 2 && i < f[1].len) /* the comma that starts a fourth count */
          return fail(w, CABREF_E_SYNTAX, f[1].col + i, "attendance takes exactly three counts%s",
                      "");
        a[k].s = f[1].s + start;
        a[k].len = i - start;
        a[k].col = f[1].col + start;
        k++;
        start = i + 1;
      }
    }
    if (k != 3)
      return fail(w, CABREF_E_SYNTAX, f[1].col, "attendance takes exactly three counts%s", "");
    for (i = 0; i < 3; i++) {
      if ((st = count(w, &a[i], &b->attendance[i])) != CABREF_OK)
        return st;
    }
    b->has_attendance = 1;
    return CABREF_OK;
  }
  if (is(&f[0], "review")) {
    if ((st = once(w, &seen->review, &f[0])) != CABREF_OK ||
        (st = arity(w, n, 2, &f[0])) != CABREF_OK)
      return st;
    b->has_review = 1;
    return instant(w, &f[1], &b->review_start);
  }
  {
    char d[64];
    snprintf(d, sizeof d, "%.*s", (int)(f[0].len < 40 ? f[0].len : 40), f[0].s);
    return fail(w, CABREF_E_SYNTAX, f[0].col, "unknown directive \"%s\"", d);
  }
}

/* TALLY-INPUT-FORMAT: the first error stops the parse and names FILE:LINE:COLUMN. */
static cabref_status parse_lines(const char *text, size_t len, size_t pos, const char *file,
                                 cabref_ballot *b, cabref_error *err) {
  where w = {file, 0, err};
  seen_set seen;
  memset(&seen, 0, sizeof seen);
  while (pos < len) {
    size_t end = pos, i;
    cabref_status st;
    w.line++;
    while (end < len && text[end] != '\n')
      end++;
    size_t line_len = end - pos;

    if (line_len > 0 && text[pos + line_len - 1] == '\r')
      line_len--;
    /* Check the whole line before reading it: NUL, encoding, and length, in that order of
     * position so the column names the first offending byte. */
    for (i = 0; i < line_len;) {
      const unsigned char *p = (const unsigned char *)text + pos + i;
      if (*p == 0)
        return fail(&w, CABREF_E_NUL, i + 1, "NUL byte in text%s", "");
      if (i >= CABREF_MAX_LINE)
        return fail(&w, CABREF_E_TOO_LONG, i + 1, "line longer than 4096 bytes%s", "");
      size_t k = cabref_utf8_seq(p, line_len - i);
      if (k == 0)
        return fail(&w, CABREF_E_ENCODING, i + 1, "invalid UTF-8%s", "");
      if (*p < 0x20 && *p != '\t')
        return fail(&w, CABREF_E_SYNTAX, i + 1, "control character in text%s", "");
      i += k;
    }
    /* TALLY-INPUT-COMPLETE (spec/tally-formats.md §3): every line ends with a line feed. A last
     * line without one is what a cut download leaves (a member's name cut short): refused, not
     * guessed. */
    if (end == len)
      return fail(&w, CABREF_E_TRUNCATED, line_len + 1,
                  "the last line has no line feed: the log looks cut short (a truncated "
                  "download?); a complete log ends with a line feed%s",
                  "");
    if (!(line_len > 0 && text[pos] == '#')) {
      st = directive(b, &w, text + pos, line_len, &seen);
      if (st != CABREF_OK)
        return st;
    }
    pos = end + 1;
  }
  if (!b->has_version)
    return fail(&w, CABREF_E_SYNTAX, 0, "no \"bylaws\" directive%s", "");
  if (!b->has_voting)
    return fail(&w, CABREF_E_SYNTAX, 0, "no \"voting\" directive%s", "");
  if (!b->has_last_version)
    b->timeline.last_version = b->timeline.discussion_start;
  return CABREF_OK;
}

cabref_status cabref_ballot_parse_lines(const char *text, size_t len, const char *file,
                                        cabref_ballot *b, cabref_error *err) {
  /* TALLY-INPUT-COMPLETE: a UTF-8 byte order mark (as some editors write) is not part of the
   * first line; columns stay those of the file. */
  size_t bom = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  cabref_status st;
  if (err != NULL)
    memset(err, 0, sizeof *err);
  st = parse_lines(text, len, bom, file, b, err);
  if (st != CABREF_OK && err != NULL && err->line == 1 && err->column > 0)
    err->column += bom;
  return st;
}
