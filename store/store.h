/*
 * store.h: the workbook file.  One SQLite database per workbook; this module
 * is the only code that opens it.
 *
 * Guarantees the rest of the program builds on:
 *   - every edit function is one transaction, validated with engine/validate
 *     before anything is written: a refused edit leaves the file as it was;
 *   - an edit names the row version it was based on (row_ref.version); if
 *     another process changed the row since, the edit is refused with
 *     STORE_CONFLICT and nothing is overwritten;
 *   - every successful edit is recorded in the file's undo history, so undo
 *     and redo survive a restart, and an undo is itself an edit others see;
 *   - a read-only store never takes a write lock.
 *
 * Errors: functions return enum store_status and, when not STORE_OK, fill
 * `err->message` with one line naming the file and what was wrong, in
 * Norwegian, suitable for the status line or stderr.  `err` may be NULL.
 *
 * Must never: call ncurses, print, or exit().
 */
#ifndef UTENFOR_STORE_STORE_H
#define UTENFOR_STORE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/workbook.h"

enum store_status {
	STORE_OK = 0,
	STORE_IO,           /* cannot open/create/read/write the path */
	STORE_NOT_WORKBOOK, /* not a SQLite file, or not one of ours */
	STORE_CORRUPT,      /* quick_check failed, truncated */
	STORE_TOO_NEW,      /* schema version newer than this program reads */
	STORE_INVALID,      /* rows violate the model (hand-edited file) */
	STORE_REFUSED,      /* the edit failed validation; message says why */
	STORE_CONFLICT,     /* the row changed (or vanished) since it was read */
	STORE_BUSY,         /* another process held the lock past the timeout */
	STORE_READ_ONLY,    /* opened read-only; edits are refused */
	STORE_FULL,         /* disk full: the edit was not saved */
	STORE_NOTHING,      /* nothing to undo / redo */
	STORE_EXISTS,       /* creating a file that already exists */
	STORE_NOMEM,
	STORE_DETACHED      /* the path no longer names the open file: nothing is written */
};

struct store_error {
	enum store_status status;
	char message[512];
};

struct store; /* opaque */

enum store_open_flags {
	STORE_OPEN_READ_ONLY = 1 << 0, /* --read-only: never write, never lock */
	STORE_OPEN_CREATE_DEFAULT = 1 << 1, /* create with the embedded default data if absent */
	/* check at open only what store_load() reads, and the rest of the
	 * file (the undo history, free pages) in a thread; writes wait for
	 * it (see store_check_result()).  For the interface's first paint. */
	STORE_OPEN_CHECK_LATER = 1 << 2,
};

/*
 * Open `path`.  A path on a read-only file or directory opens read-only;
 * store_read_only_notice() then says why.  On success *out is an open
 * store the caller closes with store_close().
 */
enum store_status store_open(const char *path, unsigned flags, struct store **out,
			     struct store_error *err);
void store_close(struct store *s);
/*
 * The whole-file check of a store opened with STORE_OPEN_CHECK_LATER:
 * *done is false while it runs (STORE_OK); once done, STORE_CORRUPT with
 * err's message if it found damage (every write is then refused with
 * that message), else STORE_OK.  Never waits.
 */
enum store_status store_check_result(struct store *s, bool *done, struct store_error *err);

/*
 * Create a new workbook file (mode 0600) holding `initial` (an empty
 * workbook when NULL).  Refuses with STORE_EXISTS if the path exists.
 */
enum store_status store_create(const char *path, const struct workbook *initial,
			       struct store_error *err);

/* $XDG_DATA_HOME/utenfor/arbeidsbok.utenfor (default ~/.local/share/…);
 * creates the directory (0700).  Returns false when no home is known. */
bool store_default_path(char *buf, size_t size);

/* The embedded default workbook (data/default-workbook.json: sectors, seven
 * target groups, example measures), read with the interchange reader.
 * Fills an initialised workbook; returns 0 or -1 when out of memory. */
int store_default_workbook(struct workbook *wb);

const char *store_path(const struct store *s);
/*
 * When the workbook's file was deleted, moved or replaced while open
 * (store/identity.h), what happened and what to do, one line; else NULL.
 * From then on every edit and load returns STORE_DETACHED with this text.
 */
const char *store_detached_message(const struct store *s);
bool store_is_read_only(const struct store *s);
/* Why the store is read-only when the user did not ask for it, or NULL. */
const char *store_read_only_notice(const struct store *s);

/*
 * Read the whole workbook into `out` (initialised by the caller; its old
 * contents are freed).  Rows carry their row_ref.  Groups, items and
 * measures come in a stable order (creation order).
 */
enum store_status store_load(struct store *s, struct workbook *out, struct store_error *err);

/*
 * Has another connection committed since the last store_load() or edit
 * through this handle?  Cheap (PRAGMA data_version); call it about once a
 * second from the UI loop.
 */
bool store_changed_elsewhere(struct store *s);

