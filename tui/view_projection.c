/*
 * view_projection.c: Framskriving.  The full yearly table of the portfolio
 * or of one measure (←/→ choose), per bearer, with cumulative columns;
 * scrolls through the horizon.
 *
 * Must never: write to the store.
 */
#include "config.h"

#include <stdio.h>

#include "tui/app.h"
#include "tui/i18n.h"

static const struct result *subject(struct app *a, char *title, size_t size)
{
	if (a->proj_subject >= (int)a->wb->measure_count)
		a->proj_subject = -1;
	if (a->proj_subject < 0) {
		snprintf(title, size, _("Porteføljen (%s)"), a->wb->params.name);
		return &a->proj->portfolio;
	}
	const struct measure *m = &a->wb->measures[a->proj_subject];
	snprintf(title, size, _("Tiltak: %s%s"), m->name, m->enabled ? "" : _(" (ikke med i porteføljen)"));
	return &a->proj->measures[a->proj_subject];
}

static void view_draw(struct app *a, const struct rect *body)
{
	char title[300], line[400];
	const struct result *res = subject(a, title, sizeof title);
	snprintf(line, sizeof line, "%s %s %s", a->ascii ? "<" : "◀", title, a->ascii ? ">" : "▶");
	draw_hline(a, body->y, body->x, body->w, line);
	/* The column heads are abbreviated to fit: the last row says how. */
	bool legend = body->h >= 8;
	struct rect t = {body->y + 1, body->x, body->h - 1 - (legend ? 1 : 0), body->w};
	if (legend)
		draw_text(a, body->y + body->h - 1, body->x, body->w, a->attrs[ROLE_DIM],
			  body->w >= 110
				  ? _("K = kommune, F = fylkeskommune, S = stat; Kost. = kostnad, "
				      "Gev. = gevinst, Kum. = kumulert; DF = diskonteringsfaktor")
				  : _("K = kommune, F = fylkeskommune, S = stat; Kost. = kostnad, "
				      "Gev. = gevinst"));
	int rows = t.h - 1;
	int max_top = res->year_count - rows;
	if (a->proj_top > max_top)
		a->proj_top = max_top;
	if (a->proj_top < 0)
		a->proj_top = 0;
	draw_year_table(a, &t, res, a->proj_top, true);
}

static bool view_handle(struct app *a, enum action act)
{
	int rows = a->layout.body.h - 3;
	int n = (int)a->wb->measure_count;
	switch (act) {
	case ACTION_UP: a->proj_top--; return true;
	case ACTION_DOWN: a->proj_top++; return true;
	case ACTION_PAGE_UP: a->proj_top -= rows; return true;
	case ACTION_PAGE_DOWN: a->proj_top += rows; return true;
	case ACTION_HOME: a->proj_top = 0; return true;
	case ACTION_END: a->proj_top = HORIZON_MAX; return true;
	case ACTION_RIGHT:
	case ACTION_NEXT_FIELD:
		/* -1 (portfolio), 0 … n-1 (measures), round again. */
		a->proj_subject = a->proj_subject + 1 >= n ? -1 : a->proj_subject + 1;
		return true;
	case ACTION_LEFT:
	case ACTION_PREV_FIELD:
		a->proj_subject = a->proj_subject <= -1 ? n - 1 : a->proj_subject - 1;
		return true;
	default:
		return false;
	}
}

static const char *view_hints(const struct app *a)
{
	(void)a;
	return _("{up}{down}/{page_up}/{page_down}:bla i årene  {left}{right}:portefølje/tiltak  {search}:søk tiltak  {help}:hjelp  {quit}:avslutt");
}

const struct view view_projection = {N_("Framskriving"), view_draw, view_handle, view_hints, NULL};
