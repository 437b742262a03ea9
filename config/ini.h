/*
 * ini.h: one INI file read through iniparser, plus what iniparser does not
 * tell: the line of every section and key, so that every message can name
 * the file and line the user must fix.
 *
 * This is the only module that includes iniparser.  It follows iniparser
 * 4.1's rules (NOTES.md): keys and sections are lower-cased byte by byte;
 * `#` or `;` start a comment, also after an unquoted value, so "#rrggbb"
 * must be quoted; a line longer than 1022 characters, a line that is
 * neither a section, a comment nor `key = value`, makes iniparser refuse
 * the whole file.  The scan here finds those lines so the message can point
 * at them, and then the file is treated as absent.
 *
 * Must never: print (iniparser's own stderr messages are silenced), exit,
 * or use iniparser's getboolean/getdouble/getlongint (they crash on a
 * section name in iniparser 4.1).
 */
#ifndef UTENFOR_CONFIG_INI_H
#define UTENFOR_CONFIG_INI_H

#include <stdbool.h>
#include <stddef.h>

#include "config/messages.h"

/* iniparser's lines are read into a 1024-byte buffer with the newline. */
#define INI_LINE_MAX 1022

struct ini_entry {
	char *section; /* lower-cased; "" before the first section header */
	char *key;     /* lower-cased; NULL for a section header line */
	int line;      /* 1-based, the first physical line of the entry */
};

struct ini_doc {
	char *path;
	void *dict; /* iniparser's dictionary; NULL when the file was refused */
	struct ini_entry *entries; /* in file order */
	size_t count;
};

enum ini_status {
	INI_OK,
	INI_MISSING,    /* no such file (a message only when !missing_ok) */
	INI_UNREADABLE, /* exists but cannot be read, or is not a file */
	INI_SYNTAX,     /* iniparser refused it; each bad line has a message */
	INI_NOMEM
};

/*
 * Read `path`.  On INI_OK the caller owns `doc` and frees it with
 * ini_close(); on any other status `doc` is empty (ini_close() is still
 * safe) and `msgs` says why, naming the file and, for syntax errors, each
 * bad line.
 */
enum ini_status ini_open(const char *path, bool missing_ok, struct ini_doc *doc,
			 struct config_messages *msgs);
void ini_close(struct ini_doc *doc);

/* The value of `key` in `section` (both lower-case), or NULL when absent.
 * The string belongs to `doc`. */
const char *ini_get(const struct ini_doc *doc, const char *section, const char *key);

/* The line of the last occurrence of `key` in `section` (the one iniparser
 * keeps), or 0. */
int ini_line_of(const struct ini_doc *doc, const char *section, const char *key);

/* The line of the header of `section`, or 0. */
int ini_section_line(const struct ini_doc *doc, const char *section);

/* A message for every key that appears twice in one section, naming both
 * lines and saying that the last one is used (iniparser keeps the last). */
void ini_report_duplicates(const struct ini_doc *doc, struct config_messages *msgs);

/* Lower-case ASCII letters in place, leaving other bytes as iniparser does. */
void ini_lower(char *s);

#endif
