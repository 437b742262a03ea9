/*
 * report_xlsx.c: the spreadsheet export without LibreOffice: the file is a
 * valid zip with the xlsx parts, the sheets are named and ordered as
 * documented, number formats are set, every projection cell is a formula,
 * and each formula's cached value is the engine's number.
 * (tests/e2e/report_soffice.sh recomputes the formulas where LibreOffice
 * is installed.)
 */
#include "config.h"

#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "report/xlsx.h"
#include "report/xlsx_internal.h"
#include "tests/report_fixture.h"
#include "tests/report_xlsx_expect.h"
#include "tests/report_zip.h"

struct book {
	unsigned char *zip;
	size_t len;
	char *sheet[9]; /* sheet1..sheet8.xml, [0] unused */
};

static void export(struct fixture *f, const char *fixture, bool cached, struct book *bk)
{
	fixture_load(f, fixture);
	char dir[512], path[600], err[512] = "";
	scratch_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/ut.xlsx", dir);
	const struct xlsx_options opt = {.cached_values = cached};
	cr_assert_eq(export_xlsx_opt(&f->wb, &f->p, path, false, &opt, err, sizeof err), 0, "%s",
		     err);
	bk->zip = (unsigned char *)slurp(path, &bk->len);
	cr_assert_not_null(bk->zip);
	scratch_remove(dir);
	for (int i = 1; i <= 8; i++) {
		char name[64];
		snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", i);
		bk->sheet[i] = zip_extract(bk->zip, bk->len, name, NULL);
		cr_assert_not_null(bk->sheet[i], "%s", name);
	}
}

static void book_free(struct book *bk)
{
	for (int i = 1; i <= 8; i++)
		free(bk->sheet[i]);
	free(bk->zip);
}

/* The formula and cached value of cell (row, col), both 0-based. */
static bool cell(const char *xml, int row, int col, char *formula, size_t fsize, double *value)
{
	char addr[32], key[48];
	lxw_rowcol_to_cell(addr, (lxw_row_t)row, (lxw_col_t)col);
	snprintf(key, sizeof key, "<c r=\"%s\"", addr);
	const char *c = strstr(xml, key);
	while (c != NULL && c[strlen(key)] != ' ' && c[strlen(key)] != '>')
		c = strstr(c + 1, key);
	if (c == NULL)
		return false;
	const char *end = strstr(c, "</c>");
	const char *f = strstr(c, "<f>");
	const char *v = strstr(c, "<v>");
	if (end == NULL || f == NULL || f > end || v == NULL || v > end)
		return false;
	const char *fe = strstr(f, "</f>");
	snprintf(formula, fsize, "%.*s", (int)(fe - f - 3), f + 3);
	*value = strtod(v + 3, NULL);
	return true;
}

static void expect_cell(const char *xml, int row, int col, double want, const char *what)
{
	char f[4096];
	double v = NAN;
	cr_assert(cell(xml, row, col, f, sizeof f, &v), "%s: no formula cell at %d,%d", what, row,
		  col);
	cr_expect_leq(fabs(v - want), 1e-9 * fmax(1, fabs(want)), "%s: cached %.6f, engine %.6f",
		      what, v, want);
	/* To the krone, as a reader sees it. */
	cr_expect_eq(round(v), round(want), "%s", what);
}

