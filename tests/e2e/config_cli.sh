#!/bin/sh
# config_cli.sh: `utenfor config` end to end: a missing config is fine, a
# broken one is reported with file and line (exit 1) while defaults are
# used, `set` edits one line keeping comments, and the shipped themes and
# the key presets are listed.  Uses a private XDG_CONFIG_HOME.
set -u

: "${UTENFOR:?UTENFOR must name the built binary}"
: "${top_srcdir:?top_srcdir must be set}"
[ -x "$UTENFOR" ] || { echo "skip: $UTENFOR not built"; exit 77; }

work=$(mktemp -d "${TMPDIR:-/tmp}/utenfor-config-e2e.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT INT TERM
XDG_CONFIG_HOME=$work/cfg
HOME=$work/home
UTENFOR_THEMES_DIR=$top_srcdir/themes
LC_ALL=C.UTF-8
export XDG_CONFIG_HOME HOME UTENFOR_THEMES_DIR LC_ALL
unset NO_COLOR
cfg=$XDG_CONFIG_HOME/utenfor/config.ini
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# 1. No config file at all: defaults, exit 0.
out=$("$UTENFOR" config check 2>"$work/err") || fail "check without a file exited $?"
case $out in *"i orden"*) ;; *) fail "check without a file said: $out" ;; esac
[ -s "$work/err" ] && fail "check without a file wrote to stderr: $(cat "$work/err")"

# 2. set creates the file and its folders; the next check is clean.
"$UTENFOR" config set ui.theme mork >/dev/null 2>"$work/err" || fail "set exited $?: $(cat "$work/err")"
grep -qx 'theme = mork' "$cfg" || fail "set did not write theme = mork: $(cat "$cfg")"
out=$("$UTENFOR" config check 2>&1) || fail "check after set exited $?: $out"
case $out in *"tema mørk"*) ;; *) fail "theme mørk not in use: $out" ;; esac

# 3. set keeps the user's comments and order, and edits in place.
cat >"$cfg" <<'INI'
# mine innstillinger
[ui]
theme = lys   ; fin om dagen
language = nb
INI
"$UTENFOR" config set ui.theme høykontrast >/dev/null 2>&1 || fail "set høykontrast exited $?"
expected='# mine innstillinger
[ui]
theme = høykontrast   ; fin om dagen
language = nb'
[ "$(cat "$cfg")" = "$expected" ] || fail "set changed more than the value: $(cat "$cfg")"
"$UTENFOR" config set ui.colour red >/dev/null 2>"$work/err" && fail "set of an unknown key succeeded"
grep -q "ingen innstilling" "$work/err" || fail "unknown key message: $(cat "$work/err")"

# 4. A broken file: each mistake with file:line on stderr, exit 1.
cat >"$cfg" <<'INI'
[ui]
theme = lilla
mouse = kanskje
[keys]
undo = u
redo = u
INI
"$UTENFOR" config check >"$work/out" 2>"$work/err"
rc=$?
[ "$rc" -eq 1 ] || fail "check of a broken file exited $rc"
grep -q "^$cfg:2: ukjent tema «lilla»" "$work/err" || fail "no line 2 message: $(cat "$work/err")"
grep -q "^$cfg:3: \[ui\] mouse = «kanskje»" "$work/err" || fail "no line 3 message: $(cat "$work/err")"
grep -q "^$cfg:6: \[keys\] tasten «u» er bundet" "$work/err" || fail "no conflict on line 6: $(cat "$work/err")"

# 5. A syntax error: the line is named and nothing else is used.
printf '[ui]\ntheme = lys\nsvart bakgrunn\n' >"$cfg"
"$UTENFOR" config check >/dev/null 2>"$work/err" && fail "syntax error not refused"
grep -q "^$cfg:3: «svart bakgrunn»" "$work/err" || fail "syntax error line: $(cat "$work/err")"

# 6. --config names another file; a missing one is reported.
"$UTENFOR" config --config "$work/finnes-ikke.ini" check >/dev/null 2>"$work/err" &&
	fail "missing --config file accepted"
grep -q "finnes ikke" "$work/err" || fail "missing --config message: $(cat "$work/err")"

# 7. themes and keys.
rm -f "$cfg"
out=$("$UTENFOR" config themes) || fail "themes exited $?"
for t in standard lys mørk mono høykontrast; do
	echo "$out" | grep -q " $t " || fail "theme $t not listed: $out"
done
echo "$out" | grep -q '^\* standard' || fail "standard not marked as chosen: $out"
out=$("$UTENFOR" config keys) || fail "keys exited $?"
echo "$out" | grep -q '^undo  *u, C-z$' || fail "undo keys: $out"
printf '[ui]\nkey_scheme = emacs\n[keys]\nquit = C-q\n' >"$cfg"
out=$("$UTENFOR" config keys) || fail "emacs keys exited $?"
echo "$out" | grep -q '^down  *C-n, Down$' || fail "emacs down: $out"
echo "$out" | grep -q '^quit  *C-q$' || fail "quit override: $out"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "ok: utenfor config"
