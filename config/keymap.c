/*
 * keymap.c: presets plus the user's [keys] section, with conflicts and
 * mistakes reported by file and line.
 *
 * Must never: call curses, print, exit, allocate (a keymap is a value).
 */
#include "config.h"

#include "i18n/i18n.h"
#include "config/keymap.h"

#include <assert.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "config/keymap_presets.h"

static void remove_at(struct keymap *km, size_t i)
{
	memmove(&km->bindings[i], &km->bindings[i + 1],
		(km->count - i - 1) * sizeof km->bindings[0]);
	km->count--;
}

static long find_key(const struct keymap *km, int key)
{
	for (size_t i = 0; i < km->count; i++)
		if (km->bindings[i].key == key)
			return (long)i;
	return -1;
}

static bool append(struct keymap *km, int key, enum action action, int line)
{
	if (km->count == KEYMAP_MAX)
		return false;
	km->bindings[km->count++] = (struct key_binding){key, action, line};
	return true;
}

/* Split "a, C-z" at commas and call `fn` with each non-empty token,
 * trimmed (it may be "none"). */
typedef void (*token_fn)(void *ctx, const char *token, size_t n);

static void each_token(const char *list, token_fn fn, void *ctx)
{
	const char *p = list;
	for (;;) {
		size_t n = strcspn(p, ",");
		const char *s = p;
		size_t len = n;
		while (len > 0 && (*s == ' ' || *s == '\t')) {
			s++;
			len--;
		}
		while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		if (len > 0)
			fn(ctx, s, len);
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
}

struct preset_ctx {
	struct keymap *km;
	enum action action;
};

static void add_preset_token(void *ctx, const char *token, size_t n)
{
	struct preset_ctx *pc = ctx;
	char buf[KEY_NAME_SIZE];
	int key;
	snprintf(buf, sizeof buf, "%.*s", (int)n, token);
	bool ok = key_parse(buf, &key);
	assert(ok && "a preset key does not parse");
	if (ok && find_key(pc->km, key) < 0)
		append(pc->km, key, pc->action, 0);
}

void keymap_preset(struct keymap *km, enum key_scheme scheme)
{
	km->scheme = scheme;
	km->count = 0;
	for (const struct preset_line *l = keymap_preset_lines(scheme); l->keys != NULL; l++) {
		struct preset_ctx pc = {km, l->action};
		each_token(l->keys, add_preset_token, &pc);
	}
}

enum action keymap_lookup(const struct keymap *km, int key)
{
	long i = find_key(km, key);
	return i < 0 ? ACTION_NONE : km->bindings[i].action;
}

size_t keymap_keys_for(const struct keymap *km, enum action action, int *keys, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < km->count; i++)
		if (km->bindings[i].action == action) {
			if (n < max)
				keys[n] = km->bindings[i].key;
			n++;
		}
	return n;
}

int keymap_describe(const struct keymap *km, enum action action, size_t max_keys, char *buf,
		    size_t size)
{
	size_t shown = 0;
	int total = 0;
	if (size > 0)
		buf[0] = '\0';
	for (size_t i = 0; i < km->count; i++) {
		if (km->bindings[i].action != action)
			continue;
		if (max_keys != 0 && shown == max_keys)
			break;
		char name[KEY_NAME_SIZE];
		key_format(km->bindings[i].key, name, sizeof name);
		size_t used = (size_t)total < size ? (size_t)total : size;
		int n = snprintf(buf + used, size - used, "%s%s", shown ? ", " : "", name);
		if (n < 0)
			return -1;
		total += n;
		shown++;
	}
	return total;
}

size_t keymap_count_conflicts(const struct keymap *km)
{
	size_t n = 0;
	for (size_t i = 0; i < km->count; i++)
		for (size_t j = i + 1; j < km->count; j++)
			if (km->bindings[i].key == km->bindings[j].key &&
			    km->bindings[i].action != km->bindings[j].action)
				n++;
	return n;
}

/* Edit distance, for "did you mean" on misspelt action names. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 40 || lb > 40)
		return 99;
	size_t row[41];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t best = diag + cost;
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

static void unknown_action(const struct ini_doc *doc, const char *name, int line,
			   struct config_messages *msgs)
{
	const char *best = NULL;
	size_t best_d = 3;
	for (int a = 1; a < ACTION_COUNT; a++) {
		size_t d = edit_distance(name, action_name((enum action)a));
		if (d < best_d) {
			best_d = d;
			best = action_name((enum action)a);
		}
	}
	if (best != NULL)
		config_messages_add(msgs, doc->path, line,
				    _("[keys] ukjent handling «%s» — mente du «%s»? Linjen blir "
				    "ikke brukt"),
				    name, best);
	else
		config_messages_add(msgs, doc->path, line,
				    _("[keys] ukjent handling «%s»; linjen blir ikke brukt (se "
				    "handlingene i doc/config.md)"),
				    name);
}

/* One [keys] line, parsed. */
struct user_line {
	enum action action;
	int line;
	int keys[KEYMAP_MAX];
	size_t count;
	bool bad;     /* some token did not parse */
	bool cleared; /* written as empty or "none" */
	const struct ini_doc *doc;
	struct config_messages *msgs;
};

