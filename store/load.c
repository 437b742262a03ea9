/*
 * load.c: read the whole workbook from the file into engine structs.
 *
 * Every column is read through the typed readers of column.c: a value of
 * the wrong SQLite type, outside its range, text that is not UTF-8 or too
 * long for its buffer, an unknown key, a measure whose group is gone: each
 * is STORE_INVALID naming the table, row and column.  Rules across rows
 * and fields (payer shares summing to 1, from_age ≤ to_age) are left to
 * validate_workbook(), which store_load() runs afterwards.  Reads happen
 * in one read transaction so the picture is consistent even while another
 * process writes.  References are row ids in the file (doc/store.md) and
 * become the engine's text ids here.
 *
 * Must never: write to the file, print.
 */
#include "i18n/i18n.h"
#include "store/columns.h"
#include "store/internal.h"

#include <jansson.h>
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

/* snprintf(dst, size, "%s", src) without the format machinery: ids are
 * copied for every measure, and snprintf() was 3 % of opening 10 000. */
static void copy_text(char *dst, size_t size, const char *src)
{
	size_t n = strnlen(src, size - 1);
	memcpy(dst, src, n);
	dst[n] = '\0';
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
	int64_t id = 0, seed = 0;
	double draws = 0;
	bool ok = col_int(r, 0, "id", 1, 1, &id) && col_version(r, 1, &p->row) &&
		  col_text(r, COL(WB, name), p->name, sizeof p->name) &&
		  col_text(r, COL(WB, municipality), p->municipality,
			   sizeof p->municipality) &&
		  col_field_int(r, SEL(WB, base_year), FIELD_BASE_YEAR, &p->base_year) &&
		  col_field_int(r, SEL(WB, horizon), FIELD_HORIZON, &p->horizon) &&
		  col_key(r, COL(WB, discount_mode), discount_key_cb,
			  &p->discount.mode, _("«r109», «flat» eller «none»")) &&
		  col_field(r, SEL(WB, discount_rate), FIELD_DISCOUNT_RATE, &p->discount.rate) &&
		  col_field(r, SEL(WB, g_amount), FIELD_G_AMOUNT, &p->g_amount) &&
		  col_field_int(r, SEL(WB, price_year), FIELD_PRICE_YEAR, &p->price_year) &&
		  col_field(r, SEL(WB, real_growth), FIELD_REAL_GROWTH, &p->real_growth) &&
		  col_field_int(r, SEL(WB, plan_start_year), FIELD_PLAN_START_YEAR,
				&p->plan.start_year) &&
		  col_field_int(r, SEL(WB, plan_years), FIELD_PLAN_YEARS, &p->plan.years) &&
		  col_field(r, SEL(WB, draws), FIELD_DRAWS, &draws) &&
		  col_int(r, COL(WB, seed), 0, (int64_t)SEED_MAX, &seed);
	for (int c = CONFIDENCE_A; ok && c <= CONFIDENCE_D; c++)
		ok = col_field(r, SEL(WB, spread_a) + c - CONFIDENCE_A, FIELD_SPREAD,
			       &p->uncertainty.spread[c]);
	ok = ok && col_field(r, SEL(WB, tax_cost), FIELD_TAX_COST, &p->tax_cost);
	p->uncertainty.draws = (long)draws;
	p->uncertainty.seed = (uint64_t)seed;
	return row_done(r, ok, 0);
}

static enum store_status load_params(struct store *s, struct workbook *wb,
				     struct store_error *err)
{
	wb->params.row.id = 0;
	enum store_status status =
		each_row(s, "workbook",
			 "SELECT id, version" COLUMN_NAMES(WORKBOOK_COLUMNS) " FROM workbook",
			 wb, err, params_row);
	if (status == STORE_OK && wb->params.row.id != 1)
		status = store_fail(err, STORE_INVALID, s->path,
				    _("arbeidsboken mangler raden med parametre (tabellen workbook)"));
	return status;
}

