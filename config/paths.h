/*
 * paths.h: where configuration lives, by the XDG base directory rules.
 *
 *   config file   $XDG_CONFIG_HOME/utenfor/config.ini
 *                 (XDG_CONFIG_HOME unset, empty or relative: ~/.config)
 *   user themes   $XDG_CONFIG_HOME/utenfor/themes/
 *   shipped       $(pkgdatadir)/themes/  (PKGDATADIR from the build),
 *                 or $UTENFOR_THEMES_DIR when set (tests, uninstalled runs)
 *
 * The *_for() functions take the environment as arguments so tests need
 * not touch the process environment; the plain ones read getenv().
 *
 * Must never: create directories or files (the writer does that when it
 * must), print, exit.
 */
#ifndef UTENFOR_CONFIG_PATHS_H
#define UTENFOR_CONFIG_PATHS_H

#include <stdbool.h>
#include <stddef.h>

#define CONFIG_PATH_MAX 4096

/* Fill `buf` with the utenfor config directory.  False when neither a
 * usable XDG_CONFIG_HOME nor HOME is given, or the path does not fit. */
bool config_dir_for(char *buf, size_t size, const char *xdg_config_home, const char *home);
bool config_dir(char *buf, size_t size);

/* The config file: config_dir()/config.ini. */
bool config_file_for(char *buf, size_t size, const char *xdg_config_home, const char *home);
bool config_file(char *buf, size_t size);

/* "~/x" → "$HOME/x"; anything else is copied.  False when it does not fit
 * or "~" is used without HOME. */
bool config_expand_home(char *buf, size_t size, const char *path, const char *home);

/*
 * The folders searched for themes, first match wins: the user's folder,
 * then the shipped one.  `list` is NULL-terminated and points into the
 * struct, so the struct must outlive its use.
 */
struct theme_dirs {
	char user[CONFIG_PATH_MAX];
	char shipped[CONFIG_PATH_MAX];
	const char *list[3];
};

/* `shipped` NULL means PKGDATADIR "/themes". */
void theme_dirs_for(struct theme_dirs *td, const char *xdg_config_home, const char *home,
		    const char *shipped);
/* From the environment, honouring UTENFOR_THEMES_DIR. */
void theme_dirs_default(struct theme_dirs *td);

#endif
