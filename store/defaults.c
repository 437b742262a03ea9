/*
 * defaults.c: the embedded default workbook (doc/default-data.md explains
 * every figure).  These are starting points built from
 * shared/reference/figures.md; a municipality must replace them with its
 * own numbers, which is why every item carries its source and grade.
 *
 * Grades: A official statistics for this exact quantity, B official
 * statistics adapted, C a published estimate or press report, D an
 * assumption made to fill a gap.  Anything derived (a share of a figure,
 * an index adjustment, a split between budgets) is D.
 *
 * Must never: do I/O.
 */
#include "store/store.h"

#include <string.h>

struct default_item {
	const char *name;
	enum bearer bearer;
	double amount;
	enum amount_unit unit;
	int from_age, to_age;
	const char *source;
	enum confidence confidence;
};

struct default_group {
	const char *id;
	const char *name;
	const char *description;
	int entry_age;
	const struct default_item *items;
};

/* Økonomisk sosialhjelp: 37 071 kr per case and year in 2009 (SSB),
 * indexed with a consumer price factor of about 1,5 to 2025 ≈ 55 600 kr. */
#define SOSIALHJELP_2025 55600.0
#define SOSIALHJELP_SOURCE                                                                  \
	"SSB sosialhjelpsstatistikk 2010: 37 071 kr per sak/år (2009), KPI-justert x1,5 "   \
	"til ca. 55 600 kr; andelen er antatt"

/* Sources several groups' items cite; stated once so they cannot drift. */
#define AAP_SOURCE                                                                          \
	"Folketrygdloven § 11-16 via NAV-veiledere: minst 2,44 G før 26 år; andelen er antatt"
#define UFORE_SOURCE                                                                        \
	"Folketrygdloven, minsteytelse ung ufør ca. 2,91 G (ikke verifisert); andelen er antatt"
#define LIGGEDOGN_SOURCE                                                                    \
	"Aftenposten, leder mai 2019: ca. 20 000 kr per liggedøgn; ett døgn/år er antatt"
#define FRAFALL_STAT_SOURCE                                                                 \
	"KS 2019 via Aftenposten: 30 000 kr/år per frafall, 2/3 stat; andelen er antatt"

static const struct default_item frafall_items[] = {
	{"Offentlige merutgifter, statlig del (trygd, NAV)", BEARER_STAT, 20000, UNIT_NOK, 20,
	 66,
	 "KS 2019 via Aftenposten/Adresseavisen: ca. 30 000 kr/år resten av livet; 2/3 til "
	 "staten er antatt",
	 CONFIDENCE_D},
	{"Offentlige merutgifter, kommunal del (sosialhjelp, tjenester)", BEARER_KOMMUNE, 10000,
	 UNIT_NOK, 20, 66,
	 "KS 2019 via Aftenposten/Adresseavisen: ca. 30 000 kr/år resten av livet; 1/3 til "
	 "kommunen er antatt",
	 CONFIDENCE_D},
	{NULL},
};

static const struct default_item innvandrer_items[] = {
	{"Økonomisk sosialhjelp (20 % flere mottakere)", BEARER_KOMMUNE, 0.20 * SOSIALHJELP_2025,
	 UNIT_NOK, 18, 29, SOSIALHJELP_SOURCE, CONFIDENCE_D},
	{"Arbeidsavklaringspenger (5 % flere, minst 2,44 G)", BEARER_STAT, 0.05 * 2.44, UNIT_G, 19,
	 29, AAP_SOURCE,
	 CONFIDENCE_D},
	{"Offentlige merutgifter ved frafall (15 % flere frafall)", BEARER_STAT, 0.15 * 20000,
	 UNIT_NOK, 20, 66,
	 FRAFALL_STAT_SOURCE,
	 CONFIDENCE_D},
	{NULL},
};

static const struct default_item trygd_items[] = {
	{"Økonomisk sosialhjelp (25 % flere mottakere)", BEARER_KOMMUNE, 0.25 * SOSIALHJELP_2025,
	 UNIT_NOK, 18, 29, SOSIALHJELP_SOURCE, CONFIDENCE_D},
	{"Arbeidsavklaringspenger (10 % flere, minst 2,44 G)", BEARER_STAT, 0.10 * 2.44, UNIT_G, 19,
	 29, AAP_SOURCE,
	 CONFIDENCE_D},
	{"Uføretrygd som ung ufør (5 % flere, ca. 2,91 G)", BEARER_STAT, 0.05 * 2.91, UNIT_G, 25,
	 66, UFORE_SOURCE,
	 CONFIDENCE_D},
	{NULL},
};

