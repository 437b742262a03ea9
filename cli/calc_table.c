/*
 * calc_table.c: column-aligned text tables measured in display columns.
 *
 * Width comes from wcwidth() when the locale knows the character and is
 * one column otherwise, so the table stays aligned for Norwegian text even
 * under the C locale (tests run without nb_NO).
 *
 * Must never: call ncurses, allocate, set the locale.
 */
#include "config.h"

#include "cli/calc_table.h"

#include <string.h>
#include <wchar.h>

/* Decode one UTF-8 sequence; returns its length (1 for an invalid byte). */
static size_t utf8_next(const unsigned char *s, unsigned long *cp)
{
	size_t n = s[0] < 0x80 ? 1 : (s[0] & 0xe0) == 0xc0 ? 2 : (s[0] & 0xf0) == 0xe0 ? 3
		   : (s[0] & 0xf8) == 0xf0 ? 4 : 0;
	if (n == 0) {
		*cp = 0xfffd;
		return 1;
	}
	unsigned long v = n == 1 ? s[0] : s[0] & (0x7f >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = 0xfffd;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3f);
	}
	*cp = v;
	return n;
}

size_t table_text_width(const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t width = 0;
	while (*s) {
		unsigned long cp;
		s += utf8_next(s, &cp);
		int w = wcwidth((wchar_t)cp);
		/* Unknown to this locale (the C locale knows no non-ASCII):
		 * every character this program prints is one column wide. */
		width += w < 0 ? 1 : (size_t)w;
	}
	return width;
}

void table_init(struct text_table *t, int cols)
{
	memset(t, 0, sizeof *t);
	t->cols = cols < 1 ? 1 : cols > TABLE_COLS ? TABLE_COLS : cols;
}

void table_add(struct text_table *t, const char *const *cells)
{
	if (t->rows >= TABLE_ROWS)
		return;
	for (int c = 0; c < t->cols; c++) {
		char *dst = t->cell[t->rows][c];
		snprintf(dst, TABLE_CELL, "%s", cells[c] ? cells[c] : "");
	}
	t->rows++;
}

static void pad(FILE *out, size_t n)
{
	while (n-- > 0)
		fputc(' ', out);
}

void table_print(FILE *out, const struct text_table *t, int indent)
{
	size_t width[TABLE_COLS] = {0};
	for (int r = 0; r < t->rows; r++)
		for (int c = 0; c < t->cols; c++) {
			size_t w = table_text_width(t->cell[r][c]);
			if (w > width[c])
				width[c] = w;
		}
	for (int r = 0; r < t->rows; r++) {
		pad(out, (size_t)(indent > 0 ? indent : 0));
		for (int c = 0; c < t->cols; c++) {
			const char *text = t->cell[r][c];
			size_t fill = width[c] - table_text_width(text);
			if (c == 0) {
				fputs(text, out);
				/* No trailing blanks after a lone label column. */
				if (t->cols > 1)
					pad(out, fill);
			} else {
				pad(out, 2 + fill);
				fputs(text, out);
			}
		}
		fputc('\n', out);
	}
}
