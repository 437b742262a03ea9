#!/bin/sh
# End-to-end: two people with the same workbook open.  A change saved in
# one window appears in the other within about a second, keeping the
# selection; when both edit the same field, the second Enter is refused as
# a conflict and the first person's value is kept and shown.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/tui_lib.sh"

book="$TUI_DIR/delt.utenfor"
start "$book"
wait_for "1 Oversikt"
start_second "$book"
TUI_TARGET=":1"
wait_for "1 Oversikt"

# Window 0 looks at Familieveiledning; window 1 changes its participants.
TUI_TARGET=":0"
keys 2 Down
wait_for "─ Familieveiledning"
npv0=$(number_on "Netto nåverdi")
TUI_TARGET=":1"
keys 2 Down Tab Down Down
wait_for "─ Familieveiledning"
keys 4 0 Enter
wait_for "Lagret: Deltakere = 40"
TUI_TARGET=":0"
wait_for "endret et annet sted"
wait_for "─ Familieveiledning"
[ "$(number_on "Netto nåverdi")" != "$npv0" ] || fail "the other window's edit did not arrive"

# Both type into Deltakere; window 1 saves first, window 0's Enter conflicts.
keys Tab Down Down
keys 7 0
wait_for "leser: 70"
TUI_TARGET=":1"
keys 5 5 Enter
wait_for "Lagret: Deltakere = 55"
TUI_TARGET=":0"
keys Enter
wait_for "endret av noen andre"
screen | grep -q "Deltakere *55" || fail "the conflicting edit overwrote the other one"
keys q
wait_for "UTENFOR-EXIT 0"
echo "ok"
