# tests/eco.mk: the program at home on a system — running from the build
# tree and installed, man pages and --help, shared workbooks and network
# file systems, CSV for Norwegian spreadsheets (doc/testing.md).
ECO_E2E = tests/e2e/eco_build_tree.sh
dist_check_SCRIPTS += $(ECO_E2E)
TESTS += $(ECO_E2E)
