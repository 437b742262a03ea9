/*
 * config_settings.c: config.ini's settings: every key read, every kind of
 * bad configuration reported with file and line while the defaults stand
 * in, and write-back that keeps the user's comments and order.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "config/ini_write.h"
#include "config/paths.h"
#include "config/settings.h"
#include "tests/config_testutil.h"

CONFIG_SCRATCH
static struct settings s;

static int load(const char *text)
{
	write_file(path, sizeof path, dir, "config.ini", text);
	return settings_load(path, &s, &msgs);
}

TestSuite(settings, .init = scratch_setup, .fini = scratch_teardown);

Test(settings, defaults_when_file_is_empty)
{
	cr_assert_eq(load(""), 0);
	cr_assert_eq(msgs.count, 0);
	cr_assert_str_eq(s.theme, "standard");
	cr_assert_eq(s.language, LANGUAGE_NB);
	cr_assert_eq(s.key_scheme, KEY_SCHEME_DEFAULT);
	cr_assert_eq(s.mouse, false);
	cr_assert_eq(s.confirm_delete, true);
	cr_assert_str_eq(s.workbook, "");
	cr_assert_eq(s.horizon, 40);
	cr_assert_eq(s.discount.mode, DISCOUNT_R109);
	cr_assert_float_eq(s.discount.rate, 0.04, 1e-12);
	cr_assert_eq(s.decimals, 0);
	cr_assert_eq(s.thousands, THOUSANDS_STYLE_SPACE);
	cr_assert_str_eq(s.source, path);
}

Test(settings, every_key_is_read)
{
	setenv("HOME", "/home/kari", 1);
	int rc = load("# alle innstillinger\n"
		      "[ui]\n"
		      "theme = mørk\n"
		      "language = en\n"
		      "key_scheme = vi\n"
		      "mouse = on\n"
		      "confirm_delete = no\n"
		      "\n"
		      "[workbook]\n"
		      "path = ~/kommune/asker.utenfor\n"
		      "horizon = 75\n"
		      "discount = flat\n"
		      "discount_rate = 2,5 %\n"
		      "\n"
		      "[numbers]\n"
		      "decimals = 2\n"
		      "thousands = narrow-nbsp\n");
	dump_messages(&msgs);
	cr_assert_eq(rc, 0);
	cr_assert_eq(msgs.count, 0);
	cr_assert_str_eq(s.theme, "mørk");
	cr_assert_eq(s.language, LANGUAGE_EN);
	cr_assert_eq(s.key_scheme, KEY_SCHEME_VI);
	cr_assert_eq(s.mouse, true);
	cr_assert_eq(s.confirm_delete, false);
	cr_assert_str_eq(s.workbook, "/home/kari/kommune/asker.utenfor");
	cr_assert_eq(s.horizon, 75);
	cr_assert_eq(s.discount.mode, DISCOUNT_FLAT);
	cr_assert_float_eq(s.discount.rate, 0.025, 1e-12);
	cr_assert_eq(s.decimals, 2);
	cr_assert_eq(s.thousands, THOUSANDS_STYLE_NARROW_NBSP);
	cr_assert_str_eq(thousands_style_separator(s.thousands), "\xe2\x80\xaf");
}

Test(settings, values_are_case_insensitive_and_booleans_have_synonyms)
{
	load("[UI]\nLanguage = NB\nkey_scheme = Emacs\nmouse = Ja\nconfirm_delete = off\n"
	     "[numbers]\nthousands = NBSP\n");
	cr_assert_eq(msgs.count, 0);
	cr_assert_eq(s.key_scheme, KEY_SCHEME_EMACS);
	cr_assert_eq(s.mouse, true);
	cr_assert_eq(s.confirm_delete, false);
	cr_assert_eq(s.thousands, THOUSANDS_STYLE_NBSP);
}

Test(settings, rate_accepts_point_and_comma)
{
	load("[workbook]\ndiscount = flat\ndiscount_rate = 3.5\n");
	cr_assert_eq(msgs.count, 0);
	cr_assert_float_eq(s.discount.rate, 0.035, 1e-12);
}

/* Each bad value: default kept, message names file, line, value and what
 * is allowed. */
