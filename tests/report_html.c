/*
 * report_html.c: the HTML council report: well-formed, self-contained,
 * escaped, printable, and showing the engine's own figures.
 *
 * Expected values in the "simple" tests are worked out by hand from
 * tests/fixtures/report-simple.json (no discounting, 10 years):
 *   80 participants × 7 500 kr = 600 000 kr paid by the fylkeskommune in 2027;
 *   successes = 80 × 0,2 = 16 from 2027; the stat's extra cost 30 000 kr
 *   applies from age 20, i.e. 2031–2036 (6 years): 16 × 30 000 × 6 =
 *   2 880 000 kr saved; NPV 2 280 000; BCR 4,80; cumulative net −120 000
 *   in 2031 and +360 000 in 2032, so it pays back in 2032.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report/report.h"
#include "tests/report_fixture.h"

#define NB "\xc2\xa0"

static char *render(struct fixture *f, const char *name)
{
	return fixture_render(f, name, REPORT_HTML);
}

static bool is_void(const char *name, size_t n)
{
	static const char *const voids[] = {"meta", "br", "hr", "img", "input", "link", "col",
					    "wbr"};
	for (size_t i = 0; i < sizeof voids / sizeof voids[0]; i++)
		if (strlen(voids[i]) == n && strncasecmp(voids[i], name, n) == 0)
			return true;
	return false;
}

/*
 * A small well-formedness checker for the elements the report emits: every
 * start tag is closed in order (void and self-closed tags excepted), every
 * '&' starts an entity, and no '<' or '>' appears in text.  Returns NULL
 * when well-formed, else a description of the first fault (in `why`, or a
 * fixed string).
 */
static const char *check_html_into(const char *s, char *why, size_t why_size)
{
	char stack[64][32];
	int depth = 0;
	const char *p = s;
	if (strncmp(p, "<!DOCTYPE html>", 15) != 0)
		return "missing <!DOCTYPE html>";
	p += 15;
	bool in_style = false;
	while (*p) {
		if (in_style) {
			const char *end = strstr(p, "</style>");
			if (end == NULL)
				return "unterminated <style>";
			p = end;
			in_style = false;
			continue;
		}
		if (*p == '>') {
			snprintf(why, why_size, "stray '>' in text near: %.40s", p);
			return why;
		}
		if (*p == '&') {
			const char *semi = strchr(p, ';');
			if (semi == NULL || semi - p > 8) {
				snprintf(why, why_size, "bare '&' near: %.40s", p);
				return why;
			}
			p = semi + 1;
			continue;
		}
		if (*p != '<') {
			p++;
			continue;
		}
		const char *end = strchr(p, '>');
		if (end == NULL)
			return "unterminated tag";
		/* A '<' inside a tag means text leaked into markup. */
		const char *inner = memchr(p + 1, '<', (size_t)(end - p - 1));
		if (inner != NULL) {
			snprintf(why, why_size, "'<' inside a tag near: %.40s", p);
			return why;
		}
		bool closing = p[1] == '/';
		const char *name = p + 1 + closing;
		size_t n = 0;
		while (isalnum((unsigned char)name[n]))
			n++;
		if (n == 0) {
			snprintf(why, why_size, "bad tag near: %.40s", p);
			return why;
		}
		bool self_closed = end[-1] == '/';
		if (closing) {
			if (depth == 0 || strlen(stack[depth - 1]) != n ||
			    strncmp(stack[depth - 1], name, n) != 0) {
				snprintf(why, why_size, "</%.*s> does not close <%s>", (int)n, name,
					 depth ? stack[depth - 1] : "(nothing)");
				return why;
			}
			depth--;
		} else if (!self_closed && !is_void(name, n)) {
			if (depth == 64 || n >= 32)
				return "nesting too deep";
			snprintf(stack[depth++], 32, "%.*s", (int)n, name);
			if (n == 5 && strncmp(name, "style", 5) == 0)
				in_style = true;
		}
		p = end + 1;
	}
	if (depth != 0) {
		snprintf(why, why_size, "<%s> never closed", stack[depth - 1]);
		return why;
	}
	return NULL;
}

/* The checker with a buffer local to the calling test. */
#define CHECK_HTML(s) check_html_into((s), why, sizeof why)

