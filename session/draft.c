/*
 * draft.c: one field being typed (see session.h).  Every text re-reads
 * into the row in memory, starting from the backup taken at the first
 * keystroke, so an invalid reading never lingers; the analyses follow at
 * once.  Only commit writes to the store (one transaction, undoable).
 *
 * Must never: write to the store before commit, or leave the in-memory
 * row holding a value that failed to parse.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "i18n/i18n.h"
#include "session/internal.h"

static unsigned change_bits(enum row_kind k)
{
	switch (k) {
	case ROW_PARAMS: return SC_PARAMS;
	case ROW_GROUP: return SC_GROUPS;
	case ROW_ITEM: return SC_ITEMS;
	case ROW_MEASURE: return SC_MEASURES;
	case ROW_ESTIMATE: return SC_ESTIMATE;
	case ROW_SECTOR: return SC_PARAMS; /* names and bearers of every result */
	}
	return 0;
}

/*
 * Measures name their group by id.  The store keeps them attached through
 * the row, so an id change is safe on disk; in memory the measures are
 * retargeted with the typing, so they keep their profile.
 */
static void retarget_measures(struct workbook *wb, const char *from, const char *to)
{
	if (strcmp(from, to) == 0)
		return;
	for (size_t i = 0; i < wb->measure_count; i++)
		if (strcmp(wb->measures[i].group_id, from) == 0)
			snprintf(wb->measures[i].group_id, sizeof wb->measures[i].group_id, "%s", to);
}

static const struct target_group *id_taken(const struct workbook *wb, const struct target_group *self,
					   const char *id)
{
	for (size_t i = 0; i < wb->group_count; i++)
		if (&wb->groups[i] != self && strcmp(wb->groups[i].id, id) == 0)
			return &wb->groups[i];
	return NULL;
}

static void take_backup(struct session *s, enum row_kind k, const void *row)
{
	struct session_draft *e = &s->draft;
	switch (k) {
	case ROW_MEASURE: e->backup.measure = *(const struct measure *)row; break;
	case ROW_ITEM: e->backup.item = *(const struct cost_item *)row; break;
	case ROW_PARAMS: e->backup.params = *(const struct workbook_params *)row; break;
	case ROW_ESTIMATE: e->backup.est = *(const struct estimate_inputs *)row; break;
	case ROW_GROUP: e->backup.group = *(const struct target_group *)row; break;
	case ROW_SECTOR: e->backup.sector = *(const struct sector *)row; break;
	}
}

static void restore_backup(struct session *s)
{
	struct session_draft *e = &s->draft;
	void *row = session_row(s, e->row);
	if (row == NULL)
		return;
	switch (e->row.kind) {
	case ROW_MEASURE: *(struct measure *)row = e->backup.measure; break;
	case ROW_ITEM: *(struct cost_item *)row = e->backup.item; break;
	case ROW_PARAMS: *(struct workbook_params *)row = e->backup.params; break;
	case ROW_ESTIMATE: *(struct estimate_inputs *)row = e->backup.est; break;
	case ROW_SECTOR: *(struct sector *)row = e->backup.sector; break;
	case ROW_GROUP: {
		struct target_group *g = row;
		const struct target_group *b = &e->backup.group;
		retarget_measures(&s->wb, g->id, b->id);
		memcpy(g->id, b->id, sizeof g->id);
		memcpy(g->name, b->name, sizeof g->name);
		memcpy(g->description, b->description, sizeof g->description);
		g->entry_age = b->entry_age;
		break;
	}
	}
}

static int payer_of(const struct field_desc *f)
{
	return f->type == FT_PAYER ? payer_row_bearer(f) : -1;
}

/*
 * Payer shares must sum to 100 %: when one bearer's share is typed, the
 * difference is taken from (or given to) the other bearers in list order
 * after it, each down to 0 %, except that the share saved just before in
 * the same measure is touched last.  So a split between any two payers
 * takes at most two edits: 50 on «Betaler kommune» of 0/100/0 gives
 * 50/50/0, then 50 on «Betaler stat» gives 50/0/50.  A bearer's share is
 * the sum over its sectors (payer.c), which keep their proportions.
 */
