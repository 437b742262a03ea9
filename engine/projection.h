/*
 * projection.h: the year-by-year projection of measures and of the
 * portfolio of enabled measures, exactly as doc/model.md defines it.
 *
 * Two levels:
 *   - pure functions (group_profile_compute, measure_project) that fill
 *     caller-owned buffers and allocate nothing;
 *   - `struct projection`, a cache of every measure's result and the
 *     portfolio, so that one keystroke in one measure recomputes that
 *     measure and patches the portfolio (projection_update_measure) in
 *     O(horizon) time with no allocation.
 *
 * Inputs are expected to have passed validate_workbook(); values outside
 * the ranges are clamped so nothing is read out of bounds, but the numbers
 * are then meaningless.
 *
 * Must never: do I/O, call ncurses or SQLite, allocate outside
 * projection_compute().
 */
#ifndef UTENFOR_ENGINE_PROJECTION_H
#define UTENFOR_ENGINE_PROJECTION_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/workbook.h"

struct year_row {
	int year;  /* calendar year, base_year + t */
	double df; /* discount factor DF(t) */
	double cost[BEARER_COUNT];
	double saving[BEARER_COUNT];
	double net;                /* Σ saving − Σ cost, this year */
	double cum_net;            /* undiscounted, years 0..t */
	double cum_net_discounted; /* Σ DF·net, years 0..t */
};

struct bearer_result {
	double pv_cost;
	double pv_saving;
	double npv;
};

/*
 * The results of one measure or of the portfolio.  "has_" flags mark the
 * values the model leaves empty (JSON null): BCR and flows when
 * pv_cost = 0, break-even years when the cumulative net never stays ≥ 0,
 * break-even success rate when its denominator is ≤ 0 (and always for the
 * portfolio).
 */
struct result {
	double pv_cost;
	double pv_saving;
	double npv;
	bool has_bcr;
	double bcr;
	struct bearer_result by_bearer[BEARER_COUNT];
	bool has_flows;
	double flows[BEARER_COUNT][BEARER_COUNT]; /* [payer][bearer] */
	bool has_break_even_year;
	int break_even_year;
	bool has_break_even_year_undiscounted;
	int break_even_year_undiscounted;
	double npv_per_participant; /* measures only; 0 for the portfolio */
	bool has_break_even_success_rate;
	double break_even_success_rate;
	int year_count; /* = horizon */
	struct year_row years[HORIZON_MAX];
};

/* extra[b](a) of the model, with G items converted at the workbook's G. */
struct group_profile {
	double extra[BEARER_COUNT][AGE_MAX + 1];
	double extra_total[AGE_MAX + 1]; /* Σ over bearers */
};

void group_profile_compute(const struct target_group *g, double g_amount,
			   struct group_profile *out);

/*
 * One measure's full result.  `df` holds params->horizon factors (see
 * discount_factors()).  `profile` may be NULL when the measure's group does
 * not exist: the measure then has costs but no savings.
 */
void measure_project(const struct workbook_params *params, const double *df,
		     const struct group_profile *profile, const struct measure *m,
		     struct result *out);

/*
 * Everything computed for a workbook.  Owns its arrays; initialise with
 * projection_init(), release with projection_free().
 */
struct projection {
	struct workbook_params params; /* as of the last projection_compute() */
	double df[HORIZON_MAX];
	struct group_profile *profiles; /* one per workbook group, same order */
	size_t profile_count;
	size_t profile_capacity;
	long *measure_group;     /* profile index per measure, -1 if missing */
	struct result *measures; /* one per workbook measure, same order */
	size_t measure_count;
	size_t measure_capacity;
	struct result portfolio; /* enabled measures only */
	unsigned patches_since_sum; /* see projection_update_measure() */
	/* Whether measures[i] is in the portfolio's sums right now, so a patch
	 * subtracts what was added even if the workbook's `enabled` changed. */
	bool *measure_in_portfolio;
	/*
	 * How many measures in the portfolio have a non-zero cost [0] or saving
	 * [1] in each year and bearer.  A cell that no measure contributes to is
	 * set to exactly 0, so patching never leaves a residue such as a
	 * pv_cost of 1e-12 that would turn an empty BCR into a huge one.
	 */
	unsigned portfolio_cells[2][HORIZON_MAX][BEARER_COUNT];
};

void projection_init(struct projection *p);
void projection_free(struct projection *p);

/*
 * Recompute everything.  Call after parameters change or groups/measures are
 * added, removed or reordered.  Allocates only when the workbook has grown
 * past what the cache holds.  Returns 0, or -1 when out of memory (the
 * cache is then empty but valid).
 */
int projection_compute(struct projection *p, const struct workbook *wb);

/*
 * One measure changed (any field, including enabled and group_id): recompute
 * it and patch the portfolio by subtracting its old rows and adding its new
 * ones.  O(horizon), no allocation.  Requires that the workbook's counts and
 * parameters are those of the last projection_compute().  To bound
 * floating-point drift, every 1024th patch re-sums the portfolio from all
 * measures instead.
 */
void projection_update_measure(struct projection *p, const struct workbook *wb, size_t index);

/* One group's items changed: recompute its profile and its measures. */
void projection_update_group(struct projection *p, const struct workbook *wb, size_t index);

/* Re-sum the portfolio from the cached measure results. */
void projection_sum_portfolio(struct projection *p, const struct workbook *wb);

#endif
