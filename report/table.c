/*
 * table.c: the report's tables, formatted once for every output format.
 *
 * Must never: print or exit().
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/numbers.h"
#include "report/label.h"
#include "report/summary.h"
#include "report/table.h"

static char *dup_text(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p != NULL)
		memcpy(p, s, n);
	return p;
}

static void add_row(struct rtable *t, const char *const *cells)
{
	if (t->failed)
		return;
	if (t->rows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		char **p = realloc(t->cells, cap * t->cols * sizeof *p);
		if (p == NULL) {
			t->failed = true;
			return;
		}
		t->cells = p;
		t->cap = cap;
	}
	for (size_t c = 0; c < t->cols; c++) {
		char *copy = dup_text(cells[c] ? cells[c] : "");
		t->cells[t->rows * t->cols + c] = copy;
		if (copy == NULL) {
			for (size_t k = 0; k < c; k++)
				free(t->cells[t->rows * t->cols + k]);
			t->failed = true;
			return;
		}
	}
	t->rows++;
}

/* Add a row of t->cols cells taken from `ap` (the caller va_ends it). */
static void add_row_va(struct rtable *t, va_list ap)
{
	const char *cells[RTABLE_COLS_MAX];
	for (size_t c = 0; c < t->cols; c++)
		cells[c] = va_arg(ap, const char *);
	add_row(t, cells);
}

void rtable_init(struct rtable *t, size_t cols, ...)
{
	memset(t, 0, sizeof *t);
	t->cols = cols > RTABLE_COLS_MAX ? RTABLE_COLS_MAX : cols;
	va_list ap;
	va_start(ap, cols);
	add_row_va(t, ap);
	va_end(ap);
}

void rtable_row(struct rtable *t, ...)
{
	va_list ap;
	va_start(ap, t);
	add_row_va(t, ap);
	va_end(ap);
}

void rtable_init_cells(struct rtable *t, size_t cols, const char *const *cells)
{
	memset(t, 0, sizeof *t);
	t->cols = cols > RTABLE_COLS_MAX ? RTABLE_COLS_MAX : cols;
	add_row(t, cells);
}

void rtable_row_cells(struct rtable *t, const char *const *cells)
{
	add_row(t, cells);
}

