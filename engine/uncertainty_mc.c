/*
 * uncertainty_mc.c: the Monte Carlo simulation of doc/model.md, in
 * slices.
 *
 * A draw takes its uniforms in the contract's order: one per item of
 * every group (groups and items in document order), then, for every
 * measure in document order, disabled ones included, one per ranged
 * field in the order success_rate, deadweight, decay,
 * cost_per_participant.  A measure that is not evaluated in this run
 * still consumes its uniforms, so every measure sees the same numbers
 * whatever else is simulated or switched off.
 *
 * Invariant between mc_step() calls: `rng` is the generator after
 * `done` whole draws, and the accumulators hold the sums over exactly
 * those draws in draw order; a slice boundary is invisible in the
 * results.
 *
 * Must never: do I/O, or allocate outside mc_begin() / mc_run_all().
 */
#include "engine/uncertainty.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void mc_init(struct mc_run *run)
{
	memset(run, 0, sizeof *run);
	unc_model_init(&run->model);
}

void mc_free(struct mc_run *run)
{
	unc_model_free(&run->model);
	free(run->measures);
	free(run->kept);
	free(run->scratch);
	free(run->factors);
	free(run->measure_summaries);
	mc_init(run);
}

static int grow(void **array, size_t *cap, size_t need, size_t size)
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

/* Kept slots: the portfolio or the one measure first, then kept measures. */
static size_t kept_slots(const struct mc_options *opt, size_t measures)
{
	if (opt->only_measure >= 0)
		return 1;
	size_t keep = 0;
	if (opt->keep_first < measures) {
		keep = measures - opt->keep_first;
		if (opt->keep_count < keep)
			keep = opt->keep_count;
	}
	return 1 + keep;
}

/* The slot of measure m, or −1 when its draws are not kept. */
static long measure_slot(const struct mc_run *run, size_t m)
{
	const struct mc_options *opt = &run->opt;
	if (opt->only_measure >= 0)
		return (size_t)opt->only_measure == m ? 0 : -1;
	if (m >= opt->keep_first && m - opt->keep_first < opt->keep_count)
		return 1 + (long)(m - opt->keep_first);
	return -1;
}

int mc_begin(struct mc_run *run, const struct workbook *wb, const struct mc_options *opt)
{
	if (unc_model_prepare(&run->model, wb) < 0) {
		mc_free(run);
		return -1;
	}
	run->opt = *opt;
	if (run->opt.draws < 1)
		run->opt.draws = 1;
	if (run->opt.only_measure >= (long)wb->measure_count)
		run->opt.only_measure = -1;
	const size_t m = run->model.measure_count;
	const size_t draws = (size_t)run->opt.draws;
	const size_t slots = kept_slots(&run->opt, m);
	size_t cap_summaries = run->cap_measures;
	if (grow((void **)&run->measures, &run->cap_measures, m, sizeof *run->measures) < 0 ||
	    grow((void **)&run->measure_summaries, &cap_summaries, m,
		 sizeof *run->measure_summaries) < 0 ||
	    grow((void **)&run->kept, &run->cap_kept, slots * UNC_LINES * draws,
		 sizeof *run->kept) < 0 ||
	    grow((void **)&run->scratch, &run->cap_draws, draws, sizeof *run->scratch) < 0 ||
	    grow((void **)&run->factors, &run->cap_items, run->model.item_count,
		 sizeof *run->factors) < 0) {
		mc_free(run);
		return -1;
	}
	rng_seed(&run->rng, run->opt.seed);
	run->done = 0;
	memset(&run->portfolio, 0, sizeof run->portfolio);
	memset(run->measures, 0, m * sizeof *run->measures);
	memset(&run->portfolio_summary, 0, sizeof run->portfolio_summary);
	memset(run->measure_summaries, 0, m * sizeof *run->measure_summaries);
	return 0;
}

/*
 * T(u), the symmetric triangular distribution on [−1, 1]: −1 + √(2u) for
 * u < ½, else 1 − √(2(1 − u)).  Written without a branch on u (a random
 * branch mispredicts half the time): with v = min(u, 1 − u), both cases
 * are ±(1 − √(2v)), and fl(√(2u) − 1) = −fl(1 − √(2u)) exactly, so the
 * bits are the contract formula's.
 */
