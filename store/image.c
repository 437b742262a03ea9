/*
 * image.c: row images, a row of any data table as a JSON object of its
 * columns.  The edit log stores the image before and after each change so
 * that undo and redo can restore a row whatever its table, and so that
 * "has this row changed since?" is a comparison of contents.
 *
 * Invariant: images are only made by row_image() from the file itself, so
 * their keys are column names; row_image_apply() still refuses any key that
 * is not a plain identifier, because the log lives in a file a user can
 * edit.
 *
 * Must never: print, or write anything but the one row it was asked to.
 */
#include "i18n/i18n.h"
#include "store/internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const table_names[TABLE_COUNT] = {"workbook", "sectors", "groups", "items",
						     "measures"};

const char *store_table_name(enum store_table t)
{
	return (unsigned)t < TABLE_COUNT ? table_names[t] : "?";
}

bool store_table_from_name(const char *name, enum store_table *out)
{
	for (int t = 0; t < TABLE_COUNT; t++)
		if (name != NULL && strcmp(name, table_names[t]) == 0) {
			*out = (enum store_table)t;
			return true;
		}
	return false;
}

static bool plain_identifier(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || *s == '_'))
			return false;
	return true;
}

/* One text per table: store_prepare() keys kept statements by address. */
static const char *const select_sql[TABLE_COUNT] = {
	"SELECT * FROM workbook WHERE id = ?", "SELECT * FROM sectors WHERE id = ?",
	"SELECT * FROM groups WHERE id = ?", "SELECT * FROM items WHERE id = ?",
	"SELECT * FROM measures WHERE id = ?"};
static const char *const delete_sql[TABLE_COUNT] = {
	"DELETE FROM workbook WHERE id = ?", "DELETE FROM sectors WHERE id = ?",
	"DELETE FROM groups WHERE id = ?", "DELETE FROM items WHERE id = ?",
	"DELETE FROM measures WHERE id = ?"};

char *row_image(struct store *s, enum store_table t, int64_t id, int *rc)
{
	sqlite3_stmt *st = NULL;
	char *text = NULL;
	if ((unsigned)t >= TABLE_COUNT) {
		*rc = SQLITE_MISUSE;
		return NULL;
	}
	*rc = store_prepare(s, select_sql[t], &st);
	if (*rc != SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		json_t *obj = json_object();
		int n = sqlite3_column_count(st);
		for (int i = 0; obj != NULL && i < n; i++) {
			json_t *v;
			switch (sqlite3_column_type(st, i)) {
			case SQLITE_INTEGER:
				v = json_integer(sqlite3_column_int64(st, i));
				break;
			case SQLITE_FLOAT:
				v = json_real(sqlite3_column_double(st, i));
				break;
			case SQLITE_NULL:
				v = json_null();
				break;
			default:
				v = json_string((const char *)sqlite3_column_text(st, i));
				break;
			}
			if (v == NULL || json_object_set_new(obj, sqlite3_column_name(st, i), v) != 0) {
				json_decref(obj);
				obj = NULL;
			}
		}
		if (obj != NULL)
			text = json_dumps(obj, JSON_COMPACT | JSON_SORT_KEYS);
		json_decref(obj);
		/* jansson refuses text that is not UTF-8: a row no edit of ours
		 * wrote (a hand-edited or damaged file). */
		*rc = text != NULL ? SQLITE_OK : SQLITE_MISMATCH;
	} else {
		*rc = step == SQLITE_DONE ? SQLITE_OK : step;
	}
	store_release(s, st);
	return text;
}

static int bind_json(sqlite3_stmt *st, int index, const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_INTEGER:
		return sqlite3_bind_int64(st, index, json_integer_value(v));
	case JSON_REAL:
		return sqlite3_bind_double(st, index, json_real_value(v));
	case JSON_STRING:
		return sqlite3_bind_text(st, index, json_string_value(v), -1, SQLITE_TRANSIENT);
	case JSON_TRUE:
		return sqlite3_bind_int(st, index, 1);
	case JSON_FALSE:
		return sqlite3_bind_int(st, index, 0);
	default:
		return sqlite3_bind_null(st, index);
	}
}

/* Append to a fixed SQL buffer; false when it would not fit. */
static bool append(char *buf, size_t size, size_t *len, const char *text)
{
	size_t n = strlen(text);
	if (*len + n >= size)
		return false;
	memcpy(buf + *len, text, n + 1);
	*len += n;
	return true;
}

