# config/local.mk: build lines for config/ (none yet)
