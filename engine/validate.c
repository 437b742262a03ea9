/*
 * validate.c: the checks that refuse bad input with a Norwegian message
 * naming the field by its schema label (schema.h), the allowed range from
 * the schema's range table and the value received.
 *
 * Invariant: anything that passes validate_workbook() can be projected
 * without a single clamp in projection.c changing a value.
 *
 * Must never: do I/O, allocate, call ncurses or SQLite, or print.
 */
#include "engine/validate.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "engine/escape.h"
#include "engine/numbers.h"
#include "i18n/i18n.h"

void problems_clear(struct problems *p)
{
	p->count = 0;
	p->dropped = 0;
}

/* Cut a NUL-terminated string back so it does not end inside a UTF-8
 * sequence (snprintf truncates at a byte, not a character). */
static void utf8_trim_partial(char *s, size_t size)
{
	size_t len = strnlen(s, size);
	size_t i = len;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--;
	if (i == 0)
		return;
	unsigned char lead = (unsigned char)s[i - 1];
	size_t need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
	if (len - (i - 1) < need)
		s[i - 1] = '\0';
}

void problems_add(struct problems *p, const char *path, const char *fmt, ...)
{
	if (p->count >= PROBLEMS_MAX) {
		p->dropped++;
		return;
	}
	struct problem *pr = &p->list[p->count++];
	snprintf(pr->path, sizeof pr->path, "%s", path ? path : "");
	utf8_trim_partial(pr->path, sizeof pr->path);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(pr->message, sizeof pr->message, fmt, ap);
	va_end(ap);
	utf8_trim_partial(pr->message, sizeof pr->message);
	/* Paths and messages quote input (keys, values, ids): no raw control
	 * characters may reach a terminal (escape.h). */
	text_escape_inplace(pr->path, sizeof pr->path);
	text_escape_inplace(pr->message, sizeof pr->message);
}

void problem_format(const struct problem *pr, char *buf, size_t size)
{
	if (size == 0)
		return;
	if (pr->path[0] != '\0')
		snprintf(buf, size, "%s: %s", pr->path, pr->message);
	else
		snprintf(buf, size, "%s", pr->message);
	utf8_trim_partial(buf, size);
}

/* A number for a message: Norwegian, up to six decimals, no trailing 0s. */
static void fmt_value(char *buf, size_t size, double v)
{
	if (isnan(v)) {
		snprintf(buf, size, "%s", _("ikke et tall"));
		return;
	}
	if (isinf(v)) {
		snprintf(buf, size, "%s", v > 0 ? _("uendelig") : _("minus uendelig"));
		return;
	}
	int n = number_format(buf, size, v, 6, THOUSANDS_SPACE);
	if (n <= 0 || (size_t)n >= size || strchr(buf, ',') == NULL)
		return;
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n > 0 && buf[n - 1] == ',')
		buf[--n] = '\0';
}

/*
 * Paths are built by hand, not by snprintf(): a workbook's validation
 * builds a few for every measure (its "measures[i]", its payer's), and
 * the format machinery was a tenth of opening a 10 000-measure workbook.
 * `put` appends s at *len, keeping buf terminated and cut to size; the
 * caller trims a cut path to whole characters (a cut path is still a
 * useful hint).
 */
static bool put(char *buf, size_t size, size_t *len, const char *s)
{
	size_t n = strlen(s);
	size_t room = size - 1 - *len;
	bool whole = n <= room;
	memcpy(buf + *len, s, whole ? n : room);
	*len += whole ? n : room;
	buf[*len] = '\0';
	return whole;
}

/* "path.key", or "key" when there is no prefix. */
static void join_path(char *buf, size_t size, const char *prefix, const char *key)
{
	if (size == 0)
		return;
	size_t len = 0;
	buf[0] = '\0';
	bool whole = prefix == NULL || prefix[0] == '\0' ||
		     (put(buf, size, &len, prefix) && put(buf, size, &len, "."));
	if (!(whole && put(buf, size, &len, key)))
		utf8_trim_partial(buf, size);
}

/* "prefix[index]", the JSON path of an array element. */
static void index_path(char *buf, size_t size, const char *prefix, size_t index)
{
	if (size == 0)
		return;
	char digits[24];
	size_t d = sizeof digits;
	digits[--d] = '\0';
	digits[--d] = ']';
	do
		digits[--d] = (char)('0' + index % 10);
	while ((index /= 10) > 0);
	digits[--d] = '[';
	size_t len = 0;
	buf[0] = '\0';
	if (!(put(buf, size, &len, prefix) && put(buf, size, &len, digits + d)))
		utf8_trim_partial(buf, size);
}

