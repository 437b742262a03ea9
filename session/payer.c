/*
 * payer.c: a measure's payer as the form shows it (field.h): one share
 * per bearer — the sum of the shares of that bearer's sectors — and
 * beside it the sector that pays it.  MODEL.md keeps payer shares per
 * sector; the form keeps them summing to 100 % by bearer (draft.c), and
 * a bearer's share lives in one sector, which the sector cell moves, or
 * is split over several when the cell is typed as a list ("Barnevern 60;
 * Oppvekst og skole 40", percent of the bearer's share; one sector may
 * go without a number and takes the rest).  A bearer whose share is
 * spread over several sectors keeps that spread in proportion when its
 * total is typed.
 *
 * Must never: call ncurses, allocate, or depend on LC_NUMERIC.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine/numbers.h"
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

/* "Barnevern 60 %; Oppvekst og skole 40 %": bearer b's sectors with
 * their percent of its share, as the split is typed. */
static void split_format(const struct measure *m, const struct workbook *wb, int b, char *buf,
			 size_t size)
{
	double total = measure_bearer_share(wb, m, (enum bearer)b);
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; i < m->payer_count && len < size; i++) {
		if (sector_bearer(wb, m->payer[i].sector) != b || m->payer[i].share <= 0)
			continue;
		double part = m->payer[i].share / total;
		char pct[32];
		percent_format(pct, sizeof pct, part, field_decimals_for(part * 100.0, 2),
			       THOUSANDS_SPACE);
		int w = snprintf(buf + len, size - len, "%s%s %s", len ? "; " : "",
				 sector_name(wb, m->payer[i].sector), pct);
		len = w > 0 && (size_t)w < size - len ? len + (size_t)w : size;
	}
}

