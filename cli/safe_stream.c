/*
 * safe_stream.c: the escaping stream of safe_stream.h, a fopencookie()
 * stream over a file descriptor.  A UTF-8 sequence split between two
 * writes is held back until its end arrives (or escaped at close).
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "cli/safe_stream.h"
#include "engine/escape.h"

struct safe_cookie {
	bool used;
	int fd;
	unsigned char carry[4]; /* the start of a split UTF-8 sequence */
	size_t ncarry;
};

static int put(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Could p[0..n) be the start of a longer valid UTF-8 sequence? */
static int utf8_prefix(const unsigned char *p, size_t n)
{
	if (n == 0 || n > 3 || p[0] < 0xc2 || p[0] > 0xf4)
		return 0;
	size_t need = p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : 2;
	if (n >= need)
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	return 1;
}

/* Write `n` bytes of `p` escaped; with `final`, an incomplete sequence at
 * the end is escaped rather than carried. */
static int emit(struct safe_cookie *c, const unsigned char *p, size_t n, int final)
{
	char out[512];
	size_t used = 0;
	size_t i = 0;
	while (i < n) {
		if (!final && utf8_prefix(p + i, n - i)) {
			memcpy(c->carry, p + i, n - i);
			c->ncarry = n - i;
			break;
		}
		size_t len = text_utf8_length(p + i, n - i);
		char esc[16];
		const char *piece;
		size_t plen;
		if (p[i] == '\n' || p[i] == '\t') {
			piece = (const char *)p + i, plen = 1, len = 1;
		} else if (len == 0) {
			len = 1;
			char one[2] = {(char)p[i], '\0'};
			text_escape(esc, sizeof esc, one);
			piece = esc, plen = strlen(esc);
		} else {
			char one[5];
			memcpy(one, p + i, len);
			one[len] = '\0';
			text_escape(esc, sizeof esc, one);
			piece = esc, plen = strlen(esc);
		}
		if (used + plen > sizeof out) {
			if (put(c->fd, out, used) != 0)
				return -1;
			used = 0;
		}
		memcpy(out + used, piece, plen);
		used += plen;
		i += len;
	}
	return put(c->fd, out, used);
}

static ssize_t safe_write(void *cookie, const char *buf, size_t size)
{
	struct safe_cookie *c = cookie;
	const unsigned char *p = (const unsigned char *)buf;
	size_t start = 0;
	if (c->ncarry > 0) {
		/* Complete the held sequence with the bytes it needs. */
		unsigned char joined[8];
		size_t n = c->ncarry;
		memcpy(joined, c->carry, n);
		while (start < size && n < 4 && utf8_prefix(joined, n)) {
			joined[n++] = p[start++];
		}
		c->ncarry = 0;
		if (emit(c, joined, n, 0) != 0)
			return -1;
	}
	if (emit(c, p + start, size - start, 0) != 0)
		return -1;
	return (ssize_t)size;
}

static int safe_close(void *cookie)
{
	struct safe_cookie *c = cookie;
	int rc = c->ncarry > 0 ? emit(c, c->carry, c->ncarry, 1) : 0;
	c->fd = -1;
	return rc;
}

/* Static: the streams live until exit (stderr, stdout), and a leak
 * checker cannot follow glibc's pointer to a heap cookie. */
static struct safe_cookie cookies[4];

FILE *safe_stream_open(int fd)
{
	struct safe_cookie *c = NULL;
	for (size_t i = 0; i < sizeof cookies / sizeof cookies[0] && c == NULL; i++)
		if (!cookies[i].used)
			c = &cookies[i];
	if (c == NULL)
		return NULL;
	memset(c, 0, sizeof *c);
	c->used = true;
	c->fd = fd;
	cookie_io_functions_t io = {.read = NULL, .write = safe_write, .seek = NULL,
				    .close = safe_close};
	FILE *f = fopencookie(c, "w", io);
	if (f == NULL) {
		c->used = false;
		return NULL;
	}
	setvbuf(f, NULL, _IOLBF, BUFSIZ);
	return f;
}
