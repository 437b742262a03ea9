/*
 * projection_cache.c: `struct projection`, the cache of every measure's
 * result and of the portfolio, and the incremental patch that keeps a
 * keystroke in one measure O(horizon).
 *
 * Invariants between calls:
 *   - each group slot of p->sums holds the sums of the measures i with
 *     measure_in_portfolio[i] whose profile is that group (the missing-
 *     group slot: those without one), the total slot those of all of
 *     them, give or take rounding that the sliced rebuild ("Drift" below)
 *     and a cost-item edit that changes a group's sectors or kinds reset;
 *   - every summed cell counts its measures' non-zero contributions, and a
 *     cell with count 0 holds exactly 0;
 *   - the portfolio result's rows and sector cells are the total slot's,
 *     and its derived fields (PV, flows, break-even) match them.
 *
 * Only projection_compute() allocates (when the workbook outgrew the cache).
 *
 * Must never: do I/O, or allocate in projection_update_measure().
 */
#include "engine/projection.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "engine/alloc.h"
#include "engine/discount.h"
#include "engine/result.h"

/*
 * Sums of measure contributions: one group's, the measures' without a
 * group, the portfolio's total, or the slice being rebuilt.  `sector`
 * holds sector_sum_count(S, P) values laid out as by_sector cost [S] and
 * saving [S], plan cost [P·S] and saving [P·S], sector flows [S·S];
 * `sector_cells` their contributor counts.
 */
struct portfolio_sums {
	double cost[HORIZON_MAX][BEARER_COUNT];
	double saving[HORIZON_MAX][BEARER_COUNT];
	unsigned cells[2][HORIZON_MAX][BEARER_COUNT]; /* cost, saving */
	double flow_sum[BEARER_COUNT][BEARER_COUNT];
	unsigned flow_cells[BEARER_COUNT][BEARER_COUNT];
	double society_sum[3]; /* services, production, welfare */
	unsigned society_cells[3];
	unsigned flows_measures; /* measures whose flows are not empty */
	double *sector;
	unsigned *sector_cells;
};

/* Slots after the groups': missing group, total, rebuild, changes (of a
 * cost-item edit, see update_group_ages()). */
#define SLOT_EXTRA 4

static size_t sector_sum_count(size_t S, size_t P)
{
	return 2 * S + 2 * P * S + S * S;
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
	free(p->sector_pool);
	free(p->sector_results);
	free(p->sector_cells);
	free(p->year_pool);
	free(p->sums);
	free(p->group_ids);
	projection_init(p);
}

/* Grow *array to `need` elements; the caller updates the capacity. */
static int grow(void **array, size_t need, size_t size)
{
	void *grown = realloc(*array, need * size);
	if (grown == NULL)
		return -1;
	*array = grown;
	engine_hint_big(grown, need * size);
	return 0;
}

