/*
 * csv.c: the portfolio's yearly table as CSV (RFC 4180: comma separator,
 * one header line, one record a year; doc/interchange.md lists the
 * columns).
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

int csv_write_portfolio(FILE *out, const struct workbook *wb, const struct projection *p)
{
	const struct result *r = &p->portfolio;
	(void)wb; /* the columns are the same for every workbook */
	if (fprintf(out, "%s\n", header) < 0)
		return -1;
	for (int t = 0; t < r->year_count && t < HORIZON_MAX; t++) {
		const struct year_row *y = &r->years[t];
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
		if (rc != 0 || fputc('\n', out) == EOF)
			return -1;
	}
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
