/*
 * The workbook's file deleted, moved or replaced under an open store
 * (issue 18 item 4, store/identity.h): the store notices before the next
 * write and on the UI's poll, writes nothing more, says what happened, and
 * never applies its log to the file now under the name -- including the
 * rename-and-restore case, checked by a second process reading the
 * restored file while the first still has the old one open, and again
 * after it closed.
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store.h"
#include "tests/store_util.h"

STORE_SCRATCH("bok.utenfor")

TestSuite(identity, .init = scratch_setup, .fini = scratch_teardown);

static long first_participants(const struct workbook *wb)
{
	cr_assert_gt(wb->measure_count, 0);
	return wb->measures[0].participants;
}

/* Set the first measure's participants to n; returns the status. */
static enum store_status set_participants(struct store *s, struct workbook *cur, long n,
					  struct store_error *err)
{
	cur->measures[0].participants = n;
	return store_update_measure(s, &cur->measures[0], "test", err);
}

/* In a child process: open `p` as a new program would, check it and return
 * its first measure's participants (or -1 when refused). */
static long read_as_another_process(const char *p)
{
	int fds[2];
	cr_assert_eq(pipe(fds), 0);
	pid_t pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		close(fds[0]);
		long v = -1;
		struct store *s = NULL;
		struct store_error err = {0};
		struct workbook wb;
		workbook_init(&wb);
		sqlite3 *db = NULL;
		char ok[8] = "";
		if (sqlite3_open_v2(p, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
			sqlite3_stmt *st = NULL;
			if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK &&
			    sqlite3_step(st) == SQLITE_ROW)
				snprintf(ok, sizeof ok, "%s", (const char *)sqlite3_column_text(st, 0));
			sqlite3_finalize(st);
		}
		sqlite3_close(db);
		if (strcmp(ok, "ok") == 0 && store_open(p, 0, &s, &err) == STORE_OK &&
		    store_load(s, &wb, &err) == STORE_OK && wb.measure_count > 0)
			v = wb.measures[0].participants;
		store_close(s);
		workbook_free(&wb);
		if (write(fds[1], &v, sizeof v) != (ssize_t)sizeof v)
			_exit(1);
		_exit(0);
	}
	close(fds[1]);
	long v = -2;
	cr_assert_eq(read(fds[0], &v, sizeof v), (ssize_t)sizeof v);
	close(fds[0]);
	int status = 0;
	waitpid(pid, &status, 0);
	return v;
}

Test(identity, deleted_file_stops_writing_and_says_so)
{
	struct workbook wb, cur;
	struct store *s = store_open_sample(path, &wb, &cur);
	struct store_error err = {0};
	cr_assert_eq(set_participants(s, &cur, 41, &err), STORE_OK, "%s", err.message);
	cr_assert_null(store_detached_message(s));
	cr_assert_eq(unlink(path), 0);

	cr_assert(store_changed_elsewhere(s), "the poll notices the deletion");
	cr_assert_not_null(store_detached_message(s));
	cr_assert_eq(set_participants(s, &cur, 42, &err), STORE_DETACHED, "%s", err.message);
	cr_assert(strstr(err.message, "slettet eller flyttet") != NULL, "%s", err.message);
	cr_assert(strstr(err.message, "Avslutt") != NULL, "says what to do: %s", err.message);
	cr_assert(strchr(err.message, '\n') == NULL);
	struct workbook again;
	workbook_init(&again);
	cr_assert_eq(store_load(s, &again, &err), STORE_DETACHED);
	cr_assert_eq(store_undo(s, &err), STORE_DETACHED, "undo writes too: refused");
	store_close(s);
	cr_assert(!file_exists(path), "nothing recreated the deleted workbook");
	workbook_free(&again);
	workbook_free(&wb);
	workbook_free(&cur);
}

