/*
 * layout.h: where things go on a screen of a given size: the fixed bands
 * (tab bar, body, status line, key hints), the split of a view's body into
 * panes, and which table columns fit how wide.  Pure arithmetic so it can
 * be tested without a terminal.
 *
 * Must never: call ncurses or allocate.
 */
#ifndef UTENFOR_TUI_LAYOUT_H
#define UTENFOR_TUI_LAYOUT_H

#include <stdbool.h>

/* Below this the interface shows a one-line notice instead of the views. */
#define LAYOUT_MIN_COLS 60
#define LAYOUT_MIN_ROWS 16

struct rect {
	int y, x, h, w;
};

struct screen_layout {
	bool too_small;
	struct rect tabs;   /* one row at the top */
	struct rect body;   /* the current view */
	struct rect status; /* one row: messages, "leser: …", errors */
	struct rect hints;  /* one row: the keys that work here */
};

void layout_screen(int rows, int cols, struct screen_layout *out);

/* Split `r` side by side: the left part gets `left_share` percent but at
 * least min_left and leaves at least min_right (when possible); one blank
 * column separates them. */
void layout_split_columns(const struct rect *r, int left_share, int min_left, int min_right,
			  struct rect *left, struct rect *right);
/* Split `r` top and bottom: the top gets `top_rows` rows (clamped so the
 * bottom keeps at least min_bottom). */
void layout_split_rows(const struct rect *r, int top_rows, int min_bottom, struct rect *top,
		       struct rect *bottom);

struct table_col {
	const char *title;
	int width;    /* preferred (and minimum, unless flex) width in columns */
	int priority; /* higher stays longer when space runs out */
	bool right;   /* right-aligned (numbers) */
	bool flex;    /* takes the width left over (names) */
};

/*
 * Decide each column's width within `avail` columns (one blank between
 * columns): columns of the lowest priority are dropped (width 0) until the
 * rest fit; flex columns share what is left.  Returns the number shown.
 */
int layout_table(const struct table_col *cols, int n, int avail, int *widths);
/* The same, with column `keep` (the cursor's) shown whatever its
 * priority, so that every cell of an editable table can be reached in a
 * narrow window; -1 keeps none. */
int layout_table_keep(const struct table_col *cols, int n, int avail, int *widths, int keep);

/* First row to show so that `selected` is visible in `visible` rows,
 * given the previous first row. */
int layout_scroll(int top, int selected, int visible, int count);

#endif
