/*
 * edit_sector.c: the edits of declared sectors (tjenesteområder), built on
 * edit.c's shared shape: validate, BEGIN IMMEDIATE, write at the version
 * the caller read, log the images, COMMIT.
 *
 * Items and payer shares refer to a sector by its row id, so renaming a
 * sector's text id touches nothing else.  A sector in use is never deleted
 * and never moved to another bearer (its items would then belong to the
 * wrong budget); the refusal names what uses it.  The file's triggers say
 * the same to any other writer and to undo.
 *
 * Must never: print, or overwrite a row changed by someone else.
 */
#include "i18n/i18n.h"
#include "store/internal.h"

#include <stdio.h>
#include <string.h>

/* REFUSED when another sector than row `self` already has this text id. */
enum store_status edit_unique_sid(struct store *s, const char *sid, int64_t self,
				  struct store_error *err)
{
	int64_t other = 0;
	enum bearer b;
	int rc = rows_sector_ref(s, sid, &other, &b);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	if (other != 0 && other != self)
		return store_fail(err, STORE_REFUSED, s->path,
				  _("det finnes allerede en sektor med id «%s»"), sid);
	return STORE_OK;
}

/*
 * Who uses sector row `sref`: items (when `items`) and payer shares (when
 * `payers`), as «name» lists into buf; returns how many, or -1 with *rc.
 */
static int sector_users(struct store *s, int64_t sref, bool items, bool payers, char *buf,
			size_t size, int *rc)
{
	static const char item_sql[] =
		"SELECT i.name, g.name FROM items i JOIN groups g ON g.id = i.group_ref"
		" WHERE i.sector_ref = ?1 ORDER BY i.id";
	static const char payer_sql[] =
		"SELECT m.name, NULL FROM measures m WHERE EXISTS (SELECT 1 FROM json_each(m.payer) e"
		" WHERE json_type(e.value, '$[0]') = 'integer' AND json_extract(e.value, '$[0]') = ?1)"
		" ORDER BY m.id";
	size_t len = 0;
	int count = 0;
	buf[0] = '\0';
	for (int pass = 0; pass < 2; pass++) {
		if ((pass == 0 && !items) || (pass == 1 && !payers))
			continue;
		sqlite3_stmt *st = NULL;
		*rc = sqlite3_prepare_v2(s->db, pass ? payer_sql : item_sql, -1, &st, NULL);
		if (*rc != SQLITE_OK)
			return -1;
		sqlite3_bind_int64(st, 1, sref);
		while ((*rc = sqlite3_step(st)) == SQLITE_ROW) {
			const unsigned char *n = sqlite3_column_text(st, 0);
			const unsigned char *g = sqlite3_column_text(st, 1);
			char one[2 * TEXT_NAME_SIZE + 64];
			if (pass == 0)
				snprintf(one, sizeof one, _("kostnadsposten «%s» i «%s»"),
					 n ? (const char *)n : "", g ? (const char *)g : "");
			else
				snprintf(one, sizeof one, _("betalingen for tiltaket «%s»"),
					 n ? (const char *)n : "");
			/* Name the first three; count the rest. */
			if (count < 3 && len < size) {
				int w = snprintf(buf + len, size - len, "%s%s", count ? ", " : "", one);
				len = w > 0 && (size_t)w < size - len ? len + (size_t)w : size - 1;
			}
			count++;
		}
		sqlite3_finalize(st);
		if (*rc != SQLITE_DONE)
			return -1;
	}
	*rc = SQLITE_OK;
	return count;
}

/* REFUSED naming the users when `count` > 0; `what` says what was tried. */
static enum store_status refuse_in_use(struct store *s, const char *name, const char *what,
				       int count, const char *users, struct store_error *err)
{
	/* What to do comes before the list: the names are long, and a two-line
	 * status at 80 columns cuts the end. */
	if (count <= 3)
		return store_fail(err, STORE_REFUSED, s->path,
				  _("kan ikke %s sektoren «%s» før det som bruker den, er flyttet til "
				  "en annen sektor: %s"),
				  what, name, users);
	return store_fail(err, STORE_REFUSED, s->path,
			  _("kan ikke %s sektoren «%s» før det som bruker den, er flyttet til en "
			  "annen sektor: %s og %d til"),
			  what, name, users, count - 3);
}

