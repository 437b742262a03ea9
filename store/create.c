/*
 * create.c: making a new workbook file, all or nothing.
 *
 * The file is built where no one can see it and appears under its name
 * only when it is complete and on disk:
 *
 *   1. an anonymous file in the target's directory (O_TMPFILE), or where
 *      the file system has none, a named temporary file "NAME.ny-XXXXXX"
 *      held under flock() while it is built;
 *   2. the schema and rows built in an in-memory database, checked
 *      (quick_check) and written into that file as one image
 *      (sqlite3_serialize): SQLite never sees a file name, so there is no
 *      -wal, -shm or -journal that a kill could leave, and every byte
 *      goes through a checked write(2) and fsync(2) -- a full disk is a
 *      failed write, never a checkpoint nobody checks;
 *      The image is marked as a WAL database (the durable mode every
 *      writer uses, doc/store.md);
 *   3. link(2) to the real name (which fails if the name exists) and
 *      fsync of the directory.
 *
 * A kill at any moment leaves either nothing, or (named fallback only) a
 * temporary file that store_sweep_stale() removes at the next start: its
 * flock died with its maker.
 *
 * Must never: print, exit(), overwrite an existing file, or leave a file
 * under the real name that is not a complete workbook.
 */
#include "i18n/i18n.h"
#include "store/internal.h"
#include "store/share.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/validate.h"
#include "store/migrate.h"

#define TMP_INFIX ".ny-"

static bool e_full(int e)
{
	return e == ENOSPC || e == EDQUOT;
}

/* "dir" and "base" of `path` ("." when it has no slash). */
static void split_path(const char *path, char *dir, size_t dsize, const char **base)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL) {
		snprintf(dir, dsize, ".");
		*base = path;
	} else if (slash == path) {
		snprintf(dir, dsize, "/");
		*base = slash + 1;
	} else {
		snprintf(dir, dsize, "%.*s", (int)(slash - path), path);
		*base = slash + 1;
	}
}

static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		(void)fsync(fd); /* some file systems refuse it; the link stands */
		close(fd);
	}
}

/* Every step checked; the first failure is the status. */
static enum store_status fill(sqlite3 *db, const char *path, const struct workbook *initial,
			      struct store_error *err)
{
	int rc = store_exec(db, "PRAGMA foreign_keys = ON");
	if (rc == SQLITE_OK)
		rc = store_exec(db, "BEGIN IMMEDIATE");
	if (rc == SQLITE_OK)
		rc = migrate_run(db, 0);
	struct workbook_params defaults;
	workbook_params_defaults(&defaults);
	/* A workbook must have a name (validate_params); the user renames it. */
	text_set(defaults.name, sizeof defaults.name, "Ny arbeidsbok");
	if (rc == SQLITE_OK)
		rc = rows_write_params(db, initial ? &initial->params : &defaults, true, NULL);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, path, db, rc, _("opprette"));
	if (initial != NULL) {
		struct store s;
		memset(&s, 0, sizeof s);
		s.db = db;
		s.path = (char *)path;
		struct edit_tx tx = {.s = &s, .log_id = 0, .seq = 0};
		enum store_status status = rows_insert_all(&tx, initial, err);
		if (status != STORE_OK)
			return status;
	}
	if ((rc = store_exec(db, "COMMIT")) != SQLITE_OK)
		return store_fail_sqlite(err, path, db, rc, _("opprette"));
	char check[64] = "";
	rc = store_query_text(db, "PRAGMA quick_check(1)", check, sizeof check);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, path, db, rc, _("opprette"));
	if (strcmp(check, "ok") != 0)
		return store_fail(err, STORE_IO, path,
				  _("den nye arbeidsboken ble ikke hel (%s); ingen fil ble laget"),
				  check);
	return STORE_OK;
}

