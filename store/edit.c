/*
 * edit.c: the edit functions of store.h.  Each is: validate, BEGIN
 * IMMEDIATE, write only rows at the version the caller read, log the
 * before/after image of every changed row, COMMIT.
 *
 * Invariants: nothing is written before validation passes; a refused or
 * failed edit rolls back completely; the caller's row_ref is updated only
 * after COMMIT succeeded.
 *
 * Must never: print, or overwrite a row changed by someone else.
 */
#include "i18n/i18n.h"
#include "store/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/validate.h"

enum store_status edit_begin(struct store *s, const char *label, const char *kind,
			     int64_t reverts, struct edit_tx *tx, struct store_error *err)
{
	tx->s = s;
	tx->log_id = 0;
	tx->seq = 0;
	if (s->read_only)
		return store_fail(err, STORE_READ_ONLY, s->path,
				  _("arbeidsboken er åpnet bare for lesing; endringen ble ikke lagret"));
	enum store_status same = store_identity_check(s, err);
	if (same != STORE_OK)
		return same;
	enum store_status sound = check_before_write(s, err);
	if (sound != STORE_OK)
		return sound;
	int rc = store_exec(s->db, "BEGIN IMMEDIATE");
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("skrive til"));
	sqlite3_stmt *st = NULL;
	rc = sqlite3_prepare_v2(s->db,
				"INSERT INTO edit_log (user, label, kind, reverts) VALUES (?, ?, ?, ?)",
				-1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, s->user, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, label ? label : "Endring", -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
		if (reverts > 0)
			sqlite3_bind_int64(st, 4, reverts);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK) {
		enum store_status status = store_fail_sqlite(err, s->path, s->db, rc, _("skrive til"));
		store_exec(s->db, "ROLLBACK");
		return status;
	}
	tx->log_id = sqlite3_last_insert_rowid(s->db);
	return STORE_OK;
}

enum store_status edit_commit(struct edit_tx *tx, struct store_error *err)
{
	/* Pruning rides in the edit's transaction: both land or neither. */
	int rc = tx->log_id != 0 ? undo_prune(tx->s) : SQLITE_OK;
	if (rc != SQLITE_OK) {
		enum store_status status =
			store_fail_sqlite(err, tx->s->path, tx->s->db, rc, _("lagre"));
		edit_rollback(tx);
		return status;
	}
	rc = store_exec(tx->s->db, "COMMIT");
	if (rc == SQLITE_OK) {
		store_identity_after_commit(tx->s);
		return STORE_OK;
	}
	enum store_status status = store_fail_sqlite(err, tx->s->path, tx->s->db, rc, _("lagre"));
	edit_rollback(tx);
	return status;
}

void edit_rollback(struct edit_tx *tx)
{
	if (!sqlite3_get_autocommit(tx->s->db))
		store_exec(tx->s->db, "ROLLBACK");
}

static int write_row(struct store *s, const struct edit_row *r, bool insert, bool *matched,
		     int64_t *id)
{
	switch (r->table) {
	case TABLE_WORKBOOK:
		return rows_write_params(s->db, r->u.params, insert, matched);
	case TABLE_SECTORS:
		return rows_write_sector(s, r->u.sector, insert, matched, id);
	case TABLE_GROUPS:
		return rows_write_group(s, r->u.group, insert, matched, id);
	case TABLE_ITEMS:
		return rows_write_item(s, r->group_ref, r->sector_ref, r->u.item, insert, matched,
				       id);
	case TABLE_MEASURES:
	case TABLE_COUNT:
		break;
	}
	return rows_write_measure(s, r->group_ref, r->payer, r->u.measure, insert, matched, id);
}

/* The engine's validation of the row; the problem paths are the table names. */
static bool row_valid(const struct edit_row *r, struct problems *pr)
{
	const char *path = store_table_name(r->table);
	switch (r->table) {
	case TABLE_WORKBOOK:
		return validate_params(r->u.params, path, pr);
	case TABLE_SECTORS:
		return validate_sector(r->u.sector, path, pr);
	case TABLE_GROUPS:
		return validate_group(r->u.group, NULL, path, pr);
	case TABLE_ITEMS:
		return validate_item(r->u.item, NULL, path, pr);
	case TABLE_MEASURES:
	case TABLE_COUNT:
		break;
	}
	return validate_measure(r->u.measure, NULL, path, pr);
}

