/*
 * svg.h: the HTML report's two charts as inline SVG (no scripts, no
 * external fonts or images, so the report prints and opens offline).
 *
 * Must never: emit user text unescaped, reference a URL.
 */
#ifndef UTENFOR_REPORT_SVG_H
#define UTENFOR_REPORT_SVG_H

#include "engine/projection.h"
#include "report/buf.h"

/* Cumulative net by year: discounted (solid) and undiscounted (dashed). */
void svg_cumulative(struct buf *b, const struct result *r);
/* Present value of cost and saving per bearer, as grouped bars. */
void svg_bearers(struct buf *b, const struct result *r);

#endif