/* "path.key" into buf, returned: paths are made only for a problem, since
 * formatting one for every valid field was about 7 % of opening a
 * 10 000-measure workbook (issue 16). */
static const char *joined(char *buf, size_t size, const char *prefix, const char *key)
{
	join_path(buf, size, prefix, key);
	return buf;
}

static bool field_in_range(const struct field_range *f, double value)
{
	bool finite = isfinite(value);
	bool whole = finite && value == floor(value);
	return finite && value >= f->min && value <= f->max && (f->kind != FIELD_INTEGER || whole);
}

bool field_check(enum field_id id, double value, const char *path, struct problems *out)
{
	const struct field_range *f = field_range(id);
	if (f == NULL)
		return false;
	if (field_in_range(f, value))
		return true;

	char lo[48], hi[48], got[64];
	fmt_value(lo, sizeof lo, f->min);
	fmt_value(hi, sizeof hi, f->max);
	fmt_value(got, sizeof got, value);
	const char *where = path ? path : f->key;
	const char *label = field_label(id);
	switch (f->kind) {
	case FIELD_INTEGER:
		problems_add(out, where, _("%s må være et heltall fra %s til %s, fikk %s"), label,
			     lo, hi, got);
		break;
	case FIELD_FRACTION:
	case FIELD_RATE: {
		/* Stored as a fraction, typed as percent: say both.  A dash
		 * between percentages reads badly when one is negative. */
		char lo_pct[48], hi_pct[48];
		fmt_value(lo_pct, sizeof lo_pct, f->min * 100.0);
		fmt_value(hi_pct, sizeof hi_pct, f->max * 100.0);
		if (f->min >= 0)
			problems_add(out, where, _("%s må være mellom %s og %s (%s–%s %%), fikk %s"),
				     label, lo, hi, lo_pct, hi_pct, got);
		else
			problems_add(out, where,
				     _("%s må være mellom %s og %s (%s til %s %%), fikk %s"), label, lo,
				     hi, lo_pct, hi_pct, got);
		break;
	}
	case FIELD_NUMBER:
	default:
		problems_add(out, where, _("%s må være mellom %s og %s, fikk %s"), label, lo, hi,
			     got);
		break;
	}
	return false;
}

/* Check a field of an entity at "prefix.key". */
static bool check_at(enum field_id id, double value, const char *prefix, struct problems *out)
{
	const struct field_range *f = field_range(id);
	if (f != NULL && field_in_range(f, value))
		return true;
	char path[PROBLEM_PATH_SIZE];
	return field_check(id, value, joined(path, sizeof path, prefix, f->key), out);
}

enum text_rule {
	TEXT_OPTIONAL,     /* may be empty */
	TEXT_REQUIRED,     /* not empty after trimming blanks */
	TEXT_MULTILINE     /* may be empty; newlines and tabs allowed */
};

enum text_fault { TEXT_OK, TEXT_TOO_LONG, TEXT_NOT_UTF8, TEXT_CONTROL, TEXT_BLANK };

/*
 * A text buffer: NUL-terminated within its size, valid UTF-8, free of
 * control characters (C0, DEL, C1), and non-blank when required.  *at is
 * the 1-based byte of a control character.
 */
static enum text_fault text_fault(const char *text, size_t size, enum text_rule rule, size_t *at)
{
	size_t len = strnlen(text, size);
	if (len == size)
		return TEXT_TOO_LONG;
	bool blank = true;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)text[i];
		size_t n = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3
			   : (c & 0xf8) == 0xf0 ? 4 : 0;
		if (n == 0 || i + n > len)
			return TEXT_NOT_UTF8;
		for (size_t k = 1; k < n; k++)
			if (((unsigned char)text[i + k] & 0xc0) != 0x80)
				return TEXT_NOT_UTF8;
		bool control = c < 0x20 || c == 0x7f ||
			       (c == 0xc2 && (unsigned char)text[i + 1] < 0xa0);
		if (control && !(rule == TEXT_MULTILINE && (c == '\n' || c == '\t'))) {
			*at = i + 1;
			return TEXT_CONTROL;
		}
		if (!(c == ' ' || c == '\t' || c == '\n' || (c == 0xc2 && (unsigned char)text[i + 1] == 0xa0)))
			blank = false;
		i += n;
	}
	return rule == TEXT_REQUIRED && blank ? TEXT_BLANK : TEXT_OK;
}

