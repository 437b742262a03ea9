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
#define REAL_GROWTH_MIN (-0.05)
#define REAL_GROWTH_MAX 0.10
#define PLAN_YEARS_MIN 1
#define PLAN_YEARS_MAX 10
#define PLAN_YEARS_DEFAULT 4
#define DRAWS_MIN 100L
#define DRAWS_MAX 1000000L
#define DRAWS_DEFAULT 10000L
#define SEED_MAX 9007199254740992.0 /* 2^53: every seed is exact in JSON */
#define TAX_COST_DEFAULT 0.20       /* R-109's skattefinansieringskostnad */
/* Sectors in a workbook, the three implicit ones included.  KOSTRA has
 * about 40 function areas a municipality reports; 64 leaves room while
 * keeping the portfolio's sector × sector matrix small (see projection.h). */
#define SECTORS_MAX 64
/* Sector shares one measure's payer may name. */
#define PAYER_SHARES_MAX 16

/* Buffer sizes in bytes, including the terminating NUL. */
#define TEXT_ID_SIZE 64
#define TEXT_NAME_SIZE 128
#define TEXT_SOURCE_SIZE 256
#define TEXT_DESCRIPTION_SIZE 1024
#define TEXT_KOSTRA_SIZE 256

/*
 * BEARER_NONE marks an item outside the public budgets (kind production or
 * welfare).  It is never a valid payer and never indexes an array: loops
 * run over 0 … BEARER_COUNT − 1 and `(unsigned)b < BEARER_COUNT` tells a
 * real bearer.
 */
enum bearer {
	BEARER_NONE = -1,
	BEARER_KOMMUNE,
	BEARER_FYLKESKOMMUNE,
	BEARER_STAT,
	BEARER_COUNT
};

enum amount_unit { UNIT_NOK, UNIT_G };

/*
 * What a cost item is (MODEL.md "Target group").  The first three are
 * public budget items with a bearer and a sector; production and welfare
 * are society-only and have neither (bearer BEARER_NONE, sector "").
 */
enum item_kind {
	ITEM_SERVICE,    /* public services used: real resources (default) */
	ITEM_TRANSFER,   /* benefits paid: income to the person */
	ITEM_TAX,        /* tax revenue lost: money left with the person */
	ITEM_PRODUCTION, /* production lost, not a budget item */
	ITEM_WELFARE,    /* quality of life lost, in NOK, not a budget item */
	ITEM_KIND_COUNT
};

/* The measure fields that may carry an uncertainty range, in the order
 * MODEL.md's tornado and Monte Carlo use them. */
enum range_field {
	RANGE_SUCCESS_RATE,
	RANGE_DEADWEIGHT,
	RANGE_DECAY,
	RANGE_COST_PER_PARTICIPANT,
	RANGE_FIELD_COUNT
};

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

/* The økonomiplan window: `years` calendar years from `start_year`. */
struct plan_window {
	int start_year;
	int years; /* 1–10 */
};

/* Settings of the Monte Carlo simulation (issue 13; the engine stores and
 * validates them, engine/uncertainty.* uses them). */
struct uncertainty_settings {
	long draws;    /* 100–1 000 000 */
	uint64_t seed; /* 0 … 2^53 */
	double spread[CONFIDENCE_D + 1]; /* w per confidence grade, 0–1 */
};

struct workbook_params {
	struct row_ref row;
	char name[TEXT_NAME_SIZE];
	char municipality[TEXT_NAME_SIZE];
	int base_year; /* calendar year of t = 0 */
	int horizon;   /* number of projection years */
	struct discount discount;
	double g_amount; /* NOK per G */
	/* Always concrete, like a measure's start_age: importers and the store
	 * put base_year here when the source leaves them out. */
	int price_year;     /* kroneår of every amount; shown, never used to rescale */
	struct plan_window plan;
	double real_growth; /* yearly real growth of every saving, −0.05 to 0.10 */
	struct uncertainty_settings uncertainty;
	double tax_cost;    /* skattefinansieringskostnad, 0–1 */
};

/*
 * A declared sector (tjenesteområde) inside one bearer's budget.  The
 * three implicit sectors, whose ids are the bearer names, are not stored:
 * see workbook_sector_*() in workbook.h for the index space that holds
 * both.
 */
struct sector {
	struct row_ref row;
	char id[TEXT_ID_SIZE];   /* unique, never a bearer name */
	char name[TEXT_NAME_SIZE];
	enum bearer bearer;
	char kostra[TEXT_KOSTRA_SIZE]; /* free text: "244, 251, 252"; may be "" */
};

