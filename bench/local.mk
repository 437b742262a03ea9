# bench/: benchmarks, run by `make bench`, never by `make check`.
# EXTRA_PROGRAMS: built only on request, but its sources are distributed.
EXTRA_PROGRAMS += bench/engine_bench
bench_programs += bench/engine_bench
bench_engine_bench_SOURCES = bench/engine_bench.c
bench_engine_bench_LDADD = libengine.a
CLEANFILES += bench/engine_bench$(EXEEXT)
