#!/bin/sh
# tests/e2e/eco_completion.sh: the bash completion (completion/utenfor)
# offers every command `utenfor --help` lists, every --option each
# command's --help names, and workbook/JSON files where they belong.
# Skips (77) without bash.
set -u
. "$top_srcdir/tests/e2e/cli_lib.sh"
command -v bash >/dev/null 2>&1 || { echo "SKIP: bash not installed" >&2; exit 77; }
comp=$top_srcdir/completion/utenfor

# complete WORD... : the candidates bash would offer for the last word.
complete_words() {
	(cd "$tmp/files" && bash -c '
		. "$1"; shift
		COMP_WORDS=(utenfor "$@"); COMP_CWORD=$#
		_utenfor 2>/dev/null
		printf "%s\n" "${COMPREPLY[@]}"' sh "$comp" "$@") | sort
}
mkdir -p "$tmp/files/mappe"
: >"$tmp/files/bok.utenfor"; : >"$tmp/files/data.json"; : >"$tmp/files/notat.txt"

commands=$("$UTENFOR" --help | sed -n '/^Kommandoer:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p')
offered=$(complete_words "")
for c in $commands; do
	echo "$offered" | grep -qx "$c" || fail "command $c is not completed"
done
for c in $commands; do
	opts=$("$UTENFOR" "$c" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
	got=$(complete_words "$c" --)
	for o in $opts; do
		echo "$got" | grep -qx -- "$o" || fail "utenfor $c: option $o is not completed"
	done
done
[ "$(complete_words export --csv | tr '\n' ' ')" = "--csv --csv-excel " ] || fail "export --csv: $(complete_words export --csv)"
[ "$(complete_words report bok.utenfor --format "" | tr '\n' ' ')" = "html md xlsx " ] || fail "--format values"
[ "$(complete_words config "" | tr '\n' ' ')" = "check keys path set themes " ] || fail "config subcommands: $(complete_words config "")"
complete_words config set ui. | grep -qx ui.theme || fail "config set ui. does not offer ui.theme"
got=$(complete_words calc "" | tr '\n' ' ')
[ "$got" = "bok.utenfor data.json mappe " ] || fail "calc files: «$got»"
got=$(complete_words new "" | tr '\n' ' ')
[ "$got" = "bok.utenfor mappe " ] || fail "new files: «$got»"
got=$(complete_words import --json "" | tr '\n' ' ')
[ "$got" = "data.json mappe " ] || fail "import --json files: «$got»"
got=$(complete_words "" | grep -c bok.utenfor)
[ "$got" = 1 ] || fail "a workbook is not offered as the first word"

[ "$failures" -eq 0 ] || exit 1
exit 0
