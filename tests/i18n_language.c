/*
 * i18n_language.c: choosing the language (i18n/i18n.c) and seeing engine
 * and interchange messages in it, on a machine whose only locale is
 * C.UTF-8.  Reads the uninstalled catalogs in $UTENFOR_LOCALEDIR (set by
 * the test environment); skips what needs them when they were not built.
 *
 * Criterion runs every test in its own process, so each may set the
 * environment and the locale freely.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/validate.h"
#include "i18n/i18n.h"
#include "interchange/json.h"

/* A clean slate: no locale variables, as on a server started by cron. */
static void clear_locale_env(void)
{
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	unsetenv("LANG");
	unsetenv("LANGUAGE");
}

static void need_nls(void)
{
#ifndef ENABLE_NLS
	cr_skip_test("built with --disable-nls");
#endif
}

static void need_catalog(void)
{
	need_nls();
	char path[4096];
	snprintf(path, sizeof path, "%s/en/LC_MESSAGES/utenfor.mo", i18n_localedir());
	if (getenv("UTENFOR_LOCALEDIR") == NULL || access(path, R_OK) != 0)
		cr_skip_test("no English catalog at %s (msgfmt missing?)", path);
}

static void init_ok(const char *language, enum i18n_language want)
{
	char err[256] = "";
	enum i18n_language got = I18N_LANGUAGE_COUNT;
	cr_assert(i18n_init(language, &got, err, sizeof err), "i18n_init(%s): %s",
		  language ? language : "NULL", err);
	cr_assert_eq(got, want, "i18n_init(%s) chose %d, want %d", language ? language : "NULL",
		     (int)got, (int)want);
}

Test(i18n_parse, names)
{
	enum i18n_language l = I18N_LANGUAGE_COUNT;
	cr_assert(i18n_parse_language("nb", &l) && l == I18N_NB);
	l = I18N_LANGUAGE_COUNT;
	cr_assert(i18n_parse_language("NN", &l) && l == I18N_NB);
	l = I18N_LANGUAGE_COUNT;
	cr_assert(i18n_parse_language("no_NO.UTF-8", &l) && l == I18N_NB);
	l = I18N_LANGUAGE_COUNT;
	cr_assert(i18n_parse_language("bokmål", &l) && l == I18N_NB);
	l = I18N_LANGUAGE_COUNT;
	cr_assert(i18n_parse_language("en", &l) && l == I18N_EN);
	l = I18N_LANGUAGE_COUNT;
	cr_assert(i18n_parse_language("en_GB.UTF-8@euro", &l) && l == I18N_EN);
	l = I18N_LANGUAGE_COUNT;
	cr_assert(i18n_parse_language("English", &l) && l == I18N_EN);

	l = I18N_EN;
	cr_assert_not(i18n_parse_language("C", &l));
	cr_assert_not(i18n_parse_language("de_DE.UTF-8", &l));
	cr_assert_not(i18n_parse_language("eng", &l), "a prefix of a name is not the name");
	cr_assert_not(i18n_parse_language("", &l));
	cr_assert_not(i18n_parse_language(NULL, &l));
	cr_assert_eq(l, I18N_EN, "a refused name leaves *out alone");

	cr_assert_str_eq(i18n_language_code(I18N_NB), "nb");
	cr_assert_str_eq(i18n_language_code(I18N_EN), "en");
}

Test(i18n_env, posix_precedence)
{
	clear_locale_env();
	cr_assert_eq(i18n_language_from_env(), I18N_NB, "nothing set: bokmål");
	setenv("LANG", "en_US.UTF-8", 1);
	cr_assert_eq(i18n_language_from_env(), I18N_EN);
	setenv("LC_MESSAGES", "nb_NO.UTF-8", 1);
	cr_assert_eq(i18n_language_from_env(), I18N_NB, "LC_MESSAGES beats LANG");
	setenv("LC_ALL", "en_GB.UTF-8", 1);
	cr_assert_eq(i18n_language_from_env(), I18N_EN, "LC_ALL beats LC_MESSAGES");
	setenv("LC_ALL", "", 1);
	cr_assert_eq(i18n_language_from_env(), I18N_NB, "an empty LC_ALL counts as unset");
	setenv("LC_MESSAGES", "C", 1);
	cr_assert_eq(i18n_language_from_env(), I18N_NB, "C is the source language");
	setenv("LC_MESSAGES", "POSIX", 1);
	cr_assert_eq(i18n_language_from_env(), I18N_NB);
	setenv("LC_MESSAGES", "de_DE.UTF-8", 1);
	cr_assert_eq(i18n_language_from_env(), I18N_NB, "no catalog for German: bokmål");
	unsetenv("LC_MESSAGES");
	setenv("LANGUAGE", "nb", 1);
	cr_assert_eq(i18n_language_from_env(), I18N_EN, "LANGUAGE is not a locale variable");
}

