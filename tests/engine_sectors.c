/*
 * Hand-computed cases for MODEL.md v2's budget results: the portfolio's
 * flows as the sum of its measures' matrices, break-even never before the
 * first cost, sectors (by_sector, sector_flows), the økonomiplan window
 * and real growth.  Every expected number is worked out in the comment
 * above it.
 */
#include <criterion/criterion.h>

#include "engine/validate.h"
#include "engine_helpers.h"

#define K BEARER_KOMMUNE
#define F BEARER_FYLKESKOMMUNE
#define S BEARER_STAT

/*
 * Group "k": kommune 100 a year at every age from 16; group "s": stat 100.
 * A on k paid by kommune, B on s paid by stat; N = 10, p = 0,5, 5 000 each
 * for one year, 2 years, no discounting.  Each saves 5 · 100 · 2 = 1 000
 * for 50 000.  A's matrix: [K][K] = 1 000 · 50 000 / 50 000 = 1 000; B's:
 * [S][S] = 1 000.  Summed: [K][K] = [S][S] = 1 000, [K][S] = [S][K] = 0.
 * Version 1 spread the portfolio's totals instead: [K][S] = 1 000 · 50 000 /
 * 100 000 = 500.
 */
Test(sectors, portfolio_flows_are_the_sum_of_measure_matrices)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 2, DISCOUNT_NONE, 0);
	struct cost_item ik = item_of(K, 100, UNIT_NOK, 16, 120);
	struct cost_item is = item_of(S, 100, UNIT_NOK, 16, 120);
	wb_group(&wb, "k", &ik, 1);
	wb_group(&wb, "s", &is, 1);
	struct measure a = measure_of("k");
	a.duration = 1;
	struct measure b = measure_of("s");
	b.duration = 1;
	b.payer[K].share = 0;
	b.payer[S].share = 1;
	workbook_add_measure(&wb, &a);
	workbook_add_measure(&wb, &b);
	compute(&p, &wb);
	const struct result *pf = &p.portfolio;
	NEAR(p.measures[0].flows[K][K], 1000);
	NEAR(p.measures[1].flows[S][S], 1000);
	cr_assert(pf->has_flows);
	NEAR(pf->flows[K][K], 1000);
	NEAR(pf->flows[S][S], 1000);
	cr_assert_eq(pf->flows[K][S], 0.0);
	cr_assert_eq(pf->flows[S][K], 0.0);
	cr_assert_eq(pf->flows[F][K], 0.0);
	/* The same by sector (here the implicit sectors are the bearers). */
	NEAR(result_sector_flow(pf, K, K), 1000);
	NEAR(result_sector_flow(pf, S, S), 1000);
	cr_assert_eq(result_sector_flow(pf, K, S), 0.0);

	/* Patching keeps the sums: switch B off, then on again. */
	wb.measures[1].enabled = false;
	projection_update_measure(&p, &wb, 1);
	NEAR(pf->flows[K][K], 1000);
	cr_assert_eq(pf->flows[S][S], 0.0);
	cr_assert_eq(result_sector_flow(pf, S, S), 0.0);
	wb.measures[0].enabled = false;
	projection_update_measure(&p, &wb, 0);
	cr_assert_not(pf->has_flows, "no enabled measure: empty flows");
	wb.measures[0].enabled = wb.measures[1].enabled = true;
	projection_update_measure(&p, &wb, 0);
	projection_update_measure(&p, &wb, 1);
	NEAR(pf->flows[S][S], 1000);
	projection_free(&p);
	workbook_free(&wb);
}

/*
 * Group k2: kommune 1 000 a year from 16.  A measure from 2035 (t = 5):
 * N = 10, p = 0,5, 100 each for one year: cost 1 000 in 2035, savings
 * 5 000 a year from 2035.  The cumulative net is 0 in 2030–2034 and
 * positive after: version 1 said 2030; never before the first cost: 2035.
 * With lag 1 it is −1 000 in 2035 and +4 000 in 2036: 2036.
 */
Test(sectors, break_even_never_before_the_first_cost)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 10, DISCOUNT_NONE, 0);
	struct cost_item it = item_of(K, 1000, UNIT_NOK, 0, 120);
	wb_group(&wb, "k2", &it, 1);
	struct measure m = measure_of("k2");
	m.start_year = BASE_YEAR + 5;
	m.duration = 1;
	m.cost_per_participant = 100;
	workbook_add_measure(&wb, &m);
	const struct result *r = compute(&p, &wb);
	cr_assert(r->has_break_even_year);
	cr_assert_eq(r->break_even_year, 2035);
	cr_assert_eq(r->break_even_year_undiscounted, 2035);

	wb.measures[0].lag = 1;
	projection_update_measure(&p, &wb, 0);
	cr_assert_eq(r->break_even_year, 2036);
	cr_assert_eq(r->break_even_year_undiscounted, 2036);

	/* A free measure from 2030 saves from the start; the portfolio's first
	 * cost is still 2035, so its break-even is 2035, not 2030. */
	wb.measures[0].lag = 0;
	struct measure free_one = measure_of("k2");
	free_one.cost_per_participant = 0;
	workbook_add_measure(&wb, &free_one);
	projection_compute(&p, &wb);
	cr_assert_not(p.measures[1].has_break_even_year, "nothing costs: no break-even");
	cr_assert(p.portfolio.has_break_even_year);
	cr_assert_eq(p.portfolio.break_even_year, 2035);
	cr_assert_eq(p.portfolio.break_even_year_undiscounted, 2035);
	projection_free(&p);
	workbook_free(&wb);
}

