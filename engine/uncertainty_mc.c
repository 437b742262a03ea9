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
#ifdef __SSE2__
#include <emmintrin.h>
#endif
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
	free(run->keys);
	free(run->keys_tmp);
	free(run->block_factors);
	free(run->block_values);
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

/* Uniforms a measure takes per draw. */
static uint64_t ranged_count(const struct unc_measure_coef *mc)
{
	uint64_t n = 0;
	for (int f = 0; f < RANGE_FIELD_COUNT; f++)
		n += mc->ranged[f];
	return n;
}

/* For one measure: the jumps over the uniforms before its group's items,
 * between those and its own, and after its own, to the next draw. */
static void prepare_skips(struct mc_run *run)
{
	const struct unc_model *u = &run->model;
	run->group_items[0] = run->group_items[1] = 0;
	if (run->opt.only_measure < 0)
		return;
	const size_t only = (size_t)run->opt.only_measure;
	long g = u->measures[only].group;
	if (g >= 0) {
		run->group_items[0] = u->group_first[g];
		run->group_items[1] = u->group_first[g + 1];
	}
	uint64_t before = 0, after = 0;
	for (size_t m = 0; m < u->measure_count; m++) {
		if (m < only)
			before += ranged_count(&u->measures[m]);
		else if (m > only)
			after += ranged_count(&u->measures[m]);
	}
	rng_jump_prepare(&run->skip[0], run->group_items[0]);
	rng_jump_prepare(&run->skip[1], u->item_count - run->group_items[1] + before);
	rng_jump_prepare(&run->skip[2], after);
}

int mc_begin_start(struct mc_run *run, const struct workbook *wb, const struct mc_options *opt)
{
	const bool one = opt->only_measure >= 0 && (size_t)opt->only_measure < wb->measure_count;
	if ((one ? unc_model_prepare_only(&run->model, wb, (size_t)opt->only_measure)
		 : unc_model_prepare_begin(&run->model, wb)) < 0) {
		mc_free(run);
		return -1;
	}
	run->opt = *opt;
	if (run->opt.draws < 1)
		run->opt.draws = 1;
	if (run->opt.only_measure >= (long)wb->measure_count)
		run->opt.only_measure = -1;
	return 0;
}

/* The run's arrays and state once its model is prepared. */
static int mc_begin_finish(struct mc_run *run)
{
	const size_t m = run->model.measure_count;
	const size_t draws = (size_t)run->opt.draws;
	const size_t slots = kept_slots(&run->opt, m);
	size_t cap_summaries = run->cap_measures;
	size_t cap_scratch = run->cap_draws, cap_keys = run->cap_draws;
	if (grow((void **)&run->measures, &run->cap_measures, m, sizeof *run->measures) < 0 ||
	    grow((void **)&run->measure_summaries, &cap_summaries, m,
		 sizeof *run->measure_summaries) < 0 ||
	    grow((void **)&run->kept, &run->cap_kept, slots * UNC_LINES * draws,
		 sizeof *run->kept) < 0 ||
	    grow((void **)&run->scratch, &cap_scratch, draws, sizeof *run->scratch) < 0 ||
	    grow((void **)&run->keys, &cap_keys, draws, sizeof *run->keys) < 0 ||
	    grow((void **)&run->keys_tmp, &run->cap_draws, draws, sizeof *run->keys_tmp) < 0 ||
	    grow((void **)&run->block_factors, &run->cap_block_items,
		 run->model.item_count * UNC_BLOCK, sizeof *run->block_factors) < 0 ||
	    grow((void **)&run->block_values, &run->cap_block_values,
		 m * UNC_BLOCK * RANGE_FIELD_COUNT, sizeof *run->block_values) < 0) {
		mc_free(run);
		return -1;
	}
	prepare_skips(run);
	rng_seed(&run->rng, run->opt.seed);
	run->done = 0;
	memset(&run->portfolio, 0, sizeof run->portfolio);
	memset(run->measures, 0, m * sizeof *run->measures);
	memset(&run->portfolio_summary, 0, sizeof run->portfolio_summary);
	memset(run->measure_summaries, 0, m * sizeof *run->measure_summaries);
	return 0;
}

