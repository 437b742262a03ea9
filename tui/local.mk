# tui/: the ncursesw interface.  libtui.a holds all of it; the unit tests
# link only its curses-free objects (line_edit, layout, chart, keys), which
# call no curses function.  Field descriptions, text widths and names
# live in session/.
noinst_LIBRARIES += libtui.a
libtui_a_SOURCES = \
	tui/i18n.h tui/curses.h tui/tui.h tui/app.h \
	tui/line_edit.c tui/line_edit.h \
	tui/layout.c tui/layout.h \
	tui/chart.c tui/chart.h \
	tui/keys.c tui/keys.h \
	tui/view.h tui/views.c tui/list.c tui/list.h tui/form.c tui/form.h \
	tui/prompt.h tui/prompt.c tui/prompt_confirm.c tui/prompt_search.c \
	tui/app.c tui/draft.c tui/draw.c tui/table.c tui/screen.c tui/tui.c \
	tui/global.c tui/paste.c tui/ask_delete.c tui/results.c \
	tui/view_overview.c tui/view_measures.c tui/view_groups.c \
	tui/view_projection.c tui/view_settings.c tui/view_help.c tui/view_estimate.c \
	tui/view_plan.c \
	tui/view_uncertainty.c \
	tui/sectors.c tui/sectors.h tui/flows_sectors.c \
	tui/report_key.c
libtui_a_CPPFLAGS = $(AM_CPPFLAGS)
libtui_a_CFLAGS = $(AM_CFLAGS) $(NCURSESW_CFLAGS)
utenfor_LDADD += libtui.a $(NCURSESW_LIBS)
