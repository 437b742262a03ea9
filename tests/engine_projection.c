/*
 * Tests for engine/projection.c, result.c and projection_cache.c.  Every
 * expected value is worked out by hand in the comment above it from the
 * formulas of doc/model.md; the tests never call the engine to get an
 * expected number.
 *
 * Unless a test says otherwise (engine_helpers.h): base year 2030,
 * G = 100 000, N = 10, start at age 16 in 2030 (s = 0), D = 2 years at
 * 5 000 per participant paid by kommune, p = 0,5, d = 0, L = 0, no decay,
 * effect to the end of the horizon.
 */
#include <criterion/criterion.h>
#include <math.h>

#include "engine/discount.h"
#include "engine_helpers.h"

#define K BEARER_KOMMUNE
#define F BEARER_FYLKESKOMMUNE
#define S BEARER_STAT

Test(projection, basic_measure_by_hand)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 10, DISCOUNT_NONE, 0);
	standard_group(&wb);
	struct measure m = measure_of("g");
	workbook_add_measure(&wb, &m);
	const struct result *r = compute(&p, &wb);

	/* successes = N·p = 10·0,5 = 5 every year (t = 0..9, ages 16..25). */
	cr_assert_eq(r->year_count, 10);
	cr_assert_eq(year_of(r, 0).year, 2030);
	cr_assert_eq(year_of(r, 9).year, 2039);
	/* cost: 10·5 000 = 50 000 for kommune in t = 0 and 1, then nothing. */
	NEAR(r->years[0].cost[K], 50000);
	NEAR(r->years[1].cost[K], 50000);
	NEAR(r->years[2].cost[K], 0);
	NEAR(r->years[0].cost[S], 0);
	/* saving kommune t = 0..3 (ages 16–19): 5·50 000 = 250 000. */
	NEAR(r->years[3].saving[K], 250000);
	NEAR(r->years[4].saving[K], 0);
	/* saving stat t = 4..9 (ages 20–25): 5·10 000 = 50 000. */
	NEAR(r->years[3].saving[S], 0);
	NEAR(r->years[4].saving[S], 50000);
	NEAR(r->years[9].saving[S], 50000);
	/* net t = 0: 250 000 − 50 000 = 200 000; cum t = 1: 400 000. */
	NEAR(year_of(r, 0).net, 200000);
	NEAR(year_of(r, 1).cum_net, 400000);
	/* pv_cost = 2·50 000; pv_saving = 4·250 000 + 6·50 000 = 1 300 000. */
	NEAR(r->pv_cost, 100000);
	NEAR(r->pv_saving, 1300000);
	NEAR(r->npv, 1200000);
	NEAR(year_of(r, 9).cum_net, 1200000);
	NEAR(year_of(r, 9).cum_net_discounted, 1200000);
	cr_assert(r->has_bcr);
	NEAR(r->bcr, 13);
	/* npv / N = 1 200 000 / 10. */
	NEAR(r->npv_per_participant, 120000);
	NEAR(r->by_bearer[K].pv_cost, 100000);
	NEAR(r->by_bearer[K].pv_saving, 1000000);
	NEAR(r->by_bearer[K].npv, 900000);
	NEAR(r->by_bearer[S].npv, 300000);
	NEAR(r->by_bearer[F].npv, 0);
	/* kommune pays everything, so its row is pv_saving per bearer. */
	cr_assert(r->has_flows);
	NEAR(r->flows[K][K], 1000000);
	NEAR(r->flows[K][S], 300000);
	NEAR(r->flows[F][S], 0);
	NEAR(r->flows[S][K], 0);
	/* cumulative net ≥ 0 from the first year. */
	cr_assert(r->has_break_even_year);
	cr_assert_eq(r->break_even_year, 2030);
	cr_assert(r->has_break_even_year_undiscounted);
	cr_assert_eq(r->break_even_year_undiscounted, 2030);
	/* p* = 100 000 / (10·(4·50 000 + 6·10 000)) = 100 000 / 2 600 000. */
	cr_assert(r->has_break_even_success_rate);
	NEAR(r->break_even_success_rate, 100000.0 / 2600000.0);
	projection_free(&p);
	workbook_free(&wb);
}

Test(projection, deadweight)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 10, DISCOUNT_NONE, 0);
	standard_group(&wb);
	struct measure m = measure_of("g");
	m.deadweight = 0.25;
	workbook_add_measure(&wb, &m);
	const struct result *r = compute(&p, &wb);
	/* successes = 10·0,5·0,75 = 3,75; savings = 0,75 · 1 300 000. */
	NEAR(r->years[0].saving[K], 3.75 * 50000);
	NEAR(r->pv_saving, 975000);
	/* p* = 100 000 / (10·0,75·260 000) = 100 000 / 1 950 000. */
	NEAR(r->break_even_success_rate, 100000.0 / 1950000.0);
	projection_free(&p);
	workbook_free(&wb);
}