/*
 * Check the text field `key` of a `row` at "prefix.key"; a problem names
 * it by its schema label (or by `label` when the text is not a schema
 * field, such as a payer's sector id).  The label is looked up only for a
 * problem: valid rows are the open path.
 */
static bool check_text(const char *text, size_t size, enum schema_row row, const char *label,
		       enum text_rule rule, const char *prefix, const char *key,
		       struct problems *out)
{
	size_t at = 0;
	enum text_fault fault = text_fault(text, size, rule, &at);
	if (fault == TEXT_OK)
		return true;
	if (label == NULL) {
		const struct field_desc *f = schema_find(row, key);
		label = f != NULL ? _(f->label) : key;
	}
	char path[PROBLEM_PATH_SIZE];
	joined(path, sizeof path, prefix, key);
	switch (fault) {
	case TEXT_TOO_LONG:
		problems_add(out, path, _("%s er for lang (høyst %zu byte)"), label, size - 1);
		break;
	case TEXT_NOT_UTF8:
		problems_add(out, path, _("%s er ikke gyldig UTF-8-tekst"), label);
		break;
	case TEXT_CONTROL:
		problems_add(out, path, _("%s inneholder et kontrolltegn (tegn nr. %zu)"), label, at);
		break;
	default:
		problems_add(out, path, _("%s må fylles ut"), label);
		break;
	}
	return false;
}

static size_t count_since(const struct problems *out, size_t before)
{
	return out->count + out->dropped - before;
}

bool validate_params(const struct workbook_params *p, const char *path, struct problems *out)
{
	size_t before = out->count + out->dropped;
	const char *prefix = path ? path : "workbook";
	check_text(p->name, sizeof p->name, SCHEMA_WORKBOOK, NULL, TEXT_REQUIRED, prefix, "name",
		   out);
	check_text(p->municipality, sizeof p->municipality, SCHEMA_WORKBOOK, NULL, TEXT_OPTIONAL, prefix,
		   "municipality", out);
	check_at(FIELD_BASE_YEAR, p->base_year, prefix, out);
	check_at(FIELD_HORIZON, p->horizon, prefix, out);
	char dpath[PROBLEM_PATH_SIZE];
	join_path(dpath, sizeof dpath, prefix, "discount");
	if ((unsigned)p->discount.mode > DISCOUNT_NONE)
		problems_add(out, dpath, _("Ukjent diskonteringsmetode: bruk r109, flat eller none"));
	check_at(FIELD_DISCOUNT_RATE, p->discount.rate, dpath, out);
	check_at(FIELD_G_AMOUNT, p->g_amount, prefix, out);
	check_at(FIELD_PRICE_YEAR, p->price_year, prefix, out);
	check_at(FIELD_REAL_GROWTH, p->real_growth, prefix, out);
	char sub[PROBLEM_PATH_SIZE];
	join_path(sub, sizeof sub, prefix, "plan");
	check_at(FIELD_PLAN_START_YEAR, p->plan.start_year, sub, out);
	check_at(FIELD_PLAN_YEARS, p->plan.years, sub, out);
	join_path(sub, sizeof sub, prefix, "uncertainty");
	check_at(FIELD_DRAWS, (double)p->uncertainty.draws, sub, out);
	check_at(FIELD_SEED, (double)p->uncertainty.seed, sub, out);
	char spread[PROBLEM_PATH_SIZE], grade[PROBLEM_PATH_SIZE];
	join_path(spread, sizeof spread, sub, "spread");
	for (int c = CONFIDENCE_A; c <= CONFIDENCE_D; c++) {
		join_path(grade, sizeof grade, spread, confidence_key((enum confidence)c));
		field_check(FIELD_SPREAD, p->uncertainty.spread[c], grade, out);
	}
	join_path(sub, sizeof sub, prefix, "society");
	check_at(FIELD_TAX_COST, p->tax_cost, sub, out);
	return count_since(out, before) == 0;
}

