# tests/config.mk: tests of config/ (none yet)
