#!/bin/sh
# End-to-end: target groups and the report key in the real TUI inside
# tmux.  A group's name typed with æøå shows in Tiltak; its id can change
# while a measure uses it (the measure keeps its group); a cost item's
# amount moves the portfolio NPV in Oversikt; a group is added (with a free
# id) and deleted after a question; deleting a used group is refused with
# the store's message naming the measure; `r` writes the HTML report next
# to the workbook, asks before overwriting, and the file names the workbook.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/tui_lib.sh"

report="$XDG_DATA_HOME/utenfor/arbeidsbok-rapport.html"

start
wait_for "1 Oversikt"
wait_for "Netto nåverdi"
npv_before=$(number_on "Netto nåverdi")
[ -n "$npv_before" ] || fail "no NPV in Oversikt"

# Målgrupper: Enter opens the selected group's form; Enter edits Navn.
keys 3
wait_for "Målgruppen"
keys Enter
wait_for "rediger  ← grupper"
keys Enter C-u
keys -l "Unge utenfor skole æøå"
wait_for "leser: Unge utenfor skole æøå"
keys Enter
wait_for "Lagret: Navn = Unge utenfor skole æøå"
keys 2
wait_for "Målgruppe              Unge utenfor skole æøå"

# A new id for a group Oppfølgingslos uses: the measure stays attached.
keys 3 Down Enter C-u
keys -l "unge-utenfor"
keys Enter
wait_for "Lagret: Id = unge-utenfor"
screen | grep -q "Brukt av 1 tiltak" || fail "the measure lost its group after the id change"
keys 2
wait_for "Målgruppe              Unge utenfor skole æøå"
[ "$(number_on "Netto nåverdi")" != "" ] || fail "no NPV after the id change"

# A cost item's amount (first item, 20 000 kr to the state): a larger
# saving raises the portfolio NPV in Oversikt.
keys 3 Left Right Right Right
wait_for "kolonne"
keys 9 0 0 0 0
wait_for "leser: 90 000"
keys Enter
wait_for "Lagret: Beløp = 90 000"
# On a number cell a digit starts a new value: leave the table first.
keys Escape 1
wait_for "Porteføljen"
npv_after=$(number_on "Netto nåverdi")
[ "$npv_after" -gt "$npv_before" ] || fail "NPV in Oversikt did not rise ($npv_before → $npv_after)"

# Add a group: a free id, straight into its name; then delete it.
keys 3 a
wait_for "La til målgruppen «Ny målgruppe» (id ny-malgruppe)"
keys C-u
keys -l "Prøvegruppe"
keys Enter
wait_for "Lagret: Navn = Prøvegruppe"
screen | grep -q "Id  *ny-malgruppe" || fail "the new group's id is not shown"
keys Escape d
wait_for "Slette målgruppen «Prøvegruppe»? (j/n)"
keys j
wait_for "Slettet «Prøvegruppe»"
[ "$(screen | grep -c "Prøvegruppe")" = 1 ] || fail "the deleted group is still listed"

# A group in use: refused with the store's message naming the measure.
keys Home d
wait_for "Slette målgruppen «Unge utenfor skole æøå»? (j/n)"
keys j
wait_for "Ikke slettet: målgruppen «Unge utenfor skole æøå» brukes av"
wait_for "Oppfølgingslos"
keys Down
wait_gone "Ikke slettet"
screen | grep -q "Unge utenfor skole" || fail "the used group is gone"

# The report: name the workbook, press r, find the file.
keys 5
wait_for "Diskontering"
keys Enter C-u
keys -l "Rapportprøve Ås"
keys Enter
wait_for "Lagret: Navn = Rapportprøve Ås"
[ ! -e "$report" ] || fail "a report exists before r"
keys r
wait_for "Rapport skrevet: $report"
[ -s "$report" ] || fail "r wrote no report"
grep -q "Rapportprøve Ås" "$report" || fail "the report does not name the workbook"
grep -q "Oppfølgingslos" "$report" || fail "the report does not name the measure"
# Again: asks before overwriting, n keeps it, j writes it.
: >"$report"
keys r
wait_for "arbeidsbok-rapport.html finnes. Skrive over? (j/n)"
keys n
wait_for "Rapporten ble ikke skrevet"
[ ! -s "$report" ] || fail "n overwrote the report"
keys r
wait_for "Skrive over? (j/n)"
keys j
wait_for "Rapport skrevet: $report"
grep -q "Rapportprøve Ås" "$report" || fail "j did not write the report"

keys q
wait_for "UTENFOR-EXIT 0"

# Reopen: the group's name and id were saved, the measure still uses it.
start
wait_for "1 Oversikt"
keys 3
wait_for "Målgruppen"
screen | grep -q "Id  *unge-utenfor" || fail "the new id is not saved"
keys 2
wait_for "Målgruppe              Unge utenfor skole æøå"
keys q
wait_for "UTENFOR-EXIT 0"
echo "ok"
