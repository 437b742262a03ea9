/*
 * report_v2.c: the report's version-2 parts on a workbook built here,
 * worked out by hand (10 years from 2027, no discounting, plan 2027–2030,
 * price year 2025, tax cost 20 %):
 *
 *   sectors: oppvekst, barnevern (kommune), nav-stat «NAV» (stat).
 *   group g, from 16: barnevern service 30 000 kr at 16–17; sosialhjelp
 *   transfer (kommune) 10 000 from 18; uføretrygd transfer (nav-stat)
 *   30 000 from 18; lost tax (stat) 5 000 from 18; production 100 000
 *   from 18; quality of life 20 000 from 16.
 *   «Los»: 10 participants, 10 000 kr in 2027 paid by oppvekst, success
 *   50 %: 5 successes aged 16–25 in 2027–2036.
 *   Savings: barnevern 2 × 150 000 = 300 000; kommune, øvrig 8 × 50 000 =
 *   400 000; NAV 8 × 150 000 = 1 200 000; stat, øvrig 8 × 25 000 =
 *   200 000: 2 100 000; NPV 2 000 000.
 *   Plan: kommune net 50 000, 150 000, 50 000, 50 000 (300 000); stat
 *   0, 0, 175 000, 175 000; all 50 000, 150 000, 225 000, 225 000.
 *   Society: services 300 000, production 8 × 500 000 = 4 000 000,
 *   quality of life 10 × 100 000 = 1 000 000, cost −100 000, tax cost
 *   0,2 × 2 000 000 = 400 000: npv_society 5 600 000.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "tests/report_fixture.h"

#define NB "\xc2\xa0"

static void add_sector(struct workbook *wb, const char *id, const char *name, enum bearer b,
		       const char *kostra)
{
	struct sector s;
	memset(&s, 0, sizeof s);
	text_set(s.id, sizeof s.id, id);
	text_set(s.name, sizeof s.name, name);
	text_set(s.kostra, sizeof s.kostra, kostra);
	s.bearer = b;
	cr_assert_geq(workbook_add_sector(wb, &s), 0);
}

static void add_item(struct target_group *g, const char *name, enum item_kind kind,
		     enum bearer b, const char *sector, double amount, int from, int to)
{
	struct cost_item it;
	memset(&it, 0, sizeof it);
	text_set(it.name, sizeof it.name, name);
	text_set(it.sector, sizeof it.sector, sector);
	text_set(it.source, sizeof it.source, "Håndregnet");
	it.kind = kind;
	it.bearer = b;
	it.amount = amount;
	it.unit = UNIT_NOK;
	it.from_age = from;
	it.to_age = to;
	it.confidence = CONFIDENCE_D;
	cr_assert_geq(target_group_add_item(g, &it), 0);
}

static void build(struct fixture *f)
{
	workbook_init(&f->wb);
	projection_init(&f->p);
	struct workbook_params *pa = &f->wb.params;
	workbook_params_defaults(pa);
	text_set(pa->name, sizeof pa->name, "Sektorsak");
	text_set(pa->municipality, sizeof pa->municipality, "Gausdal");
	pa->base_year = 2027;
	pa->horizon = 10;
	pa->discount.mode = DISCOUNT_NONE;
	pa->price_year = 2025;
	pa->plan.start_year = 2027;
	pa->plan.years = 4;
	pa->tax_cost = 0.2;
	add_sector(&f->wb, "oppvekst", "Oppvekst", BEARER_KOMMUNE, "202, 213");
	add_sector(&f->wb, "barnevern", "Barnevern", BEARER_KOMMUNE, "244, 251, 252");
	add_sector(&f->wb, "nav-stat", "NAV", BEARER_STAT, "");
	struct target_group g;
	memset(&g, 0, sizeof g);
	text_set(g.id, sizeof g.id, "g");
	text_set(g.name, sizeof g.name, "Unge i risiko");
	g.entry_age = 16;
	add_item(&g, "Barnevernstiltak", ITEM_SERVICE, BEARER_KOMMUNE, "barnevern", 30000, 16, 17);
	add_item(&g, "Sosialhjelp", ITEM_TRANSFER, BEARER_KOMMUNE, "", 10000, 18, 66);
	add_item(&g, "Uføretrygd", ITEM_TRANSFER, BEARER_STAT, "nav-stat", 30000, 18, 66);
	add_item(&g, "Tapt skatt", ITEM_TAX, BEARER_STAT, "", 5000, 18, 66);
	add_item(&g, "Tapt produksjon", ITEM_PRODUCTION, BEARER_NONE, "", 100000, 18, 66);
	add_item(&g, "Tapt livskvalitet", ITEM_WELFARE, BEARER_NONE, "", 20000, 16, 66);
	cr_assert_geq(workbook_add_group(&f->wb, &g), 0);
	target_group_free_items(&g);
	struct measure m;
	measure_defaults(&m);
	text_set(m.name, sizeof m.name, "Los");
	text_set(m.group_id, sizeof m.group_id, "g");
	m.participants = 10;
	m.start_year = 2027;
	m.start_age = 16;
	m.duration = 1;
	m.cost_per_participant = 10000;
	m.payer_count = 0;
	cr_assert(measure_payer_set(&m, "oppvekst", 1.0));
	m.success_rate = 0.5;
	cr_assert_geq(workbook_add_measure(&f->wb, &m), 0);
	cr_assert_eq(projection_compute(&f->p, &f->wb), 0);
}

static char *render(struct fixture *f, enum report_format format)
{
	build(f);
	char *text = report_render(&f->wb, &f->p, format, NULL);
	cr_assert_not_null(text);
	return text;
}

Test(report_v2, hand_computed_engine_figures)
{
	/* The premise of the report tests below. */
	struct fixture f;
	build(&f);
	const struct result *r = &f.p.portfolio;
	cr_expect_float_eq(r->pv_saving, 2100000, 1e-6);
	cr_expect_float_eq(r->npv, 2000000, 1e-6);
	cr_expect_float_eq(r->society.npv_society, 5600000, 1e-6);
	cr_expect_eq(r->plan_count, 4);
	fixture_free(&f);
}

