/*
 * buf.h: a growable text buffer that report writers append to.
 *
 * Out of memory is sticky: after the first failed growth every append is a
 * no-op and buf_failed() says so, so a writer can append freely and check
 * once at the end instead of after every line.
 *
 * Must never: print or exit().
 */
#ifndef UTENFOR_REPORT_BUF_H
#define UTENFOR_REPORT_BUF_H

#include <stdbool.h>
#include <stddef.h>

struct buf {
	char *data; /* NUL-terminated when len > 0; owned, freed by buf_free() */
	size_t len;
	size_t cap;
	bool failed;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
bool buf_failed(const struct buf *b);

void buf_put(struct buf *b, const char *s);
void buf_putn(struct buf *b, const char *s, size_t n);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* User text into HTML: & < > " ' become entities. */
void buf_put_html(struct buf *b, const char *s);
/* User text into a Markdown table cell or paragraph: characters with
 * Markdown meaning (and '&', which could start an entity) are
 * backslash-escaped, and newlines become spaces so a table row stays one
 * line. */
void buf_put_md(struct buf *b, const char *s);

#endif
