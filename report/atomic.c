/*
 * atomic.c: all-or-nothing output files (see atomic.h for the contract).
 *
 * Must never: print, exit(), or leave the temporary file behind.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n/i18n.h"
#include "report/atomic.h"

/* The directory part of `path` ("." when there is none), for fsync. */
static void dir_of(const char *path, char *dir, size_t size)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL) {
		snprintf(dir, size, ".");
	} else if (slash == path) {
		snprintf(dir, size, "/");
	} else {
		snprintf(dir, size, "%.*s", (int)(slash - path), path);
	}
}

/*
 * What the outputs of this process must not widen (atomic_guard_input):
 * the input's permission bits, and the input and its SQLite side files,
 * which must never be written over.
 */
static struct {
	bool set;
	mode_t mode;
	dev_t dev;
	ino_t ino;
	char sides[3][ATOMIC_PATH_SIZE + 16]; /* canonical NAME-wal, -shm, -journal */
} guard;

/* "realpath(dir)/base" of `path`, whether or not the file exists. */
static bool canonical(const char *path, char *out, size_t size)
{
	char dir[ATOMIC_PATH_SIZE], real[ATOMIC_PATH_SIZE];
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	dir_of(path, dir, sizeof dir);
	if (realpath(dir, real) == NULL)
		return false;
	int n = snprintf(out, size, "%s/%s", strcmp(real, "/") == 0 ? "" : real, base);
	return n >= 0 && (size_t)n < size;
}

void atomic_guard_input(const char *input)
{
	struct stat st;
	memset(&guard, 0, sizeof guard);
	if (input == NULL || stat(input, &st) != 0)
		return;
	guard.set = true;
	guard.mode = st.st_mode & 0777;
	guard.dev = st.st_dev;
	guard.ino = st.st_ino;
	static const char *const suffix[3] = {"-wal", "-shm", "-journal"};
	char base[ATOMIC_PATH_SIZE];
	if (!canonical(input, base, sizeof base))
		return;
	for (int i = 0; i < 3; i++)
		snprintf(guard.sides[i], sizeof guard.sides[i], "%s%s", base, suffix[i]);
}

/* Is `path` the guarded input, or one of its side files? */
static bool is_guarded(const char *path, const struct stat *st)
{
	if (!guard.set)
		return false;
	if (st != NULL && st->st_dev == guard.dev && st->st_ino == guard.ino)
		return true;
	char canon[ATOMIC_PATH_SIZE + 16];
	if (!canonical(path, canon, sizeof canon))
		return false;
	for (int i = 0; i < 3; i++)
		if (guard.sides[i][0] != '\0' && strcmp(canon, guard.sides[i]) == 0)
			return true;
	return false;
}

/*
 * mkstemp creates files 0600; an output file gets the permissions any new
 * file would (0666 less the umask), but never more than the input's (a
 * private workbook gives private reports) nor, when it replaces a file,
 * more than that file had (--force never widens).  umask() can only be
 * read by setting it, so it is set back at once; nothing here runs in
 * threads.
 */
static void apply_mode(int fd, const struct stat *existing)
{
	mode_t mask = umask(022);
	umask(mask);
	mode_t mode = 0666 & ~mask;
	if (guard.set)
		mode &= guard.mode;
	if (existing != NULL)
		mode &= existing->st_mode & 0777;
	(void)fchmod(fd, mode);
}

int atomic_open(struct atomic_file *af, const char *path, bool force, char *err,
		size_t err_size)
{
	memset(af, 0, sizeof *af);
	af->force = force;
	if (path == NULL || path[0] == '\0') {
		snprintf(err, err_size, _("Mangler filnavn for utdata."));
		return -1;
	}
	if (strlen(path) + 16 > sizeof af->path) {
		snprintf(err, err_size, _("Filnavnet er for langt: %.80s…"), path);
		return -1;
	}
	snprintf(af->path, sizeof af->path, "%s", path);

	if (strcmp(path, "-") == 0) {
		snprintf(err, err_size, "%s", _("Standard ut (-) kan ikke brukes her; oppgi et filnavn."));
		return -1;
	}
	struct stat st;
	bool exists = stat(path, &st) == 0;
	if (is_guarded(path, exists ? &st : NULL)) {
		snprintf(err, err_size,
			 _("%s er arbeidsboken som leses (eller en av dens hjelpefiler); velg et "
			   "annet filnavn for utdata."),
			 path);
		return -1;
	}
	if (exists) {
		if (S_ISDIR(st.st_mode)) {
			snprintf(err, err_size, _("%s er en mappe, ikke en fil."), path);
			return -1;
		}
		if (!force) {
			snprintf(err, err_size,
				 "%s finnes allerede. Bruk --force for å overskrive, eller velg et annet filnavn.",
				 path);
			return -1;
		}
	}

	char dir[ATOMIC_PATH_SIZE];
	dir_of(path, dir, sizeof dir);
	snprintf(af->tmp, sizeof af->tmp, "%s/.utenfor-XXXXXX", dir);
	int fd = mkstemp(af->tmp);
	if (fd < 0) {
		int e = errno;
		af->tmp[0] = '\0';
		if (e == ENOENT || e == ENOTDIR)
			snprintf(err, err_size, _("Kan ikke skrive %s: mappen %s finnes ikke."), path, dir);
		else
			snprintf(err, err_size, _("Kan ikke skrive %s: %s (mappe %s)."), path, strerror(e),
				 dir);
		return -1;
	}
	apply_mode(fd, exists ? &st : NULL);
	af->fp = fdopen(fd, "wb");
	if (af->fp == NULL) {
		snprintf(err, err_size, _("Kan ikke skrive %s: %s."), path, strerror(errno));
		close(fd);
		unlink(af->tmp);
		af->tmp[0] = '\0';
		return -1;
	}
	return 0;
}

