/*
 * svg.c: inline SVG charts for the HTML report.
 *
 * Coordinates are written with "%.1f" in the C locale's notation, which is
 * what SVG requires: the program never sets LC_NUMERIC, so printf's
 * decimal point is always '.'.
 *
 * Must never: emit user text unescaped, reference a URL.
 */
#include "config.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>

#include "report/summary.h"
#include "report/svg.h"
#include "report/svg_internal.h"

#define W SVG_W
#define H 280.0
#define LEFT 90.0
#define RIGHT 20.0
#define TOP 20.0
#define BOTTOM 40.0

double svg_nice_step(double span, int n)
{
	if (!(span > 0))
		return 1;
	double raw = span / n;
	double mag = pow(10, floor(log10(raw)));
	double f = raw / mag;
	double step = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
	return step * mag;
}

static void axis_label(char *buf, size_t size, double v)
{
	fmt_kr_short(buf, size, v);
}

void svg_chart_open(struct buf *b, const char *id, const char *title, double height)
{
	buf_printf(b,
		   "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
		   "aria-labelledby=\"%s\">\n<title id=\"%s\">%s</title>\n",
		   W, height, id, id, title);
}

/*
 * One gridline from (x1, y1) to (x2, y2) for value v, labelled at (tx, ty)
 * with class `label_class`; the line at zero (within half a step) is drawn
 * as the zero line and labelled 0 exactly.
 */
void svg_gridline(struct buf *b, double v, double step, double x1, double y1, double x2,
		  double y2, double tx, double ty, const char *label_class)
{
	bool zero = fabs(v) < step / 2;
	char label[64];
	axis_label(label, sizeof label, zero ? 0 : v);
	buf_printf(b,
		   "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>\n"
		   "<text x=\"%.1f\" y=\"%.1f\" class=\"%s\">%s</text>\n",
		   x1, y1, x2, y2, zero ? "zero" : "grid", tx, ty, label_class, label);
}

void svg_value_range(double lo, double hi, double *min, double *max, double *step)
{
	if (lo > 0)
		lo = 0;
	if (hi < 0)
		hi = 0;
	if (hi - lo < 1)
		hi = lo + 1;
	*step = svg_nice_step(hi - lo, 5);
	*min = floor(lo / *step) * *step;
	*max = ceil(hi / *step) * *step;
}

void svg_cumulative(struct buf *b, const struct result *r, bool discounted)
{
	int n = r->year_count;
	if (n <= 0)
		return;
	double lo = 0, hi = 0;
	struct year_cursor c;
	struct year_row y;
	year_cursor_start(&c, r);
	while (year_cursor_next(&c, &y)) {
		lo = fmin(lo, fmin(y.cum_net, y.cum_net_discounted));
		hi = fmax(hi, fmax(y.cum_net, y.cum_net_discounted));
	}
	double min, max, step;
	svg_value_range(lo, hi, &min, &max, &step);
	double pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM;
#define X(i) (LEFT + (n > 1 ? (double)(i) / (n - 1) : 0.5) * pw)
#define Y(v) (TOP + (max - (v)) / (max - min) * ph)
	svg_chart_open(b, "cum-title",
		   discounted ? "Kumulativt netto per år, med og uten diskontering"
			      : "Kumulativt netto per år (ikke diskontert)",
		   H);
	for (double v = min; v <= max + step / 2; v += step)
		svg_gridline(b, v, step, LEFT, Y(v), W - RIGHT, Y(v), LEFT - 6, Y(v) + 4, "ylab");
	int every = n <= 12 ? 1 : n <= 30 ? 5 : 10;
	for (int i = 0; i < n; i++)
		if (i % every == 0 || i == n - 1)
			buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"xlab\">%d</text>\n", X(i),
				   H - BOTTOM + 18, r->first_year + i);
	/* Without discounting the two lines are one: draw it once. */
	for (int pass = 0; pass < (discounted ? 2 : 1); pass++) {
		buf_printf(b, "<polyline class=\"%s\" points=\"", pass == 0 ? "undisc" : "disc");
		year_cursor_start(&c, r);
		for (int i = 0; year_cursor_next(&c, &y); i++) {
			double v = pass == 0 ? y.cum_net : y.cum_net_discounted;
			buf_printf(b, "%s%.1f,%.1f", i ? " " : "", X(i), Y(v));
		}
		buf_put(b, "\"/>\n");
	}
	if (discounted)
		buf_printf(b,
			   "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"disc\"/>"
			   "<text x=\"%.1f\" y=\"%.1f\">Nåverdi (diskontert)</text>\n"
			   "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"undisc\"/>"
			   "<text x=\"%.1f\" y=\"%.1f\">Uten diskontering</text>\n</svg>\n",
			   LEFT, H - 8, LEFT + 24, H - 8, LEFT + 30, H - 4, LEFT + 200, H - 8,
			   LEFT + 224, H - 8, LEFT + 230, H - 4);
	else
		buf_printf(b,
			   "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"undisc\"/>"
			   "<text x=\"%.1f\" y=\"%.1f\">Kumulativt netto (ikke diskontert)</text>\n</svg>\n",
			   LEFT, H - 8, LEFT + 24, H - 8, LEFT + 30, H - 4);
