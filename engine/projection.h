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
 * Memory: a measure's sector results take (3 + 2 · plan years) · sectors
 * doubles (12 sectors, 4 plan years: 1,0 kB), the portfolio's also a
 * sectors × sectors matrix; 10 000 measures with 64 sectors and 10 plan
 * years stay near 200 MB with their yearly rows.
 *
 * Must never: do I/O, call ncurses or SQLite, allocate outside
 * projection_compute().
 */
#ifndef UTENFOR_ENGINE_PROJECTION_H
#define UTENFOR_ENGINE_PROJECTION_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/workbook.h"

/* What a measure's (or the portfolio's) year stores: the rest of a year
 * follows from these and the basis (see struct year_row). */
struct year_flows {
	double cost[BEARER_COUNT];
	double saving[BEARER_COUNT];
};

/* One year as readers see it, made by year_cursor_next() or result_year(). */
struct year_row {
	int year;  /* calendar year, base_year + t */
	double df; /* discount factor DF(t) */
	double cost[BEARER_COUNT];
	double saving[BEARER_COUNT];
	double net;                /* Σ saving − Σ cost, this year */
	double cum_net;            /* undiscounted, years 0..t */
	double cum_net_discounted; /* Σ DF·net, years 0..t */
};

/* Present values of one bearer or one sector. */
struct bearer_result {
	double pv_cost;
	double pv_saving;
	double npv;
};

/* MODEL.md "The society view". */
struct society_result {
	double pv_services;   /* Σ DF · saving_kind[service] */
	double pv_production;
	double pv_welfare;
	double npv_society;   /* the three − pv_cost + tax_cost · npv */
};

/*
 * The results of one measure or of the portfolio.  "has_" flags mark the
 * values the model leaves empty (JSON null): BCR and flows when
 * pv_cost = 0 (the portfolio's flows: when every enabled measure's are
 * empty), break-even years when the cumulative net never stays ≥ 0 from
 * the first year with a cost on, or nothing costs anything in the horizon,
 * break-even success rate when its denominator is ≤ 0 (and always for the
 * portfolio).
 *
 * Sector results live in arrays sized by the workbook's sector count and
 * owned by the struct projection that made the result (see
 * projection_compute()); a result made by measure_project() without
 * sector buffers has by_sector == NULL and sector_count == 0 (its yearly
 * rows it always needs: see `years`).  Sector
 * index as in workbook.h (implicit bearer sectors first).  Copying a result
 * with `=` copies the pointers, not the arrays.
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
	struct society_result society;
	int year_count; /* = horizon */
	/* [year_count] rows, owned like the sector arrays: by the projection
	 * that made the result, or by the caller of measure_project(), which
	 * must aim it at room for the basis' horizon.  Only what no other
	 * year gives: a cost-item edit then rewrites the savings from the
	 * first changed year and not every later cumulative net, and 10 000
	 * measures at 40 years fault in 19 MB, not 35 MB, before the first
	 * paint.  Read whole years with year_cursor_next() or result_year(). */
	struct year_flows *years;
	/* The calendar year of row 0 and the discount factors by row: those of
	 * the basis that made the result, which must outlive it. */
	int first_year;
	const double *df;

	size_t sector_count;
	struct bearer_result *by_sector; /* [sector_count] */
	/* The økonomiplan window: plan_count (0–10) consecutive years from
	 * plan_first_year, only those inside the horizon.  Undiscounted, row
	 * r and sector x at [r * sector_count + x]; read them with
	 * result_plan_*(). */
	int plan_count;
	int plan_first_year;
	double *plan_cost;
	double *plan_saving;
	/* The portfolio's sector × sector matrix [payer * sector_count + x];
	 * NULL for a measure, whose matrix follows from by_sector.  Read it
	 * with result_sector_flow(). */
	double *sector_flows;
};

/*
 * A result's years in year order, with net and cumulative nets summed as
 * the projection sums them (so the same bits as its break-even years):
 *   struct year_cursor c; struct year_row y;
 *   year_cursor_start(&c, r);
 *   while (year_cursor_next(&c, &y)) ...
 */
struct year_cursor {
	const struct result *r;
	int t;
	double cum, cum_d;
};

void year_cursor_start(struct year_cursor *c, const struct result *r);
/* The next year into *out; false after the last. */
bool year_cursor_next(struct year_cursor *c, struct year_row *out);
/* Year t (0 ≤ t < year_count) alone: O(t), for readers of one year. */
void result_year(const struct result *r, int t, struct year_row *out);
/* All year_count years into out[0..year_count-1], for readers that go
 * back and forth (out has room for HORIZON_MAX rows at most). */
void result_years(const struct result *r, struct year_row *out);
/* The net of row t: Σ saving − Σ cost, bearers in order. */
double year_flows_net(const struct year_flows *y);

/* Of the savings that `payer`'s money buys, how much lands in sector x
 * (0 when !has_flows or without sector results). */