static void rebalance_payers(const struct session *s, struct measure *m,
			     const struct measure *before, int typed, char *reading, size_t size)
{
	const struct workbook *wb = &s->wb;
	int keep = s->payer_row == m->row.id && s->payer_last != typed ? s->payer_last : -1;
	int order[BEARER_COUNT], n = 0;
	for (int k = 1; k < BEARER_COUNT; k++) {
		int b = (typed + k) % BEARER_COUNT;
		if (b != keep)
			order[n++] = b;
	}
	if (keep >= 0)
		order[n++] = keep;
	double share[BEARER_COUNT];
	for (int b = 0; b < BEARER_COUNT; b++)
		share[b] = measure_bearer_share(wb, b == typed ? m : before, (enum bearer)(b));
	double sum = share[0] + share[1] + share[2];
	double excess = sum - 1.0; /* > 0: take from the others; < 0: give */
	for (int k = 0; k < n && excess != 0; k++) {
		int b = order[k];
		if (excess < 0) {
			share[b] -= excess; /* the whole rest to the first other */
			excess = 0;
		} else {
			double take = share[b] < excess ? share[b] : excess;
			share[b] -= take;
			excess -= take;
		}
	}
	for (int b = 0; b < BEARER_COUNT; b++) {
		if (share[b] < 1e-12)
			share[b] = 0;
		if (b != typed)
			payer_set_bearer_share(m, wb, b, share[b]);
	}
	size_t used = strlen(reading);
	snprintf(reading + used, size - used,
		 _(" (resten: kommune %.0f %%, fylke %.0f %%, stat %.0f %%)"), share[0] * 100,
		 share[1] * 100, share[2] * 100);
}

bool session_draft_active(const struct session *s)
{
	return s->draft.active;
}

bool session_draft_is(const struct session *s, struct row_key row, const struct field_desc *f)
{
	const struct session_draft *e = &s->draft;
	return e->active && e->field == f && e->row.kind == row.kind && e->row.id == row.id;
}

const struct field_desc *session_draft_field(const struct session *s)
{
	return s->draft.active ? s->draft.field : NULL;
}

const char *session_draft_initial(const struct session *s)
{
	return s->draft.initial;
}

const char *session_draft_reading(const struct session *s)
{
	return s->draft.reading;
}

bool session_draft_valid(const struct session *s)
{
	return s->draft.valid;
}

enum diag_code session_draft_begin(struct session *s, struct row_key row,
				   const struct field_desc *f, unsigned flags, struct diag *d)
{
	diag_clear(d);
	if (row.kind != ROW_ESTIMATE && s->read_only)
		return session_refuse_read_only(s, d);
	void *obj = session_row(s, row);
	if (obj == NULL)
		return diag_set(d, DIAG_NOT_FOUND, "%s", _("Raden finnes ikke lenger"));
	struct session_draft *e = &s->draft;
	memset(e, 0, sizeof *e);
	e->row = row;
	e->field = f;
	e->flags = flags;
	take_backup(s, row.kind, obj);
	field_format(f, obj, &s->wb, true, " ", e->initial, sizeof e->initial);
	field_format(f, obj, &s->wb, false, " ", e->reading, sizeof e->reading);
	e->valid = true;
	e->active = true;
	s->changes |= SC_DRAFT;
	return DIAG_OK;
}

/*
 * A declared sector belongs to one bearer: an item moved to another bearer
 * goes to that bearer's own ("øvrig") sector rather than keeping a sector
 * that validation would refuse.  Production and quality of life are in no
 * budget (MODEL.md): an item turned into one loses bearer and sector, and
 * one turned back into a public cost starts in the kommune.
 */
