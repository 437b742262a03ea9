/*
 * render.h: the format writers behind report_render().  Each appends the
 * whole document to `out`; the caller checks buf_failed() once.
 *
 * Must never: print, exit(), emit user text unescaped for its format.
 */
#ifndef UTENFOR_REPORT_RENDER_H
#define UTENFOR_REPORT_RENDER_H

#include "engine/projection.h"
#include "engine/workbook.h"
#include "report/buf.h"
#include "report/report.h"

/* `opt` is never NULL here (report.c passes empty options). */
void render_html(const struct workbook *wb, const struct projection *p,
		 const struct report_options *opt, struct buf *out);
void render_markdown(const struct workbook *wb, const struct projection *p,
		     const struct report_options *opt, struct buf *out);

#endif
