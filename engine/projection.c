/*
 * projection.c: one target group's age profile and one measure's yearly
 * projection, following doc/model.md's formulas literally:
 *
 *   age(t)       = start_age + (t − s),  s = start_year − base_year
 *   cost[b](t)   = payer[b] · N · cost_per_participant      if s ≤ t < s + D
 *   k(t)         = t − (s + L)
 *   successes(t) = N · p · (1 − d) · (1 − δ)^k   if 0 ≤ k and (E empty or k < E)
 *   saving[b](t) = successes(t) · extra[b](age(t))
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
 *   - break-even is the first year from which the cumulative net stays
 *     ≥ 0 (base_year when it is ≥ 0 throughout).
 *
 * Speed: one pass over the horizon per measure, no pow() in the loop
 * ((1 − δ)^k is carried from year to year), profile lookups O(1) by age.
 *
 * Must never: do I/O or allocate.
 */
#include "engine/projection.h"

#include <math.h>
#include <string.h>

#include "engine/result.h"

static int clamp_int(int v, int lo, int hi)
{
	return v < lo ? lo : (v > hi ? hi : v);
}

void group_profile_compute(const struct target_group *g, double g_amount,
			   struct group_profile *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < g->item_count; i++) {
		const struct cost_item *it = &g->items[i];
		if ((unsigned)it->bearer >= BEARER_COUNT)
			continue;
		double amount = it->unit == UNIT_G ? it->amount * g_amount : it->amount;
		int from = clamp_int(it->from_age, AGE_MIN, AGE_MAX);
		int to = clamp_int(it->to_age, AGE_MIN, AGE_MAX);
		/* An item entirely outside 0–120 touches no age at all. */
		if (it->to_age < AGE_MIN || it->from_age > AGE_MAX)
			continue;
		for (int a = from; a <= to; a++)
			out->extra[it->bearer][a] += amount;
	}
	for (int a = AGE_MIN; a <= AGE_MAX; a++) {
		double total = 0.0;
		for (int b = 0; b < BEARER_COUNT; b++)
			total += out->extra[b][a];
		out->extra_total[a] = total;
	}
}

void measure_project(const struct workbook_params *params, const double *df,
		     const struct group_profile *profile, const struct measure *m,
		     struct result *out)
{
	const int horizon = clamp_int(params->horizon, HORIZON_MIN, HORIZON_MAX);
	/* Validated inputs keep these far from overflow; clamping keeps
	 * unvalidated ones from overflowing int arithmetic below. */
	const int base_year = clamp_int(params->base_year, YEAR_MIN - 1000, YEAR_MAX + 1000);
	const long s = (long)clamp_int(m->start_year, YEAR_MIN - 1000, YEAR_MAX + 1000) - base_year;
	const long duration = clamp_int(m->duration, 0, 10 * HORIZON_MAX);
	const long lag = clamp_int(m->lag, 0, 10 * HORIZON_MAX);
	const long effect_years = clamp_int(m->effect_years, 0, 10 * HORIZON_MAX);
	const double n = m->participants > 0 ? (double)m->participants : 0.0;

	const long cost_end = s + duration;     /* exclusive */
	const long effect_start = s + lag;      /* k = 0 here */
	const long effect_end = effect_years > 0 ? effect_start + effect_years
						 : (long)horizon; /* exclusive */
	const double keep = 1.0 - m->decay;
	const double successes0 = n * m->success_rate * (1.0 - m->deadweight);
	/* age(t) = age0 + t; an age clamped this far out never reaches 0–120. */
	const long age0 = (long)clamp_int(m->start_age, AGE_MIN - 10000, AGE_MAX + 10000) - s;

	double cost_year[BEARER_COUNT];
	for (int b = 0; b < BEARER_COUNT; b++)
		cost_year[b] = measure_bearer_share(NULL, m, (enum bearer)b) * n * m->cost_per_participant;

	/* (1 − δ)^k for the first projected effect year; later years multiply. */
	double weight = effect_start < 0 ? pow(keep, (double)-effect_start) : 1.0;
	/* Σ_t DF(t)·(1 − δ)^k(t)·Σ_b extra[b](age(t)) over effect years, for p*. */
	double p_star_sum = 0.0;

	/* Rows and their totals in one pass (see result_totals). */
	struct result_totals tot = {.last_negative = -1, .last_negative_d = -1};
	double cost_total = 0.0;
	for (int b = 0; b < BEARER_COUNT; b++)
		cost_total += cost_year[b];
	double cum = 0.0, cum_d = 0.0;

	out->year_count = horizon;
	for (int t = 0; t < horizon; t++) {
		struct year_row *row = &out->years[t];
		const double f = df[t];
		row->year = base_year + t;
		row->df = f;
		bool paying = t >= s && t < cost_end;
		double cost = 0.0, saving = 0.0;
		if (paying) {
			for (int b = 0; b < BEARER_COUNT; b++) {
				row->cost[b] = cost_year[b];
				tot.pv_cost[b] += f * cost_year[b];
			}
			cost = cost_total;
		} else {
			for (int b = 0; b < BEARER_COUNT; b++)
				row->cost[b] = 0.0;
		}

		bool effective = t >= effect_start && t < effect_end;
		long age = age0 + t;
		if (effective && profile != NULL && age >= AGE_MIN && age <= AGE_MAX) {
			double successes = successes0 * weight;
			for (int b = 0; b < BEARER_COUNT; b++) {
				double v = successes * profile->extra[b][age];
				row->saving[b] = v;
				tot.pv_saving[b] += f * v;
				saving += v;
			}
			p_star_sum += f * weight * profile->extra_total[age];
		} else {
			for (int b = 0; b < BEARER_COUNT; b++)
				row->saving[b] = 0.0;
		}
		if (effective)
			weight *= keep;

		double net = saving - cost;
		cum += net;
		cum_d += f * net;
		row->net = net;
		row->cum_net = cum;
		row->cum_net_discounted = cum_d;
		if (cum < 0.0)
			tot.last_negative = t;
		if (cum_d < 0.0)
			tot.last_negative_d = t;
	}
	result_finish(out, &tot);

	out->npv_per_participant = n > 0 ? out->npv / n : 0.0;
	double denominator = n * (1.0 - m->deadweight) * p_star_sum;
	out->has_break_even_success_rate = denominator > 0.0;
	out->break_even_success_rate =
		out->has_break_even_success_rate ? out->pv_cost / denominator : 0.0;
}
