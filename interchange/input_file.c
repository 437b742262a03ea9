/*
 * input_file.c: regular files only, read with a limit (input_file.h).
 */
#include "interchange/input_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n/i18n.h"

static void errno_reason(int e, char *why, size_t size)
{
	switch (e) {
	case ENOENT:
		snprintf(why, size, "%s", _("filen finnes ikke"));
		break;
	case EACCES:
	case EPERM:
		snprintf(why, size, "%s", _("mangler lesetilgang til filen"));
		break;
	case EISDIR:
		snprintf(why, size, "%s", _("er en mappe, ikke en fil"));
		break;
	default:
		snprintf(why, size, "%s", strerror(e));
	}
}

/* What a non-regular file is, for the message. */
static const char *kind_of(mode_t m)
{
	if (S_ISFIFO(m))
		return _("en FIFO");
	if (S_ISCHR(m) || S_ISBLK(m))
		return _("en enhet");
	if (S_ISSOCK(m))
		return _("en socket");
	return _("en spesiell fil");
}

int input_open_regular(const char *path, char *why, size_t why_size)
{
	/* O_NONBLOCK: opening a FIFO without a writer must not wait. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		errno_reason(errno, why, why_size);
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		errno_reason(errno, why, why_size);
		close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		snprintf(why, why_size, "%s", _("er en mappe, ikke en fil"));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(why, why_size, _("er ikke en vanlig fil (%s); oppgi en fil, eller - for "
					  "standard inn"),
			 kind_of(st.st_mode));
		close(fd);
		return -1;
	}
	int flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		(void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	return fd;
}

int input_read_fd(int fd, size_t max, char **buf, size_t *len, char *why, size_t why_size)
{
	size_t cap = 0, used = 0;
	char *data = NULL;
	for (;;) {
		if (cap - used < 4096) {
			size_t ncap = cap ? cap * 2 : 65536;
			if (ncap > max + 2)
				ncap = max + 2;
			char *grown = ncap > cap ? realloc(data, ncap) : NULL;
			if (grown == NULL && ncap > cap) {
				free(data);
				snprintf(why, why_size, "%s", _("tomt for minne"));
				return -1;
			}
			if (grown != NULL) {
				data = grown;
				cap = ncap;
			}
		}
		ssize_t n = read(fd, data + used, cap - 1 - used);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			errno_reason(errno, why, why_size);
			free(data);
			return -1;
		}
		if (n == 0)
			break;
		used += (size_t)n;
		if (used > max) {
			free(data);
			snprintf(why, why_size, _("er for stor: over %zu MiB (høyst %zu byte)"),
				 max / (1024 * 1024), max);
			return -1;
		}
	}
	if (data == NULL && (data = malloc(1)) == NULL) {
		snprintf(why, why_size, "%s", _("tomt for minne"));
		return -1;
	}
	data[used] = '\0';
	*buf = data;
	*len = used;
	return 0;
}
