/*
 * engine_uncertainty.c: the tornado and the switching values on cases
 * computed by hand (no discounting, so every present value is a sum).
 *
 * The case "A": the standard group (kommune 50 000 a year at ages 16–19,
 * stat 10 000 at 20–66), horizon 10 (ages 16–25), N = 10, cost 5 000 for
 * 2 years paid by the kommune, p = 0,5, no deadweight or decay:
 *   pv_cost = 10 · 5 000 · 2 = 100 000 (kommune)
 *   Σ_t extra = 4 · 50 000 + 6 · 10 000 = 260 000 per success-year
 *   pv_saving = 10 · 0,5 · 260 000 = 1 300 000 (kommune 1 000 000, stat 300 000)
 *   npv = 1 200 000 (kommune 900 000, stat 300 000)
 */
#include <string.h>

#include "tests/engine_helpers.h"

#include "engine/uncertainty.h"

#define FYLKE BEARER_FYLKESKOMMUNE

static void set_range(struct measure *m, enum range_field f, double low, double high)
{
	m->ranges[f].set = true;
	m->ranges[f].low = low;
	m->ranges[f].high = high;
}

/* Case A with every field ranged; the stat item graded A (spread 0,1),
 * the kommune item C (spread set to 0,2 here). */
static void case_a(struct workbook *wb)
{
	wb_setup(wb, 10, DISCOUNT_NONE, 0.0);
	wb->params.uncertainty.spread[CONFIDENCE_A] = 0.1;
	wb->params.uncertainty.spread[CONFIDENCE_C] = 0.2;
	struct cost_item items[] = {
		item_of(BEARER_KOMMUNE, 0.5, UNIT_G, 16, 19),
		item_of(BEARER_STAT, 10000, UNIT_NOK, 20, 66),
	};
	items[1].confidence = CONFIDENCE_A;
	wb_group(wb, "g", items, 2);
	struct measure m = measure_of("g");
	set_range(&m, RANGE_SUCCESS_RATE, 0.2, 0.6);
	set_range(&m, RANGE_DEADWEIGHT, 0.0, 0.5);
	set_range(&m, RANGE_DECAY, 0.0, 0.5);
	set_range(&m, RANGE_COST_PER_PARTICIPANT, 4000, 7000);
	workbook_add_measure(wb, &m);
}

static void prepared(struct unc_model *u, const struct workbook *wb)
{
	unc_model_init(u);
	cr_assert_eq(unc_model_prepare(u, wb), 0);
}

Test(uncertainty, point_npv_matches_the_projection)
{
	struct workbook wb;
	case_a(&wb);
	struct unc_model u;
	prepared(&u, &wb);
	NEAR(u.measures[0].point_npv[UNC_TOTAL], 1200000);
	NEAR(u.measures[0].point_npv[BEARER_KOMMUNE], 900000);
	NEAR(u.measures[0].point_npv[FYLKE], 0);
	NEAR(u.measures[0].point_npv[BEARER_STAT], 300000);
	unc_model_free(&u);
	workbook_free(&wb);
}

