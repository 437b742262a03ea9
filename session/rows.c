/*
 * rows.c: inserting, deleting, naming rows and undo/redo (see session.h).
 * Each is one store transaction recorded in the undo history; after it the
 * workbook is read again so every id and version in memory is the file's.
 *
 * Must never: call curses or print.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "i18n/i18n.h"
#include "session/internal.h"
#include "session/naming.h"

const char *session_row_name(const struct session *s, struct row_key row)
{
	long g;
	long i = session_index(s, row, &g);
	if (i < 0)
		return "";
	switch (row.kind) {
	case ROW_MEASURE: return s->wb.measures[i].name;
	case ROW_GROUP: return s->wb.groups[i].name;
	case ROW_ITEM: return s->wb.groups[g].items[i].name;
	case ROW_PARAMS: return s->wb.params.name;
	case ROW_ESTIMATE: return "";
	case ROW_SECTOR: return s->wb.sectors[i].name;
	}
	return "";
}

/* After a successful write: read the file again; a failed read is the
 * caller's news. */
static enum diag_code reload_after(struct session *s, struct diag *d)
{
	struct diag r;
	if (session_reload(s, &r) != DIAG_OK)
		return diag_set(d, r.code, "%s", r.message);
	return DIAG_OK;
}

enum diag_code session_insert_measure(struct session *s, const struct measure *m,
				      const char *label, struct row_key *made, struct diag *d)
{
	diag_clear(d);
	if (s->read_only)
		return session_refuse_read_only(s, d);
	struct measure copy = *m;
	struct problems probs;
	problems_clear(&probs);
	if (!validate_measure(&copy, &s->wb, "", &probs))
		return diag_set(d, DIAG_INVALID, _("Ikke lagret: %s"),
				probs.count ? probs.list[0].message : "");
	struct store_error err = {0};
	enum store_status st = store_insert_measure(s->store, &copy, label, &err);
	if (st != STORE_OK)
		return session_store_diag(s, st, &err, _("Ikke lagt til: "), d);
	if (made != NULL)
		*made = (struct row_key){ROW_MEASURE, copy.row.id};
	return reload_after(s, d);
}

static enum diag_code insert_group(struct session *s, struct row_key *made, struct diag *d)
{
	struct target_group ng;
	memset(&ng, 0, sizeof ng);
	if (!group_new_id(&s->wb, ng.id, sizeof ng.id))
		return diag_set(d, DIAG_INVALID, "%s", _("Ikke lagt til: fant ingen ledig id"));
	text_set(ng.name, sizeof ng.name, _("Ny målgruppe"));
	ng.entry_age = 16;
	struct store_error err = {0};
	enum store_status st = store_insert_group(s->store, &ng, _("Legge til målgruppe"), &err);
	if (st != STORE_OK)
		return session_store_diag(s, st, &err, _("Ikke lagt til: "), d);
	if (made != NULL)
		*made = (struct row_key){ROW_GROUP, ng.row.id};
	enum diag_code c = reload_after(s, d);
	if (c == DIAG_OK)
		diag_set(d, DIAG_OK, _("La til målgruppen «%s» (id %s): skriv et navn og trykk Enter"),
			 ng.name, ng.id);
	return c;
}

static enum diag_code insert_item(struct session *s, struct row_key near, struct row_key *made,
				  struct diag *d)
{
	long gi = session_index(s, near, NULL);
	if (near.kind != ROW_GROUP || gi < 0)
		return diag_set(d, DIAG_NOT_FOUND, "%s", _("Velg først en målgruppe"));
	const struct target_group *g = &s->wb.groups[gi];
	struct cost_item it;
	memset(&it, 0, sizeof it);
	text_set(it.name, sizeof it.name, _("Ny post"));
	it.bearer = BEARER_KOMMUNE;
	it.unit = UNIT_NOK;
	it.from_age = g->entry_age;
	it.to_age = g->entry_age + 10 > AGE_MAX ? AGE_MAX : g->entry_age + 10;
	it.confidence = CONFIDENCE_D;
	struct store_error err = {0};
	enum store_status st = store_insert_item(s->store, g, &it, _("Legge til kostnadspost"), &err);
	if (st != STORE_OK)
		return session_store_diag(s, st, &err, _("Ikke lagt til: "), d);
	if (made != NULL)
		*made = (struct row_key){ROW_ITEM, it.row.id};
	enum diag_code c = reload_after(s, d);
	if (c == DIAG_OK)
		diag_set(d, DIAG_OK, "%s", _("La til en kostnadspost: skriv et navn og trykk Enter"));
	return c;
}

/* A new declared sector of the kommune, with a free id ("ny-sektor-2"). */
static enum diag_code insert_sector(struct session *s, struct row_key *made, struct diag *d)
{
	if (s->wb.sector_count + SECTOR_IMPLICIT_COUNT >= SECTORS_MAX)
		return diag_set(d, DIAG_INVALID, _("Ikke lagt til: høyst %d sektorer"), SECTORS_MAX);
	struct sector sec;
	memset(&sec, 0, sizeof sec);
	text_set(sec.name, sizeof sec.name, _("Ny sektor"));
	sec.bearer = BEARER_KOMMUNE;
	for (int n = 1; n < 1000; n++) {
		if (n == 1)
			snprintf(sec.id, sizeof sec.id, "ny-sektor");
		else
			snprintf(sec.id, sizeof sec.id, "ny-sektor-%d", n);
		if (workbook_sector_index(&s->wb, sec.id) < 0)
			break;
	}
	struct store_error err = {0};
	enum store_status st = store_insert_sector(s->store, &sec, _("Legge til sektor"), &err);
	if (st != STORE_OK)
		return session_store_diag(s, st, &err, _("Ikke lagt til: "), d);
	if (made != NULL)
		*made = (struct row_key){ROW_SECTOR, sec.row.id};
	enum diag_code c = reload_after(s, d);
	if (c == DIAG_OK)
		diag_set(d, DIAG_OK, "%s", _("La til «Ny sektor»: skriv et navn og trykk Enter"));
	return c;
}

