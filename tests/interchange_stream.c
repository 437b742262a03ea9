/*
 * interchange_stream.c: the streamed results document of `calc --json`
 * (json_write_results_file(), one result object at a time, from a full or
 * a streaming projection) is byte for byte the document built as one
 * jansson tree (json_write_results(), and with the "uncertainty" objects
 * json_write_results_uncertainty(), the uncertainty computed from either
 * projection), for every workbook among the .json files of tests/fixtures,
 * for 200 measures, and for a workbook without measures.
 */
#include <criterion/criterion.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/projection.h"
#include "engine/uncertainty.h"
#include "engine/validate.h"
#include "engine/workbook.h"
#include "interchange/json.h"

static const char *srcdir(void)
{
	const char *s = getenv("top_srcdir");
	return s ? s : ".";
}

/* The streamed document (malloc'd; the caller frees). */
static char *streamed(const struct workbook *wb, const struct projection *p,
		      const struct unc_results *unc)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	cr_assert_not_null(f);
	cr_assert_eq(json_write_results_file(f, wb, p, unc), 0);
	cr_assert_eq(ferror(f), 0);
	cr_assert_eq(fclose(f), 0);
	return text;
}

/* Documents compared whose portfolio tornado had entries: the writer
 * streams those one by one, so at least one fixture must have some. */
static int tornado_documents;

/* Tree-built against streamed from both kinds of projection. */
static void assert_same_document(const struct workbook *wb, const char *name)
{
	struct projection full, stream;
	projection_init(&full);
	projection_init(&stream);
	cr_assert_eq(projection_compute(&full, wb), 0);
	cr_assert_eq(projection_compute_streaming(&stream, wb), 0);
	char *tree = json_write_results(wb, &full);
	cr_assert_not_null(tree);
	char *from_full = streamed(wb, &full, NULL);
	char *from_stream = streamed(wb, &stream, NULL);
	cr_expect_str_eq(from_full, tree, "%s: streamed from the full cache differs", name);
	cr_expect_str_eq(from_stream, tree, "%s: streamed from a streaming projection differs",
			 name);
	free(tree);
	free(from_full);
	free(from_stream);

	/* With the uncertainty objects (few draws: the bytes, not the
	 * statistics, are under test here). */
	struct unc_results unc_full, unc_stream;
	unc_results_init(&unc_full);
	unc_results_init(&unc_stream);
	cr_assert_eq(unc_results_compute(&unc_full, wb, &full, DRAWS_MIN, 7), 0);
	cr_assert_eq(unc_results_compute(&unc_stream, wb, &stream, DRAWS_MIN, 7), 0);
	tree = json_write_results_uncertainty(wb, &full, &unc_full);
	cr_assert_not_null(tree);
	cr_assert_not_null(strstr(tree, "\"uncertainty\""));
	tornado_documents += unc_full.portfolio_tornado_count > 0;
	from_full = streamed(wb, &full, &unc_full);
	from_stream = streamed(wb, &stream, &unc_stream);
	cr_expect_str_eq(from_full, tree, "%s: streamed with uncertainty differs", name);
	cr_expect_str_eq(from_stream, tree,
			 "%s: streamed with uncertainty from a streaming projection differs", name);
	free(tree);
	free(from_full);
	free(from_stream);
	unc_results_free(&unc_full);
	unc_results_free(&unc_stream);
	projection_free(&full);
	projection_free(&stream);
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

Test(stream, every_fixture_workbook)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/tests/fixtures", srcdir());
	DIR *d = opendir(dir);
	cr_assert_not_null(d, "cannot list %s", dir);
	int compared = 0, measures = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!has_suffix(e->d_name, ".json"))
			continue;
		char path[8192];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		struct workbook wb;
		struct problems *problems = malloc(sizeof *problems);
		cr_assert_not_null(problems);
		workbook_init(&wb);
		/* Results documents and the deliberately bad inputs are refused. */
		if (json_read_workbook_file(path, &wb, problems) == 0) {
			assert_same_document(&wb, e->d_name);
			compared++;
			measures += (int)wb.measure_count;
		}
		workbook_free(&wb);
		free(problems);
	}
	closedir(d);
	/* example, report-{edges,empty,rich,simple,v2}, store-roundtrip. */
	cr_expect_geq(compared, 7, "only %d fixture workbooks were read", compared);
	cr_expect_geq(measures, 15);
	cr_expect_geq(tornado_documents, 1, "no fixture has a portfolio tornado");
}

/* Many measures (disabled ones among them) from report-v2's three. */
Test(stream, two_hundred_measures)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/fixtures/report-v2.json", srcdir());
	struct workbook wb;
	struct problems *problems = malloc(sizeof *problems);
	cr_assert_not_null(problems);
	workbook_init(&wb);
	cr_assert_eq(json_read_workbook_file(path, &wb, problems), 0);
	size_t base = wb.measure_count;
	cr_assert_gt(base, 0);
	for (int i = 0; i < 200; i++) {
		struct measure m = wb.measures[(size_t)i % base];
		snprintf(m.name, sizeof m.name, "Kopi %d", i);
		m.participants = 1 + i * 7 % 300;
		m.start_year += i % 4;
		m.enabled = i % 5 != 0;
		cr_assert_geq(workbook_add_measure(&wb, &m), 0);
	}
	assert_same_document(&wb, "200 measures");
	workbook_free(&wb);
	free(problems);
}

Test(stream, no_measures)
{
	struct workbook wb;
	workbook_init(&wb);
	assert_same_document(&wb, "empty workbook");
	workbook_free(&wb);
}

/* The streaming projection's portfolio is the full one's, bit for bit,
 * and it keeps no measure results (the update functions see none). */
Test(stream, portfolio_same_bits)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/fixtures/report-v2.json", srcdir());
	struct workbook wb;
	struct problems *problems = malloc(sizeof *problems);
	cr_assert_not_null(problems);
	workbook_init(&wb);
	cr_assert_eq(json_read_workbook_file(path, &wb, problems), 0);
	struct projection full, stream;
	projection_init(&full);
	projection_init(&stream);
	cr_assert_eq(projection_compute(&full, &wb), 0);
	cr_assert_eq(projection_compute_streaming(&stream, &wb), 0);
	cr_assert_eq(stream.measure_count, 0);
	cr_assert_eq(memcmp(full.portfolio.years, stream.portfolio.years,
			    (size_t)full.portfolio.year_count * sizeof *full.portfolio.years),
		     0);
	cr_assert_eq(full.portfolio.npv, stream.portfolio.npv);
	for (size_t i = 0; i < wb.measure_count; i++) {
		const struct result *r = projection_measure_result(&stream, &wb, i);
		cr_assert_eq(r->npv, full.measures[i].npv, "measure %zu", i);
		cr_assert_eq(r->year_count, full.measures[i].year_count, "measure %zu", i);
		struct year_cursor cs, cf;
		struct year_row ys, yf;
		year_cursor_start(&cs, r);
		year_cursor_start(&cf, &full.measures[i]);
		while (year_cursor_next(&cs, &ys) && year_cursor_next(&cf, &yf))
			cr_assert_eq(ys.cum_net_discounted, yf.cum_net_discounted, "measure %zu", i);
	}
	projection_free(&full);
	projection_free(&stream);
	workbook_free(&wb);
	free(problems);
}
