#!/bin/sh
# End-to-end (issue 14 item 2): s switches the results between Budsjett
# and Samfunn on the overview, the measure view and the estimate; the
# society side shows each term and its headline is calc --json's
# npv_society; nb and en; 80×24.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/tui_lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 not found"; exit 77; }

book="$TUI_DIR/samfunn.utenfor"
"$UTENFOR" new --default "$book" >/dev/null || fail "new --default"
society() {
	"$UTENFOR" calc --json "$book" 2>/dev/null | python3 -c '
import json, sys
v = round(json.load(sys.stdin)["portfolio"]["society"]["npv_society"])
print(("-" if v < 0 else "") + "{:,}".format(abs(v)).replace(",", " "))'
}

start "$book"
tmx resize-window -x 80 -y 24 2>/dev/null || tmx resize-pane -x 80 -y 24
wait_for "1 Oversikt"
keys s
wait_for "Porteføljen: Samfunn"
for term in "Sparte tjenester" "Produksjon" "Livskvalitet" "Tiltakets kostnad" "Skattekostnad, 20 %" "Overføringer, utlignes"; do
	wait_for "$term"
done
want=$(society)
screen | grep "Samfunnsøk. nåverdi" | grep -q -- "$want kr" || fail "society NPV is not calc --json's $want"

# The measure view and the estimate follow the same switch.
keys 2
wait_for "Resultat: Samfunn"
keys e
wait_for "Resultat: Samfunn"
keys Escape
keys L
wait_for "Result: Society"
keys L s
wait_for "─ Resultat ─"
keys 1
wait_for "Netto nåverdi"
keys q
wait_for "UTENFOR-EXIT 0"
echo "PASS: Budsjett/Samfunn switch"
