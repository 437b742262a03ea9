/*
 * keys.c: curses key codes → config/keys.h codes (see keys.h).
 *
 * Must never: call ncurses functions or allocate.
 */
#include "config.h"

#include "tui/curses.h"
#include "tui/keys.h"

#include <stdio.h>

int tui_keycode(bool is_code, int key)
{
	if (!is_code) {
		if (key == '\n' || key == '\r')
			return KEYC_ENTER;
		if (key == 8)
			return KEYC_BACKSPACE;
		return key >= 0 ? key : KEYC_NONE;
	}
	static const struct {
		int curses, code;
	} map[] = {
		{KEY_UP, KEYC_UP},         {KEY_DOWN, KEYC_DOWN},       {KEY_LEFT, KEYC_LEFT},
		{KEY_RIGHT, KEYC_RIGHT},   {KEY_PPAGE, KEYC_PAGE_UP},   {KEY_NPAGE, KEYC_PAGE_DOWN},
		{KEY_HOME, KEYC_HOME},     {KEY_END, KEYC_END},         {KEY_BTAB, KEYC_BACKTAB},
		{KEY_DC, KEYC_DELETE},     {KEY_IC, KEYC_INSERT},       {KEY_ENTER, KEYC_ENTER},
		{KEY_BACKSPACE, KEYC_BACKSPACE}, {KEY_RESIZE, KEYC_RESIZE},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].curses == key)
			return map[i].code;
	if (key >= KEY_F(1) && key <= KEY_F(12))
		return KEYC_F(key - KEY_F(0));
	return KEYC_NONE;
}

void tui_keys_for(const struct keymap *map, enum action action, char *buf, size_t size)
{
	if (keymap_describe(map, action, 0, buf, size) < 0 && size > 0)
		buf[0] = '\0';
}
