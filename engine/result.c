/*
 * result.c: totals, flows and break-even years derived from yearly rows
 * (see result.h), and the readers of a result's sector arrays.
 *
 * Must never: do I/O or allocate.
 */
#include "engine/result.h"

#include <string.h>

double year_flows_net(const struct year_flows *y)
{
	double cost = 0.0, saving = 0.0;
	for (int b = 0; b < BEARER_COUNT; b++) {
		cost += y->cost[b];
		saving += y->saving[b];
	}
	return saving - cost;
}

void year_cursor_start(struct year_cursor *c, const struct result *r)
{
	c->r = r;
	c->t = 0;
	c->cum = 0.0;
	c->cum_d = 0.0;
}

bool year_cursor_next(struct year_cursor *c, struct year_row *out)
{
	const struct result *r = c->r;
	if (c->t >= r->year_count)
		return false;
	const int t = c->t++;
	const struct year_flows *y = &r->years[t];
	const double f = r->df[t];
	const double net = year_flows_net(y);
	c->cum += net;
	c->cum_d += f * net;
	out->year = r->first_year + t;
	out->df = f;
	memcpy(out->cost, y->cost, sizeof out->cost);
	memcpy(out->saving, y->saving, sizeof out->saving);
	out->net = net;
	out->cum_net = c->cum;
	out->cum_net_discounted = c->cum_d;
	return true;
}

void result_year(const struct result *r, int t, struct year_row *out)
{
	struct year_cursor c;
	year_cursor_start(&c, r);
	while (c.t <= t && year_cursor_next(&c, out))
		;
}

void result_years(const struct result *r, struct year_row *out)
{
	struct year_cursor c;
	year_cursor_start(&c, r);
	for (int t = 0; year_cursor_next(&c, &out[t]); t++)
		;
}

void result_derive(struct result *r)
{
	struct result_totals tot = {.last_negative = -1, .last_negative_d = -1, .first_cost = -1};
	double cum = 0.0, cum_d = 0.0;
	int n = r->year_count;

	for (int t = 0; t < n; t++) {
		const struct year_flows *row = &r->years[t];
		const double f = r->df[t];
		double cost = 0.0;
		for (int b = 0; b < BEARER_COUNT; b++) {
			cost += row->cost[b];
			tot.pv_cost[b] += f * row->cost[b];
			tot.pv_saving[b] += f * row->saving[b];
		}
		if (cost > 0.0 && tot.first_cost < 0)
			tot.first_cost = t;
		double net = year_flows_net(row);
		cum += net;
		cum_d += f * net;
		if (cum < 0.0)
			tot.last_negative = t;
		if (cum_d < 0.0)
			tot.last_negative_d = t;
	}
	result_finish(r, &tot);
}

/* The first t ≥ first_cost from which the series stays ≥ 0, or -1. */
static int break_even_t(int first_cost, int last_negative, int n)
{
	if (first_cost < 0)
		return -1;
	int t = last_negative + 1 > first_cost ? last_negative + 1 : first_cost;
	return t < n ? t : -1;
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

	int d = break_even_t(tot->first_cost, tot->last_negative_d, n);
	r->has_break_even_year = d >= 0;
	r->break_even_year = d >= 0 ? r->first_year + d : 0;
	int u = break_even_t(tot->first_cost, tot->last_negative, n);
	r->has_break_even_year_undiscounted = u >= 0;
	r->break_even_year_undiscounted = u >= 0 ? r->first_year + u : 0;
}

void society_finish(struct society_result *s, const struct result *r, double tax_cost)
{
	s->npv_society = s->pv_services + s->pv_production + s->pv_welfare - r->pv_cost +
			 tax_cost * r->npv;
}

double result_sector_flow(const struct result *r, size_t payer, size_t x)
{
	size_t n = r->sector_count;
	if (!r->has_flows || r->by_sector == NULL || payer >= n || x >= n)
		return 0.0;
	if (r->sector_flows != NULL)
		return r->sector_flows[payer * n + x];
	/* The same operations, in the same order, as the portfolio's sums. */
	return r->by_sector[x].pv_saving * (r->by_sector[payer].pv_cost / r->pv_cost);
}

static bool plan_cell(const struct result *r, int row, size_t x)
{
	return r->plan_cost != NULL && row >= 0 && row < r->plan_count && x < r->sector_count;
}

double result_plan_cost(const struct result *r, int row, size_t x)
{
	return plan_cell(r, row, x) ? r->plan_cost[(size_t)row * r->sector_count + x] : 0.0;
}

double result_plan_saving(const struct result *r, int row, size_t x)
{
	return plan_cell(r, row, x) ? r->plan_saving[(size_t)row * r->sector_count + x] : 0.0;
}

double result_plan_net(const struct result *r, int row, size_t x)
{
	return result_plan_saving(r, row, x) - result_plan_cost(r, row, x);
}

double result_plan_net_total(const struct result *r, int row)
{
	double sum = 0.0;
	for (size_t x = 0; x < r->sector_count; x++)
		sum += result_plan_net(r, row, x);
	return sum;
}
