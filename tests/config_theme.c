/*
 * config_theme.c: colours (parsing, nearest-colour mapping with expected
 * values worked out by hand from xterm's palette), theme files, and the
 * fallback from 256 to 16 to 8 colours to monochrome and NO_COLOR.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <string.h>
#include <sys/stat.h>

#include "config/color.h"
#include "config/theme.h"
#include "tests/config_testutil.h"

#define RGB(x) (COLOR_VALUE_RGB_FLAG | (x))

static char themes[1024];
static const char *dirs[2];
static struct config_messages msgs;

static void setup(void)
{
	src_path(themes, sizeof themes, "themes");
	dirs[0] = themes;
	dirs[1] = NULL;
	config_messages_init(&msgs);
}

static void teardown(void)
{
	config_messages_free(&msgs);
}

TestSuite(color);
TestSuite(theme, .init = setup, .fini = teardown);

Test(color, parse_names_indexes_and_hex)
{
	int c;
	cr_assert(color_parse("red", &c) && c == 1);
	cr_assert(color_parse("White", &c) && c == 7);
	cr_assert(color_parse("bright-red", &c) && c == 9);
	cr_assert(color_parse("BrightBlue", &c) && c == 12);
	cr_assert(color_parse("bright_white", &c) && c == 15);
	cr_assert(color_parse("grey", &c) && c == 8);
	cr_assert(color_parse("default", &c) && c == COLOR_VALUE_DEFAULT);
	cr_assert(color_parse(" 196 ", &c) && c == 196);
	cr_assert(color_parse("0", &c) && c == 0);
	cr_assert(color_parse("#1E1e2e", &c) && c == RGB(0x1e1e2e));
	cr_assert(color_is_rgb(c));
	cr_assert_not(color_is_rgb(196));
	cr_assert_not(color_parse("256", &c));
	cr_assert_not(color_parse("-1", &c));
	cr_assert_not(color_parse("#ff00", &c));
	cr_assert_not(color_parse("#gg0000", &c));
	cr_assert_not(color_parse("lilla", &c));
	cr_assert_not(color_parse("", &c));
}

Test(color, format_reads_back)
{
	const int values[] = {-1, 0, 7, 8, 15, 16, 231, 255, RGB(0x1e1e2e)};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		char buf[32];
		int back;
		color_format(values[i], buf, sizeof buf);
		cr_assert(color_parse(buf, &back), "%s", buf);
		cr_assert_eq(back, values[i], "%s", buf);
	}
}

Test(color, palette)
{
	cr_assert_eq(color_index_rgb(1), 0xcd0000);
	cr_assert_eq(color_index_rgb(16), 0x000000);
	cr_assert_eq(color_index_rgb(21), 0x0000ff);
	/* 196 - 16 = 180 = 5·36 + 0·6 + 0 → (255, 0, 0) */
	cr_assert_eq(color_index_rgb(196), 0xff0000);
	/* 24 - 16 = 8 = 0·36 + 1·6 + 2 → (0, 95, 135) */
	cr_assert_eq(color_index_rgb(24), 0x005f87);
	cr_assert_eq(color_index_rgb(232), 0x080808);
	cr_assert_eq(color_index_rgb(255), 0xeeeeee);
}

Test(color, nearest_in_256)
{
	cr_assert_eq(color_reduce(RGB(0xff0000), 256, NULL), 196);
	cr_assert_eq(color_reduce(RGB(0x005f87), 256, NULL), 24);
	cr_assert_eq(color_reduce(RGB(0xd0d0d0), 256, NULL), 252);
	/*
	 * #1e1e2e = (30,30,46).  Redmean distance to grey 235 (38,38,38):
	 * (546·64>>8) + 4·64 + (733·64>>8) = 136 + 256 + 183 = 575; to grey
	 * 234 (28,28,28): 8 + 16 + 934 = 958; cube colours are farther.
	 */
	cr_assert_eq(color_reduce(RGB(0x1e1e2e), 256, NULL), 235);
	/* Never 0–15 for an RGB colour: terminals redefine those. */
	cr_assert_eq(color_reduce(RGB(0x000000), 256, NULL), 16);
	cr_assert_eq(color_reduce(RGB(0xffffff), 256, NULL), 231);
	/* Indexes pass through. */
	cr_assert_eq(color_reduce(9, 256, NULL), 9);
	cr_assert_eq(color_reduce(200, 256, NULL), 200);
	cr_assert_eq(color_reduce(COLOR_VALUE_DEFAULT, 256, NULL), COLOR_VALUE_DEFAULT);
}