Test(report_xlsx, valid_zip_with_the_xlsx_parts)
{
	struct fixture f;
	struct book bk;
	export(&f, "report-rich.json", true, &bk);
	cr_expect_gt(zip_count(bk.zip, bk.len), 10);
	cr_expect(zip_has(bk.zip, bk.len, "[Content_Types].xml"));
	cr_expect(zip_has(bk.zip, bk.len, "xl/workbook.xml"));
	cr_expect(zip_has(bk.zip, bk.len, "xl/chartsheets/sheet1.xml"));
	cr_expect(zip_has(bk.zip, bk.len, "xl/charts/chart1.xml"));
	cr_expect_not(zip_has(bk.zip, bk.len, "xl/nothing.xml"));
	char *ct = zip_extract(bk.zip, bk.len, "[Content_Types].xml", NULL);
	cr_assert_not_null(ct);
	cr_expect_not_null(strstr(ct, "spreadsheetml.sheet.main+xml"));
	free(ct);

	char *wbx = zip_extract(bk.zip, bk.len, "xl/workbook.xml", NULL);
	cr_assert_not_null(wbx);
	const char *order[] = {"Parametre",    "Målgrupper", "Merkostnad",  "Tiltak",
			       "Framskriving", "Hvem betaler", "Økonomiplan", "Samfunn",
			       "Diagram"};
	const char *at = wbx;
	for (size_t i = 0; i < 9; i++) {
		char key[64];
		snprintf(key, sizeof key, "<sheet name=\"%s\"", order[i]);
		const char *hit = strstr(at, key);
		cr_expect_not_null(hit, "sheet %s in order", order[i]);
		if (hit)
			at = hit;
	}
	cr_expect_not_null(strstr(wbx, "<definedName name=\"Basisaar\">Parametre!$B$4"));
	cr_expect_not_null(strstr(wbx, "<definedName name=\"Diskontering\">Parametre!$B$6"));
	cr_expect_not_null(strstr(wbx, "<definedName name=\"Realvekst\">Parametre!$B$9"));
	cr_expect_not_null(strstr(wbx, "<definedName name=\"Skattekostnad\">Parametre!$B$11"));
	cr_expect_not_null(strstr(wbx, "<definedName name=\"Planstart\">Parametre!$B$12"));
	free(wbx);

	char *styles = zip_extract(bk.zip, bk.len, "xl/styles.xml", NULL);
	cr_assert_not_null(styles);
	cr_expect_not_null(strstr(styles, "formatCode=\"#,##0\""));
	cr_expect_not_null(strstr(styles, "formatCode=\"0.0 %\""));
	free(styles);
	book_free(&bk);
	fixture_free(&f);
}

Test(report_xlsx, not_a_zip_is_detected)
{
	const unsigned char junk[64] = "PK\x03\x04 this is not really a zip archive";
	cr_expect_eq(zip_count(junk, sizeof junk), -1);
}

Test(report_xlsx, projection_cached_values_are_the_engines)
{
	struct fixture f;
	struct book bk;
	export(&f, "report-rich.json", true, &bk);
	const char *proj = bk.sheet[5];
	const struct result *pr = &f.p.portfolio;
	char what[96];
	for (int t = 0; t < f.wb.params.horizon; t++) {
		int row = XLSX_PROJ_FIRST_ROW + t;
		snprintf(what, sizeof what, "DF t=%d", t);
		expect_cell(proj, row, 2, f.p.df[t], what);
		for (size_t m = 0; m < f.wb.measure_count; m++)
			for (int b = 0; b < BEARER_COUNT; b++) {
				snprintf(what, sizeof what, "measure %zu cost[%d] t=%d", m, b, t);
				expect_cell(proj, xlsx_measure_row(&f.wb, m),
					    xlsx_measure_col(&f.wb, MF_COST + b, t),
					    f.p.measures[m].years[t].cost[b], what);
				snprintf(what, sizeof what, "measure %zu saving[%d] t=%d", m, b, t);
				expect_cell(proj, xlsx_measure_row(&f.wb, m),
					    xlsx_measure_col(&f.wb, MF_SAVING + b, t),
					    f.p.measures[m].years[t].saving[b], what);
			}
		struct year_row y;
		result_year(pr, t, &y);
		snprintf(what, sizeof what, "portfolio net t=%d", t);
		expect_cell(proj, row, xlsx_port_col(&f.wb, PF_NET), y.net, what);
		snprintf(what, sizeof what, "portfolio cum t=%d", t);
		expect_cell(proj, row, xlsx_port_col(&f.wb, PF_CUM), y.cum_net, what);
		snprintf(what, sizeof what, "portfolio cum disc t=%d", t);
		expect_cell(proj, row, xlsx_port_col(&f.wb, PF_DCUM), y.cum_net_discounted, what);
	}
	book_free(&bk);
	fixture_free(&f);
}

