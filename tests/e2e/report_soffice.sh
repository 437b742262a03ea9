#!/bin/sh
# tests/e2e/report_soffice.sh: the xlsx export's formulas, recomputed by
# LibreOffice, give the engine's numbers to the krone.  The file is written
# with every cached value set to 0 (report_xlsx_probe write), LibreOffice is
# told to always recalculate on load, the Tiltak and Framskriving sheets
# (and Hvem betaler, Økonomiplan, Samfunn) are converted to CSV, and
# report_xlsx_probe check compares them with the engine.  Skips (77) when
# soffice is not installed.
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

failures=0
for name in report-simple report-rich report-edges report-v2; do
	fixture="$top_srcdir/tests/fixtures/$name.json"
	"$probe" write "$fixture" "$tmp/$name.xlsx" || { failures=$((failures + 1)); continue; }
	# Sheet -1 writes every sheet as NAME-SHEET.csv (LibreOffice 7.2 and later);
	# "false" in the 9th field keeps full precision instead of the display format.
	(cd "$tmp" && HOME="$tmp" "$soffice" -env:UserInstallation="file://$tmp/profile" \
		--headless --convert-to \
		'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1' \
		--outdir "$tmp" "$tmp/$name.xlsx" >"$tmp/soffice.log" 2>&1)
	if [ ! -f "$tmp/$name-Tiltak.csv" ] || [ ! -f "$tmp/$name-Samfunn.csv" ]; then
		echo "LibreOffice made no per-sheet CSV (needs 7.2+):" >&2
		cat "$tmp/soffice.log" >&2
		ls "$tmp" >&2
		failures=$((failures + 1))
		continue
	fi
	"$probe" check "$fixture" "$tmp" "$name" ||
		failures=$((failures + 1))
done
[ "$failures" -eq 0 ] || exit 1
exit 0
