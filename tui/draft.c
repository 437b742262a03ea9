/*
 * draft.c: the line editor over the session's draft (session/draft.c).
 * Every keystroke that changes the text hands it to
 * session_draft_set_text(), which re-reads it into the row in memory (or
 * keeps the row as it was and says why) and updates the calculations; the
 * reading or the error goes to the status line.  Enter, Tab, ↑ and ↓ save
 * (one transaction); ↑ ↓ Tab then move on, as in a spreadsheet.  Esc
 * restores the row.
 *
 * Must never: write to the store itself, or run pasted text as keys.
 */
#include "config.h"

#include <string.h>
#include <wchar.h>
#include <limits.h>
#include <stdlib.h>

#include "tui/app.h"
#include "tui/i18n.h"
#include "tui/prompt.h"

/* The editor is open exactly while its prompt is on the stack. */
static void set_active(struct app *a, bool on)
{
	bool open = prompt_open(a, &prompt_editor_class);
	if (on && !open)
		prompt_push(a, &prompt_editor_class);
	else if (!on && open && prompt_top(a)->cls == &prompt_editor_class)
		prompt_pop(a);
}

bool draft_active(const struct app *a)
{
	return prompt_open(a, &prompt_editor_class);
}

static void begin(struct app *a, enum edit_target target, const struct field_desc *f,
		  size_t index, size_t sub, unsigned flags)
{
	if (target != EDIT_ESTIMATE && app_refuse_read_only(a))
		return;
	struct diag d;
	if (session_draft_begin(a->session, app_key(a, target, index, sub), f, flags, &d) != DIAG_OK) {
		app_diag(a, &d);
		return;
	}
	/* A payer's sector cell may hold a split over several sector names. */
	size_t limit = (f->type == FT_TEXT || f->type == FT_GROUP) ? f->size - 1
		     : f->type == FT_PAYER_SECTOR ? 3 * TEXT_NAME_SIZE : 64;
	line_edit_init(&a->edit.line, session_draft_initial(a->session), limit);
	a->edit.replace_all = (flags & DRAFT_NEW_ROW) != 0;
	set_active(a, true);
	app_status(a, false, "%s", "");
}

void draft_begin(struct app *a, enum edit_target target, const struct field_desc *f, size_t index,
		size_t sub)
{
	begin(a, target, f, index, sub, 0);
}

void draft_begin_new(struct app *a, enum edit_target target, const struct field_desc *f,
		     size_t index, size_t sub)
{
	begin(a, target, f, index, sub, DRAFT_NEW_ROW);
}

bool draft_is(const struct app *a, enum edit_target target, const struct field_desc *f,
	     size_t index, size_t sub)
{
	return draft_active(a) && session_draft_is(a->session, app_key(a, target, index, sub), f);
}

bool draft_valid(const struct app *a)
{
	return session_draft_valid(a->session);
}

/* Re-read the editor's text into the row (or keep it as it was). */
static void reread(struct app *a)
{
	struct diag d;
	enum diag_code c = session_draft_set_text(a->session, a->edit.line.buf, &d);
	if (c == DIAG_NOT_FOUND || c == DIAG_NOTHING) {
		set_active(a, false);
		app_diag(a, &d);
		return;
	}
	app_status(a, c != DIAG_OK, "%s", c == DIAG_OK ? "" : d.message);
}

/* Drop a selected new row's name before the text that replaces it. */
static void take_selection(struct app *a)
{
	if (!a->edit.replace_all)
		return;
	a->edit.replace_all = false;
	line_edit_home(&a->edit.line);
	line_edit_kill_after(&a->edit.line);
}

static bool insert_text(struct app *a, const char *mb, size_t n)
{
	take_selection(a);
	if (!line_edit_insert(&a->edit.line, mb, n)) {
		const struct field_desc *f = session_draft_field(a->session);
		app_status(a, true, _("%s: feltet er fullt"), f ? _(f->label) : "");
		return false;
	}
	return true;
}

static void editor_paste(struct app *a, struct prompt *p, const char *text, size_t len)
{
	(void)p;
	if (!draft_active(a))
		return;
	/* Pasted line breaks and tabs become blanks: a paste never presses
	 * Enter or Tab. */
	char buf[256];
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c < 32 || c == 127)
			c = ' ';
		buf[n++] = (char)c;
		if (n == sizeof buf) {
			if (!insert_text(a, buf, n))
				return;
			n = 0;
		}
	}
	if (n > 0 && !insert_text(a, buf, n))
		return;
	reread(a);
}

/* ↑ ↓ Tab save and, when saved, hand the key on to move, as in a
 * spreadsheet; a refused value keeps the editor. */
static enum prompt_result save_and_move(struct app *a)
{
	return draft_commit(a) && !draft_active(a) ? PROMPT_PASS : PROMPT_TAKEN;
}

