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

#include <stdbool.h>

/* Cumulative net by year: discounted (solid) and undiscounted (dashed);
 * one line when nothing is `discounted`. */
void svg_cumulative(struct buf *b, const struct result *r, bool discounted);
/* Present value of cost and saving per bearer, as grouped bars (the
 * title says "nåverdi" only when `discounted`). */
void svg_bearers(struct buf *b, const struct result *r, bool discounted);

#endif
