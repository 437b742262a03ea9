/*
 * app.h: the interface's one piece of mutable state, `struct app`, and the
 * view "vtable" every screen implements.  Everything the interface knows
 * lives here: the open store, the workbook as loaded, its projection, the
 * current view and selections, the field being edited and the status line.
 *
 * Flow of a keystroke (see doc/tui.md): key → draft_key() (when a field is
 * being edited) or the view's handle() → the workbook in memory is changed
 * → projection_update_measure()/…_group() → app.dirty → one redraw.  Only
 * Enter writes to the store (one transaction per edit).
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
#include "store/store.h"
#include "config/theme.h"
#include "i18n/i18n.h"
#include "tui/curses.h"
#include "tui/field.h"
#include "tui/keys.h"
#include "tui/layout.h"
#include "tui/line_edit.h"

enum view_id {
	VIEW_OVERVIEW,
	VIEW_MEASURES,
	VIEW_GROUPS,
	VIEW_PROJECTION,
	VIEW_SETTINGS,
	VIEW_HELP,
	VIEW_ESTIMATE,
	VIEW_COUNT
};

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

struct view {
	const char *title; /* tab label */
	void (*draw)(struct app *a, const struct rect *r);
	/* true when the action was used */
	bool (*handle)(struct app *a, enum action act);
	/* keys that work where the cursor is, for the bottom line */
	const char *(*hints)(const struct app *a);
	/* optional: a printable key before the key table sees it (a digit on
	 * a number field starts a new value); true when taken */
	bool (*type)(struct app *a, int key);
};

extern const struct view view_overview, view_measures, view_groups, view_projection,
	view_settings, view_help, view_estimate;

/* The quick estimate's own inputs (one form, see estimate.c). */
struct estimate {
	char group_id[TEXT_ID_SIZE];
	long participants;
	double cost_per_participant;
	double success_rate;
	enum bearer payer;
	size_t field;
	struct result result;
	struct group_profile profile;
};

enum edit_target { EDIT_MEASURE, EDIT_ITEM, EDIT_PARAMS, EDIT_ESTIMATE, EDIT_GROUP };

/* The field being typed into.  `backup` is the row as it was before the
 * first keystroke: Esc and refused commits restore it. */
struct edit_state {
	bool active;
	enum edit_target target;
	const struct field_desc *field;
	size_t index; /* measure or group index */
	size_t sub;   /* item index */
	int64_t row_id;
	struct line_edit line;
	bool valid;
	char reading[160];
	char error[PROBLEM_MESSAGE_SIZE];
	union {
		struct measure measure;
		struct cost_item item;
		struct workbook_params params;
		struct estimate est;
		/* only the own fields are restored from it: items stay put */
		struct target_group group;
	} backup;
};

enum confirm_kind {
	CONFIRM_NONE,
	CONFIRM_DELETE_MEASURE,
	CONFIRM_DELETE_ITEM,
	CONFIRM_DELETE_GROUP,
	CONFIRM_OVERWRITE_REPORT /* the file is in app.report_path */
};

extern const struct field_desc estimate_fields[];
/* Recompute a->est.result from its inputs (no allocation). */
void estimate_compute(struct app *a);
/* Start the estimate from the selected measure's group, or the first. */
void estimate_reset(struct app *a);
extern const size_t estimate_field_count;

struct app {
	const char *config_path; /* --config FILE or NULL (tui_options); not owned */
	struct store *store;
	bool read_only;
	struct workbook wb;
	struct projection proj;
	struct keymap keys; /* from config/ (preset + the user's [keys]) */
	char thousands[8];  /* thousands separator for display */

	enum view_id view;
	enum view_id back_view; /* where Esc/q leaves help and the estimate */

	/* Tiltak */
	int measure_sel, measure_top;
	bool measure_form; /* focus in the form (else the table) */
	int measure_field;
	/* Målgrupper */
	int group_sel, group_top;
	bool group_items; /* focus in the items table */
	bool group_form;  /* focus in the group's own form (name, id, …) */
	int group_field;
	int item_sel, item_top, item_col;
	/* Framskriving */
	int proj_top;
	int proj_subject; /* -1 portfolio, else a measure index */
	/* Innstillinger, Hjelp */
	int settings_field;
	int help_top;
	/* Oversikt */
	int overview_sel, overview_top;

