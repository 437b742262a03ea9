/*
 * column.c: reading one column of a result row with its SQLite type and
 * its range checked (see struct col_reader in internal.h).
 *
 * SQLite's column accessors convert silently: sqlite3_column_int() of
 * 4294967297 is 1, of 2.5 is 2, of 'abc' is 0, and text is handed over
 * whatever its bytes.  A workbook file can be edited by hand (or with the
 * CHECK constraints switched off), so every value is checked here before
 * it reaches an engine struct, and a bad one refuses the row with a
 * message naming the table, the row and the column.
 *
 * Must never: convert a value to another number, pass on invalid UTF-8,
 * print.
 */
#include "i18n/i18n.h"
#include "store/internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "engine/validate.h"

bool store_utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		size_t len;
		unsigned min;
		unsigned cp;
		if (c < 0x80) {
			if (c == 0)
				return false; /* a NUL inside would cut the text short */
			i++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			len = 2, min = 0x80, cp = c & 0x1f;
		} else if ((c & 0xf0) == 0xe0) {
			len = 3, min = 0x800, cp = c & 0x0f;
		} else if ((c & 0xf8) == 0xf0) {
			len = 4, min = 0x10000, cp = c & 0x07;
		} else {
			return false;
		}
		if (i + len > n)
			return false;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		/* Overlong forms, UTF-16 surrogates and past U+10FFFF are not UTF-8. */
		if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return false;
		i += len;
	}
	return true;
}

void col_begin(struct col_reader *r, struct store *s, sqlite3_stmt *st, const char *table,
	       struct store_error *err)
{
	r->s = s;
	r->st = st;
	r->table = table;
	r->row = sqlite3_column_type(st, 0) == SQLITE_INTEGER ? sqlite3_column_int64(st, 0) : 0;
	r->owner_what = r->owner_name = NULL;
	r->err = err;
	r->status = STORE_OK;
}

void col_owner(struct col_reader *r, const char *what, const char *name)
{
	r->owner_what = what;
	r->owner_name = name;
}

/* The value found, for the message: never raw bytes that are not UTF-8. */
static void describe(sqlite3_stmt *st, int i, char *buf, size_t size)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_INTEGER:
		snprintf(buf, size, "%lld", (long long)sqlite3_column_int64(st, i));
		break;
	case SQLITE_FLOAT:
		snprintf(buf, size, "%.17g", sqlite3_column_double(st, i));
		break;
	case SQLITE_NULL:
		snprintf(buf, size, "%s", _("ingen verdi (NULL)"));
		break;
	case SQLITE_TEXT: {
		const unsigned char *t = sqlite3_column_text(st, i);
		size_t n = (size_t)sqlite3_column_bytes(st, i);
		if (t == NULL || !store_utf8_valid(t, n)) {
			snprintf(buf, size, "%s", _("tekst som ikke er gyldig UTF-8"));
			break;
		}
		/* Quote at most 40 bytes, cut at a character boundary. */
		size_t cut = n < 40 ? n : 40;
		while (cut > 0 && cut < n && (t[cut] & 0xc0) == 0x80)
			cut--;
		snprintf(buf, size, "«%.*s%s»", (int)cut, (const char *)t, cut < n ? "…" : "");
		break;
	}
	default:
		snprintf(buf, size, _("binærdata (%d byte)"), sqlite3_column_bytes(st, i));
		break;
	}
}

