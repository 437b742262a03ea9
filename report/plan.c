/*
 * plan.c: the økonomiplan table and the sentences per paying sector.
 *
 * Must never: print, exit(), compute a figure the engine has.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine/numbers.h"
#include "report/plan.h"

#define PLAN_COLS_MAX (RTABLE_COLS_MAX - 3) /* label, what, sum */

static bool sector_in_plan(const struct result *r, size_t x)
{
	for (int row = 0; row < r->plan_count; row++)
		if (result_plan_cost(r, row, x) != 0 || result_plan_saving(r, row, x) != 0)
			return true;
	return false;
}

/* Three rows (cost, saving, net) labelled `label`, from per-year values. */
static void triple(struct rtable *t, int years, const char *label, const double *cost,
		   const double *saving)
{
	static const char *const what[3] = {"Kostnad", "Gevinst", "Netto"};
	for (int k = 0; k < 3; k++) {
		char cell[RTABLE_COLS_MAX][64];
		const char *cells[RTABLE_COLS_MAX];
		double sum = 0;
		cells[0] = k == 0 ? label : "";
		cells[1] = what[k];
		for (int y = 0; y < years; y++) {
			double v = k == 0 ? cost[y] : k == 1 ? saving[y] : saving[y] - cost[y];
			sum += v;
			fmt_kr(cell[y], sizeof cell[y], v, false);
			cells[2 + y] = cell[y];
		}
		fmt_kr(cell[years], sizeof cell[years], sum, false);
		cells[2 + years] = cell[years];
		rtable_row_cells(t, cells);
	}
}

void table_plan(const struct workbook *wb, const struct result *r, struct rtable *t)
{
	int years = r->plan_count < PLAN_COLS_MAX ? r->plan_count : PLAN_COLS_MAX;
	char head[RTABLE_COLS_MAX][32];
	const char *cells[RTABLE_COLS_MAX];
	cells[0] = "Budsjett og sektor";
	cells[1] = "";
	for (int y = 0; y < years; y++) {
		snprintf(head[y], sizeof head[y], "%d", r->plan_first_year + y);
		cells[2 + y] = head[y];
	}
	cells[2 + years] = "Sum";
	rtable_init_cells(t, (size_t)years + 3, cells);
	for (size_t c = 2; c < t->cols; c++)
		t->numeric[c] = true;
	double all_cost[PLAN_COLS_MAX] = {0}, all_saving[PLAN_COLS_MAX] = {0};
	size_t total = r->sector_count;
	for (int b = 0; b < BEARER_COUNT; b++) {
		double bc[PLAN_COLS_MAX] = {0}, bs[PLAN_COLS_MAX] = {0};
		int listed = 0;
		for (size_t x = 0; x < total; x++) {
			if (workbook_sector_bearer(wb, x) != (enum bearer)b || !sector_in_plan(r, x))
				continue;
			double c[PLAN_COLS_MAX], s[PLAN_COLS_MAX];
			for (int y = 0; y < years; y++) {
				c[y] = result_plan_cost(r, y, x);
				s[y] = result_plan_saving(r, y, x);
				bc[y] += c[y];
				bs[y] += s[y];
			}
			char label[TEXT_NAME_SIZE + 16];
			report_sector_label(wb, x, label, sizeof label);
			triple(t, years, label, c, s);
			listed++;
		}
		if (listed == 0)
			continue;
		/* A subtotal that repeats its only sector adds nothing. */
		if (listed > 1) {
			char label[64];
			snprintf(label, sizeof label, "%s i alt", bearer_label((enum bearer)b));
			triple(t, years, label, bc, bs);
		}
		for (int y = 0; y < years; y++) {
			all_cost[y] += bc[y];
			all_saving[y] += bs[y];
		}
	}
	triple(t, years, "Alle budsjetter", all_cost, all_saving);
}