static enum store_status sector_row(struct col_reader *r, struct workbook *wb)
{
	struct sector sec;
	memset(&sec, 0, sizeof sec);
	bool ok = col_version(r, 1, &sec.row) &&
		  col_text(r, COL(SEC, name), sec.name, sizeof sec.name);
	if (ok)
		col_owner(r, _("sektoren"), sec.name);
	ok = ok && col_text(r, COL(SEC, sid), sec.id, sizeof sec.id) &&
	     col_key(r, COL(SEC, bearer), bearer_key_cb, &sec.bearer,
		     _("«kommune», «fylkeskommune» eller «stat»")) &&
	     col_text(r, COL(SEC, kostra), sec.kostra, sizeof sec.kostra);
	return row_done(r, ok, ok ? workbook_add_sector(wb, &sec) : 0);
}

/* The declared sector with row id `ref`, or NULL. */
static const struct sector *sector_by_row(const struct workbook *wb, int64_t ref)
{
	for (size_t i = 0; i < wb->sector_count; i++)
		if (wb->sectors[i].row.id == ref)
			return &wb->sectors[i];
	return NULL;
}

static enum store_status group_row(struct col_reader *r, struct workbook *wb)
{
	struct target_group g;
	memset(&g, 0, sizeof g);
	bool ok = col_version(r, 1, &g.row) &&
		  col_text(r, COL(GRP, name), g.name, sizeof g.name);
	if (ok)
		col_owner(r, _("målgruppen"), g.name);
	ok = ok && col_text(r, COL(GRP, gid), g.id, sizeof g.id) &&
	     col_text(r, COL(GRP, description), g.description,
		      sizeof g.description) &&
	     col_field_int(r, SEL(GRP, entry_age), FIELD_ENTRY_AGE, &g.entry_age);
	return row_done(r, ok, ok ? workbook_add_group(wb, &g) : 0);
}

static bool item_kind_cb(const char *k, void *out)
{
	return item_kind_from_key(k, out);
}

/* The group loaded with row id `gref` (its index), or col_fail. */
static bool col_group(struct col_reader *r, int i, const struct workbook *wb, size_t *index)
{
	int64_t gref = 0;
	if (!col_int(r, i, "group_ref", 1, INT64_MAX, &gref))
		return false;
	for (size_t gi = 0; gi < wb->group_count; gi++)
		if (wb->groups[gi].row.id == gref) {
			*index = gi;
			return true;
		}
	return col_fail(r, i, "group_ref", "%s", _("id-en til en målgruppe som finnes"));
}

static enum store_status item_row(struct col_reader *r, struct workbook *wb)
{
	struct cost_item it;
	memset(&it, 0, sizeof it);
	int64_t sref = 0;
	size_t gi = 0;
	bool ok = col_version(r, 1, &it.row) &&
		  col_text(r, COL(ITEM, name), it.name, sizeof it.name);
	if (ok)
		col_owner(r, _("kostnadsposten"), it.name);
	ok = ok && col_group(r, SEL(ITEM, group_ref), wb, &gi) &&
	     col_key(r, COL(ITEM, kind), item_kind_cb, &it.kind,
		     _("«service», «transfer», «tax», «production» eller «welfare»"));
	it.bearer = BEARER_NONE;
	if (ok && sqlite3_column_type(r->st, SEL(ITEM, bearer)) != SQLITE_NULL)
		ok = col_key(r, COL(ITEM, bearer), bearer_key_cb, &it.bearer,
			     _("«kommune», «fylkeskommune», «stat» eller ingen verdi"));
	ok = ok && col_int_or_null(r, COL(ITEM, sector_ref), 1, INT64_MAX, 0, &sref);
	const struct sector *sec = ok && sref ? sector_by_row(wb, sref) : NULL;
	if (ok && sref && sec == NULL)
		ok = col_fail(r, COL(ITEM, sector_ref), "%s",
			      _("ingen verdi eller id-en til en sektor som finnes"));
	if (ok && sec)
		snprintf(it.sector, sizeof it.sector, "%s", sec->id);
	ok = ok && col_field(r, SEL(ITEM, amount), FIELD_ITEM_AMOUNT, &it.amount) &&
	     col_key(r, COL(ITEM, unit), unit_key_cb, &it.unit, _("«nok» eller «g»")) &&
	     col_field_int(r, SEL(ITEM, from_age), FIELD_ITEM_FROM_AGE, &it.from_age) &&
	     col_field_int(r, SEL(ITEM, to_age), FIELD_ITEM_TO_AGE, &it.to_age) &&
	     col_text(r, COL(ITEM, source), it.source, sizeof it.source) &&
	     col_key(r, COL(ITEM, confidence), confidence_key_cb, &it.confidence,
		     _("«A», «B», «C» eller «D»"));
	return row_done(r, ok, ok ? target_group_add_item(&wb->groups[gi], &it) : 0);
}

