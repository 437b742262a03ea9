/*
 * session_copy_group.c: a target group of the example data copied into a
 * workbook (session_copy_default_group, issue 15 item 4): every item as
 * shipped (kind, sector, source, grade), the sectors it needs added, a
 * free name when the name or id is taken, one undo taking it all back,
 * and the refusals that write nothing.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <string.h>

#include "session/session.h"
#include "store/store.h"
#include "tests/store_util.h"

STORE_SCRATCH("kopi.utenfor")

TestSuite(copy_group, .init = scratch_setup, .fini = scratch_teardown, .timeout = 30);

static struct session *open_new(const struct workbook *initial)
{
	struct store_error err;
	cr_assert_eq(store_create(path, initial, &err), STORE_OK, "%s", err.message);
	struct session *s = NULL;
	struct diag d;
	cr_assert_eq(session_open(path, 0, &s, NULL, &d), DIAG_OK, "%s", d.message);
	return s;
}

static void example(struct workbook *ex)
{
	workbook_init(ex);
	cr_assert_eq(session_example_workbook(ex), 0);
}

/* Declared sectors in the file, as another program reading the file sees them. */
static size_t file_sector_count(void)
{
	struct session *o = NULL;
	struct diag d;
	cr_assert_eq(session_open(path, SESSION_READ_ONLY, &o, NULL, &d), DIAG_OK);
	size_t n = session_workbook(o)->sector_count;
	session_close(o);
	return n;
}

static void assert_same_items(const struct target_group *a, const struct target_group *b)
{
	cr_assert_eq(a->item_count, b->item_count);
	cr_assert_eq(a->entry_age, b->entry_age);
	cr_assert_str_eq(a->description, b->description);
	for (size_t i = 0; i < a->item_count; i++) {
		const struct cost_item *x = &a->items[i], *y = &b->items[i];
		cr_assert_str_eq(x->name, y->name);
		cr_assert_eq(x->kind, y->kind, "%s", x->name);
		cr_assert_eq(x->bearer, y->bearer, "%s", x->name);
		cr_assert_str_eq(x->sector, y->sector, "%s", x->name);
		cr_assert_eq(x->amount, y->amount, "%s", x->name);
		cr_assert_eq(x->unit, y->unit, "%s", x->name);
		cr_assert_eq(x->from_age, y->from_age, "%s", x->name);
		cr_assert_eq(x->to_age, y->to_age, "%s", x->name);
		cr_assert_str_eq(x->source, y->source, "%s", x->name);
		cr_assert_eq(x->confidence, y->confidence, "%s", x->name);
	}
}

Test(copy_group, into_an_empty_workbook_with_its_sectors_and_one_undo)
{
	struct session *s = open_new(NULL);
	struct workbook ex;
	example(&ex);
	long gi = session_default_group_find(&ex, "FRAFALL-VGS");
	cr_assert_geq(gi, 0);
	struct row_key made;
	struct diag d;
	cr_assert_eq(session_copy_default_group(s, "frafall-vgs", &made, &d), DIAG_OK, "%s",
		     d.message);
	cr_assert(strstr(d.message, "Kopierte målgruppen «Unge som har falt ut av videregående»"),
		  "%s", d.message);
	cr_assert(strstr(d.message, "nye sektorer: «"), "%s", d.message);
	const struct workbook *wb = session_workbook(s);
	long i = session_index(s, made, NULL);
	cr_assert_eq(i, 0);
	cr_assert_str_eq(wb->groups[0].id, "frafall-vgs");
	cr_assert_str_eq(wb->groups[0].name, ex.groups[gi].name);
	assert_same_items(&wb->groups[0], &ex.groups[gi]);
	/* Every sector an item names is there, with the example's bearer. */
	for (size_t k = 0; k < wb->groups[0].item_count; k++) {
		const struct cost_item *it = &wb->groups[0].items[k];
		if (it->sector[0] == '\0')
			continue;
		long si = workbook_sector_index(wb, it->sector);
		cr_assert_geq(si, 0, "sector %s missing", it->sector);
		cr_assert_eq(workbook_sector_bearer(wb, (size_t)si), it->bearer);
	}
	size_t sectors = wb->sector_count;
	cr_assert_gt(sectors, 0);
	cr_assert_eq(file_sector_count(), sectors);

	/* One undo: the group, its items and the sectors it brought. */
	cr_assert_eq(session_undo(s, false, &d), DIAG_OK, "%s", d.message);
	wb = session_workbook(s);
	cr_assert_eq(wb->group_count, 0);
	cr_assert_eq(wb->sector_count, 0);
	cr_assert_eq(file_sector_count(), 0);
	workbook_free(&ex);
	session_close(s);
}

