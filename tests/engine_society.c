/*
 * Hand-computed cases for MODEL.md v2 "The society view":
 *   npv_society = pv_services + pv_production + pv_welfare − pv_cost
 *                 + tax_cost · npv
 * Every case: one item a year from age 16, N = 10, p = 0,5 (5 successes),
 * 100 per participant for one year (pv_cost 1 000), 2 years, tax_cost 0,2,
 * no discounting unless stated.
 */
#include <criterion/criterion.h>

#include "engine/validate.h"
#include "engine_helpers.h"

#define K BEARER_KOMMUNE
#define S BEARER_STAT

static const struct result *items_case(struct workbook *wb, struct projection *p,
					const struct cost_item *items, size_t n)
{
	wb_setup(wb, 2, DISCOUNT_NONE, 0);
	wb->params.tax_cost = 0.2;
	wb_group(wb, "g", items, n);
	struct measure m = measure_of("g");
	m.duration = 1;
	m.cost_per_participant = 100;
	workbook_add_measure(wb, &m);
	struct problems probs;
	problems_clear(&probs);
	cr_assert(validate_workbook(wb, &probs), "valid: %s",
		  probs.count ? probs.list[0].message : "");
	return compute(p, wb);
}

static const struct result *one_item(struct workbook *wb, struct projection *p,
				      struct cost_item it)
{
	return items_case(wb, p, &it, 1);
}

/* Transfers only: budget pv_saving 5 · 1 000 · 2 = 10 000, npv 9 000;
 * society sees no resource: −1 000 + 0,2 · 9 000 = 800. */
Test(society, only_transfers_cancel)
{
	struct workbook wb;
	struct projection p;
	const struct result *r = one_item(&wb, &p, item_kind_of(ITEM_TRANSFER, S, "", 1000, 16, 120));
	NEAR(r->pv_saving, 10000);
	NEAR(r->npv, 9000);
	cr_assert_eq(r->society.pv_services, 0.0);
	cr_assert_eq(r->society.pv_production, 0.0);
	cr_assert_eq(r->society.pv_welfare, 0.0);
	NEAR(r->society.npv_society, -r->pv_cost + 0.2 * r->npv);
	NEAR(r->society.npv_society, 800);
	projection_free(&p);
	workbook_free(&wb);
}

/* Lost tax is a transfer too: the same 800. */
Test(society, only_taxes_cancel)
{
	struct workbook wb;
	struct projection p;
	const struct result *r = one_item(&wb, &p, item_kind_of(ITEM_TAX, S, "", 1000, 16, 120));
	NEAR(r->society.npv_society, 800);
	projection_free(&p);
	workbook_free(&wb);
}

/* Services only: pv_services 10 000; 10 000 − 1 000 + 0,2 · 9 000 = 10 800. */
Test(society, only_services)
{
	struct workbook wb;
	struct projection p;
	const struct result *r = one_item(&wb, &p, item_kind_of(ITEM_SERVICE, K, "", 1000, 16, 120));
	NEAR(r->society.pv_services, 10000);
	NEAR(r->society.npv_society, 10800);
	projection_free(&p);
	workbook_free(&wb);
}

/* Production only: no budget saving (npv −1 000); pv_production 10 000;
 * 10 000 − 1 000 + 0,2 · (−1 000) = 8 800. */
Test(society, only_production)
{
	struct workbook wb;
	struct projection p;
	const struct result *r =
		one_item(&wb, &p, item_kind_of(ITEM_PRODUCTION, BEARER_NONE, "", 1000, 16, 120));
	NEAR(r->pv_saving, 0);
	NEAR(r->npv, -1000);
	NEAR(r->society.pv_production, 10000);
	NEAR(r->society.npv_society, 8800);
	cr_assert_eq(r->by_sector[K].pv_saving, 0.0, "production lands in no sector");
	projection_free(&p);
	workbook_free(&wb);
}

/* A negative service item (the group costs less): pv_services −10 000,
 * npv −11 000; −10 000 − 1 000 + 0,2 · (−11 000) = −13 200. */
Test(society, negative_items)
{
	struct workbook wb;
	struct projection p;
	const struct result *r =
		one_item(&wb, &p, item_kind_of(ITEM_SERVICE, K, "", -1000, 16, 120));
	NEAR(r->society.pv_services, -10000);
	NEAR(r->npv, -11000);
	NEAR(r->society.npv_society, -13200);
	projection_free(&p);
	workbook_free(&wb);
}

/* Growth 10 % on production: 5 000 + 5 500 = 10 500;
 * 10 500 − 1 000 − 200 = 9 300.  With flat 10 % discounting too:
 * 5 000 + 5 500 / 1,1 = 10 000; 10 000 − 1 000 − 200 = 8 800. */
