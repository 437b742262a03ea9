/*
 * uncertainty.c: the «Usikkerhet» section's figures, tables and text.
 *
 * Must never: print, exit(), compute a figure the engine has.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/numbers.h"
#include "engine/schema.h"
#include "report/label.h"
#include "report/uncertainty.h"

static void reset(struct report_unc *u)
{
	free(u->order);
	free(u->draws);
	u->order = NULL;
	u->draws = NULL;
	u->draw_count = 0;
}

/* The portfolio's kept draws, copied: the run is freed at once, and its
 * draws are the ones unc_results_compute() summarises (same seed, same
 * order of uniforms). */
static int keep_draws(struct report_unc *u, const struct workbook *wb, long draws, uint64_t seed)
{
	struct mc_run *run = malloc(sizeof *run);
	if (run == NULL)
		return -1;
	mc_init(run);
	const struct mc_options opt = {.draws = draws, .seed = seed, .only_measure = -1};
	int rc = -1;
	if (mc_begin(run, wb, &opt) == 0) {
		mc_step(run, draws);
		const double *d = mc_draws(run, -1, UNC_TOTAL);
		u->draws = d ? malloc((size_t)draws * sizeof *u->draws) : NULL;
		if (u->draws != NULL) {
			memcpy(u->draws, d, (size_t)draws * sizeof *u->draws);
			u->draw_count = draws;
			rc = 0;
		}
	}
	mc_free(run);
	free(run);
	return rc;
}

double report_unc_swing(const struct tornado_entry *e)
{
	return fabs(e->npv_high[UNC_TOTAL] - e->npv_low[UNC_TOTAL]);
}

/* Largest swing first; equal swings keep the contract's order (a stable
 * insertion sort: the list is a few entries per measure). */
static void sort_tornado(struct report_unc *u)
{
	size_t n = u->r.portfolio_tornado_count;
	for (size_t i = 0; i < n; i++)
		u->order[i] = i;
	for (size_t i = 1; i < n; i++) {
		size_t k = u->order[i];
		double s = report_unc_swing(&u->r.portfolio_tornado[k]);
		size_t j = i;
		while (j > 0 && report_unc_swing(&u->r.portfolio_tornado[u->order[j - 1]]) < s) {
			u->order[j] = u->order[j - 1];
			j--;
		}
		u->order[j] = k;
	}
}

int report_unc_compute(struct report_unc *u, const struct workbook *wb,
		       const struct projection *p)
{
	memset(u, 0, sizeof *u);
	unc_results_init(&u->r);
	const struct uncertainty_settings *s = &wb->params.uncertainty;
	long draws = s->draws >= 1 ? s->draws : 1;
	for (int b = 0; b < BEARER_COUNT; b++)
		u->point[b] = p->portfolio.by_bearer[b].npv;
	u->point[UNC_TOTAL] = p->portfolio.npv;
	/* No cost and no saving at the point values means none in any draw
	 * either (a draw only scales them): that budget is not mentioned. */
	for (int b = 0; b < BEARER_COUNT; b++)
		u->touched[b] = p->portfolio.by_bearer[b].pv_cost != 0 ||
				p->portfolio.by_bearer[b].pv_saving != 0;
	if (unc_results_compute(&u->r, wb, p, draws, s->seed) != 0)
		return -1;
	size_t n = u->r.portfolio_tornado_count;
	u->order = malloc((n ? n : 1) * sizeof *u->order);
	if (u->order == NULL || keep_draws(u, wb, draws, s->seed) != 0) {
		reset(u);
		return -1;
	}
	sort_tornado(u);
	return 0;
}

void report_unc_free(struct report_unc *u)
{
	reset(u);
	unc_results_free(&u->r);
}

struct report_unc *report_unc_new(const struct workbook *wb, const struct projection *p)
{
	struct report_unc *u = malloc(sizeof *u);
	if (u == NULL)
		return NULL;
	if (report_unc_compute(u, wb, p) != 0) {
		report_unc_delete(u);
		return NULL;
	}
	return u;
}

void report_unc_delete(struct report_unc *u)
{
	if (u == NULL)
		return;
	report_unc_free(u);
	free(u);
}

/* "netto nåverdi", or the plain sum's name when nothing is discounted. */
static const char *npv_words(const struct workbook *wb)
{
	return report_discounted(wb) ? "netto nåverdi" : "netto (summert uten diskontering)";
}

