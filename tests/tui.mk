# tests/tui.mk: tests of tui/.  Criterion suites cover the curses-free
# parts (they fork and must never call initscr); the tmux scripts drive the
# real binary.
if HAVE_CRITERION
TUI_TESTS = tests/tui_text tests/tui_field tests/tui_layout tests/tui_naming
check_PROGRAMS += $(TUI_TESTS)
TESTS += $(TUI_TESTS)
tests_tui_text_SOURCES = tests/tui_text.c
tests_tui_text_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_tui_text_LDADD = libtui.a libsession.a libi18n.a $(CRITERION_LIBS)
tests_tui_field_SOURCES = tests/tui_field.c tests/engine_helpers.h
tests_tui_field_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_tui_field_LDADD = libsession.a libengine.a libi18n.a $(LIBINTL) $(CRITERION_LIBS)
tests_tui_naming_SOURCES = tests/tui_naming.c
tests_tui_naming_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_tui_naming_LDADD = libsession.a libengine.a $(CRITERION_LIBS)
tests_tui_layout_SOURCES = tests/tui_layout.c
tests_tui_layout_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS) $(NCURSESW_CFLAGS)
tests_tui_layout_LDADD = libtui.a libsession.a libconfig.a libi18n.a $(INIPARSER_LIBS) $(NCURSESW_LIBS) $(CRITERION_LIBS)
endif

TUI_E2E = tests/e2e/tui_edit.sh tests/e2e/tui_views.sh tests/e2e/tui_shared.sh \
	tests/e2e/tui_groups.sh tests/e2e/tui_set.sh \
	tests/e2e/tui_fixes.sh tests/e2e/tui_layering.sh tests/e2e/tui_example_notice.sh \
	tests/e2e/tui_plan.sh tests/e2e/tui_society.sh tests/e2e/tui_society_edit.sh \
	tests/e2e/tui_uncertainty.sh \
	tests/e2e/tui_copy_group.sh tests/e2e/tui_sectors.sh tests/e2e/tui_readme_picture.sh
dist_check_SCRIPTS += $(TUI_E2E) tests/e2e/tui_lib.sh
TESTS += $(TUI_E2E)

# tests/session_*.c: the session layer without a terminal.
if HAVE_CRITERION
SESSION_TESTS = tests/session_edit tests/session_uncertainty tests/session_items \
	tests/session_copy_group
check_PROGRAMS += $(SESSION_TESTS)
TESTS += $(SESSION_TESTS)
tests_session_edit_SOURCES = tests/session_edit.c tests/store_util.c tests/store_util.h \
	tests/testutil_workbook.c tests/testutil_workbook.h
tests_session_edit_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS) $(SQLITE3_CFLAGS)
tests_session_edit_LDADD = libsession.a libstore.a libdata.a libinterchange.a libengine.a libi18n.a $(LIBINTL) \
	$(SQLITE3_LIBS) $(JANSSON_LIBS) $(CRITERION_LIBS)
tests_session_uncertainty_SOURCES = tests/session_uncertainty.c tests/store_util.c \
	tests/store_util.h tests/testutil_workbook.c tests/testutil_workbook.h
tests_session_uncertainty_CFLAGS = $(tests_session_edit_CFLAGS)
tests_session_uncertainty_LDADD = $(tests_session_edit_LDADD) -lm
tests_session_items_SOURCES = tests/session_items.c tests/store_util.c tests/store_util.h \
	tests/testutil_workbook.c tests/testutil_workbook.h
tests_session_items_CFLAGS = $(tests_session_edit_CFLAGS)
tests_session_items_LDADD = $(tests_session_edit_LDADD)
tests_session_copy_group_SOURCES = tests/session_copy_group.c tests/store_util.c \
	tests/store_util.h tests/testutil_workbook.c tests/testutil_workbook.h
tests_session_copy_group_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS) $(SQLITE3_CFLAGS)
tests_session_copy_group_LDADD = $(tests_session_edit_LDADD)
endif
