/*
 * view_measures.c: Tiltak.  The measures table at the left, the selected
 * measure's form at the right, its key results under the table, and its
 * projection (chart and yearly table) at the bottom.  Every keystroke in a
 * field recomputes the measure (edit.c), so all of it follows the typing.
 *
 * Must never: write to the store except through edit.c (fields) and the
 * add/delete actions here.
 */
#include "config.h"

#include <string.h>

#include "engine/numbers.h"
#include "tui/app.h"
#include "tui/i18n.h"

#define LABEL_W 23

static void draw_table(struct app *a, const struct rect *r)
{
	static const struct table_col cols[] = {
		{"", 1, 9, false, false},
		{N_("Tiltak"), 12, 9, false, true},
		{N_("Nåverdi"), 12, 8, true, false},
	};
	int widths[3], xs[3];
	layout_table(cols, 3, r->w, widths);
	table_header(a, r->y, r->x, cols, 3, widths, xs);
	int rows = r->h - 1, count = (int)a->wb->measure_count;
	a->measure_top = layout_scroll(a->measure_top, a->measure_sel, rows, count);
	if (count == 0) {
		draw_text(a, r->y + 1, r->x, r->w, a->attrs[ROLE_DIM], _("Ingen tiltak: trykk a for å legge til"));
		return;
	}
	for (int row = 0; row < rows; row++) {
		int i = a->measure_top + row;
		if (i >= count)
			break;
		const struct measure *m = &a->wb->measures[i];
		bool sel = i == a->measure_sel;
		attr_t at = table_row_attr(a, sel, !a->measure_form);
		int y = r->y + 1 + row;
		table_cell(a, y, &cols[0], xs[0], widths[0], at, m->enabled ? (a->ascii ? "x" : "✓") : " ");
		draw_text(a, y, xs[0] + widths[0], 1, at, "");
		table_cell(a, y, &cols[1], xs[1], widths[1], at, m->name);
		if (xs[2] >= 0) {
			draw_text(a, y, xs[1] + widths[1], 1, at, "");
			draw_money(a, y, xs[2], widths[2], a->proj->measures[i].npv, true, at);
		}
	}
}

static void draw_form(struct app *a, const struct rect *r, int mi)
{
	struct measure *m = &a->wb->measures[mi];
	char title[200];
	snprintf(title, sizeof title, "%s", m->name);
	draw_hline(a, r->y, r->x, r->w, title);
	int rows = r->h - 1;
	int count = (int)measure_field_count;
	int top = layout_scroll(0, a->measure_field, rows, count);
	int lw = r->w > 44 ? LABEL_W : r->w / 2;
	for (int row = 0; row < rows && top + row < count; row++) {
		int f = top + row;
		int y = r->y + 1 + row;
		bool sel = a->measure_form && f == a->measure_field;
		/* One blank column always separates label and value. */
		draw_text(a, y, r->x, lw - 1, sel ? a->attrs[ROLE_TITLE] : a->attrs[ROLE_LABEL],
			  _(measure_fields[f].label));
		int vw = r->w - lw;
		if (draft_is(a, EDIT_MEASURE, &measure_fields[f], (size_t)mi, 0)) {
			/* The reading ("leser: 25 %") is in the status line; beside
			 * the editor only an invalid value is flagged, so typing a
			 * valid number repaints as few cells as possible. */
			int ew = vw >= 30 ? 16 : vw;
			draw_field(a, y, r->x + lw, ew, EDIT_MEASURE, &measure_fields[f], m, (size_t)mi,
				   0, sel);
			if (ew < vw && !draft_valid(a))
				draw_text(a, y, r->x + lw + ew, vw - ew, a->attrs[ROLE_ERROR],
					  _(" ugyldig, se nederst"));
		} else {
			draw_form_field(a, y, r->x + lw, vw, EDIT_MEASURE, &measure_fields[f], m, (size_t)mi, 0,
				   sel);
		}
	}
}

