/*
 * theme.c: reading theme files and finding themes by id or display name.
 *
 * Must never: call curses, print, exit.  Every problem falls back (to
 * [normal]'s colours, to the element's mono default, or to the built-in
 * standard theme) and leaves a message with file and line.
 */
#include "config.h"

#include "i18n/i18n.h"
#include "config/theme.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "config/ini.h"

static const char *const style_keys = "fg, bg, attrs, mono";

/* "bold, reverse" / "bold reverse" / "none" → bits.  False on an unknown
 * word, whose text is copied to `bad`. */
static bool parse_attrs(const char *text, unsigned *out, char *bad, size_t bad_size)
{
	static const struct {
		const char *word;
		unsigned bit;
	} words[] = {
		{"bold", THEME_ATTR_BOLD},
		{"reverse", THEME_ATTR_REVERSE},
		{"underline", THEME_ATTR_UNDERLINE},
		{"dim", THEME_ATTR_DIM},
		{"none", 0},
	};
	unsigned bits = 0;
	const char *p = text;
	while (*p) {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		size_t n = strcspn(p, " ,\t");
		if (n == 0)
			break;
		bool found = false;
		for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
			if (strlen(words[i].word) == n && strncasecmp(p, words[i].word, n) == 0) {
				bits |= words[i].bit;
				found = true;
			}
		if (!found) {
			snprintf(bad, bad_size, "%.*s", (int)n, p);
			return false;
		}
		p += n;
	}
	*out = bits;
	return true;
}

static void read_color(const struct ini_doc *doc, const char *sec, const char *key, int *inout,
		       struct config_messages *msgs)
{
	const char *v = ini_get(doc, sec, key);
	if (v == NULL)
		return;
	int c;
	if (color_parse(v, &c)) {
		*inout = c;
		return;
	}
	char fallback[16];
	color_format(*inout, fallback, sizeof fallback);
	if (v[0] == '\0') {
		config_messages_add(msgs, doc->path, ini_line_of(doc, sec, key),
				    _("[%s] %s er tom: står det #rrggbb uten anførselstegn? "
				    "Da er # en kommentar; skriv %s = \"#rrggbb\". Bruker %s"),
				    sec, key, key, fallback);
		return;
	}
	config_messages_add(msgs, doc->path, ini_line_of(doc, sec, key),
			    _("[%s] %s = «%s» er ingen farge; tillatt: default, black, red, "
			    "green, yellow, blue, magenta, cyan, white, bright-… av disse, "
			    "0–255, eller \"#rrggbb\" i anførselstegn (uten dem er # en "
			    "kommentar). Bruker %s"),
			    sec, key, v, fallback);
}

static void read_attrs(const struct ini_doc *doc, const char *sec, const char *key,
		       unsigned *inout, struct config_messages *msgs)
{
	const char *v = ini_get(doc, sec, key);
	if (v == NULL)
		return;
	char bad[32];
	if (!parse_attrs(v, inout, bad, sizeof bad))
		config_messages_add(msgs, doc->path, ini_line_of(doc, sec, key),
				    _("[%s] %s: ukjent attributt «%s»; tillatt: bold, reverse, "
				    "underline, dim, none (flere skilles med komma)"),
				    sec, key, bad);
}

static int element_from_key(const char *key)
{
	for (int e = 0; e < UI_ELEMENT_COUNT; e++)
		if (strcmp(ui_element_key((enum ui_element)e), key) == 0)
			return e;
	return -1;
}

static void check_names(const struct ini_doc *doc, struct config_messages *msgs)
{
	for (size_t i = 0; i < doc->count; i++) {
		const struct ini_entry *e = &doc->entries[i];
		bool is_theme = strcmp(e->section, "theme") == 0;
		bool is_element = element_from_key(e->section) >= 0;
		if (e->section[0] == '\0') {
			config_messages_add(msgs, doc->path, e->line,
					    _("«%s» står før første seksjon og blir ikke brukt"),
					    e->key);
		} else if (!is_theme && !is_element) {
			if (e->key == NULL)
				config_messages_add(msgs, doc->path, e->line,
						    _("ukjent seksjon [%s]; et tema har [theme] og "
						    "[normal], [title], [tabs], [tab_active], "
						    "[header], [selected], [editing], [invalid], "
						    "[positive], [negative], [kommune], "
						    "[fylkeskommune], [stat], [status], [hints], "
						    "[border], [notice], [error]"),
						    e->section);
		} else if (e->key != NULL && is_theme && strcmp(e->key, "name") != 0 &&
			   strcmp(e->key, "description") != 0) {
			config_messages_add(msgs, doc->path, e->line,
					    _("ukjent nøkkel «%s» i [theme]; kjente nøkler: name, "
					    "description"),
					    e->key);
		} else if (e->key != NULL && is_element && strcmp(e->key, "fg") != 0 &&
			   strcmp(e->key, "bg") != 0 && strcmp(e->key, "attrs") != 0 &&
			   strcmp(e->key, "mono") != 0) {
			config_messages_add(msgs, doc->path, e->line,
					    _("ukjent nøkkel «%s» i [%s]; kjente nøkler: %s"), e->key,
					    e->section, style_keys);
		}
	}
}

