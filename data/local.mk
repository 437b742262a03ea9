# data/local.mk: the default workbook as data.  data/default-workbook.json
# is the only copy of the figures; data/embed.sh turns it into a C array
# in the build tree (od + awk, so a read-only source tree and an
# out-of-tree build both work).  doc/default-data.md derives every figure;
# tests/data_defaults checks the two against each other.
#
# libdata.a reads the document with interchange/ (so it sits above
# interchange/ and engine/, beside store/).
EXTRA_DIST += data/default-workbook.json data/embed.sh
DATA_EMBEDDED = data/default_workbook_json.c
CLEANFILES += $(DATA_EMBEDDED)
noinst_LIBRARIES += libdata.a
libdata_a_SOURCES = data/default_workbook.h data/default_workbook.c
nodist_libdata_a_SOURCES = $(DATA_EMBEDDED)
libdata_a_CPPFLAGS = $(AM_CPPFLAGS) $(JANSSON_CFLAGS)
utenfor_LDADD += libdata.a

$(DATA_EMBEDDED): $(srcdir)/data/default-workbook.json $(srcdir)/data/embed.sh
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(SHELL) $(srcdir)/data/embed.sh default_workbook_json \
		< $(srcdir)/data/default-workbook.json > $@-t && mv -f $@-t $@

if HAVE_CRITERION
DATA_TESTS = tests/data_defaults tests/data_load
check_PROGRAMS += $(DATA_TESTS)
TESTS += $(DATA_TESTS)
DATA_TEST_SUPPORT = tests/data_expr.c tests/data_expr.h tests/data_page.c tests/data_page.h

# The page against the document, with jansson only (not the importer).
tests_data_defaults_SOURCES = tests/data_defaults.c $(DATA_TEST_SUPPORT) \
	data/default_workbook.h
nodist_tests_data_defaults_SOURCES = $(DATA_EMBEDDED)
tests_data_defaults_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS) $(JANSSON_CFLAGS)
tests_data_defaults_LDADD = $(JANSSON_LIBS) $(CRITERION_LIBS) -lm

# The document as the program reads it (importer, engine).
tests_data_load_SOURCES = tests/data_load.c $(DATA_TEST_SUPPORT)
tests_data_load_CFLAGS = $(AM_CFLAGS) $(CRITERION_CFLAGS)
tests_data_load_LDADD = libdata.a libinterchange.a libengine.a $(JANSSON_LIBS) \
	$(CRITERION_LIBS) -lm
endif