Test(color, basic_keeps_hue)
{
	/* Pale green: hue 120°, lightness (215+135)/2 = 175 > 150 → bright. */
	cr_assert_eq(color_basic(0x87d787), 10);
	/* Pale red stays red, not grey as plain distance would make it. */
	cr_assert_eq(color_basic(0xff8787), 9);
	/* Dark red: lightness 87, max 175 → normal red. */
	cr_assert_eq(color_basic(0xaf0000), 1);
	cr_assert_eq(color_basic(0xff0000), 9);
	cr_assert_eq(color_basic(0xcd0000), 1);
	/* Gold: hue 60·(175-95)/120 = 40° → yellow sector; lightness 155. */
	cr_assert_eq(color_basic(0xd7af5f), 11);
	/* Steel blue: hue 240 - 42 = 198° → cyan sector; dark → 6. */
	cr_assert_eq(color_basic(0x005f87), 6);
	/* xterm's own blue stays blue (max 238 is not "bright"). */
	cr_assert_eq(color_basic(0x0000ee), 4);
	/* Greys by lightness. */
	cr_assert_eq(color_basic(0x1c1c1c), 0);
	cr_assert_eq(color_basic(0x808080), 8);
	cr_assert_eq(color_basic(0xd0d0d0), 7);
	cr_assert_eq(color_basic(0xeeeeee), 15);
}

Test(color, reduce_to_16_and_8)
{
	bool bright;
	cr_assert_eq(color_reduce(196, 16, NULL), 9);
	cr_assert_eq(color_reduce(196, 8, &bright), 1);
	cr_assert(bright);
	cr_assert_eq(color_reduce(9, 8, &bright), 1);
	cr_assert(bright);
	cr_assert_eq(color_reduce(3, 8, &bright), 3);
	cr_assert_not(bright);
	cr_assert_eq(color_reduce(RGB(0x1e1e2e), 16, NULL), 0);
	cr_assert_eq(color_reduce(235, 16, NULL), 0);
	/* 88-colour terminals get the 16-colour mapping. */
	cr_assert_eq(color_reduce(196, 88, NULL), 9);
	cr_assert_eq(color_reduce(196, 0, NULL), COLOR_VALUE_DEFAULT);
	cr_assert_eq(color_reduce(196, -1, NULL), COLOR_VALUE_DEFAULT);
}

static void one_style(struct theme *t, enum ui_element e, int fg, int bg, unsigned attrs,
		      unsigned mono)
{
	theme_builtin(t);
	t->style[e] = (struct theme_style){fg, bg, attrs, mono};
}

Test(color, resolve_falls_back_256_16_8_mono)
{
	struct theme t;
	struct resolved_theme r;
	one_style(&t, UI_SELECTED, RGB(0xffffff), RGB(0x005f87), THEME_ATTR_UNDERLINE,
		  THEME_ATTR_REVERSE);

	theme_resolve(&t, 256, false, &r);
	cr_assert_eq(r.colors, 256);
	cr_assert(r.color);
	cr_assert_eq(r.style[UI_SELECTED].fg, 231);
	cr_assert_eq(r.style[UI_SELECTED].bg, 24);
	cr_assert_eq(r.style[UI_SELECTED].attrs, THEME_ATTR_UNDERLINE);

	theme_resolve(&t, 16, false, &r);
	cr_assert_eq(r.colors, 16);
	cr_assert_eq(r.style[UI_SELECTED].fg, 15);
	cr_assert_eq(r.style[UI_SELECTED].bg, 6);

	theme_resolve(&t, 8, false, &r);
	cr_assert_eq(r.colors, 8);
	cr_assert_eq(r.style[UI_SELECTED].fg, 7);
	cr_assert_eq(r.style[UI_SELECTED].bg, 6);
	cr_assert_eq(r.style[UI_SELECTED].attrs, THEME_ATTR_UNDERLINE | THEME_ATTR_BOLD,
		     "bright white on 8 colours is white + bold");

	theme_resolve(&t, 0, false, &r);
	cr_assert_eq(r.colors, 0);
	cr_assert_not(r.color);
	cr_assert_eq(r.style[UI_SELECTED].fg, -1);
	cr_assert_eq(r.style[UI_SELECTED].bg, -1);
	cr_assert_eq(r.style[UI_SELECTED].attrs, THEME_ATTR_REVERSE);

	/* tigetnum("colors") is -1 on vt100. */
	theme_resolve(&t, -1, false, &r);
	cr_assert_not(r.color);
	cr_assert_eq(r.style[UI_SELECTED].attrs, THEME_ATTR_REVERSE);
}

