/*
 * Tests of the embedded default workbook (data/default-workbook.json) against
 * its documentation (doc/default-data.md): every constant and every item's
 * derivation is recomputed from the page's tables and must give the
 * embedded amount; every item is documented once, has a source and a grade
 * that agree; benefit states are exclusive; no example measure saves the
 * service it pays for while it runs.  Reads the JSON with jansson only, so
 * it does not depend on the importer.
 */
#include <criterion/criterion.h>
#include <ctype.h>
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/default_workbook.h"
#include "tests/data_expr.h"
#include "tests/data_page.h"

#define EN_DASH "\xe2\x80\x93"
#define CONSTANTS_HEADER "| constant | derivation | value | what it is |"
#define ITEMS_HEADER "| item | kind | sector | ages | grade | derivation | amount |"
#define DOC_ITEMS_MAX 400

struct doc_item {
	char group[64];
	char name[128];
	char kind[16];
	char sector[64]; /* "" for production and welfare */
	int from_age, to_age;
	char grade[4];
	char expr[512];
	double amount;   /* the amount column */
	double computed; /* the derivation, evaluated */
	bool used;       /* matched by a JSON item */
};

struct doc {
	struct data_names names;
	struct doc_item items[DOC_ITEMS_MAX];
	size_t item_count;
	size_t constant_count;
};

static json_t *embedded(void)
{
	json_error_t e;
	json_t *root = json_loadb((const char *)default_workbook_json, default_workbook_json_size,
				 JSON_REJECT_DUPLICATES, &e);
	cr_assert_not_null(root, "data/default-workbook.json line %d: %s", e.line, e.text);
	return root;
}

static void copy(char *dst, size_t size, const char *src)
{
	cr_assert_lt(strlen(src), size, "text too long: %s", src);
	strcpy(dst, src);
}

static void eval_or_fail(const struct doc *d, const char *text, double *out)
{
	char err[512];
	cr_assert(data_expr_eval(text, &d->names, out, err, sizeof err), "%s", err);
}

/* A value column must be its derivation rounded to the decimals written. */
static bool rounds_to(double computed, double written, int decimals)
{
	return fabs(computed - written) <= 0.5 * pow(10, -decimals) + 1e-9 * fabs(written);
}

static void constant_row(void *ctx, const char *group, char **c, int n)
{
	struct doc *d = ctx;
	(void)group;
	cr_assert_eq(n, 4, "constants row with %d cells", n);
	const char *name = data_page_unquote(c[0]);
	double v, written;
	int decimals;
	const char *expr = data_page_unquote(c[1]);
	eval_or_fail(d, expr, &v);
	cr_assert(data_number_read(c[2], &written, &decimals), "constant %s: value «%s»", name,
		  c[2]);
	cr_assert(rounds_to(v, written, decimals), "constant %s = %s gives %.6f, the page says %s",
		  name, expr, v, c[2]);
	cr_assert(data_names_add(&d->names, name, v), "constant %s defined twice", name);
	d->constant_count++;
}

static void item_row(void *ctx, const char *group, char **c, int n)
{
	struct doc *d = ctx;
	cr_assert_eq(n, 7, "item row with %d cells", n);
	cr_assert_neq(*group, '\0', "item row «%s» outside a group section", c[0]);
	cr_assert_lt(d->item_count, DOC_ITEMS_MAX);
	struct doc_item *it = &d->items[d->item_count++];
	memset(it, 0, sizeof *it);
	copy(it->group, sizeof it->group, group);
	copy(it->name, sizeof it->name, c[0]);
	copy(it->kind, sizeof it->kind, c[1]);
	copy(it->sector, sizeof it->sector, strcmp(c[2], "\xe2\x80\x94") == 0 ? "" : c[2]);
	char *dash = strstr(c[3], EN_DASH);
	cr_assert_not_null(dash, "item %s: ages «%s»", it->name, c[3]);
	*dash = '\0';
	it->from_age = atoi(c[3]);
	it->to_age = atoi(dash + strlen(EN_DASH));
	copy(it->grade, sizeof it->grade, c[4]);
	copy(it->expr, sizeof it->expr, data_page_unquote(c[5]));
	eval_or_fail(d, it->expr, &it->computed);
	int decimals;
	cr_assert(data_number_read(c[6], &it->amount, &decimals), "item %s: amount «%s»",
		  it->name, c[6]);
	cr_assert_eq(decimals, 0, "item %s: amounts are whole kroner", it->name);
}

