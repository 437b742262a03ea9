# tui/local.mk: build lines for tui/ (none yet)
