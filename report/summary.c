/*
 * summary.c: the one-minute summary a politician reads first, generated
 * from the numbers, and the shared number formatting of the reports.
 *
 * Must never: print, allocate, or round differently from number_format().
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine/numbers.h"
#include "report/summary.h"

const char *bearer_label(enum bearer b)
{
	switch (b) {
	case BEARER_KOMMUNE: return "Kommune";
	case BEARER_FYLKESKOMMUNE: return "Fylkeskommune";
	case BEARER_STAT: return "Stat";
	default: return "?";
	}
}

const char *bearer_definite(enum bearer b)
{
	switch (b) {
	case BEARER_KOMMUNE: return "kommunen";
	case BEARER_FYLKESKOMMUNE: return "fylkeskommunen";
	case BEARER_STAT: return "staten";
	default: return "?";
	}
}

const char *item_kind_label(enum item_kind k)
{
	switch (k) {
	case ITEM_SERVICE: return "Tjeneste";
	case ITEM_TRANSFER: return "Overføring";
	case ITEM_TAX: return "Skatt";
	case ITEM_PRODUCTION: return "Produksjon";
	case ITEM_WELFARE: return "Livskvalitet";
	default: return "?";
	}
}

static bool bearer_has_sectors(const struct workbook *wb, enum bearer b)
{
	for (size_t i = 0; i < wb->sector_count; i++)
		if (wb->sectors[i].bearer == b)
			return true;
	return false;
}

void report_sector_label(const struct workbook *wb, size_t x, char *buf, size_t size)
{
	if (x < SECTOR_IMPLICIT_COUNT) {
		enum bearer b = (enum bearer)x;
		snprintf(buf, size, "%s%s", bearer_label(b), bearer_has_sectors(wb, b) ? ", øvrig" : "");
	} else if (x - SECTOR_IMPLICIT_COUNT < wb->sector_count) {
		snprintf(buf, size, "%s", wb->sectors[x - SECTOR_IMPLICIT_COUNT].name);
	} else {
		snprintf(buf, size, "?");
	}
}

void report_sector_phrase(const struct workbook *wb, size_t x, char *buf, size_t size)
{
	if (x < SECTOR_IMPLICIT_COUNT) {
		enum bearer b = (enum bearer)x;
		snprintf(buf, size, "%s%s", bearer_definite(b), bearer_has_sectors(wb, b) ? " ellers" : "");
	} else if (x - SECTOR_IMPLICIT_COUNT < wb->sector_count) {
		const struct sector *s = &wb->sectors[x - SECTOR_IMPLICIT_COUNT];
		if (s->bearer == BEARER_KOMMUNE)
			snprintf(buf, size, "%s", s->name);
		else
			snprintf(buf, size, "%s (%s)", s->name, bearer_key(s->bearer));
	} else {
		snprintf(buf, size, "?");
	}
}

void fmt_kr(char *buf, size_t size, double value, bool unit)
{
	char num[64];
	number_format(num, sizeof num, value, 0, REPORT_THOUSANDS);
	snprintf(buf, size, "%s%s", num, unit ? REPORT_THOUSANDS "kr" : "");
}

void fmt_kr_short(char *buf, size_t size, double value)
{
	if (fabs(number_round(value, 0)) >= 1e6) {
		char num[64];
		number_format(num, sizeof num, value / 1e6, 1, REPORT_THOUSANDS);
		snprintf(buf, size, "%s mill.%skr", num, REPORT_THOUSANDS);
	} else {
		fmt_kr(buf, size, value, true);
	}
}

void fmt_pct(char *buf, size_t size, double fraction)
{
	fmt_pct_dec(buf, size, fraction, 1);
}

void fmt_pct_dec(char *buf, size_t size, double fraction, int decimals)
{
	/* percent_format() writes "12,5 %"; a no-break space before the sign
	 * keeps "%" from wrapping onto the next line of a sentence or cell. */
	char plain[64];
	percent_format(plain, sizeof plain, fraction, decimals, REPORT_THOUSANDS);
	size_t n = strlen(plain);
	if (n >= 2 && strcmp(plain + n - 2, " %") == 0)
		snprintf(buf, size, "%.*s%s%%", (int)(n - 2), plain, REPORT_THOUSANDS);
	else
		snprintf(buf, size, "%s", plain);
}

