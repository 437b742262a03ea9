#!/bin/sh
# tests/e2e/eco_shared.sh: a workbook shared by a group (doc/shared.md).
#  1. `new --shared` (and [workbook] shared = yes) makes it 0660 whatever
#     the umask; --private and the default make it 0600; in a setgid folder
#     it gets the folder's group.
#  2. As root, with two throw-away users in one group but with their own
#     primary groups (Debian's default): while the first has the workbook
#     open, its -wal and -shm have the workbook's group and mode, and the
#     second can read and write it (issue 18 item 9: with SQLite alone the
#     second gets «unable to open database file», shown by a control run).
#  3. On a network file system (UTENFOR_TEST_FS_TYPE stands in for NFS)
#     the workbook uses a rollback journal whose -journal keeps its group,
#     and a WAL workbook held open elsewhere is refused with a clear message.
# The two-user part is skipped when not root or without useradd.
set -u
. "$top_srcdir/tests/e2e/cli_lib.sh"
hold=$top_builddir/tests/eco_store_hold
[ -x "$hold" ] || { echo "missing $hold" >&2; exit 99; }
HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config
export HOME XDG_CONFIG_HOME
mkdir -p "$XDG_CONFIG_HOME/utenfor"
mode() { stat -c %a "$1"; }
group() { stat -c %G "$1"; }
hdr() { od -An -tu1 -j18 -N1 "$1" | tr -d ' '; }

# --- 1. modes ---------------------------------------------------------------
(umask 077 && "$UTENFOR" new --shared "$tmp/delt.utenfor" >/dev/null 2>&1) || fail "new --shared"
[ "$(mode "$tmp/delt.utenfor")" = 660 ] || fail "new --shared under umask 077: mode $(mode "$tmp/delt.utenfor")"
(umask 000 && "$UTENFOR" new "$tmp/privat.utenfor" >/dev/null) || fail "new"
[ "$(mode "$tmp/privat.utenfor")" = 600 ] || fail "new under umask 000: mode $(mode "$tmp/privat.utenfor")"
printf '[workbook]\nshared = yes\n' >"$XDG_CONFIG_HOME/utenfor/config.ini"
(umask 077 && "$UTENFOR" new "$tmp/cfg.utenfor" >/dev/null 2>&1) || fail "new with shared = yes"
[ "$(mode "$tmp/cfg.utenfor")" = 660 ] || fail "[workbook] shared = yes: mode $(mode "$tmp/cfg.utenfor")"
(umask 077 && "$UTENFOR" new --private "$tmp/cfgp.utenfor" >/dev/null 2>&1) || fail "new --private"
[ "$(mode "$tmp/cfgp.utenfor")" = 600 ] || fail "--private over shared = yes: mode $(mode "$tmp/cfgp.utenfor")"
"$UTENFOR" config check >/dev/null || fail "config check does not know [workbook] shared"
rm -f "$XDG_CONFIG_HOME/utenfor/config.ini"
# A folder that is not setgid: the file takes our group, and we are told.
"$UTENFOR" new --shared "$tmp/warn.utenfor" >/dev/null 2>"$tmp/warn.err"
grep -q setgid "$tmp/warn.err" || fail "no setgid warning for a plain folder: $(cat "$tmp/warn.err")"

# A setgid folder whose group is one of ours (any supplementary group will
# do; root can use any group).
other=
if [ "$(id -u)" -eq 0 ]; then
	other=$(getent group daemon >/dev/null && echo daemon)
else
	for g in $(id -G); do [ "$g" != "$(id -g)" ] && other=$g && break; done
fi
if [ -n "$other" ]; then
	mkdir "$tmp/sgid" && chgrp "$other" "$tmp/sgid" && chmod 2770 "$tmp/sgid"
	(umask 022 && "$UTENFOR" new --shared --default "$tmp/sgid/bok.utenfor" >/dev/null 2>"$tmp/sgid.err") ||
		fail "new --shared in a setgid folder: $(cat "$tmp/sgid.err")"
	[ "$(group "$tmp/sgid/bok.utenfor")" = "$(group "$tmp/sgid")" ] ||
		fail "setgid folder: group $(group "$tmp/sgid/bok.utenfor"), want $(group "$tmp/sgid")"
	[ "$(mode "$tmp/sgid/bok.utenfor")" = 660 ] || fail "setgid folder: mode $(mode "$tmp/sgid/bok.utenfor")"
	[ -s "$tmp/sgid.err" ] && fail "a warning in a setgid folder: $(cat "$tmp/sgid.err")"
