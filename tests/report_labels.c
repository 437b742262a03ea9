/*
 * report_labels.c: wherever the report names a field in a column or row
 * head (the HTML and Markdown tables, the spreadsheet's sheets), the head
 * is the field's label in engine/schema.c, optionally followed by the
 * report's own qualifier (" per år", " (1/0)", ", kr"): the same word as the
 * form, `utenfor set` and the messages (doc/glossary.md).  A head spelt by
 * hand ("Antall deltakere", "Første år") fails here.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/schema.h"
#include "report/society.h"
#include "report/table.h"
#include "report/uncertainty.h"
#include "report/xlsx.h"
#include "tests/report_fixture.h"
#include "tests/report_zip.h"

/* A head naming one field: its place (column, or row for row heads). */
struct head {
	size_t at;
	enum schema_row row;
	const char *key;
};

/* The label, then nothing, or a qualifier after a space or a comma. */
static void expect_head(const char *where, size_t at, const char *head, const struct head *h)
{
	const struct field_desc *f = schema_find(h->row, h->key);
	cr_assert_not_null(f, "%s: no field %s.%s", where, schema_row_key(h->row), h->key);
	size_t n = strlen(f->label);
	cr_expect(head != NULL && strncmp(head, f->label, n) == 0 &&
			  (head[n] == '\0' || head[n] == ' ' || head[n] == ','),
		  "%s, %zu: «%s» names %s.%s, whose label is «%s» (engine/schema.c)", where, at,
		  head ? head : "(none)", schema_row_key(h->row), h->key, f->label);
}

/* Column heads (row 0), or with by_row the first cell of each row. */
static void expect_table(const char *where, const struct rtable *t, bool by_row,
			 const struct head *heads, size_t n)
{
	cr_assert_not(t->failed);
	for (size_t i = 0; i < n; i++) {
		const struct head *h = &heads[i];
		bool inside = by_row ? h->at < t->rows : h->at < t->cols;
		cr_assert(inside, "%s: no %s %zu", where, by_row ? "row" : "column", h->at);
		expect_head(where, h->at, by_row ? rtable_cell(t, h->at, 0) : rtable_cell(t, 0, h->at),
			    h);
	}
}

#define N(a) (sizeof a / sizeof a[0])

static const struct head measure_inputs[] = {
	{1, SCHEMA_MEASURE, "group"},         {2, SCHEMA_MEASURE, "participants"},
	{3, SCHEMA_MEASURE, "start_year"},    {4, SCHEMA_MEASURE, "start_age"},
	{5, SCHEMA_MEASURE, "duration"},      {6, SCHEMA_MEASURE, "cost_per_participant"},
	{7, SCHEMA_MEASURE, "payer"},         {8, SCHEMA_MEASURE, "success_rate"},
	{9, SCHEMA_MEASURE, "deadweight"},    {10, SCHEMA_MEASURE, "lag"},
	{11, SCHEMA_MEASURE, "effect_years"}, {12, SCHEMA_MEASURE, "decay"},
};
static const struct head measures[] = {
	{1, SCHEMA_MEASURE, "group"},
	{2, SCHEMA_MEASURE, "enabled"},
	{3, SCHEMA_MEASURE, "participants"},
};
/* table_params: row heads, after the header row and the workbook's name. */
static const struct head params[] = {
	{2, SCHEMA_WORKBOOK, "municipality"},   {3, SCHEMA_WORKBOOK, "base_year"},
	{4, SCHEMA_WORKBOOK, "horizon"},        {5, SCHEMA_WORKBOOK, "discount.mode"},
	{6, SCHEMA_WORKBOOK, "g_amount"},       {7, SCHEMA_WORKBOOK, "price_year"},
	{8, SCHEMA_WORKBOOK, "real_growth"},    {10, SCHEMA_WORKBOOK, "society.tax_cost"},
};
static const struct head sectors[] = {
	{1, SCHEMA_SECTOR, "id"},
	{2, SCHEMA_SECTOR, "bearer"},
	{3, SCHEMA_SECTOR, "kostra"},
};
static const struct head groups[] = {
	{1, SCHEMA_GROUP, "id"},
	{2, SCHEMA_GROUP, "entry_age"},
	{3, SCHEMA_GROUP, "description"},
};
static const struct head items[] = {
	{1, SCHEMA_ITEM, "kind"},   {2, SCHEMA_ITEM, "bearer"}, {3, SCHEMA_ITEM, "sector"},
	{4, SCHEMA_ITEM, "amount"}, {5, SCHEMA_ITEM, "unit"},   {7, SCHEMA_ITEM, "source"},
	{8, SCHEMA_ITEM, "confidence"},
};
static const struct head grades[] = {{2, SCHEMA_WORKBOOK, "uncertainty.spread"}};

