/*
 * uncertainty_model.c: the coefficients a tornado end or a Monte Carlo
 * draw only scales (see uncertainty.h for the algebra), and the one
 * function that turns them into a measure's NPV lines.
 *
 * The projection's choices are followed exactly (engine/projection.c):
 * only years 0 … horizon−1 count, ages outside 0–120 have no items, the
 * effect lasts E years from s + L (to the horizon when E is empty), and
 * (1 − δ)^k is carried as a product.  Only budget items (service,
 * transfer, tax) enter the budget NPV; production and welfare items still
 * have a place in the flat item list, because every item takes a uniform.
 *
 * Must never: do I/O, or allocate outside unc_model_prepare().
 */
#include "engine/uncertainty.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/discount.h"

static int clamp_int(int v, int lo, int hi)
{
	return v < lo ? lo : (v > hi ? hi : v);
}

void unc_model_init(struct unc_model *u)
{
	memset(u, 0, sizeof *u);
}

void unc_model_free(struct unc_model *u)
{
	free(u->group_first);
	free(u->spread);
	free(u->measures);
	free(u->coefs);
	free(u->factors_one);
	free(u->factors_work);
	unc_model_init(u);
}

/* Grow *array to hold `need` elements of `size` bytes; *cap follows. */
static int reserve(void **array, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap && *array != NULL)
		return 0;
	size_t want = need > 0 ? need : 1;
	void *grown = realloc(*array, want * size);
	if (grown == NULL)
		return -1;
	*array = grown;
	*cap = want;
	return 0;
}

/* The three per-item arrays share one capacity. */
static int reserve_items(struct unc_model *u, size_t need)
{
	size_t cap = u->cap_items, cap2 = u->cap_items, cap3 = u->cap_items;
	if (reserve((void **)&u->spread, &cap, need, sizeof *u->spread) < 0 ||
	    reserve((void **)&u->factors_one, &cap2, need, sizeof *u->factors_one) < 0 ||
	    reserve((void **)&u->factors_work, &cap3, need, sizeof *u->factors_work) < 0)
		return -1;
	u->cap_items = cap;
	return 0;
}

/* Budget items of the measure's group (the most prepare_measure() keeps:
 * those that touch its effect years). */
static size_t coef_need(const struct workbook *wb)
{
	size_t need = 0;
	for (size_t i = 0; i < wb->measure_count; i++) {
		long g = workbook_find_group(wb, wb->measures[i].group_id);
		if (g < 0)
			continue;
		for (size_t j = 0; j < wb->groups[g].item_count; j++)
			need += item_kind_has_bearer(wb->groups[g].items[j].kind);
	}
	return need;
}

/* DF(t) as a product of the yearly steps and growth(t) as a product of
 * (1 + g): the same bits wherever IEEE-754 division and product are. */
static void prepare_years(struct unc_model *u, const struct workbook_params *params)
{
	u->horizon = clamp_int(params->horizon, HORIZON_MIN, HORIZON_MAX);
	double df = 1.0, growth = 1.0;
	for (int t = 0; t < u->horizon; t++) {
		if (t > 0) {
			df = df / (1.0 + discount_step_rate(&params->discount, t));
			growth = growth * (1.0 + params->real_growth);
		}
		u->df[t] = df;
		u->dfg[t] = df * growth;
	}
}

static double power(double base, long exponent)
{
	double r = 1.0;
	for (long i = 0; i < exponent; i++)
		r *= base;
	return r;
}

