/*
 * session.c: opening, closing, polling and reloading the workbook, and
 * naming rows by id (see session.h).
 *
 * Must never: call curses, print, or exit().
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "i18n/i18n.h"
#include "session/internal.h"

enum diag_code session_store_diag(const struct session *s, enum store_status st,
				  const struct store_error *err, const char *prefix,
				  struct diag *d)
{
	enum diag_code code;
	switch (st) {
	case STORE_OK: return DIAG_OK;
	case STORE_REFUSED:
	case STORE_INVALID: code = DIAG_INVALID; break;
	case STORE_CONFLICT: code = DIAG_CONFLICT; break;
	case STORE_READ_ONLY: code = DIAG_READ_ONLY; break;
	case STORE_NOTHING: code = DIAG_NOTHING; break;
	case STORE_NOMEM: code = DIAG_NOMEM; break;
	default: code = DIAG_IO; break;
	}
	/* The store names the file first; the caller already shows it. */
	const char *msg = err != NULL ? err->message : "";
	const char *path = s != NULL && s->store != NULL ? store_path(s->store) : NULL;
	size_t n = path != NULL ? strlen(path) : 0;
	if (n > 0 && strncmp(msg, path, n) == 0 && msg[n] == ':' && msg[n + 1] == ' ')
		msg += n + 2;
	return diag_set(d, code, "%s%s", prefix != NULL ? prefix : "", msg);
}

enum diag_code session_refuse_read_only(const struct session *s, struct diag *d)
{
	const char *why = store_read_only_notice(s->store);
	return diag_set(d, DIAG_READ_ONLY,
			_("Arbeidsboka er åpnet skrivebeskyttet%s%s: endringer lagres ikke"),
			why ? ": " : "", why ? why : "");
}

enum diag_code session_may_write(const struct session *s, struct diag *d)
{
	diag_clear(d);
	if (s->read_only)
		return session_refuse_read_only(s, d);
	if (s->draft.active)
		return diag_set(d, DIAG_INVALID, "%s", _("Et felt er under redigering"));
	return DIAG_OK;
}

enum diag_code session_open(const char *path, unsigned flags, struct session **out,
			    bool *created, struct diag *d)
{
	diag_clear(d);
	*out = NULL;
	if (created != NULL)
		*created = false;
	struct stat st;
	bool exists = stat(path, &st) == 0;
	if (!exists && errno == ENOENT && !(flags & SESSION_CREATE))
		return diag_set(d, DIAG_NOT_FOUND,
				_("%s finnes ikke (lag en ny med «utenfor new %s»)"), path, path);
	struct session *s = calloc(1, sizeof *s);
	if (s == NULL)
		return diag_set(d, DIAG_NOMEM, "%s", _("tomt for minne"));
	workbook_init(&s->wb);
	/* The interface paints before the undo history is checked (store/check.c). */
	unsigned sf = (flags & SESSION_READ_ONLY) ? STORE_OPEN_READ_ONLY
		      : STORE_OPEN_CHECK_LATER |
				(flags & SESSION_CREATE ? STORE_OPEN_CREATE_DEFAULT : 0);
	struct store_error err = {0};
	enum store_status ss = store_open(path, sf, &s->store, &err);
	if (ss != STORE_OK) {
		/* Here the path is the news: keep it in the message. */
		enum diag_code c = session_store_diag(NULL, ss, &err, NULL, d);
		free(s);
		return c;
	}
	if (created != NULL)
		*created = !exists;
	s->read_only = store_is_read_only(s->store);
	enum diag_code c = session_reload(s, d);
	if (c != DIAG_OK) {
		session_close(s);
		return c;
	}
	session_estimate_reset(s, (struct row_key){ROW_MEASURE, 0});
	s->changes = SC_ALL;
	*out = s;
	return DIAG_OK;
}

