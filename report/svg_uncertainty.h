/*
 * svg_uncertainty.h: the «Usikkerhet» section's two charts as inline SVG:
 * the tornado (the inputs that move the NPV most, each from its low to
 * its high end around the point estimate) and the histogram of the
 * portfolio's NPV over the draws with P10, P50 and P90 marked.
 *
 * Must never: emit user text unescaped, reference a URL.
 */
#ifndef UTENFOR_REPORT_SVG_UNCERTAINTY_H
#define UTENFOR_REPORT_SVG_UNCERTAINTY_H

#include "engine/workbook.h"
#include "report/buf.h"
#include "report/uncertainty.h"

/* The first UNC_TORNADO_CHART_MAX entries of the sorted tornado. */
void svg_tornado(struct buf *b, const struct workbook *wb, const struct report_unc *u);
/* report_unc_histogram()'s bins, with the simulation's P10/P50/P90. */
void svg_histogram(struct buf *b, const struct workbook *wb, const struct report_unc *u);

#endif
