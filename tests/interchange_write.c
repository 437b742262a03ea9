/*
 * Tests for interchange/json_write.c and interchange/csv.c: a workbook
 * written and read back is identical (every field, doubles bit for bit);
 * the documents have exactly the field names and order of
 * doc/interchange.md; the CSV has the documented header and one row a year.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interchange/csv.h"
#include "interchange/json.h"
#include "tests/testutil_workbook.h"

static struct problems problems;

static void dump_problems(void)
{
	for (size_t i = 0; i < problems.count; i++)
		fprintf(stderr, "  %s: %s\n", problems.list[i].path, problems.list[i].message);
}

static void read_text(const char *text, struct workbook *wb)
{
	int rc = json_read_workbook(text, strlen(text), wb, &problems);
	if (rc != 0) {
		dump_problems();
		fprintf(stderr, "%s\n", text);
	}
	cr_assert_eq(rc, 0);
}

static void read_fixture(struct workbook *wb)
{
	const char *srcdir = getenv("top_srcdir");
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/fixtures/example.json", srcdir ? srcdir : ".");
	int rc = json_read_workbook_file(path, wb, &problems);
	if (rc != 0)
		dump_problems();
	cr_assert_eq(rc, 0);
}

/* Doubles must come back bit for bit, not just close. */
#define assert_same_double(a, b) cr_assert((a) == (b), "%s: %.17g != %.17g", #a, (a), (b))

static void assert_same_workbook(const struct workbook *a, const struct workbook *b)
{
	cr_assert_str_eq(a->params.name, b->params.name);
	cr_assert_str_eq(a->params.municipality, b->params.municipality);
	cr_assert_eq(a->params.base_year, b->params.base_year);
	cr_assert_eq(a->params.horizon, b->params.horizon);
	cr_assert_eq(a->params.discount.mode, b->params.discount.mode);
	if (a->params.discount.mode == DISCOUNT_FLAT)
		assert_same_double(a->params.discount.rate, b->params.discount.rate);
	assert_same_double(a->params.g_amount, b->params.g_amount);
	assert_same_rows(a, b);
}

/* A workbook with values that are hard to write exactly. */
static void tricky_workbook(struct workbook *wb)
{
	workbook_init(wb);
	text_set(wb->params.name, sizeof wb->params.name, "Sær \"test\" \\ æøå – 🙂");
	text_set(wb->params.municipality, sizeof wb->params.municipality, "Søndre Land");
	wb->params.base_year = 2031;
	wb->params.horizon = 77;
	wb->params.discount.mode = DISCOUNT_FLAT;
	wb->params.discount.rate = 1.0 / 3.0;
	wb->params.g_amount = 124028.5;

	struct target_group g;
	memset(&g, 0, sizeof g);
	text_set(g.id, sizeof g.id, "gruppe-1");
	text_set(g.name, sizeof g.name, "Gruppe én");
	text_set(g.description, sizeof g.description, "To\nlinjer");
	g.entry_age = 7;
	struct cost_item items[] = {
		{.name = "Skatt", .bearer = BEARER_STAT, .amount = -12345.678901234567,
		 .unit = UNIT_NOK, .from_age = 18, .to_age = 120, .confidence = CONFIDENCE_A},
		{.name = "Stønad", .bearer = BEARER_KOMMUNE, .amount = 0.1, .unit = UNIT_G,
		 .from_age = 0, .to_age = 0, .source = "NAV, «tabell 3»", .confidence = CONFIDENCE_D},
		{.name = "Stor", .bearer = BEARER_FYLKESKOMMUNE, .amount = 1e12, .unit = UNIT_NOK,
		 .from_age = 5, .to_age = 9, .confidence = CONFIDENCE_B},
	};
	for (size_t i = 0; i < 3; i++)
		cr_assert_eq(target_group_add_item(&g, &items[i]), (long)i);
	cr_assert_eq(workbook_add_group(wb, &g), 0);
	target_group_free_items(&g);

	struct measure m;
	measure_defaults(&m);
	text_set(m.name, sizeof m.name, "Tiltak A");
	text_set(m.group_id, sizeof m.group_id, "gruppe-1");
	m.participants = 9999999;
	m.start_year = 2035;
	m.start_age = 9;
	m.duration = 3;
	m.cost_per_participant = 7500.25;
	m.payer[BEARER_KOMMUNE].share = 0.1;
	m.payer[BEARER_FYLKESKOMMUNE].share = 0.2;
	m.payer[BEARER_STAT].share = 0.7;
	m.success_rate = 1e-7;
	m.deadweight = 0.3333333333333333;
	m.lag = 4;
	m.effect_years = 0;
	m.decay = 0.05;
	cr_assert_eq(workbook_add_measure(wb, &m), 0);
	text_set(m.name, sizeof m.name, "Tiltak B");
	m.effect_years = 12;
	m.enabled = false;
	m.payer[BEARER_KOMMUNE].share = 1.0;
	m.payer[BEARER_FYLKESKOMMUNE].share = 0.0;
	m.payer[BEARER_STAT].share = 0.0;
	cr_assert_eq(workbook_add_measure(wb, &m), 1);
}