static enum prompt_result editor_key(struct app *a, struct prompt *p, bool is_key_code, int key)
{
	(void)p;
	struct edit_state *e = &a->edit;
	bool changed = false;
	/* Deleting a selection deletes all of it; any other key but typing
	 * (insert_text() takes it) keeps the text and ends the selection. */
	bool deletes = is_key_code ? key == KEY_BACKSPACE || key == KEY_DC
				   : key == 127 || key == KEY_CTRL('h');
	if (e->replace_all && deletes) {
		take_selection(a);
		reread(a);
		return PROMPT_TAKEN;
	}
	bool types = !is_key_code && key >= 32 && key != 127;
	if (!types)
		e->replace_all = false;
	if (is_key_code) {
		switch (key) {
		case KEY_LEFT: line_edit_left(&e->line); break;
		case KEY_RIGHT: line_edit_right(&e->line); break;
		case KEY_HOME: line_edit_home(&e->line); break;
		case KEY_END: line_edit_end(&e->line); break;
		case KEY_BACKSPACE: changed = line_edit_backspace(&e->line); break;
		case KEY_DC: changed = line_edit_delete(&e->line); break;
		case KEY_ENTER: draft_commit(a); return PROMPT_TAKEN;
		case KEY_UP:
		case KEY_DOWN:
		case KEY_BTAB:
			return save_and_move(a);
		default: return PROMPT_TAKEN;
		}
	} else {
		switch (key) {
		case '\n':
		case '\r':
			draft_commit(a);
			return PROMPT_TAKEN;
		case KEY_ESCAPE:
			draft_cancel(a);
			return PROMPT_TAKEN;
		case 127:
		case KEY_CTRL('h'):
			changed = line_edit_backspace(&e->line);
			break;
		case KEY_CTRL('a'): line_edit_home(&e->line); break;
		case KEY_CTRL('e'): line_edit_end(&e->line); break;
		case KEY_CTRL('u'): line_edit_kill_before(&e->line); changed = true; break;
		case KEY_CTRL('k'): line_edit_kill_after(&e->line); changed = true; break;
		case '\t':
			return save_and_move(a);
		default:
			if (key >= 32 && key != 127) {
				char mb[MB_LEN_MAX + 1];
				mbstate_t st;
				memset(&st, 0, sizeof st);
				size_t n = wcrtomb(mb, (wchar_t)key, &st);
				if (n == (size_t)-1) {
					/* Not representable in this locale (C): ASCII only. */
					if (key > 127)
						return PROMPT_TAKEN;
					mb[0] = (char)key;
					n = 1;
				}
				if (!insert_text(a, mb, n))
					return PROMPT_TAKEN;
				changed = true;
			}
			break;
		}
	}
	if (changed)
		reread(a);
	return PROMPT_TAKEN;
}

static const char *editor_hints(const struct app *a, const struct prompt *p)
{
	(void)a;
	(void)p;
	/* The one rule (doc/tui.md): Enter, Tab and ↑↓ save; ↑↓ Tab then move. */
	return _("Enter:lagre  Tab/↑↓:lagre og gå videre  Esc:avbryt  ←→:markør  Ctrl-U:tøm");
}

static void editor_draw(struct app *a, const struct prompt *p, const struct rect *r)
{
	(void)p;
	if (draft_valid(a) && a->status[0] == '\0') {
		char line[400];
		/* The reading goes last so that typing changes only its cells. */
		snprintf(line, sizeof line, _("%s (Enter lagrer, Esc avbryter) — leser: %s"),
			 _(session_draft_field(a->session)->label), session_draft_reading(a->session));
		draw_text(a, r->y, 0, r->w, a->attrs[ROLE_STATUS], line);
		return;
	}
	draw_text(a, r->y, 0, r->w, a->attrs[a->status_error ? ROLE_ERROR : ROLE_STATUS], a->status);
}

const struct prompt_class prompt_editor_class = {
	"editor", editor_key, editor_paste, editor_draw, editor_hints,
};

void draft_cancel(struct app *a)
{
	if (!draft_active(a))
		return;
	set_active(a, false);
	app_remember(a);
	struct diag d;
	session_draft_cancel(a->session, &d);
	app_sync(a);
	app_diag(a, &d);
}

bool draft_commit(struct app *a)
{
	if (!draft_active(a))
		return true;
	app_remember(a);
	struct diag d;
	enum diag_code c = session_draft_commit(a->session, &d);
	set_active(a, session_draft_active(a->session));
	app_sync(a);
	app_diag(a, &d);
	return c == DIAG_OK;
}

void draft_cycle(struct app *a, enum edit_target target, const struct field_desc *f,
		size_t index, size_t sub, int step)
{
	if (target != EDIT_ESTIMATE && app_refuse_read_only(a))
		return;
	app_remember(a);
	struct diag d;
	session_cycle(a->session, app_key(a, target, index, sub), f, step, &d);
	app_sync(a);
	if (target != EDIT_ESTIMATE || d.code != DIAG_OK)
		app_diag(a, &d);
}

bool view_type_number(struct app *a, enum edit_target t, const struct field_desc *f,
		      size_t index, size_t sub, int key)
{
	if (f->type == FT_TEXT || field_is_choice(f) || !((key >= '0' && key <= '9') || key == '-'))
		return false;
	draft_begin(a, t, f, index, sub);
	if (!draft_active(a))
		return true;
	line_edit_kill_before(&a->edit.line);
	line_edit_kill_after(&a->edit.line);
	editor_key(a, prompt_top(a), false, key);
	return true;
}
