/* store_util.c: see store_util.h. */
#include "tests/store_util.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *tmpdir_make(void)
{
	const char *base = getenv("TMPDIR");
	char templ[4096];
	snprintf(templ, sizeof templ, "%s/utenfor-store-XXXXXX", base && *base ? base : "/tmp");
	char *dir = mkdtemp(templ);
	cr_assert_not_null(dir, "mkdtemp");
	return strdup(dir);
}

void tmpdir_remove(char *dir)
{
	DIR *d = opendir(dir);
	if (d != NULL) {
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char p[4096];
			path_in(p, sizeof p, dir, e->d_name);
			unlink(p);
		}
		closedir(d);
	}
	chmod(dir, 0700);
	rmdir(dir);
	free(dir);
}

void path_in(char *buf, size_t size, const char *dir, const char *name)
{
	snprintf(buf, size, "%s/%s", dir, name);
}

static void add_item(struct target_group *g, const char *name, enum bearer b, double amount,
		     enum amount_unit unit, int from, int to, enum confidence c)
{
	struct cost_item it;
	memset(&it, 0, sizeof it);
	text_set(it.name, sizeof it.name, name);
	text_set(it.source, sizeof it.source, "Testkilde «æøå»");
	it.bearer = b;
	it.amount = amount;
	it.unit = unit;
	it.from_age = from;
	it.to_age = to;
	it.confidence = c;
	cr_assert_geq(target_group_add_item(g, &it), 0);
}

void sample_measure(struct measure *m, const char *name, const char *group)
{
	measure_defaults(m);
	text_set(m->name, sizeof m->name, name);
	text_set(m->group_id, sizeof m->group_id, group);
	m->participants = 80;
	m->start_year = 2027;
	m->start_age = 16;
	m->duration = 2;
	m->cost_per_participant = 7500.25;
	m->payer[BEARER_KOMMUNE] = 0.25;
	m->payer[BEARER_FYLKESKOMMUNE] = 0.75;
	m->payer[BEARER_STAT] = 0.0;
	m->success_rate = 0.2;
	m->deadweight = 0.1;
	m->lag = 1;
	m->effect_years = 0;
	m->decay = 0.05;
	m->enabled = true;
}

void sample_workbook(struct workbook *wb)
{
	workbook_init(wb);
	text_set(wb->params.name, sizeof wb->params.name, "Prøvebok");
	text_set(wb->params.municipality, sizeof wb->params.municipality, "Gausdal");
	wb->params.base_year = 2027;
	wb->params.horizon = 40;
	wb->params.discount.mode = DISCOUNT_FLAT;
	wb->params.discount.rate = 0.035;
	wb->params.g_amount = 130160;

	struct target_group g;
	memset(&g, 0, sizeof g);
	text_set(g.id, sizeof g.id, "frafall-vgs");
	text_set(g.name, sizeof g.name, "Unge som har falt ut");
	text_set(g.description, sizeof g.description, "Beskrivelse\nmed linjeskift");
	g.entry_age = 16;
	add_item(&g, "Merutgifter stat", BEARER_STAT, 20000, UNIT_NOK, 20, 66, CONFIDENCE_C);
	add_item(&g, "AAP", BEARER_STAT, 0.244, UNIT_G, 19, 29, CONFIDENCE_D);
	add_item(&g, "Lavere bruk", BEARER_KOMMUNE, -1234.5, UNIT_NOK, 30, 30, CONFIDENCE_A);
	cr_assert_geq(workbook_add_group(wb, &g), 0);
	target_group_free_items(&g);

	memset(&g, 0, sizeof g);
	text_set(g.id, sizeof g.id, "barnevern");
	text_set(g.name, sizeof g.name, "Barnevern");
	g.entry_age = 10;
	add_item(&g, "Hjelpetiltak", BEARER_KOMMUNE, 33817, UNIT_NOK, 10, 13, CONFIDENCE_B);
	cr_assert_geq(workbook_add_group(wb, &g), 0);
	target_group_free_items(&g);

	struct measure m;
	sample_measure(&m, "Oppfølgingslos", "frafall-vgs");
	cr_assert_geq(workbook_add_measure(wb, &m), 0);
	sample_measure(&m, "Familieveiledning", "barnevern");
	m.effect_years = 12;
	m.enabled = false;
	m.start_age = 10;
	cr_assert_geq(workbook_add_measure(wb, &m), 0);
}

void assert_same_workbook(const struct workbook *a, const struct workbook *b)
{
	cr_assert_str_eq(a->params.name, b->params.name);
	cr_assert_str_eq(a->params.municipality, b->params.municipality);
	cr_assert_eq(a->params.base_year, b->params.base_year);
	cr_assert_eq(a->params.horizon, b->params.horizon);
	cr_assert_eq(a->params.discount.mode, b->params.discount.mode);
	cr_assert(a->params.discount.rate == b->params.discount.rate);
	cr_assert(a->params.g_amount == b->params.g_amount);
	cr_assert_eq(a->group_count, b->group_count);
	for (size_t i = 0; i < a->group_count; i++) {
		const struct target_group *x = &a->groups[i], *y = &b->groups[i];
		cr_assert_str_eq(x->id, y->id);
		cr_assert_str_eq(x->name, y->name);
		cr_assert_str_eq(x->description, y->description);
		cr_assert_eq(x->entry_age, y->entry_age);
		cr_assert_eq(x->item_count, y->item_count, "group %s", x->id);
		for (size_t k = 0; k < x->item_count; k++) {
			const struct cost_item *p = &x->items[k], *q = &y->items[k];
			cr_assert_str_eq(p->name, q->name);
			cr_assert_str_eq(p->source, q->source);
			cr_assert_eq(p->bearer, q->bearer);
			cr_assert(p->amount == q->amount, "%s: %.17g vs %.17g", p->name, p->amount,
				  q->amount);
			cr_assert_eq(p->unit, q->unit);
			cr_assert_eq(p->from_age, q->from_age);
			cr_assert_eq(p->to_age, q->to_age);
			cr_assert_eq(p->confidence, q->confidence);
		}
	}
	cr_assert_eq(a->measure_count, b->measure_count);
	for (size_t i = 0; i < a->measure_count; i++) {
		const struct measure *x = &a->measures[i], *y = &b->measures[i];
		cr_assert_str_eq(x->name, y->name);
		cr_assert_str_eq(x->group_id, y->group_id);
		cr_assert_eq(x->participants, y->participants);
		cr_assert_eq(x->start_year, y->start_year);
		cr_assert_eq(x->start_age, y->start_age);
		cr_assert_eq(x->duration, y->duration);
		cr_assert(x->cost_per_participant == y->cost_per_participant);
		for (int k = 0; k < BEARER_COUNT; k++)
			cr_assert(x->payer[k] == y->payer[k]);
		cr_assert(x->success_rate == y->success_rate);
		cr_assert(x->deadweight == y->deadweight);
		cr_assert_eq(x->lag, y->lag);
		cr_assert_eq(x->effect_years, y->effect_years);
		cr_assert(x->decay == y->decay);
		cr_assert_eq(x->enabled, y->enabled);
	}
}

char *file_read(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "open %s", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	cr_assert_not_null(buf);
	cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*size = (size_t)n;
	return buf;
}

bool file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}
