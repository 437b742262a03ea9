/*
 * buf.c: the growable text buffer of the report writers.
 *
 * Must never: print or exit().
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/buf.h"

void buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->failed = false;
}

void buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

bool buf_failed(const struct buf *b)
{
	return b->failed;
}

/* Room for `extra` more bytes plus the NUL. */
static bool buf_reserve(struct buf *b, size_t extra)
{
	if (b->failed)
		return false;
	if (b->len + extra + 1 <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->len + extra + 1) {
		if (cap > (size_t)-1 / 2) {
			b->failed = true;
			return false;
		}
		cap *= 2;
	}
	char *p = realloc(b->data, cap);
	if (p == NULL) {
		b->failed = true;
		return false;
	}
	b->data = p;
	b->cap = cap;
	return true;
}

void buf_putn(struct buf *b, const char *s, size_t n)
{
	if (!buf_reserve(b, n))
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_put(struct buf *b, const char *s)
{
	buf_putn(b, s, strlen(s));
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char small[256];
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = true;
		return;
	}
	if ((size_t)n < sizeof small) {
		buf_putn(b, small, (size_t)n);
		return;
	}
	if (!buf_reserve(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void buf_put_html(struct buf *b, const char *s)
{
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case '&': buf_put(b, "&amp;"); break;
		case '<': buf_put(b, "&lt;"); break;
		case '>': buf_put(b, "&gt;"); break;
		case '"': buf_put(b, "&quot;"); break;
		case '\'': buf_put(b, "&#39;"); break;
		default: buf_putn(b, p, 1); break;
		}
	}
}

void buf_put_md(struct buf *b, const char *s)
{
	for (const char *p = s; *p; p++) {
		if (*p == '\n' || *p == '\r' || *p == '\t') {
			buf_putn(b, " ", 1);
			continue;
		}
		if (strchr("\\`*_[]<>|#!~&", *p) != NULL)
			buf_putn(b, "\\", 1);
		buf_putn(b, p, 1);
	}
}
