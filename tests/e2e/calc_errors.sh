#!/bin/sh
# tests/e2e/calc_errors.sh: `utenfor calc` refuses bad input with exit 1,
# one line per problem on stderr as "FILE: path: message", and nothing on
# stdout; usage errors exit 2.  Exit status is the test result (77 = skip).
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/cli_lib.sh"

# run EXPECTED_STATUS ARGS...: runs calc, keeps stdout/stderr in $tmp.
run() {
	want=$1
	shift
	"$UTENFOR" calc "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" -eq "$want" ] || fail "calc $*: exit $got, expected $want"
}

# has_line TEXT: stderr has a line equal to TEXT.
has_line() {
	grep -Fxq -- "$1" "$tmp/err" || { fail "stderr lacks line: $1"; cat "$tmp/err" >&2; }
}

# has_prefix TEXT: stderr has a line starting with TEXT.
has_prefix() {
	awk -v p="$1" 'index($0, p) == 1 { found = 1 } END { exit !found }' "$tmp/err" ||
		{ fail "stderr lacks a line starting: $1"; cat "$tmp/err" >&2; }
}

no_stdout() {
	[ ! -s "$tmp/out" ] || fail "stdout not empty for refused input: $(head -3 "$tmp/out")"
}

lines() {
	n=$(wc -l <"$tmp/err")
	[ "$n" -eq "$1" ] || { fail "expected $1 lines on stderr, got $n"; cat "$tmp/err" >&2; }
}

# Several problems in one document: all reported, one line each.
for mode in "" --json; do
	f="$fx/calc-bad-types.json"
	# shellcheck disable=SC2086
	run 1 $mode "$f"
	no_stdout
	lines 7
	has_prefix "$f: workbook.horizon: Horisont (år) må være et heltall fra 1 til 100"
	has_line "$f: groups[1].id: Målgruppe-id «frafall-vgs» er allerede brukt av groups[0]"
	has_line "$f: measures[0].participants: Deltakere må være et heltall"
	has_prefix "$f: measures[1].sucess_rate: ukjent felt; tillatte felt er name, group,"
	has_line "$f: measures[1].group: ukjent målgruppe «frafall»; kjente målgrupper er frafall-vgs"
	has_line "$f: measures[1].success_rate: påkrevd felt mangler"
	has_prefix "$f: measures[1].payer: Betalerandelene må til sammen være 100 %"
done

# Syntax error: line and column, from a file and from stdin.
f="$fx/calc-bad-syntax.json"
run 1 --json "$f"
no_stdout
lines 1
has_prefix "$f: linje 4, kolonne 47: "
"$UTENFOR" calc - <"$f" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || fail "calc - with bad stdin did not exit 1"
no_stdout
has_prefix "(standard inn): linje 4, kolonne 47: "

# Not our format, wrong version.
printf '{"format": "noe-annet", "version": 3, "workbook": {"name": "X", "base_year": 2027}}' \
	>"$tmp/other.json"
run 1 "$tmp/other.json"
no_stdout
lines 2
has_prefix "$tmp/other.json: format: må være «utenfor-workbook»"
has_line "$tmp/other.json: version: versjon 3 støttes ikke; denne utgaven leser versjon 1 og 2"

# A file that is not there, a directory, a broken workbook file.
run 1 "$tmp/finnes-ikke.json"
no_stdout
has_line "$tmp/finnes-ikke.json: kan ikke åpne filen: filen finnes ikke"
run 1 "$tmp"
no_stdout
lines 1
printf 'SQLite format 3\000this is not a database at all, just its first bytes.......' \
	>"$tmp/broken.utenfor"
run 1 "$tmp/broken.utenfor"
no_stdout
[ -s "$tmp/err" ] || fail "broken workbook file: nothing on stderr"

# Usage errors exit 2 and say how to use the command.
run 2
has_prefix "Bruk: utenfor calc [--json]"
run 2 --jsn "$fx/example.json"
has_line "utenfor calc: ukjent valg «--jsn»"
run 2 "$fx/example.json" "$fx/example.json"
no_stdout
"$UTENFOR" calc --help >"$tmp/out" 2>"$tmp/err" || fail "calc --help did not exit 0"
grep -q "^Bruk: utenfor calc \[--json\]" "$tmp/out" || fail "calc --help: no usage on stdout"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
exit 0
