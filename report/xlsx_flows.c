/*
 * xlsx_flows.c: the spreadsheet's sheets that read the projection: «Hvem
 * betaler» (who pays, who gains, by bearer and by sector), «Økonomiplan»
 * (the plan years, undiscounted) and «Samfunn» (the society view).
 *
 * What the rest of the spreadsheet computes is a live formula here too:
 * every bearer-level figure and the society terms.  The sector-level
 * figures are the engine's numbers at export time, marked as such: the
 * projection sheet works by bearer, and one block of columns per measure
 * and sector would not fit a spreadsheet (issue 16 rearranges this).
 *
 * Must never: print, exit(), compute a cached value any other way than
 * the engine (cached values come from `struct projection`).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "report/buf.h"
#include "report/label.h"
#include "report/summary.h"
#include "report/xlsx_internal.h"

static lxw_worksheet *sheet(struct xctx *x, const char *name)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->book, name);
	if (ws == NULL)
		x_note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
	return ws;
}

/* "=SUMPRODUCT(…)" of a measure's field over its row. */
static void measure_pv_formula(const struct xctx *x, size_t i, int field, char *buf, size_t size)
{
	char pv[192];
	xlsx_measure_pv(x, i, field, pv, sizeof pv);
	snprintf(buf, size, "=%s", pv);
}

static void sector_label(const struct workbook *wb, size_t s, char *buf, size_t size)
{
	report_sector_label(wb, s, buf, size);
}

/*
 * «Hvem betaler».  Rows 2… hold, per measure, its present values by bearer
 * (live, from Framskriving) and 1 / its total cost; the bearer matrix
 * above them is Σ over measures of Med · cost[payer] · saving[b] / cost,
 * MODEL.md's flows summed over the portfolio.  The sector matrix follows
 * as the engine's numbers.
 */
enum { FL_NAME, FL_ON, FL_COST, FL_SAVING = FL_COST + BEARER_COUNT,
       FL_INV = FL_SAVING + BEARER_COUNT, FL_COLS };

