/*
 * report_uncertainty.c: the «Usikkerhet» section of the council report
 * and the xlsx sheet: present in both formats, its figures are
 * unc_results_compute()'s for the fixture's draws and seed, the same seed
 * renders identical bytes, and with zero spreads and no ranges every
 * percentile is the point NPV.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/uncertainty.h"
#include "report/report.h"
#include "report/summary.h"
#include "report/uncertainty.h"
#include "report/xlsx.h"
#include "tests/report_fixture.h"
#include "tests/report_zip.h"

#define FIX "report-uncertainty.json"

static char *render(struct fixture *f, enum report_format fmt)
{
	char *text = report_render(&f->wb, &f->p, fmt, NULL);
	cr_assert_not_null(text);
	return text;
}

static void expect_in(const char *text, const char *want)
{
	cr_expect_not_null(strstr(text, want), "missing: %s", want);
}

Test(report_uncertainty, section_present_in_both_formats)
{
	struct fixture f;
	fixture_load(&f, FIX);
	char *html = render(&f, REPORT_HTML), *md = render(&f, REPORT_MARKDOWN);
	expect_in(html, "<h2>Usikkerhet</h2>");
	expect_in(html, "aria-labelledby=\"tornado-title\"");
	expect_in(html, "aria-labelledby=\"hist-title\"");
	expect_in(html, "P10: ");
	expect_in(html, "P90: ");
	expect_in(md, "## Usikkerhet");
	expect_in(md, "### Hva som betyr mest");
	expect_in(md, "Simuleringen har 2" REPORT_THOUSANDS "000 trekk med startverdi (frø) 7.");
	expect_in(md, "--draws 2000 --seed 7");
	expect_in(md, "| D | en antakelse som fyller et hull | 50,0" REPORT_THOUSANDS "% |");
	free(html);
	free(md);
	fixture_free(&f);
}

Test(report_uncertainty, figures_are_the_engines)
{
	struct fixture f;
	fixture_load(&f, FIX);
	struct unc_results r;
	unc_results_init(&r);
	const struct uncertainty_settings *s = &f.wb.params.uncertainty;
	cr_assert_eq(unc_results_compute(&r, &f.wb, &f.p, s->draws, s->seed), 0);
	char *md = render(&f, REPORT_MARKDOWN);
	char want[256], pct[32], p10[64], p50[64], p90[64];
	const struct mc_stats *t = &r.portfolio_mc.line[UNC_TOTAL];
	fmt_pct_dec(pct, sizeof pct, t->prob_positive, 0);
	snprintf(want, sizeof want,
		 "Sannsynlighet for at tiltakene samlet går i pluss for de offentlige budsjettene: %s.",
		 pct);
	expect_in(md, want);
	fmt_pct_dec(pct, sizeof pct, r.portfolio_mc.line[BEARER_KOMMUNE].prob_positive, 0);
	snprintf(want, sizeof want, "Sannsynlighet for at kommunen går i pluss: %s.", pct);
	expect_in(md, want);
	fmt_kr(p10, sizeof p10, t->p10, false);
	fmt_kr(p50, sizeof p50, t->p50, false);
	fmt_kr(p90, sizeof p90, t->p90, false);
	snprintf(want, sizeof want, "| %s | %s | %s |", p10, p50, p90);
	expect_in(md, want);
	/* The switching value in words. */
	char sr[32];
	fmt_pct(sr, sizeof sr, r.switching[0].value[RANGE_SUCCESS_RATE]);
	cr_assert(r.switching[0].has[RANGE_SUCCESS_RATE]);
	snprintf(want, sizeof want, "«Oppfølgingslos» går i null ved suksessrate %s", sr);
	expect_in(md, want);
	/* The tornado is sorted by swing: success rate (largest) before cost. */
	const char *a = strstr(md, "| Suksessrate – Oppfølgingslos |");
	const char *b = strstr(md, "| Kostnad per deltaker – Oppfølgingslos |");
	cr_assert(a && b && a < b);
	free(md);
	unc_results_free(&r);
	fixture_free(&f);
}

Test(report_uncertainty, histogram_holds_every_draw_and_matches_the_summary)
{
	struct fixture f;
	fixture_load(&f, FIX);
	struct report_unc *u = report_unc_new(&f.wb, &f.p);
	cr_assert_not_null(u);
	struct unc_histogram h;
	report_unc_histogram(u, &h);
	long sum = 0;
	for (int k = 0; k < UNC_HIST_BINS; k++)
		sum += h.count[k];
	cr_expect_eq(sum, f.wb.params.uncertainty.draws);
	/* The kept draws are the ones unc_results_compute() summarised. */
	double *copy = malloc((size_t)u->draw_count * sizeof *copy);
	cr_assert_not_null(copy);
	memcpy(copy, u->draws, (size_t)u->draw_count * sizeof *copy);
	cr_expect_eq(unc_percentile(copy, u->draw_count, 5), u->r.portfolio_mc.line[UNC_TOTAL].p50);
	free(copy);
	report_unc_delete(u);
	fixture_free(&f);
}

