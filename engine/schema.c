/*
 * schema.c: the field tables of every row kind and the table of ranges
 * (see schema.h).  A new field is one line here; its label is the word of
 * doc/glossary.md.
 *
 * Invariant (tests/engine_schema.c): every key is a MODEL.md field of its
 * row; every range names a field of the schema that carries its id; a
 * range's key is the last part of that field's path.
 *
 * Must never: do I/O, allocate, call ncurses or SQLite.
 */
#include "engine/schema.h"

#include <string.h>

#include "i18n/i18n.h"

#define P(member) offsetof(struct workbook_params, member)
#define S(member) offsetof(struct sector, member)
#define G(member) offsetof(struct target_group, member)
#define I(member) offsetof(struct cost_item, member)
#define M(member) offsetof(struct measure, member)

/* ---- the workbook ---------------------------------------------------- */

const struct field_desc params_fields[] = {
	{N_("Navn"), FT_TEXT, -1, P(name), TEXT_NAME_SIZE, "name", NULL},
	{N_("Kommune"), FT_TEXT, -1, P(municipality), TEXT_NAME_SIZE, "municipality", NULL},
	{N_("Basisår"), FT_INT, FIELD_BASE_YEAR, P(base_year), 0, "base_year", NULL},
	{N_("Horisont (år)"), FT_INT, FIELD_HORIZON, P(horizon), 0, "horizon", NULL},
	{N_("Diskontering"), FT_DISCOUNT, -1, P(discount.mode), 0, "discount.mode", NULL},
	{N_("Diskonteringsrente"), FT_PERCENT, FIELD_DISCOUNT_RATE, P(discount.rate), 0,
	 "discount.rate", NULL},
	{N_("G (grunnbeløpet)"), FT_NUMBER, FIELD_G_AMOUNT, P(g_amount), 0, "g_amount", N_("kr")},
	/* Version 2 of the model (issues 12–14). */
	{N_("Kroneår"), FT_INT, FIELD_PRICE_YEAR, P(price_year), 0, "price_year", NULL},
	{N_("Realvekst i gevinstene per år"), FT_PERCENT, FIELD_REAL_GROWTH, P(real_growth), 0,
	 "real_growth", NULL},
	{N_("Økonomiplanens første år"), FT_INT, FIELD_PLAN_START_YEAR, P(plan.start_year), 0,
	 "plan.start_year", NULL},
	{N_("Økonomiplanens antall år"), FT_INT, FIELD_PLAN_YEARS, P(plan.years), 0, "plan.years",
	 NULL},
	{N_("Antall trekninger"), FT_LONG, FIELD_DRAWS, P(uncertainty.draws), 0,
	 "uncertainty.draws", NULL},
	{N_("Usikkerhetsspenn A"), FT_PERCENT, FIELD_SPREAD, P(uncertainty.spread[CONFIDENCE_A]), 0,
	 "uncertainty.spread.A", NULL},
	{N_("Usikkerhetsspenn B"), FT_PERCENT, FIELD_SPREAD, P(uncertainty.spread[CONFIDENCE_B]), 0,
	 "uncertainty.spread.B", NULL},
	{N_("Usikkerhetsspenn C"), FT_PERCENT, FIELD_SPREAD, P(uncertainty.spread[CONFIDENCE_C]), 0,
	 "uncertainty.spread.C", NULL},
	{N_("Usikkerhetsspenn D"), FT_PERCENT, FIELD_SPREAD, P(uncertainty.spread[CONFIDENCE_D]), 0,
	 "uncertainty.spread.D", NULL},
	{N_("Skattefinansieringskostnad"), FT_PERCENT, FIELD_TAX_COST, P(tax_cost), 0,
	 "society.tax_cost", NULL},
	/* Last, so the fields above keep their place on the form. */
	{N_("Startverdi for trekningene (frø)"), FT_SEED, FIELD_SEED, P(uncertainty.seed), 0,
	 "uncertainty.seed", NULL},
};
const size_t params_field_count = sizeof params_fields / sizeof params_fields[0];

/* In the file and the JSON, not on the settings form: the spreads are
 * typed one by one above. */
static const struct field_desc params_more[] = {
	{N_("Usikkerhetsspenn"), FT_MAP, FIELD_SPREAD, P(uncertainty.spread), 0,
	 "uncertainty.spread", NULL},
};

/* ---- sectors (no form yet: the whole table) -------------------------- */

