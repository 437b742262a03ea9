/*
 * json_fields.h: typed, strict access to the members of one JSON object
 * for the interchange reader (json_read.c).  Internal to interchange/.
 *
 * Every getter names the problem it finds with the member's full JSON path
 * ("measures[1].participants") and files it in the reader's problem list;
 * none stops at the first problem.  A getter that finds a wrong type or a
 * missing member leaves the destination alone, so the struct keeps a valid
 * default and whole-entity checks (validate_*) stay meaningful; their
 * problems are merged with json_merge_problems(), which drops those about
 * a field already reported.
 *
 * Must never: print, call ncurses or SQLite.
 */
#ifndef UTENFOR_INTERCHANGE_JSON_FIELDS_H
#define UTENFOR_INTERCHANGE_JSON_FIELDS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "engine/validate.h"

/* Sentinel for "no range check" in the numeric getters. */
#define NO_FIELD FIELD_COUNT

struct json_reader {
	struct problems *out;
	int version; /* of the document being read: 1 or 2 */
	/* Scratch list for validate_* results before they are merged. */
	struct problems scratch;
};

/* "prefix.key", or "key" when prefix is empty; truncated to fit. */
void json_path_join(char *buf, size_t size, const char *prefix, const char *key);
/* "prefix[index]". */
void json_path_index(char *buf, size_t size, const char *prefix, size_t index);

/*
 * Report every member of `obj` whose name is not in allowed[0..count-1] as
 * "ukjent felt; tillatte felt er …".  Unknown members do not taint values.
 */
void json_check_members(struct json_reader *r, const json_t *obj, const char *path,
			const char *const *allowed, size_t count);

/*
 * The member `key` of `obj`, or NULL when absent.  When absent and
 * `required`, reports "påkrevd felt mangler".
 */
json_t *json_member(struct json_reader *r, const json_t *obj, const char *path,
		    const char *key, bool required);

/*
 * Typed getters.  Each returns true when the member was present with the
 * right type and *dst was written; false when absent (dst untouched) or
 * wrong (reported; dst untouched).  Numeric getters also run field_check()
 * for `field` (unless NO_FIELD) and store the value even when it is out of
 * range, clamped only so that the conversion to int stays defined; the
 * range problem is reported, and validate_* later finds nothing new at
 * that path.
 */
bool json_get_int(struct json_reader *r, const json_t *obj, const char *path, const char *key,
		  bool required, enum field_id field, int *dst);
bool json_get_long(struct json_reader *r, const json_t *obj, const char *path, const char *key,
		   bool required, enum field_id field, long *dst);
bool json_get_double(struct json_reader *r, const json_t *obj, const char *path,
		     const char *key, bool required, enum field_id field, double *dst);
bool json_get_bool(struct json_reader *r, const json_t *obj, const char *path, const char *key,
		   bool required, bool *dst);
/* Copies into a fixed buffer of `size` bytes; refuses longer text with the
 * limit in bytes rather than truncating. */
bool json_get_text(struct json_reader *r, const json_t *obj, const char *path, const char *key,
		   bool required, char *dst, size_t size);
/*
 * A string that must be one of keys[0..count-1]; returns its index in
 * *index.  Other strings are reported with the allowed values listed.
 */
bool json_get_key(struct json_reader *r, const json_t *obj, const char *path, const char *key,
		  bool required, const char *const *keys, size_t count, int *index);

/* The member as an object / array, reporting other types. */
json_t *json_get_object(struct json_reader *r, const json_t *obj, const char *path,
			const char *key, bool required);
json_t *json_get_array(struct json_reader *r, const json_t *obj, const char *path,
		       const char *key, bool required);

/*
 * Add each problem of `from` to r->out unless r->out already holds one at
 * a related path: the same, one inside it, or one it lies inside
 * ("measures[0].payer" and "measures[0].payer.stat").  The reader reported
 * that field first and more precisely; the later one would be a follow-up.
 */
void json_merge_problems(struct json_reader *r, const struct problems *from);

#endif
