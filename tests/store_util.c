/* store_util.c: see store_util.h. */
#include "tests/store_util.h"

#include "store/store.h"
#include "tests/testutil_workbook.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <sqlite3.h>
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
	m->payer[BEARER_KOMMUNE].share = 0.25;
	m->payer[BEARER_FYLKESKOMMUNE].share = 0.75;
	m->payer[BEARER_STAT].share = 0.0;
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
	assert_same_rows(a, b);
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

struct store *store_open_ok(const char *path, unsigned flags)
{
	struct store *s = NULL;
	struct store_error err = {0};
	enum store_status st = store_open(path, flags, &s, &err);
	cr_assert_eq(st, STORE_OK, "open: %s", err.message);
	return s;
}

void store_create_sample(const char *path, struct workbook *wb)
{
	struct store_error err = {0};
	sample_workbook(wb);
	cr_assert_eq(store_create(path, wb, &err), STORE_OK, "%s", err.message);
}

struct store *store_open_sample(const char *path, struct workbook *wb, struct workbook *cur)
{
	store_create_sample(path, wb);
	struct store *s = store_open_ok(path, 0);
	workbook_init(cur);
	cr_assert_eq(store_load(s, cur, NULL), STORE_OK);
	return s;
}

void scribble_root_page(const char *file, const char *table)
{
	sqlite3 *db = NULL;
	cr_assert_eq(sqlite3_open_v2(file, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st = NULL;
	cr_assert_eq(sqlite3_prepare_v2(db,
					"SELECT rootpage, (SELECT page_size FROM pragma_page_size) "
					"FROM sqlite_schema WHERE name = ?",
					-1, &st, NULL),
		     SQLITE_OK);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "no table %s", table);
	long page = sqlite3_column_int(st, 0), size = sqlite3_column_int(st, 1);
	sqlite3_finalize(st);
	sqlite3_close(db);
	cr_assert_gt(page, 1);
	char junk[65536];
	cr_assert_leq(size, (long)sizeof junk);
	memset(junk, 0x5a, (size_t)size);
	int fd = open(file, O_WRONLY);
	cr_assert_geq(fd, 0);
	cr_assert_eq(pwrite(fd, junk, (size_t)size, (page - 1) * size), (ssize_t)size);
	close(fd);
}

void store_create_big(const char *file, struct workbook *wb)
{
	sample_workbook(wb);
	for (int i = 0; i < 300; i++) {
		struct measure m;
		sample_measure(&m, "Tiltak med et ganske langt navn for å fylle sider", "barnevern");
		cr_assert_geq(workbook_add_measure(wb, &m), 0);
	}
	struct store_error err = {0};
	cr_assert_eq(store_create(file, wb, &err), STORE_OK, "%s", err.message);
	char side[4200];
	snprintf(side, sizeof side, "%s-wal", file);
	cr_assert(!file_exists(side), "WAL checkpointed and removed on close");
}
