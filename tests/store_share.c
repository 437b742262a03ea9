/*
 * store_share.c: network file systems are recognised by statfs type, and a
 * workbook there gets a rollback journal instead of WAL (store/share.h).
 * UTENFOR_TEST_FS_TYPE stands in for statfs, since NFS cannot be mounted
 * here; tmpfs and the test folder are real.
 */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/share.h"
#include "store_util.h"

Test(store_share, network_types_are_named)
{
	cr_assert_str_eq(store_network_fs_type(0x6969), "NFS");
	cr_assert_str_eq(store_network_fs_type(0xFF534D42UL), "SMB/CIFS");
	cr_assert_str_eq(store_network_fs_type(0xFE534D42UL), "SMB2/CIFS");
	cr_assert_not_null(store_network_fs_type(0x65735546UL)); /* FUSE: sshfs */
	/* The sign extension some ABIs give f_type must not hide NFS. */
	cr_assert_str_eq(store_network_fs_type((unsigned long)(long)(int)0xFF534D42U), "SMB/CIFS");
}

Test(store_share, local_types_are_not_network)
{
	cr_assert_null(store_network_fs_type(0xEF53));     /* ext2/3/4 */
	cr_assert_null(store_network_fs_type(0x01021994)); /* tmpfs */
	cr_assert_null(store_network_fs_type(0x58465342)); /* xfs */
	cr_assert_null(store_network_fs_type(0x9123683E)); /* btrfs */
	cr_assert_null(store_network_fs_type(0x794C7630)); /* overlayfs */
}

Test(store_share, tmpfs_is_local)
{
	unsetenv("UTENFOR_TEST_FS_TYPE");
	struct stat st;
	if (stat("/dev/shm", &st) != 0)
		cr_skip_test("no /dev/shm");
	cr_assert_null(store_network_fs("/dev/shm"));
}

Test(store_share, the_test_hook_stands_in_for_statfs)
{
	setenv("UTENFOR_TEST_FS_TYPE", "0x6969", 1);
	cr_assert_str_eq(store_network_fs("/"), "NFS");
	setenv("UTENFOR_TEST_FS_TYPE", "0xEF53", 1);
	cr_assert_null(store_network_fs("/"));
	unsetenv("UTENFOR_TEST_FS_TYPE");
}

/* Header bytes 18 and 19: 2 = WAL, 1 = rollback journal. */
static int header_mode(const char *path)
{
	unsigned char h[20];
	int fd = open(path, O_RDONLY);
	cr_assert(fd >= 0);
	cr_assert_eq(pread(fd, h, sizeof h, 0), (ssize_t)sizeof h);
	close(fd);
	cr_assert_eq(h[18], h[19]);
	return h[18];
}

Test(store_share, network_workbook_uses_a_rollback_journal)
{
	char dir[] = "/tmp/utenfor-share-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char local[256], nfs[256];
	snprintf(local, sizeof local, "%s/lokal.utenfor", dir);
	snprintf(nfs, sizeof nfs, "%s/nfs.utenfor", dir);
	struct store_error err = {0};

	unsetenv("UTENFOR_TEST_FS_TYPE");
	cr_assert_eq(store_create(local, NULL, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(header_mode(local), 2, "a local workbook is WAL");

	setenv("UTENFOR_TEST_FS_TYPE", "0x6969", 1);
	cr_assert_eq(store_create(nfs, NULL, &err), STORE_OK, "%s", err.message);
	cr_assert_eq(header_mode(nfs), 1, "a new workbook on NFS is not WAL");
	/* A WAL workbook moved onto NFS leaves WAL when opened for writing. */
	struct store *s = store_open_ok(local, 0);
	cr_assert_eq(header_mode(local), 1);
	char side[300];
	snprintf(side, sizeof side, "%s-wal", local);
	cr_assert_neq(access(side, F_OK), 0, "no -wal on NFS");
	store_close(s);
	unsetenv("UTENFOR_TEST_FS_TYPE");

	/* Back on a local disk it is WAL again. */
	s = store_open_ok(local, 0);
	cr_assert_eq(header_mode(local), 2);
	store_close(s);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(store_share, shared_creation_is_0660_whatever_the_umask)
{
	char dir[] = "/tmp/utenfor-share-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char shared[256], private[256];
	snprintf(shared, sizeof shared, "%s/delt.utenfor", dir);
	snprintf(private, sizeof private, "%s/privat.utenfor", dir);
	mode_t old = umask(077);
	struct store_error err = {0};
	cr_assert_eq(store_create_with(shared, NULL, STORE_CREATE_SHARED, &err), STORE_OK, "%s",
		     err.message);
	cr_assert_eq(store_create(private, NULL, &err), STORE_OK, "%s", err.message);
	umask(old);
	struct stat st;
	cr_assert_eq(stat(shared, &st), 0);
	cr_assert_eq(st.st_mode & 07777, 0660);
	cr_assert_eq(stat(private, &st), 0);
	cr_assert_eq(st.st_mode & 07777, 0600);
	/* Side files made while it is open get the workbook's mode too. */
	umask(077);
	struct store *s = store_open_ok(shared, 0);
	umask(old);
	char side[300];
	snprintf(side, sizeof side, "%s-wal", shared);
	cr_assert_eq(stat(side, &st), 0, "the open workbook has a -wal");
	cr_assert_eq(st.st_mode & 07777, 0660);
	snprintf(side, sizeof side, "%s-shm", shared);
	cr_assert_eq(stat(side, &st), 0, "the open workbook has a -shm");
	cr_assert_eq(st.st_mode & 07777, 0660);
	store_close(s);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}
