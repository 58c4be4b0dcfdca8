/* cabref shell: reads a published results post (the Forum's format, e.g. NS-007) and recomputes
 * it with the core. The parser only extracts what the post states; the rules are the core's.
 * Requirements: TALLY-AUDIT-COUNT, -PERCENT, -RULES, -OUTCOME, -PERIODS (spec/tally.md). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/audit.h"
#include "shell.h"

static void finding(cabref_audit *a, const char *sev, const char *code, unsigned long line,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#include <stdarg.h>
static void finding(cabref_audit *a, const char *sev, const char *code, unsigned long line,
                    const char *fmt, ...) {
  va_list ap;
  cabref_audit_finding *f;
  if (a->n_findings >= CABREF_AUDIT_MAX_FINDINGS)
    return;
  f = &a->findings[a->n_findings++];
  snprintf(f->severity, sizeof f->severity, "%s", sev);
  snprintf(f->code, sizeof f->code, "%s", code);
  f->line = line;
  va_start(ap, fmt);
  vsnprintf(f->message, sizeof f->message, fmt, ap);
  va_end(ap);
}

size_t cabref_audit_inconsistencies(const cabref_audit *a) {
  size_t i, n = 0;
  for (i = 0; i < a->n_findings; i++)
    n += strcmp(a->findings[i].severity, "inconsistency") == 0;
  return n;
}

/* Case-insensitive search within a line of known length. */
static const char *find(const char *s, size_t len, const char *needle) {
  size_t n = strlen(needle), i, j;
  if (n > len)
    return NULL;
  for (i = 0; i + n <= len; i++) {
    for (j = 0; j < n; j++) {
      if (tolower((unsigned char)s[i + j]) != tolower((unsigned char)needle[j]))
        break;
    }
    if (j == n)
      return s + i;
  }
  return NULL;
}

/* A decimal number at p (at most 10 digits, at most 2^31); returns chars consumed or 0. */
static size_t number(const char *p, const char *end, uint32_t *out) {
  uint64_t v = 0;
  size_t n = 0;
  while (p + n < end && isdigit((unsigned char)p[n]) && n < 11) {
    v = v * 10 + (uint64_t)(p[n] - '0');
    n++;
  }
  if (n == 0 || n > 10 || v > CABREF_MAX_COUNT)
    return 0;
  *out = (uint32_t)v;
  return n;
}

/* TALLY-AUDIT-QUORUM: the quorum figure stated anywhere in a line, with or without a MET / NOT
 * MET claim ("the quorum was 6 for this ballot", "The quorum for this ballot is 6 Voting
 * Members.", "Quorum: 6", "a quorum of seven (7)"): after the word "quorum", the first number,
 * reached only over the connecting words of such a sentence (was, is, of, for, this, ballot, ...,
 * or a number word before its figure in parentheses) and ':', '=', '(', '*' and blanks, so that
 * "the quorum rule of Bylaw 2.3(7)" gives no figure. 1 and *out, or 0. */
static int connecting_word(const char *w, size_t n) {
  static const char *const words[] = {"was",      "is",     "of",      "for",    "this",  "the",
                                      "that",     "ballot", "ballots", "a",      "at",    "to",
                                      "be",       "will",   "would",   "equals", "equal", "set",
                                      "required", "needed", "figure",  "count",  "were",  "are"};
  size_t k;
  for (k = 0; k < sizeof words / sizeof words[0]; k++)
    if (strlen(words[k]) == n && find(w, n, words[k]) == w)
      return 1;
  return 0;
}
static int quorum_figure(const char *s, size_t len, uint32_t *out) {
  const char *end = s + len, *p = s;
  while (p < end && (p = find(p, (size_t)(end - p), "quorum")) != NULL) {
    const char *q = p + 6;
    int words = 0;
    while (q < end && words < 8) {
      const char *w;
      while (q < end &&
             (*q == ' ' || *q == '\t' || *q == ':' || *q == '=' || *q == '(' || *q == '*'))
        q++;
      if (q < end && isdigit((unsigned char)*q))
        return number(q, end, out) > 0;
      w = q;
      while (q < end && isalpha((unsigned char)*q))
        q++;
      if (q == w)
        break; /* punctuation: the sentence or clause ends */
      /* a connecting word, or a number word followed by its figure: "seven (7)" */
      if (!connecting_word(w, (size_t)(q - w)) &&
          !(end - q >= 3 && q[0] == ' ' && q[1] == '(' && isdigit((unsigned char)q[2])))
        break;
      words++;
    }
    p += 6;
  }
  return 0;
}

