/*
 * json_read.c: the strict reader of the interchange document
 * ("utenfor-workbook", versions 1 and 2; see doc/interchange.md).
 *
 * Version 2 adds fields to version 1 and changes none: a version-1
 * document is read with version 1's field lists (so a v2 field in it is
 * unknown), and both fill the same workbook, with v2's defaults where a
 * field is absent.  Payer keys are sector ids in both (v1's bearer names
 * are the implicit sectors' ids).
 *
 * Every problem in the document is collected, one per field, with its JSON
 * path; nothing is returned from a document with any problem.  Field-level
 * checks happen as each member is read; whole-entity checks (payer shares
 * summing to 1, from_age ≤ to_age, blank names, …) come from
 * engine/validate.h.  A member that is missing or of the wrong type keeps
 * its valid default, and a validate_* problem at (or inside, or around) a
 * path already reported is dropped, so one mistake gives one message.
 *
 * Must never: print, call ncurses or SQLite, return a partly read workbook.
 */
#include "interchange/json.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "engine/limits.h"
#include "i18n/i18n.h"
#include "interchange/input_file.h"
#include "interchange/json_fields.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define FORMAT_NAME "utenfor-workbook"
#define FORMAT_VERSION_MIN 1
#define FORMAT_VERSION 2

/* Each list is version 1's fields, then those version 2 adds; *_V1 counts
 * version 1's. */
static const char *const top_fields[] = {"format", "version", "workbook", "groups", "measures",
					 "sectors"};
#define TOP_V1 5
static const char *const workbook_fields[] = {
	"name",	    "municipality", "base_year",  "horizon", "discount",    "g_amount",
	"price_year", "real_growth", "plan",	   "uncertainty", "society"};
#define WORKBOOK_V1 6
static const char *const discount_fields[] = {"mode", "rate"};
static const char *const plan_fields[] = {"start_year", "years"};
static const char *const uncertainty_fields[] = {"draws", "seed", "spread"};
static const char *const society_fields[] = {"tax_cost"};
static const char *const sector_members[] = {"id", "name", "bearer", "kostra"};
static const char *const group_members[] = {"id", "name", "description", "entry_age", "items"};
static const char *const item_members[] = {"name",     "bearer", "amount", "unit",
					  "from_age", "to_age", "source", "confidence",
					  "kind",     "sector"};
#define ITEM_V1 8
static const char *const measure_members[] = {
	"name",	    "group",	      "participants", "start_year", "start_age",
	"duration", "cost_per_participant", "payer",	 "success_rate", "deadweight",
	"lag",	    "effect_years",	    "decay",	 "enabled",	 "ranges"};
#define MEASURE_V1 14
const char *const *json_read_members(enum schema_row row, const char *within, size_t *count)
{
	static const struct {
		enum schema_row row;
		const char *within;
		const char *const *list;
		size_t count;
	} lists[] = {
		{SCHEMA_WORKBOOK, NULL, workbook_fields, COUNT(workbook_fields)},
		{SCHEMA_WORKBOOK, "discount", discount_fields, COUNT(discount_fields)},
		{SCHEMA_WORKBOOK, "plan", plan_fields, COUNT(plan_fields)},
		{SCHEMA_WORKBOOK, "uncertainty", uncertainty_fields, COUNT(uncertainty_fields)},
		{SCHEMA_WORKBOOK, "society", society_fields, COUNT(society_fields)},
		{SCHEMA_SECTOR, NULL, sector_members, COUNT(sector_members)},
		{SCHEMA_GROUP, NULL, group_members, COUNT(group_members)},
		{SCHEMA_ITEM, NULL, item_members, COUNT(item_members)},
		{SCHEMA_MEASURE, NULL, measure_members, COUNT(measure_members)},
	};
	for (size_t i = 0; i < COUNT(lists); i++)
		if (lists[i].row == row && ((within == NULL && lists[i].within == NULL) ||
					    (within != NULL && lists[i].within != NULL &&
					     strcmp(within, lists[i].within) == 0))) {
			*count = lists[i].count;
			return lists[i].list;
		}
	*count = 0;
	return NULL;
}

static const char *const kind_keys[] = {"service", "transfer", "tax", "production", "welfare"};
static const char *const bearer_keys[] = {"kommune", "fylkeskommune", "stat"};
static const char *const unit_keys[] = {"nok", "g"};
static const char *const mode_keys[] = {"r109", "flat", "none"};
static const char *const confidence_keys[] = {"A", "B", "C", "D"};

