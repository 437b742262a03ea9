# tests/store.mk: Criterion suites for store/ and the shell test of the
# new/import/export commands.
STORE_FIXTURES = tests/fixtures/store-roundtrip.json tests/fixtures/store-bad-import.json
dist_check_DATA += $(STORE_FIXTURES)
STORE_E2E = tests/e2e/store_cli.sh
dist_check_SCRIPTS += $(STORE_E2E)
TESTS += $(STORE_E2E)

if HAVE_CRITERION
STORE_TESTS = tests/store_basic tests/store_undo tests/store_readonly \
	tests/store_badfiles tests/store_migrate tests/store_crash tests/store_concurrent \
	tests/store_json tests/store_schema tests/store_typed \
	tests/store_sectors tests/store_prune tests/store_columns tests/store_check
check_PROGRAMS += $(STORE_TESTS)
TESTS += $(STORE_TESTS)
STORE_TEST_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS) $(SQLITE3_CFLAGS)
STORE_TEST_LDADD = libstore.a libdata.a libinterchange.a libengine.a $(SQLITE3_LIBS) $(JANSSON_LIBS) $(CRITERION_LIBS)
STORE_TEST_UTIL = tests/store_util.c tests/store_util.h \
	tests/testutil_workbook.c tests/testutil_workbook.h
tests_store_basic_SOURCES = tests/store_basic.c $(STORE_TEST_UTIL)
tests_store_basic_CFLAGS = $(STORE_TEST_CFLAGS)
tests_store_basic_LDADD = $(STORE_TEST_LDADD)
tests_store_columns_SOURCES = tests/store_columns.c $(STORE_TEST_UTIL)
tests_store_columns_CFLAGS = $(STORE_TEST_CFLAGS)
tests_store_columns_LDADD = $(STORE_TEST_LDADD)
tests_store_prune_SOURCES = tests/store_prune.c $(STORE_TEST_UTIL)
tests_store_prune_CFLAGS = $(STORE_TEST_CFLAGS)
tests_store_prune_LDADD = $(STORE_TEST_LDADD)
tests_store_undo_SOURCES = tests/store_undo.c $(STORE_TEST_UTIL)
tests_store_undo_CFLAGS = $(STORE_TEST_CFLAGS)
tests_store_undo_LDADD = $(STORE_TEST_LDADD)
tests_store_readonly_SOURCES = tests/store_readonly.c $(STORE_TEST_UTIL)
tests_store_readonly_CFLAGS = $(STORE_TEST_CFLAGS)
tests_store_readonly_LDADD = $(STORE_TEST_LDADD)
tests_store_schema_SOURCES = tests/store_schema.c $(STORE_TEST_UTIL)
tests_store_schema_CFLAGS = $(STORE_TEST_CFLAGS)
tests_store_schema_LDADD = $(STORE_TEST_LDADD) -lm
tests_store_check_SOURCES = tests/store_check.c $(STORE_TEST_UTIL)
tests_store_check_CFLAGS = $(STORE_TEST_CFLAGS)
tests_store_check_LDADD = $(STORE_TEST_LDADD)
tests_store_badfiles_SOURCES = tests/store_badfiles.c $(STORE_TEST_UTIL)
tests_store_badfiles_CFLAGS = $(STORE_TEST_CFLAGS)
tests_store_badfiles_LDADD = $(STORE_TEST_LDADD)
tests_store_typed_SOURCES = tests/store_typed.c $(STORE_TEST_UTIL)
tests_store_typed_CFLAGS = $(STORE_TEST_CFLAGS)
tests_store_typed_LDADD = $(STORE_TEST_LDADD)
tests_store_sectors_SOURCES = tests/store_sectors.c $(STORE_TEST_UTIL)
tests_store_sectors_CFLAGS = $(STORE_TEST_CFLAGS)
tests_store_sectors_LDADD = $(STORE_TEST_LDADD)
tests_store_migrate_SOURCES = tests/store_migrate.c $(STORE_TEST_UTIL)
tests_store_migrate_CFLAGS = $(STORE_TEST_CFLAGS)
tests_store_migrate_LDADD = $(STORE_TEST_LDADD)
tests_store_crash_SOURCES = tests/store_crash.c $(STORE_TEST_UTIL)
tests_store_crash_CFLAGS = $(STORE_TEST_CFLAGS)
tests_store_crash_LDADD = $(STORE_TEST_LDADD)
tests_store_concurrent_SOURCES = tests/store_concurrent.c $(STORE_TEST_UTIL)
tests_store_concurrent_CFLAGS = $(STORE_TEST_CFLAGS)
tests_store_concurrent_LDADD = $(STORE_TEST_LDADD)
tests_store_json_SOURCES = tests/store_json.c $(STORE_TEST_UTIL)
tests_store_json_CFLAGS = $(STORE_TEST_CFLAGS)
tests_store_json_LDADD = libinterchange.a $(STORE_TEST_LDADD)
endif
