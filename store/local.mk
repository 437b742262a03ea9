# store/local.mk: build lines for store/ (none yet)
