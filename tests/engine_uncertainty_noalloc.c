/*
 * engine_uncertainty_noalloc.c: the simulation's per-keystroke path
 * allocates nothing: mc_step() and mc_finish() never, and mc_begin() not
 * once the run has held a workbook as large; nor the tornado.  Linked with
 * -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc (as engine_noalloc).
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

#include "engine/uncertainty.h"

static void workbook_with_ranges(struct workbook *wb)
{
	wb_setup(wb, 40, DISCOUNT_R109, 0.0);
	standard_group(wb);
	for (int i = 0; i < 5; i++) {
		struct measure m = measure_of("g");
		m.enabled = i != 2;
		m.ranges[RANGE_SUCCESS_RATE] = (struct value_range){true, 0.2, 0.7};
		m.ranges[RANGE_DECAY] = (struct value_range){true, 0.0, 0.2};
		workbook_add_measure(wb, &m);
	}
}

Test(uncertainty_noalloc, step_finish_and_restart_allocate_nothing)
{
	struct workbook wb;
	workbook_with_ranges(&wb);
	struct mc_run run;
	mc_init(&run);
	struct mc_options opt = {.draws = 2000, .seed = 1, .only_measure = -1,
				 .keep_first = 0, .keep_count = 5};
	cr_assert_eq(mc_begin(&run, &wb, &opt), 0);

	counting = true;
	allocations = 0;
	while (!mc_done(&run))
		mc_step(&run, 64);
	mc_finish(&run);
	/* A keystroke: one field changes, the selected measure is re-run. */
	wb.measures[1].success_rate = 0.45;
	struct mc_options one = {.draws = 2000, .seed = 1, .only_measure = 1};
	int rc = mc_begin(&run, &wb, &one);
	mc_step(&run, 2000);
	mc_finish(&run);
	struct tornado_entry e[TORNADO_MEASURE_MAX];
	size_t n = tornado_measure(&run.model, 1, e);
	counting = false;

	cr_assert_eq(rc, 0);
	cr_assert_eq(n, 3);
	cr_assert_eq(allocations, 0, "%lu allocations", allocations);
	cr_assert(run.measure_summaries[1].line[UNC_TOTAL].has_percentiles);
	mc_free(&run);
	workbook_free(&wb);
}