const struct field_desc sector_fields[] = {
	{N_("Id"), FT_TEXT, -1, S(id), TEXT_ID_SIZE, "id", NULL},
	{N_("Navn"), FT_TEXT, -1, S(name), TEXT_NAME_SIZE, "name", NULL},
	{N_("Bærer"), FT_BEARER, -1, S(bearer), 0, "bearer", NULL},
	{N_("KOSTRA-funksjoner"), FT_TEXT, -1, S(kostra), TEXT_KOSTRA_SIZE, "kostra", NULL},
};
const size_t sector_field_count = sizeof sector_fields / sizeof sector_fields[0];

/* ---- target groups and their cost items ------------------------------ */

/* A group's own fields; its items are item_fields rows. */
const struct field_desc group_fields[] = {
	{N_("Navn"), FT_TEXT, -1, G(name), TEXT_NAME_SIZE, "name", NULL},
	[GROUP_FIELD_ID] = {N_("Id"), FT_TEXT, -1, G(id), TEXT_ID_SIZE, "id", NULL},
	{N_("Beskrivelse"), FT_TEXT, -1, G(description), TEXT_DESCRIPTION_SIZE, "description",
	 NULL},
	{N_("Vanlig startalder"), FT_INT, FIELD_ENTRY_AGE, G(entry_age), 0, "entry_age", NULL},
};
const size_t group_field_count = sizeof group_fields / sizeof group_fields[0];

const struct field_desc item_fields[] = {
	{N_("Navn"), FT_TEXT, -1, I(name), TEXT_NAME_SIZE, "name", NULL},
	{N_("Bærer"), FT_BEARER, -1, I(bearer), 0, "bearer", NULL},
	{N_("Beløp"), FT_NUMBER, FIELD_ITEM_AMOUNT, I(amount), 0, "amount", N_("per år")},
	{N_("Enhet"), FT_UNIT, -1, I(unit), 0, "unit", NULL},
	{N_("Fra alder"), FT_INT, FIELD_ITEM_FROM_AGE, I(from_age), 0, "from_age", NULL},
	{N_("Til alder"), FT_INT, FIELD_ITEM_TO_AGE, I(to_age), 0, "to_age", NULL},
	{N_("Kilde"), FT_TEXT, -1, I(source), TEXT_SOURCE_SIZE, "source", NULL},
	{N_("Sikkerhetsgrad"), FT_CONFIDENCE, -1, I(confidence), 0, "confidence", NULL},
	/* Version 2 (issues 12, 14): last, so the older columns keep their place. */
	{N_("Type"), FT_ITEM_KIND, -1, I(kind), 0, "kind", NULL},
	{N_("Sektor"), FT_SECTOR, -1, I(sector), TEXT_ID_SIZE, "sector", NULL},
};
const size_t item_field_count = sizeof item_fields / sizeof item_fields[0];

/* ---- measures -------------------------------------------------------- */

const struct field_desc measure_fields[] = {
	{N_("Navn"), FT_TEXT, -1, M(name), TEXT_NAME_SIZE, "name", NULL},
	{LABEL_GROUP, FT_GROUP, -1, M(group_id), TEXT_ID_SIZE, "group", NULL},
	{LABEL_PARTICIPANTS, FT_LONG, FIELD_PARTICIPANTS, M(participants), 0, "participants", NULL},
	{LABEL_COST_PER_PARTICIPANT, FT_NUMBER, FIELD_COST_PER_PARTICIPANT,
	 M(cost_per_participant), 0, "cost_per_participant", UNIT_COST_PER_PARTICIPANT},
	{LABEL_SUCCESS_RATE, FT_PERCENT, FIELD_SUCCESS_RATE, M(success_rate), 0, "success_rate",
	 NULL},
	{N_("Startår"), FT_INT, FIELD_START_YEAR, M(start_year), 0, "start_year", NULL},
	{N_("Startalder"), FT_INT, FIELD_START_AGE, M(start_age), 0, "start_age", NULL},
	{N_("Varighet (år)"), FT_INT, FIELD_DURATION, M(duration), 0, "duration", NULL},
	/* The form's three payers are the bearers' shares, each the sum over
	 * its sectors (session/payer.c; draft.c keeps them at 100 %). */
	{N_("Betaler kommune"), FT_PAYER, FIELD_PAYER_SHARE, M(payer[BEARER_KOMMUNE].share), 0,
	 "payer.kommune", NULL},
	{N_("Betaler fylkeskommune"), FT_PAYER, FIELD_PAYER_SHARE,
	 M(payer[BEARER_FYLKESKOMMUNE].share), 0, "payer.fylkeskommune", NULL},
	{N_("Betaler stat"), FT_PAYER, FIELD_PAYER_SHARE, M(payer[BEARER_STAT].share), 0,
	 "payer.stat", NULL},
	{N_("Dødvekt"), FT_PERCENT, FIELD_DEADWEIGHT, M(deadweight), 0, "deadweight", NULL},
	{N_("Forsinkelse (år)"), FT_INT, FIELD_LAG, M(lag), 0, "lag", NULL},
	{N_("Effektvarighet (år)"), FT_EFFECT, FIELD_EFFECT_YEARS, M(effect_years), 0,
	 "effect_years", NULL},
	{N_("Avtaking per år"), FT_PERCENT, FIELD_DECAY, M(decay), 0, "decay", NULL},
	{N_("Med i porteføljen"), FT_BOOL, -1, M(enabled), 0, "enabled", NULL},
};
const size_t measure_field_count = sizeof measure_fields / sizeof measure_fields[0];

