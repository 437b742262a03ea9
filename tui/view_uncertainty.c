/*
 * view_uncertainty.c: Usikkerhet.  For the portfolio or one measure (←/→):
 * the chance that it pays, in total and in each budget, the spread of the
 * net present value (P10, P50, P90 and a histogram of the draws), the
 * switching values in words and the tornado, largest swing first.
 *
 * Everything here is the budget view of doc/model.md ("Uncertainty"): the
 * simulation varies the public budgets' NPV.  The results come from
 * session/analysis_uncertainty.c, which runs the measure's simulation as
 * one types and the portfolio's in slices between keystrokes; while a run
 * is under way the last finished result stays and the title says so.
 *
 * Must never: write to the store.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine/numbers.h"
#include "tui/app.h"
#include "tui/i18n.h"

struct uncertainty_state {
	bool portfolio; /* else the current measure (app.subject) */
	int top;        /* first tornado entry shown */
};

/* Sections side by side from this width, one column below it. */
#define WIDE 120

static void percent(const struct app *a, double v, char *buf, size_t size)
{
	percent_format(buf, size, v, 0, app_thousands(a));
}

static const struct unc_subject *subject(struct app *a, struct uncertainty_state *st, int *mi,
					 char *title, size_t size)
{
	*mi = app_measure_index(a);
	if (*mi < 0)
		st->portfolio = true;
	if (st->portfolio) {
		snprintf(title, size, "%s", _("Porteføljen"));
		return &a->unc->portfolio;
	}
	const struct measure *m = &a->wb->measures[*mi];
	snprintf(title, size, _("Tiltak: %s%s"), m->name,
		 m->enabled ? "" : _(" (ikke med i porteføljen)"));
	const struct unc_subject *u = &a->unc->measure;
	/* The measure's result is of the focus measure: the current one. */
	return u;
}

static bool shows(const struct app *a, const struct uncertainty_state *st,
		  const struct unc_subject *u, int mi)
{
	return u->ready && (st->portfolio || u->measure_id == a->wb->measures[mi].row.id);
}

static void draw_status(struct app *a, int y, int x, int w, const struct unc_subject *u)
{
	char line[200], n[32];
	number_format(n, sizeof n, (double)a->wb->params.uncertainty.draws, 0, app_thousands(a));
	int len = snprintf(line, sizeof line, _("%s trekninger, frø %llu"), n,
			   (unsigned long long)a->wb->params.uncertainty.seed);
	if (!u->current && u->draws > 0 && len > 0 && (size_t)len < sizeof line)
		snprintf(line + len, sizeof line - (size_t)len, _(" · beregner … %d %%"),
			 (int)(100.0 * (double)u->done / (double)u->draws));
	draw_text(a, y, x, w, a->attrs[u->current ? ROLE_DIM : ROLE_TITLE], line);
}

static void draw_percentiles(struct app *a, int y, int x, int w, const struct mc_stats *s)
{
	char p10[32], p50[32], p90[32], mean[32], line[300];
	format_money(a, s->p10, p10, sizeof p10);
	format_money(a, s->p50, p50, sizeof p50);
	format_money(a, s->p90, p90, sizeof p90);
	format_money(a, s->mean, mean, sizeof mean);
	if (w >= 72)
		snprintf(line, sizeof line, _("Netto nåverdi  P10 %s  P50 %s  P90 %s  snitt %s"), p10,
			 p50, p90, mean);
	else
		snprintf(line, sizeof line, _("P10 %s  P50 %s  P90 %s"), p10, p50, p90);
	draw_text(a, y, x, w, a->attrs[ROLE_NORMAL], line);
}

