/*
 * migrate.c: the schema steps and the forward migration (see migrate.h).
 *
 * The CHECK constraints mirror engine/validate's ranges so that a row the
 * engine would refuse cannot be written even by another program through
 * SQLite; validation still runs first and gives the user-facing message.
 * A step, once released, is never edited: a file made by an old program
 * must migrate exactly as it did then.
 *
 * Must never: downgrade a file or run outside the caller's transaction.
 */
#include "store/migrate.h"

#include <stdio.h>
#include <string.h>

/* Text limits are in bytes (the engine's buffers), hence the BLOB casts. */
static const char step1[] =
	"PRAGMA application_id = 1970564710;\n" /* 0x75746e66, 'utnf' */
	"CREATE TABLE workbook (\n"
	"  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
	"  name TEXT NOT NULL CHECK (length(CAST(name AS BLOB)) < 128),\n"
	"  municipality TEXT NOT NULL CHECK (length(CAST(municipality AS BLOB)) < 128),\n"
	"  base_year INTEGER NOT NULL CHECK (typeof(base_year) = 'integer'"
	" AND base_year BETWEEN 1900 AND 2200),\n"
	"  horizon INTEGER NOT NULL CHECK (typeof(horizon) = 'integer'"
	" AND horizon BETWEEN 1 AND 100),\n"
	"  discount_mode TEXT NOT NULL CHECK (discount_mode IN ('r109', 'flat', 'none')),\n"
	"  discount_rate REAL NOT NULL CHECK (discount_rate BETWEEN 0 AND 1),\n"
	"  g_amount REAL NOT NULL CHECK (g_amount BETWEEN 1 AND 1e12)\n"
	");\n"
	"CREATE TABLE groups (\n"
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  gid TEXT NOT NULL UNIQUE CHECK (gid <> '' AND length(CAST(gid AS BLOB)) < 64),\n"
	"  name TEXT NOT NULL CHECK (length(CAST(name AS BLOB)) < 128),\n"
	"  description TEXT NOT NULL CHECK (length(CAST(description AS BLOB)) < 1024),\n"
	"  entry_age INTEGER NOT NULL CHECK (typeof(entry_age) = 'integer'"
	" AND entry_age BETWEEN 0 AND 120)\n"
	");\n"
	"CREATE TABLE items (\n"
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  group_ref INTEGER NOT NULL REFERENCES groups (id),\n"
	"  name TEXT NOT NULL CHECK (length(CAST(name AS BLOB)) < 128),\n"
	"  bearer TEXT NOT NULL CHECK (bearer IN ('kommune', 'fylkeskommune', 'stat')),\n"
	"  amount REAL NOT NULL CHECK (amount BETWEEN -1e12 AND 1e12),\n"
	"  unit TEXT NOT NULL CHECK (unit IN ('nok', 'g')),\n"
	"  from_age INTEGER NOT NULL CHECK (typeof(from_age) = 'integer'"
	" AND from_age BETWEEN 0 AND 120),\n"
	"  to_age INTEGER NOT NULL CHECK (typeof(to_age) = 'integer'"
	" AND to_age BETWEEN 0 AND 120),\n"
	"  source TEXT NOT NULL CHECK (length(CAST(source AS BLOB)) < 256),\n"
	"  confidence TEXT NOT NULL CHECK (confidence IN ('A', 'B', 'C', 'D')),\n"
	"  CHECK (from_age <= to_age)\n"
	");\n"
	"CREATE INDEX items_group ON items (group_ref);\n"
	"CREATE TABLE measures (\n"
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  name TEXT NOT NULL CHECK (length(CAST(name AS BLOB)) < 128),\n"
	"  group_ref INTEGER NOT NULL REFERENCES groups (id),\n"
	"  participants INTEGER NOT NULL CHECK (typeof(participants) = 'integer'"
	" AND participants BETWEEN 1 AND 10000000),\n"
	"  start_year INTEGER NOT NULL CHECK (typeof(start_year) = 'integer'"
	" AND start_year BETWEEN 1900 AND 2200),\n"
	"  start_age INTEGER NOT NULL CHECK (typeof(start_age) = 'integer'"
	" AND start_age BETWEEN 0 AND 120),\n"
	"  duration INTEGER NOT NULL CHECK (typeof(duration) = 'integer'"
	" AND duration BETWEEN 1 AND 100),\n"
	"  cost_per_participant REAL NOT NULL"
	" CHECK (cost_per_participant BETWEEN 0 AND 1e12),\n"
	"  payer_kommune REAL NOT NULL CHECK (payer_kommune BETWEEN 0 AND 1),\n"
	"  payer_fylkeskommune REAL NOT NULL CHECK (payer_fylkeskommune BETWEEN 0 AND 1),\n"
	"  payer_stat REAL NOT NULL CHECK (payer_stat BETWEEN 0 AND 1),\n"
	"  success_rate REAL NOT NULL CHECK (success_rate BETWEEN 0 AND 1),\n"
	"  deadweight REAL NOT NULL CHECK (deadweight BETWEEN 0 AND 1),\n"
	"  lag INTEGER NOT NULL CHECK (typeof(lag) = 'integer' AND lag BETWEEN 0 AND 100),\n"
	"  effect_years INTEGER CHECK (effect_years IS NULL"
	" OR (typeof(effect_years) = 'integer' AND effect_years BETWEEN 1 AND 100)),\n"
	"  decay REAL NOT NULL CHECK (decay BETWEEN 0 AND 1),\n"
	"  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),\n"
	"  CHECK (abs(payer_kommune + payer_fylkeskommune + payer_stat - 1) <= 1e-6)\n"
	");\n"
	"CREATE INDEX measures_group ON measures (group_ref);\n";

