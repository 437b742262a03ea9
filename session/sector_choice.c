/*
 * sector_choice.c: a sector picked among one bearer's sectors — a cost
 * item's sector, a payer's sector (field.h).  The choices are the
 * bearer's own sector first, then its declared ones in document order;
 * typed text is an id or a name, or a part of one name.
 *
 * Must never: call ncurses, allocate, or depend on LC_NUMERIC.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "session/field.h"
#include "session/text.h"

size_t sector_choices(const struct workbook *wb, int bearer, size_t *out, size_t max)
{
	size_t n = 0;
	if (bearer < 0 || bearer >= BEARER_COUNT || max == 0)
		return 0;
	out[n++] = (size_t)bearer;
	for (size_t x = SECTOR_IMPLICIT_COUNT; wb != NULL && x < workbook_sector_total(wb) && n < max;
	     x++)
		if ((int)workbook_sector_bearer(wb, x) == bearer)
			out[n++] = x;
	return n;
}

long sector_choice_read(const struct workbook *wb, const size_t *xs, size_t n, const char *text)
{
	for (size_t k = 0; k < n; k++)
		if (strcasecmp(text, workbook_sector_name(wb, xs[k])) == 0 ||
		    strcasecmp(text, workbook_sector_id(wb, xs[k])) == 0)
			return (long)xs[k];
	for (size_t k = 0; k < n && text[0] != '\0'; k++)
		if (text_contains_fold(workbook_sector_name(wb, xs[k]), text))
			return (long)xs[k];
	return -1;
}

void sector_choice_list(const struct workbook *wb, const size_t *xs, size_t n, char *buf,
			size_t size)
{
	if (size == 0)
		return;
	buf[0] = '\0';
	for (size_t k = 0; k < n; k++) {
		if (k > 0)
			strncat(buf, ", ", size - strlen(buf) - 1);
		strncat(buf, workbook_sector_name(wb, xs[k]), size - strlen(buf) - 1);
	}
}

size_t sector_choice_step(const size_t *xs, size_t n, long now, int step)
{
	long at = 0;
	for (size_t k = 0; k < n; k++)
		if ((long)xs[k] == now)
			at = (long)k;
	at = ((at + step) % (long)n + (long)n) % (long)n;
	return xs[at];
}
