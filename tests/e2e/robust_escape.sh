#!/bin/sh
# End-to-end: no raw control character from input reaches the terminal
# (issue 18 item 5).  Each command below quotes hostile input in its
# message: a JSON key that retitles and clears an xterm, an enum value, a
# group reference, a command-line argument, a file name, and a row name
# written into a workbook behind the program's back.  The messages must
# show the characters escaped (\x1b) and contain no ESC, BEL or CR byte.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/robust_lib.sh"
need_sqlite

ESC=$(printf '\033')
BEL=$(printf '\007')
CR=$(printf '\r')
# check_clean WHAT FILE: FILE (a command's stderr) quotes escaped, raw-free.
check_clean() {
	if grep -q "[$ESC$BEL$CR]" "$2"; then
		fail "$1: raw control characters on stderr: $(od -c "$2" | head -n 5)"
	fi
	grep -q '\\x1b' "$2" || fail "$1: the input is not quoted escaped: $(cat "$2")"
}

doc="$R_DIR/evil.json"
printf '%s' '{"format":"utenfor-workbook","version":1,
 "\u001b]0;PWNED\u0007\u001b[2J":1,
 "workbook":{"name":"x","base_year":2025,"discount":{"mode":"\u001b[31mr109"}},
 "groups":[{"id":"g","name":"G","entry_age":16,"items":[{"name":"i","bearer":"stat\u001b[5m","amount":1,"from_age":16,"to_age":20}]}],
 "measures":[{"name":"m","group":"g\u001b[2J","participants":1,"start_year":2025,
  "duration":1,"cost_per_participant":1,"payer":{"kommune":1},"success_rate":0.5}]}' >"$doc"

"$UTENFOR" calc "$doc" >/dev/null 2>"$R_DIR/e1" && fail "calc accepted the document"
check_clean "calc (key, enum values, group)" "$R_DIR/e1"
[ "$(grep -c '\\x1b' "$R_DIR/e1")" -ge 4 ] || fail "calc: not every quote escaped: $(cat "$R_DIR/e1")"

"$UTENFOR" import --json "$doc" "$R_DIR/new.utenfor" >/dev/null 2>"$R_DIR/e2" &&
	fail "import accepted the document"
check_clean "import" "$R_DIR/e2"

"$UTENFOR" calc "--x${ESC}]0;T${BEL}" >/dev/null 2>"$R_DIR/e3"
check_clean "an unknown option" "$R_DIR/e3"
"$UTENFOR" "nosuch${ESC}[2J" >/dev/null 2>"$R_DIR/e4"
check_clean "an unknown command" "$R_DIR/e4"
"$UTENFOR" calc "$R_DIR/no${ESC}[2Jfile.json" >/dev/null 2>"$R_DIR/e5"
check_clean "a missing file's name" "$R_DIR/e5"
"$UTENFOR" export --json "$R_DIR/no${ESC}[2J.utenfor" >/dev/null 2>"$R_DIR/e6"
check_clean "a missing workbook's name" "$R_DIR/e6"
"$UTENFOR" report "$R_DIR/a.utenfor" --format "h${ESC}[2J" >/dev/null 2>"$R_DIR/e7"
check_clean "an unknown report format" "$R_DIR/e7"

# A refused workbook row: a name with ESC written past the CHECKs.
book="$R_DIR/rows.utenfor"
"$UTENFOR" new --default "$book" >/dev/null || fail "new --default"
sql "$book" "PRAGMA ignore_check_constraints = 1;
  UPDATE measures SET name = 'A' || char(27) || ']0;PWNED' || char(7) || char(27) || '[2J',
    participants = -5 WHERE id = (SELECT min(id) FROM measures);" >/dev/null ||
	fail "sqlite3 could not write the hostile row"
"$UTENFOR" calc "$book" >/dev/null 2>"$R_DIR/e8" && fail "calc accepted the broken row"
check_clean "a refused workbook row" "$R_DIR/e8"
"$UTENFOR" export --json "$book" >/dev/null 2>"$R_DIR/e9" && fail "export accepted the broken row"
check_clean "a refused workbook row (export)" "$R_DIR/e9"

# Valid text is untouched: æøå and € pass as they are.
"$UTENFOR" calc "$R_DIR/blåbær€.json" >/dev/null 2>"$R_DIR/e10"
grep -q 'blåbær€.json' "$R_DIR/e10" || fail "UTF-8 file name changed: $(cat "$R_DIR/e10")"
echo "ok"
