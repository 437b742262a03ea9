/*
 * report_xlsx_probe.c: helper of tests/e2e/report_soffice.sh.
 *
 *   report_xlsx_probe write FIXTURE.json OUT.xlsx
 *       export with every formula's cached value set to 0, so only a
 *       spreadsheet that really recomputes the formulas shows the figures;
 *   report_xlsx_probe check FIXTURE.json DIR NAME
 *       compare the recomputed sheets DIR/NAME-SHEET.csv (LibreOffice's
 *       per-sheet CSV) with the engine, to the krone, for every cell of
 *       tests/report_xlsx_expect.c; prints each mismatch, exits 1 if any.
 *   Either with `--measures N` after the command: the fixture's measures
 *   repeated, with varied participants, start years and «Med», to N
 *   measures (the big-workbook test, tests/e2e/report_soffice_big.sh).
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
#include "tests/report_xlsx_expect.h"

#define MAX_COLS 2048

/* A CSV file as a grid of cell strings (RFC 4180 quoting). */
struct grid {
	char *text;
	char **cell; /* rows × MAX_COLS pointers into text, NULL = empty */
	int rows;
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
	if (g->text == NULL || fread(g->text, 1, (size_t)n, fp) != (size_t)n) {
		fclose(fp);
		return -1;
	}
	fclose(fp);
	g->text[n] = '\0';
	/* Newlines bound the rows (quoted ones only make it generous). */
	g->rows = 1;
	for (long i = 0; i < n; i++)
		g->rows += g->text[i] == '\n';
	g->cell = calloc((size_t)g->rows * MAX_COLS, sizeof *g->cell);
	if (g->cell == NULL)
		return -1;
	char *r = g->text, *w = g->text;
	int row = 0, col = 0;
	char *start = w;
	while (*r && row < g->rows) {
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
				g->cell[(size_t)row * MAX_COLS + col] = start;
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

struct check {
	struct grid grids[XS_COUNT];
	int failures;
};

/* Whole kroner for amounts; shares and rates (|want| < 2, not whole) to
 * four decimals. */
static void expect(void *ctx, enum xlsx_checked_sheet sheet, int row, int col, double want,
		   const char *what)
{
	struct check *c = ctx;
	const struct grid *g = &c->grids[sheet];
	const char *s = row < g->rows && col < MAX_COLS ? g->cell[(size_t)row * MAX_COLS + col] : NULL;
	char *end = NULL;
	double got = s ? strtod(s, &end) : NAN;
	/* LibreOffice writes a percentage cell as "4.5454%". */
	if (end != NULL && end != s && *end == '%')
		got /= 100;
	bool fraction = fabs(want) < 2 && want != round(want);
	bool ok = s != NULL && end != s &&
		  (fraction ? fabs(got - want) < 1e-4
			    : fabs(round(got) - round(want)) == 0 ||
				      /* a half krone rounds either way */
				      fabs(got - want) <= 1e-9 * fmax(1, fabs(want)));
	if (!ok) {
		printf("AVVIK %s rad %d kolonne %d (%s): regneark %s, motor %.4f\n",
		       xlsx_checked_sheet_name[sheet], row + 1, col + 1, what, s ? s : "(tom)", want);
		c->failures++;
	}
}

/* The fixture's measures repeated to `total` measures. */
static int replicate(struct workbook *wb, long total)
{
	size_t base = wb->measure_count;
	if (base == 0)
		return -1;
	for (long i = (long)base; i < total; i++) {
		struct measure m = wb->measures[(size_t)i % base];
		snprintf(m.name, sizeof m.name, "Tiltak %ld", i + 1);
		m.participants = 1 + i * 7 % 300;
		m.start_year += (int)(i % 4);
		m.enabled = i % 5 != 0;
		if (workbook_add_measure(wb, &m) < 0)
			return -1;
	}
	return 0;
}

static long big_measures; /* --measures N, 0 = the fixture as it is */

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
	if (big_measures > 0 && replicate(wb, big_measures) != 0)
		return -1;
	return projection_compute(p, wb);
}

int main(int argc, char **argv)
{
	struct workbook wb;
	struct projection p;
	if (argc >= 4 && strcmp(argv[2], "--measures") == 0) {
		big_measures = atol(argv[3]);
		for (int i = 2; i + 2 < argc; i++)
			argv[i] = argv[i + 2];
		argc -= 2;
	}
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
		fprintf(stderr,
			"bruk: %s write [--measures N] FIXTURE OUT.xlsx | check [--measures N] "
			"FIXTURE DIR NAME\n",
			argv[0]);
		return 2;
	}
	if (load(argv[2], &wb, &p) != 0)
		return 2;
	struct check c;
	memset(&c, 0, sizeof c);
	for (int i = 0; i < XS_COUNT; i++) {
		char path[2048];
		snprintf(path, sizeof path, "%s/%s-%s.csv", argv[3], argv[4], xlsx_checked_sheet_name[i]);
		if (grid_load(&c.grids[i], path) != 0) {
			fprintf(stderr, "kan ikke lese %s\n", path);
			return 2;
		}
	}
	xlsx_expectations(&wb, &p, expect, &c);
	printf("%s: %d avvik\n", argv[2], c.failures);
	for (int i = 0; i < XS_COUNT; i++) {
		free(c.grids[i].text);
		free(c.grids[i].cell);
	}
	projection_free(&p);
	workbook_free(&wb);
	return c.failures ? 1 : 0;
}
