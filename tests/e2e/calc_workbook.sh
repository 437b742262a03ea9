#!/bin/sh
# tests/e2e/calc_workbook.sh: `utenfor calc` on a workbook file gives the
# same results as on the JSON document it was imported from, and leaves the
# file untouched (it is opened read-only, so a read-only file works too).
# Exit status is the test result (77 = skip).
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/cli_lib.sh"
json="$top_srcdir/tests/fixtures/example.json"
wb="$tmp/eksempel.utenfor"

if ! "$UTENFOR" import --json "$json" "$wb" >"$tmp/import.out" 2>&1; then
	cat "$tmp/import.out" >&2
	echo "FAIL: import --json of the example fixture" >&2
	exit 1
fi
chmod a-w "$wb" "$tmp"
before=$(cksum <"$wb")

"$UTENFOR" calc --json "$json" >"$tmp/from-json" || { echo "FAIL: calc --json FILE.json" >&2; exit 1; }
"$UTENFOR" calc --json "$wb" >"$tmp/from-wb" 2>"$tmp/err" || {
	cat "$tmp/err" >&2
	echo "FAIL: calc --json on the workbook" >&2
	exit 1
}
# Same doubles in, same text out: SQLite stores REALs as IEEE doubles.
if ! cmp -s "$tmp/from-json" "$tmp/from-wb"; then
	diff "$tmp/from-json" "$tmp/from-wb" | head -20 >&2
	echo "FAIL: results differ between the JSON document and its workbook" >&2
	exit 1
fi
"$UTENFOR" calc "$wb" >"$tmp/summary" 2>"$tmp/err" || {
	cat "$tmp/err" >&2
	echo "FAIL: calc (summary) on the workbook" >&2
	exit 1
}
grep -q '^  Netto nåverdi  *6 123 809 kr$' "$tmp/summary" ||
	{ echo "FAIL: summary of the workbook lacks the portfolio NPV" >&2; exit 1; }
[ "$(cksum <"$wb")" = "$before" ] || { echo "FAIL: calc changed the workbook file" >&2; exit 1; }
exit 0
