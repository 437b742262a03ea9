/*
 * json_write.c: the interchange document of a workbook (version 2) and the results
 * document of `utenfor calc --json`, with exactly the field names and order
 * of doc/interchange.md.
 *
 * Reals are written with 17 significant digits so that reading a written
 * document gives back the same doubles; whole numbers are written as JSON
 * integers for readability (both read back identically).  An "empty" value
 * of the model (has_* false, effect_years 0) is JSON null.
 *
 * Must never: print, call ncurses or SQLite, round a number.
 */
#include "interchange/json.h"
#include "interchange/json_uncertainty.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#define DUMP_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17))

/* 2^53: past this not every integer is a double, so keep it a real. */
#define EXACT_INTEGER_LIMIT 9007199254740992.0

/*
 * Building state: one flag for "some allocation failed", so the builders
 * read as the document they produce and the check happens once at the end.
 */
struct builder {
	bool ok;
};

/* Takes ownership of `value` (may be NULL after a failed allocation). */
static void put(struct builder *b, json_t *obj, const char *key, json_t *value)
{
	if (value == NULL || json_object_set_new(obj, key, value) != 0)
		b->ok = false;
}

static void append(struct builder *b, json_t *array, json_t *value)
{
	if (value == NULL || json_array_append_new(array, value) != 0)
		b->ok = false;
}

/* A number as JSON; non-finite values (never produced by a validated
 * workbook) become null rather than invalid JSON. */
static json_t *number(double v)
{
	if (!isfinite(v))
		return json_null();
	if (v == floor(v) && fabs(v) < EXACT_INTEGER_LIMIT)
		return json_integer((json_int_t)v); /* -0.0 becomes 0 here */
	return json_real(v);
}

static json_t *maybe_number(bool has, double v)
{
	return has ? number(v) : json_null();
}

static json_t *maybe_year(bool has, int year)
{
	return has ? json_integer(year) : json_null();
}

/* An empty object, or NULL (and b->ok false) when out of memory; put()
 * and append() accept the NULL. */
static json_t *new_object(struct builder *b)
{
	json_t *o = json_object();
	if (o == NULL)
		b->ok = false;
	return o;
}

static char *dump(struct builder *b, json_t *root)
{
	char *text = NULL;
	if (root != NULL && b->ok)
		text = json_dumps(root, DUMP_FLAGS);
	json_decref(root);
	return text;
}

/* ---- the workbook document ------------------------------------------ */

static json_t *params_object(struct builder *b, const struct workbook_params *p)
{
	json_t *o = json_object();
	json_t *d = json_object();
	if (o == NULL || d == NULL) {
		b->ok = false;
		json_decref(d);
		return o;
	}
	put(b, o, "name", json_string(p->name));
	put(b, o, "municipality", json_string(p->municipality));
	put(b, o, "base_year", json_integer(p->base_year));
	put(b, o, "horizon", json_integer(p->horizon));
	put(b, o, "price_year", json_integer(p->price_year));
	put(b, d, "mode", json_string(discount_mode_key(p->discount.mode)));
	if (p->discount.mode == DISCOUNT_FLAT)
		put(b, d, "rate", number(p->discount.rate));
	put(b, o, "discount", d);
	put(b, o, "g_amount", number(p->g_amount));
	put(b, o, "real_growth", number(p->real_growth));
	json_t *plan = new_object(b);
	put(b, plan, "start_year", json_integer(p->plan.start_year));
	put(b, plan, "years", json_integer(p->plan.years));
	put(b, o, "plan", plan);
	json_t *unc = new_object(b), *spread = new_object(b);
	put(b, unc, "draws", json_integer(p->uncertainty.draws));
	put(b, unc, "seed", json_integer((json_int_t)p->uncertainty.seed));
	for (int c = CONFIDENCE_A; c <= CONFIDENCE_D; c++)
		put(b, spread, confidence_key((enum confidence)c), number(p->uncertainty.spread[c]));
	put(b, unc, "spread", spread);
	put(b, o, "uncertainty", unc);
	json_t *society = new_object(b);
	put(b, society, "tax_cost", number(p->tax_cost));
	put(b, o, "society", society);
	return o;
}

