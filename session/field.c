/*
 * field.c: showing and reading one field of a model struct (see field.h).
 *
 * Must never: call ncurses, allocate, or depend on LC_NUMERIC.
 */
#include "config.h"

#include "session/field.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "engine/numbers.h"
#include "i18n/i18n.h"
#include "session/text.h"

#define M(member) offsetof(struct measure, member)
#define I(member) offsetof(struct cost_item, member)
#define P(member) offsetof(struct workbook_params, member)
#define G(member) offsetof(struct target_group, member)

const struct field_desc measure_fields[] = {
	{N_("Navn"), FT_TEXT, -1, M(name), TEXT_NAME_SIZE, "name"},
	{N_("Målgruppe"), FT_GROUP, -1, M(group_id), TEXT_ID_SIZE, "group"},
	{N_("Deltakere"), FT_LONG, FIELD_PARTICIPANTS, M(participants), 0, "participants"},
	{N_("Kostnad per deltaker"), FT_NUMBER, FIELD_COST_PER_PARTICIPANT, M(cost_per_participant), 0, "cost_per_participant", N_("kr per år")},
	{N_("Suksessrate"), FT_PERCENT, FIELD_SUCCESS_RATE, M(success_rate), 0, "success_rate"},
	{N_("Startår"), FT_INT, FIELD_START_YEAR, M(start_year), 0, "start_year"},
	{N_("Startalder"), FT_INT, FIELD_START_AGE, M(start_age), 0, "start_age"},
	{N_("Varighet (år)"), FT_INT, FIELD_DURATION, M(duration), 0, "duration"},
	{N_("Betaler kommune"), FT_PERCENT, FIELD_PAYER_SHARE, M(payer[BEARER_KOMMUNE].share), 0, "payer.kommune"},
	{N_("Betaler fylkeskommune"), FT_PERCENT, FIELD_PAYER_SHARE, M(payer[BEARER_FYLKESKOMMUNE].share), 0, "payer.fylkeskommune"},
	{N_("Betaler stat"), FT_PERCENT, FIELD_PAYER_SHARE, M(payer[BEARER_STAT].share), 0, "payer.stat"},
	{N_("Dødvekt"), FT_PERCENT, FIELD_DEADWEIGHT, M(deadweight), 0, "deadweight"},
	{N_("Forsinkelse (år)"), FT_INT, FIELD_LAG, M(lag), 0, "lag"},
	{N_("Virkningsår"), FT_EFFECT, FIELD_EFFECT_YEARS, M(effect_years), 0, "effect_years"},
	{N_("Avtakning per år"), FT_PERCENT, FIELD_DECAY, M(decay), 0, "decay"},
	{N_("Med i porteføljen"), FT_BOOL, -1, M(enabled), 0, "enabled"},
};
const size_t measure_field_count = sizeof measure_fields / sizeof measure_fields[0];

const struct field_desc item_fields[] = {
	{N_("Navn"), FT_TEXT, -1, I(name), TEXT_NAME_SIZE, "name"},
	{N_("Bærer"), FT_BEARER, -1, I(bearer), 0, "bearer"},
	{N_("Beløp"), FT_NUMBER, FIELD_ITEM_AMOUNT, I(amount), 0, "amount", N_("per år")},
	{N_("Enhet"), FT_UNIT, -1, I(unit), 0, "unit"},
	{N_("Fra alder"), FT_INT, FIELD_ITEM_FROM_AGE, I(from_age), 0, "from_age"},
	{N_("Til alder"), FT_INT, FIELD_ITEM_TO_AGE, I(to_age), 0, "to_age"},
	{N_("Kilde"), FT_TEXT, -1, I(source), TEXT_SOURCE_SIZE, "source"},
	{N_("Sikkerhet"), FT_CONFIDENCE, -1, I(confidence), 0, "confidence"},
};
const size_t item_field_count = sizeof item_fields / sizeof item_fields[0];

