# tests/engine.mk: Criterion suites for engine/.
if HAVE_CRITERION
ENGINE_TESTS = tests/engine_workbook tests/engine_numbers tests/engine_discount \
	tests/engine_validate tests/engine_projection tests/engine_portfolio \
	tests/engine_noalloc tests/engine_sectors tests/engine_society tests/engine_rng \
	tests/engine_uncertainty tests/engine_uncertainty_mc tests/engine_uncertainty_noalloc
check_PROGRAMS += $(ENGINE_TESTS)
TESTS += $(ENGINE_TESTS)
ENGINE_TEST_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
ENGINE_TEST_LDADD = libengine.a $(CRITERION_LIBS)

tests_engine_workbook_SOURCES = tests/engine_workbook.c
tests_engine_workbook_CFLAGS = $(ENGINE_TEST_CFLAGS)
tests_engine_workbook_LDADD = $(ENGINE_TEST_LDADD)

tests_engine_numbers_SOURCES = tests/engine_numbers.c
tests_engine_numbers_CFLAGS = $(ENGINE_TEST_CFLAGS)
tests_engine_numbers_LDADD = $(ENGINE_TEST_LDADD)

tests_engine_discount_SOURCES = tests/engine_discount.c
tests_engine_discount_CFLAGS = $(ENGINE_TEST_CFLAGS)
tests_engine_discount_LDADD = $(ENGINE_TEST_LDADD)

tests_engine_validate_SOURCES = tests/engine_validate.c tests/engine_helpers.h
tests_engine_validate_CFLAGS = $(ENGINE_TEST_CFLAGS)
tests_engine_validate_LDADD = $(ENGINE_TEST_LDADD)

tests_engine_projection_SOURCES = tests/engine_projection.c tests/engine_helpers.h
tests_engine_projection_CFLAGS = $(ENGINE_TEST_CFLAGS)
tests_engine_projection_LDADD = $(ENGINE_TEST_LDADD)

tests_engine_portfolio_SOURCES = tests/engine_portfolio.c tests/engine_helpers.h
tests_engine_portfolio_CFLAGS = $(ENGINE_TEST_CFLAGS)
tests_engine_portfolio_LDADD = $(ENGINE_TEST_LDADD)

tests_engine_sectors_SOURCES = tests/engine_sectors.c tests/engine_helpers.h
tests_engine_sectors_CFLAGS = $(ENGINE_TEST_CFLAGS)
tests_engine_sectors_LDADD = $(ENGINE_TEST_LDADD)

tests_engine_society_SOURCES = tests/engine_society.c tests/engine_helpers.h
tests_engine_society_CFLAGS = $(ENGINE_TEST_CFLAGS)
tests_engine_society_LDADD = $(ENGINE_TEST_LDADD)

# Every malloc/calloc/realloc goes through the test's counting wrappers;
# -fno-builtin keeps the compiler from eliding the test's own calls.
tests_engine_noalloc_SOURCES = tests/engine_noalloc.c tests/engine_helpers.h
tests_engine_noalloc_CFLAGS = $(ENGINE_TEST_CFLAGS) -fno-builtin
tests_engine_noalloc_LDFLAGS = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc
tests_engine_noalloc_LDADD = $(ENGINE_TEST_LDADD)

tests_engine_rng_SOURCES = tests/engine_rng.c
tests_engine_rng_CFLAGS = $(ENGINE_TEST_CFLAGS)
tests_engine_rng_LDADD = $(ENGINE_TEST_LDADD)

tests_engine_uncertainty_SOURCES = tests/engine_uncertainty.c tests/engine_helpers.h
tests_engine_uncertainty_CFLAGS = $(ENGINE_TEST_CFLAGS)
tests_engine_uncertainty_LDADD = $(ENGINE_TEST_LDADD)

tests_engine_uncertainty_mc_SOURCES = tests/engine_uncertainty_mc.c tests/engine_helpers.h
tests_engine_uncertainty_mc_CFLAGS = $(ENGINE_TEST_CFLAGS) -ffp-contract=off
tests_engine_uncertainty_mc_LDADD = $(ENGINE_TEST_LDADD)

tests_engine_uncertainty_noalloc_SOURCES = tests/engine_uncertainty_noalloc.c tests/engine_helpers.h
tests_engine_uncertainty_noalloc_CFLAGS = $(ENGINE_TEST_CFLAGS) -fno-builtin
tests_engine_uncertainty_noalloc_LDFLAGS = -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc
tests_engine_uncertainty_noalloc_LDADD = $(ENGINE_TEST_LDADD)
endif

# The schema against its users: validation, the forms (session/field), the
# JSON writer and doc/model.md's table.
if HAVE_CRITERION
check_PROGRAMS += tests/engine_schema
TESTS += tests/engine_schema
tests_engine_schema_SOURCES = tests/engine_schema.c
tests_engine_schema_CPPFLAGS = $(AM_CPPFLAGS) -DTOP_SRCDIR='"$(abs_top_srcdir)"'
tests_engine_schema_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS) $(JANSSON_CFLAGS)
tests_engine_schema_LDADD = libsession.a libinterchange.a libengine.a libi18n.a $(LIBINTL) \
	$(JANSSON_LIBS) $(CRITERION_LIBS)
endif
