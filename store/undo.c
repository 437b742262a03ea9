/*
 * undo.c: per-user undo and redo over the edit log.
 *
 * The log is a list of entries (edit, undo, redo), each with the before
 * and after image of every row it changed.  Undoing entry E writes E's
 * before images back as a new "undo" entry that reverts E; redoing is
 * undoing that undo entry.  So:
 *   - the undo candidate is the user's newest edit or redo not yet reverted;
 *   - the redo candidate is the user's newest undo not yet reverted, and
 *     only if it is newer than the user's newest plain edit (a new edit
 *     clears the redo stack, as everywhere else).
 * Before a row is restored, its current contents (ignoring the version
 * column) must equal E's after image; otherwise someone changed it since
 * and the undo is refused with STORE_CONFLICT, writing nothing.
 *
 * Must never: restore over a row someone else changed; print.
 */
#include "i18n/i18n.h"
#include "store/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Newest first; candidate() takes the first that can be undone. */
static const char undo_sql[] =
	"SELECT id, label FROM edit_log WHERE user = ?1 AND kind IN ('edit', 'redo')"
	" AND reverted = 0 ORDER BY id DESC LIMIT 20";
static const char redo_sql[] =
	"SELECT id, label FROM edit_log WHERE user = ?1 AND kind = 'undo' AND reverted = 0"
	" AND id > coalesce((SELECT max(id) FROM edit_log WHERE user = ?1 AND kind = 'edit'),"
	" 0) ORDER BY id DESC LIMIT 1";

static bool undoable_now(struct store *s, int64_t entry);

/*
 * The candidate entry's id (0 if none) and label.  For undo, an entry
 * whose rows someone else has changed since is skipped for the user's
 * next older one that can still be undone (issue 18 item 12: one
 * conflict must not block every older undo); the skipped entry stays in
 * the history, undoable once the other change is gone, and
 * store_undo_skipped() names it.  When none can be undone the newest is
 * the candidate, so the undo reports its conflict.
 */
static int candidate(struct store *s, bool redo, int64_t *id, char *label, size_t size)
{
	sqlite3_stmt *st = NULL;
	*id = 0;
	label[0] = '\0';
	int rc = sqlite3_prepare_v2(s->db, redo ? redo_sql : undo_sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(st, 1, s->user, -1, SQLITE_STATIC);
	if (!redo)
		s->undo_skipped[0] = '\0';
	char newest[STORE_LABEL_SIZE] = "";
	int64_t newest_id = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t e = sqlite3_column_int64(st, 0);
		const unsigned char *l = sqlite3_column_text(st, 1);
		if (redo || undoable_now(s, e)) {
			*id = e;
			snprintf(label, size, "%s", l ? (const char *)l : "");
			if (!redo && newest_id != 0)
				snprintf(s->undo_skipped, sizeof s->undo_skipped, "%s", newest);
			break;
		}
		if (newest_id == 0) {
			newest_id = e;
			snprintf(newest, sizeof newest, "%s", l ? (const char *)l : "");
		}
	}
	sqlite3_finalize(st);
	if (*id == 0 && newest_id != 0) {
		*id = newest_id;
		snprintf(label, size, "%s", newest);
	}
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

struct logged_row {
	enum store_table table;
	int64_t id;
	char *before;
	char *after;
};

static void free_rows(struct logged_row *rows, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(rows[i].before);
		free(rows[i].after);
	}
	free(rows);
}

static char *dup_column(sqlite3_stmt *st, int i, int *rc)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	if (t == NULL)
		return NULL;
	char *copy = strdup((const char *)t);
	if (copy == NULL)
		*rc = SQLITE_NOMEM;
	return copy;
}

