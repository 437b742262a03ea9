/*
 * analysis_estimate.c: the quick estimate's result as an analysis: the
 * measure its inputs stand for (estimate.c), projected on every change so
 * the form's result follows the typing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/discount.h"
#include "i18n/i18n.h"
#include "session/internal.h"
#include "session/text.h"

struct estimate {
	struct estimate_result r;
};

static void invalidate(void *self, const struct session *s, unsigned changes, struct row_key row);

static void *create(const struct session *s)
{
	struct estimate *e = calloc(1, sizeof *e);
	if (e != NULL)
		invalidate(e, s, 0, (struct row_key){ROW_ESTIMATE, 0});
	return e;
}

static void destroy(void *self)
{
	free(self);
}

static void invalidate(void *self, const struct session *s, unsigned changes, struct row_key row)
{
	/* One measure: recomputing it is cheaper than remembering staleness,
	 * and the form shows the result as the user types. */
	(void)changes;
	(void)row;
	struct estimate *e = self;
	struct measure m;
	estimate_measure(s, &m);
	const struct workbook *wb = session_workbook(s);
	long g = workbook_find_group(wb, m.group_id);
	if (g >= 0)
		group_profile_compute(wb, &wb->groups[g], &e->r.profile);
	projection_basis_compute(&e->r.basis, wb);
	e->r.result.years = e->r.years;
	measure_project(&e->r.basis, wb, g >= 0 ? &e->r.profile : NULL, &m, &e->r.result);
}

static bool step(void *self, const struct session *s, double budget_ms)
{
	(void)self;
	(void)s;
	(void)budget_ms;
	return true;
}

static const void *result(const void *self)
{
	return &((const struct estimate *)self)->r;
}

const struct analysis_class analysis_estimate = {
	"estimate",
	SC_PARAMS | SC_GROUPS | SC_ITEMS | SC_RELOADED | SC_ESTIMATE,
	create,
	destroy,
	invalidate,
	step,
	result,
};