static double triangular_unit(double u)
{
	double v = u < 0.5 ? u : 1.0 - u;
	double t = 1.0 - sqrt(2.0 * v);
	return u < 0.5 ? -t : t;
}

/* A ranged field's draw (see struct unc_measure_coef for the
 * constants): one square root of the selected side's argument. */
static double triangular(const struct unc_measure_coef *mc, int f, double u)
{
	bool below = u < mc->tri_cut[f];
	double root = sqrt(below ? u * mc->tri_a[f] : (1.0 - u) * mc->tri_b[f]);
	return below ? mc->low[f] + root : mc->high[f] - root;
}

static void accumulate(struct mc_accum *a, const double npv[UNC_LINES])
{
	for (int l = 0; l < UNC_LINES; l++) {
		a->sum[l] += npv[l];
		a->positive[l] += npv[l] > 0.0;
	}
}

static void keep_draw(struct mc_run *run, long slot, long draw, const double npv[UNC_LINES])
{
	const size_t draws = (size_t)run->opt.draws;
	for (int l = 0; l < UNC_LINES; l++)
		run->kept[((size_t)slot * UNC_LINES + (size_t)l) * draws + (size_t)draw] = npv[l];
}

static void one_draw(struct mc_run *run)
{
	const struct unc_model *u = &run->model;
	/* A local copy the compiler can keep in registers; stored back below. */
	struct rng local = run->rng;
	struct rng *r = &local;
	const bool whole = run->opt.only_measure < 0;

	if (whole) {
		for (size_t i = 0; i < u->item_count; i++)
			run->factors[i] = 1.0 + u->spread[i] * triangular_unit(rng_unit(r));
	} else {
		/* Only the measure's own group needs its factors; the rest of the
		 * uniforms are taken and dropped. */
		long g = u->measures[run->opt.only_measure].group;
		size_t first = g >= 0 ? u->group_first[g] : 0, end = g >= 0 ? u->group_first[g + 1] : 0;
		for (size_t i = 0; i < u->item_count; i++) {
			if (i >= first && i < end)
				run->factors[i] = 1.0 + u->spread[i] * triangular_unit(rng_unit(r));
			else
				(void)rng_next(r);
		}
	}

	double portfolio[UNC_LINES] = {0.0, 0.0, 0.0, 0.0};
	for (size_t m = 0; m < u->measure_count; m++) {
		const struct unc_measure_coef *mc = &u->measures[m];
		if (!whole && (size_t)run->opt.only_measure != m) {
			for (int f = 0; f < RANGE_FIELD_COUNT; f++)
				if (mc->ranged[f])
					(void)rng_next(r);
			continue;
		}
		double value[RANGE_FIELD_COUNT];
		for (int f = 0; f < RANGE_FIELD_COUNT; f++)
			value[f] = mc->ranged[f] ? triangular(mc, f, rng_unit(r)) : mc->point[f];
		double npv[UNC_LINES];
		unc_measure_npv(u, m, run->factors, value, mc->ranged[RANGE_DECAY], npv);
		accumulate(&run->measures[m], npv);
		long slot = measure_slot(run, m);
		if (slot >= 0)
			keep_draw(run, slot, run->done, npv);
		if (whole && mc->enabled)
			for (int l = 0; l < UNC_LINES; l++)
				portfolio[l] += npv[l];
	}
	if (whole) {
		accumulate(&run->portfolio, portfolio);
		keep_draw(run, 0, run->done, portfolio);
	}
	run->rng = local;
	run->done++;
}

long mc_step(struct mc_run *run, long max_draws)
{
	for (long i = 0; i < max_draws && run->done < run->opt.draws; i++)
		one_draw(run);
	return run->done;
}

bool mc_done(const struct mc_run *run)
{
	return run->done >= run->opt.draws;
}

/* The k-th smallest (0-based) of v[0 … n−1], reordering v (Hoare's
 * selection with a median-of-three pivot: O(n) expected). */
static double select_kth(double *v, long n, long k)
{
	long lo = 0, hi = n - 1;
	while (lo < hi) {
		double a = v[lo], b = v[lo + (hi - lo) / 2], c = v[hi];
		double pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
		long i = lo, j = hi;
		while (i <= j) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i <= j) {
				double t = v[i];
				v[i] = v[j];
				v[j] = t;
				i++;
				j--;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			return v[k];
	}
	return v[k];
}

