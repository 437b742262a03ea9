/*
 * xlsx_uncertainty.c: the spreadsheet's «Usikkerhet» sheet: the
 * simulation's summary (all budgets, each budget, each measure), the
 * tornado sorted by swing and the switching values, as VALUES with a line
 * that says so: a spreadsheet does not re-simulate, so these figures do
 * not follow an edit made in it.
 *
 * Must never: print, exit(), write a formula here (it would pretend to be
 * live).
 */
#include "config.h"

#include <stdio.h>

#include "report/label.h"
#include "report/summary.h"
#include "report/uncertainty.h"
#include "report/xlsx_internal.h"

static void stats_header(struct xctx *x, lxw_worksheet *ws, int row, const char *first)
{
	static const char *const h[] = {"Anslag (kr)", "Gjennomsnitt (kr)", "P10 (kr)",
					"P50 (kr)",    "P90 (kr)",          "Sannsynlighet for pluss"};
	x_string(x, ws, row, 0, first, x->header);
	for (int c = 0; c < 6; c++)
		x_string(x, ws, row, c + 1, h[c], x->header);
}

static void stats_row(struct xctx *x, lxw_worksheet *ws, int row, const char *label, double point,
		      const struct mc_stats *s)
{
	x_string(x, ws, row, 0, label, NULL);
	x_number(x, ws, row, 1, point, x->kr);
	x_number(x, ws, row, 2, s->mean, x->kr);
	if (s->has_percentiles) {
		x_number(x, ws, row, 3, s->p10, x->kr);
		x_number(x, ws, row, 4, s->p50, x->kr);
		x_number(x, ws, row, 5, s->p90, x->kr);
	}
	x_number(x, ws, row, 6, s->prob_positive, x->pct);
}

/* A ranged field's end as a number in its own format; a profile's as text. */
static void input_end(struct xctx *x, lxw_worksheet *ws, int row, int col,
		      const struct tornado_entry *e, int end)
{
	if (e->input == UNC_PROFILE) {
		char text[64];
		report_unc_input_value(x->wb, e, end, text, sizeof text);
		x_string(x, ws, row, col, text, NULL);
		return;
	}
	x_number(x, ws, row, col, end == 0 ? e->low : e->high,
		 e->input == RANGE_COST_PER_PARTICIPANT ? x->kr : x->pct);
}

static int tornado(struct xctx *x, lxw_worksheet *ws, int row, const struct report_unc *u)
{
	static const char *const h[] = {"Forutsetning",       "Lav",
					"Høy",                "Netto nåverdi ved lav (kr)",
					"Netto nåverdi ved høy (kr)", "Utslag (kr)"};
	x_string(x, ws, row++, 0, "Tornado: hver forutsetning lav og høy, alt annet som i anslaget "
				  "(størst utslag først)", x->note);
	for (int c = 0; c < 6; c++)
		x_string(x, ws, row, c, h[c], x->header);
	row++;
	for (size_t i = 0; i < u->r.portfolio_tornado_count; i++, row++) {
		const struct tornado_entry *e = &u->r.portfolio_tornado[u->order[i]];
		char label[2 * TEXT_NAME_SIZE + 64];
		report_unc_input_label(x->wb, e, label, sizeof label);
		x_string(x, ws, row, 0, label, NULL);
		input_end(x, ws, row, 1, e, 0);
		input_end(x, ws, row, 2, e, 1);
		x_number(x, ws, row, 3, e->npv_low[UNC_TOTAL], x->kr);
		x_number(x, ws, row, 4, e->npv_high[UNC_TOTAL], x->kr);
		x_number(x, ws, row, 5, report_unc_swing(e), x->kr);
	}
	return row;
}

