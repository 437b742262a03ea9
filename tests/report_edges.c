/*
 * report_edges.c: what the council report must not say at the edges, on
 * tests/fixtures/report-edges.json (10 years from 2027, no discounting),
 * worked out by hand:
 *
 *   group g1: kommune 50 000 kr/yr from 16, fylkeskommune −20 000 kr/yr at
 *   16–18 (successes stay in school longer), stat 30 000 kr/yr from 20.
 *   «Sen start» (kommune pays 100 000 kr in 2032; 5 successes aged 16–20
 *   in 2032–2036): kommune 1 250 000, fylkeskommune −300 000, stat
 *   150 000.  Its 2032 net is +50 000, so the cumulative net is ≥ 0 from
 *   2027 on; it is earned back in 2032, not 2027.
 *   «Tidlig start» (fylkeskommune, 2025–2027, 100 000 kr a year; only 2027
 *   is inside; 2 successes aged 18 in 2027): kommune 1 000 000,
 *   fylkeskommune −40 000, stat 480 000 (2029–2036).
 *   Portfolio savings 2 250 000 / −340 000 / 630 000 = 2 540 000.
 *   Of the positive flows (1 250 000 + 150 000 + 1 000 000 + 480 000 =
 *   2 880 000), 1 630 000 lands outside the payer's budget: 56,6 %.
 *   «Dyr pilot» (disabled): p* = 10 000 000 / (10 × 620 000) = 161,3 %.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/example.h"
#include "report/report.h"
#include "report/summary.h"
#include "tests/report_fixture.h"

#define NB "\xc2\xa0"

static const enum report_format formats[] = {REPORT_HTML, REPORT_MARKDOWN};

Test(report_edges, negative_savings_are_not_savings)
{
	static const char *const want[] = {
		"mest for kommunen (2,3 mill." NB "kr), deretter staten (630" NB "000" NB "kr), "
		"mens utgiftene øker for fylkeskommunen (340" NB "000" NB "kr).",
		NULL,
	};
	static const char *const unwanted[] = {"og fylkeskommunen (", "fylkeskommunen (-",
					       "deretter fylkeskommunen", NULL};
	for (size_t i = 0; i < 2; i++)
		expect_report("report-edges.json", formats[i], want, unwanted);
}

Test(report_edges, no_share_over_100_percent)
{
	static const char *const want[] = {"havner 56,6" NB "% i et annet budsjett",
					   "ikke mulig (161,3" NB "%)", NULL};
	static const char *const unwanted[] = {">161,3" NB "%<", "| 161,3" NB "% |", NULL};
	for (size_t i = 0; i < 2; i++)
		expect_report("report-edges.json", formats[i], want, unwanted);
	/* The kommune pays; it loses 100 and the stat gains 200.  Against the
	 * net saving (100) that would be 200 % "elsewhere". */
	double flows[BEARER_COUNT][BEARER_COUNT] = {{-100, 0, 200}, {0}, {0}};
	bool has;
	cr_expect_float_eq(report_cross_share(flows, &has), 1.0, 1e-12);
	cr_expect(has);
}

Test(report_edges, no_present_value_without_discounting)
{
	static const char *const unwanted[] = {"i nåverdi", "nåverdi, kr", "Netto nåverdi",
					       "Nåverdi (", "Diskonteringsfaktor", NULL};
	static const char *const want[] = {"(summert uten diskontering)", "Kostnad (sum, kr)",
					   "Beløpene er ikke diskontert", NULL};
	for (size_t i = 0; i < 2; i++)
		expect_report("report-edges.json", formats[i], want, unwanted);

	/* A flat rate of 0 % discounts nothing either. */
	struct fixture f;
	fixture_load(&f, "report-rich.json");
	f.wb.params.discount.mode = DISCOUNT_FLAT;
	f.wb.params.discount.rate = 0;
	cr_assert_eq(projection_compute(&f.p, &f.wb), 0);
	char *text = report_render(&f.wb, &f.p, REPORT_MARKDOWN, NULL);
	cr_assert_not_null(text);
	expect_strings(text, want, unwanted);
	free(text);
	fixture_free(&f);
	/* …while R-109 does, and says so. */
	static const char *const disc[] = {"i nåverdi over 40 år", "Netto nåverdi er",
					   "Kostnad (nåverdi, kr)", NULL};
	expect_report("report-rich.json", REPORT_MARKDOWN, disc, NULL);
}

