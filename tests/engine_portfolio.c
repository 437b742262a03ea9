/*
 * Tests for the portfolio in engine/projection_cache.c: the sum of enabled
 * measures, exact zeros after patches, and projection_update_measure()
 * agreeing with a full projection_compute() after thousands of random
 * edits (expected values come from the full recompute, whose arithmetic
 * tests/engine_projection.c checks by hand).
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "engine_helpers.h"

#define K BEARER_KOMMUNE
#define F BEARER_FYLKESKOMMUNE
#define S BEARER_STAT

Test(portfolio, sums_enabled_measures_only)
{
	struct workbook wb;
	struct projection p;
	wb_setup(&wb, 10, DISCOUNT_FLAT, 0.04);
	standard_group(&wb);
	struct measure a = measure_of("g");
	struct measure b = measure_of("g");
	b.start_year = 2032;
	b.payer[K].share = 0;
	b.payer[S].share = 1;
	b.lag = 1;
	struct measure off = measure_of("g");
	off.enabled = false;
	off.cost_per_participant = 1e6;
	workbook_add_measure(&wb, &a);
	workbook_add_measure(&wb, &b);
	workbook_add_measure(&wb, &off);
	compute(&p, &wb);
	const struct result *pa = &p.measures[0], *pb = &p.measures[1], *pf = &p.portfolio;
	cr_assert_gt(p.measures[2].pv_cost, 0, "a disabled measure still has its own result");
	for (int t = 0; t < 10; t++)
		for (int k = 0; k < BEARER_COUNT; k++) {
			NEAR(pf->years[t].cost[k], pa->years[t].cost[k] + pb->years[t].cost[k]);
			NEAR(pf->years[t].saving[k],
			     pa->years[t].saving[k] + pb->years[t].saving[k]);
		}
	NEAR(pf->pv_cost, pa->pv_cost + pb->pv_cost);
	NEAR(pf->pv_saving, pa->pv_saving + pb->pv_saving);
	NEAR(pf->npv, pa->npv + pb->npv);
	for (int k = 0; k < BEARER_COUNT; k++)
		NEAR(pf->by_bearer[k].npv, pa->by_bearer[k].npv + pb->by_bearer[k].npv);
	NEAR(pf->years[9].cum_net_discounted,
	     pa->years[9].cum_net_discounted + pb->years[9].cum_net_discounted);
	cr_assert(pf->has_flows);
	for (int k = 0; k < BEARER_COUNT; k++) {
		double sum = 0;
		for (int payer = 0; payer < BEARER_COUNT; payer++)
			sum += pf->flows[payer][k];
		NEAR(sum, pf->by_bearer[k].pv_saving);
	}
	cr_assert_not(pf->has_break_even_success_rate);
	NEAR(pf->npv_per_participant, 0);

	/* Disabling the only costly measures leaves cost cells exactly 0. */
	wb.measures[0].enabled = false;
	projection_update_measure(&p, &wb, 0);
	wb.measures[1].enabled = false;
	projection_update_measure(&p, &wb, 1);
	cr_assert_eq(pf->pv_cost, 0.0);
	cr_assert_eq(pf->pv_saving, 0.0);
	cr_assert_not(pf->has_bcr);
	cr_assert_not(pf->has_flows);
	projection_free(&p);
	workbook_free(&wb);
}

/* xorshift64*: deterministic, so a failure reproduces. */
static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static double rng_unit(uint64_t *s)
{
	return (double)(rng_next(s) >> 11) / 9007199254740992.0;
}

static int rng_int(uint64_t *s, int lo, int hi)
{
	return lo + (int)(rng_next(s) % (uint64_t)(hi - lo + 1));
}

static void random_edit(struct workbook *wb, struct measure *m, uint64_t *s)
{
	switch (rng_int(s, 0, 9)) {
	case 0: m->enabled = !m->enabled; break;
	case 1: m->participants = rng_int(s, 1, 500); break;
	case 2: m->start_year = rng_int(s, 2025, 2060); break;
	case 3: m->cost_per_participant = rng_unit(s) * 100000; break;
	case 4: m->success_rate = rng_unit(s); break;
	case 5: m->deadweight = rng_unit(s) * 0.5; break;
	case 6: m->lag = rng_int(s, 0, 5); m->decay = rng_unit(s) * 0.3; break;
	case 7: m->effect_years = rng_int(s, 0, 30); break;
	case 8:
		snprintf(m->group_id, sizeof m->group_id, "g%d",
			 rng_int(s, 0, (int)wb->group_count)); /* one past: missing */
		break;
	default:
		m->payer[K].share = rng_unit(s);
		m->payer[F].share = (1 - m->payer[K].share) * rng_unit(s);
		m->payer[S].share = 1 - m->payer[K].share - m->payer[F].share;
		break;
	}
}

