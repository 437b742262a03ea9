/*
 * Tests for the undo history's bound (store/undo.c undo_prune): only the
 * newest N steps of the editing user are kept, in the edit's transaction;
 * every committed edit stays in the rows; the kept steps still undo and
 * redo; other users' steps are left alone.
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "store/internal.h"
#include "store/store.h"
#include "tests/store_util.h"

STORE_SCRATCH("bok.utenfor")

TestSuite(prune, .init = scratch_setup, .fini = scratch_teardown);

static int64_t count(struct store *s, const char *sql)
{
	int64_t n = -1;
	cr_assert_eq(store_query_int(s->db, sql, &n), SQLITE_OK);
	return n;
}

static int64_t steps_of(struct store *s, const char *user)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM edit_log WHERE user = '%s'", user);
	return count(s, sql);
}

Test(prune, keeps_the_newest_steps_and_every_committed_edit)
{
	struct workbook wb, cur;
	struct store *s = store_open_sample(path, &wb, &cur);
	store_set_undo_steps(s, 3);
	struct measure m = cur.measures[0];
	for (int i = 1; i <= 8; i++) {
		char label[32];
		snprintf(label, sizeof label, "Steg %d", i);
		m.participants = 100 + i;
		cr_assert_eq(store_update_measure(s, &m, label, NULL), STORE_OK);
		cr_assert_leq(steps_of(s, s->user), 3, "after edit %d", i);
	}
	cr_assert_eq(steps_of(s, s->user), 3);
	cr_assert_eq(count(s, "SELECT count(*) FROM edit_rows WHERE edit_id NOT IN"
			      " (SELECT id FROM edit_log)"),
		     0, "no images of pruned steps are left");
	struct workbook after;
	workbook_init(&after);
	cr_assert_eq(store_load(s, &after, NULL), STORE_OK);
	cr_assert_eq(after.measures[0].participants, 108, "the last edit is in the rows");

	/* The three kept steps undo, newest first; the fourth is gone. */
	struct store_error err = {0};
	for (int i = 8; i >= 6; i--) {
		char label[32];
		snprintf(label, sizeof label, "Steg %d", i);
		cr_assert_str_eq(store_undo_label(s), label);
		cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	}
	cr_assert_eq(store_load(s, &after, NULL), STORE_OK);
	cr_assert_eq(after.measures[0].participants, 105);
	cr_assert_eq(store_undo(s, &err), STORE_NOTHING, "Steg 5 was pruned");
	/* Undos are not edits: nothing more was pruned, and they redo. */
	cr_assert_eq(steps_of(s, s->user), 6);
	cr_assert_eq(store_redo(s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_load(s, &after, NULL), STORE_OK);
	cr_assert_eq(after.measures[0].participants, 106);
	/* New edits prune again, also the undo entries older than the bound,
	 * whose reverted edits may be gone already. */
	m = after.measures[0];
	for (int i = 0; i < 3; i++) {
		m.participants = 200 + i;
		cr_assert_eq(store_update_measure(s, &m, "Ny", NULL), STORE_OK);
	}
	cr_assert_eq(steps_of(s, s->user), 3);
	cr_assert_eq(store_load(s, &after, NULL), STORE_OK);
	cr_assert_eq(after.measures[0].participants, 202);
	cr_assert_eq(count(s, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	workbook_free(&after);
	store_close(s);
}

Test(prune, other_users_steps_and_zero_are_left_alone)
{
	struct workbook wb, cur;
	struct store *s = store_open_sample(path, &wb, &cur);
	store_set_user(s, "kari");
	struct measure m = cur.measures[0];
	for (int i = 0; i < 4; i++) {
		m.participants = 50 + i;
		cr_assert_eq(store_update_measure(s, &m, "Kari", NULL), STORE_OK);
	}
	store_set_user(s, "ola");
	store_set_undo_steps(s, 2);
	for (int i = 0; i < 4; i++) {
		m.participants = 60 + i;
		cr_assert_eq(store_update_measure(s, &m, "Ola", NULL), STORE_OK);
	}
	cr_assert_eq(steps_of(s, "ola"), 2);
	cr_assert_eq(steps_of(s, "kari"), 4, "only the editing user's steps are pruned");
	store_set_undo_steps(s, 0);
	for (int i = 0; i < 4; i++) {
		m.participants = 70 + i;
		cr_assert_eq(store_update_measure(s, &m, "Ola", NULL), STORE_OK);
	}
	cr_assert_eq(steps_of(s, "ola"), 6, "0 keeps everything");
	store_close(s);
}

Test(prune, replace_imports_stay_bounded)
{
	struct workbook wb, cur;
	struct store *s = store_open_sample(path, &wb, &cur);
	store_set_undo_steps(s, 2);
	struct store_error err = {0};
	for (int i = 0; i < 6; i++) {
		cur.measures[0].participants = 10 + i;
		cr_assert_eq(store_replace_all(s, &cur, "Import", &err), STORE_OK, "%s",
			     err.message);
	}
	cr_assert_eq(steps_of(s, s->user), 2);
	/* Two imports' images: each deletes and inserts every row once. */
	int64_t rows = count(s, "SELECT count(*) FROM edit_rows");
	int64_t data = count(s, "SELECT (SELECT count(*) FROM measures) + (SELECT count(*) FROM"
				" items) + (SELECT count(*) FROM groups) + (SELECT count(*) FROM"
				" sectors) + 1");
	cr_assert_leq(rows, 2 * 2 * data, "%lld image rows for %lld data rows", (long long)rows,
		      (long long)data);
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	struct workbook after;
	workbook_init(&after);
	cr_assert_eq(store_load(s, &after, NULL), STORE_OK);
	cr_assert_eq(after.measures[0].participants, 14, "the kept import undoes to the one before");
	workbook_free(&after);
	store_close(s);
}

static long long file_bytes(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 ? (long long)st.st_size : -1;
}

Test(prune, compact_shrinks_the_file_and_keeps_rows_and_history)
{
	struct workbook wb, cur;
	struct store *s = store_open_sample(path, &wb, &cur);
	struct store_error err = {0};
	/* Bulk the file up with history, then prune most of it. */
	for (int i = 0; i < 40; i++) {
		cur.measures[0].participants = 10 + i;
		cr_assert_eq(store_replace_all(s, &cur, "Import", &err), STORE_OK, "%s",
			     err.message);
	}
	store_set_undo_steps(s, 1);
	cur.measures[0].participants = 99;
	cr_assert_eq(store_replace_all(s, &cur, "Siste", &err), STORE_OK, "%s", err.message);
	long long before = file_bytes(path);
	cr_assert_eq(store_compact(s, &err), STORE_OK, "%s", err.message);
	long long after = file_bytes(path);
	cr_assert_lt(after, before, "compact: %lld → %lld bytes", before, after);
	struct workbook now;
	workbook_init(&now);
	cr_assert_eq(store_load(s, &now, NULL), STORE_OK);
	cr_assert_eq(now.measure_count, cur.measure_count, "every row is kept");
	cr_assert_eq(now.measures[0].participants, 99);
	cr_assert_str_eq(store_undo_label(s), "Siste");
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_load(s, &now, NULL), STORE_OK);
	cr_assert_eq(now.measures[0].participants, 49, "the kept step still undoes");
	char check[16] = "";
	sqlite3_stmt *st = NULL;
	cr_assert_eq(sqlite3_prepare_v2(s->db, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	snprintf(check, sizeof check, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	cr_assert_str_eq(check, "ok");
	workbook_free(&now);
	store_close(s);
}

Test(prune, compact_is_refused_read_only_and_while_another_writes)
{
	struct workbook wb, cur;
	struct store *s = store_open_sample(path, &wb, &cur);
	store_close(s);
	struct store_error err = {0};
	struct store *ro = store_open_ok(path, STORE_OPEN_READ_ONLY);
	cr_assert_eq(store_compact(ro, &err), STORE_READ_ONLY);
	store_close(ro);

	struct store *a = store_open_ok(path, 0);
	struct store *b = store_open_ok(path, 0);
	store_set_busy_timeout(b, 50);
	cr_assert_eq(store_exec(a->db, "BEGIN IMMEDIATE"), SQLITE_OK);
	cr_assert_eq(store_compact(b, &err), STORE_BUSY, "%s", err.message);
	cr_assert_eq(store_exec(a->db, "ROLLBACK"), SQLITE_OK);
	cr_assert_eq(store_compact(b, &err), STORE_OK, "%s", err.message);
	store_close(a);
	store_close(b);
}