Test(report_xlsx, present_values_are_the_engines)
{
	struct fixture f;
	struct book bk;
	export(&f, "report-rich.json", true, &bk);
	const char *tiltak = bk.sheet[4];
	char what[64];
	for (size_t m = 0; m < f.wb.measure_count; m++) {
		int row = 1 + (int)m;
		snprintf(what, sizeof what, "measure %zu pv_cost", m);
		expect_cell(tiltak, row, 17, f.p.measures[m].pv_cost, what);
		snprintf(what, sizeof what, "measure %zu pv_saving", m);
		expect_cell(tiltak, row, 18, f.p.measures[m].pv_saving, what);
		snprintf(what, sizeof what, "measure %zu npv", m);
		expect_cell(tiltak, row, 19, f.p.measures[m].npv, what);
	}
	/* The portfolio block: title row, header row, 3 bearers, then Sum. */
	int top = (int)f.wb.measure_count + 2;
	for (int b = 0; b < BEARER_COUNT; b++) {
		snprintf(what, sizeof what, "bearer %d pv_saving", b);
		expect_cell(tiltak, top + 2 + b, 2, f.p.portfolio.by_bearer[b].pv_saving, what);
	}
	int sum = top + 2 + BEARER_COUNT;
	expect_cell(tiltak, sum, 3, f.p.portfolio.npv, "portfolio npv");
	expect_cell(tiltak, sum + 2, 1, f.p.portfolio.break_even_year, "break-even year");
	book_free(&bk);
	fixture_free(&f);
}

Test(report_xlsx, formulas_are_live)
{
	struct fixture f;
	struct book bk;
	export(&f, "report-rich.json", true, &bk);
	char formula[4096];
	double v;
	/* Extra cost by age sums the item sheet, so editing an item recomputes. */
	cr_assert(cell(bk.sheet[3], 2 + 20, 1, formula, sizeof formula, &v));
	cr_expect_not_null(strstr(formula, "SUMIFS('Målgrupper'!$H$2:$H$"), "%s", formula);
	/* Group 0, kommune, age 20: 0,35 G. */
	cr_expect_float_eq(v, 0.35 * 130160, 1e-6);
	cr_expect_float_eq(v, f.p.profiles[0].extra[BEARER_KOMMUNE][20], 1e-9);
	/* Successes read the success rate from Tiltak, so editing it recomputes. */
	cr_assert(cell(bk.sheet[5], xlsx_measure_row(&f.wb, 0), xlsx_measure_col(&f.wb, MF_SUCC, 3),
		       formula, sizeof formula, &v));
	cr_expect_not_null(strstr(formula, "Tiltak!$K$2"), "%s", formula);
	/* Measure 0: 80 × 0,2 × 0,9, lag 1, decay 5 %: k = 2 in year 3. */
	cr_expect_float_eq(v, 80 * 0.2 * 0.9 * 0.95 * 0.95, 1e-9);
	/* The discount factor follows the mode cell. */
	cr_assert(cell(bk.sheet[5], XLSX_PROJ_FIRST_ROW + 39, 2, formula, sizeof formula, &v));
	cr_expect_not_null(strstr(formula, "Diskontering"), "%s", formula);
	cr_expect_float_eq(v, pow(1.04, -39), 1e-12);
	/* The present value sums DF × cost over the measure's row in
	 * Framskriving, against the row of each column's DF. */
	cr_assert(cell(bk.sheet[4], 1, 17, formula, sizeof formula, &v));
	char pv[64], c0[16];
	x_col(c0, xlsx_measure_col(&f.wb, MF_COST, 0), true);
	snprintf(pv, sizeof pv, "SUMPRODUCT(Framskriving!%s$%d:", c0, xlsx_measure_df_row(&f.wb) + 1);
	cr_expect_not_null(strstr(formula, pv), "%s lacks %s", formula, pv);
	book_free(&bk);
	fixture_free(&f);
}

Test(report_xlsx, uncached_export_keeps_formulas_but_not_values)
{
	struct fixture f;
	struct book bk;
	export(&f, "report-simple.json", false, &bk);
	char formula[4096];
	double v = -1;
	cr_assert(cell(bk.sheet[4], 1, 19, formula, sizeof formula, &v));
	cr_expect_float_eq(v, 0, 1e-12);
	cr_expect_str_eq(formula, "S2-R2");
	book_free(&bk);
	fixture_free(&f);
}

Test(report_xlsx, simple_workbook_hand_computed)
{
	struct fixture f;
	struct book bk;
	export(&f, "report-simple.json", true, &bk);
	/* 600 000 kr cost, 2 880 000 saved, NPV 2 280 000 (see report_html.c). */
	expect_cell(bk.sheet[4], 1, 17, 600000, "pv_cost");
	expect_cell(bk.sheet[4], 1, 18, 2880000, "pv_saving");
	expect_cell(bk.sheet[4], 1, 19, 2280000, "npv");
	expect_cell(bk.sheet[4], 1, 21, 28500, "npv per participant");
	expect_cell(bk.sheet[4], 1 + 2 + 2 + BEARER_COUNT + 2, 1, 2032, "break-even year");
	book_free(&bk);
	fixture_free(&f);
}

