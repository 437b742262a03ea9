# tests/config.mk: Criterion suites for config/ (settings, themes, keys).
# They read themes/*.ini and tests/fixtures/config-*/ from the source tree
# ($top_srcdir, exported by AM_TESTS_ENVIRONMENT; TOP_SRCDIR as fallback).
EXTRA_DIST += tests/config_testutil.h
dist_check_DATA += \
	tests/fixtures/config-bad/config.ini \
	tests/fixtures/config-themes/theme-bad.ini \
	tests/fixtures/config-themes/theme-partial.ini
# `utenfor config` end to end (exit-code driver; needs no Criterion).
dist_check_SCRIPTS += tests/e2e/config_cli.sh
TESTS += tests/e2e/config_cli.sh
if HAVE_CRITERION
CONFIG_TESTS = tests/config_settings tests/config_theme tests/config_keys \
	tests/config_terminal
check_PROGRAMS += $(CONFIG_TESTS)
TESTS += $(CONFIG_TESTS)
CONFIG_TEST_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_SRCDIR='"$(abs_top_srcdir)"'
CONFIG_TEST_LDADD = libconfig.a libengine.a $(INIPARSER_LIBS) $(NCURSESW_LIBS) \
	$(CRITERION_LIBS) -lm
tests_config_settings_SOURCES = tests/config_settings.c
tests_config_settings_CPPFLAGS = $(CONFIG_TEST_CPPFLAGS)
tests_config_settings_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_config_settings_LDADD = $(CONFIG_TEST_LDADD)
tests_config_theme_SOURCES = tests/config_theme.c
tests_config_theme_CPPFLAGS = $(CONFIG_TEST_CPPFLAGS)
tests_config_theme_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_config_theme_LDADD = $(CONFIG_TEST_LDADD)
tests_config_keys_SOURCES = tests/config_keys.c
tests_config_keys_CPPFLAGS = $(CONFIG_TEST_CPPFLAGS)
tests_config_keys_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_config_keys_LDADD = $(CONFIG_TEST_LDADD)
tests_config_terminal_SOURCES = tests/config_terminal.c
tests_config_terminal_CPPFLAGS = $(CONFIG_TEST_CPPFLAGS)
tests_config_terminal_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_config_terminal_LDADD = $(CONFIG_TEST_LDADD)
endif
