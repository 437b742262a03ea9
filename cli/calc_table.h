/*
 * calc_table.h: small column-aligned text tables for the command line,
 * measured in display columns rather than bytes (æ, ø, å are two bytes and
 * one column; U+202F is three bytes and one column).
 *
 * Must never: call ncurses, allocate.
 */
#ifndef UTENFOR_CLI_CALC_TABLE_H
#define UTENFOR_CLI_CALC_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define TABLE_COLS 5
#define TABLE_ROWS 8
#define TABLE_CELL 256 /* a 127-byte name plus room: never truncated */

/*
 * A table of at most TABLE_ROWS × TABLE_COLS cells.  Column 0 is the label
 * column (left-aligned); the others are right-aligned, as figures are.
 */
struct text_table {
	int rows;
	int cols;
	char cell[TABLE_ROWS][TABLE_COLS][TABLE_CELL];
};

/* Display columns `text` takes (UTF-8; invalid bytes count one each). */
size_t table_text_width(const char *text);

void table_init(struct text_table *t, int cols);
/* Append a row; `cells` holds t->cols strings.  Rows past TABLE_ROWS are
 * ignored (callers build fixed-size tables). */
void table_add(struct text_table *t, const char *const *cells);
/* Print with `indent` spaces before each row and two between columns. */
void table_print(FILE *out, const struct text_table *t, int indent);

#endif
