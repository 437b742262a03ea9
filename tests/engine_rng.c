/*
 * engine_rng.c: the Monte Carlo's generators against their published test
 * vectors (checked against the reference C code of prng.di.unimi.it:
 * splitmix64.c and xoshiro256starstar.c), and the model's seeding and
 * uniforms built on them.
 */
#include <criterion/criterion.h>
#include <stdint.h>

#include "engine/rng.h"

Test(rng, splitmix64_reference_vector)
{
	/* splitmix64 started from 1234567: its first five outputs. */
	static const uint64_t want[] = {
		UINT64_C(6457827717110365317), UINT64_C(3203168211198807973),
		UINT64_C(9817491932198370423), UINT64_C(4593380528125082431),
		UINT64_C(16408922859458223821),
	};
	struct splitmix64 sm = {1234567};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		uint64_t got = splitmix64_next(&sm);
		cr_assert_eq(got, want[i], "output %zu = %llu", i, (unsigned long long)got);
	}
}

Test(rng, xoshiro256starstar_reference_vector)
{
	/* xoshiro256** from the state {1, 2, 3, 4}: its first ten outputs. */
	static const uint64_t want[] = {
		UINT64_C(11520),
		UINT64_C(0),
		UINT64_C(1509978240),
		UINT64_C(1215971899390074240),
		UINT64_C(1216172134540287360),
		UINT64_C(607988272756665600),
		UINT64_C(16172922978634559625),
		UINT64_C(8476171486693032832),
		UINT64_C(10595114339597558777),
		UINT64_C(2904607092377533576),
	};
	struct rng r = {{1, 2, 3, 4}};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		uint64_t got = rng_next(&r);
		cr_assert_eq(got, want[i], "output %zu = %llu", i, (unsigned long long)got);
	}
}

Test(rng, seeding_is_four_splitmix64_outputs)
{
	struct rng r;
	rng_seed(&r, 1234567);
	cr_assert_eq(r.s[0], UINT64_C(6457827717110365317));
	cr_assert_eq(r.s[1], UINT64_C(3203168211198807973));
	cr_assert_eq(r.s[2], UINT64_C(9817491932198370423));
	cr_assert_eq(r.s[3], UINT64_C(4593380528125082431));
}

Test(rng, uniform_is_the_top_53_bits)
{
	/* From {1, 2, 3, 4}: 11520 >> 11 = 5, then 0, then 1509978240 >> 11 =
	 * 737294; each times 2^−53, exactly. */
	struct rng r = {{1, 2, 3, 4}};
	cr_assert_eq(rng_unit(&r), 5.0 / 9007199254740992.0);
	cr_assert_eq(rng_unit(&r), 0.0);
	cr_assert_eq(rng_unit(&r), 737294.0 / 9007199254740992.0);
	/* The largest output maps just below 1. */
	cr_assert_lt((double)(UINT64_MAX >> 11) * 0x1.0p-53, 1.0);
}

Test(rng, same_seed_same_stream_other_seed_other_stream)
{
	struct rng a, b, c;
	rng_seed(&a, 1);
	rng_seed(&b, 1);
	rng_seed(&c, 2);
	int differ = 0;
	for (int i = 0; i < 1000; i++) {
		uint64_t x = rng_next(&a), y = rng_next(&b), z = rng_next(&c);
		cr_assert_eq(x, y);
		differ += x != z;
	}
	cr_assert_gt(differ, 990);
}

Test(rng, jump_gives_the_state_of_stepping)
{
	/* Short jumps step; from 257 on the polynomial is used, so any
	 * wrong bit of the characteristic polynomial shows here. */
	static const uint64_t steps[] = {0, 1, 255, 256, 257, 300, 4099, 123457, 1000003};
	for (size_t k = 0; k < sizeof steps / sizeof steps[0]; k++) {
		struct rng jumped, stepped;
		rng_seed(&jumped, 42 + k);
		stepped = jumped;
		struct rng_jump j;
		rng_jump_prepare(&j, steps[k]);
		rng_jump(&jumped, &j);
		for (uint64_t i = 0; i < steps[k]; i++)
			(void)rng_next(&stepped);
		cr_assert_arr_eq(jumped.s, stepped.s, sizeof jumped.s, "jump of %llu",
				 (unsigned long long)steps[k]);
		cr_assert_eq(rng_next(&jumped), rng_next(&stepped));
	}
}