Test(labels, report_table_heads_are_the_schema_labels)
{
	struct fixture f;
	fixture_load(&f, "report-v2.json");
	cr_assert_gt(f.wb.group_count, 0);
	struct rtable t;
	table_measure_inputs(&f.wb, &t);
	expect_table("table_measure_inputs", &t, false, measure_inputs, N(measure_inputs));
	rtable_free(&t);
	table_measures(&f.wb, &f.p, &t);
	expect_table("table_measures", &t, false, measures, N(measures));
	rtable_free(&t);
	table_params(&f.wb, &t);
	expect_table("table_params", &t, true, params, N(params));
	rtable_free(&t);
	table_sectors(&f.wb, &t);
	expect_table("table_sectors", &t, false, sectors, N(sectors));
	rtable_free(&t);
	table_groups(&f.wb, &t);
	expect_table("table_groups", &t, false, groups, N(groups));
	rtable_free(&t);
	table_items(&f.wb, &f.wb.groups[0], &t);
	expect_table("table_items", &t, false, items, N(items));
	rtable_free(&t);
	table_unc_grades(&f.wb, &t);
	expect_table("table_unc_grades", &t, false, grades, N(grades));
	rtable_free(&t);
	/* The society table's tax line is named by its parameter. */
	table_society(&f.wb, &f.p.portfolio, &t);
	bool found = false;
	for (size_t r = 1; r < t.rows; r++)
		if (strncmp(rtable_cell(&t, r, 0), "Skatt", 5) == 0) {
			const struct head h = {r, SCHEMA_WORKBOOK, "society.tax_cost"};
			expect_head("table_society", r, rtable_cell(&t, r, 0), &h);
			found = true;
		}
	cr_expect(found, "table_society has no tax line");
	rtable_free(&t);
	fixture_free(&f);
}

/* ---- the spreadsheet --------------------------------------------------- */

struct book {
	unsigned char *zip;
	size_t len;
	char *strings; /* xl/sharedStrings.xml */
};

static char *sheet_xml(const struct book *bk, int n)
{
	char name[64];
	snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", n);
	char *xml = zip_extract(bk->zip, bk->len, name, NULL);
	cr_assert_not_null(xml, "%s", name);
	return xml;
}

/* The shared string with index i, XML entities left as they are (no
 * label has one). */
static void shared_string(const struct book *bk, long i, char *buf, size_t size)
{
	const char *si = bk->strings;
	for (long k = 0; si != NULL && k <= i; k++)
		si = strstr(si + 1, "<si>");
	cr_assert_not_null(si, "shared string %ld", i);
	const char *t = strstr(si, "<t");
	t = t ? strchr(t, '>') : NULL;
	cr_assert_not_null(t);
	const char *end = strstr(t, "</t>");
	cr_assert_not_null(end);
	snprintf(buf, size, "%.*s", (int)(end - t - 1), t + 1);
}

/* The text of cell (row, col), both 0-based, or "" when it is not a string. */
static void cell_text(const struct book *bk, const char *xml, int row, int col, char *buf,
		      size_t size)
{
	char addr[32], key[48];
	snprintf(addr, sizeof addr, "%c%d", 'A' + col, row + 1);
	snprintf(key, sizeof key, "<c r=\"%s\"", addr);
	const char *c = strstr(xml, key);
	while (c != NULL && c[strlen(key)] != ' ' && c[strlen(key)] != '>')
		c = strstr(c + 1, key);
	buf[0] = '\0';
	if (c == NULL)
		return;
	const char *end = strstr(c, "</c>");
	const char *tag_end = strchr(c, '>');
	const char *v = strstr(c, "<v>");
	const char *ts = strstr(c, "t=\"s\"");
	if (end == NULL || v == NULL || v > end || ts == NULL || ts > tag_end)
		return;
	shared_string(bk, strtol(v + 3, NULL, 10), buf, size);
}

static void expect_cells(const struct book *bk, const char *where, int sheet, int row,
			 bool by_row, const struct head *heads, size_t n)
{
	char *xml = sheet_xml(bk, sheet);
	for (size_t i = 0; i < n; i++) {
		char text[256];
		int at = (int)heads[i].at;
		cell_text(bk, xml, by_row ? at : row, by_row ? 0 : at, text, sizeof text);
		expect_head(where, heads[i].at, text, &heads[i]);
	}
	free(xml);
}