/*
 * The payer column: a JSON array of [sector, share] pairs, sector a
 * declared sector's row id or a bearer name (doc/store.md).  Each pair is
 * checked here for what it is (a number 0-1, a sector that exists); the
 * sum is left to validate_workbook().
 */

/*
 * The form rows_resolve_payer() writes, [[KEY,SHARE],…] with KEY a row id
 * or a quoted bearer name and no spaces, read without jansson: a jansson
 * tree per measure was 7 % of opening a 10 000-measure workbook.  Numbers
 * go through strtod() as jansson's do (LC_NUMERIC stays "C"), so the
 * shares have the same bits.  False for anything else (spaces, escapes,
 * a bad share or sector, a file edited by hand), which the jansson path
 * then reads, and refuses with its message.
 */
/* The end of a JSON number at t (RFC 8259's grammar), or NULL. */
static const char *json_number_end(const char *t)
{
	if (*t == '-')
		t++;
	if (*t == '0')
		t++;
	else if (*t >= '1' && *t <= '9')
		while (*t >= '0' && *t <= '9')
			t++;
	else
		return NULL;
	if (*t == '.') {
		t++;
		if (*t < '0' || *t > '9')
			return NULL;
		while (*t >= '0' && *t <= '9')
			t++;
	}
	if (*t == 'e' || *t == 'E') {
		t++;
		if (*t == '+' || *t == '-')
			t++;
		if (*t < '0' || *t > '9')
			return NULL;
		while (*t >= '0' && *t <= '9')
			t++;
	}
	return t;
}

/* One [KEY,SHARE] pair at *tp into p, *tp moved past it. */
static bool payer_pair(const char **tp, const struct workbook *wb, struct payer_share *p)
{
	const char *t = *tp;
	if (*t++ != '[')
		return false;
	if (*t == '"') {
		const char *close = strchr(t + 1, '"');
		char key[TEXT_ID_SIZE];
		enum bearer b;
		size_t n = close ? (size_t)(close - t - 1) : sizeof key;
		if (n >= sizeof key || memchr(t + 1, '\\', n) != NULL)
			return false;
		memcpy(key, t + 1, n);
		key[n] = '\0';
		if (!bearer_from_key(key, &b))
			return false;
		copy_text(p->sector, sizeof p->sector, bearer_key(b));
		t = close + 1;
	} else {
		/* A row id: digits only, no leading zero (JSON has none). */
		const char *digits = t;
		while (*digits >= '0' && *digits <= '9')
			digits++;
		if (digits == t || (*t == '0' && digits - t > 1))
			return false;
		const struct sector *sec = sector_by_row(wb, strtoll(t, NULL, 10));
		if (sec == NULL)
			return false;
		copy_text(p->sector, sizeof p->sector, sec->id);
		t = digits;
	}
	if (*t++ != ',')
		return false;
	/* Only a JSON number: strtod() takes more (hex, inf, nan). */
	const char *number_end = json_number_end(t);
	if (number_end == NULL || *number_end != ']')
		return false;
	char *end;
	double v = strtod(t, &end);
	if (end != number_end || !(v >= 0 && v <= 1))
		return false;
	p->share = v;
	*tp = end + 1;
	return true;
}