Test(settings, bad_values_fall_back_with_file_line_and_allowed)
{
	int rc = load("[ui]\n"                   /* 1 */
		      "language = fr\n"          /* 2 */
		      "key_scheme = nano\n"      /* 3 */
		      "mouse = kanskje\n"        /* 4 */
		      "[workbook]\n"             /* 5 */
		      "horizon = 101\n"          /* 6 */
		      "discount = r110\n"        /* 7 */
		      "discount_rate = 25\n"     /* 8 */
		      "[numbers]\n"              /* 9 */
		      "decimals = 3\n"           /* 10 */
		      "thousands = komma\n");    /* 11 */
	cr_assert_eq(rc, 1);
	struct {
		const char *needle;
		int line;
		const char *allowed;
	} want[] = {
		{"language = «fr»", 2, "nb, en"},
		{"key_scheme = «nano»", 3, "default, vi, emacs"},
		{"mouse = «kanskje»", 4, "yes/no"},
		{"horizon = «101»", 6, "1 til 100"},
		{"discount = «r110»", 7, "r109"},
		{"discount_rate = «25»", 8, "0 til 20"},
		{"decimals = «3»", 10, "0, 1 eller 2"},
		{"thousands = «komma»", 11, "narrow-nbsp"},
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const struct config_message *m = find_message(&msgs, want[i].needle);
		cr_expect_str_eq(m->file, path);
		cr_expect_eq(m->line, want[i].line, "%s: line %d", want[i].needle, m->line);
		cr_expect(strstr(m->text, want[i].allowed) != NULL, "%s", m->text);
	}
	cr_assert_eq(s.language, LANGUAGE_NB);
	cr_assert_eq(s.key_scheme, KEY_SCHEME_DEFAULT);
	cr_assert_eq(s.mouse, false);
	cr_assert_eq(s.horizon, 40);
	cr_assert_eq(s.discount.mode, DISCOUNT_R109);
	cr_assert_float_eq(s.discount.rate, 0.04, 1e-12);
	cr_assert_eq(s.decimals, 0);
	cr_assert_eq(s.thousands, THOUSANDS_STYLE_SPACE);
}

Test(settings, octal_looking_numbers_are_decimal)
{
	load("[workbook]\nhorizon = 042\n");
	cr_assert_eq(msgs.count, 0);
	cr_assert_eq(s.horizon, 42); /* iniparser_getint would read 34 */
}

Test(settings, rate_without_flat_is_pointed_out)
{
	load("[workbook]\n\ndiscount_rate = 3\n");
	const struct config_message *m = find_message(&msgs, "bare med discount = flat");
	cr_assert_eq(m->line, 3);
}

Test(settings, unknown_section_and_key_are_reported_by_line)
{
	int rc = load("[ui]\n"
		      "theme = lys\n"
		      "farge = blå\n"
		      "[utseende]\n"
		      "x = 1\n"
		      "[numbers]\n"
		      "decimals = 1\n");
	cr_assert_eq(rc, 1);
	const struct config_message *m = find_message(&msgs, "ukjent nøkkel «farge»");
	cr_assert_eq(m->line, 3);
	cr_assert(strstr(m->text, "theme, language, key_scheme") != NULL);
	m = find_message(&msgs, "ukjent seksjon [utseende]");
	cr_assert_eq(m->line, 4);
	cr_assert_eq(msgs.count, 2, "the key inside the unknown section is not reported again");
	cr_assert_str_eq(s.theme, "lys");
	cr_assert_eq(s.decimals, 1, "good keys after bad ones still count");
}

Test(settings, key_before_any_section)
{
	load("theme = lys\n[ui]\n");
	const struct config_message *m = find_message(&msgs, "før første seksjon");
	cr_assert_eq(m->line, 1);
	cr_assert_str_eq(s.theme, "standard");
}

