/*
 * keys.h: key codes of our own, so that key bindings can be read, written
 * and tested without curses.  The TUI maps curses' codes onto these.
 *
 * The code space:
 *   0x20..0x10FFFF   a character, as its Unicode code point (' ' = Space)
 *   1..31, 127       control characters as terminals send them: C-a = 1 …
 *                    C-z = 26; Tab = C-i = 9, Enter = C-m = 13 (the TUI
 *                    maps '\n' and KEY_ENTER to 13 too), Esc = C-[ = 27,
 *                    Backspace = C-h = 127 (the TUI maps 8 and
 *                    KEY_BACKSPACE to 127).  0 is C-Space (C-@).
 *   KEYC_BASE + n    keys without a character: F1..F12, arrows, ...
 *   KEYC_META | k    Alt/Meta held with key k (terminals send Esc, then k)
 *
 * Pairs a terminal cannot tell apart are one code here (Tab/C-i,
 * Enter/C-m, Esc/C-[, Backspace/C-h), so binding both to different
 * actions is reported as a conflict instead of silently not working.
 *
 * Must never: call curses.
 */
#ifndef UTENFOR_CONFIG_KEYS_H
#define UTENFOR_CONFIG_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#define KEYC_NONE (-1)
#define KEYC_CTRL(c) ((c) & 0x1f)
#define KEYC_TAB 9
#define KEYC_ENTER 13
#define KEYC_ESC 27
#define KEYC_SPACE 32
#define KEYC_BACKSPACE 127

#define KEYC_BASE 0x110000
#define KEYC_F(n) (KEYC_BASE + (n)) /* F1..F12 */
enum {
	KEYC_UP = KEYC_BASE + 0x40,
	KEYC_DOWN,
	KEYC_LEFT,
	KEYC_RIGHT,
	KEYC_PAGE_UP,
	KEYC_PAGE_DOWN,
	KEYC_HOME,
	KEYC_END,
	KEYC_BACKTAB, /* Shift-Tab */
	KEYC_DELETE,
	KEYC_INSERT,
	KEYC_RESIZE /* not bindable: the TUI's resize event, for completeness */
};
#define KEYC_META 0x1000000

/* Longest text key_format() writes, NUL included ("M-PageDown"). */
#define KEY_NAME_SIZE 16

/*
 * Read one key: a single character ("q", "G", "/", "æ"), a name (Up, Down,
 * Left, Right, PageUp/PgUp, PageDown/PgDn, Home, End, Enter/Return, Tab,
 * S-Tab/BackTab, Esc/Escape, Backspace, Delete/Del, Insert, Space, Comma,
 * Semicolon, Hash; names are case-insensitive), F1..F12, or C-x / M-x
 * prefixes ("C-r", "M-x", "M-C-x"; C- takes a letter, Space or one of
 * @ [ \ ] ^ _ /).  Surrounding blanks are ignored.  False when `text` is
 * none of these.
 */
bool key_parse(const char *text, int *out);

/* The canonical name key_parse() reads back ("C-r", "PageUp", "Comma"). */
void key_format(int key, char *buf, size_t size);

#endif
