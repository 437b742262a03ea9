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

#define SAMPLES 201
#define WARMUP 5

/* Per-process generator state lives in main's frame and is passed down. */
struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 2685821657736338717ULL;
}

static double rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) / 9007199254740992.0;
}

static int rng_int(struct rng *r, int lo, int hi)
{
	return lo + (int)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

/* Declared sectors per bearer: with the implicit ones, 4 × 3 = 12. */
#define SECTORS_PER_BEARER 3

/* One of bearer b's four sectors: "" (implicit) or a declared one. */
static void pick_sector(struct rng *r, enum bearer b, char *id, size_t size)
{
	int k = rng_int(r, 0, SECTORS_PER_BEARER);
	if (k == 0)
		id[0] = '\0';
	else
		snprintf(id, size, "%s-%d", bearer_key(b), k);
}

/* Seven groups as in KS's model, each with a handful of items over a life,
 * spread over 12 sectors and every item kind; a plan and real growth. */
static int build(struct workbook *wb, struct rng *r, int measures, int horizon)
{
	workbook_init(wb);
	text_set(wb->params.name, sizeof wb->params.name, "Benchmark");
	wb->params.horizon = horizon;
	wb->params.real_growth = 0.005;
	for (int b = 0; b < BEARER_COUNT; b++)
		for (int k = 1; k <= SECTORS_PER_BEARER; k++) {
			struct sector sec;
			memset(&sec, 0, sizeof sec);
			snprintf(sec.id, sizeof sec.id, "%s-%d", bearer_key((enum bearer)b), k);
			snprintf(sec.name, sizeof sec.name, "Sektor %d", k);
			sec.bearer = (enum bearer)b;
			if (workbook_add_sector(wb, &sec) < 0)
				return -1;
		}
	for (int g = 0; g < 7; g++) {
		struct target_group grp;
		memset(&grp, 0, sizeof grp);
		snprintf(grp.id, sizeof grp.id, "gruppe-%d", g);
		snprintf(grp.name, sizeof grp.name, "Målgruppe %d", g);
		grp.entry_age = rng_int(r, 6, 18);
		for (int i = 0; i < 8; i++) {
			struct cost_item it;
			memset(&it, 0, sizeof it);
			snprintf(it.name, sizeof it.name, "Post %d", i);
			it.kind = (enum item_kind)rng_int(r, 0, ITEM_KIND_COUNT - 1);
			it.bearer = (enum bearer)rng_int(r, 0, BEARER_COUNT - 1);
			if (item_kind_has_bearer(it.kind))
				pick_sector(r, it.bearer, it.sector, sizeof it.sector);
			else
				it.bearer = BEARER_NONE;
			it.unit = rng_int(r, 0, 3) == 0 ? UNIT_G : UNIT_NOK;
			it.amount = it.unit == UNIT_G ? rng_unit(r) * 2 : (rng_unit(r) - 0.1) * 80000;
			it.from_age = rng_int(r, 0, 70);
			it.to_age = it.from_age + rng_int(r, 0, 50);
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
		snprintf(m.name, sizeof m.name, "Tiltak %d", i);
		snprintf(m.group_id, sizeof m.group_id, "gruppe-%d", rng_int(r, 0, 6));
		m.participants = rng_int(r, 5, 500);
		m.start_year = wb->params.base_year + rng_int(r, 0, 5);
		m.start_age = rng_int(r, 6, 18);
		m.duration = rng_int(r, 1, 4);
		m.cost_per_participant = rng_unit(r) * 60000;
		m.payer[BEARER_KOMMUNE].share = 0.5;
		m.payer[BEARER_FYLKESKOMMUNE].share = 0.25;
		m.payer[BEARER_STAT].share = 0.25;
		/* Half the measures split the kommune's share with a sector. */
		if (rng_int(r, 0, 1)) {
			char id[TEXT_ID_SIZE];
			snprintf(id, sizeof id, "kommune-%d", rng_int(r, 1, SECTORS_PER_BEARER));
			m.payer[BEARER_KOMMUNE].share = 0.25;
			measure_payer_set(&m, id, 0.25);
		}
		m.success_rate = rng_unit(r) * 0.4;
		m.deadweight = rng_unit(r) * 0.2;
		m.lag = rng_int(r, 0, 3);
		m.effect_years = rng_int(r, 0, 1) ? 0 : rng_int(r, 5, 40);
		m.decay = rng_unit(r) * 0.1;
		m.enabled = rng_int(r, 0, 9) != 0;
		if (workbook_add_measure(wb, &m) < 0)
			return -1;
	}
	return 0;
}

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
	struct rng r = {0x9e3779b97f4a7c15ULL};
	struct workbook small, large;
	if (build(&small, &r, 20, 40) < 0 || build(&large, &r, 1000, 100) < 0) {
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
