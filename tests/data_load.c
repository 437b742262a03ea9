/*
 * Tests of the default workbook as the program builds it: the embedded
 * document passes the interchange reader's validation (default_workbook_read()
 * reads it exactly as an import would), has the shape doc/default-data.md
 * describes, and computes the headline results the page states (its
 * "measure | pv cost | …" table, checked to the krone) and the figures of
 * its paragraph on KS's "about 300 000 kr per participant".
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/default_workbook.h"
#include "engine/projection.h"
#include "interchange/json.h"
#include "tests/data_expr.h"
#include "tests/data_page.h"

#define HEADLINE_HEADER                                                                      \
	"| measure | pv cost | pv saving | npv | npv per participant | break-even year | "      \
	"break-even success rate | kommune | fylkeskommune | stat | npv society |"

Test(data_load, embedded_document_passes_the_importer)
{
	struct workbook wb;
	workbook_init(&wb);
	struct problems *pr = malloc(sizeof *pr);
	cr_assert_not_null(pr);
	problems_clear(pr);
	int rc = json_read_workbook((const char *)default_workbook_json, default_workbook_json_size,
				    &wb, pr);
	char first[1024] = "";
	if (pr->count > 0)
		problem_format(&pr->list[0], first, sizeof first);
	cr_assert_eq(rc, 0, "%zu problems; first: %s", pr->count, first);
	free(pr);
	workbook_free(&wb);
}

Test(data_load, default_workbook_has_the_documented_shape)
{
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(default_workbook_read(&wb), 0);
	cr_expect_eq(wb.params.price_year, 2025);
	cr_expect_float_eq(wb.params.g_amount, 130160, 1e-9);
	cr_expect_float_eq(wb.params.tax_cost, 0.20, 1e-12);
	cr_expect_eq(wb.group_count, 7);
	cr_expect_eq(wb.measure_count, 3);
	cr_expect_geq(wb.sector_count, 9);
	size_t items = 0;
	for (size_t g = 0; g < wb.group_count; g++)
		items += wb.groups[g].item_count;
	cr_expect_gt(items, 100);
	workbook_free(&wb);
}

struct headline {
	const struct workbook *wb;
	const struct projection *p;
	int rows;
};

static double cell_number(const char *cell)
{
	double v;
	int dec;
	cr_assert(data_number_read(cell, &v, &dec), "«%s» is not a number", cell);
	return v;
}

static void check_money(const char *what, const char *row, double engine, const char *cell)
{
	double page = cell_number(cell);
	cr_expect(fabs(engine - page) <= 0.5 + 1e-9, "%s, %s: the engine gives %.2f, the page %s",
		  row, what, engine, cell);
}

static void check_year(const char *row, bool has, int year, const char *cell)
{
	if (strcmp(cell, "\xe2\x80\x93") == 0)
		cr_expect_not(has, "%s: the engine has a break-even year %d", row, year);
	else
		cr_expect(has && year == atoi(cell), "%s: break-even %s on the page, %d", row, cell,
			  has ? year : 0);
}

static void headline_row(void *ctx, const char *group, char **c, int n)
{
	struct headline *h = ctx;
	(void)group;
	cr_assert_eq(n, 11, "headline row with %d cells", n);
	const struct result *r = NULL;
	bool portfolio = strcmp(c[0], "**portfolio**") == 0;
	if (portfolio)
		r = &h->p->portfolio;
	for (size_t i = 0; r == NULL && i < h->wb->measure_count; i++)
		if (strcmp(h->wb->measures[i].name, c[0]) == 0)
			r = &h->p->measures[i];
	cr_assert_not_null(r, "headline row «%s» names no measure", c[0]);
	check_money("pv cost", c[0], r->pv_cost, c[1]);
	check_money("pv saving", c[0], r->pv_saving, c[2]);
	check_money("npv", c[0], r->npv, c[3]);
	if (!portfolio) {
		check_money("npv per participant", c[0], r->npv_per_participant, c[4]);
		cr_assert(r->has_break_even_success_rate, "%s", c[0]);
		/* "1.5 %": the number before the per cent sign. */
		char *percent = strstr(c[6], " %");
		cr_assert_not_null(percent, "%s: «%s» is not a percentage", c[0], c[6]);
		*percent = '\0';
		double pct = cell_number(c[6]);
		cr_expect(fabs(100 * r->break_even_success_rate - pct) <= 0.05 + 1e-9,
			  "%s: break-even success rate %.3f %%, the page %s %%", c[0],
			  100 * r->break_even_success_rate, c[6]);
	}
	check_year(c[0], r->has_break_even_year, r->break_even_year, c[5]);
	check_money("kommune", c[0], r->by_bearer[BEARER_KOMMUNE].npv, c[7]);
	check_money("fylkeskommune", c[0], r->by_bearer[BEARER_FYLKESKOMMUNE].npv, c[8]);
	check_money("stat", c[0], r->by_bearer[BEARER_STAT].npv, c[9]);
	check_money("npv society", c[0], r->society.npv_society, c[10]);
	h->rows++;
}

