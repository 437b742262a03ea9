/*
 * form.c: the shared form (form.h).
 */
#include "config.h"

#include <string.h>

#include "tui/app.h"
#include "tui/form.h"
#include "tui/i18n.h"

#define LABEL_W 23

static const struct field_desc *beside(const struct form_spec *s, const struct field_desc *fd,
				       int end)
{
	return s->beside != NULL ? s->beside(fd, end) : NULL;
}

static int beside_count(const struct form_spec *s, const struct field_desc *fd)
{
	return beside(s, fd, 0) == NULL ? 0 : beside(s, fd, 1) == NULL ? 1 : 2;
}

void form_clamp(struct form *f, const struct form_spec *s)
{
	if (f->field >= (int)s->count)
		f->field = (int)s->count - 1;
	if (f->field < 0)
		f->field = 0;
	if (f->col < 0 || f->col > beside_count(s, &s->fields[f->field]))
		f->col = 0;
}

const struct field_desc *form_selected(const struct form *f, const struct form_spec *s)
{
	const struct field_desc *fd = &s->fields[f->field];
	const struct field_desc *b = f->col > 0 ? beside(s, fd, f->col - 1) : NULL;
	return b != NULL ? b : fd;
}

/* Width of each cell beside a value, or 0 when they do not fit. */
static int beside_width(int vw)
{
	return vw >= 44 ? 12 : vw >= 22 ? 7 : 0;
}

/* The value and the cells beside it: "lav" and "høy" after a gap, or one
 * wide cell (a payer's sector). */
static void draw_with_beside(struct app *a, int y, int x, int vw, const struct form *f,
			     const struct form_spec *s, int i, bool focused)
{
	const struct field_desc *fd = &s->fields[i];
	int cells = beside_count(s, fd);
	int bw = cells == 2 ? beside_width(vw) : vw - 9, w0 = vw - cells * (bw + 1);
	bool row_sel = focused && i == f->field;
	/* The unit only where it fits whole ("7 500 kr per år", not "7 500 k…"). */
	(w0 >= 16 ? draw_form_field : draw_field)(a, y, x, w0, s->target, fd, s->obj, s->index,
						  s->sub, row_sel && f->col == 0);
	for (int end = 0; end < cells; end++) {
		const struct field_desc *b = beside(s, fd, end);
		int bx = x + w0 + 1 + end * (bw + 1);
		bool sel = row_sel && f->col == end + 1;
		char buf[64];
		field_format(b, s->obj, a->wb, true, app_thousands(a), buf, sizeof buf);
		if (buf[0] == '\0' && !draft_is(a, s->target, b, s->index, s->sub)) {
			/* No range yet: the cell names what goes there. */
			field_format(b, s->obj, a->wb, false, app_thousands(a), buf, sizeof buf);
			draw_text(a, y, bx, bw, sel ? a->attrs[ROLE_SELECTED] : a->attrs[ROLE_DIM], buf);
			continue;
		}
		draw_field(a, y, bx, bw, s->target, b, s->obj, s->index, s->sub, sel);
	}
}

void form_draw(struct app *a, const struct rect *r, const struct form *f,
	       const struct form_spec *s, bool focused)
{
	int rows = r->h, count = (int)s->count;
	if (rows <= 0 || r->w <= 2)
		return;
	int top = layout_scroll(0, f->field, rows, count);
	int lw = s->label_w > 0 ? s->label_w : LABEL_W;
	if (lw > r->w / 2 && r->w <= 44)
		lw = r->w / 2;
	for (int row = 0; row < rows && top + row < count; row++) {
		int i = top + row, y = r->y + row;
		const struct field_desc *fd = &s->fields[i];
		bool sel = focused && i == f->field;
		/* One blank column always separates label and value. */
		draw_text(a, y, r->x, lw - 1, sel ? a->attrs[ROLE_TITLE] : a->attrs[ROLE_LABEL],
			  _(fd->label));
		int vw = r->w - lw;
		if (beside(s, fd, 0) != NULL && beside_width(vw) > 0 &&
		    !draft_is(a, s->target, fd, s->index, s->sub)) {
			draw_with_beside(a, y, r->x + lw, vw, f, s, i, focused);
			continue;
		}
		const char *note = s->note != NULL ? s->note(a, fd) : NULL;
		if (draft_is(a, s->target, fd, s->index, s->sub)) {
			/* The reading ("leser: 25 %") is in the status line; beside
			 * the editor only an invalid value is flagged, so typing a
			 * valid number repaints as few cells as possible. */
			int ew = vw >= 30 ? 16 : vw;
			draw_field(a, y, r->x + lw, ew, s->target, fd, s->obj, s->index, s->sub, sel);
			if (ew < vw && !draft_valid(a))
				draw_text(a, y, r->x + lw + ew, vw - ew, a->attrs[ROLE_ERROR],
					  _(" ugyldig, se nederst"));
			continue;
		}
		int fw = note != NULL && vw > 12 ? 10 : vw;
		draw_form_field(a, y, r->x + lw, fw, s->target, fd, s->obj, s->index, s->sub, sel);
		if (fw < vw)
			draw_text(a, y, r->x + lw + fw + 1, vw - fw - 1, a->attrs[ROLE_DIM], note);
	}
}