Test(settings, repeated_key_names_both_lines_and_last_wins)
{
	load("[ui]\ntheme = lys\nlanguage = nb\ntheme = mono\n");
	const struct config_message *m = find_message(&msgs, "står flere ganger");
	cr_assert_eq(m->line, 2);
	cr_assert(strstr(m->text, "linje 4") != NULL, "%s", m->text);
	cr_assert_str_eq(s.theme, "mono");
}

/* iniparser refuses the whole file on one bad line: we say which line, and
 * everything falls back to the defaults. */
Test(settings, syntax_error_names_the_line)
{
	int rc = load("[ui]\n"
		      "theme = lys\n"
		      "\n"
		      "dette er ingen innstilling\n"
		      "[numbers]\n"
		      "decimals = 2\n");
	cr_assert_eq(rc, 1);
	const struct config_message *m = find_message(&msgs, "dette er ingen innstilling");
	cr_assert_eq(m->line, 4);
	cr_assert_str_eq(m->file, path);
	cr_assert_str_eq(s.theme, "standard");
	cr_assert_eq(s.decimals, 0);
	cr_assert_str_eq(s.source, "");
}

Test(settings, section_header_with_comment_is_a_syntax_error)
{
	/* iniparser 4.1 accepts no comment after "[ui]"; say so precisely. */
	load("\n[ui] ; brukergrensesnitt\ntheme = lys\n");
	const struct config_message *m = find_message(&msgs, "[ui] ; brukergrensesnitt");
	cr_assert_eq(m->line, 2);
}

Test(settings, overlong_line_is_reported)
{
	char text[1200] = "[ui]\ntheme = ";
	size_t n = strlen(text);
	memset(text + n, 'x', 1100);
	strcpy(text + n + 1100, "\n");
	load(text);
	const struct config_message *m = find_message(&msgs, "lengre enn 1022 tegn");
	cr_assert_eq(m->line, 2);
}

Test(settings, continued_line_is_one_value)
{
	load("[workbook]\npath = /a/very/\\\nlong/path\nhorizon = 30\n");
	cr_assert_eq(msgs.count, 0);
	cr_assert_str_eq(s.workbook, "/a/very/long/path");
	cr_assert_eq(s.horizon, 30);
}

Test(settings, quoted_hash_is_a_value_unquoted_hash_a_comment)
{
	load("[workbook]\npath = \"/data/#1/bok.utenfor\"\n[ui]\ntheme = lys # my theme\n");
	cr_assert_eq(msgs.count, 0);
	cr_assert_str_eq(s.workbook, "/data/#1/bok.utenfor");
	cr_assert_str_eq(s.theme, "lys");
}

Test(settings, missing_explicit_file_is_reported)
{
	char missing[1100];
	snprintf(missing, sizeof missing, "%s/finnes-ikke.ini", dir);
	cr_assert_eq(settings_load(missing, &s, &msgs), 1);
	const struct config_message *m = find_message(&msgs, "finnes ikke");
	cr_assert_str_eq(m->file, missing);
	cr_assert_eq(s.horizon, 40);
}

Test(settings, missing_default_file_is_silent)
{
	setenv("XDG_CONFIG_HOME", dir, 1);
	cr_assert_eq(settings_load(NULL, &s, &msgs), 0);
	cr_assert_eq(msgs.count, 0);
}

Test(settings, default_file_comes_from_xdg_config_home)
{
	char sub[1100];
	snprintf(sub, sizeof sub, "%s/utenfor", dir);
	mkdir(sub, 0700);
	write_file(path, sizeof path, sub, "config.ini", "[ui]\ntheme = mono\n");
	setenv("XDG_CONFIG_HOME", dir, 1);
	cr_assert_eq(settings_load(NULL, &s, &msgs), 0);
	cr_assert_str_eq(s.theme, "mono");
	cr_assert_str_eq(s.source, path);
}