/* The file name without folder and ".ini". */
static void id_from_path(const char *path, char *id, size_t size)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".ini") == 0)
		n -= 4;
	snprintf(id, size, "%.*s", (int)n, base);
}

static void theme_from_doc(const struct ini_doc *doc, struct theme *out,
			   struct config_messages *msgs)
{
	check_names(doc, msgs);
	ini_report_duplicates(doc, msgs);

	const char *name = ini_get(doc, "theme", "name");
	if (name != NULL && name[0] != '\0') {
		if (strlen(name) >= sizeof out->name)
			config_messages_add(msgs, doc->path, ini_line_of(doc, "theme", "name"),
					    _("[theme] name er lengre enn %zu byte; bruker «%s»"),
					    sizeof out->name - 1, out->id);
		else
			snprintf(out->name, sizeof out->name, "%s", name);
	}

	struct theme_style *normal = &out->style[UI_NORMAL];
	*normal = (struct theme_style){-1, -1, 0, theme_default_mono(UI_NORMAL)};
	for (int e = 0; e < UI_ELEMENT_COUNT; e++) {
		const char *sec = ui_element_key((enum ui_element)e);
		struct theme_style *s = &out->style[e];
		if (e != UI_NORMAL)
			*s = (struct theme_style){normal->fg, normal->bg, 0,
						  theme_default_mono((enum ui_element)e)};
		read_color(doc, sec, "fg", &s->fg, msgs);
		read_color(doc, sec, "bg", &s->bg, msgs);
		read_attrs(doc, sec, "attrs", &s->attrs, msgs);
		read_attrs(doc, sec, "mono", &s->mono_attrs, msgs);
	}
}

int theme_load_file(const char *path, struct theme *out, struct config_messages *msgs)
{
	size_t before = msgs ? msgs->count : 0;
	struct ini_doc doc;
	if (ini_open(path, false, &doc, msgs) != INI_OK) {
		ini_close(&doc);
		theme_builtin(out);
		config_messages_add(msgs, path, 0, _("temaet kunne ikke leses; bruker standard"));
		return 1;
	}
	memset(out, 0, sizeof *out);
	id_from_path(path, out->id, sizeof out->id);
	snprintf(out->name, sizeof out->name, "%s", out->id);
	snprintf(out->path, sizeof out->path, "%s", path);
	theme_from_doc(&doc, out, msgs);
	ini_close(&doc);
	return msgs != NULL && msgs->count > before ? 1 : 0;
}