Test(projection, lag)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 10, DISCOUNT_NONE, 0);
	standard_group(&wb);
	struct measure m = measure_of("g");
	m.lag = 2;
	workbook_add_measure(&wb, &m);
	const struct result *r = compute(&p, &wb);
	/* Savings begin at t = 2 (ages 18, 19 for kommune): 2·250 000; stat
	 * as before 6·50 000.  pv_saving = 500 000 + 300 000. */
	NEAR(r->years[0].saving[K], 0);
	NEAR(r->years[1].saving[K], 0);
	NEAR(r->years[2].saving[K], 250000);
	NEAR(r->pv_saving, 800000);
	/* cum: −50 000, −100 000, +150 000, … → break-even 2032. */
	NEAR(year_of(r, 1).cum_net, -100000);
	cr_assert_eq(r->break_even_year_undiscounted, 2032);
	cr_assert_eq(r->break_even_year, 2032);
	/* p* = 100 000 / (10·(2·50 000 + 6·10 000)) = 100 000 / 1 600 000. */
	NEAR(r->break_even_success_rate, 0.0625);
	projection_free(&p);
	workbook_free(&wb);
}

Test(projection, decay_and_effect_years)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 10, DISCOUNT_NONE, 0);
	standard_group(&wb);
	struct measure m = measure_of("g");
	m.decay = 0.5;
	m.effect_years = 3;
	workbook_add_measure(&wb, &m);
	const struct result *r = compute(&p, &wb);
	/* k = 0, 1, 2 at t = 0, 1, 2: weights 1; 0,5; 0,25; none from k = 3. */
	NEAR(r->years[0].saving[K], 250000);
	NEAR(r->years[1].saving[K], 125000);
	NEAR(r->years[2].saving[K], 62500);
	NEAR(r->years[3].saving[K], 0);
	NEAR(r->years[4].saving[S], 0);
	/* 250 000·(1 + 0,5 + 0,25) = 437 500. */
	NEAR(r->pv_saving, 437500);
	/* p* = 100 000 / (10·50 000·1,75) = 100 000 / 875 000. */
	NEAR(r->break_even_success_rate, 100000.0 / 875000.0);
	projection_free(&p);
	workbook_free(&wb);
}

Test(projection, g_units_negative_and_overlapping_items)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 8, DISCOUNT_NONE, 0);
	/* stat: 20 000 at 20–30, plus 0,1 G = 10 000 at 25–30 (overlap), plus
	 * −5 000 at 28–29 (the group costs less there). */
	struct cost_item items[] = {
		item_of(S, 20000, UNIT_NOK, 20, 30),
		item_of(S, 0.1, UNIT_G, 25, 30),
		item_of(S, -5000, UNIT_NOK, 28, 29),
	};
	wb_group(&wb, "g", items, 3);
	struct group_profile prof = {0};
	group_profile_compute(&wb, &wb.groups[0], &prof);
	NEAR(prof.extra[S][19], 0);
	NEAR(prof.extra[S][24], 20000);
	NEAR(prof.extra[S][25], 30000);
	NEAR(prof.extra[S][28], 25000);
	NEAR(prof.extra[S][30], 30000);
	NEAR(prof.extra[S][31], 0);
	NEAR(prof.extra[K][25], 0);
	NEAR(prof.extra_total[28], 25000);

	struct measure m = measure_of("g");
	m.participants = 1;
	m.success_rate = 1.0;
	m.start_age = 24;
	workbook_add_measure(&wb, &m);
	const struct result *r = compute(&p, &wb);
	/* ages 24..31: 20 000, 30 000 ×3, 25 000 ×2, 30 000, 0 = 190 000. */
	NEAR(r->years[0].saving[S], 20000);
	NEAR(r->years[1].saving[S], 30000);
	NEAR(r->years[4].saving[S], 25000);
	NEAR(r->years[6].saving[S], 30000);
	NEAR(r->years[7].saving[S], 0);
	NEAR(r->pv_saving, 190000);
	projection_free(&p);
	workbook_free(&wb);
}

