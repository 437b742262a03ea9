/*
 * uncertainty.h: the three uncertainty views of doc/model.md
 * ("Uncertainty") on the budget NPV, total and per bearer: the tornado,
 * the switching values and a Monte Carlo simulation reproducible bit for
 * bit from its seed.
 *
 * Speed: the NPV of a measure is linear in almost every input a draw
 * varies.  With K = N · p · (1 − d), factors f_i on the group's items and
 * cost c per participant,
 *
 *   pv_cost[b]   = c · (share[b] · N · Σ_{cost years} DF(t))
 *   pv_saving[b] = K · Σ_{items i of bearer b} f_i · S_i(δ)
 *   S_i(δ)       = amount_i · Σ_{effect years t with age(t) in i's ages}
 *                  DF(t) · growth(t) · (1 − δ)^k(t)
 *
 * so struct unc_model keeps, per measure, the bracketed cost factors and
 * one S_i per budget item at the point decay; a draw only scales them.
 * Only a measure whose decay is ranged loops over its years in a draw
 * (one pass for the weights' running sums, then O(1) per item).  Draws
 * are evaluated UNC_BLOCK at a time, lanes side by side, each lane with
 * the operations and order of a single draw.
 *
 * Reproducibility: the discount factors and growth are recomputed here
 * with products and quotients only (no pow(), whose last bit differs
 * between C libraries), the engine is compiled with -ffp-contract=off,
 * and every sum runs in a fixed order.  The results are then the same on
 * every IEEE-754 machine whatever the slicing of the simulation.
 *
 * Memory (doc/model.md "Uncertainty" lists it): the model is
 * O(measures × items of their group); a simulation keeps every draw of
 * the portfolio (4 lines × draws doubles: 320 KB at 10 000 draws) and of
 * the measures it is asked to keep (the same per measure), plus one
 * scratch line and one block's fields (UNC_BLOCK × 32 bytes a measure);
 * every other measure gets streaming statistics only (mean
 * and prob_positive, no percentiles).
 *
 * Must never: do I/O, or allocate outside unc_model_prepare(),
 * mc_begin() and mc_run_all().
 */
#ifndef UTENFOR_ENGINE_UNCERTAINTY_H
#define UTENFOR_ENGINE_UNCERTAINTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/projection.h"
#include "engine/rng.h"
#include "engine/workbook.h"

/* A "line" of results: the three bearers (enum bearer), then the total. */
#define UNC_TOTAL BEARER_COUNT
#define UNC_LINES (BEARER_COUNT + 1)

/* The inputs a tornado entry varies: a measure's ranged fields (enum
 * range_field), or a group's whole profile. */
#define UNC_PROFILE RANGE_FIELD_COUNT

/* ---- prepared coefficients ----------------------------------------- */

/* One budget item of a measure's group, as that measure sees it. */
struct unc_item_coef {
	size_t item;   /* index into the model's flat list of every group's items */
	int bearer;    /* enum bearer */
	double amount; /* NOK per person-year (G converted) */
	int t_lo;      /* first projected year in which it counts */
	int t_hi;      /* last; t_lo > t_hi when never */
	double s;      /* S_i at the point decay */
};

struct unc_measure_coef {
	bool enabled;
	long group;      /* index in wb->groups, −1 when missing */
	double n;        /* participants */
	double cost_pv[BEARER_COUNT]; /* pv_cost[b] per NOK of cost per participant */
	double point[RANGE_FIELD_COUNT];
	bool ranged[RANGE_FIELD_COUNT];
	double low[RANGE_FIELD_COUNT];
	double high[RANGE_FIELD_COUNT];
	int run_lo;      /* first year any item coefficient counts in */
	int run_hi;      /* exclusive; run_lo = run_hi when none */
	int k_run;       /* k(t) at t = run_lo */
	/* Coefficients coef_first … +coef_count, grouped by bearer: bearer b's
	 * end at coef_first + coef_end[b] (so a draw sums each bearer in a
	 * register). */
	size_t coef_first, coef_count;
	size_t coef_end[BEARER_COUNT];
	/* The triangular draw of each ranged field, with the contract's
	 * products formed once: u < cut ? low + √(u·a) : high − √((1−u)·b),
	 * a = (high − low)(mode − low), b = (high − low)(high − mode). */
	double tri_cut[RANGE_FIELD_COUNT];
	double tri_a[RANGE_FIELD_COUNT];
	double tri_b[RANGE_FIELD_COUNT];
	double point_npv[UNC_LINES];   /* at point values, through this model */
};