/* One measure's coefficients; appends its item coefficients. */
static void prepare_measure(struct unc_model *u, const struct workbook *wb, size_t index)
{
	const struct measure *m = &wb->measures[index];
	struct unc_measure_coef *mc = &u->measures[index];
	const int horizon = u->horizon;
	const int base_year = clamp_int(wb->params.base_year, YEAR_MIN - 1000, YEAR_MAX + 1000);
	const long s = (long)clamp_int(m->start_year, YEAR_MIN - 1000, YEAR_MAX + 1000) - base_year;
	const long duration = clamp_int(m->duration, 0, 10 * HORIZON_MAX);
	const long lag = clamp_int(m->lag, 0, 10 * HORIZON_MAX);
	const long effect_years = clamp_int(m->effect_years, 0, 10 * HORIZON_MAX);
	const long age0 = (long)clamp_int(m->start_age, AGE_MIN - 10000, AGE_MAX + 10000) - s;

	memset(mc, 0, sizeof *mc);
	mc->enabled = m->enabled;
	mc->n = m->participants > 0 ? (double)m->participants : 0.0;
	for (int f = 0; f < RANGE_FIELD_COUNT; f++) {
		mc->point[f] = measure_range_value(m, (enum range_field)f);
		mc->ranged[f] = m->ranges[f].set;
		mc->low[f] = m->ranges[f].set ? m->ranges[f].low : mc->point[f];
		mc->high[f] = m->ranges[f].set ? m->ranges[f].high : mc->point[f];
	}

	double cost_df = 0.0;
	for (long t = s < 0 ? 0 : s; t < s + duration && t < horizon; t++)
		cost_df += u->df[t];
	for (int b = 0; b < BEARER_COUNT; b++)
		mc->cost_pv[b] = measure_bearer_share(wb, m, (enum bearer)b) * mc->n * cost_df;

	for (int f = 0; f < RANGE_FIELD_COUNT; f++) {
		double span = mc->high[f] - mc->low[f];
		mc->tri_cut[f] = span > 0.0 ? (mc->point[f] - mc->low[f]) / span : 0.0;
		mc->tri_a[f] = span * (mc->point[f] - mc->low[f]);
		mc->tri_b[f] = span * (mc->high[f] - mc->point[f]);
	}

	const long effect_start = s + lag;
	const long effect_end = effect_years > 0 ? effect_start + effect_years : (long)horizon;
	long lo = effect_start < 0 ? 0 : effect_start;
	long hi = effect_end < horizon ? effect_end : horizon;
	if (lo > hi)
		lo = hi;

	/* The point weights DF·growth·(1 − δ)^k over the effect years. */
	double weight[HORIZON_MAX];
	const double keep = 1.0 - mc->point[RANGE_DECAY];
	double w = power(keep, lo - effect_start);
	for (long t = lo; t < hi; t++) {
		weight[t] = u->dfg[t] * w;
		w *= keep;
	}

	mc->group = workbook_find_group(wb, m->group_id);
	mc->coef_first = u->coef_count;
	long run_lo = hi, run_hi = lo;
	for (int b = 0; b < BEARER_COUNT && mc->group >= 0; b++) {
		const struct target_group *g = &wb->groups[mc->group];
		for (size_t i = 0; i < g->item_count; i++) {
			const struct cost_item *it = &g->items[i];
			if (!item_kind_has_bearer(it->kind) || it->bearer != (enum bearer)b)
				continue;
			if (it->to_age < AGE_MIN || it->from_age > AGE_MAX)
				continue;
			long from = clamp_int(it->from_age, AGE_MIN, AGE_MAX) - age0;
			long to = clamp_int(it->to_age, AGE_MIN, AGE_MAX) - age0;
			long t_lo = from > lo ? from : lo;
			long t_hi = to < hi - 1 ? to : hi - 1;
			if (t_lo > t_hi)
				continue;
			struct unc_item_coef *c = &u->coefs[u->coef_count++];
			c->item = u->group_first[mc->group] + i;
			c->bearer = b;
			c->amount = it->unit == UNIT_G ? it->amount * wb->params.g_amount : it->amount;
			c->t_lo = (int)t_lo;
			c->t_hi = (int)t_hi;
			double sum = 0.0;
			for (long t = t_lo; t <= t_hi; t++)
				sum += weight[t];
			c->s = c->amount * sum;
			if (t_lo < run_lo)
				run_lo = t_lo;
			if (t_hi + 1 > run_hi)
				run_hi = t_hi + 1;
		}
		mc->coef_end[b] = u->coef_count - mc->coef_first;
	}
	mc->coef_count = u->coef_count - mc->coef_first;
	if (run_lo >= run_hi)
		run_lo = run_hi = lo;
	mc->run_lo = (int)run_lo;
	mc->run_hi = (int)run_hi;
	mc->k_run = (int)(run_lo - effect_start);
}

/* What the draw order needs of a measure that is not simulated. */
static void mark_measure(struct unc_model *u, const struct workbook *wb, size_t index)
{
	const struct measure *m = &wb->measures[index];
	struct unc_measure_coef *mc = &u->measures[index];
	memset(mc, 0, sizeof *mc);
	mc->enabled = m->enabled;
	mc->group = -1;
	mc->coef_first = u->coef_count;
	for (int f = 0; f < RANGE_FIELD_COUNT; f++)
		mc->ranged[f] = m->ranges[f].set;
}

