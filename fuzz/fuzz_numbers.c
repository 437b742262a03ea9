/*
 * fuzz_numbers.c: libFuzzer target for the Norwegian number reader and
 * writer (engine/numbers.c).
 *
 * Invariants checked beyond "no crash, no sanitizer report": whatever the
 * reader accepts is finite, and what the writer prints the reader reads
 * back as the same (rounded) value.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/numbers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_round_trip(double value)
{
	char text[512];
	for (int decimals = 0; decimals <= 3; decimals++) {
		const char *seps[] = {THOUSANDS_SPACE, THOUSANDS_NBSP, THOUSANDS_NARROW_NBSP, "."};
		for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
			int n = number_format(text, sizeof text, value, decimals, seps[i]);
			if (n < 0 || (size_t)n >= sizeof text)
				continue; /* too long to print here: not a round trip case */
			double back;
			if (number_parse(text, &back) != NUMBER_OK)
				abort();
			double want = number_round(value, decimals);
			if (fabs(back - want) > 1e-9 * fmax(1.0, fabs(want)))
				abort();
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';

	double value;
	if (number_parse(text, &value) == NUMBER_OK) {
		if (!isfinite(value))
			abort();
		if (fabs(value) < 1e15)
			check_round_trip(value);
	}
	double fraction;
	if (percent_parse(text, &fraction) == NUMBER_OK && !isfinite(fraction))
		abort();
	free(text);
	return 0;
}
