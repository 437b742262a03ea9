#!/bin/sh
# End-to-end: output files (issue 18 item 11, and item 12's xlsx message).
# Exports and reports of a 0600 workbook are 0600 whatever the umask;
# --force never widens an existing file's mode; writing over the workbook
# (by any name for it) or its -wal/-shm is refused and leaves it intact;
# `-o -` is standard output; a spreadsheet that cannot be written says so
# in one line in the user's language.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/robust_lib.sh"

mode_of() {
	stat -c %a "$1"
}
cd "$R_DIR" || fail "cd"
umask 000
"$UTENFOR" new --default book.utenfor >/dev/null || fail "new"
[ "$(mode_of book.utenfor)" = 600 ] || fail "new workbook is $(mode_of book.utenfor)"

# Every output kind, under umask 000.
"$UTENFOR" export --json book.utenfor -o out.json || fail "export --json"
"$UTENFOR" export --csv book.utenfor -o out.csv || fail "export --csv"
"$UTENFOR" export --xlsx book.utenfor -o out.xlsx || fail "export --xlsx"
"$UTENFOR" report book.utenfor -o out.html || fail "report html"
"$UTENFOR" report book.utenfor -o out.md || fail "report md"
"$UTENFOR" report book.utenfor --format xlsx -o rep.xlsx || fail "report xlsx"
"$UTENFOR" report out.json -o fromjson.html || fail "report from JSON"
for f in out.json out.csv out.xlsx out.html out.md rep.xlsx fromjson.html; do
	[ "$(mode_of "$f")" = 600 ] || fail "$f is $(mode_of "$f") (umask 000, workbook 0600)"
done

# A readable workbook gives readable outputs (the umask still counts).
cp book.utenfor open.utenfor && chmod 644 open.utenfor
( umask 022; "$UTENFOR" export --json open.utenfor -o open.json ) || fail "export of a 0644 workbook"
[ "$(mode_of open.json)" = 644 ] || fail "open.json is $(mode_of open.json), want 644"
( umask 027; "$UTENFOR" report open.utenfor -o open.html ) || fail "report under umask 027"
[ "$(mode_of open.html)" = 640 ] || fail "open.html is $(mode_of open.html), want 640"

# --force keeps a narrower existing mode.
echo old >narrow.json && chmod 600 narrow.json
"$UTENFOR" export --json open.utenfor -o narrow.json --force || fail "export --force"
[ "$(mode_of narrow.json)" = 600 ] || fail "--force widened narrow.json to $(mode_of narrow.json)"
echo old >narrow.xlsx && chmod 640 narrow.xlsx
"$UTENFOR" export --xlsx open.utenfor -o narrow.xlsx --force || fail "export --xlsx --force"
[ "$(mode_of narrow.xlsx)" = 640 ] || fail "--force widened narrow.xlsx to $(mode_of narrow.xlsx)"

# Never over the workbook itself or its side files, by any name.
cp book.utenfor before.utenfor
mkdir sub
ln -s book.utenfor link.utenfor
for target in book.utenfor ./book.utenfor sub/../book.utenfor "$R_DIR/book.utenfor" link.utenfor \
	book.utenfor-wal book.utenfor-shm sub/../book.utenfor-wal; do
	for how in "export --json" "export --csv" "export --xlsx"; do
		# shellcheck disable=SC2086
		"$UTENFOR" $how book.utenfor -o "$target" --force >/dev/null 2>err &&
			fail "$how -o $target --force overwrote the workbook"
		grep -q "er arbeidsboken som leses" err || fail "$how -o $target: $(cat err)"
	done
	"$UTENFOR" report book.utenfor -o "$target" --force --format md >/dev/null 2>err &&
		fail "report -o $target --force overwrote the workbook"
	grep -q "er arbeidsboken som leses" err || fail "report -o $target: $(cat err)"
done
cmp -s book.utenfor before.utenfor || fail "the workbook changed"
[ -L link.utenfor ] || fail "the symlink was replaced"
if [ -n "$SQLITE3_CLI" ]; then
	[ "$(sql book.utenfor 'PRAGMA integrity_check' 2>&1)" = ok ] || fail "integrity_check after the refusals"
fi

# -o - is standard output, and makes no file called "-".
"$UTENFOR" export --json book.utenfor -o - >stdout.json || fail "export --json -o -"
cmp -s stdout.json out.json || fail "export -o - differs from the file export"
"$UTENFOR" export --csv book.utenfor -o - >stdout.csv || fail "export --csv -o -"
cmp -s stdout.csv out.csv || fail "export --csv -o - differs"
"$UTENFOR" export --xlsx book.utenfor -o - >/dev/null 2>err
[ $? = 2 ] && grep -q "xlsx må skrives til en fil" err || fail "export --xlsx -o -: $(cat err)"
[ ! -e ./- ] || fail "a file named - was created"

# A spreadsheet on a full disk: one line, Norwegian, then English on request.
disk="$R_DIR/disk"
mkdir -p "$disk"
if mount -t tmpfs -o size=256k tmpfs "$disk" 2>/dev/null; then
	R_CLEANUP="umount -l '$disk' 2>/dev/null"
	dd if=/dev/zero of="$disk/filler" bs=1024 count=$(( $(df -P -k "$disk" | awk 'NR == 2 {print $4}') - 8 )) >/dev/null 2>&1
	"$UTENFOR" export --xlsx book.utenfor -o "$disk/x.xlsx" 2>err && fail "xlsx on a full disk succeeded"
	[ "$(wc -l <err)" = 1 ] || fail "xlsx error is not one line: $(cat err)"
	grep -q "disken er full" err || fail "xlsx error: $(cat err)"
	grep -q -i "error\|zip" err && fail "English library text in: $(cat err)"
	UTENFOR_LANG=en "$UTENFOR" export --xlsx book.utenfor -o "$disk/x.xlsx" 2>err
	[ "$(wc -l <err)" = 1 ] && grep -q "the disk is full" err || fail "English xlsx error: $(cat err)"
	[ -z "$(ls -A "$disk" | grep -v filler)" ] || fail "the failed xlsx left $(ls -A "$disk")"
else
	echo "(no tmpfs: the full-disk xlsx check is skipped)"
fi
echo "ok"
