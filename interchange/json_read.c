/*
 * json_read.c: the strict reader of the interchange document
 * ("utenfor-workbook", version 1; see doc/interchange.md).
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

#include <jansson.h>

#include "i18n/i18n.h"
#include "interchange/json_fields.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define FORMAT_NAME "utenfor-workbook"
#define FORMAT_VERSION 1

static const char *const top_fields[] = {"format", "version", "workbook", "groups", "measures"};
static const char *const workbook_fields[] = {"name",     "municipality", "base_year",
					      "horizon",  "discount",     "g_amount"};
static const char *const discount_fields[] = {"mode", "rate"};
static const char *const group_fields[] = {"id", "name", "description", "entry_age", "items"};
static const char *const item_fields[] = {"name",    "bearer", "amount", "unit",
					  "from_age", "to_age", "source", "confidence"};
static const char *const measure_fields[] = {
	"name",	    "group",	      "participants", "start_year", "start_age",
	"duration", "cost_per_participant", "payer",	 "success_rate", "deadweight",
	"lag",	    "effect_years",	    "decay",	 "enabled"};
static const char *const bearer_keys[] = {"kommune", "fylkeskommune", "stat"};
static const char *const unit_keys[] = {"nok", "g"};
static const char *const mode_keys[] = {"r109", "flat", "none"};
static const char *const confidence_keys[] = {"A", "B", "C", "D"};

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

static void read_params(struct json_reader *r, const json_t *root, struct workbook_params *p)
{
	json_t *obj = json_get_object(r, root, "", "workbook", true);
	if (obj == NULL)
		return;
	entity_begin(r);
	json_check_members(r, obj, "workbook", workbook_fields, COUNT(workbook_fields));
	json_get_text(r, obj, "workbook", "name", true, p->name, sizeof p->name);
	json_get_text(r, obj, "workbook", "municipality", false, p->municipality,
		      sizeof p->municipality);
	json_get_int(r, obj, "workbook", "base_year", true, FIELD_BASE_YEAR, &p->base_year);
	json_get_int(r, obj, "workbook", "horizon", false, FIELD_HORIZON, &p->horizon);
	read_discount(r, obj, &p->discount);
	json_get_double(r, obj, "workbook", "g_amount", false, FIELD_G_AMOUNT, &p->g_amount);
	validate_params(p, "workbook", &r->scratch);
	json_merge_problems(r, &r->scratch);
}

static void read_item(struct json_reader *r, const json_t *obj, const char *path,
		      struct cost_item *it)
{
	int bearer = 0, unit = UNIT_NOK, confidence = CONFIDENCE_D;
	memset(it, 0, sizeof *it);
	entity_begin(r);
	if (!json_is_object(obj)) {
		problems_add(r->out, path, _("må være et objekt ({ … })"));
		return;
	}
	json_check_members(r, obj, path, item_fields, COUNT(item_fields));
	json_get_text(r, obj, path, "name", true, it->name, sizeof it->name);
	json_get_key(r, obj, path, "bearer", true, bearer_keys, COUNT(bearer_keys), &bearer);
	json_get_double(r, obj, path, "amount", true, FIELD_ITEM_AMOUNT, &it->amount);
	json_get_key(r, obj, path, "unit", false, unit_keys, COUNT(unit_keys), &unit);
	json_get_int(r, obj, path, "from_age", true, FIELD_ITEM_FROM_AGE, &it->from_age);
	json_get_int(r, obj, path, "to_age", true, FIELD_ITEM_TO_AGE, &it->to_age);
	json_get_text(r, obj, path, "source", false, it->source, sizeof it->source);
	/* An item with no stated grade is an assumption: D. */
	json_get_key(r, obj, path, "confidence", false, confidence_keys, COUNT(confidence_keys),
		     &confidence);
	it->bearer = (enum bearer)bearer;
	it->unit = (enum amount_unit)unit;
	it->confidence = (enum confidence)confidence;
	validate_item(it, NULL, path, &r->scratch);
	json_merge_problems(r, &r->scratch);
}

