# tests/e2e/tui_lib.sh: helpers for the tmux-driven TUI tests (sourced).
#
# Each test gets its own tmux server (-L, -f /dev/null), its own HOME and
# XDG_DATA_HOME (so the default workbook is created fresh), and a trap that
# kills the server and removes the directory.  Waiting is polling of
# capture-pane for a pattern with a deadline, never a fixed sleep.

if [ -z "${TMUX_BIN:-}" ] || ! command -v "$TMUX_BIN" >/dev/null 2>&1; then
	TMUX_BIN=$(command -v tmux 2>/dev/null || true)
fi
if [ -z "$TMUX_BIN" ]; then
	echo "SKIP: tmux not found"
	exit 77
fi
if [ -z "${UTENFOR:-}" ] || [ ! -x "$UTENFOR" ]; then
	echo "SKIP: UTENFOR (the built binary) is not set"
	exit 77
fi

TUI_DIR=$(mktemp -d "${TMPDIR:-/tmp}/utenfor-tui.XXXXXX")
TUI_SOCK="utenfor-test-$$"
export HOME="$TUI_DIR/home" XDG_DATA_HOME="$TUI_DIR/data"
mkdir -p "$HOME" "$XDG_DATA_HOME"
unset UTENFOR_FRAME_MARK UTENFOR_MOUSE TMUX

tmx() {
	LC_ALL=C.UTF-8 "$TMUX_BIN" -u -L "$TUI_SOCK" -f /dev/null "$@"
}

tui_cleanup() {
	tmx kill-server >/dev/null 2>&1 || true
	rm -rf "$TUI_DIR"
}
trap tui_cleanup EXIT INT TERM

fail() {
	echo "FAIL: $*"
	echo "---- screen ----"
	tmx capture-pane -p 2>/dev/null || true
	echo "----------------"
	exit 1
}

# new_session COMMAND: a fresh 100×30 session running COMMAND.  On a loaded
# machine the tmux server can fail to start once ("server exited
# unexpectedly", seen in CI), so it is tried three times before failing.
new_session() {
	_tries=0
	until tmx new-session -d -x 100 -y 30 "$1"; do
		_tries=$((_tries + 1))
		[ "$_tries" -lt 3 ] || fail "tmux new-session"
		tmx kill-server >/dev/null 2>&1 || true
		sleep 1
	done
}

# start ARGS...: run utenfor ARGS in a 100×30 pane.  The wrapper prints the
# exit status and keeps the pane open so it can be checked.
start() {
	tmx kill-server >/dev/null 2>&1 || true
	printf '%s\n' "$@" >"$TUI_DIR/args"
	cat >"$TUI_DIR/run.sh" <<RUN
#!/bin/sh
export LC_ALL=C.UTF-8 TERM=\${TERM:-xterm-256color} HOME="$HOME" XDG_DATA_HOME="$XDG_DATA_HOME"
"$UTENFOR" "\$@"
echo "UTENFOR-EXIT \$?"
exec cat
RUN
	chmod +x "$TUI_DIR/run.sh"
	new_session "$TUI_DIR/run.sh $*"
}

# start_second ARGS...: a second utenfor in window 1 of the same server.
start_second() {
	tmx new-window -d "$TUI_DIR/run.sh $*" || fail "tmux new-window"
}

# The pane that screen/keys talk to; tests with two windows set it.
TUI_TARGET=""

screen() {
	tmx capture-pane -p ${TUI_TARGET:+-t "$TUI_TARGET"}
}

# wait_for TEXT [SECONDS]: poll the screen until it contains TEXT.
wait_for() {
	_deadline=$(( $(date +%s) + ${2:-10} ))
	while :; do
		if screen | grep -F -q -- "$1"; then
			return 0
		fi
		if [ "$(date +%s)" -ge "$_deadline" ]; then
			fail "timed out waiting for «$1»"
		fi
		sleep 0.05
	done
}

# wait_gone TEXT [SECONDS]: poll until the screen no longer shows TEXT.
# Like wait_for, with an extended regular expression (columns whose
# spacing depends on the window).
wait_re() {
	_deadline=$(( $(date +%s) + ${2:-10} ))
	until screen | grep -E -q -- "$1"; do
		[ "$(date +%s)" -lt "$_deadline" ] || fail "timed out waiting for /$1/"
		sleep 0.05
	done
}

wait_gone() {
	_deadline=$(( $(date +%s) + ${2:-10} ))
	while screen | grep -F -q -- "$1"; do
		if [ "$(date +%s)" -ge "$_deadline" ]; then
			fail "timed out waiting for «$1» to go away"
		fi
		sleep 0.05
	done
}

keys() {
	tmx send-keys ${TUI_TARGET:+-t "$TUI_TARGET"} "$@"
}

# The number on the screen line containing LABEL, digits only ("-" kept).
number_on() {
	screen | grep -F -- "$1" | head -n 1 | sed "s/.*$1//" | tr -cd '0-9-\n' | head -n 1
}