Test(report_edges, not_earned_back_before_anything_is_spent)
{
	/* Sen start's row: benefit per krone 11,00, then the break-even year. */
	static const char *const md[] = {"| 11,00 | 2032 |", "Investeringen er lønnsom fra 2028.",
					 NULL};
	static const char *const md_not[] = {"| 11,00 | 2027 |", NULL};
	expect_report("report-edges.json", REPORT_MARKDOWN, md, md_not);
	static const char *const html[] = {"<td class=\"num\">11,00</td><td class=\"num\">2032</td>",
					   NULL};
	expect_report("report-edges.json", REPORT_HTML, html, NULL);
}

Test(report_edges, says_what_is_outside_the_calculation)
{
	static const char *const want[] = {
		"Beregningen dekker 2027–2036.",
		"«Tidlig start» startet i 2025, før første år i beregningen: kostnadene for "
		"2025–2026 (200" NB "000" NB "kr)",
		"Virkningen av «Sen start» og «Tidlig start» varer fortsatt i 2036; gevinsten "
		"etter 2036 er ikke med",
		NULL,
	};
	static const char *const unwanted[] = {"«Dyr pilot» startet", NULL};
	expect_report("report-edges.json", REPORT_MARKDOWN, want, unwanted);
	/* The HTML escapes nothing here but must carry the same sentences. */
	expect_report("report-edges.json", REPORT_HTML, want, unwanted);
	/* Costs past the last year. */
	struct fixture f;
	fixture_load(&f, "report-edges.json");
	f.wb.measures[0].duration = 7; /* 2032–2038: 2037–2038 are outside */
	cr_assert_eq(projection_compute(&f.p, &f.wb), 0);
	char *text = report_render(&f.wb, &f.p, REPORT_MARKDOWN, NULL);
	cr_assert_not_null(text);
	static const char *const after[] = {
		"«Sen start» koster også penger i 2037–2038 (200" NB "000" NB "kr)", NULL};
	expect_strings(text, after, NULL);
	free(text);
	fixture_free(&f);
}

/* Render `name` with `ex` (tests/fixtures/example.json) as the shipped example. */
static char *render_against_example(struct fixture *f, const struct fixture *ex, const char *name)
{
	fixture_load(f, name);
	const struct report_options opt = {.example = &ex->wb};
	char *text = report_render_opt(&f->wb, &f->p, REPORT_MARKDOWN, &opt, NULL);
	cr_assert_not_null(text);
	return text;
}

Test(report_edges, example_data_is_named_as_such)
{
	struct fixture f, ex;
	fixture_load(&ex, "example.json");
	char *text = render_against_example(&f, &ex, "example.json");
	static const char *const all[] = {"> **Merk:** Tallene i denne rapporten er eksempeldataene",
					  NULL};
	expect_strings(text, all, NULL);
	free(text);
	fixture_free(&f);

	/* Renamed, the figures are still the example's. */
	fixture_load(&f, "example.json");
	text_set(f.wb.params.name, sizeof f.wb.params.name, "Budsjett 2028");
	text_set(f.wb.params.municipality, sizeof f.wb.params.municipality, "Lillehammer");
	/* One figure changed: that item is the municipality's own now.  The
	 * two enabled measures use 3 items (1 + 2). */
	f.wb.groups[1].items[1].amount = 45000;
	f.wb.measures[0].participants = 60;
	const struct report_options opt = {.example = &ex.wb};
	text = report_render_opt(&f.wb, &f.p, REPORT_MARKDOWN, &opt, NULL);
	static const char *const part[] = {
		"2 av 3 kostnadsposter som tiltakene regner med, er uendrede eksempeltall",
		"Noen av tiltakene er eksempeltiltakene", NULL};
	expect_strings(text, part, NULL);
	free(text);
	fixture_free(&f);

	/* A workbook of its own has no notice, nor one without a reference. */
	text = render_against_example(&f, &ex, "report-rich.json");
	cr_expect_null(strstr(text, "eksempel"), "%s", strstr(text, "eksempel"));
	free(text);
	fixture_free(&f);
	fixture_free(&ex);
}
