/*
 * share.c: side files of group-shared workbooks and network file systems
 * (share.h explains both; doc/shared.md tells the administrator).
 *
 * Must never: print, exit, change a side file someone else owns, create a
 * -wal for a workbook that is not in WAL mode (SQLite would read the
 * workbook through it).
 */
#include "i18n/i18n.h"
#include "store/internal.h"
#include "store/share.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/statfs.h>
#include <unistd.h>

/* Linux statfs f_type values (linux/magic.h; not all are in every header). */
static const struct {
	unsigned long type;
	const char *name;
} network_types[] = {
	{0x6969UL, "NFS"},
	{0x517BUL, "SMB/CIFS"},
	{0xFF534D42UL, "SMB/CIFS"},
	{0xFE534D42UL, "SMB2/CIFS"},
	/* FUSE covers sshfs, rclone, s3fs, glusterfs…, but also local ones such
	 * as ntfs-3g; a rollback journal is merely slower there, so it errs on
	 * the safe side. */
	{0x65735546UL, "FUSE (sshfs o.l.)"},
	{0x5346414FUL, "AFS"},
	{0x6B414653UL, "AFS"},
	{0x00C36400UL, "Ceph"},
	{0x01021997UL, "9P"},
	{0x73757245UL, "Coda"},
	{0x564CUL, "NCP"},
	{0x01161970UL, "GFS2"},
	{0x7461636FUL, "OCFS2"},
	{0x0BD00BD0UL, "Lustre"},
};

const char *store_network_fs_type(unsigned long f_type)
{
	f_type &= 0xFFFFFFFFUL; /* f_type is signed on some ABIs */
	for (size_t i = 0; i < sizeof network_types / sizeof network_types[0]; i++)
		if (network_types[i].type == f_type)
			return network_types[i].name;
	return NULL;
}

const char *store_network_fs(const char *path)
{
	const char *test = getenv("UTENFOR_TEST_FS_TYPE");
	if (test != NULL && *test != '\0')
		return store_network_fs_type(strtoul(test, NULL, 0));
	struct statfs sf;
	if (statfs(path, &sf) == 0)
		return store_network_fs_type((unsigned long)sf.f_type);
	/* A file not made yet lives where its folder does. */
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	if (errno != ENOENT || snprintf(dir, sizeof dir, "%.*s", slash == NULL ? 1 : slash == path ? 1 : (int)(slash - path),
					  slash == NULL ? "." : path) >= (int)sizeof dir)
		return NULL;
	if (statfs(dir, &sf) != 0)
		return NULL;
	return store_network_fs_type((unsigned long)sf.f_type);
}

int share_set_journal_mode(sqlite3 *db)
{
	const char *path = sqlite3_db_filename(db, "main");
	bool network = path != NULL && *path != '\0' && store_network_fs(path) != NULL;
	const char *want = network ? "truncate" : "wal";
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(
		db, network ? "PRAGMA journal_mode = TRUNCATE" : "PRAGMA journal_mode = WAL", -1, &st,
		NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	/* The pragma answers with the mode now in effect; leaving WAL needs
	 * the file to itself, so another user's open connection keeps it. */
	if (rc == SQLITE_ROW) {
		const char *got = (const char *)sqlite3_column_text(st, 0);
		rc = got != NULL && strcasecmp(got, want) == 0 ? SQLITE_OK
			: network			       ? SQLITE_BUSY
							       : SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Is the workbook in WAL mode (header bytes 18 and 19 both 2)? */
static bool header_says_wal(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return false;
	unsigned char h[20];
	bool wal = pread(fd, h, sizeof h, 0) == (ssize_t)sizeof h && h[18] == 2 && h[19] == 2;
	close(fd);
	return wal;
}

/* Which side files SQLite will use for `path`: NULL-terminated suffixes. */
static const char *const *side_suffixes(const char *path)
{
	static const char *const wal[] = {"-wal", "-shm", NULL};
	static const char *const journal[] = {"-journal", NULL};
	static const char *const none[] = {NULL};
	if (store_network_fs(path) != NULL)
		return journal;
	return header_says_wal(path) ? wal : none;
}

static bool group_shared(const struct stat *st)
{
	return (st->st_mode & S_IWGRP) != 0;
}

/* Give the open side file `fd` the workbook's group and permission bits,
 * if it is ours and differs.  Failure leaves it as it is. */
static void match_workbook(int fd, const struct stat *wb)
{
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid())
		return;
	if (st.st_gid != wb->st_gid)
		(void)fchown(fd, (uid_t)-1, wb->st_gid);
	mode_t want = wb->st_mode & 0666;
	if ((st.st_mode & 07777) != want)
		(void)fchmod(fd, want);
}

static bool side_name(char *buf, size_t size, const char *path, const char *suffix)
{
	int n = snprintf(buf, size, "%s%s", path, suffix);
	return n > 0 && (size_t)n < size;
}

void share_prepare_side_files(const char *path, const struct stat *st)
{
	if (!group_shared(st))
		return;
	for (const char *const *s = side_suffixes(path); *s != NULL; s++) {
		char side[PATH_MAX];
		if (!side_name(side, sizeof side, path, *s))
			continue;
		/* 0600 until it has the right group, so no one else's file is
		 * ever briefly open to the wrong group. */
		int fd = open(side, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0 && errno == EEXIST)
			fd = open(side, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0)
			continue; /* a read-only folder: SQLite decides what happens */
		match_workbook(fd, st);
		close(fd);
	}
}

void share_fix_side_files(const char *path, const struct stat *st)
{
	if (!group_shared(st))
		return;
	for (const char *const *s = side_suffixes(path); *s != NULL; s++) {
		char side[PATH_MAX];
		if (!side_name(side, sizeof side, path, *s))
			continue;
		int fd = open(side, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0)
			continue;
		match_workbook(fd, st);
		close(fd);
	}
}

enum store_status share_fail_journal_mode(const char *path, sqlite3 *db, int rc,
					  struct store_error *err)
{
	const char *fs = (rc & 0xff) == SQLITE_BUSY ? store_network_fs(path) : NULL;
	if (fs == NULL)
		return store_fail_sqlite(err, path, db, rc, _("åpne"));
	return store_fail(err, STORE_BUSY, path,
			  _("arbeidsboken ligger på et nettverksfilsystem (%s), der SQLite sin "
			    "WAL-logg ikke er trygg, og er åpen i WAL-modus et annet sted; lukk den "
			    "der, så går den over til en vanlig journal neste gang den åpnes"),
			  fs);
}
