/*
 * Tests for interchange/json_read.c: good documents give the expected
 * structs (defaults included); every kind of problem is reported with its
 * JSON path; all problems of a document are reported, each once; nothing
 * is returned from a document with a problem.
 *
 * Documents are written with ' for " to keep them readable; doc() swaps.
 */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interchange/json.h"

#define HEAD "{'format':'utenfor-workbook','version':1,'workbook':{'name':'T','base_year':2027},"
#define ITEM "{'name':'i','bearer':'stat','amount':1000,'from_age':20,'to_age':66}"
#define GROUP "{'id':'g','name':'G','entry_age':16,'items':[" ITEM "]}"
#define MEASURE_FIELDS                                                                       \
	"'name':'m','group':'g','participants':10,'start_year':2027,'duration':1,"            \
	"'cost_per_participant':100,'payer':{'kommune':1},'success_rate':0.5"

/* The measure's default members, overridable one by one in doc_measure(). */
static const char *const measure_keys[] = {"name",	   "group",   "participants",
					   "start_year",   "duration", "cost_per_participant",
					   "payer",	   "success_rate"};
static const char *const measure_values[] = {"'m'", "'g'", "10", "2027", "1", "100",
					     "{'kommune':1}", "0.5"};

/*
 * A whole document with one group and one measure.  Arguments are pairs
 * (key, value-as-JSON), NULL-terminated: a pair replaces the default of
 * that member or adds one; a NULL value leaves the member out.  Returns a static buffer.
 */
static const char *doc_measure(const char *key, ...)
{
	static char buf[4096];
	const char *keys[32], *values[32];
	size_t n = sizeof measure_keys / sizeof measure_keys[0];
	for (size_t i = 0; i < n; i++) {
		keys[i] = measure_keys[i];
		values[i] = measure_values[i];
	}
	va_list ap;
	va_start(ap, key);
	for (const char *k = key; k != NULL; k = va_arg(ap, const char *)) {
		const char *v = va_arg(ap, const char *);
		size_t i = 0;
		while (i < n && strcmp(keys[i], k) != 0)
			i++;
		if (i == n)
			keys[n++] = k;
		values[i] = v;
	}
	va_end(ap);
	int used = snprintf(buf, sizeof buf, "%s", HEAD "'groups':[" GROUP "],'measures':[{");
	bool first = true;
	for (size_t i = 0; i < n; i++) {
		if (values[i] == NULL)
			continue; /* a NULL value leaves the member out */
		used += snprintf(buf + used, sizeof buf - (size_t)used, "%s'%s':%s", first ? "" : ",",
				 keys[i], values[i]);
		first = false;
	}
	snprintf(buf + used, sizeof buf - (size_t)used, "}]}");
	return buf;
}

static struct problems problems;

/* Parse `sq` (with ' for ") into *wb; returns json_read_workbook's value. */
static int parse(const char *sq, struct workbook *wb)
{
	char *text = strdup(sq);
	cr_assert_not_null(text);
	for (char *p = text; *p; p++)
		if (*p == '\'')
			*p = '"';
	int rc = json_read_workbook(text, strlen(text), wb, &problems);
	free(text);
	return rc;
}

/* Parse a document that must be refused; returns the problem count. */
static size_t refused(const char *sq)
{
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(parse(sq, &wb), -1, "document was accepted: %s", sq);
	cr_assert_eq(wb.group_count, 0);
	cr_assert_eq(wb.measure_count, 0);
	workbook_free(&wb);
	return problems.count;
}

static void dump_problems(void)
{
	for (size_t i = 0; i < problems.count; i++)
		fprintf(stderr, "  %s: %s\n", problems.list[i].path, problems.list[i].message);
}

/* Assert a problem at exactly `path` whose message contains `text`. */
static void expect(const char *path, const char *text)
{
	for (size_t i = 0; i < problems.count; i++)
		if (strcmp(problems.list[i].path, path) == 0 &&
		    strstr(problems.list[i].message, text) != NULL)
			return;
	dump_problems();
	cr_assert_fail("no problem at '%s' containing '%s'", path, text);
}

