/*
 * projection.c: one target group's age profile and one measure's yearly
 * projection, following doc/model.md's formulas literally:
 *
 *   age(t)       = start_age + (t − s),  s = start_year − base_year
 *   cost[b](t)   = payer[b] · N · cost_per_participant      if s ≤ t < s + D
 *   k(t)         = t − (s + L)
 *   successes(t) = N · p · (1 − d) · (1 − δ)^k   if 0 ≤ k and (E empty or k < E)
 *   saving[x](t) = successes(t) · extra[x](age(t)) · growth(t)
 *   cost[b], saving[b] = the sums over bearer b's sectors
 *
 * Choices where the contract is silent (doc/model.md lists them with the
 * reasons):
 *   - only t in [0, horizon) is projected: years of a measure that fall
 *     before base_year are sunk and not counted, years after the horizon
 *     are not counted either;
 *   - extra[b](a) is 0 for ages outside 0–120;
 *   - payer shares are used as given, not re-normalised;
 *   - npv_per_participant = npv / N;
 *   - p* may exceed 1 and is empty when its denominator is ≤ 0;
 *   - break-even is the first year, not before the first year with a
 *     cost, from which the cumulative net stays ≥ 0;
 *   - the plan window is cut to the horizon (years before base_year or
 *     after the horizon have no projection to show).
 *
 * Speed: one pass over the horizon per measure, no pow() in the loop
 * ((1 − δ)^k is carried from year to year), profile lookups O(1) by age.
 *
 * Must never: do I/O or allocate.
 */
#include "engine/projection.h"

#include <math.h>
#include <string.h>

#include "engine/discount.h"
#include "engine/result.h"

static int clamp_int(int v, int lo, int hi)
{
	return v < lo ? lo : (v > hi ? hi : v);
}

void group_profile_compute(const struct workbook *wb, const struct target_group *g,
			   struct group_profile *out)
{
	size_t sectors = out->sector_count;
	double (*sector_extra)[AGE_MAX + 1] = out->sector_extra;
	memset(out, 0, sizeof *out);
	out->sector_count = sectors;
	out->sector_extra = sector_extra;
	if (sector_extra != NULL)
		memset(sector_extra, 0, sectors * sizeof *sector_extra);
	const double g_amount = wb->params.g_amount;

	bool used[SECTORS_MAX] = {false};
	for (size_t i = 0; i < g->item_count; i++) {
		const struct cost_item *it = &g->items[i];
		if ((unsigned)it->kind >= ITEM_KIND_COUNT)
			continue;
		bool budget = item_kind_has_bearer(it->kind);
		if (budget && (unsigned)it->bearer >= BEARER_COUNT)
			continue;
		/* An item entirely outside 0–120 touches no age at all. */
		if (it->to_age < AGE_MIN || it->from_age > AGE_MAX)
			continue;
		double amount = it->unit == UNIT_G ? it->amount * g_amount : it->amount;
		int from = clamp_int(it->from_age, AGE_MIN, AGE_MAX);
		int to = clamp_int(it->to_age, AGE_MIN, AGE_MAX);
		long x = budget ? workbook_item_sector(wb, it) : -1;
		double *sector_row = NULL;
		if (x >= 0 && (size_t)x < sectors && x < SECTORS_MAX) {
			used[x] = true;
			sector_row = sector_extra ? sector_extra[x] : NULL;
		}
		out->has_kind[it->kind] = true;
		for (int a = from; a <= to; a++) {
			out->extra_kind[it->kind][a] += amount;
			if (budget)
				out->extra[it->bearer][a] += amount;
			if (sector_row)
				sector_row[a] += amount;
		}
	}
	for (int a = AGE_MIN; a <= AGE_MAX; a++) {
		double total = 0.0;
		for (int b = 0; b < BEARER_COUNT; b++)
			total += out->extra[b][a];
		out->extra_total[a] = total;
	}
	int per_bearer[BEARER_COUNT] = {0};
	for (size_t x = 0; x < sectors && x < SECTORS_MAX; x++) {
		if (!used[x])
			continue;
		out->used[out->used_count++] = (unsigned char)x;
		enum bearer b = workbook_sector_bearer(wb, x);
		if ((unsigned)b < BEARER_COUNT)
			per_bearer[b]++;
	}
	for (int b = 0; b < BEARER_COUNT; b++)
		out->split[b] = per_bearer[b] > 1;
}

