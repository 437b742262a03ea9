/*
 * report_xlsx_probe.c: helper of tests/e2e/report_soffice.sh.
 *
 *   report_xlsx_probe write FIXTURE.json OUT.xlsx
 *       export with every formula's cached value set to 0, so only a
 *       spreadsheet that really recomputes the formulas shows the figures;
 *   report_xlsx_probe check FIXTURE.json TILTAK.csv FRAMSKRIVING.csv
 *       compare the recomputed sheets (as CSV from LibreOffice) with the
 *       engine, to the krone; prints each mismatch, exits 1 if any.
 *
 * Must never: be installed; it is a test tool.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/projection.h"
#include "engine/validate.h"
#include "interchange/json.h"
#include "report/xlsx.h"
#include "report/xlsx_internal.h"

#define MAX_ROWS 256
#define MAX_COLS 2048

/* A CSV file as a grid of cell strings (RFC 4180 quoting). */
struct grid {
	char *text;
	char **cell; /* MAX_ROWS × MAX_COLS pointers into text, NULL = empty */
};

static int grid_load(struct grid *g, const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return -1;
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	g->text = malloc((size_t)n + 1);
	g->cell = calloc((size_t)MAX_ROWS * MAX_COLS, sizeof *g->cell);
	if (g->text == NULL || g->cell == NULL || fread(g->text, 1, (size_t)n, fp) != (size_t)n) {
		fclose(fp);
		return -1;
	}
	fclose(fp);
	g->text[n] = '\0';
	char *r = g->text, *w = g->text;
	int row = 0, col = 0;
	char *start = w;
	while (*r && row < MAX_ROWS) {
		if (*r == '"') {
			r++;
			while (*r && !(*r == '"' && r[1] != '"'))
				*w++ = *r == '"' ? (r += 2, '"') : *r++;
			if (*r == '"')
				r++;
			continue;
		}
		if (*r == ',' || *r == '\n' || *r == '\r') {
			char c = *r++;
			if (c == '\r' && *r == '\n')
				r++;
			*w++ = '\0';
			if (col < MAX_COLS)
				g->cell[row * MAX_COLS + col] = start;
			start = w;
			if (c == ',') {
				col++;
			} else {
				row++;
				col = 0;
			}
			continue;
		}
		*w++ = *r++;
	}
	return 0;
}

static void expect(int *failures, const struct grid *g, const char *sheet, int row, int col,
		   double want)
{
	const char *s = row < MAX_ROWS && col < MAX_COLS ? g->cell[row * MAX_COLS + col] : NULL;
	char *end = NULL;
	double got = s ? strtod(s, &end) : NAN;
	if (s == NULL || end == s || fabs(round(got) - round(want)) > 0) {
		printf("AVVIK %s rad %d kolonne %d: regneark %s, motor %.2f\n", sheet, row + 1, col + 1,
		       s ? s : "(tom)", want);
		(*failures)++;
	}
}

static int load(const char *path, struct workbook *wb, struct projection *p)
{
	struct problems probs;
	problems_clear(&probs);
	workbook_init(wb);
	projection_init(p);
	if (json_read_workbook_file(path, wb, &probs) != 0) {
		fprintf(stderr, "%s: %s\n", path, probs.count ? probs.list[0].message : "feil");
		return -1;
	}
	return projection_compute(p, wb);
}

int main(int argc, char **argv)
{
	struct workbook wb;
	struct projection p;
	if (argc == 4 && strcmp(argv[1], "write") == 0) {
		if (load(argv[2], &wb, &p) != 0)
			return 2;
		char err[512];
		const struct xlsx_options opt = {.cached_values = false};
		int rc = export_xlsx_opt(&wb, &p, argv[3], true, &opt, err, sizeof err);
		if (rc != 0)
			fprintf(stderr, "%s\n", err);
		projection_free(&p);
		workbook_free(&wb);
		return rc == 0 ? 0 : 1;
	}
	if (argc != 5 || strcmp(argv[1], "check") != 0) {
		fprintf(stderr, "bruk: %s write FIXTURE OUT.xlsx | check FIXTURE TILTAK.csv "
				"FRAMSKRIVING.csv\n",
			argv[0]);
		return 2;
	}
	if (load(argv[2], &wb, &p) != 0)
		return 2;
	int failures = 0;
	struct grid tiltak = {0}, proj = {0};
	if (grid_load(&tiltak, argv[3]) != 0 || grid_load(&proj, argv[4]) != 0) {
		fprintf(stderr, "kan ikke lese CSV-filene\n");
		return 2;
	}
	for (size_t m = 0; m < wb.measure_count; m++) {
		expect(&failures, &tiltak, "Tiltak", 1 + (int)m, 17, p.measures[m].pv_cost);
		expect(&failures, &tiltak, "Tiltak", 1 + (int)m, 18, p.measures[m].pv_saving);
		expect(&failures, &tiltak, "Tiltak", 1 + (int)m, 19, p.measures[m].npv);
	}
	int top = (int)wb.measure_count + 2, sum = top + 2 + BEARER_COUNT;
	for (int b = 0; b < BEARER_COUNT; b++) {
		const struct bearer_result *br = &p.portfolio.by_bearer[b];
		expect(&failures, &tiltak, "Tiltak", top + 2 + b, 1, br->pv_cost);
		expect(&failures, &tiltak, "Tiltak", top + 2 + b, 2, br->pv_saving);
	}
	expect(&failures, &tiltak, "Tiltak", sum, 3, p.portfolio.npv);
	expect(&failures, &tiltak, "Tiltak", sum + 2, 1,
	       p.portfolio.has_break_even_year ? p.portfolio.break_even_year : 0);
	for (int t = 0; t < wb.params.horizon; t++) {
		int row = XLSX_PROJ_FIRST_ROW + t;
		const struct year_row *y = &p.portfolio.years[t];
		for (int b = 0; b < BEARER_COUNT; b++) {
			expect(&failures, &proj, "Framskriving", row, xlsx_port_col(&wb, PF_COST + b), y->cost[b]);
			expect(&failures, &proj, "Framskriving", row, xlsx_port_col(&wb, PF_SAVING + b),
			       y->saving[b]);
		}
		expect(&failures, &proj, "Framskriving", row, xlsx_port_col(&wb, PF_CUM), y->cum_net);
		expect(&failures, &proj, "Framskriving", row, xlsx_port_col(&wb, PF_DCUM), y->cum_net_discounted);
	}
	printf("%s: %d avvik\n", argv[2], failures);
	free(tiltak.text);
	free(tiltak.cell);
	free(proj.text);
	free(proj.cell);
	projection_free(&p);
	workbook_free(&wb);
	return failures ? 1 : 0;
}
