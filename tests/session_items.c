/*
 * session_items.c: a cost item's kind and sector as the Målgrupper table
 * edits them (issues 12 and 14): the sector is a choice among the item's
 * bearer's sectors, typed by name or id; production and quality of life
 * have neither bearer nor sector; changing the kind keeps the item valid;
 * every such edit is stored and undoable.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "session/session.h"
#include "tests/store_util.h"

STORE_SCRATCH("poster.utenfor")

TestSuite(session_items, .init = scratch_setup, .fini = scratch_teardown, .timeout = 30);

/* The example workbook: declared sectors for every bearer. */
static struct session *open_example(void)
{
	struct session *s = NULL;
	struct diag d;
	cr_assert_eq(session_open(path, SESSION_CREATE, &s, NULL, &d), DIAG_OK, "%s", d.message);
	return s;
}

static const struct field_desc *field(const char *key)
{
	const struct field_desc *f = session_field_named(ROW_ITEM, key);
	cr_assert_not_null(f, "no item field %s", key);
	return f;
}

/* The first item of group 0 with this kind and bearer. */
static struct row_key find_item(struct session *s, enum item_kind kind, enum bearer b,
				size_t *index)
{
	const struct target_group *g = &session_workbook(s)->groups[0];
	for (size_t i = 0; i < g->item_count; i++)
		if (g->items[i].kind == kind && g->items[i].bearer == b) {
			*index = i;
			return session_item_key(s, 0, i);
		}
	cr_assert_fail("no such item in the example data");
	return (struct row_key){ROW_ITEM, 0};
}

static const struct cost_item *item(struct session *s, size_t i)
{
	return &session_workbook(s)->groups[0].items[i];
}

Test(session_items, sector_is_a_choice_within_the_bearer)
{
	struct session *s = open_example();
	struct diag d;
	size_t i;
	struct row_key k = find_item(s, ITEM_TRANSFER, BEARER_KOMMUNE, &i);
	const struct workbook *wb = session_workbook(s);

	/* Stepping goes round the kommune's sectors only. */
	size_t total = workbook_sector_total(wb), of_kommune = 0;
	for (size_t x = 0; x < total; x++)
		of_kommune += workbook_sector_bearer(wb, x) == BEARER_KOMMUNE;
	char first[TEXT_ID_SIZE];
	snprintf(first, sizeof first, "%s", item(s, i)->sector);
	for (size_t step = 0; step < of_kommune; step++) {
		cr_assert_eq(session_cycle(s, k, field("sector"), 1, &d), DIAG_OK, "%s", d.message);
		long x = workbook_sector_index(session_workbook(s), item(s, i)->sector);
		cr_assert(item(s, i)->sector[0] == '\0' ||
				  workbook_sector_bearer(session_workbook(s), (size_t)x) == BEARER_KOMMUNE,
			  "stepped to %s", item(s, i)->sector);
	}
	cr_assert_str_eq(item(s, i)->sector, first, "a full round comes back");

	/* Typed by name; a stat sector is refused with the allowed ones. */
	cr_assert_eq(session_set_field(s, k, field("sector"), "Barnevern", &d), DIAG_OK, "%s",
		     d.message);
	cr_assert_str_eq(item(s, i)->sector, "barnevern");
	cr_assert_eq(session_set_field(s, k, field("sector"), "NAV (folketrygden)", &d), DIAG_INVALID);
	cr_assert(strstr(d.message, "Barnevern") != NULL, "%s", d.message);
	cr_assert_str_eq(item(s, i)->sector, "barnevern", "a refused edit changes nothing");
	cr_assert_eq(session_undo(s, false, &d), DIAG_OK, "%s", d.message);
	cr_assert_str_eq(item(s, i)->sector, first);
	session_close(s);
}

