/*
 * The store's column lists (store/columns.h) against the schema
 * (engine/schema.h) and the file: every schema field of every row kind
 * has its column, exactly once; every column names a schema field or is
 * the store's own; the lists are exactly the columns the migrations
 * create; and each column is read into, and written from, the field the
 * list says it holds (a wrong index or a missed bind fails here).
 */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/schema.h"
#include "store/columns.h"
#include "store/internal.h"
#include "tests/store_util.h"

STORE_SCRATCH("kolonner.utenfor")

TestSuite(columns, .init = scratch_setup, .fini = scratch_teardown);

static size_t columns_naming(const struct store_columns *l, const char *key, bool entries)
{
	size_t n = 0, len = strlen(key);
	for (size_t i = 0; i < l->count; i++) {
		const char *f = l->columns[i].field;
		if (f != NULL && (strcmp(f, key) == 0 ||
				  (entries && strncmp(f, key, len) == 0 && f[len] == '.')))
			n++;
	}
	return n;
}

Test(columns, every_schema_field_has_its_column_once)
{
	for (int row = 0; row < SCHEMA_ROW_COUNT; row++) {
		const struct store_columns *l = &store_column_lists[row];
		cr_assert_eq(l->row, (enum schema_row)row);
		for (size_t i = 0; i < schema_count((enum schema_row)row); i++) {
			const struct field_desc *f = schema_field((enum schema_row)row, i);
			const char *where = schema_row_key((enum schema_row)row);
			if (f->type == FT_MAP) {
				/* The whole map in one column (payer), its entries in
				 * theirs (the spreads) or in several (ranges). */
				cr_assert_geq(columns_naming(l, f->key, true), 1,
					      "%s.%s has no column", where, f->key);
			} else if (f->type == FT_PAYER) {
				/* A bearer's share is a sum over the payer map, which
				 * its key starts with: the map's column holds it. */
				const char *dot = strchr(f->key, '.');
				cr_assert_not_null(dot, "%s.%s", where, f->key);
				char map[64];
				snprintf(map, sizeof map, "%.*s", (int)(dot - f->key), f->key);
				const struct field_desc *m = schema_find((enum schema_row)row, map);
				cr_assert(m != NULL && m->type == FT_MAP, "%s.%s", where, f->key);
				cr_assert_eq(columns_naming(l, f->key, false), 0);
				cr_assert_eq(columns_naming(l, map, false), 1, "%s.%s", where, map);
			} else {
				cr_assert_eq(columns_naming(l, f->key, false), 1,
					     "%s.%s: %zu columns, expected 1 (store/columns.h)",
					     where, f->key, columns_naming(l, f->key, false));
			}
		}
	}
}

Test(columns, every_column_names_a_schema_field_and_is_named_once)
{
	for (int row = 0; row < SCHEMA_ROW_COUNT; row++) {
		const struct store_columns *l = &store_column_lists[row];
		for (size_t i = 0; i < l->count; i++) {
			const struct store_column *c = &l->columns[i];
			cr_assert(strcmp(c->column, "id") != 0 && strcmp(c->column, "version") != 0);
			if (c->field != NULL)
				cr_assert_not_null(schema_find((enum schema_row)row, c->field),
						   "%s.%s names no schema field «%s»", l->table,
						   c->column, c->field);
			for (size_t k = i + 1; k < l->count; k++)
				cr_assert_str_neq(c->column, l->columns[k].column);
		}
	}
}

static void create_sample(void)
{
	struct workbook wb;
	sample_workbook(&wb);
	struct sector sec;
	memset(&sec, 0, sizeof sec);
	text_set(sec.id, sizeof sec.id, "barnehage");
	text_set(sec.name, sizeof sec.name, "Barnehage");
	text_set(sec.kostra, sizeof sec.kostra, "201");
	sec.bearer = BEARER_KOMMUNE;
	cr_assert_geq(workbook_add_sector(&wb, &sec), 0);
	struct store_error err = {0};
	cr_assert_eq(store_create(path, &wb, &err), STORE_OK, "%s", err.message);
	workbook_free(&wb);
}

