/*
 * settings.h: the user's settings from config.ini ([ui], [workbook],
 * [numbers]; [keys] is keymap.h's).  Every key, its allowed values and its
 * default are listed in doc/config.md and config/config.ini.example.
 *
 * Loading never fails hard: a missing file gives the defaults silently, and
 * an unreadable file, an unknown section or key, or a bad value falls back
 * to the default for what was wrong and adds a message naming the file, the
 * line, and what is allowed.
 *
 * Must never: print, exit, call curses, or set the locale.
 */
#ifndef UTENFOR_CONFIG_SETTINGS_H
#define UTENFOR_CONFIG_SETTINGS_H

#include <stdbool.h>

#include "config/ini.h"
#include "config/messages.h"
#include "config/paths.h"
#include "engine/model.h"

#define SETTINGS_THEME_SIZE 64

/* LANGUAGE_AUTO ("auto"): the locale decides (doc/i18n.md).  The default
 * stays LANGUAGE_NB; cli/main.c reads the key itself so that a file
 * without it leaves the choice to the locale. */
enum ui_language { LANGUAGE_NB, LANGUAGE_EN, LANGUAGE_AUTO };
enum key_scheme { KEY_SCHEME_DEFAULT, KEY_SCHEME_VI, KEY_SCHEME_EMACS, KEY_SCHEME_COUNT };
enum thousands_style {
	THOUSANDS_STYLE_SPACE,
	THOUSANDS_STYLE_NBSP,
	THOUSANDS_STYLE_NARROW_NBSP,
	THOUSANDS_STYLE_NONE
};

struct settings {
	/* [ui] */
	char theme[SETTINGS_THEME_SIZE]; /* as written; theme_load() resolves it */
	enum ui_language language;
	enum key_scheme key_scheme;
	bool mouse;
	bool confirm_delete;
	/* [workbook] */
	char workbook[CONFIG_PATH_MAX]; /* "~" expanded; "" = the store's default */
	int horizon;                    /* for new workbooks, HORIZON_MIN..MAX */
	struct discount discount;       /* for new workbooks; rate is a fraction */
	bool shared;                    /* new workbooks 0660 for the group (utenfor new) */
	int undo_steps;                 /* edits kept undoable per user; 0 = all (doc/store.md) */
	/* [numbers] */
	int decimals; /* 0–2 */
	enum thousands_style thousands;
	/* Where the settings came from: "" when only defaults were used. */
	char source[CONFIG_PATH_MAX];
};

/* Limits of the numeric settings (percent for the rate). */
#define SETTINGS_DECIMALS_MAX 2
#define SETTINGS_RATE_PERCENT_MAX 20.0

/* The built-in defaults. */
void settings_defaults(struct settings *s);

/*
 * Load `path`, or the XDG default (paths.h) when `path` is NULL.  A missing
 * default file is normal and silent; a missing explicit file is reported.
 * Returns 0 when the file was used without problems, 1 when there were
 * messages (and `out` holds defaults for what was wrong).  Never fails.
 */
int settings_load(const char *path, struct settings *out, struct config_messages *msgs);

/* The same from an already opened document (config_load() shares one
 * document between settings and keys).  Reports unknown sections too. */
void settings_from_ini(const struct ini_doc *doc, struct settings *out,
		       struct config_messages *msgs);

/* True when [section] key is one utenfor reads from config.ini (a setting,
 * or an action name in [keys]); both lower-case. */
bool settings_key_known(const char *section, const char *key);

/* Names as written in config.ini: "nb", "vi", "narrow-nbsp", ... */
const char *language_key(enum ui_language l);
const char *key_scheme_key(enum key_scheme k);
const char *thousands_style_key(enum thousands_style t);
bool key_scheme_from_key(const char *key, enum key_scheme *out);
/* The separator number_format() takes (engine/numbers.h); "" for none. */
const char *thousands_style_separator(enum thousands_style t);

/* Values the small parsers share with the theme and key readers. */
bool config_parse_bool(const char *text, bool *out);
bool config_parse_int(const char *text, long min, long max, long *out);
/* "4", "4,5", "4.5 %" → 4.5; locale-independent. */
bool config_parse_decimal(const char *text, double *out);

#endif
