/*
 * xlsx.c: export_xlsx(): the spreadsheet's entry point, its shared cell
 * helpers, and the input sheets (Parametre, Målgrupper, Merkostnad).  The
 * measure and projection sheets are in xlsx_projection.c.
 *
 * Format codes are stored the way the file format requires (en-US syntax:
 * "#,##0", "0.0 %"); Excel and LibreOffice display them with the reader's
 * locale, so a Norwegian reader sees "1 234 567" and "25,0 %".
 *
 * Must never: print, exit(), leave a partial file.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "i18n/i18n.h"
#include "report/atomic.h"
#include "report/label.h"
#include "report/xlsx_error.h"
#include "report/xlsx_internal.h"

void x_note(struct xctx *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->error == LXW_NO_ERROR)
		x->error = e;
}

void x_formula(struct xctx *x, lxw_worksheet *ws, int row, int col, const char *formula,
	       lxw_format *fmt, double value)
{
	x_note(x, worksheet_write_formula_num(ws, (lxw_row_t)row, (lxw_col_t)col, formula, fmt,
					      x->cache ? value : 0));
}

void x_number(struct xctx *x, lxw_worksheet *ws, int row, int col, double v, lxw_format *fmt)
{
	x_note(x, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, fmt));
}

void x_string(struct xctx *x, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *fmt)
{
	/* An empty string cell is refused by libxlsxwriter; a blank says the same. */
	if (s[0] == '\0')
		x_note(x, worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, fmt));
	else
		x_note(x, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s, fmt));
}

void x_col(char *buf, int col, bool absolute)
{
	lxw_col_to_name(buf, (lxw_col_t)col, absolute);
}

static void headers(struct xctx *x, lxw_worksheet *ws, int row, const char *const *names, int n)
{
	for (int c = 0; c < n; c++)
		x_string(x, ws, row, c, names[c], x->header);
	worksheet_freeze_panes(ws, (lxw_row_t)(row + 1), 0);
}