/* Returns -1 only when out of memory. */
static int read_group(struct json_reader *r, const json_t *obj, const char *path,
		      struct target_group *g)
{
	memset(g, 0, sizeof *g);
	entity_begin(r);
	if (!json_is_object(obj)) {
		problems_add(r->out, path, _("må være et objekt ({ … })"));
		return 0;
	}
	json_check_members(r, obj, path, group_fields, COUNT(group_fields));
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
	size_t i;
	json_t *value;
	json_array_foreach(items, i, value) {
		char item_path[PROBLEM_PATH_SIZE];
		struct cost_item it;
		json_path_index(item_path, sizeof item_path, items_path, i);
		read_item(r, value, item_path, &it);
		if (target_group_add_item(g, &it) < 0)
			return -1;
	}
	return 0;
}

static int read_groups(struct json_reader *r, const json_t *root, struct workbook *wb)
{
	json_t *groups = json_get_array(r, root, "", "groups", false);
	size_t i;
	json_t *value;
	json_array_foreach(groups, i, value) {
		char path[PROBLEM_PATH_SIZE];
		struct target_group g;
		json_path_index(path, sizeof path, "groups", i);
		int rc = read_group(r, value, path, &g);
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

static void read_payer(struct json_reader *r, const json_t *obj, const char *path,
		       struct measure *m)
{
	char payer_path[PROBLEM_PATH_SIZE];
	json_t *payer = json_get_object(r, obj, path, "payer", true);
	if (payer == NULL)
		return;
	json_path_join(payer_path, sizeof payer_path, path, "payer");
	json_check_members(r, payer, payer_path, bearer_keys, COUNT(bearer_keys));
	/* An absent bearer pays nothing. */
	double shares[BEARER_COUNT] = {0};
	for (int b = 0; b < BEARER_COUNT; b++)
		json_get_double(r, payer, payer_path, bearer_keys[b], false, FIELD_PAYER_SHARE,
				&shares[b]);
	measure_payer_set_bearers(m, shares);
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
	json_check_members(r, obj, path, measure_fields, COUNT(measure_fields));
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
	read_payer(r, obj, path, m);
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
	/* The group was looked up above; NULL skips validate's own lookup so
	 * an unknown group is reported once. */
	validate_measure(m, NULL, path, &r->scratch);
	json_merge_problems(r, &r->scratch);
}

static int read_measures(struct json_reader *r, const json_t *root, struct workbook *wb)
{
	json_t *measures = json_get_array(r, root, "", "measures", false);
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
	    version != FORMAT_VERSION)
		problems_add(r->out, "version",
			     _("versjon %d støttes ikke; denne utgaven leser versjon %d"), version,
			     FORMAT_VERSION);
}

int json_read_workbook(const char *text, size_t length, struct workbook *out,
		       struct problems *problems)
{
	struct json_reader *r = malloc(sizeof *r);
	struct workbook wb;
	json_error_t err;
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

	json_t *root = json_loadb(text, length, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL) {
		problems_add(problems, "", _("linje %d, kolonne %d: %s"), err.line, err.column,
			     err.text);
		goto done;
	}
	if (!json_is_object(root)) {
		problems_add(problems, "", _("dokumentet må være et JSON-objekt ({ … })"));
		goto done;
	}
	json_check_members(r, root, "", top_fields, COUNT(top_fields));
	read_header(r, root);
	read_params(r, root, &wb.params);
	if (read_groups(r, root, &wb) < 0 || read_measures(r, root, &wb) < 0) {
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

/* Why a file could not be read, in the user's words. */
static const char *open_error(int err)
{
	switch (err) {
	case ENOENT:
		return _("filen finnes ikke");
	case EACCES:
		return _("mangler lesetilgang til filen");
	case EISDIR:
		return _("er en mappe, ikke en fil");
	default:
		return strerror(err);
	}
}

int json_read_workbook_file(const char *path, struct workbook *out, struct problems *problems)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0;
	int rc = -1;

	problems_clear(problems);
	if (f == NULL) {
		problems_add(problems, "", _("kan ikke lese %s: %s"), path, open_error(errno));
		workbook_free(out);
		return -1;
	}
	for (;;) {
		if (cap - len < 4096) {
			size_t ncap = cap ? cap * 2 : 65536;
			char *grown = realloc(buf, ncap);
			if (grown == NULL) {
				problems_add(problems, "", _("tomt for minne ved lesing av %s"), path);
				goto out;
			}
			buf = grown;
			cap = ncap;
		}
		size_t n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		problems_add(problems, "", _("kan ikke lese %s: %s"), path, open_error(errno));
		goto out;
	}
	rc = json_read_workbook(buf, len, out, problems);
out:
	if (rc != 0)
		workbook_free(out);
	free(buf);
	fclose(f);
	return rc;
}
