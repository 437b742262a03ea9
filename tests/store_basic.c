/*
 * Tests for store/: creating, loading and editing a workbook file, row
 * versions and conflicts, file modes and names, the default workbook.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/validate.h"
#include "store/internal.h"
#include "store/store.h"
#include "tests/store_util.h"

STORE_SCRATCH("bok.utenfor")

TestSuite(store, .init = scratch_setup, .fini = scratch_teardown);

Test(store, create_load_round_trip)
{
	struct workbook wb, back;
	store_create_sample(path, &wb);
	struct store *s = store_open_ok(path, 0);
	workbook_init(&back);
	struct store_error err = {0};
	cr_assert_eq(store_load(s, &back, &err), STORE_OK, "%s", err.message);
	assert_same_workbook(&wb, &back);
	/* Rows carry identities and start at version 1. */
	cr_assert_gt(back.groups[0].row.id, 0);
	cr_assert_eq(back.groups[0].row.version, 1);
	cr_assert_gt(back.groups[0].items[2].row.id, 0);
	cr_assert_eq(back.measures[1].row.version, 1);
	cr_assert_eq(back.params.row.id, 1);
	store_close(s);
	workbook_free(&wb);
	workbook_free(&back);
}

Test(store, default_workbook_is_valid_and_stores)
{
	struct workbook wb, back;
	workbook_init(&wb);
	cr_assert_eq(store_default_workbook(&wb), 0);
	struct problems pr;
	problems_clear(&pr);
	char line[512] = "";
	bool ok = validate_workbook(&wb, &pr);
	if (!ok)
		problem_format(&pr.list[0], line, sizeof line);
	cr_assert(ok, "%s", line);
	cr_assert_eq(wb.group_count, 7);
	cr_assert_str_eq(wb.params.name, "Eksempel");
	cr_assert_str_eq(wb.params.municipality, "Eksempelkommune");
	cr_assert_eq(wb.params.base_year, 2027);
	cr_assert(wb.params.g_amount == 130160.0);
	cr_assert_eq(wb.params.discount.mode, DISCOUNT_R109);
	const char *ids[] = {"frafall-vgs", "lavinntekt-innvandrerforeldre", "lavinntekt-trygd",
			     "foreldre-psykisk-rus", "barnevern-hjelpetiltak", "atferdsvansker",
			     "angst-depresjon"};
	for (size_t i = 0; i < 7; i++) {
		long g = workbook_find_group(&wb, ids[i]);
		cr_assert_geq(g, 0, "%s", ids[i]);
		cr_assert_gt(wb.groups[g].item_count, 0);
		for (size_t k = 0; k < wb.groups[g].item_count; k++)
			cr_assert_neq(wb.groups[g].items[k].source[0], '\0', "source missing");
	}
	/* MODEL.md's dropout example. */
	cr_assert_str_eq(wb.measures[0].group_id, "frafall-vgs");
	cr_assert_eq(wb.measures[0].participants, 80);
	cr_assert(wb.measures[0].cost_per_participant == 7500);
	cr_assert(wb.measures[0].payer[BEARER_FYLKESKOMMUNE].share == 1.0);
	/* Hjelpetiltak: 135 268 over four years, for the kommune. */
	long bv = workbook_find_group(&wb, "barnevern-hjelpetiltak");
	cr_assert(wb.groups[bv].items[0].amount == 33817);
	cr_assert_eq(wb.groups[bv].items[0].bearer, BEARER_KOMMUNE);

	struct store_error err = {0};
	cr_assert_eq(store_create(path, &wb, &err), STORE_OK, "%s", err.message);
	struct store *s = store_open_ok(path, 0);
	workbook_init(&back);
	cr_assert_eq(store_load(s, &back, &err), STORE_OK, "%s", err.message);
	assert_same_workbook(&wb, &back);
	store_close(s);
	workbook_free(&wb);
	workbook_free(&back);
}

