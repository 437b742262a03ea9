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
#include "report/summary.h"
#include "report/table.h"

/* `opt` is never NULL here (report.c passes empty options). */
void render_html(const struct workbook *wb, const struct projection *p,
		 const struct report_options *opt, struct buf *out);
void render_markdown(const struct workbook *wb, const struct projection *p,
		     const struct report_options *opt, struct buf *out);


/* What the HTML writer's section files share (html.c). */
void html_put_table(struct buf *b, const struct rtable *t, bool wide, bool last_is_sum);
/* Sentences as paragraphs, or as one bulleted list. */
void html_paragraphs(struct buf *b, char sentences[][SUMMARY_SENTENCE_SIZE], size_t n, bool list);
/* The same for Markdown (markdown.c): a table, sentences as one
 * paragraph, sentences as a list. */
void md_put_table(struct buf *b, const struct rtable *t);
void md_put_paragraph(struct buf *b, char sentences[][SUMMARY_SENTENCE_SIZE], size_t n);
void md_put_list(struct buf *b, char sentences[][SUMMARY_SENTENCE_SIZE], size_t n);

/* The «Usikkerhet» section (html_uncertainty.c, md_uncertainty.c); out
 * of memory marks `out` failed. */
void render_html_uncertainty(const struct workbook *wb, const struct projection *p,
			     struct buf *out);
void render_md_uncertainty(const struct workbook *wb, const struct projection *p,
			   struct buf *out);

#endif
