/*
 * escape.c: control characters in quoted input shown as text (escape.h).
 *
 * Must never: allocate, do I/O.
 */
#include "engine/escape.h"

#include <stdio.h>
#include <string.h>

size_t text_utf8_length(const unsigned char *p, size_t avail)
{
	if (avail == 0)
		return 0;
	unsigned char c = p[0];
	size_t n;
	unsigned min;
	unsigned cp;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2, min = 0x80, cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3, min = 0x800, cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4, min = 0x10000, cp = c & 0x07;
	} else {
		return 0;
	}
	if (avail < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	/* Overlong forms, surrogates and past U+10FFFF are not UTF-8. */
	if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

/* The escape for the character at p (length *len, 1 for a bad byte) into
 * esc, or "" when it is shown as it is. */
static void escape_of(const unsigned char *p, size_t avail, size_t *len, char esc[8])
{
	esc[0] = '\0';
	size_t n = text_utf8_length(p, avail);
	if (n == 0) {
		*len = 1;
		snprintf(esc, 8, "\\x%02x", p[0]);
	} else if (n == 1 && (p[0] < 0x20 || p[0] == 0x7f)) {
		*len = 1;
		snprintf(esc, 8, "\\x%02x", p[0]);
	} else if (n == 2 && p[0] == 0xc2 && p[1] <= 0x9f) {
		*len = 2;
		snprintf(esc, 8, "\\u%04x", p[1]);
	} else {
		*len = n;
	}
}

size_t text_escape(char *out, size_t size, const char *in)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t avail = strlen(in), used = 0, done = 0;
	if (size == 0)
		return 0;
	while (done < avail) {
		size_t len;
		char esc[8];
		escape_of(p + done, avail - done, &len, esc);
		const char *piece = esc[0] ? esc : (const char *)p + done;
		size_t plen = esc[0] ? strlen(esc) : len;
		if (used + plen >= size)
			break;
		memcpy(out + used, piece, plen);
		used += plen;
		done += len;
	}
	out[used] = '\0';
	return done;
}

void text_escape_inplace(char *s, size_t size)
{
	if (!text_needs_escape(s))
		return;
	char tmp[TEXT_ESCAPE_MAX];
	snprintf(tmp, sizeof tmp, "%s", s);
	text_escape(s, size, tmp);
}

bool text_needs_escape(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t avail = strlen(s);
	for (size_t i = 0; i < avail;) {
		size_t len;
		char esc[8];
		escape_of(p + i, avail - i, &len, esc);
		if (esc[0])
			return true;
		i += len;
	}
	return false;
}
