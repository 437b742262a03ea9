/*
 * flows_sectors.c: who pays → who gains by sector (issue 12: the matrix
 * "read by bearer and by sector"), for the overview's pane.  A sector ×
 * sector matrix does not fit a terminal pane, and most of it is zero: the
 * pane turns it round — one row per gaining sector, largest first, one
 * column per paying sector (the three that pay most; the rest summed as
 * "Andre") — so a child-welfare leader reads down the column of oppvekst
 * where its money lands.
 *
 * Must never: write to the store.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "tui/app.h"
#include "tui/i18n.h"

#define PAYERS_SHOWN 3

/* The index of the largest |v[i]| not yet taken and not 0, or -1; marks
 * it taken.  n ≤ SECTORS_MAX, so picking in turn costs nothing. */
static long take_largest(const double *v, size_t n, bool *taken)
{
	long best = -1;
	for (size_t i = 0; i < n; i++)
		if (!taken[i] && v[i] != 0 && (best < 0 || fabs(v[i]) > fabs(v[best])))
			best = (long)i;
	if (best >= 0)
		taken[best] = true;
	return best;
}

void draw_sector_flows(struct app *a, const struct rect *r, const struct result *res)
{
	draw_hline(a, r->y, r->x, r->w, _("Hvem betaler → hvem vinner, per sektor"));
	size_t n = res->sector_count;
	if (!res->has_flows || n == 0 || res->sector_flows == NULL) {
		draw_text(a, r->y + 1, r->x, r->w, a->attrs[ROLE_DIM], _("Ingen kostnader ennå"));
		return;
	}
	if (n > SECTORS_MAX)
		n = SECTORS_MAX;
	/* What each sector's money buys, and what each gains, once. */
	double paid[SECTORS_MAX] = {0}, gained[SECTORS_MAX] = {0};
	for (size_t p = 0; p < n; p++)
		for (size_t x = 0; x < n; x++) {
			double v = result_sector_flow(res, p, x);
			paid[p] += fabs(v);
			gained[x] += v;
		}
	/* The paying sectors, most money first. */
	bool paid_taken[SECTORS_MAX] = {false};
	size_t payers[PAYERS_SHOWN];
	int np = 0;
	long next;
	while (np < PAYERS_SHOWN && (next = take_largest(paid, n, paid_taken)) >= 0)
		payers[np++] = (size_t)next;
	bool others = take_largest(paid, n, paid_taken) >= 0;
	struct table_col cols[2 + PAYERS_SHOWN];
	int ncol = 0;
	cols[ncol++] = (struct table_col){N_("Gevinst i"), 14, 9, false, true};
	/* Payer columns are as wide as their numbers; the sector's name is
	 * cut to fit above them ("Videregåen…"). */
	const char *heads[2 + PAYERS_SHOWN] = {NULL};
	for (int j = 0; j < np; j++) {
		heads[ncol] = workbook_sector_name(a->wb, payers[j]);
		cols[ncol++] = (struct table_col){"", 11, 7 - j, true, false};
	}
	if (others)
		cols[ncol++] = (struct table_col){N_("Andre"), 10, 4, true, false};
	int widths[2 + PAYERS_SHOWN], xs[2 + PAYERS_SHOWN];
	layout_table(cols, ncol, r->w, widths);
	/* Headers are sector names, not catalogue strings: draw them as is. */
	int y = r->y + 1, cx = r->x;
	for (int c = 0; c < ncol; c++) {
		xs[c] = widths[c] > 0 ? cx : -1;
		if (widths[c] == 0)
			continue;
		const char *h = heads[c] != NULL ? heads[c] : _(cols[c].title);
		if (cols[c].right && draw_width(a, h) <= widths[c])
			draw_text_right(a, y, cx, widths[c], a->attrs[ROLE_HEADER], h);
		else
			draw_text(a, y, cx, widths[c], a->attrs[ROLE_HEADER], h);
		cx += widths[c] + 1;
	}
	/* Gaining sectors, largest total first; as many as fit. */
	bool shown[SECTORS_MAX] = {false};
	int rows = r->h - 2, drawn = 0, left = 0;
	for (size_t k = 0; k < n; k++) {
		long best = take_largest(gained, n, shown);
		if (best < 0)
			break;
		if (drawn >= rows - 1 && k + 1 < n) {
			left++;
			continue;
		}
		int yy = r->y + 2 + drawn++;
		draw_text(a, yy, xs[0], widths[0], a->attrs[ROLE_NORMAL], workbook_sector_name(a->wb, (size_t)best));
		for (int j = 0; j < np; j++)
			if (xs[1 + j] >= 0)
				draw_money(a, yy, xs[1 + j], widths[1 + j],
					   result_sector_flow(res, payers[j], (size_t)best), true, a->attrs[ROLE_NORMAL]);
		if (others && xs[ncol - 1] >= 0) {
			double rest = 0;
			for (size_t p = 0; p < n; p++) {
				bool listed = false;
				for (int j = 0; j < np; j++)
					listed |= payers[j] == p;
				if (!listed)
					rest += result_sector_flow(res, p, (size_t)best);
			}
			draw_money(a, yy, xs[ncol - 1], widths[ncol - 1], rest, true, a->attrs[ROLE_NORMAL]);
		}
	}
	if (left > 0 && drawn < rows) {
		char note[120];
		snprintf(note, sizeof note, _("… %d sektorer til: se Økonomiplan (6) eller rapporten"), left);
		draw_text(a, r->y + 2 + drawn, r->x, r->w, a->attrs[ROLE_DIM], note);
	}
}