/*
 * Validate `r` (unless NULL: deletes have nothing to validate), then begin
 * the edit labelled `label`, or when that is NULL the fallback made from
 * `fmt`.  Validation comes first so a refused edit never takes the write
 * lock.
 */
enum store_status edit_open(struct store *s, const struct edit_row *r, const char *label,
				   struct edit_tx *tx, struct store_error *err, const char *fmt,
				   ...)
{
	if (r != NULL) {
		struct problems pr;
		problems_clear(&pr);
		if (!row_valid(r, &pr))
			return store_fail_problems(err, STORE_REFUSED, s->path, "", &pr);
	}
	/* Room for two names (an item and its group) and the words around them. */
	char fallback[2 * TEXT_NAME_SIZE + 32];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(fallback, sizeof fallback, fmt, ap);
	va_end(ap);
	return edit_begin(s, label ? label : fallback, "edit", 0, tx, err);
}

/*
 * Commit or roll back; only after COMMIT does the caller's row_ref take
 * `after` (the new id or version), so a failed edit leaves it as it was.
 */
enum store_status edit_close(struct edit_tx *tx, enum store_status status,
				    struct row_ref *ref, struct row_ref after,
				    struct store_error *err)
{
	status = edit_finish(tx, status, err);
	if (status == STORE_OK)
		*ref = after;
	return status;
}

enum store_status edit_log_written(struct edit_tx *tx, enum store_table t, int64_t id,
				   const char *before, int rc, struct store_error *err)
{
	char *after = NULL;
	if (rc == SQLITE_OK)
		after = row_image(tx->s, t, id, &rc);
	if (rc == SQLITE_OK)
		rc = edit_record(tx, t, id, before, after);
	free(after);
	return rc == SQLITE_OK ? STORE_OK
			       : store_fail_sqlite(err, tx->s->path, tx->s->db, rc, _("lagre"));
}

static enum store_status changed(struct store *s, const char *name, bool vanished,
				 struct store_error *err)
{
	return store_fail(err, STORE_CONFLICT, s->path,
			  vanished ? _("«%s» er slettet av en annen siden du åpnet den; last inn på nytt")
				   : _("«%s» er endret av en annen siden du åpnet den; last inn på nytt"),
			  name);
}

enum store_status edit_finish(struct edit_tx *tx, enum store_status status,
			      struct store_error *err)
{
	if (status == STORE_OK)
		return edit_commit(tx, err);
	edit_rollback(tx);
	return status;
}

/* The common shape of an update: image before, write at the caller's
 * version, image after (see internal.h). */
enum store_status edit_checked_update(struct edit_tx *tx, enum store_table t, int64_t id,
				      const char *name, int rc, bool matched, char *before,
				      struct store_error *err)
{
	enum store_status status;
	if (rc == SQLITE_OK && !matched)
		status = changed(tx->s, name, before == NULL, err);
	else
		status = edit_log_written(tx, t, id, before, rc, err);
	free(before);
	return status;
}

/* Insert `r` as a new row (*id) and log its after image. */
enum store_status edit_insert_row(struct edit_tx *tx, const struct edit_row *r, int64_t *id,
				    struct store_error *err)
{
	int rc = write_row(tx->s, r, true, NULL, id);
	return edit_log_written(tx, r->table, *id, NULL, rc, err);
}

/*
 * Write `r` over row `id` only if it is still at the version the caller
 * read; a row that is gone is not written at all.  Either way the outcome
 * goes through edit_checked_update (CONFLICT or the logged images).
 */
enum store_status edit_update_row(struct edit_tx *tx, const struct edit_row *r, int64_t id,
				    const char *name, struct store_error *err)
{
	int rc;
	bool matched = false;
	char *before = row_image(tx->s, r->table, id, &rc);
	if (rc == SQLITE_OK && before != NULL)
		rc = write_row(tx->s, r, false, &matched, NULL);
	return edit_checked_update(tx, r->table, id, name, rc, matched, before, err);
}

/* One step of a statement that returns at most one row: SQLITE_OK or the
 * error, *found whether there was a row (may be NULL). */
