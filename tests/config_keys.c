/*
 * config_keys.c: key names, the three presets, [keys] overrides, and the
 * reports for conflicts and mistakes; plus config_load() end to end.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <string.h>

#include "config/keymap.h"
#include "config/keymap_presets.h"
#include "config/keys.h"
#include "config/load.h"
#include "tests/config_testutil.h"

CONFIG_SCRATCH

TestSuite(keys);
TestSuite(keymap, .init = scratch_setup, .fini = scratch_teardown);

static int key(const char *text)
{
	int k;
	cr_assert(key_parse(text, &k), "«%s» should parse", text);
	return k;
}

Test(keys, characters_and_names)
{
	cr_assert_eq(key("q"), 'q');
	cr_assert_eq(key("G"), 'G');
	cr_assert_eq(key("/"), '/');
	cr_assert_eq(key(" ? "), '?');
	cr_assert_eq(key("æ"), 0xE6);
	cr_assert_eq(key("Space"), ' ');
	cr_assert_eq(key("comma"), ',');
	cr_assert_eq(key("Semicolon"), ';');
	cr_assert_eq(key("Hash"), '#');
	cr_assert_eq(key("Up"), KEYC_UP);
	cr_assert_eq(key("down"), KEYC_DOWN);
	cr_assert_eq(key("PgUp"), KEYC_PAGE_UP);
	cr_assert_eq(key("PageDown"), KEYC_PAGE_DOWN);
	cr_assert_eq(key("Home"), KEYC_HOME);
	cr_assert_eq(key("END"), KEYC_END);
	cr_assert_eq(key("Enter"), KEYC_ENTER);
	cr_assert_eq(key("Return"), KEYC_ENTER);
	cr_assert_eq(key("Tab"), KEYC_TAB);
	cr_assert_eq(key("S-Tab"), KEYC_BACKTAB);
	cr_assert_eq(key("Esc"), KEYC_ESC);
	cr_assert_eq(key("Backspace"), KEYC_BACKSPACE);
	cr_assert_eq(key("Del"), KEYC_DELETE);
	cr_assert_eq(key("F1"), KEYC_F(1));
	cr_assert_eq(key("f12"), KEYC_F(12));
}

Test(keys, modifiers)
{
	cr_assert_eq(key("C-r"), 18);
	cr_assert_eq(key("C-R"), 18);
	cr_assert_eq(key("C-z"), 26);
	cr_assert_eq(key("C-_"), 31);
	cr_assert_eq(key("C-/"), 31, "terminals send C-_ for C-/");
	cr_assert_eq(key("C-Space"), 0);
	cr_assert_eq(key("M-x"), KEYC_META | 'x');
	cr_assert_eq(key("M-<"), KEYC_META | '<');
	cr_assert_eq(key("M-C-x"), KEYC_META | 24);
	cr_assert_eq(key("C-M-x"), KEYC_META | 24);
	cr_assert_eq(key("M-Up"), KEYC_META | KEYC_UP);
	cr_assert_eq(key("M-F5"), KEYC_META | KEYC_F(5));
}

Test(keys, keys_a_terminal_cannot_tell_apart_are_one_code)
{
	cr_assert_eq(key("C-i"), key("Tab"));
	cr_assert_eq(key("C-m"), key("Enter"));
	cr_assert_eq(key("C-j"), key("Enter"));
	cr_assert_eq(key("C-["), key("Esc"));
	cr_assert_eq(key("C-h"), key("Backspace"));
}

Test(keys, refused)
{
	const char *bad[] = {"",     "qq",  "F0",     "F13",   "C-",    "C-1",  "C-Up",
			     "ctrl-f", "M-", "Ctrl+X", "C-ø",  "\x01", "\x7f", "M-M-x"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int k;
		cr_assert_not(key_parse(bad[i], &k), "«%s» should be refused", bad[i]);
	}
}

Test(keys, format_reads_back)
{
	const int codes[] = {'q', 'G', ',', ';', '#', ' ', 0xE6, 18, 0, 31, KEYC_TAB, KEYC_ENTER,
			     KEYC_ESC, KEYC_BACKSPACE, KEYC_UP, KEYC_PAGE_DOWN, KEYC_BACKTAB,
			     KEYC_F(1), KEYC_F(12), KEYC_META | 'x', KEYC_META | 24,
			     KEYC_META | KEYC_HOME};
	const char *names[] = {"q",   "G",     "Comma",  "Semicolon", "Hash",      "Space",
			       "æ",   "C-r",   "C-Space", "C-_",      "Tab",       "Enter",
			       "Esc", "Backspace", "Up",  "PageDown", "S-Tab",     "F1",
			       "F12", "M-x",   "M-C-x", "M-Home"};
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		char buf[KEY_NAME_SIZE];
		key_format(codes[i], buf, sizeof buf);
		cr_assert_str_eq(buf, names[i]);
		cr_assert_eq(key(buf), codes[i], "%s", buf);
	}
}

/* --- presets --------------------------------------------------------- */

