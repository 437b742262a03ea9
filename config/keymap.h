/*
 * keymap.h: which key runs which action: a preset (default, vi, emacs)
 * with the user's [keys] section on top.
 *
 * In [keys], each line names an action (config/actions.h) and lists its
 * keys, separated by commas (keys.h syntax): `undo = u, C-z`.  The list
 * replaces the preset's keys for that action; `none` or an empty value
 * leaves the action without keys.  A key the user gives to one action is
 * taken away from any other action the preset gave it to.  A key given to
 * two actions in [keys] stays with the first line, and both lines are
 * named in a message; so is an action left with no key at all.
 *
 * A keymap is a fixed-size value (no allocation): copy it with `=`.
 *
 * Must never: call curses, print, exit.
 */
#ifndef UTENFOR_CONFIG_KEYMAP_H
#define UTENFOR_CONFIG_KEYMAP_H

#include <stddef.h>

#include "config/actions.h"
#include "config/ini.h"
#include "config/keys.h"
#include "config/messages.h"
#include "config/settings.h"

#define KEYMAP_MAX 256

struct key_binding {
	int key;
	enum action action;
	int line; /* the [keys] line that made it; 0 for the preset */
};

struct keymap {
	enum key_scheme scheme;
	size_t count;
	struct key_binding bindings[KEYMAP_MAX]; /* in preference order */
};

/* The preset's bindings only. */
void keymap_preset(struct keymap *km, enum key_scheme scheme);

/* The preset with `doc`'s [keys] section applied; problems go to `msgs`
 * with file and line.  `doc` may be an empty document (no file). */
void keymap_from_ini(const struct ini_doc *doc, enum key_scheme scheme, struct keymap *km,
		     struct config_messages *msgs);

/* The action bound to `key`, or ACTION_NONE. */
enum action keymap_lookup(const struct keymap *km, int key);

/* Up to `max` keys of `action`, the preferred (first written) first.
 * Returns how many there are in all (may exceed max). */
size_t keymap_keys_for(const struct keymap *km, enum action action, int *keys, size_t max);

/* "u, C-z" for help screens and key hints: at most `max_keys` keys (0 =
 * all).  Behaves like snprintf. */
int keymap_describe(const struct keymap *km, enum action action, size_t max_keys, char *buf,
		    size_t size);

/* Bindings of one key to two actions; 0 for a consistent keymap (every
 * preset is; keymap_from_ini() never leaves one). */
size_t keymap_count_conflicts(const struct keymap *km);

#endif
