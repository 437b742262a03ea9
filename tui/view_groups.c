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
#include "tui/form.h"
#include "tui/i18n.h"
#include "session/naming.h"

/* Item table columns, in item_fields order. */
static const struct table_col item_cols[] = {
	{N_("Post"), 13, 9, false, true}, /* 13: Type's "livskvalitet" and Sektor fit at 120 */
	{N_("Bærer"), 13, 8, false, false},
	{N_("Beløp"), 11, 9, true, false},
	{N_("Enhet"), 5, 6, false, false},
	{N_("Fra"), 3, 7, true, false},
	{N_("Til"), 3, 7, true, false},
	{N_("Kilde"), 10, 2, false, true},
	{N_("Sikk."), 5, 3, false, false},
	{N_("Type"), 11, 5, false, false},
	{N_("Sektor"), 13, 4, false, false},
};
#define ITEM_COLS 10
#define ITEM_COL_KIND 8
_Static_assert(sizeof item_cols / sizeof item_cols[0] == ITEM_COLS, "one column per item field");

struct groups_state {
	struct list groups;
	bool in_items; /* focus in the items table */
	bool in_form;  /* focus in the group's own form (name, id, …) */
	struct form form;
	struct list items;
	int item_col;
	int64_t item_id; /* the selected item's id across a reload */
	struct rect list_rect; /* the group list of the last frame, for clicks */
	/* The example data's groups to copy one from (copy_group key): shown
	 * in place of the items while `picking`; read when first opened. */
	bool picking;
	struct list pick;
	struct workbook example;
	bool have_example;
};

static struct form_spec group_spec(struct app *a, size_t gi)
{
	return (struct form_spec){EDIT_GROUP, group_fields, group_field_count,
				  &a->wb->groups[gi], gi, 0, 18, false, NULL};
}

