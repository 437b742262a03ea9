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

static void write_report(struct app *a, bool force)
{
	char err[600] = "";
	if (report_write(a->wb, a->proj, REPORT_HTML, a->report_path, force, err, sizeof err) != 0) {
		app_status(a, true, _("Rapporten ble ikke skrevet: %s"), err);
		return;
	}
	app_status(a, false, _("Rapport skrevet: %s"), a->report_path);
}

void app_report(struct app *a)
{
	if (!report_path_for(session_path(a->session), a->report_path, sizeof a->report_path)) {
		app_status(a, true, "%s", _("Rapporten ble ikke skrevet: filnavnet blir for langt"));
		return;
	}
	struct stat st;
	if (stat(a->report_path, &st) == 0) {
		a->confirm = CONFIRM_OVERWRITE_REPORT;
		/* The question is one screen row: a long path is cut (by
		 * display width) so the question itself always shows. */
		char shown[200];
		text_truncate(shown, sizeof shown, a->report_path, 80, a->ascii);
		snprintf(a->confirm_text, sizeof a->confirm_text,
			 _("%s finnes. Skrive over? (j/n)"), shown);
		return;
	}
	if (errno != ENOENT) {
		app_status(a, true, _("Rapporten ble ikke skrevet: %s: %s"), a->report_path,
			   strerror(errno));
		return;
	}
	write_report(a, false);
}

void app_report_confirmed(struct app *a, bool yes)
{
	if (!yes) {
		app_status(a, false, _("Rapporten ble ikke skrevet: %s er som før"), a->report_path);
		return;
	}
	write_report(a, true);
}
