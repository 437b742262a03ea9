/*
 * calc_summary.c: the text summary of `utenfor calc` (see calc_summary.h).
 *
 * Figures are rounded to whole kroner only here, for reading; the JSON
 * output never rounds.  Labels are the users' words (nåverdi, gevinst,
 * kommune, fylkeskommune, stat).
 *
 * Must never: call ncurses, print anything but to `out`.
 */
#include "config.h"

#include "cli/calc_summary.h"

#include <stdio.h>

#include "cli/calc_table.h"
#include "engine/numbers.h"
#include "i18n/i18n.h"
#include "report/example.h"

#define CELL 128
#define NUM 48 /* a formatted figure: 10^20 kr with separators fits */

/* The budgets by the users' words; the JSON keys (bearer_key) never change. */
static const char *const bearer_names[BEARER_COUNT] = {N_("kommune"), N_("fylkeskommune"),
						       N_("stat")};

static const char *bearer_name(int b)
{
	return b >= 0 && b < BEARER_COUNT ? _(bearer_names[b]) : "?";
}

static void money(char *buf, size_t size, double v)
{
	char num[NUM];
	number_format(num, sizeof num, v, 0, THOUSANDS_SPACE);
	snprintf(buf, size, _("%s kr"), num);
}

static void year_or_never(char *buf, size_t size, bool has, int year)
{
	if (has)
		snprintf(buf, size, "%d", year);
	else
		snprintf(buf, size, "%s", _("ikke innen horisonten"));
}

static void discount_text(char *buf, size_t size, const struct discount *d)
{
	char rate[NUM];
	switch (d->mode) {
	case DISCOUNT_R109:
		/* xgettext:no-c-format */
		snprintf(buf, size, "%s", _("R-109 (4 % år 1–40, 3 % år 41–75, 2 % deretter)"));
		break;
	case DISCOUNT_FLAT:
		percent_format(rate, sizeof rate, d->rate, 2, THOUSANDS_SPACE);
		snprintf(buf, size, _("fast rente %s"), rate);
		break;
	case DISCOUNT_NONE:
	default:
		snprintf(buf, size, "%s", _("ingen (udiskontert)"));
		break;
	}
}

/* Nåverdi per budsjett: one row per bearer and a sum row. */
static void print_by_bearer(FILE *out, const struct result *r)
{
	struct text_table t;
	char c[4][CELL];
	fputc('\n', out);
	table_init(&t, 4);
	table_add(&t, (const char *const[]){_("Nåverdi per budsjett"), _("Kostnad"), _("Gevinst"),
					    _("Netto")});
	for (int b = 0; b < BEARER_COUNT; b++) {
		snprintf(c[0], CELL, "%s", bearer_name(b));
		money(c[1], CELL, r->by_bearer[b].pv_cost);
		money(c[2], CELL, r->by_bearer[b].pv_saving);
		money(c[3], CELL, r->by_bearer[b].npv);
		table_add(&t, (const char *const[]){c[0], c[1], c[2], c[3]});
	}
	money(c[1], CELL, r->pv_cost);
	money(c[2], CELL, r->pv_saving);
	money(c[3], CELL, r->npv);
	table_add(&t, (const char *const[]){_("Sum"), c[1], c[2], c[3]});
	table_print(out, &t, 2);
}

/* Hvem betaler, hvem vinner: rows are payers, columns the budgets gaining. */
static void print_flows(FILE *out, const struct result *r)
{
	if (!r->has_flows) {
		fprintf(out, "\n  %s\n", _("Hvem betaler, hvem vinner: ingen kostnader å fordele"));
		return;
	}
	struct text_table t;
	char c[4][CELL];
	table_init(&t, 4);
	table_add(&t, (const char *const[]){_("Betaler → gevinst hos"), bearer_name(0), bearer_name(1),
					    bearer_name(2)});
	for (int payer = 0; payer < BEARER_COUNT; payer++) {
		snprintf(c[0], CELL, "%s", bearer_name(payer));
		for (int b = 0; b < BEARER_COUNT; b++)
			money(c[b + 1], CELL, r->flows[payer][b]);
		table_add(&t, (const char *const[]){c[0], c[1], c[2], c[3]});
	}
	fprintf(out, "\n  %s\n",
		_("Hvem betaler, hvem vinner (nåverdi av gevinsten hver betalers penger gir):"));
	table_print(out, &t, 2);
}

/* The key figures both the portfolio and a measure have, in the words of
 * the interface's results (tui/results.c) and doc/glossary.md. */
