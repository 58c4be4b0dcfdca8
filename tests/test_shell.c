/* Unit tests of the shell: the line-log parser, the JSON parser, the tally of parsed ballots and
 * the audit of a results post. Expected values are derived by hand from spec/tally.md and
 * spec/tally-formats.md. One line per failed check; the last line is "N passed, N failed".
 *
 * Usage: test_shell [SHARED_DIR]   (default: $CABREF_SHARED, else ../shared; the NS-007 post is
 * read from SHARED_DIR/sources/ballot-NS-007-results-2025.md)
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cabref/audit.h"
#include "cabref/ballot.h"

static unsigned long passed, failed;

static void check(int ok, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void check(int ok, const char *name, const char *fmt, ...) {
  if (ok) {
    passed++;
    return;
  }
  failed++;
  printf("FAIL %s: ", name);
  va_list ap;
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  printf("\n");
}

/* 2025-01-10T00:00:00Z and friends, computed by hand: 20098 days after 1970-01-01. */
#define T_2025_01_10 ((cabref_instant)1736467200)
#define T_2025_01_17 (T_2025_01_10 + 7 * CABREF_DAY)
/* 2025-01-23T17:00:00Z: 20111 days + 17 h. */
#define T_2025_01_23_17 ((cabref_instant)1737651600)

/* A valid header of three lines; the line under test is line 4. */
#define H "bylaws 2.5\nquorum 1\nvoting 2025-01-10T00:00:00Z 2025-01-17T00:00:00Z\n"
#define VOTE "vote 2025-01-11T00:00:00Z "

/* ---- line log: errors ----------------------------------------------------------------- */

static void lines_err_n(const char *name, const char *text, size_t len, cabref_status want,
                        unsigned long line, unsigned long col) {
  cabref_ballot *b = malloc(sizeof *b);
  cabref_error err;
  cabref_status st;
  if (b == NULL)
    abort();
  cabref_ballot_init(b);
  memset(&err, 0x55, sizeof err);
  st = cabref_ballot_parse_lines(text, len, "t.log", b, &err);
  check(st == want && err.status == want, name, "status %d (err.status %d), expected %d", (int)st,
        (int)err.status, (int)want);
  check(err.line == line && err.column == col, name, "at %lu:%lu, expected %lu:%lu", err.line,
        err.column, line, col);
  check(strcmp(err.file, "t.log") == 0, name, "file \"%.40s\"", err.file);
  check(err.message[0] != '\0', name, "empty message");
  cabref_ballot_free(b);
  free(b);
}

static void lines_err(const char *name, const char *text, cabref_status want, unsigned long line,
                      unsigned long col) {
  lines_err_n(name, text, strlen(text), want, line, col);
}

/* TALLY-INPUT-COMPLETE: a log cut short is refused; a byte order mark is skipped. */
static void test_lines_complete(void) {
  cabref_ballot b;
  cabref_error err;
  cabref_status st;
  const char *bom = "\xEF\xBB\xBF" H VOTE "issuer yes public A\n";
  const char *ended = H VOTE "issuer yes public A\n" VOTE "issuer no public B\n"
                             "end 2\n# comments and blank lines may follow\n\n";
  const char *bad_json = "\xEF\xBB\xBF{\"bylaws\" 1}";
  const char *bom_json = "\xEF\xBB\xBF{\"bylaws\": \"2.5\", \"quorum\": 1, \"voting\": "
                         "{\"start\": \"2025-01-10T00:00:00Z\", \"end\": "
                         "\"2025-01-17T00:00:00Z\"}, \"votes\": []}";
  /* Cut in the middle of the last member's name: the line has no line feed. */
  lines_err("cut in the last line", H VOTE "issuer yes public A\n" VOTE "issuer no public Exam",
            CABREF_E_TRUNCATED, 5, 48); /* where the line feed should be */
  lines_err("cut after a comment", H "# the end", CABREF_E_TRUNCATED, 4, 10);
  lines_err("CR LF, cut", H VOTE "issuer yes public A\r\n" VOTE "issuer no pub", CABREF_E_TRUNCATED,
            5, 40);
  /* The closing line: the count of vote lines. */
  lines_err("end: one vote missing",
            H VOTE "issuer yes public A\n"
                   "end 2\n",
            CABREF_E_TRUNCATED, 5, 5);
  lines_err("end: a directive after it", H "end 0\n" VOTE "issuer yes public A\n", CABREF_E_SYNTAX,
            5, 1);
  lines_err("end: not a count", H "end two\n", CABREF_E_SYNTAX, 4, 5);
  lines_err("end: no count", H "end\n", CABREF_E_SYNTAX, 4, 1);
  cabref_ballot_init(&b);
  st = cabref_ballot_parse_lines(ended, strlen(ended), "t", &b, &err);
  check(st == CABREF_OK && b.n_msgs == 2, "end: matching count", "status %d, %zu votes", (int)st,
        b.n_msgs);
  cabref_ballot_free(&b);
  /* A byte order mark, then the log; in JSON too, and a JSON error keeps the file's columns. */
  cabref_ballot_init(&b);
  st = cabref_ballot_parse(bom, strlen(bom), "t", &b, &err);
  check(st == CABREF_OK && b.n_msgs == 1, "BOM: line log read", "status %d: %s", (int)st,
        err.message);
  cabref_ballot_free(&b);
  cabref_ballot_init(&b);
  st = cabref_ballot_parse(bom_json, strlen(bom_json), "t", &b, &err);
  check(st == CABREF_OK, "BOM: JSON ballot read as JSON", "status %d: %s", (int)st, err.message);
  cabref_ballot_free(&b);
  cabref_ballot_init(&b);
  st = cabref_ballot_parse(bad_json, strlen(bad_json), "t", &b, &err);
  check(st == CABREF_E_SYNTAX && err.line == 1 && err.column == 14, "BOM: JSON error column",
        "status %d at %lu:%lu", (int)st, err.line, err.column);
  cabref_ballot_free(&b);
  lines_err("BOM: a later error keeps file columns",
            "\xEF\xBB\xBF"
            "bylaws 9.9\n",
            CABREF_E_BYLAWS, 1, 11);
}

