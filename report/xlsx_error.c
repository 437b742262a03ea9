/*
 * xlsx_error.c: see xlsx_error.h.
 *
 * libxlsxwriter writes to the C library's `stderr` stream; pointing that
 * stream at /dev/null for the duration of one spreadsheet is the only
 * way to keep its text off the user's terminal (it has no option for it).
 * Nothing else writes meanwhile: the program has one thread.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "i18n/i18n.h"
#include "report/xlsx_error.h"

FILE *xlsx_quiet_begin(void)
{
	FILE *sink = fopen("/dev/null", "w");
	if (sink == NULL)
		return NULL;
	fflush(stderr);
	FILE *saved = stderr;
	stderr = sink;
	return saved;
}

void xlsx_quiet_end(FILE *saved)
{
	if (saved == NULL)
		return;
	FILE *sink = stderr;
	stderr = saved;
	fclose(sink);
}

const char *xlsx_error_text(lxw_error e, int saved_errno)
{
	if (saved_errno == ENOSPC || saved_errno == EDQUOT)
		return _("disken er full");
	switch (e) {
	case LXW_ERROR_MEMORY_MALLOC_FAILED:
		return _("ikke nok minne");
	case LXW_ERROR_CREATING_XLSX_FILE:
		return _("filen kunne ikke lages");
	case LXW_ERROR_CREATING_TMPFILE:
		return _("kunne ikke lage midlertidige filer (se TMPDIR)");
	case LXW_ERROR_ZIP_FILE_OPERATION:
	case LXW_ERROR_ZIP_PARAMETER_ERROR:
	case LXW_ERROR_ZIP_BAD_ZIP_FILE:
	case LXW_ERROR_ZIP_INTERNAL_ERROR:
	case LXW_ERROR_ZIP_FILE_ADD:
	case LXW_ERROR_ZIP_CLOSE:
		return saved_errno == EACCES || saved_errno == EPERM ? _("ingen skrivetilgang")
			: saved_errno == EIO ? _("lese- eller skrivefeil på disken")
					     : _("feil under skriving av regnearkets innhold");
	default:
		return _("intern feil i regnearkbiblioteket");
	}
}
