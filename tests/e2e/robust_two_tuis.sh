#!/bin/sh
# End-to-end: two TUIs on one workbook typing at the same time, each saving
# a run of edits to its own measure with no pause between the windows'
# keystrokes (so commits, reloads after the other's commit, and lock waits
# interleave).  Every edit each one saved must be in the file: the last
# value of each run is there and the undo history holds every edit, the
# file is sound, and both leave with exit 0.  (Both editing the same field
# is tui_shared.sh: a refused conflict.)
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/robust_lib.sh"
need_tmux
need_sqlite

book="$R_DIR/delt.utenfor"
"$UTENFOR" new --default "$book" >/dev/null || fail "utenfor new --default"
edits_before=$(sql "$book" "SELECT count(*) FROM edit_log")

start_tui a "$book"
start_tui b "$book"
# Window a: Familieveiledning's Deltakere.  Window b: Oppfølgingslos's
# Kostnad per deltaker (Navn, Målgruppe, Deltakere, Kostnad).
R_TARGET=":a"
wait_for "1 Oversikt"
keys 2 Down Tab Down Down
wait_for "─ Familieveiledning"
R_TARGET=":b"
wait_for "1 Oversikt"
keys 2 Tab Down Down Down
wait_for "─ Oppfølgingslos"

# type_value WINDOW VALUE: replace the field's text and press Enter.
type_value() {
	tmx send-keys -t ":$1" C-u
	tmx send-keys -t ":$1" -l "$2"
	tmx send-keys -t ":$1" Enter
}

rounds=20
i=1
while [ "$i" -le "$rounds" ]; do
	type_value a $((100 + i))
	type_value b $((5000 + 10 * i))
	i=$((i + 1))
done
last_a=$((100 + rounds))
last_b=$((5000 + 10 * rounds))
# Wait for the file, not for "Lagret: …": the other window's commits make
# each TUI reload, and "lastet inn på nytt" can replace that message
# before a capture sees it.
cost_b() {
	sql "$book" "SELECT cast(cost_per_participant AS integer) FROM measures WHERE name = 'Oppfølgingslos'"
}
deadline=$(( $(date +%s) + 60 ))
until [ "$(participants "$book" "Familieveiledning")" = "$last_a" ] && [ "$(cost_b)" = "$last_b" ]; do
	[ "$(date +%s)" -lt "$deadline" ] ||
		fail "the last edits did not reach the file: Deltakere $(participants "$book" "Familieveiledning"), Kostnad $(cost_b)"
	sleep 0.1
done

# Both still running, both leave cleanly.
for w in a b; do
	kill -0 "$(pid_of $w)" 2>/dev/null || fail "utenfor in window $w died"
	R_TARGET=":$w"
	keys Escape q
	[ "$(wait_exit $w)" = 0 ] || fail "window $w: exit $(cat "$R_DIR/exit.$w")"
done

got_a=$(participants "$book" "Familieveiledning")
[ "$got_a" = "$last_a" ] || fail "Deltakere is $got_a, window a saved $last_a last"
got_b=$(cost_b)
[ "$got_b" = "$last_b" ] || fail "Kostnad per deltaker is $got_b, window b saved $last_b last"
edits=$(( $(sql "$book" "SELECT count(*) FROM edit_log") - edits_before ))
[ "$edits" -eq $((2 * rounds)) ] ||
	fail "the history holds $edits new edits, expected $((2 * rounds)) (one per Enter)"
book_sound "$book"
no_sanitizer_reports
echo "ok"