static const struct default_item psykisk_rus_items[] = {
	{"Hjelpetiltak i barnevernet (30 % flere)", BEARER_KOMMUNE, 0.30 * 33817, UNIT_NOK, 8, 11,
	 "Oslo Economics/Fürst & Høverstad for Bufdir: 135 268 kr per barn over ca. 4 år; "
	 "andelen er antatt",
	 CONFIDENCE_D},
	{"Psykisk helsevern for barn og unge (1 liggedøgn/år)", BEARER_STAT, 20000, UNIT_NOK, 12,
	 17, LIGGEDOGN_SOURCE,
	 CONFIDENCE_D},
	{"Arbeidsavklaringspenger (10 % flere, minst 2,44 G)", BEARER_STAT, 0.10 * 2.44, UNIT_G, 19,
	 29, AAP_SOURCE,
	 CONFIDENCE_D},
	{"Økonomisk sosialhjelp (15 % flere mottakere)", BEARER_KOMMUNE, 0.15 * SOSIALHJELP_2025,
	 UNIT_NOK, 18, 29, SOSIALHJELP_SOURCE, CONFIDENCE_D},
	{NULL},
};

static const struct default_item barnevern_items[] = {
	{"Hjelpetiltak i barnevernet", BEARER_KOMMUNE, 33817, UNIT_NOK, 10, 13,
	 "Oslo Economics/Fürst & Høverstad for Bufdir: 135 268 kr per barn over ca. 4 år "
	 "(= 33 817 kr/år)",
	 CONFIDENCE_C},
	{"Plassering utenfor hjemmet (10 % av gruppen)", BEARER_KOMMUNE, 0.10 * 575000, UNIT_NOK,
	 12, 15,
	 "Oslo Economics/Fürst & Høverstad for Bufdir: ca. 2,3 mill. kr mer over ca. 4 år; "
	 "andelen er antatt",
	 CONFIDENCE_D},
	{"Økonomisk sosialhjelp (20 % flere mottakere)", BEARER_KOMMUNE, 0.20 * SOSIALHJELP_2025,
	 UNIT_NOK, 18, 29, SOSIALHJELP_SOURCE, CONFIDENCE_D},
	{"Arbeidsavklaringspenger (10 % flere, minst 2,44 G)", BEARER_STAT, 0.10 * 2.44, UNIT_G, 19,
	 29, AAP_SOURCE,
	 CONFIDENCE_D},
	{NULL},
};

static const struct default_item atferd_items[] = {
	{"Barnevernsinstitusjon (2 % av gruppen, hele året)", BEARER_STAT, 0.02 * 365 * 15562,
	 UNIT_NOK, 13, 17,
	 "SSB barnevernsinstitusjoner: 15 562 kr per døgn (2022); andelen og statlig "
	 "finansiering er antatt",
	 CONFIDENCE_D},
	{"Tilrettelegging og oppfølging i videregående", BEARER_FYLKESKOMMUNE, 15000, UNIT_NOK, 16,
	 18, "Antakelse; ingen kilde i referansetallene", CONFIDENCE_D},
	{"Offentlige merutgifter ved frafall (30 % flere frafall)", BEARER_STAT, 0.30 * 20000,
	 UNIT_NOK, 20, 66,
	 FRAFALL_STAT_SOURCE,
	 CONFIDENCE_D},
	{"Offentlige merutgifter ved frafall, kommunal del", BEARER_KOMMUNE, 0.30 * 10000,
	 UNIT_NOK, 20, 66,
	 "KS 2019 via Aftenposten: 30 000 kr/år per frafall, 1/3 kommune; andelen er antatt",
	 CONFIDENCE_D},
	{NULL},
};

static const struct default_item angst_items[] = {
	{"Psykisk helsevern for barn og unge (1 liggedøgn/år)", BEARER_STAT, 20000, UNIT_NOK, 14,
	 17, LIGGEDOGN_SOURCE,
	 CONFIDENCE_D},
	{"Arbeidsavklaringspenger (15 % flere, minst 2,44 G)", BEARER_STAT, 0.15 * 2.44, UNIT_G, 19,
	 29, AAP_SOURCE,
	 CONFIDENCE_D},
	{"Uføretrygd som ung ufør (5 % flere, ca. 2,91 G)", BEARER_STAT, 0.05 * 2.91, UNIT_G, 25,
	 66, UFORE_SOURCE,
	 CONFIDENCE_D},
	{"Økonomisk sosialhjelp (10 % flere mottakere)", BEARER_KOMMUNE, 0.10 * SOSIALHJELP_2025,
	 UNIT_NOK, 18, 29, SOSIALHJELP_SOURCE, CONFIDENCE_D},
	{NULL},
};

