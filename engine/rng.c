/*
 * rng.c: splitmix64 and the model's seeding of xoshiro256** (rng.h has
 * the generator itself, inline, because the Monte Carlo calls it per
 * uniform).
 *
 * Must never: do I/O or allocate.
 */
#include "engine/rng.h"

uint64_t splitmix64_next(struct splitmix64 *sm)
{
	uint64_t z = (sm->x += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

void rng_seed(struct rng *r, uint64_t seed)
{
	struct splitmix64 sm = {seed};
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64_next(&sm);
}
