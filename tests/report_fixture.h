/*
 * report_fixture.h: shared helpers of the report tests: load a JSON
 * fixture into a computed workbook, make a scratch directory, list what is
 * left in it.
 *
 * Must never: be linked into the program.
 */
#ifndef UTENFOR_TESTS_REPORT_FIXTURE_H
#define UTENFOR_TESTS_REPORT_FIXTURE_H

#include <stddef.h>

#include "engine/projection.h"
#include "engine/workbook.h"
#include "report/report.h"

struct fixture {
	struct workbook wb;
	struct projection p;
};

/* Load tests/fixtures/NAME (under $top_srcdir) and compute it; asserts. */
void fixture_load(struct fixture *f, const char *name);
void fixture_free(struct fixture *f);

/* fixture_load(), then the report as `format` (asserted to exist); the
 * caller frees the text and fixture_free()s f. */
char *fixture_render(struct fixture *f, const char *name, enum report_format format);
/* Expect each string of `present` in `text` and none of `absent` (both
 * NULL-terminated; either may be NULL); a failure names the string. */
void expect_strings(const char *text, const char *const *present, const char *const *absent);
/* fixture_render() NAME as `format`, then expect_strings() on it. */
void expect_report(const char *name, enum report_format format, const char *const *present,
		   const char *const *absent);

/* A fresh directory under $TMPDIR (or /tmp); buf receives its path. */
void scratch_dir(char *buf, size_t size);
/* Number of entries in `dir` other than . and .. */
int dir_entries(const char *dir);
/* Remove `dir` and the plain files in it. */
void scratch_remove(const char *dir);
/* Whole file as malloc'd text (caller frees), NULL when unreadable. */
char *slurp(const char *path, size_t *len);
/* The engine's value as the report writes it: whole kroner, NBSP groups. */
void kr_text(char *buf, size_t size, double value);

#endif
