#!/bin/sh
# tests/e2e/calc_uncertainty.sh: `utenfor calc --json` carries the
# uncertainty objects; the same --seed gives byte-identical output twice,
# another seed another simulation (and only the simulation differs);
# --draws/--seed override the workbook and are checked.  Exit status is
# the test result.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/cli_lib.sh"

example="$top_srcdir/tests/fixtures/example.json"
run() {
	"$UTENFOR" calc --json --draws 500 --seed "$1" "$example" >"$2" 2>"$tmp/err" ||
		fail "calc --seed $1 failed: $(cat "$tmp/err")"
}
run 7 "$tmp/a"
run 7 "$tmp/b"
run 8 "$tmp/c"
cmp -s "$tmp/a" "$tmp/b" || fail "the same seed gave different output"
cmp -s "$tmp/a" "$tmp/c" && fail "another seed gave the same output"

grep -q '"monte_carlo"' "$tmp/a" || fail "no monte_carlo object"
grep -q '"tornado"' "$tmp/a" || fail "no tornado"
grep -q '"switching"' "$tmp/a" || fail "no switching values"
grep -q '"seed": 7' "$tmp/a" || fail "seed 7 not reported"
grep -q '"draws": 500' "$tmp/a" || fail "draws 500 not reported"
# Everything outside monte_carlo (the point results, tornado, switching)
# does not depend on the seed.
strip() { grep -v -E '"(mean|p10|p50|p90|prob_positive|seed)"' "$1"; }
strip "$tmp/a" >"$tmp/a.point"
strip "$tmp/c" >"$tmp/c.point"
cmp -s "$tmp/a.point" "$tmp/c.point" || fail "a seed changed more than the simulation"

# Without the options the workbook's settings apply (10 000 draws, seed 1).
"$UTENFOR" calc --json "$example" >"$tmp/d" 2>"$tmp/err" || fail "calc without options failed"
grep -q '"draws": 10000' "$tmp/d" || fail "default draws not 10000"

# Refused values name the option and the allowed range; exit 2.
"$UTENFOR" calc --json --draws 5 "$example" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] || fail "--draws 5 was not a usage error"
grep -q -- "--draws" "$tmp/err" || fail "--draws error does not name the option"
grep -q "100" "$tmp/err" || fail "--draws error does not give the range"
"$UTENFOR" calc --json --seed -1 "$example" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] || fail "--seed -1 was not a usage error"
[ ! -s "$tmp/out" ] || fail "a refused option printed results"

[ "$failures" -eq 0 ] || exit 1
exit 0
