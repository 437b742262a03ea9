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
	NEAR(year_of(pf, 9).cum_net_discounted,
	     year_of(pa, 9).cum_net_discounted + year_of(pb, 9).cum_net_discounted);
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
		NEAR(year_of(a, t).cum_net_discounted, year_of(b, t).cum_net_discounted);
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

/*
 * Cost-item edits of every kind.  A re-projected measure must have the
 * same bits as the full recompute's (projection_update_group() re-projects
 * only the rows an edit can change, and only the measures that reach the
 * changed ages); the portfolio, patched by the changes, agrees to 1e-9
 * relative and holds exactly 0 where the full recompute does.
 */
static void bits_eq(double got, double want, const char *what, size_t i, int t)
{
	cr_assert(memcmp(&got, &want, sizeof got) == 0, "measure %zu, %s (row %d): %.17g, want %.17g",
		  i, what, t, got, want);
}

static void assert_measure_bits(const struct result *a, const struct result *b, size_t i)
{
	bits_eq(a->pv_cost, b->pv_cost, "pv_cost", i, -1);
	bits_eq(a->pv_saving, b->pv_saving, "pv_saving", i, -1);
	bits_eq(a->npv, b->npv, "npv", i, -1);
	cr_assert_eq(a->has_bcr, b->has_bcr);
	bits_eq(a->bcr, b->bcr, "bcr", i, -1);
	cr_assert_eq(a->has_flows, b->has_flows);
	for (int k = 0; k < BEARER_COUNT; k++) {
		bits_eq(a->by_bearer[k].pv_saving, b->by_bearer[k].pv_saving, "by_bearer", i, k);
		for (int j = 0; j < BEARER_COUNT; j++)
			bits_eq(a->flows[k][j], b->flows[k][j], "flows", i, k);
	}
	cr_assert_eq(a->has_break_even_year, b->has_break_even_year);
	cr_assert_eq(a->break_even_year, b->break_even_year);
	cr_assert_eq(a->has_break_even_year_undiscounted, b->has_break_even_year_undiscounted);
	cr_assert_eq(a->break_even_year_undiscounted, b->break_even_year_undiscounted);
	cr_assert_eq(a->has_break_even_success_rate, b->has_break_even_success_rate);
	bits_eq(a->break_even_success_rate, b->break_even_success_rate, "p*", i, -1);
	bits_eq(a->npv_per_participant, b->npv_per_participant, "npv/N", i, -1);
	bits_eq(a->society.pv_services, b->society.pv_services, "services", i, -1);
	bits_eq(a->society.pv_production, b->society.pv_production, "production", i, -1);
	bits_eq(a->society.pv_welfare, b->society.pv_welfare, "welfare", i, -1);
	bits_eq(a->society.npv_society, b->society.npv_society, "npv_society", i, -1);
	cr_assert_eq(a->year_count, b->year_count);
	struct year_cursor ca, cb;
	struct year_row ya, yb;
	year_cursor_start(&ca, a);
	year_cursor_start(&cb, b);
	for (int t = 0; year_cursor_next(&ca, &ya) && year_cursor_next(&cb, &yb); t++) {
		const struct year_row *x = &ya, *y = &yb;
		cr_assert_eq(x->year, y->year);
		bits_eq(x->df, y->df, "df", i, t);
		for (int k = 0; k < BEARER_COUNT; k++) {
			bits_eq(x->cost[k], y->cost[k], "cost", i, t);
			bits_eq(x->saving[k], y->saving[k], "saving", i, t);
		}
		bits_eq(x->net, y->net, "net", i, t);
		bits_eq(x->cum_net, y->cum_net, "cum_net", i, t);
		bits_eq(x->cum_net_discounted, y->cum_net_discounted, "cum_net_d", i, t);
	}
	cr_assert_eq(a->sector_count, b->sector_count);
	for (size_t x = 0; x < a->sector_count; x++) {
		bits_eq(a->by_sector[x].pv_cost, b->by_sector[x].pv_cost, "sector cost", i, (int)x);
		bits_eq(a->by_sector[x].pv_saving, b->by_sector[x].pv_saving, "sector saving", i,
			(int)x);
		for (int row = 0; row < a->plan_count; row++)
			bits_eq(result_plan_saving(a, row, x), result_plan_saving(b, row, x), "plan",
				i, row);
	}
}