/* Read every constants table, then every item table, of the page. */
static void read_doc(struct doc *d)
{
	memset(d, 0, sizeof *d);
	char *page = data_page_read();
	data_page_rows(page, CONSTANTS_HEADER, constant_row, d);
	free(page);
	page = data_page_read();
	data_page_rows(page, ITEMS_HEADER, item_row, d);
	free(page);
	cr_assert_gt(d->constant_count, 10, "no constants table found in doc/default-data.md");
	cr_assert_gt(d->item_count, 50, "no item tables found in doc/default-data.md");
}

static const char *str(json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));
	return s != NULL ? s : "";
}

static double num(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);
	cr_assert(json_is_number(v), "missing number %s", key);
	return json_number_value(v);
}

static struct doc_item *doc_find(struct doc *d, const char *group, const char *name)
{
	for (size_t i = 0; i < d->item_count; i++)
		if (strcmp(d->items[i].group, group) == 0 && strcmp(d->items[i].name, name) == 0)
			return &d->items[i];
	return NULL;
}

/*
 * Compare the page with the document; returns the number of differences
 * and names the first in `why`.  Separate from the Test so that the tests
 * below can show it catches a change on either side.
 */
static int compare(struct doc *d, json_t *root, char *why, size_t why_size)
{
	int bad = 0;
#define DIFF(...)                                                                            \
	do {                                                                                 \
		if (bad++ == 0)                                                              \
			snprintf(why, why_size, __VA_ARGS__);                                \
	} while (0)
	for (size_t i = 0; i < d->item_count; i++)
		d->items[i].used = false;
	size_t gi;
	json_t *g;
	json_array_foreach(json_object_get(root, "groups"), gi, g)
	{
		const char *gid = str(g, "id");
		size_t ii;
		json_t *it;
		json_array_foreach(json_object_get(g, "items"), ii, it)
		{
			const char *name = str(it, "name");
			struct doc_item *di = doc_find(d, gid, name);
			if (di == NULL) {
				DIFF("%s: item «%s» has no derivation in the page", gid, name);
				continue;
			}
			if (di->used)
				DIFF("%s: item «%s» appears twice", gid, name);
			di->used = true;
			double amount = num(it, "amount");
			if (strcmp(str(it, "unit"), "nok") != 0)
				DIFF("%s/%s: unit is not nok", gid, name);
			if (amount != di->amount)
				DIFF("%s/%s: embedded amount %.2f, page says %.2f", gid, name, amount,
				     di->amount);
			if (fabs(di->computed - di->amount) > 0.5 + 1e-9)
				DIFF("%s/%s: %.300s = %.2f, not %.0f", gid, name, di->expr, di->computed,
				     di->amount);
			if (strcmp(str(it, "kind"), di->kind) != 0)
				DIFF("%s/%s: kind %s, page says %s", gid, name, str(it, "kind"),
				     di->kind);
			if (strcmp(str(it, "sector"), di->sector) != 0)
				DIFF("%s/%s: sector «%s», page says «%s»", gid, name,
				     str(it, "sector"), di->sector);
			if (num(it, "from_age") != di->from_age || num(it, "to_age") != di->to_age)
				DIFF("%s/%s: ages differ from the page", gid, name);
			if (strcmp(str(it, "confidence"), di->grade) != 0)
				DIFF("%s/%s: grade %s, page says %s", gid, name,
				     str(it, "confidence"), di->grade);
		}
	}
	for (size_t i = 0; i < d->item_count; i++)
		if (!d->items[i].used)
			DIFF("%s: page documents «%s», which the document lacks", d->items[i].group,
			     d->items[i].name);
#undef DIFF
	return bad;
}

