/*
 * model.c: names, defaults and text buffers of the model's value types.
 *
 * Must never: do I/O or allocate.
 */
#include "engine/model.h"

#include <string.h>

static const char *const bearer_keys[BEARER_COUNT] = {"kommune", "fylkeskommune", "stat"};
static const char *const unit_keys[] = {"nok", "g"};
static const char *const discount_keys[] = {"r109", "flat", "none"};
static const char *const confidence_keys[] = {"A", "B", "C", "D"};
static const char *const item_kind_keys[ITEM_KIND_COUNT] = {"service", "transfer", "tax",
							    "production", "welfare"};
static const char *const range_field_keys[RANGE_FIELD_COUNT] = {
	"success_rate", "deadweight", "decay", "cost_per_participant"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int key_index(const char *const *keys, size_t count, const char *key)
{
	if (key == NULL)
		return -1;
	for (size_t i = 0; i < count; i++)
		if (strcmp(keys[i], key) == 0)
			return (int)i;
	return -1;
}

const char *bearer_key(enum bearer b)
{
	return (unsigned)b < BEARER_COUNT ? bearer_keys[b] : "?";
}

const char *unit_key(enum amount_unit u)
{
	return (unsigned)u < COUNT(unit_keys) ? unit_keys[u] : "?";
}

const char *discount_mode_key(enum discount_mode m)
{
	return (unsigned)m < COUNT(discount_keys) ? discount_keys[m] : "?";
}

const char *confidence_key(enum confidence c)
{
	return (unsigned)c < COUNT(confidence_keys) ? confidence_keys[c] : "?";
}

bool bearer_from_key(const char *key, enum bearer *out)
{
	int i = key_index(bearer_keys, COUNT(bearer_keys), key);
	if (i < 0)
		return false;
	*out = (enum bearer)i;
	return true;
}

bool unit_from_key(const char *key, enum amount_unit *out)
{
	int i = key_index(unit_keys, COUNT(unit_keys), key);
	if (i < 0)
		return false;
	*out = (enum amount_unit)i;
	return true;
}

bool discount_mode_from_key(const char *key, enum discount_mode *out)
{
	int i = key_index(discount_keys, COUNT(discount_keys), key);
	if (i < 0)
		return false;
	*out = (enum discount_mode)i;
	return true;
}

bool confidence_from_key(const char *key, enum confidence *out)
{
	int i = key_index(confidence_keys, COUNT(confidence_keys), key);
	if (i < 0)
		return false;
	*out = (enum confidence)i;
	return true;
}

const char *item_kind_key(enum item_kind k)
{
	return (unsigned)k < ITEM_KIND_COUNT ? item_kind_keys[k] : "?";
}

const char *range_field_key(enum range_field f)
{
	return (unsigned)f < RANGE_FIELD_COUNT ? range_field_keys[f] : "?";
}

bool item_kind_from_key(const char *key, enum item_kind *out)
{
	int i = key_index(item_kind_keys, COUNT(item_kind_keys), key);
	if (i < 0)
		return false;
	*out = (enum item_kind)i;
	return true;
}

bool range_field_from_key(const char *key, enum range_field *out)
{
	int i = key_index(range_field_keys, COUNT(range_field_keys), key);
	if (i < 0)
		return false;
	*out = (enum range_field)i;
	return true;
}

bool item_kind_has_bearer(enum item_kind k)
{
	return k == ITEM_SERVICE || k == ITEM_TRANSFER || k == ITEM_TAX;
}

static double *range_slot(struct measure *m, enum range_field f)
{
	switch (f) {
	case RANGE_SUCCESS_RATE: return &m->success_rate;
	case RANGE_DEADWEIGHT: return &m->deadweight;
	case RANGE_DECAY: return &m->decay;
	case RANGE_COST_PER_PARTICIPANT: return &m->cost_per_participant;
	default: return NULL;
	}
}

double measure_range_value(const struct measure *m, enum range_field f)
{
	double *slot = range_slot((struct measure *)m, f);
	return slot ? *slot : 0.0;
}

void measure_set_range_value(struct measure *m, enum range_field f, double value)
{
	double *slot = range_slot(m, f);
	if (slot)
		*slot = value;
}

static int payer_index(const struct measure *m, const char *sector)
{
	for (int i = 0; i < m->payer_count && i < PAYER_SHARES_MAX; i++)
		if (strncmp(m->payer[i].sector, sector, TEXT_ID_SIZE) == 0)
			return i;
	return -1;
}

double measure_payer_share(const struct measure *m, const char *sector)
{
	int i = payer_index(m, sector);
	return i >= 0 ? m->payer[i].share : 0.0;
}

bool measure_payer_set(struct measure *m, const char *sector, double share)
{
	int i = payer_index(m, sector);
	if (i < 0) {
		if (m->payer_count < 0 || m->payer_count >= PAYER_SHARES_MAX ||
		    strlen(sector) >= TEXT_ID_SIZE)
			return false;
		i = m->payer_count++;
		text_set(m->payer[i].sector, sizeof m->payer[i].sector, sector);
	}
	m->payer[i].share = share;
	return true;
}

void measure_payer_set_bearers(struct measure *m, const double shares[BEARER_COUNT])
{
	memset(m->payer, 0, sizeof m->payer);
	for (int b = 0; b < BEARER_COUNT; b++) {
		text_set(m->payer[b].sector, sizeof m->payer[b].sector, bearer_keys[b]);
		m->payer[b].share = shares[b];
	}
	m->payer_count = BEARER_COUNT;
}

void measure_defaults(struct measure *m)
{
	memset(m, 0, sizeof *m);
	m->participants = 1;
	m->start_year = 2027;
	m->duration = 1;
	measure_payer_set_bearers(m, (const double[BEARER_COUNT]){1.0, 0.0, 0.0});
	m->enabled = true;
}

void workbook_params_defaults(struct workbook_params *p)
{
	memset(p, 0, sizeof *p);
	p->base_year = 2027;
	p->horizon = HORIZON_DEFAULT;
	p->discount.mode = DISCOUNT_R109;
	p->discount.rate = 0.04;
	p->g_amount = G_AMOUNT_DEFAULT;
	p->price_year = p->base_year;
	p->plan.start_year = p->base_year;
	p->plan.years = PLAN_YEARS_DEFAULT;
	p->real_growth = 0.0;
	p->uncertainty.draws = DRAWS_DEFAULT;
	p->uncertainty.seed = 1;
	p->uncertainty.spread[CONFIDENCE_A] = 0.10;
	p->uncertainty.spread[CONFIDENCE_B] = 0.20;
	p->uncertainty.spread[CONFIDENCE_C] = 0.35;
	p->uncertainty.spread[CONFIDENCE_D] = 0.50;
	p->tax_cost = TAX_COST_DEFAULT;
}

bool text_set(char *dst, size_t dst_size, const char *src)
{
	size_t len = src ? strlen(src) : 0;
	if (dst_size == 0)
		return false;
	if (len >= dst_size) {
		dst[0] = '\0';
		return false;
	}
	memcpy(dst, src ? src : "", len);
	dst[len] = '\0';
	return true;
}
