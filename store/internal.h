/*
 * internal.h: what the store's own files share (the handle, error helpers,
 * the edit transaction and row images).  Nothing outside store/ includes
 * this, except the store's tests.
 *
 * Must never: be included by other layers; call ncurses, print or exit().
 */
#ifndef UTENFOR_STORE_INTERNAL_H
#define UTENFOR_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "engine/validate.h"
#include "store/identity.h"
#include "store/store.h"

/* 'u','t','n','f': marks a SQLite file as an utenfor workbook. */
#define STORE_APPLICATION_ID 0x75746e66
/* How long an edit waits for another process's write lock. */
#define STORE_BUSY_TIMEOUT_MS 5000

#define STORE_USER_SIZE 64
#define STORE_LABEL_SIZE 256

/* Statements kept by store/stmt.c; more than the store's SQL texts. */
#define STORE_STMT_SLOTS 48
struct store_stmt_slot {
	const char *sql; /* the key: a static string's address */
	sqlite3_stmt *st;
};

struct store {
	sqlite3 *db;
	char *path;
	bool read_only;
	const char *read_only_notice; /* static text, or NULL */
	int64_t data_version;         /* PRAGMA data_version at the last load */
	char user[STORE_USER_SIZE];
	char undo_label[STORE_LABEL_SIZE];
	char redo_label[STORE_LABEL_SIZE];
	char undo_skipped[STORE_LABEL_SIZE]; /* store_undo_skipped() */
	int busy_ms;                  /* the busy timeout in force */
	int undo_steps;               /* store_set_undo_steps(); 0 = unbounded */
	bool stmts_on;                /* store/stmt.c keeps statements */
	struct store_stmt_slot stmts[STORE_STMT_SLOTS];
	struct store_identity ident;  /* is the path still our file (identity.h) */
	/* The whole-file check (store/check.c): running in a thread, passed, or
	 * the first problem it found (then every write is refused, naming it). */
	struct store_check *check;
	bool whole_checked;
	char damage[512];
};

/*
 * The file's checks (store/check.c).  check_whole(): every page
 * (quick_check); check_tables_read(): the schema and the tables
 * store_load() reads.  check_start() begins the whole check in a thread;
 * check_before_write() gives its verdict (waiting for it, or checking here
 * when it gave none) and must pass before any write; check_stop() ends it
 * at close.
 */
struct store_check;
enum store_status check_whole(sqlite3 *db, const char *path, struct store_error *err);
enum store_status check_tables_read(sqlite3 *db, const char *path, struct store_error *err);
/* Is the file big enough for the split check to pay (a few MB)? */
bool check_worth_splitting(sqlite3 *db);
/* Tests: split from this many bytes on (0: always), for small files. */
void check_set_split_min(int64_t bytes);
void check_start(struct store *s);
enum store_status check_before_write(struct store *s, struct store_error *err);
void check_stop(struct store *s);

/* Act as `user` in the undo history (tests play two users in one process). */
void store_set_user(struct store *s, const char *user);
/* Shorten the busy wait (tests of STORE_BUSY should not take 5 s). */
void store_set_busy_timeout(struct store *s, int ms);

/* The tables holding rows that edits touch (and undo restores). */
enum store_table {
	TABLE_WORKBOOK,
	TABLE_SECTORS,
	TABLE_GROUPS,
	TABLE_ITEMS,
	TABLE_MEASURES,
	TABLE_COUNT
};
const char *store_table_name(enum store_table t);
bool store_table_from_name(const char *name, enum store_table *out);

/* `status` with "PATH: PREFIX<first problem> (og N feil til)". */
struct problems;
enum store_status store_fail_problems(struct store_error *err, enum store_status status,
				      const char *path, const char *prefix,
				      const struct problems *pr);