void fmt_ratio(char *buf, size_t size, double value)
{
	number_format(buf, size, value, 2, REPORT_THOUSANDS);
}

size_t report_enabled_count(const struct workbook *wb)
{
	size_t n = 0;
	for (size_t i = 0; i < wb->measure_count; i++)
		if (wb->measures[i].enabled)
			n++;
	return n;
}

static void capitalise_ascii(char *s)
{
	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
}

/* "i 2027" or "i 2027–2029". */
static void year_span(char *buf, size_t size, int first, int last)
{
	if (first == last)
		snprintf(buf, size, "i %d", first);
	else
		snprintf(buf, size, "i %d–%d", first, last);
}

static void sentence_invested(const struct result *r, char *out, size_t size)
{
	double paid[BEARER_COUNT] = {0};
	double total = 0;
	int first = 0, last = 0;
	bool any = false;
	for (int t = 0; t < r->year_count; t++) {
		double year_cost = 0;
		for (int b = 0; b < BEARER_COUNT; b++) {
			paid[b] += r->years[t].cost[b];
			year_cost += r->years[t].cost[b];
		}
		if (year_cost != 0) {
			if (!any)
				first = (r->first_year + t);
			last = (r->first_year + t);
			any = true;
		}
		total += year_cost;
	}
	if (!any) {
		snprintf(out, size, "Tiltakene har ingen kostnader i perioden.");
		return;
	}
	char span[64], amount[64];
	year_span(span, sizeof span, first, last);
	int payers = 0, only = 0;
	for (int b = 0; b < BEARER_COUNT; b++)
		if (number_round(paid[b], 0) != 0) {
			payers++;
			only = b;
		}
	fmt_kr_short(amount, sizeof amount, total);
	if (payers <= 1) {
		char who[32];
		snprintf(who, sizeof who, "%s", bearer_definite((enum bearer)only));
		capitalise_ascii(who);
		snprintf(out, size, "%s investerer %s %s.", who, amount, span);
		return;
	}
	size_t n = (size_t)snprintf(out, size, "Det investeres %s %s: ", amount, span);
	int written = 0;
	for (int b = 0; b < BEARER_COUNT && n < size; b++) {
		if (number_round(paid[b], 0) == 0)
			continue;
		char part[64];
		fmt_kr_short(part, sizeof part, paid[b]);
		const char *sep = written == 0 ? "" : (written == payers - 1 ? " og " : ", ");
		n += (size_t)snprintf(out + n, size - n, "%s%s betaler %s", sep,
				      bearer_definite((enum bearer)b), part);
		written++;
	}
	if (n < size)
		snprintf(out + n, size - n, ".");
}

bool report_discounted(const struct workbook *wb)
{
	const struct discount *d = &wb->params.discount;
	return d->mode == DISCOUNT_R109 || (d->mode == DISCOUNT_FLAT && d->rate != 0);
}

bool result_cost_years(const struct result *r, int *first, int *last)
{
	bool any = false;
	for (int t = 0; t < r->year_count; t++) {
		double c = 0;
		for (int b = 0; b < BEARER_COUNT; b++)
			c += r->years[t].cost[b];
		if (c > 0) {
			if (!any)
				*first = (r->first_year + t);
			*last = (r->first_year + t);
			any = true;
		}
	}
	return any;
}

bool result_break_even(const struct result *r, bool discounted, int *year)
{
	/* The engine (MODEL.md v2) never puts it before the first cost. */
	bool has = discounted ? r->has_break_even_year : r->has_break_even_year_undiscounted;
	if (has)
		*year = discounted ? r->break_even_year : r->break_even_year_undiscounted;
	return has;
}

void report_flows(const struct projection *p, double flows[BEARER_COUNT][BEARER_COUNT],
		  bool *any)
{
	/* The engine's portfolio matrix is the sum of its measures' (v2). */
	memcpy(flows, p->portfolio.flows, sizeof p->portfolio.flows);
	*any = p->portfolio.has_flows;
}

