/*
 * app.h: the interface's state, `struct app`, and the view "vtable" every
 * screen implements.  The workbook, the draft being typed and the
 * calculations belong to the session (session/session.h); the interface
 * keeps what is about the screen: the views' selections, the line editor,
 * the prompts, the terminal and the status line.
 *
 * Flow of a keystroke (see doc/architecture.md): key → draft_key() (when a
 * field is being edited) or the view's handle() → session_draft_set_text()
 * and friends change the workbook in memory, the analyses follow → one
 * redraw.  Only Enter writes to the store (one transaction per edit).
 *
 * Must never: be touched from a signal handler (see tui_signal_pending()).
 */
#ifndef UTENFOR_TUI_APP_H
#define UTENFOR_TUI_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "engine/projection.h"
#include "engine/workbook.h"
#include "session/analysis.h"
#include "session/session.h"
#include "config/theme.h"
#include "i18n/i18n.h"
#include "tui/curses.h"
#include "session/field.h"
#include "tui/keys.h"
#include "tui/layout.h"
#include "tui/line_edit.h"
#include "tui/list.h"
#include "tui/prompt.h"
#include "tui/view.h"

/* Colour/attribute roles; screen.c maps them for 256, 8 or no colours. */
enum ui_role {
	ROLE_NORMAL,
	ROLE_TAB,
	ROLE_TAB_ACTIVE,
	ROLE_HEADER,
	ROLE_SELECTED,
	ROLE_SELECTED_DIM, /* selection in a pane that does not have focus */
	ROLE_LABEL,
	ROLE_FIELD_EDIT,
	ROLE_FIELD_INVALID,
	ROLE_STATUS,
	ROLE_ERROR,
	ROLE_HINT,
	ROLE_HINT_KEY,
	ROLE_POSITIVE,
	ROLE_NEGATIVE,
	ROLE_DIM,
	ROLE_TITLE,
	ROLE_ROLE_COUNT
};

struct app;

enum edit_target { EDIT_MEASURE, EDIT_ITEM, EDIT_PARAMS, EDIT_ESTIMATE, EDIT_GROUP, EDIT_SECTOR };

/* The line editor over the session's draft (session_draft_*). */
struct edit_state {
	struct line_edit line;
	/* A new row's name ("Ny post") is shown selected: the first character
	 * typed replaces it, as a file manager's "New folder" does; a
	 * movement key keeps it to edit. */
	bool replace_all;
};

struct app {
	const char *config_path; /* --config FILE or NULL (tui_options); not owned */
	struct session *session;
	bool read_only;
	/* Borrowed from the session: its workbook (stable pointer) and the
	 * portfolio projection of the last step (NULL after a failed
	 * recompute: screen_paint() then shows why instead of the view). */
	const struct workbook *wb;
	const struct projection *proj;
	/* The simulation's last results (session/analysis.h); never NULL once open. */
	const struct uncertainty_result *unc;
	unsigned generation; /* session_generation() the selections refer to */
	struct keymap keys; /* from config/ (preset + the user's [keys]) */
	char thousands[8];  /* thousands separator for display */
	int decimals;       /* [numbers] decimals for kroner amounts (0–2) */

	/* The view on screen, where Esc/q leaves help and the estimate, and
	 * each view's own state (view.h), by index in views[]. */
	const struct view *view;
	const struct view *back_view;
	/* views[] (views.c), handed over by views_init() so that nothing
	 * the views call has to name the table. */
	const struct view *const *views;
	size_t view_count;
	void *state[VIEW_MAX];
	/* The current measure, shared by the views that follow it (Tiltak
	 * sets it; Framskriving, the estimate … start from it); index into
	 * wb->measures, kept by id across reloads. */
	int subject;
	int64_t subject_id;

	struct edit_state edit; /* the editor prompt's line (prompt_editor_class) */
	bool estimate_only; /* `utenfor estimate`: q leaves the program */
	/* s: results as Samfunn (the society view) instead of Budsjett, on
	 * the overview, the measure view and the estimate alike. */
	bool society;

	/* Between the bracketed-paste markers: the text gathered so far. */
	bool pasting;
	size_t paste_len;
	char paste[4096];

	struct prompt prompts[PROMPT_MAX];
	int prompt_depth;
	char last_search[LINE_EDIT_SIZE];
	bool confirm_delete; /* config.ini [ui] confirm_delete: ask before deleting */

	char status[600];
	bool status_error;