enum store_status store_insert_sector(struct store *s, struct sector *sec, const char *label,
				      struct store_error *err)
{
	const struct edit_row r = {.table = TABLE_SECTORS, .u.sector = sec};
	struct edit_tx tx;
	enum store_status status =
		edit_open(s, &r, label, &tx, err, _("Ny sektor «%s»"), sec->name);
	if (status != STORE_OK)
		return status;
	int64_t id = 0;
	status = edit_unique_sid(s, sec->id, 0, err);
	if (status == STORE_OK)
		status = edit_insert_row(&tx, &r, &id, err);
	return edit_close(&tx, status, &sec->row, (struct row_ref){id, 1}, err);
}

/* The bearer sector row `sref` has now, or BEARER_NONE when it is gone. */
static int sector_bearer_now(struct store *s, int64_t sref, enum bearer *out)
{
	sqlite3_stmt *st = NULL;
	*out = BEARER_NONE;
	int rc = sqlite3_prepare_v2(s->db, "SELECT bearer FROM sectors WHERE id = ?", -1, &st,
				    NULL);
	bool found = false;
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, sref);
		rc = edit_step_once(st, &found);
		const unsigned char *b = found ? sqlite3_column_text(st, 0) : NULL;
		if (b == NULL || !bearer_from_key((const char *)b, out))
			*out = BEARER_NONE;
	}
	sqlite3_finalize(st);
	return rc;
}

enum store_status store_update_sector(struct store *s, struct sector *sec, const char *label,
				      struct store_error *err)
{
	const struct edit_row r = {.table = TABLE_SECTORS, .u.sector = sec};
	struct edit_tx tx;
	enum store_status status =
		edit_open(s, &r, label, &tx, err, _("Endre sektoren «%s»"), sec->name);
	if (status != STORE_OK)
		return status;
	status = edit_unique_sid(s, sec->id, sec->row.id, err);
	enum bearer now = BEARER_NONE;
	int rc = SQLITE_OK;
	if (status == STORE_OK)
		rc = sector_bearer_now(s, sec->row.id, &now);
	/* A bearer change moves the sector's items to another budget: only
	 * while no item uses it (payers may be of any bearer). */
	if (status == STORE_OK && rc == SQLITE_OK && now != BEARER_NONE && now != sec->bearer) {
		char users[600];
		int count = sector_users(s, sec->row.id, true, false, users, sizeof users, &rc);
		if (count > 0)
			status = refuse_in_use(s, sec->name, _("flytte til en annen bærer"), count,
					       users, err);
	}
	if (status == STORE_OK && rc != SQLITE_OK)
		status = store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	if (status == STORE_OK)
		status = edit_update_row(&tx, &r, sec->row.id, sec->name, err);
	return edit_close(&tx, status, &sec->row,
			  (struct row_ref){sec->row.id, sec->row.version + 1}, err);
}

enum store_status store_delete_sector(struct store *s, const struct sector *sec,
				      const char *label, struct store_error *err)
{
	struct edit_tx tx;
	enum store_status status =
		edit_open(s, NULL, label, &tx, err, _("Slett sektoren «%s»"), sec->name);
	if (status != STORE_OK)
		return status;
	char users[600];
	int rc = SQLITE_OK;
	int count = sector_users(s, sec->row.id, true, true, users, sizeof users, &rc);
	if (count < 0)
		status = store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	else if (count > 0)
		status = refuse_in_use(s, sec->name, _("slette"), count, users, err);
	if (status != STORE_OK) {
		edit_rollback(&tx);
		return status;
	}
	return edit_delete(&tx, TABLE_SECTORS, &sec->row, sec->name, err);
}