else
	echo "no second group to test a setgid folder with: that part skipped" >&2
fi

# --- 3. network file system stand-in (runs as anyone) ------------------------
UTENFOR_TEST_FS_TYPE=0x6969 "$UTENFOR" new --shared --default "$tmp/nfs.utenfor" >/dev/null 2>&1 ||
	fail "new on NFS"
[ "$(hdr "$tmp/nfs.utenfor")" = 1 ] || fail "a new workbook on NFS is in WAL mode"
UTENFOR_TEST_FS_TYPE=0x6969 "$UTENFOR" export --json "$tmp/nfs.utenfor" -o "$tmp/nfs.json" ||
	fail "reading a workbook on NFS"
UTENFOR_TEST_FS_TYPE=0x6969 "$UTENFOR" import --json "$tmp/nfs.json" "$tmp/nfs.utenfor" >/dev/null 2>&1 ||
	fail "writing a workbook on NFS"
[ -e "$tmp/nfs.utenfor-wal" ] && fail "a workbook on NFS left a -wal"
# A WAL workbook someone holds open in WAL mode cannot leave WAL: refused, said why.
"$UTENFOR" new --default "$tmp/walnfs.utenfor" >/dev/null
mkfifo "$tmp/holdin"
"$hold" "$tmp/walnfs.utenfor" <"$tmp/holdin" >"$tmp/hold.out" &
holdpid=$!
exec 7>"$tmp/holdin"
for _ in 1 2 3 4 5 6 7 8 9 10; do grep -q open "$tmp/hold.out" && break; sleep 0.2; done
UTENFOR_TEST_FS_TYPE=0x6969 "$UTENFOR" import --json "$tmp/nfs.json" "$tmp/walnfs.utenfor" >"$tmp/busy.out" 2>&1 &&
	fail "a WAL workbook open elsewhere was written on NFS"
grep -q nettverksfilsystem "$tmp/busy.out" || fail "no clear NFS message: $(cat "$tmp/busy.out")"
exec 7>&-
wait "$holdpid"

# --- 2. two users -------------------------------------------------------------
if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null 2>&1 || ! command -v su >/dev/null 2>&1; then
	echo "not root (or no useradd/su): the two-user part is skipped" >&2
	[ "$failures" -eq 0 ] || exit 1
	exit 0
fi
grp=utfg$$ ua=utfa$$ ub=utfb$$
cleanup_users() {
	userdel "$ua" 2>/dev/null; userdel "$ub" 2>/dev/null
	groupdel "$ua" 2>/dev/null; groupdel "$ub" 2>/dev/null; groupdel "$grp" 2>/dev/null
}
trap 'cleanup_users; chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
groupadd "$grp" && useradd -M -U -G "$grp" -s /bin/sh "$ua" && useradd -M -U -G "$grp" -s /bin/sh "$ub" ||
	{ echo "could not add test users: two-user part skipped" >&2; [ "$failures" -eq 0 ] || exit 1; exit 0; }
chmod 755 "$tmp"
# The binaries must be reachable by the test users.
if ! su "$ua" -c "test -x '$UTENFOR' && test -x '$hold'"; then
	echo "the build folder is not reachable by other users: two-user part skipped" >&2
	[ "$failures" -eq 0 ] || exit 1
	exit 0
fi
# A folder of the group that is NOT setgid: the case where side files used
# to take the opener's own group.
d=$tmp/kommune
mkdir "$d" && chgrp "$grp" "$d" && chmod 0770 "$d"
as() { u=$1; shift; su "$u" -s /bin/sh -c "umask 077; HOME='$tmp' XDG_CONFIG_HOME='$tmp/none' LC_ALL=C.UTF-8 $*"; }
as "$ua" "'$UTENFOR' new --shared --default '$d/bok.utenfor'" >/dev/null 2>&1 || fail "$ua: new --shared"
chgrp "$grp" "$d/bok.utenfor"
as "$ua" "'$UTENFOR' export --json '$d/bok.utenfor'" >"$tmp/bok.json" || fail "$ua: export"

