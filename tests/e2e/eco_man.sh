#!/bin/sh
# tests/e2e/eco_man.sh: the manual pages and every command's --help.
#  - man/utenfor.1 (English) and man/nb/utenfor.1 (bokmål) format without a
#    single warning (groff -ww; man --warnings where man-db is installed)
#    and have the sections Debian's manuals use;
#  - every command `utenfor --help` lists is described in both pages;
#  - every command takes --help and -h: exit 0, its usage on stdout,
#    nothing on stderr, in bokmål and in English.
set -u
. "$top_srcdir/tests/e2e/cli_lib.sh"
en=$top_srcdir/man/utenfor.1
nb=$top_srcdir/man/nb/utenfor.1

if command -v groff >/dev/null 2>&1; then
	for page in "$en" "$nb"; do
		# -k: the bokmål page is UTF-8 (preconv), as man-db reads it.
		if ! groff -k -ww -man -z "$page" >"$tmp/groff.out" 2>&1 || [ -s "$tmp/groff.out" ]; then
			fail "groff -ww warns about $page: $(cat "$tmp/groff.out")"
		fi
	done
	if command -v man >/dev/null 2>&1; then
		for page in "$en" "$nb"; do
			MANWIDTH=80 man --warnings -l "$page" >/dev/null 2>"$tmp/man.err"
			[ -s "$tmp/man.err" ] && fail "man --warnings about $page: $(cat "$tmp/man.err")"
		done
	fi
else
	echo "groff not installed: the pages were not formatted" >&2
fi

sections() { sed -n 's/^\.SH  *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$1"; }
for s in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS KEYS FILES ENVIRONMENT "EXIT STATUS" EXAMPLES "SEE ALSO"; do
	sections "$en" | grep -qx "$s" || fail "man/utenfor.1 has no section $s"
done
for s in NAVN SYNOPSIS BESKRIVELSE VALG KOMMANDOER TASTER FILER MILJØ AVSLUTNINGSSTATUS EKSEMPLER "SE OGSÅ"; do
	sections "$nb" | grep -qx "$s" || fail "man/nb/utenfor.1 has no section $s"
done

# The commands, as `utenfor --help` lists them (indented lines between
# "Kommandoer:" and the first blank line).
commands=$("$UTENFOR" --help | sed -n '/^Kommandoer:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || fail "utenfor --help lists no commands"
for page in "$en" "$nb"; do
	# Each is a tagged paragraph of COMMANDS/KOMMANDOER: ".TP" then ".B name" or ".BR name …".
	listed=$(sed -n '/^\.SH \(COMMANDS\|KOMMANDOER\)$/,/^\.SH /p' "$page" |
		awk '/^\.TP/ { getline; if ($1 == ".B" || $1 == ".BR") print $2 }')
	for c in $commands; do
		echo "$listed" | grep -qx "$c" || fail "$(basename "$(dirname "$page")")/$(basename "$page"): command $c is not described"
	done
	for c in $listed; do
		echo "$commands" | grep -qx "$c" || fail "$page describes $c, which utenfor --help does not list"
	done
done

for c in $commands; do
	for opt in --help -h; do
		for lang in nb en; do
			UTENFOR_LANG=$lang "$UTENFOR" "$c" "$opt" >"$tmp/out" 2>"$tmp/err"
			rc=$?
			[ "$rc" = 0 ] || fail "utenfor $c $opt ($lang): exit $rc"
			[ -s "$tmp/err" ] && fail "utenfor $c $opt ($lang) wrote to stderr: $(cat "$tmp/err")"
			case $lang in nb) want="Bruk: utenfor $c" ;; en) want="Usage: utenfor $c" ;; esac
			head -n 1 "$tmp/out" | grep -q "^$want" ||
				fail "utenfor $c $opt ($lang): usage does not start «$want»: $(head -n 1 "$tmp/out")"
		done
	done
done

[ "$failures" -eq 0 ] || exit 1
exit 0