void xlsx_sheet_flows(struct xctx *x)
{
	const struct workbook *wb = x->wb;
	const struct result *pr = &x->p->portfolio;
	lxw_worksheet *ws = sheet(x, XLSX_SHEET_FLOWS);
	if (ws == NULL)
		return;
	worksheet_set_column(ws, 0, 0, 32, NULL);
	worksheet_set_column(ws, 1, 16, 15, NULL);
	size_t n = wb->measure_count;
	/* Layout (0-based rows): 0 title, 1 header, 2–4 the bearer matrix,
	 * 5 its sum; the sector matrix from 8; the measure block after it. */
	size_t sectors = pr->sector_count;
	int sector_top = 8;
	int block_top = sector_top + 3 + (int)sectors + 1;
	/* 1-based rows of the measure block's first and last measure. */
	int first = block_top + 3, last = block_top + 2 + (int)(n ? n : 1);

	x_string(x, ws, 0, 0, "Hvem betaler, og hvem sparer (nåverdi, kr): av gevinsten hver "
			      "betalers penger gir, så mye havner i hvert budsjett",
		 x->header);
	static const char *const bh[] = {"Betaler ↓ / sparer →", "Kommune", "Fylkeskommune", "Stat",
					 "Sum"};
	for (int c = 0; c < 5; c++)
		x_string(x, ws, 1, c, bh[c], x->header);
	for (int a = 0; a < BEARER_COUNT; a++) {
		int row = 2 + a;
		x_string(x, ws, row, 0, bearer_label((enum bearer)a), NULL);
		double sum = 0;
		for (int b = 0; b < BEARER_COUNT; b++) {
			char f[512], on[16], cost[16], sav[16], inv[16];
			x_col(on, FL_ON, true);
			x_col(cost, FL_COST + a, true);
			x_col(sav, FL_SAVING + b, true);
			x_col(inv, FL_INV, true);
			if (n == 0)
				snprintf(f, sizeof f, "=0");
			else
				snprintf(f, sizeof f, "=SUMPRODUCT(%s%d:%s%d,%s%d:%s%d,%s%d:%s%d,%s%d:%s%d)",
					 on, first, on, last, cost, first, cost, last, sav, first,
					 sav, last, inv, first, inv, last);
			double v = pr->has_flows ? pr->flows[a][b] : 0;
			sum += v;
			x_formula(x, ws, row, 1 + b, f, x->kr, v);
		}
		char f[64];
		snprintf(f, sizeof f, "=SUM(B%d:D%d)", row + 1, row + 1);
		x_formula(x, ws, row, 4, f, x->kr, sum);
	}
	x_string(x, ws, 5, 0, "Sum", x->header);
	for (int c = 1; c <= 4; c++) {
		char cl[16], f[64];
		x_col(cl, c, false);
		snprintf(f, sizeof f, "=SUM(%s3:%s5)", cl, cl);
		double v = 0;
		for (int a = 0; a < BEARER_COUNT; a++)
			for (int b = 0; b < BEARER_COUNT; b++)
				if (pr->has_flows && (c == 4 || b == c - 1))
					v += pr->flows[a][b];
		x_formula(x, ws, 5, c, f, x->kr, v);
	}

	/* The sector matrix: the engine's numbers (see the file comment). */
	x_string(x, ws, sector_top, 0,
		 "Per sektor (nåverdi, kr). Utenfors tall ved eksporten, ikke formler: "
		 "eksporter på nytt etter endringer.",
		 x->header);
	x_string(x, ws, sector_top + 1, 0, "Betaler ↓ / sparer →", x->header);
	for (size_t s = 0; s < sectors && s < 16000; s++) {
		char name[TEXT_NAME_SIZE + 16];
		sector_label(wb, s, name, sizeof name);
		x_string(x, ws, sector_top + 1, 1 + (int)s, name, x->header);
		x_string(x, ws, sector_top + 2 + (int)s, 0, name, NULL);
	}
	x_string(x, ws, sector_top + 1, 1 + (int)sectors, "Sum", x->header);
	for (size_t a = 0; a < sectors; a++) {
		double sum = 0;
		for (size_t s = 0; s < sectors; s++) {
			double v = result_sector_flow(pr, a, s);
			sum += v;
			x_number(x, ws, sector_top + 2 + (int)a, 1 + (int)s, v, x->kr);
		}
		x_number(x, ws, sector_top + 2 + (int)a, 1 + (int)sectors, sum, x->kr);
	}

	/* The measures' present values by bearer, which the matrix sums. */
	static const char *const mh[FL_COLS] = {
		"Tiltak", "Med (1/0)", "Kostnad kommune", "Kostnad fylkeskommune", "Kostnad stat",
		"Gevinst kommune", "Gevinst fylkeskommune", "Gevinst stat",
		"1 / kostnad (0 uten kostnad)"};
	x_string(x, ws, block_top, 0, "Tiltakenes nåverdier per budsjett (grunnlaget for tabellen)",
		 x->header);
	for (int c = 0; c < FL_COLS; c++)
		x_string(x, ws, block_top + 1, c, mh[c], x->header);
	for (size_t i = 0; i < n; i++) {
		const struct result *r = i < x->p->measure_count ? &x->p->measures[i] : NULL;
		int row = block_top + 2 + (int)i, R = row + 1;
		char f[256];
		x_string(x, ws, row, FL_NAME, wb->measures[i].name, NULL);
		snprintf(f, sizeof f, "=Tiltak!$P$%zu", i + 2);
		x_formula(x, ws, row, FL_ON, f, x->integer, wb->measures[i].enabled ? 1 : 0);
		for (int b = 0; b < BEARER_COUNT; b++) {
			measure_pv_formula(x, i, MF_COST + b, f, sizeof f);
			x_formula(x, ws, row, FL_COST + b, f, x->kr, r ? r->by_bearer[b].pv_cost : 0);
			measure_pv_formula(x, i, MF_SAVING + b, f, sizeof f);
			x_formula(x, ws, row, FL_SAVING + b, f, x->kr, r ? r->by_bearer[b].pv_saving : 0);
		}
		snprintf(f, sizeof f, "=IF(SUM(C%d:E%d)=0,0,1/SUM(C%d:E%d))", R, R, R, R);
		x_formula(x, ws, row, FL_INV, f, x->df, r && r->pv_cost != 0 ? 1 / r->pv_cost : 0);
	}
}

