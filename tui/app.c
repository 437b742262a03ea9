/*
 * app.c: state changes of `struct app` that several views share: the
 * status line, keeping the selections by row id when the session reads
 * the workbook again, switching views, and the read-only refusal.
 *
 * Must never: draw (views do) or block on the terminal.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "tui/app.h"
#include "tui/i18n.h"

void app_status(struct app *a, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->status, sizeof a->status, fmt, ap);
	va_end(ap);
	a->status_error = error;
}

const char *app_thousands(const struct app *a)
{
	/* config.ini's [numbers] thousands; in ASCII only a plain space or
	 * nothing can be shown. */
	if (a->ascii && a->thousands[0] != '\0')
		return " ";
	return a->thousands;
}

void app_diag(struct app *a, const struct diag *d)
{
	app_status(a, d->code != DIAG_OK, "%s", d->message);
}

bool app_refuse_read_only(struct app *a)
{
	if (!a->read_only)
		return false;
	const char *why = session_read_only_notice(a->session);
	app_status(a, true, _("Arbeidsboka er åpnet skrivebeskyttet%s%s: endringer lagres ikke"),
		   why ? ": " : "", why ? why : "");
	return true;
}

int app_measure_index(const struct app *a)
{
	if (a->wb->measure_count == 0)
		return -1;
	int i = a->subject;
	if (i < 0)
		i = 0;
	if ((size_t)i >= a->wb->measure_count)
		i = (int)a->wb->measure_count - 1;
	return i;
}

/* The uncertainty analysis simulates the current measure first. */
static void focus_subject(struct app *a)
{
	struct row_key none = {ROW_MEASURE, 0};
	session_set_focus(a->session, a->subject >= 0 && (size_t)a->subject < a->wb->measure_count
					      ? session_measure_key(a->session, (size_t)a->subject)
					      : none);
}

void app_set_subject(struct app *a, int i)
{
	a->subject = i;
	focus_subject(a);
}

struct row_key app_key(const struct app *a, enum edit_target t, size_t index, size_t sub)
{
	switch (t) {
	case EDIT_MEASURE: return session_measure_key(a->session, index);
	case EDIT_GROUP: return session_group_key(a->session, index);
	case EDIT_SECTOR: return session_sector_key(a->session, index);
	case EDIT_ITEM: return session_item_key(a->session, index, sub);
	case EDIT_PARAMS: return (struct row_key){ROW_PARAMS, 0};
	case EDIT_ESTIMATE: return (struct row_key){ROW_ESTIMATE, 0};
	}
	return (struct row_key){ROW_PARAMS, 0};
}

void *app_state(const struct app *a, const struct view *v)
{
	for (size_t i = 0; i < a->view_count; i++)
		if (a->views[i] == v)
			return a->state[i];
	return NULL;
}

void app_remember(struct app *a)
{
	const struct workbook *wb = a->wb;
	a->subject_id = 0;
	if (a->subject >= 0 && (size_t)a->subject < wb->measure_count)
		a->subject_id = wb->measures[a->subject].row.id;
	for (size_t i = 0; i < a->view_count; i++)
		if (a->views[i]->remember != NULL)
			a->views[i]->remember(a, a->state[i]);
	a->generation = session_generation(a->session);
}

void app_sync(struct app *a)
{
	/* Drafts patch the projection; parameters and reloads need a step.
	 * The projection always gets its step; the simulation only what is
	 * left of half a millisecond, and the rest between keystrokes
	 * (app_background), so typing never waits for it. */
	session_step(a->session, 0.5);
	a->proj = session_result(a->session, &analysis_portfolio, NULL);
	a->unc = session_result(a->session, &analysis_uncertainty, NULL);
	if (a->generation == session_generation(a->session)) {
		focus_subject(a);
		return;
	}
	a->generation = session_generation(a->session);
	/* The workbook was read again: indexes may have shifted, ids did not. */
	long s = session_index(a->session, (struct row_key){ROW_MEASURE, a->subject_id}, NULL);
	if (a->subject_id != 0 && s >= 0)
		a->subject = (int)s;
	else if (a->subject >= (int)a->wb->measure_count)
		a->subject = a->wb->measure_count > 0 ? (int)a->wb->measure_count - 1 : 0;
	focus_subject(a);
	for (size_t i = 0; i < a->view_count; i++)
		if (a->views[i]->reloaded != NULL)
			a->views[i]->reloaded(a, a->state[i]);
}

long app_insert(struct app *a, enum row_kind kind, struct row_key near, long *group,
		struct diag *d)
{
	if (app_refuse_read_only(a))
		return -1;
	struct row_key made;
	app_remember(a);
	enum diag_code c = session_insert(a->session, kind, near, &made, d);
	app_sync(a);
	if (c != DIAG_OK) {
		app_diag(a, d);
		return -1;
	}
	return session_index(a->session, made, group);
}

bool app_background(struct app *a, double budget_ms)
{
	bool done = session_step(a->session, budget_ms);
	a->unc = session_result(a->session, &analysis_uncertainty, NULL);
	return !done;
}

void app_show(struct app *a, const struct view *v)
{
	if (a->view == v)
		return;
	/* Help and the estimate are visited: Esc goes back to where they
	 * were opened from (a tab view). */
	if (v->action == ACTION_NONE && (a->view == NULL || a->view->action != ACTION_NONE))
		a->back_view = a->view;
	a->view = v;
	if (v->shown != NULL)
		v->shown(a, app_state(a, v));
}

void app_back(struct app *a)
{
	a->view = a->back_view != NULL ? a->back_view : a->views[0];
}
