/*
 * load.c: read the whole workbook from the file into engine structs.
 *
 * Every column is read through the typed readers of column.c: a value of
 * the wrong SQLite type, outside its range, text that is not UTF-8 or too
 * long for its buffer, an unknown key, a measure whose group is gone: each
 * is STORE_INVALID naming the table, row and column.  Rules across rows
 * and fields (payer shares summing to 1, from_age ≤ to_age) are left to
 * validate_workbook(), which store_load() runs afterwards.  Reads happen in one read transaction so
 * the picture is consistent even while another process writes.
 *
 * Must never: write to the file, print.
 */
#include "i18n/i18n.h"
#include "store/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Step a statement over one table's rows, handing each row to `row`. */
static enum store_status each_row(struct store *s, const char *table, const char *sql,
				  struct workbook *wb,
				  struct store_error *err,
				  enum store_status (*row)(struct col_reader *r, struct workbook *wb))
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	enum store_status status = STORE_OK;
	while (status == STORE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct col_reader r;
		col_begin(&r, s, st, table, err);
		status = row(&r, wb);
	}
	if (status == STORE_OK && rc != SQLITE_DONE)
		status = store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	sqlite3_finalize(st);
	return status;
}

/* The reader's verdict on the row, or out of memory when `added` < 0. */
static enum store_status row_done(struct col_reader *r, bool ok, long added)
{
	if (!ok)
		return r->status;
	if (added < 0)
		return store_fail(r->err, STORE_NOMEM, r->s->path, _("ikke nok minne"));
	return STORE_OK;
}

/* A text column holding one of the engine's keys ("kommune", "g", …). */
static bool col_key(struct col_reader *r, int i, const char *column,
		    bool (*from_key)(const char *key, void *out), void *out, const char *allowed)
{
	const char *t = col_text_raw(r, i, column, TEXT_ID_SIZE);
	if (t == NULL)
		return false;
	if (!from_key(t, out))
		return col_fail(r, i, column, "%s", allowed);
	return true;
}

static bool bearer_key_cb(const char *k, void *out)
{
	return bearer_from_key(k, out);
}
static bool unit_key_cb(const char *k, void *out)
{
	return unit_from_key(k, out);
}
static bool confidence_key_cb(const char *k, void *out)
{
	return confidence_from_key(k, out);
}
static bool discount_key_cb(const char *k, void *out)
{
	return discount_mode_from_key(k, out);
}

static bool col_version(struct col_reader *r, int i, struct row_ref *ref)
{
	ref->id = r->row;
	return col_int(r, i, "version", 1, INT64_MAX, &ref->version);
}

static enum store_status params_row(struct col_reader *r, struct workbook *wb)
{
	struct workbook_params *p = &wb->params;
	int64_t id = 0;
	bool ok = col_int(r, 0, "id", 1, 1, &id) && col_version(r, 1, &p->row) &&
		  col_text(r, 2, "name", p->name, sizeof p->name) &&
		  col_text(r, 3, "municipality", p->municipality, sizeof p->municipality) &&
		  col_field_int(r, 4, FIELD_BASE_YEAR, &p->base_year) &&
		  col_field_int(r, 5, FIELD_HORIZON, &p->horizon) &&
		  col_key(r, 6, "discount_mode", discount_key_cb, &p->discount.mode,
			  _("«r109», «flat» eller «none»")) &&
		  col_field(r, 7, FIELD_DISCOUNT_RATE, &p->discount.rate) &&
		  col_field(r, 8, FIELD_G_AMOUNT, &p->g_amount);
	p->price_year = p->base_year;
	p->plan.start_year = p->base_year;
	return row_done(r, ok, 0);
}

static enum store_status load_params(struct store *s, struct workbook *wb,
				     struct store_error *err)
{
	wb->params.row.id = 0;
	enum store_status status =
		each_row(s, "workbook",
			 "SELECT id, version, name, municipality, base_year, horizon,"
			 " discount_mode, discount_rate, g_amount FROM workbook",
			 wb, err, params_row);
	if (status == STORE_OK && wb->params.row.id != 1)
		status = store_fail(err, STORE_INVALID, s->path,
				    _("arbeidsboken mangler raden med parametre (tabellen workbook)"));
	return status;
}

static enum store_status group_row(struct col_reader *r, struct workbook *wb)
{
	struct target_group g;
	memset(&g, 0, sizeof g);
	bool ok = col_version(r, 1, &g.row) && col_text(r, 3, "name", g.name, sizeof g.name);
	if (ok)
		col_owner(r, _("målgruppen"), g.name);
	ok = ok && col_text(r, 2, "gid", g.id, sizeof g.id) &&
	     col_text(r, 4, "description", g.description, sizeof g.description) &&
	     col_field_int(r, 5, FIELD_ENTRY_AGE, &g.entry_age);
	return row_done(r, ok, ok ? workbook_add_group(wb, &g) : 0);
}

