/*
 * field.c: showing and reading one field of a model struct (see field.h).
 *
 * Must never: call ncurses, allocate, or depend on LC_NUMERIC.
 */
#include "config.h"

#include "session/field.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "engine/numbers.h"
#include "i18n/i18n.h"
#include "session/text.h"

static const char *const bearer_names[BEARER_COUNT] = {N_("kommune"), N_("fylkeskommune"),
								    N_("stat")};
static const char *const unit_names[] = {"kr", "G"};
static const char *const confidence_names[] = {"A", "B", "C", "D"};
static const char *const discount_names[] = {N_("R-109"), N_("fast rente"), N_("ingen")};
static const char *const bool_names[] = {N_("nei"), N_("ja")};
/* A cost item's kind in the users' words; the file's keys ("transfer")
 * are read too (parse_choice). */
static const char *const kind_names[ITEM_KIND_COUNT] = {N_("tjeneste"), N_("overføring"),
							 N_("skatt"), N_("produksjon"),
							 N_("livskvalitet")};

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
	case FT_ITEM_KIND:
	case FT_SECTOR:
	case FT_PAYER_SECTOR:
		return true;
	default:
		return false;
	}
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
	case FT_ITEM_KIND:
		return (int)*CFIELD_AT(enum item_kind, obj, f);
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
	case FT_ITEM_KIND:
		*count = ITEM_KIND_COUNT;
		return kind_names;
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
	case FT_ITEM_KIND:
		*FIELD_AT(enum item_kind, obj, f) = (enum item_kind)i;
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

