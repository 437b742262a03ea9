#!/bin/sh
# End-to-end: edit a measure in the real TUI inside tmux.  The NPV must
# change while the value is typed (before Enter); a bad value is refused
# with its message and never saved; undo/redo work; a measure can be added
# and deleted; a tiny window shows a notice and recovers; the edit is
# still there after quitting and reopening.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/tui_lib.sh"

start
wait_for "1 Oversikt"
wait_for "Oppfølgingslos"

keys 2
wait_for "Suksessrate"
npv_before=$(number_on "Netto nåverdi")
[ -n "$npv_before" ] || fail "no NPV on the Tiltak screen"

# Into the form, down to Suksessrate (Navn, Målgruppe, Deltakere, Kostnad).
keys Tab Down Down Down Down
wait_for "↑↓/Tab felt"
keys 3 5
wait_for "leser: 35 %"
npv_typing=$(number_on "Netto nåverdi")
[ "$npv_typing" != "$npv_before" ] || fail "NPV did not follow the typing ($npv_before)"
[ "$npv_typing" -gt "$npv_before" ] || fail "a higher success rate must raise the NPV"
keys Enter
wait_for "Lagret: Suksessrate = 35 %"
[ "$(number_on "Netto nåverdi")" = "$npv_typing" ] || fail "NPV changed on Enter"

# A bad value: refused with the field's range, Enter does not save it.
keys 1 5 0
wait_for "Suksessrate må være fra 0 % til 100 %, fikk 150 %"
[ "$(number_on "Netto nåverdi")" = "$npv_typing" ] || fail "an invalid value reached the engine"
keys Enter
wait_for "rett verdien eller trykk Esc"
keys Escape
wait_for "Avbrutt: Suksessrate er som før"

# Undo the saved edit, then redo it.
keys u
wait_for "Angret:"
[ "$(number_on "Netto nåverdi")" = "$npv_before" ] || fail "undo did not restore the NPV"
keys C-r
wait_for "Gjort om igjen:"
[ "$(number_on "Netto nåverdi")" = "$npv_typing" ] || fail "redo did not bring the edit back"

# Add a measure, name it with Norwegian letters, delete it after a
# confirmation that names it.  The new name is selected: typing replaces
# it (no Ctrl-U needed).
keys Escape a
wait_for "La til «Nytt tiltak»"
keys -l "Prøvetiltak æøå"
keys Enter
wait_for "Lagret: Navn = Prøvetiltak æøå"
wait_for "✓ Prøvetiltak æøå"
keys Escape d
wait_for "Slette tiltaket «Prøvetiltak æøå»? (j/n)"
keys j
wait_for "Slettet «Prøvetiltak æøå»"
wait_gone "✓ Prøvetiltak æøå"

# A cost item in Målgrupper: a number typed into the amount cell is read
# as it is typed and saved on Enter; Space steps the bearer and saves.
keys 3
wait_for "Merkostnad per år etter alder"
keys Right Right Right
wait_for "kolonne"
keys 4 0 0 0 0
wait_for "leser: 40 000"
keys Enter
wait_for "Lagret: Beløp = 40 000"
keys Left Space
wait_for "Lagret: Bærer = "
keys u
wait_for "Angret:"
keys u
wait_for "Angret:"
keys 2

# Too small, then back.
tmx resize-window -x 40 -y 10
wait_for "Vinduet er for lite"
tmx resize-window -x 100 -y 30
wait_for "Oppfølgingslos"
wait_for "Netto nåverdi"

keys q
wait_for "UTENFOR-EXIT 0"

# Reopen: the edit was saved.
start
wait_for "1 Oversikt"
keys 2 Tab Down Down Down Down
wait_for "↑↓/Tab felt"
screen | grep -q "Suksessrate *35 %" || fail "the saved success rate is not 35 % after reopening"
keys q
wait_for "UTENFOR-EXIT 0"
echo "ok"
