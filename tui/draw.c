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