Test(read, minimal_document_takes_documented_defaults)
{
	struct workbook wb;
	workbook_init(&wb);
	int rc = parse(HEAD "'groups':[{'id':'g','name':'G','entry_age':16,'items':["
			    "{'name':'i','bearer':'kommune','amount':-5,'from_age':0,'to_age':0}]}],"
			    "'measures':[{" MEASURE_FIELDS "}]}",
		       &wb);
	if (rc != 0)
		dump_problems();
	cr_assert_eq(rc, 0);
	cr_assert_str_eq(wb.params.name, "T");
	cr_assert_str_eq(wb.params.municipality, "");
	cr_assert_eq(wb.params.base_year, 2027);
	cr_assert_eq(wb.params.horizon, 40);
	cr_assert_eq(wb.params.discount.mode, DISCOUNT_R109);
	cr_assert_float_eq(wb.params.g_amount, 130160.0, 1e-9);

	cr_assert_eq(wb.group_count, 1);
	const struct target_group *g = &wb.groups[0];
	cr_assert_str_eq(g->description, "");
	cr_assert_eq(g->item_count, 1);
	cr_assert_eq(g->items[0].bearer, BEARER_KOMMUNE);
	cr_assert_float_eq(g->items[0].amount, -5.0, 1e-12);
	cr_assert_eq(g->items[0].unit, UNIT_NOK);
	cr_assert_str_eq(g->items[0].source, "");
	cr_assert_eq(g->items[0].confidence, CONFIDENCE_D);

	cr_assert_eq(wb.measure_count, 1);
	const struct measure *m = &wb.measures[0];
	cr_assert_str_eq(m->group_id, "g");
	cr_assert_eq(m->participants, 10);
	cr_assert_eq(m->start_age, 16, "start_age defaults to the group's entry_age");
	cr_assert_float_eq(m->payer[BEARER_KOMMUNE].share, 1.0, 1e-12);
	cr_assert_float_eq(m->payer[BEARER_FYLKESKOMMUNE].share, 0.0, 1e-12);
	cr_assert_float_eq(m->payer[BEARER_STAT].share, 0.0, 1e-12);
	cr_assert_float_eq(m->deadweight, 0.0, 1e-12);
	cr_assert_eq(m->lag, 0);
	cr_assert_eq(m->effect_years, 0);
	cr_assert_float_eq(m->decay, 0.0, 1e-12);
	cr_assert(m->enabled);
	workbook_free(&wb);
}

Test(read, groups_and_measures_may_be_absent)
{
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(parse("{'format':'utenfor-workbook','version':1,"
			   "'workbook':{'name':'Tom','base_year':2030,'horizon':5,"
			   "'discount':{'mode':'flat','rate':0.025},'g_amount':100000}}",
			   &wb),
		     0);
	cr_assert_eq(wb.group_count, 0);
	cr_assert_eq(wb.measure_count, 0);
	cr_assert_eq(wb.params.horizon, 5);
	cr_assert_eq(wb.params.discount.mode, DISCOUNT_FLAT);
	cr_assert_float_eq(wb.params.discount.rate, 0.025, 1e-15);
	cr_assert_float_eq(wb.params.g_amount, 100000.0, 1e-9);
	workbook_free(&wb);
}

Test(read, example_fixture)
{
	const char *srcdir = getenv("top_srcdir");
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/fixtures/example.json", srcdir ? srcdir : ".");
	struct workbook wb;
	workbook_init(&wb);
	int rc = json_read_workbook_file(path, &wb, &problems);
	if (rc != 0)
		dump_problems();
	cr_assert_eq(rc, 0);
	cr_assert_str_eq(wb.params.municipality, "Gausdal");
	cr_assert_eq(wb.group_count, 2);
	cr_assert_eq(wb.groups[1].items[0].unit, UNIT_G);
	cr_assert_float_eq(wb.groups[1].items[0].amount, 0.5, 1e-15);
	cr_assert_eq(wb.groups[1].items[1].unit, UNIT_NOK);
	cr_assert_eq(wb.groups[0].items[0].confidence, CONFIDENCE_C);
	cr_assert_eq(wb.measure_count, 3);
	cr_assert_str_eq(wb.measures[0].name, "Oppfølgingslos");
	cr_assert_eq(wb.measures[0].effect_years, 0);
	cr_assert_eq(wb.measures[1].start_age, 10);
	cr_assert_eq(wb.measures[1].lag, 2);
	cr_assert_eq(wb.measures[1].effect_years, 10);
	cr_assert_float_eq(wb.measures[1].decay, 0.1, 1e-15);
	cr_assert_float_eq(wb.measures[1].payer[BEARER_FYLKESKOMMUNE].share, 0.0, 1e-15);
	cr_assert_float_eq(wb.measures[1].payer[BEARER_STAT].share, 0.4, 1e-15);
	cr_assert(wb.measures[0].enabled);
	cr_assert(!wb.measures[2].enabled);
	workbook_free(&wb);
}

