/*
 * keys.h: curses key codes → the project's own key codes (config/keys.h),
 * so that the key map (config/keymap.h: a preset plus the user's [keys])
 * decides what a key does.  The TUI never compares a key with a letter to
 * choose an action; it looks the action up.
 *
 * Key codes are curses codes (KEY_UP, …) and wide characters; this file
 * uses only the constants, never a curses function, so tests can link it.
 *
 * Must never: call ncurses functions or allocate.
 */
#ifndef UTENFOR_TUI_KEYS_H
#define UTENFOR_TUI_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "config/keymap.h"

/* Control characters the line editor handles itself (not bindable there). */
#define KEY_CTRL(c) ((c) & 0x1f)
#define KEY_ESCAPE 27
/* Key codes screen.c defines for the bracketed-paste markers. */
#define KEY_PASTE_BEGIN (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)

/*
 * The config/keys.h code of what get_wch() returned: `is_code` when it was
 * KEY_CODE_YES (a function key), else `key` is a character.  '\n' and
 * KEY_ENTER become Enter (13), 8 and KEY_BACKSPACE become Backspace (127).
 * KEYC_NONE for keys that have no code (mouse events).
 */
int tui_keycode(bool is_code, int key);

/* The keys bound to `action` for the help view ("u, C-z"). */
void tui_keys_for(const struct keymap *map, enum action action, char *buf, size_t size);

#endif
