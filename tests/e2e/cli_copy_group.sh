#!/bin/sh
# tests/e2e/cli_copy_group.sh: `utenfor copy-group WORKBOOK [NAME]` (issue 15
# item 4): the list of the example groups, a copy with its items and
# sectors, a taken name giving "… (kopi)", an unknown name refused (exit 1)
# listing the ids, one `utenfor set --undo` taking a copy back; and the
# calc summary's example-data notice, in the overview's words, present for
# the example workbook and absent once nothing is example data.
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/cli_lib.sh"
book="$tmp/bok.utenfor"
"$UTENFOR" new "$book" >/dev/null 2>&1 || fail "utenfor new"

# Without NAME: the list, exit 0.
"$UTENFOR" copy-group "$book" >"$tmp/list" 2>"$tmp/err"; st=$?
[ "$st" -eq 0 ] || fail "list: exit $st: $(cat "$tmp/err")"
grep -Eq '^  frafall-vgs +17 +16–66 +Unge som har falt ut av videregående$' "$tmp/list" ||
	fail "list lacks frafall-vgs: $(cat "$tmp/list")"
[ "$(grep -c '^  [a-z]' "$tmp/list")" -eq 7 ] || fail "list does not have 7 groups"

# A copy by id: items and sectors in the file.
"$UTENFOR" copy-group "$book" frafall-vgs >"$tmp/out" 2>"$tmp/err"; st=$?
[ "$st" -eq 0 ] || fail "copy: exit $st: $(cat "$tmp/err")"
grep -q "Kopierte målgruppen «Unge som har falt ut av videregående» med 17 kostnadsposter" \
	"$tmp/out" || fail "copy message: $(cat "$tmp/out")"
grep -q "nye sektorer: «Videregående opplæring»" "$tmp/out" || fail "no sectors named"
"$UTENFOR" export --json "$book" -o "$tmp/a.json" >/dev/null 2>&1 || fail "export"
[ "$(grep -c '"from_age"' "$tmp/a.json")" -eq 17 ] || fail "the file has not 17 items"
grep -q '"id": *"videregaende"' "$tmp/a.json" || fail "the sector videregaende is missing"
grep -q '"source": *"[^"]' "$tmp/a.json" || fail "the items lost their sources"

# By name, again: a free name.
"$UTENFOR" copy-group "$book" "unge som har falt ut av videregående" >"$tmp/out" 2>&1 ||
	fail "second copy: $(cat "$tmp/out")"
grep -q "kopien heter «Unge som har falt ut av videregående (kopi)» (id frafall-vgs-kopi)" \
	"$tmp/out" || fail "no free name: $(cat "$tmp/out")"

# Unknown: exit 1, the ids listed, nothing written.
cp "$book" "$tmp/before"
"$UTENFOR" copy-group "$book" ingen-slik >"$tmp/out" 2>"$tmp/err"; st=$?
[ "$st" -eq 1 ] || fail "unknown name: exit $st"
grep -q "ingen målgruppe «ingen-slik»; velg en av: «frafall-vgs», " "$tmp/err" ||
	fail "unknown name message: $(cat "$tmp/err")"
[ ! -s "$tmp/out" ] || fail "unknown name wrote to stdout"
cmp -s "$book" "$tmp/before" || fail "a refused copy changed the file"
# Usage.
"$UTENFOR" copy-group >/dev/null 2>&1; st=$?
[ "$st" -eq 2 ] || fail "no operand: exit $st"

# One undo takes the second copy back (the first stays).
"$UTENFOR" set "$book" --undo >"$tmp/out" 2>&1 || fail "undo: $(cat "$tmp/out")"
grep -q "Angret: Kopiere målgruppen «Unge som har falt ut av videregående (kopi)»" "$tmp/out" ||
	fail "undo message: $(cat "$tmp/out")"
"$UTENFOR" set "$book" group frafall-vgs-kopi >/dev/null 2>&1 && fail "the undone copy remains"
"$UTENFOR" set "$book" group frafall-vgs >/dev/null 2>&1 || fail "the first copy is gone"
"$UTENFOR" set "$book" --undo >/dev/null 2>&1 || fail "second undo"
"$UTENFOR" export --json "$book" -o "$tmp/b.json" --force >/dev/null 2>&1 || fail "export"
grep -q '"videregaende"' "$tmp/b.json" && fail "undo left the copied sectors"

# The calc summary says when results rest on the example data.
"$UTENFOR" new --default "$tmp/eks.utenfor" >/dev/null 2>&1 || fail "new --default"
"$UTENFOR" calc "$tmp/eks.utenfor" >"$tmp/calc" 2>&1 || fail "calc: $(cat "$tmp/calc")"
grep -Eq '^Eksempeldata: 3 av 3 tiltak og [0-9]+ av [0-9]+ kostnadsposter er uendret fra eksempelarbeidsboka\. Bytt inn kommunens egne tall før resultatene brukes\.$' \
	"$tmp/calc" || fail "calc has no example notice: $(head -12 "$tmp/calc")"
UTENFOR_LANG=en "$UTENFOR" calc "$tmp/eks.utenfor" >"$tmp/calc.en" 2>&1
grep -q '^Example data: ' "$tmp/calc.en" || fail "no English notice: $(head -12 "$tmp/calc.en")"
# Not example data: the fixture workbook of doc/interchange.md.
"$UTENFOR" calc "$fx/example.json" >"$tmp/calc2" 2>&1 || fail "calc fixture"
grep -q "Eksempeldata" "$tmp/calc2" && fail "notice for a workbook that is not example data"

[ "$failures" -eq 0 ] || exit 1
exit 0