/* Three rows, cost, saving and net, under `label`; values in `v[3][years]`
 * and either live formulas (`formula` non-NULL, filled per year and kind)
 * or the engine's numbers. */
typedef void (*plan_formula_fn)(const struct xctx *x, int kind, int year_col, char *buf,
				size_t size, const void *arg);

static void plan_rows(struct xctx *x, lxw_worksheet *ws, int top, const char *label, int years,
		      double v[3][PLAN_YEARS_MAX], plan_formula_fn formula, const void *arg)
{
	static const char *const what[3] = {"Kostnad", "Gevinst", "Netto"};
	for (int k = 0; k < 3; k++) {
		int row = top + k;
		x_string(x, ws, row, 0, k == 0 ? label : "", k == 0 ? x->header : NULL);
		x_string(x, ws, row, 1, what[k], NULL);
		double sum = 0;
		for (int y = 0; y < years; y++) {
			sum += v[k][y];
			if (formula != NULL) {
				char f[512];
				formula(x, k, 2 + y, f, sizeof f, arg);
				x_formula(x, ws, row, 2 + y, f, x->kr, v[k][y]);
			} else {
				x_number(x, ws, row, 2 + y, v[k][y], x->kr);
			}
		}
		char a[16], b[16], f[128];
		x_col(a, 2, false);
		x_col(b, 1 + years, false);
		snprintf(f, sizeof f, "=SUM(%s%d:%s%d)", a, row + 1, b, row + 1);
		if (years > 0)
			x_formula(x, ws, row, 2 + years, f, x->kr, sum);
	}
}

/* A bearer's plan row as a lookup of its portfolio column in Framskriving
 * at the year in row 2 of the same column. */
static void bearer_plan_formula(const struct xctx *x, int kind, int year_col, char *buf,
				size_t size, const void *arg)
{
	int b = *(const int *)arg;
	char yc[16], cost[64], sav[64];
	x_col(yc, year_col, false);
	xlsx_proj_range(x, xlsx_port_col(x->wb, PF_COST + b), cost, sizeof cost);
	xlsx_proj_range(x, xlsx_port_col(x->wb, PF_SAVING + b), sav, sizeof sav);
	if (kind == 0)
		snprintf(buf, size, "=IFERROR(INDEX(%s,%s$2-Basisaar+1),0)", cost, yc);
	else if (kind == 1)
		snprintf(buf, size, "=IFERROR(INDEX(%s,%s$2-Basisaar+1),0)", sav, yc);
	else
		snprintf(buf, size, "=IFERROR(INDEX(%s,%s$2-Basisaar+1)-INDEX(%s,%s$2-Basisaar+1),0)",
			 sav, yc, cost, yc);
}

/* The total rows: the three bearer subtotals' rows, summed. */
struct total_rows {
	int rows[BEARER_COUNT]; /* 0-based first row of each bearer's subtotal */
};

static void total_plan_formula(const struct xctx *x, int kind, int year_col, char *buf,
			       size_t size, const void *arg)
{
	(void)x;
	const struct total_rows *t = arg;
	char c[16];
	x_col(c, year_col, false);
	snprintf(buf, size, "=%s%d+%s%d+%s%d", c, t->rows[0] + kind + 1, c, t->rows[1] + kind + 1, c,
		 t->rows[2] + kind + 1);
}

