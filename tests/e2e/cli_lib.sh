# tests/e2e/cli_lib.sh: the set-up every command-line test shares, sourced
# right after `set -u`.  Skips (77) outside `make check`; gives $fx (the
# fixtures), $tmp (removed on exit, even where a test made it read-only),
# and fail(), which counts a failure in $failures and says what it was.
if [ -z "${UTENFOR:-}" ] || [ ! -x "$UTENFOR" ] || [ -z "${top_srcdir:-}" ]; then
	echo "UTENFOR or top_srcdir not set: run through make check" >&2
	exit 77
fi
LC_ALL=C.UTF-8
export LC_ALL
fx="$top_srcdir/tests/fixtures"
tmp=$(mktemp -d) || exit 99
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
# The user's own settings (~/.config/utenfor/config.ini, a language or a
# default workbook saved there) must not change what a test sees: a private
# home, no XDG directories.  Tests that need a configuration make their own.
HOME=$tmp/home
mkdir -p "$HOME" || exit 99
export HOME
unset XDG_CONFIG_HOME XDG_DATA_HOME
failures=0

fail() {
	echo "FAIL: $*" >&2
	failures=$((failures + 1))
}