/*
 * Patching adds and subtracts whole contributions, so a portfolio cell
 * drifts by rounding of the contributions it has held since its last
 * rebuild, not of its own size (savings of either sign cancel, an item
 * typed from 40 000 down to 1 leaves the rounding of 40 000): the
 * tolerance is 1e-9 relative to the portfolio's scale, the largest
 * Σ |contributions| of any of its saving cells of that kind (rows and plan
 * cells, or present values), and exactly 0 where the full recompute has 0.
 */
static void close_to(double got, double want, double scale, const char *what, int at)
{
	cr_assert(fabs(got - want) <= 1e-9 * fmax(1.0, fmax(fabs(want), scale)),
		  "%s [%d]: %.17g, want %.17g (scale %.3g)", what, at, got, want, scale);
	if (want == 0.0)
		cr_assert_eq(got, 0.0, "%s [%d]: a residue where the full recompute has 0: %.17g",
			     what, at, got);
}

/* The portfolio's scales: the largest Σ |contributions| over enabled
 * measures of a yearly or plan saving cell (`rows`) and of a present value
 * of savings (`pvs`). */
static void portfolio_scales(const struct projection *full, const struct workbook *wb,
			     double *rows, double *pvs)
{
	double row[HORIZON_MAX][BEARER_COUNT] = {{0}}, plan[PLAN_YEARS_MAX][SECTORS_MAX] = {{0}};
	double pv[3 + BEARER_COUNT + SECTORS_MAX] = {0};
	for (size_t i = 0; i < wb->measure_count; i++) {
		const struct result *m = &full->measures[i];
		if (!wb->measures[i].enabled)
			continue;
		pv[0] += fabs(m->society.pv_services);
		pv[1] += fabs(m->society.pv_production);
		pv[2] += fabs(m->society.pv_welfare);
		for (int k = 0; k < BEARER_COUNT; k++) {
			pv[3 + k] += fabs(m->by_bearer[k].pv_saving);
			for (int t = 0; t < m->year_count; t++)
				row[t][k] += fabs(m->years[t].saving[k]);
		}
		for (size_t x = 0; x < m->sector_count; x++) {
			pv[3 + BEARER_COUNT + x] += fabs(m->by_sector[x].pv_saving);
			for (int r = 0; r < m->plan_count; r++)
				plan[r][x] += fabs(result_plan_saving(m, r, x));
		}
	}
	*rows = 0;
	*pvs = 0;
	for (int t = 0; t < HORIZON_MAX; t++)
		for (int k = 0; k < BEARER_COUNT; k++)
			*rows = fmax(*rows, row[t][k]);
	for (int r = 0; r < PLAN_YEARS_MAX; r++)
		for (size_t x = 0; x < SECTORS_MAX; x++)
			*rows = fmax(*rows, plan[r][x]);
	for (size_t k = 0; k < sizeof pv / sizeof pv[0]; k++)
		*pvs = fmax(*pvs, pv[k]);
}

