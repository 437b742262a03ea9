/*
 * Tests for engine/schema.c: the one description of each field is what
 * the model (MODEL.md, doc/model.md), validation's messages, the forms
 * (session/field) and the JSON writer use.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/numbers.h"
#include "engine/schema.h"
#include "engine/validate.h"
#include "engine/workbook.h"
#include "interchange/json.h"
#include "session/field.h"

/*
 * The field names of each entity in MODEL.md ("Entities" and the JSON
 * example), the contract the schema's keys must come from.  Copied here
 * because MODEL.md lives outside the source tree (it is not in the dist).
 */
static const char *const model_keys[SCHEMA_ROW_COUNT][24] = {
	[SCHEMA_WORKBOOK] = {"name", "municipality", "base_year", "horizon", "discount.mode",
			     "discount.rate", "g_amount", "price_year", "real_growth",
			     "plan.start_year", "plan.years", "uncertainty.draws",
			     "uncertainty.seed", "uncertainty.spread", "society.tax_cost"},
	[SCHEMA_SECTOR] = {"id", "name", "bearer", "kostra"},
	[SCHEMA_GROUP] = {"id", "name", "description", "entry_age"},
	[SCHEMA_ITEM] = {"name", "kind", "bearer", "sector", "amount", "unit", "from_age",
			 "to_age", "source", "confidence"},
	[SCHEMA_MEASURE] = {"name", "group", "participants", "start_year", "start_age",
			    "duration", "cost_per_participant", "payer", "payer.kommune",
			    "payer.fylkeskommune", "payer.stat", "success_rate", "deadweight",
			    "lag", "effect_years", "decay", "enabled", "ranges"},
};

/* A key of the model, or one member of a model map edited on its own on
 * the form ("uncertainty.spread.A" of the map "uncertainty.spread"). */
static bool in_model(enum schema_row row, const char *key)
{
	for (size_t i = 0; i < 24 && model_keys[row][i] != NULL; i++) {
		size_t n = strlen(model_keys[row][i]);
		if (strcmp(model_keys[row][i], key) == 0 ||
		    (strcmp(model_keys[row][i], "uncertainty.spread") == 0 &&
		     strncmp(key, model_keys[row][i], n) == 0 && key[n] == '.' && key[n + 1] >= 'A' &&
		     key[n + 1] <= 'D' && key[n + 2] == '\0'))
			return true;
	}
	return false;
}

static bool numeric(const struct field_desc *f)
{
	switch (f->type) {
	case FT_INT:
	case FT_LONG:
	case FT_NUMBER:
	case FT_PERCENT:
	case FT_EFFECT:
	case FT_SEED:
		return true;
	default:
		return false;
	}
}

static double get_value(const struct field_desc *f, const void *obj)
{
	const char *p = (const char *)obj + f->offset;
	double d;
	int i;
	long l;
	uint64_t u;
	switch (f->type) {
	case FT_INT:
	case FT_EFFECT:
		memcpy(&i, p, sizeof i);
		return i;
	case FT_LONG:
		memcpy(&l, p, sizeof l);
		return (double)l;
	case FT_SEED:
		memcpy(&u, p, sizeof u);
		return (double)u;
	default:
		memcpy(&d, p, sizeof d);
		return d;
	}
}

static void set_value(const struct field_desc *f, void *obj, double v)
{
	char *p = (char *)obj + f->offset;
	int i = (int)v;
	long l = (long)v;
	uint64_t u = (uint64_t)v;
	switch (f->type) {
	case FT_INT:
	case FT_EFFECT:
		memcpy(p, &i, sizeof i);
		break;
	case FT_LONG:
		memcpy(p, &l, sizeof l);
		break;
	case FT_SEED:
		memcpy(p, &u, sizeof u);
		break;
	default:
		memcpy(p, &v, sizeof v);
		break;
	}
}

/* A number as validation's messages write it: Norwegian, no trailing 0s. */
static void message_number(char *buf, size_t size, double v)
{
	int n = number_format(buf, size, v, 6, THOUSANDS_SPACE);
	if (strchr(buf, ',') == NULL)
		return;
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n > 0 && buf[n - 1] == ',')
		buf[--n] = '\0';
}

