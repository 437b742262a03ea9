# engine/: the pure calculation library (no I/O, no curses, no SQLite).
noinst_LIBRARIES += libengine.a
libengine_a_SOURCES = \
	engine/model.c engine/model.h \
	engine/workbook.c engine/workbook.h
utenfor_LDADD += libengine.a
