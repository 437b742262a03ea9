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

/* A small valid workbook: two groups with items, two measures. */
void sample_workbook(struct workbook *wb);
/* A measure of group `group` with hand-picked values. */
void sample_measure(struct measure *m, const char *name, const char *group);

/* Assert field-by-field equality, ignoring row identities. */
void assert_same_workbook(const struct workbook *a, const struct workbook *b);

/* The whole file, malloc'd (caller frees); *size its length. */
char *file_read(const char *path, size_t *size);
bool file_exists(const char *path);

#endif
