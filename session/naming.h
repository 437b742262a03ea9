/*
 * naming.h: names the interface makes up for the user: a free id for a new
 * target group, and where the `r` key puts the report of a workbook.
 *
 * Must never: call ncurses, touch the file system, or allocate.
 */
#ifndef UTENFOR_SESSION_NAMING_H
#define UTENFOR_SESSION_NAMING_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/workbook.h"

/*
 * A group id no group of `wb` uses: "ny-malgruppe", then "ny-malgruppe-2",
 * "-3", … (ASCII, so it survives CSV, JSON and shells).  Writes it to out
 * and returns true; false (out empty) when none below 10 000 is free or
 * out is too small.
 */
bool group_new_id(const struct workbook *wb, char *out, size_t size);

/*
 * The report file beside the workbook: "DIR/NAME.utenfor" gives
 * "DIR/NAME-rapport.html" (any other extension after the last '/' is
 * dropped the same way; a name without one keeps all of it).  Returns
 * false (out empty) when the result does not fit in `size`.
 */
bool report_path_for(const char *workbook, char *out, size_t size);

#endif
