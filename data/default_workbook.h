/*
 * default_workbook.h: the default workbook document, data/default-workbook.json,
 * embedded at build time by data/embed.sh (the generated
 * data/default_workbook_json.c in the build tree).  It is a version-2
 * interchange document (doc/interchange.md); doc/default-data.md derives
 * every figure in it.
 *
 * The bytes are the file's, NUL-terminated; the size excludes the NUL.
 * Static storage: nobody frees them.  The embedding (data/embed.sh) needs
 * only this header; default_workbook_read() also needs interchange/.
 */
#ifndef UTENFOR_DATA_DEFAULT_WORKBOOK_H
#define UTENFOR_DATA_DEFAULT_WORKBOOK_H

#include <stddef.h>

#include "engine/workbook.h"

extern const unsigned char default_workbook_json[];
extern const size_t default_workbook_json_size;

/*
 * The document as a workbook (data/default_workbook.c, through
 * interchange/json.h's reader).  `wb` must be initialised; its old contents
 * are freed.  Returns 0, or -1 when out of memory (or, which
 * tests/data_load rules out, when the embedded document is refused).
 */
int default_workbook_read(struct workbook *wb);

/*
 * Copy the default target group `id`, with its items and their sources,
 * into `wb`, adding the declared sectors its items use that `wb` lacks.
 * Returns 0; 1 (and `wb` unchanged) when the defaults have no such group,
 * `wb` already has a group with that id, or `wb` has a sector of the same
 * id under another bearer; -1 (`wb` unchanged) when out of memory.
 */
int default_group_copy(struct workbook *wb, const char *id);

#endif
