/*
 * screen.c: the terminal: opening it (newterm with fallbacks for unknown
 * TERM values), colours for 256-colour, 8-colour and monochrome terminals,
 * and painting one frame (tab bar, view, status line, key hints).
 *
 * A frame is erase() + drawing into stdscr + wnoutrefresh() + one
 * doupdate(): curses then sends only the cells that changed.  Never clear()
 * per frame (it repaints the whole terminal, slow over SSH).
 *
 * Must never: change the workbook or the store.
 */
#include "config.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tui/app.h"
#include "tui/i18n.h"
#include "session/text.h"
#include "config/theme.h"
#include "config/keys.h"
#include "config/terminal.h"

/* Which theme element (config/theme.h) colours each of the TUI's roles. */
static const enum ui_element role_element[ROLE_ROLE_COUNT] = {
	[ROLE_NORMAL] = UI_NORMAL,
	[ROLE_TAB] = UI_TAB,
	[ROLE_TAB_ACTIVE] = UI_TAB_ACTIVE,
	[ROLE_HEADER] = UI_HEADER,
	[ROLE_SELECTED] = UI_SELECTED,
	[ROLE_SELECTED_DIM] = UI_SELECTED,
	[ROLE_LABEL] = UI_NORMAL,
	[ROLE_FIELD_EDIT] = UI_EDITING,
	[ROLE_FIELD_INVALID] = UI_INVALID,
	[ROLE_STATUS] = UI_STATUS,
	[ROLE_ERROR] = UI_ERROR,
	[ROLE_HINT] = UI_HINTS,
	[ROLE_HINT_KEY] = UI_HINTS,
	[ROLE_POSITIVE] = UI_POSITIVE,
	[ROLE_NEGATIVE] = UI_NEGATIVE,
	[ROLE_DIM] = UI_BORDER,
	[ROLE_TITLE] = UI_TITLE,
};

static attr_t curses_attrs(unsigned theme_attrs)
{
	attr_t a = A_NORMAL;
	if (theme_attrs & THEME_ATTR_BOLD)
		a |= A_BOLD;
	if (theme_attrs & THEME_ATTR_REVERSE)
		a |= A_REVERSE;
	if (theme_attrs & THEME_ATTR_UNDERLINE)
		a |= A_UNDERLINE;
	if (theme_attrs & THEME_ATTR_DIM)
		a |= A_DIM;
	return a;
}

/*
 * Resolve the configured theme for this terminal (256, 8 or no colours;
 * NO_COLOR honoured) and give every role its attribute.  Pair e+1 belongs
 * to theme element e.
 */
void screen_apply_theme(struct app *a)
{
	bool colour = has_colors() && start_color() == OK;
	/* start_color() makes pair 0 white on black; without this NO_COLOR
	 * (and a mono theme) would force that instead of the terminal's own
	 * colours. */
	if (colour)
		use_default_colors();
	struct resolved_theme rt;
	theme_resolve(&a->theme, colour ? COLORS : 0, theme_no_color_env(), &rt);
	if (rt.color) {
		for (int e = 0; e < UI_ELEMENT_COUNT; e++)
			init_pair((short)(e + 1), (short)rt.style[e].fg, (short)rt.style[e].bg);
	}
	for (int r = 0; r < ROLE_ROLE_COUNT; r++) {
		enum ui_element e = role_element[r];
		attr_t at = curses_attrs(rt.style[e].attrs);
		if (rt.color)
			at |= COLOR_PAIR(e + 1);
		a->attrs[r] = at;
	}
	/* Roles that share an element must still look different from it:
	 * the selection without focus, and the keys inside the hint line. */
	a->attrs[ROLE_SELECTED_DIM] = rt.color ? A_REVERSE : A_UNDERLINE;
	a->attrs[ROLE_HINT_KEY] = (a->attrs[ROLE_HINT] ^ A_REVERSE) | A_BOLD;
	/* The screen's own background is the theme's "normal". */
	bkgdset(a->attrs[ROLE_NORMAL] & A_COLOR);
}