Test(color, no_color_forces_monochrome)
{
	struct theme t;
	struct resolved_theme r;
	theme_builtin(&t);
	theme_resolve(&t, 256, true, &r);
	cr_assert_not(r.color);
	for (int e = 0; e < UI_ELEMENT_COUNT; e++) {
		cr_assert_eq(r.style[e].fg, -1);
		cr_assert_eq(r.style[e].bg, -1);
		cr_assert_eq(r.style[e].attrs, t.style[e].mono_attrs);
	}
	cr_assert_eq(r.style[UI_SELECTED].attrs, THEME_ATTR_REVERSE);
}

Test(color, no_color_env_means_set_and_not_empty)
{
	unsetenv("NO_COLOR");
	cr_assert_not(theme_no_color_env());
	setenv("NO_COLOR", "", 1);
	cr_assert_not(theme_no_color_env());
	setenv("NO_COLOR", "1", 1);
	cr_assert(theme_no_color_env());
}

Test(color, colours_that_merge_fall_back_to_mono_attrs)
{
	struct theme t;
	struct resolved_theme r;
	/* Bright red on red: distinct on 16 colours, both red on 8. */
	one_style(&t, UI_ERROR, 9, 1, 0, THEME_ATTR_BOLD | THEME_ATTR_REVERSE);
	theme_resolve(&t, 16, false, &r);
	cr_assert_eq(r.style[UI_ERROR].fg, 9);
	cr_assert_eq(r.style[UI_ERROR].bg, 1);
	theme_resolve(&t, 8, false, &r);
	cr_assert_eq(r.style[UI_ERROR].fg, -1);
	cr_assert_eq(r.style[UI_ERROR].bg, -1);
	cr_assert_eq(r.style[UI_ERROR].attrs, THEME_ATTR_BOLD | THEME_ATTR_REVERSE);
}

/* --- theme files ---------------------------------------------------- */

Test(theme, every_shipped_theme_loads_without_messages)
{
	const char *ids[] = {"standard", "lys", "mork", "mono", "hoykontrast"};
	const char *names[] = {"standard", "lys", "mørk", "mono", "høykontrast"};
	for (size_t i = 0; i < 5; i++) {
		struct theme t;
		int rc = theme_load(ids[i], dirs, &t, &msgs);
		dump_messages(&msgs);
		cr_assert_eq(rc, 0, "%s", ids[i]);
		cr_assert_eq(msgs.count, 0, "%s", ids[i]);
		cr_assert_str_eq(t.id, ids[i]);
		cr_assert_str_eq(t.name, names[i]);
		cr_assert_neq(t.path[0], '\0', "%s came from a file", ids[i]);
		/* Every element stays distinguishable without colours where it
		 * matters: selection, editing, errors. */
		cr_assert_neq(t.style[UI_SELECTED].mono_attrs, 0u, "%s", ids[i]);
		cr_assert_neq(t.style[UI_EDITING].mono_attrs, 0u, "%s", ids[i]);
		cr_assert_neq(t.style[UI_INVALID].mono_attrs, 0u, "%s", ids[i]);
		cr_assert_neq(t.style[UI_ERROR].mono_attrs, 0u, "%s", ids[i]);
	}
}

Test(theme, every_file_in_themes_folder_loads_cleanly)
{
	struct theme_info *list;
	long n = theme_list(dirs, &list);
	cr_assert_geq(n, 5);
	for (long i = 0; i < n; i++) {
		struct theme t;
		cr_assert_neq(list[i].path[0], '\0', "%s has a file", list[i].id);
		cr_assert_eq(theme_load_file(list[i].path, &t, &msgs), 0, "%s", list[i].path);
		cr_assert_str_eq(t.name, list[i].name);
	}
	cr_assert_eq(msgs.count, 0);
	free(list);
}

