/*
 * tui.c: the interface's main loop: open the workbook and the terminal,
 * read keys, hand them to the editor or the current view, repaint, and
 * poll the store for changes made elsewhere.
 *
 * Repainting: after a key the loop reads again without waiting; only when
 * no key is queued (or ~100 ms have passed since the last frame) does it
 * paint, so held-down keys and pasted text do not queue up frames.
 *
 * The signal flag below is the program's only mutable file-scope state:
 * a signal handler can reach nothing else.
 *
 * Must never: draw from the signal handler, exit(), or write to the store
 * except through edit.c and the views' add/delete/undo actions.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <wchar.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tui/app.h"
#include "tui/i18n.h"
#include "session/text.h"
#include "tui/tui.h"
#include "config/ini_write.h"
#include "config/load.h"
#include "config/paths.h"
#include "i18n/i18n.h"

static volatile sig_atomic_t signal_received;

static void on_signal(int sig)
{
	signal_received = sig;
}

bool tui_signal_pending(void)
{
	return signal_received != 0;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
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

static void search_run(struct app *a, const char *needle, bool from_next)
{
	if (needle[0] == '\0')
		return;
	/* Search the table of the current view by row name. */
	int start, count;
	if (a->view == VIEW_GROUPS && a->group_items && (size_t)a->group_sel < a->wb->group_count) {
		const struct target_group *g = &a->wb->groups[a->group_sel];
		count = (int)g->item_count;
		start = a->item_sel;
		for (int k = from_next ? 1 : 0; k <= count; k++) {
			int i = (start + k) % (count > 0 ? count : 1);
			if (count > 0 && text_contains_fold(g->items[i].name, needle)) {
				a->item_sel = i;
				return;
			}
		}
	} else if (a->view == VIEW_GROUPS) {
		count = (int)a->wb->group_count;
		start = a->group_sel;
		for (int k = from_next ? 1 : 0; k <= count; k++) {
			int i = (start + k) % (count > 0 ? count : 1);
			if (count > 0 && (text_contains_fold(a->wb->groups[i].name, needle) ||
					  text_contains_fold(a->wb->groups[i].id, needle))) {
				a->group_sel = i;
				a->item_sel = 0;
				return;
			}
		}
	} else if (a->view == VIEW_OVERVIEW) {
		/* The overview lists enabled measures only: search those. */
		int n = 0;
		for (size_t i = 0; i < a->wb->measure_count; i++)
			n += a->wb->measures[i].enabled;
		for (int k = 1; k <= n; k++) {
			int nth = (a->overview_sel + k - (from_next ? 0 : 1) + n) % (n > 0 ? n : 1);
			for (size_t i = 0, seen = 0; i < a->wb->measure_count; i++) {
				if (!a->wb->measures[i].enabled)
					continue;
				if ((int)seen++ == nth && text_contains_fold(a->wb->measures[i].name, needle)) {
					a->overview_sel = nth;
					return;
				}
			}
		}
	} else {
		count = (int)a->wb->measure_count;
		start = a->measure_sel;
		for (int k = from_next ? 1 : 0; k <= count; k++) {
			int i = (start + k) % (count > 0 ? count : 1);
			if (count > 0 && text_contains_fold(a->wb->measures[i].name, needle)) {
				a->measure_sel = i;
				if (a->view == VIEW_PROJECTION)
					a->proj_subject = i;
				return;
			}
		}
	}
	app_status(a, true, _("Fant ikke «%s»"), needle);
}

