/*
 * report_md.c: the Markdown council report: tables with the same number of
 * cells on every row (user text with '|' included), the engine's figures,
 * the text charts, and the empty case.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "tests/report_fixture.h"

#define NB "\xc2\xa0"

static char *render(struct fixture *f, const char *name)
{
	return fixture_render(f, name, REPORT_MARKDOWN);
}

/* Cells in a table row: unescaped '|' count minus one. */
static int row_cells(const char *line, size_t len)
{
	int bars = 0;
	for (size_t i = 0; i < len; i++) {
		if (line[i] == '\\') {
			i++;
			continue;
		}
		if (line[i] == '|')
			bars++;
	}
	return bars - 1;
}

/*
 * Walk every table (a run of lines starting with '|'): all rows must have
 * the header's cell count, and the second line must be the delimiter row.
 * Returns the number of tables, or -1 (with a message) on the first fault.
 */
static int check_tables(const char *md, char *why, size_t why_size)
{
	int tables = 0, expect = -1, row = 0;
	const char *p = md;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len > 0 && p[0] == '|') {
			int cells = row_cells(p, len);
			if (expect < 0) {
				expect = cells;
				row = 0;
				tables++;
			} else if (cells != expect) {
				snprintf(why, why_size, "table %d row %d has %d cells, header %d: %.*s",
					 tables, row, cells, expect, (int)(len > 80 ? 80 : len), p);
				return -1;
			}
			if (row == 1 && strstr(p, "---") != p + 2) {
				snprintf(why, why_size, "table %d lacks a delimiter row", tables);
				return -1;
			}
			row++;
		} else {
			expect = -1;
		}
		p = nl ? nl + 1 : p + len;
	}
	return tables;
}

Test(report_md, checker_catches_ragged_rows)
{
	char why[256];
	cr_expect_eq(check_tables("| a | b |\n| --- | --- |\n| 1 | 2 |\n", why, sizeof why), 1);
	cr_expect_eq(check_tables("| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n", why, sizeof why), -1);
	cr_expect_eq(check_tables("| a | b |\n| --- | --- |\n| 1 \\| 2 | 3 |\n", why, sizeof why), 1);
}

Test(report_md, tables_are_rectangular)
{
	const char *fixtures[] = {"report-simple.json", "report-rich.json", "report-empty.json",
				  "report-edges.json", "report-v2.json", "report-uncertainty.json"};
	for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
		struct fixture f;
		char *md = render(&f, fixtures[i]);
		char why[256] = "";
		int n = check_tables(md, why, sizeof why);
		cr_expect_gt(n, 0, "%s: %s", fixtures[i], why);
		cr_expect_null(strstr(md, "http"));
		free(md);
		fixture_free(&f);
	}
}

Test(report_md, user_text_is_escaped)
{
	static const char *const want[] = {
		"Familieteam \\| tidlig innsats",
		"Los \\& \\<b\\>\"venn\"\\</b\\> 'x'",
		"# Utenfor-regnskapet: Budsjett 2027 \\<utkast\\> \\& \"plan\"\n",
		NULL,
	};
	expect_report("report-rich.json", REPORT_MARKDOWN, want, NULL);
}

Test(report_md, hand_computed_figures)
{
	static const char *const want[] = {
		"Fylkeskommunen investerer 600" NB "000" NB "kr i 2027.",
		"Investeringen er lønnsom fra 2032.",
		"| Sum | 600" NB "000 | 2" NB "880" NB "000 | 2" NB "280" NB "000 |",
		/* The text chart of the cumulative net: 2031 is −120 000, 2032 +360 000. */
		/* Not discounted: one cumulative column, not two equal ones. */
		"| 2031 | -120" NB "000 | −",
		"| 2032 | 360" NB "000 | +",
		NULL,
	};
	expect_report("report-simple.json", REPORT_MARKDOWN, want, NULL);
}

Test(report_md, figures_are_the_engines)
{
	struct fixture f;
	char *md = render(&f, "report-rich.json");
	char want[128], cell[160];
	for (size_t i = 0; i < f.wb.measure_count; i++) {
		kr_text(want, sizeof want, f.p.measures[i].npv);
		snprintf(cell, sizeof cell, " | %s | ", want);
		cr_expect_not_null(strstr(md, cell), "measure %zu npv %s", i, cell);
	}
	kr_text(want, sizeof want, f.p.portfolio.npv);
	snprintf(cell, sizeof cell, " | %s |\n", want);
	cr_expect_not_null(strstr(md, cell), "portfolio npv %s", cell);
	free(md);
	fixture_free(&f);
}

Test(report_md, empty_workbook_says_so)
{
	static const char *const want[] = {"ingenting å rapportere", NULL};
	static const char *const unwanted[] = {"## Tiltakene", NULL};
	expect_report("report-empty.json", REPORT_MARKDOWN, want, unwanted);
}
