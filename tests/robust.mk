# tests/robust.mk: robustness tests beyond each layer's own suite (doc/
# testing.md): a short monkey run, signals and a vanishing terminal, a full
# disk, two TUIs typing at once, and valgrind.  All drive the built binary
# ($UTENFOR) and skip (77) when a tool they need is missing.
ROBUST_E2E = \
	tests/e2e/robust_monkey.sh \
	tests/e2e/robust_signals.sh \
	tests/e2e/robust_full_disk.sh \
	tests/e2e/robust_two_tuis.sh \
	tests/e2e/robust_valgrind.sh \
	tests/e2e/robust_dead_tty.sh \
	tests/e2e/robust_create_kill.sh
dist_check_SCRIPTS += $(ROBUST_E2E) tests/e2e/robust_lib.sh
dist_check_DATA += tests/valgrind.supp
TESTS += $(ROBUST_E2E)