void session_close(struct session *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->analysis_count; i++)
		s->analyses[i].c->destroy(s->analyses[i].self);
	if (s->store != NULL)
		store_close(s->store);
	workbook_free(&s->wb);
	free(s);
}

bool session_default_path(char *buf, size_t size)
{
	return store_default_path(buf, size);
}

bool session_names_workbook(const char *path)
{
	static const char ext[] = ".utenfor";
	size_t n = strlen(path), e = sizeof ext - 1;
	const char *slash = strrchr(path, '/');
	const char *base = slash != NULL ? slash + 1 : path;
	return n > e && strcmp(path + n - e, ext) == 0 && strlen(base) > e;
}

const char *session_path(const struct session *s)
{
	return store_path(s->store);
}

void session_set_undo_steps(struct session *s, int steps)
{
	if (steps >= 0 && s->store != NULL)
		store_set_undo_steps(s->store, steps);
}

bool session_read_only(const struct session *s)
{
	return s->read_only;
}

const char *session_read_only_notice(const struct session *s)
{
	return store_read_only_notice(s->store);
}

const struct workbook *session_workbook(const struct session *s)
{
	return &s->wb;
}

const struct estimate_inputs *session_estimate(const struct session *s)
{
	return &s->est;
}

unsigned session_generation(const struct session *s)
{
	return s->generation;
}

long session_index(const struct session *s, struct row_key key, long *group)
{
	if (group != NULL)
		*group = -1;
	const struct workbook *wb = &s->wb;
	switch (key.kind) {
	case ROW_PARAMS:
	case ROW_ESTIMATE:
		return 0;
	case ROW_MEASURE:
		for (size_t i = 0; i < wb->measure_count; i++)
			if (key.id != 0 && wb->measures[i].row.id == key.id)
				return (long)i;
		return -1;
	case ROW_GROUP:
		for (size_t i = 0; i < wb->group_count; i++)
			if (key.id != 0 && wb->groups[i].row.id == key.id)
				return (long)i;
		return -1;
	case ROW_SECTOR:
		for (size_t i = 0; i < wb->sector_count; i++)
			if (key.id != 0 && wb->sectors[i].row.id == key.id)
				return (long)i;
		return -1;
	case ROW_ITEM:
		for (size_t g = 0; g < wb->group_count; g++)
			for (size_t i = 0; i < wb->groups[g].item_count; i++)
				if (key.id != 0 && wb->groups[g].items[i].row.id == key.id) {
					if (group != NULL)
						*group = (long)g;
					return (long)i;
				}
		return -1;
	}
	return -1;
}

void *session_row(struct session *s, struct row_key key)
{
	long g;
	long i = session_index(s, key, &g);
	if (i < 0)
		return NULL;
	switch (key.kind) {
	case ROW_PARAMS: return &s->wb.params;
	case ROW_ESTIMATE: return &s->est;
	case ROW_MEASURE: return &s->wb.measures[i];
	case ROW_GROUP: return &s->wb.groups[i];
	case ROW_ITEM: return &s->wb.groups[g].items[i];
	case ROW_SECTOR: return &s->wb.sectors[i];
	}
	return NULL;
}

struct row_key session_sector_key(const struct session *s, size_t i)
{
	struct row_key k = {ROW_SECTOR, 0};
	if (i < s->wb.sector_count)
		k.id = s->wb.sectors[i].row.id;
	return k;
}

struct row_key session_measure_key(const struct session *s, size_t i)
{
	struct row_key k = {ROW_MEASURE, 0};
	if (i < s->wb.measure_count)
		k.id = s->wb.measures[i].row.id;
	return k;
}

struct row_key session_group_key(const struct session *s, size_t i)
{
	struct row_key k = {ROW_GROUP, 0};
	if (i < s->wb.group_count)
		k.id = s->wb.groups[i].row.id;
	return k;
}