static void assert_results_match(const struct result *a, const struct result *b)
{
	NEAR(a->pv_cost, b->pv_cost);
	NEAR(a->pv_saving, b->pv_saving);
	NEAR(a->npv, b->npv);
	cr_assert_eq(a->has_bcr, b->has_bcr);
	cr_assert_eq(a->has_flows, b->has_flows);
	for (int k = 0; k < BEARER_COUNT; k++) {
		NEAR(a->by_bearer[k].npv, b->by_bearer[k].npv);
		for (int j = 0; j < BEARER_COUNT; j++)
			NEAR(a->flows[k][j], b->flows[k][j]);
	}
	cr_assert_eq(a->year_count, b->year_count);
	for (int t = 0; t < a->year_count; t++) {
		NEAR(a->years[t].cum_net_discounted, b->years[t].cum_net_discounted);
		for (int k = 0; k < BEARER_COUNT; k++) {
			NEAR(a->years[t].cost[k], b->years[t].cost[k]);
			NEAR(a->years[t].saving[k], b->years[t].saving[k]);
		}
	}
	cr_assert_eq(a->has_break_even_year, b->has_break_even_year);
	cr_assert_eq(a->break_even_year, b->break_even_year);
	cr_assert_eq(a->break_even_year_undiscounted, b->break_even_year_undiscounted);
	cr_assert_eq(a->has_break_even_success_rate, b->has_break_even_success_rate);
	NEAR(a->break_even_success_rate, b->break_even_success_rate);
}

Test(portfolio, incremental_updates_match_full_recompute)
{
	struct workbook wb;
	uint64_t seed = 0x5eed1234abcdULL;
	wb_setup(&wb, 60, DISCOUNT_R109, 0);
	for (int g = 0; g < 5; g++) {
		struct cost_item items[4];
		for (int i = 0; i < 4; i++) {
			int from = rng_int(&seed, 0, 80);
			items[i] = item_of((enum bearer)rng_int(&seed, 0, 2),
					   (rng_unit(&seed) - 0.2) * 50000, UNIT_NOK, from,
					   from + rng_int(&seed, 0, 40));
		}
		char id[16];
		snprintf(id, sizeof id, "g%d", g);
		wb_group(&wb, id, items, 4);
	}
	for (int i = 0; i < 30; i++) {
		struct measure m = measure_of("g0");
		for (int e = 0; e < 6; e++)
			random_edit(&wb, &m, &seed);
		workbook_add_measure(&wb, &m);
	}

	struct projection inc, full;
	projection_init(&inc);
	projection_init(&full);
	cr_assert_eq(projection_compute(&inc, &wb), 0);
	/* 2 500 patches: crosses the re-sum at every 1 024th patch twice. */
	for (int step = 1; step <= 2500; step++) {
		size_t index = (size_t)rng_int(&seed, 0, (int)wb.measure_count - 1);
		random_edit(&wb, &wb.measures[index], &seed);
		projection_update_measure(&inc, &wb, index);
		if (step % 250 == 0 || step == 1023 || step == 1024 || step == 1025) {
			cr_assert_eq(projection_compute(&full, &wb), 0);
			for (size_t i = 0; i < wb.measure_count; i++) {
				cr_assert_eq(inc.measure_group[i], full.measure_group[i]);
				assert_results_match(&inc.measures[i], &full.measures[i]);
			}
			assert_results_match(&inc.portfolio, &full.portfolio);
		}
	}
	/* A group edit recomputes its measures and the portfolio. */
	wb.groups[0].items[0].amount += 12345;
	projection_update_group(&inc, &wb, 0);
	cr_assert_eq(projection_compute(&full, &wb), 0);
	for (size_t i = 0; i < wb.measure_count; i++)
		assert_results_match(&inc.measures[i], &full.measures[i]);
	assert_results_match(&inc.portfolio, &full.portfolio);
	projection_free(&inc);
	projection_free(&full);
	workbook_free(&wb);
}


/* The portfolio's sector cells, which the group sums keep too. */
static void assert_sectors_match(const struct result *a, const struct result *b)
{
	cr_assert_eq(a->sector_count, b->sector_count);
	for (size_t x = 0; x < a->sector_count; x++) {
		NEAR(a->by_sector[x].pv_cost, b->by_sector[x].pv_cost);
		NEAR(a->by_sector[x].pv_saving, b->by_sector[x].pv_saving);
		for (size_t payer = 0; payer < a->sector_count; payer++)
			NEAR(result_sector_flow(a, payer, x), result_sector_flow(b, payer, x));
		for (int row = 0; row < a->plan_count; row++) {
			NEAR(result_plan_cost(a, row, x), result_plan_cost(b, row, x));
			NEAR(result_plan_saving(a, row, x), result_plan_saving(b, row, x));
		}
	}
	NEAR(a->society.npv_society, b->society.npv_society);
}

