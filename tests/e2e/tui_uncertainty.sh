#!/bin/sh
# End-to-end (issue 13 item 4): the Usikkerhet view shows, for the
# portfolio and one measure, the chance that it pays in total and per
# budget, P10/P50/P90, the histogram, the tornado and the switching
# values; its figures are calc --json's (same draws and seed); ranges are
# typed as "lav" and "høy" beside the value in the measure form, are
# stored, and reach the tornado; the measure list shows each measure's
# chance; nb and en; 100×30 and 80×24.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/tui_lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 not found"; exit 77; }

book="$TUI_DIR/usikker.utenfor"
"$UTENFOR" new --default "$book" >/dev/null || fail "new --default"

# calc --json's portfolio simulation: "kommune" → its chance as the
# screen shows it ("64 %"), "p50" → the median in whole kroner.
sim() {
	"$UTENFOR" calc --json "$book" 2>/dev/null | python3 -c '
import json, sys
mc = json.load(sys.stdin)["portfolio"]["uncertainty"]["monte_carlo"]
what = sys.argv[1]
if what == "p50":
    v = round(mc["p50"])
    print(("-" if v < 0 else "") + "{:,}".format(abs(v)).replace(",", " "))
elif what == "total":
    print("%d %%" % round(100 * mc["prob_positive"]))
else:
    print("%d %%" % round(100 * mc["by_bearer"][what]["prob_positive"]))' "$1"
}

start "$book"
wait_for "1 Oversikt"
# The overview names the portfolio's chance beside its point answer.
wait_for "Porteføljen · pluss $(sim total)"
keys 7
wait_for "Porteføljen"
wait_for "10 000 trekninger, frø"
kommune=$(sim kommune)
wait_for "Sannsynlighet for at kommunen går i pluss: $kommune"
wait_for "P50 $(sim p50)"
wait_for "Fordeling av netto nåverdi"
wait_for "Kostnadene i Unge som har falt ut"
screen | grep -q "Suksessrate" && fail "a tornado entry for a range nobody typed"

# Ranges beside the success rate: → to "lav", type, → to "høy", type.
keys 2 Tab Down Down Down Down
wait_for "lav"
keys Right
keys 1 0 Enter
wait_for "Lagret: Suksessrate, lav = 10 %"
keys Right 3 5 Enter
wait_for "Lagret: Suksessrate, høy = 35 %"
# A low end above the value is refused, with what is allowed.
keys Left 5 0
wait_for "må være høyst verdien (20 %), fikk 50 %"
keys Escape
wait_for "Pluss"
keys Escape 7
wait_for "Oppfølgingslos: Suksessrate 10 %–35 %"
wait_for "Sannsynlighet for at kommunen går i pluss: $(sim kommune)"
keys Right
wait_for "Tiltak: Oppfølgingslos"
wait_for "Går i null ved suksessrate 1,5 % (nå 20,0 %)"
wait_for "Sannsynlighet for at tiltaket går i pluss samlet"

keys L
wait_for "Chance that the municipality is in surplus"
wait_for "Breaks even at success rate"
keys L
tmx resize-window -x 80 -y 24 2>/dev/null || tmx resize-pane -x 80 -y 24
wait_for "Tornado: NNV"
wait_for "Brytningsverdier"
keys q
wait_for "UTENFOR-EXIT 0"
echo "PASS: Usikkerhet view"
