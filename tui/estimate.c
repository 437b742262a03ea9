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
 * Must never: write to the store except when the user keeps the estimate.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "engine/discount.h"
#include "engine/numbers.h"
#include "tui/app.h"
#include "tui/i18n.h"
#include "tui/text.h"

#define E(member) offsetof(struct estimate, member)

const struct field_desc estimate_fields[] = {
	{N_("Målgruppe"), FT_GROUP, -1, E(group_id), TEXT_ID_SIZE},
	{N_("Deltakere"), FT_LONG, FIELD_PARTICIPANTS, E(participants), 0},
	{N_("Kostnad per deltaker"), FT_NUMBER, FIELD_COST_PER_PARTICIPANT, E(cost_per_participant), 0},
	{N_("Suksessrate"), FT_PERCENT, FIELD_SUCCESS_RATE, E(success_rate), 0},
	{N_("Betaler"), FT_BEARER, -1, E(payer), 0},
};
const size_t estimate_field_count = sizeof estimate_fields / sizeof estimate_fields[0];

static void estimate_measure(const struct app *a, struct measure *m)
{
	measure_defaults(m);
	long g = workbook_find_group(&a->wb, a->est.group_id);
	char name[TEXT_NAME_SIZE + 32];
	snprintf(name, sizeof name, _("Overslag: %s"), g >= 0 ? a->wb.groups[g].name : a->est.group_id);
	text_cut_bytes(name, sizeof m->name - 1);
	text_set(m->name, sizeof m->name, name);
	text_set(m->group_id, sizeof m->group_id, a->est.group_id);
	m->participants = a->est.participants;
	m->cost_per_participant = a->est.cost_per_participant;
	m->success_rate = a->est.success_rate;
	m->start_year = a->wb.params.base_year;
	m->start_age = g >= 0 ? a->wb.groups[g].entry_age : 16;
	m->duration = 1;
	double shares[BEARER_COUNT] = {0};
	shares[a->est.payer] = 1.0;
	measure_payer_set_bearers(m, shares);
	m->enabled = true;
}

void estimate_compute(struct app *a)
{
	struct measure m;
	estimate_measure(a, &m);
	long g = workbook_find_group(&a->wb, a->est.group_id);
	if (g >= 0)
		group_profile_compute(&a->wb, &a->wb.groups[g], &a->est.profile);
	struct projection_basis basis;
	projection_basis_compute(&basis, &a->wb);
	measure_project(&basis, &a->wb, g >= 0 ? &a->est.profile : NULL, &m, &a->est.result);
}

void estimate_reset(struct app *a)
{
	int mi = app_measure_index(a);
	const char *gid = mi >= 0 ? a->wb.measures[mi].group_id
		       : a->wb.group_count > 0 ? a->wb.groups[0].id : "";
	snprintf(a->est.group_id, sizeof a->est.group_id, "%s", gid);
	/* KS's published example: 80 young people at 7 500 kr each. */
	a->est.participants = 80;
	a->est.cost_per_participant = 7500;
	a->est.success_rate = 0.2;
	a->est.payer = BEARER_KOMMUNE;
	a->est.field = 2;
	estimate_compute(a);
}

static void view_draw(struct app *a, const struct rect *body)
{
	struct rect left, right;
	layout_split_columns(body, 50, 36, 30, &left, &right);
	draw_hline(a, left.y, left.x, left.w, _("Raskt overslag"));
	int lw = 22, y = left.y + 1;
	for (size_t f = 0; f < estimate_field_count && y < left.y + left.h; f++, y++) {
		bool sel = f == a->est.field;
		draw_text(a, y, left.x, lw, sel ? a->attrs[ROLE_TITLE] : a->attrs[ROLE_LABEL],
			  _(estimate_fields[f].label));
		draw_field(a, y, left.x + lw, left.w - lw, EDIT_ESTIMATE, &estimate_fields[f], &a->est,
			   0, 0, sel);
	}
	y++;
	const struct result *res = &a->est.result;
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
		   a->wb.params.base_year, 1);
}

static void keep(struct app *a)
{
	if (app_refuse_read_only(a))
		return;
	struct measure m;
	estimate_measure(a, &m);
	struct problems probs;
	problems_clear(&probs);
	if (!validate_measure(&m, &a->wb, "", &probs)) {
		app_status(a, true, _("Ikke lagret: %s"), probs.count ? probs.list[0].message : "");
		return;
	}
	struct store_error err = {0};
	if (store_insert_measure(a->store, &m, _("Beholde overslag som tiltak"), &err) != STORE_OK) {
		app_status(a, true, _("Ikke lagret: %s"), err.message);
		return;
	}
	app_reload(a);
	for (size_t i = 0; i < a->wb.measure_count; i++)
		if (a->wb.measures[i].row.id == m.row.id)
			a->measure_sel = (int)i;
	app_status(a, false, _("Lagret som tiltaket «%s» (se Tiltak, 2)"), m.name);
}

static bool view_handle(struct app *a, enum action act)
{
	int count = (int)estimate_field_count;
	int f = (int)a->est.field;
	const struct field_desc *fd = &estimate_fields[f];
	switch (act) {
	case ACTION_UP:
	case ACTION_PREV_FIELD:
		a->est.field = (size_t)((f + count - 1) % count);
		return true;
	case ACTION_DOWN:
	case ACTION_NEXT_FIELD:
		a->est.field = (size_t)((f + 1) % count);
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
	return view_type_number(a, EDIT_ESTIMATE, &estimate_fields[a->est.field], 0, 0, key);
}

static const char *view_hints(const struct app *a)
{
	if (field_is_choice(&estimate_fields[a->est.field]))
		return _("{up}{down}/{next_field}:felt  {left}{right}/{toggle_enabled}:bytt  {keep_estimate}:behold som tiltak  {cancel}:tilbake  {quit}:avslutt");
	return _("{up}{down}/{next_field}:felt  0-9:skriv  {edit}:rediger  {keep_estimate}:behold som tiltak  {cancel}:tilbake  {quit}:avslutt");
}

const struct view view_estimate = {N_("Overslag"), view_draw, view_handle, view_hints, view_type};