Test(data_defaults, page_and_document_agree)
{
	static struct doc d;
	read_doc(&d);
	json_t *root = embedded();
	char why[1024] = "";
	int bad = compare(&d, root, why, sizeof why);
	cr_expect_eq(bad, 0, "%d differences; first: %s", bad, why);
	json_decref(root);
}

/* The comparison is not vacuous: a change on either side is caught. */
Test(data_defaults, a_change_on_either_side_is_caught)
{
	static struct doc d;
	read_doc(&d);
	json_t *root = embedded();
	char why[1024];
	json_t *item = json_array_get(
		json_object_get(json_array_get(json_object_get(root, "groups"), 0), "items"), 0);
	double was = num(item, "amount");
	json_object_set_new(item, "amount", json_real(was + 1));
	cr_expect_gt(compare(&d, root, why, sizeof why), 0);
	json_object_set_new(item, "amount", json_real(was));
	cr_expect_eq(compare(&d, root, why, sizeof why), 0, "%s", why);
	d.items[0].computed += 1;
	cr_expect_gt(compare(&d, root, why, sizeof why), 0);
	d.items[0].computed -= 1;
	d.item_count--; /* a derivation missing from the page */
	cr_expect_gt(compare(&d, root, why, sizeof why), 0);
	json_decref(root);
}

Test(data_defaults, evaluator_reads_the_notation)
{
	struct data_names n = {0};
	cr_assert(data_names_add(&n, "g", 130160));
	double v;
	char err[256];
	cr_assert(data_expr_eval("9 700 000 000 / 152 500", &n, &v, err, sizeof err), "%s", err);
	cr_expect_float_eq(v, 9.7e9 / 152500, 1e-9);
	cr_assert(data_expr_eval("\xe2\x88\x92" "0.5 \xc3\x97 (1 507.05 + 2) \xc3\x97 g", &n, &v, err,
				 sizeof err));
	cr_expect_float_eq(v, -0.5 * 1509.05 * 130160, 1e-6);
	cr_assert(data_expr_eval("max(2 / 3 - 1, 0) + min(4, 5)", &n, &v, err, sizeof err));
	cr_expect_float_eq(v, 4.0, 1e-12);
	cr_expect_not(data_expr_eval("2 \xc3\x97 h", &n, &v, err, sizeof err), "unknown name");
	cr_expect_not(data_expr_eval("(2", &n, &v, err, sizeof err));
	cr_expect_not(data_expr_eval("2 3", &n, &v, err, sizeof err));
	int dec;
	cr_assert(data_number_read("-110 464", &v, &dec));
	cr_expect_float_eq(v, -110464, 1e-9);
	cr_assert(data_number_read("0.5250", &v, &dec));
	cr_expect_eq(dec, 4);
	cr_expect_not(data_number_read("12 34", &v, &dec));
}

Test(data_defaults, workbook_parameters)
{
	json_t *root = embedded();
	cr_expect_str_eq(str(root, "format"), "utenfor-workbook");
	cr_expect_eq(num(root, "version"), 2);
	json_t *wb = json_object_get(root, "workbook");
	cr_expect_eq(num(wb, "price_year"), 2025);
	cr_expect_eq(num(wb, "g_amount"), 130160);
	cr_expect_eq(num(wb, "horizon"), 40);
	cr_expect_str_eq(str(json_object_get(wb, "discount"), "mode"), "r109");
	cr_expect_float_eq(num(json_object_get(wb, "society"), "tax_cost"), 0.20, 1e-12);
	json_decref(root);
}

static const char *sector_bearer(json_t *root, const char *sector)
{
	static const char *const bearers[] = {"kommune", "fylkeskommune", "stat"};
	for (int b = 0; b < 3; b++)
		if (strcmp(sector, bearers[b]) == 0)
			return bearers[b];
	size_t i;
	json_t *s;
	json_array_foreach(json_object_get(root, "sectors"), i, s)
	{
		if (strcmp(str(s, "id"), sector) == 0)
			return str(s, "bearer");
	}
	return NULL;
}

/* Kind, bearer and sector as MODEL.md requires; source and grade on every item,
 * an assumption (D) saying so and a sourced grade not claiming one. */