static json_t *sector_object(struct builder *b, const struct sector *sec)
{
	json_t *o = new_object(b);
	put(b, o, "id", json_string(sec->id));
	put(b, o, "name", json_string(sec->name));
	put(b, o, "bearer", json_string(bearer_key(sec->bearer)));
	put(b, o, "kostra", json_string(sec->kostra));
	return o;
}

static json_t *item_object(struct builder *b, const struct cost_item *it)
{
	json_t *o = json_object();
	if (o == NULL) {
		b->ok = false;
		return NULL;
	}
	put(b, o, "name", json_string(it->name));
	put(b, o, "kind", json_string(item_kind_key(it->kind)));
	/* A society item has neither; a budget item's "" sector is written as
	 * the bearer's implicit one, so the document says where it lands. */
	if (item_kind_has_bearer(it->kind)) {
		put(b, o, "bearer", json_string(bearer_key(it->bearer)));
		put(b, o, "sector", json_string(it->sector[0] ? it->sector : bearer_key(it->bearer)));
	}
	put(b, o, "amount", number(it->amount));
	put(b, o, "unit", json_string(unit_key(it->unit)));
	put(b, o, "from_age", json_integer(it->from_age));
	put(b, o, "to_age", json_integer(it->to_age));
	put(b, o, "source", json_string(it->source));
	put(b, o, "confidence", json_string(confidence_key(it->confidence)));
	return o;
}

static json_t *group_object(struct builder *b, const struct target_group *g)
{
	json_t *o = json_object();
	json_t *items = json_array();
	if (o == NULL || items == NULL) {
		b->ok = false;
		json_decref(items);
		return o;
	}
	put(b, o, "id", json_string(g->id));
	put(b, o, "name", json_string(g->name));
	put(b, o, "description", json_string(g->description));
	put(b, o, "entry_age", json_integer(g->entry_age));
	for (size_t i = 0; i < g->item_count; i++)
		append(b, items, item_object(b, &g->items[i]));
	put(b, o, "items", items);
	return o;
}

/* Shares per bearer, in bearer order. */
static json_t *per_bearer(struct builder *b, const double *values)
{
	json_t *o = json_object();
	if (o == NULL) {
		b->ok = false;
		return NULL;
	}
	for (int i = 0; i < BEARER_COUNT; i++)
		put(b, o, bearer_key((enum bearer)i), number(values[i]));
	return o;
}

static json_t *measure_object(struct builder *b, const struct measure *m)
{
	json_t *o = json_object();
	if (o == NULL) {
		b->ok = false;
		return NULL;
	}
	put(b, o, "name", json_string(m->name));
	put(b, o, "group", json_string(m->group_id));
	put(b, o, "participants", json_integer(m->participants));
	put(b, o, "start_year", json_integer(m->start_year));
	put(b, o, "start_age", json_integer(m->start_age));
	put(b, o, "duration", json_integer(m->duration));
	put(b, o, "cost_per_participant", number(m->cost_per_participant));
	json_t *payer = new_object(b);
	for (int i = 0; i < m->payer_count && i < PAYER_SHARES_MAX; i++)
		put(b, payer, m->payer[i].sector, number(m->payer[i].share));
	put(b, o, "payer", payer);
	put(b, o, "success_rate", number(m->success_rate));
	put(b, o, "deadweight", number(m->deadweight));
	put(b, o, "lag", json_integer(m->lag));
	put(b, o, "effect_years", m->effect_years > 0 ? json_integer(m->effect_years) : json_null());
	put(b, o, "decay", number(m->decay));
	put(b, o, "enabled", json_boolean(m->enabled));
	json_t *ranges = NULL;
	for (int f = 0; f < RANGE_FIELD_COUNT; f++) {
		if (!m->ranges[f].set)
			continue;
		if (ranges == NULL)
			ranges = new_object(b);
		json_t *pair = json_array();
		append(b, pair, number(m->ranges[f].low));
		append(b, pair, number(m->ranges[f].high));
		put(b, ranges, range_field_key((enum range_field)f), pair);
	}
	if (ranges != NULL)
		put(b, o, "ranges", ranges);
	return o;
}

