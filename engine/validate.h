/*
 * validate.h: every input's allowed range, and the checks that refuse bad
 * values with a message naming the field and what is allowed.
 *
 * The ranges and the labels are the schema's (schema.h): one table serves
 * the importer, the store's CHECK constraints (which mirror it), and the
 * UI's fields, so "allowed" means the same thing everywhere and a message
 * names a field by the word the form shows.  Messages are Norwegian
 * (bokmål); paths are the JSON field paths ("measures[2].success_rate") so
 * a message can be acted on whether it came from a file or a form.
 *
 * Must never: do I/O, allocate, call ncurses or SQLite.
 */
#ifndef UTENFOR_ENGINE_VALIDATE_H
#define UTENFOR_ENGINE_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/schema.h"
#include "engine/workbook.h"

#define PROBLEM_PATH_SIZE 96
#define PROBLEM_MESSAGE_SIZE 320
#define PROBLEMS_MAX 64

struct problem {
	char path[PROBLEM_PATH_SIZE];       /* "measures[0].participants"; may be "" */
	char message[PROBLEM_MESSAGE_SIZE]; /* what was wrong and what is allowed */
};

/* A bounded list: past PROBLEMS_MAX entries only `dropped` is counted. */
struct problems {
	size_t count;
	size_t dropped;
	struct problem list[PROBLEMS_MAX];
};

void problems_clear(struct problems *p);
void problems_add(struct problems *p, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* "path: message" (or just the message when path is empty) into buf. */
void problem_format(const struct problem *pr, char *buf, size_t size);

/*
 * Check one value against its field's range (and wholeness, finiteness).
 * On failure adds a problem at `path` (the range's key when path is NULL)
 * naming the field by its schema label and saying its range, such as
 * "Startalder må være et heltall fra 0 til 120, fikk 130", and returns
 * false.
 */
bool field_check(enum field_id id, double value, const char *path, struct problems *out);

/*
 * Whole-entity checks.  `path` prefixes the field names ("measures[3]");
 * each returns true when nothing was added to `out`.
 * validate_measure() also checks that `m->group_id` names a group of `wb`
 * and every payer share a sector of `wb`; validate_item() and
 * validate_group() check that a budget item's sector exists and belongs to
 * its bearer (those checks are skipped when wb is NULL).
 * validate_workbook() checks everything, including unique group and
 * sector ids, with paths "workbook", "sectors[i]", "groups[i]",
 * "measures[i]".
 */
bool validate_params(const struct workbook_params *p, const char *path, struct problems *out);
bool validate_sector(const struct sector *s, const char *path, struct problems *out);
bool validate_item(const struct cost_item *item, const struct workbook *wb, const char *path,
		   struct problems *out);
bool validate_group(const struct target_group *g, const struct workbook *wb, const char *path,
		    struct problems *out);
bool validate_measure(const struct measure *m, const struct workbook *wb, const char *path,
		      struct problems *out);
bool validate_workbook(const struct workbook *wb, struct problems *out);

/* Payer shares must sum to 1 within this tolerance (33,33+33,33+33,34 %). */
#define PAYER_SUM_TOLERANCE 1e-6

#endif