Test(identity, rename_and_restore_never_gets_the_old_log)
{
	struct workbook wb, cur;
	store_create_sample(path, &wb);
	long original = first_participants(&wb);
	char backup[4200], moved[4200];
	snprintf(backup, sizeof backup, "%s.backup", path);
	snprintf(moved, sizeof moved, "%s.moved", path);
	/* A backup of the closed file (complete: no log beside it). */
	size_t size = 0;
	char *bytes = file_read(path, &size);
	FILE *f = fopen(backup, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(bytes, 1, size, f), size);
	fclose(f);

	struct store *s = store_open_ok(path, 0);
	struct store_error err = {0};
	workbook_init(&cur);
	cr_assert_eq(store_load(s, &cur, &err), STORE_OK);
	/* Several commits, so the log has held frames of the open file. */
	for (long n = 11; n <= 15; n++)
		cr_assert_eq(set_participants(s, &cur, n, &err), STORE_OK, "%s", err.message);

	/* Move the open file away and put the backup in its place. */
	cr_assert_eq(rename(path, moved), 0);
	cr_assert_eq(rename(backup, path), 0);
	cr_assert_eq(read_as_another_process(path), original,
		     "the restored file read by another program while the old one is open");

	cr_assert_eq(set_participants(s, &cur, 99, &err), STORE_DETACHED, "%s", err.message);
	cr_assert(strstr(err.message, "byttet ut") != NULL, "%s", err.message);
	cr_assert_eq(read_as_another_process(path), original, "still the backup's value");
	store_close(s);

	size_t after_size = 0;
	char *after = file_read(path, &after_size);
	cr_assert_eq(read_as_another_process(path), original, "after the old store closed");
	cr_assert_eq(read_as_another_process(moved), 15, "the moved file kept its edits");
	free(after);
	free(bytes);
	workbook_free(&wb);
	workbook_free(&cur);
}

Test(identity, same_file_renamed_back_is_still_refused_until_reopened)
{
	struct workbook wb, cur;
	struct store *s = store_open_sample(path, &wb, &cur);
	struct store_error err = {0};
	char moved[4200];
	snprintf(moved, sizeof moved, "%s.moved", path);
	cr_assert_eq(rename(path, moved), 0);
	cr_assert_eq(set_participants(s, &cur, 7, &err), STORE_DETACHED);
	cr_assert_eq(rename(moved, path), 0);
	/* Detaching is for good: the user was told to reopen. */
	cr_assert_eq(set_participants(s, &cur, 8, &err), STORE_DETACHED);
	store_close(s);
	s = store_open_ok(path, 0);
	struct workbook fresh;
	workbook_init(&fresh);
	cr_assert_eq(store_load(s, &fresh, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(first_participants(&fresh), first_participants(&wb), "neither edit was written");
	store_close(s);
	workbook_free(&fresh);
	workbook_free(&wb);
	workbook_free(&cur);
}

/* Issue 18 item 12: a conflict names the file, not its whole folder, so
 * the news fits the status line. */
Test(identity, conflict_message_has_no_folder_prefix)
{
	struct workbook wb, cur, other;
	struct store *s = store_open_sample(path, &wb, &cur);
	struct store *t = store_open_ok(path, 0);
	struct store_error err = {0};
	workbook_init(&other);
	cr_assert_eq(store_load(t, &other, &err), STORE_OK);
	cr_assert_eq(set_participants(s, &cur, 21, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(set_participants(t, &other, 22, &err), STORE_CONFLICT, "%s", err.message);
	cr_assert(strncmp(err.message, "bok.utenfor: ", 13) == 0, "%s", err.message);
	cr_assert(strstr(err.message, dir) == NULL, "no folder in: %s", err.message);
	store_close(t);
	store_close(s);
	workbook_free(&other);
	workbook_free(&wb);
	workbook_free(&cur);
}

/* Issue 18 item 12: a symlink into a read-only folder opens read-only
 * (SQLite would keep -wal/-shm beside the real file, where it cannot). */
Test(identity, symlink_into_read_only_folder_opens_read_only)
{
	struct workbook wb;
	char ro[4200], real[4300], link_path[4200];
	snprintf(ro, sizeof ro, "%s/ro", dir);
	cr_assert_eq(mkdir(ro, 0755), 0);
	snprintf(real, sizeof real, "%s/bok.utenfor", ro);
	store_create_sample(real, &wb);
	cr_assert_eq(chmod(ro, 0555), 0);
	snprintf(link_path, sizeof link_path, "%s/lenke.utenfor", dir);
	cr_assert_eq(symlink(real, link_path), 0);
	struct store *s = store_open_ok(link_path, 0);
	cr_assert(store_is_read_only(s), "opened for writing through the symlink");
	cr_assert_not_null(store_read_only_notice(s));
	cr_assert(strstr(store_read_only_notice(s), "mappen") != NULL, "%s",
		  store_read_only_notice(s));
	store_close(s);
	chmod(ro, 0755);
	unlink(real);
	rmdir(ro);
	unlink(link_path);
	workbook_free(&wb);
}
