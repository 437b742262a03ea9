#!/bin/sh
# End-to-end: `utenfor set` edits through the same layer as the interface.
# Several successive edits from another process reach an idle TUI, each
# repainted (issue 18 item 3); a refused value says why and changes
# nothing; the interface's undo takes back a `set` edit and `set --undo`
# the one before (one undo history).
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/tui_lib.sh"

book="$TUI_DIR/delt.utenfor"
"$UTENFOR" new --default "$book" >/dev/null || fail "new --default"

rate_in_file() {
	"$UTENFOR" set "$book" measure Oppfølgingslos | awk '$1 == "success_rate" {print $(NF-1)}'
}

start "$book"
wait_for "1 Oversikt"
keys 2
wait_re "Suksessrate +20 %"

# Three edits from outside while the screen is idle: each one shows.
for v in 31 32 33; do
	out=$("$UTENFOR" set "$book" measure Oppfølgingslos success_rate "$v") ||
		fail "set success_rate $v"
	[ "$out" = "Lagret: Suksessrate = $v %" ] || fail "set said «$out»"
	wait_re "Suksessrate +$v %"
done

# A refused value: the interface's message, exit 1, the file as it was.
if err=$("$UTENFOR" set "$book" measure Oppfølgingslos Suksessrate 150 2>&1); then
	fail "150 % was accepted"
fi
case $err in
*"Suksessrate må være fra 0 % til 100 %, fikk 150 %"*) ;;
*) fail "refusal said «$err»" ;;
esac
[ "$(rate_in_file)" = 33 ] || fail "a refused set changed the file"

# Names in either language, labels without their unit.
"$UTENFOR" set "$book" workbook horisont 30 >/dev/null || fail "set workbook horisont"
"$UTENFOR" set "$book" --undo >/dev/null || fail "set --undo of the horizon"

# The interface undoes the last set edit, the command line the one before.
keys u
wait_for "Angret: Endre Suksessrate i «Oppfølgingslos»"
wait_re "Suksessrate +32 %"
out=$("$UTENFOR" set "$book" --undo) || fail "set --undo"
[ "$out" = "Angret: Endre Suksessrate i «Oppfølgingslos»" ] || fail "set --undo said «$out»"
wait_re "Suksessrate +31 %"

# Usage errors exit 2 and name the mistake.
"$UTENFOR" set "$book" tiltakk X navn Y >/dev/null 2>&1
[ $? -eq 2 ] || fail "an unknown kind must exit 2"
"$UTENFOR" set --help | grep -q "utenfor set ARBEIDSBOK SORT NAVN FELT VERDI" ||
	fail "--help does not show the form"
keys q
wait_for "UTENFOR-EXIT 0"
echo "ok"
