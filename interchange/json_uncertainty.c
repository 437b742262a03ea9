/*
 * json_uncertainty.c: the "uncertainty" object of calc --json.
 *
 * Field order follows MODEL.md's example.  Beyond it (doc/interchange.md
 * says so): each tornado entry carries "by_bearer" with npv_low/npv_high
 * per bearer, because the contract defines every view "total and per
 * bearer"; percentiles the simulation did not keep are null.
 *
 * Must never: print, call ncurses or SQLite, round a number.
 */
#include "interchange/json_uncertainty.h"

#include <math.h>
#include <stdbool.h>

/* Whole numbers below 2^53 are written as integers, as json_write.c does. */
#define EXACT_INTEGER_LIMIT 9007199254740992.0

struct out {
	bool ok;
};

static json_t *num(double v)
{
	if (!isfinite(v))
		return json_null();
	if (v == floor(v) && fabs(v) < EXACT_INTEGER_LIMIT)
		return json_integer((json_int_t)v);
	return json_real(v);
}

static void set(struct out *o, json_t *obj, const char *key, json_t *value)
{
	if (value == NULL || obj == NULL || json_object_set_new(obj, key, value) != 0)
		o->ok = false;
}

static json_t *obj(struct out *o)
{
	json_t *x = json_object();
	if (x == NULL)
		o->ok = false;
	return x;
}

static const char *input_key(int input)
{
	return input == UNC_PROFILE ? "profile" : range_field_key((enum range_field)input);
}

static json_t *tornado_entry_object(struct out *o, const struct workbook *wb,
				    const struct tornado_entry *e)
{
	json_t *x = obj(o);
	bool field = e->input != UNC_PROFILE;
	set(o, x, "measure", e->measure >= 0 ? json_string(wb->measures[e->measure].name) : json_null());
	set(o, x, "group", e->group >= 0 ? json_string(wb->groups[e->group].id) : json_null());
	set(o, x, "input", json_string(input_key(e->input)));
	set(o, x, "low", field ? num(e->low) : json_null());
	set(o, x, "high", field ? num(e->high) : json_null());
	set(o, x, "npv_low", num(e->npv_low[UNC_TOTAL]));
	set(o, x, "npv_high", num(e->npv_high[UNC_TOTAL]));
	json_t *by = obj(o);
	for (int b = 0; b < BEARER_COUNT; b++) {
		json_t *one = obj(o);
		set(o, one, "npv_low", num(e->npv_low[b]));
		set(o, one, "npv_high", num(e->npv_high[b]));
		set(o, by, bearer_key((enum bearer)b), one);
	}
	set(o, x, "by_bearer", by);
	return x;
}

static json_t *tornado_array(struct out *o, const struct workbook *wb,
			     const struct tornado_entry *e, size_t count)
{
	json_t *a = json_array();
	if (a == NULL) {
		o->ok = false;
		return NULL;
	}
	for (size_t i = 0; i < count; i++)
		if (json_array_append_new(a, tornado_entry_object(o, wb, &e[i])) != 0)
			o->ok = false;
	return a;
}

static json_t *maybe(bool has, double v)
{
	return has ? num(v) : json_null();
}

static json_t *switching_object(struct out *o, const struct switching_values *sv)
{
	json_t *x = obj(o);
	set(o, x, "success_rate", maybe(sv->has[RANGE_SUCCESS_RATE], sv->value[RANGE_SUCCESS_RATE]));
	set(o, x, "cost_per_participant",
	    maybe(sv->has[RANGE_COST_PER_PARTICIPANT], sv->value[RANGE_COST_PER_PARTICIPANT]));
	set(o, x, "deadweight", maybe(sv->has[RANGE_DEADWEIGHT], sv->value[RANGE_DEADWEIGHT]));
	set(o, x, "profile", maybe(sv->has[UNC_PROFILE], sv->value[UNC_PROFILE]));
	return x;
}

static void stats_fields(struct out *o, json_t *x, const struct mc_stats *s)
{
	set(o, x, "mean", num(s->mean));
	set(o, x, "p10", maybe(s->has_percentiles, s->p10));
	set(o, x, "p50", maybe(s->has_percentiles, s->p50));
	set(o, x, "p90", maybe(s->has_percentiles, s->p90));
	set(o, x, "prob_positive", num(s->prob_positive));
}

static json_t *monte_carlo_object(struct out *o, const struct mc_summary *s)
{
	json_t *x = obj(o);
	set(o, x, "draws", json_integer((json_int_t)s->draws));
	set(o, x, "seed", json_integer((json_int_t)s->seed));
	stats_fields(o, x, &s->line[UNC_TOTAL]);
	json_t *by = obj(o);
	for (int b = 0; b < BEARER_COUNT; b++) {
		json_t *one = obj(o);
		stats_fields(o, one, &s->line[b]);
		set(o, by, bearer_key((enum bearer)b), one);
	}
	set(o, x, "by_bearer", by);
	return x;
}

static json_t *uncertainty_object(const struct workbook *wb, const struct unc_results *u,
				  long measure, bool tornado)
{
	struct out o = {true};
	json_t *x = obj(&o);
	if (measure < 0) {
		set(&o, x, "tornado",
		    tornado_array(&o, wb, u->portfolio_tornado,
				  tornado ? u->portfolio_tornado_count : 0));
		set(&o, x, "monte_carlo", monte_carlo_object(&o, &u->portfolio_mc));
	} else {
		size_t i = (size_t)measure;
		set(&o, x, "tornado",
		    tornado_array(&o, wb, &u->measure_tornado[i * TORNADO_MEASURE_MAX],
				  tornado ? u->measure_tornado_count[i] : 0));
		set(&o, x, "switching", switching_object(&o, &u->switching[i]));
		set(&o, x, "monte_carlo", monte_carlo_object(&o, &u->measure_mc[i]));
	}
	if (!o.ok) {
		json_decref(x);
		return NULL;
	}
	return x;
}

json_t *json_uncertainty_object(const struct workbook *wb, const struct unc_results *u,
				long measure)
{
	return uncertainty_object(wb, u, measure, true);
}

json_t *json_uncertainty_object_untorn(const struct workbook *wb, const struct unc_results *u,
				       long measure)
{
	return uncertainty_object(wb, u, measure, false);
}

json_t *json_uncertainty_tornado_entry(const struct workbook *wb, const struct tornado_entry *e)
{
	struct out o = {true};
	json_t *x = tornado_entry_object(&o, wb, e);
	if (!o.ok) {
		json_decref(x);
		return NULL;
	}
	return x;
}
