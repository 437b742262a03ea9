/*
 * ini.c: read an INI file with iniparser and index its lines.
 *
 * The line scanner mirrors iniparser 4.1's iniparser_load()/iniparser_line()
 * (read in 1024-byte lines, trailing backslash continues a line, a line is
 * empty, a comment, "[section]" or "key = value" with a non-empty key, or
 * else a syntax error), so that what it calls an error is exactly what
 * makes iniparser refuse the file.
 *
 * Must never: print (iniparser's error callback is silenced), exit, or call
 * iniparser's numeric getters.
 */
#include "config.h"

#include "i18n/i18n.h"
#include "config/ini.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#if defined(HAVE_INIPARSER_H) && !defined(HAVE_INIPARSER_INIPARSER_H)
#include <iniparser.h>
#else
#include <iniparser/iniparser.h>
#endif

/* iniparser's physical line buffer, newline and NUL included. */
#define RAW_LINE_BUF 1024

static int silent_error(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

void ini_lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* Copy s[0..n) without surrounding blanks, lower-cased; caller frees. */
static char *strip_lower_dup(const char *s, size_t n)
{
	while (n > 0 && is_blank(*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_blank(s[n - 1]))
		n--;
	char *out = malloc(n + 1);
	if (out == NULL)
		return NULL;
	memcpy(out, s, n);
	out[n] = '\0';
	ini_lower(out);
	return out;
}

static int add_entry(struct ini_doc *doc, size_t *cap, const char *section,
		     char *key, int line)
{
	if (doc->count == *cap) {
		size_t ncap = *cap ? *cap * 2 : 32;
		struct ini_entry *e = realloc(doc->entries, ncap * sizeof *e);
		if (e == NULL) {
			free(key);
			return -1;
		}
		doc->entries = e;
		*cap = ncap;
	}
	char *sec = strdup(section);
	if (sec == NULL) {
		free(key);
		return -1;
	}
	doc->entries[doc->count++] = (struct ini_entry){sec, key, line};
	return 0;
}

enum line_kind { LINE_BLANK, LINE_NOTE, LINE_HEADER, LINE_PAIR, LINE_BAD };

/* Classify one logical line as iniparser_line() does.  On LINE_HEADER
 * *name is the new section, on LINE_PAIR the key (both malloc'ed). */
static enum line_kind classify(const char *line, char **name)
{
	*name = NULL;
	size_t n = strlen(line);
	while (n > 0 && is_blank(*line)) {
		line++;
		n--;
	}
	while (n > 0 && is_blank(line[n - 1]))
		n--;
	if (n == 0)
		return LINE_BLANK;
	if (line[0] == '#' || line[0] == ';')
		return LINE_NOTE;
	if (line[0] == '[' && line[n - 1] == ']') {
		/* iniparser reads "[%[^]]": the name ends at the first ']'. */
		const char *end = memchr(line + 1, ']', n - 1);
		*name = strip_lower_dup(line + 1, (size_t)(end - line - 1));
		return LINE_HEADER;
	}
	const char *eq = memchr(line, '=', n);
	if (eq == NULL || eq == line)
		return LINE_BAD;
	*name = strip_lower_dup(line, (size_t)(eq - line));
	return LINE_PAIR;
}

/* Show at most 60 bytes of a bad line, cut on a UTF-8 boundary. */
static void excerpt(char *out, size_t size, const char *line)
{
	while (is_blank(*line))
		line++;
	size_t n = strlen(line);
	size_t max = size - 4;
	if (n <= max) {
		memcpy(out, line, n + 1);
		return;
	}
	while (max > 0 && ((unsigned char)line[max] & 0xC0) == 0x80)
		max--;
	memcpy(out, line, max);
	memcpy(out + max, "…", sizeof "…");
}

/* Returns the number of syntax errors, or -1 when out of memory. */
static int scan(const char *path, FILE *in, struct ini_doc *doc, struct config_messages *msgs)
{
	char buf[RAW_LINE_BUF + 1];
	char section[RAW_LINE_BUF + 1] = "";
	size_t cap = 0;
	size_t last = 0;
	int lineno = 0, first = 0, errors = 0;

	while (fgets(buf + last, (int)(RAW_LINE_BUF - last), in) != NULL) {
		lineno++;
		if (last == 0)
			first = lineno;
		size_t len = strlen(buf);
		if (len <= 1 && last == 0)
			continue;
		if (buf[len - 1] != '\n' && !feof(in)) {
			config_messages_add(msgs, path, lineno,
					    _("linjen er lengre enn %d tegn, og da avviser "
					    "iniparser hele filen; standardverdiene brukes"),
					    INI_LINE_MAX);
			return errors + 1;
		}
		while (len > 0 && is_blank(buf[len - 1]))
			buf[--len] = '\0';
		if (len > 0 && buf[len - 1] == '\\') {
			last = len - 1;
			continue;
		}
		last = 0;

		char *name;
		switch (classify(buf, &name)) {
		case LINE_BLANK:
		case LINE_NOTE:
			break;
		case LINE_HEADER:
			if (name == NULL)
				return -1;
			snprintf(section, sizeof section, "%s", name);
			free(name);
			if (add_entry(doc, &cap, section, NULL, first) < 0)
				return -1;
			break;
		case LINE_PAIR:
			if (name == NULL || add_entry(doc, &cap, section, name, first) < 0)
				return -1;
			break;
		case LINE_BAD: {
			char shown[64];
			excerpt(shown, sizeof shown, buf);
			config_messages_add(msgs, path, first,
					    _("«%s» er verken [seksjon], # kommentar eller "
					    "«nøkkel = verdi»; filen brukes ikke før dette er "
					    "rettet, standardverdiene gjelder"),
					    shown);
			errors++;
			break;
		}
		}
	}
	return errors;
}

static void doc_clear(struct ini_doc *doc)
{
	doc->path = NULL;
	doc->dict = NULL;
	doc->entries = NULL;
	doc->count = 0;
}

void ini_close(struct ini_doc *doc)
{
	if (doc == NULL)
		return;
	if (doc->dict != NULL)
		iniparser_freedict(doc->dict);
	for (size_t i = 0; i < doc->count; i++) {
		free(doc->entries[i].section);
		free(doc->entries[i].key);
	}
	free(doc->entries);
	free(doc->path);
	doc_clear(doc);
}

enum ini_status ini_open(const char *path, bool missing_ok, struct ini_doc *doc,
			 struct config_messages *msgs)
{
	doc_clear(doc);

	struct stat st;
	if (stat(path, &st) != 0) {
		int err = errno;
		if (err == ENOENT) {
			if (!missing_ok)
				config_messages_add(msgs, path, 0,
						    _("filen finnes ikke; standardverdiene brukes"));
			return INI_MISSING;
		}
		config_messages_add(msgs, path, 0, _("kan ikke lese filen (%s); standardverdiene brukes"),
				    strerror(err));
		return INI_UNREADABLE;
	}
	if (!S_ISREG(st.st_mode)) {
		config_messages_add(msgs, path, 0,
				    _("er ikke en vanlig fil (en mappe?); standardverdiene brukes"));
		return INI_UNREADABLE;
	}
	FILE *in = fopen(path, "r");
	if (in == NULL) {
		config_messages_add(msgs, path, 0, _("kan ikke lese filen (%s); standardverdiene brukes"),
				    strerror(errno));
		return INI_UNREADABLE;
	}

	int errors = scan(path, in, doc, msgs);
	fclose(in);
	if (errors != 0) {
		ini_close(doc);
		if (errors < 0) {
			config_messages_add(msgs, path, 0, _("tomt for minne under lesing"));
			return INI_NOMEM;
		}
		return INI_SYNTAX;
	}

	/* The callback is iniparser's own process-wide setting; installing the
	 * same silent function every time keeps stderr clean (curses screen)
	 * without any state of ours. */
	iniparser_set_error_callback(silent_error);
	doc->dict = iniparser_load(path);
	doc->path = strdup(path);
	if (doc->dict == NULL || doc->path == NULL) {
		ini_close(doc);
		config_messages_add(msgs, path, 0,
				    _("iniparser kunne ikke lese filen; standardverdiene brukes"));
		return INI_SYNTAX;
	}
	return INI_OK;
}

const char *ini_get(const struct ini_doc *doc, const char *section, const char *key)
{
	if (doc->dict == NULL)
		return NULL;
	char full[2 * RAW_LINE_BUF + 2];
	int n = snprintf(full, sizeof full, "%s:%s", section, key);
	if (n < 0 || (size_t)n >= sizeof full)
		return NULL;
	/* getstring returns NULL (the default) for a missing key and for a
	 * section name, whose value iniparser stores as NULL. */
	return iniparser_getstring(doc->dict, full, NULL);
}

int ini_line_of(const struct ini_doc *doc, const char *section, const char *key)
{
	for (size_t i = doc->count; i-- > 0;) {
		const struct ini_entry *e = &doc->entries[i];
		if (e->key != NULL && strcmp(e->key, key) == 0 && strcmp(e->section, section) == 0)
			return e->line;
	}
	return 0;
}

int ini_section_line(const struct ini_doc *doc, const char *section)
{
	for (size_t i = 0; i < doc->count; i++) {
		const struct ini_entry *e = &doc->entries[i];
		if (e->key == NULL && strcmp(e->section, section) == 0)
			return e->line;
	}
	return 0;
}

void ini_report_duplicates(const struct ini_doc *doc, struct config_messages *msgs)
{
	for (size_t i = 0; i < doc->count; i++) {
		const struct ini_entry *a = &doc->entries[i];
		if (a->key == NULL)
			continue;
		for (size_t j = i + 1; j < doc->count; j++) {
			const struct ini_entry *b = &doc->entries[j];
			if (b->key != NULL && strcmp(a->key, b->key) == 0 &&
			    strcmp(a->section, b->section) == 0) {
				config_messages_add(msgs, doc->path, a->line,
						    _("[%s] %s står flere ganger; bare den siste "
						    "(linje %d) gjelder"),
						    a->section, a->key,
						    ini_line_of(doc, a->section, a->key));
				break;
			}
		}
	}
}
