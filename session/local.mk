# session/: the open workbook without a user interface (see
# doc/architecture.md).  Between engine/ + store/ and tui/ + cli/; never
# calls curses and never prints, so its Criterion suites need no terminal.
noinst_LIBRARIES += libsession.a
libsession_a_SOURCES = \
	session/diag.c session/diag.h \
	session/session.c session/session.h session/internal.h \
	session/draft.c session/rows.c \
	session/analysis.c session/analysis.h \
	session/analysis_portfolio.c session/analysis_estimate.c session/estimate.c \
	session/changes.c \
	session/analysis_uncertainty.c \
	session/field.c session/field.h session/field_value.c session/field_range.c session/payer.c \
	session/sector_choice.c \
	session/text.c session/text.h \
	session/naming.c session/naming.h \
	session/example.c session/copy_group.c
libsession_a_CPPFLAGS = $(AM_CPPFLAGS)
libsession_a_CFLAGS = $(AM_CFLAGS) $(SQLITE3_CFLAGS)
utenfor_LDADD += libsession.a