Test(report_uncertainty, same_seed_same_bytes)
{
	struct fixture f;
	fixture_load(&f, FIX);
	for (int fmt = REPORT_HTML; fmt <= REPORT_MARKDOWN; fmt++) {
		size_t n1 = 0, n2 = 0;
		char *a = report_render(&f.wb, &f.p, (enum report_format)fmt, &n1);
		char *b = report_render(&f.wb, &f.p, (enum report_format)fmt, &n2);
		cr_assert(a && b);
		cr_expect_eq(n1, n2);
		cr_expect(n1 == n2 && memcmp(a, b, n1) == 0, "format %d differs", fmt);
		free(a);
		free(b);
	}
	fixture_free(&f);
}

Test(report_uncertainty, no_spread_no_range_gives_the_point_npv)
{
	struct fixture f;
	fixture_load(&f, "report-simple.json");
	for (int c = CONFIDENCE_A; c <= CONFIDENCE_D; c++)
		f.wb.params.uncertainty.spread[c] = 0;
	char *md = render(&f, REPORT_MARKDOWN);
	char point[64], want[512];
	fmt_kr(point, sizeof point, f.p.portfolio.npv, false);
	snprintf(want, sizeof want, "| Alle budsjetter | %s | %s | %s | %s | %s | 100" REPORT_THOUSANDS
		 "%% |", point, point, point, point, point);
	expect_in(md, want);
	expect_in(md, "Ingen tiltak har spenn (lav–høy)");
	free(md);
	fixture_free(&f);
}

Test(report_uncertainty, xlsx_sheet_has_the_values)
{
	struct fixture f;
	fixture_load(&f, FIX);
	char dir[512], path[600], err[512] = "";
	scratch_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/u.xlsx", dir);
	cr_assert_eq(export_xlsx(&f.wb, &f.p, path, false, err, sizeof err), 0, "%s", err);
	size_t len = 0;
	unsigned char *zip = (unsigned char *)slurp(path, &len);
	scratch_remove(dir);
	cr_assert_not_null(zip);
	char *wbx = zip_extract(zip, len, "xl/workbook.xml", NULL);
	cr_assert_not_null(wbx);
	const char *soc = strstr(wbx, "<sheet name=\"Samfunn\"");
	const char *unc = strstr(wbx, "<sheet name=\"Usikkerhet\"");
	cr_assert(soc && unc && soc < unc);
	free(wbx);
	char *xml = zip_extract(zip, len, "xl/worksheets/sheet9.xml", NULL);
	char *strings = zip_extract(zip, len, "xl/sharedStrings.xml", NULL);
	cr_assert(xml && strings);
	cr_expect_not_null(strstr(strings, "Regnearket simulerer ikke på nytt"));
	cr_expect_not_null(strstr(strings, "Suksessrate – Oppfølgingslos"));

	struct report_unc *u = report_unc_new(&f.wb, &f.p);
	cr_assert_not_null(u);
	const struct mc_stats *t = &u->r.portfolio_mc.line[UNC_TOTAL];
	/* B2 draws; row 6 (1-based) the summary: D P10, E P50, F P90, G chance. */
	cr_expect_not_null(strstr(xml, "<c r=\"B2\""));
	const double cells[][2] = {{3, t->p10}, {4, t->p50}, {5, t->p90}, {6, t->prob_positive}};
	for (size_t i = 0; i < 4; i++) {
		char addr[16];
		snprintf(addr, sizeof addr, "<c r=\"%c%d\"", 'A' + (int)cells[i][0],
			 XLSX_UNC_SUMMARY_ROW + 1);
		const char *c = strstr(xml, addr);
		cr_assert_not_null(c, "%s", addr);
		const char *v = strstr(c, "<v>");
		cr_assert_not_null(v);
		cr_expect_float_eq(strtod(v + 3, NULL), cells[i][1], 1e-9 * (1 + fabs(cells[i][1])),
				   "%s", addr);
		cr_expect_null(strstr(c, "<f>") && strstr(c, "<f>") < v ? "f" : NULL, "%s is a value",
			       addr);
	}
	report_unc_delete(u);
	free(xml);
	free(strings);
	free(zip);
	fixture_free(&f);
}
