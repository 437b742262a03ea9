/*
 * rows.c: engine structs to table rows (load.c reads them back); edits,
 * store_create and undo build on it.  The column lists are columns.h's.
 *
 * Invariant: an update only matches the row at the version the caller
 * read (WHERE id = ? AND version = ?) and bumps it, so two processes can
 * never overwrite each other's change unseen.
 *
 * Must never: validate (edit.c does that before calling), print.
 */
#include "i18n/i18n.h"
#include "store/columns.h"
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

/* The INSERT and UPDATE texts of a table, from its column list: the
 * list's values are parameters 1 … n, the row's id and version follow. */
#define INSERT_SQL(table, LIST)                                         \
	"INSERT INTO " table " (version" COLUMN_NAMES(LIST) ") VALUES (1" \
	COLUMN_PARAMS(LIST) ")"
#define UPDATE_SQL(table, LIST)                                                   \
	"UPDATE " table " SET (version" COLUMN_NAMES(LIST) ") = (version + 1"        \
	COLUMN_PARAMS(LIST) ") WHERE id = ? AND version = ?"

/* Bind the row's id and version after the list's n values (updates). */
static void bind_row(sqlite3_stmt *st, int n, const struct row_ref *row)
{
	sqlite3_bind_int64(st, n + 1, row->id);
	sqlite3_bind_int64(st, n + 2, row->version);
}