/* only: the one measure to prepare, or SIZE_MAX for all. */
static int prepare_model(struct unc_model *u, const struct workbook *wb, size_t only)
{
	size_t items = 0;
	for (size_t g = 0; g < wb->group_count; g++)
		items += wb->groups[g].item_count;
	size_t coefs = coef_need(wb);
	if (reserve((void **)&u->group_first, &u->cap_groups, wb->group_count + 1,
		    sizeof *u->group_first) < 0 ||
	    reserve_items(u, items) < 0 ||
	    reserve((void **)&u->measures, &u->cap_measures, wb->measure_count,
		    sizeof *u->measures) < 0 ||
	    reserve((void **)&u->coefs, &u->cap_coefs, coefs, sizeof *u->coefs) < 0) {
		unc_model_free(u);
		return -1;
	}
	prepare_years(u, &wb->params);

	u->group_count = wb->group_count;
	u->item_count = 0;
	for (size_t g = 0; g < wb->group_count; g++) {
		u->group_first[g] = u->item_count;
		for (size_t i = 0; i < wb->groups[g].item_count; i++) {
			unsigned grade = (unsigned)wb->groups[g].items[i].confidence;
			if (grade > CONFIDENCE_D)
				grade = CONFIDENCE_D;
			u->spread[u->item_count] = wb->params.uncertainty.spread[grade];
			u->factors_one[u->item_count] = 1.0;
			u->item_count++;
		}
	}
	u->group_first[wb->group_count] = u->item_count;

	u->measure_count = wb->measure_count;
	u->coef_count = 0;
	u->prepared = 0;
	if (only == SIZE_MAX)
		return 0; /* the measures: unc_model_prepare_step() */
	for (size_t i = 0; i < wb->measure_count; i++) {
		if (i == only)
			prepare_measure(u, wb, i);
		else
			mark_measure(u, wb, i);
	}
	unc_measure_npv(u, only, u->factors_one, u->measures[only].point, false,
			u->measures[only].point_npv);
	u->prepared = wb->measure_count;
	return 0;
}

int unc_model_prepare_begin(struct unc_model *u, const struct workbook *wb)
{
	return prepare_model(u, wb, SIZE_MAX);
}

/* A measure's point NPV reads only its own coefficients, so computing it
 * right after them gives the bits of doing all coefficients first. */
bool unc_model_prepare_step(struct unc_model *u, const struct workbook *wb, size_t measures)
{
	size_t end = u->measure_count - u->prepared > measures ? u->prepared + measures
								: u->measure_count;
	for (size_t i = u->prepared; i < end; i++) {
		prepare_measure(u, wb, i);
		unc_measure_npv(u, i, u->factors_one, u->measures[i].point, false,
				u->measures[i].point_npv);
	}
	u->prepared = end;
	return u->prepared == u->measure_count;
}

int unc_model_prepare(struct unc_model *u, const struct workbook *wb)
{
	if (unc_model_prepare_begin(u, wb) < 0)
		return -1;
	while (!unc_model_prepare_step(u, wb, SIZE_MAX))
		;
	return 0;
}

int unc_model_prepare_only(struct unc_model *u, const struct workbook *wb, size_t only)
{
	return prepare_model(u, wb, only < wb->measure_count ? only : SIZE_MAX);
}

void unc_measure_npv(const struct unc_model *u, size_t m, const double *factors,
		     const double value[RANGE_FIELD_COUNT], bool vary_decay,
		     double npv[UNC_LINES])
{
	const struct unc_measure_coef *mc = &u->measures[m];
	const struct unc_item_coef *coef = &u->coefs[mc->coef_first];
	double acc[BEARER_COUNT];

	if (vary_decay) {
		/* Running sums of this draw's weights over the years the items
		 * touch: each item is then the difference of two, so the year
		 * loop runs once per measure and draw. */
		double run[HORIZON_MAX + 1];
		const int lo = mc->run_lo;
		const double keep = 1.0 - value[RANGE_DECAY];
		double w = power(keep, mc->k_run);
		run[0] = 0.0;
		for (int t = lo; t < mc->run_hi; t++) {
			run[t - lo + 1] = run[t - lo] + u->dfg[t] * w;
			w *= keep;
		}
		size_t i = 0;
		for (int b = 0; b < BEARER_COUNT; b++) {
			double a = 0.0;
			for (; i < mc->coef_end[b]; i++) {
				double s = coef[i].amount * (run[coef[i].t_hi - lo + 1] - run[coef[i].t_lo - lo]);
				a += factors[coef[i].item] * s;
			}
			acc[b] = a;
		}
	} else {
		size_t i = 0;
		for (int b = 0; b < BEARER_COUNT; b++) {
			double a = 0.0;
			for (; i < mc->coef_end[b]; i++)
				a += factors[coef[i].item] * coef[i].s;
			acc[b] = a;
		}
	}

	const double k = mc->n * value[RANGE_SUCCESS_RATE] * (1.0 - value[RANGE_DEADWEIGHT]);
	const double c = value[RANGE_COST_PER_PARTICIPANT];
	double pv_saving = 0.0, pv_cost = 0.0;
	for (int b = 0; b < BEARER_COUNT; b++) {
		double saving = k * acc[b];
		double cost = c * mc->cost_pv[b];
		npv[b] = saving - cost;
		pv_saving += saving;
		pv_cost += cost;
	}
	npv[UNC_TOTAL] = pv_saving - pv_cost;
}

