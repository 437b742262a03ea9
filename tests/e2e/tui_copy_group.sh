#!/bin/sh
# End-to-end: the copy key (c) in Målgrupper, in the real TUI inside tmux.
# On an empty workbook c lists the example data's groups; Enter copies the
# chosen one with its items (saved at once); the same group again gets a
# free name ("… (kopi)"); u takes the copy back; the file has what the
# screen said (checked with `utenfor set`, a second program).
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/tui_lib.sh"

book="$TUI_DIR/bok.utenfor"
"$UTENFOR" new "$book" >/dev/null || fail "utenfor new"

start "$book"
wait_for "1 Oversikt"
keys 3
wait_for "Ingen målgrupper"
wait_for "c kopier fra eksempeldata"
keys c
wait_for "Kopier fra eksempeldataene (Enter kopierer)"
wait_for "Unge som har falt ut av videregående"
wait_for "Enter kopier inn i arbeidsboka"
# Esc closes the list without copying.
keys Escape
wait_for "Ingen målgrupper"

keys c Down
wait_for "Kopier fra eksempeldataene"
keys Enter
wait_for "Kopierte målgruppen «Barn i lavinntektsfamilier med innvandrerforeldre» med 11 kostnadsposter"
wait_gone "Kopier fra eksempeldataene (Enter"
screen | grep -q "Barn i lavinntektsfamilier" || fail "the copied group is not listed"

# The same group again: a free name.
keys c Down Enter
wait_for "innvandrerforeldre (kopi) ─"

# u takes the second copy back, in one step.
keys u
wait_for "Angret"
wait_gone "(kopi) ─"
keys q
wait_for "UTENFOR-EXIT 0"

"$UTENFOR" set "$book" group lavinntekt-innvandrerforeldre >"$TUI_DIR/set.out" 2>&1 ||
	fail "the copied group is not in the file: $(cat "$TUI_DIR/set.out")"
if "$UTENFOR" set "$book" group lavinntekt-innvandrerforeldre-kopi >/dev/null 2>&1; then
	fail "the undone copy is still in the file"
fi
echo "ok"
