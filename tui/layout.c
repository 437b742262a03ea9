/*
 * layout.c: screen bands, pane splits and table column fitting (see
 * layout.h).
 *
 * Must never: call ncurses or allocate.
 */
#include "config.h"

#include "tui/layout.h"
#include "tui/i18n.h"
#include "session/text.h"

void layout_screen(int rows, int cols, struct screen_layout *out)
{
	out->too_small = rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS;
	out->tabs = (struct rect){0, 0, 1, cols};
	out->body = (struct rect){1, 0, rows > 3 ? rows - 3 : 0, cols};
	out->status = (struct rect){rows > 2 ? rows - 2 : 0, 0, 1, cols};
	out->hints = (struct rect){rows > 1 ? rows - 1 : 0, 0, 1, cols};
}

void layout_split_columns(const struct rect *r, int left_share, int min_left, int min_right,
			  struct rect *left, struct rect *right)
{
	int lw = r->w * left_share / 100;
	if (lw > r->w - 1 - min_right)
		lw = r->w - 1 - min_right;
	if (lw < min_left)
		lw = min_left;
	if (lw > r->w)
		lw = r->w;
	int rw = r->w - lw - 1;
	if (rw < 0)
		rw = 0;
	*left = (struct rect){r->y, r->x, r->h, lw};
	*right = (struct rect){r->y, r->x + lw + 1, r->h, rw};
}

void layout_split_rows(const struct rect *r, int top_rows, int min_bottom, struct rect *top,
		       struct rect *bottom)
{
	int th = top_rows;
	if (th > r->h - min_bottom)
		th = r->h - min_bottom;
	if (th < 0)
		th = 0;
	if (th > r->h)
		th = r->h;
	*top = (struct rect){r->y, r->x, th, r->w};
	*bottom = (struct rect){r->y + th, r->x, r->h - th, r->w};
}

/* A column is at least as wide as its header in the language on screen:
 * an English header may be longer than the bokmål one the width was
 * chosen for, and is measured in display columns, not bytes. */
static int col_width(const struct table_col *c)
{
	/* _("") would be the catalogue header: an untitled column is 0 wide. */
	int title = c->title != NULL && c->title[0] != '\0' ? text_width(CT_(c->title)) : 0;
	return title > c->width ? title : c->width;
}

static int needed(const struct table_col *cols, int n, const int *shown)
{
	int total = 0, count = 0;
	for (int i = 0; i < n; i++)
		if (shown[i]) {
			total += col_width(&cols[i]);
			count++;
		}
	return count > 0 ? total + count - 1 : 0;
}

int layout_table(const struct table_col *cols, int n, int avail, int *widths)
{
	return layout_table_keep(cols, n, avail, widths, -1);
}

int layout_table_keep(const struct table_col *cols, int n, int avail, int *widths, int keep)
{
	int shown[64];
	if (n > 64)
		n = 64;
	for (int i = 0; i < n; i++)
		shown[i] = 1;
	/* Drop the least important column (the rightmost among equals) until
	 * the rest fit; `keep` goes last. */
	while (needed(cols, n, shown) > avail) {
		int drop = -1;
		for (int i = 0; i < n; i++)
			if (shown[i] && i != keep &&
			    (drop < 0 || cols[i].priority <= cols[drop].priority))
				drop = i;
		int count = 0;
		for (int i = 0; i < n; i++)
			count += shown[i];
		if (drop < 0 || count <= 1)
			break;
		shown[drop] = 0;
	}
	int spare = avail - needed(cols, n, shown), flex = 0, count = 0;
	for (int i = 0; i < n; i++) {
		widths[i] = shown[i] ? col_width(&cols[i]) : 0;
		if (shown[i] && cols[i].flex)
			flex++;
		count += shown[i];
	}
	if (spare < 0) {
		/* A single column wider than the space: cut it. */
		for (int i = 0; i < n; i++)
			if (shown[i])
				widths[i] = avail > 0 ? avail : 0;
		return count;
	}
	for (int i = 0; i < n && flex > 0; i++)
		if (shown[i] && cols[i].flex) {
			int add = spare / flex;
			widths[i] += add;
			spare -= add;
			flex--;
		}
	return count;
}

int layout_scroll(int top, int selected, int visible, int count)
{
	if (visible < 1)
		visible = 1;
	if (selected < top)
		top = selected;
	if (selected >= top + visible)
		top = selected - visible + 1;
	if (top > count - visible)
		top = count - visible;
	if (top < 0)
		top = 0;
	return top;
}
