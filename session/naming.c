/*
 * naming.c: ids and file names the interface proposes (see naming.h).
 *
 * Must never: call ncurses, touch the file system, or allocate.
 */
#include "config.h"

#include "session/naming.h"

#include <stdio.h>
#include <string.h>

bool group_new_id(const struct workbook *wb, char *out, size_t size)
{
	for (int n = 1; n < 10000; n++) {
		int len = n == 1 ? snprintf(out, size, "ny-malgruppe")
				 : snprintf(out, size, "ny-malgruppe-%d", n);
		if (len < 0 || (size_t)len >= size)
			break;
		if (workbook_find_group(wb, out) < 0)
			return true;
	}
	if (size > 0)
		out[0] = '\0';
	return false;
}

bool report_path_for(const char *workbook, char *out, size_t size)
{
	static const char suffix[] = "-rapport.html";
	size_t len = strlen(workbook);
	const char *slash = strrchr(workbook, '/');
	const char *base = slash != NULL ? slash + 1 : workbook;
	const char *dot = strrchr(base, '.');
	/* ".utenfor" alone is a hidden file's name, not an extension. */
	if (dot != NULL && dot != base)
		len = (size_t)(dot - workbook);
	if (size == 0 || len + sizeof suffix > size) {
		if (size > 0)
			out[0] = '\0';
		return false;
	}
	memcpy(out, workbook, len);
	memcpy(out + len, suffix, sizeof suffix);
	return true;
}
