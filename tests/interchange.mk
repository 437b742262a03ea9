# tests/interchange.mk: tests of interchange/ (none yet)
