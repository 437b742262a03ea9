/*
 * report_zip.h: just enough of a zip reader for the xlsx tests: walk the
 * central directory and inflate one member (zlib), so the tests need no
 * unzip program.
 *
 * Must never: be linked into the program.
 */
#ifndef UTENFOR_TESTS_REPORT_ZIP_H
#define UTENFOR_TESTS_REPORT_ZIP_H

#include <stdbool.h>
#include <stddef.h>

/* Number of members, or -1 when `data` has no valid end-of-central-directory
 * record or a central directory entry is malformed. */
int zip_count(const unsigned char *data, size_t len);
/* Whether a member of that exact name is listed. */
bool zip_has(const unsigned char *data, size_t len, const char *name);
/* The member's uncompressed content, NUL-terminated, malloc'd (caller
 * frees); NULL when absent or corrupt. */
char *zip_extract(const unsigned char *data, size_t len, const char *name, size_t *out_len);

#endif