Test(settings, directory_instead_of_file_is_reported)
{
	cr_assert_eq(settings_load(dir, &s, &msgs), 1);
	find_message(&msgs, "ikke en vanlig fil");
}

Test(settings, unreadable_file_is_reported)
{
	if (geteuid() == 0) {
		/* A skipped test does not reach .fini: clean up here. */
		scratch_teardown();
		cr_skip_test("root reads files without permission");
	}
	write_file(path, sizeof path, dir, "config.ini", "[ui]\ntheme = lys\n");
	chmod(path, 0);
	cr_assert_eq(settings_load(path, &s, &msgs), 1);
	find_message(&msgs, "kan ikke lese filen");
	cr_assert_str_eq(s.theme, "standard");
}

Test(settings, path_through_a_file_is_reported)
{
	write_file(path, sizeof path, dir, "config.ini", "");
	char through[1100];
	snprintf(through, sizeof through, "%s/config.ini/config.ini", dir);
	cr_assert_eq(settings_load(through, &s, &msgs), 1);
	const struct config_message *m = find_message(&msgs, "kan ikke lese filen");
	cr_assert_str_eq(m->file, through);
	cr_assert_eq(m->line, 0);
}

Test(paths, xdg_rules)
{
	char buf[256];
	cr_assert(config_file_for(buf, sizeof buf, "/x/cfg", "/home/k"));
	cr_assert_str_eq(buf, "/x/cfg/utenfor/config.ini");
	cr_assert(config_file_for(buf, sizeof buf, "relativ/sti", "/home/k"));
	cr_assert_str_eq(buf, "/home/k/.config/utenfor/config.ini");
	cr_assert(config_file_for(buf, sizeof buf, "", "/home/k"));
	cr_assert_str_eq(buf, "/home/k/.config/utenfor/config.ini");
	cr_assert_not(config_file_for(buf, sizeof buf, NULL, NULL));
	cr_assert(config_expand_home(buf, sizeof buf, "~/a.utenfor", "/home/k"));
	cr_assert_str_eq(buf, "/home/k/a.utenfor");
	cr_assert_not(config_expand_home(buf, sizeof buf, "~/a", NULL));

	struct theme_dirs td;
	theme_dirs_for(&td, NULL, "/home/k", "/usr/share/utenfor/themes");
	cr_assert_str_eq(td.list[0], "/home/k/.config/utenfor/themes");
	cr_assert_str_eq(td.list[1], "/usr/share/utenfor/themes");
	cr_assert_null(td.list[2]);
}

Test(parse, known_keys)
{
	cr_assert(settings_key_known("ui", "theme"));
	cr_assert(settings_key_known("workbook", "discount_rate"));
	cr_assert(settings_key_known("keys", "undo"));
	cr_assert_not(settings_key_known("keys", "fly"));
	cr_assert_not(settings_key_known("ui", "them"));
	cr_assert_not(settings_key_known("ui", "e"), "no substring matches");
	cr_assert_not(settings_key_known("farger", "fg"));
}

Test(messages, format_with_and_without_file_and_line)
{
	struct config_messages m;
	config_messages_init(&m);
	config_messages_add(&m, "/a/config.ini", 3, "feil %d", 1);
	config_messages_add(&m, "/a/config.ini", 0, "feil 2");
	config_messages_add(&m, NULL, 0, "feil 3");
	config_messages_add(NULL, "x", 1, "ignored");
	cr_assert_eq(m.count, 3);
	char buf[64];
	cr_assert_eq(config_message_format(&m.items[0], buf, sizeof buf), 23);
	cr_assert_str_eq(buf, "/a/config.ini:3: feil 1");
	config_message_format(&m.items[1], buf, sizeof buf);
	cr_assert_str_eq(buf, "/a/config.ini: feil 2");
	config_message_format(&m.items[2], buf, sizeof buf);
	cr_assert_str_eq(buf, "feil 3");
	cr_assert(config_messages_contain(&m, "feil 2"));
	cr_assert_not(config_messages_contain(&m, "feil 4"));
	config_messages_free(&m);
	cr_assert_eq(m.count, 0);
}

