/*
 * draft.c: typing into a field (the draft of a row being edited).  Every
 * keystroke re-reads the text; a valid reading is copied into the
 * workbook in memory and recomputed at once (projection_update_measure:
 * no allocation), an invalid one leaves the
 * row as it was before editing and is explained in the status line.  Only
 * Enter writes to the store; Esc restores the row and recomputes.
 *
 * Must never: write to the store before Enter, or leave the in-memory row
 * holding a value that failed to parse.
 */
#include "config.h"

#include <string.h>
#include <wchar.h>
#include <limits.h>
#include <stdlib.h>

#include "engine/validate.h"
#include "tui/app.h"
#include "tui/i18n.h"

static void *target_row(struct app *a, enum edit_target t, size_t index, size_t sub)
{
	switch (t) {
	case EDIT_MEASURE:
		return index < a->wb.measure_count ? &a->wb.measures[index] : NULL;
	case EDIT_ITEM:
		if (index >= a->wb.group_count || sub >= a->wb.groups[index].item_count)
			return NULL;
		return &a->wb.groups[index].items[sub];
	case EDIT_PARAMS:
		return &a->wb.params;
	case EDIT_ESTIMATE:
		return &a->est;
	case EDIT_GROUP:
		return index < a->wb.group_count ? &a->wb.groups[index] : NULL;
	}
	return NULL;
}

/*
 * Measures name their group by id.  The store keeps them attached through
 * the row (measures.group_ref), so an id change is safe on disk; in memory
 * the measures are retargeted with the typing, so they keep their profile
 * and the reading never shows a portfolio that lost a group.
 */
static void retarget_measures(struct workbook *wb, const char *from, const char *to)
{
	if (strcmp(from, to) == 0)
		return;
	for (size_t i = 0; i < wb->measure_count; i++)
		if (strcmp(wb->measures[i].group_id, from) == 0)
			snprintf(wb->measures[i].group_id, sizeof wb->measures[i].group_id, "%s", to);
}

/* Another group already using `id`, or NULL. */
static const struct target_group *id_taken(const struct workbook *wb, size_t self, const char *id)
{
	for (size_t i = 0; i < wb->group_count; i++)
		if (i != self && strcmp(wb->groups[i].id, id) == 0)
			return &wb->groups[i];
	return NULL;
}

/* Recompute what depends on the row that changed. */
static void recompute(struct app *a, enum edit_target t, size_t index)
{
	switch (t) {
	case EDIT_MEASURE:
		projection_update_measure(&a->proj, &a->wb, index);
		break;
	case EDIT_ITEM:
	case EDIT_GROUP:
		projection_update_group(&a->proj, &a->wb, index);
		break;
	case EDIT_PARAMS:
		if (projection_compute(&a->proj, &a->wb) != 0)
			app_status(a, true, _("Tomt for minne under omregning"));
		break;
	case EDIT_ESTIMATE:
		estimate_compute(a);
		break;
	}
}

/*
 * Payer shares must sum to 100 %: when one is typed, the others are scaled
 * to fill the rest (or the rest goes to the next bearer when they are all
 * zero), so every reading is a valid measure.
 */
static void rebalance_payers(struct measure *m, const struct field_desc *f, char *reading,
			     size_t size)
{
	int typed = -1;
	for (int b = 0; b < BEARER_COUNT; b++)
		if (f->offset == offsetof(struct measure, payer) + (size_t)b * sizeof(struct payer_share) +
					 offsetof(struct payer_share, share))
			typed = b;
	if (typed < 0)
		return;
	double rest = 1.0 - m->payer[typed].share, others = 0;
	for (int b = 0; b < BEARER_COUNT; b++)
		if (b != typed)
			others += m->payer[b].share;
	for (int b = 0; b < BEARER_COUNT; b++) {
		if (b == typed)
			continue;
		if (others > 0)
			m->payer[b].share = m->payer[b].share / others * rest;
		else
			m->payer[b].share = b == (typed + 1) % BEARER_COUNT ? rest : 0;
	}
	size_t used = strlen(reading);
	snprintf(reading + used, size - used, _(" (resten: kommune %.0f %%, fylke %.0f %%, stat %.0f %%)"),
		 m->payer[0].share * 100, m->payer[1].share * 100, m->payer[2].share * 100);
}

