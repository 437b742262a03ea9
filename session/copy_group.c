/*
 * copy_group.c: a target group of the embedded example workbook copied
 * into the open workbook (issue 15 item 4), for `utenfor copy-group` and
 * the Målgrupper view's key.  The copy keeps every item as shipped (kind,
 * bearer, sector, amount, ages, source, grade), so it still counts as
 * example data until the user changes it (report/example.h), and the
 * sectors it needs come with it: all in one store transaction, so one
 * undo takes the whole copy back.
 *
 * Must never: call curses or print; write anything when refusing.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n/i18n.h"
#include "session/internal.h"

/* Room for the example groups' ids in a message (7 today, ~150 bytes). */
#define DEFAULT_GROUP_LIST_SIZE 400

void session_group_ages(const struct target_group *g, int *from, int *to)
{
	*from = g->entry_age;
	*to = g->entry_age;
	for (size_t i = 0; i < g->item_count; i++) {
		if (g->items[i].from_age < *from)
			*from = g->items[i].from_age;
		if (g->items[i].to_age > *to)
			*to = g->items[i].to_age;
	}
}

long session_default_group_find(const struct workbook *defaults, const char *name)
{
	for (size_t i = 0; i < defaults->group_count; i++)
		if (strcasecmp(defaults->groups[i].id, name) == 0 ||
		    strcasecmp(defaults->groups[i].name, name) == 0)
			return (long)i;
	return -1;
}

static bool name_taken(const struct workbook *wb, const char *name, const char *id)
{
	for (size_t i = 0; i < wb->group_count; i++)
		if (strcasecmp(wb->groups[i].name, name) == 0 || strcmp(wb->groups[i].id, id) == 0)
			return true;
	return false;
}

/* "NAME (kopi)", "NAME (kopi 2)", … with id "ID-kopi", "ID-kopi-2", …: the
 * first pair neither of which `wb` uses.  False when none fits. */
static bool free_name(const struct workbook *wb, struct target_group *g)
{
	char base_name[TEXT_NAME_SIZE], base_id[TEXT_ID_SIZE];
	snprintf(base_name, sizeof base_name, "%s", g->name);
	snprintf(base_id, sizeof base_id, "%s", g->id);
	for (int k = 1; k < 1000; k++) {
		int n = k == 1 ? snprintf(g->name, sizeof g->name, _("%s (kopi)"), base_name)
			       : snprintf(g->name, sizeof g->name, _("%s (kopi %d)"), base_name, k);
		int m = k == 1 ? snprintf(g->id, sizeof g->id, "%s-kopi", base_id)
			       : snprintf(g->id, sizeof g->id, "%s-kopi-%d", base_id, k);
		if (n < 0 || (size_t)n >= sizeof g->name || m < 0 || (size_t)m >= sizeof g->id)
			return false;
		if (!name_taken(wb, g->name, g->id))
			return true;
	}
	return false;
}

/*
 * The declared sectors of `defaults` that the items of `g` use and `wb`
 * lacks, into out[] (each once; *n of them).  DIAG_INVALID when `wb` has a
 * sector of the same id under another bearer: its items would land in the
 * wrong budget.
 */
static enum diag_code needed_sectors(const struct workbook *wb, const struct workbook *defaults,
				     const struct target_group *g, struct sector *out, size_t *n,
				     struct diag *d)
{
	*n = 0;
	for (size_t i = 0; i < g->item_count; i++) {
		const struct cost_item *it = &g->items[i];
		long si = workbook_sector_index(defaults, it->sector);
		if (!item_kind_has_bearer(it->kind) || si < SECTOR_IMPLICIT_COUNT)
			continue; /* no sector, or an implicit one: in every workbook */
		const struct sector *s = &defaults->sectors[si - SECTOR_IMPLICIT_COUNT];
		long have = workbook_sector_index(wb, s->id);
		if (have >= 0 && workbook_sector_bearer(wb, (size_t)have) != s->bearer)
			return diag_set(d, DIAG_INVALID,
					_("Ikke kopiert: sektoren «%s» hører til %s i arbeidsboka, "
					  "men til %s i eksempeldataene"),
					s->id, bearer_key(workbook_sector_bearer(wb, (size_t)have)),
					bearer_key(s->bearer));
		bool listed = have >= 0;
		for (size_t k = 0; k < *n && !listed; k++)
			listed = strcmp(out[k].id, s->id) == 0;
		if (!listed) {
			out[*n] = *s;
			memset(&out[*n].row, 0, sizeof out[*n].row);
			(*n)++;
		}
	}
	return DIAG_OK;
}

