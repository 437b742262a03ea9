/*
 * json.h: the JSON interchange format of doc/model.md ("utenfor-workbook",
 * version 1) and the results document `utenfor calc --json` prints.
 * Built on jansson, which reports line and column of syntax errors.
 *
 * Reading is strict: unknown fields, missing required fields, wrong types,
 * out-of-range values and measures naming unknown groups are each reported
 * as one problem with its field path ("measures[1].payer.stat"); nothing is
 * returned from a document with any problem.
 *
 * Must never: call ncurses or SQLite, print.
 */
#ifndef UTENFOR_INTERCHANGE_JSON_H
#define UTENFOR_INTERCHANGE_JSON_H

#include <stddef.h>
#include <stdio.h>

#include "engine/projection.h"
#include "engine/schema.h"
#include "engine/validate.h"
#include "engine/workbook.h"

/*
 * Parse a workbook document.  `out` must be initialised; on success it is
 * replaced by the document's workbook and 0 is returned.  On failure -1 is
 * returned, `out` is left empty, and `problems` holds one entry per problem.
 */
int json_read_workbook(const char *text, size_t length, struct workbook *out,
		       struct problems *problems);
/* The same from a file; an unreadable file is one problem naming it. */
int json_read_workbook_file(const char *path, struct workbook *out, struct problems *problems);
/*
 * The members the reader accepts in an object of a row kind
 * (engine/schema.h; version 2's list) or, with `within` a member such as
 * "discount", in that nested object.  NULL for anything else.  For the
 * test that keeps the reader and the schema one list of fields.
 */
const char *const *json_read_members(enum schema_row row, const char *within, size_t *count);

/*
 * The workbook as a document (two-space indent, fields in the order of
 * doc/model.md).  Returns malloc'd NUL-terminated text the caller frees,
 * or NULL when out of memory.
 */
char *json_write_workbook(const struct workbook *wb);

/*
 * The results document of `calc --json` for a computed projection of `wb`
 * (projection_compute() must have succeeded on this workbook).  Numbers are
 * not rounded.  Caller frees; NULL when out of memory.
 */
char *json_write_results(const struct workbook *wb, const struct projection *p);

/* The same with the "uncertainty" objects of `unc` (engine/uncertainty.h,
 * computed for this workbook and projection); NULL leaves them out. */
struct unc_results;
char *json_write_results_uncertainty(const struct workbook *wb, const struct projection *p,
				     const struct unc_results *unc);

/*
 * The same document written to `out` while it is made, one result object
 * at a time, so that memory holds one measure's tree instead of all of
 * them: exactly json_write_results()'s text (no newline after it).  `p` is
 * a projection_compute() or projection_compute_streaming() of `wb` (the
 * latter re-projects each measure as it is written); `unc` as for
 * json_write_results_uncertainty() (NULL: no "uncertainty" objects, the
 * text of json_write_results()).  Returns 0, or -1 when out of memory
 * (part of the document may have been written); a failed write shows in
 * ferror(out).
 */
int json_write_results_file(FILE *out, const struct workbook *wb, const struct projection *p,
			    const struct unc_results *unc);

#endif
