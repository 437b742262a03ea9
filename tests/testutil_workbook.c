/*
 * testutil_workbook.c: see testutil_workbook.h.  Criterion assertions
 * only; must never call store/ or interchange/.
 */
#include "tests/testutil_workbook.h"

#include <criterion/criterion.h>

/* Doubles must come back bit for bit, not just close. */
#define assert_same_double(a, b) cr_assert((a) == (b), "%s: %.17g != %.17g", #a, (a), (b))

static void assert_same_item(const struct cost_item *x, const struct cost_item *y)
{
	cr_assert_str_eq(x->name, y->name);
	cr_assert_str_eq(x->source, y->source);
	cr_assert_eq(x->bearer, y->bearer);
	cr_assert(x->amount == y->amount, "%s: %.17g vs %.17g", x->name, x->amount, y->amount);
	cr_assert_eq(x->unit, y->unit);
	cr_assert_eq(x->from_age, y->from_age);
	cr_assert_eq(x->to_age, y->to_age);
	cr_assert_eq(x->confidence, y->confidence);
}

static void assert_same_measure(const struct measure *x, const struct measure *y)
{
	cr_assert_str_eq(x->name, y->name);
	cr_assert_str_eq(x->group_id, y->group_id);
	cr_assert_eq(x->participants, y->participants);
	cr_assert_eq(x->start_year, y->start_year);
	cr_assert_eq(x->start_age, y->start_age);
	cr_assert_eq(x->duration, y->duration);
	assert_same_double(x->cost_per_participant, y->cost_per_participant);
	for (int b = 0; b < BEARER_COUNT; b++)
		assert_same_double(x->payer[b].share, y->payer[b].share);
	assert_same_double(x->success_rate, y->success_rate);
	assert_same_double(x->deadweight, y->deadweight);
	cr_assert_eq(x->lag, y->lag);
	cr_assert_eq(x->effect_years, y->effect_years);
	assert_same_double(x->decay, y->decay);
	cr_assert_eq(x->enabled, y->enabled);
}

void assert_same_rows(const struct workbook *a, const struct workbook *b)
{
	cr_assert_eq(a->group_count, b->group_count);
	for (size_t i = 0; i < a->group_count; i++) {
		const struct target_group *x = &a->groups[i], *y = &b->groups[i];
		cr_assert_str_eq(x->id, y->id);
		cr_assert_str_eq(x->name, y->name);
		cr_assert_str_eq(x->description, y->description);
		cr_assert_eq(x->entry_age, y->entry_age);
		cr_assert_eq(x->item_count, y->item_count, "group %s", x->id);
		for (size_t k = 0; k < x->item_count; k++)
			assert_same_item(&x->items[k], &y->items[k]);
	}
	cr_assert_eq(a->measure_count, b->measure_count);
	for (size_t i = 0; i < a->measure_count; i++)
		assert_same_measure(&a->measures[i], &b->measures[i]);
}