/* The portfolio against the full recompute `full` of the same workbook. */
static void assert_portfolio_close(const struct projection *inc, const struct projection *full,
				   const struct workbook *wb)
{
	const struct result *a = &inc->portfolio, *b = &full->portfolio;
	double rows, pvs;
	portfolio_scales(full, wb, &rows, &pvs);
	close_to(a->pv_saving, b->pv_saving, pvs, "pv_saving", -1);
	close_to(a->npv, b->npv, pvs + fabs(b->pv_cost), "npv", -1);
	NEAR(a->pv_cost, b->pv_cost);
	cr_assert_eq(a->has_bcr, b->has_bcr);
	cr_assert_eq(a->has_flows, b->has_flows);
	close_to(a->society.pv_services, b->society.pv_services, pvs, "services", -1);
	close_to(a->society.pv_production, b->society.pv_production, pvs, "production", -1);
	close_to(a->society.pv_welfare, b->society.pv_welfare, pvs, "welfare", -1);
	for (int k = 0; k < BEARER_COUNT; k++) {
		close_to(a->by_bearer[k].pv_saving, b->by_bearer[k].pv_saving, pvs, "by_bearer", k);
		for (int payer = 0; payer < BEARER_COUNT; payer++)
			close_to(a->flows[payer][k], b->flows[payer][k], pvs, "flows", k);
	}
	for (int t = 0; t < a->year_count; t++)
		for (int k = 0; k < BEARER_COUNT; k++) {
			NEAR(a->years[t].cost[k], b->years[t].cost[k]);
			close_to(a->years[t].saving[k], b->years[t].saving[k], rows, "saving", t);
		}
	for (size_t x = 0; x < a->sector_count; x++) {
		close_to(a->by_sector[x].pv_saving, b->by_sector[x].pv_saving, pvs, "sector", (int)x);
		for (size_t payer = 0; payer < a->sector_count; payer++)
			close_to(result_sector_flow(a, payer, x), result_sector_flow(b, payer, x), pvs,
				 "sector flow", (int)x);
		for (int r = 0; r < a->plan_count; r++)
			close_to(result_plan_saving(a, r, x), result_plan_saving(b, r, x), rows, "plan",
				 r);
	}
}

static const char *const declared_sectors[] = {"kommune-1", "kommune-2", "stat-1",
					       "fylkeskommune-1", "ukjent"};

static struct cost_item random_item(uint64_t *s)
{
	int from = rng_int(s, 0, 90);
	struct cost_item it = item_of((enum bearer)rng_int(s, 0, BEARER_COUNT - 1),
				      (rng_unit(s) - 0.2) * 40000, UNIT_NOK, from,
				      from + rng_int(s, 0, 40));
	it.kind = (enum item_kind)rng_int(s, 0, ITEM_KIND_COUNT - 1);
	if (!item_kind_has_bearer(it.kind))
		it.bearer = BEARER_NONE;
	else if (rng_int(s, 0, 1))
		text_set(it.sector, sizeof it.sector, declared_sectors[rng_int(s, 0, 4)]);
	return it;
}

/* One edit of one item of group g: each field the item form has, or an
 * item added or deleted.  Amounts dominate, as when typing. */
static void random_item_edit(struct target_group *g, uint64_t *s)
{
	int what = rng_int(s, 0, 11);
	if (g->item_count == 0 || what == 10) {
		struct cost_item it = random_item(s);
		target_group_add_item(g, &it);
		return;
	}
	struct cost_item *it = &g->items[rng_int(s, 0, (int)g->item_count - 1)];
	switch (what) {
	case 0: it->from_age = rng_int(s, 0, it->to_age); break;
	case 1: it->to_age = it->from_age + rng_int(s, 0, 50); break;
	case 2:
		if (item_kind_has_bearer(it->kind)) {
			it->bearer = (enum bearer)rng_int(s, 0, BEARER_COUNT - 1);
			it->sector[0] = '\0';
		}
		break;
	case 3:
		if (item_kind_has_bearer(it->kind))
			text_set(it->sector, sizeof it->sector, declared_sectors[rng_int(s, 0, 4)]);
		break;
	case 4:
		it->kind = (enum item_kind)rng_int(s, 0, ITEM_KIND_COUNT - 1);
		if (!item_kind_has_bearer(it->kind))
			it->bearer = BEARER_NONE;
		else if ((unsigned)it->bearer >= BEARER_COUNT)
			it->bearer = BEARER_KOMMUNE;
		break;
	case 5: it->unit = it->unit == UNIT_G ? UNIT_NOK : UNIT_G; it->amount /= 10000; break;
	case 6: it->amount = 0; break;
	case 11:
		target_group_remove_item(g, (size_t)rng_int(s, 0, (int)g->item_count - 1));
		break;
	default: it->amount = (rng_unit(s) - 0.2) * 40000; break;
	}
}

