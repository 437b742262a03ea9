/*
 * ask_delete.c: "Slette …? (j/n)" for a measure, a cost item or a target
 * group, and the deletion when the answer is yes.  The question keeps the
 * row's key, so a reload while it is open cannot make it delete another
 * row; the session refuses a row that is gone.
 */
#include "config.h"

#include <stdio.h>

#include "tui/app.h"
#include "tui/i18n.h"
#include "tui/prompt.h"

static void answered(struct app *a, bool yes, struct row_key row, const char *arg)
{
	(void)arg;
	if (!yes) {
		app_status(a, false, "%s", _("Ikke slettet"));
		return;
	}
	struct diag d;
	app_remember(a);
	session_delete(a->session, row, &d);
	app_sync(a);
	app_diag(a, &d);
}

static void ask(struct app *a, const char *question, struct row_key row)
{
	prompt_confirm(a, question, _("j:ja, slett  n/Esc:nei"), true, answered, row, NULL);
}

void ask_delete_measure(struct app *a, int i)
{
	if (app_refuse_read_only(a) || i < 0 || (size_t)i >= a->wb->measure_count)
		return;
	char q[300];
	snprintf(q, sizeof q, _("Slette tiltaket «%s»? (j/n)"), a->wb->measures[i].name);
	ask(a, q, session_measure_key(a->session, (size_t)i));
}

void ask_delete_group(struct app *a, int g)
{
	if (app_refuse_read_only(a) || g < 0 || (size_t)g >= a->wb->group_count)
		return;
	char q[300];
	snprintf(q, sizeof q, _("Slette målgruppen «%s»? (j/n)"), a->wb->groups[g].name);
	ask(a, q, session_group_key(a->session, (size_t)g));
}

void ask_delete_item(struct app *a, int g, int i)
{
	if (app_refuse_read_only(a) || g < 0 || (size_t)g >= a->wb->group_count ||
	    i < 0 || (size_t)i >= a->wb->groups[g].item_count)
		return;
	char q[300];
	snprintf(q, sizeof q, _("Slette kostnadsposten «%s» i «%s»? (j/n)"),
		 a->wb->groups[g].items[i].name, a->wb->groups[g].name);
	ask(a, q, session_item_key(a->session, (size_t)g, (size_t)i));
}

void ask_delete_sector(struct app *a, int i)
{
	if (app_refuse_read_only(a) || i < 0 || (size_t)i >= a->wb->sector_count)
		return;
	char q[300];
	snprintf(q, sizeof q, _("Slette sektoren «%s»? (j/n)"), a->wb->sectors[i].name);
	ask(a, q, session_sector_key(a->session, (size_t)i));
}