	/* terminal */
	bool ascii;      /* no UTF-8: ASCII borders and charts */
	bool mouse;      /* UTENFOR_MOUSE=1 */
	int undo_steps;  /* [workbook] undo_steps, given to the session at open; -1 = default */
	/* [workbook] horizon and discount: what a workbook made at start gets */
	int new_horizon;
	struct discount new_discount;
	bool frame_mark; /* UTENFOR_FRAME_MARK=1: OSC marker after each frame */
	FILE *out;       /* the terminal, for the frame marker */
	SCREEN *screen;  /* from newterm(); released by screen_close() */
	enum i18n_language language; /* what _() speaks; L toggles */
	struct theme theme; /* from config/ (built-in standard without a file) */
	attr_t attrs[ROLE_ROLE_COUNT];
	struct screen_layout layout;
	int tab_x0[VIEW_MAX], tab_x1[VIEW_MAX]; /* tab extents of the last frame, for clicks */
	bool cursor_on; /* set while drawing an editor: where the cursor goes */
	int cursor_y, cursor_x;
	bool quit;
};

/* --- app.c: state changes shared by the views ----------------------- */
void app_status(struct app *a, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Show a session call's outcome in the status line: its message (an
 * error when d->code is not DIAG_OK). */
void app_diag(struct app *a, const struct diag *d);
/* Remember the selected rows' ids (before a call that may reload): the
 * current measure's and every view's (view.remember). */
void app_remember(struct app *a);
/* After the session read the workbook again: reselect by the remembered
 * ids (view.reloaded); refresh the projection pointer.  Cheap when
 * nothing was reloaded. */
void app_sync(struct app *a);
/* Between keystrokes: step the analyses for about budget_ms; true while
 * some are still running (the loop then keeps calling without waiting). */
bool app_background(struct app *a, double budget_ms);
/* Insert a new row of `kind` next to `near` (session_insert), keeping the
 * views' selections across the reload.  Its index (and *group's, for an
 * item; group may be NULL), or -1 when refused (read-only, invalid, the
 * store), which is then on the status line.  On success `d` holds the
 * message to show once the caller has started its name's editor. */
long app_insert(struct app *a, enum row_kind kind, struct row_key near, long *group,
		struct diag *d);
/* The state of view `v` (view.h), allocated at start. */
void *app_state(const struct app *a, const struct view *v);
/* views.c: hand the view table to `a`, allocate and initialise every
 * view's state; false when out of memory. */
bool views_init(struct app *a);
void views_free(struct app *a);
/* The key of a row the views address by index. */
struct row_key app_key(const struct app *a, enum edit_target t, size_t index, size_t sub);
/* Refuse an edit in a read-only workbook; true when refused. */
bool app_refuse_read_only(struct app *a);
const char *app_thousands(const struct app *a);
/* Show view `v` (help and the estimate remember where Esc goes back to). */
void app_show(struct app *a, const struct view *v);
/* Leave help or the estimate for the view they were opened from. */
void app_back(struct app *a);
/* The current measure's index (app.subject kept in range), or -1. */
int app_measure_index(const struct app *a);
/* Make measure `i` the current measure. */
void app_set_subject(struct app *a, int i);

/* --- draft.c: typing into a field ------------------------------------ */
/* Start editing `f` with `key` as the first character of a new value
 * when f is a number field and key a digit or '-'; true when taken. */
bool view_type_number(struct app *a, enum edit_target t, const struct field_desc *f,
		      size_t index, size_t sub, int key);

void draft_begin(struct app *a, enum edit_target target, const struct field_desc *f, size_t index,
		size_t sub);
/* The same for a row inserted just now to be named: Esc takes it back. */
void draft_begin_new(struct app *a, enum edit_target target, const struct field_desc *f,
		     size_t index, size_t sub);
/* Is the field editor open? */
bool draft_active(const struct app *a);
void draft_cancel(struct app *a);
/* Enter: validate and write.  true when it was saved (or nothing to do). */
bool draft_commit(struct app *a);
/* Step a choice field of `target` and save at once. */
void draft_cycle(struct app *a, enum edit_target target, const struct field_desc *f,
		size_t index, size_t sub, int step);
/* Is the edited reading valid (for the editor's colour)? */
bool draft_valid(const struct app *a);
/* Is `f` of this row the field being edited? */
bool draft_is(const struct app *a, enum edit_target target, const struct field_desc *f,
	     size_t index, size_t sub);