Test(data_load, headline_results_are_the_pages)
{
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(default_workbook_read(&wb), 0);
	struct projection p;
	projection_init(&p);
	cr_assert_eq(projection_compute(&p, &wb), 0);
	struct headline h = {&wb, &p, 0};
	char *page = data_page_read();
	data_page_rows(page, HEADLINE_HEADER, headline_row, &h);
	free(page);
	cr_expect_eq(h.rows, (int)wb.measure_count + 1, "one headline row per measure and the portfolio");
	projection_free(&p);
	workbook_free(&wb);
}

Test(data_load, a_default_group_copies_with_its_sectors_and_sources)
{
	struct workbook wb, defaults;
	workbook_init(&wb);
	workbook_init(&defaults);
	strcpy(wb.params.name, "Egen arbeidsbok"); /* validation wants a name */
	cr_assert_eq(default_workbook_read(&defaults), 0);
	const struct target_group *src = &defaults.groups[workbook_find_group(&defaults, "atferdsvansker")];
	cr_assert_eq(default_group_copy(&wb, "atferdsvansker"), 0);
	cr_assert_eq(wb.group_count, 1);
	const struct target_group *g = &wb.groups[0];
	cr_expect_eq(g->item_count, src->item_count);
	for (size_t i = 0; i < g->item_count; i++) {
		const struct cost_item *a = &g->items[i], *b = &src->items[i];
		cr_expect(strcmp(a->name, b->name) == 0 && a->kind == b->kind &&
				  a->bearer == b->bearer && strcmp(a->sector, b->sector) == 0 &&
				  a->amount == b->amount && a->unit == b->unit &&
				  a->from_age == b->from_age && a->to_age == b->to_age &&
				  strcmp(a->source, b->source) == 0 && a->confidence == b->confidence,
			  "%s is not the default's, with its source and grade", b->name);
		cr_expect(workbook_item_sector(&wb, &g->items[i]) >= 0 ||
				  !item_kind_has_bearer(g->items[i].kind),
			  "%s: sector %s not copied", g->items[i].name, g->items[i].sector);
	}
	size_t sectors = wb.sector_count;
	cr_expect_gt(sectors, 0);
	struct problems *pr = malloc(sizeof *pr);
	cr_assert_not_null(pr);
	problems_clear(pr);
	char first[1024] = "";
	bool valid = validate_workbook(&wb, pr);
	if (pr->count > 0)
		problem_format(&pr->list[0], first, sizeof first);
	cr_expect(valid, "the copy validates: %s", first);
	free(pr);
	/* Twice, or an unknown group: refused, nothing changes. */
	cr_expect_eq(default_group_copy(&wb, "atferdsvansker"), 1);
	cr_expect_eq(default_group_copy(&wb, "no-such-group"), 1);
	cr_expect_eq(wb.group_count, 1);
	cr_expect_eq(wb.sector_count, sectors);
	workbook_free(&wb);
	workbook_free(&defaults);
}