bool screen_open(struct app *a, char *err, size_t err_size)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, err_size, "%s",
			 _("utenfor: skjermbildet trenger en terminal (bruk «utenfor calc» i skript)"));
		return false;
	}
	/* A terminal that cannot move the cursor ("dumb", a printing terminal)
	 * would show the screen as one long line: refuse it with
	 * config/terminal's explanation.  An unknown TERM is left to the
	 * fallbacks below. */
	struct terminal_caps caps;
	struct config_messages msgs;
	config_messages_init(&msgs);
	bool unusable = terminal_probe(getenv("TERM"), &caps, &msgs) == 0 && !caps.usable;
	if (unusable) {
		char why[400] = "";
		if (msgs.count > 0)
			config_message_format(&msgs.items[0], why, sizeof why);
		snprintf(err, err_size, "utenfor: %s", why);
	}
	config_messages_free(&msgs);
	if (unusable)
		return false;
	/* An unknown TERM (xterm-kitty over SSH) makes initscr() exit; newterm
	 * returns NULL instead, so try the common fallbacks. */
	static const char *const fallbacks[] = {NULL, "xterm-256color", "xterm"};
	SCREEN *scr = NULL;
	for (size_t i = 0; i < 3 && scr == NULL; i++)
		scr = newterm(fallbacks[i], stdout, stdin);
	if (scr == NULL) {
		snprintf(err, err_size, _("utenfor: kjenner ikke terminaltypen TERM=%s"),
			 getenv("TERM") ? getenv("TERM") : "");
		return false;
	}
	set_term(scr);
	a->screen = scr;
	a->out = stdout;
	const char *cs = nl_langinfo(CODESET);
	a->ascii = cs == NULL || strcmp(cs, "UTF-8") != 0;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(50);
	curs_set(0);
	screen_apply_theme(a);
	if (a->mouse)
		mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL);
	/* Bracketed paste: the terminal wraps pasted text in ESC[200~ …
	 * ESC[201~, which arrive as two key codes, so pasted text is typed
	 * into the field being edited and never runs as commands.  Terminals
	 * without the mode ignore the request. */
	define_key("\033[200~", KEY_PASTE_BEGIN);
	define_key("\033[201~", KEY_PASTE_END);
	fputs("\033[?2004h", a->out);
	fflush(a->out);
	return true;
}

void screen_close(struct app *a)
{
	if (a->out != NULL) {
		fputs("\033[?2004l", a->out);
		fflush(a->out);
	}
	endwin();
	if (a->screen != NULL)
		delscreen(a->screen);
	a->screen = NULL;
}


/* The tab's key as the user has it bound ("1"), or "" (help, estimate). */
static void tab_key(const struct app *a, const struct view *v, char *buf, size_t size)
{
	buf[0] = '\0';
	int keys[1];
	if (v->action != ACTION_NONE && keymap_keys_for(&a->keys, v->action, keys, 1) > 0 &&
	    keys[0] > ' ' && keys[0] < 127)
		snprintf(buf, size, "%c", keys[0]);
}

