#!/bin/sh
# valgrind (memcheck, --leak-check=full) on `utenfor calc`, `calc --json`,
# `import --json`, and a scripted TUI session in tmux (every view,
# an edit, undo and redo, adding, naming with æøå and deleting a measure,
# the quick estimate, a too-small window, quit).  Any invalid read or write,
# use of uninitialised memory or definite/possible leak fails
# (tests/valgrind.supp lists only ncurses' own caches).  Skipped
# (77) without valgrind, or when UTENFOR is a sanitizer build (valgrind
# cannot run those; the ASan run of the other tests covers that build).
set -u
srcroot=$(cd "${top_srcdir:-$(dirname "$0")/../..}" && pwd)
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/robust_lib.sh"
command -v valgrind >/dev/null 2>&1 || { echo "SKIP: valgrind not found"; exit 77; }
if grep -q -a -e __asan_init -e __ubsan_handle "$UTENFOR"; then
	echo "SKIP: $UTENFOR is a sanitizer build"
	exit 77
fi
need_tmux

vg_opts="--leak-check=full --errors-for-leak-kinds=definite,possible --error-exitcode=99 --suppressions=$srcroot/tests/valgrind.supp"
vg() {
	# vg NAME ARGS...: utenfor ARGS under valgrind, log in $R_DIR/vg.NAME.
	_n=$1
	shift
	valgrind -q $vg_opts --log-file="$R_DIR/vg.$_n" "$UTENFOR" "$@" >"$R_DIR/out.$_n"
	_rc=$?
	[ "$_rc" -ne 99 ] || { cat "$R_DIR/vg.$_n"; fail "valgrind found errors in: utenfor $*"; }
	[ "$_rc" -eq 0 ] || fail "utenfor $* exited $_rc under valgrind"
}

book="$R_DIR/vg.utenfor"
"$UTENFOR" new --default "$book" >/dev/null || fail "utenfor new --default"
"$UTENFOR" export --json "$book" >"$R_DIR/book.json" || fail "utenfor export --json"
vg calc calc "$book"
vg calcjson calc --json "$book"
vg import import --json "$R_DIR/book.json" "$R_DIR/copy.utenfor"

# The TUI: the wrapper's exit file holds valgrind's status (99 = errors).
vg_tui="$R_DIR/vg-utenfor"
cat >"$vg_tui" <<EOF
#!/bin/sh
exec valgrind -q $vg_opts --log-file="$R_DIR/vg.tui" "$UTENFOR" "\$@"
EOF
chmod +x "$vg_tui"
UTENFOR=$vg_tui start_tui tui "$book"
R_TARGET=":tui"
wait_for "1 Oversikt" 60
for v in 3 4 5 6; do keys "$v"; done
keys 2
wait_for "Suksessrate" 30
keys Down Tab Down Down C-u 4 1 Enter
wait_for "Lagret: Deltakere = 41" 30
keys u
wait_for "Angret:" 30
keys C-r
wait_for "Gjort om igjen:" 30
keys Escape a
wait_for "La til «Nytt tiltak»" 30
keys C-u
keys -l "Prøve æøå"
keys Enter
wait_for "Lagret: Navn = Prøve æøå" 30
keys Escape d
wait_for "(j/n)" 30
keys j
wait_for "Slettet «Prøve æøå»" 30
tmx resize-window -t :tui -x 30 -y 8
wait_for "for lite" 30
tmx resize-window -t :tui -x 100 -y 30
keys e
keys 5 0 Tab 2 0 0 0 0
keys Escape Escape 1
wait_for "Netto nåverdi" 30
keys q
status=$(wait_exit tui 60)
if [ "$status" != 0 ]; then
	cat "$R_DIR/vg.tui"
	fail "the TUI under valgrind exited $status (99: valgrind found errors)"
fi
[ -s "$R_DIR/vg.tui" ] && { cat "$R_DIR/vg.tui"; fail "valgrind wrote a report for the TUI"; }
[ "$(participants "$book" "Familieveiledning")" = 41 ] || fail "the edit made under valgrind is not saved"
echo "ok"
