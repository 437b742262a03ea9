/*
 * diag.c: filling struct diag (see diag.h).
 */
#include "config.h"

#include "session/diag.h"

#include <stdio.h>
#include <string.h>

void diag_clear(struct diag *d)
{
	if (d != NULL)
		memset(d, 0, sizeof *d);
}

enum diag_code diag_set(struct diag *d, enum diag_code code, const char *fmt, ...)
{
	if (d == NULL)
		return code;
	d->code = code;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->message, sizeof d->message, fmt, ap);
	va_end(ap);
	return code;
}