static const char *npv_heading(const struct workbook *wb)
{
	return report_discounted(wb) ? "Netto nåverdi" : "Netto";
}

size_t report_unc_intro(const struct workbook *wb, const struct report_unc *u,
			char sentences[][SUMMARY_SENTENCE_SIZE], size_t max)
{
	size_t n = 0;
	char draws[32];
	number_format(draws, sizeof draws, (double)u->r.portfolio_mc.draws, 0, REPORT_THOUSANDS);
	if (n < max)
		snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
			 "Effektene av tiltakene er usikre. Tallene ellers i saken bygger på ett "
			 "anslag for hver forutsetning; her er %s regnet %s ganger med "
			 "forutsetningene trukket innenfor sine spenn: tiltakenes spenn (lav–høy) "
			 "der arbeidsboka har dem, og kostnadspostenes usikkerhetsspenn etter "
			 "sikkerhetsgraden (A–D).",
			 npv_words(wb), draws);
	return n;
}

size_t report_unc_chances(const struct workbook *wb, const struct report_unc *u,
			  char sentences[][SUMMARY_SENTENCE_SIZE], size_t max)
{
	size_t n = 0;
	const struct mc_stats *t = &u->r.portfolio_mc.line[UNC_TOTAL];
	char pct[32], p10[64], p50[64], p90[64], point[64];
	fmt_pct_dec(pct, sizeof pct, t->prob_positive, 0);
	if (n < max)
		snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
			 "Sannsynlighet for at tiltakene samlet går i pluss for de offentlige "
			 "budsjettene: %s.",
			 pct);
	for (int b = 0; b < BEARER_COUNT && n < max; b++) {
		if (!u->touched[b])
			continue;
		fmt_pct_dec(pct, sizeof pct, u->r.portfolio_mc.line[b].prob_positive, 0);
		snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
			 "Sannsynlighet for at %s går i pluss: %s.", bearer_definite((enum bearer)b),
			 pct);
	}
	fmt_kr_short(p10, sizeof p10, t->p10);
	fmt_kr_short(p50, sizeof p50, t->p50);
	fmt_kr_short(p90, sizeof p90, t->p90);
	fmt_kr_short(point, sizeof point, u->point[UNC_TOTAL]);
	if (n < max)
		snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
			 "I åtte av ti trekk ligger %s for alle budsjettene samlet mellom %s (P10) "
			 "og %s (P90); midt i fordelingen (P50) er den %s. Med hvert anslag for seg "
			 "er den %s.",
			 npv_words(wb), p10, p90, p50, point);
	return n;
}

static void stats_row(struct rtable *t, const char *label, double point, const struct mc_stats *s)
{
	char a[64], m[64], p10[64], p50[64], p90[64], pr[32];
	fmt_kr(a, sizeof a, point, false);
	fmt_kr(m, sizeof m, s->mean, false);
	if (s->has_percentiles) {
		fmt_kr(p10, sizeof p10, s->p10, false);
		fmt_kr(p50, sizeof p50, s->p50, false);
		fmt_kr(p90, sizeof p90, s->p90, false);
	} else {
		snprintf(p10, sizeof p10, "–");
		snprintf(p50, sizeof p50, "–");
		snprintf(p90, sizeof p90, "–");
	}
	fmt_pct_dec(pr, sizeof pr, s->prob_positive, 0);
	rtable_row(t, label, a, m, p10, p50, p90, pr);
}

static void stats_header(struct rtable *t, const char *first)
{
	rtable_init(t, 7, first, "Anslag (kr)", "Gjennomsnitt (kr)", "P10 (kr)", "P50 (kr)",
		    "P90 (kr)", "Sannsynlighet for pluss");
	for (int c = 1; c < 7; c++)
		t->numeric[c] = true;
}

void table_unc_summary(const struct workbook *wb, const struct report_unc *u, struct rtable *t)
{
	(void)wb;
	stats_header(t, "Budsjett");
	stats_row(t, "Alle budsjetter", u->point[UNC_TOTAL], &u->r.portfolio_mc.line[UNC_TOTAL]);
	for (int b = 0; b < BEARER_COUNT; b++)
		stats_row(t, bearer_label((enum bearer)b), u->point[b], &u->r.portfolio_mc.line[b]);
}