int rows_write_params(sqlite3 *db, const struct workbook_params *p, bool insert, bool *matched)
{
	sqlite3_stmt *st = NULL;
	/* One row, id 1, always (the CHECK says so). */
	int rc = sqlite3_prepare_v2(
		db,
		insert ? "INSERT INTO workbook (id" COLUMN_NAMES(WORKBOOK_COLUMNS) ") VALUES (1"
			 COLUMN_PARAMS(WORKBOOK_COLUMNS) ")"
		       : UPDATE_SQL("workbook", WORKBOOK_COLUMNS),
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	bind_text(st, BIND(WB, name), p->name);
	bind_text(st, BIND(WB, municipality), p->municipality);
	sqlite3_bind_int(st, BIND(WB, base_year), p->base_year);
	sqlite3_bind_int(st, BIND(WB, horizon), p->horizon);
	bind_text(st, BIND(WB, discount_mode), discount_mode_key(p->discount.mode));
	sqlite3_bind_double(st, BIND(WB, discount_rate), p->discount.rate);
	sqlite3_bind_double(st, BIND(WB, g_amount), p->g_amount);
	sqlite3_bind_int(st, BIND(WB, price_year), p->price_year);
	sqlite3_bind_double(st, BIND(WB, real_growth), p->real_growth);
	sqlite3_bind_int(st, BIND(WB, plan_start_year), p->plan.start_year);
	sqlite3_bind_int(st, BIND(WB, plan_years), p->plan.years);
	sqlite3_bind_int64(st, BIND(WB, draws), p->uncertainty.draws);
	/* Past INT64_MAX would wrap; the CHECK (≤ 2^53) refuses what is left. */
	sqlite3_bind_int64(st, BIND(WB, seed),
			   p->uncertainty.seed > (uint64_t)INT64_MAX ? INT64_MAX
								   : (int64_t)p->uncertainty.seed);
	for (int c = CONFIDENCE_A; c <= CONFIDENCE_D; c++)
		sqlite3_bind_double(st, BIND(WB, spread_a) + c - CONFIDENCE_A, p->uncertainty.spread[c]);
	sqlite3_bind_double(st, BIND(WB, tax_cost), p->tax_cost);
	if (!insert) {
		/* The row is always id 1. */
		struct row_ref one = {1, p->row.version};
		bind_row(st, WORKBOOK_COLUMN_COUNT, &one);
	}
	/* Once per edit, and store/create.c has no store: not kept. */
	struct store once = {.db = db};
	return finish(&once, st, matched, NULL);
}

int rows_write_sector(struct store *s, const struct sector *sec, bool insert, bool *matched,
		      int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = store_prepare(s,
			       insert ? INSERT_SQL("sectors", SECTOR_COLUMNS)
				      : UPDATE_SQL("sectors", SECTOR_COLUMNS),
			       &st);
	if (rc != SQLITE_OK)
		return rc;
	bind_text(st, BIND(SEC, sid), sec->id);
	bind_text(st, BIND(SEC, name), sec->name);
	bind_text(st, BIND(SEC, bearer), bearer_key(sec->bearer));
	bind_text(st, BIND(SEC, kostra), sec->kostra);
	if (!insert)
		bind_row(st, SECTOR_COLUMN_COUNT, &sec->row);
	return finish(s, st, matched, id);
}

int rows_write_group(struct store *s, const struct target_group *g, bool insert, bool *matched,
		     int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = store_prepare(s,
			       insert ? INSERT_SQL("groups", GROUP_COLUMNS)
				      : UPDATE_SQL("groups", GROUP_COLUMNS),
			       &st);
	if (rc != SQLITE_OK)
		return rc;
	bind_text(st, BIND(GRP, gid), g->id);
	bind_text(st, BIND(GRP, name), g->name);
	bind_text(st, BIND(GRP, description), g->description);
	sqlite3_bind_int(st, BIND(GRP, entry_age), g->entry_age);
	if (!insert)
		bind_row(st, GROUP_COLUMN_COUNT, &g->row);
	return finish(s, st, matched, id);
}

int rows_write_item(struct store *s, int64_t group_ref, int64_t sector_ref,
		    const struct cost_item *it, bool insert, bool *matched, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = store_prepare(s,
			       insert ? INSERT_SQL("items", ITEM_COLUMNS)
				      : UPDATE_SQL("items", ITEM_COLUMNS),
			       &st);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(st, BIND(ITEM, group_ref), group_ref);
	bind_text(st, BIND(ITEM, name), it->name);
	bind_text(st, BIND(ITEM, kind), item_kind_key(it->kind));
	if ((unsigned)it->bearer < BEARER_COUNT)
		bind_text(st, BIND(ITEM, bearer), bearer_key(it->bearer));
	if (sector_ref > 0)
		sqlite3_bind_int64(st, BIND(ITEM, sector_ref), sector_ref);
	sqlite3_bind_double(st, BIND(ITEM, amount), it->amount);
	bind_text(st, BIND(ITEM, unit), unit_key(it->unit));
	sqlite3_bind_int(st, BIND(ITEM, from_age), it->from_age);
	sqlite3_bind_int(st, BIND(ITEM, to_age), it->to_age);
	bind_text(st, BIND(ITEM, source), it->source);
	bind_text(st, BIND(ITEM, confidence), confidence_key(it->confidence));
	if (!insert)
		bind_row(st, ITEM_COLUMN_COUNT, &it->row);
	return finish(s, st, matched, id);
}

/* A range's two columns (low, then high): both NULL when the field has
 * no range. */
static void bind_range(sqlite3_stmt *st, int low, const struct value_range *r)
{
	if (!r->set)
		return;
	sqlite3_bind_double(st, low, r->low);
	sqlite3_bind_double(st, low + 1, r->high);
}

int rows_write_measure(struct store *s, int64_t group_ref, const char *payer,
		       const struct measure *m, bool insert, bool *matched, int64_t *id)
{
	sqlite3_stmt *st = NULL;
	int rc = store_prepare(s,
			       insert ? INSERT_SQL("measures", MEASURE_COLUMNS)
				      : UPDATE_SQL("measures", MEASURE_COLUMNS),
			       &st);
	if (rc != SQLITE_OK)
		return rc;
	bind_text(st, BIND(MEAS, name), m->name);
	sqlite3_bind_int64(st, BIND(MEAS, group_ref), group_ref);
	sqlite3_bind_int64(st, BIND(MEAS, participants), m->participants);
	sqlite3_bind_int(st, BIND(MEAS, start_year), m->start_year);
	sqlite3_bind_int(st, BIND(MEAS, start_age), m->start_age);
	sqlite3_bind_int(st, BIND(MEAS, duration), m->duration);
	sqlite3_bind_double(st, BIND(MEAS, cost_per_participant), m->cost_per_participant);
	bind_text(st, BIND(MEAS, payer), payer);
	sqlite3_bind_double(st, BIND(MEAS, success_rate), m->success_rate);
	sqlite3_bind_double(st, BIND(MEAS, deadweight), m->deadweight);
	sqlite3_bind_int(st, BIND(MEAS, lag), m->lag);
	if (m->effect_years > 0)
		sqlite3_bind_int(st, BIND(MEAS, effect_years), m->effect_years);
	else
		sqlite3_bind_null(st, BIND(MEAS, effect_years));
	sqlite3_bind_double(st, BIND(MEAS, decay), m->decay);
	sqlite3_bind_int(st, BIND(MEAS, enabled), m->enabled ? 1 : 0);
	bind_range(st, BIND(MEAS, success_rate_low), &m->ranges[RANGE_SUCCESS_RATE]);
	bind_range(st, BIND(MEAS, deadweight_low), &m->ranges[RANGE_DEADWEIGHT]);
	bind_range(st, BIND(MEAS, decay_low), &m->ranges[RANGE_DECAY]);
	bind_range(st, BIND(MEAS, cost_per_participant_low),
		   &m->ranges[RANGE_COST_PER_PARTICIPANT]);
	if (!insert)
		bind_row(st, MEASURE_COLUMN_COUNT, &m->row);
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