struct row_key session_item_key(const struct session *s, size_t g, size_t i)
{
	struct row_key k = {ROW_ITEM, 0};
	if (g < s->wb.group_count && i < s->wb.groups[g].item_count)
		k.id = s->wb.groups[g].items[i].row.id;
	return k;
}

const struct field_desc *session_fields(enum row_kind kind, size_t *count)
{
	switch (kind) {
	case ROW_PARAMS: *count = params_field_count; return params_fields;
	case ROW_GROUP: *count = group_field_count; return group_fields;
	case ROW_SECTOR: *count = sector_field_count; return sector_fields;
	case ROW_ITEM: *count = item_field_count; return item_fields;
	case ROW_MEASURE: *count = measure_field_count; return measure_fields;
	case ROW_ESTIMATE: *count = estimate_field_count; return estimate_fields;
	}
	*count = 0;
	return NULL;
}

/* The field of fs[0 … n-1] whose key or label (either language) is `name`. */
static const struct field_desc *named_exactly(const struct field_desc *fs, size_t n,
					      const char *name)
{
	for (size_t i = 0; i < n; i++)
		if ((fs[i].key != NULL && strcasecmp(fs[i].key, name) == 0) ||
		    strcasecmp(fs[i].label, name) == 0 || strcasecmp(_(fs[i].label), name) == 0)
			return &fs[i];
	return NULL;
}

const struct field_desc *session_field_named(enum row_kind kind, const char *name)
{
	size_t n, ends_n;
	const struct field_desc *fs = session_fields(kind, &n);
	const struct field_desc *f = named_exactly(fs, n, name);
	/* A measure's range ends are named too ("ranges.success_rate.low"). */
	if (f == NULL && kind == ROW_MEASURE) {
		const struct field_desc *ends = field_range_ends(&ends_n);
		f = named_exactly(ends, ends_n, name);
	}
	if (f != NULL)
		return f;
	/* "Horisont" for "Horisont (år)": the label without its unit. */
	size_t len = strlen(name);
	for (size_t i = 0; i < n; i++) {
		const char *labels[2] = {fs[i].label, _(fs[i].label)};
		for (int k = 0; k < 2; k++)
			if (strncasecmp(labels[k], name, len) == 0 && strncmp(labels[k] + len, " (", 2) == 0)
				return &fs[i];
	}
	return NULL;
}

enum diag_code session_reload(struct session *s, struct diag *d)
{
	diag_clear(d);
	s->draft.active = false;
	struct store_error err = {0};
	struct workbook fresh;
	workbook_init(&fresh);
	enum store_status st = store_load(s->store, &fresh, &err);
	if (st != STORE_OK) {
		workbook_free(&fresh);
		return session_store_diag(s, st, &err, _("Kunne ikke lese arbeidsboka: "), d);
	}
	workbook_free(&s->wb);
	s->wb = fresh;
	s->generation++;
	/* The estimate keeps its inputs; a group that went away leaves it
	 * naming nothing, which its analysis shows as no savings. */
	session_changed(s, SC_RELOADED | SC_PARAMS | SC_GROUPS | SC_ITEMS | SC_MEASURES |
				   SC_ESTIMATE, (struct row_key){ROW_PARAMS, 0});
	return DIAG_OK;
}

enum diag_code session_poll(struct session *s, bool *reloaded, struct diag *d)
{
	diag_clear(d);
	if (reloaded != NULL)
		*reloaded = false;
	if (!s->check_told) {
		/* Damage found after the first paint is news once; from then on
		 * the store refuses every write with the same words. */
		bool done = false;
		struct store_error err = {0};
		enum store_status st = store_check_result(s->store, &done, &err);
		s->check_told = done;
		if (st != STORE_OK)
			return session_store_diag(s, st, &err, NULL, d);
	}
	if (s->draft.active || !store_changed_elsewhere(s->store))
		return DIAG_OK;
	enum diag_code c = session_reload(s, d);
	if (c == DIAG_OK && reloaded != NULL)
		*reloaded = true;
	return c;
}
