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
#include "tui/form.h"
#include "tui/i18n.h"

struct measures_state {
	struct list list;   /* the table; list.sel mirrors app.subject */
	bool in_form;       /* focus in the form (else the table) */
	struct form form;
	struct rect table;  /* where the last frame put the table and form, for clicks */
	struct rect form_rect;
};

static struct form_spec spec_for(struct app *a, int mi)
{
	return (struct form_spec){EDIT_MEASURE, measure_fields, measure_field_count,
				  &a->wb->measures[mi], (size_t)mi, 0, 0, false, NULL,
				  field_beside};
}

/* The table follows the current measure (set elsewhere: the overview, a
 * reload, the estimate kept as a measure). */
static void follow(struct app *a, struct measures_state *st)
{
	st->list.sel = app_measure_index(a) < 0 ? 0 : app_measure_index(a);
}

static void draw_table(struct app *a, struct measures_state *st, const struct rect *r)
{
	static const struct table_col cols[] = {
		{"", 1, 9, false, false},
		{N_("Tiltak"), 12, 9, false, true},
		{N_("Nåverdi"), 11, 8, true, false},
		/* The simulation's share of draws with NPV > 0 (doc/glossary.md). */
		{N_("Pluss"), 5, 7, true, false},
	};
	int widths[4], xs[4];
	layout_table(cols, 4, r->w, widths);
	table_header(a, r->y, r->x, cols, 4, widths, xs);
	int rows = r->h - 1, count = (int)a->wb->measure_count;
	int top = list_scroll(&st->list, rows, count);
	if (count == 0) {
		draw_text(a, r->y + 1, r->x, r->w, a->attrs[ROLE_DIM], _("Ingen tiltak: trykk a for å legge til"));
		return;
	}
	for (int row = 0; row < rows; row++) {
		int i = top + row;
		if (i >= count)
			break;
		const struct measure *m = &a->wb->measures[i];
		bool sel = i == st->list.sel;
		attr_t at = table_row_attr(a, sel, !st->in_form);
		int y = r->y + 1 + row;
		table_cell(a, y, &cols[0], xs[0], widths[0], at, m->enabled ? (a->ascii ? "x" : "✓") : " ");
		draw_text(a, y, xs[0] + widths[0], 1, at, "");
		table_cell(a, y, &cols[1], xs[1], widths[1], at, m->name);
		if (xs[2] >= 0) {
			draw_text(a, y, xs[1] + widths[1], 1, at, "");
			draw_money(a, y, xs[2], widths[2], a->proj->measures[i].npv, true, at);
		}
		if (xs[3] >= 0) {
			double c = uncertainty_chance(a->unc, a->wb, (size_t)i);
			char p[32] = "…";
			if (c >= 0)
				percent_format(p, sizeof p, c, 0, app_thousands(a));
			/* Dim while a new simulation runs: it is the last one's. */
			draw_text(a, y, xs[2] + widths[2], 1, at, "");
			draw_text_right(a, y, xs[3], widths[3],
					a->unc->portfolio.current || sel ? at : at | a->attrs[ROLE_DIM], p);
		}
	}
}

static void draw_form(struct app *a, struct measures_state *st, const struct rect *r, int mi)
{
	draw_hline(a, r->y, r->x, r->w, a->wb->measures[mi].name);
	struct rect fr = {r->y + 1, r->x, r->h - 1, r->w};
	struct form_spec spec = spec_for(a, mi);
	form_draw(a, &fr, &st->form, &spec, st->in_form);
	st->form_rect = fr;
}

