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

/*
 * Version 3 holds version 2 of the model (doc/model.md): sectors; items
 * with a kind and a sector; payer shares per sector; the new workbook
 * parameters; ranges on measure fields.
 *
 * References go to row identities, never to text ids, so renaming a
 * sector's or group's id moves nothing: items.sector_ref is a foreign key
 * (NULL = the bearer's implicit sector), and a measure's `payer` is a JSON
 * array of [sector, share] pairs in the order given, where sector is the
 * row id of a declared sector or the name of a bearer for its implicit
 * sector.  The payer stays inside the measure's row so that the row
 * version covers every share: a concurrent edit of one share is a
 * conflict on the measure, and undo restores the shares with the row.
 * Triggers keep the payer honest (well-formed, sectors that exist, shares
 * 0-1 summing to 1, each sector once) and keep a sector that is in use
 * from being deleted or moved to another bearer, whoever writes the file.
 *
 * Tables whose CHECKs change are rebuilt (SQLite cannot alter a CHECK);
 * their AUTOINCREMENT counters are carried over so that no id is ever
 * reused, since undo puts deleted rows back under their own ids.  The old
 * undo history is translated in the same transaction by the same mapping
 * as the rows (see the translate_* expressions), so every old step still
 * undoes exactly.
 */
#define BEARERS "('kommune', 'fylkeskommune', 'stat')"
#define YEAR(c) "typeof(" c ") = 'integer' AND " c " BETWEEN 1900 AND 2200"
#define FRACTION(c) c " BETWEEN 0 AND 1"
/* A version-2 measure image's (or row's) payer, as version 3 stores it. */
#define PAYER3(k, f, s)                                                              \
	"'[[\"kommune\",' || printf('%!.17g', " k ") || '],[\"fylkeskommune\",' ||" \
	" printf('%!.17g', " f ") || '],[\"stat\",' || printf('%!.17g', " s ") || ']]'"
/* [low, high] around column c, both inside [lo, hi], or no range at all. */
#define RANGE_COLUMNS(c) "  " c "_low REAL,\n  " c "_high REAL,\n"
#define RANGE_CHECK(c, lo, hi)                                                         \
	"  CHECK ((" c "_low IS NULL) = (" c "_high IS NULL) AND (" c "_low IS NULL OR (" c \
	"_low BETWEEN " lo " AND " c " AND " c "_high BETWEEN " c " AND " hi ")))"
/* Is payer text x not a valid payer?  Well-formed [sector, share] pairs,
 * sectors that exist, shares 0-1 summing to 1 (within validate.h's
 * PAYER_SUM_TOLERANCE), each sector once. */
#define PAYER_EACH(x) " json_each(CASE WHEN json_valid(" x ") THEN " x " ELSE '[]' END) e"
#define PAYER_BAD(x)                                                                          \
	"NOT json_valid(" x ") OR EXISTS (SELECT 1 FROM" PAYER_EACH(x)                         \
	" WHERE e.type <> 'array' OR json_array_length(e.value) <> 2"                         \
	" OR json_type(e.value, '$[1]') NOT IN ('integer', 'real')"                           \
	" OR json_extract(e.value, '$[1]') NOT BETWEEN 0 AND 1"                               \
	" OR NOT ((json_type(e.value, '$[0]') = 'text'"                                       \
	" AND json_extract(e.value, '$[0]') IN " BEARERS ")"                                  \
	" OR (json_type(e.value, '$[0]') = 'integer'"                                         \
	" AND json_extract(e.value, '$[0]') IN (SELECT id FROM sectors))))"                   \
	" OR (SELECT abs(total(json_extract(e.value, '$[1]')) - 1) > 1e-6"                    \
	" OR count(DISTINCT json_extract(e.value, '$[0]')) <> count(*) FROM" PAYER_EACH(x) ")"

