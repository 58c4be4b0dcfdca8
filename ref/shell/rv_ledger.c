/* cabref shell: the single-use ledger of Random Values and Request Tokens, in SQLite
 * (spec/random-value.md RV-LEDGER-*). SQLite gives what the rule needs and this file does not
 * re-implement: one writer at a time across processes, all-or-nothing transactions, a write-ahead
 * log that survives a killed process. The consume step is one conditional UPDATE, so exactly one
 * caller can change a row from unused to used. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "cabref/rv_token.h"
#include "shell.h"

struct cabref_rv_ledger {
  sqlite3 *db;
};

static cabref_status db_fail(sqlite3 *db, cabref_error *err, const char *what) {
  int code = sqlite3_errcode(db);
  if (code == SQLITE_NOTADB)
    return cabref_fail(err, CABREF_E_SYNTAX, 0, "the ledger is not an SQLite database (%s)", what);
  return cabref_fail(err, CABREF_E_IO, 0, "ledger: %s: %s", what, sqlite3_errmsg(db));
}

#define SCHEMA                                                                                     \
  "CREATE TABLE IF NOT EXISTS cabref_ledger ("                                                     \
  " value TEXT PRIMARY KEY NOT NULL,"                                                              \
  " kind TEXT NOT NULL,"                                                                           \
  " method TEXT NOT NULL,"                                                                         \
  " created INTEGER NOT NULL,"                                                                     \
  " deadline INTEGER NOT NULL,"                                                                    \
  " consumed INTEGER) WITHOUT ROWID"

/* RV-LEDGER-FILE: created on first use; anything but a cabref ledger is refused, never written. */
cabref_status cabref_rv_ledger_open(const char *path, cabref_rv_ledger **out, cabref_error *err) {
  cabref_rv_ledger *l;
  sqlite3_stmt *st = NULL;
  int rc;
  if (path == NULL || out == NULL)
    return CABREF_E_NULL;
  *out = NULL;
  l = calloc(1, sizeof *l);
  if (l == NULL)
    return cabref_fail(err, CABREF_E_CAPACITY, 0, "out of memory");
  rc = sqlite3_open_v2(path, &l->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK) {
    cabref_status s = cabref_fail(err, CABREF_E_IO, 0, "ledger %s: cannot open: %s", path,
                                  l->db ? sqlite3_errmsg(l->db) : "out of memory");
    sqlite3_close(l->db);
    free(l);
    return s;
  }
  /* Concurrent consumers wait for each other rather than fail (RV-LEDGER-CONSUME). */
  sqlite3_busy_timeout(l->db, 30000);
  /* The first read of the schema tells an SQLite file from anything else. */
  if (sqlite3_exec(l->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec(l->db, "PRAGMA synchronous=FULL", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec(l->db, SCHEMA, NULL, NULL, NULL) != SQLITE_OK) {
    cabref_status s = db_fail(l->db, err, path);
    sqlite3_close(l->db);
    free(l);
    return s;
  }
  /* A database with a table of that name but other columns is not a cabref ledger. */
  rc = sqlite3_prepare_v2(l->db,
                          "SELECT value, kind, method, created, deadline, consumed FROM "
                          "cabref_ledger LIMIT 0",
                          -1, &st, NULL);
  sqlite3_finalize(st);
  if (rc != SQLITE_OK) {
    sqlite3_close(l->db);
    free(l);
    return cabref_fail(err, CABREF_E_SYNTAX, 0,
                       "ledger %s: an SQLite database, but not a cabref ledger", path);
  }
  *out = l;
  return CABREF_OK;
}

void cabref_rv_ledger_close(cabref_rv_ledger *l) {
  if (l == NULL)
    return;
  sqlite3_close(l->db);
  free(l);
}

/* RV-LEDGER-ISSUE */
cabref_status cabref_rv_ledger_issue(cabref_rv_ledger *l, const char *const *values, size_t n,
                                     const char *kind, const char *method, cabref_instant created,
                                     cabref_instant deadline, cabref_error *err) {
  sqlite3_stmt *st = NULL;
  size_t i;
  int rc;
  if (l == NULL || values == NULL || kind == NULL || method == NULL)
    return CABREF_E_NULL;
  if (sqlite3_exec(l->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return db_fail(l->db, err, "begin");
  if (sqlite3_prepare_v2(l->db,
                         "INSERT INTO cabref_ledger(value, kind, method, created, deadline) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)",
                         -1, &st, NULL) != SQLITE_OK) {
    cabref_status s = db_fail(l->db, err, "prepare");
    sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
    return s;
  }
  for (i = 0; i < n; i++) {
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, values[i], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, method, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, created);
    sqlite3_bind_int64(st, 5, deadline);
    rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) {
      cabref_status s;
      if (sqlite3_extended_errcode(l->db) == SQLITE_CONSTRAINT_PRIMARYKEY)
        s = cabref_fail(err, CABREF_E_DUPLICATE, 0,
                        "ledger: \"%s\" was issued before: a Random Value must be unique",
                        values[i]);
      else
        s = db_fail(l->db, err, "insert");
      sqlite3_finalize(st);
      sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
      return s;
    }
  }
  sqlite3_finalize(st);
  if (sqlite3_exec(l->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
    cabref_status s = db_fail(l->db, err, "commit");
    sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
    return s;
  }
  return CABREF_OK;
}

/* RV-LEDGER-CONSUME, RV-TOKEN-SINGLE-USE */
cabref_status cabref_rv_ledger_consume(cabref_rv_ledger *l, const char *value, cabref_instant at,
                                       const char **verdict, cabref_error *err) {
  sqlite3_stmt *st = NULL;
  int rc;
  if (l == NULL || value == NULL || verdict == NULL)
    return CABREF_E_NULL;
  *verdict = "unknown";
  /* One statement: only a row still unused and inside its window changes, and SQLite lets one
   * writer at a time change it; whoever changes it is the one use. */
  if (sqlite3_prepare_v2(l->db,
                         "UPDATE cabref_ledger SET consumed = ?2 WHERE value = ?1 AND consumed IS "
                         "NULL AND created <= ?2 AND deadline >= ?2",
                         -1, &st, NULL) != SQLITE_OK)
    return db_fail(l->db, err, "prepare");
  sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, at);
  rc = sqlite3_step(st);
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE)
    return db_fail(l->db, err, "consume");
  if (sqlite3_changes(l->db) == 1) {
    *verdict = "consumed";
    return CABREF_OK;
  }
  /* Why not: read the row (a later state than the UPDATE saw is fine: it only explains). */
  if (sqlite3_prepare_v2(l->db,
                         "SELECT created, deadline, consumed FROM cabref_ledger WHERE value = ?1",
                         -1, &st, NULL) != SQLITE_OK)
    return db_fail(l->db, err, "prepare");
  sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
  rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    if (sqlite3_column_type(st, 2) != SQLITE_NULL)
      *verdict = "replayed";
    else if (at < sqlite3_column_int64(st, 0))
      *verdict = "before-creation";
    else
      *verdict = "expired";
  } else if (rc != SQLITE_DONE) {
    sqlite3_finalize(st);
    return db_fail(l->db, err, "read");
  }
  sqlite3_finalize(st);
  return CABREF_OK;
}