int edit_step_once(sqlite3_stmt *st, bool *found)
{
	int rc = sqlite3_step(st);
	if (found)
		*found = rc == SQLITE_ROW;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Delete a row at the caller's version, logging its before image. */
static enum store_status checked_delete(struct edit_tx *tx, enum store_table t,
					const struct row_ref *row, const char *name,
					struct store_error *err)
{
	int rc;
	char *before = row_image(tx->s, t, row->id, &rc);
	enum store_status status = STORE_OK;
	if (rc != SQLITE_OK)
		status = store_fail_sqlite(err, tx->s->path, tx->s->db, rc, _("lese"));
	else if (before == NULL)
		status = changed(tx->s, name, true, err);
	if (status == STORE_OK) {
		char sql[80];
		snprintf(sql, sizeof sql, "DELETE FROM %s WHERE id = ? AND version = ?",
			 store_table_name(t));
		sqlite3_stmt *st = NULL;
		rc = sqlite3_prepare_v2(tx->s->db, sql, -1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_int64(st, 1, row->id);
			sqlite3_bind_int64(st, 2, row->version);
			rc = edit_step_once(st, NULL);
		}
		sqlite3_finalize(st);
		if (rc == SQLITE_OK && sqlite3_changes(tx->s->db) != 1)
			status = changed(tx->s, name, false, err);
		else if (rc == SQLITE_OK)
			rc = edit_record(tx, t, row->id, before, NULL);
		if (status == STORE_OK && rc != SQLITE_OK)
			status = store_fail_sqlite(err, tx->s->path, tx->s->db, rc, _("slette i"));
	}
	free(before);
	return status;
}

/* A whole edit that deletes one row. */
enum store_status edit_delete(struct edit_tx *tx, enum store_table t,
				     const struct row_ref *row, const char *name,
				     struct store_error *err)
{
	return edit_finish(tx, checked_delete(tx, t, row, name, err), err);
}

enum store_status store_update_params(struct store *s, struct workbook_params *p,
				      const char *label, struct store_error *err)
{
	const struct edit_row r = {.table = TABLE_WORKBOOK, .u.params = p};
	struct edit_tx tx;
	enum store_status status = edit_open(s, &r, label, &tx, err, _("Endre arbeidsboken"));
	if (status != STORE_OK)
		return status;
	/* The workbook row is always id 1, whatever p->row.id says. */
	status = edit_update_row(&tx, &r, 1, _("Arbeidsboken"), err);
	return edit_close(&tx, status, &p->row, (struct row_ref){p->row.id, p->row.version + 1},
			  err);
}

/* REFUSED when another group than `self` already has this text id. */
static enum store_status unique_gid(struct store *s, const char *gid, int64_t self,
				    struct store_error *err)
{
	int64_t other = 0;
	int rc = rows_group_ref(s, gid, &other);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	if (other != 0 && other != self)
		return store_fail(err, STORE_REFUSED, s->path,
				  _("det finnes allerede en målgruppe med id «%s»"), gid);
	return STORE_OK;
}

enum store_status store_insert_group(struct store *s, struct target_group *g, const char *label,
				     struct store_error *err)
{
	return store_insert_group_sectors(s, NULL, 0, g, label, err);
}

/* The sectors first, so that the items' sector references resolve to
 * them inside the same transaction. */
static enum store_status insert_sectors(struct edit_tx *tx, struct sector *secs, size_t n,
					int64_t *ids, struct store_error *err)
{
	enum store_status status = STORE_OK;
	for (size_t i = 0; status == STORE_OK && i < n; i++) {
		const struct edit_row r = {.table = TABLE_SECTORS, .u.sector = &secs[i]};
		status = edit_unique_sid(tx->s, secs[i].id, 0, err);
		if (status == STORE_OK)
			status = edit_insert_row(tx, &r, &ids[i], err);
	}
	return status;
}

enum store_status store_insert_group_sectors(struct store *s, struct sector *secs, size_t n,
					     struct target_group *g, const char *label,
					     struct store_error *err)
{
	for (size_t i = 0; i < n; i++) {
		struct problems pr;
		problems_clear(&pr);
		if (!validate_sector(&secs[i], store_table_name(TABLE_SECTORS), &pr))
			return store_fail_problems(err, STORE_REFUSED, s->path, "", &pr);
	}
	const struct edit_row r = {.table = TABLE_GROUPS, .u.group = g};
	struct edit_tx tx;
	enum store_status status = edit_open(s, &r, label, &tx, err, _("Ny målgruppe «%s»"), g->name);
	if (status != STORE_OK)
		return status;
	int64_t gref = 0;
	int64_t *item_ids = calloc(g->item_count + n + 1, sizeof *item_ids);
	int64_t *sector_ids = item_ids + g->item_count;
	if (item_ids == NULL)
		status = store_fail(err, STORE_NOMEM, s->path, _("ikke nok minne"));
	if (status == STORE_OK)
		status = insert_sectors(&tx, secs, n, sector_ids, err);
	if (status == STORE_OK)
		status = unique_gid(s, g->id, 0, err);
	if (status == STORE_OK)
		status = edit_insert_row(&tx, &r, &gref, err);
	for (size_t i = 0; status == STORE_OK && i < g->item_count; i++) {
		struct edit_row ri = {.table = TABLE_ITEMS, .group_ref = gref, .u.item = &g->items[i]};
		status = rows_resolve_item_sector(s, &g->items[i], &ri.sector_ref, err);
		if (status == STORE_OK)
			status = edit_insert_row(&tx, &ri, &item_ids[i], err);
	}
	status = edit_close(&tx, status, &g->row, (struct row_ref){gref, 1}, err);
	for (size_t i = 0; status == STORE_OK && i < g->item_count; i++)
		g->items[i].row = (struct row_ref){item_ids[i], 1};
	for (size_t i = 0; status == STORE_OK && i < n; i++)
		secs[i].row = (struct row_ref){sector_ids[i], 1};
	free(item_ids);
	return status;
}

enum store_status store_update_group(struct store *s, struct target_group *g, const char *label,
				     struct store_error *err)
{
	const struct edit_row r = {.table = TABLE_GROUPS, .u.group = g};
	struct edit_tx tx;
	enum store_status status =
		edit_open(s, &r, label, &tx, err, _("Endre målgruppen «%s»"), g->name);
	if (status != STORE_OK)
		return status;
	status = unique_gid(s, g->id, g->row.id, err);
	if (status == STORE_OK)
		status = edit_update_row(&tx, &r, g->row.id, g->name, err);
	return edit_close(&tx, status, &g->row, (struct row_ref){g->row.id, g->row.version + 1},
			  err);
}

/* REFUSED naming the measures that still use group row `gref`. */
static enum store_status group_unused(struct store *s, int64_t gref, const char *gname,
				      struct store_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, "SELECT name FROM measures WHERE group_ref = ? ORDER BY id",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	sqlite3_bind_int64(st, 1, gref);
	char names[300] = "";
	size_t len = 0;
	int count = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *n = (const char *)sqlite3_column_text(st, 0);
		if (len < sizeof names - 1) {
			int w = snprintf(names + len, sizeof names - len, "%s«%s»", count ? ", " : "",
					 n ? n : "");
			len = w > 0 ? len + (size_t)w : len;
			len = len < sizeof names ? len : sizeof names - 1;
		}
		count++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	if (count == 0)
		return STORE_OK;
	return store_fail(err, STORE_REFUSED, s->path,
			  _("målgruppen «%s» brukes av %s %s; slett tiltakene eller flytt dem til en "
			  "annen målgruppe først"),
			  gname, count == 1 ? _("tiltaket") : _("tiltakene"), names);
}

enum store_status store_delete_group(struct store *s, const struct target_group *g,
				     const char *label, struct store_error *err)
{
	struct edit_tx tx;
	enum store_status status =
		edit_open(s, NULL, label, &tx, err, _("Slett målgruppen «%s»"), g->name);
	if (status != STORE_OK)
		return status;
	status = group_unused(s, g->row.id, g->name, err);
	/* Items go first (they refer to the group); undo restores in reverse. */
	sqlite3_stmt *st = NULL;
	int rc = SQLITE_OK;
	if (status == STORE_OK)
		rc = sqlite3_prepare_v2(s->db,
					"SELECT id, version, name FROM items WHERE group_ref = ?"
					" ORDER BY id",
					-1, &st, NULL);
	if (status == STORE_OK && rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, g->row.id);
		while (status == STORE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			struct row_ref r = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1)};
			char name[TEXT_NAME_SIZE];
			const unsigned char *n = sqlite3_column_text(st, 2);
			snprintf(name, sizeof name, "%s", n ? (const char *)n : "");
			status = checked_delete(&tx, TABLE_ITEMS, &r, name, err);
		}
		rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	if (status == STORE_OK && rc != SQLITE_OK)
		status = store_fail_sqlite(err, s->path, s->db, rc, _("slette i"));
	if (status == STORE_OK)
		status = checked_delete(&tx, TABLE_GROUPS, &g->row, g->name, err);
	return edit_finish(&tx, status, err);
}