void payer_sector_format(const struct field_desc *f, const void *obj, const struct workbook *wb,
			 bool for_editing, char *buf, size_t size)
{
	int b = payer_row_bearer(f), count;
	const char *id = paying_sector(obj, wb, b, &count);
	if (count > 1 && !for_editing)
		snprintf(buf, size, _("%d sektorer"), count);
	else if (count > 1)
		split_format(obj, wb, b, buf, size);
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

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * One part of a typed split, text[0, len): "Barnevern 60 %" gives the
 * sector's text and 0,60; "Barnevern" alone has no number (*has false).
 * False when it has a "%" without a number or no sector text.
 */
static bool split_part(const char *text, size_t len, char *name, size_t nsize, double *pct,
		       bool *has)
{
	while (len > 0 && blank(text[len - 1]))
		len--;
	size_t end = len, num;
	if (end > 0 && text[end - 1] == '%')
		for (end--; end > 0 && blank(text[end - 1]); end--)
			;
	for (num = end; num > 0 && ((text[num - 1] >= '0' && text[num - 1] <= '9') ||
				    text[num - 1] == ',' || text[num - 1] == '.');
	     num--)
		;
	*has = num < end && num > 0 && blank(text[num - 1]);
	if (*has) {
		char digits[32];
		snprintf(digits, sizeof digits, "%.*s", (int)(end - num), text + num);
		if (percent_parse(digits, pct) != NUMBER_OK)
			return false;
		for (len = num; len > 0 && blank(text[len - 1]); len--)
			;
	} else if (end != len) {
		return false;
	}
	snprintf(name, nsize, "%.*s", (int)len, text);
	return len > 0;
}

/*
 * "Barnevern 60; Oppvekst og skole 40": bearer b's share split over its
 * sectors (percent of that share; one part without a number takes the
 * rest).  Checked whole before the measure is touched.
 */
static bool split_parse(const struct field_desc *f, const char *text, struct measure *m,
			const struct workbook *wb, int b, char *reading, size_t rsize, char *error,
			size_t esize)
{
	size_t xs[SECTOR_CHOICES_MAX];
	size_t n = sector_choices(wb, b, xs, SECTOR_CHOICES_MAX);
	long found[PAYER_SHARES_MAX];
	double pct[PAYER_SHARES_MAX];
	int parts = 0, rest = -1;
	double sum = 0;
	for (const char *at = text; at != NULL;) {
		const char *semi = strchr(at, ';');
		size_t len = semi != NULL ? (size_t)(semi - at) : strlen(at);
		while (len > 0 && blank(*at))
			at++, len--;
		const char *next = semi != NULL ? semi + 1 : NULL;
		if (len == 0 || (len == 1 && blank(*at))) {
			at = next;
			continue; /* "Barnevern 60;" while the next is typed */
		}
		char name[TEXT_NAME_SIZE];
		bool has;
		if (parts == PAYER_SHARES_MAX ||
		    !split_part(at, len, name, sizeof name, &pct[parts], &has)) {
			snprintf(error, esize,
				 _("%s: skriv sektorer med prosent av budsjettets andel, delt med "
				   "semikolon (Barnevern 60; Oppvekst og skole 40)"),
				 _(f->label));
			return false;
		}
		found[parts] = sector_choice_read(wb, xs, n, name);
		if (found[parts] < 0) {
			char list[256];
			sector_choice_list(wb, xs, n, list, sizeof list);
			snprintf(error, esize, _("%s: skriv en av budsjettets sektorer: %s"),
				 _(f->label), list);
			return false;
		}
		for (int k = 0; k < parts; k++)
			if (found[k] == found[parts]) {
				snprintf(error, esize, _("%s: «%s» står to ganger"), _(f->label),
					 workbook_sector_name(wb, (size_t)found[k]));
				return false;
			}
		if (!has && rest >= 0) {
			snprintf(error, esize, _("%s: bare én sektor kan stå uten prosent (den får resten)"),
				 _(f->label));
			return false;
		}
		if (!has)
			rest = parts;
		else
			sum += pct[parts];
		parts++;
		at = next;
	}
	if (parts == 0)
		return false;
	if (sum > 1 + PAYER_SUM_TOLERANCE || (rest < 0 && fabs(sum - 1) > PAYER_SUM_TOLERANCE)) {
		char got[32];
		percent_format(got, sizeof got, sum, field_decimals_for(sum * 100.0, 2),
			       THOUSANDS_SPACE);
		snprintf(error, esize, _("%s: sektorenes andeler må til sammen være 100 %%, fikk %s"),
			 _(f->label), got);
		return false;
	}
	double total = measure_bearer_share(wb, m, (enum bearer)b);
	if (!(total > 0)) {
		snprintf(error, esize, _("%s: budsjettet betaler ingenting ennå; skriv andelen først"),
			 _(f->label));
		return false;
	}
	struct measure out = *m;
	for (int i = 0; i < out.payer_count; i++)
		if (sector_bearer(wb, out.payer[i].sector) == b)
			out.payer[i].share = 0;
	/* The shares are of the whole cost: the last part takes what the
	 * others leave of the bearer's, so its total stays exact. */
	double left = total;
	int last = rest >= 0 ? rest : parts - 1;
	bool fits = true;
	for (int k = 0; k < parts; k++) {
		if (k == last)
			continue;
		double share = total * pct[k];
		left -= share;
		fits = fits && measure_payer_set(&out, workbook_sector_id(wb, (size_t)found[k]), share);
	}
	fits = fits && measure_payer_set(&out, workbook_sector_id(wb, (size_t)found[last]),
					 left > 0 ? left : 0);
	compact(&out);
	if (!fits) {
		snprintf(error, esize, _("%s: høyst %d betalende sektorer i alt"), _(f->label),
			 PAYER_SHARES_MAX);
		return false;
	}
	*m = out;
	int count;
	paying_sector(m, wb, b, &count);
	if (count > 1)
		split_format(m, wb, b, reading, rsize);
	else
		snprintf(reading, rsize, "%s", workbook_sector_name(wb, (size_t)found[last]));
	return true;
}

bool payer_sector_parse(const struct field_desc *f, const char *text, void *obj,
			const struct workbook *wb, char *reading, size_t rsize, char *error,
			size_t esize)
{
	int b = payer_row_bearer(f);
	if (wb != NULL && strchr(text, ';') != NULL)
		return split_parse(f, text, obj, wb, b, reading, rsize, error, esize);
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
