/*
 * analysis_portfolio.c: the portfolio projection as an analysis.  A draft
 * in one measure or group patches just that (projection_update_measure /
 * _group: no allocation, so typing stays under a millisecond at 1 000
 * measures); parameters and reloads change everything and are recomputed
 * in the next step.
 */
#include "config.h"

#include <stdlib.h>

#include "session/internal.h"

struct portfolio {
	struct projection proj;
	bool stale;  /* needs a full projection_compute() */
	bool failed; /* the last compute ran out of memory: no result */
};

static void *create(const struct session *s)
{
	(void)s;
	struct portfolio *p = calloc(1, sizeof *p);
	if (p == NULL)
		return NULL;
	projection_init(&p->proj);
	p->stale = true;
	p->failed = true;
	return p;
}

static void destroy(void *self)
{
	struct portfolio *p = self;
	projection_free(&p->proj);
	free(p);
}

static void invalidate(void *self, const struct session *s, unsigned changes, struct row_key row)
{
	struct portfolio *p = self;
	const struct workbook *wb = session_workbook(s);
	/* A patch is only safe on a projection that matches the workbook's
	 * shape; anything else waits for the step's full recompute. */
	bool shaped = !p->stale && !p->failed && p->proj.measure_count == wb->measure_count &&
		      p->proj.profile_count == wb->group_count;
	if (shaped && !(changes & (SC_RELOADED | SC_PARAMS))) {
		long g;
		long i = session_index(s, row, &g);
		if (row.kind == ROW_MEASURE && i >= 0) {
			projection_update_measure(&p->proj, wb, (size_t)i);
			return;
		}
		if (row.kind == ROW_GROUP && i >= 0) {
			projection_update_group(&p->proj, wb, (size_t)i);
			return;
		}
		if (row.kind == ROW_ITEM && g >= 0) {
			projection_update_group(&p->proj, wb, (size_t)g);
			return;
		}
	}
	p->stale = true;
}

static bool step(void *self, const struct session *s, double budget_ms)
{
	(void)budget_ms; /* a full recompute is ~1 ms at 1 000 measures */
	struct portfolio *p = self;
	if (p->stale) {
		p->failed = projection_compute(&p->proj, session_workbook(s)) != 0;
		p->stale = p->failed;
	}
	return !p->stale;
}

static const void *result(const void *self)
{
	const struct portfolio *p = self;
	return p->failed ? NULL : &p->proj;
}

const struct analysis_class analysis_portfolio = {
	"portfolio",
	SC_PARAMS | SC_GROUPS | SC_ITEMS | SC_MEASURES | SC_RELOADED,
	create,
	destroy,
	invalidate,
	step,
	result,
};
