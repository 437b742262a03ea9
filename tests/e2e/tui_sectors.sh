#!/bin/sh
# End-to-end (issue 12 item 4): sectors are created, renamed and removed
# where the workbook parameters live (Innstillinger, below the form); a
# sector in use is refused with what uses it; undo brings a removed one
# back; the items table shows Type and Sektor.
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
keys C-u K u l t u r Enter
wait_for "Lagret: Navn = Kultur"
# Barnevern is used by items: refused, with what uses it.
keys Home Down Down d
wait_for "Slette sektoren «Barnevern»?"
keys j
wait_for "den brukes av kostnadsposten"
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
tmx resize-window -x 160 -y 30 2>/dev/null || tmx resize-pane -x 160 -y 30
wait_for "NAV (folketry"
keys q
wait_for "UTENFOR-EXIT 0"
"$UTENFOR" export --json "$book" 2>/dev/null | grep -q '"name": "Kultur"' ||
	fail "the sector is not in the file after undo"
echo "PASS: sectors in Innstillinger"
