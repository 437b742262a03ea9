/*
 * society.h: the report's «Samfunnsøkonomisk perspektiv»: the society
 * view's terms (MODEL.md "The society view": services saved, production
 * gained, quality of life, the measures' cost, the tax-cost term and
 * npv_society), why transfers and taxes cancel, where the 20 % comes
 * from, and the caveats.
 *
 * Figures are the engine's (struct result's society, pv_cost, npv).
 *
 * Must never: print, exit(), compute a figure the engine has.
 */
#ifndef UTENFOR_REPORT_SOCIETY_H
#define UTENFOR_REPORT_SOCIETY_H

#include <stddef.h>

#include "engine/projection.h"
#include "engine/workbook.h"
#include "report/summary.h"
#include "report/table.h"

/* The terms of `r` as rows adding up to the last one, npv_society; then
 * the budget NPV for comparison.  The caller frees t. */
void table_society(const struct workbook *wb, const struct result *r, struct rtable *t);
/* Per measure: budget net and society net. */
void table_society_measures(const struct workbook *wb, const struct projection *p,
			    struct rtable *t);

/* The explanation (sentences, in order: the result, transfers, the tax
 * cost) and the caveats, as two lists.  Return the counts written. */
size_t report_society_text(const struct workbook *wb, const struct result *r,
			   char sentences[][SUMMARY_SENTENCE_SIZE], size_t max);
size_t report_society_caveats(const struct workbook *wb, char sentences[][SUMMARY_SENTENCE_SIZE],
			      size_t max);

#endif
