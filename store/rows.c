/*
 * rows.c: engine structs to and from table rows.  The one place that knows
 * the column lists; edits, store_create and undo build on it.
 *
 * Invariant: an update only matches the row at the version the caller
 * read (WHERE id = ? AND version = ?) and bumps it, so two processes can
 * never overwrite each other's change unseen.
 *
 * Must never: validate (edit.c does that before calling), print.
 */
#include "i18n/i18n.h"
#include "store/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void bind_text(sqlite3_stmt *st, int i, const char *text)
{
	sqlite3_bind_text(st, i, text, -1, SQLITE_TRANSIENT);
}

/* Step a write statement; *matched says whether it changed a row. */
static int finish(struct store *s, sqlite3_stmt *st, bool *matched, int64_t *id)
{
	int rc = sqlite3_step(st);
	store_release(s, st);
	if (rc != SQLITE_DONE)
		return rc;
	if (matched)
		*matched = sqlite3_changes(s->db) == 1;
	if (id)
		*id = sqlite3_last_insert_rowid(s->db);
	return SQLITE_OK;
}

int rows_write_params(sqlite3 *db, const struct workbook_params *p, bool insert, bool *matched)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(
		db,
		insert ? "INSERT INTO workbook (name, municipality, base_year, horizon,"
			 " discount_mode, discount_rate, g_amount, price_year, real_growth,"
			 " plan_start_year, plan_years, draws, seed, spread_a, spread_b, spread_c,"
			 " spread_d, tax_cost, id)"
			 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"
		       : "UPDATE workbook SET name = ?, municipality = ?, base_year = ?,"
			 " horizon = ?, discount_mode = ?, discount_rate = ?, g_amount = ?,"
			 " price_year = ?, real_growth = ?, plan_start_year = ?, plan_years = ?,"
			 " draws = ?, seed = ?, spread_a = ?, spread_b = ?, spread_c = ?,"
			 " spread_d = ?, tax_cost = ?,"
			 " version = version + 1 WHERE id = 1 AND version = ?",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	bind_text(st, 1, p->name);
	bind_text(st, 2, p->municipality);
	sqlite3_bind_int(st, 3, p->base_year);
	sqlite3_bind_int(st, 4, p->horizon);
	bind_text(st, 5, discount_mode_key(p->discount.mode));
	sqlite3_bind_double(st, 6, p->discount.rate);
	sqlite3_bind_double(st, 7, p->g_amount);
	sqlite3_bind_int(st, 8, p->price_year);
	sqlite3_bind_double(st, 9, p->real_growth);
	sqlite3_bind_int(st, 10, p->plan.start_year);
	sqlite3_bind_int(st, 11, p->plan.years);
	sqlite3_bind_int64(st, 12, p->uncertainty.draws);
	/* Past INT64_MAX would wrap; the CHECK (≤ 2^53) refuses what is left. */
	sqlite3_bind_int64(st, 13,
			   p->uncertainty.seed > (uint64_t)INT64_MAX ? INT64_MAX
								   : (int64_t)p->uncertainty.seed);
	for (int c = CONFIDENCE_A; c <= CONFIDENCE_D; c++)
		sqlite3_bind_double(st, 14 + c, p->uncertainty.spread[c]);
	sqlite3_bind_double(st, 18, p->tax_cost);
	if (!insert)
		sqlite3_bind_int64(st, 19, p->row.version);
	/* Once per edit, and store/create.c has no store: not kept. */
	struct store once = {.db = db};
	return finish(&once, st, matched, NULL);
}

int rows_write_sector(struct store *s, const struct sector *sec, bool insert, bool *matched,
		      int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = store_prepare(
		s,
		insert ? "INSERT INTO sectors (sid, name, bearer, kostra) VALUES (?, ?, ?, ?)"
		       : "UPDATE sectors SET sid = ?, name = ?, bearer = ?, kostra = ?,"
			 " version = version + 1 WHERE id = ? AND version = ?",
		&st);
	if (rc != SQLITE_OK)
		return rc;
	bind_text(st, 1, sec->id);
	bind_text(st, 2, sec->name);
	bind_text(st, 3, bearer_key(sec->bearer));
	bind_text(st, 4, sec->kostra);
	if (!insert) {
		sqlite3_bind_int64(st, 5, sec->row.id);
		sqlite3_bind_int64(st, 6, sec->row.version);
	}
	return finish(s, st, matched, id);
}

