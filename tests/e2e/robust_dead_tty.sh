#!/bin/sh
# End-to-end: the terminal vanishes but no SIGHUP arrives (the parent
# ignores hang-ups, as under nohup or a wrapper that traps HUP; the kernel
# signals only the session leader).  utenfor must notice the dead terminal
# (reads fail with EIO) and leave within a few seconds, with the saved edit
# in the file, instead of spinning on get_wch() errors.
#
# NOT yet in TESTS (tests/robust.mk): it fails until tui/tui.c's run_loop
# treats a hung-up terminal as a hang-up (see doc/testing.md, Findings).
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/robust_lib.sh"
need_tmux
need_sqlite

book="$R_DIR/dead.utenfor"
"$UTENFOR" new --default "$book" >/dev/null || fail "utenfor new --default"
start_tui dead "$book"
R_TARGET=":dead"
wait_for "1 Oversikt"
keys 2 Down Tab Down Down C-u 4 5 Enter
wait_for "Lagret: Deltakere = 45"
pid=$(pid_of dead)
tmx kill-server
wait_pid_gone "$pid" 10
[ "$(participants "$book" "Familieveiledning")" = 45 ] || fail "the saved edit is gone"
book_sound "$book"
no_sanitizer_reports
echo "ok"
