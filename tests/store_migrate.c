/*
 * Tests for store/migrate.c: a file written at schema version 1 (data
 * tables only, no row versions, no history) opens, is migrated to the
 * current version in place, keeps its data, and then supports conflicts
 * and undo like any new file.
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/migrate.h"
#include "store/store.h"
#include "tests/store_util.h"

STORE_SCRATCH("gammel.utenfor")

TestSuite(migrate, .init = scratch_setup, .fini = scratch_teardown);

/* What a version-1 program wrote: rows without a version column, rollback
 * journal (not yet WAL). */
static const char v1_rows[] =
	"INSERT INTO workbook (id, name, municipality, base_year, horizon, discount_mode,"
	" discount_rate, g_amount) VALUES (1, 'Gammel bok', 'Søndre Land', 2025, 30, 'flat',"
	" 0.04, 124028);"
	"INSERT INTO groups (gid, name, description, entry_age) VALUES"
	" ('frafall-vgs', 'Frafall', '', 16), ('barnevern', 'Barnevern', 'Hjelpetiltak', 10);"
	"INSERT INTO items (group_ref, name, bearer, amount, unit, from_age, to_age, source,"
	" confidence) VALUES (1, 'Merutgift', 'stat', 30000, 'nok', 20, 66, 'KS 2019', 'C'),"
	" (2, 'Hjelpetiltak', 'kommune', 33817, 'nok', 10, 13, 'Bufdir', 'C'),"
	" (1, 'AAP', 'stat', 0.2, 'g', 19, 25, '', 'D');"
	"INSERT INTO measures (name, group_ref, participants, start_year, start_age, duration,"
	" cost_per_participant, payer_kommune, payer_fylkeskommune, payer_stat, success_rate,"
	" deadweight, lag, effect_years, decay, enabled) VALUES"
	" ('Los', 1, 80, 2025, 16, 1, 7500, 0, 1, 0, 0.2, 0, 0, NULL, 0, 1),"
	" ('Veiledning', 2, 12, 2026, 10, 3, 20000, 1, 0, 0, 0.1, 0.25, 2, 15, 0.1, 0);";

static void make_v1_file(void)
{
	sqlite3 *db = NULL;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, migrate_step_sql(1), NULL, NULL, &msg), SQLITE_OK, "%s", msg);
	cr_assert_eq(sqlite3_exec(db, v1_rows, NULL, NULL, &msg), SQLITE_OK, "%s", msg);
	cr_assert_eq(sqlite3_exec(db, "PRAGMA user_version = 1; COMMIT", NULL, NULL, &msg),
		     SQLITE_OK, "%s", msg);
	sqlite3_close(db);
}

static int64_t raw_int(const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

Test(migrate, version_1_file_is_migrated_with_its_data)
{
	make_v1_file();
	cr_assert_eq(raw_int("PRAGMA user_version"), 1);
	struct store *s = NULL;
	struct store_error err = {0};
	cr_assert_eq(store_open(path, 0, &s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(raw_int("PRAGMA user_version"), 2);
	cr_assert_eq(raw_int("SELECT count(*) FROM edit_log"), 0);

	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(store_load(s, &wb, &err), STORE_OK, "%s", err.message);
	cr_assert_str_eq(wb.params.name, "Gammel bok");
	cr_assert_str_eq(wb.params.municipality, "Søndre Land");
	cr_assert_eq(wb.params.horizon, 30);
	cr_assert_eq(wb.params.discount.mode, DISCOUNT_FLAT);
	cr_assert(wb.params.g_amount == 124028);
	cr_assert_eq(wb.group_count, 2);
	cr_assert_eq(wb.groups[0].item_count, 2);
	cr_assert_str_eq(wb.groups[0].items[1].name, "AAP");
	cr_assert_eq(wb.groups[0].items[1].unit, UNIT_G);
	cr_assert_eq(wb.measure_count, 2);
	cr_assert_str_eq(wb.measures[1].group_id, "barnevern");
	cr_assert_eq(wb.measures[1].effect_years, 15);
	cr_assert_eq(wb.measures[0].effect_years, 0, "NULL means to the end of the horizon");
	cr_assert(!wb.measures[1].enabled);
	cr_assert_eq(wb.measures[0].row.version, 1, "migrated rows start at version 1");
	cr_assert_eq(wb.groups[1].items[0].row.version, 1);

	/* The new columns and tables work: an edit, then undo. */
	struct measure m = wb.measures[0];
	m.participants = 90;
	cr_assert_eq(store_update_measure(s, &m, "Flere deltakere", &err), STORE_OK, "%s",
		     err.message);
	cr_assert_eq(m.row.version, 2);
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	struct workbook after;
	workbook_init(&after);
	cr_assert_eq(store_load(s, &after, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(after.measures[0].participants, 80);
	store_close(s);

	/* Opening again does not migrate twice. */
	cr_assert_eq(store_open(path, 0, &s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(raw_int("PRAGMA user_version"), 2);
	store_close(s);
	size_t size;
	char *bytes = file_read(path, &size);
	cr_assert_gt(size, 100);
	cr_assert_eq(bytes[18], 2, "switched to WAL (header byte 18)");
	free(bytes);
	workbook_free(&wb);
	workbook_free(&after);
}

Test(migrate, version_1_file_read_only_is_not_touched)
{
	make_v1_file();
	size_t size0, size1;
	char *before = file_read(path, &size0);
	struct store *s = NULL;
	struct store_error err = {0};
	cr_assert_eq(store_open(path, STORE_OPEN_READ_ONLY, &s, &err), STORE_READ_ONLY);
	cr_assert(strstr(err.message, "oppgraderes") != NULL, "%s", err.message);
	char *after = file_read(path, &size1);
	cr_assert_eq(size0, size1);
	cr_assert(memcmp(before, after, size0) == 0);
	cr_assert_eq(raw_int("PRAGMA user_version"), 1);
	free(before);
	free(after);
}

Test(migrate, steps_are_complete)
{
	for (int v = 1; v <= STORE_SCHEMA_VERSION; v++)
		cr_assert_not_null(migrate_step_sql(v), "step %d", v);
	cr_assert_null(migrate_step_sql(STORE_SCHEMA_VERSION + 1));
	cr_assert_eq(store_schema_version(), STORE_SCHEMA_VERSION);
}
