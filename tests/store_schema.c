/*
 * The schema's CHECK constraints must mirror engine/validate's ranges:
 * for every ranged field, writing its minimum and maximum straight into
 * the file through SQLite succeeds, and a value just outside is refused
 * by the file itself (SQLITE_CONSTRAINT).  Text columns refuse more bytes
 * than the engine's buffers hold.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdint.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/validate.h"
#include "store/store.h"
#include "tests/store_util.h"

STORE_SCRATCH("skjema.utenfor")
static sqlite3 *db;

static void setup(void)
{
	scratch_setup();
	struct workbook wb;
	store_create_sample(path, &wb);
	workbook_free(&wb);
	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
}

static void teardown(void)
{
	sqlite3_close(db);
	scratch_teardown();
}

TestSuite(schema, .init = setup, .fini = teardown);

struct column {
	enum field_id field;
	const char *table;
	const char *column;
};

/* Every ranged field and where the file keeps it (payer shares are
 * covered by the sum test below). */
static const struct column columns[] = {
	{FIELD_BASE_YEAR, "workbook", "base_year"},
	{FIELD_HORIZON, "workbook", "horizon"},
	{FIELD_DISCOUNT_RATE, "workbook", "discount_rate"},
	{FIELD_G_AMOUNT, "workbook", "g_amount"},
	{FIELD_ENTRY_AGE, "groups", "entry_age"},
	{FIELD_ITEM_AMOUNT, "items", "amount"},
	{FIELD_PARTICIPANTS, "measures", "participants"},
	{FIELD_START_YEAR, "measures", "start_year"},
	{FIELD_START_AGE, "measures", "start_age"},
	{FIELD_DURATION, "measures", "duration"},
	{FIELD_COST_PER_PARTICIPANT, "measures", "cost_per_participant"},
	{FIELD_SUCCESS_RATE, "measures", "success_rate"},
	{FIELD_DEADWEIGHT, "measures", "deadweight"},
	{FIELD_LAG, "measures", "lag"},
	{FIELD_EFFECT_YEARS, "measures", "effect_years"},
	{FIELD_DECAY, "measures", "decay"},
	{FIELD_PRICE_YEAR, "workbook", "price_year"},
	{FIELD_REAL_GROWTH, "workbook", "real_growth"},
	{FIELD_PLAN_START_YEAR, "workbook", "plan_start_year"},
	{FIELD_PLAN_YEARS, "workbook", "plan_years"},
	{FIELD_DRAWS, "workbook", "draws"},
	{FIELD_SEED, "workbook", "seed"},
	{FIELD_SPREAD, "workbook", "spread_a"},
	{FIELD_SPREAD, "workbook", "spread_b"},
	{FIELD_SPREAD, "workbook", "spread_c"},
	{FIELD_SPREAD, "workbook", "spread_d"},
	{FIELD_TAX_COST, "workbook", "tax_cost"},
};

/* UPDATE one row's column to `value`; the SQLite result code. */
static int set_int(const char *table, const char *column, int64_t value);

