/*
 * discount.c: discount factors DF(t) for the modes none, flat and r109.
 *
 * Factors are computed in closed form per year (a product of at most three
 * powers) rather than by repeated division, so DF(99) carries no error
 * accumulated over 99 steps.
 *
 * Must never: do I/O or allocate.
 */
#include "engine/discount.h"

#include <math.h>

/* R-109/2021's steps: the rate into year t is 4 % up to 40, 3 % up to 75. */
#define R109_STEP1_LAST 40
#define R109_STEP2_LAST 75
#define R109_RATE1 0.04
#define R109_RATE2 0.03
#define R109_RATE3 0.02

double discount_step_rate(const struct discount *d, int t)
{
	switch (d->mode) {
	case DISCOUNT_FLAT:
		return d->rate;
	case DISCOUNT_R109:
		if (t <= R109_STEP1_LAST)
			return R109_RATE1;
		if (t <= R109_STEP2_LAST)
			return R109_RATE2;
		return R109_RATE3;
	case DISCOUNT_NONE:
	default:
		return 0.0;
	}
}

static int clamp_int(int v, int lo, int hi)
{
	return v < lo ? lo : (v > hi ? hi : v);
}

/* DF(t) under R-109: the years spent in each step, each at its own rate. */
static double r109_factor(int t)
{
	int in1 = clamp_int(t, 0, R109_STEP1_LAST);
	int in2 = clamp_int(t, R109_STEP1_LAST, R109_STEP2_LAST) - R109_STEP1_LAST;
	int in3 = t > R109_STEP2_LAST ? t - R109_STEP2_LAST : 0;
	return pow(1.0 + R109_RATE1, -in1) * pow(1.0 + R109_RATE2, -in2) *
	       pow(1.0 + R109_RATE3, -in3);
}

void discount_factors(const struct discount *d, int count, double *df)
{
	count = clamp_int(count, 0, HORIZON_MAX);
	for (int t = 0; t < count; t++) {
		switch (d->mode) {
		case DISCOUNT_FLAT:
			df[t] = pow(1.0 + d->rate, -t);
			break;
		case DISCOUNT_R109:
			df[t] = r109_factor(t);
			break;
		case DISCOUNT_NONE:
		default:
			df[t] = 1.0;
			break;
		}
	}
}