/* The field count of a list for the document's version. */
static size_t fields_for(const struct json_reader *r, size_t all, size_t v1)
{
	return r->version >= 2 ? all : v1;
}

/* An array past its limit (engine/limits.h) is one problem, not read. */
static bool too_many(struct json_reader *r, const json_t *array, const char *path, size_t max)
{
	size_t n = json_array_size(array);
	if (n <= max)
		return false;
	problems_add(r->out, path, _("for mange elementer: %zu (høyst %zu)"), n, max);
	return true;
}

/* Start a new entity: validate_* results of the last one are gone. */
static void entity_begin(struct json_reader *r)
{
	problems_clear(&r->scratch);
}

static void read_discount(struct json_reader *r, const json_t *wb_obj, struct discount *d)
{
	json_t *obj = json_get_object(r, wb_obj, "workbook", "discount", false);
	int mode;
	if (obj == NULL)
		return; /* absent: R-109, the default set by workbook_init */
	json_check_members(r, obj, "workbook.discount", discount_fields, COUNT(discount_fields));
	if (!json_get_key(r, obj, "workbook.discount", "mode", true, mode_keys, COUNT(mode_keys),
			  &mode))
		return;
	d->mode = (enum discount_mode)mode;
	bool has_rate = json_object_get(obj, "rate") != NULL;
	if (d->mode == DISCOUNT_FLAT) {
		json_get_double(r, obj, "workbook.discount", "rate", true, FIELD_DISCOUNT_RATE,
				&d->rate);
	} else if (has_rate) {
		problems_add(r->out, "workbook.discount.rate",
			     _("brukes bare når mode er «flat» (her er mode «%s»)"), mode_keys[mode]);
	}
}

static void read_uncertainty(struct json_reader *r, const json_t *wb_obj,
			     struct uncertainty_settings *u)
{
	const char *path = "workbook.uncertainty";
	json_t *obj = json_get_object(r, wb_obj, "workbook", "uncertainty", false);
	if (obj == NULL)
		return;
	json_check_members(r, obj, path, uncertainty_fields, COUNT(uncertainty_fields));
	json_get_long(r, obj, path, "draws", false, FIELD_DRAWS, &u->draws);
	double seed = 0;
	/* Whole numbers to 2^53 are exact doubles; the range check says whole. */
	if (json_get_double(r, obj, path, "seed", false, FIELD_SEED, &seed) && seed >= 0 &&
	    seed <= SEED_MAX)
		u->seed = (uint64_t)seed;
	json_t *spread = json_get_object(r, obj, path, "spread", false);
	if (spread == NULL)
		return;
	static const char *const grades[] = {"A", "B", "C", "D"};
	json_check_members(r, spread, "workbook.uncertainty.spread", grades, COUNT(grades));
	for (int c = CONFIDENCE_A; c <= CONFIDENCE_D; c++)
		json_get_double(r, spread, "workbook.uncertainty.spread", grades[c], false,
				FIELD_SPREAD, &u->spread[c]);
}

static void read_params(struct json_reader *r, const json_t *root, struct workbook_params *p)
{
	json_t *obj = json_get_object(r, root, "", "workbook", true);
	if (obj == NULL)
		return;
	entity_begin(r);
	json_check_members(r, obj, "workbook", workbook_fields,
			   fields_for(r, COUNT(workbook_fields), WORKBOOK_V1));
	json_get_text(r, obj, "workbook", "name", true, p->name, sizeof p->name);
	json_get_text(r, obj, "workbook", "municipality", false, p->municipality,
		      sizeof p->municipality);
	json_get_int(r, obj, "workbook", "base_year", true, FIELD_BASE_YEAR, &p->base_year);
	json_get_int(r, obj, "workbook", "horizon", false, FIELD_HORIZON, &p->horizon);
	read_discount(r, obj, &p->discount);
	json_get_double(r, obj, "workbook", "g_amount", false, FIELD_G_AMOUNT, &p->g_amount);
	/* Both default to the document's own base year. */
	p->price_year = p->base_year;
	p->plan.start_year = p->base_year;
	json_get_int(r, obj, "workbook", "price_year", false, FIELD_PRICE_YEAR, &p->price_year);
	json_get_double(r, obj, "workbook", "real_growth", false, FIELD_REAL_GROWTH,
			&p->real_growth);
	json_t *plan = json_get_object(r, obj, "workbook", "plan", false);
	if (plan != NULL) {
		json_check_members(r, plan, "workbook.plan", plan_fields, COUNT(plan_fields));
		json_get_int(r, plan, "workbook.plan", "start_year", false, FIELD_PLAN_START_YEAR,
			     &p->plan.start_year);
		json_get_int(r, plan, "workbook.plan", "years", false, FIELD_PLAN_YEARS,
			     &p->plan.years);
	}
	read_uncertainty(r, obj, &p->uncertainty);
	json_t *society = json_get_object(r, obj, "workbook", "society", false);
	if (society != NULL) {
		json_check_members(r, society, "workbook.society", society_fields,
				   COUNT(society_fields));
		json_get_double(r, society, "workbook.society", "tax_cost", false, FIELD_TAX_COST,
				&p->tax_cost);
	}
	validate_params(p, "workbook", &r->scratch);
	json_merge_problems(r, &r->scratch);
}

