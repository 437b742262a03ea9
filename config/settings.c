/*
 * settings.c: [ui], [workbook] and [numbers] from config.ini.
 *
 * Each key is read as a string (never with iniparser's numeric getters,
 * which crash on section names in 4.1 and read numbers by the locale) and
 * parsed here.  A bad value leaves the default in place and says, with
 * file and line, what is allowed.
 *
 * Must never: print, exit, or fail: the worst case is all defaults.
 */
#include "config.h"

#include "i18n/i18n.h"
#include "config/settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config/actions.h"
#include "engine/numbers.h"
#include "store/store.h" /* STORE_UNDO_STEPS_DEFAULT, _MAX: one number, one place */

static const char *const language_keys[] = {"nb", "en", "auto"};
static const char *const scheme_keys[] = {"default", "vi", "emacs"};
static const char *const thousands_keys[] = {"space", "nbsp", "narrow-nbsp", "none"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *language_key(enum ui_language l)
{
	return (unsigned)l < COUNT(language_keys) ? language_keys[l] : "nb";
}

const char *key_scheme_key(enum key_scheme k)
{
	return (unsigned)k < COUNT(scheme_keys) ? scheme_keys[k] : "default";
}

const char *thousands_style_key(enum thousands_style t)
{
	return (unsigned)t < COUNT(thousands_keys) ? thousands_keys[t] : "space";
}

const char *thousands_style_separator(enum thousands_style t)
{
	switch (t) {
	case THOUSANDS_STYLE_NBSP:
		return THOUSANDS_NBSP;
	case THOUSANDS_STYLE_NARROW_NBSP:
		return THOUSANDS_NARROW_NBSP;
	case THOUSANDS_STYLE_NONE:
		return "";
	case THOUSANDS_STYLE_SPACE:
		break;
	}
	return THOUSANDS_SPACE;
}

static int find_key(const char *const *keys, size_t count, const char *text)
{
	for (size_t i = 0; i < count; i++)
		if (strcasecmp(keys[i], text) == 0)
			return (int)i;
	return -1;
}

bool key_scheme_from_key(const char *key, enum key_scheme *out)
{
	int i = find_key(scheme_keys, COUNT(scheme_keys), key);
	if (i < 0)
		return false;
	*out = (enum key_scheme)i;
	return true;
}

bool config_parse_bool(const char *text, bool *out)
{
	static const char *const yes[] = {"yes", "on", "true", "ja", "på", "1"};
	static const char *const no[] = {"no", "off", "false", "nei", "av", "0"};
	if (find_key(yes, COUNT(yes), text) >= 0) {
		*out = true;
		return true;
	}
	if (find_key(no, COUNT(no), text) >= 0) {
		*out = false;
		return true;
	}
	return false;
}

bool config_parse_int(const char *text, long min, long max, long *out)
{
	const char *p = text;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0')
		return false;
	char *end;
	/* Base 10 on purpose: iniparser's getint reads "042" as octal. */
	long v = strtol(p, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	if (*end != '\0' || v < min || v > max)
		return false;
	*out = v;
	return true;
}

bool config_parse_decimal(const char *text, double *out)
{
	const char *p = text;
	while (*p == ' ' || *p == '\t')
		p++;
	bool neg = false;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	double v = 0;
	int digits = 0;
	while (*p >= '0' && *p <= '9') {
		v = v * 10 + (*p++ - '0');
		digits++;
	}
	if (*p == ',' || *p == '.') {
		p++;
		double scale = 0.1;
		while (*p >= '0' && *p <= '9') {
			v += (*p++ - '0') * scale;
			scale /= 10;
			digits++;
		}
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '%')
		p++;
	while (*p == ' ' || *p == '\t')
		p++;
	if (digits == 0 || *p != '\0' || digits > 15)
		return false;
	*out = neg ? -v : v;
	return true;
}

void settings_defaults(struct settings *s)
{
	memset(s, 0, sizeof *s);
	snprintf(s->theme, sizeof s->theme, "standard");
	s->language = LANGUAGE_NB;
	s->key_scheme = KEY_SCHEME_DEFAULT;
	s->mouse = false; /* users over SSH want to select text (NOTES.md) */
	s->confirm_delete = true;
	s->horizon = HORIZON_DEFAULT;
	s->undo_steps = STORE_UNDO_STEPS_DEFAULT;
	s->shared = false;
	s->discount.mode = DISCOUNT_R109;
	s->discount.rate = 0.04;
	s->decimals = 0;
	s->thousands = THOUSANDS_STYLE_SPACE;
}

/* The known keys of each section, for "unknown key" messages. */
struct section_spec {
	const char *name;
	const char *keys; /* comma-separated, also shown to the user */
};

static const struct section_spec sections[] = {
	{"ui", "theme, language, key_scheme, mouse, confirm_delete"},
	{"workbook", "path, horizon, discount, discount_rate, shared, undo_steps"},
	{"numbers", "decimals, thousands"},
	{"keys", NULL}, /* keymap.c checks action names */
};

static const struct section_spec *find_section(const char *name)
{
	for (size_t i = 0; i < COUNT(sections); i++)
		if (strcmp(sections[i].name, name) == 0)
			return &sections[i];
	return NULL;
}

static bool in_list(const char *list, const char *key)
{
	size_t n = strlen(key);
	for (const char *p = list; (p = strstr(p, key)) != NULL; p += n) {
		bool starts = p == list || p[-1] == ' ';
		bool ends = p[n] == ',' || p[n] == '\0';
		if (starts && ends)
			return true;
	}
	return false;
}

bool settings_key_known(const char *section, const char *key)
{
	if (strcmp(section, "keys") == 0)
		return action_from_name(key) != ACTION_NONE;
	const struct section_spec *spec = find_section(section);
	return spec != NULL && spec->keys != NULL && in_list(spec->keys, key);
}

static void check_names(const struct ini_doc *doc, struct config_messages *msgs)
{
	for (size_t i = 0; i < doc->count; i++) {
		const struct ini_entry *e = &doc->entries[i];
		const struct section_spec *spec = find_section(e->section);
		if (e->section[0] == '\0') {
			config_messages_add(msgs, doc->path, e->line,
					    _("«%s» står før første seksjon og blir ikke brukt; "
					    "flytt den under [ui], [workbook] eller [numbers]"),
					    e->key);
		} else if (spec == NULL) {
			if (e->key == NULL)
				config_messages_add(msgs, doc->path, e->line,
						    _("ukjent seksjon [%s] blir ikke brukt; kjente "
						    "seksjoner: [ui], [workbook], [numbers], [keys]"),
						    e->section);
		} else if (e->key != NULL && spec->keys != NULL && !in_list(spec->keys, e->key)) {
			config_messages_add(msgs, doc->path, e->line,
					    _("ukjent nøkkel «%s» i [%s] blir ikke brukt; kjente "
					    "nøkler: %s"),
					    e->key, e->section, spec->keys);
		}
	}
}

static void bad_value(const struct ini_doc *doc, struct config_messages *msgs,
		      const char *section, const char *key, const char *value,
		      const char *allowed, const char *fallback)
{
	config_messages_add(msgs, doc->path, ini_line_of(doc, section, key),
			    _("[%s] %s = «%s» er ikke gyldig; tillatt: %s. Bruker "
			    "standardverdien %s"),
			    section, key, value, allowed, fallback);
}

static void read_choice(const struct ini_doc *doc, struct config_messages *msgs,
			const char *section, const char *key, const char *const *keys,
			size_t count, const char *allowed, int *inout)
{
	const char *v = ini_get(doc, section, key);
	if (v == NULL)
		return;
	int i = find_key(keys, count, v);
	if (i < 0)
		bad_value(doc, msgs, section, key, v, allowed, keys[*inout]);
	else
		*inout = i;
}

static void read_bool(const struct ini_doc *doc, struct config_messages *msgs,
		      const char *section, const char *key, bool *inout)
{
	const char *v = ini_get(doc, section, key);
	if (v != NULL && !config_parse_bool(v, inout))
		bad_value(doc, msgs, section, key, v, _("yes/no (også on/off, ja/nei, true/false)"),
			  *inout ? "yes" : "no");
}

static void read_ui(const struct ini_doc *doc, struct settings *s, struct config_messages *msgs)
{
	const char *v = ini_get(doc, "ui", "theme");
	if (v != NULL) {
		if (v[0] == '\0' || strlen(v) >= sizeof s->theme || strchr(v, '/') != NULL)
			bad_value(doc, msgs, "ui", "theme", v,
				  _("navnet på et tema uten «/», høyst 63 byte (se theme_list)"),
				  s->theme);
		else
			snprintf(s->theme, sizeof s->theme, "%s", v);
	}

	int i = (int)s->language;
	read_choice(doc, msgs, "ui", "language", language_keys, COUNT(language_keys), "nb, en, auto",
		    &i);
	s->language = (enum ui_language)i;
	i = (int)s->key_scheme;
	read_choice(doc, msgs, "ui", "key_scheme", scheme_keys, COUNT(scheme_keys),
		    "default, vi, emacs", &i);
	s->key_scheme = (enum key_scheme)i;
	read_bool(doc, msgs, "ui", "mouse", &s->mouse);
	read_bool(doc, msgs, "ui", "confirm_delete", &s->confirm_delete);
}

static void read_workbook(const struct ini_doc *doc, struct settings *s,
			  struct config_messages *msgs)
{
	const char *v = ini_get(doc, "workbook", "path");
	if (v != NULL && v[0] != '\0' &&
	    !config_expand_home(s->workbook, sizeof s->workbook, v, getenv("HOME"))) {
		s->workbook[0] = '\0';
		bad_value(doc, msgs, "workbook", "path", v,
			  _("en filsti (~/ krever at HOME er satt), kortere enn 4096 byte"),
			  _("(standard arbeidsbok)"));
	}

	long n;
	v = ini_get(doc, "workbook", "horizon");
	if (v != NULL) {
		if (config_parse_int(v, HORIZON_MIN, HORIZON_MAX, &n)) {
			s->horizon = (int)n;
		} else {
			char fallback[16];
			snprintf(fallback, sizeof fallback, "%d", s->horizon);
			bad_value(doc, msgs, "workbook", "horizon", v,
				  _("et helt antall år fra 1 til 100"), fallback);
		}
	}

	v = ini_get(doc, "workbook", "discount");
	if (v != NULL) {
		char lower[16];
		snprintf(lower, sizeof lower, "%s", v);
		ini_lower(lower);
		enum discount_mode m;
		if (strlen(v) < sizeof lower && discount_mode_from_key(lower, &m))
			s->discount.mode = m;
		else
			bad_value(doc, msgs, "workbook", "discount", v,
				  _("r109 (Finansdepartementets 4/3/2 %), flat, none"),
				  discount_mode_key(s->discount.mode));
	}

	v = ini_get(doc, "workbook", "discount_rate");
	if (v != NULL) {
		double pct;
		if (config_parse_decimal(v, &pct) && pct >= 0 && pct <= SETTINGS_RATE_PERCENT_MAX) {
			s->discount.rate = pct / 100.0;
		} else {
			char fallback[32];
			snprintf(fallback, sizeof fallback, "%g", s->discount.rate * 100);
			bad_value(doc, msgs, "workbook", "discount_rate", v,
				  _("prosent fra 0 til 20, f.eks. 4 eller 2,5"), fallback);
		}
		if (s->discount.mode != DISCOUNT_FLAT)
			config_messages_add(msgs, doc->path,
					    ini_line_of(doc, "workbook", "discount_rate"),
					    _("[workbook] discount_rate brukes bare med "
					    "discount = flat (nå: %s)"),
					    discount_mode_key(s->discount.mode));
	}
	read_bool(doc, msgs, "workbook", "shared", &s->shared);

	v = ini_get(doc, "workbook", "undo_steps");
	if (v != NULL) {
		if (config_parse_int(v, 0, STORE_UNDO_STEPS_MAX, &n)) {
			s->undo_steps = (int)n;
		} else {
			char fallback[16];
			snprintf(fallback, sizeof fallback, "%d", s->undo_steps);
			bad_value(doc, msgs, "workbook", "undo_steps", v,
				  _("et helt antall fra 0 (alle) til 100000"), fallback);
		}
	}
}

static void read_numbers(const struct ini_doc *doc, struct settings *s,
			 struct config_messages *msgs)
{
	long n;
	const char *v = ini_get(doc, "numbers", "decimals");
	if (v != NULL) {
		if (config_parse_int(v, 0, SETTINGS_DECIMALS_MAX, &n))
			s->decimals = (int)n;
		else
			bad_value(doc, msgs, "numbers", "decimals", v, _("0, 1 eller 2"),
				  s->decimals == 0 ? "0" : s->decimals == 1 ? "1" : "2");
	}
	int i = (int)s->thousands;
	read_choice(doc, msgs, "numbers", "thousands", thousands_keys, COUNT(thousands_keys),
		    "space, nbsp, narrow-nbsp, none", &i);
	s->thousands = (enum thousands_style)i;
}

void settings_from_ini(const struct ini_doc *doc, struct settings *out,
		       struct config_messages *msgs)
{
	settings_defaults(out);
	if (doc->dict == NULL)
		return;
	snprintf(out->source, sizeof out->source, "%s", doc->path);
	check_names(doc, msgs);
	ini_report_duplicates(doc, msgs);
	read_ui(doc, out, msgs);
	read_workbook(doc, out, msgs);
	read_numbers(doc, out, msgs);
}

int settings_load(const char *path, struct settings *out, struct config_messages *msgs)
{
	settings_defaults(out);
	char buf[CONFIG_PATH_MAX];
	bool explicit = path != NULL;
	if (path == NULL) {
		if (!config_file(buf, sizeof buf))
			return 0; /* no HOME: nothing to read, defaults are right */
		path = buf;
	}
	size_t before = msgs ? msgs->count : 0;
	struct ini_doc doc;
	enum ini_status st = ini_open(path, !explicit, &doc, msgs);
	if (st == INI_OK)
		settings_from_ini(&doc, out, msgs);
	ini_close(&doc);
	if (msgs == NULL)
		return 0;
	return msgs->count > before ? 1 : 0;
}
