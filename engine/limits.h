/*
 * limits.h: how much input the program takes (issue 18 item 6).
 *
 * A document past these sizes is refused with a message saying the limit,
 * before it is expanded into memory, so hostile input cannot exhaust
 * memory or time.  They are far above a municipality's portfolio (tens of
 * measures, seven target groups by default) but leave room for the
 * 10 000-measure workbooks the benchmarks use (issue 16: an import of
 * 10 000 measures must work); doc/interchange.md lists them.  `calc`
 * streams its results, so its memory grows with the input document, not
 * with the result tables.
 */
#ifndef UTENFOR_ENGINE_LIMITS_H
#define UTENFOR_ENGINE_LIMITS_H

/* A JSON document (file or standard input), in bytes: 64 MiB. */
#define INPUT_DOCUMENT_MAX (64u * 1024u * 1024u)
#define INPUT_GROUPS_MAX 1000
#define INPUT_ITEMS_PER_GROUP_MAX 1000
#define INPUT_MEASURES_MAX 20000

#endif