char *json_write_workbook(const struct workbook *wb)
{
	struct builder b = {true};
	json_t *root = json_object();
	json_t *sectors = json_array();
	json_t *groups = json_array();
	json_t *measures = json_array();
	if (root == NULL || sectors == NULL || groups == NULL || measures == NULL) {
		json_decref(root);
		json_decref(sectors);
		json_decref(groups);
		json_decref(measures);
		return NULL;
	}
	put(&b, root, "format", json_string("utenfor-workbook"));
	put(&b, root, "version", json_integer(2));
	put(&b, root, "workbook", params_object(&b, &wb->params));
	for (size_t i = 0; i < wb->sector_count; i++)
		append(&b, sectors, sector_object(&b, &wb->sectors[i]));
	put(&b, root, "sectors", sectors);
	for (size_t i = 0; i < wb->group_count; i++)
		append(&b, groups, group_object(&b, &wb->groups[i]));
	put(&b, root, "groups", groups);
	for (size_t i = 0; i < wb->measure_count; i++)
		append(&b, measures, measure_object(&b, &wb->measures[i]));
	put(&b, root, "measures", measures);
	return dump(&b, root);
}

/* ---- the results document ------------------------------------------- */

static json_t *by_bearer_object(struct builder *b, const struct result *r)
{
	json_t *o = json_object();
	if (o == NULL) {
		b->ok = false;
		return NULL;
	}
	for (int i = 0; i < BEARER_COUNT; i++) {
		json_t *one = json_object();
		if (one == NULL) {
			b->ok = false;
			continue;
		}
		put(b, one, "pv_cost", number(r->by_bearer[i].pv_cost));
		put(b, one, "pv_saving", number(r->by_bearer[i].pv_saving));
		put(b, one, "npv", number(r->by_bearer[i].npv));
		put(b, o, bearer_key((enum bearer)i), one);
	}
	return o;
}

/* flows[payer][bearer], or null when pv_cost = 0. */
static json_t *flows_object(struct builder *b, const struct result *r)
{
	if (!r->has_flows)
		return json_null();
	json_t *o = json_object();
	if (o == NULL) {
		b->ok = false;
		return NULL;
	}
	for (int payer = 0; payer < BEARER_COUNT; payer++)
		put(b, o, bearer_key((enum bearer)payer), per_bearer(b, r->flows[payer]));
	return o;
}

static json_t *years_array(struct builder *b, const struct result *r)
{
	json_t *a = json_array();
	if (a == NULL) {
		b->ok = false;
		return NULL;
	}
	struct year_cursor cur;
	struct year_row row;
	year_cursor_start(&cur, r);
	for (int t = 0; t < HORIZON_MAX && year_cursor_next(&cur, &row); t++) {
		const struct year_row *y = &row;
		json_t *o = json_object();
		if (o == NULL) {
			b->ok = false;
			break;
		}
		put(b, o, "year", json_integer(y->year));
		put(b, o, "df", number(y->df));
		put(b, o, "cost", per_bearer(b, y->cost));
		put(b, o, "saving", per_bearer(b, y->saving));
		put(b, o, "net", number(y->net));
		put(b, o, "cum_net", number(y->cum_net));
		put(b, o, "cum_net_discounted", number(y->cum_net_discounted));
		append(b, a, o);
	}
	return a;
}

/* Every sector of the workbook as a key, implicit ones first. */
static json_t *per_sector(struct builder *b, const struct workbook *wb, const struct result *r,
			  double (*value)(const struct result *, size_t, const void *),
			  const void *arg)
{
	json_t *o = new_object(b);
	for (size_t x = 0; x < r->sector_count; x++)
		put(b, o, workbook_sector_id(wb, x), number(value(r, x, arg)));
	return o;
}