static void test_lines_errors(void) {
  /* Columns: "vote " is 1-5, the time 6-25, the category from 27, the vote after it. */
  lines_err("malformed count", H "attendance 1,x,3\n", CABREF_E_SYNTAX, 4, 14);
  lines_err("malformed vote", H VOTE "issuer maybe public A\n", CABREF_E_SYNTAX, 4, 34);
  lines_err("malformed arity", H "review\n", CABREF_E_SYNTAX, 4, 1);
  lines_err("unknown directive", H "votes 2025-01-11T00:00:00Z issuer yes public A\n",
            CABREF_E_SYNTAX, 4, 1);
  lines_err("unknown directive indented", H "\t  frobnicate x\n", CABREF_E_SYNTAX, 4, 4);
  lines_err("directive is case-sensitive", H "Vote 2025-01-11T00:00:00Z issuer yes public A\n",
            CABREF_E_SYNTAX, 4, 1);
  lines_err("unknown category", H VOTE "browser yes public A\n", CABREF_E_CATEGORY, 4, 27);
  lines_err("time without Z", H "vote 2025-01-11T00:00:00 issuer yes public A\n", CABREF_E_TIME, 4,
            6);
  lines_err("time lower-case z", H "vote 2025-01-11T00:00:00z issuer yes public A\n", CABREF_E_TIME,
            4, 6);
  lines_err("time lower-case t", H "vote 2025-01-11t00:00:00Z issuer yes public A\n", CABREF_E_TIME,
            4, 6);
  lines_err("time +00:00", H "vote 2025-01-11T00:00:00+00:00 issuer yes public A\n", CABREF_E_TIME,
            4, 6);
  lines_err("time fractional", H "vote 2025-01-11T00:00:00.5Z issuer yes public A\n", CABREF_E_TIME,
            4, 6);
  lines_err("time 2023-02-29", H "vote 2023-02-29T00:00:00Z issuer yes public A\n", CABREF_E_TIME,
            4, 6);
  lines_err("time hour 24", H "vote 2025-01-11T24:00:00Z issuer yes public A\n", CABREF_E_TIME, 4,
            6);
  lines_err("time second 60", H "vote 2025-01-11T23:59:60Z issuer yes public A\n", CABREF_E_TIME, 4,
            6);
  lines_err("time 31 April", H "vote 2025-04-31T00:00:00Z issuer yes public A\n", CABREF_E_TIME, 4,
            6);
  lines_err("time year 0", H "vote 0000-01-01T00:00:00Z issuer yes public A\n", CABREF_E_TIME, 4,
            6);
  lines_err("voting end time", "bylaws 2.5\nvoting 2025-01-10T00:00:00Z 2025-01-17T00:00:00\n",
            CABREF_E_TIME, 2, 29);
  lines_err("exclusion time", H "exclusion 2025-13-01T00:00:00Z\n", CABREF_E_TIME, 4, 11);
  {
    static const char nul[] = H VOTE "issuer yes public A\0B\n";
    /* "vote TIME issuer yes public A" is 45 bytes: the NUL is column 46. */
    lines_err_n("NUL in a line", nul, sizeof nul - 1, CABREF_E_NUL, 4, 46);
    static const char nul0[] = "\0bylaws 2.5\n";
    lines_err_n("NUL at the start", nul0, sizeof nul0 - 1, CABREF_E_NUL, 1, 1);
  }
  {
    /* A 10 MB line, built in memory: too long at the first byte past 4096. */
    size_t hl = strlen(H), n = 10u * 1024u * 1024u;
    char *big = malloc(hl + n + 1);
    if (big == NULL)
      abort();
    memcpy(big, H, hl);
    memset(big + hl, 'x', n);
    big[hl + n] = '\n';
    lines_err_n("10 MB line", big, hl + n + 1, CABREF_E_TOO_LONG, 4, 4097);
    /* The limit itself: a 4096-byte comment line is accepted, 4097 bytes is not. */
    big[hl] = '#';
    big[hl + 4096] = '\n';
    {
      cabref_ballot *b = malloc(sizeof *b);
      cabref_error err;
      if (b == NULL)
        abort();
      cabref_ballot_init(b);
      check(cabref_ballot_parse_lines(big, hl + 4097, "t.log", b, &err) == CABREF_OK,
            "4096-byte line", "rejected: %s", err.message);
      cabref_ballot_free(b);
      free(b);
    }
    big[hl + 4096] = 'x';
    big[hl + 4097] = '\n';
    lines_err_n("4097-byte line", big, hl + 4098, CABREF_E_TOO_LONG, 4, 4097);
    free(big);
  }
  lines_err("invalid UTF-8", H VOTE "issuer yes public A\xc3\x28\n", CABREF_E_ENCODING, 4, 46);
  lines_err("overlong UTF-8", H VOTE "issuer yes public \xc0\xaf\n", CABREF_E_ENCODING, 4, 45);
  lines_err("UTF-16 surrogate", H VOTE "issuer yes public \xed\xa0\x80\n", CABREF_E_ENCODING, 4,
            45);
  lines_err("truncated UTF-8 at end", H VOTE "issuer yes public A\xe6\x97", CABREF_E_ENCODING, 4,
            46);
  lines_err("control character", H "ballot a\x01z\n", CABREF_E_SYNTAX, 4, 9);
  lines_err("lone CR", H "ballot a\rb\n", CABREF_E_SYNTAX, 4, 9);
  lines_err("duplicate bylaws", H "bylaws 2.4\n", CABREF_E_DUPLICATE, 4, 1);
  lines_err("duplicate voting", H "voting 2025-01-10T00:00:00Z 2025-01-17T00:00:00Z\n",
            CABREF_E_DUPLICATE, 4, 1);
  lines_err("duplicate quorum", H "quorum 2\n", CABREF_E_DUPLICATE, 4, 1);
  lines_err("vote too few fields", H VOTE "issuer yes public\n", CABREF_E_SYNTAX, 4, 1);
  lines_err("vote no fields", H "vote\n", CABREF_E_SYNTAX, 4, 1);
  {
    char line[512];
    char name[202];
    memset(name, 'N', 201);
    name[201] = '\0';
    snprintf(line, sizeof line, H VOTE "issuer yes public %s\n", name);
    /* The member name starts at column 45. */
    lines_err("member name of 201 bytes", line, CABREF_E_TOO_LONG, 4, 45);
  }
  lines_err("member name with DEL",
            H VOTE "issuer yes public A\x7f"
                   "B\n",
            CABREF_E_SYNTAX, 4, 45);
  lines_err("inconsistent category",
            H VOTE "issuer yes public Apple\n" VOTE "consumer yes public apple \n",
            CABREF_E_INCONSISTENT, 5, 47);
  lines_err("inconsistent category, later line",
            H VOTE "issuer yes public Apple\n# c\n\n" VOTE "associate no public APPLE\n",
            CABREF_E_INCONSISTENT, 7, 47);
  lines_err("unknown bylaws", "bylaws 2.6\n", CABREF_E_BYLAWS, 1, 8);
  lines_err("unknown kind", H "kind guideline\n", CABREF_E_SYNTAX, 4, 6);
  lines_err("unknown boundary", H "boundary both\n", CABREF_E_SYNTAX, 4, 10);
  lines_err("unknown consumer rule", H "consumer-rule majority\n", CABREF_E_SYNTAX, 4, 15);
  lines_err("quorum negative", "quorum -1\n", CABREF_E_SYNTAX, 1, 8);
  lines_err("quorum above 2^31", "quorum 2147483649\n", CABREF_E_RANGE, 1, 8);
  lines_err("ballot name of 128 bytes",
            "ballot "
            "0123456789012345678901234567890123456789012345678901234567890123"
            "0123456789012345678901234567890123456789012345678901234567890123\n",
            CABREF_E_TOO_LONG, 1, 8);
  lines_err("discussion end before start", "discussion 2025-01-10T00:00:00Z 2025-01-09T00:00:00Z\n",
            CABREF_E_PERIOD, 1, 33);
  lines_err("voting end before start",
            "bylaws 2.5\nvoting 2025-01-17T00:00:00Z 2025-01-10T00:00:00Z\n", CABREF_E_PERIOD, 2,
            29);
  lines_err("voting end equals start",
            "bylaws 2.5\nvoting 2025-01-17T00:00:00Z 2025-01-17T00:00:00Z\n", CABREF_E_PERIOD, 2,
            29);
  {
    /* `list` after a vote: the votes were already matched against the default list. */
    cabref_ballot *b = malloc(sizeof *b);
    cabref_error err;
    const char *t = H VOTE "issuer yes public A\nlist servercert-wg\n";
    cabref_status st;
    if (b == NULL)
      abort();
    cabref_ballot_init(b);
    st = cabref_ballot_parse_lines(t, strlen(t), "t.log", b, &err);
    check(st != CABREF_OK && (st == CABREF_E_SYNTAX || st == CABREF_E_DUPLICATE),
          "list after a vote", "status %d", (int)st);
    check(err.line == 5 && err.column == 1, "list after a vote", "at %lu:%lu, expected 5:1",
          err.line, err.column);
    cabref_ballot_free(b);
    free(b);
  }
  lines_err("list twice", "list a\nlist b\n", CABREF_E_DUPLICATE, 2, 1);
  {
    /* Missing directives: no line names them, so no column; the message names the directive. */
    const char *cases[2][2] = {
        {"quorum 1\nvoting 2025-01-10T00:00:00Z 2025-01-17T00:00:00Z\n", "bylaws"},
        {"bylaws 2.5\nquorum 1\n# no voting\n", "voting"}};
    int k;
    for (k = 0; k < 2; k++) {
      cabref_ballot *b = malloc(sizeof *b);
      cabref_error err;
      cabref_status st;
      char name[64];
      if (b == NULL)
        abort();
      snprintf(name, sizeof name, "missing %s directive", cases[k][1]);
      cabref_ballot_init(b);
      st = cabref_ballot_parse_lines(cases[k][0], strlen(cases[k][0]), "t.log", b, &err);
      check(st == CABREF_E_SYNTAX && err.status == CABREF_E_SYNTAX, name, "status %d", (int)st);
      check(err.column == 0, name, "column %lu", err.column);
      check(strstr(err.message, cases[k][1]) != NULL, name, "message \"%s\"", err.message);
      cabref_ballot_free(b);
      free(b);
    }
  }
  {
    /* An attendance with four counts: the column names the offending (fourth) count or the comma
     * before it, within the field. "attendance 1,2,3,4": the field is columns 12-18. */
    cabref_ballot *b = malloc(sizeof *b);
    cabref_error err;
    const char *t = "attendance 1,2,3,4\n";
    if (b == NULL)
      abort();
    cabref_ballot_init(b);
    check(cabref_ballot_parse_lines(t, strlen(t), "t.log", b, &err) == CABREF_E_SYNTAX,
          "attendance with four counts", "status %d", (int)err.status);
    check(err.line == 1 && (err.column == 17 || err.column == 18),
          "attendance with four counts: column", "at %lu:%lu, expected 1:17 or 1:18", err.line,
          err.column);
    cabref_ballot_free(b);
    free(b);
  }
}

/* ---- JSON: errors --------------------------------------------------------------------- */

static void json_err(const char *name, const char *text, cabref_status want,
                     const char *path_in_message) {
  cabref_ballot *b = malloc(sizeof *b);
  cabref_error err;
  cabref_status st;
  if (b == NULL)
    abort();
  cabref_ballot_init(b);
  st = cabref_ballot_parse_json(text, strlen(text), "t.json", b, &err);
  check(st == want && err.status == want, name, "status %d, expected %d (%s)", (int)st, (int)want,
        err.message);
  check(strcmp(err.file, "t.json") == 0, name, "file \"%.40s\"", err.file);
  if (path_in_message != NULL)
    check(strstr(err.message, path_in_message) != NULL, name, "message \"%s\" lacks \"%s\"",
          err.message, path_in_message);
  check(err.message[0] != '\0', name, "empty message");
  cabref_ballot_free(b);
  free(b);
}

