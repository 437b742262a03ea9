/*
 * society.c: the «Samfunnsøkonomisk perspektiv» section's tables and
 * text.
 *
 * Must never: print, exit(), compute a figure the engine has.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/label.h"
#include "report/society.h"

static void row(struct rtable *t, const char *label, double value)
{
	char v[64];
	fmt_kr(v, sizeof v, value, false);
	rtable_row(t, label, v);
}

void table_society(const struct workbook *wb, const struct result *r, struct rtable *t)
{
	const struct society_result *s = &r->society;
	char head[64], tax[160], pct[32];
	snprintf(head, sizeof head, "%s (kr)", report_discounted(wb) ? "Nåverdi" : "Sum");
	rtable_init(t, 2, "Ledd", head);
	t->numeric[1] = true;
	row(t, "Sparte offentlige tjenester", s->pv_services);
	row(t, "Økt produksjon", s->pv_production);
	row(t, "Bedre livskvalitet", s->pv_welfare);
	row(t, "Tiltakenes kostnad", -r->pv_cost);
	fmt_pct(pct, sizeof pct, wb->params.tax_cost);
	snprintf(tax, sizeof tax, "%s (%s av budsjettvirkningen)", PARAM_LABEL("society.tax_cost"),
		 pct);
	row(t, tax, wb->params.tax_cost * r->npv);
	row(t, "Samfunnsøkonomisk netto", s->npv_society);
}

void table_society_measures(const struct workbook *wb, const struct projection *p,
			    struct rtable *t)
{
	rtable_init(t, 4, "Tiltak", MEASURE_LABEL("enabled"), "Netto for offentlige budsjetter (kr)",
		    "Samfunnsøkonomisk netto (kr)");
	t->numeric[2] = t->numeric[3] = true;
	for (size_t i = 0; i < wb->measure_count && i < p->measure_count; i++) {
		const struct result *r = &p->measures[i];
		char b[64], s[64];
		fmt_kr(b, sizeof b, r->npv, false);
		fmt_kr(s, sizeof s, r->society.npv_society, false);
		rtable_row(t, wb->measures[i].name, wb->measures[i].enabled ? "ja" : "nei", b, s);
	}
}

size_t report_society_text(const struct workbook *wb, const struct result *r,
			   char sentences[][SUMMARY_SENTENCE_SIZE], size_t max)
{
	size_t n = 0;
	char soc[64], bud[64], pct[32];
	fmt_kr_short(soc, sizeof soc, r->society.npv_society);
	fmt_kr_short(bud, sizeof bud, r->npv);
	fmt_pct(pct, sizeof pct, wb->params.tax_cost);
	const char *pv = report_discounted(wb) ? " i nåverdi" : "";
	if (n < max)
		snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
			 "For samfunnet som helhet er netto %s%s, mot %s for de offentlige "
			 "budsjettene. Tallene ovenfor er budsjettenes; her er det samfunnets "
			 "regnskap, ført etter Finansdepartementets rundskriv R-109 og DFØs "
			 "veileder i samfunnsøkonomiske analyser.",
			 soc, pv, bud);
	if (n < max)
		snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
			 "Trygd, stønader og skatt er overføringer: det staten sparer i trygd, "
			 "får mottakeren mindre i inntekt, og skatten en person betaler, går fra "
			 "personen til fellesskapet. For samfunnet som helhet går de i null og er "
			 "derfor ikke med her. Det som blir igjen, er virkelige ressurser: "
			 "tjenester som ikke trengs (barnevern, helse, skole, kriminalomsorg), "
			 "arbeid som blir gjort (produksjon) og bedre livskvalitet.");
	/* "R-109 … (20 %); denne arbeidsboka bruker 20,0 %" reads as if the
	 * two differed: say which it is. */
	char used[96];
	if (fabs(wb->params.tax_cost - TAX_COST_DEFAULT) < 1e-12)
		snprintf(used, sizeof used, ", og det bruker denne arbeidsboka også");
	else
		snprintf(used, sizeof used, "; denne arbeidsboka bruker %s", pct);
	if (n < max)
		snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
			 "Hver krone det offentlige bruker, må skaffes med skatt, og skatt gjør "
			 "at økonomien virker litt dårligere enn den ellers ville: folk jobber, "
			 "sparer og handler annerledes. R-109 setter denne "
			 "skattefinansieringskostnaden til 20 øre per krone (20 %%)%s. Et tiltak "
			 "som bedrer de offentlige budsjettene med en krone, sparer derfor "
			 "samfunnet også for den kostnaden, og et som forverrer dem, koster den.",
			 used);
	return n;
}

/* Whether any group an enabled measure uses has an item of kind k. */
static bool kind_used(const struct workbook *wb, enum item_kind k)
{
	for (size_t m = 0; m < wb->measure_count; m++) {
		if (!wb->measures[m].enabled)
			continue;
		long g = workbook_find_group(wb, wb->measures[m].group_id);
		if (g < 0)
			continue;
		for (size_t i = 0; i < wb->groups[g].item_count; i++)
			if (wb->groups[g].items[i].kind == k)
				return true;
	}
	return false;
}

size_t report_society_caveats(const struct workbook *wb, char sentences[][SUMMARY_SENTENCE_SIZE],
			      size_t max)
{
	size_t n = 0;
	if (n < max)
		snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
			 "Produksjonen er verdsatt til det gruppen ville tjent (arbeidsinntekt). "
			 "Det er et vanlig, men grovt mål på verdien av arbeidet.%s",
			 kind_used(wb, ITEM_PRODUCTION)
				 ? ""
				 : " Arbeidsboka har ingen poster for produksjon i målgruppene "
				   "tiltakene bruker, så økt produksjon er ikke med (0 kr).");
	if (n < max)
		snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE,
			 "Fortrengning er ikke regnet med: at den som får en jobb, kan ta den "
			 "fra en annen, er ikke trukket fra.");
	if (n < max)
		snprintf(sentences[n++], SUMMARY_SENTENCE_SIZE, "%s",
			 kind_used(wb, ITEM_WELFARE)
				 ? "Livskvalitet er bare med der arbeidsboka har tall for den "
				   "(poster av typen livskvalitet); der den mangler, er den ikke "
				   "med, ikke fordi den er uten verdi."
				 : "Livskvalitet er bare med der arbeidsboka har tall for den, og "
				   "målgruppene tiltakene bruker har ingen slike poster: den er "
				   "derfor ikke med (0 kr), ikke fordi den er uten verdi.");
	return n;
}