void atomic_release_stream(struct atomic_file *af)
{
	if (af->fp != NULL) {
		fclose(af->fp);
		af->fp = NULL;
	}
}

void atomic_abort(struct atomic_file *af)
{
	atomic_release_stream(af);
	if (af->tmp[0] != '\0') {
		unlink(af->tmp);
		af->tmp[0] = '\0';
	}
}

/* fsync the temporary file through a descriptor of our own, so the data is
 * on disk before the name points at it. */
static int sync_tmp(struct atomic_file *af)
{
	if (af->fp != NULL) {
		if (fflush(af->fp) != 0 || ferror(af->fp) || fsync(fileno(af->fp)) != 0)
			return -1;
		FILE *fp = af->fp;
		af->fp = NULL;
		return fclose(fp) == 0 ? 0 : -1;
	}
	int fd = open(af->tmp, O_RDONLY);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

static void sync_dir(const char *path)
{
	char dir[ATOMIC_PATH_SIZE];
	dir_of(path, dir, sizeof dir);
	int fd = open(dir, O_RDONLY);
	if (fd >= 0) {
		(void)fsync(fd); /* best effort: some filesystems refuse it */
		close(fd);
	}
}

int atomic_commit(struct atomic_file *af, char *err, size_t err_size)
{
	if (af->tmp[0] == '\0') {
		snprintf(err, err_size, _("Intern feil: ingen midlertidig fil for %s."), af->path);
		return -1;
	}
	if (sync_tmp(af) != 0) {
		int e = errno;
		snprintf(err, err_size, _("Kunne ikke skrive %s ferdig: %s. Filen ble ikke laget."),
			 af->path, e == ENOSPC ? _("disken er full") : strerror(e));
		atomic_abort(af);
		return -1;
	}
	if (!af->force) {
		/* link() refuses an existing name atomically. */
		if (link(af->tmp, af->path) == 0) {
			unlink(af->tmp);
			af->tmp[0] = '\0';
			sync_dir(af->path);
			return 0;
		}
		if (errno == EEXIST) {
			snprintf(err, err_size,
				 "%s finnes allerede. Bruk --force for å overskrive, eller velg et annet filnavn.",
				 af->path);
			atomic_abort(af);
			return -1;
		}
		/* Filesystems without hard links: fall back to check-then-rename. */
		struct stat st;
		if (stat(af->path, &st) == 0) {
			snprintf(err, err_size,
				 "%s finnes allerede. Bruk --force for å overskrive, eller velg et annet filnavn.",
				 af->path);
			atomic_abort(af);
			return -1;
		}
	}
	if (rename(af->tmp, af->path) != 0) {
		snprintf(err, err_size, _("Kan ikke gi filen navnet %s: %s."), af->path, strerror(errno));
		atomic_abort(af);
		return -1;
	}
	af->tmp[0] = '\0';
	sync_dir(af->path);
	return 0;
}

int atomic_write_file(const char *path, const char *data, size_t len, bool force, char *err,
		      size_t err_size)
{
	struct atomic_file af;
	if (atomic_open(&af, path, force, err, err_size) != 0)
		return -1;
	if (len > 0 && fwrite(data, 1, len, af.fp) != len) {
		int e = errno;
		snprintf(err, err_size, _("Kunne ikke skrive %s: %s. Filen ble ikke laget."), path,
			 e == ENOSPC ? _("disken er full") : strerror(e));
		atomic_abort(&af);
		return -1;
	}
	return atomic_commit(&af, err, err_size);
}
