/*
 * field.h: one editable value of a model struct (a measure's success rate,
 * a cost item's bearer, the workbook's horizon): how it is shown, how typed
 * text is read, and what the reading means ("leser: 25 %").
 *
 * A field is described by its schema entry (engine/schema.h: key, label,
 * unit, type, range id, offset into the struct), so the same code serves
 * the measure form, the item table, the settings, the quick estimate and
 * `utenfor set`.  Parsing writes into a struct
 * only when the text is valid; validation uses engine/validate.h so the
 * form refuses exactly what the store and the importer refuse.
 *
 * Must never: call ncurses, allocate, or depend on LC_NUMERIC.
 */
#ifndef UTENFOR_SESSION_FIELD_H
#define UTENFOR_SESSION_FIELD_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/numbers.h"
#include "engine/schema.h"
#include "engine/validate.h"
#include "engine/workbook.h"

/* enum field_type, struct field_desc and the field tables of the model
 * structs (measure_fields, item_fields, group_fields, params_fields) are
 * the schema's (engine/schema.h): one description per field. */

/* Choice types (bearer, unit, …) cycle with Space/←/→ instead of typing. */
bool field_is_choice(const struct field_desc *f);

/*
 * Show the field's value of `obj` for reading, Norwegian style: thousands
 * separated by `thousands`, percent with "%", the group's name for FT_GROUP
 * (wb may be NULL: the id is shown).  With `for_editing` the text is what
 * the editor starts from (plain spaces, no unit), which must parse back to
 * the same value.
 */
void field_format(const struct field_desc *f, const void *obj, const struct workbook *wb,
		  bool for_editing, const char *thousands, char *buf, size_t size);

/*
 * Read `text` into the field of `obj`.  On success writes the value, puts
 * how it was read into `reading` ("25 %", "1 234 567", "fylkeskommune")
 * and returns true.  On failure leaves `obj` untouched, puts a Norwegian
 * message naming the field and what is allowed into `error`, and returns
 * false.  `wb` is needed for FT_GROUP (may be NULL otherwise).
 */
bool field_parse(const struct field_desc *f, const char *text, void *obj,
		 const struct workbook *wb, char *reading, size_t reading_size, char *error,
		 size_t error_size);

/*
 * The "lav" and "høy" beside a ranged field of the measure form (success
 * rate, deadweight, decay, cost per participant: MODEL.md "Uncertainty"):
 * end 0 is low, 1 high.  NULL for a field without a range.  Their type is
 * FT_RANGE_LOW/HIGH and they read and write a struct measure.
 */
const struct field_desc *field_range_end(const struct field_desc *value, int end);
/* Every range end, for `utenfor set` and lookups by name: count 8. */
const struct field_desc *field_range_ends(size_t *count);
/* With a range set on the field `f` of `m`: does it enclose the value?
 * Else false and a message in the field's unit. */
bool field_range_encloses(const struct measure *m, const struct field_desc *f, char *error,
			  size_t error_size);

/* The cells beside a field of the measure form: a ranged field's "lav"
 * and "høy" (end 0, 1), or a payer share's sector (end 0); else NULL. */
const struct field_desc *field_beside(const struct field_desc *value, int end);

/* sector_choice.c: the sectors of one bearer as choices (an item's
 * sector, a payer's): its own sector first, then its declared ones, by
 * sector index (engine/workbook.h).  n must be ≥ 1 for the step. */
#define SECTOR_CHOICES_MAX (SECTORS_MAX + SECTOR_IMPLICIT_COUNT)
size_t sector_choices(const struct workbook *wb, int bearer, size_t *out, size_t max);
/* The choice typed as an id or a name (or part of one), or -1. */
long sector_choice_read(const struct workbook *wb, const size_t *xs, size_t n, const char *text);
/* "Barnevern, Helse og omsorg, …" for a message naming what is allowed. */
void sector_choice_list(const struct workbook *wb, const size_t *xs, size_t n, char *buf,
			size_t size);
/* The choice `step` places from `now` (a sector index), round. */
size_t sector_choice_step(const size_t *xs, size_t n, long now, int step);

/* payer.c: a bearer's payer share is the sum over its sectors
 * (measure_bearer_share() in engine/workbook.h reads it). */
int payer_row_bearer(const struct field_desc *f);
void payer_set_bearer_share(struct measure *m, const struct workbook *wb, int b, double v);
void payer_sector_format(const struct field_desc *f, const void *obj, const struct workbook *wb,
			 bool for_editing, char *buf, size_t size);
void payer_sector_cycle(const struct field_desc *f, void *obj, const struct workbook *wb, int step);
bool payer_sector_parse(const struct field_desc *f, const char *text, void *obj,
			const struct workbook *wb, char *reading, size_t rsize, char *error,
			size_t esize);

/* field_value.c: one number read and shown as its field is, for field.c
 * and the range ends.  A failed read puts the field's message into error
 * (NUMBER_EMPTY: the input hint; NUMBER_INVALID: not a number or outside
 * the field's range). */
int field_decimals_for(double v, int max);
void field_value_format(double v, bool percent, bool for_editing, const char *sep, char *buf,
			size_t size);
void field_value_reading(double v, bool percent, char *buf, size_t size);
enum number_status field_value_read(const struct field_desc *f, bool percent, const char *text,
				    double *out, char *error, size_t error_size);

/* For field.c: how field_format() and field_parse() treat a range end. */
void range_end_format(const struct field_desc *f, const void *obj, bool for_editing,
		      const char *thousands, char *buf, size_t size);
bool range_end_parse(const struct field_desc *f, const char *text, void *obj, char *reading,
		     size_t reading_size, char *error, size_t error_size);

/* Step a choice field to its next (+1) or previous (−1) value. */
void field_cycle(const struct field_desc *f, void *obj, const struct workbook *wb, int step);

#endif