static void item_follow_bearer(struct session *s, struct row_key row, const struct field_desc *f,
			       void *obj)
{
	if (row.kind != ROW_ITEM)
		return;
	struct cost_item *it = obj;
	if (f->type == FT_ITEM_KIND) {
		if (!item_kind_has_bearer(it->kind)) {
			it->bearer = BEARER_NONE;
			it->sector[0] = '\0';
		} else if (it->bearer == BEARER_NONE) {
			it->bearer = BEARER_KOMMUNE;
		}
		return;
	}
	if (f->type != FT_BEARER)
		return;
	long si = workbook_sector_index(&s->wb, it->sector);
	if (si >= 0 && workbook_sector_bearer(&s->wb, (size_t)si) != it->bearer)
		it->sector[0] = '\0';
}

enum diag_code session_draft_set_text(struct session *s, const char *text, struct diag *d)
{
	diag_clear(d);
	struct session_draft *e = &s->draft;
	if (!e->active)
		return diag_set(d, DIAG_NOTHING, "%s", _("Ingen felt er under redigering"));
	void *obj = session_row(s, e->row);
	if (obj == NULL) {
		e->active = false;
		return diag_set(d, DIAG_NOT_FOUND, "%s", _("Raden finnes ikke lenger"));
	}
	restore_backup(s);
	e->valid = field_parse(e->field, text, obj, &s->wb, e->reading, sizeof e->reading, e->error,
			       sizeof e->error);
	if (e->valid)
		item_follow_bearer(s, e->row, e->field, obj);
	if (e->valid && e->row.kind == ROW_MEASURE &&
	    !field_range_encloses(obj, e->field, e->error, sizeof e->error)) {
		e->valid = false;
		restore_backup(s);
	}
	if (e->valid && e->row.kind == ROW_MEASURE && payer_of(e->field) >= 0)
		rebalance_payers(s, obj, &e->backup.measure, payer_of(e->field), e->reading,
				 sizeof e->reading);
	if (e->valid && e->row.kind == ROW_GROUP && e->field == &group_fields[GROUP_FIELD_ID]) {
		struct target_group *g = obj;
		const struct target_group *other = id_taken(&s->wb, g, g->id);
		if (other != NULL) {
			snprintf(e->error, sizeof e->error,
				 _("Id-en «%s» er allerede brukt av målgruppen «%s»"), g->id, other->name);
			e->valid = false;
			restore_backup(s);
		} else {
			retarget_measures(&s->wb, e->backup.group.id, g->id);
		}
	}
	session_changed(s, change_bits(e->row.kind) | SC_DRAFT, e->row);
	if (!e->valid) {
		if (d != NULL)
			snprintf(d->field, sizeof d->field, "%s", e->field->key);
		return diag_set(d, DIAG_INVALID, "%s", e->error);
	}
	return DIAG_OK;
}

/* A sector's id names it in items and payers: two sectors, or a sector
 * and a bearer, may not share one. */
static bool sector_id_free(const struct session *s, const struct sector *sec,
			   struct problems *probs)
{
	for (size_t i = 0; i < s->wb.sector_count; i++)
		if (&s->wb.sectors[i] != sec && strcmp(s->wb.sectors[i].id, sec->id) == 0) {
			problems_add(probs, "id", _("Id-en «%s» er allerede brukt av sektoren «%s»"),
				     sec->id, s->wb.sectors[i].name);
			return false;
		}
	return true;
}

static bool validate_row(struct session *s, struct row_key row, const void *obj, char *msg,
			 size_t size)
{
	struct problems probs;
	problems_clear(&probs);
	bool ok = true;
	switch (row.kind) {
	case ROW_MEASURE: ok = validate_measure(obj, &s->wb, "", &probs); break;
	case ROW_ITEM: ok = validate_item(obj, &s->wb, "", &probs); break;
	case ROW_PARAMS: ok = validate_params(obj, "", &probs); break;
	case ROW_GROUP: ok = validate_group(obj, &s->wb, "", &probs); break;
	case ROW_SECTOR: ok = validate_sector(obj, "", &probs) && sector_id_free(s, obj, &probs); break;
	case ROW_ESTIMATE: break;
	}
	if (!ok && probs.count > 0)
		snprintf(msg, size, "%s", probs.list[0].message);
	return ok;
}