Test(data_defaults, every_item_has_kind_sector_source_and_an_honest_grade)
{
	json_t *root = embedded();
	size_t gi, ii;
	json_t *g, *it;
	json_array_foreach(json_object_get(root, "groups"), gi, g)
	{
		json_array_foreach(json_object_get(g, "items"), ii, it)
		{
			const char *name = str(it, "name"), *kind = str(it, "kind");
			const char *source = str(it, "source"), *grade = str(it, "confidence");
			bool budget = strcmp(kind, "service") == 0 || strcmp(kind, "transfer") == 0 ||
				      strcmp(kind, "tax") == 0;
			bool society = strcmp(kind, "production") == 0 || strcmp(kind, "welfare") == 0;
			cr_expect(budget || society, "%s: kind «%s»", name, kind);
			if (budget) {
				const char *b = sector_bearer(root, str(it, "sector"));
				cr_expect(b != NULL && strcmp(b, str(it, "bearer")) == 0,
					  "%s: sector «%s» is not the bearer %s's", name,
					  str(it, "sector"), str(it, "bearer"));
			} else {
				cr_expect_null(json_object_get(it, "bearer"), "%s", name);
				cr_expect_null(json_object_get(it, "sector"), "%s", name);
			}
			cr_expect_gt(strlen(source), 20, "%s: no real source", name);
			cr_expect_lt(strlen(source), 256, "%s: source longer than the model keeps",
				     name);
			cr_expect(strlen(grade) == 1 && *grade >= 'A' && *grade <= 'D',
				  "%s: grade «%s»", name, grade);
			bool assumed = strstr(source, "antatt") != NULL;
			cr_expect_eq(*grade == 'D', assumed,
				     "%s: grade %s but the source %s an assumption", name, grade,
				     assumed ? "states" : "states no");
			cr_expect_null(strstr(source, "Aftenposten"), "%s: press source", name);
			cr_expect_null(strstr(source, "leder"), "%s: an editorial", name);
			cr_expect_null(strstr(source, "2,44 G"), "%s: the abolished AAP rate", name);
		}
	}
	json_decref(root);
}

/* Does the derivation `expr` use the constant `name` (a whole name, not a part)? */
static bool uses(const char *expr, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = strstr(expr, name); p != NULL; p = strstr(p + 1, name)) {
		bool left = p == expr || !(p[-1] == '_' || isalnum((unsigned char)p[-1]));
		bool right = !(p[n] == '_' || isalnum((unsigned char)p[n]));
		if (left && right)
			return true;
	}
	return false;
}

/* Call `fn` for every item of the document, with its group; returns how
 * many of the calls returned true. */
static int for_each_item(json_t *root, bool (*fn)(void *ctx, json_t *group, json_t *item),
			 void *ctx)
{
	int n = 0;
	size_t gi, ii;
	json_t *g, *it;
	json_array_foreach(json_object_get(root, "groups"), gi, g)
	{
		json_array_foreach(json_object_get(g, "items"), ii, it)
		{
			if (fn(ctx, g, it))
				n++;
		}
	}
	return n;
}

#define UNVERIFIED_HEADER                                                                    \
	"| input | figures-v2 | items (derivation uses) | the source says |"
#define UNVERIFIED_MAX 16

/* One row of the page's table of unverified inputs: the constants that
 * rest on the input and the words every such item's source must hold. */
struct unverified {
	char names[8][DATA_NAME_SIZE];
	int name_count;
	char says[128];
};

struct unverified_check {
	struct doc doc;
	struct unverified rows[UNVERIFIED_MAX];
	int count;
};