static void view_draw(struct app *a, void *state, const struct rect *body)
{
	struct measures_state *st = state;
	follow(a, st);
	struct rect top, bottom, left, right, table, results;
	int form_rows = (int)measure_field_count + 1;
	layout_split_rows(body, form_rows, body->h >= 20 ? 7 : 0, &top, &bottom);
	layout_split_columns(&top, 40, 24, 36, &left, &right);
	int mi = app_measure_index(a);
	int res_rows = mi >= 0 ? 9 : 0;
	layout_split_rows(&left, left.h - res_rows, 0, &table, &results);
	if (table.h < 3) {
		/* Short screen: the table wins over the results. */
		table = left;
		results.h = 0;
	}
	draw_table(a, st, &table);
	st->table = table;
	if (mi < 0)
		return;
	const struct result *res = &a->proj->measures[mi];
	if (results.h > 1) {
		draw_hline(a, results.y, results.x, results.w,
			   a->society ? _("Resultat: Samfunn (s: Budsjett)") : _("Resultat"));
		struct rect rr = {results.y + 1, results.x, results.h - 1, results.w};
		int used = draw_results(a, &rr, res, true);
		if (used < rr.h && !a->society)
			draw_chance(a, rr.y + used, &rr, mi);
	}
	draw_form(a, st, &right, mi);
	if (bottom.h >= 4) {
		struct rect chart, years;
		layout_split_columns(&bottom, 55, 30, 30, &chart, &years);
		draw_cum_npv_chart(a, &chart, res, _("Kumulert nåverdi per år"));
		struct rect yr = {years.y + 1, years.x, years.h - 1, years.w};
		draw_hline(a, years.y, years.x, years.w, _("Per år"));
		draw_year_table(a, &yr, res, 0, false);
	}
}

static void add_measure(struct app *a, struct measures_state *st)
{
	int mi = app_measure_index(a);
	struct row_key near = mi >= 0 ? session_measure_key(a->session, (size_t)mi)
				      : (struct row_key){ROW_MEASURE, 0};
	struct diag d;
	/* Select the new row by its id, then let the user name it at once;
	 * Esc takes the new row back. */
	long i = app_insert(a, ROW_MEASURE, near, NULL, &d);
	if (i < 0)
		return;
	app_set_subject(a, (int)i);
	st->list.sel = (int)i;
	st->in_form = true;
	st->form.field = 0;
	draft_begin_new(a, EDIT_MEASURE, &measure_fields[0], (size_t)i, 0);
	app_diag(a, &d);
}

static void toggle_enabled(struct app *a, int mi)
{
	draft_cycle(a, EDIT_MEASURE, &measure_fields[measure_field_count - 1], (size_t)mi, 0, 1);
}

static bool key_table(struct app *a, struct measures_state *st, enum action act, int mi)
{
	int page = a->layout.body.h > 10 ? a->layout.body.h - 10 : 1;
	if (list_move(&st->list, (int)a->wb->measure_count, page, act)) {
		app_set_subject(a, st->list.sel);
		return true;
	}
	switch (act) {
	case ACTION_RIGHT:
	case ACTION_NEXT_FIELD:
	case ACTION_EDIT:
		if (mi >= 0)
			st->in_form = true;
		return true;
	case ACTION_ADD: add_measure(a, st); return true;
	case ACTION_DELETE: ask_delete_measure(a, mi); return true;
	case ACTION_TOGGLE_ENABLED:
		if (mi >= 0)
			toggle_enabled(a, mi);
		return true;
	default:
		return false;
	}
}

static bool view_key(struct app *a, void *state, enum action act)
{
	struct measures_state *st = state;
	follow(a, st);
	int mi = app_measure_index(a);
	if (!st->in_form || mi < 0) {
		st->in_form = false;
		return key_table(a, st, act, mi);
	}
	struct form_spec spec = spec_for(a, mi);
	const struct field_desc *f = form_selected(&st->form, &spec);
	switch (act) {
	case ACTION_PREV_FIELD:
		if (st->form.field == 0) {
			st->in_form = false;
			return true;
		}
		break;
	case ACTION_CANCEL:
		st->in_form = false;
		return true;
	case ACTION_LEFT:
		if (!field_is_choice(f) && st->form.col == 0) {
			st->in_form = false;
			return true;
		}
		break;
	case ACTION_RIGHT:
		/* → on a ranged value goes to its "lav" and "høy", on a payer
		 * share to its sector. */
		if (!field_is_choice(f) && field_beside(&measure_fields[st->form.field], 0) == NULL)
			return true;
		break;
	case ACTION_TOGGLE_ENABLED:
		/* Space steps a choice; on any other field it switches the
		 * measure in or out of the portfolio, as in the table. */
		if (!field_is_choice(f)) {
			toggle_enabled(a, mi);
			return true;
		}
		break;
	case ACTION_ADD: add_measure(a, st); return true;
	case ACTION_DELETE: ask_delete_measure(a, mi); return true;
	default: break;
	}
	return form_key(a, &st->form, &spec, act);
}

