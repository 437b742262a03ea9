#!/bin/sh
# tui_layering.sh: no two files of the interface, nor of the session layer
# below it, call each other in a loop (issue 11): the loop and the views
# sit above the shared widgets, the prompts and the drawing helpers, and
# session.c above draft, rows, fields and analyses, never beside them.
set -eu
: "${top_builddir:?}" "${top_srcdir:?}"
for lib in libtui.a libsession.a; do
	if [ ! -f "$top_builddir/$lib" ]; then
		echo "FAIL: $top_builddir/$lib not built"
		exit 1
	fi
	sh "$top_srcdir/scripts/check-call-loops" "$top_builddir/$lib" "${NM:-nm}"
done
# The check itself must catch a loop: two objects that call each other.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'void b(void);\nvoid a(void) { b(); }\n' >"$tmp/a.c"
printf 'void a(void);\nvoid b(void) { a(); }\n' >"$tmp/b.c"
${CC:-cc} -c -o "$tmp/a.o" "$tmp/a.c"
${CC:-cc} -c -o "$tmp/b.o" "$tmp/b.c"
ar rc "$tmp/loop.a" "$tmp/a.o" "$tmp/b.o"
if sh "$top_srcdir/scripts/check-call-loops" "$tmp/loop.a" "${NM:-nm}" 2>/dev/null; then
	echo "FAIL: check-call-loops missed a loop between a.c and b.c"
	exit 1
fi
echo "PASS: no call loops in libtui.a and libsession.a"
