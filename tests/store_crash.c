/*
 * Durability test for store/: a child process makes edits and reports
 * each one on a pipe as soon as the store says it is committed; the parent
 * kills it with SIGKILL at a random moment.  After reopening, every
 * reported edit must be there and the file must pass integrity_check.
 */
#include <criterion/criterion.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"
#include "tests/store_util.h"

STORE_SCRATCH("krasj.utenfor")

TestSuite(crash, .init = scratch_setup, .fini = scratch_teardown, .timeout = 60);

/* The child: insert a measure, update the first one, report i; forever. */
static void child_edit(int round, int fd)
{
	struct store *s = NULL;
	if (store_open(path, 0, &s, NULL) != STORE_OK)
		_exit(3);
	struct workbook wb;
	workbook_init(&wb);
	if (store_load(s, &wb, NULL) != STORE_OK)
		_exit(4);
	struct measure first = wb.measures[0];
	for (int i = 1; i < 100000; i++) {
		struct measure m;
		char name[64];
		snprintf(name, sizeof name, "r%d-%d", round, i);
		sample_measure(&m, name, "barnevern");
		if (store_insert_measure(s, &m, NULL, NULL) != STORE_OK)
			_exit(5);
		first.participants = round * 100000 + i;
		if (store_update_measure(s, &first, NULL, NULL) != STORE_OK)
			_exit(6);
		if (write(fd, &i, sizeof i) != (ssize_t)sizeof i)
			_exit(7);
	}
	_exit(0);
}

static bool has_measure(const struct workbook *wb, const char *name)
{
	for (size_t i = 0; i < wb->measure_count; i++)
		if (strcmp(wb->measures[i].name, name) == 0)
			return true;
	return false;
}

static void integrity_ok(void)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_assert_str_eq((const char *)sqlite3_column_text(st, 0), "ok");
	sqlite3_finalize(st);
	sqlite3_close(db);
}

Test(crash, sigkill_loses_no_committed_edit)
{
	struct workbook wb;
	sample_workbook(&wb);
	cr_assert_eq(store_create(path, &wb, NULL), STORE_OK);
	workbook_free(&wb);
	unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
	cr_log_info("seed %u", seed);
	srand(seed);
	int total = 0;
	for (int round = 1; round <= 6; round++) {
		int fds[2];
		cr_assert_eq(pipe(fds), 0);
		pid_t pid = fork();
		cr_assert_geq(pid, 0);
		if (pid == 0) {
			close(fds[0]);
			child_edit(round, fds[1]);
		}
		close(fds[1]);
		/* Kill after a random number of reports, so the kill lands at a
		 * random point of the next edit (often mid-transaction). */
		int wait_for = 1 + rand() % 25, last = 0, got;
		while (last < wait_for && read(fds[0], &got, sizeof got) == (ssize_t)sizeof got)
			last = got;
		cr_assert_eq(kill(pid, SIGKILL), 0);
		/* Reports written before the kill still count. */
		while (read(fds[0], &got, sizeof got) == (ssize_t)sizeof got)
			last = got;
		close(fds[0]);
		int status;
		cr_assert_eq(waitpid(pid, &status, 0), pid);
		cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
			  "child ended otherwise (status %d) in round %d", status, round);
		cr_assert_geq(last, wait_for);
		total += last;

		integrity_ok();
		struct store *s = NULL;
		struct store_error err = {0};
		cr_assert_eq(store_open(path, 0, &s, &err), STORE_OK, "%s", err.message);
		workbook_init(&wb);
		cr_assert_eq(store_load(s, &wb, &err), STORE_OK, "%s", err.message);
		for (int i = 1; i <= last; i++) {
			char name[64];
			snprintf(name, sizeof name, "r%d-%d", round, i);
			cr_assert(has_measure(&wb, name), "committed edit %s lost", name);
		}
		cr_assert_geq(wb.measures[0].participants, round * 100000 + last);
		/* The history is consistent too: the last edit can be undone. */
		cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
		store_close(s);
		workbook_free(&wb);
	}
	cr_log_info("%d committed edits checked", total);
}
