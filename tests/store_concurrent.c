/*
 * Concurrency tests for store/: two processes on one workbook lose no
 * edit; conflicting updates of one row give STORE_CONFLICT to exactly one
 * of them; a lock held too long gives STORE_BUSY, not a hang.
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/internal.h"
#include "store/store.h"
#include "tests/store_util.h"

STORE_SCRATCH("delt.utenfor")

static void setup(void)
{
	scratch_setup();
	struct workbook wb;
	store_create_sample(path, &wb);
	workbook_free(&wb);
}

TestSuite(concurrent, .init = setup, .fini = scratch_teardown, .timeout = 60);

#define PER_CHILD 40

static void child_insert(const char *who)
{
	struct store *s = NULL;
	if (store_open(path, 0, &s, NULL) != STORE_OK)
		_exit(2);
	store_set_user(s, who);
	for (int i = 0; i < PER_CHILD; i++) {
		struct measure m;
		char name[64];
		snprintf(name, sizeof name, "%s-%d", who, i);
		sample_measure(&m, name, "frafall-vgs");
		struct store_error err = {0};
		if (store_insert_measure(s, &m, NULL, &err) != STORE_OK)
			_exit(3);
	}
	store_close(s);
	_exit(0);
}

Test(concurrent, two_writers_lose_nothing)
{
	const char *who[2] = {"kari", "ola"};
	pid_t pids[2];
	for (int c = 0; c < 2; c++) {
		pids[c] = fork();
		cr_assert_geq(pids[c], 0);
		if (pids[c] == 0)
			child_insert(who[c]);
	}
	for (int c = 0; c < 2; c++) {
		int status;
		cr_assert_eq(waitpid(pids[c], &status, 0), pids[c]);
		cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s failed (%d)", who[c],
			  status);
	}
	struct store *s = NULL;
	struct store_error err = {0};
	cr_assert_eq(store_open(path, 0, &s, &err), STORE_OK, "%s", err.message);
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(store_load(s, &wb, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(wb.measure_count, 2 + 2 * PER_CHILD);
	for (int c = 0; c < 2; c++)
		for (int i = 0; i < PER_CHILD; i++) {
			char name[64];
			snprintf(name, sizeof name, "%s-%d", who[c], i);
			bool found = false;
			for (size_t k = 0; k < wb.measure_count && !found; k++)
				found = strcmp(wb.measures[k].name, name) == 0;
			cr_assert(found, "%s missing", name);
		}
	/* Each user's undo takes back their own last insert only. */
	store_set_user(s, "ola");
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_load(s, &wb, &err), STORE_OK);
	cr_assert_eq(wb.measure_count, 1 + 2 * PER_CHILD);
	for (size_t k = 0; k < wb.measure_count; k++)
		cr_assert_str_neq(wb.measures[k].name, "ola-39");
	store_close(s);
	workbook_free(&wb);
}

/* Load, tell the parent, wait for "go", update measure 0 to `value`;
 * exit 0 on OK, 1 on CONFLICT, 9 otherwise. */
static void child_update(int ready_fd, int go_fd, long value)
{
	struct store *s = NULL;
	if (store_open(path, 0, &s, NULL) != STORE_OK)
		_exit(9);
	struct workbook wb;
	workbook_init(&wb);
	if (store_load(s, &wb, NULL) != STORE_OK)
		_exit(9);
	char c = 'r';
	if (write(ready_fd, &c, 1) != 1 || read(go_fd, &c, 1) != 1)
		_exit(9);
	struct measure m = wb.measures[0];
	m.participants = value;
	struct store_error err = {0};
	enum store_status st = store_update_measure(s, &m, NULL, &err);
	if (st == STORE_CONFLICT && strstr(err.message, "«Oppfølgingslos»") == NULL)
		_exit(8);
	_exit(st == STORE_OK ? 0 : st == STORE_CONFLICT ? 1 : 9);
}

Test(concurrent, conflicting_updates_one_wins_one_is_told)
{
	for (int round = 0; round < 5; round++) {
		int ready[2], go[2];
		cr_assert_eq(pipe(ready), 0);
		cr_assert_eq(pipe(go), 0);
		pid_t pids[2];
		long values[2] = {1000 + round, 2000 + round};
		for (int c = 0; c < 2; c++) {
			pids[c] = fork();
			cr_assert_geq(pids[c], 0);
			if (pids[c] == 0)
				child_update(ready[1], go[0], values[c]);
		}
		char buf[2];
		cr_assert_eq(read(ready[0], buf, 1), 1);
		cr_assert_eq(read(ready[0], buf + 1, 1), 1);
		/* Both have read the same version; release them together. */
		cr_assert_eq(write(go[1], "gg", 2), 2);
		int codes[2];
		for (int c = 0; c < 2; c++) {
			int status;
			cr_assert_eq(waitpid(pids[c], &status, 0), pids[c]);
			cr_assert(WIFEXITED(status));
			codes[c] = WEXITSTATUS(status);
		}
		close(ready[0]);
		close(ready[1]);
		close(go[0]);
		close(go[1]);
		cr_assert((codes[0] == 0 && codes[1] == 1) || (codes[0] == 1 && codes[1] == 0),
			  "round %d: exit codes %d and %d", round, codes[0], codes[1]);
		int winner = codes[0] == 0 ? 0 : 1;
		struct store *s = NULL;
		cr_assert_eq(store_open(path, 0, &s, NULL), STORE_OK);
		struct workbook wb;
		workbook_init(&wb);
		cr_assert_eq(store_load(s, &wb, NULL), STORE_OK);
		cr_assert_eq(wb.measures[0].participants, values[winner],
			     "the loser must not overwrite the winner");
		store_close(s);
		workbook_free(&wb);
	}
}

Test(concurrent, held_lock_gives_busy_not_a_hang)
{
	sqlite3 *holder = NULL;
	cr_assert_eq(sqlite3_open_v2(path, &holder, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(holder, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);

	struct store *s = NULL;
	struct store_error err = {0};
	cr_assert_eq(store_open(path, 0, &s, &err), STORE_OK, "%s", err.message);
	store_set_busy_timeout(s, 100);
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(store_load(s, &wb, &err), STORE_OK, "reading is never blocked: %s",
		     err.message);
	struct measure m = wb.measures[0];
	m.participants = 5;
	cr_assert_eq(store_update_measure(s, &m, NULL, &err), STORE_BUSY);
	cr_assert(strstr(err.message, "låst av en annen bruker; prøv igjen") != NULL, "%s",
		  err.message);
	cr_assert_eq(m.row.version, 1);

	cr_assert_eq(sqlite3_exec(holder, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(holder);
	cr_assert_eq(store_update_measure(s, &m, NULL, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_load(s, &wb, &err), STORE_OK);
	cr_assert_eq(wb.measures[0].participants, 5);
	store_close(s);
	workbook_free(&wb);
}
