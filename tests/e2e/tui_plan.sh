#!/bin/sh
# End-to-end (issue 12 item 4): the Økonomiplan view shows the plan years
# × sectors with bearer subtotals, for the portfolio and for one measure,
# net / cost / saving; its figures are calc --json's plan (undiscounted);
# it follows an edit made elsewhere; nb and en; 80×24 and 100×30.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/tui_lib.sh"

book="$TUI_DIR/plan.utenfor"
"$UTENFOR" new --default "$book" >/dev/null || fail "new --default"

# The portfolio's net in the first plan year, summed over every sector,
# in whole kroner with Norwegian grouping ("-1 994 812").
plan_net() {
	"$UTENFOR" calc --json "$book" 2>/dev/null | python3 -c '
import json, sys
p = json.load(sys.stdin)["portfolio"]["plan"][0]
v = round(sum(p["saving"].values()) - sum(p["cost"].values()))
s = "{:,}".format(abs(v)).replace(",", " ")
print(("-" if v < 0 else "") + s)'
}
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 not found"; exit 77; }

start "$book"
wait_for "1 Oversikt"
# The overview's who-pays-who-gains by sector (Space), and back.
keys Space
wait_for "Hvem betaler → hvem vinner, per sektor"
wait_for "NAV (folketrygden)"
wait_for "Videregåen"
keys Space
wait_for "Hvem betaler → hvem vinner (nåverdi"
keys 6
wait_for "Økonomiplan 2027–2030: netto"
wait_for "Sum kommune"
wait_for "Sum fylkeskommune"
wait_for "Sum alle budsjett"
net=$(plan_net)
screen | grep "Sum alle budsjett" | grep -q -- " $net " ||
	fail "Sum alle budsjett 2027 is not calc --json's $net"
# A declared sector shows by name under its bearer.
wait_for "Videregående opplæring"

# Space: cost; → the first measure; its only cost is the fylkeskommune's.
keys Space
wait_for "Økonomiplan 2027–2030: kostnad"
keys Right
wait_for "Tiltak: Oppfølgingslos"
screen | grep "Videregående opplæring" | grep -q -- "-600 000" || fail "the measure's cost"

# An edit elsewhere reaches the view.
"$UTENFOR" set "$book" measure Oppfølgingslos cost_per_participant 10000 >/dev/null ||
	fail "set"
wait_for "-800 000"

keys L
wait_for "Economic plan 2027–2030: cost"
wait_for "Total, all budgets"
keys L
tmx resize-window -x 80 -y 24 2>/dev/null || tmx resize-pane -x 80 -y 24
wait_for "Sum planårene"
# Every tab keeps a name at 80 columns: short ones where the titles do
# not all fit ("5 Innst."), the open view's in full while that leaves
# the others theirs.
keys 1
wait_for "1 Oversikt"
screen | head -n 1 | grep -E -q "1 Oversikt +2 Tiltak +3 Grupper +4 År +5 Innst\. +6 Plan +7 Usikk\." ||
	fail "the tab bar at 80 columns does not name every view: $(screen | head -n 1)"
# With a view open whose full name is long, that one goes short rather
# than another going bare ("7" beside "5 Innstillinger").
tabs="1 Oversikt +2 Tiltak +3 Grupper +4 År +5 Innst\\. +6 Plan +7 Usikk\\."
keys 5
wait_for "Skattefinansieringskostnad"
screen | head -n 1 | grep -E -q "$tabs" ||
	fail "with Innstillinger open the tab bar at 80 columns does not name every view: $(screen | head -n 1)"
keys 6
wait_for "Sum planårene"
screen | head -n 1 | grep -E -q "$tabs" ||
	fail "with Økonomiplan open the tab bar at 80 columns does not name every view: $(screen | head -n 1)"
# The same in English, whose names are longer.
keys L
wait_for "Plan years total"
entabs="1 Overview +2 Measures +3 Groups +4 Year +5 Setup +6 Plan +7 Unc\\."
for v in "1 Break-even year" "5 Marginal cost of public funds" "6 Plan years total" \
	"7 draws, seed"; do
	keys "${v%% *}"
	wait_for "${v#* }"
	screen | head -n 1 | grep -E -q "$entabs" ||
		fail "with view ${v%% *} open the English tab bar at 80 columns does not name every view: $(screen | head -n 1)"
done
# The overview's who-pays matrix keeps all three budgets at 80 columns in
# English too: its column head is the short "Municip." (NC_ in i18n.h).
keys 1
wait_for "Break-even year"
screen | grep -E -q "Payer +Municip\. +County +State" ||
	fail "the English who-pays matrix at 80 columns lost a budget: $(screen | grep -F Payer)"
keys q
wait_for "UTENFOR-EXIT 0"
echo "PASS: Økonomiplan view"
