/*
 * table.c: drawing tables whose columns were fitted by layout_table():
 * header, cells aligned by column, selection highlight.
 *
 * Must never: change the workbook or refresh the screen.
 */
#include "config.h"

#include "tui/app.h"
#include "tui/i18n.h"

void table_header(struct app *a, int y, int x, const struct table_col *cols, int n,
		  const int *widths, int *xs)
{
	int cx = x;
	for (int i = 0; i < n; i++) {
		if (widths[i] <= 0) {
			xs[i] = -1;
			continue;
		}
		xs[i] = cx;
		/* _("") is the catalogue's header ("Project-Id-Version: …"):
		 * an untitled column stays untitled. */
		const char *title = cols[i].title[0] != '\0' ? CT_(cols[i].title) : "";
		table_cell(a, y, &cols[i], cx, widths[i], a->attrs[ROLE_HEADER], title);
		/* The gap belongs to the header too, so the underline is whole. */
		if (i + 1 < n)
			draw_text(a, y, cx + widths[i], 1, a->attrs[ROLE_HEADER], "");
		cx += widths[i] + 1;
	}
}

void table_cell(struct app *a, int y, const struct table_col *col, int x, int w, attr_t attr,
		const char *text)
{
	if (x < 0 || w <= 0)
		return;
	if (col->right)
		draw_text_right(a, y, x, w, attr, text);
	else
		draw_text(a, y, x, w, attr, text);
}

attr_t table_row_attr(const struct app *a, bool selected, bool focused)
{
	if (!selected)
		return a->attrs[ROLE_NORMAL];
	return a->attrs[focused ? ROLE_SELECTED : ROLE_SELECTED_DIM];
}
