/*
 * results.c: the key results (NPV, PV cost and saving, benefit per krone,
 * break-even) as label/value lines, and the yearly table, as the
 * measure view, the overview, the estimate and Framskriving show them.
 *
 * Must never: change the workbook.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "engine/numbers.h"
#include "tui/app.h"
#include "tui/chart.h"
#include "tui/i18n.h"
#include "session/field.h"
#include "session/text.h"

static void result_line(struct app *a, int y, const struct rect *r, const char *label,
			const char *value, attr_t attr)
{
	int lw = r->w - 13 < 24 ? r->w - 13 : 24;
	if (lw < 8)
		lw = r->w / 2;
	/* A value that fills its part would touch the label ("nåverdi21 049
	 * 145 kr"): the label gives way, cut with "…", to keep one blank. */
	int vw = draw_width(a, value);
	if (lw > r->w - vw - 1 && r->w - vw - 1 >= 4)
		lw = r->w - vw - 1;
	draw_text(a, y, r->x, lw, a->attrs[ROLE_LABEL], label);
	draw_text_right(a, y, r->x + lw, r->w - lw, attr, value);
}

/* One kroner line; `main` is the headline (bold, signed colour). */
static void money_line(struct app *a, int y, const struct rect *r, const char *label, double x,
		       bool main, bool dim)
{
	char v[96], w[112];
	format_money(a, x, v, sizeof v);
	snprintf(w, sizeof w, "%s kr", v);
	attr_t at = main ? a->attrs[number_round(x, 0) < 0 ? ROLE_NEGATIVE : ROLE_POSITIVE] | A_BOLD
		  : a->attrs[dim ? ROLE_DIM : ROLE_NORMAL];
	result_line(a, y, r, label, w, at);
}

/*
 * The society view (MODEL.md): services, production and quality of life
 * saved, less the measure's cost, plus the tax-financing cost the budget
 * change saves or costs.  Transfers and taxes cancel at the level of
 * society: shown dimmed so a reader sees why the answers differ.
 */
static int draw_society(struct app *a, const struct rect *r, const struct result *res)
{
	const struct society_result *s = &res->society;
	double tax = a->wb->params.tax_cost;
	char label[96];
	int y = r->y, end = r->y + r->h;
	if (y < end)
		money_line(a, y++, r, _("Samfunnsøk. nåverdi"), s->npv_society, true, false);
	if (y < end)
		money_line(a, y++, r, _("Sparte tjenester"), s->pv_services, false, false);
	if (y < end)
		money_line(a, y++, r, _("Produksjon"), s->pv_production, false, false);
	if (y < end)
		money_line(a, y++, r, _("Livskvalitet"), s->pv_welfare, false, false);
	if (y < end)
		money_line(a, y++, r, _("Tiltakets kostnad"), -res->pv_cost, false, false);
	if (y < end) {
		/* As the settings show it: 25,5 % is not rounded to 26 %. */
		char pct[32];
		field_value_format(tax, true, false, app_thousands(a), pct, sizeof pct);
		snprintf(label, sizeof label, _("Skattekostnad, %s"), pct);
		money_line(a, y++, r, label, tax * res->npv, false, false);
	}
	if (y < end)
		money_line(a, y++, r, _("Overføringer, utlignes"),
			   res->pv_saving - s->pv_services, false, true);
	return y - r->y;
}

