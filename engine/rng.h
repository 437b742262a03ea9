/*
 * rng.h: the random numbers of the Monte Carlo simulation, exactly as
 * doc/model.md ("Uncertainty") fixes them so that anyone can recompute a
 * council report's figures from its seed: xoshiro256** (Blackman and
 * Vigna, prng.di.unimi.it) with its four state words filled by four
 * successive outputs of splitmix64 started from the seed, and uniforms
 * u = (next() >> 11) · 2^−53 in [0, 1).
 *
 * Integer arithmetic only, apart from the one exact scaling in rng_unit(),
 * so the stream is the same on every machine and with every compiler.
 *
 * Must never: do I/O, allocate, or keep hidden state (every generator is a
 * caller-owned struct).
 */
#ifndef UTENFOR_ENGINE_RNG_H
#define UTENFOR_ENGINE_RNG_H

#include <stdint.h>

/* splitmix64: its whole state is one word. */
struct splitmix64 {
	uint64_t x;
};

uint64_t splitmix64_next(struct splitmix64 *sm);

struct rng {
	uint64_t s[4];
};

/* The model's seeding: s[0..3] = four successive splitmix64(seed) outputs. */
void rng_seed(struct rng *r, uint64_t seed);

/* The next 64-bit output of xoshiro256**. */
static inline uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	const uint64_t x = s[1] * 5u;
	const uint64_t result = ((x << 7) | (x >> 57)) * 9u;
	const uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = (s[3] << 45) | (s[3] >> 19);
	return result;
}

/* u = (next() >> 11) · 2^−53: 53 random bits, exactly representable. */
static inline double rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

/*
 * Jumping ahead: n steps of the generator at the cost of 256, for the
 * passes of mc_run_all() that skip the uniforms of the measures they do
 * not simulate.  The state map T of xoshiro256** is linear over GF(2), so
 * T^n = q(T) with q(x) = x^n mod P(x), P the characteristic polynomial of
 * T; the jump is then Σ q_i T^i s (how the authors' jump() works, with
 * their constant for n = 2^128).  Gives exactly the state n rng_next()
 * calls give.
 */
struct rng_jump {
	uint64_t steps;
	uint64_t q[4]; /* bit i of q: the coefficient of x^i */
};

void rng_jump_prepare(struct rng_jump *j, uint64_t steps);
void rng_jump(struct rng *r, const struct rng_jump *j);

#endif
