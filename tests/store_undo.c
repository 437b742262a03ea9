/*
 * Tests for store/undo.c: per-user undo and redo persisted in the file,
 * conflicts with other users' changes, and import as one undoable edit.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/validate.h"
#include "store/internal.h"
#include "store/store.h"
#include "tests/store_util.h"

STORE_SCRATCH("bok.utenfor")

TestSuite(undo, .init = scratch_setup, .fini = scratch_teardown);

Test(undo, undo_redo_survive_reopen)
{
	struct workbook wb, cur;
	struct store *s = store_open_sample(path, &wb, &cur);
	struct store_error err = {0};
	cr_assert_eq(store_undo(s, &err), STORE_NOTHING);
	cr_assert_null(store_undo_label(s));
	struct measure m = cur.measures[0];
	m.success_rate = 0.5;
	cr_assert_eq(store_update_measure(s, &m, "Første", NULL), STORE_OK);
	m.success_rate = 0.6;
	cr_assert_eq(store_update_measure(s, &m, "Andre", NULL), STORE_OK);
	cr_assert_str_eq(store_undo_label(s), "Andre");
	store_close(s);

	s = store_open_ok(path, 0);
	cr_assert_str_eq(store_undo_label(s), "Andre");
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_undo(s, &err), STORE_NOTHING);
	cr_assert_str_eq(store_redo_label(s), "Første");
	struct workbook after;
	workbook_init(&after);
	cr_assert_eq(store_load(s, &after, NULL), STORE_OK);
	cr_assert(after.measures[0].success_rate == 0.2);
	cr_assert_gt(after.measures[0].row.version, 3, "versions never go back");
	store_close(s);

	s = store_open_ok(path, 0);
	cr_assert_eq(store_redo(s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_load(s, &after, NULL), STORE_OK);
	cr_assert(after.measures[0].success_rate == 0.5);
	cr_assert_str_eq(store_redo_label(s), "Andre");
	/* A new edit clears what is left to redo. */
	m = after.measures[0];
	m.participants = 7;
	cr_assert_eq(store_update_measure(s, &m, "Tredje", NULL), STORE_OK);
	cr_assert_null(store_redo_label(s));
	cr_assert_eq(store_redo(s, &err), STORE_NOTHING);
	cr_assert_eq(store_undo(s, &err), STORE_OK);
	cr_assert_eq(store_undo(s, &err), STORE_OK, "undo the redo: %s", err.message);
	cr_assert_eq(store_load(s, &after, NULL), STORE_OK);
	cr_assert(after.measures[0].success_rate == 0.2);
	cr_assert_eq(after.measures[0].participants, 80);
	store_close(s);
	workbook_free(&wb);
	workbook_free(&cur);
	workbook_free(&after);
}

Test(undo, undo_restores_deleted_group_with_items)
{
	struct workbook wb, cur;
	struct store *s = store_open_sample(path, &wb, &cur);
	struct store_error err = {0};
	cr_assert_eq(store_delete_measure(s, &cur.measures[1], NULL, &err), STORE_OK);
	cr_assert_eq(store_delete_group(s, &cur.groups[1], NULL, &err), STORE_OK, "%s",
		     err.message);
	struct workbook after;
	workbook_init(&after);
	cr_assert_eq(store_load(s, &after, NULL), STORE_OK);
	cr_assert_eq(after.group_count, 1);
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_load(s, &after, NULL), STORE_OK);
	assert_same_workbook(&wb, &after);
	cr_assert_eq(after.groups[1].row.id, cur.groups[1].row.id, "same identity and order");
	cr_assert_eq(store_redo(s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_redo(s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_load(s, &after, NULL), STORE_OK);
	cr_assert_eq(after.group_count, 1);
	cr_assert_eq(after.measure_count, 1);
	store_close(s);
	workbook_free(&wb);
	workbook_free(&cur);
	workbook_free(&after);
}

Test(undo, undo_is_per_user_and_refuses_over_others_changes)
{
	struct workbook wb, cur;
	store_create_sample(path, &wb);
	struct store *kari = store_open_ok(path, 0), *ola = store_open_ok(path, 0);
	store_set_user(kari, "kari");
	store_set_user(ola, "ola");
	workbook_init(&cur);
	cr_assert_eq(store_load(kari, &cur, NULL), STORE_OK);
	struct store_error err = {0};
	struct measure m = cur.measures[0];
	m.lag = 3;
	cr_assert_eq(store_update_measure(kari, &m, "Karis endring", NULL), STORE_OK);
	cr_assert_null(store_undo_label(ola), "ola has nothing to undo");
	cr_assert_eq(store_undo(ola, &err), STORE_NOTHING);
	/* Ola changes the same row; Kari's undo would overwrite it. */
	m.lag = 4;
	cr_assert_eq(store_update_measure(ola, &m, "Olas endring", NULL), STORE_OK);
	cr_assert_eq(store_undo(kari, &err), STORE_CONFLICT);
	cr_assert(strstr(err.message, "Oppfølgingslos") != NULL, "%s", err.message);
	/* Ola's undo is his own and works; then Kari's does too. */
	cr_assert_eq(store_undo(ola, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_undo(kari, &err), STORE_OK, "%s", err.message);
	struct workbook after;
	workbook_init(&after);
	cr_assert_eq(store_load(ola, &after, NULL), STORE_OK);
	cr_assert_eq(after.measures[0].lag, 1);
	store_close(kari);
	store_close(ola);
	workbook_free(&wb);
	workbook_free(&cur);
	workbook_free(&after);
}

Test(undo, replace_all_is_one_undoable_edit)
{
	struct workbook wb, other, after;
	store_create_sample(path, &wb);
	struct store *s = store_open_ok(path, 0);
	workbook_init(&other);
	cr_assert_eq(store_default_workbook(&other), 0);
	struct store_error err = {0};
	cr_assert_eq(store_replace_all(s, &other, "Importer", &err), STORE_OK, "%s", err.message);
	workbook_init(&after);
	cr_assert_eq(store_load(s, &after, NULL), STORE_OK);
	assert_same_workbook(&other, &after);
	cr_assert_str_eq(store_undo_label(s), "Importer");
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_load(s, &after, NULL), STORE_OK);
	assert_same_workbook(&wb, &after);
	/* An invalid workbook changes nothing. */
	other.measures[0].payer[BEARER_STAT].share = 0.5;
	cr_assert_eq(store_replace_all(s, &other, NULL, &err), STORE_REFUSED);
	cr_assert(strstr(err.message, "payer") != NULL, "%s", err.message);
	cr_assert_eq(store_load(s, &after, NULL), STORE_OK);
	assert_same_workbook(&wb, &after);
	store_close(s);
	workbook_free(&wb);
	workbook_free(&other);
	workbook_free(&after);
}
