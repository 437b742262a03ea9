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
	free(p->sector_pool);
	free(p->sector_results);
	free(p->sector_cells);
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

/*
 * The sector-sized block, for S sectors and P plan years:
 *   sector_pool:    per group S·(AGE_MAX+1) profile rows, then per measure
 *                   2·P·S plan cells (cost, then saving), then the
 *                   portfolio's 2·P·S plan cells and S·S sector flows;
 *   sector_results: S by_sector entries per measure, then the portfolio's;
 *   sector_cells:   the portfolio's contributor counts: by_sector cost and
 *                   saving (2·S), plan (2·P·S), sector flows (S·S).
 * Grown only when the workbook outgrew it; every pointer is re-aimed on
 * each projection_compute().
 */
static int reserve_sectors(struct projection *p, size_t groups, size_t measures)
{
	const size_t S = p->basis.sector_count, P = (size_t)p->basis.plan_count;
	const size_t ages = AGE_MAX + 1;
	size_t pool = groups * S * ages + (measures + 1) * 2 * P * S + S * S;
	size_t results = (measures + 1) * S;
	size_t cells = 2 * S + 2 * P * S + S * S;
	if (pool > p->sector_pool_size) {
		if (grow((void **)&p->sector_pool, pool, sizeof *p->sector_pool) < 0)
			return -1;
		p->sector_pool_size = pool;
	}
	if (results > p->sector_results_size) {
		if (grow((void **)&p->sector_results, results, sizeof *p->sector_results) < 0)
			return -1;
		p->sector_results_size = results;
	}
	if (cells > p->sector_cells_size) {
		if (grow((void **)&p->sector_cells, cells, sizeof *p->sector_cells) < 0)
			return -1;
		p->sector_cells_size = cells;
	}
	double *next = p->sector_pool;
	for (size_t g = 0; g < groups; g++) {
		p->profiles[g].sector_count = S;
		p->profiles[g].sector_extra = (double (*)[AGE_MAX + 1])next;
		next += S * ages;
	}
	for (size_t i = 0; i <= measures; i++) {
		struct result *r = i < measures ? &p->measures[i] : &p->portfolio;
		r->sector_count = S;
		r->by_sector = p->sector_results + i * S;
		r->plan_cost = next;
		r->plan_saving = next + P * S;
		next += 2 * P * S;
		r->sector_flows = NULL;
	}
	p->portfolio.sector_flows = next;
	return 0;
}

/* An empty portfolio with the calendar years and discount factors set. */
static void portfolio_clear(struct projection *p)
{
	struct result *r = &p->portfolio;
	const size_t S = p->basis.sector_count, P = (size_t)p->basis.plan_count;
	struct result keep = *r; /* the array pointers */
	memset(r, 0, sizeof *r);
	r->sector_count = keep.sector_count;
	r->by_sector = keep.by_sector;
	r->plan_cost = keep.plan_cost;
	r->plan_saving = keep.plan_saving;
	r->sector_flows = keep.sector_flows;
	r->plan_count = p->basis.plan_count;
	r->plan_first_year = p->basis.base_year + p->basis.plan_first;
	if (r->by_sector != NULL) {
		memset(r->by_sector, 0, S * sizeof *r->by_sector);
		memset(r->plan_cost, 0, P * S * sizeof *r->plan_cost);
		memset(r->plan_saving, 0, P * S * sizeof *r->plan_saving);
		memset(r->sector_flows, 0, S * S * sizeof *r->sector_flows);
		memset(p->sector_cells, 0, (2 * S + 2 * P * S + S * S) * sizeof *p->sector_cells);
	}
	memset(p->portfolio_cells, 0, sizeof p->portfolio_cells);
	memset(p->flow_sum, 0, sizeof p->flow_sum);
	memset(p->flow_cells, 0, sizeof p->flow_cells);
	memset(p->society_sum, 0, sizeof p->society_sum);
	memset(p->society_cells, 0, sizeof p->society_cells);
	p->flows_measures = 0;
	r->year_count = p->basis.horizon;
	for (int t = 0; t < r->year_count; t++) {
		r->years[t].year = p->basis.base_year + t;
		r->years[t].df = p->basis.df[t];
	}
}

/*
 * A summed cell and its count of contributors: a cell nobody contributes
 * to is exactly 0 (see portfolio_cells in projection.h).  `remove` is a
 * constant at every call, so each caller gets its own branch-free copy.
 */