static void unverified_row(void *ctx, const char *group, char **c, int n)
{
	struct unverified_check *t = ctx;
	(void)group;
	cr_assert_eq(n, 4, "unverified-input row with %d cells", n);
	cr_assert_lt(t->count, UNVERIFIED_MAX);
	struct unverified *u = &t->rows[t->count++];
	memset(u, 0, sizeof *u);
	for (const char *p = strchr(c[2], '`'); p != NULL; p = strchr(p, '`')) {
		const char *end = strchr(p + 1, '`');
		cr_assert_not_null(end, "unbalanced ` in «%s»", c[2]);
		size_t len = (size_t)(end - p - 1);
		cr_assert(u->name_count < 8 && len < DATA_NAME_SIZE, "«%s»", c[2]);
		memcpy(u->names[u->name_count++], p + 1, len);
		p = end + 1;
	}
	const char *open = strstr(c[3], "\xc2\xab"), *close = strstr(c[3], "\xc2\xbb");
	cr_assert(open != NULL && close != NULL && close > open, "«…» missing in %s", c[3]);
	open += 2;
	cr_assert_lt((size_t)(close - open), sizeof u->says);
	memcpy(u->says, open, (size_t)(close - open));
	cr_assert_gt(u->name_count, 0, "no constant named in «%s»", c[2]);
}

/* True when the item rests on an unverified input (and then it must say so). */
static bool unverified_item(void *ctx, json_t *g, json_t *it)
{
	struct unverified_check *t = ctx;
	const struct doc_item *di = doc_find(&t->doc, str(g, "id"), str(it, "name"));
	cr_assert_not_null(di, "%s: «%s» has no derivation", str(g, "id"), str(it, "name"));
	bool rests = false;
	for (int r = 0; r < t->count; r++)
		for (int k = 0; k < t->rows[r].name_count; k++) {
			if (!uses(di->expr, t->rows[r].names[k]))
				continue;
			rests = true;
			cr_expect_not_null(strstr(str(it, "source"), t->rows[r].says),
					   "%s/%s uses %s but its source lacks «%s»", str(g, "id"),
					   di->name, t->rows[r].names[k], t->rows[r].says);
			break;
		}
	return rests;
}

/*
 * Where figures-v2 marks an input unverified or not found, every item
 * whose derivation rests on it says so in its source, as the page's
 * table of unverified inputs lists.
 */
Test(data_defaults, unverified_inputs_are_said_so_in_the_source)
{
	static struct unverified_check t;
	memset(&t, 0, sizeof t);
	read_doc(&t.doc);
	char *page = data_page_read();
	data_page_rows(page, UNVERIFIED_HEADER, unverified_row, &t);
	free(page);
	cr_assert_geq(t.count, 5, "no table of unverified inputs in doc/default-data.md");
	json_t *root = embedded();
	cr_expect_gt(for_each_item(root, unverified_item, &t), 100);
	json_decref(root);
}

/* True when the item's source names a published estimate. */
static bool cites_an_estimate(void *ctx, json_t *g, json_t *it)
{
	(void)ctx;
	static const char *const estimates[] = {"Oslo Economics", "Dahl, Kostøl og Mogstad",
						"Kommunal Rapport"};
	for (size_t e = 0; e < sizeof estimates / sizeof *estimates; e++) {
		if (strstr(str(it, "source"), estimates[e]) == NULL)
			continue;
		const char *grade = str(it, "confidence");
		cr_expect(strcmp(grade, "C") == 0 || strcmp(grade, "D") == 0,
			  "%s/%s cites %s but is graded %s", str(g, "id"), str(it, "name"),
			  estimates[e], grade);
		return true;
	}
	return false;
}

/*
 * figures.md's rule: a figure from a published estimate is C, so an item
 * whose source names one is graded C or D, never A or B.
 */
Test(data_defaults, a_published_estimate_is_at_best_c)
{
	json_t *root = embedded();
	cr_expect_geq(for_each_item(root, cites_an_estimate, NULL), 5);
	json_decref(root);
}

/* True for an item of frafall-vgs built on its share outside work. */
static bool on_the_sourced_share(void *ctx, json_t *g, json_t *it)
{
	static const char *const on_the_share[] = {"stat_wage", "kom_wage", "fyl_wage",
						   "production"};
	if (strcmp(str(g, "id"), "frafall-vgs") != 0)
		return false;
	const struct doc_item *di = doc_find(ctx, "frafall-vgs", str(it, "name"));
	cr_assert_not_null(di, "%s", str(it, "name"));
	bool on = false;
	for (size_t k = 0; k < sizeof on_the_share / sizeof *on_the_share; k++)
		on = on || uses(di->expr, on_the_share[k]);
	if (!on)
		return false;
	const char *source = str(it, "source");
	cr_expect_not_null(strstr(source, "SSB 2020"), "%s: «%s»", di->name, source);
	cr_expect_null(strstr(source, "andelen utenfor arbeid er antatt"), "%s", di->name);
	cr_expect_null(strstr(source, "andelen er antatt"), "%s", di->name);
	return true;
}