static enum store_status save_row(struct session *s, struct row_key row, void *obj,
				  const char *label, struct store_error *err)
{
	long g;
	switch (row.kind) {
	case ROW_MEASURE: return store_update_measure(s->store, obj, label, err);
	case ROW_ITEM:
		session_index(s, row, &g);
		return store_update_item(s->store, &s->wb.groups[g], obj, label, err);
	case ROW_PARAMS: return store_update_params(s->store, obj, label, err);
	case ROW_GROUP: return store_update_group(s->store, obj, label, err);
	case ROW_SECTOR: return store_update_sector(s->store, obj, label, err);
	case ROW_ESTIMATE: return STORE_OK;
	}
	return STORE_OK;
}

/*
 * Validate and write `row` (already changed in memory).  On failure the
 * row is restored from the draft's backup; after a conflict or a store
 * failure the workbook is reloaded so memory is the file's truth.
 */
static enum diag_code save(struct session *s, struct row_key row, const struct field_desc *f,
			   struct diag *d)
{
	void *obj = session_row(s, row);
	if (obj == NULL)
		return diag_set(d, DIAG_NOT_FOUND, "%s", _("Raden finnes ikke lenger"));
	char msg[PROBLEM_MESSAGE_SIZE];
	if (!validate_row(s, row, obj, msg, sizeof msg)) {
		if (d != NULL)
			snprintf(d->field, sizeof d->field, "%s", f->key);
		return diag_set(d, DIAG_INVALID, _("Ikke lagret: %s"), msg);
	}
	char label[300];
	snprintf(label, sizeof label, _("Endre %s i «%s»"), _(f->label), session_row_name(s, row));
	struct store_error err = {0};
	enum store_status st = save_row(s, row, obj, label, &err);
	if (st == STORE_OK)
		return DIAG_OK;
	enum diag_code c;
	if (st == STORE_CONFLICT)
		c = session_store_diag(s, st, &err,
				       _("Ikke lagret: raden er endret av noen andre i mellomtiden. "
					 "Lastet inn på nytt: "), d);
	else
		c = session_store_diag(s, st, &err, _("Ikke lagret: "), d);
	if (st != STORE_CONFLICT)
		return c; /* refused, disk full, busy: keep the text to try again */
	struct diag ignored;
	session_reload(s, &ignored);
	return c;
}

enum diag_code session_draft_commit(struct session *s, struct diag *d)
{
	diag_clear(d);
	struct session_draft *e = &s->draft;
	if (!e->active)
		return DIAG_OK;
	if (!e->valid) {
		if (d != NULL)
			snprintf(d->field, sizeof d->field, "%s", e->field->key);
		return diag_set(d, DIAG_INVALID, _("%s — rett verdien eller trykk Esc"), e->error);
	}
	const struct field_desc *f = e->field;
	char shown[sizeof e->reading];
	snprintf(shown, sizeof shown, "%s", e->reading);
	if (e->row.kind == ROW_ESTIMATE) {
		e->active = false;
		s->changes |= SC_DRAFT;
		return DIAG_OK;
	}
	enum diag_code c = save(s, e->row, f, d);
	if (c != DIAG_OK && c != DIAG_CONFLICT && s->draft.active)
		return c; /* not saved: still typing */
	bool was_id = e->row.kind == ROW_GROUP && f == &group_fields[GROUP_FIELD_ID];
	if (c == DIAG_OK && e->row.kind == ROW_MEASURE && payer_of(f) >= 0) {
		s->payer_row = e->row.id;
		s->payer_last = payer_of(f);
	}
	e->active = false;
	s->changes |= SC_DRAFT;
	if (c != DIAG_OK)
		return c;
	/* A new group id reaches the measures through their rows: load them so
	 * every id in memory is the store's. */
	if (was_id)
		session_reload(s, NULL);
	return diag_set(d, DIAG_OK, _("Lagret: %s = %s"), _(f->label), shown);
}