int rows_write_group(struct store *s, const struct target_group *g, bool insert, bool *matched,
		     int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = store_prepare(
		s,
		insert ? "INSERT INTO groups (gid, name, description, entry_age) VALUES (?, ?, ?, ?)"
		       : "UPDATE groups SET gid = ?, name = ?, description = ?, entry_age = ?,"
			 " version = version + 1 WHERE id = ? AND version = ?",
		&st);
	if (rc != SQLITE_OK)
		return rc;
	bind_text(st, 1, g->id);
	bind_text(st, 2, g->name);
	bind_text(st, 3, g->description);
	sqlite3_bind_int(st, 4, g->entry_age);
	if (!insert) {
		sqlite3_bind_int64(st, 5, g->row.id);
		sqlite3_bind_int64(st, 6, g->row.version);
	}
	return finish(s, st, matched, id);
}

int rows_write_item(struct store *s, int64_t group_ref, int64_t sector_ref,
		    const struct cost_item *it, bool insert, bool *matched, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = store_prepare(
		s,
		insert ? "INSERT INTO items (group_ref, name, kind, bearer, sector_ref, amount, unit,"
			 " from_age, to_age, source, confidence)"
			 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
		       : "UPDATE items SET group_ref = ?, name = ?, kind = ?, bearer = ?,"
			 " sector_ref = ?, amount = ?, unit = ?, from_age = ?, to_age = ?,"
			 " source = ?, confidence = ?,"
			 " version = version + 1 WHERE id = ? AND version = ?",
		&st);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, 1, group_ref);
	bind_text(st, 2, it->name);
	bind_text(st, 3, item_kind_key(it->kind));
	if ((unsigned)it->bearer < BEARER_COUNT)
		bind_text(st, 4, bearer_key(it->bearer));
	if (sector_ref > 0)
		sqlite3_bind_int64(st, 5, sector_ref);
	sqlite3_bind_double(st, 6, it->amount);
	bind_text(st, 7, unit_key(it->unit));
	sqlite3_bind_int(st, 8, it->from_age);
	sqlite3_bind_int(st, 9, it->to_age);
	bind_text(st, 10, it->source);
	bind_text(st, 11, confidence_key(it->confidence));
	if (!insert) {
		sqlite3_bind_int64(st, 12, it->row.id);
		sqlite3_bind_int64(st, 13, it->row.version);
	}
	return finish(s, st, matched, id);
}

/* A range's two columns: both NULL when the field has no range. */
static void bind_range(sqlite3_stmt *st, int i, const struct value_range *r)
{
	if (!r->set)
		return;
	sqlite3_bind_double(st, i, r->low);
	sqlite3_bind_double(st, i + 1, r->high);
}