Test(report_v2, a_sentence_per_paying_sector)
{
	static const char *const want[] = {
		"Oppvekst betaler 100" NB "000" NB "kr; NAV (stat) sparer 1,2 mill." NB "kr, "
		"kommunen ellers sparer 400" NB "000" NB "kr, Barnevern sparer 300" NB "000" NB
		"kr, staten ellers sparer 200" NB "000" NB "kr.",
		NULL,
	};
	for (int fmt = 0; fmt < 2; fmt++) {
		struct fixture f;
		char *text = render(&f, fmt ? REPORT_MARKDOWN : REPORT_HTML);
		expect_strings(text, want, NULL);
		free(text);
		fixture_free(&f);
	}
}

Test(report_v2, economic_plan_table)
{
	static const char *const want[] = {
		"Økonomiplanen 2027–2030 i faste 2025-kroner, ikke diskontert.",
		"| Budsjett og sektor |  | 2027 | 2028 | 2029 | 2030 | Sum |",
		"| Oppvekst | Kostnad | 100" NB "000 | 0 | 0 | 0 | 100" NB "000 |",
		"| Barnevern | Kostnad | 0 | 0 | 0 | 0 | 0 |\n|  | Gevinst | 150" NB "000 | 150" NB
		"000 | 0 | 0 | 300" NB "000 |",
		"| Kommune, øvrig | Kostnad |",
		"| Kommune i alt | Kostnad | 100" NB "000 | 0 | 0 | 0 | 100" NB "000 |\n"
		"|  | Gevinst | 150" NB "000 | 150" NB "000 | 50" NB "000 | 50" NB "000 | 400" NB
		"000 |\n|  | Netto | 50" NB "000 | 150" NB "000 | 50" NB "000 | 50" NB "000 | 300" NB
		"000 |",
		"| Stat i alt | Kostnad | 0 | 0 | 0 | 0 | 0 |\n|  | Gevinst | 0 | 0 | 175" NB
		"000 | 175" NB "000 | 350" NB "000 |",
		"| Alle budsjetter | Kostnad |",
		"|  | Netto | 50" NB "000 | 150" NB "000 | 225" NB "000 | 225" NB "000 | 650" NB "000 |",
		NULL,
	};
	/* Fylkeskommunen has nothing in the plan years: no rows for it. */
	static const char *const unwanted[] = {"| Fylkeskommune | Kostnad | 0 | 0 | 0 | 0", NULL};
	struct fixture f;
	char *text = render(&f, REPORT_MARKDOWN);
	expect_strings(text, want, unwanted);
	free(text);
	fixture_free(&f);
}