# The control: plain SQLite as the first opener locks the colleague out.
# (No one has the file open: side files a reader left are removed first.)
rm -f "$d/bok.utenfor-wal" "$d/bok.utenfor-shm"
if [ -n "${SQLITE3_CLI:-}" ] && [ -x "$SQLITE3_CLI" ]; then
	rm -f "$tmp/holdin2"; mkfifo "$tmp/holdin2"; chmod 666 "$tmp/holdin2"
	as "$ua" "'$SQLITE3_CLI' '$d/bok.utenfor'" <"$tmp/holdin2" >/dev/null 2>&1 &
	sqpid=$!
	exec 8>"$tmp/holdin2"
	echo "SELECT count(*) FROM sqlite_master;" >&8
	for _ in 1 2 3 4 5 6 7 8 9 10; do [ -e "$d/bok.utenfor-shm" ] && break; sleep 0.2; done
	if as "$ub" "'$UTENFOR' import --json '$tmp/bok.json' '$d/bok.utenfor'" >/dev/null 2>"$tmp/ctl.err"; then
		echo "note: with plain SQLite as first opener the colleague still got in" >&2
	else
		echo "control: with plain SQLite as first opener, $ub could not write: $(cat "$tmp/ctl.err")" >&2
	fi
	exec 8>&-
	wait "$sqpid"
fi

# utenfor as the first opener: side files in the workbook's group and mode.
rm -f "$d/bok.utenfor-wal" "$d/bok.utenfor-shm"
rm -f "$tmp/holdin3"; mkfifo "$tmp/holdin3"; chmod 666 "$tmp/holdin3"
: >"$tmp/hold3.out"; chmod 666 "$tmp/hold3.out"
as "$ua" "'$hold' '$d/bok.utenfor' >'$tmp/hold3.out'" <"$tmp/holdin3" 2>"$tmp/hold3.err" &
hpid=$!
exec 9>"$tmp/holdin3"
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do grep -q open "$tmp/hold3.out" && break; sleep 0.2; done
grep -q open "$tmp/hold3.out" || fail "$ua could not open the workbook: $(cat "$tmp/hold3.err")"
for side in wal shm; do
	f=$d/bok.utenfor-$side
	if [ ! -e "$f" ]; then
		fail "no -$side while $ua has it open"
		continue
	fi
	[ "$(group "$f")" = "$grp" ] || fail "-$side has group $(group "$f"), want $grp"
	[ "$(mode "$f")" = 660 ] || fail "-$side has mode $(mode "$f"), want 660"
done
as "$ub" "'$UTENFOR' export --json '$d/bok.utenfor'" >/dev/null 2>"$tmp/ub.err" ||
	fail "$ub cannot read while $ua has it open: $(cat "$tmp/ub.err")"
as "$ub" "'$UTENFOR' import --json '$tmp/bok.json' '$d/bok.utenfor'" >/dev/null 2>"$tmp/ub.err" ||
	fail "$ub cannot write while $ua has it open: $(cat "$tmp/ub.err")"
exec 9>&-
wait "$hpid"

# On the network file system stand-in the -journal keeps the group too.
as "$ua" "UTENFOR_TEST_FS_TYPE=0x6969 '$UTENFOR' import --json '$tmp/bok.json' '$d/bok.utenfor'" >/dev/null 2>"$tmp/ua.err" ||
	fail "$ua: write on NFS: $(cat "$tmp/ua.err")"
if [ -e "$d/bok.utenfor-journal" ]; then
	[ "$(group "$d/bok.utenfor-journal")" = "$grp" ] || fail "-journal has group $(group "$d/bok.utenfor-journal")"
	[ "$(mode "$d/bok.utenfor-journal")" = 660 ] || fail "-journal has mode $(mode "$d/bok.utenfor-journal")"
else
	fail "no -journal kept on NFS"
fi
as "$ub" "UTENFOR_TEST_FS_TYPE=0x6969 '$UTENFOR' import --json '$tmp/bok.json' '$d/bok.utenfor'" >/dev/null 2>"$tmp/ub.err" ||
	fail "$ub cannot write on NFS after $ua: $(cat "$tmp/ub.err")"

[ "$failures" -eq 0 ] || exit 1
exit 0
