#!/bin/sh
# tests/e2e/cli_new_config.sh: config.ini's [workbook] horizon, discount
# and discount_rate are what a new workbook gets (issue 11 item 5: the
# documented keys work), with and without the example data; a workbook
# that exists keeps its own; without config.ini the model's defaults.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/cli_lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 not found"; exit 77; }

params() {
	"$UTENFOR" export --json "$1" 2>/dev/null | python3 -c '
import json, sys
w = json.load(sys.stdin)["workbook"]
d = w["discount"]
print(w["horizon"], d["mode"], d.get("rate", "-"))'
}

cfg="$tmp/config.ini"
printf '[workbook]\nhorizon = 25\ndiscount = flat\ndiscount_rate = 2,5\n' >"$cfg"

"$UTENFOR" --config "$cfg" new "$tmp/tom.utenfor" >/dev/null || fail "new"
[ "$(params "$tmp/tom.utenfor")" = "25 flat 0.025" ] || fail "empty: $(params "$tmp/tom.utenfor")"
"$UTENFOR" --config "$cfg" new --default "$tmp/eks.utenfor" >/dev/null || fail "new --default"
[ "$(params "$tmp/eks.utenfor")" = "25 flat 0.025" ] || fail "example: $(params "$tmp/eks.utenfor")"
# The example's figures follow the horizon: fewer years, a smaller NPV.
"$UTENFOR" new --default "$tmp/std.utenfor" >/dev/null || fail "new --default without config"
[ "$(params "$tmp/std.utenfor" | cut -d' ' -f1-2)" = "40 r109" ] ||
	fail "defaults: $(params "$tmp/std.utenfor")"
[ "$failures" -eq 0 ] || exit 1
echo "PASS: new workbooks take [workbook] horizon and discount"
