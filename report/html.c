/*
 * html.c: the council report as one self-contained HTML file: inline CSS
 * (with A4 print rules) and inline SVG charts, no scripts, no fonts or
 * images from anywhere, so it opens offline and prints as a document.
 *
 * Must never: emit user text without buf_put_html(), reference a URL.
 */
#include "config.h"

#include <stdio.h>

#include "report/example.h"
#include "report/outside.h"
#include "report/plan.h"
#include "report/society.h"
#include "report/render.h"
#include "report/summary.h"
#include "report/svg.h"
#include "report/table.h"

static const char style[] =
	"<style>\n"
	"body{font-family:\"Segoe UI\",\"Helvetica Neue\",Arial,sans-serif;color:#1b1b1b;"
	"max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}\n"
	"h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.3rem;border-bottom:2px solid "
	"#2b5d8a;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem;margin-top:1.4rem}\n"
	".meta{color:#555;margin-top:0}.summary p{font-size:1.08rem;margin:.35rem 0}\n"
	"table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.9rem}\n"
	"th,td{border:1px solid #bbb;padding:.25rem .45rem;vertical-align:top}\n"
	"th{background:#eef3f8;text-align:left}td.num{text-align:right;white-space:nowrap}\n"
	"table.wide{font-size:.72rem}tr.sum td{font-weight:bold}\n"
	"svg.chart{width:100%;max-width:42rem;height:auto;display:block;margin:.5rem 0 1rem}\n"
	"svg text{font-size:11px;font-family:sans-serif;fill:#333}\n"
	"svg .ylab{text-anchor:end}svg .xlab{text-anchor:middle}\n"
	"svg .grid{stroke:#ddd;stroke-width:1}svg .zero{stroke:#555;stroke-width:1.2}\n"
	"svg .disc{fill:none;stroke:#2b5d8a;stroke-width:2.5}\n"
	"svg .undisc{fill:none;stroke:#c0612b;stroke-width:2;stroke-dasharray:6 4}\n"
	"svg .cost{fill:#c0612b}svg .saving{fill:#2b7a4b}\n"
	"svg .low{fill:#c0612b}svg .high{fill:#2b7a4b}svg .bin{fill:#2b5d8a}\n"
	"svg .point{stroke:#1b1b1b;stroke-width:1.5}svg .pct{stroke:#1b1b1b;stroke-width:1.2;"
	"stroke-dasharray:4 3}\n"
	".limits li{margin:.3rem 0}\n"
	".notice{border:2px solid #c0612b;background:#fdf3ec;padding:.5rem .8rem;margin:1rem 0}\n"
	"@page{size:A4;margin:18mm 15mm}\n"
	"@media print{body{margin:0;max-width:none;font-size:10.5pt}"
	"section.newpage{page-break-before:always;break-before:page}"
	"table.wide{font-size:7pt}h2,h3{page-break-after:avoid;break-after:avoid}tr,svg{page-break-inside:avoid;"
	"break-inside:avoid}thead{display:table-header-group}}\n"
	"</style>\n";

void html_put_table(struct buf *b, const struct rtable *t, bool wide, bool last_is_sum)
{
	buf_put(b, wide ? "<table class=\"wide\">\n<thead><tr>" : "<table>\n<thead><tr>");
	for (size_t c = 0; c < t->cols; c++) {
		buf_put(b, "<th scope=\"col\">");
		buf_put_html(b, rtable_cell(t, 0, c));
		buf_put(b, "</th>");
	}
	buf_put(b, "</tr></thead>\n<tbody>\n");
	for (size_t r = 1; r < t->rows; r++) {
		buf_put(b, last_is_sum && r == t->rows - 1 ? "<tr class=\"sum\">" : "<tr>");
		for (size_t c = 0; c < t->cols; c++) {
			buf_put(b, t->numeric[c] ? "<td class=\"num\">" : "<td>");
			buf_put_html(b, rtable_cell(t, r, c));
			buf_put(b, "</td>");
		}
		buf_put(b, "</tr>\n");
	}
	buf_put(b, "</tbody>\n</table>\n");
	if (t->failed)
		b->failed = true;
}

