/*
 * Tests for engine/discount.c.  Expected factors were worked out by hand
 * as products of the yearly steps (checked with 30-digit decimal
 * arithmetic), not with the formula the code uses:
 *   1.04^40 = 4.801020627936650…      1.03^35 = 2.813862454371524…
 *   1.02^24 = 1.608437249475225…
 */
#include <criterion/criterion.h>
#include <math.h>

#include "engine/discount.h"

#define REL 1e-12

static void near(double got, double want, const char *what)
{
	cr_assert(fabs(got - want) <= REL * fabs(want), "%s: got %.17g, want %.17g", what, got,
		  want);
}

Test(discount, r109_steps)
{
	struct discount d = {DISCOUNT_R109, 0.0};
	double df[HORIZON_MAX];
	discount_factors(&d, HORIZON_MAX, df);
	cr_assert_eq(df[0], 1.0);
	near(df[1], 1 / 1.04, "DF(1) = 1/1,04 = 0,961538…");
	/* DF(40) = 1.04^-40 = 1/4.801020627936650 */
	near(df[40], 0.208289044662941417785862503548, "DF(40)");
	/* DF(41) = DF(40)/1.03: the 41st step is the first at 3 % */
	near(df[41], 0.202222373459166425034817964610, "DF(41)");
	/* DF(75) = 1.04^-40 · 1.03^-35 = 1/(4.80102… · 2.81386…) */
	near(df[75], 0.0740224684185790344175577448963, "DF(75)");
	/* DF(76) = DF(75)/1.02: the first step at 2 % */
	near(df[76], 0.0725710474691951317819193577415, "DF(76)");
	/* DF(99) = DF(75) · 1.02^-24 = 0.07402246… / 1.60843725… */
	near(df[99], 0.0460213592061051027115614667190, "DF(99)");
	for (int t = 1; t < HORIZON_MAX; t++)
		cr_assert_lt(df[t], df[t - 1], "factors fall every year");
}

Test(discount, r109_step_rates)
{
	struct discount d = {DISCOUNT_R109, 0.0};
	cr_assert_eq(discount_step_rate(&d, 1), 0.04);
	cr_assert_eq(discount_step_rate(&d, 40), 0.04);
	cr_assert_eq(discount_step_rate(&d, 41), 0.03);
	cr_assert_eq(discount_step_rate(&d, 75), 0.03);
	cr_assert_eq(discount_step_rate(&d, 76), 0.02);
	cr_assert_eq(discount_step_rate(&d, 99), 0.02);
}

Test(discount, flat)
{
	struct discount d = {DISCOUNT_FLAT, 0.05};
	double df[11];
	discount_factors(&d, 11, df);
	cr_assert_eq(df[0], 1.0);
	near(df[1], 0.952380952380952380952, "1/1,05");
	near(df[2], 0.907029478458049886621, "1/1,1025");
	/* 1.05^10 = 1.628894626777442; 1/that = 0.613913253540759 */
	near(df[10], 0.613913253540759374358546898604, "1,05^-10");
	cr_assert_eq(discount_step_rate(&d, 7), 0.05);

	struct discount zero = {DISCOUNT_FLAT, 0.0};
	discount_factors(&zero, 11, df);
	for (int t = 0; t < 11; t++)
		cr_assert_eq(df[t], 1.0);
}

Test(discount, none)
{
	struct discount d = {DISCOUNT_NONE, 0.07}; /* rate ignored */
	double df[HORIZON_MAX];
	discount_factors(&d, HORIZON_MAX, df);
	for (int t = 0; t < HORIZON_MAX; t++)
		cr_assert_eq(df[t], 1.0);
	cr_assert_eq(discount_step_rate(&d, 5), 0.0);
}

Test(discount, count_is_bounded)
{
	struct discount d = {DISCOUNT_R109, 0.0};
	double df[HORIZON_MAX + 1];
	df[HORIZON_MAX] = -7.0;
	discount_factors(&d, HORIZON_MAX + 50, df);
	cr_assert_eq(df[HORIZON_MAX], -7.0, "never writes past HORIZON_MAX factors");
}
