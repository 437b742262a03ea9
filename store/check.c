/*
 * check.c: is the file sound?  PRAGMA quick_check reads every page, and a
 * workbook that carries a long undo history is mostly history: each
 * replace-import keeps the before and after image of every row, so nine of
 * them at 10 000 measures make a 100 MB file with 1 MB of workbook in it,
 * and checking it all took longer than the whole rest of the open.
 *
 * So for a file of several MB the check is split by what needs it, and
 * when (a smaller one is checked whole at open: that is as quick):
 *  - before anything is read, the tables store_load() reads and the schema
 *    (quick_check(TABLE): their b-trees and indexes, page by page);
 *  - before anything is written, the whole file (quick_check(1): also the
 *    history, the free pages, and that no page belongs to two trees, which
 *    is what keeps a write from landing on a page in use).  A store opened
 *    with STORE_OPEN_CHECK_LATER runs it in a thread on its own read-only
 *    connection, started when the open is done, so the first paint does not
 *    wait for it; the first write waits for it if it is still running, and
 *    is refused if it found damage.
 *
 * A check that could not finish (the file locked, or stopped at close)
 * gives no verdict; the first write then checks the whole file itself.
 *
 * Must never: let a write start before the whole file passed; use the
 * checking connection from two threads.
 */
#include "i18n/i18n.h"
#include "store/internal.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

/* Every page: what a write needs to have passed. */
#define WHOLE_CHECK "PRAGMA quick_check(1)"

struct store_check {
	pthread_t thread;
	sqlite3 *db;         /* the thread's own connection; closed after the join */
	atomic_bool done;    /* set by the thread as its last act */
	int rc;              /* SQLite code of the check itself */
	char result[256];    /* its first row: "ok" or the first problem */
};

/* The verdict of one check as a status. */
static enum store_status verdict(sqlite3 *db, const char *path, int rc, const char *result,
				 struct store_error *err)
{
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, path, db, rc, _("lese"));
	if (strcmp(result, "ok") != 0)
		return store_fail(err, STORE_CORRUPT, path,
				  _("filen er skadet (%.200s); bruk en sikkerhetskopi"), result);
	return STORE_OK;
}

enum store_status check_whole(sqlite3 *db, const char *path, struct store_error *err)
{
	char result[256] = "";
	int rc = store_query_text(db, WHOLE_CHECK, result, sizeof result);
	return verdict(db, path, rc, result, err);
}

enum store_status check_tables_read(sqlite3 *db, const char *path, struct store_error *err)
{
	/* The schema first: the tables' own checks find them through it. */
	for (int t = -1; t < TABLE_COUNT; t++) {
		char sql[80], result[256] = "";
		snprintf(sql, sizeof sql, "PRAGMA quick_check(%s)",
			 t < 0 ? "sqlite_schema" : store_table_name((enum store_table)t));
		int rc = store_query_text(db, sql, result, sizeof result);
		enum store_status st = verdict(db, path, rc, result, err);
		if (st != STORE_OK)
			return st;
	}
	return STORE_OK;
}

/* Below this the whole check takes a few milliseconds (3 ms for 1 MB
 * here), about what the tables' own checks and a thread cost. */
static int64_t split_min_bytes = 4 << 20;

void check_set_split_min(int64_t bytes)
{
	split_min_bytes = bytes;
}

bool check_worth_splitting(sqlite3 *db)
{
	int64_t pages = 0, size = 0;
	if (store_query_int(db, "PRAGMA page_count", &pages) != SQLITE_OK ||
	    store_query_int(db, "PRAGMA page_size", &size) != SQLITE_OK)
		return false;
	return pages * size >= split_min_bytes;
}

static void *check_thread(void *arg)
{
	struct store_check *c = arg;
#ifdef __linux__
	/* Linux gives each thread its own nice value: the check yields the
	 * core to the open and the first paint it runs beside (on a machine
	 * whose other cores are busy it would otherwise take half of them). */
	(void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 19);
#endif
	c->rc = store_query_text(c->db, WHOLE_CHECK, c->result, sizeof c->result);
	atomic_store(&c->done, true);
	return NULL;
}

void check_start(struct store *s)
{
	struct store_check *c = calloc(1, sizeof *c);
	if (c == NULL)
		return; /* no thread: the first write checks the whole file */
	atomic_init(&c->done, false);
	if (store_open_db(s->path, SQLITE_OPEN_READONLY, &c->db) != SQLITE_OK ||
	    sqlite3_busy_timeout(c->db, STORE_BUSY_TIMEOUT_MS) != SQLITE_OK ||
	    pthread_create(&c->thread, NULL, check_thread, c) != 0) {
		sqlite3_close_v2(c->db);
		free(c);
		return;
	}
	s->check = c;
}

/* Join the thread (interrupted first when asked) and drop it; its SQLite
 * code, and its first row into result (may be NULL). */
static int check_end(struct store *s, bool interrupt, char *result, size_t size)
{
	struct store_check *c = s->check;
	/* sqlite3_interrupt() is safe from another thread (SQLite's documented
	 * exception). */
	if (interrupt && !atomic_load(&c->done))
		sqlite3_interrupt(c->db);
	pthread_join(c->thread, NULL);
	int rc = c->rc;
	if (result != NULL)
		snprintf(result, size, "%s", c->result);
	sqlite3_close_v2(c->db);
	free(c);
	s->check = NULL;
	return rc;
}

/* Keep a whole check's outcome: passed, or the damage every write names. */
static enum store_status record(struct store *s, sqlite3 *db, int rc, const char *result,
				struct store_error *err)
{
	enum store_status st = verdict(db, s->path, rc, result, err);
	s->whole_checked = st == STORE_OK;
	if (st == STORE_CORRUPT)
		snprintf(s->damage, sizeof s->damage, "%s", result);
	return st;
}

/* Take the thread's verdict into the store (joins; the check is over).
 * A check that did not finish leaves the store unchecked. */
static enum store_status check_take(struct store *s, struct store_error *err)
{
	char result[sizeof s->damage];
	int rc = check_end(s, false, result, sizeof result);
	return rc == SQLITE_OK ? record(s, s->db, rc, result, err) : STORE_OK;
}

enum store_status check_before_write(struct store *s, struct store_error *err)
{
	if (s->damage[0] != '\0')
		return verdict(s->db, s->path, SQLITE_OK, s->damage, err);
	if (s->whole_checked)
		return STORE_OK;
	enum store_status st = s->check != NULL ? check_take(s, err) : STORE_OK;
	if (st != STORE_OK || s->whole_checked)
		return st;
	/* No verdict from the thread: check here, on the writing connection. */
	char result[sizeof s->damage] = "";
	int rc = store_query_text(s->db, WHOLE_CHECK, result, sizeof result);
	return record(s, s->db, rc, result, err);
}

void check_stop(struct store *s)
{
	if (s->check != NULL)
		check_end(s, true, NULL, 0);
}

enum store_status store_check_result(struct store *s, bool *done, struct store_error *err)
{
	*done = true;
	if (s->damage[0] != '\0')
		return verdict(s->db, s->path, SQLITE_OK, s->damage, err);
	if (s->check == NULL)
		return STORE_OK;
	if (!atomic_load(&s->check->done)) {
		*done = false;
		return STORE_OK;
	}
	return check_take(s, err);
}