static const char *sector_shown(const struct field_desc *f, const void *obj,
				const struct workbook *wb, bool for_editing)
{
	const struct cost_item *it = obj;
	if ((unsigned)it->bearer >= BEARER_COUNT)
		return for_editing ? "" : "–";
	long x = wb != NULL ? workbook_item_sector(wb, it) : -1;
	/* A sector the workbook lacks shows its id: validation names it. */
	return x >= 0 ? workbook_sector_name(wb, (size_t)x) : CFIELD_AT(char, obj, f);
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
	case FT_SEED:
		/* A seed is an identifier: no thousands separator. */
		snprintf(buf, size, "%" PRIu64, *CFIELD_AT(uint64_t, obj, f));
		break;
	case FT_RANGE_LOW:
	case FT_RANGE_HIGH:
		range_end_format(f, obj, for_editing, thousands, buf, size);
		break;
	case FT_SECTOR:
		snprintf(buf, size, "%s", sector_shown(f, obj, wb, for_editing));
		break;
	case FT_PAYER_SECTOR:
		payer_sector_format(f, obj, wb, for_editing, buf, size);
		break;
	case FT_PAYER:
		v = measure_bearer_share(wb, obj, (enum bearer)payer_row_bearer(f));
		if (for_editing)
			number_format(buf, size, v * 100.0, field_decimals_for(v * 100.0, 4), sep);
		else
			percent_format(buf, size, v, field_decimals_for(v * 100.0, 2), sep);
		break;
	case FT_MAP:
		/* Entries are shown and typed one by one, never as one value. */
		snprintf(buf, size, "…");
		break;
	case FT_NUMBER:
		v = *CFIELD_AT(double, obj, f);
		number_format(buf, size, v, field_decimals_for(v, 2), sep);
		break;
	case FT_PERCENT:
		v = *CFIELD_AT(double, obj, f);
		if (for_editing)
			number_format(buf, size, v * 100.0, field_decimals_for(v * 100.0, 4), sep);
		else
			percent_format(buf, size, v, field_decimals_for(v * 100.0, 2), sep);
		break;
	default:
		names = choice_names(f, &count);
		int i = choice_index(f, obj);
		if (f->type == FT_BEARER && i < 0) {
			/* Production and quality of life are in no budget. */
			snprintf(buf, size, "%s", for_editing ? "" : "–");
			break;
		}
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
	} else if (i < 0 && f->type == FT_ITEM_KIND) {
		enum item_kind k;
		if (item_kind_from_key(text, &k))
			i = (int)k;
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

static bool parse_sector(const struct field_desc *f, const char *text, void *obj,
			 const struct workbook *wb, char *reading, size_t rsize, char *error,
			 size_t esize)
{
	struct cost_item *it = obj;
	size_t xs[SECTOR_CHOICES_MAX];
	size_t n = sector_choices(wb, (int)it->bearer, xs, SECTOR_CHOICES_MAX);
	if (n == 0) {
		say(error, esize, _("%s: en post av denne typen hører ikke til noe budsjett"),
		    _(f->label));
		return false;
	}
	long found = wb != NULL ? sector_choice_read(wb, xs, n, text) : -1;
	if (found < 0) {
		char list[256] = "";
		if (wb != NULL)
			sector_choice_list(wb, xs, n, list, sizeof list);
		say(error, esize, _("%s: skriv en sektor i budsjettet: %s"), _(f->label), list);
		return false;
	}
	snprintf(FIELD_AT(char, obj, f), f->size, "%s",
		 found < SECTOR_IMPLICIT_COUNT ? "" : workbook_sector_id(wb, (size_t)found));
	say(reading, rsize, "%s", workbook_sector_name(wb, (size_t)found));
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
	if (f->type == FT_SECTOR)
		return parse_sector(f, text, obj, wb, reading, reading_size, error, error_size);
	if (f->type == FT_PAYER_SECTOR)
		return payer_sector_parse(f, text, obj, wb, reading, reading_size, error, error_size);
	if (f->type == FT_PAYER) {
		/* Read as a percent into one double, then spread over the
		 * bearer's sectors. */
		struct field_desc d = *f;
		double v;
		d.type = FT_PERCENT;
		d.offset = 0;
		if (!field_parse(&d, text, &v, wb, reading, reading_size, error, error_size))
			return false;
		payer_set_bearer_share(obj, wb, payer_row_bearer(f), v);
		return true;
	}
	if (f->type == FT_RANGE_LOW || f->type == FT_RANGE_HIGH)
		return range_end_parse(f, text, obj, reading, reading_size, error, error_size);
	if (field_is_choice(f)) {
		/* Surrounding blanks mean nothing in a choice. */
		char t[64];
		size_t b = strspn(text, " ");
		snprintf(t, sizeof t, "%s", text + b);
		for (size_t n = strlen(t); n > 0 && t[n - 1] == ' '; n--)
			t[n - 1] = '\0';
		if (f->type == FT_BEARER && *CFIELD_AT(enum bearer, obj, f) == BEARER_NONE) {
			say(error, error_size, _("%s: produksjon og livskvalitet hører ikke til noe budsjett"),
			    _(f->label));
			return false;
		}
		return parse_choice(f, t, obj, reading, reading_size, error, error_size);
	}

	if (f->type == FT_MAP) {
		say(error, error_size, _("%s: verdiene skrives én og én"), _(f->label));
		return false;
	}

	double v = 0;
	enum number_status st =
		field_value_read(f, f->type == FT_PERCENT, text, &v, error, error_size);
	if (st == NUMBER_EMPTY && f->type == FT_EFFECT) {
		*FIELD_AT(int, obj, f) = 0;
		say(reading, reading_size, "%s", _("til horisonten"));
		return true;
	}
	if (st != NUMBER_OK)
		return false;
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
	case FT_SEED:
		/* The range (0 … 2^53) was checked: the conversion is exact. */
		if (v != floor(v) || v < 0) {
			say(error, error_size, _("%s må være et heltall"), _(f->label));
			return false;
		}
		*FIELD_AT(uint64_t, obj, f) = (uint64_t)v;
		snprintf(shown, sizeof shown, "%" PRIu64, (uint64_t)v);
		break;
	default:
		*FIELD_AT(double, obj, f) = v;
		field_value_reading(v, f->type == FT_PERCENT, shown, sizeof shown);
		break;
	}
	say(reading, reading_size, "%s", shown);
	return true;
}

void field_cycle(const struct field_desc *f, void *obj, const struct workbook *wb, int step)
{
	if (f->type == FT_PAYER_SECTOR) {
		payer_sector_cycle(f, obj, wb, step);
		return;
	}
	if (f->type == FT_SECTOR) {
		struct cost_item *it = obj;
		size_t xs[SECTOR_CHOICES_MAX];
		size_t n = sector_choices(wb, (int)it->bearer, xs, SECTOR_CHOICES_MAX);
		if (n == 0 || wb == NULL)
			return;
		size_t x = sector_choice_step(xs, n, workbook_item_sector(wb, it), step);
		snprintf(FIELD_AT(char, obj, f), f->size, "%s",
			 x < SECTOR_IMPLICIT_COUNT ? "" : workbook_sector_id(wb, x));
		return;
	}
	if (f->type == FT_BEARER && *CFIELD_AT(enum bearer, obj, f) == BEARER_NONE)
		return; /* production, quality of life: no budget to step to */
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