void projection_basis_compute(struct projection_basis *b, const struct workbook *wb)
{
	const struct workbook_params *p = &wb->params;
	memset(b, 0, sizeof *b);
	b->horizon = clamp_int(p->horizon, HORIZON_MIN, HORIZON_MAX);
	/* Validated inputs keep these far from overflow; clamping keeps
	 * unvalidated ones from overflowing int arithmetic. */
	b->base_year = clamp_int(p->base_year, YEAR_MIN - 1000, YEAR_MAX + 1000);
	discount_factors(&p->discount, b->horizon, b->df);
	/* Products, not pow(): growth(t) = growth(t − 1) · (1 + g) exactly as
	 * a spreadsheet's running product, and no pow() per year. */
	double g = isfinite(p->real_growth) ? p->real_growth : 0.0;
	double f = 1.0;
	for (int t = 0; t < b->horizon; t++) {
		b->growth[t] = f;
		f *= 1.0 + g;
	}
	b->tax_cost = p->tax_cost;
	long first = (long)clamp_int(p->plan.start_year, YEAR_MIN - 1000, YEAR_MAX + 1000) -
		     b->base_year;
	long last = first + clamp_int(p->plan.years, 0, PLAN_YEARS_MAX); /* exclusive */
	if (first < 0)
		first = 0;
	if (last > b->horizon)
		last = b->horizon;
	b->plan_first = (int)first;
	b->plan_count = last > first ? (int)(last - first) : 0;
	size_t total = workbook_sector_total(wb);
	b->sector_count = total < SECTORS_MAX ? total : SECTORS_MAX;
	for (size_t x = 0; x < b->sector_count; x++)
		b->sector_bearer[x] = (signed char)workbook_sector_bearer(wb, x);
}

/* When a measure pays and saves: MODEL.md's s, D, L, E, δ, N as the
 * yearly loops use them.  Validated inputs keep these far from overflow;
 * clamping keeps unvalidated ones from overflowing int arithmetic. */
struct timing {
	long s, cost_end, effect_start, effect_end; /* ends exclusive */
	long age0;         /* age(t) = age0 + t */
	double n, keep, successes0, cost_unit;
	double weight0;    /* (1 − δ)^k in the first projected effect year */
};

static inline void measure_timing(const struct projection_basis *basis, const struct measure *m,
			   struct timing *tm)
{
	tm->s = (long)clamp_int(m->start_year, YEAR_MIN - 1000, YEAR_MAX + 1000) - basis->base_year;
	const long duration = clamp_int(m->duration, 0, 10 * HORIZON_MAX);
	const long lag = clamp_int(m->lag, 0, 10 * HORIZON_MAX);
	const long effect_years = clamp_int(m->effect_years, 0, 10 * HORIZON_MAX);
	tm->n = m->participants > 0 ? (double)m->participants : 0.0;
	tm->cost_end = tm->s + duration;
	tm->effect_start = tm->s + lag; /* k = 0 here */
	tm->effect_end = effect_years > 0 ? tm->effect_start + effect_years : (long)basis->horizon;
	tm->keep = 1.0 - m->decay;
	tm->successes0 = tm->n * m->success_rate * (1.0 - m->deadweight);
	/* An age clamped this far out never reaches 0–120. */
	tm->age0 = (long)clamp_int(m->start_age, AGE_MIN - 10000, AGE_MAX + 10000) - tm->s;
	tm->cost_unit = tm->n * m->cost_per_participant; /* one payer share of 1 */
	tm->weight0 = tm->effect_start < 0 ? pow(tm->keep, (double)-tm->effect_start) : 1.0;
}

