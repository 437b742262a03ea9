/*
 * limits.h: how much input the program takes (issue 18 item 6).
 *
 * A document past these sizes is refused with a message saying the limit,
 * before it is expanded into memory, so hostile input cannot exhaust
 * memory or time.  They are far above a municipality's portfolio (tens of
 * measures, seven target groups by default); doc/interchange.md lists them.
 * Memory of `calc` grows with the measures (about 130 kB each with the
 * default groups), so MEASURES_MAX keeps a worst case near 150 MB.
 */
#ifndef UTENFOR_ENGINE_LIMITS_H
#define UTENFOR_ENGINE_LIMITS_H

/* A JSON document (file or standard input), in bytes: 8 MiB. */
#define INPUT_DOCUMENT_MAX (8u * 1024u * 1024u)
#define INPUT_GROUPS_MAX 200
#define INPUT_ITEMS_PER_GROUP_MAX 200
#define INPUT_MEASURES_MAX 1000

#endif