/* Read an entry's rows, newest first, so they can be reversed in order. */
static int read_rows(sqlite3 *db, int64_t entry, struct logged_row **out, size_t *count)
{
	sqlite3_stmt *st = NULL;
	*out = NULL;
	*count = 0;
	size_t cap = 0;
	int rc = sqlite3_prepare_v2(db,
				    "SELECT tbl, row_id, before, after FROM edit_rows WHERE edit_id = ?"
				    " ORDER BY seq DESC",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, entry);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*count == cap) {
			cap = cap ? cap * 2 : 16;
			struct logged_row *grown = realloc(*out, cap * sizeof **out);
			if (grown == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			*out = grown;
		}
		struct logged_row *r = &(*out)[(*count)++];
		memset(r, 0, sizeof *r);
		rc = SQLITE_OK;
		if (!store_table_from_name((const char *)sqlite3_column_text(st, 0), &r->table))
			rc = SQLITE_CORRUPT;
		r->id = sqlite3_column_int64(st, 1);
		r->before = dup_column(st, 2, &rc);
		r->after = dup_column(st, 3, &rc);
		if (rc != SQLITE_OK)
			break;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Is every row of `entry` still as the entry left it (so undoing it
 * overwrites nobody)?  Reads only; a read error counts as "no". */
static bool undoable_now(struct store *s, int64_t entry)
{
	sqlite3 *db = s->db;
	struct logged_row *rows = NULL;
	size_t count = 0;
	bool ok = read_rows(db, entry, &rows, &count) == SQLITE_OK;
	for (size_t i = 0; ok && i < count; i++) {
		int rc;
		char *current = row_image(s, rows[i].table, rows[i].id, &rc);
		ok = rc == SQLITE_OK && row_image_same(current, rows[i].after);
		free(current);
	}
	free_rows(rows, count);
	return ok;
}

/* Put one row back to `r->before`, after checking it still is `r->after`. */
static enum store_status restore_row(struct edit_tx *tx, const struct logged_row *r, bool redo,
				     struct store_error *err)
{
	sqlite3 *db = tx->s->db;
	int rc;
	char *current = row_image(tx->s, r->table, r->id, &rc);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, tx->s->path, db, rc, _("lese"));
	enum store_status status = STORE_OK;
	if (!row_image_same(current, r->after)) {
		char name[TEXT_NAME_SIZE];
		row_image_name(current ? current : r->after ? r->after : r->before, name,
			       sizeof name);
		status = store_fail(err, STORE_CONFLICT, tx->s->path,
				    _("«%s» er endret av en annen siden; kan ikke %s"), name,
				    redo ? _("gjøre om") : _("angre"));
		free(current);
		return status;
	}
	if (r->before == NULL)
		rc = row_delete(tx->s, r->table, r->id);
	else
		rc = row_image_apply(db, r->table, r->id, r->before, current == NULL);
	char *now = NULL;
	if (rc == SQLITE_OK)
		now = row_image(tx->s, r->table, r->id, &rc);
	if (rc == SQLITE_OK)
		rc = edit_record(tx, r->table, r->id, current, now);
	if (rc != SQLITE_OK) {
		/* A foreign key or uniqueness rule: the rows this edit touched are
		 * tied to later changes (someone uses a group we would remove). */
		char name[TEXT_NAME_SIZE];
		row_image_name(r->before ? r->before : r->after, name, sizeof name);
		if ((rc & 0xff) == SQLITE_CONSTRAINT)
			status = store_fail(err, STORE_CONFLICT, tx->s->path,
					    _("kan ikke %s: «%s» henger sammen med senere endringer"),
					    redo ? _("gjøre om") : _("angre"), name);
		else
			status = store_fail_sqlite(err, tx->s->path, db, rc, _("skrive til"));
	}
	free(current);
	free(now);
	return status;
}

static enum store_status revert(struct store *s, bool redo, struct store_error *err)
{
	if (s->read_only)
		return store_fail(err, STORE_READ_ONLY, s->path,
				  _("arbeidsboken er åpnet bare for lesing; kan ikke %s"),
				  redo ? _("gjøre om") : _("angre"));
	int64_t entry = 0;
	char label[STORE_LABEL_SIZE];
	int rc = candidate(s, redo, &entry, label, sizeof label);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	if (entry == 0)
		return store_fail(err, STORE_NOTHING, s->path, _("ingenting å %s"),
				  redo ? _("gjøre om") : _("angre"));