void measure_sector_years(const struct projection_basis *basis, const struct workbook *wb,
			  const struct group_profile *profile, const struct measure *m,
			  double *cost, double *saving, double *kind_saving)
{
	struct timing tm;
	measure_timing(basis, m, &tm);
	const size_t n = basis->sector_count;
	long payer_sector[PAYER_SHARES_MAX];
	const int payer_count = clamp_int(m->payer_count, 0, PAYER_SHARES_MAX);
	for (int i = 0; i < payer_count; i++) {
		long x = workbook_sector_index(wb, m->payer[i].sector);
		payer_sector[i] = x >= 0 && (size_t)x < n ? x : -1;
	}
	const bool sectors = profile != NULL && profile->sector_extra != NULL &&
			     profile->sector_count == n;
	double weight = tm.weight0;
	for (int t = 0; t < basis->horizon; t++) {
		if (t >= tm.s && t < tm.cost_end)
			for (int i = 0; i < payer_count; i++)
				if (payer_sector[i] >= 0)
					cost[(size_t)t * n + (size_t)payer_sector[i]] +=
						m->payer[i].share * tm.cost_unit;
		bool effective = t >= tm.effect_start && t < tm.effect_end;
		long age = tm.age0 + t;
		if (effective && profile != NULL && age >= AGE_MIN && age <= AGE_MAX) {
			double successes = tm.successes0 * (weight * basis->growth[t]);
			for (int k = 0; sectors && k < profile->used_count; k++) {
				size_t x = profile->used[k];
				saving[(size_t)t * n + x] += successes * profile->sector_extra[x][age];
			}
			for (int q = 0; q < ITEM_KIND_COUNT; q++)
				kind_saving[(size_t)t * ITEM_KIND_COUNT + (size_t)q] +=
					successes * profile->extra_kind[q][age];
		}
		if (effective)
			weight *= tm.keep;
	}
}

/* Fill the sector results of `out` after the yearly pass (see measure_project). */
static void project_sectors(const struct projection_basis *basis,
			    const struct group_profile *profile, const struct measure *m,
			    const long *payer_sector, double pv_cost_unit, const double *sector_pv_saving,
			    const double *plan_successes, const long *plan_age, const bool *plan_paying,
			    double cost_unit, struct result *out)
{
	const size_t n = basis->sector_count;
	out->sector_count = n;
	out->plan_count = basis->plan_count;
	out->plan_first_year = basis->base_year + basis->plan_first;
	memset(out->by_sector, 0, n * sizeof *out->by_sector);
	memset(out->plan_cost, 0, (size_t)basis->plan_count * n * sizeof *out->plan_cost);
	memset(out->plan_saving, 0, (size_t)basis->plan_count * n * sizeof *out->plan_saving);

	for (int i = 0; i < m->payer_count && i < PAYER_SHARES_MAX; i++) {
		long x = payer_sector[i];
		if (x < 0)
			continue;
		double share = m->payer[i].share;
		out->by_sector[x].pv_cost += share * pv_cost_unit;
		for (int r = 0; r < basis->plan_count; r++)
			if (plan_paying[r])
				out->plan_cost[(size_t)r * n + x] += share * cost_unit;
	}
	if (profile != NULL) {
		for (int k = 0; k < profile->used_count; k++) {
			size_t x = profile->used[k];
			if (x >= n)
				continue;
			int b = basis->sector_bearer[x];
			if ((unsigned)b >= BEARER_COUNT)
				continue;
			/* A bearer whose items lie in one sector: that sector's PV
			 * is the bearer's. */
			out->by_sector[x].pv_saving = profile->split[b] ? sector_pv_saving[x]
								       : out->by_bearer[b].pv_saving;
			if (profile->sector_extra == NULL)
				continue;
			for (int r = 0; r < basis->plan_count; r++) {
				long age = plan_age[r];
				if (plan_successes[r] != 0.0 && age >= AGE_MIN && age <= AGE_MAX)
					out->plan_saving[(size_t)r * n + x] =
						plan_successes[r] * profile->sector_extra[x][age];
			}
		}
	}
	for (size_t x = 0; x < n; x++)
		out->by_sector[x].npv = out->by_sector[x].pv_saving - out->by_sector[x].pv_cost;
}

/*
 * measure_project() with rows outside first_row..last_row left as they
 * are: they are computed all the same (the totals and the cumulative nets
 * run over every year, in year order, so the result has the same bits as a
 * full projection) but not stored.  always_inline so that
 * measure_project()'s copy, with every row, has no store test per year.
 */
