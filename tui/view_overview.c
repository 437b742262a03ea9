/*
 * view_overview.c: Oversikt.  The portfolio of enabled measures: key
 * results, present values per bearer, who pays and who gains, the
 * cumulative discounted net by year as a chart, and every enabled measure
 * with its key figures.
 *
 * Must never: write to the store (Enter jumps to the measure in Tiltak).
 */
#include "config.h"

#include <string.h>

#include "engine/numbers.h"
#include "report/example.h"
#include "tui/app.h"
#include "tui/i18n.h"

static const char *const bearer_label[BEARER_COUNT] = {N_("Kommune"), N_("Fylkeskommune"),
							    N_("Stat")};

static void draw_bearers(struct app *a, const struct rect *r, const struct result *res)
{
	static const struct table_col cols[] = {
		{N_("Budsjett"), 13, 9, false, true},
		{N_("Kostnad"), 12, 7, true, false},
		{N_("Gevinst"), 12, 7, true, false},
		{N_("Netto"), 12, 8, true, false},
	};
	int widths[4], xs[4];
	draw_hline(a, r->y, r->x, r->w, _("Nåverdi per budsjett"));
	layout_table(cols, 4, r->w, widths);
	table_header(a, r->y + 1, r->x, cols, 4, widths, xs);
	for (int b = 0; b <= BEARER_COUNT && 2 + b < r->h; b++) {
		int y = r->y + 2 + b;
		const struct bearer_result *br = b < BEARER_COUNT ? &res->by_bearer[b] : NULL;
		attr_t at = b < BEARER_COUNT ? a->attrs[ROLE_NORMAL] : a->attrs[ROLE_TITLE];
		table_cell(a, y, &cols[0], xs[0], widths[0], at, b < BEARER_COUNT ? _(bearer_label[b]) : _("Sum"));
		double v[3] = {br ? -br->pv_cost : -res->pv_cost, br ? br->pv_saving : res->pv_saving,
			       br ? br->npv : res->npv};
		for (int c = 1; c < 4; c++)
			if (xs[c] >= 0)
				draw_money(a, y, xs[c], widths[c], v[c - 1], true, at);
	}
}

static void draw_flows(struct app *a, const struct rect *r, const struct result *res)
{
	static const struct table_col cols[] = {
		{N_("Betaler"), 13, 9, false, true},
		{NC_("kolonne", "Kommune"), 10, 7, true, false},
		{N_("Fylke"), 10, 7, true, false},
		{N_("Stat"), 10, 7, true, false},
	};
	int widths[4], xs[4];
	draw_hline(a, r->y, r->x, r->w, _("Hvem betaler → hvem vinner (nåverdi; Mellomrom: per sektor)"));
	if (!res->has_flows) {
		draw_text(a, r->y + 1, r->x, r->w, a->attrs[ROLE_DIM], _("Ingen kostnader ennå"));
		return;
	}
	layout_table(cols, 4, r->w, widths);
	table_header(a, r->y + 1, r->x, cols, 4, widths, xs);
	for (int p = 0; p < BEARER_COUNT && 2 + p < r->h; p++) {
		int y = r->y + 2 + p;
		table_cell(a, y, &cols[0], xs[0], widths[0], a->attrs[ROLE_NORMAL], _(bearer_label[p]));
		for (int b = 0; b < BEARER_COUNT; b++)
			if (xs[b + 1] >= 0)
				draw_money(a, y, xs[b + 1], widths[b + 1], res->flows[p][b], true,
					   a->attrs[ROLE_NORMAL]);
	}
}

/* The i-th enabled measure's index, or -1. */
static int enabled_measure(const struct app *a, int nth)
{
	for (size_t i = 0; i < a->wb->measure_count; i++)
		if (a->wb->measures[i].enabled && nth-- == 0)
			return (int)i;
	return -1;
}

static int enabled_count(const struct app *a)
{
	int n = 0;
	for (size_t i = 0; i < a->wb->measure_count; i++)
		n += a->wb->measures[i].enabled;
	return n;
}

struct overview_state {
	struct list list; /* over the enabled measures: nth enabled */
	struct rect table;
	/* The shipped example workbook, to say which figures are still its
	 * (loaded once; compared on every frame: microseconds). */
	struct workbook example;
	bool have_example;
	bool by_sector; /* the flows pane per sector (Space), else per bearer */
};

static void view_init(struct app *a, void *state)
{
	(void)a;
	struct overview_state *st = state;
	workbook_init(&st->example);
	st->have_example = session_example_workbook(&st->example) == 0;
}

static void view_fini(struct app *a, void *state)
{
	(void)a;
	struct overview_state *st = state;
	workbook_free(&st->example);
}

/* "Eksempeldata: …" when enabled measures rest on unchanged example
 * figures; false when none do. */