/* A group's own fields; its items are item_fields rows. */
const struct field_desc group_fields[] = {
	{N_("Navn"), FT_TEXT, -1, G(name), TEXT_NAME_SIZE, "name"},
	{N_("Id"), FT_TEXT, -1, G(id), TEXT_ID_SIZE, "id"},
	{N_("Beskrivelse"), FT_TEXT, -1, G(description), TEXT_DESCRIPTION_SIZE, "description"},
	{N_("Vanlig startalder"), FT_INT, FIELD_ENTRY_AGE, G(entry_age), 0, "entry_age"},
};
const size_t group_field_count = sizeof group_fields / sizeof group_fields[0];

const struct field_desc params_fields[] = {
	{N_("Navn"), FT_TEXT, -1, P(name), TEXT_NAME_SIZE, "name"},
	{N_("Kommune"), FT_TEXT, -1, P(municipality), TEXT_NAME_SIZE, "municipality"},
	{N_("Basisår"), FT_INT, FIELD_BASE_YEAR, P(base_year), 0, "base_year"},
	{N_("Horisont (år)"), FT_INT, FIELD_HORIZON, P(horizon), 0, "horizon"},
	{N_("Diskontering"), FT_DISCOUNT, -1, P(discount.mode), 0, "discount.mode"},
	{N_("Fast rente"), FT_PERCENT, FIELD_DISCOUNT_RATE, P(discount.rate), 0, "discount.rate"},
	{N_("G (grunnbeløpet)"), FT_NUMBER, FIELD_G_AMOUNT, P(g_amount), 0, "g_amount", N_("kr")},
	/* Version 2 of the model (issues 12–14): the same words as the
	 * validation messages (engine/validate.c). */
	{N_("Kroneår"), FT_INT, FIELD_PRICE_YEAR, P(price_year), 0, "price_year"},
	{N_("Realvekst i innsparingene per år"), FT_PERCENT, FIELD_REAL_GROWTH, P(real_growth), 0,
	 "real_growth"},
	{N_("Økonomiplanens første år"), FT_INT, FIELD_PLAN_START_YEAR, P(plan.start_year), 0,
	 "plan.start_year"},
	{N_("Økonomiplanens antall år"), FT_INT, FIELD_PLAN_YEARS, P(plan.years), 0, "plan.years"},
	{N_("Antall trekninger"), FT_LONG, FIELD_DRAWS, P(uncertainty.draws), 0, "uncertainty.draws"},
	{N_("Usikkerhetsspenn A"), FT_PERCENT, FIELD_SPREAD, P(uncertainty.spread[CONFIDENCE_A]), 0,
	 "uncertainty.spread.A"},
	{N_("Usikkerhetsspenn B"), FT_PERCENT, FIELD_SPREAD, P(uncertainty.spread[CONFIDENCE_B]), 0,
	 "uncertainty.spread.B"},
	{N_("Usikkerhetsspenn C"), FT_PERCENT, FIELD_SPREAD, P(uncertainty.spread[CONFIDENCE_C]), 0,
	 "uncertainty.spread.C"},
	{N_("Usikkerhetsspenn D"), FT_PERCENT, FIELD_SPREAD, P(uncertainty.spread[CONFIDENCE_D]), 0,
	 "uncertainty.spread.D"},
	{N_("Skattefinansieringskostnad"), FT_PERCENT, FIELD_TAX_COST, P(tax_cost), 0, "tax_cost"},
};
const size_t params_field_count = sizeof params_fields / sizeof params_fields[0];

static const char *const bearer_names[BEARER_COUNT] = {N_("kommune"), N_("fylkeskommune"),
								    N_("stat")};
static const char *const unit_names[] = {"kr", "G"};
static const char *const confidence_names[] = {"A", "B", "C", "D"};
static const char *const discount_names[] = {N_("R-109"), N_("fast rente"), N_("ingen")};
static const char *const bool_names[] = {N_("nei"), N_("ja")};

#define FIELD_AT(type, obj, f) ((type *)(void *)((char *)(obj) + (f)->offset))
#define CFIELD_AT(type, obj, f) ((const type *)(const void *)((const char *)(obj) + (f)->offset))

bool field_is_choice(const struct field_desc *f)
{
	switch (f->type) {
	case FT_BEARER:
	case FT_UNIT:
	case FT_CONFIDENCE:
	case FT_DISCOUNT:
	case FT_BOOL:
	case FT_GROUP:
		return true;
	default:
		return false;
	}
}

