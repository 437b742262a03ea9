/*
 * schema.h: the one description of every field of the model's rows —
 * its key, label, unit, type, allowed range, and where it lives in the
 * engine struct — so that a field is added in one place and the form,
 * `utenfor set`, validation messages, JSON and reports agree on it.
 *
 * A row kind (workbook, sector, group, item, measure) has one table.  Its
 * first part is the row's form, in form order: those entries are the
 * tables session/field.h names (measure_fields, …) and the interface and
 * `utenfor set` show.  The rest are fields the file and the JSON carry but
 * no form edits (a workbook's price year, a measure's ranges).
 *
 * key   the member path inside the row's JSON object (MODEL.md): "name",
 *       "discount.rate", "payer.kommune"; also `utenfor set`'s FIELD.
 * label bokmål, marked N_(): show _(label).  The one word for the field
 *       (doc/glossary.md) on the form, in messages, lists and reports.
 * vid   the enum field_id whose range the value must lie in, or -1; the
 *       range itself is field_range(vid) (one table, in schema.c).
 *
 * Must never: do I/O, allocate, call ncurses or SQLite.
 */
#ifndef UTENFOR_ENGINE_SCHEMA_H
#define UTENFOR_ENGINE_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/model.h"

/* How a value is stored in the struct, read from text and shown. */
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
	FT_GROUP,      /* char[TEXT_ID_SIZE] naming a target group */
	FT_ITEM_KIND,  /* enum item_kind */
	FT_SEED,       /* uint64_t, a whole number 0 … 2^53 */
	FT_SECTOR,     /* char[TEXT_ID_SIZE] in a struct cost_item: a declared sector
			* of the item's bearer, "" its implicit one; a choice */
	FT_PAYER,      /* double: a bearer's payer share, the sum over its sectors
			* (offset: payer[b].share names bearer b) */
	FT_PAYER_SECTOR, /* the sector paying bearer b's share (offset:
			  * payer[b].sector); a choice */
	FT_RANGE_LOW,  /* the low end of a measure's struct value_range at offset
			* (vid: the ranged field's id); typed empty: no range */
	FT_RANGE_HIGH, /* its high end */
	FT_MAP         /* an object of values keyed by sector or grade (payer,
			* spread, ranges): checked entry by entry, never typed
			* as one value; offset is that of the first entry */
};

struct field_desc {
	const char *label; /* N_(): bokmål, shown before the value and in messages */
	enum field_type type;
	int vid;           /* enum field_id of its range, or -1 */
	size_t offset;     /* into the struct of the row */
	size_t size;       /* FT_TEXT / FT_GROUP buffer size */
	const char *key;   /* the JSON member path (MODEL.md), also `utenfor set`'s FIELD */
	const char *unit;  /* N_() shown after the value ("kr per år"), or NULL */
};

enum schema_row {
	SCHEMA_WORKBOOK, /* struct workbook_params, JSON "workbook" */
	SCHEMA_SECTOR,   /* struct sector, JSON "sectors[]" */
	SCHEMA_GROUP,    /* struct target_group (not its items), JSON "groups[]" */
	SCHEMA_ITEM,     /* struct cost_item, JSON "groups[].items[]" */
	SCHEMA_MEASURE,  /* struct measure, JSON "measures[]" */
	SCHEMA_ROW_COUNT
};

/* Labels another form shares with a measure's (the quick estimate's):
 * one string, so the two can never drift apart. */
#define LABEL_GROUP N_("Målgruppe")
#define LABEL_PARTICIPANTS N_("Deltakere")
#define LABEL_COST_PER_PARTICIPANT N_("Kostnad per deltaker")
#define UNIT_COST_PER_PARTICIPANT N_("kr per år")
#define LABEL_SUCCESS_RATE N_("Suksessrate")

/* The form part of each table (the whole table for sectors). */
extern const struct field_desc params_fields[];
extern const size_t params_field_count;
extern const struct field_desc sector_fields[];
extern const size_t sector_field_count;
/* Name, id, description, entry age of a struct target_group (not its items). */
extern const struct field_desc group_fields[];
extern const size_t group_field_count;
/* Index of the id field in group_fields (its edits retarget measures). */
#define GROUP_FIELD_ID 1
extern const struct field_desc item_fields[];
extern const size_t item_field_count;
extern const struct field_desc measure_fields[];
extern const size_t measure_field_count;

/* Every field of a row kind: index 0 … schema_count()-1, form fields first. */
size_t schema_count(enum schema_row row);
/* How many of them are on the row's form (the rest are file-only). */
size_t schema_form_count(enum schema_row row);
const struct field_desc *schema_field(enum schema_row row, size_t i);
/* The field of `row` whose key is `key` (exact), or NULL. */
const struct field_desc *schema_find(enum schema_row row, const char *key);
/* The JSON name of a row kind: "workbook", "sectors", "groups", "items",
 * "measures". */
const char *schema_row_key(enum schema_row row);

/* ---- ranges ---------------------------------------------------------- */

enum field_kind {
	FIELD_INTEGER,  /* whole numbers */
	FIELD_NUMBER,   /* any finite number, NOK or G */
	FIELD_FRACTION, /* stored 0–1, shown on screen as percent */
	FIELD_RATE      /* a fraction that may be negative (real growth), shown as percent */
};

/* What a range check knows a value by (a field's vid). */
enum field_id {
	FIELD_BASE_YEAR,
	FIELD_HORIZON,
	FIELD_DISCOUNT_RATE,
	FIELD_G_AMOUNT,
	FIELD_ENTRY_AGE,
	FIELD_ITEM_AMOUNT,
	FIELD_ITEM_FROM_AGE,
	FIELD_ITEM_TO_AGE,
	FIELD_PARTICIPANTS,
	FIELD_START_YEAR,
	FIELD_START_AGE,
	FIELD_DURATION,
	FIELD_COST_PER_PARTICIPANT,
	FIELD_PAYER_SHARE,
	FIELD_SUCCESS_RATE,
	FIELD_DEADWEIGHT,
	FIELD_LAG,
	FIELD_EFFECT_YEARS, /* 1–100; 0 in struct measure means "empty" */
	FIELD_DECAY,
	FIELD_PRICE_YEAR,
	FIELD_REAL_GROWTH,
	FIELD_PLAN_START_YEAR,
	FIELD_PLAN_YEARS,
	FIELD_DRAWS,
	FIELD_SEED,
	FIELD_SPREAD,   /* uncertainty.spread.A … D */
	FIELD_TAX_COST,
	FIELD_COUNT
};

struct field_range {
	const char *key;   /* the last part of the field's path: the JSON member
			    * and SQL column name ("success_rate", "rate") */
	enum field_kind kind;
	double min;
	double max;
	enum schema_row row; /* the field that names the range in messages */
	const char *path;    /* its key in that row ("discount.rate") */
};

/* The range of a check id, or NULL for an unknown id. */
const struct field_range *field_range(enum field_id id);
/* The field a check id names in messages (schema_find(row, path)), or NULL. */
const struct field_desc *field_of_range(enum field_id id);
/* That field's label in the current language ("Suksessrate"/"Success
 * rate"); static storage, never freed.  "?" for an unknown id. */
const char *field_label(enum field_id id);

#endif
