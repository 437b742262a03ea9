#!/bin/sh
# End-to-end (issue 15 item 4): the overview says when its figures are
# still the shipped example data, counts what is still the example's, and
# stops counting a measure once the user has changed it; in both
# languages and at 80×24 (the short wording) as well as 100×30.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/tui_lib.sh"

book="$TUI_DIR/eks.utenfor"
"$UTENFOR" new --default "$book" >/dev/null || fail "new --default"

start "$book"
wait_for "1 Oversikt"
wait_for "Eksempeldata: 3 av 3 tiltak"
keys L
wait_for "Example data: 3 of 3 measures"
keys L
wait_for "Eksempeldata: 3 av 3 tiltak"

# Change one measure's success rate: it is the municipality's own now.
"$UTENFOR" set "$book" measure Oppfølgingslos success_rate 31 >/dev/null || fail "set"
wait_for "Eksempeldata: 2 av 3 tiltak"

tmx resize-window -x 80 -y 24 2>/dev/null || tmx resize-pane -x 80 -y 24
wait_for "Eksempeldata: 2 av 3 tiltak, "
screen | grep -q "bytt inn egne tall" || fail "the short notice is cut at 80 columns"

# A workbook with none of the example's figures says nothing.
"$UTENFOR" new "$TUI_DIR/tom.utenfor" >/dev/null 2>&1 || fail "new"
start "$TUI_DIR/tom.utenfor"
wait_for "1 Oversikt"
if screen | grep -q "Eksempeldata"; then
	fail "an empty workbook claims example data"
fi
keys q
wait_for "UTENFOR-EXIT 0"
echo "PASS: example-data notice"