void table_unc_measures(const struct workbook *wb, const struct report_unc *u, struct rtable *t)
{
	stats_header(t, "Tiltak");
	for (size_t i = 0; i < wb->measure_count && i < u->r.measure_count; i++) {
		if (!wb->measures[i].enabled)
			continue;
		/* The measure's own point NPV is the unc model's, which is the
		 * projection's (tests/engine_uncertainty.c). */
		stats_row(t, wb->measures[i].name, u->r.model.measures[i].point_npv[UNC_TOTAL],
			  &u->r.measure_mc[i].line[UNC_TOTAL]);
	}
}

static const char *range_label(int input)
{
	return MEASURE_LABEL(range_field_key((enum range_field)input));
}

void report_unc_input_label(const struct workbook *wb, const struct tornado_entry *e,
			    char *buf, size_t size)
{
	if (e->input == UNC_PROFILE && e->group >= 0)
		snprintf(buf, size, "Kostnadene i målgruppen %s", wb->groups[e->group].name);
	else if (e->measure >= 0)
		snprintf(buf, size, "%s – %s", range_label(e->input), wb->measures[e->measure].name);
	else
		snprintf(buf, size, "%s", range_label(e->input));
}

static void field_value(int input, double v, char *buf, size_t size)
{
	if (input == RANGE_COST_PER_PARTICIPANT)
		fmt_kr(buf, size, v, true);
	else
		fmt_pct(buf, size, v);
}

void report_unc_input_value(const struct workbook *wb, const struct tornado_entry *e, int end,
			    char *buf, size_t size)
{
	(void)wb;
	if (e->input == UNC_PROFILE)
		snprintf(buf, size, end == 0 ? "hver post − sitt spenn" : "hver post + sitt spenn");
	else
		field_value(e->input, end == 0 ? e->low : e->high, buf, size);
}

void table_unc_tornado(const struct workbook *wb, const struct report_unc *u, struct rtable *t)
{
	char hl[96], hh[96];
	snprintf(hl, sizeof hl, "%s ved lav (kr)", npv_heading(wb));
	snprintf(hh, sizeof hh, "%s ved høy (kr)", npv_heading(wb));
	rtable_init(t, 6, "Forutsetning", "Lav", "Høy", hl, hh, "Utslag (kr)");
	for (int c = 1; c < 6; c++)
		t->numeric[c] = true;
	for (size_t i = 0; i < u->r.portfolio_tornado_count; i++) {
		const struct tornado_entry *e = &u->r.portfolio_tornado[u->order[i]];
		char label[2 * TEXT_NAME_SIZE + 64], lo[64], hi[64], nl[64], nh[64], sw[64];
		report_unc_input_label(wb, e, label, sizeof label);
		report_unc_input_value(wb, e, 0, lo, sizeof lo);
		report_unc_input_value(wb, e, 1, hi, sizeof hi);
		fmt_kr(nl, sizeof nl, e->npv_low[UNC_TOTAL], false);
		fmt_kr(nh, sizeof nh, e->npv_high[UNC_TOTAL], false);
		fmt_kr(sw, sizeof sw, report_unc_swing(e), false);
		rtable_row(t, label, lo, hi, nl, nh, sw);
	}
}

void report_unc_histogram(const struct report_unc *u, struct unc_histogram *h)
{
	memset(h, 0, sizeof *h);
	if (u->draw_count <= 0) {
		h->width = 1;
		h->first = 0;
		h->last = -1;
		return;
	}
	double lo = u->draws[0], hi = u->draws[0];
	for (long i = 1; i < u->draw_count; i++) {
		lo = fmin(lo, u->draws[i]);
		hi = fmax(hi, u->draws[i]);
	}
	/* Every draw alike (no spread, no range): one bar in the middle. */
	if (!(hi - lo >= 1)) {
		double mid = (lo + hi) / 2;
		lo = mid - 0.5 * UNC_HIST_BINS;
		hi = mid + 0.5 * UNC_HIST_BINS;
	}
	h->lo = lo;
	h->width = (hi - lo) / UNC_HIST_BINS;
	for (long i = 0; i < u->draw_count; i++) {
		int k = (int)floor((u->draws[i] - lo) / h->width);
		if (k < 0)
			k = 0;
		if (k >= UNC_HIST_BINS)
			k = UNC_HIST_BINS - 1;
		h->count[k]++;
	}
	h->first = 0;
	while (h->first < UNC_HIST_BINS - 1 && h->count[h->first] == 0)
		h->first++;
	h->last = UNC_HIST_BINS - 1;
	while (h->last > h->first && h->count[h->last] == 0)
		h->last--;
	for (int k = 0; k < UNC_HIST_BINS; k++)
		if (h->count[k] > h->max_count)
			h->max_count = h->count[k];
}