/*
 * UNC_BLOCK draws of measure m at once, lane b with factors[i·UNC_BLOCK + b]
 * and value[b·RANGE_FIELD_COUNT + f]: the same operations in the same
 * order as unc_measure_npv() for each lane (so the same bits), with the
 * lanes innermost, so that the year loop's two dependency chains (the
 * running sum and the power of 1 − δ) of four draws overlap and the
 * compiler may put lanes side by side in vector registers.
 */
void unc_measure_npv_block(const struct unc_model *u, size_t m, const double *factors,
			   const double *value, double npv[UNC_BLOCK][UNC_LINES])
{
	const struct unc_measure_coef *mc = &u->measures[m];
	const struct unc_item_coef *coef = &u->coefs[mc->coef_first];
	double acc[BEARER_COUNT][UNC_BLOCK];

	if (mc->ranged[RANGE_DECAY]) {
		double run[HORIZON_MAX + 1][UNC_BLOCK];
		const int lo = mc->run_lo;
		/* Two lanes a vector (GCC/Clang vector types: IEEE operations per
		 * lane, no contraction), in registers across the year loop. */
		typedef double lane2 __attribute__((vector_size(16)));
		lane2 keep01 = {1.0 - value[0 * RANGE_FIELD_COUNT + RANGE_DECAY],
				1.0 - value[1 * RANGE_FIELD_COUNT + RANGE_DECAY]};
		lane2 keep23 = {1.0 - value[2 * RANGE_FIELD_COUNT + RANGE_DECAY],
				1.0 - value[3 * RANGE_FIELD_COUNT + RANGE_DECAY]};
		lane2 w01 = {1.0, 1.0}, w23 = {1.0, 1.0};
		lane2 s01 = {0.0, 0.0}, s23 = {0.0, 0.0};
		/* power(keep, k_run): the same products, r = 1 · keep · keep … */
		for (int i = 0; i < mc->k_run; i++) {
			w01 = w01 * keep01;
			w23 = w23 * keep23;
		}
		memcpy(run[0], &s01, sizeof s01);
		memcpy(run[0] + 2, &s23, sizeof s23);
		for (int t = lo; t < mc->run_hi; t++) {
			const lane2 dfg = {u->dfg[t], u->dfg[t]};
			s01 = s01 + dfg * w01;
			s23 = s23 + dfg * w23;
			memcpy(run[t - lo + 1], &s01, sizeof s01);
			memcpy(run[t - lo + 1] + 2, &s23, sizeof s23);
			w01 = w01 * keep01;
			w23 = w23 * keep23;
		}
		size_t i = 0;
		for (int k = 0; k < BEARER_COUNT; k++) {
			double a[UNC_BLOCK] = {0.0, 0.0, 0.0, 0.0};
			for (; i < mc->coef_end[k]; i++) {
				const double amount = coef[i].amount;
				const double *hi = run[coef[i].t_hi - lo + 1], *lw = run[coef[i].t_lo - lo];
				const double *f = &factors[coef[i].item * UNC_BLOCK];
				for (int b = 0; b < UNC_BLOCK; b++)
					a[b] += f[b] * (amount * (hi[b] - lw[b]));
			}
			for (int b = 0; b < UNC_BLOCK; b++)
				acc[k][b] = a[b];
		}
	} else {
		size_t i = 0;
		for (int k = 0; k < BEARER_COUNT; k++) {
			double a[UNC_BLOCK] = {0.0, 0.0, 0.0, 0.0};
			for (; i < mc->coef_end[k]; i++) {
				const double sv = coef[i].s;
				const double *f = &factors[coef[i].item * UNC_BLOCK];
				for (int b = 0; b < UNC_BLOCK; b++)
					a[b] += f[b] * sv;
			}
			for (int b = 0; b < UNC_BLOCK; b++)
				acc[k][b] = a[b];
		}
	}

	for (int b = 0; b < UNC_BLOCK; b++) {
		const double *v = &value[b * RANGE_FIELD_COUNT];
		const double k = mc->n * v[RANGE_SUCCESS_RATE] * (1.0 - v[RANGE_DEADWEIGHT]);
		const double c = v[RANGE_COST_PER_PARTICIPANT];
		double pv_saving = 0.0, pv_cost = 0.0;
		for (int l = 0; l < BEARER_COUNT; l++) {
			double saving = k * acc[l][b];
			double cost = c * mc->cost_pv[l];
			npv[b][l] = saving - cost;
			pv_saving += saving;
			pv_cost += cost;
		}
		npv[b][UNC_TOTAL] = pv_saving - pv_cost;
	}
}
