/*
 * example.c: recognising the example workbook's figures in a report
 * (see example.h for why by content).
 *
 * Must never: print, allocate.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "report/example.h"

static bool same_item(const struct cost_item *a, const struct cost_item *b)
{
	return strcmp(a->name, b->name) == 0 && a->kind == b->kind && a->bearer == b->bearer &&
	       strcmp(a->sector, b->sector) == 0 && a->amount == b->amount && a->unit == b->unit &&
	       a->from_age == b->from_age && a->to_age == b->to_age;
}

static bool example_has_item(const struct workbook *example, const char *group_id,
			     const struct cost_item *it)
{
	long g = workbook_find_group(example, group_id);
	if (g < 0)
		return false;
	const struct target_group *eg = &example->groups[g];
	for (size_t i = 0; i < eg->item_count; i++)
		if (same_item(&eg->items[i], it))
			return true;
	return false;
}

static bool same_measure(const struct measure *a, const struct measure *b)
{
	if (strcmp(a->name, b->name) != 0 || strcmp(a->group_id, b->group_id) != 0 ||
	    a->participants != b->participants || a->start_year != b->start_year ||
	    a->start_age != b->start_age || a->duration != b->duration ||
	    a->cost_per_participant != b->cost_per_participant ||
	    a->success_rate != b->success_rate || a->deadweight != b->deadweight ||
	    a->lag != b->lag || a->effect_years != b->effect_years || a->decay != b->decay)
		return false;
	/* The same shares for the same sectors, in any order. */
	for (int k = 0; k < a->payer_count; k++)
		if (measure_payer_share(b, a->payer[k].sector) != a->payer[k].share)
			return false;
	for (int k = 0; k < b->payer_count; k++)
		if (measure_payer_share(a, b->payer[k].sector) != b->payer[k].share)
			return false;
	return true;
}

void example_use_compute(const struct workbook *wb, const struct workbook *example,
			 struct example_use *out)
{
	memset(out, 0, sizeof *out);
	for (size_t g = 0; g < wb->group_count; g++) {
		const struct target_group *grp = &wb->groups[g];
		bool used = false;
		for (size_t m = 0; m < wb->measure_count && !used; m++)
			used = wb->measures[m].enabled && strcmp(wb->measures[m].group_id, grp->id) == 0;
		if (!used)
			continue;
		for (size_t i = 0; i < grp->item_count; i++) {
			out->items_used++;
			if (example != NULL && example_has_item(example, grp->id, &grp->items[i]))
				out->items_example++;
		}
	}
	for (size_t m = 0; m < wb->measure_count; m++) {
		if (!wb->measures[m].enabled)
			continue;
		out->measures_enabled++;
		for (size_t e = 0; example != NULL && e < example->measure_count; e++)
			if (same_measure(&wb->measures[m], &example->measures[e])) {
				out->measures_example++;
				break;
			}
	}
}

bool example_notice(const struct example_use *u, char *out, size_t size)
{
	out[0] = '\0';
	bool items_all = u->items_used > 0 && u->items_example == u->items_used;
	bool measures_all = u->measures_enabled > 0 && u->measures_example == u->measures_enabled;
	if (u->items_example == 0 && u->measures_example == 0)
		return false;
	size_t n;
	if (items_all && measures_all)
		n = (size_t)snprintf(out, size,
				     "Tallene i denne rapporten er eksempeldataene som følger med "
				     "utenfor (arbeidsboka fra «utenfor new --default»), ikke kommunens "
				     "egne: både tiltakene og merkostnadene er eksempler.");
	else if (items_all)
		n = (size_t)snprintf(out, size,
				     "Merkostnadene tiltakene regner med, er eksempeldataene som følger "
				     "med utenfor, ikke kommunens egne tall.");
	else if (u->items_example > 0)
		n = (size_t)snprintf(out, size,
				     "%zu av %zu kostnadsposter som tiltakene regner med, er uendrede "
				     "eksempeltall som følger med utenfor, ikke kommunens egne.",
				     u->items_example, u->items_used);
	else
		n = 0;
	if (!(items_all && measures_all) && u->measures_example > 0 && n < size)
		n += (size_t)snprintf(out + n, size - n, "%s%s", n ? " " : "",
				      measures_all ? "Tiltakene er eksempeltiltakene som følger med "
						     "utenfor."
						   : "Noen av tiltakene er eksempeltiltakene som "
						     "følger med utenfor.");
	if (n < size)
		snprintf(out + n, size - n,
			 " Bytt dem ut med kommunens egne tall før rapporten brukes i en beslutning.");
	return true;
}