Test(uncertainty, measure_tornado_ends)
{
	struct workbook wb;
	case_a(&wb);
	struct unc_model u;
	prepared(&u, &wb);
	struct tornado_entry e[TORNADO_MEASURE_MAX];
	size_t n = tornado_measure(&u, 0, e);
	cr_assert_eq(n, 5);

	/* success_rate 0,2 / 0,6: p · 2 600 000 − 100 000. */
	cr_assert_eq(e[0].input, RANGE_SUCCESS_RATE);
	cr_assert_eq(e[0].measure, 0);
	cr_assert_eq(e[0].group, -1);
	NEAR(e[0].low, 0.2);
	NEAR(e[0].high, 0.6);
	NEAR(e[0].npv_low[UNC_TOTAL], 420000);
	NEAR(e[0].npv_high[UNC_TOTAL], 1460000);
	NEAR(e[0].npv_low[BEARER_KOMMUNE], 0.2 * 2000000 - 100000);
	NEAR(e[0].npv_high[BEARER_STAT], 0.6 * 600000);

	/* deadweight 0 / 0,5: the point NPV, then half the saving. */
	cr_assert_eq(e[1].input, RANGE_DEADWEIGHT);
	NEAR(e[1].npv_low[UNC_TOTAL], 1200000);
	NEAR(e[1].npv_high[UNC_TOTAL], 550000);

	/* decay 0 / 0,5: successes 5 · 0,5^t; kommune 250 000 · (1 + ½ + ¼ + ⅛)
	 * = 468 750, stat 50 000 · (½^4 + … + ½^9) = 6 152,34375. */
	cr_assert_eq(e[2].input, RANGE_DECAY);
	NEAR(e[2].npv_low[UNC_TOTAL], 1200000);
	NEAR(e[2].npv_high[UNC_TOTAL], 468750 + 6152.34375 - 100000);
	NEAR(e[2].npv_high[BEARER_STAT], 6152.34375);

	/* cost 4 000 / 7 000: 1 300 000 − 20 · c. */
	cr_assert_eq(e[3].input, RANGE_COST_PER_PARTICIPANT);
	NEAR(e[3].npv_low[UNC_TOTAL], 1220000);
	NEAR(e[3].npv_high[UNC_TOTAL], 1160000);
	NEAR(e[3].npv_high[BEARER_KOMMUNE], 1000000 - 140000);

	/* profile: kommune item × 0,8 / 1,2, stat item × 0,9 / 1,1. */
	cr_assert_eq(e[4].input, UNC_PROFILE);
	cr_assert_eq(e[4].measure, -1);
	cr_assert_eq(e[4].group, 0);
	NEAR(e[4].npv_low[UNC_TOTAL], 800000 + 270000 - 100000);
	NEAR(e[4].npv_high[UNC_TOTAL], 1200000 + 330000 - 100000);
	NEAR(e[4].npv_low[BEARER_KOMMUNE], 700000);
	NEAR(e[4].npv_high[BEARER_STAT], 330000);
	unc_model_free(&u);
	workbook_free(&wb);
}

Test(uncertainty, measure_without_ranges_has_only_its_profile)
{
	struct workbook wb;
	wb_setup(&wb, 10, DISCOUNT_NONE, 0.0);
	standard_group(&wb);
	struct measure m = measure_of("g");
	workbook_add_measure(&wb, &m);
	struct unc_model u;
	prepared(&u, &wb);
	struct tornado_entry e[TORNADO_MEASURE_MAX];
	cr_assert_eq(tornado_measure(&u, 0, e), 1);
	cr_assert_eq(e[0].input, UNC_PROFILE);
	unc_model_free(&u);
	workbook_free(&wb);
}

/* Portfolio: A, then B (20 participants, success ranged 0,4–0,5), then a
 * disabled C with ranges on a group "h" that no enabled measure uses. */
Test(uncertainty, portfolio_tornado_order_and_sums)
{
	struct workbook wb;
	case_a(&wb);
	struct cost_item h_items[] = {item_of(BEARER_STAT, 1000, UNIT_NOK, 0, 120)};
	wb_group(&wb, "h", h_items, 1);
	struct measure b = measure_of("g");
	b.participants = 20;
	set_range(&b, RANGE_SUCCESS_RATE, 0.4, 0.5);
	workbook_add_measure(&wb, &b);
	struct measure c = measure_of("h");
	c.enabled = false;
	set_range(&c, RANGE_DEADWEIGHT, 0.0, 0.3);
	workbook_add_measure(&wb, &c);

	struct unc_model u;
	prepared(&u, &wb);
	cr_assert_geq(tornado_portfolio_max(&u), 6);
	struct tornado_entry e[16];
	size_t n = tornado_portfolio(&u, e);
	cr_assert_eq(n, 6);
	for (int f = 0; f < 4; f++) {
		cr_assert_eq(e[f].measure, 0);
		cr_assert_eq(e[f].input, f);
	}
	cr_assert_eq(e[4].measure, 1);
	cr_assert_eq(e[4].input, RANGE_SUCCESS_RATE);
	cr_assert_eq(e[5].input, UNC_PROFILE);
	cr_assert_eq(e[5].group, 0);

	/* B's point NPV is 2 400 000; A's success-rate low end 420 000. */
	NEAR(e[0].npv_low[UNC_TOTAL], 420000 + 2400000);
	/* B at p = 0,4: 0,4 · 5 200 000 − 200 000 = 1 880 000. */
	NEAR(e[4].npv_low[UNC_TOTAL], 1200000 + 1880000);
	NEAR(e[4].npv_high[UNC_TOTAL], 1200000 + 2400000);
	/* Profile low: A 970 000, B 2 · 1 070 000 − 200 000 = 1 940 000. */
	NEAR(e[5].npv_low[UNC_TOTAL], 970000 + 1940000);
	NEAR(e[5].npv_high[UNC_TOTAL], 1430000 + 2 * 1530000 - 200000);

	/* In steps of one measure or group: the same entries, bit for bit. */
	struct tornado_entry stepped[16];
	memset(stepped, 0, sizeof stepped);
	struct tornado_cursor cursor;
	tornado_portfolio_begin(&cursor);
	int steps = 1;
	while (!tornado_portfolio_step(&u, stepped, &cursor, 1))
		steps++;
	cr_assert_geq(steps, 3, "took %d steps", steps);
	cr_assert_eq(cursor.count, n);
	for (size_t k = 0; k < n; k++) {
		cr_assert_eq(stepped[k].measure, e[k].measure);
		cr_assert_eq(stepped[k].input, e[k].input);
		cr_assert(memcmp(stepped[k].npv_low, e[k].npv_low, sizeof e[k].npv_low) == 0);
		cr_assert(memcmp(stepped[k].npv_high, e[k].npv_high, sizeof e[k].npv_high) == 0);
	}
	unc_model_free(&u);
	workbook_free(&wb);
}

