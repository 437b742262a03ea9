/*
 * data_page.c: the table reader of data_page.h.  Test support only.
 */
#include "tests/data_page.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *data_page_read(void)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	snprintf(path, sizeof path, "%s/doc/default-data.md", top != NULL ? top : ".");
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "cannot open %s", path);
	cr_assert_eq(fseek(f, 0, SEEK_END), 0);
	long size = ftell(f);
	cr_assert_geq(size, 0);
	rewind(f);
	char *text = malloc((size_t)size + 1);
	cr_assert_not_null(text);
	cr_assert_eq(fread(text, 1, (size_t)size, f), (size_t)size);
	text[size] = '\0';
	fclose(f);
	return text;
}

static char *trim(char *s)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

char *data_page_unquote(char *s)
{
	size_t n = strlen(s);
	if (n >= 2 && s[0] == '`' && s[n - 1] == '`') {
		s[n - 1] = '\0';
		return s + 1;
	}
	return s;
}

static int split_row(char *line, char **cells)
{
	int n = 0;
	char *p = line + 1;
	while (n < DATA_CELLS_MAX) {
		char *bar = strchr(p, '|');
		if (bar == NULL)
			break;
		*bar = '\0';
		cells[n++] = trim(p);
		p = bar + 1;
	}
	return n;
}

/* "### 1. `frafall-vgs` — …" names the group of the tables below it. */
static void section(const char *line, char *group, size_t size)
{
	if (strncmp(line, "## ", 3) == 0 || strncmp(line, "### ", 4) == 0)
		group[0] = '\0';
	if (strncmp(line, "### ", 4) != 0)
		return;
	const char *a = strchr(line, '`'), *b = a != NULL ? strchr(a + 1, '`') : NULL;
	if (b != NULL && (size_t)(b - a - 1) < size) {
		memcpy(group, a + 1, (size_t)(b - a - 1));
		group[b - a - 1] = '\0';
	}
}

int data_page_rows(char *page, const char *header,
		   void (*row)(void *ctx, const char *group, char **cells, int count), void *ctx)
{
	char group[64] = "";
	enum { OUTSIDE, OTHER_TABLE, SEPARATOR, ROWS } state = OUTSIDE;
	int rows = 0;
	for (char *line = strtok(page, "\n"); line != NULL; line = strtok(NULL, "\n")) {
		section(line, group, sizeof group);
		if (line[0] != '|') {
			state = OUTSIDE;
			continue;
		}
		if (state == OUTSIDE) {
			state = strcmp(trim(line), header) == 0 ? SEPARATOR : OTHER_TABLE;
			continue;
		}
		if (state == SEPARATOR) {
			state = ROWS;
			continue;
		}
		if (state == OTHER_TABLE)
			continue;
		char *cells[DATA_CELLS_MAX];
		int n = split_row(line, cells);
		row(ctx, group, cells, n);
		rows++;
	}
	return rows;
}
