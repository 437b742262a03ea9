#!/bin/sh
# tests/e2e/store_cli.sh: `utenfor new`, `import --json` and `export
# --json|--csv|--xlsx` on real files: modes, refusals with exit 1 and one
# line per problem, all-or-nothing import, JSON round trip, usage errors
# with exit 2.  Exit status is the test result (77 = skip).
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/cli_lib.sh"

# run EXPECTED_STATUS ARGS...: stdout in $tmp/out, stderr in $tmp/err.
run() {
	want=$1
	shift
	"$UTENFOR" "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" -eq "$want" ] || { fail "utenfor $*: exit $got, expected $want"; cat "$tmp/err" >&2; }
}

has_err() {
	grep -Fq -- "$1" "$tmp/err" || { fail "stderr lacks: $1"; cat "$tmp/err" >&2; }
}

mode_of() {
	stat -c %a "$1"
}

cd "$tmp" || exit 99

# --- new ---------------------------------------------------------------
run 0 new tom.utenfor
[ "$(mode_of tom.utenfor)" = 600 ] || fail "new file mode $(mode_of tom.utenfor), expected 600"
run 1 new tom.utenfor
has_err "tom.utenfor: finnes allerede"
run 2 new
run 1 new mangler/bok.utenfor
has_err "mangler/bok.utenfor: kan ikke opprettes (mappen finnes ikke)"
run 2 new --ukjent x.utenfor
[ ! -e x.utenfor ] || fail "usage error created a file"
(umask 000 && "$UTENFOR" new --default eks.utenfor >/dev/null) || fail "new --default"
[ "$(mode_of eks.utenfor)" = 600 ] || fail "mode under umask 000: $(mode_of eks.utenfor)"

# --- export --json / import --json round trip ----------------------------
run 0 export --json eks.utenfor
cp "$tmp/out" eks.json
grep -q '"id": "angst-depresjon"' eks.json || fail "default data lacks angst-depresjon"
grep -q '"name": "Oppfølgingslos"' eks.json || fail "default data lacks the dropout example"
run 0 import --json eks.json kopi.utenfor
[ "$(mode_of kopi.utenfor)" = 600 ] || fail "imported file mode $(mode_of kopi.utenfor)"
run 0 export --json kopi.utenfor
cmp -s "$tmp/out" eks.json || fail "export of an import differs from the document"
run 0 import --json "$fx/store-roundtrip.json" kopi.utenfor
run 0 export --json kopi.utenfor
cmp -s "$tmp/out" "$fx/store-roundtrip.json" || fail "round trip of store-roundtrip.json differs"

# --- a bad document changes nothing ------------------------------------
cp kopi.utenfor before.bin
run 1 import --json "$fx/store-bad-import.json" kopi.utenfor
[ "$(wc -l <"$tmp/err")" -eq 4 ] || { fail "expected 4 problem lines"; cat "$tmp/err" >&2; }
has_err "store-bad-import.json: measures[0].participants:"
has_err "store-bad-import.json: groups[0].items[0].farge:"
[ ! -s "$tmp/out" ] || fail "refused import wrote to stdout"
cmp -s before.bin kopi.utenfor || fail "refused import changed the workbook"
run 1 import --json "$fx/store-bad-import.json" ny.utenfor
[ ! -e ny.utenfor ] || fail "refused import created the workbook"
run 1 import --json finnes-ikke.json kopi.utenfor
run 2 import eks.json kopi.utenfor
run 2 import --json eks.json

# --- export --csv ------------------------------------------------------
run 0 export --csv eks.utenfor
head -n 1 "$tmp/out" | grep -q '^year,' || fail "CSV header"
[ "$(wc -l <"$tmp/out")" -eq 41 ] || fail "CSV: expected header + 40 years"
sed -n 2p "$tmp/out" | grep -q '^2027,' || fail "CSV first year 2027"

# --- -o, --force, --xlsx -----------------------------------------------
run 0 export --json eks.utenfor -o ut.json
cmp -s ut.json eks.json || fail "-o wrote something else"
run 1 export --json eks.utenfor -o ut.json
run 0 export --json eks.utenfor -o ut.json --force
run 2 export --xlsx eks.utenfor
run 2 export --json --csv eks.utenfor
run 2 export eks.utenfor
run 0 export --xlsx eks.utenfor -o eks.xlsx
[ "$(head -c 2 eks.xlsx)" = PK ] || fail "xlsx is not a zip file"

# --- files that are not workbooks --------------------------------------
printf 'ikke en database\n' >tekst.utenfor
run 1 export --json tekst.utenfor
has_err "tekst.utenfor: ikke en utenfor-arbeidsbok"
run 1 export --json mangler.utenfor
has_err "mangler.utenfor: finnes ikke"
if [ -n "${SQLITE3_CLI:-}" ] && [ -x "$SQLITE3_CLI" ]; then
	cp eks.utenfor ny-versjon.utenfor
	"$SQLITE3_CLI" ny-versjon.utenfor 'PRAGMA user_version = 7' || fail "sqlite3 cli"
	cp ny-versjon.utenfor ny-versjon.bin
	run 1 export --json ny-versjon.utenfor
	has_err "skjemaversjon 7"
	run 1 import --json eks.json ny-versjon.utenfor
	cmp -s ny-versjon.bin ny-versjon.utenfor || fail "a newer file was modified"
fi

# --- read-only workbook: export works, import is refused ---------------
cp eks.utenfor ro.utenfor
chmod 0444 ro.utenfor
run 0 export --json ro.utenfor
run 1 import --json eks.json ro.utenfor
has_err "skrivebeskyttet"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
exit 0
