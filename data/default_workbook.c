/*
 * default_workbook.c: the embedded default document read with the
 * interchange reader, so that it passes exactly the validation an imported
 * document does (tests/data_load checks that it does: a failure here
 * other than out of memory is a build defect); and what the interface
 * needs to say "this rests on the example data" and to copy a default
 * target group into any workbook.
 *
 * Must never: do I/O.
 */
#include "data/default_workbook.h"

#include <stdlib.h>
#include <string.h>

#include "interchange/json.h"

int default_workbook_read(struct workbook *wb)
{
	workbook_free(wb);
	/* Large (PROBLEMS_MAX messages): kept off the stack. */
	struct problems *problems = malloc(sizeof *problems);
	if (problems == NULL)
		return -1;
	problems_clear(problems);
	int rc = json_read_workbook((const char *)default_workbook_json, default_workbook_json_size,
				    wb, problems);
	free(problems);
	return rc == 0 ? 0 : -1;
}

static bool same_item(const struct cost_item *a, const struct cost_item *b)
{
	return strcmp(a->name, b->name) == 0 && a->kind == b->kind && a->bearer == b->bearer &&
	       strcmp(a->sector, b->sector) == 0 && a->amount == b->amount && a->unit == b->unit &&
	       a->from_age == b->from_age && a->to_age == b->to_age &&
	       strcmp(a->source, b->source) == 0 && a->confidence == b->confidence;
}

bool default_item_is_example(const struct workbook *defaults, const char *group_id,
			   const struct cost_item *item)
{
	long gi = workbook_find_group(defaults, group_id);
	if (gi < 0)
		return false;
	const struct target_group *g = &defaults->groups[gi];
	for (size_t i = 0; i < g->item_count; i++)
		if (same_item(&g->items[i], item))
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
	    a->lag != b->lag || a->effect_years != b->effect_years || a->decay != b->decay ||
	    a->payer_count != b->payer_count)
		return false;
	for (int i = 0; i < a->payer_count; i++)
		if (measure_payer_share(b, a->payer[i].sector) != a->payer[i].share)
			return false;
	return true;
}

bool default_measure_is_example(const struct workbook *defaults, const struct measure *m)
{
	for (size_t i = 0; i < defaults->measure_count; i++)
		if (same_measure(&defaults->measures[i], m))
			return true;
	return false;
}

/* The declared sectors of `src` that items of `g` use and `dst` lacks are
 * added to `dst`; one of the same id with another bearer refuses (1).
 * On refusal or out of memory `dst` keeps only the sectors it had. */
static int copy_sectors(struct workbook *dst, const struct workbook *src,
			const struct target_group *g)
{
	size_t had = dst->sector_count;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < g->item_count; i++) {
		long si = workbook_sector_index(src, g->items[i].sector);
		if (si < SECTOR_IMPLICIT_COUNT)
			continue; /* "" or an implicit sector, in every workbook */
		const struct sector *s = &src->sectors[si - SECTOR_IMPLICIT_COUNT];
		long di = workbook_sector_index(dst, s->id);
		if (di >= 0) {
			if (workbook_sector_bearer(dst, (size_t)di) != s->bearer)
				rc = 1;
			continue;
		}
		struct sector copy = *s;
		memset(&copy.row, 0, sizeof copy.row);
		if (workbook_add_sector(dst, &copy) < 0)
			rc = -1;
	}
	while (rc != 0 && dst->sector_count > had)
		workbook_remove_sector(dst, dst->sector_count - 1);
	return rc;
}

int default_group_copy(struct workbook *wb, const char *id)
{
	if (workbook_find_group(wb, id) >= 0)
		return 1;
	struct workbook defaults;
	workbook_init(&defaults);
	if (default_workbook_read(&defaults) != 0) {
		workbook_free(&defaults);
		return -1;
	}
	long gi = workbook_find_group(&defaults, id);
	int rc = 1;
	if (gi >= 0) {
		struct target_group *g = &defaults.groups[gi];
		size_t had = wb->sector_count;
		rc = copy_sectors(wb, &defaults, g);
		if (rc == 0) {
			memset(&g->row, 0, sizeof g->row);
			for (size_t i = 0; i < g->item_count; i++)
				memset(&g->items[i].row, 0, sizeof g->items[i].row);
			if (workbook_add_group(wb, g) < 0) {
				rc = -1;
				while (wb->sector_count > had)
					workbook_remove_sector(wb, wb->sector_count - 1);
			}
		}
	}
	workbook_free(&defaults);
	return rc;
}