int rows_write_measure(struct store *s, int64_t group_ref, const char *payer,
		       const struct measure *m, bool insert, bool *matched, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = store_prepare(
		s,
		insert ? "INSERT INTO measures (name, group_ref, participants, start_year,"
			 " start_age, duration, cost_per_participant, payer, success_rate,"
			 " deadweight, lag, effect_years, decay, enabled,"
			 " success_rate_low, success_rate_high, deadweight_low, deadweight_high,"
			 " decay_low, decay_high, cost_per_participant_low,"
			 " cost_per_participant_high)"
			 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
			 " ?, ?, ?, ?, ?, ?, ?, ?)"
		       : "UPDATE measures SET name = ?, group_ref = ?, participants = ?,"
			 " start_year = ?, start_age = ?, duration = ?, cost_per_participant = ?,"
			 " payer = ?, success_rate = ?, deadweight = ?, lag = ?, effect_years = ?,"
			 " decay = ?, enabled = ?, success_rate_low = ?, success_rate_high = ?,"
			 " deadweight_low = ?, deadweight_high = ?, decay_low = ?, decay_high = ?,"
			 " cost_per_participant_low = ?, cost_per_participant_high = ?,"
			 " version = version + 1 WHERE id = ? AND version = ?",
		&st);
	if (rc != SQLITE_OK)
		return rc;
	bind_text(st, 1, m->name);
	sqlite3_bind_int64(st, 2, group_ref);
	sqlite3_bind_int64(st, 3, m->participants);
	sqlite3_bind_int(st, 4, m->start_year);
	sqlite3_bind_int(st, 5, m->start_age);
	sqlite3_bind_int(st, 6, m->duration);
	sqlite3_bind_double(st, 7, m->cost_per_participant);
	bind_text(st, 8, payer);
	sqlite3_bind_double(st, 9, m->success_rate);
	sqlite3_bind_double(st, 10, m->deadweight);
	sqlite3_bind_int(st, 11, m->lag);
	if (m->effect_years > 0)
		sqlite3_bind_int(st, 12, m->effect_years);
	else
		sqlite3_bind_null(st, 12);
	sqlite3_bind_double(st, 13, m->decay);
	sqlite3_bind_int(st, 14, m->enabled ? 1 : 0);
	bind_range(st, 15, &m->ranges[RANGE_SUCCESS_RATE]);
	bind_range(st, 17, &m->ranges[RANGE_DEADWEIGHT]);
	bind_range(st, 19, &m->ranges[RANGE_DECAY]);
	bind_range(st, 21, &m->ranges[RANGE_COST_PER_PARTICIPANT]);
	if (!insert) {
		sqlite3_bind_int64(st, 23, m->row.id);
		sqlite3_bind_int64(st, 24, m->row.version);
	}
	return finish(s, st, matched, id);
}