Test(columns, lists_are_the_columns_of_the_file)
{
	create_sample();
	sqlite3 *db = NULL;
	cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	for (int row = 0; row < SCHEMA_ROW_COUNT; row++) {
		const struct store_columns *l = &store_column_lists[row];
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT name FROM pragma_table_info('%s')", l->table);
		sqlite3_stmt *st = NULL;
		cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
		size_t n = 0;
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(st, 0);
			bool listed = strcmp(name, "id") == 0 || strcmp(name, "version") == 0;
			for (size_t i = 0; !listed && i < l->count; i++)
				listed = strcmp(l->columns[i].column, name) == 0;
			cr_assert(listed, "%s.%s is in the file but not in store/columns.h", l->table,
				  name);
			n++;
		}
		sqlite3_finalize(st);
		cr_assert_eq(n, l->count + 2, "%s: %zu columns in the file, %zu listed + id, version",
			     l->table, n, l->count);
	}
	sqlite3_close(db);
}

/* ---- each column reads into and writes from its field ---------------- */

/* The first row of the row kind's table, as loaded. */
static void *row_struct(struct workbook *wb, enum schema_row row)
{
	switch (row) {
	case SCHEMA_WORKBOOK: return &wb->params;
	case SCHEMA_SECTOR: return &wb->sectors[0];
	case SCHEMA_GROUP: return &wb->groups[0];
	case SCHEMA_ITEM: return &wb->groups[0].items[0];
	case SCHEMA_MEASURE: return &wb->measures[0];
	default: return NULL;
	}
}

/* The key functions of the enum types, for the column's text. */
static const char *enum_key(enum field_type t, int v)
{
	switch (t) {
	case FT_BEARER: return bearer_key((enum bearer)v);
	case FT_UNIT: return unit_key((enum amount_unit)v);
	case FT_CONFIDENCE: return confidence_key((enum confidence)v);
	case FT_DISCOUNT: return discount_mode_key((enum discount_mode)v);
	case FT_ITEM_KIND: return item_kind_key((enum item_kind)v);
	default: return NULL;
	}
}

static int enum_count(enum field_type t)
{
	switch (t) {
	case FT_BEARER: return BEARER_COUNT;
	case FT_UNIT: return UNIT_G + 1;
	case FT_CONFIDENCE: return CONFIDENCE_D + 1;
	case FT_DISCOUNT: return DISCOUNT_NONE + 1;
	case FT_ITEM_KIND: return ITEM_TRANSFER + 1; /* kinds that keep a bearer */
	default: return 0;
	}
}

/* A field's value: a number, or text (texts and enum keys). */
struct value {
	double num;
	char text[64];
	bool is_text;
};

static bool probed(const struct field_desc *f)
{
	switch (f->type) {
	case FT_TEXT: case FT_INT: case FT_LONG: case FT_NUMBER: case FT_PERCENT:
	case FT_EFFECT: case FT_BOOL: case FT_SEED: case FT_BEARER: case FT_UNIT:
	case FT_CONFIDENCE: case FT_DISCOUNT: case FT_ITEM_KIND:
		return true;
	default:
		/* References and maps (group, sector, payer, ranges) are row ids
		 * and JSON in the file: tests/store_sectors.c round-trips them. */
		return false;
	}
}