bool validate_sector(const struct sector *s, const char *path, struct problems *out)
{
	size_t before = out->count + out->dropped;
	char where[PROBLEM_PATH_SIZE];
	enum bearer b;
	if (check_text(s->id, sizeof s->id, SCHEMA_SECTOR, NULL, TEXT_REQUIRED, path, "id", out) &&
	    bearer_from_key(s->id, &b)) {
		join_path(where, sizeof where, path, "id");
		problems_add(out, where,
			     _("Sektor-id «%s» er navnet på et forvaltningsnivå og finnes allerede "
			       "som egen sektor; velg en annen id"),
			     s->id);
	}
	check_text(s->name, sizeof s->name, SCHEMA_SECTOR, NULL, TEXT_REQUIRED, path, "name", out);
	check_text(s->kostra, sizeof s->kostra, SCHEMA_SECTOR, NULL, TEXT_OPTIONAL, path,
		   "kostra", out);
	if ((unsigned)s->bearer >= BEARER_COUNT) {
		join_path(where, sizeof where, path, "bearer");
		problems_add(out, where, _("Ukjent bærer: bruk kommune, fylkeskommune eller stat"));
	}
	return count_since(out, before) == 0;
}

/* A budget item's bearer and sector; a society item has neither. */
static void check_item_owner(const struct cost_item *item, const struct workbook *wb,
			     const char *path, struct problems *out)
{
	char where[PROBLEM_PATH_SIZE];
	if ((unsigned)item->kind >= ITEM_KIND_COUNT) {
		join_path(where, sizeof where, path, "kind");
		problems_add(out, where,
			     _("Ukjent type: bruk service, transfer, tax, production eller welfare"));
		return;
	}
	if (!item_kind_has_bearer(item->kind)) {
		if (item->bearer != BEARER_NONE) {
			join_path(where, sizeof where, path, "bearer");
			problems_add(out, where,
				     _("En post av typen %s er ikke en budsjettpost og skal ikke ha "
				       "bærer"),
				     item_kind_key(item->kind));
		}
		if (item->sector[0] != '\0') {
			join_path(where, sizeof where, path, "sector");
			problems_add(out, where,
				     _("En post av typen %s er ikke en budsjettpost og skal ikke ha "
				       "sektor"),
				     item_kind_key(item->kind));
		}
		return;
	}
	if ((unsigned)item->bearer >= BEARER_COUNT) {
		join_path(where, sizeof where, path, "bearer");
		problems_add(out, where, _("Ukjent bærer: bruk kommune, fylkeskommune eller stat"));
		return;
	}
	if (!check_text(item->sector, sizeof item->sector, SCHEMA_ITEM, NULL, TEXT_OPTIONAL, path,
			"sector", out) ||
	    wb == NULL || item->sector[0] == '\0')
		return;
	join_path(where, sizeof where, path, "sector");
	long x = workbook_sector_index(wb, item->sector);
	if (x < 0) {
		problems_add(out, where,
			     _("Sektoren «%s» finnes ikke i arbeidsboken: bruk en av sektorene "
			       "under sectors eller %s"),
			     item->sector, bearer_key(item->bearer));
		return;
	}
	enum bearer owner = workbook_sector_bearer(wb, (size_t)x);
	if (owner != item->bearer)
		problems_add(out, where,
			     _("Sektoren «%s» hører til %s, men posten har bærer %s: velg en "
			       "sektor under %s"),
			     item->sector, bearer_key(owner), bearer_key(item->bearer),
			     bearer_key(item->bearer));
}

bool validate_item(const struct cost_item *item, const struct workbook *wb, const char *path,
		   struct problems *out)
{
	size_t before = out->count + out->dropped;
	char where[PROBLEM_PATH_SIZE];
	check_text(item->name, sizeof item->name, SCHEMA_ITEM, NULL, TEXT_REQUIRED, path,
		   "name", out);
	check_text(item->source, sizeof item->source, SCHEMA_ITEM, NULL, TEXT_OPTIONAL, path,
		   "source", out);
	check_item_owner(item, wb, path, out);
	if ((unsigned)item->unit > UNIT_G) {
		join_path(where, sizeof where, path, "unit");
		problems_add(out, where, _("Ukjent enhet: bruk nok eller g"));
	}
	if ((unsigned)item->confidence > CONFIDENCE_D) {
		join_path(where, sizeof where, path, "confidence");
		problems_add(out, where, _("Ukjent kvalitetsgrad: bruk A, B, C eller D"));
	}
	check_at(FIELD_ITEM_AMOUNT, item->amount, path, out);
	bool from_ok = check_at(FIELD_ITEM_FROM_AGE, item->from_age, path, out);
	bool to_ok = check_at(FIELD_ITEM_TO_AGE, item->to_age, path, out);
	if (from_ok && to_ok && item->from_age > item->to_age) {
		join_path(where, sizeof where, path, "to_age");
		problems_add(out, where,
			     _("Til alder må være minst lik fra alder (%d), fikk %d"), item->from_age,
			     item->to_age);
	}
	return count_since(out, before) == 0;
}

