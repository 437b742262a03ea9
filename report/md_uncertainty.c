/*
 * md_uncertainty.c: the «Usikkerhet» section of the Markdown report, with
 * the tornado and the distribution as tables (bars of █).
 *
 * Must never: emit user text without buf_put_md(), reference a URL.
 */
#include "config.h"

#include <stdio.h>

#include "report/render.h"
#include "report/uncertainty.h"

static void table(struct buf *b, void (*build)(const struct workbook *, const struct report_unc *,
					       struct rtable *),
		  const struct workbook *wb, const struct report_unc *u)
{
	struct rtable t;
	build(wb, u, &t);
	md_put_table(b, &t);
	rtable_free(&t);
}

static void text_paragraph(struct buf *b, const char *text)
{
	buf_put_md(b, text);
	buf_put(b, "\n\n");
}

static void grades(const struct workbook *wb, struct buf *b)
{
	char sentences[SUMMARY_SENTENCES_MAX][SUMMARY_SENTENCE_SIZE];
	struct rtable t;
	buf_put(b, "### Sikkerhetsgrader og spenn\n\n");
	size_t n = report_unc_grades_text(wb, sentences, SUMMARY_SENTENCES_MAX);
	md_put_paragraph(b, sentences, 1);
	table_unc_grades(wb, &t);
	md_put_table(b, &t);
	rtable_free(&t);
	md_put_paragraph(b, sentences + 1, n - 1);
	table_unc_ranges(wb, &t);
	if (t.rows > 1)
		md_put_table(b, &t);
	else
		buf_put(b, "Ingen tiltak har spenn (lav–høy) på forutsetningene; bare "
			   "kostnadspostenes usikkerhet er med.\n\n");
	rtable_free(&t);
}

void render_md_uncertainty(const struct workbook *wb, const struct projection *p, struct buf *b)
{
	struct report_unc *u = report_unc_new(wb, p);
	if (u == NULL) {
		b->failed = true;
		return;
	}
	char sentences[SUMMARY_SENTENCES_MAX][SUMMARY_SENTENCE_SIZE];
	char text[SUMMARY_SENTENCE_SIZE];
	buf_put(b, "## Usikkerhet\n\n");
	size_t n = report_unc_intro(wb, u, sentences, SUMMARY_SENTENCES_MAX);
	md_put_paragraph(b, sentences, n);
	n = report_unc_chances(wb, u, sentences, SUMMARY_SENTENCES_MAX);
	md_put_list(b, sentences, n);
	table(b, table_unc_summary, wb, u);

	buf_put(b, "### Fordelingen\n\n");
	table(b, table_unc_histogram, wb, u);
	buf_put(b, "### Hva som betyr mest\n\nHver forutsetning satt til sin lave og sin høye "
		   "verdi, alt annet som i anslaget; størst utslag øverst.\n\n");
	table(b, table_unc_tornado, wb, u);
	buf_put(b, "### Per tiltak\n\n");
	table(b, table_unc_measures, wb, u);

	buf_put(b, "### Brytningsverdier\n\n");
	report_unc_switching_intro(wb, text, sizeof text);
	text_paragraph(b, text);
	for (size_t m = 0; m < wb->measure_count; m++) {
		if (!wb->measures[m].enabled)
			continue;
		report_unc_switching(wb, u, m, text, sizeof text);
		buf_put(b, "- ");
		buf_put_md(b, text);
		buf_put(b, "\n");
	}
	buf_put(b, "\n");
	grades(wb, b);
	buf_put(b, "### Slik kan tallene regnes ut på nytt\n\n");
	report_unc_reproduce(wb, u, text, sizeof text);
	text_paragraph(b, text);
	report_unc_delete(u);
}
