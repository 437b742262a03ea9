/*
 * view.h: what every screen of the interface implements, and the table of
 * them.  A view owns its state (selection, scroll, focus: a struct in its
 * own file, allocated once by the loop, state_size bytes, zeroed) and
 * answers to the loop through these calls; the loop knows no view by
 * name.  Adding a view is its file and one line in views.c.
 *
 * The calls get the view's own state as `st`.  Only draw, key and hints
 * are required.  Rows are kept by id across reloads (remember before a
 * call that may read the workbook again, reloaded after), so a selection
 * follows its row when someone else inserts above it.
 *
 * Must never: reach into another view's state (the shared "current
 * measure" is struct app's `subject`).
 */
#ifndef UTENFOR_TUI_VIEW_H
#define UTENFOR_TUI_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "config/actions.h"
#include "tui/layout.h"

struct app;

struct view {
	const char *title; /* N_() tab label */
	/* N_() shorter label for a tab bar too narrow for every title
	 * ("Innst."); NULL when the title is short already. */
	const char *short_title;
	/* The action that shows it (keys 1–9 by default); ACTION_NONE for a
	 * view outside the tab bar (help, the estimate). */
	enum action action;
	size_t state_size;
	void (*init)(struct app *a, void *st);
	/* Release what init took (the state itself is freed by the loop). */
	void (*fini)(struct app *a, void *st);
	void (*draw)(struct app *a, void *st, const struct rect *body);
	/* true when the action was used; else the loop's global actions. */
	bool (*key)(struct app *a, void *st, enum action act);
	/* The keys that work where the cursor is, for the bottom line. */
	const char *(*hints)(const struct app *a, const void *st);
	/* A printable key before the key table sees it (a digit on a number
	 * field starts a new value); true when taken. */
	bool (*type)(struct app *a, void *st, int key);
	/* Select the next row whose name contains `needle` (case-folded),
	 * after the current one when `next`; false when none does. */
	bool (*search)(struct app *a, void *st, const char *needle, bool next);
	/* A mouse click at screen (y, x) inside the body. */
	void (*click)(struct app *a, void *st, int y, int x);
	/* Keep the selected rows' ids / reselect them after a reload. */
	void (*remember)(struct app *a, void *st);
	void (*reloaded)(struct app *a, void *st);
	/* The view comes on screen (e.g. follow app.subject). */
	void (*shown)(struct app *a, void *st);
};

/* All views, tab order first (views.c). */
#define VIEW_MAX 16
extern const struct view *const views[];
extern const size_t view_count;

extern const struct view view_overview, view_measures, view_groups, view_projection,
	view_settings, view_help, view_estimate, view_plan,
	view_uncertainty;

#endif
