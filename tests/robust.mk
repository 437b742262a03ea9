# tests/robust.mk: robustness tests beyond each layer's own suite (doc/
# testing.md): a short monkey run, signals and a vanishing terminal, a full
# disk, two TUIs typing at once, and valgrind.  All drive the built binary
# ($UTENFOR) and skip (77) when a tool they need is missing.
ROBUST_E2E = \
	tests/e2e/robust_monkey.sh \
	tests/e2e/robust_signals.sh \
	tests/e2e/robust_full_disk.sh \
	tests/e2e/robust_two_tuis.sh \
	tests/e2e/robust_valgrind.sh \
	tests/e2e/robust_dead_tty.sh \
	tests/e2e/robust_create_kill.sh \
	tests/e2e/robust_escape.sh \
	tests/e2e/robust_hostile.sh \
	tests/e2e/robust_outputs.sh \
	tests/e2e/robust_replaced.sh
dist_check_SCRIPTS += $(ROBUST_E2E) tests/e2e/robust_lib.sh
dist_check_DATA += tests/valgrind.supp
TESTS += $(ROBUST_E2E)

# Criterion: escaping of quoted input in messages (engine/escape.h users).
if HAVE_CRITERION
ROBUST_TESTS = tests/robust_escape tests/robust_identity tests/robust_undo
check_PROGRAMS += $(ROBUST_TESTS)
TESTS += $(ROBUST_TESTS)
tests_robust_escape_SOURCES = tests/robust_escape.c
tests_robust_escape_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_robust_escape_LDADD = libstore.a libdata.a libinterchange.a libengine.a libi18n.a $(LIBINTL) \
	$(SQLITE3_LIBS) $(JANSSON_LIBS) $(CRITERION_LIBS) -lm
tests_robust_identity_SOURCES = tests/robust_identity.c tests/store_util.c tests/store_util.h \
	tests/testutil_workbook.c tests/testutil_workbook.h
tests_robust_identity_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS) $(SQLITE3_CFLAGS)
tests_robust_identity_LDADD = libstore.a libdata.a libinterchange.a libengine.a libi18n.a $(LIBINTL) \
	$(SQLITE3_LIBS) $(JANSSON_LIBS) $(CRITERION_LIBS) -lm
tests_robust_undo_SOURCES = tests/robust_undo.c tests/store_util.c tests/store_util.h \
	tests/testutil_workbook.c tests/testutil_workbook.h
tests_robust_undo_CFLAGS = $(tests_robust_identity_CFLAGS)
tests_robust_undo_LDADD = $(tests_robust_identity_LDADD)
endif
