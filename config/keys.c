/*
 * keys.c: key names to codes and back.
 *
 * Must never: call curses.
 */
#include "config.h"

#include "config/keys.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *name;
	int key;
} names[] = {
	/* The first name of each key is its canonical one. */
	{"Up", KEYC_UP},
	{"Down", KEYC_DOWN},
	{"Left", KEYC_LEFT},
	{"Right", KEYC_RIGHT},
	{"PageUp", KEYC_PAGE_UP},
	{"PgUp", KEYC_PAGE_UP},
	{"PageDown", KEYC_PAGE_DOWN},
	{"PgDn", KEYC_PAGE_DOWN},
	{"Home", KEYC_HOME},
	{"End", KEYC_END},
	{"Enter", KEYC_ENTER},
	{"Return", KEYC_ENTER},
	{"Tab", KEYC_TAB},
	{"S-Tab", KEYC_BACKTAB},
	{"BackTab", KEYC_BACKTAB},
	{"Esc", KEYC_ESC},
	{"Escape", KEYC_ESC},
	{"Backspace", KEYC_BACKSPACE},
	{"Delete", KEYC_DELETE},
	{"Del", KEYC_DELETE},
	{"Insert", KEYC_INSERT},
	{"Space", KEYC_SPACE},
	/* Characters that the INI syntax or the key list would swallow. */
	{"Comma", ','},
	{"Semicolon", ';'},
	{"Hash", '#'},
};

#define NAME_COUNT (sizeof names / sizeof names[0])

/* One UTF-8 code point filling all of s[0..n); -1 otherwise. */
static long utf8_single(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	long cp;
	size_t len;
	if (n == 0)
		return -1;
	if (u[0] < 0x80) {
		cp = u[0];
		len = 1;
	} else if ((u[0] & 0xE0) == 0xC0) {
		cp = u[0] & 0x1F;
		len = 2;
	} else if ((u[0] & 0xF0) == 0xE0) {
		cp = u[0] & 0x0F;
		len = 3;
	} else if ((u[0] & 0xF8) == 0xF0) {
		cp = u[0] & 0x07;
		len = 4;
	} else {
		return -1;
	}
	if (len != n)
		return -1;
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return -1;
		cp = (cp << 6) | (u[i] & 0x3F);
	}
	static const long min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
	if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	return cp;
}

/* A key without modifiers: a name, F1..F12, or one printable character. */
static bool parse_plain(const char *s, size_t n, int *out)
{
	for (size_t i = 0; i < NAME_COUNT; i++)
		if (strlen(names[i].name) == n && strncasecmp(s, names[i].name, n) == 0) {
			*out = names[i].key;
			return true;
		}
	if (n >= 2 && n <= 3 && (s[0] == 'F' || s[0] == 'f')) {
		int f = 0;
		size_t i;
		for (i = 1; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			f = f * 10 + (s[i] - '0');
		if (i == n && f >= 1 && f <= 12) {
			*out = KEYC_F(f);
			return true;
		}
	}
	long cp = utf8_single(s, n);
	if (cp < 0x21 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
		return false;
	*out = (int)cp;
	return true;
}

/* Control characters that terminals send for named keys. */
static int normalise_control(int c)
{
	switch (c) {
	case 8:
		return KEYC_BACKSPACE;
	case 10:
		return KEYC_ENTER;
	default:
		return c;
	}
}

static bool parse_ctrl(const char *s, size_t n, int *out)
{
	if (n == 5 && strncasecmp(s, "Space", 5) == 0) {
		*out = 0;
		return true;
	}
	if (n != 1)
		return false;
	char c = s[0];
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	if (c == '/') /* what terminals send for C-/ */
		c = '_';
	if ((c >= 'A' && c <= 'Z') || c == '@' || c == '[' || c == '\\' || c == ']' ||
	    c == '^' || c == '_') {
		*out = normalise_control(KEYC_CTRL(c));
		return true;
	}
	return false;
}

bool key_parse(const char *text, int *out)
{
	while (*text == ' ' || *text == '\t')
		text++;
	size_t n = strlen(text);
	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		n--;
	int meta = 0;
	bool ctrl = false;
	/* Prefixes in either order: "M-C-x" and "C-M-x" are the same key. */
	while (n > 2 && text[1] == '-') {
		if ((text[0] == 'M' || text[0] == 'm') && !meta)
			meta = KEYC_META;
		else if ((text[0] == 'C' || text[0] == 'c') && !ctrl)
			ctrl = true;
		else
			break;
		text += 2;
		n -= 2;
	}
	int k;
	if (ctrl ? !parse_ctrl(text, n, &k) : !parse_plain(text, n, &k))
		return false;
	*out = k | meta;
	return true;
}

void key_format(int key, char *buf, size_t size)
{
	const char *meta = "";
	if (key >= 0 && (key & KEYC_META)) {
		meta = "M-";
		key &= ~KEYC_META;
	}
	for (size_t i = 0; i < NAME_COUNT; i++)
		if (names[i].key == key) {
			snprintf(buf, size, "%s%s", meta, names[i].name);
			return;
		}
	if (key >= KEYC_F(1) && key <= KEYC_F(12)) {
		snprintf(buf, size, "%sF%d", meta, key - KEYC_BASE);
	} else if (key == 0) {
		snprintf(buf, size, "%sC-Space", meta);
	} else if (key > 0 && key < 32) {
		int c = key + '@';
		if (c >= 'A' && c <= 'Z')
			c = c - 'A' + 'a';
		snprintf(buf, size, "%sC-%c", meta, c);
	} else if (key > 32 && key < 0x80) {
		snprintf(buf, size, "%s%c", meta, key);
	} else if (key >= 0xA0 && key < KEYC_BASE) {
		char u[5];
		size_t len;
		if (key < 0x800) {
			u[0] = (char)(0xC0 | (key >> 6));
			u[1] = (char)(0x80 | (key & 0x3F));
			len = 2;
		} else if (key < 0x10000) {
			u[0] = (char)(0xE0 | (key >> 12));
			u[1] = (char)(0x80 | ((key >> 6) & 0x3F));
			u[2] = (char)(0x80 | (key & 0x3F));
			len = 3;
		} else {
			u[0] = (char)(0xF0 | (key >> 18));
			u[1] = (char)(0x80 | ((key >> 12) & 0x3F));
			u[2] = (char)(0x80 | ((key >> 6) & 0x3F));
			u[3] = (char)(0x80 | (key & 0x3F));
			len = 4;
		}
		u[len] = '\0';
		snprintf(buf, size, "%s%s", meta, u);
	} else {
		snprintf(buf, size, "?");
	}
}
