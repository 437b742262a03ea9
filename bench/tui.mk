# bench/tui.mk: the TUI benchmark (make bench)