Test(keys, presets_are_complete_and_conflict_free)
{
	for (int s = 0; s < KEY_SCHEME_COUNT; s++) {
		struct keymap km;
		keymap_preset(&km, (enum key_scheme)s);
		cr_assert_eq(keymap_count_conflicts(&km), 0u, "%s", key_scheme_key(s));
		for (int a = 1; a < ACTION_COUNT; a++) {
			int k;
			cr_assert_gt(keymap_keys_for(&km, (enum action)a, &k, 1), 0u,
				     "%s: «%s» has no key", key_scheme_key(s),
				     action_name((enum action)a));
		}
		/* Every key in the table parsed (else keymap_preset asserts) and
		 * none was listed twice. */
		size_t listed = 0;
		for (const struct preset_line *l = keymap_preset_lines(s); l->keys; l++) {
			listed++;
			for (const char *p = l->keys; *p; p++)
				listed += *p == ',';
		}
		cr_assert_eq(km.count, listed, "%s", key_scheme_key(s));
	}
}

static void expect_binding(const struct keymap *km, const char *k, enum action a)
{
	enum action got = keymap_lookup(km, key(k));
	cr_expect_eq(got, a, "«%s» gives «%s», expected «%s»", k, action_name(got),
		     action_name(a));
}

/* A key and the action it must give. */
struct binding {
	const char *key;
	enum action action;
};

/* expect_binding() for each of `b`, which ends with a NULL key. */
static void expect_bindings(const struct keymap *km, const struct binding *b)
{
	for (; b->key != NULL; b++)
		expect_binding(km, b->key, b->action);
}

Test(keys, default_preset_has_the_documented_keys)
{
	struct keymap km;
	keymap_preset(&km, KEY_SCHEME_DEFAULT);
	expect_bindings(&km, (const struct binding[]){
		{"Up", ACTION_UP}, {"Down", ACTION_DOWN}, {"Left", ACTION_LEFT},
		{"Right", ACTION_RIGHT}, {"k", ACTION_UP}, {"j", ACTION_DOWN}, {"h", ACTION_LEFT},
		{"l", ACTION_RIGHT}, {"Tab", ACTION_NEXT_FIELD}, {"S-Tab", ACTION_PREV_FIELD},
		{"Enter", ACTION_EDIT}, {"Esc", ACTION_CANCEL}, {"PageUp", ACTION_PAGE_UP},
		{"PageDown", ACTION_PAGE_DOWN}, {"Home", ACTION_HOME}, {"End", ACTION_END},
		{"g", ACTION_HOME}, {"G", ACTION_END}, {"/", ACTION_SEARCH}, {"a", ACTION_ADD},
		{"d", ACTION_DELETE}, {"u", ACTION_UNDO}, {"C-z", ACTION_UNDO},
		{"C-r", ACTION_REDO}, {"C-y", ACTION_REDO}, {"?", ACTION_HELP}, {"F1", ACTION_HELP},
		{"q", ACTION_QUIT}, {"1", ACTION_VIEW_OVERVIEW}, {"2", ACTION_VIEW_MEASURES},
		{"3", ACTION_VIEW_GROUPS}, {"4", ACTION_VIEW_PROJECTION},
		{"5", ACTION_VIEW_SETTINGS}, {"6", ACTION_VIEW_PLAN},
		{"7", ACTION_VIEW_UNCERTAINTY}, {NULL, ACTION_NONE},
	});
	cr_assert_eq(keymap_lookup(&km, key("x")), ACTION_NONE);
}

