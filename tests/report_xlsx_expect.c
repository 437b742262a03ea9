/*
 * report_xlsx_expect.c: the cells the xlsx tests check, and the engine
 * value each must hold (layouts: doc/reports.md, report/xlsx*.c).
 *
 * Must never: be linked into the program.
 */
#include "config.h"

#include <stdio.h>

#include "report/xlsx.h"
#include "report/xlsx_internal.h"
#include "tests/report_xlsx_expect.h"

const char *const xlsx_checked_sheet_name[XS_COUNT] = {
	XLSX_SHEET_MEASURES, XLSX_SHEET_PROJECTION, XLSX_SHEET_FLOWS, XLSX_SHEET_PLAN,
	XLSX_SHEET_SOCIETY};

static void tiltak(const struct workbook *wb, const struct projection *p, xlsx_expect_fn fn,
		   void *ctx)
{
	char what[96];
	for (size_t m = 0; m < wb->measure_count; m++) {
		const struct result *r = &p->measures[m];
		int row = 1 + (int)m;
		snprintf(what, sizeof what, "measure %zu pv_cost", m);
		fn(ctx, XS_TILTAK, row, TC_PV_COST, r->pv_cost, what);
		snprintf(what, sizeof what, "measure %zu pv_saving", m);
		fn(ctx, XS_TILTAK, row, TC_PV_SAVING, r->pv_saving, what);
		snprintf(what, sizeof what, "measure %zu npv", m);
		fn(ctx, XS_TILTAK, row, TC_NPV, r->npv, what);
		snprintf(what, sizeof what, "measure %zu break-even year", m);
		fn(ctx, XS_TILTAK, row, TC_BREAK_EVEN, r->has_break_even_year ? r->break_even_year : 0,
		   what);
		if (r->has_break_even_success_rate && wb->measures[m].success_rate > 0) {
			snprintf(what, sizeof what, "measure %zu break-even success rate", m);
			fn(ctx, XS_TILTAK, row, TC_PSTAR, r->break_even_success_rate, what);
		}
	}
	int top = (int)wb->measure_count + 2, sum = top + 2 + BEARER_COUNT;
	for (int b = 0; b < BEARER_COUNT; b++) {
		snprintf(what, sizeof what, "portfolio bearer %d pv_cost", b);
		fn(ctx, XS_TILTAK, top + 2 + b, 1, p->portfolio.by_bearer[b].pv_cost, what);
		snprintf(what, sizeof what, "portfolio bearer %d pv_saving", b);
		fn(ctx, XS_TILTAK, top + 2 + b, 2, p->portfolio.by_bearer[b].pv_saving, what);
	}
	fn(ctx, XS_TILTAK, sum, 3, p->portfolio.npv, "portfolio npv");
	fn(ctx, XS_TILTAK, sum + 2, 1,
	   p->portfolio.has_break_even_year ? p->portfolio.break_even_year : 0,
	   "portfolio break-even year");
}

static void projection(const struct workbook *wb, const struct projection *p, xlsx_expect_fn fn,
		       void *ctx)
{
	char what[96];
	for (int t = 0; t < wb->params.horizon; t++) {
		int row = XLSX_PROJ_FIRST_ROW + t;
		struct year_row year;
		result_year(&p->portfolio, t, &year);
		const struct year_row *y = &year;
		snprintf(what, sizeof what, "DF t=%d", t);
		fn(ctx, XS_PROJECTION, row, 2, p->df[t], what);
		for (size_t m = 0; m < wb->measure_count; m++)
			for (int b = 0; b < BEARER_COUNT; b++) {
				snprintf(what, sizeof what, "measure %zu cost[%d] t=%d", m, b, t);
				fn(ctx, XS_PROJECTION, xlsx_measure_row(wb, m),
				   xlsx_measure_col(wb, MF_COST + b, t),
				   p->measures[m].years[t].cost[b], what);
				snprintf(what, sizeof what, "measure %zu saving[%d] t=%d", m, b, t);
				fn(ctx, XS_PROJECTION, xlsx_measure_row(wb, m),
				   xlsx_measure_col(wb, MF_SAVING + b, t),
				   p->measures[m].years[t].saving[b], what);
			}
		for (int b = 0; b < BEARER_COUNT; b++) {
			snprintf(what, sizeof what, "portfolio cost[%d] t=%d", b, t);
			fn(ctx, XS_PROJECTION, row, xlsx_port_col(wb, PF_COST + b), y->cost[b], what);
			snprintf(what, sizeof what, "portfolio saving[%d] t=%d", b, t);
			fn(ctx, XS_PROJECTION, row, xlsx_port_col(wb, PF_SAVING + b), y->saving[b],
			   what);
		}
		snprintf(what, sizeof what, "portfolio net t=%d", t);
		fn(ctx, XS_PROJECTION, row, xlsx_port_col(wb, PF_NET), y->net, what);
		snprintf(what, sizeof what, "portfolio cum t=%d", t);
		fn(ctx, XS_PROJECTION, row, xlsx_port_col(wb, PF_CUM), y->cum_net, what);
		snprintf(what, sizeof what, "portfolio cum disc t=%d", t);
		fn(ctx, XS_PROJECTION, row, xlsx_port_col(wb, PF_DCUM), y->cum_net_discounted, what);
	}
}