/* Creation failed with errno `e`. */
static enum store_status link_failed(int e, const char *path, struct store_error *err)
{
	if (e == EEXIST)
		return store_fail(err, STORE_EXISTS, path, _("finnes allerede"));
	return store_fail(err, e_full(e) ? STORE_FULL : STORE_IO, path,
			  _("kan ikke opprettes (%s)"), store_errno_text(e));
}

/* Write all of `data` to `fd` and fsync it; errno on failure, else 0. */
static int write_all(int fd, const unsigned char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? errno : ENOSPC;
		data += n;
		len -= (size_t)n;
	}
	return fsync(fd) == 0 ? 0 : errno;
}

/*
 * Build the workbook in memory and write its image (sqlite3_serialize) to
 * `fd`, an empty file no one else can see yet.  SQLite never sees a file
 * name here, so it makes no side files, and every byte of the file goes
 * through write(2) and fsync(2) whose results are checked.
 */
static enum store_status build(int fd, const char *path, const struct workbook *initial,
			       struct store_error *err)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(":memory:", &db,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	enum store_status status = rc == SQLITE_OK ? fill(db, path, initial, err)
						   : store_fail_sqlite(err, path, db, rc, _("opprette"));
	sqlite3_int64 size = 0;
	unsigned char *image = status == STORE_OK ? sqlite3_serialize(db, "main", &size, 0) : NULL;
	if (status == STORE_OK && image == NULL)
		status = store_fail(err, STORE_NOMEM, path, _("ikke nok minne"));
	sqlite3_close(db);
	/* File format: bytes 18 and 19 are the write and read versions, 1 for
	 * a rollback journal, 2 for WAL.  Born in WAL, the file never needs
	 * a journal_mode switch, whose -journal a kill could leave behind.
	 * On a network file system WAL is unsafe (store/share.c): born in the
	 * rollback journal, it stays there. */
	if (status == STORE_OK && size >= 100) {
		unsigned char v = store_network_fs(path) != NULL ? 1 : 2;
		image[18] = v;
		image[19] = v;
	}
	if (status == STORE_OK) {
		int e = write_all(fd, image, (size_t)size);
		if (e != 0)
			status = e_full(e) ? store_fail(err, STORE_FULL, path,
							_("disken er full; arbeidsboken ble ikke laget"))
					   : link_failed(e, path, err);
	}
	sqlite3_free(image);
	return status;
}

#ifdef O_TMPFILE
/* Steps 1–3 with an anonymous file.  Returns -1 (nothing done) when the
 * file system has no O_TMPFILE, so the caller falls back. */
static int create_anonymous(const char *dir, const char *path, const struct workbook *initial,
			    mode_t mode, struct store_error *err, enum store_status *status)
{
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)
			return -1;
		*status = link_failed(errno, path, err);
		return 0;
	}
	/* Linking by /proc needs no privilege, unlike AT_EMPTY_PATH. */
	char name[64];
	snprintf(name, sizeof name, "/proc/self/fd/%d", fd);
	struct stat st;
	if (stat(name, &st) != 0) {
		close(fd);
		return -1;
	}
	*status = fchmod(fd, mode) == 0 ? STORE_OK : link_failed(errno, path, err);
	if (*status == STORE_OK)
		*status = build(fd, path, initial, err);
	if (*status == STORE_OK && linkat(AT_FDCWD, name, AT_FDCWD, path, AT_SYMLINK_FOLLOW) != 0)
		*status = link_failed(errno, path, err);
	close(fd);
	return 0;
}
#endif

