/*
 * chart.c: bar chart geometry and glyphs (see chart.h).
 *
 * Must never: call ncurses or allocate.
 */
#include "config.h"

#include "tui/chart.h"

#include <math.h>
#include <stddef.h>

static const char *const eighths[9] = {
	"",
	"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
	"\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88",
};
#define FULL_BLOCK "\xe2\x96\x88"
#define UPPER_HALF "\xe2\x96\x80"

/*
 * Round a magnitude up to a "nice" number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6,
 * 8 × 10^k): axis labels then read well and stay put while a value is
 * typed, so a keystroke repaints only the bars that moved.
 */
static double nice_ceil(double v)
{
	static const double steps[] = {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};
	if (v <= 0)
		return 0;
	double p = pow(10, floor(log10(v)));
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if (steps[i] * p >= v * (1 - 1e-12))
			return steps[i] * p;
	return 10 * p;
}

void chart_scale_compute(const double *values, int n, int height, int width,
			 struct chart_scale *out)
{
	out->n = n;
	out->height = height > 0 ? height : 0;
	out->width = width > 0 ? width : 0;
	out->per_column = 1;
	out->bar_width = 1;
	if (n > 0 && out->width > 0) {
		if (n > out->width)
			out->per_column = (n + out->width - 1) / out->width;
		else
			out->bar_width = out->width / n;
	}
	out->max = 0;
	out->min = 0;
	for (int i = 0; i < n; i++) {
		if (!isfinite(values[i]))
			continue;
		if (values[i] > out->max)
			out->max = values[i];
		if (values[i] < out->min)
			out->min = values[i];
	}
	out->max = nice_ceil(out->max);
	out->min = -nice_ceil(-out->min);
}

int chart_value_index(const struct chart_scale *s, int col)
{
	int i = col / s->bar_width * s->per_column;
	/* Folded columns show the last value of their group: for cumulative
	 * series that is where the group ends. */
	if (s->per_column > 1)
		i += s->per_column - 1;
	if (col < 0 || col / s->bar_width * s->per_column >= s->n)
		return -1;
	return i < s->n ? i : s->n - 1;
}

const char *chart_glyph(const struct chart_scale *s, const double *values, int row, int col,
			bool ascii, int *sign)
{
	*sign = 0;
	int i = chart_value_index(s, col);
	double range = s->max - s->min;
	if (i < 0 || s->height <= 0 || range <= 0)
		return "";
	double v = values[i];
	if (!isfinite(v) || v == 0)
		return "";
	/* Heights in rows from the top: the zero line sits at zero_y. */
	double unit = range / s->height;
	double zero_y = s->max / unit;
	double top = row, bottom = row + 1.0;
	if (v > 0) {
		double bar_top = zero_y - v / unit;
		double fill = (bottom < zero_y ? bottom : zero_y) - (top > bar_top ? top : bar_top);
		if (fill <= 0)
			return "";
		*sign = 1;
		if (ascii)
			return fill >= 0.5 ? "#" : "";
		int e = (int)lround(fill * 8);
		if (e <= 0)
			return "";
		return eighths[e > 8 ? 8 : e];
	}
	double bar_bottom = zero_y - v / unit;
	double fill = (bottom < bar_bottom ? bottom : bar_bottom) - (top > zero_y ? top : zero_y);
	if (fill <= 0)
		return "";
	*sign = -1;
	if (ascii)
		return fill >= 0.5 ? "#" : "";
	/* Blocks hang from the top of the cell: only full and half exist. */
	if (fill >= 0.75)
		return FULL_BLOCK;
	return fill >= 0.25 ? UPPER_HALF : "";
}
