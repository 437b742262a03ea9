/*
 * example.c: the example workbook that ships with utenfor, for telling
 * the user which figures on screen are still the example's and not the
 * municipality's own (issue 15).  The comparison itself is report/'s
 * example_use_compute(), so the interface and the report count alike.
 */
#include "config.h"

#include "session/session.h"
#include "store/store.h"

int session_example_workbook(struct workbook *out)
{
	return store_default_workbook(out);
}
