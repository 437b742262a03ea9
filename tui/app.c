/*
 * app.c: state changes of `struct app` that several views share: the
 * status line, keeping the selections by row id when the session reads
 * the workbook again, switching views, and the read-only refusal.
 *
 * Must never: draw (views do) or block on the terminal.
 */
#include "config.h"

#include <stdarg.h>
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
	int i = a->measure_sel;
	if (i < 0)
		i = 0;
	if ((size_t)i >= a->wb->measure_count)
		i = (int)a->wb->measure_count - 1;
	return i;
}

struct row_key app_key(const struct app *a, enum edit_target t, size_t index, size_t sub)
{
	switch (t) {
	case EDIT_MEASURE: return session_measure_key(a->session, index);
	case EDIT_GROUP: return session_group_key(a->session, index);
	case EDIT_ITEM: return session_item_key(a->session, index, sub);
	case EDIT_PARAMS: return (struct row_key){ROW_PARAMS, 0};
	case EDIT_ESTIMATE: return (struct row_key){ROW_ESTIMATE, 0};
	}
	return (struct row_key){ROW_PARAMS, 0};
}

/* The index of the row `id` of `kind` now, or `fallback` kept in range. */
static int find_row(const struct app *a, enum row_kind kind, int64_t id, int fallback, int count)
{
	long i = session_index(a->session, (struct row_key){kind, id}, NULL);
	if (id != 0 && i >= 0)
		return (int)i;
	if (fallback >= count)
		fallback = count - 1;
	return fallback < 0 ? 0 : fallback;
}

void app_remember(struct app *a)
{
	const struct workbook *wb = a->wb;
	a->measure_id = a->group_id = a->item_id = a->subject_id = 0;
	if (a->measure_sel >= 0 && (size_t)a->measure_sel < wb->measure_count)
		a->measure_id = wb->measures[a->measure_sel].row.id;
	if (a->proj_subject >= 0 && (size_t)a->proj_subject < wb->measure_count)
		a->subject_id = wb->measures[a->proj_subject].row.id;
	if (a->group_sel >= 0 && (size_t)a->group_sel < wb->group_count) {
		const struct target_group *g = &wb->groups[a->group_sel];
		a->group_id = g->row.id;
		if (a->item_sel >= 0 && (size_t)a->item_sel < g->item_count)
			a->item_id = g->items[a->item_sel].row.id;
	}
	a->generation = session_generation(a->session);
}

void app_sync(struct app *a)
{
	/* Drafts patch the projection; parameters and reloads need a step. */
	session_step(a->session, 5.0);
	a->proj = session_result(a->session, &analysis_portfolio, NULL);
	if (a->generation == session_generation(a->session))
		return;
	a->generation = session_generation(a->session);
	/* The workbook was read again: indexes may have shifted, ids did not. */
	const struct workbook *wb = a->wb;
	a->measure_sel = find_row(a, ROW_MEASURE, a->measure_id, a->measure_sel,
				  (int)wb->measure_count);
	if (a->proj_subject >= 0) {
		long s = session_index(a->session, (struct row_key){ROW_MEASURE, a->subject_id}, NULL);
		a->proj_subject = a->subject_id != 0 && s >= 0 ? (int)s : -1;
	}
	a->group_sel = find_row(a, ROW_GROUP, a->group_id, a->group_sel, (int)wb->group_count);
	if ((size_t)a->group_sel < wb->group_count) {
		long g = -1;
		long i = session_index(a->session, (struct row_key){ROW_ITEM, a->item_id}, &g);
		int count = (int)wb->groups[a->group_sel].item_count;
		if (a->item_id != 0 && i >= 0 && g == a->group_sel)
			a->item_sel = (int)i;
		else if (a->item_sel >= count)
			a->item_sel = count > 0 ? count - 1 : 0;
	}
	if (a->overview_sel >= (int)wb->measure_count)
		a->overview_sel = wb->measure_count > 0 ? (int)wb->measure_count - 1 : 0;
}

void app_set_view(struct app *a, enum view_id v)
{
	if (a->view == v)
		return;
	if (v == VIEW_HELP || v == VIEW_ESTIMATE) {
		if (a->view != VIEW_HELP && a->view != VIEW_ESTIMATE)
			a->back_view = a->view;
	}
	a->view = v;
}

/* The views in tab order: adding a view is its file and one line here
 * (and its enum view_id). */
const struct view *const views[VIEW_COUNT] = {
	&view_overview, &view_measures, &view_groups, &view_projection,
	&view_settings, &view_help, &view_estimate,
};
