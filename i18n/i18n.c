/*
 * i18n.c: choosing the language of the interface, at start-up and at run
 * time.  This is the one place that calls setlocale(LC_MESSAGES, …),
 * bindtextdomain() and textdomain().
 *
 * How a language is put in effect (glibc's gettext):
 *   - LANGUAGE names the catalog: "en" reads LOCALEDIR/en/LC_MESSAGES/
 *     utenfor.mo; "nb" finds none, so the bokmål source strings show.
 *   - glibc ignores LANGUAGE while LC_MESSAGES is exactly "C" or "POSIX",
 *     the usual state on a server whose only locale is C.UTF-8.  For
 *     English such an LC_MESSAGES is replaced with C.UTF-8 (or the first
 *     UTF-8 locale that exists); its messages are the same untranslated
 *     ones, so nothing else changes.
 *   - glibc caches translations; bumping _nl_msg_cat_cntr (what textdomain()
 *     does, and what the gettext manual tells programs that change
 *     LANGUAGE to do) drops the cache, so a switch takes effect at once.
 *
 * The language in effect is the process's environment and locale, not a
 * variable here: callers that must remember it (the TUI) keep the value
 * that i18n_init()/i18n_set_language() report.
 *
 * Must never: touch LC_NUMERIC, LC_CTYPE or LC_ALL, print, or exit.
 */
#include "config.h"

#include "i18n/i18n.h"

#include <ctype.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

#if defined ENABLE_NLS && defined __GLIBC__
/* GNU libc's catalog generation counter (libintl.h does not declare it). */
extern int _nl_msg_cat_cntr;
#endif

static const char *const language_codes[I18N_LANGUAGE_COUNT] = {
	[I18N_NB] = "nb",
	[I18N_EN] = "en",
};

/* Fill the caller's error buffer, when there is one. */
__attribute__((format(printf, 3, 4))) static void set_error(char *err, size_t errsize,
							    const char *fmt, ...)
{
	if (err == NULL || errsize == 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errsize, fmt, ap);
	va_end(ap);
}

/* Case-insensitive ASCII comparison of name[0..len) with word. */
static bool word_is(const char *name, size_t len, const char *word)
{
	if (strlen(word) != len)
		return false;
	for (size_t i = 0; i < len; i++)
		if (tolower((unsigned char)name[i]) != tolower((unsigned char)word[i]))
			return false;
	return true;
}

bool i18n_parse_language(const char *name, enum i18n_language *out)
{
	if (name == NULL)
		return false;
	/* "en_GB.UTF-8@euro" is judged by "en". */
	size_t len = strcspn(name, "_.@-");
	if (word_is(name, len, "en") || word_is(name, len, "english") ||
	    word_is(name, len, "engelsk")) {
		*out = I18N_EN;
		return true;
	}
	if (word_is(name, len, "nb") || word_is(name, len, "nn") || word_is(name, len, "no") ||
	    word_is(name, len, "norsk") || word_is(name, len, "bokmål") ||
	    word_is(name, len, "bokmal")) {
		*out = I18N_NB;
		return true;
	}
	return false;
}

enum i18n_language i18n_language_from_env(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v == NULL || *v == '\0')
			continue;
		/* The first set variable decides, as in setlocale(): C, POSIX and
		 * languages without a catalog all mean the source language. */
		enum i18n_language lang = I18N_NB;
		(void)i18n_parse_language(v, &lang);
		return lang;
	}
	return I18N_NB;
}

const char *i18n_language_code(enum i18n_language lang)
{
	return (unsigned)lang < I18N_LANGUAGE_COUNT ? language_codes[lang] : "nb";
}

enum i18n_language i18n_language_in_effect(void)
{
	enum i18n_language lang = I18N_NB;
#ifdef ENABLE_NLS
	(void)i18n_parse_language(getenv("LANGUAGE"), &lang);
#endif
	return lang;
}