Test(write, tricky_workbook_round_trips_exactly)
{
	struct workbook a, b;
	tricky_workbook(&a);
	problems_clear(&problems);
	cr_assert(validate_workbook(&a, &problems), "the test's own workbook must be valid");
	char *text = json_write_workbook(&a);
	cr_assert_not_null(text);
	workbook_init(&b);
	read_text(text, &b);
	assert_same_workbook(&a, &b);

	/* Writing what was read gives the same text again. */
	char *again = json_write_workbook(&b);
	cr_assert_str_eq(again, text);
	free(again);
	free(text);
	workbook_free(&a);
	workbook_free(&b);
}

Test(write, example_fixture_round_trips)
{
	struct workbook a, b;
	workbook_init(&a);
	workbook_init(&b);
	read_fixture(&a);
	char *text = json_write_workbook(&a);
	cr_assert_not_null(text);
	read_text(text, &b);
	assert_same_workbook(&a, &b);
	free(text);
	workbook_free(&a);
	workbook_free(&b);
}

/* Assert that `obj`'s keys are exactly keys[0..], in this order. */
static void assert_keys(const json_t *obj, const char *const *keys, size_t count,
			const char *what)
{
	cr_assert(json_is_object(obj), "%s is not an object", what);
	cr_assert_eq(json_object_size(obj), count, "%s has %zu fields, expected %zu", what,
		     json_object_size(obj), count);
	size_t i = 0;
	const char *key;
	json_t *value;
	json_object_foreach((json_t *)obj, key, value) {
		cr_assert_str_eq(key, keys[i], "%s: field %zu is %s, expected %s", what, i, key,
				 keys[i]);
		i++;
	}
}

#define KEYS(obj, what, ...)                                                                 \
	do {                                                                                 \
		static const char *const k_[] = {__VA_ARGS__};                              \
		assert_keys(obj, k_, sizeof k_ / sizeof k_[0], what);                       \
	} while (0)

static json_t *parse_json(const char *text)
{
	json_error_t err;
	json_t *root = json_loads(text, JSON_REJECT_DUPLICATES, &err);
	cr_assert_not_null(root, "invalid JSON: %s (line %d)", err.text, err.line);
	return root;
}