bool validate_group(const struct target_group *g, const struct workbook *wb, const char *path,
		    struct problems *out)
{
	size_t before = out->count + out->dropped;
	check_text(g->id, sizeof g->id, SCHEMA_GROUP, NULL, TEXT_REQUIRED, path, "id", out);
	check_text(g->name, sizeof g->name, SCHEMA_GROUP, NULL, TEXT_REQUIRED, path, "name", out);
	check_text(g->description, sizeof g->description, SCHEMA_GROUP, NULL, TEXT_MULTILINE, path,
		   "description", out);
	check_at(FIELD_ENTRY_AGE, g->entry_age, path, out);
	for (size_t i = 0; i < g->item_count; i++) {
		char where[PROBLEM_PATH_SIZE];
		if (path && path[0])
			snprintf(where, sizeof where, "%s.items[%zu]", path, i);
		else
			snprintf(where, sizeof where, "items[%zu]", i);
		validate_item(&g->items[i], wb, where, out);
	}
	return count_since(out, before) == 0;
}

/* Each share 0–1 on a known sector, each sector once, summing to 1. */
static void check_payer(const struct measure *m, const struct workbook *wb, const char *path,
			struct problems *out)
{
	char payer_path[PROBLEM_PATH_SIZE], where[PROBLEM_PATH_SIZE];
	join_path(payer_path, sizeof payer_path, path, "payer");
	if (m->payer_count < 1 || m->payer_count > PAYER_SHARES_MAX) {
		problems_add(out, payer_path,
			     _("Tiltaket må ha fra 1 til %d betalende sektorer, fikk %d"),
			     PAYER_SHARES_MAX, m->payer_count);
		return;
	}
	bool shares_ok = true;
	double sum = 0.0;
	for (int i = 0; i < m->payer_count; i++) {
		const struct payer_share *ps = &m->payer[i];
		if (!check_text(ps->sector, sizeof ps->sector, SCHEMA_MEASURE, _("Betalende sektor"),
				TEXT_REQUIRED,
				payer_path, "", out)) {
			shares_ok = false;
			continue;
		}
		/* The share's path only for a problem (see joined()). */
		const struct field_range *share = field_range(FIELD_PAYER_SHARE);
		bool in_range = share != NULL && field_in_range(share, ps->share);
		bool known = wb == NULL || workbook_sector_index(wb, ps->sector) >= 0;
		bool twice = false;
		for (int j = 0; j < i && !twice; j++)
			twice = strncmp(m->payer[j].sector, ps->sector, TEXT_ID_SIZE) == 0;
		sum += ps->share;
		if (in_range && known && !twice)
			continue;
		join_path(where, sizeof where, payer_path, ps->sector);
		shares_ok &= field_check(FIELD_PAYER_SHARE, ps->share, where, out);
		if (!known)
			problems_add(out, where,
				     _("Sektoren «%s» finnes ikke i arbeidsboken: bruk kommune, "
				       "fylkeskommune, stat eller en sektor under sectors"),
				     ps->sector);
		if (twice)
			problems_add(out, where, _("Sektoren «%s» er oppført to ganger"), ps->sector);
	}
	if (shares_ok && fabs(sum - 1.0) > PAYER_SUM_TOLERANCE) {
		char got[64];
		fmt_value(got, sizeof got, sum * 100.0);
		problems_add(out, payer_path, _("Betalerandelene må til sammen være 100 %%, fikk %s %%"),
			     got);
	}
}

/* A range lies inside its field's own range and encloses the value. */
static void check_ranges(const struct measure *m, const char *path, struct problems *out)
{
	static const enum field_id field_of[RANGE_FIELD_COUNT] = {
		[RANGE_SUCCESS_RATE] = FIELD_SUCCESS_RATE,
		[RANGE_DEADWEIGHT] = FIELD_DEADWEIGHT,
		[RANGE_DECAY] = FIELD_DECAY,
		[RANGE_COST_PER_PARTICIPANT] = FIELD_COST_PER_PARTICIPANT,
	};
	char ranges[PROBLEM_PATH_SIZE], where[PROBLEM_PATH_SIZE], end[PROBLEM_PATH_SIZE];
	bool joined_ranges = false;
	for (int f = 0; f < RANGE_FIELD_COUNT; f++) {
		const struct value_range *r = &m->ranges[f];
		if (!r->set)
			continue;
		if (!joined_ranges) /* most measures have no range */
			join_path(ranges, sizeof ranges, path, "ranges");
		joined_ranges = true;
		join_path(where, sizeof where, ranges, range_field_key((enum range_field)f));
		index_path(end, sizeof end, where, 0);
		bool ok = field_check(field_of[f], r->low, end, out);
		index_path(end, sizeof end, where, 1);
		ok &= field_check(field_of[f], r->high, end, out);
		double value = measure_range_value(m, (enum range_field)f);
		if (ok && !(r->low <= value && value <= r->high)) {
			char lo[64], hi[64], got[64];
			fmt_value(lo, sizeof lo, r->low);
			fmt_value(hi, sizeof hi, r->high);
			fmt_value(got, sizeof got, value);
			problems_add(out, where,
				     _("Spennet [%s, %s] må omslutte verdien %s: lav ≤ verdi ≤ høy"),
				     lo, hi, got);
		}
	}
}