/* Fewest decimals (≤ max) that show v exactly: 7500 → 0, 0.255 → … */
static int decimals_for(double v, int max)
{
	for (int d = 0; d < max; d++)
		if (fabs(number_round(v, d) - v) < 1e-9 * (1.0 + fabs(v)))
			return d;
	return max;
}

static int choice_index(const struct field_desc *f, const void *obj)
{
	switch (f->type) {
	case FT_BEARER:
		return (int)*CFIELD_AT(enum bearer, obj, f);
	case FT_UNIT:
		return (int)*CFIELD_AT(enum amount_unit, obj, f);
	case FT_CONFIDENCE:
		return (int)*CFIELD_AT(enum confidence, obj, f);
	case FT_DISCOUNT:
		return (int)*CFIELD_AT(enum discount_mode, obj, f);
	case FT_BOOL:
		return *CFIELD_AT(bool, obj, f) ? 1 : 0;
	default:
		return 0;
	}
}

static const char *const *choice_names(const struct field_desc *f, int *count)
{
	switch (f->type) {
	case FT_BEARER:
		*count = BEARER_COUNT;
		return bearer_names;
	case FT_UNIT:
		*count = 2;
		return unit_names;
	case FT_CONFIDENCE:
		*count = 4;
		return confidence_names;
	case FT_DISCOUNT:
		*count = 3;
		return discount_names;
	case FT_BOOL:
		*count = 2;
		return bool_names;
	default:
		*count = 0;
		return NULL;
	}
}

static void set_choice(const struct field_desc *f, void *obj, int i)
{
	switch (f->type) {
	case FT_BEARER:
		*FIELD_AT(enum bearer, obj, f) = (enum bearer)i;
		break;
	case FT_UNIT:
		*FIELD_AT(enum amount_unit, obj, f) = (enum amount_unit)i;
		break;
	case FT_CONFIDENCE:
		*FIELD_AT(enum confidence, obj, f) = (enum confidence)i;
		break;
	case FT_DISCOUNT:
		*FIELD_AT(enum discount_mode, obj, f) = (enum discount_mode)i;
		break;
	case FT_BOOL:
		*FIELD_AT(bool, obj, f) = i != 0;
		break;
	default:
		break;
	}
}

static const char *group_name(const struct workbook *wb, const char *id)
{
	long g = wb != NULL ? workbook_find_group(wb, id) : -1;
	return g >= 0 ? wb->groups[g].name : id;
}

void field_format(const struct field_desc *f, const void *obj, const struct workbook *wb,
		  bool for_editing, const char *thousands, char *buf, size_t size)
{
	const char *sep = for_editing ? THOUSANDS_SPACE : thousands;
	int count;
	const char *const *names;
	double v;
	switch (f->type) {
	case FT_TEXT:
		snprintf(buf, size, "%s", CFIELD_AT(char, obj, f));
		break;
	case FT_GROUP:
		snprintf(buf, size, "%s", for_editing ? CFIELD_AT(char, obj, f)
						      : group_name(wb, CFIELD_AT(char, obj, f)));
		break;
	case FT_INT:
		/* Years and ages read better without a thousands separator. */
		snprintf(buf, size, "%d", *CFIELD_AT(int, obj, f));
		break;
	case FT_EFFECT:
		if (*CFIELD_AT(int, obj, f) == 0)
			snprintf(buf, size, "%s", for_editing ? "" : _("til horisonten"));
		else
			snprintf(buf, size, "%d", *CFIELD_AT(int, obj, f));
		break;
	case FT_LONG:
		number_format(buf, size, (double)*CFIELD_AT(long, obj, f), 0, sep);
		break;
	case FT_NUMBER:
		v = *CFIELD_AT(double, obj, f);
		number_format(buf, size, v, decimals_for(v, 2), sep);
		break;
	case FT_PERCENT:
		v = *CFIELD_AT(double, obj, f);
		if (for_editing)
			number_format(buf, size, v * 100.0, decimals_for(v * 100.0, 4), sep);
		else
			percent_format(buf, size, v, decimals_for(v * 100.0, 2), sep);
		break;
	default:
		names = choice_names(f, &count);
		int i = choice_index(f, obj);
		snprintf(buf, size, "%s", (i >= 0 && i < count) ? _(names[i]) : "?");
		break;
	}
}