static void restore_backup(struct app *a)
{
	struct edit_state *e = &a->edit;
	void *row = target_row(a, e->target, e->index, e->sub);
	if (row == NULL)
		return;
	switch (e->target) {
	case EDIT_MEASURE:
		*(struct measure *)row = e->backup.measure;
		break;
	case EDIT_ITEM:
		*(struct cost_item *)row = e->backup.item;
		break;
	case EDIT_PARAMS:
		*(struct workbook_params *)row = e->backup.params;
		break;
	case EDIT_ESTIMATE:
		a->est = e->backup.est;
		break;
	case EDIT_GROUP: {
		struct target_group *g = row;
		const struct target_group *b = &e->backup.group;
		retarget_measures(&a->wb, g->id, b->id);
		memcpy(g->id, b->id, sizeof g->id);
		memcpy(g->name, b->name, sizeof g->name);
		memcpy(g->description, b->description, sizeof g->description);
		g->entry_age = b->entry_age;
		break;
	}
	}
}

bool draft_is(const struct app *a, enum edit_target target, const struct field_desc *f,
	     size_t index, size_t sub)
{
	const struct edit_state *e = &a->edit;
	return e->active && e->target == target && e->field == f && e->index == index &&
	       e->sub == sub;
}

static void take_backup(struct app *a, enum edit_target target, void *row)
{
	struct edit_state *e = &a->edit;
	switch (target) {
	case EDIT_MEASURE:
		e->backup.measure = *(struct measure *)row;
		e->row_id = e->backup.measure.row.id;
		break;
	case EDIT_ITEM:
		e->backup.item = *(struct cost_item *)row;
		e->row_id = e->backup.item.row.id;
		break;
	case EDIT_PARAMS:
		e->backup.params = *(struct workbook_params *)row;
		e->row_id = e->backup.params.row.id;
		break;
	case EDIT_ESTIMATE:
		e->backup.est = a->est;
		e->row_id = 0;
		break;
	case EDIT_GROUP:
		/* The items pointer is copied too but never used from here. */
		e->backup.group = *(struct target_group *)row;
		e->row_id = e->backup.group.row.id;
		break;
	}
}

void draft_begin(struct app *a, enum edit_target target, const struct field_desc *f, size_t index,
		size_t sub)
{
	if (target != EDIT_ESTIMATE && app_refuse_read_only(a))
		return;
	void *row = target_row(a, target, index, sub);
	if (row == NULL)
		return;
	struct edit_state *e = &a->edit;
	memset(e, 0, sizeof *e);
	e->target = target;
	e->field = f;
	e->index = index;
	e->sub = sub;
	take_backup(a, target, row);
	char text[LINE_EDIT_SIZE];
	field_format(f, row, &a->wb, true, app_thousands(a), text, sizeof text);
	size_t limit = (f->type == FT_TEXT || f->type == FT_GROUP) ? f->size - 1 : 64;
	line_edit_init(&e->line, text, limit);
	e->active = true;
	e->valid = true;
	field_format(f, row, &a->wb, false, app_thousands(a), e->reading, sizeof e->reading);
	app_status(a, false, "%s", "");
}

/* Re-read the editor's text into the row (or restore it) and recompute. */
static void reread(struct app *a)
{
	struct edit_state *e = &a->edit;
	void *row = target_row(a, e->target, e->index, e->sub);
	if (row == NULL) {
		e->active = false;
		return;
	}
	/* Start from the row as it was, so an invalid reading never lingers. */
	restore_backup(a);
	e->valid = field_parse(e->field, e->line.buf, row, &a->wb, e->reading, sizeof e->reading,
			       e->error, sizeof e->error);
	if (e->valid && e->target == EDIT_MEASURE && e->field->vid == FIELD_PAYER_SHARE)
		rebalance_payers(row, e->field, e->reading, sizeof e->reading);
	if (e->valid && e->target == EDIT_GROUP && e->field == &group_fields[GROUP_FIELD_ID]) {
		struct target_group *g = row;
		const struct target_group *other = id_taken(&a->wb, e->index, g->id);
		if (other != NULL) {
			snprintf(e->error, sizeof e->error,
				 _("Id-en «%s» er allerede brukt av målgruppen «%s»"), g->id, other->name);
			e->valid = false;
			restore_backup(a);
		} else {
			retarget_measures(&a->wb, e->backup.group.id, g->id);
		}
	}
	if (e->valid)
		app_status(a, false, "%s", "");
	else
		app_status(a, true, "%s", e->error);
	recompute(a, e->target, e->index);
}

