/*
 * engine_uncertainty_mc.c: properties of the Monte Carlo simulation that
 * can fail: point inputs give the point NPV in every draw; the fast path
 * agrees draw by draw with a straightforward one (a full measure_project()
 * per draw with scaled inputs, written here independently of
 * engine/uncertainty_*.c, from the contract's text); slicing and
 * switching a measure off change nothing they must not; nearest-rank
 * percentiles; the triangular distribution's quantiles.
 */
#include "tests/engine_helpers.h"

#include <stdlib.h>

#include "engine/discount.h"
#include "engine/rng.h"
#include "engine/uncertainty.h"

static void set_range(struct measure *m, enum range_field f, double low, double high)
{
	m->ranges[f].set = true;
	m->ranges[f].low = low;
	m->ranges[f].high = high;
}

static void run_all(struct mc_run *run, const struct workbook *wb, long draws, uint64_t seed,
		    size_t keep)
{
	struct mc_options opt = {.draws = draws, .seed = seed, .only_measure = -1,
				 .keep_first = 0, .keep_count = keep};
	mc_init(run);
	cr_assert_eq(mc_begin(run, wb, &opt), 0);
	cr_assert_eq(mc_step(run, draws), draws);
	cr_assert(mc_done(run));
	mc_finish(run);
}

/* Two groups (one with a production item and a G item), three measures:
 * every field ranged on the first, decay and cost on the second, a
 * disabled third with a success-rate range.  R-109 over 30 years. */
static void small_workbook(struct workbook *wb)
{
	wb_setup(wb, 30, DISCOUNT_R109, 0.0);
	struct cost_item g1[] = {
		item_of(BEARER_KOMMUNE, 0.5, UNIT_G, 16, 19),
		item_of(BEARER_STAT, 10000, UNIT_NOK, 20, 66),
		item_of(BEARER_FYLKESKOMMUNE, 30000, UNIT_NOK, 16, 18),
		item_of(BEARER_STAT, 150000, UNIT_NOK, 20, 66),
	};
	g1[0].confidence = CONFIDENCE_A;
	g1[1].confidence = CONFIDENCE_B;
	g1[2].confidence = CONFIDENCE_D;
	g1[3].kind = ITEM_PRODUCTION;
	g1[3].bearer = BEARER_NONE;
	wb_group(wb, "g", g1, 4);
	struct cost_item g2[] = {
		item_of(BEARER_KOMMUNE, 80000, UNIT_NOK, 6, 17),
		item_of(BEARER_STAT, -5000, UNIT_NOK, 18, 40),
	};
	wb_group(wb, "h", g2, 2);

	struct measure a = measure_of("g");
	a.deadweight = 0.1;
	a.decay = 0.05;
	a.lag = 1;
	set_range(&a, RANGE_SUCCESS_RATE, 0.2, 0.6);
	set_range(&a, RANGE_DEADWEIGHT, 0.0, 0.3);
	set_range(&a, RANGE_DECAY, 0.0, 0.2);
	set_range(&a, RANGE_COST_PER_PARTICIPANT, 4000, 9000);
	workbook_add_measure(wb, &a);

	struct measure b = measure_of("h");
	b.start_age = 8;
	b.start_year = BASE_YEAR + 2;
	b.participants = 25;
	b.cost_per_participant = 40000;
	b.success_rate = 0.15;
	b.effect_years = 8;
	b.decay = 0.1;
	set_range(&b, RANGE_DECAY, 0.05, 0.3);
	set_range(&b, RANGE_COST_PER_PARTICIPANT, 30000, 60000);
	workbook_add_measure(wb, &b);

	struct measure c = measure_of("g");
	c.enabled = false;
	set_range(&c, RANGE_SUCCESS_RATE, 0.1, 0.9);
	workbook_add_measure(wb, &c);
}

/* ---- the straightforward way, from the contract's text --------------- */

static double tri_unit(double u)
{
	return u < 0.5 ? -1.0 + sqrt(2.0 * u) : 1.0 - sqrt(2.0 * (1.0 - u));
}

static double tri(double low, double mode, double high, double u)
{
	if (low == high)
		return mode;
	if (u < (mode - low) / (high - low))
		return low + sqrt(u * (high - low) * (mode - low));
	return high - sqrt((1.0 - u) * (high - low) * (high - mode));
}

/*
 * Every draw of every measure through measure_project() on a copy of the
 * workbook with each item's amount scaled and the drawn fields set:
 * npv[draw][measure][line] and the portfolio's, pf[draw][line].
 */