static bool view_type(struct app *a, void *state, int key)
{
	struct measures_state *st = state;
	int mi = app_measure_index(a);
	if (!st->in_form || mi < 0)
		return false;
	struct form_spec spec = spec_for(a, mi);
	return form_type(a, &st->form, &spec, key);
}

static const char *measure_name(const void *ctx, int i, int which)
{
	const struct app *a = ctx;
	return which == 0 ? a->wb->measures[i].name : NULL;
}

static bool view_search(struct app *a, void *state, const char *needle, bool next)
{
	struct measures_state *st = state;
	follow(a, st);
	int i = list_search(&st->list, (int)a->wb->measure_count, next, needle, measure_name, a);
	if (i < 0)
		return false;
	st->list.sel = i;
	app_set_subject(a, i);
	return true;
}

static void view_click(struct app *a, void *state, int y, int x)
{
	struct measures_state *st = state;
	const struct rect *t = &st->table, *f = &st->form_rect;
	if (x >= t->x && x < t->x + t->w && y > t->y && y < t->y + t->h) {
		int i = st->list.top + (y - t->y - 1);
		if ((size_t)i < a->wb->measure_count) {
			st->list.sel = i;
			app_set_subject(a, i);
			st->in_form = false;
		}
	} else if (x >= f->x && x < f->x + f->w && y >= f->y && y < f->y + f->h) {
		int row = layout_scroll(0, st->form.field, f->h, (int)measure_field_count) + (y - f->y);
		if (row >= 0 && (size_t)row < measure_field_count && app_measure_index(a) >= 0) {
			st->in_form = true;
			st->form.field = row;
			st->form.col = 0;
		}
	}
}

static void view_shown(struct app *a, void *state)
{
	struct measures_state *st = state;
	follow(a, st);
	st->in_form = false;
}

static const char *view_hints(const struct app *a, const void *state)
{
	(void)a;
	const struct measures_state *st = state;
	if (!st->in_form)
		return _("{up}{down}:velg  {right}:skjema  {add}:ny  {delete}:slett  {undo}:angre  {help}:hjelp  {quit}:avslutt  {toggle_enabled}:av/på  {search}:søk  {estimate}:overslag");
	const struct field_desc *f = &measure_fields[st->form.field];
	const struct field_desc *cell = st->form.col > 0 ? field_beside(f, st->form.col - 1) : NULL;
	if (cell != NULL && field_is_choice(cell))
		return _("{toggle_enabled}:neste sektor  {edit}:skriv sektoren  {left}:andelen  {up}{down}:felt  {cancel}:tabellen  {undo}:angre  {help}:hjelp");
	if (field_is_choice(f))
		return _("{up}{down}:felt  {left}{right}:bytt  {edit}:skriv  {cancel}:tabellen  {undo}:angre  {help}:hjelp");
	if (field_beside(f, 0) != NULL && f->type == FT_PAYER)
		return _("{up}{down}/{next_field}:felt  {edit}:rediger  0-9:ny verdi  {right}:sektoren  {cancel}:tabellen  {undo}:angre  {help}:hjelp");
	if (field_beside(f, 0) != NULL)
		return _("{up}{down}/{next_field}:felt  {edit}:rediger  0-9:ny verdi  {right}:lav, høy  {cancel}:tabellen  {undo}:angre  {help}:hjelp");
	return _("{up}{down}/{next_field}:felt  {edit}:rediger  0-9:ny verdi  {cancel}:tabellen  {undo}:angre  {help}:hjelp  {add}:ny  {delete}:slett");
}

const struct view view_measures = {
	.title = N_("Tiltak"),
	.action = ACTION_VIEW_MEASURES,
	.state_size = sizeof(struct measures_state),
	.draw = view_draw,
	.key = view_key,
	.hints = view_hints,
	.type = view_type,
	.search = view_search,
	.click = view_click,
	.shown = view_shown,
};