Test(keys, vi_and_emacs_presets)
{
	struct keymap km;
	keymap_preset(&km, KEY_SCHEME_VI);
	expect_bindings(&km, (const struct binding[]){
		{"C-f", ACTION_PAGE_DOWN}, {"C-b", ACTION_PAGE_UP}, {"$", ACTION_END},
		{"x", ACTION_DELETE}, {"i", ACTION_EDIT}, {NULL, ACTION_NONE},
	});
	cr_assert_eq(keymap_lookup(&km, key("C-z")), ACTION_NONE);
	keymap_preset(&km, KEY_SCHEME_EMACS);
	expect_bindings(&km, (const struct binding[]){
		{"C-n", ACTION_DOWN}, {"C-p", ACTION_UP}, {"C-f", ACTION_RIGHT},
		{"C-v", ACTION_PAGE_DOWN}, {"M-v", ACTION_PAGE_UP}, {"M-<", ACTION_HOME},
		{"C-g", ACTION_CANCEL}, {"C-s", ACTION_SEARCH}, {"C-/", ACTION_UNDO},
		{NULL, ACTION_NONE},
	});
}

Test(keys, describe_lists_keys_in_order)
{
	struct keymap km;
	char buf[64];
	keymap_preset(&km, KEY_SCHEME_DEFAULT);
	cr_assert_eq(keymap_describe(&km, ACTION_UNDO, 0, buf, sizeof buf), 6);
	cr_assert_str_eq(buf, "u, C-z");
	keymap_describe(&km, ACTION_HELP, 1, buf, sizeof buf);
	cr_assert_str_eq(buf, "?");
	int keys[4];
	cr_assert_eq(keymap_keys_for(&km, ACTION_HELP, keys, 4), 2u);
	cr_assert_eq(keys[1], KEYC_F(1));
	char tiny[4];
	cr_assert_eq(keymap_describe(&km, ACTION_UNDO, 0, tiny, sizeof tiny), 6);
	cr_assert_str_eq(tiny, "u, ");
}

/* --- [keys] ---------------------------------------------------------- */

static void load_keys(struct keymap *km, enum key_scheme scheme, const char *text)
{
	write_file(path, sizeof path, dir, "config.ini", text);
	struct ini_doc doc;
	cr_assert_eq(ini_open(path, false, &doc, &msgs), INI_OK);
	keymap_from_ini(&doc, scheme, km, &msgs);
	ini_close(&doc);
	cr_assert_eq(keymap_count_conflicts(km), 0u);
}

Test(keymap, user_keys_replace_the_preset_for_that_action)
{
	struct keymap km;
	load_keys(&km, KEY_SCHEME_DEFAULT, "[keys]\nundo = U, C-z\nquit = Q, F10\n");
	cr_assert_eq(msgs.count, 0);
	expect_binding(&km, "U", ACTION_UNDO);
	expect_binding(&km, "C-z", ACTION_UNDO);
	cr_assert_eq(keymap_lookup(&km, 'u'), ACTION_NONE, "u no longer undoes");
	expect_binding(&km, "F10", ACTION_QUIT);
	cr_assert_eq(keymap_lookup(&km, 'q'), ACTION_NONE);
	expect_binding(&km, "a", ACTION_ADD);
}

Test(keymap, user_key_taken_from_preset_action_silently_if_it_keeps_another)
{
	struct keymap km;
	/* d was delete's; delete keeps Delete, so nothing to say. */
	load_keys(&km, KEY_SCHEME_DEFAULT, "[keys]\nadd = d\n");
	cr_assert_eq(msgs.count, 0);
	expect_binding(&km, "d", ACTION_ADD);
	expect_binding(&km, "Delete", ACTION_DELETE);
}