/*
 * Cost-item edits patch the portfolio by their group's sums alone;
 * interleaved with measure edits (moving measures between groups, to a
 * missing one, disabling them), group renames and the sliced rebuild, the
 * portfolio stays the full recompute's, and when nothing is left in it
 * every cell is exactly 0.
 */
Test(portfolio, group_sums_follow_cost_item_edits)
{
	struct workbook wb;
	uint64_t seed = 0xc0ffee1234ULL;
	wb_setup(&wb, 50, DISCOUNT_FLAT, 0.03);
	wb.params.plan.years = 4;
	for (int g = 0; g < 4; g++) {
		struct cost_item items[3];
		for (int i = 0; i < 3; i++) {
			int from = rng_int(&seed, 0, 60);
			items[i] = item_of((enum bearer)rng_int(&seed, 0, 2),
					   (rng_unit(&seed) - 0.2) * 40000, UNIT_NOK, from,
					   from + rng_int(&seed, 0, 40));
		}
		char id[16];
		snprintf(id, sizeof id, "g%d", g);
		wb_group(&wb, id, items, 3);
	}
	for (int i = 0; i < 40; i++) {
		struct measure m = measure_of("g0");
		snprintf(m.group_id, sizeof m.group_id, "g%d", i % 4);
		for (int e = 0; e < 4; e++)
			random_edit(&wb, &m, &seed);
		workbook_add_measure(&wb, &m);
	}
	struct projection inc, full;
	projection_init(&inc);
	projection_init(&full);
	cr_assert_eq(projection_compute(&inc, &wb), 0);
	for (int step = 1; step <= 600; step++) {
		if (step % 3 == 0) {
			size_t g = (size_t)rng_int(&seed, 0, (int)wb.group_count - 1);
			struct target_group *grp = &wb.groups[g];
			grp->items[rng_int(&seed, 0, (int)grp->item_count - 1)].amount =
				(rng_unit(&seed) - 0.2) * 40000;
			projection_update_group(&inc, &wb, g);
		} else {
			size_t index = (size_t)rng_int(&seed, 0, (int)wb.measure_count - 1);
			random_edit(&wb, &wb.measures[index], &seed);
			projection_update_measure(&inc, &wb, index);
		}
		if (step % 97 == 0) {
			/* A rename detaches the group's measures (their ids no
			 * longer match), renaming back attaches them again. */
			struct target_group *grp = &wb.groups[1];
			grp->id[0] = 'h';
			projection_update_group(&inc, &wb, 1);
			cr_assert_eq(projection_compute(&full, &wb), 0);
			assert_results_match(&inc.portfolio, &full.portfolio);
			grp->id[0] = 'g';
			projection_update_group(&inc, &wb, 1);
		}
		if (step % 50 == 0) {
			cr_assert_eq(projection_compute(&full, &wb), 0);
			for (size_t i = 0; i < wb.measure_count; i++)
				assert_results_match(&inc.measures[i], &full.measures[i]);
			assert_results_match(&inc.portfolio, &full.portfolio);
			assert_sectors_match(&inc.portfolio, &full.portfolio);
		}
	}
	/* Disable everything, half by measure edits, the rest left to a group
	 * edit that sees `enabled` changed: every summed cell is exactly 0. */
	for (size_t i = 0; i < wb.measure_count; i++) {
		wb.measures[i].enabled = false;
		if (i % 2 == 0)
			projection_update_measure(&inc, &wb, i);
	}
	for (size_t g = 0; g < wb.group_count; g++)
		projection_update_group(&inc, &wb, g);
	for (size_t i = 1; i < wb.measure_count; i += 2)
		projection_update_measure(&inc, &wb, i);
	cr_assert_eq(inc.portfolio.pv_cost, 0.0);
	cr_assert_eq(inc.portfolio.pv_saving, 0.0);
	cr_assert_not(inc.portfolio.has_bcr);
	cr_assert_not(inc.portfolio.has_flows);
	for (int t = 0; t < inc.portfolio.year_count; t++)
		for (int k = 0; k < BEARER_COUNT; k++) {
			cr_assert_eq(inc.portfolio.years[t].cost[k], 0.0);
			cr_assert_eq(inc.portfolio.years[t].saving[k], 0.0);
		}
	for (size_t x = 0; x < inc.portfolio.sector_count; x++)
		cr_assert_eq(inc.portfolio.by_sector[x].pv_cost, 0.0);
	projection_free(&inc);
	projection_free(&full);
	workbook_free(&wb);
}