Test(uncertainty, growth_and_discounting_enter_the_coefficients)
{
	/* One person, p = 1, no cost: 1 000 a year at every age, 3 years of
	 * 10 % real growth discounted at 5 %: Σ 1 000 · (1,1/1,05)^t. */
	struct workbook wb;
	wb_setup(&wb, 3, DISCOUNT_FLAT, 0.05);
	wb.params.real_growth = 0.1;
	struct cost_item items[] = {item_of(BEARER_KOMMUNE, 1000, UNIT_NOK, 0, 120)};
	wb_group(&wb, "g", items, 1);
	struct measure m = measure_of("g");
	m.participants = 1;
	m.success_rate = 1.0;
	m.cost_per_participant = 0.0;
	workbook_add_measure(&wb, &m);
	struct unc_model u;
	prepared(&u, &wb);
	double q = 1.1 / 1.05;
	NEAR(u.measures[0].point_npv[UNC_TOTAL], 1000 * (1 + q + q * q));
	unc_model_free(&u);
	workbook_free(&wb);
}

Test(uncertainty, society_items_do_not_enter_the_budget_npv)
{
	struct workbook wb;
	wb_setup(&wb, 10, DISCOUNT_NONE, 0.0);
	struct cost_item items[] = {
		item_of(BEARER_KOMMUNE, 0.5, UNIT_G, 16, 19),
		item_of(BEARER_STAT, 10000, UNIT_NOK, 20, 66),
		item_of(BEARER_STAT, 99999, UNIT_NOK, 0, 120),
	};
	items[2].kind = ITEM_PRODUCTION;
	items[2].bearer = BEARER_NONE;
	wb_group(&wb, "g", items, 3);
	struct measure m = measure_of("g");
	workbook_add_measure(&wb, &m);
	struct unc_model u;
	prepared(&u, &wb);
	NEAR(u.measures[0].point_npv[UNC_TOTAL], 1200000);
	cr_assert_eq(u.item_count, 3); /* it still takes a uniform */
	unc_model_free(&u);
	workbook_free(&wb);
}

/* ---- switching values ------------------------------------------------ */

static void switching_of(struct workbook *wb, struct switching_values *sv)
{
	struct projection p;
	const struct result *r = compute(&p, wb);
	switching_values(&wb->measures[0], r, sv);
	projection_free(&p);
}

Test(switching, case_a_values)
{
	struct workbook wb;
	case_a(&wb);
	struct switching_values sv;
	switching_of(&wb, &sv);
	/* p* = 100 000 / (10 · 260 000) = 1/26. */
	cr_assert(sv.has[RANGE_SUCCESS_RATE]);
	NEAR(sv.value[RANGE_SUCCESS_RATE], 1.0 / 26.0);
	/* c · pv_saving / pv_cost = 5 000 · 13 = 65 000. */
	cr_assert(sv.has[RANGE_COST_PER_PARTICIPANT]);
	NEAR(sv.value[RANGE_COST_PER_PARTICIPANT], 65000);
	/* 1 − (1 − 0) · 100 000 / 1 300 000 = 12/13. */
	cr_assert(sv.has[RANGE_DEADWEIGHT]);
	NEAR(sv.value[RANGE_DEADWEIGHT], 12.0 / 13.0);
	/* 100 000 / 1 300 000. */
	cr_assert(sv.has[UNC_PROFILE]);
	NEAR(sv.value[UNC_PROFILE], 1.0 / 13.0);
	cr_assert_not(sv.has[RANGE_DECAY]);
	workbook_free(&wb);
}