Test(portfolio, cost_item_edits_match_full_recompute)
{
	struct workbook wb;
	uint64_t seed = 0xfeed5eed77ULL;
	wb_setup(&wb, 70, DISCOUNT_R109, 0);
	wb.params.real_growth = 0.01;
	wb.params.plan.years = 5;
	for (size_t k = 0; k < 4; k++) {
		struct sector sec;
		memset(&sec, 0, sizeof sec);
		text_set(sec.id, sizeof sec.id, declared_sectors[k]);
		text_set(sec.name, sizeof sec.name, "Sektor");
		sec.bearer = k < 2 ? BEARER_KOMMUNE : k == 2 ? BEARER_STAT : BEARER_FYLKESKOMMUNE;
		cr_assert_geq(workbook_add_sector(&wb, &sec), 0);
	}
	for (int g = 0; g < 5; g++) {
		struct cost_item items[5];
		for (int i = 0; i < 5; i++)
			items[i] = random_item(&seed);
		char id[16];
		snprintf(id, sizeof id, "g%d", g);
		wb_group(&wb, id, items, 5);
	}
	for (int i = 0; i < 80; i++) {
		struct measure m = measure_of("g0");
		for (int e = 0; e < 6; e++)
			random_edit(&wb, &m, &seed);
		snprintf(m.group_id, sizeof m.group_id, "g%d", i % 6); /* g5: missing */
		m.start_age = rng_int(&seed, 0, 60);
		if (i % 3 == 0)
			measure_payer_set(&m, declared_sectors[rng_int(&seed, 0, 1)], 0.3);
		workbook_add_measure(&wb, &m);
	}
	struct projection inc, full;
	projection_init(&inc);
	projection_init(&full);
	cr_assert_eq(projection_compute(&inc, &wb), 0);
	for (int step = 1; step <= 3000; step++) {
		size_t g = (size_t)rng_int(&seed, 0, (int)wb.group_count - 1);
		random_item_edit(&wb.groups[g], &seed);
		projection_update_group(&inc, &wb, g);
		if (step % 7 == 0) {
			/* Measure edits in between move the sliced rebuild on. */
			size_t index = (size_t)rng_int(&seed, 0, (int)wb.measure_count - 1);
			random_edit(&wb, &wb.measures[index], &seed);
			projection_update_measure(&inc, &wb, index);
		}
		if (step % 60 == 0 || step < 20) {
			cr_assert_eq(projection_compute(&full, &wb), 0);
			for (size_t i = 0; i < wb.measure_count; i++) {
				cr_assert_eq(inc.measure_group[i], full.measure_group[i]);
				assert_measure_bits(&inc.measures[i], &full.measures[i], i);
			}
			assert_portfolio_close(&inc, &full, &wb);
		}
	}
	/* Cost-item edits alone move the sliced rebuild on too: typing one
	 * amount through many values drifts no further than the tolerance. */
	for (int step = 1; step <= 2000; step++) {
		struct target_group *grp = &wb.groups[step % 2];
		if (grp->item_count == 0)
			random_item_edit(grp, &seed);
		grp->items[0].amount = (rng_unit(&seed) - 0.5) * 1e6;
		projection_update_group(&inc, &wb, (size_t)(step % 2));
	}
	cr_assert_eq(projection_compute(&full, &wb), 0);
	for (size_t i = 0; i < wb.measure_count; i++)
		assert_measure_bits(&inc.measures[i], &full.measures[i], i);
	assert_portfolio_close(&inc, &full, &wb);

	/* Every item deleted: every saving cell of the portfolio is exactly 0. */
	for (size_t g = 0; g < wb.group_count; g++) {
		while (wb.groups[g].item_count > 0) {
			target_group_remove_item(&wb.groups[g], 0);
			projection_update_group(&inc, &wb, g);
		}
	}
	cr_assert_eq(projection_compute(&full, &wb), 0);
	for (size_t i = 0; i < wb.measure_count; i++)
		assert_measure_bits(&inc.measures[i], &full.measures[i], i);
	assert_portfolio_close(&inc, &full, &wb);
	cr_assert_eq(inc.portfolio.pv_saving, 0.0);
	projection_free(&inc);
	projection_free(&full);
	workbook_free(&wb);
}
