/*
 * Tests for store/migrate.c: files written at schema version 1 (data
 * tables only, no row versions, no history) and version 2 (row versions
 * and undo history, model version 1) open, are migrated to the current
 * version in place in one transaction, keep their data and their undo
 * history (old steps still undo and redo exactly), and then support
 * conflicts and undo like any new file.  A file that cannot be migrated
 * is left byte-identical.
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
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
	cr_assert_eq(raw_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
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
	/* Version 2 of the model: the defaults a version-1 document reads as. */
	cr_assert_eq(wb.sector_count, 0);
	cr_assert_eq(wb.params.price_year, 2025, "price year = base year");
	cr_assert_eq(wb.params.plan.start_year, 2025);
	cr_assert_eq(wb.params.plan.years, 4);
	cr_assert_eq(wb.params.uncertainty.draws, 10000);
	cr_assert(wb.params.tax_cost == 0.20);
	cr_assert(wb.params.uncertainty.spread[CONFIDENCE_C] == 0.35);
	cr_assert_eq(wb.groups[0].items[0].kind, ITEM_SERVICE);
	cr_assert_eq(wb.groups[0].items[0].bearer, BEARER_STAT);
	cr_assert_str_eq(wb.groups[0].items[0].sector, "");
	cr_assert_eq(wb.measures[0].payer_count, 3);
	cr_assert_str_eq(wb.measures[0].payer[1].sector, "fylkeskommune");
	cr_assert(wb.measures[0].payer[1].share == 1.0);
	cr_assert(measure_payer_share(&wb.measures[0], "kommune") == 0.0);
	cr_assert(!wb.measures[0].ranges[RANGE_SUCCESS_RATE].set);

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
	cr_assert_eq(raw_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
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

/*
 * A version-2 file as the previous program left it, with an undo history
 * of user "ola": a measure's payer moved from fylkeskommune to half and
 * half, an item's amount changed, the base year moved, and a measure
 * deleted.  The images are what that program's row_image() wrote: every
 * column of the row as a JSON object.
 */
#define MEASURE_IMAGE                                                                        \
	"(SELECT json_object('id', id, 'name', name, 'group_ref', group_ref, 'participants',"  \
	" participants, 'start_year', start_year, 'start_age', start_age, 'duration', duration," \
	" 'cost_per_participant', cost_per_participant, 'payer_kommune', payer_kommune,"       \
	" 'payer_fylkeskommune', payer_fylkeskommune, 'payer_stat', payer_stat,"               \
	" 'success_rate', success_rate, 'deadweight', deadweight, 'lag', lag, 'effect_years',"  \
	" effect_years, 'decay', decay, 'enabled', enabled, 'version', version)"               \
	" FROM measures WHERE id = ?1)"
#define ITEM_IMAGE                                                                            \
	"(SELECT json_object('id', id, 'group_ref', group_ref, 'name', name, 'bearer', bearer," \
	" 'amount', amount, 'unit', unit, 'from_age', from_age, 'to_age', to_age, 'source',"     \
	" source, 'confidence', confidence, 'version', version) FROM items WHERE id = ?1)"
#define WORKBOOK_IMAGE                                                                        \
	"(SELECT json_object('id', id, 'name', name, 'municipality', municipality, 'base_year',"\
	" base_year, 'horizon', horizon, 'discount_mode', discount_mode, 'discount_rate',"       \
	" discount_rate, 'g_amount', g_amount, 'version', version) FROM workbook WHERE id = ?1)"

/* One logged edit: entry `entry`, row `id` of `tbl`, `change` run between
 * the before and the after image. */
static void v2_edit(sqlite3 *db, int entry, const char *label, const char *tbl, int id,
		    const char *image, const char *change)
{
	char sql[2048];
	char *msg = NULL;
	snprintf(sql, sizeof sql,
		 "INSERT INTO edit_log (id, user, label, kind) VALUES (%d, 'ola', '%s', 'edit');"
		 "CREATE TEMP TABLE img AS SELECT %s AS before;",
		 entry, label, image);
	/* ?1 in the image is the row id: substitute it. */
	char *p;
	while ((p = strstr(sql, "?1")) != NULL) {
		char num[8];
		int n = snprintf(num, sizeof num, "%d", id);
		memmove(p + n, p + 2, strlen(p + 2) + 1);
		memcpy(p, num, (size_t)n);
	}
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, &msg), SQLITE_OK, "%s: %s", sql, msg);
	cr_assert_eq(sqlite3_exec(db, change, NULL, NULL, &msg), SQLITE_OK, "%s", msg);
	snprintf(sql, sizeof sql,
		 "INSERT INTO edit_rows (edit_id, seq, tbl, row_id, before, after)"
		 " SELECT %d, 0, '%s', %d, before, %s FROM img; DROP TABLE img;",
		 entry, tbl, id, image);
	while ((p = strstr(sql, "?1")) != NULL) {
		char num[8];
		int n = snprintf(num, sizeof num, "%d", id);
		memmove(p + n, p + 2, strlen(p + 2) + 1);
		memcpy(p, num, (size_t)n);
	}
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, &msg), SQLITE_OK, "%s: %s", sql, msg);
}