void report_plan_caption(const struct workbook *wb, const struct result *r, char *buf,
			 size_t size)
{
	int first = r->plan_first_year, last = r->plan_first_year + r->plan_count - 1;
	if (r->plan_count <= 0)
		snprintf(buf, size, "Ingen av økonomiplanens år ligger innenfor beregningsperioden.");
	else if (first == last)
		snprintf(buf, size, "Økonomiplanen %d i faste %d-kroner, ikke diskontert.", first,
			 wb->params.price_year);
	else
		snprintf(buf, size, "Økonomiplanen %d–%d i faste %d-kroner, ikke diskontert.", first,
			 last, wb->params.price_year);
}

static void capitalise(char *s)
{
	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
}

size_t report_sector_sentences(const struct workbook *wb, const struct result *r,
			       char sentences[][SUMMARY_SENTENCE_SIZE], size_t max)
{
	size_t total = r->sector_count, n = 0;
	if (r->by_sector == NULL || !r->has_flows)
		return 0;
	bool disc = report_discounted(wb);
	/* Payers, largest first. */
	size_t payers[SECTORS_MAX];
	size_t np = 0;
	for (size_t x = 0; x < total && x < SECTORS_MAX; x++)
		if (number_round(r->by_sector[x].pv_cost, 0) > 0)
			payers[np++] = x;
	for (size_t i = 1; i < np; i++)
		for (size_t j = i; j > 0 && r->by_sector[payers[j]].pv_cost >
					      r->by_sector[payers[j - 1]].pv_cost;
		     j--) {
			size_t tmp = payers[j];
			payers[j] = payers[j - 1];
			payers[j - 1] = tmp;
		}
	for (size_t i = 0; i < np && n < max; i++) {
		size_t payer = payers[i];
		char *out = sentences[n++];
		size_t size = SUMMARY_SENTENCE_SIZE;
		char who[TEXT_NAME_SIZE + 32], amount[64];
		report_sector_phrase(wb, payer, who, sizeof who);
		capitalise(who);
		fmt_kr_short(amount, sizeof amount, r->by_sector[payer].pv_cost);
		size_t len = (size_t)snprintf(out, size, "%s betaler %s%s", who, amount,
					      disc ? " (nåverdi)" : "");
		/* Receivers, largest gain first; losses last. */
		size_t order[SECTORS_MAX], no = 0;
		for (size_t x = 0; x < total && x < SECTORS_MAX; x++)
			if (number_round(result_sector_flow(r, payer, x), 0) != 0)
				order[no++] = x;
		for (size_t a = 1; a < no; a++)
			for (size_t j = a; j > 0 && result_sector_flow(r, payer, order[j]) >
							 result_sector_flow(r, payer, order[j - 1]);
			     j--) {
				size_t tmp = order[j];
				order[j] = order[j - 1];
				order[j - 1] = tmp;
			}
		bool any_gain = false, any_loss = false;
		for (size_t k = 0; k < no && len < size; k++) {
			double f = result_sector_flow(r, payer, order[k]);
			char name[TEXT_NAME_SIZE + 32], part[64];
			report_sector_phrase(wb, order[k], name, sizeof name);
			fmt_kr_short(part, sizeof part, fabs(f));
			if (f > 0) {
				len += (size_t)snprintf(out + len, size - len, "%s%s sparer%s %s",
							any_gain ? ", " : "; ", name,
							order[k] == payer ? " selv" : "", part);
				any_gain = true;
			} else {
				len += (size_t)snprintf(out + len, size - len,
							"%s%s får økte utgifter på %s",
							any_loss ? ", " : (any_gain ? ", mens " : "; "),
							name, part);
				any_loss = true;
			}
		}
		if (!any_gain && no == 0 && len < size)
			len += (size_t)snprintf(out + len, size - len, ", men ingen budsjetter sparer");
		if (len < size)
			snprintf(out + len, size - len, ".");
	}
	return n;
}