Test(write, workbook_document_fields_and_order)
{
	struct workbook wb;
	tricky_workbook(&wb);
	wb.params.discount.mode = DISCOUNT_R109;
	char *text = json_write_workbook(&wb);
	json_t *root = parse_json(text);
	KEYS(root, "document", "format", "version", "workbook", "sectors", "groups", "measures");
	cr_assert_str_eq(json_string_value(json_object_get(root, "format")), "utenfor-workbook");
	cr_assert_eq(json_integer_value(json_object_get(root, "version")), 2);
	json_t *w = json_object_get(root, "workbook");
	KEYS(w, "workbook", "name", "municipality", "base_year", "horizon", "price_year", "discount",
	     "g_amount", "real_growth", "plan", "uncertainty", "society");
	KEYS(json_object_get(w, "plan"), "plan", "start_year", "years");
	KEYS(json_object_get(w, "uncertainty"), "uncertainty", "draws", "seed", "spread");
	KEYS(json_object_get(json_object_get(w, "uncertainty"), "spread"), "spread", "A", "B", "C",
	     "D");
	KEYS(json_object_get(w, "society"), "society", "tax_cost");
	KEYS(json_object_get(w, "discount"), "discount (r109 has no rate)", "mode");
	json_t *g = json_array_get(json_object_get(root, "groups"), 0);
	KEYS(g, "group", "id", "name", "description", "entry_age", "items");
	KEYS(json_array_get(json_object_get(g, "items"), 1), "item", "name", "kind", "bearer",
	     "sector", "amount", "unit", "from_age", "to_age", "source", "confidence");
	json_t *m0 = json_array_get(json_object_get(root, "measures"), 0);
	KEYS(m0, "measure", "name", "group", "participants", "start_year", "start_age", "duration",
	     "cost_per_participant", "payer", "success_rate", "deadweight", "lag", "effect_years",
	     "decay", "enabled");
	KEYS(json_object_get(m0, "payer"), "payer", "kommune", "fylkeskommune", "stat");
	cr_assert(json_is_null(json_object_get(m0, "effect_years")), "effect_years 0 is null");
	json_t *m1 = json_array_get(json_object_get(root, "measures"), 1);
	cr_assert_eq(json_integer_value(json_object_get(m1, "effect_years")), 12);
	cr_assert(json_is_false(json_object_get(m1, "enabled")));
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(json_object_get(g, "items"), 1), "unit")), "g");

	/* Flat discount writes its rate. */
	wb.params.discount.mode = DISCOUNT_FLAT;
	char *flat = json_write_workbook(&wb);
	json_t *froot = parse_json(flat);
	KEYS(json_object_get(json_object_get(froot, "workbook"), "discount"), "flat discount",
	     "mode", "rate");
	json_decref(froot);
	free(flat);
	json_decref(root);
	free(text);
	workbook_free(&wb);
}

static void assert_result_keys(const json_t *r, bool is_measure, int horizon, const char *what)
{
	if (is_measure)
		KEYS(r, what, "name", "pv_cost", "pv_saving", "npv", "bcr", "npv_per_participant",
		     "by_bearer", "by_sector", "flows", "sector_flows", "break_even_year",
		     "break_even_year_undiscounted", "break_even_success_rate", "plan", "society",
		     "years");
	else
		KEYS(r, what, "pv_cost", "pv_saving", "npv", "bcr", "by_bearer", "by_sector",
		     "break_even_year", "break_even_year_undiscounted", "flows", "sector_flows",
		     "plan", "society", "years");
	KEYS(json_object_get(r, "society"), "society", "pv_services", "pv_production", "pv_welfare",
	     "npv_society");
	json_t *plan = json_object_get(r, "plan");
	size_t pi;
	json_t *prow;
	json_array_foreach(plan, pi, prow)
		KEYS(prow, "plan row", "year", "cost", "saving", "net", "net_total");
	json_t *bb = json_object_get(r, "by_bearer");
	KEYS(bb, "by_bearer", "kommune", "fylkeskommune", "stat");
	const char *key;
	json_t *value;
	json_object_foreach(bb, key, value)
		KEYS(value, "by_bearer entry", "pv_cost", "pv_saving", "npv");
	json_t *flows = json_object_get(r, "flows");
	if (!json_is_null(flows)) {
		KEYS(flows, "flows", "kommune", "fylkeskommune", "stat");
		json_object_foreach(flows, key, value)
			KEYS(value, "flows row", "kommune", "fylkeskommune", "stat");
	}
	json_t *years = json_object_get(r, "years");
	cr_assert_eq(json_array_size(years), (size_t)horizon);
	size_t i;
	json_array_foreach(years, i, value) {
		KEYS(value, "year row", "year", "df", "cost", "saving", "net", "cum_net",
		     "cum_net_discounted");
		KEYS(json_object_get(value, "cost"), "cost", "kommune", "fylkeskommune", "stat");
		KEYS(json_object_get(value, "saving"), "saving", "kommune", "fylkeskommune", "stat");
		cr_assert_eq(json_integer_value(json_object_get(value, "year")), 2027 + (int)i);
	}
}

static double num(const json_t *obj, const char *key)
{
	const json_t *v = json_object_get(obj, key);
	cr_assert(json_is_number(v), "%s is not a number", key);
	return json_number_value(v);
}

