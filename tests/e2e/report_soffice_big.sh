#!/bin/sh
# tests/e2e/report_soffice_big.sh: a big workbook's xlsx (report-v2's
# measures repeated to UTENFOR_BIG_MEASURES measures, 2 000 by default)
# exports, opens in LibreOffice and recomputes to the engine's numbers to
# the krone, as tests/e2e/report_soffice.sh does for the fixtures.  With
# measures in rows 10 000 measures also fit the sheet (see doc/reports.md),
# but LibreOffice needs far longer than a test run to recompute them, so
# the default is 2 000 (doc/benchmarks.md has the 10 000 figures).  Skips
# (77) when soffice is not installed.
set -u
if [ -z "${top_srcdir:-}" ] || [ -z "${top_builddir:-}" ]; then
	echo "top_srcdir/top_builddir not set: run through make check" >&2
	exit 77
fi
soffice=$(command -v soffice || command -v libreoffice || true)
if [ -z "$soffice" ]; then
	echo "SKIP: LibreOffice (soffice) is not installed, so the xlsx formulas were not" \
	     "recomputed here; tests/report_xlsx checks the cached values instead." >&2
	exit 77
fi
probe="$top_builddir/tests/report_xlsx_probe"
[ -x "$probe" ] || { echo "missing $probe" >&2; exit 99; }
LC_ALL=C.UTF-8
export LC_ALL
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

# A private profile whose only setting is "recalculate xlsx files on load
# always" (OOXMLRecalcMode 0), so cached values are never trusted.
mkdir -p "$tmp/profile/user"
cat >"$tmp/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU

n=${UTENFOR_BIG_MEASURES:-2000}
fixture="$top_srcdir/tests/fixtures/report-v2.json"
name=big
"$probe" write --measures "$n" "$fixture" "$tmp/$name.xlsx" || exit 1
(cd "$tmp" && HOME="$tmp" "$soffice" -env:UserInstallation="file://$tmp/profile" \
	--headless --convert-to \
	'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1' \
	--outdir "$tmp" "$tmp/$name.xlsx" >"$tmp/soffice.log" 2>&1)
if [ ! -f "$tmp/$name-Framskriving.csv" ] || [ ! -f "$tmp/$name-Samfunn.csv" ]; then
	echo "LibreOffice did not open or convert the $n-measure workbook:" >&2
	cat "$tmp/soffice.log" >&2
	exit 1
fi
# Every measure's row is there: its name in column A of Framskriving.
rows=$(grep -c '^"\{0,1\}Tiltak [0-9]' "$tmp/$name-Framskriving.csv")
[ "$rows" -ge $((n - 3)) ] || { echo "FAIL: $rows measure rows of $n" >&2; exit 1; }
"$probe" check --measures "$n" "$fixture" "$tmp" "$name" >"$tmp/check.log"
status=$?
tail -n 20 "$tmp/check.log"
[ "$status" -eq 0 ] || exit 1
exit 0