#define JV "\"voting\": {\"start\": \"2025-01-10T00:00:00Z\", \"end\": \"2025-01-17T00:00:00Z\"}"
#define JB "{\"bylaws\": \"2.5\", \"quorum\": 1, " JV ", "
#define JVOTE(extra)                                                                               \
  "{\"member\": \"A\", \"category\": \"issuer\", \"time\": \"2025-01-11T00:00:00Z\", "             \
  "\"vote\": \"yes\"" extra "}"

static void test_json_errors(void) {
  {
    /* Syntax error: the stray ']' is line 2, column 7. */
    cabref_ballot *b = malloc(sizeof *b);
    cabref_error err;
    const char *t = "{\"bylaws\": \"2.5\",\n \"x\": ]}";
    if (b == NULL)
      abort();
    cabref_ballot_init(b);
    check(cabref_ballot_parse_json(t, strlen(t), "t.json", b, &err) == CABREF_E_SYNTAX,
          "JSON syntax error", "status %d", (int)err.status);
    check(err.line == 2 && err.column == 7, "JSON syntax error position",
          "at %lu:%lu, expected 2:7", err.line, err.column);
    cabref_ballot_free(b);
    free(b);
  }
  {
    cabref_ballot *b = malloc(sizeof *b);
    cabref_error err;
    const char *t = "{\"bylaws\": \"2.5\",\n\n   \"bylaws\": \"2.4\"}";
    if (b == NULL)
      abort();
    cabref_ballot_init(b);
    check(cabref_ballot_parse_json(t, strlen(t), "t.json", b, &err) == CABREF_E_SYNTAX,
          "JSON duplicate key", "status %d", (int)err.status);
    check(err.line == 3, "JSON duplicate key line", "line %lu, expected 3", err.line);
    cabref_ballot_free(b);
    free(b);
  }
  json_err("JSON truncated", "{\"bylaws\": \"2.5\"", CABREF_E_SYNTAX, NULL);
  json_err("JSON empty", "", CABREF_E_SYNTAX, NULL);
  json_err("JSON not an object", "[1, 2]", CABREF_E_SYNTAX, NULL);
  json_err("JSON unknown key", JB "\"votes\": [], \"votez\": []}", CABREF_E_SYNTAX, "$.votez");
  json_err("JSON unknown key in a vote", JB "\"votes\": [" JVOTE(", \"weight\": 2") "]}",
           CABREF_E_SYNTAX, "weight");
  json_err("JSON unknown key in voting",
           "{\"bylaws\": \"2.5\", \"voting\": {\"start\": \"2025-01-10T00:00:00Z\", \"end\": "
           "\"2025-01-17T00:00:00Z\", \"stop\": 1}, \"votes\": []}",
           CABREF_E_SYNTAX, "stop");
  json_err("JSON quorum as string",
           "{\"bylaws\": \"2.5\", \"quorum\": \"6\", " JV ", \"votes\": []}", CABREF_E_SYNTAX,
           "$.quorum");
  json_err("JSON quorum fractional",
           "{\"bylaws\": \"2.5\", \"quorum\": 1.5, " JV ", \"votes\": []}", CABREF_E_SYNTAX,
           "$.quorum");
  json_err("JSON quorum negative", "{\"bylaws\": \"2.5\", \"quorum\": -1, " JV ", \"votes\": []}",
           CABREF_E_RANGE, "$.quorum");
  json_err("JSON quorum above 2^31",
           "{\"bylaws\": \"2.5\", \"quorum\": 2147483649, " JV ", \"votes\": []}", CABREF_E_RANGE,
           "$.quorum");
  json_err("JSON attendance of two",
           "{\"bylaws\": \"2.5\", \"attendance\": [1, 2], " JV ", \"votes\": []}", CABREF_E_SYNTAX,
           "$.attendance");
  json_err("JSON attendance with a string",
           "{\"bylaws\": \"2.5\", \"attendance\": [1, \"2\", 3], " JV ", \"votes\": []}",
           CABREF_E_SYNTAX, "$.attendance[1]");
  json_err("JSON votes not an array", JB "\"votes\": {}}", CABREF_E_SYNTAX, "$.votes");
  json_err("JSON votes missing", JB "\"ballot\": \"x\"}", CABREF_E_SYNTAX, "$.votes");
  json_err("JSON vote not an object", JB "\"votes\": [1]}", CABREF_E_SYNTAX, "$.votes[0]");
  json_err("JSON member as number",
           JB "\"votes\": [{\"member\": 5, \"category\": \"issuer\", \"time\": "
              "\"2025-01-11T00:00:00Z\", \"vote\": \"yes\"}]}",
           CABREF_E_SYNTAX, "$.votes[0]");
  json_err("JSON representative as string",
           JB "\"votes\": [" JVOTE(", \"representative\": \"no\"") "]}", CABREF_E_SYNTAX,
           "$.votes[0]");
  json_err("JSON bylaws as number", "{\"bylaws\": 2.5, " JV ", \"votes\": []}", CABREF_E_SYNTAX,
           "$.bylaws");
  json_err("JSON bylaws missing", "{" JV ", \"votes\": []}", CABREF_E_SYNTAX, "$.bylaws");
  json_err("JSON voting missing", "{\"bylaws\": \"2.5\", \"votes\": []}", CABREF_E_SYNTAX,
           "$.voting");
  json_err("JSON unknown bylaws", "{\"bylaws\": \"2.6\", " JV ", \"votes\": []}", CABREF_E_BYLAWS,
           "$.bylaws");
  json_err("JSON unknown bylaws, blank", "{\"bylaws\": \"2.5 \", " JV ", \"votes\": []}",
           CABREF_E_BYLAWS, "$.bylaws");
  json_err("JSON unknown bylaws, case", "{\"bylaws\": \"Ballot-4\", " JV ", \"votes\": []}",
           CABREF_E_BYLAWS, "$.bylaws");
  json_err("JSON voting start lower-case z",
           "{\"bylaws\": \"2.5\", \"voting\": {\"start\": \"2025-01-10T00:00:00z\", \"end\": "
           "\"2025-01-17T00:00:00Z\"}, \"votes\": []}",
           CABREF_E_TIME, "$.voting.start");
  json_err("JSON voting end with offset",
           "{\"bylaws\": \"2.5\", \"voting\": {\"start\": \"2025-01-10T00:00:00Z\", \"end\": "
           "\"2025-01-17T00:00:00+00:00\"}, \"votes\": []}",
           CABREF_E_TIME, "$.voting.end");
  json_err("JSON instant as number",
           "{\"bylaws\": \"2.5\", \"voting\": {\"start\": 1736467200, \"end\": "
           "\"2025-01-17T00:00:00Z\"}, \"votes\": []}",
           CABREF_E_TIME, "$.voting.start");
  json_err("JSON vote time 2023-02-29",
           JB "\"votes\": [{\"member\": \"A\", \"category\": \"issuer\", \"time\": "
              "\"2023-02-29T00:00:00Z\", \"vote\": \"yes\"}]}",
           CABREF_E_TIME, "$.votes[0]");
  json_err("JSON vote time fractional",
           JB "\"votes\": [{\"member\": \"A\", \"category\": \"issuer\", \"time\": "
              "\"2025-01-11T00:00:00.000Z\", \"vote\": \"yes\"}]}",
           CABREF_E_TIME, "$.votes[0]");
  json_err("JSON discussion start missing",
           "{\"bylaws\": \"2.5\", \"discussion\": {\"end\": \"2025-01-09T00:00:00Z\"}, " JV
           ", \"votes\": []}",
           CABREF_E_SYNTAX, "$.discussion.start");
  json_err("JSON exclusion notice not an instant",
           "{\"bylaws\": \"2.5\", \"review\": {\"start\": \"2025-02-01T00:00:00Z\", "
           "\"exclusionNotices\": [\"2025-02-02T00:00:00Z\", \"2025-02-30T00:00:00Z\"]}, " JV
           ", \"votes\": []}",
           CABREF_E_TIME, "exclusionNotices[1]");
  json_err("JSON unknown category",
           JB "\"votes\": [{\"member\": \"A\", \"category\": \"browser\", \"time\": "
              "\"2025-01-11T00:00:00Z\", \"vote\": \"yes\"}]}",
           CABREF_E_CATEGORY, "$.votes[0]");
  json_err("JSON unknown vote",
           JB "\"votes\": [{\"member\": \"A\", \"category\": \"issuer\", \"time\": "
              "\"2025-01-11T00:00:00Z\", \"vote\": \"Yes\"}]}",
           CABREF_E_SYNTAX, "$.votes[0]");
  json_err("JSON inconsistent category",
           JB "\"votes\": [" JVOTE("") ", {\"member\": \" a \", \"category\": \"consumer\", "
                                       "\"time\": \"2025-01-11T00:00:00Z\", \"vote\": \"yes\"}]}",
           CABREF_E_INCONSISTENT, "$.votes[1]");
  json_err("JSON voting end before start",
           "{\"bylaws\": \"2.5\", \"voting\": {\"start\": \"2025-01-17T00:00:00Z\", \"end\": "
           "\"2025-01-10T00:00:00Z\"}, \"votes\": []}",
           CABREF_E_PERIOD, "$.voting");
  json_err("JSON empty member",
           JB "\"votes\": [{\"member\": \"  \", \"category\": \"issuer\", "
              "\"time\": \"2025-01-11T00:00:00Z\", \"vote\": \"yes\"}]}",
           CABREF_E_SYNTAX, "$.votes[0]");
  {
    static const char nul[] = "{\"bylaws\": \"2.5\"\0}";
    cabref_ballot *b = malloc(sizeof *b);
    cabref_error err;
    if (b == NULL)
      abort();
    cabref_ballot_init(b);
    check(cabref_ballot_parse_json(nul, sizeof nul - 1, "t.json", b, &err) == CABREF_E_NUL,
          "JSON raw NUL byte", "status %d", (int)err.status);
    cabref_ballot_free(b);
    free(b);
  }
}