static struct value get(const struct field_desc *f, const void *base)
{
	const char *p = (const char *)base + f->offset;
	struct value v = {0};
	switch (f->type) {
	case FT_TEXT:
		v.is_text = true;
		snprintf(v.text, sizeof v.text, "%s", p);
		break;
	case FT_INT: case FT_EFFECT: v.num = *(const int *)(const void *)p; break;
	case FT_LONG: v.num = (double)*(const long *)(const void *)p; break;
	case FT_NUMBER: case FT_PERCENT: v.num = *(const double *)(const void *)p; break;
	case FT_BOOL: v.num = *(const bool *)(const void *)p; break;
	case FT_SEED: v.num = (double)*(const uint64_t *)(const void *)p; break;
	default:
		v.is_text = true;
		snprintf(v.text, sizeof v.text, "%s", enum_key(f->type, *(const int *)(const void *)p));
		break;
	}
	return v;
}

static void set(const struct field_desc *f, void *base, const struct value *v)
{
	char *p = (char *)base + f->offset;
	switch (f->type) {
	case FT_TEXT: text_set(p, f->size, v->text); break;
	case FT_INT: case FT_EFFECT: *(int *)(void *)p = (int)v->num; break;
	case FT_LONG: *(long *)(void *)p = (long)v->num; break;
	case FT_NUMBER: case FT_PERCENT: *(double *)(void *)p = v->num; break;
	case FT_BOOL: *(bool *)(void *)p = v->num != 0; break;
	case FT_SEED: *(uint64_t *)(void *)p = (uint64_t)v->num; break;
	default:
		for (int k = 0; k < enum_count(f->type); k++)
			if (strcmp(enum_key(f->type, k), v->text) == 0)
				*(int *)(void *)p = k;
		break;
	}
}

/* Another value the file accepts for the field than `cur`. */
static struct value other(const struct field_desc *f, const struct value *cur)
{
	struct value v = *cur;
	const struct field_range *r = f->vid >= 0 ? field_range((enum field_id)f->vid) : NULL;
	switch (f->type) {
	case FT_TEXT:
		snprintf(v.text, sizeof v.text, "%s", strcmp(cur->text, "endret") ? "endret" : "igjen");
		break;
	case FT_BOOL: v.num = cur->num != 0 ? 0 : 1; break;
	case FT_EFFECT: v.num = cur->num == 5 ? 6 : 5; break;
	case FT_NUMBER: case FT_PERCENT:
		cr_assert_not_null(r, "%s has no range", f->key);
		v.num = r->min + (r->max - r->min) * 0.3;
		if (v.num == cur->num)
			v.num = r->min + (r->max - r->min) * 0.4;
		break;
	case FT_INT: case FT_LONG: case FT_SEED:
		cr_assert_not_null(r, "%s has no range", f->key);
		v.num = cur->num + 1 <= r->max ? cur->num + 1 : cur->num - 1;
		break;
	default:
		for (int k = 0; k < enum_count(f->type); k++)
			if (strcmp(enum_key(f->type, k), cur->text) != 0) {
				snprintf(v.text, sizeof v.text, "%s", enum_key(f->type, k));
				break;
			}
		break;
	}
	return v;
}

static void bind_value(sqlite3_stmt *st, int i, const struct field_desc *f, const struct value *v)
{
	if (v->is_text)
		sqlite3_bind_text(st, i, v->text, -1, SQLITE_TRANSIENT);
	else if (f->type == FT_NUMBER || f->type == FT_PERCENT)
		sqlite3_bind_double(st, i, v->num);
	else
		sqlite3_bind_int64(st, i, (int64_t)v->num);
}

static void assert_value(const struct field_desc *f, const struct value *a, const struct value *b,
			 const char *what, const char *column)
{
	if (a->is_text)
		cr_assert_str_eq(a->text, b->text, "%s %s (%s)", what, column, f->key);
	else
		cr_assert(a->num == b->num, "%s %s (%s): %.17g, expected %.17g", what, column,
			  f->key, a->num, b->num);
}

static void load(struct store *s, struct workbook *wb)
{
	struct store_error err = {0};
	cr_assert_eq(rows_load(s, wb, &err), STORE_OK, "%s", err.message);
}