static void read_item(struct json_reader *r, const json_t *obj, const char *path,
		      const struct workbook *wb, struct cost_item *it)
{
	int bearer = 0, unit = UNIT_NOK, confidence = CONFIDENCE_D, kind = ITEM_SERVICE;
	memset(it, 0, sizeof *it);
	entity_begin(r);
	if (!json_is_object(obj)) {
		problems_add(r->out, path, _("må være et objekt ({ … })"));
		return;
	}
	json_check_members(r, obj, path, item_members, fields_for(r, COUNT(item_members), ITEM_V1));
	json_get_text(r, obj, path, "name", true, it->name, sizeof it->name);
	json_get_key(r, obj, path, "kind", false, kind_keys, COUNT(kind_keys), &kind);
	it->kind = (enum item_kind)kind;
	bool budget = item_kind_has_bearer(it->kind);
	if (budget) {
		json_get_key(r, obj, path, "bearer", true, bearer_keys, COUNT(bearer_keys), &bearer);
	} else if (json_object_get(obj, "bearer") != NULL) {
		char p[PROBLEM_PATH_SIZE];
		json_path_join(p, sizeof p, path, "bearer");
		problems_add(r->out, p,
			     _("en post av typen %s er ikke en budsjettpost: fjern bearer (bare "
			       "service, transfer og tax har bærer)"),
			     kind_keys[kind]);
	}
	if (json_object_get(obj, "sector") != NULL && !budget) {
		char p[PROBLEM_PATH_SIZE];
		json_path_join(p, sizeof p, path, "sector");
		problems_add(r->out, p,
			     _("en post av typen %s er ikke en budsjettpost: fjern sector (bare "
			       "service, transfer og tax har sektor)"),
			     kind_keys[kind]);
	} else if (budget) {
		json_get_text(r, obj, path, "sector", false, it->sector, sizeof it->sector);
	}
	json_get_double(r, obj, path, "amount", true, FIELD_ITEM_AMOUNT, &it->amount);
	json_get_key(r, obj, path, "unit", false, unit_keys, COUNT(unit_keys), &unit);
	json_get_int(r, obj, path, "from_age", true, FIELD_ITEM_FROM_AGE, &it->from_age);
	json_get_int(r, obj, path, "to_age", true, FIELD_ITEM_TO_AGE, &it->to_age);
	json_get_text(r, obj, path, "source", false, it->source, sizeof it->source);
	/* An item with no stated grade is an assumption: D. */
	json_get_key(r, obj, path, "confidence", false, confidence_keys, COUNT(confidence_keys),
		     &confidence);
	it->bearer = budget ? (enum bearer)bearer : BEARER_NONE;
	/* The bearer's own name is its implicit sector, stored as "". */
	if (budget && strcmp(it->sector, bearer_keys[bearer]) == 0)
		it->sector[0] = '\0';
	it->unit = (enum amount_unit)unit;
	it->confidence = (enum confidence)confidence;
	validate_item(it, wb, path, &r->scratch);
	json_merge_problems(r, &r->scratch);
}

