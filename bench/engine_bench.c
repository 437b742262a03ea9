/*
 * engine_bench.c: how long the engine takes to recompute, on synthetic
 * workbooks from a fixed-seed generator (so every run measures the same
 * work).  Built and run by `make bench` only; doc/benchmarks.md records
 * the figures and the machine.
 *
 * Cases: a full projection_compute() of 20 measures × 40 years and of
 * 1 000 measures × 100 years (12 sectors), one-measure
 * projection_update_measure() in the 1 000 × 100 workbook (the cost of one
 * keystroke), and one cost-item edit (projection_update_group(): the
 * measures of the item's group, about 1/7 of them, that reach its ages):
 * a random item of a random group per sample (warm and fresh), and
 * typing, 20 keys into one item.  Each prints
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
/* The cost-item edit's p99 needs more samples than the rest. */
#define EDIT_SAMPLES 1001

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
	printf("%-46s median %9.2f µs  p10 %9.2f  p90 %9.2f  p99 %9.2f  min %9.2f  max %9.2f  "
	       "(%d samples × %d calls)\n",
	       name, ns[n / 2] / 1e3, ns[n / 10] / 1e3, ns[n * 9 / 10] / 1e3, ns[n * 99 / 100] / 1e3,
	       ns[0] / 1e3, ns[n - 1] / 1e3, n, batch);
	fflush(stdout);
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

/* One-call samples: enough of them that a 1-in-1 024 spike shows in p99. */
#define ONE_CALL_SAMPLES 3001

static int bench_incremental(const char *name, struct workbook *wb, struct rng *r, int batch)
{
	static double ns[ONE_CALL_SAMPLES];
	const int samples = batch == 1 ? ONE_CALL_SAMPLES : SAMPLES;
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
	for (int s = -WARMUP; s < samples; s++) {
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
	report(name, ns, samples, batch);
	free(which);
	free(participants);
	projection_free(&p);
	return 0;
}

/* A cost-item edit: one item's amount, then all measures of its group. */
static int bench_group_edit(const char *name, struct workbook *wb, struct rng *r, int batch)
{
	static double ns[EDIT_SAMPLES];
	struct projection p;
	projection_init(&p);
	if (projection_compute(&p, wb) < 0)
		return -1;
	for (int s = -WARMUP; s < EDIT_SAMPLES; s++) {
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
	report(name, ns, EDIT_SAMPLES, batch);
	projection_free(&p);
	return 0;
}

/*
 * Typing one amount: every key edits the same item of the same group, as
 * the item form does (a digit appended, or erased when the number gets
 * long), so the group's measures stay in the caches between keys as far as
 * they fit.  One group at random per 20 keys.
 */
static int bench_group_typing(const char *name, struct workbook *wb, struct rng *r)
{
	static double ns[EDIT_SAMPLES];
	struct projection p;
	projection_init(&p);
	if (projection_compute(&p, wb) < 0)
		return -1;
	struct cost_item *it = NULL;
	size_t g = 0;
	for (int s = -WARMUP; s < EDIT_SAMPLES; s++) {
		if ((s + WARMUP) % 20 == 0) {
			g = (size_t)rng_int(r, 0, (int)wb->group_count - 1);
			it = &wb->groups[g].items[rng_int(r, 0, (int)wb->groups[g].item_count - 1)];
			it->amount = rng_int(r, 1, 9);
		}
		double amount = it->amount < 1e6 ? it->amount * 10 + rng_int(r, 0, 9)
						 : (double)(long)(it->amount / 10);
		double t0 = now_ns();
		it->amount = amount;
		projection_update_group(&p, wb, g);
		if (s >= 0)
			ns[s] = now_ns() - t0;
	}
	report(name, ns, EDIT_SAMPLES, 1);
	projection_free(&p);
	return 0;
}

/* Evict the caches: read a buffer larger than the last-level cache. */
static void evict(void)
{
	static volatile unsigned char junk[64 << 20];
	for (size_t i = 0; i < sizeof junk; i += 64)
		junk[i]++;
}

/* A cost-item edit right after projection_compute() with cold caches:
 * the first keystroke after opening the workbook. */
static int bench_group_edit_fresh(const char *name, struct workbook *wb, struct rng *r)
{
	enum { FRESH_SAMPLES = 41 };
	double ns[FRESH_SAMPLES];
	struct projection p;
	projection_init(&p);
	for (int s = 0; s < FRESH_SAMPLES; s++) {
		if (projection_compute(&p, wb) < 0)
			return -1;
		evict();
		size_t g = (size_t)rng_int(r, 0, (int)wb->group_count - 1);
		struct target_group *grp = &wb->groups[g];
		double t0 = now_ns();
		grp->items[rng_int(r, 0, (int)grp->item_count - 1)].amount =
			(rng_unit(r) - 0.1) * 80000;
		projection_update_group(&p, wb, g);
		ns[s] = now_ns() - t0;
	}
	report(name, ns, FRESH_SAMPLES, 1);
	projection_free(&p);
	return 0;
}

/* Every case at one size; "fresh" is the first edit after a recompute
 * with cold caches, the others the steady state of typing (warm). */
static int bench_size(struct rng *r, int measures)
{
	struct workbook wb;
	char name[96];
	if (synthetic_build(&wb, r, measures, 100) < 0)
		return -1;
	int rc = 0;
	snprintf(name, sizeof name, "full recompute, %d × 100", measures);
	rc |= bench_full(name, &wb, 1);
	snprintf(name, sizeof name, "update_measure, %d × 100", measures);
	rc |= bench_incremental(name, &wb, r, 100);
	snprintf(name, sizeof name, "update_measure, %d × 100, one call", measures);
	rc |= bench_incremental(name, &wb, r, 1);
	snprintf(name, sizeof name, "cost-item edit, %d × 100, warm", measures);
	rc |= bench_group_edit(name, &wb, r, 1);
	snprintf(name, sizeof name, "cost-item edit, %d × 100, fresh", measures);
	rc |= bench_group_edit_fresh(name, &wb, r);
	snprintf(name, sizeof name, "cost-item edit, %d × 100, typing", measures);
	rc |= bench_group_typing(name, &wb, r);
	workbook_free(&wb);
	return rc;
}

int main(void)
{
	struct rng r = {RNG_SEED};
	struct workbook small;
	if (synthetic_build(&small, &r, 20, 40) < 0) {
		fprintf(stderr, "engine_bench: out of memory\n");
		return 1;
	}
	int rc = bench_full("full recompute, 20 measures × 40 years", &small, 20);
	workbook_free(&small);
	rc |= bench_size(&r, 1000);
	rc |= bench_size(&r, 10000);
	if (rc != 0)
		fprintf(stderr, "engine_bench: out of memory\n");
	return rc != 0;
}