enum diag_code session_insert(struct session *s, enum row_kind kind, struct row_key near,
			      struct row_key *made, struct diag *d)
{
	enum diag_code allowed = session_may_write(s, d);
	if (allowed != DIAG_OK)
		return allowed;
	if (kind == ROW_GROUP)
		return insert_group(s, made, d);
	if (kind == ROW_ITEM)
		return insert_item(s, near, made, d);
	if (kind == ROW_SECTOR)
		return insert_sector(s, made, d);
	if (kind != ROW_MEASURE)
		return diag_set(d, DIAG_INVALID, "%s", _("Denne raden kan ikke legges til"));
	if (s->wb.group_count == 0)
		return diag_set(d, DIAG_INVALID, "%s", _("Legg først til en målgruppe (visning 3)"));
	struct measure m;
	measure_defaults(&m);
	long ni = session_index(s, near, NULL);
	long g = ni >= 0 && near.kind == ROW_MEASURE
			 ? workbook_find_group(&s->wb, s->wb.measures[ni].group_id) : 0;
	if (g < 0)
		g = 0;
	text_set(m.name, sizeof m.name, _("Nytt tiltak"));
	text_set(m.group_id, sizeof m.group_id, s->wb.groups[g].id);
	m.participants = 10;
	m.start_year = s->wb.params.base_year;
	m.start_age = s->wb.groups[g].entry_age;
	m.duration = 1;
	m.cost_per_participant = 10000;
	measure_payer_set_bearers(&m, (const double[BEARER_COUNT]){1, 0, 0});
	m.success_rate = 0.2;
	enum diag_code c = session_insert_measure(s, &m, _("Legge til tiltak"), made, d);
	if (c == DIAG_OK)
		diag_set(d, DIAG_OK, "%s", _("La til «Nytt tiltak»: skriv et navn og trykk Enter"));
	return c;
}

enum diag_code session_delete(struct session *s, struct row_key row, struct diag *d)
{
	diag_clear(d);
	if (s->read_only)
		return session_refuse_read_only(s, d);
	long g;
	long i = session_index(s, row, &g);
	if (i < 0 || row.kind == ROW_PARAMS || row.kind == ROW_ESTIMATE)
		return diag_set(d, DIAG_NOT_FOUND, "%s", _("Ikke slettet: raden finnes ikke lenger"));
	char name[TEXT_NAME_SIZE + 8], label[300];
	snprintf(name, sizeof name, "%s", session_row_name(s, row));
	struct store_error err = {0};
	enum store_status st = STORE_OK;
	if (row.kind == ROW_MEASURE) {
		snprintf(label, sizeof label, _("Slette tiltaket «%s»"), name);
		st = store_delete_measure(s->store, &s->wb.measures[i], label, &err);
	} else if (row.kind == ROW_ITEM) {
		snprintf(label, sizeof label, _("Slette kostnadsposten «%s»"), name);
		st = store_delete_item(s->store, &s->wb.groups[g].items[i], label, &err);
	} else if (row.kind == ROW_SECTOR) {
		snprintf(label, sizeof label, _("Slette sektoren «%s»"), name);
		st = store_delete_sector(s->store, &s->wb.sectors[i], label, &err);
	} else {
		snprintf(label, sizeof label, _("Slette målgruppen «%s»"), name);
		st = store_delete_group(s->store, &s->wb.groups[i], label, &err);
	}
	if (st != STORE_OK) {
		enum diag_code c = session_store_diag(s, st, &err, _("Ikke slettet: "), d);
		session_reload(s, NULL);
		return c;
	}
	enum diag_code c = reload_after(s, d);
	if (c == DIAG_OK)
		diag_set(d, DIAG_OK, _("Slettet «%s» (u angrer)"), name);
	return c;
}

enum diag_code session_undo(struct session *s, bool redo, struct diag *d)
{
	enum diag_code allowed = session_may_write(s, d);
	if (allowed != DIAG_OK)
		return allowed;
	const char *label = redo ? store_redo_label(s->store) : store_undo_label(s->store);
	char what[300];
	snprintf(what, sizeof what, "%s", label ? label : "");
	struct store_error err = {0};
	enum store_status st = redo ? store_redo(s->store, &err) : store_undo(s->store, &err);
	if (st == STORE_NOTHING)
		return diag_set(d, DIAG_NOTHING, "%s",
				redo ? _("Ingenting å gjøre om igjen") : _("Ingenting å angre"));
	if (st != STORE_OK) {
		enum diag_code c = session_store_diag(s, st, &err, NULL, d);
		session_reload(s, NULL);
		return c;
	}
	/* An undo may pass over a newer edit someone else has changed since. */
	const char *skipped = redo ? NULL : store_undo_skipped(s->store);
	char passed[300];
	snprintf(passed, sizeof passed, "%s", skipped ? skipped : "");
	enum diag_code c = reload_after(s, d);
	if (c == DIAG_OK && passed[0] != '\0')
		diag_set(d, DIAG_OK, _("Angret: %s (hoppet over «%s»: endret av en annen siden)"), what,
			 passed);
	else if (c == DIAG_OK)
		diag_set(d, DIAG_OK, redo ? _("Gjort om igjen: %s") : _("Angret: %s"), what);
	return c;
}