static void search_key(struct app *a, int is_code, int key)
{
	if (is_code) {
		switch (key) {
		case KEY_BACKSPACE:
			if (a->search.len == 0)
				a->searching = false;
			line_edit_backspace(&a->search);
			break;
		case KEY_LEFT: line_edit_left(&a->search); break;
		case KEY_RIGHT: line_edit_right(&a->search); break;
		case KEY_ENTER:
			a->searching = false;
			snprintf(a->last_search, sizeof a->last_search, "%s", a->search.buf);
			search_run(a, a->last_search, false);
			break;
		default: break;
		}
		return;
	}
	if (key == KEY_ESCAPE) {
		a->searching = false;
	} else if (key == '\n' || key == '\r') {
		a->searching = false;
		snprintf(a->last_search, sizeof a->last_search, "%s", a->search.buf);
		search_run(a, a->last_search, false);
	} else if (key == 127 || key == KEY_CTRL('h')) {
		line_edit_backspace(&a->search);
	} else if (key >= 32) {
		char mb[8];
		mbstate_t st;
		memset(&st, 0, sizeof st);
		size_t n = wcrtomb(mb, (wchar_t)key, &st);
		if (n != (size_t)-1)
			line_edit_insert(&a->search, mb, n);
	}
}

/* Deletion waits for 'j' (ja) / 'y'; anything else says no. */
static void confirm_key(struct app *a, int key)
{
	enum confirm_kind what = a->confirm;
	a->confirm = CONFIRM_NONE;
	if (what == CONFIRM_OVERWRITE_REPORT) {
		app_report_confirmed(a, key == 'j' || key == 'J' || key == 'y' || key == 'Y');
		return;
	}
	if (key != 'j' && key != 'J' && key != 'y' && key != 'Y') {
		app_status(a, false, "%s", _("Ikke slettet"));
		return;
	}
	struct row_key row = {ROW_MEASURE, 0};
	if (what == CONFIRM_DELETE_MEASURE) {
		int i = a->view == VIEW_OVERVIEW ? a->overview_sel : app_measure_index(a);
		if (a->view == VIEW_OVERVIEW) {
			/* The overview lists enabled measures only. */
			for (size_t k = 0, seen = 0; k < a->wb->measure_count; k++)
				if (a->wb->measures[k].enabled && (int)seen++ == a->overview_sel)
					i = (int)k;
		}
		if (i < 0 || (size_t)i >= a->wb->measure_count)
			return;
		row = session_measure_key(a->session, (size_t)i);
	} else if (what == CONFIRM_DELETE_ITEM) {
		row = session_item_key(a->session, (size_t)a->group_sel, (size_t)a->item_sel);
	} else if (what == CONFIRM_DELETE_GROUP) {
		row = session_group_key(a->session, (size_t)a->group_sel);
	}
	struct diag d;
	app_remember(a);
	session_delete(a->session, row, &d);
	app_sync(a);
	app_diag(a, &d);
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
static bool global_action(struct app *a, enum action act)
{
	switch (act) {
	case ACTION_QUIT:
		if (a->view == VIEW_HELP || (a->view == VIEW_ESTIMATE && !a->estimate_only)) {
			a->view = a->back_view;
			return true;
		}
		a->quit = true;
		return true;
	case ACTION_HELP:
		app_set_view(a, a->view == VIEW_HELP ? a->back_view : VIEW_HELP);
		return true;
	case ACTION_VIEW_OVERVIEW: app_set_view(a, VIEW_OVERVIEW); return true;
	case ACTION_VIEW_MEASURES: app_set_view(a, VIEW_MEASURES); return true;
	case ACTION_VIEW_GROUPS: app_set_view(a, VIEW_GROUPS); return true;
	case ACTION_VIEW_PROJECTION: app_set_view(a, VIEW_PROJECTION); return true;
	case ACTION_VIEW_SETTINGS: app_set_view(a, VIEW_SETTINGS); return true;
	case ACTION_NEXT_VIEW:
	case ACTION_PREV_VIEW: {
		int v = a->view >= VIEW_HELP ? VIEW_OVERVIEW : (int)a->view;
		v = (v + (act == ACTION_NEXT_VIEW ? 1 : VIEW_HELP - 1)) % VIEW_HELP;
		app_set_view(a, (enum view_id)v);
		return true;
	}
	case ACTION_ESTIMATE:
		if (a->view != VIEW_ESTIMATE)
			estimate_open(a);
		app_set_view(a, VIEW_ESTIMATE);
		return true;
	case ACTION_UNDO: undo_redo(a, false); return true;
	case ACTION_REDO: undo_redo(a, true); return true;
	case ACTION_SEARCH:
		a->searching = true;
		line_edit_init(&a->search, "", sizeof a->last_search - 1);
		return true;
	case ACTION_SEARCH_NEXT:
		if (a->last_search[0] != '\0')
			search_run(a, a->last_search, true);
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
	case ACTION_REPORT:
		app_report(a);
		return true;
	default:
		return false;
	}
}

static void handle_mouse(struct app *a)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	/* Tab bar: the view under the click (extents from the last frame). */
	if (ev.y == a->layout.tabs.y) {
		for (int v = 0; v < VIEW_COUNT; v++)
			if (ev.x >= a->tab_x0[v] && ev.x < a->tab_x1[v])
				app_set_view(a, (enum view_id)v);
		return;
	}
	/* Rows: views keep their table's first data row at body.y + 1. */
	int row = ev.y - a->layout.body.y - 1;
	if (row < 0)
		return;
	if (a->view == VIEW_MEASURES && ev.x < a->layout.body.w * 40 / 100) {
		int i = a->measure_top + row;
		if ((size_t)i < a->wb->measure_count) {
			a->measure_sel = i;
			a->measure_form = false;
		}
	} else if (a->view == VIEW_MEASURES) {
		if (row >= 0 && (size_t)row < measure_field_count) {
			a->measure_form = true;
			a->measure_field = row;
		}
	} else if (a->view == VIEW_GROUPS && !a->group_items) {
		int i = a->group_top + row;
		if ((size_t)i < a->wb->group_count) {
			a->group_sel = i;
			a->group_form = false;
		}
	}
}

