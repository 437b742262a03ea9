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

struct projection_state {
	int top;
	int subject;    /* -1 the portfolio, else a measure index */
	int64_t subject_id;
};

static const struct result *subject(struct app *a, struct projection_state *st, char *title,
				    size_t size)
{
	if (st->subject >= (int)a->wb->measure_count)
		st->subject = -1;
	if (st->subject < 0) {
		snprintf(title, size, _("Porteføljen (%s)"), a->wb->params.name);
		return &a->proj->portfolio;
	}
	const struct measure *m = &a->wb->measures[st->subject];
	snprintf(title, size, _("Tiltak: %s%s"), m->name, m->enabled ? "" : _(" (ikke med i porteføljen)"));
	return &a->proj->measures[st->subject];
}

static void view_draw(struct app *a, void *state, const struct rect *body)
{
	struct projection_state *st = state;
	char title[300], line[400];
	const struct result *res = subject(a, st, title, sizeof title);
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
	if (st->top > max_top)
		st->top = max_top;
	if (st->top < 0)
		st->top = 0;
	draw_year_table(a, &t, res, st->top, true);
}

static bool view_key(struct app *a, void *state, enum action act)
{
	struct projection_state *st = state;
	int rows = a->layout.body.h - 3;
	int n = (int)a->wb->measure_count;
	switch (act) {
	case ACTION_UP: st->top--; return true;
	case ACTION_DOWN: st->top++; return true;
	case ACTION_PAGE_UP: st->top -= rows; return true;
	case ACTION_PAGE_DOWN: st->top += rows; return true;
	case ACTION_HOME: st->top = 0; return true;
	case ACTION_END: st->top = HORIZON_MAX; return true;
	case ACTION_RIGHT:
	case ACTION_NEXT_FIELD:
		/* -1 (portfolio), 0 … n-1 (measures), round again. */
		st->subject = st->subject + 1 >= n ? -1 : st->subject + 1;
		return true;
	case ACTION_LEFT:
	case ACTION_PREV_FIELD:
		st->subject = st->subject <= -1 ? n - 1 : st->subject - 1;
		return true;
	default:
		return false;
	}
}

static const char *view_hints(const struct app *a, const void *state)
{
	(void)a;
	(void)state;
	return _("{up}{down}/{page_up}/{page_down}:bla i årene  {left}{right}:portefølje/tiltak  {search}:søk tiltak  {help}:hjelp  {quit}:avslutt");
}

static void view_init(struct app *a, void *state)
{
	(void)a;
	struct projection_state *st = state;
	st->subject = -1;
}

static const char *measure_name(const void *ctx, int i, int which)
{
	const struct app *a = ctx;
	return which == 0 ? a->wb->measures[i].name : NULL;
}

/* / finds a measure and shows its projection. */
static bool view_search(struct app *a, void *state, const char *needle, bool next)
{
	struct projection_state *st = state;
	struct list l = {st->subject < 0 ? 0 : st->subject, 0, 0};
	int i = list_search(&l, (int)a->wb->measure_count, next && st->subject >= 0, needle,
			    measure_name, a);
	if (i < 0)
		return false;
	st->subject = i;
	app_set_subject(a, i);
	return true;
}

static void view_remember(struct app *a, void *state)
{
	struct projection_state *st = state;
	st->subject_id = st->subject >= 0 && (size_t)st->subject < a->wb->measure_count
				 ? a->wb->measures[st->subject].row.id
				 : 0;
}

static void view_reloaded(struct app *a, void *state)
{
	struct projection_state *st = state;
	if (st->subject < 0)
		return;
	long s = session_index(a->session, (struct row_key){ROW_MEASURE, st->subject_id}, NULL);
	st->subject = st->subject_id != 0 && s >= 0 ? (int)s : -1;
}

const struct view view_projection = {
	.title = N_("Framskriving"),
	.short_title = N_("År"),
	.action = ACTION_VIEW_PROJECTION,
	.state_size = sizeof(struct projection_state),
	.init = view_init,
	.draw = view_draw,
	.key = view_key,
	.hints = view_hints,
	.search = view_search,
	.remember = view_remember,
	.reloaded = view_reloaded,
};