static void head(const struct workbook *wb, struct buf *b)
{
	const struct workbook_params *pa = &wb->params;
	buf_put(b, "<!DOCTYPE html>\n<html lang=\"nb\">\n<head>\n<meta charset=\"utf-8\"/>\n"
		   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
		   "<title>Utenfor-regnskapet – ");
	buf_put_html(b, pa->name);
	if (pa->municipality[0]) {
		buf_put(b, " – ");
		buf_put_html(b, pa->municipality);
	}
	buf_put(b, "</title>\n");
	buf_put(b, style);
	buf_put(b, "</head>\n<body>\n<header>\n<h1>Utenfor-regnskapet: ");
	buf_put_html(b, pa->name);
	buf_put(b, "</h1>\n<p class=\"meta\">");
	if (pa->municipality[0]) {
		buf_put_html(b, pa->municipality);
		buf_put(b, " · ");
	}
	buf_printf(b, "beregnet for %d–%d (%d år) · alle beløp i faste %d-kroner</p>\n"
		      "</header>\n",
		   pa->base_year, pa->base_year + pa->horizon - 1, pa->horizon, pa->price_year);
}

/* The example-data warning, first thing under the title. */
static void notice(const struct workbook *wb, const struct report_options *opt, struct buf *b)
{
	struct example_use use;
	char text[SUMMARY_SENTENCE_SIZE];
	example_use_compute(wb, opt->example, &use);
	if (!example_notice(&use, text, sizeof text))
		return;
	buf_put(b, "<p class=\"notice\" id=\"eksempeldata\"><strong>Merk:</strong> ");
	buf_put_html(b, text);
	buf_put(b, "</p>\n");
}

static void outside(const struct workbook *wb, const struct projection *p, struct buf *b)
{
	char sentences[SUMMARY_SENTENCES_MAX][SUMMARY_SENTENCE_SIZE];
	size_t n = report_outside(wb, p, sentences, SUMMARY_SENTENCES_MAX);
	buf_put(b, "<section id=\"utenfor-beregningen\">\n<h2>Utenfor beregningen</h2>\n");
	for (size_t i = 0; i < n; i++) {
		buf_put(b, "<p>");
		buf_put_html(b, sentences[i]);
		buf_put(b, "</p>\n");
	}
	buf_put(b, "</section>\n");
}

static void summary(const struct workbook *wb, const struct projection *p, struct buf *b)
{
	char sentences[SUMMARY_SENTENCES_MAX][SUMMARY_SENTENCE_SIZE];
	size_t n = report_summary(wb, p, sentences, SUMMARY_SENTENCES_MAX);
	buf_put(b, "<section id=\"sammendrag\" class=\"summary\">\n<h2>Sammendrag</h2>\n");
	for (size_t i = 0; i < n; i++) {
		buf_put(b, "<p>");
		buf_put_html(b, sentences[i]);
		buf_put(b, "</p>\n");
	}
	buf_put(b, "</section>\n");
}

void html_paragraphs(struct buf *b, char sentences[][SUMMARY_SENTENCE_SIZE], size_t n, bool list)
{
	if (list)
		buf_put(b, "<ul>\n");
	for (size_t i = 0; i < n; i++) {
		buf_put(b, list ? "<li>" : "<p>");
		buf_put_html(b, sentences[i]);
		buf_put(b, list ? "</li>\n" : "</p>\n");
	}
	if (list)
		buf_put(b, "</ul>\n");
}

static void sector_sentences(const struct workbook *wb, const struct result *r, struct buf *b)
{
	char sentences[SUMMARY_SENTENCES_MAX][SUMMARY_SENTENCE_SIZE];
	size_t n = report_sector_sentences(wb, r, sentences, SUMMARY_SENTENCES_MAX);
	if (n == 0)
		return;
	buf_put(b, "<h3>Per sektor</h3>\n<p>Hvem som betaler, og hvor det de betaler "
		   "for, gir gevinst:</p>\n");
	html_paragraphs(b, sentences, n, true);
}