Test(keymap, action_left_without_keys_is_reported)
{
	struct keymap km;
	load_keys(&km, KEY_SCHEME_DEFAULT, "[keys]\n\nhelp = q\n");
	expect_binding(&km, "q", ACTION_HELP);
	const struct config_message *m = find_message(&msgs, "«quit» har ingen tast lenger");
	cr_assert_eq(m->line, 3);
	cr_assert(strstr(m->text, "«q» ble gitt til «help»") != NULL, "%s", m->text);
}

Test(keymap, none_unbinds_quietly)
{
	struct keymap km;
	load_keys(&km, KEY_SCHEME_DEFAULT, "[keys]\nnext_theme = none\ntoggle_language =\n");
	cr_assert_eq(msgs.count, 0);
	int k;
	cr_assert_eq(keymap_keys_for(&km, ACTION_NEXT_THEME, &k, 1), 0u);
	cr_assert_eq(keymap_keys_for(&km, ACTION_TOGGLE_LANGUAGE, &k, 1), 0u);
	cr_assert_eq(keymap_lookup(&km, 't'), ACTION_NONE);
}

Test(keymap, key_bound_twice_is_a_conflict_with_both_lines)
{
	struct keymap km;
	load_keys(&km, KEY_SCHEME_DEFAULT,
		  "[keys]\n"           /* 1 */
		  "undo = u, z\n"      /* 2 */
		  "# kommentar\n"      /* 3 */
		  "redo = z, C-r\n");  /* 4 */
	const struct config_message *m = find_message(&msgs, "tasten «z» er bundet");
	cr_assert_str_eq(m->file, path);
	cr_assert_eq(m->line, 4);
	cr_assert(strstr(m->text, "«undo» (linje 2)") != NULL, "%s", m->text);
	cr_assert(strstr(m->text, "«redo» (linje 4)") != NULL, "%s", m->text);
	cr_assert_eq(msgs.count, 1);
	expect_binding(&km, "z", ACTION_UNDO);
	expect_binding(&km, "C-r", ACTION_REDO);
}

Test(keymap, names_a_terminal_merges_conflict_too)
{
	struct keymap km;
	load_keys(&km, KEY_SCHEME_DEFAULT, "[keys]\nnext_field = Tab\nsearch = C-i\n");
	const struct config_message *m = find_message(&msgs, "tasten «Tab» er bundet");
	cr_assert_eq(m->line, 3);
}

Test(keymap, unknown_action_suggests_the_nearest)
{
	struct keymap km;
	load_keys(&km, KEY_SCHEME_DEFAULT, "[keys]\nview_measure = m\nfly = f\n");
	const struct config_message *m = find_message(&msgs, "ukjent handling «view_measure»");
	cr_assert_eq(m->line, 2);
	cr_assert(strstr(m->text, "mente du «view_measures»") != NULL, "%s", m->text);
	m = find_message(&msgs, "ukjent handling «fly»");
	cr_assert_eq(m->line, 3);
	cr_assert_eq(keymap_lookup(&km, 'm'), ACTION_NONE);
}

Test(keymap, bad_key_is_reported_and_good_ones_kept)
{
	struct keymap km;
	load_keys(&km, KEY_SCHEME_DEFAULT, "[keys]\nundo = u, Ctrl+Z, C-z\nquit = ctrl-q\n");
	const struct config_message *m = find_message(&msgs, "«Ctrl+Z» er ingen tast");
	cr_assert_eq(m->line, 2);
	expect_binding(&km, "u", ACTION_UNDO);
	expect_binding(&km, "C-z", ACTION_UNDO);
	/* A line without one good key keeps the preset: quit stays on q. */
	m = find_message(&msgs, "«ctrl-q» er ingen tast");
	cr_assert_eq(m->line, 3);
	m = find_message(&msgs, "quit beholder forvalgets taster (q)");
	cr_assert_eq(m->line, 3);
	expect_binding(&km, "q", ACTION_QUIT);
}

Test(keymap, quoted_values_allow_comment_characters)
{
	struct keymap km;
	load_keys(&km, KEY_SCHEME_DEFAULT, "[keys]\nsearch = \"#\"\nsearch_next = Semicolon\n");
	cr_assert_eq(msgs.count, 0);
	expect_binding(&km, "Hash", ACTION_SEARCH);
	expect_binding(&km, ";", ACTION_SEARCH_NEXT);
}

