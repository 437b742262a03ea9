/*
 * field_value.c: one number of a field read from text and shown, as a
 * percent (a fraction on screen as "12,5 %") or as a plain number — the
 * part field.c (every numeric field) and field_range.c (a range's ends)
 * share, so that neither calls the other.
 *
 * Must never: call ncurses, allocate, or depend on LC_NUMERIC.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#include "engine/numbers.h"
#include "i18n/i18n.h"
#include "session/field.h"

int field_decimals_for(double v, int max)
{
	for (int d = 0; d < max; d++)
		if (fabs(number_round(v, d) - v) < 1e-9 * (1.0 + fabs(v)))
			return d;
	return max;
}

void field_value_format(double v, bool percent, bool for_editing, const char *sep, char *buf,
			size_t size)
{
	if (!percent)
		number_format(buf, size, v, field_decimals_for(v, 2), sep);
	else if (for_editing)
		number_format(buf, size, v * 100.0, field_decimals_for(v * 100.0, 4), sep);
	else
		percent_format(buf, size, v, field_decimals_for(v * 100.0, 2), sep);
}

void field_value_reading(double v, bool percent, char *buf, size_t size)
{
	if (percent)
		percent_format(buf, size, v, field_decimals_for(v * 100.0, 4), THOUSANDS_SPACE);
	else
		number_format(buf, size, v, field_decimals_for(v, 4), THOUSANDS_SPACE);
}

enum number_status field_value_read(const struct field_desc *f, bool percent, const char *text,
				    double *out, char *error, size_t error_size)
{
	double v;
	enum number_status st = percent ? percent_parse(text, &v) : number_parse(text, &v);
	if (st != NUMBER_OK) {
		/* The hint already says "skriv et tall, f.eks. …". */
		snprintf(error, error_size, "%s: %s", _(f->label), number_input_hint());
		return st;
	}
	if (f->vid >= 0) {
		struct problems probs;
		problems_clear(&probs);
		if (!field_check((enum field_id)f->vid, v, NULL, &probs)) {
			if (percent) {
				/* The engine speaks in fractions; the screen in percent. */
				const struct field_range *r = field_range((enum field_id)f->vid);
				char lo[32], hi[32], got[48];
				percent_format(lo, sizeof lo, r->min, 0, THOUSANDS_SPACE);
				percent_format(hi, sizeof hi, r->max, 0, THOUSANDS_SPACE);
				percent_format(got, sizeof got, v, field_decimals_for(v * 100.0, 2),
					       THOUSANDS_SPACE);
				snprintf(error, error_size, _("%s må være fra %s til %s, fikk %s"),
					 _(f->label), lo, hi, got);
			} else {
				snprintf(error, error_size, "%s",
					 probs.count > 0 ? probs.list[0].message : _("ugyldig verdi"));
			}
			return NUMBER_INVALID;
		}
	}
	*out = v;
	return NUMBER_OK;
}
