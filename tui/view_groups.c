/*
 * view_groups.c: Målgrupper.  The target groups at the left, and under them the
 * selected group's own fields (name, id, description, usual entry age) as
 * a form; the group's cost items as an editable table at the right; under
 * it the group's extra public cost by age for each bearer, as charts.
 * Editing an item or the entry age recomputes the group's profile and
 * every measure aimed at it.  Focus: list → (Enter) form, list → (→) items.
 *
 * Must never: write to the store except through edit.c and the add/delete
 * actions here.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "engine/numbers.h"
#include "tui/app.h"
#include "tui/i18n.h"
#include "session/naming.h"

/* Item table columns, in item_fields order. */
static const struct table_col item_cols[] = {
	{N_("Post"), 14, 9, false, true},
	{N_("Bærer"), 13, 8, false, false},
	{N_("Beløp"), 11, 9, true, false},
	{N_("Enhet"), 5, 6, false, false},
	{N_("Fra"), 3, 7, true, false},
	{N_("Til"), 3, 7, true, false},
	{N_("Kilde"), 10, 2, false, true},
	{N_("Sikk."), 5, 3, false, false},
};
#define ITEM_COLS 8

static struct target_group *current_group(struct app *a)
{
	if (a->wb->group_count == 0)
		return NULL;
	if (a->group_sel >= (int)a->wb->group_count)
		a->group_sel = (int)a->wb->group_count - 1;
	if (a->group_sel < 0)
		a->group_sel = 0;
	return &a->wb->groups[a->group_sel];
}

/* Measures aimed at group g (by id), for the form's note. */
static int measures_using(const struct app *a, const struct target_group *g)
{
	int n = 0;
	for (size_t i = 0; i < a->wb->measure_count; i++)
		if (strcmp(a->wb->measures[i].group_id, g->id) == 0)
			n++;
	return n;
}

static void draw_form(struct app *a, const struct rect *r, struct target_group *g)
{
	if (r->h < 2)
		return;
	draw_hline(a, r->y, r->x, r->w, _("Målgruppen"));
	int rows = r->h - 1, count = (int)group_field_count;
	int top = layout_scroll(0, a->group_field, rows, count);
	int lw = r->w >= 36 ? 18 : r->w / 2;
	size_t gi = (size_t)a->group_sel;
	for (int row = 0; row < rows && top + row < count; row++) {
		int f = top + row, y = r->y + 1 + row;
		bool sel = a->group_form && f == a->group_field;
		const char *label = _(group_fields[f].label);
		/* "Vanlig startalder" does not fit a narrow pane. */
		if (lw < 18 && f == 3)
			label = _("Startalder");
		draw_text(a, y, r->x, lw - 1, sel ? a->attrs[ROLE_TITLE] : a->attrs[ROLE_LABEL], label);
		draw_field(a, y, r->x + lw, r->w - lw, EDIT_GROUP, &group_fields[f], g, gi, 0, sel);
	}
	if (rows > count) {
		int n = measures_using(a, g);
		char note[120];
		if (n == 0)
			snprintf(note, sizeof note, "%s", _("Brukes ikke av noe tiltak"));
		else if (n == 1)
			snprintf(note, sizeof note, "%s", _("Brukt av 1 tiltak"));
		else
			snprintf(note, sizeof note, _("Brukt av %d tiltak"), n);
		draw_text(a, r->y + 1 + count, r->x, r->w, a->attrs[ROLE_DIM], note);
	}
}

static void draw_groups(struct app *a, const struct rect *r)
{
	static const struct table_col cols[] = {
		{N_("Målgruppe"), 14, 9, false, true},
		{N_("Alder"), 5, 5, true, false},
		{N_("Poster"), 6, 4, true, false},
	};
	int widths[3], xs[3];
	layout_table(cols, 3, r->w, widths);
	table_header(a, r->y, r->x, cols, 3, widths, xs);
	int rows = r->h - 1, count = (int)a->wb->group_count;
	a->group_top = layout_scroll(a->group_top, a->group_sel, rows, count);
	for (int row = 0; row < rows && a->group_top + row < count; row++) {
		int i = a->group_top + row;
		const struct target_group *g = &a->wb->groups[i];
		attr_t at = table_row_attr(a, i == a->group_sel, !a->group_items && !a->group_form);
		int y = r->y + 1 + row;
		char buf[32];
		table_cell(a, y, &cols[0], xs[0], widths[0], at, g->name);
		snprintf(buf, sizeof buf, "%d", g->entry_age);
		if (xs[1] >= 0) {
			draw_text(a, y, xs[1] - 1, 1, at, "");
			table_cell(a, y, &cols[1], xs[1], widths[1], at, buf);
		}
		snprintf(buf, sizeof buf, "%zu", g->item_count);
		if (xs[2] >= 0) {
			draw_text(a, y, xs[2] - 1, 1, at, "");
			table_cell(a, y, &cols[2], xs[2], widths[2], at, buf);
		}
	}
}