Test(keymap, scheme_is_the_base)
{
	struct keymap km;
	load_keys(&km, KEY_SCHEME_EMACS, "[keys]\nquit = C-q\n");
	cr_assert_eq(msgs.count, 0);
	expect_binding(&km, "C-q", ACTION_QUIT);
	expect_binding(&km, "C-n", ACTION_DOWN);
}

/* --- config_load: everything together --------------------------------- */

Test(keymap, config_load_reads_settings_keys_and_theme)
{
	char themes[1024];
	src_path(themes, sizeof themes, "themes");
	const char *dirs[] = {themes, NULL};
	write_file(path, sizeof path, dir, "config.ini",
		   "[ui]\ntheme = mørk\nkey_scheme = vi\n[keys]\nquit = Q\n");
	struct config cfg;
	cr_assert_eq(config_load(path, dirs, &cfg, &msgs), 0);
	dump_messages(&msgs);
	cr_assert_eq(msgs.count, 0);
	cr_assert_eq(cfg.settings.key_scheme, KEY_SCHEME_VI);
	cr_assert_str_eq(cfg.theme.id, "mork");
	expect_binding(&cfg.keys, "Q", ACTION_QUIT);
	expect_binding(&cfg.keys, "x", ACTION_DELETE);
}

Test(keymap, config_load_bad_file_reports_every_mistake)
{
	char themes[1024], bad[1024];
	src_path(themes, sizeof themes, "themes");
	src_path(bad, sizeof bad, "tests/fixtures/config-bad/config.ini");
	const char *dirs[] = {themes, NULL};
	struct config cfg;
	cr_assert_eq(config_load(bad, dirs, &cfg, &msgs), 1);
	dump_messages(&msgs);
	struct {
		const char *needle;
		int line;
	} want[] = {
		{"ukjent tema «lilla»", 4},
		{"mouse = «kanskje»", 6},
		{"«F13» er ingen tast", 10},
		{"help beholder forvalgets taster", 10},
		{"tasten «u» er bundet både til «undo» (linje 11) og til «redo» (linje 12)", 12},
		{"«redo» fikk ingen tast", 12},
		{"ukjent handling «view_measure»", 13},
		{"«ctrl-f» er ingen tast", 14},
		{"ukjent seksjon [farger]", 16},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const struct config_message *m = find_message(&msgs, want[i].needle);
		cr_expect_eq(m->line, want[i].line, "%s: line %d", want[i].needle, m->line);
		cr_expect_str_eq(m->file, bad);
	}
	cr_assert_eq(msgs.count, 10, "one message per mistake, and what each left behind");
	/* The good parts were used. */
	cr_assert_eq(cfg.settings.key_scheme, KEY_SCHEME_VI);
	expect_binding(&cfg.keys, "C-q", ACTION_QUIT);
	expect_binding(&cfg.keys, "F1", ACTION_HELP);
	cr_assert_str_eq(cfg.theme.id, "standard");
	cr_assert_eq(keymap_count_conflicts(&cfg.keys), 0u);
}

Test(keymap, config_load_without_any_file)
{
	setenv("XDG_CONFIG_HOME", dir, 1);
	const char *none[] = {NULL};
	struct config cfg;
	cr_assert_eq(config_load(NULL, none, &cfg, &msgs), 0);
	cr_assert_eq(msgs.count, 0);
	cr_assert_str_eq(cfg.theme.id, "standard");
	expect_binding(&cfg.keys, "q", ACTION_QUIT);
}

Test(keymap, example_config_loads_without_messages)
{
	char themes[1024], example[1024];
	src_path(themes, sizeof themes, "themes");
	src_path(example, sizeof example, "config/config.ini.example");
	const char *dirs[] = {themes, NULL};
	struct config cfg;
	int rc = config_load(example, dirs, &cfg, &msgs);
	dump_messages(&msgs);
	cr_assert_eq(rc, 0);
	cr_assert_eq(msgs.count, 0);
	struct settings defaults;
	settings_defaults(&defaults);
	cr_assert_eq(cfg.settings.horizon, defaults.horizon);
	cr_assert_eq(cfg.settings.decimals, defaults.decimals);
}
