/*
 * draw.c: the drawing helpers all views share: clipped text by display
 * width, right-aligned money, section rules, bar charts and fields.
 *
 * All drawing goes to stdscr; screen_paint() erases it before the views
 * draw and flushes it with one doupdate(), so helpers never refresh.
 *
 * Must never: refresh, clear or change the store.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "engine/numbers.h"
#include "tui/app.h"
#include "tui/chart.h"
#include "tui/i18n.h"
#include "session/text.h"

/* ASCII terminals get a transliteration; the copy lives on the caller's
 * stack, so texts are cut to a line's worth first. */
#define LINE_BYTES 2048

static const char *prepare(const struct app *a, const char *text, char *buf, size_t size)
{
	if (!a->ascii)
		return text;
	text_ascii(buf, size, text);
	return buf;
}

int draw_width(const struct app *a, const char *text)
{
	char buf[LINE_BYTES];
	return text_width(prepare(a, text, buf, sizeof buf));
}

void draw_text(struct app *a, int y, int x, int w, attr_t attr, const char *text)
{
	if (w <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + w > COLS)
		w = COLS - x;
	char buf[LINE_BYTES], cut[LINE_BYTES];
	const char *t = prepare(a, text, buf, sizeof buf);
	int used;
	size_t n = text_fit(t, w, &used);
	/* A name cut short says so: "Barn i lavinntektsf…", never a silent
	 * cut that makes two names look the same. */
	if (t[n] != '\0' && w >= 2) {
		text_truncate(cut, sizeof cut, t, w, a->ascii);
		t = cut;
		n = text_fit(t, w, &used);
	}
	attrset(attr);
	mvaddnstr(y, x, t, (int)n);
	/* Pad so the attribute covers the cell (selection bars). */
	for (int i = used; i < w; i++)
		addch(' ');
	attrset(A_NORMAL);
}

void draw_text_right(struct app *a, int y, int x, int w, attr_t attr, const char *text)
{
	if (w <= 0)
		return;
	char buf[LINE_BYTES];
	const char *t = prepare(a, text, buf, sizeof buf);
	int tw = text_width(t);
	if (tw > w) {
		/* Numbers must not be cut silently: show that they did not fit,
		 * as spreadsheets do. */
		char hashes[64];
		int n = w < (int)sizeof hashes - 1 ? w : (int)sizeof hashes - 1;
		memset(hashes, '#', (size_t)n);
		hashes[n] = '\0';
		draw_text(a, y, x, w, attr, hashes);
		return;
	}
	draw_text(a, y, x, w - tw, attr, "");
	draw_text(a, y, x + w - tw, tw, attr, t);
}

void format_money(const struct app *a, double v, char *buf, size_t size)
{
	/* config.ini [numbers] decimals (0–2): kroner with that many. */
	number_format(buf, size, v, a->decimals, app_thousands(a));
}

void draw_money(struct app *a, int y, int x, int w, double v, bool signed_colour, attr_t base)
{
	char buf[64];
	format_money(a, v, buf, sizeof buf);
	attr_t attr = base;
	if (signed_colour && number_round(v, a->decimals) < 0 && base == a->attrs[ROLE_NORMAL])
		attr = (base & ~A_COLOR) | a->attrs[ROLE_NEGATIVE];
	draw_text_right(a, y, x, w, attr, buf);
}

void draw_hline(struct app *a, int y, int x, int w, const char *title)
{
	if (w <= 0)
		return;
	attrset(a->attrs[ROLE_DIM]);
	move(y, x);
	for (int i = 0; i < w; i++) {
		if (a->ascii)
			addch('-');
		else
			addstr("\xe2\x94\x80");
	}
	if (title != NULL && title[0] != '\0') {
		char t[256];
		snprintf(t, sizeof t, " %s ", title);
		int tw = draw_width(a, t);
		draw_text(a, y, x + 1, tw < w - 1 ? tw : w - 1, a->attrs[ROLE_TITLE], t);
	}
	attrset(A_NORMAL);
}