/* The group row the caller's group struct refers to must still exist. */
static enum store_status group_present(struct store *s, const struct target_group *g,
				       struct store_error *err)
{
	bool found = false;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, "SELECT 1 FROM groups WHERE id = ?", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, g->row.id);
		rc = edit_step_once(st, &found);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	return found ? STORE_OK : changed(s, g->name, true, err);
}

enum store_status store_insert_item(struct store *s, const struct target_group *g,
				    struct cost_item *item, const char *label,
				    struct store_error *err)
{
	struct edit_row r = {.table = TABLE_ITEMS, .group_ref = g->row.id, .u.item = item};
	struct edit_tx tx;
	enum store_status status = edit_open(s, &r, label, &tx, err, _("Ny kostnadspost «%s» i «%s»"),
					     item->name, g->name);
	if (status != STORE_OK)
		return status;
	status = group_present(s, g, err);
	if (status == STORE_OK)
		status = rows_resolve_item_sector(s, item, &r.sector_ref, err);
	int64_t id = 0;
	if (status == STORE_OK)
		status = edit_insert_row(&tx, &r, &id, err);
	return edit_close(&tx, status, &item->row, (struct row_ref){id, 1}, err);
}

enum store_status store_update_item(struct store *s, const struct target_group *g,
				    struct cost_item *item, const char *label,
				    struct store_error *err)
{
	struct edit_row r = {.table = TABLE_ITEMS, .group_ref = g->row.id, .u.item = item};
	struct edit_tx tx;
	enum store_status status =
		edit_open(s, &r, label, &tx, err, _("Endre kostnadsposten «%s»"), item->name);
	if (status != STORE_OK)
		return status;
	status = group_present(s, g, err);
	if (status == STORE_OK)
		status = rows_resolve_item_sector(s, item, &r.sector_ref, err);
	if (status == STORE_OK)
		status = edit_update_row(&tx, &r, item->row.id, item->name, err);
	return edit_close(&tx, status, &item->row,
			  (struct row_ref){item->row.id, item->row.version + 1}, err);
}

