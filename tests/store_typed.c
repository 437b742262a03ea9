/*
 * Tests for store/column.c (issue 18 item 8): values written into the file
 * past its CHECK constraints (as a hand edit with the checks switched off
 * could) are refused while the row is read, naming table, row and column,
 * and never load as some other number or end as an out-of-memory error.
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "store/store.h"
#include "tests/store_util.h"

STORE_SCRATCH("typer.utenfor")

TestSuite(typed, .init = scratch_setup, .fini = scratch_teardown);

static void hand_edit(const char *sql)
{
	struct workbook wb;
	store_create_sample(path, &wb);
	workbook_free(&wb);
	sqlite3 *db = NULL;
	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	char *msg = NULL;
	int rc = sqlite3_exec(db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, &msg);
	cr_assert_eq(rc, SQLITE_OK);
	rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	cr_assert_eq(rc, SQLITE_OK, "%s: %s", sql, msg ? msg : "");
	cr_assert_eq(sqlite3_changes(db), 1, "%s changes one row", sql);
	sqlite3_close(db);
}

/* Load must refuse with a message holding every needle, and load nothing. */
static void expect_refused_row(const char *const *needles)
{
	struct store *s = store_open_ok(path, 0);
	struct workbook wb;
	workbook_init(&wb);
	struct store_error err = {0};
	cr_assert_eq(store_load(s, &wb, &err), STORE_INVALID, "%s", err.message);
	cr_assert_eq(wb.measure_count, 0);
	cr_assert_eq(wb.group_count, 0);
	cr_assert(strncmp(err.message, path, strlen(path)) == 0, "%s", err.message);
	cr_assert(strchr(err.message, '\n') == NULL, "%s", err.message);
	cr_assert(strstr(err.message, "minne") == NULL, "not out of memory: %s", err.message);
	for (const char *const *n = needles; *n; n++)
		cr_assert(strstr(err.message, *n) != NULL, "«%s» in: %s", *n, err.message);
	store_close(s);
	workbook_free(&wb);
}

Test(typed, integer_past_32_bits_is_not_read_as_1)
{
	hand_edit("UPDATE measures SET duration = 4294967297 WHERE name = 'Oppfølgingslos'");
	const char *n[] = {"tabellen measures", "rad 1", "kolonnen duration", "4294967297",
			   "heltall fra 1 til 100", "tiltaket «Oppfølgingslos»", NULL};
	expect_refused_row(n);
}

Test(typed, fraction_in_an_integer_column_is_not_rounded)
{
	hand_edit("UPDATE measures SET participants = 2.5 WHERE name = 'Familieveiledning'");
	const char *n[] = {"tabellen measures", "rad 2", "kolonnen participants", "fant 2.5", NULL};
	expect_refused_row(n);
}

Test(typed, text_in_a_number_column_is_not_zero)
{
	hand_edit("UPDATE items SET amount = 'abc' WHERE name = 'AAP'");
	const char *n[] = {"tabellen items", "kolonnen amount", "«abc»", "kostnadsposten «AAP»",
			   NULL};
	expect_refused_row(n);
}

Test(typed, text_in_a_real_parameter_is_refused)
{
	hand_edit("UPDATE workbook SET g_amount = '130 160' WHERE id = 1");
	const char *n[] = {"tabellen workbook", "rad 1", "kolonnen g_amount", NULL};
	expect_refused_row(n);
}

Test(typed, invalid_utf8_text_is_refused_without_quoting_it)
{
	hand_edit("UPDATE groups SET name = CAST(X'4672c3' || X'28616c6c' AS TEXT)"
		  " WHERE gid = 'barnevern'");
	const char *n[] = {"tabellen groups, rad 2, kolonnen name", "ikke er gyldig UTF-8",
			   NULL};
	expect_refused_row(n);
}

Test(typed, overlong_utf8_and_nul_inside_text_are_refused)
{
	hand_edit("UPDATE items SET source = CAST(X'c0af' AS TEXT) WHERE name = 'AAP'");
	const char *a[] = {"kolonnen source", "UTF-8", NULL};
	expect_refused_row(a);
	tmpdir_remove(dir);
	scratch_setup();
	hand_edit("UPDATE measures SET name = CAST(X'4c6f7300787878' AS TEXT) WHERE id = 1");
	const char *b[] = {"tabellen measures", "rad 1", "kolonnen name", NULL};
	expect_refused_row(b);
}

Test(typed, blob_and_null_are_refused)
{
	hand_edit("UPDATE measures SET success_rate = X'00ff' WHERE id = 2");
	const char *a[] = {"kolonnen success_rate", "binærdata (2 byte)", NULL};
	expect_refused_row(a);
}

Test(typed, real_past_its_range_is_refused)
{
	hand_edit("UPDATE measures SET decay = 1.5 WHERE id = 1");
	const char *a[] = {"kolonnen decay", "fra 0 til 1", "1.5", NULL};
	expect_refused_row(a);
}

Test(typed, text_longer_than_its_buffer_is_refused)
{
	hand_edit("UPDATE workbook SET name = printf('%.200c', 'x') WHERE id = 1");
	const char *a[] = {"tabellen workbook", "kolonnen name", "høyst 127 byte", NULL};
	expect_refused_row(a);
}

Test(typed, integer_in_a_real_column_is_a_number)
{
	/* Not an error: another program may store 3 rather than 3.0. */
	hand_edit("UPDATE measures SET cost_per_participant = CAST(9000 AS INTEGER) WHERE id = 1");
	struct store *s = store_open_ok(path, 0);
	struct workbook wb;
	workbook_init(&wb);
	struct store_error err = {0};
	cr_assert_eq(store_load(s, &wb, &err), STORE_OK, "%s", err.message);
	cr_assert(wb.measures[0].cost_per_participant == 9000);
	store_close(s);
	workbook_free(&wb);
}
