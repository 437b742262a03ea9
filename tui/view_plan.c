/*
 * view_plan.c: Økonomiplan.  The years of the economic plan a council
 * decides on (params.plan: four years from the base year by default),
 * undiscounted, in fixed kroner of the price year, per sector and budget:
 * each bearer's sectors, then the bearer's subtotal, then the sum.  The
 * portfolio or one measure (←/→, as in Framskriving); Space shows the net,
 * the cost or the saving.  A child-welfare leader reads here that
 * oppvekst pays and barnevern, NAV and the state gain.
 *
 * Must never: write to the store.
 */
#include "config.h"

#include <stdio.h>

#include "tui/app.h"
#include "tui/i18n.h"

enum plan_show { SHOW_NET, SHOW_COST, SHOW_SAVING, SHOW_COUNT };

struct plan_state {
	int subject; /* -1 the portfolio, else a measure index */
	int64_t subject_id;
	enum plan_show show;
	int top; /* first table row shown */
};

/* One table row: a sector (index ≥ 0) or a bearer's subtotal. */
struct plan_row {
	long sector;        /* sector index, or -1 for a subtotal */
	int bearer;         /* the subtotal's bearer; BEARER_COUNT = all */
};

#define PLAN_ROWS_MAX (SECTORS_MAX + BEARER_COUNT + 1)

static double value(const struct result *r, enum plan_show show, int year, size_t x)
{
	switch (show) {
	case SHOW_COST: return -result_plan_cost(r, year, x);
	case SHOW_SAVING: return result_plan_saving(r, year, x);
	default: return result_plan_net(r, year, x);
	}
}

/* The sum of a row in plan year `year` (a subtotal sums its sectors). */
static double row_value(const struct app *a, const struct result *r, enum plan_show show,
			const struct plan_row *row, int year)
{
	if (row->sector >= 0)
		return value(r, show, year, (size_t)row->sector);
	double sum = 0;
	for (size_t x = 0; x < r->sector_count; x++) {
		int b = (int)workbook_sector_bearer(a->wb, x);
		if (row->bearer == BEARER_COUNT || b == row->bearer)
			sum += value(r, show, year, x);
	}
	return sum;
}

/* Does sector x have any money in the plan years (cost or saving)?  Rows
 * stay put when Space switches between net, cost and saving. */
static bool sector_used(const struct result *r, size_t x)
{
	for (int t = 0; t < r->plan_count; t++)
		if (result_plan_cost(r, t, x) != 0 || result_plan_saving(r, t, x) != 0)
			return true;
	return false;
}

/* Rows: per bearer its used declared sectors, its implicit sector when
 * used, then its subtotal; the sum last.  Returns the count; *hidden is
 * how many sectors without money were left out. */
static int plan_rows(const struct app *a, const struct result *r, struct plan_row *rows,
		     int *hidden)
{
	int n = 0;
	*hidden = 0;
	for (int b = 0; b < BEARER_COUNT; b++) {
		for (size_t x = SECTOR_IMPLICIT_COUNT; x < r->sector_count; x++) {
			if ((int)workbook_sector_bearer(a->wb, x) != b)
				continue;
			if (sector_used(r, x))
				rows[n++] = (struct plan_row){(long)x, b};
			else
				(*hidden)++;
		}
		if ((size_t)b < r->sector_count && sector_used(r, (size_t)b))
			rows[n++] = (struct plan_row){b, b};
		rows[n++] = (struct plan_row){-1, b};
	}
	rows[n++] = (struct plan_row){-1, BEARER_COUNT};
	return n;
}

static const struct result *subject(struct app *a, struct plan_state *st, char *title,
				    size_t size)
{
	if (st->subject >= (int)a->wb->measure_count)
		st->subject = -1;
	if (st->subject < 0) {
		snprintf(title, size, "%s", _("Porteføljen"));
		return &a->proj->portfolio;
	}
	const struct measure *m = &a->wb->measures[st->subject];
	snprintf(title, size, _("Tiltak: %s%s"), m->name,
		 m->enabled ? "" : _(" (ikke med i porteføljen)"));
	return &a->proj->measures[st->subject];
}