/* The chance of a positive NPV, total and per budget; returns rows used. */
static int draw_chances(struct app *a, int y, int x, int w, int rows, const struct mc_summary *s,
			bool portfolio)
{
	static const char *const who[BEARER_COUNT] = {
		N_("kommunen"), N_("fylkeskommunen"), N_("staten"),
	};
	static const char *const who_cap[BEARER_COUNT] = {
		N_("Kommunen"), N_("Fylkeskommunen"), N_("Staten"),
	};
	char p[32], line[300];
	int used = 0;
	percent(a, s->line[UNC_TOTAL].prob_positive, p, sizeof p);
	snprintf(line, sizeof line,
		 w < 56        ? _("Samlet i pluss: %s")
		 : portfolio ? _("Sannsynlighet for at porteføljen går i pluss samlet: %s")
			     : _("Sannsynlighet for at tiltaket går i pluss samlet: %s"),
		 p);
	if (used < rows)
		draw_text(a, y + used++, x, w, a->attrs[ROLE_TITLE], line);
	bool full = w >= 56;
	for (int b = 0; b < BEARER_COUNT && used < rows; b++) {
		const struct mc_stats *l = &s->line[b];
		if (l->mean == 0 && l->p10 == 0 && l->p90 == 0) {
			/* Never a krone either way: a chance of 0 % would mislead. */
			snprintf(line, sizeof line, _("%s berøres ikke"), _(who_cap[b]));
			draw_text(a, y + used++, x, w, a->attrs[ROLE_DIM], line);
			continue;
		}
		percent(a, l->prob_positive, p, sizeof p);
		if (full)
			snprintf(line, sizeof line, _("Sannsynlighet for at %s går i pluss: %s"),
				 _(who[b]), p);
		else
			snprintf(line, sizeof line, _("%s i pluss: %s"), _(who_cap[b]), p);
		draw_text(a, y + used++, x, w, a->attrs[ROLE_NORMAL], line);
	}
	return used;
}

/* Column of value v on a histogram of `cols` columns over [min, max]. */
static int column_of(const struct unc_histogram *h, double v, int cols)
{
	double width = h->max - h->min;
	int c = width > 0 ? (int)((v - h->min) / width * cols) : cols / 2;
	return c < 0 ? 0 : c >= cols ? cols - 1 : c;
}

/*
 * The histogram of the total NPV in `rows` rows: bars of eighth blocks
 * ('#' in ASCII), a row marking P10, P50, P90 and zero, and the axis'
 * ends.  Needs rows ≥ 3.
 */