static const struct field_desc measure_more[] = {
	/* A share of any sector, declared ones included: named in messages. */
	{N_("Betalerandel"), FT_MAP, FIELD_PAYER_SHARE, M(payer), 0, "payer", NULL},
	{N_("Spenn"), FT_MAP, -1, M(ranges), 0, "ranges", NULL},
};

/* ---- the tables by row ----------------------------------------------- */

struct row_table {
	const char *key;
	const struct field_desc *form;
	const size_t *form_count;
	const struct field_desc *more;
	size_t more_count;
};

#define MORE(t) t, sizeof t / sizeof t[0]

static const struct row_table rows[SCHEMA_ROW_COUNT] = {
	[SCHEMA_WORKBOOK] = {"workbook", params_fields, &params_field_count, MORE(params_more)},
	[SCHEMA_SECTOR] = {"sectors", sector_fields, &sector_field_count, NULL, 0},
	[SCHEMA_GROUP] = {"groups", group_fields, &group_field_count, NULL, 0},
	[SCHEMA_ITEM] = {"items", item_fields, &item_field_count, NULL, 0},
	[SCHEMA_MEASURE] = {"measures", measure_fields, &measure_field_count, MORE(measure_more)},
};

size_t schema_form_count(enum schema_row row)
{
	return (unsigned)row < SCHEMA_ROW_COUNT ? *rows[row].form_count : 0;
}

size_t schema_count(enum schema_row row)
{
	return (unsigned)row < SCHEMA_ROW_COUNT ? *rows[row].form_count + rows[row].more_count : 0;
}

const struct field_desc *schema_field(enum schema_row row, size_t i)
{
	if ((unsigned)row >= SCHEMA_ROW_COUNT)
		return NULL;
	const struct row_table *t = &rows[row];
	if (i < *t->form_count)
		return &t->form[i];
	i -= *t->form_count;
	return i < t->more_count ? &t->more[i] : NULL;
}

const struct field_desc *schema_find(enum schema_row row, const char *key)
{
	size_t n = schema_count(row);
	for (size_t i = 0; i < n; i++) {
		const struct field_desc *f = schema_field(row, i);
		if (strcmp(f->key, key) == 0)
			return f;
	}
	return NULL;
}

const char *schema_row_key(enum schema_row row)
{
	return (unsigned)row < SCHEMA_ROW_COUNT ? rows[row].key : "?";
}

/* ---- ranges ---------------------------------------------------------- */

/* The numbers live here only: the importer, the store's reading and
 * CHECK constraints (store/schema), the forms and the messages use them. */