bool form_key(struct app *a, struct form *f, const struct form_spec *s, enum action act)
{
	int count = (int)s->count;
	const struct field_desc *fd = form_selected(f, s);
	int cells = beside_count(s, &s->fields[f->field]);
	bool has_beside = cells > 0;
	if (act == ACTION_RIGHT && has_beside && f->col < cells) {
		f->col++;
		return true;
	}
	if (act == ACTION_LEFT && f->col > 0) {
		f->col--;
		return true;
	}
	if ((act == ACTION_LEFT || act == ACTION_RIGHT) && has_beside)
		return act == ACTION_RIGHT; /* the last cell: stay; the value: the view decides */
	int page = a->layout.body.h > 4 ? a->layout.body.h - 4 : 1;
	switch (act) {
	case ACTION_UP:
		f->field = f->field > 0 ? f->field - 1 : s->wrap ? count - 1 : 0;
		break;
	case ACTION_DOWN:
		f->field = f->field < count - 1 ? f->field + 1 : s->wrap ? 0 : count - 1;
		break;
	case ACTION_PAGE_UP: f->field -= page; break;
	case ACTION_PAGE_DOWN: f->field += page; break;
	case ACTION_HOME: f->field = 0; break;
	case ACTION_END: f->field = count - 1; break;
	case ACTION_NEXT_FIELD:
		f->field = (f->field + 1) % count;
		break;
	case ACTION_PREV_FIELD:
		if (f->field == 0) {
			if (!s->wrap)
				return false;
			f->field = count;
		}
		f->field--;
		break;
	case ACTION_EDIT:
		draft_begin(a, (enum edit_target)s->target, fd, s->index, s->sub);
		return true;
	case ACTION_LEFT:
	case ACTION_RIGHT:
	case ACTION_TOGGLE_ENABLED:
		if (!field_is_choice(fd))
			return false;
		draft_cycle(a, (enum edit_target)s->target, fd, s->index, s->sub,
			    act == ACTION_LEFT ? -1 : 1);
		return true;
	default:
		return false;
	}
	form_clamp(f, s);
	return true;
}

bool form_type(struct app *a, const struct form *f, const struct form_spec *s, int key)
{
	return view_type_number(a, (enum edit_target)s->target, form_selected(f, s), s->index,
				s->sub, key);
}

void draw_field(struct app *a, int y, int x, int w, enum edit_target target,
		const struct field_desc *f, const void *obj, size_t index, size_t sub,
		bool selected)
{
	if (w <= 0)
		return;
	if (draft_is(a, target, f, index, sub)) {
		struct line_edit *e = &a->edit.line;
		size_t start, end;
		int cx;
		line_edit_view(e, w, &start, &end, &cx);
		char buf[LINE_EDIT_SIZE];
		memcpy(buf, e->buf + start, end - start);
		buf[end - start] = '\0';
		attr_t at = a->attrs[draft_valid(a) ? ROLE_FIELD_EDIT : ROLE_FIELD_INVALID];
		/* A selected new name (draft.c) in reverse, as selections are. */
		draw_text(a, y, x, w, a->edit.replace_all ? at | A_REVERSE : at, buf);
		a->cursor_on = true;
		a->cursor_y = y;
		a->cursor_x = x + cx;
		return;
	}
	char buf[LINE_EDIT_SIZE];
	field_format(f, obj, a->wb, false, app_thousands(a), buf, sizeof buf);
	draw_text(a, y, x, w, selected ? a->attrs[ROLE_SELECTED] : a->attrs[ROLE_NORMAL], buf);
}

void draw_form_field(struct app *a, int y, int x, int w, enum edit_target target,
		     const struct field_desc *f, const void *obj, size_t index, size_t sub,
		     bool selected)
{
	if (f->unit == NULL || draft_is(a, target, f, index, sub)) {
		draw_field(a, y, x, w, target, f, obj, index, sub, selected);
		return;
	}
	/* The unit after the value, so "Kostnad per deltaker" says per what. */
	char buf[LINE_EDIT_SIZE], shown[LINE_EDIT_SIZE + 64];
	field_format(f, obj, a->wb, false, app_thousands(a), buf, sizeof buf);
	snprintf(shown, sizeof shown, "%s %s", buf, _(f->unit));
	draw_text(a, y, x, w, selected ? a->attrs[ROLE_SELECTED] : a->attrs[ROLE_NORMAL], shown);
}
