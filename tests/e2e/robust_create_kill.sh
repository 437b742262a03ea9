#!/bin/sh
# End-to-end: creation killed at random moments (issue 18 item 12).  Each
# of 100 rounds starts `utenfor new --default` and SIGKILLs it after a
# random 0–20 ms; afterwards there is either no workbook or a sound one,
# and never a temporary file.  Then the temporary files an older version
# left after kills ("NAME.ny-XXXXXX" and its -wal/-shm) are removed by the
# next start, while one still being built (its maker alive and holding
# the lock) is kept.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/robust_lib.sh"
need_sqlite
command -v flock >/dev/null 2>&1 || { echo "SKIP: flock(1) not found"; exit 77; }

dir="$R_DIR/books"
mkdir -p "$dir"
rounds=100 made=0 none=0
i=0
while [ "$i" -lt "$rounds" ]; do
	rm -f "$dir"/*
	"$UTENFOR" new --default "$dir/k.utenfor" >/dev/null 2>&1 &
	pid=$!
	# awk's rand() seeded by the round: reproducible delays of 0–40 ms.
	sleep "$(awk -v s="$i" 'BEGIN { srand(s); printf "%.3f", rand() * 0.020 }')"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	for f in "$dir"/* "$dir"/.[!.]*; do
		[ -e "$f" ] || continue
		case $f in
		"$dir/k.utenfor" | "$dir/k.utenfor-wal" | "$dir/k.utenfor-shm") ;;
		*) fail "round $i left $f" ;;
		esac
	done
	if [ -e "$dir/k.utenfor" ]; then
		_ic=$(sql "$dir/k.utenfor" "PRAGMA integrity_check" 2>&1)
		[ "$_ic" = ok ] || fail "round $i: the killed creation left a broken workbook: $_ic"
		[ "$(sql "$dir/k.utenfor" "SELECT count(*) FROM groups")" -gt 0 ] ||
			fail "round $i: a workbook without its groups"
		made=$((made + 1))
	else
		none=$((none + 1))
	fi
	i=$((i + 1))
done
echo "kills: $rounds ($made complete workbooks, $none nothing left)"

# Leftovers of an older version, and one in progress held by a live process.
rm -f "$dir"/*
for side in "" -wal -shm -journal; do
	echo junk >"$dir/w.utenfor.ny-AbC123$side"
done
echo busy >"$dir/w.utenfor.ny-Busy99"
# One process holds the lock (flock(1) would leave it with its child).
( exec 9<>"$dir/w.utenfor.ny-Busy99" && flock -x 9 && exec sleep 30 ) &
holder=$!
R_CLEANUP="kill $holder 2>/dev/null"
_deadline=$(( $(date +%s) + 10 ))
until ! flock -n "$dir/w.utenfor.ny-Busy99" true; do
	[ "$(date +%s)" -lt "$_deadline" ] || fail "flock did not take the lock"
	sleep 0.05
done
"$UTENFOR" new "$dir/w.utenfor" >/dev/null || fail "new after a killed creation"
left=$(ls -A "$dir" | grep '\.ny-' | tr '\n' ' ')
[ "$left" = "w.utenfor.ny-Busy99 " ] || fail "after the next start: «$left» (want only the locked one)"
# Opening for writing sweeps too.
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
"$UTENFOR" import --json "$top_srcdir/tests/fixtures/store-roundtrip.json" "$dir/w.utenfor" >/dev/null ||
	fail "import into the new workbook"
[ -z "$(ls -A "$dir" | grep '\.ny-')" ] || fail "opening for writing left $(ls -A "$dir")"
echo "ok"
