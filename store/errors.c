/*
 * errors.c: turning SQLite results into the store's statuses and one-line
 * Norwegian messages that name the file, plus two small query helpers.
 *
 * Must never: print; a message is always returned to the caller.
 */
#include "i18n/i18n.h"
#include "store/internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "engine/escape.h"
#include "engine/validate.h"

enum store_status store_fail(struct store_error *err, enum store_status status,
			     const char *path, const char *fmt, ...)
{
	if (err == NULL)
		return status;
	err->status = status;
	/* Conflicts and a vanished file are shown on the status line while
	 * the user knows which file is open: the file's name is enough, and
	 * a long folder would push the news off the screen. */
	if (path != NULL && (status == STORE_CONFLICT || status == STORE_DETACHED)) {
		const char *slash = strrchr(path, '/');
		if (slash != NULL && slash[1] != '\0')
			path = slash + 1;
	}
	int n = snprintf(err->message, sizeof err->message, "%s: ", path ? path : _("arbeidsbok"));
	if (n < 0 || (size_t)n >= sizeof err->message)
		return status;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message + n, sizeof err->message - (size_t)n, fmt, ap);
	va_end(ap);
	/* One line always: SQLite's integrity reports span several. */
	for (char *p = err->message; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	/* File names and row names are input: no raw control characters. */
	text_escape_inplace(err->message, sizeof err->message);
	return status;
}

enum store_status store_fail_sqlite(struct store_error *err, const char *path, sqlite3 *db,
				    int rc, const char *doing)
{
	/* The connection's message belongs to its last call, which may not be
	 * the one that gave `rc` (a helper's "no rows" is SQLITE_EMPTY while
	 * the connection says «not an error»). */
	const char *detail =
		db && sqlite3_errcode(db) == rc ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
	switch (rc & 0xff) {
	case SQLITE_EMPTY:
		return store_fail(err, STORE_INVALID, path,
				  _("en rad arbeidsboken trenger, mangler; kunne ikke %s arbeidsboken"),
				  doing);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return store_fail(err, STORE_BUSY, path,
				  _("arbeidsboken er låst av en annen bruker; prøv igjen"));
	case SQLITE_FULL:
		return store_fail(err, STORE_FULL, path,
				  _("disken er full; endringen ble ikke lagret"));
	case SQLITE_NOTADB:
		return store_fail(err, STORE_NOT_WORKBOOK, path,
				  _("ikke en utenfor-arbeidsbok (filen er ikke en SQLite-database)"));
	case SQLITE_CORRUPT:
		return store_fail(err, STORE_CORRUPT, path,
				  _("filen er skadet (%s); bruk en sikkerhetskopi"), detail);
	case SQLITE_READONLY:
		return store_fail(err, STORE_READ_ONLY, path,
				  _("arbeidsboken kan ikke skrives (%s)"), detail);
	case SQLITE_NOMEM:
		return store_fail(err, STORE_NOMEM, path, _("ikke nok minne"));
	case SQLITE_CONSTRAINT:
		return store_fail(err, STORE_REFUSED, path,
				  _("endringen bryter en regel i arbeidsboken (%s)"), detail);
	default:
		return store_fail(err, STORE_IO, path, _("kunne ikke %s arbeidsboken (%s)"), doing,
				  detail);
	}
}

int store_exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* Prepare and step `sql` once: SQLITE_ROW with *st on its first row,
 * SQLITE_EMPTY without one, or the error.  The caller finalizes *st. */
static int first_row(sqlite3 *db, const char *sql, sqlite3_stmt **st)
{
	*st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(*st);
	return rc == SQLITE_DONE ? SQLITE_EMPTY : rc;
}

int store_query_int(sqlite3 *db, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	int rc = first_row(db, sql, &st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

int store_query_text(sqlite3 *db, const char *sql, char *buf, size_t size)
{
	sqlite3_stmt *st;
	int rc = first_row(db, sql, &st);
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		snprintf(buf, size, "%s", t ? t : "");
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

enum store_status store_fail_problems(struct store_error *err, enum store_status status,
				      const char *path, const char *prefix,
				      const struct problems *pr)
{
	if (pr->count == 0)
		return store_fail(err, status, path, _("%sukjent feil"), prefix);
	char line[PROBLEM_PATH_SIZE + PROBLEM_MESSAGE_SIZE + 4];
	problem_format(&pr->list[0], line, sizeof line);
	size_t more = pr->count - 1 + pr->dropped;
	if (more > 0)
		return store_fail(err, status, path, _("%s%s (og %zu feil til)"), prefix, line, more);
	return store_fail(err, status, path, "%s%s", prefix, line);
}

const char *store_errno_text(int e)
{
	switch (e) {
	case ENOENT:
		return _("mappen finnes ikke");
	case EACCES:
	case EPERM:
		return _("ingen tilgang");
	case EROFS:
		return _("filsystemet er skrivebeskyttet");
	case ENOSPC:
		return _("disken er full");
	case EISDIR:
		return _("er en mappe");
	case ENOTDIR:
		return _("en del av stien er ikke en mappe");
	case ENAMETOOLONG:
		return "for langt filnavn";
	default:
		return strerror(e);
	}
}
