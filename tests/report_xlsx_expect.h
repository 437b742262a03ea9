/*
 * report_xlsx_expect.h: every spreadsheet figure the xlsx tests compare
 * with the engine, listed once, so the cached-value test (report_xlsx)
 * and the LibreOffice recomputation (report_xlsx_probe) check the same
 * cells.
 *
 * Must never: be linked into the program.
 */
#ifndef UTENFOR_TESTS_REPORT_XLSX_EXPECT_H
#define UTENFOR_TESTS_REPORT_XLSX_EXPECT_H

#include "engine/projection.h"
#include "engine/workbook.h"

/* The worksheets checked, in workbook order from Tiltak (sheet4.xml). */
enum xlsx_checked_sheet { XS_TILTAK, XS_PROJECTION, XS_FLOWS, XS_PLAN, XS_SOCIETY, XS_COUNT };

extern const char *const xlsx_checked_sheet_name[XS_COUNT];

/* Called once per expected cell (0-based row and column). */
typedef void (*xlsx_expect_fn)(void *ctx, enum xlsx_checked_sheet sheet, int row, int col,
			       double want, const char *what);

void xlsx_expectations(const struct workbook *wb, const struct projection *p, xlsx_expect_fn fn,
		       void *ctx);

#endif
