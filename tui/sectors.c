/*
 * sectors.c: the workbook's declared sectors as a table in Innstillinger
 * (issue 12): id, name, bearer and KOSTRA functions, edited in place like
 * the cost items (Enter types, ← → move between columns, Space steps the
 * bearer), a adds one with a free id, d deletes after the question — the
 * store refuses a sector in use and says what uses it.  The implicit
 * sectors of the three bearers are not rows: they are listed dimmed, so
 * the reader sees every budget an item or payer can name.
 *
 * Must never: write to the store except through draft.c and the session.
 */
#include "config.h"

#include <stdio.h>

#include "tui/app.h"
#include "tui/i18n.h"
#include "tui/sectors.h"

/* Columns in sector_fields order: id, name, bearer, KOSTRA. */
static const struct table_col cols[] = {
	{N_("Id"), 12, 8, false, false},
	{N_("Sektor"), 16, 9, false, true},
	{N_("Bærer"), 13, 7, false, false},
	{N_("KOSTRA-funksjoner"), 12, 5, false, true},
};
#define COLS 4
_Static_assert(sizeof cols / sizeof cols[0] == COLS, "one column per sector field");

void sectors_draw(struct app *a, struct sectors_table *t, const struct rect *r, bool focused)
{
	const struct workbook *wb = a->wb;
	int count = (int)wb->sector_count;
	draw_hline(a, r->y, r->x, r->w,
		   focused ? _("Sektorer (a: ny, d: slett, Enter: rediger)") : _("Sektorer"));
	if (r->h < 3)
		return;
	int widths[COLS], xs[COLS];
	layout_table_keep(cols, COLS, r->w, widths, focused ? t->col : -1);
	table_header(a, r->y + 1, r->x, cols, COLS, widths, xs);
	while (t->col > 0 && widths[t->col] == 0)
		t->col--;
	list_clamp(&t->list, count);
	int rows = r->h - 2;
	/* The three bearers' own sectors last, dimmed: they are not rows. */
	int shown = count + SECTOR_IMPLICIT_COUNT;
	int top = list_scroll(&t->list, rows, shown);
	for (int row = 0; row < rows && top + row < shown; row++) {
		int i = top + row, y = r->y + 2 + row;
		if (i >= count) {
			int b = i - count;
			char note[200];
			snprintf(note, sizeof note, _("%s (budsjettets egen, for det som ikke har egen sektor)"),
				 workbook_sector_name(wb, (size_t)b));
			draw_text(a, y, r->x, r->w, a->attrs[ROLE_DIM], note);
			continue;
		}
		bool row_sel = focused && i == t->list.sel;
		for (int c = 0; c < COLS; c++) {
			if (xs[c] < 0)
				continue;
			const struct field_desc *f = &sector_fields[c];
			if (draft_is(a, EDIT_SECTOR, f, (size_t)i, 0)) {
				draw_field(a, y, xs[c], widths[c], EDIT_SECTOR, f, &wb->sectors[i], (size_t)i,
					   0, true);
				continue;
			}
			char buf[TEXT_KOSTRA_SIZE];
			field_format(f, &wb->sectors[i], wb, false, app_thousands(a), buf, sizeof buf);
			attr_t at = row_sel && c == t->col ? a->attrs[ROLE_SELECTED]
				    : row_sel		   ? a->attrs[ROLE_SELECTED_DIM]
							   : a->attrs[ROLE_NORMAL];
			if (c > 0)
				draw_text(a, y, xs[c] - 1, 1, at, "");
			table_cell(a, y, &cols[c], xs[c], widths[c], at, buf);
		}
	}
}

static void add_sector(struct app *a, struct sectors_table *t)
{
	struct diag d;
	long i = app_insert(a, ROW_SECTOR, (struct row_key){ROW_SECTOR, 0}, NULL, &d);
	if (i < 0)
		return;
	t->list.sel = (int)i;
	t->col = 1;
	draft_begin_new(a, EDIT_SECTOR, &sector_fields[1], (size_t)i, 0);
	app_diag(a, &d);
}

bool sectors_key(struct app *a, struct sectors_table *t, enum action act)
{
	int count = (int)a->wb->sector_count;
	int page = a->layout.body.h > 6 ? a->layout.body.h - 6 : 1;
	if (act == ACTION_UP && t->list.sel == 0)
		return false; /* back to the workbook's form */
	if (list_move(&t->list, count, page, act))
		return true;
	const struct field_desc *f = &sector_fields[t->col];
	switch (act) {
	case ACTION_LEFT:
		if (t->col > 0)
			t->col--;
		return true;
	case ACTION_RIGHT:
	case ACTION_NEXT_FIELD:
		if (t->col < COLS - 1)
			t->col++;
		return true;
	case ACTION_PREV_FIELD:
		if (t->col > 0)
			t->col--;
		return true;
	case ACTION_ADD: add_sector(a, t); return true;
	case ACTION_DELETE: ask_delete_sector(a, t->list.sel); return true;
	case ACTION_EDIT:
		if (count > 0)
			draft_begin(a, EDIT_SECTOR, f, (size_t)t->list.sel, 0);
		return true;
	case ACTION_TOGGLE_ENABLED:
		if (count > 0 && field_is_choice(f))
			draft_cycle(a, EDIT_SECTOR, f, (size_t)t->list.sel, 0, 1);
		return true;
	default: return false;
	}
}

const char *sectors_hints(const struct sectors_table *t)
{
	if (field_is_choice(&sector_fields[t->col]))
		return _("{up}{down}:sektor  {left}{right}:kolonne  {toggle_enabled}:bytt bærer  {add}:ny  {delete}:slett  {undo}:angre  {help}:hjelp");
	return _("{up}{down}:sektor  {left}{right}:kolonne  {edit}:rediger  {add}:ny  {delete}:slett  {undo}:angre  {help}:hjelp");
}