static json_t *by_sector_object(struct builder *b, const struct workbook *wb,
				const struct result *r)
{
	json_t *o = new_object(b);
	for (size_t x = 0; x < r->sector_count; x++) {
		json_t *one = new_object(b);
		put(b, one, "pv_cost", number(r->by_sector[x].pv_cost));
		put(b, one, "pv_saving", number(r->by_sector[x].pv_saving));
		put(b, one, "npv", number(r->by_sector[x].npv));
		put(b, o, workbook_sector_id(wb, x), one);
	}
	return o;
}

static double sector_flow_cell(const struct result *r, size_t x, const void *payer)
{
	return result_sector_flow(r, *(const size_t *)payer, x);
}

/* sector_flows[payer][sector], or null when the flows are empty. */
static json_t *sector_flows_object(struct builder *b, const struct workbook *wb,
				   const struct result *r)
{
	if (!r->has_flows)
		return json_null();
	json_t *o = new_object(b);
	for (size_t payer = 0; payer < r->sector_count; payer++)
		put(b, o, workbook_sector_id(wb, payer),
		    per_sector(b, wb, r, sector_flow_cell, &payer));
	return o;
}

static double plan_cost_cell(const struct result *r, size_t x, const void *row)
{
	return result_plan_cost(r, *(const int *)row, x);
}

static double plan_saving_cell(const struct result *r, size_t x, const void *row)
{
	return result_plan_saving(r, *(const int *)row, x);
}

static double plan_net_cell(const struct result *r, size_t x, const void *row)
{
	return result_plan_net(r, *(const int *)row, x);
}

/* The økonomiplan years inside the horizon; [] when none are. */
static json_t *plan_array(struct builder *b, const struct workbook *wb, const struct result *r)
{
	json_t *a = json_array();
	if (a == NULL) {
		b->ok = false;
		return NULL;
	}
	for (int row = 0; row < r->plan_count; row++) {
		json_t *o = new_object(b);
		put(b, o, "year", json_integer(r->plan_first_year + row));
		put(b, o, "cost", per_sector(b, wb, r, plan_cost_cell, &row));
		put(b, o, "saving", per_sector(b, wb, r, plan_saving_cell, &row));
		put(b, o, "net", per_sector(b, wb, r, plan_net_cell, &row));
		put(b, o, "net_total", number(result_plan_net_total(r, row)));
		append(b, a, o);
	}
	return a;
}

static json_t *society_object(struct builder *b, const struct result *r)
{
	json_t *o = new_object(b);
	put(b, o, "pv_services", number(r->society.pv_services));
	put(b, o, "pv_production", number(r->society.pv_production));
	put(b, o, "pv_welfare", number(r->society.pv_welfare));
	put(b, o, "npv_society", number(r->society.npv_society));
	return o;
}

/*
 * The fields the portfolio and a measure share, in the documented order,
 * one builder function per result object.  Measures put name first,
 * npv_per_participant after bcr and the break-even fields after the flows,
 * so the two are written by one function that knows which it is writing.
 * `measure` is the measure's index in wb, or -1 for the portfolio.  The
 * "uncertainty" object (issue 13) goes between "society" and "years".
 */
static json_t *result_object(struct builder *b, const struct workbook *wb,
			     const struct result *r, long measure, const struct unc_results *unc)
{
	json_t *o = json_object();
	if (o == NULL) {
		b->ok = false;
		return NULL;
	}
	bool is_measure = measure >= 0;
	if (is_measure)
		put(b, o, "name", json_string(wb->measures[measure].name));
	put(b, o, "pv_cost", number(r->pv_cost));
	put(b, o, "pv_saving", number(r->pv_saving));
	put(b, o, "npv", number(r->npv));
	put(b, o, "bcr", maybe_number(r->has_bcr, r->bcr));
	if (is_measure)
		put(b, o, "npv_per_participant", number(r->npv_per_participant));
	put(b, o, "by_bearer", by_bearer_object(b, r));
	put(b, o, "by_sector", by_sector_object(b, wb, r));
	if (!is_measure)
		put(b, o, "break_even_year", maybe_year(r->has_break_even_year, r->break_even_year));
	if (!is_measure)
		put(b, o, "break_even_year_undiscounted",
		    maybe_year(r->has_break_even_year_undiscounted,
			       r->break_even_year_undiscounted));
	put(b, o, "flows", flows_object(b, r));
	put(b, o, "sector_flows", sector_flows_object(b, wb, r));
	if (is_measure) {
		put(b, o, "break_even_year", maybe_year(r->has_break_even_year, r->break_even_year));
		put(b, o, "break_even_year_undiscounted",
		    maybe_year(r->has_break_even_year_undiscounted,
			       r->break_even_year_undiscounted));
		put(b, o, "break_even_success_rate",
		    maybe_number(r->has_break_even_success_rate, r->break_even_success_rate));
	}
	put(b, o, "plan", plan_array(b, wb, r));
	put(b, o, "society", society_object(b, r));
	if (unc != NULL)
		put(b, o, "uncertainty", json_uncertainty_object(wb, unc, measure));
	put(b, o, "years", years_array(b, r));
	return o;
}

