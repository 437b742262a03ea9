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
#include "tui/i18n.h"
#include "session/text.h"

void estimate_open(struct app *a)
{
	int mi = app_measure_index(a);
	session_estimate_reset(a->session,
			       mi >= 0 ? session_measure_key(a->session, (size_t)mi)
				       : (struct row_key){ROW_MEASURE, 0});
	a->est_field = 2;
}

static void view_draw(struct app *a, const struct rect *body)
{
	struct rect left, right;
	layout_split_columns(body, 50, 36, 30, &left, &right);
	draw_hline(a, left.y, left.x, left.w, _("Raskt overslag"));
	int lw = 22, y = left.y + 1;
	for (size_t f = 0; f < estimate_field_count && y < left.y + left.h; f++, y++) {
		bool sel = f == a->est_field;
		draw_text(a, y, left.x, lw, sel ? a->attrs[ROLE_TITLE] : a->attrs[ROLE_LABEL],
			  _(estimate_fields[f].label));
		draw_form_field(a, y, left.x + lw, left.w - lw, EDIT_ESTIMATE, &estimate_fields[f], session_estimate(a->session),
			   0, 0, sel);
	}
	y++;
	const struct estimate_result *er = session_result(a->session, &analysis_estimate, NULL);
	if (er == NULL)
		return;
	const struct result *res = &er->result;
	if (y < left.y + left.h) {
		draw_hline(a, y++, left.x, left.w, _("Resultat"));
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
	double cum[HORIZON_MAX];
	for (int t = 0; t < res->year_count; t++)
		cum[t] = res->years[t].cum_net_discounted;
	draw_chart(a, &right, cum, res->year_count, _("Kumulert nåverdi per år"),
		   a->wb->params.base_year, 1);
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
		a->measure_sel = (int)i;
	/* Name the file: `utenfor estimate` may have opened the default one. */
	app_status(a, false, _("Lagret som tiltaket «%s» i %s (se Tiltak, 2)"), m.name,
		   session_path(a->session));
}

static bool view_handle(struct app *a, enum action act)
{
	int count = (int)estimate_field_count;
	int f = (int)a->est_field;
	const struct field_desc *fd = &estimate_fields[f];
	switch (act) {
	case ACTION_UP:
	case ACTION_PREV_FIELD:
		a->est_field = (size_t)((f + count - 1) % count);
		return true;
	case ACTION_DOWN:
	case ACTION_NEXT_FIELD:
		a->est_field = (size_t)((f + 1) % count);
		return true;
	case ACTION_EDIT:
		draft_begin(a, EDIT_ESTIMATE, fd, 0, 0);
		return true;
	case ACTION_LEFT:
	case ACTION_RIGHT:
	case ACTION_TOGGLE_ENABLED:
		if (field_is_choice(fd))
			draft_cycle(a, EDIT_ESTIMATE, fd, 0, 0, act == ACTION_LEFT ? -1 : 1);
		return true;
	case ACTION_KEEP_ESTIMATE:
		keep(a);
		return true;
	case ACTION_CANCEL:
		if (!a->estimate_only)
			a->view = a->back_view;
		return true;
	default:
		return false;
	}
}

static bool view_type(struct app *a, int key)
{
	return view_type_number(a, EDIT_ESTIMATE, &estimate_fields[a->est_field], 0, 0, key);
}

static const char *view_hints(const struct app *a)
{
	if (field_is_choice(&estimate_fields[a->est_field]))
		return _("{up}{down}/{next_field}:felt  {left}{right}/{toggle_enabled}:bytt  {keep_estimate}:behold som tiltak  {cancel}:tilbake  {quit}:avslutt");
	return _("{up}{down}/{next_field}:felt  0-9:skriv  {edit}:rediger  {keep_estimate}:behold som tiltak  {cancel}:tilbake  {quit}:avslutt");
}

const struct view view_estimate = {N_("Overslag"), view_draw, view_handle, view_hints, view_type};
