/*
 * default_workbook.c: the embedded default document read with the
 * interchange reader, so that it passes exactly the validation an imported
 * document does (tests/data_load checks that it does: a failure here
 * other than out of memory is a build defect); and the copy of a default
 * target group into any workbook.  Whether a result rests on the example
 * data is report/example.c's one comparison (the interface, `calc` and the
 * report all use it).
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