double result_sector_flow(const struct result *r, size_t payer, size_t x);
double result_plan_cost(const struct result *r, int row, size_t x);
double result_plan_saving(const struct result *r, int row, size_t x);
double result_plan_net(const struct result *r, int row, size_t x);
/* Σ over sectors of the net in plan row `row`. */
double result_plan_net_total(const struct result *r, int row);

/*
 * extra[b](a) of the model by bearer (budget kinds only), by item kind,
 * and by sector, with G items converted at the workbook's G.  The sector
 * rows are optional: `sector_extra` points at sector_count × (AGE_MAX + 1)
 * doubles owned by whoever set it (the projection for its cached
 * profiles), or is NULL.
 */
struct group_profile {
	double extra[BEARER_COUNT][AGE_MAX + 1];
	double extra_total[AGE_MAX + 1]; /* Σ over bearers */
	double extra_kind[ITEM_KIND_COUNT][AGE_MAX + 1];
	bool has_kind[ITEM_KIND_COUNT];
	size_t sector_count;
	double (*sector_extra)[AGE_MAX + 1];
	/* The sectors with any item, ascending; `split` marks a bearer whose
	 * items lie in more than one sector (its sectors need their own
	 * yearly sums; a bearer with one sector gets that sector's values from
	 * the bearer's). */
	int used_count;
	unsigned char used[SECTORS_MAX];
	bool split[BEARER_COUNT];
};

/*
 * Fill `out` from the group's items.  Keeps out->sector_extra and
 * out->sector_count (fills those rows when sector_extra is not NULL;
 * sector_count must then be workbook_sector_total(wb)).  Items whose
 * sector is unknown count for their bearer but no sector.
 */
void group_profile_compute(const struct workbook *wb, const struct target_group *g,
			   struct group_profile *out);

/*
 * What every measure's projection shares: discount and growth factors,
 * the horizon, the plan window, the sector table.  Filled by
 * projection_basis_compute() from a workbook; no pointers inside.
 */
struct projection_basis {
	int horizon;
	int base_year;
	double df[HORIZON_MAX];
	double growth[HORIZON_MAX]; /* (1 + real_growth)^t */
	double tax_cost;
	int plan_first;             /* t of the first plan year inside the horizon */
	int plan_count;             /* plan years inside the horizon, 0–10 */
	size_t sector_count;        /* workbook_sector_total(), at most SECTORS_MAX */
	signed char sector_bearer[SECTORS_MAX];
};

void projection_basis_compute(struct projection_basis *b, const struct workbook *wb);

/*
 * One measure's full result.  `profile` may be NULL when the measure's
 * group does not exist: the measure then has costs but no savings.  `wb`
 * resolves the payer's sector ids.  Sector results are filled when
 * out->by_sector is not NULL: the caller then sets out->sector_count
 * (= basis->sector_count), by_sector, plan_cost and plan_saving
 * (basis->plan_count × sector_count each); a profile without sector rows
 * then gives zero sector savings.  Allocates nothing.
 */
void measure_project(const struct projection_basis *basis, const struct workbook *wb,
		     const struct group_profile *profile, const struct measure *m,
		     struct result *out);

/*
 * measure_project() for a measure whose cached result `out` is that of the
 * same measure and basis with a profile that differs only at ages the
 * measure reaches in its effect years first_row..last_row (see
 * measure_effect_years()): the rows outside those are left alone, since
 * they would come out the same; everything else is written.  The result
 * has the same bits as measure_project()'s.  Allocates nothing.
 */
void measure_reproject_from(const struct projection_basis *basis, const struct workbook *wb,
			    const struct group_profile *profile, const struct measure *m,
			    struct result *out, int first_row, int last_row);

/*
 * The years t (first..last, inclusive) in which measure m is in effect, in
 * the horizon and at an age in from_age..to_age: the only rows whose
 * savings a change of its profile at those ages can touch.  false when
 * there is none.
 */
bool measure_effect_years(const struct projection_basis *basis, const struct measure *m,
			  int from_age, int to_age, int *first, int *last);

/*
 * One measure's undiscounted yearly cost and saving per sector and saving
 * per item kind, *added* to cost[t · S + x], saving[t · S + x] and
 * kind_saving[t · ITEM_KIND_COUNT + q] (t < basis->horizon, S =
 * basis->sector_count).  The same formulas as measure_project(); for
 * exports, not the recompute path (the cache keeps only the plan years).
 */
void measure_sector_years(const struct projection_basis *basis, const struct workbook *wb,
			  const struct group_profile *profile, const struct measure *m,
			  double *cost, double *saving, double *kind_saving);

/*
 * Everything computed for a workbook.  Owns its arrays; initialise with
 * projection_init(), release with projection_free().
 */
struct portfolio_sums; /* projection_cache.c */