/* ---- successful parses ---------------------------------------------------------------- */

static void test_lines_parse(void) {
  const char *t = "# a log\n"
                  "ballot NS-T1\n"
                  "bylaws 2.5\n"
                  "kind maintenance-guideline\n"
                  "list servercert-wg\n"
                  "discussion 2025-01-16T04:00:00Z\n"
                  "voting 2025-01-23T17:00:00Z   2025-01-30T17:00:00Z\r\n"
                  "attendance 12,12,11\n"
                  "\n"
                  "vote 2025-01-24T10:00:00Z consumer yes servercert-wg Apple Inc.\n"
                  "vote\t2025-01-24T11:00:00Z\tconsumer  no   public\tapple inc.  \n"
                  "vote 2025-01-24T12:00:00Z consumer yes servercert-wg+nonrep APPLE INC.\n"
                  "vote 2025-01-24T13:00:00Z issuer abstain servercert-wg Example CA\n"
                  "review 2025-02-05T01:00:00Z\n"
                  "exclusion 2025-02-10T00:00:00Z\n"
                  "exclusion 2025-03-10T00:00:00Z\n";
  cabref_ballot *b = malloc(sizeof *b);
  cabref_error err;
  cabref_status st;
  if (b == NULL)
    abort();
  cabref_ballot_init(b);
  st = cabref_ballot_parse_lines(t, strlen(t), "t.log", b, &err);
  check(st == CABREF_OK, "lines parse", "status %d: %s", (int)st, err.message);
  if (st == CABREF_OK) {
    check(strcmp(b->ballot, "NS-T1") == 0, "lines ballot name", "\"%s\"", b->ballot);
    check(b->has_version && !b->version_auto && b->version == CABREF_BYLAWS_2_5, "lines bylaws",
          "version %d", (int)b->version);
    check(b->kind == CABREF_BALLOT_MAINTENANCE_GUIDELINE, "lines kind", "%d", (int)b->kind);
    check(strcmp(b->list, "servercert-wg") == 0, "lines list", "\"%s\"", b->list);
    check(b->timeline.has_discussion && !b->has_discussion_end, "lines discussion", "flags");
    check(b->timeline.voting_start == T_2025_01_23_17 &&
              b->timeline.voting_end == T_2025_01_23_17 + CABREF_WEEK,
          "lines voting instants", "%lld %lld", (long long)b->timeline.voting_start,
          (long long)b->timeline.voting_end);
    /* TALLY-PERIOD-OPTIONAL: the last version defaults to the discussion start,
     * 2025-01-16T04:00:00Z = 2025-01-23T17:00:00Z - 7 days 13 hours. */
    check(!b->has_last_version &&
              b->timeline.last_version == T_2025_01_23_17 - 7 * CABREF_DAY - 13 * 3600 &&
              b->timeline.last_version == b->timeline.discussion_start,
          "lines last version defaults to discussion start", "%lld",
          (long long)b->timeline.last_version);
    check(b->has_attendance && b->attendance[0] == 12 && b->attendance[1] == 12 &&
              b->attendance[2] == 11 && !b->has_quorum,
          "lines attendance", "%u %u %u", b->attendance[0], b->attendance[1], b->attendance[2]);
    check(b->has_review && b->review_start == T_2025_01_23_17 + 12 * CABREF_DAY + 8 * 3600,
          "lines review", "%lld", (long long)b->review_start);
    check(b->n_exclusions == 2, "lines exclusions", "%zu", b->n_exclusions);
    /* TALLY-VOTE-ONE: one member for the three spellings of Apple Inc. */
    check(b->n_members == 2, "lines member dedup", "%zu members", b->n_members);
    check(b->n_msgs == 4, "lines messages", "%zu", b->n_msgs);
    if (b->n_members == 2 && b->n_msgs == 4) {
      check(strcmp(b->roll_names[0].name, "Apple Inc.") == 0, "lines first spelling kept", "\"%s\"",
            b->roll_names[0].name);
      check(strcmp(b->roll_names[1].name, "Example CA") == 0, "lines member name", "\"%s\"",
            b->roll_names[1].name);
      check(b->roll[0].category == CABREF_CAT_CONSUMER && b->roll[1].category == CABREF_CAT_ISSUER,
            "lines categories", "%d %d", b->roll[0].category, b->roll[1].category);
      check(b->msgs[0].member == 0 && b->msgs[1].member == 0 && b->msgs[2].member == 0 &&
                b->msgs[3].member == 1,
            "lines message members", "mismatch");
      check(b->msgs[0].on_list == 1 && b->msgs[0].from_rep == 1, "lines on list, rep",
            "on_list %d from_rep %d", b->msgs[0].on_list, b->msgs[0].from_rep);
      check(b->msgs[1].on_list == 0 && b->msgs[1].from_rep == 1, "lines other list",
            "on_list %d from_rep %d", b->msgs[1].on_list, b->msgs[1].from_rep);
      check(b->msgs[2].on_list == 1 && b->msgs[2].from_rep == 0, "lines +nonrep",
            "on_list %d from_rep %d", b->msgs[2].on_list, b->msgs[2].from_rep);
      check(b->msgs[0].vote == CABREF_VOTE_YES && b->msgs[1].vote == CABREF_VOTE_NO &&
                b->msgs[3].vote == CABREF_VOTE_ABSTAIN,
            "lines votes", "mismatch");
      check(b->msgs[1].at == T_2025_01_23_17 + 18 * 3600, "lines vote instant", "%lld",
            (long long)b->msgs[1].at);
      check(b->msg_lines[0] == 10 && b->msg_lines[1] == 11 && b->msg_lines[3] == 13,
            "lines source lines", "%lu %lu %lu", b->msg_lines[0], b->msg_lines[1], b->msg_lines[3]);
    }
  }
  cabref_ballot_free(b);
  /* An explicit last-version is kept; a file without a final newline is complete. */
  {
    const char *t2 = "bylaws auto\nquorum 0\ndiscussion 2025-01-01T00:00:00Z "
                     "2025-01-08T00:00:00Z\nlast-version 2025-01-02T00:00:00Z\nvoting "
                     "2025-01-10T00:00:00Z 2025-01-17T00:00:00Z\n";
    cabref_ballot_init(b);
    st = cabref_ballot_parse_lines(t2, strlen(t2), "t.log", b, &err);
    check(st == CABREF_OK, "lines parse 2", "status %d: %s", (int)st, err.message);
    check(b->has_last_version && b->timeline.last_version == T_2025_01_10 - 8 * CABREF_DAY,
          "lines explicit last version", "%lld", (long long)b->timeline.last_version);
    check(b->has_discussion_end && b->timeline.discussion_end == T_2025_01_10 - 2 * CABREF_DAY,
          "lines discussion end", "%lld", (long long)b->timeline.discussion_end);
    check(b->version_auto == 1, "lines bylaws auto", "%d", b->version_auto);
    check(b->has_quorum && b->quorum == 0, "lines quorum 0", "%u", b->quorum);
    check(b->n_members == 0 && b->n_msgs == 0, "lines no votes", "%zu", b->n_msgs);
    cabref_ballot_free(b);
  }
  {
    /* A name of exactly 200 bytes is accepted. */
    char line[512], name[201];
    memset(name, 'n', 200);
    name[200] = '\0';
    snprintf(line, sizeof line, H VOTE "issuer yes public %s\n", name);
    cabref_ballot_init(b);
    st = cabref_ballot_parse_lines(line, strlen(line), "t.log", b, &err);
    check(st == CABREF_OK && b->n_members == 1 && strlen(b->roll_names[0].name) == 200,
          "lines member name of 200 bytes", "status %d", (int)st);
    cabref_ballot_free(b);
  }
  free(b);
}

