/*
 * projection_cache.c: `struct projection`, the cache of every measure's
 * result and of the portfolio, and the incremental patch that keeps a
 * keystroke in one measure O(horizon).
 *
 * Invariants between calls:
 *   - portfolio.years[t].cost/saving[b] is the sum of those cells over the
 *     measures i with measure_in_portfolio[i], give or take rounding that
 *     projection_sum_portfolio() resets at least every 1024 patches;
 *   - portfolio_cells counts those measures' non-zero cells, and a cell
 *     with count 0 holds exactly 0;
 *   - the portfolio's derived fields (PV, flows, break-even) match its
 *     rows.
 *
 * Only projection_compute() allocates (when the workbook outgrew the cache).
 *
 * Must never: do I/O, or allocate in projection_update_measure().
 */
#include "engine/projection.h"

#include <stdlib.h>
#include <string.h>

#include "engine/discount.h"
#include "engine/result.h"

/* Re-sum the portfolio from scratch every this many patches (drift). */
#define PATCHES_PER_SUM 1024

static int clamp_horizon(int h)
{
	return h < HORIZON_MIN ? HORIZON_MIN : (h > HORIZON_MAX ? HORIZON_MAX : h);
}

void projection_init(struct projection *p)
{
	memset(p, 0, sizeof *p);
	workbook_params_defaults(&p->params);
}

void projection_free(struct projection *p)
{
	free(p->profiles);
	free(p->measure_group);
	free(p->measures);
	free(p->measure_in_portfolio);
	projection_init(p);
}

/* Grow *array to `need` elements; the caller updates the capacity. */
static int grow(void **array, size_t need, size_t size)
{
	void *grown = realloc(*array, need * size);
	if (grown == NULL)
		return -1;
	*array = grown;
	return 0;
}

static int reserve(struct projection *p, size_t groups, size_t measures)
{
	if (groups > p->profile_capacity) {
		if (grow((void **)&p->profiles, groups, sizeof *p->profiles) < 0)
			return -1;
		p->profile_capacity = groups;
	}
	if (measures > p->measure_capacity) {
		/* Capacity is raised only once all three arrays have grown. */
		if (grow((void **)&p->measures, measures, sizeof *p->measures) < 0 ||
		    grow((void **)&p->measure_group, measures, sizeof *p->measure_group) < 0 ||
		    grow((void **)&p->measure_in_portfolio, measures,
			 sizeof *p->measure_in_portfolio) < 0)
			return -1;
		p->measure_capacity = measures;
	}
	return 0;
}

/* An empty portfolio with the calendar years and discount factors set. */
static void portfolio_clear(struct projection *p)
{
	struct result *r = &p->portfolio;
	int horizon = clamp_horizon(p->params.horizon);
	/* As in measure_project(): an unvalidated year cannot overflow. */
	int base_year = p->params.base_year;
	if (base_year < YEAR_MIN - 1000)
		base_year = YEAR_MIN - 1000;
	if (base_year > YEAR_MAX + 1000)
		base_year = YEAR_MAX + 1000;
	memset(r, 0, sizeof *r);
	memset(p->portfolio_cells, 0, sizeof p->portfolio_cells);
	r->year_count = horizon;
	for (int t = 0; t < horizon; t++) {
		r->years[t].year = base_year + t;
		r->years[t].df = p->df[t];
	}
}

/*
 * Add one measure's rows.  Branch-free: a cell that held exactly 0 still
 * does after adding 0, so only the counts need the comparison.
 */
static void portfolio_add(struct projection *p, const struct result *m)
{
	struct year_row *restrict rows = p->portfolio.years;
	const struct year_row *restrict src = m->years;
	unsigned (*restrict cost_cells)[BEARER_COUNT] = p->portfolio_cells[0];
	unsigned (*restrict saving_cells)[BEARER_COUNT] = p->portfolio_cells[1];
	int n = p->portfolio.year_count;
	for (int t = 0; t < n; t++) {
		for (int b = 0; b < BEARER_COUNT; b++) {
			double c = src[t].cost[b];
			double s = src[t].saving[b];
			rows[t].cost[b] += c;
			rows[t].saving[b] += s;
			cost_cells[t][b] += c != 0.0;
			saving_cells[t][b] += s != 0.0;
		}
	}
}