/* Returns -1 only when out of memory. */
static int read_group(struct json_reader *r, const json_t *obj, const char *path,
		      const struct workbook *wb, struct target_group *g)
{
	memset(g, 0, sizeof *g);
	entity_begin(r);
	if (!json_is_object(obj)) {
		problems_add(r->out, path, _("må være et objekt ({ … })"));
		return 0;
	}
	json_check_members(r, obj, path, group_members, COUNT(group_members));
	json_get_text(r, obj, path, "id", true, g->id, sizeof g->id);
	json_get_text(r, obj, path, "name", true, g->name, sizeof g->name);
	json_get_text(r, obj, path, "description", false, g->description, sizeof g->description);
	json_get_int(r, obj, path, "entry_age", true, FIELD_ENTRY_AGE, &g->entry_age);
	/* No items yet: they are checked one by one below, with their paths. */
	validate_group(g, NULL, path, &r->scratch);
	json_merge_problems(r, &r->scratch);

	char items_path[PROBLEM_PATH_SIZE];
	json_path_join(items_path, sizeof items_path, path, "items");
	json_t *items = json_get_array(r, obj, path, "items", false);
	if (too_many(r, items, items_path, INPUT_ITEMS_PER_GROUP_MAX))
		return 0;
	size_t i;
	json_t *value;
	json_array_foreach(items, i, value) {
		char item_path[PROBLEM_PATH_SIZE];
		struct cost_item it;
		json_path_index(item_path, sizeof item_path, items_path, i);
		read_item(r, value, item_path, wb, &it);
		if (target_group_add_item(g, &it) < 0)
			return -1;
	}
	return 0;
}

static void read_sector(struct json_reader *r, const json_t *obj, const char *path,
			struct sector *sec)
{
	int bearer = 0;
	memset(sec, 0, sizeof *sec);
	entity_begin(r);
	if (!json_is_object(obj)) {
		problems_add(r->out, path, _("må være et objekt ({ … })"));
		return;
	}
	json_check_members(r, obj, path, sector_members, COUNT(sector_members));
	json_get_text(r, obj, path, "id", true, sec->id, sizeof sec->id);
	json_get_text(r, obj, path, "name", true, sec->name, sizeof sec->name);
	json_get_key(r, obj, path, "bearer", true, bearer_keys, COUNT(bearer_keys), &bearer);
	json_get_text(r, obj, path, "kostra", false, sec->kostra, sizeof sec->kostra);
	sec->bearer = (enum bearer)bearer;
	validate_sector(sec, path, &r->scratch);
	json_merge_problems(r, &r->scratch);
}

/* Returns -1 only when out of memory. */
static int read_sectors(struct json_reader *r, const json_t *root, struct workbook *wb)
{
	if (r->version < 2)
		return 0;
	json_t *sectors = json_get_array(r, root, "", "sectors", false);
	size_t i;
	json_t *value;
	json_array_foreach(sectors, i, value) {
		char path[PROBLEM_PATH_SIZE];
		struct sector sec;
		json_path_index(path, sizeof path, "sectors", i);
		read_sector(r, value, path, &sec);
		for (size_t k = 0; k < wb->sector_count && sec.id[0]; k++)
			if (strcmp(wb->sectors[k].id, sec.id) == 0) {
				char p[PROBLEM_PATH_SIZE];
				json_path_join(p, sizeof p, path, "id");
				problems_add(r->out, p,
					     _("Sektor-id «%s» er allerede brukt av sectors[%zu]"),
					     sec.id, k);
				break;
			}
		if (workbook_sector_total(wb) >= SECTORS_MAX) {
			problems_add(r->out, path, _("for mange sektorer: høyst %d egne sektorer"),
				     SECTORS_MAX - SECTOR_IMPLICIT_COUNT);
			break;
		}
		if (workbook_add_sector(wb, &sec) < 0)
			return -1;
	}
	return 0;
}

static int read_groups(struct json_reader *r, const json_t *root, struct workbook *wb)
{
	json_t *groups = json_get_array(r, root, "", "groups", false);
	if (too_many(r, groups, "groups", INPUT_GROUPS_MAX))
		return 0;
	size_t i;
	json_t *value;
	json_array_foreach(groups, i, value) {
		char path[PROBLEM_PATH_SIZE];
		struct target_group g;
		json_path_index(path, sizeof path, "groups", i);
		int rc = read_group(r, value, path, wb, &g);
		if (rc == 0 && workbook_add_group(wb, &g) < 0)
			rc = -1;
		target_group_free_items(&g);
		if (rc < 0)
			return -1;
	}
	/* Ids are how measures name their group: they must be unique. */
	for (size_t j = 0; j < wb->group_count; j++) {
		if (wb->groups[j].id[0] == '\0')
			continue;
		for (size_t k = 0; k < j; k++) {
			if (strcmp(wb->groups[j].id, wb->groups[k].id) == 0) {
				char path[PROBLEM_PATH_SIZE];
				snprintf(path, sizeof path, "groups[%zu].id", j);
				problems_add(r->out, path, _("Målgruppe-id «%s» er allerede brukt av groups[%zu]"),
					     wb->groups[j].id, k);
				break;
			}
		}
	}
	return 0;
}