static void say(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void say(char *buf, size_t size, const char *fmt, ...)
{
	if (buf == NULL || size == 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, size, fmt, ap);
	va_end(ap);
}

/* Case-insensitive prefix match of typed text against a choice name. */
static int match_choice(const char *text, const char *const *names, int count)
{
	size_t n = strlen(text);
	if (n == 0)
		return -1;
	for (int i = 0; i < count; i++)
		if (strcasecmp(text, names[i]) == 0)
			return i;
	int found = -1;
	for (int i = 0; i < count; i++)
		if (strncasecmp(text, names[i], n) == 0) {
			if (found >= 0)
				return -2; /* ambiguous */
			found = i;
		}
	return found;
}

static bool parse_choice(const struct field_desc *f, const char *text, void *obj, char *reading,
			 size_t rsize, char *error, size_t esize)
{
	int count;
	const char *const *names = choice_names(f, &count);
	/* The shown (translated) names first, then the bokmål ones, so a
	 * word typed in either language is understood. */
	const char *shown_names[8];
	if (count > 8)
		count = 8;
	for (int k = 0; k < count; k++)
		shown_names[k] = _(names[k]);
	int i = match_choice(text, shown_names, count);
	if (i < 0)
		i = match_choice(text, names, count);
	/* Accept the keys used in files too ("r109", "none", "nok", "true"). */
	if (i < 0 && f->type == FT_DISCOUNT) {
		enum discount_mode m;
		if (discount_mode_from_key(text, &m))
			i = (int)m;
		else if (strcasecmp(text, "r109") == 0 || strcasecmp(text, "flat") == 0)
			i = strcasecmp(text, "flat") == 0 ? DISCOUNT_FLAT : DISCOUNT_R109;
	} else if (i < 0 && f->type == FT_UNIT && strcasecmp(text, "nok") == 0) {
		i = UNIT_NOK;
	} else if (i < 0 && f->type == FT_BOOL) {
		if (strcasecmp(text, "j") == 0 || strcasecmp(text, "true") == 0)
			i = 1;
		else if (strcasecmp(text, "false") == 0)
			i = 0;
	}
	if (i < 0) {
		char list[128] = "";
		for (int k = 0; k < count; k++) {
			if (k > 0)
				strncat(list, k == count - 1 ? _(" eller ") : ", ",
					sizeof list - strlen(list) - 1);
			strncat(list, shown_names[k], sizeof list - strlen(list) - 1);
		}
		say(error, esize, _("%s: skriv %s"), _(f->label), list);
		return false;
	}
	set_choice(f, obj, i);
	say(reading, rsize, "%s", shown_names[i]);
	return true;
}

static bool parse_group(const struct field_desc *f, const char *text, void *obj,
			const struct workbook *wb, char *reading, size_t rsize, char *error,
			size_t esize)
{
	long found = -1;
	if (wb != NULL) {
		found = workbook_find_group(wb, text);
		for (size_t g = 0; found < 0 && g < wb->group_count; g++)
			if (text[0] != '\0' && (text_contains_fold(wb->groups[g].name, text) ||
						text_contains_fold(wb->groups[g].id, text)))
				found = (long)g;
	}
	if (found < 0) {
		say(error, esize, _("%s: ingen målgruppe passer «%s»"), _(f->label), text);
		return false;
	}
	snprintf(FIELD_AT(char, obj, f), f->size, "%s", wb->groups[found].id);
	say(reading, rsize, "%s", wb->groups[found].name);
	return true;
}

bool field_parse(const struct field_desc *f, const char *text, void *obj,
		 const struct workbook *wb, char *reading, size_t reading_size, char *error,
		 size_t error_size)
{
	if (reading != NULL && reading_size > 0)
		reading[0] = '\0';
	if (error != NULL && error_size > 0)
		error[0] = '\0';
	if (f->type == FT_TEXT) {
		if (strlen(text) >= f->size) {
			char max[32];
			snprintf(max, sizeof max, "%zu", f->size - 1);
			say(error, error_size, _("%s: teksten er for lang (høyst %s byte)"), _(f->label), max);
			return false;
		}
		snprintf(FIELD_AT(char, obj, f), f->size, "%s", text);
		say(reading, reading_size, "%s", text);
		return true;
	}
	if (f->type == FT_GROUP)
		return parse_group(f, text, obj, wb, reading, reading_size, error, error_size);
	if (field_is_choice(f)) {
		/* Surrounding blanks mean nothing in a choice. */
		char t[64];
		size_t b = strspn(text, " ");
		snprintf(t, sizeof t, "%s", text + b);
		for (size_t n = strlen(t); n > 0 && t[n - 1] == ' '; n--)
			t[n - 1] = '\0';
		return parse_choice(f, t, obj, reading, reading_size, error, error_size);
	}

	double v;
	enum number_status st =
		f->type == FT_PERCENT ? percent_parse(text, &v) : number_parse(text, &v);
	if (st == NUMBER_EMPTY && f->type == FT_EFFECT) {
		*FIELD_AT(int, obj, f) = 0;
		say(reading, reading_size, "%s", _("til horisonten"));
		return true;
	}
	if (st != NUMBER_OK) {
		/* The hint already says "skriv et tall, f.eks. …". */
		say(error, error_size, "%s: %s", _(f->label), number_input_hint());
		return false;
	}
	if (f->vid >= 0) {
		struct problems probs;
		problems_clear(&probs);
		if (!field_check((enum field_id)f->vid, v, NULL, &probs)) {
			if (f->type == FT_PERCENT) {
				/* The engine speaks in fractions; the screen in percent. */
				const struct field_range *r = field_range((enum field_id)f->vid);
				char lo[32], hi[32], got[48];
				percent_format(lo, sizeof lo, r->min, 0, THOUSANDS_SPACE);
				percent_format(hi, sizeof hi, r->max, 0, THOUSANDS_SPACE);
				percent_format(got, sizeof got, v, decimals_for(v * 100.0, 2),
					       THOUSANDS_SPACE);
				snprintf(error, error_size, _("%s må være fra %s til %s, fikk %s"),
					 _(f->label), lo, hi, got);
			} else {
				say(error, error_size, "%s",
				    probs.count > 0 ? probs.list[0].message : _("ugyldig verdi"));
			}
			return false;
		}
	}
	char shown[64];
	switch (f->type) {
	case FT_INT:
	case FT_EFFECT:
		if (v != floor(v) || fabs(v) > 1e9) {
			say(error, error_size, _("%s må være et heltall"), _(f->label));
			return false;
		}
		*FIELD_AT(int, obj, f) = (int)v;
		snprintf(shown, sizeof shown, "%d", (int)v);
		break;
	case FT_LONG:
		if (v != floor(v) || fabs(v) > 1e15) {
			say(error, error_size, _("%s må være et heltall"), _(f->label));
			return false;
		}
		*FIELD_AT(long, obj, f) = (long)v;
		number_format(shown, sizeof shown, v, 0, THOUSANDS_SPACE);
		break;
	case FT_PERCENT:
		*FIELD_AT(double, obj, f) = v;
		percent_format(shown, sizeof shown, v, decimals_for(v * 100.0, 4), THOUSANDS_SPACE);
		break;
	default:
		*FIELD_AT(double, obj, f) = v;
		number_format(shown, sizeof shown, v, decimals_for(v, 4), THOUSANDS_SPACE);
		break;
	}
	say(reading, reading_size, "%s", shown);
	return true;
}

void field_cycle(const struct field_desc *f, void *obj, const struct workbook *wb, int step)
{
	if (f->type == FT_GROUP) {
		if (wb == NULL || wb->group_count == 0)
			return;
		long g = workbook_find_group(wb, CFIELD_AT(char, obj, f));
		long n = (long)wb->group_count;
		g = g < 0 ? 0 : ((g + step) % n + n) % n;
		snprintf(FIELD_AT(char, obj, f), f->size, "%s", wb->groups[g].id);
		return;
	}
	int count;
	if (choice_names(f, &count) == NULL || count == 0)
		return;
	int i = choice_index(f, obj);
	set_choice(f, obj, ((i + step) % count + count) % count);
}
