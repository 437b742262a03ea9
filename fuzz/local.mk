# fuzz/: libFuzzer targets.  `make fuzz` builds them in a tree configured
# with clang and -fsanitize=fuzzer-no-link (scripts/fuzz does that and runs
# each target on its seed corpus in fuzz/corpus/).
fuzz_programs = fuzz/fuzz_numbers
EXTRA_PROGRAMS += $(fuzz_programs)
FUZZ_LDFLAGS = -fsanitize=fuzzer

fuzz_fuzz_numbers_SOURCES = fuzz/fuzz_numbers.c
fuzz_fuzz_numbers_LDADD = libengine.a
fuzz_fuzz_numbers_LDFLAGS = $(FUZZ_LDFLAGS)

EXTRA_DIST += fuzz/corpus fuzz/fuzz_json.c fuzz/fuzz_store_open.c

fuzz: $(fuzz_programs)
.PHONY: fuzz

print-fuzz-programs:
	@echo $(fuzz_programs)
.PHONY: print-fuzz-programs
