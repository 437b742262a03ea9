/*
 * chart.h: a bar chart of a series (cumulative net by year, extra cost by
 * age) drawn as text cells: which glyph goes in which cell.  Positive bars
 * grow up from the zero line, negative ones down, with eighth-block glyphs
 * for the tip in UTF-8 and '#' in ASCII.
 *
 * Must never: call ncurses or allocate.
 */
#ifndef UTENFOR_TUI_CHART_H
#define UTENFOR_TUI_CHART_H

#include <stdbool.h>

struct chart_scale {
	int n;          /* values */
	int height;     /* rows */
	int width;      /* columns available */
	int bar_width;  /* columns per value (≥ 1) */
	int per_column; /* values folded into one column when n > width */
	double max, min; /* range including 0, rounded out to nice numbers */
};

void chart_scale_compute(const double *values, int n, int height, int width,
			 struct chart_scale *out);

/*
 * The glyph for cell (row, col), row 0 at the top: "" when the cell is
 * blank.  *sign is +1 for a positive bar, -1 negative, 0 blank or the zero
 * line.  Columns past the bars are blank.
 */
const char *chart_glyph(const struct chart_scale *s, const double *values, int row, int col,
			bool ascii, int *sign);

/* Index of the value shown in column `col`, or -1 past the bars. */
int chart_value_index(const struct chart_scale *s, int col);

#endif
