# engine/: the pure calculation library (no I/O, no curses, no SQLite).
noinst_LIBRARIES += libengine.a
libengine_a_SOURCES = \
	engine/model.c engine/model.h \
	engine/workbook.c engine/workbook.h \
	engine/numbers.c engine/numbers.h \
	engine/discount.c engine/discount.h \
	engine/validate.c engine/validate.h \
	engine/escape.c engine/escape.h engine/limits.h \
	engine/result.c engine/result.h \
	engine/projection.c engine/projection_cache.c engine/projection.h
utenfor_LDADD += libengine.a