/*
 * Streaming: each result object is dumped alone and its lines indented to
 * the depth it has in the whole document.  A dump's only raw newlines are
 * jansson's indentation (strings escape theirs), so putting the indent
 * after every newline gives the bytes json_dumps() gives for the tree.
 */
struct indented {
	FILE *out;
	const char *indent;
};

static int write_indented(const char *text, size_t size, void *data)
{
	const struct indented *w = data;
	const char *end = text + size;
	while (text < end) {
		const char *nl = memchr(text, '\n', (size_t)(end - text));
		size_t n = nl ? (size_t)(nl - text) + 1 : (size_t)(end - text);
		if (fwrite(text, 1, n, w->out) != n)
			return -1;
		if (nl != NULL && fputs(w->indent, w->out) == EOF)
			return -1;
		text += n;
	}
	return 0;
}

/* Dump a value (borrowed; scalars too) at `indent`.  0 or -1 (memory). */
static int dump_at(struct builder *b, FILE *out, json_t *v, const char *indent)
{
	if (v == NULL || !b->ok)
		return -1;
	struct indented w = {out, indent};
	/* A failed write is the caller's to see in ferror(); keep going. */
	(void)json_dump_callback(v, write_indented, &w, DUMP_FLAGS | JSON_ENCODE_ANY);
	return 0;
}

/* Dump one result object at `indent`, releasing it.  0 or -1 (memory). */
static int stream_object(struct builder *b, FILE *out, json_t *o, const char *indent)
{
	int rc = dump_at(b, out, o, indent);
	json_decref(o);
	return rc;
}

/*
 * The portfolio's object is written member by member, and its tornado
 * entry by entry: with ranges on every field of 10 000 measures that
 * array has 30 000 entries, whose tree alone took the document's peak from
 * 60 to 100 MB.  The bytes are the whole object's dump
 * (tests/interchange_stream compares them): jansson's JSON_INDENT(2) puts
 * each member or element on its own line, two spaces deeper than its
 * container, and writes an empty one as {} or [].
 */
static const char *indent_of(int depth)
{
	static const char spaces[] = "                "; /* depth ≤ 8 */
	return spaces + sizeof spaces - 1 - 2 * (size_t)depth;
}

static void next_line(FILE *out, bool first, int depth)
{
	fputs(first ? "\n" : ",\n", out);
	fputs(indent_of(depth), out);
}

/* The closing bracket of a container at `depth`, on its own line. */
static void close_line(FILE *out, int depth, char bracket)
{
	fputc('\n', out);
	fputs(indent_of(depth), out);
	fputc(bracket, out);
}

static int stream_tornado(struct builder *b, FILE *out, const struct workbook *wb,
			  const struct unc_results *unc, int depth)
{
	if (unc->portfolio_tornado_count == 0) {
		fputs("[]", out);
		return 0;
	}
	fputc('[', out);
	for (size_t i = 0; i < unc->portfolio_tornado_count; i++) {
		next_line(out, i == 0, depth + 1);
		json_t *e = json_uncertainty_tornado_entry(wb, &unc->portfolio_tornado[i]);
		if (stream_object(b, out, e, indent_of(depth + 1)) < 0)
			return -1;
	}
	close_line(out, depth, ']');
	return 0;
}

