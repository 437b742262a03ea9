/*
 * session_uncertainty.c: the simulation as the interface runs it — in
 * slices, restarted by every change, for the focus measure and the
 * portfolio — gives exactly what `utenfor calc --json` gives
 * (unc_results_compute) for the same draws and seed; and the "lav" and
 * "høy" of a measure's ranged fields are read, refused and stored as the
 * form types them.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "engine/uncertainty.h"
#include "session/analysis.h"
#include "session/session.h"
#include "tests/store_util.h"

STORE_SCRATCH("usikker.utenfor")

static void setup(void)
{
	scratch_setup();
	struct workbook wb;
	store_create_sample(path, &wb);
	workbook_free(&wb);
}

TestSuite(session_unc, .init = setup, .fini = scratch_teardown, .timeout = 60);

static struct session *open_ok(unsigned flags)
{
	struct session *s = NULL;
	struct diag d;
	cr_assert_eq(session_open(path, flags, &s, NULL, &d), DIAG_OK, "%s", d.message);
	cr_assert_eq(session_add_analysis(s, &analysis_portfolio, &d), DIAG_OK);
	cr_assert_eq(session_add_analysis(s, &analysis_uncertainty, &d), DIAG_OK);
	return s;
}

static const struct field_desc *field(enum row_kind k, const char *key)
{
	const struct field_desc *f = session_field_named(k, key);
	cr_assert_not_null(f, "no field %s", key);
	return f;
}

static void set(struct session *s, struct row_key row, const char *key, const char *text)
{
	struct diag d;
	cr_assert_eq(session_set_field(s, row, field(row.kind, key), text, &d), DIAG_OK, "%s=%s: %s",
		     key, text, d.message);
}

/* Step in slices of `budget_ms` until every analysis is current; returns
 * how many steps it took. */
static int run(struct session *s, double budget_ms)
{
	int steps = 0;
	while (!session_step(s, budget_ms))
		cr_assert_lt(++steps, 1000000, "the simulation never finished");
	return steps;
}

static const struct uncertainty_result *result(struct session *s)
{
	bool current;
	const struct uncertainty_result *r = session_result(s, &analysis_uncertainty, &current);
	cr_assert_not_null(r);
	cr_assert(current);
	return r;
}

static void same_stats(const struct mc_stats *a, const struct mc_stats *b, const char *what)
{
	/* Bit for bit: the slicing must not change a single draw. */
	cr_assert(memcmp(&a->mean, &b->mean, sizeof a->mean) == 0, "%s mean %.17g vs %.17g", what,
		  a->mean, b->mean);
	cr_assert(memcmp(&a->p10, &b->p10, sizeof a->p10) == 0, "%s p10", what);
	cr_assert(memcmp(&a->p50, &b->p50, sizeof a->p50) == 0, "%s p50", what);
	cr_assert(memcmp(&a->p90, &b->p90, sizeof a->p90) == 0, "%s p90", what);
	cr_assert(a->prob_positive == b->prob_positive, "%s chance", what);
}

/* Ranges on the first measure and 2 000 draws, so the test is quick and
 * the tornado has a field entry. */
static void prepare(struct session *s)
{
	struct row_key m0 = session_measure_key(s, 0);
	set(s, (struct row_key){ROW_PARAMS, 0}, "uncertainty.draws", "2000");
	set(s, m0, "ranges.success_rate.low", "5");
	set(s, m0, "ranges.success_rate.high", "40");
	set(s, m0, "ranges.cost_per_participant.high", "20000");
	session_set_focus(s, m0);
}