static void society(const struct workbook *wb, const struct projection *p, struct buf *b)
{
	struct rtable t;
	char sentences[SUMMARY_SENTENCES_MAX][SUMMARY_SENTENCE_SIZE];
	buf_put(b, "<section id=\"samfunn\">\n<h2>Samfunnsøkonomisk perspektiv</h2>\n");
	size_t n = report_society_text(wb, &p->portfolio, sentences, SUMMARY_SENTENCES_MAX);
	html_paragraphs(b, sentences, 1, false);
	table_society(wb, &p->portfolio, &t);
	html_put_table(b, &t, false, true);
	rtable_free(&t);
	html_paragraphs(b, sentences + 1, n - 1, false);
	table_society_measures(wb, p, &t);
	html_put_table(b, &t, false, false);
	rtable_free(&t);
	buf_put(b, "<h3>Forbehold</h3>\n");
	n = report_society_caveats(wb, sentences, SUMMARY_SENTENCES_MAX);
	html_paragraphs(b, sentences, n, true);
	buf_put(b, "</section>\n");
}

static void results(const struct workbook *wb, const struct projection *p, struct buf *b)
{
	struct rtable t;
	bool disc = report_discounted(wb);
	buf_put(b, "<section id=\"hvem\">\n<h2>Hvem betaler, og hvem sparer</h2>\n<p>");
	buf_put(b, disc ? "Nåverdi" : "Sum (ikke diskontert)");
	buf_put(b, " over hele perioden for tiltakene som er med (aktive tiltak).</p>\n");
	table_by_bearer(wb, &p->portfolio, &t);
	html_put_table(b, &t, false, true);
	rtable_free(&t);
	svg_bearers(b, &p->portfolio, disc);
	buf_printf(b, "<h3>Hvor gevinsten havner</h3>\n<p>Radene er den som betaler, kolonnene "
		      "budsjettet som sparer: av gevinsten hver betalers penger gir, så mye "
		      "havner i hvert budsjett (%s, kr). Hvert tiltaks gevinst følger det "
		      "tiltakets egne betalere.</p>\n",
		   report_pv_word(wb));
	table_flows(p, &t);
	html_put_table(b, &t, false, false);
	rtable_free(&t);
	sector_sentences(wb, &p->portfolio, b);
	buf_put(b, "</section>\n");

	char caption[SUMMARY_SENTENCE_SIZE];
	report_plan_caption(wb, &p->portfolio, caption, sizeof caption);
	buf_put(b, "<section id=\"okonomiplan\">\n<h2>Økonomiplanen</h2>\n<p>");
	buf_put_html(b, caption);
	buf_put(b, " Hva tiltakene som er med, gjør med hver budsjettlinje i årene "
		   "økonomiplanen gjelder. Sektorer uten kostnad eller gevinst i "
		   "disse årene er utelatt.</p>\n");
	if (p->portfolio.plan_count > 0) {
		table_plan(wb, &p->portfolio, &t);
		html_put_table(b, &t, true, false);
		rtable_free(&t);
	}
	buf_put(b, "</section>\n");

	buf_put(b, "<section id=\"tiltak\" class=\"newpage\">\n<h2>Tiltakene</h2>\n"
		   "<p>Tiltak merket «nei» i kolonnen «Med» er slått av og er ikke med i "
		   "summene.</p>\n");
	table_measures(wb, p, &t);
	html_put_table(b, &t, true, false);
	rtable_free(&t);
	buf_put(b, "</section>\n");

	buf_put(b, "<section id=\"utvikling\">\n<h2>Utvikling over tid</h2>\n<p>Kumulativt "
		   "netto (gevinst minus kostnad) år for år. Når linjen krysser null og blir "
		   "over, er investeringen lønnsom fra det året.</p>\n");
	svg_cumulative(b, &p->portfolio, disc);
	buf_put(b, "</section>\n");
	society(wb, p, b);
}