/*
 * Everything a tornado or a draw needs, independent of the workbook's
 * memory once prepared (the workbook may change meanwhile; prepare again
 * to see the change).  Initialise with unc_model_init(); free with
 * unc_model_free().
 */
struct unc_model {
	int horizon;
	double df[HORIZON_MAX];  /* DF(t), recomputed without pow() */
	double dfg[HORIZON_MAX]; /* DF(t) · growth(t) */
	size_t group_count;
	size_t *group_first;     /* group g's items are flat items group_first[g] … group_first[g+1]−1 */
	size_t item_count;       /* flat items of every group, document order */
	double *spread;          /* w of each flat item's grade */
	size_t measure_count;
	struct unc_measure_coef *measures;
	size_t coef_count;
	struct unc_item_coef *coefs;
	double *factors_one;     /* item_count ones: every item at its point value */
	double *factors_work;    /* scratch for the tornado's profile ends */
	size_t prepared;         /* measures [0, prepared) have their coefficients */
	size_t cap_groups, cap_items, cap_measures, cap_coefs;
};

void unc_model_init(struct unc_model *u);
void unc_model_free(struct unc_model *u);
/* Returns 0, or −1 when out of memory (the model is then empty).
 * Allocates only when `wb` is larger than any workbook prepared before. */
int unc_model_prepare(struct unc_model *u, const struct workbook *wb);
/* The same for measure `only` alone: the others get only what the draw
 * order needs (which fields are ranged), so simulating one measure of a
 * 10 000-measure workbook, as the interface does on every keystroke, does
 * not prepare the other 9 999 (6–8 ms).  Measure `only`'s coefficients are
 * those unc_model_prepare() gives it; nothing else of the model may be used. */
int unc_model_prepare_only(struct unc_model *u, const struct workbook *wb, size_t only);
/* unc_model_prepare() in steps of at most `measures` measures (6 ms in one
 * piece at 10 000): begin (0, or −1 when out of memory), then step until
 * it returns true.  The same model, bit for bit; `wb` must not change in
 * between (begin again when it did). */
int unc_model_prepare_begin(struct unc_model *u, const struct workbook *wb);
bool unc_model_prepare_step(struct unc_model *u, const struct workbook *wb, size_t measures);

/*
 * The NPV lines of measure `m` with every flat item i scaled by
 * factors[i] and its range fields at value[] (enum range_field order).
 * `vary_decay` false uses the precomputed S_i (value[RANGE_DECAY] must
 * then be the point decay); true recomputes them for value[RANGE_DECAY].
 */
void unc_measure_npv(const struct unc_model *u, size_t m, const double *factors,
		     const double value[RANGE_FIELD_COUNT], bool vary_decay,
		     double npv[UNC_LINES]);

/* Draws a simulation evaluates side by side (see unc_measure_npv_block). */
#define UNC_BLOCK 4

/* UNC_BLOCK draws of measure m: lane b's item i scaled by
 * factors[i · UNC_BLOCK + b], its range fields at
 * value[b · RANGE_FIELD_COUNT …]; each lane's lines are bit for bit
 * unc_measure_npv()'s with vary_decay = the measure's decay is ranged. */
void unc_measure_npv_block(const struct unc_model *u, size_t m, const double *factors,
			   const double *value, double npv[UNC_BLOCK][UNC_LINES]);

/* ---- tornado -------------------------------------------------------- */

struct tornado_entry {
	long measure; /* index in wb->measures; −1 for a profile */
	long group;   /* index in wb->groups; −1 for a ranged field */
	int input;    /* enum range_field, or UNC_PROFILE */
	double low, high;              /* the range (fields only) */
	double npv_low[UNC_LINES];     /* input at its low end */
	double npv_high[UNC_LINES];    /* input at its high end */
};