/* One of each row, valid, with every optional member present in JSON. */
static void sample(struct workbook *wb)
{
	workbook_init(wb);
	workbook_params_defaults(&wb->params);
	text_set(wb->params.name, sizeof wb->params.name, "Skjema");
	text_set(wb->params.municipality, sizeof wb->params.municipality, "Gausdal");
	wb->params.base_year = 2027;
	wb->params.price_year = 2026;
	wb->params.plan.start_year = 2028;
	wb->params.horizon = 30;
	wb->params.discount.mode = DISCOUNT_FLAT;
	wb->params.discount.rate = 0.035;
	wb->params.real_growth = 0.01;
	wb->params.uncertainty.draws = 2000;
	wb->params.uncertainty.seed = 7;
	wb->params.tax_cost = 0.25;

	struct sector s = {0};
	text_set(s.id, sizeof s.id, "barnevern");
	text_set(s.name, sizeof s.name, "Barnevern");
	s.bearer = BEARER_KOMMUNE;
	text_set(s.kostra, sizeof s.kostra, "244, 251");
	cr_assert_geq(workbook_add_sector(wb, &s), 0);

	struct target_group g = {0};
	text_set(g.id, sizeof g.id, "frafall");
	text_set(g.name, sizeof g.name, "Frafall");
	text_set(g.description, sizeof g.description, "Unge");
	g.entry_age = 17;
	struct cost_item it = {0};
	text_set(it.name, sizeof it.name, "Barnevern");
	it.kind = ITEM_SERVICE;
	it.bearer = BEARER_KOMMUNE;
	text_set(it.sector, sizeof it.sector, "barnevern");
	it.amount = 12345.5;
	it.unit = UNIT_NOK;
	it.from_age = 17;
	it.to_age = 22;
	text_set(it.source, sizeof it.source, "SSB");
	it.confidence = CONFIDENCE_B;
	target_group_add_item(&g, &it);
	cr_assert_geq(workbook_add_group(wb, &g), 0);
	target_group_free_items(&g);

	struct measure m;
	measure_defaults(&m);
	text_set(m.name, sizeof m.name, "Los");
	text_set(m.group_id, sizeof m.group_id, "frafall");
	m.participants = 80;
	m.start_year = 2027;
	m.start_age = 17;
	m.duration = 2;
	m.cost_per_participant = 7500;
	measure_payer_set_bearers(&m, (const double[BEARER_COUNT]){0.25, 0.25, 0.5});
	m.success_rate = 0.2;
	m.deadweight = 0.1;
	m.lag = 1;
	m.effect_years = 10;
	m.decay = 0.05;
	m.ranges[RANGE_SUCCESS_RATE] = (struct value_range){true, 0.1, 0.3};
	cr_assert_geq(workbook_add_measure(wb, &m), 0);
}

/* The first struct of a row kind in the sample, and its path prefix. */
static void *row_of(struct workbook *wb, enum schema_row row, const char **prefix)
{
	switch (row) {
	case SCHEMA_WORKBOOK: *prefix = "workbook"; return &wb->params;
	case SCHEMA_SECTOR: *prefix = "sectors[0]"; return &wb->sectors[0];
	case SCHEMA_GROUP: *prefix = "groups[0]"; return &wb->groups[0];
	case SCHEMA_ITEM: *prefix = "groups[0].items[0]"; return &wb->groups[0].items[0];
	case SCHEMA_MEASURE: *prefix = "measures[0]"; return &wb->measures[0];
	default: break;
	}
	cr_assert_fail("row %d", (int)row);
	return NULL;
}

TestSuite(schema);

Test(schema, keys_are_the_model_fields_once_each)
{
	for (int row = 0; row < SCHEMA_ROW_COUNT; row++) {
		size_t n = schema_count((enum schema_row)row);
		cr_assert_gt(n, 0);
		cr_assert_leq(schema_form_count((enum schema_row)row), n);
		for (size_t i = 0; i < n; i++) {
			const struct field_desc *f = schema_field((enum schema_row)row, i);
			cr_assert(in_model((enum schema_row)row, f->key), "%s.%s is not in MODEL.md",
				  schema_row_key((enum schema_row)row), f->key);
			cr_assert(f->label != NULL && f->label[0] != '\0');
			cr_assert_eq(schema_find((enum schema_row)row, f->key), f,
				     "%s listed twice", f->key);
		}
		cr_assert_null(schema_field((enum schema_row)row, n));
	}
}

Test(schema, every_range_names_a_field_that_carries_it)
{
	for (int id = 0; id < FIELD_COUNT; id++) {
		const struct field_range *r = field_range((enum field_id)id);
		const struct field_desc *f = field_of_range((enum field_id)id);
		cr_assert_not_null(f, "range %d names no schema field", id);
		cr_assert_eq(f->vid, id, "%s does not carry range %d", f->key, id);
		/* The store's column and the JSON member are the path's last part. */
		const char *dot = strrchr(r->path, '.');
		cr_assert_str_eq(r->key, dot ? dot + 1 : r->path);
		cr_assert_leq(r->min, r->max);
	}
	cr_assert_null(field_range(FIELD_COUNT));
	cr_assert_str_eq(field_label(FIELD_COUNT), "?");
}

