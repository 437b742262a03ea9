#!/bin/sh
# tests/e2e/i18n_calc.sh: `utenfor calc` speaks English when asked —
# UTENFOR_LANG=en, or an English locale even though none is installed on
# this machine — and bokmål otherwise; numbers stay Norwegian in both.
# Exit status is the test result (77 = skip).
set -u
. "${top_srcdir:-$(dirname "$0")/../..}/tests/e2e/cli_lib.sh"
if [ -z "${UTENFOR_LOCALEDIR:-}" ] || [ ! -r "$UTENFOR_LOCALEDIR/en/LC_MESSAGES/utenfor.mo" ]; then
	echo "no English catalog under UTENFOR_LOCALEDIR (was msgfmt found?): skipped" >&2
	exit 77
fi
bad="$top_srcdir/tests/fixtures/i18n-bad.json"
good="$top_srcdir/tests/fixtures/example.json"

# calc WANT_STATUS VAR=VALUE... -- FILE: runs `utenfor calc FILE` with no
# locale variables but the ones given (as under cron), output in $tmp.
calc() {
	want=$1
	shift
	set -- env -u LC_ALL -u LC_MESSAGES -u LANG -u LANGUAGE -u UTENFOR_LANG "$@"
	"$@" "$UTENFOR" calc "$file" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" -eq "$want" ] || { fail "$*: exit $got, expected $want"; cat "$tmp/err" >&2; }
}

# has FILE TEXT: FILE ($tmp/err or $tmp/out) has a line containing TEXT.
has() {
	grep -Fq -- "$2" "$tmp/$1" || { fail "$1 lacks: $2"; cat "$tmp/$1" >&2; }
}
lacks() {
	! grep -Fq -- "$2" "$tmp/$1" || { fail "$1 has: $2"; cat "$tmp/$1" >&2; }
}

en_rate="$bad: measures[0].success_rate: Success rate must be between 0 and 1 (0–100 %), got 1,5"
nb_rate="$bad: measures[0].success_rate: Suksessrate må være mellom 0 og 1 (0–100 %), fikk 1,5"
en_field="$bad: measures[0].farge: unknown field; the allowed fields are name,"
nb_field="$bad: measures[0].farge: ukjent felt; tillatte felt er name,"

file=$bad
calc 1 UTENFOR_LANG=en
has err "$en_rate"
has err "$en_field"
lacks err "må være"

calc 1
has err "$nb_rate"
has err "$nb_field"
lacks err "must be"

calc 1 UTENFOR_LANG=nb LANG=en_US.UTF-8
has err "$nb_rate"

# No en_US locale exists here: the variable alone must be enough.
calc 1 LANG=en_US.UTF-8
has err "$en_rate"

calc 1 LC_ALL=C.UTF-8 LANG=en_US.UTF-8
has err "$nb_rate"

calc 1 LC_MESSAGES=en_GB.UTF-8 LANG=nb_NO.UTF-8
has err "$en_rate"

calc 1 UTENFOR_LANG=tysk
has err "utenfor: Ukjent språk «tysk»: bruk nb (bokmål) eller en (engelsk)"
has err "$nb_rate"

calc 1 UTENFOR_LANG=en UTENFOR_LOCALEDIR="$tmp/none"
has err "utenfor: Fant ingen engelsk oversettelse i $tmp/none: viser bokmål"
has err "$nb_rate"

# A good document: the summary's words follow, its figures do not.
if [ -r "$good" ]; then
	file=$good
	calc 0 UTENFOR_LANG=en
	has out "Net present value"
	has out "Present value per budget"
	lacks out "Nåverdi"
	cp "$tmp/out" "$tmp/out.en"
	calc 0
	has out "Netto nåverdi"
	has out "Nåverdi per budsjett"
	# Same figures in both: only letters differ, the digits line up.
	tr -cd '0-9,\n' <"$tmp/out" | grep . >"$tmp/digits.nb"
	tr -cd '0-9,\n' <"$tmp/out.en" | grep . >"$tmp/digits.en"
	cmp -s "$tmp/digits.nb" "$tmp/digits.en" || fail "figures differ between nb and en summaries"
fi

[ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
echo "ok: calc speaks bokmål and English"