void rtable_free(struct rtable *t)
{
	for (size_t i = 0; i < t->rows * t->cols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

const char *rtable_cell(const struct rtable *t, size_t row, size_t col)
{
	return t->cells[row * t->cols + col];
}

static void numeric_from(struct rtable *t, size_t first)
{
	for (size_t c = first; c < t->cols; c++)
		t->numeric[c] = true;
}

/* "Kostnad (nåverdi, kr)" or "Kostnad (sum, kr)". */
static void heading(char *buf, size_t size, const struct workbook *wb, const char *what)
{
	snprintf(buf, size, "%s (%s, kr)", what, report_pv_word(wb));
}

void table_by_bearer(const struct workbook *wb, const struct result *r, struct rtable *t)
{
	char h1[64], h2[64], h3[64];
	heading(h1, sizeof h1, wb, "Betaler");
	heading(h2, sizeof h2, wb, "Sparer");
	heading(h3, sizeof h3, wb, "Netto");
	rtable_init(t, 4, "Budsjett", h1, h2, h3);
	numeric_from(t, 1);
	for (int b = 0; b < BEARER_COUNT; b++) {
		char c[64], s[64], n[64];
		fmt_kr(c, sizeof c, r->by_bearer[b].pv_cost, false);
		fmt_kr(s, sizeof s, r->by_bearer[b].pv_saving, false);
		fmt_kr(n, sizeof n, r->by_bearer[b].npv, false);
		rtable_row(t, bearer_label((enum bearer)b), c, s, n);
	}
	char c[64], s[64], n[64];
	fmt_kr(c, sizeof c, r->pv_cost, false);
	fmt_kr(s, sizeof s, r->pv_saving, false);
	fmt_kr(n, sizeof n, r->npv, false);
	rtable_row(t, "Sum", c, s, n);
}

void table_flows(const struct projection *p, struct rtable *t)
{
	double flows[BEARER_COUNT][BEARER_COUNT];
	bool any;
	report_flows(p, flows, &any);
	rtable_init(t, 5, "Betaler ↓ / sparer →", "Kommune", "Fylkeskommune", "Stat", "Sum");
	numeric_from(t, 1);
	for (int payer = 0; payer < BEARER_COUNT; payer++) {
		char v[BEARER_COUNT + 1][64];
		double sum = 0;
		for (int b = 0; b < BEARER_COUNT; b++) {
			double x = flows[payer][b];
			sum += x;
			fmt_kr(v[b], sizeof v[b], x, false);
		}
		fmt_kr(v[BEARER_COUNT], sizeof v[BEARER_COUNT], sum, false);
		rtable_row(t, bearer_label((enum bearer)payer), v[0], v[1], v[2], v[3]);
	}
}

static const char *group_name(const struct workbook *wb, const char *id)
{
	long g = workbook_find_group(wb, id);
	return g >= 0 ? wb->groups[g].name : id;
}

void table_measures(const struct workbook *wb, const struct projection *p, struct rtable *t)
{
	char hc[64], hs[64], hn[64];
	heading(hc, sizeof hc, wb, "Kostnad");
	heading(hs, sizeof hs, wb, "Gevinst");
	heading(hn, sizeof hn, wb, "Netto");
	rtable_init(t, 11, "Tiltak", MEASURE_LABEL("group"), MEASURE_LABEL("enabled"),
		    MEASURE_LABEL("participants"), hc, hs, hn,
		    "Per deltaker (kr)", "Nytte per krone", "Lønnsomt fra år",
		    "Balanse-suksessrate");
	numeric_from(t, 3);
	for (size_t i = 0; i < wb->measure_count && i < p->measure_count; i++) {
		const struct measure *m = &wb->measures[i];
		const struct result *r = &p->measures[i];
		char n[64], c[64], s[64], v[64], per[64], bcr[64], be[32], pstar[64];
		number_format(n, sizeof n, (double)m->participants, 0, REPORT_THOUSANDS);
		fmt_kr(c, sizeof c, r->pv_cost, false);
		fmt_kr(s, sizeof s, r->pv_saving, false);
		fmt_kr(v, sizeof v, r->npv, false);
		fmt_kr(per, sizeof per, r->npv_per_participant, false);
		if (r->has_bcr)
			fmt_ratio(bcr, sizeof bcr, r->bcr);
		else
			snprintf(bcr, sizeof bcr, "–");
		int year = 0, first = 0, last = 0;
		if (result_break_even(r, report_discounted(wb), &year))
			snprintf(be, sizeof be, "%d", year);
		else if (!result_cost_years(r, &first, &last))
			snprintf(be, sizeof be, "ingen kostnad");
		else
			snprintf(be, sizeof be, "ikke innen perioden");
		if (r->has_break_even_success_rate && r->break_even_success_rate > 1) {
			/* A rate over 100 % is no rate at all: say so, with the number. */
			char pct[32];
			fmt_pct(pct, sizeof pct, r->break_even_success_rate);
			snprintf(pstar, sizeof pstar, "ikke mulig (%s)", pct);
		} else if (r->has_break_even_success_rate) {
			fmt_pct(pstar, sizeof pstar, r->break_even_success_rate);
		} else {
			snprintf(pstar, sizeof pstar, "–");
		}
		rtable_row(t, m->name, group_name(wb, m->group_id), m->enabled ? "ja" : "nei", n, c, s,
			   v, per, bcr, be, pstar);
	}
}

void table_years(const struct workbook *wb, const struct result *r, struct rtable *t)
{
	bool disc = report_discounted(wb);
	rtable_init(t, disc ? 7 : 5, "År", "Kostnad (kr)", "Gevinst (kr)", "Netto (kr)",
		    "Kumulativt netto (kr)", "Diskonteringsfaktor", "Kumulativt, nåverdi (kr)");
	numeric_from(t, 1);
	struct year_cursor cur;
	struct year_row row;
	year_cursor_start(&cur, r);
	while (year_cursor_next(&cur, &row)) {
		const struct year_row *y = &row;
		double cost = 0, saving = 0;
		for (int b = 0; b < BEARER_COUNT; b++) {
			cost += y->cost[b];
			saving += y->saving[b];
		}
		char yr[16], c[64], s[64], n[64], cum[64], df[32], cumd[64];
		snprintf(yr, sizeof yr, "%d", y->year);
		fmt_kr(c, sizeof c, cost, false);
		fmt_kr(s, sizeof s, saving, false);
		fmt_kr(n, sizeof n, y->net, false);
		fmt_kr(cum, sizeof cum, y->cum_net, false);
		number_format(df, sizeof df, y->df, 4, REPORT_THOUSANDS);
		fmt_kr(cumd, sizeof cumd, y->cum_net_discounted, false);
		rtable_row(t, yr, c, s, n, cum, df, cumd);
	}
}

static void discount_text(const struct discount *d, char *buf, size_t size)
{
	switch (d->mode) {
	case DISCOUNT_R109:
		snprintf(buf, size,
			 "R-109/2021: 4 %% år 1–40, 3 %% år 41–75, 2 %% deretter (Finansdepartementet)");
		break;
	case DISCOUNT_FLAT: {
		char pct[32];
		fmt_pct(pct, sizeof pct, d->rate);
		snprintf(buf, size, "Fast rente %s per år", pct);
		break;
	}
	default:
		snprintf(buf, size, "Ingen diskontering");
		break;
	}
}

void table_params(const struct workbook *wb, struct rtable *t)
{
	const struct workbook_params *pa = &wb->params;
	rtable_init(t, 2, "Forutsetning", "Verdi");
	char year[16], horizon[32], disc[160], g[64];
	snprintf(year, sizeof year, "%d", pa->base_year);
	snprintf(horizon, sizeof horizon, "%d år (%d–%d)", pa->horizon, pa->base_year,
		 pa->base_year + pa->horizon - 1);
	discount_text(&pa->discount, disc, sizeof disc);
	fmt_kr(g, sizeof g, pa->g_amount, true);
	rtable_row(t, "Arbeidsbok", pa->name);
	rtable_row(t, PARAM_LABEL("municipality"), pa->municipality);
	rtable_row(t, PARAM_LABEL("base_year"), year);
	rtable_row(t, PARAM_LABEL("horizon"), horizon);
	rtable_row(t, PARAM_LABEL("discount.mode"), disc);
	rtable_row(t, PARAM_LABEL("g_amount"), g);
	char price[16], growth[64], plan[64], tax[64];
	snprintf(price, sizeof price, "%d", pa->price_year);
	char head[128];
	rtable_row(t,
		   report_head(head, sizeof head, SCHEMA_WORKBOOK, "price_year",
			       " (alle beløp er i faste kroner fra dette året)"),
		   price);
	fmt_pct(growth, sizeof growth, pa->real_growth);
	rtable_row(t, PARAM_LABEL("real_growth"), growth);
	if (pa->plan.years == 1)
		snprintf(plan, sizeof plan, "%d (1 år)", pa->plan.start_year);
	else
		snprintf(plan, sizeof plan, "%d–%d (%d år)", pa->plan.start_year,
			 pa->plan.start_year + pa->plan.years - 1, pa->plan.years);
	rtable_row(t, "Økonomiplan", plan);
	fmt_pct(tax, sizeof tax, pa->tax_cost);
	rtable_row(t, PARAM_LABEL("society.tax_cost"), tax);
}

void table_sectors(const struct workbook *wb, struct rtable *t)
{
	rtable_init(t, 4, "Sektor", SECTOR_LABEL("id"),
		    SECTOR_LABEL("bearer"), SECTOR_LABEL("kostra"));
	for (size_t i = 0; i < wb->sector_count; i++) {
		const struct sector *s = &wb->sectors[i];
		rtable_row(t, s->name, s->id, bearer_label(s->bearer), s->kostra);
	}
}

void table_groups(const struct workbook *wb, struct rtable *t)
{
	rtable_init(t, 4, "Målgruppe", GROUP_LABEL("id"),
		    GROUP_LABEL("entry_age"), GROUP_LABEL("description"));
	for (size_t i = 0; i < wb->group_count; i++) {
		const struct target_group *g = &wb->groups[i];
		char age[16];
		snprintf(age, sizeof age, "%d år", g->entry_age);
		rtable_row(t, g->name, g->id, age, g->description);
	}
}

void table_items(const struct workbook *wb, const struct target_group *g, struct rtable *t)
{
	char amount_head[64];
	rtable_init(t, 9, "Kostnadspost", ITEM_LABEL("kind"), ITEM_LABEL("bearer"),
		    ITEM_LABEL("sector"),
		    report_head(amount_head, sizeof amount_head, SCHEMA_ITEM, "amount", " per år"),
		    ITEM_LABEL("unit"), "Alder", ITEM_LABEL("source"), ITEM_LABEL("confidence"));
	t->numeric[4] = true;
	for (size_t i = 0; i < g->item_count; i++) {
		const struct cost_item *it = &g->items[i];
		char amount[64], ages[32];
		/* Amounts in G are often fractions of G: two decimals keep them
		 * readable; kroner are whole, as on screen. */
		number_format(amount, sizeof amount, it->amount, it->unit == UNIT_G ? 2 : 0,
			      REPORT_THOUSANDS);
		snprintf(ages, sizeof ages, "%d–%d år", it->from_age, it->to_age);
		/* Production and welfare are outside the public budgets: no
		 * bearer, no sector. */
		char sector[TEXT_NAME_SIZE + 16] = "–";
		long x = workbook_item_sector(wb, it);
		if (x >= 0)
			report_sector_label(wb, (size_t)x, sector, sizeof sector);
		bool public = item_kind_has_bearer(it->kind);
		rtable_row(t, it->name, item_kind_label(it->kind), public ? bearer_label(it->bearer) : "–",
			   sector, amount, it->unit == UNIT_G ? "G" : "kr", ages, it->source,
			   confidence_key(it->confidence));
	}
}

/* "Oppvekst 60,0 %, Kommune, øvrig 40,0 %": the listed shares above 0, in
 * the order given. */
static void payer_text(const struct workbook *wb, const struct measure *m, char *buf, size_t size)
{
	size_t n = 0;
	buf[0] = '\0';
	for (int k = 0; k < m->payer_count && n < size; k++) {
		if (m->payer[k].share == 0)
			continue;
		char name[TEXT_NAME_SIZE + 16], pct[32];
		long x = workbook_sector_index(wb, m->payer[k].sector);
		if (x >= 0)
			report_sector_label(wb, (size_t)x, name, sizeof name);
		else
			snprintf(name, sizeof name, "%s", m->payer[k].sector);
		fmt_pct(pct, sizeof pct, m->payer[k].share);
		n += (size_t)snprintf(buf + n, size - n, "%s%s %s", n ? ", " : "", name, pct);
	}
}

void table_measure_inputs(const struct workbook *wb, struct rtable *t)
{
	char cost_head[64];
	rtable_init(t, 13, "Tiltak", MEASURE_LABEL("group"), MEASURE_LABEL("participants"),
		    MEASURE_LABEL("start_year"), MEASURE_LABEL("start_age"),
		    MEASURE_LABEL("duration"),
		    report_head(cost_head, sizeof cost_head, SCHEMA_MEASURE, "cost_per_participant",
				" per år (kr)"),
		    MEASURE_LABEL("payer"), MEASURE_LABEL("success_rate"),
		    MEASURE_LABEL("deadweight"), MEASURE_LABEL("lag"), MEASURE_LABEL("effect_years"),
		    MEASURE_LABEL("decay"));
	numeric_from(t, 2);
	t->numeric[7] = false;
	for (size_t i = 0; i < wb->measure_count; i++) {
		const struct measure *m = &wb->measures[i];
		char n[32], sy[16], sa[16], d[16], cpp[64], payers[1024], p[32], dw[32], lag[16],
			e[32], dec[32];
		number_format(n, sizeof n, (double)m->participants, 0, REPORT_THOUSANDS);
		snprintf(sy, sizeof sy, "%d", m->start_year);
		snprintf(sa, sizeof sa, "%d", m->start_age);
		snprintf(d, sizeof d, "%d", m->duration);
		fmt_kr(cpp, sizeof cpp, m->cost_per_participant, false);
		payer_text(wb, m, payers, sizeof payers);
		fmt_pct(p, sizeof p, m->success_rate);
		fmt_pct(dw, sizeof dw, m->deadweight);
		snprintf(lag, sizeof lag, "%d", m->lag);
		if (m->effect_years > 0)
			snprintf(e, sizeof e, "%d", m->effect_years);
		else
			snprintf(e, sizeof e, "ut perioden");
		fmt_pct(dec, sizeof dec, m->decay);
		rtable_row(t, m->name, group_name(wb, m->group_id), n, sy, sa, d, cpp, payers, p, dw,
			   lag, e, dec);
	}
}

void text_bar(char *buf, size_t size, double value, double scale, int width)
{
	int cells = 0;
	if (scale > 0 && isfinite(value))
		cells = (int)lround(fabs(value) / scale * width);
	if (cells > width)
		cells = width;
	size_t n = 0;
	buf[0] = '\0';
	if (cells > 0 && n + 1 < size)
		n += (size_t)snprintf(buf + n, size - n, "%s", value < 0 ? "−" : "+");
	for (int i = 0; i < cells && n + 4 < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "█");
}