Test(report_v2, plan_window_outside_the_horizon_is_said)
{
	struct fixture f;
	build(&f);
	f.wb.params.plan.start_year = 2035;
	cr_assert_eq(projection_compute(&f.p, &f.wb), 0);
	char *text = report_render(&f.wb, &f.p, REPORT_MARKDOWN, NULL);
	static const char *const want[] = {
		"Økonomiplanen gjelder 2035–2038, men 2037–2038 ligger utenfor beregningsperioden",
		"Økonomiplanen 2035–2036 i faste 2025-kroner", "| 2035 | 2036 | Sum |", NULL};
	expect_strings(text, want, NULL);
	free(text);
	fixture_free(&f);
}

Test(report_v2, society_section)
{
	static const char *const want[] = {
		"## Samfunnsøkonomisk perspektiv",
		"For samfunnet som helhet er netto 5,6 mill." NB "kr, mot 2,0 mill." NB "kr for de "
		"offentlige budsjettene.",
		"| Sparte offentlige tjenester | 300" NB "000 |",
		"| Økt produksjon | 4" NB "000" NB "000 |",
		"| Bedre livskvalitet | 1" NB "000" NB "000 |",
		"| Tiltakenes kostnad | -100" NB "000 |",
		"| Skattefinansieringskostnad (20,0" NB "% av budsjettvirkningen) | 400" NB "000 |",
		"| Samfunnsøkonomisk netto | 5" NB "600" NB "000 |",
		"går de i null",
		"R-109 setter denne skattefinansieringskostnaden til 20 øre per krone (20 %), og "
		"det bruker denne arbeidsboka også.",
		"verdsatt til det gruppen ville tjent",
		"Fortrengning er ikke regnet med",
		"Livskvalitet er bare med der arbeidsboka har tall for den (poster",
		"| Los | ja | 2" NB "000" NB "000 | 5" NB "600" NB "000 |",
		NULL,
	};
	static const char *const unwanted[] = {"ingen poster for produksjon", NULL};
	struct fixture f;
	char *text = render(&f, REPORT_MARKDOWN);
	expect_strings(text, want, unwanted);
	free(text);
	fixture_free(&f);
	/* Another rate is named beside R-109's. */
	build(&f);
	f.wb.params.tax_cost = 0.255;
	cr_assert_eq(projection_compute(&f.p, &f.wb), 0);
	text = report_render(&f.wb, &f.p, REPORT_MARKDOWN, NULL);
	static const char *const other[] = {
		"til 20 øre per krone (20 %); denne arbeidsboka bruker 25,5" NB "%.", NULL};
	static const char *const not_also[] = {"arbeidsboka også", NULL};
	expect_strings(text, other, not_also);
	free(text);
	fixture_free(&f);
	/* A workbook without production or quality-of-life items says so. */
	static const char *const none[] = {"ingen poster for produksjon",
					   "har ingen slike poster: den er derfor ikke med (0", NULL};
	expect_report("report-simple.json", REPORT_MARKDOWN, none, NULL);
}

Test(report_v2, appendix_has_sectors_and_kinds)
{
	static const char *const want[] = {
		"| Barnevern | barnevern | Kommune | 244, 251, 252 |",
		"| Tapt produksjon | Produksjon | – | – | 100" NB "000 |",
		"| Uføretrygd | Overføring | Stat | NAV | 30" NB "000 |",
		"| Kroneår (alle beløp er i faste kroner fra dette året) | 2025 |",
		"| Økonomiplan | 2027–2030 (4 år) |",
		"| Los | Unge i risiko | 10 | 2027 | 16 | 1 | 10" NB "000 | Oppvekst 100,0" NB "% |",
		"alle beløp i faste 2025-kroner",
		NULL,
	};
	struct fixture f;
	char *text = render(&f, REPORT_MARKDOWN);
	expect_strings(text, want, NULL);
	free(text);
	fixture_free(&f);
}

Test(report_v2, caveats_name_the_columns_as_the_tables_do)
{
	/* The caveat about assumed effects points at the measures table's
	 * column by its head (report/table.c, doc/glossary.md). */
	for (int fmt = 0; fmt < 2; fmt++) {
		struct fixture f;
		char *text = render(&f, fmt ? REPORT_MARKDOWN : REPORT_HTML);
		cr_expect(strstr(text, "Kolonnen «Balanse-suksessrate» viser") != NULL);
		cr_expect(strstr(text, "gå i null") == NULL);
		free(text);
		fixture_free(&f);
	}
}