/* Parametre (sheet 1): row heads. */
static const struct head x_params[] = {
	{2, SCHEMA_WORKBOOK, "municipality"},     {3, SCHEMA_WORKBOOK, "base_year"},
	{4, SCHEMA_WORKBOOK, "horizon"},          {5, SCHEMA_WORKBOOK, "discount.mode"},
	{6, SCHEMA_WORKBOOK, "discount.rate"},    {7, SCHEMA_WORKBOOK, "g_amount"},
	{8, SCHEMA_WORKBOOK, "real_growth"},      {9, SCHEMA_WORKBOOK, "price_year"},
	{10, SCHEMA_WORKBOOK, "society.tax_cost"}, {11, SCHEMA_WORKBOOK, "plan.start_year"},
	{12, SCHEMA_WORKBOOK, "plan.years"},
};
/* Målgrupper (sheet 2): the items' heads in row 0. */
static const struct head x_items[] = {
	{2, SCHEMA_ITEM, "bearer"},  {3, SCHEMA_ITEM, "amount"},      {4, SCHEMA_ITEM, "unit"},
	{5, SCHEMA_ITEM, "from_age"}, {6, SCHEMA_ITEM, "to_age"},     {8, SCHEMA_ITEM, "source"},
	{9, SCHEMA_ITEM, "confidence"}, {10, SCHEMA_ITEM, "kind"},    {11, SCHEMA_ITEM, "sector"},
};
static const struct head x_groups[] = {
	{1, SCHEMA_GROUP, "name"},
	{2, SCHEMA_GROUP, "entry_age"},
	{3, SCHEMA_GROUP, "description"},
};
/* Tiltak (sheet 4), row 0. */
static const struct head x_measures[] = {
	{1, SCHEMA_MEASURE, "group"},          {2, SCHEMA_MEASURE, "participants"},
	{3, SCHEMA_MEASURE, "start_year"},     {4, SCHEMA_MEASURE, "start_age"},
	{5, SCHEMA_MEASURE, "duration"},       {6, SCHEMA_MEASURE, "cost_per_participant"},
	{7, SCHEMA_MEASURE, "payer.kommune"},  {8, SCHEMA_MEASURE, "payer.fylkeskommune"},
	{9, SCHEMA_MEASURE, "payer.stat"},     {10, SCHEMA_MEASURE, "success_rate"},
	{11, SCHEMA_MEASURE, "deadweight"},    {12, SCHEMA_MEASURE, "lag"},
	{13, SCHEMA_MEASURE, "effect_years"},  {14, SCHEMA_MEASURE, "decay"},
	{15, SCHEMA_MEASURE, "enabled"},
};
/* Samfunn (sheet 8), row 1. */
static const struct head x_society[] = {
	{1, SCHEMA_MEASURE, "enabled"},
	{6, SCHEMA_WORKBOOK, "society.tax_cost"},
};
/* Usikkerhet (sheet 9): the draws and the seed, row heads. */
static const struct head x_draws[] = {
	{1, SCHEMA_WORKBOOK, "uncertainty.draws"},
	{2, SCHEMA_WORKBOOK, "uncertainty.seed"},
};
static const struct head x_switching[] = {
	{1, SCHEMA_MEASURE, "success_rate"},
	{2, SCHEMA_MEASURE, "cost_per_participant"},
	{3, SCHEMA_MEASURE, "deadweight"},
};

Test(labels, spreadsheet_heads_are_the_schema_labels)
{
	struct fixture f;
	fixture_load(&f, "report-v2.json");
	char dir[512], path[600], err[512] = "";
	scratch_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/ut.xlsx", dir);
	const struct xlsx_options opt = {.cached_values = true};
	cr_assert_eq(export_xlsx_opt(&f.wb, &f.p, path, false, &opt, err, sizeof err), 0, "%s",
		     err);
	struct book bk;
	bk.zip = (unsigned char *)slurp(path, &bk.len);
	cr_assert_not_null(bk.zip);
	scratch_remove(dir);
	bk.strings = zip_extract(bk.zip, bk.len, "xl/sharedStrings.xml", NULL);
	cr_assert_not_null(bk.strings);

	expect_cells(&bk, "Parametre", 1, 0, true, x_params, N(x_params));
	expect_cells(&bk, "Målgrupper", 2, 0, false, x_items, N(x_items));
	/* The groups' table starts one blank row after the last item. */
	size_t item_rows = 0;
	for (size_t g = 0; g < f.wb.group_count; g++)
		item_rows += f.wb.groups[g].item_count;
	int top = (item_rows > 0 ? (int)item_rows + 1 : 2) + 1;
	expect_cells(&bk, "Målgrupper, målgruppene", 2, top, false, x_groups, N(x_groups));
	expect_cells(&bk, "Tiltak", 4, 0, false, x_measures, N(x_measures));
	expect_cells(&bk, "Samfunn", 8, 1, false, x_society, N(x_society));
	expect_cells(&bk, "Usikkerhet", 9, 0, true, x_draws, N(x_draws));
	/* The switching values' head row: the row whose first cell is
	 * "Tiltak" and whose fifth names the group's cost level. */
	char *xml = sheet_xml(&bk, 9);
	int found = -1;
	for (int r = 0; r < 400 && found < 0; r++) {
		char a[64], e[64];
		cell_text(&bk, xml, r, 0, a, sizeof a);
		cell_text(&bk, xml, r, 4, e, sizeof e);
		if (strcmp(a, "Tiltak") == 0 && strncmp(e, "Kostnadsnivå", 12) == 0)
			found = r;
	}
	free(xml);
	cr_assert_geq(found, 0, "Usikkerhet: no switching values' head row");
	expect_cells(&bk, "Usikkerhet, brytningsverdier", 9, found, false, x_switching,
		     N(x_switching));
	free(bk.strings);
	free(bk.zip);
	fixture_free(&f);
}
