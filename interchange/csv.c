/*
 * csv.c: the portfolio's yearly table as CSV (RFC 4180: comma separator,
 * one header line, one record a year; doc/interchange.md lists the
 * columns).  After the per-bearer columns come, per sector (implicit
 * ones first), sector_cost_<id> and sector_saving_<id>, then
 * kind_saving_<kind> for each item
 * kind; a sector id is text, so a header field holding a comma, a quote
 * or a line break is quoted as RFC 4180 says.
 *
 * Numbers use a plain decimal point whatever the user's locale: this
 * program never sets LC_NUMERIC, so printf's "%.17g" stays in the C locale
 * and writes every double so that it reads back exactly.  No field here is
 * text, so no field ever needs RFC 4180 quoting; a text column added later
 * must quote fields holding a comma, a quote or a line break.
 *
 * Must never: call ncurses or SQLite, write a comma decimal mark.
 */
#include "interchange/csv.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char header[] =
	"year,df,cost_kommune,cost_fylkeskommune,cost_stat,cost_total,"
	"saving_kommune,saving_fylkeskommune,saving_stat,saving_total,"
	"net,cum_net,cum_net_discounted";

/* ",value"; an empty field for non-finite values, "0" for -0. */
static int put_number(FILE *out, double v)
{
	if (!isfinite(v))
		return fputc(',', out) == EOF ? -1 : 0;
	if (v == 0.0)
		v = 0.0; /* -0.0 == 0.0: normalise the sign */
	return fprintf(out, ",%.17g", v) < 0 ? -1 : 0;
}

/* ",prefix_id", quoted when the id needs it. */
static int put_name(FILE *out, const char *prefix, const char *id)
{
	if (strpbrk(id, ",\"\r\n") == NULL)
		return fprintf(out, ",%s_%s", prefix, id) < 0 ? -1 : 0;
	if (fprintf(out, ",\"%s_", prefix) < 0)
		return -1;
	for (const char *c = id; *c; c++)
		if ((*c == '"' && fputc('"', out) == EOF) || fputc(*c, out) == EOF)
			return -1;
	return fputc('"', out) == EOF ? -1 : 0;
}

int csv_write_portfolio(FILE *out, const struct workbook *wb, const struct projection *p)
{
	const struct result *r = &p->portfolio;
	const size_t S = p->basis.sector_count, H = (size_t)p->basis.horizon;
	double *cost = malloc((H * S + 1) * sizeof *cost);
	double *saving = malloc((H * S + 1) * sizeof *saving);
	double *kinds = malloc(H * ITEM_KIND_COUNT * sizeof *kinds);
	int status = -1;
	if (cost == NULL || saving == NULL || kinds == NULL)
		goto done;
	projection_portfolio_sector_years(p, wb, cost, saving, kinds);
	int head = fputs(header, out) == EOF ? -1 : 0;
	for (size_t x = 0; x < S; x++)
		head |= put_name(out, "sector_cost", workbook_sector_id(wb, x));
	for (size_t x = 0; x < S; x++)
		head |= put_name(out, "sector_saving", workbook_sector_id(wb, x));
	for (int q = 0; q < ITEM_KIND_COUNT; q++)
		head |= put_name(out, "kind_saving", item_kind_key((enum item_kind)q));
	if (head != 0 || fputc('\n', out) == EOF)
		goto done;
	struct year_cursor cur;
	struct year_row row;
	year_cursor_start(&cur, r);
	for (int t = 0; t < HORIZON_MAX && year_cursor_next(&cur, &row); t++) {
		const struct year_row *y = &row;
		double cost_total = 0.0, saving_total = 0.0;
		int rc = fprintf(out, "%d", y->year) < 0 ? -1 : 0;
		rc |= put_number(out, y->df);
		for (int b = 0; b < BEARER_COUNT; b++) {
			rc |= put_number(out, y->cost[b]);
			cost_total += y->cost[b];
		}
		rc |= put_number(out, cost_total);
		for (int b = 0; b < BEARER_COUNT; b++) {
			rc |= put_number(out, y->saving[b]);
			saving_total += y->saving[b];
		}
		rc |= put_number(out, saving_total);
		rc |= put_number(out, y->net);
		rc |= put_number(out, y->cum_net);
		rc |= put_number(out, y->cum_net_discounted);
		for (size_t x = 0; x < S && (size_t)t < H; x++)
			rc |= put_number(out, cost[(size_t)t * S + x]);
		for (size_t x = 0; x < S && (size_t)t < H; x++)
			rc |= put_number(out, saving[(size_t)t * S + x]);
		for (int q = 0; q < ITEM_KIND_COUNT && (size_t)t < H; q++)
			rc |= put_number(out, kinds[(size_t)t * ITEM_KIND_COUNT + (size_t)q]);
		if (rc != 0 || fputc('\n', out) == EOF)
			goto done;
	}
	status = fflush(out) == 0 && !ferror(out) ? 0 : -1;
done:
	free(cost);
	free(saving);
	free(kinds);
	return status;
}
