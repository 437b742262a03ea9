/*
 * keymap_presets.h: the preset tables, as [keys]-style lines.  Exposed so
 * that tests and doc generation can walk them; keymap_preset() is what
 * the program uses.
 *
 * Must never: call curses.
 */
#ifndef UTENFOR_CONFIG_KEYMAP_PRESETS_H
#define UTENFOR_CONFIG_KEYMAP_PRESETS_H

#include "config/actions.h"
#include "config/settings.h"

struct preset_line {
	enum action action;
	const char *keys; /* keys.h syntax, comma-separated; NULL ends a table */
};

/* The table of `scheme`, ended by a line whose keys is NULL. */
const struct preset_line *keymap_preset_lines(enum key_scheme scheme);

#endif
