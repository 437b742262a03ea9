/*
 * workbook.h: a whole workbook in memory (parameters, target groups,
 * measures) and the only functions that allocate for it.
 *
 * Ownership: a `struct workbook` owns its sector, group and measure arrays and each
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
	/* Declared sectors only, in document order; see "Sector index" below. */
	struct sector *sectors;
	size_t sector_count;
	size_t sector_capacity;
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

/* Append a copy of `s` to the declared sectors.  Returns its index in
 * wb->sectors (not the sector index below), or -1 when out of memory. */
long workbook_add_sector(struct workbook *wb, const struct sector *s);
/* Remove wb->sectors[index].  Items and payer shares naming it are left
 * alone: validation reports them (see workbook_sector_user()). */
void workbook_remove_sector(struct workbook *wb, size_t index);

/*
 * Sector index: every sector of a workbook, implicit ones included, is
 * numbered 0 … workbook_sector_total() − 1.  Indexes 0, 1, 2 are the
 * implicit sectors of kommune, fylkeskommune and stat (index = enum
 * bearer); index SECTOR_IMPLICIT_COUNT + i is wb->sectors[i].  Results
 * (by_sector, sector_flows, plan) use this numbering.
 */
#define SECTOR_IMPLICIT_COUNT BEARER_COUNT

size_t workbook_sector_total(const struct workbook *wb);
/* The index of the sector with this id, or -1 (also for ""). */
long workbook_sector_index(const struct workbook *wb, const char *id);
/* For index ≥ total: "" / BEARER_NONE. */
const char *workbook_sector_id(const struct workbook *wb, size_t index);
enum bearer workbook_sector_bearer(const struct workbook *wb, size_t index);
/* The name to show: a declared sector's own name; for an implicit one the
 * bearer with "øvrig" ("Kommune, øvrig"), translated.  Static or
 * workbook-owned storage, never freed by the caller. */
const char *workbook_sector_name(const struct workbook *wb, size_t index);

/* The sector index an item's costs belong to: its sector, or its bearer's
 * implicit sector when the sector is "".  -1 for production and welfare
 * items and for a sector the workbook does not have. */
long workbook_item_sector(const struct workbook *wb, const struct cost_item *item);

/* Σ of the measure's payer shares over the sectors of bearer b (shares of
 * unknown sectors count nowhere).  With wb NULL only the implicit sectors
 * are known. */
double measure_bearer_share(const struct workbook *wb, const struct measure *m, enum bearer b);

/*
 * Who uses the sector with this id, for "cannot delete" messages: the first
 * item (group index and item index) or measure payer naming it.  Returns
 * false when nothing does.  `out` may be NULL.
 */
struct sector_user {
	bool is_item;     /* true: groups[group].items[item]; false: measures[measure] */
	size_t group;
	size_t item;
	size_t measure;
};
bool workbook_sector_user(const struct workbook *wb, const char *id, struct sector_user *out);

#endif