void draw_chart(struct app *a, const struct rect *r, const double *values, int n,
		const char *title, int first_label, int label_step)
{
	if (r->h < 4 || r->w < 20 || n <= 0)
		return;
	draw_hline(a, r->y, r->x, r->w, title);
	const int label_w = 12;
	int ch = r->h - 2; /* title and axis rows */
	int cw = r->w - label_w - 1;
	struct chart_scale s;
	chart_scale_compute(values, n, ch, cw, &s);
	if (s.max == 0 && s.min == 0) {
		draw_text(a, r->y + 1, r->x + 1, r->w - 1, a->attrs[ROLE_DIM], _("(alle verdier er 0)"));
		return;
	}
	for (int row = 0; row < ch; row++) {
		int y = r->y + 1 + row;
		draw_text(a, y, r->x, label_w + 1, a->attrs[ROLE_DIM], "");
		for (int col = 0; col < cw; col++) {
			int sign;
			const char *g = chart_glyph(&s, values, row, col, a->ascii, &sign);
			if (g[0] == '\0')
				continue;
			attrset(a->attrs[sign < 0 ? ROLE_NEGATIVE : ROLE_POSITIVE]);
			mvaddstr(y, r->x + label_w + 1 + col, g);
		}
	}
	attrset(A_NORMAL);
	char lbl[64];
	format_money(a, s.max, lbl, sizeof lbl);
	draw_text_right(a, r->y + 1, r->x, label_w, a->attrs[ROLE_DIM], lbl);
	format_money(a, s.min, lbl, sizeof lbl);
	draw_text_right(a, r->y + ch, r->x, label_w, a->attrs[ROLE_DIM], lbl);
	if (s.max > 0 && s.min < 0 && ch > 2) {
		int zero_row = (int)(s.max / (s.max - s.min) * ch);
		if (zero_row > 0 && zero_row < ch - 1)
			draw_text_right(a, r->y + 1 + zero_row, r->x, label_w, a->attrs[ROLE_DIM], "0");
	}
	/* Axis: the first and the last label (years or ages). */
	int bars = (n + s.per_column - 1) / s.per_column * s.bar_width;
	char first[16], last[16];
	snprintf(first, sizeof first, "%d", first_label);
	snprintf(last, sizeof last, "%d", first_label + (n - 1) * label_step);
	int y = r->y + r->h - 1;
	draw_text(a, y, r->x, r->w, a->attrs[ROLE_DIM], "");
	draw_text(a, y, r->x + label_w + 1, 6, a->attrs[ROLE_DIM], first);
	int lx = r->x + label_w + 1 + (bars < cw ? bars : cw) - (int)strlen(last);
	if (lx > r->x + label_w + 8)
		draw_text(a, y, lx, (int)strlen(last), a->attrs[ROLE_DIM], last);
}

void draw_field(struct app *a, int y, int x, int w, enum edit_target target,
		const struct field_desc *f, const void *obj, size_t index, size_t sub,
		bool selected)
{
	if (w <= 0)
		return;
	if (draft_is(a, target, f, index, sub)) {
		struct line_edit *e = &a->edit.line;
		size_t start, end;
		int cx;
		line_edit_view(e, w, &start, &end, &cx);
		char buf[LINE_EDIT_SIZE];
		memcpy(buf, e->buf + start, end - start);
		buf[end - start] = '\0';
		draw_text(a, y, x, w, a->attrs[draft_valid(a) ? ROLE_FIELD_EDIT : ROLE_FIELD_INVALID], buf);
		a->cursor_on = true;
		a->cursor_y = y;
		a->cursor_x = x + cx;
		return;
	}
	char buf[LINE_EDIT_SIZE];
	field_format(f, obj, a->wb, false, app_thousands(a), buf, sizeof buf);
	draw_text(a, y, x, w, selected ? a->attrs[ROLE_SELECTED] : a->attrs[ROLE_NORMAL], buf);
}

static void result_line(struct app *a, int y, const struct rect *r, const char *label,
			const char *value, attr_t attr)
{
	int lw = r->w - 13 < 24 ? r->w - 13 : 24;
	if (lw < 8)
		lw = r->w / 2;
	draw_text(a, y, r->x, lw, a->attrs[ROLE_LABEL], label);
	draw_text_right(a, y, r->x + lw, r->w - lw, attr, value);
}