/* Entries a measure's tornado can have: its four fields and its profile. */
#define TORNADO_MEASURE_MAX (RANGE_FIELD_COUNT + 1)

/* Measure m's tornado into out[0 … TORNADO_MEASURE_MAX−1]; returns the
 * count, in the model's order.  Uses the model's scratch factors (hence
 * not const); no allocation. */
size_t tornado_measure(struct unc_model *u, size_t m, struct tornado_entry *out);
/* The most entries tornado_portfolio() can write for this model. */
size_t tornado_portfolio_max(const struct unc_model *u);
/* The portfolio's tornado (enabled measures' fields, then the profiles of
 * the groups they use); returns the count.  O(entries × measures). */
size_t tornado_portfolio(struct unc_model *u, struct tornado_entry *out);

/*
 * The same in steps, for an interface that must not stop for it (145 ms at
 * 10 000 measures with every field ranged): begin, then step until it
 * returns true; each step handles at most `units` measures or groups.
 * out[0 … count−1] are written as it goes; the bits are tornado_portfolio()'s.
 */
struct tornado_cursor {
	size_t measure;            /* next measure; measure_count: groups next */
	size_t group;              /* next group */
	size_t count;              /* entries written */
	double prefix[UNC_LINES];  /* Σ point NPVs of the enabled measures before */
};
void tornado_portfolio_begin(struct tornado_cursor *c);
bool tornado_portfolio_step(struct unc_model *u, struct tornado_entry *out,
			    struct tornado_cursor *c, size_t units);

/* ---- switching values ----------------------------------------------- */

struct switching_values {
	bool has[UNC_PROFILE + 1];     /* by enum range_field, then UNC_PROFILE */
	double value[UNC_PROFILE + 1];
};

/* From a measure's point result: the value of each input at which its
 * npv = 0, empty outside the input's allowed range or with denominator 0. */
void switching_values(const struct measure *m, const struct result *r,
		      struct switching_values *out);

/* ---- Monte Carlo ---------------------------------------------------- */

struct mc_stats {
	double mean;
	bool has_percentiles; /* false for a measure whose draws were not kept */
	double p10, p50, p90;
	double prob_positive; /* share of draws with npv > 0 */
};

struct mc_summary {
	long draws;
	uint64_t seed;
	struct mc_stats line[UNC_LINES];
};

struct mc_options {
	long draws;    /* ≥ 1 */
	uint64_t seed;
	/* −1: every measure (streaming statistics) and the portfolio (every
	 * draw kept).  ≥ 0: that measure alone, every draw kept; the other
	 * measures' uniforms are still taken, so its draws are the ones the
	 * full simulation gives it. */
	long only_measure;
	/* With only_measure = −1: measures keep_first … keep_first+keep_count−1
	 * also keep every draw, for their percentiles. */
	size_t keep_first, keep_count;
};

/* Sums of one line over the draws so far, in draw order. */
struct mc_accum {
	double sum[UNC_LINES];
	long positive[UNC_LINES];
};

/*
 * A simulation in progress.  Initialise once with mc_init(); mc_begin()
 * (re)starts it, mc_step() advances it by at most a given number of draws
 * and never allocates, mc_finish() computes the summaries; mc_free()
 * releases it.  Slicing never changes a result: the state between slices
 * is exactly the state inside one long run.
 */
struct mc_run {
	struct unc_model model;
	struct mc_options opt;
	struct rng rng;
	long done;
	struct mc_accum portfolio;
	struct mc_accum *measures;  /* model.measure_count */
	double *kept;               /* (1 + kept measures) × UNC_LINES × draws */
	double *scratch;            /* draws, for the percentiles' selection */
	uint64_t *keys, *keys_tmp;  /* draws each, for the same (radix select) */
	/* A block of UNC_BLOCK draws: factors[i · UNC_BLOCK + lane] and
	 * values[(measure · UNC_BLOCK + lane) · RANGE_FIELD_COUNT + field]. */
	double *block_factors;
	double *block_values;
	/* With only_measure: the jumps over the uniforms it does not use
	 * (before its group's items [group_items[0], group_items[1]), between
	 * them and its fields, after its fields). */
	struct rng_jump skip[3];
	size_t group_items[2];
	size_t cap_measures, cap_kept, cap_draws, cap_block_items, cap_block_values;
	struct mc_summary portfolio_summary;
	struct mc_summary *measure_summaries; /* model.measure_count */
};

