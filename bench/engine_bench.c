/*
 * engine_bench.c: how long the engine takes to recompute, on synthetic
 * workbooks from a fixed-seed generator (so every run measures the same
 * work).  Built and run by `make bench` only; doc/benchmarks.md records
 * the figures and the machine.
 *
 * Cases: a full projection_compute() of 20 measures × 40 years and of
 * 1 000 measures × 100 years (12 sectors), one-measure
 * projection_update_measure() in the 1 000 × 100 workbook (the cost of one
 * keystroke), and one cost-item edit (projection_update_group(): all
 * measures of the item's group, about 1/7 of them).  Each prints
 * the median, p10, p90, min and max over SAMPLES samples; µs-scale work
 * is timed in batches so the clock's resolution does not dominate.
 *
 * Must never: be built by `make` or `make check`, or depend on anything
 * but the engine.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/projection.h"
#include "engine/workbook.h"
#include "bench/synthetic.h"

#define SAMPLES 201
#define WARMUP 5

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Sort the per-call times (ns) and print them in µs. */
static void report(const char *name, double *ns, int n, int batch)
{
	qsort(ns, (size_t)n, sizeof *ns, cmp_double);
	printf("%-44s median %9.2f µs  p10 %9.2f  p90 %9.2f  min %9.2f  max %9.2f  "
	       "(%d samples × %d calls)\n",
	       name, ns[n / 2] / 1e3, ns[n / 10] / 1e3, ns[n * 9 / 10] / 1e3, ns[0] / 1e3,
	       ns[n - 1] / 1e3, n, batch);
}

static int bench_full(const char *name, struct workbook *wb, int batch)
{
	static double ns[SAMPLES];
	struct projection p;
	projection_init(&p);
	for (int i = 0; i < WARMUP; i++)
		if (projection_compute(&p, wb) < 0)
			return -1;
	for (int s = 0; s < SAMPLES; s++) {
		double t0 = now_ns();
		for (int i = 0; i < batch; i++)
			projection_compute(&p, wb);
		ns[s] = (now_ns() - t0) / batch;
	}
	report(name, ns, SAMPLES, batch);
	printf("%-44s portfolio npv %.0f NOK (a check that the work was done)\n", "",
	       p.portfolio.npv);
	projection_free(&p);
	return 0;
}

static int bench_incremental(const char *name, struct workbook *wb, struct rng *r, int batch)
{
	static double ns[SAMPLES];
	struct projection p;
	projection_init(&p);
	if (projection_compute(&p, wb) < 0)
		return -1;
	/* Edits are chosen before the clock starts so only the patch is timed. */
	size_t *which = malloc((size_t)batch * sizeof *which);
	long *participants = malloc((size_t)batch * sizeof *participants);
	if (which == NULL || participants == NULL) {
		free(which);
		free(participants);
		projection_free(&p);
		return -1;
	}
	for (int s = -WARMUP; s < SAMPLES; s++) {
		for (int i = 0; i < batch; i++) {
			which[i] = (size_t)rng_int(r, 0, (int)wb->measure_count - 1);
			participants[i] = rng_int(r, 5, 500);
		}
		double t0 = now_ns();
		for (int i = 0; i < batch; i++) {
			wb->measures[which[i]].participants = participants[i];
			projection_update_measure(&p, wb, which[i]);
		}
		if (s >= 0)
			ns[s] = (now_ns() - t0) / batch;
	}
	report(name, ns, SAMPLES, batch);
	free(which);
	free(participants);
	projection_free(&p);
	return 0;
}

/* A cost-item edit: one item's amount, then all measures of its group. */
static int bench_group_edit(const char *name, struct workbook *wb, struct rng *r, int batch)
{
	static double ns[SAMPLES];
	struct projection p;
	projection_init(&p);
	if (projection_compute(&p, wb) < 0)
		return -1;
	for (int s = -WARMUP; s < SAMPLES; s++) {
		double t0 = now_ns();
		for (int i = 0; i < batch; i++) {
			size_t g = (size_t)rng_int(r, 0, (int)wb->group_count - 1);
			struct target_group *grp = &wb->groups[g];
			grp->items[rng_int(r, 0, (int)grp->item_count - 1)].amount =
				(rng_unit(r) - 0.1) * 80000;
			projection_update_group(&p, wb, g);
		}
		if (s >= 0)
			ns[s] = (now_ns() - t0) / batch;
	}
	report(name, ns, SAMPLES, batch);
	projection_free(&p);
	return 0;
}

int main(void)
{
	struct rng r = {RNG_SEED};
	struct workbook small, large;
	if (synthetic_build(&small, &r, 20, 40) < 0 ||
	    synthetic_build(&large, &r, 1000, 100) < 0) {
		fprintf(stderr, "engine_bench: out of memory\n");
		return 1;
	}
	int rc = 0;
	rc |= bench_full("full recompute, 20 measures × 40 years", &small, 20);
	rc |= bench_full("full recompute, 1 000 measures × 100 years", &large, 1);
	rc |= bench_incremental("update_measure, 1 000 × 100 workbook", &large, &r, 100);
	rc |= bench_group_edit("cost-item edit (update_group), 1 000 × 100", &large, &r, 10);
	workbook_free(&small);
	workbook_free(&large);
	if (rc != 0)
		fprintf(stderr, "engine_bench: out of memory\n");
	return rc != 0;
}