static void add_user_token(void *ctx, const char *token, size_t n)
{
	struct user_line *ul = ctx;
	char buf[64];
	snprintf(buf, sizeof buf, "%.*s", (int)n, token);
	if (strcasecmp(buf, "none") == 0)
		return;
	int key;
	if (n >= sizeof buf || !key_parse(buf, &key)) {
		ul->bad = true;
		config_messages_add(ul->msgs, ul->doc->path, ul->line,
				    _("[keys] %s: «%s» er ingen tast; skriv ett tegn (q, G, /), "
				    "C-x, M-x, F1–F12, Up, Down, Left, Right, PageUp, PageDown, "
				    "Home, End, Enter, Tab, S-Tab, Esc, Backspace, Delete, "
				    "Insert, Space, Comma, Semicolon eller Hash; flere skilles "
				    "med komma"),
				    action_name(ul->action), buf);
		return;
	}
	for (size_t i = 0; i < ul->count; i++)
		if (ul->keys[i] == key)
			return;
	if (ul->count < KEYMAP_MAX)
		ul->keys[ul->count++] = key;
}

struct taken {
	int key;
	enum action by;
	int line;
};

static void apply_line(struct keymap *km, const struct user_line *ul, struct taken *taken,
		       struct config_messages *msgs)
{
	/* A line with typos and no good key keeps the preset: better than
	 * leaving e.g. quit without a key. */
	if (ul->count == 0 && ul->bad) {
		char keys[128];
		keymap_describe(km, ul->action, 0, keys, sizeof keys);
		config_messages_add(msgs, ul->doc->path, ul->line,
				    _("[keys] %s beholder forvalgets taster (%s)"),
				    action_name(ul->action), keys[0] ? keys : _("ingen"));
		return;
	}
	for (size_t i = km->count; i-- > 0;)
		if (km->bindings[i].action == ul->action && km->bindings[i].line == 0)
			remove_at(km, i);
	for (size_t k = 0; k < ul->count; k++) {
		int key = ul->keys[k];
		long at = find_key(km, key);
		if (at >= 0 && km->bindings[at].line > 0) {
			const struct key_binding *b = &km->bindings[at];
			char name[KEY_NAME_SIZE];
			key_format(key, name, sizeof name);
			config_messages_add(msgs, ul->doc->path, ul->line,
					    _("[keys] tasten «%s» er bundet både til «%s» (linje "
					    "%d) og til «%s» (linje %d); «%s» beholder den"),
					    name, action_name(b->action), b->line,
					    action_name(ul->action), ul->line,
					    action_name(b->action));
			continue;
		}
		if (at >= 0) {
			taken[km->bindings[at].action] = (struct taken){key, ul->action, ul->line};
			remove_at(km, (size_t)at);
		}
		if (!append(km, key, ul->action, ul->line)) {
			config_messages_add(msgs, ul->doc->path, ul->line,
					    _("[keys] for mange taster (høyst %d); resten blir "
					    "ikke brukt"),
					    KEYMAP_MAX);
			return;
		}
	}
	int dummy;
	if (ul->count > 0 && keymap_keys_for(km, ul->action, &dummy, 1) == 0)
		config_messages_add(msgs, ul->doc->path, ul->line,
				    _("[keys] «%s» fikk ingen tast: alle tastene på linjen er "
				    "bundet til noe annet"),
				    action_name(ul->action));
}

void keymap_from_ini(const struct ini_doc *doc, enum key_scheme scheme, struct keymap *km,
		     struct config_messages *msgs)
{
	keymap_preset(km, scheme);
	if (doc->dict == NULL)
		return;

	struct taken taken[ACTION_COUNT];
	bool cleared[ACTION_COUNT] = {false};
	for (int a = 0; a < ACTION_COUNT; a++)
		taken[a].key = KEYC_NONE;

	struct user_line ul;
	for (size_t i = 0; i < doc->count; i++) {
		const struct ini_entry *e = &doc->entries[i];
		if (e->key == NULL || strcmp(e->section, "keys") != 0)
			continue;
		/* iniparser keeps the last of repeated keys; so do we. */
		if (ini_line_of(doc, "keys", e->key) != e->line)
			continue;
		enum action action = action_from_name(e->key);
		if (action == ACTION_NONE) {
			unknown_action(doc, e->key, e->line, msgs);
			continue;
		}
		const char *value = ini_get(doc, "keys", e->key);
		ul = (struct user_line){.action = action, .line = e->line, .doc = doc, .msgs = msgs};
		each_token(value ? value : "", add_user_token, &ul);
		if (ul.count == 0 && !ul.bad)
			cleared[action] = true;
		apply_line(km, &ul, taken, msgs);
	}

	for (int a = 1; a < ACTION_COUNT; a++) {
		int dummy;
		if (cleared[a] || taken[a].key == KEYC_NONE ||
		    keymap_keys_for(km, (enum action)a, &dummy, 1) > 0)
			continue;
		char name[KEY_NAME_SIZE];
		key_format(taken[a].key, name, sizeof name);
		config_messages_add(msgs, doc->path, taken[a].line,
				    _("[keys] «%s» har ingen tast lenger: «%s» ble gitt til «%s»; "
				    "gi «%s» en annen tast"),
				    action_name((enum action)a), name, action_name(taken[a].by),
				    action_name((enum action)a));
	}
}
