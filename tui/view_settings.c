/*
 * view_settings.c: Innstillinger.  The workbook's name, municipality, base
 * year, horizon, discounting and G; a change recomputes everything
 * (projection_compute: the parameters feed every measure).
 *
 * Must never: write to the store except through edit.c.
 */
#include "config.h"

#include <stdio.h>

#include "tui/app.h"
#include "tui/form.h"
#include "tui/i18n.h"
#include "tui/sectors.h"

struct settings_state {
	struct form form;
	bool in_sectors; /* focus in the sectors' table below the form */
	struct sectors_table sectors;
};

/* The rate is unused unless the mode is a flat rate: say so right after
 * the value, where it is read, not at the far edge. */
static const char *params_note(const struct app *a, const struct field_desc *f)
{
	if (f->vid == FIELD_DISCOUNT_RATE && a->wb->params.discount.mode != DISCOUNT_FLAT)
		return _("(brukes bare ved fast rente)");
	return NULL;
}

/* Labels up to "Realvekst i innsparingene per år" whole when there is room. */
static int label_width(const struct app *a)
{
	return a->layout.body.w >= 80 ? 34 : 22;
}

static struct form_spec spec_for(struct app *a)
{
	return (struct form_spec){EDIT_PARAMS, params_fields, params_field_count, &a->wb->params,
				  0, 0, label_width(a), false, params_note};
}

static void view_draw(struct app *a, void *state, const struct rect *body)
{
	struct settings_state *st = state;
	if (st->in_sectors) {
		/* The table gets the page; the form is a ↑ away. */
		draw_hline(a, body->y, body->x, body->w, _("Arbeidsboka (↑ fra første sektor)"));
		struct rect tr = {body->y + 1, body->x, body->h - 1, body->w};
		sectors_draw(a, &st->sectors, &tr, true);
		return;
	}
	draw_hline(a, body->y, body->x, body->w, _("Arbeidsboka"));
	int lw = label_width(a);
	int vw = body->w - lw > 50 ? 50 : body->w - lw;
	int rows = (int)params_field_count < body->h - 1 ? (int)params_field_count : body->h - 1;
	struct rect fr = {body->y + 1, body->x, rows, lw + vw};
	struct form_spec spec = spec_for(a);
	form_draw(a, &fr, &st->form, &spec, true);
	int y = body->y + 1 + rows;
	/* The sectors under the form when there is room, else a pointer. */
	int left = body->y + body->h - y;
	int srows = (int)a->wb->sector_count + SECTOR_IMPLICIT_COUNT + 2;
	if (left >= 6 + 4) {
		int h = srows < left - 6 ? srows : left - 6;
		struct rect tr = {y, body->x, h, body->w};
		sectors_draw(a, &st->sectors, &tr, false);
		y += h;
	} else if (left > 1) {
		draw_text(a, y, body->x, body->w, a->attrs[ROLE_DIM],
			  _("Sektorer: ↓ forbi siste felt"));
		y++;
	}
	y++;
	if (y < body->y + body->h)
		draw_hline(a, y++, body->x, body->w, _("Om økta"));
	char buf[600];
	const char *lines[4];
	char l0[600], l1[200], l2[200];
	snprintf(l0, sizeof l0, _("Fil: %s"), session_path(a->session));
	snprintf(l1, sizeof l1, _("Tilgang: %s"), a->read_only ? _("skrivebeskyttet") : _("kan endres"));
	snprintf(l2, sizeof l2, _("Mus: %s (mouse = true i config.ini slår den på; av gir vanlig tekstmarkering)"),
		 a->mouse ? _("på") : _("av"));
	lines[0] = l0;
	lines[1] = l1;
	lines[2] = l2;
	lines[3] = _("R-109: 4 % de første 40 årene, 3 % år 41–75, 2 % deretter (Finansdepartementet).");
	for (int i = 0; i < 4 && y < body->y + body->h; i++, y++) {
		snprintf(buf, sizeof buf, "%s", lines[i]);
		draw_text(a, y, body->x, body->w, a->attrs[ROLE_DIM], buf);
	}
}

static bool view_key(struct app *a, void *state, enum action act)
{
	struct settings_state *st = state;
	struct form_spec spec = spec_for(a);
	if (act == ACTION_NEXT_FIELD)
		act = ACTION_DOWN;
	if (act == ACTION_PREV_FIELD)
		act = ACTION_UP;
	if (st->in_sectors) {
		if (sectors_key(a, &st->sectors, act))
			return true;
		if (act == ACTION_UP || act == ACTION_CANCEL) {
			st->in_sectors = false;
			st->form.field = (int)params_field_count - 1;
			return true;
		}
		return false;
	}
	if ((act == ACTION_DOWN && st->form.field == (int)params_field_count - 1) ||
	    act == ACTION_ADD) {
		st->in_sectors = true;
		st->sectors.list.sel = 0;
		return act == ACTION_ADD ? sectors_key(a, &st->sectors, act) : true;
	}
	return form_key(a, &st->form, &spec, act);
}

static const char *view_hints(const struct app *a, const void *state)
{
	(void)a;
	const struct settings_state *st = state;
	if (st->in_sectors)
		return sectors_hints(&st->sectors);
	if (field_is_choice(&params_fields[st->form.field]))
		return _("{up}{down}:felt  {left}{right}/{toggle_enabled}:bytt  {edit}:skriv  {undo}:angre  {help}:hjelp  {quit}:avslutt");
	return _("{up}{down}:felt  {edit}:rediger  {undo}:angre  {help}:hjelp  {quit}:avslutt");
}

const struct view view_settings = {
	.title = N_("Innstillinger"),
	.short_title = N_("Innst."),
	.action = ACTION_VIEW_SETTINGS,
	.state_size = sizeof(struct settings_state),
	.draw = view_draw,
	.key = view_key,
	.hints = view_hints,
};
