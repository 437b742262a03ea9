/*
 * migrate.h: the workbook file's schema, one step per version, and the
 * forward migration that brings an older file up to date.
 *
 * Versions (PRAGMA user_version):
 *   1  the data tables: workbook, groups, items, measures;
 *   2  a `version` column on every data row (optimistic concurrency) and
 *      the edit log (undo/redo history);
 *   3  version 2 of the model: sectors, item kinds and sectors, payer
 *      shares per sector, the new parameters, ranges; the old undo
 *      history is translated in the same transaction.
 * A new file is made by running every step from 1, so the migration path
 * is the creation path and cannot rot.
 *
 * Must never: downgrade, or touch a file whose version is newer than
 * STORE_SCHEMA_VERSION.
 */
#ifndef UTENFOR_STORE_MIGRATE_H
#define UTENFOR_STORE_MIGRATE_H

#include <sqlite3.h>
#include <stdbool.h>

#define STORE_SCHEMA_VERSION 3

/* The SQL that takes a file from version-1 to `version` (1 creates the
 * tables and stamps the application id); NULL for unknown versions. */
const char *migrate_step_sql(int version);

/*
 * Run the steps from `from` + 1 up to STORE_SCHEMA_VERSION inside the
 * caller's transaction, setting user_version as it goes.  Returns the
 * SQLite code of the first failure, SQLITE_OK when done.
 */
int migrate_run(sqlite3 *db, int from);

/*
 * Does the file's schema (tables and their columns) match what the steps
 * up to `version` make?  Reads only, so it can run on the read-only
 * inspection connection before anything is changed; *matches is false
 * for a version this program does not know.  Returns the SQLite code.
 */
int migrate_schema_matches(sqlite3 *db, int version, bool *matches);

/* The description migrate_schema_matches() compares (tables, their
 * columns in order, with type, NOT NULL, default and primary key) of
 * what the steps up to `version` make; sqlite3_free() it.  NULL with *rc
 * set on failure. */
char *migrate_describe_steps(int version, int *rc);
/* That of STORE_SCHEMA_VERSION, as a constant (schema_current.c). */
extern const char migrate_current_description[];

#endif
