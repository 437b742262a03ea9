/*
 * synthetic.h: the benchmarks' synthetic workbooks, from a fixed-seed
 * generator so that every run measures the same work: 12 sectors, seven
 * target groups of eight items of every kind, measures with random
 * participants, timing, payer shares, success, deadweight, lag, effect
 * years and decay (one in ten disabled).
 *
 * Must never: depend on anything but the engine.
 */
#ifndef UTENFOR_BENCH_SYNTHETIC_H
#define UTENFOR_BENCH_SYNTHETIC_H

#include <stdint.h>

#include "engine/workbook.h"

/* Generator state; callers keep it in their own frame. */
struct rng {
	uint64_t s;
};

#define RNG_SEED 0x9e3779b97f4a7c15ULL

uint64_t rng_next(struct rng *r);
double rng_unit(struct rng *r);
int rng_int(struct rng *r, int lo, int hi);

/* Fill `wb` (workbook_init()ed here; the caller frees it with
 * workbook_free()) with `measures` measures over `horizon` years.  0, or -1
 * when out of memory. */
int synthetic_build(struct workbook *wb, struct rng *r, int measures, int horizon);

#endif
