/* Tests for engine/validate.c: ranges, messages and whole-entity checks. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine/validate.h"
#include "engine_helpers.h"

/* A valid workbook: one group "g" with one item, one measure on it. */
static void valid_workbook(struct workbook *wb)
{
	wb_setup(wb, 40, DISCOUNT_R109, 0.04);
	struct cost_item it = item_of(BEARER_STAT, 30000, UNIT_NOK, 20, 66);
	wb_group(wb, "g", &it, 1);
	struct measure m = measure_of("g");
	workbook_add_measure(wb, &m);
}

static bool has_problem(const struct problems *p, const char *path, const char *needle)
{
	for (size_t i = 0; i < p->count; i++)
		if (strcmp(p->list[i].path, path) == 0 && strstr(p->list[i].message, needle))
			return true;
	return false;
}

static void dump(const struct problems *p)
{
	for (size_t i = 0; i < p->count; i++)
		cr_log_info("%s: %s", p->list[i].path, p->list[i].message);
}

Test(validate, valid_workbook_has_no_problems)
{
	struct workbook wb;
	struct problems p;
	problems_clear(&p);
	valid_workbook(&wb);
	bool ok = validate_workbook(&wb, &p);
	dump(&p);
	cr_assert(ok);
	cr_assert_eq(p.count, 0);
	workbook_free(&wb);
}

Test(validate, message_names_label_range_and_value)
{
	struct problems p;
	problems_clear(&p);
	cr_assert_not(field_check(FIELD_SUCCESS_RATE, 1.5, "measures[0].success_rate", &p));
	cr_assert_eq(p.count, 1);
	cr_assert_str_eq(p.list[0].path, "measures[0].success_rate");
	cr_assert_str_eq(p.list[0].message,
			 "Suksessrate må være mellom 0 og 1 (0–100 %), fikk 1,5");
	char line[400];
	problem_format(&p.list[0], line, sizeof line);
	cr_assert_str_eq(line, "measures[0].success_rate: Suksessrate må være mellom 0 og 1 "
			       "(0–100 %), fikk 1,5");

	cr_assert_not(field_check(FIELD_PARTICIPANTS, 2.5, NULL, &p));
	cr_assert_str_eq(p.list[1].path, "participants");
	cr_assert_str_eq(p.list[1].message,
			 "Deltakere må være et heltall fra 1 til 10 000 000, fikk 2,5");
	cr_assert_not(field_check(FIELD_ITEM_AMOUNT, -2e12, "x", &p));
	cr_assert_str_eq(p.list[2].message, "Beløp må være mellom -1 000 000 000 000 og "
					    "1 000 000 000 000, fikk -2 000 000 000 000");
	cr_assert_not(field_check(FIELD_DECAY, NAN, "x", &p));
	cr_assert(strstr(p.list[3].message, "ikke et tall") != NULL);
	cr_assert_not(field_check(FIELD_G_AMOUNT, INFINITY, "x", &p));
	cr_assert(strstr(p.list[4].message, "uendelig") != NULL);
	cr_assert_eq(p.count, 5);
}

Test(validate, ranges_inside_and_at_the_edges_pass)
{
	struct problems p;
	problems_clear(&p);
	cr_assert(field_check(FIELD_BASE_YEAR, 1900, NULL, &p));
	cr_assert(field_check(FIELD_BASE_YEAR, 2200, NULL, &p));
	cr_assert(field_check(FIELD_HORIZON, 100, NULL, &p));
	cr_assert(field_check(FIELD_SUCCESS_RATE, 0, NULL, &p));
	cr_assert(field_check(FIELD_SUCCESS_RATE, 1, NULL, &p));
	cr_assert(field_check(FIELD_ITEM_AMOUNT, -1e12, NULL, &p));
	cr_assert(field_check(FIELD_COST_PER_PARTICIPANT, 0, NULL, &p));
	cr_assert(field_check(FIELD_PARTICIPANTS, 10000000, NULL, &p));
	cr_assert(field_check(FIELD_LAG, 0, NULL, &p));
	cr_assert_eq(p.count, 0);
}

