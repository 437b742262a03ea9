# tests/report.mk: tests of report/ (HTML, Markdown, xlsx) and `utenfor report`.
REPORT_FIXTURES = \
	tests/fixtures/report-simple.json \
	tests/fixtures/report-rich.json \
	tests/fixtures/report-empty.json \
	tests/fixtures/report-edges.json \
	tests/fixtures/report-v2.json \
	tests/fixtures/report-uncertainty.json
dist_check_DATA += $(REPORT_FIXTURES) tests/e2e/report_recalc.js
REPORT_E2E = tests/e2e/report_cli.sh tests/e2e/report_soffice.sh tests/e2e/report_soffice_big.sh \
	tests/e2e/report_hyperformula.sh
dist_check_SCRIPTS += $(REPORT_E2E)
TESTS += $(REPORT_E2E)

# Writes an xlsx whose formulas cache 0 and prints the engine's figures,
# for the LibreOffice recomputation test.
check_PROGRAMS += tests/report_xlsx_probe
tests_report_xlsx_probe_SOURCES = tests/report_xlsx_probe.c tests/report_xlsx_expect.c \
	tests/report_xlsx_expect.h
tests_report_xlsx_probe_CPPFLAGS = $(AM_CPPFLAGS) $(XLSXWRITER_CFLAGS)
tests_report_xlsx_probe_LDADD = libreport.a libinterchange.a libengine.a \
	$(XLSXWRITER_LIBS) $(JANSSON_LIBS)

if HAVE_CRITERION
REPORT_TESTS = tests/report_html tests/report_md tests/report_write tests/report_xlsx \
	tests/report_edges tests/report_v2 tests/report_uncertainty tests/report_labels
check_PROGRAMS += $(REPORT_TESTS)
TESTS += $(REPORT_TESTS)
REPORT_TEST_CPPFLAGS = $(AM_CPPFLAGS) $(XLSXWRITER_CFLAGS)
REPORT_TEST_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
REPORT_TEST_LDADD = libreport.a libinterchange.a libengine.a \
	$(XLSXWRITER_LIBS) $(JANSSON_LIBS) $(CRITERION_LIBS)
REPORT_TEST_HELPERS = tests/report_fixture.c tests/report_fixture.h

tests_report_html_SOURCES = tests/report_html.c $(REPORT_TEST_HELPERS)
tests_report_html_CPPFLAGS = $(REPORT_TEST_CPPFLAGS)
tests_report_html_CFLAGS = $(REPORT_TEST_CFLAGS)
tests_report_html_LDADD = $(REPORT_TEST_LDADD)

tests_report_md_SOURCES = tests/report_md.c $(REPORT_TEST_HELPERS)
tests_report_md_CPPFLAGS = $(REPORT_TEST_CPPFLAGS)
tests_report_md_CFLAGS = $(REPORT_TEST_CFLAGS)
tests_report_md_LDADD = $(REPORT_TEST_LDADD)

tests_report_edges_SOURCES = tests/report_edges.c $(REPORT_TEST_HELPERS)
tests_report_edges_CPPFLAGS = $(REPORT_TEST_CPPFLAGS)
tests_report_edges_CFLAGS = $(REPORT_TEST_CFLAGS)
tests_report_edges_LDADD = $(REPORT_TEST_LDADD)

tests_report_v2_SOURCES = tests/report_v2.c $(REPORT_TEST_HELPERS)
tests_report_v2_CPPFLAGS = $(REPORT_TEST_CPPFLAGS)
tests_report_v2_CFLAGS = $(REPORT_TEST_CFLAGS)
tests_report_v2_LDADD = $(REPORT_TEST_LDADD)

tests_report_write_SOURCES = tests/report_write.c $(REPORT_TEST_HELPERS)
tests_report_write_CPPFLAGS = $(REPORT_TEST_CPPFLAGS)
tests_report_write_CFLAGS = $(REPORT_TEST_CFLAGS)
tests_report_write_LDADD = $(REPORT_TEST_LDADD)

tests_report_labels_SOURCES = tests/report_labels.c tests/report_zip.c \
	tests/report_zip.h $(REPORT_TEST_HELPERS)
tests_report_labels_CPPFLAGS = $(REPORT_TEST_CPPFLAGS)
tests_report_labels_CFLAGS = $(REPORT_TEST_CFLAGS)
tests_report_labels_LDADD = $(REPORT_TEST_LDADD) -lz -lm

tests_report_uncertainty_SOURCES = tests/report_uncertainty.c tests/report_zip.c \
	tests/report_zip.h $(REPORT_TEST_HELPERS)
tests_report_uncertainty_CPPFLAGS = $(REPORT_TEST_CPPFLAGS)
tests_report_uncertainty_CFLAGS = $(REPORT_TEST_CFLAGS)
tests_report_uncertainty_LDADD = $(REPORT_TEST_LDADD) -lz -lm

# The zip reader inflates with zlib, which libxlsxwriter itself requires.
tests_report_xlsx_SOURCES = tests/report_xlsx.c tests/report_zip.c tests/report_zip.h \
	tests/report_xlsx_expect.c tests/report_xlsx_expect.h \
	$(REPORT_TEST_HELPERS)
tests_report_xlsx_CPPFLAGS = $(REPORT_TEST_CPPFLAGS)
tests_report_xlsx_CFLAGS = $(REPORT_TEST_CFLAGS)
tests_report_xlsx_LDADD = $(REPORT_TEST_LDADD) -lz -lm
endif
