/*
 * outside.h: what lies outside the calculation, said plainly: the years
 * before the base year and after the horizon that the figures leave out
 * (a measure that started earlier, costs that run past the last year,
 * effects that last beyond it).  A reader of a present value cannot see
 * what it does not contain; these sentences tell them.
 *
 * Sentences contain measure names (user text): writers escape them.
 *
 * Must never: print, allocate.
 */
#ifndef UTENFOR_REPORT_OUTSIDE_H
#define UTENFOR_REPORT_OUTSIDE_H

#include <stddef.h>

#include "engine/projection.h"
#include "engine/workbook.h"
#include "report/summary.h"

/* The sentences, one per entry; returns the number written (≤ max, ≥ 1:
 * the first always states the period covered). */
size_t report_outside(const struct workbook *wb, const struct projection *p,
		      char sentences[][SUMMARY_SENTENCE_SIZE], size_t max);

#endif