/*
 * "a, b, c" of every sector id of wb; false when they do not all fit, so
 * that the message never ends in the middle of the list of what is allowed.
 */
static bool sector_list(const struct workbook *wb, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t x = 0; x < workbook_sector_total(wb); x++) {
		int n = snprintf(buf + used, size - used, "%s%s", x ? ", " : "",
				 workbook_sector_id(wb, x));
		if (n < 0 || (size_t)n >= size - used)
			return false;
		used += (size_t)n;
	}
	return true;
}

/*
 * Shares by sector id; an absent sector pays nothing.  A payer that names
 * only implicit sectors is stored in the version-1 shape (all three
 * bearers, in bearer order), whatever the version.
 */
static void read_payer(struct json_reader *r, const json_t *obj, const char *path,
		       const struct workbook *wb, struct measure *m)
{
	char payer_path[PROBLEM_PATH_SIZE], p[PROBLEM_PATH_SIZE];
	json_t *payer = json_get_object(r, obj, path, "payer", true);
	if (payer == NULL)
		return;
	json_path_join(payer_path, sizeof payer_path, path, "payer");
	if (json_object_size(payer) > PAYER_SHARES_MAX) {
		problems_add(r->out, payer_path, _("høyst %d betalende sektorer, fikk %zu"),
			     PAYER_SHARES_MAX, json_object_size(payer));
		return;
	}
	bool only_bearers = true;
	const char *key;
	json_t *value;
	json_object_foreach(payer, key, value) {
		enum bearer b;
		if (!bearer_from_key(key, &b))
			only_bearers = false;
		if (workbook_sector_index(wb, key) < 0) {
			char known[200];
			json_path_join(p, sizeof p, payer_path, key);
			if (sector_list(wb, known, sizeof known))
				problems_add(r->out, p, _("ukjent sektor «%s»; kjente sektorer er %s"),
					     key, known);
			else
				problems_add(r->out, p,
					     _("ukjent sektor «%s»; bruk kommune, fylkeskommune, stat "
					       "eller en id fra sectors"),
					     key);
		}
	}
	if (only_bearers) {
		double shares[BEARER_COUNT] = {0};
		for (int b = 0; b < BEARER_COUNT; b++)
			json_get_double(r, payer, payer_path, bearer_keys[b], false,
					FIELD_PAYER_SHARE, &shares[b]);
		measure_payer_set_bearers(m, shares);
		return;
	}
	memset(m->payer, 0, sizeof m->payer);
	m->payer_count = 0;
	json_object_foreach(payer, key, value) {
		double share = 0.0;
		json_get_double(r, payer, payer_path, key, false, FIELD_PAYER_SHARE, &share);
		if (!measure_payer_set(m, key, share)) {
			json_path_join(p, sizeof p, payer_path, key);
			problems_add(r->out, p, _("sektor-id er for lang (høyst %d byte)"),
				     TEXT_ID_SIZE - 1);
		}
	}
}

