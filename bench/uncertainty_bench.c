/*
 * uncertainty_bench.c: how long the Monte Carlo simulation takes, on
 * synthetic workbooks built from the simulation's own generator with a
 * fixed seed (every run measures the same work).  Built and run by
 * `make bench` only; doc/benchmarks.md records the figures.
 *
 * Cases (issue 13's targets in brackets):
 *   - one measure, 10 000 draws, horizon 100, decay fixed and decay
 *     ranged (median < 2 ms);
 *   - 1 000 measures × 100 years, 10 000 draws, run in slices of
 *     SLICE_DRAWS draws as the interface would: total compute (< 300 ms),
 *     the longest slice (≤ 4 ms) and the memory of the run (< 64 MB);
 *   - the straightforward way, a full projection_compute() per draw with
 *     scaled inputs, on the same workbook for a few draws, to state the
 *     speed-up per draw;
 *   - one measure of a 10 000-measure workbook, as on a keystroke there.
 * Each prints the median, min and max over its repeats.
 *
 * Must never: be built by `make` or `make check`, or depend on anything
 * but the engine.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/projection.h"
#include "engine/rng.h"
#include "engine/uncertainty.h"
#include "engine/workbook.h"

#define DRAWS 10000
#define SLICE_DRAWS 100
#define REPEATS_SMALL 21
#define REPEATS_LARGE 5
#define SLOW_DRAWS 20

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int pick(struct rng *r, int lo, int hi)
{
	return lo + (int)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

static void range_around(struct measure *m, enum range_field f, double below, double above)
{
	double v = measure_range_value(m, f);
	m->ranges[f].set = true;
	m->ranges[f].low = v * (1.0 - below);
	m->ranges[f].high = v + (f == RANGE_COST_PER_PARTICIPANT ? v : 1.0 - v) * above;
}

/* Seven groups of eight items; `measures` measures with every field
 * ranged (decay only when `ranged_decay`). */
