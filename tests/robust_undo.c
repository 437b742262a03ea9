/*
 * One conflicting undo step no longer blocks a user's older undos (issue
 * 18 item 12): the step someone else has changed since is passed over,
 * named by store_undo_skipped(), and stays undoable once the other change
 * is gone.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "store/internal.h"
#include "tests/store_util.h"

STORE_SCRATCH("bok.utenfor")

TestSuite(undo_skip, .init = scratch_setup, .fini = scratch_teardown);

static int lag_of(struct store *s, size_t i)
{
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(store_load(s, &wb, NULL), STORE_OK);
	int lag = wb.measures[i].lag;
	workbook_free(&wb);
	return lag;
}

Test(undo_skip, a_conflict_is_passed_over_for_older_steps)
{
	struct workbook wb, cur;
	store_create_sample(path, &wb);
	cr_assert_geq(wb.measure_count, 2);
	int lag0 = wb.measures[0].lag, lag1 = wb.measures[1].lag;
	struct store *kari = store_open_ok(path, 0), *ola = store_open_ok(path, 0);
	store_set_user(kari, "kari");
	store_set_user(ola, "ola");
	workbook_init(&cur);
	cr_assert_eq(store_load(kari, &cur, NULL), STORE_OK);
	struct store_error err = {0};
	/* Kari: first measure 0, then measure 1. */
	cur.measures[0].lag = 5;
	cr_assert_eq(store_update_measure(kari, &cur.measures[0], "Kari endrer første", &err),
		     STORE_OK, "%s", err.message);
	cur.measures[1].lag = 6;
	cr_assert_eq(store_update_measure(kari, &cur.measures[1], "Kari endrer andre", &err),
		     STORE_OK, "%s", err.message);
	/* Ola changes measure 1 after her. */
	struct workbook o;
	workbook_init(&o);
	cr_assert_eq(store_load(ola, &o, NULL), STORE_OK);
	o.measures[1].lag = 7;
	cr_assert_eq(store_update_measure(ola, &o.measures[1], "Ola endrer andre", &err), STORE_OK);

	/* Her newest step would overwrite Ola's: the older one is undone. */
	cr_assert_str_eq(store_undo_label(kari), "Kari endrer første");
	cr_assert_eq(store_undo(kari, &err), STORE_OK, "%s", err.message);
	cr_assert_str_eq(store_undo_skipped(kari), "Kari endrer andre");
	cr_assert_eq(lag_of(kari, 0), lag0, "the older step was undone");
	cr_assert_eq(lag_of(kari, 1), 7, "Ola's change is untouched");
	/* Nothing older left: the conflict is reported, nothing written. */
	cr_assert_eq(store_undo(kari, &err), STORE_CONFLICT, "%s", err.message);
	cr_assert_eq(lag_of(kari, 1), 7);
	/* Ola takes his change back: Kari's skipped step can be undone now. */
	cr_assert_eq(store_undo(ola, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_undo(kari, &err), STORE_OK, "%s", err.message);
	cr_assert_null(store_undo_skipped(kari));
	cr_assert_eq(lag_of(kari, 1), lag1);
	store_close(kari);
	store_close(ola);
	workbook_free(&o);
	workbook_free(&wb);
	workbook_free(&cur);
}
