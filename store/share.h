/*
 * share.h: workbooks shared by a group on a server, and workbooks on
 * network file systems (doc/shared.md).
 *
 * Shared: `utenfor new --shared` makes the file 0660 whatever the umask,
 * and its group is the folder's when the folder is setgid.  SQLite makes
 * its side files (-wal, -shm; -journal on a network file system) with the
 * workbook's mode but the *creator's* primary group (it chowns only when
 * run as root), and removes them when the last user closes the workbook,
 * so the next first opener makes them again.  A colleague who is not in
 * that primary group then gets «unable to open database file».  So every
 * open of a group-writable workbook first creates the side files itself,
 * empty, with the workbook's group and mode, and after SQLite has opened
 * them fixes any that SQLite made in between (another user's last close
 * may delete ours in that gap).  An empty -wal, -shm or -journal is what
 * SQLite itself leaves after a checkpoint or a truncating commit, so
 * making them first changes nothing else.
 *
 * Network file systems (NFS, SMB/CIFS, FUSE such as sshfs, AFS, Ceph, 9P,
 * ...): WAL needs shared memory between every process using the file,
 * which processes on different machines do not have, so SQLite's WAL is
 * unsafe there.  There the workbook uses a rollback journal
 * (journal_mode=TRUNCATE: the -journal file stays, empty, between
 * transactions, so it keeps its group and mode) with POSIX locks, which
 * NFSv4 and SMB forward to the server.
 *
 * Must never: print, exit.
 */
#ifndef UTENFOR_STORE_SHARE_H
#define UTENFOR_STORE_SHARE_H

#include <stdbool.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "store/store.h"

/* store_create_with() flags. */
#define STORE_CREATE_SHARED 1u /* 0660 instead of 0600 (the group reads and writes) */

/* store_create() with flags; store_create(p, w, e) is store_create_with(p, w, 0, e). */
enum store_status store_create_with(const char *path, const struct workbook *initial,
				    unsigned flags, struct store_error *err);

/*
 * The network file system `path` (an existing file or folder) lies on, as
 * a name for messages ("NFS", "SMB/CIFS", ...), or NULL when it is local
 * or unknown.  The environment variable UTENFOR_TEST_FS_TYPE (a statfs
 * f_type number such as 0x6969), when set, stands in for statfs's answer:
 * for tests only, which cannot mount NFS.
 */
const char *store_network_fs(const char *path);

/* The same for a statfs f_type value. */
const char *store_network_fs_type(unsigned long f_type);

/* --- used by store/open.c ------------------------------------------------ */

/* "PRAGMA journal_mode" for the file `db` is open on: WAL, or TRUNCATE on a
 * network file system.  SQLITE_BUSY when the file stays in WAL mode on a
 * network file system (someone else has it open in WAL mode). */
int share_set_journal_mode(sqlite3 *db);

/* Before SQLite opens `path` (whose stat is `st`): make its missing side
 * files with the workbook's group and mode, when it is group-writable. */
void share_prepare_side_files(const char *path, const struct stat *st);

/* After SQLite opened it: give side files we own the workbook's group and
 * mode, when it is group-writable. */
void share_fix_side_files(const char *path, const struct stat *st);

/* The error for a writer whose configuration failed with `rc`: on a network
 * file system a busy WAL-mode file is explained (someone has it open in
 * WAL mode, so it cannot leave WAL yet); otherwise SQLite's message. */
enum store_status share_fail_journal_mode(const char *path, sqlite3 *db, int rc,
					  struct store_error *err);

#endif