void table_unc_histogram(const struct workbook *wb, const struct report_unc *u,
			 struct rtable *t)
{
	struct unc_histogram h;
	char from[96], to[96];
	snprintf(from, sizeof from, "%s fra (kr)", npv_heading(wb));
	snprintf(to, sizeof to, "til (kr)");
	rtable_init(t, 5, from, to, "Trekk", "Andel", "Diagram");
	t->numeric[0] = t->numeric[1] = t->numeric[2] = t->numeric[3] = true;
	report_unc_histogram(u, &h);
	for (int k = h.first; k <= h.last; k++) {
		char a[64], b[64], c[32], s[32], bar[20 * 4 + 8];
		fmt_kr(a, sizeof a, h.lo + k * h.width, false);
		fmt_kr(b, sizeof b, h.lo + (k + 1) * h.width, false);
		number_format(c, sizeof c, (double)h.count[k], 0, REPORT_THOUSANDS);
		fmt_pct(s, sizeof s, u->draw_count ? (double)h.count[k] / (double)u->draw_count : 0);
		text_bar(bar, sizeof bar, (double)h.count[k], (double)h.max_count, 20);
		rtable_row(t, a, b, c, s, bar);
	}
}

void report_unc_switching_intro(const struct workbook *wb, char *out, size_t size)
{
	snprintf(out, size,
		 "En brytningsverdi er den verdien av én forutsetning, med alt annet som i "
		 "anslaget, der tiltakets %s blir null. Ligger anslaget nær brytningsverdien, "
		 "skal det lite til før tiltaket ikke lenger lønner seg for de offentlige "
		 "budsjettene. Der det ikke står noen verdi, finnes den ikke innenfor det "
		 "tillatte (0–100 %% for rater, 0 eller mer for kostnad og kostnadsnivå).",
		 npv_words(wb));
}

void report_unc_switching(const struct workbook *wb, const struct report_unc *u, size_t m,
			  char *out, size_t size)
{
	static const int order[] = {RANGE_SUCCESS_RATE, RANGE_COST_PER_PARTICIPANT,
				    RANGE_DEADWEIGHT, UNC_PROFILE};
	const struct measure *me = &wb->measures[m];
	const struct switching_values *sv = &u->r.switching[m];
	const double point[] = {me->success_rate, me->cost_per_participant, me->deadweight, 1.0};
	char parts[4][256];
	size_t n = 0;
	for (size_t i = 0; i < 4; i++) {
		int in = order[i];
		if (!sv->has[in])
			continue;
		char v[64], a[64];
		if (in == UNC_PROFILE) {
			fmt_pct(v, sizeof v, sv->value[in]);
			snprintf(parts[n++], sizeof parts[0],
				 "når kostnadene i målgruppen er %s av anslaget", v);
			continue;
		}
		field_value(in, sv->value[in], v, sizeof v);
		field_value(in, point[i], a, sizeof a);
		char label[64];
		snprintf(label, sizeof label, "%s", range_label(in));
		/* Mid-sentence the label starts in lower case (ASCII first letters). */
		if (label[0] >= 'A' && label[0] <= 'Z')
			label[0] = (char)(label[0] - 'A' + 'a');
		snprintf(parts[n++], sizeof parts[0], "ved %s %s (anslag %s)", label, v, a);
	}
	if (n == 0) {
		snprintf(out, size,
			 "«%s» går ikke i null for noen tillatt verdi av suksessrate, kostnad per "
			 "deltaker, dødvekt eller kostnadsnivået i målgruppen alene.",
			 me->name);
		return;
	}
	size_t len = (size_t)snprintf(out, size, "«%s» går i null ", me->name);
	for (size_t i = 0; i < n && len < size; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%s",
					i == 0 ? "" : i + 1 == n ? " eller " : ", ", parts[i]);
	if (len < size)
		snprintf(out + len, size - len, ".");
}

