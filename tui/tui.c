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


static void handle_mouse(struct app *a)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	/* Tab bar: the view under the click (extents from the last frame). */
	if (ev.y == a->layout.tabs.y) {
		for (size_t v = 0; v < a->view_count; v++)
			if (ev.x >= a->tab_x0[v] && ev.x < a->tab_x1[v])
				app_show(a, a->views[v]);
		return;
	}
	const struct rect *b = &a->layout.body;
	if (a->view->click != NULL && ev.y >= b->y && ev.y < b->y + b->h)
		a->view->click(a, app_state(a, a->view), ev.y, ev.x);
}

/* One key: paste, then the top prompt, then the view, then the rest. */
static void handle_key(struct app *a, bool is_code, int key)
{
	if (key == KEY_RESIZE && is_code)
		return; /* the next paint reads the new size */
	if (paste_key(a, is_code, key))
		return;
	bool passed;
	if (prompt_key(a, is_code, key, &passed) && !passed)
		return;
	if (is_code && key == KEY_MOUSE) {
		handle_mouse(a);
		return;
	}
	enum action act = keymap_lookup(&a->keys, tui_keycode(is_code, key));
	if (a->layout.too_small && act != ACTION_QUIT)
		return;
	void *st = app_state(a, a->view);
	if (!is_code && a->view->type != NULL && a->view->type(a, st, key))
		return;
	/* Clear the old message: it described the previous key (but not the
	 * saving a passed-on key just did). */
	if (act != ACTION_NONE && !passed)
		app_status(a, false, "%s", "");
	if (!a->view->key(a, st, act))
		global_action(a, act);
}

/* Others' commits; true when the workbook was read again (repaint). */
static bool poll_store(struct app *a)
{
	if (prompt_top(a) != NULL)
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

/* A slice of background work between two looks at the keyboard: a key
 * that arrives meanwhile waits at most this long (issue 13: slices of at
 * most 4 ms; a look costs one poll, so slices can be short). */
#define BACKGROUND_SLICE_MS 0.5
/* How often the screen shows a simulation's progress. */
#define PROGRESS_PAINT_MS 250

static void run_loop(struct app *a)
{
	bool dirty = true, busy = true;
	double last_paint = 0, last_poll = now_ms();
	while (!a->quit && !tui_signal_pending()) {
		/* Wait only when nothing needs painting or computing: a queued
		 * key is read at once, and an idle wait doubles as the poll
		 * interval. */
		timeout(dirty || busy ? 0 : 1000);
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
			} else if (busy) {
				busy = app_background(a, BACKGROUND_SLICE_MS);
				/* The result when it is done, the progress now and then. */
				if (!busy || t - last_paint >= PROGRESS_PAINT_MS)
					dirty = true;
			}
			if (t - last_poll >= 1000) {
				last_poll = t;
				/* Every reload repaints, even when the status text
				 * is the same as after the last one. */
				if (poll_store(a))
					dirty = busy = true;
			}
			continue;
		}
		handle_key(a, r == KEY_CODE_YES, (int)wch);
		dirty = busy = true;
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

/* A workbook made at this start takes [workbook] horizon and discount
 * from config.ini, as `utenfor new` does: saved as ordinary (undoable)
 * edits, and only where they differ from the example's. */
static void apply_new_workbook_settings(struct app *a)
{
	const struct workbook_params *p = &a->wb->params;
	struct row_key wk = {ROW_PARAMS, 0};
	struct diag d;
	char text[64];
	if (p->horizon != a->new_horizon) {
		snprintf(text, sizeof text, "%d", a->new_horizon);
		session_set_field(a->session, wk, session_field_named(ROW_PARAMS, "horizon"), text, &d);
	}
	if (p->discount.mode != a->new_discount.mode)
		session_set_field(a->session, wk, session_field_named(ROW_PARAMS, "discount.mode"),
				  discount_mode_key(a->new_discount.mode), &d);
	if (p->discount.rate != a->new_discount.rate) {
		snprintf(text, sizeof text, "%.10g", a->new_discount.rate * 100.0);
		for (char *c = text; *c != '\0'; c++)
			if (*c == '.')
				*c = ','; /* typed as a Norwegian number */
		session_set_field(a->session, wk, session_field_named(ROW_PARAMS, "discount.rate"), text,
				  &d);
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
	a->new_horizon = HORIZON_DEFAULT;
	a->new_discount = (struct discount){DISCOUNT_R109, 0.04};
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
	a->new_horizon = cfg->settings.horizon;
	a->new_discount = cfg->settings.discount;
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
	    session_add_analysis(a->session, &analysis_estimate, &d) != DIAG_OK ||
	    session_add_analysis(a->session, &analysis_uncertainty, &d) != DIAG_OK) {
		snprintf(err, err_size, "utenfor: %s", d.message);
		goto out;
	}
	a->wb = session_workbook(a->session);
	a->read_only = session_read_only(a->session);
	if (created)
		apply_new_workbook_settings(a);
	if (!views_init(a)) {
		snprintf(err, err_size, "%s", _("utenfor: tomt for minne"));
		goto out;
	}
	a->view = a->views[0];
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
		a->estimate_only = true;
		app_show(a, &view_estimate);
	}
	if (!screen_open(a, err, err_size))
		goto out;
	install_signals();
	run_loop(a);
	screen_close(a);
	status = 0;
out:
	views_free(a);
	session_close(a->session);
	free(a);
	return status;
}
