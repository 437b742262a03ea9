/* Tests for engine/workbook.c and engine/model.c: ownership and lookups. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "engine/alloc.h"
#include "engine/workbook.h"

static struct target_group group_with_items(const char *id, int items)
{
	struct target_group g;
	memset(&g, 0, sizeof g);
	text_set(g.id, sizeof g.id, id);
	text_set(g.name, sizeof g.name, "Gruppe");
	for (int i = 0; i < items; i++) {
		struct cost_item it = {.bearer = BEARER_STAT, .amount = 1000.0 * (i + 1), .to_age = 66};
		cr_assert_eq(target_group_add_item(&g, &it), i);
	}
	return g;
}

Test(workbook, add_find_remove_groups)
{
	struct workbook wb;
	workbook_init(&wb);
	for (int i = 0; i < 20; i++) {
		char id[16];
		snprintf(id, sizeof id, "g%d", i);
		struct target_group g = group_with_items(id, i % 4);
		cr_assert_eq(workbook_add_group(&wb, &g), i);
		target_group_free_items(&g);
	}
	cr_assert_eq(workbook_find_group(&wb, "g7"), 7);
	workbook_remove_group(&wb, 3);
	cr_assert_eq(wb.group_count, 19);
	cr_assert_eq(workbook_find_group(&wb, "g3"), -1);
	cr_assert_eq(workbook_find_group(&wb, "g7"), 6);
	cr_assert_eq(wb.groups[6].item_count, 3);
	cr_assert_float_eq(wb.groups[6].items[2].amount, 3000.0, 1e-9);
	workbook_free(&wb);
	cr_assert_eq(wb.group_count, 0);
}

Test(workbook, copy_is_deep)
{
	struct workbook wb, copy;
	workbook_init(&wb);
	struct target_group g = group_with_items("a", 2);
	workbook_add_group(&wb, &g);
	target_group_free_items(&g);
	struct measure m;
	measure_defaults(&m);
	text_set(m.name, sizeof m.name, "Tiltak");
	workbook_add_measure(&wb, &m);

	cr_assert_eq(workbook_copy(&copy, &wb), 0);
	copy.groups[0].items[0].amount = -5;
	cr_assert_float_eq(wb.groups[0].items[0].amount, 1000.0, 1e-9);
	cr_assert_str_eq(copy.measures[0].name, "Tiltak");
	workbook_free(&copy);
	workbook_free(&wb);
}

Test(model, keys_round_trip)
{
	for (int b = 0; b < BEARER_COUNT; b++) {
		enum bearer back;
		cr_assert(bearer_from_key(bearer_key((enum bearer)b), &back));
		cr_assert_eq((int)back, b);
	}
	enum confidence c;
	cr_assert(confidence_from_key("C", &c));
	cr_assert_eq(c, CONFIDENCE_C);
	cr_assert_not(confidence_from_key("E", &c));
	enum discount_mode d;
	cr_assert(discount_mode_from_key("r109", &d));
	cr_assert_eq(d, DISCOUNT_R109);
	cr_assert_not(bearer_from_key("Kommune", &(enum bearer){0}));
}

Test(model, text_set_refuses_what_does_not_fit)
{
	char buf[5];
	cr_assert(text_set(buf, sizeof buf, "æø"));
	cr_assert_str_eq(buf, "æø");
	cr_assert_not(text_set(buf, sizeof buf, "åååå"));
	cr_assert_str_eq(buf, "");
}

/* Arrays past a few MB get the huge-page hint as they grow
 * (engine/alloc.c): 10 000 measures (15 MB) keep every value, and the
 * hint on memory of any size or none leaves it as it was. */
Test(workbook, a_big_workbook_keeps_its_measures)
{
	struct workbook wb;
	workbook_init(&wb);
	struct measure m;
	measure_defaults(&m);
	for (long i = 0; i < 10000; i++) {
		m.participants = i;
		snprintf(m.name, sizeof m.name, "Tiltak %ld", i);
		cr_assert_eq(workbook_add_measure(&wb, &m), i);
	}
	for (long i = 0; i < 10000; i += 1237) {
		cr_assert_eq(wb.measures[i].participants, i);
		char want[32];
		snprintf(want, sizeof want, "Tiltak %ld", i);
		cr_assert_str_eq(wb.measures[i].name, want);
	}
	cr_assert_eq(wb.measures[9999].participants, 9999);
	workbook_free(&wb);

	static unsigned char block[5 << 20];
	memset(block, 7, sizeof block);
	engine_hint_big(block, sizeof block);
	engine_hint_big(block + 1, 100);
	engine_hint_big(NULL, 1 << 30);
	for (size_t k = 0; k < sizeof block; k += 4093)
		cr_assert_eq(block[k], 7);
}