static void make_v2_file(void)
{
	sqlite3 *db = NULL;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, migrate_step_sql(1), NULL, NULL, &msg), SQLITE_OK, "%s", msg);
	cr_assert_eq(sqlite3_exec(db, v1_rows, NULL, NULL, &msg), SQLITE_OK, "%s", msg);
	cr_assert_eq(sqlite3_exec(db, migrate_step_sql(2), NULL, NULL, &msg), SQLITE_OK, "%s", msg);
	v2_edit(db, 1, "Del betalingen", "measures", 1, MEASURE_IMAGE,
		"UPDATE measures SET payer_kommune = 0.5, payer_fylkeskommune = 0.5,"
		" version = version + 1 WHERE id = 1");
	v2_edit(db, 2, "Endre beløp", "items", 1, ITEM_IMAGE,
		"UPDATE items SET amount = 31000.5, version = version + 1 WHERE id = 1");
	v2_edit(db, 3, "Nytt basisår", "workbook", 1, WORKBOOK_IMAGE,
		"UPDATE workbook SET base_year = 2026, version = version + 1 WHERE id = 1");
	v2_edit(db, 4, "Slett tiltaket", "measures", 2, MEASURE_IMAGE,
		"DELETE FROM measures WHERE id = 2");
	cr_assert_eq(sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA user_version = 2; COMMIT",
				  NULL, NULL, &msg),
		     SQLITE_OK, "%s", msg);
	sqlite3_close(db);
}

static struct store *open_as_ola(void)
{
	struct store *s = NULL;
	struct store_error err = {0};
	cr_assert_eq(store_open(path, 0, &s, &err), STORE_OK, "%s", err.message);
	store_set_user(s, "ola");
	return s;
}

static void load(struct store *s, struct workbook *wb)
{
	struct store_error err = {0};
	workbook_init(wb);
	cr_assert_eq(store_load(s, wb, &err), STORE_OK, "%s", err.message);
}