static void draw_items(struct app *a, const struct rect *r, struct target_group *g)
{
	int widths[ITEM_COLS], xs[ITEM_COLS];
	draw_hline(a, r->y, r->x, r->w, g->name);
	layout_table(item_cols, ITEM_COLS, r->w, widths);
	table_header(a, r->y + 1, r->x, item_cols, ITEM_COLS, widths, xs);
	/* A hidden column cannot hold the cursor. */
	while (a->item_col > 0 && widths[a->item_col] == 0)
		a->item_col--;
	int rows = r->h - 2, count = (int)g->item_count;
	a->item_top = layout_scroll(a->item_top, a->item_sel, rows, count);
	if (count == 0)
		draw_text(a, r->y + 2, r->x, r->w, a->attrs[ROLE_DIM],
			  _("Ingen kostnadsposter: trykk a for å legge til"));
	for (int row = 0; row < rows && a->item_top + row < count; row++) {
		int i = a->item_top + row;
		int y = r->y + 2 + row;
		bool row_sel = a->group_items && i == a->item_sel;
		for (int c = 0; c < ITEM_COLS; c++) {
			if (xs[c] < 0)
				continue;
			bool cell_sel = row_sel && c == a->item_col;
			if (draft_is(a, EDIT_ITEM, &item_fields[c], (size_t)a->group_sel, (size_t)i)) {
				draw_field(a, y, xs[c], widths[c], EDIT_ITEM, &item_fields[c], &g->items[i],
					   (size_t)a->group_sel, (size_t)i, true);
				continue;
			}
			char buf[TEXT_SOURCE_SIZE];
			field_format(&item_fields[c], &g->items[i], a->wb, false, app_thousands(a), buf,
				     sizeof buf);
			attr_t at = cell_sel ? a->attrs[ROLE_SELECTED]
				  : row_sel ? a->attrs[ROLE_SELECTED_DIM] : a->attrs[ROLE_NORMAL];
			if (c == 2 && !cell_sel && !row_sel && g->items[i].amount < 0)
				at = a->attrs[ROLE_NEGATIVE];
			table_cell(a, y, &item_cols[c], xs[c], widths[c], at, buf);
		}
	}
}

static void draw_profile(struct app *a, const struct rect *r, struct target_group *g)
{
	if ((size_t)a->group_sel >= a->proj->profile_count || r->h < 4)
		return;
	const struct group_profile *p = &a->proj->profiles[a->group_sel];
	int lo = AGE_MAX, hi = 0;
	for (size_t i = 0; i < g->item_count; i++) {
		if (g->items[i].from_age < lo)
			lo = g->items[i].from_age;
		if (g->items[i].to_age > hi)
			hi = g->items[i].to_age;
	}
	if (lo > hi) {
		lo = g->entry_age;
		hi = lo + 40 > AGE_MAX ? AGE_MAX : lo + 40;
	}
	int n = hi - lo + 1;
	static const char *const titles[BEARER_COUNT] = {
		N_("Merkostnad per år etter alder: kommune"),
		N_("Merkostnad per år etter alder: fylkeskommune"),
		N_("Merkostnad per år etter alder: stat"),
	};
	/* A budget the group costs nothing extra gets one line, not a third
	 * of the pane of empty chart. */
	bool used[BEARER_COUNT];
	int charts = 0;
	for (int b = 0; b < BEARER_COUNT; b++) {
		used[b] = false;
		for (int age = lo; age <= hi; age++)
			if (p->extra[b][age] != 0)
				used[b] = true;
		charts += used[b];
	}
	int zero_lines = BEARER_COUNT - charts;
	if (charts > 0 && r->h - zero_lines >= 4 * charts && (charts < BEARER_COUNT || r->h >= 12)) {
		int h = (r->h - zero_lines) / charts, y = r->y;
		for (int b = 0; b < BEARER_COUNT; b++) {
			if (!used[b])
				continue;
			struct rect cr = {y, r->x, h, r->w};
			draw_chart(a, &cr, &p->extra[b][lo], n, _(titles[b]), lo, 1);
			y += h;
		}
		static const char *const none[BEARER_COUNT] = {
			N_("Kommunen har ingen merkostnad for gruppen"),
			N_("Fylkeskommunen har ingen merkostnad for gruppen"),
			N_("Staten har ingen merkostnad for gruppen"),
		};
		for (int b = 0; b < BEARER_COUNT; b++)
			if (!used[b])
				draw_text(a, y++, r->x, r->w, a->attrs[ROLE_DIM], _(none[b]));
	} else {
		draw_chart(a, r, &p->extra_total[lo], n, _("Merkostnad per år etter alder, alle budsjett"),
			   lo, 1);
	}
}

