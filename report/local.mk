# report/local.mk: build lines for report/ (none yet)