size_t report_unc_grades_text(const struct workbook *wb, char sentences[][SUMMARY_SENTENCE_SIZE],
			      size_t max)
{
	size_t n = 0;
	const double *w = wb->params.uncertainty.spread;
	char a[32], d[32];
	fmt_pct_dec(a, sizeof a, w[CONFIDENCE_A], 0);
	fmt_pct_dec(d, sizeof d, w[CONFIDENCE_D], 0);
	if (n < max)
		snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
			 "Hver kostnadspost har en sikkerhetsgrad fra A (offisiell statistikk for "
			 "nettopp denne størrelsen) til D (en antakelse som fyller et hull). Jo "
			 "svakere tallet er belagt, jo større usikkerhetsspenn: en post med grad A "
			 "kan i simuleringen ligge inntil %s under eller over anslaget, en post med "
			 "grad D inntil %s.",
			 a, d);
	if (n < max)
		snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
			 "Hver post trekkes for seg fra en trekantfordeling innenfor sitt spenn: "
			 "anslaget er mest sannsynlig, og verdier lenger fra det er mindre "
			 "sannsynlige. Tiltakenes spenn (lav–høy) trekkes på samme måte, med "
			 "anslaget som det mest sannsynlige. Tiltak som er slått av, er ikke med i "
			 "summene, men trekkes likevel, så å slå et tiltak av eller på endrer ikke "
			 "de andres trekk.");
	return n;
}

void table_unc_grades(const struct workbook *wb, struct rtable *t)
{
	char spread[64];
	rtable_init(t, 3, "Sikkerhetsgrad", "Betydning",
		    report_head(spread, sizeof spread, SCHEMA_WORKBOOK, "uncertainty.spread", " (±)"));
	t->numeric[2] = true;
	for (int c = CONFIDENCE_A; c <= CONFIDENCE_D; c++) {
		char w[32];
		fmt_pct(w, sizeof w, wb->params.uncertainty.spread[c]);
		rtable_row(t, confidence_key((enum confidence)c),
			   confidence_explanation((enum confidence)c), w);
	}
}

void table_unc_ranges(const struct workbook *wb, struct rtable *t)
{
	rtable_init(t, 5, "Tiltak", "Forutsetning", "Lav", "Anslag", "Høy");
	t->numeric[2] = t->numeric[3] = t->numeric[4] = true;
	for (size_t i = 0; i < wb->measure_count; i++) {
		const struct measure *m = &wb->measures[i];
		const double point[RANGE_FIELD_COUNT] = {
			[RANGE_SUCCESS_RATE] = m->success_rate,
			[RANGE_DEADWEIGHT] = m->deadweight,
			[RANGE_DECAY] = m->decay,
			[RANGE_COST_PER_PARTICIPANT] = m->cost_per_participant};
		for (int f = 0; f < RANGE_FIELD_COUNT; f++) {
			if (!m->ranges[f].set)
				continue;
			char lo[64], pt[64], hi[64];
			field_value(f, m->ranges[f].low, lo, sizeof lo);
			field_value(f, point[f], pt, sizeof pt);
			field_value(f, m->ranges[f].high, hi, sizeof hi);
			rtable_row(t, m->name, range_label(f), lo, pt, hi);
		}
	}
}

void report_unc_reproduce(const struct workbook *wb, const struct report_unc *u, char *out,
			  size_t size)
{
	(void)wb;
	char draws[32];
	number_format(draws, sizeof draws, (double)u->r.portfolio_mc.draws, 0, REPORT_THOUSANDS);
	snprintf(out, size,
		 "Simuleringen har %s trekk med startverdi (frø) %llu. Den gir nøyaktig de samme "
		 "tallene hver gang og på hver maskin: generatoren er xoshiro256** startet med "
		 "splitmix64, trekkene tas i en fast rekkefølge, og persentilene er etter "
		 "nærmeste rang (MODEL.md, «Uncertainty»). Tallene kan regnes ut på nytt med "
		 "utenfor calc --json --draws %ld --seed %llu ARBEIDSBOK; antall trekninger og "
		 "frøet er innstillinger i arbeidsboka.",
		 draws, (unsigned long long)u->r.portfolio_mc.seed, u->r.portfolio_mc.draws,
		 (unsigned long long)u->r.portfolio_mc.seed);
}