const char *i18n_localedir(void)
{
	const char *dir = getenv("UTENFOR_LOCALEDIR");
	return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

#ifdef ENABLE_NLS
/* The UTF-8 locales LC_MESSAGES may borrow when it is "C" (see above). */
static const char *const message_locales[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8",
					      "en_GB.UTF-8"};

/* Make glibc forget the translations it looked up under the old LANGUAGE. */
static void drop_cached_translations(void)
{
	/* textdomain() with the current name bumps the counter in glibc and
	 * in GNU libintl alike; the explicit bump is the documented way. */
	textdomain(I18N_DOMAIN);
#ifdef __GLIBC__
	++_nl_msg_cat_cntr;
#endif
}

/* True when LANGUAGE would be ignored under the current LC_MESSAGES. */
static bool messages_locale_is_c(void)
{
	const char *cur = setlocale(LC_MESSAGES, NULL);
	return cur == NULL || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0;
}

/* Give LC_MESSAGES a locale under which glibc honours LANGUAGE. */
static bool borrow_messages_locale(void)
{
	if (!messages_locale_is_c())
		return true;
	for (size_t i = 0; i < sizeof message_locales / sizeof message_locales[0]; i++)
		if (setlocale(LC_MESSAGES, message_locales[i]) != NULL)
			return true;
	return false;
}

/* Is there a catalog for `code` where gettext will look? */
static bool catalog_exists(const char *code)
{
	char path[4096];
	int n = snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", i18n_localedir(), code,
			 I18N_DOMAIN);
	return n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0;
}
#endif

bool i18n_set_language(enum i18n_language lang, char *err, size_t errsize)
{
	bool ok = true;
#ifdef ENABLE_NLS
	if (lang == I18N_EN && !catalog_exists(i18n_language_code(lang))) {
		set_error(err, errsize, _("Fant ingen engelsk oversettelse i %s: viser bokmål"),
			  i18n_localedir());
		ok = false;
	} else if (lang == I18N_EN && !borrow_messages_locale()) {
		set_error(err, errsize,
			  _("Ingen UTF-8-lokale (som C.UTF-8) er installert, så engelsk kan ikke "
			    "vises: viser bokmål"));
		ok = false;
	}
	if (!ok)
		lang = I18N_NB;
	if (setenv("LANGUAGE", i18n_language_code(lang), 1) != 0) {
		set_error(err, errsize, _("Kunne ikke bytte språk: tomt for minne"));
		return false;
	}
	drop_cached_translations();
#else
	if (lang == I18N_EN) {
		set_error(err, errsize,
			  "utenfor er bygd uten oversettelser (--disable-nls): viser bokmål");
		ok = false;
	}
#endif
	return ok;
}

bool i18n_init(const char *language, enum i18n_language *chosen, char *err, size_t errsize)
{
	enum i18n_language lang = i18n_language_from_env();
	bool ok = true;
#ifdef ENABLE_NLS
	/* A locale that is not installed leaves LC_MESSAGES at "C": harmless,
	 * the language is taken from the variables themselves. */
	(void)setlocale(LC_MESSAGES, "");
	bindtextdomain(I18N_DOMAIN, i18n_localedir());
	/* The bokmål source strings are UTF-8, so translations must be too,
	 * whatever LC_CTYPE says, or æ, ø, å and « » would differ by language. */
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	textdomain(I18N_DOMAIN);
#endif
	bool explicit = language != NULL && *language != '\0' && strcmp(language, "auto") != 0;
	if (explicit && !i18n_parse_language(language, &lang)) {
		set_error(err, errsize, _("Ukjent språk «%s»: bruk nb (bokmål) eller en (engelsk)"),
			  language);
		ok = false;
	}
	char why[512] = "";
	if (!i18n_set_language(lang, why, sizeof why)) {
		/* Only a language asked for by name is worth a warning: a locale
		 * that merely prefers English falls back to bokmål quietly. */
		if (ok && explicit)
			set_error(err, errsize, "%s", why);
		ok = ok && !explicit;
		lang = I18N_NB;
	}
	if (chosen != NULL)
		*chosen = lang;
	return ok;
}

const char *i18n_without_context(const char *msg)
{
	/* gettext returns the msgid, context and all, when it has no translation. */
	const char *eot = msg != NULL ? strchr(msg, '\004') : NULL;
	return eot != NULL ? eot + 1 : msg;
}
