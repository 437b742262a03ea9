/*
 * prompt_search.c: the search line.  / opens it, Enter searches the
 * current view's table by name (each view says how: view.search), n
 * searches again from the next row.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "tui/app.h"
#include "tui/i18n.h"
#include "tui/prompt.h"

void prompt_search_run(struct app *a, const char *needle, bool next)
{
	if (needle[0] == '\0')
		return;
	const struct view *v = a->view;
	if (v->search == NULL) {
		app_status(a, true, "%s", _("Denne visningen har ingen liste å søke i"));
		return;
	}
	if (!v->search(a, app_state(a, v), needle, next))
		app_status(a, true, _("Fant ikke «%s»"), needle);
}

static void search_done(struct app *a, struct prompt *p)
{
	snprintf(a->last_search, sizeof a->last_search, "%s", p->line.buf);
	prompt_pop(a);
	prompt_search_run(a, a->last_search, false);
}

static enum prompt_result search_key(struct app *a, struct prompt *p, bool is_code, int key)
{
	if (is_code) {
		switch (key) {
		case KEY_BACKSPACE:
			if (p->line.len == 0)
				prompt_pop(a);
			else
				line_edit_backspace(&p->line);
			break;
		case KEY_LEFT: line_edit_left(&p->line); break;
		case KEY_RIGHT: line_edit_right(&p->line); break;
		case KEY_ENTER: search_done(a, p); break;
		default: break;
		}
		return PROMPT_TAKEN;
	}
	if (key == KEY_ESCAPE) {
		prompt_pop(a);
	} else if (key == '\n' || key == '\r') {
		search_done(a, p);
	} else if (key == 127 || key == KEY_CTRL('h')) {
		line_edit_backspace(&p->line);
	} else if (key >= 32) {
		char mb[8];
		mbstate_t st;
		memset(&st, 0, sizeof st);
		size_t n = wcrtomb(mb, (wchar_t)key, &st);
		if (n != (size_t)-1)
			line_edit_insert(&p->line, mb, n);
	}
	return PROMPT_TAKEN;
}

static void search_paste(struct app *a, struct prompt *p, const char *text, size_t len)
{
	(void)a;
	char buf[LINE_EDIT_SIZE];
	size_t n = len < sizeof buf ? len : sizeof buf - 1;
	for (size_t i = 0; i < n; i++)
		buf[i] = (unsigned char)text[i] < 32 ? ' ' : text[i];
	line_edit_insert(&p->line, buf, n);
}

static void search_draw(struct app *a, const struct prompt *p, const struct rect *r)
{
	draw_text(a, r->y, 0, 1, a->attrs[ROLE_STATUS], "/");
	size_t start, end;
	int cx;
	/* line_edit_view() moves its scroll mark: the prompt is the top one. */
	line_edit_view((struct line_edit *)&p->line, r->w - 2, &start, &end, &cx);
	char buf[LINE_EDIT_SIZE];
	memcpy(buf, p->line.buf + start, end - start);
	buf[end - start] = '\0';
	draw_text(a, r->y, 1, r->w - 1, a->attrs[ROLE_STATUS], buf);
	a->cursor_on = true;
	a->cursor_y = r->y;
	a->cursor_x = 1 + cx;
}

static const char *search_hints(const struct app *a, const struct prompt *p)
{
	(void)a;
	(void)p;
	return _("Enter:søk  Esc:avbryt");
}

const struct prompt_class prompt_search_class = {
	"search", search_key, search_paste, search_draw, search_hints,
};

void prompt_search_open(struct app *a)
{
	struct prompt *p = prompt_push(a, &prompt_search_class);
	if (p != NULL)
		line_edit_init(&p->line, "", sizeof a->last_search - 1);
}