static void view_draw(struct app *a, const struct rect *body)
{
	struct rect top, bottom, left, right, table, results;
	int form_rows = (int)measure_field_count + 1;
	layout_split_rows(body, form_rows, body->h >= 20 ? 7 : 0, &top, &bottom);
	layout_split_columns(&top, 40, 24, 36, &left, &right);
	int mi = app_measure_index(a);
	int res_rows = mi >= 0 ? 8 : 0;
	layout_split_rows(&left, left.h - res_rows, 0, &table, &results);
	if (table.h < 3) {
		/* Short screen: the table wins over the results. */
		table = left;
		results.h = 0;
	}
	draw_table(a, &table);
	if (mi < 0)
		return;
	const struct result *res = &a->proj->measures[mi];
	if (results.h > 1) {
		draw_hline(a, results.y, results.x, results.w, _("Resultat"));
		struct rect rr = {results.y + 1, results.x, results.h - 1, results.w};
		draw_results(a, &rr, res, true);
	}
	draw_form(a, &right, mi);
	if (bottom.h >= 4) {
		struct rect chart, years;
		layout_split_columns(&bottom, 55, 30, 30, &chart, &years);
		double cum[HORIZON_MAX];
		for (int t = 0; t < res->year_count; t++)
			cum[t] = res->years[t].cum_net_discounted;
		draw_chart(a, &chart, cum, res->year_count, _("Kumulert nåverdi per år"),
			   a->wb->params.base_year, 1);
		struct rect yr = {years.y + 1, years.x, years.h - 1, years.w};
		draw_hline(a, years.y, years.x, years.w, _("Per år"));
		draw_year_table(a, &yr, res, 0, false);
	}
}

static void add_measure(struct app *a)
{
	if (app_refuse_read_only(a))
		return;
	int mi = app_measure_index(a);
	struct row_key near = mi >= 0 ? session_measure_key(a->session, (size_t)mi)
				      : (struct row_key){ROW_MEASURE, 0};
	struct row_key made;
	struct diag d;
	app_remember(a);
	enum diag_code c = session_insert(a->session, ROW_MEASURE, near, &made, &d);
	app_sync(a);
	if (c != DIAG_OK) {
		app_diag(a, &d);
		return;
	}
	/* Select the new row by its id, then let the user name it at once;
	 * Esc takes the new row back. */
	long i = session_index(a->session, made, NULL);
	if (i < 0)
		return;
	a->measure_sel = (int)i;
	a->measure_form = true;
	a->measure_field = 0;
	draft_begin_new(a, EDIT_MEASURE, &measure_fields[0], (size_t)i, 0);
	app_diag(a, &d);
}

static void ask_delete(struct app *a)
{
	if (app_refuse_read_only(a))
		return;
	int mi = app_measure_index(a);
	if (mi < 0)
		return;
	a->confirm = CONFIRM_DELETE_MEASURE;
	snprintf(a->confirm_text, sizeof a->confirm_text, _("Slette tiltaket «%s»? (j/n)"),
		 a->wb->measures[mi].name);
}

static bool move_sel(int *sel, int count, int page, enum action act)
{
	switch (act) {
	case ACTION_UP: *sel -= 1; break;
	case ACTION_DOWN: *sel += 1; break;
	case ACTION_PAGE_UP: *sel -= page; break;
	case ACTION_PAGE_DOWN: *sel += page; break;
	case ACTION_HOME: *sel = 0; break;
	case ACTION_END: *sel = count - 1; break;
	default: return false;
	}
	if (*sel >= count)
		*sel = count - 1;
	if (*sel < 0)
		*sel = 0;
	return true;
}

bool view_move_selection(int *sel, int count, int page, enum action act)
{
	return move_sel(sel, count, page, act);
}