Test(copy_group, a_taken_id_or_name_gives_a_free_name_and_reuses_sectors)
{
	struct workbook sample;
	sample_workbook(&sample); /* has a group with id frafall-vgs */
	struct session *s = open_new(&sample);
	workbook_free(&sample);
	struct diag d;
	struct row_key made;
	cr_assert_eq(session_copy_default_group(s, "Unge som har falt ut av videregående", &made,
						&d),
		     DIAG_OK, "%s", d.message);
	const struct workbook *wb = session_workbook(s);
	long i = session_index(s, made, NULL);
	cr_assert_geq(i, 0);
	cr_assert_str_eq(wb->groups[i].name, "Unge som har falt ut av videregående (kopi)");
	cr_assert_str_eq(wb->groups[i].id, "frafall-vgs-kopi");
	cr_assert(strstr(d.message, "navnet var i bruk, så kopien heter «Unge som har falt ut av "
				    "videregående (kopi)» (id frafall-vgs-kopi)"),
		  "%s", d.message);
	size_t sectors = wb->sector_count;

	/* Again: "(kopi 2)"; the sectors are already there, none added. */
	cr_assert_eq(session_copy_default_group(s, "frafall-vgs", &made, &d), DIAG_OK, "%s",
		     d.message);
	wb = session_workbook(s);
	i = session_index(s, made, NULL);
	cr_assert_str_eq(wb->groups[i].name, "Unge som har falt ut av videregående (kopi 2)");
	cr_assert_str_eq(wb->groups[i].id, "frafall-vgs-kopi-2");
	cr_assert_eq(wb->sector_count, sectors);
	cr_assert_null(strstr(d.message, "nye sektorer"), "%s", d.message);
	cr_assert_eq(wb->group_count, 4);
	session_close(s);
}

Test(copy_group, an_unknown_name_lists_the_example_groups_and_writes_nothing)
{
	struct session *s = open_new(NULL);
	struct diag d;
	cr_assert_eq(session_copy_default_group(s, "ingen-slik", NULL, &d), DIAG_NOT_FOUND);
	cr_assert(strstr(d.message, "«ingen-slik»"), "%s", d.message);
	cr_assert(strstr(d.message, "«frafall-vgs», «lavinntekt-innvandrerforeldre»"), "%s",
		  d.message);
	cr_assert_eq(session_workbook(s)->group_count, 0);
	cr_assert_eq(session_undo(s, false, &d), DIAG_NOTHING);
	session_close(s);
}

Test(copy_group, a_sector_of_another_bearer_refuses_and_writes_nothing)
{
	struct workbook wb;
	workbook_init(&wb);
	text_set(wb.params.name, sizeof wb.params.name, "Sektorprøve");
	struct sector sec;
	memset(&sec, 0, sizeof sec);
	/* The example's videregaende belongs to the fylkeskommune. */
	text_set(sec.id, sizeof sec.id, "videregaende");
	text_set(sec.name, sizeof sec.name, "Feil bærer");
	sec.bearer = BEARER_STAT;
	cr_assert_geq(workbook_add_sector(&wb, &sec), 0);
	struct session *s = open_new(&wb);
	workbook_free(&wb);
	struct diag d;
	cr_assert_eq(session_copy_default_group(s, "frafall-vgs", NULL, &d), DIAG_INVALID);
	cr_assert(strstr(d.message, "sektoren «videregaende» hører til stat"), "%s", d.message);
	cr_assert_eq(session_workbook(s)->group_count, 0);
	cr_assert_eq(file_sector_count(), 1);
	session_close(s);
}

Test(copy_group, read_only_refuses)
{
	struct session *s = open_new(NULL);
	session_close(s);
	struct diag d;
	cr_assert_eq(session_open(path, SESSION_READ_ONLY, &s, NULL, &d), DIAG_OK);
	cr_assert_eq(session_copy_default_group(s, "frafall-vgs", NULL, &d), DIAG_READ_ONLY);
	session_close(s);
	cr_assert_eq(file_sector_count(), 0);
}

Test(copy_group, ages_span_entry_age_and_items)
{
	struct workbook ex;
	example(&ex);
	long gi = session_default_group_find(&ex, "frafall-vgs");
	int from, to;
	session_group_ages(&ex.groups[gi], &from, &to);
	cr_assert_eq(from, 16);
	cr_assert_eq(to, 66);
	workbook_free(&ex);
}
