/*
 * testutil_workbook.h: workbook assertions shared by the store and
 * interchange suites (both check that a workbook survives a round trip).
 * Engine structs only: must never need store/ or interchange/ to link.
 */
#ifndef UTENFOR_TESTS_TESTUTIL_WORKBOOK_H
#define UTENFOR_TESTS_TESTUTIL_WORKBOOK_H

#include "engine/workbook.h"

/*
 * Assert that a and b hold the same groups, items and measures, field by
 * field, doubles bit for bit, ignoring row identities.  The params are the
 * caller's to compare: which of them must survive differs by format.
 */
void assert_same_rows(const struct workbook *a, const struct workbook *b);

#endif