Test(read, missing_file_is_one_problem_naming_it)
{
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(json_read_workbook_file("/nonexistent/x.json", &wb, &problems), -1);
	cr_assert_eq(problems.count, 1);
	expect("", "/nonexistent/x.json");
	expect("", "finnes ikke");
	workbook_free(&wb);
}

Test(read, whole_reals_count_as_integers)
{
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(parse(doc_measure("lag", "2.0", "start_age", "17.0", NULL), &wb), 0);
	cr_assert_eq(wb.measures[0].lag, 2);
	cr_assert_eq(wb.measures[0].start_age, 17);
	workbook_free(&wb);

	cr_assert_eq(refused(doc_measure("lag", "2.5", NULL)), 1);
	expect("measures[0].lag", "må være et heltall");
}

Test(read, unknown_field_names_path_and_allowed_fields)
{
	cr_assert_eq(refused(doc_measure("sucess_rate", "0.2", NULL)), 1);
	expect("measures[0].sucess_rate", "ukjent felt; tillatte felt er name, group, participants");
	expect("measures[0].sucess_rate", "success_rate");

	cr_assert_eq(refused("{'format':'utenfor-workbook','version':1,'extra':1,"
			     "'workbook':{'name':'T','base_year':2027,'colour':'red'}}"),
		     2);
	expect("extra", "ukjent felt");
	expect("workbook.colour", "ukjent felt");
	cr_assert_eq(refused(doc_measure("payer", "{'kommune':1,'bydel':0}", NULL)), 1);
	expect("measures[0].payer.bydel", "ukjent sektor «bydel»; kjente sektorer er kommune, fylkeskommune, stat");
}

Test(read, wrong_types)
{
	cr_assert_eq(refused(doc_measure("participants", "'80'", NULL)), 1);
	expect("measures[0].participants", "Deltakere må være et heltall");
	cr_assert_eq(refused(doc_measure("name", "5", NULL)), 1);
	expect("measures[0].name", "må være en tekst");
	cr_assert_eq(refused(doc_measure("enabled", "'ja'", NULL)), 1);
	expect("measures[0].enabled", "må være true eller false");
	cr_assert_eq(refused(doc_measure("payer", "[1,0,0]", NULL)), 1);
	expect("measures[0].payer", "må være et objekt");
	cr_assert_eq(refused(doc_measure("success_rate", "null", NULL)), 1);
	expect("measures[0].success_rate", "må være et tall");
	cr_assert_eq(refused(HEAD "'groups':{}}"), 1);
	expect("groups", "må være en liste");
	cr_assert_eq(refused(HEAD "'groups':[" GROUP ",7]}"), 1);
	expect("groups[1]", "må være et objekt");
}

Test(read, unknown_keywords_list_allowed_values)
{
	cr_assert_eq(refused(HEAD "'groups':[{'id':'g','name':'G','entry_age':16,'items':["
				  "{'name':'i','bearer':'bydel','amount':1,'from_age':0,'to_age':1,"
				  "'unit':'usd','confidence':'E'}]}]}"),
		     3);
	expect("groups[0].items[0].bearer", "tillatte verdier er kommune, fylkeskommune, stat");
	expect("groups[0].items[0].unit", "nok, g");
	expect("groups[0].items[0].confidence", "A, B, C, D");
}