/* The column's value in the table's first row, as a field value. */
static struct value column_value(struct store *s, const char *table, const char *column,
				 const struct field_desc *f)
{
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT %s FROM %s ORDER BY id LIMIT 1", column, table);
	sqlite3_stmt *st = NULL;
	cr_assert_eq(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	struct value v = {0};
	if (sqlite3_column_type(st, 0) == SQLITE_TEXT) {
		v.is_text = true;
		snprintf(v.text, sizeof v.text, "%s", (const char *)sqlite3_column_text(st, 0));
	} else if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
		v.num = f->type == FT_NUMBER || f->type == FT_PERCENT
				? sqlite3_column_double(st, 0)
				: (double)sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return v;
}

/* Write the row kind's first row back through rows.c. */
static void write_row(struct store *s, struct workbook *wb, enum schema_row row)
{
	bool matched = false;
	int rc = SQLITE_MISUSE;
	char payer[STORE_PAYER_SIZE];
	struct store_error err = {0};
	switch (row) {
	case SCHEMA_WORKBOOK: rc = rows_write_params(s->db, &wb->params, false, &matched); break;
	case SCHEMA_SECTOR: rc = rows_write_sector(s, &wb->sectors[0], false, &matched, NULL); break;
	case SCHEMA_GROUP: rc = rows_write_group(s, &wb->groups[0], false, &matched, NULL); break;
	case SCHEMA_ITEM:
		rc = rows_write_item(s, wb->groups[0].row.id, 0, &wb->groups[0].items[0], false,
				     &matched, NULL);
		break;
	case SCHEMA_MEASURE:
		cr_assert_eq(rows_resolve_payer(s, &wb->measures[0], payer, &err), STORE_OK);
		rc = rows_write_measure(s, wb->measures[0].group_row.id, payer, &wb->measures[0],
					false, &matched, NULL);
		break;
	default: break;
	}
	cr_assert_eq(rc, SQLITE_OK, "%s", sqlite3_errmsg(s->db));
	cr_assert(matched);
}

Test(columns, each_column_is_read_into_and_written_from_its_field)
{
	create_sample();
	struct store *s = store_open_ok(path, 0);
	struct workbook wb;
	workbook_init(&wb);
	size_t probes = 0;
	for (int row = 0; row < SCHEMA_ROW_COUNT; row++) {
		const struct store_columns *l = &store_column_lists[row];
		for (size_t i = 0; i < l->count; i++) {
			const struct store_column *c = &l->columns[i];
			const struct field_desc *f =
				c->field ? schema_find((enum schema_row)row, c->field) : NULL;
			if (f == NULL || !probed(f))
				continue;
			/* Read: a value put into the column by hand arrives in the field. */
			load(s, &wb);
			struct value cur = get(f, row_struct(&wb, (enum schema_row)row));
			struct value a = other(f, &cur);
			char sql[200];
			snprintf(sql, sizeof sql,
				 "UPDATE %s SET %s = ? WHERE id = (SELECT min(id) FROM %s)", l->table,
				 c->column, l->table);
			sqlite3_stmt *st = NULL;
			cr_assert_eq(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
			bind_value(st, 1, f, &a);
			cr_assert_eq(sqlite3_step(st), SQLITE_DONE, "%s: %s", sql,
				     sqlite3_errmsg(s->db));
			sqlite3_finalize(st);
			load(s, &wb);
			struct value got = get(f, row_struct(&wb, (enum schema_row)row));
			assert_value(f, &got, &a, "read", c->column);
			/* Write: a value put into the field arrives in the column. */
			struct value b = other(f, &a);
			set(f, row_struct(&wb, (enum schema_row)row), &b);
			write_row(s, &wb, (enum schema_row)row);
			got = column_value(s, l->table, c->column, f);
			assert_value(f, &got, &b, "written", c->column);
			probes++;
		}
	}
	/* Most columns are plain values: the test must have seen them. */
	cr_assert_geq(probes, 40);
	workbook_free(&wb);
	store_close(s);
}
