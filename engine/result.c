/*
 * result.c: totals, flows and break-even years derived from yearly rows
 * (see result.h).
 *
 * Must never: do I/O or allocate.
 */
#include "engine/result.h"

void result_derive(struct result *r)
{
	struct result_totals tot = {.last_negative = -1, .last_negative_d = -1};
	double cum = 0.0, cum_d = 0.0;
	int n = r->year_count;

	for (int t = 0; t < n; t++) {
		struct year_row *row = &r->years[t];
		double cost = 0.0, saving = 0.0;
		for (int b = 0; b < BEARER_COUNT; b++) {
			cost += row->cost[b];
			saving += row->saving[b];
			tot.pv_cost[b] += row->df * row->cost[b];
			tot.pv_saving[b] += row->df * row->saving[b];
		}
		row->net = saving - cost;
		cum += row->net;
		cum_d += row->df * row->net;
		row->cum_net = cum;
		row->cum_net_discounted = cum_d;
		if (cum < 0.0)
			tot.last_negative = t;
		if (cum_d < 0.0)
			tot.last_negative_d = t;
	}
	result_finish(r, &tot);
}

void result_finish(struct result *r, const struct result_totals *tot)
{
	int n = r->year_count;
	r->pv_cost = 0.0;
	r->pv_saving = 0.0;
	for (int b = 0; b < BEARER_COUNT; b++) {
		r->by_bearer[b].pv_cost = tot->pv_cost[b];
		r->by_bearer[b].pv_saving = tot->pv_saving[b];
		r->by_bearer[b].npv = tot->pv_saving[b] - tot->pv_cost[b];
		r->pv_cost += tot->pv_cost[b];
		r->pv_saving += tot->pv_saving[b];
	}
	r->npv = r->pv_saving - r->pv_cost;

	r->has_bcr = r->pv_cost != 0.0;
	r->bcr = r->has_bcr ? r->pv_saving / r->pv_cost : 0.0;
	r->has_flows = r->has_bcr;
	for (int payer = 0; payer < BEARER_COUNT; payer++)
		for (int b = 0; b < BEARER_COUNT; b++)
			r->flows[payer][b] = r->has_flows
						     ? tot->pv_saving[b] * tot->pv_cost[payer] / r->pv_cost
						     : 0.0;

	/* Break-even is the year after the last negative cumulative net: the
	 * first from which the series stays ≥ 0. */
	r->has_break_even_year = tot->last_negative_d + 1 < n;
	r->break_even_year =
		r->has_break_even_year ? r->years[tot->last_negative_d + 1].year : 0;
	r->has_break_even_year_undiscounted = tot->last_negative + 1 < n;
	r->break_even_year_undiscounted =
		r->has_break_even_year_undiscounted ? r->years[tot->last_negative + 1].year : 0;
}