static bool payer_fast(const char *t, const struct workbook *wb, struct measure *m)
{
	struct payer_share share[PAYER_SHARES_MAX];
	int count = 0;
	if (*t++ != '[')
		return false;
	if (*t != ']')
		for (;;) {
			if (count >= PAYER_SHARES_MAX || !payer_pair(&t, wb, &share[count]))
				return false;
			count++;
			if (*t != ',')
				break;
			t++;
		}
	if (*t != ']' || t[1] != '\0')
		return false;
	m->payer_count = count;
	memcpy(m->payer, share, (size_t)count * sizeof *share);
	return true;
}

static bool col_payer(struct col_reader *r, int i, const struct workbook *wb, struct measure *m)
{
	const char *text = col_text_raw(r, i, "payer", 4 * STORE_PAYER_SIZE);
	if (text == NULL)
		return false;
	if (payer_fast(text, wb, m))
		return true;
	json_t *arr = json_loads(text, JSON_REJECT_DUPLICATES, NULL);
	bool ok = json_is_array(arr) && json_array_size(arr) <= PAYER_SHARES_MAX;
	m->payer_count = 0;
	for (size_t k = 0; ok && k < json_array_size(arr); k++) {
		json_t *pair = json_array_get(arr, k);
		json_t *key = json_array_get(pair, 0), *share = json_array_get(pair, 1);
		double v = json_number_value(share);
		enum bearer b;
		const struct sector *sec = NULL;
		struct payer_share *p = &m->payer[m->payer_count];
		if (!json_is_array(pair) || json_array_size(pair) != 2 || !json_is_number(share) ||
		    !(v >= 0 && v <= 1))
			ok = false;
		else if (json_is_string(key) && bearer_from_key(json_string_value(key), &b))
			copy_text(p->sector, sizeof p->sector, bearer_key(b));
		else if (json_is_integer(key) &&
			 (sec = sector_by_row(wb, json_integer_value(key))) != NULL)
			copy_text(p->sector, sizeof p->sector, sec->id);
		else
			ok = false;
		p->share = v;
		m->payer_count += ok ? 1 : 0;
	}
	json_decref(arr);
	return ok || col_fail(r, i, "payer", "%s",
			      _("[[sektor, andel], …] med andeler fra 0 til 1 og sektorer som "
				"finnes"));
}

/* A range's low and high columns: both NULL (no range) or both numbers. */
static bool col_range(struct col_reader *r, int i, enum range_field f, double max,
		      struct value_range *out)
{
	bool none_low = sqlite3_column_type(r->st, i) == SQLITE_NULL;
	bool none_high = sqlite3_column_type(r->st, i + 1) == SQLITE_NULL;
	out->set = false;
	if (none_low && none_high)
		return r->status == STORE_OK;
	/* The column names only when a range is there (most are not). */
	char low[64], high[64];
	snprintf(low, sizeof low, "%s_low", range_field_key(f));
	snprintf(high, sizeof high, "%s_high", range_field_key(f));
	if (none_low || none_high)
		return col_fail(r, none_low ? i : i + 1, none_low ? low : high, "%s",
				_("et tall når den andre grensen har et (begge eller ingen)"));
	out->set = true;
	return col_real(r, i, low, 0, max, &out->low) &&
	       col_real(r, i + 1, high, 0, max, &out->high);
}

