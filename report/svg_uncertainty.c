/*
 * svg_uncertainty.c: the tornado and the NPV histogram as inline SVG.
 *
 * Coordinates are printed with "%.1f" in the C locale's notation, as
 * svg.c explains.
 *
 * Must never: emit user text unescaped, reference a URL.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine/numbers.h"
#include "report/summary.h"
#include "report/svg_internal.h"
#include "report/svg_uncertainty.h"

/* SVG text does not wrap: a long label is cut at a character boundary. */
#define LABEL_BYTES 40

static void put_label(struct buf *b, const char *s)
{
	char cut[LABEL_BYTES + 8];
	size_t n = strlen(s);
	if (n <= LABEL_BYTES) {
		buf_put_html(b, s);
		return;
	}
	n = LABEL_BYTES;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	snprintf(cut, sizeof cut, "%.*s…", (int)n, s);
	buf_put_html(b, cut);
}

/* One bar segment from x0 to x1 at row y, with its value as tooltip. */
static void segment(struct buf *b, const char *cls, double x0, double x1, double y, double h,
		    const char *what, double npv)
{
	char v[64];
	fmt_kr(v, sizeof v, npv, true);
	buf_printf(b,
		   "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
		   "<title>%s: %s</title></rect>\n",
		   cls, fmin(x0, x1), y, fmax(fabs(x1 - x0), 0.5), h, what, v);
}

void svg_tornado(struct buf *b, const struct workbook *wb, const struct report_unc *u)
{
	size_t n = u->r.portfolio_tornado_count;
	if (n > UNC_TORNADO_CHART_MAX)
		n = UNC_TORNADO_CHART_MAX;
	if (n == 0)
		return;
	double point = u->point[UNC_TOTAL], lo = point, hi = point;
	for (size_t i = 0; i < n; i++) {
		const struct tornado_entry *e = &u->r.portfolio_tornado[u->order[i]];
		lo = fmin(lo, fmin(e->npv_low[UNC_TOTAL], e->npv_high[UNC_TOTAL]));
		hi = fmax(hi, fmax(e->npv_low[UNC_TOTAL], e->npv_high[UNC_TOTAL]));
	}
	double min, max, step;
	svg_value_range(lo, hi, &min, &max, &step);
	const double left = 250, right = 20, top = 10, row = 26, bar = 18;
	double body = row * (double)n, height = top + body + 44;
	double pw = SVG_W - left - right;
#define XV(v) (left + ((v) - min) / (max - min) * pw)
	svg_chart_open(b, "tornado-title",
		       report_discounted(wb)
			       ? "Hva som flytter netto nåverdi mest: hver forutsetning fra lav til høy"
			       : "Hva som flytter netto mest: hver forutsetning fra lav til høy",
		       height);
	for (double v = min; v <= max + step / 2; v += step)
		svg_gridline(b, v, step, XV(v), top, XV(v), top + body, XV(v), top + body + 16,
			     "xlab");
	for (size_t i = 0; i < n; i++) {
		const struct tornado_entry *e = &u->r.portfolio_tornado[u->order[i]];
		char label[2 * TEXT_NAME_SIZE + 64];
		double y = top + row * (double)i + (row - bar) / 2;
		report_unc_input_label(wb, e, label, sizeof label);
		buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"ylab\">", left - 8, y + bar - 5);
		put_label(b, label);
		buf_put(b, "</text>\n");
		segment(b, "low", XV(point), XV(e->npv_low[UNC_TOTAL]), y, bar, "Lav",
			e->npv_low[UNC_TOTAL]);
		segment(b, "high", XV(point), XV(e->npv_high[UNC_TOTAL]), y, bar, "Høy",
			e->npv_high[UNC_TOTAL]);
	}
	buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"point\"/>\n",
		   XV(point), top - 4, XV(point), top + body + 4);
	buf_printf(b,
		   "<rect class=\"low\" x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\"/>"
		   "<text x=\"%.1f\" y=\"%.1f\">Forutsetningen lav</text>\n"
		   "<rect class=\"high\" x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\"/>"
		   "<text x=\"%.1f\" y=\"%.1f\">Forutsetningen høy</text>\n"
		   "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"point\"/>"
		   "<text x=\"%.1f\" y=\"%.1f\">Anslaget</text>\n</svg>\n",
		   left, height - 14, left + 20, height - 5, left + 150, height - 14, left + 170,
		   height - 5, left + 300, height - 14, left + 300, height - 4, left + 308,
		   height - 5);
#undef XV
}

void svg_histogram(struct buf *b, const struct workbook *wb, const struct report_unc *u)
{
	struct unc_histogram h;
	report_unc_histogram(u, &h);
	if (h.max_count <= 0)
		return;
	const double left = 40, right = 20, top = 34, height = 300, bottom = 50;
	double pw = SVG_W - left - right, ph = height - top - bottom;
	double lo = h.lo, hi = h.lo + h.width * UNC_HIST_BINS;
#define XV(v) (left + ((v) - lo) / (hi - lo) * pw)
	char title[160], draws[32];
	number_format(draws, sizeof draws, (double)u->draw_count, 0, REPORT_THOUSANDS);
	snprintf(title, sizeof title, "Fordelingen av %s over trekkene, med P10, P50 og P90",
		 report_discounted(wb) ? "netto nåverdi" : "netto");
	svg_chart_open(b, "hist-title", title, height);
	double step = svg_nice_step(hi - lo, 5);
	for (double v = ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
		svg_gridline(b, v, step, XV(v), top, XV(v), top + ph, XV(v), top + ph + 16, "xlab");
	for (int k = 0; k < UNC_HIST_BINS; k++) {
		if (h.count[k] == 0)
			continue;
		double bh = (double)h.count[k] / (double)h.max_count * ph;
		double x0 = XV(lo + k * h.width), x1 = XV(lo + (k + 1) * h.width);
		buf_printf(b,
			   "<rect class=\"bin\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
			   "<title>%ld trekk</title></rect>\n",
			   x0 + 0.5, top + ph - bh, fmax(x1 - x0 - 1, 0.5), bh, h.count[k]);
	}
	const struct mc_stats *s = &u->r.portfolio_mc.line[UNC_TOTAL];
	const double at[3] = {s->p10, s->p50, s->p90};
	static const char *const name[3] = {"P10", "P50", "P90"};
	static const char *const anchor[3] = {"end", "middle", "start"};
	for (int i = 0; i < 3; i++) {
		char v[64];
		fmt_kr_short(v, sizeof v, at[i]);
		buf_printf(b,
			   "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"pct\"/>\n"
			   "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s: %s</text>\n",
			   XV(at[i]), top - 4, XV(at[i]), top + ph, XV(at[i]), i == 1 ? top - 8 : top - 22,
			   anchor[i], name[i], v);
	}
	buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\">%s trekk; stolpens høyde er antall trekk i "
		      "intervallet.</text>\n</svg>\n",
		   left, height - 8, draws);
#undef XV
}