void session_draft_cancel(struct session *s, struct diag *d)
{
	diag_clear(d);
	struct session_draft *e = &s->draft;
	if (!e->active)
		return;
	restore_backup(s);
	e->active = false;
	session_changed(s, change_bits(e->row.kind) | SC_DRAFT, e->row);
	if (e->flags & DRAFT_NEW_ROW) {
		/* The row was made only to be named: take it back. */
		struct diag u;
		if (session_undo(s, false, &u) == DIAG_OK) {
			diag_set(d, DIAG_OK, "%s", _("Avbrutt: den nye raden er fjernet"));
			return;
		}
		if (session_delete(s, e->row, &u) == DIAG_OK) {
			diag_set(d, DIAG_OK, "%s", _("Avbrutt: den nye raden er fjernet"));
			return;
		}
		diag_set(d, u.code, "%s", u.message);
		return;
	}
	diag_set(d, DIAG_OK, _("Avbrutt: %s er som før"), _(e->field->label));
}

enum diag_code session_cycle(struct session *s, struct row_key row, const struct field_desc *f,
			     int step, struct diag *d)
{
	diag_clear(d);
	if (row.kind != ROW_ESTIMATE && s->read_only)
		return session_refuse_read_only(s, d);
	if (s->draft.active)
		return diag_set(d, DIAG_INVALID, "%s", _("Et felt er under redigering"));
	void *obj = session_row(s, row);
	if (obj == NULL)
		return diag_set(d, DIAG_NOT_FOUND, "%s", _("Raden finnes ikke lenger"));
	/* Refused as typing is, not saved as a step that changes nothing
	 * ("Lagret: Bærer = –" and an undo entry for it). */
	if (row.kind == ROW_ITEM && (f->type == FT_BEARER || f->type == FT_SECTOR) &&
	    !item_kind_has_bearer(((const struct cost_item *)obj)->kind))
		return diag_set(d, DIAG_INVALID,
				_("%s: produksjon og livskvalitet hører ikke til noe budsjett"),
				_(f->label));
	struct session_draft *e = &s->draft;
	e->row = row;
	e->field = f;
	e->flags = 0;
	take_backup(s, row.kind, obj);
	field_cycle(f, obj, &s->wb, step);
	item_follow_bearer(s, row, f, obj);
	session_changed(s, change_bits(row.kind), row);
	if (row.kind == ROW_ESTIMATE)
		return DIAG_OK;
	enum diag_code c = save(s, row, f, d);
	if (c == DIAG_OK) {
		char shown[200];
		obj = session_row(s, row);
		field_format(f, obj, &s->wb, false, " ", shown, sizeof shown);
		return diag_set(d, DIAG_OK, _("Lagret: %s = %s"), _(f->label), shown);
	}
	if (c != DIAG_CONFLICT) {
		/* Memory goes back to what the store has. */
		restore_backup(s);
		session_changed(s, change_bits(row.kind), row);
	}
	return c;
}

enum diag_code session_set_field(struct session *s, struct row_key row,
				 const struct field_desc *f, const char *text, struct diag *d)
{
	enum diag_code c = session_draft_begin(s, row, f, 0, d);
	if (c != DIAG_OK)
		return c;
	c = session_draft_set_text(s, text, d);
	if (c != DIAG_OK) {
		struct diag ignored;
		session_draft_cancel(s, &ignored);
		return c;
	}
	c = session_draft_commit(s, d);
	if (c != DIAG_OK && s->draft.active) {
		/* Refused: nothing is left half-typed. */
		restore_backup(s);
		s->draft.active = false;
		session_changed(s, change_bits(row.kind) | SC_DRAFT, row);
	}
	return c;
}