Test(session_unc, slices_give_exactly_what_calc_gives)
{
	struct session *s = open_ok(0);
	prepare(s);
	/* A hundredth of a millisecond: a handful of draws per step. */
	int steps = run(s, 0.01);
	cr_assert_gt(steps, 5, "ran in %d steps: not sliced", steps);
	const struct uncertainty_result *r = result(s);
	const struct workbook *wb = session_workbook(s);
	const struct projection *p = session_result(s, &analysis_portfolio, NULL);

	struct unc_results want;
	unc_results_init(&want);
	cr_assert_eq(unc_results_compute(&want, wb, p, wb->params.uncertainty.draws,
					 wb->params.uncertainty.seed),
		     0);
	cr_assert(r->portfolio.ready && r->portfolio.current);
	cr_assert(r->measure.ready && r->measure.current);
	cr_assert_eq(r->portfolio.summary.draws, 2000);
	cr_assert_eq(r->measure.measure_id, wb->measures[0].row.id);
	for (int l = 0; l < UNC_LINES; l++) {
		same_stats(&r->portfolio.summary.line[l], &want.portfolio_mc.line[l], "portfolio");
		same_stats(&r->measure.summary.line[l], &want.measure_mc[0].line[l], "measure 0");
	}
	cr_assert_eq(r->chance_count, wb->measure_count);
	for (size_t i = 0; i < wb->measure_count; i++)
		cr_assert(uncertainty_chance(r, wb, i) ==
			  want.measure_mc[i].line[UNC_TOTAL].prob_positive);
	/* The measure's tornado: its two ranged fields and its profile,
	 * largest swing first, each entry as the engine computes it. */
	cr_assert_eq(r->measure.tornado_count, want.measure_tornado_count[0]);
	for (size_t k = 1; k < r->measure.tornado_count; k++) {
		const struct tornado_entry *a = &r->measure.tornado[k - 1], *b = &r->measure.tornado[k];
		cr_assert_geq(fabs(a->npv_high[UNC_TOTAL] - a->npv_low[UNC_TOTAL]),
			      fabs(b->npv_high[UNC_TOTAL] - b->npv_low[UNC_TOTAL]));
	}
	/* Each entry bit for bit (the measure's run prepares that measure
	 * alone: unc_model_prepare_only()). */
	for (size_t k = 0; k < r->measure.tornado_count; k++) {
		const struct tornado_entry *g = &r->measure.tornado[k];
		bool found = false;
		for (size_t j = 0; j < want.measure_tornado_count[0] && !found; j++) {
			const struct tornado_entry *w = &want.measure_tornado[j];
			found = g->input == w->input &&
				memcmp(g->npv_low, w->npv_low, sizeof g->npv_low) == 0 &&
				memcmp(g->npv_high, w->npv_high, sizeof g->npv_high) == 0;
		}
		cr_assert(found, "measure tornado entry %zu (input %d) differs from calc's", k,
			  g->input);
	}
	cr_assert(r->measure.switching.has[RANGE_SUCCESS_RATE]);
	cr_assert(r->measure.switching.value[RANGE_SUCCESS_RATE] ==
		  want.switching[0].value[RANGE_SUCCESS_RATE]);
	/* The portfolio's tornado, computed in steps of its own after the
	 * draws: calc's entries, each bit for bit, sorted by swing. */
	cr_assert_gt(want.portfolio_tornado_count, 0);
	cr_assert_eq(r->portfolio.tornado_count, want.portfolio_tornado_count);
	for (size_t k = 0; k < want.portfolio_tornado_count; k++) {
		const struct tornado_entry *w = &want.portfolio_tornado[k];
		bool found = false;
		for (size_t j = 0; j < r->portfolio.tornado_count && !found; j++) {
			const struct tornado_entry *g = &r->portfolio.tornado[j];
			found = g->measure == w->measure && g->group == w->group &&
				g->input == w->input &&
				memcmp(g->npv_low, w->npv_low, sizeof g->npv_low) == 0 &&
				memcmp(g->npv_high, w->npv_high, sizeof g->npv_high) == 0;
		}
		cr_assert(found, "portfolio tornado entry %zu (measure %ld, input %d) differs", k,
			  w->measure, w->input);
	}
	/* The histogram holds every draw. */
	long n = 0;
	for (int b = 0; b < UNC_HIST_BINS; b++)
		n += r->portfolio.hist.count[b];
	cr_assert_eq(n, 2000);
	cr_assert_leq(r->portfolio.hist.min, r->portfolio.summary.line[UNC_TOTAL].p10);
	cr_assert_geq(r->portfolio.hist.max, r->portfolio.summary.line[UNC_TOTAL].p90);
	unc_results_free(&want);
	session_close(s);
}

Test(session_unc, a_keystroke_restarts_and_the_last_result_stays_meanwhile)
{
	struct session *s = open_ok(0);
	prepare(s);
	run(s, 50);
	const struct uncertainty_result *r = result(s);
	double before = r->measure.summary.line[UNC_TOTAL].mean;
	struct diag d;
	cr_assert_eq(session_draft_begin(s, session_measure_key(s, 0), field(ROW_MEASURE, "success_rate"),
					 0, &d),
		     DIAG_OK);
	cr_assert_eq(session_draft_set_text(s, "30", &d), DIAG_OK, "%s", d.message);
	bool current;
	r = session_result(s, &analysis_uncertainty, &current);
	cr_assert_not(current);
	cr_assert(r->measure.ready, "the last result stays while the new one runs");
	cr_assert_not(r->measure.current);
	cr_assert(r->measure.summary.line[UNC_TOTAL].mean == before);
	run(s, 50);
	r = result(s);
	cr_assert(r->measure.current);
	cr_assert_gt(r->measure.summary.line[UNC_TOTAL].mean, before,
		     "a higher success rate must raise the mean NPV");
	session_draft_cancel(s, &d);
	session_close(s);
}

