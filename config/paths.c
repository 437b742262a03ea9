/*
 * paths.c: configuration paths by the XDG rules.
 *
 * Must never: create anything, print, exit.
 */
#include "config.h"

#include "config/paths.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/utenfor"
#endif

static bool fits(int n, size_t size)
{
	return n >= 0 && (size_t)n < size;
}

bool config_dir_for(char *buf, size_t size, const char *xdg_config_home, const char *home)
{
	/* The XDG spec says a relative XDG_CONFIG_HOME is invalid: ignore it. */
	if (xdg_config_home != NULL && xdg_config_home[0] == '/')
		return fits(snprintf(buf, size, "%s/utenfor", xdg_config_home), size);
	if (home != NULL && home[0] != '\0')
		return fits(snprintf(buf, size, "%s/.config/utenfor", home), size);
	return false;
}

bool config_dir(char *buf, size_t size)
{
	return config_dir_for(buf, size, getenv("XDG_CONFIG_HOME"), getenv("HOME"));
}

bool config_file_for(char *buf, size_t size, const char *xdg_config_home, const char *home)
{
	char dir[CONFIG_PATH_MAX];
	if (!config_dir_for(dir, sizeof dir, xdg_config_home, home))
		return false;
	return fits(snprintf(buf, size, "%s/config.ini", dir), size);
}

bool config_file(char *buf, size_t size)
{
	return config_file_for(buf, size, getenv("XDG_CONFIG_HOME"), getenv("HOME"));
}

bool config_expand_home(char *buf, size_t size, const char *path, const char *home)
{
	if (path[0] == '~' && (path[1] == '/' || path[1] == '\0')) {
		if (home == NULL || home[0] == '\0')
			return false;
		return fits(snprintf(buf, size, "%s%s", home, path + 1), size);
	}
	return fits(snprintf(buf, size, "%s", path), size);
}

void theme_dirs_for(struct theme_dirs *td, const char *xdg_config_home, const char *home,
		    const char *shipped)
{
	size_t n = 0;
	char dir[CONFIG_PATH_MAX];
	if (config_dir_for(dir, sizeof dir, xdg_config_home, home) &&
	    fits(snprintf(td->user, sizeof td->user, "%s/themes", dir), sizeof td->user))
		td->list[n++] = td->user;
	else
		td->user[0] = '\0';
	if (fits(snprintf(td->shipped, sizeof td->shipped, "%s",
			  shipped ? shipped : PKGDATADIR "/themes"),
		 sizeof td->shipped))
		td->list[n++] = td->shipped;
	while (n < 3)
		td->list[n++] = NULL;
}

void theme_dirs_default(struct theme_dirs *td)
{
	const char *over = getenv("UTENFOR_THEMES_DIR");
	theme_dirs_for(td, getenv("XDG_CONFIG_HOME"), getenv("HOME"),
		       over != NULL && over[0] != '\0' ? over : NULL);
}
