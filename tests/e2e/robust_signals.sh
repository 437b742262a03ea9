#!/bin/sh
# End-to-end: the TUI is stopped from outside in the middle of an edit, as
# a crash, a shutdown or a dropped SSH connection would stop it:
#   SIGKILL  no chance to clean up: the saved edit is there, the half-typed
#            one is not, the file is sound and opens again in the TUI;
#   SIGTERM  leaves cleanly (exit 0, terminal restored), same file checks;
#   SIGHUP   (sent to the process, as a login shell forwards it) likewise;
#   hang-up  the tmux server is killed under it (the pty vanishes and the
#            pane's shell dies, so the kernel sends SIGHUP): the process
#            must go away, the file must be sound.
# Each round saves one value and leaves another half-typed.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/robust_lib.sh"
need_tmux
need_sqlite

book="$R_DIR/signal.utenfor"
"$UTENFOR" new --default "$book" >/dev/null || fail "utenfor new --default"
measure="Familieveiledning"

# edit_then_type NAME SAVED TYPED: in window NAME, save Deltakere = SAVED
# for the measure and leave TYPED in the field editor without Enter.
edit_then_type() {
	R_TARGET=":$1"
	wait_for "1 Oversikt"
	keys 2 Down Tab Down Down
	wait_for "─ $measure"
	keys C-u
	for d in $(echo "$2" | sed 's/./& /g'); do keys "$d"; done
	keys Enter
	wait_for "Lagret: Deltakere = $2"
	keys C-u
	for d in $(echo "$3" | sed 's/./& /g'); do keys "$d"; done
	wait_for "leser: $3"
}

# after_stop SAVED: the file holds SAVED and is sound.
after_stop() {
	got=$(participants "$book" "$measure")
	[ "$got" = "$1" ] || fail "Deltakere is «$got» after the stop, expected the saved $1"
	book_sound "$book"
	no_sanitizer_reports
}

# SIGKILL.
start_tui kill "$book"
edit_then_type kill 41 99
kill -KILL "$(pid_of kill)"
status=$(wait_exit kill)
[ "$status" = 137 ] || fail "SIGKILL: exit status $status, expected 137"
after_stop 41
# Opens again and shows the saved value (a left-over -wal is recovered).
start_tui again "$book"
R_TARGET=":again"
wait_for "1 Oversikt"
keys 2 Down Tab Down Down
wait_for "─ $measure"
wait_match "Deltakere *41"
keys Escape q
[ "$(wait_exit again)" = 0 ] || fail "quit after reopening: exit $(cat "$R_DIR/exit.again")"

# SIGTERM: a clean exit that restores the terminal.
start_tui term "$book"
edit_then_type term 42 77
kill -TERM "$(pid_of term)"
status=$(wait_exit term)
[ "$status" = 0 ] || fail "SIGTERM: exit status $status, expected 0"
wait_for "UTENFOR-EXIT 0"
screen | grep -q "Oversikt" && fail "SIGTERM left the interface on the screen (no endwin)"
after_stop 42

# SIGHUP delivered to the process.
start_tui hup "$book"
edit_then_type hup 43 55
kill -HUP "$(pid_of hup)"
status=$(wait_exit hup)
[ "$status" = 0 ] || fail "SIGHUP: exit status $status, expected 0"
after_stop 43

# The terminal vanishes: kill the whole tmux server under a running TUI.
R_HANGUP=real start_tui gone "$book"
edit_then_type gone 44 66
pid=$(pid_of gone)
tmx kill-server
wait_pid_gone "$pid"
after_stop 44
echo "ok"
