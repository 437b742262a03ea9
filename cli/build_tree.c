/*
 * build_tree.c: the build folder behaves like an installation (see
 * build_tree.h).  Why a marker rather than "is there a locale/ folder next
 * to me": an installed /usr/bin/utenfor must never pick up whatever lies in
 * /usr/bin, and a copy of the binary taken elsewhere must behave installed.
 * Why /proc/self/exe rather than argv[0]: a binary started through $PATH or
 * a symlink still knows where it really is.
 *
 * Must never: print, exit, create files, override a variable already set.
 */
#include "config.h"

#include "cli/build_tree.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef BINDIR
#define BINDIR "/usr/local/bin"
#endif

/* Are a and b the same existing folder (device and inode)? */
static bool same_dir(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

bool build_tree_find(const char *exe_dir, const char *bindir, char *srcdir, size_t size)
{
	if (bindir != NULL && same_dir(exe_dir, bindir))
		return false; /* installed, whatever else lies there */
	char marker[PATH_MAX];
	int n = snprintf(marker, sizeof marker, "%s/%s", exe_dir, BUILD_TREE_MARKER);
	if (n < 0 || (size_t)n >= sizeof marker)
		return false;
	FILE *f = fopen(marker, "r");
	if (f == NULL)
		return false;
	bool found = false;
	char line[PATH_MAX + 16];
	while (!found && fgets(line, sizeof line, f) != NULL) {
		if (strncmp(line, "srcdir=", 7) != 0)
			continue;
		line[strcspn(line, "\n")] = '\0';
		n = snprintf(srcdir, size, "%s", line + 7);
		found = n > 0 && (size_t)n < size && srcdir[0] == '/';
	}
	fclose(f);
	return found;
}

/* The folder holding the running binary, into buf; false when unknown. */
static bool exe_dir(char *buf, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", buf, size - 1);
	if (n <= 0 || (size_t)n >= size - 1)
		return false;
	buf[n] = '\0';
	char *slash = strrchr(buf, '/');
	if (slash == NULL)
		return false;
	if (slash == buf)
		slash[1] = '\0';
	else
		*slash = '\0';
	return true;
}

/* Set `name` to `value` unless the user already gave it a value. */
static void set_default(const char *name, const char *value)
{
	const char *cur = getenv(name);
	if (cur == NULL || cur[0] == '\0')
		(void)setenv(name, value, 1);
}

bool build_tree_apply(void)
{
	char dir[PATH_MAX], src[PATH_MAX], path[PATH_MAX + 16];
	if (!exe_dir(dir, sizeof dir) || !build_tree_find(dir, BINDIR, src, sizeof src))
		return false;
	int n = snprintf(path, sizeof path, "%s/locale", dir);
	if (n > 0 && (size_t)n < sizeof path)
		set_default("UTENFOR_LOCALEDIR", path);
	n = snprintf(path, sizeof path, "%s/themes", src);
	if (n > 0 && (size_t)n < sizeof path)
		set_default("UTENFOR_THEMES_DIR", path);
	return true;
}
