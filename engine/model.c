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

void measure_defaults(struct measure *m)
{
	memset(m, 0, sizeof *m);
	m->participants = 1;
	m->start_year = 2027;
	m->duration = 1;
	m->payer[BEARER_KOMMUNE] = 1.0;
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