static void add_key_figures(struct text_table *t, const struct result *r)
{
	char v[CELL];
	money(v, CELL, r->pv_cost);
	table_add(t, (const char *const[]){_("Kostnad, nåverdi"), v});
	money(v, CELL, r->pv_saving);
	table_add(t, (const char *const[]){_("Gevinst, nåverdi"), v});
	money(v, CELL, r->npv);
	table_add(t, (const char *const[]){_("Netto nåverdi"), v});
	if (r->has_bcr)
		number_format(v, CELL, r->bcr, 2, THOUSANDS_SPACE);
	else
		snprintf(v, CELL, "%s", _("– (ingen kostnad)"));
	table_add(t, (const char *const[]){_("Nytte per krone"), v});
	year_or_never(v, CELL, r->has_break_even_year, r->break_even_year);
	table_add(t, (const char *const[]){_("Lønnsomt fra år"), v});
	year_or_never(v, CELL, r->has_break_even_year_undiscounted,
		      r->break_even_year_undiscounted);
	table_add(t, (const char *const[]){_("Lønnsomt fra år, udiskontert"), v});
}

static void print_measure(FILE *out, size_t index, const struct measure *m,
			  const struct result *r)
{
	struct text_table t;
	char v[CELL], chosen[NUM];
	fprintf(out, "\n");
	fprintf(out, _("Tiltak %zu: %s (målgruppe %s)"), index + 1, m->name, m->group_id);
	fprintf(out, "%s\n", m->enabled ? "" : _(" – avslått, ikke med i porteføljen"));
	table_init(&t, 2);
	add_key_figures(&t, r);
	money(v, CELL, r->npv_per_participant);
	table_add(&t, (const char *const[]){_("Per deltaker"), v});
	percent_format(chosen, sizeof chosen, m->success_rate, 1, THOUSANDS_SPACE);
	if (r->has_break_even_success_rate) {
		char rate[NUM];
		percent_format(rate, sizeof rate, r->break_even_success_rate, 1, THOUSANDS_SPACE);
		snprintf(v, CELL, _("%s (valgt %s)"), rate, chosen);
	} else {
		snprintf(v, CELL, "%s", _("– (tiltaket gir ingen gevinst)"));
	}
	table_add(&t, (const char *const[]){_("Balanse-suksessrate"), v});
	table_print(out, &t, 2);
	print_by_bearer(out, r);
}

/* The overview's "Eksempeldata: …" line, in the overview's words, so that
 * a council member who ran calc reads the same warning as on screen. */
static void print_example_notice(FILE *out, const struct workbook *wb,
				 const struct workbook *example)
{
	struct example_use u;
	example_use_compute(wb, example, &u);
	if (u.items_example == 0 && u.measures_example == 0)
		return;
	fputc('\n', out);
	fprintf(out,
		_("Eksempeldata: %zu av %zu tiltak og %zu av %zu kostnadsposter er uendret fra "
		  "eksempelarbeidsboka. Bytt inn kommunens egne tall før resultatene brukes."),
		u.measures_example, u.measures_enabled, u.items_example, u.items_used);
	fputc('\n', out);
}

int calc_print_summary(FILE *out, const struct workbook *wb, const struct projection *p,
		       const struct workbook *example)
{
	const struct workbook_params *params = &wb->params;
	struct text_table t;
	char v[160];
	size_t enabled = 0;

	table_init(&t, 2);
	table_add(&t, (const char *const[]){_("Arbeidsbok"), params->name});
	table_add(&t, (const char *const[]){_("Kommune"), params->municipality[0]
								   ? params->municipality
								   : _("(ikke oppgitt)")});
	discount_text(v, sizeof v, &params->discount);
	table_add(&t, (const char *const[]){_("Diskontering"), v});
	snprintf(v, sizeof v,
		 NG_("%d år (%d–%d)", "%d år (%d–%d)", (unsigned long)params->horizon),
		 params->horizon, params->base_year, params->base_year + params->horizon - 1);
	table_add(&t, (const char *const[]){_("Horisont"), v});
	/* Every amount is in this year's kroner (MODEL.md: shown, never rescaled). */
	snprintf(v, sizeof v, _("%d-kroner (alle beløp)"), params->price_year);
	table_add(&t, (const char *const[]){_("Kroneår"), v});
	/* Settings are text: left-aligned, unlike the figures' tables. */
	size_t label_width = 0;
	for (int r = 0; r < t.rows; r++)
		if (table_text_width(t.cell[r][0]) > label_width)
			label_width = table_text_width(t.cell[r][0]);
	for (int r = 0; r < t.rows; r++)
		fprintf(out, "%s%*s  %s\n", t.cell[r][0],
			(int)(label_width - table_text_width(t.cell[r][0])), "", t.cell[r][1]);
	print_example_notice(out, wb, example);

	for (size_t i = 0; i < wb->measure_count; i++)
		enabled += wb->measures[i].enabled;
	fprintf(out, "\n");
	fprintf(out, NG_("Portefølje: %zu av %zu tiltak er med", "Portefølje: %zu av %zu tiltak er med",
			 wb->measure_count),
		enabled, wb->measure_count);
	fprintf(out, "\n");
	table_init(&t, 2);
	add_key_figures(&t, &p->portfolio);
	table_print(out, &t, 2);
	print_by_bearer(out, &p->portfolio);
	print_flows(out, &p->portfolio);

	for (size_t i = 0; i < wb->measure_count && i < p->measure_count; i++)
		print_measure(out, i, &wb->measures[i], &p->measures[i]);
	fflush(out);
	return ferror(out) ? -1 : 0;
}
