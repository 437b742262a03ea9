/*
 * alloc.c: the engine's one call to the system, a memory hint.
 *
 * Opening a 10 000-measure workbook touches about 56 MB of fresh memory
 * once (the measures, their yearly rows, the sector cells), and with
 * 4 KB pages the kernel's 13 000 page faults were a quarter of the time
 * to first paint.  Debian's kernel gives huge pages only to memory that
 * asks for them (transparent_hugepage = madvise); asked, the same open
 * takes about 37 instead of 52 ms.  Only whole 2 MB pages inside the
 * array are marked, and only for arrays of several of them, so small
 * workbooks are left as they were.  Nothing here changes a value.
 */
#include "engine/alloc.h"

#include <stdint.h>

#ifdef __linux__
#include <sys/mman.h>
#endif

#define HUGE_PAGE ((uintptr_t)2 << 20)

void engine_hint_big(void *p, size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
	if (p == NULL || bytes < 2 * HUGE_PAGE)
		return;
	uintptr_t from = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	uintptr_t to = ((uintptr_t)p + bytes) & ~(HUGE_PAGE - 1);
	if (to > from)
		(void)madvise((void *)from, to - from, MADV_HUGEPAGE); /* a hint: failure is fine */
#else
	(void)p;
	(void)bytes;
#endif
}