/* The nearest rank ⌈k·n/10⌉ (1-based), in integers. */
static long rank_of(long n, int k)
{
	long long rank = ((long long)k * n + 9) / 10;
	if (rank < 1)
		rank = 1;
	if (rank > n)
		rank = n;
	return (long)rank;
}

double unc_percentile(double *values, long n, int k)
{
	if (n < 1)
		return 0.0;
	return select_kth(values, n, rank_of(n, k) - 1);
}

static void summarise(struct mc_run *run, const struct mc_accum *a, long slot,
		      struct mc_summary *out)
{
	const long n = run->done;
	out->draws = n;
	out->seed = run->opt.seed;
	for (int l = 0; l < UNC_LINES; l++) {
		struct mc_stats *s = &out->line[l];
		memset(s, 0, sizeof *s);
		if (n == 0)
			continue;
		s->mean = a->sum[l] / (double)n;
		s->prob_positive = (double)a->positive[l] / (double)n;
		if (slot < 0)
			continue;
		const double *src =
			&run->kept[((size_t)slot * UNC_LINES + (size_t)l) * (size_t)run->opt.draws];
		memcpy(run->scratch, src, (size_t)n * sizeof *run->scratch);
		s->has_percentiles = true;
		/* P50 first: selection leaves the smaller values below its rank
		 * and the larger above, so P10 and P90 search one side each. */
		long r5 = rank_of(n, 5), r1 = rank_of(n, 1), r9 = rank_of(n, 9);
		s->p50 = select_kth(run->scratch, n, r5 - 1);
		s->p10 = select_kth(run->scratch, r5, r1 - 1);
		s->p90 = r9 > r5 ? select_kth(run->scratch + r5, n - r5, r9 - r5 - 1) : s->p50;
	}
}

void mc_finish(struct mc_run *run)
{
	const bool whole = run->opt.only_measure < 0;
	memset(&run->portfolio_summary, 0, sizeof run->portfolio_summary);
	if (whole)
		summarise(run, &run->portfolio, 0, &run->portfolio_summary);
	for (size_t m = 0; m < run->model.measure_count; m++) {
		memset(&run->measure_summaries[m], 0, sizeof run->measure_summaries[m]);
		if (whole || (size_t)run->opt.only_measure == m)
			summarise(run, &run->measures[m], measure_slot(run, m),
				  &run->measure_summaries[m]);
	}
}

const double *mc_draws(const struct mc_run *run, long measure, int line)
{
	long slot;
	if (line < 0 || line >= UNC_LINES)
		return NULL;
	if (measure < 0)
		slot = run->opt.only_measure < 0 ? 0 : -1;
	else if ((size_t)measure < run->model.measure_count)
		slot = measure_slot(run, (size_t)measure);
	else
		slot = -1;
	if (slot < 0)
		return NULL;
	return &run->kept[((size_t)slot * UNC_LINES + (size_t)line) * (size_t)run->opt.draws];
}

int mc_run_all(const struct workbook *wb, long draws, uint64_t seed, size_t memory_limit,
	       struct mc_summary *portfolio, struct mc_summary *measures)
{
	if (draws < 1)
		draws = 1;
	/* Kept slots per pass: the limit over one slot's bytes, less the
	 * portfolio's; at least one measure per pass. */
	size_t slot_bytes = (size_t)draws * UNC_LINES * sizeof(double);
	size_t per_pass = memory_limit / slot_bytes;
	per_pass = per_pass > 1 ? per_pass - 1 : 1;
	struct mc_run run;
	mc_init(&run);
	size_t first = 0;
	do {
		struct mc_options opt = {.draws = draws, .seed = seed, .only_measure = -1,
					 .keep_first = first, .keep_count = per_pass};
		if (mc_begin(&run, wb, &opt) < 0)
			return -1;
		mc_step(&run, draws);
		mc_finish(&run);
		if (first == 0)
			*portfolio = run.portfolio_summary;
		for (size_t m = first; m < wb->measure_count && m - first < per_pass; m++)
			measures[m] = run.measure_summaries[m];
		first += per_pass;
	} while (first < wb->measure_count);
	mc_free(&run);
	return 0;
}