/* Fill err (may be NULL) with "PATH: message"; returns `status`. */
enum store_status store_fail(struct store_error *err, enum store_status status,
			     const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Map a SQLite result code to a status and a Norwegian message. */
enum store_status store_fail_sqlite(struct store_error *err, const char *path, sqlite3 *db,
				    int rc, const char *doing);

/* errno as a short Norwegian phrase (falls back to strerror). */
const char *store_errno_text(int e);

/* sqlite3_open_v2 on a plain file name, never a URI ("file:x" opens
 * "./file:x"). */
int store_open_db(const char *path, int flags, sqlite3 **db);
/* Remove the temporary files a killed store_create() left next to `path`
 * (store/create.c); files still being built are locked and kept. */
void store_sweep_stale(const char *path);

/*
 * Kept statements (store/stmt.c).  store_prepare() gives the statement for
 * `sql`, which must be a static string (its address is the key); the
 * caller hands it back with store_release() (never sqlite3_finalize).
 * store_stmts_begin() turns keeping on for a store that does not keep them
 * (returns whether it did); store_stmts_end(s, that) finalizes them all
 * and turns it off again when it did.
 */
int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st);
void store_release(struct store *s, sqlite3_stmt *st);
bool store_stmts_begin(struct store *s);
void store_stmts_end(struct store *s, bool scoped);

/* sqlite3_exec without result rows; returns the SQLite code. */
int store_exec(sqlite3 *db, const char *sql);
/* One integer from a one-row query (PRAGMA user_version…); rc on failure. */
int store_query_int(sqlite3 *db, const char *sql, int64_t *out);
/* One text value of a one-row query ("wal", quick_check's "ok") into buf. */
int store_query_text(sqlite3 *db, const char *sql, char *buf, size_t size);

/*
 * An edit in progress: one BEGIN IMMEDIATE transaction plus its entry in
 * the edit log.  `log_id` is 0 when the rows are written without history
 * (the initial contents of a new file).
 */
struct edit_tx {
	struct store *s;
	int64_t log_id;
	int seq;
};

/* Starts the transaction and the log entry; kind is "edit", "undo" or
 * "redo", `reverts` the entry an undo/redo reverses (0 for edits). */
enum store_status edit_begin(struct store *s, const char *label, const char *kind,
			     int64_t reverts, struct edit_tx *tx, struct store_error *err);
enum store_status edit_commit(struct edit_tx *tx, struct store_error *err);
/* Drop this user's undo steps past s->undo_steps, inside the open
 * transaction (store/undo.c); a SQLite code. */
int undo_prune(struct store *s);
void edit_rollback(struct edit_tx *tx);
/* Commit when `status` is STORE_OK, else roll back; returns the outcome. */
enum store_status edit_finish(struct edit_tx *tx, enum store_status status,
			      struct store_error *err);
/*
 * Finish one write step of an edit: with `rc` SQLITE_OK, log the row's
 * `before` image (NULL for an insert; not freed here) and its after image
 * read now; otherwise, or when logging fails, the SQLite error as a status.
 */
enum store_status edit_log_written(struct edit_tx *tx, enum store_table t, int64_t id,
				   const char *before, int rc, struct store_error *err);
/*
 * Finish an update step: `rc`/`matched` from the versioned UPDATE, `before`
 * the row's image before it (freed here).  No match is STORE_CONFLICT
 * naming `name` (deleted when there was no before image); otherwise the
 * after image is logged.
 */
enum store_status edit_checked_update(struct edit_tx *tx, enum store_table t, int64_t id,
				      const char *name, int rc, bool matched, char *before,
				      struct store_error *err);

/*
 * One row of an edited table as the row writers take it: which table, the
 * group row it belongs to (items and measures), and the engine struct.
 */
struct edit_row {
	enum store_table table;
	int64_t group_ref;  /* items and measures */
	int64_t sector_ref; /* items: 0 = the bearer's implicit sector */
	const char *payer;  /* measures: the payer column's JSON */
	union {
		const struct workbook_params *params;
		const struct sector *sector;
		const struct target_group *group;
		const struct cost_item *item;
		const struct measure *measure;
	} u;
};

