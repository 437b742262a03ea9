# tests/interchange.mk: tests of interchange/ and of `utenfor calc`.
INTERCHANGE_FIXTURES = \
	tests/fixtures/example.json \
	tests/fixtures/example.expected.json \
	tests/fixtures/calc-bad-types.json \
	tests/fixtures/calc-bad-syntax.json
dist_check_DATA += $(INTERCHANGE_FIXTURES)

INTERCHANGE_E2E = tests/e2e/calc_errors.sh tests/e2e/calc_summary.sh \
	tests/e2e/calc_workbook.sh tests/e2e/calc_uncertainty.sh tests/e2e/calc_society.sh \
	tests/e2e/cli_copy_group.sh \
	tests/e2e/cli_new_config.sh
dist_check_SCRIPTS += $(INTERCHANGE_E2E) tests/e2e/cli_lib.sh
TESTS += $(INTERCHANGE_E2E)

if HAVE_CRITERION
INTERCHANGE_TESTS = tests/interchange_read tests/interchange_write tests/interchange_calc \
	tests/interchange_stream
check_PROGRAMS += $(INTERCHANGE_TESTS)
TESTS += $(INTERCHANGE_TESTS)
INTERCHANGE_TEST_LDADD = libinterchange.a libengine.a $(JANSSON_LIBS) $(CRITERION_LIBS)

tests_interchange_read_SOURCES = tests/interchange_read.c
tests_interchange_read_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS) $(JANSSON_CFLAGS)
tests_interchange_read_LDADD = $(INTERCHANGE_TEST_LDADD)

tests_interchange_write_SOURCES = tests/interchange_write.c \
	tests/testutil_workbook.c tests/testutil_workbook.h
tests_interchange_write_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS) $(JANSSON_CFLAGS)
tests_interchange_write_LDADD = $(INTERCHANGE_TEST_LDADD)

# Reads every tests/fixtures/*.json (each distributed by its own .mk).
tests_interchange_stream_SOURCES = tests/interchange_stream.c
tests_interchange_stream_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS) $(JANSSON_CFLAGS)
tests_interchange_stream_LDADD = $(INTERCHANGE_TEST_LDADD)

# Runs the real binary ($UTENFOR) on the fixture: it must be built first.
tests_interchange_calc_SOURCES = tests/interchange_calc.c
tests_interchange_calc_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS) $(JANSSON_CFLAGS)
tests_interchange_calc_LDADD = $(JANSSON_LIBS) $(CRITERION_LIBS)
tests_interchange_calc_DEPENDENCIES = utenfor$(EXEEXT)
endif
