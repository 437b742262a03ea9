/*
 * field_range.c: the "lav" and "høy" of a measure's ranged fields
 * (field.h).  A range end is read and shown as its field is (percent for
 * rates, kroner for the cost), by handing field.c a description of the
 * one double; what is particular to a range lives here: empty text
 * removes the range, the first end typed sets the other to the value (a
 * one-sided range is a triangle with its peak at that end), and the
 * range must enclose the value (MODEL.md "Uncertainty").
 *
 * Must never: call ncurses, allocate, or depend on LC_NUMERIC.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "engine/numbers.h"
#include "i18n/i18n.h"
#include "session/field.h"

#define RANGE(f) (offsetof(struct measure, ranges) + (size_t)(f) * sizeof(struct value_range))

/* Keys as MODEL.md's ranges member with the end: "ranges.success_rate.low". */
static const struct field_desc ends[RANGE_FIELD_COUNT * 2] = {
	{N_("Suksessrate, lav"), FT_RANGE_LOW, FIELD_SUCCESS_RATE, RANGE(RANGE_SUCCESS_RATE), 0,
	 "ranges.success_rate.low", NULL},
	{N_("Suksessrate, høy"), FT_RANGE_HIGH, FIELD_SUCCESS_RATE, RANGE(RANGE_SUCCESS_RATE), 0,
	 "ranges.success_rate.high", NULL},
	{N_("Dødvekt, lav"), FT_RANGE_LOW, FIELD_DEADWEIGHT, RANGE(RANGE_DEADWEIGHT), 0,
	 "ranges.deadweight.low", NULL},
	{N_("Dødvekt, høy"), FT_RANGE_HIGH, FIELD_DEADWEIGHT, RANGE(RANGE_DEADWEIGHT), 0,
	 "ranges.deadweight.high", NULL},
	{N_("Avtaking per år, lav"), FT_RANGE_LOW, FIELD_DECAY, RANGE(RANGE_DECAY), 0,
	 "ranges.decay.low", NULL},
	{N_("Avtaking per år, høy"), FT_RANGE_HIGH, FIELD_DECAY, RANGE(RANGE_DECAY), 0,
	 "ranges.decay.high", NULL},
	{N_("Kostnad per deltaker, lav"), FT_RANGE_LOW, FIELD_COST_PER_PARTICIPANT,
	 RANGE(RANGE_COST_PER_PARTICIPANT), 0, "ranges.cost_per_participant.low", NULL},
	{N_("Kostnad per deltaker, høy"), FT_RANGE_HIGH, FIELD_COST_PER_PARTICIPANT,
	 RANGE(RANGE_COST_PER_PARTICIPANT), 0, "ranges.cost_per_participant.high", NULL},
};

static int range_of_vid(int vid)
{
	switch (vid) {
	case FIELD_SUCCESS_RATE: return RANGE_SUCCESS_RATE;
	case FIELD_DEADWEIGHT: return RANGE_DEADWEIGHT;
	case FIELD_DECAY: return RANGE_DECAY;
	case FIELD_COST_PER_PARTICIPANT: return RANGE_COST_PER_PARTICIPANT;
	default: return -1;
	}
}

const struct field_desc *field_range_end(const struct field_desc *value, int end)
{
	/* Only the measure's own field: the estimate's success rate has the
	 * same range id but no ranges. */
	if (value == NULL || end < 0 || end > 1 || value->offset >= sizeof(struct measure) ||
	    value->type == FT_RANGE_LOW || value->type == FT_RANGE_HIGH)
		return NULL;
	int r = range_of_vid(value->vid);
	for (size_t i = 0; r >= 0 && i < measure_field_count; i++)
		if (&measure_fields[i] == value)
			return &ends[r * 2 + end];
	return NULL;
}

const struct field_desc *field_range_ends(size_t *count)
{
	*count = sizeof ends / sizeof ends[0];
	return ends;
}

/* Rates are shown and typed as percent, the cost as kroner. */
static bool is_percent(const struct field_desc *f)
{
	const struct field_range *r = field_range((enum field_id)f->vid);
	return r != NULL && r->kind == FIELD_FRACTION;
}

void range_end_format(const struct field_desc *f, const void *obj, bool for_editing,
		      const char *thousands, char *buf, size_t size)
{
	const struct value_range *r =
		(const struct value_range *)(const void *)((const char *)obj + f->offset);
	if (!r->set) {
		snprintf(buf, size, "%s", for_editing ? "" : f->type == FT_RANGE_LOW ? _("lav") : _("høy"));
		return;
	}
	field_value_format(f->type == FT_RANGE_LOW ? r->low : r->high, is_percent(f), for_editing,
			   thousands, buf, size);
}

bool range_end_parse(const struct field_desc *f, const char *text, void *obj, char *reading,
		     size_t reading_size, char *error, size_t error_size)
{
	struct measure *m = obj;
	enum range_field rf = (enum range_field)((f->offset - RANGE(0)) / sizeof(struct value_range));
	struct value_range *slot = &m->ranges[rf];
	if (text[strspn(text, " ")] == '\0') {
		*slot = (struct value_range){false, 0, 0};
		snprintf(reading, reading_size, "%s", _("ikke noe spenn"));
		return true;
	}
	bool percent = is_percent(f);
	double end;
	if (field_value_read(f, percent, text, &end, error, error_size) != NUMBER_OK)
		return false;
	struct value_range r = *slot;
	double point = measure_range_value(m, rf);
	if (!slot->set) {
		/* The first end typed: the other end is the value itself. */
		r.low = r.high = point;
		r.set = true;
	}
	if (f->type == FT_RANGE_LOW)
		r.low = end;
	else
		r.high = end;
	char got[64], value[64];
	field_value_reading(end, percent, got, sizeof got);
	field_value_reading(point, percent, value, sizeof value);
	if (f->type == FT_RANGE_LOW && end > point) {
		snprintf(error, error_size, _("%s må være høyst verdien (%s), fikk %s"), _(f->label),
			 value, got);
		return false;
	}
	if (f->type == FT_RANGE_HIGH && end < point) {
		snprintf(error, error_size, _("%s må være minst verdien (%s), fikk %s"), _(f->label),
			 value, got);
		return false;
	}
	*slot = r;
	snprintf(reading, reading_size, "%s", got);
	return true;
}

bool field_range_encloses(const struct measure *m, const struct field_desc *f, char *error,
			  size_t error_size)
{
	const struct field_desc *low = field_range_end(f, 0);
	if (low == NULL)
		return true;
	enum range_field rf = (enum range_field)range_of_vid(f->vid);
	const struct value_range *r = &m->ranges[rf];
	double v = measure_range_value(m, rf);
	if (!r->set || (r->low <= v && v <= r->high))
		return true;
	bool percent = is_percent(low);
	char lo[64], hi[64], got[64];
	field_value_reading(r->low, percent, lo, sizeof lo);
	field_value_reading(r->high, percent, hi, sizeof hi);
	field_value_reading(v, percent, got, sizeof got);
	snprintf(error, error_size,
		 _("%s %s ligger utenfor spennet %s–%s: endre lav eller høy først, eller tøm dem"),
		 _(f->label), got, lo, hi);
	return false;
}
