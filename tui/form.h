/*
 * form.h: a column of labelled fields of one row (a measure, a group, the
 * workbook parameters, the quick estimate): drawing with the field being
 * typed in place, and the keys every form shares — ↑ ↓ Tab move, Enter
 * edits, ← → and Space step a choice, a digit starts a new number.
 *
 * The form keeps only which field is selected; the values are the row's
 * and are read through session/field.h, so every form shows, parses and
 * refuses a value the same way.
 *
 * Must never: write to the store except through draft.c.
 */
#ifndef UTENFOR_TUI_FORM_H
#define UTENFOR_TUI_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "config/actions.h"
#include "session/field.h"
#include "tui/layout.h"

struct app;
enum edit_target;

struct form {
	int field;
	int col; /* 0 the value; 1, 2 the cells beside it (form_spec.beside) */
};

struct form_spec {
	int target; /* enum edit_target */
	const struct field_desc *fields;
	size_t count;
	const void *obj; /* the row the fields are read from */
	size_t index, sub;
	int label_w; /* 0: 23 columns, or half the width when narrow */
	bool wrap;   /* ↑ above the first goes to the last */
	/* Optional: a note after the value ("(brukes bare ved fast rente)"). */
	const char *(*note)(const struct app *a, const struct field_desc *f);
	/* Optional: two more fields typed beside a field (a measure's "lav"
	 * and "høy", end 0 and 1), reached with ← →; NULL where none. */
	const struct field_desc *(*beside)(const struct field_desc *f, int end);
};

/* The field the selection is on: the value or a cell beside it. */
const struct field_desc *form_selected(const struct form *f, const struct form_spec *s);

void form_draw(struct app *a, const struct rect *r, const struct form *f,
	       const struct form_spec *s, bool focused);
/* Moves, Enter, choices; false for anything else (← on a text field,
 * Shift-Tab on the first field) so the view decides what that means. */
bool form_key(struct app *a, struct form *f, const struct form_spec *s, enum action act);
/* A digit or '-' on a number field starts a new value. */
bool form_type(struct app *a, const struct form *f, const struct form_spec *s, int key);
/* Keep the selection inside the form. */
void form_clamp(struct form *f, const struct form_spec *s);

#endif
