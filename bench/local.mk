# bench/: benchmarks, run by `make bench`, never by `make check`.
# EXTRA_PROGRAMS: built only on request, but its sources are distributed.
EXTRA_PROGRAMS += bench/engine_bench
bench_programs += bench/engine_bench
bench_engine_bench_SOURCES = bench/engine_bench.c bench/synthetic.c bench/synthetic.h
bench_engine_bench_LDADD = libengine.a
CLEANFILES += bench/engine_bench$(EXEEXT)

EXTRA_PROGRAMS += bench/output_bench
bench_programs += bench/output_bench
bench_output_bench_SOURCES = bench/output_bench.c bench/synthetic.c bench/synthetic.h
bench_output_bench_CPPFLAGS = $(AM_CPPFLAGS) $(XLSXWRITER_CFLAGS) $(JANSSON_CFLAGS)
bench_output_bench_LDADD = libreport.a libinterchange.a libengine.a \
	$(XLSXWRITER_LIBS) $(JANSSON_LIBS)
CLEANFILES += bench/output_bench$(EXEEXT)

EXTRA_PROGRAMS += bench/uncertainty_bench
bench_programs += bench/uncertainty_bench
bench_uncertainty_bench_SOURCES = bench/uncertainty_bench.c
bench_uncertainty_bench_LDADD = libengine.a
CLEANFILES += bench/uncertainty_bench$(EXEEXT)
EXTRA_PROGRAMS += bench/store_bench
bench_programs += bench/store_bench
bench_store_bench_SOURCES = bench/store_bench.c
bench_store_bench_CFLAGS = $(AM_CFLAGS) $(SQLITE3_CFLAGS)
bench_store_bench_LDADD = libstore.a libdata.a libinterchange.a libengine.a $(SQLITE3_LIBS) $(JANSSON_LIBS)
CLEANFILES += bench/store_bench$(EXEEXT)