static void view_draw(struct app *a, const struct rect *body)
{
	struct rect left, right, items, charts;
	struct rect list, form;
	layout_split_columns(body, 32, 24, 40, &left, &right);
	/* The list takes what it needs; the form (rule, 4 fields, a note)
	 * the rest, and the list scrolls when the screen is short. */
	int list_rows = (int)a->wb->group_count + 2;
	if (list_rows > left.h - 7)
		list_rows = left.h - 7;
	if (list_rows < 4)
		list_rows = 4;
	layout_split_rows(&left, list_rows, 0, &list, &form);
	draw_groups(a, &list);
	struct target_group *g = current_group(a);
	if (g == NULL) {
		draw_text(a, right.y, right.x, right.w, a->attrs[ROLE_DIM],
			  _("Ingen målgrupper: trykk a for å legge til"));
		return;
	}
	draw_form(a, &form, g);
	int item_rows = (int)g->item_count + 3;
	if (item_rows < 5)
		item_rows = 5;
	layout_split_rows(&right, item_rows, right.h >= 16 ? 8 : 0, &items, &charts);
	draw_items(a, &items, g);
	draw_profile(a, &charts, g);
}

static void add_row(struct app *a)
{
	if (app_refuse_read_only(a))
		return;
	struct target_group *g = current_group(a);
	bool item = a->group_items;
	if (item && g == NULL)
		return;
	struct row_key near = g != NULL ? session_group_key(a->session, (size_t)a->group_sel)
					: (struct row_key){ROW_GROUP, 0};
	struct row_key made;
	struct diag d;
	app_remember(a);
	enum diag_code c = session_insert(a->session, item ? ROW_ITEM : ROW_GROUP, near, &made, &d);
	app_sync(a);
	if (c != DIAG_OK) {
		app_diag(a, &d);
		return;
	}
	long gi = -1;
	long i = session_index(a->session, made, &gi);
	if (i < 0)
		return;
	/* Straight into the name, as for a new measure; Esc takes it back. */
	if (!item) {
		a->group_sel = (int)i;
		a->group_form = true;
		a->group_field = 0;
		draft_begin_new(a, EDIT_GROUP, &group_fields[0], (size_t)i, 0);
	} else {
		a->group_sel = (int)gi;
		a->item_sel = (int)i;
		a->item_col = 0;
		draft_begin_new(a, EDIT_ITEM, &item_fields[0], (size_t)gi, (size_t)i);
	}
	app_diag(a, &d);
}

static void ask_delete(struct app *a)
{
	if (app_refuse_read_only(a))
		return;
	struct target_group *g = current_group(a);
	if (g == NULL)
		return;
	if (a->group_items) {
		if ((size_t)a->item_sel >= g->item_count)
			return;
		a->confirm = CONFIRM_DELETE_ITEM;
		snprintf(a->confirm_text, sizeof a->confirm_text,
			 _("Slette kostnadsposten «%s» i «%s»? (j/n)"), g->items[a->item_sel].name,
			 g->name);
	} else {
		a->confirm = CONFIRM_DELETE_GROUP;
		snprintf(a->confirm_text, sizeof a->confirm_text, _("Slette målgruppen «%s»? (j/n)"),
			 g->name);
	}
}