static void flows(const struct projection *p, xlsx_expect_fn fn, void *ctx)
{
	char what[96];
	for (int a = 0; a < BEARER_COUNT; a++)
		for (int b = 0; b < BEARER_COUNT; b++) {
			snprintf(what, sizeof what, "flows[%d][%d]", a, b);
			fn(ctx, XS_FLOWS, 2 + a, 1 + b,
			   p->portfolio.has_flows ? p->portfolio.flows[a][b] : 0, what);
		}
}

/* Økonomiplan: each bearer's sector rows (3 each), then its «i alt» rows,
 * then «Alle budsjetter»; the «i alt» and total rows are formulas. */
static void plan(const struct workbook *wb, const struct projection *p, xlsx_expect_fn fn,
		 void *ctx)
{
	const struct result *r = &p->portfolio;
	char what[96];
	int row = 2;
	double all[3][PLAN_YEARS_MAX] = {{0}};
	for (int b = 0; b < BEARER_COUNT; b++) {
		double v[3][PLAN_YEARS_MAX] = {{0}};
		for (size_t s = 0; s < r->sector_count; s++) {
			if (workbook_sector_bearer(wb, s) != (enum bearer)b)
				continue;
			row += 3;
			for (int y = 0; y < r->plan_count; y++) {
				v[0][y] += result_plan_cost(r, y, s);
				v[1][y] += result_plan_saving(r, y, s);
			}
		}
		for (int y = 0; y < r->plan_count; y++) {
			v[2][y] = v[1][y] - v[0][y];
			for (int k = 0; k < 3; k++) {
				snprintf(what, sizeof what, "plan bearer %d kind %d year %d", b, k, y);
				fn(ctx, XS_PLAN, row + k, 2 + y, v[k][y], what);
				all[k][y] += v[k][y];
			}
		}
		row += 3;
	}
	for (int y = 0; y < r->plan_count; y++) {
		for (int k = 0; k < 3; k++) {
			snprintf(what, sizeof what, "plan total kind %d year %d", k, y);
			fn(ctx, XS_PLAN, row + k, 2 + y, all[k][y], what);
		}
		snprintf(what, sizeof what, "plan net total year %d", y);
		fn(ctx, XS_PLAN, row + 2, 2 + y, result_plan_net_total(r, y), what);
		snprintf(what, sizeof what, "plan year %d", y);
		fn(ctx, XS_PLAN, 1, 2 + y, r->plan_first_year + y, what);
	}
}

static void society_row(xlsx_expect_fn fn, void *ctx, int row, const struct result *r,
			double tax_cost, const char *who)
{
	char what[96];
	const double v[] = {r->society.pv_services, r->society.pv_production, r->society.pv_welfare,
			    r->pv_cost, tax_cost * r->npv, r->society.npv_society, r->npv};
	for (int c = 0; c < 7; c++) {
		snprintf(what, sizeof what, "%s society column %d", who, c + 2);
		fn(ctx, XS_SOCIETY, row, 2 + c, v[c], what);
	}
}

void xlsx_expectations(const struct workbook *wb, const struct projection *p, xlsx_expect_fn fn,
		       void *ctx)
{
	tiltak(wb, p, fn, ctx);
	projection(wb, p, fn, ctx);
	flows(p, fn, ctx);
	plan(wb, p, fn, ctx);
	char who[32];
	for (size_t m = 0; m < wb->measure_count; m++) {
		snprintf(who, sizeof who, "measure %zu", m);
		society_row(fn, ctx, 2 + (int)m, &p->measures[m], wb->params.tax_cost, who);
	}
	society_row(fn, ctx, 3 + (int)wb->measure_count, &p->portfolio, wb->params.tax_cost,
		    "portfolio");
}