static void limits(const struct workbook *wb, struct buf *b)
{
	char text[SUMMARY_SENTENCES_MAX][SUMMARY_SENTENCE_SIZE];
	size_t n = report_limits(wb, text, SUMMARY_SENTENCES_MAX);
	buf_put(b, "<section id=\"begrensninger\">\n<h2>Hva tallene ikke sier</h2>\n"
		   "<ul class=\"limits\">\n");
	for (size_t i = 0; i < n; i++) {
		buf_put(b, "<li>");
		buf_put_html(b, text[i]);
		buf_put(b, "</li>\n");
	}
	buf_put(b, "</ul>\n</section>\n");
}

static void appendix(const struct workbook *wb, const struct projection *p, bool any, struct buf *b)
{
	struct rtable t;
	buf_put(b, "<section id=\"vedlegg\" class=\"newpage\">\n<h2>Vedlegg: alle "
		   "forutsetninger</h2>\n<h3>Parametre</h3>\n");
	table_params(wb, &t);
	html_put_table(b, &t, false, false);
	rtable_free(&t);

	if (wb->sector_count > 0) {
		buf_put(b, "<h3>Sektorer</h3>\n<p>Hvert budsjett har i tillegg «øvrig»: "
			   "resten av det budsjettet.</p>\n");
		table_sectors(wb, &t);
		html_put_table(b, &t, false, false);
		rtable_free(&t);
	}
	buf_put(b, "<h3>Målgrupper</h3>\n");
	table_groups(wb, &t);
	html_put_table(b, &t, false, false);
	rtable_free(&t);
	for (size_t g = 0; g < wb->group_count; g++) {
		buf_put(b, "<h3>Merkostnader per person og år: ");
		buf_put_html(b, wb->groups[g].name);
		buf_put(b, "</h3>\n");
		if (wb->groups[g].item_count == 0) {
			buf_put(b, "<p>Ingen kostnadsposter.</p>\n");
			continue;
		}
		table_items(wb, &wb->groups[g], &t);
		html_put_table(b, &t, false, false);
		rtable_free(&t);
	}
	buf_put(b, "<h3>Sikkerhetsgrader</h3>\n<dl>\n");
	for (int c = CONFIDENCE_A; c <= CONFIDENCE_D; c++)
		buf_printf(b, "<dt>%s</dt><dd>%s</dd>\n", confidence_key((enum confidence)c),
			   confidence_explanation((enum confidence)c));
	buf_put(b, "</dl>\n");

	if (wb->measure_count > 0) {
		buf_put(b, "<h3>Tiltakenes forutsetninger</h3>\n");
		table_measure_inputs(wb, &t);
		html_put_table(b, &t, true, false);
		rtable_free(&t);
	}
	if (any) {
		buf_put(b, "<h3>Årstabell for tiltakene som er med</h3>\n");
		table_years(wb, &p->portfolio, &t);
		html_put_table(b, &t, false, false);
		rtable_free(&t);
	}
	buf_put(b, "</section>\n");
}

void render_html(const struct workbook *wb, const struct projection *p,
		 const struct report_options *opt, struct buf *out)
{
	bool any = report_enabled_count(wb) > 0;
	head(wb, out);
	notice(wb, opt, out);
	summary(wb, p, out);
	if (any) {
		outside(wb, p, out);
		results(wb, p, out);
		render_html_uncertainty(wb, p, out);
	}
	limits(wb, out);
	appendix(wb, p, any, out);
	buf_put(out, "<footer><p class=\"meta\">Laget med utenfor " PACKAGE_VERSION
		     ", etter modellen i Utenfor-regnskapet (KS).</p></footer>\n</body>\n</html>\n");
}
