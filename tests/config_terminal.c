/*
 * config_terminal.c: terminfo look-ups without curses: the colour depth
 * that feeds theme_resolve() for xterm-256color, xterm and vt100, and the
 * polite refusal of dumb and unknown terminals.  Skips (not fails) where
 * this machine lacks a terminfo entry.
 */
#include "config.h"

#include <criterion/criterion.h>

#include "config/terminal.h"
#include "config/theme.h"
#include "tests/config_testutil.h"

static void probe_or_skip(const char *term, struct terminal_caps *caps)
{
	struct config_messages m;
	config_messages_init(&m);
	int rc = terminal_probe(term, caps, &m);
	bool missing = rc != 0 && config_messages_contain(&m, "ukjent her");
	config_messages_free(&m);
	if (missing)
		cr_skip_test("no terminfo entry for %s on this machine", term);
}

Test(terminal, colour_depth_from_terminfo_feeds_the_fallback)
{
	struct terminal_caps caps;
	struct theme t;
	struct resolved_theme r;
	theme_builtin(&t);

	probe_or_skip("xterm-256color", &caps);
	cr_assert(caps.usable);
	cr_assert_eq(caps.colors, 256);
	probe_or_skip("xterm", &caps);
	cr_assert(caps.usable);
	cr_assert_eq(caps.colors, 8);
	theme_resolve(&t, caps.colors, false, &r);
	cr_assert_eq(r.colors, 8);
	probe_or_skip("vt100", &caps);
	cr_assert(caps.usable);
	cr_assert_eq(caps.colors, 0);
	theme_resolve(&t, caps.colors, false, &r);
	cr_assert_not(r.color);
	cr_assert_eq(r.style[UI_SELECTED].attrs, THEME_ATTR_REVERSE);
}

Test(terminal, dumb_and_unknown_are_refused_politely)
{
	struct terminal_caps caps;
	struct config_messages m;
	config_messages_init(&m);
	probe_or_skip("dumb", &caps);
	cr_assert_eq(terminal_probe("dumb", &caps, &m), 0);
	cr_assert_not(caps.usable);
	find_message(&m, "kan ikke flytte markøren");
	config_messages_free(&m);

	cr_assert_eq(terminal_probe("finnes-ikke-terminal", &caps, &m), -1);
	find_message(&m, "ukjent her");
	config_messages_free(&m);
	cr_assert_eq(terminal_probe("", &caps, &m), -1);
	find_message(&m, "TERM er ikke satt");
	config_messages_free(&m);
}