static inline __attribute__((always_inline)) void
project_rows_from(const struct projection_basis *basis, const struct workbook *wb,
		  const struct group_profile *profile, const struct measure *m, struct result *out,
		  int first_row, int last_row)
{
	const int horizon = basis->horizon;
	const int base_year = basis->base_year;
	const double *df = basis->df;
	const double *growth = basis->growth;
	struct timing tm;
	measure_timing(basis, m, &tm);
	const long s = tm.s, cost_end = tm.cost_end, effect_start = tm.effect_start,
		   effect_end = tm.effect_end, age0 = tm.age0;
	const double n = tm.n, keep = tm.keep, successes0 = tm.successes0, cost_unit = tm.cost_unit;

	/* The payer's sectors, looked up once; -1 for an unknown one. */
	long payer_sector[PAYER_SHARES_MAX];
	const int payer_count = clamp_int(m->payer_count, 0, PAYER_SHARES_MAX);
	double cost_year[BEARER_COUNT] = {0};
	for (int i = 0; i < payer_count; i++) {
		long x = workbook_sector_index(wb, m->payer[i].sector);
		payer_sector[i] = x >= 0 && (size_t)x < basis->sector_count ? x : -1;
		int b = payer_sector[i] >= 0 ? basis->sector_bearer[payer_sector[i]] : -1;
		if (payer_sector[i] >= 0 && (unsigned)b < BEARER_COUNT)
			cost_year[b] += m->payer[i].share;
	}
	for (int b = 0; b < BEARER_COUNT; b++)
		cost_year[b] *= cost_unit;

	double weight = tm.weight0;
	/* Σ_t DF(t)·growth(t)·(1 − δ)^k(t)·Σ_b extra[b](age(t)) over effect
	 * years, for p*. */
	double p_star_sum = 0.0;
	double pv_cost_unit = 0.0; /* Σ DF over paying years, × cost_unit */

	const bool sectors = out->by_sector != NULL && profile != NULL &&
			     profile->sector_extra != NULL && profile->sector_count == basis->sector_count;
	const bool kinds = profile != NULL && (profile->has_kind[ITEM_SERVICE] ||
					       profile->has_kind[ITEM_PRODUCTION] ||
					       profile->has_kind[ITEM_WELFARE]);
	/* Sectors of bearers whose items lie in several sectors: summed per year. */
	unsigned char split_sectors[SECTORS_MAX];
	int split_count = 0;
	double sector_pv_saving[SECTORS_MAX];
	if (sectors) {
		for (int k = 0; k < profile->used_count; k++) {
			int x = profile->used[k];
			int b = basis->sector_bearer[x];
			if ((unsigned)b < BEARER_COUNT && profile->split[b]) {
				split_sectors[split_count++] = (unsigned char)x;
				sector_pv_saving[x] = 0.0;
			}
		}
	}
	double plan_successes[PLAN_YEARS_MAX] = {0};
	long plan_age[PLAN_YEARS_MAX] = {0};
	bool plan_paying[PLAN_YEARS_MAX] = {false};
	const int plan_first = basis->plan_first, plan_end = basis->plan_first + basis->plan_count;

	/* Rows and their totals in one pass (see result_totals). */
	struct result_totals tot = {.last_negative = -1, .last_negative_d = -1, .first_cost = -1};
	double cost_total = 0.0;
	for (int b = 0; b < BEARER_COUNT; b++)
		cost_total += cost_year[b];
	double cum = 0.0, cum_d = 0.0;

	/* The running sums in locals, not in `tot` or an array: the stores to
	 * `row` could alias those, which kept them in memory (a load and a
	 * store per year and sum on the loop's critical path). */
	double pv_cost_b[BEARER_COUNT] = {0}, pv_saving_b[BEARER_COUNT] = {0};
	double pv_services = 0.0, pv_production = 0.0, pv_welfare = 0.0;
	int first_cost = -1, last_negative = -1, last_negative_d = -1;
	out->year_count = horizon;
	out->first_year = base_year;
	out->df = df;
	for (int t = 0; t < horizon; t++) {
		/* Rows outside the window go to a scratch row nobody reads. */
		struct year_flows scratch;
		struct year_flows *row = t >= first_row && t <= last_row ? &out->years[t] : &scratch;
		const double f = df[t];
		bool paying = t >= s && t < cost_end;
		double cost = 0.0, saving = 0.0;
		if (paying) {
			for (int b = 0; b < BEARER_COUNT; b++) {
				row->cost[b] = cost_year[b];
				pv_cost_b[b] += f * cost_year[b];
			}
			cost = cost_total;
			pv_cost_unit += f * cost_unit;
			if (cost_total > 0.0 && first_cost < 0)
				first_cost = t;
		} else {
			for (int b = 0; b < BEARER_COUNT; b++)
				row->cost[b] = 0.0;
		}

		bool effective = t >= effect_start && t < effect_end;
		long age = age0 + t;
		double successes = 0.0;
		if (effective && profile != NULL && age >= AGE_MIN && age <= AGE_MAX) {
			const double gw = weight * growth[t];
			successes = successes0 * gw;
			for (int b = 0; b < BEARER_COUNT; b++) {
				double v = successes * profile->extra[b][age];
				row->saving[b] = v;
				pv_saving_b[b] += f * v;
				saving += v;
			}
			p_star_sum += f * gw * profile->extra_total[age];
			if (kinds) {
				double fs = f * successes;
				pv_services += fs * profile->extra_kind[ITEM_SERVICE][age];
				pv_production += fs * profile->extra_kind[ITEM_PRODUCTION][age];
				pv_welfare += fs * profile->extra_kind[ITEM_WELFARE][age];
			}
			for (int k = 0; k < split_count; k++) {
				int x = split_sectors[k];
				sector_pv_saving[x] += f * successes * profile->sector_extra[x][age];
			}
		} else {
			for (int b = 0; b < BEARER_COUNT; b++)
				row->saving[b] = 0.0;
		}
		if (effective)
			weight *= keep;
		if (t >= plan_first && t < plan_end) {
			plan_successes[t - plan_first] = successes;
			plan_age[t - plan_first] = age;
			plan_paying[t - plan_first] = paying;
		}

		double net = saving - cost;
		cum += net;
		cum_d += f * net;
		if (cum < 0.0)
			last_negative = t;
		if (cum_d < 0.0)
			last_negative_d = t;
	}
	for (int b = 0; b < BEARER_COUNT; b++) {
		tot.pv_cost[b] = pv_cost_b[b];
		tot.pv_saving[b] = pv_saving_b[b];
	}
	tot.first_cost = first_cost;
	tot.last_negative = last_negative;
	tot.last_negative_d = last_negative_d;
	result_finish(out, &tot);

	out->society.pv_services = pv_services;
	out->society.pv_production = pv_production;
	out->society.pv_welfare = pv_welfare;
	society_finish(&out->society, out, basis->tax_cost);

	out->npv_per_participant = n > 0 ? out->npv / n : 0.0;
	double denominator = n * (1.0 - m->deadweight) * p_star_sum;
	out->has_break_even_success_rate = denominator > 0.0;
	out->break_even_success_rate =
		out->has_break_even_success_rate ? out->pv_cost / denominator : 0.0;

	if (out->by_sector != NULL)
		project_sectors(basis, sectors ? profile : NULL, m, payer_sector, pv_cost_unit,
				sector_pv_saving, plan_successes, plan_age, plan_paying, cost_unit, out);
	else
		out->sector_count = 0;
}

