/*
 * Tests for the split check of store/check.c: with STORE_OPEN_CHECK_LATER
 * the tables store_load() reads are checked at open and the rest of the
 * file (the undo history) in a thread; damage there is found after the
 * open and refuses every write, leaving the file as it was, while damage
 * in what the load reads still refuses the open.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/internal.h"
#include "store/store.h"
#include "tests/store_util.h"

STORE_SCRATCH("bok.utenfor")

/* The test files are small; the split is made for big ones. */
static void setup(void)
{
	scratch_setup();
	check_set_split_min(0);
}

TestSuite(check, .init = setup, .fini = scratch_teardown);

/* 300 measures, replaced once: a history of many pages beside the data. */
static void create_with_history(void)
{
	struct workbook wb;
	store_create_big(path, &wb);
	struct store_error err = {0};
	struct store *s = store_open_ok(path, 0);
	cr_assert_eq(store_replace_all(s, &wb, "Import", &err), STORE_OK, "%s", err.message);
	store_close(s);
	workbook_free(&wb);
	char side[4200];
	snprintf(side, sizeof side, "%s-wal", path);
	cr_assert(!file_exists(side), "WAL checkpointed and removed on close");
}

/* Wait (at most 10 s) for the thread's verdict. */
static enum store_status verdict(struct store *s, struct store_error *err)
{
	bool done = false;
	enum store_status st = STORE_OK;
	for (int i = 0; i < 10000 && !done; i++) {
		st = store_check_result(s, &done, err);
		if (!done)
			nanosleep(&(struct timespec){0, 1000000}, NULL);
	}
	cr_assert(done, "the whole-file check finished");
	return st;
}

Test(check, damaged_history_is_found_after_the_open_and_refuses_writes)
{
	create_with_history();
	scribble_root_page(path, "edit_rows");
	size_t size0;
	char *bytes0 = file_read(path, &size0);

	/* Without the flag the whole file is checked first, as before. */
	struct store *s = NULL;
	struct store_error err = {0};
	cr_assert_eq(store_open(path, 0, &s, &err), STORE_CORRUPT, "%s", err.message);
	cr_assert_null(s);

	s = store_open_ok(path, STORE_OPEN_CHECK_LATER);
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(store_load(s, &wb, &err), STORE_OK, "the data reads: %s", err.message);
	cr_assert_eq(wb.measure_count, 302);
	cr_assert_eq(verdict(s, &err), STORE_CORRUPT);
	cr_assert(strstr(err.message, "skadet") != NULL, "%s", err.message);
	cr_assert(strncmp(err.message, path, strlen(path)) == 0, "names the file: %s",
		  err.message);
	/* Every write is refused with the same words, asked again or not. */
	for (int i = 0; i < 2; i++) {
		struct store_error werr = {0};
		wb.params.horizon = 50;
		cr_assert_eq(store_update_params(s, &wb.params, "Endre horisont", &werr),
			     STORE_CORRUPT);
		cr_assert(strstr(werr.message, "skadet") != NULL, "%s", werr.message);
		cr_assert(strstr(werr.message + strlen(path), path) == NULL, "the file named once: %s",
			  werr.message);
		bool done = false;
		cr_assert_eq(store_check_result(s, &done, &werr), STORE_CORRUPT);
		cr_assert(done);
	}
	workbook_free(&wb);
	store_close(s);

	size_t size1;
	char *bytes1 = file_read(path, &size1);
	cr_assert_eq(size0, size1);
	cr_assert(memcmp(bytes0, bytes1, size0) == 0, "the file must be byte-identical");
	free(bytes0);
	free(bytes1);
}

Test(check, damaged_data_is_refused_at_the_open)
{
	create_with_history();
	scribble_root_page(path, "measures");
	struct store *s = NULL;
	struct store_error err = {0};
	cr_assert_eq(store_open(path, STORE_OPEN_CHECK_LATER, &s, &err), STORE_CORRUPT, "%s",
		     err.message);
	cr_assert_null(s);
	cr_assert(strstr(err.message, "skadet") != NULL, "%s", err.message);
}

Test(check, a_sound_file_takes_an_edit_at_once)
{
	create_with_history();
	struct store *s = store_open_ok(path, STORE_OPEN_CHECK_LATER);
	struct workbook wb;
	workbook_init(&wb);
	struct store_error err = {0};
	cr_assert_eq(store_load(s, &wb, &err), STORE_OK, "%s", err.message);
	/* Right after the open: the edit waits for the check, then saves. */
	wb.params.horizon = 50;
	cr_assert_eq(store_update_params(s, &wb.params, "Endre horisont", &err), STORE_OK, "%s",
		     err.message);
	bool done = false;
	cr_assert_eq(store_check_result(s, &done, &err), STORE_OK);
	cr_assert(done, "the edit took the verdict");
	workbook_free(&wb);
	store_close(s);

	s = store_open_ok(path, 0);
	workbook_init(&wb);
	cr_assert_eq(store_load(s, &wb, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(wb.params.horizon, 50);
	workbook_free(&wb);
	store_close(s);
}

Test(check, closing_while_the_check_runs_stops_it)
{
	create_with_history();
	for (int i = 0; i < 20; i++) {
		struct store *s = store_open_ok(path, STORE_OPEN_CHECK_LATER);
		store_close(s); /* interrupts and joins; ASan finds a leak or a race */
	}
	struct store *s = store_open_ok(path, 0);
	store_close(s);
}

Test(check, a_small_file_is_checked_whole_at_the_open)
{
	create_with_history();
	scribble_root_page(path, "edit_rows");
	check_set_split_min(64 << 20);
	struct store *s = NULL;
	struct store_error err = {0};
	cr_assert_eq(store_open(path, STORE_OPEN_CHECK_LATER, &s, &err), STORE_CORRUPT, "%s",
		     err.message);
	cr_assert_null(s);
}

Test(check, read_only_checks_the_whole_file_at_the_open)
{
	create_with_history();
	scribble_root_page(path, "edit_rows");
	struct store *s = NULL;
	struct store_error err = {0};
	cr_assert_eq(store_open(path, STORE_OPEN_READ_ONLY | STORE_OPEN_CHECK_LATER, &s, &err),
		     STORE_CORRUPT, "%s", err.message);
	cr_assert_null(s);
}