static enum store_status measure_row(struct col_reader *r, struct workbook *wb)
{
	struct measure m;
	measure_defaults(&m);
	int64_t participants = 0, effect = 0, enabled = 0;
	size_t gi = 0;
	bool ok = col_version(r, 1, &m.row) &&
		  col_text(r, COL(MEAS, name), m.name, sizeof m.name);
	if (ok)
		col_owner(r, _("tiltaket"), m.name);
	ok = ok && col_group(r, SEL(MEAS, group_ref), wb, &gi);
	if (ok) {
		copy_text(m.group_id, sizeof m.group_id, wb->groups[gi].id);
		m.group_row = wb->groups[gi].row;
	}
	const struct field_range *pr = field_range(FIELD_PARTICIPANTS);
	const struct field_range *er = field_range(FIELD_EFFECT_YEARS);
	ok = ok &&
	     col_int(r, COL(MEAS, participants), (int64_t)pr->min, (int64_t)pr->max,
		     &participants) &&
	     col_field_int(r, SEL(MEAS, start_year), FIELD_START_YEAR, &m.start_year) &&
	     col_field_int(r, SEL(MEAS, start_age), FIELD_START_AGE, &m.start_age) &&
	     col_field_int(r, SEL(MEAS, duration), FIELD_DURATION, &m.duration) &&
	     col_field(r, SEL(MEAS, cost_per_participant), FIELD_COST_PER_PARTICIPANT,
		       &m.cost_per_participant) &&
	     col_payer(r, SEL(MEAS, payer), wb, &m) &&
	     col_field(r, SEL(MEAS, success_rate), FIELD_SUCCESS_RATE, &m.success_rate) &&
	     col_field(r, SEL(MEAS, deadweight), FIELD_DEADWEIGHT, &m.deadweight) &&
	     col_field_int(r, SEL(MEAS, lag), FIELD_LAG, &m.lag) &&
	     col_int_or_null(r, COL(MEAS, effect_years), (int64_t)er->min,
			     (int64_t)er->max, 0, &effect) &&
	     col_field(r, SEL(MEAS, decay), FIELD_DECAY, &m.decay) &&
	     col_int(r, COL(MEAS, enabled), 0, 1, &enabled) &&
	     col_range(r, SEL(MEAS, success_rate_low), RANGE_SUCCESS_RATE, 1,
		       &m.ranges[RANGE_SUCCESS_RATE]) &&
	     col_range(r, SEL(MEAS, deadweight_low), RANGE_DEADWEIGHT, 1,
		       &m.ranges[RANGE_DEADWEIGHT]) &&
	     col_range(r, SEL(MEAS, decay_low), RANGE_DECAY, 1, &m.ranges[RANGE_DECAY]) &&
	     col_range(r, SEL(MEAS, cost_per_participant_low), RANGE_COST_PER_PARTICIPANT,
		       AMOUNT_LIMIT, &m.ranges[RANGE_COST_PER_PARTICIPANT]);
	m.participants = (long)participants;
	m.effect_years = (int)effect;
	m.enabled = enabled != 0;
	return row_done(r, ok, ok ? workbook_add_measure(wb, &m) : 0);
}

/* A table's rows in creation order, columns as columns.h lists them. */
#define SELECT_SQL(table, LIST) \
	"SELECT id, version" COLUMN_NAMES(LIST) " FROM " table " ORDER BY id"

enum store_status rows_load(struct store *s, struct workbook *wb, struct store_error *err)
{
	static const struct {
		const char *table;
		const char *sql;
		enum store_status (*row)(struct col_reader *r, struct workbook *wb);
	} tables[] = {
		{"sectors", SELECT_SQL("sectors", SECTOR_COLUMNS), sector_row},
		{"groups", SELECT_SQL("groups", GROUP_COLUMNS), group_row},
		{"items", SELECT_SQL("items", ITEM_COLUMNS), item_row},
		{"measures", SELECT_SQL("measures", MEASURE_COLUMNS), measure_row},
	};
	workbook_free(wb);
	int rc = store_exec(s->db, "BEGIN");
	if (rc != SQLITE_OK)
		return store_fail_sqlite(err, s->path, s->db, rc, _("lese"));
	enum store_status status = load_params(s, wb, err);
	for (size_t t = 0; status == STORE_OK && t < sizeof tables / sizeof tables[0]; t++)
		status = each_row(s, tables[t].table, tables[t].sql, wb, err, tables[t].row);
	int64_t dv = 0;
	if (status == STORE_OK && store_query_int(s->db, "PRAGMA data_version", &dv) == SQLITE_OK)
		s->data_version = dv;
	store_exec(s->db, "COMMIT");
	if (status != STORE_OK)
		workbook_free(wb);
	return status;
}