Test(projection, flat_discounting_and_break_even_that_differ)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 4, DISCOUNT_FLAT, 0.10);
	struct cost_item items[] = {item_of(S, 550, UNIT_NOK, 17, 19)};
	wb_group(&wb, "g", items, 1);
	struct measure m = measure_of("g");
	m.participants = 1;
	m.duration = 1;
	m.cost_per_participant = 1000;
	m.success_rate = 1.0;
	workbook_add_measure(&wb, &m);
	const struct result *r = compute(&p, &wb);
	/* cost 1 000 at t = 0; saving 550 at t = 1, 2, 3 (ages 17–19).
	 * undiscounted cum: −1 000, −450, +100, +650 → 2032.
	 * discounted: −1 000; +550/1,1 = 500 → −500; +550/1,21 = 454,545… →
	 * −45,45…; +550/1,331 = 413,223… → +367,768… → 2033. */
	NEAR(year_of(r, 1).df, 1 / 1.1);
	NEAR(year_of(r, 2).cum_net_discounted, -1000 + 500 + 550 / 1.21);
	cr_assert_eq(r->break_even_year_undiscounted, 2032);
	cr_assert_eq(r->break_even_year, 2033);
	NEAR(r->pv_cost, 1000);
	NEAR(r->pv_saving, 500 + 550 / 1.21 + 550 / 1.331);
	NEAR(r->npv, -1000 + 500 + 550 / 1.21 + 550 / 1.331);

	/* One year shorter: discounted never reaches 0, undiscounted does. */
	wb.params.horizon = 3;
	cr_assert_eq(projection_compute(&p, &wb), 0);
	r = &p.measures[0];
	cr_assert(r->has_break_even_year_undiscounted);
	cr_assert_eq(r->break_even_year_undiscounted, 2032);
	cr_assert_not(r->has_break_even_year);
	projection_free(&p);
	workbook_free(&wb);
}

Test(projection, r109_pv_across_the_40_year_step)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 45, DISCOUNT_R109, 0);
	/* 1 000 for stat at age 56 and 57 only: t = 40 and 41 from age 16. */
	struct cost_item items[] = {item_of(S, 1000, UNIT_NOK, 56, 57)};
	wb_group(&wb, "g", items, 1);
	struct measure m = measure_of("g");
	m.participants = 1;
	m.success_rate = 1.0;
	m.cost_per_participant = 0;
	workbook_add_measure(&wb, &m);
	const struct result *r = compute(&p, &wb);
	/* DF(40) = 1,04^-40 = 0,2082890446629414; DF(41) = DF(40)/1,03 =
	 * 0,2022223734591664.  pv = 1 000·(DF(40) + DF(41)). */
	NEAR(r->pv_saving, 1000 * (0.208289044662941417785862503548 +
				   0.202222373459166425034817964610));
	projection_free(&p);
	workbook_free(&wb);
}

Test(projection, cumulative_that_crosses_and_recrosses_zero)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 6, DISCOUNT_NONE, 0);
	/* N = 1, p = 1, from age 16: +200 at 17, −300 at 19, +500 at 21. */
	struct cost_item items[] = {
		item_of(K, 200, UNIT_NOK, 17, 17),
		item_of(K, -300, UNIT_NOK, 19, 19),
		item_of(K, 500, UNIT_NOK, 21, 21),
	};
	wb_group(&wb, "g", items, 3);
	struct measure m = measure_of("g");
	m.participants = 1;
	m.duration = 1;
	m.cost_per_participant = 100;
	m.success_rate = 1.0;
	workbook_add_measure(&wb, &m);
	const struct result *r = compute(&p, &wb);
	/* cum: −100, +100, +100, −200, −200, +300.  It is ≥ 0 in 2031 but
	 * falls back; it stays ≥ 0 only from t = 5: 2035. */
	NEAR(year_of(r, 1).cum_net, 100);
	NEAR(year_of(r, 3).cum_net, -200);
	NEAR(year_of(r, 5).cum_net, 300);
	cr_assert_eq(r->break_even_year_undiscounted, 2035);
	cr_assert_eq(r->break_even_year, 2035);

	/* Cost 100,5 and +200 at 21: cum −100,5, 99,5, 99,5, −200,5, −200,5,
	 * −0,5.  A hair short of 0 is still short: no break-even. */
	wb.measures[0].cost_per_participant = 100.5;
	wb.groups[0].items[2].amount = 200;
	projection_compute(&p, &wb);
	NEAR(year_of(&p.measures[0], 5).cum_net, -0.5);
	cr_assert_not(p.measures[0].has_break_even_year_undiscounted);
	wb.measures[0].cost_per_participant = 100;
	wb.groups[0].items[2].amount = 500;

	/* Five years only: it ends at −200, so there is no break-even. */
	wb.params.horizon = 5;
	cr_assert_eq(projection_compute(&p, &wb), 0);
	cr_assert_not(p.measures[0].has_break_even_year);
	cr_assert_not(p.measures[0].has_break_even_year_undiscounted);
	projection_free(&p);
	workbook_free(&wb);
}