int draw_results(struct app *a, const struct rect *r, const struct result *res, bool measure)
{
	char v[96], w[112];
	int y = r->y, end = r->y + r->h;
	if (y < end) {
		format_money(a, res->npv, v, sizeof v);
		snprintf(w, sizeof w, "%s kr", v);
		result_line(a, y++, r, _("Netto nåverdi"), w,
			    a->attrs[number_round(res->npv, 0) < 0 ? ROLE_NEGATIVE : ROLE_POSITIVE] | A_BOLD);
	}
	if (y < end) {
		format_money(a, res->pv_cost, v, sizeof v);
		snprintf(w, sizeof w, "%s kr", v);
		result_line(a, y++, r, _("Kostnad, nåverdi"), w, a->attrs[ROLE_NORMAL]);
	}
	if (y < end) {
		format_money(a, res->pv_saving, v, sizeof v);
		snprintf(w, sizeof w, "%s kr", v);
		result_line(a, y++, r, _("Gevinst, nåverdi"), w, a->attrs[ROLE_NORMAL]);
	}
	if (y < end) {
		if (res->has_bcr)
			number_format(v, sizeof v, res->bcr, 2, app_thousands(a));
		else
			snprintf(v, sizeof v, "–");
		result_line(a, y++, r, _("Nytte per krone"), v, a->attrs[ROLE_NORMAL]);
	}
	if (y < end) {
		int vw = r->w - (r->w - 13 < 24 ? r->w - 13 : 24);
		if (res->has_break_even_year)
			snprintf(v, sizeof v, "%d", res->break_even_year);
		else if (draw_width(a, _("ikke innen horisonten")) <= vw)
			snprintf(v, sizeof v, "%s", _("ikke innen horisonten"));
		else
			/* Words do not turn into ### as a too-wide number does. */
			snprintf(v, sizeof v, "%s", "–");
		result_line(a, y++, r, _("Lønnsomt fra år"), v, a->attrs[ROLE_NORMAL]);
	}
	if (measure && y < end) {
		if (res->has_break_even_success_rate)
			percent_format(v, sizeof v, res->break_even_success_rate, 1, app_thousands(a));
		else
			snprintf(v, sizeof v, "–");
		result_line(a, y++, r, _("Balanse-suksessrate"), v, a->attrs[ROLE_NORMAL]);
	}
	if (measure && y < end) {
		format_money(a, res->npv_per_participant, v, sizeof v);
		snprintf(w, sizeof w, "%s kr", v);
		result_line(a, y++, r, _("Per deltaker"), w, a->attrs[ROLE_NORMAL]);
	}
	return y - r->y;
}

/* The yearly table's columns; a layout is a list of them. */
enum year_col {
	YC_YEAR, YC_COST, YC_SAVING, YC_NET, YC_CUM_NET, YC_CUM_NPV, YC_DF,
	YC_COST_K, YC_COST_F, YC_COST_S, YC_SAVING_K, YC_SAVING_F, YC_SAVING_S, YC_COUNT
};

static const struct table_col year_cols[YC_COUNT] = {
	[YC_YEAR] = {N_("År"), 4, 1, false, false},
	[YC_COST] = {N_("Kostnad"), 11, 1, true, true},
	[YC_SAVING] = {N_("Gevinst"), 11, 1, true, true},
	[YC_NET] = {N_("Netto"), 11, 1, true, true},
	[YC_CUM_NET] = {N_("Kum. netto"), 12, 1, true, true},
	[YC_CUM_NPV] = {N_("Kum. nåverdi"), 13, 1, true, true},
	[YC_DF] = {N_("DF"), 6, 1, true, false},
	[YC_COST_K] = {N_("Kost. K"), 10, 1, true, true},
	[YC_COST_F] = {N_("Kost. F"), 10, 1, true, true},
	[YC_COST_S] = {N_("Kost. S"), 10, 1, true, true},
	[YC_SAVING_K] = {N_("Gev. K"), 10, 1, true, true},
	[YC_SAVING_F] = {N_("Gev. F"), 10, 1, true, true},
	[YC_SAVING_S] = {N_("Gev. S"), 10, 1, true, true},
};

/*
 * Layouts from the widest down.  Columns go in whole groups: a net is
 * shown only with all the columns it is the sum of, so every shown row
 * adds up (a narrow window drops the per-budget split, then the
 * cumulative columns, never one part of a sum).
 */
#define YL_MAX 12
static const int year_layouts[][YL_MAX + 1] = {
	{YC_YEAR, YC_COST_K, YC_COST_F, YC_COST_S, YC_SAVING_K, YC_SAVING_F, YC_SAVING_S, YC_NET,
	 YC_CUM_NET, YC_CUM_NPV, YC_DF, -1},
	{YC_YEAR, YC_COST_K, YC_COST_F, YC_COST_S, YC_SAVING_K, YC_SAVING_F, YC_SAVING_S, YC_NET,
	 YC_CUM_NPV, -1},
	{YC_YEAR, YC_COST, YC_SAVING, YC_NET, YC_CUM_NET, YC_CUM_NPV, -1},
	{YC_YEAR, YC_COST, YC_SAVING, YC_NET, YC_CUM_NPV, -1},
	{YC_YEAR, YC_COST, YC_SAVING, YC_NET, -1},
	{YC_YEAR, YC_CUM_NPV, -1},
};
#define YEAR_LAYOUTS ((int)(sizeof year_layouts / sizeof year_layouts[0]))
#define YEAR_FIRST_SUM 2 /* the first layout without the per-budget split */

