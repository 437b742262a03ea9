/*
 * line_edit.c: the one-line editor (see line_edit.h).
 *
 * Invariant kept by every function: buf[len] == '\0', cursor ≤ len, and
 * cursor is a boundary text_next() would stop at.
 *
 * Must never: call ncurses or allocate.
 */
#include "config.h"

#include "tui/line_edit.h"

#include <string.h>

#include "session/text.h"

void line_edit_init(struct line_edit *e, const char *text, size_t limit)
{
	memset(e, 0, sizeof *e);
	e->limit = (limit == 0 || limit >= LINE_EDIT_SIZE) ? LINE_EDIT_SIZE - 1 : limit;
	size_t full = strlen(text), n = 0;
	/* Cut to the limit on a character boundary, never half a character. */
	while (n < full) {
		size_t next = text_next(text, full, n);
		if (next > e->limit)
			break;
		n = next;
	}
	memcpy(e->buf, text, n);
	e->buf[n] = '\0';
	e->len = n;
	e->cursor = n;
}

bool line_edit_insert(struct line_edit *e, const char *bytes, size_t n)
{
	if (n == 0)
		return true;
	if (e->len + n > e->limit)
		return false;
	memmove(e->buf + e->cursor + n, e->buf + e->cursor, e->len - e->cursor + 1);
	memcpy(e->buf + e->cursor, bytes, n);
	e->len += n;
	e->cursor += n;
	return true;
}

static void cut(struct line_edit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
}

bool line_edit_backspace(struct line_edit *e)
{
	if (e->cursor == 0)
		return false;
	size_t p = text_prev(e->buf, e->len, e->cursor);
	cut(e, p, e->cursor);
	e->cursor = p;
	return true;
}

bool line_edit_delete(struct line_edit *e)
{
	if (e->cursor >= e->len)
		return false;
	cut(e, e->cursor, text_next(e->buf, e->len, e->cursor));
	return true;
}

void line_edit_left(struct line_edit *e)
{
	e->cursor = text_prev(e->buf, e->len, e->cursor);
}

void line_edit_right(struct line_edit *e)
{
	e->cursor = text_next(e->buf, e->len, e->cursor);
}

void line_edit_home(struct line_edit *e)
{
	e->cursor = 0;
}

void line_edit_end(struct line_edit *e)
{
	e->cursor = e->len;
}

void line_edit_kill_before(struct line_edit *e)
{
	cut(e, 0, e->cursor);
	e->cursor = 0;
}

void line_edit_kill_after(struct line_edit *e)
{
	e->buf[e->cursor] = '\0';
	e->len = e->cursor;
}

int line_edit_cursor_column(const struct line_edit *e)
{
	return text_width_n(e->buf, e->cursor);
}

void line_edit_view(struct line_edit *e, int width, size_t *start, size_t *end, int *cursor_x)
{
	if (width < 1)
		width = 1;
	int col = line_edit_cursor_column(e);
	/* The cursor needs its own cell, so the text left of it gets width-1. */
	if (col < e->scroll)
		e->scroll = col;
	if (col - e->scroll > width - 1)
		e->scroll = col - (width - 1);
	if (e->scroll < 0)
		e->scroll = 0;
	/* Find the first character starting at or after the scroll column. */
	size_t i = 0;
	int c = 0;
	while (i < e->len && c < e->scroll) {
		size_t n = text_next(e->buf, e->len, i);
		c += text_width_n(e->buf + i, n - i);
		i = n;
	}
	/* A wide character straddling the left edge is skipped whole. */
	e->scroll = c;
	*start = i;
	size_t j = i;
	int used = 0;
	while (j < e->len) {
		size_t n = text_next(e->buf, e->len, j);
		int w = text_width_n(e->buf + j, n - j);
		if (used + w > width)
			break;
		used += w;
		j = n;
	}
	*end = j;
	*cursor_x = col - e->scroll;
	if (*cursor_x > width - 1)
		*cursor_x = width - 1;
}
