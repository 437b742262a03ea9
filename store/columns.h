/*
 * columns.h: the columns of each data table after id and version, in the
 * one order every statement of the store names them (load.c's SELECT,
 * rows.c's INSERT and UPDATE), each with the schema field it holds
 * (engine/schema.h: the field's key in its row), or NULL for a column of
 * the store's own (an item's group_ref: the item sits in the group).
 *
 * A list entry is X(table tag, column, field key).  From one list come the
 * SQL texts (string literals, so statements stay static and are kept by
 * store/stmt.c) and the indices load.c reads and rows.c binds, so a column
 * is named once.  tests/store_columns.c proves the lists cover every schema
 * field exactly once and name exactly the columns the migrations create:
 * a field added to the schema without its column fails there.
 *
 * The tables themselves are made by store/migrate.c, whose steps stay
 * literal (they are history).
 *
 * Must never: be included outside store/ and its tests.
 */
#ifndef UTENFOR_STORE_COLUMNS_H
#define UTENFOR_STORE_COLUMNS_H

#include <stddef.h>

#include "engine/schema.h"

#define WORKBOOK_COLUMNS(X)                          \
	X(WB, name, "name")                          \
	X(WB, municipality, "municipality")          \
	X(WB, base_year, "base_year")                \
	X(WB, horizon, "horizon")                    \
	X(WB, discount_mode, "discount.mode")        \
	X(WB, discount_rate, "discount.rate")        \
	X(WB, g_amount, "g_amount")                  \
	X(WB, price_year, "price_year")              \
	X(WB, real_growth, "real_growth")            \
	X(WB, plan_start_year, "plan.start_year")    \
	X(WB, plan_years, "plan.years")              \
	X(WB, draws, "uncertainty.draws")            \
	X(WB, seed, "uncertainty.seed")              \
	X(WB, spread_a, "uncertainty.spread.A")      \
	X(WB, spread_b, "uncertainty.spread.B")      \
	X(WB, spread_c, "uncertainty.spread.C")      \
	X(WB, spread_d, "uncertainty.spread.D")      \
	X(WB, tax_cost, "society.tax_cost")

#define SECTOR_COLUMNS(X)        \
	X(SEC, sid, "id")        \
	X(SEC, name, "name")     \
	X(SEC, bearer, "bearer") \
	X(SEC, kostra, "kostra")

#define GROUP_COLUMNS(X)                   \
	X(GRP, gid, "id")                  \
	X(GRP, name, "name")               \
	X(GRP, description, "description") \
	X(GRP, entry_age, "entry_age")

/* sector_ref: the declared sector's row, NULL for the bearer's own. */
#define ITEM_COLUMNS(X)                  \
	X(ITEM, group_ref, NULL)         \
	X(ITEM, name, "name")            \
	X(ITEM, kind, "kind")            \
	X(ITEM, bearer, "bearer")        \
	X(ITEM, sector_ref, "sector")    \
	X(ITEM, amount, "amount")        \
	X(ITEM, unit, "unit")            \
	X(ITEM, from_age, "from_age")    \
	X(ITEM, to_age, "to_age")        \
	X(ITEM, source, "source")        \
	X(ITEM, confidence, "confidence")

/* payer holds the whole map (the form's per-bearer shares are its sums);
 * each range is a low and a high column, NULL for no range. */
#define MEASURE_COLUMNS(X)                                   \
	X(MEAS, name, "name")                                \
	X(MEAS, group_ref, "group")                          \
	X(MEAS, participants, "participants")                \
	X(MEAS, start_year, "start_year")                    \
	X(MEAS, start_age, "start_age")                      \
	X(MEAS, duration, "duration")                        \
	X(MEAS, cost_per_participant, "cost_per_participant") \
	X(MEAS, payer, "payer")                              \
	X(MEAS, success_rate, "success_rate")                \
	X(MEAS, deadweight, "deadweight")                    \
	X(MEAS, lag, "lag")                                  \
	X(MEAS, effect_years, "effect_years")                \
	X(MEAS, decay, "decay")                              \
	X(MEAS, enabled, "enabled")                          \
	X(MEAS, success_rate_low, "ranges")                  \
	X(MEAS, success_rate_high, "ranges")                 \
	X(MEAS, deadweight_low, "ranges")                    \
	X(MEAS, deadweight_high, "ranges")                   \
	X(MEAS, decay_low, "ranges")                         \
	X(MEAS, decay_high, "ranges")                        \
	X(MEAS, cost_per_participant_low, "ranges")          \
	X(MEAS, cost_per_participant_high, "ranges")

/* ", a, b, c" and ", ?, ?, ?" of a list, to follow a first column. */
#define COLUMN_NAME_(t, c, f) ", " #c
#define COLUMN_PARAM_(t, c, f) ", ?"
#define COLUMN_NAMES(LIST) LIST(COLUMN_NAME_)
#define COLUMN_PARAMS(LIST) LIST(COLUMN_PARAM_)

/* COL_MEAS_decay …: a column's place in its list, from 0. */
#define COLUMN_ENUM_(t, c, f) COL_##t##_##c,
enum { WORKBOOK_COLUMNS(COLUMN_ENUM_) WORKBOOK_COLUMN_COUNT };
enum { SECTOR_COLUMNS(COLUMN_ENUM_) SECTOR_COLUMN_COUNT };
enum { GROUP_COLUMNS(COLUMN_ENUM_) GROUP_COLUMN_COUNT };
enum { ITEM_COLUMNS(COLUMN_ENUM_) ITEM_COLUMN_COUNT };
enum { MEASURE_COLUMNS(COLUMN_ENUM_) MEASURE_COLUMN_COUNT };

/* Its index in "SELECT id, version, <list>" and its parameter in the
 * INSERT and UPDATE texts (the list's, from ?1). */
#define SEL(t, c) (2 + COL_##t##_##c)
#define BIND(t, c) (1 + COL_##t##_##c)
/* Index and name, the two arguments a typed read (store/column.c) takes
 * for a column: col_text(r, COL(MEAS, name), …). */
#define COL(t, c) SEL(t, c), #c

/* rows.c binds and load.c reads these by the first column and an offset. */
_Static_assert(COL_WB_spread_d - COL_WB_spread_a == CONFIDENCE_D - CONFIDENCE_A,
	       "the spreads are four columns in confidence order");
_Static_assert(COL_MEAS_success_rate_high == COL_MEAS_success_rate_low + 1 &&
		       COL_MEAS_deadweight_high == COL_MEAS_deadweight_low + 1 &&
		       COL_MEAS_decay_high == COL_MEAS_decay_low + 1 &&
		       COL_MEAS_cost_per_participant_high == COL_MEAS_cost_per_participant_low + 1,
	       "a range's high column follows its low column");

/* The lists as data, for the tests: one entry per column. */
struct store_column {
	const char *column;
	const char *field; /* the schema key, NULL for the store's own */
};
struct store_columns {
	enum schema_row row;
	const char *table;
	const struct store_column *columns;
	size_t count;
};
/* One per schema row kind, in enum schema_row order. */
extern const struct store_columns store_column_lists[SCHEMA_ROW_COUNT];

#endif