/*
 * Sectors barnevern (kommune, index 3) and nav (stat, index 4).  Items:
 * barnevern 1 000, kommune's rest 500, nav (transfer) 2 000, all from 16.
 * N = 10, p = 0,5 (5 successes), 100 each for 2 years paid 60 % by
 * barnevern and 40 % by the kommune's rest; 3 years, no discounting.
 *   cost a year 1 000: barnevern 600, kommune 400 (years 0 and 1)
 *   saving a year: barnevern 5 000, kommune 2 500, nav 10 000
 *   by_sector: kommune 800 / 7 500 / 6 700; barnevern 1 200 / 15 000 /
 *   13 800; nav 0 / 30 000 / 30 000; fylkeskommune and stat 0.
 *   pv_cost 2 000, so sector_flows[barnevern][nav] = 30 000 · 1 200 /
 *   2 000 = 18 000, [kommune][barnevern] = 15 000 · 800 / 2 000 = 6 000.
 */
static void sector_workbook(struct workbook *wb)
{
	wb_setup(wb, 3, DISCOUNT_NONE, 0);
	wb_sector(wb, "barnevern", K);
	wb_sector(wb, "nav", S);
	struct cost_item items[] = {
		item_kind_of(ITEM_SERVICE, K, "barnevern", 1000, 16, 120),
		item_kind_of(ITEM_SERVICE, K, "", 500, 16, 120),
		item_kind_of(ITEM_TRANSFER, S, "nav", 2000, 16, 120),
	};
	wb_group(wb, "g", items, 3);
	struct measure m = measure_of("g");
	m.cost_per_participant = 100;
	memset(m.payer, 0, sizeof m.payer);
	m.payer_count = 0;
	measure_payer_set(&m, "barnevern", 0.6);
	measure_payer_set(&m, "kommune", 0.4);
	workbook_add_measure(wb, &m);
}

Test(sectors, by_sector_and_sector_flows)
{
	struct workbook wb;
	struct projection p;
	sector_workbook(&wb);
	struct problems probs;
	problems_clear(&probs);
	cr_assert(validate_workbook(&wb, &probs), "the workbook is valid");
	const struct result *r = compute(&p, &wb);
	cr_assert_eq(r->sector_count, 5);
	NEAR(r->by_sector[K].pv_cost, 800);
	NEAR(r->by_sector[K].pv_saving, 7500);
	NEAR(r->by_sector[K].npv, 6700);
	NEAR(r->by_sector[3].pv_cost, 1200);
	NEAR(r->by_sector[3].pv_saving, 15000);
	NEAR(r->by_sector[3].npv, 13800);
	NEAR(r->by_sector[4].pv_saving, 30000);
	cr_assert_eq(r->by_sector[S].pv_saving, 0.0);
	cr_assert_eq(r->by_sector[F].pv_cost, 0.0);
	NEAR(r->by_bearer[K].pv_saving, 22500);
	NEAR(r->by_bearer[S].pv_saving, 30000);
	NEAR(r->by_bearer[K].pv_cost, 2000);
	NEAR(result_sector_flow(r, 3, 4), 18000);
	NEAR(result_sector_flow(r, K, 3), 6000);
	cr_assert_eq(result_sector_flow(r, 4, 3), 0.0, "nav pays nothing");
	/* The portfolio (one measure) has the same matrix, stored. */
	NEAR(result_sector_flow(&p.portfolio, 3, 4), 18000);
	NEAR(p.portfolio.by_sector[3].npv, 13800);
	projection_free(&p);
	workbook_free(&wb);
}

/*
 * The same workbook, plan from 2031 for 4 years with a 3-year horizon
 * (2030–2032): only 2031 and 2032 are inside.  2031: cost barnevern 600,
 * kommune 400, savings 5 000 / 2 500 / 10 000, net_total 17 500 − 1 000 =
 * 16 500.  2032: no cost, net_total 17 500.  From 2028 instead: 2030 and
 * 2031 (t = 0, 1), both 16 500.
 */