/*
 * Edits.  Each is one transaction; on STORE_OK the row's new row_ref is
 * written back into the caller's struct (id for inserts, version always).
 * `label` describes the edit for the undo history in the user's words
 * ("Endre suksessrate i «Oppfølgingslos»"); it may be NULL.
 */
enum store_status store_update_params(struct store *s, struct workbook_params *p,
				      const char *label, struct store_error *err);

/*
 * Declared sectors (the implicit bearer sectors are not rows).  Items and
 * payer shares refer to a sector by its row, so renaming its id moves
 * nothing.  Delete is refused (STORE_REFUSED, naming the items and
 * measures) while an item or a payer share uses the sector; so is changing
 * its bearer while items use it.
 */
enum store_status store_insert_sector(struct store *s, struct sector *sec, const char *label,
				      struct store_error *err);
enum store_status store_update_sector(struct store *s, struct sector *sec, const char *label,
				      struct store_error *err);
enum store_status store_delete_sector(struct store *s, const struct sector *sec,
				      const char *label, struct store_error *err);

enum store_status store_insert_group(struct store *s, struct target_group *g,
				     const char *label, struct store_error *err);
/*
 * Insert the `n` sectors `secs` (may be NULL when n is 0) and then the group
 * `g` with its items, as ONE edit: one transaction, one undo step (copying
 * a default target group that needs sectors the workbook lacks).  A sector
 * or group id already used is REFUSED and nothing is written.  On STORE_OK
 * every sector's, the group's and its items' row_ref is set.
 */
enum store_status store_insert_group_sectors(struct store *s, struct sector *secs, size_t n,
					     struct target_group *g, const char *label,
					     struct store_error *err);
/* Name, id, description, entry age; not the items. */
enum store_status store_update_group(struct store *s, struct target_group *g,
				     const char *label, struct store_error *err);
/* Refused (STORE_REFUSED) while measures use the group; the message names them. */
enum store_status store_delete_group(struct store *s, const struct target_group *g,
				     const char *label, struct store_error *err);

enum store_status store_insert_item(struct store *s, const struct target_group *g,
				    struct cost_item *item, const char *label,
				    struct store_error *err);
enum store_status store_update_item(struct store *s, const struct target_group *g,
				    struct cost_item *item, const char *label,
				    struct store_error *err);
enum store_status store_delete_item(struct store *s, const struct cost_item *item,
				    const char *label, struct store_error *err);

/*
 * Items carry their kind and sector (store_update_item); measures their
 * payer shares per sector and ranges (store_update_measure): a change of
 * one share is an update of the measure, so a concurrent edit of any share
 * is a STORE_CONFLICT on the measure.  A measure is linked to its group by
 * m->group_row (set by store_load and after each edit): when the user picks
 * another group, set group_id and group_row from that group's struct
 * (store_measure_set_group).  Someone else renaming the group meanwhile
 * cannot move the measure; the edit is then refused with a message saying
 * what happened.
 */
void store_measure_set_group(struct measure *m, const struct target_group *g);

enum store_status store_insert_measure(struct store *s, struct measure *m, const char *label,
				       struct store_error *err);
enum store_status store_update_measure(struct store *s, struct measure *m, const char *label,
				       struct store_error *err);
enum store_status store_delete_measure(struct store *s, const struct measure *m,
				       const char *label, struct store_error *err);

/* Replace the whole workbook (import).  All or nothing; undoable. */
enum store_status store_replace_all(struct store *s, const struct workbook *wb,
				    const char *label, struct store_error *err);

/*
 * Undo/redo this user's edits (user = login name), most recent first.
 * STORE_NOTHING when there is none; STORE_CONFLICT when someone else has
 * changed the rows since.  After success the caller reloads.
 */
enum store_status store_undo(struct store *s, struct store_error *err);
enum store_status store_redo(struct store *s, struct store_error *err);
/* Label of what undo/redo would do next, or NULL.  Owned by the store,
 * valid until the next call on `s`. */
const char *store_undo_label(struct store *s);
const char *store_redo_label(struct store *s);
/* The label of a newer entry of this user that the last store_undo() or
 * store_undo_label() passed over because someone else has changed its
 * rows since (it stays undoable once that change is gone), or NULL. */
const char *store_undo_skipped(struct store *s);

/*
 * The undo history's bound (doc/store.md, "Pruning"): after each edit,
 * only the newest `steps` steps of the editing user are kept, in the same
 * transaction; 0 keeps everything.  STORE_UNDO_STEPS_DEFAULT until set
 * (config.ini's [workbook] undo_steps).
 */
#define STORE_UNDO_STEPS_DEFAULT 200
#define STORE_UNDO_STEPS_MAX 100000
void store_set_undo_steps(struct store *s, int steps);

/*
 * Give freed pages back to the file system (VACUUM in place, under the
 * write lock like an edit; STORE_BUSY while another process writes).
 * Rows and the kept undo history are unchanged.  doc/store.md.
 */
enum store_status store_compact(struct store *s, struct store_error *err);

/* Schema version this program writes and reads. */
int store_schema_version(void);

#endif
