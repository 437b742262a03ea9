/*
 * estimate.c: the quick estimate's inputs (`utenfor estimate`, or e in the
 * workbook): one form — target group, participants, cost per participant
 * and year, success rate, payer — and the measure they stand for.  The
 * estimate is a one-year measure starting in the base year at the
 * group's usual age, paid by one bearer; everything else takes the
 * model's defaults.  analysis_estimate.c computes its result.
 *
 * Reads the session's rows directly (internal.h), so that session.c,
 * which resets the inputs on open and reload, and this file never call
 * each other in a loop.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "i18n/i18n.h"
#include "session/internal.h"
#include "session/text.h"

#define E(member) offsetof(struct estimate_inputs, member)

const struct field_desc estimate_fields[] = {
	{LABEL_GROUP, FT_GROUP, -1, E(group_id), TEXT_ID_SIZE, "group"},
	{LABEL_PARTICIPANTS, FT_LONG, FIELD_PARTICIPANTS, E(participants), 0, "participants"},
	{LABEL_COST_PER_PARTICIPANT, FT_NUMBER, FIELD_COST_PER_PARTICIPANT,
	 E(cost_per_participant), 0, "cost_per_participant", UNIT_COST_PER_PARTICIPANT},
	{LABEL_SUCCESS_RATE, FT_PERCENT, FIELD_SUCCESS_RATE, E(success_rate), 0, "success_rate"},
	{N_("Betaler"), FT_BEARER, -1, E(payer), 0, "payer"},
};
const size_t estimate_field_count = sizeof estimate_fields / sizeof estimate_fields[0];

void estimate_measure(const struct session *s, struct measure *m)
{
	const struct workbook *wb = &s->wb;
	const struct estimate_inputs *e = &s->est;
	measure_defaults(m);
	long g = workbook_find_group(wb, e->group_id);
	char name[TEXT_NAME_SIZE + 32];
	snprintf(name, sizeof name, _("Overslag: %s"), g >= 0 ? wb->groups[g].name : e->group_id);
	text_cut_bytes(name, sizeof m->name - 1);
	text_set(m->name, sizeof m->name, name);
	text_set(m->group_id, sizeof m->group_id, e->group_id);
	m->participants = e->participants;
	m->cost_per_participant = e->cost_per_participant;
	m->success_rate = e->success_rate;
	m->start_year = wb->params.base_year;
	m->start_age = g >= 0 ? wb->groups[g].entry_age : 16;
	m->duration = 1;
	double shares[BEARER_COUNT] = {0};
	shares[e->payer] = 1.0;
	measure_payer_set_bearers(m, shares);
	m->enabled = true;
}

void session_estimate_reset(struct session *s, struct row_key near)
{
	long mi = -1;
	for (size_t i = 0; near.kind == ROW_MEASURE && near.id != 0 && i < s->wb.measure_count; i++)
		if (s->wb.measures[i].row.id == near.id)
			mi = (long)i;
	const char *gid = near.kind == ROW_MEASURE && mi >= 0 ? s->wb.measures[mi].group_id
			  : s->wb.group_count > 0 ? s->wb.groups[0].id : "";
	snprintf(s->est.group_id, sizeof s->est.group_id, "%s", gid);
	/* KS's published example: 80 young people at 7 500 kr each. */
	s->est.participants = 80;
	s->est.cost_per_participant = 7500;
	s->est.success_rate = 0.2;
	s->est.payer = BEARER_KOMMUNE;
	session_changed(s, SC_ESTIMATE, (struct row_key){ROW_ESTIMATE, 0});
}
