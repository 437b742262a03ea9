/*
 * plan.h: the budget-line view of the council report: the økonomiplan
 * table (the plan years × sectors, undiscounted, in fixed price-year
 * kroner, with bearer subtotals) and one sentence per paying sector
 * ("Oppvekst betaler …; barnevern sparer …, NAV (stat) sparer …").
 *
 * Figures are the engine's (struct result's by_sector, sector flows and
 * plan rows); nothing is recomputed here.
 *
 * Must never: print, exit().
 */
#ifndef UTENFOR_REPORT_PLAN_H
#define UTENFOR_REPORT_PLAN_H

#include <stddef.h>

#include "engine/projection.h"
#include "engine/workbook.h"
#include "report/summary.h"
#include "report/table.h"

/*
 * The plan table of `r`: a row per sector with a cost or a saving in the
 * window (Kostnad, Gevinst, Netto), a subtotal per bearer, and the
 * total; a column per plan year and the window's sum.  The caller frees
 * t.  With no plan year inside the horizon the table has its header only.
 */
void table_plan(const struct workbook *wb, const struct result *r, struct rtable *t);

/* One sentence per sector that pays for the measures in `r` (largest
 * payer first); returns the number written (≤ max).  Sentences contain
 * sector names (user text): writers escape them. */
size_t report_sector_sentences(const struct workbook *wb, const struct result *r,
			       char sentences[][SUMMARY_SENTENCE_SIZE], size_t max);

/* "Økonomiplanen 2027–2030 i faste 2025-kroner, ikke diskontert." */
void report_plan_caption(const struct workbook *wb, const struct result *r, char *buf,
			 size_t size);

#endif
