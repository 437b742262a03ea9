#!/bin/sh
# tests/e2e/i18n_po_complete.sh: every translation (po/LINGUAS) covers every
# string marked in po/POTFILES.in — none untranslated, none fuzzy, format
# directives matching (msgfmt -c).  Extracts afresh into a temporary
# directory, so it also fails when someone marked a string and forgot
# `make update-po`.  Exit status is the test result (77 = skip).
set -u
if [ -z "${top_srcdir:-}" ]; then
	echo "top_srcdir not set: run through make check" >&2
	exit 77
fi
for tool in xgettext msgmerge msgfmt; do
	command -v "$tool" >/dev/null 2>&1 || { echo "$tool not found: skipped" >&2; exit 77; }
done
po="$top_srcdir/po"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
failures=0

# The same extraction options as `make update-po` (po/Makevars).
opts=$(sed -n '/^XGETTEXT_OPTIONS *=/,/[^\\]$/p' "$po/Makevars" |
	sed -e 's/^XGETTEXT_OPTIONS *= *//' -e 's/\\$//' | tr '\n' ' ')
sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$po/POTFILES.in" >"$tmp/files"
# shellcheck disable=SC2086 # opts is a list of options
(cd "$top_srcdir" && xgettext $opts --files-from="$tmp/files" -o "$tmp/utenfor.pot") ||
	{ echo "FAIL: xgettext" >&2; exit 1; }

for lang in $(sed -e 's/#.*//' "$po/LINGUAS"); do
	if [ ! -r "$po/$lang.po" ]; then
		echo "FAIL: po/LINGUAS names $lang but po/$lang.po is missing" >&2
		failures=$((failures + 1))
		continue
	fi
	msgmerge --quiet -o "$tmp/$lang.po" "$po/$lang.po" "$tmp/utenfor.pot" || {
		echo "FAIL: msgmerge $lang.po" >&2
		failures=$((failures + 1))
		continue
	}
	for f in "$po/$lang.po" "$tmp/$lang.po"; do
		if ! stats=$(LC_ALL=C msgfmt -c --statistics -o /dev/null "$f" 2>&1); then
			echo "FAIL: msgfmt -c $f:" >&2
			echo "$stats" >&2
			failures=$((failures + 1))
			continue
		fi
		case $stats in
		*fuzzy* | *untranslated*)
			echo "FAIL: $lang.po is incomplete ($stats); run 'make update-po' and translate:" >&2
			msgattrib --untranslated "$f" >&2
			msgattrib --only-fuzzy "$f" >&2
			failures=$((failures + 1))
			;;
		*) echo "$lang: $stats" ;;
		esac
	done
done
[ "$failures" -eq 0 ] || exit 1
