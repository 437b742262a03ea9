/*
 * session.h: the open workbook, without a user interface.  A session owns
 * the store handle, the workbook as loaded, the one field being typed (its
 * draft), the quick estimate's inputs and the registered analyses (see
 * analysis.h).  tui/ and cli/cmd_set.c drive it; only this layer talks to
 * store/.
 *
 * Rows are named by struct row_key (kind + the store's row id), never by
 * index: indexes shift when someone else adds or deletes rows, ids do not.
 * session_index() turns a key into today's index for drawing.
 *
 * Changes: every call that changes the workbook in memory (a keystroke in
 * a draft, a save, a reload) ORs SC_* bits into a set that the caller
 * takes with session_take_changes(); analyses are told at once.
 *
 * Errors: every call that can fail returns enum diag_code and fills the
 * struct diag (may be NULL) — see diag.h.  A refused call changes nothing
 * in the file; in memory the row is as the store has it.
 *
 * Must never: call curses, print, or exit().
 */
#ifndef UTENFOR_SESSION_SESSION_H
#define UTENFOR_SESSION_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/workbook.h"
#include "session/diag.h"
#include "session/field.h"

enum row_kind { ROW_PARAMS, ROW_GROUP, ROW_ITEM, ROW_MEASURE, ROW_ESTIMATE, ROW_SECTOR };

struct row_key {
	enum row_kind kind;
	int64_t id; /* the store's row id; ignored for ROW_PARAMS and ROW_ESTIMATE */
};

enum session_change {
	SC_PARAMS = 1u << 0,
	SC_GROUPS = 1u << 1, /* a group's own fields, or groups added/removed */
	SC_ITEMS = 1u << 2,
	SC_MEASURES = 1u << 3,
	SC_RELOADED = 1u << 4, /* the whole workbook was read again */
	SC_DRAFT = 1u << 5,    /* the draft's text or reading changed */
	SC_ESTIMATE = 1u << 6, /* the quick estimate's inputs */
	SC_ANALYSIS = 1u << 7, /* an analysis produced a new result */
	SC_FOCUS = 1u << 8,    /* the measure the interface looks at (analysis.h) */
	SC_ALL = 0x1ffu
};

/* The quick estimate's inputs: one form, not stored (see analysis_estimate.c). */
struct estimate_inputs {
	char group_id[TEXT_ID_SIZE];
	long participants;
	double cost_per_participant;
	double success_rate;
	enum bearer payer;
};
extern const struct field_desc estimate_fields[];
extern const size_t estimate_field_count;

struct session;

enum session_open_flags {
	SESSION_READ_ONLY = 1u << 0,
	/* create the file with the example data when it does not exist; without
	 * it a missing file is an error (DIAG_NOT_FOUND) */
	SESSION_CREATE = 1u << 1,
};

/* Open `path` and load it.  On DIAG_OK *out is a session the caller closes
 * with session_close(); *created says whether the file was made now. */
enum diag_code session_open(const char *path, unsigned flags, struct session **out,
			    bool *created, struct diag *d);
void session_close(struct session *s);
/* The default workbook's path ($XDG_DATA_HOME/utenfor/arbeidsbok.utenfor);
 * false when no home is known. */
bool session_default_path(char *buf, size_t size);
/* The embedded example workbook into `out` (initialised by the caller,
 * freed with workbook_free()); 0, or -1 when out of memory.  The
 * interface compares the open workbook with it to say which figures are
 * still example data. */
int session_example_workbook(struct workbook *out);
/* Does `path` name a workbook by its extension (…/NAME.utenfor)? */
bool session_names_workbook(const char *path);

const char *session_path(const struct session *s);
bool session_read_only(const struct session *s);
/* How many edits per user stay undoable ([workbook] undo_steps; 0 keeps the
 * whole history); a negative value leaves the store's default. */
void session_set_undo_steps(struct session *s, int steps);
/* Why the file opened read-only when not asked for, or NULL. */
const char *session_read_only_notice(const struct session *s);

/* Borrowed; the pointer stays valid for the session's life, the rows in it
 * until the next call that reloads, inserts or deletes. */
const struct workbook *session_workbook(const struct session *s);
const struct estimate_inputs *session_estimate(const struct session *s);

/* How many times the workbook was read again (reload, or after a write):
 * a caller that keeps indexes compares it to know when to reselect by id. */
unsigned session_generation(const struct session *s);

/* The SC_* bits raised since the last call, and clear them. */
unsigned session_take_changes(struct session *s);

/* Today's index of a row (for ROW_ITEM: the item's index, *group gets its
 * group's), or -1 when it is gone.  group may be NULL. */
long session_index(const struct session *s, struct row_key key, long *group);
/* The key of measures[i], groups[i], groups[g].items[i]. */
struct row_key session_measure_key(const struct session *s, size_t i);
struct row_key session_group_key(const struct session *s, size_t i);
struct row_key session_item_key(const struct session *s, size_t g, size_t i);
/* The key of wb->sectors[i] (a declared sector). */
struct row_key session_sector_key(const struct session *s, size_t i);
/* The field table of a row kind. */
const struct field_desc *session_fields(enum row_kind kind, size_t *count);
/* The field of `kind` whose key or label (in either language) is `name`, or NULL. */
const struct field_desc *session_field_named(enum row_kind kind, const char *name);