Test(projection, zero_cost_has_no_bcr_or_flows)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 10, DISCOUNT_NONE, 0);
	standard_group(&wb);
	struct measure m = measure_of("g");
	m.cost_per_participant = 0;
	workbook_add_measure(&wb, &m);
	const struct result *r = compute(&p, &wb);
	NEAR(r->pv_cost, 0);
	NEAR(r->pv_saving, 1300000);
	cr_assert_not(r->has_bcr);
	cr_assert_not(r->has_flows);
	/* Nothing costs anything in the horizon: no break-even year (v2). */
	cr_assert_not(r->has_break_even_year);
	cr_assert_not(r->has_break_even_year_undiscounted);
	/* p* = 0 / positive = 0: any success rate pays. */
	cr_assert(r->has_break_even_success_rate);
	NEAR(r->break_even_success_rate, 0);
	projection_free(&p);
	workbook_free(&wb);
}

Test(projection, success_rate_zero_still_has_p_star)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 10, DISCOUNT_NONE, 0);
	standard_group(&wb);
	struct measure m = measure_of("g");
	m.success_rate = 0;
	workbook_add_measure(&wb, &m);
	const struct result *r = compute(&p, &wb);
	NEAR(r->pv_saving, 0);
	NEAR(r->npv, -100000);
	NEAR(r->bcr, 0);
	/* p* does not depend on p: 100 000 / 2 600 000 as in the basic case. */
	cr_assert(r->has_break_even_success_rate);
	NEAR(r->break_even_success_rate, 100000.0 / 2600000.0);
	cr_assert_not(r->has_break_even_year);
	projection_free(&p);
	workbook_free(&wb);
}

Test(projection, p_star_above_one_and_empty)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 5, DISCOUNT_NONE, 0);
	struct cost_item items[] = {item_of(F, 100, UNIT_NOK, 16, 20)};
	wb_group(&wb, "g", items, 1);
	struct measure m = measure_of("g");
	m.participants = 1;
	m.duration = 1;
	m.cost_per_participant = 1000;
	workbook_add_measure(&wb, &m);
	const struct result *r = compute(&p, &wb);
	/* p* = 1 000 / (1·5·100) = 2: no success rate pays it back. */
	cr_assert(r->has_break_even_success_rate);
	NEAR(r->break_even_success_rate, 2.0);

	/* Deadweight 1: the denominator is 0, p* is empty. */
	wb.measures[0].deadweight = 1.0;
	projection_update_measure(&p, &wb, 0);
	cr_assert_not(p.measures[0].has_break_even_success_rate);
	/* An item that costs less (negative total): denominator < 0, empty. */
	wb.measures[0].deadweight = 0;
	wb.groups[0].items[0].amount = -100;
	projection_update_group(&p, &wb, 0);
	cr_assert_not(p.measures[0].has_break_even_success_rate);
	projection_free(&p);
	workbook_free(&wb);
}

Test(projection, start_before_base_year_is_sunk)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 4, DISCOUNT_NONE, 0);
	standard_group(&wb);
	struct measure m = measure_of("g");
	m.start_year = 2028; /* s = −2 */
	m.duration = 3;      /* costs in 2028, 2029, 2030: only 2030 counts */
	m.decay = 0.5;
	workbook_add_measure(&wb, &m);
	const struct result *r = compute(&p, &wb);
	NEAR(r->pv_cost, 50000);
	NEAR(r->years[1].cost[K], 0);
	/* t = 0 is age 18 and k = 2: 5·0,25·50 000 = 62 500; t = 1: age 19,
	 * k = 3: 5·0,125·50 000 = 31 250; t = 2: age 20 (stat), k = 4:
	 * 5·0,0625·10 000 = 3 125. */
	NEAR(r->years[0].saving[K], 62500);
	NEAR(r->years[1].saving[K], 31250);
	NEAR(r->years[2].saving[S], 3125);
	projection_free(&p);
	workbook_free(&wb);
}