Test(read, every_missing_required_field_is_named)
{
	cr_assert_eq(refused("{'workbook':{}}"), 4);
	expect("format", "påkrevd felt mangler");
	expect("version", "påkrevd felt mangler");
	expect("workbook.name", "påkrevd felt mangler");
	expect("workbook.base_year", "påkrevd felt mangler");

	cr_assert_eq(refused("{'format':'utenfor-workbook','version':1}"), 1);
	expect("workbook", "påkrevd felt mangler");

	cr_assert_eq(refused(HEAD "'groups':[{'items':[{}]}]}"), 8);
	expect("groups[0].id", "påkrevd");
	expect("groups[0].name", "påkrevd");
	expect("groups[0].entry_age", "påkrevd");
	expect("groups[0].items[0].name", "påkrevd");
	expect("groups[0].items[0].bearer", "påkrevd");
	expect("groups[0].items[0].amount", "påkrevd");
	expect("groups[0].items[0].from_age", "påkrevd");
	expect("groups[0].items[0].to_age", "påkrevd");

	cr_assert_eq(refused(HEAD "'groups':[" GROUP "],'measures':[{}]}"), 8);
	const char *required[] = {"name",	  "group",   "participants",
				  "start_year",	  "duration", "cost_per_participant",
				  "payer",	  "success_rate"};
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
		char path[64];
		snprintf(path, sizeof path, "measures[0].%s", required[i]);
		expect(path, "påkrevd felt mangler");
	}
}

Test(read, out_of_range_values_name_field_and_range)
{
	cr_assert_eq(refused(doc_measure("success_rate", "1.5", NULL)), 1);
	expect("measures[0].success_rate", "Suksessrate må være mellom 0 og 1");
	expect("measures[0].success_rate", "1,5");
	cr_assert_eq(refused(doc_measure("participants", "0", NULL)), 1);
	expect("measures[0].participants", "heltall fra 1 til");
	cr_assert_eq(refused(doc_measure("effect_years", "0", NULL)), 1);
	expect("measures[0].effect_years", "fra 1 til 100");
	cr_assert_eq(refused(doc_measure("start_year", "1899", NULL)), 1);
	expect("measures[0].start_year", "1 900 til 2 200");
	cr_assert_eq(refused(doc_measure("participants", "1e300", NULL)), 1);
	expect("measures[0].participants", "Deltakere");
}

Test(read, whole_entity_rules)
{
	cr_assert_eq(refused(doc_measure("payer", "{'kommune':0.5,'stat':0.4}", NULL)), 1);
	expect("measures[0].payer", "100 %");
	cr_assert_eq(refused(HEAD "'groups':[{'id':'g','name':'G','entry_age':16,'items':["
				  "{'name':'i','bearer':'stat','amount':1,'from_age':30,'to_age':20}]}]}"),
		     1);
	expect("groups[0].items[0].to_age", "minst lik fra alder (30)");
	cr_assert_eq(refused(doc_measure("name", "'  '", NULL)), 1);
	expect("measures[0].name", "må fylles ut");
}

Test(read, duplicate_group_ids_and_unknown_groups)
{
	cr_assert_eq(refused(HEAD "'groups':[" GROUP "," GROUP "]}"), 1);
	expect("groups[1].id", "«g» er allerede brukt av groups[0]");

	cr_assert_eq(refused(HEAD "'groups':[" GROUP "],'measures':[{"
				  "'name':'m','group':'h','participants':10,'start_year':2027,"
				  "'duration':1,'cost_per_participant':100,'payer':{'kommune':1},"
				  "'success_rate':0.5}]}"),
		     1);
	expect("measures[0].group", "ukjent målgruppe «h»; kjente målgrupper er g");
}

Test(read, format_and_version)
{
	cr_assert_eq(refused("{'format':'utenfor','version':3,"
			     "'workbook':{'name':'T','base_year':2027}}"),
		     2);
	expect("format", "«utenfor-workbook»");
	expect("version", "versjon 3 støttes ikke; denne utgaven leser versjon 1 og 2");
	cr_assert_eq(refused("[1,2]"), 1);
	expect("", "JSON-objekt");
}