static const struct field_range ranges[FIELD_COUNT] = {
	[FIELD_BASE_YEAR] = {"base_year", FIELD_INTEGER, YEAR_MIN, YEAR_MAX, SCHEMA_WORKBOOK,
			     "base_year"},
	[FIELD_HORIZON] = {"horizon", FIELD_INTEGER, HORIZON_MIN, HORIZON_MAX, SCHEMA_WORKBOOK,
			   "horizon"},
	[FIELD_DISCOUNT_RATE] = {"rate", FIELD_FRACTION, 0, 1, SCHEMA_WORKBOOK, "discount.rate"},
	[FIELD_G_AMOUNT] = {"g_amount", FIELD_NUMBER, 1, AMOUNT_LIMIT, SCHEMA_WORKBOOK,
			    "g_amount"},
	[FIELD_ENTRY_AGE] = {"entry_age", FIELD_INTEGER, AGE_MIN, AGE_MAX, SCHEMA_GROUP,
			     "entry_age"},
	[FIELD_ITEM_AMOUNT] = {"amount", FIELD_NUMBER, -AMOUNT_LIMIT, AMOUNT_LIMIT, SCHEMA_ITEM,
			       "amount"},
	[FIELD_ITEM_FROM_AGE] = {"from_age", FIELD_INTEGER, AGE_MIN, AGE_MAX, SCHEMA_ITEM,
				 "from_age"},
	[FIELD_ITEM_TO_AGE] = {"to_age", FIELD_INTEGER, AGE_MIN, AGE_MAX, SCHEMA_ITEM, "to_age"},
	[FIELD_PARTICIPANTS] = {"participants", FIELD_INTEGER, 1, (double)PARTICIPANTS_MAX,
				SCHEMA_MEASURE, "participants"},
	[FIELD_START_YEAR] = {"start_year", FIELD_INTEGER, YEAR_MIN, YEAR_MAX, SCHEMA_MEASURE,
			      "start_year"},
	[FIELD_START_AGE] = {"start_age", FIELD_INTEGER, AGE_MIN, AGE_MAX, SCHEMA_MEASURE,
			     "start_age"},
	[FIELD_DURATION] = {"duration", FIELD_INTEGER, 1, HORIZON_MAX, SCHEMA_MEASURE,
			    "duration"},
	[FIELD_COST_PER_PARTICIPANT] = {"cost_per_participant", FIELD_NUMBER, 0, AMOUNT_LIMIT,
					SCHEMA_MEASURE, "cost_per_participant"},
	[FIELD_PAYER_SHARE] = {"payer", FIELD_FRACTION, 0, 1, SCHEMA_MEASURE, "payer"},
	[FIELD_SUCCESS_RATE] = {"success_rate", FIELD_FRACTION, 0, 1, SCHEMA_MEASURE,
				"success_rate"},
	[FIELD_DEADWEIGHT] = {"deadweight", FIELD_FRACTION, 0, 1, SCHEMA_MEASURE, "deadweight"},
	[FIELD_LAG] = {"lag", FIELD_INTEGER, 0, HORIZON_MAX, SCHEMA_MEASURE, "lag"},
	[FIELD_EFFECT_YEARS] = {"effect_years", FIELD_INTEGER, 1, HORIZON_MAX, SCHEMA_MEASURE,
				"effect_years"},
	[FIELD_DECAY] = {"decay", FIELD_FRACTION, 0, 1, SCHEMA_MEASURE, "decay"},
	[FIELD_PRICE_YEAR] = {"price_year", FIELD_INTEGER, YEAR_MIN, YEAR_MAX, SCHEMA_WORKBOOK,
			      "price_year"},
	[FIELD_REAL_GROWTH] = {"real_growth", FIELD_RATE, REAL_GROWTH_MIN, REAL_GROWTH_MAX,
			       SCHEMA_WORKBOOK, "real_growth"},
	[FIELD_PLAN_START_YEAR] = {"start_year", FIELD_INTEGER, YEAR_MIN, YEAR_MAX,
				   SCHEMA_WORKBOOK, "plan.start_year"},
	[FIELD_PLAN_YEARS] = {"years", FIELD_INTEGER, PLAN_YEARS_MIN, PLAN_YEARS_MAX,
			      SCHEMA_WORKBOOK, "plan.years"},
	[FIELD_DRAWS] = {"draws", FIELD_INTEGER, (double)DRAWS_MIN, (double)DRAWS_MAX,
			 SCHEMA_WORKBOOK, "uncertainty.draws"},
	[FIELD_SEED] = {"seed", FIELD_INTEGER, 0, SEED_MAX, SCHEMA_WORKBOOK, "uncertainty.seed"},
	[FIELD_SPREAD] = {"spread", FIELD_FRACTION, 0, 1, SCHEMA_WORKBOOK, "uncertainty.spread"},
	[FIELD_TAX_COST] = {"tax_cost", FIELD_FRACTION, 0, 1, SCHEMA_WORKBOOK,
			    "society.tax_cost"},
};

const struct field_range *field_range(enum field_id id)
{
	return (unsigned)id < FIELD_COUNT ? &ranges[id] : NULL;
}

const struct field_desc *field_of_range(enum field_id id)
{
	const struct field_range *r = field_range(id);
	return r != NULL ? schema_find(r->row, r->path) : NULL;
}

const char *field_label(enum field_id id)
{
	const struct field_desc *f = field_of_range(id);
	return f != NULL ? _(f->label) : "?";
}