/* The end of a paste: into the editor or the search, never as keys. */
static void paste_done(struct app *a)
{
	a->pasting = false;
	if (a->edit.active) {
		draft_paste(a, a->paste, a->paste_len);
	} else if (a->searching) {
		for (size_t i = 0; i < a->paste_len; i++)
			if ((unsigned char)a->paste[i] < 32)
				a->paste[i] = ' ';
		line_edit_insert(&a->search, a->paste, a->paste_len);
	} else if (a->paste_len > 0) {
		app_status(a, true, "%s",
			   _("Innlimt tekst er ikke brukt: velg et felt og trykk Enter før du limer inn"));
	}
	a->paste_len = 0;
}

static void paste_key(struct app *a, int is_code, int key)
{
	if (is_code && key == KEY_PASTE_END) {
		paste_done(a);
		return;
	}
	char mb[MB_LEN_MAX];
	size_t n;
	if (is_code) {
		if (key != KEY_ENTER)
			return;
		mb[0] = '\n';
		n = 1;
	} else {
		mbstate_t st;
		memset(&st, 0, sizeof st);
		n = wcrtomb(mb, (wchar_t)key, &st);
		if (n == (size_t)-1)
			return;
	}
	if (a->paste_len + n <= sizeof a->paste) {
		memcpy(a->paste + a->paste_len, mb, n);
		a->paste_len += n;
	}
}