static void test_json_parse(void) {
  const char *t =
      "{\"ballot\": \"J1\", \"bylaws\": \"1.8\", \"kind\": \"new-guideline\", \"list\": \"cwg\",\n"
      " \"discussion\": {\"start\": \"2025-01-01T00:00:00Z\", \"end\": \"2025-01-08T00:00:00Z\"},\n"
      " \"voting\": {\"start\": \"2025-01-10T00:00:00Z\", \"end\": \"2025-01-17T00:00:00Z\"},\n"
      " \"boundary\": \"inclusive\", \"consumerRule\": \"literal\", \"quorum\": 4,\n"
      " \"attendance\": [1, 2, 3],\n"
      " \"review\": {\"start\": \"2025-01-20T00:00:00Z\", \"exclusionNotices\": "
      "[\"2025-01-21T00:00:00Z\"]},\n"
      " \"votes\": [\n"
      "  {\"member\": \"Mozilla\", \"category\": \"consumer\", \"time\": \"2025-01-11T00:00:00Z\", "
      "\"vote\": \"yes\"},\n"
      "  {\"member\": \" MOZILLA\\t\", \"category\": \"consumer\", \"time\": "
      "\"2025-01-12T00:00:00Z\", \"vote\": \"no\", \"list\": \"public\"},\n"
      "  {\"member\": \"mozilla\", \"category\": \"consumer\", \"time\": \"2025-01-13T00:00:00Z\", "
      "\"vote\": \"unclear\", \"representative\": false},\n"
      "  {\"member\": \"Zertifizierungsstelle \\u00dc\", \"category\": \"issuer\", \"time\": "
      "\"2025-01-13T00:00:00Z\", \"vote\": \"abstain\", \"list\": \"cwg\", \"representative\": "
      "true}\n"
      " ]}\n";
  cabref_ballot *b = malloc(sizeof *b);
  cabref_error err;
  cabref_status st;
  if (b == NULL)
    abort();
  cabref_ballot_init(b);
  st = cabref_ballot_parse_json(t, strlen(t), "t.json", b, &err);
  check(st == CABREF_OK, "JSON parse", "status %d: %s", (int)st, err.message);
  if (st == CABREF_OK) {
    check(strcmp(b->ballot, "J1") == 0 && b->version == CABREF_BYLAWS_1_8 && !b->version_auto,
          "JSON ballot and bylaws", "\"%s\" %d", b->ballot, (int)b->version);
    check(b->kind == CABREF_BALLOT_NEW_GUIDELINE && strcmp(b->list, "cwg") == 0, "JSON kind/list",
          "%d \"%s\"", (int)b->kind, b->list);
    check(b->end_inclusive == 1, "JSON boundary", "%d", b->end_inclusive);
    check(b->has_consumer_rule && b->consumer_rule == CABREF_CONSUMER_LITERAL, "JSON consumer rule",
          "%d", (int)b->consumer_rule);
    check(b->has_quorum && b->quorum == 4 && b->has_attendance && b->attendance[2] == 3,
          "JSON quorum and attendance", "%u", b->quorum);
    check(b->timeline.has_discussion && b->has_discussion_end &&
              b->timeline.discussion_start == T_2025_01_10 - 9 * CABREF_DAY &&
              b->timeline.discussion_end == T_2025_01_10 - 2 * CABREF_DAY,
          "JSON discussion", "%lld", (long long)b->timeline.discussion_start);
    check(!b->has_last_version && b->timeline.last_version == b->timeline.discussion_start,
          "JSON lastVersion defaults to discussion start", "%lld",
          (long long)b->timeline.last_version);
    check(b->timeline.voting_start == T_2025_01_10 && b->timeline.voting_end == T_2025_01_17,
          "JSON voting", "%lld", (long long)b->timeline.voting_start);
    check(b->has_review && b->review_start == T_2025_01_10 + 10 * CABREF_DAY &&
              b->n_exclusions == 1 && b->exclusions[0] == T_2025_01_10 + 11 * CABREF_DAY,
          "JSON review", "%lld", (long long)b->review_start);
    check(b->n_members == 2 && b->n_msgs == 4, "JSON member dedup", "%zu members, %zu msgs",
          b->n_members, b->n_msgs);
    if (b->n_members == 2 && b->n_msgs == 4) {
      check(strcmp(b->roll_names[0].name, "Mozilla") == 0 &&
                strcmp(b->roll_names[1].name, "Zertifizierungsstelle \xc3\x9c") == 0,
            "JSON names", "\"%s\" \"%s\"", b->roll_names[0].name, b->roll_names[1].name);
      /* The vote's list defaults to the ballot's list. */
      check(b->msgs[0].on_list == 1 && b->msgs[1].on_list == 0 && b->msgs[2].on_list == 1 &&
                b->msgs[3].on_list == 1,
            "JSON on_list", "%d %d %d %d", b->msgs[0].on_list, b->msgs[1].on_list,
            b->msgs[2].on_list, b->msgs[3].on_list);
      check(b->msgs[0].from_rep == 1 && b->msgs[2].from_rep == 0 && b->msgs[3].from_rep == 1,
            "JSON representative", "%d %d %d", b->msgs[0].from_rep, b->msgs[2].from_rep,
            b->msgs[3].from_rep);
      check(b->msgs[2].vote == CABREF_VOTE_UNCLEAR && b->msgs[3].vote == CABREF_VOTE_ABSTAIN,
            "JSON votes", "%d %d", b->msgs[2].vote, b->msgs[3].vote);
      check(b->msg_lines[0] == 1 && b->msg_lines[3] == 4, "JSON message index + 1", "%lu %lu",
            b->msg_lines[0], b->msg_lines[3]);
    }
  }
  cabref_ballot_free(b);
  free(b);
}

/* ---- tallies of small ballots --------------------------------------------------------- */

typedef struct {
  cabref_status status;
  cabref_tally_result r;
  int has_review;
  cabref_review_result review;
  uint8_t fate[16];
  int32_t chosen[16];
  size_t n_msgs;
  uint32_t version;
} tally_out;

static tally_out tally_text(const char *name, const char *text) {
  cabref_ballot *b = malloc(sizeof *b);
  cabref_error err;
  cabref_tally_run run;
  tally_out o;
  size_t i;
  memset(&o, 0, sizeof o);
  if (b == NULL)
    abort();
  cabref_ballot_init(b);
  o.status = cabref_ballot_parse(text, strlen(text), "t", b, &err);
  check(o.status == CABREF_OK, name, "parse status %d: %s", (int)o.status, err.message);
  if (o.status == CABREF_OK) {
    o.status = cabref_tally_ballot(b, &run, &err);
    if (o.status == CABREF_OK) {
      o.r = run.result;
      o.has_review = run.has_review_result;
      o.review = run.review;
      o.version = (uint32_t)run.rules.version;
      o.n_msgs = b->n_msgs;
      for (i = 0; i < b->n_msgs && i < 16; i++)
        o.fate[i] = run.fate[i];
      for (i = 0; i < b->n_members && i < 16; i++)
        o.chosen[i] = run.chosen[i];
      cabref_tally_run_free(&run);
    }
  }
  cabref_ballot_free(b);
  free(b);
  return o;
}

static void expect_tally(const char *name, const char *text, cabref_outcome outcome,
                         uint32_t reasons, uint32_t iy, uint32_t in, uint32_t ia, uint32_t cy,
                         uint32_t cn, uint32_t ca, uint32_t quorum) {
  tally_out o = tally_text(name, text);
  check(o.status == CABREF_OK, name, "tally status %d", (int)o.status);
  if (o.status != CABREF_OK)
    return;
  check(o.r.outcome == outcome, name, "outcome %s, expected %s", cabref_outcome_name(o.r.outcome),
        cabref_outcome_name(outcome));
  check(o.r.reasons == reasons, name, "reasons 0x%x, expected 0x%x", o.r.reasons, reasons);
  check(o.r.counts.issuer.yes == iy && o.r.counts.issuer.no == in &&
            o.r.counts.issuer.abstain == ia,
        name, "issuer %u/%u/%u, expected %u/%u/%u", o.r.counts.issuer.yes, o.r.counts.issuer.no,
        o.r.counts.issuer.abstain, iy, in, ia);
  check(o.r.counts.consumer.yes == cy && o.r.counts.consumer.no == cn &&
            o.r.counts.consumer.abstain == ca,
        name, "consumer %u/%u/%u, expected %u/%u/%u", o.r.counts.consumer.yes,
        o.r.counts.consumer.no, o.r.counts.consumer.abstain, cy, cn, ca);
  check(o.r.counts.participants == iy + in + ia + cy + cn + ca, name, "participants %u",
        o.r.counts.participants);
  check(o.r.quorum == quorum, name, "quorum %u, expected %u", o.r.quorum, quorum);
}

#define V25 "bylaws 2.5\nvoting 2025-01-10T00:00:00Z 2025-01-17T00:00:00Z\n"
#define AT(d) "vote 2025-01-" d ":00:00Z "