Test(data_load, a_sector_of_another_bearer_refuses_the_copy)
{
	struct workbook wb;
	workbook_init(&wb);
	struct sector s = {0};
	/* The group's items use barnevern and bufetat before skatt-stat. */
	strcpy(s.id, "skatt-stat");
	strcpy(s.name, "Skatt, men hos kommunen");
	s.bearer = BEARER_KOMMUNE;
	cr_assert_geq(workbook_add_sector(&wb, &s), 0);
	cr_expect_eq(default_group_copy(&wb, "barnevern-hjelpetiltak"), 1);
	cr_expect_eq(wb.group_count, 0);
	cr_expect_eq(wb.sector_count, 1, "sectors added before the refusal are taken back");
	workbook_free(&wb);
}

/* 516302.3 -> "516 302 kr", as the page writes kroner. */
static void kroner(double v, char *out, size_t size)
{
	char digits[32];
	snprintf(digits, sizeof digits, "%.0f", v);
	size_t n = strlen(digits), o = 0;
	for (size_t i = 0; i < n && o + 2 < size; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = ' ';
		out[o++] = digits[i];
	}
	snprintf(out + o, size - o, " kr");
}

/* The page's text from the heading `from` to the next "## ", lines joined. */
static char *section_text(const char *from)
{
	char *page = data_page_read();
	char *start = strstr(page, from);
	cr_assert_not_null(start, "doc/default-data.md has no «%s»", from);
	char *end = strstr(start + strlen(from), "\n## ");
	if (end != NULL)
		*end = '\0';
	memmove(page, start, strlen(start) + 1);
	for (char *p = page; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	return page;
}

static void says(const char *text, const char *what)
{
	cr_expect_not_null(strstr(text, what), "the KS paragraph does not say «%s»", what);
}

/*
 * The paragraph on KS's "about 300 000 kr per participant over 40 years":
 * one success's worth with and without discounting, the success rates that
 * give 300 000 kr net per participant, and the break-even rate, all as the
 * engine computes them for the example measure Oppfølgingslos.
 */
Test(data_load, ks_paragraph_is_the_engines)
{
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(default_workbook_read(&wb), 0);
	struct measure *m = &wb.measures[0];
	cr_assert_str_eq(m->name, "Oppfølgingslos");
	cr_assert_eq(m->participants, 80);
	cr_assert_float_eq(m->cost_per_participant, 7500, 1e-9);
	double chosen = m->success_rate;
	struct projection p;
	projection_init(&p);
	m->success_rate = 1;
	cr_assert_eq(projection_compute(&p, &wb), 0);
	double worth = p.measures[0].pv_saving / m->participants;
	wb.params.discount.mode = DISCOUNT_NONE;
	cr_assert_eq(projection_compute(&p, &wb), 0);
	double worth_undiscounted = p.measures[0].pv_saving / m->participants;
	wb.params.discount.mode = DISCOUNT_R109;
	m->success_rate = chosen;
	cr_assert_eq(projection_compute(&p, &wb), 0);
	const struct result *r = &p.measures[0];
	cr_assert(r->has_break_even_success_rate);

	char *text = section_text("### KS's");
	char want[128], k[48];
	kroner(worth, k, sizeof k);
	snprintf(want, sizeof want, "is worth %s", k);
	says(text, want);
	kroner(worth_undiscounted, k, sizeof k);
	snprintf(want, sizeof want, "and %s undiscounted", k);
	says(text, want);
	double per_participant = 300000 + m->cost_per_participant;
	snprintf(want, sizeof want, "about **%.0f %% undiscounted**",
		 100 * per_participant / worth_undiscounted);
	says(text, want);
	snprintf(want, sizeof want, "about **%.0f %% with R-109 discounting**",
		 100 * per_participant / worth);
	says(text, want);
	snprintf(want, sizeof want, "if **%.1f %%** of the", 100 * r->break_even_success_rate);
	says(text, want);
	snprintf(want, sizeof want, "about %.1f of the %ld", r->break_even_success_rate * (double)m->participants,
		 m->participants);
	says(text, want);
	free(text);
	projection_free(&p);
	workbook_free(&wb);
}