	struct edit_state edit;
	struct estimate est;
	bool estimate_only; /* `utenfor estimate`: q leaves the program */

	bool searching;
	struct line_edit search;
	char last_search[LINE_EDIT_SIZE];

	enum confirm_kind confirm;
	char confirm_text[300];

	char report_path[4096]; /* the report `r` writes, while it asks to overwrite */

	char status[600];
	bool status_error;

	/* terminal */
	bool ascii;      /* no UTF-8: ASCII borders and charts */
	bool mouse;      /* UTENFOR_MOUSE=1 */
	int undo_steps;  /* [workbook] undo_steps, given to the store at open */
	bool frame_mark; /* UTENFOR_FRAME_MARK=1: OSC marker after each frame */
	FILE *out;       /* the terminal, for the frame marker */
	SCREEN *screen;  /* from newterm(); released by screen_close() */
	enum i18n_language language; /* what _() speaks; L toggles */
	struct theme theme; /* from config/ (built-in standard without a file) */
	attr_t attrs[ROLE_ROLE_COUNT];
	struct screen_layout layout;
	int tab_x0[VIEW_COUNT], tab_x1[VIEW_COUNT]; /* tab extents of the last frame, for clicks */
	bool cursor_on; /* set while drawing an editor: where the cursor goes */
	int cursor_y, cursor_x;
	bool quit;
};

/* --- app.c: state changes shared by the views ----------------------- */
void app_status(struct app *a, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Reload the workbook from the store, keep selections by row id, and
 * recompute.  Returns false (with a status message) when loading failed. */
bool app_reload(struct app *a);
/* Refuse an edit in a read-only workbook; true when refused. */
bool app_refuse_read_only(struct app *a);
const char *app_thousands(const struct app *a);
/* A store message without its leading "WORKBOOK-PATH: " (the tab bar
 * already names the file); points into msg. */
const char *app_store_message(const struct app *a, const char *msg);
void app_set_view(struct app *a, enum view_id v);
/* Index of the measure/group currently selected, or -1. */
int app_measure_index(const struct app *a);

/* --- shared by the views (view_measures.c) ------------------------------ */
/* Move a table selection for up/down/page/home/end; false for other actions. */
bool view_move_selection(int *sel, int count, int page, enum action act);
/* Start editing `f` with `key` as the first character of a new value
 * when f is a number field and key a digit or '-'; true when taken. */
bool view_type_number(struct app *a, enum edit_target t, const struct field_desc *f,
		      size_t index, size_t sub, int key);

/* --- draft.c: typing into a field ------------------------------------ */
void draft_begin(struct app *a, enum edit_target target, const struct field_desc *f, size_t index,
		size_t sub);
/* Handle one key while editing (wide character or curses key code). */
void draft_key(struct app *a, int is_key_code, int key);
void draft_cancel(struct app *a);
/* Enter: validate and write.  true when it was saved (or nothing to do). */
bool draft_commit(struct app *a);
/* Step a choice field of `target` and save at once. */
void draft_cycle(struct app *a, enum edit_target target, const struct field_desc *f,
		size_t index, size_t sub, int step);
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
/* Key results (NPV, PV cost/saving, BCR, break-even) as label/value
 * lines inside r; `measure` adds the per-measure lines.  Returns the rows
 * used. */
int draw_results(struct app *a, const struct rect *r, const struct result *res, bool measure);
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
 * exists (CONFIRM_OVERWRITE_REPORT).  The outcome goes to the status line. */
void app_report(struct app *a);
/* The answer to the overwrite question: `yes` writes over the file. */
void app_report_confirmed(struct app *a, bool yes);

/* --- tui.c ---------------------------------------------------------- */
/* Was SIGTERM/SIGHUP received?  (The only state a signal handler touches.) */
bool tui_signal_pending(void);

#endif