int row_image_apply(sqlite3 *db, enum store_table t, int64_t id, const char *image, bool insert)
{
	json_t *obj = json_loads(image, 0, NULL);
	if (!json_is_object(obj)) {
		json_decref(obj);
		return SQLITE_CORRUPT;
	}
	char sql[2048];
	size_t len = 0;
	bool ok = true;
	const char *key;
	json_t *value;
	if (insert) {
		char values[512] = "";
		size_t vlen = 0;
		ok = append(sql, sizeof sql, &len, "INSERT INTO ") &&
		     append(sql, sizeof sql, &len, store_table_name(t)) &&
		     append(sql, sizeof sql, &len, " (id");
		append(values, sizeof values, &vlen, "?");
		json_object_foreach(obj, key, value)
		{
			if (strcmp(key, "id") == 0)
				continue;
			ok = ok && plain_identifier(key) && append(sql, sizeof sql, &len, ", ") &&
			     append(sql, sizeof sql, &len, key) &&
			     append(values, sizeof values, &vlen,
				    strcmp(key, "version") == 0 ? ", ? + 1" : ", ?");
		}
		ok = ok && append(sql, sizeof sql, &len, ") VALUES (") &&
		     append(sql, sizeof sql, &len, values) && append(sql, sizeof sql, &len, ")");
	} else {
		ok = append(sql, sizeof sql, &len, "UPDATE ") &&
		     append(sql, sizeof sql, &len, store_table_name(t)) &&
		     append(sql, sizeof sql, &len, " SET version = version + 1");
		json_object_foreach(obj, key, value)
		{
			if (strcmp(key, "id") == 0 || strcmp(key, "version") == 0)
				continue;
			ok = ok && plain_identifier(key) && append(sql, sizeof sql, &len, ", ") &&
			     append(sql, sizeof sql, &len, key) &&
			     append(sql, sizeof sql, &len, " = ?");
		}
		ok = ok && append(sql, sizeof sql, &len, " WHERE id = ?");
	}
	if (!ok) {
		json_decref(obj);
		return SQLITE_CORRUPT;
	}
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	int index = 1;
	if (rc == SQLITE_OK && insert)
		rc = sqlite3_bind_int64(st, index++, id);
	json_object_foreach(obj, key, value)
	{
		if (rc != SQLITE_OK)
			break;
		if (strcmp(key, "id") == 0 || (!insert && strcmp(key, "version") == 0))
			continue;
		rc = bind_json(st, index++, value);
	}
	if (rc == SQLITE_OK && !insert)
		rc = sqlite3_bind_int64(st, index, id);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	if (rc == SQLITE_OK && sqlite3_changes(db) != 1)
		rc = SQLITE_NOTFOUND;
	sqlite3_finalize(st);
	json_decref(obj);
	return rc;
}

int row_delete(struct store *s, enum store_table t, int64_t id)
{
	if ((unsigned)t >= TABLE_COUNT)
		return SQLITE_MISUSE;
	sqlite3_stmt *st = NULL;
	int rc = store_prepare(s, delete_sql[t], &st);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		rc = sqlite3_step(st);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	store_release(s, st);
	return rc;
}

bool row_image_same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	json_t *ja = json_loads(a, 0, NULL);
	json_t *jb = json_loads(b, 0, NULL);
	bool same = false;
	if (json_is_object(ja) && json_is_object(jb)) {
		json_object_del(ja, "version");
		json_object_del(jb, "version");
		same = json_equal(ja, jb);
	}
	json_decref(ja);
	json_decref(jb);
	return same;
}

void row_image_name(const char *image, char *buf, size_t size)
{
	json_t *obj = image ? json_loads(image, 0, NULL) : NULL;
	const char *name = json_string_value(json_object_get(obj, "name"));
	snprintf(buf, size, "%s", name ? name : _("raden"));
	json_decref(obj);
}

int edit_record(struct edit_tx *tx, enum store_table t, int64_t id, const char *before,
		const char *after)
{
	if (tx->log_id == 0)
		return SQLITE_OK;
	sqlite3_stmt *st = NULL;
	int rc = store_prepare(tx->s,
			       "INSERT INTO edit_rows (edit_id, seq, tbl, row_id, before, after)"
			       " VALUES (?, ?, ?, ?, ?, ?)",
			       &st);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, tx->log_id);
	sqlite3_bind_int(st, 2, tx->seq++);
	sqlite3_bind_text(st, 3, store_table_name(t), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, id);
	if (before)
		sqlite3_bind_text(st, 5, before, -1, SQLITE_STATIC);
	if (after)
		sqlite3_bind_text(st, 6, after, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	store_release(tx->s, st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}
