/*
 * text.c: UTF-8 width and cursor arithmetic (see text.h).
 *
 * Must never: call ncurses or allocate.
 */
#include "config.h"

#include "session/text.h"

#include <string.h>
#include <wchar.h>
#include <wctype.h>

size_t text_char(const char *s, size_t len, int *width)
{
	mbstate_t st;
	wchar_t wc;
	memset(&st, 0, sizeof st);
	size_t n = mbrtowc(&wc, s, len, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		/* Undecodable: one byte, one column, drawn as a placeholder. */
		*width = 1;
		return 1;
	}
	int w = wcwidth(wc);
	*width = w < 0 ? 1 : w;
	return n;
}

int text_width_n(const char *s, size_t len)
{
	int total = 0;
	size_t i = 0;
	while (i < len) {
		int w;
		i += text_char(s + i, len - i, &w);
		total += w;
	}
	return total;
}

int text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

size_t text_fit(const char *s, int max_width, int *used)
{
	size_t len = strlen(s), i = 0;
	int total = 0;
	while (i < len) {
		int w;
		size_t n = text_char(s + i, len - i, &w);
		if (total + w > max_width)
			break;
		total += w;
		i += n;
	}
	if (used != NULL)
		*used = total;
	return i;
}

int text_truncate(char *dst, size_t size, const char *s, int max_width, bool ascii)
{
	if (size == 0)
		return 0;
	if (max_width < 0)
		max_width = 0;
	int used;
	size_t n = text_fit(s, max_width, &used);
	if (s[n] != '\0' && max_width >= 1) {
		/* Cut: leave one column for the ellipsis. */
		n = text_fit(s, max_width - 1, &used);
		const char *ell = ascii ? "~" : "\xe2\x80\xa6";
		size_t el = strlen(ell);
		if (n + el >= size)
			n = size > el + 1 ? size - el - 1 : 0;
		memcpy(dst, s, n);
		memcpy(dst + n, ell, el);
		dst[n + el] = '\0';
		return text_width(dst);
	}
	if (n >= size)
		n = size - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
	return text_width(dst);
}

size_t text_next(const char *s, size_t len, size_t pos)
{
	if (pos >= len)
		return len;
	int w;
	pos += text_char(s + pos, len - pos, &w);
	/* Combining marks after the base move with it. */
	while (pos < len) {
		size_t n = text_char(s + pos, len - pos, &w);
		if (w != 0)
			break;
		pos += n;
	}
	return pos;
}

size_t text_prev(const char *s, size_t len, size_t pos)
{
	if (pos > len)
		pos = len;
	/* Walk from the start: UTF-8 could be scanned backwards, but invalid
	 * bytes and combining marks make forward decoding the only way that
	 * agrees exactly with text_next(). */
	size_t prev = 0, i = 0;
	while (i < pos) {
		prev = i;
		i = text_next(s, len, i);
	}
	return prev;
}

/* Decode one character for comparison; invalid bytes compare as themselves. */
static size_t fold_char(const char *s, size_t len, wint_t *out)
{
	mbstate_t st;
	wchar_t wc;
	memset(&st, 0, sizeof st);
	size_t n = mbrtowc(&wc, s, len, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*out = (wint_t)(0x110000u + (unsigned char)s[0]);
		return 1;
	}
	*out = towlower((wint_t)wc);
	return n;
}

bool text_contains_fold(const char *haystack, const char *needle)
{
	size_t hl = strlen(haystack), nl = strlen(needle);
	if (nl == 0)
		return true;
	for (size_t start = 0; start < hl;) {
		size_t h = start, n = 0;
		while (n < nl && h < hl) {
			wint_t a, b;
			size_t ha = fold_char(haystack + h, hl - h, &a);
			size_t nb = fold_char(needle + n, nl - n, &b);
			if (a != b)
				break;
			h += ha;
			n += nb;
		}
		if (n >= nl)
			return true;
		wint_t skip;
		start += fold_char(haystack + start, hl - start, &skip);
	}
	return false;
}

/* Decode UTF-8 by hand: under the C locale mbrtowc() cannot. */
static size_t utf8_decode(const unsigned char *s, unsigned *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t n = (s[0] & 0xe0) == 0xc0 ? 2 : (s[0] & 0xf0) == 0xe0 ? 3 : (s[0] & 0xf8) == 0xf0 ? 4 : 0;
	if (n == 0) {
		*cp = 0xfffd;
		return 1;
	}
	unsigned v = s[0] & (0x7f >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = 0xfffd;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3f);
	}
	*cp = v;
	return n;
}

void text_ascii(char *dst, size_t size, const char *s)
{
	static const struct {
		unsigned cp;
		const char *ascii;
	} map[] = {
		{0xe6, "ae"}, {0xc6, "AE"}, {0xf8, "o"}, {0xd8, "O"}, {0xe5, "a"}, {0xc5, "A"},
		{0xe9, "e"}, {0xc9, "E"}, {0xab, "\""}, {0xbb, "\""}, {0x2013, "-"},
		{0x2014, "-"}, {0x2212, "-"}, {0xa0, " "}, {0x202f, " "}, {0x2026, "..."},
		{0x2191, "^"}, {0x2193, "v"}, {0x2190, "<"}, {0x2192, ">"}, {0xb7, "-"},
	};
	size_t o = 0;
	if (size == 0)
		return;
	const unsigned char *p = (const unsigned char *)s;
	while (*p != '\0') {
		unsigned cp;
		p += utf8_decode(p, &cp);
		const char *rep = "?";
		char one[2] = {0, 0};
		if (cp < 0x80) {
			one[0] = (char)cp;
			rep = one;
		} else {
			for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
				if (map[i].cp == cp)
					rep = map[i].ascii;
		}
		size_t n = strlen(rep);
		if (o + n >= size)
			break;
		memcpy(dst + o, rep, n);
		o += n;
	}
	dst[o] = '\0';
}

void text_cut_bytes(char *s, size_t max_bytes)
{
	size_t len = strlen(s), n = 0;
	while (n < len) {
		size_t next = text_next(s, len, n);
		if (next > max_bytes)
			break;
		n = next;
	}
	s[n] = '\0';
}