/*
 * The shared shape of every edit function (edit.c), so that each table's
 * edits are a few lines: validate `r` (NULL for deletes) and begin, labelled
 * `label` or the fallback made from fmt; write; close (commit, and only
 * then give the caller's row_ref its `after` value).
 */
enum store_status edit_open(struct store *s, const struct edit_row *r, const char *label,
			    struct edit_tx *tx, struct store_error *err, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
enum store_status edit_close(struct edit_tx *tx, enum store_status status, struct row_ref *ref,
			     struct row_ref after, struct store_error *err);
/* Insert `r` as a new row (*id) and log its after image. */
enum store_status edit_insert_row(struct edit_tx *tx, const struct edit_row *r, int64_t *id,
				  struct store_error *err);
/* Update row `id` at the caller's version (CONFLICT naming `name`). */
enum store_status edit_update_row(struct edit_tx *tx, const struct edit_row *r, int64_t id,
				  const char *name, struct store_error *err);
/* A whole edit deleting one row at the caller's version. */
enum store_status edit_delete(struct edit_tx *tx, enum store_table t, const struct row_ref *row,
			      const char *name, struct store_error *err);
/* REFUSED when another sector than row `self` already has this text id
 * (edit_sector.c). */
enum store_status edit_unique_sid(struct store *s, const char *sid, int64_t self,
				  struct store_error *err);
/* One step of a statement with at most one row: SQLITE_OK or the error;
 * *found whether there was a row (may be NULL). */
int edit_step_once(sqlite3_stmt *st, bool *found);

/*
 * Row images: a row as a JSON object of its columns (jansson text), so the
 * edit log can hold the before and after of every changed row whatever its
 * table.  row_image() returns malloc'd text the caller frees, NULL with
 * *rc = SQLITE_OK when the row does not exist.
 */
char *row_image(struct store *s, enum store_table t, int64_t id, int *rc);
/* Append (before, after) of one row to the edit's log; no-op without log. */
int edit_record(struct edit_tx *tx, enum store_table t, int64_t id, const char *before,
		const char *after);
/*
 * Write `image` as the row's new contents: insert it (when `insert`), else
 * update every column but id and version; the version becomes one more
 * than the current (or the image's) version, so no two states of a row
 * share a version.
 */
int row_image_apply(sqlite3 *db, enum store_table t, int64_t id, const char *image, bool insert);
/* Delete a row by id. */
int row_delete(struct store *s, enum store_table t, int64_t id);
/* Are two images the same row contents, ignoring `version`? */
bool row_image_same(const char *a, const char *b);
/* The row's display name from its image ("name"), into buf. */
void row_image_name(const char *image, char *buf, size_t size);

/*
 * Row writers shared by edits, store_create, store_replace_all.  With
 * insert the row gets a new id (*id); otherwise only the row at
 * row.id/row.version is updated and *matched says whether it was there.
 * References are row ids the caller resolved (rows_resolve_*), never text.
 */
int rows_write_params(sqlite3 *db, const struct workbook_params *p, bool insert, bool *matched);
int rows_write_sector(struct store *s, const struct sector *sec, bool insert, bool *matched,
		      int64_t *id);
int rows_write_group(struct store *s, const struct target_group *g, bool insert, bool *matched,
		     int64_t *id);
/* sector_ref 0 = the bearer's implicit sector (or none, for society items). */
int rows_write_item(struct store *s, int64_t group_ref, int64_t sector_ref,
		    const struct cost_item *item, bool insert, bool *matched, int64_t *id);
/* `payer` is the payer column's JSON text (rows_resolve_payer). */
int rows_write_measure(struct store *s, int64_t group_ref, const char *payer,
		       const struct measure *m, bool insert, bool *matched, int64_t *id);
/* Row id of the group whose text id is `gid`, or 0 (rc SQLITE_OK). */
int rows_group_ref(struct store *s, const char *gid, int64_t *out);
/* Row id and bearer of the declared sector `sid`, or 0 (rc SQLITE_OK). */
int rows_sector_ref(struct store *s, const char *sid, int64_t *out, enum bearer *bearer);

/* Room for the payer column: PAYER_SHARES_MAX pairs of a row id (or a
 * bearer name) and a share written with 17 digits. */
#define STORE_PAYER_SIZE (PAYER_SHARES_MAX * 48 + 8)
/*
 * The item's sector as a row id (0 for "" or a society item), checking the
 * sector exists and belongs to the item's bearer; the measure's payer as
 * the column's JSON text, each sector resolved to its row.  STORE_REFUSED
 * naming the row and the sector otherwise.
 */
enum store_status rows_resolve_item_sector(struct store *s, const struct cost_item *item,
					   int64_t *sector_ref, struct store_error *err);
enum store_status rows_resolve_payer(struct store *s, const struct measure *m,
				     char payer[STORE_PAYER_SIZE], struct store_error *err);
/* Read everything into wb; on failure fills err (STORE_INVALID for
 * values that cannot be represented). */
enum store_status rows_load(struct store *s, struct workbook *wb, struct store_error *err);

/*
 * Typed column reads (column.c).  A reader walks one result row; each
 * col_* call checks the column's SQLite type and range and stores the
 * value, or sets r->status to STORE_INVALID with a message naming the
 * table, the row (column 0 is the row id) and the column, and returns
 * false.  After the first failure every later call returns false and
 * leaves the message alone, so a row is read as a chain of calls and
 * checked once.
 */
struct col_reader {
	struct store *s;
	sqlite3_stmt *st;
	const char *table;
	int64_t row;
	/* "tiltaket", "X" once the name is known: kept as pointers and only
	 * formatted for a message (a snprintf per row cost 10 000 of them at
	 * every open of a big workbook); both must outlive the row's reading. */
	const char *owner_what, *owner_name;
	struct store_error *err;
	enum store_status status;
};
void col_begin(struct col_reader *r, struct store *s, sqlite3_stmt *st, const char *table,
	       struct store_error *err);
/* Name the row in later messages ("tiltaket", "Los"); both strings must
 * live until the row is read. */
void col_owner(struct col_reader *r, const char *what, const char *name);
bool col_int(struct col_reader *r, int i, const char *column, int64_t min, int64_t max,
	     int64_t *out);
/* NULL reads as `null_value`. */
bool col_int_or_null(struct col_reader *r, int i, const char *column, int64_t min, int64_t max,
		     int64_t null_value, int64_t *out);
bool col_real(struct col_reader *r, int i, const char *column, double min, double max,
	      double *out);
/* By the engine's table of ranges (engine/validate.h): its key names the
 * column, its kind says whole number or not. */
bool col_field(struct col_reader *r, int i, enum field_id id, double *out);
bool col_field_int(struct col_reader *r, int i, enum field_id id, int *out);
/* TEXT of valid UTF-8, shorter than `size` bytes: copied into dst. */
bool col_text(struct col_reader *r, int i, const char *column, char *dst, size_t size);
/* The same check, returning SQLite's text (valid until the next step). */
const char *col_text_raw(struct col_reader *r, int i, const char *column, size_t size);
/* Refuse the column with "ventet <fmt>, fant <value>"; returns false. */
bool col_fail(struct col_reader *r, int i, const char *column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Well-formed UTF-8 without NUL bytes (no overlongs, surrogates). */
bool store_utf8_valid(const unsigned char *s, size_t n);

/* Insert the whole workbook (groups, items, measures, not the params row)
 * inside tx, recording after images. */
enum store_status rows_insert_all(struct edit_tx *tx, const struct workbook *wb,
				  struct store_error *err);

#endif