Test(theme, standard_file_equals_builtin)
{
	struct theme file, builtin;
	cr_assert_eq(theme_load("standard", dirs, &file, &msgs), 0);
	theme_builtin(&builtin);
	for (int e = 0; e < UI_ELEMENT_COUNT; e++) {
		const struct theme_style *a = &file.style[e], *b = &builtin.style[e];
		cr_expect(a->fg == b->fg && a->bg == b->bg && a->attrs == b->attrs &&
				  a->mono_attrs == b->mono_attrs,
			  "[%s] differs: file %d/%d/%x/%x, built-in %d/%d/%x/%x",
			  ui_element_key((enum ui_element)e), a->fg, a->bg, a->attrs,
			  a->mono_attrs, b->fg, b->bg, b->attrs, b->mono_attrs);
		cr_expect_eq(b->mono_attrs, theme_default_mono((enum ui_element)e));
	}
}

Test(theme, found_by_display_name_or_id)
{
	struct theme t;
	cr_assert_eq(theme_load("mørk", dirs, &t, &msgs), 0);
	cr_assert_str_eq(t.id, "mork");
	cr_assert_eq(theme_load("høykontrast", dirs, &t, &msgs), 0);
	cr_assert_str_eq(t.id, "hoykontrast");
	cr_assert_eq(theme_load("LYS", dirs, &t, &msgs), 0);
	cr_assert_str_eq(t.id, "lys");
	cr_assert_eq(msgs.count, 0);
}

Test(theme, mork_resolves_through_every_depth)
{
	struct theme t;
	struct resolved_theme r;
	cr_assert_eq(theme_load("mork", dirs, &t, &msgs), 0);
	/* [normal] fg "#d0d0d0" bg "#1c1c1c"; [positive] fg "#87d787". */
	theme_resolve(&t, 256, false, &r);
	cr_assert_eq(r.style[UI_NORMAL].fg, 252);
	cr_assert_eq(r.style[UI_NORMAL].bg, 234);
	cr_assert_eq(r.style[UI_POSITIVE].bg, 234, "bg inherited from [normal]");
	theme_resolve(&t, 16, false, &r);
	cr_assert_eq(r.style[UI_NORMAL].fg, 7);
	cr_assert_eq(r.style[UI_NORMAL].bg, 0);
	cr_assert_eq(r.style[UI_POSITIVE].fg, 10);
	cr_assert_eq(r.style[UI_NEGATIVE].fg, 9);
	theme_resolve(&t, 8, false, &r);
	cr_assert_eq(r.style[UI_POSITIVE].fg, 2);
	cr_assert(r.style[UI_POSITIVE].attrs & THEME_ATTR_BOLD);
	/* [border] "#4e4e4e" becomes bright-black = black + bold on black on 8
	 * colours: it falls back to the screen's colours, not to invisible. */
	cr_assert_eq(r.style[UI_BORDER].fg, 7);
	cr_assert_eq(r.style[UI_BORDER].bg, 0);
	for (int e = 0; e < UI_ELEMENT_COUNT; e++)
		cr_assert(r.style[e].fg == -1 || r.style[e].fg != r.style[e].bg, "[%s]",
			  ui_element_key((enum ui_element)e));
}

Test(theme, list_has_ids_and_names_sorted)
{
	struct theme_info *list;
	long n = theme_list(dirs, &list);
	cr_assert_eq(n, 5);
	const char *ids[] = {"hoykontrast", "lys", "mono", "mork", "standard"};
	const char *names[] = {"høykontrast", "lys", "mono", "mørk", "standard"};
	for (long i = 0; i < n; i++) {
		cr_assert_str_eq(list[i].id, ids[i]);
		cr_assert_str_eq(list[i].name, names[i]);
	}
	free(list);
}

Test(theme, list_without_folders_still_has_standard)
{
	struct theme_info *list;
	const char *none[] = {"/finnes/ikke", NULL};
	cr_assert_eq(theme_list(none, &list), 1);
	cr_assert_str_eq(list[0].id, "standard");
	cr_assert_str_eq(list[0].path, "");
	free(list);
	struct theme t;
	cr_assert_eq(theme_load("standard", none, &t, &msgs), 0, "built in");
	cr_assert_eq(msgs.count, 0);
}

Test(theme, user_folder_shadows_shipped)
{
	char tmp[512], path[1024];
	make_tmpdir(tmp, sizeof tmp);
	write_file(path, sizeof path, tmp, "standard.ini",
		   "[theme]\nname = min standard\n[title]\nfg = red\n");
	const char *both[] = {tmp, themes, NULL};
	struct theme t;
	cr_assert_eq(theme_load("standard", both, &t, &msgs), 0);
	cr_assert_str_eq(t.name, "min standard");
	cr_assert_eq(t.style[UI_TITLE].fg, 1);
	struct theme_info *list;
	long n = theme_list(both, &list);
	cr_assert_eq(n, 5, "standard is listed once");
	cr_assert_str_eq(list[4].path, path);
	free(list);
	rm_tree(tmp);
}

