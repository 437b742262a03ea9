/*
 * replace.c: store_replace_all(), the import path.  The whole workbook is
 * replaced in ONE edit: every measure, item, group and sector is deleted (each
 * before image logged), the parameters are overwritten, and the new rows
 * inserted (each after image logged), so one undo restores the old
 * workbook exactly, ids and order included.
 *
 * Must never: write anything before the new workbook has passed
 * validate_workbook(); leave a half-replaced workbook (one transaction).
 */
#include "i18n/i18n.h"
#include "store/internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "engine/validate.h"

/* Delete every row of a table, logging each before image. */
static enum store_status delete_all(struct edit_tx *tx, enum store_table t,
				    struct store_error *err)
{
	char sql[64];
	snprintf(sql, sizeof sql, "SELECT id FROM %s ORDER BY id", store_table_name(t));
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(tx->s->db, sql, -1, &st, NULL);
	size_t count = 0, cap = 0;
	int64_t *ids = NULL;
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 64;
			int64_t *grown = realloc(ids, cap * sizeof *ids);
			if (grown == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			ids = grown;
		}
		ids[count++] = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	for (size_t i = 0; rc == SQLITE_OK && i < count; i++) {
		char *before = row_image(tx->s, t, ids[i], &rc);
		if (rc == SQLITE_OK)
			rc = row_delete(tx->s, t, ids[i]);
		if (rc == SQLITE_OK)
			rc = edit_record(tx, t, ids[i], before, NULL);
		free(before);
	}
	free(ids);
	return rc == SQLITE_OK ? STORE_OK
			       : store_fail_sqlite(err, tx->s->path, tx->s->db, rc, _("slette i"));
}

enum store_status store_replace_all(struct store *s, const struct workbook *wb,
				    const char *label, struct store_error *err)
{
	struct problems pr;
	problems_clear(&pr);
	if (!validate_workbook(wb, &pr))
		return store_fail_problems(err, STORE_REFUSED, s->path, "", &pr);
	struct edit_tx tx;
	enum store_status status =
		edit_begin(s, label ? label : "Erstatt hele arbeidsboken", "edit", 0, &tx, err);
	if (status != STORE_OK)
		return status;
	status = delete_all(&tx, TABLE_MEASURES, err);
	if (status == STORE_OK)
		status = delete_all(&tx, TABLE_ITEMS, err);
	if (status == STORE_OK)
		status = delete_all(&tx, TABLE_GROUPS, err);
	if (status == STORE_OK)
		status = delete_all(&tx, TABLE_SECTORS, err);
	if (status == STORE_OK) {
		/* The whole workbook is being replaced: whatever version the
		 * parameters row has now is the one we overwrite. */
		int rc;
		int64_t version = 0;
		bool matched = false;
		char *before = row_image(s, TABLE_WORKBOOK, 1, &rc);
		struct workbook_params p = wb->params;
		if (rc == SQLITE_OK)
			rc = store_query_int(s->db, "SELECT version FROM workbook WHERE id = 1",
					     &version);
		p.row.version = version;
		if (rc == SQLITE_OK)
			rc = rows_write_params(s->db, &p, false, &matched);
		status = edit_checked_update(&tx, TABLE_WORKBOOK, 1, _("Arbeidsboken"), rc, matched,
					     before, err);
	}
	if (status == STORE_OK)
		status = rows_insert_all(&tx, wb, err);
	return edit_finish(&tx, status, err);
}
