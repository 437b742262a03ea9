/*
 * Round trip through the store: JSON document → workbook → file → workbook
 * → JSON document must give back the same text, for a fixture with edge
 * values (extreme ranges, 1/3 shares, negative amounts, G units, empty
 * groups, newlines and quotes in text).  Also through store_replace_all
 * and its undo.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interchange/json.h"
#include "store/store.h"
#include "tests/store_util.h"

STORE_SCRATCH("rundtur.utenfor")

TestSuite(store_json, .init = scratch_setup, .fini = scratch_teardown);

static char *fixture(const char *name, size_t *size)
{
	const char *src = getenv("top_srcdir");
	char p[4096];
	snprintf(p, sizeof p, "%s/tests/fixtures/%s", src ? src : "..", name);
	return file_read(p, size);
}

static void parse(const char *text, size_t size, struct workbook *wb)
{
	struct problems *pr = malloc(sizeof *pr);
	cr_assert_not_null(pr);
	problems_clear(pr);
	workbook_init(wb);
	int rc = json_read_workbook(text, size, wb, pr);
	char line[512] = "";
	if (rc != 0 && pr->count > 0)
		problem_format(&pr->list[0], line, sizeof line);
	cr_assert_eq(rc, 0, "fixture must parse: %s", line);
	free(pr);
}

/* The file's contents as a JSON document; caller frees. */
static char *export_file(void)
{
	struct store *s = NULL;
	struct store_error err = {0};
	cr_assert_eq(store_open(path, STORE_OPEN_READ_ONLY, &s, &err), STORE_OK, "%s",
		     err.message);
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(store_load(s, &wb, &err), STORE_OK, "%s", err.message);
	store_close(s);
	char *text = json_write_workbook(&wb);
	cr_assert_not_null(text);
	workbook_free(&wb);
	return text;
}

Test(store_json, document_survives_the_file_unchanged)
{
	size_t size;
	char *text = fixture("store-roundtrip.json", &size);
	struct workbook wb;
	parse(text, size, &wb);
	struct store_error err = {0};
	cr_assert_eq(store_create(path, &wb, &err), STORE_OK, "%s", err.message);
	char *back = export_file();
	cr_assert_str_eq(back, text);
	free(back);
	free(text);
	workbook_free(&wb);
}

Test(store_json, replace_all_then_undo_round_trips_both_ways)
{
	struct workbook def;
	workbook_init(&def);
	cr_assert_eq(store_default_workbook(&def), 0);
	char *def_text = json_write_workbook(&def);
	struct store_error err = {0};
	cr_assert_eq(store_create(path, &def, &err), STORE_OK, "%s", err.message);

	size_t size;
	char *text = fixture("store-roundtrip.json", &size);
	struct workbook wb;
	parse(text, size, &wb);
	struct store *s = NULL;
	cr_assert_eq(store_open(path, 0, &s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_replace_all(s, &wb, "Importer", &err), STORE_OK, "%s", err.message);
	store_close(s);
	char *back = export_file();
	cr_assert_str_eq(back, text);
	free(back);

	cr_assert_eq(store_open(path, 0, &s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_undo(s, &err), STORE_OK, "%s", err.message);
	store_close(s);
	back = export_file();
	cr_assert_str_eq(back, def_text);
	free(back);

	cr_assert_eq(store_open(path, 0, &s, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(store_redo(s, &err), STORE_OK, "%s", err.message);
	store_close(s);
	back = export_file();
	cr_assert_str_eq(back, text);
	free(back);
	free(text);
	free(def_text);
	workbook_free(&wb);
	workbook_free(&def);
}