bool validate_measure(const struct measure *m, const struct workbook *wb, const char *path,
		      struct problems *out)
{
	size_t before = out->count + out->dropped;
	char where[PROBLEM_PATH_SIZE];
	check_text(m->name, sizeof m->name, SCHEMA_MEASURE, NULL, TEXT_REQUIRED, path, "name", out);
	if (check_text(m->group_id, sizeof m->group_id, SCHEMA_MEASURE, NULL, TEXT_REQUIRED, path, "group",
		       out) &&
	    wb != NULL && workbook_find_group(wb, m->group_id) < 0) {
		join_path(where, sizeof where, path, "group");
		problems_add(out, where, _("Målgruppen «%s» finnes ikke i arbeidsboken"), m->group_id);
	}
	check_at(FIELD_PARTICIPANTS, (double)m->participants, path, out);
	check_at(FIELD_START_YEAR, m->start_year, path, out);
	check_at(FIELD_START_AGE, m->start_age, path, out);
	check_at(FIELD_DURATION, m->duration, path, out);
	check_at(FIELD_COST_PER_PARTICIPANT, m->cost_per_participant, path, out);

	check_payer(m, wb, path, out);
	check_at(FIELD_SUCCESS_RATE, m->success_rate, path, out);
	check_at(FIELD_DEADWEIGHT, m->deadweight, path, out);
	check_at(FIELD_LAG, m->lag, path, out);
	if (m->effect_years != 0) /* 0 is "empty": to the end of the horizon */
		check_at(FIELD_EFFECT_YEARS, m->effect_years, path, out);
	check_at(FIELD_DECAY, m->decay, path, out);
	check_ranges(m, path, out);
	return count_since(out, before) == 0;
}

bool validate_workbook(const struct workbook *wb, struct problems *out)
{
	size_t before = out->count + out->dropped;
	char where[PROBLEM_PATH_SIZE];
	validate_params(&wb->params, "workbook", out);
	if (workbook_sector_total(wb) > SECTORS_MAX)
		problems_add(out, "sectors",
			     _("Arbeidsboken kan ha høyst %d egne sektorer, har %zu"),
			     SECTORS_MAX - SECTOR_IMPLICIT_COUNT, wb->sector_count);
	for (size_t i = 0; i < wb->sector_count; i++) {
		snprintf(where, sizeof where, "sectors[%zu]", i);
		validate_sector(&wb->sectors[i], where, out);
		for (size_t j = 0; j < i; j++)
			if (strncmp(wb->sectors[i].id, wb->sectors[j].id, TEXT_ID_SIZE) == 0) {
				snprintf(where, sizeof where, "sectors[%zu].id", i);
				problems_add(out, where,
					     _("Sektor-id «%s» er allerede brukt av sectors[%zu]"),
					     wb->sectors[i].id, j);
				break;
			}
	}
	for (size_t i = 0; i < wb->group_count; i++) {
		snprintf(where, sizeof where, "groups[%zu]", i);
		validate_group(&wb->groups[i], wb, where, out);
		/* Report a duplicate once, at its second occurrence. */
		for (size_t j = 0; j < i; j++)
			if (strncmp(wb->groups[i].id, wb->groups[j].id, TEXT_ID_SIZE) == 0) {
				snprintf(where, sizeof where, "groups[%zu].id", i);
				problems_add(out, where,
					     _("Målgruppe-id «%s» er allerede brukt av groups[%zu]"),
					     wb->groups[i].id, j);
				break;
			}
	}
	for (size_t i = 0; i < wb->measure_count; i++) {
		index_path(where, sizeof where, "measures", i);
		validate_measure(&wb->measures[i], wb, where, out);
	}
	return count_since(out, before) == 0;
}
