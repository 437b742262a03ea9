/*
 * report_fixture.c: helpers shared by the report test suites.
 *
 * Must never: be linked into the program.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/numbers.h"
#include "engine/validate.h"
#include "interchange/json.h"
#include "tests/report_fixture.h"

void fixture_load(struct fixture *f, const char *name)
{
	const char *top = getenv("top_srcdir");
	char path[1024];
	snprintf(path, sizeof path, "%s/tests/fixtures/%s", top ? top : "..", name);
	workbook_init(&f->wb);
	projection_init(&f->p);
	struct problems probs;
	problems_clear(&probs);
	int rc = json_read_workbook_file(path, &f->wb, &probs);
	cr_assert_eq(rc, 0, "fixture %s: %s", path,
		     probs.count ? probs.list[0].message : "(no message)");
	cr_assert_eq(projection_compute(&f->p, &f->wb), 0);
}

void fixture_free(struct fixture *f)
{
	projection_free(&f->p);
	workbook_free(&f->wb);
}

void scratch_dir(char *buf, size_t size)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(buf, size, "%s/utenfor-report-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	cr_assert_not_null(mkdtemp(buf), "mkdtemp %s", buf);
}

int dir_entries(const char *dir)
{
	DIR *d = opendir(dir);
	cr_assert_not_null(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

void scratch_remove(const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char p[2048];
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	char *data = malloc((size_t)n + 1);
	if (data != NULL && fread(data, 1, (size_t)n, fp) == (size_t)n) {
		data[n] = '\0';
		if (len)
			*len = (size_t)n;
	} else {
		free(data);
		data = NULL;
	}
	fclose(fp);
	return data;
}

void kr_text(char *buf, size_t size, double value)
{
	number_format(buf, size, value, 0, "\xc2\xa0");
}

char *fixture_render(struct fixture *f, const char *name, enum report_format format)
{
	fixture_load(f, name);
	char *text = report_render(&f->wb, &f->p, format, NULL);
	cr_assert_not_null(text, "%s", name);
	return text;
}

void expect_strings(const char *text, const char *const *present, const char *const *absent)
{
	for (size_t i = 0; present && present[i]; i++)
		cr_expect_not_null(strstr(text, present[i]), "missing: %s", present[i]);
	for (size_t i = 0; absent && absent[i]; i++)
		cr_expect_null(strstr(text, absent[i]), "unexpected: %s", absent[i]);
}

void expect_report(const char *name, enum report_format format, const char *const *present,
		   const char *const *absent)
{
	struct fixture f;
	char *text = fixture_render(&f, name, format);
	expect_strings(text, present, absent);
	free(text);
	fixture_free(&f);
}
