/*
 * columns.c: the column lists of columns.h as data, so that
 * tests/store_columns.c can hold them against the schema and the file.
 *
 * Must never: be used to build SQL (the texts are literals from the same
 * lists, made at compile time).
 */
#include "store/columns.h"

#define COLUMN_ENTRY_(t, c, f) {#c, f},
#define LIST(name, LIST_) \
	static const struct store_column name[] = {LIST_(COLUMN_ENTRY_)}

LIST(workbook_columns, WORKBOOK_COLUMNS);
LIST(sector_columns, SECTOR_COLUMNS);
LIST(group_columns, GROUP_COLUMNS);
LIST(item_columns, ITEM_COLUMNS);
LIST(measure_columns, MEASURE_COLUMNS);

#define ENTRY(row, table, a) [row] = {row, table, a, sizeof a / sizeof a[0]}

const struct store_columns store_column_lists[SCHEMA_ROW_COUNT] = {
	ENTRY(SCHEMA_WORKBOOK, "workbook", workbook_columns),
	ENTRY(SCHEMA_SECTOR, "sectors", sector_columns),
	ENTRY(SCHEMA_GROUP, "groups", group_columns),
	ENTRY(SCHEMA_ITEM, "items", item_columns),
	ENTRY(SCHEMA_MEASURE, "measures", measure_columns),
};
