#!/bin/sh
# tests/e2e/eco_build_tree.sh: the binary in the build folder finds its
# translations and every shipped theme there without `make install`
# (cli/build_tree.h), and the same binary installed (make install
# DESTDIR=…) ignores the build tree and reads the configured system paths.
set -u
. "$top_srcdir/tests/e2e/cli_lib.sh"
# What `make check` sets for the other tests is exactly what must not be
# needed here.
unset UTENFOR_LOCALEDIR UTENFOR_THEMES_DIR UTENFOR_LANG
HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config
export HOME XDG_CONFIG_HOME
mkdir -p "$HOME"

# --- the build tree ----------------------------------------------------
themes=$(cd "$top_srcdir/themes" && ls *.ini | sed 's/\.ini$//' | sort)
listed=$("$UTENFOR" config themes | sed 's/^[* ] *//' | awk '{print $1}' | sort)
[ "$themes" = "$listed" ] || fail "build tree: config themes lists «$listed», want «$themes»"
"$UTENFOR" config path | grep -qF "$top_srcdir/themes" ||
	fail "build tree: config path does not name $top_srcdir/themes"
if [ -r "$top_builddir/locale/en/LC_MESSAGES/utenfor.mo" ]; then
	UTENFOR_LANG=en "$UTENFOR" --help | grep -q '^Usage: utenfor' ||
		fail "build tree: UTENFOR_LANG=en --help is not English"
	# The TUI's L key and [ui] language go through the same catalog.
	printf '[ui]\nlanguage = en\n' >"$tmp/en.ini"
	"$UTENFOR" --config "$tmp/en.ini" --help | grep -q '^Usage: utenfor' ||
		fail "build tree: [ui] language = en is not English"
else
	echo "no uninstalled catalog (built with --disable-nls?): language part skipped" >&2
fi
# Started through a symlink elsewhere, it still knows where it lives.
ln -s "$UTENFOR" "$tmp/utenfor-link"
"$tmp/utenfor-link" config path | grep -qF "$top_srcdir/themes" ||
	fail "through a symlink: config path does not name $top_srcdir/themes"
# A copy without the marker beside it is an installed program.
cp "$UTENFOR" "$tmp/utenfor-copy"
"$tmp/utenfor-copy" config path | grep -qF "$top_srcdir/themes" &&
	fail "a copy outside the build tree still reads $top_srcdir/themes"
# The user's own override wins over the build tree.
mkdir -p "$tmp/mythemes"
cp "$top_srcdir/themes/mono.ini" "$tmp/mythemes/"
n=$(UTENFOR_THEMES_DIR=$tmp/mythemes "$UTENFOR" config themes | grep -c '\.ini')
[ "$n" = 1 ] || fail "UTENFOR_THEMES_DIR set by the user was not honoured ($n themes)"

# --- installed -----------------------------------------------------------
make=${MAKE:-make}
dest=$tmp/dest
if ! (cd "$top_builddir" && MAKEFLAGS= "$make" -s install DESTDIR="$dest" >"$tmp/install.log" 2>&1); then
	cat "$tmp/install.log" >&2
	fail "make install DESTDIR=$dest failed"
else
	vars=$(cd "$top_builddir" && MAKEFLAGS= "$make" -s -f Makefile -f - eco-print-dirs <<'MK'
eco-print-dirs:
	@echo "bindir=$(bindir)"; echo "pkgdatadir=$(pkgdatadir)"; echo "localedir=$(localedir)"; echo "mandir=$(mandir)"; echo "datadir=$(datadir)"
MK
)
	bindir=$(echo "$vars" | sed -n 's/^bindir=//p')
	pkgdatadir=$(echo "$vars" | sed -n 's/^pkgdatadir=//p')
	localedir=$(echo "$vars" | sed -n 's/^localedir=//p')
	mandir=$(echo "$vars" | sed -n 's/^mandir=//p')
	datadir=$(echo "$vars" | sed -n 's/^datadir=//p')
	[ -r "$dest$datadir/bash-completion/completions/utenfor" ] ||
		fail "bash completion not installed in $datadir/bash-completion/completions"
	[ -r "$dest$mandir/man1/utenfor.1" ] || fail "utenfor(1) not installed in $mandir/man1"
	[ -r "$dest$mandir/nb/man1/utenfor.1" ] || fail "the bokmål utenfor(1) not installed in $mandir/nb/man1"
	inst=$dest$bindir/utenfor
	[ -x "$inst" ] || fail "no installed binary at $inst"
	[ -e "$dest$bindir/utenfor-build-tree" ] && fail "make install installed the build-tree marker"
	for t in $themes; do
		[ -r "$dest$pkgdatadir/themes/$t.ini" ] || fail "theme $t not installed in $pkgdatadir/themes"
	done
	if [ -r "$top_builddir/locale/en/LC_MESSAGES/utenfor.mo" ]; then
		[ -r "$dest$localedir/en/LC_MESSAGES/utenfor.mo" ] ||
			fail "English catalog not installed in $localedir"
	fi
	# The installed binary reads the configured paths, not the build tree's.
	out=$("$inst" config path 2>&1)
	echo "$out" | grep -qF "$pkgdatadir/themes" || fail "installed: config path lacks $pkgdatadir/themes: $out"
	echo "$out" | grep -qF "$top_srcdir/themes" && fail "installed: still reads the build tree: $out"
	msg=$(UTENFOR_LANG=en "$inst" --help 2>&1 >/dev/null)
	if [ -r "$top_builddir/locale/en/LC_MESSAGES/utenfor.mo" ]; then
		echo "$msg" | grep -qF "$localedir" ||
			fail "installed: English looked for outside $localedir: $msg"
	fi
	# Given its real catalog folder, the installed copy speaks English.
	if [ -r "$dest$localedir/en/LC_MESSAGES/utenfor.mo" ]; then
		UTENFOR_LOCALEDIR=$dest$localedir UTENFOR_LANG=en "$inst" --help | grep -q '^Usage: utenfor' ||
			fail "installed: the installed catalog is not usable"
	fi
fi

[ "$failures" -eq 0 ] || exit 1
exit 0
