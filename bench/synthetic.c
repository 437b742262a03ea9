/*
 * synthetic.c: the benchmarks' fixed-seed workbooks (see synthetic.h).
 */
#include "bench/synthetic.h"

#include <stdio.h>
#include <string.h>

uint64_t rng_next(struct rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 2685821657736338717ULL;
}

double rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) / 9007199254740992.0;
}

int rng_int(struct rng *r, int lo, int hi)
{
	return lo + (int)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

/* Declared sectors per bearer: with the implicit ones, 4 × 3 = 12. */
#define SECTORS_PER_BEARER 3

/* One of bearer b's four sectors: "" (implicit) or a declared one. */
static void pick_sector(struct rng *r, enum bearer b, char *id, size_t size)
{
	int k = rng_int(r, 0, SECTORS_PER_BEARER);
	if (k == 0)
		id[0] = '\0';
	else
		snprintf(id, size, "%s-%d", bearer_key(b), k);
}

/* Seven groups as in KS's model, each with a handful of items over a life,
 * spread over 12 sectors and every item kind; a plan and real growth. */
int synthetic_build(struct workbook *wb, struct rng *r, int measures, int horizon)
{
	workbook_init(wb);
	text_set(wb->params.name, sizeof wb->params.name, "Benchmark");
	wb->params.horizon = horizon;
	wb->params.real_growth = 0.005;
	for (int b = 0; b < BEARER_COUNT; b++)
		for (int k = 1; k <= SECTORS_PER_BEARER; k++) {
			struct sector sec;
			memset(&sec, 0, sizeof sec);
			snprintf(sec.id, sizeof sec.id, "%s-%d", bearer_key((enum bearer)b), k);
			snprintf(sec.name, sizeof sec.name, "Sektor %d", k);
			sec.bearer = (enum bearer)b;
			if (workbook_add_sector(wb, &sec) < 0)
				return -1;
		}
	for (int g = 0; g < 7; g++) {
		struct target_group grp;
		memset(&grp, 0, sizeof grp);
		snprintf(grp.id, sizeof grp.id, "gruppe-%d", g);
		snprintf(grp.name, sizeof grp.name, "Målgruppe %d", g);
		grp.entry_age = rng_int(r, 6, 18);
		for (int i = 0; i < 8; i++) {
			struct cost_item it;
			memset(&it, 0, sizeof it);
			snprintf(it.name, sizeof it.name, "Post %d", i);
			it.kind = (enum item_kind)rng_int(r, 0, ITEM_KIND_COUNT - 1);
			it.bearer = (enum bearer)rng_int(r, 0, BEARER_COUNT - 1);
			if (item_kind_has_bearer(it.kind))
				pick_sector(r, it.bearer, it.sector, sizeof it.sector);
			else
				it.bearer = BEARER_NONE;
			it.unit = rng_int(r, 0, 3) == 0 ? UNIT_G : UNIT_NOK;
			it.amount = it.unit == UNIT_G ? rng_unit(r) * 2 : (rng_unit(r) - 0.1) * 80000;
			it.from_age = rng_int(r, 0, 70);
			it.to_age = it.from_age + rng_int(r, 0, 50);
			if (target_group_add_item(&grp, &it) < 0)
				return -1;
		}
		long added = workbook_add_group(wb, &grp);
		target_group_free_items(&grp);
		if (added < 0)
			return -1;
	}
	for (int i = 0; i < measures; i++) {
		struct measure m;
		measure_defaults(&m);
		snprintf(m.name, sizeof m.name, "Tiltak %d", i);
		snprintf(m.group_id, sizeof m.group_id, "gruppe-%d", rng_int(r, 0, 6));
		m.participants = rng_int(r, 5, 500);
		m.start_year = wb->params.base_year + rng_int(r, 0, 5);
		m.start_age = rng_int(r, 6, 18);
		m.duration = rng_int(r, 1, 4);
		m.cost_per_participant = rng_unit(r) * 60000;
		m.payer[BEARER_KOMMUNE].share = 0.5;
		m.payer[BEARER_FYLKESKOMMUNE].share = 0.25;
		m.payer[BEARER_STAT].share = 0.25;
		/* Half the measures split the kommune's share with a sector. */
		if (rng_int(r, 0, 1)) {
			char id[TEXT_ID_SIZE];
			snprintf(id, sizeof id, "kommune-%d", rng_int(r, 1, SECTORS_PER_BEARER));
			m.payer[BEARER_KOMMUNE].share = 0.25;
			measure_payer_set(&m, id, 0.25);
		}
		m.success_rate = rng_unit(r) * 0.4;
		m.deadweight = rng_unit(r) * 0.2;
		m.lag = rng_int(r, 0, 3);
		m.effect_years = rng_int(r, 0, 1) ? 0 : rng_int(r, 5, 40);
		m.decay = rng_unit(r) * 0.1;
		m.enabled = rng_int(r, 0, 9) != 0;
		if (workbook_add_measure(wb, &m) < 0)
			return -1;
	}
	return 0;
}