static void slow_draws(const struct workbook *wb, long draws, uint64_t seed, double *npv,
		       double *pf)
{
	struct workbook w;
	cr_assert_eq(workbook_copy(&w, wb), 0);
	struct rng r;
	rng_seed(&r, seed);
	struct projection_basis basis;
	projection_basis_compute(&basis, &w);
	/* Zeroed: no sector rows in the profiles, no sector results. */
	struct group_profile *profile = calloc(wb->group_count, sizeof *profile);
	struct result *res = calloc(1, sizeof *res);
	struct year_flows *rows = calloc(HORIZON_MAX, sizeof *rows);
	cr_assert(profile != NULL && res != NULL && rows != NULL);
	res->years = rows;
	const size_t nm = wb->measure_count;
	for (long d = 0; d < draws; d++) {
		for (size_t g = 0; g < wb->group_count; g++) {
			for (size_t i = 0; i < wb->groups[g].item_count; i++) {
				const struct cost_item *it = &wb->groups[g].items[i];
				double f = 1.0 + wb->params.uncertainty.spread[it->confidence] *
							 tri_unit(rng_unit(&r));
				w.groups[g].items[i].amount = it->amount * f;
			}
			group_profile_compute(&w, &w.groups[g], &profile[g]);
		}
		for (size_t m = 0; m < nm; m++) {
			const struct measure *src = &wb->measures[m];
			struct measure *dst = &w.measures[m];
			for (int f = 0; f < RANGE_FIELD_COUNT; f++)
				if (src->ranges[f].set)
					measure_set_range_value(
						dst, (enum range_field)f,
						tri(src->ranges[f].low,
						    measure_range_value(src, (enum range_field)f),
						    src->ranges[f].high, rng_unit(&r)));
		}
		double *p = &pf[d * UNC_LINES];
		for (int l = 0; l < UNC_LINES; l++)
			p[l] = 0.0;
		for (size_t m = 0; m < nm; m++) {
			long g = workbook_find_group(&w, w.measures[m].group_id);
			measure_project(&basis, &w, g >= 0 ? &profile[g] : NULL, &w.measures[m], res);
			double *v = &npv[(d * (long)nm + (long)m) * UNC_LINES];
			for (int b = 0; b < BEARER_COUNT; b++)
				v[b] = res->by_bearer[b].npv;
			v[UNC_TOTAL] = res->npv;
			if (w.measures[m].enabled)
				for (int l = 0; l < UNC_LINES; l++)
					p[l] += v[l];
		}
	}
	free(profile);
	free(rows);
	free(res);
	workbook_free(&w);
}