/* Each given range as [low, high]: two numbers in the field's own range. */
static void read_ranges(struct json_reader *r, const json_t *obj, const char *path,
			struct measure *m)
{
	static const enum field_id field_of[RANGE_FIELD_COUNT] = {
		FIELD_SUCCESS_RATE, FIELD_DEADWEIGHT, FIELD_DECAY, FIELD_COST_PER_PARTICIPANT};
	static const char *const keys[RANGE_FIELD_COUNT] = {"success_rate", "deadweight", "decay",
							    "cost_per_participant"};
	char ranges_path[PROBLEM_PATH_SIZE], p[PROBLEM_PATH_SIZE];
	json_t *ranges = json_get_object(r, obj, path, "ranges", false);
	if (ranges == NULL)
		return;
	json_path_join(ranges_path, sizeof ranges_path, path, "ranges");
	json_check_members(r, ranges, ranges_path, keys, COUNT(keys));
	for (int f = 0; f < RANGE_FIELD_COUNT; f++) {
		json_t *pair = json_object_get(ranges, keys[f]);
		if (pair == NULL)
			continue;
		json_path_join(p, sizeof p, ranges_path, keys[f]);
		json_t *lo = json_array_get(pair, 0), *hi = json_array_get(pair, 1);
		if (!json_is_array(pair) || json_array_size(pair) != 2 || !json_is_number(lo) ||
		    !json_is_number(hi)) {
			problems_add(r->out, p, _("må være [lav, høy]: to tall"));
			continue;
		}
		struct value_range *vr = &m->ranges[f];
		vr->set = true;
		vr->low = json_number_value(lo);
		vr->high = json_number_value(hi);
		char end[PROBLEM_PATH_SIZE];
		json_path_index(end, sizeof end, p, 0);
		field_check(field_of[f], vr->low, end, r->out);
		json_path_index(end, sizeof end, p, 1);
		field_check(field_of[f], vr->high, end, r->out);
	}
}

/* "ukjent målgruppe «x»; kjente er a, b" with as many ids as fit. */
static void unknown_group(struct json_reader *r, const struct workbook *wb, const char *path,
			  const char *id)
{
	char known[200] = "";
	size_t used = 0;
	for (size_t i = 0; i < wb->group_count && used < sizeof known; i++) {
		if (workbook_find_group(wb, wb->groups[i].id) != (long)i)
			continue; /* a duplicate id, reported at its group */
		int n = snprintf(known + used, sizeof known - used, "%s%s", used ? ", " : "",
				 wb->groups[i].id);
		if (n < 0)
			break;
		used += (size_t)n;
	}
	char p[PROBLEM_PATH_SIZE];
	json_path_join(p, sizeof p, path, "group");
	if (wb->group_count == 0)
		problems_add(r->out, p, _("ukjent målgruppe «%s»; dokumentet har ingen målgrupper"),
			     id);
	else
		problems_add(r->out, p, _("ukjent målgruppe «%s»; kjente målgrupper er %s"), id,
			     known);
}

static void read_measure(struct json_reader *r, const json_t *obj, const char *path,
			 const struct workbook *wb, struct measure *m)
{
	measure_defaults(m);
	entity_begin(r);
	if (!json_is_object(obj)) {
		problems_add(r->out, path, _("må være et objekt ({ … })"));
		return;
	}
	json_check_members(r, obj, path, measure_members,
			   fields_for(r, COUNT(measure_members), MEASURE_V1));
	json_get_text(r, obj, path, "name", true, m->name, sizeof m->name);
	long group = -1;
	if (json_get_text(r, obj, path, "group", true, m->group_id, sizeof m->group_id)) {
		group = workbook_find_group(wb, m->group_id);
		if (group < 0)
			unknown_group(r, wb, path, m->group_id);
	}
	json_get_long(r, obj, path, "participants", true, FIELD_PARTICIPANTS, &m->participants);
	json_get_int(r, obj, path, "start_year", true, FIELD_START_YEAR, &m->start_year);
	m->start_age = group >= 0 ? wb->groups[group].entry_age : 0;
	json_get_int(r, obj, path, "start_age", false, FIELD_START_AGE, &m->start_age);
	json_get_int(r, obj, path, "duration", true, FIELD_DURATION, &m->duration);
	json_get_double(r, obj, path, "cost_per_participant", true, FIELD_COST_PER_PARTICIPANT,
			&m->cost_per_participant);
	read_payer(r, obj, path, wb, m);
	json_get_double(r, obj, path, "success_rate", true, FIELD_SUCCESS_RATE,
			&m->success_rate);
	json_get_double(r, obj, path, "deadweight", false, FIELD_DEADWEIGHT, &m->deadweight);
	json_get_int(r, obj, path, "lag", false, FIELD_LAG, &m->lag);
	/* null (or absent) means "to the end of the horizon", stored as 0. */
	if (!json_is_null(json_object_get(obj, "effect_years")))
		json_get_int(r, obj, path, "effect_years", false, FIELD_EFFECT_YEARS,
			     &m->effect_years);
	json_get_double(r, obj, path, "decay", false, FIELD_DECAY, &m->decay);
	json_get_bool(r, obj, path, "enabled", false, &m->enabled);
	read_ranges(r, obj, path, m);
	/* The group was looked up above; NULL skips validate's own lookup so
	 * an unknown group is reported once. */
	validate_measure(m, NULL, path, &r->scratch);
	json_merge_problems(r, &r->scratch);
}