/*
 * The *extra* yearly cost of one person in the group compared with the
 * general population, over an inclusive age range.  Negative amounts are
 * allowed (the group costs less there).  A budget item (service, transfer,
 * tax) has a bearer and a sector of that bearer ("" = the bearer's
 * implicit sector); a production or welfare item has bearer BEARER_NONE
 * and sector "".
 */
struct cost_item {
	struct row_ref row;
	char name[TEXT_NAME_SIZE];
	enum item_kind kind;
	enum bearer bearer;
	char sector[TEXT_ID_SIZE];
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

struct payer_share {
	char sector[TEXT_ID_SIZE]; /* a sector id: "kommune", "barnevern" … */
	double share;              /* 0–1 */
};

/* An optional [low, high] around a measure field's value (issue 13). */
struct value_range {
	bool set;
	double low;
	double high;
};

struct measure {
	struct row_ref row;
	char name[TEXT_NAME_SIZE];
	char group_id[TEXT_ID_SIZE]; /* a target_group.id of the same workbook */
	/* The group's row as the store last read it (like `row`, the engine
	 * never reads it): the store links by this row, so a group whose text
	 * id someone renames meanwhile cannot move the measure. */
	struct row_ref group_row;
	long participants;           /* N, whole, ≥ 1 */
	int start_year;
	int start_age;               /* always concrete: importers fill in entry_age */
	int duration;                /* D, years the measure costs money, ≥ 1 */
	double cost_per_participant; /* NOK per participant per year of duration */
	/* Who pays: shares per sector id (implicit bearer sectors included),
	 * each 0–1, summing to 1, each sector at most once.  Entries keep the
	 * order they were given in; a share of 0 may be listed. */
	struct payer_share payer[PAYER_SHARES_MAX];
	int payer_count;
	double success_rate;         /* p, 0–1 */
	double deadweight;           /* d, 0–1 */
	int lag;                     /* L, years from start until savings begin */
	int effect_years;            /* E; 0 means "to the end of the horizon" */
	double decay;                /* δ, 0–1, yearly drop-off after year one */
	bool enabled;
	struct value_range ranges[RANGE_FIELD_COUNT]; /* by enum range_field */
};

/* ASCII names used in JSON, SQL and config ("kommune", "g", "r109", "C"). */
const char *bearer_key(enum bearer b);
const char *unit_key(enum amount_unit u);
const char *discount_mode_key(enum discount_mode m);
const char *confidence_key(enum confidence c);
const char *item_kind_key(enum item_kind k);   /* "service", "transfer", … */
const char *range_field_key(enum range_field f); /* "success_rate", … */

/* The reverse lookups; return false when `key` is not one of the names. */
bool bearer_from_key(const char *key, enum bearer *out);
bool unit_from_key(const char *key, enum amount_unit *out);
bool discount_mode_from_key(const char *key, enum discount_mode *out);
bool confidence_from_key(const char *key, enum confidence *out);
bool item_kind_from_key(const char *key, enum item_kind *out);
bool range_field_from_key(const char *key, enum range_field *out);

/* Whether items of this kind are public budget items (have a bearer). */
bool item_kind_has_bearer(enum item_kind k);

/* The value a range field has in `m` now, and setting it (issue 13's
 * tornado and draws vary one field of a copy). */
double measure_range_value(const struct measure *m, enum range_field f);
void measure_set_range_value(struct measure *m, enum range_field f, double value);

/*
 * Payer shares by sector id.  measure_payer_share() is 0 for a sector the
 * measure does not list.  measure_payer_set() changes the entry for
 * `sector` or appends one; it returns false (and changes nothing) when the
 * id does not fit or PAYER_SHARES_MAX entries are already listed.
 * measure_payer_set_bearers() replaces the whole payer by the three
 * implicit sectors in bearer order (the version-1 shape).
 */
double measure_payer_share(const struct measure *m, const char *sector);
bool measure_payer_set(struct measure *m, const char *sector, double share);
void measure_payer_set_bearers(struct measure *m, const double shares[BEARER_COUNT]);

/* A measure with the documented defaults (deadweight 0, lag 0, enabled,
 * paid by the kommune: payer kommune 1, fylkeskommune 0, stat 0). */
void measure_defaults(struct measure *m);
/* Workbook parameters with the documented defaults (R-109, 40 years, G,
 * price year and plan start = base year, 4 plan years, no growth, 10 000
 * draws from seed 1, spreads A–D 0,10/0,20/0,35/0,50, tax cost 0,20). */
void workbook_params_defaults(struct workbook_params *p);

/*
 * Copy `src` into a fixed text buffer.  Returns false (and writes nothing
 * beyond an empty string) when it does not fit, so callers can refuse
 * rather than truncate.
 */
bool text_set(char *dst, size_t dst_size, const char *src);

#endif