static enum store_status item_row(struct col_reader *r, struct workbook *wb)
{
	struct cost_item it;
	memset(&it, 0, sizeof it);
	int64_t gref = 0;
	bool ok = col_version(r, 1, &it.row) && col_text(r, 3, "name", it.name, sizeof it.name);
	if (ok)
		col_owner(r, _("kostnadsposten"), it.name);
	ok = ok && col_int(r, 2, "group_ref", 1, INT64_MAX, &gref);
	size_t gi = 0;
	while (ok && gi < wb->group_count && wb->groups[gi].row.id != gref)
		gi++;
	if (ok && gi == wb->group_count)
		ok = col_fail(r, 2, "group_ref", "%s", _("id-en til en målgruppe som finnes"));
	ok = ok &&
	     col_key(r, 4, "bearer", bearer_key_cb, &it.bearer,
		     _("«kommune», «fylkeskommune» eller «stat»")) &&
	     col_field(r, 5, FIELD_ITEM_AMOUNT, &it.amount) &&
	     col_key(r, 6, "unit", unit_key_cb, &it.unit, _("«nok» eller «g»")) &&
	     col_field_int(r, 7, FIELD_ITEM_FROM_AGE, &it.from_age) &&
	     col_field_int(r, 8, FIELD_ITEM_TO_AGE, &it.to_age) &&
	     col_text(r, 9, "source", it.source, sizeof it.source) &&
	     col_key(r, 10, "confidence", confidence_key_cb, &it.confidence,
		     _("«A», «B», «C» eller «D»"));
	return row_done(r, ok, ok ? target_group_add_item(&wb->groups[gi], &it) : 0);
}

static enum store_status measure_row(struct col_reader *r, struct workbook *wb)
{
	struct measure m;
	measure_defaults(&m);
	int64_t gref = 0, participants = 0, effect = 0, enabled = 0;
	double shares[BEARER_COUNT] = {0};
	bool ok = col_version(r, 1, &m.row) && col_text(r, 2, "name", m.name, sizeof m.name);
	if (ok)
		col_owner(r, _("tiltaket"), m.name);
	ok = ok && col_int(r, 3, "group_ref", 1, INT64_MAX, &gref);
	size_t gi = 0;
	while (ok && gi < wb->group_count && wb->groups[gi].row.id != gref)
		gi++;
	if (ok && gi == wb->group_count)
		ok = col_fail(r, 3, "group_ref", "%s", _("id-en til en målgruppe som finnes"));
	if (ok)
		snprintf(m.group_id, sizeof m.group_id, "%s", wb->groups[gi].id);
	const struct field_range *pr = field_range(FIELD_PARTICIPANTS);
	const struct field_range *er = field_range(FIELD_EFFECT_YEARS);
	ok = ok && col_int(r, 4, pr->key, (int64_t)pr->min, (int64_t)pr->max, &participants) &&
	     col_field_int(r, 5, FIELD_START_YEAR, &m.start_year) &&
	     col_field_int(r, 6, FIELD_START_AGE, &m.start_age) &&
	     col_field_int(r, 7, FIELD_DURATION, &m.duration) &&
	     col_field(r, 8, FIELD_COST_PER_PARTICIPANT, &m.cost_per_participant) &&
	     col_real(r, 9, "payer_kommune", 0, 1, &shares[BEARER_KOMMUNE]) &&
	     col_real(r, 10, "payer_fylkeskommune", 0, 1, &shares[BEARER_FYLKESKOMMUNE]) &&
	     col_real(r, 11, "payer_stat", 0, 1, &shares[BEARER_STAT]) &&
	     col_field(r, 12, FIELD_SUCCESS_RATE, &m.success_rate) &&
	     col_field(r, 13, FIELD_DEADWEIGHT, &m.deadweight) &&
	     col_field_int(r, 14, FIELD_LAG, &m.lag) &&
	     col_int_or_null(r, 15, er->key, (int64_t)er->min, (int64_t)er->max, 0, &effect) &&
	     col_field(r, 16, FIELD_DECAY, &m.decay) && col_int(r, 17, "enabled", 0, 1, &enabled);
	m.participants = (long)participants;
	m.effect_years = (int)effect;
	m.enabled = enabled != 0;
	measure_payer_set_bearers(&m, shares);
	return row_done(r, ok, ok ? workbook_add_measure(wb, &m) : 0);
}

static enum store_status load_groups(struct store *s, struct workbook *wb,
				     struct store_error *err)
{
	return each_row(s, "groups",
			"SELECT id, version, gid, name, description, entry_age"
			" FROM groups ORDER BY id",
			wb, err, group_row);
}

static enum store_status load_items(struct store *s, struct workbook *wb,
				    struct store_error *err)
{
	return each_row(s, "items",
			"SELECT id, version, group_ref, name, bearer, amount, unit,"
			" from_age, to_age, source, confidence FROM items ORDER BY id",
			wb, err, item_row);
}

static enum store_status load_measures(struct store *s, struct workbook *wb,
				       struct store_error *err)
{
	return each_row(s, "measures",
			"SELECT id, version, name, group_ref, participants, start_year,"
			" start_age, duration, cost_per_participant, payer_kommune,"
			" payer_fylkeskommune, payer_stat, success_rate, deadweight, lag,"
			" effect_years, decay, enabled FROM measures ORDER BY id",
			wb, err, measure_row);
}

enum store_status rows_load(struct store *s, struct workbook *wb, struct store_error *err)
{
	workbook_free(wb);
	int rc = store_exec(s->db, "BEGIN");
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	enum store_status status = load_params(s, wb, err);
	if (status == STORE_OK)
		status = load_groups(s, wb, err);
	if (status == STORE_OK)
		status = load_items(s, wb, err);
	if (status == STORE_OK)
		status = load_measures(s, wb, err);
	int64_t dv = 0;
	if (status == STORE_OK && store_query_int(s->db, "PRAGMA data_version", &dv) == SQLITE_OK)
		s->data_version = dv;
	store_exec(s->db, "COMMIT");
	if (status != STORE_OK)
		workbook_free(wb);
	return status;
}
