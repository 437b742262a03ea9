/*
 * workbook.h: a whole workbook in memory (parameters, target groups,
 * measures) and the only functions that allocate for it.
 *
 * Ownership: a `struct workbook` owns its group and measure arrays and each
 * group owns its item array.  workbook_init() starts an empty one,
 * workbook_free() releases everything; workbook_copy() makes a deep copy
 * that the caller frees with workbook_free().  Pointers into the arrays are
 * invalidated by any add/remove on the same array.
 *
 * Must never: do I/O, call ncurses or SQLite.
 */
#ifndef UTENFOR_ENGINE_WORKBOOK_H
#define UTENFOR_ENGINE_WORKBOOK_H

#include "engine/model.h"

struct workbook {
	struct workbook_params params;
	struct target_group *groups;
	size_t group_count;
	size_t group_capacity;
	struct measure *measures;
	size_t measure_count;
	size_t measure_capacity;
};

/* An empty workbook with default parameters.  Cannot fail. */
void workbook_init(struct workbook *wb);
void workbook_free(struct workbook *wb);
/* Deep copy into `dst` (uninitialised on entry).  Returns 0, or -1 when
 * out of memory, in which case `dst` is left empty but valid. */
int workbook_copy(struct workbook *dst, const struct workbook *src);

/*
 * Append a copy of `g` (its items are deep-copied; the caller keeps `g`).
 * Returns the new index, or -1 when out of memory.
 */
long workbook_add_group(struct workbook *wb, const struct target_group *g);
/* Remove the group at `index` and free its items.  Measures that name it
 * are left alone: validation reports them. */
void workbook_remove_group(struct workbook *wb, size_t index);
/* Append a copy of `m`.  Returns the new index, or -1 when out of memory. */
long workbook_add_measure(struct workbook *wb, const struct measure *m);
void workbook_remove_measure(struct workbook *wb, size_t index);

/* Append an item to a group.  Returns the new index or -1 (out of memory). */
long target_group_add_item(struct target_group *g, const struct cost_item *item);
void target_group_remove_item(struct target_group *g, size_t index);
/* Release a group's items (for groups not inside a workbook). */
void target_group_free_items(struct target_group *g);

/* Index of the group with this id, or -1. */
long workbook_find_group(const struct workbook *wb, const char *id);

#endif