bool col_fail(struct col_reader *r, int i, const char *column, const char *fmt, ...)
{
	if (r->status != STORE_OK)
		return false;
	char expected[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(expected, sizeof expected, fmt, ap);
	va_end(ap);
	char found[120];
	describe(r->st, i, found, sizeof found);
	char where[TEXT_NAME_SIZE + 160];
	if (r->owner_what != NULL) {
		char owner[TEXT_NAME_SIZE + 48];
		snprintf(owner, sizeof owner, "%s «%s» ", r->owner_what, r->owner_name);
		snprintf(where, sizeof where, _("%s(tabellen %s, rad %lld), kolonnen %s"), owner,
			 r->table, (long long)r->row, column);
	}
	else
		snprintf(where, sizeof where, _("tabellen %s, rad %lld, kolonnen %s"), r->table,
			 (long long)r->row, column);
	r->status = store_fail(r->err, STORE_INVALID, r->s->path,
			       _("%s: ventet %s, fant %s; rett raden eller importer arbeidsboken på "
			       "nytt"),
			       where, expected, found);
	return false;
}

bool col_int(struct col_reader *r, int i, const char *column, int64_t min, int64_t max,
	     int64_t *out)
{
	if (r->status != STORE_OK)
		return false;
	int64_t v = sqlite3_column_int64(r->st, i);
	if (sqlite3_column_type(r->st, i) != SQLITE_INTEGER || v < min || v > max)
		return col_fail(r, i, column, _("et heltall fra %lld til %lld"), (long long)min,
				(long long)max);
	*out = v;
	return true;
}

bool col_int_or_null(struct col_reader *r, int i, const char *column, int64_t min, int64_t max,
		     int64_t null_value, int64_t *out)
{
	if (r->status == STORE_OK && sqlite3_column_type(r->st, i) == SQLITE_NULL) {
		*out = null_value;
		return true;
	}
	if (r->status != STORE_OK)
		return false;
	int64_t v = sqlite3_column_int64(r->st, i);
	if (sqlite3_column_type(r->st, i) != SQLITE_INTEGER || v < min || v > max)
		return col_fail(r, i, column, _("ingen verdi eller et heltall fra %lld til %lld"),
				(long long)min, (long long)max);
	*out = v;
	return true;
}

bool col_real(struct col_reader *r, int i, const char *column, double min, double max,
	      double *out)
{
	if (r->status != STORE_OK)
		return false;
	int type = sqlite3_column_type(r->st, i);
	double v = sqlite3_column_double(r->st, i);
	/* An INTEGER is a number too (a REAL column keeps 3 as 3.0, but a
	 * hand edit through another program may store it as an integer). */
	if ((type != SQLITE_FLOAT && type != SQLITE_INTEGER) || !isfinite(v) || v < min ||
	    v > max)
		return col_fail(r, i, column, _("et tall fra %.10g til %.10g"), min, max);
	*out = v;
	return true;
}

/* The statement's own name for column i: a range's key is the last part
 * of the field's path ("rate"), the file's column may say more
 * ("discount_rate", "plan_start_year", "spread_a"). */
static const char *column_name(const struct col_reader *r, int i, const struct field_range *f)
{
	const char *name = sqlite3_column_name(r->st, i);
	return name != NULL ? name : f->key;
}

bool col_field(struct col_reader *r, int i, enum field_id id, double *out)
{
	const struct field_range *f = field_range(id);
	if (f->kind != FIELD_INTEGER)
		return col_real(r, i, column_name(r, i, f), f->min, f->max, out);
	int64_t v = 0;
	if (!col_int(r, i, column_name(r, i, f), (int64_t)f->min, (int64_t)f->max, &v))
		return false;
	*out = (double)v;
	return true;
}

bool col_field_int(struct col_reader *r, int i, enum field_id id, int *out)
{
	const struct field_range *f = field_range(id);
	int64_t v = 0;
	if (!col_int(r, i, column_name(r, i, f), (int64_t)f->min, (int64_t)f->max, &v))
		return false;
	*out = (int)v;
	return true;
}

const char *col_text_raw(struct col_reader *r, int i, const char *column, size_t size)
{
	if (r->status != STORE_OK)
		return NULL;
	const unsigned char *t = sqlite3_column_text(r->st, i);
	size_t n = (size_t)sqlite3_column_bytes(r->st, i);
	if (sqlite3_column_type(r->st, i) != SQLITE_TEXT || t == NULL || !store_utf8_valid(t, n) ||
	    n >= size) {
		col_fail(r, i, column, _("gyldig UTF-8-tekst på høyst %zu byte"), size - 1);
		return NULL;
	}
	return (const char *)t;
}

bool col_text(struct col_reader *r, int i, const char *column, char *dst, size_t size)
{
	const char *t = col_text_raw(r, i, column, size);
	return t != NULL && text_set(dst, size, t);
}
