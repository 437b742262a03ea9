/*
 * load.c: settings, keys and theme from one reading of config.ini.
 *
 * Must never: call curses, print, exit, or fail: defaults stand in for
 * anything that is wrong, and the messages say what and where.
 */
#include "config.h"

#include "config/load.h"

#include <stdio.h>

int config_load(const char *path, const char *const *theme_dirs, struct config *out,
		struct config_messages *msgs)
{
	size_t before = msgs ? msgs->count : 0;
	char buf[CONFIG_PATH_MAX];
	bool explicit = path != NULL;
	if (path == NULL && config_file(buf, sizeof buf))
		path = buf;

	struct ini_doc doc = {0};
	if (path != NULL)
		ini_open(path, !explicit, &doc, msgs);
	settings_from_ini(&doc, &out->settings, msgs);
	keymap_from_ini(&doc, out->settings.key_scheme, &out->keys, msgs);

	struct theme_dirs dirs;
	if (theme_dirs == NULL) {
		theme_dirs_default(&dirs);
		theme_dirs = dirs.list;
	}
	theme_load_at(out->settings.theme, theme_dirs, &out->theme, msgs, doc.path,
		      doc.dict ? ini_line_of(&doc, "ui", "theme") : 0);
	ini_close(&doc);
	if (msgs != NULL)
		config_messages_sort(msgs, before);
	return msgs != NULL && msgs->count > before ? 1 : 0;
}