Test(i18n_env, localedir_override)
{
	setenv("UTENFOR_LOCALEDIR", "/somewhere/locale", 1);
	cr_assert_str_eq(i18n_localedir(), "/somewhere/locale");
	setenv("UTENFOR_LOCALEDIR", "", 1);
	cr_assert_str_eq(i18n_localedir(), LOCALEDIR);
	unsetenv("UTENFOR_LOCALEDIR");
	cr_assert_str_eq(i18n_localedir(), LOCALEDIR);
}

Test(i18n_init, bokmal_under_c_locale)
{
	clear_locale_env();
	init_ok(NULL, I18N_NB);
	cr_assert_str_eq(_("Basisår"), "Basisår");
	cr_assert_str_eq(field_label(FIELD_SUCCESS_RATE), "Suksessrate");
}

Test(i18n_init, explicit_english_on_a_c_only_machine)
{
	need_catalog();
	clear_locale_env();
	init_ok("en", I18N_EN);
	/* glibc ignores LANGUAGE under LC_MESSAGES=C: i18n must have moved it. */
	const char *msgs = setlocale(LC_MESSAGES, NULL);
	cr_assert(strcmp(msgs, "C") != 0 && strcmp(msgs, "POSIX") != 0,
		  "LC_MESSAGES is still %s", msgs);
	cr_assert_str_eq(setlocale(LC_NUMERIC, NULL), "C", "LC_NUMERIC must stay C");
	cr_assert_str_eq(_("Basisår"), "Base year");
	cr_assert_str_eq(field_label(FIELD_SUCCESS_RATE), "Success rate");
}

Test(i18n_init, explicit_argument_beats_locale)
{
	need_catalog();
	clear_locale_env();
	setenv("LANG", "en_US.UTF-8", 1);
	init_ok("nb", I18N_NB);
	cr_assert_str_eq(_("Basisår"), "Basisår");

	clear_locale_env();
	setenv("LANG", "nb_NO.UTF-8", 1);
	init_ok("en", I18N_EN);
	cr_assert_str_eq(_("Basisår"), "Base year");
}

Test(i18n_init, english_locale_not_installed)
{
	need_catalog();
	clear_locale_env();
	/* This machine has no en_US locale: the variable alone must decide. */
	setenv("LANG", "en_US.UTF-8", 1);
	init_ok("auto", I18N_EN);
	cr_assert_str_eq(_("Kilde"), "Source");
}

Test(i18n_init, unknown_name_falls_back_to_locale)
{
	clear_locale_env();
	char err[256] = "";
	enum i18n_language got = I18N_EN;
	cr_assert_not(i18n_init("tysk", &got, err, sizeof err));
	cr_assert_eq(got, I18N_NB);
	cr_assert(strstr(err, "«tysk»") != NULL && strstr(err, "nb") != NULL &&
		      strstr(err, "en") != NULL,
		  "the message names the value and the choices: %s", err);
}

Test(i18n_init, missing_catalog_is_reported)
{
	need_nls();
	char dir[] = "/tmp/utenfor-i18n-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	clear_locale_env();
	setenv("UTENFOR_LOCALEDIR", dir, 1);
	char err[512] = "";
	enum i18n_language got = I18N_EN;
	cr_assert_not(i18n_init("en", &got, err, sizeof err));
	rmdir(dir);
	cr_assert_eq(got, I18N_NB);
	cr_assert(strstr(err, dir) != NULL, "the message names where it looked: %s", err);
	cr_assert_str_eq(_("Basisår"), "Basisår");

	/* Asked for by the locale only, the fallback is quiet. */
	setenv("LANG", "en_US.UTF-8", 1);
	err[0] = '\0';
	cr_assert(i18n_init(NULL, &got, err, sizeof err));
	cr_assert_eq(got, I18N_NB);
	cr_assert_str_eq(err, "");
}