int draw_results(struct app *a, const struct rect *r, const struct result *res, bool measure)
{
	if (a->society)
		return draw_society(a, r, res);
	char v[96], w[112];
	int y = r->y, end = r->y + r->h;
	if (y < end) {
		format_money(a, res->npv, v, sizeof v);
		snprintf(w, sizeof w, "%s kr", v);
		result_line(a, y++, r, _("Netto nåverdi"), w,
			    a->attrs[number_round(res->npv, 0) < 0 ? ROLE_NEGATIVE : ROLE_POSITIVE] | A_BOLD);
	}
	if (y < end) {
		format_money(a, res->pv_cost, v, sizeof v);
		snprintf(w, sizeof w, "%s kr", v);
		result_line(a, y++, r, _("Kostnad, nåverdi"), w, a->attrs[ROLE_NORMAL]);
	}
	if (y < end) {
		format_money(a, res->pv_saving, v, sizeof v);
		snprintf(w, sizeof w, "%s kr", v);
		result_line(a, y++, r, _("Gevinst, nåverdi"), w, a->attrs[ROLE_NORMAL]);
	}
	if (y < end) {
		if (res->has_bcr)
			number_format(v, sizeof v, res->bcr, 2, app_thousands(a));
		else
			snprintf(v, sizeof v, "–");
		result_line(a, y++, r, _("Nytte per krone"), v, a->attrs[ROLE_NORMAL]);
	}
	if (y < end) {
		int vw = r->w - (r->w - 13 < 24 ? r->w - 13 : 24);
		if (res->has_break_even_year)
			snprintf(v, sizeof v, "%d", res->break_even_year);
		else if (draw_width(a, _("ikke innen horisonten")) <= vw)
			snprintf(v, sizeof v, "%s", _("ikke innen horisonten"));
		else
			/* Words do not turn into ### as a too-wide number does. */
			snprintf(v, sizeof v, "%s", "–");
		result_line(a, y++, r, _("Lønnsomt fra år"), v, a->attrs[ROLE_NORMAL]);
	}
	if (measure && y < end) {
		if (res->has_break_even_success_rate)
			percent_format(v, sizeof v, res->break_even_success_rate, 1, app_thousands(a));
		else
			snprintf(v, sizeof v, "–");
		result_line(a, y++, r, _("Balanse-suksessrate"), v, a->attrs[ROLE_NORMAL]);
	}
	if (measure && y < end) {
		format_money(a, res->npv_per_participant, v, sizeof v);
		snprintf(w, sizeof w, "%s kr", v);
		result_line(a, y++, r, _("Per deltaker"), w, a->attrs[ROLE_NORMAL]);
	}
	return y - r->y;
}

/* The yearly table's columns; a layout is a list of them. */
enum year_col {
	YC_YEAR, YC_COST, YC_SAVING, YC_NET, YC_CUM_NET, YC_CUM_NPV, YC_DF,
	YC_COST_K, YC_COST_F, YC_COST_S, YC_SAVING_K, YC_SAVING_F, YC_SAVING_S, YC_COUNT
};

static const struct table_col year_cols[YC_COUNT] = {
	[YC_YEAR] = {N_("År"), 4, 1, false, false},
	[YC_COST] = {N_("Kostnad"), 11, 1, true, true},
	[YC_SAVING] = {N_("Gevinst"), 11, 1, true, true},
	[YC_NET] = {N_("Netto"), 11, 1, true, true},
	[YC_CUM_NET] = {N_("Kum. netto"), 12, 1, true, true},
	[YC_CUM_NPV] = {N_("Kum. nåverdi"), 13, 1, true, true},
	[YC_DF] = {N_("DF"), 6, 1, true, false},
	[YC_COST_K] = {N_("Kost. K"), 10, 1, true, true},
	[YC_COST_F] = {N_("Kost. F"), 10, 1, true, true},
	[YC_COST_S] = {N_("Kost. S"), 10, 1, true, true},
	[YC_SAVING_K] = {N_("Gev. K"), 10, 1, true, true},
	[YC_SAVING_F] = {N_("Gev. F"), 10, 1, true, true},
	[YC_SAVING_S] = {N_("Gev. S"), 10, 1, true, true},
};

/*
 * Layouts from the widest down.  Columns go in whole groups: a net is
 * shown only with all the columns it is the sum of, so every shown row
 * adds up (a narrow window drops the per-budget split, then the
 * cumulative columns, never one part of a sum).
 */
#define YL_MAX 12
static const int year_layouts[][YL_MAX + 1] = {
	{YC_YEAR, YC_COST_K, YC_COST_F, YC_COST_S, YC_SAVING_K, YC_SAVING_F, YC_SAVING_S, YC_NET,
	 YC_CUM_NET, YC_CUM_NPV, YC_DF, -1},
	{YC_YEAR, YC_COST_K, YC_COST_F, YC_COST_S, YC_SAVING_K, YC_SAVING_F, YC_SAVING_S, YC_NET,
	 YC_CUM_NPV, -1},
	{YC_YEAR, YC_COST, YC_SAVING, YC_NET, YC_CUM_NET, YC_CUM_NPV, -1},
	{YC_YEAR, YC_COST, YC_SAVING, YC_NET, YC_CUM_NPV, -1},
	{YC_YEAR, YC_COST, YC_SAVING, YC_NET, -1},
	{YC_YEAR, YC_CUM_NPV, -1},
};
#define YEAR_LAYOUTS ((int)(sizeof year_layouts / sizeof year_layouts[0]))
#define YEAR_FIRST_SUM 2 /* the first layout without the per-budget split */

static int layout_width(const int *ids, struct table_col *cols, int *n)
{
	int w = -1;
	*n = 0;
	for (int i = 0; ids[i] >= 0; i++) {
		cols[*n] = year_cols[ids[i]];
		int tw = text_width(_(cols[*n].title));
		w += 1 + (tw > cols[*n].width ? tw : cols[*n].width);
		(*n)++;
	}
	return w;
}