Test(report_html, checker_catches_faults)
{
	char why[256];
	/* The checker itself must be able to fail. */
	cr_expect_null(CHECK_HTML("<!DOCTYPE html><html><p>a &amp; b</p><meta x=\"1\"/></html>"));
	cr_expect_not_null(CHECK_HTML("<!DOCTYPE html><html><p>a</html>"));
	cr_expect_not_null(CHECK_HTML("<!DOCTYPE html><html><p>a & b</p></html>"));
	cr_expect_not_null(CHECK_HTML("<!DOCTYPE html><html><p><b>x</p></b></html>"));
	cr_expect_not_null(CHECK_HTML("<!DOCTYPE html><p>1 > 0</p>"));
}

Test(report_html, well_formed_and_self_contained)
{
	char why[256];
	const char *fixtures[] = {"report-simple.json", "report-rich.json", "report-empty.json",
				  "report-edges.json", "report-v2.json", "report-uncertainty.json"};
	for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0]; i++) {
		struct fixture f;
		char *html = render(&f, fixtures[i]);
		const char *fault = CHECK_HTML(html);
		cr_expect_null(fault, "%s: %s", fixtures[i], fault ? fault : "");
		cr_expect_null(strcasestr(html, "http"), "%s references a URL", fixtures[i]);
		cr_expect_null(strcasestr(html, "<script"), "%s has a script", fixtures[i]);
		cr_expect_null(strcasestr(html, "<link"), "%s links a resource", fixtures[i]);
		cr_expect_null(strcasestr(html, "@import"), "%s imports CSS", fixtures[i]);
		cr_expect_null(strcasestr(html, "url("), "%s loads a resource", fixtures[i]);
		cr_expect_not_null(strstr(html, "<meta charset=\"utf-8\"/>"));
		cr_expect_not_null(strstr(html, "<html lang=\"nb\">"));
		free(html);
		fixture_free(&f);
	}
}

Test(report_html, prints_on_a4)
{
	static const char *const want[] = {"@page{size:A4", "@media print",
					   "page-break-before:always",
					   "<section id=\"vedlegg\" class=\"newpage\">", NULL};
	expect_report("report-rich.json", REPORT_HTML, want, NULL);
}

Test(report_html, user_text_is_escaped)
{
	static const char *const want[] = {
		/* The measure is named  Los & <b>"venn"</b> 'x'  */
		"Los &amp; &lt;b&gt;&quot;venn&quot;&lt;/b&gt; &#39;x&#39;",
		/* The workbook name in <title> and <h1>. */
		"Budsjett 2027 &lt;utkast&gt; &amp; &quot;plan&quot;",
		"Søndre Land",
		NULL,
	};
	static const char *const unwanted[] = {"<b>\"venn\"", NULL};
	expect_report("report-rich.json", REPORT_HTML, want, unwanted);
}

Test(report_html, hand_computed_summary)
{
	static const char *const want[] = {
		"<h1>Utenfor-regnskapet: Enkel sak</h1>",
		"Gausdal",
		"Fylkeskommunen investerer 600" NB "000" NB "kr i 2027.",
		/* Nothing is discounted in this fixture, so nothing is called nåverdi. */
		"sparer offentlige budsjetter for 2,9 mill." NB
		"kr over 10 år (summert uten diskontering), alt for staten.",
		"gir 4,80 kr tilbake",
		"Av det tiltakene sparer, havner 100,0" NB "% i et annet budsjett",
		"Investeringen er lønnsom fra 2032.",
		/* Who pays, who gains: the fylkeskommune pays, the stat saves. */
		"<td>Fylkeskommune</td><td class=\"num\">600" NB
		"000</td><td class=\"num\">0</td><td class=\"num\">-600" NB "000</td>",
		"<td>Stat</td><td class=\"num\">0</td><td class=\"num\">2" NB "880" NB
		"000</td><td class=\"num\">2" NB "880" NB "000</td>",
		"<td class=\"num\">2" NB "280" NB "000</td>",
		/* Per participant 2 280 000 / 80 = 28 500. */
		"<td class=\"num\">28" NB "500</td>",
		NULL,
	};
	expect_report("report-simple.json", REPORT_HTML, want, NULL);
}