Test(session_items, production_has_no_bearer_and_a_public_kind_gets_one_back)
{
	struct session *s = open_example();
	struct diag d;
	size_t i;
	struct row_key k = find_item(s, ITEM_SERVICE, BEARER_FYLKESKOMMUNE, &i);
	cr_assert_eq(session_set_field(s, k, field("kind"), "produksjon", &d), DIAG_OK, "%s",
		     d.message);
	cr_assert_eq(item(s, i)->kind, ITEM_PRODUCTION);
	cr_assert_eq(item(s, i)->bearer, BEARER_NONE);
	cr_assert_str_eq(item(s, i)->sector, "");
	/* Neither bearer nor sector can be set on it. */
	cr_assert_eq(session_set_field(s, k, field("bearer"), "stat", &d), DIAG_INVALID);
	cr_assert_eq(session_set_field(s, k, field("sector"), "Barnevern", &d), DIAG_INVALID);
	cr_assert(strstr(d.message, "Sektor") != NULL, "%s", d.message);
	/* Nor stepped with Space: refused, and no step that changes nothing
	 * is saved (undo takes back the kind, the last real edit). */
	cr_assert_eq(session_cycle(s, k, field("bearer"), 1, &d), DIAG_INVALID);
	cr_assert(strstr(d.message, "budsjett") != NULL, "%s", d.message);
	cr_assert_eq(session_cycle(s, k, field("sector"), 1, &d), DIAG_INVALID);
	cr_assert_eq(session_undo(s, false, &d), DIAG_OK, "%s", d.message);
	cr_assert_eq(item(s, i)->kind, ITEM_SERVICE, "undo took back a step that changed nothing");
	cr_assert_eq(session_undo(s, true, &d), DIAG_OK, "%s", d.message);
	cr_assert_eq(item(s, i)->kind, ITEM_PRODUCTION);
	/* The file's key is read too; a public kind starts in the kommune. */
	cr_assert_eq(session_set_field(s, k, field("kind"), "transfer", &d), DIAG_OK, "%s", d.message);
	cr_assert_eq(item(s, i)->kind, ITEM_TRANSFER);
	cr_assert_eq(item(s, i)->bearer, BEARER_KOMMUNE);
	session_close(s);

	/* Stored as typed. */
	s = open_example();
	cr_assert_eq(item(s, i)->kind, ITEM_TRANSFER);
	cr_assert_eq(item(s, i)->bearer, BEARER_KOMMUNE);
	session_close(s);
}

static const struct field_desc *sector_field(const char *key)
{
	const struct field_desc *f = session_field_named(ROW_SECTOR, key);
	cr_assert_not_null(f, "no sector field %s", key);
	return f;
}

Test(session_items, sectors_are_added_edited_and_deleted_as_rows)
{
	struct session *s = open_example();
	struct diag d;
	size_t before = session_workbook(s)->sector_count;
	struct row_key k;
	cr_assert_eq(session_insert(s, ROW_SECTOR, (struct row_key){ROW_SECTOR, 0}, &k, &d), DIAG_OK,
		     "%s", d.message);
	cr_assert_eq(session_workbook(s)->sector_count, before + 1);
	cr_assert_eq(session_set_field(s, k, sector_field("name"), "Kultur og fritid", &d), DIAG_OK,
		     "%s", d.message);
	cr_assert_eq(session_set_field(s, k, sector_field("kostra"), "370, 385", &d), DIAG_OK);
	/* An id another sector has is refused, naming it. */
	cr_assert_eq(session_set_field(s, k, sector_field("id"), "barnevern", &d), DIAG_INVALID);
	cr_assert(strstr(d.message, "Barnevern") != NULL, "%s", d.message);
	cr_assert_eq(session_cycle(s, k, sector_field("bearer"), 1, &d), DIAG_OK, "%s", d.message);
	long i = session_index(s, k, NULL);
	cr_assert_eq(session_workbook(s)->sectors[i].bearer, BEARER_FYLKESKOMMUNE);
	cr_assert_str_eq(session_workbook(s)->sectors[i].name, "Kultur og fritid");

	/* A sector in use cannot go; the message names what uses it. */
	struct row_key used = {ROW_SECTOR, 0};
	for (size_t x = 0; x < session_workbook(s)->sector_count; x++)
		if (strcmp(session_workbook(s)->sectors[x].id, "barnevern") == 0)
			used = session_sector_key(s, x);
	cr_assert_eq(session_delete(s, used, &d), DIAG_INVALID, "%s", d.message);
	cr_assert(strstr(d.message, "det som bruker den, er flyttet til en annen sektor: "
				    "kostnadsposten «") != NULL,
		  "%s", d.message);
	cr_assert_eq(session_delete(s, k, &d), DIAG_OK, "%s", d.message);
	cr_assert_eq(session_workbook(s)->sector_count, before);
	cr_assert_eq(session_undo(s, false, &d), DIAG_OK, "%s", d.message);
	cr_assert_eq(session_workbook(s)->sector_count, before + 1);
	session_close(s);
}
