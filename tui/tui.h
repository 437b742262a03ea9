/*
 * tui.h: the terminal interface's entry point, called by cli/main.c.
 *
 * Must never: exit(); errors come back as a status and a message.
 */
#ifndef UTENFOR_TUI_TUI_H
#define UTENFOR_TUI_TUI_H

#include <stdbool.h>
#include <stddef.h>

struct tui_options {
	const char *path; /* workbook file; NULL = the default workbook */
	bool read_only;   /* --read-only */
	bool estimate;    /* `utenfor estimate`: open the quick estimate */
	/* --config FILE, read at start and written when a theme or language
	 * is chosen with a key; NULL = $XDG_CONFIG_HOME/utenfor/config.ini. */
	const char *config_path;
};

/*
 * Run the interface until the user quits or SIGTERM/SIGHUP arrives.
 * Returns 0, or 1 with a Norwegian message in `err` (for stderr) when the
 * workbook or the terminal could not be opened.
 */
int tui_run(const struct tui_options *opt, char *err, size_t err_size);

#endif
