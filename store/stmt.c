/*
 * stmt.c: prepared statements kept for the life of the store, so that an
 * import of 10 000 measures prepares each of its statements once instead
 * of once per row (issue 16).  A statement is found by the address of its
 * SQL text, so only static strings (literals, or tables of them) may be
 * passed; each is reset and its bindings cleared when released, so a kept
 * statement never holds a read transaction open.
 *
 * A store made by store_open() caches from the start (store_close()
 * finalizes); a temporary store (store/create.c builds one on the stack,
 * zeroed) prepares and finalizes each time unless a caller opens a scope
 * with store_stmts_begin().
 *
 * Must never: hand out a statement still running (every use is one
 * store_prepare() … store_release() pair).
 */
#include "store/internal.h"

int store_prepare(struct store *s, const char *sql, sqlite3_stmt **out)
{
	*out = NULL;
	if (!s->stmts_on)
		return sqlite3_prepare_v2(s->db, sql, -1, out, NULL);
	size_t i = 0;
	for (; i < STORE_STMT_SLOTS && s->stmts[i].sql != NULL; i++)
		if (s->stmts[i].sql == sql) {
			*out = s->stmts[i].st;
			return SQLITE_OK;
		}
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	if (i == STORE_STMT_SLOTS) {
		/* Full (cannot happen with today's statements): the oldest goes. */
		sqlite3_finalize(s->stmts[0].st);
		for (size_t k = 1; k < STORE_STMT_SLOTS; k++)
			s->stmts[k - 1] = s->stmts[k];
		i = STORE_STMT_SLOTS - 1;
	}
	s->stmts[i].sql = sql;
	s->stmts[i].st = st;
	*out = st;
	return SQLITE_OK;
}

void store_release(struct store *s, sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	if (!s->stmts_on) {
		sqlite3_finalize(st);
		return;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

bool store_stmts_begin(struct store *s)
{
	if (s->stmts_on)
		return false;
	s->stmts_on = true;
	return true;
}

void store_stmts_end(struct store *s, bool scoped)
{
	if (!scoped)
		return;
	for (size_t i = 0; i < STORE_STMT_SLOTS && s->stmts[i].sql != NULL; i++) {
		sqlite3_finalize(s->stmts[i].st);
		s->stmts[i].sql = NULL;
		s->stmts[i].st = NULL;
	}
	s->stmts_on = false;
}
