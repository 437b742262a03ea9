/*
 * workbook.c: the growable arrays of a workbook.  The only engine file that
 * allocates for workbook data; nothing here runs per keystroke.
 *
 * Must never: do I/O.
 */
#include "engine/workbook.h"

#include "engine/alloc.h"

#include <stdlib.h>
#include <string.h>

#include "i18n/i18n.h"

/* Grow *array to hold at least `need` elements of `size` bytes. */
static int reserve(void **array, size_t *capacity, size_t need, size_t size)
{
	if (need <= *capacity)
		return 0;
	size_t cap = *capacity ? *capacity : 8;
	while (cap < need)
		cap *= 2;
	void *grown = realloc(*array, cap * size);
	if (grown == NULL)
		return -1;
	*array = grown;
	engine_hint_big(grown, cap * size);
	*capacity = cap;
	return 0;
}

void workbook_init(struct workbook *wb)
{
	memset(wb, 0, sizeof *wb);
	workbook_params_defaults(&wb->params);
}

void target_group_free_items(struct target_group *g)
{
	free(g->items);
	g->items = NULL;
	g->item_count = 0;
	g->item_capacity = 0;
}

void workbook_free(struct workbook *wb)
{
	for (size_t i = 0; i < wb->group_count; i++)
		target_group_free_items(&wb->groups[i]);
	free(wb->sectors);
	free(wb->groups);
	free(wb->measures);
	workbook_init(wb);
}

/* Copy `src` into `dst` with an items array of its own. */
static int group_copy(struct target_group *dst, const struct target_group *src)
{
	*dst = *src;
	dst->items = NULL;
	dst->item_count = 0;
	dst->item_capacity = 0;
	if (src->item_count == 0)
		return 0;
	dst->items = malloc(src->item_count * sizeof *dst->items);
	if (dst->items == NULL)
		return -1;
	memcpy(dst->items, src->items, src->item_count * sizeof *dst->items);
	dst->item_count = src->item_count;
	dst->item_capacity = src->item_count;
	return 0;
}

int workbook_copy(struct workbook *dst, const struct workbook *src)
{
	workbook_init(dst);
	dst->params = src->params;
	for (size_t i = 0; i < src->sector_count; i++)
		if (workbook_add_sector(dst, &src->sectors[i]) < 0)
			goto fail;
	for (size_t i = 0; i < src->group_count; i++)
		if (workbook_add_group(dst, &src->groups[i]) < 0)
			goto fail;
	for (size_t i = 0; i < src->measure_count; i++)
		if (workbook_add_measure(dst, &src->measures[i]) < 0)
			goto fail;
	return 0;
fail:
	workbook_free(dst);
	return -1;
}

long workbook_add_group(struct workbook *wb, const struct target_group *g)
{
	if (reserve((void **)&wb->groups, &wb->group_capacity, wb->group_count + 1,
		    sizeof *wb->groups) < 0)
		return -1;
	if (group_copy(&wb->groups[wb->group_count], g) < 0)
		return -1;
	return (long)wb->group_count++;
}

void workbook_remove_group(struct workbook *wb, size_t index)
{
	if (index >= wb->group_count)
		return;
	target_group_free_items(&wb->groups[index]);
	memmove(&wb->groups[index], &wb->groups[index + 1],
		(wb->group_count - index - 1) * sizeof *wb->groups);
	wb->group_count--;
}

long workbook_add_measure(struct workbook *wb, const struct measure *m)
{
	if (reserve((void **)&wb->measures, &wb->measure_capacity, wb->measure_count + 1,
		    sizeof *wb->measures) < 0)
		return -1;
	wb->measures[wb->measure_count] = *m;
	return (long)wb->measure_count++;
}

void workbook_remove_measure(struct workbook *wb, size_t index)
{
	if (index >= wb->measure_count)
		return;
	memmove(&wb->measures[index], &wb->measures[index + 1],
		(wb->measure_count - index - 1) * sizeof *wb->measures);
	wb->measure_count--;
}

long target_group_add_item(struct target_group *g, const struct cost_item *item)
{
	if (reserve((void **)&g->items, &g->item_capacity, g->item_count + 1, sizeof *g->items) < 0)
		return -1;
	g->items[g->item_count] = *item;
	return (long)g->item_count++;
}

void target_group_remove_item(struct target_group *g, size_t index)
{
	if (index >= g->item_count)
		return;
	memmove(&g->items[index], &g->items[index + 1],
		(g->item_count - index - 1) * sizeof *g->items);
	g->item_count--;
}