Test(society, growth)
{
	struct workbook wb;
	struct projection p;
	one_item(&wb, &p, item_kind_of(ITEM_PRODUCTION, BEARER_NONE, "", 1000, 16, 120));
	wb.params.real_growth = 0.10;
	projection_compute(&p, &wb);
	NEAR(p.measures[0].society.pv_production, 10500);
	NEAR(p.measures[0].society.npv_society, 9300);
	wb.params.discount.mode = DISCOUNT_FLAT;
	wb.params.discount.rate = 0.10;
	projection_compute(&p, &wb);
	NEAR(p.measures[0].society.pv_production, 10000);
	NEAR(p.measures[0].society.npv_society, 8800);
	projection_free(&p);
	workbook_free(&wb);
}

/* Welfare 1 100 with flat 10 %: 5 500 + 5 500 / 1,1 = 10 500; the cost is
 * in year 0 (undiscounted 1 000): 10 500 − 1 000 − 200 = 9 300.  With no
 * discounting: 11 000 − 1 000 − 200 = 9 800. */
Test(society, flat_and_no_discounting)
{
	struct workbook wb;
	struct projection p;
	one_item(&wb, &p, item_kind_of(ITEM_WELFARE, BEARER_NONE, "", 1100, 16, 120));
	NEAR(p.measures[0].society.pv_welfare, 11000);
	NEAR(p.measures[0].society.npv_society, 9800);
	wb.params.discount.mode = DISCOUNT_FLAT;
	wb.params.discount.rate = 0.10;
	projection_compute(&p, &wb);
	NEAR(p.measures[0].society.pv_welfare, 10500);
	NEAR(p.measures[0].society.npv_society, 9300);
	projection_free(&p);
	workbook_free(&wb);
}

/* The portfolio is the sum: two copies of the services case give 21 600,
 * and a disabled third adds nothing. */
Test(society, portfolio_sums_its_measures)
{
	struct workbook wb;
	struct projection p;
	one_item(&wb, &p, item_kind_of(ITEM_SERVICE, K, "", 1000, 16, 120));
	struct measure m = wb.measures[0];
	workbook_add_measure(&wb, &m);
	m.enabled = false;
	workbook_add_measure(&wb, &m);
	projection_compute(&p, &wb);
	NEAR(p.portfolio.society.pv_services, 20000);
	NEAR(p.portfolio.society.npv_society, 21600);
	wb.measures[1].enabled = false;
	projection_update_measure(&p, &wb, 1);
	NEAR(p.portfolio.society.npv_society, 10800);
	projection_free(&p);
	workbook_free(&wb);
}

/* The workbook's tax_cost, not R-109's 20 %: the transfers case (npv
 * 9 000, pv_cost 1 000) at 0 % is −1 000, at 30 % −1 000 + 2 700 = 1 700,
 * at 100 % 8 000. */
Test(society, tax_cost_is_the_workbooks)
{
	struct workbook wb;
	struct projection p;
	one_item(&wb, &p, item_kind_of(ITEM_TRANSFER, S, "", 1000, 16, 120));
	const double rates[] = {0.0, 0.3, 1.0}, want[] = {-1000, 1700, 8000};
	for (int i = 0; i < 3; i++) {
		wb.params.tax_cost = rates[i];
		projection_compute(&p, &wb);
		NEAR(p.measures[0].society.npv_society, want[i]);
		NEAR(p.portfolio.society.npv_society, want[i]);
	}
	projection_free(&p);
	workbook_free(&wb);
}

/* Services of every bearer count, an item in G is × g_amount (0,01 G of
 * 100 000 = 1 000): kommune 1 000 (in G) + fylkeskommune 500 + stat 500
 * = 2 000 a year, 5 successes, 2 years: pv_services 20 000, npv 19 000,
 * 20 000 − 1 000 + 0,2 · 19 000 = 22 800.  A transfer beside them adds
 * to the budget (npv 29 000) but not to the services:
 * 20 000 − 1 000 + 0,2 · 29 000 = 24 800. */
Test(society, every_bearers_services_and_g_items)
{
	struct workbook wb;
	struct projection p;
	struct cost_item items[] = {
		item_kind_of(ITEM_SERVICE, K, "", 0.01, 16, 120),
		item_kind_of(ITEM_SERVICE, BEARER_FYLKESKOMMUNE, "", 500, 16, 120),
		item_kind_of(ITEM_SERVICE, S, "", 500, 16, 120),
		item_kind_of(ITEM_TRANSFER, S, "", 1000, 16, 120),
	};
	items[0].unit = UNIT_G;
	const struct result *r = items_case(&wb, &p, items, 3);
	NEAR(r->society.pv_services, 20000);
	NEAR(r->npv, 19000);
	NEAR(r->society.npv_society, 22800);
	projection_free(&p);
	workbook_free(&wb);
	r = items_case(&wb, &p, items, 4);
	NEAR(r->society.pv_services, 20000);
	NEAR(r->npv, 29000);
	NEAR(r->society.npv_society, 24800);
	projection_free(&p);
	workbook_free(&wb);
}