/*
 * The one group whose share outside work is register data (SSB 2020:
 * 36.2 % against 16.9 %): its items built on that share cite it, and do
 * not call the share assumed.
 */
Test(data_defaults, the_sourced_share_outside_work_is_not_called_assumed)
{
	static struct doc d;
	read_doc(&d);
	json_t *root = embedded();
	cr_expect_eq(for_each_item(root, on_the_sourced_share, &d), 8,
		     "the tax and production items of frafall-vgs");
	json_decref(root);
}

/* "NUMBER × name" -> the number and the name; false for any other form. */
static bool share_of(const char *expr, double *share, const char **name)
{
	const char *times = strstr(expr, " \xc3\x97 ");
	if (times == NULL || strstr(times + 1, " ") != times + 3)
		return false;
	char left[64];
	size_t n = (size_t)(times - expr);
	if (n >= sizeof left)
		return false;
	memcpy(left, expr, n);
	left[n] = '\0';
	int dec;
	*name = times + 4;
	return data_number_read(left, share, &dec) && strchr(*name, ' ') == NULL;
}

/*
 * The outcome states of figures-v2 §7.0 are exclusive: at every age the
 * shares on AAP, uføretrygd and sosialhjelp add up to no more than the
 * group's excess share outside work (the share in its lost-tax-to-the-stat
 * item); AAP under 25 only before 25, the ordinary minimum only from 25.
 */
Test(data_defaults, benefit_states_are_exclusive)
{
	static struct doc d;
	read_doc(&d);
	static const char *const benefits[] = {"aap_net", "aap_u25_net", "ufo_net", "ung_net",
					       "sosialhjelp"};
	for (size_t i = 0; i < d.item_count; i++) {
		const struct doc_item *it = &d.items[i];
		double share;
		const char *name;
		if (!share_of(it->expr, &share, &name))
			continue;
		if (strcmp(name, "aap_u25_net") == 0)
			cr_expect_leq(it->to_age, 24, "%s/%s", it->group, it->name);
		if (strcmp(name, "aap_net") == 0)
			cr_expect_geq(it->from_age, 25, "%s/%s", it->group, it->name);
	}
	for (int age = 0; age <= 120; age++) {
		for (size_t i = 0; i < d.item_count; i++) {
			const char *group = d.items[i].group;
			if (i > 0 && strcmp(group, d.items[i - 1].group) == 0)
				continue; /* each group once per age */
			double outside = 0, on_benefit = 0;
			for (size_t j = i; j < d.item_count && strcmp(d.items[j].group, group) == 0;
			     j++) {
				const struct doc_item *it = &d.items[j];
				double share;
				const char *name;
				if (age < it->from_age || age > it->to_age ||
				    !share_of(it->expr, &share, &name))
					continue;
				if (strcmp(name, "stat_wage") == 0)
					outside += share;
				for (size_t b = 0; b < sizeof benefits / sizeof *benefits; b++)
					if (strcmp(name, benefits[b]) == 0)
						on_benefit += share;
			}
			cr_expect_leq(on_benefit, outside + 1e-12,
				      "%s at %d: %.3f on benefits but %.3f outside work", group, age,
				      on_benefit, outside);
		}
	}
}

/* The first term of a derivation, "NUMBER × name …": the number and the name. */
static bool first_term(const char *expr, double *share, char *name, size_t size)
{
	const char *times = strstr(expr, " \xc3\x97 ");
	if (times == NULL || (size_t)(times - expr) >= 64)
		return false;
	char left[64];
	memcpy(left, expr, (size_t)(times - expr));
	left[times - expr] = '\0';
	int dec;
	if (!data_number_read(left, share, &dec))
		return false;
	const char *p = times + 4;
	size_t n = strcspn(p, " ");
	if (n == 0 || n >= size)
		return false;
	memcpy(name, p, n);
	name[n] = '\0';
	return true;
}

