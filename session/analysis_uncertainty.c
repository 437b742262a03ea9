/*
 * analysis_uncertainty.c: the Monte Carlo simulation, tornado and
 * switching values (engine/uncertainty.h) as an analysis, so the
 * interface shows them live.
 *
 * Two runs, stepped in this order: the focus measure alone (the measure
 * being looked at or typed in: 10 000 draws of one measure take a few
 * milliseconds, so it follows the typing) and then the whole portfolio,
 * which at 1 000 measures takes a few hundred milliseconds and so runs in
 * slices between keystrokes.  Any change restarts the runs; the last
 * finished result stays on screen until the new one is done.
 *
 * A run's results are bit for bit those of `utenfor calc --json` with the
 * same draws and seed: slicing never changes a draw (uncertainty_mc.c).
 */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "session/internal.h"

/* Draws between two looks at the clock: a portfolio draw costs about
 * 50 µs at 1 000 measures, a measure's well under one. */
#define MEASURE_CHUNK 64
#define PORTFOLIO_CHUNK 4

/* Portfolio tornado measures between two looks at the clock: each costs
 * O(measures), about 15 µs at 10 000. */
#define TORNADO_CHUNK 8
/* Measures prepared between two looks at the clock: about 0,6 µs each. */
#define PREPARE_CHUNK 256

struct runner {
	struct mc_run run;
	bool running;   /* begun, not finished */
	bool preparing; /* begun, its model not yet prepared (mc_begin_step()) */
	bool stale;   /* the workbook changed since the last begin */
	long measure; /* the run's measure, −1 for the portfolio */
	/* The portfolio's tornado, computed after its draws in steps of its
	 * own into a second buffer, so the one on screen stays whole. */
	bool tornado;
	struct tornado_cursor cursor;
};

struct uncertainty {
	struct runner m, p;
	struct uncertainty_result res;
	struct tornado_entry measure_tornado[TORNADO_MEASURE_MAX];
	struct tornado_entry *portfolio_tornado; /* shown */
	size_t portfolio_tornado_cap;
	struct tornado_entry *tornado_work; /* being computed */
	size_t tornado_work_cap;
	int64_t *ids;
	double *chance;
	size_t chance_cap;
};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void *create(const struct session *s)
{
	(void)s;
	struct uncertainty *u = calloc(1, sizeof *u);
	if (u == NULL)
		return NULL;
	mc_init(&u->m.run);
	mc_init(&u->p.run);
	u->m.stale = u->p.stale = true;
	u->res.measure.tornado = u->measure_tornado;
	return u;
}

static void destroy(void *self)
{
	struct uncertainty *u = self;
	mc_free(&u->m.run);
	mc_free(&u->p.run);
	free(u->portfolio_tornado);
	free(u->tornado_work);
	free(u->ids);
	free(u->chance);
	free(u);
}

static void invalidate(void *self, const struct session *s, unsigned changes, struct row_key row)
{
	(void)s;
	(void)row;
	struct uncertainty *u = self;
	u->m.stale = true;
	u->res.measure.current = false;
	if (changes != SC_FOCUS) {
		u->p.stale = true;
		u->res.portfolio.current = false;
	}
}

static double swing(const struct tornado_entry *e)
{
	return fabs(e->npv_high[UNC_TOTAL] - e->npv_low[UNC_TOTAL]);
}

/* Largest swing first; equal swings keep the engine's order (measure,
 * then field, profiles last), so the order is the same on every run. */
static int by_swing(const void *pa, const void *pb)
{
	const struct tornado_entry *a = pa, *b = pb;
	double sa = swing(a), sb = swing(b);
	if (sa != sb)
		return sa > sb ? -1 : 1;
	long ka = a->measure >= 0 ? a->measure : LONG_MAX - 1 - a->group;
	long kb = b->measure >= 0 ? b->measure : LONG_MAX - 1 - b->group;
	if (ka != kb)
		return ka < kb ? -1 : 1;
	return (a->input > b->input) - (a->input < b->input);
}

