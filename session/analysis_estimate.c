/*
 * analysis_estimate.c: the quick estimate (`utenfor estimate`, or e in the
 * workbook): one form — target group, participants, cost per participant
 * and year, success rate, payer — whose result follows the typing.
 *
 * The estimate is a one-year measure starting in the base year at the
 * group's usual age, paid by one bearer; everything else takes the model's
 * defaults.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/discount.h"
#include "i18n/i18n.h"
#include "session/internal.h"
#include "session/text.h"

#define E(member) offsetof(struct estimate_inputs, member)

const struct field_desc estimate_fields[] = {
	{N_("Målgruppe"), FT_GROUP, -1, E(group_id), TEXT_ID_SIZE, "group"},
	{N_("Deltakere"), FT_LONG, FIELD_PARTICIPANTS, E(participants), 0, "participants"},
	{N_("Kostnad per deltaker"), FT_NUMBER, FIELD_COST_PER_PARTICIPANT,
	 E(cost_per_participant), 0, "cost_per_participant", N_("kr per år")},
	{N_("Suksessrate"), FT_PERCENT, FIELD_SUCCESS_RATE, E(success_rate), 0, "success_rate"},
	{N_("Betaler"), FT_BEARER, -1, E(payer), 0, "payer"},
};
const size_t estimate_field_count = sizeof estimate_fields / sizeof estimate_fields[0];

void estimate_measure(const struct session *s, struct measure *m)
{
	const struct workbook *wb = session_workbook(s);
	const struct estimate_inputs *e = session_estimate(s);
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
	long mi = session_index(s, near, NULL);
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

struct estimate {
	struct estimate_result r;
};

static void invalidate(void *self, const struct session *s, unsigned changes, struct row_key row);

static void *create(const struct session *s)
{
	struct estimate *e = calloc(1, sizeof *e);
	if (e != NULL)
		invalidate(e, s, 0, (struct row_key){ROW_ESTIMATE, 0});
	return e;
}

static void destroy(void *self)
{
	free(self);
}

static void invalidate(void *self, const struct session *s, unsigned changes, struct row_key row)
{
	/* One measure: recomputing it is cheaper than remembering staleness,
	 * and the form shows the result as the user types. */
	(void)changes;
	(void)row;
	struct estimate *e = self;
	struct measure m;
	estimate_measure(s, &m);
	const struct workbook *wb = session_workbook(s);
	long g = workbook_find_group(wb, m.group_id);
	if (g >= 0)
		group_profile_compute(wb, &wb->groups[g], &e->r.profile);
	struct projection_basis basis;
	projection_basis_compute(&basis, wb);
	measure_project(&basis, wb, g >= 0 ? &e->r.profile : NULL, &m, &e->r.result);
}

static bool step(void *self, const struct session *s, double budget_ms)
{
	(void)self;
	(void)s;
	(void)budget_ms;
	return true;
}

static const void *result(const void *self)
{
	return &((const struct estimate *)self)->r;
}

const struct analysis_class analysis_estimate = {
	"estimate",
	SC_PARAMS | SC_GROUPS | SC_ITEMS | SC_RELOADED | SC_ESTIMATE,
	create,
	destroy,
	invalidate,
	step,
	result,
};