static bool example_line(struct app *a, struct overview_state *st, int width, char *buf,
			 size_t size)
{
	if (!st->have_example)
		return false;
	struct example_use u;
	example_use_compute(a->wb, &st->example, &u);
	if (u.items_example == 0 && u.measures_example == 0)
		return false;
	snprintf(buf, size,
			 _("Eksempeldata: %zu av %zu tiltak og %zu av %zu kostnadsposter er uendret fra "
			   "eksempelarbeidsboka. Bytt inn kommunens egne tall før resultatene brukes."),
			 u.measures_example, u.measures_enabled, u.items_example, u.items_used);
	if (draw_width(a, buf) > width)
		snprintf(buf, size,
			 _("Eksempeldata: %zu av %zu tiltak, %zu av %zu poster uendret; bytt inn egne tall"),
			 u.measures_example, u.measures_enabled, u.items_example, u.items_used);
	return true;
}

static void draw_measures(struct app *a, struct overview_state *st, const struct rect *r)
{
	static const struct table_col cols[] = {
		{N_("Tiltak"), 14, 9, false, true},
		{N_("Deltakere"), 9, 3, true, false},
		{N_("Kostnad"), 12, 6, true, false},
		{N_("Gevinst"), 12, 6, true, false},
		{N_("Nåverdi"), 12, 8, true, false},
		{N_("NKF"), 6, 5, true, false},
		{N_("Lønnsomt fra"), 12, 4, true, false},
	};
	int widths[7], xs[7];
	char title[64];
	int count = enabled_count(a);
	snprintf(title, sizeof title, _("Tiltak i porteføljen (%d av %zu)"), count, a->wb->measure_count);
	draw_hline(a, r->y, r->x, r->w, title);
	layout_table(cols, 7, r->w, widths);
	table_header(a, r->y + 1, r->x, cols, 7, widths, xs);
	int rows = r->h - 2;
	list_clamp(&st->list, count);
	int top = list_scroll(&st->list, rows, count);
	st->table = (struct rect){r->y + 2, r->x, rows, r->w};
	for (int row = 0; row < rows; row++) {
		int nth = top + row;
		int i = enabled_measure(a, nth);
		if (i < 0)
			break;
		const struct measure *m = &a->wb->measures[i];
		const struct result *res = &a->proj->measures[i];
		int y = r->y + 2 + row;
		attr_t at = table_row_attr(a, nth == st->list.sel, true);
		char buf[48];
		table_cell(a, y, &cols[0], xs[0], widths[0], at, m->name);
		for (int c = 1; c < 7; c++) {
			if (xs[c] < 0)
				continue;
			draw_text(a, y, xs[c] - 1, 1, at, "");
			switch (c) {
			case 1:
				number_format(buf, sizeof buf, (double)m->participants, 0, app_thousands(a));
				table_cell(a, y, &cols[c], xs[c], widths[c], at, buf);
				break;
			case 2: draw_money(a, y, xs[c], widths[c], -res->pv_cost, true, at); break;
			case 3: draw_money(a, y, xs[c], widths[c], res->pv_saving, true, at); break;
			case 4: draw_money(a, y, xs[c], widths[c], res->npv, true, at); break;
			case 5:
				if (res->has_bcr)
					/* Two decimals, as in the results: 0,99 must not
					 * read "1,0" beside a negative NPV. */
					number_format(buf, sizeof buf, res->bcr, 2, app_thousands(a));
				else
					snprintf(buf, sizeof buf, "–");
				table_cell(a, y, &cols[c], xs[c], widths[c], at, buf);
				break;
			case 6:
				if (res->has_break_even_year)
					snprintf(buf, sizeof buf, "%d", res->break_even_year);
				else
					snprintf(buf, sizeof buf, "–");
				table_cell(a, y, &cols[c], xs[c], widths[c], at, buf);
				break;
			}
		}
	}
	if (count == 0)
		draw_text(a, r->y + 2, r->x, r->w, a->attrs[ROLE_DIM],
			  _("Ingen tiltak er med: legg til i Tiltak (2) eller trykk e for et raskt overslag"));
}