/* Each field's range check, run through the entity validators: the
 * problem is at the field's JSON path and says its label and range. */
Test(schema, validate_message_has_the_label_and_the_range)
{
	for (int row = 0; row < SCHEMA_ROW_COUNT; row++) {
		size_t n = schema_count((enum schema_row)row);
		for (size_t i = 0; i < n; i++) {
			const struct field_desc *f = schema_field((enum schema_row)row, i);
			if (f->vid < 0 || !numeric(f))
				continue;
			const struct field_range *r = field_range((enum field_id)f->vid);
			struct workbook wb;
			sample(&wb);
			const char *prefix;
			void *obj = row_of(&wb, (enum schema_row)row, &prefix);
			/* Above the range; the payer shares, which must also sum to
			 * one, are tested below it. */
			double bad = f->vid == FIELD_PAYER_SHARE ? r->min - 0.5
								 : r->max + fmax(1, fabs(r->max));
			set_value(f, obj, bad);
			struct problems p;
			problems_clear(&p);
			validate_workbook(&wb, &p);
			char path[PROBLEM_PATH_SIZE], lo[48], hi[48];
			snprintf(path, sizeof path, "%s.%s", prefix, f->key);
			message_number(lo, sizeof lo, r->min);
			message_number(hi, sizeof hi, r->max);
			bool found = false;
			for (size_t k = 0; k < p.count && !found; k++) {
				if (strcmp(p.list[k].path, path) != 0)
					continue;
				found = true;
				const char *msg = p.list[k].message;
				cr_assert(strstr(msg, field_label((enum field_id)f->vid)) == msg,
					  "%s: «%s» does not start with its label", path, msg);
				cr_assert(strstr(msg, lo) && strstr(msg, hi),
					  "%s: «%s» lacks the range %s … %s", path, msg, lo, hi);
			}
			cr_assert(found, "no problem at %s", path);
			workbook_free(&wb);
		}
	}
}

/* A field's own label is the one validation uses for its range, except
 * the form's three bearer payers: one map (Betalerandel) on three rows. */
Test(schema, a_range_is_named_by_the_label_of_its_field)
{
	for (int row = 0; row < SCHEMA_ROW_COUNT; row++)
		for (size_t i = 0; i < schema_count((enum schema_row)row); i++) {
			const struct field_desc *f = schema_field((enum schema_row)row, i);
			if (f->vid < 0 || strncmp(f->key, "payer.", 6) == 0 ||
			    strncmp(f->key, "uncertainty.spread.", 19) == 0)
				continue;
			cr_assert_eq(field_of_range((enum field_id)f->vid), f, "%s", f->key);
		}
}

/* The form tables are the schema's form part, and a form's refusal names
 * the field by the schema's label. */
Test(schema, form_fields_are_the_schema_and_speak_its_label)
{
	struct {
		const struct field_desc *form;
		size_t count;
		enum schema_row row;
	} forms[] = {
		{params_fields, params_field_count, SCHEMA_WORKBOOK},
		{group_fields, group_field_count, SCHEMA_GROUP},
		{item_fields, item_field_count, SCHEMA_ITEM},
		{measure_fields, measure_field_count, SCHEMA_MEASURE},
	};
	for (size_t t = 0; t < sizeof forms / sizeof forms[0]; t++) {
		cr_assert_eq(forms[t].count, schema_form_count(forms[t].row));
		for (size_t i = 0; i < forms[t].count; i++) {
			const struct field_desc *f = &forms[t].form[i];
			cr_assert_eq(f, schema_field(forms[t].row, i));
			if (f->vid < 0 || !numeric(f))
				continue;
			struct workbook wb;
			sample(&wb);
			const char *prefix;
			void *obj = row_of(&wb, forms[t].row, &prefix);
			char reading[64], error[400];
			cr_assert_not(field_parse(f, "123 456 789 012 345 678", obj, &wb, reading,
						  sizeof reading, error, sizeof error),
				      "%s accepted", f->key);
			cr_assert(strstr(error, f->label) == error, "%s: «%s»", f->key, error);
			workbook_free(&wb);
		}
	}
}