static const struct default_group default_groups[] = {
	{"frafall-vgs", "Unge som har falt ut av videregående",
	 "Unge som har sluttet i videregående opplæring, eller ikke har fullført innen normert "
	 "tid pluss to år.",
	 16, frafall_items},
	{"lavinntekt-innvandrerforeldre", "Barn i lavinntektsfamilier med innvandrerforeldre",
	 "Barn i familier med vedvarende lavinntekt, født i Norge av innvandrerforeldre.", 10,
	 innvandrer_items},
	{"lavinntekt-trygd", "Barn i lavinntektsfamilier der en forelder har trygd eller sosialhjelp",
	 "Barn i familier med vedvarende lavinntekt der en forelder mottar uføretrygd eller "
	 "økonomisk sosialhjelp.",
	 10, trygd_items},
	{"foreldre-psykisk-rus", "Barn av foreldre med psykiske lidelser eller rusproblemer",
	 "Barn der en forelder har en psykisk lidelse eller et rusproblem.", 8,
	 psykisk_rus_items},
	{"barnevern-hjelpetiltak", "Barn med hjelpetiltak fra barnevernet",
	 "Barn som får hjelpetiltak i hjemmet fra barnevernstjenesten.", 10, barnevern_items},
	{"atferdsvansker", "Barn og unge med atferdsvansker",
	 "Barn og unge med alvorlige atferdsvansker.", 12, atferd_items},
	{"angst-depresjon", "Barn og unge med angst eller depresjon",
	 "Barn og unge med angstlidelser eller depresjon.", 14, angst_items},
};

#define GROUP_COUNT (sizeof default_groups / sizeof default_groups[0])

static int add_group(struct workbook *wb, const struct default_group *dg)
{
	struct target_group g;
	memset(&g, 0, sizeof g);
	text_set(g.id, sizeof g.id, dg->id);
	text_set(g.name, sizeof g.name, dg->name);
	text_set(g.description, sizeof g.description, dg->description);
	g.entry_age = dg->entry_age;
	for (const struct default_item *di = dg->items; di->name != NULL; di++) {
		struct cost_item it;
		memset(&it, 0, sizeof it);
		text_set(it.name, sizeof it.name, di->name);
		text_set(it.source, sizeof it.source, di->source);
		it.bearer = di->bearer;
		it.amount = di->amount;
		it.unit = di->unit;
		it.from_age = di->from_age;
		it.to_age = di->to_age;
		it.confidence = di->confidence;
		if (target_group_add_item(&g, &it) < 0) {
			target_group_free_items(&g);
			return -1;
		}
	}
	long index = workbook_add_group(wb, &g);
	target_group_free_items(&g);
	return index < 0 ? -1 : 0;
}

static int add_measure(struct workbook *wb, const char *name, const char *group, long n,
		       int duration, double cost, enum bearer payer, double success,
		       double deadweight, int lag, int effect_years, double decay)
{
	struct measure m;
	measure_defaults(&m);
	text_set(m.name, sizeof m.name, name);
	text_set(m.group_id, sizeof m.group_id, group);
	long gi = workbook_find_group(wb, group);
	m.start_age = gi >= 0 ? wb->groups[gi].entry_age : 0;
	m.participants = n;
	m.start_year = wb->params.base_year;
	m.duration = duration;
	m.cost_per_participant = cost;
	double shares[BEARER_COUNT] = {0};
	shares[payer] = 1.0;
	measure_payer_set_bearers(&m, shares);
	m.success_rate = success;
	m.deadweight = deadweight;
	m.lag = lag;
	m.effect_years = effect_years;
	m.decay = decay;
	return workbook_add_measure(wb, &m) < 0 ? -1 : 0;
}

int store_default_workbook(struct workbook *wb)
{
	workbook_free(wb);
	struct workbook_params *p = &wb->params;
	workbook_params_defaults(p);
	text_set(p->name, sizeof p->name, "Eksempel");
	text_set(p->municipality, sizeof p->municipality, "Eksempelkommune");
	p->base_year = 2027;
	p->horizon = HORIZON_DEFAULT;
	p->discount.mode = DISCOUNT_R109;
	p->g_amount = 130160.0;
	for (size_t i = 0; i < GROUP_COUNT; i++)
		if (add_group(wb, &default_groups[i]) < 0)
			goto fail;
	/* MODEL.md's published example: 80 young people, 7 500 kr each, paid
	 * by the fylkeskommune, which owns videregående. */
	if (add_measure(wb, "Oppfølgingslos", "frafall-vgs", 80, 1, 7500, BEARER_FYLKESKOMMUNE,
			0.2, 0.0, 0, 0, 0.0) < 0 ||
	    add_measure(wb, "Familieveiledning", "barnevern-hjelpetiltak", 20, 2, 40000,
			BEARER_KOMMUNE, 0.15, 0.1, 1, 0, 0.0) < 0 ||
	    add_measure(wb, "Lavterskel psykisk helsetilbud", "angst-depresjon", 50, 1, 15000,
			BEARER_KOMMUNE, 0.1, 0.2, 0, 20, 0.05) < 0)
		goto fail;
	return 0;
fail:
	workbook_free(wb);
	return -1;
}