static bool view_handle(struct app *a, enum action act)
{
	int mi = app_measure_index(a);
	int page = a->layout.body.h > 10 ? a->layout.body.h - 10 : 1;
	if (!a->measure_form) {
		if (move_sel(&a->measure_sel, (int)a->wb->measure_count, page, act))
			return true;
		switch (act) {
		case ACTION_RIGHT:
		case ACTION_NEXT_FIELD:
		case ACTION_EDIT:
			if (mi >= 0)
				a->measure_form = true;
			return true;
		case ACTION_ADD: add_measure(a); return true;
		case ACTION_DELETE: ask_delete(a); return true;
		case ACTION_TOGGLE_ENABLED:
			if (mi >= 0)
				draft_cycle(a, EDIT_MEASURE, &measure_fields[measure_field_count - 1],
					   (size_t)mi, 0, 1);
			return true;
		default:
			return false;
		}
	}
	if (mi < 0) {
		a->measure_form = false;
		return false;
	}
	const struct field_desc *f = &measure_fields[a->measure_field];
	int count = (int)measure_field_count;
	switch (act) {
	case ACTION_UP:
	case ACTION_DOWN:
	case ACTION_HOME:
	case ACTION_END:
	case ACTION_PAGE_UP:
	case ACTION_PAGE_DOWN:
		move_sel(&a->measure_field, count, page, act);
		return true;
	case ACTION_NEXT_FIELD:
		a->measure_field = (a->measure_field + 1) % count;
		return true;
	case ACTION_PREV_FIELD:
		if (a->measure_field == 0)
			a->measure_form = false;
		else
			a->measure_field--;
		return true;
	case ACTION_CANCEL:
		a->measure_form = false;
		return true;
	case ACTION_LEFT:
	case ACTION_RIGHT:
		if (field_is_choice(f)) {
			draft_cycle(a, EDIT_MEASURE, f, (size_t)mi, 0, act == ACTION_RIGHT ? 1 : -1);
			return true;
		}
		if (act == ACTION_LEFT)
			a->measure_form = false;
		return true;
	case ACTION_TOGGLE_ENABLED:
		draft_cycle(a, EDIT_MEASURE, field_is_choice(f) ? f : &measure_fields[count - 1],
			   (size_t)mi, 0, 1);
		return true;
	case ACTION_EDIT:
		draft_begin(a, EDIT_MEASURE, f, (size_t)mi, 0);
		return true;
	case ACTION_ADD: add_measure(a); return true;
	case ACTION_DELETE: ask_delete(a); return true;
	default:
		return false;
	}
}

bool view_type_number(struct app *a, enum edit_target t, const struct field_desc *f,
		      size_t index, size_t sub, int key)
{
	if (f->type == FT_TEXT || field_is_choice(f) || !((key >= '0' && key <= '9') || key == '-'))
		return false;
	draft_begin(a, t, f, index, sub);
	if (!a->edit.active)
		return true;
	line_edit_kill_before(&a->edit.line);
	line_edit_kill_after(&a->edit.line);
	draft_key(a, 0, key);
	return true;
}

static bool view_type(struct app *a, int key)
{
	int mi = app_measure_index(a);
	if (!a->measure_form || mi < 0)
		return false;
	return view_type_number(a, EDIT_MEASURE, &measure_fields[a->measure_field], (size_t)mi, 0,
				key);
}

static const char *view_hints(const struct app *a)
{
	if (!a->measure_form)
		return _("{up}{down}:velg  {right}:skjema  {add}:ny  {delete}:slett  {undo}:angre  {help}:hjelp  {quit}:avslutt  {toggle_enabled}:av/på  {search}:søk  {estimate}:overslag");
	const struct field_desc *f = &measure_fields[a->measure_field];
	if (field_is_choice(f))
		return _("{up}{down}:felt  {left}{right}:bytt  {edit}:skriv  {cancel}:tabellen  {undo}:angre  {help}:hjelp");
	return _("{up}{down}/{next_field}:felt  {edit}:rediger  0-9:ny verdi  {cancel}:tabellen  {undo}:angre  {help}:hjelp  {add}:ny  {delete}:slett");
}

const struct view view_measures = {N_("Tiltak"), view_draw, view_handle, view_hints, view_type};
