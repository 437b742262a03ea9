/*
 * json_fields.c: typed, strict getters for the members of a JSON object,
 * each reporting what is wrong with the member's full path and, for a
 * range-checked member, the field's label and range from the schema
 * (engine/schema.h).
 *
 * Invariant: a getter either writes a value the caller can trust to be of
 * the right type (possibly out of range, which it has reported), or leaves
 * the destination alone and reports why.
 *
 * Must never: print, call ncurses or SQLite.
 */
#include "interchange/json_fields.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "i18n/i18n.h"

void json_path_join(char *buf, size_t size, const char *prefix, const char *key)
{
	if (prefix == NULL || prefix[0] == '\0')
		snprintf(buf, size, "%s", key);
	else
		snprintf(buf, size, "%s.%s", prefix, key);
}

void json_path_index(char *buf, size_t size, const char *prefix, size_t index)
{
	snprintf(buf, size, "%s[%zu]", prefix, index);
}

/* "a, b, c" into buf; stops cleanly when the buffer is full. */
static void join_list(char *buf, size_t size, const char *const *items, size_t count)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < count && used < size; i++) {
		int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", items[i]);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

void json_check_members(struct json_reader *r, const json_t *obj, const char *path,
			const char *const *allowed, size_t count)
{
	const char *key;
	json_t *value;
	char list[256];
	join_list(list, sizeof list, allowed, count);
	json_object_foreach((json_t *)obj, key, value) {
		bool known = false;
		for (size_t i = 0; i < count && !known; i++)
			known = strcmp(key, allowed[i]) == 0;
		if (!known) {
			char p[PROBLEM_PATH_SIZE];
			json_path_join(p, sizeof p, path, key);
			problems_add(r->out, p, _("ukjent felt; tillatte felt er %s"), list);
		}
	}
}

json_t *json_member(struct json_reader *r, const json_t *obj, const char *path,
		    const char *key, bool required)
{
	json_t *v = json_object_get(obj, key);
	if (v == NULL && required) {
		char p[PROBLEM_PATH_SIZE];
		json_path_join(p, sizeof p, path, key);
		problems_add(r->out, p, _("påkrevd felt mangler"));
	}
	return v;
}

/* Report a wrong type at path.key. */
static void type_error(struct json_reader *r, const char *path, const char *key,
		       const char *expected)
{
	char p[PROBLEM_PATH_SIZE];
	json_path_join(p, sizeof p, path, key);
	problems_add(r->out, p, "%s", expected);
}

/* A wrong type of a range-checked member: named by the schema's label, as
 * its range problem would be ("Deltakere må være et heltall"). */
static void field_type_error(struct json_reader *r, const char *path, const char *key,
			     enum field_id field, const char *expected)
{
	if (field == NO_FIELD) {
		type_error(r, path, key, expected);
		return;
	}
	char p[PROBLEM_PATH_SIZE];
	json_path_join(p, sizeof p, path, key);
	problems_add(r->out, p, "%s %s", field_label(field), expected);
}

/*
 * A JSON number that is a whole number: an integer, or a real with no
 * fraction (80.0), so that documents written by tools that only know
 * doubles are accepted.
 */
static bool whole_value(const json_t *v, double *out)
{
	if (json_is_integer(v)) {
		*out = (double)json_integer_value(v);
		return true;
	}
	if (json_is_real(v)) {
		double d = json_real_value(v);
		if (isfinite(d) && d == floor(d)) {
			*out = d;
			return true;
		}
	}
	return false;
}

static void range_check(struct json_reader *r, const char *path, const char *key,
			enum field_id field, double value)
{
	if (field == NO_FIELD)
		return;
	char p[PROBLEM_PATH_SIZE];
	json_path_join(p, sizeof p, path, key);
	field_check(field, value, p, r->out);
}

/* Keep a reported out-of-range value convertible without overflow. */
static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* A whole number at obj.key, range-checked (a reported range problem still
 * stores the value: the reader refuses the document as a whole). */
static bool get_whole(struct json_reader *r, const json_t *obj, const char *path,
		      const char *key, bool required, enum field_id field, double *out)
{
	json_t *v = json_member(r, obj, path, key, required);
	if (v == NULL)
		return false;
	if (!whole_value(v, out)) {
		field_type_error(r, path, key, field, _("må være et heltall"));
		return false;
	}
	range_check(r, path, key, field, *out);
	return true;
}

bool json_get_int(struct json_reader *r, const json_t *obj, const char *path, const char *key,
		  bool required, enum field_id field, int *dst)
{
	double d;
	if (!get_whole(r, obj, path, key, required, field, &d))
		return false;
	*dst = (int)clamp(d, INT_MIN / 2, INT_MAX / 2);
	return true;
}

bool json_get_long(struct json_reader *r, const json_t *obj, const char *path, const char *key,
		   bool required, enum field_id field, long *dst)
{
	double d;
	if (!get_whole(r, obj, path, key, required, field, &d))
		return false;
	*dst = (long)clamp(d, INT_MIN / 2, INT_MAX / 2);
	return true;
}

bool json_get_double(struct json_reader *r, const json_t *obj, const char *path,
		     const char *key, bool required, enum field_id field, double *dst)
{
	json_t *v = json_member(r, obj, path, key, required);
	if (v == NULL)
		return false;
	if (!json_is_number(v)) {
		field_type_error(r, path, key, field, _("må være et tall"));
		return false;
	}
	double d = json_number_value(v);
	range_check(r, path, key, field, d);
	*dst = d;
	return true;
}

bool json_get_bool(struct json_reader *r, const json_t *obj, const char *path, const char *key,
		   bool required, bool *dst)
{
	json_t *v = json_member(r, obj, path, key, required);
	if (v == NULL)
		return false;
	if (!json_is_boolean(v)) {
		type_error(r, path, key, _("må være true eller false"));
		return false;
	}
	*dst = json_is_true(v);
	return true;
}

bool json_get_text(struct json_reader *r, const json_t *obj, const char *path, const char *key,
		   bool required, char *dst, size_t size)
{
	json_t *v = json_member(r, obj, path, key, required);
	if (v == NULL)
		return false;
	if (!json_is_string(v)) {
		type_error(r, path, key, _("må være en tekst"));
		return false;
	}
	size_t len = json_string_length(v);
	/* jansson refuses \u0000 unless asked, so strlen and length agree;
	 * the check keeps that true should the load flags ever change. */
	if (len >= size || strlen(json_string_value(v)) != len) {
		char p[PROBLEM_PATH_SIZE];
		json_path_join(p, sizeof p, path, key);
		if (len >= size)
			problems_add(r->out, p, _("teksten er for lang: %zu byte, høyst %zu byte"), len,
				     size - 1);
		else
			problems_add(r->out, p, _("teksten kan ikke inneholde NUL-tegn (\\u0000)"));
		return false;
	}
	memcpy(dst, json_string_value(v), len + 1);
	return true;
}

bool json_get_key(struct json_reader *r, const json_t *obj, const char *path, const char *key,
		  bool required, const char *const *keys, size_t count, int *index)
{
	json_t *v = json_member(r, obj, path, key, required);
	char list[160];
	if (v == NULL)
		return false;
	join_list(list, sizeof list, keys, count);
	if (!json_is_string(v)) {
		char expected[200];
		snprintf(expected, sizeof expected, _("må være en av %s"), list);
		type_error(r, path, key, expected);
		return false;
	}
	for (size_t i = 0; i < count; i++) {
		if (strcmp(json_string_value(v), keys[i]) == 0) {
			*index = (int)i;
			return true;
		}
	}
	char p[PROBLEM_PATH_SIZE];
	json_path_join(p, sizeof p, path, key);
	problems_add(r->out, p, _("ukjent verdi «%.60s»; tillatte verdier er %s"),
		     json_string_value(v), list);
	return false;
}

json_t *json_get_object(struct json_reader *r, const json_t *obj, const char *path,
			const char *key, bool required)
{
	json_t *v = json_member(r, obj, path, key, required);
	if (v != NULL && !json_is_object(v)) {
		type_error(r, path, key, _("må være et objekt ({ … })"));
		return NULL;
	}
	return v;
}

json_t *json_get_array(struct json_reader *r, const json_t *obj, const char *path,
		       const char *key, bool required)
{
	json_t *v = json_member(r, obj, path, key, required);
	if (v != NULL && !json_is_array(v)) {
		type_error(r, path, key, _("må være en liste ([ … ])"));
		return NULL;
	}
	return v;
}

/* Is `inner` equal to `outer` or a member/element path inside it? */
static bool path_within(const char *inner, const char *outer)
{
	size_t n = strlen(outer);
	if (n == 0 || strncmp(inner, outer, n) != 0)
		return false;
	return inner[n] == '\0' || inner[n] == '.' || inner[n] == '[';
}

void json_merge_problems(struct json_reader *r, const struct problems *from)
{
	for (size_t i = 0; i < from->count; i++) {
		const struct problem *pr = &from->list[i];
		bool seen = false;
		for (size_t j = 0; j < r->out->count && !seen; j++) {
			const char *old = r->out->list[j].path;
			seen = path_within(pr->path, old) || path_within(old, pr->path);
		}
		if (!seen)
			problems_add(r->out, pr->path, "%s", pr->message);
	}
	r->out->dropped += from->dropped;
}
