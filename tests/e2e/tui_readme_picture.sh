#!/bin/sh
# End-to-end (issue 15 item 5): the picture in README.md is the overview of
# the embedded default workbook as the program draws it now, at 100×30,
# line for line (trailing blanks aside), so that its figures cannot drift
# from the default data or the interface.  When this fails after a change
# to the data or the overview, paste the screen it prints into README.md.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/tui_lib.sh"

readme="${top_srcdir:-$(dirname "$0")/../..}/README.md"
# The first fenced block of README.md.
awk '/^```/ { n++; next } n == 1' "$readme" | sed 's/ *$//' >"$TUI_DIR/readme"
[ "$(wc -l <"$TUI_DIR/readme")" -eq 30 ] || fail "README.md's first block is not 30 lines"

"$UTENFOR" new --default "$TUI_DIR/arbeidsbok.utenfor" >/dev/null || fail "new --default"
cd "$TUI_DIR" || fail "cd"
start arbeidsbok.utenfor
wait_for "Åpnet arbeidsbok.utenfor"

# The simulation fills in the chance that it pays within a few paints.
_deadline=$(( $(date +%s) + 15 ))
while :; do
	screen | sed 's/ *$//' >"$TUI_DIR/screen"
	cmp -s "$TUI_DIR/readme" "$TUI_DIR/screen" && break
	if [ "$(date +%s)" -ge "$_deadline" ]; then
		diff "$TUI_DIR/readme" "$TUI_DIR/screen" >&2
		fail "README.md's picture is not the overview of the default workbook"
	fi
	sleep 0.1
done
keys q
wait_for "UTENFOR-EXIT 0"
echo "PASS: README picture"
