/*
 * load.c: read the whole workbook from the file into engine structs.
 *
 * A value that cannot be represented (text longer than its buffer, an
 * unknown bearer, a measure whose group is gone) is STORE_INVALID naming
 * the row; range problems are left to validate_workbook(), which
 * store_load() runs afterwards.  Reads happen in one read transaction so
 * the picture is consistent even while another process writes.
 *
 * Must never: write to the file, print.
 */
#include "i18n/i18n.h"
#include "store/internal.h"

#include <stdlib.h>
#include <string.h>

static const char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

/* Copy a text column into a buffer; false when it does not fit. */
static bool take_text(sqlite3_stmt *st, int i, char *dst, size_t size)
{
	return text_set(dst, size, col_text(st, i));
}

static enum store_status bad_row(struct store *s, struct store_error *err, const char *what,
				 long long id, const char *field, const char *value)
{
	return store_fail(err, STORE_INVALID, s->path,
			  _("%s med id %lld har ugyldig %s «%.60s»; rett raden eller importer "
			  "arbeidsboken på nytt"),
			  what, id, field, value);
}

static enum store_status load_params(struct store *s, struct workbook *wb,
				     struct store_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db,
				    "SELECT id, version, name, municipality, base_year, horizon,"
				    " discount_mode, discount_rate, g_amount FROM workbook WHERE id = 1",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	rc = sqlite3_step(st);
	enum store_status status = STORE_OK;
	struct workbook_params *p = &wb->params;
	if (rc == SQLITE_ROW) {
		p->row.id = sqlite3_column_int64(st, 0);
		p->row.version = sqlite3_column_int64(st, 1);
		p->base_year = sqlite3_column_int(st, 4);
		/* Version-1 files have no price year or plan: both start at t = 0. */
		p->price_year = p->base_year;
		p->plan.start_year = p->base_year;
		p->horizon = sqlite3_column_int(st, 5);
		p->discount.rate = sqlite3_column_double(st, 7);
		p->g_amount = sqlite3_column_double(st, 8);
		if (!take_text(st, 2, p->name, sizeof p->name))
			status = bad_row(s, err, _("arbeidsboken"), 1, _("navn"), col_text(st, 2));
		else if (!take_text(st, 3, p->municipality, sizeof p->municipality))
			status = bad_row(s, err, _("arbeidsboken"), 1, _("kommune"), col_text(st, 3));
		else if (!discount_mode_from_key(col_text(st, 6), &p->discount.mode))
			status = bad_row(s, err, _("arbeidsboken"), 1, _("diskontering"),
					 col_text(st, 6));
	} else if (rc == SQLITE_DONE) {
		status = store_fail(err, STORE_INVALID, s->path,
				    _("arbeidsboken mangler raden med parametre (tabellen workbook)"));
	} else {
		status = store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	}
	sqlite3_finalize(st);
	return status;
}

static enum store_status load_groups(struct store *s, struct workbook *wb,
				     struct store_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db,
				    "SELECT id, version, gid, name, description, entry_age"
				    " FROM groups ORDER BY id",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	enum store_status status = STORE_OK;
	while (status == STORE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct target_group g;
		memset(&g, 0, sizeof g);
		long long id = sqlite3_column_int64(st, 0);
		g.row.id = id;
		g.row.version = sqlite3_column_int64(st, 1);
		g.entry_age = sqlite3_column_int(st, 5);
		if (!take_text(st, 2, g.id, sizeof g.id))
			status = bad_row(s, err, _("målgruppen"), id, _("id"), col_text(st, 2));
		else if (!take_text(st, 3, g.name, sizeof g.name))
			status = bad_row(s, err, _("målgruppen"), id, _("navn"), col_text(st, 3));
		else if (!take_text(st, 4, g.description, sizeof g.description))
			status = bad_row(s, err, _("målgruppen"), id, _("beskrivelse"), "…");
		else if (workbook_add_group(wb, &g) < 0)
			status = store_fail(err, STORE_NOMEM, s->path, _("ikke nok minne"));
	}
	if (status == STORE_OK && rc != SQLITE_DONE)
		status = store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	sqlite3_finalize(st);
	return status;
}