static void test_tallies(void) {
  tally_out o;
  /* TALLY-THR-ISSUER: exactly two-thirds passes (2 yes, 1 no); consumers 2 of 3. */
  expect_tally(
      "tally two-thirds passes",
      V25 "quorum 3\n" AT("11T00") "issuer yes public A\n" AT("11T00") "issuer yes public B\n" AT(
          "11T00") "issuer no public C\n" AT("11T00") "consumer yes public X\n" AT("11T00") "consum"
                                                                                            "er "
                                                                                            "no "
                                                                                            "public"
                                                                                            " Y"
                                                                                            "\n" AT(
                                                                                                "11"
                                                                                                "T0"
                                                                                                "0") "consumer yes public Z\n",
      CABREF_OUTCOME_PASSED, 0, 2, 1, 0, 2, 1, 0, 3);
  /* Below two-thirds (1 yes, 1 no) and 2 of 4 consumers is not a strict majority. */
  expect_tally(
      "tally thresholds fail",
      V25 "quorum 3\n" AT("11T00") "issuer yes public A\n" AT("11T00") "issuer no public B\n" AT(
          "11T0"
          "0") "consumer yes public X\n" AT("11T00") "consumer yes public W\n" AT("11T00") "consume"
                                                                                           "r "
                                                                                           "no "
                                                                                           "public "
                                                                                           "Y\n" AT(
                                                                                               "11T"
                                                                                               "00") "consumer no public Z\n",
      CABREF_OUTCOME_FAILED, CABREF_R_ISSUER_THRESHOLD | CABREF_R_CONSUMER_THRESHOLD, 1, 1, 0, 2, 2,
      0, 3);
  /* TALLY-THR-CONSUMER literal: 2 yes 1 no: 2Y = 4 < Y+N+2 = 5. half-or-more: 1 of 2 meets. */
  expect_tally(
      "tally consumer literal",
      V25 "quorum 1\nconsumer-rule literal\n" AT("11T00") "issuer yes public A\n" AT(
          "11T00") "consumer yes public X\n" AT("11T00") "consumer yes public W\n" AT("11T00") "con"
                                                                                               "sum"
                                                                                               "er "
                                                                                               "no "
                                                                                               "pub"
                                                                                               "lic"
                                                                                               " Y"
                                                                                               "\n",
      CABREF_OUTCOME_FAILED, CABREF_R_CONSUMER_THRESHOLD, 1, 0, 0, 2, 1, 0, 1);
  expect_tally("tally consumer half-or-more (pre-ballot-4 default)",
               "bylaws pre-ballot-4\nvoting 2007-01-10T00:00:00Z 2007-01-24T00:00:00Z\nvote "
               "2007-01-11T00:00:00Z issuer yes public A\nvote 2007-01-11T00:00:00Z consumer yes "
               "public X\nvote 2007-01-11T00:00:00Z consumer no public Y\n",
               CABREF_OUTCOME_PASSED, 0, 1, 0, 0, 1, 1, 0, 0);
  /* TALLY-THR-EMPTY + TALLY-YES-EACH: consumers only abstain. Before the Bylaws, no yes-each. */
  expect_tally("tally empty consumer category",
               V25 "quorum 1\n" AT("11T00") "issuer yes public A\n" AT(
                   "11T00") "consumer abstain public X\n",
               CABREF_OUTCOME_FAILED, CABREF_R_CONSUMER_THRESHOLD | CABREF_R_CONSUMER_NO_YES, 1, 0,
               0, 0, 0, 1, 1);
  expect_tally("tally empty category under ballot-4",
               "bylaws ballot-4\nvoting 2008-01-01T00:00:00Z 2008-01-08T00:00:00Z\nvote "
               "2008-01-02T00:00:00Z issuer yes public A\n",
               CABREF_OUTCOME_FAILED, CABREF_R_CONSUMER_THRESHOLD, 1, 0, 0, 0, 0, 0, 0);
  /* TALLY-VOTE-LATEST, -UNCLEAR: A's later no counts, the unclear after it is ignored; of B's
   * two messages at the same instant the later in the log counts. */
  o = tally_text(
      "tally latest",
      V25 "quorum 1\n" AT("11T00") "issuer yes public A\n" AT("12T00") "issuer no public a\n" AT(
          "13T00") "issuer unclear public A\n" AT("12T00") "consumer no public B\n" AT("12T00") "co"
                                                                                                "ns"
                                                                                                "um"
                                                                                                "er"
                                                                                                " "
                                                                                                "ye"
                                                                                                "s "
                                                                                                "pu"
                                                                                                "bl"
                                                                                                "ic"
                                                                                                " B"
                                                                                                "\n");
  check(o.status == CABREF_OK && o.r.counts.issuer.no == 1 && o.r.counts.issuer.yes == 0 &&
            o.r.counts.consumer.yes == 1 && o.r.counts.consumer.no == 0,
        "tally latest counts", "issuer %u/%u consumer %u/%u", o.r.counts.issuer.yes,
        o.r.counts.issuer.no, o.r.counts.consumer.yes, o.r.counts.consumer.no);
  check(o.fate[0] == CABREF_MSG_SUPERSEDED && o.fate[1] == CABREF_MSG_COUNTED &&
            o.fate[2] == CABREF_MSG_UNCLEAR && o.fate[3] == CABREF_MSG_SUPERSEDED &&
            o.fate[4] == CABREF_MSG_COUNTED,
        "tally latest fates", "%d %d %d %d %d", o.fate[0], o.fate[1], o.fate[2], o.fate[3],
        o.fate[4]);
  check(o.chosen[0] == 1 && o.chosen[1] == 4, "tally latest chosen", "%d %d", o.chosen[0],
        o.chosen[1]);
  check(o.r.outcome == CABREF_OUTCOME_FAILED &&
            o.r.reasons == (CABREF_R_ISSUER_THRESHOLD | CABREF_R_ISSUER_NO_YES),
        "tally latest outcome", "%s 0x%x", cabref_outcome_name(o.r.outcome), o.r.reasons);
  /* TALLY-VOTE-PERIOD: a vote at the start counts, at the end it is late unless inclusive;
   * TALLY-VOTE-ELIGIBLE: wrong list, non-representative (2.3+), non-voting category. */
  o = tally_text(
      "tally eligibility",
      V25 "quorum 1\n" AT("10T00") "issuer yes public A\n" AT("17T00") "consumer yes public X\n" AT(
          "09"
          "T2"
          "3") "consumer yes public Y\n" AT("11T00") "consumer yes other Z\n" AT("11T00") "consumer"
                                                                                          " yes "
                                                                                          "public+"
                                                                                          "nonrep "
                                                                                          "W\n" AT(
                                                                                              "11T0"
                                                                                              "0") "associate yes public S\n");
  check(o.status == CABREF_OK && o.fate[0] == CABREF_MSG_COUNTED && o.fate[1] == CABREF_MSG_LATE &&
            o.fate[2] == CABREF_MSG_EARLY && o.fate[3] == CABREF_MSG_WRONG_LIST &&
            o.fate[4] == CABREF_MSG_NOT_REP && o.fate[5] == CABREF_MSG_NOT_VOTING,
        "tally eligibility fates", "%d %d %d %d %d %d", o.fate[0], o.fate[1], o.fate[2], o.fate[3],
        o.fate[4], o.fate[5]);
  check(o.r.counts.participants == 1 && o.chosen[1] == -1, "tally eligibility counts",
        "participants %u", o.r.counts.participants);
  o = tally_text("tally inclusive end",
                 V25 "quorum 1\nboundary inclusive\n" AT("17T00") "consumer yes public X\n");
  check(o.status == CABREF_OK && o.fate[0] == CABREF_MSG_COUNTED, "tally inclusive end fate", "%d",
        o.fate[0]);
  /* Before 2.3 any representative may vote. */
  o = tally_text("tally nonrep under 2.2",
                 "bylaws 2.2\nquorum 1\nvoting 2019-06-01T00:00:00Z 2019-06-08T00:00:00Z\nvote "
                 "2019-06-02T00:00:00Z issuer yes public+nonrep A\n");
  check(o.status == CABREF_OK && o.fate[0] == CABREF_MSG_COUNTED, "tally nonrep under 2.2 fate",
        "%d", o.fate[0]);
  /* TALLY-QUORUM-ATT: 12,12,11 gives 6. Abstentions count, unclear replies do not: 5 < 6. */
  {
    const char *five = V25 "attendance 12,12,11\n" AT("11T00") "issuer yes public A\n" AT("11T00") "issuer yes public B\n" AT(
        "11T00") "issuer yes public C\n" AT("11T00") "issuer abstain "
                                                     "public D\n" AT("11T00") "consumer yes public "
                                                                              "X\n" AT(
                                                                                  "11T00") "consume"
                                                                                           "r "
                                                                                           "unclear"
                                                                                           " public"
                                                                                           " Y\n";
    char six[1024];
    expect_tally("tally quorum by attendance not met", five, CABREF_OUTCOME_INVALID,
                 CABREF_R_NO_QUORUM, 3, 0, 1, 1, 0, 0, 6);
    snprintf(six, sizeof six, "%s" AT("11T00") "consumer abstain public Z\n", five);
    expect_tally("tally quorum by attendance met", six, CABREF_OUTCOME_PASSED, 0, 3, 0, 1, 1, 0, 1,
                 6);
  }
  /* TALLY-QUORUM-FIXED wins over attendance. */
  expect_tally("tally fixed quorum wins",
               V25 "attendance 0,0,0\nquorum 3\n" AT("11T00") "issuer yes public A\n" AT(
                   "11T00") "consumer "
                            "yes public X\n",
               CABREF_OUTCOME_INVALID, CABREF_R_NO_QUORUM, 1, 0, 0, 1, 0, 0, 3);
  /* TALLY-QUORUM-REQ: from ballot-5 on a quorum basis is required. */
  o = tally_text("tally missing quorum", V25 AT("11T00") "issuer yes public A\n");
  check(o.status == CABREF_E_MISSING_QUORUM, "tally missing quorum status", "%d", (int)o.status);
  /* TALLY-PERIOD-VOTING, -DISC, -QUIET: 8-day vote after 4 days of discussion. */
  expect_tally("tally period rules",
               "bylaws 2.5\nquorum 1\ndiscussion 2025-01-06T00:00:00Z\nvoting 2025-01-10T00:00:00Z "
               "2025-01-18T00:00:00Z\n" AT("11T00") "issuer yes public A\n" AT(
                   "11T00") "consumer yes public X\n",
               CABREF_OUTCOME_INVALID,
               CABREF_R_VOTING_PERIOD_LENGTH | CABREF_R_DISCUSSION_TOO_SHORT |
                   CABREF_R_QUIET_PERIOD,
               1, 0, 0, 1, 0, 0, 1);
  /* TALLY-PERIOD-AUTOFAIL (2.5: 90 days): 91 days fails, exactly 90 days is in time. */
  expect_tally("tally autofail after 91 days",
               "bylaws 2.5\nquorum 1\ndiscussion 2024-10-11T00:00:00Z\nvoting 2025-01-10T00:00:00Z "
               "2025-01-17T00:00:00Z\n" AT("11T00") "issuer yes public A\n" AT(
                   "11T00") "consumer yes public X\n",
               CABREF_OUTCOME_FAILED, CABREF_R_AUTO_FAILED, 1, 0, 0, 1, 0, 0, 1);
  expect_tally("tally exactly 90 days is in time",
               "bylaws 2.5\nquorum 1\ndiscussion 2024-10-12T00:00:00Z\nvoting 2025-01-10T00:00:00Z "
               "2025-01-17T00:00:00Z\n" AT("11T00") "issuer yes public A\n" AT(
                   "11T00") "consumer yes public X\n",
               CABREF_OUTCOME_PASSED, 0, 1, 0, 0, 1, 0, 0, 1);
  /* TALLY-REVIEW: 30 days for a maintenance guideline; a notice at the end instant is outside. */
  {
    const char *base = V25 "quorum 1\nkind maintenance-guideline\nreview 2025-02-05T01:00:00Z\n" AT(
        "11T00") "issuer yes public A\n" AT("11T00") "consumer yes public X\n";
    char t[1024];
    snprintf(t, sizeof t, "%sexclusion 2025-03-07T01:00:00Z\n", base);
    o = tally_text("tally review, notice at the end", t);
    check(o.status == CABREF_OK && o.r.outcome == CABREF_OUTCOME_PASSED && o.has_review &&
              !o.review.rescinded,
          "tally review, notice at the end: passed", "%s", cabref_outcome_name(o.r.outcome));
    /* 2025-03-07T01:00:00Z = 2025-01-23T17:00:00Z + 42 days 8 hours. */
    check(o.review.review_end == T_2025_01_23_17 + 42 * CABREF_DAY + 8 * 3600 &&
              o.review.effective == o.review.review_end,
          "tally review end", "%lld", (long long)o.review.review_end);
    snprintf(t, sizeof t, "%sexclusion 2025-03-07T00:59:59Z\n", base);
    expect_tally("tally review, notice inside", t, CABREF_OUTCOME_RESCINDED,
                 CABREF_R_EXCLUSION_NOTICE, 1, 0, 0, 1, 0, 0, 1);
    snprintf(t, sizeof t, "%sexclusion 2025-02-05T01:00:00Z\nkind new-guideline\n",
             V25 "quorum 1\nreview 2025-02-05T01:00:00Z\n" AT("11T00") "issuer yes public A\n" AT(
                 "11T00") "consumer no public X\n");
    /* A ballot that failed is not rescinded. */
    expect_tally("tally failed ballot not rescinded", t, CABREF_OUTCOME_FAILED,
                 CABREF_R_CONSUMER_THRESHOLD | CABREF_R_CONSUMER_NO_YES, 1, 0, 0, 0, 1, 0, 1);
    o = tally_text("tally other kind has no review",
                   V25 "quorum 1\nreview 2025-02-05T01:00:00Z\nexclusion 2025-02-06T00:00:00Z\n" AT(
                       "11T00") "issuer yes public A\n" AT("11T00") "consumer yes public X\n");
    check(o.status == CABREF_OK && !o.has_review && o.r.outcome == CABREF_OUTCOME_PASSED,
          "tally other kind has no review: passed", "%s", cabref_outcome_name(o.r.outcome));
  }
  /* TALLY-VERSION-1: auto is the rule set in force at the voting start. */
  o = tally_text("tally auto 1.5", "bylaws auto\nquorum 1\nvoting 2017-01-31T00:00:00Z "
                                   "2017-02-07T00:00:00Z\n");
  check(o.status == CABREF_OK && o.version == CABREF_BYLAWS_1_5, "tally auto 1.5 version", "%u",
        o.version);
  o = tally_text("tally auto before ballot 4", "bylaws auto\nvoting 2007-12-15T21:59:59Z "
                                               "2007-12-22T21:59:59Z\n");
  check(o.status == CABREF_OK && o.version == CABREF_RULES_PRE_BALLOT_4,
        "tally auto before ballot 4 version", "%u", o.version);
  o = tally_text("tally auto ballot 4", "bylaws auto\nvoting 2007-12-15T22:00:00Z "
                                        "2007-12-22T22:00:00Z\n");
  check(o.status == CABREF_OK && o.version == CABREF_RULES_BALLOT_4, "tally auto ballot 4 version",
        "%u", o.version);
  /* A ballot without any vote (spec: votes "may be empty") still has a tally: no quorum rule
   * before ballot-5, both categories empty (TALLY-THR-EMPTY), no yes-each rule. */
  expect_tally("tally with no votes (line log)",
               "bylaws pre-ballot-4\nvoting 2007-01-01T00:00:00Z 2007-01-08T00:00:00Z\n",
               CABREF_OUTCOME_FAILED, CABREF_R_ISSUER_THRESHOLD | CABREF_R_CONSUMER_THRESHOLD, 0, 0,
               0, 0, 0, 0, 0);
  expect_tally("tally with no votes (JSON)",
               "{\"bylaws\": \"2.5\", \"quorum\": 1, " JV ", \"votes\": []}",
               CABREF_OUTCOME_INVALID,
               CABREF_R_NO_QUORUM | CABREF_R_ISSUER_THRESHOLD | CABREF_R_CONSUMER_THRESHOLD |
                   CABREF_R_ISSUER_NO_YES | CABREF_R_CONSUMER_NO_YES,
               0, 0, 0, 0, 0, 0, 1);
}