long workbook_find_group(const struct workbook *wb, const char *id)
{
	for (size_t i = 0; i < wb->group_count; i++)
		if (strcmp(wb->groups[i].id, id) == 0)
			return (long)i;
	return -1;
}

long workbook_add_sector(struct workbook *wb, const struct sector *s)
{
	if (reserve((void **)&wb->sectors, &wb->sector_capacity, wb->sector_count + 1,
		    sizeof *wb->sectors) < 0)
		return -1;
	wb->sectors[wb->sector_count] = *s;
	return (long)wb->sector_count++;
}

void workbook_remove_sector(struct workbook *wb, size_t index)
{
	if (index >= wb->sector_count)
		return;
	memmove(&wb->sectors[index], &wb->sectors[index + 1],
		(wb->sector_count - index - 1) * sizeof *wb->sectors);
	wb->sector_count--;
}

size_t workbook_sector_total(const struct workbook *wb)
{
	return SECTOR_IMPLICIT_COUNT + wb->sector_count;
}

long workbook_sector_index(const struct workbook *wb, const char *id)
{
	if (id == NULL || id[0] == '\0')
		return -1;
	enum bearer b;
	if (bearer_from_key(id, &b))
		return (long)b;
	for (size_t i = 0; i < wb->sector_count; i++)
		if (strncmp(wb->sectors[i].id, id, TEXT_ID_SIZE) == 0)
			return (long)(SECTOR_IMPLICIT_COUNT + i);
	return -1;
}

const char *workbook_sector_id(const struct workbook *wb, size_t index)
{
	if (index < SECTOR_IMPLICIT_COUNT)
		return bearer_key((enum bearer)index);
	index -= SECTOR_IMPLICIT_COUNT;
	return index < wb->sector_count ? wb->sectors[index].id : "";
}

enum bearer workbook_sector_bearer(const struct workbook *wb, size_t index)
{
	if (index < SECTOR_IMPLICIT_COUNT)
		return (enum bearer)index;
	index -= SECTOR_IMPLICIT_COUNT;
	if (index >= wb->sector_count || (unsigned)wb->sectors[index].bearer >= BEARER_COUNT)
		return BEARER_NONE;
	return wb->sectors[index].bearer;
}

const char *workbook_sector_name(const struct workbook *wb, size_t index)
{
	static const char *const implicit[SECTOR_IMPLICIT_COUNT] = {
		N_("Kommune, øvrig"), N_("Fylkeskommune, øvrig"), N_("Stat, øvrig")};
	if (index < SECTOR_IMPLICIT_COUNT)
		return _(implicit[index]);
	index -= SECTOR_IMPLICIT_COUNT;
	return index < wb->sector_count ? wb->sectors[index].name : "";
}

long workbook_item_sector(const struct workbook *wb, const struct cost_item *item)
{
	if (!item_kind_has_bearer(item->kind) || (unsigned)item->bearer >= BEARER_COUNT)
		return -1;
	if (item->sector[0] == '\0')
		return (long)item->bearer;
	return workbook_sector_index(wb, item->sector);
}

double measure_bearer_share(const struct workbook *wb, const struct measure *m, enum bearer b)
{
	double sum = 0.0;
	for (int i = 0; i < m->payer_count && i < PAYER_SHARES_MAX; i++) {
		enum bearer owner;
		if (!bearer_from_key(m->payer[i].sector, &owner)) {
			long x = wb ? workbook_sector_index(wb, m->payer[i].sector) : -1;
			owner = x >= 0 ? workbook_sector_bearer(wb, (size_t)x) : BEARER_NONE;
		}
		if (owner == b)
			sum += m->payer[i].share;
	}
	return sum;
}

bool workbook_sector_user(const struct workbook *wb, const char *id, struct sector_user *out)
{
	for (size_t g = 0; g < wb->group_count; g++)
		for (size_t i = 0; i < wb->groups[g].item_count; i++)
			if (strncmp(wb->groups[g].items[i].sector, id, TEXT_ID_SIZE) == 0) {
				if (out)
					*out = (struct sector_user){.is_item = true, .group = g,
								    .item = i};
				return true;
			}
	for (size_t m = 0; m < wb->measure_count; m++) {
		const struct measure *me = &wb->measures[m];
		for (int i = 0; i < me->payer_count && i < PAYER_SHARES_MAX; i++)
			if (strncmp(me->payer[i].sector, id, TEXT_ID_SIZE) == 0) {
				if (out)
					*out = (struct sector_user){.is_item = false, .measure = m};
				return true;
			}
	}
	return false;
}