struct cached {
	struct book *bk;
};

static void expect_cached(void *ctx, enum xlsx_checked_sheet sheet, int row, int col, double want,
			  const char *what)
{
	struct cached *c = ctx;
	char full[160];
	snprintf(full, sizeof full, "%s: %s", xlsx_checked_sheet_name[sheet], what);
	expect_cell(c->bk->sheet[4 + sheet], row, col, want, full);
}

/* Every checked cell (tests/report_xlsx_expect.c: also the who-pays, plan
 * and society sheets and each measure's break-even figures) is a formula
 * whose cached value is the engine's. */
Test(report_xlsx, every_checked_cell_caches_the_engines_value)
{
	const char *fixtures[] = {"report-simple.json", "report-rich.json", "report-edges.json",
				  "report-v2.json"};
	for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
		struct fixture f;
		struct book bk;
		export(&f, fixtures[i], true, &bk);
		struct cached c = {.bk = &bk};
		xlsx_expectations(&f.wb, &f.p, expect_cached, &c);
		book_free(&bk);
		fixture_free(&f);
	}
}

/* The new sheets' formulas read the rest of the workbook. */
Test(report_xlsx, v2_sheets_are_live)
{
	struct fixture f;
	struct book bk;
	export(&f, "report-v2.json", true, &bk);
	char formula[4096];
	double v;
	/* Savings grow with Realvekst. */
	cr_assert(cell(bk.sheet[5], xlsx_measure_row(&f.wb, 0),
		       xlsx_measure_col(&f.wb, MF_SAVING + 2, 3), formula, sizeof formula, &v));
	char t_ref[64], t_col[16];
	x_col(t_col, xlsx_measure_col(&f.wb, MF_SAVING + 2, 3), false);
	snprintf(t_ref, sizeof t_ref, "(1+Realvekst)^%s$%d", t_col, xlsx_measure_t_row(&f.wb) + 1);
	cr_expect_not_null(strstr(formula, t_ref), "%s lacks %s", formula, t_ref);
	/* The bearer matrix sums Med × cost × saving / cost over the measures. */
	cr_assert(cell(bk.sheet[6], 2, 3, formula, sizeof formula, &v));
	cr_expect_not_null(strstr(formula, "SUMPRODUCT($B"), "%s", formula);
	cr_expect_float_eq(v, f.p.portfolio.flows[0][2], 1e-6);
	/* The plan's kommune subtotal looks its year up in Framskriving. */
	int kommune_rows = 3 * (1 + 2); /* the implicit sector, oppvekst, barnevern */
	cr_assert(cell(bk.sheet[7], 2 + kommune_rows, 2, formula, sizeof formula, &v));
	cr_expect_not_null(strstr(formula, "INDEX(Framskriving!"), "%s", formula);
	cr_expect_not_null(strstr(formula, "C$2-Basisaar+1"), "%s", formula);
	/* Society: the tax-cost term reads Skattekostnad; npv_society adds up. */
	cr_assert(cell(bk.sheet[8], 2, 6, formula, sizeof formula, &v));
	cr_expect_str_eq(formula, "Skattekostnad*I3");
	cr_assert(cell(bk.sheet[8], 2, 7, formula, sizeof formula, &v));
	cr_expect_str_eq(formula, "C3+D3+E3-F3+G3");
	cr_expect_float_eq(v, f.p.measures[0].society.npv_society, 1e-6);
	/* Each measure's break-even year reads its own «Lønnsom herfra». */
	cr_assert(cell(bk.sheet[4], 1, TC_BREAK_EVEN, formula, sizeof formula, &v));
	char ok[16];
	x_col(ok, xlsx_measure_col(&f.wb, MF_OK, 0), true);
	cr_expect_not_null(strstr(formula, ok), "%s lacks %s", formula, ok);
	/* The disabled measure with success rate 0 has an empty p*. */
	cr_expect_not(cell(bk.sheet[4], 3, TC_PSTAR, formula, sizeof formula, &v) && v != 0);
	book_free(&bk);
	fixture_free(&f);
}