/* ---- audit ---------------------------------------------------------------------------- */

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long n;
  if (f == NULL)
    return NULL;
  if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
    fclose(f);
    return NULL;
  }
  buf = malloc((size_t)n + 1);
  if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    fclose(f);
    return NULL;
  }
  buf[n] = '\0';
  *len = (size_t)n;
  fclose(f);
  return buf;
}

/* A copy of text with the first occurrence of from replaced by to; NULL if from is absent. */
static char *replaced(const char *text, const char *from, const char *to) {
  const char *p = strstr(text, from);
  size_t a, fl = strlen(from), tl = strlen(to), n = strlen(text);
  char *out;
  if (p == NULL)
    return NULL;
  a = (size_t)(p - text);
  out = malloc(n - fl + tl + 1);
  if (out == NULL)
    abort();
  memcpy(out, text, a);
  memcpy(out + a, to, tl);
  memcpy(out + a + tl, p + fl, n - a - fl + 1);
  return out;
}

static int has_finding(const cabref_audit *a, const char *severity, const char *code,
                       unsigned long *line) {
  size_t i;
  for (i = 0; i < a->n_findings; i++) {
    if (strcmp(a->findings[i].severity, severity) == 0 && strcmp(a->findings[i].code, code) == 0) {
      if (line != NULL)
        *line = a->findings[i].line;
      return 1;
    }
  }
  return 0;
}

static void list_findings(const char *name, const cabref_audit *a) {
  size_t i;
  for (i = 0; i < a->n_findings; i++)
    printf("  (%s: %s %s line %lu)\n", name, a->findings[i].severity, a->findings[i].code,
           a->findings[i].line);
}

/* Audits a doctored copy and expects the listed inconsistency codes (NULL-terminated). */
static void audit_doctored(const char *post, const char *name, const char *from, const char *to,
                           const char *const *codes, unsigned long line0) {
  char *t = replaced(post, from, to);
  cabref_audit *a = malloc(sizeof *a);
  cabref_error err;
  int k, ok = 1;
  if (a == NULL)
    abort();
  check(t != NULL, name, "\"%s\" not found in the post", from);
  if (t == NULL) {
    free(a);
    return;
  }
  check(cabref_audit_text(t, strlen(t), "post.md", a, &err) == CABREF_OK, name, "status %d: %s",
        (int)err.status, err.message);
  for (k = 0; codes[k] != NULL; k++) {
    unsigned long line = 0;
    int found = has_finding(a, "inconsistency", codes[k], &line);
    check(found, name, "no %s inconsistency", codes[k]);
    ok &= found;
    if (k == 0 && line0 != 0 && found)
      check(line == line0, name, "%s at line %lu, expected %lu", codes[0], line, line0);
  }
  check(cabref_audit_inconsistencies(a) >= (size_t)k, name, "%zu inconsistencies",
        cabref_audit_inconsistencies(a));
  if (!ok)
    list_findings(name, a);
  free(a);
  free(t);
}