static double year_value(const struct year_row *yr, int id)
{
	double cost = 0, saving = 0;
	for (int b = 0; b < BEARER_COUNT; b++) {
		cost += yr->cost[b];
		saving += yr->saving[b];
	}
	switch (id) {
	case YC_COST: return -cost;
	case YC_SAVING: return saving;
	case YC_NET: return yr->net;
	case YC_CUM_NET: return yr->cum_net;
	case YC_CUM_NPV: return yr->cum_net_discounted;
	case YC_COST_K: case YC_COST_F: case YC_COST_S: return -yr->cost[id - YC_COST_K];
	case YC_SAVING_K: case YC_SAVING_F: case YC_SAVING_S: return yr->saving[id - YC_SAVING_K];
	default: return 0;
	}
}

void draw_cum_npv_chart(struct app *a, const struct rect *r, const struct result *res,
			const char *title)
{
	double cum[HORIZON_MAX];
	struct year_cursor c;
	struct year_row y;
	int n = 0;
	year_cursor_start(&c, res);
	while (n < HORIZON_MAX && year_cursor_next(&c, &y))
		cum[n++] = y.cum_net_discounted;
	draw_chart(a, r, cum, n, title, a->wb->params.base_year, 1);
}

void draw_year_table(struct app *a, const struct rect *r, const struct result *res, int top,
		     bool per_bearer)
{
	if (r->h < 2)
		return;
	int first = per_bearer ? 0 : YEAR_FIRST_SUM;
	int best = YEAR_LAYOUTS - 1, n = 0;
	struct table_col cols[YL_MAX];
	for (int l = first; l < YEAR_LAYOUTS; l++)
		if (layout_width(year_layouts[l], cols, &n) <= r->w) {
			best = l;
			break;
		}
	layout_width(year_layouts[best], cols, &n);
	const int *ids = year_layouts[best];
	int widths[YL_MAX], xs[YL_MAX];
	layout_table(cols, n, r->w, widths);
	table_header(a, r->y, r->x, cols, n, widths, xs);
	/* Say that columns are hidden, on the last row, rather than let the
	 * reader think this is all. */
	int rows = r->h - 1;
	bool hidden = best != first;
	if (hidden && rows > 2) {
		rows--;
		draw_text(a, r->y + r->h - 1, r->x, r->w, a->attrs[ROLE_DIM],
			  best < YEAR_FIRST_SUM || !per_bearer
				  ? _("Flere kolonner i et bredere vindu")
				  : _("Per budsjett og flere kolonner i et bredere vindu"));
	}
	struct year_cursor cur;
	struct year_row row_view;
	const struct year_row *yr = &row_view;
	year_cursor_start(&cur, res);
	for (int skip = 0; skip < top && year_cursor_next(&cur, &row_view); skip++)
		;
	for (int row = 0; row < rows; row++) {
		if (!year_cursor_next(&cur, &row_view))
			break;
		int y = r->y + 1 + row;
		for (int c = 0; c < n; c++) {
			if (widths[c] <= 0)
				continue;
			char buf[32];
			if (ids[c] == YC_YEAR) {
				snprintf(buf, sizeof buf, "%d", yr->year);
				table_cell(a, y, &cols[c], xs[c], widths[c], a->attrs[ROLE_NORMAL], buf);
			} else if (ids[c] == YC_DF) {
				number_format(buf, sizeof buf, yr->df, 3, app_thousands(a));
				table_cell(a, y, &cols[c], xs[c], widths[c], a->attrs[ROLE_DIM], buf);
			} else {
				draw_money(a, y, xs[c], widths[c], year_value(yr, ids[c]), true,
					   a->attrs[ROLE_NORMAL]);
			}
		}
	}
}


/* The simulated chance that measure mi pays, all budgets together: the
 * analysis simulates the current measure as one types (dim until the
 * run for this very input is done). */
void draw_chance(struct app *a, int y, const struct rect *r, int mi)
{
	const struct unc_subject *u = &a->unc->measure;
	char v[32] = "…";
	bool mine = u->ready && u->measure_id == a->wb->measures[mi].row.id;
	if (mine)
		percent_format(v, sizeof v, u->summary.line[UNC_TOTAL].prob_positive, 0,
			       app_thousands(a));
	/* The glossary's short form, as in Tiltak's column, when narrow. */
	const char *label = _("Sannsynlighet for pluss");
	if (draw_width(a, label) > r->w - 13)
		label = _("Pluss");
	result_line(a, y, r, label, v,
		    a->attrs[mine && u->current ? ROLE_NORMAL : ROLE_DIM]);
}
