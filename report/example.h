/*
 * example.h: does the report show the example data that ships with
 * utenfor?  A council must never read the example workbook's figures as
 * its municipality's own, so the report says so plainly when they are.
 *
 * The test is by content, not by name: each cost item the enabled
 * measures rely on is compared with the example workbook's items (same
 * group id, name, kind, bearer, sector, amount, unit and ages), and each
 * enabled measure with the example's measures (every input).  Renaming the workbook or
 * the municipality therefore does not hide example figures, and editing a
 * figure makes it the municipality's own.  The caller supplies the example
 * workbook (store_default_workbook(), see cli/cmd_report.c), so this stays
 * pure.
 *
 * Must never: print, allocate.
 */
#ifndef UTENFOR_REPORT_EXAMPLE_H
#define UTENFOR_REPORT_EXAMPLE_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/workbook.h"

struct example_use {
	size_t items_used;       /* items of the groups enabled measures use */
	size_t items_example;    /* of those, unchanged example items */
	size_t measures_enabled; /* enabled measures */
	size_t measures_example; /* of those, unchanged example measures */
};

/* Compare `wb` with `example` (which may be NULL: then nothing matches). */
void example_use_compute(const struct workbook *wb, const struct workbook *example,
			 struct example_use *out);

/* The notice for the top of the report; false (and "") when none of the
 * figures are example data. */
bool example_notice(const struct example_use *u, char *out, size_t size);

#endif
