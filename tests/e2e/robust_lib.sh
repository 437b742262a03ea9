# tests/e2e/robust_lib.sh: helpers for the robustness tests (sourced).
#
# Like tui_lib.sh, each test gets its own tmux server, HOME, XDG dirs and
# temporary folder, removed by a trap; waiting polls with a deadline.  In
# addition every utenfor started here records its pid (so a test can send
# it a signal) and its exit status (so a test can tell a clean exit from a
# crash), and its stderr goes to a file the checks read for sanitizer
# reports.

if [ -z "${UTENFOR:-}" ] || [ ! -x "$UTENFOR" ]; then
	echo "SKIP: UTENFOR (the built binary) is not set"
	exit 77
fi
if [ -z "${TMUX_BIN:-}" ] || ! command -v "$TMUX_BIN" >/dev/null 2>&1; then
	TMUX_BIN=$(command -v tmux 2>/dev/null || true)
fi
if [ -z "${SQLITE3_CLI:-}" ] || ! command -v "$SQLITE3_CLI" >/dev/null 2>&1; then
	SQLITE3_CLI=$(command -v sqlite3 2>/dev/null || true)
fi

R_DIR=$(mktemp -d "${TMPDIR:-/tmp}/utenfor-robust.XXXXXX")
R_SOCK="utenfor-robust-$$"
export HOME="$R_DIR/home" XDG_DATA_HOME="$R_DIR/data" XDG_CONFIG_HOME="$R_DIR/config"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
unset UTENFOR_FRAME_MARK UTENFOR_MOUSE TMUX
LC_ALL=C.UTF-8
export LC_ALL

# Extra cleanup a test needs (e.g. unmounting) goes in R_CLEANUP.
R_CLEANUP=:
tmx() {
	"$TMUX_BIN" -u -L "$R_SOCK" -f /dev/null "$@"
}
robust_cleanup() {
	[ -n "$TMUX_BIN" ] && tmx kill-server >/dev/null 2>&1
	# A utenfor that outlived its terminal must not be left running.
	for _p in "$R_DIR"/pid.*; do
		[ -s "$_p" ] || continue
		_pid=$(cat "$_p")
		if grep -q -a utenfor "/proc/$_pid/cmdline" 2>/dev/null; then
			kill -KILL "$_pid" 2>/dev/null
		fi
	done
	eval "$R_CLEANUP"
	rm -rf "$R_DIR"
}
trap robust_cleanup EXIT
trap 'exit 1' INT TERM

need_tmux() {
	[ -n "$TMUX_BIN" ] || { echo "SKIP: tmux not found"; exit 77; }
}
need_sqlite() {
	[ -n "$SQLITE3_CLI" ] || { echo "SKIP: sqlite3 CLI not found"; exit 77; }
}

# The window the screen/keys/wait helpers talk to (":0", ":1").
R_TARGET=":0"

fail() {
	echo "FAIL: $*"
	for f in "$R_DIR"/stderr.*; do
		[ -s "$f" ] && { echo "---- $f"; head -n 40 "$f"; }
	done
	echo "---- screen $R_TARGET"
	tmx capture-pane -p -t "$R_TARGET" 2>/dev/null || true
	exit 1
}

# start_tui NAME ARGS...: utenfor ARGS in a new 100×30 tmux window called
# NAME (the first call starts the server).  Writes $R_DIR/pid.NAME,
# $R_DIR/exit.NAME (after it exits) and $R_DIR/stderr.NAME.
# With R_HANGUP=real the wrapper (the pane's session leader) dies of a
# hang-up as a login shell would, and the kernel then sends SIGHUP to
# utenfor; no exit status is recorded then.  Otherwise the wrapper ignores
# SIGHUP so that it can record how utenfor ended (utenfor installs its own
# handler, so it does not inherit the ignoring).
start_tui() {
	_name=$1
	shift
	rm -f "$R_DIR/pid.$_name" "$R_DIR/exit.$_name"
	_trap="trap '' HUP"
	[ "${R_HANGUP:-}" = real ] && _trap=":"
	cat >"$R_DIR/run.$_name" <<RUN
#!/bin/sh
$_trap
cd "$R_DIR" || exit 1
export LC_ALL=C.UTF-8 TERM=xterm-256color
sh -c 'echo \$\$ >"$R_DIR/pid.$_name.tmp"; mv "$R_DIR/pid.$_name.tmp" "$R_DIR/pid.$_name"; exec "\$0" "\$@"' "$UTENFOR" "\$@" 2>"$R_DIR/stderr.$_name"
echo "\$?" >"$R_DIR/exit.$_name"
echo "UTENFOR-EXIT \$(cat "$R_DIR/exit.$_name")"
exec cat
RUN
	chmod +x "$R_DIR/run.$_name"
	if tmx has-session 2>/dev/null; then
		tmx new-window -d -n "$_name" "$R_DIR/run.$_name $*" || fail "tmux new-window"
	else
		tmx new-session -d -x 100 -y 30 -n "$_name" "$R_DIR/run.$_name $*" ||
			fail "tmux new-session"
	fi
	_deadline=$(( $(date +%s) + 20 ))
	until [ -s "$R_DIR/pid.$_name" ]; do
		[ "$(date +%s)" -lt "$_deadline" ] || fail "utenfor did not start in window $_name"
		sleep 0.05
	done
}