Test(sectors, plan_window_partly_outside_the_horizon)
{
	struct workbook wb;
	struct projection p;
	sector_workbook(&wb);
	wb.params.plan.start_year = 2031;
	wb.params.plan.years = 4;
	const struct result *r = compute(&p, &wb);
	cr_assert_eq(r->plan_count, 2);
	cr_assert_eq(r->plan_first_year, 2031);
	NEAR(result_plan_cost(r, 0, 3), 600);
	NEAR(result_plan_cost(r, 0, K), 400);
	NEAR(result_plan_saving(r, 0, 3), 5000);
	NEAR(result_plan_saving(r, 0, K), 2500);
	NEAR(result_plan_saving(r, 0, 4), 10000);
	NEAR(result_plan_net(r, 0, 3), 4400);
	NEAR(result_plan_net_total(r, 0), 16500);
	cr_assert_eq(result_plan_cost(r, 1, 3), 0.0);
	NEAR(result_plan_net_total(r, 1), 17500);
	NEAR(result_plan_net_total(&p.portfolio, 1), 17500);
	cr_assert_eq(result_plan_cost(r, 2, 3), 0.0, "row 2 is past the horizon");

	wb.params.plan.start_year = 2028;
	projection_compute(&p, &wb);
	r = &p.measures[0];
	cr_assert_eq(r->plan_count, 2);
	cr_assert_eq(r->plan_first_year, 2030);
	NEAR(result_plan_net_total(r, 0), 16500);
	NEAR(result_plan_net_total(r, 1), 16500);

	wb.params.plan.start_year = 2040;
	projection_compute(&p, &wb);
	cr_assert_eq(p.measures[0].plan_count, 0, "a plan after the horizon has no rows");
	projection_free(&p);
	workbook_free(&wb);
}

/*
 * Real growth 10 %: kommune 1 000 a year from 16, N = 10, p = 0,5, 100 each
 * for one year, 3 years.  Savings 5 000, 5 500, 6 050: pv_saving 16 550
 * undiscounted.  p* = 1 000 / (10 · (1 000 + 1 100 + 1 210)) = 1 000 /
 * 33 100.  Flat 10 % discounting cancels the growth: DF · growth = 1, so
 * pv_saving = 15 000.
 */
Test(sectors, real_growth_of_savings)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 3, DISCOUNT_NONE, 0);
	wb.params.real_growth = 0.10;
	struct cost_item it = item_of(K, 1000, UNIT_NOK, 0, 120);
	wb_group(&wb, "k", &it, 1);
	struct measure m = measure_of("k");
	m.duration = 1;
	m.cost_per_participant = 100;
	workbook_add_measure(&wb, &m);
	const struct result *r = compute(&p, &wb);
	NEAR(r->years[0].saving[K], 5000);
	NEAR(r->years[1].saving[K], 5500);
	NEAR(r->years[2].saving[K], 6050);
	NEAR(r->pv_saving, 16550);
	NEAR(r->pv_cost, 1000);
	cr_assert(r->has_break_even_success_rate);
	NEAR(r->break_even_success_rate, 1000.0 / 33100.0);
	NEAR(r->by_sector[K].pv_saving, 16550);

	wb.params.discount.mode = DISCOUNT_FLAT;
	wb.params.discount.rate = 0.10;
	projection_compute(&p, &wb);
	NEAR(p.measures[0].pv_saving, 15000);
	NEAR(p.measures[0].npv, 14000);
	projection_free(&p);
	workbook_free(&wb);
}

/* Incremental updates of a sector workbook equal a full recompute. */
Test(sectors, incremental_sector_results_match_full_recompute)
{
	struct workbook wb;
	struct projection p, q;
	sector_workbook(&wb);
	struct measure m2 = wb.measures[0];
	m2.start_year = BASE_YEAR + 1;
	workbook_add_measure(&wb, &m2);
	compute(&p, &wb);
	wb.measures[1].participants = 30;
	projection_update_measure(&p, &wb, 1);
	wb.groups[0].items[0].amount = 4000;
	projection_update_group(&p, &wb, 0);
	compute(&q, &wb);
	for (size_t x = 0; x < 5; x++) {
		NEAR(p.portfolio.by_sector[x].pv_cost, q.portfolio.by_sector[x].pv_cost);
		NEAR(p.portfolio.by_sector[x].pv_saving, q.portfolio.by_sector[x].pv_saving);
		for (size_t y = 0; y < 5; y++)
			NEAR(result_sector_flow(&p.portfolio, x, y), result_sector_flow(&q.portfolio, x, y));
		for (int row = 0; row < p.portfolio.plan_count; row++)
			NEAR(result_plan_net(&p.portfolio, row, x), result_plan_net(&q.portfolio, row, x));
	}
	for (int b = 0; b < BEARER_COUNT; b++)
		for (int c = 0; c < BEARER_COUNT; c++)
			NEAR(p.portfolio.flows[b][c], q.portfolio.flows[b][c]);
	NEAR(p.portfolio.society.npv_society, q.portfolio.society.npv_society);
	projection_free(&p);
	projection_free(&q);
	workbook_free(&wb);
}
