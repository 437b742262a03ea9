/*
 * keymap_presets.c: the three key presets, written in the same syntax as
 * config.ini's [keys] so that they read like the documentation
 * (doc/config.md lists them) and go through the same parser.
 *
 * Invariants (tested): every key parses, no key is bound to two actions
 * within a preset, and every action except `none` has at least one key.
 * Frequent actions sit on letters, arrows, Enter, Tab and function keys:
 * on Norwegian keyboards [ ] { } @ $ need AltGr (NOTES.md), so they only
 * ever appear as second choices.
 */
#include "config.h"

#include "config/keymap_presets.h"

#include <stddef.h>

/*
 * Lines every preset shares, in the place each preset lists them: view
 * switching uses digits and < > (never AltGr keys first), and the
 * workbook commands keep their mnemonic letters in every scheme.
 * PRESET_COMMON_KEYS ends the table.
 */
#define PRESET_VIEW_KEYS                                                                   \
	{ACTION_NEXT_VIEW, ">, ]"}, {ACTION_PREV_VIEW, "<, ["}, {ACTION_VIEW_OVERVIEW, "1"},   \
	{ACTION_VIEW_MEASURES, "2"}, {ACTION_VIEW_GROUPS, "3"}, {ACTION_VIEW_PROJECTION, "4"}, \
	{ACTION_VIEW_SETTINGS, "5"}, {ACTION_VIEW_PLAN, "6"},   \
	{ACTION_VIEW_UNCERTAINTY, "7"}
#define PRESET_COMMON_KEYS                                                                 \
	{ACTION_TOGGLE_ENABLED, "Space"}, {ACTION_ESTIMATE, "e"}, {ACTION_KEEP_ESTIMATE, "b"},  \
	{ACTION_REPORT, "r"}, {ACTION_NEXT_THEME, "t"}, {ACTION_TOGGLE_LANGUAGE, "L"},         \
	{ACTION_REFRESH, "C-l"}, {ACTION_TOGGLE_SOCIETY, "s"}, {ACTION_COPY_GROUP, "c"},   \
	{ACTION_NONE, NULL}

static const struct preset_line default_keys[] = {
	{ACTION_QUIT, "q"},
	{ACTION_HELP, "?, F1"},
	PRESET_VIEW_KEYS,
	{ACTION_UP, "Up, k"},
	{ACTION_DOWN, "Down, j"},
	{ACTION_LEFT, "Left, h"},
	{ACTION_RIGHT, "Right, l"},
	{ACTION_PAGE_UP, "PageUp"},
	{ACTION_PAGE_DOWN, "PageDown"},
	{ACTION_HOME, "Home, g"},
	{ACTION_END, "End, G"},
	{ACTION_NEXT_FIELD, "Tab"},
	{ACTION_PREV_FIELD, "S-Tab"},
	{ACTION_EDIT, "Enter"},
	{ACTION_CANCEL, "Esc"},
	{ACTION_SEARCH, "/"},
	{ACTION_SEARCH_NEXT, "n"},
	{ACTION_ADD, "a, Insert"},
	{ACTION_DELETE, "d, Delete"},
	{ACTION_UNDO, "u, C-z"},
	{ACTION_REDO, "C-r, C-y"},
	PRESET_COMMON_KEYS,
};

/* vi: hjkl, g/G and 0/$ for ends, C-b/C-f for pages, i to edit, o to add,
 * x to delete; no C-z (a vi user expects it to suspend). */
static const struct preset_line vi_keys[] = {
	{ACTION_QUIT, "q"},
	{ACTION_HELP, "?, F1"},
	PRESET_VIEW_KEYS,
	{ACTION_UP, "k, Up"},
	{ACTION_DOWN, "j, Down"},
	{ACTION_LEFT, "h, Left"},
	{ACTION_RIGHT, "l, Right"},
	{ACTION_PAGE_UP, "C-b, PageUp"},
	{ACTION_PAGE_DOWN, "C-f, PageDown"},
	{ACTION_HOME, "g, 0, Home"},
	{ACTION_END, "G, $, End"},
	{ACTION_NEXT_FIELD, "Tab"},
	{ACTION_PREV_FIELD, "S-Tab"},
	{ACTION_EDIT, "i, Enter"},
	{ACTION_CANCEL, "Esc"},
	{ACTION_SEARCH, "/"},
	{ACTION_SEARCH_NEXT, "n"},
	{ACTION_ADD, "o, a"},
	{ACTION_DELETE, "d, x, Delete"},
	{ACTION_UNDO, "u"},
	{ACTION_REDO, "C-r"},
	PRESET_COMMON_KEYS,
};

/* emacs: C-p/C-n/C-b/C-f, C-v/M-v, M-</M->, C-s, C-g cancels, C-_ (C-/)
 * undoes, M-_ redoes; single letters stay, as in emacs' special modes. */
static const struct preset_line emacs_keys[] = {
	{ACTION_QUIT, "q, C-x"},
	{ACTION_HELP, "F1, ?"},
	PRESET_VIEW_KEYS,
	{ACTION_UP, "C-p, Up"},
	{ACTION_DOWN, "C-n, Down"},
	{ACTION_LEFT, "C-b, Left"},
	{ACTION_RIGHT, "C-f, Right"},
	{ACTION_PAGE_UP, "M-v, PageUp"},
	{ACTION_PAGE_DOWN, "C-v, PageDown"},
	{ACTION_HOME, "M-<, Home"},
	{ACTION_END, "M->, End"},
	{ACTION_NEXT_FIELD, "Tab, M-n"},
	{ACTION_PREV_FIELD, "S-Tab, M-p"},
	{ACTION_EDIT, "Enter"},
	{ACTION_CANCEL, "C-g, Esc"},
	{ACTION_SEARCH, "C-s, /"},
	{ACTION_SEARCH_NEXT, "M-s, n"},
	{ACTION_ADD, "a, Insert"},
	{ACTION_DELETE, "C-d, d, Delete"},
	{ACTION_UNDO, "C-_, u"},
	{ACTION_REDO, "M-_, C-r"},
	PRESET_COMMON_KEYS,
};

const struct preset_line *keymap_preset_lines(enum key_scheme scheme)
{
	switch (scheme) {
	case KEY_SCHEME_VI:
		return vi_keys;
	case KEY_SCHEME_EMACS:
		return emacs_keys;
	case KEY_SCHEME_DEFAULT:
	case KEY_SCHEME_COUNT:
		break;
	}
	return default_keys;
}
