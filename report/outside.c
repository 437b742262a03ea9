/*
 * outside.c: the sentences about what the calculation leaves out, from
 * the measures' inputs and MODEL.md's projection (a measure costs in years
 * s … s+D−1 and has an effect from s+L for E years or to the end).
 *
 * Must never: print, allocate.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "report/outside.h"

#define NAMES_SHOWN 3

/* Append «name» to a list of names, "«A», «B» og «C»" (and "og N andre"
 * past NAMES_SHOWN); `count` is how many are listed so far. */
static void name_list(char *buf, size_t size, size_t *count, size_t total, const char *name)
{
	size_t n = strlen(buf), i = (*count)++;
	if (i >= NAMES_SHOWN) {
		if (i == NAMES_SHOWN && n < size)
			snprintf(buf + n, size - n, " og %zu andre", total - NAMES_SHOWN);
		return;
	}
	/* "A, B og C" when all are shown; "A, B, C og 2 andre" otherwise. */
	const char *sep = i == 0 ? "" : (total <= NAMES_SHOWN && i + 1 == total ? " og " : ", ");
	if (n < size)
		snprintf(buf + n, size - n, "%s«%s»", sep, name);
}

/* "2025" or "2025–2026". */
static void span(char *buf, size_t size, int first, int last)
{
	if (first == last)
		snprintf(buf, size, "%d", first);
	else
		snprintf(buf, size, "%d–%d", first, last);
}

/* Whether measure i still has an effect, and savings, in the last year. */
static bool lasts_beyond(const struct workbook *wb, const struct projection *p, size_t i)
{
	const struct measure *m = &wb->measures[i];
	int h = wb->params.horizon;
	int s = m->start_year - wb->params.base_year;
	int k_last = h - 1 - (s + m->lag);
	if (k_last < 0 || (m->effect_years > 0 && k_last + 1 >= m->effect_years))
		return false;
	if (i >= p->measure_count)
		return false;
	const struct year_flows *y = &p->measures[i].years[h - 1];
	double saving = 0;
	for (int b = 0; b < BEARER_COUNT; b++)
		saving += y->saving[b];
	return saving != 0;
}

size_t report_outside(const struct workbook *wb, const struct projection *p,
		      char sentences[][SUMMARY_SENTENCE_SIZE], size_t max)
{
	const struct workbook_params *pa = &wb->params;
	int first = pa->base_year, last = pa->base_year + pa->horizon - 1;
	size_t n = 0;
	if (max == 0)
		return 0;
	snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
		 "Beregningen dekker %d–%d. Kostnader og gevinst før %d og etter %d er ikke med "
		 "i noen av tallene.",
		 first, last, first, last);
	/* The økonomiplan window may reach past either end of the horizon. */
	int plan_first = pa->plan.start_year, plan_last = pa->plan.start_year + pa->plan.years - 1;
	if ((plan_first < first || plan_last > last) && n < max) {
		char outside[96] = "", when[32];
		size_t len = 0;
		if (plan_first < first) {
			span(when, sizeof when, plan_first, plan_last < first ? plan_last : first - 1);
			len += (size_t)snprintf(outside + len, sizeof outside - len, "%s", when);
		}
		if (plan_last > last) {
			span(when, sizeof when, plan_first > last ? plan_first : last + 1, plan_last);
			snprintf(outside + len, sizeof outside - len, "%s%s", len ? " og " : "", when);
		}
		snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
			 "Økonomiplanen gjelder %d–%d, men %s ligger utenfor beregningsperioden og "
			 "er ikke med i økonomiplantabellen.",
			 plan_first, plan_last, outside);
	}
	size_t beyond_total = 0;
	for (size_t i = 0; i < wb->measure_count; i++) {
		const struct measure *m = &wb->measures[i];
		if (!m->enabled)
			continue;
		int s = m->start_year - pa->base_year;
		int cost_last = m->start_year + m->duration - 1;
		char when[32], amount[64];
		if (s >= pa->horizon) {
			if (n < max)
				snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
					 "«%s» starter i %d, etter beregningsperioden, og er ikke med i "
					 "tallene.",
					 m->name, m->start_year);
			continue;
		}
		if (m->start_year < first && n < max) {
			int before_last = cost_last < first - 1 ? cost_last : first - 1;
			span(when, sizeof when, m->start_year, before_last);
			fmt_kr_short(amount, sizeof amount,
				     (double)(before_last - m->start_year + 1) * (double)m->participants *
					     m->cost_per_participant);
			snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
				 "«%s» startet i %d, før første år i beregningen: kostnadene for %s (%s) "
				 "og virkningen i de årene er ikke med.",
				 m->name, m->start_year, when, amount);
		}
		if (cost_last > last && n < max) {
			int after_first = m->start_year > last + 1 ? m->start_year : last + 1;
			span(when, sizeof when, after_first, cost_last);
			fmt_kr_short(amount, sizeof amount,
				     (double)(cost_last - after_first + 1) * (double)m->participants *
					     m->cost_per_participant);
			snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
				 "«%s» koster også penger i %s (%s), etter beregningsperioden; de "
				 "kostnadene er ikke med.",
				 m->name, when, amount);
		}
		if (lasts_beyond(wb, p, i))
			beyond_total++;
	}
	if (beyond_total > 0 && n < max) {
		char names[SUMMARY_SENTENCE_SIZE / 2] = "";
		size_t count = 0;
		for (size_t i = 0; i < wb->measure_count; i++)
			if (wb->measures[i].enabled && lasts_beyond(wb, p, i))
				name_list(names, sizeof names, &count, beyond_total,
					  wb->measures[i].name);
		snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
			 "Virkningen av %s varer fortsatt i %d; gevinsten etter %d er ikke med, så "
			 "den samlede gevinsten er større enn tallene viser.",
			 names, last, last);
	}
	return n;
}