Test(messages, sort_by_file_then_line_stably)
{
	struct config_messages m;
	config_messages_init(&m);
	config_messages_add(&m, NULL, 0, "før");
	config_messages_add(&m, "/b", 9, "b9");
	config_messages_add(&m, "/a", 5, "a5");
	config_messages_add(&m, "/b", 2, "b2");
	config_messages_add(&m, "/b", 2, "b2-andre");
	config_messages_add(&m, "/a", 0, "a0");
	config_messages_add(&m, "/b", 0, "b0");
	config_messages_sort(&m, 1);
	const char *want[] = {"før", "b0", "b2", "b2-andre", "b9", "a0", "a5"};
	cr_assert_eq(m.count, 7);
	for (size_t i = 0; i < 7; i++)
		cr_assert_str_eq(m.items[i].text, want[i]);
	config_messages_free(&m);
}

Test(parse, numbers_and_booleans)
{
	double d;
	cr_assert(config_parse_decimal("4", &d) && d == 4.0);
	cr_assert(config_parse_decimal(" 2,5 % ", &d) && fabs(d - 2.5) < 1e-12);
	cr_assert(config_parse_decimal("0.25", &d) && fabs(d - 0.25) < 1e-12);
	cr_assert_not(config_parse_decimal("4 prosent", &d));
	cr_assert_not(config_parse_decimal("", &d));
	cr_assert_not(config_parse_decimal(",", &d));
	long n;
	cr_assert(config_parse_int(" 7 ", 0, 10, &n) && n == 7);
	cr_assert_not(config_parse_int("7x", 0, 10, &n));
	cr_assert_not(config_parse_int("11", 0, 10, &n));
	bool b;
	cr_assert(config_parse_bool("NEI", &b) && !b);
	cr_assert(config_parse_bool("på", &b) && b);
	cr_assert_not(config_parse_bool("kanskje", &b));
}

/* --- write-back ---------------------------------------------------- */

static const char *const user_file =
	"# Mine innstillinger\n"
	"[ui]\n"
	"  theme   =   lys   ; endret i fjor\n"
	"language = nb\n"
	"\n"
	"# tall\n"
	"[numbers]\n"
	"decimals = 1\n";

Test(settings, write_back_edits_line_in_place)
{
	write_file(path, sizeof path, dir, "config.ini", user_file);
	cr_assert_eq(config_set_value(path, "ui", "theme", "mork", &msgs), 0);
	char *text = read_text(path);
	cr_assert_str_eq(text, "# Mine innstillinger\n"
			       "[ui]\n"
			       "  theme = mork   ; endret i fjor\n"
			       "language = nb\n"
			       "\n"
			       "# tall\n"
			       "[numbers]\n"
			       "decimals = 1\n");
	free(text);
	cr_assert_eq(settings_load(path, &s, &msgs), 0);
	cr_assert_str_eq(s.theme, "mork");
	cr_assert_eq(s.decimals, 1);
}

Test(settings, write_back_adds_key_at_end_of_its_section)
{
	write_file(path, sizeof path, dir, "config.ini", user_file);
	cr_assert_eq(config_set_value(path, "ui", "mouse", "on", &msgs), 0);
	char *text = read_text(path);
	cr_assert_str_eq(text, "# Mine innstillinger\n"
			       "[ui]\n"
			       "  theme   =   lys   ; endret i fjor\n"
			       "language = nb\n"
			       "mouse = on\n"
			       "\n"
			       "# tall\n"
			       "[numbers]\n"
			       "decimals = 1\n");
	free(text);
}

Test(settings, write_back_appends_new_section_and_quotes_when_needed)
{
	write_file(path, sizeof path, dir, "config.ini", user_file);
	cr_assert_eq(config_set_value(path, "workbook", "path", "/data/#2/bok.utenfor", &msgs), 0);
	char *text = read_text(path);
	const char *tail = "decimals = 1\n\n[workbook]\npath = \"/data/#2/bok.utenfor\"\n";
	cr_assert(strlen(text) > strlen(tail));
	cr_assert_str_eq(text + strlen(text) - strlen(tail), tail);
	free(text);
	cr_assert_eq(settings_load(path, &s, &msgs), 0);
	cr_assert_str_eq(s.workbook, "/data/#2/bok.utenfor");
}