/* An id may be used in a path only if it cannot leave the folder. */
static bool safe_id(const char *name)
{
	return name[0] != '\0' && name[0] != '.' && strchr(name, '/') == NULL &&
	       strlen(name) < THEME_ID_SIZE;
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Read only the display name of a theme file; silent (theme_list). */
static void read_display_name(const char *path, const char *id, char *name, size_t size)
{
	snprintf(name, size, "%s", id);
	struct ini_doc doc;
	if (ini_open(path, true, &doc, NULL) == INI_OK) {
		const char *v = ini_get(&doc, "theme", "name");
		if (v != NULL && v[0] != '\0' && strlen(v) < size)
			snprintf(name, size, "%s", v);
	}
	ini_close(&doc);
}

static int compare_info(const void *a, const void *b)
{
	return strcmp(((const struct theme_info *)a)->id, ((const struct theme_info *)b)->id);
}

static bool has_id(const struct theme_info *list, long count, const char *id)
{
	for (long i = 0; i < count; i++)
		if (strcmp(list[i].id, id) == 0)
			return true;
	return false;
}

long theme_list(const char *const *search_dirs, struct theme_info **out)
{
	long count = 0, cap = 8;
	struct theme_info *list = malloc((size_t)cap * sizeof *list);
	*out = NULL;
	if (list == NULL)
		return -1;
	for (size_t d = 0; search_dirs != NULL && search_dirs[d] != NULL; d++) {
		DIR *dir = opendir(search_dirs[d]);
		if (dir == NULL)
			continue;
		struct dirent *ent;
		while ((ent = readdir(dir)) != NULL) {
			size_t n = strlen(ent->d_name);
			if (ent->d_name[0] == '.' || n <= 4 || n - 4 >= THEME_ID_SIZE ||
			    strcmp(ent->d_name + n - 4, ".ini") != 0)
				continue;
			char path[CONFIG_PATH_MAX];
			int len = snprintf(path, sizeof path, "%s/%s", search_dirs[d], ent->d_name);
			if (len < 0 || (size_t)len >= sizeof path || !is_file(path))
				continue;
			char id[THEME_ID_SIZE];
			id_from_path(path, id, sizeof id);
			if (has_id(list, count, id))
				continue;
			if (count == cap) {
				struct theme_info *grown =
					realloc(list, (size_t)cap * 2 * sizeof *list);
				if (grown == NULL) {
					closedir(dir);
					free(list);
					return -1;
				}
				list = grown;
				cap *= 2;
			}
			struct theme_info *ti = &list[count++];
			snprintf(ti->id, sizeof ti->id, "%s", id);
			snprintf(ti->path, sizeof ti->path, "%s", path);
			read_display_name(path, id, ti->name, sizeof ti->name);
		}
		closedir(dir);
	}
	if (!has_id(list, count, "standard")) {
		if (count == cap) {
			struct theme_info *grown = realloc(list, (size_t)(cap + 1) * sizeof *list);
			if (grown == NULL) {
				free(list);
				return -1;
			}
			list = grown;
		}
		list[count++] = (struct theme_info){"standard", "standard", ""};
	}
	qsort(list, (size_t)count, sizeof *list, compare_info);
	*out = list;
	return count;
}

/* Find `name` as an id (a file) or as a display name; fill `path` ("" =
 * the built-in).  False when there is no such theme. */
static bool find_theme(const char *name, const char *const *dirs, char *path, size_t size)
{
	if (safe_id(name))
		for (size_t d = 0; dirs != NULL && dirs[d] != NULL; d++) {
			int n = snprintf(path, size, "%s/%s.ini", dirs[d], name);
			if (n >= 0 && (size_t)n < size && is_file(path))
				return true;
		}
	struct theme_info *list;
	long count = theme_list(dirs, &list);
	bool found = false;
	for (long i = 0; i < count && !found; i++)
		if (strcmp(list[i].name, name) == 0 || strcasecmp(list[i].name, name) == 0 ||
		    strcasecmp(list[i].id, name) == 0) {
			snprintf(path, size, "%s", list[i].path);
			found = true;
		}
	free(list);
	return found;
}

int theme_load_at(const char *name, const char *const *search_dirs, struct theme *out,
		  struct config_messages *msgs, const char *origin, int line)
{
	char path[CONFIG_PATH_MAX];
	if (find_theme(name, search_dirs, path, sizeof path)) {
		if (path[0] == '\0') {
			theme_builtin(out);
			return 0;
		}
		return theme_load_file(path, out, msgs);
	}

	char names[512] = "";
	struct theme_info *list;
	long count = theme_list(search_dirs, &list);
	for (long i = 0; i < count; i++) {
		size_t used = strlen(names);
		snprintf(names + used, sizeof names - used, "%s%s", i ? ", " : "", list[i].name);
	}
	free(list);
	config_messages_add(msgs, origin, line,
			    _("ukjent tema «%s»; tilgjengelige: %s. Bruker standard"), name,
			    count > 0 ? names : "standard");
	if (find_theme("standard", search_dirs, path, sizeof path) && path[0] != '\0')
		theme_load_file(path, out, msgs);
	else
		theme_builtin(out);
	return 1;
}

int theme_load(const char *name, const char *const *search_dirs, struct theme *out,
	       struct config_messages *msgs)
{
	return theme_load_at(name, search_dirs, out, msgs, NULL, 0);
}