/* Each field just outside its range: the message has label and range. */
Test(validate, every_field_out_of_range)
{
	static const struct {
		enum field_id id;
		double bad;
		const char *label;
		const char *range;
	} cases[] = {
		{FIELD_BASE_YEAR, 1899, "Basisår", "fra 1 900 til 2 200"},
		{FIELD_HORIZON, 101, "Horisont (år)", "fra 1 til 100"},
		{FIELD_HORIZON, 0, "Horisont (år)", "fra 1 til 100"},
		{FIELD_DISCOUNT_RATE, -0.01, "Diskonteringsrente", "mellom 0 og 1 (0–100 %)"},
		{FIELD_G_AMOUNT, 0.5, "G (grunnbeløpet)", "mellom 1 og 1 000 000 000 000"},
		{FIELD_ENTRY_AGE, 121, "startalder", "fra 0 til 120"},
		{FIELD_ITEM_AMOUNT, 1.5e12, "Beløp", "mellom -1 000 000 000 000 og 1 000 000 000 000"},
		{FIELD_ITEM_FROM_AGE, -1, "Fra alder", "fra 0 til 120"},
		{FIELD_ITEM_TO_AGE, 130, "Til alder", "fra 0 til 120"},
		{FIELD_PARTICIPANTS, 0, "Deltakere", "fra 1 til 10 000 000"},
		{FIELD_START_YEAR, 2201, "Startår", "fra 1 900 til 2 200"},
		{FIELD_START_AGE, 12.5, "Startalder", "fra 0 til 120"},
		{FIELD_DURATION, 0, "Varighet", "fra 1 til 100"},
		{FIELD_COST_PER_PARTICIPANT, -1, "Kostnad per deltaker", "mellom 0 og 1 000 000 000 000"},
		{FIELD_PAYER_SHARE, 1.2, "Betalerandel", "mellom 0 og 1"},
		{FIELD_SUCCESS_RATE, -0.1, "Suksessrate", "mellom 0 og 1"},
		{FIELD_DEADWEIGHT, 2, "Dødvekt", "mellom 0 og 1"},
		{FIELD_LAG, 101, "Forsinkelse", "fra 0 til 100"},
		{FIELD_EFFECT_YEARS, 0, "Effektvarighet", "fra 1 til 100"},
		{FIELD_DECAY, 1.01, "Avtaking", "mellom 0 og 1"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct problems p;
		problems_clear(&p);
		cr_assert_not(field_check(cases[i].id, cases[i].bad, NULL, &p), "case %zu", i);
		cr_assert_eq(p.count, 1);
		const char *msg = p.list[0].message;
		cr_assert(strstr(msg, cases[i].label) != NULL, "«%s» lacks «%s»", msg,
			  cases[i].label);
		cr_assert(strstr(msg, cases[i].range) != NULL, "«%s» lacks «%s»", msg,
			  cases[i].range);
		cr_assert(strstr(msg, "fikk") != NULL, "«%s» lacks the value", msg);
		cr_assert_str_eq(p.list[0].path, field_range(cases[i].id)->key);
	}
	cr_assert_null(field_range(FIELD_COUNT));
}

Test(validate, measure_fields_with_paths)
{
	struct workbook wb;
	struct problems p;
	problems_clear(&p);
	valid_workbook(&wb);
	struct measure *m = &wb.measures[0];
	m->participants = 0;
	m->success_rate = 1.5;
	m->deadweight = NAN;
	m->effect_years = 0; /* empty: allowed */
	m->lag = -1;
	m->duration = 0;
	m->decay = -0.5;
	m->start_age = 121;
	m->start_year = 1800;
	m->cost_per_participant = INFINITY;
	cr_assert_not(validate_workbook(&wb, &p));
	dump(&p);
	cr_assert(has_problem(&p, "measures[0].participants", "Deltakere"));
	cr_assert(has_problem(&p, "measures[0].success_rate", "fikk 1,5"));
	cr_assert(has_problem(&p, "measures[0].deadweight", "Dødvekt"));
	cr_assert(has_problem(&p, "measures[0].lag", "fikk -1"));
	cr_assert(has_problem(&p, "measures[0].duration", "Varighet"));
	cr_assert(has_problem(&p, "measures[0].decay", "Avtaking"));
	cr_assert(has_problem(&p, "measures[0].start_age", "Startalder"));
	cr_assert(has_problem(&p, "measures[0].start_year", "fikk 1 800"));
	cr_assert(has_problem(&p, "measures[0].cost_per_participant", "uendelig"));
	cr_assert_eq(p.count, 9);

	problems_clear(&p);
	workbook_free(&wb);
	valid_workbook(&wb);
	wb.measures[0].effect_years = 101;
	cr_assert_not(validate_measure(&wb.measures[0], &wb, "measures[0]", &p));
	cr_assert(has_problem(&p, "measures[0].effect_years", "fra 1 til 100"));
	workbook_free(&wb);
}

Test(validate, payer_shares_sum_to_one)
{
	struct workbook wb;
	struct problems p;
	valid_workbook(&wb);
	struct measure *m = &wb.measures[0];
	/* 33,33 + 33,33 + 33,34 % is fine within the tolerance. */
	m->payer[BEARER_KOMMUNE].share = 0.3333;
	m->payer[BEARER_FYLKESKOMMUNE].share = 0.3333;
	m->payer[BEARER_STAT].share = 0.3334;
	problems_clear(&p);
	cr_assert(validate_measure(m, &wb, "measures[0]", &p));
	m->payer[BEARER_STAT].share = 0.2334; /* 90 % */
	cr_assert_not(validate_measure(m, &wb, "measures[0]", &p));
	cr_assert(has_problem(&p, "measures[0].payer", "100 %, fikk 90 %"));
	problems_clear(&p);
	m->payer[BEARER_STAT].share = -0.1;
	cr_assert_not(validate_measure(m, &wb, "measures[0]", &p));
	cr_assert(has_problem(&p, "measures[0].payer.stat", "Betalerandel"));
	cr_assert_eq(p.count, 1, "no sum message on top of a share out of range");
	workbook_free(&wb);
}

Test(validate, items_and_ages)
{
	struct problems p;
	problems_clear(&p);
	struct cost_item it = item_of(BEARER_STAT, 1000, UNIT_NOK, 70, 66);
	cr_assert_not(validate_item(&it, NULL, "groups[0].items[1]", &p));
	cr_assert(has_problem(&p, "groups[0].items[1].to_age", "fra alder (70)"));
	problems_clear(&p);
	it = item_of((enum bearer)7, 1000, UNIT_NOK, 20, 30);
	cr_assert_not(validate_item(&it, NULL, "i", &p));
	cr_assert(has_problem(&p, "i.bearer", "kommune, fylkeskommune eller stat"));
	problems_clear(&p);
	it = item_of(BEARER_STAT, 1000, UNIT_NOK, 20, 30);
	it.name[0] = '\0';
	cr_assert_not(validate_item(&it, NULL, "i", &p));
	cr_assert(has_problem(&p, "i.name", "må fylles ut"));
}

Test(validate, texts)
{
	struct workbook wb;
	struct problems p;
	valid_workbook(&wb);
	text_set(wb.measures[0].name, sizeof wb.measures[0].name, " \xc2\xa0 ");
	text_set(wb.groups[0].name, sizeof wb.groups[0].name, "Linje\x01");
	text_set(wb.groups[0].description, sizeof wb.groups[0].description, "To\nlinjer\tok");
	text_set(wb.params.municipality, sizeof wb.params.municipality, "Gausdal\xc2\x85");
	problems_clear(&p);
	cr_assert_not(validate_workbook(&wb, &p));
	dump(&p);
	cr_assert(has_problem(&p, "measures[0].name", "Navn må fylles ut"));
	cr_assert(has_problem(&p, "groups[0].name", "kontrolltegn"));
	cr_assert(has_problem(&p, "workbook.municipality", "kontrolltegn"));
	cr_assert_eq(p.count, 3, "newline and tab are fine in a description");

	problems_clear(&p);
	workbook_free(&wb);
	valid_workbook(&wb);
	text_set(wb.groups[0].name, sizeof wb.groups[0].name, "Bad \xff UTF-8");
	text_set(wb.measures[0].name, sizeof wb.measures[0].name, "Oppfølgingslos æøå ÆØÅ");
	cr_assert_not(validate_workbook(&wb, &p));
	cr_assert(has_problem(&p, "groups[0].name", "UTF-8"));
	cr_assert_eq(p.count, 1);
	workbook_free(&wb);
}

Test(validate, group_ids_unique_and_measure_group_exists)
{
	struct workbook wb;
	struct problems p;
	valid_workbook(&wb);
	struct cost_item it = item_of(BEARER_STAT, 1, UNIT_NOK, 0, 1);
	wb_group(&wb, "g", &it, 1);
	wb_group(&wb, "", &it, 1);
	text_set(wb.measures[0].group_id, sizeof wb.measures[0].group_id, "borte");
	problems_clear(&p);
	cr_assert_not(validate_workbook(&wb, &p));
	dump(&p);
	cr_assert(has_problem(&p, "groups[1].id", "allerede brukt av groups[0]"));
	cr_assert(has_problem(&p, "groups[2].id", "må fylles ut"));
	cr_assert(has_problem(&p, "measures[0].group", "«borte» finnes ikke"));
	/* Without a workbook the group reference is not checked. */
	problems_clear(&p);
	cr_assert(validate_measure(&wb.measures[0], NULL, "m", &p));
	workbook_free(&wb);
}

Test(validate, params)
{
	struct workbook_params params;
	struct problems p;
	workbook_params_defaults(&params);
	text_set(params.name, sizeof params.name, "Arbeidsbok");
	problems_clear(&p);
	cr_assert(validate_params(&params, NULL, &p));
	params.horizon = 0;
	params.discount.mode = DISCOUNT_FLAT;
	params.discount.rate = 1.5;
	params.g_amount = 0;
	params.base_year = 1700;
	cr_assert_not(validate_params(&params, NULL, &p));
	cr_assert(has_problem(&p, "workbook.horizon", "Horisont (år)"));
	cr_assert(has_problem(&p, "workbook.discount.rate", "Diskonteringsrente"));
	cr_assert(has_problem(&p, "workbook.g_amount", "G (grunnbeløpet)"));
	cr_assert(has_problem(&p, "workbook.base_year", "fikk 1 700"));
	cr_assert_eq(p.count, 4);
}

Test(problems, bounded_and_truncated_safely)
{
	struct problems p;
	problems_clear(&p);
	for (int i = 0; i < PROBLEMS_MAX + 10; i++)
		problems_add(&p, "x", "feil %d", i);
	cr_assert_eq(p.count, PROBLEMS_MAX);
	cr_assert_eq(p.dropped, 10);
	cr_assert_str_eq(p.list[PROBLEMS_MAX - 1].message, "feil 63");

	/* A message of 'ø' (2 bytes each) longer than the buffer is cut at a
	 * character boundary, never inside one. */
	char big[2 * PROBLEM_MESSAGE_SIZE + 1];
	for (int i = 0; i < PROBLEM_MESSAGE_SIZE; i++)
		memcpy(big + 2 * i, "\xc3\xb8", 2);
	big[2 * PROBLEM_MESSAGE_SIZE] = '\0';
	problems_clear(&p);
	problems_add(&p, "a", "x%s", big); /* odd offset: a cut would split 'ø' */
	size_t len = strlen(p.list[0].message);
	cr_assert_lt(len, PROBLEM_MESSAGE_SIZE);
	cr_assert_eq(len % 2, 1, "'x' plus whole 2-byte characters");
	cr_assert_eq((unsigned char)p.list[0].message[len - 1], 0xb8);

	char line[8];
	problem_format(&p.list[0], line, sizeof line);
	cr_assert_eq(strlen(line), 6, "\"a: x\" then one whole 'ø'");
}

/* Version 2's rules: sectors, kinds, payer per sector, ranges, parameters. */
Test(validate, v2_sectors_kinds_payer_and_ranges)
{
	struct workbook wb;
	struct problems p;
	valid_workbook(&wb);
	wb_sector(&wb, "barnevern", BEARER_KOMMUNE);
	wb_sector(&wb, "stat", BEARER_STAT);      /* a bearer's name */
	wb_sector(&wb, "barnevern", BEARER_STAT); /* a duplicate */
	struct target_group *g = &wb.groups[0];
	g->items[0].kind = ITEM_SERVICE;
	text_set(g->items[0].sector, sizeof g->items[0].sector, "barnevern"); /* stat item */
	struct cost_item prod = item_kind_of(ITEM_PRODUCTION, BEARER_NONE, "", 1000, 20, 66);
	prod.bearer = BEARER_STAT;
	target_group_add_item(g, &prod);
	struct cost_item unknown = item_kind_of(ITEM_TAX, BEARER_KOMMUNE, "bydel", 10, 20, 66);
	target_group_add_item(g, &unknown);
	struct measure *m = &wb.measures[0];
	m->payer[0].share = 0.5; /* kommune 50 %, others 0: 50 % */
	measure_payer_set(m, "nav", 0.0);
	m->ranges[RANGE_SUCCESS_RATE] = (struct value_range){true, 0.6, 0.9}; /* value 0,5 */
	m->ranges[RANGE_DEADWEIGHT] = (struct value_range){true, 0.0, 1.5};
	wb.params.plan.years = 0;
	wb.params.real_growth = 0.2;
	wb.params.uncertainty.draws = 50;
	problems_clear(&p);
	cr_assert_not(validate_workbook(&wb, &p));
	dump(&p);
	cr_assert(has_problem(&p, "sectors[1].id", "forvaltningsnivå"));
	cr_assert(has_problem(&p, "sectors[2].id", "allerede brukt av sectors[0]"));
	cr_assert(has_problem(&p, "groups[0].items[0].sector", "hører til kommune"));
	cr_assert(has_problem(&p, "groups[0].items[1].bearer", "skal ikke ha bærer"));
	cr_assert(has_problem(&p, "groups[0].items[2].sector", "«bydel» finnes ikke"));
	cr_assert(has_problem(&p, "measures[0].payer.nav", "finnes ikke"));
	cr_assert(has_problem(&p, "measures[0].payer", "100 %, fikk 50 %"));
	cr_assert(has_problem(&p, "measures[0].ranges.success_rate", "omslutte verdien 0,5"));
	cr_assert(has_problem(&p, "measures[0].ranges.deadweight[1]", "Dødvekt"));
	cr_assert(has_problem(&p, "workbook.plan.years", "fra 1 til 10"));
	cr_assert(has_problem(&p, "workbook.real_growth", "-5 til 10 %"));
	cr_assert(has_problem(&p, "workbook.uncertainty.draws", "Antall trekninger"));
	workbook_free(&wb);
}

/* A path longer than a problem holds is cut at a character boundary: the
 * payer's path under a prefix of 'ø' (2 bytes each) at an odd offset. */
Test(validate, a_long_path_is_cut_between_characters)
{
	struct workbook wb;
	valid_workbook(&wb);
	struct measure m = wb.measures[0];
	m.payer[0].share = 2.0; /* out of range: a problem at the share's path */
	char prefix[2 * PROBLEM_PATH_SIZE + 2] = "x";
	for (int i = 0; i < PROBLEM_PATH_SIZE; i++)
		memcpy(prefix + 1 + 2 * i, "\xc3\xb8", 2);
	prefix[1 + 2 * PROBLEM_PATH_SIZE] = '\0';
	struct problems p;
	problems_clear(&p);
	cr_assert(!validate_measure(&m, &wb, prefix, &p));
	cr_assert_gt(p.count, 0);
	for (size_t k = 0; k < p.count; k++) {
		const char *path = p.list[k].path;
		size_t len = strlen(path);
		cr_assert_lt(len, PROBLEM_PATH_SIZE);
		cr_assert_eq(len % 2, 1, "«%s»: 'x' plus whole 2-byte characters", path);
		cr_assert_eq((unsigned char)path[len - 1], 0xb8);
	}
	/* And a short one is whole: "measures[12].payer.kommune". */
	problems_clear(&p);
	cr_assert(!validate_measure(&m, &wb, "measures[12]", &p));
	bool found = false;
	for (size_t k = 0; k < p.count; k++)
		found |= strcmp(p.list[k].path, "measures[12].payer.kommune") == 0 ||
			 strncmp(p.list[k].path, "measures[12].payer.", 19) == 0;
	cr_assert(found, "first problem at «%s»", p.list[0].path);
	workbook_free(&wb);
}