static int switching(struct xctx *x, lxw_worksheet *ws, int row, const struct report_unc *u)
{
	static const int input[] = {RANGE_SUCCESS_RATE, RANGE_COST_PER_PARTICIPANT,
				    RANGE_DEADWEIGHT, UNC_PROFILE};
	char cost[64];
	const char *const h[] = {
		"Tiltak", MEASURE_LABEL("success_rate"),
		report_head(cost, sizeof cost, SCHEMA_MEASURE, "cost_per_participant", " (kr)"),
		MEASURE_LABEL("deadweight"), "Kostnadsnivå i målgruppen"};
	x_string(x, ws, row++, 0, "Brytningsverdier: verdien av én forutsetning, alt annet som i "
				  "anslaget, der tiltakets netto nåverdi blir null (tom: finnes ikke)",
		 x->note);
	for (int c = 0; c < 5; c++)
		x_string(x, ws, row, c, h[c], x->header);
	row++;
	for (size_t m = 0; m < x->wb->measure_count && m < u->r.measure_count; m++) {
		if (!x->wb->measures[m].enabled)
			continue;
		const struct switching_values *sv = &u->r.switching[m];
		x_string(x, ws, row, 0, x->wb->measures[m].name, NULL);
		for (int c = 0; c < 4; c++)
			if (sv->has[input[c]])
				x_number(x, ws, row, c + 1, sv->value[input[c]],
					 input[c] == RANGE_COST_PER_PARTICIPANT ? x->kr : x->pct);
		row++;
	}
	return row;
}

void xlsx_sheet_uncertainty(struct xctx *x)
{
	const struct workbook *wb = x->wb;
	lxw_worksheet *ws = workbook_add_worksheet(x->book, XLSX_SHEET_UNCERTAINTY);
	struct report_unc *u = ws ? report_unc_new(wb, x->p) : NULL;
	if (u == NULL) {
		x_note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	worksheet_set_column(ws, 0, 0, 44, NULL);
	worksheet_set_column(ws, 1, 6, 18, NULL);
	char note[SUMMARY_SENTENCE_SIZE];
	snprintf(note, sizeof note,
		 "Regnearket simulerer ikke på nytt: tallene på dette arket er verdier fra "
		 "utenfors simulering (%ld trekk, frø %llu), ikke formler, og endres ikke når "
		 "forutsetningene i regnearket endres. Regn dem ut på nytt med utenfor calc --json "
		 "--draws %ld --seed %llu ARBEIDSBOK.",
		 u->r.portfolio_mc.draws, (unsigned long long)u->r.portfolio_mc.seed,
		 u->r.portfolio_mc.draws, (unsigned long long)u->r.portfolio_mc.seed);
	x_string(x, ws, XLSX_UNC_NOTE_ROW, 0, note, x->note);
	x_string(x, ws, XLSX_UNC_DRAWS_ROW, 0, PARAM_LABEL("uncertainty.draws"), NULL);
	x_number(x, ws, XLSX_UNC_DRAWS_ROW, 1, (double)u->r.portfolio_mc.draws, x->integer);
	x_string(x, ws, XLSX_UNC_DRAWS_ROW + 1, 0, PARAM_LABEL("uncertainty.seed"), NULL);
	x_number(x, ws, XLSX_UNC_DRAWS_ROW + 1, 1, (double)u->r.portfolio_mc.seed, x->integer);

	int row = XLSX_UNC_SUMMARY_ROW - 1;
	stats_header(x, ws, row++, "Budsjett");
	stats_row(x, ws, row++, "Alle budsjetter", u->point[UNC_TOTAL],
		  &u->r.portfolio_mc.line[UNC_TOTAL]);
	for (int b = 0; b < BEARER_COUNT; b++)
		stats_row(x, ws, row++, bearer_label((enum bearer)b), u->point[b],
			  &u->r.portfolio_mc.line[b]);
	row++;
	stats_header(x, ws, row++, "Tiltak");
	for (size_t m = 0; m < wb->measure_count && m < u->r.measure_count; m++)
		if (wb->measures[m].enabled)
			stats_row(x, ws, row++, wb->measures[m].name,
				  u->r.model.measures[m].point_npv[UNC_TOTAL],
				  &u->r.measure_mc[m].line[UNC_TOTAL]);
	row = tornado(x, ws, row + 1, u);
	switching(x, ws, row + 1, u);
	report_unc_delete(u);
}
