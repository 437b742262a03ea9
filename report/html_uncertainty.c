/*
 * html_uncertainty.c: the «Usikkerhet» section of the HTML report: the
 * chances, the simulation's summary, the tornado and the distribution as
 * SVG (each with its table, for print and screen readers), the switching
 * values, the grades and spreads, and how to reproduce it.
 *
 * Must never: emit user text without buf_put_html(), reference a URL.
 */
#include "config.h"

#include <stdio.h>

#include "report/render.h"
#include "report/svg_uncertainty.h"
#include "report/uncertainty.h"

static void table(struct buf *b, void (*build)(const struct workbook *, const struct report_unc *,
					       struct rtable *),
		  const struct workbook *wb, const struct report_unc *u)
{
	struct rtable t;
	build(wb, u, &t);
	html_put_table(b, &t, false, false);
	rtable_free(&t);
}

static void sentence(struct buf *b, const char *text)
{
	buf_put(b, "<p>");
	buf_put_html(b, text);
	buf_put(b, "</p>\n");
}

static void switching(const struct workbook *wb, const struct report_unc *u, struct buf *b)
{
	char text[SUMMARY_SENTENCE_SIZE];
	buf_put(b, "<h3>Brytningsverdier</h3>\n");
	report_unc_switching_intro(wb, text, sizeof text);
	sentence(b, text);
	buf_put(b, "<ul>\n");
	for (size_t m = 0; m < wb->measure_count; m++) {
		if (!wb->measures[m].enabled)
			continue;
		report_unc_switching(wb, u, m, text, sizeof text);
		buf_put(b, "<li>");
		buf_put_html(b, text);
		buf_put(b, "</li>\n");
	}
	buf_put(b, "</ul>\n");
}

static void grades(const struct workbook *wb, struct buf *b)
{
	char sentences[SUMMARY_SENTENCES_MAX][SUMMARY_SENTENCE_SIZE];
	struct rtable t;
	buf_put(b, "<h3>Sikkerhetsgrader og spenn</h3>\n");
	size_t n = report_unc_grades_text(wb, sentences, SUMMARY_SENTENCES_MAX);
	html_paragraphs(b, sentences, 1, false);
	table_unc_grades(wb, &t);
	html_put_table(b, &t, false, false);
	rtable_free(&t);
	html_paragraphs(b, sentences + 1, n - 1, false);
	table_unc_ranges(wb, &t);
	if (t.rows > 1)
		html_put_table(b, &t, false, false);
	else
		buf_put(b, "<p>Ingen tiltak har spenn (lav–høy) på forutsetningene; bare "
			   "kostnadspostenes usikkerhet er med.</p>\n");
	rtable_free(&t);
}

void render_html_uncertainty(const struct workbook *wb, const struct projection *p,
			     struct buf *b)
{
	struct report_unc *u = report_unc_new(wb, p);
	if (u == NULL) {
		b->failed = true;
		return;
	}
	char sentences[SUMMARY_SENTENCES_MAX][SUMMARY_SENTENCE_SIZE];
	char text[SUMMARY_SENTENCE_SIZE];
	buf_put(b, "<section id=\"usikkerhet\" class=\"newpage\">\n<h2>Usikkerhet</h2>\n");
	size_t n = report_unc_intro(wb, u, sentences, SUMMARY_SENTENCES_MAX);
	html_paragraphs(b, sentences, n, false);
	n = report_unc_chances(wb, u, sentences, SUMMARY_SENTENCES_MAX);
	buf_put(b, "<div class=\"summary\">\n");
	html_paragraphs(b, sentences, n, false);
	buf_put(b, "</div>\n");
	table(b, table_unc_summary, wb, u);

	buf_put(b, "<h3>Fordelingen</h3>\n");
	svg_histogram(b, wb, u);
	buf_put(b, "<h3>Hva som betyr mest</h3>\n<p>Hver forutsetning satt til sin lave og "
		   "sin høye verdi, alt annet som i anslaget; størst utslag øverst.</p>\n");
	svg_tornado(b, wb, u);
	table(b, table_unc_tornado, wb, u);
	buf_put(b, "<h3>Per tiltak</h3>\n");
	table(b, table_unc_measures, wb, u);
	switching(wb, u, b);
	grades(wb, b);
	buf_put(b, "<h3>Slik kan tallene regnes ut på nytt</h3>\n");
	report_unc_reproduce(wb, u, text, sizeof text);
	sentence(b, text);
	buf_put(b, "</section>\n");
	report_unc_delete(u);
}
