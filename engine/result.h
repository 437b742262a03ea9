/*
 * result.h: deriving a result's totals from its yearly rows.  Shared by
 * the per-measure projection and the portfolio, so both follow the same
 * definitions of PV, NPV, BCR, flows and break-even.
 *
 * Must never: do I/O or allocate.
 */
#ifndef UTENFOR_ENGINE_RESULT_H
#define UTENFOR_ENGINE_RESULT_H

#include "engine/projection.h"

/*
 * From years[0..year_count-1] and df, the result's PV totals per bearer, NPV, BCR,
 * flows and both break-even years (never before the first year whose
 * total cost is > 0).  Leaves npv_per_participant and the
 * break-even success rate alone (they are measure-specific).  O(year_count).
 */
void result_derive(struct result *r);

/*
 * The totals a pass over the rows gathers; result_finish() turns them into
 * the result's fields.  measure_project() fills rows and gathers in one
 * pass (a second pass over 100 rows per measure was a third of a full
 * recompute); result_derive() is the same two steps for ready-made rows.
 */
struct result_totals {
	double pv_cost[BEARER_COUNT];
	double pv_saving[BEARER_COUNT];
	int last_negative;   /* last t with cum_net < 0, or -1 */
	int last_negative_d; /* last t with cum_net_discounted < 0, or -1 */
	int first_cost;      /* first t with a cost > 0, or -1 */
};

void result_finish(struct result *r, const struct result_totals *tot);

/* npv_society from the three PVs already in `s` and r's pv_cost and npv. */
void society_finish(struct society_result *s, const struct result *r, double tax_cost);

#endif