static void paint_tabs(struct app *a)
{
	const struct rect *r = &a->layout.tabs;
	draw_text(a, r->y, r->x, r->w, a->attrs[ROLE_TAB], "");
	/* Full labels when they fit; otherwise the current view is named in
	 * full (unless that leaves another without its short label) and,
	 * from the left, the others get their short label while
	 * it fits (every tab named briefly reads better than some named in
	 * full and the rest bare keys), then their full one; the rest show
	 * their key.  A visited view without a key (the estimate) shows only
	 * while it is on screen.  Help is a key everyone sees in the bottom
	 * line: its tab is named only while it is open. */
	char labels[VIEW_MAX][64], names[VIEW_MAX][64], shorts[VIEW_MAX][64];
	bool shown[VIEW_MAX];
	int total = 0, extra[VIEW_MAX], extra_short[VIEW_MAX];
	for (size_t v = 0; v < a->view_count; v++) {
		const struct view *vw = a->views[v];
		char key[8];
		tab_key(a, vw, key, sizeof key);
		bool current = a->view == vw;
		shown[v] = key[0] != '\0' || current || vw == &view_help;
		if (vw == &view_help) {
			int hk[1];
			if (keymap_keys_for(&a->keys, ACTION_HELP, hk, 1) > 0 && hk[0] > ' ' &&
			    hk[0] < 127)
				snprintf(key, sizeof key, "%c", hk[0]);
		}
		if (key[0] == '\0') {
			snprintf(labels[v], sizeof labels[v], " %s ", _(vw->title));
			memcpy(names[v], labels[v], sizeof names[v]);
		} else {
			snprintf(names[v], sizeof names[v], " %s %s ", key, _(vw->title));
			snprintf(labels[v], sizeof labels[v], " %s ", key);
		}
		if (key[0] != '\0' && vw->short_title != NULL)
			snprintf(shorts[v], sizeof shorts[v], " %s %s ", key, _(vw->short_title));
		else
			memcpy(shorts[v], names[v], sizeof shorts[v]);
		if (current)
			memcpy(labels[v], names[v], sizeof labels[v]);
		bool fixed = vw == &view_help || current;
		extra_short[v] = fixed ? 0 : draw_width(a, shorts[v]) - draw_width(a, labels[v]);
		extra[v] = fixed ? 0 : draw_width(a, names[v]) - draw_width(a, shorts[v]);
		if (shown[v])
			total += draw_width(a, labels[v]);
	}
	/* Room for the workbook's name, and always for the read-only
	 * marker: it matters more than the tab names. */
	int keep = a->read_only ? draw_width(a, _(" [skrivebeskyttet] ")) + 4 : 10;
	/* The open view's full name must not cost another view its short
	 * one ("5 Innstillinger" left "7" bare at 80 columns): the
	 * highlight already says which view is open. */
	int all_short = 0, cur = -1;
	for (size_t v = 0; v < a->view_count; v++) {
		if (!shown[v])
			continue;
		bool fixed = a->views[v] == &view_help || a->view == a->views[v];
		all_short += draw_width(a, fixed ? labels[v] : shorts[v]);
		if (a->view == a->views[v] && a->views[v]->short_title != NULL)
			cur = (int)v;
	}
	if (cur >= 0 && all_short > r->w - keep) {
		total -= draw_width(a, labels[cur]) - draw_width(a, shorts[cur]);
		memcpy(labels[cur], shorts[cur], sizeof labels[cur]);
	}
	bool brief[VIEW_MAX] = {false}, all_brief = true;
	for (size_t v = 0; v < a->view_count; v++) {
		if (!shown[v] || extra_short[v] <= 0)
			continue;
		if (total + extra_short[v] <= r->w - keep) {
			memcpy(labels[v], shorts[v], sizeof labels[v]);
			total += extra_short[v];
			brief[v] = true;
		} else {
			all_brief = false;
		}
	}
	for (size_t v = 0; v < a->view_count && all_brief; v++)
		if (brief[v] && extra[v] > 0 && total + extra[v] <= r->w - keep) {
			memcpy(labels[v], names[v], sizeof labels[v]);
			total += extra[v];
		}
	int x = 0;
	for (size_t v = 0; v < a->view_count; v++) {
		a->tab_x0[v] = a->tab_x1[v] = -1;
		if (!shown[v])
			continue;
		int w = draw_width(a, labels[v]);
		if (x + w > r->w)
			break;
		draw_text(a, r->y, x, w, a->attrs[a->view == a->views[v] ? ROLE_TAB_ACTIVE : ROLE_TAB], labels[v]);
		a->tab_x0[v] = x;
		a->tab_x1[v] = x + w;
		x += w;
	}
	/* The read-only marker matters more than the name: cut the name. */
	const char *marker = a->read_only ? _(" [skrivebeskyttet] ") : " ";
	int avail = r->w - x - draw_width(a, marker);
	if (avail > 4) {
		char name[TEXT_NAME_SIZE + 8], right[TEXT_NAME_SIZE + 64];
		text_truncate(name, sizeof name, a->wb->params.name, avail - 1, a->ascii);
		snprintf(right, sizeof right, "%s%s", name, marker);
		int rw = draw_width(a, right);
		draw_text(a, r->y, r->w - rw, rw, a->attrs[ROLE_TAB], right);
	} else if (a->read_only && r->w - x > draw_width(a, marker)) {
		int mw = draw_width(a, marker);
		draw_text(a, r->y, r->w - mw, mw, a->attrs[ROLE_TAB], marker);
	} else if (a->read_only) {
		draw_text(a, r->y, r->w - 3, 3, a->attrs[ROLE_TAB], " RO");
	}
}