void draft_key(struct app *a, int is_key_code, int key)
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
		case KEY_ENTER: draft_commit(a); return;
		default: return;
		}
	} else {
		switch (key) {
		case '\n':
		case '\r':
			draft_commit(a);
			return;
		case KEY_ESCAPE:
			draft_cancel(a);
			return;
		case 127:
		case KEY_CTRL('h'):
			changed = line_edit_backspace(&e->line);
			break;
		case KEY_CTRL('a'): line_edit_home(&e->line); break;
		case KEY_CTRL('e'): line_edit_end(&e->line); break;
		case KEY_CTRL('u'): line_edit_kill_before(&e->line); changed = true; break;
		case KEY_CTRL('k'): line_edit_kill_after(&e->line); changed = true; break;
		case '\t':
			/* Tab confirms and moves on, as in a spreadsheet. */
			draft_commit(a);
			return;
		default:
			if (key >= 32 && key != 127) {
				char mb[MB_LEN_MAX + 1];
				mbstate_t st;
				memset(&st, 0, sizeof st);
				size_t n = wcrtomb(mb, (wchar_t)key, &st);
				if (n == (size_t)-1) {
					/* Not representable in this locale (C): ASCII only. */
					if (key > 127)
						return;
					mb[0] = (char)key;
					n = 1;
				}
				if (!line_edit_insert(&e->line, mb, n)) {
					app_status(a, true, _("%s: feltet er fullt"), _(e->field->label));
					return;
				}
				changed = true;
			}
			break;
		}
	}
	if (changed)
		reread(a);
}

void draft_cancel(struct app *a)
{
	struct edit_state *e = &a->edit;
	if (!e->active)
		return;
	restore_backup(a);
	recompute(a, e->target, e->index);
	e->active = false;
	app_status(a, false, _("Avbrutt: %s er som før"), _(e->field->label));
}

/* Write the row to the store.  On failure the caller restores. */
static enum store_status save_row(struct app *a, enum edit_target t, size_t index, size_t sub,
				  const char *label, struct store_error *err)
{
	switch (t) {
	case EDIT_MEASURE:
		return store_update_measure(a->store, &a->wb.measures[index], label, err);
	case EDIT_ITEM:
		return store_update_item(a->store, &a->wb.groups[index],
					 &a->wb.groups[index].items[sub], label, err);
	case EDIT_PARAMS:
		return store_update_params(a->store, &a->wb.params, label, err);
	case EDIT_GROUP:
		return store_update_group(a->store, &a->wb.groups[index], label, err);
	case EDIT_ESTIMATE:
		return STORE_OK;
	}
	return STORE_OK;
}

static bool validate_row(struct app *a, enum edit_target t, size_t index, size_t sub,
			 char *msg, size_t size)
{
	struct problems probs;
	problems_clear(&probs);
	bool ok = true;
	switch (t) {
	case EDIT_MEASURE:
		ok = validate_measure(&a->wb.measures[index], &a->wb, "", &probs);
		break;
	case EDIT_ITEM:
		ok = validate_item(&a->wb.groups[index].items[sub], &a->wb, "", &probs);
		break;
	case EDIT_PARAMS:
		ok = validate_params(&a->wb.params, "", &probs);
		break;
	case EDIT_GROUP:
		ok = validate_group(&a->wb.groups[index], &a->wb, "", &probs);
		break;
	case EDIT_ESTIMATE:
		break;
	}
	if (!ok && probs.count > 0)
		snprintf(msg, size, "%s", probs.list[0].message);
	return ok;
}

