# fuzz/: libFuzzer targets.  `make fuzz` builds them in a tree configured
# with clang and -fsanitize=fuzzer-no-link (scripts/fuzz does that and runs
# each target on its seed corpus in fuzz/corpus/NAME/, NAME being the
# target's name without "fuzz_").  They are EXTRA_PROGRAMS: a gcc build
# never tries to link them.
fuzz_programs = fuzz/fuzz_numbers fuzz/fuzz_json fuzz/fuzz_config fuzz/fuzz_store_open
EXTRA_PROGRAMS += $(fuzz_programs)
fuzz_link_flags = -fsanitize=fuzzer

fuzz_fuzz_numbers_SOURCES = fuzz/fuzz_numbers.c
fuzz_fuzz_numbers_LDADD = libengine.a
fuzz_fuzz_numbers_LDFLAGS = $(fuzz_link_flags)

fuzz_fuzz_json_SOURCES = fuzz/fuzz_json.c
fuzz_fuzz_json_CPPFLAGS = $(AM_CPPFLAGS) $(JANSSON_CFLAGS)
fuzz_fuzz_json_LDADD = libinterchange.a libengine.a $(JANSSON_LIBS)
fuzz_fuzz_json_LDFLAGS = $(fuzz_link_flags)

fuzz_fuzz_config_SOURCES = fuzz/fuzz_config.c
fuzz_fuzz_config_CPPFLAGS = $(AM_CPPFLAGS) $(NCURSESW_CFLAGS)
fuzz_fuzz_config_LDADD = libconfig.a libengine.a $(INIPARSER_LIBS) $(NCURSESW_LIBS)
fuzz_fuzz_config_LDFLAGS = $(fuzz_link_flags)

fuzz_fuzz_store_open_SOURCES = fuzz/fuzz_store_open.c
fuzz_fuzz_store_open_CPPFLAGS = $(AM_CPPFLAGS) $(SQLITE3_CFLAGS)
fuzz_fuzz_store_open_LDADD = libstore.a libdata.a libinterchange.a libengine.a $(SQLITE3_LIBS) $(JANSSON_LIBS)
fuzz_fuzz_store_open_LDFLAGS = $(fuzz_link_flags)

# The seed corpora; each file small (the store's are whole workbooks of a
# few KB, hence scripts/fuzz's -max_len).
EXTRA_DIST += fuzz/corpus fuzz/json.dict fuzz/config.dict

fuzz: $(fuzz_programs)
.PHONY: fuzz

print-fuzz-programs:
	@echo $(fuzz_programs)
.PHONY: print-fuzz-programs
