/*
 * xlsx.h: the workbook as an Excel/LibreOffice spreadsheet whose
 * projection is made of LIVE formulas: change a success rate, a cost item
 * or the discount mode in the spreadsheet and it recomputes there, to the
 * same numbers as the engine.  Each formula also carries the engine's
 * value as its cached result, so viewers that do not recalculate (previews,
 * phones) still show the right figures.  Layout: doc/reports.md.
 *
 * Must never: print, exit(), leave a partial file (written to a temporary
 * file in the target's directory, fsynced, then renamed).
 */
#ifndef UTENFOR_REPORT_XLSX_H
#define UTENFOR_REPORT_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/projection.h"
#include "engine/workbook.h"

/*
 * Write `wb` (with `p` = projection_compute(wb)) to `path`.  An existing
 * file is refused unless `force`.  Returns 0, or -1 with a Norwegian
 * message in err that names the path.
 */
int export_xlsx(const struct workbook *wb, const struct projection *p, const char *path,
		bool force, char *err, size_t err_size);

struct xlsx_options {
	/* Write the engine's values as the formulas' cached results (normal).
	 * Off, every formula caches 0: only a spreadsheet that recalculates
	 * shows the figures, which is how tests prove the formulas work. */
	bool cached_values;
};

int export_xlsx_opt(const struct workbook *wb, const struct projection *p, const char *path,
		    bool force, const struct xlsx_options *opt, char *err, size_t err_size);

/* Sheet names, in order, and the fixed cells other code (tests, docs)
 * refers to. */
#define XLSX_SHEET_PARAMS "Parametre"
#define XLSX_SHEET_GROUPS "Målgrupper"
#define XLSX_SHEET_EXTRA "Merkostnad"
#define XLSX_SHEET_MEASURES "Tiltak"
#define XLSX_SHEET_PROJECTION "Framskriving"
#define XLSX_SHEET_FLOWS "Hvem betaler"
#define XLSX_SHEET_PLAN "Økonomiplan"
#define XLSX_SHEET_SOCIETY "Samfunn"
#define XLSX_SHEET_UNCERTAINTY "Usikkerhet"
#define XLSX_SHEET_CHART "Diagram"

/* Framskriving: first year row (0-based) of the portfolio's years, the
 * fields of a measure's row (each over the horizon's years, in columns),
 * and the portfolio's columns after the fixed ones. */
#define XLSX_PROJ_FIRST_ROW 2
#define XLSX_PROJ_FIXED_COLS 3 /* t, År, Diskonteringsfaktor */
/* Alder, k, Vellykkede, Kostnad×3, Gevinst×3, Netto, Kum. nåverdi,
 * Lønnsom herfra, Tjenester, Produksjon, Livskvalitet */
#define XLSX_MEASURE_COLS 15
/* Kostnad×3, Gevinst×3, Netto, Kum., DF·netto, Kum. nåverdi, Lønnsom
 * herfra, Har kostnad */
#define XLSX_PORT_COLS 12

/* Usikkerhet (0-based rows): the "does not re-simulate" line, the draws
 * (column B; the seed below it), and the first row of the summary (all
 * budgets, then kommune, fylkeskommune, stat; columns B anslag, C mean,
 * D–F P10/P50/P90, G the chance of a plus). */
#define XLSX_UNC_NOTE_ROW 0
#define XLSX_UNC_DRAWS_ROW 1
#define XLSX_UNC_SUMMARY_ROW 5

#endif
