/*
 * report_key.c: the `r` key.  Writes the council report as HTML beside the
 * workbook (NAME-rapport.html, see naming.h) with report/'s report_write(),
 * after a j/n question in the status line when the file is already there.
 * Rendering takes milliseconds, so it runs in the UI thread.
 *
 * Must never: overwrite a file without the user's yes, or leave a partial
 * file (report_write() is atomic).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "report/report.h"
#include "tui/app.h"
#include "tui/i18n.h"
#include "session/naming.h"
#include "session/text.h"

static void write_report(struct app *a, const char *path, bool force)
{
	char err[600] = "";
	if (report_write(a->wb, a->proj, REPORT_HTML, path, force, err, sizeof err) != 0) {
		app_status(a, true, _("Rapporten ble ikke skrevet: %s"), err);
		return;
	}
	app_status(a, false, _("Rapport skrevet: %s"), path);
}

static void overwrite_answered(struct app *a, bool yes, struct row_key row, const char *path)
{
	(void)row;
	if (!yes) {
		app_status(a, false, _("Rapporten ble ikke skrevet: %s er som før"), path);
		return;
	}
	write_report(a, path, true);
}

void app_report(struct app *a)
{
	char path[4096];
	if (!report_path_for(session_path(a->session), path, sizeof path)) {
		app_status(a, true, "%s", _("Rapporten ble ikke skrevet: filnavnet blir for langt"));
		return;
	}
	struct stat st;
	if (stat(path, &st) == 0) {
		/* The question is one screen row: a long path is cut (by
		 * display width) so the question itself always shows. */
		char shown[200], question[300];
		text_truncate(shown, sizeof shown, path, 80, a->ascii);
		snprintf(question, sizeof question, _("%s finnes. Skrive over? (j/n)"), shown);
		prompt_confirm(a, question, _("j:ja, skriv over  n/Esc:nei"), false, overwrite_answered,
			       (struct row_key){ROW_PARAMS, 0}, path);
		return;
	}
	if (errno != ENOENT) {
		app_status(a, true, _("Rapporten ble ikke skrevet: %s: %s"), path, strerror(errno));
		return;
	}
	write_report(a, path, false);
}