/* "… velg en av: «id», «id», …": the ids are short, plain ASCII and
 * accepted as the name is. */
static enum diag_code not_found(const struct workbook *defaults, const char *name,
				struct diag *d)
{
	char ids[DEFAULT_GROUP_LIST_SIZE] = "";
	size_t len = 0;
	for (size_t i = 0; i < defaults->group_count && len < sizeof ids; i++) {
		int w = snprintf(ids + len, sizeof ids - len, "%s«%s»", i ? ", " : "",
				 defaults->groups[i].id);
		len = w > 0 ? len + (size_t)w : len;
	}
	return diag_set(d, DIAG_NOT_FOUND,
			_("Eksempeldataene har ingen målgruppe «%s»; velg en av: %s"), name, ids);
}

/* What was copied, under which name, with which sectors. */
static void copied_message(const struct target_group *g, const char *asked, bool renamed,
			   const struct sector *secs, size_t n, struct diag *d)
{
	char msg[sizeof d->message];
	int len = snprintf(msg, sizeof msg,
			   NG_("Kopierte målgruppen «%s» med %zu kostnadspost fra eksempeldataene",
			       "Kopierte målgruppen «%s» med %zu kostnadsposter fra eksempeldataene",
			       g->item_count),
			   asked, g->item_count);
	if (renamed && len >= 0 && (size_t)len < sizeof msg)
		len += snprintf(msg + len, sizeof msg - (size_t)len,
				_("; navnet var i bruk, så kopien heter «%s» (id %s)"), g->name, g->id);
	for (size_t i = 0; i < n && len >= 0 && (size_t)len < sizeof msg; i++)
		len += snprintf(msg + len, sizeof msg - (size_t)len,
				i == 0 ? _("; nye sektorer: «%s»") : ", «%s»", secs[i].name);
	diag_set(d, DIAG_OK, "%s", msg);
}

enum diag_code session_copy_default_group(struct session *s, const char *name,
					  struct row_key *made, struct diag *d)
{
	enum diag_code allowed = session_may_write(s, d);
	if (allowed != DIAG_OK)
		return allowed;
	struct workbook defaults;
	workbook_init(&defaults);
	if (store_default_workbook(&defaults) != 0) {
		workbook_free(&defaults);
		return diag_set(d, DIAG_NOMEM, "%s", _("ikke nok minne"));
	}
	enum diag_code c = DIAG_OK;
	long gi = session_default_group_find(&defaults, name);
	struct target_group *g = gi >= 0 ? &defaults.groups[gi] : NULL;
	struct sector *secs = NULL;
	size_t n = 0;
	if (g == NULL)
		c = not_found(&defaults, name, d);
	else if ((secs = calloc(g->item_count + 1, sizeof *secs)) == NULL)
		c = diag_set(d, DIAG_NOMEM, "%s", _("ikke nok minne"));
	else
		c = needed_sectors(&s->wb, &defaults, g, secs, &n, d);
	char asked[TEXT_NAME_SIZE] = "";
	bool renamed = false;
	if (c == DIAG_OK) {
		snprintf(asked, sizeof asked, "%s", g->name);
		renamed = name_taken(&s->wb, g->name, g->id);
		if (renamed && !free_name(&s->wb, g))
			c = diag_set(d, DIAG_INVALID, "%s", _("Ikke kopiert: fant ikke noe ledig navn"));
	}
	if (c == DIAG_OK) {
		memset(&g->row, 0, sizeof g->row);
		for (size_t i = 0; i < g->item_count; i++)
			memset(&g->items[i].row, 0, sizeof g->items[i].row);
		char label[TEXT_NAME_SIZE + 64];
		snprintf(label, sizeof label, _("Kopiere målgruppen «%s» fra eksempeldataene"), g->name);
		struct store_error err = {0};
		enum store_status st = store_insert_group_sectors(s->store, secs, n, g, label, &err);
		if (st != STORE_OK)
			c = session_store_diag(s, st, &err, _("Ikke kopiert: "), d);
	}
	if (c == DIAG_OK) {
		struct diag r;
		if (session_reload(s, &r) != DIAG_OK)
			c = diag_set(d, r.code, "%s", r.message);
	}
	if (c == DIAG_OK) {
		if (made != NULL)
			*made = (struct row_key){ROW_GROUP, g->row.id};
		copied_message(g, asked, renamed, secs, n, d);
	}
	free(secs);
	workbook_free(&defaults);
	return c;
}
