# tests/engine.mk: Criterion suites for engine/.
if HAVE_CRITERION
ENGINE_TESTS = tests/engine_workbook
check_PROGRAMS += $(ENGINE_TESTS)
TESTS += $(ENGINE_TESTS)
tests_engine_workbook_SOURCES = tests/engine_workbook.c
tests_engine_workbook_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_engine_workbook_LDADD = libengine.a $(CRITERION_LIBS)
endif