void xlsx_sheet_params(struct xctx *x)
{
	const struct workbook_params *pa = &x->wb->params;
	lxw_worksheet *ws = workbook_add_worksheet(x->book, XLSX_SHEET_PARAMS);
	if (ws == NULL) {
		x_note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	static const char *const h[] = {"Parameter", "Verdi", "Forklaring"};
	headers(x, ws, 0, h, 3);
	worksheet_set_column(ws, 0, 0, 26, NULL);
	worksheet_set_column(ws, 1, 1, 18, NULL);
	worksheet_set_column(ws, 2, 2, 70, NULL);
	x_string(x, ws, 1, 0, "Arbeidsbok", NULL);
	x_string(x, ws, 1, 1, pa->name, NULL);
	char head[96];
	x_string(x, ws, 2, 0, PARAM_LABEL("municipality"), NULL);
	x_string(x, ws, 2, 1, pa->municipality, NULL);
	x_string(x, ws, 3, 0, report_head(head, sizeof head, SCHEMA_WORKBOOK, "base_year", " (t = 0)"),
		 NULL);
	x_number(x, ws, 3, 1, pa->base_year, x->integer);
	x_string(x, ws, 3, 2, "Navn i formlene: Basisaar", NULL);
	x_string(x, ws, 4, 0, PARAM_LABEL("horizon"), NULL);
	x_number(x, ws, 4, 1, pa->horizon, x->integer);
	x_string(x, ws, 4, 2,
		 "Antall år i Framskriving; endres her ikke antall rader (eksporter på nytt).", NULL);
	x_string(x, ws, 5, 0, PARAM_LABEL("discount.mode"), NULL);
	x_string(x, ws, 5, 1, discount_mode_key(pa->discount.mode), NULL);
	x_string(x, ws, 5, 2,
		 "r109 (4 % år 1–40, 3 % år 41–75, 2 % deretter), flat (renten under) eller none. "
		 "Navn: Diskontering",
		 NULL);
	x_string(x, ws, 6, 0, PARAM_LABEL("discount.rate"), NULL);
	x_number(x, ws, 6, 1, pa->discount.rate, x->pct);
	x_string(x, ws, 6, 2, "Brukes ved flat diskontering. Navn i formlene: Rente", NULL);
	x_string(x, ws, 7, 0, report_head(head, sizeof head, SCHEMA_WORKBOOK, "g_amount", ", kr"),
		 NULL);
	x_number(x, ws, 7, 1, pa->g_amount, x->kr);
	x_string(x, ws, 7, 2, "Poster oppgitt i G regnes om med dette. Navn: Grunnbelop", NULL);
	x_string(x, ws, 8, 0, PARAM_LABEL("real_growth"), NULL);
	x_number(x, ws, 8, 1, pa->real_growth, x->pct);
	x_string(x, ws, 8, 2, "Gevinsten i år t ganges med (1 + realvekst)^t. Navn: Realvekst",
		 NULL);
	x_string(x, ws, 9, 0, PARAM_LABEL("price_year"), NULL);
	x_number(x, ws, 9, 1, pa->price_year, x->integer);
	x_string(x, ws, 9, 2, "Alle beløp er i faste kroner fra dette året (brukes ikke i formlene).",
		 NULL);
	x_string(x, ws, 10, 0, PARAM_LABEL("society.tax_cost"), NULL);
	x_number(x, ws, 10, 1, pa->tax_cost, x->pct);
	x_string(x, ws, 10, 2,
		 "R-109: 20 øre per offentlig krone. Brukes i arket Samfunn. Navn: Skattekostnad",
		 NULL);
	x_string(x, ws, 11, 0, PARAM_LABEL("plan.start_year"), NULL);
	x_number(x, ws, 11, 1, pa->plan.start_year, x->integer);
	x_string(x, ws, 11, 2,
		 "Arket Økonomiplan. Antall år er fast ved eksporten (eksporter på nytt). Navn: "
		 "Planstart",
		 NULL);
	x_string(x, ws, 12, 0, PARAM_LABEL("plan.years"), NULL);
	x_number(x, ws, 12, 1, pa->plan.years, x->integer);
	x_note(x, workbook_define_name(x->book, "Basisaar", "=Parametre!$B$4"));
	x_note(x, workbook_define_name(x->book, "Realvekst", "=Parametre!$B$9"));
	x_note(x, workbook_define_name(x->book, "Skattekostnad", "=Parametre!$B$11"));
	x_note(x, workbook_define_name(x->book, "Planstart", "=Parametre!$B$12"));
	x_note(x, workbook_define_name(x->book, "Diskontering", "=Parametre!$B$6"));
	x_note(x, workbook_define_name(x->book, "Rente", "=Parametre!$B$7"));
	x_note(x, workbook_define_name(x->book, "Grunnbelop", "=Parametre!$B$8"));
}

void xlsx_sheet_groups(struct xctx *x)
{
	const struct workbook *wb = x->wb;
	lxw_worksheet *ws = workbook_add_worksheet(x->book, XLSX_SHEET_GROUPS);
	if (ws == NULL) {
		x_note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	char amount[64], unit[64];
	const char *const h[] = {"Målgruppe-id", "Kostnadspost", ITEM_LABEL("bearer"),
				 report_head(amount, sizeof amount, SCHEMA_ITEM, "amount", " per år"),
				 report_head(unit, sizeof unit, SCHEMA_ITEM, "unit", " (nok/g)"),
				 ITEM_LABEL("from_age"), ITEM_LABEL("to_age"), "Beløp i kr (formel)",
				 ITEM_LABEL("source"), ITEM_LABEL("confidence"), ITEM_LABEL("kind"),
				 ITEM_LABEL("sector")};
	headers(x, ws, 0, h, 12);
	worksheet_set_column(ws, 0, 0, 16, NULL);
	worksheet_set_column(ws, 1, 1, 36, NULL);
	worksheet_set_column(ws, 2, 2, 14, NULL);
	worksheet_set_column(ws, 3, 3, 14, NULL);
	worksheet_set_column(ws, 4, 6, 10, NULL);
	worksheet_set_column(ws, 7, 7, 16, NULL);
	worksheet_set_column(ws, 8, 8, 50, NULL);
	int row = 1;
	for (size_t g = 0; g < wb->group_count; g++) {
		const struct target_group *grp = &wb->groups[g];
		for (size_t i = 0; i < grp->item_count; i++, row++) {
			const struct cost_item *it = &grp->items[i];
			char f[128];
			x_string(x, ws, row, 0, grp->id, NULL);
			x_string(x, ws, row, 1, it->name, NULL);
			/* Production and welfare have no bearer: a blank, which no
			 * budget's SUMIFS in Merkostnad matches. */
			x_string(x, ws, row, 2,
				 item_kind_has_bearer(it->kind) ? bearer_key(it->bearer) : "", NULL);
			x_number(x, ws, row, 3, it->amount, it->unit == UNIT_G ? x->g2 : x->kr);
			x_string(x, ws, row, 4, unit_key(it->unit), NULL);
			x_number(x, ws, row, 5, it->from_age, x->integer);
			x_number(x, ws, row, 6, it->to_age, x->integer);
			snprintf(f, sizeof f, "=IF(E%d=\"g\",D%d*Grunnbelop,D%d)", row + 1, row + 1,
				 row + 1);
			x_formula(x, ws, row, 7, f, x->kr,
				  it->unit == UNIT_G ? it->amount * wb->params.g_amount : it->amount);
			x_string(x, ws, row, 8, it->source, NULL);
			x_string(x, ws, row, 9, confidence_key(it->confidence), NULL);
			x_string(x, ws, row, 10, item_kind_key(it->kind), NULL);
			long sx = workbook_item_sector(wb, it);
			x_string(x, ws, row, 11, sx >= 0 ? workbook_sector_id(wb, (size_t)sx) : "",
				 NULL);
		}
	}
	/* Ranges end at row 2 at least, so SUMIFS stays valid with no items. */
	x->item_last = row > 1 ? row : 2;

	int top = x->item_last + 1; /* 0-based: one blank row after the items */
	const char *const gh[] = {"Målgruppe-id", GROUP_LABEL("name"), GROUP_LABEL("entry_age"),
				  GROUP_LABEL("description")};
	for (int c = 0; c < 4; c++)
		x_string(x, ws, top, c, gh[c], x->header);
	for (size_t g = 0; g < wb->group_count; g++) {
		const struct target_group *grp = &wb->groups[g];
		int r = top + 1 + (int)g;
		x_string(x, ws, r, 0, grp->id, NULL);
		x_string(x, ws, r, 1, grp->name, NULL);
		x_number(x, ws, r, 2, grp->entry_age, x->integer);
		x_string(x, ws, r, 3, grp->description, NULL);
	}
	x->group_first = top + 2; /* 1-based */
	x->group_last = top + 1 + (int)(wb->group_count ? wb->group_count : 1);
}

void xlsx_sheet_extra(struct xctx *x)
{
	const struct workbook *wb = x->wb;
	lxw_worksheet *ws = workbook_add_worksheet(x->book, XLSX_SHEET_EXTRA);
	if (ws == NULL) {
		x_note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	x_string(x, ws, 0, 0, "Målgruppe →", x->header);
	x_string(x, ws, 1, 0, "Alder ↓ / budsjett →", x->header);
	worksheet_set_column(ws, 0, 0, 20, NULL);
	worksheet_set_column(ws, 1, (lxw_col_t)(6 * (wb->group_count ? wb->group_count : 1)), 14,
			     NULL);
	worksheet_freeze_panes(ws, 2, 1);
	for (int a = AGE_MIN; a <= AGE_MAX; a++)
		x_number(x, ws, 2 + a, 0, a, x->integer);
	int n = x->item_last;
	for (size_t g = 0; g < wb->group_count; g++) {
		const struct group_profile *prof =
			g < x->p->profile_count ? &x->p->profiles[g] : NULL;
		for (int b = 0; b < BEARER_COUNT; b++) {
			int col = 1 + 3 * (int)g + b;
			char c[16];
			x_col(c, col, false);
			x_string(x, ws, 0, col, wb->groups[g].id, x->header);
			x_string(x, ws, 1, col, bearer_key((enum bearer)b), x->header);
			for (int a = AGE_MIN; a <= AGE_MAX; a++) {
				char f[512];
				int r = 3 + a; /* 1-based */
				snprintf(f, sizeof f,
					 "=SUMIFS('Målgrupper'!$H$2:$H$%d,'Målgrupper'!$A$2:$A$%d,%s$1,"
					 "'Målgrupper'!$C$2:$C$%d,%s$2,'Målgrupper'!$F$2:$F$%d,\"<=\"&$A%d,"
					 "'Målgrupper'!$G$2:$G$%d,\">=\"&$A%d)",
					 n, n, c, n, c, n, r, n, r);
				x_formula(x, ws, r - 1, col, f, x->kr, prof ? prof->extra[b][a] : 0);
			}
		}
	}
	/* Then, for the society view, three columns per group by item kind
	 * (service, production, welfare), after every group's bearer columns. */
	static const enum item_kind kinds[XLSX_SOCIETY_KINDS] = {ITEM_SERVICE, ITEM_PRODUCTION,
								 ITEM_WELFARE};
	size_t groups = wb->group_count;
	for (size_t g = 0; g < groups; g++) {
		const struct group_profile *prof =
			g < x->p->profile_count ? &x->p->profiles[g] : NULL;
		for (int k = 0; k < XLSX_SOCIETY_KINDS; k++) {
			int col = 1 + 3 * (int)groups + XLSX_SOCIETY_KINDS * (int)g + k;
			char c[16];
			x_col(c, col, false);
			x_string(x, ws, 0, col, wb->groups[g].id, x->header);
			x_string(x, ws, 1, col, item_kind_key(kinds[k]), x->header);
			for (int a = AGE_MIN; a <= AGE_MAX; a++) {
				char f[512];
				int r = 3 + a;
				snprintf(f, sizeof f,
					 "=SUMIFS('Målgrupper'!$H$2:$H$%d,'Målgrupper'!$A$2:$A$%d,%s$1,"
					 "'Målgrupper'!$K$2:$K$%d,%s$2,'Målgrupper'!$F$2:$F$%d,\"<=\"&$A%d,"
					 "'Målgrupper'!$G$2:$G$%d,\">=\"&$A%d)",
					 n, n, c, n, c, n, r, n, r);
				x_formula(x, ws, r - 1, col, f, x->kr,
					  prof ? prof->extra_kind[kinds[k]][a] : 0);
			}
		}
	}
}

int export_xlsx_opt(const struct workbook *wb, const struct projection *p, const char *path,
		    bool force, const struct xlsx_options *opt, char *err, size_t err_size)
{
	struct atomic_file af;
	if (atomic_open(&af, path, force, err, err_size) != 0)
		return -1;
	/* libxlsxwriter opens the file by name itself. */
	atomic_release_stream(&af);

	struct xctx x;
	memset(&x, 0, sizeof x);
	x.wb = wb;
	x.p = p;
	x.cache = opt == NULL || opt->cached_values;
	FILE *quiet = xlsx_quiet_begin(); /* the library's English on stderr */
	x.book = workbook_new(af.tmp);
	if (x.book == NULL) {
		xlsx_quiet_end(quiet);
		snprintf(err, err_size, _("Kan ikke lage regnearket %s (ikke nok minne eller ingen "
					"skrivetilgang)."), path);
		atomic_abort(&af);
		return -1;
	}
	x.header = workbook_add_format(x.book);
	format_set_bold(x.header);
	format_set_text_wrap(x.header);
	format_set_bg_color(x.header, 0xEEF3F8);
	x.kr = workbook_add_format(x.book);
	format_set_num_format(x.kr, "#,##0");
	x.pct = workbook_add_format(x.book);
	format_set_num_format(x.pct, "0.0 %");
	x.df = workbook_add_format(x.book);
	format_set_num_format(x.df, "0.000000");
	x.g2 = workbook_add_format(x.book);
	format_set_num_format(x.g2, "#,##0.00");
	x.integer = workbook_add_format(x.book);
	format_set_num_format(x.integer, "0");
	x.note = workbook_add_format(x.book);
	format_set_italic(x.note);

	lxw_doc_properties props = {.title = (char *)wb->params.name,
				    .company = (char *)wb->params.municipality,
				    .comments = (char *)"Laget med utenfor " PACKAGE_VERSION};
	x_note(&x, workbook_set_properties(x.book, &props));

	xlsx_sheet_params(&x);
	xlsx_sheet_groups(&x);
	xlsx_sheet_extra(&x);
	xlsx_sheet_measures(&x);
	xlsx_sheet_projection(&x);
	xlsx_sheet_flows(&x);
	xlsx_sheet_plan(&x);
	xlsx_sheet_society(&x);
	xlsx_sheet_uncertainty(&x);
	xlsx_sheet_chart(&x);

	errno = 0;
	lxw_error close_err = workbook_close(x.book);
	int close_errno = errno;
	xlsx_quiet_end(quiet);
	if (x.error == LXW_NO_ERROR)
		x.error = close_err;
	if (x.error != LXW_NO_ERROR) {
		snprintf(err, err_size, _("Kunne ikke skrive regnearket %s: %s. Filen ble ikke laget."),
			 path, xlsx_error_text(x.error, close_errno));
		atomic_abort(&af);
		return -1;
	}
	return atomic_commit(&af, err, err_size);
}

int export_xlsx(const struct workbook *wb, const struct projection *p, const char *path,
		bool force, char *err, size_t err_size)
{
	const struct xlsx_options opt = {.cached_values = true};
	return export_xlsx_opt(wb, p, path, force, &opt, err, err_size);
}