Test(migrate, version_2_file_keeps_its_data_and_undo_history)
{
	make_v2_file();
	struct store *s = open_as_ola();
	cr_assert_eq(raw_int("PRAGMA user_version"), STORE_SCHEMA_VERSION);
	cr_assert_eq(raw_int("SELECT count(*) FROM edit_rows"), 4);
	struct workbook wb;
	load(s, &wb);
	cr_assert_eq(wb.measure_count, 1);
	cr_assert(measure_payer_share(&wb.measures[0], "kommune") == 0.5);
	cr_assert(measure_payer_share(&wb.measures[0], "fylkeskommune") == 0.5);
	cr_assert(wb.groups[0].items[0].amount == 31000.5);
	cr_assert_eq(wb.params.base_year, 2026);
	cr_assert_eq(wb.params.price_year, 2026);
	cr_assert_str_eq(store_undo_label(s), "Slett tiltaket");
	workbook_free(&wb);

	/* Every old step undoes, newest first, to the state before it. */
	struct store_error err = {0};
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	load(s, &wb);
	cr_assert_eq(wb.measure_count, 2, "the deleted measure is back");
	cr_assert_str_eq(wb.measures[1].name, "Veiledning");
	cr_assert(measure_payer_share(&wb.measures[1], "kommune") == 1.0);
	cr_assert_eq(wb.measures[1].row.id, 2, "under its own id");
	workbook_free(&wb);
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_undo(s, &err), STORE_NOTHING, "%s", err.message);
	load(s, &wb);
	cr_assert_eq(wb.params.base_year, 2025);
	cr_assert_eq(wb.params.price_year, 2025, "follows the base year it was read with");
	cr_assert(wb.groups[0].items[0].amount == 30000);
	cr_assert(measure_payer_share(&wb.measures[0], "fylkeskommune") == 1.0);
	cr_assert(measure_payer_share(&wb.measures[0], "kommune") == 0.0);
	workbook_free(&wb);

	/* And redo goes forward again, through the translated images. */
	for (int i = 0; i < 4; i++)
		cr_assert_eq(store_redo(s, &err), STORE_OK, "redo %d: %s", i, err.message);
	load(s, &wb);
	cr_assert_eq(wb.measure_count, 1);
	cr_assert(measure_payer_share(&wb.measures[0], "kommune") == 0.5);
	cr_assert_eq(wb.params.base_year, 2026);
	workbook_free(&wb);
	store_close(s);
}

Test(migrate, undo_after_migration_of_a_new_edit_and_an_old_one)
{
	make_v2_file();
	struct store *s = open_as_ola();
	struct workbook wb;
	load(s, &wb);
	struct store_error err = {0};
	/* A version-3 edit on top of the migrated history. */
	struct measure m = wb.measures[0];
	m.ranges[RANGE_SUCCESS_RATE] = (struct value_range){true, 0.1, 0.3};
	cr_assert_eq(store_update_measure(s, &m, "Område", &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_undo(s, &err), STORE_OK, "the old deletion: %s", err.message);
	workbook_free(&wb);
	load(s, &wb);
	cr_assert_eq(wb.measure_count, 2);
	cr_assert(!wb.measures[0].ranges[RANGE_SUCCESS_RATE].set);
	workbook_free(&wb);
	store_close(s);
}

Test(migrate, a_file_that_fails_to_migrate_is_left_as_it_was)
{
	make_v1_file();
	/* Shares past the sum rule, written by a program that skipped the CHECKs:
	 * version 3's payer rule refuses the row, so the migration fails. */
	sqlite3 *db = NULL;
	cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db,
				  "PRAGMA ignore_check_constraints = ON;"
				  " UPDATE measures SET payer_stat = 0.5 WHERE id = 1",
				  NULL, NULL, NULL),
		     SQLITE_OK);
	sqlite3_close(db);
	size_t size0, size1;
	char *before = file_read(path, &size0);
	struct store *s = NULL;
	struct store_error err = {0};
	cr_assert_neq(store_open(path, 0, &s, &err), STORE_OK);
	cr_assert_null(s);
	cr_assert(strstr(err.message, "oppgradere") != NULL, "%s", err.message);
	char *after = file_read(path, &size1);
	cr_assert_eq(size0, size1);
	cr_assert(memcmp(before, after, size0) == 0, "byte-identical: not half migrated");
	cr_assert_eq(after[18], 1, "not switched to WAL");
	cr_assert_eq(raw_int("PRAGMA user_version"), 1);
	free(before);
	free(after);
}

/* schema_current.c's text is what the steps make; on a mismatch the text
 * to put there is printed. */
Test(migrate, current_description_is_what_the_steps_make)
{
	int rc = SQLITE_OK;
	char *stepped = migrate_describe_steps(STORE_SCHEMA_VERSION, &rc);
	cr_assert_eq(rc, SQLITE_OK);
	cr_assert_not_null(stepped);
	if (strcmp(stepped, migrate_current_description) != 0)
		fprintf(stderr, "store/schema_current.c should hold:\n%s", stepped);
	cr_expect_str_eq(stepped, migrate_current_description);
	cr_expect_gt(strlen(migrate_current_description), 1000);
	sqlite3_free(stepped);
}