static inline __attribute__((always_inline)) void cell_apply(double *v, unsigned *count,
							       double x, bool remove)
{
	if (!remove) {
		*v += x;
		*count += x != 0.0;
	} else if (x != 0.0) {
		unsigned left = --*count;
		*v = left ? *v - x : 0.0;
	}
}

/*
 * Add (or remove) one measure's whole-horizon values other than its yearly
 * rows: bearer flows, society PVs, and the sector cells.  The values are
 * read from the cached measure result and computed the same way both
 * times, so removing subtracts exactly what adding added.
 * O(S + P·S + paying sectors · S).
 */
static inline __attribute__((always_inline)) void
portfolio_apply_totals(struct projection *p, const struct result *m, bool remove)
{
	if (m->has_flows) {
		p->flows_measures += remove ? -1u : 1u;
		for (int payer = 0; payer < BEARER_COUNT; payer++)
			for (int b = 0; b < BEARER_COUNT; b++)
				cell_apply(&p->flow_sum[payer][b], &p->flow_cells[payer][b],
					   m->flows[payer][b], remove);
	}
	cell_apply(&p->society_sum[0], &p->society_cells[0], m->society.pv_services, remove);
	cell_apply(&p->society_sum[1], &p->society_cells[1], m->society.pv_production, remove);
	cell_apply(&p->society_sum[2], &p->society_cells[2], m->society.pv_welfare, remove);

	struct result *r = &p->portfolio;
	if (r->by_sector == NULL || m->by_sector == NULL)
		return;
	const size_t S = r->sector_count, P = (size_t)r->plan_count;
	unsigned *cells = p->sector_cells;
	for (size_t x = 0; x < S; x++) {
		cell_apply(&r->by_sector[x].pv_cost, &cells[x], m->by_sector[x].pv_cost, remove);
		cell_apply(&r->by_sector[x].pv_saving, &cells[S + x], m->by_sector[x].pv_saving,
			   remove);
	}
	cells += 2 * S;
	for (size_t i = 0; i < P * S; i++) {
		cell_apply(&r->plan_cost[i], &cells[i], m->plan_cost[i], remove);
		cell_apply(&r->plan_saving[i], &cells[P * S + i], m->plan_saving[i], remove);
	}
	cells += 2 * P * S;
	if (!m->has_flows)
		return;
	/* A measure's sector matrix follows from its by_sector (see
	 * result_sector_flow()); only its paying sectors have rows. */
	for (size_t payer = 0; payer < S; payer++) {
		if (m->by_sector[payer].pv_cost == 0.0)
			continue;
		const double part = m->by_sector[payer].pv_cost / m->pv_cost;
		double *row = &r->sector_flows[payer * S];
		unsigned *row_cells = &cells[payer * S];
		for (size_t x = 0; x < S; x++)
			cell_apply(&row[x], &row_cells[x], m->by_sector[x].pv_saving * part, remove);
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
	portfolio_apply_totals(p, m, false);
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
	portfolio_apply_totals(p, m, true);
}

/*
 * The portfolio's totals from its rows and sums; it has no participants
 * and no p*.  Its flows are the sums of its measures' matrices (MODEL.md
 * v2), not a spread of its own totals.
 */
static void portfolio_derive(struct projection *p)
{
	struct result *r = &p->portfolio;
	result_derive(r);
	r->has_flows = p->flows_measures > 0;
	memcpy(r->flows, p->flow_sum, sizeof r->flows);
	r->npv_per_participant = 0.0;
	r->has_break_even_success_rate = false;
	r->break_even_success_rate = 0.0;
	r->society.pv_services = p->society_sum[0];
	r->society.pv_production = p->society_sum[1];
	r->society.pv_welfare = p->society_sum[2];
	society_finish(&r->society, r, p->basis.tax_cost);
	if (r->by_sector != NULL)
		for (size_t x = 0; x < r->sector_count; x++)
			r->by_sector[x].npv = r->by_sector[x].pv_saving - r->by_sector[x].pv_cost;
}

/* The profile index for a measure's group id, or -1. */
static long resolve_group(const struct projection *p, const struct workbook *wb,
			  const struct measure *m)
{
	long g = workbook_find_group(wb, m->group_id);
	return g >= 0 && (size_t)g < p->profile_count ? g : -1;
}

/* Project measure i into `out`; returns its profile index, or -1. */
static long project_into(const struct projection *p, const struct workbook *wb, size_t i,
			 struct result *out)
{
	const struct measure *m = &wb->measures[i];
	long g = resolve_group(p, wb, m);
	measure_project(&p->basis, wb, g >= 0 ? &p->profiles[g] : NULL, m, out);
	return g;
}

static void project_one(struct projection *p, const struct workbook *wb, size_t i)
{
	p->measure_group[i] = project_into(p, wb, i, &p->measures[i]);
}

/*
 * Size the cache for `slots` measure results and compute the basis and
 * the group profiles; the portfolio is left empty.  0 or -1 (out of memory,
 * the cache is then freed).
 */
static int prepare(struct projection *p, const struct workbook *wb, size_t slots)
{
	if (reserve(p, wb->group_count, slots) < 0) {
		projection_free(p);
		return -1;
	}
	p->params = wb->params;
	projection_basis_compute(&p->basis, wb);
	memcpy(p->df, p->basis.df, sizeof p->df);
	if (reserve_sectors(p, wb->group_count, slots) < 0) {
		projection_free(p);
		return -1;
	}
	p->profile_count = wb->group_count;
	for (size_t g = 0; g < wb->group_count; g++)
		group_profile_compute(wb, &wb->groups[g], &p->profiles[g]);
	portfolio_clear(p);
	return 0;
}

int projection_compute_streaming(struct projection *p, const struct workbook *wb)
{
	if (prepare(p, wb, 1) < 0)
		return -1;
	p->streaming = true;
	p->measure_count = 0;
	for (size_t i = 0; i < wb->measure_count; i++) {
		project_into(p, wb, i, &p->measures[0]);
		if (wb->measures[i].enabled)
			portfolio_add(p, &p->measures[0]);
	}
	portfolio_derive(p);
	p->patches_since_sum = 0;
	return 0;
}

const struct result *projection_measure_result(struct projection *p, const struct workbook *wb,
					       size_t i)
{
	if (!p->streaming)
		return &p->measures[i];
	project_into(p, wb, i, &p->measures[0]);
	return &p->measures[0];
}

int projection_compute(struct projection *p, const struct workbook *wb)
{
	if (prepare(p, wb, wb->measure_count) < 0)
		return -1;
	p->streaming = false;
	/* Each measure is added to the portfolio while its rows are in cache. */
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

/* Recompute measure `index` and patch it into the portfolio's sums
 * (the caller derives the portfolio's totals). */
static void patch_one(struct projection *p, const struct workbook *wb, size_t index)
{
	if (p->measure_in_portfolio[index])
		portfolio_remove(p, &p->measures[index]);
	project_one(p, wb, index);
	p->measure_in_portfolio[index] = wb->measures[index].enabled;
	if (p->measure_in_portfolio[index])
		portfolio_add(p, &p->measures[index]);
	p->patches_since_sum++;
}

void projection_update_measure(struct projection *p, const struct workbook *wb, size_t index)
{
	if (index >= p->measure_count || index >= wb->measure_count)
		return;
	patch_one(p, wb, index);
	if (p->patches_since_sum >= PATCHES_PER_SUM)
		projection_sum_portfolio(p, wb);
	else
		portfolio_derive(p);
}

void projection_update_group(struct projection *p, const struct workbook *wb, size_t index)
{
	if (index >= p->profile_count || index >= wb->group_count)
		return;
	group_profile_compute(wb, &wb->groups[index], &p->profiles[index]);
	/* A changed id can attach or detach measures: re-resolve them all. */
	for (size_t i = 0; i < p->measure_count && i < wb->measure_count; i++) {
		long g = resolve_group(p, wb, &wb->measures[i]);
		if (g == (long)index || g != p->measure_group[i])
			patch_one(p, wb, i);
	}
	if (p->patches_since_sum >= PATCHES_PER_SUM)
		projection_sum_portfolio(p, wb);
	else
		portfolio_derive(p);
}

void projection_portfolio_sector_years(const struct projection *p, const struct workbook *wb,
				       double *cost, double *saving, double *kind_saving)
{
	const size_t cells = (size_t)p->basis.horizon * p->basis.sector_count;
	memset(cost, 0, cells * sizeof *cost);
	memset(saving, 0, cells * sizeof *saving);
	memset(kind_saving, 0, (size_t)p->basis.horizon * ITEM_KIND_COUNT * sizeof *kind_saving);
	for (size_t i = 0; i < p->measure_count && i < wb->measure_count; i++) {
		if (!p->measure_in_portfolio[i])
			continue;
		long g = p->measure_group[i];
		measure_sector_years(&p->basis, wb, g >= 0 ? &p->profiles[g] : NULL,
				     &wb->measures[i], cost, saving, kind_saving);
	}
}
