/*
 * uncertainty_tornado.c: the tornado (each input at its low and its high
 * end, all else at point values) and the switching values (the value of
 * one input at which a measure's npv = 0), as doc/model.md defines them.
 *
 * Order of entries: ranged fields measure by measure in document order,
 * within a measure success_rate, deadweight, decay, cost_per_participant;
 * then the profiles group by group in document order.  A portfolio end is
 * the sum, in document order, of every enabled measure's NPV with only the
 * entry's input moved.
 *
 * Must never: do I/O or allocate.
 */
#include "engine/uncertainty.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Every item of group g at 1 + sign · w, the others at 1. */
static void profile_factors(struct unc_model *u, long g, double sign)
{
	memcpy(u->factors_work, u->factors_one, u->item_count * sizeof *u->factors_work);
	for (size_t i = u->group_first[g]; i < u->group_first[g + 1]; i++)
		u->factors_work[i] = 1.0 + sign * u->spread[i];
}

static void field_end(const struct unc_model *u, size_t m, int field, double v,
		      double npv[UNC_LINES])
{
	double value[RANGE_FIELD_COUNT];
	memcpy(value, u->measures[m].point, sizeof value);
	value[field] = v;
	unc_measure_npv(u, m, u->factors_one, value, field == RANGE_DECAY, npv);
}

static void field_entry(const struct unc_model *u, size_t m, int field, struct tornado_entry *e)
{
	const struct unc_measure_coef *mc = &u->measures[m];
	e->measure = (long)m;
	e->group = -1;
	e->input = field;
	e->low = mc->low[field];
	e->high = mc->high[field];
	field_end(u, m, field, e->low, e->npv_low);
	field_end(u, m, field, e->high, e->npv_high);
}

static void profile_end(struct unc_model *u, size_t m, double sign, double npv[UNC_LINES])
{
	profile_factors(u, u->measures[m].group, sign);
	unc_measure_npv(u, m, u->factors_work, u->measures[m].point, false, npv);
}

size_t tornado_measure(struct unc_model *u, size_t m, struct tornado_entry *out)
{
	size_t count = 0;
	if (m >= u->measure_count)
		return 0;
	const struct unc_measure_coef *mc = &u->measures[m];
	for (int f = 0; f < RANGE_FIELD_COUNT; f++)
		if (mc->ranged[f])
			field_entry(u, m, f, &out[count++]);
	if (mc->group >= 0) {
		struct tornado_entry *e = &out[count++];
		e->measure = -1;
		e->group = mc->group;
		e->input = UNC_PROFILE;
		e->low = e->high = 0.0;
		profile_end(u, m, -1.0, e->npv_low);
		profile_end(u, m, +1.0, e->npv_high);
	}
	return count;
}

size_t tornado_portfolio_max(const struct unc_model *u)
{
	return u->measure_count * RANGE_FIELD_COUNT + u->group_count;
}

static void add_lines(double sum[UNC_LINES], const double v[UNC_LINES])
{
	for (int l = 0; l < UNC_LINES; l++)
		sum[l] += v[l];
}

/*
 * The portfolio ends of measure `which`'s entries e[0 … count−1]: Σ over
 * enabled measures of their point NPV with `which`'s one field at the
 * end instead.  Every end's sum runs in document order from 0, so all
 * ends share the sum over the measures before `which` (`prefix`, built
 * the same way) and the loop over the measures after it is shared too:
 * each of their NPVs is read once for all the ends.
 */
static void portfolio_field_ends(const struct unc_model *u, size_t which,
				 const double prefix[UNC_LINES], struct tornado_entry *e,
				 size_t count)
{
	double sum[2 * RANGE_FIELD_COUNT][UNC_LINES];
	const size_t ends = 2 * count;
	for (size_t k = 0; k < count; k++) {
		double npv[UNC_LINES];
		field_end(u, which, e[k].input, e[k].low, npv);
		for (int l = 0; l < UNC_LINES; l++)
			sum[2 * k][l] = prefix[l] + npv[l];
		field_end(u, which, e[k].input, e[k].high, npv);
		for (int l = 0; l < UNC_LINES; l++)
			sum[2 * k + 1][l] = prefix[l] + npv[l];
	}
	for (size_t j = which + 1; j < u->measure_count; j++) {
		if (!u->measures[j].enabled)
			continue;
		for (size_t k = 0; k < ends; k++)
			add_lines(sum[k], u->measures[j].point_npv);
	}
	for (size_t k = 0; k < count; k++) {
		memcpy(e[k].npv_low, sum[2 * k], sizeof e[k].npv_low);
		memcpy(e[k].npv_high, sum[2 * k + 1], sizeof e[k].npv_high);
	}
}

