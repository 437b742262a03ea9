/*
 * terminal.c: terminfo look-up without curses.
 *
 * setupterm() loads an entry into ncurses' global cur_term; this file puts
 * the previous value back so that calling it before the TUI starts leaves
 * no trace.  File descriptor 2 is only used by ncurses to ask the window
 * size, which is not needed here.
 *
 * Must never: call initscr/newterm or write to the terminal.
 */
#include "config.h"

#include "i18n/i18n.h"
#include "config/terminal.h"

#include <stddef.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

int terminal_probe(const char *term, struct terminal_caps *out, struct config_messages *msgs)
{
	out->usable = false;
	out->colors = 0;
	if (term == NULL || term[0] == '\0') {
		config_messages_add(msgs, NULL, 0,
				    _("TERM er ikke satt: vet ikke hvilken terminal dette er. "
				    "Prøv f.eks. TERM=xterm-256color"));
		return -1;
	}

	TERMINAL *previous = cur_term;
	int err = 0;
	/* setupterm takes a non-const name in older ncurses. */
	if (setupterm((char *)term, STDERR_FILENO, &err) != OK) {
		if (previous != NULL)
			set_curterm(previous);
		if (err == 1)
			config_messages_add(msgs, NULL, 0,
					    _("terminalen «%s» er en skrivende terminal og kan "
					    "ikke vise et fullskjermsbilde"),
					    term);
		else if (err == 0)
			config_messages_add(msgs, NULL, 0,
					    _("terminaltypen «%s» er ukjent her (ingen terminfo); "
					    "prøv TERM=xterm-256color eller TERM=xterm"),
					    term);
		else
			config_messages_add(msgs, NULL, 0,
					    _("finner ingen terminfo-database; installer ncurses-base "
					    "eller sett TERMINFO"));
		return -1;
	}

	int colors = tigetnum("colors");
	const char *cup = tigetstr("cup");
	out->colors = colors > 0 ? colors : 0;
	out->usable = cup != NULL && cup != (const char *)-1;

	TERMINAL *mine = set_curterm(previous);
	del_curterm(mine);

	if (!out->usable)
		config_messages_add(msgs, NULL, 0,
				    _("terminalen «%s» kan ikke flytte markøren, så utenfor kan "
				    "ikke vise skjermbildet der; bruk kommandoene (utenfor --help) "
				    "eller en annen terminal"),
				    term);
	return 0;
}
