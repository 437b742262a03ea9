/*
 * rows.c: engine structs to and from table rows.  The one place that knows
 * the column lists; edits, store_create and undo build on it.
 *
 * Invariant: an update only matches the row at the version the caller
 * read (WHERE id = ? AND version = ?) and bumps it, so two processes can
 * never overwrite each other's change unseen.
 *
 * Must never: validate (edit.c does that before calling), print.
 */
#include "i18n/i18n.h"
#include "store/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void bind_text(sqlite3_stmt *st, int i, const char *text)
{
	sqlite3_bind_text(st, i, text, -1, SQLITE_TRANSIENT);
}

/* Step a write statement; *matched says whether it changed a row. */
static int finish(sqlite3 *db, sqlite3_stmt *st, bool *matched, int64_t *id)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc;
	if (matched)
		*matched = sqlite3_changes(db) == 1;
	if (id)
		*id = sqlite3_last_insert_rowid(db);
	return SQLITE_OK;
}

int rows_write_params(sqlite3 *db, const struct workbook_params *p, bool insert, bool *matched)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(
		db,
		insert ? "INSERT INTO workbook (name, municipality, base_year, horizon,"
			 " discount_mode, discount_rate, g_amount, id) VALUES (?, ?, ?, ?, ?, ?, ?, 1)"
		       : "UPDATE workbook SET name = ?, municipality = ?, base_year = ?,"
			 " horizon = ?, discount_mode = ?, discount_rate = ?, g_amount = ?,"
			 " version = version + 1 WHERE id = 1 AND version = ?",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	bind_text(st, 1, p->name);
	bind_text(st, 2, p->municipality);
	sqlite3_bind_int(st, 3, p->base_year);
	sqlite3_bind_int(st, 4, p->horizon);
	bind_text(st, 5, discount_mode_key(p->discount.mode));
	sqlite3_bind_double(st, 6, p->discount.rate);
	sqlite3_bind_double(st, 7, p->g_amount);
	if (!insert)
		sqlite3_bind_int64(st, 8, p->row.version);
	return finish(db, st, matched, NULL);
}