static int build(struct workbook *wb, struct rng *r, int measures, bool ranged_decay)
{
	workbook_init(wb);
	wb->params.horizon = 100;
	for (int g = 0; g < 7; g++) {
		struct target_group grp;
		memset(&grp, 0, sizeof grp);
		snprintf(grp.id, sizeof grp.id, "gruppe-%d", g);
		grp.entry_age = pick(r, 6, 18);
		for (int i = 0; i < 8; i++) {
			struct cost_item it;
			memset(&it, 0, sizeof it);
			it.kind = (enum item_kind)pick(r, 0, ITEM_KIND_COUNT - 1);
			it.bearer = item_kind_has_bearer(it.kind) ? (enum bearer)pick(r, 0, 2)
								  : BEARER_NONE;
			it.amount = rng_unit(r) * 80000 - 8000;
			it.from_age = pick(r, 0, 70);
			it.to_age = it.from_age + pick(r, 0, 50);
			it.confidence = (enum confidence)pick(r, 0, CONFIDENCE_D);
			if (target_group_add_item(&grp, &it) < 0)
				return -1;
		}
		long added = workbook_add_group(wb, &grp);
		target_group_free_items(&grp);
		if (added < 0)
			return -1;
	}
	for (int i = 0; i < measures; i++) {
		struct measure m;
		measure_defaults(&m);
		snprintf(m.group_id, sizeof m.group_id, "gruppe-%d", pick(r, 0, 6));
		m.participants = pick(r, 5, 500);
		m.start_year = wb->params.base_year + pick(r, 0, 5);
		m.start_age = pick(r, 6, 18);
		m.duration = pick(r, 1, 4);
		m.cost_per_participant = rng_unit(r) * 60000;
		m.success_rate = 0.05 + rng_unit(r) * 0.4;
		m.deadweight = rng_unit(r) * 0.2;
		m.lag = pick(r, 0, 3);
		m.effect_years = pick(r, 0, 1) ? 0 : pick(r, 5, 40);
		m.decay = 0.01 + rng_unit(r) * 0.1;
		m.enabled = pick(r, 0, 9) != 0;
		range_around(&m, RANGE_SUCCESS_RATE, 0.5, 0.3);
		range_around(&m, RANGE_DEADWEIGHT, 1.0, 0.2);
		if (ranged_decay)
			range_around(&m, RANGE_DECAY, 1.0, 0.1);
		range_around(&m, RANGE_COST_PER_PARTICIPANT, 0.2, 0.5);
		if (workbook_add_measure(wb, &m) < 0)
			return -1;
	}
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void report(const char *name, double *ms, int n, const char *unit_note)
{
	qsort(ms, (size_t)n, sizeof *ms, cmp_double);
	printf("%-52s median %9.3f ms  min %9.3f  max %9.3f  (%d repeats)%s\n", name, ms[n / 2],
	       ms[0], ms[n - 1], n, unit_note);
}

static int bench_one(const char *name, bool ranged_decay)
{
	struct rng r;
	rng_seed(&r, 1);
	struct workbook wb;
	if (build(&wb, &r, 1, ranged_decay) < 0)
		return -1;
	struct mc_run run;
	mc_init(&run);
	struct mc_options opt = {.draws = DRAWS, .seed = 1, .only_measure = 0};
	double ms[REPEATS_SMALL];
	/* The first begin allocates; later ones reuse, as on a keystroke. */
	if (mc_begin(&run, &wb, &opt) < 0)
		return -1;
	for (int i = 0; i < REPEATS_SMALL; i++) {
		double t0 = now_ms();
		mc_begin(&run, &wb, &opt);
		mc_step(&run, DRAWS);
		mc_finish(&run);
		ms[i] = now_ms() - t0;
	}
	report(name, ms, REPEATS_SMALL, "");
	printf("%-52s mean %.0f, P50 %.0f NOK (a check that the work was done)\n", "",
	       run.measure_summaries[0].line[UNC_TOTAL].mean,
	       run.measure_summaries[0].line[UNC_TOTAL].p50);
	mc_free(&run);
	workbook_free(&wb);
	return 0;
}

/* The interface's per-keystroke case in a big workbook: one measure in
 * the middle of `wb`, so the other measures' uniforms are skipped. */
static int bench_one_of(const char *name, const struct workbook *wb)
{
	struct mc_run run;
	mc_init(&run);
	struct mc_options opt = {.draws = DRAWS, .seed = 1,
				 .only_measure = (long)wb->measure_count / 2};
	double ms[REPEATS_LARGE];
	if (mc_begin(&run, wb, &opt) < 0)
		return -1;
	for (int i = 0; i < REPEATS_LARGE; i++) {
		double t0 = now_ms();
		mc_begin(&run, wb, &opt);
		mc_step(&run, DRAWS);
		mc_finish(&run);
		ms[i] = now_ms() - t0;
	}
	report(name, ms, REPEATS_LARGE, "");
	mc_free(&run);
	return 0;
}

/* Bytes a run holds, from its capacities (the model's arrays included;
 * three draws-long scratch lines: values, keys and their selection). */
static size_t run_bytes(const struct mc_run *run)
{
	const struct unc_model *u = &run->model;
	return run->cap_kept * sizeof(double) + run->cap_draws * 3 * sizeof(double) +
	       (run->cap_block_items + run->cap_block_values) * sizeof(double) +
	       run->cap_measures * (sizeof(struct mc_accum) + sizeof(struct mc_summary)) +
	       u->cap_groups * sizeof(size_t) + u->cap_items * 3 * sizeof(double) +
	       u->cap_measures * sizeof(struct unc_measure_coef) +
	       u->cap_coefs * sizeof(struct unc_item_coef);
}

static int bench_portfolio(const char *name, struct workbook *wb)
{
	struct mc_run run;
	mc_init(&run);
	struct mc_options opt = {.draws = DRAWS, .seed = 1, .only_measure = -1};
	double total[REPEATS_LARGE], longest[REPEATS_LARGE], begin[REPEATS_LARGE];
	for (int i = 0; i < REPEATS_LARGE; i++) {
		double t0 = now_ms();
		if (mc_begin(&run, wb, &opt) < 0)
			return -1;
		double t1 = now_ms();
		double worst = 0.0;
		while (!mc_done(&run)) {
			double s0 = now_ms();
			mc_step(&run, SLICE_DRAWS);
			double s = now_ms() - s0;
			if (s > worst)
				worst = s;
		}
		mc_finish(&run);
		total[i] = now_ms() - t0;
		begin[i] = t1 - t0;
		longest[i] = worst;
	}
	report(name, total, REPEATS_LARGE, "");
	report("  of which mc_begin (prepare, allocate)", begin, REPEATS_LARGE, "");
	report("  longest slice of 100 draws", longest, REPEATS_LARGE, "");
	printf("%-52s %.1f MB held by the run\n", "  memory", (double)run_bytes(&run) / 1e6);
	printf("%-52s mean %.0f, P10 %.0f, P50 %.0f, P90 %.0f NOK, P(>0) %.3f\n", "",
	       run.portfolio_summary.line[UNC_TOTAL].mean, run.portfolio_summary.line[UNC_TOTAL].p10,
	       run.portfolio_summary.line[UNC_TOTAL].p50, run.portfolio_summary.line[UNC_TOTAL].p90,
	       run.portfolio_summary.line[UNC_TOTAL].prob_positive);
	double per_draw = total[REPEATS_LARGE / 2] / DRAWS;
	mc_free(&run);
	return per_draw > 0 ? 0 : -1;
}

/* The straightforward way: scale every item and field of a copy, then a
 * full projection_compute(), per draw (uniforms as in the contract). */
static int bench_slow(const struct workbook *wb)
{
	struct workbook w;
	if (workbook_copy(&w, wb) < 0)
		return -1;
	struct projection p;
	projection_init(&p);
	struct rng r;
	double ms[REPEATS_LARGE];
	for (int rep = 0; rep < REPEATS_LARGE; rep++) {
		rng_seed(&r, 1);
		double t0 = now_ms();
		for (int d = 0; d < SLOW_DRAWS; d++) {
			for (size_t g = 0; g < wb->group_count; g++)
				for (size_t i = 0; i < wb->groups[g].item_count; i++) {
					double u = rng_unit(&r);
					w.groups[g].items[i].amount = wb->groups[g].items[i].amount * (1.0 + 0.2 * (u - 0.5));
				}
			for (size_t m = 0; m < wb->measure_count; m++)
				for (int f = 0; f < RANGE_FIELD_COUNT; f++)
					if (wb->measures[m].ranges[f].set) {
						const struct value_range *rg = &wb->measures[m].ranges[f];
						measure_set_range_value(&w.measures[m], (enum range_field)f,
									rg->low + (rg->high - rg->low) * rng_unit(&r));
					}
			if (projection_compute(&p, &w) < 0)
				return -1;
		}
		ms[rep] = (now_ms() - t0) / SLOW_DRAWS;
	}
	report("straightforward: full projection per draw", ms, REPEATS_LARGE, "  per draw");
	printf("%-52s ×%d draws ≈ %.0f ms for 10 000 draws\n", "", DRAWS,
	       ms[REPEATS_LARGE / 2] * DRAWS);
	projection_free(&p);
	workbook_free(&w);
	return 0;
}

int main(void)
{
	int rc = 0;
	rc |= bench_one("one measure, 10 000 draws, horizon 100, decay fixed", false);
	rc |= bench_one("one measure, 10 000 draws, horizon 100, decay ranged", true);
	struct rng r;
	rng_seed(&r, 2);
	struct workbook large, fixed;
	if (build(&large, &r, 1000, true) < 0 || build(&fixed, &r, 1000, false) < 0) {
		fprintf(stderr, "uncertainty_bench: out of memory\n");
		return 1;
	}
	rc |= bench_portfolio("portfolio 1 000 × 100, 10 000 draws, decay fixed", &fixed);
	rc |= bench_portfolio("portfolio 1 000 × 100, 10 000 draws, all decay ranged", &large);
	workbook_free(&fixed);
	rc |= bench_slow(&large);
	workbook_free(&large);
	struct workbook huge;
	if (build(&huge, &r, 10000, true) < 0) {
		fprintf(stderr, "uncertainty_bench: out of memory\n");
		return 1;
	}
	rc |= bench_one_of("one measure of 10 000 (begin + 10 000 draws)", &huge);
	workbook_free(&huge);
	if (rc != 0)
		fprintf(stderr, "uncertainty_bench: out of memory\n");
	return rc != 0;
}
