# interchange/: the JSON interchange document, the results document and
# the CSV export (jansson).  Depends on engine/ only.
noinst_LIBRARIES += libinterchange.a
libinterchange_a_SOURCES = \
	interchange/json.h interchange/csv.h \
	interchange/json_fields.c interchange/json_fields.h \
	interchange/json_read.c interchange/json_write.c \
	interchange/json_uncertainty.c interchange/json_uncertainty.h \
	interchange/csv.c
libinterchange_a_CPPFLAGS = $(AM_CPPFLAGS) $(JANSSON_CFLAGS)
utenfor_LDADD += libinterchange.a $(JANSSON_LIBS)
