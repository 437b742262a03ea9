/*
 * markdown.c: the council report as Markdown (for a case document, a wiki
 * or an e-mail).  Charts become text tables with bars of █; every table row
 * has the same number of cells as its header.
 *
 * Must never: emit user text without buf_put_md(), reference a URL.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "report/example.h"
#include "report/outside.h"
#include "report/plan.h"
#include "report/society.h"
#include "report/render.h"
#include "report/summary.h"
#include "report/table.h"

#define BAR_WIDTH 20

void md_put_table(struct buf *b, const struct rtable *t)
{
	for (size_t r = 0; r < t->rows; r++) {
		buf_put(b, "|");
		for (size_t c = 0; c < t->cols; c++) {
			buf_put(b, " ");
			buf_put_md(b, rtable_cell(t, r, c));
			buf_put(b, " |");
		}
		buf_put(b, "\n");
		if (r == 0) {
			buf_put(b, "|");
			for (size_t c = 0; c < t->cols; c++)
				buf_put(b, t->numeric[c] ? " ---: |" : " --- |");
			buf_put(b, "\n");
		}
	}
	buf_put(b, "\n");
	if (t->failed)
		b->failed = true;
}

static void bearer_chart(const struct workbook *wb, const struct result *r, struct buf *b)
{
	double scale = 0;
	for (int k = 0; k < BEARER_COUNT; k++)
		scale = fmax(scale, fmax(fabs(r->by_bearer[k].pv_cost), fabs(r->by_bearer[k].pv_saving)));
	struct rtable t;
	rtable_init(&t, 4, "Budsjett", "Hva", report_discounted(wb) ? "Nåverdi (kr)" : "Sum (kr)",
		    "Diagram");
	t.numeric[2] = true;
	for (int k = 0; k < BEARER_COUNT; k++) {
		char v[64], bar[BAR_WIDTH * 4 + 8];
		fmt_kr(v, sizeof v, r->by_bearer[k].pv_cost, false);
		text_bar(bar, sizeof bar, r->by_bearer[k].pv_cost, scale, BAR_WIDTH);
		rtable_row(&t, bearer_label((enum bearer)k), "Kostnad", v, bar);
		fmt_kr(v, sizeof v, r->by_bearer[k].pv_saving, false);
		text_bar(bar, sizeof bar, r->by_bearer[k].pv_saving, scale, BAR_WIDTH);
		rtable_row(&t, bearer_label((enum bearer)k), "Gevinst", v, bar);
	}
	md_put_table(b, &t);
	rtable_free(&t);
}

/* Sentences as one paragraph. */
void md_put_paragraph(struct buf *b, char sentences[][SUMMARY_SENTENCE_SIZE], size_t n)
{
	for (size_t i = 0; i < n; i++) {
		buf_put_md(b, sentences[i]);
		buf_put(b, i + 1 < n ? " " : "\n\n");
	}
}

void md_put_list(struct buf *b, char sentences[][SUMMARY_SENTENCE_SIZE], size_t n)
{
	for (size_t i = 0; i < n; i++) {
		buf_put(b, "- ");
		buf_put_md(b, sentences[i]);
		buf_put(b, "\n");
	}
	buf_put(b, "\n");
}

static void cumulative_chart(const struct workbook *wb, const struct result *r, struct buf *b)
{
	bool disc = report_discounted(wb);
	double scale = 0;
	struct year_cursor c;
	struct year_row yr_row;
	year_cursor_start(&c, r);
	while (year_cursor_next(&c, &yr_row))
		scale = fmax(scale, fabs(yr_row.cum_net_discounted));
	struct rtable t;
	if (disc)
		rtable_init(&t, 4, "År", "Kumulativt netto (kr)", "Kumulativt, nåverdi (kr)",
			    "Diagram (nåverdi)");
	else
		rtable_init(&t, 3, "År", "Kumulativt netto (kr)", "Diagram");
	t.numeric[1] = true;
	t.numeric[2] = disc;
	year_cursor_start(&c, r);
	while (year_cursor_next(&c, &yr_row)) {
		const struct year_row *y = &yr_row;
		char yr[16], cum[64], cumd[64], bar[BAR_WIDTH * 4 + 8];
		snprintf(yr, sizeof yr, "%d", y->year);
		fmt_kr(cum, sizeof cum, y->cum_net, false);
		fmt_kr(cumd, sizeof cumd, y->cum_net_discounted, false);
		text_bar(bar, sizeof bar, y->cum_net_discounted, scale, BAR_WIDTH);
		if (disc)
			rtable_row(&t, yr, cum, cumd, bar);
		else
			rtable_row(&t, yr, cum, bar);
	}
	md_put_table(b, &t);
	rtable_free(&t);
}