Test(read, syntax_errors_give_line_and_column)
{
	cr_assert_eq(refused("{'format':'utenfor-workbook',\n'version':1,\n'workbook': {,}}"), 1);
	expect("", "linje 3, kolonne ");
	cr_assert_eq(refused("{'format':'utenfor-workbook','format':'x'}"), 1);
	expect("", "duplicate object key");
	cr_assert_eq(refused(""), 1);
	expect("", "linje ");
}

Test(read, discount_rules)
{
	cr_assert_eq(refused("{'format':'utenfor-workbook','version':1,'workbook':{'name':'T',"
			     "'base_year':2027,'discount':{'mode':'flat'}}}"),
		     1);
	expect("workbook.discount.rate", "påkrevd felt mangler");
	cr_assert_eq(refused("{'format':'utenfor-workbook','version':1,'workbook':{'name':'T',"
			     "'base_year':2027,'discount':{'mode':'r109','rate':0.04}}}"),
		     1);
	expect("workbook.discount.rate", "bare når mode er «flat»");
	cr_assert_eq(refused("{'format':'utenfor-workbook','version':1,'workbook':{'name':'T',"
			     "'base_year':2027,'discount':{'mode':'flat','rate':4}}}"),
		     1);
	expect("workbook.discount.rate", "Diskonteringsrente");
}

Test(read, text_longer_than_buffer_gives_limit)
{
	char doc[2048];
	char name[201];
	memset(name, 'x', 200);
	name[200] = '\0';
	snprintf(doc, sizeof doc, "{'format':'utenfor-workbook','version':1,"
				  "'workbook':{'name':'%s','base_year':2027}}", name);
	cr_assert_eq(refused(doc), 1);
	expect("workbook.name", "200 byte, høyst 127 byte");
}

Test(read, all_problems_reported_each_once)
{
	/* Five independent problems in three entities, plus a wrong type that
	 * must not produce follow-up messages (from_age > to_age). */
	size_t n = refused(
		"{'format':'utenfor-workbook','version':1,"
		"'workbook':{'name':'T','base_year':2027,'horizon':0},"
		"'groups':[{'id':'g','name':'G','entry_age':16,'items':["
		"{'name':'i','bearer':'stat','amount':1,'from_age':'tjue','to_age':5}]}],"
		"'measures':[{'name':'m','group':'g','participants':10,'start_year':2027,"
		"'duration':1,'cost_per_participant':-1,'payer':{'kommune':1},'success_rate':0.5,"
		"'decay':2,'sucess':1}]}");
	if (n != 5)
		dump_problems();
	cr_assert_eq(n, 5);
	expect("workbook.horizon", "Horisont (år)");
	expect("groups[0].items[0].from_age", "må være et heltall");
	expect("measures[0].cost_per_participant", "Kostnad per deltaker");
	expect("measures[0].decay", "Avtaking");
	expect("measures[0].sucess", "ukjent felt");
	cr_assert_str_eq(problems.list[0].path, "workbook.horizon", "problems in document order");
}

Test(read, failure_leaves_out_empty)
{
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(parse(doc_measure(NULL), &wb), 0);
	cr_assert_eq(wb.measure_count, 1);
	cr_assert_eq(parse(doc_measure("lag", "-1", NULL), &wb), -1);
	cr_assert_eq(wb.group_count, 0);
	cr_assert_eq(wb.measure_count, 0);
	workbook_free(&wb);
}

Test(read, many_problems_are_counted_past_the_limit)
{
	char doc[16384];
	int n = snprintf(doc, sizeof doc, "{'format':'utenfor-workbook','version':1,"
					 "'workbook':{'name':'T','base_year':2027");
	for (int i = 0; i < PROBLEMS_MAX + 6; i++)
		n += snprintf(doc + n, sizeof doc - (size_t)n, ",'x%d':1", i);
	snprintf(doc + n, sizeof doc - (size_t)n, "}}");
	cr_assert_eq(refused(doc), PROBLEMS_MAX);
	cr_assert_eq(problems.dropped, 6);
}

