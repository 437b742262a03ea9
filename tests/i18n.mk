# tests/i18n.mk: language selection (Criterion) and the translations
# themselves (shell: en.po complete, `utenfor calc` speaks both languages).

# Every test sees the uninstalled catalogs (built by i18n/local.mk before
# the tests run), and bokmål unless it asks otherwise: the suites compare
# against bokmål text, so a developer's LANG=en_US must not change them.
AM_TESTS_ENVIRONMENT += \
	UTENFOR_LOCALEDIR='$(abs_top_builddir)/locale'; export UTENFOR_LOCALEDIR; \
	UTENFOR_LANG=nb; export UTENFOR_LANG;

I18N_E2E = tests/e2e/i18n_po_complete.sh tests/e2e/i18n_calc.sh tests/e2e/i18n_tui.sh \
	tests/e2e/cli_config_option.sh
dist_check_SCRIPTS += $(I18N_E2E)
TESTS += $(I18N_E2E)
dist_check_DATA += tests/fixtures/i18n-bad.json

if HAVE_CRITERION
I18N_TESTS = tests/i18n_language
check_PROGRAMS += $(I18N_TESTS)
TESTS += $(I18N_TESTS)

tests_i18n_language_SOURCES = tests/i18n_language.c
tests_i18n_language_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_i18n_language_LDADD = libinterchange.a libengine.a libi18n.a $(JANSSON_LIBS) \
	$(LIBINTL) $(CRITERION_LIBS)
endif