/* The members of `o` (borrowed) at depth + 1; a tornado member streamed. */
static int stream_members(struct builder *b, FILE *out, const struct workbook *wb,
			  const struct unc_results *unc, json_t *o, int depth);

static int stream_uncertainty(struct builder *b, FILE *out, const struct workbook *wb,
			      const struct unc_results *unc, int depth)
{
	json_t *x = json_uncertainty_object_untorn(wb, unc, -1);
	if (x == NULL)
		return -1;
	int rc = stream_members(b, out, wb, unc, x, depth);
	json_decref(x);
	return rc;
}

static int stream_members(struct builder *b, FILE *out, const struct workbook *wb,
			  const struct unc_results *unc, json_t *o, int depth)
{
	const char *key;
	json_t *v;
	bool first = true;
	fputc('{', out);
	json_object_foreach(o, key, v)
	{
		/* result_object() puts "uncertainty" right before "years". */
		if (unc != NULL && strcmp(key, "years") == 0) {
			next_line(out, first, depth + 1);
			first = false;
			fputs("\"uncertainty\": ", out);
			if (stream_uncertainty(b, out, wb, unc, depth + 1) < 0)
				return -1;
		}
		next_line(out, first, depth + 1);
		first = false;
		fprintf(out, "\"%s\": ", key);
		int rc = unc != NULL && strcmp(key, "tornado") == 0
				 ? stream_tornado(b, out, wb, unc, depth + 1)
				 : dump_at(b, out, v, indent_of(depth + 1));
		if (rc < 0)
			return -1;
	}
	if (first) {
		fputc('}', out);
		return 0;
	}
	close_line(out, depth, '}');
	return 0;
}

static int stream_portfolio(struct builder *b, FILE *out, const struct workbook *wb,
			    const struct projection *p, const struct unc_results *unc)
{
	json_t *o = result_object(b, wb, &p->portfolio, -1, NULL);
	int rc = o != NULL && b->ok ? stream_members(b, out, wb, unc, o, 1) : -1;
	json_decref(o);
	return rc;
}

int json_write_results_file(FILE *out, const struct workbook *wb, const struct projection *p,
			    const struct unc_results *unc)
{
	struct builder b = {true};
	fputs("{\n  \"portfolio\": ", out);
	if (stream_portfolio(&b, out, wb, p, unc) < 0)
		return -1;
	fputs(",\n  \"measures\": [", out);
	/* Disabled measures are listed too; only the portfolio leaves them out. */
	size_t n = p->streaming ? wb->measure_count : p->measure_count;
	for (size_t i = 0; i < wb->measure_count && i < n; i++) {
		fputs(i == 0 ? "\n    " : ",\n    ", out);
		const struct result *r = projection_measure_result(p, wb, i);
		if (stream_object(&b, out, result_object(&b, wb, r, (long)i, unc), "    ") < 0)
			return -1;
	}
	fputs(n > 0 && wb->measure_count > 0 ? "\n  ]\n}" : "]\n}", out);
	return 0;
}

char *json_write_results(const struct workbook *wb, const struct projection *p)
{
	return json_write_results_uncertainty(wb, p, NULL);
}

char *json_write_results_uncertainty(const struct workbook *wb, const struct projection *p,
				     const struct unc_results *unc)
{
	struct builder b = {true};
	json_t *root = json_object();
	json_t *measures = json_array();
	if (root == NULL || measures == NULL) {
		json_decref(root);
		json_decref(measures);
		return NULL;
	}
	put(&b, root, "portfolio", result_object(&b, wb, &p->portfolio, -1, unc));
	/* Disabled measures are listed too; only the portfolio leaves them out. */
	for (size_t i = 0; i < wb->measure_count && i < p->measure_count; i++)
		append(&b, measures, result_object(&b, wb, &p->measures[i], (long)i, unc));
	put(&b, root, "measures", measures);
	return dump(&b, root);
}
