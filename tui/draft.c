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
	size_t limit = (f->type == FT_TEXT || f->type == FT_GROUP) ? f->size - 1 : 64;
	line_edit_init(&a->edit.line, session_draft_initial(a->session), limit);
	a->edit.active = true;
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
	return a->edit.active && session_draft_is(a->session, app_key(a, target, index, sub), f);
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
		a->edit.active = false;
		app_diag(a, &d);
		return;
	}
	app_status(a, c != DIAG_OK, "%s", c == DIAG_OK ? "" : d.message);
}

static bool insert_text(struct app *a, const char *mb, size_t n)
{
	if (!line_edit_insert(&a->edit.line, mb, n)) {
		const struct field_desc *f = session_draft_field(a->session);
		app_status(a, true, _("%s: feltet er fullt"), f ? _(f->label) : "");
		return false;
	}
	return true;
}

void draft_paste(struct app *a, const char *text, size_t len)
{
	if (!a->edit.active)
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

bool draft_key(struct app *a, int is_key_code, int key)
{
	struct edit_state *e = &a->edit;
	bool changed = false;
	if (is_key_code) {
		switch (key) {
		case KEY_LEFT: line_edit_left(&e->line); break;
		case KEY_RIGHT: line_edit_right(&e->line); break;
		case KEY_HOME: line_edit_home(&e->line); break;
		case KEY_END: line_edit_end(&e->line); break;
		case KEY_BACKSPACE: changed = line_edit_backspace(&e->line); break;
		case KEY_DC: changed = line_edit_delete(&e->line); break;
		case KEY_ENTER: draft_commit(a); return false;
		case KEY_UP:
		case KEY_DOWN:
		case KEY_BTAB:
			/* Save and move on; a refused value keeps the editor. */
			return draft_commit(a) && !a->edit.active;
		default: return false;
		}
	} else {
		switch (key) {
		case '\n':
		case '\r':
			draft_commit(a);
			return false;
		case KEY_ESCAPE:
			draft_cancel(a);
			return false;
		case 127:
		case KEY_CTRL('h'):
			changed = line_edit_backspace(&e->line);
			break;
		case KEY_CTRL('a'): line_edit_home(&e->line); break;
		case KEY_CTRL('e'): line_edit_end(&e->line); break;
		case KEY_CTRL('u'): line_edit_kill_before(&e->line); changed = true; break;
		case KEY_CTRL('k'): line_edit_kill_after(&e->line); changed = true; break;
		case '\t':
			return draft_commit(a) && !a->edit.active;
		default:
			if (key >= 32 && key != 127) {
				char mb[MB_LEN_MAX + 1];
				mbstate_t st;
				memset(&st, 0, sizeof st);
				size_t n = wcrtomb(mb, (wchar_t)key, &st);
				if (n == (size_t)-1) {
					/* Not representable in this locale (C): ASCII only. */
					if (key > 127)
						return false;
					mb[0] = (char)key;
					n = 1;
				}
				if (!insert_text(a, mb, n))
					return false;
				changed = true;
			}
			break;
		}
	}
	if (changed)
		reread(a);
	return false;
}

void draft_cancel(struct app *a)
{
	if (!a->edit.active)
		return;
	a->edit.active = false;
	app_remember(a);
	struct diag d;
	session_draft_cancel(a->session, &d);
	app_sync(a);
	app_diag(a, &d);
}

bool draft_commit(struct app *a)
{
	if (!a->edit.active)
		return true;
	app_remember(a);
	struct diag d;
	enum diag_code c = session_draft_commit(a->session, &d);
	a->edit.active = session_draft_active(a->session);
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