/* The bearers in `order` whose pv_saving rounds to a krone of sign
 * `sign`, as "kommunen (2,3 mill. kr) og staten (630 000 kr)" or, with
 * `ranked`, "mest for kommunen (…), deretter staten (…) og …".  Returns
 * how many were listed. */
static size_t bearer_list(const struct result *r, const int *order, int sign, bool ranked,
			  char *out, size_t size)
{
	int listed[BEARER_COUNT], count = 0;
	for (int i = 0; i < BEARER_COUNT; i++) {
		double v = number_round(r->by_bearer[order[i]].pv_saving, 0);
		if ((sign > 0 && v > 0) || (sign < 0 && v < 0))
			listed[count++] = order[i];
	}
	size_t n = 0;
	out[0] = '\0';
	for (int i = 0; i < count && n < size; i++) {
		char part[64];
		fmt_kr_short(part, sizeof part, fabs(r->by_bearer[listed[i]].pv_saving));
		const char *sep;
		if (ranked)
			sep = i == 0 ? "mest for " : (i == 1 ? ", deretter " : " og ");
		else
			sep = i == 0 ? "" : (i == count - 1 ? " og " : ", ");
		n += (size_t)snprintf(out + n, size - n, "%s%s (%s)", sep,
				      bearer_definite((enum bearer)listed[i]), part);
	}
	return (size_t)count;
}

static void sentence_saved(const struct workbook *wb, const struct result *r, char *out,
			   size_t size)
{
	int horizon = wb->params.horizon;
	bool disc = report_discounted(wb);
	/* Bearers ordered by the size of what changes for them, largest first. */
	int order[BEARER_COUNT] = {BEARER_KOMMUNE, BEARER_FYLKESKOMMUNE, BEARER_STAT};
	for (int i = 1; i < BEARER_COUNT; i++)
		for (int j = i; j > 0 && fabs(r->by_bearer[order[j]].pv_saving) >
					      fabs(r->by_bearer[order[j - 1]].pv_saving);
		     j--) {
			int tmp = order[j];
			order[j] = order[j - 1];
			order[j - 1] = tmp;
		}
	char gain[320], gain_plain[320], loss[320], amount[64];
	size_t gainers = bearer_list(r, order, +1, true, gain, sizeof gain);
	bearer_list(r, order, +1, false, gain_plain, sizeof gain_plain);
	size_t losers = bearer_list(r, order, -1, false, loss, sizeof loss);
	const char *how = disc ? " i nåverdi" : "";
	const char *undisc = disc ? "" : " (summert uten diskontering)";
	size_t n;
	if (r->pv_saving > 0.5) {
		fmt_kr_short(amount, sizeof amount, r->pv_saving);
		n = (size_t)snprintf(out, size,
				     "Tiltakene sparer offentlige budsjetter for %s%s over %d år%s",
				     amount, how, horizon, undisc);
		if (gainers == 1 && losers == 0)
			n += (size_t)snprintf(out + n, size - n, ", alt for %s",
					      bearer_definite((enum bearer)order[0]));
		else if (gainers == 1)
			n += (size_t)snprintf(out + n, size - n, ": bare %s sparer", gain_plain);
		else if (gainers > 1)
			n += (size_t)snprintf(out + n, size - n, ", %s", gain);
	} else if (r->pv_saving < -0.5) {
		fmt_kr_short(amount, sizeof amount, -r->pv_saving);
		n = (size_t)snprintf(out, size,
				     "Tiltakene sparer ikke: de øker offentlige utgifter med %s%s over %d år%s",
				     amount, how, horizon, undisc);
		if (gainers > 0)
			n += (size_t)snprintf(out + n, size - n, ", selv om %s sparer", gain_plain);
	} else {
		n = (size_t)snprintf(out, size,
				     "Tiltakene gir ingen beregnet gevinst for offentlige budsjetter over %d år",
				     horizon);
	}
	/* A budget whose costs go up is never listed among the savers: it is
	 * said plainly, with the amount. */
	if (losers > 0 && n < size)
		n += (size_t)snprintf(out + n, size - n, ", mens utgiftene øker for %s", loss);
	if (n < size)
		snprintf(out + n, size - n, ".");
}

