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
	/* percent_format() writes "12,5 %"; a no-break space before the sign
	 * keeps "%" from wrapping onto the next line of a sentence or cell. */
	char plain[64];
	percent_format(plain, sizeof plain, fraction, 1, REPORT_THOUSANDS);
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
				first = r->years[t].year;
			last = r->years[t].year;
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

static void sentence_saved(const struct workbook *wb, const struct result *r, char *out,
			   size_t size)
{
	int horizon = wb->params.horizon;
	if (!(r->pv_saving > 0.5)) {
		snprintf(out, size,
			 "Tiltakene gir ingen beregnet innsparing for offentlige budsjetter over %d år.",
			 horizon);
		return;
	}
	/* Bearers ordered by what they save, largest first. */
	int order[BEARER_COUNT] = {BEARER_KOMMUNE, BEARER_FYLKESKOMMUNE, BEARER_STAT};
	for (int i = 1; i < BEARER_COUNT; i++)
		for (int j = i; j > 0 && r->by_bearer[order[j]].pv_saving >
					      r->by_bearer[order[j - 1]].pv_saving;
		     j--) {
			int tmp = order[j];
			order[j] = order[j - 1];
			order[j - 1] = tmp;
		}
	int gainers = 0;
	for (int i = 0; i < BEARER_COUNT; i++)
		if (number_round(r->by_bearer[order[i]].pv_saving, 0) != 0)
			gainers++;
	char amount[64];
	fmt_kr_short(amount, sizeof amount, r->pv_saving);
	size_t n = (size_t)snprintf(out, size,
				    "Tiltakene sparer offentlige budsjetter for %s i nåverdi over %d år",
				    amount, horizon);
	if (gainers == 1) {
		snprintf(out + n, size - n, ", alt for %s.", bearer_definite((enum bearer)order[0]));
		return;
	}
	for (int i = 0; i < gainers && n < size; i++) {
		char part[64];
		fmt_kr_short(part, sizeof part, r->by_bearer[order[i]].pv_saving);
		const char *lead = i == 0 ? ", mest for" : (i == 1 ? ", deretter" : " og");
		n += (size_t)snprintf(out + n, size - n, "%s %s (%s)", lead,
				      bearer_definite((enum bearer)order[i]), part);
	}
	if (n < size)
		snprintf(out + n, size - n, ".");
}

static void sentence_net(const struct result *r, char *out, size_t size)
{
	char amount[64];
	fmt_kr_short(amount, sizeof amount, r->npv);
	if (r->has_bcr && r->npv >= 0) {
		char ratio[32];
		fmt_ratio(ratio, sizeof ratio, r->bcr);
		snprintf(out, size,
			 "Netto nåverdi er %s: hver krone som investeres, gir %s kr tilbake til offentlige budsjetter.",
			 amount, ratio);
	} else if (r->npv < 0) {
		snprintf(out, size,
			 "Netto nåverdi er %s: tiltakene koster mer enn de sparer i perioden.", amount);
	} else {
		snprintf(out, size, "Netto nåverdi er %s.", amount);
	}
}

/* How much of the saving lands in another budget than the one that paid:
 * the point of the whole model. */
static bool sentence_cross(const struct result *r, char *out, size_t size)
{
	if (!r->has_flows || !(r->pv_saving > 0.5))
		return false;
	double elsewhere = 0;
	for (int payer = 0; payer < BEARER_COUNT; payer++)
		for (int b = 0; b < BEARER_COUNT; b++)
			if (payer != b)
				elsewhere += r->flows[payer][b];
	char pct[32];
	fmt_pct(pct, sizeof pct, elsewhere / r->pv_saving);
	snprintf(out, size,
		 "Av innsparingen havner %s i et annet budsjett enn det som betaler for tiltakene.",
		 pct);
	return true;
}

static void sentence_payback(const struct workbook *wb, const struct result *r, char *out,
			     size_t size)
{
	int last_year = wb->params.base_year + wb->params.horizon - 1;
	if (r->has_break_even_year) {
		size_t n = (size_t)snprintf(out, size, "Investeringen er tjent inn i %d",
					    r->break_even_year);
		if (r->has_break_even_year_undiscounted &&
		    r->break_even_year_undiscounted != r->break_even_year)
			snprintf(out + n, size - n, " (%d uten diskontering).",
				 r->break_even_year_undiscounted);
		else
			snprintf(out + n, size - n, ".");
	} else {
		snprintf(out, size, "Investeringen er ikke tjent inn innen %d, slutten av perioden.",
			 last_year);
	}
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
		sentence_net(r, sentences[n++], SUMMARY_SENTENCE_SIZE);
	if (n < max && sentence_cross(r, sentences[n], SUMMARY_SENTENCE_SIZE))
		n++;
	if (n < max)
		sentence_payback(wb, r, sentences[n++], SUMMARY_SENTENCE_SIZE);
	return n;
}

static const char *const limits[] = {
	"Modellen regner bare på offentlige budsjetter (kommune, fylkeskommune og stat). "
	"Gevinster for den enkelte, familien, arbeidslivet og samfunnet ellers er ikke med, "
	"så det samfunnsøkonomiske bildet er større enn det som står her.",
	"Resultatene er ikke bedre enn forutsetningene. Hver kostnadspost har en kilde og en "
	"sikkerhetsgrad (A–D) i vedlegget; poster med grad C og D bør kontrolleres før tallene "
	"brukes i en beslutning.",
	"Suksessraten, dødvekten, forsinkelsen, varigheten og den avtakende effekten er "
	"antakelser om hvordan tiltaket virker, ikke målte resultater. Kolonnen «Suksessrate for å "
	"gå i null» viser hvor lav suksessraten kan være før tiltaket ikke lenger lønner seg.",
	"Merkostnadene sammenligner målgruppen med befolkningen ellers (gjennomsnitt). En enkelt "
	"person kan avvike mye fra gjennomsnittet.",
	"Fremtidige beløp er diskontert som angitt i vedlegget, i faste priser; lønns- og "
	"prisvekst er ikke lagt inn.",
};

const char *const *report_limits(size_t *count)
{
	*count = sizeof limits / sizeof limits[0];
	return limits;
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
