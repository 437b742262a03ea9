/*
 * i18n.h: translation of user-visible text through gettext.
 *
 * The source strings are Norwegian bokmål; bokmål needs no catalog.  Other
 * languages (English: po/en.po) are gettext catalogs in LOCALEDIR, or in
 * $UTENFOR_LOCALEDIR for tests and uninstalled runs.
 *
 * Any layer may use the macros: they expand to dgettext(), which is part of
 * the C library, so the engine stays a pure library.  Only the program's
 * top level (cli/main.c, the TUI's language key) calls the functions.
 *
 *   _("tekst")          translate now
 *   N_("tekst")         mark for translation in a static table; translate at
 *                       use with _(table[i])
 *   NG_("én", "flere", n)  singular/plural chosen by n in the active language
 *
 * Must never: touch LC_NUMERIC or LC_ALL (numbers are read and written the
 * Norwegian way by engine/numbers.c in every language), print, or exit.
 */
#ifndef UTENFOR_I18N_I18N_H
#define UTENFOR_I18N_I18N_H

#ifdef HAVE_CONFIG_H
#include "config.h" /* ENABLE_NLS must be known before the macros are */
#endif

#include <stdbool.h>
#include <stddef.h>

/* The gettext domain: the catalog is LOCALEDIR/LANG/LC_MESSAGES/utenfor.mo. */
#define I18N_DOMAIN "utenfor"

#ifdef ENABLE_NLS
#include <libintl.h>
/* dgettext rather than gettext: the domain is named at every call, so text
 * translates the same whether or not textdomain() has run. */
#define _(s) dgettext(I18N_DOMAIN, s)
#define NG_(singular, plural, n) dngettext(I18N_DOMAIN, singular, plural, n)
#else
#define _(s) (s)
#define NG_(singular, plural, n) ((n) == 1 ? (singular) : (plural))
#endif
#define N_(s) s
/*
 * A word that needs another translation in one place than elsewhere (a
 * narrow column head: "Kommune" is "Municipality" in a sentence but
 * "Municip." over a column of numbers) carries a context: NC_("kolonne",
 * "Kommune") in a static table (xgettext's msgctxt), translated where it
 * is used with CT_(), which also takes plain N_() text.  Untranslated, it
 * is the word itself.
 */
#define NC_(ctx, s) ctx "\004" s
#define CT_(s) i18n_without_context(_(s))
const char *i18n_without_context(const char *msg);

enum i18n_language {
	I18N_NB, /* norsk bokmål: the source strings */
	I18N_EN, /* English: po/en.po */
	I18N_LANGUAGE_COUNT
};

/*
 * Read a language name: "nb", "nn", "no", "norsk", "bokmål" are bokmål;
 * "en", "english" and any "en_XX[.charset]" are English.  Case does not
 * matter.  Returns false for anything else (then *out is untouched).
 */
bool i18n_parse_language(const char *name, enum i18n_language *out);

/*
 * The language the environment asks for, following POSIX precedence:
 * the first non-empty of LC_ALL, LC_MESSAGES and LANG.  English when that
 * starts with "en"; bokmål for nb/nn/no, C, POSIX, unset and everything
 * else (there is no catalog for it).  LANGUAGE is not consulted: it is a
 * GNU list of fallbacks, and i18n sets it itself.
 */
enum i18n_language i18n_language_from_env(void);

/* "nb" or "en": the code for settings files and LANGUAGE. */
const char *i18n_language_code(enum i18n_language lang);

/*
 * The language now in effect, read back from LANGUAGE (which
 * i18n_init()/i18n_set_language() set): English only when LANGUAGE names
 * it.  For the TUI, which starts after main chose the language.
 */
enum i18n_language i18n_language_in_effect(void);

/*
 * Where catalogs are read from: $UTENFOR_LOCALEDIR when set and non-empty,
 * else LOCALEDIR from the build.  The string is static or the
 * environment's; never free it.
 */
const char *i18n_localedir(void);

/*
 * Set up gettext once, early in main (after setlocale(LC_CTYPE, "")):
 * LC_MESSAGES from the environment, the catalog directory, UTF-8 output.
 * `language` is "nb", "en", or NULL/""/"auto" for i18n_language_from_env().
 * An explicit language wins over the locale.
 *
 * Stores the language in effect in *chosen (may be NULL).  Returns false
 * with a message in err[errsize] when `language` is not a known name (the
 * locale decides instead) or names English that cannot be shown (bokmål is
 * in effect).  A locale that prefers English the program cannot show falls
 * back to bokmål without an error.  Either way the program can go on.
 */
bool i18n_init(const char *language, enum i18n_language *chosen, char *err,
	       size_t errsize);

/*
 * Switch the language of every later _() call, also after text has been
 * translated (the TUI's language key): sets LANGUAGE and makes the C
 * library drop the translations it has cached.  Strings already returned
 * by _() stay valid but keep their old language, so callers redraw.
 * Returns false with a message in err[errsize] when English cannot be
 * shown (no catalog in i18n_localedir(), no usable locale for LC_MESSAGES,
 * or built with --disable-nls): bokmål is then in effect.  Bokmål always
 * succeeds.
 */
bool i18n_set_language(enum i18n_language lang, char *err, size_t errsize);

#endif
