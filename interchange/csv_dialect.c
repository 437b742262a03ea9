/*
 * csv_dialect.c: plain CSV → another dialect (csv_dialect.h).
 *
 * Why rewrite text rather than give csv.c a separator argument: the
 * dialect is a spelling, not a table, and keeping it apart means a column
 * added to csv.c is spelled right in every dialect without touching this
 * file.  Why a number is recognised by its characters (sign, digits, one
 * '.', exponent) and not by strtod(): strtod would also accept "inf",
 * "0x1p3" and locale-dependent forms, none of which csv.c writes.
 *
 * Must never: change a quoted (text) field's characters, read the locale.
 */
#include "interchange/csv_dialect.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buf {
	char *p;
	size_t len, cap;
	bool nomem;
};

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->nomem)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (b->len + n + 1 > cap)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (p == NULL) {
			b->nomem = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* Is s[0..n) a decimal number as printf("%.17g") writes it? */
static bool is_number(const char *s, size_t n)
{
	size_t i = 0;
	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	size_t digits = 0, dots = 0;
	for (; i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'); i++) {
		if (s[i] == '.')
			dots++;
		else
			digits++;
	}
	if (digits == 0 || dots > 1)
		return false;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '-' || s[i] == '+'))
			i++;
		size_t exp = 0;
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			exp++;
		if (exp == 0)
			return false;
	}
	return i == n;
}

/* One field in the target dialect; `quoted` = it was text in the source. */
static void put_field(struct buf *b, const char *s, size_t n, bool quoted,
		      enum csv_dialect dialect)
{
	char sep = dialect == CSV_EXCEL_NO ? ';' : ',';
	if (!quoted && dialect == CSV_EXCEL_NO && is_number(s, n)) {
		/* 15 significant digits, what a spreadsheet keeps: 91305.900000000009
		 * (17 digits, exact for a program) shows as 91305,9.  strtod and
		 * printf run in the C locale: this program never sets LC_NUMERIC. */
		char num[64], digits[48];
		if (n >= sizeof num) { /* longer than any double: only swap the mark */
			for (size_t i = 0; i < n; i++)
				put(b, s[i] == '.' ? "," : s + i, 1);
			return;
		}
		memcpy(num, s, n);
		num[n] = '\0';
		int len = snprintf(digits, sizeof digits, "%.15g", strtod(num, NULL));
		for (int i = 0; i < len && (size_t)len < sizeof digits; i++)
			put(b, digits[i] == '.' ? "," : digits + i, 1);
		return;
	}
	bool quote = quoted && n == 0;
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == sep || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
	/* A text that would read as a number in the target must stay text. */
	if (!quote && quoted && n > 0 && (is_number(s, n) || memchr(s, ',', n) != NULL ||
					  dialect == CSV_PLAIN))
		quote = true;
	if (!quote) {
		put(b, s, n);
		return;
	}
	put(b, "\"", 1);
	for (size_t i = 0; i < n; i++)
		put(b, s[i] == '"' ? "\"\"" : s + i, s[i] == '"' ? 2 : 1);
	put(b, "\"", 1);
}

char *csv_to_dialect(const char *plain, size_t len, enum csv_dialect dialect, size_t *out_len)
{
	struct buf b = {0};
	char sep = dialect == CSV_EXCEL_NO ? ';' : ',';
	const char *eol = dialect == CSV_EXCEL_NO ? "\r\n" : "\n";
	if (dialect == CSV_EXCEL_NO)
		put(&b, "\xEF\xBB\xBF", 3);
	/* A field's text is collected unescaped in `field`. */
	struct buf field = {0};
	size_t i = 0;
	bool ok = true;
	while (i < len && ok) {
		field.len = 0;
		bool quoted = false;
		if (plain[i] == '"') {
			quoted = true;
			i++;
			for (;;) {
				if (i >= len) {
					ok = false; /* unclosed quote */
					break;
				}
				if (plain[i] == '"' && i + 1 < len && plain[i + 1] == '"') {
					put(&field, "\"", 1);
					i += 2;
				} else if (plain[i] == '"') {
					i++;
					break;
				} else {
					put(&field, plain + i, 1);
					i++;
				}
			}
		} else {
			size_t start = i;
			while (i < len && plain[i] != ',' && plain[i] != '\n' && plain[i] != '\r')
				i++;
			put(&field, plain + start, i - start);
		}
		if (!ok)
			break;
		put_field(&b, field.p ? field.p : "", field.len, quoted, dialect);
		if (i < len && plain[i] == ',') {
			put(&b, &sep, 1);
			i++;
			if (i == len) /* "a," ends in an empty last field */
				put_field(&b, "", 0, false, dialect);
		} else if (i < len && (plain[i] == '\n' || plain[i] == '\r')) {
			if (plain[i] == '\r' && i + 1 < len && plain[i + 1] == '\n')
				i++;
			i++;
			put(&b, eol, strlen(eol));
		} else if (i < len) {
			ok = false; /* text after a closing quote */
		}
	}
	free(field.p);
	if (!ok || b.nomem || field.nomem) {
		free(b.p);
		return NULL;
	}
	if (b.p == NULL)
		put(&b, "", 0);
	if (b.nomem)
		return NULL;
	*out_len = b.len;
	return b.p;
}