/* The group's own form: ↑↓/Tab move, Enter edits, ←/Esc back to the list. */
static bool handle_form(struct app *a, enum action act)
{
	int n = (int)group_field_count;
	switch (act) {
	case ACTION_UP:
	case ACTION_PREV_FIELD:
		if (a->group_field > 0)
			a->group_field--;
		return true;
	case ACTION_DOWN:
	case ACTION_NEXT_FIELD:
		if (a->group_field < n - 1)
			a->group_field++;
		return true;
	case ACTION_HOME: a->group_field = 0; return true;
	case ACTION_END: a->group_field = n - 1; return true;
	case ACTION_LEFT:
	case ACTION_CANCEL:
		a->group_form = false;
		return true;
	case ACTION_RIGHT:
		a->group_form = false;
		a->group_items = true;
		return true;
	case ACTION_EDIT:
		draft_begin(a, EDIT_GROUP, &group_fields[a->group_field], (size_t)a->group_sel, 0);
		return true;
	case ACTION_ADD: add_row(a); return true;
	case ACTION_DELETE: ask_delete(a); return true;
	default: return false;
	}
}

static bool view_handle(struct app *a, enum action act)
{
	struct target_group *g = current_group(a);
	int page = a->layout.body.h > 12 ? a->layout.body.h - 12 : 1;
	if (a->group_form && g != NULL)
		return handle_form(a, act);
	a->group_form = false;
	if (!a->group_items) {
		int before = a->group_sel;
		if (view_move_selection(&a->group_sel, (int)a->wb->group_count, page, act)) {
			if (before != a->group_sel)
				a->item_sel = 0;
			return true;
		}
		switch (act) {
		case ACTION_RIGHT:
		case ACTION_NEXT_FIELD:
			if (g != NULL)
				a->group_items = true;
			return true;
		case ACTION_EDIT:
			if (g != NULL) {
				a->group_form = true;
				a->group_field = 0;
			}
			return true;
		case ACTION_ADD: add_row(a); return true;
		case ACTION_DELETE: ask_delete(a); return true;
		default: return false;
		}
	}
	if (g == NULL) {
		a->group_items = false;
		return false;
	}
	if (view_move_selection(&a->item_sel, (int)g->item_count, page, act))
		return true;
	const struct field_desc *f = &item_fields[a->item_col];
	switch (act) {
	case ACTION_LEFT:
	case ACTION_PREV_FIELD:
		if (a->item_col == 0)
			a->group_items = false;
		else
			a->item_col--;
		return true;
	case ACTION_RIGHT:
	case ACTION_NEXT_FIELD:
		a->item_col = (a->item_col + 1) % ITEM_COLS;
		return true;
	case ACTION_CANCEL:
		a->group_items = false;
		return true;
	case ACTION_TOGGLE_ENABLED:
		if (field_is_choice(f) && (size_t)a->item_sel < g->item_count)
			draft_cycle(a, EDIT_ITEM, f, (size_t)a->group_sel, (size_t)a->item_sel, 1);
		return true;
	case ACTION_EDIT:
		if ((size_t)a->item_sel < g->item_count)
			draft_begin(a, EDIT_ITEM, f, (size_t)a->group_sel, (size_t)a->item_sel);
		return true;
	case ACTION_ADD: add_row(a); return true;
	case ACTION_DELETE: ask_delete(a); return true;
	default: return false;
	}
}

static bool view_type(struct app *a, int key)
{
	struct target_group *g = current_group(a);
	if (a->group_form && g != NULL)
		return view_type_number(a, EDIT_GROUP, &group_fields[a->group_field],
					(size_t)a->group_sel, 0, key);
	if (!a->group_items || g == NULL || (size_t)a->item_sel >= g->item_count)
		return false;
	return view_type_number(a, EDIT_ITEM, &item_fields[a->item_col], (size_t)a->group_sel,
				(size_t)a->item_sel, key);
}

static const char *view_hints(const struct app *a)
{
	if (a->group_form)
		return _("{up}{down}/{next_field}:felt  {edit}:rediger  {left}:grupper  {right}:poster  {add}:ny gruppe  {delete}:slett  {undo}:angre");
	if (!a->group_items)
		return _("{up}{down}:gruppe  {edit}:rediger gruppen  {right}:poster  {add}:ny gruppe  {delete}:slett  {undo}:angre  {help}:hjelp  {quit}:avslutt");
	return _("{up}{down}:post  {left}{right}/{next_field}:kolonne  {edit}:rediger  {cancel}:grupper  {add}:ny post  {delete}:slett  0-9:ny verdi  {toggle_enabled}:bytt");
}

const struct view view_groups = {N_("Målgrupper"), view_draw, view_handle, view_hints, view_type};