void xlsx_sheet_plan(struct xctx *x)
{
	const struct workbook *wb = x->wb;
	const struct result *pr = &x->p->portfolio;
	lxw_worksheet *ws = sheet(x, XLSX_SHEET_PLAN);
	if (ws == NULL)
		return;
	worksheet_set_column(ws, 0, 0, 32, NULL);
	worksheet_set_column(ws, 1, 1, 11, NULL);
	worksheet_set_column(ws, 2, 2 + PLAN_YEARS_MAX, 14, NULL);
	int years = pr->plan_count > PLAN_YEARS_MAX ? PLAN_YEARS_MAX : pr->plan_count;
	char title[256];
	snprintf(title, sizeof title,
		 "Økonomiplanen for tiltakene som er med, i faste %d-kroner, ikke diskontert. "
		 "Budsjettenes «i alt»-rader er formler; sektorenes rader er utenfors tall "
		 "ved eksporten.",
		 wb->params.price_year);
	x_string(x, ws, 0, 0, title, x->header);
	x_string(x, ws, 1, 0, "Budsjett og sektor", x->header);
	x_string(x, ws, 1, 1, "", x->header);
	for (int y = 0; y < years; y++) {
		char f[64];
		/* The first plan year inside the horizon, then one a column. */
		snprintf(f, sizeof f, "=MAX(Planstart,Basisaar)+%d", y);
		x_formula(x, ws, 1, 2 + y, f, x->integer, pr->plan_first_year + y);
	}
	x_string(x, ws, 1, 2 + years, "Sum", x->header);
	int row = 2;
	struct total_rows totals;
	double all[3][PLAN_YEARS_MAX] = {{0}};
	for (int b = 0; b < BEARER_COUNT; b++) {
		double bv[3][PLAN_YEARS_MAX] = {{0}};
		for (size_t s = 0; s < pr->sector_count; s++) {
			if (workbook_sector_bearer(wb, s) != (enum bearer)b)
				continue;
			double v[3][PLAN_YEARS_MAX];
			for (int y = 0; y < years; y++) {
				v[0][y] = result_plan_cost(pr, y, s);
				v[1][y] = result_plan_saving(pr, y, s);
				v[2][y] = v[1][y] - v[0][y];
				for (int k = 0; k < 3; k++)
					bv[k][y] += v[k][y];
			}
			char name[TEXT_NAME_SIZE + 16];
			sector_label(wb, s, name, sizeof name);
			plan_rows(x, ws, row, name, years, v, NULL, NULL);
			row += 3;
		}
		char label[64];
		snprintf(label, sizeof label, "%s i alt", bearer_label((enum bearer)b));
		plan_rows(x, ws, row, label, years, bv, bearer_plan_formula, &b);
		totals.rows[b] = row;
		row += 3;
		for (int k = 0; k < 3; k++)
			for (int y = 0; y < years; y++)
				all[k][y] += bv[k][y];
	}
	plan_rows(x, ws, row, "Alle budsjetter", years, all, total_plan_formula, &totals);
	if (years == 0)
		x_string(x, ws, row + 4, 0,
			 "Ingen av økonomiplanens år ligger innenfor beregningsperioden.", x->note);
}

/* «Samfunn»: per measure and for the portfolio, MODEL.md's society terms. */
enum { SC_NAME, SC_ON, SC_SERVICES, SC_PRODUCTION, SC_WELFARE, SC_COST, SC_TAX, SC_NPV_SOCIETY,
       SC_NPV_BUDGET, SC_COLS };