static void sentence_net(const struct workbook *wb, const struct result *r, char *out,
			 size_t size)
{
	char amount[64];
	const char *what = report_discounted(wb) ? "Netto nåverdi" : "Netto (gevinst minus kostnad)";
	fmt_kr_short(amount, sizeof amount, r->npv);
	if (r->has_bcr && r->npv >= 0) {
		char ratio[32];
		fmt_ratio(ratio, sizeof ratio, r->bcr);
		snprintf(out, size,
			 "%s er %s: hver krone som investeres, gir %s kr tilbake til offentlige budsjetter.",
			 what, amount, ratio);
	} else if (r->npv < 0) {
		snprintf(out, size, "%s er %s: tiltakene koster mer enn de sparer i perioden.", what,
			 amount);
	} else {
		snprintf(out, size, "%s er %s.", what, amount);
	}
}

double report_cross_share(const double flows[BEARER_COUNT][BEARER_COUNT], bool *has)
{
	double gained = 0, elsewhere = 0;
	for (int payer = 0; payer < BEARER_COUNT; payer++)
		for (int b = 0; b < BEARER_COUNT; b++) {
			double x = flows[payer][b];
			if (!(x > 0))
				continue;
			gained += x;
			if (payer != b)
				elsewhere += x;
		}
	*has = gained > 0.5;
	return *has ? elsewhere / gained : 0;
}

/* How much of the saving lands in another budget than the one that paid:
 * the point of the whole model.  Built from the sum of the measures'
 * matrices (each measure's savings follow its own payers), and from the
 * savings only: a budget whose costs rise is not a place savings "land",
 * and counting it would let the share pass 100 %. */
static bool sentence_cross(const struct projection *p, char *out, size_t size)
{
	double flows[BEARER_COUNT][BEARER_COUNT];
	bool any, has;
	report_flows(p, flows, &any);
	if (!any)
		return false;
	double share = report_cross_share(flows, &has);
	if (!has)
		return false;
	char pct[32];
	fmt_pct(pct, sizeof pct, share);
	snprintf(out, size,
		 "Av det tiltakene sparer, havner %s i et annet budsjett enn det som betaler for dem.",
		 pct);
	return true;
}

static void sentence_payback(const struct workbook *wb, const struct result *r, char *out,
			     size_t size)
{
	int last_year = wb->params.base_year + wb->params.horizon - 1;
	int first = 0, last = 0, year = 0, undisc = 0;
	if (!result_cost_years(r, &first, &last)) {
		snprintf(out, size,
			 "Tiltakene koster ingenting innen perioden, så det er ingen investering som må bli lønnsom.");
		return;
	}
	if (!result_break_even(r, true, &year)) {
		snprintf(out, size, "Investeringen er ikke lønnsom innen %d, slutten av perioden.",
			 last_year);
		return;
	}
	size_t n;
	if (year == first)
		n = (size_t)snprintf(out, size,
				     "Investeringen er lønnsom fra %d, samme år som pengene brukes første gang",
				     year);
	else
		n = (size_t)snprintf(out, size, "Investeringen er lønnsom fra %d", year);
	if (report_discounted(wb) && result_break_even(r, false, &undisc) && undisc != year)
		snprintf(out + n, size - n, " (%d uten diskontering).", undisc);
	else
		snprintf(out + n, size - n, ".");
}