Test(projection, ages_past_120_and_starts_past_horizon)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 5, DISCOUNT_NONE, 0);
	struct cost_item items[] = {item_of(S, 1000, UNIT_NOK, 100, 120)};
	wb_group(&wb, "g", items, 1);
	struct measure m = measure_of("g");
	m.participants = 1;
	m.success_rate = 1.0;
	m.start_age = 118; /* ages 118..122: extra is 0 from 121 */
	workbook_add_measure(&wb, &m);
	m.start_year = 2040; /* after the horizon: nothing at all */
	workbook_add_measure(&wb, &m);
	compute(&p, &wb);
	NEAR(p.measures[0].pv_saving, 3000);
	NEAR(p.measures[0].years[3].saving[S], 0);
	NEAR(p.measures[1].pv_saving, 0);
	NEAR(p.measures[1].pv_cost, 0);
	projection_free(&p);
	workbook_free(&wb);
}

Test(projection, missing_group_costs_but_saves_nothing)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 10, DISCOUNT_NONE, 0);
	standard_group(&wb);
	struct measure m = measure_of("finnes-ikke");
	workbook_add_measure(&wb, &m);
	const struct result *r = compute(&p, &wb);
	cr_assert_eq(p.measure_group[0], -1);
	NEAR(r->pv_cost, 100000);
	NEAR(r->pv_saving, 0);
	cr_assert_not(r->has_break_even_success_rate);
	projection_free(&p);
	workbook_free(&wb);
}

Test(projection, flows_split_by_payer_and_sum_to_pv_saving)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 10, DISCOUNT_NONE, 0);
	standard_group(&wb);
	struct measure m = measure_of("g");
	m.payer[K].share = 0.25;
	m.payer[F].share = 0.75;
	workbook_add_measure(&wb, &m);
	const struct result *r = compute(&p, &wb);
	/* pv_cost: kommune 25 000, fylkeskommune 75 000 (of 100 000).
	 * flows[payer][b] = pv_saving[b]·pv_cost[payer]/100 000. */
	NEAR(r->by_bearer[F].pv_cost, 75000);
	NEAR(r->flows[K][K], 1000000 * 0.25);
	NEAR(r->flows[F][K], 1000000 * 0.75);
	NEAR(r->flows[F][S], 300000 * 0.75);
	NEAR(r->flows[S][S], 0);
	for (int b = 0; b < BEARER_COUNT; b++) {
		double sum = 0;
		for (int payer = 0; payer < BEARER_COUNT; payer++)
			sum += r->flows[payer][b];
		NEAR(sum, r->by_bearer[b].pv_saving);
	}
	projection_free(&p);
	workbook_free(&wb);
}

/* Unvalidated extremes must stay in bounds (the sanitizer build checks). */
Test(projection, unvalidated_input_stays_in_bounds)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 1000, DISCOUNT_FLAT, -1.0);
	wb.params.base_year = 2147483647;
	struct cost_item items[] = {item_of((enum bearer)9, 1, UNIT_NOK, -50, 500),
				    item_of(S, 1, UNIT_G, -2147483647, 2147483647)};
	wb_group(&wb, "g", items, 2);
	struct measure m = measure_of("g");
	m.start_year = -2147483647;
	m.start_age = 2147483647;
	m.duration = -5;
	m.lag = 2147483647;
	m.effect_years = -3;
	m.participants = -1;
	m.decay = NAN;
	workbook_add_measure(&wb, &m);
	projection_init(&p);
	cr_assert_eq(projection_compute(&p, &wb), 0);
	cr_assert_eq(p.portfolio.year_count, HORIZON_MAX);
	wb.params.horizon = -4;
	cr_assert_eq(projection_compute(&p, &wb), 0);
	cr_assert_eq(p.portfolio.year_count, HORIZON_MIN);
	projection_update_measure(&p, &wb, 0);
	projection_update_measure(&p, &wb, 99); /* out of range: ignored */
	projection_free(&p);
	workbook_free(&wb);
}

Test(projection, compute_reuses_and_frees)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 10, DISCOUNT_NONE, 0);
	standard_group(&wb);
	struct measure m = measure_of("g");
	workbook_add_measure(&wb, &m);
	projection_init(&p);
	cr_assert_eq(projection_compute(&p, &wb), 0);
	cr_assert_eq(p.measure_count, 1);
	workbook_remove_measure(&wb, 0);
	cr_assert_eq(projection_compute(&p, &wb), 0);
	cr_assert_eq(p.measure_count, 0);
	cr_assert_eq(p.portfolio.pv_cost, 0.0);
	cr_assert_eq(p.portfolio.year_count, 10);
	cr_assert_eq(year_of(&p.portfolio, 9).year, 2039);
	projection_free(&p);
	cr_assert_null(p.measures);
	projection_free(&p); /* twice is harmless */
	workbook_free(&wb);
}
