/*
 * engine_helpers.h: small builders shared by the engine test suites, so
 * each test states only the numbers its hand computation uses.
 */
#ifndef UTENFOR_TESTS_ENGINE_HELPERS_H
#define UTENFOR_TESTS_ENGINE_HELPERS_H

#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "engine/projection.h"
#include "engine/workbook.h"

#define BASE_YEAR 2030

/* Year t of r as readers see it (result_year()). */
static inline struct year_row year_of(const struct result *r, int t)
{
	struct year_row y;
	result_year(r, t, &y);
	return y;
}

static inline void wb_setup(struct workbook *wb, int horizon, enum discount_mode mode,
			    double rate)
{
	workbook_init(wb);
	text_set(wb->params.name, sizeof wb->params.name, "Test");
	wb->params.base_year = BASE_YEAR;
	wb->params.price_year = BASE_YEAR;
	wb->params.plan.start_year = BASE_YEAR;
	wb->params.horizon = horizon;
	wb->params.discount.mode = mode;
	wb->params.discount.rate = rate;
	wb->params.g_amount = 100000.0;
}

static inline struct cost_item item_of(enum bearer b, double amount, enum amount_unit unit,
				       int from_age, int to_age)
{
	struct cost_item it;
	memset(&it, 0, sizeof it);
	text_set(it.name, sizeof it.name, "Post");
	it.bearer = b;
	it.amount = amount;
	it.unit = unit;
	it.from_age = from_age;
	it.to_age = to_age;
	it.confidence = CONFIDENCE_C;
	return it;
}

/* Add a group with `n` items; returns its index. */
static inline long wb_group(struct workbook *wb, const char *id, const struct cost_item *items,
			    size_t n)
{
	struct target_group g;
	memset(&g, 0, sizeof g);
	text_set(g.id, sizeof g.id, id);
	text_set(g.name, sizeof g.name, "Gruppe");
	g.entry_age = 16;
	for (size_t i = 0; i < n; i++)
		target_group_add_item(&g, &items[i]);
	long index = workbook_add_group(wb, &g);
	target_group_free_items(&g);
	return index;
}

/* N = 10, from BASE_YEAR at age 16, 2 years at 5 000 paid by kommune,
 * success 50 %, no deadweight, lag, decay or effect limit. */
static inline struct measure measure_of(const char *group)
{
	struct measure m;
	measure_defaults(&m);
	text_set(m.name, sizeof m.name, "Tiltak");
	text_set(m.group_id, sizeof m.group_id, group);
	m.participants = 10;
	m.start_year = BASE_YEAR;
	m.start_age = 16;
	m.duration = 2;
	m.cost_per_participant = 5000.0;
	m.payer[BEARER_KOMMUNE].share = 1.0;
	m.success_rate = 0.5;
	return m;
}

/* Equal to 1e-9 relative (absolute below 1); needs <criterion/criterion.h>. */
static inline void near_at(double got, double want, const char *expr, int line)
{
	cr_assert(fabs(got - want) <= 1e-9 * fmax(1.0, fabs(want)),
		  "line %d: %s = %.17g, want %.17g", line, expr, got, want);
}

#define NEAR(got, want) near_at((got), (want), #got, __LINE__)

/*
 * The standard group "g": kommune 0,5 G (= 50 000) at ages 16–19, stat
 * 10 000 at ages 20–66.  Σ_b extra = 50 000 at 16–19, 10 000 at 20–66.
 */
static inline void standard_group(struct workbook *wb)
{
	struct cost_item items[] = {
		item_of(BEARER_KOMMUNE, 0.5, UNIT_G, 16, 19),
		item_of(BEARER_STAT, 10000, UNIT_NOK, 20, 66),
	};
	wb_group(wb, "g", items, 2);
}

/* Declare a sector of bearer b; returns its sector index. */
static inline size_t wb_sector(struct workbook *wb, const char *id, enum bearer b)
{
	struct sector s;
	memset(&s, 0, sizeof s);
	text_set(s.id, sizeof s.id, id);
	text_set(s.name, sizeof s.name, id);
	s.bearer = b;
	workbook_add_sector(wb, &s);
	return (size_t)workbook_sector_index(wb, id);
}

/* An item of kind k (production and welfare get no bearer) in sector. */
static inline struct cost_item item_kind_of(enum item_kind k, enum bearer b, const char *sector,
					    double amount, int from_age, int to_age)
{
	struct cost_item it = item_of(b, amount, UNIT_NOK, from_age, to_age);
	it.kind = k;
	if (!item_kind_has_bearer(k))
		it.bearer = BEARER_NONE;
	else
		text_set(it.sector, sizeof it.sector, sector);
	return it;
}

/* Compute `wb` into `p` (initialised here) and return the first
 * measure's result; the caller frees `p`. */
static inline const struct result *compute(struct projection *p, const struct workbook *wb)
{
	projection_init(p);
	cr_assert_eq(projection_compute(p, wb), 0);
	return &p->measures[0];
}

#endif