Test(store, create_default_when_missing)
{
	struct store *s = store_open_ok(path, STORE_OPEN_CREATE_DEFAULT);
	struct workbook wb;
	workbook_init(&wb);
	struct store_error err = {0};
	cr_assert_eq(store_load(s, &wb, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(wb.group_count, 7);
	cr_assert_eq(wb.measure_count, 3);
	store_close(s);
	workbook_free(&wb);
}

Test(store, empty_workbook_loads)
{
	struct store_error err = {0};
	cr_assert_eq(store_create(path, NULL, &err), STORE_OK, "%s", err.message);
	struct store *s = store_open_ok(path, 0);
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(store_load(s, &wb, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(wb.group_count, 0);
	cr_assert_eq(wb.measure_count, 0);
	cr_assert_eq(wb.params.horizon, HORIZON_DEFAULT);
	store_close(s);
	workbook_free(&wb);
}

Test(store, new_files_are_0600)
{
	umask(022);
	struct workbook wb;
	store_create_sample(path, &wb);
	struct stat st;
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600, "mode %o", st.st_mode & 0777);
	/* The WAL and shared-memory files exist while open and inherit it. */
	struct store *s = store_open_ok(path, 0);
	struct measure m = wb.measures[0];
	struct workbook cur;
	workbook_init(&cur);
	cr_assert_eq(store_load(s, &cur, NULL), STORE_OK);
	m = cur.measures[0];
	m.participants = 81;
	cr_assert_eq(store_update_measure(s, &m, NULL, NULL), STORE_OK);
	char side[4200];
	snprintf(side, sizeof side, "%s-wal", path);
	cr_assert_eq(stat(side, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600, "wal mode %o", st.st_mode & 0777);
	snprintf(side, sizeof side, "%s-shm", path);
	cr_assert_eq(stat(side, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600, "shm mode %o", st.st_mode & 0777);
	store_close(s);
	workbook_free(&wb);
	workbook_free(&cur);
}

Test(store, create_refuses_existing_and_missing_open)
{
	struct store_error err = {0};
	struct store *s = NULL;
	cr_assert_eq(store_open(path, 0, &s, &err), STORE_IO);
	cr_assert_null(s);
	cr_assert(strstr(err.message, "finnes ikke") != NULL, "%s", err.message);
	cr_assert(strstr(err.message, path) != NULL, "names the file: %s", err.message);
	cr_assert_eq(store_create(path, NULL, &err), STORE_OK);
	cr_assert_eq(store_create(path, NULL, &err), STORE_EXISTS);
	cr_assert(strstr(err.message, "finnes allerede") != NULL, "%s", err.message);
}

Test(store, invalid_initial_is_refused_and_nothing_created)
{
	struct workbook wb;
	sample_workbook(&wb);
	wb.measures[0].participants = 0;
	struct store_error err = {0};
	cr_assert_eq(store_create(path, &wb, &err), STORE_REFUSED);
	cr_assert(strstr(err.message, "participants") != NULL, "%s", err.message);
	cr_assert(!file_exists(path));
	workbook_free(&wb);
}

Test(store, edits_bump_versions_and_persist)
{
	struct workbook wb, cur;
	struct store *s = store_open_sample(path, &wb, &cur);
	struct store_error err = {0};

	struct measure m = cur.measures[0];
	m.success_rate = 0.35;
	cr_assert_eq(store_update_measure(s, &m, "Endre suksessrate", &err), STORE_OK, "%s",
		     err.message);
	cr_assert_eq(m.row.version, 2);

	struct workbook_params p = cur.params;
	p.horizon = 60;
	cr_assert_eq(store_update_params(s, &p, NULL, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(p.row.version, 2);

	struct measure n;
	sample_measure(&n, "Nytt tiltak", "barnevern");
	cr_assert_eq(store_insert_measure(s, &n, NULL, &err), STORE_OK, "%s", err.message);
	cr_assert_gt(n.row.id, m.row.id);
	cr_assert_eq(n.row.version, 1);

	struct cost_item it = cur.groups[1].items[0];
	it.amount = 40000;
	cr_assert_eq(store_update_item(s, &cur.groups[1], &it, NULL, &err), STORE_OK, "%s",
		     err.message);
	struct cost_item ni = it;
	ni.row = (struct row_ref){0, 0};
	text_set(ni.name, sizeof ni.name, "Ny post");
	cr_assert_eq(store_insert_item(s, &cur.groups[1], &ni, NULL, &err), STORE_OK, "%s",
		     err.message);
	cr_assert_eq(store_delete_item(s, &cur.groups[0].items[1], NULL, &err), STORE_OK, "%s",
		     err.message);
	cr_assert_eq(store_delete_measure(s, &cur.measures[1], NULL, &err), STORE_OK, "%s",
		     err.message);
	struct target_group g = cur.groups[0];
	text_set(g.name, sizeof g.name, "Nytt navn");
	cr_assert_eq(store_update_group(s, &g, NULL, &err), STORE_OK, "%s", err.message);
	store_close(s);

	s = store_open_ok(path, 0);
	struct workbook after;
	workbook_init(&after);
	cr_assert_eq(store_load(s, &after, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(after.params.horizon, 60);
	cr_assert_eq(after.measure_count, 2);
	cr_assert(after.measures[0].success_rate == 0.35);
	cr_assert_str_eq(after.measures[1].name, "Nytt tiltak");
	cr_assert_eq(after.groups[0].item_count, 2);
	cr_assert_str_eq(after.groups[0].items[1].name, "Lavere bruk");
	cr_assert_str_eq(after.groups[0].name, "Nytt navn");
	cr_assert_eq(after.groups[1].item_count, 2);
	cr_assert(after.groups[1].items[0].amount == 40000);
	cr_assert_str_eq(after.groups[1].items[1].name, "Ny post");
	store_close(s);
	workbook_free(&wb);
	workbook_free(&cur);
	workbook_free(&after);
}

Test(store, refused_edit_writes_nothing)
{
	struct workbook wb, cur;
	struct store *s = store_open_sample(path, &wb, &cur);
	struct store_error err = {0};
	struct measure m = cur.measures[0];
	m.success_rate = 1.5;
	cr_assert_eq(store_update_measure(s, &m, NULL, &err), STORE_REFUSED);
	cr_assert(strstr(err.message, "success_rate") != NULL, "%s", err.message);
	cr_assert_eq(m.row.version, 1);
	m = cur.measures[0];
	text_set(m.group_id, sizeof m.group_id, "finnes-ikke");
	cr_assert_eq(store_update_measure(s, &m, NULL, &err), STORE_REFUSED);
	cr_assert(strstr(err.message, "finnes-ikke") != NULL, "%s", err.message);
	/* A second group with an existing id. */
	struct target_group g = cur.groups[1];
	text_set(g.id, sizeof g.id, "frafall-vgs");
	cr_assert_eq(store_update_group(s, &g, NULL, &err), STORE_REFUSED);
	cr_assert(strstr(err.message, "frafall-vgs") != NULL, "%s", err.message);
	/* Deleting a group in use names the measure. */
	cr_assert_eq(store_delete_group(s, &cur.groups[0], NULL, &err), STORE_REFUSED);
	cr_assert(strstr(err.message, "Oppfølgingslos") != NULL, "%s", err.message);
	cr_assert_null(store_undo_label(s), "refused edits are not in the history");

	struct workbook after;
	workbook_init(&after);
	cr_assert_eq(store_load(s, &after, NULL), STORE_OK);
	assert_same_workbook(&wb, &after);
	cr_assert_eq(after.measures[0].row.version, 1);
	store_close(s);
	workbook_free(&wb);
	workbook_free(&cur);
	workbook_free(&after);
}

Test(store, stale_version_is_a_conflict_naming_the_row)
{
	struct workbook wb, a, b;
	store_create_sample(path, &wb);
	struct store *s1 = store_open_ok(path, 0), *s2 = store_open_ok(path, 0);
	workbook_init(&a);
	workbook_init(&b);
	cr_assert_eq(store_load(s1, &a, NULL), STORE_OK);
	cr_assert_eq(store_load(s2, &b, NULL), STORE_OK);
	cr_assert(!store_changed_elsewhere(s2));
	struct store_error err = {0};
	a.measures[0].participants = 100;
	cr_assert_eq(store_update_measure(s1, &a.measures[0], NULL, &err), STORE_OK);
	cr_assert(store_changed_elsewhere(s2));
	cr_assert(!store_changed_elsewhere(s1), "own edits are not 'elsewhere'");
	b.measures[0].participants = 200;
	cr_assert_eq(store_update_measure(s2, &b.measures[0], NULL, &err), STORE_CONFLICT);
	cr_assert(strstr(err.message, "«Oppfølgingslos» er endret av en annen") != NULL, "%s",
		  err.message);
	cr_assert_eq(store_delete_measure(s2, &b.measures[0], NULL, &err), STORE_CONFLICT);
	/* Deleted elsewhere, then updated here. */
	cr_assert_eq(store_delete_measure(s1, &a.measures[1], NULL, &err), STORE_OK);
	b.measures[1].participants = 3;
	cr_assert_eq(store_update_measure(s2, &b.measures[1], NULL, &err), STORE_CONFLICT);
	cr_assert(strstr(err.message, "slettet") != NULL, "%s", err.message);

	struct workbook after;
	workbook_init(&after);
	cr_assert_eq(store_load(s2, &after, NULL), STORE_OK);
	cr_assert(!store_changed_elsewhere(s2));
	cr_assert_eq(after.measures[0].participants, 100, "the first writer's edit stands");
	store_close(s1);
	store_close(s2);
	workbook_free(&wb);
	workbook_free(&a);
	workbook_free(&b);
	workbook_free(&after);
}

Test(store, default_path_under_xdg_data_home)
{
	char buf[4096];
	setenv("XDG_DATA_HOME", dir, 1);
	cr_assert(store_default_path(buf, sizeof buf));
	char want[4200];
	snprintf(want, sizeof want, "%s/utenfor/arbeidsbok.utenfor", dir);
	cr_assert_str_eq(buf, want);
	char sub[4200];
	snprintf(sub, sizeof sub, "%s/utenfor", dir);
	struct stat st;
	cr_assert_eq(stat(sub, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0700);
	rmdir(sub);
}

Test(store, schema_version_is_three)
{
	cr_assert_eq(store_schema_version(), 3);
}

Test(store, file_colon_name_is_a_plain_file_not_a_uri)
{
	cr_assert_eq(chdir(dir), 0);
	const char *name = "file:bok.utenfor?mode=memory";
	struct store_error err = {0};
	cr_assert_eq(store_create(name, NULL, &err), STORE_OK, "%s", err.message);
	char full[4200];
	snprintf(full, sizeof full, "%s/%s", dir, name);
	cr_assert(file_exists(full), "the file has exactly the given name");
	struct store *s = NULL;
	cr_assert_eq(store_open(name, 0, &s, &err), STORE_OK, "%s", err.message);
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(store_load(s, &wb, &err), STORE_OK, "%s", err.message);
	struct measure m;
	sample_measure(&m, "Ett", "ingen");
	cr_assert_eq(store_insert_measure(s, &m, NULL, &err), STORE_REFUSED);
	store_close(s);
	workbook_free(&wb);
}

/*
 * A WAL workbook in a directory we cannot write, with no -shm file: SQLite
 * cannot open it normally, so the store reads it as immutable.  Root can
 * write anywhere, so as root the reading is done by a child that drops to
 * an unprivileged user.
 */
static int entries(const char *d)
{
	DIR *dh = opendir(d);
	cr_assert_not_null(dh);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(dh)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(dh);
	return n;
}

Test(store, create_leaves_only_the_workbook)
{
	struct workbook wb;
	store_create_sample(path, &wb);
	cr_assert_eq(entries(dir), 1, "no temporary, -wal or -shm files left");
	struct store_error err = {0};
	cr_assert_eq(store_create(path, &wb, &err), STORE_EXISTS);
	cr_assert_eq(entries(dir), 1);
	char missing[4200];
	snprintf(missing, sizeof missing, "%s/mangler/bok.utenfor", dir);
	cr_assert_eq(store_create(missing, &wb, &err), STORE_IO);
	cr_assert(strstr(err.message, "mappen finnes ikke") != NULL, "%s", err.message);
	workbook_free(&wb);
}

/* A full disk, simulated with SQLite's page limit on this connection. */
Test(store, full_disk_is_reported_and_nothing_half_saved)
{
	struct workbook wb, cur;
	struct store *s = store_open_sample(path, &wb, &cur);
	cr_assert_eq(sqlite3_exec(s->db, "PRAGMA max_page_count = 1", NULL, NULL, NULL), SQLITE_OK);
	struct workbook big;
	workbook_init(&big);
	cr_assert_eq(store_default_workbook(&big), 0);
	struct store_error err = {0};
	cr_assert_eq(store_replace_all(s, &big, NULL, &err), STORE_FULL);
	cr_assert(strstr(err.message, "disken er full") != NULL, "%s", err.message);
	cr_assert_null(store_undo_label(s), "the failed edit is not in the history");
	store_close(s);
	s = store_open_ok(path, 0);
	struct workbook after;
	workbook_init(&after);
	cr_assert_eq(store_load(s, &after, NULL), STORE_OK);
	assert_same_workbook(&wb, &after);
	store_close(s);
	workbook_free(&wb);
	workbook_free(&cur);
	workbook_free(&big);
	workbook_free(&after);
}