int rows_group_ref(struct store *s, const char *gid, int64_t *out)
{
	sqlite3_stmt *st = NULL;
	*out = 0;
	int rc = store_prepare(s, "SELECT id FROM groups WHERE gid = ?", &st);
	if (rc != SQLITE_OK)
		return rc;
	bind_text(st, 1, gid);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	store_release(s, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int rows_sector_ref(struct store *s, const char *sid, int64_t *out, enum bearer *bearer)
{
	sqlite3_stmt *st = NULL;
	*out = 0;
	int rc = store_prepare(s, "SELECT id, bearer FROM sectors WHERE sid = ?", &st);
	if (rc != SQLITE_OK)
		return rc;
	bind_text(st, 1, sid);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		const unsigned char *b = sqlite3_column_text(st, 1);
		if (b == NULL || !bearer_from_key((const char *)b, bearer))
			*bearer = BEARER_NONE;
	}
	store_release(s, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

enum store_status rows_resolve_item_sector(struct store *s, const struct cost_item *item,
					   int64_t *sector_ref, struct store_error *err)
{
	*sector_ref = 0;
	if (item->sector[0] == '\0' || !item_kind_has_bearer(item->kind))
		return STORE_OK;
	enum bearer b = BEARER_NONE;
	int rc = rows_sector_ref(s, item->sector, sector_ref, &b);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	if (*sector_ref == 0)
		return store_fail(err, STORE_REFUSED, s->path,
				  _("kostnadsposten «%s» viser til sektoren «%s», som ikke finnes"),
				  item->name, item->sector);
	if (b != item->bearer)
		return store_fail(err, STORE_REFUSED, s->path,
				  _("kostnadsposten «%s» har bærer %s, men sektoren «%s» hører til %s"),
				  item->name, bearer_key(item->bearer), item->sector, bearer_key(b));
	return STORE_OK;
}

enum store_status rows_resolve_payer(struct store *s, const struct measure *m,
				     char payer[STORE_PAYER_SIZE], struct store_error *err)
{
	size_t len = 0;
	payer[len++] = '[';
	for (int i = 0; i < m->payer_count && i < PAYER_SHARES_MAX; i++) {
		const struct payer_share *p = &m->payer[i];
		enum bearer b;
		char key[32];
		if (bearer_from_key(p->sector, &b)) {
			snprintf(key, sizeof key, "\"%s\"", bearer_key(b));
		} else {
			int64_t ref = 0;
			int rc = rows_sector_ref(s, p->sector, &ref, &b);
			if (rc != SQLITE_OK)
				return store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
			if (ref == 0)
				return store_fail(err, STORE_REFUSED, s->path,
						  _("tiltaket «%s» betales av sektoren «%s», som ikke "
						  "finnes"),
						  m->name, p->sector);
			snprintf(key, sizeof key, "%lld", (long long)ref);
		}
		/* 17 digits: the share reads back as the same double. */
		int n = snprintf(payer + len, STORE_PAYER_SIZE - len, "%s[%s,%.17g]", i ? "," : "",
				 key, p->share);
		if (n < 0 || (size_t)n >= STORE_PAYER_SIZE - len)
			return store_fail(err, STORE_REFUSED, s->path,
					  _("tiltaket «%s» har for mange betalere"), m->name);
		len += (size_t)n;
	}
	if (len + 2 > STORE_PAYER_SIZE)
		return store_fail(err, STORE_REFUSED, s->path, _("tiltaket «%s» har for mange betalere"),
				  m->name);
	payer[len++] = ']';
	payer[len] = '\0';
	return STORE_OK;
}

/* Sectors first (items and payers refer to them), then groups with their
 * items, then measures. */
static enum store_status insert_all(struct edit_tx *tx, const struct workbook *wb,
				    struct store_error *err)
{
	struct store *s = tx->s;
	enum store_status status = STORE_OK;
	for (size_t i = 0; status == STORE_OK && i < wb->sector_count; i++) {
		int64_t sref = 0;
		int rc = rows_write_sector(s, &wb->sectors[i], true, NULL, &sref);
		status = edit_log_written(tx, TABLE_SECTORS, sref, NULL, rc, err);
	}
	for (size_t i = 0; status == STORE_OK && i < wb->group_count; i++) {
		const struct target_group *g = &wb->groups[i];
		int64_t gref = 0;
		int rc = rows_write_group(s, g, true, NULL, &gref);
		status = edit_log_written(tx, TABLE_GROUPS, gref, NULL, rc, err);
		for (size_t k = 0; status == STORE_OK && k < g->item_count; k++) {
			int64_t iid = 0, sref = 0;
			status = rows_resolve_item_sector(s, &g->items[k], &sref, err);
			if (status != STORE_OK)
				break;
			rc = rows_write_item(s, gref, sref, &g->items[k], true, NULL, &iid);
			status = edit_log_written(tx, TABLE_ITEMS, iid, NULL, rc, err);
		}
	}
	for (size_t i = 0; status == STORE_OK && i < wb->measure_count; i++) {
		const struct measure *m = &wb->measures[i];
		int64_t gref = 0, mid = 0;
		char payer[STORE_PAYER_SIZE];
		status = rows_resolve_payer(s, m, payer, err);
		if (status != STORE_OK)
			break;
		int rc = rows_group_ref(s, m->group_id, &gref);
		if (rc == SQLITE_OK && gref == 0)
			return store_fail(err, STORE_REFUSED, s->path,
					  _("tiltaket «%s» viser til målgruppen «%s», som ikke finnes"),
					  m->name, m->group_id);
		if (rc == SQLITE_OK)
			rc = rows_write_measure(s, gref, payer, m, true, NULL, &mid);
		status = edit_log_written(tx, TABLE_MEASURES, mid, NULL, rc, err);
	}
	return status;
}

enum store_status rows_insert_all(struct edit_tx *tx, const struct workbook *wb,
				  struct store_error *err)
{
	/* store_create()'s temporary store keeps statements for this call only. */
	bool scoped = store_stmts_begin(tx->s);
	enum store_status status = insert_all(tx, wb, err);
	store_stmts_end(tx->s, scoped);
	return status;
}