/*
 * Version 2: row versions for optimistic concurrency, and the edit log.
 * edit_log holds one entry per committed edit, undo or redo; edit_rows the
 * before/after image (JSON of the row's columns, NULL = no row) of every
 * row an entry changed, in the order they were written.
 */
static const char step2[] =
	"ALTER TABLE workbook ADD COLUMN version INTEGER NOT NULL DEFAULT 1"
	" CHECK (version >= 1);\n"
	"ALTER TABLE groups ADD COLUMN version INTEGER NOT NULL DEFAULT 1"
	" CHECK (version >= 1);\n"
	"ALTER TABLE items ADD COLUMN version INTEGER NOT NULL DEFAULT 1"
	" CHECK (version >= 1);\n"
	"ALTER TABLE measures ADD COLUMN version INTEGER NOT NULL DEFAULT 1"
	" CHECK (version >= 1);\n"
	"CREATE TABLE edit_log (\n"
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  user TEXT NOT NULL,\n"
	"  label TEXT NOT NULL,\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo')),\n"
	"  reverts INTEGER REFERENCES edit_log (id),\n"
	"  reverted INTEGER NOT NULL DEFAULT 0 CHECK (reverted IN (0, 1)),\n"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))\n"
	");\n"
	"CREATE INDEX edit_log_user ON edit_log (user, kind, reverted);\n"
	"CREATE TABLE edit_rows (\n"
	"  edit_id INTEGER NOT NULL REFERENCES edit_log (id),\n"
	"  seq INTEGER NOT NULL,\n"
	"  tbl TEXT NOT NULL CHECK (tbl IN ('workbook', 'groups', 'items', 'measures')),\n"
	"  row_id INTEGER NOT NULL,\n"
	"  before TEXT,\n"
	"  after TEXT,\n"
	"  PRIMARY KEY (edit_id, seq)\n"
	");\n";

const char *migrate_step_sql(int version)
{
	switch (version) {
	case 1:
		return step1;
	case 2:
		return step2;
	default:
		return NULL;
	}
}

int migrate_run(sqlite3 *db, int from)
{
	for (int v = from + 1; v <= STORE_SCHEMA_VERSION; v++) {
		int rc = sqlite3_exec(db, migrate_step_sql(v), NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			return rc;
		char pragma[40];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v);
		rc = sqlite3_exec(db, pragma, NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

/*
 * A description of the file's tables: for each table (by name) its
 * columns in order with declared type, NOT NULL, default and primary-key
 * position.  Two files made by the same steps have the same description;
 * CHECK constraints and indexes are not part of it (they do not change
 * what the program reads).  malloc'd, caller frees; NULL with *rc set on
 * failure.
 */
static char *schema_describe(sqlite3 *db, int *rc)
{
	sqlite3_stmt *st = NULL;
	*rc = sqlite3_prepare_v2(
		db,
		"SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", quote(p.dflt_value), p.pk"
		" FROM sqlite_master m, pragma_table_info(m.name) p"
		" WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
		" ORDER BY m.name, p.cid",
		-1, &st, NULL);
	if (*rc != SQLITE_OK)
		return NULL;
	sqlite3_str *out = sqlite3_str_new(db);
	while ((*rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < 7; i++)
			sqlite3_str_appendf(out, "%s%s", i ? "|" : "",
					    (const char *)sqlite3_column_text(st, i));
		sqlite3_str_appendchar(out, 1, '\n');
	}
	sqlite3_finalize(st);
	char *text = sqlite3_str_finish(out);
	if (*rc != SQLITE_DONE) {
		sqlite3_free(text);
		return NULL;
	}
	*rc = text ? SQLITE_OK : SQLITE_NOMEM;
	return text;
}

int migrate_schema_matches(sqlite3 *db, int version, bool *matches)
{
	*matches = false;
	if (version < 1 || version > STORE_SCHEMA_VERSION)
		return SQLITE_OK;
	sqlite3 *ref = NULL;
	int rc = sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE, NULL);
	for (int v = 1; rc == SQLITE_OK && v <= version; v++)
		rc = sqlite3_exec(ref, migrate_step_sql(v), NULL, NULL, NULL);
	char *want = NULL, *have = NULL;
	if (rc == SQLITE_OK)
		want = schema_describe(ref, &rc);
	if (rc == SQLITE_OK)
		have = schema_describe(db, &rc);
	if (rc == SQLITE_OK)
		*matches = strcmp(want, have) == 0;
	sqlite3_free(want);
	sqlite3_free(have);
	sqlite3_close(ref);
	return rc;
}