void measure_project(const struct projection_basis *basis, const struct workbook *wb,
		     const struct group_profile *profile, const struct measure *m,
		     struct result *out)
{
	project_rows_from(basis, wb, profile, m, out, 0, HORIZON_MAX);
}

void measure_reproject_from(const struct projection_basis *basis, const struct workbook *wb,
			    const struct group_profile *profile, const struct measure *m,
			    struct result *out, int first_row, int last_row)
{
	project_rows_from(basis, wb, profile, m, out, first_row, last_row);
}

bool measure_effect_years(const struct projection_basis *basis, const struct measure *m,
			  int from_age, int to_age, int *first, int *last)
{
	struct timing tm;
	measure_timing(basis, m, &tm);
	/* age(t) = age0 + t, so the ages give a range of t; intersect it with
	 * the effect years and the horizon. */
	long lo = tm.effect_start > (long)from_age - tm.age0 ? tm.effect_start
							     : (long)from_age - tm.age0;
	long hi = tm.effect_end - 1 < (long)to_age - tm.age0 ? tm.effect_end - 1
							     : (long)to_age - tm.age0;
	if (lo < 0)
		lo = 0;
	if (hi > basis->horizon - 1)
		hi = basis->horizon - 1;
	if (lo > hi)
		return false;
	*first = (int)lo;
	*last = (int)hi;
	return true;
}