int rows_write_group(sqlite3 *db, const struct target_group *g, bool insert, bool *matched,
		     int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(
		db,
		insert ? "INSERT INTO groups (gid, name, description, entry_age) VALUES (?, ?, ?, ?)"
		       : "UPDATE groups SET gid = ?, name = ?, description = ?, entry_age = ?,"
			 " version = version + 1 WHERE id = ? AND version = ?",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	bind_text(st, 1, g->id);
	bind_text(st, 2, g->name);
	bind_text(st, 3, g->description);
	sqlite3_bind_int(st, 4, g->entry_age);
	if (!insert) {
		sqlite3_bind_int64(st, 5, g->row.id);
		sqlite3_bind_int64(st, 6, g->row.version);
	}
	return finish(db, st, matched, id);
}

int rows_write_item(sqlite3 *db, int64_t group_ref, const struct cost_item *it, bool insert,
		    bool *matched, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(
		db,
		insert ? "INSERT INTO items (group_ref, name, bearer, amount, unit, from_age,"
			 " to_age, source, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
		       : "UPDATE items SET group_ref = ?, name = ?, bearer = ?, amount = ?,"
			 " unit = ?, from_age = ?, to_age = ?, source = ?, confidence = ?,"
			 " version = version + 1 WHERE id = ? AND version = ?",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, group_ref);
	bind_text(st, 2, it->name);
	bind_text(st, 3, bearer_key(it->bearer));
	sqlite3_bind_double(st, 4, it->amount);
	bind_text(st, 5, unit_key(it->unit));
	sqlite3_bind_int(st, 6, it->from_age);
	sqlite3_bind_int(st, 7, it->to_age);
	bind_text(st, 8, it->source);
	bind_text(st, 9, confidence_key(it->confidence));
	if (!insert) {
		sqlite3_bind_int64(st, 10, it->row.id);
		sqlite3_bind_int64(st, 11, it->row.version);
	}
	return finish(db, st, matched, id);
}

int rows_write_measure(sqlite3 *db, int64_t group_ref, const struct measure *m, bool insert,
		       bool *matched, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(
		db,
		insert ? "INSERT INTO measures (name, group_ref, participants, start_year,"
			 " start_age, duration, cost_per_participant, payer_kommune,"
			 " payer_fylkeskommune, payer_stat, success_rate, deadweight, lag,"
			 " effect_years, decay, enabled)"
			 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
		       : "UPDATE measures SET name = ?, group_ref = ?, participants = ?,"
			 " start_year = ?, start_age = ?, duration = ?, cost_per_participant = ?,"
			 " payer_kommune = ?, payer_fylkeskommune = ?, payer_stat = ?,"
			 " success_rate = ?, deadweight = ?, lag = ?, effect_years = ?,"
			 " decay = ?, enabled = ?, version = version + 1"
			 " WHERE id = ? AND version = ?",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	bind_text(st, 1, m->name);
	sqlite3_bind_int64(st, 2, group_ref);
	sqlite3_bind_int64(st, 3, m->participants);
	sqlite3_bind_int(st, 4, m->start_year);
	sqlite3_bind_int(st, 5, m->start_age);
	sqlite3_bind_int(st, 6, m->duration);
	sqlite3_bind_double(st, 7, m->cost_per_participant);
	for (int b = 0; b < BEARER_COUNT; b++)
		sqlite3_bind_double(st, 8 + b, measure_bearer_share(NULL, m, (enum bearer)b));
	sqlite3_bind_double(st, 11, m->success_rate);
	sqlite3_bind_double(st, 12, m->deadweight);
	sqlite3_bind_int(st, 13, m->lag);
	if (m->effect_years > 0)
		sqlite3_bind_int(st, 14, m->effect_years);
	else
		sqlite3_bind_null(st, 14);
	sqlite3_bind_double(st, 15, m->decay);
	sqlite3_bind_int(st, 16, m->enabled ? 1 : 0);
	if (!insert) {
		sqlite3_bind_int64(st, 17, m->row.id);
		sqlite3_bind_int64(st, 18, m->row.version);
	}
	return finish(db, st, matched, id);
}

int rows_group_ref(sqlite3 *db, const char *gid, int64_t *out)
{
	sqlite3_stmt *st = NULL;
	*out = 0;
	int rc = sqlite3_prepare_v2(db, "SELECT id FROM groups WHERE gid = ?", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	bind_text(st, 1, gid);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

enum store_status rows_insert_all(struct edit_tx *tx, const struct workbook *wb,
				  struct store_error *err)
{
	sqlite3 *db = tx->s->db;
	enum store_status status = STORE_OK;
	for (size_t i = 0; status == STORE_OK && i < wb->group_count; i++) {
		const struct target_group *g = &wb->groups[i];
		int64_t gref = 0;
		int rc = rows_write_group(db, g, true, NULL, &gref);
		status = edit_log_written(tx, TABLE_GROUPS, gref, NULL, rc, err);
		for (size_t k = 0; status == STORE_OK && k < g->item_count; k++) {
			int64_t iid = 0;
			rc = rows_write_item(db, gref, &g->items[k], true, NULL, &iid);
			status = edit_log_written(tx, TABLE_ITEMS, iid, NULL, rc, err);
		}
	}
	for (size_t i = 0; status == STORE_OK && i < wb->measure_count; i++) {
		const struct measure *m = &wb->measures[i];
		int64_t gref = 0, mid = 0;
		int rc = rows_group_ref(db, m->group_id, &gref);
		if (rc == SQLITE_OK && gref == 0)
			return store_fail(err, STORE_REFUSED, tx->s->path,
					  _("tiltaket «%s» viser til målgruppen «%s», som ikke finnes"),
					  m->name, m->group_id);
		if (rc == SQLITE_OK)
			rc = rows_write_measure(db, gref, m, true, NULL, &mid);
		status = edit_log_written(tx, TABLE_MEASURES, mid, NULL, rc, err);
	}
	return status;
}
