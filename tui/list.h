/*
 * list.h: a selection in a table of rows and its scroll position: the
 * state every table view keeps, and the moves every table shares (↑ ↓,
 * pages, Home, End), kept inside the rows there are.
 *
 * Must never: draw (table.c does) or know what the rows are.
 */
#ifndef UTENFOR_TUI_LIST_H
#define UTENFOR_TUI_LIST_H

#include <stdbool.h>
#include <stdint.h>

#include "config/actions.h"

struct list {
	int sel, top;
	int64_t id; /* the selected row's id while a reload may shift rows */
};

/* Move for up/down/page/home/end; false (and no change) for other actions. */
bool list_move(struct list *l, int count, int page, enum action act);
/* Keep sel inside 0 … count−1 (0 when empty). */
void list_clamp(struct list *l, int count);
/* Scroll so the selection shows in `visible` rows; returns top. */
int list_scroll(struct list *l, int visible, int count);

/* The first row from the selection (after it when `next`) round the
 * table whose name, as `name` gives it, contains `needle` case-folded;
 * -1 when none does.  `name` may give two names (which = 0, 1; NULL
 * ends). */
int list_search(const struct list *l, int count, bool next, const char *needle,
		const char *(*name)(const void *ctx, int i, int which), const void *ctx);

#endif
