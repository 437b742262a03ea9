/*
 * csv.h: the yearly portfolio table as CSV for spreadsheets: one row a
 * year, per-bearer columns, UTF-8, comma separator, plain decimal point.
 * The header is documented in doc/interchange.md.
 */
#ifndef UTENFOR_INTERCHANGE_CSV_H
#define UTENFOR_INTERCHANGE_CSV_H

#include <stdio.h>

#include "engine/projection.h"

/* Returns 0, or -1 when writing failed (errno says why). */
int csv_write_portfolio(FILE *out, const struct workbook *wb, const struct projection *p);

#endif
