/*
 * app.c: state changes of `struct app` that several views share: the
 * status line, reloading from the store while keeping the selection by row
 * id, switching views, and the read-only refusal.
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

bool app_refuse_read_only(struct app *a)
{
	if (!a->read_only)
		return false;
	const char *why = a->store ? store_read_only_notice(a->store) : NULL;
	app_status(a, true, _("Arbeidsboka er åpnet skrivebeskyttet%s%s: endringer lagres ikke"),
		   why ? ": " : "", why ? why : "");
	return true;
}

int app_measure_index(const struct app *a)
{
	if (a->wb.measure_count == 0)
		return -1;
	int i = a->measure_sel;
	if (i < 0)
		i = 0;
	if ((size_t)i >= a->wb.measure_count)
		i = (int)a->wb.measure_count - 1;
	return i;
}

static int find_measure(const struct workbook *wb, int64_t id, int fallback)
{
	for (size_t i = 0; i < wb->measure_count; i++)
		if (id != 0 && wb->measures[i].row.id == id)
			return (int)i;
	if (fallback >= (int)wb->measure_count)
		fallback = (int)wb->measure_count - 1;
	return fallback < 0 ? 0 : fallback;
}

static int find_group(const struct workbook *wb, int64_t id, int fallback)
{
	for (size_t i = 0; i < wb->group_count; i++)
		if (id != 0 && wb->groups[i].row.id == id)
			return (int)i;
	if (fallback >= (int)wb->group_count)
		fallback = (int)wb->group_count - 1;
	return fallback < 0 ? 0 : fallback;
}

static int find_item(const struct target_group *g, int64_t id, int fallback)
{
	for (size_t i = 0; i < g->item_count; i++)
		if (id != 0 && g->items[i].row.id == id)
			return (int)i;
	if (fallback >= (int)g->item_count)
		fallback = (int)g->item_count - 1;
	return fallback < 0 ? 0 : fallback;
}

bool app_reload(struct app *a)
{
	/* Remember the selections by row id: indexes shift when others add or
	 * delete rows. */
	int64_t measure_id = 0, group_id = 0, item_id = 0, subject_id = 0;
	if (a->measure_sel >= 0 && (size_t)a->measure_sel < a->wb.measure_count)
		measure_id = a->wb.measures[a->measure_sel].row.id;
	if (a->proj_subject >= 0 && (size_t)a->proj_subject < a->wb.measure_count)
		subject_id = a->wb.measures[a->proj_subject].row.id;
	if (a->group_sel >= 0 && (size_t)a->group_sel < a->wb.group_count) {
		const struct target_group *g = &a->wb.groups[a->group_sel];
		group_id = g->row.id;
		if (a->item_sel >= 0 && (size_t)a->item_sel < g->item_count)
			item_id = g->items[a->item_sel].row.id;
	}

	/* Callers never reload while a field is being typed (the poll waits
	 * for Enter or Esc), so no draft is lost here. */
	struct store_error err = {0};
	struct workbook fresh;
	workbook_init(&fresh);
	enum store_status st = store_load(a->store, &fresh, &err);
	if (st != STORE_OK) {
		workbook_free(&fresh);
		app_status(a, true, _("Kunne ikke lese arbeidsboka: %s"), err.message);
		return false;
	}
	workbook_free(&a->wb);
	a->wb = fresh;
	if (projection_compute(&a->proj, &a->wb) != 0)
		app_status(a, true, "%s", _("Tomt for minne under omregning"));

	a->measure_sel = find_measure(&a->wb, measure_id, a->measure_sel);
	if (a->proj_subject >= 0) {
		int s = find_measure(&a->wb, subject_id, -1);
		a->proj_subject = (subject_id != 0 && (size_t)s < a->wb.measure_count &&
				   a->wb.measures[s].row.id == subject_id) ? s : -1;
	}
	a->group_sel = find_group(&a->wb, group_id, a->group_sel);
	if ((size_t)a->group_sel < a->wb.group_count)
		a->item_sel = find_item(&a->wb.groups[a->group_sel], item_id, a->item_sel);
	if (a->overview_sel >= (int)a->wb.measure_count)
		a->overview_sel = a->wb.measure_count > 0 ? (int)a->wb.measure_count - 1 : 0;
	estimate_compute(a);
	return true;
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

const char *app_store_message(const struct app *a, const char *msg)
{
	const char *path = a->store != NULL ? store_path(a->store) : NULL;
	size_t n = path != NULL ? strlen(path) : 0;
	if (n > 0 && strncmp(msg, path, n) == 0 && msg[n] == ':' && msg[n + 1] == ' ')
		return msg + n + 2;
	return msg;
}
