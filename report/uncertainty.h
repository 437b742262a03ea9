/*
 * uncertainty.h: the report's «Usikkerhet» section (MODEL.md
 * "Uncertainty"): the chance that the portfolio pays, in total and per
 * budget; P10/P50/P90 of the NPV; the tornado sorted by swing; the NPV
 * distribution; each measure's switching values in words; what the
 * grades A–D and their spreads mean; and the seed and number of draws
 * that reproduce it.  The HTML, Markdown and xlsx writers lay out what is
 * built here, so the three cannot disagree on a figure.
 *
 * Figures are the engine's: unc_results_compute() with the workbook's
 * own draws and seed, and the portfolio's kept draws (mc_draws()) for the
 * histogram.
 *
 * Must never: print, exit(), compute a figure the engine has.
 */
#ifndef UTENFOR_REPORT_UNCERTAINTY_H
#define UTENFOR_REPORT_UNCERTAINTY_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/projection.h"
#include "engine/uncertainty.h"
#include "engine/workbook.h"
#include "report/summary.h"
#include "report/table.h"

#define UNC_HIST_BINS 20
/* The tornado chart shows this many inputs; the table lists every one. */
#define UNC_TORNADO_CHART_MAX 15

struct report_unc {
	struct unc_results r;
	double point[UNC_LINES]; /* the portfolio's NPV at the point values */
	bool touched[BEARER_COUNT]; /* the budget has a cost or a saving */
	size_t *order;           /* portfolio tornado entries, largest swing first */
	double *draws;           /* the portfolio's total NPV per draw, draw order */
	long draw_count;
};

/* Bin i covers [lo + i·width, lo + (i+1)·width); the last one includes
 * its upper end.  Bins first … last hold every draw. */
struct unc_histogram {
	double lo, width;
	long count[UNC_HIST_BINS];
	int first, last;
	long max_count;
};

/* Everything the section shows, with the workbook's draws and seed.
 * Returns 0, or −1 when out of memory; report_unc_free() after either. */
int report_unc_compute(struct report_unc *u, const struct workbook *wb,
		       const struct projection *p);
void report_unc_free(struct report_unc *u);
/* The same on the heap (the struct is large for a stack); NULL when out
 * of memory.  report_unc_delete() accepts NULL. */
struct report_unc *report_unc_new(const struct workbook *wb, const struct projection *p);
void report_unc_delete(struct report_unc *u);

/* |npv_high − npv_low| in total: what the tornado sorts by. */
double report_unc_swing(const struct tornado_entry *e);

/* The opening sentences: what the section is and how it was computed. */
size_t report_unc_intro(const struct workbook *wb, const struct report_unc *u,
			char sentences[][SUMMARY_SENTENCE_SIZE], size_t max);
/* "Sannsynlighet for at kommunen går i pluss: 34 %." for the whole
 * portfolio and each budget it touches, then the P10–P90 interval. */
size_t report_unc_chances(const struct workbook *wb, const struct report_unc *u,
			  char sentences[][SUMMARY_SENTENCE_SIZE], size_t max);
/* The simulation's summary: all budgets, then each budget. */
void table_unc_summary(const struct workbook *wb, const struct report_unc *u, struct rtable *t);
/* Per measure: the chance it pays, P10, P50, P90 of its NPV. */
void table_unc_measures(const struct workbook *wb, const struct report_unc *u,
			struct rtable *t);

/* A tornado entry's input ("Suksessrate – Oppfølgingslos", "Kostnadene i
 * målgruppen Unge …") and the value at its low (end 0) or high end. */
void report_unc_input_label(const struct workbook *wb, const struct tornado_entry *e,
			    char *buf, size_t size);
void report_unc_input_value(const struct workbook *wb, const struct tornado_entry *e, int end,
			    char *buf, size_t size);
/* The portfolio's tornado, largest swing first. */
void table_unc_tornado(const struct workbook *wb, const struct report_unc *u, struct rtable *t);

/* The portfolio's total NPV over the draws in UNC_HIST_BINS bins. */
void report_unc_histogram(const struct report_unc *u, struct unc_histogram *h);
/* The non-empty span of the histogram as rows with text bars. */
void table_unc_histogram(const struct workbook *wb, const struct report_unc *u,
			 struct rtable *t);

/* Measure m's switching values in one sentence ("«Los» går i null ved
 * suksessrate 2,4 % …").  What switching values are comes first, from
 * report_unc_switching_intro(). */
void report_unc_switching_intro(const struct workbook *wb, char *out, size_t size);
void report_unc_switching(const struct workbook *wb, const struct report_unc *u, size_t m,
			  char *out, size_t size);

/* What grades A–D and their spreads mean, and how ranges are drawn. */
size_t report_unc_grades_text(const struct workbook *wb, char sentences[][SUMMARY_SENTENCE_SIZE],
			      size_t max);
void table_unc_grades(const struct workbook *wb, struct rtable *t);
/* The measures' ranges (lav, anslag, høy); no rows when none has one. */
void table_unc_ranges(const struct workbook *wb, struct rtable *t);
/* How to recompute it: the draws, the seed, the generator. */
void report_unc_reproduce(const struct workbook *wb, const struct report_unc *u, char *out,
			  size_t size);

#endif