static const char *row_label(const struct app *a, const struct plan_row *row)
{
	static const char *const sums[BEARER_COUNT + 1] = {
		N_("Sum kommune"), N_("Sum fylkeskommune"), N_("Sum stat"), N_("Sum alle budsjett"),
	};
	if (row->sector >= 0)
		return workbook_sector_name(a->wb, (size_t)row->sector);
	return _(sums[row->bearer]);
}

static void view_draw(struct app *a, void *state, const struct rect *body)
{
	struct plan_state *st = state;
	static const char *const shown[SHOW_COUNT] = {N_("netto"), N_("kostnad"), N_("gevinst")};
	char title[300], line[600];
	const struct result *r = subject(a, st, title, sizeof title);
	snprintf(line, sizeof line, "%s %s %s", a->ascii ? "<" : "◀", title, a->ascii ? ">" : "▶");
	draw_hline(a, body->y, body->x, body->w, line);
	if (r->plan_count == 0 || r->sector_count == 0) {
		draw_text(a, body->y + 1, body->x, body->w, a->attrs[ROLE_DIM],
			  _("Økonomiplanen ligger utenfor horisonten: se Innstillinger (5)"));
		return;
	}
	int first = r->plan_first_year, last = first + r->plan_count - 1;
	snprintf(line, sizeof line,
		 _("Økonomiplan %d–%d: %s, faste %d-kroner, ikke diskontert"),
		 first, last, _(shown[st->show]), a->wb->params.price_year);
	draw_text(a, body->y + 1, body->x, body->w, a->attrs[ROLE_DIM], line);

	/* Sector name, one column per plan year, the sum: years drop from
	 * the right when narrow (whole columns), the sum stays. */
	struct table_col cols[2 + 10];
	char heads[10][8];
	int ncol = 0;
	cols[ncol++] = (struct table_col){N_("Sektor"), 14, 9, false, true};
	for (int t = 0; t < r->plan_count && t < 10; t++) {
		snprintf(heads[t], sizeof heads[t], "%d", first + t);
		cols[ncol++] = (struct table_col){heads[t], 11, 7 - (t > 3 ? 3 : t), true, false};
	}
	cols[ncol++] = (struct table_col){N_("Sum planårene"), 13, 8, true, false};
	int widths[12], xs[12];
	layout_table(cols, ncol, body->w, widths);
	/* Year headings are numbers, not catalogue strings: draw them as is. */
	int y = body->y + 2;
	table_header(a, y, body->x, cols, 1, widths, xs);
	int cx = xs[0] + widths[0] + 1;
	for (int c = 1; c < ncol; c++) {
		xs[c] = widths[c] > 0 ? cx : -1;
		if (widths[c] > 0) {
			const char *h = c == ncol - 1 ? _(cols[c].title) : cols[c].title;
			draw_text(a, y, cx - 1, 1, a->attrs[ROLE_HEADER], "");
			draw_text_right(a, y, cx, widths[c], a->attrs[ROLE_HEADER], h);
			cx += widths[c] + 1;
		}
	}
	struct plan_row rows[PLAN_ROWS_MAX];
	int hidden;
	int n = plan_rows(a, r, rows, &hidden);
	int avail = body->y + body->h - (y + 1) - (hidden > 0 ? 1 : 0);
	if (st->top > n - avail)
		st->top = n - avail;
	if (st->top < 0)
		st->top = 0;
	bool dropped = false;
	for (int c = 1; c < ncol - 1; c++)
		dropped |= widths[c] == 0;
	for (int i = st->top; i < n && y + 1 < body->y + body->h - (hidden > 0 ? 1 : 0); i++) {
		y++;
		const struct plan_row *row = &rows[i];
		attr_t at = row->sector < 0 ? a->attrs[ROLE_TITLE] : a->attrs[ROLE_NORMAL];
		draw_text(a, y, xs[0], widths[0], at,
			  row->sector >= 0 ? row_label(a, row) : row_label(a, row));
		double sum = 0;
		for (int t = 0; t < r->plan_count && t < 10; t++) {
			double v = row_value(a, r, st->show, row, t);
			sum += v;
			if (xs[1 + t] >= 0)
				draw_money(a, y, xs[1 + t], widths[1 + t], v, true, at);
		}
		if (xs[ncol - 1] >= 0)
			draw_money(a, y, xs[ncol - 1], widths[ncol - 1], sum, true, at);
	}
	if (hidden > 0 || dropped) {
		char note[200] = "";
		if (hidden > 0 && dropped)
			snprintf(note, sizeof note,
				 _("%d sektorer uten beløp i planårene er ikke vist; flere år i et bredere vindu"),
				 hidden);
		else if (hidden > 0)
			snprintf(note, sizeof note, _("%d sektorer uten beløp i planårene er ikke vist"),
				 hidden);
		else
			snprintf(note, sizeof note, "%s", _("Flere år i et bredere vindu; summen gjelder alle planårene"));
		draw_text(a, body->y + body->h - 1, body->x, body->w, a->attrs[ROLE_DIM], note);
	}
}

