/*
 * fuzz_store_open.c: libFuzzer target for opening mutated workbook files
 * (store/).  Each input is written to a private temporary file and opened
 * read-only; the store must refuse or load it without crashing, and never
 * hand back a workbook that fails validation.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "engine/validate.h"
#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct problems problems;
	char path[] = "/tmp/utenfor-fuzz-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		unlink(path);
		return 0;
	}
	close(fd);

	struct store *s = NULL;
	struct store_error err;
	if (store_open(path, STORE_OPEN_READ_ONLY, &s, &err) == STORE_OK) {
		struct workbook wb;
		workbook_init(&wb);
		if (store_load(s, &wb, &err) == STORE_OK && !validate_workbook(&wb, &problems))
			abort();
		workbook_free(&wb);
		store_close(s);
	}
	unlink(path);
	return 0;
}
