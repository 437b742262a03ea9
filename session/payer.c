/*
 * payer.c: a measure's payer as the form shows it (field.h): one share
 * per bearer — the sum of the shares of that bearer's sectors — and
 * beside it the sector that pays it.  MODEL.md keeps payer shares per
 * sector; the form keeps them summing to 100 % by bearer (draft.c), and
 * a bearer's share lives in one sector at a time, which the sector cell
 * moves.  A bearer whose share is spread over several sectors (from a
 * file) keeps that spread in proportion when its total is typed.
 *
 * Must never: call ncurses, allocate, or depend on LC_NUMERIC.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "i18n/i18n.h"
#include "session/field.h"

/* The bearer of a payer row or sector cell: its offset names entry b. */
int payer_row_bearer(const struct field_desc *f)
{
	if (f->type != FT_PAYER && f->type != FT_PAYER_SECTOR)
		return -1;
	size_t at = f->offset - offsetof(struct measure, payer);
	int b = (int)(at / sizeof(struct payer_share));
	return b >= 0 && b < BEARER_COUNT ? b : -1;
}

static int sector_bearer(const struct workbook *wb, const char *id)
{
	enum bearer b;
	if (wb == NULL)
		return bearer_from_key(id, &b) ? (int)b : -1;
	long x = workbook_sector_index(wb, id);
	return x >= 0 ? (int)workbook_sector_bearer(wb, (size_t)x) : -1;
}

/* Drop entries of 0 % (but keep one), so the list stays what is paid. */
static void compact(struct measure *m)
{
	int n = 0;
	for (int i = 0; i < m->payer_count; i++)
		if (m->payer[i].share > 0 || (n == 0 && i == m->payer_count - 1))
			m->payer[n++] = m->payer[i];
	m->payer_count = n;
}

void payer_set_bearer_share(struct measure *m, const struct workbook *wb, int b, double v)
{
	double now = measure_bearer_share(wb, m, (enum bearer)b);
	if (now > 0) {
		for (int i = 0; i < m->payer_count; i++)
			if (sector_bearer(wb, m->payer[i].sector) == b)
				m->payer[i].share *= v / now;
	} else if (v > 0) {
		measure_payer_set(m, bearer_key((enum bearer)b), v);
	}
	compact(m);
}

/* The sector holding most of bearer b's share, or its implicit one. */
static const char *paying_sector(const struct measure *m, const struct workbook *wb, int b,
				 int *count)
{
	const char *best = bearer_key((enum bearer)b);
	double most = -1;
	*count = 0;
	for (int i = 0; i < m->payer_count; i++)
		if (sector_bearer(wb, m->payer[i].sector) == b && m->payer[i].share > 0) {
			(*count)++;
			if (m->payer[i].share > most) {
				most = m->payer[i].share;
				best = m->payer[i].sector;
			}
		}
	return best;
}

static const char *sector_name(const struct workbook *wb, const char *id)
{
	long x = wb != NULL ? workbook_sector_index(wb, id) : -1;
	return x >= 0 ? workbook_sector_name(wb, (size_t)x) : id;
}

void payer_sector_format(const struct field_desc *f, const void *obj, const struct workbook *wb,
			 bool for_editing, char *buf, size_t size)
{
	int b = payer_row_bearer(f), count;
	const char *id = paying_sector(obj, wb, b, &count);
	if (count > 1 && !for_editing)
		snprintf(buf, size, _("%d sektorer"), count);
	else
		snprintf(buf, size, "%s", sector_name(wb, id));
}

/* Move all of bearer b's share to sector `id` (one of b's). */
static void move_share(struct measure *m, const struct workbook *wb, int b, const char *id)
{
	double total = measure_bearer_share(wb, m, (enum bearer)b);
	for (int i = 0; i < m->payer_count; i++)
		if (sector_bearer(wb, m->payer[i].sector) == b)
			m->payer[i].share = 0;
	measure_payer_set(m, id, total);
	compact(m);
}

/* Move bearer b's share to the sector of index x (one of b's). */
static void move_share_to(struct measure *m, const struct workbook *wb, int b, size_t x)
{
	char id[TEXT_ID_SIZE];
	snprintf(id, sizeof id, "%s", workbook_sector_id(wb, x));
	move_share(m, wb, b, id);
}

void payer_sector_cycle(const struct field_desc *f, void *obj, const struct workbook *wb, int step)
{
	int b = payer_row_bearer(f), count;
	size_t xs[SECTOR_CHOICES_MAX];
	size_t n = sector_choices(wb, b, xs, SECTOR_CHOICES_MAX);
	if (n == 0)
		return;
	long now = wb != NULL ? workbook_sector_index(wb, paying_sector(obj, wb, b, &count)) : b;
	move_share_to(obj, wb, b, sector_choice_step(xs, n, now, step));
}

bool payer_sector_parse(const struct field_desc *f, const char *text, void *obj,
			const struct workbook *wb, char *reading, size_t rsize, char *error,
			size_t esize)
{
	int b = payer_row_bearer(f);
	size_t xs[SECTOR_CHOICES_MAX];
	size_t n = sector_choices(wb, b, xs, SECTOR_CHOICES_MAX);
	long found = sector_choice_read(wb, xs, n, text);
	if (found < 0) {
		char list[256];
		sector_choice_list(wb, xs, n, list, sizeof list);
		snprintf(error, esize, _("%s: skriv en av budsjettets sektorer: %s"), _(f->label), list);
		return false;
	}
	move_share_to(obj, wb, b, (size_t)found);
	snprintf(reading, rsize, "%s", workbook_sector_name(wb, (size_t)found));
	return true;
}

#define PAYER_SECTOR(b) (offsetof(struct measure, payer) + (size_t)(b) * sizeof(struct payer_share) + \
			 offsetof(struct payer_share, sector))

static const struct field_desc sector_cells[BEARER_COUNT] = {
	{N_("Betalende sektor, kommune"), FT_PAYER_SECTOR, -1, PAYER_SECTOR(0), TEXT_ID_SIZE,
	 "payer_sector.kommune", NULL},
	{N_("Betalende sektor, fylkeskommune"), FT_PAYER_SECTOR, -1, PAYER_SECTOR(1), TEXT_ID_SIZE,
	 "payer_sector.fylkeskommune", NULL},
	{N_("Betalende sektor, stat"), FT_PAYER_SECTOR, -1, PAYER_SECTOR(2), TEXT_ID_SIZE,
	 "payer_sector.stat", NULL},
};

const struct field_desc *field_beside(const struct field_desc *value, int end)
{
	if (value != NULL && value->type == FT_PAYER) {
		int b = payer_row_bearer(value);
		return end == 0 && b >= 0 ? &sector_cells[b] : NULL;
	}
	return field_range_end(value, end);
}
