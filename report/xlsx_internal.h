/*
 * xlsx_internal.h: what the xlsx writer's files share: the writing context
 * and the cell-writing helpers that honour xlsx_options.cached_values and
 * keep the first libxlsxwriter error.
 *
 * Must never: be included outside report/xlsx*.c.
 */
#ifndef UTENFOR_REPORT_XLSX_INTERNAL_H
#define UTENFOR_REPORT_XLSX_INTERNAL_H

#include <stdbool.h>
#include <xlsxwriter.h>

#include "engine/projection.h"
#include "engine/workbook.h"
#include "report/xlsx.h"

struct xctx {
	lxw_workbook *book;
	const struct workbook *wb;
	const struct projection *p;
	bool cache;
	lxw_format *header, *kr, *pct, *df, *g2, *integer, *text, *note;
	/* Målgrupper: items in rows 2..item_last (1-based; ≥ 2 even with no
	 * items, so ranges stay valid), the group list in group_first..group_last. */
	int item_last;
	int group_first, group_last;
	lxw_error error; /* first failure, LXW_NO_ERROR while all is well */
};

void x_note(struct xctx *x, lxw_error e);
void x_formula(struct xctx *x, lxw_worksheet *ws, int row, int col, const char *formula,
	       lxw_format *fmt, double value);
void x_number(struct xctx *x, lxw_worksheet *ws, int row, int col, double v, lxw_format *fmt);
void x_string(struct xctx *x, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *fmt);
/* "AB" or "$AB" for a 0-based column. */
void x_col(char *buf, int col, bool absolute);

/* The sheets, in workbook order. */
void xlsx_sheet_params(struct xctx *x);
void xlsx_sheet_groups(struct xctx *x);
void xlsx_sheet_extra(struct xctx *x);
void xlsx_sheet_measures(struct xctx *x);
void xlsx_sheet_projection(struct xctx *x);
void xlsx_sheet_chart(struct xctx *x);

/*
 * Framskriving: the years in rows (t, År, DF, then the portfolio's
 * columns), and below them one row per measure with its years in columns,
 * field by field (every field's H years side by side).  A measure's
 * 0-based row, the 0-based column of a field's year t there, and the
 * portfolio's column.
 */
int xlsx_measure_row(const struct workbook *wb, size_t measure);
int xlsx_measure_col(const struct workbook *wb, int field, int t);
int xlsx_port_col(const struct workbook *wb, int field);
/* The rows above the measures' rows with each column's t, År and DF
 * (0-based). */
int xlsx_measure_t_row(const struct workbook *wb);
int xlsx_measure_year_row(const struct workbook *wb);
int xlsx_measure_df_row(const struct workbook *wb);

enum { MF_AGE, MF_K, MF_SUCC, MF_COST, MF_SAVING = MF_COST + BEARER_COUNT,
       MF_NET = MF_SAVING + BEARER_COUNT, MF_DCUM, MF_OK, MF_SERVICES, MF_PRODUCTION,
       MF_WELFARE, MF_FIELDS };
enum { PF_COST, PF_SAVING = PF_COST + BEARER_COUNT, PF_NET = PF_SAVING + BEARER_COUNT, PF_CUM,
       PF_DNET, PF_DCUM, PF_OK, PF_HAS_COST, PF_FIELDS };

/* Tiltak's columns (0-based). */
enum { TC_NAME, TC_GROUP, TC_N, TC_START_YEAR, TC_START_AGE, TC_DURATION, TC_CPP, TC_PAYER,
       TC_P = TC_PAYER + BEARER_COUNT, TC_DEADWEIGHT, TC_LAG, TC_EFFECT, TC_DECAY, TC_ON,
       TC_GROUPNR, TC_PV_COST, TC_PV_SAVING, TC_NPV, TC_BCR, TC_NPV_PER, TC_FIRST_COST,
       TC_BREAK_EVEN, TC_PSTAR, TC_COUNT };

/* The society kinds the spreadsheet projects, in Merkostnad's order. */
#define XLSX_SOCIETY_KINDS 3

/* "Framskriving!$X$3:$X$42" for a projection column. */
void xlsx_proj_range(const struct xctx *x, int col, char *buf, size_t size);
/* "Framskriving!$X$%d"-style: the 1-based row of year t. */
int xlsx_proj_row(int t);
/* "Framskriving!$D$R:$CY$R": a field's years in 1-based row R of the
 * measure block (a measure's row, or the t, År or DF row). */
void xlsx_measure_range(const struct xctx *x, int row1, int field, char *buf, size_t size);
/* "SUMPRODUCT(DF row, measure's field)": the field's present value. */
void xlsx_measure_pv(const struct xctx *x, size_t measure, int field, char *buf, size_t size);

/* The sheets that read the others: who pays who gains, the economic
 * plan, the society view (xlsx_flows.c). */
void xlsx_sheet_flows(struct xctx *x);
void xlsx_sheet_plan(struct xctx *x);
void xlsx_sheet_society(struct xctx *x);
/* The simulation's results as values (xlsx_uncertainty.c). */
void xlsx_sheet_uncertainty(struct xctx *x);

#endif