Test(theme, unknown_theme_falls_back_with_list)
{
	struct theme t;
	cr_assert_eq(theme_load_at("lilla", dirs, &t, &msgs, "/x/config.ini", 7), 1);
	cr_assert_str_eq(t.id, "standard");
	const struct config_message *m = find_message(&msgs, "ukjent tema «lilla»");
	cr_assert_str_eq(m->file, "/x/config.ini");
	cr_assert_eq(m->line, 7);
	cr_assert(strstr(m->text, "høykontrast, lys, mono, mørk, standard") != NULL, "%s",
		  m->text);
}

Test(theme, ids_cannot_leave_the_folder)
{
	struct theme t;
	cr_assert_eq(theme_load("../themes/lys", dirs, &t, &msgs), 1);
	cr_assert_str_eq(t.id, "standard");
	find_message(&msgs, "ukjent tema");
}

Test(theme, bad_entries_are_reported_and_the_rest_kept)
{
	char path[1024];
	src_path(path, sizeof path, "tests/fixtures/config-themes/theme-bad.ini");
	struct theme t;
	cr_assert_eq(theme_load_file(path, &t, &msgs), 1);
	dump_messages(&msgs);
	struct {
		const char *needle;
		int line;
	} want[] = {
		{"ukjent nøkkel «author» i [theme]", 5},
		{"[normal] bg er tom", 9},
		{"[title] fg = «lilla» er ingen farge", 12},
		{"[title] bg = «300» er ingen farge", 13},
		{"ukjent attributt «blink»", 14},
		{"ukjent nøkkel «shade» i [header]", 18},
		{"ukjent seksjon [knapper]", 20},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const struct config_message *m = find_message(&msgs, want[i].needle);
		cr_expect_eq(m->line, want[i].line, "%s: line %d", want[i].needle, m->line);
		cr_expect_str_eq(m->file, path);
	}
	cr_assert_eq(msgs.count, 7);
	cr_assert_str_eq(t.name, "feil");
	cr_assert_eq(t.style[UI_NORMAL].fg, 7);
	cr_assert_eq(t.style[UI_NORMAL].bg, -1);
	cr_assert_eq(t.style[UI_TITLE].fg, 7, "bad fg → [normal]'s");
	cr_assert_eq(t.style[UI_HEADER].fg, 14, "good entries are kept");
	cr_assert_eq(t.style[UI_TITLE].attrs, 0u, "bad attrs → none");
}

Test(theme, partial_theme_inherits)
{
	char path[1024];
	src_path(path, sizeof path, "tests/fixtures/config-themes/theme-partial.ini");
	struct theme t;
	cr_assert_eq(theme_load_file(path, &t, &msgs), 0);
	cr_assert_str_eq(t.id, "theme-partial");
	cr_assert_str_eq(t.name, "delvis");
	cr_assert_eq(t.style[UI_NORMAL].fg, RGB(0xe0e0e0));
	cr_assert_eq(t.style[UI_NORMAL].bg, 17);
	cr_assert_eq(t.style[UI_TITLE].fg, 11);
	cr_assert_eq(t.style[UI_TITLE].bg, 17);
	cr_assert_eq(t.style[UI_TITLE].attrs, THEME_ATTR_BOLD);
	for (int e = UI_TAB; e < UI_ELEMENT_COUNT; e++) {
		cr_assert_eq(t.style[e].fg, RGB(0xe0e0e0));
		cr_assert_eq(t.style[e].bg, 17);
		cr_assert_eq(t.style[e].attrs, 0u);
		cr_assert_eq(t.style[e].mono_attrs, theme_default_mono((enum ui_element)e));
	}
}

Test(theme, syntax_error_in_theme_gives_builtin)
{
	char tmp[512], path[1024];
	make_tmpdir(tmp, sizeof tmp);
	write_file(path, sizeof path, tmp, "brutt.ini", "[theme]\nname = brutt\n[title\n");
	const char *d[] = {tmp, NULL};
	struct theme t;
	cr_assert_eq(theme_load("brutt", d, &t, &msgs), 1);
	cr_assert_str_eq(t.id, "standard");
	const struct config_message *m = find_message(&msgs, "[title");
	cr_assert_eq(m->line, 3);
	rm_tree(tmp);
}