static bool view_key(struct app *a, void *state, enum action act)
{
	struct plan_state *st = state;
	int n = (int)a->wb->measure_count;
	switch (act) {
	case ACTION_UP: st->top--; return true;
	case ACTION_DOWN: st->top++; return true;
	case ACTION_HOME: st->top = 0; return true;
	case ACTION_END: st->top = PLAN_ROWS_MAX; return true;
	case ACTION_PAGE_UP: st->top -= a->layout.body.h - 4; return true;
	case ACTION_PAGE_DOWN: st->top += a->layout.body.h - 4; return true;
	case ACTION_RIGHT:
	case ACTION_NEXT_FIELD:
		st->subject = st->subject + 1 >= n ? -1 : st->subject + 1;
		return true;
	case ACTION_LEFT:
	case ACTION_PREV_FIELD:
		st->subject = st->subject <= -1 ? n - 1 : st->subject - 1;
		return true;
	case ACTION_TOGGLE_ENABLED:
		st->show = (enum plan_show)((st->show + 1) % SHOW_COUNT);
		return true;
	default:
		return false;
	}
}

static const char *view_hints(const struct app *a, const void *state)
{
	(void)a;
	(void)state;
	return _("{left}{right}:portefølje/tiltak  {toggle_enabled}:netto/kostnad/gevinst  {up}{down}:bla  {search}:søk tiltak  {help}:hjelp  {quit}:avslutt");
}

static void view_init(struct app *a, void *state)
{
	(void)a;
	struct plan_state *st = state;
	st->subject = -1;
}

static const char *measure_name(const void *ctx, int i, int which)
{
	const struct app *a = ctx;
	return which == 0 ? a->wb->measures[i].name : NULL;
}

static bool view_search(struct app *a, void *state, const char *needle, bool next)
{
	struct plan_state *st = state;
	struct list l = {st->subject < 0 ? 0 : st->subject, 0, 0};
	int i = list_search(&l, (int)a->wb->measure_count, next && st->subject >= 0, needle,
			    measure_name, a);
	if (i < 0)
		return false;
	st->subject = i;
	return true;
}

static void view_remember(struct app *a, void *state)
{
	struct plan_state *st = state;
	st->subject_id = st->subject >= 0 && (size_t)st->subject < a->wb->measure_count
				 ? a->wb->measures[st->subject].row.id
				 : 0;
}

static void view_reloaded(struct app *a, void *state)
{
	struct plan_state *st = state;
	if (st->subject < 0)
		return;
	long s = session_index(a->session, (struct row_key){ROW_MEASURE, st->subject_id}, NULL);
	st->subject = st->subject_id != 0 && s >= 0 ? (int)s : -1;
}

const struct view view_plan = {
	.title = N_("Økonomiplan"),
	.short_title = N_("Plan"),
	.action = ACTION_VIEW_PLAN,
	.state_size = sizeof(struct plan_state),
	.init = view_init,
	.draw = view_draw,
	.key = view_key,
	.hints = view_hints,
	.search = view_search,
	.remember = view_remember,
	.reloaded = view_reloaded,
};
