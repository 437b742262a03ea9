/*
 * theme.h: colour themes: what colour and attributes each part of the
 * screen has, read from INI files, and resolved for the terminal at hand.
 *
 * A theme is named by its file name without ".ini" (its id, ASCII: "mork")
 * or by the `name` in its [theme] section (its display name, may be
 * Norwegian: "mørk"); theme_load() accepts both.  Folders are searched in
 * order and the first match wins, so a user's theme shadows a shipped one
 * of the same id.  "standard" is also built in, so the program has colours
 * even when no theme file is installed.
 *
 * File format (doc/config.md): one section per element, named as in
 * ui_element_key(), with keys fg, bg (colour.h syntax), attrs and mono
 * (comma- or space-separated: bold, reverse, underline, dim, none).  A
 * missing fg or bg takes [normal]'s; "default" means the terminal's own.
 * A missing attrs is none; a missing mono is the element's built-in
 * monochrome default (theme_default_mono()).
 *
 * Must never: call curses, print, exit.
 */
#ifndef UTENFOR_CONFIG_THEME_H
#define UTENFOR_CONFIG_THEME_H

#include <stdbool.h>
#include <stddef.h>

#include "config/color.h"
#include "config/messages.h"
#include "config/paths.h"

enum ui_element {
	UI_NORMAL,        /* body text and the screen's background */
	UI_TITLE,         /* the top line: program, workbook */
	UI_TAB,           /* the tab bar */
	UI_TAB_ACTIVE,    /* the current view's tab */
	UI_HEADER,        /* table headers */
	UI_SELECTED,      /* the selected row */
	UI_EDITING,       /* the field being edited */
	UI_INVALID,       /* a field whose text does not parse */
	UI_POSITIVE,      /* positive numbers (gains) */
	UI_NEGATIVE,      /* negative numbers (costs) */
	UI_KOMMUNE,       /* the bearers in charts */
	UI_FYLKESKOMMUNE,
	UI_STAT,
	UI_STATUS,        /* the status line */
	UI_HINTS,         /* the key hints line */
	UI_BORDER,        /* borders and separators */
	UI_NOTICE,        /* a neutral notice */
	UI_ERROR,         /* an error or refused input */
	UI_ELEMENT_COUNT
};

/* Attribute bits; the TUI maps them to A_BOLD, A_REVERSE, ... */
#define THEME_ATTR_BOLD 0x1u
#define THEME_ATTR_REVERSE 0x2u
#define THEME_ATTR_UNDERLINE 0x4u
#define THEME_ATTR_DIM 0x8u

struct theme_style {
	int fg, bg;          /* colour.h values */
	unsigned attrs;      /* with colours */
	unsigned mono_attrs; /* without colours */
};

#define THEME_ID_SIZE 64
#define THEME_NAME_SIZE 64

struct theme {
	char id[THEME_ID_SIZE];     /* "mork"; "standard" for the built-in */
	char name[THEME_NAME_SIZE]; /* "mørk" */
	char path[CONFIG_PATH_MAX]; /* "" for the built-in */
	struct theme_style style[UI_ELEMENT_COUNT];
};

/* What the TUI feeds to init_pair()/attron(): fg/bg are -1 (terminal
 * default) or palette indexes below `colors`. */
struct resolved_style {
	int fg, bg;
	unsigned attrs;
};

struct resolved_theme {
	int colors; /* 256, 16, 8, or 0 for monochrome */
	bool color; /* false: ignore fg/bg, attrs only */
	struct resolved_style style[UI_ELEMENT_COUNT];
};

/* "normal", "title", "tabs", "tab_active", ...: the section names. */
const char *ui_element_key(enum ui_element e);
/* Attributes for an element when a theme gives no `mono`. */
unsigned theme_default_mono(enum ui_element e);

/* The built-in "standard" theme (identical to themes/standard.ini). */
void theme_builtin(struct theme *out);

/*
 * Load theme `name` (id or display name) from the first folder in
 * `search_dirs` (NULL-terminated; NULL = none) that has it.  An unknown
 * theme or an unreadable file gives a message and the built-in standard;
 * a bad entry in a file keeps the rest of the theme and reports the line.
 * Returns 0 when `name` was loaded without messages, 1 otherwise.
 */
int theme_load(const char *name, const char *const *search_dirs, struct theme *out,
	       struct config_messages *msgs);

/* The same, with the config file and line that named the theme, so that
 * "unknown theme" points at them (origin NULL, line 0: unknown). */
int theme_load_at(const char *name, const char *const *search_dirs, struct theme *out,
		  struct config_messages *msgs, const char *origin, int line);

/* Load one theme file by path (id = file name without ".ini"). */
int theme_load_file(const char *path, struct theme *out, struct config_messages *msgs);

/*
 * Resolve for a terminal with `colors` colours (tigetnum("colors"): -1 or
 * 0 when it has none).  `no_color` (NO_COLOR set and non-empty, see
 * theme_no_color_env()) forces monochrome.  Colours are reduced as
 * color_reduce() says; on 8 colours a bright foreground adds bold.  If a
 * reduction makes an element's fg and bg equal although the theme had them
 * different, that element falls back to its monochrome attributes rather
 * than becoming unreadable.
 */
void theme_resolve(const struct theme *t, int colors, bool no_color, struct resolved_theme *out);

/* True when the NO_COLOR convention asks for no colour (set, non-empty). */
bool theme_no_color_env(void);

struct theme_info {
	char id[THEME_ID_SIZE];
	char name[THEME_NAME_SIZE];
	char path[CONFIG_PATH_MAX]; /* "" for the built-in standard */
};

/*
 * The themes available in `search_dirs`, one per id (the first folder
 * wins), sorted by id, always including "standard".  *out is one array the
 * caller frees with free().  Returns the count, or -1 when out of memory
 * (*out NULL).
 */
long theme_list(const char *const *search_dirs, struct theme_info **out);

#endif