static void handle_key(struct app *a, int is_code, int key)
{
	if (key == KEY_RESIZE && is_code)
		return; /* the next paint reads the new size */
	if (is_code && key == KEY_PASTE_BEGIN) {
		a->pasting = true;
		a->paste_len = 0;
		return;
	}
	if (a->pasting) {
		paste_key(a, is_code, key);
		return;
	}
	if (a->searching) {
		search_key(a, is_code, key);
		return;
	}
	if (a->confirm != CONFIRM_NONE) {
		confirm_key(a, key);
		return;
	}
	bool saved = false;
	if (a->edit.active) {
		/* ↑ ↓ Tab save the field and then move, as in a spreadsheet. */
		if (!draft_key(a, is_code, key))
			return;
		saved = true;
	}
	if (is_code && key == KEY_MOUSE) {
		handle_mouse(a);
		return;
	}
	enum action act = keymap_lookup(&a->keys, tui_keycode(is_code, key));
	if (a->layout.too_small && act != ACTION_QUIT)
		return;
	if (!is_code && views[a->view]->type != NULL && views[a->view]->type(a, key))
		return;
	/* Clear the old message: it described the previous key. */
	if (act != ACTION_NONE && !saved)
		app_status(a, false, "%s", "");
	if (views[a->view]->handle(a, act)) {
		/* confirm_delete = no: the question is answered yes at once. */
		if (!a->confirm_delete && a->confirm != CONFIRM_NONE &&
		    a->confirm != CONFIRM_OVERWRITE_REPORT)
			confirm_key(a, 'j');
		return;
	}
	global_action(a, act);
}

/* Others' commits; true when the workbook was read again (repaint). */
static bool poll_store(struct app *a)
{
	if (a->edit.active || a->confirm != CONFIRM_NONE)
		return false; /* picked up after the edit: commit detects conflicts */
	bool reloaded;
	struct diag d;
	app_remember(a);
	if (session_poll(a->session, &reloaded, &d) != DIAG_OK) {
		app_sync(a);
		app_diag(a, &d);
		return true;
	}
	app_sync(a);
	if (reloaded)
		app_status(a, false, "%s", _("Arbeidsboka er endret et annet sted: lastet inn på nytt"));
	return reloaded;
}