static void near_rel(double got, double want, const char *what, long draw)
{
	cr_assert(fabs(got - want) <= 1e-9 * fmax(1.0, fabs(want)),
		  "%s, draw %ld: %.17g, want %.17g", what, draw, got, want);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

#define DRAWS 2000

Test(mc, fast_path_matches_the_straightforward_way)
{
	struct workbook wb;
	small_workbook(&wb);
	const size_t nm = wb.measure_count;
	double *slow = malloc(DRAWS * nm * UNC_LINES * sizeof *slow);
	double *pf = malloc(DRAWS * UNC_LINES * sizeof *pf);
	cr_assert(slow != NULL && pf != NULL);
	slow_draws(&wb, DRAWS, 20261201, slow, pf);

	struct mc_run run;
	run_all(&run, &wb, DRAWS, 20261201, nm);
	for (int l = 0; l < UNC_LINES; l++) {
		const double *fast = mc_draws(&run, -1, l);
		cr_assert_not_null(fast);
		for (long d = 0; d < DRAWS; d++)
			near_rel(fast[d], pf[d * UNC_LINES + l], "portfolio", d);
		for (size_t m = 0; m < nm; m++) {
			const double *fm = mc_draws(&run, (long)m, l);
			cr_assert_not_null(fm);
			for (long d = 0; d < DRAWS; d++)
				near_rel(fm[d], slow[(d * (long)nm + (long)m) * UNC_LINES + l], "measure", d);
		}
	}

	/* Mean and P50 of the portfolio, straightforwardly: a sum and a sort. */
	double sum = 0.0;
	double *sorted = malloc(DRAWS * sizeof *sorted);
	for (long d = 0; d < DRAWS; d++) {
		sum += pf[d * UNC_LINES + UNC_TOTAL];
		sorted[d] = pf[d * UNC_LINES + UNC_TOTAL];
	}
	qsort(sorted, DRAWS, sizeof *sorted, cmp_double);
	const struct mc_stats *s = &run.portfolio_summary.line[UNC_TOTAL];
	near_rel(s->mean, sum / DRAWS, "mean", -1);
	near_rel(s->p50, sorted[(5 * DRAWS + 9) / 10 - 1], "p50", -1);
	near_rel(s->p10, sorted[(1 * DRAWS + 9) / 10 - 1], "p10", -1);
	near_rel(s->p90, sorted[(9 * DRAWS + 9) / 10 - 1], "p90", -1);
	/* The same figures as literals: seed 20261201 must keep giving them
	 * (printed by this test's first run, checked by the two ways above). */
	near_rel(s->mean, 70793.385261655058, "literal mean", -1);
	near_rel(s->p50, 72843.184006032767, "literal p50", -1);
	free(sorted);
	free(slow);
	free(pf);
	mc_free(&run);
	workbook_free(&wb);
}

Test(mc, point_inputs_give_the_point_npv_in_every_draw)
{
	struct workbook wb;
	small_workbook(&wb);
	for (int g = 0; g <= CONFIDENCE_D; g++)
		wb.params.uncertainty.spread[g] = 0.0;
	for (size_t m = 0; m < wb.measure_count; m++)
		for (int f = 0; f < RANGE_FIELD_COUNT; f++)
			if (wb.measures[m].ranges[f].set) {
				double v = measure_range_value(&wb.measures[m], (enum range_field)f);
				set_range(&wb.measures[m], (enum range_field)f, v, v);
			}
	struct projection p;
	compute(&p, &wb);
	struct mc_run run;
	run_all(&run, &wb, 500, 7, wb.measure_count);
	for (size_t m = 0; m < wb.measure_count; m++) {
		const double *v = mc_draws(&run, (long)m, UNC_TOTAL);
		NEAR(v[0], p.measures[m].npv);
		for (long d = 1; d < 500; d++)
			cr_assert_eq(v[d], v[0], "measure %zu draw %ld", m, d);
		const struct mc_stats *s = &run.measure_summaries[m].line[UNC_TOTAL];
		cr_assert_eq(s->p10, v[0]);
		cr_assert_eq(s->p50, v[0]);
		cr_assert_eq(s->p90, v[0]);
		cr_assert_eq(s->prob_positive, v[0] > 0.0 ? 1.0 : 0.0);
	}
	/* Measure b loses money, a gains: both ends of prob_positive are seen. */
	cr_assert_lt(p.measures[1].npv, 0.0);
	cr_assert_eq(run.measure_summaries[1].line[UNC_TOTAL].prob_positive, 0.0);
	cr_assert_gt(p.measures[0].npv, 0.0);
	cr_assert_eq(run.measure_summaries[0].line[UNC_TOTAL].prob_positive, 1.0);
	NEAR(run.portfolio_summary.line[UNC_TOTAL].p50, p.portfolio.npv);
	mc_free(&run);
	projection_free(&p);
	workbook_free(&wb);
}

Test(mc, sliced_equals_one_shot_bit_for_bit)
{
	struct workbook wb;
	small_workbook(&wb);
	struct mc_run one, sliced;
	run_all(&one, &wb, 1001, 42, wb.measure_count);
	struct mc_options opt = {.draws = 1001, .seed = 42, .only_measure = -1,
				 .keep_first = 0, .keep_count = wb.measure_count};
	mc_init(&sliced);
	/* Its preparation sliced too, one measure a step, as the interface
	 * does it (mc_begin_step()). */
	cr_assert_eq(mc_begin_start(&sliced, &wb, &opt), 0);
	int prepared_in = 1;
	int rc;
	while ((rc = mc_begin_step(&sliced, &wb, 1)) == 0)
		prepared_in++;
	cr_assert_eq(rc, 1);
	cr_assert_geq(prepared_in, (int)wb.measure_count);
	for (size_t m = 0; m < wb.measure_count; m++)
		cr_assert_eq(memcmp(one.model.measures[m].point_npv, sliced.model.measures[m].point_npv,
				    sizeof one.model.measures[m].point_npv),
			     0, "point NPV of measure %zu", m);
	long steps = 0;
	while (!mc_done(&sliced)) {
		mc_step(&sliced, 7);
		steps++;
		if (steps == 50)
			mc_finish(&sliced); /* a look half way changes nothing */
	}
	cr_assert_eq(steps, 143);
	mc_finish(&sliced);
	for (int l = 0; l < UNC_LINES; l++) {
		for (long m = -1; m < (long)wb.measure_count; m++)
			cr_assert_eq(memcmp(mc_draws(&one, m, l), mc_draws(&sliced, m, l),
					    1001 * sizeof(double)),
				     0);
	}
	cr_assert_eq(memcmp(&one.portfolio_summary, &sliced.portfolio_summary,
			    sizeof one.portfolio_summary),
		     0);
	cr_assert_eq(memcmp(one.measure_summaries, sliced.measure_summaries,
			    wb.measure_count * sizeof *one.measure_summaries),
		     0);
	mc_free(&one);
	mc_free(&sliced);
	workbook_free(&wb);
}

Test(mc, disabling_a_measure_does_not_reshuffle_the_others)
{
	struct workbook wb;
	small_workbook(&wb);
	wb.measures[2].enabled = true;
	struct mc_run before, after, alone;
	run_all(&before, &wb, 300, 5, wb.measure_count);
	wb.measures[0].enabled = false;
	run_all(&after, &wb, 300, 5, wb.measure_count);
	for (int l = 0; l < UNC_LINES; l++) {
		for (long m = 0; m < 3; m++)
			cr_assert_eq(memcmp(mc_draws(&before, m, l), mc_draws(&after, m, l),
					    300 * sizeof(double)),
				     0, "measure %ld", m);
	}
	/* The portfolio lost measure 0's draws. */
	const double *pb = mc_draws(&before, -1, UNC_TOTAL);
	const double *pa = mc_draws(&after, -1, UNC_TOTAL);
	const double *m0 = mc_draws(&before, 0, UNC_TOTAL);
	for (long d = 0; d < 300; d++)
		NEAR(pa[d], pb[d] - m0[d]);

	/* One measure alone sees the draws the whole simulation gives it. */
	struct mc_options opt = {.draws = 300, .seed = 5, .only_measure = 2};
	mc_init(&alone);
	cr_assert_eq(mc_begin(&alone, &wb, &opt), 0);
	mc_step(&alone, 300);
	mc_finish(&alone);
	cr_assert_null(mc_draws(&alone, -1, UNC_TOTAL));
	cr_assert_null(mc_draws(&alone, 1, UNC_TOTAL));
	cr_assert_eq(memcmp(mc_draws(&alone, 2, UNC_TOTAL), mc_draws(&before, 2, UNC_TOTAL),
			    300 * sizeof(double)),
		     0);
	cr_assert_eq(memcmp(&alone.measure_summaries[2], &before.measure_summaries[2],
			    sizeof alone.measure_summaries[2]),
		     0);
	cr_assert_eq(alone.measure_summaries[1].draws, 0);
	mc_free(&before);
	mc_free(&after);
	mc_free(&alone);
	workbook_free(&wb);
}

Test(mc, unkept_measures_have_streaming_statistics_only)
{
	struct workbook wb;
	small_workbook(&wb);
	struct mc_run all, some;
	run_all(&all, &wb, 400, 9, wb.measure_count);
	run_all(&some, &wb, 400, 9, 1);
	cr_assert(some.measure_summaries[0].line[UNC_TOTAL].has_percentiles);
	cr_assert_not(some.measure_summaries[1].line[UNC_TOTAL].has_percentiles);
	cr_assert_null(mc_draws(&some, 1, UNC_TOTAL));
	cr_assert_eq(some.measure_summaries[1].line[UNC_TOTAL].mean,
		     all.measure_summaries[1].line[UNC_TOTAL].mean);
	cr_assert_eq(some.measure_summaries[1].line[UNC_TOTAL].prob_positive,
		     all.measure_summaries[1].line[UNC_TOTAL].prob_positive);

	/* mc_run_all() in passes of one measure gives the one-pass figures. */
	struct mc_summary pf, ms[3];
	cr_assert_eq(mc_run_all(&wb, 400, 9, 2 * 400 * UNC_LINES * sizeof(double), &pf, ms), 0);
	cr_assert_eq(memcmp(&pf, &all.portfolio_summary, sizeof pf), 0);
	cr_assert_eq(memcmp(ms, all.measure_summaries, sizeof ms), 0);
	mc_free(&all);
	mc_free(&some);
	workbook_free(&wb);
}

Test(mc, nearest_rank_percentiles)
{
	double v[20];
	/* 1 … 10 shuffled: P10 = v1, P50 = v5, P90 = v9. */
	double ten[] = {7, 3, 10, 1, 9, 2, 8, 5, 4, 6};
	memcpy(v, ten, sizeof ten);
	cr_assert_eq(unc_percentile(v, 10, 1), 1.0);
	cr_assert_eq(unc_percentile(v, 10, 5), 5.0);
	cr_assert_eq(unc_percentile(v, 10, 9), 9.0);
	/* n = 7: ranks ⌈0,7⌉ = 1, ⌈3,5⌉ = 4, ⌈6,3⌉ = 7. */
	double seven[] = {70, 10, 40, 60, 20, 50, 30};
	memcpy(v, seven, sizeof seven);
	cr_assert_eq(unc_percentile(v, 7, 1), 10.0);
	cr_assert_eq(unc_percentile(v, 7, 5), 40.0);
	cr_assert_eq(unc_percentile(v, 7, 9), 70.0);
	/* n = 20 with ties: ranks 2, 10, 18 of 1,1,2,2,…,10,10. */
	for (int i = 0; i < 20; i++)
		v[i] = (double)(10 - i / 2);
	cr_assert_eq(unc_percentile(v, 20, 1), 1.0);
	cr_assert_eq(unc_percentile(v, 20, 5), 5.0);
	cr_assert_eq(unc_percentile(v, 20, 9), 9.0);
	/* n = 1. */
	v[0] = -3.5;
	cr_assert_eq(unc_percentile(v, 1, 1), -3.5);
	cr_assert_eq(unc_percentile(v, 1, 9), -3.5);
}

Test(mc, success_rate_alone_follows_the_triangular_quantiles)
{
	/* Only p varies (0,1 – 0,2 – 0,5, zero spreads): npv = p · A − C is
	 * linear, so its Pq is the triangular quantile Q(q) mapped.  With
	 * 100 000 draws the sampling error of a quantile is ~0,003 of the
	 * range; 0,01 leaves room and still fails a wrong distribution. */
	struct workbook wb;
	wb_setup(&wb, 10, DISCOUNT_NONE, 0.0);
	for (int g = 0; g <= CONFIDENCE_D; g++)
		wb.params.uncertainty.spread[g] = 0.0;
	standard_group(&wb);
	struct measure m = measure_of("g");
	m.success_rate = 0.2;
	set_range(&m, RANGE_SUCCESS_RATE, 0.1, 0.5);
	workbook_add_measure(&wb, &m);
	struct mc_run run;
	run_all(&run, &wb, 100000, 3, 1);
	const struct mc_stats *s = &run.measure_summaries[0].line[UNC_TOTAL];
	/* Q(q) = a + √(q(b−a)(c−a)) for q < (c−a)/(b−a) = 0,25, else
	 * b − √((1−q)(b−a)(b−c)). */
	double q10 = 0.1 + sqrt(0.1 * 0.4 * 0.1);
	double q50 = 0.5 - sqrt(0.5 * 0.4 * 0.3);
	double q90 = 0.5 - sqrt(0.1 * 0.4 * 0.3);
	const double a = 10 * 260000.0, c = 100000.0;
	cr_assert(fabs(s->p10 - (q10 * a - c)) < 0.01 * 0.4 * a, "p10 %g", s->p10);
	cr_assert(fabs(s->p50 - (q50 * a - c)) < 0.01 * 0.4 * a, "p50 %g", s->p50);
	cr_assert(fabs(s->p90 - (q90 * a - c)) < 0.01 * 0.4 * a, "p90 %g", s->p90);
	/* Mean (a + b + c)/3 = 0,2667. */
	cr_assert(fabs(s->mean - (0.8 / 3 * a - c)) < 0.005 * 0.4 * a, "mean %g", s->mean);
	mc_free(&run);
	workbook_free(&wb);
}

/* The summaries' percentiles (a radix selection when no draw is 0 or NaN)
 * are bit for bit unc_percentile()'s on the kept draws, which selects by
 * comparisons; a measure with no participants has lines of ±0 draws. */
Test(mc, percentiles_are_those_of_the_kept_draws)
{
	struct workbook wb;
	small_workbook(&wb);
	wb.measures[1].participants = 0;
	struct mc_run run;
	run_all(&run, &wb, 1001, 5, wb.measure_count);
	double *copy = malloc(1001 * sizeof *copy);
	cr_assert_not_null(copy);
	for (long m = -1; m < (long)wb.measure_count; m++)
		for (int l = 0; l < UNC_LINES; l++) {
			const struct mc_stats *s = m < 0 ? &run.portfolio_summary.line[l]
							 : &run.measure_summaries[m].line[l];
			const double *v = mc_draws(&run, m, l);
			const double *got[3] = {&s->p10, &s->p50, &s->p90};
			for (int k = 0; k < 3; k++) {
				memcpy(copy, v, 1001 * sizeof *copy);
				double want = unc_percentile(copy, 1001, 1 + 4 * k);
				cr_assert_eq(memcmp(got[k], &want, sizeof want), 0,
					     "measure %ld line %d P%d", m, l, 10 + 40 * k);
			}
		}
	free(copy);
	mc_free(&run);
	workbook_free(&wb);
}