#undef X
#undef Y
}

void svg_bearers(struct buf *b, const struct result *r, bool discounted)
{
	double lo = 0, hi = 0;
	for (int k = 0; k < BEARER_COUNT; k++) {
		lo = fmin(lo, fmin(r->by_bearer[k].pv_cost, r->by_bearer[k].pv_saving));
		hi = fmax(hi, fmax(r->by_bearer[k].pv_cost, r->by_bearer[k].pv_saving));
	}
	double min, max, step;
	svg_value_range(lo, hi, &min, &max, &step);
	const double left = 130, right = 20, top = 10, row = 56, bar = 20;
	double height = top + row * BEARER_COUNT + 40;
	double pw = W - left - right;
#define XV(v) (left + ((v) - min) / (max - min) * pw)
	svg_chart_open(b, "bearer-title",
		   discounted ? "Kostnad og gevinst i nåverdi per budsjett"
			      : "Kostnad og gevinst per budsjett (ikke diskontert)",
		   height);
	for (double v = min; v <= max + step / 2; v += step)
		svg_gridline(b, v, step, XV(v), top, XV(v), top + row * BEARER_COUNT, XV(v),
			 top + row * BEARER_COUNT + 16, "xlab");
	for (int k = 0; k < BEARER_COUNT; k++) {
		double y = top + row * k + 6;
		double vals[2] = {r->by_bearer[k].pv_cost, r->by_bearer[k].pv_saving};
		buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"ylab\">%s</text>\n", left - 8,
			   y + bar + 4, bearer_label((enum bearer)k));
		for (int j = 0; j < 2; j++) {
			double x0 = XV(fmin(0, vals[j])), x1 = XV(fmax(0, vals[j]));
			char label[64];
			fmt_kr(label, sizeof label, vals[j], true);
			buf_printf(b,
				   "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
				   "height=\"%.1f\"><title>%s: %s</title></rect>\n",
				   j == 0 ? "cost" : "saving", x0, y + j * bar, fmax(x1 - x0, 0.5), bar - 2,
				   j == 0 ? "Kostnad" : "Gevinst", label);
		}
	}
	buf_printf(b,
		   "<rect class=\"cost\" x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\"/>"
		   "<text x=\"%.1f\" y=\"%.1f\">Kostnad</text>\n"
		   "<rect class=\"saving\" x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\"/>"
		   "<text x=\"%.1f\" y=\"%.1f\">Gevinst</text>\n</svg>\n",
		   left, height - 14, left + 20, height - 5, left + 120, height - 14, left + 140,
		   height - 5);
#undef XV
}
