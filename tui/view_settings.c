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
#include "tui/i18n.h"

static void view_draw(struct app *a, const struct rect *body)
{
	draw_hline(a, body->y, body->x, body->w, _("Arbeidsboka"));
	int lw = 22, vw = body->w - lw > 50 ? 50 : body->w - lw;
	int y = body->y + 1;
	for (size_t f = 0; f < params_field_count && y < body->y + body->h; f++, y++) {
		bool sel = (int)f == a->settings_field;
		draw_text(a, y, body->x, lw, sel ? a->attrs[ROLE_TITLE] : a->attrs[ROLE_LABEL],
			  _(params_fields[f].label));
		/* The rate is unused unless the mode is a flat rate: say so
		 * right after the value, where it is read, not at the far edge. */
		bool unused = params_fields[f].vid == FIELD_DISCOUNT_RATE &&
			      a->wb->params.discount.mode != DISCOUNT_FLAT && vw > 12;
		int fw = unused ? 10 : vw;
		draw_form_field(a, y, body->x + lw, fw, EDIT_PARAMS, &params_fields[f], &a->wb->params, 0, 0,
			   sel);
		if (unused)
			draw_text(a, y, body->x + lw + fw + 1, vw - fw - 1, a->attrs[ROLE_DIM],
				  _("(brukes bare ved fast rente)"));
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

static bool view_handle(struct app *a, enum action act)
{
	int count = (int)params_field_count;
	const struct field_desc *f = &params_fields[a->settings_field];
	if (act == ACTION_NEXT_FIELD)
		act = ACTION_DOWN;
	if (act == ACTION_PREV_FIELD)
		act = ACTION_UP;
	if (view_move_selection(&a->settings_field, count, count, act))
		return true;
	switch (act) {
	case ACTION_EDIT:
		draft_begin(a, EDIT_PARAMS, f, 0, 0);
		return true;
	case ACTION_LEFT:
	case ACTION_RIGHT:
	case ACTION_TOGGLE_ENABLED:
		if (field_is_choice(f))
			draft_cycle(a, EDIT_PARAMS, f, 0, 0, act == ACTION_LEFT ? -1 : 1);
		return true;
	default:
		return false;
	}
}

static const char *view_hints(const struct app *a)
{
	if (field_is_choice(&params_fields[a->settings_field]))
		return _("{up}{down}:felt  {left}{right}/{toggle_enabled}:bytt  {edit}:skriv  {undo}:angre  {help}:hjelp  {quit}:avslutt");
	return _("{up}{down}:felt  {edit}:rediger  {undo}:angre  {help}:hjelp  {quit}:avslutt");
}

const struct view view_settings = {N_("Innstillinger"), view_draw, view_handle, view_hints, NULL};