Test(switching, outside_the_allowed_range_is_empty)
{
	/* Cost 200 000: pv_cost = 4 000 000.  p* = 4/2,6 > 1 and the
	 * deadweight 1 − 4/1,3 < 0 are empty; cost (65 000) and profile
	 * (4/1,3 ≈ 3,08, a factor has no upper limit) exist. */
	struct workbook wb;
	case_a(&wb);
	wb.measures[0].cost_per_participant = 200000;
	struct switching_values sv;
	switching_of(&wb, &sv);
	cr_assert_not(sv.has[RANGE_SUCCESS_RATE]);
	cr_assert_not(sv.has[RANGE_DEADWEIGHT]);
	cr_assert(sv.has[RANGE_COST_PER_PARTICIPANT]);
	NEAR(sv.value[RANGE_COST_PER_PARTICIPANT], 65000);
	cr_assert(sv.has[UNC_PROFILE]);
	NEAR(sv.value[UNC_PROFILE], 4.0 / 1.3);
	workbook_free(&wb);
}

Test(switching, negative_saving_gives_no_profile)
{
	/* The group costs less than the population: pv_saving < 0, so no
	 * factor ≥ 0 and no cost ≥ 0 makes npv = 0. */
	struct workbook wb;
	wb_setup(&wb, 10, DISCOUNT_NONE, 0.0);
	struct cost_item items[] = {item_of(BEARER_KOMMUNE, -1000, UNIT_NOK, 0, 120)};
	wb_group(&wb, "g", items, 1);
	struct measure m = measure_of("g");
	workbook_add_measure(&wb, &m);
	struct switching_values sv;
	switching_of(&wb, &sv);
	cr_assert_not(sv.has[UNC_PROFILE]);
	cr_assert_not(sv.has[RANGE_COST_PER_PARTICIPANT]);
	cr_assert_not(sv.has[RANGE_SUCCESS_RATE]); /* denominator < 0 */
	/* 1 − 100 000 / (−50 000) = 3: outside 0–1. */
	cr_assert_not(sv.has[RANGE_DEADWEIGHT]);
	workbook_free(&wb);
}

Test(switching, zero_denominators_are_empty)
{
	/* Savings only after the horizon (ages 80–90): pv_saving = 0, so the
	 * deadweight and profile values and p* (denominator 0) are empty; the
	 * cost value is c · 0 / pv_cost = 0. */
	struct workbook wb;
	wb_setup(&wb, 10, DISCOUNT_NONE, 0.0);
	struct cost_item items[] = {item_of(BEARER_KOMMUNE, 1000, UNIT_NOK, 80, 90)};
	wb_group(&wb, "g", items, 1);
	struct measure m = measure_of("g");
	workbook_add_measure(&wb, &m);
	struct switching_values sv;
	switching_of(&wb, &sv);
	cr_assert_not(sv.has[RANGE_SUCCESS_RATE]);
	cr_assert_not(sv.has[RANGE_DEADWEIGHT]);
	cr_assert_not(sv.has[UNC_PROFILE]);
	cr_assert(sv.has[RANGE_COST_PER_PARTICIPANT]);
	cr_assert_eq(sv.value[RANGE_COST_PER_PARTICIPANT], 0.0);

	/* No cost at all: pv_cost = 0 leaves the cost value empty; p* and the
	 * profile factor are 0 (npv = 0 with no saving). */
	workbook_free(&wb);
	case_a(&wb);
	wb.measures[0].cost_per_participant = 0.0;
	switching_of(&wb, &sv);
	cr_assert_not(sv.has[RANGE_COST_PER_PARTICIPANT]);
	cr_assert(sv.has[UNC_PROFILE]);
	cr_assert_eq(sv.value[UNC_PROFILE], 0.0);
	cr_assert(sv.has[RANGE_SUCCESS_RATE]);
	cr_assert_eq(sv.value[RANGE_SUCCESS_RATE], 0.0);
	cr_assert(sv.has[RANGE_DEADWEIGHT]);
	cr_assert_eq(sv.value[RANGE_DEADWEIGHT], 1.0);
	workbook_free(&wb);
}