/* The same with every item of group g moved to its profile end. */
static void portfolio_profile_end(struct unc_model *u, long g, double sign,
				  double sum[UNC_LINES])
{
	profile_factors(u, g, sign);
	memset(sum, 0, UNC_LINES * sizeof *sum);
	for (size_t j = 0; j < u->measure_count; j++) {
		const struct unc_measure_coef *mc = &u->measures[j];
		if (!mc->enabled)
			continue;
		if (mc->group == g) {
			double npv[UNC_LINES];
			unc_measure_npv(u, j, u->factors_work, mc->point, false, npv);
			add_lines(sum, npv);
		} else {
			add_lines(sum, mc->point_npv);
		}
	}
}

void tornado_portfolio_begin(struct tornado_cursor *c)
{
	memset(c, 0, sizeof *c);
}

bool tornado_portfolio_step(struct unc_model *u, struct tornado_entry *out,
			    struct tornado_cursor *c, size_t units)
{
	size_t done = 0;
	for (; c->measure < u->measure_count && done < units; c->measure++) {
		const size_t m = c->measure;
		const struct unc_measure_coef *mc = &u->measures[m];
		if (!mc->enabled)
			continue;
		done++;
		size_t first = c->count;
		for (int f = 0; f < RANGE_FIELD_COUNT; f++) {
			if (!mc->ranged[f])
				continue;
			struct tornado_entry *e = &out[c->count++];
			e->measure = (long)m;
			e->group = -1;
			e->input = f;
			e->low = mc->low[f];
			e->high = mc->high[f];
		}
		if (c->count > first)
			portfolio_field_ends(u, m, c->prefix, &out[first], c->count - first);
		add_lines(c->prefix, mc->point_npv);
	}
	for (; c->measure >= u->measure_count && c->group < u->group_count && done < units;
	     c->group++) {
		const size_t g = c->group;
		bool used = false;
		for (size_t m = 0; m < u->measure_count && !used; m++)
			used = u->measures[m].enabled && u->measures[m].group == (long)g;
		if (!used)
			continue;
		done++;
		struct tornado_entry *e = &out[c->count++];
		e->measure = -1;
		e->group = (long)g;
		e->input = UNC_PROFILE;
		e->low = e->high = 0.0;
		portfolio_profile_end(u, (long)g, -1.0, e->npv_low);
		portfolio_profile_end(u, (long)g, +1.0, e->npv_high);
	}
	return c->measure >= u->measure_count && c->group >= u->group_count;
}

size_t tornado_portfolio(struct unc_model *u, struct tornado_entry *out)
{
	struct tornado_cursor c;
	tornado_portfolio_begin(&c);
	while (!tornado_portfolio_step(u, out, &c, SIZE_MAX))
		;
	return c.count;
}

/* A switching value exists when finite and inside [lo, hi]. */
static void set_value(struct switching_values *out, int input, double v, double lo, double hi)
{
	out->has[input] = isfinite(v) && v >= lo && v <= hi;
	out->value[input] = out->has[input] ? v : 0.0;
}

void switching_values(const struct measure *m, const struct result *r,
		      struct switching_values *out)
{
	memset(out, 0, sizeof *out);
	if (r->has_break_even_success_rate)
		set_value(out, RANGE_SUCCESS_RATE, r->break_even_success_rate, 0.0, 1.0);
	if (r->pv_cost != 0.0)
		set_value(out, RANGE_COST_PER_PARTICIPANT,
			  m->cost_per_participant * r->pv_saving / r->pv_cost, 0.0, INFINITY);
	if (r->pv_saving != 0.0) {
		set_value(out, RANGE_DEADWEIGHT,
			  1.0 - (1.0 - m->deadweight) * r->pv_cost / r->pv_saving, 0.0, 1.0);
		set_value(out, UNC_PROFILE, r->pv_cost / r->pv_saving, 0.0, INFINITY);
	}
	/* The contract gives decay no switching value: NPV is not linear in
	 * it and may not cross zero in 0–1 at all.  has[RANGE_DECAY] stays false. */
}