Test(write, results_document_has_exactly_the_documented_fields)
{
	struct workbook wb;
	struct projection p;
	workbook_init(&wb);
	read_fixture(&wb);
	projection_init(&p);
	cr_assert_eq(projection_compute(&p, &wb), 0);
	char *text = json_write_results(&wb, &p);
	cr_assert_not_null(text);
	json_t *root = parse_json(text);
	KEYS(root, "results", "portfolio", "measures");
	json_t *pf = json_object_get(root, "portfolio");
	assert_result_keys(pf, false, 40, "portfolio");
	json_t *measures = json_object_get(root, "measures");
	cr_assert_eq(json_array_size(measures), 3, "disabled measures are listed too");
	size_t i;
	json_t *m;
	json_array_foreach(measures, i, m)
		assert_result_keys(m, true, 40, "measure");
	cr_assert_str_eq(json_string_value(json_object_get(json_array_get(measures, 2), "name")),
			 "Sommerjobb");

	/* Empty values are null: Familieteam never breaks even. */
	json_t *m2 = json_array_get(measures, 1);
	cr_assert(json_is_null(json_object_get(m2, "break_even_year")));
	cr_assert(json_is_null(json_object_get(m2, "break_even_year_undiscounted")));
	cr_assert(json_is_number(json_object_get(m2, "break_even_success_rate")));

	/* The portfolio is the enabled measures only: 600 000 + Familieteam. */
	cr_assert_float_eq(num(pf, "pv_cost"),
			   600000.0 + num(m2, "pv_cost"), 1e-6);
	cr_assert_float_eq(num(pf, "pv_cost"),
			   num(json_array_get(measures, 0), "pv_cost") + num(m2, "pv_cost"), 1e-6);

	/* Numbers are not rounded: DF(1) = 1/1.04 to 17 digits. */
	cr_assert(strstr(text, "0.96153846153846") != NULL);
	json_decref(root);
	free(text);
	projection_free(&p);
	workbook_free(&wb);
}

Test(write, measure_without_cost_has_null_bcr_and_flows)
{
	struct workbook wb;
	struct projection p;
	workbook_init(&wb);
	read_fixture(&wb);
	wb.measures[0].cost_per_participant = 0.0;
	wb.measures[1].enabled = false;
	projection_init(&p);
	cr_assert_eq(projection_compute(&p, &wb), 0);
	char *text = json_write_results(&wb, &p);
	json_t *root = parse_json(text);
	json_t *m0 = json_array_get(json_object_get(root, "measures"), 0);
	json_t *pf = json_object_get(root, "portfolio");
	cr_assert(json_is_null(json_object_get(m0, "bcr")));
	cr_assert(json_is_null(json_object_get(m0, "flows")));
	cr_assert(json_is_null(json_object_get(pf, "bcr")));
	cr_assert(json_is_null(json_object_get(pf, "flows")));
	assert_result_keys(pf, false, 40, "portfolio without cost");
	json_decref(root);
	free(text);
	projection_free(&p);
	workbook_free(&wb);
}

