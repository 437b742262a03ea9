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

/* P(x) = x^256 + the polynomial of these bits, found by Berlekamp–Massey
 * on a state bit's sequence; x^(2^128) mod P is the authors' published
 * jump constant, and tests/engine_rng checks jumps against stepping. */
static const uint64_t charpoly_low[4] = {
	UINT64_C(0x9d116f2bb0f0f001), UINT64_C(0x0280002bcefd1a5e),
	UINT64_C(0x04b4edcf26259f85), UINT64_C(0x0003c03c3f3ecb19)};

/* r = a · b mod P, by shift and add (r may alias a or b). */
static void poly_mulmod(uint64_t r[4], const uint64_t a[4], const uint64_t b[4])
{
	uint64_t acc[4] = {0, 0, 0, 0}, x[4] = {a[0], a[1], a[2], a[3]};
	for (int w = 0; w < 4; w++) {
		uint64_t bits = b[w];
		for (int bit = 0; bit < 64; bit++) {
			uint64_t take = (uint64_t)0 - ((bits >> bit) & 1u);
			uint64_t top = (uint64_t)0 - (x[3] >> 63);
			for (int i = 0; i < 4; i++)
				acc[i] ^= x[i] & take;
			x[3] = (x[3] << 1) | (x[2] >> 63);
			x[2] = (x[2] << 1) | (x[1] >> 63);
			x[1] = (x[1] << 1) | (x[0] >> 63);
			x[0] <<= 1;
			for (int i = 0; i < 4; i++)
				x[i] ^= charpoly_low[i] & top;
		}
	}
	for (int i = 0; i < 4; i++)
		r[i] = acc[i];
}

void rng_jump_prepare(struct rng_jump *j, uint64_t steps)
{
	uint64_t q[4] = {1, 0, 0, 0}, base[4] = {2, 0, 0, 0};
	j->steps = steps;
	for (uint64_t n = steps; n != 0; n >>= 1) {
		if (n & 1u)
			poly_mulmod(q, q, base);
		poly_mulmod(base, base, base);
	}
	for (int i = 0; i < 4; i++)
		j->q[i] = q[i];
}

void rng_jump(struct rng *r, const struct rng_jump *j)
{
	/* Short jumps are cheaper stepped. */
	if (j->steps <= 256) {
		for (uint64_t i = 0; i < j->steps; i++)
			(void)rng_next(r);
		return;
	}
	uint64_t acc[4] = {0, 0, 0, 0};
	for (int w = 0; w < 4; w++) {
		for (int bit = 0; bit < 64; bit++) {
			uint64_t take = (uint64_t)0 - ((j->q[w] >> bit) & 1u);
			for (int i = 0; i < 4; i++)
				acc[i] ^= r->s[i] & take;
			(void)rng_next(r);
		}
	}
	for (int i = 0; i < 4; i++)
		r->s[i] = acc[i];
}
