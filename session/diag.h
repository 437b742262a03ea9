/*
 * diag.h: the one error type above the engine.  Every session_* call that
 * can fail returns an enum diag_code and, when not DIAG_OK, fills a
 * struct diag with a one-line message in the user's language (already
 * translated; control characters as the store escaped them), and the
 * field it is about when there is one.  The message never starts with the
 * workbook's path: the caller already shows which file is open.
 *
 * Must never: print, allocate, or depend on the terminal.
 */
#ifndef UTENFOR_SESSION_DIAG_H
#define UTENFOR_SESSION_DIAG_H

#include <stdarg.h>

enum diag_code {
	DIAG_OK = 0,
	DIAG_INVALID,   /* the text or the row failed parsing/validation: nothing changed */
	DIAG_CONFLICT,  /* someone else changed the row: reloaded, their version shown */
	DIAG_READ_ONLY, /* the workbook is open read-only */
	DIAG_NOT_FOUND, /* no such row (deleted elsewhere?) or no such field */
	DIAG_NOTHING,   /* nothing to undo / redo / no draft */
	DIAG_IO,        /* the file could not be read or written */
	DIAG_NOMEM
};

struct diag {
	enum diag_code code;
	char field[64];    /* the field's key ("success_rate"), or "" */
	char message[600]; /* one line, translated */
};

/* Reset to DIAG_OK with empty texts.  d may be NULL. */
void diag_clear(struct diag *d);
/* Fill d (may be NULL) and return code. */
enum diag_code diag_set(struct diag *d, enum diag_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
