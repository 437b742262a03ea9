/*
 * list.c: moving a table selection (list.h).
 */
#include "config.h"

#include <stddef.h>

#include "session/text.h"
#include "tui/layout.h"
#include "tui/list.h"

void list_clamp(struct list *l, int count)
{
	if (l->sel >= count)
		l->sel = count - 1;
	if (l->sel < 0)
		l->sel = 0;
}

bool list_move(struct list *l, int count, int page, enum action act)
{
	switch (act) {
	case ACTION_UP: l->sel -= 1; break;
	case ACTION_DOWN: l->sel += 1; break;
	case ACTION_PAGE_UP: l->sel -= page; break;
	case ACTION_PAGE_DOWN: l->sel += page; break;
	case ACTION_HOME: l->sel = 0; break;
	case ACTION_END: l->sel = count - 1; break;
	default: return false;
	}
	list_clamp(l, count);
	return true;
}

int list_scroll(struct list *l, int visible, int count)
{
	l->top = layout_scroll(l->top, l->sel, visible, count);
	return l->top;
}

int list_search(const struct list *l, int count, bool next, const char *needle,
		const char *(*name)(const void *ctx, int i, int which), const void *ctx)
{
	if (count <= 0)
		return -1;
	int start = l->sel < 0 || l->sel >= count ? 0 : l->sel;
	for (int k = next ? 1 : 0; k <= count; k++) {
		int i = (start + k) % count;
		for (int which = 0; which < 2; which++) {
			const char *n = name(ctx, i, which);
			if (n == NULL)
				break;
			if (text_contains_fold(n, needle))
				return i;
		}
	}
	return -1;
}
