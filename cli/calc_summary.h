/*
 * calc_summary.h: the readable Norwegian summary `utenfor calc` prints
 * without --json: the workbook's settings, the portfolio, who pays and who
 * gains, and one block per measure, in whole kroner.
 *
 * Must never: call ncurses, change the projection.
 */
#ifndef UTENFOR_CLI_CALC_SUMMARY_H
#define UTENFOR_CLI_CALC_SUMMARY_H

#include <stdio.h>

#include "engine/projection.h"

/* `p` must be a successful projection_compute() of `wb`.  `example` is the
 * example workbook that ships with utenfor (store_default_workbook()), or
 * NULL: when enabled measures rest on its unchanged figures the summary
 * says so, counted as the overview counts (report/example.h).  Returns 0,
 * or -1 when writing failed. */
int calc_print_summary(FILE *out, const struct workbook *wb, const struct projection *p,
		       const struct workbook *example);

#endif