Test(report_html, figures_are_the_engines)
{
	struct fixture f;
	char *html = render(&f, "report-rich.json");
	char want[128], cell[160];
	for (size_t i = 0; i < f.wb.measure_count; i++) {
		const struct result *r = &f.p.measures[i];
		const double values[] = {r->pv_cost, r->pv_saving, r->npv, r->npv_per_participant};
		for (size_t k = 0; k < 4; k++) {
			kr_text(want, sizeof want, values[k]);
			snprintf(cell, sizeof cell, "<td class=\"num\">%s</td>", want);
			cr_expect_not_null(strstr(html, cell), "measure %zu value %zu: %s", i, k, cell);
		}
	}
	for (int b = 0; b < BEARER_COUNT; b++) {
		kr_text(want, sizeof want, f.p.portfolio.by_bearer[b].pv_saving);
		snprintf(cell, sizeof cell, "<td class=\"num\">%s</td>", want);
		cr_expect_not_null(strstr(html, cell), "bearer %d saving %s", b, cell);
	}
	struct year_cursor cur;
	struct year_row y;
	year_cursor_start(&cur, &f.p.portfolio);
	for (int t = 0; year_cursor_next(&cur, &y); t++) {
		kr_text(want, sizeof want, y.cum_net_discounted);
		snprintf(cell, sizeof cell, "<td class=\"num\">%s</td></tr>", want);
		cr_expect_not_null(strstr(html, cell), "year %d: %s", t, cell);
	}
	char be[32];
	snprintf(be, sizeof be, "lønnsom fra %d", f.p.portfolio.break_even_year);
	cr_expect(f.p.portfolio.has_break_even_year);
	cr_expect_not_null(strstr(html, be));
	/* The disabled measure is listed but marked. */
	cr_expect_not_null(strstr(html, "<td>Avslått pilot</td><td>Barn med hjelpetiltak fra "
					"barnevernet</td><td>nei</td>"));
	free(html);
	fixture_free(&f);
}

Test(report_html, appendix_lists_every_assumption)
{
	struct fixture f;
	char *html = render(&f, "report-rich.json");
	for (size_t g = 0; g < f.wb.group_count; g++)
		for (size_t i = 0; i < f.wb.groups[g].item_count; i++) {
			const struct cost_item *it = &f.wb.groups[g].items[i];
			cr_expect_not_null(strstr(html, it->name), "item %s", it->name);
			cr_expect_not_null(strstr(html, it->source), "source %s", it->source);
		}
	static const char *const want[] = {
		/* 0,35 G is shown as a fraction of G, not rounded to 0. */
		"<td class=\"num\">0,35</td><td>G</td>",
		/* Version 2: the item's kind and sector (a version-1 item is a
		 * service of its bearer's own sector). */
		"<td>Tapt skatt og trygd</td><td>Tjeneste</td><td>Stat</td><td>Stat</td>"
		"<td class=\"num\">30" NB "000</td><td>kr</td><td>20–66 år</td><td>KS 2019, via Aftenposten</td><td>C</td>",
		"R-109/2021",
		"bare offentlige budsjetter",
		"antakelser",
		NULL,
	};
	expect_strings(html, want, NULL);
	free(html);
	fixture_free(&f);
}

Test(report_html, charts_are_inline_svg)
{
	struct fixture f;
	char *html = render(&f, "report-rich.json");
	const char *a = strstr(html, "<svg");
	cr_assert_not_null(a);
	cr_expect_not_null(strstr(a + 4, "<svg"), "two charts");
	cr_expect_not_null(strstr(html, "<polyline class=\"disc\""));
	cr_expect_not_null(strstr(html, "<rect class=\"saving\""));
	free(html);
	fixture_free(&f);
}

Test(report_html, empty_workbook_says_so)
{
	char why[256];
	struct fixture f;
	char *html = render(&f, "report-empty.json");
	cr_expect_not_null(strstr(html, "ingenting å rapportere"));
	cr_expect_null(strstr(html, "<svg"));
	cr_expect_null(CHECK_HTML(html));
	free(html);
	fixture_free(&f);
}
