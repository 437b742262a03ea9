# tests/store.mk: tests of store/ (none yet)