/* A key's name for the hint line: arrows as arrows, the rest as config
 * writes them ("C-r", "F1"). */
static void pretty_key(int key, char *buf, size_t size)
{
	static const struct {
		int key;
		const char *name;
	} pretty[] = {
		{KEYC_UP, "↑"},          {KEYC_DOWN, "↓"},        {KEYC_LEFT, "←"},
		{KEYC_RIGHT, "→"},       {KEYC_PAGE_UP, "PgUp"},  {KEYC_PAGE_DOWN, "PgDn"},
		{KEYC_SPACE, N_("Mellomrom")}, {KEYC_BACKTAB, "Shift-Tab"},
	};
	for (size_t i = 0; i < sizeof pretty / sizeof pretty[0]; i++)
		if (pretty[i].key == key) {
			snprintf(buf, size, "%s", _(pretty[i].name));
			return;
		}
	key_format(key, buf, size);
}

/*
 * Views write their hints with action names in braces, "{up}{down}:velg
 * {add}:ny", so the line shows the keys the key map really binds (presets
 * and the user's [keys] differ).  An item whose action has no key is left
 * out rather than advertising a key that does nothing.
 */
static void expand_hints(const struct app *a, const char *in, char *out, size_t size)
{
	size_t o = 0;
	out[0] = '\0';
	const char *p = in;
	while (*p != '\0') {
		const char *end = strstr(p, "  ");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char item[200];
		size_t n = 0;
		bool ok = true;
		for (size_t i = 0; i < len && n + 1 < sizeof item;) {
			if (p[i] == '{') {
				const char *close = memchr(p + i, '}', len - i);
				char name[40];
				size_t nl = close ? (size_t)(close - (p + i) - 1) : 0;
				if (close == NULL || nl >= sizeof name) {
					ok = false;
					break;
				}
				memcpy(name, p + i + 1, nl);
				name[nl] = '\0';
				int keys[1];
				enum action act = action_from_name(name);
				if (act == ACTION_NONE || keymap_keys_for(&a->keys, act, keys, 1) == 0) {
					ok = false;
					break;
				}
				char kn[KEY_NAME_SIZE + 8];
				pretty_key(keys[0], kn, sizeof kn);
				size_t kl = strlen(kn);
				if (n + kl + 1 >= sizeof item)
					break;
				memcpy(item + n, kn, kl);
				n += kl;
				i += nl + 2;
			} else {
				item[n++] = p[i++];
			}
		}
		item[n] = '\0';
		if (ok && n > 0 && o + n + 3 < size) {
			if (o > 0) {
				memcpy(out + o, "  ", 2);
				o += 2;
			}
			memcpy(out + o, item, n);
			o += n;
			out[o] = '\0';
		}
		p += len;
		while (*p == ' ')
			p++;
	}
}

