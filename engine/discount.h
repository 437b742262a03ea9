/*
 * discount.h: discount factors DF(t) for the three modes of the model.
 *
 * r109 follows Finansdepartementet's R-109/2021: the step from year t-1 to
 * t is discounted at 4 % for t ≤ 40, 3 % for 41 ≤ t ≤ 75 and 2 % after,
 * and DF(t) is the product of the steps (DF(0) = 1).
 *
 * Must never: do I/O or allocate.
 */
#ifndef UTENFOR_ENGINE_DISCOUNT_H
#define UTENFOR_ENGINE_DISCOUNT_H

#include "engine/model.h"

/* The yearly rate used for the step into year t (t ≥ 1). */
double discount_step_rate(const struct discount *d, int t);
/* Fill df[0..count-1]; count ≤ HORIZON_MAX. */
void discount_factors(const struct discount *d, int count, double *df);

#endif
