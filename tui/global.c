/*
 * global.c: the actions every view shares — switching views, undo and
 * redo, search, the report, theme and language — asked for after the
 * view on screen has declined a key.
 *
 * Must never: know a view's state; views are reached through a->views[].
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "config/ini_write.h"
#include "config/load.h"
#include "config/paths.h"
#include "i18n/i18n.h"
#include "tui/app.h"
#include "tui/i18n.h"

/* Tab order, wrapping; from a visited view (help), from where it was opened. */
static void next_view(struct app *a, int step)
{
	const struct view *from = a->view->action == ACTION_NONE && a->back_view ? a->back_view : a->view;
	int n = (int)a->view_count, i = 0;
	while (i < n && a->views[i] != from)
		i++;
	for (int k = 1; k <= n; k++) {
		const struct view *v = a->views[((i + step * k) % n + n) % n];
		if (v->action != ACTION_NONE) {
			app_show(a, v);
			return;
		}
	}
}

static void undo_redo(struct app *a, bool redo)
{
	if (app_refuse_read_only(a))
		return;
	struct diag d;
	app_remember(a);
	session_undo(a->session, redo, &d);
	app_sync(a);
	app_status(a, d.code != DIAG_OK && d.code != DIAG_NOTHING, "%s", d.message);
}

/*
 * Keep a [ui] choice made with a key (theme, language) in config.ini, so the
 * next start shows the same.  True when kept; otherwise the status line says
 * why (the choice still holds for this session).
 */
static bool keep_setting(struct app *a, const char *key, const char *value)
{
	struct config_messages msgs;
	config_messages_init(&msgs);
	bool ok = config_set_value(a->config_path, "ui", key, value, &msgs) == 0;
	if (!ok) {
		char m[400] = "";
		if (msgs.count > 0)
			config_message_format(&msgs.items[0], m, sizeof m);
		app_status(a, true, _("Ikke lagret i innstillingene: %s"), m);
	}
	config_messages_free(&msgs);
	return ok;
}

/* The next theme by id from the theme folders (wraps around). */
static void next_theme(struct app *a)
{
	struct theme_dirs dirs;
	theme_dirs_default(&dirs);
	struct theme_info *list = NULL;
	long n = theme_list(dirs.list, &list);
	if (n <= 0) {
		free(list);
		app_status(a, true, "%s", _("Fant ingen temaer"));
		return;
	}
	long next = 0;
	for (long i = 0; i < n; i++)
		if (strcmp(list[i].id, a->theme.id) == 0)
			next = (i + 1) % n;
	struct config_messages msgs;
	config_messages_init(&msgs);
	struct theme *t = malloc(sizeof *t);
	if (t != NULL && theme_load(list[next].id, dirs.list, t, &msgs) == 0) {
		a->theme = *t;
		screen_apply_theme(a);
		if (keep_setting(a, "theme", a->theme.id))
			app_status(a, false, _("Tema: %s"), a->theme.name);
	} else if (msgs.count > 0) {
		char m[400];
		config_message_format(&msgs.items[0], m, sizeof m);
		app_status(a, true, "%s", m);
	}
	free(t);
	config_messages_free(&msgs);
	free(list);
}

/* Global actions every view shares; true when used. */
bool global_action(struct app *a, enum action act)
{
	switch (act) {
	case ACTION_QUIT:
		/* q leaves a visited view (help, the estimate) before the program,
		 * except in `utenfor estimate`, where the estimate is all there is. */
		if (a->view->action == ACTION_NONE && !(a->view == &view_estimate && a->estimate_only)) {
			app_back(a);
			return true;
		}
		a->quit = true;
		return true;
	case ACTION_HELP:
		if (a->view == &view_help)
			app_back(a);
		else
			app_show(a, &view_help);
		return true;
	case ACTION_NEXT_VIEW:
	case ACTION_PREV_VIEW:
		next_view(a, act == ACTION_NEXT_VIEW ? 1 : -1);
		return true;
	case ACTION_ESTIMATE:
		app_show(a, &view_estimate);
		return true;
	case ACTION_UNDO: undo_redo(a, false); return true;
	case ACTION_REDO: undo_redo(a, true); return true;
	case ACTION_SEARCH:
		prompt_search_open(a);
		return true;
	case ACTION_SEARCH_NEXT:
		if (a->last_search[0] != '\0')
			prompt_search_run(a, a->last_search, true);
		return true;
	case ACTION_REFRESH:
		clearok(curscr, TRUE);
		return true;
	case ACTION_NEXT_THEME:
		next_theme(a);
		return true;
	case ACTION_TOGGLE_LANGUAGE: {
		enum i18n_language to = a->language == I18N_NB ? I18N_EN : I18N_NB;
		char err[256] = "";
		if (i18n_set_language(to, err, sizeof err)) {
			/* Every view translates as it draws: the next paint is
			 * wholly in the new language. */
			a->language = to;
			clearok(curscr, TRUE);
			if (keep_setting(a, "language", i18n_language_code(to)))
				app_status(a, false, _("Språk: %s"),
					   to == I18N_EN ? "English" : "norsk bokmål");
		} else {
			app_status(a, true, "%s", err);
		}
		return true;
	}
	case ACTION_TOGGLE_SOCIETY:
		a->society = !a->society;
		app_status(a, false, "%s",
			   a->society ? _("Viser Samfunn: samfunnsøkonomisk nåverdi, ledd for ledd (s: Budsjett)")
				      : _("Viser Budsjett: offentlige budsjetter (s: Samfunn)"));
		return true;
	case ACTION_REPORT:
		app_report(a);
		return true;
	default:
		/* A view's own key (1–9 by default). */
		for (size_t i = 0; i < a->view_count; i++) {
			if (a->views[i]->action != ACTION_NONE && a->views[i]->action == act) {
				app_show(a, a->views[i]);
				return true;
			}
		}
		return false;
	}
}