/* Has the terminal hung up (pty closed)?  Input is fd 0 (newterm on stdin). */
static bool terminal_gone(void)
{
	struct pollfd p = {STDIN_FILENO, POLLIN, 0};
	return poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

static void run_loop(struct app *a)
{
	bool dirty = true;
	double last_paint = 0, last_poll = now_ms();
	while (!a->quit && !tui_signal_pending()) {
		/* Wait only when nothing needs painting: a queued key is read
		 * at once, and an idle wait doubles as the poll interval. */
		timeout(dirty ? 0 : 1000);
		wint_t wch;
		int r = get_wch(&wch);
		double t = now_ms();
		if (r == ERR) {
			/* A vanished terminal without SIGHUP (parent ignores
			 * hang-ups) makes every read fail at once: without this
			 * the loop would spin at full CPU with the workbook open. */
			if (terminal_gone()) {
				a->quit = true;
				break;
			}
			if (dirty) {
				screen_paint(a);
				last_paint = t;
				dirty = false;
			}
			if (t - last_poll >= 1000) {
				last_poll = t;
				/* Every reload repaints, even when the status text
				 * is the same as after the last one. */
				if (poll_store(a))
					dirty = true;
			}
			continue;
		}
		handle_key(a, r == KEY_CODE_YES, (int)wch);
		dirty = true;
		if (t - last_paint >= 100) {
			screen_paint(a);
			last_paint = now_ms();
			dirty = false;
		}
		if (t - last_poll >= 1000) {
			last_poll = t;
			if (poll_store(a))
				dirty = true;
		}
	}
}

/* Keys, mouse, thousands separator and default workbook from config.ini;
 * the first problem (if any) is returned for the status line. */
static void load_config(struct app *a, char *note, size_t note_size, char *workbook,
			size_t workbook_size)
{
	struct config *cfg = malloc(sizeof *cfg);
	struct config_messages msgs;
	config_messages_init(&msgs);
	workbook[0] = '\0';
	a->undo_steps = -1; /* the store's own default until the settings say */
	if (cfg == NULL) {
		keymap_preset(&a->keys, KEY_SCHEME_DEFAULT);
		theme_builtin(&a->theme);
		config_messages_free(&msgs);
		return;
	}
	config_load(a->config_path, NULL, cfg, &msgs);
	a->keys = cfg->keys;
	a->theme = cfg->theme;
	a->mouse = cfg->settings.mouse;
	a->confirm_delete = cfg->settings.confirm_delete;
	a->decimals = cfg->settings.decimals;
	a->undo_steps = cfg->settings.undo_steps;
	snprintf(a->thousands, sizeof a->thousands, "%s",
		 thousands_style_separator(cfg->settings.thousands));
	snprintf(workbook, workbook_size, "%s", cfg->settings.workbook);
	if (msgs.count > 0)
		config_message_format(&msgs.items[0], note, note_size);
	config_messages_free(&msgs);
	free(cfg);
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: the blocking read returns so the loop sees the flag. */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

int tui_run(const struct tui_options *opt, char *err, size_t err_size)
{
	struct app *a = calloc(1, sizeof *a);
	if (a == NULL) {
		snprintf(err, err_size, "%s", _("utenfor: tomt for minne"));
		return 1;
	}
	a->proj_subject = -1;
	a->language = i18n_language_in_effect(); /* main chose it */
	a->confirm_delete = true;
	a->config_path = opt->config_path;
	/* Configuration is read before the terminal is touched: iniparser
	 * and the theme loader must not write into a curses screen. */
	char config_note[512] = "";
	char workbook_setting[CONFIG_PATH_MAX];
	load_config(a, config_note, sizeof config_note, workbook_setting, sizeof workbook_setting);
	const char *env = getenv("UTENFOR_FRAME_MARK");
	a->frame_mark = env != NULL && strcmp(env, "1") == 0;
	env = getenv("UTENFOR_MOUSE");
	if (env != NULL)
		a->mouse = strcmp(env, "1") == 0;

	char path[4096];
	bool asked = true; /* the user named this file (else the default) */
	if (opt->path != NULL) {
		snprintf(path, sizeof path, "%s", opt->path);
	} else if (workbook_setting[0] != '\0') {
		snprintf(path, sizeof path, "%s", workbook_setting);
	} else if (!session_default_path(path, sizeof path)) {
		snprintf(err, err_size, "%s",
			 _("utenfor: finner ingen hjemmemappe for standard-arbeidsboka; oppgi en fil"));
		free(a);
		return 1;
	} else {
		asked = false;
	}
	/* A missing file is created with the example data only when that is
	 * what was asked: the default workbook on first start, or a name
	 * ending in .utenfor.  A mistyped other path is an error, not a new
	 * workbook.  Either way the status line says which file is open. */
	unsigned flags = opt->read_only ? SESSION_READ_ONLY : 0;
	if (!opt->read_only && (!asked || session_names_workbook(path)))
		flags |= SESSION_CREATE;
	int status = 1;
	struct diag d;
	bool created = false;
	if (session_open(path, flags, &a->session, &created, &d) != DIAG_OK) {
		snprintf(err, err_size, "utenfor: %s", d.message);
		goto out;
	}
	session_set_undo_steps(a->session, a->undo_steps);
	if (session_add_analysis(a->session, &analysis_portfolio, &d) != DIAG_OK ||
	    session_add_analysis(a->session, &analysis_estimate, &d) != DIAG_OK) {
		snprintf(err, err_size, "utenfor: %s", d.message);
		goto out;
	}
	a->wb = session_workbook(a->session);
	a->read_only = session_read_only(a->session);
	app_remember(a);
	app_sync(a);
	if (config_note[0] != '\0')
		app_status(a, true, "%s", config_note);
	else if (created)
		app_status(a, false, _("Ny arbeidsbok med eksempeldata: %s"), session_path(a->session));
	else
		app_status(a, false, _("Åpnet %s"), session_path(a->session));
	if (a->read_only)
		app_refuse_read_only(a);
	if (opt->estimate) {
		estimate_open(a);
		a->view = VIEW_ESTIMATE;
		a->back_view = VIEW_OVERVIEW;
		a->estimate_only = true;
	}
	if (!screen_open(a, err, err_size))
		goto out;
	install_signals();
	run_loop(a);
	screen_close(a);
	status = 0;
out:
	session_close(a->session);
	free(a);
	return status;
}