static void paint_hints(struct app *a, const char *template)
{
	const struct rect *r = &a->layout.hints;
	char hints[600];
	expand_hints(a, template, hints, sizeof hints);
	draw_text(a, r->y, r->x, r->w, a->attrs[ROLE_HINT], "");
	/* Hints are "key:what" pairs separated by two blanks; keys are
	 * highlighted so the eye finds them. */
	int x = r->x;
	const char *p = hints;
	while (*p != '\0' && x < r->w) {
		const char *end = strstr(p, "  ");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char item[128];
		if (len >= sizeof item)
			len = sizeof item - 1;
		memcpy(item, p, len);
		item[len] = '\0';
		char *colon = strchr(item, ':');
		if (colon != NULL) {
			*colon = '\0';
			int kw = draw_width(a, item);
			draw_text(a, r->y, x, kw < r->w - x ? kw : r->w - x, a->attrs[ROLE_HINT_KEY], item);
			x += kw;
			char desc[140];
			snprintf(desc, sizeof desc, " %s", colon + 1);
			int dw = draw_width(a, desc);
			if (x < r->w)
				draw_text(a, r->y, x, dw < r->w - x ? dw : r->w - x, a->attrs[ROLE_HINT], desc);
			x += dw + 2;
		} else {
			int w = draw_width(a, item);
			draw_text(a, r->y, x, w < r->w - x ? w : r->w - x, a->attrs[ROLE_HINT], item);
			x += w + 2;
		}
		p += len;
		while (*p == ' ')
			p++;
	}
}

static void paint_status(struct app *a)
{
	const struct rect *r = &a->layout.status;
	const struct prompt *p = prompt_top(a);
	if (p != NULL && p->cls->draw != NULL) {
		p->cls->draw(a, p, r);
		return;
	}
	draw_text(a, r->y, 0, r->w, a->attrs[a->status_error ? ROLE_ERROR : ROLE_STATUS], a->status);
}

/*
 * An error too long for the status line (the store's refusal naming the
 * measures that use a group) goes on over the hints line: the reason is
 * worth more than the key reminder, which comes back with the next key.
 * Returns true when it took the hints line.
 */
static bool paint_long_error(struct app *a)
{
	const struct rect *r = &a->layout.status;
	if (!a->status_error || prompt_top(a) != NULL || r->h < 1 || draw_width(a, a->status) <= r->w)
		return false;
	size_t len = strlen(a->status);
	size_t cut = text_fit(a->status, r->w, NULL);
	/* Break after the last blank that fits, as a word processor would. */
	size_t brk = cut;
	while (brk > cut / 2 && a->status[brk] != ' ')
		brk--;
	if (a->status[brk] != ' ')
		brk = cut;
	char first[sizeof a->status];
	memcpy(first, a->status, brk);
	first[brk] = '\0';
	const char *rest = a->status + brk;
	while (*rest == ' ' && rest < a->status + len)
		rest++;
	draw_text(a, r->y, 0, r->w, a->attrs[ROLE_ERROR], first);
	draw_text(a, a->layout.hints.y, 0, a->layout.hints.w, a->attrs[ROLE_ERROR], rest);
	return true;
}

void screen_paint(struct app *a)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	layout_screen(rows, cols, &a->layout);
	erase();
	a->cursor_on = false;
	if (a->layout.too_small) {
		char msg[160];
		snprintf(msg, sizeof msg, _("Vinduet er for lite (%d×%d): minst %d×%d trengs"), cols,
			 rows, LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
		draw_text(a, 0, 0, cols, a->attrs[ROLE_ERROR], msg);
	} else {
		paint_tabs(a);
		const struct view *v = a->view;
		void *st = app_state(a, v);
		if (a->proj == NULL && v != &view_help)
			/* A failed recompute leaves no result to index: say so
			 * rather than show numbers of nothing. */
			draw_text(a, a->layout.body.y, a->layout.body.x, a->layout.body.w,
				  a->attrs[ROLE_ERROR],
				  _("Tomt for minne under omregning: resultatene vises når det er nok minne"));
		else
			v->draw(a, st, &a->layout.body);
		paint_status(a);
		const char *h;
		if (paint_long_error(a))
			h = NULL;
		else if (prompt_top(a) != NULL)
			h = prompt_top(a)->cls->hints(a, prompt_top(a));
		else
			h = v->hints(a, st);
		if (h != NULL)
			paint_hints(a, h);
	}
	if (a->cursor_on) {
		move(a->cursor_y, a->cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
	if (a->frame_mark && a->out != NULL) {
		/* An OSC string terminals ignore; the PTY benchmark waits for it
		 * to know the frame is complete (bench/tui_bench.c). */
		fputs("\033]777;utenfor-frame\007", a->out);
		fflush(a->out);
	}
}