Test(session_unc, the_focus_measure_is_simulated_and_none_gives_no_result)
{
	struct session *s = open_ok(0);
	prepare(s);
	run(s, 50);
	session_set_focus(s, session_measure_key(s, 1));
	run(s, 50);
	const struct uncertainty_result *r = result(s);
	cr_assert_eq(r->measure.measure_id, session_workbook(s)->measures[1].row.id);
	session_set_focus(s, (struct row_key){ROW_MEASURE, 0});
	run(s, 50);
	r = result(s);
	cr_assert_not(r->measure.ready);
	cr_assert(r->portfolio.ready, "the portfolio does not depend on the focus");
	session_close(s);
}

static const struct value_range *range_of(struct session *s, size_t m, enum range_field f)
{
	return &session_workbook(s)->measures[m].ranges[f];
}

Test(session_unc, range_ends_are_read_refused_and_stored)
{
	struct session *s = open_ok(0);
	struct row_key m0 = session_measure_key(s, 0);
	struct diag d;
	double value = session_workbook(s)->measures[0].success_rate;
	cr_assert_not(range_of(s, 0, RANGE_SUCCESS_RATE)->set);

	/* The first end typed: the other end is the value itself. */
	set(s, m0, "ranges.success_rate.high", "35");
	const struct value_range *r = range_of(s, 0, RANGE_SUCCESS_RATE);
	cr_assert(r->set);
	cr_assert_float_eq(r->high, 0.35, 1e-12);
	cr_assert(r->low == value);

	/* Low above the value: refused, naming the field and the value. */
	cr_assert_eq(session_set_field(s, m0, field(ROW_MEASURE, "ranges.success_rate.low"), "90", &d),
		     DIAG_INVALID);
	cr_assert(strstr(d.message, "Suksessrate, lav") != NULL, "%s", d.message);
	cr_assert(strstr(d.message, "høyst verdien") != NULL, "%s", d.message);
	cr_assert(range_of(s, 0, RANGE_SUCCESS_RATE)->low == value, "a refused edit changes nothing");
	/* Outside the field's own range. */
	cr_assert_eq(session_set_field(s, m0, field(ROW_MEASURE, "ranges.success_rate.high"), "120",
				       &d),
		     DIAG_INVALID);
	cr_assert(strstr(d.message, "0 %") != NULL && strstr(d.message, "100 %") != NULL, "%s",
		  d.message);

	/* The value may not leave its range: change the range first. */
	cr_assert_eq(session_set_field(s, m0, field(ROW_MEASURE, "success_rate"), "50", &d),
		     DIAG_INVALID);
	cr_assert(strstr(d.message, "utenfor spennet") != NULL, "%s", d.message);
	cr_assert(session_workbook(s)->measures[0].success_rate == value);

	/* Kroner for the cost, by its label in either language. */
	set(s, m0, "Kostnad per deltaker, lav", "5 000");
	cr_assert_float_eq(range_of(s, 0, RANGE_COST_PER_PARTICIPANT)->low, 5000, 1e-9);
	session_close(s);

	/* Stored: another program sees it; then empty text removes it. */
	s = open_ok(0);
	m0 = session_measure_key(s, 0);
	cr_assert(range_of(s, 0, RANGE_SUCCESS_RATE)->set);
	cr_assert_float_eq(range_of(s, 0, RANGE_SUCCESS_RATE)->high, 0.35, 1e-12);
	cr_assert(range_of(s, 0, RANGE_COST_PER_PARTICIPANT)->set);
	set(s, m0, "ranges.success_rate.low", "");
	cr_assert_not(range_of(s, 0, RANGE_SUCCESS_RATE)->set);
	/* Undo brings the range back. */
	cr_assert_eq(session_undo(s, false, &d), DIAG_OK, "%s", d.message);
	cr_assert(range_of(s, 0, RANGE_SUCCESS_RATE)->set);
	session_close(s);
}
