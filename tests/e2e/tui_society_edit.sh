#!/bin/sh
# End-to-end (issue 14 item 2, by hand at 80×24 and 120×40): the society
# terms keep a blank between label and value in the measure view's narrow
# pane (nb and en); the tax-cost term names the rate as the settings show
# it (25,5 %, not 26 %); a cost item's Type and Kilde are reached with Tab
# in a window too narrow to show them all, an item switched to produksjon
# and livskvalitet loses its bearer and sector, and the Type column shows
# "livskvalitet" / "quality of life" whole.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/tui_lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 not found"; exit 77; }

book="$TUI_DIR/samfunn.utenfor"
"$UTENFOR" new --default "$book" >/dev/null || fail "new --default"

# A label running into its number ("nåverdi21 049 145 kr") in the results
# pane, the left 33 columns of the lines under its rule.
touching() {
	screen | python3 -c '
import re, sys
on = False
for line in sys.stdin.read().splitlines():
    if sys.argv[1] in line:
        on = True
    elif on and line.startswith("─"):
        break
    elif on and re.search(r"[^\W\d_]-?\d", line[:32]):
        print(line[:32])
        sys.exit(0)
sys.exit(1)' "$1"
}

start "$book"
tmx resize-window -x 80 -y 24 2>/dev/null || tmx resize-pane -x 80 -y 24
wait_for "1 Oversikt"
keys 2
wait_for "─ Resultat ─"
keys s
wait_for "Resultat: Samfunn"
wait_for "Overføringer"
if touching "Resultat: Samfunn" >"$TUI_DIR/touch"; then
	fail "a label touches its value: $(cat "$TUI_DIR/touch")"
fi
keys L
wait_for "Result: Society"
wait_for "Transfers"
if touching "Result: Society" >"$TUI_DIR/touch"; then
	fail "a label touches its value (en): $(cat "$TUI_DIR/touch")"
fi
keys L
wait_for "Resultat: Samfunn"

# The workbook's tax cost, 25,5 %: the term says so and is that share of
# the budget NPV.
keys 5
wait_for "Skattefinansieringskostnad"
row=$(screen | grep -n "^Skattefinansieringskostnad" | head -n 1 | cut -d: -f1)
first=$(screen | grep -n "^Navn " | head -n 1 | cut -d: -f1)
[ -n "$row" ] && [ -n "$first" ] || fail "no Skattefinansieringskostnad row"
i=$first
while [ "$i" -lt "$row" ]; do
	keys Down
	i=$((i + 1))
done
keys Enter C-u "25,5" Enter
wait_for "Lagret: Skattefinansieringskostnad = 25,5 %"
keys 1
wait_for "Skattekostnad, 25,5 %"
want=$("$UTENFOR" calc --json "$book" | python3 -c '
import json, sys
p = json.load(sys.stdin)["portfolio"]
v = round(0.255 * p["npv"])
print(("-" if v < 0 else "") + "{:,}".format(abs(v)).replace(",", " "))')
screen | grep "Skattekostnad, 25,5 %" | grep -q -- " $want kr" ||
	fail "the tax-cost term is not 25,5 % of the budget NPV ($want)"

# A new item of the first group: Type lies beyond the 80 columns' table.
keys 3
wait_for "Unge som har falt ut"
keys Right a
wait_for "La til en kostnadspost"
keys C-u "Trivsel" Enter
wait_for "Lagret: Navn = Trivsel"
for i in 1 2 3 4 5 6 7 8; do
	keys Tab
done
wait_for " Type"
# tjeneste → overføring → skatt → produksjon
keys Space Space Space
wait_for "Lagret: Type = produksjon"
screen | grep "Trivsel" | grep -q "–" || fail "a production item shows no '–' bearer"
keys Space
wait_for "Lagret: Type = livskvalitet"
screen | grep "Trivsel" | grep -q "livskvalitet$" ||
	fail "the Type column cuts livskvalitet"
item() {
	"$UTENFOR" export --json "$book" | python3 -c '
import json, sys
for g in json.load(sys.stdin)["groups"]:
    for it in g["items"]:
        if it["name"] == "Trivsel":
            print(it["kind"], it.get("bearer", "-"), it.get("sector", "-"), it.get("source", ""))'
}
[ "$(item)" = "welfare - - " ] || fail "the item is not a welfare item without bearer: $(item)"

# 120×40, English: Kilde is hidden there, yet Tab reaches it (it used to
# bounce back to Til), and Type shows "quality of life" whole.
tmx resize-window -x 120 -y 40 2>/dev/null || tmx resize-pane -x 120 -y 40
wait_for " Sektor"
screen | grep "Trivsel" | grep -q "livskvalitet  *–" ||
	fail "at 120 columns the Type and Sektor of the item are not both shown"
keys L
wait_for "Language: English"
screen | grep "Trivsel" | grep -Eq "quality of life( |$)" ||
	fail "the Type column cuts quality of life"
# From Type (8) on, round the ten columns to Kilde (6).
for i in 1 2 3 4 5 6 7 8; do
	keys Tab
done
wait_for " Source"
keys Enter "SSB 2025" Enter
wait_for "SSB 2025"
[ "$(item)" = "welfare - - SSB 2025" ] || fail "the source was not saved: $(item)"
keys L
keys q
wait_for "UTENFOR-EXIT 0"
echo "PASS: society terms and items by hand"