enum store_status store_delete_item(struct store *s, const struct cost_item *item,
				    const char *label, struct store_error *err)
{
	struct edit_tx tx;
	enum store_status status =
		edit_open(s, NULL, label, &tx, err, _("Slett kostnadsposten «%s»"), item->name);
	if (status != STORE_OK)
		return status;
	return edit_delete(&tx, TABLE_ITEMS, &item->row, item->name, err);
}

/* The current gid and version of group row `gref`; *found false when the
 * row is gone. */
static int group_row_now(struct store *s, int64_t gref, char gid[TEXT_ID_SIZE], int64_t *version,
			 bool *found)
{
	sqlite3_stmt *st = NULL;
	*found = false;
	int rc = sqlite3_prepare_v2(s->db, "SELECT gid, version FROM groups WHERE id = ?", -1, &st,
				    NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, gref);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			const unsigned char *t = sqlite3_column_text(st, 0);
			snprintf(gid, TEXT_ID_SIZE, "%s", t ? (const char *)t : "");
			*version = sqlite3_column_int64(st, 1);
			*found = true;
		}
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * The group row a measure is linked to (issue 18 item 2).  The measure
 * carries the row it was read with (group_row); the link follows that row,
 * not the text id, so a group renamed by someone else meanwhile cannot
 * move the measure:
 *   - no group_row (a new measure from an import): look the text up;
 *   - the row is gone: CONFLICT, the group was deleted;
 *   - the row still has the measure's group_id: that row;
 *   - the row has another text id but is at the version the caller read:
 *     nobody renamed it, so the caller chose another group by its id: look
 *     the text up;
 *   - otherwise someone else changed the group's id since: CONFLICT saying
 *     so, rather than guessing which group was meant.
 */
static enum store_status measure_group(struct store *s, const struct measure *m, int64_t *gref,
				       struct store_error *err)
{
	char gid[TEXT_ID_SIZE] = "";
	int64_t version = 0;
	bool found = false;
	int rc = SQLITE_OK;
	*gref = 0;
	if (m->group_row.id > 0)
		rc = group_row_now(s, m->group_row.id, gid, &version, &found);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	if (m->group_row.id > 0 && !found)
		return store_fail(err, STORE_CONFLICT, s->path,
				  _("målgruppen til «%s» er slettet av en annen siden du åpnet "
				  "tiltaket; last inn på nytt"),
				  m->name);
	if (found && strcmp(gid, m->group_id) == 0) {
		*gref = m->group_row.id;
		return STORE_OK;
	}
	if (found && version != m->group_row.version)
		return store_fail(err, STORE_CONFLICT, s->path,
				  _("målgruppen til «%s» har fått id «%s» av en annen siden du åpnet "
				  "tiltaket (du har «%s»); last inn på nytt"),
				  m->name, gid, m->group_id);
	rc = rows_group_ref(s, m->group_id, gref);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	if (*gref == 0)
		return store_fail(err, STORE_REFUSED, s->path,
				  _("tiltaket «%s» viser til målgruppen «%s», som ikke finnes"), m->name,
				  m->group_id);
	return STORE_OK;
}