Test(read, rules_still_checked_beside_a_missing_field)
{
	/* success_rate missing does not hide the payer shares' wrong sum... */
	cr_assert_eq(refused(doc_measure("success_rate", NULL, "payer", "{'kommune':0.5}", NULL)), 2);
	expect("measures[0].success_rate", "påkrevd felt mangler");
	expect("measures[0].payer", "fikk 50 %");
}

Test(read, a_bad_share_gives_no_follow_up_about_the_sum)
{
	/* ...but a share of the wrong type is one problem, not also "sum ≠ 100 %". */
	cr_assert_eq(refused(doc_measure("payer", "{'kommune':0.5,'stat':'0,5'}", NULL)), 1);
	expect("measures[0].payer.stat", "må være et tall");
	cr_assert_eq(refused(doc_measure("payer", "{'kommune':0.5,'stat':1.5}", NULL)), 1);
	expect("measures[0].payer.stat", "Betalerandel");
}

#define HEAD2 "{'format':'utenfor-workbook','version':2,'workbook':{'name':'T','base_year':2027},"
#define MEASURE2                                                                             \
	"'name':'m','group':'g','participants':10,'start_year':2027,'duration':1,"            \
	"'cost_per_participant':100,'success_rate':0.5"

/* A version-2 document: sectors, kinds, payer per sector, ranges, defaults. */
Test(read, version_2_document)
{
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(parse(HEAD2
			   "'sectors':[{'id':'bv','name':'Barnevern','bearer':'kommune','kostra':'244'}],"
			   "'groups':[{'id':'g','name':'G','entry_age':16,'items':["
			   "{'name':'a','kind':'transfer','bearer':'kommune','sector':'bv','amount':1,"
			   "'from_age':20,'to_age':30},"
			   "{'name':'b','bearer':'stat','sector':'stat','amount':1,'from_age':20,'to_age':30},"
			   "{'name':'c','kind':'production','amount':1,'from_age':20,'to_age':30}]}],"
			   "'measures':[{" MEASURE2 ",'payer':{'bv':0.25,'kommune':0.75},"
			   "'ranges':{'success_rate':[0.1,0.6]}}]}", &wb), 0);
	cr_assert_eq(wb.sector_count, 1);
	cr_assert_str_eq(wb.sectors[0].kostra, "244");
	cr_assert_eq(wb.groups[0].items[0].kind, ITEM_TRANSFER);
	cr_assert_str_eq(wb.groups[0].items[0].sector, "bv");
	cr_assert_str_eq(wb.groups[0].items[1].sector, "", "the bearer's own name is the implicit sector");
	cr_assert_eq(wb.groups[0].items[2].bearer, BEARER_NONE);
	cr_assert_float_eq(measure_payer_share(&wb.measures[0], "bv"), 0.25, 1e-15);
	cr_assert(wb.measures[0].ranges[RANGE_SUCCESS_RATE].set);
	cr_assert_float_eq(wb.measures[0].ranges[RANGE_SUCCESS_RATE].high, 0.6, 1e-15);
	cr_assert_eq(wb.params.price_year, 2027, "defaults to base_year");
	cr_assert_eq(wb.params.plan.start_year, 2027);
	cr_assert_eq(wb.params.plan.years, 4);
	cr_assert_float_eq(wb.params.tax_cost, 0.2, 1e-15);
	workbook_free(&wb);
}