static int reserve(struct projection *p, size_t groups, size_t measures)
{
	/* profiles[groups] is the scratch a cost-item edit computes the
	 * group's new profile into, to compare it with the cached one. */
	if (groups + 1 > p->profile_capacity) {
		if (grow((void **)&p->profiles, groups + 1, sizeof *p->profiles) < 0 ||
		    grow((void **)&p->group_ids, groups + 1, sizeof *p->group_ids) < 0)
			return -1;
		p->profile_capacity = groups + 1;
	}
	if (groups + SLOT_EXTRA > p->sums_capacity) {
		if (grow((void **)&p->sums, groups + SLOT_EXTRA, sizeof *p->sums) < 0)
			return -1;
		p->sums_capacity = groups + SLOT_EXTRA;
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
 * The sector-sized block, for S sectors and P plan years, C =
 * sector_sum_count(S, P):
 *   sector_pool:    per group and for the scratch profile S·(AGE_MAX+1)
 *                   profile rows, then per measure
 *                   2·P·S plan cells (cost, then saving), then the
 *                   portfolio's 2·P·S plan cells and S·S sector flows, then
 *                   C summed values per slot;
 *   sector_results: S by_sector entries per measure, then the portfolio's;
 *   sector_cells:   C contributor counts per slot.
 * Grown only when the workbook outgrew it; every pointer is re-aimed on
 * each projection_compute().
 */
static int reserve_sectors(struct projection *p, size_t groups, size_t measures)
{
	const size_t S = p->basis.sector_count, P = (size_t)p->basis.plan_count;
	const size_t ages = AGE_MAX + 1;
	const size_t C = sector_sum_count(S, P), slots = groups + SLOT_EXTRA;
	size_t pool = (groups + 1) * S * ages + (measures + 1) * 2 * P * S + S * S + slots * C;
	size_t results = (measures + 1) * S;
	size_t cells = slots * C;
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
	for (size_t g = 0; g <= groups; g++) {
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
	next += S * S;
	for (size_t k = 0; k < slots; k++) {
		p->sums[k].sector = next + k * C;
		p->sums[k].sector_cells = p->sector_cells + k * C;
	}
	return 0;
}

/* Horizon rows for each of `measures` results and the portfolio's. */
static int reserve_years(struct projection *p, size_t measures)
{
	const size_t rows = p->basis.horizon > 0 ? (size_t)p->basis.horizon : 1;
	const size_t need = (measures + 1) * rows;
	if (need > p->year_pool_size) {
		if (grow((void **)&p->year_pool, need, sizeof *p->year_pool) < 0)
			return -1;
		p->year_pool_size = need;
	}
	for (size_t i = 0; i < measures; i++)
		p->measures[i].years = p->year_pool + i * rows;
	p->portfolio.years = p->year_pool + measures * rows;
	return 0;
}

static size_t slot_missing(const struct projection *p)
{
	return p->profile_count;
}

static struct portfolio_sums *total_sums(struct projection *p)
{
	return &p->sums[p->profile_count + 1];
}

static struct portfolio_sums *rebuild_sums(struct projection *p)
{
	return &p->sums[p->profile_count + 2];
}

static struct portfolio_sums *change_sums(struct projection *p)
{
	return &p->sums[p->profile_count + 3];
}

/* The slot of a measure whose profile index is g. */
static size_t slot_of(const struct projection *p, long g)
{
	return g >= 0 ? (size_t)g : slot_missing(p);
}

static void sums_clear(const struct projection *p, struct portfolio_sums *s)
{
	double *sector = s->sector;
	unsigned *cells = s->sector_cells;
	memset(s, 0, offsetof(struct portfolio_sums, sector));
	s->sector = sector;
	s->sector_cells = cells;
	size_t n = sector_sum_count(p->basis.sector_count, (size_t)p->basis.plan_count);
	if (n > 0) {
		memset(sector, 0, n * sizeof *sector);
		memset(cells, 0, n * sizeof *cells);
	}
}

/* An empty portfolio result, its years and discount factors those of the basis. */
static void portfolio_clear(struct projection *p)
{
	struct result *r = &p->portfolio;
	struct result keep = *r; /* the array pointers */
	memset(r, 0, sizeof *r);
	r->sector_count = keep.sector_count;
	r->by_sector = keep.by_sector;
	r->plan_cost = keep.plan_cost;
	r->plan_saving = keep.plan_saving;
	r->sector_flows = keep.sector_flows;
	r->years = keep.years;
	r->plan_count = p->basis.plan_count;
	r->plan_first_year = p->basis.base_year + p->basis.plan_first;
	r->year_count = p->basis.horizon;
	r->first_year = p->basis.base_year;
	r->df = p->basis.df;
	memset(r->years, 0, (size_t)r->year_count * sizeof *r->years);
	for (size_t k = 0; k < p->profile_count + SLOT_EXTRA; k++)
		sums_clear(p, &p->sums[k]);
}

/*
 * A summed cell and its count of contributors: a cell nobody contributes
 * to is exactly 0.  `remove` is a constant at every call, so each caller
 * gets its own branch-free copy.
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

/* A change of one summed cell, into a slot of changes: the count may wrap
 * below 0 (unsigned), sums_apply_change() adds it back. */
static inline void change_cell(double *v, unsigned *count, double before, double after)
{
	*v += after - before;
	*count += (unsigned)(after != 0.0) - (unsigned)(before != 0.0);
}

/*
 * A measure's sector matrix into the summed matrix `v` (counts `cells`):
 * it follows from its by_sector (see result_sector_flow()) and only its
 * paying sectors have rows.  Added or removed (`remove`), or, when
 * `before` holds the sectors' pv_saving before a cost-item edit, the
 * change since then (change_cell()).  `before` and `remove` are constants
 * at every call.
 */
static inline __attribute__((always_inline)) void
sector_flows_apply(const struct result *m, size_t S, const double *before, double *v,
		   unsigned *cells, bool remove)
{
	for (size_t payer = 0; payer < S; payer++) {
		if (m->by_sector[payer].pv_cost == 0.0)
			continue;
		const double part = m->by_sector[payer].pv_cost / m->pv_cost;
		for (size_t x = 0; x < S; x++) {
			double after = m->by_sector[x].pv_saving * part;
			if (before != NULL)
				change_cell(&v[payer * S + x], &cells[payer * S + x],
					    before[x] * part, after);
			else
				cell_apply(&v[payer * S + x], &cells[payer * S + x], after, remove);
		}
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
sums_apply_totals(const struct projection *p, struct portfolio_sums *s, const struct result *m,
		  bool remove)
{
	if (m->has_flows) {
		s->flows_measures += remove ? -1u : 1u;
		for (int payer = 0; payer < BEARER_COUNT; payer++)
			for (int b = 0; b < BEARER_COUNT; b++)
				cell_apply(&s->flow_sum[payer][b], &s->flow_cells[payer][b],
					   m->flows[payer][b], remove);
	}
	cell_apply(&s->society_sum[0], &s->society_cells[0], m->society.pv_services, remove);
	cell_apply(&s->society_sum[1], &s->society_cells[1], m->society.pv_production, remove);
	cell_apply(&s->society_sum[2], &s->society_cells[2], m->society.pv_welfare, remove);

	if (p->portfolio.by_sector == NULL || m->by_sector == NULL)
		return;
	const size_t S = p->basis.sector_count, P = (size_t)p->basis.plan_count;
	double *v = s->sector;
	unsigned *cells = s->sector_cells;
	for (size_t x = 0; x < S; x++) {
		cell_apply(&v[x], &cells[x], m->by_sector[x].pv_cost, remove);
		cell_apply(&v[S + x], &cells[S + x], m->by_sector[x].pv_saving, remove);
	}
	v += 2 * S;
	cells += 2 * S;
	for (size_t i = 0; i < P * S; i++) {
		cell_apply(&v[i], &cells[i], m->plan_cost[i], remove);
		cell_apply(&v[P * S + i], &cells[P * S + i], m->plan_saving[i], remove);
	}
	v += 2 * P * S;
	cells += 2 * P * S;
	if (m->has_flows)
		sector_flows_apply(m, S, NULL, v, cells, remove);
}

/*
 * Add one measure's rows.  Branch-free: a cell that held exactly 0 still
 * does after adding 0, so only the counts need the comparison.
 */
static void sums_add(const struct projection *p, struct portfolio_sums *restrict s,
		     const struct result *restrict m)
{
	const struct year_flows *restrict src = m->years;
	int n = p->basis.horizon;
	for (int t = 0; t < n; t++) {
		for (int b = 0; b < BEARER_COUNT; b++) {
			double c = src[t].cost[b];
			double v = src[t].saving[b];
			s->cost[t][b] += c;
			s->saving[t][b] += v;
			s->cells[0][t][b] += c != 0.0;
			s->cells[1][t][b] += v != 0.0;
		}
	}
	sums_apply_totals(p, s, m, false);
}

/* sums_add() into a group's slot and the total at once: the measure's
 * rows are read once (a full recompute and every patch do this). */
static void sums_add_pair(const struct projection *p, struct portfolio_sums *restrict a,
			  struct portfolio_sums *restrict b, const struct result *restrict m)
{
	const struct year_flows *restrict src = m->years;
	int n = p->basis.horizon;
	for (int t = 0; t < n; t++) {
		for (int k = 0; k < BEARER_COUNT; k++) {
			double c = src[t].cost[k];
			double v = src[t].saving[k];
			unsigned cc = c != 0.0, vc = v != 0.0;
			a->cost[t][k] += c;
			a->saving[t][k] += v;
			a->cells[0][t][k] += cc;
			a->cells[1][t][k] += vc;
			b->cost[t][k] += c;
			b->saving[t][k] += v;
			b->cells[0][t][k] += cc;
			b->cells[1][t][k] += vc;
		}
	}
	sums_apply_totals(p, a, m, false);
	sums_apply_totals(p, b, m, false);
}

/* Remove one measure's rows; a cell left with no contributor is set to 0. */
static void sums_remove(const struct projection *p, struct portfolio_sums *s,
			const struct result *m)
{
	int n = p->basis.horizon;
	for (int t = 0; t < n; t++) {
		for (int b = 0; b < BEARER_COUNT; b++) {
			cell_apply(&s->cost[t][b], &s->cells[0][t][b], m->years[t].cost[b], true);
			cell_apply(&s->saving[t][b], &s->cells[1][t][b], m->years[t].saving[b], true);
		}
	}
	sums_apply_totals(p, s, m, true);
}

/* dst += src, values and contributor counts. */
static void sums_merge(const struct projection *p, struct portfolio_sums *restrict dst,
		       const struct portfolio_sums *restrict src)
{
	int n = p->basis.horizon;
	for (int t = 0; t < n; t++)
		for (int b = 0; b < BEARER_COUNT; b++) {
			dst->cost[t][b] += src->cost[t][b];
			dst->saving[t][b] += src->saving[t][b];
			dst->cells[0][t][b] += src->cells[0][t][b];
			dst->cells[1][t][b] += src->cells[1][t][b];
		}
	for (int payer = 0; payer < BEARER_COUNT; payer++)
		for (int b = 0; b < BEARER_COUNT; b++) {
			dst->flow_sum[payer][b] += src->flow_sum[payer][b];
			dst->flow_cells[payer][b] += src->flow_cells[payer][b];
		}
	for (int k = 0; k < 3; k++) {
		dst->society_sum[k] += src->society_sum[k];
		dst->society_cells[k] += src->society_cells[k];
	}
	dst->flows_measures += src->flows_measures;
	size_t cells = sector_sum_count(p->basis.sector_count, (size_t)p->basis.plan_count);
	for (size_t i = 0; i < cells; i++) {
		dst->sector[i] += src->sector[i];
		dst->sector_cells[i] += src->sector_cells[i];
	}
}

/* The total re-summed from the group slots: no drift left in it. */
static void total_from_slots(struct projection *p)
{
	struct portfolio_sums *total = total_sums(p);
	sums_clear(p, total);
	for (size_t k = 0; k <= slot_missing(p); k++)
		sums_merge(p, total, &p->sums[k]);
}

/*
 * The portfolio result from the total: its rows and sector cells, then
 * its totals; it has no participants and no p*.  Its flows are the sums
 * of its measures' matrices (MODEL.md v2), not a spread of its own totals.
 */
static void portfolio_derive(struct projection *p)
{
	struct result *r = &p->portfolio;
	const struct portfolio_sums *s = total_sums(p);
	for (int t = 0; t < r->year_count; t++) {
		memcpy(r->years[t].cost, s->cost[t], sizeof r->years[t].cost);
		memcpy(r->years[t].saving, s->saving[t], sizeof r->years[t].saving);
	}
	result_derive(r);
	r->has_flows = s->flows_measures > 0;
	memcpy(r->flows, s->flow_sum, sizeof r->flows);
	r->npv_per_participant = 0.0;
	r->has_break_even_success_rate = false;
	r->break_even_success_rate = 0.0;
	r->society.pv_services = s->society_sum[0];
	r->society.pv_production = s->society_sum[1];
	r->society.pv_welfare = s->society_sum[2];
	society_finish(&r->society, r, p->basis.tax_cost);
	if (r->by_sector == NULL)
		return;
	const size_t S = r->sector_count, P = (size_t)r->plan_count;
	for (size_t x = 0; x < S; x++) {
		r->by_sector[x].pv_cost = s->sector[x];
		r->by_sector[x].pv_saving = s->sector[S + x];
		r->by_sector[x].npv = r->by_sector[x].pv_saving - r->by_sector[x].pv_cost;
	}
	memcpy(r->plan_cost, s->sector + 2 * S, P * S * sizeof *r->plan_cost);
	memcpy(r->plan_saving, s->sector + 2 * S + P * S, P * S * sizeof *r->plan_saving);
	memcpy(r->sector_flows, s->sector + 2 * S + 2 * P * S, S * S * sizeof *r->sector_flows);
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
	if (reserve_sectors(p, wb->group_count, slots) < 0 || reserve_years(p, slots) < 0) {
		projection_free(p);
		return -1;
	}
	p->profile_count = wb->group_count;
	for (size_t g = 0; g < wb->group_count; g++) {
		group_profile_compute(wb, &wb->groups[g], &p->profiles[g]);
		memcpy(p->group_ids[g], wb->groups[g].id, sizeof p->group_ids[g]);
	}
	portfolio_clear(p);
	p->rebuild_slot = 0;
	p->rebuild_cursor = 0;
	return 0;
}

int projection_compute_streaming(struct projection *p, const struct workbook *wb)
{
	if (prepare(p, wb, 1) < 0)
		return -1;
	p->streaming = true;
	p->measure_count = 0;
	/* Only the total, in measure order: the same bits as
	 * projection_compute()'s portfolio. */
	for (size_t i = 0; i < wb->measure_count; i++) {
		project_into(p, wb, i, &p->measures[0]);
		if (wb->measures[i].enabled)
			sums_add(p, total_sums(p), &p->measures[0]);
	}
	portfolio_derive(p);
	return 0;
}

const struct result *projection_measure_result(const struct projection *p,
					       const struct workbook *wb, size_t i)
{
	if (!p->streaming)
		return &p->measures[i];
	project_into(p, wb, i, &p->measures[0]);
	return &p->measures[0];
}

/*
 * Drift.  Every patch subtracts and adds doubles, so the slots' sums drift
 * from the exact sums of their measures by a few ulps per patch.  Instead
 * of re-summing everything every so often (4–5 ms at 10 000 measures, paid
 * by one unlucky keystroke), each projection_update_measure() adds at most
 * REBUILD_ADDS measures (looking at most at REBUILD_VISITS) of one group
 * slot into the rebuild slot; patches of measures already added are
 * applied to it too.  When the pass is through, the rebuild replaces the
 * group's sums, the total is re-summed from the slots, and the next slot
 * is rebuilt.  Cost-item edits patch too (update_group_ages()) and step
 * the rebuild the same way.  Every slot is thus rebuilt from its measures
 * at least once every ⌈N / REBUILD_ADDS⌉ + (slots · N / REBUILD_VISITS)
 * patches, and a cost-item edit that changes its group's sectors or kinds
 * rebuilds its group's slot at once.
 */
#define REBUILD_ADDS 1
#define REBUILD_VISITS 256

static void rebuild_restart(struct projection *p, size_t slot)
{
	p->rebuild_slot = slot;
	p->rebuild_cursor = 0;
	sums_clear(p, rebuild_sums(p));
}

static void rebuild_step(struct projection *p)
{
	struct portfolio_sums *s = rebuild_sums(p);
	unsigned adds = 0, visits = 0;
	while (p->rebuild_cursor < p->measure_count && adds < REBUILD_ADDS &&
	       visits < REBUILD_VISITS) {
		size_t i = p->rebuild_cursor++;
		visits++;
		if (p->measure_in_portfolio[i] && slot_of(p, p->measure_group[i]) == p->rebuild_slot) {
			sums_add(p, s, &p->measures[i]);
			adds++;
		}
	}
	if (p->rebuild_cursor < p->measure_count)
		return;
	struct portfolio_sums fresh = *s; /* swapping also swaps the sector arrays */
	*s = p->sums[p->rebuild_slot];
	p->sums[p->rebuild_slot] = fresh;
	total_from_slots(p);
	rebuild_restart(p, (p->rebuild_slot + 1) % (slot_missing(p) + 1));
}

/* Add (or remove) measure i to its slot, the total and, when the rebuild
 * has passed it, the rebuild. */
static void place(struct projection *p, size_t i, bool remove)
{
	const struct result *m = &p->measures[i];
	size_t k = slot_of(p, p->measure_group[i]);
	bool rebuilt = k == p->rebuild_slot && i < p->rebuild_cursor;
	if (remove) {
		sums_remove(p, &p->sums[k], m);
		sums_remove(p, total_sums(p), m);
		if (rebuilt)
			sums_remove(p, rebuild_sums(p), m);
	} else {
		sums_add_pair(p, &p->sums[k], total_sums(p), m);
		if (rebuilt)
			sums_add(p, rebuild_sums(p), m);
	}
}

/* Every measure into its slot and the total, in measure order. */
/* Measure i into its group's sums and the total, if it is in the portfolio. */
static void sum_one(struct projection *p, const struct workbook *wb, size_t i)
{
	p->measure_in_portfolio[i] = i < wb->measure_count && wb->measures[i].enabled;
	if (p->measure_in_portfolio[i])
		sums_add_pair(p, &p->sums[slot_of(p, p->measure_group[i])], total_sums(p),
			      &p->measures[i]);
}

static void sum_all(struct projection *p, const struct workbook *wb)
{
	portfolio_clear(p);
	for (size_t i = 0; i < p->measure_count; i++)
		sum_one(p, wb, i);
	rebuild_restart(p, 0);
	portfolio_derive(p);
}

/* Each measure is summed right after it is projected, while its rows are
 * still in the cache: summing them in a second pass read 19 MB back from
 * memory at 10 000 measures.  The same order, so the same bits. */
int projection_compute(struct projection *p, const struct workbook *wb)
{
	if (prepare(p, wb, wb->measure_count) < 0)
		return -1;
	p->streaming = false;
	p->measure_count = wb->measure_count;
	portfolio_clear(p);
	for (size_t i = 0; i < wb->measure_count; i++) {
		project_one(p, wb, i);
		sum_one(p, wb, i);
	}
	rebuild_restart(p, 0);
	portfolio_derive(p);
	return 0;
}

void projection_sum_portfolio(struct projection *p, const struct workbook *wb)
{
	sum_all(p, wb);
}

/* Recompute measure `index` and patch it into the sums (the caller
 * derives the portfolio's totals). */
static void patch_one(struct projection *p, const struct workbook *wb, size_t index)
{
	if (p->measure_in_portfolio[index])
		place(p, index, true);
	project_one(p, wb, index);
	p->measure_in_portfolio[index] = wb->measures[index].enabled;
	if (p->measure_in_portfolio[index])
		place(p, index, false);
}

void projection_update_measure(struct projection *p, const struct workbook *wb, size_t index)
{
	if (index >= p->measure_count || index >= wb->measure_count)
		return;
	patch_one(p, wb, index);
	rebuild_step(p);
	portfolio_derive(p);
}

/*
 * What a cost-item edit can change of a measure's contribution to the
 * sums, as it was before the edit: its savings in the rows that change and
 * its savings totals.
 */
struct savings_before {
	double saving[HORIZON_MAX][BEARER_COUNT];
	double flows[BEARER_COUNT][BEARER_COUNT];
	double society[3];
	double sector[SECTORS_MAX];
	double plan[PLAN_YEARS_MAX * SECTORS_MAX];
};

static void savings_keep(const struct projection *p, const struct result *m, int first, int last,
			 struct savings_before *k)
{
	for (int t = first; t <= last; t++)
		memcpy(k->saving[t], m->years[t].saving, sizeof k->saving[t]);
	memcpy(k->flows, m->flows, sizeof k->flows);
	k->society[0] = m->society.pv_services;
	k->society[1] = m->society.pv_production;
	k->society[2] = m->society.pv_welfare;
	if (p->portfolio.by_sector == NULL || m->by_sector == NULL)
		return;
	const size_t S = p->basis.sector_count, P = (size_t)p->basis.plan_count;
	for (size_t x = 0; x < S; x++)
		k->sector[x] = m->by_sector[x].pv_saving;
	memcpy(k->plan, m->plan_saving, P * S * sizeof *k->plan);
}

/*
 * Add to the slot of changes `d` how measure m's contribution changed since
 * `k` was kept (rows first..last and the savings totals, computed as
 * sums_apply_totals() computes them, so the old values are exactly what
 * was added).  Costs and has_flows cannot change in a cost-item edit.
 */
static void savings_change(const struct projection *p, struct portfolio_sums *d,
			   const struct result *m, int first, int last,
			   const struct savings_before *k)
{
	for (int t = first; t <= last; t++)
		for (int b = 0; b < BEARER_COUNT; b++)
			change_cell(&d->saving[t][b], &d->cells[1][t][b], k->saving[t][b],
				    m->years[t].saving[b]);
	if (m->has_flows)
		for (int payer = 0; payer < BEARER_COUNT; payer++)
			for (int b = 0; b < BEARER_COUNT; b++)
				change_cell(&d->flow_sum[payer][b], &d->flow_cells[payer][b],
					    k->flows[payer][b], m->flows[payer][b]);
	change_cell(&d->society_sum[0], &d->society_cells[0], k->society[0],
		    m->society.pv_services);
	change_cell(&d->society_sum[1], &d->society_cells[1], k->society[1],
		    m->society.pv_production);
	change_cell(&d->society_sum[2], &d->society_cells[2], k->society[2],
		    m->society.pv_welfare);
	if (p->portfolio.by_sector == NULL || m->by_sector == NULL)
		return;
	const size_t S = p->basis.sector_count, P = (size_t)p->basis.plan_count;
	double *v = d->sector;
	unsigned *cells = d->sector_cells;
	for (size_t x = 0; x < S; x++)
		change_cell(&v[S + x], &cells[S + x], k->sector[x], m->by_sector[x].pv_saving);
	v += 2 * S;
	cells += 2 * S;
	for (size_t i = 0; i < P * S; i++)
		change_cell(&v[P * S + i], &cells[P * S + i], k->plan[i], m->plan_saving[i]);
	v += 2 * P * S;
	cells += 2 * P * S;
	if (m->has_flows)
		sector_flows_apply(m, S, k->sector, v, cells, false);
}

/* dst += the changes in d; a cell left with no contributor is exactly 0. */
static inline void apply_cell(double *v, unsigned *count, double change, unsigned count_change)
{
	*count += count_change;
	*v = *count ? *v + change : 0.0;
}

static void sums_apply_change(const struct projection *p, struct portfolio_sums *restrict dst,
			      const struct portfolio_sums *restrict d)
{
	int n = p->basis.horizon;
	for (int t = 0; t < n; t++)
		for (int b = 0; b < BEARER_COUNT; b++)
			apply_cell(&dst->saving[t][b], &dst->cells[1][t][b], d->saving[t][b],
				   d->cells[1][t][b]);
	for (int payer = 0; payer < BEARER_COUNT; payer++)
		for (int b = 0; b < BEARER_COUNT; b++)
			apply_cell(&dst->flow_sum[payer][b], &dst->flow_cells[payer][b],
				   d->flow_sum[payer][b], d->flow_cells[payer][b]);
	for (int k = 0; k < 3; k++)
		apply_cell(&dst->society_sum[k], &dst->society_cells[k], d->society_sum[k],
			   d->society_cells[k]);
	size_t cells = sector_sum_count(p->basis.sector_count, (size_t)p->basis.plan_count);
	for (size_t i = 0; i < cells; i++)
		apply_cell(&dst->sector[i], &dst->sector_cells[i], d->sector[i], d->sector_cells[i]);
}

/*
 * Whether two profiles of a group use the same sectors, split the same
 * bearers and have the same kinds: a measure's result then depends on the
 * profile only through its values at the ages the measure reaches.
 */
static bool profile_same_shape(const struct group_profile *a, const struct group_profile *b)
{
	return a->used_count == b->used_count && a->sector_count == b->sector_count &&
	       memcmp(a->used, b->used, (size_t)a->used_count) == 0 &&
	       memcmp(a->split, b->split, sizeof a->split) == 0 &&
	       memcmp(a->has_kind, b->has_kind, sizeof a->has_kind) == 0;
}

static bool differ(double a, double b)
{
	return memcmp(&a, &b, sizeof a) != 0;
}

/* The ages from..to outside which two profiles of the same shape agree
 * bit for bit; false when they agree everywhere. */
static bool profile_changed_ages(const struct group_profile *a, const struct group_profile *b,
				 int *from, int *to)
{
	int lo = AGE_MAX + 1, hi = AGE_MIN - 1;
	const bool sectors = a->sector_extra != NULL && b->sector_extra != NULL;
	for (int age = AGE_MIN; age <= AGE_MAX; age++) {
		bool d = differ(a->extra_total[age], b->extra_total[age]);
		for (int k = 0; k < BEARER_COUNT; k++)
			d |= differ(a->extra[k][age], b->extra[k][age]);
		for (int q = 0; q < ITEM_KIND_COUNT; q++)
			d |= differ(a->extra_kind[q][age], b->extra_kind[q][age]);
		for (size_t x = 0; sectors && x < a->sector_count; x++)
			d |= differ(a->sector_extra[x][age], b->sector_extra[x][age]);
		if (d) {
			if (lo > age)
				lo = age;
			hi = age;
		}
	}
	*from = lo;
	*to = hi;
	return lo <= hi;
}

/*
 * A cost-item edit that changed group `index`'s profile only at ages
 * from..to (from > to: nowhere): only its measures that reach those ages
 * in effect are re-projected, only their rows of those years stored, and
 * their savings are patched into the sums for the years that changed.
 * Each re-projected measure gets the same bits as a full recompute; the
 * sums drift as a measure patch does, and the sliced rebuild advances.
 */
/* The next measure of group g from i on, or the measure count. */
static size_t next_of_group(const struct projection *p, size_t count, size_t g, size_t i)
{
	while (i < count && p->measure_group[i] != (long)g)
		i++;
	return i;
}

/* Ask for the bytes of `size` at `at` ahead of their use. */
static void prefetch(const void *at, size_t size)
{
	for (size_t k = 0; k < size; k += 64)
		__builtin_prefetch((const char *)at + k);
}

/* The fields of a measure that measure_project() reads (most measures
 * have a few payers, and the rest of the entry is text). */
static void prefetch_measure(const struct measure *m)
{
	const size_t payers = 4;
	prefetch(&m->participants,
		 offsetof(struct measure, payer) - offsetof(struct measure, participants) +
			 payers * sizeof m->payer[0]);
	prefetch(&m->payer_count,
		 offsetof(struct measure, enabled) + 1 - offsetof(struct measure, payer_count));
}

static void update_group_ages(struct projection *p, const struct workbook *wb, size_t index,
			      int from, int to)
{
	const struct group_profile *profile = &p->profiles[index];
	struct portfolio_sums *d = change_sums(p);
	sums_clear(p, d);
	struct savings_before before;
	/* The rebuild has the measures before its cursor: it takes the
	 * changes of those, gathered until the loop passes the cursor. */
	bool rebuilding = p->rebuild_slot == index;
	const size_t count = p->measure_count < wb->measure_count ? p->measure_count
								  : wb->measure_count;
	/* The group's measures are a few among many, so each one's rows are a
	 * cache miss: while measure i is re-projected, the rows of the next
	 * one (from its first changed year) and the workbook entry of the one
	 * after that are fetched. */
	size_t i = next_of_group(p, count, index, 0);
	size_t next = next_of_group(p, count, index, i + 1);
	if (i < count)
		prefetch_measure(&wb->measures[i]);
	int first = 0, last = -1;
	bool changed = i < count && from <= to &&
		       measure_effect_years(&p->basis, &wb->measures[i], from, to, &first, &last);
	for (; i < count; i = next, next = next_of_group(p, count, index, next + 1)) {
		int next_first = 0, next_last = -1;
		bool next_changed = false;
		if (next < count) {
			size_t after = next_of_group(p, count, index, next + 1);
			if (after < count)
				prefetch_measure(&wb->measures[after]);
			next_changed = from <= to && measure_effect_years(&p->basis,
									  &wb->measures[next], from,
									  to, &next_first, &next_last);
			if (next_changed)
				prefetch(&p->measures[next].years[next_first],
					 (size_t)(next_last - next_first + 1) *
						 sizeof(struct year_flows));
		}
		if (rebuilding && i >= p->rebuild_cursor) {
			sums_apply_change(p, rebuild_sums(p), d);
			rebuilding = false;
		}
		const struct measure *m = &wb->measures[i];
		struct result *r = &p->measures[i];
		const bool in = p->measure_in_portfolio[i];
		if (in != m->enabled) {
			/* Enabled or disabled without its own update: patched whole. */
			if (in)
				place(p, i, true);
			measure_project(&p->basis, wb, profile, m, r);
			p->measure_in_portfolio[i] = m->enabled;
			if (m->enabled)
				place(p, i, false);
		} else if (changed) {
			if (in)
				savings_keep(p, r, first, last, &before);
			measure_reproject_from(&p->basis, wb, profile, m, r, first, last);
			if (in)
				savings_change(p, d, r, first, last, &before);
		}
		first = next_first;
		last = next_last;
		changed = next_changed;
	}
	if (rebuilding)
		sums_apply_change(p, rebuild_sums(p), d);
	sums_apply_change(p, &p->sums[index], d);
	sums_apply_change(p, total_sums(p), d);
	rebuild_step(p);
	portfolio_derive(p);
}

void projection_update_group(struct projection *p, const struct workbook *wb, size_t index)
{
	if (index >= p->profile_count || index >= wb->group_count)
		return;
	/* The new profile is computed into the scratch and swapped in, so the
	 * old one is there to compare it with. */
	struct group_profile *scratch = &p->profiles[p->profile_count];
	group_profile_compute(wb, &wb->groups[index], scratch);
	struct group_profile old = p->profiles[index];
	p->profiles[index] = *scratch;
	*scratch = old;
	if (strcmp(p->group_ids[index], wb->groups[index].id) != 0) {
		/* A changed id can attach or detach measures: re-resolve them all. */
		memcpy(p->group_ids[index], wb->groups[index].id, sizeof p->group_ids[index]);
		for (size_t i = 0; i < p->measure_count && i < wb->measure_count; i++) {
			long g = resolve_group(p, wb, &wb->measures[i]);
			if (g == (long)index || g != p->measure_group[i])
				patch_one(p, wb, i);
		}
		portfolio_derive(p);
		return;
	}
	int from, to;
	if (profile_same_shape(&p->profiles[index], scratch)) {
		if (!profile_changed_ages(&p->profiles[index], scratch, &from, &to))
			from = AGE_MAX + 1, to = AGE_MIN - 1;
		update_group_ages(p, wb, index, from, to);
		return;
	}
	/* Sectors or kinds changed: re-project every measure of the group into
	 * a fresh sum of it, then the total from the slots (no drift left in
	 * either). */
	struct portfolio_sums *s = &p->sums[index];
	sums_clear(p, s);
	for (size_t i = 0; i < p->measure_count && i < wb->measure_count; i++) {
		if (p->measure_group[i] != (long)index)
			continue;
		/* Its group is known: no id lookup per measure. */
		measure_project(&p->basis, wb, &p->profiles[index], &wb->measures[i],
				&p->measures[i]);
		p->measure_in_portfolio[i] = wb->measures[i].enabled;
		if (p->measure_in_portfolio[i])
			sums_add(p, s, &p->measures[i]);
	}
	if (p->rebuild_slot == (size_t)index)
		rebuild_restart(p, (p->rebuild_slot + 1) % (slot_missing(p) + 1));
	total_from_slots(p);
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