void render_markdown(const struct workbook *wb, const struct projection *p,
		     const struct report_options *opt, struct buf *b)
{
	const struct workbook_params *pa = &wb->params;
	bool any = report_enabled_count(wb) > 0;
	struct rtable t;

	buf_put(b, "# Utenfor-regnskapet: ");
	buf_put_md(b, pa->name);
	buf_put(b, "\n\n");
	if (pa->municipality[0]) {
		buf_put_md(b, pa->municipality);
		buf_put(b, " · ");
	}
	buf_printf(b, "beregnet for %d–%d (%d år) · alle beløp i faste %d-kroner\n\n",
		   pa->base_year, pa->base_year + pa->horizon - 1, pa->horizon, pa->price_year);

	struct example_use use;
	char sentences[SUMMARY_SENTENCES_MAX][SUMMARY_SENTENCE_SIZE];
	example_use_compute(wb, opt->example, &use);
	if (example_notice(&use, sentences[0], sizeof sentences[0])) {
		buf_put(b, "> **Merk:** ");
		buf_put_md(b, sentences[0]);
		buf_put(b, "\n\n");
	}
	size_t n = report_summary(wb, p, sentences, SUMMARY_SENTENCES_MAX);
	buf_put(b, "## Sammendrag\n\n");
	md_put_paragraph(b, sentences, n);

	if (any) {
		bool disc = report_discounted(wb);
		buf_put(b, "## Utenfor beregningen\n\n");
		n = report_outside(wb, p, sentences, SUMMARY_SENTENCES_MAX);
		md_put_paragraph(b, sentences, n);
		buf_printf(b, "## Hvem betaler, og hvem sparer\n\n%s over hele perioden for "
			      "tiltakene som er med (aktive tiltak).\n\n",
			   disc ? "Nåverdi" : "Sum (ikke diskontert)");
		table_by_bearer(wb, &p->portfolio, &t);
		md_put_table(b, &t);
		rtable_free(&t);
		buf_put(b, "### Diagram: kostnad og gevinst per budsjett\n\n");
		bearer_chart(wb, &p->portfolio, b);
		buf_printf(b, "### Hvor gevinsten havner\n\nRadene er den som betaler, kolonnene "
			      "budsjettet som sparer (%s, kr). Hvert tiltaks gevinst følger det "
			      "tiltakets egne betalere.\n\n",
			   report_pv_word(wb));
		table_flows(p, &t);
		md_put_table(b, &t);
		rtable_free(&t);
		n = report_sector_sentences(wb, &p->portfolio, sentences, SUMMARY_SENTENCES_MAX);
		if (n > 0) {
			buf_put(b, "### Per sektor\n\nHvem som betaler, og hvor det de betaler "
				   "for, gir gevinst:\n\n");
			md_put_list(b, sentences, n);
		}

		char caption[SUMMARY_SENTENCE_SIZE];
		report_plan_caption(wb, &p->portfolio, caption, sizeof caption);
		buf_put(b, "## Økonomiplanen\n\n");
		buf_put_md(b, caption);
		buf_put(b, " Hva tiltakene som er med, gjør med hver budsjettlinje i årene "
			   "økonomiplanen gjelder. Sektorer uten kostnad eller gevinst i "
			   "disse årene er utelatt.\n\n");
		if (p->portfolio.plan_count > 0) {
			table_plan(wb, &p->portfolio, &t);
			md_put_table(b, &t);
			rtable_free(&t);
		}

		buf_put(b, "## Tiltakene\n\nTiltak merket «nei» i kolonnen «Med» er slått av og er "
			   "ikke med i summene.\n\n");
		table_measures(wb, p, &t);
		md_put_table(b, &t);
		rtable_free(&t);

		buf_put(b, disc ? "## Utvikling over tid\n\nKumulativt netto (gevinst minus "
				  "kostnad) år for år; investeringen er lønnsom fra året da nåverdien blir "
				  "positiv og forblir det.\n\n"
				: "## Utvikling over tid\n\nKumulativt netto (gevinst minus "
				  "kostnad) år for år, ikke diskontert; investeringen er lønnsom fra året da "
				  "summen blir positiv og forblir det.\n\n");
		cumulative_chart(wb, &p->portfolio, b);

		buf_put(b, "## Samfunnsøkonomisk perspektiv\n\n");
		n = report_society_text(wb, &p->portfolio, sentences, SUMMARY_SENTENCES_MAX);
		md_put_paragraph(b, sentences, 1);
		table_society(wb, &p->portfolio, &t);
		md_put_table(b, &t);
		rtable_free(&t);
		for (size_t i = 1; i < n; i++)
			md_put_paragraph(b, sentences + i, 1);
		table_society_measures(wb, p, &t);
		md_put_table(b, &t);
		rtable_free(&t);
		buf_put(b, "### Forbehold\n\n");
		n = report_society_caveats(wb, sentences, SUMMARY_SENTENCES_MAX);
		md_put_list(b, sentences, n);
		render_md_uncertainty(wb, p, b);
	}

	size_t nl = report_limits(wb, sentences, SUMMARY_SENTENCES_MAX);
	buf_put(b, "## Hva tallene ikke sier\n\n");
	for (size_t i = 0; i < nl; i++) {
		buf_put(b, "- ");
		buf_put_md(b, sentences[i]);
		buf_put(b, "\n");
	}
	buf_put(b, "\n## Vedlegg: alle forutsetninger\n\n### Parametre\n\n");
	table_params(wb, &t);
	md_put_table(b, &t);
	rtable_free(&t);
	if (wb->sector_count > 0) {
		buf_put(b, "### Sektorer\n\nHvert budsjett har i tillegg «øvrig»: resten av "
			   "det budsjettet.\n\n");
		table_sectors(wb, &t);
		md_put_table(b, &t);
		rtable_free(&t);
	}
	buf_put(b, "### Målgrupper\n\n");
	table_groups(wb, &t);
	md_put_table(b, &t);
	rtable_free(&t);
	for (size_t g = 0; g < wb->group_count; g++) {
		buf_put(b, "#### Merkostnader per person og år: ");
		buf_put_md(b, wb->groups[g].name);
		buf_put(b, "\n\n");
		if (wb->groups[g].item_count == 0) {
			buf_put(b, "Ingen kostnadsposter.\n\n");
			continue;
		}
		table_items(wb, &wb->groups[g], &t);
		md_put_table(b, &t);
		rtable_free(&t);
	}
	buf_put(b, "### Sikkerhetsgrader\n\n");
	for (int c = CONFIDENCE_A; c <= CONFIDENCE_D; c++)
		buf_printf(b, "- **%s**: %s\n", confidence_key((enum confidence)c),
			   confidence_explanation((enum confidence)c));
	buf_put(b, "\n");
	if (wb->measure_count > 0) {
		buf_put(b, "### Tiltakenes forutsetninger\n\n");
		table_measure_inputs(wb, &t);
		md_put_table(b, &t);
		rtable_free(&t);
	}
	if (any) {
		buf_put(b, "### Årstabell for tiltakene som er med\n\n");
		table_years(wb, &p->portfolio, &t);
		md_put_table(b, &t);
		rtable_free(&t);
	}
	buf_put(b, "_Laget med utenfor " PACKAGE_VERSION
		   ", etter modellen i Utenfor-regnskapet (KS)._\n");
}
