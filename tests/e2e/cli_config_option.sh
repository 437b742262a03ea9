#!/bin/sh
# tests/e2e/cli_config_option.sh: `utenfor --config FILE` (and
# --config=FILE) reads that file instead of ~/.config/utenfor/config.ini:
# its [ui] language decides the language of what follows, and the default
# file is neither read nor created.  Exit status is the result (77 = skip).
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/cli_lib.sh"
if [ -z "${UTENFOR_LOCALEDIR:-}" ] || [ ! -r "$UTENFOR_LOCALEDIR/en/LC_MESSAGES/utenfor.mo" ]; then
	echo "no English catalog under UTENFOR_LOCALEDIR: skipped" >&2
	exit 77
fi

mkdir -p "$tmp/home/.config/utenfor"
printf '[ui]\nlanguage = nb\n' >"$tmp/home/.config/utenfor/config.ini"
printf '[ui]\nlanguage = en\n' >"$tmp/english.ini"

# run ARGS...: the program with only the given config to go by (the suite
# pins UTENFOR_LANG=nb; this test is about the config file, so unset it).
run() {
	env -u UTENFOR_LANG -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG \
		HOME="$tmp/home" XDG_CONFIG_HOME= "$UTENFOR" "$@" >"$tmp/out" 2>&1
}

run --help
grep -q '^Bruk: utenfor' "$tmp/out" || fail "default config (nb) should give bokmål usage: $(head -n 1 "$tmp/out")"

run --config "$tmp/english.ini" --help
grep -q '^Usage: utenfor' "$tmp/out" || fail "--config FILE (en) should give English usage: $(head -n 1 "$tmp/out")"

run --config="$tmp/english.ini" --help
grep -q '^Usage: utenfor' "$tmp/out" || fail "--config=FILE (en) should give English usage: $(head -n 1 "$tmp/out")"

run --config "$tmp/english.ini" calc "$tmp/missing.json"
[ -s "$tmp/out" ] && ! grep -q 'finnes ikke\|ikke lese' "$tmp/out" || fail "calc under --config (en) should speak English: $(cat "$tmp/out")"

# A lone --config is a usage error (exit 2), not a crash.
run --config
status=$?
[ "$status" -eq 2 ] || fail "a lone --config should exit 2, got $status"

[ "$failures" -eq 0 ] || exit 1
echo "ok: --config FILE chooses the settings file"