int mc_begin_step(struct mc_run *run, const struct workbook *wb, size_t measures)
{
	if (!unc_model_prepare_step(&run->model, wb, measures))
		return 0;
	return mc_begin_finish(run) < 0 ? -1 : 1;
}

int mc_begin(struct mc_run *run, const struct workbook *wb, const struct mc_options *opt)
{
	if (mc_begin_start(run, wb, opt) < 0)
		return -1;
	return mc_begin_step(run, wb, SIZE_MAX) < 0 ? -1 : 0;
}

/* Two lanes a vector (GCC/Clang vector types: IEEE operations per lane,
 * no contraction); the square root is SSE2's correctly rounded one where
 * there is SSE2, the C library's (also correctly rounded) per lane else. */
typedef double lane2 __attribute__((vector_size(16)));
typedef int64_t mask2 __attribute__((vector_size(16)));

static lane2 sqrt2(lane2 x)
{
#ifdef __SSE2__
	return (lane2)_mm_sqrt_pd((__m128d)x);
#else
	return (lane2){sqrt(x[0]), sqrt(x[1])};
#endif
}

/* c ? x : y per lane, by the bits: a random c costs no mispredicted branch. */
static lane2 select2(mask2 c, lane2 x, lane2 y)
{
	return (lane2)(((mask2)x & c) | ((mask2)y & ~c));
}

/*
 * T(u), the symmetric triangular distribution on [−1, 1]: −1 + √(2u) for
 * u < ½, else 1 − √(2(1 − u)).  Written without a branch on u (a random
 * branch mispredicts half the time): with v = min(u, 1 − u), both cases
 * are ±(1 − √(2v)), and fl(√(2u) − 1) = −fl(1 − √(2u)) exactly, so the
 * bits are the contract formula's.
 */
static void factor_lanes(const struct unc_model *u, double *factors, size_t first, size_t end)
{
	const lane2 half = {0.5, 0.5}, one = {1.0, 1.0}, two = {2.0, 2.0};
	for (size_t i = first; i < end; i++) {
		const lane2 w = {u->spread[i], u->spread[i]};
		for (int p = 0; p < UNC_BLOCK; p += 2) {
			double *f = &factors[i * UNC_BLOCK + (size_t)p];
			const lane2 x = {f[0], f[1]};
			const mask2 low = x < half;
			const lane2 v = select2(low, x, one - x);
			const lane2 t = one - sqrt2(two * v);
			const lane2 factor = one + w * select2(low, -t, t);
			f[0] = factor[0];
			f[1] = factor[1];
		}
	}
}

/* The ranged fields of a block's lanes, value[b · RANGE_FIELD_COUNT + f]
 * holding lane b's uniform, into their triangular draws (see struct
 * unc_measure_coef for the constants): one square root of the selected
 * side's argument, u < cut ? low + √(u·a) : high − √((1−u)·b). */