/* --- draw.c: drawing helpers ------------------------------------------ */
/* Columns `text` takes on this terminal (after ASCII transliteration). */
int draw_width(const struct app *a, const char *text);
/* Text clipped to w columns at (y, x), padded with blanks to w. */
void draw_text(struct app *a, int y, int x, int w, attr_t attr, const char *text);
void draw_text_right(struct app *a, int y, int x, int w, attr_t attr, const char *text);
/* Whole kroner, right-aligned; negative in the negative colour when
 * `signed_colour`. */
void draw_money(struct app *a, int y, int x, int w, double v, bool signed_colour, attr_t base);
void draw_hline(struct app *a, int y, int x, int w, const char *title);
/* A bar chart of values[0..n-1] inside r with value labels at the left. */
void draw_chart(struct app *a, const struct rect *r, const double *values, int n,
		const char *title, int first_label, int label_step);
/* The field being edited (editor + cursor) or its value, at (y, x, w). */
void draw_field(struct app *a, int y, int x, int w, enum edit_target target,
		const struct field_desc *f, const void *obj, size_t index, size_t sub,
		bool selected);
/* The same in a form: the field's unit after the value ("7 500 kr per år"). */
void draw_form_field(struct app *a, int y, int x, int w, enum edit_target target,
		     const struct field_desc *f, const void *obj, size_t index, size_t sub,
		     bool selected);
/* Key results (NPV, PV cost/saving, BCR, break-even) as label/value
 * lines inside r; `measure` adds the per-measure lines.  Returns the rows
 * used. */
int draw_results(struct app *a, const struct rect *r, const struct result *res, bool measure);
/* flows_sectors.c: the overview's who-pays-who-gains pane by sector. */
void draw_sector_flows(struct app *a, const struct rect *r, const struct result *res);
/* "Sannsynlighet for pluss  78 %" of measure mi (the simulation's). */
void draw_chance(struct app *a, int y, const struct rect *r, int mi);
/* draw_chart() of res's cumulative present value, year by year. */
void draw_cum_npv_chart(struct app *a, const struct rect *r, const struct result *res,
			const char *title);
/* The yearly table of `res` from year index `top`; per_bearer widens it
 * to cost and saving per bearer (columns drop when narrow). */
void draw_year_table(struct app *a, const struct rect *r, const struct result *res, int top,
		     bool per_bearer);
/* Format money for tables ("1 234 567"). */
void format_money(const struct app *a, double v, char *buf, size_t size);

/* --- table.c: column tables ------------------------------------------ */
/* Header row of a table laid out with layout_table(); returns the x of
 * each shown column in xs (hidden columns get -1). */
void table_header(struct app *a, int y, int x, const struct table_col *cols, int n,
		  const int *widths, int *xs);
/* One cell: text left- or right-aligned as the column says. */
void table_cell(struct app *a, int y, const struct table_col *col, int x, int w, attr_t attr,
		const char *text);
/* Row attribute: selected rows are highlighted (dimmer without focus). */
attr_t table_row_attr(const struct app *a, bool selected, bool focused);

/* --- screen.c -------------------------------------------------------- */
/* Open the terminal (newterm with fallbacks), colours, modes.  Returns
 * false with a message in err when no terminal could be opened. */
bool screen_open(struct app *a, char *err, size_t err_size);
void screen_close(struct app *a);
void screen_paint(struct app *a);
/* Re-resolve a->theme for the terminal and re-create the colour pairs. */
void screen_apply_theme(struct app *a);

/* --- report_key.c: the `r` key -------------------------------------- */
/* Write the HTML report next to the workbook, or ask first when the file
 * exists.  The outcome goes to the status line. */
void app_report(struct app *a);

/* --- ask_delete.c: "Slette …? (j/n)", then the deletion ------------- */
void ask_delete_measure(struct app *a, int i);
void ask_delete_group(struct app *a, int g);
void ask_delete_item(struct app *a, int g, int i);
void ask_delete_sector(struct app *a, int i);

/* --- global.c: the actions every view shares (views, undo, theme, …) -- */
/* true when `act` was one of them. */
bool global_action(struct app *a, enum action act);

/* --- paste.c: bracketed paste ----------------------------------------- */
/* Between the paste markers: gather; at the end hand it to the prompt. */
bool paste_key(struct app *a, bool is_code, int key);

/* --- tui.c ---------------------------------------------------------- */
/* Was SIGTERM/SIGHUP received?  (The only state a signal handler touches.) */
bool tui_signal_pending(void);

#endif
