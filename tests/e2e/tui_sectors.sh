#!/bin/sh
# End-to-end (issue 12 item 4): sectors are created, renamed and removed
# where the workbook parameters live (Innstillinger, below the form); a
# sector in use is refused with what uses it; undo brings a removed one
# back; the items table shows Type and Sektor, and reaches them at 80x24;
# a payer's share is split over two sectors in the measure form.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/tui_lib.sh"

book="$TUI_DIR/sektor.utenfor"
"$UTENFOR" new --default "$book" >/dev/null || fail "new --default"

start "$book"
wait_for "1 Oversikt"
keys 5 End Down
wait_for "Sektorer (a: ny, d: slett, Enter: rediger)"
wait_for "Videregående opplæring"
keys a
wait_for "La til «Ny sektor»"
# A movement key keeps the selected new name to edit: End, then append.
keys End
keys -l " for kultur"
keys Enter
wait_for "Lagret: Navn = Ny sektor for kultur"
keys Enter C-u K u l t u r Enter
wait_for "Lagret: Navn = Kultur"
# Barnevern is used by items: refused, with what uses it.
keys Home Down Down d
wait_for "Slette sektoren «Barnevern»?"
keys j
# What to do comes first, so it is on screen at 80 columns too.
wait_for "«Barnevern» før det som bruker den, er flyttet til en annen"
wait_for "sektor: kostnadsposten «"
keys End d
wait_for "Slette sektoren «Kultur»?"
keys j
wait_for "Slettet «Kultur»"
wait_gone "Kultur "
keys u
wait_for "Kultur"
# Cost items name their kind and sector.
keys 3
wait_for "Type"
wait_for "overføring"
# At 80x24 the two columns do not fit beside the amount: the cursor's
# column is shown in place of others, so each cell can still be reached
# and changed.  The first item (a service of Videregående opplæring)
# becomes a transfer and moves to the fylkeskommune's tax sector.
tmx resize-window -x 80 -y 24 2>/dev/null || tmx resize-pane -x 80 -y 24
wait_gone "Type "
keys Right Right Right Right Right Right Right Right Right
wait_for "Beløp Type"
keys Space
wait_for "Lagret: Type = overføring"
keys Right
wait_for "Beløp Sektor"
wait_for "Videregående…"
keys Space
wait_for "Lagret: Sektor = Skatteinntekter, fylkeskommunen"
keys Right
wait_for "Enhet Fra Til"
wait_gone "Beløp Sektor"
tmx resize-window -x 160 -y 30 2>/dev/null || tmx resize-pane -x 160 -y 30
wait_for "NAV (folketr…"
# A bearer's share split over two of its sectors in the payer's sector
# cell: Familieveiledning (kommune 100 %, Barnevern) becomes Barnevern 60 %,
# Oppvekst og skole 40 %, read as it is typed; the Økonomiplan of the
# measure then charges Oppvekst og skole 40 % of 800 000 in 2027.
keys 2 Down Right Down Down Down Down Down Down Down Down Right Enter
wait_for "Betalende sektor, kommune (Enter"
keys C-u "Barnevern 60; Oppv"
wait_for "leser: Barnevern 60 %; Oppvekst og skole 40 %"
keys Enter
wait_for "Lagret: Betalende sektor, kommune = Barnevern 60 %; Oppvekst og skole 40 %"
wait_for "2 sektorer"
keys Enter C-u "Barnevern 60; Oppvekst og skole 30" Enter
wait_for "må til sammen være 100 %, fikk 90 %"
keys Escape Escape 6 Right Right
wait_for "Tiltak: Familieveiledning"
wait_re "Oppvekst og skole +-320 000 +-320 000"
keys q
wait_for "UTENFOR-EXIT 0"
"$UTENFOR" export --json "$book" 2>/dev/null | grep -q '"name": "Kultur"' ||
	fail "the sector is not in the file after undo"
echo "PASS: sectors in Innstillinger"
