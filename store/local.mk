# store/local.mk: the SQLite workbook file (depends on engine/; on data/,
# and through it interchange/, only for the default workbook in
# store/defaults.c; never on the UI).
noinst_LIBRARIES += libstore.a
libstore_a_SOURCES = \
	store/store.h store/internal.h \
	store/migrate.c store/migrate.h store/schema_current.c \
	store/open.c store/check.c store/create.c store/identity.c store/identity.h store/errors.c \
	store/load.c store/rows.c store/image.c \
	store/edit.c store/edit_sector.c store/replace.c store/undo.c store/compact.c \
	store/column.c store/columns.c store/columns.h store/defaults.c store/share.c store/share.h store/stmt.c
libstore_a_CFLAGS = $(AM_CFLAGS) $(SQLITE3_CFLAGS) $(JANSSON_CFLAGS)
utenfor_LDADD += libstore.a $(SQLITE3_LIBS) $(JANSSON_LIBS)
