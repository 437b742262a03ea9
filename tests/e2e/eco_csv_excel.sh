#!/bin/sh
# tests/e2e/eco_csv_excel.sh: `export --csv-excel` is the `--csv` table
# spelled for a Norwegian spreadsheet — UTF-8 byte-order mark, ';' between
# fields, decimal comma, CRLF — and reads back to the same numbers (to the
# 15 digits a spreadsheet keeps).  `--csv` itself is unchanged.  Where
# LibreOffice is installed, its CSV import (semicolon, UTF-8, Norwegian
# bokmål number format) must give one numeric cell per column.
set -u
. "$top_srcdir/tests/e2e/cli_lib.sh"
wb=$tmp/bok.utenfor
"$UTENFOR" new --default "$wb" >/dev/null || { echo "new --default failed" >&2; exit 1; }
"$UTENFOR" export --csv "$wb" -o "$tmp/plain.csv" || fail "export --csv"
"$UTENFOR" export --csv-excel "$wb" -o "$tmp/excel.csv" || fail "export --csv-excel"

# --csv stays as it was: comma, decimal point, LF, no BOM.
head -c 5 "$tmp/plain.csv" | grep -q '^year,' || fail "--csv no longer starts with year,"
grep -q "$(printf '\r')" "$tmp/plain.csv" && fail "--csv has CR line ends"
grep -q ';' "$tmp/plain.csv" && fail "--csv has semicolons"

# The BOM, then the same header with semicolons.
bom=$(head -c 3 "$tmp/excel.csv" | od -An -tx1 | tr -d ' \n')
[ "$bom" = efbbbf ] || fail "--csv-excel starts with $bom, not the UTF-8 BOM efbbbf"
lines=$(wc -l <"$tmp/plain.csv")
crlf=$(grep -c "$(printf '\r')\$" "$tmp/excel.csv")
[ "$crlf" = "$lines" ] || fail "--csv-excel: $crlf of $lines lines end in CRLF"
tail -c 2 "$tmp/excel.csv" | od -An -tx1 | grep -q '0d 0a' || fail "--csv-excel: last line lacks CRLF"
sed -e '1s/^\xef\xbb\xbf//' -e 's/\r$//' "$tmp/excel.csv" >"$tmp/excel.lf"
[ "$(head -n 1 "$tmp/excel.lf")" = "$(head -n 1 "$tmp/plain.csv" | tr ',' ';')" ] ||
	fail "--csv-excel header differs from --csv's"
grep -q '[0-9]\.[0-9]' "$tmp/excel.lf" && fail "--csv-excel has a decimal point"
grep -q '[0-9],[0-9]' "$tmp/excel.lf" || fail "--csv-excel has no decimal comma"

# Read it back: every field equals the plain table's to 15 digits.
tr ';,' ',.' <"$tmp/excel.lf" | tail -n +2 >"$tmp/back.csv"
tail -n +2 "$tmp/plain.csv" >"$tmp/want.csv"
paste -d '|' "$tmp/want.csv" "$tmp/back.csv" | awk -F'|' '
	{ n = split($1, a, ","); m = split($2, b, ",")
	  if (n != m) { printf "line %d: %d fields, want %d\n", NR + 1, m, n; bad++; next }
	  for (i = 1; i <= n; i++) {
		d = a[i] - b[i]; if (d < 0) d = -d
		s = a[i] < 0 ? -a[i] : a[i]; if (s < 1) s = 1
		if (d > 1e-13 * s) { printf "line %d field %d: %s read back as %s\n", NR + 1, i, a[i], b[i]; bad++ }
	  } }
	END { exit bad > 0 }' >&2 || fail "--csv-excel does not read back to the --csv numbers"


soffice=$(command -v soffice || command -v libreoffice || true)
if [ -n "$soffice" ]; then
	# 59 = ';', 34 = '"', 76 = UTF-8, start at line 1, language 1044 (nb-NO):
	# what the import dialog shows a Norwegian user for this file.
	(cd "$tmp" && HOME="$tmp" "$soffice" -env:UserInstallation="file://$tmp/profile" --headless \
		--infilter='CSV:59,34,76,1,,1044' --convert-to xlsx --outdir "$tmp/lo" \
		"$tmp/excel.csv" >"$tmp/soffice.log" 2>&1)
	if [ ! -f "$tmp/lo/excel.xlsx" ]; then
		cat "$tmp/soffice.log" >&2
		fail "LibreOffice did not import the --csv-excel file"
	else
		unzip -p "$tmp/lo/excel.xlsx" xl/worksheets/sheet1.xml | tr '<' '\n' >"$tmp/sheet.xml"
		cols=$(head -n 1 "$tmp/plain.csv" | tr ',' '\n' | wc -l)
		last=$(printf '%s' "$cols" | awk '{ n = $1; s = ""; while (n > 0) { n--; s = sprintf("%c", 65 + n % 26) s; n = int(n / 26) } print s }')
		grep -q "^dimension ref=\"A1:$last$lines\"" "$tmp/sheet.xml" ||
			fail "LibreOffice: sheet is $(grep '^dimension' "$tmp/sheet.xml"), want A1:$last$lines"
		# Data cells are numbers (no t="s" string cells below the header).
		strings=$(grep -E '^c r="[A-Z]+([2-9]|[1-9][0-9]+)"' "$tmp/sheet.xml" | grep -c 't="s"')
		[ "$strings" = 0 ] || fail "LibreOffice read $strings data cells as text, not numbers"
		# Row 3, column G (saving_kommune in year 2): the same number.
		want=$(sed -n 3p "$tmp/plain.csv" | cut -d, -f7)
		got=$(grep -A1 '^c r="G3"' "$tmp/sheet.xml" | sed -n 's/^v>//p')
		awk -v a="$want" -v b="$got" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(b != "" && d <= 1e-6 * (a < 0 ? -a : a) + 1e-9) }' ||
			fail "LibreOffice: G3 is «$got», want $want"
	fi
else
	echo "LibreOffice not installed: its CSV import was not tried" >&2
fi

[ "$failures" -eq 0 ] || exit 1
exit 0
