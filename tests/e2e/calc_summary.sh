#!/bin/sh
# tests/e2e/calc_summary.sh: `utenfor calc FILE` (no --json) prints the
# readable Norwegian summary with the hand-computed figures of
# doc/interchange.md (rounded to whole kroner), in columns aligned by
# display width.  Exit status is the test result (77 = skip).
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/cli_lib.sh"

"$UTENFOR" calc "$top_srcdir/tests/fixtures/example.json" >"$tmp/out" 2>"$tmp/err"
status=$?
[ "$status" -eq 0 ] || fail "exit $status: $(cat "$tmp/err")"
[ ! -s "$tmp/err" ] || fail "stderr not empty: $(cat "$tmp/err")"

# has REGEX: some line of the summary matches (extended regex).
has() {
	grep -Eq -- "$1" "$tmp/out" || fail "summary lacks a line matching: $1"
}

has '^Arbeidsbok +Eksempel$'
has '^Kommune +Gausdal$'
has '^Diskontering +R-109'
has '^Horisont +40 år \(2027–2066\)$'
has '^Portefølje: 2 av 3 tiltak er med$'
# Portfolio: Oppfølgingslos + Familieteam (Sommerjobb is disabled).
has '^  Kostnad, nåverdi +3 375 091 kr$'
has '^  Gevinst, nåverdi +9 498 900 kr$'
has '^  Netto nåverdi +6 123 809 kr$'
has '^  Nytte per krone +2,81$'
has '^  Lønnsomt fra år +2036$'
has '^  Lønnsomt fra år, udiskontert +2035$'
has '^  Nåverdi per budsjett +Kostnad +Gevinst +Netto$'
has '^  kommune +1 665 055 kr +1 196 514 kr +-468 540 kr$'
has '^  fylkeskommune +600 000 kr +0 kr +-600 000 kr$'
has '^  stat +1 110 036 kr +8 302 386 kr +7 192 349 kr$'
has '^  Hvem betaler, hvem vinner'
# Measures, one block each.
has '^Tiltak 1: Oppfølgingslos \(målgruppe frafall-vgs\)$'
has '^  Per deltaker +93 356 kr$'
has '^  Balanse-suksessrate +1,5 % \(valgt 20,0 %\)$'
has '^Tiltak 2: Familieteam'
has '^  Lønnsomt fra år +ikke innen horisonten$'
has '^  Balanse-suksessrate +58,2 % \(valgt 30,0 %\)$'
has '^Tiltak 3: Sommerjobb .*avslått'

# Alignment by display width: the rows of the portfolio's per-budget table
# end in the same column although "Nåverdi" has a two-byte å.
awk '/^  Nåverdi per budsjett/ { on = 1 } on && NF == 0 { exit } on' "$tmp/out" \
	>"$tmp/table"
[ "$(wc -l <"$tmp/table")" -eq 5 ] || fail "per-budget table is not 5 lines"
widths=$(while IFS= read -r line; do printf '%s' "$line" | wc -m; done <"$tmp/table" | sort -u |
	wc -l)
[ "$widths" -eq 1 ] || { fail "per-budget table rows differ in width"; cat "$tmp/table" >&2; }

[ "$failures" -eq 0 ] || { cat "$tmp/out" >&2; exit 1; }
exit 0