/* Follow "a.b" in a JSON object. */
static json_t *member_at(json_t *obj, const char *path)
{
	char buf[128];
	snprintf(buf, sizeof buf, "%s", path);
	json_t *v = obj;
	for (char *part = strtok(buf, "."); part != NULL && v != NULL; part = strtok(NULL, "."))
		v = json_is_object(v) ? json_object_get(v, part) : NULL;
	return v;
}

/* Every member the writer puts in a row object is a schema key (objects
 * that are not fields are walked into; sub-row lists are skipped). */
static void assert_members_known(enum schema_row row, json_t *obj, const char *prefix)
{
	const char *name;
	json_t *v;
	json_object_foreach(obj, name, v) {
		char key[128];
		snprintf(key, sizeof key, "%s%s%s", prefix, prefix[0] ? "." : "", name);
		if (json_is_array(v) && schema_find(row, key) == NULL)
			continue; /* "items": rows of their own */
		if (json_is_object(v) && schema_find(row, key) == NULL) {
			assert_members_known(row, v, key);
			continue;
		}
		cr_assert_not_null(schema_find(row, key), "the writer's %s.%s is not in the schema",
				   schema_row_key(row), key);
	}
}

Test(schema, json_writer_keys_are_the_schema_keys)
{
	struct workbook wb;
	sample(&wb);
	struct problems p;
	problems_clear(&p);
	cr_assert(validate_workbook(&wb, &p), "sample: %s", p.count ? p.list[0].message : "");
	char *text = json_write_workbook(&wb);
	cr_assert_not_null(text);
	json_error_t err;
	json_t *doc = json_loads(text, 0, &err);
	cr_assert_not_null(doc, "%s", err.text);
	json_t *objects[SCHEMA_ROW_COUNT] = {
		[SCHEMA_WORKBOOK] = json_object_get(doc, "workbook"),
		[SCHEMA_SECTOR] = json_array_get(json_object_get(doc, "sectors"), 0),
		[SCHEMA_GROUP] = json_array_get(json_object_get(doc, "groups"), 0),
		[SCHEMA_MEASURE] = json_array_get(json_object_get(doc, "measures"), 0),
	};
	objects[SCHEMA_ITEM] = json_array_get(json_object_get(objects[SCHEMA_GROUP], "items"), 0);
	for (int row = 0; row < SCHEMA_ROW_COUNT; row++) {
		json_t *o = objects[row];
		cr_assert(json_is_object(o), "no %s in the document",
			  schema_row_key((enum schema_row)row));
		const char *prefix;
		void *obj = row_of(&wb, (enum schema_row)row, &prefix);
		for (size_t i = 0; i < schema_count((enum schema_row)row); i++) {
			const struct field_desc *f = schema_field((enum schema_row)row, i);
			json_t *v = member_at(o, f->key);
			cr_assert_not_null(v, "the writer has no %s.%s", prefix, f->key);
			if (numeric(f))
				cr_assert_eq(json_number_value(v), get_value(f, obj), "%s.%s: %g ≠ %g",
					     prefix, f->key, json_number_value(v),
					     get_value(f, obj));
			else if (f->type == FT_TEXT)
				cr_assert_str_eq(json_string_value(v), (const char *)obj + f->offset,
						 "%s.%s", prefix, f->key);
		}
		assert_members_known((enum schema_row)row, o, "");
	}
	json_decref(doc);
	free(text);
	workbook_free(&wb);
}

/* doc/model.md's table of ranges shows each range with its field's label. */
Test(schema, doc_model_table_uses_the_labels)
{
	char path[512];
	snprintf(path, sizeof path, "%s/doc/model.md", TOP_SRCDIR);
	FILE *in = fopen(path, "r");
	cr_assert_not_null(in, "%s", path);
	static char doc[200000];
	size_t n = fread(doc, 1, sizeof doc - 1, in);
	fclose(in);
	doc[n] = '\0';
	for (int id = 0; id < FIELD_COUNT; id++) {
		const struct field_desc *f = field_of_range((enum field_id)id);
		cr_assert_not_null(f, "range %d names no schema field", id);
		char cell[160];
		snprintf(cell, sizeof cell, " | %s | ", f->label);
		const char *at = strstr(doc, cell);
		cr_assert_not_null(at, "doc/model.md has no row labelled %s", f->label);
		/* The row's first cell names the field's key. */
		const char *line = at;
		while (line > doc && line[-1] != '\n')
			line--;
		char first[160];
		snprintf(first, sizeof first, "%.*s", (int)(at - line), line);
		const char *key = field_range((enum field_id)id)->key;
		cr_assert_not_null(strstr(first, key), "doc/model.md row «%s» is not about %s",
				   f->label, key);
	}
}
