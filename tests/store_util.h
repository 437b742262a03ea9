/*
 * store_util.h: helpers the store's Criterion suites share: temporary
 * directories, sample rows, comparing workbooks, reading files whole.
 */
#ifndef UTENFOR_TESTS_STORE_UTIL_H
#define UTENFOR_TESTS_STORE_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/workbook.h"

/* A new directory under $TMPDIR (or /tmp); caller frees and removes it
 * with tmpdir_remove(). */
char *tmpdir_make(void);
/* Remove the directory's files (one level) and the directory. */
void tmpdir_remove(char *dir);
/* dir/name into a static-sized caller buffer. */
void path_in(char *buf, size_t size, const char *dir, const char *name);

/*
 * The scratch workbook of a suite: file-static `dir` (a fresh temporary
 * directory per test) and `path` (FILE inside it), with the Criterion hooks
 * scratch_setup/scratch_teardown that make and remove them.  A macro, not
 * a shared global, so each suite keeps its own statics.
 */
#define STORE_SCRATCH(file)                                   \
	static char *dir;                                     \
	static char path[4096];                               \
	static void scratch_setup(void)                       \
	{                                                     \
		dir = tmpdir_make();                          \
		path_in(path, sizeof path, dir, (file));      \
	}                                                     \
	static void scratch_teardown(void)                    \
	{                                                     \
		tmpdir_remove(dir);                           \
	}

struct store;
/* Open `path` with store_open flags, asserting STORE_OK; caller closes. */
struct store *store_open_ok(const char *path, unsigned flags);
/* Fill wb with sample_workbook() and create `path` from it, asserting
 * STORE_OK; caller frees wb with workbook_free(). */
void store_create_sample(const char *path, struct workbook *wb);

/* store_create_sample() into wb, open `path` and load it into cur (both
 * asserted); the caller closes the store and frees wb and cur. */
struct store *store_open_sample(const char *path, struct workbook *wb, struct workbook *cur);

/* A small valid workbook: two groups with items, two measures. */
void sample_workbook(struct workbook *wb);
/* A measure of group `group` with hand-picked values. */
void sample_measure(struct measure *m, const char *name, const char *group);

/* Assert field-by-field equality, ignoring row identities. */
void assert_same_workbook(const struct workbook *a, const struct workbook *b);

/* The whole file, malloc'd (caller frees); *size its length. */
char *file_read(const char *path, size_t *size);
bool file_exists(const char *path);
/* sample_workbook() with 300 more measures, enough rows for many pages,
 * created at `file` (checkpointed); the caller frees wb. */
void store_create_big(const char *file, struct workbook *wb);
/* Overwrite the root page of `table` in the (checkpointed) file with junk. */
void scribble_root_page(const char *file, const char *table);

#endif
