/*
 * config_testutil.h: small helpers shared by the config/ test suites:
 * a private temporary folder per test, files written into it, and the
 * source tree's paths.  Header-only (static) so each suite stays one file.
 */
#ifndef UTENFOR_TESTS_CONFIG_TESTUTIL_H
#define UTENFOR_TESTS_CONFIG_TESTUTIL_H

#include <criterion/criterion.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/messages.h"

#ifndef TOP_SRCDIR
#define TOP_SRCDIR "."
#endif

/* $top_srcdir from `make check`, else the configure-time source folder. */
static inline const char *srcdir(void)
{
	const char *s = getenv("top_srcdir");
	return s != NULL && s[0] != '\0' ? s : TOP_SRCDIR;
}

static inline void src_path(char *buf, size_t size, const char *rel)
{
	int n = snprintf(buf, size, "%s/%s", srcdir(), rel);
	cr_assert(n > 0 && (size_t)n < size, "path too long");
}

/* A fresh folder; the caller removes it with rm_tree(). */
static inline void make_tmpdir(char *buf, size_t size)
{
	const char *base = getenv("TMPDIR");
	int n = snprintf(buf, size, "%s/utenfor-config-XXXXXX", base && base[0] ? base : "/tmp");
	cr_assert(n > 0 && (size_t)n < size, "TMPDIR too long");
	cr_assert_not_null(mkdtemp(buf), "mkdtemp failed");
}

static inline int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static inline void rm_tree(const char *dir)
{
	nftw(dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

/*
 * A suite's scratch state: file-static `dir` (a fresh folder per test),
 * `path` (for write_file) and `msgs`, with the Criterion hooks
 * scratch_setup/scratch_teardown.  A macro, not shared globals, so each
 * suite keeps its own statics.
 */
#define CONFIG_SCRATCH                                      \
	static char dir[512];                               \
	static char path[1024];                             \
	static struct config_messages msgs;                 \
	static void scratch_setup(void)                     \
	{                                                   \
		make_tmpdir(dir, sizeof dir);               \
		config_messages_init(&msgs);                \
	}                                                   \
	static void scratch_teardown(void)                  \
	{                                                   \
		config_messages_free(&msgs);                \
		rm_tree(dir);                               \
	}

/* Write `text` to dir/name and put the path in `path`. */
static inline void write_file(char *path, size_t size, const char *dir, const char *name,
			      const char *text)
{
	int n = snprintf(path, size, "%s/%s", dir, name);
	cr_assert(n > 0 && (size_t)n < size, "path too long");
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f, "cannot write %s", path);
	fputs(text, f);
	fclose(f);
}

/* The whole file as a malloc'ed string (caller frees). */
static inline char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot read %s", path);
	char *buf = NULL;
	size_t len = 0, cap = 0;
	int c;
	while ((c = fgetc(f)) != EOF) {
		if (len + 2 > cap) {
			cap = cap ? cap * 2 : 256;
			buf = realloc(buf, cap);
			cr_assert_not_null(buf);
		}
		buf[len++] = (char)c;
	}
	fclose(f);
	if (buf == NULL)
		buf = calloc(1, 1);
	else
		buf[len] = '\0';
	return buf;
}

/* The message (formatted "file:line: text") that contains `needle`, or
 * fail the test listing all messages. */
static inline const struct config_message *find_message(const struct config_messages *m,
							const char *needle)
{
	for (size_t i = 0; i < m->count; i++)
		if (strstr(m->items[i].text, needle) != NULL)
			return &m->items[i];
	char all[4096] = "";
	for (size_t i = 0; i < m->count; i++) {
		char line[512];
		config_message_format(&m->items[i], line, sizeof line);
		size_t used = strlen(all);
		snprintf(all + used, sizeof all - used, "\n  %s", line);
	}
	cr_assert_fail("no message containing «%s»; messages:%s", needle, all);
	return NULL;
}

static inline void dump_messages(const struct config_messages *m)
{
	for (size_t i = 0; i < m->count; i++) {
		char line[512];
		config_message_format(&m->items[i], line, sizeof line);
		cr_log_info("%s", line);
	}
}

#endif