static void triangular_lanes(const struct unc_measure_coef *mc, double *value)
{
	for (int f = 0; f < RANGE_FIELD_COUNT; f++) {
		if (!mc->ranged[f])
			continue;
		const lane2 cut = {mc->tri_cut[f], mc->tri_cut[f]};
		const lane2 a = {mc->tri_a[f], mc->tri_a[f]}, b = {mc->tri_b[f], mc->tri_b[f]};
		const lane2 low = {mc->low[f], mc->low[f]}, high = {mc->high[f], mc->high[f]};
		const lane2 one = {1.0, 1.0};
		for (int p = 0; p < UNC_BLOCK; p += 2) {
			double *v0 = &value[p * RANGE_FIELD_COUNT + f];
			double *v1 = &value[(p + 1) * RANGE_FIELD_COUNT + f];
			const lane2 u = {*v0, *v1};
			const mask2 below = u < cut;
			const lane2 root = sqrt2(select2(below, u * a, (one - u) * b));
			const lane2 draw = select2(below, low + root, high - root);
			*v0 = draw[0];
			*v1 = draw[1];
		}
	}
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

/* The uniforms of items first … end−1 into lane b of the block layout
 * (factor_lanes() turns them into factors). */
static void draw_factors(double *factors, int b, size_t first, size_t end, struct rng *r)
{
	for (size_t i = first; i < end; i++)
		factors[i * UNC_BLOCK + (size_t)b] = rng_unit(r);
}

/* Measure m's fields for one lane: the next uniform for each ranged one
 * (triangular_lanes() turns it into the draw), the point value else. */
static void draw_values(const struct unc_measure_coef *mc, double value[RANGE_FIELD_COUNT],
			struct rng *r)
{
	for (int f = 0; f < RANGE_FIELD_COUNT; f++)
		value[f] = mc->ranged[f] ? rng_unit(r) : mc->point[f];
}

/* Lanes nb … UNC_BLOCK−1 of a short block repeat lane 0 (computed, unused). */
static void pad_lanes(double *factors, const size_t items[2], double *value, size_t first,
		      size_t end, int nb)
{
	for (int b = nb; b < UNC_BLOCK; b++) {
		for (size_t i = items[0]; i < items[1]; i++)
			factors[i * UNC_BLOCK + (size_t)b] = factors[i * UNC_BLOCK];
		for (size_t m = first; m < end; m++)
			memcpy(&value[(m * UNC_BLOCK + (size_t)b) * RANGE_FIELD_COUNT],
			       &value[m * UNC_BLOCK * RANGE_FIELD_COUNT],
			       RANGE_FIELD_COUNT * sizeof *value);
	}
}

/* Lane b's uniforms of one draw for the whole portfolio, in the contract's order. */
static void whole_uniforms(struct mc_run *run, int b, struct rng *r)
{
	const struct unc_model *u = &run->model;
	draw_factors(run->block_factors, b, 0, u->item_count, r);
	for (size_t m = 0; m < u->measure_count; m++)
		draw_values(&u->measures[m],
			    &run->block_values[(m * UNC_BLOCK + (size_t)b) * RANGE_FIELD_COUNT], r);
}

/* Lane b's uniforms of one draw for measure `only`: its group's factors
 * and its fields; the other uniforms are jumped over. */
static void only_uniforms(struct mc_run *run, int b, struct rng *r)
{
	const struct unc_model *u = &run->model;
	const size_t m = (size_t)run->opt.only_measure;
	rng_jump(r, &run->skip[0]);
	draw_factors(run->block_factors, b, run->group_items[0], run->group_items[1], r);
	rng_jump(r, &run->skip[1]);
	draw_values(&u->measures[m], &run->block_values[(m * UNC_BLOCK + (size_t)b) * RANGE_FIELD_COUNT],
		    r);
	rng_jump(r, &run->skip[2]);
}

/*
 * nb ≤ UNC_BLOCK draws: every lane's uniforms in draw order first (the
 * generator is sequential), then each measure's lanes side by side; every
 * sum still takes its terms in draw order and, within a draw, in
 * document order, so a block gives the bits of nb single draws.
 */
static void block_draws(struct mc_run *run, int nb)
{
	const struct unc_model *u = &run->model;
	/* A local copy the compiler can keep in registers; stored back below. */
	struct rng r = run->rng;
	const bool whole = run->opt.only_measure < 0;
	for (int b = 0; b < nb; b++) {
		if (whole)
			whole_uniforms(run, b, &r);
		else
			only_uniforms(run, b, &r);
	}
	size_t first = whole ? 0 : (size_t)run->opt.only_measure;
	size_t end = whole ? u->measure_count : first + 1;
	const size_t all_items[2] = {0, u->item_count};
	const size_t *items = whole ? all_items : run->group_items;
	pad_lanes(run->block_factors, items, run->block_values, first, end, nb);
	factor_lanes(u, run->block_factors, items[0], items[1]);

	double portfolio[UNC_BLOCK][UNC_LINES];
	memset(portfolio, 0, sizeof portfolio);
	for (size_t m = first; m < end; m++) {
		double npv[UNC_BLOCK][UNC_LINES];
		double *value = &run->block_values[m * UNC_BLOCK * RANGE_FIELD_COUNT];
		triangular_lanes(&u->measures[m], value);
		unc_measure_npv_block(u, m, run->block_factors, value, npv);
		long slot = measure_slot(run, m);
		for (int b = 0; b < nb; b++) {
			accumulate(&run->measures[m], npv[b]);
			if (slot >= 0)
				keep_draw(run, slot, run->done + b, npv[b]);
		}
		if (whole && u->measures[m].enabled)
			for (int b = 0; b < nb; b++)
				for (int l = 0; l < UNC_LINES; l++)
					portfolio[b][l] += npv[b][l];
	}
	if (whole)
		for (int b = 0; b < nb; b++) {
			accumulate(&run->portfolio, portfolio[b]);
			keep_draw(run, 0, run->done + b, portfolio[b]);
		}
	run->rng = r;
	run->done += nb;
}

long mc_step(struct mc_run *run, long max_draws)
{
	long left = run->opt.draws - run->done;
	if (max_draws < left)
		left = max_draws;
	while (left > 0) {
		int nb = left < UNC_BLOCK ? (int)left : UNC_BLOCK;
		block_draws(run, nb);
		left -= nb;
	}
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

/*
 * A faster selection that returns the same bits as select_kth(): with no
 * zero and no NaN among the values, equal values have equal bits, so the
 * k-th smallest is one bit pattern whatever the algorithm; with a zero
 * (+0 and −0 compare equal, and which one select_kth() returns depends on
 * its path) or a NaN, summarise() keeps select_kth().
 *
 * Keys: the bits of a double made to sort as unsigned integers in the
 * order of the values.  to_keys() returns false when a value is 0 or NaN,
 * and the smallest and largest key.
 */
static bool to_keys(const double *v, long n, uint64_t *keys, uint64_t *kmin, uint64_t *kmax)
{
	bool plain = true;
	uint64_t lo = UINT64_MAX, hi = 0;
	for (long i = 0; i < n; i++) {
		uint64_t b;
		memcpy(&b, &v[i], sizeof b);
		plain &= v[i] == v[i] && v[i] != 0.0;
		uint64_t negative = (uint64_t)0 - (b >> 63);
		uint64_t k = b ^ (negative | ((uint64_t)1 << 63));
		keys[i] = k;
		lo = k < lo ? k : lo;
		hi = k > hi ? k : hi;
	}
	*kmin = lo;
	*kmax = hi;
	return plain;
}

static double from_key(uint64_t k)
{
	uint64_t negative = (uint64_t)0 - ((k >> 63) ^ 1u);
	uint64_t b = k ^ (negative | ((uint64_t)1 << 63));
	double x;
	memcpy(&x, &b, sizeof x);
	return x;
}

enum { DIGIT_BITS = 11, DIGIT_BINS = 1 << DIGIT_BITS };

/* The position of the rank k among count[]: its digit, and k within it. */
static uint64_t digit_of(const uint32_t *count, long *k)
{
	uint64_t digit = 0;
	while (*k >= (long)count[digit]) {
		*k -= (long)count[digit];
		digit++;
	}
	return digit;
}

/* The k-th smallest (0-based) of keys v[0 … n−1] that agree on every bit
 * from `shift` up: count the next 11-bit digit, move the keys of the
 * digit the rank falls in to the front and go on among them, until one
 * key or one value is left.  Reorders v. */
static double select_in(uint64_t *v, long n, long k, int shift)
{
	uint32_t count[DIGIT_BINS]; /* draws ≤ 1 000 000 */
	while (n > 1 && shift > 0) {
		shift = shift > DIGIT_BITS ? shift - DIGIT_BITS : 0;
		memset(count, 0, sizeof count);
		for (long i = 0; i < n; i++)
			count[(v[i] >> shift) & (DIGIT_BINS - 1)]++;
		uint64_t digit = digit_of(count, &k);
		/* Swapped to the front, not overwritten: the part stays a
		 * permutation of itself for a later rank with the same digit. */
		long kept = 0;
		for (long i = 0; i < n; i++) {
			uint64_t key = v[i];
			if (((key >> shift) & (DIGIT_BINS - 1)) == digit) {
				v[i] = v[kept];
				v[kept++] = key;
			}
		}
		n = kept;
	}
	return from_key(v[0]);
}

/*
 * P10, P50 and P90 (0-based ranks rank[0] ≤ rank[1] ≤ rank[2]) of keys
 * between kmin and kmax: the first digit is the 11 bits below the highest
 * bit in which kmin and kmax differ, so it splits the draws' actual range;
 * one count and one pass put each rank's digit's keys in its own part of
 * tmp, and select_in() finishes each.
 */
static void radix_percentiles(const uint64_t *keys, uint64_t *tmp, long n, uint64_t kmin,
			      uint64_t kmax, const long rank[3], double out[3])
{
	if (kmin == kmax) {
		for (int j = 0; j < 3; j++)
			out[j] = from_key(kmin);
		return;
	}
	int top = 63;
	while (((kmin ^ kmax) >> top) == 0)
		top--;
	int shift = top + 1 > DIGIT_BITS ? top + 1 - DIGIT_BITS : 0;
	uint32_t count[DIGIT_BINS];
	memset(count, 0, sizeof count);
	for (long i = 0; i < n; i++)
		count[(keys[i] >> shift) & (DIGIT_BINS - 1)]++;
	uint64_t digit[3];
	long within[3], start[3], fill[3];
	for (int j = 0; j < 3; j++) {
		within[j] = rank[j];
		digit[j] = digit_of(count, &within[j]);
		if (j == 0)
			start[j] = 0;
		else if (digit[j] == digit[j - 1])
			start[j] = start[j - 1]; /* the same part */
		else
			start[j] = start[j - 1] + (long)count[digit[j - 1]];
		fill[j] = start[j];
	}
	for (long i = 0; i < n; i++) {
		uint64_t d = (keys[i] >> shift) & (DIGIT_BINS - 1);
		if (d == digit[0])
			tmp[fill[0]++] = keys[i];
		else if (d == digit[1])
			tmp[fill[1]++] = keys[i];
		else if (d == digit[2])
			tmp[fill[2]++] = keys[i];
	}
	for (int j = 0; j < 3; j++) {
		long size = (long)count[digit[j]];
		out[j] = select_in(&tmp[start[j]], size, within[j], shift);
	}
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
		s->has_percentiles = true;
		long r5 = rank_of(n, 5), r1 = rank_of(n, 1), r9 = rank_of(n, 9);
		uint64_t kmin, kmax;
		if (to_keys(src, n, run->keys, &kmin, &kmax)) {
			const long rank[3] = {r1 - 1, r5 - 1, r9 - 1};
			double p[3];
			radix_percentiles(run->keys, run->keys_tmp, n, kmin, kmax, rank, p);
			s->p10 = p[0];
			s->p50 = p[1];
			s->p90 = p[2];
			continue;
		}
		memcpy(run->scratch, src, (size_t)n * sizeof *run->scratch);
		/* P50 first: selection leaves the smaller values below its rank
		 * and the larger above, so P10 and P90 search one side each. */
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

/*
 * One pass of mc_run_all(): measures first … end−1 over every draw.  Each
 * draw takes its item factors from its saved start (`states`) and its
 * fields from where the pass before left its generator (`next`, updated
 * here), so no pass steps through the uniforms of another's measures.
 * Adds the enabled measures' lines into the portfolio's kept draws (slot
 * 0), which so receive every measure in document order exactly as
 * block_draws() adds them.
 */
static void window_pass(struct mc_run *run, const struct rng *states, struct rng *next,
			size_t first, size_t end)
{
	const struct unc_model *u = &run->model;
	const size_t draws = (size_t)run->opt.draws;
	for (size_t d = 0; d < draws; d += UNC_BLOCK) {
		int nb = draws - d < UNC_BLOCK ? (int)(draws - d) : UNC_BLOCK;
		for (int b = 0; b < nb; b++) {
			struct rng r = states[d + (size_t)b];
			draw_factors(run->block_factors, b, 0, u->item_count, &r);
			if (first > 0)
				r = next[d + (size_t)b];
			for (size_t m = first; m < end; m++)
				draw_values(&u->measures[m],
					    &run->block_values[(m * UNC_BLOCK + (size_t)b) *
							       RANGE_FIELD_COUNT],
					    &r);
			next[d + (size_t)b] = r;
		}
		const size_t items[2] = {0, u->item_count};
		pad_lanes(run->block_factors, items, run->block_values, first, end, nb);
		factor_lanes(u, run->block_factors, 0, u->item_count);
		for (size_t m = first; m < end; m++) {
			double npv[UNC_BLOCK][UNC_LINES];
			double *value = &run->block_values[m * UNC_BLOCK * RANGE_FIELD_COUNT];
			triangular_lanes(&u->measures[m], value);
			unc_measure_npv_block(u, m, run->block_factors, value, npv);
			for (int b = 0; b < nb; b++) {
				accumulate(&run->measures[m], npv[b]);
				keep_draw(run, 1 + (long)(m - first), (long)d + b, npv[b]);
			}
			if (u->measures[m].enabled)
				for (int b = 0; b < nb; b++)
					for (int l = 0; l < UNC_LINES; l++)
						run->kept[(size_t)l * draws + d + (size_t)b] += npv[b][l];
		}
	}
}

int mc_run_all(const struct workbook *wb, long draws, uint64_t seed, size_t memory_limit,
	       struct mc_summary *portfolio, struct mc_summary *measures)
{
	if (draws < 1)
		draws = 1;
	/* Kept slots per pass: the limit over one slot's bytes, less the
	 * portfolio's and the two saved states' (32 bytes a draw each, as a
	 * slot); at least one measure per pass.  The number of passes barely
	 * matters: a pass simulates only its own measures, and costs the
	 * item factors of every draw besides. */
	size_t slot_bytes = (size_t)draws * UNC_LINES * sizeof(double);
	size_t per_pass = memory_limit / slot_bytes;
	per_pass = per_pass > 3 ? per_pass - 3 : 1;
	if (per_pass > wb->measure_count)
		per_pass = wb->measure_count > 0 ? wb->measure_count : 1;
	struct mc_run run;
	mc_init(&run);
	struct mc_options opt = {.draws = draws, .seed = seed, .only_measure = -1,
				 .keep_first = 0, .keep_count = per_pass};
	struct rng *states = malloc(2 * (size_t)draws * sizeof *states);
	struct rng *next = states + draws;
	if (states == NULL || mc_begin(&run, wb, &opt) < 0) {
		free(states);
		return -1;
	}
	const struct unc_model *u = &run.model;
	/* Draw d starts where d whole draws of every uniform leave the seed. */
	uint64_t per_draw = u->item_count;
	for (size_t m = 0; m < u->measure_count; m++)
		per_draw += ranged_count(&u->measures[m]);
	struct rng_jump whole;
	rng_jump_prepare(&whole, per_draw);
	states[0] = run.rng;
	for (long d = 1; d < draws; d++) {
		states[d] = states[d - 1];
		rng_jump(&states[d], &whole);
	}
	memset(run.kept, 0, (size_t)draws * UNC_LINES * sizeof *run.kept);

	for (size_t first = 0; first < u->measure_count; first += per_pass) {
		size_t end = u->measure_count - first < per_pass ? u->measure_count : first + per_pass;
		window_pass(&run, states, next, first, end);
		run.done = draws;
		run.opt.keep_first = first;
		for (size_t m = first; m < end; m++)
			summarise(&run, &run.measures[m], measure_slot(&run, m), &measures[m]);
	}
	/* The portfolio's sums over the draws, in draw order as block_draws()
	 * takes them. */
	for (long d = 0; d < draws; d++) {
		double line[UNC_LINES];
		for (int l = 0; l < UNC_LINES; l++)
			line[l] = run.kept[(size_t)l * (size_t)draws + (size_t)d];
		accumulate(&run.portfolio, line);
	}
	run.done = draws;
	summarise(&run, &run.portfolio, 0, portfolio);
	free(states);
	mc_free(&run);
	return 0;
}
