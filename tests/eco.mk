# tests/eco.mk: the program at home on a system — running from the build
# tree and installed, man pages and --help, shared workbooks and network
# file systems, CSV for Norwegian spreadsheets (doc/testing.md).
ECO_E2E = tests/e2e/eco_build_tree.sh tests/e2e/eco_csv_excel.sh tests/e2e/eco_shared.sh \
	tests/e2e/eco_man.sh tests/e2e/eco_completion.sh
dist_check_SCRIPTS += $(ECO_E2E)
TESTS += $(ECO_E2E)

if HAVE_CRITERION
ECO_TESTS = tests/interchange_csv_dialect
check_PROGRAMS += $(ECO_TESTS)
TESTS += $(ECO_TESTS)
tests_interchange_csv_dialect_SOURCES = tests/interchange_csv_dialect.c
tests_interchange_csv_dialect_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_interchange_csv_dialect_LDADD = libinterchange.a libengine.a $(CRITERION_LIBS)
endif

# Holds a workbook open for the two-user test (tests/e2e/eco_shared.sh).
check_PROGRAMS += tests/eco_store_hold
tests_eco_store_hold_SOURCES = tests/eco_store_hold.c
tests_eco_store_hold_LDADD = libstore.a libdata.a libinterchange.a libengine.a libi18n.a $(SQLITE3_LIBS) $(JANSSON_LIBS) \
	$(LIBINTL)

if HAVE_CRITERION
check_PROGRAMS += tests/store_share
TESTS += tests/store_share
tests_store_share_SOURCES = tests/store_share.c $(STORE_TEST_UTIL)
tests_store_share_CFLAGS = $(STORE_TEST_CFLAGS)
tests_store_share_LDADD = $(STORE_TEST_LDADD)
endif