/*
 * Others' commits: when the file changed elsewhere (cheap check), read it
 * again (SC_RELOADED).  Never while a draft is open: the commit's conflict
 * check covers that.  *reloaded (may be NULL) says whether it did.
 * Also the one place where damage that the store's whole-file check found
 * after the open (store_check_result()) is reported: DIAG_IO, once.
 */
enum diag_code session_poll(struct session *s, bool *reloaded, struct diag *d);
/* Read the file again now (drops an open draft). */
enum diag_code session_reload(struct session *s, struct diag *d);

/* --- the draft: one field being typed (draft.c) ------------------------- */
enum draft_flags {
	/* the row was inserted just now to be named: cancelling the draft
	 * takes the insertion back (undo), so Esc leaves nothing behind */
	DRAFT_NEW_ROW = 1u << 0,
};
/* Start typing into `f` of `row`.  The row is backed up first. */
enum diag_code session_draft_begin(struct session *s, struct row_key row,
				   const struct field_desc *f, unsigned flags, struct diag *d);
bool session_draft_active(const struct session *s);
/* Is this field of this row the one being typed? */
bool session_draft_is(const struct session *s, struct row_key row, const struct field_desc *f);
const struct field_desc *session_draft_field(const struct session *s);
/* The text the draft started from (for the editor). */
const char *session_draft_initial(const struct session *s);
/*
 * Read `text` into the row in memory (the backup first, so an invalid
 * reading never lingers) and update the analyses.  DIAG_OK when it reads;
 * else DIAG_INVALID with the reason, the row as before, the draft still
 * open.  session_draft_reading() says how the text was read.
 */
enum diag_code session_draft_set_text(struct session *s, const char *text, struct diag *d);
const char *session_draft_reading(const struct session *s);
bool session_draft_valid(const struct session *s);
/*
 * Validate the row and write it (one transaction, undoable).  DIAG_OK:
 * saved, draft closed, d->message says what was saved.  DIAG_INVALID: not
 * saved, draft still open.  DIAG_CONFLICT/DIAG_IO…: not saved, draft
 * closed, the row reloaded from the file.
 */
enum diag_code session_draft_commit(struct session *s, struct diag *d);
/* Restore the row as it was; d->message says so. */
void session_draft_cancel(struct session *s, struct diag *d);
/* Step a choice field (±1) and save at once (no draft). */
enum diag_code session_cycle(struct session *s, struct row_key row, const struct field_desc *f,
			     int step, struct diag *d);
/* Set one field from text and save it, as if typed and Enter pressed. */
enum diag_code session_set_field(struct session *s, struct row_key row,
				 const struct field_desc *f, const char *text, struct diag *d);

/* --- rows (rows.c) ------------------------------------------------------ */
/*
 * Insert a new row of `kind` with the documented defaults, named "Nytt …":
 * a measure next to `near` (its group; a measure key or a zero key), a
 * group, or an item in the group `near`.  *made gets its key.
 */
enum diag_code session_insert(struct session *s, enum row_kind kind, struct row_key near,
			      struct row_key *made, struct diag *d);
/* Insert a prepared measure (the kept estimate). */
enum diag_code session_insert_measure(struct session *s, const struct measure *m,
				      const char *label, struct row_key *made, struct diag *d);
enum diag_code session_delete(struct session *s, struct row_key row, struct diag *d);
/* The row's name as shown ("Oppfølgingslos"), or "". */
const char *session_row_name(const struct session *s, struct row_key row);
/* Undo (redo) this user's last edit and reload.  d->message says what. */
enum diag_code session_undo(struct session *s, bool redo, struct diag *d);

/* --- the example workbook's target groups (copy_group.c) --------------- */
/* The index of the group of `defaults` (session_example_workbook()) whose
 * id or name is `name` (either in any letter case), or -1. */
long session_default_group_find(const struct workbook *defaults, const char *name);
/* The ages a group covers: from the lowest of its entry age and its items'
 * first ages to the highest of its items' last ages. */
void session_group_ages(const struct target_group *g, int *from, int *to);
/*
 * Copy the example workbook's target group `name` (id or name) with all its
 * cost items (sources, grades, kinds, sectors) into the open workbook, and
 * the declared sectors they need that the workbook lacks: one edit, so one
 * undo takes it all back.  When a group of the workbook already has that
 * name or id, the copy is «NAVN (kopi)» (id ID-kopi), then «NAVN (kopi 2)»
 * …; d->message says so.  *made (may be NULL) gets the new group's key.
 * DIAG_NOT_FOUND, listing the example groups, when there is no such group;
 * DIAG_INVALID when the workbook has a sector of that id under another
 * bearer.
 */
enum diag_code session_copy_default_group(struct session *s, const char *name,
					  struct row_key *made, struct diag *d);

#endif
