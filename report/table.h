/*
 * table.h: the report's tables as plain data (header row + body rows of
 * already formatted text), built once here and rendered by each format,
 * so HTML and Markdown cannot disagree on a figure.
 *
 * Ownership: every cell is a malloc'd copy owned by the table;
 * rtable_free() releases them.  Out of memory is sticky (`failed`).
 *
 * Must never: print or exit().
 */
#ifndef UTENFOR_REPORT_TABLE_H
#define UTENFOR_REPORT_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/projection.h"
#include "engine/workbook.h"

#define RTABLE_COLS_MAX 16

struct rtable {
	size_t cols;
	size_t rows; /* including the header row */
	size_t cap;  /* rows allocated */
	char **cells; /* rows × cols */
	bool numeric[RTABLE_COLS_MAX]; /* right-aligned columns */
	bool failed;
};

/* Start a table whose header cells are the `cols` strings that follow. */
void rtable_init(struct rtable *t, size_t cols, ...);
/* Append a row of exactly t->cols strings (copied). */
void rtable_row(struct rtable *t, ...);
/* The same with the cells in an array of t->cols (or `cols`) strings. */
void rtable_init_cells(struct rtable *t, size_t cols, const char *const *cells);
void rtable_row_cells(struct rtable *t, const char *const *cells);
void rtable_free(struct rtable *t);
const char *rtable_cell(const struct rtable *t, size_t row, size_t col);

/* The report's tables.  Each initialises `t`; the caller frees it. */
void table_by_bearer(const struct workbook *wb, const struct result *r, struct rtable *t);
/* The portfolio's flows: the sum of the enabled measures' matrices. */
void table_flows(const struct projection *p, struct rtable *t);
void table_measures(const struct workbook *wb, const struct projection *p, struct rtable *t);
/* Without discounting the discount factor and present-value columns are
 * left out: they would repeat the undiscounted ones. */
void table_years(const struct workbook *wb, const struct result *r, struct rtable *t);
void table_params(const struct workbook *wb, struct rtable *t);
void table_groups(const struct workbook *wb, struct rtable *t);
void table_items(const struct workbook *wb, const struct target_group *g, struct rtable *t);
/* The declared sectors (tjenesteområder); none means one table row less. */
void table_sectors(const struct workbook *wb, struct rtable *t);
void table_measure_inputs(const struct workbook *wb, struct rtable *t);

/* A text bar for Markdown charts: `width` cells of █ for |value| = scale. */
void text_bar(char *buf, size_t size, double value, double scale, int width);

#endif