void mc_init(struct mc_run *run);
void mc_free(struct mc_run *run);
/* Prepare the model for `wb` and start a simulation.  Returns 0, or −1
 * when out of memory.  Allocates only when this run is larger than any
 * before it; the workbook is not referenced afterwards. */
int mc_begin(struct mc_run *run, const struct workbook *wb, const struct mc_options *opt);
/* mc_begin() in steps (its model's preparation sliced, see
 * unc_model_prepare_begin()): start, then mc_begin_step() until it returns
 * 1 (−1: out of memory, the run is freed); only then mc_step().  `wb` must
 * not change in between. */
int mc_begin_start(struct mc_run *run, const struct workbook *wb, const struct mc_options *opt);
int mc_begin_step(struct mc_run *run, const struct workbook *wb, size_t measures);
/* Run up to max_draws more draws; returns the number of draws done so far
 * (opt.draws when finished).  No allocation. */
long mc_step(struct mc_run *run, long max_draws);
bool mc_done(const struct mc_run *run);
/* Summaries after the last mc_step(): means and shares for every line;
 * percentiles for the portfolio (only_measure = −1) and every kept
 * measure.  No allocation; may be called again after more steps. */
void mc_finish(struct mc_run *run);
/* The kept draws of one line in draw order, or NULL when not kept.
 * `measure` −1 is the portfolio.  Valid until the next mc_begin(). */
const double *mc_draws(const struct mc_run *run, long measure, int line);

/*
 * The whole simulation for a command-line result: the portfolio and every
 * measure with percentiles.  Measures are simulated in passes of as many
 * as keep their draws under `memory_limit` bytes; each draw's generator
 * state at its start (found by jumping, see rng.h) and where the last pass
 * left it are saved (64 bytes a draw), so a pass draws its item factors
 * and then only its own measures' uniforms: the passes together cost one
 * simulation however many there are, and the portfolio's draws are summed
 * across them in document order (the bits of one pass).  `measures` has
 * wb->measure_count entries.  Returns 0, or −1 when out of memory.
 */
int mc_run_all(const struct workbook *wb, long draws, uint64_t seed, size_t memory_limit,
	       struct mc_summary *portfolio, struct mc_summary *measures);

/*
 * Every uncertainty result of a workbook at once (calc --json, reports):
 * the portfolio's tornado and simulation, and per measure its tornado,
 * switching values and simulation.  Initialise with unc_results_init(),
 * fill with unc_results_compute() (0, or −1 when out of memory), release
 * with unc_results_free().
 */
struct unc_results {
	struct unc_model model;
	size_t measure_count;
	struct tornado_entry *portfolio_tornado;
	size_t portfolio_tornado_count;
	struct tornado_entry *measure_tornado; /* TORNADO_MEASURE_MAX per measure */
	size_t *measure_tornado_count;
	struct switching_values *switching;
	struct mc_summary portfolio_mc;
	struct mc_summary *measure_mc;
};

/* The simulation's memory cap for unc_results_compute(): see mc_run_all().
 * More passes cost only the item factors of every draw each (≈ 2 ms a
 * pass at 10 000 draws of 56 items), so 16 MB: `calc --json` of 10 000
 * measures stays under 100 MB. */
#define UNC_RESULTS_MEMORY_LIMIT ((size_t)16 << 20)

void unc_results_init(struct unc_results *r);
void unc_results_free(struct unc_results *r);
int unc_results_compute(struct unc_results *r, const struct workbook *wb,
			const struct projection *p, long draws, uint64_t seed);

/* Nearest-rank percentile k/10 of values[0 … n−1], rank ⌈k·n/10⌉ computed
 * in integers; reorders `values`. */
double unc_percentile(double *values, long n, int k);

#endif