static struct target_group *current_group(struct app *a, struct groups_state *st)
{
	if (a->wb->group_count == 0)
		return NULL;
	if (st->groups.sel >= (int)a->wb->group_count)
		st->groups.sel = (int)a->wb->group_count - 1;
	if (st->groups.sel < 0)
		st->groups.sel = 0;
	return &a->wb->groups[st->groups.sel];
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

static void draw_form(struct app *a, struct groups_state *st, const struct rect *r, struct target_group *g)
{
	if (r->h < 2)
		return;
	draw_hline(a, r->y, r->x, r->w, _("Målgruppen"));
	int count = (int)group_field_count;
	struct rect fr = {r->y + 1, r->x, r->h - 1 < count ? r->h - 1 : count, r->w};
	struct form_spec spec = group_spec(a, (size_t)st->groups.sel);
	if (r->w < 36)
		spec.label_w = r->w / 2;
	form_draw(a, &fr, &st->form, &spec, st->in_form);
	if (r->h - 1 > count) {
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

static void draw_groups(struct app *a, struct groups_state *st, const struct rect *r)
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
	st->groups.top = layout_scroll(st->groups.top, st->groups.sel, rows, count);
	for (int row = 0; row < rows && st->groups.top + row < count; row++) {
		int i = st->groups.top + row;
		const struct target_group *g = &a->wb->groups[i];
		attr_t at = table_row_attr(a, i == st->groups.sel, !st->in_items && !st->in_form);
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

/*
 * The item table's columns for this frame: Type is as wide as its longest
 * word in the language on screen ("livskvalitet", "quality of life").
 * (draw_items() keeps the cursor's column shown, so that Tab reaches every
 * field instead of bouncing off a hidden one.)
 */
static void item_columns(struct app *a, struct table_col *cols)
{
	memcpy(cols, item_cols, sizeof item_cols);
	const struct field_desc *kind = &item_fields[ITEM_COL_KIND];
	struct cost_item probe;
	memset(&probe, 0, sizeof probe);
	for (int q = 0; q < ITEM_KIND_COUNT; q++) {
		char buf[64];
		probe.kind = (enum item_kind)q;
		field_format(kind, &probe, a->wb, false, app_thousands(a), buf, sizeof buf);
		int w = draw_width(a, buf);
		if (w > cols[ITEM_COL_KIND].width)
			cols[ITEM_COL_KIND].width = w;
	}
}

static void draw_items(struct app *a, struct groups_state *st, const struct rect *r, struct target_group *g)
{
	int widths[ITEM_COLS], xs[ITEM_COLS];
	struct table_col cols[ITEM_COLS];
	item_columns(a, cols);
	draw_hline(a, r->y, r->x, r->w, g->name);
	/* The cursor's column is shown whatever its priority: at 80 columns
	 * Kilde, Sikk., Type and Sektor only fit one at a time. */
	layout_table_keep(cols, ITEM_COLS, r->w, widths, st->in_items ? st->item_col : -1);
	table_header(a, r->y + 1, r->x, cols, ITEM_COLS, widths, xs);
	/* A hidden column cannot hold the cursor. */
	while (st->item_col > 0 && widths[st->item_col] == 0)
		st->item_col--;
	int rows = r->h - 2, count = (int)g->item_count;
	st->items.top = layout_scroll(st->items.top, st->items.sel, rows, count);
	if (count == 0)
		draw_text(a, r->y + 2, r->x, r->w, a->attrs[ROLE_DIM],
			  _("Ingen kostnadsposter: trykk a for å legge til"));
	for (int row = 0; row < rows && st->items.top + row < count; row++) {
		int i = st->items.top + row;
		int y = r->y + 2 + row;
		bool row_sel = st->in_items && i == st->items.sel;
		for (int c = 0; c < ITEM_COLS; c++) {
			if (xs[c] < 0)
				continue;
			bool cell_sel = row_sel && c == st->item_col;
			if (draft_is(a, EDIT_ITEM, &item_fields[c], (size_t)st->groups.sel, (size_t)i)) {
				draw_field(a, y, xs[c], widths[c], EDIT_ITEM, &item_fields[c], &g->items[i],
					   (size_t)st->groups.sel, (size_t)i, true);
				continue;
			}
			char buf[TEXT_SOURCE_SIZE];
			field_format(&item_fields[c], &g->items[i], a->wb, false, app_thousands(a), buf,
				     sizeof buf);
			attr_t at = cell_sel ? a->attrs[ROLE_SELECTED]
				  : row_sel ? a->attrs[ROLE_SELECTED_DIM] : a->attrs[ROLE_NORMAL];
			if (c == 2 && !cell_sel && !row_sel && g->items[i].amount < 0)
				at = a->attrs[ROLE_NEGATIVE];
			table_cell(a, y, &cols[c], xs[c], widths[c], at, buf);
		}
	}
}

static void draw_profile(struct app *a, struct groups_state *st, const struct rect *r, struct target_group *g)
{
	if ((size_t)st->groups.sel >= a->proj->profile_count || r->h < 4)
		return;
	const struct group_profile *p = &a->proj->profiles[st->groups.sel];
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

/* The example groups, for the copy key: name, items, ages. */
static void draw_pick(struct app *a, struct groups_state *st, const struct rect *r)
{
	static const struct table_col cols[] = {
		{N_("Målgruppe"), 20, 9, false, true},
		{N_("Poster"), 6, 4, true, false},
		{N_("Alder"), 5, 5, true, false},
	};
	draw_hline(a, r->y, r->x, r->w, _("Kopier fra eksempeldataene (Enter kopierer)"));
	int widths[3], xs[3];
	layout_table(cols, 3, r->w, widths);
	table_header(a, r->y + 1, r->x, cols, 3, widths, xs);
	int rows = r->h - 2, count = (int)st->example.group_count;
	st->pick.top = layout_scroll(st->pick.top, st->pick.sel, rows, count);
	for (int row = 0; row < rows && st->pick.top + row < count; row++) {
		int i = st->pick.top + row;
		const struct target_group *g = &st->example.groups[i];
		attr_t at = table_row_attr(a, i == st->pick.sel, true);
		int y = r->y + 2 + row, from, to;
		char buf[32];
		session_group_ages(g, &from, &to);
		table_cell(a, y, &cols[0], xs[0], widths[0], at, g->name);
		snprintf(buf, sizeof buf, "%zu", g->item_count);
		for (int c = 1; c < 3; c++) {
			if (c == 2)
				snprintf(buf, sizeof buf, "%d–%d", from, to);
			if (xs[c] < 0)
				continue;
			draw_text(a, y, xs[c] - 1, 1, at, "");
			table_cell(a, y, &cols[c], xs[c], widths[c], at, buf);
		}
	}
}

static void view_draw(struct app *a, void *state, const struct rect *body)
{
	struct groups_state *st = state;
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
	draw_groups(a, st, &list);
	st->list_rect = list;
	if (st->picking) {
		draw_pick(a, st, &right);
		return;
	}
	struct target_group *g = current_group(a, st);
	if (g == NULL) {
		draw_text(a, right.y, right.x, right.w, a->attrs[ROLE_DIM],
			  _("Ingen målgrupper: trykk a for å legge til"));
		return;
	}
	draw_form(a, st, &form, g);
	int item_rows = (int)g->item_count + 3;
	if (item_rows < 5)
		item_rows = 5;
	layout_split_rows(&right, item_rows, right.h >= 16 ? 8 : 0, &items, &charts);
	draw_items(a, st, &items, g);
	draw_profile(a, st, &charts, g);
}

static void add_row(struct app *a, struct groups_state *st)
{
	struct target_group *g = current_group(a, st);
	bool item = st->in_items;
	if (item && g == NULL)
		return;
	struct row_key near = g != NULL ? session_group_key(a->session, (size_t)st->groups.sel)
					: (struct row_key){ROW_GROUP, 0};
	struct diag d;
	long gi = -1;
	long i = app_insert(a, item ? ROW_ITEM : ROW_GROUP, near, &gi, &d);
	if (i < 0)
		return;
	/* Straight into the name, as for a new measure; Esc takes it back. */
	if (!item) {
		st->groups.sel = (int)i;
		st->in_form = true;
		st->form.field = 0;
		draft_begin_new(a, EDIT_GROUP, &group_fields[0], (size_t)i, 0);
	} else {
		st->groups.sel = (int)gi;
		st->items.sel = (int)i;
		st->item_col = 0;
		draft_begin_new(a, EDIT_ITEM, &item_fields[0], (size_t)gi, (size_t)i);
	}
	app_diag(a, &d);
}

static void open_pick(struct app *a, struct groups_state *st)
{
	if (app_refuse_read_only(a))
		return;
	if (!st->have_example) {
		workbook_init(&st->example);
		st->have_example = session_example_workbook(&st->example) == 0;
		if (!st->have_example)
			workbook_free(&st->example); /* whatever a failed read left */
	}
	st->picking = st->have_example && st->example.group_count > 0;
	st->pick.sel = st->pick.top = 0;
}

/* Enter in the list of example groups: one undoable edit, saved at once. */
static void copy_picked(struct app *a, struct groups_state *st)
{
	if ((size_t)st->pick.sel >= st->example.group_count)
		return;
	struct row_key made;
	struct diag d;
	app_remember(a);
	enum diag_code c = session_copy_default_group(
		a->session, st->example.groups[st->pick.sel].id, &made, &d);
	app_sync(a);
	app_diag(a, &d);
	if (c != DIAG_OK)
		return;
	st->picking = false;
	long i = session_index(a->session, made, NULL);
	if (i >= 0) {
		st->groups.sel = (int)i;
		st->items.sel = st->items.top = 0;
		st->in_items = st->in_form = false;
	}
}

static bool handle_pick(struct app *a, struct groups_state *st, enum action act, int page)
{
	if (list_move(&st->pick, (int)st->example.group_count, page, act))
		return true;
	switch (act) {
	case ACTION_EDIT: copy_picked(a, st); return true;
	case ACTION_CANCEL:
	case ACTION_LEFT:
	case ACTION_COPY_GROUP: st->picking = false; return true;
	default: return false;
	}
}

static void ask_delete(struct app *a, struct groups_state *st)
{
	if (current_group(a, st) == NULL)
		return;
	if (st->in_items)
		ask_delete_item(a, st->groups.sel, st->items.sel);
	else
		ask_delete_group(a, st->groups.sel);
}

/* The group's own form: ↑↓/Tab move, Enter edits, ←/Esc back to the list. */
static bool handle_form(struct app *a, struct groups_state *st, enum action act)
{
	struct form_spec spec = group_spec(a, (size_t)st->groups.sel);
	switch (act) {
	case ACTION_LEFT:
	case ACTION_CANCEL:
		st->in_form = false;
		return true;
	case ACTION_RIGHT:
		st->in_form = false;
		st->in_items = true;
		return true;
	case ACTION_PREV_FIELD:
		act = ACTION_UP;
		break;
	case ACTION_NEXT_FIELD:
		act = ACTION_DOWN;
		break;
	case ACTION_ADD: add_row(a, st); return true;
	case ACTION_DELETE: ask_delete(a, st); return true;
	default: break;
	}
	return form_key(a, &st->form, &spec, act);
}

static bool view_key(struct app *a, void *state, enum action act)
{
	struct groups_state *st = state;
	struct target_group *g = current_group(a, st);
	int page = a->layout.body.h > 12 ? a->layout.body.h - 12 : 1;
	if (st->picking)
		return handle_pick(a, st, act, page);
	if (act == ACTION_COPY_GROUP && !session_draft_active(a->session)) {
		open_pick(a, st);
		return true;
	}
	if (st->in_form && g != NULL)
		return handle_form(a, st, act);
	st->in_form = false;
	if (!st->in_items) {
		int before = st->groups.sel;
		if (list_move(&st->groups, (int)a->wb->group_count, page, act)) {
			if (before != st->groups.sel)
				st->items.sel = st->items.top = 0;
			return true;
		}
		switch (act) {
		case ACTION_RIGHT:
		case ACTION_NEXT_FIELD:
			if (g != NULL)
				st->in_items = true;
			return true;
		case ACTION_EDIT:
			if (g != NULL) {
				st->in_form = true;
				st->form.field = 0;
			}
			return true;
		case ACTION_ADD: add_row(a, st); return true;
		case ACTION_DELETE: ask_delete(a, st); return true;
		default: return false;
		}
	}
	if (g == NULL) {
		st->in_items = false;
		return false;
	}
	if (list_move(&st->items, (int)g->item_count, page, act))
		return true;
	const struct field_desc *f = &item_fields[st->item_col];
	switch (act) {
	case ACTION_LEFT:
	case ACTION_PREV_FIELD:
		if (st->item_col == 0)
			st->in_items = false;
		else
			st->item_col--;
		return true;
	case ACTION_RIGHT:
	case ACTION_NEXT_FIELD:
		st->item_col = (st->item_col + 1) % ITEM_COLS;
		return true;
	case ACTION_CANCEL:
		st->in_items = false;
		return true;
	case ACTION_TOGGLE_ENABLED:
		if (field_is_choice(f) && (size_t)st->items.sel < g->item_count)
			draft_cycle(a, EDIT_ITEM, f, (size_t)st->groups.sel, (size_t)st->items.sel, 1);
		return true;
	case ACTION_EDIT:
		if ((size_t)st->items.sel < g->item_count)
			draft_begin(a, EDIT_ITEM, f, (size_t)st->groups.sel, (size_t)st->items.sel);
		return true;
	case ACTION_ADD: add_row(a, st); return true;
	case ACTION_DELETE: ask_delete(a, st); return true;
	default: return false;
	}
}

static bool view_type(struct app *a, void *state, int key)
{
	struct groups_state *st = state;
	struct target_group *g = current_group(a, st);
	if (st->picking)
		return false;
	if (st->in_form && g != NULL) {
		struct form_spec spec = group_spec(a, (size_t)st->groups.sel);
		return form_type(a, &st->form, &spec, key);
	}
	if (!st->in_items || g == NULL || (size_t)st->items.sel >= g->item_count)
		return false;
	return view_type_number(a, EDIT_ITEM, &item_fields[st->item_col], (size_t)st->groups.sel,
				(size_t)st->items.sel, key);
}

static const char *view_hints(const struct app *a, const void *state)
{
	(void)a;
	const struct groups_state *st = state;
	if (st->picking)
		return _("{up}{down}:målgruppe  {edit}:kopier inn i arbeidsboka  {cancel}:tilbake");
	if (st->in_form)
		return _("{up}{down}/{next_field}:felt  {edit}:rediger  {left}:grupper  {right}:poster  {add}:ny gruppe  {delete}:slett  {undo}:angre");
	if (!st->in_items)
		return _("{up}{down}:gruppe  {edit}:rediger gruppen  {right}:poster  {add}:ny gruppe  {copy_group}:kopier fra eksempeldata  {delete}:slett  {undo}:angre  {help}:hjelp");
	return _("{up}{down}:post  {left}{right}/{next_field}:kolonne  {edit}:rediger  {cancel}:grupper  {add}:ny post  {delete}:slett  0-9:ny verdi  {toggle_enabled}:bytt");
}

static const char *group_name(const void *ctx, int i, int which)
{
	const struct app *a = ctx;
	return which == 0 ? a->wb->groups[i].name : which == 1 ? a->wb->groups[i].id : NULL;
}

static const char *item_name(const void *ctx, int i, int which)
{
	const struct target_group *g = ctx;
	return which == 0 ? g->items[i].name : NULL;
}

/* In the items table: the group's items; else the groups (name or id). */
static bool view_search(struct app *a, void *state, const char *needle, bool next)
{
	struct groups_state *st = state;
	struct target_group *g = current_group(a, st);
	if (st->in_items && g != NULL) {
		int i = list_search(&st->items, (int)g->item_count, next, needle, item_name, g);
		if (i >= 0)
			st->items.sel = i;
		return i >= 0;
	}
	int i = list_search(&st->groups, (int)a->wb->group_count, next, needle, group_name, a);
	if (i < 0)
		return false;
	st->groups.sel = i;
	st->items.sel = st->items.top = 0;
	return true;
}

static void view_click(struct app *a, void *state, int y, int x)
{
	struct groups_state *st = state;
	const struct rect *r = &st->list_rect;
	if (st->in_items || x < r->x || x >= r->x + r->w || y <= r->y || y >= r->y + r->h)
		return;
	int i = st->groups.top + (y - r->y - 1);
	if ((size_t)i < a->wb->group_count) {
		st->groups.sel = i;
		st->in_form = false;
	}
}

static void view_remember(struct app *a, void *state)
{
	struct groups_state *st = state;
	const struct workbook *wb = a->wb;
	st->groups.id = st->item_id = 0;
	if (st->groups.sel >= 0 && (size_t)st->groups.sel < wb->group_count) {
		const struct target_group *g = &wb->groups[st->groups.sel];
		st->groups.id = g->row.id;
		if (st->items.sel >= 0 && (size_t)st->items.sel < g->item_count)
			st->item_id = g->items[st->items.sel].row.id;
	}
}

static void view_reloaded(struct app *a, void *state)
{
	struct groups_state *st = state;
	const struct workbook *wb = a->wb;
	long gi = session_index(a->session, (struct row_key){ROW_GROUP, st->groups.id}, NULL);
	if (st->groups.id != 0 && gi >= 0)
		st->groups.sel = (int)gi;
	list_clamp(&st->groups, (int)wb->group_count);
	if ((size_t)st->groups.sel >= wb->group_count)
		return;
	long g = -1;
	long i = session_index(a->session, (struct row_key){ROW_ITEM, st->item_id}, &g);
	if (st->item_id != 0 && i >= 0 && g == st->groups.sel)
		st->items.sel = (int)i;
	else
		list_clamp(&st->items, (int)wb->groups[st->groups.sel].item_count);
}

static void view_fini(struct app *a, void *state)
{
	(void)a;
	struct groups_state *st = state;
	if (st->have_example)
		workbook_free(&st->example);
}

const struct view view_groups = {
	.title = N_("Målgrupper"),
	.short_title = N_("Grupper"),
	.action = ACTION_VIEW_GROUPS,
	.state_size = sizeof(struct groups_state),
	.fini = view_fini,
	.draw = view_draw,
	.key = view_key,
	.hints = view_hints,
	.type = view_type,
	.search = view_search,
	.click = view_click,
	.remember = view_remember,
	.reloaded = view_reloaded,
};
