/*
 * input_file.h: reading an input file safely.
 *
 * Where a file is expected, only a regular file is read: a FIFO would
 * block forever, /dev/zero never ends, a directory is a mistake.  The
 * file is opened without blocking, checked with fstat, and read up to a
 * limit, so nothing here can hang or grow without bound.
 *
 * Messages are one Norwegian phrase without the file name (the caller
 * prefixes it), e.g. «er ikke en vanlig fil (en FIFO)».
 *
 * Must never: print, block on a FIFO, read past `max` + 1 bytes.
 */
#ifndef UTENFOR_INTERCHANGE_INPUT_FILE_H
#define UTENFOR_INTERCHANGE_INPUT_FILE_H

#include <stddef.h>

/*
 * Open `path` for reading if it is a regular file.  Returns the
 * descriptor (the caller closes it), or -1 with the reason in `why`.
 */
int input_open_regular(const char *path, char *why, size_t why_size);

/*
 * Read all of `fd` (a regular file, or standard input, which may be a
 * pipe) into a malloc'd, NUL-terminated buffer (*buf, the caller frees).
 * More than `max` bytes is refused.  Returns 0, or -1 with `why`.
 */
int input_read_fd(int fd, size_t max, char **buf, size_t *len, char *why, size_t why_size);

#endif
