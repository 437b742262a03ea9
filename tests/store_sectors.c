/*
 * Tests for the version-2 rows of store/ (edit_sector.c, the v3 columns of
 * rows.c and load.c): sectors inserted, renamed and deleted, undoably and
 * shared between two sessions on one file; a sector in use cannot be
 * deleted and the refusal names what uses it; item kind/sector, payer
 * shares per sector, ranges and the new parameters round-trip and undo.
 * Two sessions are two store handles (two connections, two users), which
 * is what two processes see too.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "store/internal.h"
#include "store/store.h"
#include "tests/store_util.h"

STORE_SCRATCH("sektorer.utenfor")

TestSuite(sectors, .init = scratch_setup, .fini = scratch_teardown);

static struct store *session(const char *user)
{
	struct store *s = store_open_ok(path, 0);
	store_set_user(s, user);
	return s;
}

static void reload(struct store *s, struct workbook *wb)
{
	struct store_error err = {0};
	workbook_free(wb);
	workbook_init(wb);
	cr_assert_eq(store_load(s, wb, &err), STORE_OK, "%s", err.message);
}

static struct sector make_sector(const char *id, const char *name, enum bearer b)
{
	struct sector sec;
	memset(&sec, 0, sizeof sec);
	text_set(sec.id, sizeof sec.id, id);
	text_set(sec.name, sizeof sec.name, name);
	text_set(sec.kostra, sizeof sec.kostra, "244, 251, 252");
	sec.bearer = b;
	return sec;
}

Test(sectors, insert_rename_delete_and_undo_each)
{
	struct workbook wb, cur;
	store_create_sample(path, &wb);
	struct store *s = session("kari");
	workbook_init(&cur);
	reload(s, &cur);
	struct store_error err = {0};
	struct sector sec = make_sector("barnevern", "Barnevern", BEARER_KOMMUNE);
	cr_assert_eq(store_insert_sector(s, &sec, NULL, &err), STORE_OK, "%s", err.message);
	cr_assert_gt(sec.row.id, 0);
	reload(s, &cur);
	cr_assert_eq(cur.sector_count, 1);
	cr_assert_str_eq(cur.sectors[0].kostra, "244, 251, 252");
	cr_assert_eq(cur.sectors[0].bearer, BEARER_KOMMUNE);

	/* The same id twice is refused. */
	struct sector dup = make_sector("barnevern", "Igjen", BEARER_KOMMUNE);
	cr_assert_eq(store_insert_sector(s, &dup, NULL, &err), STORE_REFUSED);
	cr_assert(strstr(err.message, "allerede") != NULL, "%s", err.message);
	/* A bearer's name is the implicit sector's id. */
	struct sector stat = make_sector("stat", "Staten", BEARER_STAT);
	cr_assert_eq(store_insert_sector(s, &stat, NULL, &err), STORE_REFUSED);

	text_set(sec.id, sizeof sec.id, "bvt");
	text_set(sec.name, sizeof sec.name, "Barnevernstjenesten");
	cr_assert_eq(store_update_sector(s, &sec, NULL, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(sec.row.version, 2);
	reload(s, &cur);
	cr_assert_str_eq(cur.sectors[0].id, "bvt");
	cr_assert_str_eq(store_undo_label(s), "Endre sektoren «Barnevernstjenesten»");
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	reload(s, &cur);
	cr_assert_str_eq(cur.sectors[0].id, "barnevern");

	cr_assert_eq(store_delete_sector(s, &cur.sectors[0], NULL, &err), STORE_OK, "%s",
		     err.message);
	reload(s, &cur);
	cr_assert_eq(cur.sector_count, 0);
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	reload(s, &cur);
	cr_assert_eq(cur.sector_count, 1);
	cr_assert_eq(cur.sectors[0].row.id, sec.row.id, "back under its own id");
	cr_assert_eq(store_undo(s, &err), STORE_OK, "undo the insert: %s", err.message);
	reload(s, &cur);
	cr_assert_eq(cur.sector_count, 0);
	store_close(s);
	workbook_free(&wb);
	workbook_free(&cur);
}

/* A workbook with sector "barnevern" used by an item and by a payer. */
static struct store *with_used_sector(struct workbook *cur)
{
	struct workbook wb;
	store_create_sample(path, &wb);
	workbook_free(&wb);
	struct store *s = session("kari");
	workbook_init(cur);
	struct store_error err = {0};
	struct sector sec = make_sector("barnevern", "Barnevern", BEARER_KOMMUNE);
	cr_assert_eq(store_insert_sector(s, &sec, NULL, &err), STORE_OK, "%s", err.message);
	reload(s, cur);
	struct target_group *g = &cur->groups[1]; /* barnevern: Hjelpetiltak, kommune */
	struct cost_item it = g->items[0];
	it.kind = ITEM_SERVICE;
	text_set(it.sector, sizeof it.sector, "barnevern");
	cr_assert_eq(store_update_item(s, g, &it, NULL, &err), STORE_OK, "%s", err.message);
	struct measure m = cur->measures[0];
	m.payer_count = 0;
	cr_assert(measure_payer_set(&m, "barnevern", 0.6));
	cr_assert(measure_payer_set(&m, "stat", 0.4));
	cr_assert_eq(store_update_measure(s, &m, NULL, &err), STORE_OK, "%s", err.message);
	reload(s, cur);
	return s;
}

Test(sectors, item_sector_and_payer_shares_round_trip)
{
	struct workbook cur;
	struct store *s = with_used_sector(&cur);
	cr_assert_str_eq(cur.groups[1].items[0].sector, "barnevern");
	cr_assert_eq(cur.measures[0].payer_count, 2);
	cr_assert_str_eq(cur.measures[0].payer[0].sector, "barnevern", "order kept");
	cr_assert(cur.measures[0].payer[0].share == 0.6);
	cr_assert(cur.measures[0].payer[1].share == 0.4);

	/* Renaming the sector's id moves nothing: both still refer to it. */
	struct store_error err = {0};
	struct sector sec = cur.sectors[0];
	text_set(sec.id, sizeof sec.id, "bv");
	cr_assert_eq(store_update_sector(s, &sec, NULL, &err), STORE_OK, "%s", err.message);
	reload(s, &cur);
	cr_assert_str_eq(cur.groups[1].items[0].sector, "bv");
	cr_assert_str_eq(cur.measures[0].payer[0].sector, "bv");

	/* A society item has neither bearer nor sector. */
	struct cost_item it = cur.groups[0].items[0];
	it.kind = ITEM_PRODUCTION;
	it.bearer = BEARER_NONE;
	it.sector[0] = '\0';
	cr_assert_eq(store_update_item(s, &cur.groups[0], &it, NULL, &err), STORE_OK, "%s",
		     err.message);
	/* A sector of another bearer is refused, naming both. */
	struct cost_item wrong = cur.groups[0].items[1]; /* AAP, stat */
	text_set(wrong.sector, sizeof wrong.sector, "bv");
	cr_assert_eq(store_update_item(s, &cur.groups[0], &wrong, NULL, &err), STORE_REFUSED);
	cr_assert(strstr(err.message, "«bv» hører til kommune") != NULL, "%s", err.message);
	reload(s, &cur);
	cr_assert_eq(cur.groups[0].items[0].kind, ITEM_PRODUCTION);
	cr_assert_eq(cur.groups[0].items[0].bearer, BEARER_NONE);
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	reload(s, &cur);
	cr_assert_eq(cur.groups[0].items[0].kind, ITEM_SERVICE);
	cr_assert_eq(cur.groups[0].items[0].bearer, BEARER_STAT);
	store_close(s);
	workbook_free(&cur);
}

Test(sectors, delete_is_refused_while_in_use_naming_the_users)
{
	struct workbook cur;
	struct store *s = with_used_sector(&cur);
	struct store_error err = {0};
	cr_assert_eq(store_delete_sector(s, &cur.sectors[0], NULL, &err), STORE_REFUSED);
	cr_assert(strstr(err.message, "kostnadsposten «Hjelpetiltak» i «Barnevern»") != NULL, "%s",
		  err.message);
	cr_assert(strstr(err.message, "tiltaket «Oppfølgingslos»") != NULL, "%s", err.message);
	cr_assert(strchr(err.message, '\n') == NULL);
	/* Moving it to another bearer would move its items' budget: refused too. */
	struct sector sec = cur.sectors[0];
	sec.bearer = BEARER_STAT;
	cr_assert_eq(store_update_sector(s, &sec, NULL, &err), STORE_REFUSED);
	cr_assert(strstr(err.message, "Hjelpetiltak") != NULL, "%s", err.message);
	struct workbook after;
	workbook_init(&after);
	reload(s, &after);
	cr_assert_eq(after.sector_count, 1, "nothing deleted");
	cr_assert_eq(after.sectors[0].bearer, BEARER_KOMMUNE);

	/* Once nothing uses it, it goes. */
	struct cost_item it = after.groups[1].items[0];
	it.sector[0] = '\0';
	cr_assert_eq(store_update_item(s, &after.groups[1], &it, NULL, &err), STORE_OK, "%s",
		     err.message);
	struct measure m = after.measures[0];
	m.payer_count = 0;
	cr_assert(measure_payer_set(&m, "kommune", 1.0));
	cr_assert_eq(store_update_measure(s, &m, NULL, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_delete_sector(s, &after.sectors[0], NULL, &err), STORE_OK, "%s",
		     err.message);
	/* Undo in order: the sector comes back before what used it. */
	for (int i = 0; i < 3; i++)
		cr_assert_eq(store_undo(s, &err), STORE_OK, "undo %d: %s", i, err.message);
	reload(s, &after);
	cr_assert_eq(after.sector_count, 1);
	cr_assert_str_eq(after.groups[1].items[0].sector, "barnevern");
	store_close(s);
	workbook_free(&cur);
	workbook_free(&after);
}

Test(sectors, two_sessions_see_each_others_sector_edits_and_conflicts_are_refused)
{
	struct workbook wb;
	store_create_sample(path, &wb);
	workbook_free(&wb);
	struct store *a = session("kari"), *b = session("ola");
	struct workbook wa, wbb;
	workbook_init(&wa);
	workbook_init(&wbb);
	reload(a, &wa);
	reload(b, &wbb);
	struct store_error err = {0};
	struct sector sec = make_sector("nav", "NAV", BEARER_STAT);
	cr_assert_eq(store_insert_sector(a, &sec, NULL, &err), STORE_OK, "%s", err.message);
	cr_assert(store_changed_elsewhere(b), "B notices A's sector");
	reload(b, &wbb);
	cr_assert_eq(wbb.sector_count, 1);
	cr_assert_str_eq(wbb.sectors[0].name, "NAV");

	/* Both rename from the same version: the second is refused, not lost. */
	struct sector sa = wbb.sectors[0], sb = wbb.sectors[0];
	text_set(sa.name, sizeof sa.name, "NAV stat");
	text_set(sb.name, sizeof sb.name, "Arbeid og velferd");
	cr_assert_eq(store_update_sector(b, &sb, NULL, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_update_sector(a, &sa, NULL, &err), STORE_CONFLICT);
	cr_assert(strstr(err.message, "endret av en annen") != NULL, "%s", err.message);
	reload(a, &wa);
	cr_assert_str_eq(wa.sectors[0].name, "Arbeid og velferd");
	/* A deletes a sector B is renaming: B is told it is gone. */
	cr_assert_eq(store_delete_sector(a, &wa.sectors[0], NULL, &err), STORE_OK, "%s",
		     err.message);
	text_set(sb.name, sizeof sb.name, "NAV igjen");
	cr_assert_eq(store_update_sector(b, &sb, NULL, &err), STORE_CONFLICT);
	cr_assert(strstr(err.message, "slettet") != NULL, "%s", err.message);
	/* B cannot undo its rename over A's deletion. */
	cr_assert_eq(store_undo(b, &err), STORE_CONFLICT, "%s", err.message);
	store_close(a);
	store_close(b);
	workbook_free(&wa);
	workbook_free(&wbb);
}

Test(sectors, a_concurrent_edit_of_one_share_is_a_conflict_on_the_measure)
{
	struct workbook wb;
	store_create_sample(path, &wb);
	workbook_free(&wb);
	struct store *a = session("kari"), *b = session("ola");
	struct workbook wa, wbb;
	workbook_init(&wa);
	workbook_init(&wbb);
	reload(a, &wa);
	reload(b, &wbb);
	struct store_error err = {0};
	struct measure ma = wa.measures[0], mb = wbb.measures[0];
	cr_assert(measure_payer_set(&ma, "kommune", 0.5));
	cr_assert(measure_payer_set(&ma, "fylkeskommune", 0.5));
	cr_assert(measure_payer_set(&mb, "kommune", 0.0));
	cr_assert(measure_payer_set(&mb, "fylkeskommune", 1.0));
	cr_assert_eq(store_update_measure(a, &ma, NULL, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_update_measure(b, &mb, NULL, &err), STORE_CONFLICT);
	reload(b, &wbb);
	cr_assert(measure_payer_share(&wbb.measures[0], "kommune") == 0.5, "A's shares kept");
	store_close(a);
	store_close(b);
	workbook_free(&wa);
	workbook_free(&wbb);
}

Test(sectors, new_parameters_and_ranges_round_trip_and_undo)
{
	struct workbook wb, cur;
	struct store *s = store_open_sample(path, &wb, &cur);
	struct store_error err = {0};
	struct workbook_params p = cur.params;
	p.price_year = 2025;
	p.real_growth = -0.0125;
	p.plan.start_year = 2028;
	p.plan.years = 6;
	p.uncertainty.draws = 250000;
	p.uncertainty.seed = 9007199254740992ULL;
	p.uncertainty.spread[CONFIDENCE_B] = 0.25;
	p.tax_cost = 0.0;
	cr_assert_eq(store_update_params(s, &p, NULL, &err), STORE_OK, "%s", err.message);
	struct measure m = cur.measures[0];
	m.ranges[RANGE_COST_PER_PARTICIPANT] = (struct value_range){true, 5000, 9000.5};
	m.ranges[RANGE_DECAY] = (struct value_range){true, 0, 0.05};
	cr_assert_eq(store_update_measure(s, &m, NULL, &err), STORE_OK, "%s", err.message);
	/* A range that does not enclose its value is refused by validation. */
	struct measure bad = m;
	bad.ranges[RANGE_SUCCESS_RATE] = (struct value_range){true, 0.3, 0.4};
	cr_assert_eq(store_update_measure(s, &bad, NULL, &err), STORE_REFUSED);
	reload(s, &cur);
	cr_assert_eq(cur.params.price_year, 2025);
	cr_assert(cur.params.real_growth == -0.0125);
	cr_assert_eq(cur.params.plan.start_year, 2028);
	cr_assert_eq(cur.params.plan.years, 6);
	cr_assert_eq(cur.params.uncertainty.draws, 250000);
	cr_assert_eq(cur.params.uncertainty.seed, 9007199254740992ULL);
	cr_assert(cur.params.uncertainty.spread[CONFIDENCE_B] == 0.25);
	cr_assert(cur.params.tax_cost == 0.0);
	cr_assert(cur.measures[0].ranges[RANGE_COST_PER_PARTICIPANT].set);
	cr_assert(cur.measures[0].ranges[RANGE_COST_PER_PARTICIPANT].high == 9000.5);
	cr_assert(cur.measures[0].ranges[RANGE_DECAY].low == 0);
	cr_assert(!cur.measures[0].ranges[RANGE_SUCCESS_RATE].set);
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	reload(s, &cur);
	assert_same_workbook(&wb, &cur);
	cr_assert(!cur.measures[0].ranges[RANGE_DECAY].set);
	store_close(s);
	workbook_free(&wb);
	workbook_free(&cur);
}

/*
 * Issue 18 item 2: a measure is linked to its group's row.  Someone swaps
 * two groups' text ids while a measure of one of them is being edited; the
 * save must not move the measure to the other group.
 */
static struct store *swap_group_ids(struct workbook *mine, struct store **other)
{
	struct workbook wb;
	store_create_sample(path, &wb);
	workbook_free(&wb);
	struct store *s = session("kari");
	workbook_init(mine);
	reload(s, mine); /* kari opens the measure for editing here */
	*other = session("ola");
	struct workbook theirs;
	workbook_init(&theirs);
	reload(*other, &theirs);
	struct store_error err = {0};
	struct target_group g0 = theirs.groups[0], g1 = theirs.groups[1];
	g0.items = g1.items = NULL;
	g0.item_count = g1.item_count = 0;
	text_set(g0.id, sizeof g0.id, "midlertidig");
	cr_assert_eq(store_update_group(*other, &g0, NULL, &err), STORE_OK, "%s", err.message);
	text_set(g1.id, sizeof g1.id, "frafall-vgs");
	cr_assert_eq(store_update_group(*other, &g1, NULL, &err), STORE_OK, "%s", err.message);
	workbook_free(&theirs);
	return s;
}

Test(sectors, renamed_group_ids_cannot_move_a_measure_being_edited)
{
	struct workbook mine;
	struct store *other = NULL;
	struct store *s = swap_group_ids(&mine, &other);
	int64_t group_row = mine.groups[0].row.id;
	struct measure m = mine.measures[0]; /* Oppfølgingslos, group frafall-vgs */
	m.participants = 95;
	struct store_error err = {0};
	cr_assert_eq(store_update_measure(s, &m, NULL, &err), STORE_CONFLICT,
		     "must not save into the group now called frafall-vgs");
	cr_assert(strstr(err.message, "har fått id «midlertidig»") != NULL, "%s", err.message);
	struct workbook now;
	workbook_init(&now);
	reload(s, &now);
	cr_assert_eq(now.measures[0].participants, 80, "nothing written");
	cr_assert_str_eq(now.measures[0].group_id, "midlertidig", "still in its own group");
	cr_assert_eq(now.measures[0].group_row.id, group_row);
	/* After reloading the edit goes through, in the same group row. */
	m = now.measures[0];
	m.participants = 95;
	cr_assert_eq(store_update_measure(s, &m, NULL, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(m.group_row.id, group_row);
	store_close(s);
	store_close(other);
	workbook_free(&mine);
	workbook_free(&now);
}

Test(sectors, choosing_another_group_moves_the_measure)
{
	struct workbook wb, cur;
	struct store *s = store_open_sample(path, &wb, &cur);
	struct store_error err = {0};
	/* By the helper (row and id together)… */
	struct measure m = cur.measures[0];
	store_measure_set_group(&m, &cur.groups[1]);
	cr_assert_eq(store_update_measure(s, &m, NULL, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(m.group_row.id, cur.groups[1].row.id);
	/* …or by the text id alone, as a form that only knows ids does. */
	text_set(m.group_id, sizeof m.group_id, "frafall-vgs");
	cr_assert_eq(store_update_measure(s, &m, NULL, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(m.group_row.id, cur.groups[0].row.id);
	reload(s, &cur);
	cr_assert_str_eq(cur.measures[0].group_id, "frafall-vgs");
	store_close(s);
	workbook_free(&wb);
	workbook_free(&cur);
}

Test(sectors, a_measure_moved_by_someone_else_says_so)
{
	struct workbook wb, mine;
	struct store *s = store_open_sample(path, &wb, &mine);
	struct store *other = session("ola");
	struct workbook theirs;
	workbook_init(&theirs);
	reload(other, &theirs);
	struct store_error err = {0};
	struct measure t = theirs.measures[0];
	store_measure_set_group(&t, &theirs.groups[1]);
	cr_assert_eq(store_update_measure(other, &t, NULL, &err), STORE_OK, "%s", err.message);
	struct measure m = mine.measures[0];
	m.success_rate = 0.3;
	cr_assert_eq(store_update_measure(s, &m, NULL, &err), STORE_CONFLICT);
	cr_assert(strstr(err.message, "flyttet til målgruppen «Barnevern» av en annen") != NULL,
		  "%s", err.message);
	store_close(s);
	store_close(other);
	workbook_free(&wb);
	workbook_free(&mine);
	workbook_free(&theirs);
}
