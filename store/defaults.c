/*
 * defaults.c: the default workbook for new files (`utenfor new --default`
 * and the first start): the embedded document data/default-workbook.json,
 * read by data/default_workbook.c with the interchange reader.  The
 * figures live only there; doc/default-data.md derives each.
 *
 * Must never: do I/O.
 */
#include "store/store.h"

#include "data/default_workbook.h"

int store_default_workbook(struct workbook *wb)
{
	return default_workbook_read(wb);
}
