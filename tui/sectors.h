/*
 * sectors.h: the declared sectors' table of Innstillinger (sectors.c).
 */
#ifndef UTENFOR_TUI_SECTORS_H
#define UTENFOR_TUI_SECTORS_H

#include <stdbool.h>

#include "config/actions.h"
#include "tui/layout.h"
#include "tui/list.h"

struct app;

struct sectors_table {
	struct list list;
	int col; /* sector_fields index */
};

void sectors_draw(struct app *a, struct sectors_table *t, const struct rect *r, bool focused);
/* False for ↑ on the first row (the caller's form is above) and for keys
 * the table does not use. */
bool sectors_key(struct app *a, struct sectors_table *t, enum action act);
const char *sectors_hints(const struct sectors_table *t);

#endif