/* Steps 1–3 with a named temporary file, locked while it exists. */
static enum store_status create_named(const char *path, const struct workbook *initial,
				      mode_t mode, struct store_error *err)
{
	char tmp[PATH_MAX];
	int n = snprintf(tmp, sizeof tmp, "%s" TMP_INFIX "XXXXXX", path);
	if (n < 0 || (size_t)n >= sizeof tmp)
		return store_fail(err, STORE_IO, path, _("kan ikke opprettes (for langt filnavn)"));
	int fd = mkstemp(tmp);
	if (fd < 0)
		return link_failed(errno, path, err);
	enum store_status status = STORE_OK;
	/* fchmod states the mode whatever the umask and the libc. */
	if (fchmod(fd, mode) != 0 || flock(fd, LOCK_EX | LOCK_NB) != 0)
		status = link_failed(errno, path, err);
	if (status == STORE_OK)
		status = build(fd, path, initial, err);
	if (status == STORE_OK && link(tmp, path) != 0) {
		int e = errno;
		struct stat st;
		if ((e == EPERM || e == ENOTSUP) && lstat(path, &st) != 0 && rename(tmp, path) == 0)
			status = STORE_OK; /* a file system without hard links */
		else
			status = link_failed(e, path, err);
	}
	unlink(tmp);
	close(fd);
	return status;
}

void store_sweep_stale(const char *path)
{
	char dir[PATH_MAX];
	const char *base;
	split_path(path, dir, sizeof dir, &base);
	size_t blen = strlen(base), ilen = strlen(TMP_INFIX);
	DIR *d = opendir(dir);
	if (d == NULL)
		return;
	const struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		const char *name = e->d_name;
		/* NAME.ny-XXXXXX, and the -wal/-shm/-journal older versions left. */
		if (strncmp(name, base, blen) != 0 || strncmp(name + blen, TMP_INFIX, ilen) != 0)
			continue;
		const char *rest = name + blen + ilen;
		if (strlen(rest) < 6)
			continue;
		const char *side = rest + 6;
		if (*side != '\0' && strcmp(side, "-wal") != 0 && strcmp(side, "-shm") != 0 &&
		    strcmp(side, "-journal") != 0)
			continue;
		char full[PATH_MAX];
		char main_file[PATH_MAX];
		if (snprintf(full, sizeof full, "%s/%s", dir, name) >= (int)sizeof full ||
		    snprintf(main_file, sizeof main_file, "%s/%.*s", dir, (int)(side - name), name) >=
			    (int)sizeof main_file)
			continue;
		/* Stale when no one holds the main temporary file's lock (or it is
		 * gone, leaving only side files). */
		int fd = open(main_file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		bool stale = fd < 0 ? errno == ENOENT : flock(fd, LOCK_EX | LOCK_NB) == 0;
		struct stat st;
		if (stale && lstat(full, &st) == 0 && S_ISREG(st.st_mode))
			unlink(full);
		if (fd >= 0)
			close(fd);
	}
	closedir(d);
}

enum store_status store_create(const char *path, const struct workbook *initial,
			       struct store_error *err)
{
	return store_create_with(path, initial, 0, err);
}

/* STORE_CREATE_SHARED: 0660 whatever the umask; the group is the folder's
 * when it is setgid (the kernel's rule for a new inode, O_TMPFILE too). */
enum store_status store_create_with(const char *path, const struct workbook *initial,
				    unsigned flags, struct store_error *err)
{
	mode_t mode = (flags & STORE_CREATE_SHARED) ? 0660 : 0600;
	if (path == NULL || *path == '\0')
		return store_fail(err, STORE_IO, _("arbeidsbok"), _("ingen fil oppgitt"));
	struct stat st;
	if (lstat(path, &st) == 0)
		return store_fail(err, STORE_EXISTS, path, _("finnes allerede"));
	if (initial != NULL) {
		struct problems pr;
		problems_clear(&pr);
		if (!validate_workbook(initial, &pr))
			return store_fail_problems(err, STORE_REFUSED, path, "", &pr);
	}
	char dir[PATH_MAX];
	const char *base;
	split_path(path, dir, sizeof dir, &base);
	store_sweep_stale(path);
	enum store_status status = STORE_OK;
	int done = -1;
#ifdef O_TMPFILE
	done = create_anonymous(dir, path, initial, mode, err, &status);
#endif
	if (done < 0)
		status = create_named(path, initial, mode, err);
	if (status != STORE_OK)
		return status;
	sync_dir(dir);
	return STORE_OK;
}
