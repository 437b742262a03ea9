/*
 * terminal.h: what a terminal type can do, read from terminfo without
 * starting curses (no initscr, no screen output), so that the colour depth
 * for theme_resolve() and a polite refusal of unusable terminals can be
 * decided, and tested, before the TUI takes over the screen.
 *
 * Must never: initialise curses, write to the terminal, or leave its
 * terminfo entry loaded (the previous cur_term is restored).
 */
#ifndef UTENFOR_CONFIG_TERMINAL_H
#define UTENFOR_CONFIG_TERMINAL_H

#include <stdbool.h>

#include "config/messages.h"

struct terminal_caps {
	bool usable; /* has cursor addressing (cup): a full-screen UI can run */
	int colors;  /* 256, 88, 16, 8 ... or 0 when it has none */
};

/*
 * Look `term` (e.g. getenv("TERM")) up in terminfo.  Returns 0 when it was
 * found; -1 when it is unset, unknown or has no terminfo database, with a
 * Norwegian message.  A found but unusable terminal ("dumb", a printing
 * terminal) returns 0 with usable = false and a message saying why.
 */
int terminal_probe(const char *term, struct terminal_caps *out, struct config_messages *msgs);

#endif
