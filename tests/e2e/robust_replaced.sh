#!/bin/sh
# End-to-end: the workbook's file deleted, or moved away and replaced by a
# backup, under an open TUI (issue 18 item 4).  The screen must stop
# saying «Lagret», say what happened within a few seconds of the change
# (the once-a-second poll), refuse the next edit, and leave the restored
# file exactly as the backup was -- sound, with the backup's values, also
# after the TUI has quit.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/robust_lib.sh"
need_tmux
need_sqlite

measure="Familieveiledning"
set_participants() {
	keys C-u
	for d in $(echo "$1" | sed 's/./& /g'); do keys "$d"; done
	wait_for "leser: $1"
	keys Enter
}
open_form() {
	wait_for "1 Oversikt"
	keys 2 Down Tab Down Down
	wait_for "─ $measure"
}

# 1. rm under the TUI.
book="$R_DIR/gone.utenfor"
"$UTENFOR" new --default "$book" >/dev/null || fail "new --default"
start_tui gone "$book"
open_form
set_participants 41
wait_for "Lagret: Deltakere = 41"
rm -f "$book"
wait_for "slettet eller flyttet" 10
set_participants 42
wait_for "Ikke lagret"
screen | grep -q "Lagret: Deltakere = 42" && fail "an edit after rm was reported saved"
[ ! -e "$book" ] || fail "the deleted workbook came back"
keys Escape q
[ "$(wait_exit gone)" = 0 ] || fail "exit status after rm"

# 2. Rename-and-restore under the TUI.
R_TARGET=":1"
book="$R_DIR/swap.utenfor"
"$UTENFOR" new --default "$book" >/dev/null || fail "new --default"
cp "$book" "$R_DIR/backup.utenfor"
before=$(participants "$book" "$measure")
start_tui swap "$book"
open_form
set_participants 51
wait_for "Lagret: Deltakere = 51"
mv "$book" "$R_DIR/moved.utenfor"
cp "$R_DIR/backup.utenfor" "$R_DIR/restore.tmp"
mv "$R_DIR/restore.tmp" "$book"
wait_for "byttet ut" 10
set_participants 52
wait_for "Ikke lagret"
# Read by another program while the TUI still has the old file open.
[ "$(participants "$book" "$measure")" = "$before" ] || fail "the restored file shows another value"
book_sound "$book"
keys Escape q
[ "$(wait_exit swap)" = 0 ] || fail "exit status after the swap"
cmp -s "$book" "$R_DIR/backup.utenfor" || fail "the restored file was written to"
[ "$(participants "$book" "$measure")" = "$before" ] || fail "the old log reached the restored file"
book_sound "$book"
[ "$(participants "$R_DIR/moved.utenfor" "$measure")" = 51 ] || fail "the moved file lost its edit"
no_sanitizer_reports
echo "ok"