static void draw_histogram(struct app *a, int y, int x, int w, int rows,
			   const struct unc_subject *u)
{
	static const char *const eighths[9] = {"", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
	const struct unc_histogram *h = &u->hist;
	int bar_rows = rows - 2;
	int per = w >= 2 * UNC_HIST_BINS ? w / UNC_HIST_BINS : 1;
	int cols = w >= UNC_HIST_BINS ? UNC_HIST_BINS : w;
	long counts[UNC_HIST_BINS] = {0}, top = 1;
	for (int b = 0; b < UNC_HIST_BINS; b++) {
		int c = b * cols / UNC_HIST_BINS;
		counts[c] += h->count[b];
	}
	for (int c = 0; c < cols; c++)
		if (counts[c] > top)
			top = counts[c];
	int zero = h->min < 0 && h->max > 0 ? column_of(h, 0.0, cols) : -1;
	for (int c = 0; c < cols; c++) {
		/* Height in eighths of a row, at least a sliver for any draw. */
		long eighth = (counts[c] * bar_rows * 8 + top - 1) / top;
		double mid = h->min + (h->max - h->min) * (c + 0.5) / cols;
		attr_t at = a->attrs[mid < 0 ? ROLE_NEGATIVE : ROLE_POSITIVE];
		for (int r = 0; r < bar_rows; r++) {
			long fill = eighth - (long)(bar_rows - 1 - r) * 8;
			const char *g = fill >= 8 ? eighths[8] : fill > 0 ? eighths[fill] : "";
			if (a->ascii && g[0] != '\0')
				g = fill >= 4 ? "#" : ".";
			for (int k = 0; k < per; k++)
				draw_text(a, y + r, x + c * per + k, 1, at, g);
		}
	}
	/* The markers: P10, P50, P90 (and 0 when the range crosses it). */
	char line[512];
	int span = cols * per;
	if (span > (int)sizeof line - 1)
		span = (int)sizeof line - 1;
	memset(line, ' ', (size_t)span);
	line[span] = '\0';
	const double marks[3] = {u->summary.line[UNC_TOTAL].p10, u->summary.line[UNC_TOTAL].p50,
				 u->summary.line[UNC_TOTAL].p90};
	draw_text(a, y + bar_rows, x, w, a->attrs[ROLE_DIM], "");
	if (zero >= 0)
		draw_text(a, y + bar_rows, x + zero * per, 1, a->attrs[ROLE_DIM], "0");
	static const char *const names[3] = {"P10", "P50", "P90"};
	int last_end = -1;
	for (int k = 0; k < 3; k++) {
		int c = column_of(h, marks[k], cols) * per;
		/* Names that would overlap the one before are shown as a tick. */
		const char *name = c > last_end ? names[k] : "|";
		if (c + 3 > span)
			c = span - 3 > 0 ? span - 3 : 0;
		draw_text(a, y + bar_rows, x + c, name[1] ? 3 : 1, a->attrs[ROLE_TITLE], name);
		last_end = c + (int)strlen(name);
	}
	char lo[32], hi[32];
	format_money(a, h->min, lo, sizeof lo);
	format_money(a, h->max, hi, sizeof hi);
	draw_text(a, y + bar_rows + 1, x, span / 2, a->attrs[ROLE_DIM], lo);
	draw_text_right(a, y + bar_rows + 1, x + span / 2, span - span / 2, a->attrs[ROLE_DIM], hi);
}

/* The label of a tornado entry: the field (and its range) or the profile. */
static void entry_label(struct app *a, const struct tornado_entry *e, bool portfolio, char *buf,
			size_t size)
{
	static const int field_of[RANGE_FIELD_COUNT] = {
		[RANGE_SUCCESS_RATE] = FIELD_SUCCESS_RATE,
		[RANGE_DEADWEIGHT] = FIELD_DEADWEIGHT,
		[RANGE_DECAY] = FIELD_DECAY,
		[RANGE_COST_PER_PARTICIPANT] = FIELD_COST_PER_PARTICIPANT,
	};
	if (e->input == UNC_PROFILE) {
		const char *g = e->group >= 0 && (size_t)e->group < a->wb->group_count
					? a->wb->groups[e->group].name
					: "?";
		/* The report's words ("kostnadene i målgruppen …") made short:
		 * a narrow column must still show which group it is. */
		snprintf(buf, size, _("Kostnadene i %s"), g);
		return;
	}
	char lo[32], hi[32];
	if (e->input == RANGE_COST_PER_PARTICIPANT) {
		format_money(a, e->low, lo, sizeof lo);
		format_money(a, e->high, hi, sizeof hi);
	} else {
		percent_format(lo, sizeof lo, e->low, 0, app_thousands(a));
		percent_format(hi, sizeof hi, e->high, 0, app_thousands(a));
	}
	const char *field = field_label((enum field_id)field_of[e->input]);
	if (portfolio && e->measure >= 0 && (size_t)e->measure < a->wb->measure_count)
		snprintf(buf, size, "%s: %s %s–%s", a->wb->measures[e->measure].name, field, lo, hi);
	else
		snprintf(buf, size, "%s %s–%s", field, lo, hi);
}

/* The tornado: label, NPV at the low end, a bar around the point NPV, NPV
 * at the high end.  Returns the entries drawn. */
static int draw_tornado(struct app *a, struct uncertainty_state *st, int y, int x, int w, int rows,
			const struct unc_subject *u, double point, bool portfolio)
{
	if (rows <= 0)
		return 0;
	if (u->tornado_count == 0) {
		draw_text(a, y, x, w, a->attrs[ROLE_DIM],
			  _("Ingen spenn: skriv lav og høy for suksessrate, dødvekt, avtaking eller kostnad i Tiltak (2)"));
		return 0;
	}
	int n = (int)u->tornado_count;
	if (st->top > n - rows)
		st->top = n - rows;
	if (st->top < 0)
		st->top = 0;
	int num_w = w >= 70 ? 12 : 10;
	int label_w = w - 2 * num_w - 2 - (w >= 70 ? 16 : 10);
	if (label_w < 12)
		label_w = 12;
	int bar_x = x + label_w + num_w + 1, bar_w = w - label_w - 2 * num_w - 2;
	double reach = 0;
	for (int i = st->top; i < n && i - st->top < rows; i++) {
		const struct tornado_entry *e = &u->tornado[i];
		reach = fmax(reach, fmax(fabs(e->npv_low[UNC_TOTAL] - point),
					 fabs(e->npv_high[UNC_TOTAL] - point)));
	}
	int drawn = 0;
	for (int i = st->top; i < n && drawn < rows; i++, drawn++) {
		const struct tornado_entry *e = &u->tornado[i];
		char label[300], lo[32], hi[32];
		entry_label(a, e, portfolio, label, sizeof label);
		draw_text(a, y + drawn, x, label_w - 1, a->attrs[ROLE_LABEL], label);
		format_money(a, e->npv_low[UNC_TOTAL], lo, sizeof lo);
		format_money(a, e->npv_high[UNC_TOTAL], hi, sizeof hi);
		draw_text_right(a, y + drawn, x + label_w, num_w, a->attrs[ROLE_NORMAL], lo);
		draw_text_right(a, y + drawn, bar_x + bar_w + 1, num_w, a->attrs[ROLE_NORMAL], hi);
		if (bar_w < 3 || reach <= 0)
			continue;
		int mid = bar_w / 2;
		for (int side = 0; side < 2; side++) {
			double v = side == 0 ? e->npv_low[UNC_TOTAL] : e->npv_high[UNC_TOTAL];
			int len = (int)lround(fabs(v - point) / reach * (bar_w / 2));
			int from = v < point ? mid - len : mid, to = v < point ? mid : mid + len;
			attr_t at = a->attrs[v < point ? ROLE_NEGATIVE : ROLE_POSITIVE];
			for (int c = from; c < to && c < bar_w; c++)
				draw_text(a, y + drawn, bar_x + c, 1, at, a->ascii ? "=" : "█");
		}
		draw_text(a, y + drawn, bar_x + mid, 1, a->attrs[ROLE_DIM], a->ascii ? "|" : "│");
	}
	return drawn;
}

static int switching_count(const struct switching_values *sv)
{
	int n = 0;
	for (int i = 0; i <= UNC_PROFILE; i++)
		n += sv->has[i];
	return n > 0 ? n : 1; /* "Ingen brytningsverdi" */
}

/* "Går i null ved suksessrate 2 %": one line per input with a value. */
static int draw_switching(struct app *a, int y, int x, int w, int rows, int mi,
			  const struct unc_subject *u)
{
	const struct measure *m = &a->wb->measures[mi];
	const struct switching_values *sv = &u->switching;
	char v[32], now[32], line[300];
	int used = 0;
	if (used < rows && sv->has[RANGE_SUCCESS_RATE]) {
		percent_format(v, sizeof v, sv->value[RANGE_SUCCESS_RATE], 1, app_thousands(a));
		percent_format(now, sizeof now, m->success_rate, 1, app_thousands(a));
		snprintf(line, sizeof line, _("Går i null ved suksessrate %s (nå %s)"), v, now);
		draw_text(a, y + used++, x, w, a->attrs[ROLE_NORMAL], line);
	}
	if (used < rows && sv->has[RANGE_COST_PER_PARTICIPANT]) {
		format_money(a, sv->value[RANGE_COST_PER_PARTICIPANT], v, sizeof v);
		format_money(a, m->cost_per_participant, now, sizeof now);
		snprintf(line, sizeof line, _("Går i null ved kostnad per deltaker %s kr (nå %s kr)"), v,
			 now);
		draw_text(a, y + used++, x, w, a->attrs[ROLE_NORMAL], line);
	}
	if (used < rows && sv->has[RANGE_DEADWEIGHT]) {
		percent_format(v, sizeof v, sv->value[RANGE_DEADWEIGHT], 1, app_thousands(a));
		percent_format(now, sizeof now, m->deadweight, 1, app_thousands(a));
		snprintf(line, sizeof line, _("Går i null ved dødvekt %s (nå %s)"), v, now);
		draw_text(a, y + used++, x, w, a->attrs[ROLE_NORMAL], line);
	}
	if (used < rows && sv->has[UNC_PROFILE]) {
		percent_format(v, sizeof v, sv->value[UNC_PROFILE], 0, app_thousands(a));
		snprintf(line, sizeof line,
			 _("Går i null når målgruppens kostnader er %s av anslagene"), v);
		draw_text(a, y + used++, x, w, a->attrs[ROLE_NORMAL], line);
	}
	if (used == 0 && rows > 0)
		draw_text(a, y + used++, x, w, a->attrs[ROLE_DIM],
			  _("Ingen brytningsverdi: ingen av inndataene gir null innenfor det tillatte"));
	return used;
}

static void view_draw(struct app *a, void *state, const struct rect *body)
{
	struct uncertainty_state *st = state;
	char title[300], line[400];
	int mi;
	const struct unc_subject *u = subject(a, st, &mi, title, sizeof title);
	snprintf(line, sizeof line, "%s %s %s", a->ascii ? "<" : "◀", title, a->ascii ? ">" : "▶");
	draw_hline(a, body->y, body->x, body->w, line);
	int y = body->y + 1, end = body->y + body->h;
	if (!shows(a, st, u, mi)) {
		draw_status(a, y, body->x, body->w, u);
		draw_text(a, y + 1, body->x, body->w, a->attrs[ROLE_DIM],
			  _("Simulerer … resultatet kommer om et øyeblikk"));
		return;
	}
	bool wide = body->w >= WIDE;
	/* The left column needs 56 for the longest chance sentence; the rest
	 * goes to the tornado, whose labels name measures and groups. */
	int lw = wide ? (body->w * 2 / 5 > 56 ? body->w * 2 / 5 : 56) : body->w;
	int rx = wide ? body->x + lw + 2 : body->x, rw = wide ? body->w - lw - 2 : body->w;
	draw_status(a, y++, body->x, lw, u);
	draw_percentiles(a, y++, body->x, lw, &u->summary.line[UNC_TOTAL]);
	y += draw_chances(a, y, body->x, lw, end - y, &u->summary, st->portfolio);
	/* Below: the histogram, the switching values (a measure's) and the
	 * tornado.  One column: the switching values and up to five tornado
	 * entries first, the histogram what is left (4–12 rows). */
	int switch_rows = st->portfolio ? 0 : 1 + switching_count(&u->switching);
	int tornado_rows = 1 + (u->tornado_count < 5 ? (u->tornado_count > 0 ? (int)u->tornado_count : 1) : 5);
	int hist_rows = wide ? end - y : end - y - switch_rows - tornado_rows;
	if (!wide && hist_rows < 4)
		hist_rows = end - y - switch_rows >= 6 ? 4 : 0;
	if (hist_rows > 13)
		hist_rows = 13;
	if (hist_rows >= 4) {
		draw_hline(a, y, body->x, lw, _("Fordeling av netto nåverdi"));
		draw_histogram(a, y + 1, body->x, lw, hist_rows - 1, u);
		y += hist_rows;
	}
	int ry = wide ? body->y + 1 : y;
	if (!st->portfolio && end - ry >= 2) {
		draw_hline(a, ry, rx, rw, _("Brytningsverdier"));
		ry += 1 + draw_switching(a, ry + 1, rx, rw, end - ry - 1, mi, u);
	}
	if (end - ry >= 2) {
		draw_hline(a, ry, rx, rw, _("Tornado: NNV når én inndata går fra lav til høy"));
		double point = st->portfolio ? a->proj->portfolio.npv : a->proj->measures[mi].npv;
		draw_tornado(a, st, ry + 1, rx, rw, end - ry - 1, u, point, st->portfolio);
	}
}

static bool view_key(struct app *a, void *state, enum action act)
{
	struct uncertainty_state *st = state;
	int n = (int)a->wb->measure_count, mi = app_measure_index(a);
	switch (act) {
	case ACTION_LEFT:
	case ACTION_RIGHT: {
		/* The portfolio, then each measure, round. */
		int at = st->portfolio || mi < 0 ? -1 : mi;
		at += act == ACTION_RIGHT ? 1 : -1;
		if (at >= n)
			at = -1;
		if (at < -1)
			at = n - 1;
		st->portfolio = at < 0;
		if (at >= 0)
			app_set_subject(a, at);
		st->top = 0;
		return true;
	}
	case ACTION_UP: st->top--; return true;
	case ACTION_DOWN: st->top++; return true;
	case ACTION_HOME: st->top = 0; return true;
	default: return false;
	}
}

static void view_init(struct app *a, void *state)
{
	(void)a;
	struct uncertainty_state *st = state;
	st->portfolio = true;
}

static const char *view_hints(const struct app *a, const void *state)
{
	(void)a;
	(void)state;
	return _("{left}{right}:portefølje/tiltak  {up}{down}:bla i tornadoen  {help}:hjelp  {quit}:avslutt");
}

const struct view view_uncertainty = {
	.title = N_("Usikkerhet"),
	.short_title = N_("Usikk."),
	.action = ACTION_VIEW_UNCERTAINTY,
	.state_size = sizeof(struct uncertainty_state),
	.init = view_init,
	.draw = view_draw,
	.key = view_key,
	.hints = view_hints,
};