Test(write, csv_header_and_rows)
{
	struct workbook wb;
	struct projection p;
	workbook_init(&wb);
	read_fixture(&wb);
	projection_init(&p);
	cr_assert_eq(projection_compute(&p, &wb), 0);

	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	cr_assert_not_null(f);
	cr_assert_eq(csv_write_portfolio(f, &wb, &p), 0);
	fclose(f);

	char *save = NULL;
	char *line = strtok_r(buf, "\n", &save);
	cr_assert_str_eq(line, "year,df,cost_kommune,cost_fylkeskommune,cost_stat,cost_total,"
			       "saving_kommune,saving_fylkeskommune,saving_stat,saving_total,"
			       "net,cum_net,cum_net_discounted,"
			       "sector_cost_kommune,sector_cost_fylkeskommune,sector_cost_stat,"
			       "sector_saving_kommune,sector_saving_fylkeskommune,sector_saving_stat,"
			       "kind_saving_service,kind_saving_transfer,kind_saving_tax,"
			       "kind_saving_production,kind_saving_welfare");
	line = strtok_r(NULL, "\n", &save);
	/* No declared sectors: the implicit sectors repeat the bearers; every
	 * item of a version-1 document is a service. */
	cr_assert_str_eq(line, "2027,1,0,600000,0,600000,0,0,0,0,-600000,-600000,-600000,"
			       "0,600000,0,0,0,0,0,0,0,0,0");
	int rows = 1;
	/* 2030 (t = 3): Familieteam's last cost year and first saving year:
	 * 4,8 successes × 0,5 G (65 080) = 312 384 for kommune. */
	while ((line = strtok_r(NULL, "\n", &save)) != NULL) {
		rows++;
		int year = 0;
		double v[12];
		int n = sscanf(line, "%d,%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf", &year, &v[0],
			       &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9], &v[10],
			       &v[11]);
		cr_assert_eq(n, 13, "row has 13 numeric fields: %s", line);
		cr_assert_eq(year, 2026 + rows);
		if (year == 2030) {
			cr_assert_float_eq(v[0], 1.0 / (1.04 * 1.04 * 1.04), 1e-15);
			cr_assert_float_eq(v[1], 600000.0, 1e-6);
			cr_assert_float_eq(v[3], 400000.0, 1e-6);
			cr_assert_float_eq(v[4], 1000000.0, 1e-6);
			cr_assert_float_eq(v[5], 312384.0, 1e-6);
			cr_assert_float_eq(v[8], 312384.0, 1e-6);
			cr_assert_float_eq(v[9], 312384.0 - 1000000.0, 1e-6);
			cr_assert_float_eq(v[10], -3287616.0, 1e-6);
			/* Column 20 (0-based 19): kind_saving_service = the kommune's 312 384. */
			const char *c = line;
			for (int k = 0; k < 19; k++)
				c = strchr(c, ',') + 1;
			cr_assert_float_eq(strtod(c, NULL), 312384.0, 1e-6);
		}
	}
	cr_assert_eq(rows, 40);
	free(buf);
	projection_free(&p);
	workbook_free(&wb);
}

/* Declared sectors get their own columns; an id with a comma is quoted. */
Test(write, csv_sector_columns)
{
	struct workbook wb;
	struct projection p;
	workbook_init(&wb);
	text_set(wb.params.name, sizeof wb.params.name, "T");
	wb.params.horizon = 2;
	wb.params.discount.mode = DISCOUNT_NONE;
	struct sector sec = {.bearer = BEARER_KOMMUNE};
	text_set(sec.id, sizeof sec.id, "bv,1");
	text_set(sec.name, sizeof sec.name, "Barnevern");
	workbook_add_sector(&wb, &sec);
	struct target_group g;
	memset(&g, 0, sizeof g);
	text_set(g.id, sizeof g.id, "g");
	text_set(g.name, sizeof g.name, "G");
	struct cost_item it;
	memset(&it, 0, sizeof it);
	text_set(it.name, sizeof it.name, "i");
	it.bearer = BEARER_KOMMUNE;
	text_set(it.sector, sizeof it.sector, "bv,1");
	it.amount = 1000;
	it.to_age = 120;
	target_group_add_item(&g, &it);
	workbook_add_group(&wb, &g);
	target_group_free_items(&g);
	struct measure m;
	measure_defaults(&m);
	text_set(m.name, sizeof m.name, "m");
	text_set(m.group_id, sizeof m.group_id, "g");
	m.start_year = wb.params.base_year;
	m.participants = 10;
	m.cost_per_participant = 10;
	m.success_rate = 0.5;
	workbook_add_measure(&wb, &m);
	projection_init(&p);
	cr_assert_eq(projection_compute(&p, &wb), 0);
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	cr_assert_eq(csv_write_portfolio(f, &wb, &p), 0);
	fclose(f);
	cr_assert(strstr(buf, ",sector_cost_stat,\"sector_cost_bv,1\",sector_saving_kommune,") != NULL,
		  "header: %s", buf);
	/* 2027: cost 100 from the kommune's rest, saving 5 · 1 000 in bv,1. */
	cr_assert(strstr(buf, "\n2027,1,100,0,0,100,5000,0,0,5000,4900,4900,4900,"
			      "100,0,0,0,0,0,0,5000,5000,0,0,0,0\n") != NULL, "rows: %s", buf);
	free(buf);
	projection_free(&p);
	workbook_free(&wb);
}