static void view_draw(struct app *a, void *state, const struct rect *body)
{
	struct overview_state *st = state;
	const struct result *res = &a->proj->portfolio;
	struct rect top, rest, left, right, mid, bottom, chart, flows;
	/* The society view has seven terms to the budget view's five. */
	layout_split_rows(body, a->society && body->h >= 20 ? 8 : 6, 6, &top, &rest);
	layout_split_columns(&top, 45, 30, 40, &left, &right);
	char title[200];
	const struct unc_subject *u = &a->unc->portfolio;
	if (a->society) {
		snprintf(title, sizeof title, "%s", _("Porteføljen: Samfunn (s: Budsjett)"));
	} else if (u->ready && left.w >= 30) {
		/* The simulation's answer where the point answer is (budget view:
		 * the simulation varies the budgets' NPV); "Pluss" as in Tiltak's
		 * column when narrow. */
		char p[32];
		percent_format(p, sizeof p, u->summary.line[UNC_TOTAL].prob_positive, 0,
			       app_thousands(a));
		if (left.w >= 50)
			snprintf(title, sizeof title, _("Porteføljen · sannsynlighet for pluss %s%s"), p,
				 u->current ? "" : "…");
		else
			snprintf(title, sizeof title, _("Porteføljen · pluss %s%s"), p,
				 u->current ? "" : "…");
	} else {
		snprintf(title, sizeof title, "%s", _("Porteføljen"));
	}
	draw_hline(a, left.y, left.x, left.w, title);
	struct rect rr = {left.y + 1, left.x, left.h - 1, left.w};
	draw_results(a, &rr, res, false);
	draw_bearers(a, &right, res);
	int mid_rows = rest.h >= 16 ? 8 : rest.h >= 11 ? 5 : 0;
	/* A tall window gives the chart what the measure list does not need
	 * (rule, header and one row per measure), so it does not sit empty. */
	int spare = rest.h - (enabled_count(a) + 3);
	if (mid_rows == 8 && spare > mid_rows)
		mid_rows = spare > 20 ? 20 : spare;
	layout_split_rows(&rest, mid_rows, 3, &mid, &bottom);
	if (mid.h >= 4) {
		layout_split_columns(&mid, 50, 30, 46, &chart, &flows);
		draw_cum_npv_chart(a, &chart, res, _("Kumulert nåverdi, porteføljen"));
		if (st->by_sector)
			draw_sector_flows(a, &flows, res);
		else
			draw_flows(a, &flows, res);
	}
	char note[400];
	if (example_line(a, st, body->w, note, sizeof note)) {
		/* The last row of the body when the list leaves it free, else
		 * the list's last row: the warning matters more than a row. */
		int y = body->y + body->h - 1;
		if (bottom.h > 3 && bottom.y + bottom.h - 1 == y &&
		    enabled_count(a) + 2 >= bottom.h)
			bottom.h--;
		draw_measures(a, st, &bottom);
		draw_text(a, y, body->x, body->w, a->attrs[ROLE_ERROR], note);
	} else {
		draw_measures(a, st, &bottom);
	}
}

static bool view_key(struct app *a, void *state, enum action act)
{
	struct overview_state *st = state;
	int page = a->layout.body.h > 16 ? a->layout.body.h - 16 : 1;
	if (list_move(&st->list, enabled_count(a), page, act))
		return true;
	if (act == ACTION_TOGGLE_ENABLED) {
		st->by_sector = !st->by_sector;
		return true;
	}
	if (act == ACTION_EDIT) {
		int i = enabled_measure(a, st->list.sel);
		if (i >= 0) {
			app_set_subject(a, i);
			app_show(a, &view_measures);
		}
		return true;
	}
	return false;
}

static const char *view_hints(const struct app *a, const void *state)
{
	(void)a;
	const struct overview_state *st = state;
	if (st->by_sector)
		return _("{view_overview}-{view_uncertainty}:visning  {toggle_enabled}:per budsjett  {up}{down}:velg  {edit}:åpne  {estimate}:overslag  {help}:hjelp  {quit}:avslutt  {undo}:angre");
	return _("{view_overview}-{view_uncertainty}:visning  {toggle_enabled}:per sektor  {up}{down}:velg  {edit}:åpne  {estimate}:overslag  {help}:hjelp  {quit}:avslutt  {undo}:angre  {search}:søk");
}

static const char *enabled_name(const void *ctx, int nth, int which)
{
	const struct app *a = ctx;
	int i = enabled_measure(a, nth);
	return which == 0 && i >= 0 ? a->wb->measures[i].name : NULL;
}

/* The overview lists enabled measures only: search those. */
static bool view_search(struct app *a, void *state, const char *needle, bool next)
{
	struct overview_state *st = state;
	int nth = list_search(&st->list, enabled_count(a), next, needle, enabled_name, a);
	if (nth < 0)
		return false;
	st->list.sel = nth;
	return true;
}

static void view_click(struct app *a, void *state, int y, int x)
{
	struct overview_state *st = state;
	const struct rect *r = &st->table;
	(void)x;
	if (y >= r->y && y < r->y + r->h && st->list.top + (y - r->y) < enabled_count(a))
		st->list.sel = st->list.top + (y - r->y);
}

const struct view view_overview = {
	.title = N_("Oversikt"),
	.action = ACTION_VIEW_OVERVIEW,
	.state_size = sizeof(struct overview_state),
	.init = view_init,
	.fini = view_fini,
	.draw = view_draw,
	.key = view_key,
	.hints = view_hints,
	.search = view_search,
	.click = view_click,
};