void xlsx_sheet_society(struct xctx *x)
{
	const struct workbook *wb = x->wb;
	lxw_worksheet *ws = sheet(x, XLSX_SHEET_SOCIETY);
	if (ws == NULL)
		return;
	worksheet_set_column(ws, 0, 0, 32, NULL);
	worksheet_set_column(ws, 1, SC_COLS - 1, 16, NULL);
	x_string(x, ws, 0, 0,
		 "Samfunnsøkonomisk netto (nåverdi, kr) = sparte tjenester + økt produksjon + "
		 "livskvalitet − kostnad + skattekostnad × netto for offentlige budsjetter. Trygd og "
		 "skatt er overføringer og går i null for samfunnet.",
		 x->header);
	char enabled[64];
	const char *const h[SC_COLS] = {
		"Tiltak", report_head(enabled, sizeof enabled, SCHEMA_MEASURE, "enabled", " (1/0)"),
		"Sparte offentlige tjenester", "Økt produksjon", "Bedre livskvalitet", "Kostnad",
		PARAM_LABEL("society.tax_cost"), "Samfunnsøkonomisk netto",
		"Netto for offentlige budsjetter"};
	for (int c = 0; c < SC_COLS; c++)
		x_string(x, ws, 1, c, h[c], x->header);
	size_t n = wb->measure_count;
	for (size_t i = 0; i < n; i++) {
		const struct result *r = i < x->p->measure_count ? &x->p->measures[i] : NULL;
		int row = 2 + (int)i, R = row + 1;
		size_t T = i + 2; /* Tiltak row */
		char f[256];
		x_string(x, ws, row, SC_NAME, wb->measures[i].name, NULL);
		snprintf(f, sizeof f, "=Tiltak!$P$%zu", T);
		x_formula(x, ws, row, SC_ON, f, x->integer, wb->measures[i].enabled ? 1 : 0);
		const double kinds[3] = {r ? r->society.pv_services : 0, r ? r->society.pv_production : 0,
					 r ? r->society.pv_welfare : 0};
		for (int q = 0; q < XLSX_SOCIETY_KINDS; q++) {
			measure_pv_formula(x, i, MF_SERVICES + q, f, sizeof f);
			x_formula(x, ws, row, SC_SERVICES + q, f, x->kr, kinds[q]);
		}
		snprintf(f, sizeof f, "=Tiltak!$R$%zu", T);
		x_formula(x, ws, row, SC_COST, f, x->kr, r ? r->pv_cost : 0);
		snprintf(f, sizeof f, "=Skattekostnad*I%d", R);
		x_formula(x, ws, row, SC_TAX, f, x->kr, r ? wb->params.tax_cost * r->npv : 0);
		snprintf(f, sizeof f, "=C%d+D%d+E%d-F%d+G%d", R, R, R, R, R);
		x_formula(x, ws, row, SC_NPV_SOCIETY, f, x->kr, r ? r->society.npv_society : 0);
		snprintf(f, sizeof f, "=Tiltak!$T$%zu", T);
		x_formula(x, ws, row, SC_NPV_BUDGET, f, x->kr, r ? r->npv : 0);
	}
	/* The portfolio: Σ Med · each column (every term is linear). */
	const struct result *pr = &x->p->portfolio;
	int row = 2 + (int)n + 1, first = 3, last = 2 + (int)(n ? n : 1);
	x_string(x, ws, row, SC_NAME, "Porteføljen (tiltak med «Med» = 1)", x->header);
	const double port[SC_COLS] = {0,
				      0,
				      pr->society.pv_services,
				      pr->society.pv_production,
				      pr->society.pv_welfare,
				      pr->pv_cost,
				      wb->params.tax_cost * pr->npv,
				      pr->society.npv_society,
				      pr->npv};
	for (int c = SC_SERVICES; c < SC_COLS; c++) {
		char cl[16], f[128];
		x_col(cl, c, false);
		if (n == 0)
			snprintf(f, sizeof f, "=0");
		else
			snprintf(f, sizeof f, "=SUMPRODUCT($B$%d:$B$%d,%s%d:%s%d)", first, last, cl,
				 first, cl, last);
		x_formula(x, ws, row, c, f, x->kr, port[c]);
	}
}