static int month_of(const char *p) {
  static const char *const m[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  int i;
  for (i = 0; i < 12; i++) {
    if (tolower((unsigned char)p[0]) == m[i][0] && tolower((unsigned char)p[1]) == m[i][1] &&
        tolower((unsigned char)p[2]) == m[i][2])
      return i + 1;
  }
  return 0;
}

/* The two date forms of results posts: "2025 Jan 23, 17:00 UTC" and "2025-02-05 01:00:00 UTC".
 * Only UTC is accepted: a post in another zone cannot be audited exactly. */
static int parse_post_instant(const char *p, const char *end, cabref_instant *out) {
  uint32_t y = 0, d = 0, h = 0, mi = 0, s = 0;
  int mo;
  size_t n;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  if ((n = number(p, end, &y)) != 4)
    return 0;
  p += 4;
  if (p < end && *p == '-') {
    uint32_t m2 = 0;
    if (end - p < 16 || number(p + 1, end, &m2) != 2 || p[3] != '-' ||
        number(p + 4, end, &d) != 2 || p[6] != ' ' || number(p + 7, end, &h) != 2 || p[9] != ':' ||
        number(p + 10, end, &mi) != 2)
      return 0;
    mo = (int)m2;
    p += 12;
    if (p < end && *p == ':') {
      if (number(p + 1, end, &s) != 2)
        return 0;
      p += 3;
    }
  } else {
    if (end - p < 4 || *p != ' ' || (mo = month_of(p + 1)) == 0)
      return 0;
    p += 4;
    while (p < end && isalpha((unsigned char)*p))
      p++;
    while (p < end && *p == ' ')
      p++;
    if ((n = number(p, end, &d)) == 0 || n > 2)
      return 0;
    p += n;
    if (p < end && *p == ',')
      p++;
    while (p < end && *p == ' ')
      p++;
    if (number(p, end, &h) != 2 || end - p < 5 || p[2] != ':' || number(p + 3, end, &mi) != 2)
      return 0;
    p += 5;
  }
  while (p < end && *p == ' ')
    p++;
  if (end - p < 3 || !(p[0] == 'U' && p[1] == 'T' && p[2] == 'C'))
    return 0;
  return cabref_instant_from_utc((int32_t)y, mo, (int32_t)d, (int32_t)h, (int32_t)mi, (int32_t)s,
                                 out) == CABREF_OK;
}

static uint32_t count_names(const char *p, const char *end) {
  uint32_t n = 0;
  int in_name = 0;
  for (; p < end; p++) {
    if (*p == ',') {
      in_name = 0;
    } else if (*p != ' ' && *p != '\t' && !in_name) {
      in_name = 1;
      n++;
    }
  }
  return n;
}

static cabref_claim claim_in(const char *s, size_t len) {
  if (find(s, len, "requirement was NOT MET") != NULL)
    return CABREF_CLAIM_NOT_MET;
  if (find(s, len, "requirement was MET") != NULL)
    return CABREF_CLAIM_MET;
  return CABREF_CLAIM_UNSTATED;
}

enum { SEC_NONE, SEC_DISCUSSION, SEC_VOTING };

static void parse_line(cabref_audit *a, const char *s, size_t len, unsigned long line,
                       cabref_audit_category **cat, int *section) {
  const char *end = s + len, *p;
  uint32_t v;
  while (s < end && (*s == ' ' || *s == '\t'))
    s++;
  len = (size_t)(end - s);
  if (len > 2 && s[0] == '-' && s[1] == ' ') {
    s += 2;
    len -= 2;
  }
  if ((p = find(s, len, "Voting Results of Ballot ")) != NULL) {
    const char *q = p + 25, *e = q;
    while (e < end && *e != ':')
      e++;
    snprintf(a->ballot, sizeof a->ballot, "%.*s", (int)(e - q < 127 ? e - q : 127), q);
  }
  if ((p = find(s, len, "Ballot has ")) != NULL) {
    const char *q = p + 11;
    while (q < end && *q == '*')
      q++;
    if (end - q >= 6 && find(q, 6, "passed") == q)
      a->declared = CABREF_OUTCOME_PASSED, a->has_declared = 1, a->declared_line = line;
    else if (end - q >= 6 && find(q, 6, "failed") == q)
      a->declared = CABREF_OUTCOME_FAILED, a->has_declared = 1, a->declared_line = line;
    else if (end - q >= 7 && find(q, 7, "invalid") == q)
      a->declared = CABREF_OUTCOME_INVALID, a->has_declared = 1, a->declared_line = line;
  }
  if (len > 4 && memcmp(s, "### ", 4) == 0 && (p = find(s, len, " votes by ")) != NULL) {
    cabref_audit_category *c = NULL;
    if (find(s, len, "Consumer") != NULL || find(s, len, "browser") != NULL)
      c = &a->consumer;
    else if (find(s, len, "Issuer") != NULL || find(s, len, " CA") != NULL)
      c = &a->issuer;
    if (c != NULL && number(s + 4, end, &v) > 0) {
      c->present = 1;
      c->total = v;
      c->line = line;
    }
    *cat = c;
    return;
  }
  if (len > 4 && memcmp(s, "### ", 4) == 0 && (p = find(s, len, "Bylaws version ")) != NULL) {
    const char *q = p + 15, *e = q;
    int is_auto;
    while (e < end && *e != ' ')
      e++;
    if (cabref_parse_bylaws(q, (size_t)(e - q), &a->version, &is_auto) == CABREF_OK && !is_auto)
      a->has_version = 1;
    *cat = NULL;
    return;
  }
  if (*cat != NULL) {
    static const char *const words[3] = {" Yes vote", " No vote", " Abstain vote"};
    int k;
    size_t n = number(s, end, &v);
    for (k = 0; n > 0 && k < 3; k++) {
      if ((p = find(s, len, words[k])) == s + n) {
        const char *colon = memchr(s, ':', len);
        (*cat)->has_count[k] = 1;
        (*cat)->count[k] = v;
        (*cat)->count_line[k] = line;
        (*cat)->named[k] = colon ? count_names(colon + 1, end) : 0;
        return;
      }
    }
    if ((p = find(s, len, "% of voting")) != NULL && number(s, end, &v) == (size_t)(p - s)) {
      (*cat)->has_percent = 1;
      (*cat)->percent = v;
      (*cat)->percent_line = line;
      return;
    }
  }
  /* TALLY-AUDIT-QUORUM: the figure, wherever the post states it (the first one counts). */
  if (!a->has_quorum && quorum_figure(s, len, &v)) {
    a->quorum = v;
    a->has_quorum = 1;
    a->quorum_line = line;
  }
  if (find(s, len, "This requirement was") != NULL) {
    cabref_claim c = claim_in(s, len);
    int which = -1;
    if (find(s, len, "quorum") != NULL) {
      which = 3;
    } else if (find(s, len, "thirds") != NULL || find(s, len, "(2/3)") != NULL) {
      which = 0;
    } else if (find(s, len, "50%") != NULL || find(s, len, "fifty percent") != NULL) {
      which = 1;
    } else if (find(s, len, "at least one") != NULL) {
      which = 2;
    }
    if (which >= 0) {
      cabref_claim *slot = which == 0   ? &a->claim_issuer
                           : which == 1 ? &a->claim_consumer
                           : which == 2 ? &a->claim_yes_each
                                        : &a->claim_quorum;
      *slot = c;
      a->claim_line[which] = line;
    }
    return;
  }
  if ((p = find(s, len, "Start of Review Period:")) != NULL) {
    if (parse_post_instant(p + 23, end, &a->review_start))
      a->has_review |= 1;
    return;
  }
  if ((p = find(s, len, "End of Review Period:")) != NULL) {
    if (parse_post_instant(p + 21, end, &a->review_end))
      a->has_review |= 2;
    return;
  }
  if ((p = find(s, len, "Review Period of ")) != NULL && number(p + 17, end, &v) > 0) {
    a->has_review_days = 1;
    a->review_days = v;
    a->review_days_line = line;
  }
  if (find(s, len, "Final Maintenance Guideline") != NULL)
    a->kind = CABREF_BALLOT_MAINTENANCE_GUIDELINE;
  else if (find(s, len, "Final Guideline") != NULL && a->kind == CABREF_BALLOT_OTHER)
    a->kind = CABREF_BALLOT_NEW_GUIDELINE;
  if (find(s, len, "**Discussion Period**") != NULL) {
    *section = SEC_DISCUSSION;
    if ((p = memchr(s, '(', len)) != NULL && number(p + 1, end, &v) > 0) {
      const char *q = p + 1;
      while (q < end && isdigit((unsigned char)*q))
        q++;
      a->has_disc_label = 1;
      a->disc_label_days = v;
      a->disc_label_plus = q < end && *q == '+';
      a->disc_label_line = line;
    }
    return;
  }
  if (find(s, len, "**Voting Period**") != NULL) {
    *section = SEC_VOTING;
    return;
  }
  if (*section != SEC_NONE && len > 6 && memcmp(s, "Start:", 6) == 0) {
    cabref_instant t;
    if (parse_post_instant(s + 6, end, &t)) {
      if (*section == SEC_VOTING)
        a->voting_start = t, a->has_voting |= 1;
      else
        a->disc_start = t, a->has_discussion |= 1;
    }
    return;
  }
  if (*section != SEC_NONE && len > 4 && memcmp(s, "End:", 4) == 0) {
    cabref_instant t;
    if (parse_post_instant(s + 4, end, &t)) {
      if (*section == SEC_VOTING)
        a->voting_end = t, a->has_voting |= 2;
      else
        a->disc_end = t, a->has_discussion |= 2;
    }
    return;
  }
}

static const char *claim_name(cabref_claim c) {
  return c == CABREF_CLAIM_MET ? "MET" : c == CABREF_CLAIM_NOT_MET ? "NOT MET" : "unstated";
}

/* TALLY-AUDIT-RULES: a stated "requirement was MET / NOT MET" must agree with the arithmetic. */
static void check_claim(cabref_audit *a, cabref_claim c, int computed, int which, const char *what,
                        const char *code) {
  if (c == CABREF_CLAIM_UNSTATED) {
    /* the quorum's figure may stand alone on its line: that line is where the claim is missing */
    finding(a, "warning", "claim-unstated", which == 3 ? a->quorum_line : 0,
            "the post does not state whether %s was met", what);
    return;
  }
  if ((c == CABREF_CLAIM_MET) != (computed != 0))
    finding(a, "inconsistency", code, a->claim_line[which],
            "the post says %s was %s; the published counts give %s", what, claim_name(c),
            computed ? "MET" : "NOT MET");
}

static void check_category(cabref_audit *a, const cabref_audit_category *c, const char *name) {
  static const char *const w[3] = {"yes", "no", "abstain"};
  int k;
  uint64_t sum = 0; /* three counts of up to 2^31 each: no wrap at 2^32 */
  if (!c->present) {
    finding(a, "inconsistency", "category-missing", 0, "no \"votes by %s\" section", name);
    return;
  }
  for (k = 0; k < 3; k++) {
    if (!c->has_count[k]) {
      finding(a, "inconsistency", "count-missing", c->line, "%s: no %s count", name, w[k]);
      continue;
    }
    sum += c->count[k];
    /* TALLY-AUDIT-COUNT: a stated count must match the names listed for it. */
    if (c->named[k] != c->count[k])
      finding(a, "inconsistency", "names-count-mismatch", c->count_line[k],
              "%s: %u %s votes stated but %u names listed", name, c->count[k], w[k], c->named[k]);
  }
  if (sum != c->total)
    finding(a, "inconsistency", "total-mismatch", c->line,
            "%s: %u votes stated but yes + no + abstain = %llu", name, c->total,
            (unsigned long long)sum);
  if (c->has_percent) {
    uint64_t y = c->count[0], n = c->count[1];
    if (y + n == 0) {
      finding(a, "warning", "percent-undefined", c->percent_line,
              "%s: %u%% stated but no yes or no votes were cast", name, c->percent);
    } else {
      /* TALLY-AUDIT-PERCENT: rounded down or to nearest, either convention. */
      uint64_t down = 100 * y / (y + n), near = (200 * y + (y + n)) / (2 * (y + n));
      if (c->percent != down && c->percent != near)
        finding(a, "inconsistency", "percent-mismatch", c->percent_line,
                "%s: %u%% stated but %llu yes of %llu yes+no is %llu%%", name, c->percent,
                (unsigned long long)y, (unsigned long long)(y + n), (unsigned long long)down);
    }
  }
}

/* TALLY-AUDIT-OUTCOME, TALLY-AUDIT-RULES, TALLY-AUDIT-PERIODS: parse, recompute with the core,
 * and compare claim by claim. */
cabref_status cabref_audit_text(const char *text, size_t len, const char *file, cabref_audit *a,
                                cabref_error *err) {
  size_t pos = 0;
  unsigned long line = 0;
  cabref_audit_category *cat = NULL;
  int section = SEC_NONE;
  cabref_rules rules;
  cabref_counts counts;
  cabref_timeline tl;
  memset(a, 0, sizeof *a);
  memset(err, 0, sizeof *err);
  snprintf(err->file, sizeof err->file, "%s", file);
  while (pos < len) {
    size_t end = pos;
    line++;
    while (end < len && text[end] != '\n')
      end++;
    if (memchr(text + pos, '\0', end - pos) != NULL) {
      err->status = CABREF_E_NUL;
      err->line = line;
      err->column =
          (unsigned long)((const char *)memchr(text + pos, '\0', end - pos) - (text + pos)) + 1;
      snprintf(err->message, sizeof err->message, "NUL byte in text");
      return CABREF_E_NUL;
    }
    if (end - pos > 65536) {
      err->status = CABREF_E_TOO_LONG;
      err->line = line;
      err->column = 65537;
      snprintf(err->message, sizeof err->message, "line longer than 65536 bytes");
      return CABREF_E_TOO_LONG;
    }
    parse_line(a, text + pos, end - pos, line, &cat, &section);
    pos = end + 1;
  }
  if (!a->has_version || (!a->issuer.present && !a->consumer.present)) {
    err->status = CABREF_E_SYNTAX;
    snprintf(err->message, sizeof err->message,
             "no results found: expected \"### N votes by Certificate Issuers/Consumers\" "
             "sections and a \"### Bylaws version X Requirements\" heading");
    return CABREF_E_SYNTAX;
  }
  check_category(a, &a->issuer, "Certificate Issuers");
  check_category(a, &a->consumer, "Certificate Consumers");

  cabref_rules_for(a->version, &rules);
  memset(&counts, 0, sizeof counts);
  counts.issuer.yes = a->issuer.count[0];
  counts.issuer.no = a->issuer.count[1];
  counts.issuer.abstain = a->issuer.count[2];
  counts.consumer.yes = a->consumer.count[0];
  counts.consumer.no = a->consumer.count[1];
  counts.consumer.abstain = a->consumer.count[2];
  {
    uint64_t p = (uint64_t)counts.issuer.yes + counts.issuer.no + counts.issuer.abstain +
                 counts.consumer.yes + counts.consumer.no + counts.consumer.abstain;
    counts.participants = p > CABREF_MAX_COUNT ? CABREF_MAX_COUNT : (uint32_t)p;
  }
  memset(&tl, 0, sizeof tl);
  if (a->has_voting == 3) {
    tl.voting_start = a->voting_start;
    tl.voting_end = a->voting_end;
    if (a->has_discussion == 3) {
      tl.has_discussion = 1;
      tl.discussion_start = a->disc_start;
      tl.discussion_end = a->disc_end;
      tl.last_version = a->disc_start;
    }
    a->period_reasons = cabref_check_periods(&rules, &tl);
  } else {
    finding(a, "warning", "period-unstated", 0,
            "no voting period with start and end in UTC: period rules not checked");
  }
  /* TALLY-AUDIT-QUORUM: without a stated figure the thresholds are recomputed (with the
   * quorum taken as met) and the validity is left open: never a quorum of zero. */
  a->validity_unchecked = !a->has_quorum && rules.quorum_by_attendance;
  if (a->validity_unchecked)
    finding(a, "warning", "quorum-unstated", 0,
            "the post states no quorum figure: the ballot's validity cannot be checked (the "
            "outcome below holds only if the quorum was met; otherwise it is invalid)");
  cabref_tally_decide(&counts, a->has_quorum ? a->quorum : 0, &rules, rules.consumer,
                      a->period_reasons, &a->result);
  if (a->validity_unchecked && a->result.outcome == CABREF_OUTCOME_INVALID)
    a->validity_unchecked = 0; /* invalid for another reason (a period rule) whatever the quorum */

  check_claim(a, a->claim_issuer, a->result.issuer_threshold_met, 0, "the Issuer two-thirds rule",
              "claim-issuer-threshold");
  check_claim(a, a->claim_consumer, a->result.consumer_threshold_met, 1,
              "the Consumer majority rule", "claim-consumer-threshold");
  if (rules.yes_each)
    check_claim(a, a->claim_yes_each, a->result.issuer_has_yes && a->result.consumer_has_yes, 2,
                "the one-yes-per-category rule", "claim-yes-each");
  if (a->has_quorum)
    check_claim(a, a->claim_quorum, a->result.quorum_met, 3, "the quorum", "claim-quorum");
  if (a->has_voting == 3 && (a->period_reasons & CABREF_R_VOTING_PERIOD_LENGTH))
    finding(a, "inconsistency", "voting-period-length", 0,
            "the voting period does not last exactly 7 days");
  if (a->has_voting == 3 && (a->period_reasons & ~CABREF_R_VOTING_PERIOD_LENGTH))
    finding(a, "inconsistency", "discussion-period", a->disc_label_line,
            "the stated discussion dates break the discussion rules of this Bylaws version");
  /* TALLY-AUDIT-PERIODS: a label such as "(14+ days)" must agree with its own dates. */
  if (a->has_disc_label && a->has_discussion == 3) {
    cabref_instant d = a->disc_end - a->disc_start;
    cabref_instant want = (cabref_instant)a->disc_label_days * CABREF_DAY;
    if (a->disc_label_plus ? d < want : d != want)
      finding(a, "warning", "period-label", a->disc_label_line,
              "discussion period labelled (%u%s days) but its dates span %lld days %lld hours",
              a->disc_label_days, a->disc_label_plus ? "+" : "", (long long)(d / CABREF_DAY),
              (long long)((d % CABREF_DAY) / 3600));
  }
  if (a->has_review == 3) {
    cabref_review_input in;
    cabref_review_result rv;
    cabref_ballot_kind kind =
        a->kind != CABREF_BALLOT_OTHER ? a->kind : CABREF_BALLOT_MAINTENANCE_GUIDELINE;
    memset(&in, 0, sizeof in);
    in.has_review = 1;
    in.review_start = a->review_start;
    if (cabref_review(kind, &in, &rv) == CABREF_OK && rv.review_end != a->review_end)
      finding(a, "inconsistency", "review-period-length", a->review_days_line,
              "the Review Period runs %lld days but a %s Guideline needs %u",
              (long long)((a->review_end - a->review_start) / CABREF_DAY),
              kind == CABREF_BALLOT_NEW_GUIDELINE ? "Final" : "Final Maintenance",
              kind == CABREF_BALLOT_NEW_GUIDELINE ? 60u : 30u);
    if (a->has_review_days &&
        (cabref_instant)a->review_days * CABREF_DAY != a->review_end - a->review_start)
      finding(a, "inconsistency", "review-days-mismatch", a->review_days_line,
              "a Review Period of %u days is stated but its dates span %lld days", a->review_days,
              (long long)((a->review_end - a->review_start) / CABREF_DAY));
    if (a->result.outcome != CABREF_OUTCOME_PASSED)
      finding(a, "inconsistency", "review-without-pass", a->review_days_line,
              "a Review Period was started for a ballot that did not pass");
  }
  /* With the validity unchecked, the declared outcome may be the recomputed one or invalid. */
  if (!a->has_declared)
    finding(a, "warning", "outcome-unstated", 0, "the post declares no outcome");
  else if (a->declared != a->result.outcome &&
           !(a->validity_unchecked && a->declared == CABREF_OUTCOME_INVALID))
    finding(a, "inconsistency", "outcome-mismatch", a->declared_line,
            "the post declares the ballot %s; the published counts give %s%s",
            cabref_outcome_name(a->declared), cabref_outcome_name(a->result.outcome),
            a->validity_unchecked ? " (or invalid, if the unstated quorum was not met)" : "");
  return CABREF_OK;
}

/* The recomputed outcome's name; "indeterminate" when the validity could not be checked
 * (TALLY-AUDIT-QUORUM). */
static const char *audit_outcome_name(const cabref_audit *a) {
  return a->validity_unchecked ? "indeterminate" : cabref_outcome_name(a->result.outcome);
}

static json_t *findings_json(const cabref_audit *a, const char *severity) {
  json_t *arr = json_array();
  size_t i;
  for (i = 0; i < a->n_findings; i++) {
    const cabref_audit_finding *f = &a->findings[i];
    if (strcmp(f->severity, severity) == 0)
      json_array_append_new(arr, json_pack("{s:s, s:I, s:s}", "code", f->code, "line",
                                           (json_int_t)f->line, "message", f->message));
  }
  return arr;
}

static json_t *codes_json(const cabref_audit *a, const char *severity) {
  json_t *arr = json_array();
  size_t i, j;
  for (i = 0; i < a->n_findings; i++) {
    int dup = 0;
    if (strcmp(a->findings[i].severity, severity) != 0)
      continue;
    for (j = 0; j < i; j++)
      dup |= strcmp(a->findings[j].severity, severity) == 0 &&
             strcmp(a->findings[j].code, a->findings[i].code) == 0;
    if (!dup)
      json_array_append_new(arr, json_string(a->findings[i].code));
  }
  return arr;
}

json_t *cabref_audit_answer(json_t *input, json_int_t tc) {
  const char *text = json_string_value(json_object_get(input, "text"));
  cabref_audit *a;
  cabref_error err;
  json_t *resp;
  if (text == NULL)
    return json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", "error", "reason", "bad-input");
  a = malloc(sizeof *a);
  if (a == NULL)
    return NULL;
  if (cabref_audit_text(text, json_string_length(json_object_get(input, "text")), "input", a,
                        &err) != CABREF_OK) {
    resp = json_pack("{s:I, s:s, s:[s]}", "tcId", tc, "result", "error", "reason",
                     cabref_input_error_code(err.status));
  } else {
    resp = json_pack("{s:I, s:s, s:o, s:s, s:o}", "tcId", tc, "result",
                     cabref_audit_inconsistencies(a) ? "inconsistent" : "consistent", "reason",
                     codes_json(a, "inconsistency"), "outcome", audit_outcome_name(a), "warnings",
                     codes_json(a, "warning"));
  }
  free(a);
  return resp;
}

static void print_rule(const char *what, int computed, cabref_claim stated) {
  printf("  %s: %s (stated: %s)\n", what, computed ? "MET" : "NOT MET", claim_name(stated));
}

int cabref_cmd_audit(int argc, char **argv) {
  const char *path = NULL;
  int json = 0, i, rc;
  char *text, t1[21], t2[21];
  size_t len, k;
  cabref_error err;
  cabref_audit *a;
  for (i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--json") == 0)
      json = 1;
    else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      printf("usage: cabref tally audit FILE [--json]\n"
             "Recomputes a published results post (the Forum's format) and names each\n"
             "inconsistency with its line. '-' reads stdin.\n");
      return CABREF_EXIT_OK;
    } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
      fprintf(stderr, "usage: cabref tally audit FILE [--json]\n");
      return CABREF_EXIT_USAGE;
    } else if (path == NULL)
      path = argv[i];
    else {
      fprintf(stderr, "usage: cabref tally audit FILE [--json]\n");
      return CABREF_EXIT_USAGE;
    }
  }
  if (path == NULL) {
    fprintf(stderr, "usage: cabref tally audit FILE [--json]\n");
    return CABREF_EXIT_USAGE;
  }
  if (cabref_read_file(path, &text, &len, &err) != CABREF_OK) {
    if (json)
      cabref_print_error_json(stdout, &err);
    cabref_print_error(stderr, &err);
    return err.status == CABREF_E_IO ? CABREF_EXIT_IO : CABREF_EXIT_INPUT;
  }
  a = malloc(sizeof *a);
  if (a == NULL || cabref_audit_text(text, len, path, a, &err) != CABREF_OK) {
    if (a == NULL) {
      memset(&err, 0, sizeof err);
      err.status = CABREF_E_CAPACITY;
      snprintf(err.message, sizeof err.message, "out of memory");
    }
    if (json)
      cabref_print_error_json(stdout, &err);
    cabref_print_error(stderr, &err);
    free(a);
    free(text);
    return CABREF_EXIT_INPUT;
  }
  rc = cabref_audit_inconsistencies(a) ? CABREF_EXIT_FAILED : CABREF_EXIT_OK;
  if (json) {
    json_t *o = json_pack(
        "{s:s, s:s, s:s, s:s?, s:s, s:I, s:I, s:b, s:{s:I, s:I, s:I, s:b, s:b}, "
        "s:{s:I, s:I, s:I, s:b, s:b}, s:o, s:o, s:o}",
        "ballot", a->ballot, "bylaws", cabref_bylaws_name(a->version), "recomputed",
        audit_outcome_name(a), "declared",
        a->has_declared ? cabref_outcome_name(a->declared) : NULL, "result",
        rc ? "inconsistent" : "consistent", "quorum", (json_int_t)a->result.quorum, "participants",
        (json_int_t)a->result.counts.participants, "quorumMet", a->result.quorum_met, "issuer",
        "yes", (json_int_t)a->result.counts.issuer.yes, "no",
        (json_int_t)a->result.counts.issuer.no, "abstain",
        (json_int_t)a->result.counts.issuer.abstain, "thresholdMet", a->result.issuer_threshold_met,
        "hasYes", a->result.issuer_has_yes, "consumer", "yes",
        (json_int_t)a->result.counts.consumer.yes, "no", (json_int_t)a->result.counts.consumer.no,
        "abstain", (json_int_t)a->result.counts.consumer.abstain, "thresholdMet",
        a->result.consumer_threshold_met, "hasYes", a->result.consumer_has_yes, "reason",
        cabref_reasons_json(a->result.reasons), "inconsistencies",
        findings_json(a, "inconsistency"), "warnings", findings_json(a, "warning"));
    if (a->validity_unchecked) { /* TALLY-AUDIT-QUORUM: unknown, not met, not unmet */
      json_object_set_new(o, "quorum", json_null());
      json_object_set_new(o, "quorumMet", json_null());
      json_object_set_new(o, "outcomeIfQuorumMet",
                          json_string(cabref_outcome_name(a->result.outcome)));
    }
    json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', stdout);
    json_decref(o);
  } else {
    printf("Audit of ballot %s (%s), under Bylaws %s\n", a->ballot[0] ? a->ballot : "(unnamed)",
           path, cabref_bylaws_name(a->version));
    if (a->validity_unchecked)
      printf("Recomputed outcome: indeterminate (%s if the quorum was met, else invalid: the post "
             "states no quorum); declared: %s\n",
             cabref_outcome_name(a->result.outcome),
             a->has_declared ? cabref_outcome_name(a->declared) : "(none)");
    else
      printf("Recomputed outcome: %s; declared: %s\n", cabref_outcome_name(a->result.outcome),
             a->has_declared ? cabref_outcome_name(a->declared) : "(none)");
    printf("  Issuers: %u yes, %u no, %u abstain\n", a->result.counts.issuer.yes,
           a->result.counts.issuer.no, a->result.counts.issuer.abstain);
    printf("  Consumers: %u yes, %u no, %u abstain\n", a->result.counts.consumer.yes,
           a->result.counts.consumer.no, a->result.counts.consumer.abstain);
    print_rule("Issuers two-thirds or more in favour", a->result.issuer_threshold_met,
               a->claim_issuer);
    print_rule("Consumers 50% plus one in favour", a->result.consumer_threshold_met,
               a->claim_consumer);
    print_rule("At least one yes in each category",
               a->result.issuer_has_yes && a->result.consumer_has_yes, a->claim_yes_each);
    if (a->has_quorum)
      printf("  Quorum: %u participated, quorum %u: %s (stated: %s)\n",
             a->result.counts.participants, a->quorum, a->result.quorum_met ? "MET" : "NOT MET",
             claim_name(a->claim_quorum));
    else if (a->validity_unchecked)
      printf("  Quorum: %u participated, no quorum figure stated: NOT CHECKED\n",
             a->result.counts.participants);
    if (a->has_voting == 3) {
      cabref_format_instant(a->voting_start, t1);
      cabref_format_instant(a->voting_end, t2);
      printf("  Voting period: %s to %s: %s\n", t1, t2,
             (a->period_reasons & CABREF_R_VOTING_PERIOD_LENGTH) ? "NOT 7 days"
                                                                 : "exactly 7 days: MET");
    }
    if (a->has_discussion == 3) {
      cabref_format_instant(a->disc_start, t1);
      cabref_format_instant(a->disc_end, t2);
      printf("  Discussion period: %s to %s: %s\n", t1, t2,
             (a->period_reasons & ~CABREF_R_VOTING_PERIOD_LENGTH) ? "rules BROKEN" : "rules MET");
    }
    if (a->has_review == 3) {
      cabref_format_instant(a->review_start, t1);
      cabref_format_instant(a->review_end, t2);
      printf("  Review Period: %s to %s (%lld days)\n", t1, t2,
             (long long)((a->review_end - a->review_start) / CABREF_DAY));
    }
    for (k = 0; k < a->n_findings; k++) {
      const cabref_audit_finding *f = &a->findings[k];
      if (f->line)
        printf("%s:%lu: %s [%s]: %s\n", path, f->line, f->severity, f->code, f->message);
      else
        printf("%s: %s [%s]: %s\n", path, f->severity, f->code, f->message);
    }
    printf("%s: %zu inconsistencies, %zu warnings\n", path, cabref_audit_inconsistencies(a),
           a->n_findings - cabref_audit_inconsistencies(a));
  }
  free(a);
  free(text);
  return rc;
}