/* After the write: the measure's group_row names its group as it is now. */
static struct row_ref linked_group(struct store *s, int64_t gref)
{
	char gid[TEXT_ID_SIZE];
	int64_t version = 0;
	bool found = false;
	group_row_now(s, gref, gid, &version, &found);
	return (struct row_ref){gref, found ? version : 0};
}

/*
 * A stale measure version: say whether someone else moved the measure to
 * another group (the link changed) rather than only "changed".
 */
static enum store_status measure_moved(struct store *s, const struct measure *m,
				       struct store_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db,
				    "SELECT g.id, g.name FROM measures m JOIN groups g"
				    " ON g.id = m.group_ref WHERE m.id = ? AND m.version <> ?",
				    -1, &st, NULL);
	enum store_status status = STORE_OK;
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, m->row.id);
		sqlite3_bind_int64(st, 2, m->row.version);
		if (sqlite3_step(st) == SQLITE_ROW && m->group_row.id > 0 &&
		    sqlite3_column_int64(st, 0) != m->group_row.id) {
			const unsigned char *name = sqlite3_column_text(st, 1);
			status = store_fail(err, STORE_CONFLICT, s->path,
					    _("«%s» er flyttet til målgruppen «%s» av en annen siden du "
					    "åpnet det; last inn på nytt"),
					    m->name, name ? (const char *)name : "");
		}
	}
	sqlite3_finalize(st);
	return status;
}

void store_measure_set_group(struct measure *m, const struct target_group *g)
{
	snprintf(m->group_id, sizeof m->group_id, "%s", g->id);
	m->group_row = g->row;
}

enum store_status store_insert_measure(struct store *s, struct measure *m, const char *label,
				       struct store_error *err)
{
	char payer[STORE_PAYER_SIZE];
	struct edit_row r = {.table = TABLE_MEASURES, .payer = payer, .u.measure = m};
	struct edit_tx tx;
	enum store_status status = edit_open(s, &r, label, &tx, err, _("Nytt tiltak «%s»"), m->name);
	if (status != STORE_OK)
		return status;
	int64_t id = 0;
	status = measure_group(s, m, &r.group_ref, err);
	if (status == STORE_OK)
		status = rows_resolve_payer(s, m, payer, err);
	if (status == STORE_OK)
		status = edit_insert_row(&tx, &r, &id, err);
	struct row_ref group = status == STORE_OK ? linked_group(s, r.group_ref) : m->group_row;
	status = edit_close(&tx, status, &m->row, (struct row_ref){id, 1}, err);
	if (status == STORE_OK)
		m->group_row = group;
	return status;
}

enum store_status store_update_measure(struct store *s, struct measure *m, const char *label,
				       struct store_error *err)
{
	char payer[STORE_PAYER_SIZE];
	struct edit_row r = {.table = TABLE_MEASURES, .payer = payer, .u.measure = m};
	struct edit_tx tx;
	enum store_status status =
		edit_open(s, &r, label, &tx, err, _("Endre tiltaket «%s»"), m->name);
	if (status != STORE_OK)
		return status;
	status = measure_moved(s, m, err);
	if (status == STORE_OK)
		status = measure_group(s, m, &r.group_ref, err);
	if (status == STORE_OK)
		status = rows_resolve_payer(s, m, payer, err);
	if (status == STORE_OK)
		status = edit_update_row(&tx, &r, m->row.id, m->name, err);
	struct row_ref group = status == STORE_OK ? linked_group(s, r.group_ref) : m->group_row;
	status = edit_close(&tx, status, &m->row, (struct row_ref){m->row.id, m->row.version + 1},
			    err);
	if (status == STORE_OK)
		m->group_row = group;
	return status;
}

enum store_status store_delete_measure(struct store *s, const struct measure *m,
				       const char *label, struct store_error *err)
{
	struct edit_tx tx;
	enum store_status status =
		edit_open(s, NULL, label, &tx, err, _("Slett tiltaket «%s»"), m->name);
	if (status != STORE_OK)
		return status;
	return edit_delete(&tx, TABLE_MEASURES, &m->row, m->name, err);
}