	struct edit_tx tx;
	enum store_status status = edit_begin(s, label, redo ? "redo" : "undo", entry, &tx, err);
	if (status != STORE_OK)
		return status;
	/* Re-check under the lock: another session may have got there first. */
	int64_t again = 0;
	char label2[STORE_LABEL_SIZE];
	rc = candidate(s, redo, &again, label2, sizeof label2);
	struct logged_row *rows = NULL;
	size_t count = 0;
	if (rc == SQLITE_OK && again != entry)
		status = store_fail(err, STORE_CONFLICT, s->path,
				    _("en annen økt endret angrehistorikken samtidig; prøv igjen"));
	else if (rc == SQLITE_OK)
		rc = read_rows(s->db, entry, &rows, &count);
	if (status == STORE_OK && rc != SQLITE_OK)
		status = store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	for (size_t i = 0; status == STORE_OK && i < count; i++)
		status = restore_row(&tx, &rows[i], redo, err);
	free_rows(rows, count);
	if (status == STORE_OK) {
		sqlite3_stmt *st = NULL;
		rc = sqlite3_prepare_v2(s->db, "UPDATE edit_log SET reverted = 1 WHERE id = ?", -1,
					&st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_int64(st, 1, entry);
			rc = sqlite3_step(st);
			rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_OK)
			status = store_fail_sqlite(err, s->path, s->db, rc, _("skrive til"));
	}
	if (status == STORE_OK)
		return edit_commit(&tx, err);
	edit_rollback(&tx);
	return status;
}

enum store_status store_undo(struct store *s, struct store_error *err)
{
	return revert(s, false, err);
}

enum store_status store_redo(struct store *s, struct store_error *err)
{
	return revert(s, true, err);
}

static const char *label_of(struct store *s, bool redo, char *buf, size_t size)
{
	int64_t id = 0;
	if (candidate(s, redo, &id, buf, size) != SQLITE_OK || id == 0)
		return NULL;
	return buf;
}

const char *store_undo_skipped(struct store *s)
{
	return s->undo_skipped[0] != '\0' ? s->undo_skipped : NULL;
}

const char *store_undo_label(struct store *s)
{
	return label_of(s, false, s->undo_label, sizeof s->undo_label);
}

const char *store_redo_label(struct store *s)
{
	return label_of(s, true, s->redo_label, sizeof s->redo_label);
}

/*
 * The bound on the history (doc/store.md, "Pruning"): this user's
 * entries older than their s->undo_steps-th newest edit lose their images
 * and their log rows, so N edits can always be undone (undo and redo
 * entries in between are kept: they are what redo needs).  Only history goes: the workbook's rows are
 * untouched, so no committed edit is lost.  Runs inside the edit's own
 * transaction (edit_commit), so the edit and its pruning commit together
 * or not at all.  A kept entry that reverted a pruned one keeps its own
 * images; only its link (`reverts`) is cleared, which nothing reads back.
 */
int undo_prune(struct store *s)
{
	if (s->undo_steps <= 0)
		return SQLITE_OK;
	static const char *const sql[] = {
		"CREATE TEMP TABLE IF NOT EXISTS pruned (id INTEGER PRIMARY KEY)",
		"DELETE FROM temp.pruned",
		"INSERT INTO temp.pruned SELECT id FROM edit_log WHERE user = ?1 AND id <"
		" (SELECT id FROM edit_log WHERE user = ?1 AND kind = 'edit'"
		" ORDER BY id DESC LIMIT 1 OFFSET ?2 - 1)",
		"UPDATE edit_log SET reverts = NULL WHERE reverts IN (SELECT id FROM temp.pruned)",
		"DELETE FROM edit_rows WHERE edit_id IN (SELECT id FROM temp.pruned)",
		"DELETE FROM edit_log WHERE id IN (SELECT id FROM temp.pruned)",
	};
	int rc = SQLITE_OK;
	for (size_t i = 0; rc == SQLITE_OK && i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *st = NULL;
		rc = store_prepare(s, sql[i], &st);
		if (rc != SQLITE_OK)
			break;
		if (sqlite3_bind_parameter_count(st) == 2) {
			sqlite3_bind_text(st, 1, s->user, -1, SQLITE_STATIC);
			sqlite3_bind_int(st, 2, s->undo_steps);
		}
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		store_release(s, st);
	}
	return rc;
}
