# engine/: the pure calculation library (no I/O, no curses, no SQLite).
noinst_LIBRARIES += libengine.a
libengine_a_SOURCES = \
	engine/model.c engine/model.h engine/alloc.c engine/alloc.h \
	engine/workbook.c engine/workbook.h \
	engine/numbers.c engine/numbers.h \
	engine/discount.c engine/discount.h \
	engine/schema.c engine/schema.h \
	engine/validate.c engine/validate.h \
	engine/escape.c engine/escape.h engine/limits.h \
	engine/result.c engine/result.h \
	engine/projection.c engine/projection_cache.c engine/projection.h
utenfor_LDADD += libengine.a

# Uncertainty (issue 13): the Monte Carlo's generator, the prepared
# coefficients a draw scales, tornado, switching values and the simulation.
libengine_a_SOURCES += \
	engine/rng.c engine/rng.h \
	engine/uncertainty.h engine/uncertainty_model.c \
	engine/uncertainty_tornado.c engine/uncertainty_mc.c \
	engine/uncertainty_results.c
# Reproducible bit for bit on every machine (doc/model.md, "Uncertainty"):
# no fused multiply-add contraction, which GNU C's default
# (-ffp-contract=fast) allows wherever the target has FMA.
# -fno-math-errno lets sqrt() be the one correctly rounded instruction,
# without a library call to set errno (nothing in the engine reads errno).
libengine_a_CFLAGS = $(AM_CFLAGS) -ffp-contract=off -fno-math-errno