static int read_measures(struct json_reader *r, const json_t *root, struct workbook *wb)
{
	json_t *measures = json_get_array(r, root, "", "measures", false);
	if (too_many(r, measures, "measures", INPUT_MEASURES_MAX))
		return 0;
	size_t i;
	json_t *value;
	json_array_foreach(measures, i, value) {
		char path[PROBLEM_PATH_SIZE];
		struct measure m;
		json_path_index(path, sizeof path, "measures", i);
		read_measure(r, value, path, wb, &m);
		if (workbook_add_measure(wb, &m) < 0)
			return -1;
	}
	return 0;
}

static void read_header(struct json_reader *r, const json_t *root)
{
	json_t *format = json_member(r, root, "", "format", true);
	if (format != NULL && (!json_is_string(format) ||
			       strcmp(json_string_value(format), FORMAT_NAME) != 0))
		problems_add(r->out, "format",
			     _("må være «%s»; dette er ikke et utenfor-dokument"), FORMAT_NAME);
	int version = 0;
	if (json_get_int(r, root, "", "version", true, NO_FIELD, &version) &&
	    (version < FORMAT_VERSION_MIN || version > FORMAT_VERSION))
		problems_add(r->out, "version",
			     _("versjon %d støttes ikke; denne utgaven leser versjon %d og %d"),
			     version, FORMAT_VERSION_MIN, FORMAT_VERSION);
	else if (version >= FORMAT_VERSION_MIN)
		r->version = version;
}

int json_read_workbook(const char *text, size_t length, struct workbook *out,
		       struct problems *problems)
{
	struct json_reader *r = malloc(sizeof *r);
	struct workbook wb;
	json_error_t err;
	json_t *root = NULL;
	int rc = -1;

	problems_clear(problems);
	workbook_free(out);
	if (r == NULL) {
		problems_add(problems, "", _("tomt for minne"));
		return -1;
	}
	memset(r, 0, sizeof *r);
	r->out = problems;
	workbook_init(&wb);

	/* Before parsing: jansson's tree is many times the text's size. */
	if (length > INPUT_DOCUMENT_MAX) {
		problems_add(problems, "", _("dokumentet er for stort: %zu byte (høyst %u)"), length,
			     INPUT_DOCUMENT_MAX);
		goto done;
	}
	root = json_loadb(text, length, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL) {
		problems_add(problems, "", _("linje %d, kolonne %d: %s"), err.line, err.column,
			     err.text);
		goto done;
	}
	if (!json_is_object(root)) {
		problems_add(problems, "", _("dokumentet må være et JSON-objekt ({ … })"));
		goto done;
	}
	r->version = FORMAT_VERSION; /* until the header says otherwise */
	read_header(r, root);
	json_check_members(r, root, "", top_fields, fields_for(r, COUNT(top_fields), TOP_V1));
	read_params(r, root, &wb.params);
	if (read_sectors(r, root, &wb) < 0 || read_groups(r, root, &wb) < 0 ||
	    read_measures(r, root, &wb) < 0) {
		problems_add(problems, "", _("tomt for minne"));
		goto done;
	}
	if (problems->count == 0 && problems->dropped == 0) {
		/* Safety net for whole-workbook rules the per-entity checks do not
		 * cover; on a clean read it can only add, never repeat. */
		validate_workbook(&wb, &r->scratch);
		json_merge_problems(r, &r->scratch);
	}
	if (problems->count == 0 && problems->dropped == 0) {
		*out = wb;
		workbook_init(&wb);
		rc = 0;
	}
done:
	json_decref(root);
	workbook_free(&wb);
	free(r);
	return rc;
}

int json_read_workbook_file(const char *path, struct workbook *out, struct problems *problems)
{
	char why[256];
	char *buf = NULL;
	size_t len = 0;
	problems_clear(problems);
	workbook_free(out);
	int fd = input_open_regular(path, why, sizeof why);
	if (fd < 0 || input_read_fd(fd, INPUT_DOCUMENT_MAX, &buf, &len, why, sizeof why) != 0) {
		problems_add(problems, "", _("kan ikke lese %s: %s"), path, why);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	int rc = json_read_workbook(buf, len, out, problems);
	free(buf);
	return rc;
}