Test(i18n_switch, at_run_time_both_ways)
{
	need_catalog();
	clear_locale_env();
	init_ok("nb", I18N_NB);
	char err[256] = "";
	/* Translate first, so a cache that survived a switch would show. */
	cr_assert_str_eq(_("Dødvekt"), "Dødvekt");
	cr_assert(i18n_set_language(I18N_EN, err, sizeof err), "%s", err);
	cr_assert_str_eq(_("Dødvekt"), "Deadweight");
	cr_assert(i18n_set_language(I18N_NB, err, sizeof err), "%s", err);
	cr_assert_str_eq(_("Dødvekt"), "Dødvekt");
	cr_assert(i18n_set_language(I18N_EN, err, sizeof err), "%s", err);
	cr_assert_str_eq(_("Dødvekt"), "Deadweight");
	cr_assert_str_eq(NG_("%d år (%d–%d)", "%d år (%d–%d)", 1), "%d year (%d–%d)");
	cr_assert_str_eq(NG_("%d år (%d–%d)", "%d år (%d–%d)", 30), "%d years (%d–%d)");
}

/* The TUI reads back what main chose: it must follow every switch. */
Test(i18n_switch, language_in_effect_follows_the_switch)
{
	need_catalog();
	clear_locale_env();
	init_ok("nb", I18N_NB);
	cr_assert_eq(i18n_language_in_effect(), I18N_NB);
	char err[256] = "";
	cr_assert(i18n_set_language(I18N_EN, err, sizeof err), "%s", err);
	cr_assert_eq(i18n_language_in_effect(), I18N_EN);
	cr_assert_str_eq(_("Oversikt"), "Overview");
	cr_assert(i18n_set_language(I18N_NB, err, sizeof err), "%s", err);
	cr_assert_eq(i18n_language_in_effect(), I18N_NB);
	cr_assert_str_eq(_("Oversikt"), "Oversikt");
}

Test(i18n_messages, engine_problem_in_both_languages)
{
	need_catalog();
	clear_locale_env();
	struct problems *p = malloc(sizeof *p);
	cr_assert_not_null(p);

	init_ok("nb", I18N_NB);
	problems_clear(p);
	cr_assert_not(field_check(FIELD_SUCCESS_RATE, 1.5, "measures[0].success_rate", p));
	cr_assert_eq(p->count, 1);
	cr_assert_str_eq(p->list[0].message,
			 "Suksessrate må være mellom 0 og 1 (0–100 %), fikk 1,5");

	char err[256] = "";
	cr_assert(i18n_set_language(I18N_EN, err, sizeof err), "%s", err);
	problems_clear(p);
	cr_assert_not(field_check(FIELD_SUCCESS_RATE, 1.5, "measures[0].success_rate", p));
	cr_assert_eq(p->count, 1);
	/* The words change; the number stays Norwegian (engine/numbers.h). */
	cr_assert_str_eq(p->list[0].message,
			 "Success rate must be between 0 and 1 (0–100 %), got 1,5");
	free(p);
}

Test(i18n_messages, interchange_problem_in_english_is_utf8)
{
	need_catalog();
	clear_locale_env();
	/* LC_CTYPE stays "C" (ASCII): the translation must still come out as
	 * UTF-8, like the bokmål source strings do. */
	init_ok("en", I18N_EN);
	static const char doc[] = "{\"format\": \"regneark\", \"version\": 1}";
	struct problems *p = malloc(sizeof *p);
	cr_assert_not_null(p);
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(json_read_workbook(doc, sizeof doc - 1, &wb, p), -1);
	bool found = false;
	for (size_t i = 0; i < p->count; i++)
		if (strcmp(p->list[i].path, "format") == 0) {
			cr_assert_str_eq(p->list[i].message,
					 "must be \u201cutenfor-workbook\u201d; this is not an "
					 "utenfor document");
			found = true;
		}
	cr_assert(found, "no problem reported at \"format\"");
	workbook_free(&wb);
	free(p);
}

Test(i18n_init, without_nls_english_is_refused)
{
#ifdef ENABLE_NLS
	cr_skip_test("built with gettext");
#else
	clear_locale_env();
	char err[256] = "";
	enum i18n_language got = I18N_EN;
	cr_assert_not(i18n_init("en", &got, err, sizeof err));
	cr_assert_eq(got, I18N_NB);
	cr_assert(strstr(err, "--disable-nls") != NULL, "%s", err);
	cr_assert_str_eq(_("Basisår"), "Basisår");
#endif
}

Test(i18n_context, a_word_with_context_reads_as_the_word)
{
	/* Untranslated (bokmål), NC_() text is the word without its context;
	 * plain text passes through. */
	static const char *const cols[] = {NC_("kolonne", "Kommune"), N_("Fylke")};
	cr_assert_str_eq(i18n_without_context(cols[0]), "Kommune");
	cr_assert_str_eq(i18n_without_context(cols[1]), "Fylke");
	cr_assert_null(i18n_without_context(NULL));
}
