#!/bin/sh
# End-to-end: hostile input files (issue 18 item 6).  Where a file is
# expected, a FIFO, /dev/zero and a directory are refused at once with a
# clear message (never a hang: each command runs under a 10 s timeout);
# a document past the size limit, or with more groups, items or measures
# than engine/limits.h allows, is refused naming the limit, also on
# standard input.  Memory stays bounded: each refusal runs under a
# 512 MB address-space limit (none with AddressSanitizer).
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/robust_lib.sh"
command -v timeout >/dev/null 2>&1 || { echo "SKIP: timeout(1) not found"; exit 77; }
# A sanitizer build reserves terabytes of address space: no limit there.
VLIMIT=524288
grep -q -a -e __asan_init "$UTENFOR" && VLIMIT=unlimited

# refused WHAT NEEDLE CMD...: CMD exits 1 within 10 s, stderr has NEEDLE.
refused() {
	_what=$1 _needle=$2
	shift 2
	( ulimit -v $VLIMIT 2>/dev/null; exec timeout 10 "$@" ) </dev/null >/dev/null 2>"$R_DIR/err"
	_rc=$?
	[ "$_rc" != 124 ] || fail "$_what: hung (killed after 10 s)"
	[ "$_rc" = 1 ] || fail "$_what: exit $_rc, want 1: $(cat "$R_DIR/err")"
	grep -q -- "$_needle" "$R_DIR/err" || fail "$_what: message «$(cat "$R_DIR/err")» lacks «$_needle»"
}

fifo="$R_DIR/pipe.json"
mkfifo "$fifo" || { echo "SKIP: mkfifo failed"; exit 77; }
refused "calc on a FIFO" "ikke en vanlig fil (en FIFO)" "$UTENFOR" calc "$fifo"
refused "calc --json on a FIFO" "ikke en vanlig fil (en FIFO)" "$UTENFOR" calc --json "$fifo"
refused "import from a FIFO" "ikke en vanlig fil (en FIFO)" \
	"$UTENFOR" import --json "$fifo" "$R_DIR/x.utenfor"
refused "report from a FIFO" "ikke en vanlig fil (en FIFO)" "$UTENFOR" report "$fifo"
[ ! -e "$R_DIR/x.utenfor" ] || fail "a refused import created the workbook"
refused "calc /dev/zero" "ikke en vanlig fil (en enhet)" "$UTENFOR" calc /dev/zero
refused "import from /dev/zero" "ikke en vanlig fil (en enhet)" \
	"$UTENFOR" import --json /dev/zero "$R_DIR/x.utenfor"
refused "calc on a directory" "er en mappe" "$UTENFOR" calc "$R_DIR"
refused "import from a directory" "er en mappe" "$UTENFOR" import --json "$R_DIR" "$R_DIR/x.utenfor"
refused "the TUI on a FIFO" "ikke en vanlig fil" "$UTENFOR" "$fifo"

# Too large: 65 MiB of spaces around an empty object (64 MiB is the limit).
big="$R_DIR/big.json"
{ head -c 68157440 /dev/zero | tr '\0' ' '; echo '{}'; } >"$big"
refused "calc on a 65 MiB document" "er for stor" "$UTENFOR" calc "$big"
refused "import of a 65 MiB document" "er for stor" "$UTENFOR" import --json "$big" "$R_DIR/x.utenfor"
# Standard input is read with the same limit; /dev/zero there never ends.
( ulimit -v $VLIMIT 2>/dev/null; exec timeout 10 "$UTENFOR" calc - ) </dev/zero >/dev/null 2>"$R_DIR/err"
[ $? = 1 ] && grep -q "er for stor" "$R_DIR/err" || fail "calc - </dev/zero: $(cat "$R_DIR/err")"

# Too many elements: one past each limit, with a valid element repeated.
many() { # many COUNT TEMPLATE: a JSON array of COUNT copies
	awk -v n="$1" -v t="$2" 'BEGIN { printf "["; for (i = 0; i < n; i++) printf "%s%s", (i ? "," : ""), t; printf "]" }'
}
head='"format":"utenfor-workbook","version":1,"workbook":{"name":"x","base_year":2025}'
group='{"id":"g","name":"G","entry_age":16}'
item='{"name":"i","bearer":"stat","amount":1,"from_age":16,"to_age":20}'
measure='{"name":"m","group":"g","participants":1,"start_year":2025,"duration":1,"cost_per_participant":1,"payer":{"kommune":1},"success_rate":0.5}'
printf '{%s,"groups":%s}' "$head" "$(many 1001 "$group")" >"$R_DIR/groups.json"
refused "1001 groups" "groups: for mange elementer: 1001 (høyst 1000)" "$UTENFOR" calc "$R_DIR/groups.json"
printf '{%s,"groups":[{"id":"g","name":"G","entry_age":16,"items":%s}]}' "$head" "$(many 1001 "$item")" >"$R_DIR/items.json"
refused "1001 items" "groups\[0\].items: for mange elementer: 1001 (høyst 1000)" "$UTENFOR" calc "$R_DIR/items.json"
printf '{%s,"groups":[%s],"measures":%s}' "$head" "$group" "$(many 20001 "$measure")" >"$R_DIR/measures.json"
refused "20001 measures" "measures: for mange elementer: 20001 (høyst 20000)" "$UTENFOR" calc --json "$R_DIR/measures.json"
# Well inside the limit it is accepted, within a bounded address space.
printf '{%s,"groups":[%s],"measures":%s}' "$head" "$group" "$(many 1000 "$measure")" >"$R_DIR/measures.json"
( [ "$VLIMIT" = unlimited ] || ulimit -v 1048576 2>/dev/null; exec timeout 60 "$UTENFOR" calc --json "$R_DIR/measures.json" ) >/dev/null 2>"$R_DIR/err" ||
	fail "1000 measures were refused: $(cat "$R_DIR/err")"
echo "ok"