static int layout_width(const int *ids, struct table_col *cols, int *n)
{
	int w = -1;
	*n = 0;
	for (int i = 0; ids[i] >= 0; i++) {
		cols[*n] = year_cols[ids[i]];
		int tw = text_width(_(cols[*n].title));
		w += 1 + (tw > cols[*n].width ? tw : cols[*n].width);
		(*n)++;
	}
	return w;
}

static double year_value(const struct year_row *yr, int id)
{
	double cost = 0, saving = 0;
	for (int b = 0; b < BEARER_COUNT; b++) {
		cost += yr->cost[b];
		saving += yr->saving[b];
	}
	switch (id) {
	case YC_COST: return -cost;
	case YC_SAVING: return saving;
	case YC_NET: return yr->net;
	case YC_CUM_NET: return yr->cum_net;
	case YC_CUM_NPV: return yr->cum_net_discounted;
	case YC_COST_K: case YC_COST_F: case YC_COST_S: return -yr->cost[id - YC_COST_K];
	case YC_SAVING_K: case YC_SAVING_F: case YC_SAVING_S: return yr->saving[id - YC_SAVING_K];
	default: return 0;
	}
}

void draw_year_table(struct app *a, const struct rect *r, const struct result *res, int top,
		     bool per_bearer)
{
	if (r->h < 2)
		return;
	int first = per_bearer ? 0 : YEAR_FIRST_SUM;
	int best = YEAR_LAYOUTS - 1, n = 0;
	struct table_col cols[YL_MAX];
	for (int l = first; l < YEAR_LAYOUTS; l++)
		if (layout_width(year_layouts[l], cols, &n) <= r->w) {
			best = l;
			break;
		}
	layout_width(year_layouts[best], cols, &n);
	const int *ids = year_layouts[best];
	int widths[YL_MAX], xs[YL_MAX];
	layout_table(cols, n, r->w, widths);
	table_header(a, r->y, r->x, cols, n, widths, xs);
	/* Say that columns are hidden, on the last row, rather than let the
	 * reader think this is all. */
	int rows = r->h - 1;
	bool hidden = best != first;
	if (hidden && rows > 2) {
		rows--;
		draw_text(a, r->y + r->h - 1, r->x, r->w, a->attrs[ROLE_DIM],
			  best < YEAR_FIRST_SUM || !per_bearer
				  ? _("Flere kolonner i et bredere vindu")
				  : _("Per budsjett og flere kolonner i et bredere vindu"));
	}
	for (int row = 0; row < rows; row++) {
		int t = top + row;
		if (t >= res->year_count)
			break;
		const struct year_row *yr = &res->years[t];
		int y = r->y + 1 + row;
		for (int c = 0; c < n; c++) {
			if (widths[c] <= 0)
				continue;
			char buf[32];
			if (ids[c] == YC_YEAR) {
				snprintf(buf, sizeof buf, "%d", yr->year);
				table_cell(a, y, &cols[c], xs[c], widths[c], a->attrs[ROLE_NORMAL], buf);
			} else if (ids[c] == YC_DF) {
				number_format(buf, sizeof buf, yr->df, 3, app_thousands(a));
				table_cell(a, y, &cols[c], xs[c], widths[c], a->attrs[ROLE_DIM], buf);
			} else {
				draw_money(a, y, xs[c], widths[c], year_value(yr, ids[c]), true,
					   a->attrs[ROLE_NORMAL]);
			}
		}
	}
}

void draw_form_field(struct app *a, int y, int x, int w, enum edit_target target,
		     const struct field_desc *f, const void *obj, size_t index, size_t sub,
		     bool selected)
{
	if (f->unit == NULL || draft_is(a, target, f, index, sub)) {
		draw_field(a, y, x, w, target, f, obj, index, sub, selected);
		return;
	}
	/* The unit after the value, so "Kostnad per deltaker" says per what. */
	char buf[LINE_EDIT_SIZE], shown[LINE_EDIT_SIZE + 64];
	field_format(f, obj, a->wb, false, app_thousands(a), buf, sizeof buf);
	snprintf(shown, sizeof shown, "%s %s", buf, _(f->unit));
	draw_text(a, y, x, w, selected ? a->attrs[ROLE_SELECTED] : a->attrs[ROLE_NORMAL], shown);
}