size_t report_summary(const struct workbook *wb, const struct projection *p,
		      char sentences[][SUMMARY_SENTENCE_SIZE], size_t max)
{
	size_t n = 0;
	if (max == 0)
		return 0;
	size_t enabled = report_enabled_count(wb);
	if (enabled == 0) {
		snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
			 "Arbeidsboka har ingen aktive tiltak, så det er ingenting å rapportere ennå. "
			 "Legg inn et tiltak (eller slå på et) og lag rapporten på nytt.");
		return n;
	}
	const struct result *r = &p->portfolio;
	long participants = 0;
	for (size_t i = 0; i < wb->measure_count; i++)
		if (wb->measures[i].enabled)
			participants += wb->measures[i].participants;
	char people[64];
	number_format(people, sizeof people, (double)participants, 0, REPORT_THOUSANDS);
	snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
		 "Rapporten gjelder %zu tiltak med til sammen %s deltakere.", enabled, people);
	if (n < max)
		sentence_invested(r, sentences[n++], SUMMARY_SENTENCE_SIZE);
	if (n < max)
		sentence_saved(wb, r, sentences[n++], SUMMARY_SENTENCE_SIZE);
	if (n < max)
		sentence_net(wb, r, sentences[n++], SUMMARY_SENTENCE_SIZE);
	if (n < max && sentence_cross(p, sentences[n], SUMMARY_SENTENCE_SIZE))
		n++;
	if (n < max)
		sentence_payback(wb, r, sentences[n++], SUMMARY_SENTENCE_SIZE);
	return n;
}

const char *report_pv_word(const struct workbook *wb)
{
	return report_discounted(wb) ? "nåverdi" : "sum";
}

size_t report_limits(const struct workbook *wb, char out[][SUMMARY_SENTENCE_SIZE], size_t max)
{
	static const char *const fixed[] = {
		"Budsjettregnskapet gjelder bare offentlige budsjetter (kommune, fylkeskommune og "
		"stat). Gevinster for den enkelte, familien og arbeidslivet er ikke med der; "
		"avsnittet «Samfunnsøkonomisk perspektiv» tar med det arbeidsboka har tall for.",
		"Resultatene er ikke bedre enn forutsetningene. Hver kostnadspost har en kilde og en "
		"sikkerhetsgrad (A–D) i vedlegget; poster med grad C og D bør kontrolleres før tallene "
		"brukes i en beslutning.",
		"Suksessraten, dødvekten, forsinkelsen, varigheten og den avtakende effekten er "
		"antakelser om hvordan tiltaket virker, ikke målte resultater. Kolonnen «Balanse-suksessrate» "
		"viser hvor lav suksessraten kan være før tiltaket ikke lenger lønner seg.",
		"Merkostnadene sammenligner målgruppen med befolkningen ellers (gjennomsnitt). En enkelt "
		"person kan avvike mye fra gjennomsnittet.",
	};
	size_t n = 0;
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0] && n < max; i++)
		snprintf(out[n++], SUMMARY_SENTENCE_SIZE, "%s", fixed[i]);
	if (n < max) {
		const struct workbook_params *pa = &wb->params;
		char growth[160];
		if (pa->real_growth == 0) {
			snprintf(growth, sizeof growth, "reell lønns- og prisvekst er ikke lagt inn");
		} else {
			char pct[32];
			fmt_pct(pct, sizeof pct, pa->real_growth);
			snprintf(growth, sizeof growth,
				 "gevinstene er regnet med en realvekst på %s per år", pct);
		}
		if (report_discounted(wb))
			snprintf(out[n++], SUMMARY_SENTENCE_SIZE,
				 "Fremtidige beløp er diskontert som angitt i vedlegget. Alle beløp er "
				 "i faste %d-kroner; %s.",
				 pa->price_year, growth);
		else
			snprintf(out[n++], SUMMARY_SENTENCE_SIZE,
				 "Beløpene er ikke diskontert: en krone om tjue år teller like mye som "
				 "en krone i dag, så summene er ikke nåverdier. Alle beløp er i faste "
				 "%d-kroner; %s.",
				 pa->price_year, growth);
	}
	return n;
}

const char *confidence_explanation(enum confidence c)
{
	switch (c) {
	case CONFIDENCE_A: return "offisiell statistikk for nettopp denne størrelsen";
	case CONFIDENCE_B: return "offisiell statistikk, tilpasset";
	case CONFIDENCE_C: return "et publisert anslag eller en presseomtale";
	case CONFIDENCE_D: return "en antakelse som fyller et hull";
	default: return "?";
	}
}
