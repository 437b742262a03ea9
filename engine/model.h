/*
 * model.h: the data the calculation contract (doc/model.md, from
 * shared/MODEL.md) talks about: workbook parameters, target groups with
 * their cost items, and measures.
 *
 * These are plain values.  Text lives in fixed-size, NUL-terminated UTF-8
 * buffers so that a struct can be copied with `=` (the TUI's draft of a
 * measure, undo snapshots) and so that nothing on the recompute path owns
 * heap memory.  Longer text is refused by validation, never truncated
 * silently.
 *
 * Must never: do I/O, call ncurses or SQLite.
 */
#ifndef UTENFOR_ENGINE_MODEL_H
#define UTENFOR_ENGINE_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Limits the whole program agrees on (store CHECKs, UI fields, importer). */
#define HORIZON_MIN 1
#define HORIZON_MAX 100
#define HORIZON_DEFAULT 40
#define AGE_MIN 0
#define AGE_MAX 120
#define YEAR_MIN 1900
#define YEAR_MAX 2200
#define AMOUNT_LIMIT 1e12          /* |amount| ≤ 10^12 NOK (or G) */
#define PARTICIPANTS_MAX 10000000L /* ten million: more than Norway's people */
#define G_AMOUNT_DEFAULT 130160.0  /* G from 1 May 2025, NAV */

/* Buffer sizes in bytes, including the terminating NUL. */
#define TEXT_ID_SIZE 64
#define TEXT_NAME_SIZE 128
#define TEXT_SOURCE_SIZE 256
#define TEXT_DESCRIPTION_SIZE 1024

enum bearer {
	BEARER_KOMMUNE,
	BEARER_FYLKESKOMMUNE,
	BEARER_STAT,
	BEARER_COUNT
};

enum amount_unit { UNIT_NOK, UNIT_G };

enum discount_mode { DISCOUNT_R109, DISCOUNT_FLAT, DISCOUNT_NONE };

enum confidence {
	CONFIDENCE_A, /* official statistics for this exact quantity */
	CONFIDENCE_B, /* official statistics, adapted */
	CONFIDENCE_C, /* a published estimate or press report */
	CONFIDENCE_D  /* an assumption made to fill a gap */
};

/*
 * Identity and revision of a stored row, assigned by the store (store/).
 * The engine copies these with the rest of the struct and never reads them;
 * id 0 means "not stored yet".
 */
struct row_ref {
	int64_t id;
	int64_t version;
};

struct discount {
	enum discount_mode mode;
	double rate; /* fraction, used only when mode == DISCOUNT_FLAT */
};

struct workbook_params {
	struct row_ref row;
	char name[TEXT_NAME_SIZE];
	char municipality[TEXT_NAME_SIZE];
	int base_year; /* calendar year of t = 0 */
	int horizon;   /* number of projection years */
	struct discount discount;
	double g_amount; /* NOK per G */
};

/*
 * The *extra* yearly public cost of one person in the group compared with
 * the general population, for one bearer, over an inclusive age range.
 * Negative amounts are allowed (the group costs less there); lost tax is an
 * item like any other.
 */
struct cost_item {
	struct row_ref row;
	char name[TEXT_NAME_SIZE];
	enum bearer bearer;
	double amount;
	enum amount_unit unit;
	int from_age;
	int to_age; /* inclusive */
	char source[TEXT_SOURCE_SIZE];
	enum confidence confidence;
};

struct target_group {
	struct row_ref row;
	char id[TEXT_ID_SIZE];
	char name[TEXT_NAME_SIZE];
	char description[TEXT_DESCRIPTION_SIZE];
	int entry_age;
	/* Owned by the group; see workbook.h for the functions that grow it. */
	struct cost_item *items;
	size_t item_count;
	size_t item_capacity;
};

struct measure {
	struct row_ref row;
	char name[TEXT_NAME_SIZE];
	char group_id[TEXT_ID_SIZE]; /* a target_group.id of the same workbook */
	long participants;           /* N, whole, ≥ 1 */
	int start_year;
	int start_age;               /* always concrete: importers fill in entry_age */
	int duration;                /* D, years the measure costs money, ≥ 1 */
	double cost_per_participant; /* NOK per participant per year of duration */
	double payer[BEARER_COUNT];  /* shares, sum to 1 */
	double success_rate;         /* p, 0–1 */
	double deadweight;           /* d, 0–1 */
	int lag;                     /* L, years from start until savings begin */
	int effect_years;            /* E; 0 means "to the end of the horizon" */
	double decay;                /* δ, 0–1, yearly drop-off after year one */
	bool enabled;
};

/* ASCII names used in JSON, SQL and config ("kommune", "g", "r109", "C"). */
const char *bearer_key(enum bearer b);
const char *unit_key(enum amount_unit u);
const char *discount_mode_key(enum discount_mode m);
const char *confidence_key(enum confidence c);

/* The reverse lookups; return false when `key` is not one of the names. */
bool bearer_from_key(const char *key, enum bearer *out);
bool unit_from_key(const char *key, enum amount_unit *out);
bool discount_mode_from_key(const char *key, enum discount_mode *out);
bool confidence_from_key(const char *key, enum confidence *out);

/* A measure with the documented defaults (deadweight 0, lag 0, enabled…). */
void measure_defaults(struct measure *m);
/* Workbook parameters with the documented defaults (R-109, 40 years, G). */
void workbook_params_defaults(struct workbook_params *p);

/*
 * Copy `src` into a fixed text buffer.  Returns false (and writes nothing
 * beyond an empty string) when it does not fit, so callers can refuse
 * rather than truncate.
 */
bool text_set(char *dst, size_t dst_size, const char *src);

#endif
