/*
 * svg_internal.h: the axis and frame helpers the report's SVG files
 * share (svg.c's budget charts, svg_uncertainty.c's tornado and
 * histogram), so every chart has the same size, ticks and labels.
 *
 * Must never: be included outside report/svg*.c; emit user text.
 */
#ifndef UTENFOR_REPORT_SVG_INTERNAL_H
#define UTENFOR_REPORT_SVG_INTERNAL_H

#include "report/buf.h"

/* Every chart's viewBox width. */
#define SVG_W 680.0

/* A "nice" step (1, 2 or 5 × 10^k) giving about `n` ticks over span. */
double svg_nice_step(double span, int n);
/* Value range including zero, widened to whole steps. */
void svg_value_range(double lo, double hi, double *min, double *max, double *step);
/* Open a chart `height` high, titled for screen readers (id and title are
 * fixed text of ours, not escaped). */
void svg_chart_open(struct buf *b, const char *id, const char *title, double height);
/* A gridline from (x1, y1) to (x2, y2) for value v labelled at (tx, ty);
 * the one at zero is drawn as the zero line. */
void svg_gridline(struct buf *b, double v, double step, double x1, double y1, double x2,
		  double y2, double tx, double ty, const char *label_class);

#endif
