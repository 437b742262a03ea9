# tests/tui.mk: tests of tui/ (none yet)
