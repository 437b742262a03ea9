/*
 * default_workbook.h: the default workbook document, data/default-workbook.json,
 * embedded at build time by data/embed.sh (the generated
 * data/default_workbook_json.c in the build tree).  It is a version-2
 * interchange document (doc/interchange.md); doc/default-data.md derives
 * every figure in it.
 *
 * The bytes are the file's, NUL-terminated; the size excludes the NUL.
 * Static storage: nobody frees them.
 */
#ifndef UTENFOR_DATA_DEFAULT_WORKBOOK_H
#define UTENFOR_DATA_DEFAULT_WORKBOOK_H

#include <stddef.h>

extern const unsigned char default_workbook_json[];
extern const size_t default_workbook_json_size;

#endif
