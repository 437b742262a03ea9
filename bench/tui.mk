# bench/tui.mk: the TUI benchmark (make bench): keystroke-to-frame latency
# and bytes per keystroke through a pseudo-terminal (bench/tui_bench.c).
EXTRA_PROGRAMS += bench/tui_bench
bench_programs += bench/tui_bench
bench_tui_bench_SOURCES = bench/tui_bench.c
bench_tui_bench_CFLAGS = $(AM_CFLAGS) $(SQLITE3_CFLAGS)
bench_tui_bench_LDADD = libstore.a libdata.a libinterchange.a libengine.a $(SQLITE3_LIBS) $(JANSSON_LIBS) -lutil
CLEANFILES += bench/tui_bench$(EXEEXT)