/* Every v2 mistake of the issue, each one line naming its path. */
Test(read, version_2_mistakes)
{
	cr_assert_eq(refused(HEAD2
			     "'sectors':[{'id':'nav','name':'NAV','bearer':'stat'}],"
			     "'groups':[{'id':'g','name':'G','entry_age':16,'items':["
			     "{'name':'a','bearer':'kommune','sector':'nav','amount':1,'from_age':20,'to_age':30},"
			     "{'name':'b','bearer':'kommune','sector':'bydel','amount':1,'from_age':20,'to_age':30},"
			     "{'name':'c','kind':'production','bearer':'stat','amount':1,'from_age':20,'to_age':30}]}],"
			     "'measures':[{" MEASURE2 ",'payer':{'nav':0.5,'kommune':0.4}}]}"),
		     4);
	expect("groups[0].items[0].sector", "hører til stat");
	expect("groups[0].items[1].sector", "«bydel» finnes ikke");
	expect("groups[0].items[2].bearer", "fjern bearer");
	expect("measures[0].payer", "fikk 90 %");
	cr_assert_eq(refused("{'format':'utenfor-workbook','version':2,'workbook':{'name':'T',"
			     "'base_year':2027,'plan':{'years':0}}}"),
		     1);
	expect("workbook.plan.years", "fra 1 til 10");
	/* A v2 field in a v1 document is unknown. */
	cr_assert_eq(refused(HEAD "'sectors':[]}"), 1);
	expect("sectors", "ukjent felt");
}

/* Too many sectors to list in one line: the message names the kinds of id
 * allowed instead of stopping in the middle of the list (the example
 * workbook's 16 sectors were cut after "bufetat, "). */
Test(read, unknown_payer_sector_among_many_sectors_is_one_whole_line)
{
	char doc[4096] = HEAD2 "'sectors':[";
	for (int i = 0; i < 12; i++)
		snprintf(doc + strlen(doc), sizeof doc - strlen(doc),
			 "%s{'id':'tjenesteomraade-nummer-%02d','name':'S','bearer':'kommune'}",
			 i ? "," : "", i);
	snprintf(doc + strlen(doc), sizeof doc - strlen(doc),
		 "],'groups':[" GROUP "],'measures':[{" MEASURE2 ",'payer':{'bydel':1}}]}");
	cr_assert_eq(refused(doc), 1);
	expect("measures[0].payer.bydel",
	       "ukjent sektor «bydel»; bruk kommune, fylkeskommune, stat eller en id fra sectors");
}

/* The member of `key` at depth `depth` ("discount.rate": 0 "discount",
 * 1 "rate") into buf; false when the key is not that deep. */
static bool key_part(const char *key, int depth, char *buf, size_t size)
{
	for (int d = 0; d < depth; d++) {
		key = strchr(key, '.');
		if (key == NULL)
			return false;
		key++;
	}
	size_t n = strcspn(key, ".");
	snprintf(buf, size, "%.*s", (int)n, key);
	return true;
}

static bool listed(const char *const *list, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], name) == 0)
			return true;
	return false;
}

/* One list of fields (issue 11): every schema field is a member the
 * reader accepts, and every member the reader accepts is a schema field
 * (or a group's items), so a field added to engine/schema.c and not to
 * the reader, or the other way round, fails here. */
Test(read, members_are_the_schemas_fields)
{
	for (int row = 0; row < SCHEMA_ROW_COUNT; row++) {
		size_t n, count = schema_count((enum schema_row)row);
		const char *const *members = json_read_members((enum schema_row)row, NULL, &n);
		cr_assert_not_null(members, "no member list for %s", schema_row_key((enum schema_row)row));
		for (size_t i = 0; i < count; i++) {
			const struct field_desc *f = schema_field((enum schema_row)row, i);
			char top[64], sub[64];
			key_part(f->key, 0, top, sizeof top);
			cr_assert(listed(members, n, top), "%s.%s is not read from JSON",
				  schema_row_key((enum schema_row)row), f->key);
			size_t sn;
			const char *const *nested = json_read_members((enum schema_row)row, top, &sn);
			if (nested != NULL && key_part(f->key, 1, sub, sizeof sub))
				cr_assert(listed(nested, sn, sub), "%s.%s is not read from JSON",
					  schema_row_key((enum schema_row)row), f->key);
		}
		for (size_t m = 0; m < n; m++) {
			bool known = row == SCHEMA_GROUP && strcmp(members[m], "items") == 0;
			for (size_t i = 0; i < count && !known; i++) {
				char top[64];
				key_part(schema_field((enum schema_row)row, i)->key, 0, top, sizeof top);
				known = strcmp(top, members[m]) == 0;
			}
			cr_assert(known, "the reader accepts %s.%s, which the schema does not describe",
				  schema_row_key((enum schema_row)row), members[m]);
		}
	}
}