static void test_audit(const char *shared) {
  char path[1024];
  size_t len = 0;
  char *post;
  cabref_audit *a = malloc(sizeof *a);
  cabref_error err;
  cabref_status st;
  if (a == NULL)
    abort();
  snprintf(path, sizeof path, "%s/sources/ballot-NS-007-results-2025.md", shared);
  post = read_all(path, &len);
  check(post != NULL, "audit: read the NS-007 post", "cannot read %s", path);
  if (post == NULL) {
    free(a);
    return;
  }
  st = cabref_audit_text(post, len, "ns007.md", a, &err);
  check(st == CABREF_OK, "audit NS-007", "status %d: %s", (int)st, err.message);
  if (st == CABREF_OK) {
    unsigned long line = 0;
    check(a->result.outcome == CABREF_OUTCOME_PASSED && a->has_declared &&
              a->declared == CABREF_OUTCOME_PASSED,
          "audit NS-007 recomputes passed", "%s", cabref_outcome_name(a->result.outcome));
    check(cabref_audit_inconsistencies(a) == 0, "audit NS-007 consistent", "%zu inconsistencies",
          cabref_audit_inconsistencies(a));
    check(a->n_findings == 1 && has_finding(a, "warning", "period-label", &line),
          "audit NS-007 one period-label warning", "%zu findings", a->n_findings);
    /* "**Discussion Period** (14+ days)" is line 84; its dates span 7 days. */
    check(line == 84, "audit NS-007 period-label line", "%lu", line);
    check(a->has_version && a->version == CABREF_BYLAWS_2_5, "audit NS-007 bylaws", "%d",
          (int)a->version);
    check(a->issuer.total == 17 && a->issuer.count[0] == 17 && a->issuer.named[0] == 17 &&
              a->issuer.count[1] == 0 && a->issuer.count[2] == 0,
          "audit NS-007 issuers", "%u %u", a->issuer.total, a->issuer.named[0]);
    check(a->consumer.total == 4 && a->consumer.count[0] == 4 && a->consumer.named[0] == 4,
          "audit NS-007 consumers", "%u", a->consumer.total);
    check(a->has_quorum && a->quorum == 6 && a->result.quorum_met &&
              a->result.counts.participants == 21,
          "audit NS-007 quorum", "%u", a->quorum);
    check(a->has_voting == 3 && a->voting_start == T_2025_01_23_17 &&
              a->voting_end == T_2025_01_23_17 + CABREF_WEEK,
          "audit NS-007 voting period", "%lld", (long long)a->voting_start);
    check(a->has_review == 3 && a->review_end - a->review_start == 30 * CABREF_DAY &&
              a->kind == CABREF_BALLOT_MAINTENANCE_GUIDELINE,
          "audit NS-007 review", "%d", a->has_review);
    check(strncmp(a->ballot, "NS-007", 6) == 0, "audit NS-007 ballot name", "\"%s\"", a->ballot);
  }
  {
    static const char *const c1[] = {"names-count-mismatch", "total-mismatch", NULL};
    static const char *const c2[] = {"claim-consumer-threshold", NULL};
    static const char *const c3[] = {"outcome-mismatch", NULL};
    static const char *const c4[] = {"review-period-length", "review-days-mismatch", NULL};
    static const char *const c5[] = {"voting-period-length", NULL};
    audit_doctored(post, "audit: 16 Yes votes", "17 Yes votes", "16 Yes votes", c1, 46);
    audit_doctored(
        post, "audit: consumer claim NOT MET",
        "Consumer category must be in favour of the ballot. **This requirement was MET**",
        "Consumer category must be in favour of the ballot. **This requirement was NOT "
        "MET**",
        c2, 56);
    audit_doctored(post, "audit: declared failed", "has **Passed**", "has **Failed**", c3, 34);
    audit_doctored(post, "audit: review end 2025-03-08", "End of Review Period: 2025-03-07",
                   "End of Review Period: 2025-03-08", c4, 0);
    audit_doctored(post, "audit: voting end Jan 31", "End: 2025 Jan 30, 17:00 UTC",
                   "End: 2025 Jan 31, 17:00 UTC", c5, 0);
  }
  {
    char *t = replaced(post, "### Bylaws version 2.5 Requirements", "");
    check(t != NULL, "audit: no Bylaws heading", "heading not found");
    if (t != NULL) {
      st = cabref_audit_text(t, strlen(t), "post.md", a, &err);
      check(st == CABREF_E_SYNTAX && err.status == CABREF_E_SYNTAX, "audit: no Bylaws heading",
            "status %d", (int)st);
      check(err.message[0] != '\0', "audit: no Bylaws heading", "empty message");
      free(t);
    }
  }
  {
    /* TALLY-AUDIT-COUNT with counts whose sum passes 2^32: 2^31 + 2^31 + 0 is not 0. */
    const char *t = "### 0 votes by Certificate Issuers\n- 2147483648 Yes votes:\n"
                    "- 2147483648 No votes:\n- 0 Abstain votes:\n"
                    "### 1 votes by Certificate Consumers\n- 1 Yes votes: A\n- 0 No votes:\n"
                    "- 0 Abstain votes:\n### Bylaws version 2.5 Requirements\n";
    st = cabref_audit_text(t, strlen(t), "post.md", a, &err);
    check(st == CABREF_OK && has_finding(a, "inconsistency", "total-mismatch", NULL),
          "audit: total overflowing 32 bits", "status %d, no total-mismatch", (int)st);
  }
  {
    /* A NUL byte is an error naming its line and column. */
    char *t = malloc(len + 1);
    size_t at = (size_t)(strstr(post, "### 17 votes") - post);
    if (t == NULL)
      abort();
    memcpy(t, post, len + 1);
    t[at + 4] = '\0';
    st = cabref_audit_text(t, len, "post.md", a, &err);
    check(st == CABREF_E_NUL && err.line == 44 && err.column == 5, "audit: NUL byte",
          "status %d at %lu:%lu", (int)st, err.line, err.column);
    free(t);
  }
  free(post);
  free(a);
}

/* TALLY-VOTE-ONE through the member roll's hash table (issue 15: it was a scan per vote). 20,000
 * members (the table grows several times), each voting twice, the second time with its name in
 * another case and with blanks around it: each name must come back to its own member. */
static void test_roll_lookup(void) {
  cabref_ballot b;
  cabref_error err;
  char name[64], other[80];
  const char *given;
  uint32_t m, wrong = 0;
  int pass;
  size_t k;
  cabref_ballot_init(&b);
  for (pass = 0; pass < 2; pass++) {
    for (m = 0; m < 20000u; m++) {
      snprintf(name, sizeof name, "Member %u of the Forum", m);
      if (pass == 1) {
        for (k = 0; name[k] != '\0'; k++)
          name[k] = (char)((name[k] >= 'a' && name[k] <= 'z') ? name[k] - 32 : name[k]);
        snprintf(other, sizeof other, " \t%s ", name);
      }
      given = pass == 1 ? other : name;
      if (cabref_ballot_add_vote(&b, given, strlen(given),
                                 m % 3u ? CABREF_CAT_ISSUER : CABREF_CAT_CONSUMER, T_2025_01_10,
                                 CABREF_VOTE_YES, "public", 6, 1, m + 1, &err) != CABREF_OK) {
        check(0, "roll lookup: add", "member %u, pass %d: %s", m, pass, err.message);
        cabref_ballot_free(&b);
        return;
      }
      wrong += b.msgs[b.n_msgs - 1].member != m;
    }
  }
  check(b.n_members == 20000u, "roll lookup: members", "%zu, expected 20000", b.n_members);
  check(wrong == 0, "roll lookup: each name finds its member", "%u wrong", wrong);
  /* The same name with another category is still refused (TALLY-INPUT, inconsistent-category). */
  check(cabref_ballot_add_vote(&b, "member 7 OF THE FORUM", 21, CABREF_CAT_CONSUMER, T_2025_01_10,
                               CABREF_VOTE_NO, "public", 6, 1, 1, &err) == CABREF_E_INCONSISTENT,
        "roll lookup: category kept", "status %d", (int)err.status);
  cabref_ballot_free(&b);
}

int main(int argc, char **argv) {
  const char *shared = argc > 1 ? argv[1] : getenv("CABREF_SHARED");
  if (shared == NULL || shared[0] == '\0')
    shared = "../shared";
  test_lines_errors();
  test_lines_complete();
  test_json_errors();
  test_lines_parse();
  test_json_parse();
  test_tallies();
  test_roll_lookup();
  test_audit(shared);
  printf("%lu passed, %lu failed\n", passed, failed);
  return failed ? 1 : 0;
}
