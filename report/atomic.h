/*
 * atomic.h: write an output file all at once or not at all.
 *
 * A report or spreadsheet is first written to a temporary file in the same
 * directory as the target (mkstemp), flushed to disk (fsync), and only then
 * given its final name.  A reader therefore sees either the old file or the
 * complete new one, and a failure (full disk, killed process) never leaves
 * a half-written report behind under the real name.
 *
 * "-" is refused here: standard output is the caller's business.
 *
 * Without `force` an existing target is refused, and the final step uses
 * link(2), which fails if the name appeared meanwhile, so a file created by
 * someone else between our check and our commit is not clobbered either.
 *
 * Messages are Norwegian and name the path.
 *
 * Must never: print, exit(), or leave the temporary file behind on any
 * path out of these functions.
 */
#ifndef UTENFOR_REPORT_ATOMIC_H
#define UTENFOR_REPORT_ATOMIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define ATOMIC_PATH_SIZE 4096

struct atomic_file {
	char path[ATOMIC_PATH_SIZE]; /* the final name */
	char tmp[ATOMIC_PATH_SIZE + 32]; /* the temporary name while open */
	bool force;
	FILE *fp; /* open for writing until commit/abort */
};

/*
 * Outputs of this process read `input` (a workbook or a JSON document):
 * from now on every atomic output gets at most its permission bits (a
 * 0600 workbook gives 0600 reports whatever the umask; replacing a file
 * never widens that file's mode either), and writing over `input` itself
 * or its -wal/-shm/-journal is refused.  Call once, after the input is
 * known; a later call replaces the earlier.
 */
void atomic_guard_input(const char *input);

/*
 * Create the temporary file next to `path`.  Returns 0, or -1 with a
 * message in err (the target exists and !force, the directory is missing
 * or not writable, the path is too long).
 */
int atomic_open(struct atomic_file *af, const char *path, bool force, char *err,
		size_t err_size);

/*
 * Close the stream without renaming, for writers that reopen the temporary
 * name themselves (libxlsxwriter).  The temporary file stays until
 * atomic_commit() or atomic_abort().
 */
void atomic_release_stream(struct atomic_file *af);

/*
 * Flush, fsync and move the temporary file to its final name.  Returns 0,
 * or -1 with a message in err; in either case the temporary file is gone.
 */
int atomic_commit(struct atomic_file *af, char *err, size_t err_size);

/* Give up: close and remove the temporary file.  Safe to call twice. */
void atomic_abort(struct atomic_file *af);

/* Write `len` bytes of `data` to `path` atomically (the steps above). */
int atomic_write_file(const char *path, const char *data, size_t len, bool force, char *err,
		      size_t err_size);

#endif
