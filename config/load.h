/*
 * load.h: everything the TUI needs from configuration in one call:
 * settings, the key map (preset + [keys]) and the chosen theme.  Call it
 * before initscr(): nothing here touches the terminal, and messages are
 * collected for the TUI to show (or the CLI to print) afterwards.
 *
 * Typical use:
 *     struct config cfg;
 *     struct config_messages msgs;
 *     struct theme_dirs dirs;
 *     config_messages_init(&msgs);
 *     theme_dirs_default(&dirs);
 *     config_load(opt_config_path, dirs.list, &cfg, &msgs);  // never fails
 *     ... theme_resolve(&cfg.theme, tigetnum("colors"),
 *                       theme_no_color_env(), &resolved);
 *     ... keymap_lookup(&cfg.keys, my_key_from_curses(ch));
 *     config_messages_free(&msgs);
 *
 * Must never: call curses, print, exit.
 */
#ifndef UTENFOR_CONFIG_LOAD_H
#define UTENFOR_CONFIG_LOAD_H

#include "config/keymap.h"
#include "config/messages.h"
#include "config/settings.h"
#include "config/theme.h"

struct config {
	struct settings settings;
	struct keymap keys;
	struct theme theme;
};

/*
 * Read `path` (NULL = the XDG default; an explicit path that does not exist
 * is reported) and the theme it names from `theme_dirs` (NULL-terminated;
 * NULL = theme_dirs_default()).  Always fills `out` with something usable;
 * returns 0 when there were no messages, 1 otherwise.  `out` holds no
 * pointers: copy it freely, nothing to free.
 */
int config_load(const char *path, const char *const *theme_dirs, struct config *out,
		struct config_messages *msgs);

#endif
