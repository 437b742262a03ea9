# tests/eco.mk: the program at home on a system — running from the build
# tree and installed, man pages and --help, shared workbooks and network
# file systems, CSV for Norwegian spreadsheets (doc/testing.md).
ECO_E2E = tests/e2e/eco_build_tree.sh tests/e2e/eco_csv_excel.sh
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
