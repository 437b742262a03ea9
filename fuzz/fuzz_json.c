/*
 * fuzz_json.c: libFuzzer target for the interchange reader
 * (interchange/json_read.c).
 *
 * Invariants: a document the reader accepts is a valid workbook (it passes
 * validate_workbook), it can be projected, and writing it out and reading
 * it back gives the same document.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/projection.h"
#include "engine/validate.h"
#include "interchange/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct problems problems; /* large: keep it off the stack */
	struct workbook wb;
	workbook_init(&wb);
	if (json_read_workbook((const char *)data, size, &wb, &problems) != 0) {
		if (problems.count == 0)
			abort(); /* a refusal must say why */
		workbook_free(&wb);
		return 0;
	}
	if (!validate_workbook(&wb, &problems))
		abort();

	struct projection p;
	projection_init(&p);
	if (projection_compute(&p, &wb) == 0)
		free(json_write_results(&wb, &p));
	projection_free(&p);

	char *first = json_write_workbook(&wb);
	if (first != NULL) {
		struct workbook again;
		workbook_init(&again);
		if (json_read_workbook(first, strlen(first), &again, &problems) != 0)
			abort();
		char *second = json_write_workbook(&again);
		if (second != NULL && strcmp(first, second) != 0)
			abort();
		free(second);
		workbook_free(&again);
		free(first);
	}
	workbook_free(&wb);
	return 0;
}
