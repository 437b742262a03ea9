#!/bin/sh
# tests/e2e/report_hyperformula.sh: the xlsx export's formulas recomputed by
# a real spreadsheet engine (HyperFormula, run by node) equal the engine's
# cached values, and editing a success rate in the sheet gives the same net
# present value as the engine computes for the edited workbook.  Skips (77)
# unless node, unzip and the hyperformula module (e.g. NODE_PATH pointing
# at an `npm install hyperformula` tree) are all present.
set -u
if [ -z "${UTENFOR:-}" ] || [ ! -x "$UTENFOR" ] || [ -z "${top_srcdir:-}" ]; then
	echo "UTENFOR or top_srcdir not set: run through make check" >&2
	exit 77
fi
for tool in node unzip sed; do
	command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool not installed" >&2; exit 77; }
done
node -e "require('hyperformula')" >/dev/null 2>&1 ||
	{ echo "SKIP: node module hyperformula not found (set NODE_PATH)" >&2; exit 77; }
LC_ALL=C.UTF-8
export LC_ALL
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
js="$top_srcdir/tests/e2e/report_recalc.js"
fx="$top_srcdir/tests/fixtures"
failures=0

for name in report-simple report-rich report-empty report-edges report-v2; do
	"$UTENFOR" report "$fx/$name.json" -o "$tmp/$name.xlsx" || { failures=$((failures + 1)); continue; }
	node "$js" "$tmp/$name.xlsx" || failures=$((failures + 1))
done

# Edit the first measure's success rate 0,2 → 0,3: in the sheet, and in a
# copy of the JSON for the engine (whose export caches the engine's NPV).
# The net present values must agree to the krone.
sed 's/"success_rate": 0.2,/"success_rate": 0.3,/' "$fx/report-simple.json" >"$tmp/edited.json"
"$UTENFOR" report "$fx/report-simple.json" -o "$tmp/simple.xlsx" || exit 1
sheet=$(node "$js" "$tmp/simple.xlsx" 0.3 | sed -n 's/^npv //p')
"$UTENFOR" report "$tmp/edited.json" -o "$tmp/edited.xlsx" || exit 1
# 24 successes × 30 000 kr × 6 years − 600 000 kr = 3 720 000 kr.
[ "$sheet" = "3720000" ] || { echo "FAIL: edited sheet npv $sheet, expected 3720000" >&2; failures=$((failures + 1)); }
engine=$(node "$js" "$tmp/edited.xlsx" | sed -n 's/^cached_npv //p')
[ "$(printf '%.0f' "$sheet")" = "$(printf '%.0f' "$engine")" ] || { echo "FAIL: sheet $sheet vs engine $engine" >&2; failures=$((failures + 1)); }

[ "$failures" -eq 0 ] || exit 1
exit 0
