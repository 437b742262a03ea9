#!/bin/sh
# End-to-end: the language and the theme switch while the TUI runs (keys L
# and t), every visible part follows at once, and both choices are kept in
# config.ini so the next start shows the same.
#
# The suite pins UTENFOR_LANG=nb; this test unsets it for the program so
# the configuration file is what decides after the restart.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/tui_lib.sh"

unset UTENFOR_LANG LANGUAGE LC_MESSAGES LANG
export XDG_CONFIG_HOME="$TUI_DIR/config"
export UTENFOR_THEMES_DIR="${top_srcdir:-$(dirname "$0")/../..}/themes"
CONFIG="$XDG_CONFIG_HOME/utenfor/config.ini"

if [ ! -f "${UTENFOR_LOCALEDIR:-}/en/LC_MESSAGES/utenfor.mo" ]; then
	echo "SKIP: no English catalog in UTENFOR_LOCALEDIR (built with --disable-nls?)"
	exit 77
fi

# The theme's id as the status line names it: "Tema: NAME" / "Theme: NAME".
status_theme() {
	screen | sed -n 's/.*Theme: \([^ ]*\).*/\1/p' | head -n 1
}

# The tab bar with its colour codes: it reads the same in both themes, so
# only the colours can differ.
tab_bar() {
	tmx capture-pane -p -e | grep -F "Overview" | head -n 1
}

start
wait_for "1 Oversikt"
wait_for "Hvem betaler"
[ ! -f "$CONFIG" ] || fail "config.ini exists before any choice was made"

keys L
wait_for "1 Overview"
wait_for "Language: English"
wait_for "2 Measures"
wait_for "5 Settings"
wait_for "? help"
wait_for "q quit"
screen | grep -F -q "Oversikt" && fail "bokmål tab name still on screen after L"
grep -q '^language = en' "$CONFIG" || fail "language not kept in $CONFIG: $(cat "$CONFIG")"
tabs_standard=$(tab_bar)

# The next theme by id (the list wraps around after standard).
keys t
wait_for "Theme: "
theme=$(status_theme)
[ -n "$theme" ] && [ "$theme" != "standard" ] || fail "theme did not change: «$theme»"
grep -q '^theme = ' "$CONFIG" || fail "theme not kept in $CONFIG: $(cat "$CONFIG")"
kept_theme=$(sed -n 's/^theme = //p' "$CONFIG")
[ -n "$kept_theme" ] && [ "$kept_theme" != standard ] || fail "kept theme is «$kept_theme»"
tabs_t=$(tab_bar)
[ "$tabs_standard" != "$tabs_t" ] || fail "the tab bar's colours did not change with the theme"

# An English question says the English key (y; j works as well).
keys 2
wait_for "2 Measures"
keys d
wait_for "? (y/n)"
wait_for "y yes, delete"
keys n
wait_gone "(y/n)"

keys q
wait_for "UTENFOR-EXIT 0"

# Restart with the same HOME and config: English and the theme are back.
start
wait_for "1 Overview"
wait_for "Who pays"
[ "$(tab_bar)" = "$tabs_t" ] || fail "tab bar colours differ after restart (theme not kept)"
grep -q "^theme = $kept_theme\$" "$CONFIG" || fail "theme setting changed on restart"

# Back to bokmål at run time, and that too is kept.
keys L
wait_for "1 Oversikt"
wait_for "Språk: norsk bokmål"
grep -q '^language = nb' "$CONFIG" || fail "bokmål not kept in $CONFIG"
keys q
wait_for "UTENFOR-EXIT 0"
exit 0
