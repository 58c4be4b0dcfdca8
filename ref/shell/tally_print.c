/* cabref shell: prints a tally, for people and as JSON. What is printed is what the core said;
 * the clause citations follow the numbering of the rule set used (spec/tally.md). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "shell.h"

cabref_status cabref_read_file(const char *path, char **out, size_t *len, cabref_error *err) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  char *buf = NULL;
  size_t cap = 0, n = 0;
  memset(err, 0, sizeof *err);
  snprintf(err->file, sizeof err->file, "%s", path);
  if (f == NULL) {
    err->status = CABREF_E_IO;
    snprintf(err->message, sizeof err->message, "cannot open: %s", strerror(errno));
    return CABREF_E_IO;
  }
  for (;;) {
    if (n + 65536 + 1 > cap) {
      size_t ncap = cap ? cap * 2 : 65536 * 2;
      char *nb;
      if (ncap > CABREF_MAX_FILE + 65536 + 1)
        ncap = CABREF_MAX_FILE + 65536 + 1;
      if (ncap <= cap || (nb = realloc(buf, ncap)) == NULL) {
        free(buf);
        if (f != stdin)
          fclose(f);
        err->status = CABREF_E_TOO_LONG;
        snprintf(err->message, sizeof err->message, "file larger than 256 MiB");
        return CABREF_E_TOO_LONG;
      }
      buf = nb;
      cap = ncap;
    }
    size_t got = fread(buf + n, 1, 65536, f);
    n += got;
    if (n > CABREF_MAX_FILE) {
      free(buf);
      if (f != stdin)
        fclose(f);
      err->status = CABREF_E_TOO_LONG;
      snprintf(err->message, sizeof err->message, "file larger than 256 MiB");
      return CABREF_E_TOO_LONG;
    }
    if (got < 65536) {
      if (ferror(f)) {
        free(buf);
        if (f != stdin)
          fclose(f);
        err->status = CABREF_E_IO;
        snprintf(err->message, sizeof err->message, "read error: %s", strerror(errno));
        return CABREF_E_IO;
      }
      break;
    }
  }
  if (f != stdin)
    fclose(f);
  buf[n] = '\0';
  *out = buf;
  *len = n;
  return CABREF_OK;
}

void cabref_print_error(FILE *f, const cabref_error *err) {
  if (err->line > 0 && err->column > 0)
    fprintf(f, "%s:%lu:%lu: error: %s [%s]\n", err->file, err->line, err->column, err->message,
            cabref_status_code(err->status));
  else if (err->line > 0)
    fprintf(f, "%s:%lu: error: %s [%s]\n", err->file, err->line, err->message,
            cabref_status_code(err->status));
  else
    fprintf(f, "%s: error: %s [%s]\n", err->file, err->message, cabref_status_code(err->status));
}

/* With --json every failure prints one JSON error object on stdout too (issue 15: an I/O error
 * printed nothing there). */