static void histogram(struct unc_histogram *h, const double *v, long n)
{
	memset(h, 0, sizeof *h);
	if (v == NULL || n < 1)
		return;
	h->min = h->max = v[0];
	for (long i = 1; i < n; i++) {
		if (v[i] < h->min)
			h->min = v[i];
		if (v[i] > h->max)
			h->max = v[i];
	}
	double width = h->max - h->min;
	for (long i = 0; i < n; i++) {
		int b = width > 0 ? (int)((v[i] - h->min) / width * UNC_HIST_BINS) : UNC_HIST_BINS / 2;
		h->count[b < UNC_HIST_BINS ? b : UNC_HIST_BINS - 1]++;
	}
}

static int grow(void **array, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap && *array != NULL)
		return 0;
	void *grown = realloc(*array, (need > 0 ? need : 1) * size);
	if (grown == NULL)
		return -1;
	*array = grown;
	*cap = need > 0 ? need : 1;
	return 0;
}

static void finish_measure(struct uncertainty *u, const struct session *s)
{
	struct mc_run *run = &u->m.run;
	struct unc_subject *out = &u->res.measure;
	const struct workbook *wb = session_workbook(s);
	size_t m = (size_t)u->m.measure;
	mc_finish(run);
	out->summary = run->measure_summaries[m];
	histogram(&out->hist, mc_draws(run, (long)m, UNC_TOTAL), run->done);
	out->tornado_count = tornado_measure(&run->model, m, u->measure_tornado);
	qsort(u->measure_tornado, out->tornado_count, sizeof *u->measure_tornado, by_swing);
	memset(&out->switching, 0, sizeof out->switching);
	const struct projection *p = session_result(s, &analysis_portfolio, NULL);
	if (p != NULL && p->measure_count == wb->measure_count)
		switching_values(&wb->measures[m], &p->measures[m], &out->switching);
	out->measure_id = wb->measures[m].row.id;
	out->ready = out->current = true;
}

static void finish_portfolio(struct uncertainty *u, const struct session *s)
{
	struct mc_run *run = &u->p.run;
	struct unc_subject *out = &u->res.portfolio;
	const struct workbook *wb = session_workbook(s);
	mc_finish(run);
	out->summary = run->portfolio_summary;
	histogram(&out->hist, mc_draws(run, -1, UNC_TOTAL), run->done);
	size_t chance_cap = u->chance_cap;
	if (u->tornado_work == NULL ||
	    grow((void **)&u->ids, &u->chance_cap, wb->measure_count, sizeof *u->ids) < 0 ||
	    grow((void **)&u->chance, &chance_cap, wb->measure_count, sizeof *u->chance) < 0) {
		/* Out of memory: keep the summary, go without the rest. */
		out->tornado_count = 0;
		u->res.chance_count = 0;
	} else {
		/* The finished tornado goes on screen, the old buffer is the
		 * next one's work. */
		struct tornado_entry *shown = u->tornado_work;
		size_t shown_cap = u->tornado_work_cap;
		u->tornado_work = u->portfolio_tornado;
		u->tornado_work_cap = u->portfolio_tornado_cap;
		u->portfolio_tornado = shown;
		u->portfolio_tornado_cap = shown_cap;
		out->tornado = u->portfolio_tornado;
		out->tornado_count = u->p.cursor.count;
		qsort(u->portfolio_tornado, out->tornado_count, sizeof *u->portfolio_tornado,
		      by_swing);
		for (size_t i = 0; i < wb->measure_count; i++) {
			u->ids[i] = wb->measures[i].row.id;
			u->chance[i] = run->measure_summaries[i].line[UNC_TOTAL].prob_positive;
		}
		u->res.chance_count = wb->measure_count;
		u->res.chance_ids = u->ids;
		u->res.chance = u->chance;
	}
	out->ready = out->current = true;
}

/* The portfolio's tornado after its draws, until `deadline`; true when
 * done (or left out for want of memory: finish_portfolio() sees NULL). */