/*
 * One excess share outside work per group and age (figures-v2 §7.0): the
 * tax lost to the stat, the kommune and the fylkeskommune and the
 * production lost are all that share times the one wage, so no budget
 * counts more or fewer people outside work than another.
 */
Test(data_defaults, every_budget_and_production_lose_the_same_share)
{
	static struct doc d;
	read_doc(&d);
	static const char *const on_wage[] = {"stat_wage", "kom_wage", "fyl_wage", "production"};
	enum { ON_WAGE = sizeof on_wage / sizeof *on_wage };
	int ages = 0;
	for (int age = 0; age <= 120; age++) {
		for (size_t i = 0; i < d.item_count; i++) {
			const char *group = d.items[i].group;
			if (i > 0 && strcmp(group, d.items[i - 1].group) == 0)
				continue;
			double share[ON_WAGE] = {0};
			bool any = false;
			for (size_t j = i; j < d.item_count && strcmp(d.items[j].group, group) == 0;
			     j++) {
				const struct doc_item *it = &d.items[j];
				double s;
				char name[DATA_NAME_SIZE];
				if (age < it->from_age || age > it->to_age ||
				    !first_term(it->expr, &s, name, sizeof name))
					continue;
				for (int k = 0; k < ON_WAGE; k++)
					if (strcmp(name, on_wage[k]) == 0) {
						share[k] += s;
						any = true;
					}
			}
			if (!any)
				continue;
			ages++;
			for (int k = 1; k < ON_WAGE; k++)
				cr_expect(fabs(share[k] - share[0]) < 1e-12,
					  "%s at %d: %s share %.3f, %s share %.3f", group, age,
					  on_wage[k], share[k], on_wage[0], share[0]);
		}
	}
	cr_expect_gt(ages, 300);
}

/*
 * No example measure books a saving in a sector it pays for at an age when
 * it is itself running: the child-welfare measure must not "save" the
 * support it delivers.  Also: groups exist, shares sum to 1, ranges enclose.
 */
Test(data_defaults, measures_never_save_their_own_service_while_running)
{
	json_t *root = embedded();
	json_t *groups = json_object_get(root, "groups");
	size_t mi;
	json_t *m;
	cr_assert_geq(json_array_size(json_object_get(root, "measures")), 3);
	json_array_foreach(json_object_get(root, "measures"), mi, m)
	{
		const char *mname = str(m, "name");
		json_t *group = NULL;
		size_t gi;
		json_t *g;
		json_array_foreach(groups, gi, g)
		{
			if (strcmp(str(g, "id"), str(m, "group")) == 0)
				group = g;
		}
		cr_assert_not_null(group, "%s: unknown group", mname);
		double sum = 0;
		const char *key;
		json_t *share;
		json_object_foreach(json_object_get(m, "payer"), key, share)
		{
			cr_expect_not_null(sector_bearer(root, key), "%s: payer %s", mname, key);
			sum += json_number_value(share);
		}
		cr_expect_float_eq(sum, 1.0, 1e-12, "%s: payer shares", mname);
		json_t *range;
		json_object_foreach(json_object_get(m, "ranges"), key, range)
		{
			double v = num(m, key);
			cr_expect(json_number_value(json_array_get(range, 0)) <= v &&
					  v <= json_number_value(json_array_get(range, 1)),
				  "%s: range of %s", mname, key);
		}
		int duration = (int)num(m, "duration"), lag = (int)num(m, "lag");
		int start_age = (int)num(m, "start_age");
		for (int t = lag; t < duration; t++) {
			size_t ii;
			json_t *it;
			json_array_foreach(json_object_get(group, "items"), ii, it)
			{
				int age = start_age + t;
				json_t *paid = json_object_get(json_object_get(m, "payer"),
							       str(it, "sector"));
				cr_expect(!(paid != NULL && json_number_value(paid) > 0 &&
					    num(it, "from_age") <= age && age <= num(it, "to_age")),
					  "%s saves «%s» at age %d while it runs", mname,
					  str(it, "name"), age);
			}
		}
	}
	json_decref(root);
}
