/*
 * field.h: one editable value of a model struct (a measure's success rate,
 * a cost item's bearer, the workbook's horizon): how it is shown, how typed
 * text is read, and what the reading means ("leser: 25 %").
 *
 * A field is described by a static table entry (type, validation id, offset
 * into the struct), so the same code serves the measure form, the item
 * table, the settings and the quick estimate.  Parsing writes into a struct
 * only when the text is valid; validation uses engine/validate.h so the
 * form refuses exactly what the store and the importer refuse.
 *
 * Must never: call ncurses, allocate, or depend on LC_NUMERIC.
 */
#ifndef UTENFOR_SESSION_FIELD_H
#define UTENFOR_SESSION_FIELD_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/validate.h"
#include "engine/workbook.h"

enum field_type {
	FT_TEXT,       /* char[size] */
	FT_INT,        /* int */
	FT_LONG,       /* long */
	FT_NUMBER,     /* double, NOK or G */
	FT_PERCENT,    /* double fraction, typed and shown as percent */
	FT_EFFECT,     /* int years, 0 = to the end of the horizon ("" on screen) */
	FT_BEARER,     /* enum bearer */
	FT_UNIT,       /* enum amount_unit */
	FT_CONFIDENCE, /* enum confidence */
	FT_DISCOUNT,   /* enum discount_mode */
	FT_BOOL,       /* bool */
	FT_GROUP       /* char[TEXT_ID_SIZE] naming a target group */
};

struct field_desc {
	const char *label; /* Norwegian, shown before the value */
	enum field_type type;
	int vid;           /* enum field_id for field_check(), or -1 */
	size_t offset;     /* into the struct the field belongs to */
	size_t size;       /* FT_TEXT / FT_GROUP buffer size */
	const char *key;   /* the JSON key (MODEL.md), also `utenfor set`'s FIELD */
	const char *unit;  /* N_() shown after the value ("kr per år"), or NULL */
};

/* The field tables of the model structs. */
extern const struct field_desc measure_fields[];
extern const size_t measure_field_count;
extern const struct field_desc item_fields[];
extern const size_t item_field_count;
/* Name, id, description, entry age of a struct target_group (not its items). */
extern const struct field_desc group_fields[];
extern const size_t group_field_count;
/* Index of the id field in group_fields (its edits retarget measures). */
#define GROUP_FIELD_ID 1
extern const struct field_desc params_fields[];
extern const size_t params_field_count;

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

/* Step a choice field to its next (+1) or previous (−1) value. */
void field_cycle(const struct field_desc *f, void *obj, const struct workbook *wb, int step);

#endif