struct projection {
	struct workbook_params params; /* as of the last projection_compute() */
	struct projection_basis basis;
	double df[HORIZON_MAX];         /* = basis.df, kept for existing readers */
	struct group_profile *profiles; /* one per workbook group, same order */
	size_t profile_count;
	size_t profile_capacity;
	long *measure_group;     /* profile index per measure, -1 if missing */
	struct result *measures; /* one per workbook measure, same order */
	size_t measure_count;
	size_t measure_capacity;
	struct result portfolio; /* enabled measures only */
	/* Whether measures[i] is in the portfolio's sums right now, so a patch
	 * subtracts what was added even if the workbook's `enabled` changed. */
	bool *measure_in_portfolio;
	/*
	 * The portfolio as sums of its measures' contributions, kept per
	 * target group ("slots": one per group, then one for measures whose
	 * group is missing, then the total, then the slice being rebuilt, then
	 * the changes a cost-item edit gathers), so
	 * that a cost-item edit re-sums one group's measures and patches the
	 * total by that group alone.  Every summed cell counts its non-zero
	 * contributors and a cell with none holds exactly 0, so patching never
	 * leaves a residue such as a pv_cost of 1e-12 that would turn an empty
	 * BCR into a huge one.  Layout and drift bound: projection_cache.c.
	 */
	struct portfolio_sums *sums;
	size_t sums_capacity;
	size_t rebuild_slot;   /* the group slot the last slot is rebuilding */
	size_t rebuild_cursor; /* measures [0, cursor) are in that rebuild */
	/* A copy of every group's id, to see that an edit changed one. */
	char (*group_ids)[TEXT_ID_SIZE];
	/* Sector-sized storage, one block sized at projection_compute(): the
	 * profiles' sector rows, each measure's and the portfolio's sector
	 * results, and the slots' summed sector cells.  See projection_cache.c
	 * for the layout. */
	double *sector_pool;
	size_t sector_pool_size; /* doubles */
	struct bearer_result *sector_results;
	size_t sector_results_size;
	unsigned *sector_cells;
	size_t sector_cells_size;
	/* The yearly rows of every measure's result and the portfolio's,
	 * horizon rows each, re-aimed at each projection_compute(). */
	struct year_flows *year_pool;
	size_t year_pool_size; /* rows */
	/* Made by projection_compute_streaming(): measures[0] is a scratch
	 * slot, measure_count is 0 (see there). */
	bool streaming;
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
 * it and patch its group's sums and the portfolio's by subtracting its old
 * rows and sums and adding its new ones.  O(horizon + plan years ·
 * sectors), no allocation.  Requires that the workbook's counts and
 * parameters are those of the last projection_compute().  To bound
 * floating-point drift each call also re-sums a small slice of one group
 * from its measures (see projection_cache.c), so no single call pays for
 * a full re-sum.
 */
void projection_update_measure(struct projection *p, const struct workbook *wb, size_t index);

/*
 * One group's items changed: recompute its profile and compare it with the
 * cached one.  When the edit left its sectors, split bearers and kinds as
 * they were (an amount, an age range, a unit; most bearer, sector and kind
 * changes within used sectors), only the measures that reach the changed
 * ages in effect are re-projected, from their first such year on (the same
 * bits as a full recompute), and the changes of their savings are patched
 * into the group's sums and the portfolio's, which then drift as a measure
 * patch does (the sliced rebuild advances here too).  Otherwise every
 * measure of the group is re-projected into a fresh sum of the group and
 * the portfolio re-summed from the groups'.  No allocation; when the
 * group's id changed, every measure is re-resolved and patched.
 */
void projection_update_group(struct projection *p, const struct workbook *wb, size_t index);

/*
 * The portfolio's yearly cost and saving per sector and saving per item
 * kind (the layout of measure_sector_years()), into arrays the caller
 * allocates with basis.horizon · basis.sector_count and basis.horizon ·
 * ITEM_KIND_COUNT doubles.  `p` must be a projection_compute() of `wb`.
 */
void projection_portfolio_sector_years(const struct projection *p, const struct workbook *wb,
				       double *cost, double *saving, double *kind_saving);

/*
 * For writers that stream (`calc --json` of 10 000 measures × 100 years):
 * the profiles and the portfolio exactly as projection_compute() makes
 * them (the same additions in the same order, so the same bits), but no
 * measure's result is kept: memory is one measure's result, not one per
 * measure.  Read measure i with projection_measure_result(), which projects
 * it again.  The projection then has measure_count 0, so the update and
 * re-sum functions must not be called on it (projection_compute() turns it
 * back into a full cache).  Returns 0, or -1 when out of memory.
 */
int projection_compute_streaming(struct projection *p, const struct workbook *wb);

/*
 * Measure i's result (i < wb->measure_count): the cached one after
 * projection_compute(), or, after projection_compute_streaming(), projected
 * anew into a scratch slot the projection owns that the next call
 * overwrites (so `p` is const only as a cache: two callers must not share a
 * streaming projection at once).  The pointer is valid until the next call
 * on `p`.
 */
const struct result *projection_measure_result(const struct projection *p,
					       const struct workbook *wb, size_t i);

/* Re-sum the portfolio from the cached measure results. */
void projection_sum_portfolio(struct projection *p, const struct workbook *wb);

#endif
