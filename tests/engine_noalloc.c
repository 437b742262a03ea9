/*
 * Proves that projection_update_measure() allocates nothing: this binary
 * is linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc, so every
 * call from the engine goes through the counters below.  Counting is on
 * only between two points of the test, so Criterion's own allocations do
 * not interfere.
 */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdlib.h>

#include "engine_helpers.h"

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *ptr, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *ptr, size_t size);

/*
 * Test-only state: a test binary is the one place a global counter fits.
 * volatile because the compiler assumes malloc() touches no user globals
 * and would otherwise move the stores to `counting` across the calls.
 */
static volatile bool counting;
static volatile unsigned long allocations;

void *__wrap_malloc(size_t size)
{
	if (counting)
		allocations++;
	return __real_malloc(size);
}

void *__wrap_calloc(size_t n, size_t size)
{
	if (counting)
		allocations++;
	return __real_calloc(n, size);
}

void *__wrap_realloc(void *ptr, size_t size)
{
	if (counting)
		allocations++;
	return __real_realloc(ptr, size);
}

/* Sectors, kinds, a split payer, growth and a plan: every v2 path. */
static void build(struct workbook *wb)
{
	wb_setup(wb, 100, DISCOUNT_R109, 0);
	wb->params.real_growth = 0.01;
	wb_sector(wb, "barnevern", BEARER_KOMMUNE);
	wb_sector(wb, "nav", BEARER_STAT);
	struct cost_item items[] = {
		item_of(BEARER_KOMMUNE, 0.5, UNIT_G, 16, 19),
		item_of(BEARER_STAT, 30000, UNIT_NOK, 20, 66),
		item_kind_of(ITEM_SERVICE, BEARER_KOMMUNE, "barnevern", 20000, 16, 22),
		item_kind_of(ITEM_TRANSFER, BEARER_STAT, "nav", 90000, 25, 66),
		item_kind_of(ITEM_PRODUCTION, BEARER_NONE, "", 150000, 20, 66),
	};
	wb_group(wb, "a", items, 5);
	wb_group(wb, "b", items, 1);
	for (int i = 0; i < 50; i++) {
		struct measure m = measure_of(i % 2 ? "a" : "b");
		m.enabled = i % 3 != 0;
		if (i % 4 == 0) {
			m.payer[BEARER_KOMMUNE].share = 0.5;
			measure_payer_set(&m, "barnevern", 0.5);
		}
		workbook_add_measure(wb, &m);
	}
}

Test(noalloc, the_wrappers_count)
{
	counting = true;
	void *p = malloc(16);
	p = realloc(p, 32);
	free(p);
	free(calloc(2, 8));
	counting = false;
	cr_assert_eq(allocations, 3, "the link flags must wrap malloc, calloc and realloc (counted %lu)", (unsigned long)allocations);
	allocations = 0;
}

Test(noalloc, update_measure_allocates_nothing)
{
	struct workbook wb;
	struct projection p;
	build(&wb);
	projection_init(&p);
	cr_assert_eq(projection_compute(&p, &wb), 0);

	allocations = 0;
	counting = true;
	/* 3 000 patches: every group slot is rebuilt several times. */
	for (int i = 0; i < 3000; i++) {
		size_t index = (size_t)(i * 7) % wb.measure_count;
		struct measure *m = &wb.measures[index];
		m->participants = 1 + i % 90;
		m->enabled = !m->enabled;
		m->group_id[0] = i % 5 ? 'a' : 'b';
		projection_update_measure(&p, &wb, index);
	}
	projection_update_group(&p, &wb, 1);
	/* A cost-item edit in the group with sectors, repeated past a re-sum. */
	for (int i = 0; i < 30; i++) {
		wb.groups[0].items[2].amount = 1000.0 * i;
		projection_update_group(&p, &wb, 0);
		/* Interleaved one-measure patches drive the sliced rebuild. */
		for (size_t j = 0; j < wb.measure_count; j++)
			projection_update_measure(&p, &wb, j);
	}
	/* A renamed group re-resolves every measure (the slow path). */
	wb.groups[1].id[0] = 'z';
	projection_update_group(&p, &wb, 1);
	projection_sum_portfolio(&p, &wb);
	/* Recomputing a workbook that did not grow reuses the cache. */
	cr_assert_eq(projection_compute(&p, &wb), 0);
	counting = false;
	cr_assert_eq(allocations, 0, "%lu allocations on the recompute path", (unsigned long)allocations);

	/* …and the counter does see the engine allocate when it must grow. */
	struct measure extra = measure_of("a");
	workbook_add_measure(&wb, &extra);
	for (int i = 0; i < 100; i++)
		workbook_add_measure(&wb, &extra);
	counting = true;
	cr_assert_eq(projection_compute(&p, &wb), 0);
	counting = false;
	cr_assert_gt(allocations, 0);
	projection_free(&p);
	workbook_free(&wb);
}