Test(settings, write_back_creates_file_and_folders)
{
	char nested[1100];
	snprintf(nested, sizeof nested, "%s/a/b/config.ini", dir);
	cr_assert_eq(config_set_value(nested, "ui", "theme", "mono", &msgs), 0);
	char *text = read_text(nested);
	cr_assert_str_eq(text, "[ui]\ntheme = mono\n");
	free(text);
}

Test(settings, write_back_to_default_path)
{
	setenv("XDG_CONFIG_HOME", dir, 1);
	cr_assert_eq(config_set_value(NULL, "ui", "theme", "lys", &msgs), 0);
	cr_assert_eq(settings_load(NULL, &s, &msgs), 0);
	cr_assert_str_eq(s.theme, "lys");
}

Test(settings, write_back_keeps_mode_and_leaves_no_temporary)
{
	write_file(path, sizeof path, dir, "config.ini", user_file);
	chmod(path, 0600);
	cr_assert_eq(config_set_value(path, "numbers", "decimals", "2", &msgs), 0);
	struct stat st;
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
	/* Only config.ini is left in the folder. */
	int files = 0;
	DIR *d = opendir(dir);
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			files++;
	closedir(d);
	cr_assert_eq(files, 1);
}

Test(settings, write_back_follows_a_symlink)
{
	char real[1100], link[1100];
	write_file(real, sizeof real, dir, "real.ini", "[ui]\ntheme = lys\n");
	snprintf(link, sizeof link, "%s/config.ini", dir);
	cr_assert_eq(symlink(real, link), 0);
	cr_assert_eq(config_set_value(link, "ui", "theme", "mono", &msgs), 0);
	struct stat st;
	cr_assert_eq(lstat(link, &st), 0);
	cr_assert(S_ISLNK(st.st_mode), "the link is still a link");
	char *text = read_text(real);
	cr_assert_str_eq(text, "[ui]\ntheme = mono\n");
	free(text);
}

Test(settings, write_back_keeps_crlf_and_missing_final_newline)
{
	write_file(path, sizeof path, dir, "config.ini", "[ui]\r\ntheme = lys\r\nlanguage = nb");
	cr_assert_eq(config_set_value(path, "ui", "language", "en", &msgs), 0);
	cr_assert_eq(config_set_value(path, "ui", "theme", "mono", &msgs), 0);
	char *text = read_text(path);
	cr_assert_str_eq(text, "[ui]\r\ntheme = mono\r\nlanguage = en");
	free(text);
	cr_assert_eq(settings_load(path, &s, &msgs), 0);
	cr_assert_eq(s.language, LANGUAGE_EN);
}

Test(settings, write_back_refuses_unwritable_values)
{
	write_file(path, sizeof path, dir, "config.ini", user_file);
	cr_assert_eq(config_set_value(path, "ui", "theme", "a\nb", &msgs), -1);
	find_message(&msgs, "linjeskift");
	cr_assert_eq(config_set_value(path, "ui", "theme", "a\"b'c", &msgs), -1);
	char *text = read_text(path);
	cr_assert_str_eq(text, user_file, "the file is unchanged");
	free(text);
}

Test(settings, write_back_replaces_the_last_of_repeated_keys)
{
	write_file(path, sizeof path, dir, "config.ini",
		   "[ui]\ntheme = lys\ntheme = mono\n[numbers]\ndecimals = 0\n");
	cr_assert_eq(config_set_value(path, "UI", "Theme", "standard", &msgs), 0);
	char *text = read_text(path);
	cr_assert_str_eq(text, "[ui]\ntheme = lys\ntheme = standard\n[numbers]\ndecimals = 0\n");
	free(text);
}
