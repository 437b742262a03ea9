/*
 * uncertainty_results.c: every uncertainty result of a workbook in one
 * struct, for the batch consumers (calc --json, reports); the interface
 * runs the parts itself, in slices.
 *
 * Must never: do I/O; allocates only in unc_results_compute().
 */
#include "engine/uncertainty.h"

#include <stdlib.h>
#include <string.h>

void unc_results_init(struct unc_results *r)
{
	memset(r, 0, sizeof *r);
	unc_model_init(&r->model);
}

void unc_results_free(struct unc_results *r)
{
	unc_model_free(&r->model);
	free(r->portfolio_tornado);
	free(r->measure_tornado);
	free(r->measure_tornado_count);
	free(r->switching);
	free(r->measure_mc);
	unc_results_init(r);
}

int unc_results_compute(struct unc_results *r, const struct workbook *wb,
			const struct projection *p, long draws, uint64_t seed)
{
	unc_results_free(r);
	size_t m = wb->measure_count;
	size_t n = m > 0 ? m : 1;
	r->measure_mc = calloc(n, sizeof *r->measure_mc);
	/* The simulation first: it prepares and frees its own model, so the
	 * two models are never held at once (calc's peak at 10 000 measures). */
	if (r->measure_mc == NULL ||
	    mc_run_all(wb, draws, seed, UNC_RESULTS_MEMORY_LIMIT, &r->portfolio_mc,
		       r->measure_mc) < 0 || unc_model_prepare(&r->model, wb) < 0) {
		unc_results_free(r);
		return -1;
	}
	r->portfolio_tornado = malloc((tornado_portfolio_max(&r->model) + 1) *
				      sizeof *r->portfolio_tornado);
	r->measure_tornado = malloc(n * TORNADO_MEASURE_MAX * sizeof *r->measure_tornado);
	r->measure_tornado_count = calloc(n, sizeof *r->measure_tornado_count);
	r->switching = calloc(n, sizeof *r->switching);
	if (r->portfolio_tornado == NULL || r->measure_tornado == NULL ||
	    r->measure_tornado_count == NULL || r->switching == NULL) {
		unc_results_free(r);
		return -1;
	}
	r->measure_count = m;
	r->portfolio_tornado_count = tornado_portfolio(&r->model, r->portfolio_tornado);
	for (size_t i = 0; i < m; i++) {
		r->measure_tornado_count[i] =
			tornado_measure(&r->model, i, &r->measure_tornado[i * TORNADO_MEASURE_MAX]);
		/* A streaming projection (calc --json) re-projects measure i. */
		if (p->streaming || i < p->measure_count)
			switching_values(&wb->measures[i], projection_measure_result(p, wb, i),
					 &r->switching[i]);
	}
	return 0;
}