static const char step3[] =
	"CREATE TABLE sectors (\n"
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  sid TEXT NOT NULL UNIQUE CHECK (sid <> '' AND length(CAST(sid AS BLOB)) < 64"
	" AND sid NOT IN " BEARERS "),\n"
	"  name TEXT NOT NULL CHECK (name <> '' AND length(CAST(name AS BLOB)) < 128),\n"
	"  bearer TEXT NOT NULL CHECK (bearer IN " BEARERS "),\n"
	"  kostra TEXT NOT NULL CHECK (length(CAST(kostra AS BLOB)) < 256),\n"
	"  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)\n"
	");\n"

	"ALTER TABLE workbook RENAME TO workbook_v2;\n"
	"CREATE TABLE workbook (\n"
	"  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
	"  name TEXT NOT NULL CHECK (length(CAST(name AS BLOB)) < 128),\n"
	"  municipality TEXT NOT NULL CHECK (length(CAST(municipality AS BLOB)) < 128),\n"
	"  base_year INTEGER NOT NULL CHECK (" YEAR("base_year") "),\n"
	"  horizon INTEGER NOT NULL CHECK (typeof(horizon) = 'integer'"
	" AND horizon BETWEEN 1 AND 100),\n"
	"  discount_mode TEXT NOT NULL CHECK (discount_mode IN ('r109', 'flat', 'none')),\n"
	"  discount_rate REAL NOT NULL CHECK (" FRACTION("discount_rate") "),\n"
	"  g_amount REAL NOT NULL CHECK (g_amount BETWEEN 1 AND 1e12),\n"
	"  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n"
	"  price_year INTEGER NOT NULL CHECK (" YEAR("price_year") "),\n"
	"  real_growth REAL NOT NULL DEFAULT 0.0 CHECK (real_growth BETWEEN -0.05 AND 0.10),\n"
	"  plan_start_year INTEGER NOT NULL CHECK (" YEAR("plan_start_year") "),\n"
	"  plan_years INTEGER NOT NULL DEFAULT 4 CHECK (typeof(plan_years) = 'integer'"
	" AND plan_years BETWEEN 1 AND 10),\n"
	"  draws INTEGER NOT NULL DEFAULT 10000 CHECK (typeof(draws) = 'integer'"
	" AND draws BETWEEN 100 AND 1000000),\n"
	"  seed INTEGER NOT NULL DEFAULT 1 CHECK (typeof(seed) = 'integer'"
	" AND seed BETWEEN 0 AND 9007199254740992),\n"
	"  spread_a REAL NOT NULL DEFAULT 0.10 CHECK (" FRACTION("spread_a") "),\n"
	"  spread_b REAL NOT NULL DEFAULT 0.20 CHECK (" FRACTION("spread_b") "),\n"
	"  spread_c REAL NOT NULL DEFAULT 0.35 CHECK (" FRACTION("spread_c") "),\n"
	"  spread_d REAL NOT NULL DEFAULT 0.50 CHECK (" FRACTION("spread_d") "),\n"
	"  tax_cost REAL NOT NULL DEFAULT 0.20 CHECK (" FRACTION("tax_cost") ")\n"
	");\n"
	"INSERT INTO workbook (id, name, municipality, base_year, horizon, discount_mode,"
	" discount_rate, g_amount, version, price_year, plan_start_year)"
	" SELECT id, name, municipality, base_year, horizon, discount_mode, discount_rate,"
	" g_amount, version, base_year, base_year FROM workbook_v2;\n"
	"DROP TABLE workbook_v2;\n"

	"ALTER TABLE items RENAME TO items_v2;\n"
	"DROP INDEX items_group;\n"
	"CREATE TABLE items (\n"
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  group_ref INTEGER NOT NULL REFERENCES groups (id),\n"
	"  name TEXT NOT NULL CHECK (length(CAST(name AS BLOB)) < 128),\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('service', 'transfer', 'tax', 'production',"
	" 'welfare')),\n"
	"  bearer TEXT CHECK (bearer IN " BEARERS "),\n"
	"  sector_ref INTEGER REFERENCES sectors (id),\n"
	"  amount REAL NOT NULL CHECK (amount BETWEEN -1e12 AND 1e12),\n"
	"  unit TEXT NOT NULL CHECK (unit IN ('nok', 'g')),\n"
	"  from_age INTEGER NOT NULL CHECK (typeof(from_age) = 'integer'"
	" AND from_age BETWEEN 0 AND 120),\n"
	"  to_age INTEGER NOT NULL CHECK (typeof(to_age) = 'integer'"
	" AND to_age BETWEEN 0 AND 120),\n"
	"  source TEXT NOT NULL CHECK (length(CAST(source AS BLOB)) < 256),\n"
	"  confidence TEXT NOT NULL CHECK (confidence IN ('A', 'B', 'C', 'D')),\n"
	"  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n"
	"  CHECK (from_age <= to_age),\n"
	"  CHECK ((bearer IS NULL) = (kind IN ('production', 'welfare'))),\n"
	"  CHECK (bearer IS NOT NULL OR sector_ref IS NULL)\n"
	");\n"
	"INSERT INTO items (id, group_ref, name, kind, bearer, sector_ref, amount, unit,"
	" from_age, to_age, source, confidence, version)"
	" SELECT id, group_ref, name, 'service', bearer, NULL, amount, unit, from_age, to_age,"
	" source, confidence, version FROM items_v2;\n"
	"DELETE FROM sqlite_sequence WHERE name = 'items';\n"
	"UPDATE sqlite_sequence SET name = 'items' WHERE name = 'items_v2';\n"
	"DROP TABLE items_v2;\n"
	"CREATE INDEX items_group ON items (group_ref);\n"
	"CREATE INDEX items_sector ON items (sector_ref);\n"

	"ALTER TABLE measures RENAME TO measures_v2;\n"
	"DROP INDEX measures_group;\n"
	"CREATE TABLE measures (\n"
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  name TEXT NOT NULL CHECK (length(CAST(name AS BLOB)) < 128),\n"
	"  group_ref INTEGER NOT NULL REFERENCES groups (id),\n"
	"  participants INTEGER NOT NULL CHECK (typeof(participants) = 'integer'"
	" AND participants BETWEEN 1 AND 10000000),\n"
	"  start_year INTEGER NOT NULL CHECK (" YEAR("start_year") "),\n"
	"  start_age INTEGER NOT NULL CHECK (typeof(start_age) = 'integer'"
	" AND start_age BETWEEN 0 AND 120),\n"
	"  duration INTEGER NOT NULL CHECK (typeof(duration) = 'integer'"
	" AND duration BETWEEN 1 AND 100),\n"
	"  cost_per_participant REAL NOT NULL"
	" CHECK (cost_per_participant BETWEEN 0 AND 1e12),\n"
	"  payer TEXT NOT NULL CHECK (json_valid(payer) AND json_type(payer) = 'array'),\n"
	"  success_rate REAL NOT NULL CHECK (" FRACTION("success_rate") "),\n"
	"  deadweight REAL NOT NULL CHECK (" FRACTION("deadweight") "),\n"
	"  lag INTEGER NOT NULL CHECK (typeof(lag) = 'integer' AND lag BETWEEN 0 AND 100),\n"
	"  effect_years INTEGER CHECK (effect_years IS NULL"
	" OR (typeof(effect_years) = 'integer' AND effect_years BETWEEN 1 AND 100)),\n"
	"  decay REAL NOT NULL CHECK (" FRACTION("decay") "),\n"
	"  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),\n"
	"  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n"
	RANGE_COLUMNS("success_rate") RANGE_COLUMNS("deadweight") RANGE_COLUMNS("decay")
	RANGE_COLUMNS("cost_per_participant")
	RANGE_CHECK("success_rate", "0", "1") ",\n"
	RANGE_CHECK("deadweight", "0", "1") ",\n"
	RANGE_CHECK("decay", "0", "1") ",\n"
	RANGE_CHECK("cost_per_participant", "0", "1e12") "\n"
	");\n"
	"INSERT INTO measures (id, name, group_ref, participants, start_year, start_age,"
	" duration, cost_per_participant, payer, success_rate, deadweight, lag, effect_years,"
	" decay, enabled, version)"
	" SELECT id, name, group_ref, participants, start_year, start_age, duration,"
	" cost_per_participant, " PAYER3("payer_kommune", "payer_fylkeskommune", "payer_stat")
	", success_rate, deadweight, lag, effect_years, decay, enabled, version"
	" FROM measures_v2;\n"
	"DELETE FROM sqlite_sequence WHERE name = 'measures';\n"
	"UPDATE sqlite_sequence SET name = 'measures' WHERE name = 'measures_v2';\n"
	"DROP TABLE measures_v2;\n"
	"CREATE INDEX measures_group ON measures (group_ref);\n"

	/* The payer's rules, as triggers (a CHECK cannot look at other rows). */
	"CREATE TRIGGER measures_payer_insert AFTER INSERT ON measures"
	" WHEN " PAYER_BAD("NEW.payer") "\n"
	"  BEGIN SELECT RAISE(ABORT, 'measures.payer: ugyldige betalerandeler'); END;\n"
	"CREATE TRIGGER measures_payer_update AFTER UPDATE OF payer ON measures"
	" WHEN " PAYER_BAD("NEW.payer") "\n"
	"  BEGIN SELECT RAISE(ABORT, 'measures.payer: ugyldige betalerandeler'); END;\n"
	"CREATE TRIGGER sectors_in_payer BEFORE DELETE ON sectors"
	" WHEN EXISTS (SELECT 1 FROM measures m, json_each(m.payer) e"
	" WHERE json_type(e.value, '$[0]') = 'integer' AND json_extract(e.value, '$[0]') = OLD.id)\n"
	"  BEGIN SELECT RAISE(ABORT, 'sectors: sektoren brukes av et tiltak'); END;\n"
	"CREATE TRIGGER sectors_bearer BEFORE UPDATE OF bearer ON sectors"
	" WHEN NEW.bearer <> OLD.bearer AND EXISTS (SELECT 1 FROM items WHERE sector_ref = OLD.id)\n"
	"  BEGIN SELECT RAISE(ABORT, 'sectors: sektoren brukes av en kostnadspost'); END;\n"
	"CREATE TRIGGER items_sector_insert BEFORE INSERT ON items"
	" WHEN NEW.sector_ref IS NOT NULL"
	" AND NEW.bearer IS NOT (SELECT bearer FROM sectors WHERE id = NEW.sector_ref)\n"
	"  BEGIN SELECT RAISE(ABORT, 'items.sector_ref: sektoren hører til en annen bærer'); END;\n"
	"CREATE TRIGGER items_sector_update BEFORE UPDATE ON items"
	" WHEN NEW.sector_ref IS NOT NULL"
	" AND NEW.bearer IS NOT (SELECT bearer FROM sectors WHERE id = NEW.sector_ref)\n"
	"  BEGIN SELECT RAISE(ABORT, 'items.sector_ref: sektoren hører til en annen bærer'); END;\n"

	/* The undo history, translated image by image with the rows' mapping. */
	"ALTER TABLE edit_rows RENAME TO edit_rows_v2;\n"
	"CREATE TABLE edit_rows (\n"
	"  edit_id INTEGER NOT NULL REFERENCES edit_log (id),\n"
	"  seq INTEGER NOT NULL,\n"
	"  tbl TEXT NOT NULL CHECK (tbl IN ('workbook', 'sectors', 'groups', 'items',"
	" 'measures')),\n"
	"  row_id INTEGER NOT NULL,\n"
	"  before TEXT,\n"
	"  after TEXT,\n"
	"  PRIMARY KEY (edit_id, seq)\n"
	");\n"
	"CREATE TEMP TABLE images (edit_id, seq, side, tbl, image);\n"
	"INSERT INTO images SELECT edit_id, seq, 0, tbl, before FROM edit_rows_v2;\n"
	"INSERT INTO images SELECT edit_id, seq, 1, tbl, after FROM edit_rows_v2;\n"
	"UPDATE images SET image = json_set(image,"
	" '$.price_year', json_extract(image, '$.base_year'),"
	" '$.plan_start_year', json_extract(image, '$.base_year'),"
	" '$.real_growth', 0.0, '$.plan_years', 4, '$.draws', 10000, '$.seed', 1,"
	" '$.spread_a', 0.10, '$.spread_b', 0.20, '$.spread_c', 0.35, '$.spread_d', 0.50,"
	" '$.tax_cost', 0.20) WHERE tbl = 'workbook' AND image IS NOT NULL;\n"
	"UPDATE images SET image = json_set(image, '$.kind', 'service', '$.sector_ref', NULL)"
	" WHERE tbl = 'items' AND image IS NOT NULL;\n"
	"UPDATE images SET image = json_set(json_remove(image, '$.payer_kommune',"
	" '$.payer_fylkeskommune', '$.payer_stat'), '$.payer', "
	PAYER3("json_extract(image, '$.payer_kommune')",
	       "json_extract(image, '$.payer_fylkeskommune')",
	       "json_extract(image, '$.payer_stat')")
	", '$.success_rate_low', NULL, '$.success_rate_high', NULL,"
	" '$.deadweight_low', NULL, '$.deadweight_high', NULL,"
	" '$.decay_low', NULL, '$.decay_high', NULL,"
	" '$.cost_per_participant_low', NULL, '$.cost_per_participant_high', NULL)"
	" WHERE tbl = 'measures' AND image IS NOT NULL;\n"
	"INSERT INTO edit_rows (edit_id, seq, tbl, row_id, before, after)"
	" SELECT r.edit_id, r.seq, r.tbl, r.row_id, b.image, a.image FROM edit_rows_v2 r"
	" JOIN images b ON b.edit_id = r.edit_id AND b.seq = r.seq AND b.side = 0"
	" JOIN images a ON a.edit_id = r.edit_id AND a.seq = r.seq AND a.side = 1;\n"
	"DROP TABLE images;\n"
	"DROP TABLE edit_rows_v2;\n";

const char *migrate_step_sql(int version)
{
	switch (version) {
	case 1:
		return step1;
	case 2:
		return step2;
	case 3:
		return step3;
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

char *migrate_describe_steps(int version, int *rc)
{
	sqlite3 *ref = NULL;
	*rc = sqlite3_open_v2(":memory:", &ref, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	for (int v = 1; *rc == SQLITE_OK && v <= version; v++)
		*rc = sqlite3_exec(ref, migrate_step_sql(v), NULL, NULL, NULL);
	char *text = *rc == SQLITE_OK ? schema_describe(ref, rc) : NULL;
	sqlite3_close(ref);
	return text;
}

int migrate_schema_matches(sqlite3 *db, int version, bool *matches)
{
	*matches = false;
	if (version < 1 || version > STORE_SCHEMA_VERSION)
		return SQLITE_OK;
	int rc = SQLITE_OK;
	char *stepped = version == STORE_SCHEMA_VERSION ? NULL : migrate_describe_steps(version, &rc);
	const char *want = version == STORE_SCHEMA_VERSION ? migrate_current_description : stepped;
	char *have = rc == SQLITE_OK ? schema_describe(db, &rc) : NULL;
	if (rc == SQLITE_OK)
		*matches = strcmp(want, have) == 0;
	sqlite3_free(stepped);
	sqlite3_free(have);
	return rc;
}