static bool advance_tornado(struct uncertainty *u, struct runner *r, double deadline)
{
	if (!r->tornado) {
		r->tornado = true;
		tornado_portfolio_begin(&r->cursor);
		size_t max = tornado_portfolio_max(&r->run.model);
		if (grow((void **)&u->tornado_work, &u->tornado_work_cap, max,
			 sizeof *u->tornado_work) < 0) {
			free(u->tornado_work);
			u->tornado_work = NULL;
			u->tornado_work_cap = 0;
			return true;
		}
	}
	if (u->tornado_work == NULL)
		return true;
	while (!tornado_portfolio_step(&r->run.model, u->tornado_work, &r->cursor, TORNADO_CHUNK))
		if (now_ms() >= deadline)
			return false;
	return true;
}

/*
 * Begin (when stale) and advance one run until `deadline`; true when its
 * result is current.  A measure run with no focus measure is current with
 * no result.
 */
static bool advance(struct uncertainty *u, struct runner *r, struct unc_subject *out,
		    const struct session *s, double deadline)
{
	const struct workbook *wb = session_workbook(s);
	bool portfolio = r == &u->p;
	if (r->stale) {
		r->stale = false;
		r->running = false;
		r->preparing = false;
		r->tornado = false;
		r->measure = -1;
		if (!portfolio) {
			long i = session_index(s, s->focus, NULL);
			if (s->focus.kind != ROW_MEASURE || i < 0) {
				out->ready = false;
				out->current = true;
				return true;
			}
			r->measure = i;
		}
		struct mc_options opt = {.draws = wb->params.uncertainty.draws,
					 .seed = wb->params.uncertainty.seed,
					 .only_measure = r->measure};
		if (mc_begin_start(&r->run, wb, &opt) < 0) {
			out->ready = false;
			out->current = true; /* nothing better will come until a change */
			return true;
		}
		r->running = true;
		r->preparing = true;
		out->draws = r->run.opt.draws;
		out->done = 0;
	}
	if (!r->running)
		return true;
	while (r->preparing) {
		int rc = mc_begin_step(&r->run, wb, PREPARE_CHUNK);
		if (rc < 0) {
			r->running = r->preparing = false;
			out->ready = false;
			out->current = true;
			return true;
		}
		r->preparing = rc == 0;
		if (r->preparing && now_ms() >= deadline)
			return false;
	}
	long chunk = portfolio ? PORTFOLIO_CHUNK : MEASURE_CHUNK;
	while (!mc_done(&r->run)) {
		out->done = mc_step(&r->run, chunk);
		if (now_ms() >= deadline && !mc_done(&r->run))
			return false;
	}
	if (portfolio && !advance_tornado(u, r, deadline))
		return false;
	r->running = false;
	if (portfolio)
		finish_portfolio(u, s);
	else
		finish_measure(u, s);
	return true;
}

static bool step(void *self, const struct session *s, double budget_ms)
{
	struct uncertainty *u = self;
	double deadline = now_ms() + budget_ms;
	if (!advance(u, &u->m, &u->res.measure, s, deadline))
		return false;
	if (now_ms() >= deadline && (u->p.stale || u->p.running))
		return false;
	return advance(u, &u->p, &u->res.portfolio, s, deadline);
}

static const void *result(const void *self)
{
	const struct uncertainty *u = self;
	return &u->res;
}

const struct analysis_class analysis_uncertainty = {
	"uncertainty",
	SC_PARAMS | SC_GROUPS | SC_ITEMS | SC_MEASURES | SC_RELOADED | SC_FOCUS,
	create,
	destroy,
	invalidate,
	step,
	result,
};

void session_set_focus(struct session *s, struct row_key measure)
{
	if (s->focus.kind == measure.kind && s->focus.id == measure.id)
		return;
	s->focus = measure;
	session_changed(s, SC_FOCUS, measure);
}

double uncertainty_chance(const struct uncertainty_result *r, const struct workbook *wb, size_t i)
{
	if (r == NULL || i >= wb->measure_count)
		return -1;
	int64_t id = wb->measures[i].row.id;
	if (i < r->chance_count && r->chance_ids[i] == id)
		return r->chance[i];
	for (size_t k = 0; k < r->chance_count; k++)
		if (r->chance_ids[k] == id)
			return r->chance[k];
	return -1;
}
