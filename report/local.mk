# report/: council reports (HTML, Markdown) and the live-formula xlsx export.
noinst_LIBRARIES += libreport.a
libreport_a_SOURCES = \
	report/atomic.c report/atomic.h \
	report/buf.c report/buf.h \
	report/summary.c report/summary.h \
	report/example.c report/example.h \
	report/outside.c report/outside.h \
	report/plan.c report/plan.h \
	report/society.c report/society.h \
	report/table.c report/table.h \
	report/label.c report/label.h \
	report/svg.c report/svg.h report/svg_internal.h \
	report/uncertainty.c report/uncertainty.h \
	report/svg_uncertainty.c report/svg_uncertainty.h \
	report/render.h report/html.c report/markdown.c \
	report/html_uncertainty.c report/md_uncertainty.c \
	report/report.c report/report.h \
	report/xlsx.c report/xlsx.h report/xlsx_internal.h report/xlsx_projection.c \
	report/xlsx_flows.c report/xlsx_uncertainty.c \
	report/xlsx_error.c report/xlsx_error.h
libreport_a_CPPFLAGS = $(AM_CPPFLAGS) $(XLSXWRITER_CFLAGS)
utenfor_LDADD += libreport.a $(XLSXWRITER_LIBS)