pid_of() {
	cat "$R_DIR/pid.$1"
}

screen() {
	tmx capture-pane -p -t "$R_TARGET"
}

keys() {
	tmx send-keys -t "$R_TARGET" "$@"
}

# The default deadline is generous because CI runs these beside the
# LibreOffice tests and the sanitizer build on two cores; a passing run
# never waits for it.
R_WAIT=${R_WAIT:-30}

# wait_screen GREP-FLAG PATTERN SECONDS: poll the screen until it matches.
wait_screen() {
	_deadline=$(( $(date +%s) + $3 ))
	until screen | grep "$1" -q -- "$2"; do
		[ "$(date +%s)" -lt "$_deadline" ] || fail "timed out waiting for «$2»"
		sleep 0.05
	done
}

# wait_for TEXT [SECONDS]: until the screen shows TEXT.
wait_for() {
	wait_screen -F "$1" "${2:-$R_WAIT}"
}

# wait_match REGEX [SECONDS]: until the screen matches an extended regular
# expression (a value beside its label, whatever the padding).  Checking
# such a line with one capture right after waiting for another string of
# the same frame can catch the frame half drawn.
wait_match() {
	wait_screen -E "$1" "${2:-$R_WAIT}"
}

# wait_exit NAME [SECONDS]: wait until the wrapper recorded utenfor's exit
# status, and print it.
wait_exit() {
	_deadline=$(( $(date +%s) + ${2:-$R_WAIT} ))
	until [ -s "$R_DIR/exit.$1" ]; do
		[ "$(date +%s)" -lt "$_deadline" ] || fail "utenfor in window $1 did not exit"
		sleep 0.05
	done
	cat "$R_DIR/exit.$1"
}

# pid_running PID: the process exists and is not a zombie.  A TUI whose
# wrapper died of the hang-up first is reparented, and in a container
# whose first process does not reap, its exit leaves a zombie for good,
# which `kill -0` still finds.
pid_running() {
	kill -0 "$1" 2>/dev/null || return 1
	_state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d ' ' -f 1)
	[ -n "$_state" ] && [ "$_state" != Z ] && [ "$_state" != X ]
}

# wait_pid_gone PID [SECONDS]: until it has exited (zombie or reaped).
wait_pid_gone() {
	_deadline=$(( $(date +%s) + ${2:-$R_WAIT} ))
	while pid_running "$1"; do
		[ "$(date +%s)" -lt "$_deadline" ] ||
			fail "process $1 is still running: $(cat "/proc/$1/status" 2>/dev/null | grep -E '^(State|PPid)')"
		sleep 0.05
	done
}

# no_sanitizer_reports: fail if any utenfor here wrote a sanitizer report.
no_sanitizer_reports() {
	for f in "$R_DIR"/stderr.*; do
		[ -f "$f" ] || continue
		if grep -q -E 'Sanitizer|runtime error:' "$f"; then
			fail "sanitizer report in $f"
		fi
	done
}

# sql BOOK QUERY: one value from the workbook.
sql() {
	"$SQLITE3_CLI" "$1" "$2"
}

# book_sound BOOK: integrity_check passes, calc --json loads and validates
# it, and its export imports into a fresh workbook.
book_sound() {
	_ic=$(sql "$1" "PRAGMA integrity_check" 2>&1)
	[ "$_ic" = ok ] || fail "integrity_check of $1: $_ic"
	"$UTENFOR" calc --json "$1" >"$R_DIR/calc.json" 2>"$R_DIR/calc.err" ||
		fail "calc --json refused $1: $(cat "$R_DIR/calc.err")"
	"$UTENFOR" export --json "$1" >"$R_DIR/export.json" 2>"$R_DIR/export.err" ||
		fail "export --json of $1: $(cat "$R_DIR/export.err")"
	rm -f "$R_DIR/reimport.utenfor"
	"$UTENFOR" import --json "$R_DIR/export.json" "$R_DIR/reimport.utenfor" >/dev/null 2>&1 ||
		fail "the export of $1 does not import"
}

# participants BOOK NAME: Deltakere of the measure called NAME.
participants() {
	sql "$1" "SELECT participants FROM measures WHERE name = '$2'"
}