/* Remove one measure's rows; a cell left with no contributor is set to 0. */
static void portfolio_remove(struct projection *p, const struct result *m)
{
	struct year_row *rows = p->portfolio.years;
	int n = p->portfolio.year_count;
	for (int t = 0; t < n; t++) {
		for (int b = 0; b < BEARER_COUNT; b++) {
			double c = m->years[t].cost[b];
			double s = m->years[t].saving[b];
			if (c != 0.0) {
				unsigned left = --p->portfolio_cells[0][t][b];
				rows[t].cost[b] = left ? rows[t].cost[b] - c : 0.0;
			}
			if (s != 0.0) {
				unsigned left = --p->portfolio_cells[1][t][b];
				rows[t].saving[b] = left ? rows[t].saving[b] - s : 0.0;
			}
		}
	}
}

/* The portfolio's totals; it has no participants and no p*. */
static void portfolio_derive(struct projection *p)
{
	result_derive(&p->portfolio);
	p->portfolio.npv_per_participant = 0.0;
	p->portfolio.has_break_even_success_rate = false;
	p->portfolio.break_even_success_rate = 0.0;
}

/* The profile index for a measure's group id, or -1. */
static long resolve_group(const struct projection *p, const struct workbook *wb,
			  const struct measure *m)
{
	long g = workbook_find_group(wb, m->group_id);
	return g >= 0 && (size_t)g < p->profile_count ? g : -1;
}

static void project_one(struct projection *p, const struct workbook *wb, size_t i)
{
	const struct measure *m = &wb->measures[i];
	long g = resolve_group(p, wb, m);
	p->measure_group[i] = g;
	measure_project(&p->params, p->df, g >= 0 ? &p->profiles[g] : NULL, m, &p->measures[i]);
}

int projection_compute(struct projection *p, const struct workbook *wb)
{
	if (reserve(p, wb->group_count, wb->measure_count) < 0) {
		projection_free(p);
		return -1;
	}
	p->params = wb->params;
	discount_factors(&p->params.discount, clamp_horizon(p->params.horizon), p->df);

	p->profile_count = wb->group_count;
	for (size_t g = 0; g < wb->group_count; g++)
		group_profile_compute(&wb->groups[g], p->params.g_amount, &p->profiles[g]);

	/* Each measure is added to the portfolio while its rows are in cache. */
	portfolio_clear(p);
	p->measure_count = wb->measure_count;
	for (size_t i = 0; i < wb->measure_count; i++) {
		project_one(p, wb, i);
		p->measure_in_portfolio[i] = wb->measures[i].enabled;
		if (p->measure_in_portfolio[i])
			portfolio_add(p, &p->measures[i]);
	}
	portfolio_derive(p);
	p->patches_since_sum = 0;
	return 0;
}

void projection_sum_portfolio(struct projection *p, const struct workbook *wb)
{
	portfolio_clear(p);
	for (size_t i = 0; i < p->measure_count; i++) {
		p->measure_in_portfolio[i] = i < wb->measure_count && wb->measures[i].enabled;
		if (p->measure_in_portfolio[i])
			portfolio_add(p, &p->measures[i]);
	}
	portfolio_derive(p);
	p->patches_since_sum = 0;
}

void projection_update_measure(struct projection *p, const struct workbook *wb, size_t index)
{
	if (index >= p->measure_count || index >= wb->measure_count)
		return;
	if (p->measure_in_portfolio[index])
		portfolio_remove(p, &p->measures[index]);
	p->measure_in_portfolio[index] = false;

	project_one(p, wb, index);

	if (++p->patches_since_sum >= PATCHES_PER_SUM) {
		projection_sum_portfolio(p, wb);
		return;
	}
	p->measure_in_portfolio[index] = wb->measures[index].enabled;
	if (p->measure_in_portfolio[index])
		portfolio_add(p, &p->measures[index]);
	portfolio_derive(p);
}

void projection_update_group(struct projection *p, const struct workbook *wb, size_t index)
{
	if (index >= p->profile_count || index >= wb->group_count)
		return;
	group_profile_compute(&wb->groups[index], p->params.g_amount, &p->profiles[index]);
	/* A changed id can attach or detach measures: re-resolve them all. */
	for (size_t i = 0; i < p->measure_count && i < wb->measure_count; i++) {
		long g = resolve_group(p, wb, &wb->measures[i]);
		if (g == (long)index || g != p->measure_group[i])
			project_one(p, wb, i);
	}
	projection_sum_portfolio(p, wb);
}
