/*
 * alloc.h: a hint for the engine's big arrays (a 10 000-measure
 * workbook's measures and yearly rows: 15 and 19 MB).
 *
 * Must never: allocate, free, or do I/O.
 */
#ifndef UTENFOR_ENGINE_ALLOC_H
#define UTENFOR_ENGINE_ALLOC_H

#include <stddef.h>

/* Ask the kernel to back the not yet touched parts of [p, p + bytes)
 * with huge pages when it can; a no-op for small arrays and where there
 * is no such hint. */
void engine_hint_big(void *p, size_t bytes);

#endif