static const char *row_name(struct app *a, enum edit_target t, size_t index, size_t sub)
{
	switch (t) {
	case EDIT_MEASURE:
		return a->wb.measures[index].name;
	case EDIT_ITEM:
		return a->wb.groups[index].items[sub].name;
	case EDIT_PARAMS:
		return a->wb.params.name;
	case EDIT_GROUP:
		return a->wb.groups[index].name;
	default:
		return "";
	}
}

static bool save(struct app *a, enum edit_target t, size_t index, size_t sub,
		 const struct field_desc *f, bool *conflict)
{
	char msg[PROBLEM_MESSAGE_SIZE];
	*conflict = false;
	if (!validate_row(a, t, index, sub, msg, sizeof msg)) {
		app_status(a, true, _("Ikke lagret: %s"), msg);
		return false;
	}
	char label[300];
	snprintf(label, sizeof label, _("Endre %s i «%s»"), _(f->label), row_name(a, t, index, sub));
	struct store_error err = {0};
	enum store_status st = save_row(a, t, index, sub, label, &err);
	if (st == STORE_OK)
		return true;
	*conflict = st == STORE_CONFLICT;
	if (*conflict)
		app_status(a, true, _("Ikke lagret: raden er endret av noen andre i mellomtiden (%s). "
				      "Lastet inn på nytt."), err.message);
	else
		app_status(a, true, _("Ikke lagret: %s"), app_store_message(a, err.message));
	return false;
}

bool draft_commit(struct app *a)
{
	struct edit_state *e = &a->edit;
	if (!e->active)
		return true;
	if (!e->valid) {
		/* Stay in the field: the text is kept so it can be corrected. */
		app_status(a, true, _("%s — rett verdien eller trykk Esc"), e->error);
		return false;
	}
	if (e->target == EDIT_ESTIMATE) {
		e->active = false;
		return true;
	}
	bool conflict;
	if (save(a, e->target, e->index, e->sub, e->field, &conflict)) {
		char shown[200];
		snprintf(shown, sizeof shown, "%s", e->reading);
		e->active = false;
		/* A new id reaches the measures through their rows: load them so
		 * every id in memory is the store's. */
		if (e->target == EDIT_GROUP && e->field == &group_fields[GROUP_FIELD_ID])
			app_reload(a);
		app_status(a, false, _("Lagret: %s = %s"), _(e->field->label), shown);
		return true;
	}
	if (conflict) {
		/* Someone else's version wins; show it rather than overwrite. */
		e->active = false;
		char keep[sizeof a->status];
		snprintf(keep, sizeof keep, "%s", a->status);
		app_reload(a);
		app_status(a, true, "%s", keep);
		return false;
	}
	/* Refused (e.g. payer shares no longer sum to 100 %): keep editing. */
	return false;
}

void draft_cycle(struct app *a, enum edit_target target, const struct field_desc *f,
		size_t index, size_t sub, int step)
{
	if (target != EDIT_ESTIMATE && app_refuse_read_only(a))
		return;
	void *row = target_row(a, target, index, sub);
	if (row == NULL)
		return;
	take_backup(a, target, row);
	field_cycle(f, row, &a->wb, step);
	recompute(a, target, index);
	if (target == EDIT_ESTIMATE)
		return;
	bool conflict;
	if (save(a, target, index, sub, f, &conflict)) {
		char shown[200];
		field_format(f, row, &a->wb, false, app_thousands(a), shown, sizeof shown);
		app_status(a, false, _("Lagret: %s = %s"), _(f->label), shown);
		return;
	}
	/* Undo the change in memory: the store has the truth. */
	a->edit.target = target;
	a->edit.index = index;
	a->edit.sub = sub;
	restore_backup(a);
	recompute(a, target, index);
	if (conflict) {
		char keep[sizeof a->status];
		snprintf(keep, sizeof keep, "%s", a->status);
		app_reload(a);
		app_status(a, true, "%s", keep);
	}
}
