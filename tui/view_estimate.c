/*
 * estimate.c: the quick estimate (`utenfor estimate`, or e in the
 * workbook): one form — target group, participants, cost per participant,
 * success rate, payer — whose NPV, break-even success rate, break-even year
 * and result per budget follow the typing.  b keeps it as a measure.
 *
 * The estimate is a one-year measure starting in the base year at the
 * group's usual age, paid by one bearer; everything else takes the model's
 * defaults.
 *
 * The inputs and the calculation are the session's (analysis_estimate.c);
 * this file is the form.
 *
 * Must never: write to the store except when the user keeps the estimate.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "engine/discount.h"
#include "engine/numbers.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/i18n.h"
#include "session/text.h"

struct estimate_state {
	struct form form;
};

static struct form_spec spec_for(struct app *a)
{
	return (struct form_spec){EDIT_ESTIMATE, estimate_fields, estimate_field_count,
				  session_estimate(a->session), 0, 0, 22, true, NULL};
}

/* Opened (e): start from the current measure's group (or the first). */
static void view_shown(struct app *a, void *state)
{
	struct estimate_state *st = state;
	int mi = app_measure_index(a);
	session_estimate_reset(a->session,
			       mi >= 0 ? session_measure_key(a->session, (size_t)mi)
				       : (struct row_key){ROW_MEASURE, 0});
	st->form.field = 2;
}

static void view_draw(struct app *a, void *state, const struct rect *body)
{
	struct estimate_state *st = state;
	struct rect left, right;
	layout_split_columns(body, 50, 36, 30, &left, &right);
	draw_hline(a, left.y, left.x, left.w, _("Raskt overslag"));
	int rows = (int)estimate_field_count < left.h - 1 ? (int)estimate_field_count : left.h - 1;
	struct rect fr = {left.y + 1, left.x, rows, left.w};
	struct form_spec spec = spec_for(a);
	form_draw(a, &fr, &st->form, &spec, true);
	int y = fr.y + rows + 1;
	const struct estimate_result *er = session_result(a->session, &analysis_estimate, NULL);
	if (er == NULL)
		return;
	const struct result *res = &er->result;
	if (y < left.y + left.h) {
		draw_hline(a, y++, left.x, left.w,
			   a->society ? _("Resultat: Samfunn (s: Budsjett)") : _("Resultat"));
		struct rect rr = {y, left.x, left.y + left.h - y, left.w};
		y += draw_results(a, &rr, res, true);
	}
	static const char *const names[BEARER_COUNT] = {N_("Netto, kommune"),
		N_("Netto, fylkeskommune"), N_("Netto, stat")};
	/* The same label column as draw_results(), so the kroner line up. */
	int bw = left.w - 13 < 24 ? left.w - 13 : 24;
	if (bw < 8)
		bw = left.w / 2;
	for (int b = 0; b < BEARER_COUNT && y < left.y + left.h; b++, y++) {
		draw_text(a, y, left.x, bw, a->attrs[ROLE_LABEL], _(names[b]));
		char v[64], w[80];
		format_money(a, res->by_bearer[b].npv, v, sizeof v);
		snprintf(w, sizeof w, "%s kr", v);
		draw_text_right(a, y, left.x + bw, left.w - bw,
				a->attrs[number_round(res->by_bearer[b].npv, 0) < 0 ? ROLE_NEGATIVE : ROLE_NORMAL], w);
	}
	draw_cum_npv_chart(a, &right, res, _("Kumulert nåverdi per år"));
}

static void keep(struct app *a)
{
	if (app_refuse_read_only(a))
		return;
	struct measure m;
	estimate_measure(a->session, &m);
	app_remember(a);
	struct diag d;
	struct row_key made;
	if (session_insert_measure(a->session, &m, _("Beholde overslag som tiltak"), &made, &d) !=
	    DIAG_OK) {
		app_sync(a);
		app_diag(a, &d);
		return;
	}
	app_sync(a);
	long i = session_index(a->session, made, NULL);
	if (i >= 0)
		app_set_subject(a, (int)i);
	/* Name the file: `utenfor estimate` may have opened the default one. */
	app_status(a, false, _("Lagret som tiltaket «%s» i %s (se Tiltak, 2)"), m.name,
		   session_path(a->session));
}

static bool view_key(struct app *a, void *state, enum action act)
{
	struct estimate_state *st = state;
	struct form_spec spec = spec_for(a);
	switch (act) {
	case ACTION_PREV_FIELD: act = ACTION_UP; break;
	case ACTION_NEXT_FIELD: act = ACTION_DOWN; break;
	case ACTION_KEEP_ESTIMATE:
		keep(a);
		return true;
	case ACTION_CANCEL:
		if (!a->estimate_only)
			app_back(a);
		return true;
	default: break;
	}
	return form_key(a, &st->form, &spec, act);
}

static bool view_type(struct app *a, void *state, int key)
{
	struct estimate_state *st = state;
	struct form_spec spec = spec_for(a);
	return form_type(a, &st->form, &spec, key);
}

static const char *view_hints(const struct app *a, const void *state)
{
	(void)a;
	const struct estimate_state *st = state;
	if (field_is_choice(&estimate_fields[st->form.field]))
		return _("{up}{down}/{next_field}:felt  {left}{right}/{toggle_enabled}:bytt  {keep_estimate}:behold som tiltak  {cancel}:tilbake  {quit}:avslutt");
	return _("{up}{down}/{next_field}:felt  0-9:skriv  {edit}:rediger  {keep_estimate}:behold som tiltak  {cancel}:tilbake  {quit}:avslutt");
}

const struct view view_estimate = {
	.title = N_("Overslag"),
	.action = ACTION_NONE, /* a visited view: e opens it, Esc goes back */
	.state_size = sizeof(struct estimate_state),
	.draw = view_draw,
	.key = view_key,
	.hints = view_hints,
	.type = view_type,
	.shown = view_shown,
};