static int set(const char *table, const char *column, double value, bool integer)
{
	char sql[256];
	snprintf(sql, sizeof sql, "UPDATE %s SET %s = ? WHERE id = (SELECT min(id) FROM %s)", table,
		 column, table);
	sqlite3_stmt *st = NULL;
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
	if (integer)
		sqlite3_bind_int64(st, 1, (sqlite3_int64)value);
	else
		sqlite3_bind_double(st, 1, value);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Whole numbers as int64: 2^53 + 1 (past the seed's range) is no double. */
static int set_int(const char *table, const char *column, int64_t value)
{
	char sql[256];
	snprintf(sql, sizeof sql, "UPDATE %s SET %s = ? WHERE id = (SELECT min(id) FROM %s)", table,
		 column, table);
	sqlite3_stmt *st = NULL;
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
	sqlite3_bind_int64(st, 1, value);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

Test(schema, checks_mirror_validation_ranges)
{
	/* Items' age range is checked with from ≤ to: give room first. */
	cr_assert_eq(sqlite3_exec(db, "UPDATE items SET from_age = 0, to_age = 120", NULL, NULL,
				  NULL),
		     SQLITE_OK);
	for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++) {
		const struct column *c = &columns[i];
		const struct field_range *r = field_range(c->field);
		bool integer = r->kind == FIELD_INTEGER;
		double below = integer ? r->min - 1 : r->min - fmax(1e-9, fabs(r->min) * 1e-9);
		double above = r->max + fmax(1e-9, fabs(r->max) * 1e-9);
		cr_assert_eq(set(c->table, c->column, r->min, integer), SQLITE_OK,
			     "%s.%s = min %g refused", c->table, c->column, r->min);
		cr_assert_eq(set(c->table, c->column, r->max, integer), SQLITE_OK,
			     "%s.%s = max %g refused", c->table, c->column, r->max);
		cr_assert_eq(set(c->table, c->column, below, integer), SQLITE_CONSTRAINT,
			     "%s.%s = %.17g (below %g) allowed", c->table, c->column, below, r->min);
		if (integer)
			cr_assert_eq(set_int(c->table, c->column, (int64_t)r->max + 1),
				     SQLITE_CONSTRAINT, "%s.%s = max + 1 allowed", c->table,
				     c->column);
		else
			cr_assert_eq(set(c->table, c->column, above, integer), SQLITE_CONSTRAINT,
				     "%s.%s = %.17g (above %g) allowed", c->table, c->column, above,
				     r->max);
		if (integer)
			cr_assert_eq(set(c->table, c->column, r->min + 0.5, false), SQLITE_CONSTRAINT,
				     "%s.%s accepts a fraction", c->table, c->column);
	}
}

Test(schema, item_ages_and_payer_sum)
{
	cr_assert_eq(sqlite3_exec(db, "UPDATE items SET from_age = 30, to_age = 29", NULL, NULL,
				  NULL),
		     SQLITE_CONSTRAINT);
	cr_assert_eq(sqlite3_exec(db, "UPDATE items SET from_age = 30, to_age = 30", NULL, NULL,
				  NULL),
		     SQLITE_OK);
	/* The payer's rules are triggers (they hold with CHECKs switched off). */
	cr_assert_eq(sqlite3_exec(db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL),
		     SQLITE_OK);
	const char *ok = "UPDATE measures SET payer = '[[\"kommune\",0.3333333],"
			 "[\"fylkeskommune\",0.3333333],[\"stat\",0.3333334]]'";
	cr_assert_eq(sqlite3_exec(db, ok, NULL, NULL, NULL), SQLITE_OK);
	const char *bad[] = {
		"UPDATE measures SET payer = '[[\"kommune\",0.5],[\"stat\",0.501]]'",
		"UPDATE measures SET payer = '[[\"kommune\",0.5],[\"kommune\",0.5]]'",
		"UPDATE measures SET payer = '[[\"bydel\",1]]'",
		"UPDATE measures SET payer = '[[999,1]]'",
		"UPDATE measures SET payer = '[[\"kommune\",\"1\"]]'",
		"UPDATE measures SET payer = '[[\"kommune\",1.5],[\"stat\",-0.5]]'",
		"UPDATE measures SET payer = '[]'",
		"UPDATE measures SET payer = '[[\"kommune\",1]'",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_eq(sqlite3_exec(db, bad[i], NULL, NULL, NULL), SQLITE_CONSTRAINT, "%s",
			     bad[i]);
	cr_assert_eq(sqlite3_exec(db, "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL),
		     SQLITE_OK);
	/* A declared sector by its row id; its bearer must be the item's. */
	cr_assert_eq(sqlite3_exec(db,
				  "INSERT INTO sectors (sid, name, bearer, kostra) VALUES"
				  " ('barnevern', 'Barnevern', 'kommune', '244');"
				  "UPDATE measures SET payer = '[[1,0.5],[\"stat\",0.5]]';"
				  "UPDATE items SET sector_ref = 1 WHERE bearer = 'kommune'",
				  NULL, NULL, NULL),
		     SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "UPDATE items SET sector_ref = 1 WHERE bearer = 'stat'",
				  NULL, NULL, NULL),
		     SQLITE_CONSTRAINT);
	cr_assert_eq(sqlite3_exec(db, "UPDATE sectors SET bearer = 'stat'", NULL, NULL, NULL),
		     SQLITE_CONSTRAINT);
	cr_assert_eq(sqlite3_exec(db, "UPDATE items SET sector_ref = NULL", NULL, NULL, NULL),
		     SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "DELETE FROM sectors", NULL, NULL, NULL), SQLITE_CONSTRAINT,
		     "still named by a payer");
	cr_assert_eq(sqlite3_exec(db, "UPDATE items SET kind = 'production'", NULL, NULL, NULL),
		     SQLITE_CONSTRAINT, "a society item has no bearer");
	cr_assert_eq(sqlite3_exec(db, "UPDATE items SET kind = 'production', bearer = NULL",
				  NULL, NULL, NULL),
		     SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "UPDATE items SET bearer = 'bydel'", NULL, NULL, NULL),
		     SQLITE_CONSTRAINT);
	cr_assert_eq(sqlite3_exec(db, "UPDATE items SET confidence = 'E'", NULL, NULL, NULL),
		     SQLITE_CONSTRAINT);
	cr_assert_eq(sqlite3_exec(db, "UPDATE workbook SET discount_mode = 'r110'", NULL, NULL,
				  NULL),
		     SQLITE_CONSTRAINT);
	cr_assert_eq(sqlite3_exec(db, "UPDATE measures SET effect_years = NULL", NULL, NULL, NULL),
		     SQLITE_OK);
}

/* A text of `bytes` bytes (two-byte «ø» where possible). */
static char *text_of(size_t bytes)
{
	char *t = malloc(bytes + 1);
	cr_assert_not_null(t);
	size_t i = 0;
	for (; i + 2 <= bytes; i += 2)
		memcpy(t + i, "\xc3\xb8", 2);
	if (i < bytes)
		t[i++] = 'x';
	t[i] = '\0';
	return t;
}

static int set_text(const char *table, const char *column, const char *text)
{
	char sql[256];
	snprintf(sql, sizeof sql, "UPDATE %s SET %s = ? WHERE id = (SELECT min(id) FROM %s)",
		 table, column, table);
	sqlite3_stmt *st = NULL;
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

Test(schema, text_lengths_are_the_engine_buffers)
{
	struct {
		const char *table, *column;
		size_t size;
	} texts[] = {
		{"workbook", "name", TEXT_NAME_SIZE},
		{"workbook", "municipality", TEXT_NAME_SIZE},
		{"groups", "name", TEXT_NAME_SIZE},
		{"groups", "description", TEXT_DESCRIPTION_SIZE},
		{"items", "name", TEXT_NAME_SIZE},
		{"items", "source", TEXT_SOURCE_SIZE},
		{"measures", "name", TEXT_NAME_SIZE},
		{"sectors", "sid", TEXT_ID_SIZE},
		{"sectors", "name", TEXT_NAME_SIZE},
		{"sectors", "kostra", TEXT_KOSTRA_SIZE},
	};
	cr_assert_eq(sqlite3_exec(db,
				  "INSERT INTO sectors (sid, name, bearer, kostra) VALUES"
				  " ('nav', 'NAV', 'stat', '')",
				  NULL, NULL, NULL),
		     SQLITE_OK);
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char *fits = text_of(texts[i].size - 1), *too_long = text_of(texts[i].size);
		cr_assert_eq(set_text(texts[i].table, texts[i].column, fits), SQLITE_OK, "%s.%s",
			     texts[i].table, texts[i].column);
		cr_assert_eq(set_text(texts[i].table, texts[i].column, too_long), SQLITE_CONSTRAINT,
			     "%s.%s", texts[i].table, texts[i].column);
		free(fits);
		free(too_long);
	}
	/* Group ids: not empty, fewer than TEXT_ID_SIZE bytes. */
	cr_assert_eq(sqlite3_exec(db, "UPDATE groups SET gid = '' WHERE id = 1", NULL, NULL, NULL),
		     SQLITE_CONSTRAINT);
	char *id = text_of(TEXT_ID_SIZE);
	cr_assert_eq(set_text("groups", "gid", id), SQLITE_CONSTRAINT);
	free(id);
}

Test(schema, ranges_enclose_their_value)
{
	static const char *const cases[][2] = {
		{"success_rate_low = 0.1, success_rate_high = 0.3", "ok"},
		{"success_rate_low = 0.25, success_rate_high = 0.3", "below"},
		{"success_rate_low = 0.1, success_rate_high = NULL", "half"},
		{"success_rate_low = 0.1, success_rate_high = 1.01", "past"},
		{"cost_per_participant_low = 0, cost_per_participant_high = 1e12", "ok"},
		{"cost_per_participant_low = -1, cost_per_participant_high = 8000", "past"},
		{"decay_low = 0.0, decay_high = 0.05", "ok"},
		{"deadweight_low = 0.2, deadweight_high = 0.3", "below"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char sql[200];
		snprintf(sql, sizeof sql, "UPDATE measures SET %s WHERE id = 1", cases[i][0]);
		int want = strcmp(cases[i][1], "ok") == 0 ? SQLITE_OK : SQLITE_CONSTRAINT;
		cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), want, "%s", sql);
	}
}