static enum store_status load_items(struct store *s, struct workbook *wb,
				    struct store_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db,
				    "SELECT id, version, group_ref, name, bearer, amount, unit,"
				    " from_age, to_age, source, confidence FROM items ORDER BY id",
				    -1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	enum store_status status = STORE_OK;
	while (status == STORE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct cost_item it;
		memset(&it, 0, sizeof it);
		long long id = sqlite3_column_int64(st, 0);
		int64_t gref = sqlite3_column_int64(st, 2);
		it.row.id = id;
		it.row.version = sqlite3_column_int64(st, 1);
		it.amount = sqlite3_column_double(st, 5);
		it.from_age = sqlite3_column_int(st, 7);
		it.to_age = sqlite3_column_int(st, 8);
		size_t gi = 0;
		while (gi < wb->group_count && wb->groups[gi].row.id != gref)
			gi++;
		if (gi == wb->group_count)
			status = bad_row(s, err, _("kostnadsposten"), id, _("målgruppe"), "");
		else if (!take_text(st, 3, it.name, sizeof it.name))
			status = bad_row(s, err, _("kostnadsposten"), id, _("navn"), col_text(st, 3));
		else if (!bearer_from_key(col_text(st, 4), &it.bearer))
			status = bad_row(s, err, _("kostnadsposten"), id, _("bærer"), col_text(st, 4));
		else if (!unit_from_key(col_text(st, 6), &it.unit))
			status = bad_row(s, err, _("kostnadsposten"), id, _("enhet"), col_text(st, 6));
		else if (!take_text(st, 9, it.source, sizeof it.source))
			status = bad_row(s, err, _("kostnadsposten"), id, _("kilde"), "…");
		else if (!confidence_from_key(col_text(st, 10), &it.confidence))
			status = bad_row(s, err, _("kostnadsposten"), id, _("sikkerhet"),
					 col_text(st, 10));
		else if (target_group_add_item(&wb->groups[gi], &it) < 0)
			status = store_fail(err, STORE_NOMEM, s->path, _("ikke nok minne"));
	}
	if (status == STORE_OK && rc != SQLITE_DONE)
		status = store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	sqlite3_finalize(st);
	return status;
}

static enum store_status load_measures(struct store *s, struct workbook *wb,
				       struct store_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(
		s->db,
		"SELECT m.id, m.version, m.name, g.gid, m.participants, m.start_year,"
		" m.start_age, m.duration, m.cost_per_participant, m.payer_kommune,"
		" m.payer_fylkeskommune, m.payer_stat, m.success_rate, m.deadweight, m.lag,"
		" m.effect_years, m.decay, m.enabled"
		" FROM measures m LEFT JOIN groups g ON g.id = m.group_ref ORDER BY m.id",
		-1, &st, NULL);
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	enum store_status status = STORE_OK;
	while (status == STORE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct measure m;
		measure_defaults(&m);
		long long id = sqlite3_column_int64(st, 0);
		m.row.id = id;
		m.row.version = sqlite3_column_int64(st, 1);
		m.participants = (long)sqlite3_column_int64(st, 4);
		m.start_year = sqlite3_column_int(st, 5);
		m.start_age = sqlite3_column_int(st, 6);
		m.duration = sqlite3_column_int(st, 7);
		m.cost_per_participant = sqlite3_column_double(st, 8);
		double shares[BEARER_COUNT];
		for (int b = 0; b < BEARER_COUNT; b++)
			shares[b] = sqlite3_column_double(st, 9 + b);
		measure_payer_set_bearers(&m, shares);
		m.success_rate = sqlite3_column_double(st, 12);
		m.deadweight = sqlite3_column_double(st, 13);
		m.lag = sqlite3_column_int(st, 14);
		m.effect_years = sqlite3_column_type(st, 15) == SQLITE_NULL
					 ? 0
					 : sqlite3_column_int(st, 15);
		m.decay = sqlite3_column_double(st, 16);
		m.enabled = sqlite3_column_int(st, 17) != 0;
		if (!take_text(st, 2, m.name, sizeof m.name))
			status = bad_row(s, err, _("tiltaket"), id, _("navn"), col_text(st, 2));
		else if (sqlite3_column_type(st, 3) == SQLITE_NULL)
			status = bad_row(s, err, _("tiltaket"), id, _("målgruppe"), "");
		else if (!take_text(st, 3, m.group_id, sizeof m.group_id))
			status = bad_row(s, err, _("tiltaket"), id, _("målgruppe"), col_text(st, 3));
		else if (workbook_add_measure(wb, &m) < 0)
			status = store_fail(err, STORE_NOMEM, s->path, _("ikke nok minne"));
	}
	if (status == STORE_OK && rc != SQLITE_DONE)
		status = store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	sqlite3_finalize(st);
	return status;
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