void cabref_print_error_json(FILE *f, const cabref_error *err) {
  json_t *o = cabref_error_json(err);
  if (o != NULL) {
    json_dumpf(o, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', f);
    json_decref(o);
  } else {
    fprintf(f, "{\"result\": \"error\"}\n"); /* out of memory: still one JSON object */
  }
}

json_t *cabref_error_json(const cabref_error *err) {
  return json_pack("{s:s, s:[s], s:s, s:s, s:I, s:I, s:s}", "result", "error", "reason",
                   cabref_input_error_code(err->status), "status", cabref_status_code(err->status),
                   "file", err->file, "line", (json_int_t)err->line, "column",
                   (json_int_t)err->column, "message", err->message);
}

json_t *cabref_reasons_json(uint32_t reasons) {
  json_t *a = json_array();
  unsigned i;
  for (i = 0; i < CABREF_R_COUNT; i++) {
    if (reasons & (1u << i))
      json_array_append_new(a, json_string(cabref_reason_code(1u << i)));
  }
  return a;
}

static json_t *category_json(const cabref_category_count *c, int met, int has_yes) {
  return json_pack("{s:I, s:I, s:I, s:b, s:b}", "yes", (json_int_t)c->yes, "no", (json_int_t)c->no,
                   "abstain", (json_int_t)c->abstain, "thresholdMet", met, "hasYes", has_yes);
}

json_t *cabref_tally_json(const cabref_ballot *b, const cabref_tally_run *run) {
  const cabref_tally_result *r = &run->result;
  char t[21];
  size_t i;
  json_t *o = json_object();
  json_t *votes = json_array();
  json_object_set_new(o, "ballot", json_string(b->ballot));
  json_object_set_new(o, "bylaws", json_string(cabref_bylaws_name(run->rules.version)));
  json_object_set_new(o, "consumerRule",
                      json_string(cabref_consumer_rule_name(run->consumer_rule)));
  json_object_set_new(o, "result", json_string(cabref_outcome_name(r->outcome)));
  json_object_set_new(o, "reason", cabref_reasons_json(r->reasons));
  json_object_set_new(o, "quorum", json_integer((json_int_t)r->quorum));
  json_object_set_new(o, "participants", json_integer((json_int_t)r->counts.participants));
  json_object_set_new(o, "quorumMet", json_boolean(r->quorum_met));
  {
    json_t *w = json_array();
    if (run->quorum_disagrees)
      json_array_append_new(w, json_pack("{s:s, s:I, s:I, s:[I, I, I]}", "code",
                                         "quorum-attendance-mismatch", "quorum",
                                         (json_int_t)b->quorum, "quorumFromAttendance",
                                         (json_int_t)run->quorum_from_attendance, "attendance",
                                         (json_int_t)b->attendance[0], (json_int_t)b->attendance[1],
                                         (json_int_t)b->attendance[2]));
    json_object_set_new(o, "warnings", w);
  }
  json_object_set_new(o, "issuer",
                      category_json(&r->counts.issuer, r->issuer_threshold_met, r->issuer_has_yes));
  json_object_set_new(
      o, "consumer",
      category_json(&r->counts.consumer, r->consumer_threshold_met, r->consumer_has_yes));
  json_object_set_new(o, "round", json_string(b->second_vote ? "second" : "initial"));
  if (run->has_withdrawal) {
    cabref_format_instant(b->withdrawn_at, t);
    json_object_set_new(o, "withdrawal",
                        json_pack("{s:s, s:s, s:b}", "time", t, "effect",
                                  cabref_withdrawal_name(run->withdrawal), "takesEffect",
                                  r->outcome == CABREF_OUTCOME_WITHDRAWN));
  }
  if (run->has_review_result) {
    cabref_format_instant(run->review.review_end, t);
    json_object_set_new(o, "reviewEnd", json_string(t));
    json_object_set_new(o, "rescinded", json_boolean(run->review.rescinded));
    if (r->outcome == CABREF_OUTCOME_PASSED) {
      cabref_format_instant(run->review.effective, t);
      json_object_set_new(o, "effective", json_string(t));
    }
  }
  for (i = 0; i < b->n_msgs; i++) {
    const cabref_message *m = &b->msgs[i];
    cabref_format_instant(m->at, t);
    json_array_append_new(
        votes,
        json_pack("{s:s, s:s, s:s, s:s, s:s, s:I}", "member", b->roll_names[m->member].name,
                  "category", cabref_category_name((cabref_category)b->roll[m->member].category),
                  "time", t, "vote", cabref_vote_name((cabref_vote)m->vote), "fate",
                  cabref_fate_name((cabref_message_fate)run->fate[i]), "line",
                  (json_int_t)b->msg_lines[i]));
  }
  json_object_set_new(o, "votes", votes);
  return o;
}

/* The clause that states a rule, in the numbering of the rule set used. */
static void cite(char *out, size_t n, cabref_rules_version v, int item) {
  /* item: 6 = thresholds, 7 = quorum, 4 = voting period, 3 = discussion */
  static const char letters[] = "???cdefg";
  /* Before the Bylaws: the 2007 voting rules, as amended by Ballot 4 (the thresholds) and
   * Ballot 5 (the quorum); a rule cites the text in force under the rule set, never the ballot
   * that later replaced it. */
  if (v == CABREF_RULES_PRE_BALLOT_4)
    snprintf(out, n, "%s",
             item == 6   ? "2007 voting rules, before Ballot 4"
             : item == 7 ? "2007 voting rules, clause 7"
                         : "ballot text");
  else if (v <= CABREF_RULES_BALLOT_5)
    snprintf(out, n, "%s",
             item == 7   ? (v == CABREF_RULES_BALLOT_5 ? "Ballot 5" : "2007 voting rules, clause 7")
             : item == 6 ? "Ballot 4"
                         : "ballot text");
  else if (v <= CABREF_BYLAWS_1_6)
    snprintf(out, n, "Bylaws %s §2.2(%c)", cabref_bylaws_name(v), letters[item < 8 ? item : 0]);
  else if (v <= CABREF_BYLAWS_2_1)
    snprintf(out, n, "Bylaws %s §2.3(%c)", cabref_bylaws_name(v), letters[item < 8 ? item : 0]);
  else
    snprintf(out, n, "Bylaws %s §2.3(%d)", cabref_bylaws_name(v), item);
}

static const char *met(int b) {
  return b ? "MET" : "NOT MET";
}

void cabref_tally_print(FILE *f, const cabref_ballot *b, const cabref_tally_run *run) {
  const cabref_tally_result *r = &run->result;
  cabref_rules_version v = run->rules.version;
  char c6[64], c7[64], c4[64], t[21];
  unsigned i;
  size_t k, ignored = 0;
  cite(c6, sizeof c6, v, 6);
  cite(c7, sizeof c7, v, 7);
  cite(c4, sizeof c4, v, 4);
  fprintf(f, "Ballot %s, tallied under %s%s (consumer rule: %s)\n",
          b->ballot[0] ? b->ballot : "(unnamed)", v <= CABREF_RULES_BALLOT_5 ? "rules " : "Bylaws ",
          cabref_bylaws_name(v), cabref_consumer_rule_name(run->consumer_rule));
  fprintf(f, "Outcome: %s", cabref_outcome_name(r->outcome));
  for (i = 0; i < CABREF_R_COUNT; i++) {
    if (r->reasons & (1u << i))
      fprintf(f, "%s%s", (r->reasons & ((1u << i) - 1)) ? ", " : " (", cabref_reason_code(1u << i));
  }
  fprintf(f, "%s\n", r->reasons ? ")" : "");
  if (r->quorum == 0)
    fprintf(f, "  Quorum: no quorum rule under this rule set; %u participated\n",
            r->counts.participants);
  else
    fprintf(f, "  Quorum (%s): %u participated, %u required: %s\n", c7, r->counts.participants,
            r->quorum, met(r->quorum_met));
  if (run->quorum_disagrees)
    fprintf(f,
            "  Warning [quorum-attendance-mismatch]: the quorum given is %u, but the attendance "
            "given (%u, %u, %u) makes it %u; the quorum given is used\n",
            b->quorum, b->attendance[0], b->attendance[1], b->attendance[2],
            run->quorum_from_attendance);
  fprintf(f, "  Issuers: %u yes, %u no, %u abstain: two-thirds rule %s", r->counts.issuer.yes,
          r->counts.issuer.no, r->counts.issuer.abstain, met(r->issuer_threshold_met));
  if (run->rules.yes_each)
    fprintf(f, "; at least one yes %s", met(r->issuer_has_yes));
  fprintf(f, " (%s)\n", c6);
  fprintf(f, "  Consumers: %u yes, %u no, %u abstain: %s rule %s", r->counts.consumer.yes,
          r->counts.consumer.no, r->counts.consumer.abstain,
          cabref_consumer_rule_name(run->consumer_rule), met(r->consumer_threshold_met));
  if (run->rules.yes_each)
    fprintf(f, "; at least one yes %s", met(r->consumer_has_yes));
  fprintf(f, " (%s)\n", c6);
  {
    uint32_t p =
        r->reasons & (CABREF_R_VOTING_PERIOD_LENGTH | CABREF_R_DISCUSSION_TOO_SHORT |
                      CABREF_R_DISCUSSION_TOO_LONG | CABREF_R_VOTING_BEFORE_DISCUSSION_END |
                      CABREF_R_QUIET_PERIOD | CABREF_R_AUTO_FAILED);
    cabref_format_instant(b->timeline.voting_start, t);
    fprintf(f, "  Voting period: from %s", t);
    cabref_format_instant(b->timeline.voting_end, t);
    fprintf(f, " to %s (%s, end %s)", t, c4, b->end_inclusive ? "included" : "excluded");
    if (!b->timeline.has_discussion)
      fprintf(f, "; discussion not given, its rules not checked");
    fprintf(f, "; period rules %s\n", p ? "BROKEN" : "met");
  }
  if (run->has_review_result) {
    cabref_format_instant(run->review.review_end, t);
    fprintf(f, "  Review Period (IPR Policy §4.1): %u days, ends %s; %s\n",
            b->kind == CABREF_BALLOT_NEW_GUIDELINE ? 60u : 30u, t,
            run->review.rescinded ? "an Exclusion Notice was filed: Initial Vote rescinded"
                                  : "no Exclusion Notice during it");
    if (r->outcome == CABREF_OUTCOME_PASSED) {
      cabref_format_instant(run->review.effective, t);
      fprintf(f, "  Effective: %s\n", t);
    }
  }
  if (b->second_vote)
    fprintf(f,
            "  Round: Second Vote after a Patent Advisory Group (Bylaws 1.5+ §2.3, 2.5 §2.4): "
            "no Review Period follows it%s\n",
            r->outcome == CABREF_OUTCOME_PASSED ? "; the ballot is approved" : "");
  if (run->has_withdrawal) {
    cabref_format_instant(b->withdrawn_at, t);
    switch (run->withdrawal) {
    case CABREF_WITHDRAWAL_BEFORE_VOTING:
      fprintf(f, "  Withdrawn by its proposer at %s, before voting started: no vote to tally\n", t);
      break;
    case CABREF_WITHDRAWAL_DURING_VOTING:
      fprintf(f, "  Withdrawn by its proposer at %s, during voting (Bylaws 2.5 §2.3(4))\n", t);
      break;
    case CABREF_WITHDRAWAL_NOT_ALLOWED:
      fprintf(f,
              "  Withdrawal at %s ignored: during voting, and rules before Bylaws 2.5 give no "
              "right to withdraw once voting has begun; the vote stands\n",
              t);
      break;
    case CABREF_WITHDRAWAL_AFTER_CLOSE:
      fprintf(f, "  Withdrawal at %s ignored: after the voting period closed; the vote stands\n",
              t);
      break;
    }
  }
  for (k = 0; k < b->n_msgs; k++) {
    if (run->fate[k] != CABREF_MSG_COUNTED) {
      const cabref_message *m = &b->msgs[k];
      if (ignored++ == 0)
        fprintf(f, "Not counted:\n");
      cabref_format_instant(m->at, t);
      fprintf(f, "  line %lu: %s (%s) %s at %s: %s\n", b->msg_lines[k],
              b->roll_names[m->member].name,
              cabref_category_name((cabref_category)b->roll[m->member].category),
              cabref_vote_name((cabref_vote)m->vote), t,
              cabref_fate_name((cabref_message_fate)run->fate[k]));
    }
  }
}

int cabref_tally_exit(const cabref_tally_run *run) {
  switch (run->result.outcome) {
  case CABREF_OUTCOME_PASSED:
    return CABREF_EXIT_OK;
  case CABREF_OUTCOME_FAILED:
    return CABREF_EXIT_FAILED;
  case CABREF_OUTCOME_INVALID:
    return CABREF_EXIT_INVALID;
  case CABREF_OUTCOME_RESCINDED:
    return CABREF_EXIT_RESCINDED;
  case CABREF_OUTCOME_WITHDRAWN:
    return CABREF_EXIT_WITHDRAWN;
  }
  return CABREF_EXIT_FAILED;
}
