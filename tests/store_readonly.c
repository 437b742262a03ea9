/*
 * Tests for store/ opened read-only: by request, on a read-only file or
 * directory, and a WAL file SQLite cannot share: edits are refused and
 * the file's bytes and mtime stay the same.
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

TestSuite(readonly, .init = scratch_setup, .fini = scratch_teardown);

static void snapshot(const char *p, struct stat *st, char **bytes, size_t *size)
{
	cr_assert_eq(stat(p, st), 0);
	*bytes = file_read(p, size);
}

static void assert_unchanged(const char *p, const struct stat *st0, const char *bytes0,
			     size_t size0)
{
	struct stat st1;
	char *bytes1;
	size_t size1;
	snapshot(p, &st1, &bytes1, &size1);
	cr_assert_eq(size0, size1);
	cr_assert(memcmp(bytes0, bytes1, size0) == 0, "file bytes changed");
	cr_assert_eq(st0->st_mtim.tv_sec, st1.st_mtim.tv_sec);
	cr_assert_eq(st0->st_mtim.tv_nsec, st1.st_mtim.tv_nsec);
	free(bytes1);
}

Test(readonly, read_only_refuses_edits_and_writes_nothing)
{
	struct workbook wb, cur;
	store_create_sample(path, &wb);
	struct stat st0;
	char *bytes0;
	size_t size0;
	snapshot(path, &st0, &bytes0, &size0);

	struct store *s = store_open_ok(path, STORE_OPEN_READ_ONLY);
	cr_assert(store_is_read_only(s));
	cr_assert_null(store_read_only_notice(s), "the user asked for it");
	workbook_init(&cur);
	struct store_error err = {0};
	cr_assert_eq(store_load(s, &cur, &err), STORE_OK, "%s", err.message);
	assert_same_workbook(&wb, &cur);
	cur.measures[0].participants = 5;
	cr_assert_eq(store_update_measure(s, &cur.measures[0], NULL, &err), STORE_READ_ONLY);
	cr_assert(strstr(err.message, "bare for lesing") != NULL, "%s", err.message);
	cr_assert_eq(store_replace_all(s, &wb, NULL, &err), STORE_READ_ONLY);
	cr_assert_eq(store_undo(s, &err), STORE_READ_ONLY);
	store_close(s);
	assert_unchanged(path, &st0, bytes0, size0);
	free(bytes0);
	workbook_free(&wb);
	workbook_free(&cur);
}

Test(readonly, read_only_file_opens_read_only_with_notice)
{
	struct workbook wb, cur;
	store_create_sample(path, &wb);
	cr_assert_eq(chmod(path, 0444), 0);
	struct stat st0;
	char *bytes0;
	size_t size0;
	snapshot(path, &st0, &bytes0, &size0);
	struct store *s = store_open_ok(path, 0);
	cr_assert(store_is_read_only(s));
	cr_assert_not_null(store_read_only_notice(s));
	cr_assert(strstr(store_read_only_notice(s), "skrivebeskyttet") != NULL);
	workbook_init(&cur);
	cr_assert_eq(store_load(s, &cur, NULL), STORE_OK);
	cr_assert_eq(store_delete_measure(s, &cur.measures[0], NULL, NULL), STORE_READ_ONLY);
	store_close(s);
	assert_unchanged(path, &st0, bytes0, size0);
	free(bytes0);
	workbook_free(&wb);
	workbook_free(&cur);
}

Test(readonly, read_only_directory_opens_read_only)
{
	struct workbook wb, cur;
	store_create_sample(path, &wb);
	cr_assert_eq(chmod(dir, 0555), 0);
	struct store *s = store_open_ok(path, 0);
	cr_assert(store_is_read_only(s));
	cr_assert(strstr(store_read_only_notice(s), "mappen") != NULL);
	workbook_init(&cur);
	struct store_error err = {0};
	cr_assert_eq(store_load(s, &cur, &err), STORE_OK, "%s", err.message);
	assert_same_workbook(&wb, &cur);
	store_close(s);
	chmod(dir, 0700);
	workbook_free(&wb);
	workbook_free(&cur);
}

/* Reap the child that ran as another user, give the directory back its
 * write permission (so teardown can remove it), and expect exit 0. */
static void wait_child_ok(pid_t pid)
{
	int status;
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	chmod(dir, 0700);
	cr_assert(WIFEXITED(status));
	cr_assert_eq(WEXITSTATUS(status), 0, "child step %d failed", WEXITSTATUS(status));
}

Test(readonly, wal_file_in_unwritable_directory_is_readable)
{
	struct workbook wb;
	store_create_sample(path, &wb);
	workbook_free(&wb);
	char side[4200];
	snprintf(side, sizeof side, "%s-shm", path);
	cr_assert(!file_exists(side), "closed cleanly: no -shm left");
	cr_assert_eq(chmod(path, 0644), 0);
	cr_assert_eq(chmod(dir, 0555), 0);
	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(10);
		struct store *s = NULL;
		struct store_error err = {0};
		if (store_open(path, 0, &s, &err) != STORE_OK) {
			fprintf(stderr, "%s\n", err.message);
			_exit(11);
		}
		if (!store_is_read_only(s) || store_read_only_notice(s) == NULL)
			_exit(12);
		struct workbook got;
		workbook_init(&got);
		if (store_load(s, &got, &err) != STORE_OK || got.measure_count != 2 ||
		    got.group_count != 2)
			_exit(13);
		if (store_update_params(s, &got.params, NULL, &err) != STORE_READ_ONLY)
			_exit(14);
		store_close(s);
		workbook_free(&got);
		_exit(0);
	}
	wait_child_ok(pid);
	cr_assert(!file_exists(side), "nothing created next to the file");
}

/*
 * The same, but a writer died leaving commits in the -wal (and no -shm):
 * reading the file as immutable would miss them, so the store refuses
 * instead of showing stale numbers.
 */
Test(readonly, unwritable_directory_with_pending_wal_is_refused)
{
	struct workbook wb;
	store_create_sample(path, &wb);
	workbook_free(&wb);
	sqlite3 *db = NULL;
	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "UPDATE measures SET participants = 99", NULL, NULL, NULL),
		     SQLITE_OK);
	sqlite3_close(db);
	char wal[4200], shm[4200];
	snprintf(wal, sizeof wal, "%s-wal", path);
	snprintf(shm, sizeof shm, "%s-shm", path);
	struct stat st;
	cr_assert_eq(stat(wal, &st), 0);
	cr_assert_gt(st.st_size, 0, "the commit is still in the WAL");
	unlink(shm);
	cr_assert_eq(chmod(path, 0644), 0);
	cr_assert_eq(chmod(wal, 0644), 0);
	cr_assert_eq(chmod(dir, 0555), 0);
	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	if (pid == 0) {
		if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(10);
		struct store *s = NULL;
		struct store_error err = {0};
		enum store_status status = store_open(path, 0, &s, &err);
		if (status == STORE_OK) {
			struct workbook got;
			workbook_init(&got);
			/* If SQLite can read the WAL after all, it must see the commit. */
			if (store_load(s, &got, &err) != STORE_OK || got.measures[0].participants != 99)
				_exit(11);
			workbook_free(&got);
			store_close(s);
			_exit(0);
		}
		_exit(strstr(err.message, "ikke er skrevet inn") != NULL ? 0 : 12);
	}
	wait_child_ok(pid);
}
